/* tsu-event-session.h: one item of an event's programme — a session of a
 * training, a stop of a tour, a part of a meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_EVENT_SESSION (tsu_event_session_get_type ())
G_DECLARE_FINAL_TYPE (TsuEventSession, tsu_event_session, TSU, EVENT_SESSION, GObject)

/* Head counts not yet taken are TSU_HEAD_COUNT_UNKNOWN. */
#define TSU_HEAD_COUNT_UNKNOWN (-1)

TsuEventSession *tsu_event_session_new           (gint64 event_id);
TsuEventSession *tsu_event_session_copy          (TsuEventSession *self);

gint64      tsu_event_session_get_id         (TsuEventSession *self);
gint64      tsu_event_session_get_version    (TsuEventSession *self);
gint64      tsu_event_session_get_event_id   (TsuEventSession *self);
/* 1, 2, 3 … in programme order. */
guint       tsu_event_session_get_position   (TsuEventSession *self);
const char *tsu_event_session_get_title      (TsuEventSession *self);
/* Lecturer of a session or host of a stop. */
const char *tsu_event_session_get_lecturer   (TsuEventSession *self);
/* ISO date-times as for events; "" when not set. */
const char *tsu_event_session_get_starts_at  (TsuEventSession *self);
const char *tsu_event_session_get_ends_at    (TsuEventSession *self);
const char *tsu_event_session_get_place      (TsuEventSession *self);
guint       tsu_event_session_get_capacity   (TsuEventSession *self);
int         tsu_event_session_get_head_count (TsuEventSession *self);

void tsu_event_session_set_position   (TsuEventSession *self, guint position);
void tsu_event_session_set_title      (TsuEventSession *self, const char *title);
void tsu_event_session_set_lecturer   (TsuEventSession *self, const char *lecturer);
void tsu_event_session_set_starts_at  (TsuEventSession *self, const char *iso);
void tsu_event_session_set_ends_at    (TsuEventSession *self, const char *iso);
void tsu_event_session_set_place      (TsuEventSession *self, const char *place);
void tsu_event_session_set_capacity   (TsuEventSession *self, guint capacity);
void tsu_event_session_set_head_count (TsuEventSession *self, int head_count);

GPtrArray *tsu_event_session_validate (TsuEventSession *self);
/* Insert or update; a position already taken in the event is
 * TSU_STORE_ERROR_INVALID. */
gboolean   tsu_event_session_save     (TsuEventSession  *self,
                                       TsuDatabase      *db,
                                       GError          **error);
gboolean   tsu_event_session_delete   (TsuDatabase      *db,
                                       gint64            id,
                                       GError          **error);
/* Moves a session up or down the programme by swapping positions with its
 * neighbour (@delta -1 or +1), in one transaction. */
gboolean   tsu_event_session_move     (TsuDatabase      *db,
                                       gint64            id,
                                       int               delta,
                                       GError          **error);

/* In programme order. */
GPtrArray       *tsu_event_session_load_for_event (TsuDatabase  *db,
                                                   gint64        event_id,
                                                   GError      **error);
/* NULL with no error when there is none. */
TsuEventSession *tsu_event_session_find_by_position (TsuDatabase  *db,
                                                     gint64        event_id,
                                                     guint         position,
                                                     GError      **error);

G_END_DECLS
