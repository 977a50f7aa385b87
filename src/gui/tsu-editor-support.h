/* tsu-editor-support.h: what the editor windows do alike when a save is
 * refused, written once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-field-errors.h"

G_BEGIN_DECLS

/* An editor's tsu_*_editor_get_field_widget (); pass it cast through
 * (void (*) (void)), as with G_CALLBACK. */
typedef GtkWidget *(*TsuEditorFieldWidgetFunc) (gpointer    editor,
                                                const char *field);

/* Adds a problem about @field to @problems (of TsuFieldProblem) unless
 * @field has one already: the first message about a field is the most
 * precise (a date that does not parse beats "the date is missing"). */
void     tsu_field_problems_add    (GPtrArray                *problems,
                                    const char               *field,
                                    const char               *message);
/* Adds those of @more (may be NULL) whose field has no problem yet. */
void     tsu_field_problems_merge  (GPtrArray                *problems,
                                    GPtrArray                *more);

/* A message dialog over @editor with only a Close button. */
void     tsu_editor_show_message   (GtkWindow                *editor,
                                    const char               *heading,
                                    const char               *body);

/* Refuses a save while @problems (TsuFieldProblem) is not empty: shows
 * them in @errors, focuses the widget of the first problem's field, and
 * says that problem in a dialog headed @heading when no field shows it;
 * with @heading NULL, or when a field shows it, only rings the bell.
 * Returns TRUE when it refused. */
gboolean tsu_editor_refuse_invalid (GtkWindow                *editor,
                                    TsuFieldErrors           *errors,
                                    GPtrArray                *problems,
                                    TsuEditorFieldWidgetFunc  field_widget,
                                    const char               *heading);

/* After a save failed with @error: when someone else saved the record
 * first (TSU_STORE_ERROR_CONFLICT), asks whether to reload it, saying
 * @conflict_body, and connects @on_response (an AdwMessageDialog
 * "response" handler taking @editor) to the answer; else shows @heading
 * and the message. */
void     tsu_editor_save_failed    (GtkWindow                *editor,
                                    const GError             *error,
                                    const char               *heading,
                                    const char               *conflict_body,
                                    GCallback                 on_response);

/* Suggestion menus of the editors' entries: an item that puts @text into
 * the entry through @action (e.g. "editor.organizer", taking a string). */
void     tsu_editor_append_choice  (GMenu                    *menu,
                                    const char               *action,
                                    const char               *text);
/* A "Member Organisations" section of the members that have not left, by
 * display name; @seen (may be NULL) holds names offered already, which
 * are skipped, and gains the new ones. Nothing when there are none. */
void     tsu_editor_append_member_section (GMenu             *menu,
                                           TsuDatabase       *database,
                                           const char        *action,
                                           GHashTable        *seen);
/* A "Ward Counters" section: 門司区役所 … 戸畑区役所, as CLI.md writes them. */
void     tsu_editor_append_ward_counter_section (GMenu       *menu,
                                                 const char  *action);

G_END_DECLS
