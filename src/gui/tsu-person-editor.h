/* tsu-person-editor.h: the window that adds or edits a representative or
 * contact person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-person.h"

G_BEGIN_DECLS

#define TSU_TYPE_PERSON_EDITOR (tsu_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (TsuPersonEditor, tsu_person_editor, TSU, PERSON_EDITOR, AdwWindow)

/* Edits a copy of @person (a new one comes from tsu_person_new() with the
 * organisation's id). Emits "saved" with the saved copy before it
 * closes. */
TsuPersonEditor *tsu_person_editor_new (GtkWindow   *parent,
                                        TsuDatabase *database,
                                        TsuPerson   *person);

/* The message shown next to @field ("name", "reading", "email"), or NULL. */
const char *tsu_person_editor_get_field_error  (TsuPersonEditor *self,
                                                const char      *field);
/* The entry row of @field ("name", "reading", "title", "phone",
 * "email"). */
GtkWidget  *tsu_person_editor_get_field_widget (TsuPersonEditor *self,
                                                const char      *field);

G_END_DECLS
