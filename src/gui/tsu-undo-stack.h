/* tsu-undo-stack.h: the changes of this session that Ctrl+Z can undo.
 *
 * A stack listens to TsuDatabase::change-committed of one database and
 * keeps the last TSU_UNDO_STACK_DEPTH change ids with what they did
 * ("団体「NPO法人 抱樸」の変更"), newest on top. Undoing goes through
 * tsu_database_undo_change(), so a save, a delete with everything it
 * cascaded to or an import comes back as one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_UNDO_STACK_DEPTH 20

#define TSU_TYPE_UNDO_STACK (tsu_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (TsuUndoStack, tsu_undo_stack, TSU, UNDO_STACK, GObject)

TsuUndoStack *tsu_undo_stack_new          (TsuDatabase  *database);
TsuDatabase  *tsu_undo_stack_get_database (TsuUndoStack *self);
/* The stack listening to @database (the newest if there are several), or
 * NULL: undo buttons elsewhere go through it so that it forgets what they
 * undid. */
TsuUndoStack *tsu_undo_stack_lookup       (TsuDatabase  *database);

/* "can-undo": whether there is anything to undo. */
gboolean      tsu_undo_stack_get_can_undo (TsuUndoStack *self);
/* "label": "Undo 団体「NPO法人 抱樸」の変更" for a tooltip or menu, NULL
 * when there is nothing to undo. */
const char   *tsu_undo_stack_get_label    (TsuUndoStack *self);
guint         tsu_undo_stack_get_n_changes (TsuUndoStack *self);

/* Undoes the newest change and takes it off the stack; returns the
 * message for a toast ("団体「…」の変更を元に戻しました"). A change that
 * cannot be undone any more (TSU_STORE_ERROR_CONFLICT: changed again
 * since) is taken off too, since it never will be; other failures leave
 * the stack as it was. */
char         *tsu_undo_stack_undo         (TsuUndoStack *self,
                                           GError      **error);
/* Undoes @change_id, wherever it is on the stack (or not on it), and
 * forgets it: for the Undo button of a toast. */
gboolean      tsu_undo_stack_undo_change  (TsuUndoStack *self,
                                           gint64        change_id,
                                           GError      **error);

/* What a window's undo action does: undo the newest change, then a toast
 * saying what came back, or a dialog saying why it could not. */
void          tsu_undo_stack_undo_in_widget (TsuUndoStack *self,
                                             GtkWidget    *widget);

/* A shortcut controller for Ctrl+Z that activates @action_name
 * ("win.undo"). It is in the bubble phase and gives way to a focused text
 * field or text view, so Ctrl+Z there undoes typing (GtkText's own undo)
 * and never a saved change; an application accelerator would run first
 * (in the capture phase) and take the key from the text. */
GtkEventController *tsu_undo_shortcut_controller_new (const char *action_name);
/* Whether Ctrl+Z belongs to @focus (a text field or text view that can
 * be typed into) rather than to the window. */
gboolean      tsu_undo_focus_wants_key    (GtkWidget    *focus);

G_END_DECLS
