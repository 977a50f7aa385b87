/* fuzz-kana.c: the search keys, sort keys and legal-form handling of
 * tsu-kana.c.
 *
 * Search keys are compared with keys made from other text, so making a
 * key of a key must change nothing; sort keys must order text as the
 * Japanese collation does; a legal form split off a name must be one the
 * program knows and give the same split when put back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "fuzz-common.h"
#include "tsu-kana.h"

static int
sign (int value)
{
  return (value > 0) - (value < 0);
}

static int
compare_keys (GBytes *a,
              GBytes *b)
{
  gsize la, lb;
  const guint8 *da = g_bytes_get_data (a, &la);
  const guint8 *db = g_bytes_get_data (b, &lb);
  int cmp = la && lb ? memcmp (da, db, MIN (la, lb)) : 0;

  if (cmp != 0)
    return sign (cmp);
  return (la > lb) - (la < lb);
}

/* The order ICU's own comparison gives, as the reference for the keys. */
static int
collate (const char *a,
         const char *b)
{
  static UCollator *collator;
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result;
  g_autofree char *na = g_utf8_normalize (a, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *nb = g_utf8_normalize (b, -1, G_NORMALIZE_ALL_COMPOSE);

  if (collator == NULL)
    {
      collator = ucol_open ("ja", &status);
      FUZZ_CHECK (U_SUCCESS (status), "no ja collation");
      ucol_setStrength (collator, UCOL_QUATERNARY);
    }
  result = ucol_strcollUTF8 (collator, na, -1, nb, -1, &status);
  FUZZ_CHECK (U_SUCCESS (status), "%s", u_errorName (status));
  return result == UCOL_LESS ? -1 : result == UCOL_GREATER ? 1 : 0;
}

static void
check_normalize (const char *text)
{
  g_autofree char *key = tsu_kana_normalize (text);
  g_autofree char *again = tsu_kana_normalize (key);

  FUZZ_CHECK (key != NULL && g_utf8_validate (key, -1, NULL), "“%s”", text);
  FUZZ_CHECK (strcmp (key, again) == 0,
              "not idempotent: “%s” → “%s” → “%s”", text, key, again);
  /* No white space and no katakana that has a hiragana twin. */
  for (const char *p = key; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      FUZZ_CHECK (!g_unichar_isspace (c), "“%s” → “%s” keeps a space", text, key);
      FUZZ_CHECK (!(c >= 0x30A1 && c <= 0x30F6), "“%s” → “%s” keeps katakana", text, key);
    }
  if (g_utf8_validate (text, -1, NULL))
    {
      FUZZ_CHECK (tsu_kana_matches (text, text), "“%s” does not match itself", text);
      FUZZ_CHECK (tsu_kana_matches (text, key), "“%s” does not match its key", text);
      FUZZ_CHECK (tsu_kana_matches (text, ""), "“%s” does not match nothing", text);
    }
}

static void
check_sort_key (const char *a,
                const char *b)
{
  g_autoptr(GBytes) ka = tsu_kana_sort_key (a);
  g_autoptr(GBytes) kb = tsu_kana_sort_key (b);
  g_autoptr(GBytes) ka2 = tsu_kana_sort_key (a);

  FUZZ_CHECK (ka != NULL && kb != NULL, "no key");
  FUZZ_CHECK (g_bytes_equal (ka, ka2), "two keys for “%s”", a);
  if (g_utf8_validate (a, -1, NULL) && g_utf8_validate (b, -1, NULL))
    FUZZ_CHECK (compare_keys (ka, kb) == collate (a, b),
                "keys order “%s” and “%s” as %d, the collation as %d",
                a, b, compare_keys (ka, kb), collate (a, b));
}

static void
check_legal_form (const char *text)
{
  g_autofree char *form = NULL;
  g_autofree char *name = NULL;
  g_autofree char *form_only = NULL;
  g_autofree char *name_only = NULL;

  tsu_legal_form_split (text, &form, &name);
  tsu_legal_form_split (text, &form_only, NULL);
  tsu_legal_form_split (text, NULL, &name_only);
  FUZZ_CHECK (name != NULL, "“%s”", text);
  FUZZ_CHECK (g_strcmp0 (form, form_only) == 0 && strcmp (name, name_only) == 0, "“%s”", text);
  FUZZ_CHECK (strlen (name) == 0
              || (!g_ascii_isspace (name[0]) && !g_ascii_isspace (name[strlen (name) - 1])),
              "“%s” leaves “%s” untrimmed", text, name);

  if (form != NULL)
    {
      const char * const *forms = tsu_legal_forms ();
      g_autofree char *joined = g_strconcat (form, " ", name, NULL);
      g_autofree char *form2 = NULL;
      g_autofree char *name2 = NULL;
      gboolean known = FALSE;

      for (guint i = 0; forms[i] != NULL; i++)
        known = known || strcmp (forms[i], form) == 0;
      FUZZ_CHECK (known, "“%s” has the unknown form “%s”", text, form);
      FUZZ_CHECK (g_utf8_validate (name, -1, NULL), "“%s”", text);
      /* Put back together as the program shows it, it splits the same. */
      tsu_legal_form_split (joined, &form2, &name2);
      FUZZ_CHECK (g_strcmp0 (form, form2) == 0 && strcmp (name, name2) == 0,
                  "“%s” splits as “%s”+“%s”, “%s” as “%s”+“%s”",
                  text, form, name, joined, form2 ? form2 : "(none)", name2);
    }

  {
    g_autofree char *key = tsu_kana_normalize (text);
    g_autofree char *stripped = tsu_reading_strip_legal_form (text);

    /* Stripping only takes something off the front of the search key. */
    FUZZ_CHECK (g_str_has_suffix (key, stripped), "“%s”: “%s” is not the end of “%s”",
                text, stripped, key);
  }
  (void) tsu_kana_is_reading (text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_string (data, size, 1024);
  const char *tab;

  check_normalize (text);
  check_legal_form (text);

  /* Two readings to order: the input split at its first tab. */
  tab = strchr (text, '\t');
  if (tab != NULL)
    {
      g_autofree char *first = g_strndup (text, tab - text);

      check_sort_key (first, tab + 1);
    }
  else
    check_sort_key (text, "");
  return 0;
}
