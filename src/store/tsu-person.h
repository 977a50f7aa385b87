/* tsu-person.h: a representative or contact person of an organisation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_PERSON (tsu_person_get_type ())
G_DECLARE_FINAL_TYPE (TsuPerson, tsu_person, TSU, PERSON, GObject)

TsuPerson  *tsu_person_new                (gint64       organization_id);
TsuPerson  *tsu_person_copy               (TsuPerson   *self);

gint64      tsu_person_get_id             (TsuPerson   *self);
gint64      tsu_person_get_version        (TsuPerson   *self);
gint64      tsu_person_get_organization_id (TsuPerson  *self);
const char *tsu_person_get_name           (TsuPerson   *self);
const char *tsu_person_get_reading        (TsuPerson   *self);
const char *tsu_person_get_title          (TsuPerson   *self);
const char *tsu_person_get_phone          (TsuPerson   *self);
const char *tsu_person_get_email          (TsuPerson   *self);
gboolean    tsu_person_get_primary        (TsuPerson   *self);

void tsu_person_set_organization_id (TsuPerson *self, gint64 organization_id);
void tsu_person_set_name            (TsuPerson *self, const char *name);
void tsu_person_set_reading         (TsuPerson *self, const char *reading);
void tsu_person_set_title           (TsuPerson *self, const char *title);
void tsu_person_set_phone           (TsuPerson *self, const char *phone);
void tsu_person_set_email           (TsuPerson *self, const char *email);
void tsu_person_set_primary         (TsuPerson *self, gboolean primary);

/* Problems (TsuFieldProblem) that keep the record from being saved. */
GPtrArray *tsu_person_validate  (TsuPerson    *self);
/* Inserts or updates, with the same conflict check as organisations.
 * Making a person the primary contact makes the others of the same
 * organisation not primary. */
gboolean   tsu_person_save      (TsuPerson    *self,
                                 TsuDatabase  *db,
                                 GError      **error);
gboolean   tsu_person_delete    (TsuDatabase  *db,
                                 gint64        id,
                                 GError      **error);

/* The people of one organisation: the primary contact first, then by
 * reading. */
GPtrArray *tsu_person_load_for_organization (TsuDatabase  *db,
                                             gint64        organization_id,
                                             GError      **error);
/* Matches a person of an organisation by name, ignoring spaces and
 * width; NULL with no error when there is none. */
TsuPerson *tsu_person_find_by_name          (TsuDatabase  *db,
                                             gint64        organization_id,
                                             const char   *name,
                                             GError      **error);

G_END_DECLS
