/* tsu-referral-editor.c: the window that makes or edits a referral.
 *
 * It edits a copy, so Cancel loses nothing. "From" starts as the case's
 * entrance, the date as today and the answer as due some days later (the
 * "referral-due-days" setting, 14 without it). Below the form, the member
 * organisations whose fields of activity fit the case's concerns are
 * offered with their service hours; choosing one fills "To".
 *
 * A case that may not share (no consent, no other legal basis) gets a
 * warning and a field for the reason to refer anyway; without a reason
 * Save refuses, and the reason is stored with the referral.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-date.h"
#include "tsu-editor-support.h"
#include "tsu-field-errors.h"
#include "tsu-kana.h"
#include "tsu-referral-editor.h"
#include "tsu-xlsx-style.h"

struct _TsuReferralEditor
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  AdwActionRow      *case_row;
  AdwPreferencesGroup *consent_group;
  AdwEntryRow       *override_row;
  AdwPreferencesRow *override_error_row;
  GtkLabel          *override_error;
  AdwEntryRow       *from_row;
  GtkMenuButton     *from_button;
  AdwPreferencesRow *from_error_row;
  GtkLabel          *from_error;
  AdwEntryRow       *to_row;
  GtkMenuButton     *to_button;
  AdwPreferencesRow *to_error_row;
  GtkLabel          *to_error;
  AdwEntryRow       *referred_row;
  AdwPreferencesRow *referred_error_row;
  GtkLabel          *referred_error;
  AdwEntryRow       *due_row;
  AdwPreferencesRow *due_error_row;
  GtkLabel          *due_error;
  GtkListBox        *suggestions_list;

  /* owned */
  TsuDatabase       *database;
  TsuCase           *referral_case;
  TsuReferral       *edited;      /* the copy being edited */
  TsuFieldErrors     errors;
  TsuDateStyle       date_style;
  int                due_days;
  gboolean           due_touched; /* typed by the user: no longer follows */
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (TsuReferralEditor, tsu_referral_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Words that name each concern in organisations' fields of activity, in
 * Japanese (as the members write them) and in English (the untranslated
 * common fields). Matched after tsu_kana_normalize(), as substrings. */
static const char * const concern_keywords[TSU_N_CONCERNS][7] = {
  [TSU_CONCERN_POVERTY]    = { "生活困窮", "困窮", "ホームレス", "poverty", "homeless", NULL },
  [TSU_CONCERN_EMPLOYMENT] = { "就労", "仕事", "employment", NULL },
  [TSU_CONCERN_HOUSING]    = { "住まい", "住宅", "居住", "ホームレス", "housing", "homeless", NULL },
  [TSU_CONCERN_HIKIKOMORI] = { "ひきこもり", "引きこもり", "hikikomori", NULL },
  [TSU_CONCERN_CHILD]      = { "子ども", "子供", "こども", "子育て", "child", NULL },
  [TSU_CONCERN_YOUTH]      = { "若者", "youth", NULL },
  [TSU_CONCERN_ELDERLY]    = { "高齢", "elderly", NULL },
  [TSU_CONCERN_DEMENTIA]   = { "認知症", "dementia", NULL },
  [TSU_CONCERN_DISABILITY] = { "障害", "障がい", "disab", NULL },
  [TSU_CONCERN_FOREIGN]    = { "外国人", "多言語", "foreign", NULL },
  [TSU_CONCERN_SUICIDE]    = { "自殺", "suicide", NULL },
  [TSU_CONCERN_FOOD]       = { "フードバンク", "食", "food", NULL },
  [TSU_CONCERN_VIOLENCE]   = { "暴力", "虐待", "dv", "violence", NULL },
  [TSU_CONCERN_OTHER]      = { NULL },
};

static gboolean
field_fits_concern (const char *normalized_field,
                    TsuConcern  concern)
{
  for (guint k = 0; concern_keywords[concern][k] != NULL; k++)
    {
      g_autofree char *keyword = tsu_kana_normalize (concern_keywords[concern][k]);

      if (keyword != NULL && *keyword != '\0' && strstr (normalized_field, keyword) != NULL)
        return TRUE;
    }
  return FALSE;
}

gboolean
tsu_referral_editor_organization_fits (TsuOrganization *org,
                                       guint            concerns,
                                       GPtrArray       *matched)
{
  const char * const *fields;
  gboolean fits = FALSE;

  g_return_val_if_fail (TSU_IS_ORGANIZATION (org), FALSE);

  fields = tsu_organization_get_fields (org);
  for (guint f = 0; fields != NULL && fields[f] != NULL; f++)
    {
      g_autofree char *normalized = tsu_kana_normalize (fields[f]);

      if (normalized == NULL)
        continue;
      for (TsuConcern c = 0; c < TSU_N_CONCERNS; c++)
        if ((concerns & (1u << c)) && field_fits_concern (normalized, c))
          {
            fits = TRUE;
            if (matched != NULL)
              g_ptr_array_add (matched, (gpointer) fields[f]);
            break;
          }
    }
  return fits;
}

static GSettings *
lookup_settings (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* A missing schema or key (an uninstalled test run, an older schema)
   * must not abort. */
  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  return g_settings_new (APPLICATION_ID);
}

static int
lookup_due_days (void)
{
  g_autoptr(GSettings) settings = lookup_settings ("referral-due-days");
  g_autoptr(GVariant) value = NULL;
  gint64 days = TSU_REFERRAL_EDITOR_DEFAULT_DUE_DAYS;

  if (settings == NULL)
    return TSU_REFERRAL_EDITOR_DEFAULT_DUE_DAYS;
  /* Whatever integer type the key gets. */
  value = g_settings_get_value (settings, "referral-due-days");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    days = g_variant_get_int32 (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    days = g_variant_get_uint32 (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    days = g_variant_get_int64 (value);
  return days > 0 && days < 1000 ? (int) days : TSU_REFERRAL_EDITOR_DEFAULT_DUE_DAYS;
}

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
parse_date (const char *text,
            GDate      *date,
            GError    **error)
{
  g_date_clear (date, 1);
  return tsu_date_parse (text, date, error);
}

/* ISO of the date typed in @row, "" when empty, NULL (with a problem)
 * when it is not a date. */
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
  if (!parse_date (text, &date, &error))
    {
      tsu_field_problems_add (problems, field, error->message);
      return NULL;
    }
  return tsu_date_to_iso (&date);
}

static gboolean
needs_override (TsuReferralEditor *self)
{
  return !tsu_case_may_share (self->referral_case);
}

static GPtrArray *
check (TsuReferralEditor *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  g_autoptr(GPtrArray) more = NULL;
  g_autofree char *from = stripped_text (self->from_row);
  g_autofree char *to = stripped_text (self->to_row);
  g_autofree char *override = stripped_text (self->override_row);
  g_autofree char *referred = parse_date_row (self->referred_row, "referred-on", problems);
  g_autofree char *due = parse_date_row (self->due_row, "due-on", problems);

  tsu_referral_set_from (self->edited, from);
  tsu_referral_set_to (self->edited, to);
  if (referred != NULL)
    tsu_referral_set_referred_on (self->edited, referred);
  if (due != NULL)
    tsu_referral_set_due_on (self->edited, due);
  if (needs_override (self))
    {
      tsu_referral_set_override (self->edited, override);
      /* Said here too, in the editor's own words, whatever the store's
       * check reports. */
      if (*override == '\0')
        tsu_field_problems_add (problems, "override",
                                _("This case may not be shared: write why it is referred anyway."));
    }
  else
    tsu_referral_set_override (self->edited, "");
  if (referred != NULL && due != NULL && *referred && *due && g_strcmp0 (due, referred) < 0)
    tsu_field_problems_add (problems, "due-on", _("The answer cannot be due before the referral."));

  more = tsu_referral_validate (self->edited, self->referral_case);
  tsu_field_problems_merge (problems, more);
  return problems;
}

static void
revalidate (TsuReferralEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->filling)
    return;
  problems = check (self);
  tsu_field_errors_show (&self->errors, problems);
}

static void
set_date_row (TsuReferralEditor *self,
              AdwEntryRow       *row,
              const char        *iso)
{
  g_autofree char *text = iso && *iso ? tsu_date_format_iso (iso, self->date_style) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* The due date follows the referral date until it is typed by hand. */
static void
update_due (TsuReferralEditor *self)
{
  g_autofree char *text = stripped_text (self->referred_row);
  g_autofree char *iso = NULL;
  GDate date;
  gboolean was_filling = self->filling;

  if (self->due_touched || !parse_date (text, &date, NULL))
    return;
  g_date_add_days (&date, (guint) self->due_days);
  iso = tsu_date_to_iso (&date);
  self->filling = TRUE;
  set_date_row (self, self->due_row, iso);
  self->filling = was_filling;
}

static void
on_entry_changed (GtkEditable       *editable,
                  TsuReferralEditor *self)
{
  if (self->filling)
    return;
  tsu_field_errors_touch (&self->errors, GTK_WIDGET (editable));
  if (GTK_WIDGET (editable) == GTK_WIDGET (self->due_row))
    self->due_touched = TRUE;
  else if (GTK_WIDGET (editable) == GTK_WIDGET (self->referred_row))
    update_due (self);
  revalidate (self);
}

static void
fill (TsuReferralEditor *self)
{
  TsuReferral *r = self->edited;
  gboolean existing = tsu_referral_get_id (r) != 0;
  g_autofree char *concerns = tsu_concerns_to_text (tsu_case_get_concerns (self->referral_case), FALSE);

  self->filling = TRUE;
#define SET(row, value) gtk_editable_set_text (GTK_EDITABLE (self->row), (value) ? (value) : "")
  SET (from_row, tsu_referral_get_from (r));
  SET (to_row, tsu_referral_get_to (r));
  SET (override_row, tsu_referral_get_override (r));
#undef SET
  set_date_row (self, self->referred_row, tsu_referral_get_referred_on (r));
  set_date_row (self, self->due_row, tsu_referral_get_due_on (r));
  self->filling = FALSE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->case_row), tsu_case_get_code (self->referral_case));
  adw_action_row_set_subtitle (self->case_row, concerns && *concerns ? concerns : _("No concerns recorded"));
  gtk_widget_set_visible (GTK_WIDGET (self->consent_group), needs_override (self));
  if (existing)
    {
      adw_window_title_set_title (self->window_title, _("Edit Referral"));
      self->due_touched = TRUE;
    }
  adw_window_title_set_subtitle (self->window_title, tsu_case_get_code (self->referral_case));
  revalidate (self);
}

static void
show_message (TsuReferralEditor *self,
              const char        *heading,
              const char        *body)
{
  tsu_editor_show_message (GTK_WINDOW (self), heading, body);
}

static void
on_conflict_response (AdwMessageDialog  *dialog,
                      const char        *response,
                      TsuReferralEditor *self)
{
  g_autoptr(TsuReferral) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reload"))
    return;
  fresh = tsu_referral_load_by_id (self->database, tsu_referral_get_id (self->edited), &error);
  if (fresh == NULL)
    {
      show_message (self, _("Could Not Reload"),
                    error ? error->message : _("The referral has been deleted."));
      return;
    }
  g_set_object (&self->edited, fresh);
  fill (self);
}

static void
save (TsuReferralEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  tsu_field_errors_touch_all (&self->errors);
  problems = check (self);
  if (tsu_editor_refuse_invalid (GTK_WINDOW (self), &self->errors, problems,
                                 (TsuEditorFieldWidgetFunc) (void (*) (void)) tsu_referral_editor_get_field_widget,
                                 _("Could Not Save the Referral")))
    return;

  if (!tsu_referral_save (self->edited, self->database, &error))
    {
      tsu_editor_save_failed (GTK_WINDOW (self), error, _("Could Not Save the Referral"),
                             _("Someone else changed this referral after you opened it. "
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
  save (TSU_REFERRAL_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
from_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsuReferralEditor *self = TSU_REFERRAL_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), g_variant_get_string (parameter, NULL));
}

static void
to_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  TsuReferralEditor *self = TSU_REFERRAL_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->to_row), g_variant_get_string (parameter, NULL));
}

static void
on_entry_activated (AdwEntryRow       *row,
                    TsuReferralEditor *self)
{
  save (self);
}

static void
on_suggestion_activated (GtkListBox        *box,
                         GtkListBoxRow     *row,
                         TsuReferralEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "tsu-name");

  if (name != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->to_row), name);
      gtk_widget_grab_focus (GTK_WIDGET (self->to_row));
    }
}

typedef struct
{
  TsuOrganization *org;
  GPtrArray       *matched;  /* borrowed field names */
  guint            position; /* 五十音順 as loaded */
} Suggestion;

static void
suggestion_free (Suggestion *s)
{
  g_ptr_array_unref (s->matched);
  g_free (s);
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *x = *(Suggestion * const *) a;
  const Suggestion *y = *(Suggestion * const *) b;

  /* The organisations that fit more of the concerns first. */
  if (x->matched->len != y->matched->len)
    return x->matched->len > y->matched->len ? -1 : 1;
  return (x->position > y->position) - (x->position < y->position);
}

static GMenu *
organization_menu (GPtrArray  *orgs,
                   const char *action)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) members = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  g_autofree char *today = tsu_date_today_iso ();

  for (guint i = 0; orgs != NULL && i < orgs->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (orgs, i);
      g_autofree char *display = NULL;

      if (!tsu_organization_is_current (org, today))
        continue;
      display = tsu_organization_dup_display_name (org);
      tsu_editor_append_choice (tsu_organization_get_kind (org) == TSU_ORGANIZATION_KIND_MEMBER ? members : others,
                                action, display);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (members)) > 0)
    g_menu_append_section (menu, _("Member Organisations"), G_MENU_MODEL (members));
  if (g_menu_model_get_n_items (G_MENU_MODEL (others)) > 0)
    g_menu_append_section (menu, _("Government and Partners"), G_MENU_MODEL (others));
  tsu_editor_append_ward_counter_section (menu, action);
  return menu;
}

static void
build_suggestions (TsuReferralEditor *self)
{
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) suggestion_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenu) from_menu = NULL;
  g_autoptr(GMenu) to_menu = NULL;
  g_autofree char *today = tsu_date_today_iso ();
  guint concerns = tsu_case_get_concerns (self->referral_case);
  GtkWidget *placeholder;

  orgs = tsu_organization_load_all (self->database, &error);
  if (orgs == NULL)
    g_warning ("Could not load the organisations: %s", error->message);

  from_menu = organization_menu (orgs, "editor.from");
  to_menu = organization_menu (orgs, "editor.to");
  gtk_menu_button_set_menu_model (self->from_button, G_MENU_MODEL (from_menu));
  gtk_menu_button_set_menu_model (self->to_button, G_MENU_MODEL (to_menu));

  for (guint i = 0; orgs != NULL && i < orgs->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (orgs, i);
      Suggestion *s;

      if (tsu_organization_get_kind (org) != TSU_ORGANIZATION_KIND_MEMBER
          || !tsu_organization_is_current (org, today))
        continue;
      s = g_new0 (Suggestion, 1);
      s->org = org;
      s->matched = g_ptr_array_new ();
      s->position = i;
      if (tsu_referral_editor_organization_fits (org, concerns, s->matched))
        g_ptr_array_add (suggestions, s);
      else
        suggestion_free (s);
    }
  g_ptr_array_sort (suggestions, compare_suggestions);

  for (guint i = 0; i < suggestions->len; i++)
    {
      Suggestion *s = g_ptr_array_index (suggestions, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");
      g_autofree char *display = tsu_organization_dup_display_name (s->org);
      const char *hours = tsu_organization_get_hours (s->org);
      g_autofree char *fields = NULL;
      g_autofree char *subtitle = NULL;

      g_ptr_array_add (s->matched, NULL);
      fields = g_strjoinv ("、", (char **) s->matched->pdata);
      g_ptr_array_remove_index (s->matched, s->matched->len - 1);
      subtitle = hours && *hours
                 /* Translators: a suggested organisation: its fields of
                  * activity that fit the case, then its service hours */
                 ? g_strdup_printf (_("%s · Hours: %s"), fields, hours)
                 : g_strdup_printf (_("%s · Hours not known"), fields);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), display);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Refer to this organisation"));
      g_object_set_data_full (G_OBJECT (row), "tsu-name", g_steal_pointer (&display), g_free);
      gtk_list_box_append (self->suggestions_list, row);
    }

  placeholder = gtk_label_new (concerns == 0
                               ? _("Record the case’s concerns to see who could take it on.")
                               : _("No member organisation lists a field of activity that fits these concerns."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->suggestions_list, placeholder);
}

static void
tsu_referral_editor_dispose (GObject *object)
{
  TsuReferralEditor *self = TSU_REFERRAL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_REFERRAL_EDITOR);
  g_clear_object (&self->database);
  g_clear_object (&self->referral_case);
  g_clear_object (&self->edited);

  G_OBJECT_CLASS (tsu_referral_editor_parent_class)->dispose (object);
}

static void
tsu_referral_editor_class_init (TsuReferralEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_referral_editor_dispose;

  /**
   * TsuReferralEditor::saved:
   * @referral: the saved referral
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, TSU_TYPE_REFERRAL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/tsunagu/Tsunagu/tsu-referral-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuReferralEditor, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (case_row);
  CHILD (consent_group);
  CHILD (override_row);
  CHILD (override_error_row);
  CHILD (override_error);
  CHILD (from_row);
  CHILD (from_button);
  CHILD (from_error_row);
  CHILD (from_error);
  CHILD (to_row);
  CHILD (to_button);
  CHILD (to_error_row);
  CHILD (to_error);
  CHILD (referred_row);
  CHILD (referred_error_row);
  CHILD (referred_error);
  CHILD (due_row);
  CHILD (due_error_row);
  CHILD (due_error);
  CHILD (suggestions_list);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.from", "s", from_action);
  gtk_widget_class_install_action (widget_class, "editor.to", "s", to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
tsu_referral_editor_init (TsuReferralEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_style = tsu_report_default_date_style ();
  self->due_days = lookup_due_days ();

  /* Field names as tsu_referral_validate() reports them. */
  tsu_field_errors_add (&self->errors, "override", GTK_WIDGET (self->override_row),
                        self->override_error_row, self->override_error);
  tsu_field_errors_add (&self->errors, "from", GTK_WIDGET (self->from_row),
                        self->from_error_row, self->from_error);
  tsu_field_errors_add (&self->errors, "to", GTK_WIDGET (self->to_row),
                        self->to_error_row, self->to_error);
  tsu_field_errors_add (&self->errors, "referred-on", GTK_WIDGET (self->referred_row),
                        self->referred_error_row, self->referred_error);
  tsu_field_errors_add (&self->errors, "due-on", GTK_WIDGET (self->due_row),
                        self->due_error_row, self->due_error);

  {
    AdwEntryRow *entries[] = {
      self->override_row, self->from_row, self->to_row, self->referred_row, self->due_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      {
        g_signal_connect (entries[i], "changed", G_CALLBACK (on_entry_changed), self);
        g_signal_connect (entries[i], "entry-activated", G_CALLBACK (on_entry_activated), self);
      }
  }
  g_signal_connect (self->suggestions_list, "row-activated", G_CALLBACK (on_suggestion_activated), self);
}

TsuReferralEditor *
tsu_referral_editor_new (GtkWindow   *parent,
                         TsuDatabase *database,
                         TsuCase     *referral_case,
                         TsuReferral *referral)
{
  TsuReferralEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (TSU_IS_CASE (referral_case), NULL);
  g_return_val_if_fail (referral == NULL || TSU_IS_REFERRAL (referral), NULL);

  self = g_object_new (TSU_TYPE_REFERRAL_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  self->referral_case = g_object_ref (referral_case);
  if (referral != NULL)
    self->edited = tsu_referral_copy (referral);
  else
    {
      g_autofree char *today = tsu_date_today_iso ();
      GDate due;

      self->edited = tsu_referral_new (tsu_case_get_id (referral_case));
      tsu_referral_set_from (self->edited, tsu_case_get_entrance (referral_case));
      tsu_referral_set_referred_on (self->edited, today);
      if (tsu_date_from_iso (today, &due))
        {
          g_autofree char *due_iso = NULL;

          g_date_add_days (&due, (guint) self->due_days);
          due_iso = tsu_date_to_iso (&due);
          tsu_referral_set_due_on (self->edited, due_iso);
        }
    }
  build_suggestions (self);
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (needs_override (self) ? self->override_row : self->to_row));
  return self;
}

const char *
tsu_referral_editor_get_field_error (TsuReferralEditor *self,
                                     const char        *field)
{
  g_return_val_if_fail (TSU_IS_REFERRAL_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return tsu_field_errors_get_message (&self->errors, field);
}

GtkWidget *
tsu_referral_editor_get_field_widget (TsuReferralEditor *self,
                                      const char        *field)
{
  struct { const char *field; gpointer widget; } widgets[] = {
    { "from", self->from_row },
    { "to", self->to_row },
    { "referred-on", self->referred_row },
    { "due-on", self->due_row },
    { "override", self->override_row },
  };

  g_return_val_if_fail (TSU_IS_REFERRAL_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].field, field))
      return GTK_WIDGET (widgets[i].widget);
  return NULL;
}

GtkListBox *
tsu_referral_editor_get_suggestions (TsuReferralEditor *self)
{
  g_return_val_if_fail (TSU_IS_REFERRAL_EDITOR (self), NULL);

  return self->suggestions_list;
}
