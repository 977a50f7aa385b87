/* tsu-demo-budget.h: the budget ledger's part of the demo data (private
 * to the store: a part of tsu_demo_fill()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

/* The budget of 令和5年度 as the table in seed 000 gives it (nine lines,
 * 7,099,480 yen), with a few payments. */
gboolean tsu_demo_fill_budget (TsuDatabase  *db,
                               GError      **error);

G_END_DECLS
