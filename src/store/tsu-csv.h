/* tsu-csv.h: CSV as Excel reads and writes it (RFC 4180), in UTF-8 with
 * or without a byte-order mark or in Shift_JIS (CP932).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TSU_CSV_ERROR (tsu_csv_error_quark ())

typedef enum
{
  TSU_CSV_ERROR_ENCODING,   /* neither UTF-8 nor CP932 */
  TSU_CSV_ERROR_SYNTAX,     /* a quoted field that is never closed */
} TsuCsvError;

typedef enum
{
  TSU_CSV_ENCODING_UTF8,
  TSU_CSV_ENCODING_UTF8_BOM,
  TSU_CSV_ENCODING_CP932,
} TsuCsvEncoding;

/* One record: its cells, and the line of the file it starts on (1-based),
 * which is what error messages point at. */
typedef struct
{
  guint   line;
  GStrv   cells;
  guint   n_cells;
} TsuCsvRecord;

void       tsu_csv_record_free  (TsuCsvRecord    *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsuCsvRecord, tsu_csv_record_free)

GQuark     tsu_csv_error_quark  (void);

/* Detects the encoding of @data and returns it as UTF-8 without a BOM;
 * NULL with TSU_CSV_ERROR_ENCODING when it is neither. */
char      *tsu_csv_to_utf8      (const char      *data,
                                 gsize            length,
                                 TsuCsvEncoding  *encoding,
                                 GError         **error);

/* Splits UTF-8 text into records (TsuCsvRecord): fields separated by
 * commas, records by CRLF, LF or CR, fields in double quotes may hold
 * commas, line breaks and doubled quotes. Line breaks inside a quoted
 * field come out as "\n". A quoted field that is never closed fails with
 * TSU_CSV_ERROR_SYNTAX, the line it opened on in the message and in
 * @error_line. */
GPtrArray *tsu_csv_parse        (const char      *text,
                                 gsize            length,
                                 guint           *error_line,
                                 GError         **error);

/* The records of UTF-8 text one at a time, as tsu_csv_parse() splits
 * them, without holding them all: @text must outlive the reader. */
typedef struct _TsuCsvReader TsuCsvReader;

TsuCsvReader *tsu_csv_reader_new  (const char      *text,
                                   gsize            length);
void          tsu_csv_reader_free (TsuCsvReader    *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsuCsvReader, tsu_csv_reader_free)
/* The next record, or NULL at the end of the text, or NULL with
 * TSU_CSV_ERROR_SYNTAX (and the line in @error_line) for a quoted field
 * that is never closed, which can only be the last record. */
TsuCsvRecord *tsu_csv_reader_next (TsuCsvReader    *reader,
                                   guint           *error_line,
                                   GError         **error);

/* Reads a file and returns it as UTF-8 without a BOM (tsu_csv_to_utf8()). */
char      *tsu_csv_read_text    (const char      *path,
                                 TsuCsvEncoding  *encoding,
                                 GError         **error);
/* Reads a file, detecting its encoding, and parses it. */
GPtrArray *tsu_csv_read_file    (const char      *path,
                                 TsuCsvEncoding  *encoding,
                                 guint           *error_line,
                                 GError         **error);

/* Appends one record to @out, quoting where RFC 4180 needs it, ended by
 * CRLF as Excel expects. */
void       tsu_csv_append_record (GString            *out,
                                  const char * const *cells);

G_END_DECLS
