/* tsu-report-file.h: write a report under a temporary name beside the
 * destination and rename it into place, so a failed export never leaves
 * a broken file under the name the user chose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Returns a new, empty temporary file name in the folder of @path
 * (".NAME.XXXXXX"), or NULL with @error when the folder cannot be
 * written. */
char     *tsu_report_file_begin  (const char  *path,
                                  GError     **error);
/* Renames @temp_path to @path; on failure removes @temp_path. */
gboolean  tsu_report_file_commit (const char  *temp_path,
                                  const char  *path,
                                  GError     **error);
/* Removes @temp_path after a failed write. */
void      tsu_report_file_abort  (const char  *temp_path);

G_END_DECLS
