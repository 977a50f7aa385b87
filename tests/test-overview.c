/* test-overview.c: the overview's figures and to-do list against the
 * hand-computed fixture of overview-fixture.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tsu-database.h"
#include "tsu-overview.h"
#include "overview-fixture.h"

static TsuDatabase *
new_database (char **dir_out)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-overview-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  TsuDatabase *db = tsu_database_open (path, &error);

  g_assert_no_error (error);
  if (dir_out != NULL)
    *dir_out = g_steal_pointer (&dir);
  return db;
}

static TsuDatabase *
fixture_database (void)
{
  TsuDatabase *db = new_database (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (tsu_database_exec (db, OVERVIEW_FIXTURE_SQL, &error));
  g_assert_no_error (error);
  return db;
}

static void
assert_step (GArray     *steps,
             guint       i,
             const char *date,
             guint       count)
{
  g_assert_cmpuint (i, <, steps->len);
  g_assert_cmpstr (g_array_index (steps, TsuMemberStep, i).date, ==, date);
  g_assert_cmpuint (g_array_index (steps, TsuMemberStep, i).count, ==, count);
}

static void
test_member_steps (void)
{
  g_autoptr(TsuDatabase) db = fixture_database ();
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GArray) later = NULL;
  g_autoptr(GError) error = NULL;

  steps = tsu_overview_member_steps (db, OVERVIEW_FIXTURE_TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 4);
  assert_step (steps, 0, "2022-02-01", 3);
  assert_step (steps, 1, "2023-04-10", 5);
  assert_step (steps, 2, "2024-01-31", 4);
  assert_step (steps, 3, "2024-06-15", 5);

  /* On 2025-01-10 E has joined on its own date and F has left; the line
   * reaches that day. */
  later = tsu_overview_member_steps (db, "2025-01-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 6);
  assert_step (later, 3, "2024-07-01", 5);
  assert_step (later, 4, "2024-12-31", 4);
  assert_step (later, 5, "2025-01-10", 4);
}

static void
test_member_steps_empty (void)
{
  g_autoptr(TsuDatabase) db = new_database (NULL);
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GError) error = NULL;

  steps = tsu_overview_member_steps (db, OVERVIEW_FIXTURE_TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 1);
  assert_step (steps, 0, OVERVIEW_FIXTURE_TODAY, 0);
}

static void
test_default_fiscal_year (void)
{
  g_autoptr(TsuDatabase) db = fixture_database ();
  g_autoptr(TsuDatabase) empty = new_database (NULL);
  g_autoptr(GError) error = NULL;

  /* FY2024 has events: its own year. */
  g_assert_cmpint (tsu_overview_default_fiscal_year (db, OVERVIEW_FIXTURE_TODAY, &error), ==, 2024);
  g_assert_no_error (error);
  /* FY2026 has nothing: the latest year that has (events up to 2024-07-16). */
  g_assert_cmpint (tsu_overview_default_fiscal_year (db, "2026-12-07", &error), ==, 2024);
  /* Nothing yet in 2023-04: FY2023 itself has e8 and a budget line. */
  g_assert_cmpint (tsu_overview_default_fiscal_year (db, "2023-05-01", &error), ==, 2023);
  /* An empty file: this year. */
  g_assert_cmpint (tsu_overview_default_fiscal_year (empty, "2026-12-07", &error), ==, 2026);
  g_assert_no_error (error);
}

static void
test_event_counts (void)
{
  g_autoptr(TsuDatabase) db = fixture_database ();
  g_autoptr(GError) error = NULL;
  TsuEventCounts counts;
  guint total = 0, events = 0;

  g_assert_true (tsu_overview_event_counts (db, OVERVIEW_FIXTURE_YEAR, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.fiscal_year, ==, 2024);
  /* May is month 1, July month 3. */
  g_assert_cmpuint (counts.head_counts[1][TSU_EVENT_KIND_MEETING], ==, 45);
  g_assert_cmpuint (counts.head_counts[1][TSU_EVENT_KIND_TRAINING], ==, 3);
  g_assert_cmpuint (counts.head_counts[3][TSU_EVENT_KIND_TOUR], ==, 12);
  g_assert_cmpuint (counts.events[2][TSU_EVENT_KIND_MEETING], ==, 1);
  g_assert_cmpuint (counts.events[3][TSU_EVENT_KIND_WORKSHOP], ==, 1);
  g_assert_cmpuint (counts.events[3][TSU_EVENT_KIND_TRAINING], ==, 1);
  g_assert_cmpuint (counts.events[3][TSU_EVENT_KIND_OTHER], ==, 1);
  for (guint m = 0; m < 12; m++)
    for (guint k = 0; k < TSU_N_EVENT_KINDS; k++)
      {
        total += counts.head_counts[m][k];
        events += counts.events[m][k];
      }
  g_assert_cmpuint (total, ==, 45 + 3 + 12);
  g_assert_cmpuint (events, ==, 7);

  /* FY2023 has only e8, uncounted. */
  g_assert_true (tsu_overview_event_counts (db, 2023, &counts, &error));
  g_assert_cmpuint (counts.events[11][TSU_EVENT_KIND_MEETING], ==, 1);
  g_assert_cmpuint (counts.head_counts[11][TSU_EVENT_KIND_MEETING], ==, 0);
}

static void
test_referral_counts (void)
{
  g_autoptr(TsuDatabase) db = fixture_database ();
  g_autoptr(GError) error = NULL;
  TsuReferralCounts counts;

  g_assert_true (tsu_overview_referral_counts (db, OVERVIEW_FIXTURE_YEAR, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.stats.referrals, ==, 7);
  g_assert_cmpuint (counts.by_month_status[0][TSU_REFERRAL_CONNECTED], ==, 1);
  g_assert_cmpuint (counts.by_month_status[0][TSU_REFERRAL_SENT], ==, 1);
  g_assert_cmpuint (counts.by_month_status[1][TSU_REFERRAL_NOT_CONNECTED], ==, 1);
  g_assert_cmpuint (counts.by_month_status[1][TSU_REFERRAL_ACCEPTED], ==, 1);
  g_assert_cmpuint (counts.by_month_status[2][TSU_REFERRAL_ACCEPTED], ==, 1);
  g_assert_cmpuint (counts.by_month_status[2][TSU_REFERRAL_SENT], ==, 1);
  g_assert_cmpuint (counts.by_month_status[2][TSU_REFERRAL_CONNECTED], ==, 1);
  g_assert_cmpfloat_with_epsilon (counts.stats.connection_rate, 2.0 / 3.0, 1e-9);
  /* The months and statuses add up to the statistics. */
  for (guint m = 0; m < 12; m++)
    {
      guint sum = 0;

      for (guint s = 0; s < TSU_N_REFERRAL_STATUSES; s++)
        sum += counts.by_month_status[m][s];
      g_assert_cmpuint (sum, ==, counts.stats.by_month[m]);
    }
  for (guint s = 0; s < TSU_N_REFERRAL_STATUSES; s++)
    {
      guint sum = 0;

      for (guint m = 0; m < 12; m++)
        sum += counts.by_month_status[m][s];
      g_assert_cmpuint (sum, ==, counts.stats.by_status[s]);
    }

  /* A year without referrals has no rate. */
  g_assert_true (tsu_overview_referral_counts (db, 2030, &counts, &error));
  g_assert_cmpuint (counts.stats.referrals, ==, 0);
  g_assert_cmpfloat (counts.stats.connection_rate, <, 0.0);
}

static void
test_budget (void)
{
  g_autoptr(TsuDatabase) db = fixture_database ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  lines = tsu_overview_budget_lines (db, OVERVIEW_FIXTURE_YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 5);
  g_assert_cmpstr (tsu_budget_line_get_name (g_ptr_array_index (lines, 0)), ==, "研修事業");
  g_assert_cmpint (tsu_budget_line_get_paid (g_ptr_array_index (lines, 0)), ==, 950000);
  g_assert_cmpint (tsu_budget_line_get_amount (g_ptr_array_index (lines, 3)), ==, 100000);

  g_assert_true (tsu_overview_budget_nearly_spent (1000, 901));
  g_assert_false (tsu_overview_budget_nearly_spent (1000, 900));
  g_assert_false (tsu_overview_budget_nearly_spent (0, 0));
  g_assert_true (tsu_overview_budget_nearly_spent (0, 1));
  g_assert_true (tsu_overview_budget_nearly_spent (1000, 1200));
}

static void
test_todo (void)
{
  g_autoptr(TsuDatabase) db = fixture_database ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  guint totals[TSU_N_TODO_KINDS];
  static const struct
  {
    TsuTodoKind kind;
    gint64      id;
    const char *date;
  } expected[] = {
    { TSU_TODO_OVERDUE_REFERRAL, 8, "2024-03-15" },
    { TSU_TODO_OVERDUE_REFERRAL, 2, "2024-05-04" },
    { TSU_TODO_OVERDUE_REFERRAL, 5, "2024-06-14" },
    { TSU_TODO_SIGN_IN_SHEET, 3, "2024-06-20" },
    { TSU_TODO_SIGN_IN_SHEET, 7, "2024-07-15T10:00" },
    { TSU_TODO_BUDGET_LINE, 5, NULL },
    { TSU_TODO_BUDGET_LINE, 4, NULL },
    { TSU_TODO_BUDGET_LINE, 1, NULL },
  };

  items = tsu_overview_load_todo (db, OVERVIEW_FIXTURE_TODAY, 0, totals, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < items->len; i++)
    {
      TsuTodoItem *item = g_ptr_array_index (items, i);

      g_assert_cmpint (item->kind, ==, expected[i].kind);
      g_assert_cmpint (item->id, ==, expected[i].id);
      g_assert_cmpstr (item->date, ==, expected[i].date);
    }
  g_assert_cmpuint (totals[TSU_TODO_OVERDUE_REFERRAL], ==, 3);
  g_assert_cmpuint (totals[TSU_TODO_SIGN_IN_SHEET], ==, 2);
  g_assert_cmpuint (totals[TSU_TODO_BUDGET_LINE], ==, 3);

  /* What an item says and where it leads. */
  {
    TsuTodoItem *referral = g_ptr_array_index (items, 1);
    TsuTodoItem *sheet = g_ptr_array_index (items, 3);
    TsuTodoItem *line = g_ptr_array_index (items, 7);

    g_assert_cmpstr (referral->title, ==, "2024-0002");
    g_assert_cmpint (referral->case_id, ==, 2);
    g_assert_cmpstr (referral->detail, ==, "抱樸 → 就労支援");
    g_assert_cmpstr (sheet->detail, ==, "市役所");
    g_assert_nonnull (strstr (sheet->title, "連携協議会"));
    g_assert_cmpstr (line->title, ==, "研修事業");
    g_assert_cmpint (line->fiscal_year, ==, 2024);
    g_assert_cmpint (line->amount, ==, 1000000);
    g_assert_cmpint (line->paid, ==, 950000);
  }

  /* At most two of each kind; the totals still count them all. */
  limited = tsu_overview_load_todo (db, OVERVIEW_FIXTURE_TODAY, 2, totals, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limited->len, ==, 6);
  g_assert_cmpint (((TsuTodoItem *) g_ptr_array_index (limited, 1))->id, ==, 2);
  g_assert_cmpint (((TsuTodoItem *) g_ptr_array_index (limited, 2))->kind, ==, TSU_TODO_SIGN_IN_SHEET);
  g_assert_cmpint (((TsuTodoItem *) g_ptr_array_index (limited, 5))->id, ==, 4);
  g_assert_cmpuint (totals[TSU_TODO_OVERDUE_REFERRAL], ==, 3);
  g_assert_cmpuint (totals[TSU_TODO_BUDGET_LINE], ==, 3);

  /* Printing e3's sheet takes it off the list, without a new row version. */
  {
    g_autoptr(TsuEvent) before = tsu_event_load_by_id (db, 3, &error);
    g_autoptr(TsuEvent) printed = NULL;

    g_assert_cmpstr (tsu_event_get_sign_in_printed_at (before), ==, "");
    g_assert_true (tsu_event_mark_sign_in_printed (db, 3, &error));
    g_assert_no_error (error);
    printed = tsu_event_load_by_id (db, 3, &error);
    g_assert_cmpuint (strlen (tsu_event_get_sign_in_printed_at (printed)), ==, 19);
    g_assert_cmpint (tsu_event_get_version (printed), ==, tsu_event_get_version (before));
  }
  after = tsu_overview_load_todo (db, OVERVIEW_FIXTURE_TODAY, 0, totals, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals[TSU_TODO_SIGN_IN_SHEET], ==, 1);
  g_assert_cmpint (((TsuTodoItem *) g_ptr_array_index (after, 3))->id, ==, 7);
}

/* A file of version 5 gains the sign-in column, and its events keep their
 * rows. */
static void
test_migration_to_6 (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TsuDatabase *db = new_database (&dir);
  g_autoptr(TsuEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  path = g_strdup (tsu_database_get_path (db));
  g_assert_true (tsu_database_exec (db, OVERVIEW_FIXTURE_SQL, &error));
  g_assert_true (tsu_database_exec (db,
                                    "DROP TRIGGER audit_events_insert; DROP TRIGGER audit_events_update;"
                                    " DROP TRIGGER audit_events_delete;"
                                    " ALTER TABLE events DROP COLUMN sign_in_printed_at;"
                                    " PRAGMA user_version = 5", &error));
  g_assert_no_error (error);
  g_object_unref (db);

  db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  event = tsu_event_load_by_id (db, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tsu_event_get_sign_in_printed_at (event), ==, "");
  g_assert_true (tsu_event_mark_sign_in_printed (db, 4, &error));
  g_assert_no_error (error);
  g_object_unref (db);
}

/* `tsunagu print sign-in` records the printing too. */
static void
test_cli_print_sign_in (void)
{
  const char *program = g_getenv ("TSUNAGU");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *err = NULL;
  g_autoptr(TsuEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  TsuDatabase *db;
  int wait_status = 0;

  if (program == NULL || !g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the tsunagu program is not built");
      return;
    }
  db = new_database (&dir);
  path = g_strdup (tsu_database_get_path (db));
  pdf = g_build_filename (dir, "sign-in.pdf", NULL);
  g_assert_true (tsu_database_exec (db, OVERVIEW_FIXTURE_SQL, &error));
  g_object_unref (db);

  {
    const char *argv[] = { program, "--database", path, "print", "sign-in", "--event", "e3",
                           "--output", pdf, NULL };
    g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", dir, TRUE);

    g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                  NULL, &err, &wait_status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  event = tsu_event_load_by_id (db, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tsu_event_get_sign_in_printed_at (event), !=, "");
  g_object_unref (db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overview/member-steps", test_member_steps);
  g_test_add_func ("/overview/member-steps-empty", test_member_steps_empty);
  g_test_add_func ("/overview/default-fiscal-year", test_default_fiscal_year);
  g_test_add_func ("/overview/event-counts", test_event_counts);
  g_test_add_func ("/overview/referral-counts", test_referral_counts);
  g_test_add_func ("/overview/budget", test_budget);
  g_test_add_func ("/overview/todo", test_todo);
  g_test_add_func ("/overview/migration-to-6", test_migration_to_6);
  g_test_add_func ("/overview/cli-print-sign-in", test_cli_print_sign_in);

  return g_test_run ();
}
