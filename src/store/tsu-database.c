/* tsu-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/vfs.h>

#include "tsu-database-private.h"
#include "tsu-audit.h"
#include "tsu-backup.h"
#include "tsu-database.h"
#include "tsu-kana.h"

struct _TsuDatabase
{
  GObject     parent_instance;

  char       *path;
  char       *backup_folder;
  sqlite3    *handle;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       transaction_depth;

  /* The audit trail's change id of the top-level transaction under way,
   * taken when its first row is written (0: none yet), and of the last
   * committed one. */
  gint64      current_change;
  gint64      last_change;
  gboolean    undoing;
};

G_DEFINE_TYPE (TsuDatabase, tsu_database, G_TYPE_OBJECT)

enum {
  CHANGED,
  CHANGE_COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (tsu-store-error-quark, tsu_store_error)

TsuFieldProblem *
tsu_field_problem_new (const char *field,
                       const char *message)
{
  TsuFieldProblem *problem = g_new0 (TsuFieldProblem, 1);

  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  return problem;
}

void
tsu_field_problem_free (TsuFieldProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
tsu_database_finalize (GObject *object)
{
  TsuDatabase *self = TSU_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    {
      /* Folds the WAL back into the file so that a copy of the .db alone is
       * complete. */
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_folder, g_free);

  G_OBJECT_CLASS (tsu_database_parent_class)->finalize (object);
}

static void
tsu_database_class_init (TsuDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tsu_database_finalize;

  /**
   * TsuDatabase::changed:
   * @table: the table whose rows changed
   *
   * Emitted after a committed write, so that views reload.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * TsuDatabase::change-committed:
   * @change_id: the audit trail's id of the change
   *
   * Emitted after a top-level transaction that changed rows has
   * committed, except for an undo, so that a window can offer to undo it.
   */
  signals[CHANGE_COMMITTED] = g_signal_new ("change-committed",
                                            G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
tsu_database_init (TsuDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}

char *
tsu_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tsunagu", "tsunagu.db", NULL);
}

static void
set_error_from_code (GError    **error,
                     int         code,
                     const char *detail)
{
  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_BUSY,
                   _("The database is in use by another copy of Tsunagu and stayed locked. Try again in a moment."));
      break;
    case SQLITE_READONLY:
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_READ_ONLY,
                   _("The database cannot be written: the file or its folder is read-only."));
      break;
    case SQLITE_FULL:
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NO_SPACE,
                   _("The disk is full. This change was not saved; what was saved before is safe. Free some space and try again."));
      break;
    case SQLITE_NOTADB:
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_TSUNAGU,
                   _("The file is damaged or is not a Tsunagu database."));
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_DAMAGED,
                   _("The database file is damaged. Nothing more was written to it; restore the newest backup (Restore… in the menu, or “tsunagu restore”)."));
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                   _("The database file cannot be opened: check that the folder exists and that you may write to it."));
      break;
    default:
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_FAILED,
                   /* Translators: %s is SQLite's own message, in English */
                   _("The database reported an error: %s"), detail);
      break;
    }
}

void
tsu_database_set_error (TsuDatabase  *self,
                        GError      **error)
{
  set_error_from_code (error, sqlite3_extended_errcode (self->handle),
                       sqlite3_errmsg (self->handle));
}

/* SQL functions so that sort keys can be computed inside statements and
 * recomputed in place when ICU's rules change. */
static void
sql_sort_key (sqlite3_context *context,
              int              argc,
              sqlite3_value  **argv)
{
  g_autoptr(GBytes) key = tsu_kana_sort_key ((const char *) sqlite3_value_text (argv[0]));
  gsize size;
  gconstpointer data = g_bytes_get_data (key, &size);

  sqlite3_result_blob (context, data, (int) size, SQLITE_TRANSIENT);
}

static void
sql_organization_sort_key (sqlite3_context *context,
                           int              argc,
                           sqlite3_value  **argv)
{
  g_autofree char *stripped = tsu_reading_strip_legal_form ((const char *) sqlite3_value_text (argv[0]));
  g_autoptr(GBytes) key = tsu_kana_sort_key (stripped);
  gsize size;
  gconstpointer data = g_bytes_get_data (key, &size);

  sqlite3_result_blob (context, data, (int) size, SQLITE_TRANSIENT);
}

static void
sql_normalize (sqlite3_context *context,
               int              argc,
               sqlite3_value  **argv)
{
  g_autofree char *normalized = tsu_kana_normalize ((const char *) sqlite3_value_text (argv[0]));

  sqlite3_result_text (context, normalized, -1, SQLITE_TRANSIENT);
}

/* The audit triggers call tsu_change_id () for every row they log: the
 * first call of a top-level transaction takes the next free id, which is
 * safe because BEGIN IMMEDIATE holds the write lock until COMMIT. */
static void
sql_change_id (sqlite3_context *context,
               int              argc,
               sqlite3_value  **argv)
{
  TsuDatabase *self = sqlite3_user_data (context);

  if (self->current_change == 0)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (self->handle, "SELECT coalesce (max (change_id), 0) + 1 FROM audit_log",
                              -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW)
        self->current_change = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (self->current_change == 0)
        {
          sqlite3_result_error (context, "audit_log cannot be read", -1);
          return;
        }
    }
  sqlite3_result_int64 (context, self->current_change);
}

static void
sql_user (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  sqlite3_result_text (context, g_get_user_name (), -1, SQLITE_STATIC);
}

static gboolean
exec (sqlite3     *handle,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, sqlite3_extended_errcode (handle),
                           message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* A change is over at the top-level COMMIT, or at once for a statement
 * run outside a transaction (SQLite commits it by itself). */
static void
end_change (TsuDatabase *self)
{
  gint64 change = self->current_change;

  if (self->transaction_depth > 0 || change == 0)
    return;
  self->last_change = change;
  self->current_change = 0;
  if (!self->undoing)
    g_signal_emit (self, signals[CHANGE_COMMITTED], 0, change);
}

gboolean
tsu_database_exec (TsuDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (TSU_IS_DATABASE (self), FALSE);
  ok = exec (self->handle, sql, error);
  end_change (self);
  return ok;
}

static int
query_int (sqlite3    *handle,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* Looks at an existing file without writing to it: opened read-only, and
 * only with queries that change nothing, so that a file that turns out not
 * to be ours is left byte-for-byte as it was. @check_pages also reads every
 * page (PRAGMA quick_check), which is done before the day's backup so that
 * a damaged file never rotates a good backup away. */
static gboolean
inspect_existing_file (const char  *path,
                       gboolean     check_pages,
                       int         *out_version,
                       GError     **error)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int application_id = 0, user_version = 0, tables = 0;
  int rc;
  gboolean pages_ok = TRUE;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *header = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);

  *out_version = 0;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” cannot be read: %s"), display, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” is not a file."), display);
      return FALSE;
    }
  /* An empty file is a new database, as after "touch". */
  if (g_file_info_get_size (info) == 0)
    return TRUE;

  {
    g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &local_error);

    header = g_malloc0 (100);
    if (stream == NULL
        || !g_input_stream_read_all (G_INPUT_STREAM (stream), header, 100, &length, NULL, &local_error))
      {
        g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                     _("“%s” cannot be read: %s"), display, local_error->message);
        return FALSE;
      }
  }
  if (length < 100 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_TSUNAGU,
                   _("“%s” is not a Tsunagu database. It was not opened and has not been changed."),
                   display);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = query_int (handle, "PRAGMA application_id", &application_id);
  if (rc == SQLITE_OK)
    rc = query_int (handle, "PRAGMA user_version", &user_version);
  if (rc == SQLITE_OK)
    rc = query_int (handle, "SELECT count(*) FROM sqlite_schema", &tables);
  if (rc == SQLITE_OK && check_pages
      && application_id == TSU_DATABASE_APPLICATION_ID && user_version <= TSU_DATABASE_SCHEMA_VERSION)
    {
      rc = sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          rc = sqlite3_step (stmt);
          pages_ok = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
          rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? SQLITE_OK : rc;
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close_v2 (handle);

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_BUSY)
        set_error_from_code (error, rc, sqlite3_errstr (rc));
      else if (application_id == TSU_DATABASE_APPLICATION_ID)
        pages_ok = FALSE;
      else
        g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_TSUNAGU,
                     _("“%s” is damaged or is not a Tsunagu database. It was not opened and has not been changed."),
                     display);
      if ((rc & 0xff) == SQLITE_BUSY || application_id != TSU_DATABASE_APPLICATION_ID)
        return FALSE;
    }
  if (!pages_ok)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_DAMAGED,
                   _("“%s” is a Tsunagu database, but it is damaged. It was not opened and has not been changed."),
                   display);
      return FALSE;
    }

  /* An SQLite file with no tables at all can become ours. */
  if (application_id != TSU_DATABASE_APPLICATION_ID && tables > 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_TSUNAGU,
                   _("“%s” is a database of another program, not of Tsunagu. It was not opened and has not been changed."),
                   display);
      return FALSE;
    }
  if (user_version > TSU_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Tsunagu. Install the newer version to open it; the file has not been changed."),
                   display);
      return FALSE;
    }
  *out_version = user_version;
  return TRUE;
}

/* ---- migrations: one function per schema version -------------------- */

static gboolean
migrate_to_1 (TsuDatabase  *self,
              GError      **error)
{
  static const char sql[] =
    "CREATE TABLE settings ("
    "  key   TEXT PRIMARY KEY,"
    "  value TEXT"
    ");"
    "CREATE TABLE organizations ("
    "  id          INTEGER PRIMARY KEY,"
    "  legal_form  TEXT,"
    "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),"
    "  reading     TEXT NOT NULL CHECK (length (trim (reading)) > 0),"
    "  sort_key    BLOB NOT NULL,"
    "  search_key  TEXT NOT NULL,"
    "  kind        TEXT NOT NULL DEFAULT 'member'"
    "              CHECK (kind IN ('member', 'government', 'partner')),"
    "  fields      TEXT,"            /* ';'-separated fields of activity */
    "  ward        TEXT,"
    "  address     TEXT,"
    "  phone       TEXT,"
    "  email       TEXT,"
    "  website     TEXT,"
    "  hours       TEXT,"
    "  joined_on   TEXT,"            /* YYYY-MM-DD */
    "  left_on     TEXT,"
    "  notes       TEXT,"
    "  version     INTEGER NOT NULL DEFAULT 1,"  /* bumped on each write */
    "  created_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  updated_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  deleted_at  TEXT"             /* kept until purged, so delete can be undone */
    ");"
    "CREATE INDEX organizations_by_sort_key ON organizations (sort_key, name);"
    "CREATE TABLE people ("
    "  id              INTEGER PRIMARY KEY,"
    "  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
    "  name            TEXT NOT NULL CHECK (length (trim (name)) > 0),"
    "  reading         TEXT NOT NULL CHECK (length (trim (reading)) > 0),"
    "  sort_key        BLOB NOT NULL,"
    "  search_key      TEXT NOT NULL,"
    "  title           TEXT,"
    "  phone           TEXT,"
    "  email           TEXT,"
    "  is_primary      INTEGER NOT NULL DEFAULT 0,"
    "  version         INTEGER NOT NULL DEFAULT 1,"
    "  created_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  updated_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  deleted_at      TEXT"
    ");"
    "CREATE INDEX people_by_organization ON people (organization_id, sort_key);";

  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", TSU_DATABASE_APPLICATION_ID);

  if (!exec (self->handle, sql, error))
    return FALSE;
  return exec (self->handle, set_id, error);
}

/* Version 2: the event planner. */
static gboolean
migrate_to_2 (TsuDatabase  *self,
              GError      **error)
{
  static const char sql[] =
    "CREATE TABLE events ("
    "  id          INTEGER PRIMARY KEY,"
    "  key         TEXT NOT NULL UNIQUE CHECK (length (trim (key)) > 0),"
    "  kind        TEXT NOT NULL DEFAULT 'meeting' CHECK (kind IN"
    "              ('meeting', 'tour', 'training', 'workshop', 'case-study', 'other')),"
    "  number      INTEGER NOT NULL DEFAULT 0 CHECK (number >= 0),"
    "  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),"
    "  starts_at   TEXT NOT NULL,"        /* YYYY-MM-DD or YYYY-MM-DDTHH:MM */
    "  ends_at     TEXT,"
    "  venue       TEXT,"
    "  organizer   TEXT,"
    "  pillars     INTEGER NOT NULL DEFAULT 0 CHECK (pillars BETWEEN 0 AND 15),"
    "  status      TEXT NOT NULL DEFAULT 'planned'"
    "              CHECK (status IN ('planned', 'held', 'cancelled')),"
    "  capacity    INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),"
    "  budget_line TEXT,"
    "  notes       TEXT,"
    "  version     INTEGER NOT NULL DEFAULT 1,"
    "  created_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  updated_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  deleted_at  TEXT"
    ");"
    "CREATE INDEX events_by_start ON events (starts_at);"
    "CREATE TABLE event_sessions ("
    "  id          INTEGER PRIMARY KEY,"
    "  event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
    "  position    INTEGER NOT NULL CHECK (position > 0),"
    "  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),"
    "  lecturer    TEXT,"
    "  starts_at   TEXT,"
    "  ends_at     TEXT,"
    "  place       TEXT,"
    "  capacity    INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),"
    "  head_count  INTEGER CHECK (head_count >= 0),"   /* NULL: not counted */
    "  version     INTEGER NOT NULL DEFAULT 1,"
    "  UNIQUE (event_id, position)"
    ");"
    "CREATE TABLE attendees ("
    "  id              INTEGER PRIMARY KEY,"
    "  event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
    "  person_id       INTEGER REFERENCES people (id) ON DELETE SET NULL,"
    "  organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,"
    "  affiliation     TEXT,"              /* for people from outside */
    "  name            TEXT NOT NULL CHECK (length (trim (name)) > 0),"
    "  reading         TEXT NOT NULL CHECK (length (trim (reading)) > 0),"
    "  sort_key        BLOB NOT NULL,"
    "  affiliation_key BLOB,"
    "  search_key      TEXT NOT NULL,"
    "  title           TEXT,"
    "  status          TEXT NOT NULL DEFAULT 'registered'"
    "                  CHECK (status IN ('registered', 'attended', 'absent', 'cancelled')),"
    "  walk_in         INTEGER NOT NULL DEFAULT 0,"
    "  version         INTEGER NOT NULL DEFAULT 1,"
    "  created_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  updated_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now'))"
    ");"
    "CREATE INDEX attendees_by_event ON attendees (event_id);"
    "CREATE TABLE attendee_sessions ("
    "  attendee_id INTEGER NOT NULL REFERENCES attendees (id) ON DELETE CASCADE,"
    "  session_id  INTEGER NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (attendee_id, session_id)"
    ");"
    "CREATE TABLE agenda_items ("
    "  id        INTEGER PRIMARY KEY,"
    "  event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
    "  position  INTEGER NOT NULL,"
    "  title     TEXT NOT NULL CHECK (length (trim (title)) > 0),"
    "  summary   TEXT,"
    "  UNIQUE (event_id, position)"
    ");"
    "CREATE TABLE remarks ("
    "  id             INTEGER PRIMARY KEY,"
    "  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,"
    "  position       INTEGER NOT NULL,"
    "  kind           TEXT NOT NULL CHECK (kind IN ('member', 'city')),"
    "  organization   TEXT,"
    "  text           TEXT NOT NULL CHECK (length (trim (text)) > 0),"
    "  UNIQUE (agenda_item_id, position)"
    ");";

  return exec (self->handle, sql, error);
}

/* Version 3: the budget ledger. */
static gboolean
migrate_to_3 (TsuDatabase  *self,
              GError      **error)
{
  static const char sql[] =
    "CREATE TABLE budget_lines ("
    "  id          INTEGER PRIMARY KEY,"
    "  fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1900 AND 2999),"
    "  position    INTEGER NOT NULL CHECK (position > 0),"
    "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),"
    "  description TEXT,"
    "  purpose     TEXT,"
    "  timing      TEXT,"
    "  contractor  TEXT NOT NULL CHECK (length (trim (contractor)) > 0),"
    "  amount      INTEGER NOT NULL CHECK (amount BETWEEN 0 AND 999999999999),"
    "  pillars     INTEGER NOT NULL DEFAULT 0 CHECK (pillars BETWEEN 0 AND 15),"
    "  funding     TEXT NOT NULL DEFAULT 'national' CHECK (funding IN ('national', 'city')),"
    "  draft       INTEGER NOT NULL DEFAULT 0,"
    "  version     INTEGER NOT NULL DEFAULT 1,"
    "  created_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  updated_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  deleted_at  TEXT"
    ");"
    "CREATE INDEX budget_lines_by_year ON budget_lines (fiscal_year, position);"
    "CREATE TABLE payments ("
    "  id             INTEGER PRIMARY KEY,"
    "  budget_line_id INTEGER NOT NULL REFERENCES budget_lines (id) ON DELETE CASCADE,"
    "  paid_on        TEXT NOT NULL,"
    "  amount         INTEGER NOT NULL CHECK (amount BETWEEN 0 AND 999999999999),"
    "  memo           TEXT,"
    "  version        INTEGER NOT NULL DEFAULT 1,"
    "  created_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now'))"
    ");"
    "CREATE INDEX payments_by_line ON payments (budget_line_id, paid_on);"
    "CREATE TABLE contractors ("
    "  id   INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0)"
    ");";

  return exec (self->handle, sql, error);
}

/* Version 4: the referral tracker. A case is a person by code only; the
 * history keeps every change of a case or its referrals, so a case row is
 * never deleted (the history's foreign key refuses it). Vocabularies are
 * stored as the codes of CLI.md; wards as their Japanese names. */
static gboolean
migrate_to_4 (TsuDatabase  *self,
              GError      **error)
{
  static const char sql[] =
    "CREATE TABLE cases ("
    "  id                 INTEGER PRIMARY KEY,"
    "  code               TEXT NOT NULL UNIQUE"
    "                     CHECK (code GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),"
    "  received_on        TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  entrance           TEXT NOT NULL CHECK (length (trim (entrance)) > 0),"
    "  ward               TEXT CHECK (ward IN ('門司区', '小倉北区', '小倉南区', '若松区',"
    "                     '八幡東区', '八幡西区', '戸畑区')),"
    "  age_band           TEXT NOT NULL DEFAULT 'unknown'"
    "                     CHECK (age_band IN ('under-20', '20s', '30s', '40s', '50s', '60s', '70s',"
    "                     '80-plus', 'unknown')),"
    "  foreign_resident   INTEGER NOT NULL DEFAULT 0 CHECK (foreign_resident IN (0, 1)),"
    "  language           TEXT,"
    "  concerns           INTEGER NOT NULL DEFAULT 0 CHECK (concerns BETWEEN 0 AND 16383),"
    "  contact            TEXT NOT NULL DEFAULT 'other'"
    "                     CHECK (contact IN ('phone', 'visit', 'outreach', 'other')),"
    "  consent            TEXT NOT NULL DEFAULT 'pending' CHECK (consent IN ('pending', 'yes', 'no')),"
    "  consent_on         TEXT,"
    "  consent_how        TEXT,"
    "  legal_basis        TEXT CHECK (legal_basis IN ('consent', 'support-meeting', 'council',"
    "                     'vital-interest')),"
    "  support_meeting    INTEGER NOT NULL DEFAULT 0 CHECK (support_meeting IN (0, 1)),"
    "  support_meeting_on TEXT,"
    "  notes              TEXT,"
    "  version            INTEGER NOT NULL DEFAULT 1,"
    "  created_at         TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  updated_at         TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now'))"
    ");"
    "CREATE INDEX cases_by_received ON cases (received_on);"
    "CREATE TABLE referrals ("
    "  id          INTEGER PRIMARY KEY,"
    "  case_id     INTEGER NOT NULL REFERENCES cases (id),"
    "  from_place  TEXT NOT NULL CHECK (length (trim (from_place)) > 0),"
    "  to_place    TEXT NOT NULL CHECK (length (trim (to_place)) > 0),"
    "  referred_on TEXT NOT NULL CHECK (referred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  due_on      TEXT NOT NULL CHECK (due_on >= referred_on),"
    "  status      TEXT NOT NULL DEFAULT 'sent'"
    "              CHECK (status IN ('sent', 'accepted', 'declined', 'connected', 'not-connected',"
    "              'withdrawn')),"
    "  reason      TEXT CHECK (reason IN ('unreachable', 'refused', 'no-capacity', 'ineligible',"
    "              'no-longer-needed', 'other')),"
    "  closed_on   TEXT CHECK (closed_on IS NULL OR closed_on >= referred_on),"
    "  override    TEXT,"
    "  version     INTEGER NOT NULL DEFAULT 1,"
    "  created_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  updated_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%S', 'now')),"
    "  CHECK (status NOT IN ('declined', 'not-connected') OR reason IS NOT NULL)"
    ");"
    "CREATE INDEX referrals_by_case ON referrals (case_id);"
    "CREATE INDEX referrals_by_date ON referrals (referred_on);"
    "CREATE TABLE history ("
    "  id         INTEGER PRIMARY KEY,"
    "  case_id    INTEGER NOT NULL REFERENCES cases (id),"
    "  changed_at TEXT NOT NULL,"
    "  user       TEXT NOT NULL,"
    "  record     TEXT NOT NULL CHECK (record IN ('case', 'referral')),"
    "  record_id  INTEGER NOT NULL,"
    "  field      TEXT NOT NULL,"
    "  old_value  TEXT,"
    "  new_value  TEXT"
    ");"
    "CREATE INDEX history_by_case ON history (case_id, id);";

  return exec (self->handle, sql, error);
}

/* Version 5: the audit trail (see tsu-audit.h). Rows are linked to the
 * record they belong to (parent_table, parent_id) so that the history of an
 * organisation includes its people; the triggers that fill it are
 * (re)installed after the last migration, whatever it was. */
static gboolean
migrate_to_5 (TsuDatabase  *self,
              GError      **error)
{
  static const char sql[] =
    "CREATE TABLE audit_log ("
    "  id           INTEGER PRIMARY KEY,"
    "  change_id    INTEGER NOT NULL,"
    "  changed_at   TEXT NOT NULL,"
    "  user         TEXT NOT NULL,"
    "  table_name   TEXT NOT NULL,"
    "  row_id       INTEGER NOT NULL,"
    "  parent_table TEXT,"
    "  parent_id    INTEGER,"
    "  action       TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),"
    "  old_values   TEXT,"     /* JSON object of every column, NULL for an insert */
    "  new_values   TEXT"      /* NULL for a delete */
    ");"
    "CREATE INDEX audit_log_by_change ON audit_log (change_id);"
    "CREATE INDEX audit_log_by_row ON audit_log (table_name, row_id);"
    "CREATE INDEX audit_log_by_parent ON audit_log (parent_table, parent_id);";

  return exec (self->handle, sql, error);
}

/* Version 6: when an event's sign-in sheet (受付簿) was last printed or
 * saved as PDF, so the overview can remind of events that have none. */
static gboolean
migrate_to_6 (TsuDatabase  *self,
              GError      **error)
{
  static const char sql[] =
    "ALTER TABLE events ADD COLUMN sign_in_printed_at TEXT;";   /* YYYY-MM-DDTHH:MM:SS */

  return exec (self->handle, sql, error);
}

typedef gboolean (*MigrationFunc) (TsuDatabase *self, GError **error);

/* migrations[n] takes the schema from version n to n + 1. */
static const MigrationFunc migrations[] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  migrate_to_4,
  migrate_to_5,
  migrate_to_6,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TSU_DATABASE_SCHEMA_VERSION);

static gboolean
migrate (TsuDatabase  *self,
         GError      **error)
{
  int version = 0;

  if (query_int (self->handle, "PRAGMA user_version", &version) != SQLITE_OK)
    {
      tsu_database_set_error (self, error);
      return FALSE;
    }

  for (int v = version; v < TSU_DATABASE_SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      if (!tsu_database_begin (self, error))
        return FALSE;
      if (!migrations[v] (self, error)
          || (v + 1 == TSU_DATABASE_SCHEMA_VERSION && !tsu_audit_install_triggers (self, error))
          || !exec (self->handle, set_version, error))
        {
          tsu_database_rollback (self);
          return FALSE;
        }
      if (!tsu_database_commit (self, error))
        return FALSE;
    }
  return TRUE;
}

/* Sort keys depend on ICU's collation rules; recompute them all when the
 * rules the file was written with differ from ours. */
static gboolean
refresh_sort_keys (TsuDatabase  *self,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *stored = NULL;
  const char *current = tsu_kana_collation_version ();

  stmt = tsu_database_prepare (self, "SELECT value FROM settings WHERE key = 'collation'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stored = tsu_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);

  if (g_strcmp0 (stored, current) == 0)
    return TRUE;

  if (!tsu_database_begin (self, error))
    return FALSE;
  if (!exec (self->handle,
             "UPDATE organizations SET sort_key = tsu_organization_sort_key (reading);"
             "UPDATE people SET sort_key = tsu_sort_key (reading);"
             "UPDATE attendees SET sort_key = tsu_sort_key (reading),"
             " affiliation_key = tsu_organization_sort_key (affiliation);", error))
    goto fail;
  stmt = tsu_database_prepare (self, "INSERT OR REPLACE INTO settings (key, value) VALUES ('collation', ?)", error);
  if (stmt == NULL)
    goto fail;
  tsu_bind_text (stmt, 1, current);
  if (!tsu_database_step_done (self, stmt, error))
    goto fail;
  return tsu_database_commit (self, error);

fail:
  tsu_database_rollback (self);
  return FALSE;
}

/* Adds where the newest backup is to a message about a file that cannot
 * be opened, when that would help. */
static void
mention_newest_backup (GError     **error,
                       const char  *path,
                       const char  *backup_folder)
{
  g_autofree char *newest = NULL;

  if (error == NULL || *error == NULL || (*error)->domain != TSU_STORE_ERROR
      || ((*error)->code != TSU_STORE_ERROR_DAMAGED && (*error)->code != TSU_STORE_ERROR_NOT_TSUNAGU))
    return;
  newest = tsu_backup_find_newest (path, backup_folder);
  if (newest != NULL)
    {
      g_autofree char *display = g_filename_display_name (newest);

      /* Translators: the first %s is the message about a damaged file,
       * the second the path of a backup */
      char *message = g_strdup_printf (_("%s The newest backup is “%s”."), (*error)->message, display);

      g_free ((*error)->message);
      (*error)->message = message;
    }
}

static gboolean
has_backup_of_today (const char *path,
                     const char *folder)
{
  g_autoptr(GPtrArray) backups = tsu_backup_list (path, folder, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (backups == NULL || backups->len == 0)
    return FALSE;
  {
    TsuBackupInfo *newest = g_ptr_array_index (backups, 0);

    return g_date_time_get_year (newest->taken_at) == g_date_time_get_year (now)
           && g_date_time_get_day_of_year (newest->taken_at) == g_date_time_get_day_of_year (now);
  }
}

/* A folder the program may not write to makes SQLite fail later with a
 * less helpful message (it needs the -wal and -shm files beside the
 * database). */
static gboolean
check_folder_writable (const char  *folder,
                       GError     **error)
{
  g_autofree char *display = NULL;

  if (g_access (folder, W_OK) == 0)
    return TRUE;
  display = g_filename_display_name (folder);
  g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_READ_ONLY,
               _("The folder “%s” is read-only, so the database in it cannot be written. Copy the file to a folder you may write to, or ask for write permission."),
               display);
  return FALSE;
}

TsuDatabase *
tsu_database_open (const char  *path,
                   GError     **error)
{
  return tsu_database_open_full (path, NULL, error);
}

TsuDatabase *
tsu_database_open_full (const char            *path,
                        const TsuOpenOptions  *options,
                        GError               **error)
{
  static const TsuOpenOptions defaults = { 0 };
  g_autoptr(TsuDatabase) self = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *backup_folder = NULL;
  gboolean is_new, backup_due;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  backup_folder = options->backup_folder != NULL && *options->backup_folder != '\0'
                  ? g_strdup (options->backup_folder)
                  : tsu_backup_default_folder (path);

  is_new = !g_file_test (path, G_FILE_TEST_EXISTS);
  folder = g_path_get_dirname (path);
  /* Before looking inside: SQLite cannot even read a database in WAL mode
   * without writing its -shm file beside it. */
  if (!is_new && !check_folder_writable (folder, error))
    return NULL;
  backup_due = !is_new && !options->no_automatic_backup && !has_backup_of_today (path, backup_folder);
  if (!is_new && !inspect_existing_file (path, backup_due, &version, error))
    {
      mention_newest_backup (error, path, backup_folder);
      return NULL;
    }

  if (is_new && g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                   _("The folder “%s” cannot be created: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  if (is_new && !check_folder_writable (folder, error))
    return NULL;

  self = g_object_new (TSU_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->backup_folder = g_steal_pointer (&backup_folder);

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }
  if (sqlite3_db_readonly (self->handle, "main") == 1)
    {
      set_error_from_code (error, SQLITE_READONLY, "");
      return NULL;
    }
  /* Referral records are sensitive: only the owner may read the file. */
  if (is_new)
    g_chmod (path, 0600);

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);
  sqlite3_create_function (self->handle, "tsu_sort_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, sql_sort_key, NULL, NULL);
  sqlite3_create_function (self->handle, "tsu_organization_sort_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, sql_organization_sort_key, NULL, NULL);
  sqlite3_create_function (self->handle, "tsu_normalize", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, sql_normalize, NULL, NULL);
  sqlite3_create_function (self->handle, "tsu_change_id", 0, SQLITE_UTF8,
                           self, sql_change_id, NULL, NULL);
  sqlite3_create_function (self->handle, "tsu_user", 0, SQLITE_UTF8,
                           NULL, sql_user, NULL, NULL);

  if (!exec (self->handle,
             "PRAGMA foreign_keys = ON;"
             "PRAGMA journal_mode = WAL;"
             "PRAGMA synchronous = FULL;", error))
    return NULL;

  /* A migration rewrites tables: keep the file as it was first. */
  if (!is_new && version > 0 && version < TSU_DATABASE_SCHEMA_VERSION)
    {
      g_autofree char *reason = g_strdup_printf ("before-v%d", TSU_DATABASE_SCHEMA_VERSION);
      g_autofree char *taken = tsu_backup_take (self, self->backup_folder, reason, error);

      if (taken == NULL)
        return NULL;
    }
  else if (backup_due && version > 0)
    {
      g_autofree char *taken = tsu_backup_take (self, self->backup_folder, NULL, error);

      if (taken == NULL
          || !tsu_backup_rotate (path, self->backup_folder, options->keep_daily, options->keep_monthly, error))
        return NULL;
    }

  if (!tsu_database_migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
tsu_database_migrate (TsuDatabase  *self,
                      GError      **error)
{
  return migrate (self, error) && refresh_sort_keys (self, error);
}

void
tsu_database_set_undoing (TsuDatabase *self,
                          gboolean     undoing)
{
  self->undoing = undoing;
}

gint64
tsu_database_get_last_change (TsuDatabase *self)
{
  g_return_val_if_fail (TSU_IS_DATABASE (self), 0);
  end_change (self);
  return self->last_change;
}

const char *
tsu_database_get_backup_folder (TsuDatabase *self)
{
  g_return_val_if_fail (TSU_IS_DATABASE (self), NULL);
  return self->backup_folder;
}

/* statfs(2) magic numbers of the file systems whose byte-range locks
 * cannot be trusted between computers. */
gboolean
tsu_file_system_is_network (gint64 magic)
{
  switch ((guint32) magic)
    {
    case 0xFF534D42u:  /* CIFS */
    case 0xFE534D42u:  /* SMB2 */
    case 0x0000517Bu:  /* SMB */
    case 0x00006969u:  /* NFS */
    case 0x6B414653u:  /* AFS */
    case 0x5346414Fu:  /* OpenAFS */
    case 0x00564C43u:  /* NCP */
    case 0x65735546u:  /* FUSE (sshfs and the like) */
    case 0x01021997u:  /* 9P */
    case 0x47504653u:  /* GPFS */
    case 0x0BD00BD0u:  /* Lustre */
    case 0x19830326u:  /* FhGFS / BeeGFS */
    case 0x00C36400u:  /* Ceph */
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
tsu_database_is_on_network_share (TsuDatabase *self)
{
  struct statfs info;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (self), FALSE);

  /* Lets the tests see the warning without a file server. */
  if (g_strcmp0 (g_getenv ("TSUNAGU_TEST_NETWORK_SHARE"), "1") == 0)
    return TRUE;
  folder = g_path_get_dirname (self->path);
  if (statfs (folder, &info) != 0)
    return FALSE;
  return tsu_file_system_is_network ((gint64) info.f_type);
}

const char *
tsu_database_get_path (TsuDatabase *self)
{
  g_return_val_if_fail (TSU_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
tsu_database_get_handle (TsuDatabase *self)
{
  g_return_val_if_fail (TSU_IS_DATABASE (self), NULL);
  return self->handle;
}

sqlite3_stmt *
tsu_database_prepare (TsuDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  /* A write stepped by hand outside a transaction ended its change when
   * SQLite committed it; the next statement is the first chance to say
   * so. */
  end_change (self);
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      tsu_database_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
tsu_database_step_done (TsuDatabase   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      tsu_database_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  end_change (self);
  return TRUE;
}

gboolean
tsu_database_begin (TsuDatabase  *self,
                    GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (self), FALSE);

  /* IMMEDIATE takes the write lock up front, so that two copies of the
   * program wait for each other instead of failing half-way. */
  if (self->transaction_depth == 0)
    {
      sql = g_strdup ("BEGIN IMMEDIATE");
      self->current_change = 0;
    }
  else
    sql = g_strdup_printf ("SAVEPOINT tsu_%u", self->transaction_depth);
  if (!exec (self->handle, sql, error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
tsu_database_commit (TsuDatabase  *self,
                     GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE tsu_%u", self->transaction_depth - 1);
  if (!exec (self->handle, sql, error))
    {
      tsu_database_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  end_change (self);
  return TRUE;
}

void
tsu_database_rollback (TsuDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (TSU_IS_DATABASE (self));
  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO tsu_%u; RELEASE tsu_%u",
                           self->transaction_depth - 1, self->transaction_depth - 1);
  exec (self->handle, sql, NULL);
  self->transaction_depth--;
  if (self->transaction_depth == 0)
    self->current_change = 0;
}

gboolean
tsu_database_is_empty (TsuDatabase *self)
{
  int count = 0;

  g_return_val_if_fail (TSU_IS_DATABASE (self), FALSE);
  if (query_int (self->handle,
                 "SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM people)"
                 " + (SELECT count(*) FROM events) + (SELECT count(*) FROM budget_lines)"
                 " + (SELECT count(*) FROM cases)",
                 &count) != SQLITE_OK)
    return FALSE;
  return count == 0;
}

gboolean
tsu_database_backup (TsuDatabase  *self,
                     const char   *destination,
                     GError      **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  g_autofree char *partial = NULL;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  /* Write beside the destination and rename, so that an interrupted
   * backup never leaves a half-written file under the real name. */
  partial = g_strconcat (destination, ".partial", NULL);
  g_unlink (partial);
  rc = sqlite3_open_v2 (partial, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (destination);
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                   _("The backup “%s” cannot be written: %s"), display, sqlite3_errstr (rc));
      sqlite3_close_v2 (target);
      return FALSE;
    }
  g_chmod (partial, 0600);

  backup = sqlite3_backup_init (target, "main", self->handle, "main");
  if (backup == NULL)
    {
      set_error_from_code (error, sqlite3_extended_errcode (target), sqlite3_errmsg (target));
      sqlite3_close_v2 (target);
      g_unlink (partial);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      set_error_from_code (error, rc, sqlite3_errstr (rc));
      sqlite3_close_v2 (target);
      g_unlink (partial);
      return FALSE;
    }
  /* A backup is one self-contained file, not a WAL pair. */
  exec (target, "PRAGMA journal_mode = DELETE", NULL);
  sqlite3_close_v2 (target);

  if (g_rename (partial, destination) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (destination);

      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CANNOT_OPEN,
                   _("The backup “%s” cannot be written: %s"), display, g_strerror (saved_errno));
      g_unlink (partial);
      return FALSE;
    }
  return TRUE;
}

void
tsu_database_emit_changed (TsuDatabase *self,
                           const char  *table)
{
  g_return_if_fail (TSU_IS_DATABASE (self));
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
}

void
tsu_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
tsu_column_dup_text (sqlite3_stmt *stmt,
                     int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}
