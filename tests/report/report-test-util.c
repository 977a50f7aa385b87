/* report-test-util.c: running the tools that read reports back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "report-test-util.h"

/* build-aux/dev installs these; a missing tool is a broken test setup, not
 * a reason to skip. */
static void
require_program (const char *path,
                 const char *package)
{
  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is missing: install the Debian package %s (build-aux/dev does)",
             path, package);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return g_steal_pointer (&out);
}

GStrv
report_test_pdf_pages (const char *pdf_path)
{
  const char *argv[] = { "/usr/bin/pdftotext", "-enc", "UTF-8", "-layout", pdf_path, "-", NULL };
  g_autofree char *text = NULL;
  GStrv pages;
  guint n;

  require_program (argv[0], "poppler-utils");
  text = run (argv);
  /* Pages end with a form feed; drop the empty piece after the last. */
  pages = g_strsplit (text, "\f", -1);
  n = g_strv_length (pages);
  if (n > 0 && *pages[n - 1] == '\0')
    {
      g_free (pages[n - 1]);
      pages[n - 1] = NULL;
    }
  return pages;
}

void
report_test_pdf_size (const char *pdf_path,
                      double     *width,
                      double     *height)
{
  const char *argv[] = { "/usr/bin/pdfinfo", pdf_path, NULL };
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  require_program (argv[0], "poppler-utils");
  text = run (argv);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Page size:"))
      {
        g_assert_cmpint (sscanf (lines[i], "Page size: %lf x %lf", width, height), ==, 2);
        return;
      }
  g_error ("pdfinfo printed no page size:\n%s", text);
}

GStrv
report_test_run_xlsx_script (const char *script,
                             const char *xlsx_path)
{
  const char *check[] = { "/usr/bin/python3", "-c", "import openpyxl", NULL };
  const char *argv[] = { "/usr/bin/python3", script, xlsx_path, NULL };
  g_autofree char *out = NULL;
  int status;

  require_program (argv[0], "python3");
  if (!g_spawn_sync (NULL, (char **) check, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    g_error ("/usr/bin/python3 cannot import openpyxl: install python3-openpyxl "
             "(build-aux/dev does)");

  out = run (argv);
  return g_strsplit (out, "\n", -1);
}

GStrv
report_test_read_xlsx (const char *xlsx_path)
{
  return report_test_run_xlsx_script (READ_XLSX_SCRIPT, xlsx_path);
}

guint
report_test_count (const char *haystack,
                   const char *needle)
{
  guint n = 0;
  size_t len = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + len, needle))
    n++;
  return n;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
remove_tree_and_free (gpointer path)
{
  /* TSU_KEEP_TEST_FILES=1 keeps the files for a look at them. */
  if (g_getenv ("TSU_KEEP_TEST_FILES") == NULL)
    remove_tree (path);
  else
    g_test_message ("kept %s", (char *) path);
  g_free (path);
}

char *
report_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tsu-report-XXXXXX", &error);

  g_assert_no_error (error);
  /* Removed when the test ends. */
  g_test_queue_destroy (remove_tree_and_free, g_strdup (dir));
  return dir;
}
