/* tsu-payment-editor.c: the window that adds or edits a payment against a
 * budget line.
 *
 * It edits a copy, so Cancel loses nothing. A payment that would take the
 * line past its budget is not refused (contracts change, and finance may
 * already have paid), but it is saved only after the user has read by how
 * much, with Cancel as the default answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-amount.h"
#include "tsu-date.h"
#include "tsu-editor-support.h"
#include "tsu-field-errors.h"
#include "tsu-payment-editor.h"
#include "tsu-xlsx-style.h"

struct _TsuPaymentEditor
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  AdwEntryRow       *date_row;
  GtkLabel          *date_label;
  AdwPreferencesRow *date_error_row;
  GtkLabel          *date_error;
  AdwEntryRow       *amount_row;
  GtkLabel          *amount_label;
  AdwPreferencesRow *amount_error_row;
  GtkLabel          *amount_error;
  AdwEntryRow       *memo_row;

  /* owned */
  TsuDatabase       *database;
  TsuBudgetLine     *line;
  TsuPayment        *payment;    /* the copy being edited */
  TsuFieldErrors     errors;
  TsuDateStyle       date_style;
  gboolean           filling;
  gboolean           asking;     /* the overspending question is open */
};

G_DEFINE_FINAL_TYPE (TsuPaymentEditor, tsu_payment_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The field name the amount's messages start with. */
static const char *
amount_field_name (void)
{
  return _("Amount Paid");
}

static void
update_labels (TsuPaymentEditor *self)
{
  g_autofree char *date_text = stripped_text (self->date_row);
  g_autofree char *amount_text = stripped_text (self->amount_row);
  g_autofree char *date_shown = NULL;
  g_autofree char *amount_shown = NULL;
  GDate date;
  gint64 yen;

  g_date_clear (&date, 1);
  if (*date_text != '\0' && tsu_date_parse (date_text, &date, NULL))
    date_shown = tsu_date_format (&date, self->date_style);
  gtk_label_set_text (self->date_label, date_shown ? date_shown : "");

  if (*amount_text != '\0' && tsu_amount_parse (amount_text, amount_field_name (), &yen, NULL))
    {
      g_autofree char *formatted = tsu_amount_format (yen);

      /* Translators: an amount of money, %s is "1,158,120" */
      amount_shown = g_strdup_printf (_("%s yen"), formatted);
    }
  gtk_label_set_text (self->amount_label, amount_shown ? amount_shown : "");
}

static GPtrArray *
check (TsuPaymentEditor *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  g_autoptr(GPtrArray) more = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) amount_error = NULL;
  g_autofree char *date_text = stripped_text (self->date_row);
  g_autofree char *amount_text = stripped_text (self->amount_row);
  g_autofree char *memo = stripped_text (self->memo_row);
  GDate date;
  gint64 yen = 0;

  g_date_clear (&date, 1);
  if (*date_text == '\0')
    tsu_field_problems_add (problems, "paid-on", _("Enter the date of the payment."));
  else if (tsu_date_parse (date_text, &date, &date_error))
    {
      g_autofree char *iso = tsu_date_to_iso (&date);

      tsu_payment_set_paid_on (self->payment, iso);
    }
  else
    tsu_field_problems_add (problems, "paid-on", date_error->message);

  if (tsu_amount_parse (amount_text, amount_field_name (), &yen, &amount_error))
    tsu_payment_set_amount (self->payment, yen);
  else
    tsu_field_problems_add (problems, "amount", amount_error->message);
  tsu_payment_set_memo (self->payment, memo);

  more = tsu_payment_validate (self->payment);
  tsu_field_problems_merge (problems, more);
  return problems;
}

static void
revalidate (TsuPaymentEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->filling)
    return;
  problems = check (self);
  tsu_field_errors_show (&self->errors, problems);
}

static void
on_entry_changed (GtkEditable      *editable,
                  TsuPaymentEditor *self)
{
  if (self->filling)
    return;
  tsu_field_errors_touch (&self->errors, GTK_WIDGET (editable));
  update_labels (self);
  revalidate (self);
}

static void
fill (TsuPaymentEditor *self)
{
  TsuPayment *payment = self->payment;
  const char *paid_on = tsu_payment_get_paid_on (payment);
  const char *memo = tsu_payment_get_memo (payment);
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  gboolean existing = tsu_payment_get_id (payment) != 0;

  self->filling = TRUE;
  /* The database keeps ISO; show it the way the user writes dates. */
  if (paid_on != NULL && *paid_on != '\0')
    date = tsu_date_format_iso (paid_on, self->date_style);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  if (existing)
    amount = tsu_amount_format (tsu_payment_get_amount (payment));
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount ? amount : "");
  gtk_editable_set_text (GTK_EDITABLE (self->memo_row), memo ? memo : "");
  self->filling = FALSE;

  update_labels (self);
  if (existing)
    adw_window_title_set_title (self->window_title, _("Edit Payment"));
  adw_window_title_set_subtitle (self->window_title, tsu_budget_line_get_name (self->line));
  revalidate (self);
}

static void
show_message (TsuPaymentEditor *self,
              const char       *heading,
              const char       *body)
{
  tsu_editor_show_message (GTK_WINDOW (self), heading, body);
}

static void
store (TsuPaymentEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!tsu_payment_save (self->payment, self->database, &error))
    {
      show_message (self, _("Could Not Save the Payment"), error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, self->payment);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* By how many yen the line's payments would pass its budget with this
 * payment saved, from what the database holds now. */
static gint64
overspend_by (TsuPaymentEditor *self)
{
  g_autoptr(TsuBudgetLine) line = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  gint64 line_id = tsu_payment_get_budget_line_id (self->payment);
  gint64 paid = 0;

  line = tsu_budget_line_load_by_id (self->database, line_id, &error);
  payments = tsu_payment_load_for_line (self->database, line_id, &error);
  if (line == NULL || payments == NULL)
    return 0;
  for (guint i = 0; i < payments->len; i++)
    {
      TsuPayment *other = g_ptr_array_index (payments, i);

      /* The payment being edited counts as it is now, not as stored. */
      if (tsu_payment_get_id (other) != tsu_payment_get_id (self->payment)
          || tsu_payment_get_id (self->payment) == 0)
        paid += tsu_payment_get_amount (other);
    }
  paid += tsu_payment_get_amount (self->payment);
  return paid - tsu_budget_line_get_amount (line);
}

static gboolean
store_after_question (gpointer user_data)
{
  TsuPaymentEditor *self = user_data;

  /* Closed meanwhile: the user gave up on the payment. */
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    store (self);
  return G_SOURCE_REMOVE;
}

static void
on_overspend_response (AdwMessageDialog *dialog,
                       const char       *response,
                       TsuPaymentEditor *self)
{
  self->asking = FALSE;
  /* Saving closes this window, which must outlive the question's own
   * closing: GTK 4.8 trips over a transient dialog whose parent is
   * destroyed from its "response". */
  if (g_str_equal (response, "pay"))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, store_after_question,
                     g_object_ref (self), g_object_unref);
}

static void
ask_overspend (TsuPaymentEditor *self)
{
  g_autofree char *over = tsu_amount_format (MAX (overspend_by (self), 0));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Over Budget"), NULL);
  /* Translators: %s is the name of the budget line in 「」, the second
   * the amount over the budget: 1,000 */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("This payment takes 「%s」 past its budget by %s yen. Pay anyway?"),
                                  tsu_budget_line_get_name (self->line), over);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "pay", _("_Pay Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "pay",
                                              ADW_RESPONSE_DESTRUCTIVE);
  /* Enter must not overspend by accident. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_overspend_response), self, 0);
  self->asking = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save (TsuPaymentEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean over;

  if (self->asking)
    return;
  tsu_field_errors_touch_all (&self->errors);
  problems = check (self);
  if (tsu_editor_refuse_invalid (GTK_WINDOW (self), &self->errors, problems,
                                 (TsuEditorFieldWidgetFunc) (void (*) (void)) tsu_payment_editor_get_field_widget,
                                 _("Could Not Save the Payment")))
    return;

  over = tsu_payment_would_overspend (self->payment, self->database, &error);
  if (error != NULL)
    {
      show_message (self, _("Could Not Save the Payment"), error->message);
      return;
    }
  if (over)
    ask_overspend (self);
  else
    store (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TSU_PAYMENT_EDITOR (widget));
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
                    TsuPaymentEditor *self)
{
  save (self);
}

static void
tsu_payment_editor_dispose (GObject *object)
{
  TsuPaymentEditor *self = TSU_PAYMENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_PAYMENT_EDITOR);
  g_clear_object (&self->database);
  g_clear_object (&self->line);
  g_clear_object (&self->payment);

  G_OBJECT_CLASS (tsu_payment_editor_parent_class)->dispose (object);
}

static void
tsu_payment_editor_class_init (TsuPaymentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_payment_editor_dispose;

  /**
   * TsuPaymentEditor::saved:
   * @payment: the saved payment
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, TSU_TYPE_PAYMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-payment-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuPaymentEditor, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (date_row);
  CHILD (date_label);
  CHILD (date_error_row);
  CHILD (date_error);
  CHILD (amount_row);
  CHILD (amount_label);
  CHILD (amount_error_row);
  CHILD (amount_error);
  CHILD (memo_row);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
tsu_payment_editor_init (TsuPaymentEditor *self)
{
  AdwEntryRow *entries[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_style = tsu_report_default_date_style ();
  tsu_field_errors_add (&self->errors, "paid-on", GTK_WIDGET (self->date_row),
                        self->date_error_row, self->date_error);
  tsu_field_errors_add (&self->errors, "amount", GTK_WIDGET (self->amount_row),
                        self->amount_error_row, self->amount_error);

  entries[0] = self->date_row;
  entries[1] = self->amount_row;
  entries[2] = self->memo_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect (entries[i], "changed", G_CALLBACK (on_entry_changed), self);
      g_signal_connect (entries[i], "entry-activated", G_CALLBACK (on_entry_activated), self);
    }
}

TsuPaymentEditor *
tsu_payment_editor_new (GtkWindow     *parent,
                        TsuDatabase   *database,
                        TsuBudgetLine *line,
                        TsuPayment    *payment)
{
  TsuPaymentEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (TSU_IS_BUDGET_LINE (line), NULL);
  g_return_val_if_fail (payment == NULL || TSU_IS_PAYMENT (payment), NULL);

  self = g_object_new (TSU_TYPE_PAYMENT_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  self->line = g_object_ref (line);
  if (payment != NULL)
    self->payment = tsu_payment_copy (payment);
  else
    {
      g_autofree char *today = tsu_date_today_iso ();

      /* Most payments are entered the day they are made. */
      self->payment = tsu_payment_new (tsu_budget_line_get_id (line));
      tsu_payment_set_paid_on (self->payment, today);
    }
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (payment ? self->date_row : self->amount_row));
  return self;
}

const char *
tsu_payment_editor_get_field_error (TsuPaymentEditor *self,
                                    const char       *field)
{
  g_return_val_if_fail (TSU_IS_PAYMENT_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return tsu_field_errors_get_message (&self->errors, field);
}

GtkWidget *
tsu_payment_editor_get_field_widget (TsuPaymentEditor *self,
                                     const char       *field)
{
  g_return_val_if_fail (TSU_IS_PAYMENT_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "paid-on") || g_str_equal (field, "date"))
    return GTK_WIDGET (self->date_row);
  if (g_str_equal (field, "amount"))
    return GTK_WIDGET (self->amount_row);
  if (g_str_equal (field, "memo"))
    return GTK_WIDGET (self->memo_row);
  return NULL;
}
