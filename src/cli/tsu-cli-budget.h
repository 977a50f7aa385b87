/* tsu-cli-budget.h: the budget ledger's sub-commands of CLI.md (private
 * to src/cli: tsu-cli.c hands these WHATs over).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tsu-cli-events.h" /* TSU_CLI_NOT_HANDLED */

G_BEGIN_DECLS

/* "export budget" and "print budget" with the options of the command
 * line (name → value, "" for a flag). Return the exit status, or
 * TSU_CLI_NOT_HANDLED for any other WHAT. */
int      tsu_cli_budget_export         (const char  *database_path,
                                        const char  *what,
                                        GHashTable  *options);
int      tsu_cli_budget_print          (const char  *database_path,
                                        const char  *what,
                                        GHashTable  *options);

/* Says what an import of budget lines or payments did; FALSE for other
 * kinds. */
gboolean tsu_cli_budget_print_imported (const char  *kind,
                                        guint        added,
                                        guint        updated);

G_END_DECLS
