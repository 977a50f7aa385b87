/* tsu-session-editor.h: the window that adds or edits one item of an
 * event's programme.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-event.h"
#include "tsu-event-session.h"

G_BEGIN_DECLS

#define TSU_TYPE_SESSION_EDITOR (tsu_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (TsuSessionEditor, tsu_session_editor, TSU, SESSION_EDITOR, AdwWindow)

/* Edits a copy of @session of @event, or a new session at the end of the
 * programme when @session is NULL. Emits "saved" with the saved copy
 * before it closes. */
TsuSessionEditor *tsu_session_editor_new (GtkWindow       *parent,
                                          TsuDatabase     *database,
                                          TsuEvent        *event,
                                          TsuEventSession *session);

/* The message shown next to @field ("title", "starts-at", "ends-at",
 * "head-count", …), or NULL. */
const char *tsu_session_editor_get_field_error  (TsuSessionEditor *self,
                                                 const char       *field);
/* Entry rows for "title", "lecturer", "starts-at", "ends-at", "place",
 * "head-count"; a spin button for "capacity". */
GtkWidget  *tsu_session_editor_get_field_widget (TsuSessionEditor *self,
                                                 const char       *field);

G_END_DECLS
