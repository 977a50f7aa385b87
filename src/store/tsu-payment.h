/* tsu-payment.h: a payment made against a budget line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_PAYMENT (tsu_payment_get_type ())
G_DECLARE_FINAL_TYPE (TsuPayment, tsu_payment, TSU, PAYMENT, GObject)

TsuPayment *tsu_payment_new                (gint64       budget_line_id);
TsuPayment *tsu_payment_copy               (TsuPayment  *self);

gint64      tsu_payment_get_id             (TsuPayment  *self);
gint64      tsu_payment_get_budget_line_id (TsuPayment  *self);
const char *tsu_payment_get_paid_on        (TsuPayment  *self); /* ISO date */
gint64      tsu_payment_get_amount         (TsuPayment  *self);
const char *tsu_payment_get_memo           (TsuPayment  *self); /* 摘要 */

void tsu_payment_set_paid_on (TsuPayment *self, const char *iso_date);
void tsu_payment_set_amount  (TsuPayment *self, gint64 amount);
void tsu_payment_set_memo    (TsuPayment *self, const char *memo);

GPtrArray  *tsu_payment_validate (TsuPayment   *self);
/* TRUE when saving @self would take the line's payments past its budget:
 * the caller asks the user to confirm before tsu_payment_save(). */
gboolean    tsu_payment_would_overspend (TsuPayment   *self,
                                         TsuDatabase  *db,
                                         GError      **error);
gboolean    tsu_payment_save     (TsuPayment   *self,
                                  TsuDatabase  *db,
                                  GError      **error);
gboolean    tsu_payment_delete   (TsuDatabase  *db,
                                  gint64        id,
                                  GError      **error);

/* By date. */
GPtrArray  *tsu_payment_load_for_line        (TsuDatabase  *db,
                                              gint64        budget_line_id,
                                              GError      **error);
/* Every payment against lines of fiscal year @year, by date. */
GPtrArray  *tsu_payment_load_for_fiscal_year (TsuDatabase  *db,
                                              int           year,
                                              GError      **error);

G_END_DECLS
