/* tsu-budget-line-editor.h: the window that adds or edits a budget line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-budget-line.h"
#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_BUDGET_LINE_EDITOR (tsu_budget_line_editor_get_type ())
G_DECLARE_FINAL_TYPE (TsuBudgetLineEditor, tsu_budget_line_editor, TSU, BUDGET_LINE_EDITOR, AdwWindow)

/* Edits a copy of @line, or a new line of fiscal year @fiscal_year when
 * @line is NULL. Emits "saved" with the saved copy before it closes. */
TsuBudgetLineEditor *tsu_budget_line_editor_new (GtkWindow     *parent,
                                                 TsuDatabase   *database,
                                                 TsuBudgetLine *line,
                                                 int            fiscal_year);

/* The message shown next to @field ("name", "contractor", "amount"), or
 * NULL. */
const char *tsu_budget_line_editor_get_field_error  (TsuBudgetLineEditor *self,
                                                     const char          *field);
/* The widget of @field: entry rows for "name", "timing", "contractor" and
 * "amount"; text views for "description" and "purpose"; check buttons for
 * "pillar-1" … "pillar-4"; combo rows for "funding" and "fiscal-year"; a
 * switch for "draft". */
GtkWidget  *tsu_budget_line_editor_get_field_widget (TsuBudgetLineEditor *self,
                                                     const char          *field);

G_END_DECLS
