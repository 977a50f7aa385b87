/* tsu-import-dialog.h: File ▸ Import…, a CSV file checked before it is
 * imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-import.h"

G_BEGIN_DECLS

#define TSU_TYPE_IMPORT_DIALOG (tsu_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsuImportDialog, tsu_import_dialog, TSU, IMPORT_DIALOG, AdwWindow)

/* A modal dialog over @parent that imports into @database. */
GtkWidget *tsu_import_dialog_new      (GtkWindow       *parent,
                                       TsuDatabase     *database);
/* Chooses the file and kind as the user would, and starts the check. */
void       tsu_import_dialog_set_file (TsuImportDialog *self,
                                       TsuImportKind    kind,
                                       GFile           *file);

G_END_DECLS
