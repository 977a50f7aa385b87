/* test-referral.c: cases, referrals, their history and statistics in the
 * store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tsu-case.h"
#include "tsu-date.h"
#include "tsu-history.h"
#include "tsu-referral-stats.h"
#include "tsu-referral.h"

static TsuDatabase *
new_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-referral-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  TsuDatabase *db = tsu_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static int
count_rows (TsuDatabase *db,
            const char  *sql)
{
  sqlite3_stmt *stmt = tsu_database_prepare (db, sql, NULL);
  int count;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static TsuCase *
add_case (TsuDatabase *db,
          const char  *received_on,
          TsuWard      ward,
          guint        concerns,
          gboolean     foreign_resident)
{
  TsuCase *self = tsu_case_new ();
  g_autoptr(GError) error = NULL;

  tsu_case_set_received_on (self, received_on);
  tsu_case_set_entrance (self, "門司区役所");
  tsu_case_set_ward (self, ward);
  tsu_case_set_concerns (self, concerns);
  tsu_case_set_foreign_resident (self, foreign_resident);
  tsu_case_set_consent (self, TSU_CONSENT_YES);
  tsu_case_set_consent_on (self, received_on);
  tsu_case_set_consent_how (self, "口頭");
  g_assert_true (tsu_case_save (self, db, &error));
  g_assert_no_error (error);
  return self;
}

/* A referral in @status as an import would write it, without the
 * workflow. */
static TsuReferral *
add_referral (TsuDatabase       *db,
              TsuCase           *referral_case,
              const char        *referred_on,
              TsuReferralStatus  status,
              TsuReferralReason  reason,
              const char        *closed_on)
{
  TsuReferral *self = tsu_referral_new (tsu_case_get_id (referral_case));
  g_autoptr(GError) error = NULL;

  tsu_referral_set_from (self, "門司区役所");
  tsu_referral_set_to (self, "NPO法人 抱樸");
  tsu_referral_set_referred_on (self, referred_on);
  tsu_referral_set_status (self, status);
  tsu_referral_set_reason (self, reason);
  tsu_referral_set_closed_on (self, closed_on);
  g_assert_true (tsu_referral_save (self, db, &error));
  g_assert_no_error (error);
  return self;
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      TsuFieldProblem *problem = g_ptr_array_index (problems, i);

      if (strcmp (problem->field, field) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- vocabularies ------------------------------------------------------ */

static void
test_vocabularies (void)
{
  static const struct { const char *text; TsuReferralStatus status; } statuses[] = {
    { "sent", TSU_REFERRAL_SENT }, { "紹介済", TSU_REFERRAL_SENT },
    { "accepted", TSU_REFERRAL_ACCEPTED }, { "受入", TSU_REFERRAL_ACCEPTED },
    { "declined", TSU_REFERRAL_DECLINED }, { "受入不可", TSU_REFERRAL_DECLINED },
    { "connected", TSU_REFERRAL_CONNECTED }, { "つながった", TSU_REFERRAL_CONNECTED },
    { "not-connected", TSU_REFERRAL_NOT_CONNECTED }, { "つながらなかった", TSU_REFERRAL_NOT_CONNECTED },
    { " withdrawn ", TSU_REFERRAL_WITHDRAWN }, { "取下げ", TSU_REFERRAL_WITHDRAWN },
    { "Not connected", TSU_REFERRAL_NOT_CONNECTED },  /* the (untranslated) label */
  };
  static const struct { const char *text; TsuReferralReason reason; } reasons[] = {
    { "unreachable", TSU_REASON_UNREACHABLE }, { "本人と連絡がとれない", TSU_REASON_UNREACHABLE },
    { "refused", TSU_REASON_REFUSED }, { "本人が希望しない", TSU_REASON_REFUSED },
    { "no-capacity", TSU_REASON_NO_CAPACITY }, { "受入枠なし", TSU_REASON_NO_CAPACITY },
    { "ineligible", TSU_REASON_INELIGIBLE }, { "対象外", TSU_REASON_INELIGIBLE },
    { "no-longer-needed", TSU_REASON_NO_LONGER_NEEDED }, { "必要なくなった", TSU_REASON_NO_LONGER_NEEDED },
    { "other", TSU_REASON_OTHER }, { "その他", TSU_REASON_OTHER },
  };
  static const char * const wards[] = {
    "門司区", "小倉北区", "小倉南区", "若松区", "八幡東区", "八幡西区", "戸畑区",
  };
  static const char * const age_japanese[] = {
    "20歳未満", "20代", "30代", "40代", "50代", "60代", "70代", "80歳以上", "不明",
  };
  static const char * const age_codes[] = {
    "under-20", "20s", "30s", "40s", "50s", "60s", "70s", "80-plus", "unknown",
  };
  static const char * const concern_japanese[] = {
    "生活困窮", "就労", "住まい", "ひきこもり", "子ども・子育て", "若者", "高齢",
    "認知症", "障害", "外国人", "自殺リスク", "食", "暴力・虐待", "その他",
  };
  static const char * const legal_japanese[] = {
    "本人同意", "支援会議（社会福祉法第106条の6）", "孤独・孤立対策地域協議会", "生命・身体の保護",
  };
  static const char * const legal_codes[] = { "consent", "support-meeting", "council", "vital-interest" };
  TsuReferralStatus status;
  TsuReferralReason reason;
  TsuWard ward;
  TsuAgeBand band;
  TsuConcern concern;
  TsuConsent consent;
  TsuLegalBasis basis;
  TsuContact contact;
  guint mask = 0;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      status = TSU_N_REFERRAL_STATUSES;
      g_assert_true (tsu_referral_status_from_text (statuses[i].text, &status));
      g_assert_cmpint (status, ==, statuses[i].status);
    }
  for (guint i = 0; i < TSU_N_REFERRAL_STATUSES; i++)
    {
      g_assert_true (tsu_referral_status_from_text (tsu_referral_status_to_code (i), &status));
      g_assert_cmpint (status, ==, i);
      g_assert_true (tsu_referral_status_from_text (tsu_referral_status_to_label (i), &status));
      g_assert_cmpint (status, ==, i);
    }
  g_assert_false (tsu_referral_status_from_text ("done", &status));
  g_assert_false (tsu_referral_status_from_text ("", &status));
  g_assert_false (tsu_referral_status_from_text (NULL, &status));

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      reason = TSU_REASON_NONE;
      g_assert_true (tsu_referral_reason_from_text (reasons[i].text, &reason));
      g_assert_cmpint (reason, ==, reasons[i].reason);
    }
  g_assert_false (tsu_referral_reason_from_text ("", &reason));
  g_assert_false (tsu_referral_reason_from_text ("busy", &reason));

  for (guint i = 0; i < G_N_ELEMENTS (wards); i++)
    {
      g_assert_true (tsu_ward_from_text (wards[i], &ward));
      g_assert_cmpint (ward, ==, i);
      g_assert_cmpstr (tsu_ward_to_name (i), ==, wards[i]);
    }
  /* A ward is written one way only; a ward office is a place, not a ward. */
  g_assert_false (tsu_ward_from_text ("門司", &ward));
  g_assert_false (tsu_ward_from_text ("門司区役所", &ward));
  g_assert_false (tsu_ward_from_text ("moji", &ward));
  g_assert_cmpstr (tsu_ward_to_name (TSU_WARD_NONE), ==, "");

  for (guint i = 0; i < TSU_N_AGE_BANDS; i++)
    {
      g_assert_true (tsu_age_band_from_text (age_japanese[i], &band));
      g_assert_cmpint (band, ==, i);
      g_assert_true (tsu_age_band_from_text (age_codes[i], &band));
      g_assert_cmpint (band, ==, i);
      g_assert_cmpstr (tsu_age_band_to_code (i), ==, age_codes[i]);
    }
  g_assert_false (tsu_age_band_from_text ("90s", &band));

  for (guint i = 0; i < TSU_N_CONCERNS; i++)
    {
      g_assert_true (tsu_concern_from_text (concern_japanese[i], &concern));
      g_assert_cmpint (concern, ==, i);
      g_assert_true (tsu_concern_from_text (tsu_concern_to_code (i), &concern));
      g_assert_cmpint (concern, ==, i);
    }
  g_assert_true (tsu_concerns_parse ("生活困窮、就労;food", &mask, NULL));
  g_assert_cmpuint (mask, ==, (1u << TSU_CONCERN_POVERTY) | (1u << TSU_CONCERN_EMPLOYMENT)
                              | (1u << TSU_CONCERN_FOOD));
  {
    g_autofree char *codes = tsu_concerns_to_text (mask, TRUE);
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (codes, ==, "poverty;employment;food");
    mask = 99;
    g_assert_false (tsu_concerns_parse ("poverty;ごはん", &mask, &error));
    g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "ごはん"));
    g_assert_cmpuint (mask, ==, 99);
    g_assert_true (tsu_concerns_parse ("", &mask, NULL));
    g_assert_cmpuint (mask, ==, 0);
  }

  g_assert_true (tsu_consent_from_text ("はい", &consent));
  g_assert_cmpint (consent, ==, TSU_CONSENT_YES);
  g_assert_true (tsu_consent_from_text ("いいえ", &consent));
  g_assert_cmpint (consent, ==, TSU_CONSENT_NO);
  g_assert_true (tsu_consent_from_text ("確認中", &consent));
  g_assert_cmpint (consent, ==, TSU_CONSENT_PENDING);
  g_assert_true (tsu_consent_from_text ("yes", &consent));
  g_assert_cmpint (consent, ==, TSU_CONSENT_YES);
  g_assert_true (tsu_consent_from_text ("pending", &consent));
  g_assert_cmpint (consent, ==, TSU_CONSENT_PENDING);
  g_assert_false (tsu_consent_from_text ("maybe", &consent));

  for (guint i = 0; i < G_N_ELEMENTS (legal_codes); i++)
    {
      g_assert_true (tsu_legal_basis_from_text (legal_japanese[i], &basis));
      g_assert_cmpint (basis, ==, i + 1);
      g_assert_true (tsu_legal_basis_from_text (legal_codes[i], &basis));
      g_assert_cmpint (basis, ==, i + 1);
      g_assert_cmpstr (tsu_legal_basis_to_code (i + 1), ==, legal_codes[i]);
    }
  g_assert_false (tsu_legal_basis_from_text ("", &basis));
  g_assert_false (tsu_legal_basis_from_text ("none", &basis));

  for (guint i = 0; i < TSU_N_CONTACTS; i++)
    {
      g_assert_true (tsu_contact_from_text (tsu_contact_to_code (i), &contact));
      g_assert_cmpint (contact, ==, i);
    }
  g_assert_true (tsu_contact_from_text ("来所", &contact));
  g_assert_cmpint (contact, ==, TSU_CONTACT_VISIT);
}

/* ---- case codes --------------------------------------------------------- */

static void
test_case_codes (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuCase) first = NULL, second = NULL, next_year = NULL, imported = NULL;
  g_autoptr(TsuCase) after_import = NULL, duplicate = NULL, found = NULL, bad = NULL;
  g_autoptr(GPtrArray) fy2023 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tsu_database_is_empty (db));
  first = add_case (db, "2023-04-01", TSU_WARD_MOJI, 0, FALSE);
  g_assert_false (tsu_database_is_empty (db));
  second = add_case (db, "2024-03-31", TSU_WARD_MOJI, 0, FALSE);
  next_year = add_case (db, "2024-04-01", TSU_WARD_MOJI, 0, FALSE);
  g_assert_cmpstr (tsu_case_get_code (first), ==, "2023-0001");
  g_assert_cmpstr (tsu_case_get_code (second), ==, "2023-0002");
  g_assert_cmpstr (tsu_case_get_code (next_year), ==, "2024-0001");
  g_assert_cmpint (tsu_case_get_fiscal_year (second), ==, 2023);
  g_assert_cmpint (tsu_case_get_fiscal_year (next_year), ==, 2024);

  /* An imported code is kept, and numbering goes on after it. */
  imported = tsu_case_new ();
  tsu_case_set_code (imported, "2023-0010");
  tsu_case_set_received_on (imported, "2023-08-01");
  tsu_case_set_entrance (imported, "若松区役所");
  g_assert_true (tsu_case_save (imported, db, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tsu_case_get_code (imported), ==, "2023-0010");
  after_import = add_case (db, "2023-09-01", TSU_WARD_MOJI, 0, FALSE);
  g_assert_cmpstr (tsu_case_get_code (after_import), ==, "2023-0011");

  /* A code used twice is refused, and the refused case gets no id. */
  duplicate = tsu_case_new ();
  tsu_case_set_code (duplicate, "2023-0010");
  tsu_case_set_received_on (duplicate, "2023-08-02");
  tsu_case_set_entrance (duplicate, "若松区役所");
  g_assert_false (tsu_case_save (duplicate, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tsu_case_get_id (duplicate), ==, 0);

  bad = tsu_case_new ();
  tsu_case_set_code (bad, "2023-12");
  tsu_case_set_received_on (bad, "2023-08-02");
  tsu_case_set_entrance (bad, "若松区役所");
  g_assert_false (tsu_case_save (bad, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tsu_case_code_is_valid ("2023-0001"));
  g_assert_false (tsu_case_code_is_valid ("23-0001"));
  g_assert_false (tsu_case_code_is_valid ("2023-00012"));

  /* No received date or entrance: refused, with the fields named. */
  {
    g_autoptr(TsuCase) empty = tsu_case_new ();
    g_autoptr(GPtrArray) problems = tsu_case_validate (empty);

    g_assert_true (has_problem (problems, "received-on"));
    g_assert_true (has_problem (problems, "entrance"));
    g_assert_false (tsu_case_save (empty, db, &error));
    g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpstr (tsu_case_get_code (empty), ==, "");
  }

  found = tsu_case_find_by_code (db, " 2023-0002 ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (tsu_case_get_id (found), ==, tsu_case_get_id (second));
  g_assert_cmpint (tsu_case_get_ward (found), ==, TSU_WARD_MOJI);
  g_assert_cmpint (tsu_case_get_consent (found), ==, TSU_CONSENT_YES);
  g_assert_cmpstr (tsu_case_get_consent_how (found), ==, "口頭");
  g_assert_null (tsu_case_find_by_code (db, "2030-0001", &error));
  g_assert_no_error (error);

  fy2023 = tsu_case_load_for_fiscal_year (db, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fy2023->len, ==, 4);
  /* Newest received first. */
  g_assert_cmpstr (tsu_case_get_code (g_ptr_array_index (fy2023, 0)), ==, "2023-0002");
  g_assert_cmpstr (tsu_case_get_code (g_ptr_array_index (fy2023, 3)), ==, "2023-0001");
}

/* ---- workflow ----------------------------------------------------------- */

static void
test_workflow (void)
{
  /* allowed[from][to] */
  static const gboolean allowed[TSU_N_REFERRAL_STATUSES][TSU_N_REFERRAL_STATUSES] = {
    /* sent */          { FALSE, TRUE, TRUE, FALSE, FALSE, TRUE },
    /* accepted */      { FALSE, FALSE, FALSE, TRUE, TRUE, TRUE },
    /* declined */      { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
    /* connected */     { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
    /* not-connected */ { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
    /* withdrawn */     { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
  };
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuCase) referral_case = add_case (db, "2023-05-01", TSU_WARD_TOBATA, 0, FALSE);
  guint moves = 0;

  for (guint from = 0; from < TSU_N_REFERRAL_STATUSES; from++)
    for (guint to = 0; to < TSU_N_REFERRAL_STATUSES; to++)
      {
        gboolean closed = !tsu_referral_status_is_open (from);
        g_autoptr(TsuReferral) referral =
          add_referral (db, referral_case, "2023-05-10", from,
                        tsu_referral_status_needs_reason (from) ? TSU_REASON_OTHER : TSU_REASON_NONE,
                        closed ? "2023-05-12" : NULL);
        g_autoptr(TsuReferral) stored = NULL;
        g_autoptr(GError) error = NULL;
        gboolean moved;

        g_assert_cmpint (tsu_referral_status_can_move (from, to), ==, allowed[from][to]);
        moved = tsu_referral_move (referral, db, to, TSU_REASON_UNREACHABLE, "2023-05-20", &error);
        g_assert_cmpint (moved, ==, allowed[from][to]);
        stored = tsu_referral_load_by_id (db, tsu_referral_get_id (referral), NULL);
        if (moved)
          {
            g_assert_no_error (error);
            moves++;
            g_assert_cmpint (tsu_referral_get_status (stored), ==, to);
            g_assert_cmpint (tsu_referral_get_version (stored), ==, 2);
            g_assert_cmpint (tsu_referral_get_version (referral), ==, 2);
            /* Closing moves are dated; accepting is not a close. */
            g_assert_cmpstr (tsu_referral_get_closed_on (stored), ==,
                             to == TSU_REFERRAL_ACCEPTED ? "" : "2023-05-20");
            g_assert_cmpint (tsu_referral_get_reason (stored), ==,
                             to == TSU_REFERRAL_ACCEPTED || to == TSU_REFERRAL_CONNECTED
                             ? TSU_REASON_NONE : TSU_REASON_UNREACHABLE);
          }
        else
          {
            g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
            /* Neither the row nor the object changed. */
            g_assert_cmpint (tsu_referral_get_status (stored), ==, from);
            g_assert_cmpint (tsu_referral_get_status (referral), ==, from);
            g_assert_cmpint (tsu_referral_get_version (stored), ==, 1);
            g_assert_cmpstr (tsu_referral_get_closed_on (referral), ==, closed ? "2023-05-12" : "");
          }
      }
  g_assert_cmpuint (moves, ==, 6);

  /* A whole road: sent → accepted → connected, closed today by default. */
  {
    g_autoptr(TsuReferral) referral = add_referral (db, referral_case, "2023-05-10",
                                                    TSU_REFERRAL_SENT, TSU_REASON_NONE, NULL);
    g_autofree char *today = tsu_date_today_iso ();
    g_autoptr(GError) error = NULL;

    g_assert_true (tsu_referral_status_is_open (tsu_referral_get_status (referral)));
    g_assert_true (tsu_referral_move (referral, db, TSU_REFERRAL_ACCEPTED, TSU_REASON_NONE, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (tsu_referral_status_is_open (tsu_referral_get_status (referral)));
    g_assert_true (tsu_referral_move (referral, db, TSU_REFERRAL_CONNECTED, TSU_REASON_NONE, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (tsu_referral_status_is_open (tsu_referral_get_status (referral)));
    g_assert_cmpstr (tsu_referral_get_closed_on (referral), ==, today);
  }
}

static void
test_reasons (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuCase) referral_case = add_case (db, "2023-05-01", TSU_WARD_TOBATA, 0, FALSE);
  g_autoptr(TsuReferral) sent = add_referral (db, referral_case, "2023-05-10",
                                              TSU_REFERRAL_SENT, TSU_REASON_NONE, NULL);
  g_autoptr(TsuReferral) accepted = add_referral (db, referral_case, "2023-05-10",
                                                  TSU_REFERRAL_ACCEPTED, TSU_REASON_NONE, NULL);
  g_autoptr(TsuReferral) imported = tsu_referral_new (tsu_case_get_id (referral_case));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tsu_referral_status_needs_reason (TSU_REFERRAL_DECLINED));
  g_assert_true (tsu_referral_status_needs_reason (TSU_REFERRAL_NOT_CONNECTED));
  g_assert_false (tsu_referral_status_needs_reason (TSU_REFERRAL_WITHDRAWN));
  g_assert_false (tsu_referral_status_needs_reason (TSU_REFERRAL_CONNECTED));

  g_assert_false (tsu_referral_move (sent, db, TSU_REFERRAL_DECLINED, TSU_REASON_NONE, "2023-05-11", &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tsu_referral_move (accepted, db, TSU_REFERRAL_NOT_CONNECTED, TSU_REASON_NONE,
                                     "2023-05-11", &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tsu_referral_get_status (sent), ==, TSU_REFERRAL_SENT);
  g_assert_cmpint (tsu_referral_get_status (accepted), ==, TSU_REFERRAL_ACCEPTED);

  /* Withdrawing needs no reason, but keeps one that is given. */
  g_assert_true (tsu_referral_move (sent, db, TSU_REFERRAL_WITHDRAWN, TSU_REASON_NONE, "2023-05-11", &error));
  g_assert_no_error (error);
  g_assert_true (tsu_referral_move (accepted, db, TSU_REFERRAL_WITHDRAWN, TSU_REASON_NO_LONGER_NEEDED,
                                    "2023-05-11", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tsu_referral_get_reason (accepted), ==, TSU_REASON_NO_LONGER_NEEDED);

  /* An imported row is checked the same way. */
  tsu_referral_set_from (imported, "門司区役所");
  tsu_referral_set_to (imported, "若松区役所");
  tsu_referral_set_referred_on (imported, "2023-05-10");
  tsu_referral_set_status (imported, TSU_REFERRAL_NOT_CONNECTED);
  problems = tsu_referral_validate (imported, referral_case);
  g_assert_true (has_problem (problems, "reason"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_false (tsu_referral_save (imported, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tsu_referral_get_id (imported), ==, 0);

  /* A connected referral has no reason to give. */
  tsu_referral_set_status (imported, TSU_REFERRAL_CONNECTED);
  tsu_referral_set_reason (imported, TSU_REASON_REFUSED);
  problems = tsu_referral_validate (imported, referral_case);
  g_assert_true (has_problem (problems, "reason"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  tsu_referral_set_status (imported, TSU_REFERRAL_NOT_CONNECTED);
  g_assert_true (tsu_referral_save (imported, db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM referrals"), ==, 3);
}

/* ---- consent ------------------------------------------------------------ */

static TsuReferral *
new_referral (TsuCase *referral_case)
{
  TsuReferral *referral = tsu_referral_new (tsu_case_get_id (referral_case));

  tsu_referral_set_from (referral, "門司区役所");
  tsu_referral_set_to (referral, "NPO法人 抱樸");
  tsu_referral_set_referred_on (referral, "2023-06-01");
  return referral;
}

static void
test_consent (void)
{
  static const struct { TsuConsent consent; TsuLegalBasis basis; gboolean may_share; } cases[] = {
    { TSU_CONSENT_PENDING, TSU_LEGAL_BASIS_NONE, FALSE },
    { TSU_CONSENT_NO, TSU_LEGAL_BASIS_NONE, FALSE },
    /* "Consent" as a basis without the consent is no basis. */
    { TSU_CONSENT_PENDING, TSU_LEGAL_BASIS_CONSENT, FALSE },
    { TSU_CONSENT_NO, TSU_LEGAL_BASIS_CONSENT, FALSE },
    { TSU_CONSENT_YES, TSU_LEGAL_BASIS_NONE, TRUE },
    { TSU_CONSENT_YES, TSU_LEGAL_BASIS_CONSENT, TRUE },
    { TSU_CONSENT_NO, TSU_LEGAL_BASIS_SUPPORT_MEETING, TRUE },
    { TSU_CONSENT_PENDING, TSU_LEGAL_BASIS_COUNCIL, TRUE },
    { TSU_CONSENT_NO, TSU_LEGAL_BASIS_VITAL_INTEREST, TRUE },
  };
  g_autoptr(TsuDatabase) db = new_database ();
  int expected_rows = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TsuCase) referral_case = add_case (db, "2023-05-01", TSU_WARD_MOJI, 0, FALSE);
      g_autoptr(TsuReferral) referral = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      tsu_case_set_consent (referral_case, cases[i].consent);
      tsu_case_set_legal_basis (referral_case, cases[i].basis);
      g_assert_true (tsu_case_save (referral_case, db, &error));
      g_assert_no_error (error);
      g_assert_cmpint (tsu_case_may_share (referral_case), ==, cases[i].may_share);

      referral = new_referral (referral_case);
      problems = tsu_referral_validate (referral, referral_case);
      g_assert_cmpint (has_problem (problems, "override"), ==, !cases[i].may_share);
      g_assert_cmpint (tsu_referral_save (referral, db, &error), ==, cases[i].may_share);
      if (cases[i].may_share)
        {
          g_assert_no_error (error);
          expected_rows++;
        }
      else
        {
          g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
          g_assert_cmpint (tsu_referral_get_id (referral), ==, 0);
        }
      g_assert_cmpint (count_rows (db, "SELECT count(*) FROM referrals"), ==, expected_rows);
    }

  /* An explicit override with a written reason is saved and recorded. */
  {
    g_autoptr(TsuCase) referral_case = add_case (db, "2023-05-01", TSU_WARD_MOJI, 0, FALSE);
    g_autoptr(TsuReferral) referral = NULL;
    g_autoptr(GPtrArray) history = NULL;
    g_autoptr(GError) error = NULL;
    gboolean recorded = FALSE;

    tsu_case_set_consent (referral_case, TSU_CONSENT_NO);
    g_assert_true (tsu_case_save (referral_case, db, &error));
    referral = new_referral (referral_case);
    tsu_referral_set_override (referral, "   ");
    g_assert_false (tsu_referral_save (referral, db, &error));
    g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
    g_clear_error (&error);

    tsu_referral_set_override (referral, "本人が意思表示できず、緊急の食料支援が必要なため");
    g_assert_true (tsu_referral_save (referral, db, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (tsu_referral_get_override (referral), ==, "本人が意思表示できず、緊急の食料支援が必要なため");
    {
      g_autoptr(TsuReferral) stored = tsu_referral_load_by_id (db, tsu_referral_get_id (referral), NULL);
      g_assert_cmpstr (tsu_referral_get_override (stored), ==, "本人が意思表示できず、緊急の食料支援が必要なため");
    }
    history = tsu_history_load_for_case (db, tsu_case_get_id (referral_case), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < history->len; i++)
      {
        TsuHistoryEntry *entry = g_ptr_array_index (history, i);

        if (strcmp (entry->record, "referral") == 0 && strcmp (entry->field, "override") == 0)
          {
            g_assert_null (entry->old_value);
            g_assert_cmpstr (entry->new_value, ==, "本人が意思表示できず、緊急の食料支援が必要なため");
            recorded = TRUE;
          }
      }
    g_assert_true (recorded);

    /* Sharing was decided when the referral was made: it can still be
     * closed without another override. */
    g_assert_true (tsu_referral_move (referral, db, TSU_REFERRAL_WITHDRAWN, TSU_REASON_NONE, "2023-06-02", &error));
    g_assert_no_error (error);
  }
}

/* ---- dates -------------------------------------------------------------- */

static void
test_dates (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuCase) referral_case = add_case (db, "2023-05-10", TSU_WARD_MOJI, 0, FALSE);
  g_autoptr(TsuReferral) referral = new_referral (referral_case);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  /* Before the case was received. */
  tsu_referral_set_referred_on (referral, "2023-05-09");
  problems = tsu_referral_validate (referral, referral_case);
  g_assert_true (has_problem (problems, "referred-on"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_false (tsu_referral_save (referral, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Due before referred. */
  tsu_referral_set_referred_on (referral, "2023-05-10");
  tsu_referral_set_due_on (referral, "2023-05-09");
  problems = tsu_referral_validate (referral, referral_case);
  g_assert_true (has_problem (problems, "due-on"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_false (tsu_referral_save (referral, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Closed before referred. */
  tsu_referral_set_due_on (referral, "");
  tsu_referral_set_status (referral, TSU_REFERRAL_WITHDRAWN);
  tsu_referral_set_closed_on (referral, "2023-05-01");
  problems = tsu_referral_validate (referral, referral_case);
  g_assert_true (has_problem (problems, "closed-on"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_false (tsu_referral_save (referral, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (tsu_referral_get_due_on (referral), ==, "");

  /* The same day is fine; the due date defaults to 14 days later. */
  tsu_referral_set_status (referral, TSU_REFERRAL_SENT);
  tsu_referral_set_closed_on (referral, "");
  g_assert_true (tsu_referral_save (referral, db, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tsu_referral_get_due_on (referral), ==, "2023-05-24");
  g_assert_cmpstr (tsu_referral_get_case_code (referral), ==, tsu_case_get_code (referral_case));
  g_assert_false (tsu_referral_is_overdue (referral, "2023-05-24"));
  g_assert_true (tsu_referral_is_overdue (referral, "2023-05-25"));

  /* A closing move dated before the referral is refused and undone. */
  g_assert_false (tsu_referral_move (referral, db, TSU_REFERRAL_WITHDRAWN, TSU_REASON_NONE, "2023-05-01", &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tsu_referral_get_status (referral), ==, TSU_REFERRAL_SENT);
  g_assert_cmpstr (tsu_referral_get_closed_on (referral), ==, "");

  /* The case cannot move its receipt past its first referral. */
  tsu_case_set_received_on (referral_case, "2023-05-11");
  g_assert_false (tsu_case_save (referral_case, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The database refuses backwards dates even from elsewhere. */
  g_assert_false (tsu_database_exec (db, "UPDATE referrals SET due_on = '2023-01-01'", NULL));
  g_assert_false (tsu_database_exec (db, "UPDATE referrals SET status = 'declined'", NULL));
}

/* ---- history ------------------------------------------------------------ */

static guint
count_entries (GPtrArray  *history,
               const char *record,
               const char *field)
{
  guint count = 0;

  for (guint i = 0; i < history->len; i++)
    {
      TsuHistoryEntry *entry = g_ptr_array_index (history, i);

      if ((record == NULL || strcmp (entry->record, record) == 0)
          && (field == NULL || strcmp (entry->field, field) == 0))
        count++;
    }
  return count;
}

static TsuHistoryEntry *
last_entry (GPtrArray  *history,
            const char *field)
{
  for (guint i = history->len; i > 0; i--)
    {
      TsuHistoryEntry *entry = g_ptr_array_index (history, i - 1);

      if (strcmp (entry->field, field) == 0)
        return entry;
    }
  g_assert_not_reached ();
}

static void
test_history (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuCase) referral_case = tsu_case_new ();
  g_autoptr(TsuCase) stale = NULL;
  g_autoptr(TsuReferral) referral = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  TsuHistoryEntry *entry;
  gint64 case_id;

  tsu_case_set_received_on (referral_case, "2023-07-03");
  tsu_case_set_entrance (referral_case, "小倉北区役所");
  tsu_case_set_ward (referral_case, TSU_WARD_KOKURA_KITA);
  tsu_case_set_age_band (referral_case, TSU_AGE_40S);
  tsu_case_set_concerns (referral_case, (1u << TSU_CONCERN_HIKIKOMORI) | (1u << TSU_CONCERN_EMPLOYMENT));
  tsu_case_set_contact (referral_case, TSU_CONTACT_PHONE);
  tsu_case_set_consent (referral_case, TSU_CONSENT_YES);
  tsu_case_set_notes (referral_case, "secret-note-1");
  g_assert_true (tsu_case_save (referral_case, db, &error));
  g_assert_no_error (error);
  case_id = tsu_case_get_id (referral_case);

  /* A new case: every field with a value, old values NULL. Fields: code,
   * received_on, entrance, ward, age_band, foreign_resident, concerns,
   * contact, consent, support_meeting, notes (language, consent_on,
   * consent_how, legal_basis and support_meeting_on are empty). */
  history = tsu_history_load_for_case (db, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 11);
  for (guint i = 0; i < history->len; i++)
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      GDateTime *parsed;

      entry = g_ptr_array_index (history, i);
      g_assert_cmpstr (entry->user, ==, g_get_user_name ());
      g_assert_cmpstr (entry->record, ==, "case");
      g_assert_cmpint (entry->record_id, ==, case_id);
      g_assert_null (entry->old_value);
      g_assert_nonnull (entry->new_value);
      parsed = g_date_time_new_from_iso8601 (entry->changed_at, local);
      g_assert_nonnull (parsed);
      g_date_time_unref (parsed);
    }
  g_assert_cmpstr (last_entry (history, "code")->new_value, ==, "2023-0001");
  g_assert_cmpstr (last_entry (history, "ward")->new_value, ==, "小倉北区");
  g_assert_cmpstr (last_entry (history, "concerns")->new_value, ==, "employment;hikikomori");
  g_assert_cmpstr (last_entry (history, "consent")->new_value, ==, "yes");
  g_assert_cmpstr (last_entry (history, "age_band")->new_value, ==, "40s");
  g_assert_cmpstr (last_entry (history, "notes")->new_value, ==, TSU_HISTORY_HIDDEN);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Two changes, two rows; a save without changes writes none. */
  stale = tsu_case_copy (referral_case);
  tsu_case_set_ward (referral_case, TSU_WARD_KOKURA_MINAMI);
  tsu_case_set_notes (referral_case, "secret-note-2");
  g_assert_true (tsu_case_save (referral_case, db, &error));
  g_assert_no_error (error);
  g_assert_true (tsu_case_save (referral_case, db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tsu_case_get_version (referral_case), ==, 3);
  history = tsu_history_load_for_case (db, case_id, &error);
  g_assert_cmpuint (history->len, ==, 13);
  entry = last_entry (history, "ward");
  g_assert_cmpstr (entry->old_value, ==, "小倉北区");
  g_assert_cmpstr (entry->new_value, ==, "小倉南区");
  g_assert_cmpstr (entry->user, ==, g_get_user_name ());
  entry = last_entry (history, "notes");
  g_assert_cmpstr (entry->old_value, ==, TSU_HISTORY_HIDDEN);
  g_assert_cmpstr (entry->new_value, ==, TSU_HISTORY_HIDDEN);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* A stale copy conflicts and writes nothing. */
  tsu_case_set_ward (stale, TSU_WARD_WAKAMATSU);
  g_assert_false (tsu_case_save (stale, db, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM history"), ==, 13);

  /* Clearing the notes is recorded, still without their text. */
  tsu_case_set_notes (referral_case, "");
  g_assert_true (tsu_case_save (referral_case, db, &error));
  history = tsu_history_load_for_case (db, case_id, &error);
  g_assert_cmpuint (history->len, ==, 14);
  entry = last_entry (history, "notes");
  g_assert_cmpstr (entry->old_value, ==, TSU_HISTORY_HIDDEN);
  g_assert_null (entry->new_value);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* A new referral: from, to, referred_on, due_on and status. */
  referral = new_referral (referral_case);
  tsu_referral_set_referred_on (referral, "2023-07-04");
  g_assert_true (tsu_referral_save (referral, db, &error));
  g_assert_no_error (error);
  history = tsu_history_load_for_case (db, case_id, &error);
  g_assert_cmpuint (history->len, ==, 19);
  g_assert_cmpuint (count_entries (history, "referral", NULL), ==, 5);
  entry = last_entry (history, "due_on");
  g_assert_cmpstr (entry->record, ==, "referral");
  g_assert_cmpint (entry->record_id, ==, tsu_referral_get_id (referral));
  g_assert_null (entry->old_value);
  g_assert_cmpstr (entry->new_value, ==, "2023-07-18");
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Accepting changes the status only; connecting the status and the
   * closing date. */
  g_assert_true (tsu_referral_move (referral, db, TSU_REFERRAL_ACCEPTED, TSU_REASON_NONE, "2023-07-05", &error));
  history = tsu_history_load_for_case (db, case_id, &error);
  g_assert_cmpuint (history->len, ==, 20);
  entry = last_entry (history, "status");
  g_assert_cmpstr (entry->old_value, ==, "sent");
  g_assert_cmpstr (entry->new_value, ==, "accepted");
  g_clear_pointer (&history, g_ptr_array_unref);

  g_assert_true (tsu_referral_move (referral, db, TSU_REFERRAL_NOT_CONNECTED, TSU_REASON_UNREACHABLE,
                                    "2023-07-20", &error));
  g_assert_no_error (error);
  history = tsu_history_load_for_case (db, case_id, &error);
  g_assert_cmpuint (history->len, ==, 23);
  g_assert_cmpuint (count_entries (history, "referral", "status"), ==, 3);
  entry = last_entry (history, "status");
  g_assert_cmpstr (entry->old_value, ==, "accepted");
  g_assert_cmpstr (entry->new_value, ==, "not-connected");
  g_assert_cmpstr (last_entry (history, "reason")->new_value, ==, "unreachable");
  entry = last_entry (history, "closed_on");
  g_assert_null (entry->old_value);
  g_assert_cmpstr (entry->new_value, ==, "2023-07-20");
  for (guint i = 1; i < history->len; i++)
    g_assert_cmpstr (((TsuHistoryEntry *) g_ptr_array_index (history, i - 1))->changed_at, <=,
                     ((TsuHistoryEntry *) g_ptr_array_index (history, i))->changed_at);

  /* The notes' text is nowhere in the history. */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM history WHERE old_value LIKE '%secret%'"
                                   " OR new_value LIKE '%secret%'"), ==, 0);
  /* Cases are never deleted: their history holds them. */
  g_assert_false (tsu_database_exec (db, "DELETE FROM cases", NULL));
}

/* ---- loading ------------------------------------------------------------ */

static void
test_load_order (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuCase) a = add_case (db, "2023-04-10", TSU_WARD_MOJI, 0, FALSE);
  g_autoptr(TsuReferral) closed = add_referral (db, a, "2023-06-01", TSU_REFERRAL_CONNECTED,
                                                TSU_REASON_NONE, "2023-06-05");
  g_autoptr(TsuReferral) late = add_referral (db, a, "2023-04-10", TSU_REFERRAL_SENT, TSU_REASON_NONE, NULL);
  g_autoptr(TsuReferral) later = add_referral (db, a, "2023-05-01", TSU_REFERRAL_ACCEPTED,
                                               TSU_REASON_NONE, NULL);
  g_autoptr(TsuReferral) older_closed = add_referral (db, a, "2023-04-11", TSU_REFERRAL_WITHDRAWN,
                                                      TSU_REASON_NONE, "2023-04-12");
  g_autoptr(GPtrArray) all = NULL, fy = NULL, of_case = NULL;
  g_autoptr(GError) error = NULL;

  all = tsu_referral_load_all (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpint (tsu_referral_get_id (g_ptr_array_index (all, 0)), ==, tsu_referral_get_id (late));
  g_assert_cmpint (tsu_referral_get_id (g_ptr_array_index (all, 1)), ==, tsu_referral_get_id (later));
  g_assert_cmpint (tsu_referral_get_id (g_ptr_array_index (all, 2)), ==, tsu_referral_get_id (closed));
  g_assert_cmpint (tsu_referral_get_id (g_ptr_array_index (all, 3)), ==, tsu_referral_get_id (older_closed));
  g_assert_cmpstr (tsu_referral_get_case_code (g_ptr_array_index (all, 0)), ==, "2023-0001");
  g_assert_true (tsu_referral_is_overdue (g_ptr_array_index (all, 0), "2023-05-01"));
  g_assert_false (tsu_referral_is_overdue (g_ptr_array_index (all, 2), "2030-01-01"));

  fy = tsu_referral_load_for_fiscal_year (db, 2023, &error);
  g_assert_cmpuint (fy->len, ==, 4);
  g_clear_pointer (&fy, g_ptr_array_unref);
  fy = tsu_referral_load_for_fiscal_year (db, 2024, &error);
  g_assert_cmpuint (fy->len, ==, 0);
  of_case = tsu_referral_load_for_case (db, tsu_case_get_id (a), &error);
  g_assert_cmpuint (of_case->len, ==, 4);
  g_assert_cmpstr (tsu_referral_get_referred_on (g_ptr_array_index (of_case, 0)), ==, "2023-04-10");
}

/* ---- statistics --------------------------------------------------------- */

#define BIT(c) (1u << TSU_CONCERN_##c)

/* Hand-computed figures, including the fiscal-year boundaries:
 *   A 2023-04-10 門司区 poverty+employment, foreign    FY2023 case
 *   B 2023-06-01 八幡東区 hikikomori                   FY2023 case
 *   C 2024-03-31 小倉北区 poverty, foreign             FY2023 case
 *   D 2024-04-01 門司区 elderly                        FY2024 case
 *   E 2023-03-31 戸畑区 food                           FY2022 case
 *   r1 A 2023-04-10 connected 2023-04-20 (10 days)
 *   r2 A 2023-05-01 not-connected 2023-06-01
 *   r3 B 2023-06-05 connected 2023-06-09 (4 days)
 *   r4 B 2023-12-01 sent
 *   r5 E 2024-03-31 connected 2024-04-15 (15 days)   FY2023 referral
 *   r6 C 2024-04-02 connected 2024-04-05 (3 days)    FY2024 referral
 *   r7 D 2024-04-01 declined 2024-04-03              FY2024 referral
 *   r8 A 2023-09-15 connected 2023-10-10 (25 days)
 *   r9 B 2024-01-10 withdrawn 2024-01-20 */
static TsuDatabase *
stats_fixture (void)
{
  TsuDatabase *db = new_database ();
  g_autoptr(TsuCase) a = add_case (db, "2023-04-10", TSU_WARD_MOJI, BIT (POVERTY) | BIT (EMPLOYMENT), TRUE);
  g_autoptr(TsuCase) b = add_case (db, "2023-06-01", TSU_WARD_YAHATA_HIGASHI, BIT (HIKIKOMORI), FALSE);
  g_autoptr(TsuCase) c = add_case (db, "2024-03-31", TSU_WARD_KOKURA_KITA, BIT (POVERTY), TRUE);
  g_autoptr(TsuCase) d = add_case (db, "2024-04-01", TSU_WARD_MOJI, BIT (ELDERLY), FALSE);
  g_autoptr(TsuCase) e = add_case (db, "2023-03-31", TSU_WARD_TOBATA, BIT (FOOD), FALSE);
  const struct {
    TsuCase *referral_case; const char *on; TsuReferralStatus status;
    TsuReferralReason reason; const char *closed;
  } rows[] = {
    { a, "2023-04-10", TSU_REFERRAL_CONNECTED, TSU_REASON_NONE, "2023-04-20" },
    { a, "2023-05-01", TSU_REFERRAL_NOT_CONNECTED, TSU_REASON_UNREACHABLE, "2023-06-01" },
    { b, "2023-06-05", TSU_REFERRAL_CONNECTED, TSU_REASON_NONE, "2023-06-09" },
    { b, "2023-12-01", TSU_REFERRAL_SENT, TSU_REASON_NONE, NULL },
    { e, "2024-03-31", TSU_REFERRAL_CONNECTED, TSU_REASON_NONE, "2024-04-15" },
    { c, "2024-04-02", TSU_REFERRAL_CONNECTED, TSU_REASON_NONE, "2024-04-05" },
    { d, "2024-04-01", TSU_REFERRAL_DECLINED, TSU_REASON_NO_CAPACITY, "2024-04-03" },
    { a, "2023-09-15", TSU_REFERRAL_CONNECTED, TSU_REASON_NONE, "2023-10-10" },
    { b, "2024-01-10", TSU_REFERRAL_WITHDRAWN, TSU_REASON_NONE, "2024-01-20" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_object_unref (add_referral (db, rows[i].referral_case, rows[i].on, rows[i].status,
                                  rows[i].reason, rows[i].closed));
  return db;
}

static void
test_stats (void)
{
  g_autoptr(TsuDatabase) db = stats_fixture ();
  TsuReferralStats stats;
  g_autoptr(GError) error = NULL;
  guint month_2023[12] = { 1, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1 };

  g_assert_true (tsu_referral_stats_compute (db, 2023, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stats.fiscal_year, ==, 2023);
  g_assert_cmpuint (stats.cases, ==, 3);
  g_assert_cmpuint (stats.referrals, ==, 7);
  g_assert_cmpuint (stats.by_status[TSU_REFERRAL_SENT], ==, 1);
  g_assert_cmpuint (stats.by_status[TSU_REFERRAL_ACCEPTED], ==, 0);
  g_assert_cmpuint (stats.by_status[TSU_REFERRAL_DECLINED], ==, 0);
  g_assert_cmpuint (stats.by_status[TSU_REFERRAL_CONNECTED], ==, 4);
  g_assert_cmpuint (stats.by_status[TSU_REFERRAL_NOT_CONNECTED], ==, 1);
  g_assert_cmpuint (stats.by_status[TSU_REFERRAL_WITHDRAWN], ==, 1);
  g_assert_cmpuint (stats.ward_referrals[TSU_WARD_MOJI], ==, 3);
  g_assert_cmpuint (stats.ward_connected[TSU_WARD_MOJI], ==, 2);
  g_assert_cmpuint (stats.ward_not_connected[TSU_WARD_MOJI], ==, 1);
  g_assert_cmpuint (stats.ward_referrals[TSU_WARD_YAHATA_HIGASHI], ==, 3);
  g_assert_cmpuint (stats.ward_connected[TSU_WARD_YAHATA_HIGASHI], ==, 1);
  g_assert_cmpuint (stats.ward_not_connected[TSU_WARD_YAHATA_HIGASHI], ==, 0);
  g_assert_cmpuint (stats.ward_referrals[TSU_WARD_TOBATA], ==, 1);
  g_assert_cmpuint (stats.ward_connected[TSU_WARD_TOBATA], ==, 1);
  /* C's referral is in FY2024, though C is a FY2023 case. */
  g_assert_cmpuint (stats.ward_referrals[TSU_WARD_KOKURA_KITA], ==, 0);
  g_assert_cmpuint (stats.by_concern[TSU_CONCERN_POVERTY], ==, 2);
  g_assert_cmpuint (stats.by_concern[TSU_CONCERN_EMPLOYMENT], ==, 1);
  g_assert_cmpuint (stats.by_concern[TSU_CONCERN_HIKIKOMORI], ==, 1);
  g_assert_cmpuint (stats.by_concern[TSU_CONCERN_ELDERLY], ==, 0);
  g_assert_cmpuint (stats.by_concern[TSU_CONCERN_FOOD], ==, 0);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpuint (stats.by_month[i], ==, month_2023[i]);
  g_assert_cmpfloat (stats.connection_rate, ==, 0.8);
  g_assert_cmpuint (stats.foreign_residents, ==, 2);
  /* 4, 10, 15, 25 → (10 + 15) / 2 */
  g_assert_cmpfloat (stats.median_days_to_connect, ==, 12.5);

  g_assert_true (tsu_referral_stats_compute (db, 2024, &stats, &error));
  g_assert_cmpuint (stats.cases, ==, 1);
  g_assert_cmpuint (stats.referrals, ==, 2);
  g_assert_cmpuint (stats.by_status[TSU_REFERRAL_CONNECTED], ==, 1);
  g_assert_cmpuint (stats.by_status[TSU_REFERRAL_DECLINED], ==, 1);
  g_assert_cmpuint (stats.ward_referrals[TSU_WARD_KOKURA_KITA], ==, 1);
  g_assert_cmpuint (stats.ward_connected[TSU_WARD_KOKURA_KITA], ==, 1);
  g_assert_cmpuint (stats.ward_referrals[TSU_WARD_MOJI], ==, 1);
  g_assert_cmpuint (stats.ward_connected[TSU_WARD_MOJI], ==, 0);
  g_assert_cmpuint (stats.by_month[0], ==, 2);
  g_assert_cmpuint (stats.by_concern[TSU_CONCERN_ELDERLY], ==, 1);
  g_assert_cmpuint (stats.by_concern[TSU_CONCERN_POVERTY], ==, 0);
  g_assert_cmpuint (stats.foreign_residents, ==, 0);
  g_assert_cmpfloat (stats.connection_rate, ==, 1.0);
  g_assert_cmpfloat (stats.median_days_to_connect, ==, 3.0);

  /* FY2022: a case and no referral: no rate, no median. */
  g_assert_true (tsu_referral_stats_compute (db, 2022, &stats, &error));
  g_assert_cmpuint (stats.cases, ==, 1);
  g_assert_cmpuint (stats.referrals, ==, 0);
  g_assert_cmpuint (stats.by_concern[TSU_CONCERN_FOOD], ==, 1);
  g_assert_cmpfloat (stats.connection_rate, <, 0);
  g_assert_cmpfloat (stats.median_days_to_connect, <, 0);
  {
    g_autofree char *json = tsu_referral_stats_to_json (&stats);
    g_autofree char *csv = tsu_referral_stats_to_csv (&stats);

    g_assert_nonnull (strstr (json, "\"connection_rate\": null,\n"));
    g_assert_nonnull (strstr (json, "\"median_days_to_connect\": null}"));
    g_assert_nonnull (strstr (csv, "\nconnection_rate,,\n"));
    g_assert_nonnull (strstr (csv, "\nmedian_days_to_connect,,\n"));
  }
}

static const char expected_json[] =
  "{\"fiscal_year\": 2023, \"cases\": 1, \"referrals\": 3,\n"
  " \"by_status\": {\"sent\": 0, \"accepted\": 0, \"declined\": 0, \"connected\": 2, \"not-connected\": 1, \"withdrawn\": 0},\n"
  " \"by_ward\": {\"門司区\": {\"referrals\": 0, \"connected\": 0, \"not-connected\": 0},"
  " \"小倉北区\": {\"referrals\": 0, \"connected\": 0, \"not-connected\": 0},"
  " \"小倉南区\": {\"referrals\": 0, \"connected\": 0, \"not-connected\": 0},"
  " \"若松区\": {\"referrals\": 3, \"connected\": 2, \"not-connected\": 1},"
  " \"八幡東区\": {\"referrals\": 0, \"connected\": 0, \"not-connected\": 0},"
  " \"八幡西区\": {\"referrals\": 0, \"connected\": 0, \"not-connected\": 0},"
  " \"戸畑区\": {\"referrals\": 0, \"connected\": 0, \"not-connected\": 0}},\n"
  " \"by_concern\": {\"poverty\": 0, \"employment\": 0, \"housing\": 1, \"hikikomori\": 0, \"child\": 0,"
  " \"youth\": 0, \"elderly\": 0, \"dementia\": 0, \"disability\": 0, \"foreign\": 0, \"suicide\": 0,"
  " \"food\": 1, \"violence\": 0, \"other\": 0},\n"
  " \"by_month\": {\"2023-04\": 0, \"2023-05\": 2, \"2023-06\": 0, \"2023-07\": 0, \"2023-08\": 0,"
  " \"2023-09\": 0, \"2023-10\": 0, \"2023-11\": 0, \"2023-12\": 0, \"2024-01\": 0, \"2024-02\": 0,"
  " \"2024-03\": 1},\n"
  " \"connection_rate\": 0.6666666666666666,\n"
  " \"foreign_residents\": 1,\n"
  " \"median_days_to_connect\": 7.5}\n";

static void
test_json (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuCase) c = add_case (db, "2023-05-01", TSU_WARD_WAKAMATSU, BIT (HOUSING) | BIT (FOOD), TRUE);
  TsuReferralStats stats;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  g_object_unref (add_referral (db, c, "2023-05-02", TSU_REFERRAL_CONNECTED, TSU_REASON_NONE, "2023-05-09"));
  g_object_unref (add_referral (db, c, "2023-05-03", TSU_REFERRAL_CONNECTED, TSU_REASON_NONE, "2023-05-11"));
  g_object_unref (add_referral (db, c, "2024-03-31", TSU_REFERRAL_NOT_CONNECTED, TSU_REASON_REFUSED,
                                "2024-04-02"));

  /* Numbers keep a dot under a locale that writes a comma, when the
   * system has one. */
  setlocale (LC_NUMERIC, "de_DE.UTF-8");
  g_assert_true (tsu_referral_stats_compute (db, 2023, &stats, NULL));
  json = tsu_referral_stats_to_json (&stats);
  g_assert_cmpstr (json, ==, expected_json);

  csv = tsu_referral_stats_to_csv (&stats);
  setlocale (LC_NUMERIC, "C");
  lines = g_strsplit (csv, "\n", -1);
  /* header, 3 totals, 6 statuses, 3 × 7 wards, 14 concerns, 12 months,
   * 3 more totals, and the empty string after the last newline */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 3 + 6 + 21 + 14 + 12 + 3 + 1);
  g_assert_cmpstr (lines[0], ==, "section,key,value");
  g_assert_cmpstr (lines[1], ==, "fiscal_year,,2023");
  g_assert_true (g_strv_contains ((const char * const *) lines, "by_status,connected,2"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "by_ward.referrals,若松区,3"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "by_ward.not-connected,若松区,1"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "by_concern,food,1"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "by_month,2024-03,1"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "connection_rate,,0.6666666666666666"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "median_days_to_connect,,7.5"));
  g_assert_cmpstr (lines[g_strv_length (lines) - 1], ==, "");

  /* Whole numbers keep a decimal point and never turn into exponents. */
  {
    TsuReferralStats round = { .fiscal_year = 2023, .connection_rate = 1.0,
                               .median_days_to_connect = 10.0 };
    g_autofree char *text = tsu_referral_stats_to_json (&round);

    g_assert_nonnull (strstr (text, "\"connection_rate\": 1.0,\n"));
    g_assert_nonnull (strstr (text, "\"median_days_to_connect\": 10.0}"));
    round.connection_rate = 0.0;
    round.median_days_to_connect = 120.0;
    g_free (text);
    text = tsu_referral_stats_to_json (&round);
    g_assert_nonnull (strstr (text, "\"connection_rate\": 0.0,\n"));
    g_assert_nonnull (strstr (text, "\"median_days_to_connect\": 120.0}"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/referral/vocabularies", test_vocabularies);
  g_test_add_func ("/referral/case-codes", test_case_codes);
  g_test_add_func ("/referral/workflow", test_workflow);
  g_test_add_func ("/referral/reasons", test_reasons);
  g_test_add_func ("/referral/consent", test_consent);
  g_test_add_func ("/referral/dates", test_dates);
  g_test_add_func ("/referral/history", test_history);
  g_test_add_func ("/referral/load-order", test_load_order);
  g_test_add_func ("/referral/stats", test_stats);
  g_test_add_func ("/referral/json", test_json);

  return g_test_run ();
}
