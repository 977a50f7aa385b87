/* tsu-amount.h: money in whole yen, as people type and spreadsheets hold it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest amount accepted: a trillion yen less one, far above any
 * council budget and well inside a double's exact integers, so Excel
 * keeps it exact. */
#define TSU_AMOUNT_MAX G_GINT64_CONSTANT (999999999999)

/* Accepts 1158120, 1,158,120, ￥1,158,120, ¥1,158,120, 1,158,120円 and
 * full-width digits, with spaces around. Refuses negative, fractional,
 * empty, non-numeric and out-of-range amounts; @field names the field in
 * the message ("予算配分: …"). */
gboolean tsu_amount_parse  (const char  *text,
                            const char  *field,
                            gint64      *yen,
                            GError     **error);
/* "1,158,120". */
char    *tsu_amount_format (gint64       yen);

G_END_DECLS
