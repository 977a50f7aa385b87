/* tsu-view-support.h: small pieces the views and panels share: toasts,
 * error dialogs and the rows of their detail panes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @toast in the main window of @widget, else in the nearest toast
 * overlay around it (tests, other hosts); with neither it is dropped. */
void       tsu_widget_add_toast      (GtkWidget  *widget,
                                      AdwToast   *toast);

/* A message dialog over the window of @widget with only a Close button. */
void       tsu_widget_show_error     (GtkWidget  *widget,
                                      const char *heading,
                                      const char *body);

/* Removes every child of @box. */
void       tsu_list_box_remove_all   (GtkListBox *box);

/* Appends a row showing @value with @title as the caption under it; an
 * empty value shows a dimmed dash. */
void       tsu_list_box_add_detail   (GtkListBox *box,
                                      const char *title,
                                      const char *value);

/* A flat icon button labelled @tooltip that activates @action with the
 * int64 target @id; with @action NULL it stays greyed out. */
GtkWidget *tsu_icon_button_new       (const char *icon_name,
                                      const char *tooltip,
                                      const char *action,
                                      gint64      id);

G_END_DECLS
