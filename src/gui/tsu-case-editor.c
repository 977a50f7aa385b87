/* tsu-case-editor.c: the window that adds or edits a case.
 *
 * It edits a copy, so Cancel loses nothing. There is deliberately no
 * name field: the person is the case code. Dates are typed the way the
 * secretariat writes them (西暦 or 和暦) and problems are shown next to
 * their field once it has been touched; Save refuses while there are any.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-case-editor.h"
#include "tsu-date.h"
#include "tsu-editor-support.h"
#include "tsu-field-errors.h"
#include "tsu-organization.h"
#include "tsu-xlsx-style.h"

struct _TsuCaseEditor
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  AdwEntryRow       *code_row;
  AdwPreferencesRow *code_error_row;
  GtkLabel          *code_error;
  AdwEntryRow       *received_row;
  AdwPreferencesRow *received_error_row;
  GtkLabel          *received_error;
  AdwEntryRow       *entrance_row;
  GtkMenuButton     *entrance_button;
  AdwPreferencesRow *entrance_error_row;
  GtkLabel          *entrance_error;
  AdwComboRow       *contact_row;
  AdwComboRow       *ward_row;
  AdwComboRow       *age_row;
  GtkSwitch         *foreign_switch;
  AdwEntryRow       *language_row;
  GtkFlowBox        *concerns_box;
  AdwPreferencesRow *concerns_error_row;
  GtkLabel          *concerns_error;
  AdwComboRow       *consent_row;
  AdwEntryRow       *consent_on_row;
  AdwPreferencesRow *consent_on_error_row;
  GtkLabel          *consent_on_error;
  AdwEntryRow       *consent_how_row;
  AdwComboRow       *legal_basis_row;
  AdwPreferencesRow *legal_basis_error_row;
  GtkLabel          *legal_basis_error;
  GtkSwitch         *support_switch;
  AdwEntryRow       *support_on_row;
  AdwPreferencesRow *support_on_error_row;
  GtkLabel          *support_on_error;
  GtkTextView       *notes_view;

  /* not owned: children of concerns_box */
  GtkCheckButton    *concern_checks[TSU_N_CONCERNS];

  /* owned */
  TsuDatabase       *database;
  TsuCase           *edited;     /* the copy being edited */
  TsuFieldErrors     errors;
  TsuDateStyle       date_style;
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (TsuCaseEditor, tsu_case_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strchomp (text);
}

/* Parses the date typed in @row into ISO; "" for an empty row. A problem
 * is added for text that is not a date. */
static char *
parse_date_row (AdwEntryRow *row,
                const char  *field,
                GPtrArray   *problems)
{
  g_autofree char *text = stripped_text (row);
  g_autoptr(GError) error = NULL;
  GDate date;

  if (*text == '\0')
    return g_strdup ("");
  g_date_clear (&date, 1);
  if (!tsu_date_parse (text, &date, &error))
    {
      tsu_field_problems_add (problems, field, error->message);
      return NULL;
    }
  return tsu_date_to_iso (&date);
}

static guint
selected_concerns (TsuCaseEditor *self)
{
  guint mask = 0;

  for (guint i = 0; i < TSU_N_CONCERNS; i++)
    if (gtk_check_button_get_active (self->concern_checks[i]))
      mask |= 1u << i;
  return mask;
}

/* Copies the widgets into the case and returns every problem: the
 * editor's own date messages first, then the store's. */
static GPtrArray *
check (TsuCaseEditor *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  g_autoptr(GPtrArray) more = NULL;
  g_autofree char *code = stripped_text (self->code_row);
  g_autofree char *entrance = stripped_text (self->entrance_row);
  g_autofree char *language = stripped_text (self->language_row);
  g_autofree char *consent_how = stripped_text (self->consent_how_row);
  g_autofree char *notes = text_view_text (self->notes_view);
  g_autofree char *received = parse_date_row (self->received_row, "received-on", problems);
  g_autofree char *consent_on = parse_date_row (self->consent_on_row, "consent-on", problems);
  g_autofree char *support_on = parse_date_row (self->support_on_row, "support-meeting-on", problems);
  guint ward = adw_combo_row_get_selected (self->ward_row);
  gboolean support = gtk_switch_get_active (self->support_switch);

  tsu_case_set_code (self->edited, code);
  tsu_case_set_entrance (self->edited, entrance);
  tsu_case_set_language (self->edited, language);
  tsu_case_set_consent_how (self->edited, consent_how);
  tsu_case_set_notes (self->edited, notes);
  if (received != NULL)
    tsu_case_set_received_on (self->edited, received);
  if (consent_on != NULL)
    tsu_case_set_consent_on (self->edited, consent_on);
  if (support_on != NULL)
    tsu_case_set_support_meeting_on (self->edited, support ? support_on : "");
  /* The rows list the vocabularies in enum order, wards with "not
   * known" last. */
  tsu_case_set_ward (self->edited, ward < TSU_N_WARDS ? (TsuWard) ward : TSU_WARD_NONE);
  tsu_case_set_age_band (self->edited, (TsuAgeBand) MIN (adw_combo_row_get_selected (self->age_row),
                                                         TSU_AGE_UNKNOWN));
  tsu_case_set_contact (self->edited, (TsuContact) MIN (adw_combo_row_get_selected (self->contact_row),
                                                        TSU_CONTACT_OTHER));
  tsu_case_set_consent (self->edited, (TsuConsent) MIN (adw_combo_row_get_selected (self->consent_row),
                                                        TSU_CONSENT_NO));
  tsu_case_set_legal_basis (self->edited,
                            (TsuLegalBasis) MIN (adw_combo_row_get_selected (self->legal_basis_row),
                                                 TSU_N_LEGAL_BASES - 1));
  tsu_case_set_foreign_resident (self->edited, gtk_switch_get_active (self->foreign_switch));
  tsu_case_set_concerns (self->edited, selected_concerns (self));
  tsu_case_set_support_meeting (self->edited, support);

  more = tsu_case_validate (self->edited);
  tsu_field_problems_merge (problems, more);
  return problems;
}

static void
update_sensitivity (TsuCaseEditor *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->support_on_row),
                            gtk_switch_get_active (self->support_switch));
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row),
                            gtk_switch_get_active (self->foreign_switch));
}

static void
revalidate (TsuCaseEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->filling)
    return;
  update_sensitivity (self);
  problems = check (self);
  tsu_field_errors_show (&self->errors, problems);
}

static void
on_entry_changed (GtkEditable   *editable,
                  TsuCaseEditor *self)
{
  if (self->filling)
    return;
  tsu_field_errors_touch (&self->errors, GTK_WIDGET (editable));
  revalidate (self);
}

static void
on_concern_toggled (GtkCheckButton *check_button,
                    TsuCaseEditor  *self)
{
  if (self->filling)
    return;
  tsu_field_errors_touch (&self->errors, GTK_WIDGET (self->concern_checks[0]));
  revalidate (self);
}

static void
set_date_row (TsuCaseEditor *self,
              AdwEntryRow   *row,
              const char    *iso)
{
  g_autofree char *text = iso && *iso ? tsu_date_format_iso (iso, self->date_style) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
fill (TsuCaseEditor *self)
{
  TsuCase *c = self->edited;
  gboolean existing = tsu_case_get_id (c) != 0;
  TsuWard ward = tsu_case_get_ward (c);
  guint concerns = tsu_case_get_concerns (c);

  self->filling = TRUE;
#define SET(row, value) gtk_editable_set_text (GTK_EDITABLE (self->row), (value) ? (value) : "")
  SET (code_row, tsu_case_get_code (c));
  SET (entrance_row, tsu_case_get_entrance (c));
  SET (language_row, tsu_case_get_language (c));
  SET (consent_how_row, tsu_case_get_consent_how (c));
#undef SET
  set_date_row (self, self->received_row, tsu_case_get_received_on (c));
  set_date_row (self, self->consent_on_row, tsu_case_get_consent_on (c));
  set_date_row (self, self->support_on_row, tsu_case_get_support_meeting_on (c));
  adw_combo_row_set_selected (self->ward_row, ward < TSU_N_WARDS ? (guint) ward : TSU_N_WARDS);
  adw_combo_row_set_selected (self->age_row, tsu_case_get_age_band (c));
  adw_combo_row_set_selected (self->contact_row, tsu_case_get_contact (c));
  adw_combo_row_set_selected (self->consent_row, tsu_case_get_consent (c));
  adw_combo_row_set_selected (self->legal_basis_row, tsu_case_get_legal_basis (c));
  gtk_switch_set_active (self->foreign_switch, tsu_case_get_foreign_resident (c));
  gtk_switch_set_active (self->support_switch, tsu_case_get_support_meeting (c));
  for (guint i = 0; i < TSU_N_CONCERNS; i++)
    gtk_check_button_set_active (self->concern_checks[i], (concerns & (1u << i)) != 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            tsu_case_get_notes (c) ? tsu_case_get_notes (c) : "", -1);
  /* The code is given on the first save; once given it stays. */
  gtk_editable_set_editable (GTK_EDITABLE (self->code_row), !existing);
  self->filling = FALSE;

  if (existing)
    {
      adw_window_title_set_title (self->window_title, _("Edit Case"));
      adw_window_title_set_subtitle (self->window_title, tsu_case_get_code (c));
    }
  update_sensitivity (self);
  revalidate (self);
}

static void
show_message (TsuCaseEditor *self,
              const char    *heading,
              const char    *body)
{
  tsu_editor_show_message (GTK_WINDOW (self), heading, body);
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      TsuCaseEditor    *self)
{
  g_autoptr(TsuCase) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reload"))
    return;
  fresh = tsu_case_load_by_id (self->database, tsu_case_get_id (self->edited), &error);
  if (fresh == NULL)
    {
      show_message (self, _("Could Not Reload"),
                    error ? error->message : _("The case has been deleted."));
      return;
    }
  g_set_object (&self->edited, fresh);
  fill (self);
}

static void
save (TsuCaseEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  tsu_field_errors_touch_all (&self->errors);
  problems = check (self);
  if (tsu_editor_refuse_invalid (GTK_WINDOW (self), &self->errors, problems,
                                 (TsuEditorFieldWidgetFunc) (void (*) (void)) tsu_case_editor_get_field_widget,
                                 _("Could Not Save the Case")))
    return;

  if (!tsu_case_save (self->edited, self->database, &error))
    {
      tsu_editor_save_failed (GTK_WINDOW (self), error, _("Could Not Save the Case"),
                             _("Someone else changed this case after you opened it. "
                               "Reload it to see their changes, then make yours again; "
                               "the changes in this window will be lost."),
                             G_CALLBACK (on_conflict_response));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->edited);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TSU_CASE_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
entrance_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TsuCaseEditor *self = TSU_CASE_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->entrance_row), g_variant_get_string (parameter, NULL));
}

static void
on_entry_activated (AdwEntryRow   *row,
                    TsuCaseEditor *self)
{
  save (self);
}

/* Every member is an entrance (入口); so is every ward counter. */
static void
build_entrance_menu (TsuCaseEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  tsu_editor_append_member_section (menu, self->database, "editor.entrance", NULL);
  tsu_editor_append_ward_counter_section (menu, "editor.entrance");
  gtk_menu_button_set_menu_model (self->entrance_button, G_MENU_MODEL (menu));
}

static void
tsu_case_editor_dispose (GObject *object)
{
  TsuCaseEditor *self = TSU_CASE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_CASE_EDITOR);
  g_clear_object (&self->database);
  g_clear_object (&self->edited);

  G_OBJECT_CLASS (tsu_case_editor_parent_class)->dispose (object);
}

static void
tsu_case_editor_class_init (TsuCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_case_editor_dispose;

  /**
   * TsuCaseEditor::saved:
   * @referral_case: the saved case
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, TSU_TYPE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-case-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuCaseEditor, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (code_row);
  CHILD (code_error_row);
  CHILD (code_error);
  CHILD (received_row);
  CHILD (received_error_row);
  CHILD (received_error);
  CHILD (entrance_row);
  CHILD (entrance_button);
  CHILD (entrance_error_row);
  CHILD (entrance_error);
  CHILD (contact_row);
  CHILD (ward_row);
  CHILD (age_row);
  CHILD (foreign_switch);
  CHILD (language_row);
  CHILD (concerns_box);
  CHILD (concerns_error_row);
  CHILD (concerns_error);
  CHILD (consent_row);
  CHILD (consent_on_row);
  CHILD (consent_on_error_row);
  CHILD (consent_on_error);
  CHILD (consent_how_row);
  CHILD (legal_basis_row);
  CHILD (legal_basis_error_row);
  CHILD (legal_basis_error);
  CHILD (support_switch);
  CHILD (support_on_row);
  CHILD (support_on_error_row);
  CHILD (support_on_error);
  CHILD (notes_view);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.entrance", "s", entrance_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
set_combo_model (AdwComboRow   *row,
                 GtkStringList *list)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  g_object_unref (list);
}

static void
tsu_case_editor_init (TsuCaseEditor *self)
{
  GtkStringList *list;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_style = tsu_report_default_date_style ();

  /* Field names as tsu_case_validate() reports them. */
  tsu_field_errors_add (&self->errors, "code", GTK_WIDGET (self->code_row),
                        self->code_error_row, self->code_error);
  tsu_field_errors_add (&self->errors, "received-on", GTK_WIDGET (self->received_row),
                        self->received_error_row, self->received_error);
  tsu_field_errors_add (&self->errors, "entrance", GTK_WIDGET (self->entrance_row),
                        self->entrance_error_row, self->entrance_error);
  tsu_field_errors_add (&self->errors, "consent-on", GTK_WIDGET (self->consent_on_row),
                        self->consent_on_error_row, self->consent_on_error);
  tsu_field_errors_add (&self->errors, "legal-basis", GTK_WIDGET (self->legal_basis_row),
                        self->legal_basis_error_row, self->legal_basis_error);
  tsu_field_errors_add (&self->errors, "support-meeting-on", GTK_WIDGET (self->support_on_row),
                        self->support_on_error_row, self->support_on_error);

  /* Vocabularies in enum order, so the selected position is the value. */
  list = gtk_string_list_new (NULL);
  for (TsuWard w = 0; w < TSU_N_WARDS; w++)
    gtk_string_list_append (list, tsu_ward_to_name (w));
  gtk_string_list_append (list, _("Not known"));
  set_combo_model (self->ward_row, list);
  list = gtk_string_list_new (NULL);
  for (TsuAgeBand b = 0; b < TSU_N_AGE_BANDS; b++)
    gtk_string_list_append (list, tsu_age_band_to_label (b));
  set_combo_model (self->age_row, list);
  list = gtk_string_list_new (NULL);
  for (TsuContact c = 0; c < TSU_N_CONTACTS; c++)
    gtk_string_list_append (list, tsu_contact_to_label (c));
  set_combo_model (self->contact_row, list);
  list = gtk_string_list_new (NULL);
  for (TsuConsent c = TSU_CONSENT_PENDING; c <= TSU_CONSENT_NO; c++)
    gtk_string_list_append (list, tsu_consent_to_label (c));
  set_combo_model (self->consent_row, list);
  list = gtk_string_list_new (NULL);
  gtk_string_list_append (list, _("None"));
  for (TsuLegalBasis b = TSU_LEGAL_BASIS_CONSENT; b < TSU_N_LEGAL_BASES; b++)
    gtk_string_list_append (list, tsu_legal_basis_to_label (b));
  set_combo_model (self->legal_basis_row, list);

  for (TsuConcern c = 0; c < TSU_N_CONCERNS; c++)
    {
      GtkWidget *check_button = gtk_check_button_new_with_label (tsu_concern_to_label (c));

      gtk_widget_set_name (check_button, tsu_concern_to_code (c));
      self->concern_checks[c] = GTK_CHECK_BUTTON (check_button);
      gtk_flow_box_append (self->concerns_box, check_button);
      g_signal_connect (check_button, "toggled", G_CALLBACK (on_concern_toggled), self);
    }
  tsu_field_errors_add (&self->errors, "concerns", GTK_WIDGET (self->concern_checks[0]),
                        self->concerns_error_row, self->concerns_error);

  {
    AdwEntryRow *entries[] = {
      self->code_row, self->received_row, self->entrance_row, self->language_row,
      self->consent_on_row, self->consent_how_row, self->support_on_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      {
        g_signal_connect (entries[i], "changed", G_CALLBACK (on_entry_changed), self);
        g_signal_connect (entries[i], "entry-activated", G_CALLBACK (on_entry_activated), self);
      }
  }
  {
    AdwComboRow *combos[] = {
      self->ward_row, self->age_row, self->contact_row, self->consent_row, self->legal_basis_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      g_signal_connect_swapped (combos[i], "notify::selected", G_CALLBACK (revalidate), self);
  }
  g_signal_connect_swapped (self->foreign_switch, "notify::active", G_CALLBACK (revalidate), self);
  g_signal_connect_swapped (self->support_switch, "notify::active", G_CALLBACK (revalidate), self);
}

TsuCaseEditor *
tsu_case_editor_new (GtkWindow   *parent,
                     TsuDatabase *database,
                     TsuCase     *referral_case)
{
  TsuCaseEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (referral_case == NULL || TSU_IS_CASE (referral_case), NULL);

  self = g_object_new (TSU_TYPE_CASE_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  if (referral_case != NULL)
    self->edited = tsu_case_copy (referral_case);
  else
    {
      g_autofree char *today = tsu_date_today_iso ();

      self->edited = tsu_case_new ();
      tsu_case_set_received_on (self->edited, today);
    }
  build_entrance_menu (self);
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (referral_case ? self->received_row : self->entrance_row));
  return self;
}

const char *
tsu_case_editor_get_field_error (TsuCaseEditor *self,
                                 const char    *field)
{
  g_return_val_if_fail (TSU_IS_CASE_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return tsu_field_errors_get_message (&self->errors, field);
}

GtkWidget *
tsu_case_editor_get_field_widget (TsuCaseEditor *self,
                                  const char    *field)
{
  struct { const char *field; gpointer widget; } widgets[] = {
    { "code", self->code_row },
    { "received-on", self->received_row },
    { "entrance", self->entrance_row },
    { "language", self->language_row },
    { "consent-on", self->consent_on_row },
    { "consent-how", self->consent_how_row },
    { "support-meeting-on", self->support_on_row },
    { "ward", self->ward_row },
    { "age-band", self->age_row },
    { "contact", self->contact_row },
    { "consent", self->consent_row },
    { "legal-basis", self->legal_basis_row },
    { "foreign-resident", self->foreign_switch },
    { "support-meeting", self->support_switch },
    { "notes", self->notes_view },
    { "concerns", self->concern_checks[0] },
  };

  g_return_val_if_fail (TSU_IS_CASE_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].field, field))
      return GTK_WIDGET (widgets[i].widget);
  for (TsuConcern c = 0; c < TSU_N_CONCERNS; c++)
    if (g_str_equal (tsu_concern_to_code (c), field))
      return GTK_WIDGET (self->concern_checks[c]);
  return NULL;
}
