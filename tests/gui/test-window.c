/* test-window.c: the application shell driven through its real widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "tsu-application.h"
#include "tsu-date.h"
#include "tsu-demo.h"
#include "tsu-import-dialog.h"
#include "tsu-organization.h"
#include "tsu-preferences-window.h"
#include "tsu-window.h"

/* ---- helpers ---------------------------------------------------------- */

typedef gboolean (*WidgetPredicate) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget_where (GtkWidget       *root,
             WidgetPredicate  predicate,
             gconstpointer    data)
{
  if (predicate (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_where (child, predicate, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  return find_widget_where (root, is_of_type, GSIZE_TO_POINTER (type));
}

static void
destroy_toplevels (GType type)
{
  GtkWindow *window;

  while ((window = find_toplevel (type)) != NULL)
    gtk_window_destroy (window);
}

static void
iterate_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  char        *folder;
  char        *path;
  TsuDatabase *database;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("tsunagu-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "council.db", NULL);
  fixture->database = tsu_database_open (fixture->path, &error);
  g_assert_no_error (error);
  tsu_demo_fill (fixture->database, &error);
  g_assert_no_error (error);
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->database);
  remove_folder (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
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
  iterate_until_idle ();
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
close_window (TsuWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_finalize_object (window);
}

static GtkWidget *
find_member_count_label (TsuWindow *window,
                         guint      members,
                         guint      target)
{
  g_autofree char *text = g_strdup_printf ("%u / %u organizations", members, target);

  return find_widget_where (GTK_WIDGET (window), is_label_with_text, text);
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

/* ---- tests ------------------------------------------------------------ */

static void
test_window_views (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TsuApplication) app = NULL;
  g_autoptr(GSettings) settings = tsu_settings_new ();
  g_auto(GStrv) actions = NULL;
  g_autofree char *folder_name = g_path_get_basename (fixture->folder);
  g_autoptr(GError) error = NULL;
  AdwViewSwitcherTitle *title;
  TsuWindow *window;
  TsuDatabase *database;
  guint members;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "member-target");
  g_settings_reset (settings, "last-database");

  app = start_application (fixture->path);
  window = get_window (app);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until_idle ();

  database = tsu_window_get_database (window);
  g_assert_nonnull (database);
  g_assert_cmpstr (tsu_database_get_path (database), ==, fixture->path);
  /* Opened from the command line, it is the one to open next time. */
  {
    g_autofree char *last_database = g_settings_get_string (settings, "last-database");

    g_assert_cmpstr (last_database, ==, fixture->path);
  }

  /* The subtitle names the file (shortened with ~ only under home). */
  title = ADW_VIEW_SWITCHER_TITLE (find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (adw_view_switcher_title_get_subtitle (title), folder_name));
  g_assert_true (g_str_has_suffix (adw_view_switcher_title_get_subtitle (title), "/council.db"));
  /* The task bar names the file too. */
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "council.db"));

  g_assert_cmpstr (tsu_window_get_visible_view (window), ==, "overview");
  tsu_window_show_view (window, "events");
  g_assert_cmpstr (tsu_window_get_visible_view (window), ==, "events");
  tsu_window_show_view (window, "budget");
  g_assert_cmpstr (tsu_window_get_visible_view (window), ==, "budget");

  /* Ctrl+2 is bound to the action that shows the members. */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>2");
  g_assert_nonnull (actions);
  g_assert_true (g_strv_contains ((const char * const *) actions, "win.show-view::members"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "members"));
  g_assert_cmpstr (tsu_window_get_visible_view (window), ==, "members");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "overview"));
  g_assert_cmpstr (tsu_window_get_visible_view (window), ==, "overview");

  /* The overview counts the demo's members against the target (30). */
  members = tsu_organization_count_current_members (database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members, >, 0);
  g_assert_nonnull (find_member_count_label (window, members, 30));

  /* It follows the database… */
  add_member (database, "つなぐテスト会", "つなぐてすとかい");
  g_assert_nonnull (find_member_count_label (window, members + 1, 30));
  g_assert_null (find_member_count_label (window, members, 30));

  /* …and the target in the preferences. */
  g_settings_set_int (settings, "member-target", 40);
  g_assert_nonnull (find_member_count_label (window, members + 1, 40));
  g_settings_reset (settings, "member-target");

  /* The application itself cannot be checked for leaks: a
   * GtkApplication that was registered but never run keeps a reference
   * to itself until a shutdown that never comes. */
  close_window (window);
}

static void
collect_shortcut_accelerators (GtkWidget  *root,
                               GHashTable *accelerators)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_autofree char *text = NULL;
      g_auto(GStrv) each = NULL;

      g_object_get (root, "accelerator", &text, NULL);
      each = g_strsplit (text != NULL ? text : "", " ", -1);
      for (guint i = 0; each[i] != NULL; i++)
        {
          guint key;
          GdkModifierType mods;

          /* Normalised, so that <Control>z and <Primary>z are one. */
          if (gtk_accelerator_parse (each[i], &key, &mods))
            g_hash_table_add (accelerators, gtk_accelerator_name (key, mods));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcut_accelerators (child, accelerators);
}

/* Ctrl+? opens the shortcuts window, and it lists every shortcut the
 * application has. */
static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TsuApplication) app = start_application (fixture->path);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  TsuWindow *window = get_window (app);
  GtkWindow *shortcuts;
  /* GTK 4.8's shortcuts window measures one of its own labels at -3
   * pixels and warns about it: not fatal here, criticals still are. */
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  iterate_until_idle ();
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  collect_shortcut_accelerators (GTK_WIDGET (shortcuts), listed);
  g_assert_cmpuint (g_hash_table_size (listed), >, 10);

  for (guint a = 0; actions[a] != NULL; a++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[a]);

      for (guint i = 0; accels[i] != NULL; i++)
        {
          guint key;
          GdkModifierType mods;
          g_autofree char *name = NULL;

          g_assert_true (gtk_accelerator_parse (accels[i], &key, &mods));
          name = gtk_accelerator_name (key, mods);
          if (!g_hash_table_contains (listed, name))
            g_error ("%s (%s) is not in the shortcuts window", accels[i], actions[a]);
        }
    }

  /* Again, once it exists. */
  gtk_window_close (shortcuts);
  iterate_until_idle ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  iterate_until_idle ();
  g_assert_nonnull (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  destroy_toplevels (GTK_TYPE_SHORTCUTS_WINDOW);
  close_window (window);
  g_log_set_always_fatal (fatal);
}

/* Icon-only buttons (and menu buttons) shown in @root that have no
 * tooltip, or cannot take the keyboard focus, into @problems. By the
 * house convention the tooltip is also the button's accessible label. */
static void
collect_unlabelled_buttons (GtkWidget *root,
                            GString   *problems)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if ((GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL
       && !GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root)))
       && !GTK_IS_BOX (gtk_button_get_child (GTK_BUTTON (root)))
       && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (root)))
      || (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_label (GTK_MENU_BUTTON (root)) == NULL))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (root);
      /* Window controls, the view switcher's buttons (which show their
       * titles) and the calendar's month arrows belong to GTK and
       * libadwaita. */
      gboolean ours = gtk_widget_get_ancestor (root, GTK_TYPE_WINDOW_CONTROLS) == NULL
                      && gtk_widget_get_ancestor (root, ADW_TYPE_VIEW_SWITCHER) == NULL
                      && gtk_widget_get_ancestor (root, GTK_TYPE_CALENDAR) == NULL;

      if (ours && (tooltip == NULL || *tooltip == '\0'))
        g_string_append_printf (problems, "%s %s (%s) has no tooltip\n", G_OBJECT_TYPE_NAME (root),
                                gtk_widget_get_name (root),
                                GTK_IS_BUTTON (root) && gtk_button_get_icon_name (GTK_BUTTON (root))
                                ? gtk_button_get_icon_name (GTK_BUTTON (root)) : "?");
      if (ours && gtk_widget_get_sensitive (root) && !gtk_widget_get_focusable (root)
          && !GTK_IS_MENU_BUTTON (root))
        g_string_append_printf (problems, "%s %s cannot take the focus\n", G_OBJECT_TYPE_NAME (root),
                                gtk_widget_get_name (root));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unlabelled_buttons (child, problems);
}

/* In every view, the buttons that show only an icon say what they do to
 * a screen reader (and in a tooltip) and can be reached by the keyboard. */
static void
test_icon_buttons_labelled (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const views[] = { "overview", "members", "events", "referrals", "budget" };
  g_autoptr(TsuApplication) app = start_application (fixture->path);
  g_autoptr(GString) problems = g_string_new (NULL);
  TsuWindow *window = get_window (app);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      tsu_window_show_view (window, views[i]);
      iterate_until_idle ();
      collect_unlabelled_buttons (GTK_WIDGET (window), problems);
    }
  if (problems->len > 0)
    g_error ("%s", problems->str);
  close_window (window);
}

static void
test_window_size (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TsuApplication) app = NULL;
  g_autoptr(GSettings) settings = tsu_settings_new ();
  TsuWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 1010);
  g_settings_set_int (settings, "window-height", 707);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  app = start_application (fixture->path);
  window = get_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 707);

  /* Closing (as the close button and app.quit do) keeps the size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_finalize_object (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TsuApplication) app = NULL;
  g_autoptr(GSettings) settings = tsu_settings_new ();
  GtkWindow *preferences;
  AdwComboRow *date_row;
  GtkSpinButton *target_spin;
  AdwEntryRow *council_row;
  TsuWindow *window;

  g_settings_reset (settings, "date-style");
  g_settings_reset (settings, "member-target");
  g_settings_reset (settings, "council-name");
  g_assert_cmpint (g_settings_get_enum (settings, "date-style"), ==, TSU_DATE_STYLE_WAREKI);

  app = start_application (fixture->path);
  window = get_window (app);
  gtk_window_present (GTK_WINDOW (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  iterate_until_idle ();
  preferences = find_toplevel (TSU_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));

  /* The first row is 和暦, the second 西暦. */
  date_row = ADW_COMBO_ROW (find_of_type (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (date_row);
  g_assert_cmpuint (adw_combo_row_get_selected (date_row), ==, 0);
  adw_combo_row_set_selected (date_row, 1);
  g_assert_cmpint (g_settings_get_enum (settings, "date-style"), ==, TSU_DATE_STYLE_GREGORIAN);
  adw_combo_row_set_selected (date_row, 0);
  g_assert_cmpint (g_settings_get_enum (settings, "date-style"), ==, TSU_DATE_STYLE_WAREKI);

  target_spin = GTK_SPIN_BUTTON (find_of_type (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (target_spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (target_spin), ==, 30);
  gtk_spin_button_set_value (target_spin, 45);
  g_assert_cmpint (g_settings_get_int (settings, "member-target"), ==, 45);

  council_row = ADW_ENTRY_ROW (find_of_type (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (council_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (council_row)), ==, "北九州市孤独・孤立対策等連携協議会");
  gtk_editable_set_text (GTK_EDITABLE (council_row), "門司区つながり会議");
  {
    g_autofree char *council_name = g_settings_get_string (settings, "council-name");

    g_assert_cmpstr (council_name, ==, "門司区つながり会議");
  }
  /* The overview shows the new name at once. */
  g_assert_nonnull (find_widget_where (GTK_WIDGET (window), is_label_with_text, "門司区つながり会議"));

  g_object_ref (preferences);
  gtk_window_destroy (preferences);
  iterate_until_idle ();
  g_assert_finalize_object (preferences);

  g_settings_reset (settings, "member-target");
  g_settings_reset (settings, "council-name");
  close_window (window);
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

static void
assert_no_sqlite_side_files (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
    }
}

static void
test_open_bad_file (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char notes[] =
    "Minutes of the 5th council meeting\n"
    "These are notes, not a database. Tsunagu must leave them alone.\n";
  g_autofree char *bad_path = g_build_filename (fixture->folder, "notes.db", NULL);
  g_autoptr(TsuApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  TsuWindow *window;

  g_file_set_contents (bad_path, notes, -1, &error);
  g_assert_no_error (error);

  /* At start: the window opens anyway, without a database, and says why. */
  app = start_application (bad_path);
  window = get_window (app);
  g_assert_null (tsu_window_get_database (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import"));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.db"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (adw_message_dialog_has_response (dialog, "default"));
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  assert_file_contents (bad_path, notes, strlen (notes));
  assert_no_sqlite_side_files (bad_path);

  /* Later, from Open: the current database stays. */
  tsu_window_set_database (window, fixture->database);
  g_assert_false (tsu_window_open_path (window, bad_path));
  iterate_until_idle ();
  g_assert_true (tsu_window_get_database (window) == fixture->database);
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  assert_file_contents (bad_path, notes, strlen (notes));
  assert_no_sqlite_side_files (bad_path);

  /* A good file opens, and replaces the current one. */
  {
    g_autofree char *other_path = g_build_filename (fixture->folder, "other.db", NULL);
    g_autoptr(TsuDatabase) other = tsu_database_open (other_path, &error);

    g_assert_no_error (error);
    g_clear_object (&other);
    g_assert_true (tsu_window_open_path (window, other_path));
    g_assert_cmpstr (tsu_database_get_path (tsu_window_get_database (window)), ==, other_path);
    g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    /* An empty database that is not the default gets no demo data. */
    g_assert_nonnull (find_member_count_label (window, 0, 30));
  }

  close_window (window);
}

static void
test_new_database (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char sheet[] = "name,reading\nold list,おーるどりすと\n";
  g_autofree char *existing_path = g_build_filename (fixture->folder, "members.csv", NULL);
  g_autofree char *new_path = g_build_filename (fixture->folder, "new.db", NULL);
  g_autoptr(TsuApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  TsuWindow *window;

  g_file_set_contents (existing_path, sheet, -1, &error);
  g_assert_no_error (error);

  app = start_application (fixture->path);
  window = get_window (app);

  /* A file with something in it is never overwritten. */
  g_assert_false (tsu_window_create_path (window, existing_path));
  g_assert_cmpstr (tsu_database_get_path (tsu_window_get_database (window)), ==, fixture->path);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "choose"));
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  assert_file_contents (existing_path, sheet, strlen (sheet));

  /* A new file becomes an empty database, shown at once. */
  g_assert_true (tsu_window_create_path (window, new_path));
  g_assert_cmpstr (tsu_database_get_path (tsu_window_get_database (window)), ==, new_path);
  g_assert_true (tsu_database_is_empty (tsu_window_get_database (window)));
  g_assert_nonnull (find_member_count_label (window, 0, 30));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  close_window (window);
}

static gboolean
is_sensitive_import_button (GtkWidget     *widget,
                            gconstpointer  data)
{
  return is_button_with_label (widget, "_Import") && gtk_widget_get_sensitive (widget);
}

static gboolean
is_visible_label_prefix (GtkWidget     *widget,
                         gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

static gboolean
is_visible_label_containing (GtkWidget     *widget,
                             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

static void
test_import_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char good_csv[] =
    "name,reading,kind\r\n"
    "こどもの居場所ひまわり,こどものいばしょひまわり,member\r\n"
    "若松フードパントリー,わかまつふーどぱんとりー,member\r\n";
  static const char bad_csv[] =
    "name,reading,kind\r\n"
    ",よみだけ,member\r\n";
  g_autofree char *good_path = g_build_filename (fixture->folder, "good.csv", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->folder, "bad.csv", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(TsuApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *import_button;
  TsuWindow *window;
  guint members;

  g_file_set_contents (good_path, good_csv, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad_path, bad_csv, -1, &error);
  g_assert_no_error (error);
  members = tsu_organization_count_current_members (fixture->database, &error);
  g_assert_no_error (error);

  app = start_application (fixture->path);
  window = get_window (app);
  gtk_window_present (GTK_WINDOW (window));

  /* win.import (Ctrl+I) opens the dialog over the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  dialog = GTK_WIDGET (find_toplevel (TSU_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  /* A bad file: its problems are listed and Import stays off. */
  tsu_import_dialog_set_file (TSU_IMPORT_DIALOG (dialog), TSU_IMPORT_ORGANIZATIONS, bad_file);
  while (find_widget_where (dialog, is_visible_label_prefix, "The file has problems") == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The rows of the list appear once it is laid out. */
  while (find_widget_where (dialog, is_visible_label_containing, "bad.csv:2: column name") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (find_widget_where (dialog, is_sensitive_import_button, NULL));

  /* A good file: a summary first, nothing written yet. */
  tsu_import_dialog_set_file (TSU_IMPORT_DIALOG (dialog), TSU_IMPORT_ORGANIZATIONS, good_file);
  while ((import_button = find_widget_where (dialog, is_sensitive_import_button, NULL)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (find_widget_where (dialog, is_label_with_text, "2 organizations will be added, 0 updated."));
  g_assert_null (find_widget_where (dialog, is_visible_label_containing, "bad.csv:2:"));
  g_assert_cmpuint (tsu_organization_count_current_members (fixture->database, NULL), ==, members);

  /* Import commits, closes the dialog, and the overview follows. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (import_button, "clicked");
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (tsu_organization_count_current_members (fixture->database, NULL), ==, members + 2);
  g_assert_nonnull (find_member_count_label (window, members + 2, 30));

  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  /* No session bus: an application registered on one would stay
   * exported (the bus holds a reference) and the next test's could not
   * register under the same id. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tsunagu-test-bus", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/window/views", Fixture, NULL, fixture_set_up, test_window_views, fixture_tear_down);
  g_test_add ("/window/size", Fixture, NULL, fixture_set_up, test_window_size, fixture_tear_down);
  g_test_add ("/window/shortcuts", Fixture, NULL, fixture_set_up, test_shortcuts_window, fixture_tear_down);
  g_test_add ("/window/icon-buttons-labelled", Fixture, NULL, fixture_set_up, test_icon_buttons_labelled,
              fixture_tear_down);
  g_test_add ("/window/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/window/open-bad-file", Fixture, NULL, fixture_set_up, test_open_bad_file, fixture_tear_down);
  g_test_add ("/window/new-database", Fixture, NULL, fixture_set_up, test_new_database, fixture_tear_down);
  g_test_add ("/window/import-dialog", Fixture, NULL, fixture_set_up, test_import_dialog, fixture_tear_down);

  return g_test_run ();
}
