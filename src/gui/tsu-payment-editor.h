/* tsu-payment-editor.h: the window that adds or edits a payment against a
 * budget line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-budget-line.h"
#include "tsu-database.h"
#include "tsu-payment.h"

G_BEGIN_DECLS

#define TSU_TYPE_PAYMENT_EDITOR (tsu_payment_editor_get_type ())
G_DECLARE_FINAL_TYPE (TsuPaymentEditor, tsu_payment_editor, TSU, PAYMENT_EDITOR, AdwWindow)

/* Edits a copy of @payment, or a new payment against @line when @payment
 * is NULL. A payment that takes the line past its budget is saved only
 * after the user confirms. Emits "saved" with the saved copy before it
 * closes. */
TsuPaymentEditor *tsu_payment_editor_new (GtkWindow     *parent,
                                          TsuDatabase   *database,
                                          TsuBudgetLine *line,
                                          TsuPayment    *payment);

/* The message shown next to @field ("paid-on", "amount"), or NULL. */
const char *tsu_payment_editor_get_field_error  (TsuPaymentEditor *self,
                                                 const char       *field);
/* The entry row of "paid-on", "amount" or "memo". */
GtkWidget  *tsu_payment_editor_get_field_widget (TsuPaymentEditor *self,
                                                 const char       *field);

G_END_DECLS
