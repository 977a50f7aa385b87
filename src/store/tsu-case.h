/* tsu-case.h: a person who reached the council through one of its
 * entrances, recorded by a case code and never by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

/* Vocabularies of CLI.md. Each has a code (CSV, database, JSON), a
 * translated label, and from_text accepting the code, the Japanese label
 * of CLI.md or the translated label. */
typedef enum
{
  TSU_WARD_MOJI,            /* 門司区 */
  TSU_WARD_KOKURA_KITA,     /* 小倉北区 */
  TSU_WARD_KOKURA_MINAMI,   /* 小倉南区 */
  TSU_WARD_WAKAMATSU,       /* 若松区 */
  TSU_WARD_YAHATA_HIGASHI,  /* 八幡東区 */
  TSU_WARD_YAHATA_NISHI,    /* 八幡西区 */
  TSU_WARD_TOBATA,          /* 戸畑区 */
  TSU_N_WARDS,
  TSU_WARD_NONE = TSU_N_WARDS,
} TsuWard;

/* Wards are written in Japanese everywhere, codes included. */
const char *tsu_ward_to_name    (TsuWard      ward);
gboolean    tsu_ward_from_text  (const char  *text,
                                 TsuWard     *ward);

typedef enum
{
  TSU_AGE_UNDER_20, TSU_AGE_20S, TSU_AGE_30S, TSU_AGE_40S, TSU_AGE_50S,
  TSU_AGE_60S, TSU_AGE_70S, TSU_AGE_80_PLUS, TSU_AGE_UNKNOWN,
  TSU_N_AGE_BANDS
} TsuAgeBand;

const char *tsu_age_band_to_code   (TsuAgeBand   band);
const char *tsu_age_band_to_label  (TsuAgeBand   band);
gboolean    tsu_age_band_from_text (const char  *text,
                                    TsuAgeBand  *band);

/* Concerns as bits of a mask, in the order of CLI.md. */
typedef enum
{
  TSU_CONCERN_POVERTY, TSU_CONCERN_EMPLOYMENT, TSU_CONCERN_HOUSING,
  TSU_CONCERN_HIKIKOMORI, TSU_CONCERN_CHILD, TSU_CONCERN_YOUTH,
  TSU_CONCERN_ELDERLY, TSU_CONCERN_DEMENTIA, TSU_CONCERN_DISABILITY,
  TSU_CONCERN_FOREIGN, TSU_CONCERN_SUICIDE, TSU_CONCERN_FOOD,
  TSU_CONCERN_VIOLENCE, TSU_CONCERN_OTHER,
  TSU_N_CONCERNS
} TsuConcern;

const char *tsu_concern_to_code    (TsuConcern   concern);
const char *tsu_concern_to_label   (TsuConcern   concern);
gboolean    tsu_concern_from_text  (const char  *text,
                                    TsuConcern  *concern);
/* A list separated by ";" or "、" into a mask; FALSE names the bad item. */
gboolean    tsu_concerns_parse     (const char  *text,
                                    guint       *mask,
                                    GError     **error);
/* "生活困窮、就労" (labels) or "poverty;employment" (codes). */
char       *tsu_concerns_to_text   (guint        mask,
                                    gboolean     codes);

typedef enum
{
  TSU_CONSENT_PENDING,  /* 確認中 */
  TSU_CONSENT_YES,      /* はい */
  TSU_CONSENT_NO,       /* いいえ */
} TsuConsent;

const char *tsu_consent_to_code   (TsuConsent   consent);
const char *tsu_consent_to_label  (TsuConsent   consent);
gboolean    tsu_consent_from_text (const char  *text,
                                   TsuConsent  *consent);

typedef enum
{
  TSU_LEGAL_BASIS_NONE,
  TSU_LEGAL_BASIS_CONSENT,          /* 本人同意 */
  TSU_LEGAL_BASIS_SUPPORT_MEETING,  /* 支援会議（社会福祉法第106条の6） */
  TSU_LEGAL_BASIS_COUNCIL,          /* 孤独・孤立対策地域協議会 */
  TSU_LEGAL_BASIS_VITAL_INTEREST,   /* 生命・身体の保護 */
  TSU_N_LEGAL_BASES
} TsuLegalBasis;

const char *tsu_legal_basis_to_code   (TsuLegalBasis  basis);
const char *tsu_legal_basis_to_label  (TsuLegalBasis  basis);
gboolean    tsu_legal_basis_from_text (const char    *text,
                                       TsuLegalBasis *basis);

typedef enum
{
  TSU_CONTACT_PHONE, TSU_CONTACT_VISIT, TSU_CONTACT_OUTREACH, TSU_CONTACT_OTHER,
  TSU_N_CONTACTS
} TsuContact;

const char *tsu_contact_to_code   (TsuContact   contact);
const char *tsu_contact_to_label  (TsuContact   contact);
gboolean    tsu_contact_from_text (const char  *text,
                                   TsuContact  *contact);

#define TSU_TYPE_CASE (tsu_case_get_type ())
G_DECLARE_FINAL_TYPE (TsuCase, tsu_case, TSU, CASE, GObject)

TsuCase      *tsu_case_new                   (void);
TsuCase      *tsu_case_copy                  (TsuCase *self);

gint64        tsu_case_get_id                (TsuCase *self);
gint64        tsu_case_get_version           (TsuCase *self);
/* "2023-0012": fiscal year and a number within it, given on first save
 * unless set (imports keep theirs). */
const char   *tsu_case_get_code              (TsuCase *self);
const char   *tsu_case_get_received_on       (TsuCase *self); /* ISO date */
/* The organisation (display name) or ward counter (門司区役所) or other
 * place where the person first came. */
const char   *tsu_case_get_entrance          (TsuCase *self);
TsuWard       tsu_case_get_ward              (TsuCase *self);
TsuAgeBand    tsu_case_get_age_band          (TsuCase *self);
gboolean      tsu_case_get_foreign_resident  (TsuCase *self);
const char   *tsu_case_get_language          (TsuCase *self);
guint         tsu_case_get_concerns          (TsuCase *self);
TsuContact    tsu_case_get_contact           (TsuCase *self);
TsuConsent    tsu_case_get_consent           (TsuCase *self);
const char   *tsu_case_get_consent_on        (TsuCase *self); /* ISO date or "" */
const char   *tsu_case_get_consent_how       (TsuCase *self); /* 口頭, 書面 … */
TsuLegalBasis tsu_case_get_legal_basis       (TsuCase *self);
/* Taken to a multi-agency support meeting (重層的支援会議), and when. */
gboolean      tsu_case_get_support_meeting   (TsuCase *self);
const char   *tsu_case_get_support_meeting_on (TsuCase *self);
const char   *tsu_case_get_notes             (TsuCase *self);
/* Fiscal year of received_on. */
int           tsu_case_get_fiscal_year       (TsuCase *self);

void tsu_case_set_code               (TsuCase *self, const char *code);
void tsu_case_set_received_on        (TsuCase *self, const char *iso);
void tsu_case_set_entrance           (TsuCase *self, const char *entrance);
void tsu_case_set_ward               (TsuCase *self, TsuWard ward);
void tsu_case_set_age_band           (TsuCase *self, TsuAgeBand band);
void tsu_case_set_foreign_resident   (TsuCase *self, gboolean foreign_resident);
void tsu_case_set_language           (TsuCase *self, const char *language);
void tsu_case_set_concerns           (TsuCase *self, guint concerns);
void tsu_case_set_contact            (TsuCase *self, TsuContact contact);
void tsu_case_set_consent            (TsuCase *self, TsuConsent consent);
void tsu_case_set_consent_on         (TsuCase *self, const char *iso);
void tsu_case_set_consent_how        (TsuCase *self, const char *how);
void tsu_case_set_legal_basis        (TsuCase *self, TsuLegalBasis basis);
void tsu_case_set_support_meeting    (TsuCase *self, gboolean taken);
void tsu_case_set_support_meeting_on (TsuCase *self, const char *iso);
void tsu_case_set_notes              (TsuCase *self, const char *notes);

/* TRUE for a well-formed code: four digits, "-", four digits. */
gboolean   tsu_case_code_is_valid     (const char   *code);

/* TRUE when referrals of the case may share its data: consent given, or a
 * legal basis other than consent. */
gboolean   tsu_case_may_share         (TsuCase      *self);

/* A new case has no ward, age band unknown, contact other, consent
 * pending and no legal basis. Problems name the properties: "code",
 * "received-on", "entrance", "consent-on", "support-meeting-on". */
GPtrArray *tsu_case_validate          (TsuCase      *self);
/* Insert or update, with the row-version check; every changed field is
 * written to the history (tsu-history.h). An empty code gets the next
 * number of the fiscal year of received_on; a code used by another case
 * or a received_on after the case's first referral is
 * TSU_STORE_ERROR_INVALID. Cases are never deleted. Emits "changed" with
 * "cases". */
gboolean   tsu_case_save              (TsuCase      *self,
                                       TsuDatabase  *db,
                                       GError      **error);

/* Cases not deleted, newest received first. */
GPtrArray *tsu_case_load_all          (TsuDatabase  *db,
                                       GError      **error);
GPtrArray *tsu_case_load_for_fiscal_year (TsuDatabase *db,
                                          int          year,
                                          GError     **error);
TsuCase   *tsu_case_load_by_id        (TsuDatabase  *db,
                                       gint64        id,
                                       GError      **error);
/* The cases @ids (@n_ids of them) in that order, NULL where one no longer
 * exists: a page of a TsuPagedList. */
GPtrArray *tsu_case_load_by_ids       (TsuDatabase   *db,
                                       const gint64  *ids,
                                       guint          n_ids,
                                       GError       **error);
/* NULL with no error when there is none. */
TsuCase   *tsu_case_find_by_code      (TsuDatabase  *db,
                                       const char   *code,
                                       GError      **error);

G_END_DECLS
