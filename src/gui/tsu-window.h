/* tsu-window.h: the main window, one view per job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_WINDOW (tsu_window_get_type ())
G_DECLARE_FINAL_TYPE (TsuWindow, tsu_window, TSU, WINDOW, AdwApplicationWindow)

TsuWindow   *tsu_window_new          (AdwApplication *application,
                                      TsuDatabase    *database);
TsuDatabase *tsu_window_get_database (TsuWindow      *self);
/* Replaces the database shown (after Open or New); views reload. */
void         tsu_window_set_database (TsuWindow      *self,
                                      TsuDatabase    *database);
/* Shows @toast in the window's toast overlay. */
void         tsu_window_add_toast    (TsuWindow      *self,
                                      AdwToast       *toast);
/* Shows the view named "overview", "members", "events", "referrals" or
 * "budget". */
void         tsu_window_show_view    (TsuWindow      *self,
                                      const char     *name);
/* The name of the view shown now. */
const char  *tsu_window_get_visible_view (TsuWindow *self);

/* Opens @path and shows it. If it cannot be opened, a dialog says why and
 * the current database stays; returns whether it was opened. */
gboolean     tsu_window_open_path    (TsuWindow      *self,
                                      const char     *path);
/* Creates an empty database at @path and shows it. An existing file that
 * holds anything is not overwritten: a dialog asks for another name.
 * Returns whether it was created. */
gboolean     tsu_window_create_path  (TsuWindow      *self,
                                      const char     *path);
/* For a database that failed to open at start: says why and offers to
 * open another file or the default database. */
void         tsu_window_show_open_error (TsuWindow    *self,
                                         const char   *path,
                                         const GError *error);

G_END_DECLS
