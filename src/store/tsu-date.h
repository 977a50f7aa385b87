/* tsu-date.h: dates as the secretariat writes them (西暦 and 和暦) and
 * fiscal years (年度, April–March).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TSU_DATE_STYLE_GREGORIAN, /* 2023年12月14日 */
  TSU_DATE_STYLE_WAREKI,    /* 令和5年12月14日 */
} TsuDateStyle;

/* Accepts 2023-12-14, 2023/12/14, 2023年12月14日, R5.12.14, H31.4.30,
 * 令和5年12月14日, 令和元年5月1日, with full-width digits too. */
gboolean  tsu_date_parse            (const char    *text,
                                     GDate         *date,
                                     GError       **error);
/* The same for an ISO text from the database; FALSE for NULL or "". */
gboolean  tsu_date_from_iso         (const char    *iso,
                                     GDate         *date);
char     *tsu_date_to_iso           (const GDate   *date);
/* Today in local time, as ISO. */
char     *tsu_date_today_iso        (void);

/* "2023年12月14日" or "令和5年12月14日" ("令和元年5月1日"). */
char     *tsu_date_format           (const GDate   *date,
                                     TsuDateStyle   style);
char     *tsu_date_format_iso       (const char    *iso,
                                     TsuDateStyle   style);

/* A date with an optional time: the forms of tsu_date_parse() followed by
 * " 15:00" (or "15時00分"). @iso gets "2023-07-19T15:00", or "2023-07-19"
 * for a date alone. */
gboolean  tsu_date_time_parse       (const char    *text,
                                     char         **iso,
                                     GError       **error);
/* "令和5年7月19日 15:00" (or without the time for a date alone). */
char     *tsu_date_time_format_iso  (const char    *iso,
                                     TsuDateStyle   style);

/* The era of a date and the year within it: 令和 and 5. NULL before
 * 明治. */
const char *tsu_date_get_era        (const GDate   *date,
                                     int           *era_year);

/* The fiscal year (April–March) a date belongs to: 2024-03-31 is 2023. */
int       tsu_fiscal_year_of        (const GDate   *date);
/* Accepts 2024, 2024年度, R6, 令和6, 令和6年度, 令和元年度. */
gboolean  tsu_fiscal_year_parse     (const char    *text,
                                     int           *year,
                                     GError       **error);
/* "令和5年度" or "2023年度". */
char     *tsu_fiscal_year_format    (int            year,
                                     TsuDateStyle   style);

G_END_DECLS
