/* tsu-budget-view.h: the budget ledger (事業費・予算), one fiscal year at
 * a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_BUDGET_VIEW (tsu_budget_view_get_type ())
G_DECLARE_FINAL_TYPE (TsuBudgetView, tsu_budget_view, TSU, BUDGET_VIEW, AdwBin)

GtkWidget *tsu_budget_view_new             (void);
void       tsu_budget_view_set_database    (TsuBudgetView *self,
                                            TsuDatabase   *database);
/* Shows fiscal year @year (April–March). */
void       tsu_budget_view_set_fiscal_year (TsuBudgetView *self,
                                            int            year);
int        tsu_budget_view_get_fiscal_year (TsuBudgetView *self);
/* Puts the keyboard in the search of the year's lines (Ctrl+F). */
void       tsu_budget_view_focus_search    (TsuBudgetView *self);
/* Shows fiscal year @year with line @line_id selected (from the overview). */
void       tsu_budget_view_show_line       (TsuBudgetView *self,
                                            int            year,
                                            gint64         line_id);
/* Opens the editor for a new line (Ctrl+N in the view). */
void       tsu_budget_view_add_line        (TsuBudgetView *self);

G_END_DECLS
