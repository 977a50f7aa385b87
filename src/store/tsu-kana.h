/* tsu-kana.h: Japanese readings, search keys and 五十音順 sort keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A key for search-as-you-type: NFKC (half-width kana and full-width
 * Latin become ordinary), case-folded, katakana turned into hiragana and
 * white space dropped, so ｶﾀｶﾅ, カタカナ and かたかな all match. */
char       *tsu_kana_normalize           (const char  *text);

/* TRUE if @needle (already normalised or not) occurs in @haystack after
 * both are normalised. */
gboolean    tsu_kana_matches             (const char  *haystack,
                                          const char  *needle);

/* A binary key that sorts readings in Japanese dictionary order
 * (JIS X 4061, ICU's "ja" collation): compare keys with memcmp. */
GBytes     *tsu_kana_sort_key            (const char  *reading);

/* Identifies the collation rules the sort keys were made with, so stored
 * keys can be recomputed when ICU changes. */
const char *tsu_kana_collation_version   (void);

/* Splits "NPO法人 抱樸" into "NPO法人" and "抱樸". Either output may be
 * NULL; @legal_form gets NULL when the name has none. */
void        tsu_legal_form_split         (const char  *full_name,
                                          char       **legal_form,
                                          char       **name);

/* The reading without a leading legal form ("えぬぴーおーほうじん ほうぼく"
 * becomes "ほうぼく"), in hiragana: what an organisation sorts by. */
char       *tsu_reading_strip_legal_form (const char  *reading);

/* TRUE if @reading holds only kana, the long vowel mark, spaces and
 * middle dots, as a reading should; Latin letters and digits are allowed
 * too (for names like ＹＥＬＬ). Kanji are not. */
gboolean    tsu_kana_is_reading          (const char  *reading);

/* The legal forms the program knows, for choosers; NULL-terminated. */
const char * const *tsu_legal_forms      (void);

G_END_DECLS
