/* tsu-import-private.h: the header and row machinery shared by the CSV
 * imports of every kind (private to the store).
 *
 * Each kind describes its columns and imports one row at a time; the
 * shared part reads the file, matches the header (English or Japanese
 * names), reports every bad row as "FILE:LINE: column NAME: …" and runs
 * the whole file in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-csv.h"
#include "tsu-import.h"

G_BEGIN_DECLS

/* A column of an import format: its English name, the Japanese names
 * CLI.md accepts for it (NULL-terminated), and whether a file must have
 * it. The Japanese names are fixed by the CSV contract, not translations. */
typedef struct
{
  const char *name;
  const char *aliases[4];
  gboolean    required;
} TsuImportColumn;

#define TSU_IMPORT_MAX_COLUMNS 20
/* Cells of a row beyond this many are checked the slow way. */
#define TSU_IMPORT_MAX_CELLS 64

typedef struct
{
  TsuDatabase           *db;
  const char            *display;     /* the file as the user named it */
  TsuImportFlags         flags;
  const TsuImportColumn *columns;
  guint                  n_columns;
  int                    position[TSU_IMPORT_MAX_COLUMNS];  /* cell index, -1 when absent */
  const char            *header[TSU_IMPORT_MAX_COLUMNS];    /* the name as the file writes it */
  TsuImportResult       *result;
  gboolean               row_bad;
  /* Columns already reported on this row, so that the store's own check
   * of the same field does not say it a second time. */
  gboolean               reported[TSU_IMPORT_MAX_COLUMNS];
  /* Event key (normalised) → TsuEvent, or a key with no value for a key
   * that names no event; for the files that name events. */
  GHashTable            *events;
  /* Cell positions under a column of the header. */
  gboolean               named[TSU_IMPORT_MAX_CELLS];
  /* What tsu_import_lookup() and tsu_import_parse_date() made of each
   * text they were given: a big file repeats the same few values (wards,
   * statuses, dates) on every row. */
  GHashTable            *parsed[TSU_IMPORT_MAX_COLUMNS];
  GHashTable            *dates;
} TsuImport;

/* Imports one row (not blank; its cells trimmed). Bad cells are
 * reported with tsu_import_problem() and the row goes on to report the
 * rest; FALSE with @error only when the database fails. */
typedef gboolean (*TsuImportRowFunc) (TsuImport     *imp,
                                      TsuCsvRecord  *record,
                                      gpointer       data,
                                      GError       **error);

/* Reads @path, matches the header against @columns and imports every row
 * with @import_row in one transaction: rolled back when any row is bad
 * or with TSU_IMPORT_FLAGS_DRY_RUN, and then @tables (NULL-terminated)
 * are announced as changed so that views drop what was undone. */
TsuImportResult *tsu_import_run_file   (TsuDatabase            *db,
                                        const char             *path,
                                        TsuImportFlags          flags,
                                        const TsuImportColumn  *columns,
                                        guint                   n_columns,
                                        TsuImportRowFunc        import_row,
                                        gpointer                data,
                                        const char * const     *tables,
                                        GError                **error);

/* "FILE:LINE: column COLUMN: MESSAGE" for a column the format does not
 * know (a header cell, a cell beyond the header, "-" for the row). */
void             tsu_import_problem_at (TsuImport    *imp,
                                        guint         line,
                                        const char   *column,
                                        const char   *message);
/* The same for a column of the format, named as the file names it. */
void             tsu_import_problem    (TsuImport    *imp,
                                        guint         line,
                                        int           column,
                                        const char   *format,
                                        ...) G_GNUC_PRINTF (4, 5);

gboolean         tsu_import_has_column (TsuImport    *imp,
                                        int           column);
/* The trimmed cell, "" when the column is absent or the row short. */
const char      *tsu_import_cell       (TsuImport    *imp,
                                        TsuCsvRecord *record,
                                        int           column);
/* A text cell that must not be empty. */
void             tsu_import_require    (TsuImport    *imp,
                                        TsuCsvRecord *record,
                                        int           column,
                                        const char   *message);
/* NFKC and trimmed. */
char            *tsu_import_normalize  (const char   *text);
/* An ISO date from any form tsu_date_parse() accepts, NULL for an empty
 * cell; reported when it is not a date. */
gboolean         tsu_import_parse_date (TsuImport     *imp,
                                        TsuCsvRecord  *record,
                                        int            column,
                                        char         **iso);

/* Parses a cell's text into a vocabulary value (a TsuWard, a status…). */
typedef gboolean (*TsuImportParseFunc) (const char *text,
                                        guint      *value);

/* @parse (@text) for column @column, remembered for the rest of the file:
 * TRUE with *@value, or FALSE when @text is not a value of the
 * vocabulary (the caller reports it). */
gboolean         tsu_import_lookup     (TsuImport          *imp,
                                        int                 column,
                                        const char         *text,
                                        TsuImportParseFunc  parse,
                                        guint              *value);

/* The store's validation problems (fields named by property name, such
 * as "starts-at" or "event-id") on the columns they belong to, except
 * columns already reported on this row. */
void             tsu_import_report_field_problems (TsuImport    *imp,
                                                   TsuCsvRecord *record,
                                                   GPtrArray    *problems);
/* After a failed save: a check the store makes on its own
 * (TSU_STORE_ERROR_INVALID) is reported on the row and cleared (TRUE);
 * anything else means the database failed (FALSE, @error kept). */
gboolean         tsu_import_save_failed (TsuImport     *imp,
                                         TsuCsvRecord  *record,
                                         GError       **error);
void             tsu_import_count_saved (TsuImport     *imp,
                                         gboolean       is_update);

G_END_DECLS
