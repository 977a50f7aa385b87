/* tsu-editor-support.c: what the editor windows do alike when a save is
 * refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-database.h"
#include "tsu-case.h"
#include "tsu-date.h"
#include "tsu-editor-support.h"
#include "tsu-organization.h"

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

void
tsu_editor_append_choice (GMenu      *menu,
                          const char *action,
                          const char *text)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (text, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (text));
  g_menu_append_item (menu, item);
}

void
tsu_editor_append_member_section (GMenu       *menu,
                                  TsuDatabase *database,
                                  const char  *action,
                                  GHashTable  *seen)
{
  g_autoptr(GMenu) members = g_menu_new ();
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = tsu_date_today_iso ();

  orgs = tsu_organization_load_all (database, &error);
  if (orgs == NULL)
    {
      g_warning ("Could not load the organisations: %s", error->message);
      return;
    }
  for (guint i = 0; i < orgs->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (orgs, i);
      g_autofree char *display = NULL;

      if (tsu_organization_get_kind (org) != TSU_ORGANIZATION_KIND_MEMBER
          || !tsu_organization_is_current (org, today))
        continue;
      display = tsu_organization_dup_display_name (org);
      if (seen != NULL && !g_hash_table_add (seen, g_strdup (display)))
        continue;
      tsu_editor_append_choice (members, action, display);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (members)) > 0)
    g_menu_append_section (menu, _("Member Organisations"), G_MENU_MODEL (members));
}

void
tsu_editor_append_ward_counter_section (GMenu      *menu,
                                        const char *action)
{
  g_autoptr(GMenu) counters = g_menu_new ();

  for (TsuWard w = 0; w < TSU_N_WARDS; w++)
    {
      /* Ward counters are written 門司区役所 (CLI.md), in any language. */
      g_autofree char *counter = g_strconcat (tsu_ward_to_name (w), "役所", NULL);

      tsu_editor_append_choice (counters, action, counter);
    }
  g_menu_append_section (menu, _("Ward Counters"), G_MENU_MODEL (counters));
}
