/* tsu-preferences-window.h: the council's name and target, date style,
 * where backups go and how many are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TSU_TYPE_PREFERENCES_WINDOW (tsu_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TsuPreferencesWindow, tsu_preferences_window, TSU, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *tsu_preferences_window_new (void);
/* The database whose default backup folder the window shows, or NULL. */
void       tsu_preferences_window_set_database_path (TsuPreferencesWindow *self,
                                                     const char           *database_path);

G_END_DECLS
