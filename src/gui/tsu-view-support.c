/* tsu-view-support.c: small pieces the views and panels share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-view-support.h"
#include "tsu-window.h"

void
tsu_widget_add_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkRoot *root;
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);
  if (TSU_IS_WINDOW (root))
    {
      tsu_window_add_toast (TSU_WINDOW (root), toast);
      return;
    }
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

void
tsu_widget_show_error (GtkWidget  *widget,
                       const char *heading,
                       const char *body)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
tsu_list_box_remove_all (GtkListBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

void
tsu_list_box_add_detail (GtkListBox *box,
                         const char *title,
                         const char *value)
{
  GtkWidget *row;
  gboolean empty = value == NULL || *value == '\0';

  g_return_if_fail (GTK_IS_LIST_BOX (box));

  row = adw_action_row_new ();
  /* The value leads and the field name is the caption under it, as in
   * GNOME Contacts. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: shown for a field that has no value */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), empty ? _("—") : value);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), title);
  if (empty)
    gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (box, row);
}

GtkWidget *
tsu_icon_button_new (const char *icon_name,
                     const char *tooltip,
                     const char *action,
                     gint64      id)
{
  GtkWidget *button;

  g_return_val_if_fail (icon_name != NULL, NULL);
  g_return_val_if_fail (tooltip != NULL, NULL);

  button = gtk_button_new_from_icon_name (icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  /* Without an action the button stays greyed out: an action's enabled
   * state would overrule gtk_widget_set_sensitive(). */
  if (action == NULL)
    gtk_widget_set_sensitive (button, FALSE);
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
    }
  return button;
}
