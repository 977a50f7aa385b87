/* tsu-referral-list.c: the referral tracker's lists as SQL.
 *
 * The view used to load every referral and case as objects and filter and
 * sort them in memory; with 100,000 referrals that took seconds and
 * hundreds of megabytes. Here the filters become a WHERE clause and the
 * sort order an ORDER BY, and only ids come back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tsu-case-private.h"
#include "tsu-date.h"
#include "tsu-kana.h"
#include "tsu-paged-list.h"
#include "tsu-referral-list.h"

#define OPEN_SQL "r.status IN ('sent', 'accepted')"

/* Where a case stands, from the statuses of its referrals; the numbers are
 * TsuCaseState's. A case without referrals aggregates to NULLs: 1. */
#define CASE_STATE_SQL(case_id) \
  "(SELECT CASE WHEN max (r2.status IN ('sent', 'accepted')) THEN 0" \
  " WHEN max (r2.status = 'connected') THEN 3" \
  " WHEN max (r2.status IN ('not-connected', 'declined')) THEN 2" \
  " WHEN max (r2.status = 'withdrawn') THEN 4" \
  " ELSE 1 END FROM referrals r2 WHERE r2.case_id = " case_id ")"

void
tsu_referral_filter_init (TsuReferralFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->ward = -1;
  filter->concern = -1;
  filter->status = -1;
}

/* Place keys --------------------------------------------------------------- */

struct _TsuPlaceKeys
{
  GPtrArray *texts;
  GPtrArray *keys;
};

#define PLACES_SQL \
  "SELECT from_place FROM referrals UNION SELECT to_place FROM referrals" \
  " UNION SELECT entrance FROM cases"

static TsuPlaceKeys *
place_keys_read (sqlite3_stmt *stmt,
                 int          *rc)
{
  TsuPlaceKeys *keys = g_new0 (TsuPlaceKeys, 1);

  keys->texts = g_ptr_array_new_with_free_func (g_free);
  keys->keys = g_ptr_array_new_with_free_func (g_free);
  while ((*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (text == NULL || *text == '\0')
        continue;
      g_ptr_array_add (keys->texts, g_strdup (text));
      g_ptr_array_add (keys->keys, tsu_kana_normalize (text));
    }
  return keys;
}

TsuPlaceKeys *
tsu_place_keys_load (TsuDatabase  *db,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  TsuPlaceKeys *keys;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  stmt = tsu_database_prepare (db, PLACES_SQL, error);
  if (stmt == NULL)
    return NULL;
  keys = place_keys_read (stmt, &rc);
  if (rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      g_clear_pointer (&keys, tsu_place_keys_free);
    }
  sqlite3_reset (stmt);
  return keys;
}

TsuPlaceKeys *
tsu_place_keys_load_path (const char  *path,
                          GError     **error)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  TsuPlaceKeys *keys = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (handle, 5000);
      rc = sqlite3_prepare_v2 (handle, PLACES_SQL, -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      keys = place_keys_read (stmt, &rc);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      else
        g_clear_pointer (&keys, tsu_place_keys_free);
    }
  /* Not for the user: the search reads the places itself when this
   * fails, with the connection's own messages. */
  if (rc != SQLITE_OK)
    g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_FAILED, "%s: %s", path,
                 handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return keys;
}

void
tsu_place_keys_free (TsuPlaceKeys *keys)
{
  if (keys == NULL)
    return;
  g_ptr_array_unref (keys->texts);
  g_ptr_array_unref (keys->keys);
  g_free (keys);
}

char **
tsu_place_keys_match (TsuPlaceKeys *keys,
                      const char   *query)
{
  GPtrArray *matches = g_ptr_array_new ();

  g_return_val_if_fail (keys != NULL, NULL);

  for (guint i = 0; query != NULL && i < keys->keys->len; i++)
    if (strstr (g_ptr_array_index (keys->keys, i), query) != NULL)
      g_ptr_array_add (matches, g_strdup (g_ptr_array_index (keys->texts, i)));
  g_ptr_array_add (matches, NULL);
  return (char **) g_ptr_array_free (matches, FALSE);
}

/* Building the queries ----------------------------------------------------- */

/* A JSON array of strings, for json_each(): one statement whatever the
 * number of places that match. */
static char *
strv_to_json (char **texts)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; texts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      for (const char *p = texts[i]; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_printf (json, "\\%c", *p);
          else if ((guchar) *p < 0x20)
            g_string_append_printf (json, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (json, *p);
        }
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static gboolean
text_matches (const char *text,
              const char *query)
{
  g_autofree char *key = tsu_kana_normalize (text);

  return strstr (key, query) != NULL;
}

/* The concerns whose label or code the query is part of. */
static guint
concerns_matching (const char *query)
{
  guint mask = 0;

  for (TsuConcern c = 0; c < TSU_N_CONCERNS; c++)
    if (text_matches (tsu_concern_to_label (c), query) || text_matches (tsu_concern_to_code (c), query))
      mask |= 1u << c;
  return mask;
}

/* What a search has to compare: parts of the WHERE clause and the values
 * they bind. */
typedef struct
{
  char  *places_json;   /* NULL when no place matches */
  guint  concerns;
} Search;

static void
search_clear (Search *search)
{
  g_clear_pointer (&search->places_json, g_free);
}

static gboolean
has_query (const TsuReferralFilter *filter)
{
  return filter->query != NULL && *filter->query != '\0';
}

static void
search_prepare (Search                  *search,
                const TsuReferralFilter *filter,
                TsuPlaceKeys            *keys)
{
  g_auto(GStrv) places = NULL;

  memset (search, 0, sizeof *search);
  if (!has_query (filter))
    return;
  if (keys != NULL)
    places = tsu_place_keys_match (keys, filter->query);
  if (places != NULL && places[0] != NULL)
    search->places_json = strv_to_json (places);
  search->concerns = concerns_matching (filter->query);
}

/* The filters on the case (alias c) every list shares. */
static void
append_case_filters (GString                 *sql,
                     const TsuReferralFilter *filter)
{
  if (filter->ward >= 0 && filter->ward < TSU_N_WARDS)
    g_string_append (sql, " AND c.ward = :ward");
  if (filter->concern >= 0 && filter->concern < TSU_N_CONCERNS)
    g_string_append (sql, " AND (c.concerns & :concern) != 0");
}

/* A case code is digits and a hyphen, its own search key. */
static void
append_case_search (GString      *sql,
                    const Search *search)
{
  g_string_append (sql, "instr (c.code, :query) > 0");
  if (search->places_json != NULL)
    g_string_append (sql, " OR c.entrance IN (SELECT value FROM json_each (:places))");
  if (search->concerns != 0)
    g_string_append (sql, " OR (c.concerns & :query_concerns) != 0");
}

static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_int (sqlite3_stmt *stmt,
          const char   *name,
          gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_filter (sqlite3_stmt            *stmt,
             const TsuReferralFilter *filter,
             const Search            *search)
{
  char first[11], last[11];

  tsu_fiscal_year_bounds (filter->fiscal_year, first, last);
  bind_text (stmt, ":first", first);
  bind_text (stmt, ":last", last);
  if (filter->ward >= 0 && filter->ward < TSU_N_WARDS)
    bind_text (stmt, ":ward", tsu_ward_to_name (filter->ward));
  if (filter->concern >= 0 && filter->concern < TSU_N_CONCERNS)
    bind_int (stmt, ":concern", 1 << filter->concern);
  if (filter->status >= 0 && filter->status < TSU_N_REFERRAL_STATUSES)
    bind_text (stmt, ":status", tsu_referral_status_to_code (filter->status));
  bind_text (stmt, ":today", filter->today != NULL ? filter->today : "");
  bind_text (stmt, ":query", filter->query);
  bind_text (stmt, ":places", search->places_json);
  bind_int (stmt, ":query_concerns", search->concerns);
}

static GArray *
collect_ids (TsuDatabase   *db,
             sqlite3_stmt  *stmt,
             guint         *n_flagged,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint flagged = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (sqlite3_column_count (stmt) > 1 && sqlite3_column_int (stmt, 1) != 0)
        flagged++;
    }
  if (rc != SQLITE_DONE)
    tsu_database_set_error (db, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  if (n_flagged != NULL)
    *n_flagged = flagged;
  return g_steal_pointer (&ids);
}

GArray *
tsu_referral_list_query_referrals (TsuDatabase              *db,
                                   TsuReferralListKind       kind,
                                   const TsuReferralFilter  *filter,
                                   TsuPlaceKeys             *keys,
                                   guint                    *n_overdue,
                                   GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  Search search;
  sqlite3_stmt *stmt;
  GArray *ids;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  search_prepare (&search, filter, keys);
  /* The second column says whether the row is overdue: open and past its
   * due date. */
  g_string_append (sql, "SELECT r.id, " OPEN_SQL " AND r.due_on < :today"
                   " FROM referrals r JOIN cases c ON c.id = r.case_id WHERE ");
  if (kind == TSU_REFERRAL_LIST_CANDIDATES)
    g_string_append (sql, "r.status = 'not-connected'");
  else if (filter->status >= 0 && filter->status < TSU_N_REFERRAL_STATUSES)
    g_string_append (sql, "r.status = :status");
  else
    g_string_append (sql, OPEN_SQL);
  if (filter->fiscal_year != 0)
    g_string_append (sql, " AND r.referred_on BETWEEN :first AND :last");
  append_case_filters (sql, filter);
  if (has_query (filter))
    {
      g_string_append (sql, " AND (");
      append_case_search (sql, &search);
      if (search.places_json != NULL)
        g_string_append (sql, " OR r.from_place IN (SELECT value FROM json_each (:places))"
                         " OR r.to_place IN (SELECT value FROM json_each (:places))");
      g_string_append (sql, ")");
    }
  /* Overdue is a due date before today, so the due date alone puts the
   * overdue first, the longest overdue on top. */
  if (kind == TSU_REFERRAL_LIST_CANDIDATES)
    g_string_append (sql, " ORDER BY r.closed_on DESC, c.code, r.id");
  else
    g_string_append (sql, " ORDER BY r.due_on, c.code, r.id");

  stmt = tsu_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    {
      search_clear (&search);
      return NULL;
    }
  bind_filter (stmt, filter, &search);
  ids = collect_ids (db, stmt, n_overdue, error);
  search_clear (&search);
  return ids;
}

GArray *
tsu_referral_list_query_cases (TsuDatabase              *db,
                               const TsuReferralFilter  *filter,
                               TsuPlaceKeys             *keys,
                               GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  Search search;
  sqlite3_stmt *stmt;
  GArray *ids;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  search_prepare (&search, filter, keys);
  g_string_append (sql, "SELECT c.id FROM cases c WHERE 1");
  if (filter->status >= 0 && filter->status < TSU_N_REFERRAL_STATUSES)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id"
                     " AND r.status = :status)");
  if (filter->fiscal_year != 0)
    g_string_append (sql, " AND c.received_on BETWEEN :first AND :last");
  append_case_filters (sql, filter);
  if (has_query (filter))
    {
      g_string_append (sql, " AND (");
      append_case_search (sql, &search);
      /* A case is found by the places its referrals went from and to. */
      if (search.places_json != NULL)
        g_string_append (sql, " OR EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id"
                         " AND (r.from_place IN (SELECT value FROM json_each (:places))"
                         " OR r.to_place IN (SELECT value FROM json_each (:places))))");
      g_string_append (sql, ")");
    }
  g_string_append (sql, " ORDER BY " CASE_STATE_SQL ("c.id") ", c.received_on DESC, c.code DESC");

  stmt = tsu_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    {
      search_clear (&search);
      return NULL;
    }
  bind_filter (stmt, filter, &search);
  ids = collect_ids (db, stmt, NULL, error);
  search_clear (&search);
  return ids;
}

static TsuCaseState
state_of (guint statuses)
{
  if (statuses & ((1u << TSU_REFERRAL_SENT) | (1u << TSU_REFERRAL_ACCEPTED)))
    return TSU_CASE_STATE_OPEN;
  if (statuses & (1u << TSU_REFERRAL_CONNECTED))
    return TSU_CASE_STATE_CONNECTED;
  if (statuses & ((1u << TSU_REFERRAL_NOT_CONNECTED) | (1u << TSU_REFERRAL_DECLINED)))
    return TSU_CASE_STATE_NOT_CONNECTED;
  if (statuses & (1u << TSU_REFERRAL_WITHDRAWN))
    return TSU_CASE_STATE_WITHDRAWN;
  return TSU_CASE_STATE_NO_REFERRAL;
}

GArray *
tsu_referral_list_summarize_cases (TsuDatabase   *db,
                                   const gint64  *ids,
                                   guint          n,
                                   GError       **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GHashTable) positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n == 0, NULL);

  summaries = g_array_sized_new (FALSE, TRUE, sizeof (TsuCaseSummary), n);
  g_array_set_size (summaries, n);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (positions, (gpointer) &ids[i], GUINT_TO_POINTER (i + 1));
  stmt = tsu_database_prepare (db,
                               "SELECT case_id, status, count (*) FROM referrals"
                               " WHERE case_id IN (SELECT value FROM json_each (?))"
                               " GROUP BY case_id, status", error);
  if (stmt == NULL)
    return NULL;
  json = tsu_ids_to_json (ids, n);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 case_id = sqlite3_column_int64 (stmt, 0);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, &case_id));
      TsuReferralStatus status;

      if (position == 0
          || !tsu_referral_status_from_text ((const char *) sqlite3_column_text (stmt, 1), &status))
        continue;
      g_array_index (summaries, TsuCaseSummary, position - 1).n_referrals += (guint) sqlite3_column_int (stmt, 2);
      g_array_index (summaries, TsuCaseSummary, position - 1).statuses |= 1u << status;
    }
  if (rc != SQLITE_DONE)
    tsu_database_set_error (db, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  for (guint i = 0; i < n; i++)
    g_array_index (summaries, TsuCaseSummary, i).state = state_of (g_array_index (summaries, TsuCaseSummary, i).statuses);
  return g_steal_pointer (&summaries);
}

static int
fiscal_year_of_iso (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (iso == NULL || !tsu_date_from_iso (iso, &date))
    return 0;
  return tsu_fiscal_year_of (&date);
}

GArray *
tsu_referral_list_fiscal_years (TsuDatabase  *db,
                                GError      **error)
{
  static const char * const bounds_sql[] = {
    "SELECT min (referred_on) FROM referrals",
    "SELECT max (referred_on) FROM referrals",
    "SELECT min (received_on) FROM cases",
    "SELECT max (received_on) FROM cases",
  };
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_stmt *stmt;
  int first = 0, last = 0;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  /* The first and last dates come from the indexes (one min() or max()
   * a statement: SQLite reads an index end only for a lone aggregate);
   * each year between is then one index probe, not a pass over every
   * row. */
  for (guint i = 0; i < G_N_ELEMENTS (bounds_sql); i++)
    {
      int year;

      stmt = tsu_database_prepare (db, bounds_sql[i], error);
      if (stmt == NULL)
        return NULL;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          tsu_database_set_error (db, error);
          sqlite3_reset (stmt);
          return NULL;
        }
      year = fiscal_year_of_iso ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (year > 0 && (first == 0 || year < first))
        first = year;
      if (year > last)
        last = year;
    }

  stmt = tsu_database_prepare (db,
                               "SELECT EXISTS (SELECT 1 FROM referrals WHERE referred_on BETWEEN ?1 AND ?2)"
                               " OR EXISTS (SELECT 1 FROM cases WHERE received_on BETWEEN ?1 AND ?2)",
                               error);
  if (stmt == NULL)
    return NULL;
  for (int year = last; first > 0 && year >= first; year--)
    {
      char from[11], to[11];

      tsu_fiscal_year_bounds (year, from, to);
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          tsu_database_set_error (db, error);
          sqlite3_reset (stmt);
          return NULL;
        }
      if (sqlite3_column_int (stmt, 0) != 0)
        g_array_append_val (years, year);
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&years);
}
