/* fuzz-date.c: the date, date-time and fiscal-year parsers of tsu-date.c.
 *
 * Whatever a parser accepts must format back, in both styles, into text
 * it accepts again as the same value, and must fit the ISO text the
 * database stores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "tsu-database.h"
#include "tsu-date.h"

static const TsuDateStyle styles[] = { TSU_DATE_STYLE_GREGORIAN, TSU_DATE_STYLE_WAREKI };

/* No documented form has a number of more than four digits (a year), so
 * an accepted text with a longer one was read by something lenient. */
static gboolean
has_long_number (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  guint run = 0;

  for (const char *p = nfkc ? nfkc : ""; *p; p++)
    {
      run = g_ascii_isdigit (*p) ? run + 1 : 0;
      if (run > 4)
        return TRUE;
    }
  return FALSE;
}

static void
check_refusal (gboolean    accepted,
               GError     *error,
               const char *text)
{
  if (accepted)
    FUZZ_CHECK (error == NULL, "accepted “%s” but set an error", text);
  else
    FUZZ_CHECK (error != NULL && error->domain == TSU_STORE_ERROR
                && error->code == TSU_STORE_ERROR_INVALID
                && g_utf8_validate (error->message, -1, NULL),
                "refused “%s” without a proper error", text);
}

static void
check_iso (const char *text)
{
  GDate date;
  g_autofree char *iso = NULL;

  if (!tsu_date_from_iso (text, &date))
    return;
  FUZZ_CHECK (g_date_valid (&date), "“%s”", text);
  /* The ISO reader takes the date of "2023-07-19T15:00" and nothing
   * looser than what tsu_date_to_iso() writes. */
  iso = tsu_date_to_iso (&date);
  FUZZ_CHECK (strncmp (iso, text, 10) == 0 && strlen (iso) == 10,
              "“%s” read as %s", text, iso);
}

static void
check_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GDate date, again;
  gboolean accepted;

  accepted = tsu_date_parse (text, &date, &error);
  check_refusal (accepted, error, text);
  if (!accepted)
    return;

  FUZZ_CHECK (g_date_valid (&date), "“%s”", text);
  FUZZ_CHECK (!has_long_number (text), "accepted “%s”", text);
  iso = tsu_date_to_iso (&date);
  FUZZ_CHECK (strlen (iso) == 10 && tsu_date_from_iso (iso, &again)
              && g_date_compare (&date, &again) == 0,
              "“%s” is stored as %s, which does not read back", text, iso);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *shown = tsu_date_format (&date, styles[i]);
      g_autofree char *shown_iso = tsu_date_format_iso (iso, styles[i]);

      FUZZ_CHECK (strcmp (shown, shown_iso) == 0, "%s / %s", shown, shown_iso);
      FUZZ_CHECK (tsu_date_parse (shown, &again, NULL)
                  && g_date_compare (&date, &again) == 0,
                  "“%s” (%s) shows as “%s”, which does not read back", text, iso, shown);
    }

  /* Its fiscal year is a fiscal year. */
  {
    int fiscal = tsu_fiscal_year_of (&date);
    g_autofree char *shown = tsu_fiscal_year_format (fiscal, TSU_DATE_STYLE_WAREKI);
    int back = 0;

    if (fiscal >= 1900 && fiscal <= 2999)
      FUZZ_CHECK (tsu_fiscal_year_parse (shown, &back, NULL) && back == fiscal,
                  "fiscal year %d shows as “%s”", fiscal, shown);
  }
}

static void
check_date_time (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  gboolean accepted;
  GDate date;
  gsize len;

  accepted = tsu_date_time_parse (text, &iso, &error);
  check_refusal (accepted, error, text);
  if (!accepted)
    {
      FUZZ_CHECK (iso == NULL, "refused “%s” but wrote %s", text, iso);
      return;
    }

  FUZZ_CHECK (!has_long_number (text), "accepted “%s” as %s", text, iso);
  len = strlen (iso);
  FUZZ_CHECK (len == 10 || len == 16, "“%s” → “%s”", text, iso);
  FUZZ_CHECK (tsu_date_from_iso (iso, &date), "“%s” → “%s”", text, iso);
  if (len == 16)
    FUZZ_CHECK (iso[10] == 'T' && g_ascii_isdigit (iso[11]) && g_ascii_isdigit (iso[12])
                && iso[13] == ':' && g_ascii_isdigit (iso[14]) && g_ascii_isdigit (iso[15])
                && atoi (iso + 11) <= 23 && atoi (iso + 14) <= 59,
                "“%s” → “%s”", text, iso);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *shown = tsu_date_time_format_iso (iso, styles[i]);
      g_autofree char *again = NULL;

      FUZZ_CHECK (tsu_date_time_parse (shown, &again, NULL) && strcmp (iso, again) == 0,
                  "“%s” (%s) shows as “%s”, which reads back as %s", text, iso, shown,
                  again ? again : "nothing");
    }
}

static void
check_fiscal_year (const char *text)
{
  g_autoptr(GError) error = NULL;
  int year = -1;
  gboolean accepted;

  accepted = tsu_fiscal_year_parse (text, &year, &error);
  check_refusal (accepted, error, text);
  if (!accepted)
    return;

  FUZZ_CHECK (!has_long_number (text), "accepted “%s” as %d", text, year);
  /* The range the gregorian form accepts holds for every form. */
  FUZZ_CHECK (year >= 1900 && year <= 2999, "“%s” is fiscal year %d", text, year);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *shown = tsu_fiscal_year_format (year, styles[i]);
      int back = -1;

      FUZZ_CHECK (tsu_fiscal_year_parse (shown, &back, NULL) && back == year,
                  "“%s” (%d) shows as “%s”, which reads back as %d", text, year, shown, back);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Longer than any date anyone types; keeps the runs fast. */
  g_autofree char *text = fuzz_string (data, size, 256);

  check_iso (text);
  check_date (text);
  check_date_time (text);
  check_fiscal_year (text);
  return 0;
}
