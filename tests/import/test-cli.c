/* test-cli.c: the command line as a script sees it: exit statuses,
 * messages on stderr, and the database left alone on bad input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "tsu-cli.h"
#include "tsu-organization.h"
#include "tsu-person.h"

static char *tmp_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static const char *
program (void)
{
  const char *path = g_getenv ("TSUNAGU");

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  return path;
}

/* Runs tsunagu with the arguments (NULL-terminated), in the C locale so
 * that messages are in English. */
static Run
run_tsunagu (const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  Run run = { 0 };
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) program ());
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", tmp_dir, TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run.out, &run.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run.status = WEXITSTATUS (wait_status);
  return run;
}

static gboolean
skip_without_program (void)
{
  if (program () == NULL)
    {
      g_test_skip ("the tsunagu program is not built");
      return TRUE;
    }
  return FALSE;
}

static char *
temp_path (const char *name)
{
  static guint counter;
  g_autofree char *unique = g_strdup_printf ("%u-%s", ++counter, name);

  return g_build_filename (tmp_dir, unique, NULL);
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import", "data", name, NULL);
}

static guint
count_organizations (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuDatabase) db = tsu_database_open (db_path, &error);
  g_autoptr(GPtrArray) all = NULL;

  g_assert_no_error (error);
  all = tsu_organization_load_all (db, &error);
  g_assert_no_error (error);
  return all->len;
}

static void
test_window (void)
{
  char *argv_none[] = { (char *) "tsunagu", NULL };
  char *argv_db[] = { (char *) "tsunagu", (char *) "--database", (char *) "/tmp/x.db", NULL };
  char *argv_db_equals[] = { (char *) "tsunagu", (char *) "--database=/tmp/y.db", NULL };
  g_autofree char *path = NULL;

  /* No sub-command: the window opens, on the default database... */
  g_assert_cmpint (tsu_cli_run (1, argv_none, &path), ==, TSU_CLI_OPEN_WINDOW);
  g_assert_null (path);
  /* ...or on the one named. */
  g_assert_cmpint (tsu_cli_run (3, argv_db, &path), ==, TSU_CLI_OPEN_WINDOW);
  g_assert_cmpstr (path, ==, "/tmp/x.db");
  g_clear_pointer (&path, g_free);
  g_assert_cmpint (tsu_cli_run (2, argv_db_equals, &path), ==, TSU_CLI_OPEN_WINDOW);
  g_assert_cmpstr (path, ==, "/tmp/y.db");
}

static void
test_version_and_help (void)
{
  Run run;

  if (skip_without_program ())
    return;

  run = run_tsunagu ("--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "tsunagu " PACKAGE_VERSION "\n");
  run_clear (&run);

  run = run_tsunagu ("--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "import KIND FILE.csv"));
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);

  run = run_tsunagu ("import", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--update"));
  run_clear (&run);

  run = run_tsunagu ("export", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--include-former"));
  run_clear (&run);
}

static void
test_usage_errors (void)
{
  g_autofree char *db = temp_path ("usage.db");
  g_autofree char *csv = data_file ("organizations-en.csv");
  const char *cases[][7] = {
    { "frobnicate", NULL },
    { "--frobnicate", NULL },
    { "--database", NULL },
    { "import", NULL },
    { "import", "organizations", NULL },
    { "import", "clubs", "x.csv", NULL },
    { "import", "organizations", csv, "--force", NULL },
    { "import", "budget", NULL },
    { "import", "referral", csv, NULL },
    { "export", "members", NULL },
    { "export", "members", "--output", "x.pdf", NULL },
    { "export", "members", "--output", "x.xlsx", "--kind", "club" },
    { "export", "organizations", "--output", "x.xlsx", NULL },
    { "export", "budget", "--output", "x.xlsx", "--fiscal-year", "1999x" },
    { "export", "budget", "--output", "x.xlsx", NULL },
    { "export", "budget", "--output", "x.pdf", "--fiscal-year", "2023" },
    { "print", "budget", "--output", "x.pdf", "--fiscal-year", "平成" },
    { "print", "budget", "--output=x.pdf", "--fiscal-year=R5", "--event", "k" },
    { "export", "referrals", "--output", "x.pdf", "--fiscal-year", "2023" },
    { "export", "referrals", "--output", "x.xlsx", "--fiscal-year", "平成" },
    { "export", "referrals", "--output", "x.xlsx", NULL },
    { "export", "attendance", "--output", "x.xlsx", "--fiscal-year", "1999x" },
    { "export", "attendance", "--output", "x.xlsx", NULL },
    { "print", "attendance", "--output", "x.pdf", "--fiscal-year", "平成" },
    { "print", "attendance", "--output=x.pdf", "--fiscal-year=R5", "--event", "k" },
    { "export", "attendees", "--output", "x.xlsx", NULL },
    { "print", "attendees", "--event", "k", "--output", "x.xlsx" },
    { "print", "sign-in", "--output=x.pdf", "--event", "k", "--blank-rows=abc" },
    { "print", "sign-in", "--output=x.pdf", "--event", "k", "--blank-rows=-2" },
    { "print", "sign-in", "--output=x.pdf", "--event", "k", "--blank-rows=2.5" },
    { "export", "sign-in", "--output", "x.xlsx", NULL },
    { "print", "members", "--output", "x.xlsx", NULL },
    { "print", "referral-network", "--output", "x.pdf", NULL },
    { "print", "referral-network", "--output", "x.jpg", "--fiscal-year", "2023" },
    { "print", "referral-network", "--include-cases", "--output=x.png", "--fiscal-year=2023", NULL },
    { "print", "referrals", "--output", "x.pdf", "--fiscal-year", "来年" },
    { "report", "referrals", NULL },
    { "report", "referrals", "--fiscal-year", "1999x" },
    { "report", "referrals", "--fiscal-year", "2023", "--format", "xml" },
    { "backup", NULL },
    { "restore", NULL },
    { "restore", "a.db", "b.db", NULL },
    { "demo", "extra", NULL },
  };

  if (skip_without_program ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Run run = run_tsunagu ("--database", db, cases[i][0], cases[i][1], cases[i][2],
                             cases[i][3], cases[i][4], cases[i][5], NULL);
      g_autofree char *joined = g_strjoinv (" ", (char **) cases[i]);

      g_test_message ("tsunagu %s → %d: %s", joined, run.status, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "tsunagu: "));
      g_assert_cmpstr (run.out, ==, "");
      run_clear (&run);
    }

  /* Usage errors and commands of later versions touch no database. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (void)
{
  g_autofree char *path = temp_path ("notes.txt");
  g_autofree char *csv = data_file ("organizations-en.csv");
  g_autofree char *out = temp_path ("x.csv");
  static const char text[] = "These are my notes, not a database.\n";
  const char *commands[][5] = {
    { "demo", NULL },
    { "import", "organizations", csv, NULL },
    { "export", "organizations", "--output", out, NULL },
    { "backup", "--output", out, NULL },
  };

  if (skip_without_program ())
    return;
  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      Run run = run_tsunagu ("--database", path, commands[i][0], commands[i][1],
                             commands[i][2], commands[i][3], commands[i][4], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_cmpint (run.status, ==, 3);
      g_assert_true (g_str_has_prefix (run.err, "tsunagu: "));
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, text, sizeof text - 1);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      run_clear (&run);
    }
}

static void
test_demo (void)
{
  g_autofree char *db = temp_path ("demo.db");
  Run run;

  if (skip_without_program ())
    return;

  run = run_tsunagu ("--database", db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_cmpuint (count_organizations (db), ==, 18);

  /* Not into a database that holds records. */
  run = run_tsunagu ("--database", db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "tsunagu: "));
  run_clear (&run);
  g_assert_cmpuint (count_organizations (db), ==, 18);
}

static void
test_import (void)
{
  g_autofree char *db = temp_path ("import.db");
  g_autofree char *good = data_file ("organizations-en.csv");
  g_autofree char *bad = data_file ("organizations-bad.csv");
  g_autofree char *people = data_file ("people.csv");
  g_auto(GStrv) lines = NULL;
  Run run;

  if (skip_without_program ())
    return;

  run = run_tsunagu ("--database", db, "import", "organizations", good, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "3 organisations added, 0 updated.\n");
  run_clear (&run);

  run = run_tsunagu ("--database", db, "import", "people", people, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "3 people added, 0 updated.\n");
  run_clear (&run);

  /* Every bad row on stderr, then nothing imported. */
  run = run_tsunagu ("--database", db, "import", "organizations", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  lines = g_strsplit (run.err, "\n", -1);
  {
    /* Lines 2 and 4 name organisations that are in the database now. */
    const char *expected[] = { "2: column name: ", "3: column name: ", "4: column name: ",
                               "4: column reading: ", "5: column joined_on: ", "6: column email: ",
                               "7: column kind: ", "8: column name: ", NULL };

    for (guint i = 0; expected[i] != NULL; i++)
      {
        g_autofree char *prefix = g_strdup_printf ("%s:%s", bad, expected[i]);
        g_assert_true (g_str_has_prefix (lines[i], prefix));
      }
    g_assert_true (g_str_has_prefix (lines[8], "tsunagu: "));
    g_assert_cmpstr (lines[9], ==, "");
    g_assert_null (lines[10]);
  }
  run_clear (&run);
  g_assert_cmpuint (count_organizations (db), ==, 3);

  /* Existing organisations need --update. */
  run = run_tsunagu ("--database", db, "import", "organizations", good, NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_clear (&run);
  run = run_tsunagu ("--database", db, "import", "organizations", good, "--update", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "0 organisations added, 3 updated.\n");
  run_clear (&run);
  g_assert_cmpuint (count_organizations (db), ==, 3);

  /* A file that is not there is bad input. */
  run = run_tsunagu ("--database", db, "import", "organizations", "/nonexistent/x.csv", NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_clear (&run);
}

static void
test_export_round_trip (void)
{
  g_autofree char *db = temp_path ("source.db");
  g_autofree char *copy = temp_path ("copy.db");
  g_autofree char *csv = temp_path ("organizations.csv");
  g_autofree char *contents = NULL;
  g_autoptr(TsuDatabase) a = NULL;
  g_autoptr(TsuDatabase) b = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  Run run;

  if (skip_without_program ())
    return;

  run = run_tsunagu ("--database", db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_tsunagu ("--database", db, "export", "organizations", "--output", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "legal_form,name,reading,"));
  g_assert_nonnull (strstr (contents, "\r\n"));

  run = run_tsunagu ("--database", copy, "import", "organizations", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "18 organisations added, 0 updated.\n");
  run_clear (&run);

  a = tsu_database_open (db, NULL);
  b = tsu_database_open (copy, NULL);
  before = tsu_organization_load_all (a, NULL);
  after = tsu_organization_load_all (b, NULL);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      TsuOrganization *x = g_ptr_array_index (before, i);
      TsuOrganization *y = g_ptr_array_index (after, i);
      g_autofree char *dx = tsu_organization_dup_display_name (x);
      g_autofree char *dy = tsu_organization_dup_display_name (y);
      g_autofree char *fx = tsu_organization_dup_fields_text (x);
      g_autofree char *fy = tsu_organization_dup_fields_text (y);

      g_assert_cmpstr (dx, ==, dy);
      g_assert_cmpstr (tsu_organization_get_reading (x), ==, tsu_organization_get_reading (y));
      g_assert_cmpint (tsu_organization_get_kind (x), ==, tsu_organization_get_kind (y));
      g_assert_cmpstr (fx, ==, fy);
      g_assert_cmpstr (tsu_organization_get_ward (x), ==, tsu_organization_get_ward (y));
      g_assert_cmpstr (tsu_organization_get_hours (x), ==, tsu_organization_get_hours (y));
      g_assert_cmpstr (tsu_organization_get_joined_on (x), ==, tsu_organization_get_joined_on (y));
      g_assert_cmpstr (tsu_organization_get_left_on (x), ==, tsu_organization_get_left_on (y));
      g_assert_cmpstr (tsu_organization_get_notes (x), ==, tsu_organization_get_notes (y));
    }
}

static void
test_backup (void)
{
  g_autofree char *db = temp_path ("live.db");
  g_autofree char *copy = temp_path ("backup.db");
  g_autofree char *csv = temp_path ("new.csv");
  g_autofree char *notes = temp_path ("notes.txt");
  g_autofree char *backups = g_build_filename (tmp_dir, "backups", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean before_restore = FALSE;
  Run run;

  if (skip_without_program ())
    return;

  run = run_tsunagu ("--database", db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_tsunagu ("--database", db, "backup", "--output", copy, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_cmpuint (count_organizations (copy), ==, 18);

  /* Changes after the backup are undone by restoring it. */
  g_assert_true (g_file_set_contents (csv, "name,reading\n新しい団体,あたらしいだんたい\n", -1, NULL));
  run = run_tsunagu ("--database", db, "import", "organizations", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_cmpuint (count_organizations (db), >, 18);
  run = run_tsunagu ("--database", db, "restore", copy, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "18 organisations"));
  run_clear (&run);
  g_assert_cmpuint (count_organizations (db), ==, 18);

  /* ...after the state before was kept. */
  dir = g_dir_open (backups, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    before_restore |= g_str_has_suffix (name, "-before-restore.db");
  g_assert_true (before_restore);

  /* Not a backup: bad input, the database untouched. */
  g_assert_true (g_file_set_contents (notes, "not a database\n", -1, NULL));
  run = run_tsunagu ("--database", db, "restore", notes, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not a Tsunagu database"));
  run_clear (&run);
  g_assert_cmpuint (count_organizations (db), ==, 18);

  run = run_tsunagu ("--database", db, "restore", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
}

/* The audit trail leaves as a workbook, and as nothing else. */
static void
test_export_audit (void)
{
  g_autofree char *db = temp_path ("audit.db");
  g_autofree char *xlsx = temp_path ("audit.xlsx");
  g_autofree char *csv = temp_path ("audit.csv");
  g_autofree char *contents = NULL;
  gsize length = 0;
  Run run;

  if (skip_without_program ())
    return;

  run = run_tsunagu ("--database", db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_tsunagu ("--database", db, "export", "audit", "--output", xlsx, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 2, "PK", 2);

  run = run_tsunagu ("--database", db, "export", "audit", "--output", csv, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run = run_tsunagu ("--database", db, "export", "audit", "--output", xlsx, "--fiscal-year", "2023", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
}

static void
test_members_report (void)
{
  g_autofree char *db = temp_path ("report.db");
  g_autofree char *xlsx = temp_path ("members.xlsx");
  g_autofree char *pdf = temp_path ("members.pdf");
  g_autofree char *contents = NULL;
  gsize length = 0;
  Run run;

  if (skip_without_program ())
    return;

  run = run_tsunagu ("--database", db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run = run_tsunagu ("--database", db, "export", "members", "--output", xlsx, "--kind", "all", "--include-former", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 2, "PK", 2);
  g_clear_pointer (&contents, g_free);

  run = run_tsunagu ("--database", db, "print", "members", "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static gboolean
file_starts_with (const char *path,
                  const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL)
         && length > strlen (magic) && memcmp (contents, magic, strlen (magic)) == 0;
}

/* The event planner's sub-commands on the demo database: events named by
 * key, an unknown key is bad input (1) that writes nothing. */
static void
test_events (void)
{
  g_autofree char *db = temp_path ("events.db");
  g_autofree char *xlsx = temp_path ("attendees.xlsx");
  g_autofree char *attendees_pdf = temp_path ("attendees.pdf");
  g_autofree char *sign_in_pdf = temp_path ("sign-in.pdf");
  g_autofree char *year_xlsx = temp_path ("attendance.xlsx");
  g_autofree char *year_pdf = temp_path ("attendance.pdf");
  g_autofree char *missing = temp_path ("missing.pdf");
  g_autofree char *missing_xlsx = temp_path ("missing.xlsx");
  g_autofree char *events_csv = data_file ("events-en.csv");
  g_autofree char *sessions_csv = temp_path ("sessions.csv");
  Run run;

  if (skip_without_program ())
    return;

  run = run_tsunagu ("--database", db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run = run_tsunagu ("--database", db, "export", "attendees", "--event", "2023-council-5", "--output", xlsx, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (file_starts_with (xlsx, "PK"));

  run = run_tsunagu ("--database", db, "print", "attendees", "--event", "2023-council-5", "--output", attendees_pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (file_starts_with (attendees_pdf, "%PDF-"));

  /* --blank-rows 0 is allowed, and full-width digits are too. */
  run = run_tsunagu ("--database", db, "print", "sign-in", "--event", "2023-bus-tour", "--blank-rows", "0", "--output", sign_in_pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (file_starts_with (sign_in_pdf, "%PDF-"));
  run = run_tsunagu ("--database", db, "print", "sign-in", "--event", "2023-bus-tour", "--blank-rows", "１２", "--output", sign_in_pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run = run_tsunagu ("--database", db, "export", "attendance", "--fiscal-year", "R5", "--output", year_xlsx, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (file_starts_with (year_xlsx, "PK"));
  run = run_tsunagu ("--database", db, "print", "attendance", "--fiscal-year", "令和5", "--output", year_pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (file_starts_with (year_pdf, "%PDF-"));

  /* An unknown key is bad input, named in the message. */
  run = run_tsunagu ("--database", db, "print", "sign-in", "--event", "2023-council-9", "--output", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“2023-council-9”"));
  run_clear (&run);
  run = run_tsunagu ("--database", db, "export", "attendees", "--event", "nope", "--output", missing_xlsx, NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_clear (&run);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing_xlsx, G_FILE_TEST_EXISTS));

  /* Import: the demo's events are there already, so without --update
   * the file is refused row by row; with it, they are updated. */
  run = run_tsunagu ("--database", db, "import", "events", events_csv, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ":2: column key: "));
  g_assert_nonnull (strstr (run.err, ":3: column key: "));
  run_clear (&run);
  run = run_tsunagu ("--database", db, "import", "events", events_csv, "--update", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "0 events added, 3 updated."));
  run_clear (&run);

  g_assert_true (g_file_set_contents (sessions_csv,
                                      "event,position,title,head_count\n"
                                      "2023-case-study,1,事例検討,-1\n"
                                      "2023-nope,1,事例検討,\n", -1, NULL));
  run = run_tsunagu ("--database", db, "import", "sessions", sessions_csv, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ":2: column head_count: "));
  g_assert_nonnull (strstr (run.err, ":3: column event: "));
  run_clear (&run);
  g_assert_true (g_file_set_contents (sessions_csv,
                                      "キー,順,名称,参加者数\n"
                                      "2023-case-study,1,事例検討,１２\n", -1, NULL));
  run = run_tsunagu ("--database", db, "import", "sessions", sessions_csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 session added, 0 updated."));
  run_clear (&run);

  /* The help names the new commands. */
  run = run_tsunagu ("print", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--blank-rows N"));
  g_assert_nonnull (strstr (run.out, "attendance"));
  run_clear (&run);
  run = run_tsunagu ("import", "--help", NULL);
  g_assert_nonnull (strstr (run.out, "attendees"));
  run_clear (&run);
}

static char *
write_temp (const char *name,
            const char *text)
{
  char *path = temp_path (name);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* import budget|payments, export budget and print budget. */
static void
test_budget (void)
{
  g_autofree char *db = temp_path ("budget.db");
  g_autofree char *budget = write_temp ("budget.csv",
    "年度,事業名称,発注先,予算配分,基本方針\n"
    "令和5年度,支援現場見学バスツアー,北九州市社会福祉協議会,\"1,158,120\",④\n"
    "令和5年度,支援者向け能力向上研修会,北九州市社会福祉協議会,844340円,①②③\n");
  g_autofree char *bad = write_temp ("budget-bad.csv",
    "fiscal_year,name,contractor,amount\n"
    "2023,新しい事業,A社,1.5\n"
    "2023,別の事業,A社,-3\n");
  g_autofree char *payments = write_temp ("payments.csv",
    "fiscal_year,budget_line,paid_on,amount,memo\n"
    "2023,支援現場見学バスツアー,2024-01-31,1158120,完了払い\n"
    "2023,支援者向け能力向上研修会,R6.2.29,900000,\n");
  g_autofree char *unknown = write_temp ("payments-unknown.csv",
    "fiscal_year,budget_line,paid_on,amount\n"
    "2023,ない事業,2024-01-31,1\n");
  g_autofree char *xlsx = temp_path ("budget.xlsx");
  g_autofree char *pdf = temp_path ("budget.pdf");
  g_autofree char *prefix = NULL;
  Run run;

  if (skip_without_program ())
    return;

  run = run_tsunagu ("--database", db, "import", "budget", budget, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2 budget lines added, 0 updated"));
  run_clear (&run);

  /* The same lines again: bad rows unless --update. */
  run = run_tsunagu ("--database", db, "import", "budget", budget, NULL);
  g_assert_cmpint (run.status, ==, 1);
  prefix = g_strdup_printf ("%s:2: column 事業名称: ", budget);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  run_clear (&run);
  run = run_tsunagu ("--database", db, "import", "budget", budget, "--update", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "0 budget lines added, 2 updated"));
  run_clear (&run);

  /* Every bad amount is reported, by column. */
  run = run_tsunagu ("--database", db, "import", "budget", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_clear_pointer (&prefix, g_free);
  prefix = g_strdup_printf ("%s:2: column amount: ", bad);
  g_assert_nonnull (strstr (run.err, prefix));
  g_clear_pointer (&prefix, g_free);
  prefix = g_strdup_printf ("%s:3: column amount: ", bad);
  g_assert_nonnull (strstr (run.err, prefix));
  run_clear (&run);

  run = run_tsunagu ("--database", db, "import", "payments", unknown, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_clear_pointer (&prefix, g_free);
  prefix = g_strdup_printf ("%s:2: column budget_line: ", unknown);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  run_clear (&run);

  /* Past the training's budget: imported, with a warning naming it. */
  run = run_tsunagu ("--database", db, "import", "payments", payments, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2 payments added, 0 updated"));
  g_clear_pointer (&prefix, g_free);
  prefix = g_strdup_printf ("%s:3: ", payments);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_nonnull (strstr (run.err, "支援者向け能力向上研修会"));
  g_assert_null (strstr (run.err, "支援現場見学バスツアー"));
  run_clear (&run);

  /* The sheet and the printout of the year, by any name of the year. */
  run = run_tsunagu ("--database", db, "export", "budget", "--fiscal-year", "令和5年度", "--output", xlsx, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  run = run_tsunagu ("--database", db, "print", "budget", "--output", pdf, "--fiscal-year=R5", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* A year that cannot be read is a usage error, and writes nothing. */
  g_unlink (pdf);
  run = run_tsunagu ("--database", db, "print", "budget", "--output", pdf, "--fiscal-year", "来年", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* Help names the new commands. */
  run = run_tsunagu ("export", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "budget"));
  run_clear (&run);
  run = run_tsunagu ("import", "--help", NULL);
  g_assert_nonnull (strstr (run.out, "payments"));
  run_clear (&run);
}

/* Python's json module reads the report and checks it against figures
 * computed by hand for the fixture (Debian's python3). */
static void
check_json (const char *json,
            const char *checks)
{
  g_autofree char *script = temp_path ("check.py");
  g_autofree char *input = temp_path ("report.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", script, input, NULL };
  int wait_status = 0;

  g_assert_true (g_file_set_contents (input, json, -1, NULL));
  g_assert_true (g_file_set_contents (script, checks, -1, NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("JSON check failed: %s", err);
}

static void
test_referrals (void)
{
  g_autofree char *db = temp_path ("referrals.db");
  g_autofree char *orgs = write_temp ("ref-orgs.csv",
    "legal_form,name,reading,fields\n"
    "NPO法人,抱樸,ほうぼく,生活困窮;住まい\n"
    ",北九州市社会福祉協議会,きたきゅうしゅうししゃかいふくしきょうぎかい,地域福祉\n");
  /* Hand-computed for FY2023: cases 0001, 0002 and 0003 (0004 is FY2024);
   * referrals on 04-03 (connected after 10 days), 04-05 (not connected),
   * 2024-03-31 (connected after 10 days, the last day of the year),
   * 2023-06-01 (sent, 小倉北区); 2024-04-01 is the next year. */
  g_autofree char *referrals = write_temp ("referrals.csv",
    "case,received_on,entrance,ward,age_band,foreign_resident,language,concerns,consent,legal_basis,from,to,referred_on,status,reason,closed_on,notes\n"
    "2023-0001,2023-04-01,門司区役所,門司区,40s,no,,poverty;housing,yes,,門司区役所,抱樸,2023-04-03,connected,,2023-04-13,秘密のメモ\n"
    "2023-0001,2023-04-01,門司区役所,門司区,40s,no,,poverty;housing,yes,,門司区役所,北九州市社会福祉協議会,2023-04-05,not-connected,unreachable,2023-05-05,秘密のメモ\n"
    "2023-0002,2024-03-31,抱樸,八幡東区,70s,yes,英語,elderly;poverty,pending,support-meeting,抱樸,門司区役所,2024-03-31,connected,,2024-04-10,\n"
    "2023-0003,2023-06-01,小倉北区役所,小倉北区,20s,no,,employment,yes,,小倉北区役所,抱樸,2023-06-01,sent,,,\n"
    "2024-0001,2024-04-01,抱樸,若松区,20s,no,,employment,yes,consent,抱樸,北九州市社会福祉協議会,2024-04-01,sent,,,\n");
  g_autofree char *xlsx = temp_path ("referrals.xlsx");
  g_autofree char *pdf = temp_path ("referrals.pdf");
  g_autofree char *net_pdf = temp_path ("network.pdf");
  g_autofree char *net_png = temp_path ("network.png");
  g_autofree char *net_svg = temp_path ("network.svg");
  g_autofree char *net_bad = temp_path ("network.gif");
  g_autofree char *contents = NULL;
  gsize length = 0;
  Run run;

  if (skip_without_program ())
    return;

  run = run_tsunagu ("--database", db, "import", "organizations", orgs, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = run_tsunagu ("--database", db, "import", "referrals", referrals, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "5 referrals added, 0 updated"));
  run_clear (&run);

  /* Again: the cases are recorded, and the notes are never quoted. */
  run = run_tsunagu ("--database", db, "import", "referrals", referrals, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ":2: column case: "));
  g_assert_null (strstr (run.err, "秘密"));
  run_clear (&run);

  run = run_tsunagu ("--database", db, "report", "referrals", "--fiscal-year", "R5", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "秘密"));
  check_json (run.out,
    "import json, sys\n"
    "r = json.load (open (sys.argv[1], encoding='utf-8'))\n"
    "keys = ['fiscal_year', 'cases', 'referrals', 'by_status', 'by_ward', 'by_concern', 'by_month',\n"
    "        'connection_rate', 'foreign_residents', 'median_days_to_connect']\n"
    "assert list (r) == keys, list (r)\n"
    "assert r['fiscal_year'] == 2023 and r['cases'] == 3 and r['referrals'] == 4, r\n"
    "assert r['by_status'] == {'sent': 1, 'accepted': 0, 'declined': 0, 'connected': 2, 'not-connected': 1, 'withdrawn': 0}, r['by_status']\n"
    "w = r['by_ward']\n"
    "assert list (w) == ['門司区', '小倉北区', '小倉南区', '若松区', '八幡東区', '八幡西区', '戸畑区'], list (w)\n"
    "assert w['門司区'] == {'referrals': 2, 'connected': 1, 'not-connected': 1}, w\n"
    "assert w['八幡東区'] == {'referrals': 1, 'connected': 1, 'not-connected': 0}, w\n"
    "assert w['小倉北区'] == {'referrals': 1, 'connected': 0, 'not-connected': 0}, w\n"
    "assert w['若松区']['referrals'] == 0, w\n"
    "c = r['by_concern']\n"
    "assert len (c) == 14 and c['poverty'] == 2 and c['housing'] == 1 and c['elderly'] == 1 and c['employment'] == 1, c\n"
    "assert sum (c.values ()) == 5, c\n"
    "m = r['by_month']\n"
    "assert len (m) == 12 and m['2023-04'] == 2 and m['2023-06'] == 1 and m['2024-03'] == 1 and sum (m.values ()) == 4, m\n"
    "assert abs (r['connection_rate'] - 2 / 3) < 1e-9, r['connection_rate']\n"
    "assert r['foreign_residents'] == 1, r\n"
    "assert r['median_days_to_connect'] == 10, r['median_days_to_connect']\n");
  run_clear (&run);

  /* The next year holds the one referral of 1 April, and no rate. */
  run = run_tsunagu ("--database", db, "report", "referrals", "--fiscal-year", "2024", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  check_json (run.out,
    "import json, sys\n"
    "r = json.load (open (sys.argv[1], encoding='utf-8'))\n"
    "assert r['cases'] == 1 and r['referrals'] == 1 and r['by_month']['2024-04'] == 1, r\n"
    "assert r['connection_rate'] is None and r['median_days_to_connect'] is None, r\n");
  run_clear (&run);

  run = run_tsunagu ("--database", db, "report", "referrals", "--fiscal-year", "令和5", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "by_status,connected,2"));
  g_assert_nonnull (strstr (run.out, "by_status,not-connected,1"));
  g_assert_null (strstr (run.out, "{"));
  run_clear (&run);

  /* The network in all three formats, by suffix. */
  run = run_tsunagu ("--database", db, "print", "referral-network", "--fiscal-year", "2023", "--output", net_pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (net_pdf, &contents, &length, NULL));
  g_assert_true (length > 4 && memcmp (contents, "%PDF", 4) == 0);
  g_clear_pointer (&contents, g_free);
  run = run_tsunagu ("--database", db, "print", "referral-network", "--fiscal-year", "2023", "--output", net_png, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (net_png, &contents, &length, NULL));
  g_assert_true (length > 8 && memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_clear_pointer (&contents, g_free);
  run = run_tsunagu ("--database", db, "print", "referral-network", "--fiscal-year", "2023", "--output", net_svg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (net_svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);
  run = run_tsunagu ("--database", db, "print", "referral-network", "--fiscal-year", "2023", "--output", net_bad, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  g_assert_false (g_file_test (net_bad, G_FILE_TEST_EXISTS));

  /* The workbook with the case rows, and never a note. */
  run = run_tsunagu ("--database", db, "export", "referrals", "--fiscal-year", "2023", "--include-cases", "--output", xlsx, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  {
    g_autofree char *script = g_strdup_printf (
      "import openpyxl, sys\n"
      "wb = openpyxl.load_workbook (sys.argv[1])\n"
      "cells = [str (c.value) for ws in wb.worksheets for row in ws.iter_rows () for c in row if c.value is not None]\n"
      "assert any ('2023-0001' in v for v in cells), 'no case rows'\n"
      "assert not any ('秘密' in v for v in cells), 'a note was exported'\n");
    g_autofree char *script_path = temp_path ("check-xlsx.py");
    const char *argv[] = { "/usr/bin/python3", script_path, xlsx, NULL };
    g_autofree char *err = NULL;
    g_autoptr(GError) error = NULL;
    int wait_status = 0;

    g_assert_true (g_file_set_contents (script_path, script, -1, NULL));
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &wait_status, &error);
    g_assert_no_error (error);
    if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
      g_error ("workbook check failed: %s", err);
  }

  run = run_tsunagu ("--database", db, "print", "referrals", "--fiscal-year", "2023", "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (length > 4 && memcmp (contents, "%PDF", 4) == 0);

  /* Help names the new commands. */
  run = run_tsunagu ("print", "--help", NULL);
  g_assert_nonnull (strstr (run.out, "referral-network"));
  run_clear (&run);
  run = run_tsunagu ("import", "--help", NULL);
  g_assert_nonnull (strstr (run.out, "referrals"));
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("tsu-cli-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/window", test_window);
  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/not-a-database", test_not_a_database);
  g_test_add_func ("/cli/demo", test_demo);
  g_test_add_func ("/cli/import", test_import);
  g_test_add_func ("/cli/export-round-trip", test_export_round_trip);
  g_test_add_func ("/cli/backup", test_backup);
  g_test_add_func ("/cli/export-audit", test_export_audit);
  g_test_add_func ("/cli/members-report", test_members_report);
  g_test_add_func ("/cli/events", test_events);
  g_test_add_func ("/cli/budget", test_budget);
  g_test_add_func ("/cli/referrals", test_referrals);

  status = g_test_run ();
  /* Keep the files of a failed run for a look; the folder is flat. */
  if (status == 0)
    {
      g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (tmp_dir);
    }
  g_free (tmp_dir);
  return status;
}
