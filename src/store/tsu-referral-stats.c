/* tsu-referral-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tsu-case-private.h"
#include "tsu-referral-stats.h"

/* One sum per concern bit, in the order of TsuConcern. */
#define CONCERN_SUM(n) ", coalesce (sum ((concerns >> " #n ") & 1), 0)"

static const char cases_sql[] =
  "SELECT count (*), coalesce (sum (foreign_resident), 0)"
  CONCERN_SUM (0) CONCERN_SUM (1) CONCERN_SUM (2) CONCERN_SUM (3) CONCERN_SUM (4)
  CONCERN_SUM (5) CONCERN_SUM (6) CONCERN_SUM (7) CONCERN_SUM (8) CONCERN_SUM (9)
  CONCERN_SUM (10) CONCERN_SUM (11) CONCERN_SUM (12) CONCERN_SUM (13)
  " FROM cases WHERE received_on BETWEEN ?1 AND ?2";

G_STATIC_ASSERT (TSU_N_CONCERNS == 14);

/* Referrals counted by status, ward of the case and month together; the
 * sections are sums over the groups. */
static const char referrals_sql[] =
  "SELECT r.status, c.ward, CAST (substr (r.referred_on, 6, 2) AS INTEGER), count (*)"
  " FROM referrals r JOIN cases c ON c.id = r.case_id"
  " WHERE r.referred_on BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3";

static const char days_sql[] =
  "SELECT julianday (closed_on) - julianday (referred_on) FROM referrals"
  " WHERE status = 'connected' AND closed_on IS NOT NULL AND referred_on BETWEEN ?1 AND ?2"
  " ORDER BY 1";

static gboolean
finish (TsuDatabase  *db,
        sqlite3_stmt *stmt,
        int           rc,
        GError      **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
tsu_referral_stats_compute (TsuDatabase       *db,
                            int                year,
                            TsuReferralStats  *stats,
                            GError           **error)
{
  char first[11], last[11];
  sqlite3_stmt *stmt;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
  guint decided;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  stats->fiscal_year = year;
  tsu_fiscal_year_bounds (year, first, last);

  stmt = tsu_database_prepare (db, cases_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stats->cases = sqlite3_column_int (stmt, 0);
      stats->foreign_residents = sqlite3_column_int (stmt, 1);
      for (guint i = 0; i < TSU_N_CONCERNS; i++)
        stats->by_concern[i] = sqlite3_column_int (stmt, 2 + i);
      rc = sqlite3_step (stmt);
    }
  if (!finish (db, stmt, rc, error))
    return FALSE;

  stmt = tsu_database_prepare (db, referrals_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TsuReferralStatus status = TSU_REFERRAL_SENT;
      TsuWard ward = TSU_WARD_NONE;
      int month = sqlite3_column_int (stmt, 2);
      guint count = sqlite3_column_int (stmt, 3);

      stats->referrals += count;
      if (tsu_referral_status_from_text ((const char *) sqlite3_column_text (stmt, 0), &status))
        stats->by_status[status] += count;
      if (month >= 1 && month <= 12)
        stats->by_month[(month + 8) % 12] += count;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL
          && tsu_ward_from_text ((const char *) sqlite3_column_text (stmt, 1), &ward))
        {
          stats->ward_referrals[ward] += count;
          if (status == TSU_REFERRAL_CONNECTED)
            stats->ward_connected[ward] += count;
          else if (status == TSU_REFERRAL_NOT_CONNECTED)
            stats->ward_not_connected[ward] += count;
        }
    }
  if (!finish (db, stmt, rc, error))
    return FALSE;

  decided = stats->by_status[TSU_REFERRAL_CONNECTED] + stats->by_status[TSU_REFERRAL_NOT_CONNECTED];
  stats->connection_rate = decided > 0
                           ? (double) stats->by_status[TSU_REFERRAL_CONNECTED] / decided
                           : -1.0;

  stmt = tsu_database_prepare (db, days_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* julianday () of two dates differs by whole days. */
      double value = round (sqlite3_column_double (stmt, 0));
      g_array_append_val (days, value);
    }
  if (!finish (db, stmt, rc, error))
    return FALSE;

  if (days->len == 0)
    stats->median_days_to_connect = -1.0;
  else if (days->len % 2 == 1)
    stats->median_days_to_connect = g_array_index (days, double, days->len / 2);
  else
    stats->median_days_to_connect = (g_array_index (days, double, days->len / 2 - 1)
                                     + g_array_index (days, double, days->len / 2)) / 2.0;
  return TRUE;
}

/* The shortest text that reads back as @value, always with a decimal
 * point and whatever the locale: 0.75, 1.0, 0.6666666666666666. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      /* The shortest form that reads back the same, but never an exponent
       * ("1e+01") for the small numbers statistics hold. */
      if (g_ascii_strtod (buffer, NULL) == value && strpbrk (buffer, "eE") == NULL)
        break;
    }
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
append_optional (GString *out,
                 double   value,
                 gboolean csv)
{
  if (value < 0)
    g_string_append (out, csv ? "" : "null");
  else
    append_number (out, value);
}

static void
month_key (int   fiscal_year,
           guint index,
           char  key[8])
{
  guint month = (index + 3) % 12 + 1;

  g_snprintf (key, 8, "%04d-%02u", index < 9 ? fiscal_year : fiscal_year + 1, month);
}

char *
tsu_referral_stats_to_json (const TsuReferralStats *stats)
{
  GString *out;

  g_return_val_if_fail (stats != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"fiscal_year\": %d, \"cases\": %u, \"referrals\": %u,\n",
                          stats->fiscal_year, stats->cases, stats->referrals);

  g_string_append (out, " \"by_status\": {");
  for (guint i = 0; i < TSU_N_REFERRAL_STATUSES; i++)
    g_string_append_printf (out, "%s\"%s\": %u", i > 0 ? ", " : "",
                            tsu_referral_status_to_code (i), stats->by_status[i]);
  g_string_append (out, "},\n");

  g_string_append (out, " \"by_ward\": {");
  for (guint i = 0; i < TSU_N_WARDS; i++)
    g_string_append_printf (out, "%s\"%s\": {\"referrals\": %u, \"connected\": %u, \"not-connected\": %u}",
                            i > 0 ? ", " : "", tsu_ward_to_name (i), stats->ward_referrals[i],
                            stats->ward_connected[i], stats->ward_not_connected[i]);
  g_string_append (out, "},\n");

  g_string_append (out, " \"by_concern\": {");
  for (guint i = 0; i < TSU_N_CONCERNS; i++)
    g_string_append_printf (out, "%s\"%s\": %u", i > 0 ? ", " : "",
                            tsu_concern_to_code (i), stats->by_concern[i]);
  g_string_append (out, "},\n");

  g_string_append (out, " \"by_month\": {");
  for (guint i = 0; i < 12; i++)
    {
      char key[8];

      month_key (stats->fiscal_year, i, key);
      g_string_append_printf (out, "%s\"%s\": %u", i > 0 ? ", " : "", key, stats->by_month[i]);
    }
  g_string_append (out, "},\n");

  g_string_append (out, " \"connection_rate\": ");
  append_optional (out, stats->connection_rate, FALSE);
  g_string_append_printf (out, ",\n \"foreign_residents\": %u,\n", stats->foreign_residents);
  g_string_append (out, " \"median_days_to_connect\": ");
  append_optional (out, stats->median_days_to_connect, FALSE);
  g_string_append (out, "}\n");

  return g_string_free (out, FALSE);
}

char *
tsu_referral_stats_to_csv (const TsuReferralStats *stats)
{
  GString *out;

  g_return_val_if_fail (stats != NULL, NULL);

  /* Sections and keys are the JSON's names; the three figures of a ward
   * are the sections by_ward.referrals, by_ward.connected and
   * by_ward.not-connected. An undefined figure is an empty value. None of
   * the names needs quoting. */
  out = g_string_new ("section,key,value\n");
  g_string_append_printf (out, "fiscal_year,,%d\n", stats->fiscal_year);
  g_string_append_printf (out, "cases,,%u\n", stats->cases);
  g_string_append_printf (out, "referrals,,%u\n", stats->referrals);
  for (guint i = 0; i < TSU_N_REFERRAL_STATUSES; i++)
    g_string_append_printf (out, "by_status,%s,%u\n", tsu_referral_status_to_code (i), stats->by_status[i]);
  for (guint i = 0; i < TSU_N_WARDS; i++)
    g_string_append_printf (out, "by_ward.referrals,%s,%u\n", tsu_ward_to_name (i), stats->ward_referrals[i]);
  for (guint i = 0; i < TSU_N_WARDS; i++)
    g_string_append_printf (out, "by_ward.connected,%s,%u\n", tsu_ward_to_name (i), stats->ward_connected[i]);
  for (guint i = 0; i < TSU_N_WARDS; i++)
    g_string_append_printf (out, "by_ward.not-connected,%s,%u\n", tsu_ward_to_name (i),
                            stats->ward_not_connected[i]);
  for (guint i = 0; i < TSU_N_CONCERNS; i++)
    g_string_append_printf (out, "by_concern,%s,%u\n", tsu_concern_to_code (i), stats->by_concern[i]);
  for (guint i = 0; i < 12; i++)
    {
      char key[8];

      month_key (stats->fiscal_year, i, key);
      g_string_append_printf (out, "by_month,%s,%u\n", key, stats->by_month[i]);
    }
  g_string_append (out, "connection_rate,,");
  append_optional (out, stats->connection_rate, TRUE);
  g_string_append_printf (out, "\nforeign_residents,,%u\n", stats->foreign_residents);
  g_string_append (out, "median_days_to_connect,,");
  append_optional (out, stats->median_days_to_connect, TRUE);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}
