/* test-kana.c: search keys and 五十音順 sort keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tsu-kana.h"

static int
compare_readings (const char *a,
                  const char *b)
{
  g_autoptr(GBytes) ka = tsu_kana_sort_key (a);
  g_autoptr(GBytes) kb = tsu_kana_sort_key (b);

  return g_bytes_compare (ka, kb);
}

static void
test_normalize (void)
{
  g_autofree char *a = tsu_kana_normalize ("ｶﾀｶﾅ");
  g_autofree char *b = tsu_kana_normalize ("カタカナ");
  g_autofree char *c = tsu_kana_normalize ("かたかな");
  g_autofree char *d = tsu_kana_normalize ("ＮＰＯ法人　抱樸");
  g_autofree char *e = tsu_kana_normalize ("ﾊﾞｽ");

  g_assert_cmpstr (a, ==, "かたかな");
  g_assert_cmpstr (b, ==, "かたかな");
  g_assert_cmpstr (c, ==, "かたかな");
  g_assert_cmpstr (d, ==, "npo法人抱樸");
  g_assert_cmpstr (e, ==, "ばす");

  g_assert_true (tsu_kana_matches ("フードバンク北九州ライフアゲイン", "ふーど"));
  g_assert_true (tsu_kana_matches ("ﾌｰﾄﾞﾊﾞﾝｸ", "フード"));
  g_assert_true (tsu_kana_matches ("北九州市子ども・若者応援センターＹＥＬＬ", "yell"));
  g_assert_false (tsu_kana_matches ("抱樸", "ふーど"));
}

static void
test_sort_order (void)
{
  /* Kana of either script and width compare alike at first. */
  g_assert_cmpint (compare_readings ("かたかな", "カタカナ"), !=, 0);
  g_assert_cmpint (compare_readings ("あい", "カタカナ"), <, 0);
  g_assert_cmpint (compare_readings ("ｱｲ", "かたかな"), <, 0);
  /* Voiced marks only break ties: は < ば < ぱ < ひ. */
  g_assert_cmpint (compare_readings ("はな", "ばな"), <, 0);
  g_assert_cmpint (compare_readings ("ばな", "ぱな"), <, 0);
  g_assert_cmpint (compare_readings ("ぱな", "ひな"), <, 0);
  g_assert_cmpint (compare_readings ("ばす", "はた"), <, 0);
  /* Small kana sort as their large forms. */
  g_assert_cmpint (compare_readings ("きゃく", "きやま"), <, 0);
  /* ー reads as the vowel before it: ふーど is ふうど, before ふく. */
  g_assert_cmpint (compare_readings ("ふーど", "ふく"), <, 0);
  g_assert_cmpint (compare_readings ("ふうと", "ふーど"), <, 0);
}

static void
test_legal_forms (void)
{
  g_autofree char *form = NULL;
  g_autofree char *name = NULL;
  g_autofree char *form2 = NULL;
  g_autofree char *name2 = NULL;
  g_autofree char *stripped = NULL;

  tsu_legal_form_split ("ＮＰＯ法人 抱樸", &form, &name);
  g_assert_cmpstr (form, ==, "NPO法人");
  g_assert_cmpstr (name, ==, "抱樸");

  tsu_legal_form_split ("福岡県協力雇用主会", &form2, &name2);
  g_assert_null (form2);
  g_assert_cmpstr (name2, ==, "福岡県協力雇用主会");

  stripped = tsu_reading_strip_legal_form ("エヌピーオーホウジン ホウボク");
  g_assert_cmpstr (stripped, ==, "ほうぼく");

  g_assert_true (tsu_kana_is_reading ("ほうぼく"));
  g_assert_true (tsu_kana_is_reading ("ホウボク"));
  g_assert_true (tsu_kana_is_reading ("にんちしょう・くさのねねっとわーく"));
  g_assert_false (tsu_kana_is_reading ("抱樸"));
}

/* Section 3 of the minutes of the 5th meeting (seed 003) lists these
 * eleven members 敬称略、五十音順; their readings, without legal forms,
 * must come out in exactly that order. */
static void
test_minutes_order (void)
{
  static const char * const printed_order[] = {
    "きたきゅうしゅういのちのでんわ",
    "きたきゅうしゅうこくさいこうりゅうきょうかい",
    "きたきゅうしゅうしこども・わかものおうえんせんたーいぇーる",
    "きたきゅうしゅうししゃかいふくしきょうぎかい",
    "きたきゅうしゅうししょうがいしゃきかんそうだんしえんせんたー",
    "きたきゅうしゅうしひきこもりちいきしえんせんたーすてっぷ",
    "ちゃいるどらいんきたきゅうしゅう",
    "にんちしょう・くさのねねっとわーく",
    "ふーどばんくきたきゅうしゅうらいふあげいん",
    "ふくおかけんきょうりょくこようぬしかい",
    "ほうぼく",
  };
  /* Shuffled, some in katakana or with a legal form, as users type. */
  static const char * const typed[] = {
    "エヌピーオーホウジン ホウボク",
    "ふくおかけんきょうりょくこようぬしかい",
    "ﾁｬｲﾙﾄﾞﾗｲﾝｷﾀｷｭｳｼｭｳ",
    "キタキュウシュウシシャカイフクシキョウギカイ",
    "しゃかいふくしほうじん きたきゅうしゅういのちのでんわ",
    "にんちしょう・くさのねねっとわーく",
    "きたきゅうしゅうしひきこもりちいきしえんせんたーすてっぷ",
    "こうえきざいだんほうじん きたきゅうしゅうこくさいこうりゅうきょうかい",
    "フードバンクキタキュウシュウライフアゲイン",
    "きたきゅうしゅうししょうがいしゃきかんそうだんしえんせんたー",
    "きたきゅうしゅうしこども・わかものおうえんせんたーいぇーる",
  };
  const char *sorted[G_N_ELEMENTS (typed)];

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    sorted[i] = typed[i];
  /* Insertion sort by the key of the reading without its legal form. */
  for (guint i = 1; i < G_N_ELEMENTS (sorted); i++)
    for (guint j = i; j > 0; j--)
      {
        g_autofree char *a = tsu_reading_strip_legal_form (sorted[j - 1]);
        g_autofree char *b = tsu_reading_strip_legal_form (sorted[j]);
        const char *swap;

        if (compare_readings (a, b) <= 0)
          break;
        swap = sorted[j - 1];
        sorted[j - 1] = sorted[j];
        sorted[j] = swap;
      }

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      g_autofree char *stripped = tsu_reading_strip_legal_form (sorted[i]);
      g_autofree char *expected = tsu_kana_normalize (printed_order[i]);

      g_assert_cmpstr (stripped, ==, expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kana/normalize", test_normalize);
  g_test_add_func ("/kana/sort-order", test_sort_order);
  g_test_add_func ("/kana/legal-forms", test_legal_forms);
  g_test_add_func ("/kana/minutes-order", test_minutes_order);

  return g_test_run ();
}
