/* crash-test.c: kills a writing process with SIGKILL again and again and
 * checks after every kill that the database is intact and holds exactly
 * what the writer had reported as committed.
 *
 * crash-writer (beside this program) makes real imports and edits through
 * the store and prints a line after each commit (see crash-writer.c).
 * This test runs it on one database in a temporary folder, kills it at a
 * random moment (a few milliseconds to a few hundred; one kill in four
 * right after it announces an import, so that the kill lands inside the
 * import's transaction), and then, with the plain SQLite API:
 *
 *   - PRAGMA integrity_check says "ok" and PRAGMA foreign_key_check finds
 *     nothing;
 *   - every import reported as committed has all its rows (counted by the
 *     import's unique name prefix), and an import that was announced but
 *     not reported has all of its rows or none;
 *   - the organisations of an import that was imported again with the
 *     update flag all have the website of the last reimport reported, or,
 *     for one killed in flight, all the old one or all the new one;
 *   - every field an edit reported holds the value last reported for it,
 *     and the field of an edit in flight holds either its old or its new
 *     value; a record created in flight is there once or not at all;
 *   - no rows of an import that was never announced are there;
 *
 * The file is also opened with tsu_database_open() (recovery, migrations,
 * backups) after every kill, every other time before the checks, on the
 * file just as the kill left it. The next run goes on with the same file,
 * so its contents grow over the kills.
 *
 * Environment, for runs by hand:
 *   TSU_CRASH_KILLS=1000   how many kills (default 100);
 *   TSU_CRASH_SEED=N       the seed of the kill moments and of the
 *                          writers' choices (default a fixed one; it is
 *                          printed, so a failure can be run again, though
 *                          the moments also depend on the machine's speed);
 *   TSU_CRASH_WRITER=PATH  the writer to run (default: beside this test);
 *   TSU_CRASH_KEEP=1       keep the database folder even when all is well.
 * e.g.  TSU_CRASH_KILLS=1000 build/tests/crash/crash-test
 *
 * On failure the folder with the database is kept and its path printed.
 * Nothing here is timed: the test waits for the writer's lines and its
 * death, never for a deadline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tsu-database.h"

#define DEFAULT_KILLS 100
#define DEFAULT_SEED  20240606u

typedef struct
{
  char       *writer;
  char       *folder;
  char       *path;
  GRand      *rand;
  guint32     seed;
  guint       kill;          /* the kill being made, from 1 */

  /* What the database must hold: */
  GHashTable *imports;       /* "KIND\tPREFIX" → expected row count */
  GHashTable *fields;        /* "TABLE\tID\tCOLUMN" → expected text */
  GHashTable *websites;      /* organizations import prefix → expected website
                              * when it is not empty */

  /* The operation announced by the killed writer and not reported. */
  char       *pending;

  GPtrArray  *lines;         /* of the current writer run, for messages */
  GString    *failure;

  /* Statistics, printed at the end and checked for a run that tested
   * nothing. */
  guint       committed;
  guint       imports_committed;
  guint       in_flight_imports;
  guint       in_flight_imports_applied;
  guint       in_flight_edits;
  guint       in_flight_edits_applied;
  guint       killed_before_open;
  gint64      writing_us, checking_us, reopening_us;
} Harness;

static void G_GNUC_PRINTF (2, 3)
harness_fail (Harness    *h,
              const char *format,
              ...)
{
  va_list args;

  if (h->failure->len > 0)
    return;
  va_start (args, format);
  g_string_append_printf (h->failure, "kill %u: ", h->kill);
  g_string_append_vprintf (h->failure, format, args);
  va_end (args);
}

static gboolean
harness_failed (Harness *h)
{
  return h->failure->len > 0;
}

/* Table and column names come from the writer's lines and go into SQL. */
static gboolean
is_identifier (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static char *
field_key (const char *table,
           const char *id,
           const char *column)
{
  return g_strdup_printf ("%s\t%s\t%s", table, id, column);
}

/* ---- the writer's lines ------------------------------------------------- */

/* "begin OP": checks that an edit starts from the value last committed. */
static void
on_begin (Harness    *h,
          const char *op)
{
  g_auto(GStrv) f = g_strsplit (op, "\t", -1);
  guint n = g_strv_length (f);

  if (h->pending != NULL)
    {
      harness_fail (h, "“%s” began while “%s” was not reported", op, h->pending);
      return;
    }
  h->pending = g_strdup (op);

  if (n == 6 && strcmp (f[0], "update") == 0)
    {
      g_autofree char *key = field_key (f[1], f[2], f[3]);
      const char *expected = g_hash_table_lookup (h->fields, key);

      if (!is_identifier (f[1]) || !is_identifier (f[3]))
        harness_fail (h, "bad line “begin %s”", op);
      else if (expected != NULL && strcmp (expected, f[4]) != 0)
        harness_fail (h, "the writer loaded “%s” from %s %s %s, but “%s” was the last value committed",
                      f[4], f[1], f[2], f[3], expected);
    }
  else if (n == 6 && strcmp (f[0], "reimport") == 0)
    {
      const char *expected = g_hash_table_lookup (h->websites, f[2]);

      if (g_strcmp0 (f[1], "organizations") != 0 || g_strcmp0 (f[3], "website") != 0)
        harness_fail (h, "bad line “begin %s”", op);
      else if (strcmp (expected ? expected : "", f[4]) != 0)
        harness_fail (h, "the writer found the website “%s” in the organisations of %s, but “%s” was the last one committed",
                      f[4], f[2], expected ? expected : "");
    }
  else if (!(n == 4 && strcmp (f[0], "import") == 0)
           && !(n == 4 && strcmp (f[0], "create") == 0 && is_identifier (f[1]) && is_identifier (f[2])))
    harness_fail (h, "bad line “begin %s”", op);
}

/* "commit OP [ID]": the operation is in the database from now on. */
static void
on_commit (Harness    *h,
           const char *rest)
{
  g_auto(GStrv) f = g_strsplit (rest, "\t", -1);
  gsize op_length = h->pending ? strlen (h->pending) : 0;

  if (h->pending == NULL || strncmp (rest, h->pending, op_length) != 0
      || (rest[op_length] != '\0' && rest[op_length] != '\t'))
    {
      harness_fail (h, "“commit %s” does not match the operation begun, “%s”", rest,
                    h->pending ? h->pending : "(none)");
      return;
    }
  g_clear_pointer (&h->pending, g_free);
  h->committed++;

  if (strcmp (f[0], "import") == 0)
    {
      guint rows = (guint) g_ascii_strtoull (f[3], NULL, 10);

      g_hash_table_insert (h->imports, g_strdup_printf ("%s\t%s", f[1], f[2]), GUINT_TO_POINTER (rows));
      h->imports_committed++;
    }
  else if (strcmp (f[0], "reimport") == 0)
    g_hash_table_insert (h->websites, g_strdup (f[2]), g_strdup (f[5]));
  else if (strcmp (f[0], "create") == 0 && g_strv_length (f) == 5)
    g_hash_table_insert (h->fields, field_key (f[1], f[4], f[2]), g_strdup (f[3]));
  else if (strcmp (f[0], "update") == 0)
    g_hash_table_insert (h->fields, field_key (f[1], f[2], f[3]), g_strdup (f[5]));
  else
    harness_fail (h, "bad line “commit %s”", rest);
}

static void
on_line (Harness    *h,
         const char *line)
{
  g_ptr_array_add (h->lines, g_strdup (line));
  if (g_str_has_prefix (line, "begin\t"))
    on_begin (h, line + strlen ("begin\t"));
  else if (g_str_has_prefix (line, "commit\t"))
    on_commit (h, line + strlen ("commit\t"));
  else if (!g_str_has_prefix (line, "open\t"))
    harness_fail (h, "unexpected line from the writer: “%s”", line);
}

/* Hands every complete line of @buffer to on_line() and keeps the rest. */
static void
take_lines (Harness *h,
            GString *buffer)
{
  char *newline;

  while ((newline = memchr (buffer->str, '\n', buffer->len)) != NULL)
    {
      *newline = '\0';
      on_line (h, buffer->str);
      g_string_erase (buffer, 0, newline - buffer->str + 1);
    }
}

/* ---- one run of the writer ---------------------------------------------- */

/* Reads what is there; FALSE at the end of the output. */
static gboolean
read_some (int      fd,
           GString *buffer)
{
  char chunk[4096];
  gssize n;

  do
    n = read (fd, chunk, sizeof chunk);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    return FALSE;
  g_string_append_len (buffer, chunk, n);
  return TRUE;
}

typedef enum
{
  KILL_AFTER_DELAY, /* @delay_us after the start */
  KILL_IN_IMPORT,   /* @delay_us after the writer announces its Nth import */
  KILL_IN_EDIT,     /* @delay_us after it announces its Nth single-record change */
} KillWhen;

static gboolean
is_trigger (KillWhen    when,
            const char *line)
{
  if (!g_str_has_prefix (line, "begin\t"))
    return FALSE;
  return (when == KILL_IN_IMPORT) == (g_str_has_prefix (line, "begin\timport\t")
                                      || g_str_has_prefix (line, "begin\treimport\t"));
}

/* Starts the writer and kills it. */
static void
run_writer (Harness  *h,
            KillWhen  when,
            guint     nth,
            guint     delay_us)
{
  g_autofree char *run = g_strdup_printf ("%u", h->kill);
  g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (h->rand));
  const char *argv[] = { h->writer, h->path, run, seed, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  GPid pid;
  int out_fd, status;
  gint64 kill_at;
  gboolean open = TRUE;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      harness_fail (h, "cannot start %s: %s", h->writer, error->message);
      return;
    }

  /* Kills on an announcement wait for it; should none come for a long
   * while, the writer is killed anyway: that is a kill like the others. */
  kill_at = g_get_monotonic_time () + (when == KILL_AFTER_DELAY ? delay_us : 10 * G_USEC_PER_SEC);
  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      struct pollfd pfd = { .fd = out_fd, .events = POLLIN };
      guint seen = h->lines->len;
      gboolean triggered = FALSE;

      if (now >= kill_at)
        break;
      if (poll (&pfd, 1, (int) ((kill_at - now + 999) / 1000)) <= 0)
        continue;
      if (!read_some (out_fd, buffer))
        {
          open = FALSE;
          break;   /* the writer ended by itself */
        }
      take_lines (h, buffer);
      for (guint i = seen; when != KILL_AFTER_DELAY && !triggered && i < h->lines->len; i++)
        if (is_trigger (when, g_ptr_array_index (h->lines, i)) && --nth == 0)
          triggered = TRUE;
      if (triggered)
        {
          /* Finer than poll() can wait; the pipe keeps what the writer
           * prints meanwhile. */
          g_usleep (delay_us);
          break;
        }
    }

  kill (pid, SIGKILL);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);

  /* Everything written before the kill is still in the pipe. */
  while (open && read_some (out_fd, buffer))
    ;
  close (out_fd);
  take_lines (h, buffer);
  if (buffer->len > 0)
    harness_fail (h, "the writer's output ends in half a line: “%s”", buffer->str);

  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    harness_fail (h, "the writer was not killed but ended by itself (status %d); see its messages above",
                  WIFEXITED (status) ? WEXITSTATUS (status) : -1);
  if (h->lines->len == 0)
    h->killed_before_open++;
}

/* ---- checking the file --------------------------------------------------- */

static char *
query_text (Harness    *h,
            sqlite3    *db,
            const char *sql,
            const char *bind_text)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      harness_fail (h, "%s: %s", sql, sqlite3_errmsg (db));
      return NULL;
    }
  if (bind_text != NULL)
    sqlite3_bind_text (stmt, 1, bind_text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    harness_fail (h, "%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return result;
}

static void
check_pragmas (Harness *h,
               sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check (10)", -1, &stmt, NULL) != SQLITE_OK)
    {
      harness_fail (h, "PRAGMA integrity_check: %s", sqlite3_errmsg (db));
      return;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (found, "%s%s", found->len ? "; " : "", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE || strcmp (found->str, "ok") != 0)
    harness_fail (h, "PRAGMA integrity_check: %s", rc == SQLITE_DONE ? found->str : sqlite3_errmsg (db));

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      harness_fail (h, "PRAGMA foreign_key_check: %s", sqlite3_errmsg (db));
      return;
    }
  g_string_truncate (found, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (found, "%s%s row %lld → %s", found->len ? "; " : "",
                            sqlite3_column_text (stmt, 0), (long long) sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE || found->len > 0)
    harness_fail (h, "PRAGMA foreign_key_check: %s", rc == SQLITE_DONE ? found->str : sqlite3_errmsg (db));
}

/* What the rows of each kind of import are counted by: the part of the
 * name before the "." is the import's prefix. A referrals file makes as
 * many cases as referrals. */
#define PREFIX_OF(x) "CASE WHEN instr (" x ", '.') > 0 THEN substr (" x ", 1, instr (" x ", '.') - 1) ELSE " x " END"
#define COUNT_BY_PREFIX(table, column) \
  "SELECT " PREFIX_OF (column) ", count (*) FROM " table " WHERE " column " GLOB 'ci-*' GROUP BY 1"
static const struct
{
  const char *kind;
  const char *label;
  const char *table;
  const char *sql;
} tallies[] = {
  { "organizations", "organizations", "organizations", COUNT_BY_PREFIX ("organizations", "name") },
  { "people", "people", "people", COUNT_BY_PREFIX ("people", "name") },
  { "events", "events", "events", COUNT_BY_PREFIX ("events", "key") },
  { "attendees", "attendees", "attendees", COUNT_BY_PREFIX ("attendees", "name") },
  { "budget", "budget lines", "budget_lines", COUNT_BY_PREFIX ("budget_lines", "name") },
  { "payments", "payments", "payments", COUNT_BY_PREFIX ("payments", "memo") },
  { "referrals", "cases", "cases", COUNT_BY_PREFIX ("cases", "entrance") },
  /* The writer also adds referrals of its own, from another place, to
   * any case, imported ones too. */
  { "referrals", "referrals", "referrals",
    COUNT_BY_PREFIX ("referrals JOIN cases ON cases.id = referrals.case_id"
                     " AND referrals.from_place = '門司区役所'", "cases.entrance") },
};
#undef COUNT_BY_PREFIX
#undef PREFIX_OF

/* "LABEL\tPREFIX" → rows in the file. */
static GHashTable *
count_import_rows (Harness *h,
                   sqlite3 *db)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tallies); i++)
    {
      sqlite3_stmt *stmt = NULL;
      g_autofree char *exists = NULL;
      int rc;

      /* A writer killed while it created the file may have left the
       * tables of later schema versions out: then they hold nothing. */
      exists = query_text (h, db, "SELECT count (*) FROM sqlite_schema WHERE type = 'table' AND name = ?",
                           tallies[i].table);
      if (g_strcmp0 (exists, "0") == 0)
        continue;
      if (sqlite3_prepare_v2 (db, tallies[i].sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          harness_fail (h, "%s: %s", tallies[i].sql, sqlite3_errmsg (db));
          continue;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_insert (counts, g_strdup_printf ("%s\t%s", tallies[i].label, sqlite3_column_text (stmt, 0)),
                             GUINT_TO_POINTER ((guint) sqlite3_column_int (stmt, 1)));
      if (rc != SQLITE_DONE)
        harness_fail (h, "%s: %s", tallies[i].sql, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
    }
  return counts;
}

static guint
count_of (GHashTable *counts,
          const char *label,
          const char *prefix)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", label, prefix);

  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
}

/* Imports are kept as "KIND\tPREFIX" → rows committed. */
static void
check_imports (Harness *h,
               sqlite3 *db,
               GStrv    pending)
{
  g_autoptr(GHashTable) counts = count_import_rows (h, db);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, h->imports);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) kind_prefix = g_strsplit (key, "\t", 2);

      for (guint i = 0; i < G_N_ELEMENTS (tallies); i++)
        if (strcmp (tallies[i].kind, kind_prefix[0]) == 0
            && count_of (counts, tallies[i].label, kind_prefix[1]) != GPOINTER_TO_UINT (value))
          harness_fail (h, "import of %s %s: %u rows committed, %u %s found", kind_prefix[0], kind_prefix[1],
                        GPOINTER_TO_UINT (value), count_of (counts, tallies[i].label, kind_prefix[1]),
                        tallies[i].label);
    }

  /* "import KIND PREFIX ROWS", announced and not reported. */
  if (pending != NULL)
    {
      guint rows = (guint) g_ascii_strtoull (pending[3], NULL, 10);
      guint found = G_MAXUINT;

      h->in_flight_imports++;
      for (guint i = 0; i < G_N_ELEMENTS (tallies); i++)
        if (strcmp (tallies[i].kind, pending[1]) == 0)
          {
            guint n = count_of (counts, tallies[i].label, pending[2]);

            if ((n != 0 && n != rows) || (found != G_MAXUINT && n != found))
              harness_fail (h, "import of %s %s, killed in flight: %u of its %u rows found as %s (a partial import)",
                            pending[1], pending[2], n, rows, tallies[i].label);
            found = n;
          }
      if (found == rows)
        h->in_flight_imports_applied++;
      /* Settled now: from here on it must stay as it is. */
      g_hash_table_insert (h->imports, g_strdup_printf ("%s\t%s", pending[1], pending[2]),
                           GUINT_TO_POINTER (found == G_MAXUINT ? 0 : found));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) label_prefix = g_strsplit (key, "\t", 2);
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (tallies); i++)
        if (strcmp (tallies[i].label, label_prefix[0]) == 0)
          {
            g_autofree char *import_key = g_strdup_printf ("%s\t%s", tallies[i].kind, label_prefix[1]);

            known = g_hash_table_contains (h->imports, import_key);
          }
      if (!known)
        harness_fail (h, "%u %s of an import %s that was never announced", GPOINTER_TO_UINT (value),
                      label_prefix[0], label_prefix[1]);
    }
}

/* The organisations of each import share one website: the one last
 * reimported, or for the reimport @pending killed in flight ("reimport
 * organizations PREFIX website OLD NEW") the old or the new one. */
static void
check_websites (Harness *h,
                sqlite3 *db,
                GStrv    pending)
{
  static const char sql[] =
    "SELECT substr (name, 1, instr (name, '.') - 1), coalesce (website, ''), count (*)"
    " FROM organizations WHERE name GLOB 'ci-*.*' GROUP BY 1, 2";
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      /* A file killed before it had the table has nothing to check. */
      if (g_hash_table_size (h->websites) > 0 || pending != NULL)
        harness_fail (h, "%s: %s", sql, sqlite3_errmsg (db));
      return;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *prefix = (const char *) sqlite3_column_text (stmt, 0);
      const char *website = (const char *) sqlite3_column_text (stmt, 1);
      const char *expected = g_hash_table_lookup (h->websites, prefix);
      const char *earlier = g_hash_table_lookup (seen, prefix);

      if (earlier != NULL)
        harness_fail (h, "the organisations of %s have websites “%s” and “%s”: a partial reimport",
                      prefix, earlier, website);
      else if (pending != NULL && strcmp (prefix, pending[2]) == 0)
        {
          if (strcmp (website, pending[4]) != 0 && strcmp (website, pending[5]) != 0)
            harness_fail (h, "%d organisations of %s, reimported in flight from “%s” to “%s”, have the website “%s”",
                          sqlite3_column_int (stmt, 2), prefix, pending[4], pending[5], website);
        }
      else if (strcmp (website, expected ? expected : "") != 0)
        harness_fail (h, "%d organisations of %s have the website “%s”, but “%s” was committed",
                      sqlite3_column_int (stmt, 2), prefix, website, expected ? expected : "");
      g_hash_table_insert (seen, g_strdup (prefix), g_strdup (website));
    }
  if (rc != SQLITE_DONE)
    harness_fail (h, "%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  if (pending != NULL)
    {
      const char *found = g_hash_table_lookup (seen, pending[2]);

      h->in_flight_imports++;
      if (g_strcmp0 (found, pending[5]) == 0)
        h->in_flight_imports_applied++;
      /* Settled now. */
      g_hash_table_insert (h->websites, g_strdup (pending[2]), g_strdup (found ? found : ""));
    }
}

static char *
read_field (Harness    *h,
            sqlite3    *db,
            const char *table,
            const char *id,
            const char *column,
            gboolean   *exists)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (CAST (%s AS TEXT), '') FROM %s WHERE id = ?",
                                          column, table);
  char *value = query_text (h, db, sql, id);

  *exists = value != NULL;
  return value ? value : g_strdup ("");
}

static void
check_fields (Harness    *h,
              sqlite3    *db,
              const char *skip_key)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, h->fields);
  while (g_hash_table_iter_next (&iter, &key, &value) && !harness_failed (h))
    {
      g_auto(GStrv) f = g_strsplit (key, "\t", 3);
      g_autofree char *found = NULL;
      gboolean exists;

      if (g_strcmp0 (key, skip_key) == 0)
        continue;
      found = read_field (h, db, f[0], f[1], f[2], &exists);
      if (!exists)
        harness_fail (h, "%s %s, committed, is not there", f[0], f[1]);
      else if (strcmp (found, value) != 0)
        harness_fail (h, "%s %s %s is “%s”, but “%s” was committed", f[0], f[1], f[2], found,
                      (const char *) value);
    }
}

/* The edit or creation killed in flight is there wholly or not at all;
 * then it is settled. */
static void
check_pending_record (Harness *h,
                      sqlite3 *db,
                      GStrv    f)
{
  if (strcmp (f[0], "update") == 0)
    {
      g_autofree char *key = field_key (f[1], f[2], f[3]);
      gboolean exists;
      g_autofree char *found = read_field (h, db, f[1], f[2], f[3], &exists);

      h->in_flight_edits++;
      if (!exists)
        harness_fail (h, "%s %s, edited in flight, is not there", f[1], f[2]);
      else if (strcmp (found, f[4]) != 0 && strcmp (found, f[5]) != 0)
        harness_fail (h, "%s %s %s, edited in flight from “%s” to “%s”, is “%s”", f[1], f[2], f[3],
                      f[4], f[5], found);
      if (strcmp (found, f[5]) == 0)
        h->in_flight_edits_applied++;
      g_hash_table_insert (h->fields, g_steal_pointer (&key), g_steal_pointer (&found));
    }
  else if (strcmp (f[0], "create") == 0)
    {
      g_autofree char *count_sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE %s = ?", f[1], f[2]);
      g_autofree char *id_sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?", f[1], f[2]);
      g_autofree char *count = query_text (h, db, count_sql, f[3]);

      h->in_flight_edits++;
      if (g_strcmp0 (count, "1") == 0)
        {
          g_autofree char *id = query_text (h, db, id_sql, f[3]);

          h->in_flight_edits_applied++;
          if (id != NULL)
            g_hash_table_insert (h->fields, field_key (f[1], id, f[2]), g_strdup (f[3]));
        }
      else if (g_strcmp0 (count, "0") != 0)
        harness_fail (h, "%s “%s”, created in flight, is there %s times", f[1], f[3], count);
    }
}

static void
check_database_now (Harness *h)
{
  sqlite3 *db = NULL;
  g_auto(GStrv) pending = h->pending ? g_strsplit (h->pending, "\t", -1) : NULL;
  g_autofree char *pending_key = NULL;
  gboolean pending_import = pending != NULL && strcmp (pending[0], "import") == 0;
  gboolean pending_reimport = pending != NULL && strcmp (pending[0], "reimport") == 0;

  /* Killed before the writer created the file: nothing to check. */
  if (!g_file_test (h->path, G_FILE_TEST_EXISTS))
    {
      if (g_hash_table_size (h->imports) + g_hash_table_size (h->fields) + g_hash_table_size (h->websites) > 0
          || h->pending != NULL)
        harness_fail (h, "the database is gone");
      return;
    }

  if (sqlite3_open_v2 (h->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      harness_fail (h, "sqlite3_open_v2: %s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return;
    }
  sqlite3_busy_timeout (db, 10000);

  check_pragmas (h, db);
  if (pending != NULL && strcmp (pending[0], "update") == 0)
    pending_key = field_key (pending[1], pending[2], pending[3]);
  check_fields (h, db, pending_key);
  check_imports (h, db, pending_import ? pending : NULL);
  check_websites (h, db, pending_reimport ? pending : NULL);
  if (pending != NULL && !pending_import && !pending_reimport)
    check_pending_record (h, db, pending);
  g_clear_pointer (&h->pending, g_free);

  if (sqlite3_close (db) != SQLITE_OK)
    harness_fail (h, "sqlite3_close: %s", sqlite3_errmsg (db));
}

static void
check_database (Harness *h)
{
  gint64 started = g_get_monotonic_time ();

  if (!harness_failed (h))
    check_database_now (h);
  h->checking_us += g_get_monotonic_time () - started;
}

/* The program's own open: recovery, migrations and backups, as a user
 * starting Tsunagu again after the crash. */
static void
reopen_with_store (Harness *h)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuDatabase) db = NULL;
  gint64 started = g_get_monotonic_time ();

  if (harness_failed (h) || !g_file_test (h->path, G_FILE_TEST_EXISTS))
    return;
  db = tsu_database_open (h->path, &error);
  if (db == NULL)
    harness_fail (h, "tsu_database_open after the kill: %s", error->message);
  g_clear_object (&db);
  h->reopening_us += g_get_monotonic_time () - started;
}

/* ---- the test ------------------------------------------------------------ */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *text = g_getenv (name);

  return text != NULL && *text != '\0' ? (guint) g_ascii_strtoull (text, NULL, 10) : fallback;
}

static char *writer_path;

static void
test_kill_writer (void)
{
  Harness h = { 0 };
  guint kills = env_uint ("TSU_CRASH_KILLS", DEFAULT_KILLS);
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  h.seed = env_uint ("TSU_CRASH_SEED", DEFAULT_SEED);
  h.writer = writer_path;
  h.rand = g_rand_new_with_seed (h.seed);
  h.imports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  h.fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  h.websites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  h.lines = g_ptr_array_new_with_free_func (g_free);
  h.failure = g_string_new (NULL);
  h.folder = g_dir_make_tmp ("tsu-crash-XXXXXX", &error);
  g_assert_no_error (error);
  h.path = g_build_filename (h.folder, "tsunagu.db", NULL);

  g_test_message ("seed %u (TSU_CRASH_SEED=%u to run it again), %u kills, database %s",
                  h.seed, h.seed, kills, h.path);

  for (h.kill = 1; h.kill <= kills && !harness_failed (&h); h.kill++)
    {
      /* One kill in four 0–20 ms after the writer announces an import,
       * inside its transaction; one in four 0–3 ms after it announces a
       * single-record change, so before, during or just after its commit;
       * one in ten early, while the writer opens the file; the others
       * anywhere up to 400 ms. */
      double how = g_rand_double (h.rand);
      KillWhen when = how < 0.25 ? KILL_IN_IMPORT : how < 0.5 ? KILL_IN_EDIT : KILL_AFTER_DELAY;
      guint nth = when == KILL_IN_IMPORT ? (guint) g_rand_int_range (h.rand, 1, 3)
                  : (guint) g_rand_int_range (h.rand, 1, 11);
      guint delay_us = when == KILL_IN_IMPORT ? (guint) g_rand_int_range (h.rand, 0, 20001)
                       : when == KILL_IN_EDIT ? (guint) g_rand_int_range (h.rand, 0, 3001)
                       : how < 0.6 ? (guint) g_rand_int_range (h.rand, 1000, 30000)
                       : (guint) g_rand_int_range (h.rand, 30000, 400001);
      gint64 started_run = g_get_monotonic_time ();

      g_ptr_array_set_size (h.lines, 0);
      run_writer (&h, when, nth, delay_us);
      h.writing_us += g_get_monotonic_time () - started_run;
      /* Every other time the program itself is first to open the file
       * as the kill left it (its write-ahead log not yet recovered), as
       * after a crash; the other times the plain checks see it first. */
      if (h.kill % 2 == 1)
        reopen_with_store (&h);
      check_database (&h);
      if (h.kill % 2 == 0)
        reopen_with_store (&h);
      if (h.kill % 100 == 0 && h.kill < kills && !harness_failed (&h))
        g_test_message ("%u kills, all well", h.kill);
    }

  if (harness_failed (&h))
    {
      g_test_message ("the writer's last lines:");
      for (guint i = h.lines->len > 12 ? h.lines->len - 12 : 0; i < h.lines->len; i++)
        g_test_message ("  %s", (const char *) g_ptr_array_index (h.lines, i));
      g_test_message ("FAILED: %s", h.failure->str);
      g_test_message ("seed %u (TSU_CRASH_SEED=%u); the database is kept in %s", h.seed, h.seed, h.folder);
      g_test_fail ();
    }
  else
    {
      g_test_message ("%u kills in %.1f s: %u operations committed (%u imports); killed in flight: "
                      "%u imports (%u applied), %u edits (%u applied); %u before the first line",
                      kills, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC,
                      h.committed, h.imports_committed, h.in_flight_imports, h.in_flight_imports_applied,
                      h.in_flight_edits, h.in_flight_edits_applied, h.killed_before_open);
      g_test_message ("time: %.1f s writing, %.1f s checking, %.1f s opening again",
                      h.writing_us / (double) G_USEC_PER_SEC, h.checking_us / (double) G_USEC_PER_SEC,
                      h.reopening_us / (double) G_USEC_PER_SEC);
      /* A harness whose writer never got anything done tests nothing. */
      if (kills >= 50)
        {
          g_assert_cmpuint (h.imports_committed, >, 0);
          g_assert_cmpuint (h.committed, >, h.imports_committed);
          g_assert_cmpuint (h.in_flight_imports, >, 0);
          g_assert_cmpuint (h.in_flight_edits, >, 0);
        }
      if (g_getenv ("TSU_CRASH_KEEP") == NULL)
        remove_tree (h.folder);
      else
        g_test_message ("the database is kept in %s", h.folder);
    }

  g_hash_table_unref (h.imports);
  g_hash_table_unref (h.fields);
  g_hash_table_unref (h.websites);
  g_ptr_array_unref (h.lines);
  g_string_free (h.failure, TRUE);
  g_rand_free (h.rand);
  g_free (h.pending);
  g_free (h.path);
  g_free (h.folder);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *folder = g_path_get_dirname (argv[0]);
  int status;

  /* Messages quote Japanese values. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  writer_path = g_strdup (g_getenv ("TSU_CRASH_WRITER"));
  if (writer_path == NULL)
    writer_path = g_build_filename (folder, "crash-writer", NULL);

  g_test_add_func ("/crash/kill-writer", test_kill_writer);
  status = g_test_run ();
  g_free (writer_path);
  return status;
}
