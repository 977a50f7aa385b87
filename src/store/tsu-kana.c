/* tsu-kana.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#include "tsu-kana.h"

/* Forms as written in the documents; matched after NFKC, so ＮＰＯ法人
 * matches NPO法人. Longer forms first so that prefixes do not win. */
static const char * const legal_forms[] = {
  "特定非営利活動法人",
  "NPO法人",
  "社会福祉法人",
  "公益財団法人",
  "一般財団法人",
  "公益社団法人",
  "一般社団法人",
  "社会医療法人",
  "医療法人",
  "学校法人",
  "宗教法人",
  "株式会社",
  "有限会社",
  "合同会社",
  "協同組合",
  "任意団体",
  NULL
};

/* Their readings, in hiragana after normalisation. */
static const char * const legal_form_readings[] = {
  "とくていひえいりかつどうほうじん",
  "えぬぴーおーほうじん",
  "npoほうじん",
  "しゃかいふくしほうじん",
  "こうえきざいだんほうじん",
  "いっぱんざいだんほうじん",
  "こうえきしゃだんほうじん",
  "いっぱんしゃだんほうじん",
  "しゃかいいりょうほうじん",
  "いりょうほうじん",
  "がっこうほうじん",
  "しゅうきょうほうじん",
  "かぶしきがいしゃ",
  "ゆうげんがいしゃ",
  "ごうどうがいしゃ",
  "きょうどうくみあい",
  "にんいだんたい",
  NULL
};

const char * const *
tsu_legal_forms (void)
{
  return legal_forms;
}

static gunichar
katakana_to_hiragana (gunichar c)
{
  /* ァ (U+30A1) … ヶ (U+30F6) sit 0x60 above their hiragana; ヷ-ヺ have
   * none and stay. */
  if (c >= 0x30A1 && c <= 0x30F6)
    return c - 0x60;
  if (c == 0x30FD || c == 0x30FE) /* ヽヾ */
    return c - 0x60;
  return c;
}

/* One round of tsu_kana_normalize(); @text is valid UTF-8. */
static char *
normalize_once (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (nfkc, -1);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      /* GLib folds Cherokee small letters to capitals (as Unicode says)
       * but capitals to small letters (its lower-case table), so a
       * second fold would undo the first: settle on the small ones. */
      g_string_append_unichar (out, katakana_to_hiragana (g_unichar_tolower (c)));
    }
  return g_string_free (out, FALSE);
}

char *
tsu_kana_normalize (const char *text)
{
  char *key;

  /* Not UTF-8: nothing sensible to match. g_utf8_normalize() alone
   * lets some of it through. */
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  /* A key must be its own key, since keys are compared with keys made
   * from other text. One round is not always enough: NFKC turns the
   * spacing mark in か゛ into a space and a combining mark, and dropping
   * the space leaves the mark after か, which the next NFKC composes
   * into が. Rounds stop when nothing changes, in practice after two. */
  key = normalize_once (text);
  for (guint round = 0; round < 4; round++)
    {
      char *again = normalize_once (key);

      if (strcmp (again, key) == 0)
        {
          g_free (again);
          break;
        }
      g_free (key);
      key = again;
    }
  return key;
}

gboolean
tsu_kana_matches (const char *haystack,
                  const char *needle)
{
  g_autofree char *h = tsu_kana_normalize (haystack);
  g_autofree char *n = tsu_kana_normalize (needle);

  return strstr (h, n) != NULL;
}

static UCollator *
get_collator (void)
{
  static UCollator *collator;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      UErrorCode status = U_ZERO_ERROR;

      collator = ucol_open ("ja", &status);
      if (U_FAILURE (status))
        g_error ("ICU has no Japanese collation: %s", u_errorName (status));
      /* JIS X 4061 breaks the last ties by script (hiragana before
       * katakana); ICU keeps that difference at the quaternary level. */
      ucol_setStrength (collator, UCOL_QUATERNARY);
      g_once_init_leave (&initialized, 1);
    }
  return collator;
}

GBytes *
tsu_kana_sort_key (const char *reading)
{
  g_autofree char *normalized = NULL;
  g_autofree UChar *utf16 = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t utf16_len = 0;
  int32_t key_len;
  guint8 *key;

  /* NFKC first, so half-width and full-width forms share a key. Text
   * that is not UTF-8 sorts as empty. */
  if (reading != NULL && g_utf8_validate (reading, -1, NULL))
    normalized = g_utf8_normalize (reading, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalized == NULL)
    normalized = g_strdup ("");

  u_strFromUTF8 (NULL, 0, &utf16_len, normalized, -1, &status);
  status = U_ZERO_ERROR;
  utf16 = g_new0 (UChar, utf16_len + 1);
  u_strFromUTF8 (utf16, utf16_len + 1, NULL, normalized, -1, &status);
  if (U_FAILURE (status))
    return g_bytes_new ("", 0);

  key_len = ucol_getSortKey (get_collator (), utf16, utf16_len, NULL, 0);
  key = g_malloc (key_len);
  ucol_getSortKey (get_collator (), utf16, utf16_len, key, key_len);
  /* Drop the terminating NUL so that keys compare by memcmp of their
   * common length, then by length. */
  return g_bytes_new_take (key, key_len > 0 ? key_len - 1 : 0);
}

const char *
tsu_kana_collation_version (void)
{
  static char *version;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      UVersionInfo info;
      char text[U_MAX_VERSION_STRING_LENGTH];

      ucol_getVersion (get_collator (), info);
      u_versionToString (info, text);
      version = g_strdup_printf ("icu-ja-%s", text);
      g_once_init_leave (&initialized, 1);
    }
  return version;
}

void
tsu_legal_form_split (const char  *full_name,
                      char       **legal_form,
                      char       **name)
{
  g_autofree char *nfkc = NULL;
  const char *rest = NULL;
  const char *form = NULL;

  /* Text that is not UTF-8 has no legal form. */
  if (full_name != NULL && g_utf8_validate (full_name, -1, NULL))
    nfkc = g_utf8_normalize (full_name, -1, G_NORMALIZE_ALL_COMPOSE);
  if (nfkc == NULL)
    nfkc = g_strdup ("");
  g_strstrip (nfkc);

  for (guint i = 0; legal_forms[i] != NULL; i++)
    {
      if (g_str_has_prefix (nfkc, legal_forms[i]))
        {
          form = legal_forms[i];
          rest = nfkc + strlen (legal_forms[i]);
          break;
        }
    }

  if (legal_form)
    *legal_form = g_strdup (form);
  if (name)
    {
      if (form == NULL)
        {
          /* Keep the name exactly as written when there is no form. */
          *name = g_strstrip (g_strdup (full_name ? full_name : ""));
        }
      else
        {
          g_autofree char *trimmed = g_strdup (rest);
          *name = g_strdup (g_strstrip (trimmed));
        }
    }
}

char *
tsu_reading_strip_legal_form (const char *reading)
{
  g_autofree char *normalized = tsu_kana_normalize (reading);

  for (guint i = 0; legal_form_readings[i] != NULL; i++)
    {
      if (g_str_has_prefix (normalized, legal_form_readings[i]))
        return g_strdup (normalized + strlen (legal_form_readings[i]));
    }
  return g_steal_pointer (&normalized);
}

gboolean
tsu_kana_is_reading (const char *reading)
{
  g_autofree char *nfkc = NULL;

  /* g_utf8_normalize() reads past the end of a string whose last
   * character is cut short: only UTF-8 goes in. */
  if (reading == NULL || !g_utf8_validate (reading, -1, NULL))
    return FALSE;
  nfkc = g_utf8_normalize (reading, -1, G_NORMALIZE_ALL_COMPOSE);
  if (nfkc == NULL)
    return FALSE;

  for (const char *p = nfkc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script = g_unichar_get_script (c);

      if (script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA)
        continue;
      if (c == 0x30FC || c == 0x30FB || c == 0x3000) /* ー ・ ideographic space */
        continue;
      if (g_unichar_isspace (c) || (c < 0x80 && (g_ascii_isalnum (c) || strchr ("-.&'", (int) c) != NULL)))
        continue;
      return FALSE;
    }
  return TRUE;
}
