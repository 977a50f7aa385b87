/* tsu-attendee-picker.h: adds attendees to an event: people of the
 * directory, chosen with check buttons, or one person from outside.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-event.h"

G_BEGIN_DECLS

#define TSU_TYPE_ATTENDEE_PICKER (tsu_attendee_picker_get_type ())
G_DECLARE_FINAL_TYPE (TsuAttendeePicker, tsu_attendee_picker, TSU, ATTENDEE_PICKER, AdwWindow)

/* Emits "added" (guint: how many were added) before it closes. */
TsuAttendeePicker *tsu_attendee_picker_new      (GtkWindow         *parent,
                                                 TsuDatabase       *database,
                                                 TsuEvent          *event);
/* "directory" (the default) or "outside". */
void               tsu_attendee_picker_set_page (TsuAttendeePicker *self,
                                                 const char        *page);
/* How many directory people are ticked now. */
guint              tsu_attendee_picker_get_n_chosen (TsuAttendeePicker *self);

G_END_DECLS
