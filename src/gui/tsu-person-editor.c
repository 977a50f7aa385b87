/* tsu-person-editor.c: the window that adds or edits a person.
 *
 * The same pattern as the organisation editor: a copy is edited, problems
 * are shown next to their field as the user types, Save refuses while
 * there are any.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-editor-support.h"
#include "tsu-field-errors.h"
#include "tsu-person-editor.h"

struct _TsuPersonEditor
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  AdwEntryRow       *name_row;
  AdwEntryRow       *reading_row;
  AdwEntryRow       *title_row;
  AdwEntryRow       *phone_row;
  AdwEntryRow       *email_row;
  GtkSwitch         *primary_switch;
  AdwPreferencesRow *name_error_row;
  GtkLabel          *name_error;
  AdwPreferencesRow *reading_error_row;
  GtkLabel          *reading_error;
  AdwPreferencesRow *email_error_row;
  GtkLabel          *email_error;

  /* owned */
  TsuDatabase       *database;
  TsuPerson         *person;  /* the copy being edited */
  TsuFieldErrors     errors;
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (TsuPersonEditor, tsu_person_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
collect (TsuPersonEditor *self)
{
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *reading = stripped_text (self->reading_row);
  g_autofree char *title = stripped_text (self->title_row);
  g_autofree char *phone = stripped_text (self->phone_row);
  g_autofree char *email = stripped_text (self->email_row);

  tsu_person_set_name (self->person, name);
  tsu_person_set_reading (self->person, reading);
  tsu_person_set_title (self->person, title);
  tsu_person_set_phone (self->person, phone);
  tsu_person_set_email (self->person, email);
  tsu_person_set_primary (self->person, gtk_switch_get_active (self->primary_switch));
}

static void
revalidate (TsuPersonEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->filling)
    return;
  collect (self);
  problems = tsu_person_validate (self->person);
  tsu_field_errors_show (&self->errors, problems);
}

static void
on_entry_changed (GtkEditable     *editable,
                  TsuPersonEditor *self)
{
  if (self->filling)
    return;
  tsu_field_errors_touch (&self->errors, GTK_WIDGET (editable));
  revalidate (self);
}

static void
fill (TsuPersonEditor *self)
{
  self->filling = TRUE;
#define SET(row, value) gtk_editable_set_text (GTK_EDITABLE (self->row), (value) ? (value) : "")
  SET (name_row, tsu_person_get_name (self->person));
  SET (reading_row, tsu_person_get_reading (self->person));
  SET (title_row, tsu_person_get_title (self->person));
  SET (phone_row, tsu_person_get_phone (self->person));
  SET (email_row, tsu_person_get_email (self->person));
#undef SET
  gtk_switch_set_active (self->primary_switch, tsu_person_get_primary (self->person));
  self->filling = FALSE;

  if (tsu_person_get_id (self->person) != 0)
    {
      adw_window_title_set_title (self->window_title, _("Edit Person"));
      adw_window_title_set_subtitle (self->window_title, tsu_person_get_name (self->person));
    }
  revalidate (self);
}

static void
show_message (TsuPersonEditor *self,
              const char      *heading,
              const char      *body)
{
  tsu_editor_show_message (GTK_WINDOW (self), heading, body);
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      TsuPersonEditor  *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reload"))
    return;
  people = tsu_person_load_for_organization (self->database,
                                             tsu_person_get_organization_id (self->person),
                                             &error);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      TsuPerson *fresh = g_ptr_array_index (people, i);

      if (tsu_person_get_id (fresh) == tsu_person_get_id (self->person))
        {
          g_set_object (&self->person, fresh);
          fill (self);
          return;
        }
    }
  show_message (self, _("Could Not Reload"),
                error ? error->message : _("The person has been deleted."));
}

static void
save (TsuPersonEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  tsu_field_errors_touch_all (&self->errors);
  collect (self);
  problems = tsu_person_validate (self->person);
  if (tsu_editor_refuse_invalid (GTK_WINDOW (self), &self->errors, problems,
                                 (TsuEditorFieldWidgetFunc) (void (*) (void)) tsu_person_editor_get_field_widget,
                                 NULL))
    return;

  if (!tsu_person_save (self->person, self->database, &error))
    {
      if (g_error_matches (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT))
        {
          GtkWidget *dialog;

          dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                           _("Changed by Someone Else"),
                                           _("Someone else changed this person after you opened it. "
                                             "Reload to see their changes, then make yours again; "
                                             "the changes in this window will be lost."));
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Keep Editing"),
                                            "reload", _("_Reload"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                                      ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        show_message (self, _("Could Not Save the Person"), error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->person);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TSU_PERSON_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
on_entry_activated (AdwEntryRow     *row,
                    TsuPersonEditor *self)
{
  save (self);
}

static void
tsu_person_editor_dispose (GObject *object)
{
  TsuPersonEditor *self = TSU_PERSON_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_PERSON_EDITOR);
  g_clear_object (&self->database);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (tsu_person_editor_parent_class)->dispose (object);
}

static void
tsu_person_editor_class_init (TsuPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_person_editor_dispose;

  /**
   * TsuPersonEditor::saved:
   * @person: the saved person
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, TSU_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-person-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuPersonEditor, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (name_row);
  CHILD (reading_row);
  CHILD (title_row);
  CHILD (phone_row);
  CHILD (email_row);
  CHILD (primary_switch);
  CHILD (name_error_row);
  CHILD (name_error);
  CHILD (reading_error_row);
  CHILD (reading_error);
  CHILD (email_error_row);
  CHILD (email_error);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
tsu_person_editor_init (TsuPersonEditor *self)
{
  AdwEntryRow *entries[5];

  gtk_widget_init_template (GTK_WIDGET (self));

  tsu_field_errors_add (&self->errors, "name", GTK_WIDGET (self->name_row), self->name_error_row, self->name_error);
  tsu_field_errors_add (&self->errors, "reading", GTK_WIDGET (self->reading_row), self->reading_error_row, self->reading_error);
  tsu_field_errors_add (&self->errors, "email", GTK_WIDGET (self->email_row), self->email_error_row, self->email_error);

  entries[0] = self->name_row;
  entries[1] = self->reading_row;
  entries[2] = self->title_row;
  entries[3] = self->phone_row;
  entries[4] = self->email_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_entry_changed), self);
      g_signal_connect (entries[i], "entry-activated", G_CALLBACK (on_entry_activated), self);
    }
}

TsuPersonEditor *
tsu_person_editor_new (GtkWindow   *parent,
                       TsuDatabase *database,
                       TsuPerson   *person)
{
  TsuPersonEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (TSU_IS_PERSON (person), NULL);

  self = g_object_new (TSU_TYPE_PERSON_EDITOR, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->person = tsu_person_copy (person);
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

const char *
tsu_person_editor_get_field_error (TsuPersonEditor *self,
                                   const char      *field)
{
  g_return_val_if_fail (TSU_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return tsu_field_errors_get_message (&self->errors, field);
}

GtkWidget *
tsu_person_editor_get_field_widget (TsuPersonEditor *self,
                                    const char      *field)
{
  AdwEntryRow *row = NULL;

  g_return_val_if_fail (TSU_IS_PERSON_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "name"))
    row = self->name_row;
  else if (g_str_equal (field, "reading"))
    row = self->reading_row;
  else if (g_str_equal (field, "title"))
    row = self->title_row;
  else if (g_str_equal (field, "phone"))
    row = self->phone_row;
  else if (g_str_equal (field, "email"))
    row = self->email_row;
  return row ? GTK_WIDGET (row) : NULL;
}
