/* tsu-export.c: the views' "Export to Excel" flow, written once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-audit-report.h"
#include "tsu-export.h"
#include "tsu-view-support.h"

static GtkWindow *
widget_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

typedef struct
{
  TsuDatabase        *database;       /* the view's, for its path */
  char               *database_path;
  char               *path;
  char               *error_heading;
  TsuExportWriteFunc  write;
  gpointer            data;
  GDestroyNotify      data_free;
  TsuExportBusyFunc   busy;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->database);
  g_free (export->database_path);
  g_free (export->path);
  g_free (export->error_heading);
  if (export->data_free != NULL)
    export->data_free (export->data);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(TsuDatabase) database = NULL;
  GError *error = NULL;

  TsuOpenOptions options = { 0 };

  /* A connection of its own: SQLite handles are not shared between
   * threads. The window's connection has taken the day's backup. */
  options.no_automatic_backup = TRUE;
  database = tsu_database_open_full (export->database_path, &options, &error);
  if (database == NULL
      || !export->write (database, export->path, export->data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_open_clicked (AdwToast   *toast,
                 const char *uri)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Could not open %s: %s", uri, error->message);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GtkWidget *widget = GTK_WIDGET (source);
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  AdwToast *toast;

  if (export->busy != NULL)
    export->busy (widget, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      tsu_widget_show_error (widget, export->error_heading, error->message);
      return;
    }

  basename = g_path_get_basename (export->path);
  /* Translators: %s is a file name */
  toast = adw_toast_new_format (_("Saved “%s”"), basename);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked),
                         g_filename_to_uri (export->path, NULL, NULL),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  tsu_widget_add_toast (widget, toast);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    GtkWidget       *widget)
{
  Export *export = g_object_steal_data (G_OBJECT (chooser), "tsu-export");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || g_file_peek_path (file) == NULL)
    {
      export_free (export);
      return;
    }

  export->database_path = g_strdup (tsu_database_get_path (export->database));
  export->path = g_file_get_path (file);
  if (!g_str_has_suffix (export->path, ".xlsx"))
    {
      char *with_suffix = g_strconcat (export->path, ".xlsx", NULL);

      g_free (export->path);
      export->path = with_suffix;
    }

  if (export->busy != NULL)
    export->busy (widget, TRUE);
  task = g_task_new (widget, NULL, on_export_done, NULL);
  g_task_set_source_tag (task, tsu_export_workbook);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

void
tsu_export_workbook (GtkWidget          *widget,
                     TsuDatabase        *database,
                     const char         *suggested_name,
                     const char         *error_heading,
                     TsuExportWriteFunc  write,
                     gpointer            data,
                     GDestroyNotify      data_free,
                     TsuExportBusyFunc   busy)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GFile) folder = NULL;
  const char *folder_path;
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (TSU_IS_DATABASE (database));
  g_return_if_fail (suggested_name != NULL);
  g_return_if_fail (error_heading != NULL);
  g_return_if_fail (write != NULL);

  export = g_new0 (Export, 1);
  export->database = g_object_ref (database);
  export->error_heading = g_strdup (error_heading);
  export->write = write;
  export->data = data;
  export->data_free = data_free;
  export->busy = busy;

  chooser = gtk_file_chooser_native_new (_("Export to Excel"), widget_window (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Excel Workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Start in Documents rather than wherever the program was started. */
  folder_path = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (folder_path == NULL || !g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    folder_path = g_get_home_dir ();
  folder = g_file_new_for_path (folder_path);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_object_set_data (G_OBJECT (chooser), "tsu-export", export);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
write_audit_trail (TsuDatabase  *database,
                   const char   *path,
                   gpointer      data,
                   GError      **error)
{
  return tsu_audit_report_export_xlsx (database, data, path, error);
}

void
tsu_export_audit_trail (GtkWidget   *widget,
                        TsuDatabase *database)
{
  TsuAuditReportOptions *options;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (TSU_IS_DATABASE (database));

  options = g_new0 (TsuAuditReportOptions, 1);
  tsu_audit_report_options_init (options);
  /* Translators: the suggested file name of the exported audit trail; %s
   * is today's date, 2026-11-24 */
  name = g_strdup_printf (_("Audit Trail %s.xlsx"), today);
  tsu_export_workbook (widget, database, name, _("Could Not Export the Audit Trail"),
                       write_audit_trail, options, g_free, NULL);
}
