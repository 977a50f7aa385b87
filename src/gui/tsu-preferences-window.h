/* tsu-preferences-window.h: the council's name and target, date style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TSU_TYPE_PREFERENCES_WINDOW (tsu_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TsuPreferencesWindow, tsu_preferences_window, TSU, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *tsu_preferences_window_new (void);

G_END_DECLS
