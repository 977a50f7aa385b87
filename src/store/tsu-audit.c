/* tsu-audit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-audit.h"
#include "tsu-database-private.h"
#include "tsu-history.h"

/* Tables whose rows belong to a record shown on a page of its own, and the
 * column that names that record: their changes appear in its history. */
static const struct
{
  const char *table;
  const char *column;
  const char *parent;
} parents[] = {
  { "people", "organization_id", "organizations" },
  { "event_sessions", "event_id", "events" },
  { "attendees", "event_id", "events" },
  { "agenda_items", "event_id", "events" },
  { "payments", "budget_line_id", "budget_lines" },
  { "referrals", "case_id", "cases" },
};

/* Not audited: the log itself, the program's own bookkeeping, and the
 * case timeline (history). A history row is itself a record of a change
 * to a case or referral, written in the same transaction as that change,
 * whose old and new values this trail already holds; it is never edited.
 * Logging it again doubled the trail and made a large referrals import
 * four times slower (tests/bench). The triggers are installed again by
 * the last migration, which drops history's from older files. */
static gboolean
is_audited (const char *table)
{
  return !g_str_has_prefix (table, "sqlite_")
         && g_strcmp0 (table, "audit_log") != 0
         && g_strcmp0 (table, "settings") != 0
         && g_strcmp0 (table, "history") != 0;
}

typedef struct
{
  char     *name;
  gboolean  is_blob;
} Column;

static void
column_free (Column *column)
{
  g_free (column->name);
  g_free (column);
}

static GPtrArray *
load_columns (TsuDatabase  *db,
              const char   *table,
              GError      **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  sqlite3_stmt *stmt = tsu_database_prepare (db, "SELECT name, upper (type) FROM pragma_table_info (?)", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Column *column = g_new0 (Column, 1);

      column->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      column->is_blob = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "BLOB") == 0;
      g_ptr_array_add (columns, column);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE || columns->len == 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_FAILED,
                   _("The table “%s” cannot be read."), table);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

/* json_object ('id', P.id, 'sort_key', hex (P.sort_key), …): one row as a
 * JSON object, in the triggers (P is NEW or OLD) and when undo compares
 * the row as it is now (P is the table). Blobs are kept as hex, since JSON
 * has no bytes; NULL stays NULL. */
static char *
row_json_sql (GPtrArray  *columns,
              const char *prefix)
{
  GString *sql = g_string_new ("json_object (");

  for (guint i = 0; i < columns->len; i++)
    {
      Column *column = g_ptr_array_index (columns, i);

      if (i > 0)
        g_string_append (sql, ", ");
      if (column->is_blob)
        g_string_append_printf (sql, "'%s', CASE WHEN %s.\"%s\" IS NULL THEN NULL ELSE hex (%s.\"%s\") END",
                                column->name, prefix, column->name, prefix, column->name);
      else
        g_string_append_printf (sql, "'%s', %s.\"%s\"", column->name, prefix, column->name);
    }
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

static const char *
parent_column (const char  *table,
               const char **parent_table)
{
  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    if (g_str_equal (parents[i].table, table))
      {
        *parent_table = parents[i].parent;
        return parents[i].column;
      }
  *parent_table = NULL;
  return NULL;
}

static char *
trigger_sql (const char *table,
             GPtrArray  *columns,
             const char *action)
{
  gboolean has_old = !g_str_equal (action, "insert");
  gboolean has_new = !g_str_equal (action, "delete");
  const char *row = has_new ? "NEW" : "OLD";
  const char *parent_table;
  const char *parent = parent_column (table, &parent_table);
  g_autofree char *old_json = has_old ? row_json_sql (columns, "OLD") : g_strdup ("NULL");
  g_autofree char *new_json = has_new ? row_json_sql (columns, "NEW") : g_strdup ("NULL");
  g_autofree char *parent_table_sql = parent ? g_strdup_printf ("'%s'", parent_table) : g_strdup ("NULL");
  g_autofree char *parent_id_sql = parent ? g_strdup_printf ("%s.\"%s\"", row, parent) : g_strdup ("NULL");

  return g_strdup_printf ("CREATE TRIGGER \"audit_%s_%s\" AFTER %s ON \"%s\" BEGIN "
                          "INSERT INTO audit_log (change_id, changed_at, user, table_name, row_id,"
                          " parent_table, parent_id, action, old_values, new_values)"
                          " VALUES (tsu_change_id (), strftime ('%%Y-%%m-%%dT%%H:%%M:%%S', 'now', 'localtime'),"
                          " tsu_user (), '%s', %s.rowid, %s, %s, '%s', %s, %s); END",
                          table, action, g_str_equal (action, "insert") ? "INSERT"
                                         : g_str_equal (action, "update") ? "UPDATE" : "DELETE",
                          table, table, row, parent_table_sql, parent_id_sql, action, old_json, new_json);
}

gboolean
tsu_audit_install_triggers (TsuDatabase  *db,
                            GError      **error)
{
  static const char * const actions[] = { "insert", "update", "delete" };
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = tsu_database_prepare (db, "SELECT name, type FROM sqlite_schema"
                               " WHERE (type = 'table' OR (type = 'trigger' AND name GLOB 'audit_*'))"
                               " ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "trigger"))
        g_ptr_array_add (triggers, g_strdup (name));
      else if (is_audited (name))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_reset (stmt);

  /* Dropped and created again, so that columns added by a migration are
   * in the JSON. */
  for (guint i = 0; i < triggers->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) g_ptr_array_index (triggers, i));

      if (!tsu_database_exec (db, drop, error))
        return FALSE;
    }
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr(GPtrArray) columns = load_columns (db, table, error);

      if (columns == NULL)
        return FALSE;
      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        {
          g_autofree char *sql = trigger_sql (table, columns, actions[a]);

          if (!tsu_database_exec (db, sql, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ---- reading the trail ---------------------------------------------- */

void
tsu_audit_entry_free (TsuAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->changed_at);
  g_free (entry->user);
  g_free (entry->table);
  g_clear_pointer (&entry->fields, g_ptr_array_unref);
  g_free (entry);
}

static void
field_free (TsuAuditField *field)
{
  g_free (field->column);
  g_free (field->old_value);
  g_free (field->new_value);
  g_free (field);
}

/* Columns the program derives or keeps for itself: not news to a person. */
static gboolean
is_derived_column (const char *column)
{
  static const char * const derived[] = {
    "sort_key", "search_key", "affiliation_key", "version", "created_at", "updated_at", NULL
  };

  return g_strv_contains (derived, column);
}

static TsuAuditAction
parse_action (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return TSU_AUDIT_INSERT;
  if (g_strcmp0 (action, "delete") == 0)
    return TSU_AUDIT_DELETE;
  return TSU_AUDIT_UPDATE;
}

/* The fields of an entry, by comparing the old and new JSON in SQLite. */
static GPtrArray *
load_fields (TsuDatabase  *db,
             const char   *old_values,
             const char   *new_values,
             GError      **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Keys in the order of the table's columns (json_each keeps it). */
  stmt = tsu_database_prepare (db,
                               "SELECT k.key, json_extract (?1, '$.\"' || k.key || '\"'),"
                               " json_extract (?2, '$.\"' || k.key || '\"')"
                               " FROM json_each (coalesce (?2, ?1)) AS k",
                               error);
  if (stmt == NULL)
    return NULL;
  tsu_bind_text (stmt, 1, old_values);
  tsu_bind_text (stmt, 2, new_values);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 0);
      const char *old_value = (const char *) sqlite3_column_text (stmt, 1);
      const char *new_value = (const char *) sqlite3_column_text (stmt, 2);
      TsuAuditField *field;

      if (is_derived_column (column) || (old_value == NULL && new_value == NULL)
          || g_strcmp0 (old_value, new_value) == 0)
        continue;
      field = g_new0 (TsuAuditField, 1);
      field->column = g_strdup (column);
      field->old_value = g_strdup (old_value);
      field->new_value = g_strdup (new_value);
      g_ptr_array_add (fields, field);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&fields);
}

#define ENTRY_COLUMNS "id, change_id, changed_at, user, table_name, row_id, action, old_values, new_values"

/* Reads the entry @stmt stands on; the fields need a second statement, so
 * the texts are copied first. */
static TsuAuditEntry *
entry_from_row (TsuDatabase   *db,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(TsuAuditEntry) entry = g_new0 (TsuAuditEntry, 1);
  g_autofree char *old_values = tsu_column_dup_text (stmt, 7);
  g_autofree char *new_values = tsu_column_dup_text (stmt, 8);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->change_id = sqlite3_column_int64 (stmt, 1);
  entry->changed_at = tsu_column_dup_text (stmt, 2);
  entry->user = tsu_column_dup_text (stmt, 3);
  entry->table = tsu_column_dup_text (stmt, 4);
  entry->row_id = sqlite3_column_int64 (stmt, 5);
  entry->action = parse_action ((const char *) sqlite3_column_text (stmt, 6));
  entry->fields = load_fields (db, old_values, new_values, error);
  if (entry->fields == NULL)
    return NULL;
  return g_steal_pointer (&entry);
}

GPtrArray *
tsu_audit_list_for_record (TsuDatabase  *db,
                           const char   *table,
                           gint64        row_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_audit_entry_free);
  sqlite3_stmt *stmt;
  GArray *rows;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  /* Ids first, then each entry: reading fields needs a statement of its
   * own while this one would still be stepping. */
  stmt = tsu_database_prepare (db,
                               "SELECT id FROM audit_log WHERE table_name = ?1 AND row_id = ?2"
                               " UNION SELECT id FROM audit_log WHERE parent_table = ?1 AND parent_id = ?2"
                               " ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row_id);
  rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rows, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_array_unref (rows);
      tsu_database_set_error (db, error);
      return NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      TsuAuditEntry *entry;

      stmt = tsu_database_prepare (db, "SELECT " ENTRY_COLUMNS " FROM audit_log WHERE id = ?", error);
      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, g_array_index (rows, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          continue;
        }
      entry = entry_from_row (db, stmt, error);
      sqlite3_reset (stmt);
      if (entry == NULL)
        break;
      g_ptr_array_add (entries, entry);
    }
  if (entries->len < rows->len && error != NULL && *error != NULL)
    {
      g_array_unref (rows);
      return NULL;
    }
  g_array_unref (rows);
  return g_steal_pointer (&entries);
}

gboolean
tsu_audit_foreach (TsuDatabase  *db,
                   TsuAuditFunc  func,
                   gpointer      user_data,
                   GError      **error)
{
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* A statement of its own (not the cache), stepped while the fields of
   * each entry are read with the cached ones. */
  handle = tsu_database_get_handle (db);
  if (sqlite3_prepare_v2 (handle, "SELECT " ENTRY_COLUMNS " FROM audit_log ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      tsu_database_set_error (db, error);
      return FALSE;
    }
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TsuAuditEntry) entry = entry_from_row (db, stmt, error);

      ok = entry != NULL && func (entry, user_data, error);
    }
  if (ok && rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* ---- names for people ------------------------------------------------ */

static const struct
{
  const char *table;
  const char *label;
} table_labels[] = {
  { "organizations", NC_("audit table", "Organisation") },
  { "people", NC_("audit table", "Contact Person") },
  { "events", NC_("audit table", "Event") },
  { "event_sessions", NC_("audit table", "Programme Item") },
  { "attendees", NC_("audit table", "Attendee") },
  { "attendee_sessions", NC_("audit table", "Programme Item Attended") },
  { "agenda_items", NC_("audit table", "Agenda Item") },
  { "remarks", NC_("audit table", "Remark") },
  { "budget_lines", NC_("audit table", "Budget Line") },
  { "payments", NC_("audit table", "Payment") },
  { "contractors", NC_("audit table", "Contractor") },
  { "cases", NC_("audit table", "Case") },
  { "referrals", NC_("audit table", "Referral") },
  { "history", NC_("audit table", "Case Timeline") },
};

/* By column name; a table of NULL applies to every table, the first match
 * wins. */
static const struct
{
  const char *table;
  const char *column;
  const char *label;
} column_labels[] = {
  { "organizations", "name", NC_("audit column", "Organisation Name") },
  { "people", "name", NC_("audit column", "Full Name") },
  { "attendees", "name", NC_("audit column", "Full Name") },
  { "budget_lines", "name", NC_("audit column", "Project Name") },
  { "people", "title", NC_("audit column", "Position") },
  { "attendees", "title", NC_("audit column", "Position") },
  { "events", "kind", NC_("audit column", "Type") },
  { "remarks", "kind", NC_("audit column", "Speaker") },
  { "budget_lines", "amount", NC_("audit column", "Budget") },
  { "cases", "notes", NC_("audit column", "Memo") },
  { NULL, "id", NC_("audit column", "ID") },
  { NULL, "legal_form", NC_("audit column", "Legal Form") },
  { NULL, "name", NC_("audit column", "Name") },
  { NULL, "reading", NC_("audit column", "Reading") },
  { NULL, "kind", NC_("audit column", "Kind") },
  { NULL, "fields", NC_("audit column", "Fields of Activity") },
  { NULL, "ward", NC_("audit column", "Ward") },
  { NULL, "address", NC_("audit column", "Address") },
  { NULL, "phone", NC_("audit column", "Phone") },
  { NULL, "email", NC_("audit column", "Email") },
  { NULL, "website", NC_("audit column", "Website") },
  { NULL, "hours", NC_("audit column", "Service Hours") },
  { NULL, "joined_on", NC_("audit column", "Joined") },
  { NULL, "left_on", NC_("audit column", "Left") },
  { NULL, "notes", NC_("audit column", "Notes") },
  { NULL, "deleted_at", NC_("audit column", "Deleted") },
  { NULL, "organization_id", NC_("audit column", "Organisation") },
  { NULL, "title", NC_("audit column", "Title") },
  { NULL, "is_primary", NC_("audit column", "Representative") },
  { NULL, "key", NC_("audit column", "Key") },
  { NULL, "number", NC_("audit column", "Number") },
  { NULL, "starts_at", NC_("audit column", "Starts") },
  { NULL, "ends_at", NC_("audit column", "Ends") },
  { NULL, "venue", NC_("audit column", "Venue") },
  { NULL, "organizer", NC_("audit column", "Organiser") },
  { NULL, "pillars", NC_("audit column", "Basic Policies") },
  { NULL, "status", NC_("audit column", "Status") },
  { NULL, "capacity", NC_("audit column", "Capacity") },
  { NULL, "budget_line", NC_("audit column", "Budget Line") },
  { NULL, "event_id", NC_("audit column", "Event") },
  { NULL, "position", NC_("audit column", "Order") },
  { NULL, "lecturer", NC_("audit column", "Lecturer") },
  { NULL, "place", NC_("audit column", "Place") },
  { NULL, "head_count", NC_("audit column", "Head Count") },
  { NULL, "person_id", NC_("audit column", "Contact Person") },
  { NULL, "affiliation", NC_("audit column", "Affiliation") },
  { NULL, "walk_in", NC_("audit column", "Walk-in") },
  { NULL, "attendee_id", NC_("audit column", "Attendee") },
  { NULL, "session_id", NC_("audit column", "Programme Item") },
  { NULL, "summary", NC_("audit column", "Summary") },
  { NULL, "agenda_item_id", NC_("audit column", "Agenda Item") },
  { NULL, "organization", NC_("audit column", "Organisation") },
  { NULL, "text", NC_("audit column", "Remark") },
  { NULL, "fiscal_year", NC_("audit column", "Fiscal Year") },
  { NULL, "description", NC_("audit column", "Description") },
  { NULL, "purpose", NC_("audit column", "Purpose and Expected Effect") },
  { NULL, "timing", NC_("audit column", "Timing") },
  { NULL, "contractor", NC_("audit column", "Contractor") },
  { NULL, "amount", NC_("audit column", "Amount") },
  { NULL, "funding", NC_("audit column", "Funding") },
  { NULL, "draft", NC_("audit column", "Draft") },
  { NULL, "budget_line_id", NC_("audit column", "Budget Line") },
  { NULL, "paid_on", NC_("audit column", "Paid On") },
  { NULL, "memo", NC_("audit column", "Memo") },
  { NULL, "code", NC_("audit column", "Case Number") },
  { NULL, "received_on", NC_("audit column", "Received") },
  { NULL, "entrance", NC_("audit column", "Received By") },
  { NULL, "age_band", NC_("audit column", "Age") },
  { NULL, "foreign_resident", NC_("audit column", "Foreign Resident") },
  { NULL, "language", NC_("audit column", "Language") },
  { NULL, "concerns", NC_("audit column", "Concerns") },
  { NULL, "contact", NC_("audit column", "How They Came") },
  { NULL, "consent", NC_("audit column", "Consent") },
  { NULL, "consent_on", NC_("audit column", "Consent Date") },
  { NULL, "consent_how", NC_("audit column", "How Consent Was Given") },
  { NULL, "legal_basis", NC_("audit column", "Legal Basis") },
  { NULL, "support_meeting", NC_("audit column", "Support Meeting") },
  { NULL, "support_meeting_on", NC_("audit column", "Support Meeting Date") },
  { NULL, "case_id", NC_("audit column", "Case") },
  { NULL, "from_place", NC_("audit column", "From") },
  { NULL, "to_place", NC_("audit column", "To") },
  { NULL, "referred_on", NC_("audit column", "Referred On") },
  { NULL, "due_on", NC_("audit column", "Due") },
  { NULL, "reason", NC_("audit column", "Reason") },
  { NULL, "closed_on", NC_("audit column", "Closed") },
  { NULL, "override", NC_("audit column", "Reason for Going Ahead Without Consent") },
  { NULL, "record", NC_("audit column", "Record") },
  { NULL, "record_id", NC_("audit column", "Record ID") },
  { NULL, "field", NC_("audit column", "Field") },
  { NULL, "old_value", NC_("audit column", "Before") },
  { NULL, "new_value", NC_("audit column", "After") },
  { NULL, "changed_at", NC_("audit column", "Changed At") },
  { NULL, "user", NC_("audit column", "User") },
};

const char *
tsu_audit_table_label (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_labels); i++)
    if (g_strcmp0 (table_labels[i].table, table) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "audit table", table_labels[i].label);
  return table;
}

const char *
tsu_audit_column_label (const char *table,
                        const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_labels); i++)
    if ((column_labels[i].table == NULL || g_strcmp0 (column_labels[i].table, table) == 0)
        && g_strcmp0 (column_labels[i].column, column) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "audit column", column_labels[i].label);
  return column;
}

const char *
tsu_audit_action_label (TsuAuditAction action)
{
  switch (action)
    {
    case TSU_AUDIT_INSERT:
      return C_("audit action", "Added");
    case TSU_AUDIT_DELETE:
      return C_("audit action", "Deleted");
    case TSU_AUDIT_UPDATE:
    default:
      return C_("audit action", "Changed");
    }
}

gboolean
tsu_audit_column_is_private (const char *table,
                             const char *column)
{
  return (g_strcmp0 (table, "cases") == 0 && g_strcmp0 (column, "notes") == 0)
         || (g_strcmp0 (table, "referrals") == 0 && g_strcmp0 (column, "override") == 0)
         || (g_strcmp0 (table, "history") == 0
             && (g_strcmp0 (column, "old_value") == 0 || g_strcmp0 (column, "new_value") == 0));
}

/* ---- undo ------------------------------------------------------------- */

char *
tsu_audit_describe_change (TsuDatabase *db,
                           gint64       change_id)
{
  sqlite3_stmt *stmt;
  g_autofree char *table = NULL;
  g_autofree char *action = NULL;
  g_autofree char *name = NULL;
  gboolean soft_delete = FALSE;
  gint64 rows = 0;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  /* The first row names the change: what the user saved or deleted comes
   * first, what it cascaded to after. */
  stmt = tsu_database_prepare (db,
                               "SELECT table_name, action,"
                               " coalesce (trim (coalesce (json_extract (coalesce (new_values, old_values), '$.legal_form'), '')"
                               "  || ' ' || json_extract (coalesce (new_values, old_values), '$.name')),"
                               "  json_extract (coalesce (new_values, old_values), '$.title'),"
                               "  json_extract (coalesce (new_values, old_values), '$.code'),"
                               "  json_extract (coalesce (new_values, old_values), '$.paid_on')),"
                               " json_extract (old_values, '$.deleted_at') IS NULL"
                               "  AND json_extract (new_values, '$.deleted_at') IS NOT NULL,"
                               " (SELECT count(*) FROM audit_log AS o WHERE o.change_id = audit_log.change_id"
                               "  AND o.table_name = audit_log.table_name AND o.action = audit_log.action)"
                               " FROM audit_log WHERE change_id = ? AND table_name <> 'history'"
                               " ORDER BY id LIMIT 1",
                               NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, change_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      table = tsu_column_dup_text (stmt, 0);
      action = tsu_column_dup_text (stmt, 1);
      name = tsu_column_dup_text (stmt, 2);
      soft_delete = sqlite3_column_int (stmt, 3) != 0;
      rows = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (table == NULL)
    return NULL;

  if (rows > 1 && g_str_equal (action, "insert"))
    /* Translators: an import, e.g. "団体 12件の追加" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %2$d %1$s record", "Added %2$d %1$s records",
                                         (gulong) rows),
                            tsu_audit_table_label (table), (int) rows);
  if (name == NULL)
    name = g_strdup ("");
  if (soft_delete || g_str_equal (action, "delete"))
    /* Translators: kind of record and its name, e.g. "団体「抱樸」の削除" */
    return g_strdup_printf (_("Deleted %s “%s”"), tsu_audit_table_label (table), name);
  if (g_str_equal (action, "insert"))
    return g_strdup_printf (_("Added %s “%s”"), tsu_audit_table_label (table), name);
  return g_strdup_printf (_("Changed %s “%s”"), tsu_audit_table_label (table), name);
}

typedef struct
{
  char   *table;
  gint64  row_id;
  char   *action;
  char   *old_values;
  char   *new_values;
  gint64  case_id;     /* for a case's timeline, 0 when none */
} UndoStep;

static void
undo_step_free (UndoStep *step)
{
  g_free (step->table);
  g_free (step->action);
  g_free (step->old_values);
  g_free (step->new_values);
  g_free (step);
}

/* Binds a value of a row's JSON as it was stored: hex back to bytes for
 * blob columns. */
static void
bind_json_value (sqlite3_stmt *target,
                 int           index,
                 sqlite3_stmt *value_row,
                 int           column,
                 gboolean      is_blob)
{
  sqlite3_value *value = sqlite3_column_value (value_row, column);

  if (sqlite3_value_type (value) == SQLITE_NULL)
    sqlite3_bind_null (target, index);
  else if (is_blob)
    {
      const char *hex = (const char *) sqlite3_value_text (value);
      gsize length = strlen (hex) / 2;
      g_autofree guint8 *bytes = g_malloc (length + 1);

      for (gsize i = 0; i < length; i++)
        bytes[i] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) << 4 | g_ascii_xdigit_value (hex[2 * i + 1]));
      sqlite3_bind_blob (target, index, bytes, (int) length, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_value (target, index, value);
}

/* The row as it is now, as the triggers would log it; NULL if absent. */
static gboolean
current_row_json (TsuDatabase  *db,
                  const char   *table,
                  GPtrArray    *columns,
                  gint64        row_id,
                  char        **json,
                  GError      **error)
{
  g_autofree char *expression = row_json_sql (columns, "t");
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM \"%s\" AS t WHERE t.rowid = ?", expression, table);
  sqlite3_stmt *stmt = tsu_database_prepare (db, sql, error);
  int rc;

  *json = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *json = tsu_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Writes @values (a row's JSON) into the row: an UPDATE of every column
 * but the id and the version, which moves on so that a copy of the program
 * holding the undone state sees a conflict; or an INSERT of every column. */
static gboolean
write_row (TsuDatabase  *db,
           const char   *table,
           GPtrArray    *columns,
           gint64        row_id,
           const char   *values,
           gboolean      insert,
           GError      **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) bound = g_ptr_array_new ();
  sqlite3_stmt *values_stmt;
  sqlite3_stmt *stmt;
  gboolean has_version = FALSE;
  int rc;

  for (guint i = 0; i < columns->len; i++)
    {
      Column *column = g_ptr_array_index (columns, i);

      if (g_str_equal (column->name, "version"))
        has_version = TRUE;
      if (!insert && (g_str_equal (column->name, "id") || g_str_equal (column->name, "version")))
        continue;
      g_ptr_array_add (bound, column);
    }

  if (insert)
    {
      /* The row gets its rowid back: an id that is the rowid is among the
       * columns; a table without one (attendee_sessions) needs it named,
       * or a row put back first could take the rowid of the next. */
      g_string_append_printf (sql, "INSERT INTO \"%s\" (rowid", table);
      for (guint i = 0; i < bound->len; i++)
        g_string_append_printf (sql, ", \"%s\"", ((Column *) g_ptr_array_index (bound, i))->name);
      g_string_append_printf (sql, ") VALUES (?%u", bound->len + 1);
      for (guint i = 0; i < bound->len; i++)
        g_string_append_printf (sql, ", ?%u", i + 1);
      g_string_append (sql, ")");
    }
  else
    {
      g_string_append_printf (sql, "UPDATE \"%s\" SET ", table);
      for (guint i = 0; i < bound->len; i++)
        g_string_append_printf (sql, "%s\"%s\" = ?%u", i ? ", " : "",
                                ((Column *) g_ptr_array_index (bound, i))->name, i + 1);
      if (has_version)
        g_string_append (sql, ", version = version + 1");
      g_string_append_printf (sql, " WHERE rowid = ?%u", bound->len + 1);
    }

  /* One value per column, read from the JSON by SQLite itself. */
  values_stmt = tsu_database_prepare (db, "SELECT value FROM json_each (?1) WHERE key = ?2", error);
  if (values_stmt == NULL)
    return FALSE;
  stmt = tsu_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < bound->len; i++)
    {
      Column *column = g_ptr_array_index (bound, i);

      sqlite3_reset (values_stmt);
      sqlite3_bind_text (values_stmt, 1, values, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (values_stmt, 2, column->name, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (values_stmt) == SQLITE_ROW)
        bind_json_value (stmt, (int) i + 1, values_stmt, 0, column->is_blob);
      else
        sqlite3_bind_null (stmt, (int) i + 1);
    }
  sqlite3_reset (values_stmt);
  sqlite3_bind_int64 (stmt, (int) bound->len + 1, row_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Whether the row is as a change left it. The version and time of the last
 * write do not count: an undone delete brings a row back with a new
 * version, and the edit before it can still be undone. */
static gboolean
row_matches (TsuDatabase  *db,
             const char   *now,
             const char   *expected,
             gboolean     *matches,
             GError      **error)
{
  sqlite3_stmt *stmt;

  if (now == NULL || expected == NULL)
    {
      *matches = now == expected;
      return TRUE;
    }
  stmt = tsu_database_prepare (db,
                               "SELECT NOT EXISTS (SELECT 1 FROM json_each (?1) AS a"
                               " WHERE a.key NOT IN ('version', 'updated_at')"
                               " AND a.value IS NOT json_extract (?2, '$.\"' || a.key || '\"'))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, expected, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      tsu_database_set_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *matches = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
undo_step (TsuDatabase  *db,
           UndoStep     *step,
           GError      **error)
{
  g_autoptr(GPtrArray) columns = load_columns (db, step->table, error);
  g_autofree char *now = NULL;
  g_autofree char *delete_sql = NULL;
  sqlite3_stmt *stmt;
  gboolean matches;

  if (columns == NULL || !current_row_json (db, step->table, columns, step->row_id, &now, error)
      || !row_matches (db, now, step->new_values, &matches, error))
    return FALSE;

  /* The row must be as this change left it; anything else means it was
   * changed again since, and putting the old values back would silently
   * throw that later change away. */
  if (!matches)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT,
                   _("This change cannot be undone: the %s has been changed again since. Open it and make the change by hand."),
                   tsu_audit_table_label (step->table));
      return FALSE;
    }

  if (g_str_equal (step->action, "insert"))
    {
      delete_sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE rowid = ?", step->table);
      stmt = tsu_database_prepare (db, delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, step->row_id);
      return tsu_database_step_done (db, stmt, error);
    }
  return write_row (db, step->table, columns, step->row_id, step->old_values,
                    g_str_equal (step->action, "delete"), error);
}

gboolean
tsu_database_undo_change (TsuDatabase  *db,
                          gint64        change_id,
                          GError      **error)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_step_free);
  g_autoptr(GHashTable) tables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *changed_at = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  if (!tsu_database_begin (db, error))
    return FALSE;
  tsu_database_set_undoing (db, TRUE);

  /* The case timeline keeps what happened, so its rows stay; the undo is
   * added to it instead. */
  stmt = tsu_database_prepare (db,
                               "SELECT table_name, row_id, action, old_values, new_values, changed_at,"
                               " CASE table_name WHEN 'cases' THEN row_id"
                               "  WHEN 'referrals' THEN json_extract (coalesce (new_values, old_values), '$.case_id')"
                               "  ELSE 0 END"
                               " FROM audit_log WHERE change_id = ? AND table_name <> 'history'"
                               " ORDER BY id DESC",
                               error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, change_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          UndoStep *step = g_new0 (UndoStep, 1);

          step->table = tsu_column_dup_text (stmt, 0);
          step->row_id = sqlite3_column_int64 (stmt, 1);
          step->action = tsu_column_dup_text (stmt, 2);
          step->old_values = tsu_column_dup_text (stmt, 3);
          step->new_values = tsu_column_dup_text (stmt, 4);
          g_free (changed_at);
          changed_at = tsu_column_dup_text (stmt, 5);
          step->case_id = sqlite3_column_int64 (stmt, 6);
          g_ptr_array_add (steps, step);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          tsu_database_set_error (db, error);
          ok = FALSE;
        }
      else if (steps->len == 0)
        {
          g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                       _("There is nothing to undo: the change is no longer in the database."));
          ok = FALSE;
        }
    }

  /* Rows come back in any order within the change (a parent after its
   * children); the foreign keys are checked once, at the commit. */
  if (ok)
    ok = tsu_database_exec (db, "PRAGMA defer_foreign_keys = ON", error);
  for (guint i = 0; ok && i < steps->len; i++)
    {
      UndoStep *step = g_ptr_array_index (steps, i);

      ok = undo_step (db, step, error);
      g_hash_table_add (tables, step->table);
      if (step->case_id > 0 && !g_hash_table_contains (cases, &step->case_id))
        {
          gint64 *case_id = g_memdup2 (&step->case_id, sizeof (gint64));

          g_hash_table_add (cases, case_id);
        }
    }
  if (ok)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, cases);
      while (ok && g_hash_table_iter_next (&iter, &key, NULL))
        ok = tsu_history_add (db, *(gint64 *) key, "case", *(gint64 *) key, "undo", NULL, changed_at, error);
    }
  if (!ok)
    {
      tsu_database_rollback (db);
      tsu_database_set_undoing (db, FALSE);
      return FALSE;
    }
  ok = tsu_database_commit (db, error);
  tsu_database_set_undoing (db, FALSE);
  if (ok)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, tables);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        tsu_database_emit_changed (db, key);
    }
  return ok;
}
