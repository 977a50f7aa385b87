/* test-members-view.c: the member directory, driven through its widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tsu-audit.h"
#include "tsu-members-view.h"
#include "tsu-organization-editor.h"
#include "tsu-organization.h"
#include "tsu-person.h"
#include "tsu-person-editor.h"
#include "gui-test-util.h"

typedef struct
{
  TsuDatabase    *db;
  GtkWindow      *window;
  TsuMembersView *view;
  GListModel     *model;   /* what the column view shows */
  gint64          houboku_id;
} Fixture;

/* The search entry applies its text after a short delay: run the main
 * loop until the list has the expected length. */
static void
wait_for_items (GListModel *model,
                guint       n_items)
{
  while (g_list_model_get_n_items (model) != n_items)
    g_main_context_iteration (NULL, TRUE);
}

static char *display_name_at (GListModel *model, guint position);

/* The same, for a change that keeps the length: until @name is first. */
static void
wait_for_first (GListModel *model,
                const char *name)
{
  for (;;)
    {
      g_autofree char *first = NULL;

      if (g_list_model_get_n_items (model) > 0)
        first = display_name_at (model, 0);
      if (g_strcmp0 (first, name) == 0)
        return;
      g_main_context_iteration (NULL, TRUE);
    }
}

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

static char *
display_name_at (GListModel *model,
                 guint       position)
{
  g_autoptr(TsuOrganization) org = g_list_model_get_item (model, position);

  return tsu_organization_dup_display_name (org);
}

static void
assert_names (GListModel         *model,
              const char * const *names)
{
  guint n = g_strv_length ((char **) names);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = display_name_at (model, i);

      g_assert_cmpstr (name, ==, names[i]);
    }
}

static gint64
add (TsuDatabase         *db,
     const char          *legal_form,
     const char          *name,
     const char          *reading,
     TsuOrganizationKind  kind,
     const char          *field,
     const char          *joined_on,
     const char          *left_on)
{
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  g_autoptr(GError) error = NULL;
  const char *fields[] = { field, NULL };

  tsu_organization_set_legal_form (org, legal_form);
  tsu_organization_set_name (org, name);
  tsu_organization_set_reading (org, reading);
  tsu_organization_set_kind (org, kind);
  if (field != NULL)
    tsu_organization_set_fields (org, fields);
  tsu_organization_set_joined_on (org, joined_on);
  tsu_organization_set_left_on (org, left_on);
  g_assert_true (tsu_organization_save (org, db, &error));
  g_assert_no_error (error);
  return tsu_organization_get_id (org);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-members-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  GtkColumnView *column_view;

  f->db = tsu_database_open (path, &error);
  g_assert_no_error (error);

  f->houboku_id = add (f->db, "NPO法人", "抱樸", "ほうぼく", TSU_ORGANIZATION_KIND_MEMBER,
                       "ホームレス支援", "2023-12-14", NULL);
  add (f->db, NULL, "福岡県協力雇用主会", "ふくおかけんきょうりょくこようぬしかい",
       TSU_ORGANIZATION_KIND_MEMBER, "就労支援", "2022-02-01", NULL);
  add (f->db, NULL, "チャイルドライン北九州", "ちゃいるどらいんきたきゅうしゅう",
       TSU_ORGANIZATION_KIND_MEMBER, "子ども", "2022-02-01", NULL);
  add (f->db, NULL, "保健福祉局 地域福祉推進課", "ほけんふくしきょく ちいきふくしすいしんか",
       TSU_ORGANIZATION_KIND_GOVERNMENT, NULL, NULL, NULL);
  add (f->db, "一般社団法人", "あかり", "あかり", TSU_ORGANIZATION_KIND_MEMBER,
       "子ども", "2022-02-01", "2023-03-31");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->view = TSU_MEMBERS_VIEW (tsu_members_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  tsu_members_view_set_database (f->view, f->db);
  gtk_window_present (f->window);
  spin ();

  column_view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL));
  g_assert_nonnull (column_view);
  f->model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *editor;

  while ((editor = find_toplevel (ADW_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (editor);
  gtk_window_destroy (f->window);
  spin ();
  g_assert_finalize_object (f->db);
}

static void
test_order_and_filters (Fixture       *f,
                        gconstpointer  data)
{
  const char * const members[] = {
    "チャイルドライン北九州", "福岡県協力雇用主会", "NPO法人 抱樸", NULL
  };
  GtkEditable *search = GTK_EDITABLE (find_widget (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY, "search"));
  GtkDropDown *kind = GTK_DROP_DOWN (find_widget (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, "kind-filter"));
  GtkDropDown *field = GTK_DROP_DOWN (find_widget (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, "field-filter"));
  GtkCheckButton *former = GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (f->view), GTK_TYPE_CHECK_BUTTON, "former-filter"));
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW, NULL));
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) reading_column = g_list_model_get_item (columns, 1);
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (columns, 0);
  GListModel *fields;
  guint children = G_MAXUINT;

  g_assert_nonnull (search);
  g_assert_nonnull (kind);
  g_assert_nonnull (field);
  g_assert_nonnull (former);

  /* Members only, current only, 五十音順 by the reading without the legal
   * form: 抱樸 (ほうぼく) last although NPO法人 starts with N. */
  assert_names (f->model, members);
  g_assert_cmpuint (gtk_drop_down_get_selected (kind), ==, 0);

  /* Katakana and half-width kana find the hiragana reading. */
  gtk_editable_set_text (search, "ホウボク");
  wait_for_items (f->model, 1);
  assert_names (f->model, (const char * const[]) { "NPO法人 抱樸", NULL });
  /* The count says how many the search lists. */
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "3 member organisations (target 30) · 1 shown"));
  gtk_editable_set_text (search, "ﾌｸｵｶ");
  wait_for_first (f->model, "福岡県協力雇用主会");
  assert_names (f->model, (const char * const[]) { "福岡県協力雇用主会", NULL });
  gtk_editable_set_text (search, "見つからない名前");
  wait_for_items (f->model, 0);
  spin ();
  g_assert_true (gtk_widget_get_mapped (find_label (GTK_WIDGET (f->view), "No Results")));
  gtk_editable_set_text (search, "");
  wait_for_items (f->model, 3);
  assert_names (f->model, members);
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "3 member organisations (target 30)"));

  gtk_drop_down_set_selected (kind, TSU_ORGANIZATION_KIND_GOVERNMENT);
  assert_names (f->model, (const char * const[]) { "保健福祉局 地域福祉推進課", NULL });
  gtk_drop_down_set_selected (kind, 3);  /* all kinds */
  g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, 4);
  gtk_check_button_set_active (former, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, 5);
  {
    g_autofree char *first = display_name_at (f->model, 0);

    g_assert_cmpstr (first, ==, "一般社団法人 あかり");
  }

  /* The field filter offers the fields present. */
  fields = gtk_drop_down_get_model (field);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 4);  /* all + 3 */
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (fields), i), "子ども") == 0)
      children = i;
  g_assert_cmpuint (children, !=, G_MAXUINT);
  gtk_drop_down_set_selected (field, children);
  assert_names (f->model, (const char * const[]) { "一般社団法人 あかり", "チャイルドライン北九州", NULL });
  gtk_drop_down_set_selected (field, 0);
  gtk_check_button_set_active (former, FALSE);
  gtk_drop_down_set_selected (kind, 0);
  assert_names (f->model, members);

  /* Column sorting, and back to 五十音順 through the name column. */
  gtk_column_view_sort_by_column (column_view, reading_column, GTK_SORT_DESCENDING);
  assert_names (f->model, (const char * const[]) {
                  "NPO法人 抱樸", "福岡県協力雇用主会", "チャイルドライン北九州", NULL });
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_ASCENDING);
  assert_names (f->model, members);
  gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);

  /* Dates follow the date-style setting: 和暦 by default. */
  while (find_label (GTK_WIDGET (column_view), "令和5年12月14日") == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The count is of current members against the target. */
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "3 member organisations (target 30)"));
}

static void
test_add_edit_delete (Fixture       *f,
                      gconstpointer  data)
{
  TsuOrganizationEditor *editor;
  GtkWidget *reading;
  g_autoptr(TsuOrganization) found = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 id;

  tsu_members_view_add_organization (f->view);
  editor = TSU_ORGANIZATION_EDITOR (find_toplevel (TSU_TYPE_ORGANIZATION_EDITOR));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  /* Nothing is shown before the user has typed or tried to save. */
  g_assert_null (tsu_organization_editor_get_field_error (editor, "reading"));

  gtk_editable_set_text (GTK_EDITABLE (tsu_organization_editor_get_field_widget (editor, "legal-form")), "NPO法人");
  gtk_editable_set_text (GTK_EDITABLE (tsu_organization_editor_get_field_widget (editor, "name")),
                         "フードバンク北九州ライフアゲイン");
  gtk_editable_set_text (GTK_EDITABLE (tsu_organization_editor_get_field_widget (editor, "joined-on")), "R5.12.14");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();

  /* Refused: the editor is still open, the message sits by the reading. */
  g_assert_nonnull (editor);
  reading = tsu_organization_editor_get_field_widget (editor, "reading");
  g_assert_nonnull (tsu_organization_editor_get_field_error (editor, "reading"));
  g_assert_true (gtk_widget_has_css_class (reading, "error"));
  g_assert_null (tsu_organization_editor_get_field_error (editor, "name"));
  g_assert_null (tsu_organization_editor_get_field_error (editor, "joined-on"));
  found = tsu_organization_find_by_name (f->db, "フードバンク北九州ライフアゲイン", NULL);
  g_assert_null (found);

  /* Kanji are no reading; the message changes as the user types. */
  gtk_editable_set_text (GTK_EDITABLE (reading), "北九州");
  g_assert_nonnull (tsu_organization_editor_get_field_error (editor, "reading"));
  gtk_editable_set_text (GTK_EDITABLE (reading), "ふーどばんくきたきゅうしゅうらいふあげいん");
  g_assert_null (tsu_organization_editor_get_field_error (editor, "reading"));
  g_assert_false (gtk_widget_has_css_class (reading, "error"));

  /* A date that is no date is refused next to its field. */
  gtk_editable_set_text (GTK_EDITABLE (tsu_organization_editor_get_field_widget (editor, "left-on")), "R5.13.40");
  g_assert_nonnull (tsu_organization_editor_get_field_error (editor, "left-on"));
  gtk_editable_set_text (GTK_EDITABLE (tsu_organization_editor_get_field_widget (editor, "left-on")), "");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_null (editor);

  found = tsu_organization_find_by_name (f->db, "NPO法人 フードバンク北九州ライフアゲイン", NULL);
  g_assert_nonnull (found);
  g_assert_cmpstr (tsu_organization_get_joined_on (found), ==, "2023-12-14");
  id = tsu_organization_get_id (found);

  /* ふーど reads as ふうど: before ふくおか. The new one is selected. */
  assert_names (f->model, (const char * const[]) {
                  "チャイルドライン北九州", "NPO法人 フードバンク北九州ライフアゲイン",
                  "福岡県協力雇用主会", "NPO法人 抱樸", NULL });
  g_assert_nonnull (tsu_members_view_get_selected (f->view));
  g_assert_cmpint (tsu_organization_get_id (tsu_members_view_get_selected (f->view)), ==, id);

  /* A second 抱樸 needs a second click. */
  tsu_members_view_add_organization (f->view);
  editor = TSU_ORGANIZATION_EDITOR (find_toplevel (TSU_TYPE_ORGANIZATION_EDITOR));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (GTK_EDITABLE (tsu_organization_editor_get_field_widget (editor, "name")), "抱樸");
  gtk_editable_set_text (GTK_EDITABLE (tsu_organization_editor_get_field_widget (editor, "reading")), "ホウボク");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_nonnull (editor);
  g_assert_true (tsu_organization_editor_get_duplicate_shown (editor));
  all = tsu_organization_load_all (f->db, NULL);
  g_assert_cmpuint (all->len, ==, 6);
  g_clear_pointer (&all, g_ptr_array_unref);
  /* Escape cancels and loses nothing. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  spin ();
  g_assert_null (editor);
  all = tsu_organization_load_all (f->db, NULL);
  g_assert_cmpuint (all->len, ==, 6);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* Delete the selected organisation, then bring it back. */
  g_assert_true (tsu_members_view_select_organization (f->view, id));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "members.delete", NULL);
  spin ();
  assert_names (f->model, (const char * const[]) {
                  "チャイルドライン北九州", "福岡県協力雇用主会", "NPO法人 抱樸", NULL });
  g_clear_object (&found);
  found = tsu_organization_load_by_id (f->db, id, NULL);
  all = tsu_organization_load_all (f->db, NULL);
  g_assert_cmpuint (all->len, ==, 5);
  g_clear_pointer (&all, g_ptr_array_unref);
  g_assert_true (tsu_database_undo_change (f->db, tsu_database_get_last_change (f->db), NULL));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (f->model), ==, 4);
}

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  TsuPersonEditor *editor;
  g_autoptr(GPtrArray) people = NULL;

  g_assert_true (tsu_members_view_select_organization (f->view, f->houboku_id));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "members.add-person", NULL);
  editor = TSU_PERSON_EDITOR (find_toplevel (TSU_TYPE_PERSON_EDITOR));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  gtk_editable_set_text (GTK_EDITABLE (tsu_person_editor_get_field_widget (editor, "name")), "奥田 知志");
  gtk_editable_set_text (GTK_EDITABLE (tsu_person_editor_get_field_widget (editor, "title")), "理事長");
  gtk_editable_set_text (GTK_EDITABLE (tsu_person_editor_get_field_widget (editor, "email")), "not-an-address");
  g_assert_nonnull (tsu_person_editor_get_field_error (editor, "email"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_nonnull (editor);
  g_assert_nonnull (tsu_person_editor_get_field_error (editor, "reading"));

  gtk_editable_set_text (GTK_EDITABLE (tsu_person_editor_get_field_widget (editor, "email")), "");
  gtk_editable_set_text (GTK_EDITABLE (tsu_person_editor_get_field_widget (editor, "reading")), "おくだ ともし");
  g_assert_null (tsu_person_editor_get_field_error (editor, "reading"));
  g_assert_null (tsu_person_editor_get_field_error (editor, "email"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_null (editor);

  people = tsu_person_load_for_organization (f->db, f->houboku_id, NULL);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (tsu_person_get_title (g_ptr_array_index (people, 0)), ==, "理事長");
  /* The detail pane lists the person. */
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "奥田 知志"));

  gtk_widget_activate_action (GTK_WIDGET (f->view), "members.delete-person", "x",
                              tsu_person_get_id (g_ptr_array_index (people, 0)));
  spin ();
  g_assert_null (find_label (GTK_WIDGET (f->view), "奥田 知志"));
  g_clear_pointer (&people, g_ptr_array_unref);
  people = tsu_person_load_for_organization (f->db, f->houboku_id, NULL);
  g_assert_cmpuint (people->len, ==, 0);
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

  g_test_add ("/members-view/order-and-filters", Fixture, NULL,
              fixture_set_up, test_order_and_filters, fixture_tear_down);
  g_test_add ("/members-view/add-edit-delete", Fixture, NULL,
              fixture_set_up, test_add_edit_delete, fixture_tear_down);
  g_test_add ("/members-view/people", Fixture, NULL,
              fixture_set_up, test_people, fixture_tear_down);
  return g_test_run ();
}
