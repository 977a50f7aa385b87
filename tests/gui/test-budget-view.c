/* test-budget-view.c: the budget ledger, driven through its widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "tsu-budget-line.h"
#include "tsu-budget-line-editor.h"
#include "tsu-budget-view.h"
#include "tsu-payment.h"
#include "tsu-payment-editor.h"
#include "gui-test-util.h"

typedef struct
{
  TsuDatabase   *db;
  GtkWindow     *window;
  TsuBudgetView *view;
  GtkColumnView *column_view;
  gint64         bus_id;      /* 支援現場見学バスツアー, 1,158,120 */
  gint64         novelty_id;  /* 孤独・孤立ノベルティ作成, 465,000 */
} Fixture;

/* A visible label showing @text. */
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

static const char *
label_text (Fixture    *f,
            const char *name)
{
  GtkWidget *label = find_widget (GTK_WIDGET (f->view), GTK_TYPE_LABEL, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gint64
add_line (TsuDatabase *db,
          int          year,
          const char  *name,
          const char  *contractor,
          gint64       amount,
          guint        pillars)
{
  g_autoptr(TsuBudgetLine) line = tsu_budget_line_new (year);
  g_autoptr(GError) error = NULL;

  tsu_budget_line_set_name (line, name);
  tsu_budget_line_set_contractor (line, contractor);
  tsu_budget_line_set_amount (line, amount);
  tsu_budget_line_set_pillars (line, pillars);
  g_assert_true (tsu_budget_line_save (line, db, &error));
  g_assert_no_error (error);
  return tsu_budget_line_get_id (line);
}

static guint
n_lines (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (f->column_view)));
}

static guint
n_stored_lines (TsuDatabase *db,
                int          year)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  lines = tsu_budget_line_load_for_fiscal_year (db, year, &error);
  g_assert_no_error (error);
  return lines->len;
}

static guint
n_stored_payments (TsuDatabase *db,
                   gint64       line_id)
{
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;

  payments = tsu_payment_load_for_line (db, line_id, &error);
  g_assert_no_error (error);
  return payments->len;
}

/* Selects the row of @id in the column view, as a click would. */
static void
select_line (Fixture *f,
             gint64   id)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (f->column_view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (tsu_budget_line_get_id (line) == id)
        {
          gtk_single_selection_set_selected (selection, i);
          spin ();
          return;
        }
    }
  g_assert_not_reached ();
}

static TsuBudgetLine *
selected (Fixture *f)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (f->column_view));

  return gtk_single_selection_get_selected_item (selection);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-budget-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->db = tsu_database_open (path, &error);
  g_assert_no_error (error);
  f->bus_id = add_line (f->db, 2023, "支援現場見学バスツアー", "北九州市社会福祉協議会", 1158120, 0x8);
  f->novelty_id = add_line (f->db, 2023, "孤独・孤立ノベルティ作成", "株式会社成田屋", 465000, 0x5);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 860);
  f->view = TSU_BUDGET_VIEW (tsu_budget_view_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  gtk_window_set_child (f->window, overlay);
  tsu_budget_view_set_database (f->view, f->db);
  gtk_window_present (f->window);
  spin ();

  f->column_view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW,
                                                 "budget-lines"));
  g_assert_nonnull (f->column_view);
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

static void
set_entry (GtkWidget  *widget,
           const char *text)
{
  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  spin ();
}

static TsuBudgetLineEditor *
open_line_editor (Fixture *f)
{
  TsuBudgetLineEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "budget.add", NULL);
  spin ();
  editor = TSU_BUDGET_LINE_EDITOR (find_toplevel (TSU_TYPE_BUDGET_LINE_EDITOR));
  g_assert_nonnull (editor);
  return editor;
}

static TsuPaymentEditor *
open_payment_editor (Fixture *f)
{
  TsuPaymentEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "budget.add-payment", NULL);
  spin ();
  editor = TSU_PAYMENT_EDITOR (find_toplevel (TSU_TYPE_PAYMENT_EDITOR));
  g_assert_nonnull (editor);
  return editor;
}

/* The year with lines is shown with its totals; a line added through the
 * editor (its amount typed as on paper) changes them; amounts that are
 * not whole yen are refused next to the field. */
static void
test_lines_and_totals (Fixture       *f,
                       gconstpointer  data)
{
  TsuBudgetLineEditor *editor;
  GtkWidget *amount;
  const char *message;
  g_autoptr(TsuBudgetLine) added = NULL;
  g_autoptr(GError) error = NULL;

  /* This fiscal year has no lines, so the view opens on the newest one
   * that has. */
  g_assert_cmpint (tsu_budget_view_get_fiscal_year (f->view), ==, 2023);
  g_assert_cmpuint (n_lines (f), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (f->column_view), "支援現場見学バスツアー"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->column_view), "1,158,120"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->column_view), "465,000"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->column_view), "①③"));
  g_assert_cmpstr (label_text (f, "budget-total"), ==, "1,623,120 yen");
  g_assert_cmpstr (label_text (f, "paid-total"), ==, "0 yen");
  g_assert_cmpstr (label_text (f, "remaining-total"), ==, "1,623,120 yen");

  editor = open_line_editor (f);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_entry (tsu_budget_line_editor_get_field_widget (editor, "name"), "支援者向け能力向上研修会");
  set_entry (tsu_budget_line_editor_get_field_widget (editor, "contractor"), "北九州市社会福祉協議会");
  amount = tsu_budget_line_editor_get_field_widget (editor, "amount");

  /* Negative and fractional amounts: the message is next to the field
   * and Save keeps the window open with nothing stored. */
  set_entry (amount, "-5");
  message = tsu_budget_line_editor_get_field_error (editor, "amount");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Budget Allocation: "));
  g_assert_nonnull (strstr (message, "-5"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_nonnull (editor);
  g_assert_cmpuint (n_stored_lines (f->db, 2023), ==, 2);

  set_entry (amount, "1.5");
  message = tsu_budget_line_editor_get_field_error (editor, "amount");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "1.5"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_nonnull (editor);
  g_assert_cmpuint (n_stored_lines (f->db, 2023), ==, 2);

  /* As copied from a document, with the yen sign and commas; the field
   * shows what it understood. */
  set_entry (amount, "￥1,158,120");
  g_assert_null (tsu_budget_line_editor_get_field_error (editor, "amount"));
  g_assert_nonnull (find_label (GTK_WIDGET (editor), "1,158,120 yen"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (tsu_budget_line_editor_get_field_widget (editor, "pillar-2")),
                               TRUE);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_null (editor);

  added = tsu_budget_line_find_by_name (f->db, 2023, "支援者向け能力向上研修会", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpint (tsu_budget_line_get_amount (added), ==, 1158120);
  g_assert_cmpuint (tsu_budget_line_get_pillars (added), ==, 0x2);
  g_assert_cmpuint (n_lines (f), ==, 3);
  g_assert_cmpstr (label_text (f, "budget-total"), ==, "2,781,240 yen");
  g_assert_cmpstr (label_text (f, "remaining-total"), ==, "2,781,240 yen");
  /* The new line is the one selected. */
  g_assert_nonnull (selected (f));
  g_assert_cmpint (tsu_budget_line_get_id (selected (f)), ==, tsu_budget_line_get_id (added));
}

/* A payment changes the row and the footer; one that overspends asks
 * first, and "no" saves nothing. */
static void
test_payments (Fixture       *f,
               gconstpointer  data)
{
  TsuPaymentEditor *editor;
  AdwMessageDialog *question;
  GtkWidget *payment_list;
  GtkWidget *undo;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  gint64 payment_id;

  select_line (f, f->bus_id);
  editor = open_payment_editor (f);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_entry (tsu_payment_editor_get_field_widget (editor, "paid-on"), "R5.12.14");
  g_assert_nonnull (find_label (GTK_WIDGET (editor), "令和5年12月14日"));
  set_entry (tsu_payment_editor_get_field_widget (editor, "amount"), "５００，０００円");
  set_entry (tsu_payment_editor_get_field_widget (editor, "memo"), "前払い");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_null (editor);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  payments = tsu_payment_load_for_line (f->db, f->bus_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpstr (tsu_payment_get_paid_on (g_ptr_array_index (payments, 0)), ==, "2023-12-14");
  g_assert_cmpint (tsu_payment_get_amount (g_ptr_array_index (payments, 0)), ==, 500000);
  payment_id = tsu_payment_get_id (g_ptr_array_index (payments, 0));

  /* The row, the footer and the payments list of the selected line. */
  g_assert_nonnull (find_label (GTK_WIDGET (f->column_view), "500,000"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->column_view), "658,120"));
  g_assert_cmpstr (label_text (f, "paid-total"), ==, "500,000 yen");
  g_assert_cmpstr (label_text (f, "remaining-total"), ==, "1,123,120 yen");
  g_assert_cmpint (tsu_budget_line_get_id (selected (f)), ==, f->bus_id);
  payment_list = find_widget (GTK_WIDGET (f->view), GTK_TYPE_LIST_BOX, "payment-list");
  g_assert_nonnull (payment_list);
  g_assert_nonnull (find_label (payment_list, "500,000 yen"));

  /* 500,000 + 700,000 is past 1,158,120 by 41,880: asked, answered no. */
  editor = open_payment_editor (f);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_entry (tsu_payment_editor_get_field_widget (editor, "paid-on"), "2024-03-29");
  set_entry (tsu_payment_editor_get_field_widget (editor, "amount"), "700000");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "「支援現場見学バスツアー」"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "41,880"));
  adw_message_dialog_response (question, "cancel");
  spin ();
  g_assert_nonnull (editor);
  g_assert_cmpuint (n_stored_payments (f->db, f->bus_id), ==, 1);
  g_assert_cmpstr (label_text (f, "paid-total"), ==, "500,000 yen");

  /* Asked again, answered yes: the line shows it is overspent. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "pay");
  spin ();
  g_assert_null (editor);
  g_assert_cmpuint (n_stored_payments (f->db, f->bus_id), ==, 2);
  g_assert_cmpstr (label_text (f, "paid-total"), ==, "1,200,000 yen");
  g_assert_cmpstr (label_text (f, "remaining-total"), ==, "423,120 yen");
  {
    GtkWidget *over = find_label (GTK_WIDGET (f->column_view), "−41,880");

    g_assert_nonnull (over);
    g_assert_true (gtk_widget_has_css_class (over, "error"));
  }

  /* Deleting a payment, and taking it back. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "budget.delete-payment", "x", payment_id);
  spin ();
  g_assert_cmpuint (n_stored_payments (f->db, f->bus_id), ==, 1);
  g_assert_cmpstr (label_text (f, "paid-total"), ==, "700,000 yen");
  undo = find_button (gtk_widget_get_parent (GTK_WIDGET (f->view)), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  spin ();
  g_assert_cmpuint (n_stored_payments (f->db, f->bus_id), ==, 2);
  g_assert_cmpstr (label_text (f, "paid-total"), ==, "1,200,000 yen");
}

/* The next year starts empty with an offer to copy; copying makes drafts
 * there and shows that year. */
static void
test_copy_year (Fixture       *f,
                gconstpointer  data)
{
  AdwMessageDialog *question;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *copy_button;

  /* An empty year offers the previous one. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "budget.next-year", NULL);
  spin ();
  g_assert_cmpint (tsu_budget_view_get_fiscal_year (f->view), ==, 2024);
  g_assert_cmpuint (n_lines (f), ==, 0);
  copy_button = find_button (GTK_WIDGET (f->view), "_Copy from 令和5年度");
  g_assert_nonnull (copy_button);
  g_assert_true (gtk_widget_is_visible (copy_button));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "budget.previous-year", NULL);
  spin ();
  g_assert_cmpint (tsu_budget_view_get_fiscal_year (f->view), ==, 2023);
  g_assert_cmpuint (n_lines (f), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "budget.copy-to-next-year", NULL);
  spin ();
  question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Copy 2 Lines of 令和5年度 into 令和6年度?");
  adw_message_dialog_response (question, "copy");
  spin ();

  g_assert_cmpint (tsu_budget_view_get_fiscal_year (f->view), ==, 2024);
  g_assert_cmpuint (n_lines (f), ==, 2);
  g_assert_cmpstr (label_text (f, "budget-total"), ==, "1,623,120 yen");
  copies = tsu_budget_line_load_for_fiscal_year (f->db, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copies->len, ==, 2);
  for (guint i = 0; i < copies->len; i++)
    g_assert_true (tsu_budget_line_get_draft (g_ptr_array_index (copies, i)));
  /* Drafts carry their tag in the table. */
  g_assert_nonnull (find_label (GTK_WIDGET (f->column_view), "Draft"));
  g_assert_nonnull (find_label (gtk_widget_get_parent (GTK_WIDGET (f->view)),
                                "Copied 2 lines into 令和6年度 as drafts"));
  /* The originals stay. */
  g_assert_cmpuint (n_stored_lines (f->db, 2023), ==, 2);
}

/* Delete takes the line away at once; the toast's Undo brings it back. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *undo;

  select_line (f, f->novelty_id);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "budget.delete", NULL);
  spin ();
  g_assert_cmpuint (n_lines (f), ==, 1);
  g_assert_cmpuint (n_stored_lines (f->db, 2023), ==, 1);
  g_assert_cmpstr (label_text (f, "budget-total"), ==, "1,158,120 yen");
  /* The remaining line is selected, so the keyboard stays in the table. */
  g_assert_cmpint (tsu_budget_line_get_id (selected (f)), ==, f->bus_id);

  undo = find_button (gtk_widget_get_parent (GTK_WIDGET (f->view)), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  spin ();
  g_assert_cmpuint (n_lines (f), ==, 2);
  g_assert_cmpuint (n_stored_lines (f->db, 2023), ==, 2);
  g_assert_cmpstr (label_text (f, "budget-total"), ==, "1,623,120 yen");
}

/* A year of many lines: the table shows a page of them at first, the
 * subtotals the ten biggest contractors and one row for the rest. */
static void
test_large_year (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *others, *subtotals, *search, *focus;

  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("事業%u", i);
      g_autofree char *contractor = g_strdup_printf ("契約先%u", i <= 12 ? i : 12);

      add_line (f->db, 2024, name, contractor, 1000 * (gint64) i, 0);
    }
  gtk_widget_activate_action (GTK_WIDGET (f->view), "budget.next-year", NULL);
  spin ();
  g_assert_cmpint (tsu_budget_view_get_fiscal_year (f->view), ==, 2024);
  g_assert_cmpuint (n_lines (f), ==, 50);
  g_assert_cmpuint (n_stored_lines (f->db, 2024), ==, 60);

  /* 契約先12 has lines 12–60, the biggest; 契約先1 and 2 the smallest. */
  others = find_label (GTK_WIDGET (f->view), "2 other contractors");
  g_assert_nonnull (others);
  subtotals = gtk_widget_get_ancestor (others, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (find_label (subtotals, "契約先12"));
  g_assert_nonnull (find_label (subtotals, "契約先3"));
  g_assert_null (find_label (subtotals, "契約先2"));
  g_assert_null (find_label (subtotals, "契約先1"));
  g_assert_nonnull (find_label (subtotals, "3,000 yen"));

  /* Ctrl+F puts the keyboard in the search, which finds by contractor
   * in any width; the totals stay those of the year. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "budget.focus-search", NULL);
  spin ();
  search = find_widget (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY, "budget-search");
  g_assert_nonnull (search);
  focus = gtk_root_get_focus (gtk_widget_get_root (search));
  g_assert_nonnull (focus);
  g_assert_true (focus == search || gtk_widget_is_ancestor (focus, search));
  gtk_editable_set_text (GTK_EDITABLE (search), "契約先３");
  g_signal_emit_by_name (search, "search-changed");
  spin ();
  g_assert_cmpuint (n_lines (f), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "事業");
  g_signal_emit_by_name (search, "search-changed");
  spin ();
  g_assert_cmpuint (n_lines (f), ==, 50);
  gtk_editable_set_text (GTK_EDITABLE (search), "どこにもない");
  g_signal_emit_by_name (search, "search-changed");
  spin ();
  g_assert_cmpuint (n_lines (f), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  spin ();
  g_assert_cmpuint (n_lines (f), ==, 50);
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

  g_test_add ("/budget-view/lines-and-totals", Fixture, NULL,
              fixture_set_up, test_lines_and_totals, fixture_tear_down);
  g_test_add ("/budget-view/payments", Fixture, NULL,
              fixture_set_up, test_payments, fixture_tear_down);
  g_test_add ("/budget-view/copy-year", Fixture, NULL,
              fixture_set_up, test_copy_year, fixture_tear_down);
  g_test_add ("/budget-view/delete-undo", Fixture, NULL,
              fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/budget-view/large-year", Fixture, NULL,
              fixture_set_up, test_large_year, fixture_tear_down);
  return g_test_run ();
}
