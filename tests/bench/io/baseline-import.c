/* baseline-import.c: the baseline of "import referrals" — what SQLite
 * itself does with the rows of the referrals CSV: one prepared INSERT
 * per table (cases, referrals), all in one transaction, into the same
 * kind of Tsunagu database the program imports into, so that its audit
 * triggers fire as they do for the program.
 *
 *   baseline-import DATABASE FILE.csv
 *
 * The CSV is read and split here too (RFC 4180, UTF-8, English column
 * names), but nothing is checked: cells are stored as the store writes
 * them (vocabulary codes as written, organisations by their display name,
 * the due date two weeks after the referral, concerns as their bit set).
 * No GObject, no validation, no history rows: the library's limit for the
 * same rows.
 *
 * SQLite is set up as well as it goes for this, as the program is: no
 * bulk allocation of each page cache (every CHECK (x IN (…)) of three or
 * more values opens a temporary b-tree per row, whose page cache glibc
 * would otherwise hand back to the system and fault in again each time)
 * and temporary files (statement journals) in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum
{
  COL_CASE, COL_RECEIVED_ON, COL_ENTRANCE, COL_WARD, COL_AGE_BAND,
  COL_FOREIGN_RESIDENT, COL_LANGUAGE, COL_CONCERNS, COL_CONSENT,
  COL_LEGAL_BASIS, COL_FROM, COL_TO, COL_REFERRED_ON, COL_STATUS,
  COL_REASON, COL_CLOSED_ON, COL_NOTES, N_COLUMNS
};

static const char * const column_names[N_COLUMNS] = {
  "case", "received_on", "entrance", "ward", "age_band", "foreign_resident",
  "language", "concerns", "consent", "legal_basis", "from", "to",
  "referred_on", "status", "reason", "closed_on", "notes",
};

static const char * const concern_codes[] = {
  "poverty", "employment", "housing", "hikikomori", "child", "youth", "elderly",
  "dementia", "disability", "foreign", "suicide", "food", "violence", "other",
};

#define MAX_CELLS 32

/* Splits the record at *@p into @cells (pointers into @p's buffer, which
 * is unquoted in place); returns the number of cells, 0 at the end. */
static int
next_record (char  **p,
             char   *end,
             char  **cells)
{
  char *s = *p;
  int n = 0;

  if (s >= end)
    return 0;
  for (;;)
    {
      char *out = s;
      char *cell = s;

      if (*s == '"')
        {
          s++;
          for (;;)
            {
              if (s >= end)
                break;
              if (*s == '"')
                {
                  if (s + 1 < end && s[1] == '"')
                    {
                      *out++ = '"';
                      s += 2;
                      continue;
                    }
                  s++;
                  break;
                }
              *out++ = *s++;
            }
          while (s < end && *s != ',' && *s != '\r' && *s != '\n')
            s++;
        }
      else
        {
          while (s < end && *s != ',' && *s != '\r' && *s != '\n')
            s++;
          out = s;
        }
      if (n < MAX_CELLS)
        cells[n++] = cell;
      if (s >= end || *s != ',')
        {
          if (s < end && *s == '\r')
            *s++ = '\0';
          if (s < end && *s == '\n')
            *s++ = '\0';
          *out = '\0';
          break;
        }
      *s++ = '\0';
      *out = '\0';
    }
  *p = s;
  return n;
}

static void
sql_change_id (sqlite3_context *context,
               int              argc,
               sqlite3_value  **argv)
{
  sqlite3_result_int64 (context, *(sqlite3_int64 *) sqlite3_user_data (context));
}

static void
sql_user (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  sqlite3_result_text (context, g_get_user_name (), -1, SQLITE_STATIC);
}

static void
check (sqlite3 *db,
       int      rc,
       int      ok)
{
  if (rc != ok)
    {
      fprintf (stderr, "baseline-import: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

int
main (int    argc,
      char **argv)
{
  sqlite3 *db;
  sqlite3_stmt *stmt, *insert_case, *insert_referral;
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) cases = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *data = NULL;
  sqlite3_int64 change_id = 0;
  int position[N_COLUMNS];
  char *cells[MAX_CELLS];
  char *p, *end;
  gsize length;
  int n, rows = 0;

  if (argc != 3)
    {
      fprintf (stderr, "usage: baseline-import DATABASE FILE.csv\n");
      return 2;
    }
  if (!g_file_get_contents (argv[2], &data, &length, NULL))
    {
      fprintf (stderr, "baseline-import: cannot read %s\n", argv[2]);
      return 1;
    }
  p = data;
  end = data + length;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  sqlite3_config (SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
  check (NULL, sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  /* What the audit triggers call; the program defines them the same way. */
  sqlite3_create_function (db, "tsu_change_id", 0, SQLITE_UTF8, &change_id, sql_change_id, NULL, NULL);
  sqlite3_create_function (db, "tsu_user", 0, SQLITE_UTF8, NULL, sql_user, NULL, NULL);
  check (db, sqlite3_exec (db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
                           " PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;", NULL, NULL, NULL), SQLITE_OK);

  check (db, sqlite3_prepare_v2 (db, "SELECT coalesce (legal_form || ' ', '') || name, name FROM organizations",
                                 -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (places, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  check (db, sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
  check (db, sqlite3_prepare_v2 (db, "SELECT coalesce (max (change_id), 0) + 1 FROM audit_log", -1, &stmt, NULL),
         SQLITE_OK);
  check (db, sqlite3_step (stmt), SQLITE_ROW);
  change_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  check (db, sqlite3_prepare_v2 (db,
    "INSERT INTO cases (code, received_on, entrance, ward, age_band, foreign_resident, language,"
    " concerns, consent, legal_basis, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    -1, &insert_case, NULL), SQLITE_OK);
  check (db, sqlite3_prepare_v2 (db,
    "INSERT INTO referrals (case_id, from_place, to_place, referred_on, due_on, status, reason, closed_on)"
    " VALUES (?1, ?2, ?3, ?4, date (?4, '+14 days'), ?5, ?6, ?7)",
    -1, &insert_referral, NULL), SQLITE_OK);

  n = next_record (&p, end, cells);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      position[c] = -1;
      for (int i = 0; i < n; i++)
        if (strcmp (cells[i], column_names[c]) == 0)
          position[c] = i;
    }

  while ((n = next_record (&p, end, cells)) > 0)
    {
      const char *cell[N_COLUMNS];
      sqlite3_int64 *case_id;
      const char *place;

      for (int c = 0; c < N_COLUMNS; c++)
        cell[c] = position[c] >= 0 && position[c] < n ? cells[position[c]] : "";
      if (*cell[COL_CASE] == '\0')
        continue;

      case_id = g_hash_table_lookup (cases, cell[COL_CASE]);
      if (case_id == NULL)
        {
          gboolean consent = strcmp (cell[COL_CONSENT], "yes") == 0;
          const char *legal_basis = cell[COL_LEGAL_BASIS];
          guint concerns = 0;
          char *s = (char *) cell[COL_CONCERNS];

          for (char *t = strtok (s, ";"); t != NULL; t = strtok (NULL, ";"))
            for (guint i = 0; i < G_N_ELEMENTS (concern_codes); i++)
              if (strcmp (t, concern_codes[i]) == 0)
                concerns |= 1u << i;
          if (*legal_basis == '\0' && consent)
            legal_basis = "consent";
          place = g_hash_table_lookup (places, cell[COL_ENTRANCE]);

          sqlite3_bind_text (insert_case, 1, cell[COL_CASE], -1, SQLITE_STATIC);
          bind_text (insert_case, 2, cell[COL_RECEIVED_ON]);
          bind_text (insert_case, 3, place != NULL ? place : cell[COL_ENTRANCE]);
          bind_text (insert_case, 4, cell[COL_WARD]);
          sqlite3_bind_text (insert_case, 5, *cell[COL_AGE_BAND] ? cell[COL_AGE_BAND] : "unknown", -1, SQLITE_STATIC);
          sqlite3_bind_int (insert_case, 6, strcmp (cell[COL_FOREIGN_RESIDENT], "yes") == 0);
          bind_text (insert_case, 7, cell[COL_LANGUAGE]);
          sqlite3_bind_int (insert_case, 8, concerns);
          sqlite3_bind_text (insert_case, 9, *cell[COL_CONSENT] ? cell[COL_CONSENT] : "pending", -1, SQLITE_STATIC);
          bind_text (insert_case, 10, legal_basis);
          bind_text (insert_case, 11, cell[COL_NOTES]);
          check (db, sqlite3_step (insert_case), SQLITE_DONE);
          sqlite3_reset (insert_case);

          case_id = g_new (sqlite3_int64, 1);
          *case_id = sqlite3_last_insert_rowid (db);
          g_hash_table_insert (cases, (char *) cell[COL_CASE], case_id);
        }

      sqlite3_bind_int64 (insert_referral, 1, *case_id);
      place = g_hash_table_lookup (places, cell[COL_FROM]);
      bind_text (insert_referral, 2, place != NULL ? place : cell[COL_FROM]);
      place = g_hash_table_lookup (places, cell[COL_TO]);
      bind_text (insert_referral, 3, place != NULL ? place : cell[COL_TO]);
      bind_text (insert_referral, 4, cell[COL_REFERRED_ON]);
      sqlite3_bind_text (insert_referral, 5, *cell[COL_STATUS] ? cell[COL_STATUS] : "sent", -1, SQLITE_STATIC);
      bind_text (insert_referral, 6, cell[COL_REASON]);
      bind_text (insert_referral, 7, cell[COL_CLOSED_ON]);
      check (db, sqlite3_step (insert_referral), SQLITE_DONE);
      sqlite3_reset (insert_referral);
      rows++;
    }

  sqlite3_finalize (insert_case);
  sqlite3_finalize (insert_referral);
  check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  printf ("%d referrals, %u cases inserted.\n", rows, g_hash_table_size (cases));
  return 0;
}
