/* tsu-window.c: the main window, one view per job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-application.h"
#include "tsu-budget-view.h"
#include "tsu-events-view.h"
#include "tsu-import-dialog.h"
#include "tsu-members-view.h"
#include "tsu-overview-view.h"
#include "tsu-referrals-view.h"
#include "tsu-window.h"

struct _TsuWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  TsuOverviewView      *overview_view;
  TsuMembersView       *members_view;
  TsuEventsView        *events_view;
  TsuReferralsView     *referrals_view;
  TsuBudgetView        *budget_view;

  /* owned */
  TsuDatabase          *database;
  GSettings            *settings;   /* NULL without the schema */
  GtkNativeDialog      *chooser;    /* the open/new file chooser shown now */
};

G_DEFINE_FINAL_TYPE (TsuWindow, tsu_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const view_names[] = {
  "overview", "members", "events", "referrals", "budget",
};

static void
update_subtitle (TsuWindow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (self->database != NULL)
    {
      g_autofree char *name = g_filename_display_basename (tsu_database_get_path (self->database));

      subtitle = tsu_display_path (tsu_database_get_path (self->database));
      /* Translators: the window title in task bars; %s is a file name. */
      title = g_strdup_printf (_("%s – Tsunagu"), name);
    }
  else
    subtitle = g_strdup (_("No database open"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Tsunagu"));
}

static GtkFileFilter *
new_filter (const char          *name,
            const char * const  *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  return filter;
}

static void
add_database_filters (GtkFileChooser *chooser)
{
  static const char * const database_patterns[] = { "*.db", "*.sqlite", "*.sqlite3", NULL };
  static const char * const all_patterns[] = { "*", NULL };
  g_autoptr(GtkFileFilter) databases = new_filter (_("Tsunagu databases"), database_patterns);
  g_autoptr(GtkFileFilter) all = new_filter (_("All files"), all_patterns);

  gtk_file_chooser_add_filter (chooser, databases);
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, databases);
}

/* Opens the chooser's folder at the current database's. */
static void
chooser_start_at_current (TsuWindow      *self,
                          GtkFileChooser *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->database == NULL)
    return;
  file = g_file_new_for_path (tsu_database_get_path (self->database));
  folder = g_file_get_parent (file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
show_message (TsuWindow  *self,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
replace_database (TsuWindow   *self,
                  TsuDatabase *database,
                  gboolean     created)
{
  g_autofree char *name = g_filename_display_basename (tsu_database_get_path (database));
  g_autofree char *text = NULL;

  if (created)
    /* Translators: %s is a file name. */
    text = g_strdup_printf (_("Created “%s”"), name);
  else
    /* Translators: %s is a file name. */
    text = g_strdup_printf (_("Opened “%s”"), name);

  tsu_window_set_database (self, database);
  tsu_application_remember_database (database);
  tsu_window_add_toast (self, adw_toast_new (text));
}

gboolean
tsu_window_open_path (TsuWindow  *self,
                      const char *path)
{
  g_autoptr(TsuDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TSU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  database = tsu_application_open_database (path, &error);
  if (database == NULL)
    {
      show_message (self, _("Cannot Open Database"), error->message);
      return FALSE;
    }
  replace_database (self, database, FALSE);
  return TRUE;
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  TsuWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        tsu_window_open_path (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
open_database (TsuWindow *self)
{
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_database_filters (GTK_FILE_CHOOSER (chooser));
  chooser_start_at_current (self, GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void new_database (TsuWindow *self);

static void
exists_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  TsuWindow *self = user_data;

  if (g_strcmp0 (response, "choose") == 0)
    new_database (self);
}

gboolean
tsu_window_create_path (TsuWindow  *self,
                        const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(TsuDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TSU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > 0)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *body = g_strdup_printf (_("“%s” already exists. Tsunagu does not overwrite files; choose another name for the new database."), name);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Already Exists"), body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "choose", _("_Choose Another Name…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
      g_signal_connect_object (dialog, "response", G_CALLBACK (exists_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  /* No demo data here: a new file is for the user's own records. */
  database = tsu_database_open (path, &error);
  if (database == NULL)
    {
      show_message (self, _("Cannot Create Database"), error->message);
      return FALSE;
    }
  replace_database (self, database, TRUE);
  return TRUE;
}

static void
new_response_cb (GtkNativeDialog *chooser,
                 int              response,
                 gpointer         user_data)
{
  TsuWindow *self = user_data;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        path = g_file_get_path (file);
    }
  /* Cleared first: tsu_window_create_path() may reopen the chooser. */
  g_clear_object (&self->chooser);
  if (path != NULL)
    tsu_window_create_path (self, path);
}

static void
new_database (TsuWindow *self)
{
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("New Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"), _("_Cancel"));
  add_database_filters (GTK_FILE_CHOOSER (chooser));
  chooser_start_at_current (self, GTK_FILE_CHOOSER (chooser));
  /* Translators: the suggested file name of a new database. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("council.db"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (new_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  TsuWindow *self = user_data;

  if (g_strcmp0 (response, "open") == 0)
    open_database (self);
  else if (g_strcmp0 (response, "default") == 0)
    {
      g_autofree char *path = tsu_database_default_path ();
      g_autoptr(GError) error = NULL;
      g_autoptr(TsuDatabase) database = tsu_application_open_database (path, &error);

      if (database == NULL)
        show_message (self, _("Cannot Open Database"), error->message);
      else
        replace_database (self, database, FALSE);
    }
}

void
tsu_window_show_open_error (TsuWindow    *self,
                            const char   *path,
                            const GError *error)
{
  g_autofree char *default_path = tsu_database_default_path ();
  GtkWidget *dialog;

  g_return_if_fail (TSU_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Open Database"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* Offering the default file only makes sense when it was another one
   * that failed. */
  if (g_strcmp0 (path, default_path) != 0)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "default", _("Use _Default Database"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "open", _("_Open Another…"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- actions ---------------------------------------------------------- */

static void
open_database_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  open_database (TSU_WINDOW (user_data));
}

static void
new_database_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  new_database (TSU_WINDOW (user_data));
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TsuWindow *self = TSU_WINDOW (user_data);
  GtkWidget *dialog;

  if (self->database == NULL)
    return;
  dialog = tsu_import_dialog_new (GTK_WINDOW (self), self->database);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_view_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  tsu_window_show_view (TSU_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static const GActionEntry win_actions[] = {
  { .name = "open-database", .activate = open_database_activated },
  { .name = "new-database", .activate = new_database_activated },
  { .name = "import", .activate = import_activated },
  { .name = "show-view", .activate = show_view_activated, .parameter_type = "s" },
};

static void
update_actions (TsuWindow *self)
{
  GAction *import = g_action_map_lookup_action (G_ACTION_MAP (self), "import");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (import), self->database != NULL);
}

/* ---- window size ------------------------------------------------------ */

static void
restore_size (TsuWindow *self)
{
  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
tsu_window_close_request (GtkWindow *window)
{
  TsuWindow *self = TSU_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      /* The default size is the unmaximized one, which is what a
       * restored window should come back to. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (tsu_window_parent_class)->close_request (window);
}

/* ---- GObject ---------------------------------------------------------- */

static void
tsu_window_dispose (GObject *object)
{
  TsuWindow *self = TSU_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  /* libadwaita 1.2 switchers crash when the stack they show goes first. */
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_WINDOW);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tsu_window_parent_class)->dispose (object);
}

static void
tsu_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TsuWindow *self = TSU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TsuWindow *self = TSU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tsu_window_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_window_class_init (TsuWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tsu_window_dispose;
  object_class->get_property = tsu_window_get_property;
  object_class->set_property = tsu_window_set_property;
  window_class->close_request = tsu_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TSU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TSU_TYPE_OVERVIEW_VIEW);
  g_type_ensure (TSU_TYPE_MEMBERS_VIEW);
  g_type_ensure (TSU_TYPE_EVENTS_VIEW);
  g_type_ensure (TSU_TYPE_REFERRALS_VIEW);
  g_type_ensure (TSU_TYPE_BUDGET_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, overview_view);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, members_view);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, events_view);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, referrals_view);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, budget_view);
}

static void
tsu_window_init (TsuWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  self->settings = tsu_settings_new ();
  restore_size (self);
  update_subtitle (self);
  update_actions (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->members_view), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->events_view), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->referrals_view), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->budget_view), FALSE);
}

/* ---- public ----------------------------------------------------------- */

TsuWindow *
tsu_window_new (AdwApplication *application,
                TsuDatabase    *database)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (database == NULL || TSU_IS_DATABASE (database), NULL);

  return g_object_new (TSU_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       NULL);
}

TsuDatabase *
tsu_window_get_database (TsuWindow *self)
{
  g_return_val_if_fail (TSU_IS_WINDOW (self), NULL);

  return self->database;
}

void
tsu_window_set_database (TsuWindow   *self,
                         TsuDatabase *database)
{
  g_return_if_fail (TSU_IS_WINDOW (self));
  g_return_if_fail (database == NULL || TSU_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  tsu_overview_view_set_database (self->overview_view, database);
  if (database != NULL)
    {
      tsu_members_view_set_database (self->members_view, database);
      tsu_events_view_set_database (self->events_view, database);
      tsu_referrals_view_set_database (self->referrals_view, database);
      tsu_budget_view_set_database (self->budget_view, database);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->members_view), database != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->events_view), database != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->referrals_view), database != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->budget_view), database != NULL);
  update_subtitle (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

void
tsu_window_add_toast (TsuWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (TSU_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
tsu_window_show_view (TsuWindow  *self,
                      const char *name)
{
  g_return_if_fail (TSU_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    if (g_str_equal (name, view_names[i]))
      {
        adw_view_stack_set_visible_child_name (self->stack, name);
        return;
      }
  g_warning ("No view named “%s”", name);
}

const char *
tsu_window_get_visible_view (TsuWindow *self)
{
  g_return_val_if_fail (TSU_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}
