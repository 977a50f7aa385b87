/* tsu-referral-list.h: the referral tracker's lists as SQL: which
 * referrals and cases pass the filters and the search, in the order the
 * view shows them, as ids for a TsuPagedList.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-case.h"
#include "tsu-referral.h"

G_BEGIN_DECLS

typedef enum
{
  /* Open referrals (or those of the status chosen): the overdue first,
   * the longest overdue on top, then by due date and case code. */
  TSU_REFERRAL_LIST_OPEN,
  /* Referrals that did not connect, the latest closed first. */
  TSU_REFERRAL_LIST_CANDIDATES,
} TsuReferralListKind;

typedef struct
{
  int         fiscal_year;  /* 0: every year; else referrals by referred_on, cases by received_on */
  int         ward;         /* a TsuWard of the case, or -1 for every ward */
  int         concern;      /* a TsuConcern the case has, or -1 */
  /* A TsuReferralStatus, or -1: the open ones (sent, accepted) in the
   * referrals list, any in the cases list (where it means "has a referral
   * of that status"). The candidates list ignores it. */
  int         status;
  /* Search text as tsu_kana_normalize() makes it, or NULL: a referral
   * matches by its case code, from, to, or its case's entrance or
   * concerns; a case also by where any of its referrals went. */
  const char *query;
  const char *today;        /* ISO; what is overdue */
} TsuReferralFilter;

void tsu_referral_filter_init (TsuReferralFilter *filter);

/* The distinct places of the referrals (from, to) and entrances of the
 * cases, each with its search key: a search compares the query with a
 * thousand keys here instead of normalising 100,000 rows, then lets
 * SQLite pick the rows by those texts. Load it again after a change. */
typedef struct _TsuPlaceKeys TsuPlaceKeys;

/* From @db (on the calling thread). */
TsuPlaceKeys *tsu_place_keys_load      (TsuDatabase   *db,
                                        GError       **error);
/* From the file at @path through a read-only connection of its own, so
 * that a worker thread can do it while the window goes on. */
TsuPlaceKeys *tsu_place_keys_load_path (const char    *path,
                                        GError       **error);
void          tsu_place_keys_free      (TsuPlaceKeys  *keys);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsuPlaceKeys, tsu_place_keys_free)
/* The texts whose key contains @query (normalised), NULL-terminated. */
char        **tsu_place_keys_match     (TsuPlaceKeys  *keys,
                                        const char    *query);

/* Ids of the referrals of @kind that pass @filter, in the list's order
 * (gint64). @keys is needed when @filter has a query. @n_overdue, if not
 * NULL, gets how many of them are overdue. */
GArray *tsu_referral_list_query_referrals (TsuDatabase              *db,
                                           TsuReferralListKind       kind,
                                           const TsuReferralFilter  *filter,
                                           TsuPlaceKeys             *keys,
                                           guint                    *n_overdue,
                                           GError                  **error);

/* Where a case stands, from its referrals; the cases list sorts by it. */
typedef enum
{
  TSU_CASE_STATE_OPEN,           /* a referral is waiting for an answer */
  TSU_CASE_STATE_NO_REFERRAL,
  TSU_CASE_STATE_NOT_CONNECTED,  /* closed, none connected */
  TSU_CASE_STATE_CONNECTED,
  TSU_CASE_STATE_WITHDRAWN,
  TSU_N_CASE_STATES
} TsuCaseState;

/* Ids of the cases that pass @filter: by where they stand, then the
 * newest received first. */
GArray *tsu_referral_list_query_cases     (TsuDatabase              *db,
                                           const TsuReferralFilter  *filter,
                                           TsuPlaceKeys             *keys,
                                           GError                  **error);

typedef struct
{
  TsuCaseState state;
  guint        n_referrals;
  guint        statuses;      /* a bit per TsuReferralStatus of its referrals */
} TsuCaseSummary;

/* The summaries of the cases @ids (@n of them), in that order. */
GArray *tsu_referral_list_summarize_cases (TsuDatabase   *db,
                                           const gint64  *ids,
                                           guint          n,
                                           GError       **error);

/* The fiscal years that have a case or a referral, latest first (int). */
GArray *tsu_referral_list_fiscal_years    (TsuDatabase   *db,
                                           GError       **error);

G_END_DECLS
