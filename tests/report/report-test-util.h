/* report-test-util.h: running the tools that read reports back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* The text of every page of a PDF ("pdftotext -layout"), one string per
 * page. Fails the test when pdftotext is missing. */
GStrv       report_test_pdf_pages   (const char *pdf_path);
/* Page size in points of the first page ("pdfinfo"). */
void        report_test_pdf_size    (const char *pdf_path,
                                     double     *width,
                                     double     *height);
/* The lines read-xlsx.py prints for a workbook. Fails the test when
 * /usr/bin/python3 or openpyxl is missing. */
GStrv       report_test_read_xlsx   (const char *xlsx_path);
/* The same with another script of this folder (READ_XLSX_*_SCRIPT). */
GStrv       report_test_run_xlsx_script (const char *script,
                                         const char *xlsx_path);
/* Counts the occurrences of @needle in @haystack. */
guint       report_test_count       (const char *haystack,
                                     const char *needle);
/* A new empty folder for the test's files, removed with them when the
 * test ends (unless TSU_KEEP_TEST_FILES is set). */
char       *report_test_make_dir    (void);
