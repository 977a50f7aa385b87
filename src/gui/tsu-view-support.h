/* tsu-view-support.h: small pieces the views and panels share: toasts,
 * error dialogs and the rows of their detail panes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"

G_BEGIN_DECLS

/* Shows @toast in the main window of @widget, else in the nearest toast
 * overlay around it (tests, other hosts), else in the first one inside
 * its window; with none it is dropped. */
void       tsu_widget_add_toast      (GtkWidget  *widget,
                                      AdwToast   *toast);

/* A message dialog over the window of @widget with only a Close button. */
void       tsu_widget_show_error     (GtkWidget  *widget,
                                      const char *heading,
                                      const char *body);

/* Shows @text in a toast with an Undo button that undoes @change_id of
 * @database: tsu_database_get_last_change() taken right after the change
 * (a delete, …), before anything else can write. The undo goes through
 * the database's undo stack when there is one, so that Ctrl+Z forgets
 * it; a failure shows tsu_widget_show_undo_error(). With @change_id 0
 * (nothing was written) the toast has no button. */
void       tsu_widget_add_undo_toast (GtkWidget   *widget,
                                      TsuDatabase *database,
                                      gint64       change_id,
                                      const char  *text);

/* Says why @description ("団体「…」の削除", or NULL) could not be undone;
 * a conflict (changed again since) gets a message of its own. */
void       tsu_widget_show_undo_error (GtkWidget    *widget,
                                       const char   *description,
                                       const GError *error);

/* The local path the user accepted in a file chooser, or NULL when it was
 * cancelled or the choice is not a local file (SQLite and the reports
 * write local files only). */
char      *tsu_file_chooser_dup_path (GtkNativeDialog *chooser,
                                      int              response);
/* Offers files named @pattern (of @mime_type) in @chooser, as the format
 * whose file names end in @suffix (".pdf"). */
void        tsu_file_chooser_add_filter (GtkFileChooser *chooser,
                                         const char     *name,
                                         const char     *pattern,
                                         const char     *mime_type,
                                         const char     *suffix);
/* The suffix of the format chosen in @chooser, or NULL. */
const char *tsu_file_chooser_get_suffix (GtkFileChooser *chooser);

/* A slice of the first @page items of @model (consumed), for @list, a
 * widget inside a GtkScrolledWindow: a page more is shown each time the
 * list is scrolled to its end, so that a long list builds rows only for
 * what is looked at. */
GtkSliceListModel *tsu_paged_slice_new           (GListModel        *model,
                                                  guint              page,
                                                  GtkWidget         *list);
/* Shows at least as far as @position (a whole page more). */
void               tsu_paged_slice_show_position (GtkSliceListModel *slice,
                                                  guint              position);
/* Back to the first page, as after a new search. */
void               tsu_paged_slice_reset         (GtkSliceListModel *slice);

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
