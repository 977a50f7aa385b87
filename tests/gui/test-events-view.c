/* test-events-view.c: the event planner, driven through its widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tsu-event.h"
#include "tsu-event-editor.h"
#include "tsu-event-session.h"
#include "tsu-events-view.h"
#include "tsu-session-editor.h"
#include "gui-test-util.h"

typedef struct
{
  TsuDatabase   *db;
  GtkWindow     *window;
  TsuEventsView *view;
  GtkListBox    *list;
  GtkCalendar   *calendar;
} Fixture;

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_tooltip (GtkWidget  *root,
              const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static const char *
row_title (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static gint64
add_event (TsuDatabase  *db,
           const char   *key,
           TsuEventKind  kind,
           const char   *title,
           const char   *starts_at)
{
  g_autoptr(TsuEvent) event = tsu_event_new ();
  g_autoptr(GError) error = NULL;

  tsu_event_set_key (event, key);
  tsu_event_set_kind (event, kind);
  tsu_event_set_title (event, title);
  tsu_event_set_starts_at (event, starts_at);
  g_assert_true (tsu_event_save (event, db, &error));
  g_assert_no_error (error);
  return tsu_event_get_id (event);
}

/* Whether the day is drawn as marked, which is what the user sees. */
static gboolean
day_looks_marked (GtkCalendar *calendar,
                  guint        day)
{
  g_autofree char *text = g_strdup_printf ("%u", day);

  for (GtkWidget *grid = gtk_widget_get_first_child (GTK_WIDGET (calendar));
       grid != NULL;
       grid = gtk_widget_get_next_sibling (grid))
    for (GtkWidget *label = gtk_widget_get_first_child (grid);
         label != NULL;
         label = gtk_widget_get_next_sibling (label))
      if (GTK_IS_LABEL (label) && gtk_widget_has_css_class (label, "day-number")
          && !gtk_widget_has_css_class (label, "other-month")
          && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text))
        return (gtk_widget_get_state_flags (label) & GTK_STATE_FLAG_CHECKED) != 0;
  g_assert_not_reached ();
  return FALSE;
}

static void
select_day (GtkCalendar *calendar,
            int          year,
            int          month,
            int          day)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);

  gtk_calendar_select_day (calendar, date);
  /* Lets the view tell turning the page from choosing a day. */
  spin ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-events-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->db = tsu_database_open (path, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 860);
  f->view = TSU_EVENTS_VIEW (tsu_events_view_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  gtk_window_set_child (f->window, overlay);
  tsu_events_view_set_database (f->view, f->db);
  gtk_window_present (f->window);
  spin ();

  f->list = GTK_LIST_BOX (find_widget (GTK_WIDGET (f->view), GTK_TYPE_LIST_BOX, "event-list"));
  f->calendar = GTK_CALENDAR (find_widget (GTK_WIDGET (f->view), GTK_TYPE_CALENDAR, NULL));
  g_assert_nonnull (f->list);
  g_assert_nonnull (f->calendar);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *other;

  /* Editors and message dialogs left open by a test. */
  while ((other = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (other);
  while ((other = find_toplevel (ADW_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (other);
  gtk_window_destroy (f->window);
  spin ();
  g_object_unref (f->db);
}

static TsuEventEditor *
open_event_editor (Fixture *f)
{
  TsuEventEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "events.add", NULL);
  spin ();
  editor = TSU_EVENT_EDITOR (find_toplevel (TSU_TYPE_EVENT_EDITOR));
  g_assert_nonnull (editor);
  return editor;
}

static void
set_entry (GtkWidget  *widget,
           const char *text)
{
  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* Creates the 5th council meeting through the editor's widgets and finds
 * it in the list under its fiscal year, with the calendar marked. */
static void
test_create_event (Fixture       *f,
                   gconstpointer  data)
{
  TsuEventEditor *editor;
  GtkWidget *key;
  GtkWidget *header;
  TsuEvent *selected;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *add_button = find_button (GTK_WIDGET (f->view), "_Add Event");

  /* With no events the view invites to add one. */
  g_assert_nonnull (add_button);
  g_assert_true (gtk_widget_get_mapped (add_button));

  editor = open_event_editor (f);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  adw_combo_row_set_selected (ADW_COMBO_ROW (tsu_event_editor_get_field_widget (editor, "kind")),
                              TSU_EVENT_KIND_MEETING);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (tsu_event_editor_get_field_widget (editor, "number")), 5);
  set_entry (tsu_event_editor_get_field_widget (editor, "starts-at"), "R5.7.19 15:00");
  set_entry (tsu_event_editor_get_field_widget (editor, "ends-at"), "2023-07-19 16:30");
  set_entry (tsu_event_editor_get_field_widget (editor, "venue"), "ホテルクラウンパレス小倉");
  set_entry (tsu_event_editor_get_field_widget (editor, "organizer"), "北九州市");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (tsu_event_editor_get_field_widget (editor, "pillar-1")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (tsu_event_editor_get_field_widget (editor, "pillar-4")), TRUE);

  /* The key follows the date and kind until the user types one. */
  key = tsu_event_editor_get_field_widget (editor, "key");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (key)), ==, "2023-07-19-meeting");

  /* No title: the save is refused and says why next to the title. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_nonnull (editor);
  g_assert_nonnull (tsu_event_editor_get_field_error (editor, "title"));
  g_assert_null (tsu_event_editor_get_field_error (editor, "starts-at"));
  events = tsu_event_load_all (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* A date that is no date is refused too. */
  set_entry (tsu_event_editor_get_field_widget (editor, "ends-at"), "R5.13.40");
  g_assert_nonnull (tsu_event_editor_get_field_error (editor, "ends-at"));
  set_entry (tsu_event_editor_get_field_widget (editor, "ends-at"), "2023-07-19 16:30");
  g_assert_null (tsu_event_editor_get_field_error (editor, "ends-at"));

  set_entry (tsu_event_editor_get_field_widget (editor, "title"), "北九州市孤独・孤立対策等連携協議会");
  g_assert_null (tsu_event_editor_get_field_error (editor, "title"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_null (editor);

  events = tsu_event_load_all (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  selected = g_ptr_array_index (events, 0);
  g_assert_cmpstr (tsu_event_get_key (selected), ==, "2023-07-19-meeting");
  g_assert_cmpstr (tsu_event_get_starts_at (selected), ==, "2023-07-19T15:00");
  g_assert_cmpstr (tsu_event_get_ends_at (selected), ==, "2023-07-19T16:30");
  g_assert_cmpuint (tsu_event_get_number (selected), ==, 5);
  g_assert_cmpuint (tsu_event_get_pillars (selected), ==, 0x9);
  g_assert_cmpstr (tsu_event_get_organizer (selected), ==, "北九州市");

  /* In the list under 令和5年度, and shown. */
  g_assert_false (gtk_widget_get_mapped (add_button));
  g_assert_cmpuint (n_rows (f->list), ==, 1);
  g_assert_cmpstr (row_title (f->list, 0), ==, "No. 5 北九州市孤独・孤立対策等連携協議会");
  header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (f->list, 0));
  g_assert_nonnull (header);
  g_assert_nonnull (find_label (header, "令和5年度"));
  selected = tsu_events_view_get_selected (f->view);
  g_assert_nonnull (selected);
  g_assert_cmpstr (tsu_event_get_key (selected), ==, "2023-07-19-meeting");
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "ホテルクラウンパレス小倉"));

  /* The calendar went to July 2023 and marks the 19th only. */
  g_assert_cmpint (gtk_calendar_get_day_is_marked (f->calendar, 19), ==, TRUE);
  g_assert_cmpint (gtk_calendar_get_day_is_marked (f->calendar, 18), ==, FALSE);
  g_assert_true (day_looks_marked (f->calendar, 19));
  g_assert_false (day_looks_marked (f->calendar, 18));

  /* Two more: one still to come (on top, in its own group) and one of
   * the same fiscal year (under the same heading, latest first). */
  add_event (f->db, "2030-tour", TSU_EVENT_KIND_TOUR, "支援現場見学バスツアー", "2030-05-01");
  add_event (f->db, "2023-training", TSU_EVENT_KIND_TRAINING, "支援者向け研修会", "2024-01-19");
  spin ();
  g_assert_cmpuint (n_rows (f->list), ==, 3);
  g_assert_cmpstr (row_title (f->list, 0), ==, "支援現場見学バスツアー");
  g_assert_cmpstr (row_title (f->list, 1), ==, "支援者向け研修会");
  g_assert_cmpstr (row_title (f->list, 2), ==, "No. 5 北九州市孤独・孤立対策等連携協議会");
  header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (f->list, 0));
  g_assert_nonnull (header);
  g_assert_nonnull (find_label (header, "令和12年度"));
  g_assert_nonnull (find_label (header, "Coming"));
  header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (f->list, 1));
  g_assert_nonnull (header);
  g_assert_nonnull (find_label (header, "令和5年度"));
  g_assert_null (find_label (header, "Coming"));
  g_assert_null (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (f->list, 2)));
  /* The reload kept the selection. */
  g_assert_cmpstr (tsu_event_get_key (tsu_events_view_get_selected (f->view)), ==, "2023-07-19-meeting");

  /* Turning to January 2024 marks its day; choosing that day lists and
   * shows its event, choosing an empty day lists all again. */
  select_day (f->calendar, 2024, 1, 10);
  g_assert_cmpuint (n_rows (f->list), ==, 3);
  g_assert_true (gtk_calendar_get_day_is_marked (f->calendar, 19));
  g_assert_false (gtk_calendar_get_day_is_marked (f->calendar, 10));
  g_assert_true (day_looks_marked (f->calendar, 19));
  g_assert_false (day_looks_marked (f->calendar, 10));
  select_day (f->calendar, 2024, 1, 19);
  g_assert_cmpuint (n_rows (f->list), ==, 1);
  g_assert_cmpstr (row_title (f->list, 0), ==, "支援者向け研修会");
  g_assert_cmpstr (tsu_event_get_key (tsu_events_view_get_selected (f->view)), ==, "2023-training");
  select_day (f->calendar, 2024, 1, 20);
  g_assert_cmpuint (n_rows (f->list), ==, 3);

  /* The kind filter. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_widget (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN,
                                                          "kind-filter")),
                              1 + TSU_EVENT_KIND_TOUR);
  spin ();
  g_assert_cmpuint (n_rows (f->list), ==, 1);
  g_assert_cmpstr (row_title (f->list, 0), ==, "支援現場見学バスツアー");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_widget (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN,
                                                          "kind-filter")), 0);
  spin ();
  g_assert_cmpuint (n_rows (f->list), ==, 3);

  /* The search matches katakana typed in hiragana, and the venue. */
  set_entry (find_widget (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY, "search"), "ばすつあー");
  while (n_rows (f->list) != 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (row_title (f->list, 0), ==, "支援現場見学バスツアー");
  set_entry (find_widget (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY, "search"), "クラウンパレス");
  while (n_rows (f->list) != 1 || g_strcmp0 (row_title (f->list, 0), "支援現場見学バスツアー") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (row_title (f->list, 0), ==, "No. 5 北九州市孤独・孤立対策等連携協議会");
}

static gint64
council (Fixture *f)
{
  gint64 id = add_event (f->db, "2023-council-5", TSU_EVENT_KIND_MEETING, "連携協議会",
                         "2023-07-19T15:00");

  spin ();
  tsu_events_view_show_event (f->view, id);
  spin ();
  g_assert_nonnull (tsu_events_view_get_selected (f->view));
  return id;
}

static void
add_session (Fixture    *f,
             const char *title,
             const char *starts,
             const char *head_count)
{
  TsuSessionEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "events.add-session", NULL);
  spin ();
  editor = TSU_SESSION_EDITOR (find_toplevel (TSU_TYPE_SESSION_EDITOR));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_entry (tsu_session_editor_get_field_widget (editor, "title"), title);
  set_entry (tsu_session_editor_get_field_widget (editor, "starts-at"), starts);
  set_entry (tsu_session_editor_get_field_widget (editor, "head-count"), head_count);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_null (editor);
}

/* The programme: items added at the end with a head count or none, moved,
 * and a head count typed on the page. */
static void
test_programme (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = council (f);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  TsuSessionEditor *editor;
  GtkListBox *session_list;
  GtkWidget *entry;

  /* A head count that is no number is refused next to the field. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "events.add-session", NULL);
  spin ();
  editor = TSU_SESSION_EDITOR (find_toplevel (TSU_TYPE_SESSION_EDITOR));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_entry (tsu_session_editor_get_field_widget (editor, "title"), "第1部");
  set_entry (tsu_session_editor_get_field_widget (editor, "head-count"), "八十四");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_nonnull (editor);
  g_assert_nonnull (tsu_session_editor_get_field_error (editor, "head-count"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  spin ();
  g_assert_null (editor);

  /* A time alone is on the event's day; full-width digits count. */
  add_session (f, "第1部", "15:00", "８４");
  add_session (f, "第2部", "2023-07-19 16:00", "");

  sessions = tsu_event_session_load_for_event (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  g_assert_cmpstr (tsu_event_session_get_title (g_ptr_array_index (sessions, 0)), ==, "第1部");
  g_assert_cmpuint (tsu_event_session_get_position (g_ptr_array_index (sessions, 0)), ==, 1);
  g_assert_cmpstr (tsu_event_session_get_starts_at (g_ptr_array_index (sessions, 0)), ==, "2023-07-19T15:00");
  g_assert_cmpint (tsu_event_session_get_head_count (g_ptr_array_index (sessions, 0)), ==, 84);
  g_assert_cmpuint (tsu_event_session_get_position (g_ptr_array_index (sessions, 1)), ==, 2);
  g_assert_cmpint (tsu_event_session_get_head_count (g_ptr_array_index (sessions, 1)), ==,
                   TSU_HEAD_COUNT_UNKNOWN);

  session_list = GTK_LIST_BOX (find_widget (GTK_WIDGET (f->view), GTK_TYPE_LIST_BOX, "session-list"));
  g_assert_nonnull (session_list);
  g_assert_cmpstr (row_title (session_list, 0), ==, "第1部");
  g_assert_cmpstr (row_title (session_list, 1), ==, "第2部");
  entry = find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (session_list, 0)), GTK_TYPE_ENTRY, "head-count");
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "84");

  /* The first item cannot go up, nor the last down. */
  g_assert_false (gtk_widget_get_sensitive (find_tooltip (GTK_WIDGET (session_list), "Move “第1部” Up")));
  g_assert_true (gtk_widget_get_sensitive (find_tooltip (GTK_WIDGET (session_list), "Move “第1部” Down")));
  g_assert_true (gtk_widget_get_sensitive (find_tooltip (GTK_WIDGET (session_list), "Move “第2部” Up")));
  g_assert_false (gtk_widget_get_sensitive (find_tooltip (GTK_WIDGET (session_list), "Move “第2部” Down")));

  /* Move the second part up. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "events.move-session-up", "x",
                              tsu_event_session_get_id (g_ptr_array_index (sessions, 1)));
  spin ();
  g_assert_cmpstr (row_title (session_list, 0), ==, "第2部");
  g_assert_cmpstr (row_title (session_list, 1), ==, "第1部");

  /* Its head count typed on the page, Enter saves it. */
  entry = find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (session_list, 0)), GTK_TYPE_ENTRY, "head-count");
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (entry), "75");
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = tsu_event_session_load_for_event (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tsu_event_session_get_title (g_ptr_array_index (sessions, 0)), ==, "第2部");
  g_assert_cmpuint (tsu_event_session_get_position (g_ptr_array_index (sessions, 0)), ==, 1);
  g_assert_cmpint (tsu_event_session_get_head_count (g_ptr_array_index (sessions, 0)), ==, 75);
  g_assert_cmpint (tsu_event_session_get_head_count (g_ptr_array_index (sessions, 1)), ==, 84);
  /* The total under the programme. */
  g_assert_nonnull (find_label (GTK_WIDGET (session_list), "159"));
}

/* Delete takes the event away at once; the toast's Undo brings it back. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = council (f);
  g_autoptr(TsuEvent) found = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *undo;

  add_event (f->db, "2023-tour", TSU_EVENT_KIND_TOUR, "バスツアー", "2023-12-14");
  spin ();
  tsu_events_view_show_event (f->view, id);
  g_assert_cmpuint (n_rows (f->list), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "events.delete", NULL);
  spin ();
  g_assert_cmpuint (n_rows (f->list), ==, 1);
  g_assert_cmpstr (row_title (f->list, 0), ==, "バスツアー");
  found = tsu_event_find_by_key (f->db, "2023-council-5", &error);
  g_assert_no_error (error);
  g_assert_null (found);
  /* The next event is selected, so the keyboard stays in the list. */
  g_assert_cmpstr (tsu_event_get_key (tsu_events_view_get_selected (f->view)), ==, "2023-tour");

  undo = find_button (gtk_widget_get_parent (GTK_WIDGET (f->view)), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  spin ();
  g_assert_cmpuint (n_rows (f->list), ==, 2);
  found = tsu_event_find_by_key (f->db, "2023-council-5", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
}

/* The editor works on a copy: Cancel leaves the event as it was, and a
 * save over someone else's change asks before it loses anything. */
static void
test_cancel_and_conflict (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = council (f);
  TsuEventEditor *editor;
  g_autoptr(TsuEvent) stored = NULL;
  g_autoptr(TsuEvent) other = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "events.edit", NULL);
  spin ();
  editor = TSU_EVENT_EDITOR (find_toplevel (TSU_TYPE_EVENT_EDITOR));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  /* An existing event keeps its key whatever the date. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tsu_event_editor_get_field_widget (editor, "key"))),
                   ==, "2023-council-5");
  set_entry (tsu_event_editor_get_field_widget (editor, "title"), "取り消す名称");
  set_entry (tsu_event_editor_get_field_widget (editor, "starts-at"), "2023-07-20");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tsu_event_editor_get_field_widget (editor, "key"))),
                   ==, "2023-council-5");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  spin ();
  g_assert_null (editor);
  stored = tsu_event_load_by_id (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tsu_event_get_title (stored), ==, "連携協議会");
  g_assert_cmpstr (tsu_event_get_title (tsu_events_view_get_selected (f->view)), ==, "連携協議会");

  /* Someone else saves while the editor is open. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "events.edit", NULL);
  spin ();
  editor = TSU_EVENT_EDITOR (find_toplevel (TSU_TYPE_EVENT_EDITOR));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  other = tsu_event_copy (stored);
  tsu_event_set_venue (other, "北九州市役所");
  g_assert_true (tsu_event_save (other, f->db, &error));
  g_assert_no_error (error);
  spin ();
  set_entry (tsu_event_editor_get_field_widget (editor, "title"), "私の名称");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_nonnull (editor);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changed by Someone Else");
  g_clear_object (&stored);
  stored = tsu_event_load_by_id (f->db, id, &error);
  g_assert_cmpstr (tsu_event_get_title (stored), ==, "連携協議会");
  g_assert_cmpstr (tsu_event_get_venue (stored), ==, "北九州市役所");

  /* Reloading shows what the other one saved, dropping the edit. */
  adw_message_dialog_response (dialog, "reload");
  spin ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tsu_event_editor_get_field_widget (editor, "title"))),
                   ==, "連携協議会");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  spin ();
  g_assert_null (editor);
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

  g_test_add ("/events-view/create-event", Fixture, NULL,
              fixture_set_up, test_create_event, fixture_tear_down);
  g_test_add ("/events-view/programme", Fixture, NULL,
              fixture_set_up, test_programme, fixture_tear_down);
  g_test_add ("/events-view/delete-undo", Fixture, NULL,
              fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/events-view/cancel-and-conflict", Fixture, NULL,
              fixture_set_up, test_cancel_and_conflict, fixture_tear_down);
  return g_test_run ();
}
