/* tsu-report-file.c: temporary name and rename for report files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tsu-report-file.h"

char *
tsu_report_file_begin (const char  *path,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;
  char *temp_path;
  int fd;
  int saved_errno;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Same folder, so that the final rename cannot cross file systems. */
  temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp (temp_path);
  if (fd < 0)
    {
      saved_errno = errno;
      display = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %s is a file name, then the system's reason */
                   _("Could not write “%s”: %s"), display,
                   g_strerror (saved_errno));
      g_free (temp_path);
      return NULL;
    }
  g_close (fd, NULL);
  return temp_path;
}

gboolean
tsu_report_file_commit (const char  *temp_path,
                        const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (temp_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* g_mkstemp() creates the file private (0600); a report is an ordinary
   * document, so give it the permissions a new file would get. */
  {
    mode_t mask = umask (0);

    umask (mask);
    g_chmod (temp_path, 0666 & ~mask);
  }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (temp_path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), display,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

void
tsu_report_file_abort (const char *temp_path)
{
  if (temp_path != NULL)
    g_unlink (temp_path);
}
