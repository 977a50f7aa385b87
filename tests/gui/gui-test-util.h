/* gui-test-util.h: what the UI tests need alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until nothing is pending. */
void       spin        (void);
/* The first widget under @root (itself included) of @type, named @name
 * unless @name is NULL. */
GtkWidget *find_widget (GtkWidget  *root,
                        GType       type,
                        const char *name);

/* The shown toplevel of @type, if any: GTK 4 has no other way to reach
 * a dialog a widget opened by itself. */
GtkWindow *find_toplevel (GType type);

G_END_DECLS
