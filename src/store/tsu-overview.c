/* tsu-overview.c: the overview's figures and to-do list, straight from
 * SQL so that a large file costs one query per figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tsu-case-private.h"
#include "tsu-date.h"
#include "tsu-overview.h"

/* Steps @stmt to its end; FALSE with @error unless it ended well. */
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

/* ---- members over time ------------------------------------------------ */

typedef struct
{
  char date[11];
  int  delta;
} Change;

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Change *) a)->date, ((const Change *) b)->date);
}

static void
add_change (GArray     *changes,
            const char *date,
            int         delta)
{
  Change change = { { 0 }, delta };

  g_strlcpy (change.date, date, sizeof change.date);
  g_array_append_val (changes, change);
}

GArray *
tsu_overview_member_steps (TsuDatabase  *db,
                           const char   *today_iso,
                           GError      **error)
{
  g_autofree char *today_owned = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (TsuMemberStep));
  sqlite3_stmt *stmt;
  guint base = 0;
  int count;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  if (today_iso == NULL)
    today_iso = today_owned = tsu_date_today_iso ();

  /* The directory's count: kind member, not deleted, not left by today. */
  stmt = tsu_database_prepare (db,
                               "SELECT joined_on, left_on FROM organizations"
                               " WHERE deleted_at IS NULL AND kind = 'member'", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *joined = (const char *) sqlite3_column_text (stmt, 0);
      const char *left = (const char *) sqlite3_column_text (stmt, 1);
      gboolean has_left = left != NULL && *left != '\0' && strcmp (left, today_iso) <= 0;

      if (joined == NULL || *joined == '\0')
        base++;
      else
        add_change (changes, strcmp (joined, today_iso) < 0 ? joined : today_iso, +1);
      if (has_left)
        add_change (changes, left, -1);
    }
  if (!finish (db, stmt, rc, error))
    return NULL;

  g_array_sort (changes, compare_changes);
  count = base;
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = &g_array_index (changes, Change, i);
      TsuMemberStep *last = steps->len > 0 ? &g_array_index (steps, TsuMemberStep, steps->len - 1) : NULL;

      count += change->delta;
      if (last != NULL && strcmp (last->date, change->date) == 0)
        last->count = MAX (count, 0);
      else
        {
          TsuMemberStep step = { { 0 }, MAX (count, 0) };

          g_strlcpy (step.date, change->date, sizeof step.date);
          g_array_append_val (steps, step);
        }
    }
  /* The line reaches today. */
  if (steps->len == 0
      || strcmp (g_array_index (steps, TsuMemberStep, steps->len - 1).date, today_iso) < 0)
    {
      TsuMemberStep step = { { 0 }, MAX (count, 0) };

      g_strlcpy (step.date, today_iso, sizeof step.date);
      g_array_append_val (steps, step);
    }
  return g_steal_pointer (&steps);
}

/* ---- the fiscal year shown --------------------------------------------- */

int
tsu_overview_default_fiscal_year (TsuDatabase  *db,
                                  const char   *today_iso,
                                  GError      **error)
{
  g_autofree char *today_owned = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  GDate date;
  int year;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), 0);

  if (today_iso == NULL)
    today_iso = today_owned = tsu_date_today_iso ();
  if (!tsu_date_from_iso (today_iso, &date))
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID, "Not a date: %s", today_iso);
      return 0;
    }
  year = tsu_fiscal_year_of (&date);
  after = g_strdup_printf ("%04d-04-01", year + 1);

  /* The newest day anything happened on, up to the end of this year. */
  stmt = tsu_database_prepare (db,
                               "SELECT max (d) FROM ("
                               " SELECT max (substr (starts_at, 1, 10)) AS d FROM events"
                               "  WHERE deleted_at IS NULL AND starts_at < ?1"
                               " UNION ALL SELECT max (referred_on) FROM referrals WHERE referred_on < ?1"
                               " UNION ALL SELECT max (printf ('%04d-04-01', fiscal_year)) FROM budget_lines"
                               "  WHERE deleted_at IS NULL AND fiscal_year <= ?2)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, after, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *latest = (const char *) sqlite3_column_text (stmt, 0);
      GDate latest_date;

      if (latest != NULL && tsu_date_from_iso (latest, &latest_date))
        year = tsu_fiscal_year_of (&latest_date);
      rc = sqlite3_step (stmt);
    }
  if (!finish (db, stmt, rc, error))
    return 0;
  return year;
}

/* ---- the year's events ------------------------------------------------- */

gboolean
tsu_overview_event_counts (TsuDatabase     *db,
                           int              year,
                           TsuEventCounts  *counts,
                           GError         **error)
{
  g_autofree char *first = g_strdup_printf ("%04d-04-01", year);
  g_autofree char *after = g_strdup_printf ("%04d-04-01", year + 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  counts->fiscal_year = year;

  /* sum () of no counted item is NULL: then the attendees marked
   * attended count, as in the attendance summary. */
  stmt = tsu_database_prepare (db,
                               "SELECT CAST (substr (e.starts_at, 6, 2) AS INTEGER), e.kind,"
                               " coalesce ((SELECT sum (s.head_count) FROM event_sessions s"
                               "            WHERE s.event_id = e.id AND s.head_count IS NOT NULL),"
                               "           (SELECT count (*) FROM attendees a"
                               "            WHERE a.event_id = e.id AND a.status = 'attended'))"
                               " FROM events e WHERE e.deleted_at IS NULL"
                               " AND e.starts_at >= ?1 AND e.starts_at < ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, after, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int month = sqlite3_column_int (stmt, 0);
      TsuEventKind kind = TSU_EVENT_KIND_OTHER;
      sqlite3_int64 head_count = sqlite3_column_int64 (stmt, 2);
      guint m;

      if (month < 1 || month > 12)
        continue;
      m = (month + 8) % 12;
      tsu_event_kind_from_text ((const char *) sqlite3_column_text (stmt, 1), &kind);
      counts->events[m][kind]++;
      counts->head_counts[m][kind] += (guint) CLAMP (head_count, 0, G_MAXUINT / 1024);
    }
  return finish (db, stmt, rc, error);
}

/* ---- the year's referrals ---------------------------------------------- */

gboolean
tsu_overview_referral_counts (TsuDatabase        *db,
                              int                 year,
                              TsuReferralCounts  *counts,
                              GError            **error)
{
  char first[11], last[11];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  if (!tsu_referral_stats_compute (db, year, &counts->stats, error))
    return FALSE;

  /* The same referrals as the statistics count (referred in the year). */
  tsu_fiscal_year_bounds (year, first, last);
  stmt = tsu_database_prepare (db,
                               "SELECT CAST (substr (referred_on, 6, 2) AS INTEGER), status, count (*)"
                               " FROM referrals WHERE referred_on BETWEEN ?1 AND ?2 GROUP BY 1, 2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int month = sqlite3_column_int (stmt, 0);
      TsuReferralStatus status;

      if (month < 1 || month > 12
          || !tsu_referral_status_from_text ((const char *) sqlite3_column_text (stmt, 1), &status))
        continue;
      counts->by_month_status[(month + 8) % 12][status] += sqlite3_column_int (stmt, 2);
    }
  return finish (db, stmt, rc, error);
}

/* ---- budget ------------------------------------------------------------ */

GPtrArray *
tsu_overview_budget_lines (TsuDatabase  *db,
                           int           year,
                           GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  return tsu_budget_line_load_for_fiscal_year (db, year, error);
}

gboolean
tsu_overview_budget_nearly_spent (gint64 amount,
                                  gint64 paid)
{
  if (paid <= 0)
    return FALSE;
  /* paid / amount > 0.9 in whole numbers (amounts stay below 10^12). */
  return paid * 10 > amount * 9;
}

/* ---- what needs doing next --------------------------------------------- */

void
tsu_todo_item_free (TsuTodoItem *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item->detail);
  g_free (item->date);
  g_free (item);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static gboolean
load_overdue (TsuDatabase  *db,
              const char   *today,
              guint         limit,
              GPtrArray    *items,
              guint        *n_total,
              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tsu_database_prepare (db,
                               "SELECT r.id, r.case_id, c.code, r.from_place, r.to_place, r.due_on"
                               " FROM referrals r JOIN cases c ON c.id = r.case_id"
                               " WHERE r.status IN ('sent', 'accepted') AND r.due_on < ?1"
                               " ORDER BY r.due_on, c.code, r.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TsuTodoItem *item;

      if (limit > 0 && *n_total >= limit)
        {
          (*n_total)++;
          continue;
        }
      (*n_total)++;
      item = g_new0 (TsuTodoItem, 1);
      item->kind = TSU_TODO_OVERDUE_REFERRAL;
      item->id = sqlite3_column_int64 (stmt, 0);
      item->case_id = sqlite3_column_int64 (stmt, 1);
      item->title = dup_column (stmt, 2);
      /* Place names, not people: a case is a code only. */
      item->detail = g_strdup_printf ("%s → %s", sqlite3_column_text (stmt, 3), sqlite3_column_text (stmt, 4));
      item->date = dup_column (stmt, 5);
      g_ptr_array_add (items, item);
    }
  return finish (db, stmt, rc, error);
}

static gboolean
load_sign_in_sheets (TsuDatabase  *db,
                     const char   *today,
                     guint         limit,
                     GPtrArray    *items,
                     guint        *n_total,
                     GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *modifier = g_strdup_printf ("+%d days", TSU_TODO_SIGN_IN_DAYS);
  sqlite3_stmt *stmt;
  int rc;

  /* starts_at may carry a time: its first ten characters are the day. */
  stmt = tsu_database_prepare (db,
                               "SELECT id FROM events WHERE deleted_at IS NULL AND status != 'cancelled'"
                               " AND sign_in_printed_at IS NULL"
                               " AND substr (starts_at, 1, 10) BETWEEN ?1 AND date (?1, ?2)"
                               " ORDER BY starts_at, number, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, modifier, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      (*n_total)++;
      if (limit == 0 || ids->len < limit)
        g_array_append_val (ids, id);
    }
  if (!finish (db, stmt, rc, error))
    return FALSE;

  /* Few rows: the event's own code words its title. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(TsuEvent) event = tsu_event_load_by_id (db, g_array_index (ids, gint64, i), error);
      TsuTodoItem *item;

      if (event == NULL)
        return FALSE;
      item = g_new0 (TsuTodoItem, 1);
      item->kind = TSU_TODO_SIGN_IN_SHEET;
      item->id = tsu_event_get_id (event);
      item->title = tsu_event_dup_display_title (event);
      item->detail = g_strdup (tsu_event_get_venue (event));
      item->date = g_strdup (tsu_event_get_starts_at (event));
      g_ptr_array_add (items, item);
    }
  return TRUE;
}

static int
compare_spent (gconstpointer a,
               gconstpointer b)
{
  const TsuTodoItem *x = *(TsuTodoItem * const *) a;
  const TsuTodoItem *y = *(TsuTodoItem * const *) b;
  /* paid / amount descending, compared as cross products; a line of
   * nothing is spent the most. */
  double rx = x->amount > 0 ? (double) x->paid / x->amount : G_MAXDOUBLE;
  double ry = y->amount > 0 ? (double) y->paid / y->amount : G_MAXDOUBLE;

  if (rx != ry)
    return rx > ry ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static gboolean
load_budget_lines (TsuDatabase  *db,
                   const char   *today,
                   guint         limit,
                   GPtrArray    *items,
                   guint        *n_total,
                   GError      **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_todo_item_free);
  GDate date;
  int year;

  if (!tsu_date_from_iso (today, &date))
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID, "Not a date: %s", today);
      return FALSE;
    }
  year = tsu_fiscal_year_of (&date);
  lines = tsu_budget_line_load_for_fiscal_year (db, year, error);
  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      TsuBudgetLine *line = g_ptr_array_index (lines, i);
      TsuTodoItem *item;

      if (!tsu_overview_budget_nearly_spent (tsu_budget_line_get_amount (line),
                                             tsu_budget_line_get_paid (line)))
        continue;
      item = g_new0 (TsuTodoItem, 1);
      item->kind = TSU_TODO_BUDGET_LINE;
      item->id = tsu_budget_line_get_id (line);
      item->fiscal_year = year;
      item->title = g_strdup (tsu_budget_line_get_name (line));
      item->detail = g_strdup (tsu_budget_line_get_contractor (line));
      item->amount = tsu_budget_line_get_amount (line);
      item->paid = tsu_budget_line_get_paid (line);
      g_ptr_array_add (found, item);
    }
  g_ptr_array_sort (found, compare_spent);
  *n_total += found->len;
  for (guint i = 0; i < found->len && (limit == 0 || i < limit); i++)
    g_ptr_array_add (items, g_steal_pointer (&g_ptr_array_index (found, i)));
  return TRUE;
}

GPtrArray *
tsu_overview_load_todo (TsuDatabase  *db,
                        const char   *today_iso,
                        guint         limit,
                        guint         n_total[TSU_N_TODO_KINDS],
                        GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_todo_item_free);
  g_autofree char *today_owned = NULL;
  guint totals[TSU_N_TODO_KINDS] = { 0 };

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  if (today_iso == NULL)
    today_iso = today_owned = tsu_date_today_iso ();

  if (!load_overdue (db, today_iso, limit, items, &totals[TSU_TODO_OVERDUE_REFERRAL], error)
      || !load_sign_in_sheets (db, today_iso, limit, items, &totals[TSU_TODO_SIGN_IN_SHEET], error)
      || !load_budget_lines (db, today_iso, limit, items, &totals[TSU_TODO_BUDGET_LINE], error))
    return NULL;
  if (n_total != NULL)
    memcpy (n_total, totals, sizeof totals);
  return g_steal_pointer (&items);
}
