/* tsu-events-view.h: the event planner (事業・会議).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-event.h"

G_BEGIN_DECLS

#define TSU_TYPE_EVENTS_VIEW (tsu_events_view_get_type ())
G_DECLARE_FINAL_TYPE (TsuEventsView, tsu_events_view, TSU, EVENTS_VIEW, AdwBin)

GtkWidget *tsu_events_view_new          (void);
/* Loads the events of @database and follows its "changed" signal. */
void       tsu_events_view_set_database (TsuEventsView *self,
                                         TsuDatabase   *database);
/* Opens the editor for a new event (Ctrl+N in the view). */
void       tsu_events_view_add_event    (TsuEventsView *self);
/* Shows the event's page. */
void       tsu_events_view_show_event   (TsuEventsView *self,
                                         gint64         event_id);
/* The event whose page is shown, or NULL. */
TsuEvent  *tsu_events_view_get_selected (TsuEventsView *self);
void       tsu_events_view_focus_search (TsuEventsView *self);

G_END_DECLS
