/* test-events-report.c: the attendee list, sign-in sheet, minutes and
 * attendance summary, read back with pdftotext and openpyxl.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "report-test-util.h"
#include "tsu-attendee.h"
#include "tsu-event-session.h"
#include "tsu-event.h"
#include "tsu-events-report.h"
#include "tsu-minutes.h"
#include "tsu-person.h"

#define COUNCIL "テスト協議会"

/* Fixture. */

static TsuDatabase *
new_database (char **dir_out)
{
  g_autofree char *dir = report_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  TsuDatabase *db = tsu_database_open (path, &error);

  g_assert_no_error (error);
  *dir_out = g_steal_pointer (&dir);
  return db;
}

static TsuOrganization *
add_org (TsuDatabase         *db,
         const char          *legal_form,
         const char          *name,
         const char          *reading,
         TsuOrganizationKind  kind)
{
  TsuOrganization *org = tsu_organization_new ();
  g_autoptr(GError) error = NULL;

  tsu_organization_set_legal_form (org, legal_form);
  tsu_organization_set_name (org, name);
  tsu_organization_set_reading (org, reading);
  tsu_organization_set_kind (org, kind);
  g_assert_true (tsu_organization_save (org, db, &error));
  g_assert_no_error (error);
  return org;
}

static gint64
add_event (TsuDatabase  *db,
           const char   *key,
           TsuEventKind  kind,
           guint         number,
           const char   *title,
           const char   *starts_at,
           const char   *ends_at,
           guint         pillars)
{
  g_autoptr(TsuEvent) event = tsu_event_new ();
  g_autoptr(GError) error = NULL;

  tsu_event_set_key (event, key);
  tsu_event_set_kind (event, kind);
  tsu_event_set_number (event, number);
  tsu_event_set_title (event, title);
  tsu_event_set_starts_at (event, starts_at);
  tsu_event_set_ends_at (event, ends_at);
  tsu_event_set_venue (event, "ホテルクラウンパレス小倉 ３階 ダイヤモンドホール");
  tsu_event_set_pillars (event, pillars);
  g_assert_true (tsu_event_save (event, db, &error));
  g_assert_no_error (error);
  return tsu_event_get_id (event);
}

static gint64
add_session (TsuDatabase *db,
             gint64       event_id,
             guint        position,
             const char  *title,
             const char  *starts_at,
             int          head_count)
{
  g_autoptr(TsuEventSession) session = tsu_event_session_new (event_id);
  g_autoptr(GError) error = NULL;

  tsu_event_session_set_position (session, position);
  tsu_event_session_set_title (session, title);
  tsu_event_session_set_starts_at (session, starts_at);
  tsu_event_session_set_head_count (session, head_count);
  g_assert_true (tsu_event_session_save (session, db, &error));
  g_assert_no_error (error);
  return tsu_event_session_get_id (session);
}

/* A person of @org registered for @event_id. */
static gint64
add_member_attendee (TsuDatabase       *db,
                     gint64             event_id,
                     TsuOrganization   *org,
                     const char        *title,
                     const char        *name,
                     const char        *reading,
                     TsuAttendeeStatus  status)
{
  g_autoptr(TsuPerson) person = tsu_person_new (tsu_organization_get_id (org));
  g_autoptr(TsuAttendee) attendee = NULL;
  g_autoptr(GError) error = NULL;

  tsu_person_set_title (person, title);
  tsu_person_set_name (person, name);
  tsu_person_set_reading (person, reading);
  g_assert_true (tsu_person_save (person, db, &error));
  g_assert_no_error (error);

  attendee = tsu_attendee_new_for_person (event_id, person, org);
  tsu_attendee_set_status (attendee, status);
  g_assert_true (tsu_attendee_save (attendee, db, &error));
  g_assert_no_error (error);
  return tsu_attendee_get_id (attendee);
}

static gint64
add_outside_attendee_with_title (TsuDatabase       *db,
                                 gint64             event_id,
                                 const char        *affiliation,
                                 const char        *title,
                                 const char        *name,
                                 const char        *reading,
                                 TsuAttendeeStatus  status)
{
  g_autoptr(TsuAttendee) attendee = tsu_attendee_new (event_id);
  g_autoptr(GError) error = NULL;

  tsu_attendee_set_affiliation (attendee, affiliation);
  tsu_attendee_set_title (attendee, title);
  tsu_attendee_set_name (attendee, name);
  tsu_attendee_set_reading (attendee, reading);
  tsu_attendee_set_status (attendee, status);
  g_assert_true (tsu_attendee_save (attendee, db, &error));
  g_assert_no_error (error);
  return tsu_attendee_get_id (attendee);
}

static gint64
add_outside_attendee (TsuDatabase       *db,
                      gint64             event_id,
                      const char        *affiliation,
                      const char        *name,
                      const char        *reading,
                      TsuAttendeeStatus  status)
{
  return add_outside_attendee_with_title (db, event_id, affiliation, NULL, name, reading, status);
}

/* The 5th council meeting: members (いのちの電話 sorts under き without
 * its legal form, before すまいる and 抱樸), a partner and someone from
 * outside (その他), a city department, and a cancellation. */
static gint64
add_council_meeting (TsuDatabase *db)
{
  g_autoptr(TsuOrganization) houboku = NULL;
  g_autoptr(TsuOrganization) inochi = NULL;
  g_autoptr(TsuOrganization) smile = NULL;
  g_autoptr(TsuOrganization) works = NULL;
  g_autoptr(TsuOrganization) city = NULL;
  gint64 event_id;

  houboku = add_org (db, "NPO法人", "抱樸", "ほうぼく", TSU_ORGANIZATION_KIND_MEMBER);
  inochi = add_org (db, "社会福祉法人", "北九州いのちの電話", "きたきゅうしゅういのちのでんわ",
                    TSU_ORGANIZATION_KIND_MEMBER);
  smile = add_org (db, "一般社団法人", "すまいる", "すまいる", TSU_ORGANIZATION_KIND_MEMBER);
  works = add_org (db, "株式会社", "ワークス", "わーくす", TSU_ORGANIZATION_KIND_PARTNER);
  city = add_org (db, NULL, "保健福祉局 地域福祉推進課", "ほけんふくしきょく ちいきふくしすいしんか",
                  TSU_ORGANIZATION_KIND_GOVERNMENT);

  event_id = add_event (db, "2023-council-5", TSU_EVENT_KIND_MEETING, 5, "連携協議会",
                        "2023-07-19T15:00", "2023-07-19T16:30", 0x9);
  /* Added out of order: the list sorts. */
  add_member_attendee (db, event_id, city, "課長", "市役所一郎", "しやくしょ いちろう",
                       TSU_ATTENDEE_STATUS_ATTENDED);
  add_member_attendee (db, event_id, houboku, "理事長", "奥田知志", "おくだ ともし",
                       TSU_ATTENDEE_STATUS_ATTENDED);
  add_member_attendee (db, event_id, houboku, "専務理事", "安部太郎", "あべ たろう",
                       TSU_ATTENDEE_STATUS_REGISTERED);
  add_member_attendee (db, event_id, works, "社長", "和田工", "わだ たくみ",
                       TSU_ATTENDEE_STATUS_ABSENT);
  add_member_attendee (db, event_id, smile, "代表", "佐藤笑子", "さとう えみこ",
                       TSU_ATTENDEE_STATUS_ATTENDED);
  add_member_attendee (db, event_id, inochi, "事務局長", "北野花子", "きたの はなこ",
                       TSU_ATTENDEE_STATUS_REGISTERED);
  add_member_attendee (db, event_id, inochi, "理事", "取消次郎", "とりけし じろう",
                       TSU_ATTENDEE_STATUS_CANCELLED);
  add_outside_attendee (db, event_id, "北九州大学", "外部一子", "がいぶ かずこ",
                        TSU_ATTENDEE_STATUS_REGISTERED);
  return event_id;
}

static void
init_options (TsuEventReportOptions *options)
{
  tsu_event_report_options_init (options);
  options->council_name = COUNCIL;
  options->date_style = TSU_DATE_STYLE_WAREKI;
}

static char *
write_pdf (TsuTablePrint *print,
           const char    *dir,
           const char    *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (print);
  g_assert_true (tsu_table_print_write_pdf (print, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
join_pages (GStrv pages)
{
  return g_strjoinv ("\f", pages);
}

/* Asserts that the needles occur in @text in this order, each once. */
static void
assert_in_order (const char         *text,
                 const char * const *needles)
{
  const char *previous = NULL;
  const char *previous_needle = NULL;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *at = strstr (text, needles[i]);

      if (at == NULL)
        g_error ("“%s” is missing from:\n%s", needles[i], text);
      if (report_test_count (text, needles[i]) != 1)
        g_error ("“%s” occurs %u times in:\n%s", needles[i], report_test_count (text, needles[i]), text);
      if (previous != NULL && at < previous)
        g_error ("“%s” comes before “%s” in:\n%s", needles[i], previous_needle, text);
      previous = at;
      previous_needle = needles[i];
    }
}

/* The attendee list. */

static void
test_attendees_order (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  gint64 event_id = add_council_meeting (db);
  TsuEventReportOptions options;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  const char *order[] = {
    /* The title: council, event, list. */
    COUNCIL, "5 連携協議会", "Attendee List",
    "令和5年7月19日", "15:00", "ダイヤモンドホール",
    "Attended 3 / Registered 7",
    /* Members: き, す, ほ (without 一般社団法人 and NPO法人 in the order),
     * people by reading within 抱樸. */
    "Member organizations",
    "北九州いのちの電話", "北野花子",
    "すまいる", "佐藤笑子",
    "安部太郎", "奥田知志",
    "Others",
    "市役所一郎",
    NULL
  };

  init_options (&options);
  print = tsu_attendees_report_new_printout (db, event_id, &options, &error);
  g_assert_no_error (error);
  path = write_pdf (print, dir, "attendees.pdf");
  pages = report_test_pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);

  assert_in_order (pages[0], order);
  /* その他 holds the partner and the outside person; the city last. */
  g_assert_true (strstr (pages[0], "Others") < strstr (pages[0], "和田工"));
  g_assert_true (strstr (pages[0], "和田工") < strstr (pages[0], "City officials"));
  g_assert_true (strstr (pages[0], "Others") < strstr (pages[0], "外部一子"));
  g_assert_true (strstr (pages[0], "外部一子") < strstr (pages[0], "City officials"));
  g_assert_true (strstr (pages[0], "City officials") < strstr (pages[0], "市役所一郎"));
  /* The legal form is printed in the affiliation, not used to sort. */
  g_assert_nonnull (strstr (pages[0], "社会福祉法人 北九州いのちの電話"));
  g_assert_nonnull (strstr (pages[0], "専務理事"));
  /* Cancelled people are not listed. */
  g_assert_null (strstr (pages[0], "取消次郎"));
  /* The status, and "n / N" at the foot. */
  g_assert_nonnull (strstr (pages[0], tsu_attendee_status_to_label (TSU_ATTENDEE_STATUS_ABSENT)));
  g_assert_nonnull (strstr (pages[0], "1 / 1"));
  g_assert_nonnull (strstr (pages[0], "Honorifics omitted, in kana order"));
}

static void
test_attendees_missing_event (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  TsuEventReportOptions options;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(GError) error = NULL;

  init_options (&options);
  print = tsu_attendees_report_new_printout (db, 4242, &options, &error);
  g_assert_null (print);
  g_assert_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND);
}

/* 120 people from outside: several pages, each titled and numbered, no
 * name lost or printed twice at a page break. */
static void
test_attendees_many_pages (void)
{
  /* Kana for the digits, so that the reading order is the number order. */
  static const char *digits[] = { "あ", "い", "う", "え", "お", "か", "き", "く", "け", "こ" };
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  TsuEventReportOptions options;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 event_id;
  guint n_pages;

  event_id = add_event (db, "2024-training", TSU_EVENT_KIND_TRAINING, 0, "支援者向け研修会",
                        "2024-01-19", "", 0x2);
  for (guint i = 1; i <= 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("受講者%03u", i);
      g_autofree char *reading = g_strdup_printf ("じゅこうしゃ%s%s%s", digits[i / 100],
                                                  digits[i / 10 % 10], digits[i % 10]);
      /* Some titles long enough to wrap, so rows differ in height. */
      const char *title = i % 7 == 0
        ? "地域福祉部 地域支援課 いのちをつなぐネットワーク担当係長"
        : "主事";

      add_outside_attendee_with_title (db, event_id, "北九州市社会福祉協議会", title, name, reading,
                                       i % 3 == 0 ? TSU_ATTENDEE_STATUS_ATTENDED
                                                  : TSU_ATTENDEE_STATUS_REGISTERED);
    }

  init_options (&options);
  print = tsu_attendees_report_new_printout (db, event_id, &options, &error);
  g_assert_no_error (error);
  path = write_pdf (print, dir, "many.pdf");
  pages = report_test_pdf_pages (path);
  n_pages = g_strv_length (pages);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (n_pages, ==, tsu_table_print_get_n_pages (print));

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *foot = g_strdup_printf ("%u / %u", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], COUNCIL));
      g_assert_nonnull (strstr (pages[p], "支援者向け研修会"));
      g_assert_nonnull (strstr (pages[p], "Attendee List"));
      g_assert_nonnull (strstr (pages[p], foot));
      /* Column headers on every page. */
      g_assert_nonnull (strstr (pages[p], "Affiliation"));
    }

  all = join_pages (pages);
  g_assert_nonnull (strstr (all, "Attended 40 / Registered 120"));
  for (guint i = 1; i <= 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("受講者%03u", i);

      if (report_test_count (all, name) != 1)
        g_error ("%s is printed %u times", name, report_test_count (all, name));
      if (i > 1)
        {
          g_autofree char *previous = g_strdup_printf ("受講者%03u", i - 1);

          g_assert_true (strstr (all, previous) < strstr (all, name));
        }
    }
}

/* The sign-in sheet. */

/* Whether some line of @text is "… @number" alone in the number column
 * (pdftotext prints an empty row as its number only). */
static gboolean
has_number_line (const char *text,
                 guint       number)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *want = g_strdup_printf ("%u", number);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strcmp (g_strstrip (lines[i]), want) == 0)
      return TRUE;
  return FALSE;
}

static void
test_sign_in_blank_rows (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  gint64 event_id = add_council_meeting (db);
  TsuEventReportOptions options;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  const char *order[] = {
    "Sign-in Sheet", "Affiliation", "Name", "Signature", "Notes",
    "北野花子", "佐藤笑子", "安部太郎", "奥田知志", "市役所一郎", "Walk-ins",
    NULL
  };

  init_options (&options);
  options.blank_rows = 3;
  print = tsu_sign_in_report_new_printout (db, event_id, &options, &error);
  g_assert_no_error (error);
  /* Seven people not cancelled, then three empty rows. */
  g_assert_cmpuint (tsu_table_print_get_n_rows (print), >=, 10);
  path = write_pdf (print, dir, "sign-in.pdf");
  pages = report_test_pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);

  assert_in_order (pages[0], order);
  /* The header row: number, affiliation, name, signature on one line. */
  g_assert_true (g_regex_match_simple ("^ *No\\. +Affiliation +Name +Signature +Notes *$",
                                       pages[0], G_REGEX_MULTILINE, 0));
  g_assert_null (strstr (pages[0], "取消次郎"));
  /* The status is not printed: everyone signs the same sheet. */
  g_assert_null (strstr (pages[0], "Attended 3"));
  /* Numbers 8, 9 and 10 alone on their lines: the empty rows continue
   * the numbering; 11 is not there. */
  for (guint n = 8; n <= 10; n++)
    if (!has_number_line (pages[0], n))
      g_error ("no empty row numbered %u in:\n%s", n, pages[0]);
  g_assert_false (has_number_line (pages[0], 11));
  g_assert_false (has_number_line (pages[0], 7));
}

/* Rows are tall enough to sign in: 60 people take more pages than the
 * attendee list of the same people, and at least 28 pt each. */
static void
test_sign_in_row_height (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  TsuEventReportOptions options;
  g_autoptr(TsuTablePrint) sign_in = NULL;
  g_autoptr(TsuTablePrint) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sign_in_path = NULL;
  g_autofree char *list_path = NULL;
  gint64 event_id;

  event_id = add_event (db, "2024-case", TSU_EVENT_KIND_CASE_STUDY, 0, "ケーススタディ",
                        "2024-03-12", "", 0);
  for (guint i = 0; i < 60; i++)
    {
      static const char *digits[] = { "あ", "い", "う", "え", "お", "か", "き", "く", "け", "こ" };
      g_autofree char *name = g_strdup_printf ("参加者%02u", i);
      g_autofree char *reading = g_strdup_printf ("さんかしゃ%s%s", digits[i / 10], digits[i % 10]);

      add_outside_attendee (db, event_id, "市民", name, reading, TSU_ATTENDEE_STATUS_REGISTERED);
    }
  init_options (&options);
  options.blank_rows = 0;
  sign_in = tsu_sign_in_report_new_printout (db, event_id, &options, &error);
  g_assert_no_error (error);
  list = tsu_attendees_report_new_printout (db, event_id, &options, &error);
  g_assert_no_error (error);
  sign_in_path = write_pdf (sign_in, dir, "sign-in.pdf");
  list_path = write_pdf (list, dir, "list.pdf");
  g_test_message ("list: %u pages, sign-in sheet: %u pages",
                  tsu_table_print_get_n_pages (list), tsu_table_print_get_n_pages (sign_in));
  g_assert_cmpuint (tsu_table_print_get_n_pages (sign_in), >, tsu_table_print_get_n_pages (list));
  /* 60 rows of 28 pt: 1680 pt, more than two A4 pages hold. */
  g_assert_cmpuint (tsu_table_print_get_n_pages (sign_in), >=, 3);
}

/* The minutes. */

static void
test_minutes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  gint64 event_id = add_council_meeting (db);
  gint64 empty_id;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_agenda_item_free);
  TsuAgendaItem *item;
  TsuEventReportOptions options;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(TsuTablePrint) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *empty_path = NULL;
  g_autofree char *all = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) empty_pages = NULL;
  const char *order[] = {
    "Minutes", "令和5年7月19日",
    "(1) 行政からの説明「実態調査について」",
    "調査結果の概要を説明した。",
    "(抱樸) 学校との連携を考えてほしい。",
    "教育委員会と協議している。",
    "意見その二。",
    "(2) 意見交換",
    "居場所づくりが大切だ。",
    NULL
  };

  item = tsu_agenda_item_new ("行政からの説明「実態調査について」", "調査結果の概要を説明した。");
  g_ptr_array_add (item->remarks, tsu_remark_new (TSU_REMARK_MEMBER, "抱樸", "学校との連携を考えてほしい。"));
  g_ptr_array_add (item->remarks, tsu_remark_new (TSU_REMARK_CITY, NULL, "教育委員会と協議している。"));
  g_ptr_array_add (item->remarks, tsu_remark_new (TSU_REMARK_MEMBER, NULL, "意見その二。"));
  g_ptr_array_add (items, item);
  item = tsu_agenda_item_new ("意見交換", NULL);
  g_ptr_array_add (item->remarks, tsu_remark_new (TSU_REMARK_MEMBER, "すまいる", "居場所づくりが大切だ。"));
  g_ptr_array_add (items, item);
  g_assert_true (tsu_minutes_save (db, event_id, items, &error));
  g_assert_no_error (error);

  init_options (&options);
  print = tsu_minutes_report_new_printout (db, event_id, &options, &error);
  g_assert_no_error (error);
  path = write_pdf (print, dir, "minutes.pdf");
  pages = report_test_pdf_pages (path);
  all = join_pages (pages);
  assert_in_order (all, order);
  /* Each remark on its line after its mark. */
  g_assert_true (g_regex_match_simple ("^ *◆ +\\(抱樸\\) 学校との連携", all, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^ *◇ +教育委員会と協議", all, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^ *◆ +意見その二", all, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^ *◆ +\\(すまいる\\) 居場所づくり", all, G_REGEX_MULTILINE, 0));
  /* Marks: three ◆ remarks and one ◇, plus one of each in the legend. */
  g_assert_cmpuint (report_test_count (all, "◆"), ==, 4);
  g_assert_cmpuint (report_test_count (all, "◇"), ==, 2);
  g_assert_null (strstr (all, "No minutes have been recorded"));

  /* An event without minutes says so. */
  empty_id = add_event (db, "2023-tour", TSU_EVENT_KIND_TOUR, 0, "支援現場見学バスツアー",
                        "2023-12-14", "", 0x1);
  empty = tsu_minutes_report_new_printout (db, empty_id, &options, &error);
  g_assert_no_error (error);
  empty_path = write_pdf (empty, dir, "empty.pdf");
  empty_pages = report_test_pdf_pages (empty_path);
  g_assert_nonnull (strstr (empty_pages[0], "支援現場見学バスツアー"));
  g_assert_nonnull (strstr (empty_pages[0], "No minutes have been recorded for this event."));
}

/* Workbooks. */

typedef struct
{
  GHashTable *facts;   /* "key sheet" → value */
  GHashTable *cells;   /* "sheet,row,col" → GStrv kind, text, cached kind, cached */
} Book;

static void
book_free (Book *book)
{
  g_hash_table_unref (book->facts);
  g_hash_table_unref (book->cells);
  g_free (book);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Book, book_free)

static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static Book *
read_book (const char *path)
{
  g_auto(GStrv) lines = report_test_run_xlsx_script (READ_XLSX_FORMULAS_SCRIPT, path);
  Book *book = g_new0 (Book, 1);

  book->facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "\t", -1);

      if (parts[0] == NULL || *parts[0] == '\0')
        continue;
      if (strcmp (parts[0], "cell") == 0)
        {
          GStrv cell = g_new0 (char *, 5);

          g_assert_cmpuint (g_strv_length (parts), ==, 8);
          for (guint k = 0; k < 4; k++)
            cell[k] = unescape (parts[4 + k]);
          g_hash_table_insert (book->cells,
                               g_strdup_printf ("%s,%s,%s", parts[1], parts[2], parts[3]), cell);
        }
      else
        {
          g_assert_cmpuint (g_strv_length (parts), ==, 3);
          g_hash_table_insert (book->facts, g_strdup_printf ("%s %s", parts[0], parts[1]),
                               unescape (parts[2]));
        }
    }
  return book;
}

static const char *
fact (Book       *book,
      const char *key,
      guint       sheet)
{
  g_autofree char *name = g_strdup_printf ("%s %u", key, sheet);

  return g_hash_table_lookup (book->facts, name);
}

/* The cell's GStrv: kind ("str", "int", "formula", "date"), the text or
 * formula, the stored value's kind and the stored value; NULL when
 * empty. Rows and columns from 1, as in Excel. */
static GStrv
cell (Book  *book,
      guint  sheet,
      guint  row,
      guint  col)
{
  g_autofree char *key = g_strdup_printf ("%u,%u,%u", sheet, row, col);

  return g_hash_table_lookup (book->cells, key);
}

/* The row (from 1) of @sheet whose column @col holds @text, or 0. */
static guint
find_row (Book       *book,
          guint       sheet,
          guint       col,
          const char *text)
{
  for (guint row = 1; row < 500; row++)
    {
      GStrv c = cell (book, sheet, row, col);

      if (c != NULL && strcmp (c[1], text) == 0)
        return row;
    }
  return 0;
}

static void
assert_number (Book  *book,
               guint  sheet,
               guint  row,
               guint  col,
               int    value)
{
  GStrv c = cell (book, sheet, row, col);
  g_autofree char *want = g_strdup_printf ("%d", value);

  if (c == NULL)
    g_error ("cell %u,%u,%u is empty, expected %d", sheet, row, col, value);
  /* A number, not a text that looks like one. */
  g_assert_cmpstr (c[2], ==, "int");
  g_assert_cmpstr (c[3], ==, want);
}

/* A formula whose text starts with @prefix and whose stored value is
 * @value. */
static void
assert_formula (Book       *book,
                guint       sheet,
                guint       row,
                guint       col,
                const char *prefix,
                int         value)
{
  GStrv c = cell (book, sheet, row, col);

  g_assert_nonnull (c);
  g_assert_cmpstr (c[0], ==, "formula");
  if (!g_str_has_prefix (c[1], prefix))
    g_error ("cell %u,%u,%u holds %s, expected %s…", sheet, row, col, c[1], prefix);
  assert_number (book, sheet, row, col, value);
}

static void
test_attendees_xlsx (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  gint64 event_id;
  gint64 session_ids[3];
  gint64 attendee_id;
  TsuEventReportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(Book) book = NULL;
  guint row;

  event_id = add_council_meeting (db);
  session_ids[0] = add_session (db, event_id, 1, "第1部", "2023-07-19T15:00", TSU_HEAD_COUNT_UNKNOWN);
  session_ids[1] = add_session (db, event_id, 2, "第2部", "2023-07-19T15:45", TSU_HEAD_COUNT_UNKNOWN);
  session_ids[2] = add_session (db, event_id, 3, "第3部", "2023-07-19T16:10", TSU_HEAD_COUNT_UNKNOWN);
  attendee_id = add_outside_attendee (db, event_id, "市民センター", "全部出子", "ぜんぶ でこ",
                                      TSU_ATTENDEE_STATUS_ATTENDED);
  {
    /* Stored out of order: the sheet lists them in programme order. */
    gint64 ids[2] = { session_ids[2], session_ids[0] };

    g_assert_true (tsu_attendee_set_session_ids (db, attendee_id, ids, 2, &error));
    g_assert_no_error (error);
  }

  init_options (&options);
  path = g_build_filename (dir, "attendees.xlsx", NULL);
  g_assert_true (tsu_attendees_report_export_xlsx (db, event_id, &options, path, &error));
  g_assert_no_error (error);
  book = read_book (path);

  g_assert_cmpstr (fact (book, "sheet", 0), ==, "Attendees");
  g_assert_null (fact (book, "sheet", 1));
  g_assert_cmpstr (fact (book, "freeze", 0), ==, "A4");
  /* Eight people not cancelled below the header row. */
  g_assert_cmpstr (fact (book, "autofilter", 0), ==, "A3:H11");
  g_assert_cmpstr (fact (book, "orientation", 0), ==, "landscape");
  g_assert_cmpstr (fact (book, "paper", 0), ==, "9");
  g_assert_cmpstr (fact (book, "title_rows", 0), ==, "$1:$3");
  g_assert_true (g_str_has_prefix (cell (book, 0, 1, 1)[1], COUNCIL));
  g_assert_nonnull (strstr (cell (book, 0, 1, 1)[1], "Attendee List"));
  g_assert_nonnull (strstr (cell (book, 0, 2, 1)[1], "Attended 4 / Registered 8"));

  g_assert_cmpstr (cell (book, 0, 3, 1)[1], ==, "No.");
  g_assert_cmpstr (cell (book, 0, 3, 6)[1], ==, "Reading");
  g_assert_cmpstr (cell (book, 0, 3, 8)[1], ==, "Sessions attended");

  /* Same order as the printout; numbers as numbers. */
  g_assert_cmpstr (cell (book, 0, 4, 5)[1], ==, "北野花子");
  g_assert_cmpstr (cell (book, 0, 4, 3)[1], ==, "社会福祉法人 北九州いのちの電話");
  g_assert_cmpstr (cell (book, 0, 4, 4)[1], ==, "事務局長");
  g_assert_cmpstr (cell (book, 0, 4, 6)[1], ==, "きたの はなこ");
  g_assert_cmpstr (cell (book, 0, 4, 2)[1], ==, "Member organizations");
  assert_number (book, 0, 4, 1, 1);
  assert_number (book, 0, 11, 1, 8);
  g_assert_cmpstr (cell (book, 0, 11, 5)[1], ==, "市役所一郎");
  g_assert_cmpstr (cell (book, 0, 11, 2)[1], ==, "City officials");
  g_assert_cmpuint (find_row (book, 0, 5, "取消次郎"), ==, 0);

  row = find_row (book, 0, 5, "全部出子");
  g_assert_cmpuint (row, >, 0);
  g_assert_cmpstr (cell (book, 0, row, 8)[1], ==, "①③");
  g_assert_cmpstr (cell (book, 0, row, 7)[1], ==,
                   tsu_attendee_status_to_label (TSU_ATTENDEE_STATUS_ATTENDED));
  /* No sessions: an empty cell. */
  g_assert_null (cell (book, 0, find_row (book, 0, 5, "北野花子"), 8));
}

/* FY2023 (令和5年度) as in the seeds, plus events either side of it. */
static void
add_fiscal_year (TsuDatabase *db)
{
  gint64 council;
  gint64 network;
  gint64 tour;
  gint64 training;
  gint64 other;
  g_autoptr(TsuOrganization) org = NULL;

  org = add_org (db, "NPO法人", "抱樸", "ほうぼく", TSU_ORGANIZATION_KIND_MEMBER);

  /* Before and after the year: not listed. */
  other = add_event (db, "2022-council-4", TSU_EVENT_KIND_MEETING, 4, "連携協議会",
                     "2023-03-10T15:00", "", 0x1);
  add_outside_attendee (db, other, "市民", "前年度一郎", "ぜんねんど", TSU_ATTENDEE_STATUS_ATTENDED);
  add_event (db, "2024-council-6", TSU_EVENT_KIND_MEETING, 6, "連携協議会",
             "2024-04-01T15:00", "", 0x1);

  /* No programme: counts its attendees marked attended (3 of 4). */
  council = add_event (db, "2023-council-5", TSU_EVENT_KIND_MEETING, 5, "連携協議会",
                       "2023-07-19T15:00", "2023-07-19T16:30", 0x9);
  add_member_attendee (db, council, org, "理事長", "奥田知志", "おくだ", TSU_ATTENDEE_STATUS_ATTENDED);
  add_outside_attendee (db, council, "市民", "一", "いち", TSU_ATTENDEE_STATUS_ATTENDED);
  add_outside_attendee (db, council, "市民", "二", "に", TSU_ATTENDEE_STATUS_ATTENDED);
  add_outside_attendee (db, council, "市民", "三", "さん", TSU_ATTENDEE_STATUS_ABSENT);

  /* Two parts counted: 84 + 75; its attendees do not count. */
  network = add_event (db, "2023-network", TSU_EVENT_KIND_MEETING, 0, "いのちをつなぐネットワーク推進会議",
                       "2023-11-14T13:30", "", 0x3);
  add_session (db, network, 1, "第1部 講演", "2023-11-14T13:30", 84);
  add_session (db, network, 2, "第2部 意見交換", "2023-11-14T15:00", 75);
  add_outside_attendee (db, network, "市民", "四", "よん", TSU_ATTENDEE_STATUS_ATTENDED);

  /* Stops not counted: the attendees marked attended (2). */
  tour = add_event (db, "2023-tour", TSU_EVENT_KIND_TOUR, 0, "支援現場見学バスツアー",
                    "2023-12-14", "", 0x1);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("見学先%u", i);

      add_session (db, tour, i, title, "", TSU_HEAD_COUNT_UNKNOWN);
    }
  add_outside_attendee (db, tour, "市民", "五", "ご", TSU_ATTENDEE_STATUS_ATTENDED);
  add_outside_attendee (db, tour, "市民", "六", "ろく", TSU_ATTENDEE_STATUS_ATTENDED);

  /* Six sessions over two days: 20+18+33+25+16+21 = 133; one session
   * not counted yet is left out. */
  training = add_event (db, "2023-training-2", TSU_EVENT_KIND_TRAINING, 0, "支援者向け能力向上研修会",
                        "2024-02-05", "2024-02-06", 0x2);
  add_session (db, training, 1, "講義1", "2024-02-05T10:00", 20);
  add_session (db, training, 2, "講義2", "2024-02-05T13:00", 18);
  add_session (db, training, 3, "講義3", "2024-02-05T15:00", 33);
  add_session (db, training, 4, "講義4", "2024-02-06T10:00", 25);
  add_session (db, training, 5, "講義5", "2024-02-06T13:00", 16);
  add_session (db, training, 6, "講義6", "2024-02-06T15:00", 21);
  add_session (db, training, 7, "振り返り", "2024-02-06T16:30", TSU_HEAD_COUNT_UNKNOWN);
}

static char *
dup_display_title (TsuDatabase *db,
                   const char  *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuEvent) event = tsu_event_find_by_key (db, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);
  return tsu_event_dup_display_title (event);
}

static void
test_attendance_xlsx (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  TsuEventReportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(Book) book = NULL;
  guint council, network, tour, training, total_row, row;
  const char *meeting = tsu_event_kind_to_label (TSU_EVENT_KIND_MEETING);
  g_autofree char *council_title = NULL;

  add_fiscal_year (db);
  council_title = dup_display_title (db, "2023-council-5");
  init_options (&options);
  path = g_build_filename (dir, "attendance.xlsx", NULL);
  g_assert_true (tsu_attendance_report_export_xlsx (db, 2023, &options, path, &error));
  g_assert_no_error (error);
  book = read_book (path);

  g_assert_cmpstr (fact (book, "sheet", 0), ==, "Events");
  g_assert_cmpstr (fact (book, "sheet", 1), ==, "Totals");
  g_assert_cmpstr (cell (book, 0, 1, 1)[1], ==, "令和5年度 Events and Meetings: Attendance");
  g_assert_nonnull (strstr (cell (book, 0, 2, 1)[1], "sum of its sessions"));
  g_assert_cmpstr (fact (book, "freeze", 0), ==, "A4");
  g_assert_cmpstr (fact (book, "orientation", 0), ==, "landscape");
  g_assert_cmpstr (fact (book, "orientation", 1), ==, "landscape");
  g_assert_cmpstr (fact (book, "paper", 0), ==, "9");
  g_assert_cmpstr (fact (book, "title_rows", 0), ==, "$1:$3");
  g_assert_cmpstr (cell (book, 0, 3, 5)[1], ==, "Head count");
  g_assert_cmpstr (cell (book, 0, 3, 7)[1], ==, "Pillar ①");

  /* In date order, each with its programme below it. */
  council = find_row (book, 0, 4, council_title);
  network = find_row (book, 0, 4, "いのちをつなぐネットワーク推進会議");
  tour = find_row (book, 0, 4, "支援現場見学バスツアー");
  training = find_row (book, 0, 4, "支援者向け能力向上研修会");
  g_assert_cmpuint (council, ==, 4);
  g_assert_cmpuint (network, ==, council + 1);
  g_assert_cmpuint (tour, ==, network + 3);
  g_assert_cmpuint (training, ==, tour + 6);
  /* Only FY2023: the 4th and 6th meetings are in other years. */
  for (guint r = 1; r < 40; r++)
    {
      GStrv c = cell (book, 0, r, 4);

      if (c != NULL && g_str_has_prefix (c[1], "No. "))
        g_assert_cmpstr (c[1], ==, council_title);
    }

  assert_number (book, 0, council, 1, 1);
  assert_number (book, 0, training, 1, 4);
  g_assert_cmpstr (cell (book, 0, council, 2)[1], ==, meeting);
  g_assert_cmpstr (cell (book, 0, council, 3)[0], ==, "date");
  g_assert_cmpstr (cell (book, 0, council, 3)[1], ==, "2023-07-19");
  g_assert_cmpstr (cell (book, 0, council, 7)[1], ==, "①");
  g_assert_null (cell (book, 0, council, 8));
  g_assert_cmpstr (cell (book, 0, council, 10)[1], ==, "④");

  /* Head counts: attendees for events without counted programme items,
   * else the sum of the items (as a formula with its value). */
  assert_number (book, 0, council, 5, 3);
  g_assert_cmpstr (cell (book, 0, council, 5)[0], ==, "int");
  assert_formula (book, 0, network, 5, "=SUM(F", 159);
  assert_number (book, 0, network + 1, 6, 84);
  assert_number (book, 0, network + 2, 6, 75);
  g_assert_true (g_str_has_suffix (cell (book, 0, network + 1, 4)[1], "第1部 講演"));
  assert_number (book, 0, tour, 5, 2);
  g_assert_null (cell (book, 0, tour + 1, 6));
  assert_formula (book, 0, training, 5, "=SUM(F", 133);
  assert_number (book, 0, training + 3, 6, 33);
  g_assert_null (cell (book, 0, training + 7, 6));
  /* Session rows leave the event columns empty, so sums count no one
   * twice. */
  g_assert_null (cell (book, 0, training + 1, 5));
  g_assert_null (cell (book, 0, training + 1, 2));

  total_row = training + 8;
  g_assert_cmpstr (cell (book, 0, total_row, 4)[1], ==, "Total");
  {
    g_autofree char *formula = g_strdup_printf ("=SUM(E4:E%u)", total_row - 1);

    assert_formula (book, 0, total_row, 5, formula, 3 + 159 + 2 + 133);
  }

  /* Totals by kind: COUNTIF and SUMIF over the kind column. */
  row = find_row (book, 1, 1, meeting);
  g_assert_cmpuint (row, >, 0);
  assert_formula (book, 1, row, 2, "=COUNTIF('Events'!$B$4:$B$", 2);
  assert_formula (book, 1, row, 3, "=SUMIF('Events'!$B$4:$B$", 3 + 159);
  g_assert_nonnull (strstr (cell (book, 1, row, 3)[1], ",'Events'!$E$4:$E$"));
  row = find_row (book, 1, 1, tsu_event_kind_to_label (TSU_EVENT_KIND_TRAINING));
  assert_formula (book, 1, row, 3, "=SUMIF(", 133);
  row = find_row (book, 1, 1, tsu_event_kind_to_label (TSU_EVENT_KIND_TOUR));
  assert_formula (book, 1, row, 3, "=SUMIF(", 2);
  row = find_row (book, 1, 1, tsu_event_kind_to_label (TSU_EVENT_KIND_WORKSHOP));
  assert_formula (book, 1, row, 2, "=COUNTIF(", 0);
  assert_formula (book, 1, row, 3, "=SUMIF(", 0);
  row = find_row (book, 1, 1, "Total");
  assert_formula (book, 1, row, 2, "=SUM(B", 4);
  assert_formula (book, 1, row, 3, "=SUM(C", 297);

  /* Totals by pillar: SUMIF over each pillar's mark column. */
  row = find_row (book, 1, 1, "①");
  g_assert_cmpuint (row, >, 0);
  assert_formula (book, 1, row, 2, "=COUNTIF('Events'!$G$4:$G$", 3);
  assert_formula (book, 1, row, 3, "=SUMIF('Events'!$G$4:$G$", 3 + 159 + 2);
  row = find_row (book, 1, 1, "②");
  assert_formula (book, 1, row, 3, "=SUMIF('Events'!$H$4:$H$", 159 + 133);
  row = find_row (book, 1, 1, "③");
  assert_formula (book, 1, row, 2, "=COUNTIF(", 0);
  assert_formula (book, 1, row, 3, "=SUMIF(", 0);
  row = find_row (book, 1, 1, "④");
  assert_formula (book, 1, row, 3, "=SUMIF('Events'!$J$4:$J$", 3);
}

static void
test_attendance_empty_year (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  TsuEventReportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(Book) book = NULL;
  guint row;

  add_fiscal_year (db);
  init_options (&options);
  path = g_build_filename (dir, "empty.xlsx", NULL);
  g_assert_true (tsu_attendance_report_export_xlsx (db, 2030, &options, path, &error));
  g_assert_no_error (error);
  book = read_book (path);
  g_assert_cmpuint (find_row (book, 0, 4, "No events in this fiscal year."), ==, 4);
  assert_formula (book, 0, 5, 5, "=SUM(E4:E4)", 0);
  row = find_row (book, 1, 1, "Total");
  assert_formula (book, 1, row, 3, "=SUM(C", 0);
}

static void
test_attendance_pdf (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsuDatabase) db = new_database (&dir);
  TsuEventReportOptions options;
  g_autoptr(TsuTablePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_auto(GStrv) pages = NULL;
  const char *order[] = {
    "令和5年度 Events and Meetings: Attendance",
    "5 連携協議会",
    "いのちをつなぐネットワーク推進会議", "第1部 講演", "84", "第2部 意見交換", "75",
    "支援現場見学バスツアー", "見学先1",
    "支援者向け能力向上研修会", "講義1", "振り返り",
    "Total", "297",
    "By kind", "By pillar",
    NULL
  };

  add_fiscal_year (db);
  init_options (&options);
  print = tsu_attendance_report_new_printout (db, 2023, &options, &error);
  g_assert_no_error (error);
  path = write_pdf (print, dir, "attendance.pdf");
  pages = report_test_pdf_pages (path);
  all = join_pages (pages);
  assert_in_order (all, order);
  g_assert_null (strstr (all, "4 連携協議会"));
  g_assert_null (strstr (all, "6 連携協議会"));
  g_assert_nonnull (strstr (all, "159"));
  g_assert_nonnull (strstr (all, "133"));
  /* ② counts the network meeting and the training. */
  g_assert_nonnull (strstr (all, "292"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/events/attendees-order", test_attendees_order);
  g_test_add_func ("/report/events/attendees-missing-event", test_attendees_missing_event);
  g_test_add_func ("/report/events/attendees-many-pages", test_attendees_many_pages);
  g_test_add_func ("/report/events/sign-in-blank-rows", test_sign_in_blank_rows);
  g_test_add_func ("/report/events/sign-in-row-height", test_sign_in_row_height);
  g_test_add_func ("/report/events/minutes", test_minutes);
  g_test_add_func ("/report/events/attendees-xlsx", test_attendees_xlsx);
  g_test_add_func ("/report/events/attendance-xlsx", test_attendance_xlsx);
  g_test_add_func ("/report/events/attendance-empty-year", test_attendance_empty_year);
  g_test_add_func ("/report/events/attendance-pdf", test_attendance_pdf);

  return g_test_run ();
}
