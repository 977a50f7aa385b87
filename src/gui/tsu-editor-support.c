/* tsu-editor-support.c: what the editor windows do alike when a save is
 * refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-database.h"
#include "tsu-editor-support.h"

void
tsu_field_problems_add (GPtrArray  *problems,
                        const char *field,
                        const char *message)
{
  g_return_if_fail (problems != NULL);
  g_return_if_fail (field != NULL);

  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((TsuFieldProblem *) g_ptr_array_index (problems, i))->field, field))
      return;
  g_ptr_array_add (problems, tsu_field_problem_new (field, message));
}

void
tsu_field_problems_merge (GPtrArray *problems,
                          GPtrArray *more)
{
  g_return_if_fail (problems != NULL);

  for (guint i = 0; more != NULL && i < more->len; i++)
    {
      TsuFieldProblem *problem = g_ptr_array_index (more, i);

      tsu_field_problems_add (problems, problem->field, problem->message);
    }
}

void
tsu_editor_show_message (GtkWindow  *editor,
                         const char *heading,
                         const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (editor));
  g_return_if_fail (heading != NULL);

  dialog = adw_message_dialog_new (editor, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
tsu_editor_refuse_invalid (GtkWindow                *editor,
                           TsuFieldErrors           *errors,
                           GPtrArray                *problems,
                           TsuEditorFieldWidgetFunc  field_widget,
                           const char               *heading)
{
  TsuFieldProblem *first;
  GtkWidget *widget;

  g_return_val_if_fail (GTK_IS_WINDOW (editor), FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (field_widget != NULL, FALSE);

  tsu_field_errors_show (errors, problems);
  if (problems->len == 0)
    return FALSE;

  first = g_ptr_array_index (problems, 0);
  widget = field_widget (editor, first->field);
  if (widget != NULL)
    gtk_widget_grab_focus (widget);
  /* A problem of a field without a place for messages still needs
   * saying. */
  if (heading != NULL && tsu_field_errors_get_message (errors, first->field) == NULL)
    tsu_editor_show_message (editor, heading, first->message);
  else
    gtk_widget_error_bell (GTK_WIDGET (editor));
  return TRUE;
}

void
tsu_editor_save_failed (GtkWindow    *editor,
                        const GError *error,
                        const char   *heading,
                        const char   *conflict_body,
                        GCallback     on_response)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (editor));
  g_return_if_fail (error != NULL);
  g_return_if_fail (heading != NULL);
  g_return_if_fail (conflict_body != NULL);
  g_return_if_fail (on_response != NULL);

  if (!g_error_matches (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT))
    {
      tsu_editor_show_message (editor, heading, error->message);
      return;
    }

  dialog = adw_message_dialog_new (editor, _("Changed by Someone Else"), conflict_body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", on_response, editor, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
