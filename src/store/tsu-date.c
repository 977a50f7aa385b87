/* tsu-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tsu-database.h"
#include "tsu-date.h"

typedef struct
{
  const char *name;    /* 令和 */
  const char *letter;  /* R */
  int year, month, day; /* first day of the era */
} Era;

/* Newest first. */
static const Era eras[] = {
  { "令和", "R", 2019, 5, 1 },
  { "平成", "H", 1989, 1, 8 },
  { "昭和", "S", 1926, 12, 25 },
  { "大正", "T", 1912, 7, 30 },
  { "明治", "M", 1868, 1, 25 },
};

static const Era *
find_era (const char *text,
          const char **rest)
{
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    {
      if (g_str_has_prefix (text, eras[i].name))
        {
          *rest = text + strlen (eras[i].name);
          return &eras[i];
        }
      if (g_ascii_toupper (text[0]) == eras[i].letter[0])
        {
          *rest = text + 1;
          return &eras[i];
        }
    }
  return NULL;
}

static gboolean
read_number (const char **p,
             int         *value)
{
  char *end;
  gint64 v;

  if (g_str_has_prefix (*p, "元"))
    {
      *value = 1;
      *p += strlen ("元");
      return TRUE;
    }
  if (!g_ascii_isdigit (**p))
    return FALSE;
  v = g_ascii_strtoll (*p, &end, 10);
  if (end - *p > 4 || v > 9999)
    return FALSE;
  *value = (int) v;
  *p = end;
  return TRUE;
}

static gboolean
skip_separator (const char **p,
                const char  *kanji)
{
  if (kanji != NULL && g_str_has_prefix (*p, kanji))
    {
      *p += strlen (kanji);
      return TRUE;
    }
  if (**p == '-' || **p == '/' || **p == '.')
    {
      (*p)++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
set_invalid (GError    **error,
             const char *text)
{
  /* A message is UTF-8 even when what was typed or read is not. */
  g_autofree char *shown = g_utf8_make_valid (text ? text : "", -1);

  g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
               /* Translators: %s is what the user typed */
               _("“%s” is not a date. Write it as 2023-12-14, 2023/12/14, R5.12.14 or 令和5年12月14日."),
               shown);
  return FALSE;
}

gboolean
tsu_date_parse (const char  *text,
                GDate       *date,
                GError     **error)
{
  g_autofree char *nfkc = NULL;
  const char *p;
  const Era *era;
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return set_invalid (error, text);
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (nfkc == NULL)
    return set_invalid (error, text);
  g_strstrip (nfkc);
  p = nfkc;

  era = find_era (p, &p);
  if (!read_number (&p, &year) || !skip_separator (&p, "年")
      || !read_number (&p, &month) || !skip_separator (&p, "月")
      || !read_number (&p, &day))
    return set_invalid (error, text);
  if (g_str_has_prefix (p, "日"))
    p += strlen ("日");
  while (*p == ' ')
    p++;
  if (*p != '\0')
    return set_invalid (error, text);

  if (era != NULL)
    year += era->year - 1;
  else if (year < 1000)
    return set_invalid (error, text);
  /* R9999.1.1 would be year 12017, which the ISO form the database
   * stores cannot hold. */
  if (year > 9999)
    return set_invalid (error, text);

  if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                   _("“%s” is not a day of the calendar."), text);
      return FALSE;
    }

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);

  if (era != NULL)
    {
      int era_year;
      const char *actual = tsu_date_get_era (date, &era_year);

      /* R1.4.1 is still 平成: refuse a date before its era began. */
      if (actual == NULL || strcmp (actual, era->name) != 0)
        {
          g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                       _("“%s” is outside its era."), text);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
tsu_date_from_iso (const char *iso,
                   GDate      *date)
{
  unsigned y, m, d;

  if (iso == NULL)
    return FALSE;
  /* Exactly what tsu_date_to_iso() writes, "YYYY-MM-DD", maybe followed
   * by a time: sscanf alone would also take " 2023-+1-1" or "-001-01-01"
   * (year 65535) from a file edited by hand. */
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7 ? iso[i] != '-' : !g_ascii_isdigit (iso[i]))
        return FALSE;
    }
  if (sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
tsu_date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

char *
tsu_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

const char *
tsu_date_get_era (const GDate *date,
                  int         *era_year)
{
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    {
      GDate start;

      g_date_clear (&start, 1);
      g_date_set_dmy (&start, eras[i].day, eras[i].month, eras[i].year);
      if (g_date_compare (date, &start) >= 0)
        {
          if (era_year)
            *era_year = g_date_get_year (date) - eras[i].year + 1;
          return eras[i].name;
        }
    }
  return NULL;
}

static char *
format_era_year (const char *era,
                 int         era_year)
{
  if (era_year == 1)
    return g_strdup_printf ("%s元年", era);
  return g_strdup_printf ("%s%d年", era, era_year);
}

char *
tsu_date_format (const GDate  *date,
                 TsuDateStyle  style)
{
  int era_year;
  const char *era = NULL;

  if (style == TSU_DATE_STYLE_WAREKI)
    era = tsu_date_get_era (date, &era_year);
  if (era != NULL)
    {
      g_autofree char *year = format_era_year (era, era_year);
      return g_strdup_printf ("%s%u月%u日", year,
                              g_date_get_month (date), g_date_get_day (date));
    }
  return g_strdup_printf ("%u年%u月%u日", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

char *
tsu_date_format_iso (const char   *iso,
                     TsuDateStyle  style)
{
  GDate date;

  if (!tsu_date_from_iso (iso, &date))
    return g_strdup (iso ? iso : "");
  return tsu_date_format (&date, style);
}

int
tsu_fiscal_year_of (const GDate *date)
{
  int year = g_date_get_year (date);

  return g_date_get_month (date) >= G_DATE_APRIL ? year : year - 1;
}

gboolean
tsu_fiscal_year_parse (const char  *text,
                       int         *year,
                       GError     **error)
{
  g_autofree char *nfkc = NULL;
  const char *p;
  const Era *era;
  int value;

  g_autofree char *shown = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    goto invalid;
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (nfkc == NULL)
    goto invalid;
  g_strstrip (nfkc);
  p = nfkc;

  era = find_era (p, &p);
  if (!read_number (&p, &value))
    goto invalid;
  if (g_str_has_prefix (p, "年度"))
    p += strlen ("年度");
  if (*p != '\0')
    goto invalid;

  if (era != NULL)
    {
      /* There is no year 0 of an era (R0 would be 平成30年度). */
      if (value < 1)
        goto invalid;
      /* The fiscal year named 令和元年度 starts in April 2019, before the
       * era itself; that is how the documents count. */
      value += era->year - 1;
    }
  /* The same range whichever way it is written, so that a year accepted
   * as R9999 can also be shown and read back as 12017年度. */
  if (value < 1900 || value > 2999)
    goto invalid;

  *year = value;
  return TRUE;

invalid:
  shown = g_utf8_make_valid (text ? text : "", -1);
  g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
               /* Translators: %s is what the user typed */
               _("“%s” is not a fiscal year. Write it as 2024, 2024年度, R6 or 令和6年度."),
               shown);
  return FALSE;
}

char *
tsu_fiscal_year_format (int          year,
                        TsuDateStyle style)
{
  if (style == TSU_DATE_STYLE_WAREKI)
    {
      GDate last_day;
      int era_year;
      const char *era;

      /* A fiscal year takes the era of its last day (令和元年度 = FY2019). */
      g_date_clear (&last_day, 1);
      g_date_set_dmy (&last_day, 31, G_DATE_MARCH, year + 1);
      era = tsu_date_get_era (&last_day, &era_year);
      era_year -= 1;
      if (era != NULL && era_year >= 1)
        {
          if (era_year == 1)
            return g_strdup_printf ("%s元年度", era);
          return g_strdup_printf ("%s%d年度", era, era_year);
        }
    }
  return g_strdup_printf ("%d年度", year);
}

/* One or two digits, and not more: "15", "9", "05". */
static gboolean
read_two_digits (const char **p,
                 int         *value)
{
  const char *s = *p;

  if (!g_ascii_isdigit (s[0]))
    return FALSE;
  *value = s[0] - '0';
  s++;
  if (g_ascii_isdigit (s[0]))
    {
      *value = *value * 10 + (s[0] - '0');
      s++;
    }
  if (g_ascii_isdigit (s[0]))
    return FALSE;
  *p = s;
  return TRUE;
}

/* 15:00, 9:05, 15時, 15時00分, 15時30: what people type. Written out by
 * hand because sscanf's %d also takes signs, spaces and numbers past
 * INT_MAX, which it wraps ("4294967311:00" was 15:00). */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  const char *p = text;

  *minute = 0;
  if (!read_two_digits (&p, hour))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_two_digits (&p, minute))
        return FALSE;
    }
  else if (g_str_has_prefix (p, "時"))
    {
      p += strlen ("時");
      if (g_ascii_isdigit (*p) && !read_two_digits (&p, minute))
        return FALSE;
    }
  else
    return FALSE;
  if (g_str_has_prefix (p, "分"))
    p += strlen ("分");
  return *p == '\0' && *hour <= 23 && *minute <= 59;
}

gboolean
tsu_date_time_parse (const char  *text,
                     char       **iso,
                     GError     **error)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *date_part = NULL;
  const char *time_part = NULL;
  char *space;
  GDate date;
  g_autofree char *date_iso = NULL;
  int hour = -1, minute = 0;

  g_return_val_if_fail (iso != NULL, FALSE);

  /* Refused by the date parser, with its message. */
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return tsu_date_parse (text, &date, error);
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (nfkc == NULL)
    nfkc = g_strdup ("");
  g_strstrip (nfkc);

  /* The date and the time are separated by a space or a "T". */
  date_part = g_strdup (nfkc);
  space = strchr (date_part, ' ');
  if (space == NULL && strlen (date_part) > 10 && date_part[10] == 'T')
    space = date_part + 10;
  if (space != NULL)
    {
      *space = '\0';
      time_part = nfkc + (space - date_part) + 1;
      while (*time_part == ' ')
        time_part++;
    }

  if (!tsu_date_parse (date_part, &date, error))
    return FALSE;
  date_iso = tsu_date_to_iso (&date);

  if (time_part != NULL && *time_part != '\0')
    {
      if (!parse_time (time_part, &hour, &minute))
        {
          g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                       /* Translators: %s is what the user typed */
                       _("“%s” is not a time. Write it as 15:00."), time_part);
          return FALSE;
        }
      *iso = g_strdup_printf ("%sT%02d:%02d", date_iso, hour, minute);
    }
  else
    *iso = g_steal_pointer (&date_iso);
  return TRUE;
}

char *
tsu_date_time_format_iso (const char   *iso,
                          TsuDateStyle  style)
{
  g_autofree char *date = NULL;

  if (iso == NULL || strlen (iso) < 10)
    return g_strdup (iso ? iso : "");
  date = tsu_date_format_iso (iso, style);
  if (strlen (iso) >= 16 && iso[10] == 'T')
    return g_strdup_printf ("%s %.5s", date, iso + 11);
  return g_steal_pointer (&date);
}
