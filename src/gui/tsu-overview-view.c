/* tsu-overview-view.c: the council at a glance: how many members against
 * the target, four charts of the fiscal year (members over time, head
 * counts, referrals, budget use), each of which can be saved as PNG or
 * PDF, and what needs doing next, each item opening its record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tsu-amount.h"
#include "tsu-application.h"
#include "tsu-budget-view.h"
#include "tsu-date.h"
#include "tsu-events-view.h"
#include "tsu-organization.h"
#include "tsu-overview.h"
#include "tsu-overview-view.h"
#include "tsu-referrals-view.h"
#include "tsu-view-support.h"

/* Items of each kind listed before "N more…". */
#define TODO_LIMIT 5

/* Size of a saved chart: readable on an A4 page and on screen. */
#define EXPORT_WIDTH  1200
#define EXPORT_HEIGHT 600

struct _TsuOverviewView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack    *pages;
  GtkLabel    *council_label;
  GtkLabel    *database_label;
  GtkLabel    *member_count_label;
  GtkLevelBar *member_level;
  GtkLabel    *target_label;
  GtkLabel    *members_label;
  GtkLabel    *government_label;
  GtkLabel    *partners_label;
  GtkLabel    *year_label;
  TsuBarChart *members_chart;
  TsuBarChart *events_chart;
  TsuBarChart *referrals_chart;
  TsuBarChart *budget_chart;
  GtkListBox  *todo_list;

  /* owned */
  TsuDatabase *database;
  GSettings   *settings;      /* NULL without the schema */
  GPtrArray   *todo_items;    /* TsuTodoItem, one per item row, in order */
  char        *today;         /* ISO; NULL: the real today */
  int          year;          /* of the charts */
  gboolean     year_chosen;
  gboolean     stale;         /* to be loaded when next shown */
};

G_DEFINE_FINAL_TYPE (TsuOverviewView, tsu_overview_view, ADW_TYPE_BIN)

/* Adwaita's palette: one colour per event kind and referral status. */
static const GdkRGBA kind_rgba[TSU_N_EVENT_KINDS] = {
  { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0 },  /* meeting: blue 3 */
  { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1.0 },  /* tour: green 4 */
  { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0, 1.0 },  /* training: orange 3 */
  { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0, 1.0 },  /* workshop: purple 3 */
  { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1.0 },  /* case study: red 3 */
  { 0x98 / 255.0, 0x6a / 255.0, 0x44 / 255.0, 1.0 },  /* other: brown 3 */
};
static const GdkRGBA status_rgba[TSU_N_REFERRAL_STATUSES] = {
  { 0x99 / 255.0, 0xc1 / 255.0, 0xf1 / 255.0, 1.0 },  /* sent: blue 1 */
  { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0 },  /* accepted: blue 3 */
  { 0xff / 255.0, 0xa3 / 255.0, 0x48 / 255.0, 1.0 },  /* declined: orange 2 */
  { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1.0 },  /* connected: green 4 */
  { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1.0 },  /* not connected: red 3 */
  { 0x9a / 255.0, 0x99 / 255.0, 0x96 / 255.0, 1.0 },  /* withdrawn: light 5 */
};
static const GdkRGBA members_rgba = { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1.0 };
static const GdkRGBA target_rgba = { 0xe6 / 255.0, 0x61 / 255.0, 0x00 / 255.0, 1.0 };
static const GdkRGBA budget_rgba = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0 };
static const GdkRGBA paid_rgba = { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1.0 };

/* Translators: months on the axis of the overview's charts, in the order
 * of the fiscal year (April to March). */
static const char * const months[12] = {
  N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
  N_("Oct"), N_("Nov"), N_("Dec"), N_("Jan"), N_("Feb"), N_("Mar"),
};

static const char * const chart_names[TSU_N_OVERVIEW_CHARTS] = {
  "members", "events", "referrals", "budget",
};

static TsuDateStyle
date_style (TsuOverviewView *self)
{
  return tsu_settings_get_date_style (self->settings);
}

static char *
dup_today (TsuOverviewView *self)
{
  return self->today != NULL ? g_strdup (self->today) : tsu_date_today_iso ();
}

static int
current_fiscal_year (TsuOverviewView *self)
{
  g_autofree char *today = dup_today (self);
  GDate date;

  if (!tsu_date_from_iso (today, &date))
    return 2000;
  return tsu_fiscal_year_of (&date);
}

/* The year the charts open on: this one, or the latest with data. */
static int
default_fiscal_year (TsuOverviewView *self)
{
  g_autofree char *today = dup_today (self);
  g_autoptr(GError) error = NULL;
  int year = tsu_overview_default_fiscal_year (self->database, today, &error);

  if (year == 0)
    {
      g_warning ("Cannot find the fiscal year to show: %s", error->message);
      return current_fiscal_year (self);
    }
  return year;
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

/* ---- charts ------------------------------------------------------------ */

static char *
format_count (double   value,
              gpointer user_data)
{
  return g_strdup_printf ("%.0f", round (value) + 0.0);
}

static char *
format_yen (double   value,
            gpointer user_data)
{
  g_autofree char *amount = tsu_amount_format ((gint64) fabs (round (value)));

  return value < 0 ? g_strconcat ("-", amount, NULL) : g_steal_pointer (&amount);
}

/* The members chart's x axis is in Julian days. */
static char *
format_day (double   x,
            gpointer user_data)
{
  TsuOverviewView *self = user_data;
  GDate date;

  g_date_clear (&date, 1);
  if (x < 1 || x > G_MAXUINT32)
    return g_strdup ("");
  g_date_set_julian (&date, (guint32) round (x));
  return tsu_date_format (&date, date_style (self));
}

static double
julian_of (const char *iso)
{
  GDate date;

  if (!tsu_date_from_iso (iso, &date))
    return 0;
  return g_date_get_julian (&date);
}

static void
fill_members_chart (TsuOverviewView *self,
                    guint            target)
{
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *today = dup_today (self);
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  GDate first, last;

  tsu_bar_chart_set_categories (self->members_chart, NULL);
  tsu_bar_chart_set_target (self->members_chart, _("Target"), target, &target_rgba);

  steps = tsu_overview_member_steps (self->database, today, &error);
  if (steps == NULL)
    {
      g_warning ("Cannot count members over time: %s", error->message);
      return;
    }
  xs = g_new (double, steps->len);
  ys = g_new (double, steps->len);
  for (guint i = 0; i < steps->len; i++)
    {
      TsuMemberStep *step = &g_array_index (steps, TsuMemberStep, i);

      xs[i] = julian_of (step->date);
      ys[i] = step->count;
    }
  tsu_bar_chart_add_line (self->members_chart, _("Member organizations"), &members_rgba,
                          xs, ys, steps->len);

  /* The axis is marked at the start of each fiscal year. */
  if (tsu_date_from_iso (g_array_index (steps, TsuMemberStep, 0).date, &first)
      && tsu_date_from_iso (g_array_index (steps, TsuMemberStep, steps->len - 1).date, &last))
    for (int year = tsu_fiscal_year_of (&first) + 1; year <= tsu_fiscal_year_of (&last); year++)
      {
        GDate april;
        double x;

        g_date_clear (&april, 1);
        g_date_set_dmy (&april, 1, G_DATE_APRIL, year);
        x = g_date_get_julian (&april);
        g_array_append_val (ticks, x);
      }
  if (ticks->len >= 2)
    tsu_bar_chart_set_x_ticks (self->members_chart, (double *) (gpointer) ticks->data, ticks->len);
  else
    tsu_bar_chart_set_x_ticks (self->members_chart, NULL, 0);
}

static void
set_month_categories (TsuBarChart *chart)
{
  const char *categories[13];

  for (guint i = 0; i < 12; i++)
    categories[i] = _(months[i]);
  categories[12] = NULL;
  tsu_bar_chart_set_categories (chart, categories);
}

static void
fill_events_chart (TsuOverviewView *self,
                   const char      *year_text)
{
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  TsuEventCounts counts;
  guint n_events = 0;

  /* Translators: title of the overview's chart of head counts; %s is the
   * fiscal year, 令和6年度 */
  title = g_strdup_printf (_("Head Counts of Events, %s"), year_text);
  tsu_bar_chart_set_title (self->events_chart, title);
  set_month_categories (self->events_chart);
  if (!tsu_overview_event_counts (self->database, self->year, &counts, &error))
    {
      g_warning ("Cannot count the events: %s", error->message);
      return;
    }
  for (guint m = 0; m < 12; m++)
    for (guint k = 0; k < TSU_N_EVENT_KINDS; k++)
      n_events += counts.events[m][k];
  if (n_events == 0)
    return;   /* "No data" */

  /* A series for each kind the year has. */
  for (guint k = 0; k < TSU_N_EVENT_KINDS; k++)
    {
      double values[12];
      guint events = 0;

      for (guint m = 0; m < 12; m++)
        {
          values[m] = counts.head_counts[m][k];
          events += counts.events[m][k];
        }
      if (events > 0)
        tsu_bar_chart_add_series (self->events_chart, tsu_event_kind_to_label (k), &kind_rgba[k], values, 12);
    }
}

static void
fill_referrals_chart (TsuOverviewView *self,
                      const char      *year_text)
{
  g_autofree char *title = NULL;
  g_autofree char *rate = NULL;
  g_autoptr(GError) error = NULL;
  TsuReferralCounts counts;

  set_month_categories (self->referrals_chart);
  if (!tsu_overview_referral_counts (self->database, self->year, &counts, &error))
    {
      g_warning ("Cannot count the referrals: %s", error->message);
      tsu_bar_chart_set_title (self->referrals_chart, year_text);
      return;
    }
  if (counts.stats.connection_rate >= 0)
    rate = g_strdup_printf ("%.0f%%", counts.stats.connection_rate * 100);
  else
    rate = g_strdup ("—");
  /* Translators: title of the overview's chart of referrals; the first
   * %s is the fiscal year (令和6年度), the second the share of decided
   * referrals that connected (75%, or — when none is decided yet) */
  title = g_strdup_printf (_("Referrals, %s — connected %s"), year_text, rate);
  tsu_bar_chart_set_title (self->referrals_chart, title);
  if (counts.stats.referrals == 0)
    return;

  for (guint s = 0; s < TSU_N_REFERRAL_STATUSES; s++)
    {
      double values[12];

      if (counts.stats.by_status[s] == 0)
        continue;
      for (guint m = 0; m < 12; m++)
        values[m] = counts.by_month_status[m][s];
      tsu_bar_chart_add_series (self->referrals_chart, tsu_referral_status_to_label (s),
                                &status_rgba[s], values, 12);
    }
}

static void
fill_budget_chart (TsuOverviewView *self,
                   const char      *year_text)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree double *budget = NULL;
  g_autofree double *paid = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  /* Translators: title of the overview's budget chart; %s is the fiscal
   * year, 令和6年度 */
  title = g_strdup_printf (_("Budget and Paid per Line, %s"), year_text);
  tsu_bar_chart_set_title (self->budget_chart, title);
  lines = tsu_overview_budget_lines (self->database, self->year, &error);
  if (lines == NULL)
    {
      g_warning ("Cannot load the budget: %s", error->message);
      tsu_bar_chart_set_categories (self->budget_chart, NULL);
      return;
    }
  names = g_ptr_array_new_full (lines->len + 1, NULL);
  budget = g_new0 (double, MAX (lines->len, 1));
  paid = g_new0 (double, MAX (lines->len, 1));
  for (guint i = 0; i < lines->len; i++)
    {
      TsuBudgetLine *line = g_ptr_array_index (lines, i);

      /* The array keeps the line, so its name outlives @names. */
      g_ptr_array_add (names, (gpointer) tsu_budget_line_get_name (line));
      budget[i] = (double) tsu_budget_line_get_amount (line);
      paid[i] = (double) tsu_budget_line_get_paid (line);
    }
  g_ptr_array_add (names, NULL);
  tsu_bar_chart_set_categories (self->budget_chart, (const char * const *) names->pdata);
  if (lines->len == 0)
    return;
  tsu_bar_chart_add_series (self->budget_chart, _("Budget Allocation"), &budget_rgba, budget, lines->len);
  tsu_bar_chart_add_series (self->budget_chart, _("Paid"), &paid_rgba, paid, lines->len);
}

/* ---- what needs doing next --------------------------------------------- */

static GtkWidget *
todo_row_new (const char *icon_name,
              const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  /* Names and places are plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static GtkWidget *
item_row_new (TsuOverviewView   *self,
              const TsuTodoItem *item)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;

  switch (item->kind)
    {
    case TSU_TODO_OVERDUE_REFERRAL:
      date = tsu_date_format_iso (item->date, date_style (self));
      /* Translators: an overdue referral in the overview's to-do list:
       * the case code, then where from and to, 2024-0002 抱樸 → 就労支援 */
      title = g_strdup_printf (_("Case %s: %s"), item->title, item->detail);
      /* Translators: %s is the referral's due date */
      subtitle = g_strdup_printf (_("Referral overdue — it was due on %s"), date);
      return todo_row_new ("appointment-missed-symbolic", title, subtitle);
    case TSU_TODO_SIGN_IN_SHEET:
      date = tsu_date_time_format_iso (item->date, date_style (self));
      /* Translators: an event without a printed sign-in sheet (受付簿) in the
       * overview's to-do list; %s is when it starts */
      subtitle = g_strdup_printf (_("Sign-in sheet not printed yet — %s"), date);
      return todo_row_new ("printer-symbolic", item->title, subtitle);
    case TSU_TODO_BUDGET_LINE:
      {
        g_autofree char *paid = tsu_amount_format (item->paid);
        g_autofree char *amount = tsu_amount_format (item->amount);

        if (item->amount > 0)
          /* Translators: a budget line over 90 % paid: paid / budget in
           * yen and the share, 950,000 / 1,000,000 (95%) */
          subtitle = g_strdup_printf (_("Paid %s of %s yen (%d%%)"), paid, amount,
                                      (int) (item->paid * 100 / item->amount));
        else
          /* Translators: a budget line of 0 yen with payments */
          subtitle = g_strdup_printf (_("Paid %s yen of a budget of 0 yen"), paid);
        return todo_row_new ("dialog-warning-symbolic", item->title, subtitle);
      }
    case TSU_N_TODO_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
view_of_kind (TsuTodoKind kind)
{
  switch (kind)
    {
    case TSU_TODO_OVERDUE_REFERRAL:
      return "referrals";
    case TSU_TODO_SIGN_IN_SHEET:
      return "events";
    case TSU_TODO_BUDGET_LINE:
      return "budget";
    case TSU_N_TODO_KINDS:
    default:
      g_return_val_if_reached ("overview");
    }
}

static GtkWidget *
more_row_new (TsuTodoKind kind,
              guint       n_more)
{
  g_autofree char *title = NULL;
  GtkWidget *row;

  switch (kind)
    {
    case TSU_TODO_OVERDUE_REFERRAL:
      title = g_strdup_printf (ngettext ("%u more overdue referral", "%u more overdue referrals", n_more), n_more);
      break;
    case TSU_TODO_SIGN_IN_SHEET:
      title = g_strdup_printf (ngettext ("%u more event without a sign-in sheet",
                                         "%u more events without a sign-in sheet", n_more), n_more);
      break;
    case TSU_TODO_BUDGET_LINE:
      title = g_strdup_printf (ngettext ("%u more budget line over 90%% paid",
                                         "%u more budget lines over 90%% paid", n_more), n_more);
      break;
    case TSU_N_TODO_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
  row = todo_row_new ("view-more-symbolic", title, "");
  g_object_set_data (G_OBJECT (row), "tsu-more-view", (gpointer) view_of_kind (kind));
  return row;
}

static void
fill_todo (TsuOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = dup_today (self);
  guint totals[TSU_N_TODO_KINDS] = { 0 };
  guint shown[TSU_N_TODO_KINDS] = { 0 };

  tsu_list_box_remove_all (self->todo_list);
  g_clear_pointer (&self->todo_items, g_ptr_array_unref);
  self->todo_items = tsu_overview_load_todo (self->database, today, TODO_LIMIT, totals, &error);
  if (self->todo_items == NULL)
    {
      g_warning ("Cannot list what needs doing: %s", error->message);
      return;
    }
  for (guint i = 0; i <= self->todo_items->len; i++)
    {
      TsuTodoItem *item = i < self->todo_items->len ? g_ptr_array_index (self->todo_items, i) : NULL;
      TsuTodoItem *previous = i > 0 ? g_ptr_array_index (self->todo_items, i - 1) : NULL;

      /* After the last item of a kind, how many more there are. */
      if (previous != NULL && (item == NULL || item->kind != previous->kind)
          && totals[previous->kind] > shown[previous->kind])
        gtk_list_box_append (self->todo_list,
                             more_row_new (previous->kind, totals[previous->kind] - shown[previous->kind]));
      if (item == NULL)
        break;
      shown[item->kind]++;
      {
        GtkWidget *row = item_row_new (self, item);

        g_object_set_data (G_OBJECT (row), "tsu-todo-item", item);
        gtk_list_box_append (self->todo_list, row);
      }
    }
  if (self->todo_items->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing needs doing right now."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->todo_list, row);
    }
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shows the window's view @name (win.show-view, which builds it when
 * first shown) and returns it. */
static GtkWidget *
show_view (TsuOverviewView *self,
           const char      *name,
           GType            type)
{
  GtkRoot *root;

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", name))
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  return root != NULL ? find_descendant (GTK_WIDGET (root), type) : NULL;
}

static void
on_todo_row_activated (TsuOverviewView *self,
                       GtkListBoxRow   *row)
{
  TsuTodoItem *item = g_object_get_data (G_OBJECT (row), "tsu-todo-item");
  const char *more = g_object_get_data (G_OBJECT (row), "tsu-more-view");
  GtkWidget *view;

  if (more != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", more);
      return;
    }
  if (item == NULL)
    return;
  switch (item->kind)
    {
    case TSU_TODO_OVERDUE_REFERRAL:
      view = show_view (self, "referrals", TSU_TYPE_REFERRALS_VIEW);
      if (view != NULL)
        tsu_referrals_view_show_case (TSU_REFERRALS_VIEW (view), item->case_id);
      break;
    case TSU_TODO_SIGN_IN_SHEET:
      view = show_view (self, "events", TSU_TYPE_EVENTS_VIEW);
      if (view != NULL)
        tsu_events_view_show_event (TSU_EVENTS_VIEW (view), item->id);
      break;
    case TSU_TODO_BUDGET_LINE:
      view = show_view (self, "budget", TSU_TYPE_BUDGET_VIEW);
      if (view != NULL)
        tsu_budget_view_show_line (TSU_BUDGET_VIEW (view), item->fiscal_year, item->id);
      break;
    case TSU_N_TODO_KINDS:
    default:
      g_return_if_reached ();
    }
}

/* ---- loading ----------------------------------------------------------- */

static void
reload_now (TsuOverviewView *self)
{
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *council = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *year_text = NULL;
  guint members, government = 0, partners = 0;
  guint target = 30;

  if (self->database == NULL)
    {
      gtk_stack_set_visible_child_name (self->pages, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->pages, "content");

  if (self->settings != NULL)
    {
      council = g_settings_get_string (self->settings, "council-name");
      target = MAX (1, g_settings_get_int (self->settings, "member-target"));
    }
  /* A council without a name set simply has no title line. */
  gtk_label_set_label (self->council_label, council != NULL ? council : "");
  gtk_widget_set_visible (GTK_WIDGET (self->council_label), council != NULL && council[0] != '\0');

  /* On a wide window the header bar shows the view switcher instead of
   * the file name, so the overview says which file this is. */
  path = tsu_display_path (tsu_database_get_path (self->database));
  gtk_label_set_label (self->database_label, path);

  members = tsu_organization_count_current_members (self->database, &error);
  if (error != NULL)
    {
      g_warning ("Cannot count members: %s", error->message);
      g_clear_error (&error);
    }

  organizations = tsu_organization_load_all (self->database, &error);
  if (organizations == NULL)
    {
      g_warning ("Cannot load organizations: %s", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; organizations != NULL && i < organizations->len; i++)
    {
      TsuOrganization *organization = g_ptr_array_index (organizations, i);

      if (!tsu_organization_is_current (organization, NULL))
        continue;
      switch (tsu_organization_get_kind (organization))
        {
        case TSU_ORGANIZATION_KIND_GOVERNMENT:
          government++;
          break;
        case TSU_ORGANIZATION_KIND_PARTNER:
          partners++;
          break;
        case TSU_ORGANIZATION_KIND_MEMBER:
        default:
          break;
        }
    }

  /* Translators: member organisations now / the target, "11 / 30 団体". */
  count_text = g_strdup_printf (_("%u / %u organizations"), members, target);
  gtk_label_set_label (self->member_count_label, count_text);
  gtk_level_bar_set_value (self->member_level, MIN ((double) members / target, 1.0));
  if (members >= target)
    target_text = g_strdup (_("The target has been reached."));
  else
    /* Translators: %u is a number of organisations. */
    target_text = g_strdup_printf (_("%u more to reach the target."), target - members);
  gtk_label_set_label (self->target_label, target_text);

  set_count (self->members_label, members);
  set_count (self->government_label, government);
  set_count (self->partners_label, partners);

  /* Chosen once, so that a change does not move the charts to another
   * year under the user's eyes. */
  if (!self->year_chosen)
    {
      self->year = default_fiscal_year (self);
      self->year_chosen = TRUE;
    }
  year_text = tsu_fiscal_year_format (self->year, date_style (self));
  gtk_label_set_label (self->year_label, year_text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.next-year",
                                 self->year < current_fiscal_year (self) + 1);

  fill_members_chart (self, target);
  fill_events_chart (self, year_text);
  fill_referrals_chart (self, year_text);
  fill_budget_chart (self, year_text);
  fill_todo (self);
}

/* A view behind another is loaded when it is next shown: with a large
 * file, loading every view at start (or on every change) would cost
 * seconds and memory for lists nobody looks at. */
static void
reload (TsuOverviewView *self)
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
tsu_overview_view_map (GtkWidget *widget)
{
  TsuOverviewView *self = TSU_OVERVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (tsu_overview_view_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
database_changed_cb (TsuDatabase     *database,
                     const char      *table,
                     TsuOverviewView *self)
{
  reload (self);
}

static void
settings_changed_cb (GSettings       *settings,
                     const char      *key,
                     TsuOverviewView *self)
{
  reload (self);
}

/* ---- actions ----------------------------------------------------------- */

static void
year_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsuOverviewView *self = TSU_OVERVIEW_VIEW (widget);

  tsu_overview_view_set_fiscal_year (self, self->year + (g_str_equal (action_name, "overview.next-year") ? 1 : -1));
}

static TsuOverviewChart
chart_from_name (const char *name)
{
  for (guint i = 0; i < TSU_N_OVERVIEW_CHARTS; i++)
    if (g_strcmp0 (name, chart_names[i]) == 0)
      return i;
  return TSU_N_OVERVIEW_CHARTS;
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  TsuOverviewView *self)
{
  TsuOverviewChart chart = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "tsu-chart"));
  g_autofree char *path = tsu_file_chooser_dup_path (chooser, response);
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;
  const char *suffix = tsu_file_chooser_get_suffix (GTK_FILE_CHOOSER (chooser));  /* static */

  g_object_unref (chooser);
  if (path == NULL)
    return;
  /* A name typed without .png or .pdf gets the chosen format's. */
  if (!g_str_has_suffix (path, ".png") && !g_str_has_suffix (path, ".PNG")
      && !g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      char *with_suffix = g_strconcat (path, suffix != NULL ? suffix : ".png", NULL);

      g_free (path);
      path = with_suffix;
    }
  if (!tsu_overview_view_save_chart (self, chart, path, &error))
    {
      tsu_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Picture"), error->message);
      return;
    }
  basename = g_path_get_basename (path);
  tsu_widget_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Saved “%s”"), basename));
}

static void
save_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TsuOverviewView *self = TSU_OVERVIEW_VIEW (widget);
  TsuOverviewChart chart = chart_from_name (g_variant_get_string (parameter, NULL));
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  const char *folder_path;
  GtkRoot *root = gtk_widget_get_root (widget);

  g_return_if_fail (chart < TSU_N_OVERVIEW_CHARTS);

  /* The chart's title names the file; "/" and ":" are not for names. */
  title = g_strdup (tsu_bar_chart_get_title (tsu_overview_view_get_chart (self, chart)));
  if (title == NULL || *title == '\0')
    title = g_strdup (_("Chart"));
  g_strdelimit (title, "/\\:", '_');
  name = g_strconcat (title, ".png", NULL);

  chooser = gtk_file_chooser_native_new (_("Save Picture"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  tsu_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _("PNG Images"), "*.png", "image/png", ".png");
  tsu_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _("PDF Documents"), "*.pdf", "application/pdf", ".pdf");
  folder_path = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (folder_path == NULL || !g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    folder_path = g_get_home_dir ();
  folder = g_file_new_for_path (folder_path);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "tsu-chart", GUINT_TO_POINTER (chart));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject ----------------------------------------------------------- */

static void
tsu_overview_view_dispose (GObject *object)
{
  TsuOverviewView *self = TSU_OVERVIEW_VIEW (object);

  /* AdwBin unparents its child itself; the template must not do it a
   * second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_OVERVIEW_VIEW);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->todo_items, g_ptr_array_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (tsu_overview_view_parent_class)->dispose (object);
}

static void
tsu_overview_view_class_init (TsuOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = tsu_overview_view_map;
  object_class->dispose = tsu_overview_view_dispose;

  g_type_ensure (TSU_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, pages);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, council_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, database_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, member_count_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, member_level);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, target_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, members_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, government_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, partners_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, year_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, members_chart);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, events_chart);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, referrals_chart);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, budget_chart);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, todo_list);
  gtk_widget_class_bind_template_callback (widget_class, on_todo_row_activated);

  gtk_widget_class_install_action (widget_class, "overview.previous-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "overview.next-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "overview.save-chart", "s", save_chart_action);
}

static void
tsu_overview_view_init (TsuOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tsu_bar_chart_set_title (self->members_chart, _("Member Organizations over Time"));
  tsu_bar_chart_set_value_label (self->members_chart, _("Organizations"));
  tsu_bar_chart_set_x_format_func (self->members_chart, format_day, self, NULL);
  tsu_bar_chart_set_format_func (self->members_chart, format_count, NULL, NULL);
  tsu_bar_chart_set_value_label (self->events_chart, _("Participants"));
  tsu_bar_chart_set_stacked (self->events_chart, TRUE);
  tsu_bar_chart_set_value_label (self->referrals_chart, _("Number of referrals"));
  tsu_bar_chart_set_stacked (self->referrals_chart, TRUE);
  tsu_bar_chart_set_value_label (self->budget_chart, _("Yen"));
  tsu_bar_chart_set_format_func (self->budget_chart, format_yen, NULL, NULL);

  self->settings = tsu_settings_new ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::council-name",
                               G_CALLBACK (settings_changed_cb), self, 0);
      g_signal_connect_object (self->settings, "changed::member-target",
                               G_CALLBACK (settings_changed_cb), self, 0);
      g_signal_connect_object (self->settings, "changed::date-style",
                               G_CALLBACK (settings_changed_cb), self, 0);
    }
  reload (self);
}

GtkWidget *
tsu_overview_view_new (void)
{
  return g_object_new (TSU_TYPE_OVERVIEW_VIEW, NULL);
}

void
tsu_overview_view_set_database (TsuOverviewView *self,
                                TsuDatabase     *database)
{
  g_return_if_fail (TSU_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (database == NULL || TSU_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, database_changed_cb, self);
  g_set_object (&self->database, database);
  /* Another file: its own default year. */
  self->year_chosen = FALSE;
  /* The database may outlive this view (the window holds it too). */
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self, 0);
  reload (self);
}

void
tsu_overview_view_set_fiscal_year (TsuOverviewView *self,
                                   int              year)
{
  g_return_if_fail (TSU_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (year >= 1900 && year <= 2999);

  self->year_chosen = TRUE;
  if (self->year == year)
    return;
  self->year = year;
  reload (self);
}

int
tsu_overview_view_get_fiscal_year (TsuOverviewView *self)
{
  g_return_val_if_fail (TSU_IS_OVERVIEW_VIEW (self), 0);

  return self->year;
}

void
tsu_overview_view_set_today (TsuOverviewView *self,
                             const char      *today_iso)
{
  GDate date;

  g_return_if_fail (TSU_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (today_iso == NULL || tsu_date_from_iso (today_iso, &date));

  g_free (self->today);
  self->today = g_strdup (today_iso);
  self->year_chosen = FALSE;
  reload (self);
}

TsuBarChart *
tsu_overview_view_get_chart (TsuOverviewView  *self,
                             TsuOverviewChart  chart)
{
  g_return_val_if_fail (TSU_IS_OVERVIEW_VIEW (self), NULL);

  switch (chart)
    {
    case TSU_OVERVIEW_CHART_MEMBERS:
      return self->members_chart;
    case TSU_OVERVIEW_CHART_EVENTS:
      return self->events_chart;
    case TSU_OVERVIEW_CHART_REFERRALS:
      return self->referrals_chart;
    case TSU_OVERVIEW_CHART_BUDGET:
      return self->budget_chart;
    case TSU_N_OVERVIEW_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

GtkListBox *
tsu_overview_view_get_todo_list (TsuOverviewView *self)
{
  g_return_val_if_fail (TSU_IS_OVERVIEW_VIEW (self), NULL);

  return self->todo_list;
}

gboolean
tsu_overview_view_save_chart (TsuOverviewView  *self,
                              TsuOverviewChart  chart,
                              const char       *path,
                              GError          **error)
{
  g_return_val_if_fail (TSU_IS_OVERVIEW_VIEW (self), FALSE);
  g_return_val_if_fail (chart < TSU_N_OVERVIEW_CHARTS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return tsu_bar_chart_save (tsu_overview_view_get_chart (self, chart), path,
                             EXPORT_WIDTH, EXPORT_HEIGHT, error);
}
