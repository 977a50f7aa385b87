/* tsu-restore-dialog.c: choose a backup, see its date and counts, restore.
 *
 * The counts are read in a thread, as a backup on a slow disk can take a
 * moment to open; the restore itself is the window's (tsu_window_restore),
 * which backs up the current state first and reloads every view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-application.h"
#include "tsu-backup-tasks.h"
#include "tsu-restore-dialog.h"
#include "tsu-view-support.h"

struct _TsuRestoreDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkButton     *cancel_button;
  GtkButton     *restore_button;
  GtkButton     *choose_button;
  GtkSpinner    *spinner;
  GtkLabel      *intro_label;
  GtkListBox    *backup_list;
  GtkLabel      *empty_label;
  GtkLabel      *details_label;

  /* owned */
  TsuWindow       *window;
  GSettings       *settings;          /* NULL without the schema */
  GCancellable    *info_cancellable;  /* reading the selected backup */
  TsuBackupInfo   *selected_info;     /* NULL until read, or unreadable */
  GtkNativeDialog *chooser;
  gboolean         restoring;
  gboolean         disposing;  /* the list unselects its rows as it goes */
};

G_DEFINE_FINAL_TYPE (TsuRestoreDialog, tsu_restore_dialog, ADW_TYPE_WINDOW)

#define PATH_KEY "tsu-backup-path"

static TsuDateStyle
date_style (TsuRestoreDialog *self)
{
  return tsu_settings_get_date_style (self->settings);
}

static void
update_sensitivity (TsuRestoreDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button),
                            !self->restoring && self->selected_info != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), !self->restoring);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !self->restoring);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_list), !self->restoring);
  gtk_spinner_set_spinning (self->spinner, self->restoring || self->info_cancellable != NULL);
}

static GtkWidget *
new_row (const char *path,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), PATH_KEY, g_strdup (path), g_free);
  return row;
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const TsuBackupInfo *x = *(TsuBackupInfo * const *) a;
  const TsuBackupInfo *y = *(TsuBackupInfo * const *) b;

  return g_date_time_compare (y->taken_at, x->taken_at);
}

/* The backups in the folder of the settings and, when that is another
 * one, in "backups" beside the database (those taken before the folder
 * was changed). */
static void
fill_list (TsuRestoreDialog *self)
{
  TsuDatabase *database = tsu_window_get_database (self->window);
  const char *database_path = tsu_database_get_path (database);
  g_autofree char *folder = tsu_window_dup_backup_folder (self->window);
  g_autofree char *default_folder = tsu_backup_default_folder (database_path);
  g_autofree char *name = g_filename_display_basename (database_path);
  g_autofree char *shown_folder = tsu_display_path (folder);
  g_autofree char *intro = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_backup_info_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *folders[] = { folder, default_folder };

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr(GPtrArray) backups = NULL;
      g_autoptr(GError) error = NULL;

      if (f > 0 && g_strcmp0 (folders[f], folders[0]) == 0)
        break;
      backups = tsu_backup_list (database_path, folders[f], &error);
      if (backups == NULL)
        {
          g_warning ("Cannot list the backups in %s: %s", folders[f], error->message);
          continue;
        }
      g_ptr_array_set_free_func (backups, NULL);
      for (guint i = 0; i < backups->len; i++)
        {
          TsuBackupInfo *info = g_ptr_array_index (backups, i);

          if (g_hash_table_add (seen, info->path))
            g_ptr_array_add (all, info);
          else
            tsu_backup_info_free (info);
        }
    }
  g_ptr_array_sort (all, compare_newest_first);

  for (guint i = 0; i < all->len; i++)
    {
      TsuBackupInfo *info = g_ptr_array_index (all, i);
      g_autofree char *when = tsu_backup_format_time (info->taken_at, date_style (self));
      g_autofree char *reason = tsu_backup_describe_reason (info->reason);

      gtk_list_box_append (self->backup_list, new_row (info->path, when, reason));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->backup_list), all->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), all->len == 0);

  /* Translators: the first %s is a file name, the second a folder */
  intro = g_strdup_printf (_("Backups of “%s” in %s, newest first. Restoring one replaces everything in the database with what the backup holds."),
                           name, shown_folder);
  gtk_label_set_text (self->intro_label, intro);
}

static char *
describe_info (TsuRestoreDialog    *self,
               const TsuBackupInfo *info)
{
  g_autofree char *when = tsu_backup_format_time (info->taken_at, date_style (self));
  g_autofree char *counts = tsu_backup_describe_counts (info);
  GString *text = g_string_new (NULL);

  /* Translators: %s is a date and time */
  g_string_append_printf (text, _("Backup of %s"), when);
  g_string_append_c (text, '\n');
  g_string_append (text, counts);
  if (info->schema_version < TSU_DATABASE_SCHEMA_VERSION)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Made by an earlier version of Tsunagu; it is brought up to date when restored."));
    }
  return g_string_free (text, FALSE);
}

static void
info_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TsuRestoreDialog) self = user_data;
  g_autoptr(TsuBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = tsu_backup_task_load_info_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_task_get_cancellable (G_TASK (result)) != self->info_cancellable)
    return;  /* another backup was selected meanwhile */

  if (info == NULL)
    {
      /* Not a Tsunagu file, a newer version, damaged: the store says so. */
      gtk_label_set_text (self->details_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "error");
    }
  else
    {
      g_autofree char *text = describe_info (self, info);

      gtk_label_set_text (self->details_label, text);
      self->selected_info = g_steal_pointer (&info);
    }
  g_clear_object (&self->info_cancellable);
  update_sensitivity (self);
}

static void
row_selected_cb (TsuRestoreDialog *self,
                 GtkListBoxRow    *row)
{
  const char *path = row != NULL ? g_object_get_data (G_OBJECT (row), PATH_KEY) : NULL;

  if (self->disposing)
    return;
  if (self->info_cancellable != NULL)
    g_cancellable_cancel (self->info_cancellable);
  g_clear_object (&self->info_cancellable);
  g_clear_pointer (&self->selected_info, tsu_backup_info_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->details_label), "error");

  if (path == NULL)
    {
      gtk_label_set_text (self->details_label, _("Select a backup to see what it holds."));
      update_sensitivity (self);
      return;
    }
  gtk_label_set_text (self->details_label, _("Reading the backup…"));
  self->info_cancellable = g_cancellable_new ();
  tsu_backup_task_load_info_async (NULL, path, self->info_cancellable, info_loaded_cb, g_object_ref (self));
  update_sensitivity (self);
}

/* ---- restore ---------------------------------------------------------- */

static void
show_error (TsuRestoreDialog *self,
            const char       *heading,
            const char       *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TsuRestoreDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->restoring = FALSE;
  if (!tsu_window_restore_finish (TSU_WINDOW (source), result, &error) && self->disposing)
    {
      /* Destroyed meanwhile (the main window closed): say it there. */
      g_warning ("Could not restore: %s", error->message);
      return;
    }
  if (error != NULL)
    {
      update_sensitivity (self);
      gtk_label_set_text (self->details_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "error");
      show_error (self, _("Cannot Restore"), error->message);
      return;
    }
  /* The window says what was restored. */
  if (!self->disposing)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TsuRestoreDialog *self)
{
  g_autofree char *path = NULL;

  if (!g_str_equal (response, "restore") || self->selected_info == NULL || self->restoring)
    return;

  path = g_strdup (self->selected_info->path);
  self->restoring = TRUE;
  gtk_label_set_text (self->details_label, _("Restoring…"));
  update_sensitivity (self);
  tsu_window_restore (self->window, path, NULL, restore_done_cb, g_object_ref (self));
}

static void
restore_clicked_cb (TsuRestoreDialog *self)
{
  TsuDatabase *database = tsu_window_get_database (self->window);
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->selected_info == NULL || self->restoring || database == NULL)
    return;

  name = g_filename_display_basename (tsu_database_get_path (database));
  when = tsu_backup_format_time (self->selected_info->taken_at, date_style (self));
  counts = tsu_backup_describe_counts (self->selected_info);
  /* Translators: the first %s is a file name, the second a date and time,
   * the third the numbers of records in the backup */
  body = g_strdup_printf (_("Everything in “%s” will be replaced by the backup of %s (%s).\n\nThe current state is backed up first, so it can be brought back the same way."),
                          name, when, counts);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- another file ----------------------------------------------------- */

static void
choose_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    TsuRestoreDialog *self)
{
  g_autofree char *path = tsu_file_chooser_dup_path (chooser, response);

  g_clear_object (&self->chooser);
  if (path != NULL)
    tsu_restore_dialog_add_file (self, path);
}

static void
choose_clicked_cb (TsuRestoreDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *folder = tsu_window_dup_backup_folder (self->window);

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Choose a Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (databases, _("Tsunagu databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* ---- GObject ---------------------------------------------------------- */

/* A restore, once started, runs to its end: closing now would hide how it
 * ended. */
static gboolean
tsu_restore_dialog_close_request (GtkWindow *window)
{
  TsuRestoreDialog *self = TSU_RESTORE_DIALOG (window);

  if (self->restoring)
    return TRUE;
  return GTK_WINDOW_CLASS (tsu_restore_dialog_parent_class)->close_request (window);
}

static void
tsu_restore_dialog_dispose (GObject *object)
{
  TsuRestoreDialog *self = TSU_RESTORE_DIALOG (object);

  self->disposing = TRUE;
  if (self->info_cancellable != NULL)
    g_cancellable_cancel (self->info_cancellable);
  g_clear_object (&self->info_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_RESTORE_DIALOG);
  g_clear_pointer (&self->selected_info, tsu_backup_info_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->window);

  G_OBJECT_CLASS (tsu_restore_dialog_parent_class)->dispose (object);
}

static void
tsu_restore_dialog_class_init (TsuRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tsu_restore_dialog_dispose;
  window_class->close_request = tsu_restore_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsuRestoreDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TsuRestoreDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, TsuRestoreDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, TsuRestoreDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TsuRestoreDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, TsuRestoreDialog, backup_list);
  gtk_widget_class_bind_template_child (widget_class, TsuRestoreDialog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, TsuRestoreDialog, details_label);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tsu_restore_dialog_init (TsuRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = tsu_settings_new ();
}

GtkWidget *
tsu_restore_dialog_new (TsuWindow *window)
{
  TsuRestoreDialog *self;

  g_return_val_if_fail (TSU_IS_WINDOW (window), NULL);
  g_return_val_if_fail (tsu_window_get_database (window) != NULL, NULL);

  self = g_object_new (TSU_TYPE_RESTORE_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  fill_list (self);
  return GTK_WIDGET (self);
}

void
tsu_restore_dialog_add_file (TsuRestoreDialog *self,
                             const char       *path)
{
  g_autofree char *name = NULL;
  GtkWidget *row;

  g_return_if_fail (TSU_IS_RESTORE_DIALOG (self));
  g_return_if_fail (path != NULL);

  name = g_filename_display_basename (path);
  row = new_row (path, name, _("Chosen file"));
  gtk_list_box_prepend (self->backup_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->backup_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
  gtk_list_box_select_row (self->backup_list, GTK_LIST_BOX_ROW (row));
}

const char *
tsu_restore_dialog_get_selected_path (TsuRestoreDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TSU_IS_RESTORE_DIALOG (self), NULL);

  row = gtk_list_box_get_selected_row (self->backup_list);
  return row != NULL ? g_object_get_data (G_OBJECT (row), PATH_KEY) : NULL;
}
