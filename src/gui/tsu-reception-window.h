/* tsu-reception-window.h: the reception desk on the day of an event: type
 * a few kana of a name or organisation, press Enter to mark attended, add
 * a walk-in in one step, with a live count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-event.h"

G_BEGIN_DECLS

#define TSU_TYPE_RECEPTION_WINDOW (tsu_reception_window_get_type ())
G_DECLARE_FINAL_TYPE (TsuReceptionWindow, tsu_reception_window, TSU, RECEPTION_WINDOW, AdwWindow)

TsuReceptionWindow *tsu_reception_window_new (GtkWindow   *parent,
                                              TsuDatabase *database,
                                              TsuEvent    *event);

G_END_DECLS
