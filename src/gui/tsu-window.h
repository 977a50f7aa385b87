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
 * open another file or the default database, and for a damaged file a
 * copy of its newest backup (the damaged file is never written). */
void         tsu_window_show_open_error (TsuWindow    *self,
                                         const char   *path,
                                         const GError *error);
/* After a database was opened: when it is on a network file system, a
 * dialog names the risk (a warning button in the header bar stays as long
 * as it is shown). */
void         tsu_window_warn_if_on_network_share (TsuWindow *self);

/* The folder backups go to now (the setting, else "backups" beside the
 * database); NULL without a database. */
char        *tsu_window_dup_backup_folder (TsuWindow *self);
/* Backs the database up to @destination in a thread ("Back Up Now…"
 * without its file chooser): a toast while it runs, then a toast naming
 * the file, or a dialog saying why it failed. */
void         tsu_window_back_up      (TsuWindow           *self,
                                      const char          *destination,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean     tsu_window_back_up_finish (TsuWindow         *self,
                                        GAsyncResult      *result,
                                        GError           **error);
/* Replaces the database's content with the backup at @backup_path in a
 * thread (the current state is backed up first), then reloads every view
 * and says in a toast what was restored. A failure is returned, not
 * shown. */
void         tsu_window_restore      (TsuWindow           *self,
                                      const char          *backup_path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean     tsu_window_restore_finish (TsuWindow         *self,
                                        GAsyncResult      *result,
                                        GError           **error);

G_END_DECLS
