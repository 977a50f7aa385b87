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

G_END_DECLS
