/* tsu-application.c: the application object, its actions and the first
 * database to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-application.h"
#include "tsu-backup.h"
#include "tsu-bench.h"
#include "tsu-demo.h"
#include "tsu-preferences-window.h"
#include "tsu-resources.h"
#include "tsu-window.h"

struct _TsuApplication
{
  AdwApplication parent_instance;

  char *database_path;  /* from --database, or NULL */
};

G_DEFINE_FINAL_TYPE (TsuApplication, tsu_application, ADW_TYPE_APPLICATION)

GSettings *
tsu_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* g_settings_new() aborts on a missing schema; a program run from an
   * unusual place should lose its preferences, not crash. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      static gsize warned = 0;

      if (g_once_init_enter (&warned))
        {
          g_warning ("Settings schema %s is not installed; preferences will not be kept", APPLICATION_ID);
          g_once_init_leave (&warned, 1);
        }
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

TsuDateStyle
tsu_settings_get_date_style (GSettings *settings)
{
  if (settings == NULL)
    return TSU_DATE_STYLE_WAREKI;
  return g_settings_get_enum (settings, "date-style") == TSU_DATE_STYLE_GREGORIAN
         ? TSU_DATE_STYLE_GREGORIAN : TSU_DATE_STYLE_WAREKI;
}

char *
tsu_settings_dup_backup_folder (GSettings  *settings,
                                const char *database_path)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  if (settings != NULL)
    folder = g_settings_get_string (settings, "backup-folder");
  if (folder == NULL || folder[0] == '\0')
    return tsu_backup_default_folder (database_path);
  return g_steal_pointer (&folder);
}

void
tsu_settings_get_open_options (GSettings      *settings,
                               TsuOpenOptions *options,
                               char          **folder)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (folder != NULL);

  memset (options, 0, sizeof *options);
  *folder = NULL;
  if (settings == NULL)
    return;
  *folder = g_settings_get_string (settings, "backup-folder");
  /* Empty is the store's default, "backups" beside the database. */
  options->backup_folder = (*folder)[0] != '\0' ? *folder : NULL;
  options->keep_daily = g_settings_get_uint (settings, "backup-keep-daily");
  options->keep_monthly = g_settings_get_uint (settings, "backup-keep-monthly");
}

char *
tsu_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_length = home != NULL ? strlen (home) : 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (home_length > 1 && g_str_has_prefix (path, home) && path[home_length] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + home_length);

      return g_strconcat ("~", rest, NULL);
    }
  return g_filename_display_name (path);
}

/* Benchmarks (tests/bench/ui) ------------------------------------------------
 *
 * TSUNAGU_BENCH_VIEW=NAME starts on that view; TSUNAGU_BENCH_FIRST_FRAME=1
 * prints the seconds from exec to the first painted frame of the window and
 * quits; TSUNAGU_BENCH_VISIT_ALL=1 shows every view in turn, each until it
 * is painted, then prints the peak RSS and quits. */

static const char * const bench_views[] = {
  "overview", "members", "events", "referrals", "budget",
};

static gboolean
bench_mode (void)
{
  return g_getenv ("TSUNAGU_BENCH_FIRST_FRAME") != NULL
         || g_getenv ("TSUNAGU_BENCH_VISIT_ALL") != NULL
         || g_getenv ("TSUNAGU_BENCH_VIEW") != NULL;
}

static void
bench_visit_next (GtkWidget *widget,
                  gpointer   user_data)
{
  guint next = GPOINTER_TO_UINT (user_data);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (next >= G_N_ELEMENTS (bench_views))
    {
      tsu_bench_print_peak_rss ();
      g_application_quit (G_APPLICATION (app));
      return;
    }
  tsu_window_show_view (TSU_WINDOW (widget), bench_views[next]);
  tsu_bench_after_next_paint (widget, bench_visit_next, GUINT_TO_POINTER (next + 1));
}

static void
bench_first_frame (GtkWidget *widget,
                   gpointer   user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (g_getenv ("TSUNAGU_BENCH_FIRST_FRAME") != NULL)
    tsu_bench_print_since_exec ();
  if (g_getenv ("TSUNAGU_BENCH_VISIT_ALL") != NULL)
    bench_visit_next (widget, GUINT_TO_POINTER (0));
  else
    g_application_quit (G_APPLICATION (app));
}

TsuDatabase *
tsu_application_open_database (const char  *path,
                               GError     **error)
{
  g_autofree char *default_path = tsu_database_default_path ();
  g_autoptr(GSettings) settings = tsu_settings_new ();
  g_autoptr(TsuDatabase) database = NULL;
  g_autofree char *folder = NULL;
  TsuOpenOptions options;
  gboolean is_new;

  g_return_val_if_fail (path != NULL, NULL);

  is_new = !g_file_test (path, G_FILE_TEST_EXISTS);
  /* The backup settings apply from the next opening on. */
  tsu_settings_get_open_options (settings, &options, &folder);
  /* A benchmark times the start, not a copy of its large file. */
  if (bench_mode ())
    options.no_automatic_backup = TRUE;
  database = tsu_database_open_full (path, &options, error);
  if (database == NULL)
    return NULL;

  if (is_new && g_strcmp0 (path, default_path) == 0)
    {
      g_autoptr(GError) demo_error = NULL;

      /* An empty database would still be usable, so a failure here is
       * not a reason to refuse it. */
      if (!tsu_demo_fill (database, &demo_error))
        g_warning ("Could not fill the new database with demo data: %s", demo_error->message);
    }
  return g_steal_pointer (&database);
}

void
tsu_application_remember_database (TsuDatabase *database)
{
  g_autoptr(GSettings) settings = tsu_settings_new ();
  g_autofree char *default_path = tsu_database_default_path ();
  const char *path;

  g_return_if_fail (TSU_IS_DATABASE (database));

  if (settings == NULL)
    return;
  path = tsu_database_get_path (database);
  /* Empty stands for the default file, wherever the data folder is. */
  g_settings_set_string (settings, "last-database",
                         g_strcmp0 (path, default_path) == 0 ? "" : path);
}

/* The file given on the command line, else the one used last if it is
 * still there, else the default. */
static char *
choose_database_path (TsuApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  settings = tsu_settings_new ();
  if (settings != NULL)
    last = g_settings_get_string (settings, "last-database");
  if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  return tsu_database_default_path ();
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TsuApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows (instead of g_application_quit) lets each one
   * save its size first. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  TsuApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "Tsunagu contributors", NULL };

  adw_show_about_window (window,
                         "application-name", _("Tsunagu"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Tsunagu contributors"),
                         "developers", developers,
                         "comments", _("Member directory, events, referrals and budget of a council against loneliness and isolation"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one a line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TsuApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = tsu_preferences_window_new ();

  if (TSU_IS_WINDOW (window) && tsu_window_get_database (TSU_WINDOW (window)) != NULL)
    tsu_preferences_window_set_database_path (TSU_PREFERENCES_WINDOW (preferences),
                                              tsu_database_get_path (tsu_window_get_database (TSU_WINDOW (window))));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The user guide ------------------------------------------------------------
 *
 * The guide is plain HTML in help/LANG/ of the source tree, installed into
 * TSU_HELP_DIR. Run from the build folder the program shows the source
 * tree's copy, so that the guide and its screenshots need no installing;
 * TSUNAGU_HELP_DIR overrides both (tests, relocated installs). */

static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, BUILD_ROOT "/");
}

char *
tsu_application_dup_help_path (void)
{
  const char *override = g_getenv ("TSUNAGU_HELP_DIR");
  const char *folder;
  const char * const *languages = g_get_language_names ();
  g_autofree char *source_folder = NULL;

  if (override != NULL && override[0] != '\0')
    folder = override;
  else if (running_uninstalled ())
    folder = source_folder = g_build_filename (SOURCE_ROOT, "help", NULL);
  else
    folder = TSU_HELP_DIR;

  /* The guide in the user's language if there is one; the Japanese guide
   * is the one that is always written. */
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (strchr (languages[i], '.') != NULL || strcmp (languages[i], "C") == 0)
        continue;
      path = g_build_filename (folder, languages[i], "index.html", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return g_build_filename (folder, "ja", "index.html", NULL);
}

static void
show_help_error (GtkWindow  *parent,
                 const char *heading,
                 const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_shown (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GtkWindow *parent = source != NULL ? GTK_WINDOW (source) : NULL;
  g_autofree char *path = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (parent, result, &error))
    {
      g_autofree char *display = tsu_display_path (path);
      g_autofree char *body = NULL;

      /* Translators: the first %s is a file, the second why it could not be
       * shown. */
      body = g_strdup_printf (_("No web browser could show the user guide. "
                                "Open “%s” in a web browser yourself.\n\n%s"),
                              display, error->message);
      show_help_error (parent, _("Cannot Show the User Guide"), body);
    }
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TsuApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = tsu_application_dup_help_path ();
  g_autofree char *uri = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = tsu_display_path (path);
      g_autofree char *body = NULL;

      body = g_strdup_printf (_("The user guide should be at “%s”, but it is not there. "
                                "Ask whoever installed Tsunagu to install it again with its guide."),
                              display);
      show_help_error (window, _("User Guide Not Found"), body);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, help_shown, g_steal_pointer (&path));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "help", .activate = help_activated },
};

static void
tsu_application_startup (GApplication *application)
{
  TsuApplication *self = TSU_APPLICATION (application);
  static const struct
  {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "win.open-database", { "<Control>o", NULL } },
    { "win.new-database", { "<Control><Shift>n", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.show-view::overview", { "<Control>1", NULL } },
    { "win.show-view::members", { "<Control>2", NULL } },
    { "win.show-view::events", { "<Control>3", NULL } },
    { "win.show-view::referrals", { "<Control>4", NULL } },
    { "win.show-view::budget", { "<Control>5", NULL } },
    /* What GtkApplication would set for gtk/help-overlay.ui. */
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  /* The resource is compiled into a static library: its constructor only
   * runs when something refers to the object file, and this call does.
   * It must be there before the parent's startup, which loads style.css
   * from the resource base path. */
  if (!g_resources_get_info ("/jp/tsunagu/Tsunagu/tsu-window.ui", G_RESOURCE_LOOKUP_FLAGS_NONE,
                             NULL, NULL, NULL))
    g_resources_register (tsu_get_resource ());

  G_APPLICATION_CLASS (tsu_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
tsu_application_activate (GApplication *application)
{
  TsuApplication *self = TSU_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;
  g_autoptr(TsuDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = choose_database_path (self);
  database = tsu_application_open_database (path, &error);
  window = GTK_WINDOW (tsu_window_new (ADW_APPLICATION (self), database));
  if (g_getenv ("TSUNAGU_BENCH_VIEW") != NULL)
    tsu_window_show_view (TSU_WINDOW (window), g_getenv ("TSUNAGU_BENCH_VIEW"));
  if (g_getenv ("TSUNAGU_BENCH_FIRST_FRAME") != NULL || g_getenv ("TSUNAGU_BENCH_VISIT_ALL") != NULL)
    tsu_bench_after_next_paint (GTK_WIDGET (window), bench_first_frame, NULL);
  gtk_window_present (window);

  if (database != NULL)
    {
      tsu_application_remember_database (database);
      tsu_window_warn_if_on_network_share (TSU_WINDOW (window));
    }
  else
    /* The window opens anyway, so the user can choose another file; the
     * bad file is left as it was. */
    tsu_window_show_open_error (TSU_WINDOW (window), path, error);
}

static void
tsu_application_finalize (GObject *object)
{
  TsuApplication *self = TSU_APPLICATION (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (tsu_application_parent_class)->finalize (object);
}

static void
tsu_application_class_init (TsuApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tsu_application_finalize;
  app_class->startup = tsu_application_startup;
  app_class->activate = tsu_application_activate;
}

static void
tsu_application_init (TsuApplication *self)
{
}

TsuApplication *
tsu_application_new (const char *database_path)
{
  TsuApplication *self;

  /* Not unique: each process shows one database file. With a unique
   * application a second "tsunagu --database other.db" would only raise
   * the first window (our options are parsed before GApplication sees
   * them), and two people's files could never be open side by side. It
   * also means no D-Bus session is needed, as in tests. */
  self = g_object_new (TSU_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/jp/tsunagu/Tsunagu",
                       NULL);
  self->database_path = g_strdup (database_path);
  return self;
}
