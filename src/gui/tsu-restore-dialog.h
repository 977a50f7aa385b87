/* tsu-restore-dialog.h: choose a backup of the open database, see what it
 * holds, and restore it after a confirmation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-window.h"

G_BEGIN_DECLS

#define TSU_TYPE_RESTORE_DIALOG (tsu_restore_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsuRestoreDialog, tsu_restore_dialog, TSU, RESTORE_DIALOG, AdwWindow)

/* Lists the backups of @window's database, newest first, in the backup
 * folder of the settings (and beside the database, if that is another
 * folder). */
GtkWidget *tsu_restore_dialog_new         (TsuWindow        *window);
/* Adds @path to the list and selects it, as "Choose Another File…"
 * does with the file chosen. */
void       tsu_restore_dialog_add_file    (TsuRestoreDialog *self,
                                           const char       *path);
/* The path of the backup selected now, or NULL. */
const char *tsu_restore_dialog_get_selected_path (TsuRestoreDialog *self);

G_END_DECLS
