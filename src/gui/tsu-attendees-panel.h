/* tsu-attendees-panel.h: the attendees of one event, on its page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-event.h"

G_BEGIN_DECLS

#define TSU_TYPE_ATTENDEES_PANEL (tsu_attendees_panel_get_type ())
G_DECLARE_FINAL_TYPE (TsuAttendeesPanel, tsu_attendees_panel, TSU, ATTENDEES_PANEL, AdwBin)

GtkWidget *tsu_attendees_panel_new       (void);
/* Shows the attendees of @event (NULL: none) and follows the database's
 * "changed" signal. */
void       tsu_attendees_panel_set_event (TsuAttendeesPanel *self,
                                          TsuDatabase       *database,
                                          TsuEvent          *event);

G_END_DECLS
