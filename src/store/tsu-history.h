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
  /* The column names of CLI.md's referrals file where there is one:
   * "status", "to", "referred_on", "concerns", … and otherwise "code",
   * "contact", "consent_on", "consent_how", "support_meeting",
   * "support_meeting_on", "due_on", "override". */
  char   *field;
  /* Codes as in CSV files (never translated labels): "connected",
   * "poverty;food", "yes"/"no", ward names, ISO dates; NULL for empty and
   * for the old value of a new record. Notes are never copied into the
   * history: their change is recorded with TSU_HISTORY_HIDDEN ("…") for
   * notes that were or became non-empty. */
  char   *old_value;
  char   *new_value;
} TsuHistoryEntry;

#define TSU_HISTORY_HIDDEN "…"

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
/* Records several changes of one record at once inside the caller's
 * transaction, as many tsu_history_add() calls would, in one statement:
 * @fields, @old_values and @new_values have @n entries each. */
gboolean   tsu_history_add_fields (TsuDatabase        *db,
                                   gint64              case_id,
                                   const char         *record,
                                   gint64              record_id,
                                   const char * const *fields,
                                   const char * const *old_values,
                                   const char * const *new_values,
                                   guint               n,
                                   GError            **error);
/* The timeline of a case and its referrals, oldest first. */
GPtrArray *tsu_history_load_for_case (TsuDatabase  *db,
                                      gint64        case_id,
                                      GError      **error);

G_END_DECLS
