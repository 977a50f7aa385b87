/* tsu-attendee.h: a person registered for an event: a member's or a city
 * department's person, or someone from outside.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"
#include "tsu-organization.h"
#include "tsu-person.h"

G_BEGIN_DECLS

typedef enum
{
  TSU_ATTENDEE_STATUS_REGISTERED, /* 申込 */
  TSU_ATTENDEE_STATUS_ATTENDED,   /* 出席 */
  TSU_ATTENDEE_STATUS_ABSENT,     /* 欠席 */
  TSU_ATTENDEE_STATUS_CANCELLED,  /* 取消 */
  TSU_N_ATTENDEE_STATUSES
} TsuAttendeeStatus;

const char *tsu_attendee_status_to_code   (TsuAttendeeStatus  status);
const char *tsu_attendee_status_to_label  (TsuAttendeeStatus  status);
gboolean    tsu_attendee_status_from_text (const char        *text,
                                           TsuAttendeeStatus *status);

/* Attendee lists print in these groups, in this order, as the council's
 * minutes do: member organisations, then others (partners and people from
 * outside), then city departments. */
typedef enum
{
  TSU_ATTENDEE_GROUP_MEMBER,
  TSU_ATTENDEE_GROUP_OTHER,
  TSU_ATTENDEE_GROUP_GOVERNMENT,
} TsuAttendeeGroup;

#define TSU_TYPE_ATTENDEE (tsu_attendee_get_type ())
G_DECLARE_FINAL_TYPE (TsuAttendee, tsu_attendee, TSU, ATTENDEE, GObject)

TsuAttendee       *tsu_attendee_new              (gint64           event_id);
/* Copies name, reading and title of @person of @organization. */
TsuAttendee       *tsu_attendee_new_for_person   (gint64           event_id,
                                                  TsuPerson       *person,
                                                  TsuOrganization *organization);
TsuAttendee       *tsu_attendee_copy             (TsuAttendee     *self);

gint64             tsu_attendee_get_id              (TsuAttendee *self);
gint64             tsu_attendee_get_version         (TsuAttendee *self);
gint64             tsu_attendee_get_event_id        (TsuAttendee *self);
/* 0 for someone not in the directory. */
gint64             tsu_attendee_get_person_id       (TsuAttendee *self);
/* 0 for someone from outside the directory. */
gint64             tsu_attendee_get_organization_id (TsuAttendee *self);
/* What lists print as the person's affiliation: the organisation's
 * display name when linked (filled in by the load functions), else the
 * free text typed for an outside person. */
const char        *tsu_attendee_get_affiliation     (TsuAttendee *self);
const char        *tsu_attendee_get_name            (TsuAttendee *self);
const char        *tsu_attendee_get_reading         (TsuAttendee *self);
const char        *tsu_attendee_get_title           (TsuAttendee *self);
TsuAttendeeStatus  tsu_attendee_get_status          (TsuAttendee *self);
/* Added at the reception desk on the day. */
gboolean           tsu_attendee_get_walk_in         (TsuAttendee *self);
/* Set by the load functions from the organisation's kind. */
TsuAttendeeGroup   tsu_attendee_get_group           (TsuAttendee *self);
/* Normalised name, reading and affiliation, for the reception desk's
 * search. */
const char        *tsu_attendee_get_search_key      (TsuAttendee *self);

void tsu_attendee_set_person_id       (TsuAttendee *self, gint64 person_id);
void tsu_attendee_set_organization_id (TsuAttendee *self, gint64 organization_id);
void tsu_attendee_set_affiliation     (TsuAttendee *self, const char *affiliation);
void tsu_attendee_set_name            (TsuAttendee *self, const char *name);
void tsu_attendee_set_reading         (TsuAttendee *self, const char *reading);
void tsu_attendee_set_title           (TsuAttendee *self, const char *title);
void tsu_attendee_set_status          (TsuAttendee *self, TsuAttendeeStatus status);
void tsu_attendee_set_walk_in         (TsuAttendee *self, gboolean walk_in);

GPtrArray *tsu_attendee_validate (TsuAttendee  *self);
/* Insert or update with the row-version check. The same person (or the
 * same name and affiliation) twice in one event is
 * TSU_STORE_ERROR_INVALID. */
gboolean   tsu_attendee_save     (TsuAttendee  *self,
                                  TsuDatabase  *db,
                                  GError      **error);
/* The reception desk's one-step change; updates @self's version too. */
gboolean   tsu_attendee_set_status_in_db (TsuAttendee       *self,
                                          TsuDatabase       *db,
                                          TsuAttendeeStatus  status,
                                          GError           **error);
gboolean   tsu_attendee_delete   (TsuDatabase  *db,
                                  gint64        id,
                                  GError      **error);

/* In list order: by group, then organisations 五十音順 by reading without
 * legal form (outside affiliations by their text), then people by reading.
 * Cancelled attendees only when @include_cancelled. */
GPtrArray *tsu_attendee_load_for_event (TsuDatabase  *db,
                                        gint64        event_id,
                                        gboolean      include_cancelled,
                                        GError      **error);
/* Counts per status, indexed by TsuAttendeeStatus. */
gboolean   tsu_attendee_count_by_status (TsuDatabase  *db,
                                         gint64        event_id,
                                         guint         counts[TSU_N_ATTENDEE_STATUSES],
                                         GError      **error);

/* Which programme items (TsuEventSession ids) an attendee attended. */
GArray    *tsu_attendee_load_session_ids (TsuDatabase   *db,
                                          gint64         attendee_id,
                                          GError       **error);
gboolean   tsu_attendee_set_session_ids  (TsuDatabase   *db,
                                          gint64         attendee_id,
                                          const gint64  *session_ids,
                                          guint          n_session_ids,
                                          GError       **error);

G_END_DECLS
