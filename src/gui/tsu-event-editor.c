/* tsu-event-editor.c: the window that adds or edits an event.
 *
 * It edits a copy, so Cancel loses nothing. Problems are shown next to
 * their field once it has been touched; a new event gets a key made of
 * its date and kind until the user types one of their own, because the
 * key is what CSV files and the command line name the event by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-event-editor.h"
#include "tsu-editor-support.h"
#include "tsu-field-errors.h"
#include "tsu-organization.h"
#include "tsu-xlsx-style.h"

struct _TsuEventEditor
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  AdwComboRow       *kind_row;
  GtkSpinButton     *number_spin;
  AdwEntryRow       *title_row;
  AdwPreferencesRow *title_error_row;
  GtkLabel          *title_error;
  AdwEntryRow       *key_row;
  AdwPreferencesRow *key_error_row;
  GtkLabel          *key_error;
  AdwEntryRow       *starts_row;
  GtkLabel          *starts_label;
  AdwPreferencesRow *starts_error_row;
  GtkLabel          *starts_error;
  AdwEntryRow       *ends_row;
  GtkLabel          *ends_label;
  AdwPreferencesRow *ends_error_row;
  GtkLabel          *ends_error;
  AdwEntryRow       *venue_row;
  AdwEntryRow       *organizer_row;
  GtkMenuButton     *organizer_button;
  GtkCheckButton    *pillar1_check;
  GtkCheckButton    *pillar2_check;
  GtkCheckButton    *pillar3_check;
  GtkCheckButton    *pillar4_check;
  AdwComboRow       *status_row;
  GtkSpinButton     *capacity_spin;
  AdwEntryRow       *budget_line_row;
  GtkTextView       *notes_view;

  /* owned */
  TsuDatabase       *database;
  TsuEvent          *event;      /* the copy being edited */
  TsuFieldErrors     errors;
  TsuDateStyle       date_style;
  gboolean           filling;
  gboolean           key_auto;   /* the key follows date and kind */
};

G_DEFINE_FINAL_TYPE (TsuEventEditor, tsu_event_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* TRUE with @iso NULL when empty, TRUE with the ISO date-time, or FALSE
 * with @error. */
static gboolean
parse_when (AdwEntryRow  *row,
            char        **iso,
            GError      **error)
{
  g_autofree char *text = stripped_text (row);

  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  return tsu_date_time_parse (text, iso, error);
}

static void
update_when_label (TsuEventEditor *self,
                   AdwEntryRow    *row,
                   GtkLabel       *label)
{
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;

  if (parse_when (row, &iso, NULL) && iso != NULL)
    shown = tsu_date_time_format_iso (iso, self->date_style);
  gtk_label_set_text (label, shown ? shown : "");
}

static guint
selected_pillars (TsuEventEditor *self)
{
  GtkCheckButton *checks[] = {
    self->pillar1_check, self->pillar2_check, self->pillar3_check, self->pillar4_check,
  };
  guint pillars = 0;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (gtk_check_button_get_active (checks[i]))
      pillars |= 1u << i;
  return pillars;
}

static TsuEventKind
selected_kind (TsuEventEditor *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  return kind < TSU_N_EVENT_KINDS ? (TsuEventKind) kind : TSU_EVENT_KIND_OTHER;
}

/* Whether another event than the one edited already has @key. */
static gboolean
key_taken (TsuEventEditor *self,
           const char     *key)
{
  g_autoptr(TsuEvent) other = NULL;
  g_autoptr(GError) error = NULL;

  if (key == NULL || *key == '\0' || self->database == NULL)
    return FALSE;
  other = tsu_event_find_by_key (self->database, key, &error);
  if (error != NULL)
    g_warning ("Could not look up the event key: %s", error->message);
  return other != NULL && tsu_event_get_id (other) != tsu_event_get_id (self->event);
}

/* "2023-07-19-meeting", with "-2", "-3" … when that is taken. */
static char *
suggest_key (TsuEventEditor *self)
{
  g_autofree char *starts = NULL;
  g_autofree char *base = NULL;
  char *key;

  if (!parse_when (self->starts_row, &starts, NULL) || starts == NULL)
    return NULL;
  base = g_strdup_printf ("%.10s-%s", starts, tsu_event_kind_to_code (selected_kind (self)));
  key = g_strdup (base);
  for (guint n = 2; key_taken (self, key) && n < 100; n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s-%u", base, n);
    }
  return key;
}

static void
update_suggested_key (TsuEventEditor *self)
{
  g_autofree char *key = NULL;
  gboolean filling = self->filling;

  if (!self->key_auto)
    return;
  key = suggest_key (self);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), key ? key : "");
  self->filling = filling;
}

/* Copies the widgets into @event and returns the problems the store
 * cannot see (text that is no date, a key in use). */
static GPtrArray *
collect (TsuEventEditor *self,
         TsuEvent       *event)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  g_autofree char *key = stripped_text (self->key_row);
  g_autofree char *title = stripped_text (self->title_row);
  g_autofree char *venue = stripped_text (self->venue_row);
  g_autofree char *organizer = stripped_text (self->organizer_row);
  g_autofree char *budget_line = stripped_text (self->budget_line_row);
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(GError) starts_error = NULL;
  g_autoptr(GError) ends_error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  guint status = adw_combo_row_get_selected (self->status_row);

  tsu_event_set_key (event, key);
  tsu_event_set_kind (event, selected_kind (self));
  tsu_event_set_number (event, (guint) gtk_spin_button_get_value_as_int (self->number_spin));
  tsu_event_set_title (event, title);
  if (!parse_when (self->starts_row, &starts, &starts_error))
    g_ptr_array_add (problems, tsu_field_problem_new ("starts-at", starts_error->message));
  tsu_event_set_starts_at (event, starts ? starts : "");
  if (!parse_when (self->ends_row, &ends, &ends_error))
    g_ptr_array_add (problems, tsu_field_problem_new ("ends-at", ends_error->message));
  tsu_event_set_ends_at (event, ends ? ends : "");
  tsu_event_set_venue (event, venue);
  tsu_event_set_organizer (event, organizer);
  tsu_event_set_pillars (event, selected_pillars (self));
  tsu_event_set_status (event, status < TSU_N_EVENT_STATUSES ? (TsuEventStatus) status
                                                             : TSU_EVENT_STATUS_PLANNED);
  tsu_event_set_capacity (event, (guint) gtk_spin_button_get_value_as_int (self->capacity_spin));
  tsu_event_set_budget_line (event, budget_line);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  tsu_event_set_notes (event, notes);

  if (key_taken (self, key))
    g_ptr_array_add (problems,
                     tsu_field_problem_new ("key", _("Another event already has this key. "
                                                     "Choose a different one.")));
  return problems;
}

static GPtrArray *
check (TsuEventEditor *self)
{
  GPtrArray *problems = collect (self, self->event);
  g_autoptr(GPtrArray) more = tsu_event_validate (self->event);

  tsu_field_problems_merge (problems, more);
  return problems;
}

static void
revalidate (TsuEventEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->filling)
    return;
  problems = check (self);
  tsu_field_errors_show (&self->errors, problems);
}

static void
on_entry_changed (GtkEditable    *editable,
                  TsuEventEditor *self)
{
  if (self->filling)
    return;
  if (editable == GTK_EDITABLE (self->key_row))
    {
      /* A key typed by the user stays; clearing it brings the suggestion
       * back. */
      self->key_auto = *gtk_editable_get_text (editable) == '\0'
                       && tsu_event_get_id (self->event) == 0;
      if (self->key_auto)
        update_suggested_key (self);
    }
  tsu_field_errors_touch (&self->errors, GTK_WIDGET (editable));
  if (editable == GTK_EDITABLE (self->starts_row))
    update_suggested_key (self);
  update_when_label (self, self->starts_row, self->starts_label);
  update_when_label (self, self->ends_row, self->ends_label);
  revalidate (self);
}

static void
on_kind_changed (TsuEventEditor *self)
{
  if (self->filling)
    return;
  update_suggested_key (self);
  revalidate (self);
}

static void
fill (TsuEventEditor *self)
{
  TsuEvent *event = self->event;
  GtkCheckButton *checks[] = {
    self->pillar1_check, self->pillar2_check, self->pillar3_check, self->pillar4_check,
  };
  guint pillars = tsu_event_get_pillars (event);
  const char *notes = tsu_event_get_notes (event);

  self->filling = TRUE;
#define SET(row, value) gtk_editable_set_text (GTK_EDITABLE (self->row), (value) ? (value) : "")
  SET (key_row, tsu_event_get_key (event));
  SET (title_row, tsu_event_get_title (event));
  SET (starts_row, tsu_event_get_starts_at (event));
  SET (ends_row, tsu_event_get_ends_at (event));
  SET (venue_row, tsu_event_get_venue (event));
  SET (organizer_row, tsu_event_get_organizer (event));
  SET (budget_line_row, tsu_event_get_budget_line (event));
#undef SET
  /* The database keeps ISO; show it the way the user writes dates. */
  {
    g_autofree char *starts = NULL;
    g_autofree char *ends = NULL;

    if (tsu_event_get_starts_at (event) && *tsu_event_get_starts_at (event))
      starts = tsu_date_time_format_iso (tsu_event_get_starts_at (event), self->date_style);
    if (tsu_event_get_ends_at (event) && *tsu_event_get_ends_at (event))
      ends = tsu_date_time_format_iso (tsu_event_get_ends_at (event), self->date_style);
    if (starts != NULL)
      gtk_editable_set_text (GTK_EDITABLE (self->starts_row), starts);
    if (ends != NULL)
      gtk_editable_set_text (GTK_EDITABLE (self->ends_row), ends);
  }
  adw_combo_row_set_selected (self->kind_row, tsu_event_get_kind (event));
  adw_combo_row_set_selected (self->status_row, tsu_event_get_status (event));
  gtk_spin_button_set_value (self->number_spin, tsu_event_get_number (event));
  gtk_spin_button_set_value (self->capacity_spin, tsu_event_get_capacity (event));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    gtk_check_button_set_active (checks[i], (pillars & (1u << i)) != 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);
  self->key_auto = tsu_event_get_id (event) == 0
                   && (tsu_event_get_key (event) == NULL || *tsu_event_get_key (event) == '\0');
  self->filling = FALSE;

  update_when_label (self, self->starts_row, self->starts_label);
  update_when_label (self, self->ends_row, self->ends_label);
  update_suggested_key (self);
  if (tsu_event_get_id (event) != 0)
    {
      g_autofree char *display = tsu_event_dup_display_title (event);

      adw_window_title_set_title (self->window_title, _("Edit Event"));
      adw_window_title_set_subtitle (self->window_title, display);
    }
  revalidate (self);
}

static void
show_message (TsuEventEditor *self,
              const char     *heading,
              const char     *body)
{
  tsu_editor_show_message (GTK_WINDOW (self), heading, body);
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      TsuEventEditor   *self)
{
  g_autoptr(TsuEvent) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reload"))
    return;
  fresh = tsu_event_load_by_id (self->database, tsu_event_get_id (self->event), &error);
  if (fresh == NULL)
    {
      show_message (self, _("Could Not Reload"),
                    error ? error->message : _("The event has been deleted."));
      return;
    }
  g_set_object (&self->event, fresh);
  fill (self);
}

static void
save (TsuEventEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  tsu_field_errors_touch_all (&self->errors);
  problems = check (self);
  if (tsu_editor_refuse_invalid (GTK_WINDOW (self), &self->errors, problems,
                                 (TsuEditorFieldWidgetFunc) (void (*) (void)) tsu_event_editor_get_field_widget,
                                 NULL))
    return;

  if (!tsu_event_save (self->event, self->database, &error))
    {
      tsu_editor_save_failed (GTK_WINDOW (self), error, _("Could Not Save the Event"),
                             _("Someone else changed this event after you opened it. "
                               "Reload it to see their changes, then make yours again; "
                               "the changes in this window will be lost."),
                             G_CALLBACK (on_conflict_response));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->event);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TSU_EVENT_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
organizer_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsuEventEditor *self = TSU_EVENT_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->organizer_row), g_variant_get_string (parameter, NULL));
}

static void
on_entry_activated (AdwEntryRow    *row,
                    TsuEventEditor *self)
{
  save (self);
}

/* The city, the council of social welfare (who run most events for the
 * city) and the member organisations. */
static void
build_organizer_menu (TsuEventEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) usual = g_menu_new ();

  tsu_editor_append_choice (usual, "editor.organizer", "北九州市");
  tsu_editor_append_choice (usual, "editor.organizer", "市社協");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (usual));
  tsu_editor_append_member_section (menu, self->database, "editor.organizer", NULL);
  gtk_menu_button_set_menu_model (self->organizer_button, G_MENU_MODEL (menu));
}

static void
tsu_event_editor_dispose (GObject *object)
{
  TsuEventEditor *self = TSU_EVENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_EVENT_EDITOR);
  g_clear_object (&self->database);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (tsu_event_editor_parent_class)->dispose (object);
}

static void
tsu_event_editor_class_init (TsuEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_event_editor_dispose;

  /**
   * TsuEventEditor::saved:
   * @event: the saved event
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, TSU_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-event-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuEventEditor, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (kind_row);
  CHILD (number_spin);
  CHILD (title_row);
  CHILD (title_error_row);
  CHILD (title_error);
  CHILD (key_row);
  CHILD (key_error_row);
  CHILD (key_error);
  CHILD (starts_row);
  CHILD (starts_label);
  CHILD (starts_error_row);
  CHILD (starts_error);
  CHILD (ends_row);
  CHILD (ends_label);
  CHILD (ends_error_row);
  CHILD (ends_error);
  CHILD (venue_row);
  CHILD (organizer_row);
  CHILD (organizer_button);
  CHILD (pillar1_check);
  CHILD (pillar2_check);
  CHILD (pillar3_check);
  CHILD (pillar4_check);
  CHILD (status_row);
  CHILD (capacity_spin);
  CHILD (budget_line_row);
  CHILD (notes_view);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.organizer", "s", organizer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
tsu_event_editor_init (TsuEventEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_style = tsu_report_default_date_style ();

  tsu_field_errors_add (&self->errors, "key", GTK_WIDGET (self->key_row),
                        self->key_error_row, self->key_error);
  tsu_field_errors_add (&self->errors, "title", GTK_WIDGET (self->title_row),
                        self->title_error_row, self->title_error);
  tsu_field_errors_add (&self->errors, "starts-at", GTK_WIDGET (self->starts_row),
                        self->starts_error_row, self->starts_error);
  tsu_field_errors_add (&self->errors, "ends-at", GTK_WIDGET (self->ends_row),
                        self->ends_error_row, self->ends_error);

  for (guint k = 0; k < TSU_N_EVENT_KINDS; k++)
    gtk_string_list_append (kinds, tsu_event_kind_to_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (guint s = 0; s < TSU_N_EVENT_STATUSES; s++)
    gtk_string_list_append (statuses, tsu_event_status_to_label (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  {
    AdwEntryRow *entries[] = {
      self->key_row, self->title_row, self->starts_row, self->ends_row,
      self->venue_row, self->organizer_row, self->budget_line_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      {
        g_signal_connect (entries[i], "changed", G_CALLBACK (on_entry_changed), self);
        g_signal_connect (entries[i], "entry-activated", G_CALLBACK (on_entry_activated), self);
      }
  }
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_changed), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (revalidate), self);
  g_signal_connect_swapped (self->number_spin, "value-changed", G_CALLBACK (revalidate), self);
  g_signal_connect_swapped (self->capacity_spin, "value-changed", G_CALLBACK (revalidate), self);
}

TsuEventEditor *
tsu_event_editor_new (GtkWindow   *parent,
                      TsuDatabase *database,
                      TsuEvent    *event)
{
  TsuEventEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (event == NULL || TSU_IS_EVENT (event), NULL);

  self = g_object_new (TSU_TYPE_EVENT_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  self->event = event ? tsu_event_copy (event) : tsu_event_new ();
  build_organizer_menu (self);
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (event ? GTK_WIDGET (self->title_row)
                                           : GTK_WIDGET (self->kind_row)));
  return self;
}

const char *
tsu_event_editor_get_field_error (TsuEventEditor *self,
                                  const char     *field)
{
  g_return_val_if_fail (TSU_IS_EVENT_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return tsu_field_errors_get_message (&self->errors, field);
}

GtkWidget *
tsu_event_editor_get_field_widget (TsuEventEditor *self,
                                   const char     *field)
{
  struct { const char *field; gpointer widget; } widgets[] = {
    { "key", self->key_row },
    { "kind", self->kind_row },
    { "number", self->number_spin },
    { "title", self->title_row },
    { "starts-at", self->starts_row },
    { "ends-at", self->ends_row },
    { "venue", self->venue_row },
    { "organizer", self->organizer_row },
    { "pillars", self->pillar1_check },
    { "pillar-1", self->pillar1_check },
    { "pillar-2", self->pillar2_check },
    { "pillar-3", self->pillar3_check },
    { "pillar-4", self->pillar4_check },
    { "status", self->status_row },
    { "capacity", self->capacity_spin },
    { "budget-line", self->budget_line_row },
    { "notes", self->notes_view },
  };

  g_return_val_if_fail (TSU_IS_EVENT_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].field, field))
      return GTK_WIDGET (widgets[i].widget);
  return NULL;
}
