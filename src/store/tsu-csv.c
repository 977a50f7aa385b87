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

static gboolean
record_is_blank (GPtrArray *cells)
{
  return cells->len == 1 && *(const char *) g_ptr_array_index (cells, 0) == '\0';
}

GPtrArray *
tsu_csv_parse (const char  *text,
               gsize        length,
               guint       *error_line,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_csv_record_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;
  const char *end = text + length;
  guint line = 1;
  guint record_line = 1;
  gboolean in_quotes = FALSE;
  guint quote_line = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

#define END_CELL()                                                      \
  G_STMT_START {                                                        \
    g_ptr_array_add (cells, g_strndup (cell->str, cell->len));          \
    g_string_truncate (cell, 0);                                        \
  } G_STMT_END
#define END_RECORD()                                                    \
  G_STMT_START {                                                        \
    END_CELL ();                                                        \
    /* A line with nothing on it separates nothing: skip it. */         \
    if (!record_is_blank (cells))                                       \
      {                                                                 \
        TsuCsvRecord *record = g_new0 (TsuCsvRecord, 1);                \
        record->line = record_line;                                     \
        record->n_cells = cells->len;                                   \
        g_ptr_array_add (cells, NULL);                                  \
        record->cells = (GStrv) g_ptr_array_steal (cells, NULL);        \
        g_ptr_array_add (records, record);                              \
      }                                                                 \
    else                                                                \
      g_ptr_array_set_size (cells, 0);                                  \
  } G_STMT_END

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
              line++;
            }
          else
            {
              g_string_append_c (cell, c);
              p++;
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
              quote_line = line;
            }
          else
            g_string_append_c (cell, c);
          p++;
          break;

        case ',':
          END_CELL ();
          p++;
          break;

        case '\r':
        case '\n':
          END_RECORD ();
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
          record_line = line;
          break;

        default:
          g_string_append_c (cell, c);
          p++;
          break;
        }
    }

  if (in_quotes)
    {
      if (error_line)
        *error_line = quote_line;
      g_set_error (error, TSU_CSV_ERROR, TSU_CSV_ERROR_SYNTAX,
                   _("The quotation mark opened on line %u is never closed."), quote_line);
      return NULL;
    }
  if (cell->len > 0 || cells->len > 0)
    END_RECORD ();

#undef END_RECORD
#undef END_CELL

  return g_steal_pointer (&records);
}

GPtrArray *
tsu_csv_read_file (const char      *path,
                   TsuCsvEncoding  *encoding,
                   guint           *error_line,
                   GError         **error)
{
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  text = tsu_csv_to_utf8 (data, length, encoding, error);
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
