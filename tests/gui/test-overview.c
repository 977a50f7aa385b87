/* test-overview.c: the overview page in the real window on the fixture of
 * overview-fixture.h ("today" 2024-06-15): each chart's data, each chart
 * saved as a PNG of the asked size, the to-do list, and each kind of item
 * opening its record in its view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "tsu-application.h"
#include "tsu-budget-line.h"
#include "tsu-budget-view.h"
#include "tsu-event.h"
#include "tsu-events-view.h"
#include "tsu-overview-view.h"
#include "tsu-referral.h"
#include "tsu-referrals-view.h"
#include "tsu-window.h"
#include "../overview-fixture.h"

typedef struct
{
  char            *folder;
  char            *path;
  TsuApplication  *app;
  TsuWindow       *window;
  TsuOverviewView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = tsu_settings_new ();
  TsuDatabase *db;
  GList *windows;

  g_settings_reset (settings, "member-target");
  g_settings_reset (settings, "date-style");
  f->folder = g_dir_make_tmp ("tsunagu-overview-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->folder, "council.db", NULL);
  db = tsu_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (tsu_database_exec (db, OVERVIEW_FIXTURE_SQL, &error));
  g_assert_no_error (error);
  g_object_unref (db);

  /* As main() starts it, without running a main loop. */
  f->app = tsu_application_new (f->path);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f->app));
  spin ();
  windows = gtk_application_get_windows (GTK_APPLICATION (f->app));
  g_assert_nonnull (windows);
  f->window = TSU_WINDOW (windows->data);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  spin ();
  g_assert_cmpstr (tsu_window_get_visible_view (f->window), ==, "overview");
  f->view = TSU_OVERVIEW_VIEW (find_widget (GTK_WIDGET (f->window), TSU_TYPE_OVERVIEW_VIEW, NULL));
  g_assert_nonnull (f->view);
  tsu_overview_view_set_today (f->view, OVERVIEW_FIXTURE_TODAY);
  spin ();
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_folder (path);
      else
        g_unlink (path);
    }
  g_rmdir (folder);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_assert_finalize_object (f->window);
  /* A registered GtkApplication keeps itself until a shutdown that never
   * comes in a test (see test-window). */
  g_clear_object (&f->app);
  remove_folder (f->folder);
  g_free (f->path);
  g_free (f->folder);
}

static double
julian (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_assert_true (g_date_valid (&date));
  return g_date_get_julian (&date);
}

/* The index of the series named @name, or -1. */
static int
series_named (TsuBarChart *chart,
              const char  *name)
{
  for (guint s = 0; s < tsu_bar_chart_get_n_series (chart); s++)
    if (g_strcmp0 (tsu_bar_chart_get_series_name (chart, s), name) == 0)
      return (int) s;
  return -1;
}

static void
assert_png (const char *path,
            int         width,
            int         height)
{
  g_autofree char *contents = NULL;
  cairo_surface_t *surface;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

/* ---- tests ------------------------------------------------------------- */

static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  TsuBarChart *members = tsu_overview_view_get_chart (f->view, TSU_OVERVIEW_CHART_MEMBERS);
  TsuBarChart *events = tsu_overview_view_get_chart (f->view, TSU_OVERVIEW_CHART_EVENTS);
  TsuBarChart *referrals = tsu_overview_view_get_chart (f->view, TSU_OVERVIEW_CHART_REFERRALS);
  TsuBarChart *budget = tsu_overview_view_get_chart (f->view, TSU_OVERVIEW_CHART_BUDGET);
  static const struct { const char *date; double count; } steps[] = {
    { "2022-02-01", 3 }, { "2023-04-10", 5 }, { "2024-01-31", 4 }, { "2024-06-15", 5 },
  };
  double x, y;
  int meeting, training, tour, connected, sent;

  g_assert_cmpint (tsu_overview_view_get_fiscal_year (f->view), ==, OVERVIEW_FIXTURE_YEAR);

  /* Members over time: a step at each join and leave date, the target. */
  g_assert_cmpuint (tsu_bar_chart_get_n_lines (members), ==, 1);
  g_assert_cmpuint (tsu_bar_chart_get_line_n_points (members, 0), ==, G_N_ELEMENTS (steps));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_assert_true (tsu_bar_chart_get_line_point (members, 0, i, &x, &y));
      g_assert_cmpfloat (x, ==, julian (steps[i].date));
      g_assert_cmpfloat (y, ==, steps[i].count);
    }
  g_assert_true (tsu_bar_chart_get_target (members, &y));
  g_assert_cmpfloat (y, ==, 30);

  /* Head counts by month (April first) and kind, stacked. */
  g_assert_cmpuint (tsu_bar_chart_get_n_categories (events), ==, 12);
  g_assert_cmpstr (tsu_bar_chart_get_category (events, 0), ==, "Apr");
  g_assert_true (tsu_bar_chart_get_stacked (events));
  /* Meeting, tour, training, workshop and other have events; no case study. */
  g_assert_cmpuint (tsu_bar_chart_get_n_series (events), ==, 5);
  g_assert_cmpint (series_named (events, tsu_event_kind_to_label (TSU_EVENT_KIND_CASE_STUDY)), ==, -1);
  meeting = series_named (events, tsu_event_kind_to_label (TSU_EVENT_KIND_MEETING));
  training = series_named (events, tsu_event_kind_to_label (TSU_EVENT_KIND_TRAINING));
  tour = series_named (events, tsu_event_kind_to_label (TSU_EVENT_KIND_TOUR));
  g_assert_cmpint (meeting, >=, 0);
  g_assert_cmpfloat (tsu_bar_chart_get_value (events, meeting, 1), ==, 45);
  g_assert_cmpfloat (tsu_bar_chart_get_value (events, meeting, 2), ==, 0);
  g_assert_cmpfloat (tsu_bar_chart_get_value (events, training, 1), ==, 3);
  g_assert_cmpfloat (tsu_bar_chart_get_value (events, tour, 3), ==, 12);

  /* Referrals by month and status, with the connection rate (2 of 3). */
  g_assert_cmpuint (tsu_bar_chart_get_n_categories (referrals), ==, 12);
  g_assert_cmpuint (tsu_bar_chart_get_n_series (referrals), ==, 4);
  g_assert_nonnull (strstr (tsu_bar_chart_get_title (referrals), "67%"));
  connected = series_named (referrals, tsu_referral_status_to_label (TSU_REFERRAL_CONNECTED));
  sent = series_named (referrals, tsu_referral_status_to_label (TSU_REFERRAL_SENT));
  g_assert_cmpint (connected, >=, 0);
  g_assert_cmpfloat (tsu_bar_chart_get_value (referrals, connected, 0), ==, 1);
  g_assert_cmpfloat (tsu_bar_chart_get_value (referrals, connected, 1), ==, 0);
  g_assert_cmpfloat (tsu_bar_chart_get_value (referrals, connected, 2), ==, 1);
  g_assert_cmpfloat (tsu_bar_chart_get_value (referrals, sent, 0), ==, 1);
  g_assert_cmpfloat (tsu_bar_chart_get_value (referrals, sent, 2), ==, 1);

  /* Budget against paid per line, in table order. */
  g_assert_cmpuint (tsu_bar_chart_get_n_categories (budget), ==, 5);
  g_assert_cmpstr (tsu_bar_chart_get_category (budget, 0), ==, "研修事業");
  g_assert_cmpstr (tsu_bar_chart_get_category (budget, 4), ==, "通信");
  g_assert_cmpuint (tsu_bar_chart_get_n_series (budget), ==, 2);
  g_assert_cmpfloat (tsu_bar_chart_get_value (budget, 0, 0), ==, 1000000);
  g_assert_cmpfloat (tsu_bar_chart_get_value (budget, 1, 0), ==, 950000);
  g_assert_cmpfloat (tsu_bar_chart_get_value (budget, 1, 4), ==, 5000);
  {
    g_autofree char *amount = tsu_bar_chart_format_value (budget, 1000000);

    g_assert_cmpstr (amount, ==, "1,000,000");
  }

  /* The previous year: e8 in March, no budget. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "overview.previous-year", NULL));
  spin ();
  g_assert_cmpint (tsu_overview_view_get_fiscal_year (f->view), ==, 2023);
  g_assert_cmpuint (tsu_bar_chart_get_n_series (events), ==, 1);
  g_assert_cmpfloat (tsu_bar_chart_get_value (events, 0, 11), ==, 0);
  g_assert_cmpuint (tsu_bar_chart_get_n_categories (budget), ==, 1);
  g_assert_cmpstr (tsu_bar_chart_get_category (budget, 0), ==, "前年度事業");
  /* The members over time do not depend on the year. */
  g_assert_cmpuint (tsu_bar_chart_get_line_n_points (members, 0), ==, G_N_ELEMENTS (steps));
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  for (TsuOverviewChart c = 0; c < TSU_N_OVERVIEW_CHARTS; c++)
    {
      g_autofree char *name = g_strdup_printf ("chart-%d.png", c);
      g_autofree char *small = g_strdup_printf ("small-%d.png", c);
      g_autofree char *pdf_name = g_strdup_printf ("chart-%d.pdf", c);
      g_autofree char *path = g_build_filename (f->folder, name, NULL);
      g_autofree char *small_path = g_build_filename (f->folder, small, NULL);
      g_autofree char *pdf = g_build_filename (f->folder, pdf_name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;

      /* What "Save as PNG/PDF…" writes, and a chart drawn at another size. */
      g_assert_true (tsu_overview_view_save_chart (f->view, c, path, &error));
      g_assert_no_error (error);
      assert_png (path, 1200, 600);
      g_assert_true (tsu_bar_chart_save (tsu_overview_view_get_chart (f->view, c), small_path, 640, 320, &error));
      g_assert_no_error (error);
      assert_png (small_path, 640, 320);
      g_assert_true (tsu_overview_view_save_chart (f->view, c, pdf, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    }
}

static GtkListBoxRow *
todo_row (Fixture *f,
          int      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (tsu_overview_view_get_todo_list (f->view), index);

  g_assert_nonnull (row);
  return row;
}

static const char *
row_title (GtkListBoxRow *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
activate (Fixture       *f,
          GtkListBoxRow *row)
{
  g_signal_emit_by_name (tsu_overview_view_get_todo_list (f->view), "row-activated", row);
  spin ();
}

static gboolean
shows_label_containing (GtkWidget  *root,
                        const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root)
      && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label_containing (child, text))
      return TRUE;
  return FALSE;
}

/* Whether a stack under @root shows its page @name. */
static gboolean
shows_page (GtkWidget  *root,
            const char *name)
{
  if (GTK_IS_STACK (root) && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (root)), name) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_page (child, name))
      return TRUE;
  return FALSE;
}

static void
test_todo (Fixture       *f,
           gconstpointer  data)
{
  static const char * const titles[] = {
    "Case 2023-0009: 市社協 → 地域包括",
    "Case 2024-0002: 抱樸 → 就労支援",
    "Case 2024-0001: 門司区役所 → 相談窓口",
    "No. 8 連携協議会",
    "交流会",
    "通信",
    "印刷",
    "研修事業",
  };
  GtkListBox *list = tsu_overview_view_get_todo_list (f->view);
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (row_title (todo_row (f, i)), ==, titles[i]);
  g_assert_null (gtk_list_box_get_row_at_index (list, G_N_ELEMENTS (titles)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (todo_row (f, 7))), "95%"));

  /* An event opens in the events view. */
  activate (f, todo_row (f, 3));
  g_assert_cmpstr (tsu_window_get_visible_view (f->window), ==, "events");
  view = find_widget (GTK_WIDGET (f->window), TSU_TYPE_EVENTS_VIEW, NULL);
  g_assert_nonnull (view);
  g_assert_nonnull (tsu_events_view_get_selected (TSU_EVENTS_VIEW (view)));
  g_assert_cmpint (tsu_event_get_id (tsu_events_view_get_selected (TSU_EVENTS_VIEW (view))), ==, 3);

  /* A referral opens its case's page. */
  tsu_window_show_view (f->window, "overview");
  spin ();
  activate (f, todo_row (f, 1));
  g_assert_cmpstr (tsu_window_get_visible_view (f->window), ==, "referrals");
  view = find_widget (GTK_WIDGET (f->window), TSU_TYPE_REFERRALS_VIEW, NULL);
  g_assert_nonnull (view);
  g_assert_true (shows_page (view, "case"));
  g_assert_true (shows_label_containing (view, "2024-0002"));

  /* A budget line opens selected in its year. */
  tsu_window_show_view (f->window, "overview");
  spin ();
  activate (f, todo_row (f, 5));
  g_assert_cmpstr (tsu_window_get_visible_view (f->window), ==, "budget");
  view = find_widget (GTK_WIDGET (f->window), TSU_TYPE_BUDGET_VIEW, NULL);
  g_assert_nonnull (view);
  g_assert_cmpint (tsu_budget_view_get_fiscal_year (TSU_BUDGET_VIEW (view)), ==, 2024);
  {
    GtkColumnView *columns = GTK_COLUMN_VIEW (find_widget (view, GTK_TYPE_COLUMN_VIEW, NULL));
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (columns));
    TsuBudgetLine *line = gtk_single_selection_get_selected_item (selection);

    g_assert_nonnull (line);
    g_assert_cmpint (tsu_budget_line_get_id (line), ==, 5);
  }

  /* Printing e3's sheet takes it off the list when the overview is
   * next shown. */
  g_assert_true (tsu_event_mark_sign_in_printed (tsu_window_get_database (f->window), 3, &error));
  g_assert_no_error (error);
  tsu_window_show_view (f->window, "overview");
  spin ();
  g_assert_cmpstr (row_title (todo_row (f, 3)), ==, "交流会");
  g_assert_cmpstr (row_title (todo_row (f, 4)), ==, "通信");
}

/* More items than the list shows end in a row that opens their view. */
static void
test_todo_more (Fixture       *f,
                gconstpointer  data)
{
  TsuDatabase *db = tsu_window_get_database (f->window);
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *more;

  g_assert_true (tsu_database_exec (db,
    "INSERT INTO referrals (case_id, from_place, to_place, referred_on, due_on, status) VALUES"
    " (1, 'A', 'B', '2024-04-01', '2024-04-10', 'sent'), (1, 'A', 'C', '2024-04-02', '2024-04-11', 'sent'),"
    " (1, 'A', 'D', '2024-04-03', '2024-04-12', 'sent');", &error));
  g_assert_no_error (error);
  tsu_database_emit_changed (db, "referrals");
  spin ();
  /* Six overdue: five listed, then "1 more". */
  more = todo_row (f, 5);
  g_assert_cmpstr (row_title (more), ==, "1 more overdue referral");
  g_assert_cmpstr (row_title (todo_row (f, 6)), ==, "No. 8 連携協議会");
  activate (f, more);
  g_assert_cmpstr (tsu_window_get_visible_view (f->window), ==, "referrals");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/overview/charts", Fixture, NULL, fixture_set_up, test_charts, fixture_tear_down);
  g_test_add ("/overview/save", Fixture, NULL, fixture_set_up, test_save, fixture_tear_down);
  g_test_add ("/overview/todo", Fixture, NULL, fixture_set_up, test_todo, fixture_tear_down);
  g_test_add ("/overview/todo-more", Fixture, NULL, fixture_set_up, test_todo_more, fixture_tear_down);

  return g_test_run ();
}
