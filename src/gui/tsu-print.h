/* tsu-print.h: sends a TsuTablePrint to the GTK print dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tsu-table-print.h"

G_BEGIN_DECLS

/* Shows the print dialog for @printout over @parent (A4, portrait or
 * landscape as the printout asks). Returns at once; errors are shown in a
 * message dialog. */
void tsu_print_table (GtkWindow     *parent,
                      TsuTablePrint *printout);

typedef void (*TsuPrintedFunc) (gpointer user_data);
/* The same, calling @printed once the pages have gone to a printer or a
 * file (not when the dialog is cancelled or printing fails); @destroy
 * frees @user_data in any case. */
void tsu_print_table_full (GtkWindow      *parent,
                           TsuTablePrint  *printout,
                           TsuPrintedFunc  printed,
                           gpointer        user_data,
                           GDestroyNotify  destroy);

G_END_DECLS
