/* tsu-field-errors.c: shows validation problems next to their field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tsu-field-errors.h"

void
tsu_field_errors_add (TsuFieldErrors    *errors,
                      const char        *field,
                      GtkWidget         *entry,
                      AdwPreferencesRow *error_row,
                      GtkLabel          *error_label)
{
  g_return_if_fail (errors != NULL);
  g_return_if_fail (errors->n_slots < TSU_FIELD_ERRORS_MAX_SLOTS);

  errors->slots[errors->n_slots++] = (TsuFieldErrorSlot) { field, entry, error_row, error_label };
  /* Screen readers read the message with the entry it belongs to. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error_label, NULL,
                                  -1);
}

void
tsu_field_errors_touch (TsuFieldErrors *errors,
                        GtkWidget      *entry)
{
  g_return_if_fail (errors != NULL);

  for (guint s = 0; s < errors->n_slots; s++)
    if (errors->slots[s].entry == entry)
      errors->touched |= 1u << s;
}

void
tsu_field_errors_touch_all (TsuFieldErrors *errors)
{
  g_return_if_fail (errors != NULL);

  errors->touched = (1u << errors->n_slots) - 1;
}

void
tsu_field_errors_show (TsuFieldErrors *errors,
                       GPtrArray      *problems)
{
  g_return_if_fail (errors != NULL);
  g_return_if_fail (problems != NULL);

  for (guint s = 0; s < errors->n_slots; s++)
    {
      TsuFieldErrorSlot *slot = &errors->slots[s];
      const char *message = NULL;

      for (guint i = 0; i < problems->len && message == NULL; i++)
        {
          TsuFieldProblem *problem = g_ptr_array_index (problems, i);

          if (g_str_equal (problem->field, slot->field))
            message = problem->message;
        }
      if ((errors->touched & (1u << s)) == 0)
        message = NULL;

      gtk_label_set_text (slot->error_label, message ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (slot->error_row), message != NULL);
      if (message != NULL)
        gtk_widget_add_css_class (slot->entry, "error");
      else
        gtk_widget_remove_css_class (slot->entry, "error");
    }
}

const char *
tsu_field_errors_get_message (TsuFieldErrors *errors,
                              const char     *field)
{
  g_return_val_if_fail (errors != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint s = 0; s < errors->n_slots; s++)
    if (g_str_equal (errors->slots[s].field, field))
      return gtk_widget_get_visible (GTK_WIDGET (errors->slots[s].error_row))
             ? gtk_label_get_text (errors->slots[s].error_label) : NULL;
  return NULL;
}
