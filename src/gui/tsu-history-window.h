/* tsu-history-window.h: the audit trail of one record — every change of
 * it and of the rows that belong to it (an organisation's people, an
 * event's programme and attendees, …), newest first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_HISTORY_WINDOW (tsu_history_window_get_type ())
G_DECLARE_FINAL_TYPE (TsuHistoryWindow, tsu_history_window, TSU, HISTORY_WINDOW, AdwWindow)

/* @table and @row_id name the record ("organizations", 12); @name is what
 * people call it ("NPO法人 抱樸"), for the title. The list follows the
 * database's "changed" signal. */
TsuHistoryWindow *tsu_history_window_new         (GtkWindow        *parent,
                                                  TsuDatabase      *database,
                                                  const char       *table,
                                                  gint64            row_id,
                                                  const char       *name);
/* Opens the window (the one already open for that record, if any). */
void              tsu_history_window_present_for (GtkWidget        *widget,
                                                  TsuDatabase      *database,
                                                  const char       *table,
                                                  gint64            row_id,
                                                  const char       *name);

/* What the window shows, for tests: the number of entries, and entry
 * @position (0 is the newest) as its cells joined by tabs: when, who,
 * what, and the field changes one per line. */
guint             tsu_history_window_get_n_entries (TsuHistoryWindow *self);
char             *tsu_history_window_dup_entry_text (TsuHistoryWindow *self,
                                                     guint             position);

G_END_DECLS
