/* fuzz-csv.c: the CSV reader of tsu-csv.c, from raw file bytes.
 *
 * The bytes go through encoding detection (UTF-8 with or without a BOM,
 * CP932) and the parser, exactly as an import reads a file. What is read
 * must be UTF-8, and writing the records out with tsu_csv_append_record()
 * and reading them again must give the same cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "tsu-csv.h"

static void
check_records (GPtrArray  *records,
               gboolean    utf8,
               const char *what)
{
  guint last_line = 0;

  for (guint i = 0; i < records->len; i++)
    {
      TsuCsvRecord *record = g_ptr_array_index (records, i);

      FUZZ_CHECK (record->line >= 1 && record->line > last_line,
                  "%s: record %u on line %u after line %u", what, i, record->line, last_line);
      last_line = record->line;
      FUZZ_CHECK (record->n_cells >= 1 && record->cells[record->n_cells] == NULL
                  && g_strv_length (record->cells) == record->n_cells,
                  "%s: record %u", what, i);
      /* A line with nothing on it is skipped, not a record. */
      FUZZ_CHECK (!(record->n_cells == 1 && record->cells[0][0] == '\0'), "%s: record %u is blank", what, i);
      for (guint c = 0; c < record->n_cells; c++)
        {
          FUZZ_CHECK (strchr (record->cells[c], '\r') == NULL,
                      "%s: record %u cell %u keeps a CR", what, i, c);
          if (utf8)
            FUZZ_CHECK (g_utf8_validate (record->cells[c], -1, NULL),
                        "%s: record %u cell %u is not UTF-8", what, i, c);
        }
    }
}

/* What the parser gives for a line break inside a cell. */
static char *
expected_cell (const char *cell)
{
  GString *out = g_string_new (NULL);

  for (const char *p = cell; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Writes @records out and reads them back: the same records, the same
 * cells. */
static void
check_round_trip (GPtrArray  *records,
                  const char *what)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    {
      TsuCsvRecord *record = g_ptr_array_index (records, i);

      tsu_csv_append_record (out, (const char * const *) record->cells);
    }
  again = tsu_csv_parse (out->str, out->len, NULL, &error);
  FUZZ_CHECK (again != NULL && error == NULL, "%s: what was written does not read: %s",
              what, error ? error->message : "");
  for (guint i = 0; i < records->len; i++)
    {
      TsuCsvRecord *record = g_ptr_array_index (records, i);
      TsuCsvRecord *back;

      /* A record of one empty cell is written as an empty line. */
      if (record->n_cells == 1 && record->cells[0][0] == '\0')
        continue;
      FUZZ_CHECK (n < again->len, "%s: record %u is lost", what, i);
      back = g_ptr_array_index (again, n++);
      FUZZ_CHECK (back->n_cells == record->n_cells, "%s: record %u has %u cells, then %u",
                  what, i, record->n_cells, back->n_cells);
      for (guint c = 0; c < record->n_cells; c++)
        {
          g_autofree char *want = expected_cell (record->cells[c]);

          FUZZ_CHECK (strcmp (back->cells[c], want) == 0,
                      "%s: record %u cell %u “%s” comes back as “%s”",
                      what, i, c, want, back->cells[c]);
        }
    }
  FUZZ_CHECK (n == again->len, "%s: %u records written, %u read", what, n, again->len);
}

/* Cells made straight from the input, split at '|' and records at '^',
 * holding anything a person can put into a cell: quotes, commas, line
 * breaks, spaces at either end. */
static void
check_writer (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "^", 8);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_csv_record_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      TsuCsvRecord *record = g_new0 (TsuCsvRecord, 1);

      record->line = i + 1;
      record->cells = g_strsplit (lines[i], "|", 16);
      record->n_cells = g_strv_length (record->cells);
      if (record->n_cells == 0)
        {
          tsu_csv_record_free (record);
          continue;
        }
      g_ptr_array_add (records, record);
    }
  check_round_trip (records, "writer");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TsuCsvEncoding encoding = (TsuCsvEncoding) -1;

  /* As an import reads a file. */
  text = tsu_csv_to_utf8 ((const char *) data, size, &encoding, &error);
  if (text == NULL)
    {
      FUZZ_CHECK (error != NULL && error->domain == TSU_CSV_ERROR
                  && error->code == TSU_CSV_ERROR_ENCODING, "refused without an error");
      FUZZ_CHECK (encoding == (TsuCsvEncoding) -1, "refused but set the encoding");
    }
  else
    {
      g_autoptr(GPtrArray) records = NULL;
      guint error_line = 0;

      FUZZ_CHECK (error == NULL, "accepted with an error");
      FUZZ_CHECK (g_utf8_validate (text, -1, NULL), "the text is not UTF-8");
      FUZZ_CHECK (!g_str_has_prefix (text, "\xEF\xBB\xBF") || encoding == TSU_CSV_ENCODING_UTF8_BOM,
                  "the byte-order mark is kept");
      switch (encoding)
        {
        case TSU_CSV_ENCODING_UTF8:
          FUZZ_CHECK (strlen (text) == size && memcmp (text, data, size) == 0, "UTF-8 changed");
          break;
        case TSU_CSV_ENCODING_UTF8_BOM:
          FUZZ_CHECK (size >= 3 && strlen (text) == size - 3 && memcmp (text, data + 3, size - 3) == 0,
                      "UTF-8 after the mark changed");
          break;
        case TSU_CSV_ENCODING_CP932:
          /* Only what is not UTF-8 is taken for CP932. */
          FUZZ_CHECK (!g_utf8_validate_len ((const char *) data, size, NULL), "UTF-8 taken for CP932");
          break;
        default:
          FUZZ_CHECK (FALSE, "encoding %d", (int) encoding);
        }

      records = tsu_csv_parse (text, strlen (text), &error_line, &error);
      if (records == NULL)
        {
          FUZZ_CHECK (error != NULL && error->code == TSU_CSV_ERROR_SYNTAX,
                      "refused without a syntax error");
          FUZZ_CHECK (error_line >= 1 && g_utf8_validate (error->message, -1, NULL), "line %u", error_line);
          g_clear_error (&error);
        }
      else
        {
          check_records (records, TRUE, "file");
          check_round_trip (records, "file");
        }
    }
  g_clear_error (&error);

  /* The parser alone, on bytes that need not be text at all. */
  {
    g_autoptr(GPtrArray) records = tsu_csv_parse ((const char *) data, size, NULL, &error);

    if (records != NULL)
      check_records (records, FALSE, "raw");
    else
      FUZZ_CHECK (error != NULL, "raw bytes refused without an error");
  }

  /* The writer, on cells made of the input. */
  if (size < 4096)
    {
      g_autofree char *cells = fuzz_string (data, size, size);

      check_writer (cells);
    }
  return 0;
}
