/* tsu-budget-view.c: the budget ledger (事業費・予算), one fiscal year at
 * a time.
 *
 * Top, the year switcher and the actions. Left, the year's lines in a
 * column view sorted by the column headers (table order by default), the
 * year's totals under it, then a bar chart of budget against paid per
 * line beside the subtotals by contractor and by pillar. The column view
 * shows the first LINES_PAGE lines in their order and a page more each time
 * it is scrolled to the end: a GtkColumnView (GTK 4.8) builds 200 rows of
 * cells whatever its height, and a year of a large council has hundreds
 * of lines. Right, the
 * selected line: its text, its payments (added, edited and deleted here)
 * and the events that name it as their budget line. Everything is read
 * again when the database says it changed, keeping the selection, so the
 * totals can never disagree with the rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "tsu-amount.h"
#include "tsu-application.h"
#include "tsu-audit.h"
#include "tsu-bar-chart.h"
#include "tsu-budget-line.h"
#include "tsu-budget-line-editor.h"
#include "tsu-budget-report.h"
#include "tsu-budget-view.h"
#include "tsu-date.h"
#include "tsu-event.h"
#include "tsu-export.h"
#include "tsu-history-window.h"
#include "tsu-kana.h"
#include "tsu-payment.h"
#include "tsu-payment-editor.h"
#include "tsu-print.h"
#include "tsu-view-support.h"

/* Rows the column view shows at first, and adds each time it reaches its
 * end. */
#define LINES_PAGE 50

/* Contractors with a subtotal row of their own, the biggest first; a
 * council has a handful, a large year hundreds, each row a few widgets. */
#define CONTRACTORS_SHOWN 10

typedef enum
{
  COLUMN_NAME,
  COLUMN_CONTRACTOR,
  COLUMN_PILLARS,
  COLUMN_FUNDING,
  COLUMN_AMOUNT,
  COLUMN_PAID,
  COLUMN_REMAINING,
  N_COLUMNS
} Column;

struct _TsuBudgetView
{
  AdwBin               parent_instance;

  /* template widgets */
  GtkBox              *main_box;
  GtkDropDown         *year_dropdown;
  GtkSearchEntry      *search_entry;
  GtkStack            *main_stack;
  AdwStatusPage       *empty_page;
  GtkButton           *empty_copy_button;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkLabel            *count_label;
  GtkLabel            *budget_total_label;
  GtkLabel            *paid_total_label;
  GtkLabel            *remaining_total_label;
  GtkBox              *chart_box;
  GtkListBox          *contractor_list;
  GtkListBox          *pillar_list;
  GtkStack            *detail_stack;
  GtkLabel            *detail_title;
  GtkLabel            *detail_draft;
  GtkLabel            *detail_budget;
  GtkLabel            *detail_paid;
  GtkLabel            *detail_remaining;
  GtkListBox          *detail_list;
  GtkListBox          *payment_list;
  GtkListBox          *event_list;

  /* borrowed: a child of chart_box */
  TsuBarChart         *chart;

  /* owned */
  TsuDatabase         *database;
  GSettings           *settings;        /* NULL without the installed schema */
  GListStore          *store;           /* TsuBudgetLine, in table order */
  GtkCustomFilter     *filter;          /* the search */
  GtkSortListModel    *sorted;          /* what the search lets through */
  GtkSliceListModel   *shown;           /* the first rows of sorted */
  GtkSingleSelection  *selection;
  GArray              *years;           /* int, as in the drop-down */
  GArray              *years_with_lines;
  GPtrArray           *events;          /* TsuEvent of the year */
  GPtrArray           *payments;        /* TsuPayment of the selected line */
  char                *needle;          /* normalised search text */
  int                  year;
  gint64               selected_id;
  gboolean             year_chosen;     /* by the user or the caller */
  gboolean             reloading;
  gboolean             updating_years;
  gboolean             exporting;
  gboolean             stale;          /* to be loaded when next shown */
};

G_DEFINE_FINAL_TYPE (TsuBudgetView, tsu_budget_view, ADW_TYPE_BIN)

static void reload      (TsuBudgetView *self);
static void show_detail (TsuBudgetView *self);

static TsuDateStyle
date_style (TsuBudgetView *self)
{
  return tsu_settings_get_date_style (self->settings);
}

static GtkWindow *
parent_window (TsuBudgetView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (TsuBudgetView *self,
           AdwToast      *toast)
{
  tsu_widget_add_toast (GTK_WIDGET (self), toast);
}

static void
show_error (TsuBudgetView *self,
            const char    *heading,
            const char    *body)
{
  tsu_widget_show_error (GTK_WIDGET (self), heading, body);
}

static int
current_fiscal_year (void)
{
  g_autofree char *today = tsu_date_today_iso ();
  GDate date;

  g_date_clear (&date, 1);
  if (!tsu_date_from_iso (today, &date))
    return 2000;
  return tsu_fiscal_year_of (&date);
}

static char *
year_text (TsuBudgetView *self,
           int            year)
{
  return tsu_fiscal_year_format (year, date_style (self));
}

/* "1,158,120円". */
static char *
yen_text (gint64 yen)
{
  g_autofree char *formatted = tsu_amount_format (yen);

  /* Translators: an amount of money, %s is "1,158,120" */
  return g_strdup_printf (_("%s yen"), formatted);
}

static gboolean
year_has_lines (TsuBudgetView *self,
                int            year)
{
  for (guint i = 0; self->years_with_lines != NULL && i < self->years_with_lines->len; i++)
    if (g_array_index (self->years_with_lines, int, i) == year)
      return TRUE;
  return FALSE;
}

static TsuBudgetLine *
selected_line (TsuBudgetView *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

/* Cells -------------------------------------------------------------------- */

static gboolean
is_amount_column (Column column)
{
  return column == COLUMN_AMOUNT || column == COLUMN_PAID || column == COLUMN_REMAINING;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (is_amount_column (column))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0);

  if (column == COLUMN_NAME)
    {
      /* A draft carries a tag after its name, so an unconfirmed copy of
       * last year is never mistaken for this year's plan. */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *tag = gtk_label_new (_("Draft"));

      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "warning");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), tag);
      gtk_list_item_set_child (item, box);
    }
  else
    gtk_list_item_set_child (item, label);
}

static char *
cell_text (TsuBudgetLine *line,
           Column         column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (tsu_budget_line_get_name (line));
    case COLUMN_CONTRACTOR:
      return g_strdup (tsu_budget_line_get_contractor (line));
    case COLUMN_PILLARS:
      return tsu_pillars_to_text (tsu_budget_line_get_pillars (line));
    case COLUMN_FUNDING:
      return g_strdup (tsu_funding_to_label (tsu_budget_line_get_funding (line)));
    case COLUMN_AMOUNT:
      return tsu_amount_format (tsu_budget_line_get_amount (line));
    case COLUMN_PAID:
      return tsu_amount_format (tsu_budget_line_get_paid (line));
    case COLUMN_REMAINING:
      {
        gint64 remaining = tsu_budget_line_get_remaining (line);
        g_autofree char *text = tsu_amount_format (remaining < 0 ? -remaining : remaining);

        /* tsu_amount_format() writes amounts, which are never negative;
         * an overspent line shows the minus sign here. */
        return remaining < 0 ? g_strconcat ("−", text, NULL) : g_steal_pointer (&text);
      }
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  TsuBudgetLine *line = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = column == COLUMN_NAME ? gtk_widget_get_first_child (child) : child;
  g_autofree char *text = cell_text (line, column);

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  if (column == COLUMN_NAME || column == COLUMN_CONTRACTOR)
    gtk_widget_set_tooltip_text (label, text && *text ? text : NULL);
  if (column == COLUMN_NAME)
    gtk_widget_set_visible (gtk_widget_get_last_child (child), tsu_budget_line_get_draft (line));
  if (column == COLUMN_REMAINING)
    {
      if (tsu_budget_line_get_remaining (line) < 0)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
    }
}

/* Sorting ------------------------------------------------------------------ */

static int
compare_lines (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  TsuBudgetLine *x = (TsuBudgetLine *) a;
  TsuBudgetLine *y = (TsuBudgetLine *) b;
  Column column = GPOINTER_TO_INT (user_data);
  gint64 result = 0;

  switch (column)
    {
    case COLUMN_NAME:
      break;
    case COLUMN_CONTRACTOR:
      result = g_utf8_collate (tsu_budget_line_get_contractor (x) ? tsu_budget_line_get_contractor (x) : "",
                               tsu_budget_line_get_contractor (y) ? tsu_budget_line_get_contractor (y) : "");
      break;
    case COLUMN_PILLARS:
      {
        /* By the first pillar: ① before ②, none last. */
        guint px = tsu_budget_line_get_pillars (x);
        guint py = tsu_budget_line_get_pillars (y);
        int fx = px ? g_bit_nth_lsf (px, -1) : 99;
        int fy = py ? g_bit_nth_lsf (py, -1) : 99;

        result = fx != fy ? fx - fy : (gint64) px - (gint64) py;
      }
      break;
    case COLUMN_FUNDING:
      result = (int) tsu_budget_line_get_funding (x) - (int) tsu_budget_line_get_funding (y);
      break;
    case COLUMN_AMOUNT:
      result = tsu_budget_line_get_amount (x) - tsu_budget_line_get_amount (y);
      break;
    case COLUMN_PAID:
      result = tsu_budget_line_get_paid (x) - tsu_budget_line_get_paid (y);
      break;
    case COLUMN_REMAINING:
      result = tsu_budget_line_get_remaining (x) - tsu_budget_line_get_remaining (y);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  /* Ties (and the name column) keep the table's order, which is the
   * order finance reads the sheet in. */
  if (result == 0)
    result = (gint64) tsu_budget_line_get_position (x) - (gint64) tsu_budget_line_get_position (y);
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Years -------------------------------------------------------------------- */

static int
compare_years_descending (gconstpointer a,
                          gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return (x < y) - (x > y);
}

static void
add_year (GArray *years,
          int     year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == year)
      return;
  g_array_append_val (years, year);
}

/* The drop-down lists the years with lines, this fiscal year and the year
 * shown, newest first. */
static void
update_years (TsuBudgetView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->years, 0);
  for (guint i = 0; self->years_with_lines != NULL && i < self->years_with_lines->len; i++)
    add_year (self->years, g_array_index (self->years_with_lines, int, i));
  add_year (self->years, current_fiscal_year ());
  add_year (self->years, self->year);
  g_array_sort (self->years, compare_years_descending);

  for (guint i = 0; i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);
      g_autofree char *label = year_text (self, year);

      gtk_string_list_append (labels, label);
      if (year == self->year)
        selected = i;
    }
  self->updating_years = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->updating_years = FALSE;
}

static void
on_year_selected (TsuBudgetView *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating_years || selected == GTK_INVALID_LIST_POSITION || selected >= self->years->len)
    return;
  tsu_budget_view_set_fiscal_year (self, g_array_index (self->years, int, selected));
}

/* Footer, subtotals, chart ------------------------------------------------- */

static void
update_footer (TsuBudgetView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gint64 budget = 0, paid = 0, remaining;
  g_autofree char *count = NULL;
  g_autofree char *budget_text = NULL;
  g_autofree char *paid_text = NULL;
  g_autofree char *remaining_text = NULL;
  g_autofree char *year = year_text (self, self->year);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      budget += tsu_budget_line_get_amount (line);
      paid += tsu_budget_line_get_paid (line);
    }
  remaining = budget - paid;

  /* Translators: the footer of the budget table: 令和5年度 計 (9 lines) */
  count = g_strdup_printf (ngettext ("Total of %s (%u line)",
                                        "Total of %s (%u lines)", n),
                           year, n);
  gtk_label_set_text (self->count_label, count);
  budget_text = yen_text (budget);
  paid_text = yen_text (paid);
  if (remaining < 0)
    {
      g_autofree char *over = yen_text (-remaining);

      remaining_text = g_strconcat ("−", over, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self->remaining_total_label), "error");
    }
  else
    {
      remaining_text = yen_text (remaining);
      gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_total_label), "error");
    }
  gtk_label_set_text (self->budget_total_label, budget_text);
  gtk_label_set_text (self->paid_total_label, paid_text);
  gtk_label_set_text (self->remaining_total_label, remaining_text);
}

/* Removes the rows, not the placeholder. */
static void
clear_list_box (GtkListBox *box)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (box, 0)) != NULL)
    gtk_list_box_remove (box, GTK_WIDGET (row));
}

static GtkWidget *
amount_row (const char *title,
            const char *subtitle,
            gint64      yen)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = yen_text (yen);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

typedef struct
{
  char   *contractor;
  gint64  amount;
  guint   n_lines;
} Subtotal;

static void
subtotal_free (Subtotal *subtotal)
{
  g_free (subtotal->contractor);
  g_free (subtotal);
}

static int
compare_subtotals (gconstpointer a,
                   gconstpointer b)
{
  const Subtotal *x = *(Subtotal * const *) a;
  const Subtotal *y = *(Subtotal * const *) b;

  /* The biggest contractors first. */
  return (x->amount < y->amount) - (x->amount > y->amount);
}

static void
update_subtotals (TsuBudgetView *self)
{
  g_autoptr(GPtrArray) subtotals = g_ptr_array_new_with_free_func ((GDestroyNotify) subtotal_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gint64 pillar_amounts[5] = { 0 };   /* ①–④, then none */
  guint pillar_lines[5] = { 0 };

  clear_list_box (self->contractor_list);
  clear_list_box (self->pillar_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const char *contractor = tsu_budget_line_get_contractor (line);
      guint pillars = tsu_budget_line_get_pillars (line);
      gint64 amount = tsu_budget_line_get_amount (line);
      Subtotal *subtotal;

      if (contractor == NULL)
        contractor = "";
      subtotal = g_hash_table_lookup (by_name, contractor);
      if (subtotal == NULL)
        {
          subtotal = g_new0 (Subtotal, 1);
          subtotal->contractor = g_strdup (contractor);
          g_ptr_array_add (subtotals, subtotal);
          g_hash_table_insert (by_name, subtotal->contractor, subtotal);
        }
      subtotal->amount += amount;
      subtotal->n_lines++;

      for (guint p = 0; p < 4; p++)
        if (pillars & (1u << p))
          {
            pillar_amounts[p] += amount;
            pillar_lines[p]++;
          }
      if ((pillars & TSU_PILLARS_ALL) == 0)
        {
          pillar_amounts[4] += amount;
          pillar_lines[4]++;
        }
    }

  g_ptr_array_sort (subtotals, compare_subtotals);
  for (guint i = 0; i < MIN (subtotals->len, CONTRACTORS_SHOWN); i++)
    {
      Subtotal *subtotal = g_ptr_array_index (subtotals, i);
      g_autofree char *lines = g_strdup_printf (ngettext ("%u line", "%u lines",
                                                             subtotal->n_lines),
                                                subtotal->n_lines);

      gtk_list_box_append (self->contractor_list,
                           amount_row (*subtotal->contractor ? subtotal->contractor
                                                             : _("No contractor"),
                                       lines, subtotal->amount));
    }
  /* The rest in one row: the full list is in the budget sheet. */
  if (subtotals->len > CONTRACTORS_SHOWN)
    {
      guint others = subtotals->len - CONTRACTORS_SHOWN;
      guint n_lines = 0;
      gint64 amount = 0;
      g_autofree char *title = NULL;
      g_autofree char *lines = NULL;

      for (guint i = CONTRACTORS_SHOWN; i < subtotals->len; i++)
        {
          Subtotal *subtotal = g_ptr_array_index (subtotals, i);

          amount += subtotal->amount;
          n_lines += subtotal->n_lines;
        }
      /* Translators: the contractors beyond the biggest ones, e.g. 他の契約先 12件 */
      title = g_strdup_printf (ngettext ("%u other contractor", "%u other contractors", others), others);
      lines = g_strdup_printf (ngettext ("%u line", "%u lines", n_lines), n_lines);
      gtk_list_box_append (self->contractor_list, amount_row (title, lines, amount));
    }

  for (guint p = 0; p < 5; p++)
    {
      g_autofree char *title = NULL;
      g_autofree char *lines = NULL;

      if (pillar_lines[p] == 0)
        continue;
      title = p < 4 ? tsu_pillars_to_text (1u << p) : g_strdup (_("No pillar"));
      lines = g_strdup_printf (ngettext ("%u line", "%u lines", pillar_lines[p]),
                               pillar_lines[p]);
      gtk_list_box_append (self->pillar_list, amount_row (title, lines, pillar_amounts[p]));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->contractor_list), subtotals->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->pillar_list), n > 0);
}

static char *
format_chart_value (double   value,
                    gpointer user_data)
{
  return yen_text ((gint64) value);
}

static void
update_chart (TsuBudgetView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autoptr(GPtrArray) names = g_ptr_array_new_full (n + 1, NULL);
  g_autofree double *budget = g_new0 (double, MAX (n, 1));
  g_autofree double *paid = g_new0 (double, MAX (n, 1));
  /* Adwaita's blue 3 and green 4. */
  GdkRGBA budget_rgba = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0 };
  GdkRGBA paid_rgba = { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1.0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      /* The store keeps the line, so its name outlives the array. */
      g_ptr_array_add (names, (gpointer) tsu_budget_line_get_name (line));
      budget[i] = (double) tsu_budget_line_get_amount (line);
      paid[i] = (double) tsu_budget_line_get_paid (line);
    }
  g_ptr_array_add (names, NULL);

  tsu_bar_chart_set_categories (self->chart, (const char * const *) names->pdata);
  tsu_bar_chart_add_series (self->chart, _("Budget Allocation"), &budget_rgba, budget, n);
  tsu_bar_chart_add_series (self->chart, _("Paid"), &paid_rgba, paid, n);
}

/* Detail ------------------------------------------------------------------- */

static void
add_detail_row (GtkListBox *box,
                const char *title,
                const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (box, row);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *action_name,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

static void
show_payments (TsuBudgetView *self,
               TsuBudgetLine *line)
{
  g_autoptr(GError) error = NULL;

  clear_list_box (self->payment_list);
  g_clear_pointer (&self->payments, g_ptr_array_unref);
  self->payments = tsu_payment_load_for_line (self->database, tsu_budget_line_get_id (line), &error);
  if (self->payments == NULL)
    {
      g_warning ("Could not load the payments: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->payments->len; i++)
    {
      TsuPayment *payment = g_ptr_array_index (self->payments, i);
      g_autofree char *amount = yen_text (tsu_payment_get_amount (payment));
      g_autofree char *date = tsu_date_format_iso (tsu_payment_get_paid_on (payment), date_style (self));
      const char *memo = tsu_payment_get_memo (payment);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      subtitle = memo && *memo ? g_strdup_printf ("%s　%s", date ? date : "", memo)
                               : g_strdup (date ? date : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amount);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("document-edit-symbolic", _("Edit Payment"),
                                              "budget.edit-payment", tsu_payment_get_id (payment)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("user-trash-symbolic", _("Delete Payment"),
                                              "budget.delete-payment", tsu_payment_get_id (payment)));
      gtk_list_box_append (self->payment_list, row);
    }
}

/* Events name their line by its text until lines are linked by id; they
 * belong to it within the same fiscal year. */
static void
show_events (TsuBudgetView *self,
             TsuBudgetLine *line)
{
  g_autofree char *name = g_strstrip (g_strdup (tsu_budget_line_get_name (line)));

  clear_list_box (self->event_list);
  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    {
      TsuEvent *event = g_ptr_array_index (self->events, i);
      g_autofree char *budget_line = g_strstrip (g_strdup (tsu_event_get_budget_line (event)
                                                           ? tsu_event_get_budget_line (event) : ""));
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      GtkWidget *row;

      if (*name == '\0' || !g_str_equal (budget_line, name))
        continue;
      title = tsu_event_dup_display_title (event);
      when = tsu_event_dup_when_text (event, date_style (self));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      gtk_list_box_append (self->event_list, row);
    }
}

static void
update_actions (TsuBudgetView *self)
{
  TsuBudgetLine *line = selected_line (self);
  gboolean has_db = self->database != NULL;
  gboolean has_lines = g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.add", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.edit", line != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.delete", line != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.history", line != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.add-payment", line != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.copy-to-next-year", has_db && has_lines);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.copy-from-previous",
                                 has_db && !has_lines && year_has_lines (self, self->year - 1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.print", has_db && has_lines);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.export",
                                 has_db && has_lines && !self->exporting);
}

static void
show_detail (TsuBudgetView *self)
{
  TsuBudgetLine *line = selected_line (self);
  g_autofree char *pillars = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *remaining = NULL;
  gint64 left;

  update_actions (self);
  if (line == NULL || self->database == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      clear_list_box (self->payment_list);
      g_clear_pointer (&self->payments, g_ptr_array_unref);
      return;
    }

  gtk_label_set_text (self->detail_title, tsu_budget_line_get_name (line));
  gtk_widget_set_visible (GTK_WIDGET (self->detail_draft), tsu_budget_line_get_draft (line));

  clear_list_box (self->detail_list);
  amount = yen_text (tsu_budget_line_get_amount (line));
  paid = yen_text (tsu_budget_line_get_paid (line));
  left = tsu_budget_line_get_remaining (line);
  if (left < 0)
    {
      g_autofree char *over = yen_text (-left);

      remaining = g_strconcat ("−", over, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self->detail_remaining), "error");
    }
  else
    {
      remaining = yen_text (left);
      gtk_widget_remove_css_class (GTK_WIDGET (self->detail_remaining), "error");
    }
  gtk_label_set_text (self->detail_budget, amount);
  gtk_label_set_text (self->detail_paid, paid);
  gtk_label_set_text (self->detail_remaining, remaining);
  pillars = tsu_pillars_to_text (tsu_budget_line_get_pillars (line));
  add_detail_row (self->detail_list, _("Contractor"), tsu_budget_line_get_contractor (line));
  add_detail_row (self->detail_list, _("Timing"), tsu_budget_line_get_timing (line));
  add_detail_row (self->detail_list, _("Funding"),
                  tsu_funding_to_label (tsu_budget_line_get_funding (line)));
  add_detail_row (self->detail_list, _("Policy Pillars"), pillars);
  add_detail_row (self->detail_list, _("Description"), tsu_budget_line_get_description (line));
  add_detail_row (self->detail_list, _("Purpose and Expected Effect"), tsu_budget_line_get_purpose (line));

  show_payments (self, line);
  show_events (self, line);
  gtk_stack_set_visible_child_name (self->detail_stack, "line");
}

static void
on_selection_changed (TsuBudgetView *self)
{
  TsuBudgetLine *line;

  if (self->reloading)
    return;
  line = selected_line (self);
  self->selected_id = line ? tsu_budget_line_get_id (line) : 0;
  show_detail (self);
}

static void
select_line (TsuBudgetView *self,
             gint64         id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint position = n > 0 ? 0 : GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n && id != 0; i++)
    {
      g_autoptr(TsuBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (tsu_budget_line_get_id (line) == id)
        {
          position = i;
          break;
        }
    }
  self->reloading = TRUE;
  /* The list shows as far as the line. */
  tsu_paged_slice_show_position (self->shown, position);
  gtk_single_selection_set_selected (self->selection, position);
  self->reloading = FALSE;
  on_selection_changed (self);
}

/* Search ------------------------------------------------------------------- */

/* A line matches by its name, contractor or description, kana and width
 * ignored as everywhere else. */
static gboolean
match_line (gpointer item,
            gpointer user_data)
{
  TsuBudgetView *self = user_data;
  TsuBudgetLine *line = item;
  const char *texts[] = {
    tsu_budget_line_get_name (line),
    tsu_budget_line_get_contractor (line),
    tsu_budget_line_get_description (line),
  };

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *key = texts[i] != NULL ? tsu_kana_normalize (texts[i]) : NULL;

      if (key != NULL && strstr (key, self->needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
on_search_changed (TsuBudgetView *self)
{
  g_free (self->needle);
  self->needle = tsu_kana_normalize (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  tsu_paged_slice_reset (self->shown);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  tsu_budget_view_focus_search (TSU_BUDGET_VIEW (widget));
}

/* Loading ------------------------------------------------------------------ */

static void
update_empty_state (TsuBudgetView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0;
  g_autofree char *year = year_text (self, self->year);
  g_autofree char *title = NULL;

  /* Translators: %s is a fiscal year, 令和6年度 */
  title = g_strdup_printf (_("No Budget Lines for %s"), year);
  adw_status_page_set_title (self->empty_page, title);
  if (year_has_lines (self, self->year - 1))
    {
      g_autofree char *previous = year_text (self, self->year - 1);
      /* Translators: a button; %s is the fiscal year before, 令和5年度 */
      g_autofree char *label = g_strdup_printf (_("_Copy from %s"), previous);

      gtk_button_set_label (self->empty_copy_button, label);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_copy_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->empty_copy_button), FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "lines");
}

static void
reload_now (TsuBudgetView *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = self->selected_id;

  g_clear_pointer (&self->years_with_lines, g_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  if (self->database != NULL)
    {
      self->years_with_lines = tsu_budget_line_list_fiscal_years (self->database, &error);
      if (self->years_with_lines == NULL)
        {
          g_warning ("Could not list the fiscal years: %s", error->message);
          g_clear_error (&error);
        }
      if (!self->year_chosen)
        {
          /* This year if it has a budget yet, else the latest that has. */
          self->year = current_fiscal_year ();
          if (!year_has_lines (self, self->year) && self->years_with_lines != NULL
              && self->years_with_lines->len > 0)
            self->year = g_array_index (self->years_with_lines, int, 0);
          self->year_chosen = TRUE;
        }
      lines = tsu_budget_line_load_for_fiscal_year (self->database, self->year, &error);
      if (lines == NULL)
        {
          show_error (self, _("Could Not Load the Budget"), error->message);
          g_clear_error (&error);
        }
      self->events = tsu_event_load_for_fiscal_year (self->database, self->year, &error);
      if (self->events == NULL)
        g_warning ("Could not load the events: %s", error->message);
    }
  if (lines == NULL)
    lines = g_ptr_array_new_with_free_func (g_object_unref);

  /* The rows are made again; the selection comes back afterwards. */
  self->reloading = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       lines->pdata, lines->len);
  self->reloading = FALSE;

  update_years (self);
  update_footer (self);
  update_subtotals (self);
  update_chart (self);
  update_empty_state (self);
  select_line (self, keep);
}

/* A view behind another is loaded when it is next shown: with a large
 * file, loading every view at start (or on every change) would cost
 * seconds and memory for lists nobody looks at. */
static void
reload (TsuBudgetView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  reload_now (self);
}

static void
tsu_budget_view_map (GtkWidget *widget)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);

  GTK_WIDGET_CLASS (tsu_budget_view_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
on_database_changed (TsuDatabase   *database,
                     const char    *table,
                     TsuBudgetView *self)
{
  /* People, attendees and minutes are not shown here. */
  if (g_strcmp0 (table, "people") == 0 || g_strcmp0 (table, "attendees") == 0
      || g_strcmp0 (table, "minutes") == 0)
    return;
  reload (self);
}

static void
on_settings_changed (GSettings     *settings,
                     const char    *key,
                     TsuBudgetView *self)
{
  if (g_str_equal (key, "date-style"))
    reload (self);
}

/* Lines -------------------------------------------------------------------- */

static void
on_line_saved (TsuBudgetLineEditor *editor,
               TsuBudgetLine       *line,
               TsuBudgetView       *self)
{
  /* A line moved to another year is followed there. */
  self->selected_id = tsu_budget_line_get_id (line);
  if (tsu_budget_line_get_fiscal_year (line) != self->year)
    {
      self->year = tsu_budget_line_get_fiscal_year (line);
      self->year_chosen = TRUE;
    }
  reload (self);
}

static void
open_line_editor (TsuBudgetView *self,
                  TsuBudgetLine *line)
{
  TsuBudgetLineEditor *editor;

  if (self->database == NULL)
    return;
  editor = tsu_budget_line_editor_new (parent_window (self), self->database, line, self->year);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_line_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  tsu_budget_view_add_line (TSU_BUDGET_VIEW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);
  TsuBudgetLine *line = selected_line (self);

  if (line != NULL)
    open_line_editor (self, line);
}

static void
on_column_view_activate (TsuBudgetView *self,
                         guint          position)
{
  g_autoptr(TsuBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (line != NULL)
    open_line_editor (self, line);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);
  TsuBudgetLine *selected = selected_line (self);
  g_autoptr(TsuBudgetLine) line = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint position = gtk_single_selection_get_selected (self->selection);
  gint64 change;
  guint n;

  if (selected == NULL || self->database == NULL)
    return;
  line = g_object_ref (selected);
  if (!tsu_budget_line_delete (self->database, tsu_budget_line_get_id (line), &error))
    {
      show_error (self, _("Could Not Delete the Budget Line"), error->message);
      return;
    }
  change = tsu_database_get_last_change (self->database);

  /* Keep the keyboard where it was: select the row that moved up. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  if (n > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(TsuBudgetLine) next = g_list_model_get_item (G_LIST_MODEL (self->sorted),
                                                             MIN (position, n - 1));

      select_line (self, tsu_budget_line_get_id (next));
    }

  /* Translators: %s is the name of the deleted budget line; shown with an
   * Undo button */
  text = g_strdup_printf (_("Deleted “%s”"), tsu_budget_line_get_name (line));
  tsu_widget_add_undo_toast (GTK_WIDGET (self), self->database, change, text);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);
  TsuBudgetLine *line = selected_line (self);

  if (line == NULL || self->database == NULL)
    return;
  tsu_history_window_present_for (widget, self->database, "budget_lines",
                                  tsu_budget_line_get_id (line), tsu_budget_line_get_name (line));
}

/* Copying a year ------------------------------------------------------------ */

static void
on_copy_response (AdwMessageDialog *dialog,
                  const char       *response,
                  TsuBudgetView    *self)
{
  int from = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "tsu-from"));
  int to = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "tsu-to"));
  g_autoptr(GError) error = NULL;
  g_autofree char *to_text = NULL;
  int copied;

  if (!g_str_equal (response, "copy") || self->database == NULL)
    return;
  copied = tsu_budget_line_copy_year (self->database, from, to, &error);
  if (copied < 0)
    {
      show_error (self, _("Could Not Copy the Budget Lines"), error->message);
      return;
    }

  to_text = year_text (self, to);
  tsu_budget_view_set_fiscal_year (self, to);
  if (copied == 0)
    /* Translators: %s is a fiscal year, 令和6年度 */
    add_toast (self, adw_toast_new_format (_("%s already has every line"), to_text));
  else
    add_toast (self, adw_toast_new_format (ngettext ("Copied %d line into %s as a draft",
                                                        "Copied %d lines into %s as drafts",
                                                        (gulong) copied),
                                           copied, to_text));
}

static void
confirm_copy (TsuBudgetView *self,
              int            from,
              int            to)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_text = year_text (self, from);
  g_autofree char *to_text = year_text (self, to);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->database == NULL)
    return;
  lines = tsu_budget_line_load_for_fiscal_year (self->database, from, &error);
  if (lines == NULL)
    {
      show_error (self, _("Could Not Copy the Budget Lines"), error->message);
      return;
    }
  if (lines->len == 0)
    return;

  /* Translators: %u is a number of budget lines, the first %s the fiscal
   * year they are in, the second the year they go to */
  heading = g_strdup_printf (ngettext ("Copy %u Line of %s into %s?",
                                          "Copy %u Lines of %s into %s?",
                                          lines->len),
                             lines->len, from_text, to_text);
  dialog = adw_message_dialog_new (parent_window (self), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The copies are drafts until you confirm each of them. "
                                    "Payments are not copied, and lines whose names %s "
                                    "already has are skipped."),
                                  to_text);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "copy", _("_Copy as Drafts"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "tsu-from", GINT_TO_POINTER (from));
  g_object_set_data (G_OBJECT (dialog), "tsu-to", GINT_TO_POINTER (to));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_copy_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_to_next_year_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);

  confirm_copy (self, self->year, self->year + 1);
}

static void
copy_from_previous_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);

  confirm_copy (self, self->year - 1, self->year);
}

static void
previous_year_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);

  tsu_budget_view_set_fiscal_year (self, self->year - 1);
}

static void
next_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);

  tsu_budget_view_set_fiscal_year (self, self->year + 1);
}

/* Payments ----------------------------------------------------------------- */

static TsuPayment *
find_payment (TsuBudgetView *self,
              gint64         id)
{
  for (guint i = 0; self->payments != NULL && i < self->payments->len; i++)
    {
      TsuPayment *payment = g_ptr_array_index (self->payments, i);

      if (tsu_payment_get_id (payment) == id)
        return payment;
    }
  return NULL;
}

static void
open_payment_editor (TsuBudgetView *self,
                     TsuPayment    *payment)
{
  TsuBudgetLine *line = selected_line (self);
  TsuPaymentEditor *editor;

  if (line == NULL || self->database == NULL)
    return;
  /* The view reloads on the database's "changed"; nothing to do on
   * "saved". */
  editor = tsu_payment_editor_new (parent_window (self), self->database, line, payment);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_payment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_payment_editor (TSU_BUDGET_VIEW (widget), NULL);
}

static void
edit_payment_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);
  TsuPayment *payment = find_payment (self, g_variant_get_int64 (parameter));

  if (payment != NULL)
    open_payment_editor (self, payment);
}

static void
delete_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);
  TsuPayment *found = find_payment (self, g_variant_get_int64 (parameter));
  g_autoptr(TsuPayment) payment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  gint64 change;

  if (found == NULL || self->database == NULL)
    return;
  /* The list goes when the view reloads: keep a copy for the toast. */
  payment = tsu_payment_copy (found);
  if (!tsu_payment_delete (self->database, tsu_payment_get_id (payment), &error))
    {
      show_error (self, _("Could Not Delete the Payment"), error->message);
      return;
    }
  change = tsu_database_get_last_change (self->database);

  amount = yen_text (tsu_payment_get_amount (payment));
  /* Translators: %s is an amount, "1,000円"; shown with an Undo button */
  text = g_strdup_printf (_("Deleted the payment of %s"), amount);
  tsu_widget_add_undo_toast (GTK_WIDGET (self), self->database, change, text);
}

/* Print and export ---------------------------------------------------------- */

static void
report_options (TsuBudgetView          *self,
                TsuBudgetReportOptions *options)
{
  tsu_budget_report_options_init (options);
  options->date_style = date_style (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);
  TsuBudgetReportOptions options;
  g_autoptr(TsuTablePrint) printout = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;
  report_options (self, &options);
  printout = tsu_budget_report_new_printout (self->database, self->year, &options, &error);
  if (printout == NULL)
    {
      show_error (self, _("Could Not Print"), error->message);
      return;
    }
  tsu_print_table (parent_window (self), printout);
}

typedef struct
{
  int                     year;
  TsuBudgetReportOptions  options;
} ExportData;

static gboolean
write_workbook (TsuDatabase  *database,
                const char   *path,
                gpointer      user_data,
                GError      **error)
{
  ExportData *data = user_data;

  return tsu_budget_report_export_xlsx (database, data->year, &data->options, path, error);
}

static void
set_exporting (GtkWidget *widget,
               gboolean   exporting)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);

  self->exporting = exporting;
  update_actions (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (widget);
  g_autofree char *year = NULL;
  g_autofree char *name = NULL;
  ExportData *data;

  if (self->database == NULL || self->exporting)
    return;
  data = g_new0 (ExportData, 1);
  data->year = self->year;
  report_options (self, &data->options);
  year = year_text (self, self->year);
  /* Translators: file name of the exported budget sheet, followed by the
   * fiscal year: 予算配分_令和5年度.xlsx */
  name = g_strdup_printf ("%s_%s.xlsx", _("Budget Sheet"), year);
  tsu_export_workbook (widget, self->database, name, _("Could Not Export"),
                       write_workbook, data, g_free, set_exporting);
}

/* Class -------------------------------------------------------------------- */

static void
tsu_budget_view_dispose (GObject *object)
{
  TsuBudgetView *self = TSU_BUDGET_VIEW (object);

  /* Taking the rows down selects none; that is no user's choice. */
  self->reloading = TRUE;
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* The box is both the bin's child and a template child: let the bin
   * drop it first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_BUDGET_VIEW);
  self->chart = NULL;
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->years_with_lines, g_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->payments, g_ptr_array_unref);

  G_OBJECT_CLASS (tsu_budget_view_parent_class)->dispose (object);
}

static void
tsu_budget_view_class_init (TsuBudgetViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const column_ids[N_COLUMNS] = {
    "name_column", "contractor_column", "pillars_column", "funding_column",
    "amount_column", "paid_column", "remaining_column",
  };

  widget_class->map = tsu_budget_view_map;
  object_class->dispose = tsu_budget_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-budget-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuBudgetView, name)
  CHILD (main_box);
  CHILD (year_dropdown);
  CHILD (search_entry);
  CHILD (main_stack);
  CHILD (empty_page);
  CHILD (empty_copy_button);
  CHILD (column_view);
  CHILD (count_label);
  CHILD (budget_total_label);
  CHILD (paid_total_label);
  CHILD (remaining_total_label);
  CHILD (chart_box);
  CHILD (contractor_list);
  CHILD (pillar_list);
  CHILD (detail_stack);
  CHILD (detail_title);
  CHILD (detail_draft);
  CHILD (detail_budget);
  CHILD (detail_paid);
  CHILD (detail_remaining);
  CHILD (detail_list);
  CHILD (payment_list);
  CHILD (event_list);
#undef CHILD
  for (Column c = 0; c < N_COLUMNS; c++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[c], FALSE,
                                               G_STRUCT_OFFSET (TsuBudgetView, columns)
                                               + c * sizeof (GtkColumnViewColumn *));
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);

  gtk_widget_class_install_action (widget_class, "budget.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "budget.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "budget.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "budget.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "budget.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "budget.copy-to-next-year", NULL, copy_to_next_year_action);
  gtk_widget_class_install_action (widget_class, "budget.copy-from-previous", NULL, copy_from_previous_action);
  gtk_widget_class_install_action (widget_class, "budget.previous-year", NULL, previous_year_action);
  gtk_widget_class_install_action (widget_class, "budget.next-year", NULL, next_year_action);
  gtk_widget_class_install_action (widget_class, "budget.add-payment", NULL, add_payment_action);
  gtk_widget_class_install_action (widget_class, "budget.edit-payment", "x", edit_payment_action);
  gtk_widget_class_install_action (widget_class, "budget.delete-payment", "x", delete_payment_action);
  gtk_widget_class_install_action (widget_class, "budget.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "budget.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "budget.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "budget.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "budget.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "budget.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "budget.previous-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "budget.next-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "budget.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "budget.delete", NULL);
}

static void
tsu_budget_view_init (TsuBudgetView *self)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GtkWidget) placeholder = NULL;

  g_type_ensure (TSU_TYPE_BUDGET_LINE);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Tests and uninstalled runs may lack the schema: look it up softly. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "date-style"))
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
    }

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->year = current_fiscal_year ();

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_lines, GINT_TO_POINTER (c), NULL);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      gtk_column_view_column_set_factory (self->columns[c], factory);
      gtk_column_view_column_set_sorter (self->columns[c], GTK_SORTER (sorter));
      g_object_unref (factory);
      g_object_unref (sorter);
    }

  self->store = g_list_store_new (TSU_TYPE_BUDGET_LINE);
  self->filter = gtk_custom_filter_new (match_line, self, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                                                                   GTK_FILTER (g_object_ref (self->filter)))),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->shown = tsu_paged_slice_new (G_LIST_MODEL (g_object_ref (self->sorted)), LINES_PAGE,
                                     GTK_WIDGET (self->column_view));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);

  self->chart = TSU_BAR_CHART (tsu_bar_chart_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  tsu_bar_chart_set_title (self->chart, _("Budget and Paid per Line"));
  tsu_bar_chart_set_format_func (self->chart, format_chart_value, NULL, NULL);
  gtk_box_append (self->chart_box, GTK_WIDGET (self->chart));

  placeholder = g_object_ref_sink (gtk_label_new (_("No payments yet")));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->payment_list, placeholder);
  g_clear_object (&placeholder);
  placeholder = g_object_ref_sink (gtk_label_new (_("No events name this line")));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->event_list, placeholder);

  reload (self);
}

GtkWidget *
tsu_budget_view_new (void)
{
  return g_object_new (TSU_TYPE_BUDGET_VIEW, NULL);
}

void
tsu_budget_view_set_database (TsuBudgetView *self,
                              TsuDatabase   *database)
{
  g_return_if_fail (TSU_IS_BUDGET_VIEW (self));
  g_return_if_fail (database == NULL || TSU_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, 0);
  self->selected_id = 0;
  self->year_chosen = FALSE;
  reload (self);
}

void
tsu_budget_view_set_fiscal_year (TsuBudgetView *self,
                                 int            year)
{
  g_return_if_fail (TSU_IS_BUDGET_VIEW (self));

  self->year_chosen = TRUE;
  if (year == self->year)
    return;
  self->year = year;
  self->selected_id = 0;
  reload (self);
}

void
tsu_budget_view_show_line (TsuBudgetView *self,
                           int            year,
                           gint64         line_id)
{
  g_return_if_fail (TSU_IS_BUDGET_VIEW (self));

  /* The reload selects selected_id again, now or when next shown. */
  self->year_chosen = TRUE;
  self->year = year;
  self->selected_id = line_id;
  reload (self);
}

void
tsu_budget_view_focus_search (TsuBudgetView *self)
{
  g_return_if_fail (TSU_IS_BUDGET_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

int
tsu_budget_view_get_fiscal_year (TsuBudgetView *self)
{
  g_return_val_if_fail (TSU_IS_BUDGET_VIEW (self), 0);

  return self->year;
}

void
tsu_budget_view_add_line (TsuBudgetView *self)
{
  g_return_if_fail (TSU_IS_BUDGET_VIEW (self));

  open_line_editor (self, NULL);
}
