/* tsu-events-view.c: the event planner (事業・会議).
 *
 * Left, a month calendar and the list of events: the coming ones first,
 * soonest on top, then the past ones, latest on top, under a heading per
 * fiscal year (令和5年度). GTK 4.8's list views have no section headers,
 * so the list is a GtkListBox bound to the filtered GListModel, whose
 * header function puts a heading wherever the group changes. A list box
 * makes a row for every item, so it shows the first EVENTS_PAGE events
 * and a page more each time it is scrolled to the end: a council's years
 * of events would otherwise be thousands of rows built at once. Right, the
 * page of the selected event: its details, the programme and the
 * attendees panel, with reception, minutes, printouts and exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "tsu-attendee.h"
#include "tsu-application.h"
#include "tsu-audit.h"
#include "tsu-attendees-panel.h"
#include "tsu-date.h"
#include "tsu-event-editor.h"
#include "tsu-event-session.h"
#include "tsu-events-report.h"
#include "tsu-events-view.h"
#include "tsu-export.h"
#include "tsu-history-window.h"
#include "tsu-kana.h"
#include "tsu-minutes-editor.h"
#include "tsu-print.h"
#include "tsu-reception-window.h"
#include "tsu-session-editor.h"
#include "tsu-view-support.h"

/* The kind drop-down lists "all" first, then the kinds in enum order. */
#define KIND_ALL 0

/* Rows the list shows at first, and adds each time it reaches its end. */
#define EVENTS_PAGE 100

struct _TsuEventsView
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkStack           *main_stack;
  AdwStatusPage      *empty_page;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_dropdown;
  GtkMenuButton      *summary_button;
  GtkCalendar        *calendar;
  GtkWidget          *day_filter_box;
  GtkLabel           *day_filter_label;
  GtkStack           *list_stack;
  GtkListBox         *event_list;
  GtkLabel           *count_label;
  GtkStack           *detail_stack;
  GtkLabel           *detail_title;
  GtkLabel           *detail_when;
  GtkListBox         *detail_list;
  GtkListBox         *session_list;
  GtkBox             *attendees_box;

  /* borrowed: a child of attendees_box */
  GtkWidget          *attendees_panel;
  gint64              panel_event_id;  /* what the panel shows, and */
  gint64              panel_version;   /* in which version */

  /* owned */
  TsuDatabase        *database;
  GSettings          *settings;       /* NULL without the installed schema */
  GListStore         *store;          /* TsuEvent, in list order */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSliceListModel  *shown;          /* the first rows of filtered */
  char               *needle;         /* normalised search text */
  char               *today;          /* ISO */
  GDate               day;            /* the calendar day listed, if valid */
  gint64              selected_id;
  guint               month_idle_id;
  guint               redraw_idle_id;
  gboolean            month_changed;  /* the calendar is turning pages */
  gboolean            reloading;
  gboolean            selecting_day;  /* the view moves the calendar */
  gboolean            redrawing;      /* … to show its marks */
  gboolean            committing;     /* a head count is being saved */
  gboolean            exporting;
  gboolean             stale;          /* to be loaded when next shown */
};

G_DEFINE_FINAL_TYPE (TsuEventsView, tsu_events_view, ADW_TYPE_BIN)

static GQuark count_quark;
static GQuark search_key_quark;

static void reload         (TsuEventsView *self);
static void show_event     (TsuEventsView *self);
static void select_event   (TsuEventsView *self,
                            gint64         id);

static TsuDateStyle
date_style (TsuEventsView *self)
{
  return tsu_settings_get_date_style (self->settings);
}

static GtkWindow *
parent_window (TsuEventsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (TsuEventsView *self,
            const char    *heading,
            const char    *body)
{
  tsu_widget_show_error (GTK_WIDGET (self), heading, body);
}

/* Dates ------------------------------------------------------------------- */

/* The first and last day of @event; FALSE when it has no start date. */
static gboolean
event_days (TsuEvent *event,
            GDate    *first,
            GDate    *last)
{
  const char *starts = tsu_event_get_starts_at (event);
  const char *ends = tsu_event_get_ends_at (event);
  g_autofree char *start_day = NULL;
  g_autofree char *end_day = NULL;

  if (starts == NULL || strlen (starts) < 10)
    return FALSE;
  start_day = g_strndup (starts, 10);
  if (!tsu_date_from_iso (start_day, first))
    return FALSE;
  *last = *first;
  if (ends != NULL && strlen (ends) >= 10)
    {
      end_day = g_strndup (ends, 10);
      if (!tsu_date_from_iso (end_day, last) || g_date_compare (last, first) < 0)
        *last = *first;
    }
  return TRUE;
}

/* Coming (or going on today) rather than over. */
static gboolean
is_upcoming (TsuEventsView *self,
             TsuEvent      *event)
{
  GDate first, last;
  g_autofree char *last_iso = NULL;

  if (!event_days (event, &first, &last))
    return TRUE;
  last_iso = tsu_date_to_iso (&last);
  return strcmp (last_iso, self->today) >= 0;
}

static int
fiscal_year (TsuEvent *event)
{
  return tsu_event_get_fiscal_year (event);
}

static guint
attendee_count (TsuEvent *event)
{
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (event), count_quark));
}

/* Coming events by start, soonest first; then past ones, latest first. */
static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  TsuEventsView *self = user_data;
  TsuEvent *x = *(TsuEvent **) a;
  TsuEvent *y = *(TsuEvent **) b;
  gboolean ux = is_upcoming (self, x);
  gboolean uy = is_upcoming (self, y);
  int order;

  if (ux != uy)
    return ux ? -1 : 1;
  order = g_strcmp0 (tsu_event_get_starts_at (x), tsu_event_get_starts_at (y));
  if (order == 0)
    order = g_strcmp0 (tsu_event_get_key (x), tsu_event_get_key (y));
  return ux ? order : -order;
}

/* Filtering ---------------------------------------------------------------- */

static const char *
search_key (TsuEvent *event)
{
  const char *key = g_object_get_qdata (G_OBJECT (event), search_key_quark);

  if (key == NULL)
    {
      g_autofree char *display = tsu_event_dup_display_title (event);
      g_autofree char *text = g_strjoin (" ", display,
                                         tsu_event_get_venue (event) ? tsu_event_get_venue (event) : "",
                                         tsu_event_get_organizer (event) ? tsu_event_get_organizer (event) : "",
                                         tsu_event_get_key (event) ? tsu_event_get_key (event) : "",
                                         NULL);
      char *normalized = tsu_kana_normalize (text);

      g_object_set_qdata_full (G_OBJECT (event), search_key_quark, normalized, g_free);
      key = normalized;
    }
  return key;
}

static gboolean
match_event (gpointer item,
             gpointer user_data)
{
  TsuEventsView *self = user_data;
  TsuEvent *event = item;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (kind != KIND_ALL && kind != GTK_INVALID_LIST_POSITION
      && (guint) tsu_event_get_kind (event) != kind - 1)
    return FALSE;
  if (self->needle != NULL && *self->needle != '\0'
      && strstr (search_key (event), self->needle) == NULL)
    return FALSE;
  if (g_date_valid (&self->day))
    {
      GDate first, last;

      if (!event_days (event, &first, &last)
          || g_date_compare (&self->day, &first) < 0
          || g_date_compare (&self->day, &last) > 0)
        return FALSE;
    }
  return TRUE;
}

static void
update_list_state (TsuEventsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  gtk_stack_set_visible_child_name (self->main_stack, total > 0 ? "events" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "no-results");
  if (shown == total)
    text = g_strdup_printf (ngettext ("%u event", "%u events", total), total);
  else
    /* Translators: events shown after filtering, of all events */
    text = g_strdup_printf (ngettext ("%u of %u event", "%u of %u events", total), shown, total);
  gtk_label_set_text (self->count_label, text);
}

static void
refilter (TsuEventsView *self)
{
  gint64 keep = self->selected_id;

  self->reloading = TRUE;
  tsu_paged_slice_reset (self->shown);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->reloading = FALSE;
  update_list_state (self);
  select_event (self, keep);
}

static void
on_search_changed (TsuEventsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->needle);
  self->needle = tsu_kana_normalize (text);
  refilter (self);
}

static void
on_stop_search (TsuEventsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_changed (TsuEventsView *self)
{
  if (self->filter != NULL)
    refilter (self);
}

/* The list ------------------------------------------------------------------ */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TsuEventsView *self = user_data;
  TsuEvent *event = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = tsu_event_dup_display_title (event);
  g_autofree char *when = tsu_event_dup_when_text (event, date_style (self));
  g_autofree char *subtitle = NULL;
  g_autofree char *count_text = NULL;
  guint count = attendee_count (event);
  GtkWidget *count_label;

  /* Translators: the second line of an event in the list: when, kind and
   * status, e.g. "令和5年7月19日 15:00〜16:30 · 会議 · 実施済" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), when,
                              tsu_event_kind_to_label (tsu_event_get_kind (event)),
                              tsu_event_status_to_label (tsu_event_get_status (event)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  /* Events without a list of attendees (counted by head only) say
   * nothing rather than "0". */
  if (count > 0)
    {
      count_text = g_strdup_printf (ngettext ("%u attendee", "%u attendees", count), count);
      count_label = gtk_label_new (count_text);
      gtk_widget_add_css_class (count_label, "dim-label");
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_widget_add_css_class (count_label, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label);
    }
  if (tsu_event_get_status (event) == TSU_EVENT_STATUS_CANCELLED)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static TsuEvent *
event_at (TsuEventsView *self,
          int            index)
{
  if (index < 0)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->filtered), (guint) index);
}

/* A heading over the first row of each group: the fiscal year, and for
 * the coming events a note that they are still to come. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  TsuEventsView *self = user_data;
  g_autoptr(TsuEvent) event = event_at (self, gtk_list_box_row_get_index (row));
  g_autoptr(TsuEvent) previous = before ? event_at (self, gtk_list_box_row_get_index (before)) : NULL;
  g_autofree char *year_text = NULL;
  GtkWidget *header, *label;
  gboolean upcoming;

  if (event == NULL)
    return;
  upcoming = is_upcoming (self, event);
  if (previous != NULL && is_upcoming (self, previous) == upcoming
      && fiscal_year (previous) == fiscal_year (event))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, before ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  year_text = tsu_fiscal_year_format (fiscal_year (event), date_style (self));
  label = gtk_label_new (year_text);
  gtk_widget_set_name (label, "fiscal-year-heading");
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (header), label);
  if (upcoming)
    {
      /* Translators: next to a fiscal year heading over the events still
       * to come */
      label = gtk_label_new (_("Coming"));
      gtk_widget_add_css_class (label, "accent");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (header), label);
    }
  gtk_list_box_row_set_header (row, header);
}

static void
select_event (TsuEventsView *self,
              gint64         id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(TsuEvent) event = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (tsu_event_get_id (event) == id)
        {
          GtkListBoxRow *row;
          gboolean reloading = self->reloading;

          self->selected_id = id;
          /* Quietly: the page is shown just below. */
          self->reloading = TRUE;
          /* The list shows as far as the event. */
          tsu_paged_slice_show_position (self->shown, i);
          row = gtk_list_box_get_row_at_index (self->event_list, (int) i);
          if (gtk_list_box_get_selected_row (self->event_list) != row)
            gtk_list_box_select_row (self->event_list, row);
          self->reloading = reloading;
          show_event (self);
          return;
        }
    }
  /* Gone, or hidden by the filters: nothing is shown rather than
   * something the list does not show. */
  self->selected_id = 0;
  {
    gboolean reloading = self->reloading;

    self->reloading = TRUE;
    gtk_list_box_unselect_all (self->event_list);
    self->reloading = reloading;
  }
  show_event (self);
}

static void
move_calendar_to (TsuEventsView *self,
                  TsuEvent      *event)
{
  GDate first, last;
  g_autoptr(GDateTime) when = NULL;

  if (event == NULL || !event_days (event, &first, &last))
    return;
  /* The day the user chose stays selected when it is one of the event's
   * days. */
  if (g_date_valid (&self->day)
      && g_date_compare (&self->day, &first) >= 0 && g_date_compare (&self->day, &last) <= 0)
    return;
  when = g_date_time_new_local (g_date_get_year (&first), g_date_get_month (&first),
                                g_date_get_day (&first), 0, 0, 0);
  self->selecting_day = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->selecting_day = FALSE;
}

static void
on_row_selected (TsuEventsView *self,
                 GtkListBoxRow *row)
{
  g_autoptr(TsuEvent) event = NULL;

  if (self->reloading)
    return;
  event = row ? event_at (self, gtk_list_box_row_get_index (row)) : NULL;
  self->selected_id = event ? tsu_event_get_id (event) : 0;
  move_calendar_to (self, event);
  show_event (self);
}

static void
open_editor (TsuEventsView *self,
             TsuEvent      *event);

static void
on_row_activated (TsuEventsView *self,
                  GtkListBoxRow *row)
{
  g_autoptr(TsuEvent) event = event_at (self, gtk_list_box_row_get_index (row));

  if (event != NULL)
    open_editor (self, event);
}

/* The calendar --------------------------------------------------------------- */

/* GTK 4.8 draws a day as marked only when it lays out a month, so
 * marks made afterwards (as they must be, once the month is known) would
 * not show: lay the month out again by leaving it and coming back. From
 * an idle, as the calendar may be in the middle of changing its date. */
static gboolean
redraw_marks (gpointer user_data)
{
  TsuEventsView *self = user_data;
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) other = g_date_time_add_months (date, 1);
  gboolean selecting = self->selecting_day;

  self->selecting_day = TRUE;
  self->redrawing = TRUE;
  gtk_calendar_select_day (self->calendar, other);
  gtk_calendar_select_day (self->calendar, date);
  self->redrawing = FALSE;
  self->selecting_day = selecting;
  self->redraw_idle_id = 0;
  return G_SOURCE_REMOVE;
}

/* The month shown (1–12); GTK 4.8 has only the properties for it. */
static void
calendar_month (TsuEventsView *self,
                guint         *year,
                guint         *month)
{
  int y = 0, m = 0;

  g_object_get (self->calendar, "year", &y, "month", &m, NULL);
  *year = (guint) y;
  *month = (guint) m + 1;
}

static void
update_marks (TsuEventsView *self)
{
  guint year, month;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  GDate month_first, month_last;

  calendar_month (self, &year, &month);
  gtk_calendar_clear_marks (self->calendar);
  if (!g_date_valid_dmy (1, (GDateMonth) month, (GDateYear) year))
    return;
  g_date_clear (&month_first, 1);
  g_date_clear (&month_last, 1);
  g_date_set_dmy (&month_first, 1, (GDateMonth) month, (GDateYear) year);
  g_date_set_dmy (&month_last, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year),
                  (GDateMonth) month, (GDateYear) year);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuEvent) event = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      GDate first, last, day;

      if (!event_days (event, &first, &last)
          || g_date_compare (&last, &month_first) < 0
          || g_date_compare (&first, &month_last) > 0)
        continue;
      day = first;
      if (g_date_compare (&day, &month_first) < 0)
        day = month_first;
      for (; g_date_compare (&day, &last) <= 0 && g_date_compare (&day, &month_last) <= 0;
           g_date_add_days (&day, 1))
        gtk_calendar_mark_day (self->calendar, g_date_get_day (&day));
    }
  if (self->redraw_idle_id == 0)
    self->redraw_idle_id = g_idle_add (redraw_marks, self);
}

static gboolean
clear_month_changed (gpointer user_data)
{
  TsuEventsView *self = user_data;

  self->month_changed = FALSE;
  self->month_idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_month_changed (TsuEventsView *self)
{
  if (self->reloading || self->redrawing)
    return;
  update_marks (self);
  /* Turning the page also selects a day of the new month; that is not
   * the user choosing a day, so the list stays as it is. */
  self->month_changed = TRUE;
  if (self->month_idle_id == 0)
    self->month_idle_id = g_idle_add (clear_month_changed, self);
}

static void
set_day_filter (TsuEventsView *self,
                const GDate   *day)
{
  if (day != NULL)
    {
      g_autofree char *iso = tsu_date_to_iso (day);
      g_autofree char *text = tsu_date_format_iso (iso, date_style (self));
      g_autofree char *label = NULL;

      self->day = *day;
      /* Translators: %s is a date; shown over the list filtered to it */
      label = g_strdup_printf (_("Events on %s"), text);
      gtk_label_set_text (self->day_filter_label, label);
    }
  else
    g_date_clear (&self->day, 1);
  gtk_widget_set_visible (self->day_filter_box, day != NULL);
  refilter (self);
}

static void
on_day_selected (TsuEventsView *self)
{
  g_autoptr(GDateTime) chosen = NULL;
  GDate day;
  gboolean has_events;

  if (self->selecting_day || self->month_changed || self->reloading)
    return;
  chosen = gtk_calendar_get_date (self->calendar);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (chosen),
                  (GDateMonth) g_date_time_get_month (chosen),
                  (GDateYear) g_date_time_get_year (chosen));
  has_events = gtk_calendar_get_day_is_marked (self->calendar, g_date_get_day (&day));
  set_day_filter (self, has_events ? &day : NULL);
  if (has_events && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      g_autoptr(TsuEvent) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

      select_event (self, tsu_event_get_id (first));
    }
}

static void
show_all_days_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_day_filter (TSU_EVENTS_VIEW (widget), NULL);
}

/* The event page ----------------------------------------------------------- */

/* "13:00〜15:00", with dates when the event runs over several days or the
 * item ends on another day. */
static char *
session_when_text (TsuEventsView   *self,
                   TsuEvent        *event,
                   TsuEventSession *session)
{
  const char *starts = tsu_event_session_get_starts_at (session);
  const char *ends = tsu_event_session_get_ends_at (session);
  GDate first, last;
  gboolean several_days = event_days (event, &first, &last) && g_date_compare (&first, &last) != 0;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (starts == NULL || *starts == '\0')
    return g_strdup ("");
  if (several_days || strchr (starts, 'T') == NULL)
    start_text = tsu_date_time_format_iso (starts, date_style (self));
  else
    start_text = g_strdup (strchr (starts, 'T') + 1);
  if (ends == NULL || *ends == '\0')
    return g_steal_pointer (&start_text);
  if (strncmp (starts, ends, 10) == 0 && strchr (ends, 'T') != NULL)
    end_text = g_strdup (strchr (ends, 'T') + 1);
  else
    end_text = tsu_date_time_format_iso (ends, date_style (self));
  return g_strconcat (start_text, "〜", end_text, NULL);
}

static gboolean
parse_count (const char *text,
             int        *count)
{
  g_autofree char *folded = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  guint64 value;

  g_strstrip (folded);
  *count = TSU_HEAD_COUNT_UNKNOWN;
  if (*folded == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (folded, 10, 0, 100000, &value, NULL))
    return FALSE;
  *count = (int) value;
  return TRUE;
}

static TsuEventSession *
find_session (TsuEventsView *self,
              gint64         id)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL || self->selected_id == 0)
    return NULL;
  sessions = tsu_event_session_load_for_event (self->database, self->selected_id, &error);
  if (sessions == NULL)
    {
      show_error (self, _("Could Not Load the Programme"), error->message);
      return NULL;
    }
  for (guint i = 0; i < sessions->len; i++)
    if (tsu_event_session_get_id (g_ptr_array_index (sessions, i)) == id)
      return g_object_ref (g_ptr_array_index (sessions, i));
  return NULL;
}

/* Saves the head count typed in a programme row, if it changed. */
static void
commit_head_count (TsuEventsView *self,
                   GtkEntry      *entry)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (entry), "tsu-session-id");
  int shown = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "tsu-head-count"));
  g_autoptr(TsuEventSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int count;

  if (self->committing)
    return;
  if (!parse_count (gtk_editable_get_text (GTK_EDITABLE (entry)), &count))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (count == shown)
    return;
  session = find_session (self, id);
  if (session == NULL)
    return;
  tsu_event_session_set_head_count (session, count);
  g_object_set_data (G_OBJECT (entry), "tsu-head-count", GINT_TO_POINTER (count));
  /* Saving reloads the page, which takes the focus from this entry and
   * would commit it again. */
  self->committing = TRUE;
  if (!tsu_event_session_save (session, self->database, &error))
    show_error (self, _("Could Not Save the Head Count"), error->message);
  self->committing = FALSE;
}

static void
on_head_count_activate (GtkEntry      *entry,
                        TsuEventsView *self)
{
  commit_head_count (self, entry);
}

typedef struct
{
  GWeakRef  view;
  GtkEntry *entry;
} PendingCount;

static void
pending_count_free (PendingCount *pending)
{
  g_weak_ref_clear (&pending->view);
  g_object_unref (pending->entry);
  g_free (pending);
}

static gboolean
commit_pending_count (gpointer user_data)
{
  PendingCount *pending = user_data;
  g_autoptr(TsuEventsView) self = g_weak_ref_get (&pending->view);

  if (self != NULL && self->database != NULL)
    commit_head_count (self, pending->entry);
  return G_SOURCE_REMOVE;
}

static void
on_head_count_leave (GtkEventControllerFocus *controller,
                     TsuEventsView           *self)
{
  PendingCount *pending = g_new0 (PendingCount, 1);

  /* The focus also leaves when the page is being built again (after a
   * change elsewhere); saving then would rebuild it in the middle of
   * that, so the count typed is saved right after. */
  g_weak_ref_init (&pending->view, self);
  pending->entry = g_object_ref (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
  g_idle_add_full (G_PRIORITY_DEFAULT, commit_pending_count, pending, (GDestroyNotify) pending_count_free);
}

static GtkWidget *
head_count_entry (TsuEventsView   *self,
                  TsuEventSession *session)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  int count = tsu_event_session_get_head_count (session);
  g_autofree char *text = count >= 0 ? g_strdup_printf ("%d", count) : g_strdup ("");
  /* Translators: %s is the title of a session of an event */
  g_autofree char *label = g_strdup_printf (_("Head count of “%s”"), tsu_event_session_get_title (session));
  gint64 *id = g_new (gint64, 1);

  *id = tsu_event_session_get_id (session);
  gtk_widget_set_name (entry, "head-count");
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 5);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  /* Translators: placeholder of a head count not taken yet */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("—"));
  gtk_widget_set_tooltip_text (entry, _("Head count; leave empty until counted, Enter saves"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (entry), "tsu-session-id", id, g_free);
  g_object_set_data (G_OBJECT (entry), "tsu-head-count", GINT_TO_POINTER (count));
  g_signal_connect (entry, "activate", G_CALLBACK (on_head_count_activate), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_head_count_leave), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static void
show_sessions (TsuEventsView *self,
               TsuEvent      *event)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  int total = 0;
  gboolean counted = FALSE;

  tsu_list_box_remove_all (self->session_list);
  sessions = tsu_event_session_load_for_event (self->database, tsu_event_get_id (event), &error);
  if (sessions == NULL)
    {
      tsu_list_box_add_detail (self->session_list, _("Could not load the programme"), error->message);
      return;
    }
  if (sessions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No programme yet: add the sessions of a training, "
                                       "the stops of a tour or the parts of a meeting."));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->session_list, row);
      return;
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      TsuEventSession *session = g_ptr_array_index (sessions, i);
      const char *title = tsu_event_session_get_title (session);
      gint64 id = tsu_event_session_get_id (session);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *when = session_when_text (self, event, session);
      g_autofree char *subtitle = NULL;
      g_autofree char *position = g_strdup_printf ("%u", tsu_event_session_get_position (session));
      g_autofree char *edit_label = g_strdup_printf (_("Edit “%s”"), title);
      g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), title);
      /* Translators: %s is the title of a session */
      g_autofree char *up_label = g_strdup_printf (_("Move “%s” Up"), title);
      /* Translators: %s is the title of a session */
      g_autofree char *down_label = g_strdup_printf (_("Move “%s” Down"), title);
      const char *lecturer = tsu_event_session_get_lecturer (session);
      const char *place = tsu_event_session_get_place (session);
      guint capacity = tsu_event_session_get_capacity (session);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *number = gtk_label_new (position);
      GtkWidget *button;

      if (tsu_event_session_get_head_count (session) >= 0)
        {
          total += tsu_event_session_get_head_count (session);
          counted = TRUE;
        }
      if (lecturer != NULL && *lecturer != '\0')
        g_ptr_array_add (parts, g_strdup (lecturer));
      if (*when != '\0')
        g_ptr_array_add (parts, g_strdup (when));
      if (place != NULL && *place != '\0')
        g_ptr_array_add (parts, g_strdup (place));
      if (capacity > 0)
        /* Translators: the capacity of a session */
        g_ptr_array_add (parts, g_strdup_printf (_("capacity %u"), capacity));
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_add_css_class (number, "dim-label");
      gtk_label_set_width_chars (GTK_LABEL (number), 2);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), number);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), head_count_entry (self, session));
      button = tsu_icon_button_new ("go-up-symbolic", up_label,
                            i > 0 ? "events.move-session-up" : NULL, id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      button = tsu_icon_button_new ("go-down-symbolic", down_label,
                            i + 1 < sessions->len ? "events.move-session-down" : NULL, id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 tsu_icon_button_new ("document-edit-symbolic", edit_label,
                                              "events.edit-session", id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 tsu_icon_button_new ("user-trash-symbolic", delete_label,
                                              "events.delete-session", id));
      gtk_list_box_append (self->session_list, row);
    }

  if (counted)
    {
      g_autofree char *text = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label;

      /* Translators: the sum of the head counts of an event's programme */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Total Head Count"));
      text = g_strdup_printf ("%d", total);
      label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->session_list, row);
    }
}

static void
update_summary_tooltip (TsuEventsView *self);

static void
show_event (TsuEventsView *self)
{
  TsuEvent *event = tsu_events_view_get_selected (self);
  const char *actions[] = {
    "events.edit", "events.delete", "events.history", "events.add-session", "events.reception",
    "events.minutes", "events.print-attendees", "events.print-sign-in",
    "events.print-minutes", "events.export-attendees",
  };
  g_autofree char *display = NULL;
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *number = NULL;
  g_autofree char *pillars = NULL;
  g_autofree char *capacity = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.export-attendees",
                                 event != NULL && !self->exporting);
  update_summary_tooltip (self);
  if (event == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      if (self->attendees_panel != NULL && self->panel_event_id != 0)
        tsu_attendees_panel_set_event (TSU_ATTENDEES_PANEL (self->attendees_panel), self->database, NULL);
      self->panel_event_id = 0;
      return;
    }

  display = tsu_event_dup_display_title (event);
  when = tsu_event_dup_when_text (event, date_style (self));
  /* Translators: under an event's title: when, kind and status */
  meta = g_strdup_printf (_("%s · %s · %s"), when,
                          tsu_event_kind_to_label (tsu_event_get_kind (event)),
                          tsu_event_status_to_label (tsu_event_get_status (event)));
  gtk_label_set_text (self->detail_title, display);
  gtk_label_set_text (self->detail_when, meta);

  if (tsu_event_get_number (event) > 0)
    /* Translators: the number of a recurring event, 第5回 */
    number = g_strdup_printf (_("No. %u"), tsu_event_get_number (event));
  pillars = tsu_pillars_to_text (tsu_event_get_pillars (event));
  capacity = tsu_event_get_capacity (event) > 0
             ? g_strdup_printf ("%u", tsu_event_get_capacity (event))
             : g_strdup (_("No limit"));

  tsu_list_box_remove_all (self->detail_list);
  if (number != NULL)
    tsu_list_box_add_detail (self->detail_list, _("Number"), number);
  tsu_list_box_add_detail (self->detail_list, _("Venue"), tsu_event_get_venue (event));
  tsu_list_box_add_detail (self->detail_list, _("Organiser"), tsu_event_get_organizer (event));
  tsu_list_box_add_detail (self->detail_list, _("Policy Pillars"), pillars);
  tsu_list_box_add_detail (self->detail_list, _("Capacity"), capacity);
  tsu_list_box_add_detail (self->detail_list, _("Budget Line"), tsu_event_get_budget_line (event));
  tsu_list_box_add_detail (self->detail_list, _("Key"), tsu_event_get_key (event));
  tsu_list_box_add_detail (self->detail_list, _("Notes"), tsu_event_get_notes (event));

  show_sessions (self, event);
  /* The panel starts again from the top when given an event, so it only
   * gets one when it is another event or the event itself changed; it
   * follows its attendees by itself. */
  if (self->attendees_panel != NULL
      && (self->panel_event_id != tsu_event_get_id (event)
          || self->panel_version != tsu_event_get_version (event)))
    {
      tsu_attendees_panel_set_event (TSU_ATTENDEES_PANEL (self->attendees_panel), self->database, event);
      self->panel_event_id = tsu_event_get_id (event);
      self->panel_version = tsu_event_get_version (event);
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "event");
}

/* Loading ------------------------------------------------------------------ */

static void
reload_now (TsuEventsView *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = self->selected_id;

  g_free (self->today);
  self->today = tsu_date_today_iso ();

  if (self->database == NULL)
    all = g_ptr_array_new_with_free_func (g_object_unref);
  else
    all = tsu_event_load_all (self->database, &error);
  if (all == NULL)
    {
      show_error (self, _("Could Not Load the Events"), error->message);
      return;
    }

  for (guint i = 0; i < all->len; i++)
    {
      TsuEvent *event = g_ptr_array_index (all, i);
      guint counts[TSU_N_ATTENDEE_STATUSES] = { 0 };
      g_autoptr(GError) count_error = NULL;
      guint count = 0;

      if (tsu_attendee_count_by_status (self->database, tsu_event_get_id (event), counts, &count_error))
        count = counts[TSU_ATTENDEE_STATUS_REGISTERED] + counts[TSU_ATTENDEE_STATUS_ATTENDED]
                + counts[TSU_ATTENDEE_STATUS_ABSENT];
      else
        g_warning ("Could not count the attendees: %s", count_error->message);
      g_object_set_qdata (G_OBJECT (event), count_quark, GUINT_TO_POINTER (count));
    }
  g_ptr_array_sort_with_data (all, compare_events, self);

  /* The rows are made again; the selection comes back afterwards. */
  self->reloading = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       all->pdata, all->len);
  self->reloading = FALSE;
  update_list_state (self);
  update_marks (self);
  select_event (self, keep);
}

/* A view behind another is loaded when it is next shown: with a large
 * file, loading every view at start (or on every change) would cost
 * seconds and memory for lists nobody looks at. */
static void
reload (TsuEventsView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  reload_now (self);
}

static void
tsu_events_view_map (GtkWidget *widget)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);

  GTK_WIDGET_CLASS (tsu_events_view_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
on_database_changed (TsuDatabase   *database,
                     const char    *table,
                     TsuEventsView *self)
{
  /* The people and organisations only matter to the attendees panel,
   * which follows the database itself; the minutes are not shown here. */
  if (g_strcmp0 (table, "people") == 0 || g_strcmp0 (table, "organizations") == 0
      || g_strcmp0 (table, "minutes") == 0)
    return;
  reload (self);
}

static void
on_settings_changed (GSettings     *settings,
                     const char    *key,
                     TsuEventsView *self)
{
  if (g_str_equal (key, "date-style"))
    reload (self);
}

/* Actions ------------------------------------------------------------------ */

static void
on_event_saved (TsuEventEditor *editor,
                TsuEvent       *event,
                TsuEventsView  *self)
{
  /* The store's "changed" has reloaded the list already; show the event
   * even if the filters would hide it. */
  self->selected_id = tsu_event_get_id (event);
  if (tsu_events_view_get_selected (self) == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->needle, g_free);
      gtk_drop_down_set_selected (self->kind_dropdown, KIND_ALL);
      g_date_clear (&self->day, 1);
      gtk_widget_set_visible (self->day_filter_box, FALSE);
      refilter (self);
    }
  tsu_events_view_show_event (self, tsu_event_get_id (event));
}

static void
open_editor (TsuEventsView *self,
             TsuEvent      *event)
{
  TsuEventEditor *editor;

  if (self->database == NULL)
    return;
  editor = tsu_event_editor_new (parent_window (self), self->database, event);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_event_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  tsu_events_view_add_event (TSU_EVENTS_VIEW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);
  TsuEvent *event = tsu_events_view_get_selected (self);

  if (event != NULL)
    open_editor (self, event);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);
  TsuEvent *selected = tsu_events_view_get_selected (self);
  g_autoptr(TsuEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *text = NULL;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->event_list);
  int index = row ? gtk_list_box_row_get_index (row) : 0;
  gint64 change;
  guint n;

  if (selected == NULL || self->database == NULL)
    return;
  event = g_object_ref (selected);
  display = tsu_event_dup_display_title (event);
  if (!tsu_event_delete (self->database, tsu_event_get_id (event), &error))
    {
      show_error (self, _("Could Not Delete the Event"), error->message);
      return;
    }
  change = tsu_database_get_last_change (self->database);

  /* Keep the keyboard where it was: select the row that moved up. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  if (n > 0)
    {
      g_autoptr(TsuEvent) next = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                        MIN ((guint) MAX (index, 0), n - 1));

      select_event (self, tsu_event_get_id (next));
    }

  /* Translators: %s is the title of the deleted event; shown with an Undo
   * button */
  text = g_strdup_printf (_("Deleted “%s”"), display);
  tsu_widget_add_undo_toast (GTK_WIDGET (self), self->database, change, text);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);
  TsuEvent *event = tsu_events_view_get_selected (self);
  g_autofree char *display = NULL;

  if (event == NULL || self->database == NULL)
    return;
  display = tsu_event_dup_display_title (event);
  tsu_history_window_present_for (widget, self->database, "events",
                                  tsu_event_get_id (event), display);
}

static void
open_session_editor (TsuEventsView   *self,
                     TsuEventSession *session)
{
  TsuEvent *event = tsu_events_view_get_selected (self);
  TsuSessionEditor *editor;

  if (event == NULL || self->database == NULL)
    return;
  editor = tsu_session_editor_new (parent_window (self), self->database, event, session);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_session_editor (TSU_EVENTS_VIEW (widget), NULL);
}

static void
edit_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);
  g_autoptr(TsuEventSession) session = find_session (self, g_variant_get_int64 (parameter));

  if (session != NULL)
    open_session_editor (self, session);
}

static void
delete_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);
  g_autoptr(TsuEventSession) session = find_session (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (session == NULL || self->database == NULL)
    return;
  /* No question first: the toast's Undo brings the item back with its
   * head count, its place in the programme and who attended it. */
  if (!tsu_event_session_delete (self->database, tsu_event_session_get_id (session), &error))
    {
      show_error (self, _("Could Not Delete the Programme Item"), error->message);
      return;
    }
  /* Translators: %s is the title of a session of an event; shown with an
   * Undo button */
  text = g_strdup_printf (_("Deleted “%s”"), tsu_event_session_get_title (session));
  tsu_widget_add_undo_toast (GTK_WIDGET (self), self->database,
                             tsu_database_get_last_change (self->database), text);
}

static void
move_session (TsuEventsView *self,
              gint64         id,
              int            delta)
{
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;
  if (!tsu_event_session_move (self->database, id, delta, &error))
    show_error (self, _("Could Not Move the Programme Item"), error->message);
}

static void
move_session_up_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  move_session (TSU_EVENTS_VIEW (widget), g_variant_get_int64 (parameter), -1);
}

static void
move_session_down_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  move_session (TSU_EVENTS_VIEW (widget), g_variant_get_int64 (parameter), +1);
}

static void
reception_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);
  TsuEvent *event = tsu_events_view_get_selected (self);

  if (event != NULL && self->database != NULL)
    gtk_window_present (GTK_WINDOW (tsu_reception_window_new (parent_window (self), self->database, event)));
}

static void
minutes_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);
  TsuEvent *event = tsu_events_view_get_selected (self);

  if (event != NULL && self->database != NULL)
    gtk_window_present (GTK_WINDOW (tsu_minutes_editor_new (parent_window (self), self->database, event)));
}

/* Printing and exports ----------------------------------------------------- */

static void
report_options (TsuEventsView         *self,
                TsuEventReportOptions *options)
{
  tsu_event_report_options_init (options);
  options->date_style = date_style (self);
}

/* The fiscal year of the selected event, else of the month the calendar
 * shows. */
static int
summary_fiscal_year (TsuEventsView *self)
{
  TsuEvent *event = tsu_events_view_get_selected (self);
  guint year, month;
  GDate day;

  if (event != NULL)
    return tsu_event_get_fiscal_year (event);
  calendar_month (self, &year, &month);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, (GDateMonth) month, (GDateYear) year);
  return tsu_fiscal_year_of (&day);
}

static void
update_summary_tooltip (TsuEventsView *self)
{
  g_autofree char *year = tsu_fiscal_year_format (summary_fiscal_year (self), date_style (self));
  /* Translators: %s is a fiscal year, 令和5年度 */
  g_autofree char *text = g_strdup_printf (_("Attendance Summary of %s"), year);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_button), text);
}

typedef struct
{
  TsuDatabase *database;
  gint64       event_id;
} SignInPrinted;

static void
sign_in_printed_free (gpointer data)
{
  SignInPrinted *printed = data;

  g_object_unref (printed->database);
  g_free (printed);
}

/* The overview lists coming events whose sign-in sheet was never printed;
 * a sheet sent to a printer or saved as PDF counts. */
static void
on_sign_in_printed (gpointer data)
{
  SignInPrinted *printed = data;
  g_autoptr(GError) error = NULL;

  if (!tsu_event_mark_sign_in_printed (printed->database, printed->event_id, &error))
    g_warning ("Cannot record that the sign-in sheet was printed: %s", error->message);
}

typedef enum
{
  PRINT_ATTENDEES,
  PRINT_SIGN_IN,
  PRINT_MINUTES,
  PRINT_ATTENDANCE,
} PrintKind;

static void
print (TsuEventsView *self,
       PrintKind      kind)
{
  TsuEvent *event = tsu_events_view_get_selected (self);
  TsuEventReportOptions options;
  g_autoptr(TsuTablePrint) printout = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL || (event == NULL && kind != PRINT_ATTENDANCE))
    return;
  report_options (self, &options);
  switch (kind)
    {
    case PRINT_ATTENDEES:
      printout = tsu_attendees_report_new_printout (self->database, tsu_event_get_id (event), &options, &error);
      break;
    case PRINT_SIGN_IN:
      printout = tsu_sign_in_report_new_printout (self->database, tsu_event_get_id (event), &options, &error);
      break;
    case PRINT_MINUTES:
      printout = tsu_minutes_report_new_printout (self->database, tsu_event_get_id (event), &options, &error);
      break;
    case PRINT_ATTENDANCE:
      printout = tsu_attendance_report_new_printout (self->database, summary_fiscal_year (self),
                                                     &options, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (printout == NULL)
    {
      show_error (self, _("Could Not Print"), error->message);
      return;
    }
  if (kind == PRINT_SIGN_IN)
    {
      SignInPrinted *printed = g_new0 (SignInPrinted, 1);

      printed->database = g_object_ref (self->database);
      printed->event_id = tsu_event_get_id (event);
      tsu_print_table_full (parent_window (self), printout, on_sign_in_printed, printed, sign_in_printed_free);
      return;
    }
  tsu_print_table (parent_window (self), printout);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);

  if (g_str_equal (action_name, "events.print-sign-in"))
    print (self, PRINT_SIGN_IN);
  else if (g_str_equal (action_name, "events.print-minutes"))
    print (self, PRINT_MINUTES);
  else if (g_str_equal (action_name, "events.print-attendance"))
    print (self, PRINT_ATTENDANCE);
  else
    print (self, PRINT_ATTENDEES);
}

typedef struct
{
  gint64                 event_id;   /* 0: the year's attendance summary */
  int                    year;
  TsuEventReportOptions  options;
} ExportData;

static gboolean
write_workbook (TsuDatabase  *database,
                const char   *path,
                gpointer      user_data,
                GError      **error)
{
  ExportData *data = user_data;

  if (data->event_id != 0)
    return tsu_attendees_report_export_xlsx (database, data->event_id, &data->options, path, error);
  return tsu_attendance_report_export_xlsx (database, data->year, &data->options, path, error);
}

static void
set_exporting (GtkWidget *widget,
               gboolean   exporting)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);

  self->exporting = exporting;
  gtk_widget_action_set_enabled (widget, "events.export-attendees",
                                 !exporting && tsu_events_view_get_selected (self) != NULL);
  gtk_widget_action_set_enabled (widget, "events.export-attendance", !exporting);
}

static void
choose_export_file (TsuEventsView *self,
                    const char    *name,
                    ExportData    *data)
{
  tsu_export_workbook (GTK_WIDGET (self), self->database, name, _("Could Not Export"),
                       write_workbook, data, g_free, set_exporting);
}

static void
export_attendees_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);
  TsuEvent *event = tsu_events_view_get_selected (self);
  g_autofree char *name = NULL;
  ExportData *data;

  if (event == NULL || self->database == NULL || self->exporting)
    return;
  data = g_new0 (ExportData, 1);
  data->event_id = tsu_event_get_id (event);
  report_options (self, &data->options);
  /* Translators: file name of an exported attendee list, followed by the
   * event's key: 出席者名簿_2023-council-5.xlsx */
  name = g_strdup_printf ("%s_%s.xlsx", _("Attendee List"), tsu_event_get_key (event));
  choose_export_file (self, name, data);
}

static void
export_attendance_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (widget);
  g_autofree char *name = NULL;
  g_autofree char *year_text = NULL;
  ExportData *data;

  if (self->database == NULL || self->exporting)
    return;
  data = g_new0 (ExportData, 1);
  data->year = summary_fiscal_year (self);
  report_options (self, &data->options);
  year_text = tsu_fiscal_year_format (data->year, data->options.date_style);
  /* Translators: file name of the exported attendance summary, followed
   * by the fiscal year: 参加実績_令和5年度.xlsx */
  name = g_strdup_printf ("%s_%s.xlsx", _("Attendance Summary"), year_text);
  choose_export_file (self, name, data);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  tsu_events_view_focus_search (TSU_EVENTS_VIEW (widget));
}

/* Class -------------------------------------------------------------------- */

static void
tsu_events_view_dispose (GObject *object)
{
  TsuEventsView *self = TSU_EVENTS_VIEW (object);

  g_clear_handle_id (&self->month_idle_id, g_source_remove);
  g_clear_handle_id (&self->redraw_idle_id, g_source_remove);
  /* Taking the rows down selects none; that is no user's choice. */
  self->reloading = TRUE;
  /* The stack is both the bin's child and a template child: let the bin
   * drop it first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_EVENTS_VIEW);
  self->attendees_panel = NULL;
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->shown);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (tsu_events_view_parent_class)->dispose (object);
}

static void
tsu_events_view_class_init (TsuEventsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = tsu_events_view_map;
  object_class->dispose = tsu_events_view_dispose;

  count_quark = g_quark_from_static_string ("tsu-events-view-count");
  search_key_quark = g_quark_from_static_string ("tsu-events-view-search-key");

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-events-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuEventsView, name)
  CHILD (main_stack);
  CHILD (empty_page);
  CHILD (search_entry);
  CHILD (kind_dropdown);
  CHILD (summary_button);
  CHILD (calendar);
  CHILD (day_filter_box);
  CHILD (day_filter_label);
  CHILD (list_stack);
  CHILD (event_list);
  CHILD (count_label);
  CHILD (detail_stack);
  CHILD (detail_title);
  CHILD (detail_when);
  CHILD (detail_list);
  CHILD (session_list);
  CHILD (attendees_box);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_month_changed);

  gtk_widget_class_install_action (widget_class, "events.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "events.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "events.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "events.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "events.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "events.show-all-days", NULL, show_all_days_action);
  gtk_widget_class_install_action (widget_class, "events.add-session", NULL, add_session_action);
  gtk_widget_class_install_action (widget_class, "events.edit-session", "x", edit_session_action);
  gtk_widget_class_install_action (widget_class, "events.delete-session", "x", delete_session_action);
  gtk_widget_class_install_action (widget_class, "events.move-session-up", "x", move_session_up_action);
  gtk_widget_class_install_action (widget_class, "events.move-session-down", "x", move_session_down_action);
  gtk_widget_class_install_action (widget_class, "events.reception", NULL, reception_action);
  gtk_widget_class_install_action (widget_class, "events.minutes", NULL, minutes_action);
  gtk_widget_class_install_action (widget_class, "events.print-attendees", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "events.print-sign-in", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "events.print-minutes", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "events.print-attendance", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "events.export-attendees", NULL, export_attendees_action);
  gtk_widget_class_install_action (widget_class, "events.export-attendance", NULL, export_attendance_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "events.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "events.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "events.print-attendees", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "events.export-attendees", NULL);
  /* Entries handle Delete themselves before it bubbles up to the view, so
   * it still deletes text there. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "events.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "events.delete", NULL);
}

static void
tsu_events_view_init (TsuEventsView *self)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = tsu_date_today_iso ();
  g_date_clear (&self->day, 1);
  /* Tests and uninstalled runs may lack the schema: look it up softly. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "date-style"))
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
    }

  /* Translators: the first choice of the event kind filter */
  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint k = 0; k < TSU_N_EVENT_KINDS; k++)
    gtk_string_list_append (kinds, tsu_event_kind_to_label (k));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (self->kind_dropdown, KIND_ALL);

  self->store = g_list_store_new (TSU_TYPE_EVENT);
  self->filter = gtk_custom_filter_new (match_event, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->shown = tsu_paged_slice_new (G_LIST_MODEL (g_object_ref (self->filtered)), EVENTS_PAGE,
                                     GTK_WIDGET (self->event_list));
  gtk_list_box_bind_model (self->event_list, G_LIST_MODEL (self->shown), create_row, self, NULL);
  gtk_list_box_set_header_func (self->event_list, update_header, self, NULL);

  self->attendees_panel = tsu_attendees_panel_new ();
  gtk_box_append (self->attendees_box, self->attendees_panel);

  reload (self);
}

GtkWidget *
tsu_events_view_new (void)
{
  return g_object_new (TSU_TYPE_EVENTS_VIEW, NULL);
}

void
tsu_events_view_set_database (TsuEventsView *self,
                              TsuDatabase   *database)
{
  g_return_if_fail (TSU_IS_EVENTS_VIEW (self));
  g_return_if_fail (database == NULL || TSU_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, 0);
  self->selected_id = 0;
  reload (self);
}

void
tsu_events_view_add_event (TsuEventsView *self)
{
  g_return_if_fail (TSU_IS_EVENTS_VIEW (self));

  open_editor (self, NULL);
}

void
tsu_events_view_show_event (TsuEventsView *self,
                            gint64         event_id)
{
  g_return_if_fail (TSU_IS_EVENTS_VIEW (self));

  select_event (self, event_id);
  move_calendar_to (self, tsu_events_view_get_selected (self));
}

TsuEvent *
tsu_events_view_get_selected (TsuEventsView *self)
{
  guint n;

  g_return_val_if_fail (TSU_IS_EVENTS_VIEW (self), NULL);

  if (self->selected_id == 0 || self->store == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuEvent) event = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (tsu_event_get_id (event) == self->selected_id)
        return event;  /* the store keeps a reference */
    }
  return NULL;
}

void
tsu_events_view_focus_search (TsuEventsView *self)
{
  g_return_if_fail (TSU_IS_EVENTS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
