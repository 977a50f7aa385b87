/* tsu-demo-referrals.h: the referral tracker's part of the demo data
 * (private to the store: a part of tsu_demo_fill()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

/* About sixty made-up cases of 令和5年度 (FY2023) with their referrals
 * between the demo directory's organisations and the ward counters,
 * drawn from a fixed pseudo-random sequence so that every demo is the
 * same. No names, and no notes about anybody. */
gboolean tsu_demo_fill_referrals (TsuDatabase  *db,
                                  GError      **error);

G_END_DECLS
