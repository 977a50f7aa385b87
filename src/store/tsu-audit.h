/* tsu-audit.h: the audit trail of every table, and undo built on it.
 *
 * Triggers installed with the schema write one row into `audit_log` for
 * every insert, update and delete in every table (but the log itself and
 * the internal settings), with the time, the operating-system user, the
 * table, the row id and the old and new values as JSON. The rows written by
 * one top-level transaction share a change id, so that one user action —
 * a save, a delete with everything it cascades to, an import — is one
 * change, and undoing it puts back exactly what it touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

typedef enum
{
  TSU_AUDIT_INSERT,
  TSU_AUDIT_UPDATE,
  TSU_AUDIT_DELETE,
} TsuAuditAction;

typedef struct
{
  char *column;     /* "phone" */
  char *old_value;  /* as stored, as text; NULL when empty or for an insert */
  char *new_value;  /* NULL when empty or for a delete */
} TsuAuditField;

typedef struct
{
  gint64          id;
  gint64          change_id;
  char           *changed_at;  /* local time, "2026-11-24T10:03:12" */
  char           *user;        /* g_get_user_name () of the writer */
  char           *table;       /* "organizations" */
  gint64          row_id;
  TsuAuditAction  action;
  /* TsuAuditField: for an update only the columns whose value changed, for
   * an insert or delete every column with a value; never the derived
   * columns (sort keys, search keys, version, timestamps). */
  GPtrArray      *fields;
} TsuAuditEntry;

void           tsu_audit_entry_free (TsuAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsuAuditEntry, tsu_audit_entry_free)

/* The trail of one record, oldest first. Changes of the rows that belong
 * to it are included: an organisation's people, an event's programme,
 * attendees and minutes, a budget line's payments, a case's referrals. */
GPtrArray     *tsu_audit_list_for_record (TsuDatabase  *db,
                                          const char   *table,
                                          gint64        row_id,
                                          GError      **error);

typedef gboolean (*TsuAuditFunc) (const TsuAuditEntry *entry,
                                  gpointer             user_data,
                                  GError             **error);

/* Calls @func for every entry of the trail, oldest first, without loading
 * the whole trail at once; stops at the first FALSE. */
gboolean       tsu_audit_foreach         (TsuDatabase  *db,
                                          TsuAuditFunc  func,
                                          gpointer      user_data,
                                          GError      **error);

/* Translated names for people: "団体" for "organizations", "電話" for
 * (organizations, phone); the column name itself when there is none. */
const char    *tsu_audit_table_label     (const char   *table);
const char    *tsu_audit_column_label    (const char   *table,
                                          const char   *column);
const char    *tsu_audit_action_label    (TsuAuditAction action);
/* Free text about a person in need (case and referral notes, consent
 * overrides): kept in the trail so that undo can bring it back, but shown
 * and exported only as TSU_AUDIT_HIDDEN. */
gboolean       tsu_audit_column_is_private (const char *table,
                                            const char *column);
#define TSU_AUDIT_HIDDEN "…"

/* The change id of the last top-level transaction of this connection that
 * changed a row; 0 when there was none. */
gint64         tsu_database_get_last_change (TsuDatabase *db);

/* "団体「NPO法人 抱樸」の変更" — what a change did, for an undo button or
 * toast. */
char          *tsu_audit_describe_change (TsuDatabase  *db,
                                          gint64        change_id);

/* Puts back every row @change_id touched, newest first, in one
 * transaction that is itself recorded in the trail. Fails with
 * TSU_STORE_ERROR_CONFLICT, changing nothing, when a row has been changed
 * again since (by this or another copy of the program). Emits
 * TsuDatabase::changed for every table it touched. */
gboolean       tsu_database_undo_change  (TsuDatabase  *db,
                                          gint64        change_id,
                                          GError      **error);

G_END_DECLS
