/* test-reception.c: adds attendees and marks one attended in reception
 * mode, through the real widgets; writes minutes in their editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tsu-attendee.h"
#include "tsu-attendee-picker.h"
#include "tsu-attendees-panel.h"
#include "tsu-event.h"
#include "tsu-event-session.h"
#include "tsu-minutes.h"
#include "tsu-minutes-editor.h"
#include "tsu-organization.h"
#include "tsu-person.h"
#include "tsu-reception-window.h"
#include "gui-test-util.h"

typedef struct
{
  TsuDatabase *db;
  TsuEvent    *event;
  char        *dir;
  gint64       yamamoto_id;   /* attendee */
} Fixture;

static TsuOrganization *
add_organization (TsuDatabase         *db,
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
  tsu_organization_save (org, db, &error);
  g_assert_no_error (error);
  return org;
}

static TsuPerson *
add_person (TsuDatabase     *db,
            TsuOrganization *org,
            const char      *name,
            const char      *reading,
            gboolean         primary)
{
  TsuPerson *person = tsu_person_new (tsu_organization_get_id (org));
  g_autoptr(GError) error = NULL;

  tsu_person_set_name (person, name);
  tsu_person_set_reading (person, reading);
  tsu_person_set_title (person, primary ? "代表" : "職員");
  tsu_person_set_primary (person, primary);
  tsu_person_save (person, db, &error);
  g_assert_no_error (error);
  return person;
}

static gint64
register_person (Fixture         *f,
                 TsuPerson       *person,
                 TsuOrganization *org)
{
  g_autoptr(TsuAttendee) attendee = tsu_attendee_new_for_person (tsu_event_get_id (f->event), person, org);
  g_autoptr(GError) error = NULL;

  tsu_attendee_save (attendee, f->db, &error);
  g_assert_no_error (error);
  return tsu_attendee_get_id (attendee);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuOrganization) houboku = NULL;
  g_autoptr(TsuOrganization) yell = NULL;
  g_autoptr(TsuOrganization) city = NULL;
  g_autoptr(TsuPerson) yamamoto = NULL;
  g_autoptr(TsuPerson) tanaka = NULL;
  g_autoptr(TsuPerson) kimura = NULL;
  g_autoptr(TsuPerson) mori = NULL;
  g_autoptr(TsuEventSession) session = NULL;
  g_autoptr(TsuAttendee) outsider = NULL;

  f->dir = g_dir_make_tmp ("tsu-reception-XXXXXX", NULL);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->db = tsu_database_open (path, &error);
  g_assert_no_error (error);

  houboku = add_organization (f->db, "NPO法人", "抱樸", "ほうぼく", TSU_ORGANIZATION_KIND_MEMBER);
  yell = add_organization (f->db, NULL, "エール", "えーる", TSU_ORGANIZATION_KIND_MEMBER);
  city = add_organization (f->db, NULL, "保健福祉局 地域福祉推進課", "ほけんふくしきょく ちいきふくしすいしんか",
                           TSU_ORGANIZATION_KIND_GOVERNMENT);
  yamamoto = add_person (f->db, houboku, "山本 花子", "やまもと はなこ", TRUE);
  mori = add_person (f->db, houboku, "森 一男", "もり かずお", FALSE);
  kimura = add_person (f->db, yell, "木村 直子", "きむら なおこ", TRUE);
  tanaka = add_person (f->db, city, "田中 一郎", "たなか いちろう", TRUE);

  f->event = tsu_event_new ();
  tsu_event_set_key (f->event, "2023-council-5");
  tsu_event_set_kind (f->event, TSU_EVENT_KIND_MEETING);
  tsu_event_set_number (f->event, 5);
  tsu_event_set_title (f->event, "連携協議会");
  tsu_event_set_starts_at (f->event, "2023-07-19T15:00");
  tsu_event_set_ends_at (f->event, "2023-07-19T16:30");
  tsu_event_set_venue (f->event, "ホテルクラウンパレス小倉");
  tsu_event_save (f->event, f->db, &error);
  g_assert_no_error (error);

  session = tsu_event_session_new (tsu_event_get_id (f->event));
  tsu_event_session_set_position (session, 1);
  tsu_event_session_set_title (session, "行政説明");
  tsu_event_session_save (session, f->db, &error);
  g_assert_no_error (error);

  f->yamamoto_id = register_person (f, yamamoto, houboku);
  register_person (f, tanaka, city);
  outsider = tsu_attendee_new (tsu_event_get_id (f->event));
  tsu_attendee_set_name (outsider, "佐藤 次郎");
  tsu_attendee_set_reading (outsider, "さとう じろう");
  tsu_attendee_set_affiliation (outsider, "北九州市立大学");
  tsu_attendee_save (outsider, f->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "test.db", NULL);
  GtkWindow *window;

  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
  spin ();
  g_clear_object (&f->event);
  g_assert_finalize_object (f->db);
  g_remove (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static TsuAttendee *
find_attendee (Fixture    *f,
               const char *name)
{
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GError) error = NULL;

  attendees = tsu_attendee_load_for_event (f->db, tsu_event_get_id (f->event), TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < attendees->len; i++)
    if (g_strcmp0 (tsu_attendee_get_name (g_ptr_array_index (attendees, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (attendees, i));
  return NULL;
}

static guint
n_attendees (Fixture *f)
{
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GError) error = NULL;

  attendees = tsu_attendee_load_for_event (f->db, tsu_event_get_id (f->event), TRUE, &error);
  g_assert_no_error (error);
  return attendees->len;
}

static void
wait_for_items (GListModel *model,
                guint       n_items)
{
  while (g_list_model_get_n_items (model) != n_items)
    g_main_context_iteration (NULL, TRUE);
}

static void
set_text (GtkWidget  *root,
          GType       type,
          const char *name,
          const char *text)
{
  GtkWidget *widget = find_widget (root, type, name);

  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
test_panel (Fixture       *f,
            gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();
  TsuAttendeesPanel *panel = TSU_ATTENDEES_PANEL (tsu_attendees_panel_new ());
  GtkColumnView *column_view;
  GListModel *model;
  GtkLabel *count;
  TsuAttendeePicker *picker;
  GtkWidget *name_error;
  GtkLabel *store_error;
  g_autoptr(TsuAttendee) suzuki = NULL;
  g_autoptr(TsuAttendee) kimura = NULL;
  g_autoptr(TsuAttendee) yamamoto = NULL;
  g_autoptr(TsuAttendee) tanaka = NULL;
  GtkDropDown *status;

  gtk_window_set_default_size (window, 1100, 700);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (panel));
  gtk_window_set_child (window, overlay);
  tsu_attendees_panel_set_event (panel, f->db, f->event);
  gtk_window_present (window);
  spin ();

  column_view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (panel), GTK_TYPE_COLUMN_VIEW, "attendees"));
  model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  count = GTK_LABEL (find_widget (GTK_WIDGET (panel), GTK_TYPE_LABEL, "count"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "Attended 0 / Registered 3");

  /* The first row is 山本 (the only member); her status drop-down saves
   * at once. */
  status = GTK_DROP_DOWN (find_widget (GTK_WIDGET (column_view), GTK_TYPE_DROP_DOWN, "status"));
  g_assert_nonnull (status);
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, TSU_ATTENDEE_STATUS_REGISTERED);
  gtk_drop_down_set_selected (status, TSU_ATTENDEE_STATUS_ATTENDED);
  yamamoto = find_attendee (f, "山本 花子");
  g_assert_cmpint (tsu_attendee_get_status (yamamoto), ==, TSU_ATTENDEE_STATUS_ATTENDED);
  while (g_strcmp0 (gtk_label_get_text (count), "Attended 1 / Registered 3") != 0)
    g_main_context_iteration (NULL, TRUE);

  /* An outside person through the form: first with no name, refused
   * with the problem next to the field. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "attendees.add-outside", NULL);
  spin ();
  picker = TSU_ATTENDEE_PICKER (find_toplevel (TSU_TYPE_ATTENDEE_PICKER));
  g_assert_nonnull (picker);
  set_text (GTK_WIDGET (picker), ADW_TYPE_ENTRY_ROW, "outside-affiliation", "市民ボランティア");
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.add", NULL);
  spin ();
  g_assert_true (find_toplevel (TSU_TYPE_ATTENDEE_PICKER) == GTK_WINDOW (picker));
  g_assert_cmpuint (n_attendees (f), ==, 3);
  name_error = gtk_widget_get_next_sibling (find_widget (GTK_WIDGET (picker), ADW_TYPE_ENTRY_ROW, "outside-name"));
  g_assert_true (gtk_widget_get_visible (name_error));

  set_text (GTK_WIDGET (picker), ADW_TYPE_ENTRY_ROW, "outside-name", "鈴木 三郎");
  set_text (GTK_WIDGET (picker), ADW_TYPE_ENTRY_ROW, "outside-reading", "すずき さぶろう");
  set_text (GTK_WIDGET (picker), ADW_TYPE_ENTRY_ROW, "outside-title", "会長");
  g_assert_false (gtk_widget_get_visible (name_error));
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.add", NULL);
  spin ();
  g_assert_null (find_toplevel (TSU_TYPE_ATTENDEE_PICKER));
  suzuki = find_attendee (f, "鈴木 三郎");
  g_assert_nonnull (suzuki);
  g_assert_cmpint (tsu_attendee_get_person_id (suzuki), ==, 0);
  g_assert_cmpstr (tsu_attendee_get_affiliation (suzuki), ==, "市民ボランティア");
  g_assert_cmpstr (tsu_attendee_get_reading (suzuki), ==, "すずき さぶろう");
  g_assert_cmpint (tsu_attendee_get_status (suzuki), ==, TSU_ATTENDEE_STATUS_REGISTERED);
  wait_for_items (model, 4);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "Attended 1 / Registered 4");

  /* The same person twice is refused by the store, and the form says so. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "attendees.add-outside", NULL);
  spin ();
  picker = TSU_ATTENDEE_PICKER (find_toplevel (TSU_TYPE_ATTENDEE_PICKER));
  set_text (GTK_WIDGET (picker), ADW_TYPE_ENTRY_ROW, "outside-name", "鈴木 三郎");
  set_text (GTK_WIDGET (picker), ADW_TYPE_ENTRY_ROW, "outside-reading", "すずき さぶろう");
  set_text (GTK_WIDGET (picker), ADW_TYPE_ENTRY_ROW, "outside-affiliation", "市民ボランティア");
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.add", NULL);
  spin ();
  store_error = GTK_LABEL (find_widget (GTK_WIDGET (picker), GTK_TYPE_LABEL, "store-error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (store_error)));
  g_assert_cmpstr (gtk_label_get_text (store_error), !=, "");
  g_assert_cmpuint (n_attendees (f), ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.cancel", NULL);
  spin ();

  /* From the directory: the primary contacts of members not yet
   * registered (木村 of エール; 山本 of 抱樸 is already there). */
  gtk_widget_activate_action (GTK_WIDGET (panel), "attendees.add-directory", NULL);
  spin ();
  picker = TSU_ATTENDEE_PICKER (find_toplevel (TSU_TYPE_ATTENDEE_PICKER));
  g_assert_cmpuint (tsu_attendee_picker_get_n_chosen (picker), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.choose-primary", NULL);
  g_assert_cmpuint (tsu_attendee_picker_get_n_chosen (picker), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.add", NULL);
  spin ();
  g_assert_null (find_toplevel (TSU_TYPE_ATTENDEE_PICKER));
  kimura = find_attendee (f, "木村 直子");
  g_assert_nonnull (kimura);
  g_assert_cmpint (tsu_attendee_get_person_id (kimura), !=, 0);
  g_assert_cmpstr (tsu_attendee_get_affiliation (kimura), ==, "エール");
  g_assert_null (find_attendee (f, "森 一男"));
  wait_for_items (model, 5);

  /* A change from elsewhere shows in the panel's count. */
  tanaka = find_attendee (f, "田中 一郎");
  g_assert_true (tsu_attendee_set_status_in_db (tanaka, f->db, TSU_ATTENDEE_STATUS_ATTENDED, NULL));
  while (g_strcmp0 (gtk_label_get_text (count), "Attended 2 / Registered 5") != 0)
    g_main_context_iteration (NULL, TRUE);

  /* The remove button of the first row (木村 of エール, first in 五十音順)
   * takes her off the list. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (column_view), GTK_TYPE_BUTTON, "remove"), "clicked");
  g_clear_object (&kimura);
  g_assert_null (find_attendee (f, "木村 直子"));
  g_assert_cmpuint (n_attendees (f), ==, 4);
  wait_for_items (model, 4);
}

static void
test_reception (Fixture       *f,
                gconstpointer  data)
{
  TsuReceptionWindow *window = tsu_reception_window_new (NULL, f->db, f->event);
  GtkWidget *entry;
  GtkWidget *focus;
  GtkLabel *count;
  g_autoptr(TsuAttendee) yamamoto = NULL;
  g_autoptr(TsuAttendee) walk_in = NULL;
  g_autoptr(TsuAttendee) sato = NULL;
  g_autoptr(TsuAttendee) tanaka = NULL;

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  entry = find_widget (GTK_WIDGET (window), GTK_TYPE_ENTRY, "reception-search");
  count = GTK_LABEL (find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "count"));
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "Attended 0 / 3");
  /* The entry has the focus (its text, inside it), whether or not the
   * window is active on this display. */
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Half-width katakana finds 山本 (やまもと); Enter marks her attended. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ﾔﾏﾓﾄ");
  spin ();
  g_signal_emit_by_name (entry, "activate");
  spin ();
  yamamoto = find_attendee (f, "山本 花子");
  g_assert_cmpint (tsu_attendee_get_status (yamamoto), ==, TSU_ATTENDEE_STATUS_ATTENDED);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "Attended 1 / 3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  /* Nobody else was touched. */
  sato = find_attendee (f, "佐藤 次郎");
  g_assert_cmpint (tsu_attendee_get_status (sato), ==, TSU_ATTENDEE_STATUS_REGISTERED);

  /* An organisation's name works too, in katakana for hiragana. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "キタキュウシュウ");
  g_object_unref (sato);
  spin ();
  g_signal_emit_by_name (entry, "activate");
  spin ();
  sato = find_attendee (f, "佐藤 次郎");
  /* 北九州市立大学 has no reading stored, so only the kanji can match;
   * katakana must not mark anyone. */
  g_assert_cmpint (tsu_attendee_get_status (sato), ==, TSU_ATTENDEE_STATUS_REGISTERED);
  gtk_editable_set_text (GTK_EDITABLE (entry), "北九州");
  spin ();
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_object_unref (sato);
  sato = find_attendee (f, "佐藤 次郎");
  g_assert_cmpint (tsu_attendee_get_status (sato), ==, TSU_ATTENDEE_STATUS_ATTENDED);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "Attended 2 / 3");

  /* The reading of a directory organisation matches as well. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ﾎｹﾝﾌｸｼ");
  spin ();
  g_signal_emit_by_name (entry, "activate");
  spin ();
  tanaka = find_attendee (f, "田中 一郎");
  g_assert_cmpint (tsu_attendee_get_status (tanaka), ==, TSU_ATTENDEE_STATUS_ATTENDED);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "Attended 3 / 3");

  /* Someone not on the list: the walk-in form, prefilled from the query. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "きむら");
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "reception.walk-in", NULL);
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (GTK_WIDGET (window), GTK_TYPE_ENTRY,
                                                                     "walk-in-reading"))), ==, "きむら");
  set_text (GTK_WIDGET (window), GTK_TYPE_ENTRY, "walk-in-name", "木村 四郎");
  set_text (GTK_WIDGET (window), GTK_TYPE_ENTRY, "walk-in-reading", "きむら しろう");
  set_text (GTK_WIDGET (window), GTK_TYPE_ENTRY, "walk-in-affiliation", "地域の方");
  gtk_widget_activate_action (GTK_WIDGET (window), "reception.add-walk-in", NULL);
  spin ();
  walk_in = find_attendee (f, "木村 四郎");
  g_assert_nonnull (walk_in);
  g_assert_true (tsu_attendee_get_walk_in (walk_in));
  g_assert_cmpint (tsu_attendee_get_status (walk_in), ==, TSU_ATTENDEE_STATUS_ATTENDED);
  g_assert_cmpstr (tsu_attendee_get_affiliation (walk_in), ==, "地域の方");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "Attended 4 / 4");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static void
test_minutes (Fixture       *f,
              gconstpointer  data)
{
  TsuMinutesEditor *editor = tsu_minutes_editor_new (NULL, f->db, f->event);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *card;
  GtkWidget *remark_text;
  GtkWindow *dialog;
  TsuAgendaItem *item;
  TsuRemark *remark;

  gtk_window_present (GTK_WINDOW (editor));
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-item", NULL);
  card = find_widget (GTK_WIDGET (editor), GTK_TYPE_BOX, "agenda-item");
  g_assert_nonnull (card);
  set_text (card, GTK_TYPE_ENTRY, "agenda-title", "行政からの説明「孤独・孤立対策」");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (card, GTK_TYPE_TEXT_VIEW,
                                                                                  "agenda-summary"))),
                            "重点計画の説明があった。", -1);
  g_signal_emit_by_name (find_widget (card, GTK_TYPE_BUTTON, "add-remark"), "clicked");
  set_text (card, GTK_TYPE_ENTRY, "remark-organization", "NPO法人 抱樸");

  /* A remark with no text is refused, and nothing is written. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  items = tsu_minutes_load (f->db, tsu_event_get_id (f->event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  remark_text = find_widget (card, GTK_TYPE_TEXT_VIEW, "remark-text");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (remark_text)),
                            "居場所づくりの支援を広げてほしい。", -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_null (find_toplevel (TSU_TYPE_MINUTES_EDITOR));

  items = tsu_minutes_load (f->db, tsu_event_get_id (f->event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->title, ==, "行政からの説明「孤独・孤立対策」");
  g_assert_cmpstr (item->summary, ==, "重点計画の説明があった。");
  g_assert_cmpuint (item->remarks->len, ==, 1);
  remark = g_ptr_array_index (item->remarks, 0);
  g_assert_cmpint (remark->kind, ==, TSU_REMARK_MEMBER);
  g_assert_cmpstr (remark->organization, ==, "NPO法人 抱樸");
  g_assert_cmpstr (remark->text, ==, "居場所づくりの支援を広げてほしい。");

  /* Opened again, the editor shows what was saved; a city answer is
   * added after the member's remark. */
  editor = tsu_minutes_editor_new (NULL, f->db, f->event);
  gtk_window_present (GTK_WINDOW (editor));
  spin ();
  card = find_widget (GTK_WIDGET (editor), GTK_TYPE_BOX, "agenda-item");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (card, GTK_TYPE_ENTRY, "agenda-title"))),
                   ==, "行政からの説明「孤独・孤立対策」");
  g_signal_emit_by_name (find_widget (card, GTK_TYPE_BUTTON, "add-remark"), "clicked");
  {
    GtkWidget *remarks = gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (
                           find_widget (card, GTK_TYPE_TEXT_VIEW, "remark-text"))));
    GtkWidget *second = gtk_widget_get_last_child (remarks);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (find_widget (second, GTK_TYPE_DROP_DOWN, "remark-kind")),
                                TSU_REMARK_CITY);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (second, GTK_TYPE_TEXT_VIEW,
                                                                                    "remark-text"))),
                              "来年度の予算で検討する。", -1);
  }
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_clear_pointer (&items, g_ptr_array_unref);
  items = tsu_minutes_load (f->db, tsu_event_get_id (f->event), &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpuint (item->remarks->len, ==, 2);
  remark = g_ptr_array_index (item->remarks, 1);
  g_assert_cmpint (remark->kind, ==, TSU_REMARK_CITY);
  g_assert_cmpstr (remark->text, ==, "来年度の予算で検討する。");
  g_assert_null (remark->organization);
}

int
main (int    argc,
      char **argv)
{
  /* The strings the tests look for are the untranslated ones. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add ("/reception/panel-adds-attendees", Fixture, NULL,
              fixture_set_up, test_panel, fixture_tear_down);
  g_test_add ("/reception/marks-attended-and-walk-in", Fixture, NULL,
              fixture_set_up, test_reception, fixture_tear_down);
  g_test_add ("/reception/minutes", Fixture, NULL,
              fixture_set_up, test_minutes, fixture_tear_down);
  return g_test_run ();
}
