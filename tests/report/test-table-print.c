/* test-table-print.c: pages of TsuTablePrint, read back with pdftotext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "report-test-util.h"
#include "tsu-table-print.h"

static char *
write_pdf (TsuTablePrint *print,
           const char    *name)
{
  g_autofree char *dir = report_test_make_dir ();
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (tsu_table_print_write_pdf (print, path, &error));
  g_assert_no_error (error);
  return path;
}

static TsuTablePrint *
new_print (void)
{
  TsuTablePrint *print = tsu_table_print_new ("テスト名簿", "敬称略・五十音順");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 24, G_DATE_NOVEMBER, 2026);
  tsu_table_print_set_date (print, &date, TSU_DATE_STYLE_GREGORIAN);
  return print;
}

/* Pages needed on portrait A4 paper, laid out on a recording surface. */
static guint
count_pages (TsuTablePrint *print)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint n = tsu_table_print_paginate (print, cr, 515, 760);

  g_assert_cmpuint (tsu_table_print_get_n_pages (print), ==, n);
  /* Every page draws without complaint. */
  for (guint p = 0; p < n; p++)
    tsu_table_print_draw_page (print, cr, p);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

static void
test_empty (void)
{
  g_autoptr(TsuTablePrint) print = new_print ();
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;

  tsu_table_print_add_column (print, "Name", 1);
  path = write_pdf (print, "empty.pdf");
  pages = report_test_pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  g_assert_nonnull (strstr (pages[0], "テスト名簿"));
  g_assert_nonnull (strstr (pages[0], "敬称略・五十音順"));
  g_assert_nonnull (strstr (pages[0], "As of 2026年11月24日"));
  g_assert_nonnull (strstr (pages[0], "Nothing to list."));
  g_assert_nonnull (strstr (pages[0], "1 / 1"));
}

static void
test_landscape (void)
{
  g_autoptr(TsuTablePrint) print = new_print ();
  g_autofree char *path = NULL;
  const char *cells[] = { "1", "NPO法人 抱樸" };
  double w, h;

  tsu_table_print_add_column (print, "No.", 1);
  tsu_table_print_add_column (print, "Name", 4);
  tsu_table_print_add_row (print, cells);
  g_assert_false (tsu_table_print_get_landscape (print));
  tsu_table_print_set_landscape (print, TRUE);
  g_assert_true (tsu_table_print_get_landscape (print));
  path = write_pdf (print, "landscape.pdf");
  report_test_pdf_size (path, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 841.89, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 595.28, 0.5);
}

/* A long text wraps inside its cell: nothing is cut off, and the row
 * grows. */
static void
test_wrap (void)
{
  g_autoptr(TsuTablePrint) print = new_print ();
  g_autoptr(TsuTablePrint) short_print = new_print ();
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);

  for (int i = 0; i < 12; i++)
    g_string_append_printf (long_text, "孤独・孤立対策%02dつなぐ", i);

  tsu_table_print_add_column (print, "Text", 1);
  tsu_table_print_add_row (print, (const char *[]) { long_text->str });
  path = write_pdf (print, "wrap.pdf");
  pages = report_test_pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  /* The cell's lines, put back together. */
  for (const char *p = pages[0]; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (joined, *p);
  g_assert_nonnull (strstr (joined->str, long_text->str));

  /* Thirty such rows in a narrow column take more pages than thirty
   * short ones. */
  g_clear_object (&print);
  print = new_print ();
  tsu_table_print_add_column (print, "No.", 1);
  tsu_table_print_add_column (print, "Text", 2);
  tsu_table_print_add_column (short_print, "No.", 1);
  tsu_table_print_add_column (short_print, "Text", 2);
  for (int i = 0; i < 30; i++)
    {
      tsu_table_print_add_row (print, (const char *[]) { "1", long_text->str });
      tsu_table_print_add_row (short_print, (const char *[]) { "1", "抱樸" });
    }
  g_assert_cmpuint (count_pages (short_print), ==, 1);
  g_assert_cmpuint (count_pages (print), >, 2);
}

/* The text of a page without its spaces and line ends, for finding words
 * that wrapped. */
static char *
dup_squeezed (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A row taller than a page (a 20,000-character address can be typed) is
 * split between its lines over as many pages as it needs: every line is
 * printed exactly once, and every page has its header and "n / N". */
static void
test_tall_row (void)
{
  g_autoptr(TsuTablePrint) print = new_print ();
  g_autoptr(GString) long_text = g_string_new ("BEGINTEXT");
  g_autoptr(GString) other_text = g_string_new ("BEGINOTHER");
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  const guint n_marks = 1300;
  const guint n_other = 300;

  /* 15 characters a mark: about 20,000 in all. */
  for (guint i = 0; i < n_marks; i++)
    g_string_append (long_text, "孤独・孤立対策のつなぐMARK");
  g_string_append (long_text, "ENDTEXT");
  g_assert_cmpuint (g_utf8_strlen (long_text->str, -1), >, 19500);
  /* A second tall cell in a narrower column, so that the cells' lines
   * do not fall at the same heights. */
  for (guint i = 0; i < n_other; i++)
    g_string_append (other_text, "見守りZETA");
  g_string_append (other_text, "ENDOTHER");

  tsu_table_print_add_column (print, "No.", 1);
  tsu_table_print_add_column (print, "Text", 6);
  tsu_table_print_add_column (print, "Other", 2);
  tsu_table_print_add_row (print, (const char *[]) { "1", "BEFORE-ROW", "x" });
  tsu_table_print_add_row (print, (const char *[]) { "2", long_text->str, other_text->str });
  tsu_table_print_add_row (print, (const char *[]) { "3", "AFTER-ROW", "y" });

  path = write_pdf (print, "tall.pdf");
  pages = report_test_pdf_pages (path);
  n_pages = g_strv_length (pages);
  g_assert_cmpuint (n_pages, >=, 3);
  /* The same on a slightly smaller page, as the print dialog may give. */
  g_assert_cmpuint (count_pages (print), >=, 3);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *page_number = g_strdup_printf ("%u / %u", p + 1, n_pages);
      g_autofree char *squeezed = dup_squeezed (pages[p]);

      g_assert_nonnull (strstr (pages[p], "テスト名簿"));
      g_assert_nonnull (strstr (pages[p], "As of 2026年11月24日"));
      g_assert_nonnull (strstr (pages[p], "Text"));
      g_assert_nonnull (strstr (pages[p], "Other"));
      g_assert_nonnull (strstr (pages[p], page_number));
      /* Every page but the last is filled with the long text. */
      if (p + 1 < n_pages)
        g_assert_cmpuint (report_test_count (squeezed, "MARK"), >, 30);
      g_string_append (all, squeezed);
    }
  g_assert_cmpuint (report_test_count (all->str, "MARK"), ==, n_marks);
  g_assert_cmpuint (report_test_count (all->str, "ZETA"), ==, n_other);
  g_assert_cmpuint (report_test_count (all->str, "BEGINTEXT"), ==, 1);
  g_assert_cmpuint (report_test_count (all->str, "ENDTEXT"), ==, 1);
  g_assert_cmpuint (report_test_count (all->str, "BEGINOTHER"), ==, 1);
  g_assert_cmpuint (report_test_count (all->str, "ENDOTHER"), ==, 1);
  /* The rows around it keep their order. */
  g_assert_nonnull (strstr (pages[0], "BEFORE-ROW"));
  g_assert_nonnull (strstr (pages[0], "BEGINTEXT"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "ENDTEXT"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "AFTER-ROW"));
  g_assert_cmpuint (report_test_count (all->str, "AFTER-ROW"), ==, 1);
}

/* Rows that fit on a page are never split: a row that does not fit in
 * what is left of a page starts the next one. */
static void
test_rows_not_split (void)
{
  g_autoptr(TsuTablePrint) print = new_print ();
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  tsu_table_print_add_column (print, "No.", 1);
  tsu_table_print_add_column (print, "Text", 3);
  /* Rows of about twelve lines each. */
  for (int r = 0; r < 30; r++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_append_printf (text, "ROWSTART%02d", r);
      for (int i = 0; i < 40; i++)
        g_string_append (text, "孤独・孤立対策のつなぐ");
      g_string_append_printf (text, "ROWEND%02d", r);
      tsu_table_print_add_row (print, (const char *[]) { "1", text->str });
    }
  path = write_pdf (print, "not-split.pdf");
  pages = report_test_pdf_pages (path);
  n_pages = g_strv_length (pages);
  g_assert_cmpuint (n_pages, >=, 3);
  for (int r = 0; r < 30; r++)
    {
      g_autofree char *start = g_strdup_printf ("ROWSTART%02d", r);
      g_autofree char *end = g_strdup_printf ("ROWEND%02d", r);
      int start_page = -1, end_page = -1;

      for (guint p = 0; p < n_pages; p++)
        {
          g_autofree char *squeezed = dup_squeezed (pages[p]);

          if (strstr (squeezed, start) != NULL)
            {
              g_assert_cmpint (start_page, ==, -1);
              start_page = p;
            }
          if (strstr (squeezed, end) != NULL)
            {
              g_assert_cmpint (end_page, ==, -1);
              end_page = p;
            }
        }
      g_assert_cmpint (start_page, >=, 0);
      g_assert_cmpint (start_page, ==, end_page);
    }
}

static void
test_min_row_height (void)
{
  g_autoptr(TsuTablePrint) print = new_print ();

  tsu_table_print_add_column (print, "Name", 2);
  tsu_table_print_add_column (print, "Signature", 3);
  for (int i = 0; i < 30; i++)
    tsu_table_print_add_row (print, (const char *[]) { "奥田知志", NULL });
  g_assert_cmpuint (count_pages (print), ==, 1);
  /* Room to sign: 30 rows of 40 pt need two pages. */
  tsu_table_print_set_min_row_height (print, 40);
  g_assert_cmpuint (count_pages (print), ==, 2);
}

/* Section headings go with the row after them, whatever the page breaks;
 * a total row prints; every page has "n / N". */
static void
test_sections (void)
{
  g_autoptr(TsuTablePrint) print = new_print ();
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  guint sections_seen = 0;

  tsu_table_print_add_column (print, "Name", 3);
  tsu_table_print_add_column (print, "Count", 1);
  tsu_table_print_set_column_alignment (print, 1, PANGO_ALIGN_RIGHT);
  g_assert_cmpuint (tsu_table_print_get_n_columns (print), ==, 2);
  /* Sections of varying length, so that some heading falls where a page
   * ends. */
  for (int s = 0; s < 40; s++)
    {
      g_autofree char *heading = g_strdup_printf ("SECTION-%02d", s);

      tsu_table_print_add_section (print, heading);
      for (int r = 0; r < 1 + s % 6; r++)
        {
          g_autofree char *name = g_strdup_printf ("ROW-%02d-%d", s, r);

          tsu_table_print_add_row (print, (const char *[]) { name, "12" });
        }
    }
  tsu_table_print_add_total_row (print, (const char *[]) { "TOTAL-ROW", "1,234" });
  g_assert_cmpuint (tsu_table_print_get_n_rows (print), ==, 40 + 136 + 1);

  path = write_pdf (print, "sections.pdf");
  pages = report_test_pdf_pages (path);
  n_pages = g_strv_length (pages);
  g_assert_cmpuint (n_pages, >=, 3);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *page_number = g_strdup_printf ("%u / %u", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], "テスト名簿"));
      g_assert_nonnull (strstr (pages[p], "Count"));
      g_assert_nonnull (strstr (pages[p], page_number));
      for (int s = 0; s < 40; s++)
        {
          g_autofree char *heading = g_strdup_printf ("SECTION-%02d", s);
          g_autofree char *first = g_strdup_printf ("ROW-%02d-0", s);

          if (strstr (pages[p], heading) == NULL)
            continue;
          sections_seen++;
          if (strstr (pages[p], first) == NULL)
            g_error ("%s is alone at the foot of page %u", heading, p + 1);
        }
    }
  g_assert_cmpuint (sections_seen, ==, 40);
  g_assert_nonnull (strstr (pages[n_pages - 1], "TOTAL-ROW"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "1,234"));
}

static void
test_write_error (void)
{
  g_autoptr(TsuTablePrint) print = new_print ();
  g_autoptr(GError) error = NULL;

  tsu_table_print_add_column (print, "Name", 1);
  g_assert_false (tsu_table_print_write_pdf (print, "/nonexistent-folder/list.pdf", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/list.pdf"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/table-print/empty", test_empty);
  g_test_add_func ("/report/table-print/landscape", test_landscape);
  g_test_add_func ("/report/table-print/wrap", test_wrap);
  g_test_add_func ("/report/table-print/tall-row", test_tall_row);
  g_test_add_func ("/report/table-print/rows-not-split", test_rows_not_split);
  g_test_add_func ("/report/table-print/min-row-height", test_min_row_height);
  g_test_add_func ("/report/table-print/sections", test_sections);
  g_test_add_func ("/report/table-print/write-error", test_write_error);

  return g_test_run ();
}
