/* test-csv.c: the CSV reader and writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tsu-csv.h"

static GPtrArray *
parse_bytes (const char     *data,
             gsize           length,
             TsuCsvEncoding *encoding)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = tsu_csv_to_utf8 (data, length, encoding, &error);
  GPtrArray *records;

  g_assert_no_error (error);
  g_assert_nonnull (text);
  records = tsu_csv_parse (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static void
assert_record (GPtrArray          *records,
               guint               index,
               guint               line,
               const char * const *cells)
{
  TsuCsvRecord *record;

  g_assert_cmpuint (index, <, records->len);
  record = g_ptr_array_index (records, index);
  g_assert_cmpuint (record->line, ==, line);
  g_assert_cmpuint (record->n_cells, ==, g_strv_length ((char **) cells));
  for (guint i = 0; cells[i] != NULL; i++)
    g_assert_cmpstr (record->cells[i], ==, cells[i]);
}

static void
test_bom (void)
{
  static const char data[] = "\xEF\xBB\xBF" "name,reading\r\n抱樸,ほうぼく\r\n";
  g_autoptr(GPtrArray) records = NULL;
  TsuCsvEncoding encoding = TSU_CSV_ENCODING_UTF8;

  records = parse_bytes (data, sizeof data - 1, &encoding);
  g_assert_cmpint (encoding, ==, TSU_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (records->len, ==, 2);
  /* The mark is gone: the first header is "name", not "\uFEFFname". */
  assert_record (records, 0, 1, (const char *[]) { "name", "reading", NULL });
  assert_record (records, 1, 2, (const char *[]) { "抱樸", "ほうぼく", NULL });
}

static void
test_no_bom_lf (void)
{
  static const char data[] = "name,reading\n抱樸,ほうぼく\n\nすてっぷ,すてっぷ";
  g_autoptr(GPtrArray) records = NULL;
  TsuCsvEncoding encoding = TSU_CSV_ENCODING_CP932;

  records = parse_bytes (data, sizeof data - 1, &encoding);
  g_assert_cmpint (encoding, ==, TSU_CSV_ENCODING_UTF8);
  /* The empty line is skipped, but lines are still counted; the last
   * record has no line break after it. */
  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 1, 2, (const char *[]) { "抱樸", "ほうぼく", NULL });
  assert_record (records, 2, 4, (const char *[]) { "すてっぷ", "すてっぷ", NULL });
}

static void
test_cp932 (void)
{
  /* "団体名,よみ\r\n\"抱樸, ①\",ほうぼく～\r\n" as Excel saves it on a
   * Japanese Windows: ① (0x8740) exists only in CP932, not in
   * Shift_JIS. */
  static const guint8 data[] = {
    0x92, 0x63, 0x91, 0xcc, 0x96, 0xbc, 0x2c, 0x82, 0xe6, 0x82, 0xdd, 0x0d,
    0x0a, 0x22, 0x95, 0xf8, 0x9e, 0xf5, 0x2c, 0x20, 0x87, 0x40, 0x22, 0x2c,
    0x82, 0xd9, 0x82, 0xa4, 0x82, 0xda, 0x82, 0xad, 0x81, 0x60, 0x0d, 0x0a,
  };
  g_autoptr(GPtrArray) records = NULL;
  TsuCsvEncoding encoding = TSU_CSV_ENCODING_UTF8;

  records = parse_bytes ((const char *) data, sizeof data, &encoding);
  g_assert_cmpint (encoding, ==, TSU_CSV_ENCODING_CP932);
  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 0, 1, (const char *[]) { "団体名", "よみ", NULL });
  assert_record (records, 1, 2, (const char *[]) { "抱樸, ①", "ほうぼく～", NULL });
}

static void
test_cp932_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", "data", "organizations-cp932.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  TsuCsvEncoding encoding = TSU_CSV_ENCODING_UTF8;
  TsuCsvRecord *last;

  records = tsu_csv_read_file (path, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (encoding, ==, TSU_CSV_ENCODING_CP932);
  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpstr (((TsuCsvRecord *) g_ptr_array_index (records, 0))->cells[0], ==, "団体名");
  last = g_ptr_array_index (records, 3);
  g_assert_cmpstr (last->cells[0], ==, "まちの縁側ネット");
  g_assert_cmpstr (last->cells[last->n_cells - 1], ==, "退会①");
}

static void
test_not_text (void)
{
  /* Bytes that are neither UTF-8 nor CP932 (0xFF never occurs in either). */
  static const char data[] = "name\r\n\xFF\xFE\xFF\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = tsu_csv_to_utf8 (data, sizeof data - 1, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, TSU_CSV_ERROR, TSU_CSV_ERROR_ENCODING);
}

static void
test_quoting (void)
{
  static const char data[] =
    "a,b,c,d\r\n"
    "\"with, comma\",\"say \"\"hi\"\"\",\"line one\r\nline two\",plain\r\n"
    "\"\",x\"y,\"three\nlines\n\",\r\n"
    "last,,,\r\n";
  g_autoptr(GPtrArray) records = NULL;

  records = parse_bytes (data, sizeof data - 1, NULL);
  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 1, 2, (const char *[]) { "with, comma", "say \"hi\"", "line one\nline two", "plain", NULL });
  /* The record after a quoted line break starts one line further on. */
  assert_record (records, 2, 4, (const char *[]) { "", "x\"y", "three\nlines\n", "", NULL });
  assert_record (records, 3, 7, (const char *[]) { "last", "", "", "", NULL });
}

static void
test_unclosed_quote (void)
{
  static const char data[] = "a,b\n1,2\n3,\"open\n4,5\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  guint line = 0;

  records = tsu_csv_parse (data, sizeof data - 1, &line, &error);
  g_assert_null (records);
  g_assert_error (error, TSU_CSV_ERROR, TSU_CSV_ERROR_SYNTAX);
  g_assert_cmpuint (line, ==, 3);
  g_assert_nonnull (strstr (error->message, "3"));
}

static void
test_write_round_trip (void)
{
  const char *cells[] = { "plain", "with, comma", "say \"hi\"", "two\nlines", " padded ", "", "抱樸", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  tsu_csv_append_record (out, cells);
  tsu_csv_append_record (out, cells);
  g_assert_true (g_str_has_prefix (out->str, "plain,\"with, comma\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded \",,抱樸\r\n"));

  records = tsu_csv_parse (out->str, out->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 0, 1, cells);
  assert_record (records, 1, 3, cells);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/no-bom-lf", test_no_bom_lf);
  g_test_add_func ("/csv/cp932", test_cp932);
  g_test_add_func ("/csv/cp932-file", test_cp932_file);
  g_test_add_func ("/csv/not-text", test_not_text);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/csv/write-round-trip", test_write_round_trip);

  return g_test_run ();
}
