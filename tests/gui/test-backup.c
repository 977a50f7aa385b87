/* test-backup.c: backups, restore, damaged files and network drives,
 * driven through the real window and dialogs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gui-test-util.h"
#include "tsu-application.h"
#include "tsu-backup.h"
#include "tsu-demo.h"
#include "tsu-editor-support.h"
#include "tsu-organization.h"
#include "tsu-preferences-window.h"
#include "tsu-restore-dialog.h"
#include "tsu-window.h"

/* ---- helpers ---------------------------------------------------------- */

typedef struct
{
  char *folder;
  char *path;
  guint organizations;  /* in the demo data */
} Fixture;

/* Counted on a read-write connection of its own: SQLite removes the
 * -wal and -shm files when it closes, so the folder is left as it was. */
static guint
count_organizations (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM organizations", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return count;
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = tsu_settings_new ();

  g_assert_nonnull (settings);
  g_settings_reset (settings, "backup-folder");
  g_settings_reset (settings, "backup-keep-daily");
  g_settings_reset (settings, "backup-keep-monthly");
  g_settings_reset (settings, "last-database");
  g_settings_reset (settings, "date-style");
  g_settings_reset (settings, "member-target");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuDatabase) database = NULL;

  reset_settings ();
  g_unsetenv ("TSUNAGU_TEST_NETWORK_SHARE");
  fixture->folder = g_dir_make_tmp ("tsunagu-backup-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "council.db", NULL);
  /* A new file: no backup is taken of it yet. */
  database = tsu_database_open (fixture->path, &error);
  g_assert_no_error (error);
  tsu_demo_fill (database, &error);
  g_assert_no_error (error);
  g_clear_object (&database);
  fixture->organizations = count_organizations (fixture->path);
  g_assert_cmpuint (fixture->organizations, >, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
  g_unsetenv ("TSUNAGU_TEST_NETWORK_SHARE");
  reset_settings ();
}

/* Starts the application as main() does, without running a main loop. */
static TsuApplication *
start_application (const char *path)
{
  TsuApplication *app = tsu_application_new (path);
  g_autoptr(GError) error = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  spin ();
  return app;
}

static TsuWindow *
get_window (TsuApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  g_assert_true (TSU_IS_WINDOW (windows->data));
  return windows->data;
}

static void
destroy_toplevels (GType type)
{
  GtkWindow *window;

  while ((window = find_toplevel (type)) != NULL)
    gtk_window_destroy (window);
}

static void
close_window (TsuWindow *window)
{
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  destroy_toplevels (TSU_TYPE_RESTORE_DIALOG);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

/* A visible label whose text contains @text, under @root. */
static GtkLabel *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root)
      && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_file_contents (const char *path,
                      const char *expected,
                      gsize       expected_length)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, expected, expected_length);
}

/* No write reached @path through SQLite: no rollback journal, and no
 * frame in a write-ahead log. (A read-only connection to a file in WAL
 * mode may leave an empty -wal and a -shm beside it.) */
static void
assert_nothing_written_beside (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  if (g_stat (wal, &st) == 0)
    g_assert_cmpint (st.st_size, ==, 0);
}

static void
add_member (TsuDatabase *database,
            const char  *name,
            const char  *reading)
{
  g_autoptr(TsuOrganization) organization = tsu_organization_new ();
  g_autoptr(GError) error = NULL;

  tsu_organization_set_name (organization, name);
  tsu_organization_set_reading (organization, reading);
  tsu_organization_set_kind (organization, TSU_ORGANIZATION_KIND_MEMBER);
  tsu_organization_save (organization, database, &error);
  g_assert_no_error (error);
}

static gboolean
has_organization_named (TsuDatabase *database,
                        const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organizations = tsu_organization_load_all (database, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < organizations->len; i++)
    if (g_strcmp0 (tsu_organization_get_name (g_ptr_array_index (organizations, i)), name) == 0)
      return TRUE;
  return FALSE;
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* ---- preferences ------------------------------------------------------ */

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = tsu_settings_new ();
  g_autofree char *custom = g_build_filename (fixture->folder, "elsewhere", NULL);
  g_autofree char *default_folder = tsu_backup_default_folder (fixture->path);
  g_autofree char *folder = NULL;
  g_autoptr(TsuApplication) app = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *preferences;
  GtkSpinButton *daily, *monthly;
  AdwActionRow *folder_row;
  GtkWidget *reset_button;
  TsuOpenOptions options;
  TsuWindow *window;

  /* The defaults: the store's own. */
  {
    g_autofree char *backup_folder = g_settings_get_string (settings, "backup-folder");

    g_assert_cmpstr (backup_folder, ==, "");
  }
  g_assert_cmpuint (g_settings_get_uint (settings, "backup-keep-daily"), ==, TSU_BACKUP_KEEP_DAILY_DEFAULT);
  g_assert_cmpuint (g_settings_get_uint (settings, "backup-keep-monthly"), ==, TSU_BACKUP_KEEP_MONTHLY_DEFAULT);
  tsu_settings_get_open_options (settings, &options, &folder);
  g_assert_null (options.backup_folder);
  g_assert_cmpuint (options.keep_daily, ==, 14);
  g_assert_cmpuint (options.keep_monthly, ==, 12);
  g_assert_false (options.no_automatic_backup);
  g_clear_pointer (&folder, g_free);

  preferences = tsu_preferences_window_new ();
  g_object_ref_sink (preferences);
  tsu_preferences_window_set_database_path (TSU_PREFERENCES_WINDOW (preferences), fixture->path);
  gtk_window_present (GTK_WINDOW (preferences));
  spin ();

  /* The spin rows write the settings, and follow them. */
  daily = GTK_SPIN_BUTTON (find_widget (preferences, GTK_TYPE_SPIN_BUTTON, "keep-daily"));
  monthly = GTK_SPIN_BUTTON (find_widget (preferences, GTK_TYPE_SPIN_BUTTON, "keep-monthly"));
  g_assert_nonnull (daily);
  g_assert_nonnull (monthly);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (daily), ==, 14);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (monthly), ==, 12);
  gtk_spin_button_set_value (daily, 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "backup-keep-daily"), ==, 30);
  g_settings_set_uint (settings, "backup-keep-monthly", 24);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (monthly), ==, 24);

  /* The folder row shows the default beside the database… */
  folder_row = ADW_ACTION_ROW (find_widget (preferences, ADW_TYPE_ACTION_ROW, "backup-folder"));
  reset_button = find_widget (preferences, GTK_TYPE_BUTTON, "reset-backup-folder");
  g_assert_nonnull (folder_row);
  g_assert_nonnull (reset_button);
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (folder_row), "/backups (default)"));
  g_assert_false (gtk_widget_get_sensitive (reset_button));
  /* …and one chosen, until reset. */
  g_settings_set_string (settings, "backup-folder", custom);
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (folder_row), "/elsewhere"));
  g_assert_true (gtk_widget_get_sensitive (reset_button));
  g_signal_emit_by_name (reset_button, "clicked");
  {
    g_autofree char *backup_folder = g_settings_get_string (settings, "backup-folder");

    g_assert_cmpstr (backup_folder, ==, "");
  }
  g_assert_false (gtk_widget_get_sensitive (reset_button));

  gtk_window_destroy (GTK_WINDOW (preferences));
  spin ();
  g_assert_finalize_object (preferences);

  /* The application opens the database with them: the day's backup goes
   * into the folder chosen. */
  g_settings_set_string (settings, "backup-folder", custom);
  tsu_settings_get_open_options (settings, &options, &folder);
  g_assert_cmpstr (options.backup_folder, ==, custom);
  g_assert_cmpuint (options.keep_daily, ==, 30);
  g_assert_cmpuint (options.keep_monthly, ==, 24);
  app = start_application (fixture->path);
  window = get_window (app);
  g_assert_nonnull (tsu_window_get_database (window));
  g_assert_cmpstr (tsu_database_get_backup_folder (tsu_window_get_database (window)), ==, custom);
  backups = tsu_backup_list (fixture->path, custom, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_false (g_file_test (default_folder, G_FILE_TEST_EXISTS));

  /* A change applies at once to the next backup. */
  {
    g_autofree char *now = tsu_window_dup_backup_folder (window);

    g_assert_cmpstr (now, ==, custom);
    g_settings_reset (settings, "backup-folder");
    g_free (now);
    now = tsu_window_dup_backup_folder (window);
    g_assert_cmpstr (now, ==, default_folder);
  }

  close_window (window);
}

/* ---- Back Up Now ------------------------------------------------------ */

static void
test_back_up_now (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *destination = g_build_filename (fixture->folder, "copy for the auditor.db", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->folder, "no such folder", "copy.db", NULL);
  g_autoptr(TsuApplication) app = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  TsuWindow *window;

  app = start_application (fixture->path);
  window = get_window (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "backup"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "restore"));

  /* While it runs, a toast says so and a second one cannot start. */
  tsu_window_back_up (window, destination, NULL, async_done_cb, &result);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "Backing up"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "backup"));
  g_assert_true (tsu_window_back_up_finish (window, wait_for (&result), &error));
  g_assert_no_error (error);
  spin ();
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "backup"));

  /* The backup is a whole database with everything in it, readable by
   * its owner only. */
  g_assert_cmpuint (count_organizations (destination), ==, fixture->organizations);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (destination, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "copy for the auditor.db"));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* A folder that cannot be written: a dialog says so, nothing is left. */
  g_clear_object (&result);
  tsu_window_back_up (window, nowhere, NULL, async_done_cb, &result);
  g_assert_false (tsu_window_back_up_finish (window, wait_for (&result), &error));
  g_assert_nonnull (error);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Backup Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no such folder"));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  g_clear_object (&result);
  g_clear_error (&error);
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);

  /* Closing the window does not stop a backup, nor does its end trip on
   * the closed window. */
  {
    g_autofree char *late = g_build_filename (fixture->folder, "late.db", NULL);

    tsu_window_back_up (window, late, NULL, async_done_cb, &result);
    g_object_ref (window);
    gtk_window_destroy (GTK_WINDOW (window));
    g_assert_true (tsu_window_back_up_finish (window, wait_for (&result), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_organizations (late), ==, fixture->organizations);
    g_clear_object (&result);  /* it holds the window */
    spin ();
    g_assert_finalize_object (window);
  }
}

/* ---- restore ---------------------------------------------------------- */

static void
wait_for_details (TsuRestoreDialog *dialog,
                  const char       *text)
{
  GtkWidget *details = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "details");

  g_assert_nonnull (details);
  while (strstr (gtk_label_get_label (GTK_LABEL (details)), text) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  static const char notes[] = "These are minutes, not a database.\n";
  g_autofree char *notes_path = g_build_filename (fixture->folder, "minutes.db", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(TsuApplication) app = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  TsuRestoreDialog *dialog;
  AdwMessageDialog *confirm;
  GtkListBox *list;
  GtkListBoxRow *row;
  GtkWidget *restore_button;
  g_autoptr(TsuDatabase) before = NULL;
  TsuWindow *window;
  const char *backup_path;
  guint members;

  g_file_set_contents (notes_path, notes, -1, &error);
  g_assert_no_error (error);

  /* Opening takes the day's backup: the state before the edit. */
  app = start_application (fixture->path);
  window = get_window (app);
  gtk_window_present (GTK_WINDOW (window));
  /* Held, so that its address is not reused by the new connection. */
  before = g_object_ref (tsu_window_get_database (window));
  members = tsu_organization_count_current_members (before, &error);
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u / 30 organizations", members + 1);
  add_member (before, "つなぐテスト会", "つなぐてすとかい");
  g_assert_true (has_organization_named (before, "つなぐテスト会"));
  /* The overview shows it. */
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), expected));
  g_clear_pointer (&expected, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL));
  spin ();
  dialog = TSU_RESTORE_DIALOG (find_toplevel (TSU_TYPE_RESTORE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  /* One backup, the day's, listed with its time and why it was taken. */
  list = GTK_LIST_BOX (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, "backups"));
  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Daily backup");
  /* 和暦 by default: "令和8年11月24日 10:15". */
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "令和"));
  restore_button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "restore");
  g_assert_nonnull (restore_button);
  g_assert_false (gtk_widget_get_sensitive (restore_button));

  /* A file that is not ours: the store's refusal, and no Restore. */
  tsu_restore_dialog_add_file (dialog, notes_path);
  wait_for_details (dialog, "is not a Tsunagu database");
  g_assert_false (gtk_widget_get_sensitive (restore_button));
  g_assert_cmpstr (tsu_restore_dialog_get_selected_path (dialog), ==, notes_path);

  /* The day's backup: its counts, the state before the edit. */
  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_nonnull (row);
  gtk_list_box_select_row (list, row);
  backup_path = tsu_restore_dialog_get_selected_path (dialog);
  g_assert_nonnull (backup_path);
  g_assert_true (g_str_has_prefix (backup_path, fixture->folder));
  expected = g_strdup_printf ("Organizations %u, people ", fixture->organizations);
  wait_for_details (dialog, expected);
  g_assert_true (gtk_widget_get_sensitive (restore_button));

  /* Restore asks first, naming the date and the backup of now. */
  g_signal_emit_by_name (restore_button, "clicked");
  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (confirm)) == GTK_WINDOW (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "backed up first"));
  g_assert_true (adw_message_dialog_has_response (confirm, "restore"));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (confirm, "restore");
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The edit is gone, the views have a new connection, a toast says what
   * was restored. */
  g_assert_true (tsu_window_get_database (window) != before);
  g_assert_cmpstr (tsu_database_get_path (tsu_window_get_database (window)), ==, fixture->path);
  g_assert_false (has_organization_named (tsu_window_get_database (window), "つなぐテスト会"));
  g_free (expected);
  expected = g_strdup_printf ("%u / 30 organizations", members);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), expected));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "Restored the backup of 令和"));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* The state before the restore was kept, edit and all. */
  backups = tsu_backup_list (fixture->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 2);
  {
    TsuBackupInfo *newest = g_ptr_array_index (backups, 0);

    g_assert_cmpstr (newest->reason, ==, "before-restore");
    g_assert_cmpuint (count_organizations (newest->path), ==, fixture->organizations + 1);
  }

  close_window (window);
}

/* ---- bad files -------------------------------------------------------- */

/* Overwrites every page but the first with garbage: SQLite still reads
 * the header, but the tables are gone. */
static void
damage_database (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0x5a, length - 4096);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_damaged_at_start (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *backup_folder = tsu_backup_default_folder (fixture->path);
  g_autofree char *old_backup = g_build_filename (backup_folder, "council-2020-01-02T030405.db", NULL);
  g_autofree char *damaged = NULL;
  gsize damaged_length = 0;
  g_autoptr(TsuApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  TsuDatabase *database;
  TsuWindow *window;

  /* A backup of an earlier day, so that opening checks every page. */
  {
    g_autoptr(TsuDatabase) db = tsu_database_open_full (fixture->path, &(TsuOpenOptions) { .no_automatic_backup = TRUE }, &error);
    g_autofree char *taken = NULL;

    g_assert_no_error (error);
    taken = tsu_backup_take (db, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_rename (taken, old_backup), ==, 0);
  }
  assert_nothing_written_beside (fixture->path);
  damage_database (fixture->path);
  g_file_get_contents (fixture->path, &damaged, &damaged_length, &error);
  g_assert_no_error (error);

  app = start_application (fixture->path);
  window = get_window (app);
  g_assert_null (tsu_window_get_database (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "backup"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "restore"));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Database Is Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "council.db"));
  /* The backup's date, as the user writes dates. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "令和2年1月2日 03:04"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (adw_message_dialog_has_response (dialog, "default"));
  g_assert_true (adw_message_dialog_has_response (dialog, "backup"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "backup");
  assert_file_contents (fixture->path, damaged, damaged_length);
  assert_nothing_written_beside (fixture->path);

  /* The copy opens, with the backup's records; the damaged file is as it
   * was, byte for byte. */
  adw_message_dialog_response (dialog, "backup");
  spin ();
  database = tsu_window_get_database (window);
  g_assert_nonnull (database);
  g_assert_cmpstr (tsu_database_get_path (database), !=, fixture->path);
  g_assert_true (g_str_has_prefix (tsu_database_get_path (database), fixture->folder));
  g_assert_nonnull (strstr (tsu_database_get_path (database), "council-restored-"));
  g_assert_cmpuint (count_organizations (tsu_database_get_path (database)), ==, fixture->organizations);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "restore"));
  assert_file_contents (fixture->path, damaged, damaged_length);
  assert_nothing_written_beside (fixture->path);
  g_assert_cmpuint (count_organizations (old_backup), ==, fixture->organizations);

  close_window (window);
}

static void
test_open_newer_version (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(TsuApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  TsuWindow *window;
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);

  app = start_application (fixture->path);
  window = get_window (app);
  g_assert_null (tsu_window_get_database (window));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Made by a Newer Version");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "newer version"));
  /* A backup would not help: it is the program that is too old. */
  g_assert_false (adw_message_dialog_has_response (dialog, "backup"));
  assert_file_contents (fixture->path, contents, length);
  assert_nothing_written_beside (fixture->path);

  close_window (window);
}

static void
save_failed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
}

/* A save that fails on a full disk says so and that nothing was lost, in
 * the store's words. */
static void
test_disk_full_message (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuDatabase) database = tsu_database_open (fixture->path, &error);
  GtkWidget *editor = adw_window_new ();
  AdwMessageDialog *dialog;
  sqlite3 *handle;

  g_assert_no_error (error);
  /* SQLite's own full-disk error, as a write on a full disk gives it. */
  handle = tsu_database_get_handle (database);
  sqlite3_exec (handle, "PRAGMA max_page_count = 1", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE filler (x); INSERT INTO filler VALUES (zeroblob (100000))", NULL, NULL, NULL), ==, SQLITE_FULL);
  tsu_database_set_error (database, &error);
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NO_SPACE);

  gtk_window_present (GTK_WINDOW (editor));
  tsu_editor_save_failed (GTK_WINDOW (editor), error, "Cannot Save the Organization", "conflict",
                          G_CALLBACK (save_failed_response_cb));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, error->message);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, "safe"));
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  gtk_window_destroy (GTK_WINDOW (editor));
  spin ();
}

/* ---- network drives --------------------------------------------------- */

static void
test_network_warning (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *local_path = g_build_filename (fixture->folder, "local.db", NULL);
  g_autoptr(TsuApplication) app = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *button;
  TsuWindow *window;

  g_setenv ("TSUNAGU_TEST_NETWORK_SHARE", "1", TRUE);
  app = start_application (fixture->path);
  window = get_window (app);
  g_assert_nonnull (tsu_window_get_database (window));

  /* Once, when opened: a dialog naming the risk. */
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Database on a Network Drive");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "council.db"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "two PCs write to it at the same time"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "only one PC has it open"));
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);

  /* For as long as it is open: a warning in the header bar. */
  button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "network-warning");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));

  /* A file on a local disk: neither. */
  g_unsetenv ("TSUNAGU_TEST_NETWORK_SHARE");
  g_assert_true (tsu_window_open_path (window, local_path));
  spin ();
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Opened from the menu: the dialog again. */
  g_setenv ("TSUNAGU_TEST_NETWORK_SHARE", "1", TRUE);
  g_assert_true (tsu_window_open_path (window, fixture->path));
  spin ();
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  /* No session bus: see test-window.c. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tsunagu-test-bus", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/backup/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/backup/back-up-now", Fixture, NULL, fixture_set_up, test_back_up_now, fixture_tear_down);
  g_test_add ("/backup/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/backup/damaged-at-start", Fixture, NULL, fixture_set_up, test_damaged_at_start, fixture_tear_down);
  g_test_add ("/backup/newer-version", Fixture, NULL, fixture_set_up, test_open_newer_version, fixture_tear_down);
  g_test_add ("/backup/disk-full-message", Fixture, NULL, fixture_set_up, test_disk_full_message, fixture_tear_down);
  g_test_add ("/backup/network-warning", Fixture, NULL, fixture_set_up, test_network_warning, fixture_tear_down);

  return g_test_run ();
}
