/* tsu-minutes-editor.h: writing the minutes (議事録) of a meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-event.h"

G_BEGIN_DECLS

#define TSU_TYPE_MINUTES_EDITOR (tsu_minutes_editor_get_type ())
G_DECLARE_FINAL_TYPE (TsuMinutesEditor, tsu_minutes_editor, TSU, MINUTES_EDITOR, AdwWindow)

TsuMinutesEditor *tsu_minutes_editor_new (GtkWindow   *parent,
                                          TsuDatabase *database,
                                          TsuEvent    *event);

G_END_DECLS
