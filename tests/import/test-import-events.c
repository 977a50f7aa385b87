/* test-import-events.c: CSV import of events, sessions and attendees, all
 * or nothing, with every bad row reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tsu-attendee.h"
#include "tsu-event.h"
#include "tsu-event-session.h"
#include "tsu-import.h"
#include "tsu-organization.h"
#include "tsu-person.h"

typedef struct
{
  char        *dir;
  TsuDatabase *db;
  gint64       houboku_id;
  gint64       maeda_id;
} Fixture;

/* A directory with one member and its representative, for attendees to
 * be matched against. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  g_autoptr(TsuPerson) person = NULL;

  f->dir = g_dir_make_tmp ("tsu-import-events-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->db = tsu_database_open (path, &error);
  g_assert_no_error (error);

  tsu_organization_set_legal_form (org, "NPO法人");
  tsu_organization_set_name (org, "抱樸");
  tsu_organization_set_reading (org, "ほうぼく");
  g_assert_true (tsu_organization_save (org, f->db, &error));
  g_assert_no_error (error);
  f->houboku_id = tsu_organization_get_id (org);

  person = tsu_person_new (f->houboku_id);
  tsu_person_set_name (person, "前田 誠");
  tsu_person_set_reading (person, "まえだ まこと");
  tsu_person_set_title (person, "専務理事");
  tsu_person_set_primary (person, TRUE);
  g_assert_true (tsu_person_save (person, f->db, &error));
  g_assert_no_error (error);
  f->maeda_id = tsu_person_get_id (person);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->db);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import", "data", name, NULL);
}

static char *
write_csv (Fixture    *f,
           const char *name,
           const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static TsuImportResult *
import (Fixture        *f,
        TsuImportKind   kind,
        const char     *path,
        TsuImportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  TsuImportResult *result = tsu_import_csv (f->db, kind, path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
assert_clean (TsuImportResult *result)
{
  for (guint i = 0; i < result->problems->len; i++)
    g_test_message ("unexpected: %s", (const char *) g_ptr_array_index (result->problems, i));
  g_assert_cmpuint (result->problems->len, ==, 0);
}

/* Each expected "LINE: column NAME: " is reported once, after the file's
 * path, with a message; and nothing else is. */
static void
assert_problems (TsuImportResult    *result,
                 const char         *path,
                 const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < result->problems->len; i++)
    g_test_message ("reported: %s", (const char *) g_ptr_array_index (result->problems, i));
  for (guint e = 0; e < n; e++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s:%s", path, expected[e]);
      guint matches = 0;

      for (guint i = 0; i < result->problems->len; i++)
        {
          const char *line = g_ptr_array_index (result->problems, i);

          if (g_str_has_prefix (line, prefix) && strlen (line) > strlen (prefix))
            matches++;
        }
      if (matches != 1)
        g_error ("expected one problem starting “%s”, found %u", prefix, matches);
    }
  g_assert_cmpuint (result->problems->len, ==, n);
}

static TsuEvent *
event (Fixture    *f,
       const char *key)
{
  g_autoptr(GError) error = NULL;
  TsuEvent *found = tsu_event_find_by_key (f->db, key, &error);

  g_assert_no_error (error);
  if (found == NULL)
    g_error ("no event “%s”", key);
  return found;
}

static guint
count_events (Fixture *f)
{
  g_autoptr(GPtrArray) all = tsu_event_load_all (f->db, NULL);

  g_assert_nonnull (all);
  return all->len;
}

static void
import_events_en (Fixture *f)
{
  g_autofree char *path = data_file ("events-en.csv");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_EVENTS, path, TSU_IMPORT_FLAGS_NONE);

  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 3);
}

static void
test_events_english (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TsuEvent) council = NULL;
  g_autoptr(TsuEvent) tour = NULL;
  g_autoptr(TsuEvent) training = NULL;

  import_events_en (f);
  g_assert_cmpuint (count_events (f), ==, 3);

  council = event (f, "2023-council-5");
  g_assert_cmpint (tsu_event_get_kind (council), ==, TSU_EVENT_KIND_MEETING);
  g_assert_cmpuint (tsu_event_get_number (council), ==, 5);
  g_assert_cmpstr (tsu_event_get_title (council), ==, "北九州市孤独・孤立対策等連携協議会");
  g_assert_cmpstr (tsu_event_get_starts_at (council), ==, "2023-07-19T15:00");
  g_assert_cmpstr (tsu_event_get_ends_at (council), ==, "2023-07-19T16:30");
  g_assert_cmpstr (tsu_event_get_venue (council), ==, "ホテルクラウンパレス小倉 ３階 ダイヤモンドホール");
  g_assert_cmpstr (tsu_event_get_organizer (council), ==, "北九州市");
  g_assert_cmpuint (tsu_event_get_pillars (council), ==, 0x8);
  g_assert_cmpint (tsu_event_get_status (council), ==, TSU_EVENT_STATUS_HELD);

  /* 和暦 date alone: the whole day; Japanese labels for codes. */
  tour = event (f, "2023-bus-tour");
  g_assert_cmpint (tsu_event_get_kind (tour), ==, TSU_EVENT_KIND_TOUR);
  g_assert_cmpuint (tsu_event_get_number (tour), ==, 0);
  g_assert_cmpstr (tsu_event_get_starts_at (tour), ==, "2023-12-14");
  g_assert_cmpstr (tsu_event_get_ends_at (tour), ==, "");
  g_assert_cmpuint (tsu_event_get_pillars (tour), ==, 0x8);
  g_assert_cmpint (tsu_event_get_status (tour), ==, TSU_EVENT_STATUS_HELD);
  g_assert_cmpstr (tsu_event_get_budget_line (tour), ==, "支援現場見学バスツアー");

  training = event (f, "2023-training-0205");
  g_assert_cmpstr (tsu_event_get_starts_at (training), ==, "2024-02-05");
  g_assert_cmpstr (tsu_event_get_ends_at (training), ==, "2024-02-06");
  g_assert_cmpuint (tsu_event_get_pillars (training), ==, 0x7);
}

static void
test_events_japanese (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = data_file ("events-ja.csv");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_EVENTS, path, TSU_IMPORT_FLAGS_NONE);
  g_autoptr(TsuEvent) network = NULL;
  g_autoptr(TsuEvent) council = NULL;
  g_autoptr(TsuEvent) case_study = NULL;

  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 3);

  network = event (f, "2023-network");
  g_assert_cmpint (tsu_event_get_kind (network), ==, TSU_EVENT_KIND_WORKSHOP);
  g_assert_cmpstr (tsu_event_get_starts_at (network), ==, "2023-11-14");
  g_assert_cmpuint (tsu_event_get_pillars (network), ==, 0x5);
  g_assert_cmpstr (tsu_event_get_title (network), ==, "いのちをつなぐネットワーク推進会議");

  /* A key typed in full-width digits, 第６回, "1、4" and 15時30分. */
  council = event (f, "2023-council-6");
  g_assert_cmpuint (tsu_event_get_number (council), ==, 6);
  g_assert_cmpstr (tsu_event_get_starts_at (council), ==, "2024-03-15T14:00");
  g_assert_cmpstr (tsu_event_get_ends_at (council), ==, "2024-03-15T15:30");
  g_assert_cmpuint (tsu_event_get_pillars (council), ==, 0x9);
  g_assert_cmpint (tsu_event_get_status (council), ==, TSU_EVENT_STATUS_PLANNED);

  /* No status: planned. */
  case_study = event (f, "2023-case-study");
  g_assert_cmpint (tsu_event_get_kind (case_study), ==, TSU_EVENT_KIND_CASE_STUDY);
  g_assert_cmpint (tsu_event_get_status (case_study), ==, TSU_EVENT_STATUS_PLANNED);
  g_assert_cmpuint (tsu_event_get_pillars (case_study), ==, 0);
}

/* Shift_JIS as Excel saves it, with Japanese headers. */
static void
test_events_cp932 (Fixture       *f,
                   gconstpointer  data)
{
  const char *utf8 = "キー,種別,名称,開始\r\n2023-bus-tour,見学会,支援現場見学バスツアー,令和5年12月14日\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *cp932 = NULL;
  g_autofree char *path = g_build_filename (f->dir, "events-cp932.csv", NULL);
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(TsuEvent) tour = NULL;
  gsize length = 0;

  cp932 = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, cp932, (gssize) length, &error);
  g_assert_no_error (error);

  result = import (f, TSU_IMPORT_EVENTS, path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (result);
  tour = event (f, "2023-bus-tour");
  g_assert_cmpstr (tsu_event_get_title (tour), ==, "支援現場見学バスツアー");
  g_assert_cmpint (tsu_event_get_kind (tour), ==, TSU_EVENT_KIND_TOUR);
}

static void
test_events_bad (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "events-bad.csv",
    "key,kind,title,starts_at,ends_at,pillars,status,number\n"
    "2023-a,party,A,2023-07-19,,,,\n"                 /* 2: unknown kind */
    "2023-b,meeting,B,2023-07-19,,5,,\n"              /* 3: bad pillar */
    "2023-c,meeting,C,2023-07-19 25:00,,,,\n"         /* 4: bad time */
    "2023-d,meeting,D,2023-07-19,,,,\n"               /* 5: fine */
    "2023-d,meeting,D again,2023-07-20,,,,\n"         /* 6: repeated key */
    "2023-e,meeting,E,2023-07-19 15:00,2023-07-19 14:00,,,\n" /* 7: ends first */
    "2023-f,meeting,,2023-07-19,,,,\n"                /* 8: no title */
    "2023-g,meeting,G,,,,,\n"                         /* 9: no start */
    "2023-h,meeting,H,2023-13-45,,,done,\n"           /* 10: bad date and status */
    "2023-i,meeting,I,2023-07-19,,,,fifth\n"          /* 11: bad number */
    ",meeting,J,2023-07-19,,,,\n"                     /* 12: no key */
    "\n"
    "2023-k,meeting,K,2023-07-19,,,,,extra\n");       /* 14: cell beyond */
  const char * const expected[] = {
    "2: column kind: ",
    "3: column pillars: ",
    "4: column starts_at: ",
    "6: column key: ",
    "7: column ends_at: ",
    "8: column title: ",
    "9: column starts_at: ",
    "10: column starts_at: ",
    "10: column status: ",
    "11: column number: ",
    "12: column key: ",
    "14: column 9: ",
    NULL
  };
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_EVENTS, path, TSU_IMPORT_FLAGS_NONE);

  assert_problems (result, path, expected);
  /* One transaction: the good rows were not kept either. */
  g_assert_cmpuint (count_events (f), ==, 0);
}

static void
test_events_header (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "events-header.csv",
    "key,kind,name,starts_at\n"
    "2023-a,meeting,A,2023-07-19\n");
  const char * const expected[] = {
    "1: column name: ",
    "1: column title: ",
    NULL
  };
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_EVENTS, path, TSU_IMPORT_FLAGS_NONE);

  assert_problems (result, path, expected);
  g_assert_cmpuint (count_events (f), ==, 0);
}

static void
test_events_update (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "events-update.csv",
    "key,kind,title,starts_at,status\n"
    "2023-bus-tour,tour,支援現場見学バスツアー（市社協）,2023-12-14 09:00,cancelled\n"
    "2023-new,other,新しい行事,2024-01-10,\n");
  const char * const expected[] = {
    "2: column key: ",
    NULL
  };
  g_autoptr(TsuImportResult) refused = NULL;
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(TsuEvent) tour = NULL;

  import_events_en (f);

  /* Without --update an existing key is a bad row, and nothing changes. */
  refused = import (f, TSU_IMPORT_EVENTS, path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (refused, path, expected);
  g_assert_cmpuint (count_events (f), ==, 3);

  result = import (f, TSU_IMPORT_EVENTS, path, TSU_IMPORT_FLAGS_UPDATE);
  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 1);
  g_assert_cmpuint (result->updated, ==, 1);
  g_assert_cmpuint (count_events (f), ==, 4);

  tour = event (f, "2023-bus-tour");
  g_assert_cmpstr (tsu_event_get_title (tour), ==, "支援現場見学バスツアー（市社協）");
  g_assert_cmpstr (tsu_event_get_starts_at (tour), ==, "2023-12-14T09:00");
  g_assert_cmpint (tsu_event_get_status (tour), ==, TSU_EVENT_STATUS_CANCELLED);
  /* Columns the file does not have are left as they were. */
  g_assert_cmpstr (tsu_event_get_organizer (tour), ==, "市社協");
  g_assert_cmpuint (tsu_event_get_pillars (tour), ==, 0x8);
  g_assert_cmpstr (tsu_event_get_budget_line (tour), ==, "支援現場見学バスツアー");
}

static void
test_events_dry_run (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = data_file ("events-en.csv");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_EVENTS, path, TSU_IMPORT_FLAGS_DRY_RUN);

  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 3);
  g_assert_cmpuint (count_events (f), ==, 0);
}

static GPtrArray *
sessions_of (Fixture    *f,
             const char *key)
{
  g_autoptr(TsuEvent) found = event (f, key);
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions = tsu_event_session_load_for_event (f->db, tsu_event_get_id (found), &error);

  g_assert_no_error (error);
  return sessions;
}

static void
import_sessions_en (Fixture *f)
{
  g_autofree char *path = data_file ("sessions-en.csv");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_SESSIONS, path, TSU_IMPORT_FLAGS_NONE);

  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 4);
}

static void
test_sessions (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *ja_path = data_file ("sessions-ja.csv");
  g_autoptr(TsuImportResult) ja = NULL;
  g_autoptr(GPtrArray) training = NULL;
  g_autoptr(GPtrArray) tour = NULL;
  TsuEventSession *s;

  import_events_en (f);
  import_sessions_en (f);
  ja = import (f, TSU_IMPORT_SESSIONS, ja_path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (ja);
  g_assert_cmpuint (ja->added, ==, 1);

  training = sessions_of (f, "2023-training-0205");
  g_assert_cmpuint (training->len, ==, 4);
  s = g_ptr_array_index (training, 0);
  g_assert_cmpuint (tsu_event_session_get_position (s), ==, 1);
  g_assert_cmpstr (tsu_event_session_get_title (s), ==, "支援者側のメンタルヘルスについて");
  g_assert_cmpstr (tsu_event_session_get_starts_at (s), ==, "2024-02-05T10:00");
  g_assert_cmpstr (tsu_event_session_get_ends_at (s), ==, "2024-02-05T12:00");
  g_assert_cmpint (tsu_event_session_get_head_count (s), ==, 20);
  /* A time alone is on the event's first day; full-width digits. */
  s = g_ptr_array_index (training, 1);
  g_assert_cmpstr (tsu_event_session_get_starts_at (s), ==, "2024-02-05T13:00");
  g_assert_cmpstr (tsu_event_session_get_ends_at (s), ==, "2024-02-05T15:00");
  g_assert_cmpint (tsu_event_session_get_head_count (s), ==, 18);
  /* "33名". */
  s = g_ptr_array_index (training, 2);
  g_assert_cmpstr (tsu_event_session_get_starts_at (s), ==, "2024-02-06");
  g_assert_cmpint (tsu_event_session_get_head_count (s), ==, 33);
  /* Japanese headers, "４". */
  s = g_ptr_array_index (training, 3);
  g_assert_cmpuint (tsu_event_session_get_position (s), ==, 4);
  g_assert_cmpstr (tsu_event_session_get_starts_at (s), ==, "2024-02-06T10:00");
  g_assert_cmpint (tsu_event_session_get_head_count (s), ==, 25);

  /* An empty head count: not counted. */
  tour = sessions_of (f, "2023-bus-tour");
  g_assert_cmpuint (tour->len, ==, 1);
  s = g_ptr_array_index (tour, 0);
  g_assert_cmpstr (tsu_event_session_get_lecturer (s), ==, "NPO法人 抱樸");
  g_assert_cmpstr (tsu_event_session_get_place (s), ==, "抱樸館");
  g_assert_cmpint (tsu_event_session_get_head_count (s), ==, TSU_HEAD_COUNT_UNKNOWN);
}

static void
test_sessions_bad (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "sessions-bad.csv",
    "event,position,title,starts_at,head_count\n"
    "2023-nope,1,A,,\n"                          /* 2: unknown event */
    "2023-training-0205,1,B,,-3\n"               /* 3: negative count */
    "2023-training-0205,2,C,,10\n"               /* 4: fine */
    "2023-training-0205,2,D,,10\n"               /* 5: repeated position */
    "2023-training-0205,0,E,,\n"                 /* 6: position 0 */
    "2023-training-0205,3,F,2024-02-05 9:75,\n"  /* 7: bad time */
    "2023-training-0205,4,,,\n"                  /* 8: no title */
    "2023-training-0205,5,G,,many\n"             /* 9: bad count */
    "2023-training-0205,,H,,\n");                /* 10: no position */
  const char * const expected[] = {
    "2: column event: ",
    "3: column head_count: ",
    "5: column position: ",
    "6: column position: ",
    "7: column starts_at: ",
    "8: column title: ",
    "9: column head_count: ",
    "10: column position: ",
    NULL
  };
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(GPtrArray) training = NULL;

  import_events_en (f);
  result = import (f, TSU_IMPORT_SESSIONS, path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (result, path, expected);
  training = sessions_of (f, "2023-training-0205");
  g_assert_cmpuint (training->len, ==, 0);
}

static void
test_sessions_update (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "sessions-update.csv",
    "キー,順,名称,参加者数\n"
    "2023-training-0205,1,支援者のメンタルヘルス,22\n");
  const char * const expected[] = {
    "2: column 順: ",
    NULL
  };
  g_autoptr(TsuImportResult) refused = NULL;
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(GPtrArray) training = NULL;
  TsuEventSession *s;

  import_events_en (f);
  import_sessions_en (f);

  refused = import (f, TSU_IMPORT_SESSIONS, path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (refused, path, expected);

  result = import (f, TSU_IMPORT_SESSIONS, path, TSU_IMPORT_FLAGS_UPDATE);
  assert_clean (result);
  g_assert_cmpuint (result->updated, ==, 1);
  g_assert_cmpuint (result->added, ==, 0);
  training = sessions_of (f, "2023-training-0205");
  g_assert_cmpuint (training->len, ==, 3);
  s = g_ptr_array_index (training, 0);
  g_assert_cmpstr (tsu_event_session_get_title (s), ==, "支援者のメンタルヘルス");
  g_assert_cmpint (tsu_event_session_get_head_count (s), ==, 22);
  /* Not in the file: kept. */
  g_assert_cmpstr (tsu_event_session_get_starts_at (s), ==, "2024-02-05T10:00");
}

static GPtrArray *
attendees_of (Fixture    *f,
              const char *key)
{
  g_autoptr(TsuEvent) found = event (f, key);
  g_autoptr(GError) error = NULL;
  GPtrArray *all = tsu_attendee_load_for_event (f->db, tsu_event_get_id (found), TRUE, &error);

  g_assert_no_error (error);
  return all;
}

static TsuAttendee *
attendee_named (GPtrArray  *all,
                const char *name)
{
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (tsu_attendee_get_name (g_ptr_array_index (all, i)), name) == 0)
      return g_ptr_array_index (all, i);
  g_error ("no attendee “%s”", name);
  return NULL;
}

static void
import_attendees_en (Fixture *f)
{
  g_autofree char *path = data_file ("attendees-en.csv");
  g_autoptr(TsuImportResult) result = import (f, TSU_IMPORT_ATTENDEES, path, TSU_IMPORT_FLAGS_NONE);

  assert_clean (result);
  g_assert_cmpuint (result->added, ==, 4);
}

static void
test_attendees (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *ja_path = data_file ("attendees-ja.csv");
  g_autoptr(TsuImportResult) ja = NULL;
  g_autoptr(GPtrArray) council = NULL;
  g_autoptr(GPtrArray) tour = NULL;
  TsuAttendee *a;

  import_events_en (f);
  import_attendees_en (f);
  council = attendees_of (f, "2023-council-5");
  g_assert_cmpuint (council->len, ==, 4);

  /* Matched with the legal form: the directory's person, whose reading
   * and title fill the empty cells. */
  a = attendee_named (council, "前田 誠");
  g_assert_cmpint (tsu_attendee_get_organization_id (a), ==, f->houboku_id);
  g_assert_cmpint (tsu_attendee_get_person_id (a), ==, f->maeda_id);
  g_assert_cmpstr (tsu_attendee_get_reading (a), ==, "まえだ まこと");
  g_assert_cmpstr (tsu_attendee_get_title (a), ==, "専務理事");
  g_assert_cmpint (tsu_attendee_get_status (a), ==, TSU_ATTENDEE_STATUS_ATTENDED);

  /* Matched without the legal form; not in the directory as a person. */
  a = attendee_named (council, "原口 沙織");
  g_assert_cmpint (tsu_attendee_get_organization_id (a), ==, f->houboku_id);
  g_assert_cmpint (tsu_attendee_get_person_id (a), ==, 0);
  g_assert_cmpstr (tsu_attendee_get_title (a), ==, "相談員");
  g_assert_cmpint (tsu_attendee_get_status (a), ==, TSU_ATTENDEE_STATUS_ATTENDED);

  /* A ward counter is an outside affiliation; no status: registered. */
  a = attendee_named (council, "山本 一郎");
  g_assert_cmpint (tsu_attendee_get_organization_id (a), ==, 0);
  g_assert_cmpstr (tsu_attendee_get_affiliation (a), ==, "門司区役所");
  g_assert_cmpint (tsu_attendee_get_status (a), ==, TSU_ATTENDEE_STATUS_REGISTERED);

  a = attendee_named (council, "鈴木 花子");
  g_assert_cmpint (tsu_attendee_get_organization_id (a), ==, 0);
  g_assert_cmpint (tsu_attendee_get_status (a), ==, TSU_ATTENDEE_STATUS_CANCELLED);

  /* Japanese headers, full-width name and spaces, katakana reading. */
  ja = import (f, TSU_IMPORT_ATTENDEES, ja_path, TSU_IMPORT_FLAGS_NONE);
  assert_clean (ja);
  tour = attendees_of (f, "2023-bus-tour");
  g_assert_cmpuint (tour->len, ==, 1);
  a = g_ptr_array_index (tour, 0);
  g_assert_cmpint (tsu_attendee_get_person_id (a), ==, f->maeda_id);
  g_assert_cmpint (tsu_attendee_get_status (a), ==, TSU_ATTENDEE_STATUS_REGISTERED);
}

static void
test_attendees_bad (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "attendees-bad.csv",
    "event,organization,name,reading,status\n"
    "2023-nope,抱樸,前田 誠,,\n"                         /* 2: unknown event */
    "2023-council-5,抱樸,前田 誠,,here\n"                /* 3: bad status */
    "2023-council-5,門司区役所,山本 一郎,やまもと,\n"    /* 4: fine */
    "2023-council-5,門司区役所,山本　一郎,やまもと,\n"   /* 5: repeated */
    "2023-council-5,,鈴木 花子,,\n"                      /* 6: no reading */
    "2023-council-5,抱樸,,まえだ,\n"                     /* 7: no name */
    "2023-bus-tour,門司区役所,山本 一郎,やまもと,\n");   /* 8: other event: fine */
  const char * const expected[] = {
    "2: column event: ",
    "3: column status: ",
    "5: column name: ",
    "6: column reading: ",
    "7: column name: ",
    NULL
  };
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(GPtrArray) council = NULL;

  import_events_en (f);
  result = import (f, TSU_IMPORT_ATTENDEES, path, TSU_IMPORT_FLAGS_NONE);
  assert_problems (result, path, expected);
  council = attendees_of (f, "2023-council-5");
  g_assert_cmpuint (council->len, ==, 0);
}

static void
test_attendees_update (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "attendees-update.csv",
    "event,organization,name,status\n"
    "2023-council-5,門司区役所,山本 一郎,absent\n"
    "2023-council-5,北九州市立大学,高木 一,attended\n");
  const char * const expected[] = {
    "2: column name: ",
    "3: column reading: ",
    NULL
  };
  g_autofree char *with_reading = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr(TsuImportResult) refused = NULL;
  g_autoptr(TsuImportResult) result = NULL;
  g_autoptr(GPtrArray) council = NULL;
  TsuAttendee *a;

  import_events_en (f);
  import_attendees_en (f);

  /* The reading column is required, even with --update. */
  refused = import (f, TSU_IMPORT_ATTENDEES, path, TSU_IMPORT_FLAGS_UPDATE);
  g_assert_cmpuint (refused->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (refused->problems, 0), "column reading"));

  with_reading = write_csv (f, "attendees-update2.csv",
    "event,organization,name,reading,status\n"
    "2023-council-5,門司区役所,山本 一郎,やまもと いちろう,absent\n"
    "2023-council-5,北九州市立大学,高木 一,,attended\n");
  g_clear_pointer (&refused, tsu_import_result_free);
  refused = import (f, TSU_IMPORT_ATTENDEES, with_reading, TSU_IMPORT_FLAGS_NONE);
  assert_problems (refused, with_reading, expected);

  /* --update accepts the existing person but not the bad row, and then
   * changes nothing. */
  result = import (f, TSU_IMPORT_ATTENDEES, with_reading, TSU_IMPORT_FLAGS_UPDATE);
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result->problems, 0), ":3: column reading: "));

  council = attendees_of (f, "2023-council-5");
  a = attendee_named (council, "山本 一郎");
  g_assert_cmpint (tsu_attendee_get_status (a), ==, TSU_ATTENDEE_STATUS_REGISTERED);
  g_clear_pointer (&council, g_ptr_array_unref);

  /* Once every row is right, the update goes through. */
  g_clear_pointer (&result, tsu_import_result_free);
  fixed = write_csv (f, "attendees-update3.csv",
    "event,organization,name,reading,status\n"
    "2023-council-5,門司区役所,山本 一郎,やまもと いちろう,absent\n"
    "2023-council-5,北九州市立大学,高木 一,たかぎ はじめ,attended\n");
  result = import (f, TSU_IMPORT_ATTENDEES, fixed, TSU_IMPORT_FLAGS_UPDATE);
  assert_clean (result);
  g_assert_cmpuint (result->updated, ==, 1);
  g_assert_cmpuint (result->added, ==, 1);

  council = attendees_of (f, "2023-council-5");
  g_assert_cmpuint (council->len, ==, 5);
  a = attendee_named (council, "山本 一郎");
  g_assert_cmpint (tsu_attendee_get_status (a), ==, TSU_ATTENDEE_STATUS_ABSENT);
  /* The title column is not in the file: kept. */
  g_assert_cmpstr (tsu_attendee_get_title (a), ==, "保健福祉課 係長");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/import/events/english", test_events_english);
  ADD ("/import/events/japanese", test_events_japanese);
  ADD ("/import/events/cp932", test_events_cp932);
  ADD ("/import/events/bad-rows", test_events_bad);
  ADD ("/import/events/bad-header", test_events_header);
  ADD ("/import/events/update", test_events_update);
  ADD ("/import/events/dry-run", test_events_dry_run);
  ADD ("/import/sessions/good", test_sessions);
  ADD ("/import/sessions/bad-rows", test_sessions_bad);
  ADD ("/import/sessions/update", test_sessions_update);
  ADD ("/import/attendees/good", test_attendees);
  ADD ("/import/attendees/bad-rows", test_attendees_bad);
  ADD ("/import/attendees/update", test_attendees_update);

#undef ADD

  return g_test_run ();
}
