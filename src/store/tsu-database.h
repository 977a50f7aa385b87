/* tsu-database.h: the SQLite file behind everything Tsunagu keeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define TSU_STORE_ERROR (tsu_store_error_quark ())

typedef enum
{
  TSU_STORE_ERROR_NOT_TSUNAGU,  /* the file is not a Tsunagu database */
  TSU_STORE_ERROR_TOO_NEW,      /* written by a newer Tsunagu */
  TSU_STORE_ERROR_CANNOT_OPEN,  /* missing folder, permissions, … */
  TSU_STORE_ERROR_READ_ONLY,
  TSU_STORE_ERROR_BUSY,         /* another program holds the lock */
  TSU_STORE_ERROR_FAILED,       /* any other SQLite failure */
  TSU_STORE_ERROR_INVALID,      /* a record failed validation */
  TSU_STORE_ERROR_NOT_FOUND,
  TSU_STORE_ERROR_CONFLICT,     /* changed by someone else since loaded */
  TSU_STORE_ERROR_DAMAGED,      /* a Tsunagu database whose pages are damaged */
  TSU_STORE_ERROR_NO_SPACE,     /* the disk is full */
} TsuStoreError;

/* A validation problem tied to one field, so an editor can show the
 * message next to the entry it is about. */
typedef struct
{
  char *field;    /* property name, e.g. "reading" */
  char *message;  /* translated, for the user */
} TsuFieldProblem;

TsuFieldProblem *tsu_field_problem_new  (const char      *field,
                                         const char      *message);
void             tsu_field_problem_free (TsuFieldProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsuFieldProblem, tsu_field_problem_free)

/* The schema version this build writes; bumped with each migration. */
#define TSU_DATABASE_SCHEMA_VERSION 6
/* PRAGMA application_id of a Tsunagu file: "TSUN". */
#define TSU_DATABASE_APPLICATION_ID 0x5453554e

#define TSU_TYPE_DATABASE (tsu_database_get_type ())
G_DECLARE_FINAL_TYPE (TsuDatabase, tsu_database, TSU, DATABASE, GObject)

GQuark        tsu_store_error_quark    (void);

char         *tsu_database_default_path (void);

/* How a database is opened. All zero is what the program does by
 * default: an automatic backup into "backups" beside the file. */
typedef struct
{
  const char *backup_folder;        /* NULL: "backups" beside the database */
  guint       keep_daily;           /* 0: TSU_BACKUP_KEEP_DAILY_DEFAULT */
  guint       keep_monthly;         /* 0: TSU_BACKUP_KEEP_MONTHLY_DEFAULT */
  /* For a second connection of the same program (a worker thread): the
   * first one has taken the day's backup already. */
  gboolean    no_automatic_backup;
} TsuOpenOptions;

/* Opens (creating it if absent) and migrates a database. An existing file
 * is inspected read-only first and refused, untouched, when it is not a
 * Tsunagu database, is damaged or is of a newer version; the error message
 * then names the newest backup where there is one. Before a migration, and
 * once a day, a backup is taken (see tsu-backup.h). */
TsuDatabase  *tsu_database_open        (const char   *path,
                                        GError      **error);
TsuDatabase  *tsu_database_open_full   (const char           *path,
                                        const TsuOpenOptions *options,
                                        GError              **error);
/* The folder backups of this database go to. */
const char   *tsu_database_get_backup_folder (TsuDatabase *self);
/* TRUE when the file is on a network file system (SMB/CIFS, NFS, …), where
 * SQLite's locking cannot be trusted between PCs. */
gboolean      tsu_database_is_on_network_share (TsuDatabase *self);
gboolean      tsu_file_system_is_network (gint64 magic);
const char   *tsu_database_get_path    (TsuDatabase  *self);
sqlite3      *tsu_database_get_handle  (TsuDatabase  *self);

/* Prepared statements are cached per SQL text; the returned statement is
 * owned by the database, already reset and with its bindings cleared. */
sqlite3_stmt *tsu_database_prepare     (TsuDatabase  *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      tsu_database_exec        (TsuDatabase  *self,
                                        const char   *sql,
                                        GError      **error);
/* Steps a statement that returns no rows; FALSE with @error on failure. */
gboolean      tsu_database_step_done   (TsuDatabase  *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are
 * savepoints, so a store function can call another one safely. */
gboolean      tsu_database_begin       (TsuDatabase  *self,
                                        GError      **error);
gboolean      tsu_database_commit      (TsuDatabase  *self,
                                        GError      **error);
void          tsu_database_rollback    (TsuDatabase  *self);

gboolean      tsu_database_is_empty    (TsuDatabase  *self);
gboolean      tsu_database_backup      (TsuDatabase  *self,
                                        const char   *destination,
                                        GError      **error);

/* TsuDatabase::change-committed (gint64 change_id) is emitted after a
 * top-level transaction that changed rows has committed (not for an undo),
 * so that a window can offer to undo it; see tsu-audit.h. */

/* Tells views that rows of @table changed ("organizations", …). */
void          tsu_database_emit_changed (TsuDatabase *self,
                                         const char  *table);

/* Sets @error from the connection's last failure, with a message a
 * secretary can act on. */
void          tsu_database_set_error   (TsuDatabase  *self,
                                        GError      **error);

/* Binding helpers: empty text binds as NULL. */
void          tsu_bind_text            (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);
char         *tsu_column_dup_text      (sqlite3_stmt *stmt,
                                        int           column);

G_END_DECLS
