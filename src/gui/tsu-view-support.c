/* tsu-view-support.c: small pieces the views and panels share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-audit.h"
#include "tsu-undo-stack.h"
#include "tsu-view-support.h"
#include "tsu-window.h"

static GtkWidget *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

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
  /* A window's own action: the overlay is inside it. */
  if (overlay == NULL && root != NULL)
    overlay = find_toast_overlay (GTK_WIDGET (root));
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

typedef struct
{
  TsuDatabase *database;
  gint64       change_id;
  /* For the error dialog: the widget may be gone by the time the button
   * is clicked (a panel closed), its window usually is not. */
  GWeakRef     widget;
  GWeakRef     root;
} UndoToast;

static void
undo_toast_free (gpointer  data,
                 GClosure *closure)
{
  UndoToast *undo = data;

  g_object_unref (undo->database);
  g_weak_ref_clear (&undo->widget);
  g_weak_ref_clear (&undo->root);
  g_free (undo);
}

static void
on_undo_toast_clicked (AdwToast  *toast,
                       UndoToast *undo)
{
  TsuUndoStack *stack = tsu_undo_stack_lookup (undo->database);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) widget = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  /* Described before: a failed undo may be about a record gone since. */
  description = tsu_audit_describe_change (undo->database, undo->change_id);
  if (stack != NULL)
    ok = tsu_undo_stack_undo_change (stack, undo->change_id, &error);
  else
    ok = tsu_database_undo_change (undo->database, undo->change_id, &error);
  if (ok)
    return;

  widget = g_weak_ref_get (&undo->widget);
  if (widget == NULL || gtk_widget_get_root (widget) == NULL)
    {
      g_clear_object (&widget);
      widget = g_weak_ref_get (&undo->root);
    }
  if (widget != NULL)
    tsu_widget_show_undo_error (widget, description, error);
  else
    g_warning ("Could not undo: %s", error->message);
}

void
tsu_widget_add_undo_toast (GtkWidget   *widget,
                           TsuDatabase *database,
                           gint64       change_id,
                           const char  *text)
{
  AdwToast *toast;
  UndoToast *undo;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (TSU_IS_DATABASE (database));
  g_return_if_fail (text != NULL);

  toast = adw_toast_new (text);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* Nothing was written (the record was gone already): nothing to undo. */
  if (change_id > 0)
    {
      undo = g_new0 (UndoToast, 1);
      undo->database = g_object_ref (database);
      undo->change_id = change_id;
      g_weak_ref_init (&undo->widget, widget);
      g_weak_ref_init (&undo->root, gtk_widget_get_root (widget));
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_toast_clicked),
                             undo, undo_toast_free, 0);
    }
  tsu_widget_add_toast (widget, toast);
}

void
tsu_widget_show_undo_error (GtkWidget    *widget,
                            const char   *description,
                            const GError *error)
{
  g_autofree char *body = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  /* The store says what was changed again; the likely cause is worth
   * naming, since the user may not know another copy is open. */
  if (g_error_matches (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT))
    body = g_strdup_printf ("%s%s%s\n\n%s", description ? description : "", description ? "\n\n" : "",
                            error->message,
                            _("Someone may have changed it in another copy of Tsunagu open on the "
                              "same file. Undoing it now would throw that later change away."));
  tsu_widget_show_error (widget, _("Could Not Undo"), body != NULL ? body : error->message);
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

char *
tsu_file_chooser_dup_path (GtkNativeDialog *chooser,
                           int              response)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return file != NULL ? g_file_get_path (file) : NULL;
}

void
tsu_file_chooser_add_filter (GtkFileChooser *chooser,
                             const char     *name,
                             const char     *pattern,
                             const char     *mime_type,
                             const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data (G_OBJECT (filter), "tsu-suffix", (gpointer) suffix);
  gtk_file_chooser_add_filter (chooser, filter);
}

const char *
tsu_file_chooser_get_suffix (GtkFileChooser *chooser)
{
  GtkFileFilter *filter;  /* not owned */

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);

  filter = gtk_file_chooser_get_filter (chooser);
  return filter != NULL ? g_object_get_data (G_OBJECT (filter), "tsu-suffix") : NULL;
}

/* Paged slices ------------------------------------------------------------- */

static GQuark
page_quark (void)
{
  return g_quark_from_static_string ("tsu-paged-slice-page");
}

static guint
slice_page (GtkSliceListModel *slice)
{
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (slice), page_quark ()));
}

static void
on_paged_list_edge_reached (GtkScrolledWindow *scrolled,
                            GtkPositionType    position,
                            GtkSliceListModel *slice)
{
  guint size = gtk_slice_list_model_get_size (slice);

  if (position == GTK_POS_BOTTOM
      && size < g_list_model_get_n_items (gtk_slice_list_model_get_model (slice)))
    gtk_slice_list_model_set_size (slice, size + slice_page (slice));
}

GtkSliceListModel *
tsu_paged_slice_new (GListModel *model,
                     guint       page,
                     GtkWidget  *list)
{
  GtkSliceListModel *slice;
  GtkWidget *scrolled;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (page > 0, NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (list), NULL);

  slice = gtk_slice_list_model_new (model, 0, page);
  g_object_set_qdata (G_OBJECT (slice), page_quark (), GUINT_TO_POINTER (page));
  scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  g_return_val_if_fail (scrolled != NULL, slice);
  g_signal_connect_object (scrolled, "edge-reached", G_CALLBACK (on_paged_list_edge_reached), slice, 0);
  return slice;
}

void
tsu_paged_slice_show_position (GtkSliceListModel *slice,
                               guint              position)
{
  guint page;

  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  page = slice_page (slice);
  if (position != GTK_INVALID_LIST_POSITION && position >= gtk_slice_list_model_get_size (slice))
    gtk_slice_list_model_set_size (slice, (position / page + 1) * page);
}

void
tsu_paged_slice_reset (GtkSliceListModel *slice)
{
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  gtk_slice_list_model_set_size (slice, slice_page (slice));
}
