/* tsu-undo-stack.c: the changes of this session that Ctrl+Z can undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-audit.h"
#include "tsu-undo-stack.h"
#include "tsu-view-support.h"

typedef struct
{
  gint64  change_id;
  char   *description;
} Change;

static void
change_free (Change *change)
{
  g_free (change->description);
  g_free (change);
}

struct _TsuUndoStack
{
  GObject parent_instance;

  TsuDatabase *database;
  gulong       committed_id;
  /* Change, oldest first: the top of the stack is the end. */
  GPtrArray   *changes;
  char        *label;
};

G_DEFINE_FINAL_TYPE (TsuUndoStack, tsu_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CAN_UNDO,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The database's stack, set on the database without a reference so that
 * a stack does not keep its database's lookup alive after it is gone. */
#define STACK_KEY "tsu-undo-stack"

static void
changed (TsuUndoStack *self)
{
  Change *top = self->changes->len > 0
                ? g_ptr_array_index (self->changes, self->changes->len - 1) : NULL;
  g_autofree char *label = NULL;

  if (top != NULL)
    /* Translators: a tooltip or menu item; %s says what a change did,
     * e.g. "団体「NPO法人 抱樸」の変更" */
    label = g_strdup_printf (_("Undo: %s"), top->description);
  if (g_strcmp0 (label, self->label) != 0)
    {
      g_free (self->label);
      self->label = g_steal_pointer (&label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static char *
describe (TsuDatabase *database,
          gint64       change_id)
{
  char *description = tsu_audit_describe_change (database, change_id);

  if (description == NULL || *description == '\0')
    {
      g_free (description);
      /* Translators: what Ctrl+Z undoes when nothing better is known */
      return g_strdup (_("the last change"));
    }
  return description;
}

static void
on_change_committed (TsuDatabase  *database,
                     gint64        change_id,
                     TsuUndoStack *self)
{
  Change *change;

  if (change_id <= 0)
    return;
  change = g_new0 (Change, 1);
  change->change_id = change_id;
  /* Described now: after a delete, later changes may leave less to say. */
  change->description = describe (database, change_id);
  g_ptr_array_add (self->changes, change);
  while (self->changes->len > TSU_UNDO_STACK_DEPTH)
    g_ptr_array_remove_index (self->changes, 0);
  changed (self);
}

static gboolean
forget (TsuUndoStack *self,
        gint64        change_id)
{
  for (guint i = self->changes->len; i > 0; i--)
    {
      Change *change = g_ptr_array_index (self->changes, i - 1);

      if (change->change_id == change_id)
        {
          g_ptr_array_remove_index (self->changes, i - 1);
          return TRUE;
        }
    }
  return FALSE;
}

static void
tsu_undo_stack_dispose (GObject *object)
{
  TsuUndoStack *self = TSU_UNDO_STACK (object);

  if (self->database != NULL)
    {
      g_clear_signal_handler (&self->committed_id, self->database);
      if (g_object_get_data (G_OBJECT (self->database), STACK_KEY) == self)
        g_object_set_data (G_OBJECT (self->database), STACK_KEY, NULL);
    }
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tsu_undo_stack_parent_class)->dispose (object);
}

static void
tsu_undo_stack_finalize (GObject *object)
{
  TsuUndoStack *self = TSU_UNDO_STACK (object);

  g_ptr_array_unref (self->changes);
  g_free (self->label);

  G_OBJECT_CLASS (tsu_undo_stack_parent_class)->finalize (object);
}

static void
tsu_undo_stack_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TsuUndoStack *self = TSU_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tsu_undo_stack_get_can_undo (self));
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_undo_stack_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TsuUndoStack *self = TSU_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_undo_stack_constructed (GObject *object)
{
  TsuUndoStack *self = TSU_UNDO_STACK (object);

  G_OBJECT_CLASS (tsu_undo_stack_parent_class)->constructed (object);

  g_return_if_fail (TSU_IS_DATABASE (self->database));
  self->committed_id = g_signal_connect (self->database, "change-committed",
                                         G_CALLBACK (on_change_committed), self);
  g_object_set_data (G_OBJECT (self->database), STACK_KEY, self);
}

static void
tsu_undo_stack_class_init (TsuUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tsu_undo_stack_constructed;
  object_class->dispose = tsu_undo_stack_dispose;
  object_class->finalize = tsu_undo_stack_finalize;
  object_class->get_property = tsu_undo_stack_get_property;
  object_class->set_property = tsu_undo_stack_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, TSU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tsu_undo_stack_init (TsuUndoStack *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

TsuUndoStack *
tsu_undo_stack_new (TsuDatabase *database)
{
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);

  return g_object_new (TSU_TYPE_UNDO_STACK, "database", database, NULL);
}

TsuDatabase *
tsu_undo_stack_get_database (TsuUndoStack *self)
{
  g_return_val_if_fail (TSU_IS_UNDO_STACK (self), NULL);

  return self->database;
}

TsuUndoStack *
tsu_undo_stack_lookup (TsuDatabase *database)
{
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);

  return g_object_get_data (G_OBJECT (database), STACK_KEY);
}

gboolean
tsu_undo_stack_get_can_undo (TsuUndoStack *self)
{
  g_return_val_if_fail (TSU_IS_UNDO_STACK (self), FALSE);

  return self->changes->len > 0;
}

const char *
tsu_undo_stack_get_label (TsuUndoStack *self)
{
  g_return_val_if_fail (TSU_IS_UNDO_STACK (self), NULL);

  return self->label;
}

guint
tsu_undo_stack_get_n_changes (TsuUndoStack *self)
{
  g_return_val_if_fail (TSU_IS_UNDO_STACK (self), 0);

  return self->changes->len;
}

char *
tsu_undo_stack_undo (TsuUndoStack  *self,
                     GError       **error)
{
  g_autofree char *description = NULL;
  Change *top;
  gint64 change_id;

  g_return_val_if_fail (TSU_IS_UNDO_STACK (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->changes->len == 0)
    {
      g_set_error_literal (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                           _("There is nothing to undo."));
      return NULL;
    }
  top = g_ptr_array_index (self->changes, self->changes->len - 1);
  change_id = top->change_id;
  description = g_strdup (top->description);
  if (!tsu_undo_stack_undo_change (self, change_id, error))
    return NULL;
  /* Translators: a toast after Ctrl+Z; %s says what the change did, e.g.
   * "団体「NPO法人 抱樸」の変更" */
  return g_strdup_printf (_("Undone: %s"), description);
}

gboolean
tsu_undo_stack_undo_change (TsuUndoStack  *self,
                            gint64         change_id,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TSU_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tsu_database_undo_change (self->database, change_id, &local_error))
    {
      /* A conflict will not go away by trying again: the change stays in
       * the trail, but not on the stack, so Ctrl+Z moves on. */
      if (g_error_matches (local_error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT)
          && forget (self, change_id))
        changed (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (forget (self, change_id))
    changed (self);
  return TRUE;
}

void
tsu_undo_stack_undo_in_widget (TsuUndoStack *self,
                               GtkWidget    *widget)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (TSU_IS_UNDO_STACK (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (self->changes->len == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  description = g_strdup (((Change *) g_ptr_array_index (self->changes, self->changes->len - 1))->description);
  message = tsu_undo_stack_undo (self, &error);
  if (message == NULL)
    {
      tsu_widget_show_undo_error (widget, description, error);
      return;
    }
  tsu_widget_add_toast (widget, adw_toast_new (message));
}

gboolean
tsu_undo_focus_wants_key (GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      /* GtkText is the editable inside GtkEntry, GtkSearchEntry,
       * GtkSpinButton, GtkPasswordEntry and AdwEntryRow. */
      if (GTK_IS_TEXT (w))
        return gtk_editable_get_editable (GTK_EDITABLE (w));
      if (GTK_IS_TEXT_VIEW (w))
        return gtk_text_view_get_editable (GTK_TEXT_VIEW (w));
    }
  return FALSE;
}

static gboolean
undo_shortcut_activated (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   user_data)
{
  const char *action_name = user_data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* A text field got Ctrl+Z first (this controller bubbles) and had
   * nothing of its own to undo: a saved change is not what the user
   * meant to take back while typing. */
  if (tsu_undo_focus_wants_key (focus))
    return FALSE;
  return gtk_widget_activate_action (widget, action_name, NULL);
}

GtkEventController *
tsu_undo_shortcut_controller_new (const char *action_name)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  g_return_val_if_fail (action_name != NULL, NULL);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "tsu-undo-shortcut");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                               gtk_callback_action_new (undo_shortcut_activated,
                                                        g_strdup (action_name), g_free));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  return controller;
}
