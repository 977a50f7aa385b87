/* tsu-referral.h: a case handed from one organisation (or ward counter)
 * to another, and how it went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-case.h"

G_BEGIN_DECLS

/* Days from referred_on to due_on when none is given (until Preferences
 * has a setting for it). */
#define TSU_REFERRAL_DEFAULT_DUE_DAYS 14

typedef enum
{
  TSU_REFERRAL_SENT,           /* 紹介済 */
  TSU_REFERRAL_ACCEPTED,       /* 受入 */
  TSU_REFERRAL_DECLINED,       /* 受入不可 */
  TSU_REFERRAL_CONNECTED,      /* つながった */
  TSU_REFERRAL_NOT_CONNECTED,  /* つながらなかった */
  TSU_REFERRAL_WITHDRAWN,      /* 取下げ */
  TSU_N_REFERRAL_STATUSES
} TsuReferralStatus;

const char *tsu_referral_status_to_code   (TsuReferralStatus  status);
const char *tsu_referral_status_to_label  (TsuReferralStatus  status);
gboolean    tsu_referral_status_from_text (const char        *text,
                                           TsuReferralStatus *status);
/* Open: sent or accepted. */
gboolean    tsu_referral_status_is_open   (TsuReferralStatus  status);
/* The workflow: sent → accepted / declined; accepted → connected /
 * not-connected; withdrawn from any open status. */
gboolean    tsu_referral_status_can_move  (TsuReferralStatus  from,
                                           TsuReferralStatus  to);
/* Declined and not-connected need a reason. */
gboolean    tsu_referral_status_needs_reason (TsuReferralStatus status);

typedef enum
{
  TSU_REASON_NONE,
  TSU_REASON_UNREACHABLE,       /* 本人と連絡がとれない */
  TSU_REASON_REFUSED,           /* 本人が希望しない */
  TSU_REASON_NO_CAPACITY,       /* 受入枠なし */
  TSU_REASON_INELIGIBLE,        /* 対象外 */
  TSU_REASON_NO_LONGER_NEEDED,  /* 必要なくなった */
  TSU_REASON_OTHER,             /* その他 */
  TSU_N_REASONS
} TsuReferralReason;

const char *tsu_referral_reason_to_code   (TsuReferralReason  reason);
const char *tsu_referral_reason_to_label  (TsuReferralReason  reason);
gboolean    tsu_referral_reason_from_text (const char        *text,
                                           TsuReferralReason *reason);

#define TSU_TYPE_REFERRAL (tsu_referral_get_type ())
G_DECLARE_FINAL_TYPE (TsuReferral, tsu_referral, TSU, REFERRAL, GObject)

TsuReferral       *tsu_referral_new             (gint64        case_id);
TsuReferral       *tsu_referral_copy            (TsuReferral  *self);

gint64             tsu_referral_get_id          (TsuReferral  *self);
gint64             tsu_referral_get_version     (TsuReferral  *self);
gint64             tsu_referral_get_case_id     (TsuReferral  *self);
/* The case's code, filled in by the load functions. */
const char        *tsu_referral_get_case_code   (TsuReferral  *self);
/* Organisations as display names, or a ward counter (門司区役所). */
const char        *tsu_referral_get_from        (TsuReferral  *self);
const char        *tsu_referral_get_to          (TsuReferral  *self);
const char        *tsu_referral_get_referred_on (TsuReferral  *self); /* ISO */
/* When an answer is due; default referred_on + the due-days setting. */
const char        *tsu_referral_get_due_on      (TsuReferral  *self);
TsuReferralStatus  tsu_referral_get_status      (TsuReferral  *self);
TsuReferralReason  tsu_referral_get_reason      (TsuReferral  *self);
/* When it was connected, not connected, declined or withdrawn. */
const char        *tsu_referral_get_closed_on   (TsuReferral  *self);
/* Why it was made without consent or legal basis; "" normally. */
const char        *tsu_referral_get_override    (TsuReferral  *self);
/* Open and past its due date on @today_iso (NULL: today). */
gboolean           tsu_referral_is_overdue      (TsuReferral  *self,
                                                 const char   *today_iso);

/* @referred_on_iso + TSU_REFERRAL_DEFAULT_DUE_DAYS; NULL for a bad date. */
char              *tsu_referral_default_due_on  (const char   *referred_on_iso);

void tsu_referral_set_from        (TsuReferral *self, const char *from);
void tsu_referral_set_to          (TsuReferral *self, const char *to);
void tsu_referral_set_referred_on (TsuReferral *self, const char *iso);
void tsu_referral_set_due_on      (TsuReferral *self, const char *iso);
/* Sets the status as imported; the workflow is checked by
 * tsu_referral_move(), not here. */
void tsu_referral_set_status      (TsuReferral *self, TsuReferralStatus status);
void tsu_referral_set_reason      (TsuReferral *self, TsuReferralReason reason);
void tsu_referral_set_closed_on   (TsuReferral *self, const char *iso);
void tsu_referral_set_override    (TsuReferral *self, const char *reason);

/* Checks the fields and, with @referral_case, consent: a new referral
 * (id 0) of a case that may not share needs an override reason (problem
 * "override"); sharing is decided when the referral is made, so a later
 * change of consent does not block closing it. Dates may not run
 * backwards (received ≤ referred ≤ closed, referred ≤ due). Declined and
 * not-connected need a reason; sent, accepted and connected may not have
 * one. Problems name the properties: "from", "to", "referred-on",
 * "due-on", "closed-on", "reason", "override", "case-id". */
GPtrArray *tsu_referral_validate (TsuReferral  *self,
                                  TsuCase      *referral_case);
/* Insert or update in one transaction with the history of every changed
 * field; refuses what tsu_referral_validate() refuses
 * (TSU_STORE_ERROR_INVALID), a stale version (TSU_STORE_ERROR_CONFLICT).
 * An empty due_on becomes referred_on + TSU_REFERRAL_DEFAULT_DUE_DAYS.
 * Emits "changed" with "referrals". */
gboolean   tsu_referral_save     (TsuReferral  *self,
                                  TsuDatabase  *db,
                                  GError      **error);
/* One step of the workflow: refuses a move the workflow does not allow or
 * a missing reason (TSU_STORE_ERROR_INVALID); sets closed_on to @on_iso
 * (NULL: today) for closing moves; saves with history. @reason is kept
 * for declined, not-connected and withdrawn, dropped otherwise. On
 * failure the object is left as it was. */
gboolean   tsu_referral_move     (TsuReferral       *self,
                                  TsuDatabase       *db,
                                  TsuReferralStatus  status,
                                  TsuReferralReason  reason,
                                  const char        *on_iso,
                                  GError           **error);

GPtrArray   *tsu_referral_load_for_case (TsuDatabase  *db,
                                         gint64        case_id,
                                         GError      **error);
/* Every referral, open ones first with the most overdue on top, then the
 * rest by date, newest first. */
GPtrArray   *tsu_referral_load_all      (TsuDatabase  *db,
                                         GError      **error);
/* Referrals whose referred_on falls in fiscal year @year, by date. */
GPtrArray   *tsu_referral_load_for_fiscal_year (TsuDatabase *db,
                                                int          year,
                                                GError     **error);
TsuReferral *tsu_referral_load_by_id    (TsuDatabase  *db,
                                         gint64        id,
                                         GError      **error);

/* A referral of a fiscal year with the fields of its case that an
 * anonymised list shows; never notes. Texts are valid during the call
 * only. */
typedef struct
{
  const char         *case_code;
  const char         *received_on;   /* ISO dates; "" when empty */
  const char         *referred_on;
  const char         *closed_on;
  const char         *from;
  const char         *to;
  TsuWard             ward;          /* TSU_WARD_NONE when not known */
  TsuAgeBand          age_band;
  guint               concerns;      /* bits of TsuConcern */
  gboolean            foreign_resident;
  TsuReferralStatus   status;
  TsuReferralReason   reason;
} TsuReferralRow;

typedef gboolean (*TsuReferralRowFunc) (const TsuReferralRow  *row,
                                        gpointer               user_data,
                                        GError               **error);

/* Calls @func for each referral of fiscal year @year in the order of
 * tsu_referral_load_for_fiscal_year(), straight from one query: no
 * objects, nothing kept, for exports of any size. Stops at the first
 * FALSE from @func (its @error kept). */
gboolean     tsu_referral_foreach_in_fiscal_year (TsuDatabase         *db,
                                                  int                  year,
                                                  TsuReferralRowFunc   func,
                                                  gpointer             user_data,
                                                  GError             **error);
/* The referrals @ids (@n_ids of them) in that order, NULL where one no
 * longer exists: a page of a TsuPagedList. */
GPtrArray   *tsu_referral_load_by_ids   (TsuDatabase   *db,
                                         const gint64  *ids,
                                         guint          n_ids,
                                         GError       **error);

G_END_DECLS
