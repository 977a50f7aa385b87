/* tsu-budget-line.h: a commissioned project (事業) of a fiscal year's
 * budget, with its contractor and amount, and the payments made against it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

typedef enum
{
  TSU_FUNDING_NATIONAL, /* 国庫: the national subsidy */
  TSU_FUNDING_CITY,     /* 市費 */
} TsuFunding;

/* "national" / "city"; from_text also takes 国庫 and 市費. */
const char *tsu_funding_to_code   (TsuFunding  funding);
const char *tsu_funding_to_label  (TsuFunding  funding);
gboolean    tsu_funding_from_text (const char *text,
                                   TsuFunding *funding);

#define TSU_TYPE_BUDGET_LINE (tsu_budget_line_get_type ())
G_DECLARE_FINAL_TYPE (TsuBudgetLine, tsu_budget_line, TSU, BUDGET_LINE, GObject)

TsuBudgetLine *tsu_budget_line_new             (int            fiscal_year);
TsuBudgetLine *tsu_budget_line_copy            (TsuBudgetLine *self);

gint64      tsu_budget_line_get_id          (TsuBudgetLine *self);
gint64      tsu_budget_line_get_version     (TsuBudgetLine *self);
int         tsu_budget_line_get_fiscal_year (TsuBudgetLine *self);
/* Order within the year's table, from 1. */
guint       tsu_budget_line_get_position    (TsuBudgetLine *self);
const char *tsu_budget_line_get_name        (TsuBudgetLine *self); /* 事業名称 */
const char *tsu_budget_line_get_description (TsuBudgetLine *self); /* 事業内容 */
const char *tsu_budget_line_get_purpose     (TsuBudgetLine *self); /* 目的・期待される効果 */
const char *tsu_budget_line_get_timing      (TsuBudgetLine *self); /* 実施時期, free text */
const char *tsu_budget_line_get_contractor  (TsuBudgetLine *self); /* 発注先 */
gint64      tsu_budget_line_get_amount      (TsuBudgetLine *self); /* 予算配分, yen */
guint       tsu_budget_line_get_pillars     (TsuBudgetLine *self); /* as tsu_pillars_parse() */
TsuFunding  tsu_budget_line_get_funding     (TsuBudgetLine *self);
/* A line copied from the previous year that nobody has confirmed yet. */
gboolean    tsu_budget_line_get_draft       (TsuBudgetLine *self);
/* Sum of the line's payments, as loaded (not changed by setters). */
gint64      tsu_budget_line_get_paid        (TsuBudgetLine *self);
/* amount − paid; negative when overspent. */
gint64      tsu_budget_line_get_remaining   (TsuBudgetLine *self);

void tsu_budget_line_set_fiscal_year (TsuBudgetLine *self, int fiscal_year);
void tsu_budget_line_set_position    (TsuBudgetLine *self, guint position);
void tsu_budget_line_set_name        (TsuBudgetLine *self, const char *name);
void tsu_budget_line_set_description (TsuBudgetLine *self, const char *description);
void tsu_budget_line_set_purpose     (TsuBudgetLine *self, const char *purpose);
void tsu_budget_line_set_timing      (TsuBudgetLine *self, const char *timing);
void tsu_budget_line_set_contractor  (TsuBudgetLine *self, const char *contractor);
void tsu_budget_line_set_amount      (TsuBudgetLine *self, gint64 amount);
void tsu_budget_line_set_pillars     (TsuBudgetLine *self, guint pillars);
void tsu_budget_line_set_funding     (TsuBudgetLine *self, TsuFunding funding);
void tsu_budget_line_set_draft       (TsuBudgetLine *self, gboolean draft);

GPtrArray *tsu_budget_line_validate (TsuBudgetLine  *self);
/* Insert (position defaults to the end of the year) or update with the
 * row-version check. A name already used in the same fiscal year is
 * TSU_STORE_ERROR_INVALID. The contractor joins the contractor list. */
gboolean   tsu_budget_line_save     (TsuBudgetLine  *self,
                                     TsuDatabase    *db,
                                     GError        **error);
/* Soft delete, its payments kept: undoing the change brings it back. */
gboolean   tsu_budget_line_delete   (TsuDatabase    *db,
                                     gint64          id,
                                     GError        **error);

/* The lines of a fiscal year in table order, with their paid sums. */
GPtrArray     *tsu_budget_line_load_for_fiscal_year (TsuDatabase  *db,
                                                     int           year,
                                                     GError      **error);
TsuBudgetLine *tsu_budget_line_load_by_id           (TsuDatabase  *db,
                                                     gint64        id,
                                                     GError      **error);
/* Matched after trimming and NFKC; NULL with no error when none. */
TsuBudgetLine *tsu_budget_line_find_by_name         (TsuDatabase  *db,
                                                     int           year,
                                                     const char   *name,
                                                     GError      **error);
/* The fiscal years that have lines, newest first (GArray of int). */
GArray        *tsu_budget_line_list_fiscal_years    (TsuDatabase  *db,
                                                     GError      **error);
/* Copies every line of @from_year into @to_year as drafts (no payments),
 * skipping names the target year already has; returns how many were
 * copied, or -1 with @error. One transaction. */
int            tsu_budget_line_copy_year            (TsuDatabase  *db,
                                                     int           from_year,
                                                     int           to_year,
                                                     GError      **error);

/* Contractors known from earlier lines, for pickers, in kana order where
 * a reading is known, else by name. */
GStrv          tsu_contractor_list                  (TsuDatabase  *db,
                                                     GError      **error);
gboolean       tsu_contractor_add                   (TsuDatabase  *db,
                                                     const char   *name,
                                                     GError      **error);

G_END_DECLS
