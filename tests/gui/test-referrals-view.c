/* test-referrals-view.c: the referral tracker, driven through its widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "tsu-case.h"
#include "tsu-date.h"
#include "tsu-organization.h"
#include "tsu-paged-list.h"
#include "tsu-referral.h"
#include "tsu-referral-editor.h"
#include "tsu-referrals-view.h"
#include "gui-test-util.h"

typedef struct
{
  TsuDatabase      *db;
  GtkWindow        *window;
  TsuReferralsView *view;
  gint64            consented_id;  /* hikikomori, consent given */
  gint64            refused_id;    /* no consent, no legal basis */
  gint64            overdue_id;    /* an old referral still waiting */
  char             *consented_code;
} Fixture;

/* A label showing @text, on a visible path. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
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
  if (!gtk_widget_get_visible (root))
    return NULL;
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

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
}

static GListModel *
list_model (Fixture    *f,
            const char *name)
{
  GtkWidget *view = find_widget (GTK_WIDGET (f->view), GTK_TYPE_GRID_VIEW, name);

  g_assert_nonnull (view);
  return G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (view)));
}

/* Lists are queried when their tab is shown. */
static void
show_tab (Fixture    *f,
          const char *name)
{
  GtkWidget *tabs = find_widget (GTK_WIDGET (f->view), GTK_TYPE_STACK, "tabs");

  g_assert_nonnull (tabs);
  gtk_stack_set_visible_child_name (GTK_STACK (tabs), name);
  spin ();
}

static void
search (Fixture    *f,
        const char *text)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY, NULL);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  spin ();
}

static char *
days_from_today (int days)
{
  g_autofree char *today = tsu_date_today_iso ();
  GDate date;

  g_assert_true (tsu_date_from_iso (today, &date));
  if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  else
    g_date_add_days (&date, (guint) days);
  return tsu_date_to_iso (&date);
}

static void
add_member (TsuDatabase *db,
            const char  *legal_form,
            const char  *name,
            const char  *reading,
            const char  *fields,
            const char  *hours)
{
  g_autoptr(TsuOrganization) org = tsu_organization_new ();
  g_auto(GStrv) parsed = tsu_organization_parse_fields (fields);
  g_autoptr(GError) error = NULL;

  tsu_organization_set_legal_form (org, legal_form);
  tsu_organization_set_name (org, name);
  tsu_organization_set_reading (org, reading);
  tsu_organization_set_kind (org, TSU_ORGANIZATION_KIND_MEMBER);
  tsu_organization_set_fields (org, (const char * const *) parsed);
  tsu_organization_set_hours (org, hours);
  g_assert_true (tsu_organization_save (org, db, &error));
  g_assert_no_error (error);
}

static TsuCase *
add_case (TsuDatabase  *db,
          const char   *received_on,
          TsuWard       ward,
          guint         concerns,
          TsuConsent    consent)
{
  TsuCase *c = tsu_case_new ();
  g_autoptr(GError) error = NULL;

  tsu_case_set_received_on (c, received_on);
  tsu_case_set_entrance (c, "戸畑区役所");
  tsu_case_set_ward (c, ward);
  tsu_case_set_age_band (c, TSU_AGE_30S);
  tsu_case_set_concerns (c, concerns);
  tsu_case_set_consent (c, consent);
  if (consent == TSU_CONSENT_YES)
    {
      tsu_case_set_consent_on (c, received_on);
      tsu_case_set_consent_how (c, "口頭");
      tsu_case_set_legal_basis (c, TSU_LEGAL_BASIS_CONSENT);
    }
  tsu_case_set_notes (c, "秘密のメモ");
  g_assert_true (tsu_case_save (c, db, &error));
  g_assert_no_error (error);
  return c;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-referrals-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *today = tsu_date_today_iso ();
  g_autofree char *long_ago = days_from_today (-40);
  g_autofree char *referred = days_from_today (-30);
  g_autofree char *due = days_from_today (-16);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuCase) consented = NULL;
  g_autoptr(TsuCase) refused = NULL;
  g_autoptr(TsuCase) late = NULL;
  g_autoptr(TsuReferral) old = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  add_member (f->db, "NPO法人", "ステップ", "すてっぷ", "ひきこもり;就労", "平日 9:00–17:00");
  add_member (f->db, NULL, "フードバンクきたきゅう", "ふーどばんくきたきゅう", "フードバンク", "土曜 10:00–15:00");

  consented = add_case (f->db, today, TSU_WARD_TOBATA,
                        1u << TSU_CONCERN_HIKIKOMORI, TSU_CONSENT_YES);
  refused = add_case (f->db, today, TSU_WARD_WAKAMATSU,
                      1u << TSU_CONCERN_FOOD, TSU_CONSENT_NO);
  late = add_case (f->db, long_ago, TSU_WARD_MOJI,
                   1u << TSU_CONCERN_ELDERLY, TSU_CONSENT_YES);
  f->consented_id = tsu_case_get_id (consented);
  f->consented_code = g_strdup (tsu_case_get_code (consented));
  f->refused_id = tsu_case_get_id (refused);

  old = tsu_referral_new (tsu_case_get_id (late));
  tsu_referral_set_from (old, "戸畑区役所");
  tsu_referral_set_to (old, "門司区役所");
  tsu_referral_set_referred_on (old, referred);
  tsu_referral_set_due_on (old, due);
  g_assert_true (tsu_referral_save (old, f->db, &error));
  g_assert_no_error (error);
  f->overdue_id = tsu_referral_get_id (old);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 860);
  f->view = TSU_REFERRALS_VIEW (tsu_referrals_view_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  gtk_window_set_child (f->window, overlay);
  /* As in the application: the window is up before the database is
   * given, so the rows exist when the records arrive. */
  gtk_window_present (f->window);
  spin ();
  tsu_referrals_view_set_database (f->view, f->db);
  spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *other;

  while ((other = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (other);
  while ((other = find_toplevel (ADW_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (other);
  gtk_window_destroy (f->window);
  spin ();
  g_object_unref (f->db);
  g_free (f->consented_code);
}

static TsuReferralEditor *
open_referral_editor (Fixture *f,
                      gint64   case_id)
{
  TsuReferralEditor *editor;

  tsu_referrals_view_show_case (f->view, case_id);
  spin ();
  click (find_button (GTK_WIDGET (f->view), "New _Referral"));
  editor = TSU_REFERRAL_EDITOR (find_toplevel (TSU_TYPE_REFERRAL_EDITOR));
  g_assert_nonnull (editor);
  return editor;
}

static GPtrArray *
stored_referrals (Fixture *f,
                  gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *referrals = tsu_referral_load_for_case (f->db, case_id, &error);

  g_assert_no_error (error);
  return referrals;
}

/* The lists: the overdue referral is open and marked; both new cases are
 * listed; the search finds by concern and, kana-insensitively, by the
 * organisation a case was referred to. */
static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  GListModel *open = list_model (f, "referral_view");
  GListModel *cases = list_model (f, "case_view");
  g_autoptr(TsuReferral) first = NULL;
  g_autofree char *overdue = g_strdup_printf ("Overdue by %d days", 16);

  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
  first = g_list_model_get_item (open, 0);
  g_assert_cmpint (tsu_referral_get_id (first), ==, f->overdue_id);
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), overdue));
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "1 referral · 1 overdue"));
  /* The cases tab is not shown yet, so its list was not queried. */
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 0);

  /* Cases by where they stand: the one with an open referral first. */
  show_tab (f, "cases");
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 3);
  {
    g_autoptr(TsuCase) top = g_list_model_get_item (cases, 0);
    GtkWidget *case_view = find_widget (GTK_WIDGET (f->view), GTK_TYPE_GRID_VIEW, "case_view");

    g_assert_cmpint (tsu_referral_get_case_id (first), ==, tsu_case_get_id (top));
    g_assert_nonnull (find_label (case_view, "Referral open"));
    g_assert_nonnull (find_label (case_view, "No referral yet"));
  }

  search (f, "HIKIKOMORI");
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  show_tab (f, "referrals");
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 0);
  /* The elderly case's referral, by its case's concern. */
  search (f, "Elderly");
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
  /* By part of the name of the place it was referred to. */
  search (f, "門司");
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
  search (f, f->consented_code);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 0);
  show_tab (f, "cases");
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 3);
}

/* A case is opened, referred through the editor to the organisation it
 * suggests, then accepted and connected with the page's buttons. */
static void
test_refer_and_connect (Fixture       *f,
                        gconstpointer  data)
{
  TsuReferralEditor *editor = open_referral_editor (f, f->consented_id);
  GtkListBox *suggestions = tsu_referral_editor_get_suggestions (editor);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (suggestions, 0);
  g_autoptr(GPtrArray) referrals = NULL;
  g_autofree char *accepted = NULL;
  g_autofree char *connected = NULL;
  TsuReferral *r;

  /* The page shows the case and its notes. */
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), f->consented_code));
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "秘密のメモ"));

  /* Only the hikikomori organisation fits, with its hours. */
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (suggestions, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "NPO法人 ステップ");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "平日 9:00–17:00"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tsu_referral_editor_get_field_widget (editor, "from"))),
                   ==, "戸畑区役所");
  g_signal_emit_by_name (suggestions, "row-activated", row);
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tsu_referral_editor_get_field_widget (editor, "to"))),
                   ==, "NPO法人 ステップ");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_null (find_toplevel (TSU_TYPE_REFERRAL_EDITOR));

  referrals = stored_referrals (f, f->consented_id);
  g_assert_cmpuint (referrals->len, ==, 1);
  r = g_ptr_array_index (referrals, 0);
  g_assert_cmpstr (tsu_referral_get_to (r), ==, "NPO法人 ステップ");
  g_assert_cmpint (tsu_referral_get_status (r), ==, TSU_REFERRAL_SENT);
  g_clear_pointer (&referrals, g_ptr_array_unref);

  /* Sent: accept or decline, not yet connect. */
  g_assert_null (find_button (GTK_WIDGET (f->view), "Connected"));
  click (find_button (GTK_WIDGET (f->view), "Accept"));
  referrals = stored_referrals (f, f->consented_id);
  g_assert_cmpint (tsu_referral_get_status (g_ptr_array_index (referrals, 0)), ==, TSU_REFERRAL_ACCEPTED);
  g_clear_pointer (&referrals, g_ptr_array_unref);
  g_assert_null (find_button (GTK_WIDGET (f->view), "Accept"));
  g_assert_null (find_button (GTK_WIDGET (f->view), "Decline…"));

  click (find_button (GTK_WIDGET (f->view), "Connected"));
  referrals = stored_referrals (f, f->consented_id);
  r = g_ptr_array_index (referrals, 0);
  g_assert_cmpint (tsu_referral_get_status (r), ==, TSU_REFERRAL_CONNECTED);
  g_assert_cmpstr (tsu_referral_get_closed_on (r), !=, "");
  /* Closed: no more moves. */
  g_assert_null (find_button (GTK_WIDGET (f->view), "Withdraw"));

  /* The timeline shows both moves. */
  accepted = g_strdup_printf ("Status: %s → %s", tsu_referral_status_to_label (TSU_REFERRAL_SENT),
                              tsu_referral_status_to_label (TSU_REFERRAL_ACCEPTED));
  connected = g_strdup_printf ("Status: %s → %s", tsu_referral_status_to_label (TSU_REFERRAL_ACCEPTED),
                               tsu_referral_status_to_label (TSU_REFERRAL_CONNECTED));
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), accepted));
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), connected));
  /* The notes' words never reach the timeline. */
  g_assert_nonnull (find_label (GTK_WIDGET (f->view), "Notes changed"));

  /* Back in the lists, the case is found by where it was referred to,
   * typed in half-width katakana. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "referrals.back", NULL);
  spin ();
  search (f, "ｽﾃｯﾌﾟ");
  show_tab (f, "cases");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (f, "case_view")), ==, 1);
}

/* Without consent or another legal basis the referral is refused until a
 * reason is written; the reason is stored. */
static void
test_override (Fixture       *f,
               gconstpointer  data)
{
  TsuReferralEditor *editor = open_referral_editor (f, f->refused_id);
  GtkWidget *override = tsu_referral_editor_get_field_widget (editor, "override");
  g_autoptr(GPtrArray) referrals = NULL;

  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (override, ADW_TYPE_PREFERENCES_GROUP)));
  /* The food case is not one for the hikikomori organisation. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (tsu_referral_editor_get_suggestions (editor), 0))),
                   ==, "フードバンクきたきゅう");
  gtk_editable_set_text (GTK_EDITABLE (tsu_referral_editor_get_field_widget (editor, "to")), "若松区役所");
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_true (find_toplevel (TSU_TYPE_REFERRAL_EDITOR) == GTK_WINDOW (editor));
  g_assert_nonnull (tsu_referral_editor_get_field_error (editor, "override"));
  referrals = stored_referrals (f, f->refused_id);
  g_assert_cmpuint (referrals->len, ==, 0);
  g_clear_pointer (&referrals, g_ptr_array_unref);

  gtk_editable_set_text (GTK_EDITABLE (override), "食事がとれておらず命に関わるため");
  spin ();
  g_assert_null (tsu_referral_editor_get_field_error (editor, "override"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_null (find_toplevel (TSU_TYPE_REFERRAL_EDITOR));
  referrals = stored_referrals (f, f->refused_id);
  g_assert_cmpuint (referrals->len, ==, 1);
  g_assert_cmpstr (tsu_referral_get_override (g_ptr_array_index (referrals, 0)), ==,
                   "食事がとれておらず命に関わるため");
}

/* A file of 1,000 cases with 5 referrals each: the lists are queries
 * for ids, their rows loaded a page at a time as they are shown. */
#define LARGE_CASES 1000
#define LARGE_PER_CASE 5

typedef struct
{
  TsuDatabase      *db;
  GtkWindow        *window;
  TsuReferralsView *view;
  guint             n_open;          /* sent or accepted */
  guint             n_open_moji;     /* … of cases in 門司区 */
  guint             n_open_food;     /* … to the food bank */
  guint             n_connected;
  guint             n_not_connected;
} Large;

static void
large_set_up (Large         *f,
              gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-referrals-large-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.db", NULL);
  g_autoptr(GError) error = NULL;
  GDate start;

  f->db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  /* Received over two fiscal years, ending today, so that the recent
   * referrals are not due yet and the old ones are overdue. */
  g_date_set_time_t (&start, time (NULL));
  g_date_subtract_days (&start, 2 * LARGE_CASES / 3);
  g_assert_true (tsu_database_begin (f->db, &error));
  for (guint i = 0; i < LARGE_CASES; i++)
    {
      g_autoptr(TsuCase) c = tsu_case_new ();
      GDate received = start;
      g_autofree char *received_on = NULL;
      TsuWard ward = (TsuWard) (i % TSU_N_WARDS);

      g_date_add_days (&received, 2 * i / 3);
      received_on = tsu_date_to_iso (&received);
      tsu_case_set_received_on (c, received_on);
      tsu_case_set_entrance (c, "戸畑区役所");
      tsu_case_set_ward (c, ward);
      tsu_case_set_concerns (c, 1u << (i % TSU_N_CONCERNS));
      tsu_case_set_consent (c, TSU_CONSENT_YES);
      tsu_case_set_consent_on (c, received_on);
      tsu_case_set_legal_basis (c, TSU_LEGAL_BASIS_CONSENT);
      g_assert_true (tsu_case_save (c, f->db, &error));
      g_assert_no_error (error);
      for (guint j = 0; j < LARGE_PER_CASE; j++)
        {
          g_autoptr(TsuReferral) r = tsu_referral_new (tsu_case_get_id (c));
          /* Statuses in turn; the food bank every third referral. */
          static const TsuReferralStatus statuses[] = {
            TSU_REFERRAL_SENT, TSU_REFERRAL_ACCEPTED, TSU_REFERRAL_CONNECTED, TSU_REFERRAL_NOT_CONNECTED,
          };
          TsuReferralStatus status = statuses[(i + j) % G_N_ELEMENTS (statuses)];
          gboolean food = (i * LARGE_PER_CASE + j) % 3 == 0;
          GDate referred = received;
          g_autofree char *referred_on = NULL;

          g_date_add_days (&referred, j);
          referred_on = tsu_date_to_iso (&referred);
          tsu_referral_set_from (r, "戸畑区役所");
          tsu_referral_set_to (r, food ? "フードバンクきたきゅう" : "若松区役所");
          tsu_referral_set_referred_on (r, referred_on);
          tsu_referral_set_status (r, status);
          if (!tsu_referral_status_is_open (status))
            tsu_referral_set_closed_on (r, referred_on);
          if (status == TSU_REFERRAL_NOT_CONNECTED)
            tsu_referral_set_reason (r, TSU_REASON_UNREACHABLE);
          tsu_referral_save (r, f->db, &error);
          g_assert_no_error (error);
          if (tsu_referral_status_is_open (status))
            {
              f->n_open++;
              f->n_open_moji += ward == TSU_WARD_MOJI;
              f->n_open_food += food;
            }
          f->n_connected += status == TSU_REFERRAL_CONNECTED;
          f->n_not_connected += status == TSU_REFERRAL_NOT_CONNECTED;
        }
    }
  g_assert_true (tsu_database_commit (f->db, &error));
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 860);
  f->view = TSU_REFERRALS_VIEW (tsu_referrals_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  spin ();
  tsu_referrals_view_set_database (f->view, f->db);
  spin ();
}

static void
large_tear_down (Large         *f,
                 gconstpointer  data)
{
  gtk_window_destroy (f->window);
  spin ();
  g_object_unref (f->db);
}

static TsuPagedList *
paged_list (Large      *f,
            const char *name)
{
  GtkWidget *view = find_widget (GTK_WIDGET (f->view), GTK_TYPE_GRID_VIEW, name);
  GtkSingleSelection *selection;

  g_assert_nonnull (view);
  selection = GTK_SINGLE_SELECTION (gtk_grid_view_get_model (GTK_GRID_VIEW (view)));
  g_assert_true (TSU_IS_PAGED_LIST (gtk_single_selection_get_model (selection)));
  return TSU_PAGED_LIST (gtk_single_selection_get_model (selection));
}

static void
select_in (Large      *f,
           const char *dropdown_name,
           guint       position)
{
  GtkWidget *dropdown = find_widget (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN, dropdown_name);

  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  spin ();
}

static void
large_search (Large      *f,
              const char *text)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  spin ();
}

static void
test_large (Large         *f,
            gconstpointer  data)
{
  TsuPagedList *open = paged_list (f, "referral_view");
  GListModel *model = G_LIST_MODEL (open);
  g_autofree char *today = tsu_date_today_iso ();
  guint n, fetched;
  gboolean seen_not_overdue = FALSE;
  g_autofree char *previous_due = g_strdup ("");

  /* Every open referral is counted; only the rows on screen were loaded. */
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, f->n_open);
  fetched = (guint) tsu_paged_list_get_n_fetched (open);
  g_assert_cmpuint (fetched, >, 0);
  g_assert_cmpuint (fetched, <=, 2 * TSU_PAGED_LIST_PAGE_SIZE);
  /* The last row is one page more, not every row between. */
  {
    g_autoptr(TsuReferral) last = g_list_model_get_item (model, n - 1);

    g_assert_nonnull (last);
    g_assert_cmpint (tsu_referral_get_id (last), ==, tsu_paged_list_get_id (open, n - 1));
    g_assert_cmpuint (tsu_paged_list_get_n_fetched (open), <=, fetched + TSU_PAGED_LIST_PAGE_SIZE);
  }

  /* The overdue first, the longest overdue on top; then by due date. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuReferral) r = g_list_model_get_item (model, i);
      gboolean overdue = tsu_referral_is_overdue (r, today);

      g_assert_true (tsu_referral_status_is_open (tsu_referral_get_status (r)));
      g_assert_cmpstr (previous_due, <=, tsu_referral_get_due_on (r));
      g_assert_false (overdue && seen_not_overdue);
      seen_not_overdue |= !overdue;
      g_free (previous_due);
      previous_due = g_strdup (tsu_referral_get_due_on (r));
    }
  g_assert_true (seen_not_overdue);
  {
    g_autoptr(TsuReferral) first = g_list_model_get_item (model, 0);

    g_assert_true (tsu_referral_is_overdue (first, today));
  }

  /* The filters are queries too. */
  select_in (f, "ward", 1 + TSU_WARD_MOJI);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, f->n_open_moji);
  select_in (f, "ward", 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, f->n_open);
  select_in (f, "status", 1 + TSU_REFERRAL_CONNECTED);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, f->n_connected);
  select_in (f, "status", 0);
  /* Half-width katakana finds the food bank. */
  large_search (f, "ﾌｰﾄﾞﾊﾞﾝｸ");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, f->n_open_food);
  large_search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, f->n_open);

  /* The other tabs: every case; the referrals that did not connect. */
  {
    GtkWidget *tabs = find_widget (GTK_WIDGET (f->view), GTK_TYPE_STACK, "tabs");

    gtk_stack_set_visible_child_name (GTK_STACK (tabs), "cases");
    spin ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paged_list (f, "case_view"))), ==, LARGE_CASES);
    gtk_stack_set_visible_child_name (GTK_STACK (tabs), "candidates");
    spin ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paged_list (f, "candidate_view"))), ==,
                      f->n_not_connected);
  }
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

  g_test_add ("/referrals-view/lists", Fixture, NULL,
              fixture_set_up, test_lists, fixture_tear_down);
  g_test_add ("/referrals-view/refer-and-connect", Fixture, NULL,
              fixture_set_up, test_refer_and_connect, fixture_tear_down);
  g_test_add ("/referrals-view/override", Fixture, NULL,
              fixture_set_up, test_override, fixture_tear_down);
  g_test_add ("/referrals-view/large", Large, NULL,
              large_set_up, test_large, large_tear_down);
  return g_test_run ();
}
