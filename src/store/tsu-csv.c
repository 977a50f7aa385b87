/* tsu-csv.c: CSV as Excel reads and writes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-csv.h"

G_DEFINE_QUARK (tsu-csv-error-quark, tsu_csv_error)

void
tsu_csv_record_free (TsuCsvRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->cells);
  g_free (record);
}

char *
tsu_csv_to_utf8 (const char      *data,
                 gsize            length,
                 TsuCsvEncoding  *encoding,
                 GError         **error)
{
  TsuCsvEncoding found;
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      found = TSU_CSV_ENCODING_UTF8_BOM;
      data += 3;
      length -= 3;
      if (!g_utf8_validate_len (data, length, NULL))
        {
          g_set_error_literal (error, TSU_CSV_ERROR, TSU_CSV_ERROR_ENCODING,
                               _("The file says it is UTF-8 but holds characters that are not. Save it again as “CSV UTF-8”."));
          return NULL;
        }
      text = g_strndup (data, length);
    }
  else if (g_utf8_validate_len (data, length, NULL))
    {
      found = TSU_CSV_ENCODING_UTF8;
      text = g_strndup (data, length);
    }
  else
    {
      /* Excel on a Japanese Windows saves "CSV (comma separated)" in
       * Microsoft's Shift_JIS, with NEC and IBM extensions such as ①
       * and ㈱: CP932, not plain Shift_JIS. Valid UTF-8 longer than a
       * few characters is almost never valid CP932 and the other way
       * round, so trying UTF-8 first is safe. */
      gsize written = 0;

      text = g_convert (data, length, "UTF-8", "CP932", NULL, &written, NULL);
      if (text == NULL || strlen (text) != written)
        {
          g_free (text);
          g_set_error_literal (error, TSU_CSV_ERROR, TSU_CSV_ERROR_ENCODING,
                               _("The file is neither UTF-8 nor Shift_JIS text. Save it from Excel as “CSV UTF-8” or “CSV (comma separated)”."));
          return NULL;
        }
      found = TSU_CSV_ENCODING_CP932;
    }

  if (encoding)
    *encoding = found;
  return text;
}

struct _TsuCsvReader
{
  const char *p;
  const char *end;
  guint       line;
  /* The cells of the record being read; reused for every record, which
   * gets a copy of exactly its size. */
  GPtrArray  *cells;
  GString    *cell;
};

TsuCsvReader *
tsu_csv_reader_new (const char *text,
                    gsize       length)
{
  TsuCsvReader *reader;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  reader = g_new0 (TsuCsvReader, 1);
  reader->p = text;
  reader->end = text + length;
  reader->line = 1;
  reader->cells = g_ptr_array_new_with_free_func (g_free);
  reader->cell = g_string_new (NULL);
  return reader;
}

void
tsu_csv_reader_free (TsuCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_ptr_array_unref (reader->cells);
  g_string_free (reader->cell, TRUE);
  g_free (reader);
}

static void
end_cell (TsuCsvReader *reader)
{
  g_ptr_array_add (reader->cells, g_strndup (reader->cell->str, reader->cell->len));
  g_string_truncate (reader->cell, 0);
}

/* The record of the cells read so far, or NULL for a line with nothing
 * on it, which separates nothing and is skipped. */
static TsuCsvRecord *
end_record (TsuCsvReader *reader,
            guint         record_line)
{
  GPtrArray *cells = reader->cells;
  TsuCsvRecord *record;

  end_cell (reader);
  if (cells->len == 1 && *(const char *) g_ptr_array_index (cells, 0) == '\0')
    {
      g_ptr_array_set_size (cells, 0);
      return NULL;
    }
  record = g_new0 (TsuCsvRecord, 1);
  record->line = record_line;
  record->n_cells = cells->len;
  record->cells = g_new (char *, cells->len + 1);
  memcpy (record->cells, cells->pdata, cells->len * sizeof (char *));
  record->cells[cells->len] = NULL;
  /* The strings are the record's now. */
  memset (cells->pdata, 0, cells->len * sizeof (char *));
  g_ptr_array_set_size (cells, 0);
  return record;
}

TsuCsvRecord *
tsu_csv_reader_next (TsuCsvReader  *reader,
                     guint         *error_line,
                     GError       **error)
{
  GString *cell;
  const char *p, *end;
  guint record_line;
  gboolean in_quotes = FALSE;
  guint quote_line = 0;

  g_return_val_if_fail (reader != NULL, NULL);

  cell = reader->cell;
  p = reader->p;
  end = reader->end;
  record_line = reader->line;

  while (p < end)
    {
      char c = *p;

      if (in_quotes)
        {
          if (c == '"')
            {
              if (p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p += 2;
                }
              else
                {
                  in_quotes = FALSE;
                  p++;
                }
            }
          else if (c == '\r' || c == '\n')
            {
              /* Keep a single "\n" for any kind of line break. */
              g_string_append_c (cell, '\n');
              if (c == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              p++;
              reader->line++;
            }
          else
            {
              /* The run up to the next quote or line break at once. */
              const char *run = p + 1;

              while (run < end && *run != '"' && *run != '\r' && *run != '\n')
                run++;
              g_string_append_len (cell, p, run - p);
              p = run;
            }
          continue;
        }

      switch (c)
        {
        case '"':
          /* A quote opens a quoted field only at the start of a cell;
           * elsewhere Excel keeps it as it is, and so do we. */
          if (cell->len == 0)
            {
              in_quotes = TRUE;
              quote_line = reader->line;
            }
          else
            g_string_append_c (cell, c);
          p++;
          break;

        case ',':
          end_cell (reader);
          p++;
          break;

        case '\r':
        case '\n':
          {
            TsuCsvRecord *record = end_record (reader, record_line);

            if (c == '\r' && p + 1 < end && p[1] == '\n')
              p++;
            p++;
            reader->line++;
            record_line = reader->line;
            if (record != NULL)
              {
                reader->p = p;
                return record;
              }
          }
          break;

        default:
          {
            /* The run up to the next special character at once. */
            const char *run = p + 1;

            while (run < end && *run != '"' && *run != ',' && *run != '\r' && *run != '\n')
              run++;
            g_string_append_len (cell, p, run - p);
            p = run;
          }
          break;
        }
    }

  reader->p = p;
  if (in_quotes)
    {
      if (error_line)
        *error_line = quote_line;
      g_string_truncate (cell, 0);
      g_ptr_array_set_size (reader->cells, 0);
      g_set_error (error, TSU_CSV_ERROR, TSU_CSV_ERROR_SYNTAX,
                   _("The quotation mark opened on line %u is never closed."), quote_line);
      return NULL;
    }
  if (cell->len > 0 || reader->cells->len > 0)
    return end_record (reader, record_line);
  return NULL;
}

GPtrArray *
tsu_csv_parse (const char  *text,
               gsize        length,
               guint       *error_line,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_csv_record_free);
  g_autoptr(TsuCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  TsuCsvRecord *record;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  reader = tsu_csv_reader_new (text, length);
  while ((record = tsu_csv_reader_next (reader, error_line, &local_error)) != NULL)
    g_ptr_array_add (records, record);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&records);
}

char *
tsu_csv_read_text (const char      *path,
                   TsuCsvEncoding  *encoding,
                   GError         **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return tsu_csv_to_utf8 (data, length, encoding, error);
}

GPtrArray *
tsu_csv_read_file (const char      *path,
                   TsuCsvEncoding  *encoding,
                   guint           *error_line,
                   GError         **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  text = tsu_csv_read_text (path, encoding, error);
  if (text == NULL)
    return NULL;
  return tsu_csv_parse (text, strlen (text), error_line, error);
}

void
tsu_csv_append_record (GString            *out,
                       const char * const *cells)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (cells != NULL);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      const char *cell = cells[i];

      if (i > 0)
        g_string_append_c (out, ',');
      /* Quote what would otherwise split or be trimmed; leading or
       * trailing spaces too, which Excel would keep but a reader may not. */
      if (strpbrk (cell, ",\"\r\n") != NULL
          || (*cell != '\0' && (g_ascii_isspace (cell[0]) || g_ascii_isspace (cell[strlen (cell) - 1]))))
        {
          g_string_append_c (out, '"');
          for (const char *p = cell; *p; p++)
            {
              /* Line breaks inside a cell stay as they are: Excel
               * writes a bare LF there itself. */
              if (*p == '"')
                g_string_append (out, "\"\"");
              else
                g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, cell);
    }
  g_string_append (out, "\r\n");
}
