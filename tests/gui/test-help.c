/* test-help.c: the user guide behind F1 and the primary menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "tsu-application.h"
#include "tsu-demo.h"
#include "tsu-window.h"

typedef struct
{
  char           *folder;
  char           *path;
  TsuApplication *app;
} Fixture;

static void
iterate_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuDatabase) database = NULL;

  g_unsetenv ("TSUNAGU_HELP_DIR");
  fixture->folder = g_dir_make_tmp ("tsunagu-help-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "council.db", NULL);
  database = tsu_database_open (fixture->path, &error);
  g_assert_no_error (error);
  tsu_demo_fill (database, &error);
  g_assert_no_error (error);
  g_clear_object (&database);

  /* Started as main() starts it, without running a main loop. */
  fixture->app = tsu_application_new (fixture->path);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  iterate_until_idle ();
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app))) != NULL)
    gtk_window_destroy (windows->data);
  iterate_until_idle ();
  g_clear_object (&fixture->app);
  remove_tree (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
  g_unsetenv ("TSUNAGU_HELP_DIR");
}

/* Whether @model or one of its sections or submenus has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;
      g_autoptr(GMenuModel) submenu = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_strcmp0 (name, action) == 0)
        return TRUE;
      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      if ((section != NULL && menu_has_action (section, action))
          || (submenu != NULL && menu_has_action (submenu, action)))
        return TRUE;
    }
  return FALSE;
}

/* The menu button marked primary (F10); the header bar has others. */
static GtkWidget *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_help_action (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(GStrv) accels = NULL;
  g_auto(GStrv) actions = NULL;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
  GtkWidget *button;
  GMenuModel *menu;

  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (fixture->app), "help"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.help");
  g_assert_nonnull (accels);
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "F1");
  /* F1 is not taken by anything else. */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->app), "F1");
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_cmpstr (actions[0], ==, "app.help");

  /* The primary menu of the window has the item. */
  g_assert_nonnull (windows);
  g_assert_true (TSU_IS_WINDOW (windows->data));
  button = find_primary_menu_button (GTK_WIDGET (windows->data));
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (menu, "app.help"));
}

/* The shortcuts window (Ctrl+?) lists F1; it is built from the resource
 * as the window builds it, without showing it. */
static void
test_help_shortcut (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/jp/tsunagu/Tsunagu/tsu-help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  guint found = 0;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      if (g_strcmp0 (accelerator, "F1") == 0)
        found++;
    }
  g_assert_cmpuint (found, ==, 1);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_help_path (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = tsu_application_dup_help_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* Run from the build folder, the guide is the source tree's. */
  g_assert_true (g_str_has_suffix (path, G_DIR_SEPARATOR_S "index.html"));
  g_assert_true (g_str_has_prefix (path, SOURCE_ROOT G_DIR_SEPARATOR_S "help" G_DIR_SEPARATOR_S));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<html lang=\"ja\""));
  g_assert_nonnull (strstr (contents, "<title>"));
}

static void
test_help_override (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->folder, "guide", "ja", NULL);
  g_autofree char *index = g_build_filename (folder, "index.html", NULL);
  g_autofree char *parent = g_path_get_dirname (folder);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (index, "<html lang=\"ja\"></html>", -1, &error);
  g_assert_no_error (error);
  g_setenv ("TSUNAGU_HELP_DIR", parent, TRUE);
  path = tsu_application_dup_help_path ();
  g_assert_cmpstr (path, ==, index);
}

/* A missing guide is said so, in a dialog, rather than nothing happening. */
static void
test_help_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->folder, "no-guide", NULL);
  GtkWindow *dialog;

  g_setenv ("TSUNAGU_HELP_DIR", empty, TRUE);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "help", NULL);
  iterate_until_idle ();

  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "User Guide Not Found");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "no-guide"));
  g_assert_true (gtk_window_get_transient_for (dialog)
                 == gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  gtk_window_destroy (dialog);
  iterate_until_idle ();
}

int
main (int    argc,
      char **argv)
{
  /* No session bus, as in the other UI tests. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tsunagu-test-bus", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/help/action", Fixture, NULL, fixture_set_up, test_help_action, fixture_tear_down);
  g_test_add ("/help/shortcut", Fixture, NULL, fixture_set_up, test_help_shortcut, fixture_tear_down);
  g_test_add ("/help/path", Fixture, NULL, fixture_set_up, test_help_path, fixture_tear_down);
  g_test_add ("/help/override", Fixture, NULL, fixture_set_up, test_help_override, fixture_tear_down);
  g_test_add ("/help/missing", Fixture, NULL, fixture_set_up, test_help_missing, fixture_tear_down);

  return g_test_run ();
}
