/* tsu-import-budget.h: the budget and payments files of the CSV import
 * (private to the store: tsu_import_csv() hands these kinds over).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-import.h"

G_BEGIN_DECLS

/* tsu_import_csv() for budget lines and payments, with the same
 * contract: NULL with @error only when the file cannot be read or the
 * database fails; bad rows are in the result's problems. A payment that
 * takes its line past the budget is imported and noted in the result's
 * warnings. */
TsuImportResult *tsu_import_budget_csv   (TsuDatabase     *db,
                                          const char      *path,
                                          TsuImportFlags   flags,
                                          GError         **error);
TsuImportResult *tsu_import_payments_csv (TsuDatabase     *db,
                                          const char      *path,
                                          TsuImportFlags   flags,
                                          GError         **error);

G_END_DECLS
