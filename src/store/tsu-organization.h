/* tsu-organization.h: a member organisation, city department or partner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

typedef enum
{
  TSU_ORGANIZATION_KIND_MEMBER,      /* 参加団体 */
  TSU_ORGANIZATION_KIND_GOVERNMENT,  /* 行政 */
  TSU_ORGANIZATION_KIND_PARTNER,     /* 協力団体 */
} TsuOrganizationKind;

/* "member", "government", "partner" as in the CSV and the database. */
const char *tsu_organization_kind_to_code  (TsuOrganizationKind  kind);
/* Accepts the code or the Japanese label; FALSE if neither. */
gboolean    tsu_organization_kind_from_text (const char          *text,
                                             TsuOrganizationKind *kind);
/* Translated label: 参加団体, 行政, 協力団体. */
const char *tsu_organization_kind_to_label (TsuOrganizationKind  kind);

/* The fields of activity offered in choosers (translated); users may type
 * others. */
const char * const *tsu_organization_common_fields (void);

#define TSU_TYPE_ORGANIZATION (tsu_organization_get_type ())
G_DECLARE_FINAL_TYPE (TsuOrganization, tsu_organization, TSU, ORGANIZATION, GObject)

TsuOrganization     *tsu_organization_new            (void);
/* A detached copy, for an editor that may be cancelled. */
TsuOrganization     *tsu_organization_copy           (TsuOrganization *self);

gint64               tsu_organization_get_id         (TsuOrganization *self);
gint64               tsu_organization_get_version    (TsuOrganization *self);
const char          *tsu_organization_get_legal_form (TsuOrganization *self);
const char          *tsu_organization_get_name       (TsuOrganization *self);
const char          *tsu_organization_get_reading    (TsuOrganization *self);
TsuOrganizationKind  tsu_organization_get_kind       (TsuOrganization *self);
const char * const  *tsu_organization_get_fields     (TsuOrganization *self);
const char          *tsu_organization_get_ward       (TsuOrganization *self);
const char          *tsu_organization_get_address    (TsuOrganization *self);
const char          *tsu_organization_get_phone      (TsuOrganization *self);
const char          *tsu_organization_get_email      (TsuOrganization *self);
const char          *tsu_organization_get_website    (TsuOrganization *self);
const char          *tsu_organization_get_hours      (TsuOrganization *self);
const char          *tsu_organization_get_joined_on  (TsuOrganization *self);
const char          *tsu_organization_get_left_on    (TsuOrganization *self);
const char          *tsu_organization_get_notes      (TsuOrganization *self);
/* Normalised name, legal form and reading, for search-as-you-type. */
const char          *tsu_organization_get_search_key (TsuOrganization *self);

/* Setters take any text; validation happens in tsu_organization_validate(). */
void tsu_organization_set_legal_form (TsuOrganization *self, const char *legal_form);
void tsu_organization_set_name       (TsuOrganization *self, const char *name);
void tsu_organization_set_reading    (TsuOrganization *self, const char *reading);
void tsu_organization_set_kind       (TsuOrganization *self, TsuOrganizationKind kind);
void tsu_organization_set_fields     (TsuOrganization *self, const char * const *fields);
void tsu_organization_set_ward       (TsuOrganization *self, const char *ward);
void tsu_organization_set_address    (TsuOrganization *self, const char *address);
void tsu_organization_set_phone      (TsuOrganization *self, const char *phone);
void tsu_organization_set_email      (TsuOrganization *self, const char *email);
void tsu_organization_set_website    (TsuOrganization *self, const char *website);
void tsu_organization_set_hours      (TsuOrganization *self, const char *hours);
void tsu_organization_set_joined_on  (TsuOrganization *self, const char *iso_date);
void tsu_organization_set_left_on    (TsuOrganization *self, const char *iso_date);
void tsu_organization_set_notes      (TsuOrganization *self, const char *notes);

/* "NPO法人 抱樸": the legal form and the name, as lists print them. */
char     *tsu_organization_dup_display_name (TsuOrganization *self);
/* "ホームレス支援、フードバンク". */
char     *tsu_organization_dup_fields_text  (TsuOrganization *self);
/* Splits a CSV cell or an entry ("a;b", "a、b") into fields. */
GStrv     tsu_organization_parse_fields     (const char      *text);
/* Has not left by @today_iso (NULL: today). */
gboolean  tsu_organization_is_current       (TsuOrganization *self,
                                             const char      *today_iso);
gboolean  tsu_organization_has_field        (TsuOrganization *self,
                                             const char      *field);

/* Problems (TsuFieldProblem) that keep the record from being saved; an
 * empty array when it is fine. */
GPtrArray *tsu_organization_validate (TsuOrganization *self);

/* Inserts (id 0) or updates the record in one transaction. An update of a
 * record that someone else changed since it was loaded fails with
 * TSU_STORE_ERROR_CONFLICT. On success the id and version are updated. */
gboolean   tsu_organization_save     (TsuOrganization  *self,
                                      TsuDatabase      *db,
                                      GError          **error);

/* Every organisation not deleted, 五十音順 by the reading without its
 * legal form (then by name). */
GPtrArray       *tsu_organization_load_all     (TsuDatabase  *db,
                                                GError      **error);
TsuOrganization *tsu_organization_load_by_id   (TsuDatabase  *db,
                                                gint64        id,
                                                GError      **error);
/* Matches "NPO法人 抱樸", "抱樸" or "ＮＰＯ法人　抱樸" alike; NULL with no
 * error when there is none. */
TsuOrganization *tsu_organization_find_by_name (TsuDatabase  *db,
                                                const char   *name,
                                                GError      **error);
/* Other organisations whose name or reading matches this one's: a likely
 * duplicate. */
GPtrArray       *tsu_organization_find_similar (TsuOrganization *self,
                                                TsuDatabase     *db,
                                                GError         **error);
/* Member organisations that have not left. */
guint            tsu_organization_count_current_members (TsuDatabase  *db,
                                                         GError      **error);

/* Deleting marks the record (and its people) deleted, so that undoing
 * the change (tsu_database_undo_change()) brings them back. */
gboolean tsu_organization_delete   (TsuDatabase  *db,
                                    gint64        id,
                                    GError      **error);

G_END_DECLS
