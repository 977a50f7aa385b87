/* crash-writer.c: the process the crash harness kills. It opens the
 * database named on its command line and, until it is killed, makes a
 * random mix of real changes through the store's public functions: CSV
 * imports of generated files and single-record edits, as the window and
 * the command line make them.
 *
 *   crash-writer DATABASE RUN SEED
 *
 * RUN numbers the names this process invents, so that they are unique in
 * the database across runs; SEED drives the random choices.
 *
 * Every change is announced on stdout, one tab-separated line each, and
 * stdout is written unbuffered, so the harness reads everything that was
 * written before the kill:
 *
 *   begin   OP     before the store is called
 *   commit  OP     after the store returned success: the change is committed
 *
 * where OP is one of
 *
 *   import    KIND           PREFIX  ROWS   every row's name starts with PREFIX
 *   reimport  organizations  PREFIX  website  OLD  NEW
 *   create    TABLE          COLUMN  VALUE  the commit line adds the new row's id
 *   update    TABLE          ID      COLUMN  OLD  NEW
 *
 * A reimport imports the organisations of an earlier import again with
 * the update flag (as after a round trip through Excel), with a new
 * website for all of them; OLD is the one website they all had.
 *
 * COLUMN is the database column that shows the change (for reading back
 * with plain SQL); OLD is the value the record had when it was loaded. The
 * columns that identify imported and created rows (organizations.name,
 * people.name, events.key, attendees.name, budget_lines.name,
 * payments.memo, cases.entrance, referrals.to_place) are never updated, so
 * the harness can count them, and only reimports change websites. Any failure of the store ends the process
 * with status 3 and a message on stderr: the harness expects to kill it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tsu-attendee.h"
#include "tsu-budget-line.h"
#include "tsu-case.h"
#include "tsu-event.h"
#include "tsu-import.h"
#include "tsu-organization.h"
#include "tsu-payment.h"
#include "tsu-person.h"
#include "tsu-referral.h"

typedef struct
{
  TsuDatabase *db;
  GRand       *rand;
  guint        run;
  guint        n_names;   /* names invented so far by this run */
  char        *csv_dir;
} Writer;

/* ---- output ------------------------------------------------------------ */

/* write(2) straight to the pipe: when this returns, the line is the
 * harness's to read, whatever happens to this process next. */
static void
say (const char *tag,
     const char *op,
     const char *suffix)
{
  g_autofree char *line = g_strconcat (tag, "\t", op, suffix ? "\t" : "", suffix ? suffix : "", "\n", NULL);
  const char *p = line;
  gsize left = strlen (line);

  while (left > 0)
    {
      gssize n = write (STDOUT_FILENO, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        exit (4);
      p += n;
      left -= (gsize) n;
    }
}

static void G_GNUC_NORETURN
fail (const char *what,
      GError     *error)
{
  g_printerr ("crash-writer: %s: %s\n", what, error ? error->message : "failed");
  exit (3);
}

static void
begin (const char *op)
{
  say ("begin", op, NULL);
}

static void
commit (const char *op,
        gint64      id)
{
  g_autofree char *suffix = id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;

  say ("commit", op, suffix);
}

/* ---- choosing ---------------------------------------------------------- */

static int
rand_range (Writer *w,
            int     from,
            int     to_inclusive)
{
  return g_rand_int_range (w->rand, from, to_inclusive + 1);
}

static const char *
rand_choice (Writer             *w,
             const char * const *choices,
             guint               n_choices)
{
  return choices[g_rand_int_range (w->rand, 0, (gint32) n_choices)];
}

#define RAND_CHOICE(w, array) rand_choice ((w), (array), G_N_ELEMENTS (array))

/* "ce-00017-003": unique to this run and call. */
static char *
new_name (Writer     *w,
          const char *kind)
{
  return g_strdup_printf ("%s-%05u-%03u", kind, w->run, w->n_names++);
}

static gint64
query_int64 (Writer     *w,
             const char *sql,
             gint64      value)
{
  GError *error = NULL;
  sqlite3_stmt *stmt = tsu_database_prepare (w->db, sql, &error);
  gint64 result = 0;

  if (stmt == NULL)
    fail (sql, error);
  if (strchr (sql, '?') != NULL)
    sqlite3_bind_int64 (stmt, 1, value);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return result;
}

static char *
query_text (Writer     *w,
            const char *sql,
            gint64      value)
{
  GError *error = NULL;
  sqlite3_stmt *stmt = tsu_database_prepare (w->db, sql, &error);
  char *result = NULL;

  if (stmt == NULL)
    fail (sql, error);
  sqlite3_bind_int64 (stmt, 1, value);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = tsu_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return result;
}

/* A random row of @table that matches @condition, found by a random
 * point in the id range so that it stays cheap however large the table
 * grows; 0 when there is none. */
static gint64
pick_id (Writer     *w,
         const char *table,
         const char *condition)
{
  g_autofree char *max_sql = g_strdup_printf ("SELECT max (id) FROM %s", table);
  g_autofree char *up_sql = g_strdup_printf ("SELECT id FROM %s WHERE id >= ? AND (%s) ORDER BY id LIMIT 1",
                                             table, condition);
  g_autofree char *down_sql = g_strdup_printf ("SELECT id FROM %s WHERE id < ? AND (%s) ORDER BY id DESC LIMIT 1",
                                               table, condition);
  gint64 max = query_int64 (w, max_sql, 0);
  gint64 start, id;

  if (max <= 0)
    return 0;
  start = 1 + (gint64) (g_rand_double (w->rand) * (double) max);
  id = query_int64 (w, up_sql, start);
  if (id == 0)
    id = query_int64 (w, down_sql, start);
  return id;
}

static char *
text_or_empty (const char *text)
{
  return g_strdup (text ? text : "");
}

/* ---- imports ----------------------------------------------------------- */

typedef enum
{
  KIND_ORGANIZATIONS,
  KIND_PEOPLE,
  KIND_EVENTS,
  KIND_ATTENDEES,
  KIND_BUDGET,
  KIND_PAYMENTS,
  KIND_REFERRALS,
  N_KINDS
} Kind;

static const char * const kind_names[N_KINDS] = {
  "organizations", "people", "events", "attendees", "budget", "payments", "referrals",
};

static const TsuImportKind import_kinds[N_KINDS] = {
  TSU_IMPORT_ORGANIZATIONS, TSU_IMPORT_PEOPLE, TSU_IMPORT_EVENTS, TSU_IMPORT_ATTENDEES,
  TSU_IMPORT_BUDGET, TSU_IMPORT_PAYMENTS, TSU_IMPORT_REFERRALS,
};

/* The names of up to three existing rows, for a file that refers to
 * them; NULL when there is none. */
static GPtrArray *
pick_names (Writer     *w,
            const char *table,
            const char *condition,
            const char *name_sql)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < 3; i++)
    {
      gint64 id = pick_id (w, table, condition);

      if (id == 0)
        break;
      g_ptr_array_add (names, query_text (w, name_sql, id));
    }
  if (names->len == 0)
    g_clear_pointer (&names, g_ptr_array_unref);
  return names;
}

#define PICK(names) ((const char *) g_ptr_array_index ((names), (guint) i % (names)->len))

/* The CSV text of an import of @rows rows named PREFIX.NNN, or NULL when
 * what the file would refer to does not exist yet. */
static char *
make_csv (Writer     *w,
          Kind        kind,
          const char *prefix,
          int         rows)
{
  GString *csv = g_string_new (NULL);
  g_autoptr(GPtrArray) names = NULL;
  gint64 code_year = 0;

  switch (kind)
    {
    case KIND_ORGANIZATIONS:
      g_string_append (csv, "name,reading,kind,phone,address\r\n");
      for (int i = 0; i < rows; i++)
        g_string_append_printf (csv, "%s.%03d,くらっしゅ,%s,093-%03u-%04d,北九州市小倉北区%d丁目\r\n",
                                prefix, i, i % 5 == 0 ? "partner" : "member", w->run % 1000, i, i);
      break;

    case KIND_PEOPLE:
      names = pick_names (w, "organizations", "deleted_at IS NULL",
                          "SELECT name FROM organizations WHERE id = ?");
      if (names == NULL)
        break;
      g_string_append (csv, "organization,name,reading,title,phone\r\n");
      for (int i = 0; i < rows; i++)
        g_string_append_printf (csv, "%s,%s.%03d,たんとう,相談員,093-555-%04d\r\n", PICK (names), prefix, i, i);
      break;

    case KIND_EVENTS:
      g_string_append (csv, "キー,種別,名称,開始,会場,状態\r\n");
      for (int i = 0; i < rows; i++)
        g_string_append_printf (csv, "%s.%03d,会議,連携会議 %d,2024-0%d-1%d 14:00,小倉北区役所,予定\r\n",
                                prefix, i, i, 4 + i % 6, i % 10);
      break;

    case KIND_ATTENDEES:
      names = pick_names (w, "events", "deleted_at IS NULL", "SELECT key FROM events WHERE id = ?");
      if (names == NULL)
        break;
      g_string_append (csv, "event,name,reading,title,status\r\n");
      for (int i = 0; i < rows; i++)
        g_string_append_printf (csv, "%s,%s.%03d,さんかしゃ,係長,%s\r\n", PICK (names), prefix, i,
                                i % 3 == 0 ? "出席" : "registered");
      break;

    case KIND_BUDGET:
      g_string_append (csv, "fiscal_year,name,contractor,amount,funding\r\n");
      for (int i = 0; i < rows; i++)
        g_string_append_printf (csv, "%d,%s.%03d,株式会社クラッシュ,\"%d,000\",%s\r\n",
                                2023 + i % 2, prefix, i, 100 + i, i % 2 ? "city" : "national");
      break;

    case KIND_PAYMENTS:
      names = pick_names (w, "budget_lines", "deleted_at IS NULL",
                          "SELECT fiscal_year || ',' || name FROM budget_lines WHERE id = ?");
      if (names == NULL)
        break;
      /* The same line, day and amount twice is a payment already
       * recorded: amounts unique to the import. */
      g_string_append (csv, "fiscal_year,budget_line,paid_on,amount,memo\r\n");
      for (int i = 0; i < rows; i++)
        g_string_append_printf (csv, "%s,2024-03-%02d,%" G_GUINT64_FORMAT ",%s.%03d\r\n", PICK (names), 1 + i % 28,
                                ((guint64) w->run * 1000 + w->n_names) * 1000 + (guint64) i, prefix, i);
      break;

    case KIND_REFERRALS:
      /* Case codes of the year block of this import, after every block
       * used before (the codes of new cases of the window are 20xx). */
      code_year = query_int64 (w, "SELECT coalesce (max (CAST (substr (code, 1, 4) AS INTEGER)), 4999) + 1"
                                  " FROM cases WHERE code >= '5000'", 0);
      if (code_year > 9999)
        break;
      g_string_append (csv, "case,received_on,entrance,ward,consent,from,to,referred_on,status\r\n");
      for (int i = 0; i < rows; i++)
        g_string_append_printf (csv, "%04" G_GINT64_FORMAT "-%04d,2023-04-01,%s,門司区,yes,門司区役所,%s,2023-04-05,%s\r\n",
                                code_year, i + 1, prefix, i % 2 ? "小倉北区役所" : "戸畑区役所",
                                i % 4 == 3 ? "accepted" : "sent");
      break;

    case N_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (csv->len == 0)
    {
      g_string_free (csv, TRUE);
      return NULL;
    }
  return g_string_free (csv, FALSE);
}

static void create_organization (Writer *w);
static void create_event (Writer *w);
static void create_budget_line (Writer *w);

static void
import_file (Writer *w)
{
  Kind kind = (Kind) rand_range (w, 0, N_KINDS - 1);
  int rows = rand_range (w, 20, 300);
  g_autofree char *prefix = new_name (w, "ci");
  g_autofree char *text = make_csv (w, kind, prefix, rows);
  g_autofree char *path = NULL;
  g_autofree char *op = NULL;
  g_autoptr(TsuImportResult) result = NULL;
  GError *error = NULL;

  if (text == NULL)
    {
      /* Nothing to refer to yet: make it first. */
      if (kind == KIND_PEOPLE)
        create_organization (w);
      else if (kind == KIND_ATTENDEES)
        create_event (w);
      else
        create_budget_line (w);
      return;
    }

  path = g_strdup_printf ("%s/%s.csv", w->csv_dir, prefix);
  if (!g_file_set_contents (path, text, -1, &error))
    fail (path, error);

  op = g_strdup_printf ("import\t%s\t%s\t%d", kind_names[kind], prefix, rows);
  begin (op);
  result = tsu_import_csv (w->db, import_kinds[kind], path, TSU_IMPORT_FLAGS_NONE, &error);
  if (result == NULL)
    fail (op, error);
  if (result->problems->len > 0)
    {
      for (guint i = 0; i < result->problems->len; i++)
        g_printerr ("crash-writer: %s\n", (const char *) g_ptr_array_index (result->problems, i));
      exit (3);
    }
  if (result->added != (guint) rows)
    {
      g_printerr ("crash-writer: %s: %u rows added\n", op, result->added);
      exit (3);
    }
  commit (op, 0);
  g_unlink (path);
}

/* The organisations of an earlier import, again, with --update. */
static void
reimport_organizations (Writer *w)
{
  gint64 id = pick_id (w, "organizations", "name GLOB 'ci-*.*'");
  g_autofree char *name = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *path = NULL;
  g_autofree char *op = NULL;
  g_autoptr(GString) csv = g_string_new ("name,reading,website\r\n");
  g_autoptr(TsuImportResult) result = NULL;
  sqlite3_stmt *stmt;
  guint rows = 0;
  GError *error = NULL;

  if (id == 0)
    {
      create_organization (w);
      return;
    }
  name = query_text (w, "SELECT name FROM organizations WHERE id = ?", id);
  prefix = g_strndup (name, strcspn (name, "."));
  pattern = g_strconcat (prefix, ".*", NULL);

  stmt = tsu_database_prepare (w->db, "SELECT name, coalesce (website, '') FROM organizations"
                               " WHERE name GLOB ? AND deleted_at IS NULL", &error);
  if (stmt == NULL)
    fail ("organizations of an import", error);
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *website = (const char *) sqlite3_column_text (stmt, 1);

      if (old_value == NULL)
        old_value = g_strdup (website);
      else if (strcmp (old_value, website) != 0)
        {
          g_printerr ("crash-writer: the organisations of %s have websites “%s” and “%s”\n", prefix,
                      old_value, website);
          exit (3);
        }
      g_string_append_printf (csv, "%s,くらっしゅ,https://example.jp/%s/%u-%u\r\n",
                              sqlite3_column_text (stmt, 0), prefix, w->run, w->n_names);
      rows++;
    }
  sqlite3_reset (stmt);
  new_value = g_strdup_printf ("https://example.jp/%s/%u-%u", prefix, w->run, w->n_names++);

  path = g_strdup_printf ("%s/%s-again.csv", w->csv_dir, prefix);
  if (!g_file_set_contents (path, csv->str, -1, &error))
    fail (path, error);

  op = g_strdup_printf ("reimport\torganizations\t%s\twebsite\t%s\t%s", prefix, old_value, new_value);
  begin (op);
  result = tsu_import_csv (w->db, TSU_IMPORT_ORGANIZATIONS, path, TSU_IMPORT_FLAGS_UPDATE, &error);
  if (result == NULL)
    fail (op, error);
  if (result->problems->len > 0 || result->updated != rows)
    {
      for (guint i = 0; i < result->problems->len; i++)
        g_printerr ("crash-writer: %s\n", (const char *) g_ptr_array_index (result->problems, i));
      g_printerr ("crash-writer: %s: %u of %u rows updated\n", op, result->updated, rows);
      exit (3);
    }
  commit (op, 0);
  g_unlink (path);
}

/* ---- single records ---------------------------------------------------- */

static char *
update_op (const char *table,
           gint64      id,
           const char *column,
           const char *old_value,
           const char *new_value)
{
  return g_strdup_printf ("update\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s",
                          table, id, column, old_value ? old_value : "", new_value);
}

static void
create_organization (Writer *w)
{
  g_autofree char *name = new_name (w, "ce");
  g_autofree char *op = g_strdup_printf ("create\torganizations\tname\t%s", name);
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  GError *error = NULL;

  tsu_organization_set_name (org, name);
  tsu_organization_set_reading (org, "くらっしゅだんたい");
  tsu_organization_set_phone (org, "093-555-0000");
  begin (op);
  if (!tsu_organization_save (org, w->db, &error))
    fail (op, error);
  commit (op, tsu_organization_get_id (org));
}

static void
update_organization (Writer *w)
{
  static const char * const columns[] = { "phone", "address", "hours", "notes" };
  gint64 id = pick_id (w, "organizations", "deleted_at IS NULL");
  g_autoptr(TsuOrganization) org = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *op = NULL;
  const char *column;
  GError *error = NULL;

  if (id == 0)
    {
      create_organization (w);
      return;
    }
  org = tsu_organization_load_by_id (w->db, id, &error);
  if (org == NULL)
    fail ("load organization", error);

  column = RAND_CHOICE (w, columns);
  if (strcmp (column, "phone") == 0)
    {
      old_value = text_or_empty (tsu_organization_get_phone (org));
      new_value = g_strdup_printf ("093-%03u-%04u", w->run % 1000, w->n_names++);
      tsu_organization_set_phone (org, new_value);
    }
  else if (strcmp (column, "address") == 0)
    {
      old_value = text_or_empty (tsu_organization_get_address (org));
      new_value = g_strdup_printf ("北九州市八幡東区%u-%u", w->run, w->n_names++);
      tsu_organization_set_address (org, new_value);
    }
  else if (strcmp (column, "hours") == 0)
    {
      old_value = text_or_empty (tsu_organization_get_hours (org));
      new_value = g_strdup_printf ("月〜金 9:00〜%u:00 (%u)", 12 + w->n_names % 8, w->n_names);
      w->n_names++;
      tsu_organization_set_hours (org, new_value);
    }
  else
    {
      old_value = text_or_empty (tsu_organization_get_notes (org));
      new_value = g_strdup_printf ("電話で確認済み r%u n%u", w->run, w->n_names++);
      tsu_organization_set_notes (org, new_value);
    }

  op = update_op ("organizations", id, column, old_value, new_value);
  begin (op);
  if (!tsu_organization_save (org, w->db, &error))
    fail (op, error);
  commit (op, 0);
}

static void
create_person (Writer *w)
{
  gint64 organization_id = pick_id (w, "organizations", "deleted_at IS NULL");
  g_autofree char *name = NULL;
  g_autofree char *op = NULL;
  g_autoptr(TsuPerson) person = NULL;
  GError *error = NULL;

  if (organization_id == 0)
    {
      create_organization (w);
      return;
    }
  name = new_name (w, "ce");
  op = g_strdup_printf ("create\tpeople\tname\t%s", name);
  person = tsu_person_new (organization_id);
  tsu_person_set_name (person, name);
  tsu_person_set_reading (person, "たんとうしゃ");
  tsu_person_set_title (person, "事務局長");
  begin (op);
  if (!tsu_person_save (person, w->db, &error))
    fail (op, error);
  commit (op, tsu_person_get_id (person));
}

static void
update_person (Writer *w)
{
  gint64 id = pick_id (w, "people", "deleted_at IS NULL");
  gint64 organization_id;
  g_autoptr(GPtrArray) people = NULL;
  TsuPerson *person = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *op = NULL;
  const char *column;
  GError *error = NULL;

  if (id == 0)
    {
      create_person (w);
      return;
    }
  organization_id = query_int64 (w, "SELECT organization_id FROM people WHERE id = ?", id);
  people = tsu_person_load_for_organization (w->db, organization_id, &error);
  if (people == NULL)
    fail ("load people", error);
  for (guint i = 0; i < people->len; i++)
    if (tsu_person_get_id (g_ptr_array_index (people, i)) == id)
      person = g_ptr_array_index (people, i);
  if (person == NULL)
    fail ("find person", NULL);

  if (g_rand_boolean (w->rand))
    {
      column = "title";
      old_value = text_or_empty (tsu_person_get_title (person));
      new_value = g_strdup_printf ("相談員 %u-%u", w->run, w->n_names++);
      tsu_person_set_title (person, new_value);
    }
  else
    {
      column = "phone";
      old_value = text_or_empty (tsu_person_get_phone (person));
      new_value = g_strdup_printf ("090-%04u-%04u", w->run % 10000, w->n_names++);
      tsu_person_set_phone (person, new_value);
    }

  op = update_op ("people", id, column, old_value, new_value);
  begin (op);
  if (!tsu_person_save (person, w->db, &error))
    fail (op, error);
  commit (op, 0);
}

static void
create_event (Writer *w)
{
  g_autofree char *key = new_name (w, "ce");
  g_autofree char *op = g_strdup_printf ("create\tevents\tkey\t%s", key);
  g_autoptr(TsuEvent) event = tsu_event_new ();
  GError *error = NULL;

  tsu_event_set_key (event, key);
  tsu_event_set_kind (event, TSU_EVENT_KIND_TRAINING);
  tsu_event_set_title (event, "支援者向け研修会");
  tsu_event_set_starts_at (event, "2024-02-05T13:30");
  tsu_event_set_venue (event, "ウェルとばた");
  begin (op);
  if (!tsu_event_save (event, w->db, &error))
    fail (op, error);
  commit (op, tsu_event_get_id (event));
}

static void
update_event (Writer *w)
{
  static const char * const columns[] = { "title", "venue", "status" };
  gint64 id = pick_id (w, "events", "deleted_at IS NULL");
  g_autoptr(TsuEvent) event = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *op = NULL;
  const char *column;
  GError *error = NULL;

  if (id == 0)
    {
      create_event (w);
      return;
    }
  event = tsu_event_load_by_id (w->db, id, &error);
  if (event == NULL)
    fail ("load event", error);

  column = RAND_CHOICE (w, columns);
  if (strcmp (column, "title") == 0)
    {
      old_value = text_or_empty (tsu_event_get_title (event));
      new_value = g_strdup_printf ("連携協議会 第%u回", w->n_names++);
      tsu_event_set_title (event, new_value);
    }
  else if (strcmp (column, "venue") == 0)
    {
      old_value = text_or_empty (tsu_event_get_venue (event));
      new_value = g_strdup_printf ("会議室%u-%u", w->run, w->n_names++);
      tsu_event_set_venue (event, new_value);
    }
  else
    {
      TsuEventStatus status;

      do
        status = (TsuEventStatus) rand_range (w, 0, TSU_N_EVENT_STATUSES - 1);
      while (status == tsu_event_get_status (event));
      old_value = g_strdup (tsu_event_status_to_code (tsu_event_get_status (event)));
      new_value = g_strdup (tsu_event_status_to_code (status));
      tsu_event_set_status (event, status);
    }

  op = update_op ("events", id, column, old_value, new_value);
  begin (op);
  if (!tsu_event_save (event, w->db, &error))
    fail (op, error);
  commit (op, 0);
}

static void
create_attendee (Writer *w)
{
  gint64 event_id = pick_id (w, "events", "deleted_at IS NULL");
  g_autofree char *name = NULL;
  g_autofree char *op = NULL;
  g_autoptr(TsuAttendee) attendee = NULL;
  GError *error = NULL;

  if (event_id == 0)
    {
      create_event (w);
      return;
    }
  name = new_name (w, "ce");
  op = g_strdup_printf ("create\tattendees\tname\t%s", name);
  attendee = tsu_attendee_new (event_id);
  tsu_attendee_set_name (attendee, name);
  tsu_attendee_set_reading (attendee, "とうじつさんか");
  tsu_attendee_set_affiliation (attendee, "門司区役所");
  tsu_attendee_set_walk_in (attendee, TRUE);
  begin (op);
  if (!tsu_attendee_save (attendee, w->db, &error))
    fail (op, error);
  commit (op, tsu_attendee_get_id (attendee));
}

/* The reception desk's one-step status change. */
static void
update_attendee_status (Writer *w)
{
  gint64 id = pick_id (w, "attendees", "1");
  gint64 event_id;
  g_autoptr(GPtrArray) attendees = NULL;
  TsuAttendee *attendee = NULL;
  TsuAttendeeStatus status;
  g_autofree char *op = NULL;
  GError *error = NULL;

  if (id == 0)
    {
      create_attendee (w);
      return;
    }
  event_id = query_int64 (w, "SELECT event_id FROM attendees WHERE id = ?", id);
  attendees = tsu_attendee_load_for_event (w->db, event_id, TRUE, &error);
  if (attendees == NULL)
    fail ("load attendees", error);
  for (guint i = 0; i < attendees->len; i++)
    if (tsu_attendee_get_id (g_ptr_array_index (attendees, i)) == id)
      attendee = g_ptr_array_index (attendees, i);
  if (attendee == NULL)
    fail ("find attendee", NULL);

  do
    status = (TsuAttendeeStatus) rand_range (w, 0, TSU_N_ATTENDEE_STATUSES - 1);
  while (status == tsu_attendee_get_status (attendee));
  op = update_op ("attendees", id, "status", tsu_attendee_status_to_code (tsu_attendee_get_status (attendee)),
                  tsu_attendee_status_to_code (status));
  begin (op);
  if (!tsu_attendee_set_status_in_db (attendee, w->db, status, &error))
    fail (op, error);
  commit (op, 0);
}

static void
create_budget_line (Writer *w)
{
  g_autofree char *name = new_name (w, "ce");
  g_autofree char *op = g_strdup_printf ("create\tbudget_lines\tname\t%s", name);
  g_autoptr(TsuBudgetLine) line = tsu_budget_line_new (2023 + rand_range (w, 0, 1));
  GError *error = NULL;

  tsu_budget_line_set_name (line, name);
  tsu_budget_line_set_contractor (line, "北九州市社会福祉協議会");
  tsu_budget_line_set_amount (line, 1158120);
  tsu_budget_line_set_pillars (line, 0x9);
  begin (op);
  if (!tsu_budget_line_save (line, w->db, &error))
    fail (op, error);
  commit (op, tsu_budget_line_get_id (line));
}

static void
update_budget_line (Writer *w)
{
  static const char * const columns[] = { "amount", "contractor", "description" };
  gint64 id = pick_id (w, "budget_lines", "deleted_at IS NULL");
  g_autoptr(TsuBudgetLine) line = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *op = NULL;
  const char *column;
  GError *error = NULL;

  if (id == 0)
    {
      create_budget_line (w);
      return;
    }
  line = tsu_budget_line_load_by_id (w->db, id, &error);
  if (line == NULL)
    fail ("load budget line", error);

  column = RAND_CHOICE (w, columns);
  if (strcmp (column, "amount") == 0)
    {
      gint64 amount = rand_range (w, 1, 5000) * 1000;

      old_value = g_strdup_printf ("%" G_GINT64_FORMAT, tsu_budget_line_get_amount (line));
      new_value = g_strdup_printf ("%" G_GINT64_FORMAT, amount);
      tsu_budget_line_set_amount (line, amount);
    }
  else if (strcmp (column, "contractor") == 0)
    {
      old_value = text_or_empty (tsu_budget_line_get_contractor (line));
      new_value = g_strdup_printf ("株式会社コムディア %u-%u", w->run, w->n_names++);
      tsu_budget_line_set_contractor (line, new_value);
    }
  else
    {
      old_value = text_or_empty (tsu_budget_line_get_description (line));
      new_value = g_strdup_printf ("研修会を実施する (%u-%u)", w->run, w->n_names++);
      tsu_budget_line_set_description (line, new_value);
    }

  op = update_op ("budget_lines", id, column, old_value, new_value);
  begin (op);
  if (!tsu_budget_line_save (line, w->db, &error))
    fail (op, error);
  commit (op, 0);
}

static void
create_payment (Writer *w)
{
  gint64 line_id = pick_id (w, "budget_lines", "deleted_at IS NULL");
  g_autofree char *memo = NULL;
  g_autofree char *op = NULL;
  g_autoptr(TsuPayment) payment = NULL;
  GError *error = NULL;

  if (line_id == 0)
    {
      create_budget_line (w);
      return;
    }
  memo = new_name (w, "ce");
  op = g_strdup_printf ("create\tpayments\tmemo\t%s", memo);
  payment = tsu_payment_new (line_id);
  tsu_payment_set_paid_on (payment, "2024-01-31");
  tsu_payment_set_amount (payment, rand_range (w, 1, 900) * 100);
  tsu_payment_set_memo (payment, memo);
  begin (op);
  if (!tsu_payment_save (payment, w->db, &error))
    fail (op, error);
  commit (op, tsu_payment_get_id (payment));
}

static void
update_payment (Writer *w)
{
  gint64 id = pick_id (w, "payments", "1");
  gint64 line_id;
  g_autoptr(GPtrArray) payments = NULL;
  TsuPayment *payment = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *op = NULL;
  const char *column;
  GError *error = NULL;

  if (id == 0)
    {
      create_payment (w);
      return;
    }
  line_id = query_int64 (w, "SELECT budget_line_id FROM payments WHERE id = ?", id);
  payments = tsu_payment_load_for_line (w->db, line_id, &error);
  if (payments == NULL)
    fail ("load payments", error);
  for (guint i = 0; i < payments->len; i++)
    if (tsu_payment_get_id (g_ptr_array_index (payments, i)) == id)
      payment = g_ptr_array_index (payments, i);
  if (payment == NULL)
    fail ("find payment", NULL);

  if (g_rand_boolean (w->rand))
    {
      gint64 amount = rand_range (w, 1, 90000);

      column = "amount";
      old_value = g_strdup_printf ("%" G_GINT64_FORMAT, tsu_payment_get_amount (payment));
      new_value = g_strdup_printf ("%" G_GINT64_FORMAT, amount);
      tsu_payment_set_amount (payment, amount);
    }
  else
    {
      column = "paid_on";
      old_value = text_or_empty (tsu_payment_get_paid_on (payment));
      new_value = g_strdup_printf ("2024-02-%02d", rand_range (w, 1, 29));
      tsu_payment_set_paid_on (payment, new_value);
    }

  op = update_op ("payments", id, column, old_value, new_value);
  begin (op);
  if (!tsu_payment_save (payment, w->db, &error))
    fail (op, error);
  commit (op, 0);
}

static void
create_case (Writer *w)
{
  g_autofree char *entrance = new_name (w, "ce");
  g_autofree char *op = g_strdup_printf ("create\tcases\tentrance\t%s", entrance);
  g_autoptr(TsuCase) c = tsu_case_new ();
  GError *error = NULL;

  tsu_case_set_received_on (c, "2023-05-10");
  tsu_case_set_entrance (c, entrance);
  tsu_case_set_ward (c, (TsuWard) rand_range (w, 0, TSU_N_WARDS - 1));
  tsu_case_set_age_band (c, TSU_AGE_40S);
  tsu_case_set_concerns (c, (1u << TSU_CONCERN_POVERTY) | (1u << TSU_CONCERN_HOUSING));
  tsu_case_set_consent (c, TSU_CONSENT_YES);
  tsu_case_set_consent_on (c, "2023-05-10");
  tsu_case_set_legal_basis (c, TSU_LEGAL_BASIS_CONSENT);
  begin (op);
  if (!tsu_case_save (c, w->db, &error))
    fail (op, error);
  commit (op, tsu_case_get_id (c));
}

static void
update_case (Writer *w)
{
  gint64 id = pick_id (w, "cases", "1");
  g_autoptr(TsuCase) c = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *op = NULL;
  const char *column;
  GError *error = NULL;

  if (id == 0)
    {
      create_case (w);
      return;
    }
  c = tsu_case_load_by_id (w->db, id, &error);
  if (c == NULL)
    fail ("load case", error);

  if (g_rand_boolean (w->rand))
    {
      column = "language";
      old_value = text_or_empty (tsu_case_get_language (c));
      new_value = g_strdup_printf ("ベトナム語 %u-%u", w->run, w->n_names++);
      tsu_case_set_language (c, new_value);
    }
  else
    {
      column = "consent_how";
      old_value = text_or_empty (tsu_case_get_consent_how (c));
      new_value = g_strdup_printf ("書面 %u-%u", w->run, w->n_names++);
      tsu_case_set_consent_how (c, new_value);
    }

  op = update_op ("cases", id, column, old_value, new_value);
  begin (op);
  if (!tsu_case_save (c, w->db, &error))
    fail (op, error);
  commit (op, 0);
}

static void
create_referral (Writer *w)
{
  gint64 case_id = pick_id (w, "cases", "consent = 'yes'");
  g_autofree char *to = NULL;
  g_autofree char *op = NULL;
  g_autoptr(TsuReferral) referral = NULL;
  GError *error = NULL;

  if (case_id == 0)
    {
      create_case (w);
      return;
    }
  to = new_name (w, "ce");
  op = g_strdup_printf ("create\treferrals\tto_place\t%s", to);
  referral = tsu_referral_new (case_id);
  tsu_referral_set_from (referral, "八幡西区役所");
  tsu_referral_set_to (referral, to);
  tsu_referral_set_referred_on (referral, "2023-06-01");
  begin (op);
  if (!tsu_referral_save (referral, w->db, &error))
    fail (op, error);
  commit (op, tsu_referral_get_id (referral));
}

/* One step of the workflow of an open referral. */
static void
move_referral (Writer *w)
{
  gint64 id = pick_id (w, "referrals", "status IN ('sent', 'accepted')");
  g_autoptr(TsuReferral) referral = NULL;
  TsuReferralStatus from, to;
  TsuReferralReason reason = TSU_REASON_NONE;
  g_autofree char *op = NULL;
  GError *error = NULL;

  if (id == 0)
    {
      create_referral (w);
      return;
    }
  referral = tsu_referral_load_by_id (w->db, id, &error);
  if (referral == NULL)
    fail ("load referral", error);

  from = tsu_referral_get_status (referral);
  do
    to = (TsuReferralStatus) rand_range (w, 0, TSU_N_REFERRAL_STATUSES - 1);
  while (!tsu_referral_status_can_move (from, to));
  if (tsu_referral_status_needs_reason (to) || to == TSU_REFERRAL_WITHDRAWN)
    reason = (TsuReferralReason) rand_range (w, TSU_REASON_UNREACHABLE, TSU_N_REASONS - 1);

  op = update_op ("referrals", id, "status", tsu_referral_status_to_code (from),
                  tsu_referral_status_to_code (to));
  begin (op);
  if (!tsu_referral_move (referral, w->db, to, reason, "2023-08-01", &error))
    fail (op, error);
  commit (op, 0);
}

/* ---- the loop ---------------------------------------------------------- */

typedef void (*Operation) (Writer *w);

static const struct
{
  Operation operation;
  int       weight;
} operations[] = {
  { import_file, 20 },
  { reimport_organizations, 4 },
  { create_organization, 5 },
  { update_organization, 8 },
  { create_person, 3 },
  { update_person, 5 },
  { create_event, 3 },
  { update_event, 5 },
  { create_attendee, 3 },
  { update_attendee_status, 6 },
  { create_budget_line, 3 },
  { update_budget_line, 5 },
  { create_payment, 3 },
  { update_payment, 4 },
  { create_case, 3 },
  { update_case, 4 },
  { create_referral, 4 },
  { move_referral, 6 },
};

static void
run_one (Writer *w)
{
  int total = 0, choice;

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    total += operations[i].weight;
  choice = rand_range (w, 0, total - 1);
  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      if (choice < operations[i].weight)
        {
          operations[i].operation (w);
          return;
        }
      choice -= operations[i].weight;
    }
}

int
main (int    argc,
      char **argv)
{
  Writer w = { 0 };
  g_autofree char *folder = NULL;
  GError *error = NULL;
  guint64 seed;
  long max_ops = -1;

  /* Messages quote Japanese values. */
  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 4 || argc > 5)
    {
      g_printerr ("usage: crash-writer DATABASE RUN SEED [OPERATIONS]\n");
      return 2;
    }
  w.run = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  seed = g_ascii_strtoull (argv[3], NULL, 10);
  /* For trying the writer by hand; the harness gives no limit. */
  if (argc == 5)
    max_ops = strtol (argv[4], NULL, 10);
  w.rand = g_rand_new_with_seed ((guint32) (seed ^ (seed >> 32)));

  folder = g_path_get_dirname (argv[1]);
  w.csv_dir = g_build_filename (folder, "csv", NULL);
  if (g_mkdir_with_parents (w.csv_dir, 0700) != 0)
    fail (w.csv_dir, NULL);

  w.db = tsu_database_open (argv[1], &error);
  if (w.db == NULL)
    fail (argv[1], error);
  say ("open", argv[1], NULL);

  for (long n = 0; max_ops < 0 || n < max_ops; n++)
    run_one (&w);

  g_object_unref (w.db);
  g_rand_free (w.rand);
  g_free (w.csv_dir);
  return 0;
}
