/* tsu-referrals-view.h: the referral tracker (つなぐ・つなげる仕組み).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_REFERRALS_VIEW (tsu_referrals_view_get_type ())
G_DECLARE_FINAL_TYPE (TsuReferralsView, tsu_referrals_view, TSU, REFERRALS_VIEW, AdwBin)

GtkWidget *tsu_referrals_view_new          (void);
void       tsu_referrals_view_set_database (TsuReferralsView *self,
                                            TsuDatabase      *database);
/* Opens the editor for a new case (Ctrl+N). */
void       tsu_referrals_view_add_case     (TsuReferralsView *self);
/* Shows the case's page. */
void       tsu_referrals_view_show_case    (TsuReferralsView *self,
                                            gint64            case_id);

G_END_DECLS
