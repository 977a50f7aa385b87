/* tsu-referral-stats.h: the anonymised statistics of a fiscal year, as
 * CLI.md's `report referrals` defines them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-referral.h"

G_BEGIN_DECLS

typedef struct
{
  int     fiscal_year;
  guint   cases;         /* received in the year */
  guint   referrals;     /* referred in the year */
  guint   by_status[TSU_N_REFERRAL_STATUSES];
  /* Per ward of the referral's case: referrals, connected, not connected. */
  guint   ward_referrals[TSU_N_WARDS];
  guint   ward_connected[TSU_N_WARDS];
  guint   ward_not_connected[TSU_N_WARDS];
  guint   by_concern[TSU_N_CONCERNS];   /* cases, once under each concern */
  guint   by_month[12];                 /* referrals; [0] is April */
  /* connected / (connected + not connected); negative when both are 0. */
  double  connection_rate;
  guint   foreign_residents;            /* cases */
  /* referred_on → closed_on of connected referrals; negative when none. */
  double  median_days_to_connect;
} TsuReferralStats;

gboolean tsu_referral_stats_compute (TsuDatabase       *db,
                                     int                year,
                                     TsuReferralStats  *stats,
                                     GError           **error);
/* Exactly the JSON of CLI.md (keys in its order and its line layout,
 * every ward, concern and month present, null for an undefined rate or
 * median, numbers with a dot whatever the locale), ending in a newline. */
char    *tsu_referral_stats_to_json (const TsuReferralStats *stats);
/* The same figures as CSV rows "section,key,value" with a header row,
 * LF line ends, no byte-order mark: top-level figures have an empty key
 * ("cases,,12"), the ward figures are the sections by_ward.referrals,
 * by_ward.connected and by_ward.not-connected, and an undefined rate or
 * median is an empty value. */
char    *tsu_referral_stats_to_csv  (const TsuReferralStats *stats);

G_END_DECLS
