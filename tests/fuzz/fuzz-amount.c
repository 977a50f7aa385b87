/* fuzz-amount.c: the amount parser of tsu-amount.c.
 *
 * An accepted amount is whole yen between 0 and TSU_AMOUNT_MAX, made of
 * the digits the text holds, and every way the program or a person writes
 * it (1,158,120 / ￥1,158,120 / 1,158,120円 / full width) reads back as
 * the same amount.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "tsu-amount.h"
#include "tsu-database.h"

static char *
full_width (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_unichar (out, 0xFF10 + (*p - '0'));
      else if (*p == ',')
        g_string_append (out, "，");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The digits of @text after NFKC, without leading zeros. */
static char *
digits_of (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  for (const char *p = nfkc ? nfkc : ""; *p; p++)
    {
      if (g_ascii_isdigit (*p) && !(out->len == 0 && *p == '0'))
        g_string_append_c (out, *p);
    }
  if (out->len == 0)
    g_string_append_c (out, '0');
  return g_string_free (out, FALSE);
}

static void
check_reads_back (gint64      yen,
                  const char *origin)
{
  g_autofree char *shown = tsu_amount_format (yen);
  g_autofree char *wide = full_width (shown);
  char *forms[] = {
    g_strdup (shown),
    g_strdup_printf ("￥%s", shown),
    g_strdup_printf ("¥%s", shown),
    g_strdup_printf ("%s円", shown),
    g_strdup_printf (" ￥ %s 円 ", wide),
    g_strdup_printf ("%" G_GINT64_FORMAT, yen),
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      gint64 back = -1;
      g_autoptr(GError) error = NULL;

      FUZZ_CHECK (tsu_amount_parse (forms[i], "F", &back, &error) && back == yen,
                  "%s: %" G_GINT64_FORMAT " written “%s” reads back as %" G_GINT64_FORMAT " (%s)",
                  origin, yen, forms[i], back, error ? error->message : "no error");
      g_free (forms[i]);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_string (data, size, 256);
  g_autoptr(GError) error = NULL;
  gint64 yen = -1;

  if (tsu_amount_parse (text, "予算配分", &yen, &error))
    {
      g_autofree char *digits = digits_of (text);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, yen);

      FUZZ_CHECK (error == NULL, "“%s”", text);
      FUZZ_CHECK (yen >= 0 && yen <= TSU_AMOUNT_MAX, "“%s” is %" G_GINT64_FORMAT, text, yen);
      /* Nothing but the digits written makes the amount. */
      FUZZ_CHECK (strcmp (digits, number) == 0, "“%s” read as %s", text, number);
      check_reads_back (yen, text);
    }
  else
    {
      FUZZ_CHECK (error != NULL && error->domain == TSU_STORE_ERROR
                  && error->code == TSU_STORE_ERROR_INVALID,
                  "refused “%s” without a proper error", text);
      /* Messages start with the field they are about. */
      FUZZ_CHECK (g_str_has_prefix (error->message, "予算配分: ")
                  && g_utf8_validate (error->message, -1, NULL),
                  "“%s”: %s", text, error->message);
      FUZZ_CHECK (yen == -1, "refused “%s” but wrote %" G_GINT64_FORMAT, text, yen);
    }

  /* The same bytes taken as a number: every amount in range is written
   * and read back exactly. */
  if (size >= sizeof (guint64))
    {
      guint64 raw;

      memcpy (&raw, data, sizeof raw);
      check_reads_back ((gint64) (raw % ((guint64) TSU_AMOUNT_MAX + 1)), "number");
    }
  return 0;
}
