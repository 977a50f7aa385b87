/* tsu-budget-line-editor.c: the window that adds or edits a budget line.
 *
 * It edits a copy, so Cancel loses nothing. The amount is typed the way
 * people copy it from documents (￥1,158,120, 1,158,120円, full-width
 * digits) and shown back formatted beside the field; problems are shown
 * next to their field once it has been touched, and Save refuses while
 * there are any.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-amount.h"
#include "tsu-budget-line-editor.h"
#include "tsu-date.h"
#include "tsu-event.h"
#include "tsu-editor-support.h"
#include "tsu-field-errors.h"
#include "tsu-organization.h"
#include "tsu-xlsx-style.h"

/* The fiscal year row offers the line's year and this many years on
 * either side. */
#define YEAR_SPAN 3

struct _TsuBudgetLineEditor
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  AdwEntryRow       *name_row;
  AdwPreferencesRow *name_error_row;
  GtkLabel          *name_error;
  AdwEntryRow       *timing_row;
  AdwEntryRow       *contractor_row;
  GtkMenuButton     *contractor_button;
  AdwPreferencesRow *contractor_error_row;
  GtkLabel          *contractor_error;
  AdwEntryRow       *amount_row;
  GtkLabel          *amount_label;
  AdwPreferencesRow *amount_error_row;
  GtkLabel          *amount_error;
  AdwComboRow       *funding_row;
  AdwComboRow       *year_row;
  GtkCheckButton    *pillar1_check;
  GtkCheckButton    *pillar2_check;
  GtkCheckButton    *pillar3_check;
  GtkCheckButton    *pillar4_check;
  GtkSwitch         *draft_switch;
  GtkTextView       *description_view;
  GtkTextView       *purpose_view;

  /* owned */
  TsuDatabase       *database;
  TsuBudgetLine     *line;       /* the copy being edited */
  TsuFieldErrors     errors;
  TsuDateStyle       date_style;
  int                first_year; /* of the fiscal year row */
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (TsuBudgetLineEditor, tsu_budget_line_editor, ADW_TYPE_WINDOW)

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
  /* Trailing blank lines are an accident of typing, not content. */
  return g_strchomp (text);
}

static guint
selected_pillars (TsuBudgetLineEditor *self)
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

static int
selected_year (TsuBudgetLineEditor *self)
{
  return self->first_year + (int) adw_combo_row_get_selected (self->year_row);
}

/* The field name the amount's messages start with, as on the sheet. */
static const char *
amount_field_name (void)
{
  return _("Budget Allocation");
}

static void
update_amount_label (TsuBudgetLineEditor *self)
{
  g_autofree char *text = stripped_text (self->amount_row);
  g_autofree char *shown = NULL;
  gint64 yen;

  if (*text != '\0' && tsu_amount_parse (text, amount_field_name (), &yen, NULL))
    {
      g_autofree char *formatted = tsu_amount_format (yen);

      /* Translators: an amount of money, %s is "1,158,120" */
      shown = g_strdup_printf (_("%s yen"), formatted);
    }
  gtk_label_set_text (self->amount_label, shown ? shown : "");
}

/* Copies the widgets into the line and returns every problem: the
 * amount's own message first, then the store's. */
static GPtrArray *
check (TsuBudgetLineEditor *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  g_autoptr(GPtrArray) more = NULL;
  g_autoptr(GError) amount_error = NULL;
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *timing = stripped_text (self->timing_row);
  g_autofree char *contractor = stripped_text (self->contractor_row);
  g_autofree char *amount_text = stripped_text (self->amount_row);
  g_autofree char *description = text_view_text (self->description_view);
  g_autofree char *purpose = text_view_text (self->purpose_view);
  guint funding = adw_combo_row_get_selected (self->funding_row);
  gint64 yen = 0;

  tsu_budget_line_set_name (self->line, name);
  tsu_budget_line_set_timing (self->line, timing);
  tsu_budget_line_set_contractor (self->line, contractor);
  tsu_budget_line_set_description (self->line, description);
  tsu_budget_line_set_purpose (self->line, purpose);
  tsu_budget_line_set_pillars (self->line, selected_pillars (self));
  tsu_budget_line_set_funding (self->line, funding == TSU_FUNDING_CITY ? TSU_FUNDING_CITY
                                                                       : TSU_FUNDING_NATIONAL);
  tsu_budget_line_set_draft (self->line, gtk_switch_get_active (self->draft_switch));
  tsu_budget_line_set_fiscal_year (self->line, selected_year (self));

  if (tsu_amount_parse (amount_text, amount_field_name (), &yen, &amount_error))
    tsu_budget_line_set_amount (self->line, yen);
  else
    tsu_field_problems_add (problems, "amount", amount_error->message);

  more = tsu_budget_line_validate (self->line);
  tsu_field_problems_merge (problems, more);
  return problems;
}

static void
revalidate (TsuBudgetLineEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->filling)
    return;
  problems = check (self);
  tsu_field_errors_show (&self->errors, problems);
}

static void
on_entry_changed (GtkEditable         *editable,
                  TsuBudgetLineEditor *self)
{
  if (self->filling)
    return;
  tsu_field_errors_touch (&self->errors, GTK_WIDGET (editable));
  update_amount_label (self);
  revalidate (self);
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static void
fill_years (TsuBudgetLineEditor *self,
            int                  year)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);

  self->first_year = year - YEAR_SPAN;
  for (int y = self->first_year; y <= year + YEAR_SPAN; y++)
    {
      g_autofree char *label = tsu_fiscal_year_format (y, self->date_style);

      gtk_string_list_append (years, label);
    }
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (years));
  adw_combo_row_set_selected (self->year_row, YEAR_SPAN);
}

static void
fill (TsuBudgetLineEditor *self)
{
  TsuBudgetLine *line = self->line;
  GtkCheckButton *checks[] = {
    self->pillar1_check, self->pillar2_check, self->pillar3_check, self->pillar4_check,
  };
  guint pillars = tsu_budget_line_get_pillars (line);
  gboolean existing = tsu_budget_line_get_id (line) != 0;

  self->filling = TRUE;
#define SET(row, value) gtk_editable_set_text (GTK_EDITABLE (self->row), (value) ? (value) : "")
  SET (name_row, tsu_budget_line_get_name (line));
  SET (timing_row, tsu_budget_line_get_timing (line));
  SET (contractor_row, tsu_budget_line_get_contractor (line));
#undef SET
  if (existing)
    {
      g_autofree char *amount = tsu_amount_format (tsu_budget_line_get_amount (line));

      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
  set_text_view (self->description_view, tsu_budget_line_get_description (line));
  set_text_view (self->purpose_view, tsu_budget_line_get_purpose (line));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    gtk_check_button_set_active (checks[i], (pillars & (1u << i)) != 0);
  adw_combo_row_set_selected (self->funding_row, tsu_budget_line_get_funding (line));
  gtk_switch_set_active (self->draft_switch, tsu_budget_line_get_draft (line));
  fill_years (self, tsu_budget_line_get_fiscal_year (line));
  self->filling = FALSE;

  update_amount_label (self);
  if (existing)
    {
      adw_window_title_set_title (self->window_title, _("Edit Budget Line"));
      adw_window_title_set_subtitle (self->window_title, tsu_budget_line_get_name (line));
    }
  revalidate (self);
}

static void
show_message (TsuBudgetLineEditor *self,
              const char          *heading,
              const char          *body)
{
  tsu_editor_show_message (GTK_WINDOW (self), heading, body);
}

static void
on_conflict_response (AdwMessageDialog    *dialog,
                      const char          *response,
                      TsuBudgetLineEditor *self)
{
  g_autoptr(TsuBudgetLine) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reload"))
    return;
  fresh = tsu_budget_line_load_by_id (self->database, tsu_budget_line_get_id (self->line), &error);
  if (fresh == NULL)
    {
      show_message (self, _("Could Not Reload"),
                    error ? error->message : _("The budget line has been deleted."));
      return;
    }
  g_set_object (&self->line, fresh);
  fill (self);
}

static void
save (TsuBudgetLineEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  tsu_field_errors_touch_all (&self->errors);
  problems = check (self);
  if (tsu_editor_refuse_invalid (GTK_WINDOW (self), &self->errors, problems,
                                 (TsuEditorFieldWidgetFunc) (void (*) (void)) tsu_budget_line_editor_get_field_widget,
                                 _("Could Not Save the Budget Line")))
    return;

  if (!tsu_budget_line_save (self->line, self->database, &error))
    {
      tsu_editor_save_failed (GTK_WINDOW (self), error, _("Could Not Save the Budget Line"),
                             _("Someone else changed this budget line after you opened it. "
                               "Reload it to see their changes, then make yours again; "
                               "the changes in this window will be lost."),
                             G_CALLBACK (on_conflict_response));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->line);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TSU_BUDGET_LINE_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
contractor_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TsuBudgetLineEditor *self = TSU_BUDGET_LINE_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->contractor_row), g_variant_get_string (parameter, NULL));
}

static void
on_entry_activated (AdwEntryRow         *row,
                    TsuBudgetLineEditor *self)
{
  save (self);
}

/* Contractors of earlier lines first, then the member organisations not
 * among them: most projects go to a member, and the ones that do not are
 * companies that come back year after year. A name typed here that is
 * in neither list joins the contractors when the line is saved. */
static void
build_contractor_menu (TsuBudgetLineEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) known = g_menu_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) contractors = NULL;
  g_autoptr(GError) error = NULL;

  contractors = tsu_contractor_list (self->database, &error);
  if (contractors == NULL && error != NULL)
    g_warning ("Could not load the contractors: %s", error->message);
  for (guint i = 0; contractors != NULL && contractors[i] != NULL; i++)
    if (g_hash_table_add (seen, g_strdup (contractors[i])))
      tsu_editor_append_choice (known, "editor.contractor", contractors[i]);
  if (g_menu_model_get_n_items (G_MENU_MODEL (known)) > 0)
    g_menu_append_section (menu, _("Contractors"), G_MENU_MODEL (known));
  tsu_editor_append_member_section (menu, self->database, "editor.contractor", seen);
  gtk_menu_button_set_menu_model (self->contractor_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->contractor_button),
                            g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
}

static void
tsu_budget_line_editor_dispose (GObject *object)
{
  TsuBudgetLineEditor *self = TSU_BUDGET_LINE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_BUDGET_LINE_EDITOR);
  g_clear_object (&self->database);
  g_clear_object (&self->line);

  G_OBJECT_CLASS (tsu_budget_line_editor_parent_class)->dispose (object);
}

static void
tsu_budget_line_editor_class_init (TsuBudgetLineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_budget_line_editor_dispose;

  /**
   * TsuBudgetLineEditor::saved:
   * @line: the saved line
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, TSU_TYPE_BUDGET_LINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/tsunagu/Tsunagu/tsu-budget-line-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuBudgetLineEditor, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (name_row);
  CHILD (name_error_row);
  CHILD (name_error);
  CHILD (timing_row);
  CHILD (contractor_row);
  CHILD (contractor_button);
  CHILD (contractor_error_row);
  CHILD (contractor_error);
  CHILD (amount_row);
  CHILD (amount_label);
  CHILD (amount_error_row);
  CHILD (amount_error);
  CHILD (funding_row);
  CHILD (year_row);
  CHILD (pillar1_check);
  CHILD (pillar2_check);
  CHILD (pillar3_check);
  CHILD (pillar4_check);
  CHILD (draft_switch);
  CHILD (description_view);
  CHILD (purpose_view);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.contractor", "s", contractor_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
tsu_budget_line_editor_init (TsuBudgetLineEditor *self)
{
  g_autoptr(GtkStringList) fundings = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_style = tsu_report_default_date_style ();

  tsu_field_errors_add (&self->errors, "name", GTK_WIDGET (self->name_row),
                        self->name_error_row, self->name_error);
  tsu_field_errors_add (&self->errors, "contractor", GTK_WIDGET (self->contractor_row),
                        self->contractor_error_row, self->contractor_error);
  tsu_field_errors_add (&self->errors, "amount", GTK_WIDGET (self->amount_row),
                        self->amount_error_row, self->amount_error);

  /* In enum order, so the selected position is the funding. */
  gtk_string_list_append (fundings, tsu_funding_to_label (TSU_FUNDING_NATIONAL));
  gtk_string_list_append (fundings, tsu_funding_to_label (TSU_FUNDING_CITY));
  adw_combo_row_set_model (self->funding_row, G_LIST_MODEL (fundings));

  {
    AdwEntryRow *entries[] = {
      self->name_row, self->timing_row, self->contractor_row, self->amount_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      {
        g_signal_connect (entries[i], "changed", G_CALLBACK (on_entry_changed), self);
        g_signal_connect (entries[i], "entry-activated", G_CALLBACK (on_entry_activated), self);
      }
  }
  {
    GtkCheckButton *checks[] = {
      self->pillar1_check, self->pillar2_check, self->pillar3_check, self->pillar4_check,
    };

    for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
      g_signal_connect_swapped (checks[i], "toggled", G_CALLBACK (revalidate), self);
  }
  g_signal_connect_swapped (self->funding_row, "notify::selected", G_CALLBACK (revalidate), self);
  g_signal_connect_swapped (self->year_row, "notify::selected", G_CALLBACK (revalidate), self);
  g_signal_connect_swapped (self->draft_switch, "notify::active", G_CALLBACK (revalidate), self);
}

TsuBudgetLineEditor *
tsu_budget_line_editor_new (GtkWindow     *parent,
                            TsuDatabase   *database,
                            TsuBudgetLine *line,
                            int            fiscal_year)
{
  TsuBudgetLineEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (line == NULL || TSU_IS_BUDGET_LINE (line), NULL);

  self = g_object_new (TSU_TYPE_BUDGET_LINE_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  self->line = line ? tsu_budget_line_copy (line) : tsu_budget_line_new (fiscal_year);
  build_contractor_menu (self);
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

const char *
tsu_budget_line_editor_get_field_error (TsuBudgetLineEditor *self,
                                        const char          *field)
{
  g_return_val_if_fail (TSU_IS_BUDGET_LINE_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return tsu_field_errors_get_message (&self->errors, field);
}

GtkWidget *
tsu_budget_line_editor_get_field_widget (TsuBudgetLineEditor *self,
                                         const char          *field)
{
  struct { const char *field; gpointer widget; } widgets[] = {
    { "name", self->name_row },
    { "timing", self->timing_row },
    { "contractor", self->contractor_row },
    { "amount", self->amount_row },
    { "description", self->description_view },
    { "purpose", self->purpose_view },
    { "pillars", self->pillar1_check },
    { "pillar-1", self->pillar1_check },
    { "pillar-2", self->pillar2_check },
    { "pillar-3", self->pillar3_check },
    { "pillar-4", self->pillar4_check },
    { "funding", self->funding_row },
    { "fiscal-year", self->year_row },
    { "draft", self->draft_switch },
  };

  g_return_val_if_fail (TSU_IS_BUDGET_LINE_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].field, field))
      return GTK_WIDGET (widgets[i].widget);
  return NULL;
}
