/* tsu-referral-stats-page.h: the statistics of a fiscal year and the
 * referral network picture, shown inside the referrals view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_REFERRAL_STATS_PAGE (tsu_referral_stats_page_get_type ())
G_DECLARE_FINAL_TYPE (TsuReferralStatsPage, tsu_referral_stats_page, TSU, REFERRAL_STATS_PAGE, AdwBin)

GtkWidget *tsu_referral_stats_page_new             (void);
/* Shows fiscal year @year of @database and follows its "changed" signal. */
void       tsu_referral_stats_page_set_fiscal_year (TsuReferralStatsPage *self,
                                                    TsuDatabase          *database,
                                                    int                   year);

G_END_DECLS
