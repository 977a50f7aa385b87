/* tsu-event-editor.h: the window that adds or edits an event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-event.h"

G_BEGIN_DECLS

#define TSU_TYPE_EVENT_EDITOR (tsu_event_editor_get_type ())
G_DECLARE_FINAL_TYPE (TsuEventEditor, tsu_event_editor, TSU, EVENT_EDITOR, AdwWindow)

/* Edits a copy of @event, or a new event when @event is NULL. Emits
 * "saved" with the saved copy before it closes. */
TsuEventEditor *tsu_event_editor_new (GtkWindow   *parent,
                                      TsuDatabase *database,
                                      TsuEvent    *event);

/* The message shown next to @field ("key", "title", "starts-at",
 * "ends-at", …), or NULL. */
const char *tsu_event_editor_get_field_error  (TsuEventEditor *self,
                                               const char     *field);
/* The widget of @field: entry rows for "key", "title", "starts-at",
 * "ends-at", "venue", "organizer", "budget-line"; combo rows for "kind"
 * and "status"; spin buttons for "number" and "capacity"; check buttons
 * for "pillar-1" … "pillar-4". */
GtkWidget  *tsu_event_editor_get_field_widget (TsuEventEditor *self,
                                               const char     *field);

G_END_DECLS
