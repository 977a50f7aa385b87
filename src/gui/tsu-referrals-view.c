/* tsu-referrals-view.c: the referral tracker (つなぐ・つなげる仕組み).
 *
 * Four tabs over the same records: the open referrals with the overdue
 * ones on top and marked, the cases by where they stand, the referrals
 * that did not connect (case-study candidates, ケーススタディ候補) with
 * their reasons, and the statistics of a fiscal year. One search and the
 * filters by fiscal year, ward, concern and status apply to every list.
 *
 * Activating a row opens the case page: the case's fields, its notes
 * (shown here and nowhere else), its referrals with the moves the
 * workflow allows, and the timeline of every change.
 *
 * A council's file may hold 100,000 referrals. The lists are therefore
 * TsuPagedLists: the filters and the search are one SQL query for the ids
 * in the list's order (tsu-referral-list.h), and the rows are loaded a page
 * at a time as they are shown. A list is queried when it is shown, so a
 * hidden tab or a view not on screen costs nothing until it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "tsu-case.h"
#include "tsu-application.h"
#include "tsu-case-editor.h"
#include "tsu-date.h"
#include "tsu-export.h"
#include "tsu-history.h"
#include "tsu-history-window.h"
#include "tsu-kana.h"
#include "tsu-paged-list.h"
#include "tsu-print.h"
#include "tsu-referral.h"
#include "tsu-referral-editor.h"
#include "tsu-referral-list.h"
#include "tsu-referral-stats-page.h"
#include "tsu-referrals-report.h"
#include "tsu-referrals-view.h"
#include "tsu-view-support.h"

typedef enum
{
  LIST_REFERRALS,
  LIST_CASES,
  LIST_CANDIDATES,
  N_LISTS
} List;

#define MAX_COLUMNS 8

typedef enum { REF_CASE, REF_FROM, REF_TO, REF_REFERRED, REF_DUE, REF_STATUS, REF_OVERDUE, N_REF } RefColumn;
typedef enum { CASE_CODE, CASE_RECEIVED, CASE_WARD, CASE_AGE, CASE_CONCERNS, CASE_STATUS,
               CASE_MEETING, CASE_REFERRALS, N_CASE } CaseColumn;
typedef enum { CAND_CASE, CAND_FROM, CAND_TO, CAND_REFERRED, CAND_CLOSED, CAND_REASON,
               CAND_MEETING, N_CAND } CandColumn;

static const guint n_columns[N_LISTS] = { N_REF, N_CASE, N_CAND };

/* Loaded with a page: a case's TsuCaseSummary, and the case of a
 * candidate referral (for its support meeting). */
#define SUMMARY_KEY "tsu-case-summary"
#define CASE_KEY "tsu-case"

/* How wide a column is, in characters, and whether it takes a share of
 * the room left; the header and every row use the same, so they line up. */
typedef struct
{
  int      width;
  gboolean expand;
} ColumnSpec;

/* Widths in characters of the Latin font: a 和暦 date such as 令和5年12月14日
 * takes about 18 of them, and more than one in two dates has a two-digit
 * month or day. */
#define DATE_WIDTH 18
static const ColumnSpec column_specs[N_LISTS][MAX_COLUMNS] = {
  { { 10, FALSE }, { 18, TRUE }, { 18, TRUE }, { DATE_WIDTH, FALSE }, { DATE_WIDTH, FALSE }, { 12, FALSE },
    { 18, FALSE } },
  { { 10, FALSE }, { DATE_WIDTH, FALSE }, { 8, FALSE }, { 8, FALSE }, { 18, TRUE }, { 14, FALSE },
    { DATE_WIDTH + 4, FALSE }, { 6, FALSE } },
  { { 10, FALSE }, { 18, TRUE }, { 18, TRUE }, { DATE_WIDTH, FALSE }, { DATE_WIDTH, FALSE }, { 16, FALSE },
    { 14, FALSE } },
};

typedef struct _TsuReferralsView TsuReferralsView;

typedef struct
{
  TsuReferralsView *self;
  List              list;
} RowSpec;

struct _TsuReferralsView
{
  AdwBin               parent_instance;

  /* template widgets */
  GtkStack            *outer_stack;
  GtkStack            *tab_stack;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *year_dropdown;
  GtkDropDown         *ward_dropdown;
  GtkDropDown         *concern_dropdown;
  GtkDropDown         *status_dropdown;
  GtkGridView         *referral_view;
  GtkGridView         *case_view;
  GtkGridView         *candidate_view;
  GtkBox              *headers[N_LISTS];
  GtkLabel            *count_labels[N_LISTS];
  GtkBox              *stats_box;
  GtkLabel            *case_title;
  GtkListBox          *case_details;
  GtkListBox          *case_referrals;
  GtkListBox          *case_notes;
  GtkListBox          *case_timeline;

  /* borrowed: a child of stats_box */
  TsuReferralStatsPage *stats_page;

  /* owned */
  TsuDatabase         *database;
  GSettings           *settings;        /* NULL without the installed schema */
  TsuPagedList        *lists[N_LISTS];  /* the rows that pass, by pages */
  GtkSingleSelection  *selections[N_LISTS];
  TsuPlaceKeys        *place_keys;      /* for the search; NULL until loaded */
  GCancellable        *keys_cancellable; /* loading place_keys in a thread */
  guint                keys_generation; /* bumped when the records change */
  guint                prefetch_source; /* idle that starts loading place_keys */
  gulong               paint_handler;   /* waits for a frame before that */
  RowSpec              row_specs[N_LISTS];
  GArray              *years;           /* int, after "All years" */
  char                *query;           /* normalised search text */
  char                *today;
  TsuCase             *shown_case;      /* on the case page */
  GPtrArray           *shown_referrals; /* TsuReferral of shown_case */
  int                  year;            /* 0: all years */
  guint                n_overdue;       /* in lists[LIST_REFERRALS] */
  gboolean             stale[N_LISTS];  /* to be queried when shown */
  gboolean             stale_stats;
  gboolean             stale_years;
  gboolean             updating;
  gboolean             exporting;
};

G_DEFINE_FINAL_TYPE (TsuReferralsView, tsu_referrals_view, ADW_TYPE_BIN)

static void reload         (TsuReferralsView *self);
static void show_case_page (TsuReferralsView *self);

/* Helpers ------------------------------------------------------------------ */

static TsuDateStyle
date_style (TsuReferralsView *self)
{
  return tsu_settings_get_date_style (self->settings);
}

static GtkWindow *
parent_window (TsuReferralsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (TsuReferralsView *self,
            const char       *heading,
            const char       *body)
{
  tsu_widget_show_error (GTK_WIDGET (self), heading, body);
}

static int
fiscal_year_of_iso (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!tsu_date_from_iso (iso, &date))
    return 0;
  return tsu_fiscal_year_of (&date);
}

static char *
date_text (TsuReferralsView *self,
           const char       *iso)
{
  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  return tsu_date_format_iso (iso, date_style (self));
}

/* Days @due_iso lies before today; 0 when not past or not a date. */
static int
days_overdue (TsuReferralsView *self,
              TsuReferral      *referral)
{
  GDate due, today;

  if (!tsu_referral_is_overdue (referral, self->today))
    return 0;
  g_date_clear (&due, 1);
  g_date_clear (&today, 1);
  if (!tsu_date_from_iso (tsu_referral_get_due_on (referral), &due)
      || !tsu_date_from_iso (self->today, &today))
    return 0;
  return MAX (g_date_days_between (&due, &today), 1);
}

static char *
overdue_text (int days)
{
  /* Translators: shown on an open referral whose answer is late; %d is
   * the number of days past the due date (期限超過 3日) */
  return g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", days), days);
}

static TsuCase *
case_of (TsuReferral *r)
{
  return g_object_get_data (G_OBJECT (r), CASE_KEY);
}

static const TsuCaseSummary *
summary_of (TsuCase *c)
{
  return g_object_get_data (G_OBJECT (c), SUMMARY_KEY);
}

static const char *
state_label (TsuCaseState state)
{
  switch (state)
    {
    case TSU_CASE_STATE_OPEN:
      return _("Referral open");
    case TSU_CASE_STATE_NO_REFERRAL:
      return _("No referral yet");
    case TSU_CASE_STATE_NOT_CONNECTED:
      return _("Not connected");
    case TSU_CASE_STATE_CONNECTED:
      return _("Connected");
    case TSU_CASE_STATE_WITHDRAWN:
      return C_("referral status", "Withdrawn");
    case TSU_N_CASE_STATES:
    default:
      break;
    }
  return "";
}

static char *
meeting_text (TsuReferralsView *self,
              TsuCase          *c)
{
  g_autofree char *date = NULL;

  if (c == NULL || !tsu_case_get_support_meeting (c))
    return g_strdup ("");
  date = date_text (self, tsu_case_get_support_meeting_on (c));
  /* Translators: the case was taken to the support meeting; %s is the
   * date or empty */
  return *date ? g_strdup_printf (_("Yes, %s"), date) : g_strdup (_("Yes"));
}

static GtkWidget *
dim_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

static void
clear_list_box (GtkListBox *box)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (box, 0)) != NULL)
    gtk_list_box_remove (box, GTK_WIDGET (row));
}

/* Rows --------------------------------------------------------------------- */

/* The lists are one-column GtkGridViews of rows that lay their cells out
 * as a table, under a header that does the same. A GtkColumnView (GTK 4.8)
 * keeps 200 rows of widgets whatever its height: 1,400 labels built,
 * styled and measured before the first frame, three lists over. A grid
 * view keeps about as many rows as fit (at most 30 and a few). */
static void
style_cell (GtkWidget        *label,
            const ColumnSpec *spec)
{
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* The same natural width in every row, whatever the text, so that the
   * room left is shared the same way and the columns line up. */
  gtk_label_set_width_chars (GTK_LABEL (label), spec->width);
  gtk_label_set_max_width_chars (GTK_LABEL (label), spec->width);
  gtk_widget_set_hexpand (label, spec->expand);
}

/* Bold through the text's attributes, never the heading style: a cell's
 * width in characters is measured in its widget's font, which must be the
 * same in the header and in every row for the columns to line up. */
static PangoAttrList *
bold_attributes (void)
{
  static PangoAttrList *bold = NULL;

  if (g_once_init_enter (&bold))
    {
      PangoAttrList *list = pango_attr_list_new ();

      pango_attr_list_insert (list, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      g_once_init_leave (&bold, list);
    }
  return bold;
}

static void
style_row_box (GtkWidget *box)
{
  gtk_box_set_spacing (GTK_BOX (box), 12);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
}

static void
setup_header (GtkBox *header,
              List    list)
{
  guint c = 0;

  style_row_box (GTK_WIDGET (header));
  /* Rows sit in the grid view's child nodes, which have padding. */
  gtk_widget_set_margin_start (GTK_WIDGET (header), 9);
  gtk_widget_set_margin_end (GTK_WIDGET (header), 9);
  gtk_widget_set_margin_top (GTK_WIDGET (header), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (header), 6);
  for (GtkWidget *label = gtk_widget_get_first_child (GTK_WIDGET (header));
       label != NULL && c < n_columns[list];
       label = gtk_widget_get_next_sibling (label), c++)
    {
      style_cell (label, &column_specs[list][c]);
      gtk_label_set_attributes (GTK_LABEL (label), bold_attributes ());
    }
}

/* The whole text of a cell too narrow for it. Asked for when the pointer
 * rests on the cell: setting a tooltip on each cell as it is bound would
 * cost more than the rest of the binding. */
static gboolean
on_cell_query_tooltip (GtkWidget  *label,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || *text == '\0' || !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  RowSpec *spec = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  style_row_box (box);
  for (guint c = 0; c < n_columns[spec->list]; c++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      style_cell (label, &column_specs[spec->list][c]);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip), NULL);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_item_set_child (item, box);
}

static char *
referral_cell_text (TsuReferralsView *self,
                    TsuReferral      *r,
                    guint             column,
                    List              list)
{
  if (list == LIST_REFERRALS)
    switch ((RefColumn) column)
      {
      case REF_CASE:
        return g_strdup (tsu_referral_get_case_code (r));
      case REF_FROM:
        return g_strdup (tsu_referral_get_from (r));
      case REF_TO:
        return g_strdup (tsu_referral_get_to (r));
      case REF_REFERRED:
        return date_text (self, tsu_referral_get_referred_on (r));
      case REF_DUE:
        return date_text (self, tsu_referral_get_due_on (r));
      case REF_STATUS:
        return g_strdup (tsu_referral_status_to_label (tsu_referral_get_status (r)));
      case REF_OVERDUE:
        {
          int days = days_overdue (self, r);

          return days > 0 ? overdue_text (days) : g_strdup ("");
        }
      case N_REF:
      default:
        break;
      }
  else
    switch ((CandColumn) column)
      {
      case CAND_CASE:
        return g_strdup (tsu_referral_get_case_code (r));
      case CAND_FROM:
        return g_strdup (tsu_referral_get_from (r));
      case CAND_TO:
        return g_strdup (tsu_referral_get_to (r));
      case CAND_REFERRED:
        return date_text (self, tsu_referral_get_referred_on (r));
      case CAND_CLOSED:
        return date_text (self, tsu_referral_get_closed_on (r));
      case CAND_REASON:
        return tsu_referral_get_reason (r) == TSU_REASON_NONE
               ? g_strdup ("")
               : g_strdup (tsu_referral_reason_to_label (tsu_referral_get_reason (r)));
      case CAND_MEETING:
        return meeting_text (self, case_of (r));
      case N_CAND:
      default:
        break;
      }
  return g_strdup ("");
}

static char *
case_cell_text (TsuReferralsView *self,
                TsuCase          *c,
                CaseColumn        column)
{
  const TsuCaseSummary *info = summary_of (c);

  switch (column)
    {
    case CASE_CODE:
      return g_strdup (tsu_case_get_code (c));
    case CASE_RECEIVED:
      return date_text (self, tsu_case_get_received_on (c));
    case CASE_WARD:
      return g_strdup (tsu_case_get_ward (c) < TSU_N_WARDS ? tsu_ward_to_name (tsu_case_get_ward (c)) : "");
    case CASE_AGE:
      return g_strdup (tsu_age_band_to_label (tsu_case_get_age_band (c)));
    case CASE_CONCERNS:
      return tsu_concerns_to_text (tsu_case_get_concerns (c), FALSE);
    case CASE_STATUS:
      return g_strdup (state_label (info ? info->state : TSU_CASE_STATE_NO_REFERRAL));
    case CASE_MEETING:
      return meeting_text (self, c);
    case CASE_REFERRALS:
      return g_strdup_printf ("%u", info ? info->n_referrals : 0);
    case N_CASE:
    default:
      break;
    }
  return g_strdup ("");
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  RowSpec *spec = user_data;
  TsuReferralsView *self = spec->self;
  GObject *object = gtk_list_item_get_item (item);
  gboolean overdue = spec->list == LIST_REFERRALS && days_overdue (self, TSU_REFERRAL (object)) > 0;
  guint c = 0;

  for (GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
       label != NULL;
       label = gtk_widget_get_next_sibling (label), c++)
    {
      g_autofree char *text = NULL;

      if (spec->list == LIST_CASES)
        text = case_cell_text (self, TSU_CASE (object), c);
      else
        text = referral_cell_text (self, TSU_REFERRAL (object), c, spec->list);
      gtk_label_set_text (GTK_LABEL (label), text ? text : "");
      /* The whole row of an overdue referral reads as a warning; the days
       * past due stand out as an error. */
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_remove_css_class (label, "warning");
      gtk_label_set_attributes (GTK_LABEL (label), NULL);
      if (overdue)
        {
          if (c == REF_OVERDUE)
            {
              gtk_widget_add_css_class (label, "error");
              gtk_label_set_attributes (GTK_LABEL (label), bold_attributes ());
            }
          else
            gtk_widget_add_css_class (label, "warning");
        }
    }
}

/* Filtering ---------------------------------------------------------------- */

static guint
selected_or_zero (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

/* The dropdowns and the search as a query's filter; position 0 of each
 * dropdown is "all". */
static void
current_filter (TsuReferralsView  *self,
                TsuReferralFilter *filter)
{
  tsu_referral_filter_init (filter);
  filter->fiscal_year = self->year;
  filter->ward = (int) selected_or_zero (self->ward_dropdown) - 1;
  filter->concern = (int) selected_or_zero (self->concern_dropdown) - 1;
  filter->status = (int) selected_or_zero (self->status_dropdown) - 1;
  filter->query = self->query;
  filter->today = self->today;
}

static void
update_count (TsuReferralsView *self,
              List              list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lists[list]));
  g_autofree char *text = NULL;

  switch (list)
    {
    case LIST_REFERRALS:
      text = g_strdup_printf (ngettext ("%u referral", "%u referrals", n), n);
      if (self->n_overdue > 0)
        {
          /* Translators: appended to "5 referrals" */
          g_autofree char *overdue = g_strdup_printf (ngettext ("%u overdue", "%u overdue", self->n_overdue),
                                                      self->n_overdue);
          char *both = g_strconcat (text, " · ", overdue, NULL);

          g_free (text);
          text = both;
        }
      break;
    case LIST_CASES:
      text = g_strdup_printf (ngettext ("%u case", "%u cases", n), n);
      break;
    case LIST_CANDIDATES:
      text = g_strdup_printf (ngettext ("%u referral did not connect",
                                        "%u referrals did not connect", n), n);
      break;
    case N_LISTS:
    default:
      g_return_if_reached ();
    }
  gtk_label_set_text (self->count_labels[list], text);
}

/* The search compares the query with the distinct places' keys, which a
 * worker thread reads after the lists are first shown; a search typed
 * before that reads them here. */
static TsuPlaceKeys *
place_keys (TsuReferralsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->place_keys == NULL && self->database != NULL)
    {
      g_cancellable_cancel (self->keys_cancellable);
      g_clear_object (&self->keys_cancellable);
      self->place_keys = tsu_place_keys_load (self->database, &error);
      if (self->place_keys == NULL)
        g_warning ("Could not read the places to search: %s", error->message);
    }
  return self->place_keys;
}

/* Queries one list anew with the current filters. */
static void
refresh_list (TsuReferralsView *self,
              List              list)
{
  TsuReferralFilter filter;
  g_autoptr(GError) error = NULL;
  GArray *ids = NULL;
  TsuPlaceKeys *keys = NULL;
  guint n_overdue = 0;

  self->stale[list] = FALSE;
  current_filter (self, &filter);
  if (self->database != NULL)
    {
      if (filter.query != NULL && *filter.query != '\0')
        keys = place_keys (self);
      if (list == LIST_CASES)
        ids = tsu_referral_list_query_cases (self->database, &filter, keys, &error);
      else
        ids = tsu_referral_list_query_referrals (self->database,
                                                 list == LIST_CANDIDATES ? TSU_REFERRAL_LIST_CANDIDATES
                                                                         : TSU_REFERRAL_LIST_OPEN,
                                                 &filter, keys, &n_overdue, &error);
      if (ids == NULL)
        show_error (self, list == LIST_CASES ? _("Could Not Load the Cases") : _("Could Not Load the Referrals"),
                    error->message);
    }
  if (ids == NULL)
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (list == LIST_REFERRALS)
    self->n_overdue = n_overdue;
  tsu_paged_list_set_ids (self->lists[list], ids);
  update_count (self, list);
}

/* Pages -------------------------------------------------------------------- */

static GPtrArray *
load_referrals (const gint64  *ids,
                guint          n_ids,
                gpointer       user_data,
                GError       **error)
{
  TsuReferralsView *self = user_data;

  if (self->database == NULL)
    return g_ptr_array_new ();
  return tsu_referral_load_by_ids (self->database, ids, n_ids, error);
}

/* Candidates show their case's support meeting: the page's cases come
 * along. */
static GPtrArray *
load_candidates (const gint64  *ids,
                 guint          n_ids,
                 gpointer       user_data,
                 GError       **error)
{
  TsuReferralsView *self = user_data;
  g_autoptr(GPtrArray) referrals = load_referrals (ids, n_ids, user_data, error);
  g_autoptr(GArray) case_ids = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  if (referrals == NULL || self->database == NULL)
    return g_steal_pointer (&referrals);
  case_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), referrals->len);
  for (guint i = 0; i < referrals->len; i++)
    {
      TsuReferral *r = g_ptr_array_index (referrals, i);
      gint64 id = r != NULL ? tsu_referral_get_case_id (r) : 0;

      g_array_append_val (case_ids, id);
    }
  cases = tsu_case_load_by_ids (self->database, (const gint64 *) case_ids->data, case_ids->len, error);
  if (cases == NULL)
    return NULL;
  for (guint i = 0; i < referrals->len; i++)
    if (g_ptr_array_index (referrals, i) != NULL && g_ptr_array_index (cases, i) != NULL)
      g_object_set_data_full (g_ptr_array_index (referrals, i), CASE_KEY,
                              g_object_ref (g_ptr_array_index (cases, i)), g_object_unref);
  return g_steal_pointer (&referrals);
}

/* Cases show where they stand and how many referrals they have. */
static GPtrArray *
load_cases (const gint64  *ids,
            guint          n_ids,
            gpointer       user_data,
            GError       **error)
{
  TsuReferralsView *self = user_data;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GArray) summaries = NULL;

  if (self->database == NULL)
    return g_ptr_array_new ();
  cases = tsu_case_load_by_ids (self->database, ids, n_ids, error);
  if (cases == NULL)
    return NULL;
  summaries = tsu_referral_list_summarize_cases (self->database, ids, n_ids, error);
  if (summaries == NULL)
    return NULL;
  for (guint i = 0; i < cases->len; i++)
    if (g_ptr_array_index (cases, i) != NULL)
      g_object_set_data_full (g_ptr_array_index (cases, i), SUMMARY_KEY,
                              g_memdup2 (&g_array_index (summaries, TsuCaseSummary, i), sizeof (TsuCaseSummary)),
                              g_free);
  return g_steal_pointer (&cases);
}

/* Years -------------------------------------------------------------------- */

/* The year of the statistics, the export and the printout: the one
 * chosen, or with "All years" this fiscal year when it has records, else
 * the latest that has. */
static int
effective_year (TsuReferralsView *self)
{
  int current = fiscal_year_of_iso (self->today);

  if (self->year != 0)
    return self->year;
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == current)
      return current;
  return self->years->len > 0 ? MAX (g_array_index (self->years, int, 0), 1) : current;
}

static int
compare_years_descending (gconstpointer a,
                          gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return (x < y) - (x > y);
}

static void
update_years (TsuReferralsView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;
  gboolean have_chosen = self->year == 0;
  guint selected = 0;

  self->stale_years = FALSE;
  if (self->database != NULL)
    {
      years = tsu_referral_list_fiscal_years (self->database, &error);
      if (years == NULL)
        g_warning ("Could not read the fiscal years: %s", error->message);
    }
  g_array_set_size (self->years, 0);
  for (guint i = 0; years != NULL && i < years->len; i++)
    {
      g_array_append_val (self->years, g_array_index (years, int, i));
      have_chosen |= g_array_index (years, int, i) == self->year;
    }
  /* The year chosen stays on offer when its last record goes. */
  if (!have_chosen)
    {
      g_array_append_val (self->years, self->year);
      g_array_sort (self->years, compare_years_descending);
    }

  gtk_string_list_append (labels, _("All Years"));
  for (guint i = 0; i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);
      g_autofree char *label = tsu_fiscal_year_format (year, date_style (self));

      gtk_string_list_append (labels, label);
      if (year == self->year)
        selected = i + 1;
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->updating = FALSE;
}

static void
update_stats (TsuReferralsView *self)
{
  self->stale_stats = FALSE;
  /* Built when its tab is first shown. */
  if (self->stats_page == NULL)
    {
      self->stats_page = TSU_REFERRAL_STATS_PAGE (tsu_referral_stats_page_new ());
      gtk_widget_set_vexpand (GTK_WIDGET (self->stats_page), TRUE);
      gtk_box_append (self->stats_box, GTK_WIDGET (self->stats_page));
    }
  if (self->database != NULL)
    tsu_referral_stats_page_set_fiscal_year (self->stats_page, self->database, effective_year (self));
}

/* Loading ------------------------------------------------------------------ */

static List
visible_list (TsuReferralsView *self,
              gboolean         *statistics)
{
  const char *name = gtk_stack_get_visible_child_name (self->tab_stack);

  *statistics = g_strcmp0 (name, "statistics") == 0;
  if (g_strcmp0 (name, "cases") == 0)
    return LIST_CASES;
  if (g_strcmp0 (name, "candidates") == 0)
    return LIST_CANDIDATES;
  if (*statistics)
    return N_LISTS;
  return LIST_REFERRALS;
}

/* Brings what is on screen up to date; the rest waits until shown. */
static void
refresh_visible (TsuReferralsView *self)
{
  gboolean statistics;
  List list;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->stale_years)
    update_years (self);
  list = visible_list (self, &statistics);
  if (list < N_LISTS && self->stale[list])
    refresh_list (self, list);
  if (statistics && self->stale_stats)
    update_stats (self);
}

static void
mark_stale (TsuReferralsView *self)
{
  for (List l = 0; l < N_LISTS; l++)
    self->stale[l] = TRUE;
  self->stale_stats = TRUE;
}

static void
on_filter_changed (TsuReferralsView *self)
{
  const char *text;
  guint selected;

  if (self->updating || self->years == NULL)
    return;
  selected = selected_or_zero (self->year_dropdown);
  self->year = selected > 0 && selected <= self->years->len
               ? g_array_index (self->years, int, selected - 1) : 0;
  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_free (self->query);
  self->query = text && *text ? tsu_kana_normalize (text) : NULL;
  mark_stale (self);
  refresh_visible (self);
}

static void
on_tab_changed (TsuReferralsView *self)
{
  refresh_visible (self);
}

static void
on_place_keys_loaded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (source);
  g_autoptr(GError) error = NULL;
  TsuPlaceKeys *keys = g_task_propagate_pointer (G_TASK (result), &error);
  guint generation = GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));

  if (keys == NULL)
    {
      /* The search reads them itself when it needs them. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the places to search: %s", error->message);
      return;
    }
  if (generation != self->keys_generation || self->place_keys != NULL)
    {
      tsu_place_keys_free (keys);
      return;
    }
  self->place_keys = keys;
  g_clear_object (&self->keys_cancellable);
}

static void
load_place_keys_thread (GTask        *task,
                        gpointer      source,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "tsu-path");
  GError *error = NULL;
  TsuPlaceKeys *keys = tsu_place_keys_load_path (path, &error);

  if (keys == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, keys, (GDestroyNotify) tsu_place_keys_free);
  else
    tsu_place_keys_free (keys);
}

/* Reads the places for the search on a worker thread, through a
 * connection of its own, so that the first search finds them ready. */
static gboolean
prefetch_place_keys_idle (gpointer user_data)
{
  TsuReferralsView *self = user_data;
  g_autoptr(GTask) task = NULL;

  self->prefetch_source = 0;
  if (self->database == NULL || self->place_keys != NULL || self->keys_cancellable != NULL)
    return G_SOURCE_REMOVE;
  self->keys_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->keys_cancellable, on_place_keys_loaded, NULL);
  g_task_set_task_data (task, GUINT_TO_POINTER (self->keys_generation), NULL);
  g_object_set_data_full (G_OBJECT (task), "tsu-path",
                          g_strdup (tsu_database_get_path (self->database)), g_free);
  g_task_run_in_thread (task, load_place_keys_thread);
  return G_SOURCE_REMOVE;
}

static void
forget_place_keys (TsuReferralsView *self)
{
  self->keys_generation++;
  g_cancellable_cancel (self->keys_cancellable);
  g_clear_object (&self->keys_cancellable);
  g_clear_pointer (&self->place_keys, tsu_place_keys_free);
}

static void
reload (TsuReferralsView *self)
{
  g_free (self->today);
  self->today = tsu_date_today_iso ();
  forget_place_keys (self);
  mark_stale (self);
  self->stale_years = TRUE;
  refresh_visible (self);
  if (self->shown_case != NULL)
    show_case_page (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.new-case", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.print", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.export",
                                 self->database != NULL && !self->exporting);
}

static void
on_first_paint (TsuReferralsView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_clear_signal_handler (&self->paint_handler, clock);
  self->paint_handler = 0;
  if (self->prefetch_source == 0)
    self->prefetch_source = g_idle_add_full (G_PRIORITY_LOW, prefetch_place_keys_idle, self, NULL);
}

static void
tsu_referrals_view_unmap (GtkWidget *widget)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_clear_signal_handler (&self->paint_handler, clock);
  self->paint_handler = 0;
  GTK_WIDGET_CLASS (tsu_referrals_view_parent_class)->unmap (widget);
}

static void
tsu_referrals_view_map (GtkWidget *widget)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);

  GTK_WIDGET_CLASS (tsu_referrals_view_parent_class)->map (widget);
  refresh_visible (self);
  /* Once the frame is painted, not competing with it. */
  if (self->paint_handler == 0 && self->place_keys == NULL)
    self->paint_handler = g_signal_connect_swapped (gtk_widget_get_frame_clock (widget), "after-paint",
                                                    G_CALLBACK (on_first_paint), self);
}

static void
on_database_changed (TsuDatabase      *database,
                     const char       *table,
                     TsuReferralsView *self)
{
  /* Only cases and referrals are shown here (and organisations' names,
   * which referrals keep as text). */
  if (table != NULL && !g_str_equal (table, "cases") && !g_str_equal (table, "referrals")
      && !g_str_equal (table, "history"))
    return;
  reload (self);
}

static void
on_settings_changed (GSettings        *settings,
                     const char       *key,
                     TsuReferralsView *self)
{
  if (g_str_equal (key, "date-style"))
    {
      /* Dates are shown in the other style: rows and years again, the
       * same ids. */
      self->stale_years = TRUE;
      self->stale_stats = TRUE;
      for (List l = 0; l < N_LISTS; l++)
        tsu_paged_list_refresh (self->lists[l]);
      refresh_visible (self);
      if (self->shown_case != NULL)
        show_case_page (self);
    }
}

/* The case page ------------------------------------------------------------ */

static void
add_detail (GtkListBox *box,
            const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "—");
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (box, row);
}

static const char *
yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

static void
show_case_details (TsuReferralsView *self,
                   TsuCase          *c)
{
  g_autofree char *received = date_text (self, tsu_case_get_received_on (c));
  g_autofree char *concerns = tsu_concerns_to_text (tsu_case_get_concerns (c), FALSE);
  g_autofree char *consent = NULL;
  g_autofree char *consent_on = date_text (self, tsu_case_get_consent_on (c));
  g_autofree char *foreign = NULL;
  g_autofree char *meeting = meeting_text (self, c);
  const char *how = tsu_case_get_consent_how (c);
  const char *language = tsu_case_get_language (c);
  TsuLegalBasis basis = tsu_case_get_legal_basis (c);
  const char *notes = tsu_case_get_notes (c);
  GtkWidget *notes_label;
  GtkWidget *notes_row;

  clear_list_box (self->case_details);
  gtk_label_set_text (self->case_title, tsu_case_get_code (c));
  add_detail (self->case_details, _("Received On"), received);
  add_detail (self->case_details, _("Entrance"), tsu_case_get_entrance (c));
  add_detail (self->case_details, _("How They Came"), tsu_contact_to_label (tsu_case_get_contact (c)));
  add_detail (self->case_details, _("Ward"),
              tsu_case_get_ward (c) < TSU_N_WARDS ? tsu_ward_to_name (tsu_case_get_ward (c)) : NULL);
  add_detail (self->case_details, _("Age Band"), tsu_age_band_to_label (tsu_case_get_age_band (c)));
  /* Translators: foreign resident: "Yes (Vietnamese)" */
  foreign = tsu_case_get_foreign_resident (c) && language && *language
            ? g_strdup_printf (_("Yes (%s)"), language)
            : g_strdup (yes_no (tsu_case_get_foreign_resident (c)));
  add_detail (self->case_details, _("Foreign Resident"), foreign);
  add_detail (self->case_details, _("Concerns"), concerns);
  {
    GString *s = g_string_new (tsu_consent_to_label (tsu_case_get_consent (c)));

    if (*consent_on)
      g_string_append_printf (s, "　%s", consent_on);
    if (how && *how)
      g_string_append_printf (s, "　%s", how);
    consent = g_string_free (s, FALSE);
  }
  add_detail (self->case_details, _("Consent"), consent);
  add_detail (self->case_details, _("Legal Basis for Sharing"),
              basis == TSU_LEGAL_BASIS_NONE ? _("None") : tsu_legal_basis_to_label (basis));
  add_detail (self->case_details, _("Support Meeting"), *meeting ? meeting : _("No"));
  if (!tsu_case_may_share (c))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No consent and no other legal basis: referrals need a written reason."));
      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->case_details, row);
    }

  clear_list_box (self->case_notes);
  notes_label = gtk_label_new (notes && *notes ? notes : _("No notes"));
  gtk_label_set_wrap (GTK_LABEL (notes_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (notes_label), 0);
  gtk_label_set_selectable (GTK_LABEL (notes_label), TRUE);
  gtk_widget_set_margin_top (notes_label, 12);
  gtk_widget_set_margin_bottom (notes_label, 12);
  gtk_widget_set_margin_start (notes_label, 12);
  gtk_widget_set_margin_end (notes_label, 12);
  if (!(notes && *notes))
    gtk_widget_add_css_class (notes_label, "dim-label");
  notes_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (notes_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (notes_row), notes_label);
  gtk_list_box_append (self->case_notes, notes_row);
}

static GtkWidget *
move_button (const char        *label,
             gint64             id,
             TsuReferralStatus  status)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "referrals.move");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(xi)", id, (gint32) status));
  if (status == TSU_REFERRAL_CONNECTED || status == TSU_REFERRAL_ACCEPTED)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static void
show_case_referrals (TsuReferralsView *self)
{
  static const struct { TsuReferralStatus status; const char *label; } moves[] = {
    { TSU_REFERRAL_ACCEPTED, N_("Accept") },
    { TSU_REFERRAL_DECLINED, N_("Decline…") },
    { TSU_REFERRAL_CONNECTED, N_("Connected") },
    { TSU_REFERRAL_NOT_CONNECTED, N_("Not Connected…") },
    { TSU_REFERRAL_WITHDRAWN, N_("Withdraw") },
  };

  clear_list_box (self->case_referrals);
  for (guint i = 0; self->shown_referrals != NULL && i < self->shown_referrals->len; i++)
    {
      TsuReferral *r = g_ptr_array_index (self->shown_referrals, i);
      TsuReferralStatus status = tsu_referral_get_status (r);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status_label;
      GtkWidget *edit;
      g_autofree char *title = NULL;
      g_autofree char *referred = date_text (self, tsu_referral_get_referred_on (r));
      g_autofree char *due = date_text (self, tsu_referral_get_due_on (r));
      g_autofree char *closed = date_text (self, tsu_referral_get_closed_on (r));
      GString *subtitle = g_string_new (NULL);
      g_autofree char *subtitle_text = NULL;
      g_autofree char *status_text = NULL;
      int overdue = days_overdue (self, r);
      const char *override = tsu_referral_get_override (r);

      /* Translators: a referral: from one organisation to another */
      title = g_strdup_printf (_("%s → %s"), tsu_referral_get_from (r), tsu_referral_get_to (r));
      /* Translators: dates of a referral: when it was made */
      g_string_append_printf (subtitle, _("Referred %s"), referred);
      if (tsu_referral_status_is_open (status) && *due)
        /* Translators: when the answer to a referral is due */
        g_string_append_printf (subtitle, " · %s %s", _("due"), due);
      if (*closed)
        /* Translators: when a referral was closed */
        g_string_append_printf (subtitle, " · %s %s", _("closed"), closed);
      if (override && *override)
        /* Translators: the written reason a referral was made without
         * consent */
        g_string_append_printf (subtitle, "\n%s %s", _("Without consent:"), override);
      subtitle_text = g_string_free (subtitle, FALSE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      if (tsu_referral_get_reason (r) != TSU_REASON_NONE)
        status_text = g_strdup_printf ("%s（%s）", tsu_referral_status_to_label (status),
                                       tsu_referral_reason_to_label (tsu_referral_get_reason (r)));
      else
        status_text = g_strdup (tsu_referral_status_to_label (status));
      status_label = gtk_label_new (status_text);
      gtk_widget_set_valign (status_label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (status_label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);
      if (overdue > 0)
        {
          g_autofree char *text = overdue_text (overdue);
          GtkWidget *late = gtk_label_new (text);

          gtk_widget_set_valign (late, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (late, "error");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), late);
          gtk_widget_add_css_class (row, "warning");
        }
      for (guint m = 0; m < G_N_ELEMENTS (moves); m++)
        if (tsu_referral_status_can_move (status, moves[m].status))
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     move_button (_(moves[m].label), tsu_referral_get_id (r),
                                                  moves[m].status));
      edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (edit, _("Edit Referral"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit Referral"), -1);
      gtk_widget_add_css_class (edit, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "referrals.edit-referral");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit),
                                              g_variant_new_int64 (tsu_referral_get_id (r)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      gtk_list_box_append (self->case_referrals, row);
    }
}

/* Field names of the history, as columns ("referred_on") or as CLI.md's
 * hyphenated names. */
static const char *
history_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "status", N_("Status") },
    { "reason", N_("Reason") },
    { "from", N_("From") },
    { "to", N_("To") },
    { "referred-on", N_("Referred On") },
    { "due-on", N_("Answer Due On") },
    { "closed-on", N_("Closed On") },
    { "override", N_("Reason Without Consent") },
    { "code", N_("Case Code") },
    { "received-on", N_("Received On") },
    { "entrance", N_("Entrance") },
    { "ward", N_("Ward") },
    { "age-band", N_("Age Band") },
    { "foreign-resident", N_("Foreign Resident") },
    { "language", N_("Language") },
    { "concerns", N_("Concerns") },
    { "contact", N_("How They Came") },
    { "consent", N_("Consent") },
    { "consent-on", N_("Consent Given On") },
    { "consent-how", N_("How Consent Was Given") },
    { "legal-basis", N_("Legal Basis for Sharing") },
    { "support-meeting", N_("Support Meeting") },
    { "support-meeting-on", N_("Meeting Date") },
    { "notes", N_("Notes") },
  };
  g_autofree char *key = g_strdelimit (g_strdup (field ? field : ""), "_", '-');

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, key))
      return _(labels[i].label);
  return NULL;
}

static char *
history_value (TsuReferralsView *self,
               const char       *field,
               const char       *value)
{
  g_autofree char *key = g_strdelimit (g_strdup (field ? field : ""), "_", '-');

  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  if (g_str_equal (key, "status"))
    {
      TsuReferralStatus status;

      if (tsu_referral_status_from_text (value, &status))
        return g_strdup (tsu_referral_status_to_label (status));
    }
  else if (g_str_equal (key, "reason"))
    {
      TsuReferralReason reason;

      if (tsu_referral_reason_from_text (value, &reason))
        return g_strdup (reason == TSU_REASON_NONE ? "—" : tsu_referral_reason_to_label (reason));
    }
  else if (g_str_equal (key, "ward"))
    {
      TsuWard ward;

      if (tsu_ward_from_text (value, &ward) && ward < TSU_N_WARDS)
        return g_strdup (tsu_ward_to_name (ward));
    }
  else if (g_str_equal (key, "age-band"))
    {
      TsuAgeBand band;

      if (tsu_age_band_from_text (value, &band))
        return g_strdup (tsu_age_band_to_label (band));
    }
  else if (g_str_equal (key, "consent"))
    {
      TsuConsent consent;

      if (tsu_consent_from_text (value, &consent))
        return g_strdup (tsu_consent_to_label (consent));
    }
  else if (g_str_equal (key, "legal-basis"))
    {
      TsuLegalBasis basis;

      if (tsu_legal_basis_from_text (value, &basis))
        return g_strdup (basis == TSU_LEGAL_BASIS_NONE ? _("None") : tsu_legal_basis_to_label (basis));
    }
  else if (g_str_equal (key, "contact"))
    {
      TsuContact contact;

      if (tsu_contact_from_text (value, &contact))
        return g_strdup (tsu_contact_to_label (contact));
    }
  else if (g_str_equal (key, "concerns"))
    {
      guint mask;

      if (tsu_concerns_parse (value, &mask, NULL))
        return tsu_concerns_to_text (mask, FALSE);
    }
  else if (g_str_equal (key, "foreign-resident") || g_str_equal (key, "support-meeting"))
    {
      return g_strdup (yes_no (g_str_equal (value, "1") || g_ascii_strcasecmp (value, "yes") == 0
                               || g_ascii_strcasecmp (value, "true") == 0));
    }
  else if (g_str_has_suffix (key, "-on"))
    {
      GDate date;

      g_date_clear (&date, 1);
      if (tsu_date_from_iso (value, &date))
        return tsu_date_format (&date, date_style (self));
    }
  return g_strdup (value);
}

static char *
history_change_text (TsuReferralsView *self,
                     TsuHistoryEntry  *entry)
{
  const char *label = history_field_label (entry->field);
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *key = g_strdelimit (g_strdup (entry->field ? entry->field : ""), "_", '-');

  if (label == NULL)
    label = entry->field ? entry->field : "";
  /* The notes' words stay in the notes field: the timeline only says
   * they changed. */
  if (g_str_equal (key, "notes"))
    return g_strdup (_("Notes changed"));
  /* tsu_database_undo_change() notes an undo with the time of the change
   * it took back. */
  if (g_str_equal (key, "undo"))
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
      g_autoptr(GDateTime) when = entry->new_value ? g_date_time_new_from_iso8601 (entry->new_value, zone)
                                                   : NULL;
      g_autofree char *time = NULL;
      GDate date;

      if (when == NULL)
        return g_strdup (_("A change was undone"));
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (when),
                      (GDateMonth) g_date_time_get_month (when), (GDateYear) g_date_time_get_year (when));
      time = g_date_time_format (when, "%H:%M");
      new_value = tsu_date_format (&date, date_style (self));
      /* Translators: the date and time of the change that was undone */
      return g_strdup_printf (_("The change of %s %s was undone"), new_value, time);
    }
  new_value = history_value (self, entry->field, entry->new_value);
  if (entry->old_value == NULL)
    /* Translators: a field of a new record in the timeline: "状態: 紹介済" */
    return g_strdup_printf (_("%s: %s"), label, new_value);
  old_value = history_value (self, entry->field, entry->old_value);
  /* Translators: a change in the timeline: "状態: 紹介済 → 受入" */
  return g_strdup_printf (_("%s: %s → %s"), label, old_value, new_value);
}

static void
show_case_timeline (TsuReferralsView *self,
                    gint64            case_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->case_timeline);
  entries = tsu_history_load_for_case (self->database, case_id, &error);
  if (entries == NULL)
    {
      g_warning ("Could not load the history: %s", error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      TsuHistoryEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *change = history_change_text (self, entry);
      g_autofree char *when = tsu_date_time_format_iso (entry->changed_at, date_style (self));
      g_autofree char *what = NULL;
      g_autofree char *subtitle = NULL;

      if (g_strcmp0 (entry->record, "referral") == 0)
        {
          const char *to = NULL;

          for (guint r = 0; self->shown_referrals != NULL && r < self->shown_referrals->len; r++)
            if (tsu_referral_get_id (g_ptr_array_index (self->shown_referrals, r)) == entry->record_id)
              to = tsu_referral_get_to (g_ptr_array_index (self->shown_referrals, r));
          /* Translators: in the timeline, the referral a change is about */
          what = to ? g_strdup_printf (_("Referral to %s"), to) : g_strdup (_("Referral"));
        }
      else
        what = g_strdup (_("Case"));
      /* Translators: the timeline: when, who, which record */
      subtitle = g_strdup_printf (_("%s · %s · %s"), when ? when : entry->changed_at,
                                  entry->user ? entry->user : "", what);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->case_timeline, row);
    }
}

static void
show_case_page (TsuReferralsView *self)
{
  g_autoptr(TsuCase) fresh = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->shown_case == NULL || self->database == NULL)
    return;
  id = tsu_case_get_id (self->shown_case);
  fresh = tsu_case_load_by_id (self->database, id, &error);
  if (fresh == NULL)
    {
      /* Gone (deleted elsewhere): back to the lists. */
      g_clear_object (&self->shown_case);
      gtk_stack_set_visible_child_name (self->outer_stack, "lists");
      return;
    }
  g_set_object (&self->shown_case, fresh);
  g_clear_pointer (&self->shown_referrals, g_ptr_array_unref);
  self->shown_referrals = tsu_referral_load_for_case (self->database, id, &error);
  if (self->shown_referrals == NULL)
    {
      g_warning ("Could not load the referrals: %s", error->message);
      g_clear_error (&error);
    }
  show_case_details (self, self->shown_case);
  show_case_referrals (self);
  show_case_timeline (self, id);
  gtk_stack_set_visible_child_name (self->outer_stack, "case");
}

static void
open_case (TsuReferralsView *self,
           gint64            case_id)
{
  g_autoptr(TsuCase) c = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;
  c = tsu_case_load_by_id (self->database, case_id, &error);
  if (c == NULL)
    return;
  g_set_object (&self->shown_case, c);
  show_case_page (self);
}

static void
on_referral_view_activate (TsuReferralsView *self,
                           guint             position)
{
  g_autoptr(TsuReferral) r = g_list_model_get_item (G_LIST_MODEL (self->lists[LIST_REFERRALS]), position);

  if (r != NULL)
    open_case (self, tsu_referral_get_case_id (r));
}

static void
on_candidate_view_activate (TsuReferralsView *self,
                            guint             position)
{
  g_autoptr(TsuReferral) r = g_list_model_get_item (G_LIST_MODEL (self->lists[LIST_CANDIDATES]), position);

  if (r != NULL)
    open_case (self, tsu_referral_get_case_id (r));
}

static void
on_case_view_activate (TsuReferralsView *self,
                       guint             position)
{
  g_autoptr(TsuCase) c = g_list_model_get_item (G_LIST_MODEL (self->lists[LIST_CASES]), position);

  if (c != NULL)
    open_case (self, tsu_case_get_id (c));
}

/* Actions ------------------------------------------------------------------ */

static void
on_case_saved (TsuCaseEditor    *editor,
               TsuCase          *saved,
               TsuReferralsView *self)
{
  reload (self);
  open_case (self, tsu_case_get_id (saved));
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  tsu_referrals_view_add_case (TSU_REFERRALS_VIEW (widget));
}

static void
edit_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);
  TsuCaseEditor *editor;

  if (self->shown_case == NULL || self->database == NULL)
    return;
  editor = tsu_case_editor_new (parent_window (self), self->database, self->shown_case);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_case_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* The audit trail of the case: the timeline on the page says what
 * changed in the workflow's words; this is the full record, with the
 * referrals' rows, for a question about who changed what. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);

  if (self->shown_case == NULL || self->database == NULL)
    return;
  tsu_history_window_present_for (widget, self->database, "cases",
                                  tsu_case_get_id (self->shown_case),
                                  tsu_case_get_code (self->shown_case));
}

static void
on_referral_saved (TsuReferralEditor *editor,
                   TsuReferral       *saved,
                   TsuReferralsView  *self)
{
  reload (self);
}

static void
open_referral_editor (TsuReferralsView *self,
                      TsuReferral      *referral)
{
  TsuReferralEditor *editor;

  if (self->shown_case == NULL || self->database == NULL)
    return;
  editor = tsu_referral_editor_new (parent_window (self), self->database, self->shown_case, referral);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_referral_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_referral_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_referral_editor (TSU_REFERRALS_VIEW (widget), NULL);
}

static TsuReferral *
shown_referral (TsuReferralsView *self,
                gint64            id)
{
  for (guint i = 0; self->shown_referrals != NULL && i < self->shown_referrals->len; i++)
    if (tsu_referral_get_id (g_ptr_array_index (self->shown_referrals, i)) == id)
      return g_ptr_array_index (self->shown_referrals, i);
  return NULL;
}

static void
edit_referral_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);
  TsuReferral *r = shown_referral (self, g_variant_get_int64 (parameter));

  if (r != NULL)
    open_referral_editor (self, r);
}

static void
do_move (TsuReferralsView  *self,
         gint64             id,
         TsuReferralStatus  status,
         TsuReferralReason  reason)
{
  TsuReferral *r = shown_referral (self, id);
  g_autoptr(GError) error = NULL;

  if (r == NULL || self->database == NULL)
    return;
  if (!tsu_referral_move (r, self->database, status, reason, NULL, &error))
    {
      show_error (self, _("Could Not Change the Referral"), error->message);
      return;
    }
  reload (self);
}

static void
on_reason_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TsuReferralsView *self)
{
  GtkDropDown *reasons = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "tsu-id");
  TsuReferralStatus status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "tsu-status"));
  guint selected = gtk_drop_down_get_selected (reasons);

  if (!g_str_equal (response, "move") || selected == GTK_INVALID_LIST_POSITION)
    return;
  /* The list leaves out "none": position 0 is the first reason. */
  do_move (self, id, status, (TsuReferralReason) (selected + 1));
}

static void
ask_reason (TsuReferralsView  *self,
            gint64             id,
            TsuReferralStatus  status)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dialog;
  GtkWidget *reasons;
  gint64 *stored_id = g_new (gint64, 1);

  for (TsuReferralReason r = TSU_REASON_NONE + 1; r < TSU_N_REASONS; r++)
    gtk_string_list_append (labels, tsu_referral_reason_to_label (r));
  reasons = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (reasons), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  dialog = adw_message_dialog_new (parent_window (self),
                                   status == TSU_REFERRAL_DECLINED
                                   ? _("Why Was the Referral Declined?")
                                   : _("Why Did It Not Connect?"),
                                   status == TSU_REFERRAL_DECLINED
                                   ? _("Choose the reason the organisation could not take the case on.")
                                   : _("Choose the reason. Referrals that did not connect become case-study candidates."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), reasons);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", status == TSU_REFERRAL_DECLINED ? _("_Decline") : _("_Not Connected"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  *stored_id = id;
  g_object_set_data_full (G_OBJECT (dialog), "tsu-id", stored_id, g_free);
  g_object_set_data (G_OBJECT (dialog), "tsu-status", GINT_TO_POINTER (status));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reason_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);
  gint64 id;
  gint32 status;

  g_variant_get (parameter, "(xi)", &id, &status);
  if (status < 0 || status >= TSU_N_REFERRAL_STATUSES)
    return;
  if (tsu_referral_status_needs_reason ((TsuReferralStatus) status))
    ask_reason (self, id, (TsuReferralStatus) status);
  else
    do_move (self, id, (TsuReferralStatus) status, TSU_REASON_NONE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);

  g_clear_object (&self->shown_case);
  g_clear_pointer (&self->shown_referrals, g_ptr_array_unref);
  gtk_stack_set_visible_child_name (self->outer_stack, "lists");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->outer_stack), "lists") != 0)
    back_action (widget, NULL, NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->tab_stack), "statistics") == 0)
    gtk_stack_set_visible_child_name (self->tab_stack, "referrals");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Printing and exporting --------------------------------------------------- */

static void
report_options (TsuReferralsView          *self,
                TsuReferralsReportOptions *options)
{
  tsu_referrals_report_options_init (options);
  options->date_style = date_style (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);
  TsuReferralsReportOptions options;
  g_autoptr(TsuTablePrint) printout = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;
  report_options (self, &options);
  printout = tsu_referrals_report_new_printout (self->database, effective_year (self), &options, &error);
  if (printout == NULL)
    {
      show_error (self, _("Could Not Print"), error->message);
      return;
    }
  tsu_print_table (parent_window (self), printout);
}

typedef struct
{
  int                        year;
  TsuReferralsReportOptions  options;
} ExportData;

static gboolean
write_workbook (TsuDatabase  *database,
                const char   *path,
                gpointer      user_data,
                GError      **error)
{
  ExportData *data = user_data;

  return tsu_referrals_report_export_xlsx (database, data->year, &data->options, path, error);
}

static void
set_exporting (GtkWidget *widget,
               gboolean   exporting)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);

  self->exporting = exporting;
  gtk_widget_action_set_enabled (widget, "referrals.export",
                                 self->database != NULL && !exporting);
}

static void
choose_export_file (TsuReferralsView *self,
                    gboolean          include_cases)
{
  g_autofree char *year = NULL;
  g_autofree char *name = NULL;
  ExportData *data;

  if (self->database == NULL || self->exporting)
    return;
  data = g_new0 (ExportData, 1);
  data->year = effective_year (self);
  report_options (self, &data->options);
  data->options.include_cases = include_cases;
  year = tsu_fiscal_year_format (data->year, date_style (self));
  /* Translators: file name of the exported referral statistics, followed
   * by the fiscal year: つなぎ実績_令和5年度.xlsx */
  name = g_strdup_printf ("%s_%s.xlsx", _("Referral Statistics"), year);
  tsu_export_workbook (GTK_WIDGET (self), self->database, name, _("Could Not Export"),
                       write_workbook, data, g_free, set_exporting);
}

static void
on_confirm_cases_response (AdwMessageDialog *dialog,
                           const char       *response,
                           TsuReferralsView *self)
{
  if (g_str_equal (response, "include"))
    choose_export_file (self, TRUE);
}

/* Case rows leave the program only after the user has read what they
 * hold. */
static void
confirm_include_cases (TsuReferralsView *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (self),
                                   _("Include the Cases in the Workbook?"),
                                   _("The workbook will also hold one row per referral with the case code, "
                                     "the dates, the organisations, the ward, the concerns and the status. "
                                     "These leave the program with the file: keep it where only the "
                                     "secretariat can read it. Notes are never exported."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "include", _("_Include Cases"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "include",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_cases_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_choice (AdwMessageDialog *dialog,
                  const char       *response,
                  TsuReferralsView *self)
{
  if (g_str_equal (response, "statistics"))
    choose_export_file (self, FALSE);
  else if (g_str_equal (response, "cases"))
    confirm_include_cases (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);
  g_autofree char *year = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->database == NULL || self->exporting)
    return;
  year = tsu_fiscal_year_format (effective_year (self), date_style (self));
  /* Translators: %s is a fiscal year, 令和5年度 */
  heading = g_strdup_printf (_("Export the Referrals of %s"), year);
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("The statistics are anonymous counts. The cases can be added "
                                     "as rows, after a confirmation."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "cases", _("With _Cases…"),
                                    "statistics", _("_Statistics Only"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "statistics",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "statistics");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_choice), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Class -------------------------------------------------------------------- */

static void
tsu_referrals_view_dispose (GObject *object)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (object);

  if (self->referral_view != NULL)
    {
      gtk_grid_view_set_model (self->referral_view, NULL);
      gtk_grid_view_set_model (self->case_view, NULL);
      gtk_grid_view_set_model (self->candidate_view, NULL);
    }
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_REFERRALS_VIEW);
  self->stats_page = NULL;
  forget_place_keys (self);
  g_clear_handle_id (&self->prefetch_source, g_source_remove);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  for (List l = 0; l < N_LISTS; l++)
    {
      g_clear_object (&self->selections[l]);
      g_clear_object (&self->lists[l]);
    }
  g_clear_object (&self->shown_case);
  g_clear_pointer (&self->shown_referrals, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (tsu_referrals_view_parent_class)->dispose (object);
}

static void
tsu_referrals_view_class_init (TsuReferralsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const header_ids[N_LISTS] = {
    "ref_header", "case_header", "cand_header",
  };
  static const char * const count_ids[N_LISTS] = {
    "ref_count_label", "case_count_label", "cand_count_label",
  };

  object_class->dispose = tsu_referrals_view_dispose;
  widget_class->map = tsu_referrals_view_map;
  widget_class->unmap = tsu_referrals_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-referrals-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuReferralsView, name)
  CHILD (outer_stack);
  CHILD (tab_stack);
  CHILD (search_entry);
  CHILD (year_dropdown);
  CHILD (ward_dropdown);
  CHILD (concern_dropdown);
  CHILD (status_dropdown);
  CHILD (referral_view);
  CHILD (case_view);
  CHILD (candidate_view);
  CHILD (stats_box);
  CHILD (case_title);
  CHILD (case_details);
  CHILD (case_referrals);
  CHILD (case_notes);
  CHILD (case_timeline);
#undef CHILD
  for (List l = 0; l < N_LISTS; l++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, header_ids[l], FALSE,
                                                 G_STRUCT_OFFSET (TsuReferralsView, headers)
                                                 + l * sizeof (GtkBox *));
      gtk_widget_class_bind_template_child_full (widget_class, count_ids[l], FALSE,
                                                 G_STRUCT_OFFSET (TsuReferralsView, count_labels)
                                                 + l * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tab_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_referral_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_case_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_candidate_view_activate);

  gtk_widget_class_install_action (widget_class, "referrals.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "referrals.edit-case", NULL, edit_case_action);
  gtk_widget_class_install_action (widget_class, "referrals.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "referrals.add-referral", NULL, add_referral_action);
  gtk_widget_class_install_action (widget_class, "referrals.edit-referral", "x", edit_referral_action);
  gtk_widget_class_install_action (widget_class, "referrals.move", "(xi)", move_action);
  gtk_widget_class_install_action (widget_class, "referrals.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "referrals.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "referrals.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "referrals.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "referrals.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "referrals.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "referrals.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "referrals.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "referrals.back", NULL);
}

static GtkStringList *
filter_labels (const char *all)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  return list;
}

static void
set_dropdown_model (GtkDropDown   *dropdown,
                    GtkStringList *list)
{
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  g_object_unref (list);
}

static void
tsu_referrals_view_init (TsuReferralsView *self)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkGridView *views[N_LISTS];
  TsuPagedListLoadFunc load_funcs[N_LISTS] = { load_referrals, load_cases, load_candidates };
  GtkStringList *list;

  g_type_ensure (TSU_TYPE_CASE);
  g_type_ensure (TSU_TYPE_REFERRAL);
  gtk_widget_init_template (GTK_WIDGET (self));

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "date-style"))
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
    }

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->today = tsu_date_today_iso ();

  self->updating = TRUE;
  list = filter_labels (_("All Wards"));
  for (TsuWard w = 0; w < TSU_N_WARDS; w++)
    gtk_string_list_append (list, tsu_ward_to_name (w));
  set_dropdown_model (self->ward_dropdown, list);
  list = filter_labels (_("All Concerns"));
  for (TsuConcern c = 0; c < TSU_N_CONCERNS; c++)
    gtk_string_list_append (list, tsu_concern_to_label (c));
  set_dropdown_model (self->concern_dropdown, list);
  list = filter_labels (_("Open Statuses"));
  for (TsuReferralStatus s = 0; s < TSU_N_REFERRAL_STATUSES; s++)
    gtk_string_list_append (list, tsu_referral_status_to_label (s));
  set_dropdown_model (self->status_dropdown, list);
  self->updating = FALSE;

  views[LIST_REFERRALS] = self->referral_view;
  views[LIST_CASES] = self->case_view;
  views[LIST_CANDIDATES] = self->candidate_view;
  for (List l = 0; l < N_LISTS; l++)
    {
      GType type = l == LIST_CASES ? TSU_TYPE_CASE : TSU_TYPE_REFERRAL;

      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      self->row_specs[l].self = self;
      self->row_specs[l].list = l;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_row), &self->row_specs[l]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_row), &self->row_specs[l]);
      gtk_grid_view_set_factory (views[l], factory);
      g_object_unref (factory);
      setup_header (self->headers[l], l);
      /* The lists live no longer than the view (disposed with it), so
       * they borrow it. */
      self->lists[l] = tsu_paged_list_new (type, load_funcs[l], self, NULL);
      self->selections[l] = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->lists[l])));
      gtk_single_selection_set_autoselect (self->selections[l], FALSE);
      gtk_grid_view_set_model (views[l], GTK_SELECTION_MODEL (self->selections[l]));
    }

  gtk_list_box_set_placeholder (self->case_referrals,
                                dim_placeholder (_("Not referred yet. Use New Referral to hand the case on.")));
  gtk_list_box_set_placeholder (self->case_timeline, dim_placeholder (_("No changes recorded")));

  reload (self);
}

GtkWidget *
tsu_referrals_view_new (void)
{
  return g_object_new (TSU_TYPE_REFERRALS_VIEW, NULL);
}

void
tsu_referrals_view_set_database (TsuReferralsView *self,
                                 TsuDatabase      *database)
{
  g_return_if_fail (TSU_IS_REFERRALS_VIEW (self));
  g_return_if_fail (database == NULL || TSU_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, 0);
  g_clear_object (&self->shown_case);
  g_clear_pointer (&self->shown_referrals, g_ptr_array_unref);
  gtk_stack_set_visible_child_name (self->outer_stack, "lists");
  reload (self);
}

void
tsu_referrals_view_add_case (TsuReferralsView *self)
{
  TsuCaseEditor *editor;

  g_return_if_fail (TSU_IS_REFERRALS_VIEW (self));

  if (self->database == NULL)
    return;
  editor = tsu_case_editor_new (parent_window (self), self->database, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_case_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

void
tsu_referrals_view_show_case (TsuReferralsView *self,
                              gint64            case_id)
{
  g_return_if_fail (TSU_IS_REFERRALS_VIEW (self));

  open_case (self, case_id);
}
