/* tsu-demo-referrals.c: the demo's referral cases of 令和5年度 (FY2023).
 *
 * Everything here is made up: about sixty cases drawn from a fixed
 * pseudo-random sequence (the same demo every time), received between
 * 2023-04-01 and 2024-03-20 at the demo's member organisations and the
 * seven ward counters, spread over the wards, age bands and concerns
 * with weights that follow what the council's documents talk about most
 * (生活困窮, 就労, ひきこもり, 高齢 …). Each case is referred one to three
 * times from its entrance to members whose fields match its concerns,
 * and the referrals go through the workflow with dates: most connect,
 * some do not (with a reason), some are declined, a few are still open,
 * some of those past their due date in early 2024. A handful of cases of
 * 門司区 and 八幡東区 — where the minutes say the multi-agency support
 * meetings start — are taken to a 重層的支援会議.
 *
 * There are no names and no notes about anybody: a note, where there is
 * one, says only how the case was handled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tsu-case.h"
#include "tsu-date.h"
#include "tsu-demo-referrals.h"
#include "tsu-organization.h"
#include "tsu-referral.h"

#define N_CASES 60
#define FIRST_DAY "2023-04-01"
/* Late enough in the year for the last referrals to stay in it. */
#define LAST_RECEIVED_OFFSET 354  /* 2024-03-20 */
#define YEAR_END "2024-03-31"

/* A small xorshift generator with a fixed seed: the demo must be the same
 * on every machine and in every run, which rand () does not promise. */
typedef struct
{
  guint32 state;
} Rng;

static guint32
rng_next (Rng *rng)
{
  guint32 x = rng->state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  rng->state = x;
  return x;
}

/* 0 … n - 1 */
static guint
rng_below (Rng   *rng,
           guint  n)
{
  return rng_next (rng) % n;
}

/* lo … hi */
static int
rng_between (Rng *rng,
             int  lo,
             int  hi)
{
  return lo + (int) rng_below (rng, (guint) (hi - lo + 1));
}

/* An index into @weights (@n of them) with the chance of its weight. */
static guint
rng_weighted (Rng         *rng,
              const guint *weights,
              guint        n)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  pick = rng_below (rng, total);
  for (guint i = 0; i < n; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }
  return n - 1;
}

/* Roughly by population: 八幡西区 and 小倉南区 are the largest wards. */
static const guint ward_weights[TSU_N_WARDS] = {
  [TSU_WARD_MOJI] = 10, [TSU_WARD_KOKURA_KITA] = 18, [TSU_WARD_KOKURA_MINAMI] = 20,
  [TSU_WARD_WAKAMATSU] = 8, [TSU_WARD_YAHATA_HIGASHI] = 8, [TSU_WARD_YAHATA_NISHI] = 25,
  [TSU_WARD_TOBATA] = 6,
};

static const guint age_weights[TSU_N_AGE_BANDS] = {
  [TSU_AGE_UNDER_20] = 6, [TSU_AGE_20S] = 9, [TSU_AGE_30S] = 9, [TSU_AGE_40S] = 12,
  [TSU_AGE_50S] = 12, [TSU_AGE_60S] = 10, [TSU_AGE_70S] = 12, [TSU_AGE_80_PLUS] = 9,
  [TSU_AGE_UNKNOWN] = 4,
};

/* What the minutes and the members talk about most comes up most. */
static const guint concern_weights[TSU_N_CONCERNS] = {
  [TSU_CONCERN_POVERTY] = 20, [TSU_CONCERN_EMPLOYMENT] = 12, [TSU_CONCERN_HOUSING] = 8,
  [TSU_CONCERN_HIKIKOMORI] = 12, [TSU_CONCERN_CHILD] = 6, [TSU_CONCERN_YOUTH] = 5,
  [TSU_CONCERN_ELDERLY] = 12, [TSU_CONCERN_DEMENTIA] = 6, [TSU_CONCERN_DISABILITY] = 6,
  [TSU_CONCERN_FOREIGN] = 0 /* with a foreign resident, below */, [TSU_CONCERN_SUICIDE] = 4,
  [TSU_CONCERN_FOOD] = 6, [TSU_CONCERN_VIOLENCE] = 3, [TSU_CONCERN_OTHER] = 2,
};

/* Who takes on each concern: organisations of the demo directory (by
 * name without legal form) whose fields of activity match it. */
static const char * const receivers[TSU_N_CONCERNS][4] = {
  [TSU_CONCERN_POVERTY]    = { "北九州市社会福祉協議会", "フードバンク北九州ライフアゲイン", "抱樸", NULL },
  [TSU_CONCERN_EMPLOYMENT] = { "北九州市子ども・若者応援センターＹＥＬＬ", "福岡県協力雇用主会", NULL },
  [TSU_CONCERN_HOUSING]    = { "抱樸", NULL },
  [TSU_CONCERN_HIKIKOMORI] = { "北九州市ひきこもり地域支援センター「すてっぷ」", "北九州市子ども・若者応援センターＹＥＬＬ", NULL },
  [TSU_CONCERN_CHILD]      = { "チャイルドライン北九州", "子ども家庭局 子育て支援課", NULL },
  [TSU_CONCERN_YOUTH]      = { "北九州市子ども・若者応援センターＹＥＬＬ", NULL },
  [TSU_CONCERN_ELDERLY]    = { "北九州市社会福祉協議会", "認知症・草の根ネットワーク", NULL },
  [TSU_CONCERN_DEMENTIA]   = { "認知症・草の根ネットワーク", NULL },
  [TSU_CONCERN_DISABILITY] = { "北九州市障害者基幹相談支援センター", NULL },
  [TSU_CONCERN_FOREIGN]    = { "北九州国際交流協会", NULL },
  [TSU_CONCERN_SUICIDE]    = { "北九州いのちの電話", "保健福祉局 精神保健福祉センター", NULL },
  [TSU_CONCERN_FOOD]       = { "フードバンク北九州ライフアゲイン", NULL },
  [TSU_CONCERN_VIOLENCE]   = { "総務局 女性の輝く社会推進室", NULL },
  [TSU_CONCERN_OTHER]      = { "北九州市社会福祉協議会", NULL },
};

/* Members where people come first, besides the ward counters. */
static const char * const member_entrances[] = {
  "北九州いのちの電話", "北九州国際交流協会", "北九州市子ども・若者応援センターＹＥＬＬ",
  "北九州市社会福祉協議会", "北九州市障害者基幹相談支援センター",
  "北九州市ひきこもり地域支援センター「すてっぷ」", "チャイルドライン北九州",
  "認知症・草の根ネットワーク", "フードバンク北九州ライフアゲイン", "抱樸",
};

static const char * const languages[] = {
  "ベトナム語", "中国語", "英語", "ネパール語", "韓国語", "タガログ語",
};

/* Generic remarks only: how the case was handled, nothing about anyone. */
static const char * const generic_notes[] = {
  "", "", "", "", "", "ケース会議で検討", "関係機関と情報共有済み", "継続して見守り",
};

static char *
day_after (const char *iso,
           int         days)
{
  GDate date;

  if (!tsu_date_from_iso (iso, &date))
    g_assert_not_reached ();
  g_date_add_days (&date, (guint) days);
  return tsu_date_to_iso (&date);
}

/* The display name ("NPO法人 抱樸") of a demo organisation. */
static const char *
place_of (GHashTable *display_names,
          const char *name)
{
  const char *display = g_hash_table_lookup (display_names, name);

  return display != NULL ? display : name;
}

/* A receiver for @concerns other than @from and the @taken ones. */
static const char *
pick_receiver (Rng         *rng,
               GHashTable  *display_names,
               guint        concerns,
               const char  *from,
               GPtrArray   *taken)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new ();

  for (guint c = 0; c < TSU_N_CONCERNS; c++)
    {
      if (!(concerns & (1u << c)))
        continue;
      for (guint r = 0; r < G_N_ELEMENTS (receivers[c]) && receivers[c][r] != NULL; r++)
        {
          const char *to = place_of (display_names, receivers[c][r]);

          if (strcmp (to, from) != 0 && !g_ptr_array_find_with_equal_func (taken, to, g_str_equal, NULL)
              && !g_ptr_array_find_with_equal_func (choices, to, g_str_equal, NULL))
            g_ptr_array_add (choices, (gpointer) to);
        }
    }
  if (choices->len == 0)
    return NULL;
  return g_ptr_array_index (choices, rng_below (rng, choices->len));
}

/* Takes a saved referral through the workflow to where it ended. */
static gboolean
move_referral (Rng          *rng,
               TsuDatabase  *db,
               TsuReferral  *referral,
               gboolean      late_in_year,
               GError      **error)
{
  /* Early in the year most referrals have ended; in the last quarter
   * many are still waiting for an answer. */
  static const guint early_weights[] = { 2, 4, 10, 14, 66, 4 };
  static const guint late_weights[] = { 30, 16, 6, 8, 36, 4 };
  enum { STAY_SENT, STAY_ACCEPTED, DECLINE, NOT_CONNECT, CONNECT, WITHDRAW };
  static const TsuReferralReason decline_reasons[] = {
    TSU_REASON_NO_CAPACITY, TSU_REASON_NO_CAPACITY, TSU_REASON_INELIGIBLE, TSU_REASON_OTHER,
  };
  static const TsuReferralReason not_connected_reasons[] = {
    TSU_REASON_UNREACHABLE, TSU_REASON_UNREACHABLE, TSU_REASON_REFUSED, TSU_REASON_REFUSED,
    TSU_REASON_NO_LONGER_NEEDED, TSU_REASON_OTHER,
  };
  const char *referred_on = tsu_referral_get_referred_on (referral);
  guint outcome = rng_weighted (rng, late_in_year ? late_weights : early_weights, G_N_ELEMENTS (early_weights));
  g_autofree char *accepted_on = day_after (referred_on, rng_between (rng, 1, 7));
  g_autofree char *closed_on = NULL;

  switch (outcome)
    {
    case DECLINE:
      closed_on = day_after (referred_on, rng_between (rng, 1, 10));
      break;
    case WITHDRAW:
      closed_on = day_after (referred_on, rng_between (rng, 5, 30));
      break;
    case NOT_CONNECT:
      closed_on = day_after (accepted_on, rng_between (rng, 14, 60));
      break;
    case CONNECT:
      closed_on = day_after (accepted_on, rng_between (rng, 2, 35));
      break;
    default:
      break;
    }
  /* The demo stands at the end of the year: what would end later is
   * still open then. */
  if (closed_on != NULL && strcmp (closed_on, YEAR_END) > 0)
    outcome = outcome == DECLINE || outcome == WITHDRAW ? STAY_SENT : STAY_ACCEPTED;
  if (strcmp (accepted_on, YEAR_END) > 0 && outcome == STAY_ACCEPTED)
    outcome = STAY_SENT;

  switch (outcome)
    {
    case STAY_SENT:
      return TRUE;
    case DECLINE:
      return tsu_referral_move (referral, db, TSU_REFERRAL_DECLINED,
                                decline_reasons[rng_below (rng, G_N_ELEMENTS (decline_reasons))],
                                closed_on, error);
    case WITHDRAW:
      return tsu_referral_move (referral, db, TSU_REFERRAL_WITHDRAWN, TSU_REASON_NONE, closed_on, error);
    default:
      break;
    }
  if (!tsu_referral_move (referral, db, TSU_REFERRAL_ACCEPTED, TSU_REASON_NONE, accepted_on, error))
    return FALSE;
  if (outcome == NOT_CONNECT)
    return tsu_referral_move (referral, db, TSU_REFERRAL_NOT_CONNECTED,
                              not_connected_reasons[rng_below (rng, G_N_ELEMENTS (not_connected_reasons))],
                              closed_on, error);
  if (outcome == CONNECT)
    return tsu_referral_move (referral, db, TSU_REFERRAL_CONNECTED, TSU_REASON_NONE, closed_on, error);
  return TRUE;
}

static gboolean
fill_case (Rng          *rng,
           TsuDatabase  *db,
           GHashTable   *display_names,
           guint         number,
           GError      **error)
{
  static const guint contact_weights[TSU_N_CONTACTS] = { 45, 35, 15, 5 };
  /* consent given; pending with a support meeting; pending with the council */
  static const guint basis_weights[] = { 84, 9, 7 };
  g_autoptr(TsuCase) c = tsu_case_new ();
  g_autoptr(GPtrArray) taken = g_ptr_array_new ();
  g_autofree char *code = g_strdup_printf ("2023-%04u", number);
  g_autofree char *received_on = NULL;
  g_autofree char *entrance = NULL;
  g_autofree char *next_on = NULL;
  g_autofree char *ward_counter_name = NULL;
  const char *social_welfare;
  TsuWard ward = rng_weighted (rng, ward_weights, TSU_N_WARDS);
  guint basis = rng_weighted (rng, basis_weights, G_N_ELEMENTS (basis_weights));
  gboolean foreign = rng_below (rng, 100) < 10;
  gboolean meeting = FALSE;
  guint n_concerns = rng_weighted (rng, (const guint[]) { 45, 40, 15 }, 3) + 1;
  guint n_referrals;
  guint concerns = 0;

  received_on = day_after (FIRST_DAY, rng_between (rng, 0, LAST_RECEIVED_OFFSET));
  while (n_concerns > 0)
    {
      guint concern = rng_weighted (rng, concern_weights, TSU_N_CONCERNS);

      if (!(concerns & (1u << concern)))
        {
          concerns |= 1u << concern;
          n_concerns--;
        }
    }
  if (foreign)
    concerns |= 1u << TSU_CONCERN_FOREIGN;

  /* The support meetings of the first year are held in 門司区 and
   * 八幡東区 (minutes of the 5th council meeting); sharing there rests on
   * the meeting (社会福祉法第106条の6) while consent is being sought. */
  if (basis == 1)
    ward = rng_below (rng, 2) == 0 ? TSU_WARD_MOJI : TSU_WARD_YAHATA_HIGASHI;
  if (ward == TSU_WARD_MOJI || ward == TSU_WARD_YAHATA_HIGASHI)
    meeting = basis == 1 || (g_bit_nth_lsf (concerns, -1) != g_bit_nth_msf (concerns, -1) && rng_below (rng, 3) == 0);

  /* Ward counters are the busiest entrance. */
  if (rng_below (rng, 100) < 40)
    entrance = g_strconcat (tsu_ward_to_name (ward), "役所", NULL);
  else if (foreign && rng_below (rng, 2) == 0)
    entrance = g_strdup (place_of (display_names, "北九州国際交流協会"));
  else
    entrance = g_strdup (place_of (display_names, member_entrances[rng_below (rng, G_N_ELEMENTS (member_entrances))]));

  tsu_case_set_code (c, code);
  tsu_case_set_received_on (c, received_on);
  tsu_case_set_entrance (c, entrance);
  tsu_case_set_ward (c, ward);
  tsu_case_set_age_band (c, rng_weighted (rng, age_weights, TSU_N_AGE_BANDS));
  tsu_case_set_foreign_resident (c, foreign);
  tsu_case_set_language (c, foreign ? languages[rng_below (rng, G_N_ELEMENTS (languages))] : "");
  tsu_case_set_concerns (c, concerns);
  tsu_case_set_contact (c, rng_weighted (rng, contact_weights, TSU_N_CONTACTS));
  if (basis == 0)
    {
      tsu_case_set_consent (c, TSU_CONSENT_YES);
      tsu_case_set_consent_on (c, received_on);
      tsu_case_set_consent_how (c, rng_below (rng, 3) == 0 ? "書面" : "口頭");
      tsu_case_set_legal_basis (c, TSU_LEGAL_BASIS_CONSENT);
    }
  else
    {
      tsu_case_set_consent (c, TSU_CONSENT_PENDING);
      tsu_case_set_legal_basis (c, basis == 1 ? TSU_LEGAL_BASIS_SUPPORT_MEETING : TSU_LEGAL_BASIS_COUNCIL);
    }
  if (meeting)
    {
      g_autofree char *meeting_on = day_after (received_on, rng_between (rng, 14, 45));

      if (strcmp (meeting_on, YEAR_END) > 0)
        meeting = FALSE;
      else
        {
          tsu_case_set_support_meeting (c, TRUE);
          tsu_case_set_support_meeting_on (c, meeting_on);
        }
    }
  tsu_case_set_notes (c, meeting ? "重層的支援会議で検討"
                                 : generic_notes[rng_below (rng, G_N_ELEMENTS (generic_notes))]);
  if (!tsu_case_save (c, db, error))
    return FALSE;
  social_welfare = place_of (display_names, "北九州市社会福祉協議会");
  ward_counter_name = g_strconcat (tsu_ward_to_name (ward), "役所", NULL);

  n_referrals = rng_weighted (rng, (const guint[]) { 55, 33, 12 }, 3) + 1;
  next_on = day_after (received_on, rng_between (rng, 0, 4));
  for (guint r = 0; r < n_referrals && next_on != NULL && strcmp (next_on, YEAR_END) <= 0; r++)
    {
      g_autoptr(TsuReferral) referral = tsu_referral_new (tsu_case_get_id (c));
      g_autofree char *referred_on = g_steal_pointer (&next_on);
      g_autofree char *due_on = NULL;
      const char *to = pick_receiver (rng, display_names, concerns, entrance, taken);

      /* Every case is handed on at least once: to the council of social
       * welfare, whose fields take in everything, or from it to the ward. */
      if (to == NULL && r == 0)
        to = strcmp (entrance, social_welfare) != 0 ? social_welfare : ward_counter_name;
      if (to == NULL)
        break;
      g_ptr_array_add (taken, (gpointer) to);
      due_on = day_after (referred_on, TSU_REFERRAL_DEFAULT_DUE_DAYS);
      tsu_referral_set_from (referral, entrance);
      tsu_referral_set_to (referral, to);
      tsu_referral_set_referred_on (referral, referred_on);
      tsu_referral_set_due_on (referral, due_on);
      if (!tsu_referral_save (referral, db, error)
          || !move_referral (rng, db, referral, strcmp (referred_on, "2024-01-01") >= 0, error))
        return FALSE;
      next_on = day_after (referred_on, rng_between (rng, 0, 10));
    }
  return TRUE;
}

gboolean
tsu_demo_fill_referrals (TsuDatabase  *db,
                         GError      **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) display_names = NULL;
  Rng rng = { 20230401u };

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  all = tsu_organization_load_all (db, error);
  if (all == NULL)
    return FALSE;
  display_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < all->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (all, i);

      g_hash_table_insert (display_names, g_strdup (tsu_organization_get_name (org)),
                           tsu_organization_dup_display_name (org));
    }

  for (guint number = 1; number <= N_CASES; number++)
    if (!fill_case (&rng, db, display_names, number, error))
      return FALSE;
  return TRUE;
}
