/* tsu-organization-editor.c: the window that adds or edits an
 * organisation.
 *
 * Problems are shown next to the field they are about as the user types
 * (once a field has been touched, or after a refused save), and a new
 * organisation whose name or reading is already in the directory needs a
 * second click, so duplicates are never created by accident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-date.h"
#include "tsu-editor-support.h"
#include "tsu-field-errors.h"
#include "tsu-kana.h"
#include "tsu-organization-editor.h"
#include "tsu-xlsx-style.h"

struct _TsuOrganizationEditor
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  AdwPreferencesPage  *page;
  GtkWidget           *duplicate_group;
  AdwActionRow        *duplicate_row;
  AdwEntryRow         *legal_form_row;
  GtkMenuButton       *legal_form_button;
  AdwEntryRow         *name_row;
  AdwEntryRow         *reading_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *fields_row;
  GtkMenuButton       *fields_button;
  AdwComboRow         *ward_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *website_row;
  AdwEntryRow         *hours_row;
  AdwEntryRow         *joined_row;
  GtkLabel            *joined_label;
  AdwEntryRow         *left_row;
  GtkLabel            *left_label;
  GtkTextView         *notes_view;
  AdwPreferencesRow   *name_error_row;
  GtkLabel            *name_error;
  AdwPreferencesRow   *reading_error_row;
  GtkLabel            *reading_error;
  AdwPreferencesRow   *email_error_row;
  GtkLabel            *email_error;
  AdwPreferencesRow   *joined_error_row;
  GtkLabel            *joined_error;
  AdwPreferencesRow   *left_error_row;
  GtkLabel            *left_error;

  /* owned */
  TsuDatabase         *database;
  TsuOrganization     *organization;  /* the copy being edited */
  GtkStringList       *wards;
  TsuFieldErrors       errors;
  TsuDateStyle         date_style;
  gboolean             filling;
  gboolean             duplicate_acknowledged;
};

G_DEFINE_FINAL_TYPE (TsuOrganizationEditor, tsu_organization_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const wards[] = {
  "門司区", "小倉北区", "小倉南区", "若松区", "八幡東区", "八幡西区", "戸畑区", NULL
};

const char * const *
tsu_organization_editor_wards (void)
{
  return wards;
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (entry_text (row)));
}

/* Parses a date entry: TRUE with @iso NULL when empty, TRUE with the ISO
 * date, or FALSE with @error. */
static gboolean
parse_date_entry (AdwEntryRow  *row,
                  char        **iso,
                  GError      **error)
{
  g_autofree char *text = stripped_text (row);
  GDate date;

  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  if (!tsu_date_parse (text, &date, error))
    return FALSE;
  *iso = tsu_date_to_iso (&date);
  return TRUE;
}

static void
update_date_label (TsuOrganizationEditor *self,
                   AdwEntryRow           *row,
                   GtkLabel              *label)
{
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;

  if (parse_date_entry (row, &iso, NULL) && iso != NULL)
    shown = tsu_date_format_iso (iso, self->date_style);
  gtk_label_set_text (label, shown ? shown : "");
}

/* Copies the widgets into self->organization and returns the date
 * problems the store cannot see (text that is no date at all). */
static GPtrArray *
collect (TsuOrganization       *org,
         TsuOrganizationEditor *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  g_autofree char *legal_form = stripped_text (self->legal_form_row);
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *reading = stripped_text (self->reading_row);
  g_autofree char *email = stripped_text (self->email_row);
  g_autofree char *joined = NULL;
  g_autofree char *left = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(GError) joined_error = NULL;
  g_autoptr(GError) left_error = NULL;
  g_auto(GStrv) fields = tsu_organization_parse_fields (entry_text (self->fields_row));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  guint ward;

  tsu_organization_set_legal_form (org, legal_form);
  tsu_organization_set_name (org, name);
  tsu_organization_set_reading (org, reading);
  tsu_organization_set_kind (org, (TsuOrganizationKind) adw_combo_row_get_selected (self->kind_row));
  tsu_organization_set_fields (org, (const char * const *) fields);
  ward = adw_combo_row_get_selected (self->ward_row);
  tsu_organization_set_ward (org, ward == 0 || ward == GTK_INVALID_LIST_POSITION
                                  ? NULL : gtk_string_list_get_string (self->wards, ward));
  tsu_organization_set_address (org, entry_text (self->address_row));
  tsu_organization_set_phone (org, entry_text (self->phone_row));
  tsu_organization_set_email (org, email);
  tsu_organization_set_website (org, entry_text (self->website_row));
  tsu_organization_set_hours (org, entry_text (self->hours_row));

  if (!parse_date_entry (self->joined_row, &joined, &joined_error))
    g_ptr_array_add (problems, tsu_field_problem_new ("joined-on", joined_error->message));
  tsu_organization_set_joined_on (org, joined);
  if (!parse_date_entry (self->left_row, &left, &left_error))
    g_ptr_array_add (problems, tsu_field_problem_new ("left-on", left_error->message));
  tsu_organization_set_left_on (org, left);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  tsu_organization_set_notes (org, notes);

  return problems;
}

static GPtrArray *
check (TsuOrganizationEditor *self)
{
  GPtrArray *problems = collect (self->organization, self);
  g_autoptr(GPtrArray) more = tsu_organization_validate (self->organization);

  tsu_field_problems_merge (problems, more);
  return problems;
}

static void
revalidate (TsuOrganizationEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->filling)
    return;
  problems = check (self);
  tsu_field_errors_show (&self->errors, problems);
}

static void
reset_duplicate_warning (TsuOrganizationEditor *self)
{
  self->duplicate_acknowledged = FALSE;
  gtk_widget_set_visible (self->duplicate_group, FALSE);
  gtk_button_set_label (self->save_button, _("_Save"));
}

static void
on_entry_changed (GtkEditable           *editable,
                  TsuOrganizationEditor *self)
{
  if (self->filling)
    return;
  tsu_field_errors_touch (&self->errors, GTK_WIDGET (editable));
  if (editable == GTK_EDITABLE (self->name_row)
      || editable == GTK_EDITABLE (self->reading_row)
      || editable == GTK_EDITABLE (self->legal_form_row))
    reset_duplicate_warning (self);
  update_date_label (self, self->joined_row, self->joined_label);
  update_date_label (self, self->left_row, self->left_label);
  revalidate (self);
}

static void
select_ward (TsuOrganizationEditor *self,
             const char            *ward)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->wards));

  if (ward == NULL || *ward == '\0')
    {
      adw_combo_row_set_selected (self->ward_row, 0);
      return;
    }
  for (guint i = 1; i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->wards, i), ward))
      {
        adw_combo_row_set_selected (self->ward_row, i);
        return;
      }
  /* A ward from an import that is not one of the seven is kept. */
  gtk_string_list_append (self->wards, ward);
  adw_combo_row_set_selected (self->ward_row, n);
}

static void
fill (TsuOrganizationEditor *self)
{
  TsuOrganization *org = self->organization;
  g_autofree char *fields = tsu_organization_dup_fields_text (org);

  self->filling = TRUE;
#define SET(row, value) gtk_editable_set_text (GTK_EDITABLE (self->row), (value) ? (value) : "")
  SET (legal_form_row, tsu_organization_get_legal_form (org));
  SET (name_row, tsu_organization_get_name (org));
  SET (reading_row, tsu_organization_get_reading (org));
  SET (fields_row, fields);
  SET (address_row, tsu_organization_get_address (org));
  SET (phone_row, tsu_organization_get_phone (org));
  SET (email_row, tsu_organization_get_email (org));
  SET (website_row, tsu_organization_get_website (org));
  SET (hours_row, tsu_organization_get_hours (org));
  SET (joined_row, tsu_organization_get_joined_on (org));
  SET (left_row, tsu_organization_get_left_on (org));
#undef SET
  adw_combo_row_set_selected (self->kind_row, tsu_organization_get_kind (org));
  select_ward (self, tsu_organization_get_ward (org));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            tsu_organization_get_notes (org) ? tsu_organization_get_notes (org) : "",
                            -1);
  self->filling = FALSE;

  update_date_label (self, self->joined_row, self->joined_label);
  update_date_label (self, self->left_row, self->left_label);
  if (tsu_organization_get_id (org) != 0)
    {
      g_autofree char *display = tsu_organization_dup_display_name (org);

      adw_window_title_set_title (self->window_title, _("Edit Organisation"));
      adw_window_title_set_subtitle (self->window_title, display);
    }
  revalidate (self);
}

static void
show_message (TsuOrganizationEditor *self,
              const char            *heading,
              const char            *body)
{
  tsu_editor_show_message (GTK_WINDOW (self), heading, body);
}

static void
on_conflict_response (AdwMessageDialog      *dialog,
                      const char            *response,
                      TsuOrganizationEditor *self)
{
  g_autoptr(TsuOrganization) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reload"))
    return;
  fresh = tsu_organization_load_by_id (self->database,
                                       tsu_organization_get_id (self->organization),
                                       &error);
  if (fresh == NULL)
    {
      show_message (self, _("Could Not Reload"),
                    error ? error->message : _("The organisation has been deleted."));
      return;
    }
  g_set_object (&self->organization, fresh);
  fill (self);
}

/* TRUE when a warning about likely duplicates is now shown. */
static gboolean
warn_about_duplicates (TsuOrganizationEditor *self)
{
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GString) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;

  if (tsu_organization_get_id (self->organization) != 0 || self->duplicate_acknowledged)
    return FALSE;
  similar = tsu_organization_find_similar (self->organization, self->database, &error);
  if (similar == NULL)
    {
      g_warning ("Could not look for duplicates: %s", error->message);
      return FALSE;
    }
  if (similar->len == 0)
    return FALSE;

  names = g_string_new (NULL);
  for (guint i = 0; i < similar->len; i++)
    {
      g_autofree char *display = tsu_organization_dup_display_name (g_ptr_array_index (similar, i));

      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append_printf (names, _("“%s”"), display);
    }
  /* Translators: %s is a list of organisation names */
  subtitle = g_strdup_printf (_("The directory already has %s with the same name or reading. "
                                "Check that this is a different organisation, then click "
                                "“Save Anyway”."),
                              names->str);
  escaped = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (self->duplicate_row, escaped);
  gtk_widget_set_visible (self->duplicate_group, TRUE);
  gtk_button_set_label (self->save_button, _("Save _Anyway"));
  self->duplicate_acknowledged = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return TRUE;
}

static void
save (TsuOrganizationEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  tsu_field_errors_touch_all (&self->errors);
  problems = check (self);
  if (tsu_editor_refuse_invalid (GTK_WINDOW (self), &self->errors, problems,
                                 (TsuEditorFieldWidgetFunc) (void (*) (void)) tsu_organization_editor_get_field_widget,
                                 NULL))
    return;

  if (warn_about_duplicates (self))
    return;

  if (!tsu_organization_save (self->organization, self->database, &error))
    {
      tsu_editor_save_failed (GTK_WINDOW (self), error, _("Could Not Save the Organisation"),
                             _("Someone else changed this organisation after you opened it. "
                               "Reload it to see their changes, then make yours again; "
                               "the changes in this window will be lost."),
                             G_CALLBACK (on_conflict_response));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->organization);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TSU_ORGANIZATION_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
legal_form_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TsuOrganizationEditor *self = TSU_ORGANIZATION_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->legal_form_row), g_variant_get_string (parameter, NULL));
}

static void
add_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsuOrganizationEditor *self = TSU_ORGANIZATION_EDITOR (widget);
  const char *field = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) fields = tsu_organization_parse_fields (entry_text (self->fields_row));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;
  g_autofree char *text = NULL;

  if (g_strv_contains ((const char * const *) fields, field))
    return;
  g_strv_builder_addv (builder, (const char **) fields);
  g_strv_builder_add (builder, field);
  joined = g_strv_builder_end (builder);
  text = g_strjoinv ("、", joined);
  gtk_editable_set_text (GTK_EDITABLE (self->fields_row), text);
  gtk_editable_set_position (GTK_EDITABLE (self->fields_row), -1);
}

static void
on_entry_activated (AdwEntryRow           *row,
                    TsuOrganizationEditor *self)
{
  save (self);
}

static GMenuModel *
make_menu (const char * const *items,
           const char         *action)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (items[i], NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (items[i]));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
tsu_organization_editor_dispose (GObject *object)
{
  TsuOrganizationEditor *self = TSU_ORGANIZATION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_ORGANIZATION_EDITOR);
  g_clear_object (&self->database);
  g_clear_object (&self->organization);
  g_clear_object (&self->wards);

  G_OBJECT_CLASS (tsu_organization_editor_parent_class)->dispose (object);
}

static void
tsu_organization_editor_class_init (TsuOrganizationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_organization_editor_dispose;

  /**
   * TsuOrganizationEditor::saved:
   * @organization: the saved organisation
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, TSU_TYPE_ORGANIZATION);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-organization-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuOrganizationEditor, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (page);
  CHILD (duplicate_group);
  CHILD (duplicate_row);
  CHILD (legal_form_row);
  CHILD (legal_form_button);
  CHILD (name_row);
  CHILD (reading_row);
  CHILD (kind_row);
  CHILD (fields_row);
  CHILD (fields_button);
  CHILD (ward_row);
  CHILD (address_row);
  CHILD (phone_row);
  CHILD (email_row);
  CHILD (website_row);
  CHILD (hours_row);
  CHILD (joined_row);
  CHILD (joined_label);
  CHILD (left_row);
  CHILD (left_label);
  CHILD (notes_view);
  CHILD (name_error_row);
  CHILD (name_error);
  CHILD (reading_error_row);
  CHILD (reading_error);
  CHILD (email_error_row);
  CHILD (email_error);
  CHILD (joined_error_row);
  CHILD (joined_error);
  CHILD (left_error_row);
  CHILD (left_error);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.legal-form", "s", legal_form_action);
  gtk_widget_class_install_action (widget_class, "editor.add-field", "s", add_field_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
tsu_organization_editor_init (TsuOrganizationEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GMenuModel) legal_menu = NULL;
  g_autoptr(GMenuModel) field_menu = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_style = tsu_report_default_date_style ();

  tsu_field_errors_add (&self->errors, "name", GTK_WIDGET (self->name_row), self->name_error_row, self->name_error);
  tsu_field_errors_add (&self->errors, "reading", GTK_WIDGET (self->reading_row), self->reading_error_row, self->reading_error);
  tsu_field_errors_add (&self->errors, "email", GTK_WIDGET (self->email_row), self->email_error_row, self->email_error);
  tsu_field_errors_add (&self->errors, "joined-on", GTK_WIDGET (self->joined_row), self->joined_error_row, self->joined_error);
  tsu_field_errors_add (&self->errors, "left-on", GTK_WIDGET (self->left_row), self->left_error_row, self->left_error);

  for (guint k = TSU_ORGANIZATION_KIND_MEMBER; k <= TSU_ORGANIZATION_KIND_PARTNER; k++)
    gtk_string_list_append (kinds, tsu_organization_kind_to_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->wards = gtk_string_list_new (NULL);
  /* Translators: no ward chosen */
  gtk_string_list_append (self->wards, _("None"));
  for (guint i = 0; wards[i] != NULL; i++)
    gtk_string_list_append (self->wards, wards[i]);
  adw_combo_row_set_model (self->ward_row, G_LIST_MODEL (self->wards));

  legal_menu = make_menu (tsu_legal_forms (), "editor.legal-form");
  gtk_menu_button_set_menu_model (self->legal_form_button, legal_menu);
  field_menu = make_menu (tsu_organization_common_fields (), "editor.add-field");
  gtk_menu_button_set_menu_model (self->fields_button, field_menu);

  {
    AdwEntryRow *entries[] = {
      self->legal_form_row, self->name_row, self->reading_row, self->fields_row,
      self->address_row, self->phone_row, self->email_row, self->website_row,
      self->hours_row, self->joined_row, self->left_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      {
        g_signal_connect (entries[i], "changed", G_CALLBACK (on_entry_changed), self);
        g_signal_connect (entries[i], "entry-activated", G_CALLBACK (on_entry_activated), self);
      }
  }
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (revalidate), self);
  g_signal_connect_swapped (self->ward_row, "notify::selected", G_CALLBACK (revalidate), self);
}

TsuOrganizationEditor *
tsu_organization_editor_new (GtkWindow       *parent,
                             TsuDatabase     *database,
                             TsuOrganization *organization)
{
  TsuOrganizationEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (organization == NULL || TSU_IS_ORGANIZATION (organization), NULL);

  self = g_object_new (TSU_TYPE_ORGANIZATION_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  self->organization = organization ? tsu_organization_copy (organization)
                                    : tsu_organization_new ();
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (organization ? self->name_row : self->legal_form_row));
  return self;
}

const char *
tsu_organization_editor_get_field_error (TsuOrganizationEditor *self,
                                         const char            *field)
{
  g_return_val_if_fail (TSU_IS_ORGANIZATION_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return tsu_field_errors_get_message (&self->errors, field);
}

GtkWidget *
tsu_organization_editor_get_field_widget (TsuOrganizationEditor *self,
                                          const char            *field)
{
  AdwEntryRow *row = NULL;

  g_return_val_if_fail (TSU_IS_ORGANIZATION_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "legal-form"))
    row = self->legal_form_row;
  else if (g_str_equal (field, "name"))
    row = self->name_row;
  else if (g_str_equal (field, "reading"))
    row = self->reading_row;
  else if (g_str_equal (field, "fields"))
    row = self->fields_row;
  else if (g_str_equal (field, "address"))
    row = self->address_row;
  else if (g_str_equal (field, "phone"))
    row = self->phone_row;
  else if (g_str_equal (field, "email"))
    row = self->email_row;
  else if (g_str_equal (field, "website"))
    row = self->website_row;
  else if (g_str_equal (field, "hours"))
    row = self->hours_row;
  else if (g_str_equal (field, "joined-on"))
    row = self->joined_row;
  else if (g_str_equal (field, "left-on"))
    row = self->left_row;
  return row ? GTK_WIDGET (row) : NULL;
}

gboolean
tsu_organization_editor_get_duplicate_shown (TsuOrganizationEditor *self)
{
  g_return_val_if_fail (TSU_IS_ORGANIZATION_EDITOR (self), FALSE);

  return gtk_widget_get_visible (self->duplicate_group);
}
