/* tsu-session-editor.c: the window that adds or edits one item of an
 * event's programme (a session of a training, a stop of a tour).
 *
 * A new item goes to the end of the programme; the order is changed with
 * the move buttons on the event page, not by typing numbers. A time alone
 * is taken on the event's first day, since most programmes are one day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "tsu-editor-support.h"
#include "tsu-field-errors.h"
#include "tsu-session-editor.h"
#include "tsu-xlsx-style.h"

struct _TsuSessionEditor
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  AdwEntryRow       *title_row;
  AdwPreferencesRow *title_error_row;
  GtkLabel          *title_error;
  AdwEntryRow       *lecturer_row;
  AdwEntryRow       *starts_row;
  GtkLabel          *starts_label;
  AdwPreferencesRow *starts_error_row;
  GtkLabel          *starts_error;
  AdwEntryRow       *ends_row;
  GtkLabel          *ends_label;
  AdwPreferencesRow *ends_error_row;
  GtkLabel          *ends_error;
  AdwEntryRow       *place_row;
  GtkSpinButton     *capacity_spin;
  AdwEntryRow       *head_count_row;
  AdwPreferencesRow *head_count_error_row;
  GtkLabel          *head_count_error;

  /* owned */
  TsuDatabase       *database;
  TsuEvent          *event;
  TsuEventSession   *session;    /* the copy being edited */
  TsuFieldErrors     errors;
  TsuDateStyle       date_style;
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (TsuSessionEditor, tsu_session_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* "13:00", "１３：００" or "13時" alone: a time without a date. */
static gboolean
is_time_alone (const char *text)
{
  g_autofree char *folded = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_regex_match_simple ("^[0-9]{1,2}(:[0-9]{2}|時([0-9]{1,2}分)?)$", folded, 0, 0);
}

/* TRUE with @iso NULL when empty, TRUE with the ISO date-time, or FALSE
 * with @error. */
static gboolean
parse_when (TsuSessionEditor  *self,
            AdwEntryRow       *row,
            char             **iso,
            GError           **error)
{
  g_autofree char *text = stripped_text (row);
  const char *event_start = self->event ? tsu_event_get_starts_at (self->event) : NULL;

  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  if (is_time_alone (text) && event_start != NULL && strlen (event_start) >= 10)
    {
      g_autofree char *with_date = g_strdup_printf ("%.10s %s", event_start, text);

      return tsu_date_time_parse (with_date, iso, error);
    }
  return tsu_date_time_parse (text, iso, error);
}

static void
update_when_label (TsuSessionEditor *self,
                   AdwEntryRow      *row,
                   GtkLabel         *label)
{
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;

  if (parse_when (self, row, &iso, NULL) && iso != NULL)
    shown = tsu_date_time_format_iso (iso, self->date_style);
  gtk_label_set_text (label, shown ? shown : "");
}

/* TRUE with TSU_HEAD_COUNT_UNKNOWN when empty, or the count. */
static gboolean
parse_head_count (AdwEntryRow *row,
                  int         *count)
{
  g_autofree char *text = stripped_text (row);
  g_autofree char *folded = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  guint64 value;

  *count = TSU_HEAD_COUNT_UNKNOWN;
  if (*folded == '\0')
    return TRUE;
  /* Full-width digits are what a Japanese input method types. */
  if (!g_ascii_string_to_unsigned (folded, 10, 0, 100000, &value, NULL))
    return FALSE;
  *count = (int) value;
  return TRUE;
}

static GPtrArray *
collect (TsuSessionEditor *self,
         TsuEventSession  *session)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  g_autofree char *title = stripped_text (self->title_row);
  g_autofree char *lecturer = stripped_text (self->lecturer_row);
  g_autofree char *place = stripped_text (self->place_row);
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autoptr(GError) starts_error = NULL;
  g_autoptr(GError) ends_error = NULL;
  int head_count;

  tsu_event_session_set_title (session, title);
  tsu_event_session_set_lecturer (session, lecturer);
  if (!parse_when (self, self->starts_row, &starts, &starts_error))
    g_ptr_array_add (problems, tsu_field_problem_new ("starts-at", starts_error->message));
  tsu_event_session_set_starts_at (session, starts ? starts : "");
  if (!parse_when (self, self->ends_row, &ends, &ends_error))
    g_ptr_array_add (problems, tsu_field_problem_new ("ends-at", ends_error->message));
  tsu_event_session_set_ends_at (session, ends ? ends : "");
  tsu_event_session_set_place (session, place);
  tsu_event_session_set_capacity (session, (guint) gtk_spin_button_get_value_as_int (self->capacity_spin));
  if (parse_head_count (self->head_count_row, &head_count))
    tsu_event_session_set_head_count (session, head_count);
  else
    g_ptr_array_add (problems,
                     tsu_field_problem_new ("head-count",
                                            _("Type the number of participants, or leave it "
                                              "empty until they have been counted.")));
  return problems;
}

static GPtrArray *
check (TsuSessionEditor *self)
{
  GPtrArray *problems = collect (self, self->session);
  g_autoptr(GPtrArray) more = tsu_event_session_validate (self->session);

  tsu_field_problems_merge (problems, more);
  return problems;
}

static void
revalidate (TsuSessionEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->filling)
    return;
  problems = check (self);
  tsu_field_errors_show (&self->errors, problems);
}

static void
on_entry_changed (GtkEditable      *editable,
                  TsuSessionEditor *self)
{
  if (self->filling)
    return;
  tsu_field_errors_touch (&self->errors, GTK_WIDGET (editable));
  update_when_label (self, self->starts_row, self->starts_label);
  update_when_label (self, self->ends_row, self->ends_label);
  revalidate (self);
}

static void
set_when (TsuSessionEditor *self,
          AdwEntryRow      *row,
          const char       *iso)
{
  g_autofree char *shown = NULL;

  if (iso != NULL && *iso != '\0')
    shown = tsu_date_time_format_iso (iso, self->date_style);
  gtk_editable_set_text (GTK_EDITABLE (row), shown ? shown : "");
}

static void
fill (TsuSessionEditor *self)
{
  TsuEventSession *session = self->session;
  int head_count = tsu_event_session_get_head_count (session);
  g_autofree char *count = head_count >= 0 ? g_strdup_printf ("%d", head_count) : g_strdup ("");
  g_autofree char *subtitle = self->event ? tsu_event_dup_display_title (self->event) : NULL;

  self->filling = TRUE;
#define SET(row, value) gtk_editable_set_text (GTK_EDITABLE (self->row), (value) ? (value) : "")
  SET (title_row, tsu_event_session_get_title (session));
  SET (lecturer_row, tsu_event_session_get_lecturer (session));
  SET (place_row, tsu_event_session_get_place (session));
  SET (head_count_row, count);
#undef SET
  set_when (self, self->starts_row, tsu_event_session_get_starts_at (session));
  set_when (self, self->ends_row, tsu_event_session_get_ends_at (session));
  gtk_spin_button_set_value (self->capacity_spin, tsu_event_session_get_capacity (session));
  self->filling = FALSE;

  update_when_label (self, self->starts_row, self->starts_label);
  update_when_label (self, self->ends_row, self->ends_label);
  if (tsu_event_session_get_id (session) != 0)
    adw_window_title_set_title (self->window_title, _("Edit Programme Item"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  revalidate (self);
}

static void
show_message (TsuSessionEditor *self,
              const char       *heading,
              const char       *body)
{
  tsu_editor_show_message (GTK_WINDOW (self), heading, body);
}

static TsuEventSession *
load_session (TsuSessionEditor  *self,
              gint64             id,
              GError           **error)
{
  g_autoptr(GPtrArray) sessions = NULL;

  sessions = tsu_event_session_load_for_event (self->database,
                                               tsu_event_session_get_event_id (self->session),
                                               error);
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    if (tsu_event_session_get_id (g_ptr_array_index (sessions, i)) == id)
      return g_object_ref (g_ptr_array_index (sessions, i));
  return NULL;
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      TsuSessionEditor *self)
{
  g_autoptr(TsuEventSession) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reload"))
    return;
  fresh = load_session (self, tsu_event_session_get_id (self->session), &error);
  if (fresh == NULL)
    {
      show_message (self, _("Could Not Reload"),
                    error ? error->message : _("The programme item has been deleted."));
      return;
    }
  g_set_object (&self->session, fresh);
  fill (self);
}

/* The next free position: after the last item of the programme. */
static guint
next_position (TsuSessionEditor *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  guint last = 0;

  sessions = tsu_event_session_load_for_event (self->database,
                                               tsu_event_session_get_event_id (self->session),
                                               &error);
  if (sessions == NULL)
    g_warning ("Could not load the programme: %s", error->message);
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    last = MAX (last, tsu_event_session_get_position (g_ptr_array_index (sessions, i)));
  return last + 1;
}

static void
save (TsuSessionEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  /* Counted again at the last moment, so another window adding an item in
   * the meantime does not make this one collide with it. */
  if (tsu_event_session_get_id (self->session) == 0)
    tsu_event_session_set_position (self->session, next_position (self));

  tsu_field_errors_touch_all (&self->errors);
  problems = check (self);
  if (tsu_editor_refuse_invalid (GTK_WINDOW (self), &self->errors, problems,
                                 (TsuEditorFieldWidgetFunc) (void (*) (void)) tsu_session_editor_get_field_widget,
                                 NULL))
    return;

  if (!tsu_event_session_save (self->session, self->database, &error))
    {
      tsu_editor_save_failed (GTK_WINDOW (self), error, _("Could Not Save the Programme Item"),
                             _("Someone else changed this programme item after you opened it. "
                               "Reload it to see their changes, then make yours again; "
                               "the changes in this window will be lost."),
                             G_CALLBACK (on_conflict_response));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->session);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TSU_SESSION_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
on_entry_activated (AdwEntryRow      *row,
                    TsuSessionEditor *self)
{
  save (self);
}

static void
tsu_session_editor_dispose (GObject *object)
{
  TsuSessionEditor *self = TSU_SESSION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_SESSION_EDITOR);
  g_clear_object (&self->database);
  g_clear_object (&self->event);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (tsu_session_editor_parent_class)->dispose (object);
}

static void
tsu_session_editor_class_init (TsuSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_session_editor_dispose;

  /**
   * TsuSessionEditor::saved:
   * @session: the saved programme item
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, TSU_TYPE_EVENT_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-session-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuSessionEditor, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (title_row);
  CHILD (title_error_row);
  CHILD (title_error);
  CHILD (lecturer_row);
  CHILD (starts_row);
  CHILD (starts_label);
  CHILD (starts_error_row);
  CHILD (starts_error);
  CHILD (ends_row);
  CHILD (ends_label);
  CHILD (ends_error_row);
  CHILD (ends_error);
  CHILD (place_row);
  CHILD (capacity_spin);
  CHILD (head_count_row);
  CHILD (head_count_error_row);
  CHILD (head_count_error);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
tsu_session_editor_init (TsuSessionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_style = tsu_report_default_date_style ();

  tsu_field_errors_add (&self->errors, "title", GTK_WIDGET (self->title_row),
                        self->title_error_row, self->title_error);
  tsu_field_errors_add (&self->errors, "starts-at", GTK_WIDGET (self->starts_row),
                        self->starts_error_row, self->starts_error);
  tsu_field_errors_add (&self->errors, "ends-at", GTK_WIDGET (self->ends_row),
                        self->ends_error_row, self->ends_error);
  tsu_field_errors_add (&self->errors, "head-count", GTK_WIDGET (self->head_count_row),
                        self->head_count_error_row, self->head_count_error);

  {
    AdwEntryRow *entries[] = {
      self->title_row, self->lecturer_row, self->starts_row, self->ends_row,
      self->place_row, self->head_count_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      {
        g_signal_connect (entries[i], "changed", G_CALLBACK (on_entry_changed), self);
        g_signal_connect (entries[i], "entry-activated", G_CALLBACK (on_entry_activated), self);
      }
  }
  g_signal_connect_swapped (self->capacity_spin, "value-changed", G_CALLBACK (revalidate), self);
}

TsuSessionEditor *
tsu_session_editor_new (GtkWindow       *parent,
                        TsuDatabase     *database,
                        TsuEvent        *event,
                        TsuEventSession *session)
{
  TsuSessionEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (TSU_IS_EVENT (event), NULL);
  g_return_val_if_fail (session == NULL || TSU_IS_EVENT_SESSION (session), NULL);

  self = g_object_new (TSU_TYPE_SESSION_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  self->event = g_object_ref (event);
  self->session = session ? tsu_event_session_copy (session)
                          : tsu_event_session_new (tsu_event_get_id (event));
  if (session == NULL)
    tsu_event_session_set_position (self->session, next_position (self));
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}

const char *
tsu_session_editor_get_field_error (TsuSessionEditor *self,
                                    const char       *field)
{
  g_return_val_if_fail (TSU_IS_SESSION_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return tsu_field_errors_get_message (&self->errors, field);
}

GtkWidget *
tsu_session_editor_get_field_widget (TsuSessionEditor *self,
                                     const char       *field)
{
  struct { const char *field; gpointer widget; } widgets[] = {
    { "title", self->title_row },
    { "lecturer", self->lecturer_row },
    { "starts-at", self->starts_row },
    { "ends-at", self->ends_row },
    { "place", self->place_row },
    { "capacity", self->capacity_spin },
    { "head-count", self->head_count_row },
  };

  g_return_val_if_fail (TSU_IS_SESSION_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].field, field))
      return GTK_WIDGET (widgets[i].widget);
  return NULL;
}
