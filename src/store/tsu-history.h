/* tsu-history.h: every change of a case or referral, kept with the time,
 * the operating-system user and the old and new values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

typedef struct
{
  char   *changed_at;  /* ISO date-time, local */
  char   *user;        /* g_get_user_name () */
  char   *record;      /* "case" or "referral" */
  gint64  record_id;
  char   *field;       /* column name: "status", "to", … */
  char   *old_value;   /* NULL for a new record */
  char   *new_value;
} TsuHistoryEntry;

void       tsu_history_entry_free (TsuHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsuHistoryEntry, tsu_history_entry_free)

/* Records one change inside the caller's transaction. */
gboolean   tsu_history_add        (TsuDatabase  *db,
                                   gint64        case_id,
                                   const char   *record,
                                   gint64        record_id,
                                   const char   *field,
                                   const char   *old_value,
                                   const char   *new_value,
                                   GError      **error);
/* The timeline of a case and its referrals, oldest first. */
GPtrArray *tsu_history_load_for_case (TsuDatabase  *db,
                                      gint64        case_id,
                                      GError      **error);

G_END_DECLS
