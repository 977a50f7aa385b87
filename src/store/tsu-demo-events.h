/* tsu-demo-events.h: the event planner's part of the demo data (private
 * to the store: a part of tsu_demo_fill()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

/* The events of 令和5年度 with their programmes, attendees and the
 * minutes of the 5th council meeting. Needs the demo directory. */
gboolean tsu_demo_fill_events (TsuDatabase  *db,
                               GError      **error);

G_END_DECLS
