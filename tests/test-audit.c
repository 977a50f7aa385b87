/* test-audit.c: the audit trail and undo built on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tsu-attendee.h"
#include "tsu-audit.h"
#include "tsu-case.h"
#include "tsu-history.h"
#include "tsu-demo.h"
#include "tsu-organization.h"
#include "tsu-person.h"

static TsuDatabase *
new_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-audit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  TsuDatabase *db = tsu_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static gint64
query_int64 (TsuDatabase *db,
             const char  *sql)
{
  sqlite3_stmt *stmt = tsu_database_prepare (db, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static TsuOrganization *
add_organization (TsuDatabase *db,
                  const char  *name,
                  const char  *phone)
{
  TsuOrganization *org = tsu_organization_new ();
  g_autoptr(GError) error = NULL;

  tsu_organization_set_legal_form (org, "NPO法人");
  tsu_organization_set_name (org, name);
  tsu_organization_set_reading (org, "ほうぼく");
  tsu_organization_set_phone (org, phone);
  g_assert_true (tsu_organization_save (org, db, &error));
  g_assert_no_error (error);
  return org;
}

static const TsuAuditField *
find_field (const TsuAuditEntry *entry,
            const char          *column)
{
  for (guint i = 0; i < entry->fields->len; i++)
    {
      const TsuAuditField *field = g_ptr_array_index (entry->fields, i);

      if (g_str_equal (field->column, column))
        return field;
    }
  return NULL;
}

static void
on_change_committed (TsuDatabase *db,
                     gint64       change_id,
                     GArray      *seen)
{
  g_array_append_val (seen, change_id);
}

/* Every write is in the trail with who, when, old and new; the history of
 * an organisation includes its people. */
static void
test_trail (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuOrganization) org = add_organization (db, "抱樸", "093-000-0000");
  g_autoptr(TsuPerson) person = tsu_person_new (tsu_organization_get_id (org));
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const TsuAuditEntry *entry;
  const TsuAuditField *field;

  tsu_person_set_name (person, "山田 花子");
  tsu_person_set_reading (person, "やまだ はなこ");
  g_assert_true (tsu_person_save (person, db, &error));
  g_assert_no_error (error);
  tsu_organization_set_phone (org, "093-111-1111");
  g_assert_true (tsu_organization_save (org, db, &error));
  g_assert_no_error (error);

  entries = tsu_audit_list_for_record (db, "organizations", tsu_organization_get_id (org), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->action, ==, TSU_AUDIT_INSERT);
  g_assert_cmpstr (entry->table, ==, "organizations");
  g_assert_cmpstr (entry->user, ==, g_get_user_name ());
  g_assert_cmpuint (strlen (entry->changed_at), ==, 19);
  field = find_field (entry, "name");
  g_assert_nonnull (field);
  g_assert_null (field->old_value);
  g_assert_cmpstr (field->new_value, ==, "抱樸");
  /* Derived columns are not news to anyone. */
  g_assert_null (find_field (entry, "sort_key"));
  g_assert_null (find_field (entry, "version"));

  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->table, ==, "people");
  g_assert_cmpint (entry->action, ==, TSU_AUDIT_INSERT);

  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpint (entry->action, ==, TSU_AUDIT_UPDATE);
  g_assert_cmpuint (entry->fields->len, ==, 1);
  field = g_ptr_array_index (entry->fields, 0);
  g_assert_cmpstr (field->column, ==, "phone");
  g_assert_cmpstr (field->old_value, ==, "093-000-0000");
  g_assert_cmpstr (field->new_value, ==, "093-111-1111");

  /* Each save is a change of its own. */
  g_assert_cmpint (((TsuAuditEntry *) g_ptr_array_index (entries, 0))->change_id, <,
                   ((TsuAuditEntry *) g_ptr_array_index (entries, 2))->change_id);
}

/* Undo puts back what one change did, and nothing else. */
static void
test_undo_update_and_delete (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuOrganization) org = add_organization (db, "抱樸", "093-000-0000");
  g_autoptr(TsuOrganization) loaded = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gint64 id = tsu_organization_get_id (org);
  gint64 edit, removal, version_before_undo;

  g_signal_connect (db, "change-committed", G_CALLBACK (on_change_committed), seen);

  tsu_organization_set_phone (org, "093-111-1111");
  g_assert_true (tsu_organization_save (org, db, &error));
  edit = tsu_database_get_last_change (db);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, edit);

  g_assert_true (tsu_organization_delete (db, id, &error));
  g_assert_no_error (error);
  removal = tsu_database_get_last_change (db);
  g_assert_cmpint (removal, >, edit);
  description = tsu_audit_describe_change (db, removal);
  g_assert_cmpstr (description, ==, "Deleted Organisation “NPO法人 抱樸”");
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM organizations WHERE deleted_at IS NULL"), ==, 0);

  g_assert_true (tsu_database_undo_change (db, removal, &error));
  g_assert_no_error (error);
  /* An undo is not itself offered for undo. */
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM organizations WHERE deleted_at IS NULL"), ==, 1);
  loaded = tsu_organization_load_by_id (db, id, &error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (tsu_organization_get_phone (loaded), ==, "093-111-1111");
  version_before_undo = tsu_organization_get_version (loaded);
  g_clear_object (&loaded);

  g_assert_true (tsu_database_undo_change (db, edit, &error));
  g_assert_no_error (error);
  loaded = tsu_organization_load_by_id (db, id, &error);
  g_assert_cmpstr (tsu_organization_get_phone (loaded), ==, "093-000-0000");
  /* The version moves on, so that another copy holding the undone state
   * sees a conflict instead of overwriting. */
  g_assert_cmpint (tsu_organization_get_version (loaded), >, version_before_undo);
  /* The undo is in the trail too. */
  g_assert_cmpint (query_int64 (db, "SELECT count(DISTINCT change_id) FROM audit_log"), ==, 5);
}

/* A row changed again since cannot be undone silently. */
static void
test_undo_conflict (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuOrganization) org = add_organization (db, "抱樸", "093-000-0000");
  g_autoptr(TsuOrganization) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first;

  tsu_organization_set_phone (org, "093-111-1111");
  g_assert_true (tsu_organization_save (org, db, NULL));
  first = tsu_database_get_last_change (db);
  tsu_organization_set_phone (org, "093-222-2222");
  g_assert_true (tsu_organization_save (org, db, NULL));

  g_assert_false (tsu_database_undo_change (db, first, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT);
  loaded = tsu_organization_load_by_id (db, tsu_organization_get_id (org), NULL);
  g_assert_cmpstr (tsu_organization_get_phone (loaded), ==, "093-222-2222");

  g_clear_error (&error);
  g_assert_false (tsu_database_undo_change (db, 999999, &error));
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND);
}

/* A hard delete with what it cascaded to comes back whole: an attendee
 * with the programme items attended. */
static void
test_undo_cascade (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(GError) error = NULL;
  gint64 attendee, sessions, change;

  g_assert_true (tsu_demo_fill (db, &error));
  g_assert_no_error (error);
  /* An attendee of an event with a programme, marked at two items. */
  attendee = query_int64 (db, "SELECT a.id FROM attendees AS a"
                              " WHERE (SELECT count(*) FROM event_sessions AS s WHERE s.event_id = a.event_id) > 1"
                              " LIMIT 1");
  {
    g_autofree char *first = g_strdup_printf ("SELECT s.id FROM event_sessions AS s, attendees AS a"
                                              " WHERE s.event_id = a.event_id AND a.id = %" G_GINT64_FORMAT
                                              " ORDER BY s.position LIMIT 1", attendee);
    g_autofree char *second = g_strconcat (first, " OFFSET 1", NULL);
    gint64 items[2];

    items[0] = query_int64 (db, first);
    items[1] = query_int64 (db, second);
    g_assert_true (tsu_attendee_set_session_ids (db, attendee, items, 2, &error));
    g_assert_no_error (error);
  }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM attendee_sessions WHERE attendee_id = %"
                                            G_GINT64_FORMAT, attendee);
    sessions = query_int64 (db, sql);
    g_assert_cmpint (sessions, >, 1);

    g_assert_true (tsu_attendee_delete (db, attendee, &error));
    g_assert_no_error (error);
    g_assert_cmpint (query_int64 (db, sql), ==, 0);
    change = tsu_database_get_last_change (db);

    tsu_database_undo_change (db, change, &error);
    g_assert_no_error (error);
    g_assert_cmpint (query_int64 (db, sql), ==, sessions);
  }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM attendees WHERE id = %" G_GINT64_FORMAT
                                            " AND length (sort_key) > 0", attendee);
    g_assert_cmpint (query_int64 (db, sql), ==, 1);
  }
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

/* Undoing a change of a case keeps the case's timeline and adds the undo
 * to it. */
static void
test_undo_case (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(TsuCase) kase = NULL;
  g_autoptr(TsuCase) loaded = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  TsuHistoryEntry *last;
  gint64 id;

  g_assert_true (tsu_demo_fill (db, &error));
  id = query_int64 (db, "SELECT min(id) FROM cases");
  kase = tsu_case_load_by_id (db, id, &error);
  g_assert_no_error (error);
  tsu_case_set_language (kase, "タガログ語");
  g_assert_true (tsu_case_save (kase, db, &error));
  g_assert_no_error (error);
  before = tsu_history_load_for_case (db, id, NULL);

  g_assert_true (tsu_database_undo_change (db, tsu_database_get_last_change (db), &error));
  g_assert_no_error (error);
  loaded = tsu_case_load_by_id (db, id, NULL);
  g_assert_cmpstr (tsu_case_get_language (loaded), !=, "タガログ語");
  after = tsu_history_load_for_case (db, id, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  last = g_ptr_array_index (after, after->len - 1);
  g_assert_cmpstr (last->field, ==, "undo");
  g_assert_nonnull (last->new_value);
}

/* Names for people, and free text about a person in need kept out of
 * view. */
static void
test_labels (void)
{
  g_assert_cmpstr (tsu_audit_table_label ("organizations"), ==, "Organisation");
  g_assert_cmpstr (tsu_audit_column_label ("organizations", "name"), ==, "Organisation Name");
  g_assert_cmpstr (tsu_audit_column_label ("events", "name"), ==, "Name");
  g_assert_cmpstr (tsu_audit_column_label ("events", "no_such_column"), ==, "no_such_column");
  g_assert_true (tsu_audit_column_is_private ("cases", "notes"));
  g_assert_true (tsu_audit_column_is_private ("referrals", "override"));
  g_assert_false (tsu_audit_column_is_private ("organizations", "notes"));
}

/* The whole trail can be read in order, for the export. */
static gboolean
count_entry (const TsuAuditEntry  *entry,
             gpointer              user_data,
             GError              **error)
{
  gint64 *last = user_data;

  g_assert_cmpint (entry->id, >, *last);
  *last = entry->id;
  return TRUE;
}

static void
test_foreach (void)
{
  g_autoptr(TsuDatabase) db = new_database ();
  g_autoptr(GError) error = NULL;
  gint64 last = 0;

  g_assert_true (tsu_demo_fill (db, &error));
  g_assert_true (tsu_audit_foreach (db, count_entry, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (last, ==, query_int64 (db, "SELECT max(id) FROM audit_log"));
  /* Every table but the log, the settings and the case timeline (itself
   * a record of logged changes) has its triggers. */
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                    " AND name GLOB 'audit_*'"), ==,
                   3 * query_int64 (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                                        " AND name NOT IN ('audit_log', 'settings', 'history')"
                                        " AND name NOT GLOB 'sqlite_*'"));
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                    " AND tbl_name = 'history'"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/trail", test_trail);
  g_test_add_func ("/audit/undo-update-and-delete", test_undo_update_and_delete);
  g_test_add_func ("/audit/undo-conflict", test_undo_conflict);
  g_test_add_func ("/audit/undo-cascade", test_undo_cascade);
  g_test_add_func ("/audit/undo-case", test_undo_case);
  g_test_add_func ("/audit/labels", test_labels);
  g_test_add_func ("/audit/foreach", test_foreach);

  return g_test_run ();
}
