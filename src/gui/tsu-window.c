/* tsu-window.c: the main window, one view per job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-application.h"
#include "tsu-backup-tasks.h"
#include "tsu-budget-view.h"
#include "tsu-events-view.h"
#include "tsu-export.h"
#include "tsu-import-dialog.h"
#include "tsu-members-view.h"
#include "tsu-overview-view.h"
#include "tsu-referrals-view.h"
#include "tsu-restore-dialog.h"
#include "tsu-undo-stack.h"
#include "tsu-view-support.h"
#include "tsu-window.h"

typedef enum
{
  VIEW_OVERVIEW,
  VIEW_MEMBERS,
  VIEW_EVENTS,
  VIEW_REFERRALS,
  VIEW_BUDGET,
  N_VIEWS
} View;

struct _TsuWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwBin               *pages[N_VIEWS];  /* each holds its view once built */
  GtkMenuButton        *network_button;
  GtkLabel             *network_label;

  /* borrowed: children of pages[], NULL until first shown */
  TsuOverviewView      *overview_view;
  TsuMembersView       *members_view;
  TsuEventsView        *events_view;
  TsuReferralsView     *referrals_view;
  TsuBudgetView        *budget_view;

  /* owned */
  TsuDatabase          *database;
  GSettings            *settings;   /* NULL without the schema */
  GtkNativeDialog      *chooser;    /* the file chooser shown now */
  AdwToast             *busy_toast; /* "Backing up…" while a backup runs */
  guint                 n_busy;     /* backups and restores running */
  TsuUndoStack         *undo_stack; /* Ctrl+Z: this session's changes */
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
G_STATIC_ASSERT (G_N_ELEMENTS (view_names) == N_VIEWS);

/* A view is built the first time it is shown. With a council's years of
 * records, building and laying out the four views behind the one shown
 * cost more than the window they sit in; a view not yet built has
 * nothing to show and nothing to reload when the database changes. */
static void
give_view_database (TsuWindow *self,
                    View       view)
{
  switch (view)
    {
    case VIEW_OVERVIEW:
      if (self->overview_view != NULL)
        tsu_overview_view_set_database (self->overview_view, self->database);
      return;
    case VIEW_MEMBERS:
      if (self->members_view != NULL && self->database != NULL)
        tsu_members_view_set_database (self->members_view, self->database);
      break;
    case VIEW_EVENTS:
      if (self->events_view != NULL && self->database != NULL)
        tsu_events_view_set_database (self->events_view, self->database);
      break;
    case VIEW_REFERRALS:
      if (self->referrals_view != NULL && self->database != NULL)
        tsu_referrals_view_set_database (self->referrals_view, self->database);
      break;
    case VIEW_BUDGET:
      if (self->budget_view != NULL && self->database != NULL)
        tsu_budget_view_set_database (self->budget_view, self->database);
      break;
    case N_VIEWS:
    default:
      g_return_if_reached ();
    }
  /* Every view but the overview needs a database. */
  if (adw_bin_get_child (self->pages[view]) != NULL)
    gtk_widget_set_sensitive (adw_bin_get_child (self->pages[view]), self->database != NULL);
}

static void
ensure_view (TsuWindow *self,
             View       view)
{
  GtkWidget *widget;

  if (adw_bin_get_child (self->pages[view]) != NULL)
    return;
  switch (view)
    {
    case VIEW_OVERVIEW:
      widget = tsu_overview_view_new ();
      self->overview_view = TSU_OVERVIEW_VIEW (widget);
      break;
    case VIEW_MEMBERS:
      widget = tsu_members_view_new ();
      self->members_view = TSU_MEMBERS_VIEW (widget);
      break;
    case VIEW_EVENTS:
      widget = tsu_events_view_new ();
      self->events_view = TSU_EVENTS_VIEW (widget);
      break;
    case VIEW_REFERRALS:
      widget = tsu_referrals_view_new ();
      self->referrals_view = TSU_REFERRALS_VIEW (widget);
      break;
    case VIEW_BUDGET:
      widget = tsu_budget_view_new ();
      self->budget_view = TSU_BUDGET_VIEW (widget);
      break;
    case N_VIEWS:
    default:
      g_return_if_reached ();
    }
  adw_bin_set_child (self->pages[view], widget);
  give_view_database (self, view);
}

static void
ensure_visible_view (TsuWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  for (View v = 0; v < N_VIEWS; v++)
    if (g_strcmp0 (name, view_names[v]) == 0)
      ensure_view (self, v);
}

/* Not before the window is on screen: a caller may choose another view
 * first, and the default one would be built for nothing. */
static void
on_visible_view_changed (TsuWindow *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_visible_view (self);
}

static void
tsu_window_map (GtkWidget *widget)
{
  ensure_visible_view (TSU_WINDOW (widget));
  GTK_WIDGET_CLASS (tsu_window_parent_class)->map (widget);
}

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
  tsu_window_warn_if_on_network_share (self);
}

static void show_open_error (TsuWindow    *self,
                             const char   *path,
                             const GError *error,
                             gboolean      at_start);

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
      show_open_error (self, path, error, FALSE);
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
  g_autofree char *path = tsu_file_chooser_dup_path (chooser, response);

  g_clear_object (&self->chooser);
  if (path != NULL)
    tsu_window_open_path (self, path);
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
  g_autofree char *folder = NULL;
  TsuOpenOptions options;

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
  tsu_settings_get_open_options (self->settings, &options, &folder);
  database = tsu_database_open_full (path, &options, &error);
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
  g_autofree char *path = tsu_file_chooser_dup_path (chooser, response);

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

/* The newest backup of @path that can be read, in the folder of the
 * settings or else beside the database; NULL when there is none. */
static TsuBackupInfo *
find_newest_backup (TsuWindow  *self,
                    const char *path)
{
  g_autofree char *folder = tsu_settings_dup_backup_folder (self->settings, path);
  g_autofree char *default_folder = tsu_backup_default_folder (path);
  const char *folders[] = { folder, default_folder };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *newest = NULL;
      g_autoptr(GError) error = NULL;
      TsuBackupInfo *info;

      if (i > 0 && g_strcmp0 (folders[i], folders[0]) == 0)
        break;
      newest = tsu_backup_find_newest (path, folders[i]);
      if (newest == NULL)
        continue;
      info = tsu_backup_info_load (newest, &error);
      if (info != NULL)
        return info;
      g_warning ("The newest backup %s cannot be read: %s", newest, error->message);
    }
  return NULL;
}

static void
open_backup_copy (TsuWindow  *self,
                  const char *backup_path,
                  const char *damaged_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuDatabase) database = NULL;
  g_autofree char *copy = NULL;

  /* The damaged file is never written: the backup is copied beside it and
   * the copy is what opens. */
  copy = tsu_backup_copy_beside (backup_path, damaged_path, &error);
  if (copy != NULL)
    database = tsu_application_open_database (copy, &error);
  if (database == NULL)
    {
      show_message (self, _("Cannot Open the Backup"), error->message);
      return;
    }
  replace_database (self, database, FALSE);
}

static void
open_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  TsuWindow *self = user_data;

  if (g_strcmp0 (response, "open") == 0)
    open_database (self);
  else if (g_strcmp0 (response, "backup") == 0)
    open_backup_copy (self,
                      g_object_get_data (G_OBJECT (dialog), "tsu-backup-path"),
                      g_object_get_data (G_OBJECT (dialog), "tsu-damaged-path"));
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

static const char *
open_error_heading (const GError *error)
{
  if (error->domain != TSU_STORE_ERROR)
    return _("Cannot Open Database");
  switch ((TsuStoreError) error->code)
    {
    case TSU_STORE_ERROR_NOT_TSUNAGU:
      return _("Not a Tsunagu Database");
    case TSU_STORE_ERROR_DAMAGED:
      return _("Database Is Damaged");
    case TSU_STORE_ERROR_TOO_NEW:
      return _("Made by a Newer Version");
    case TSU_STORE_ERROR_READ_ONLY:
      return _("Database Cannot Be Written");
    case TSU_STORE_ERROR_NO_SPACE:
      return _("Disk Is Full");
    case TSU_STORE_ERROR_BUSY:
      return _("Database Is Locked");
    case TSU_STORE_ERROR_CANNOT_OPEN:
    case TSU_STORE_ERROR_FAILED:
    case TSU_STORE_ERROR_INVALID:
    case TSU_STORE_ERROR_NOT_FOUND:
    case TSU_STORE_ERROR_CONFLICT:
    default:
      return _("Cannot Open Database");
    }
}

/* Says why @path could not be opened and offers a way on: another file,
 * the default one (only at start, when the window has none), and for a
 * damaged file a copy of its newest backup. The file itself is left as it
 * is. */
static void
show_open_error (TsuWindow    *self,
                 const char   *path,
                 const GError *error,
                 gboolean      at_start)
{
  g_autofree char *default_path = tsu_database_default_path ();
  g_autoptr(TsuBackupInfo) newest = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (g_error_matches (error, TSU_STORE_ERROR, TSU_STORE_ERROR_DAMAGED)
      || g_error_matches (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_TSUNAGU))
    newest = find_newest_backup (self, path);

  if (newest != NULL)
    {
      g_autofree char *when = tsu_backup_format_time (newest->taken_at, tsu_settings_get_date_style (self->settings));

      /* Translators: the first %s is why the file cannot be opened (it
       * names the file), the second the date and time of a backup */
      body = g_strdup_printf (_("%s\n\nTsunagu can copy the newest backup, of %s, to a new file beside it and open the copy."),
                              error->message, when);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), open_error_heading (error),
                                                       body != NULL ? body : error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  /* Offering the default file only makes sense at start, when it was
   * another one that failed. */
  if (at_start && g_strcmp0 (path, default_path) != 0)
    adw_message_dialog_add_response (dialog, "default", _("Use _Default Database"));
  adw_message_dialog_add_response (dialog, "open", _("_Open Another…"));
  if (newest != NULL)
    {
      adw_message_dialog_add_response (dialog, "backup", _("Open a Copy of the Newest _Backup"));
      adw_message_dialog_set_response_appearance (dialog, "backup", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "backup");
      g_object_set_data_full (G_OBJECT (dialog), "tsu-backup-path", g_strdup (newest->path), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "tsu-damaged-path", g_strdup (path), g_free);
    }
  else
    {
      adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "open");
    }
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
tsu_window_show_open_error (TsuWindow    *self,
                            const char   *path,
                            const GError *error)
{
  g_return_if_fail (TSU_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (error != NULL);

  show_open_error (self, path, error, TRUE);
}

/* ---- network file systems --------------------------------------------- */

static void
update_network_warning (TsuWindow *self)
{
  gboolean on_share = self->database != NULL && tsu_database_is_on_network_share (self->database);

  gtk_widget_set_visible (GTK_WIDGET (self->network_button), on_share);
  if (on_share)
    {
      g_autofree char *name = g_filename_display_basename (tsu_database_get_path (self->database));
      g_autofree char *text = NULL;

      /* Translators: %s is a file name */
      text = g_strdup_printf (_("“%s” is on a network drive. If two PCs write to it at the same time, the file can be damaged. Keep the database on a local disk and share exported files instead, or make sure that only one PC has it open at a time."),
                              name);
      gtk_label_set_text (self->network_label, text);
    }
}

void
tsu_window_warn_if_on_network_share (TsuWindow *self)
{
  GtkWidget *dialog;

  g_return_if_fail (TSU_IS_WINDOW (self));

  if (self->database == NULL || !tsu_database_is_on_network_share (self->database))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Database on a Network Drive"),
                                   gtk_label_get_text (self->network_label));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_I Understand"));
  gtk_widget_set_name (dialog, "network-warning-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- backup and restore ----------------------------------------------- */

static void update_actions (TsuWindow *self);

char *
tsu_window_dup_backup_folder (TsuWindow *self)
{
  g_return_val_if_fail (TSU_IS_WINDOW (self), NULL);

  if (self->database == NULL)
    return NULL;
  /* The settings of now, not of when the database was opened: a folder
   * chosen in the preferences applies to the next backup. */
  return tsu_settings_dup_backup_folder (self->settings, tsu_database_get_path (self->database));
}

static void
set_busy (TsuWindow *self,
          gboolean   busy)
{
  if (busy)
    self->n_busy++;
  else
    self->n_busy--;
  update_actions (self);
}

static void
open_folder_clicked_cb (AdwToast   *toast,
                        const char *uri)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Could not open %s: %s", uri, error->message);
}

static void
back_up_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TsuWindow *self = g_task_get_source_object (task);
  const char *destination = g_task_get_task_data (task);
  /* Closed while the backup ran: there is nothing left to show it in. */
  gboolean closed = self->toast_overlay == NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *folder = NULL;
  AdwToast *toast;

  set_busy (self, FALSE);
  if (self->busy_toast != NULL)
    {
      adw_toast_dismiss (self->busy_toast);
      g_clear_object (&self->busy_toast);
    }
  if (!tsu_backup_task_copy_finish (result, &error))
    {
      if (closed)
        g_warning ("The backup failed: %s", error->message);
      else
        show_message (self, _("Backup Failed"), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (closed)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A toast's title is markup. */
  display = tsu_display_path (destination);
  shown = g_markup_escape_text (display, -1);
  folder = g_path_get_dirname (destination);
  /* Translators: %s is a file */
  toast = adw_toast_new_format (_("Backed up to “%s”"), shown);
  adw_toast_set_button_label (toast, _("Open _Folder"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder_clicked_cb),
                         g_filename_to_uri (folder, NULL, NULL),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  tsu_window_add_toast (self, toast);
  g_task_return_boolean (task, TRUE);
}

void
tsu_window_back_up (TsuWindow           *self,
                    const char          *destination,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TSU_IS_WINDOW (self));
  g_return_if_fail (destination != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tsu_window_back_up);
  g_task_set_task_data (task, g_strdup (destination), g_free);
  if (self->database == NULL)
    {
      g_task_return_new_error (task, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                               _("No database is open."));
      return;
    }

  set_busy (self, TRUE);
  if (self->busy_toast == NULL)
    {
      self->busy_toast = adw_toast_new (_("Backing up…"));
      adw_toast_set_timeout (self->busy_toast, 0);
      tsu_window_add_toast (self, g_object_ref (self->busy_toast));
    }
  /* The worker's task holds no reference to the window: its thread may
   * drop its own after the window's task has ended. */
  tsu_backup_task_copy_async (NULL, tsu_database_get_path (self->database), destination,
                              cancellable, back_up_done_cb, g_steal_pointer (&task));
}

gboolean
tsu_window_back_up_finish (TsuWindow     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TsuWindow *self = g_task_get_source_object (task);
  g_autoptr(TsuBackupInfo) info = NULL;
  g_autoptr(TsuDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *when = NULL;
  const char *path = g_task_get_task_data (task);
  TsuOpenOptions options;

  set_busy (self, FALSE);
  info = tsu_backup_task_restore_finish (result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Closed while the restore ran: the next opening sees the restored file. */
  if (self->toast_overlay == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A connection opened after the restore: every view and cached
   * statement starts again from the new content. The before-restore
   * backup has just been taken, so no automatic one. */
  tsu_settings_get_open_options (self->settings, &options, &folder);
  options.no_automatic_backup = TRUE;
  database = tsu_database_open_full (path, &options, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  tsu_window_set_database (self, database);

  when = tsu_backup_format_time (info->taken_at, tsu_settings_get_date_style (self->settings));
  /* Translators: %s is the date and time of the backup */
  tsu_window_add_toast (self, adw_toast_new_format (_("Restored the backup of %s"), when));
  g_task_return_boolean (task, TRUE);
}

void
tsu_window_restore (TsuWindow           *self,
                    const char          *backup_path,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *folder = NULL;

  g_return_if_fail (TSU_IS_WINDOW (self));
  g_return_if_fail (backup_path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tsu_window_restore);
  if (self->database == NULL)
    {
      g_task_return_new_error (task, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                               _("No database is open."));
      return;
    }
  g_task_set_task_data (task, g_strdup (tsu_database_get_path (self->database)), g_free);

  folder = tsu_window_dup_backup_folder (self);
  set_busy (self, TRUE);
  tsu_backup_task_restore_async (NULL, tsu_database_get_path (self->database), backup_path, folder,
                                 cancellable, restore_done_cb, g_steal_pointer (&task));
}

gboolean
tsu_window_restore_finish (TsuWindow     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* "council-2026-11-24T101500-manual.db": the store's name for a backup,
 * so that it is listed under Restore too. */
static char *
suggest_backup_name (const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H%M%S");
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strdup_printf ("%s-%s-manual.db", base, stamp);
}

static void
back_up_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  TsuWindow *self = user_data;
  g_autofree char *path = tsu_file_chooser_dup_path (chooser, response);

  g_clear_object (&self->chooser);
  if (path != NULL)
    tsu_window_back_up (self, path, NULL, NULL, NULL);
}

static void
back_up (TsuWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->database == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Back Up Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), _("_Cancel"));
  add_database_filters (GTK_FILE_CHOOSER (chooser));
  /* The backup folder, made now if no backup was taken yet, so that the
   * copy is found by Restore later. */
  folder = tsu_window_dup_backup_folder (self);
  if (g_mkdir_with_parents (folder, 0700) == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  else
    chooser_start_at_current (self, GTK_FILE_CHOOSER (chooser));
  name = suggest_backup_name (tsu_database_get_path (self->database));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (back_up_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
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
back_up_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  back_up (TSU_WINDOW (user_data));
}

static void
restore_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TsuWindow *self = TSU_WINDOW (user_data);
  GtkWidget *dialog;

  if (self->database == NULL)
    return;
  dialog = tsu_restore_dialog_new (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TsuWindow *self = TSU_WINDOW (user_data);

  if (self->undo_stack != NULL)
    tsu_undo_stack_undo_in_widget (self->undo_stack, GTK_WIDGET (self));
}

static void
export_audit_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  TsuWindow *self = TSU_WINDOW (user_data);

  if (self->database != NULL)
    tsu_export_audit_trail (GTK_WIDGET (self), self->database);
}

/* The shortcuts window is built the first time it is asked for, not with
 * every window (GtkApplication would, from gtk/help-overlay.ui): it is a
 * window of its own, and building it cost a tenth of the start. Once set,
 * GtkApplicationWindow's own "show-help-overlay" takes this one's place. */
static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      builder = gtk_builder_new_from_resource ("/jp/tsunagu/Tsunagu/tsu-help-overlay.ui");
      /* Not a template: the one object a GtkShortcutsWindow file has. */
      overlay = gtk_builder_get_object (builder, "help_overlay");
      g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (overlay));
      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (overlay));
    }
  /* Presented here: GTK adds no show-help-overlay action of its own while
   * this one has the name, so activating it again would come back here. */
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
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
  { .name = "backup", .activate = back_up_activated },
  { .name = "restore", .activate = restore_activated },
  { .name = "show-view", .activate = show_view_activated, .parameter_type = "s" },
  { .name = "show-help-overlay", .activate = show_help_overlay_activated },
  { .name = "undo", .activate = undo_activated },
  { .name = "export-audit", .activate = export_audit_activated },
};

static void
update_actions (TsuWindow *self)
{
  static const char * const need_database[] = { "import", "backup", "restore", "export-audit" };

  for (guint i = 0; i < G_N_ELEMENTS (need_database); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), need_database[i]);
      /* One backup or restore at a time: a restore replaces the file the
       * other would read. */
      gboolean enabled = self->database != NULL && (i == 0 || i == 3 || self->n_busy == 0);

      /* None once the window is disposed and a worker ends after it. */
      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
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
  g_clear_object (&self->busy_toast);
  /* libadwaita 1.2 switchers crash when the stack they show goes first. */
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_WINDOW);
  self->overview_view = NULL;
  self->members_view = NULL;
  self->events_view = NULL;
  self->referrals_view = NULL;
  self->budget_view = NULL;
  g_clear_object (&self->undo_stack);
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
  widget_class->map = tsu_window_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TSU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, stack);
  for (View v = 0; v < N_VIEWS; v++)
    {
      g_autofree char *id = g_strconcat (view_names[v], "_page", NULL);

      gtk_widget_class_bind_template_child_full (widget_class, id, FALSE,
                                                 G_STRUCT_OFFSET (TsuWindow, pages) + v * sizeof (AdwBin *));
    }
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, network_button);
  gtk_widget_class_bind_template_child (widget_class, TsuWindow, network_label);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed);
}

static void
tsu_window_init (TsuWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "undo")),
                               FALSE);
  /* Not an application accelerator: those run in the capture phase and
   * would take Ctrl+Z from a text field's own undo. */
  gtk_widget_add_controller (GTK_WIDGET (self), tsu_undo_shortcut_controller_new ("win.undo"));
  self->settings = tsu_settings_new ();
  restore_size (self);
  update_subtitle (self);
  update_actions (self);
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

  /* Ctrl+Z undoes what was done to the database shown, in this window. */
  g_clear_object (&self->undo_stack);
  if (database != NULL)
    {
      self->undo_stack = tsu_undo_stack_new (database);
      g_object_bind_property (self->undo_stack, "can-undo",
                              g_action_map_lookup_action (G_ACTION_MAP (self), "undo"), "enabled",
                              G_BINDING_SYNC_CREATE);
    }
  else
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "undo")),
                                 FALSE);

  for (View v = 0; v < N_VIEWS; v++)
    give_view_database (self, v);
  update_subtitle (self);
  update_actions (self);
  update_network_warning (self);
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
