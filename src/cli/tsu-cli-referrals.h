/* tsu-cli-referrals.h: the referral tracker's sub-commands of CLI.md
 * (private to src/cli: tsu-cli.c hands these WHATs over).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tsu-cli-events.h" /* TSU_CLI_NOT_HANDLED */

G_BEGIN_DECLS

/* "export referrals", "print referrals" and "print referral-network"
 * with the options of the command line (name → value, "" for a flag).
 * Return the exit status, or TSU_CLI_NOT_HANDLED for any other WHAT. */
int      tsu_cli_referrals_export         (const char  *database_path,
                                           const char  *what,
                                           GHashTable  *options);
int      tsu_cli_referrals_print          (const char  *database_path,
                                           const char  *what,
                                           GHashTable  *options);
/* "report referrals": the statistics of a fiscal year on stdout, as
 * JSON (the default) or CSV. */
int      tsu_cli_referrals_report         (const char  *database_path,
                                           GHashTable  *options);

/* Says what an import of referrals did; FALSE for other kinds. */
gboolean tsu_cli_referrals_print_imported (const char  *kind,
                                           guint        added,
                                           guint        updated);

G_END_DECLS
