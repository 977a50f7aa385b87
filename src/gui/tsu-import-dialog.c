/* tsu-import-dialog.c: choose a CSV file, see what it would do, then
 * import it, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-import-dialog.h"
#include "tsu-window.h"

struct _TsuImportDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwComboRow   *kind_row;
  AdwActionRow  *file_row;
  GtkSwitch     *update_switch;
  GtkWidget     *result_group;
  GtkSpinner    *spinner;
  GtkLabel      *summary_label;
  GtkWidget     *problems_scroller;
  GtkStringList *problems;
  GtkWidget     *cancel_button;
  GtkWidget     *import_button;

  /* owned */
  TsuDatabase          *database;
  GFile                *file;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  guint                 generation;  /* of the last check started */
  gboolean              committing;
};

G_DEFINE_FINAL_TYPE (TsuImportDialog, tsu_import_dialog, ADW_TYPE_WINDOW)

/* The file is read and checked in a GTask thread: a spreadsheet of a few
 * thousand rows, read as CP932, normalised and sorted, would freeze the
 * window for a noticeable time. A TsuDatabase (an SQLite connection with
 * its cache of prepared statements) must not be shared across threads,
 * so the thread opens its own connection to the same file; SQLite's
 * locking keeps the two apart. */
typedef struct
{
  char           *database_path;
  char           *csv_path;
  TsuImportKind   kind;
  TsuImportFlags  flags;
  guint           generation;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->database_path);
  g_free (job->csv_path);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(TsuDatabase) database = NULL;
  TsuImportResult *result;
  GError *error = NULL;

  /* The window's connection has taken the day's backup. */
  database = tsu_database_open_full (job->database_path,
                                     &(TsuOpenOptions) { .no_automatic_backup = TRUE }, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = tsu_import_csv (database, job->kind, job->csv_path, job->flags, &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) tsu_import_result_free);
}

/* The kinds in the order of the "Records" row's items. */
static const TsuImportKind dialog_kinds[] = {
  TSU_IMPORT_ORGANIZATIONS,
  TSU_IMPORT_PEOPLE,
  TSU_IMPORT_BUDGET,
  TSU_IMPORT_PAYMENTS,
  TSU_IMPORT_REFERRALS,
};

static TsuImportKind
get_kind (TsuImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < G_N_ELEMENTS (dialog_kinds) ? dialog_kinds[selected] : TSU_IMPORT_ORGANIZATIONS;
}

/* The table whose views must reload after an import of @kind. */
static const char *
kind_table (TsuImportKind kind)
{
  switch (kind)
    {
    case TSU_IMPORT_PEOPLE:
      return "people";
    case TSU_IMPORT_EVENTS:
      return "events";
    case TSU_IMPORT_SESSIONS:
      return "event_sessions";
    case TSU_IMPORT_ATTENDEES:
      return "attendees";
    case TSU_IMPORT_BUDGET:
      return "budget_lines";
    case TSU_IMPORT_PAYMENTS:
      return "payments";
    case TSU_IMPORT_REFERRALS:
      return "referrals";
    case TSU_IMPORT_ORGANIZATIONS:
    default:
      return "organizations";
    }
}

static void
start_job (TsuImportDialog     *self,
           TsuImportFlags       flags,
           GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);

  job->database_path = g_strdup (tsu_database_get_path (self->database));
  job->csv_path = g_file_get_path (self->file);
  job->kind = get_kind (self);
  job->flags = flags;
  if (gtk_switch_get_active (self->update_switch))
    job->flags |= TSU_IMPORT_FLAGS_UPDATE;
  job->generation = ++self->generation;

  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
show_busy (TsuImportDialog *self,
           const char      *text)
{
  gtk_widget_set_visible (self->result_group, TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_label_set_label (self->summary_label, text);
  gtk_widget_set_visible (self->problems_scroller, FALSE);
  gtk_widget_set_sensitive (self->import_button, FALSE);
}

static void
show_summary (TsuImportDialog *self,
              const char      *text,
              GPtrArray       *problems)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->problems));

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_label_set_label (self->summary_label, text);

  if (problems != NULL)
    g_ptr_array_add (problems, NULL);
  gtk_string_list_splice (self->problems, 0, n_old,
                          problems != NULL ? (const char * const *) problems->pdata : NULL);
  if (problems != NULL)
    g_ptr_array_remove_index (problems, problems->len - 1);
  gtk_widget_set_visible (self->problems_scroller, problems != NULL && problems->len > 0);
}

static char *
describe_changes (TsuImportKind kind,
                  guint         added,
                  guint         updated)
{
  switch (kind)
    {
    case TSU_IMPORT_PEOPLE:
      return g_strdup_printf (_("%u people will be added, %u updated."), added, updated);
    case TSU_IMPORT_EVENTS:
      return g_strdup_printf (_("%u events will be added, %u updated."), added, updated);
    case TSU_IMPORT_SESSIONS:
      return g_strdup_printf (_("%u sessions will be added, %u updated."), added, updated);
    case TSU_IMPORT_ATTENDEES:
      return g_strdup_printf (_("%u attendees will be added, %u updated."), added, updated);
    case TSU_IMPORT_BUDGET:
      return g_strdup_printf (_("%u budget lines will be added, %u updated."), added, updated);
    case TSU_IMPORT_PAYMENTS:
      return g_strdup_printf (_("%u payments will be added, %u updated."), added, updated);
    case TSU_IMPORT_REFERRALS:
      return g_strdup_printf (_("%u referrals will be added, %u updated."), added, updated);
    case TSU_IMPORT_ORGANIZATIONS:
    default:
      return g_strdup_printf (_("%u organizations will be added, %u updated."), added, updated);
    }
}

/* The result of a finished job, or NULL when there is nothing more to
 * do with it: its error, or its problems under @problems_heading, are
 * shown instead. */
static TsuImportResult *
job_result (TsuImportDialog *self,
            GTask           *task,
            const char      *problems_heading)
{
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (task, &error);
  if (result == NULL)
    show_summary (self, error->message, NULL);
  else if (result->problems != NULL && result->problems->len > 0)
    show_summary (self, problems_heading, result->problems);
  else
    return g_steal_pointer (&result);
  return NULL;
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *async_result,
               gpointer      user_data)
{
  TsuImportDialog *self = TSU_IMPORT_DIALOG (object);
  GTask *task = G_TASK (async_result);
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(TsuImportResult) result = NULL;
  g_autofree char *text = NULL;

  /* Closed meanwhile, or the user changed the choice and a newer check
   * runs. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)) || job->generation != self->generation)
    return;

  result = job_result (self, task, _("The file has problems. Nothing will be imported until they are corrected:"));
  if (result == NULL)
    return;
  if (result->added + result->updated == 0)
    {
      show_summary (self, _("The file holds no records to import."), NULL);
      return;
    }
  text = describe_changes (job->kind, result->added, result->updated);
  /* Payments past a line's budget are imported all the same; the list
   * under the summary is the confirmation the window asks for elsewhere. */
  if (result->warnings != NULL && result->warnings->len > 0)
    {
      g_autofree char *with_warnings = g_strdup_printf ("%s %s", text,
                                                        _("Some payments go past their line’s budget:"));

      show_summary (self, with_warnings, result->warnings);
    }
  else
    show_summary (self, text, NULL);
  gtk_widget_set_sensitive (self->import_button, TRUE);
}

/* Runs the import as a trial, which rolls back, to show what it would do. */
static void
check (TsuImportDialog *self)
{
  if (self->file == NULL || self->committing)
    return;
  show_busy (self, _("Checking the file…"));
  start_job (self, TSU_IMPORT_FLAGS_DRY_RUN, check_done_cb);
}

static void
set_committing (TsuImportDialog *self,
                gboolean         committing)
{
  self->committing = committing;
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), !committing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_row), !committing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->update_switch), !committing);
  gtk_widget_set_sensitive (self->cancel_button, !committing);
  gtk_window_set_deletable (GTK_WINDOW (self), !committing);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  TsuImportDialog *self = TSU_IMPORT_DIALOG (object);
  GTask *task = G_TASK (async_result);
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(TsuImportResult) result = NULL;
  g_autofree char *text = NULL;
  GtkWindow *parent;

  set_committing (self, FALSE);
  /* The file may have been edited since it was checked. */
  result = job_result (self, task, _("The file has problems. Nothing was imported:"));
  if (result == NULL)
    return;

  /* The rows were written through the thread's own connection; tell the
   * views that follow the window's connection to reload. */
  tsu_database_emit_changed (self->database, kind_table (job->kind));
  /* A referrals file writes its cases too. */
  if (job->kind == TSU_IMPORT_REFERRALS)
    tsu_database_emit_changed (self->database, "cases");

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (TSU_IS_WINDOW (parent))
    {
      if (job->kind == TSU_IMPORT_PEOPLE)
        text = g_strdup_printf (_("Imported people: %u added, %u updated"), result->added, result->updated);
      else if (job->kind == TSU_IMPORT_BUDGET)
        text = g_strdup_printf (_("Imported budget lines: %u added, %u updated"), result->added, result->updated);
      else if (job->kind == TSU_IMPORT_PAYMENTS)
        text = g_strdup_printf (_("Imported payments: %u added, %u updated"), result->added, result->updated);
      else if (job->kind == TSU_IMPORT_REFERRALS)
        text = g_strdup_printf (_("Imported referrals: %u added, %u updated"), result->added, result->updated);
      else
        text = g_strdup_printf (_("Imported organizations: %u added, %u updated"), result->added, result->updated);
      tsu_window_add_toast (TSU_WINDOW (parent), adw_toast_new (text));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (TsuImportDialog *self)
{
  if (self->file == NULL || self->committing)
    return;
  set_committing (self, TRUE);
  show_busy (self, _("Importing…"));
  start_job (self, TSU_IMPORT_FLAGS_NONE, import_done_cb);
}

static void
cancel_clicked_cb (TsuImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
options_changed_cb (TsuImportDialog *self)
{
  check (self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     TsuImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        tsu_import_dialog_set_file (self, get_kind (self), file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (TsuImportDialog *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
tsu_import_dialog_close_request (GtkWindow *window)
{
  TsuImportDialog *self = TSU_IMPORT_DIALOG (window);

  /* Half an import cannot be taken back by closing the window; it is
   * one transaction and finishes quickly. */
  if (self->committing)
    return TRUE;
  return GTK_WINDOW_CLASS (tsu_import_dialog_parent_class)->close_request (window);
}

static void
tsu_import_dialog_dispose (GObject *object)
{
  TsuImportDialog *self = TSU_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->database);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tsu_import_dialog_parent_class)->dispose (object);
}

static void
tsu_import_dialog_class_init (TsuImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tsu_import_dialog_dispose;
  window_class->close_request = tsu_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsuImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TsuImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, TsuImportDialog, update_switch);
  gtk_widget_class_bind_template_child (widget_class, TsuImportDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, TsuImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TsuImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TsuImportDialog, problems_scroller);
  gtk_widget_class_bind_template_child (widget_class, TsuImportDialog, problems);
  gtk_widget_class_bind_template_child (widget_class, TsuImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TsuImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tsu_import_dialog_init (TsuImportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tsu_import_dialog_new (GtkWindow   *parent,
                       TsuDatabase *database)
{
  TsuImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);

  self = g_object_new (TSU_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  return GTK_WIDGET (self);
}

void
tsu_import_dialog_set_file (TsuImportDialog *self,
                            TsuImportKind    kind,
                            GFile           *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (TSU_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  name = g_file_get_parse_name (file);
  adw_action_row_set_subtitle (self->file_row, name);

  /* Changing the row runs the check through its notify handler. */
  if (get_kind (self) != kind)
    {
      guint index = 0;

      for (guint i = 0; i < G_N_ELEMENTS (dialog_kinds); i++)
        if (dialog_kinds[i] == kind)
          index = i;
      adw_combo_row_set_selected (self->kind_row, index);
    }
  else
    check (self);
}
