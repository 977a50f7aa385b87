/* tsu-cli-events.h: the event planner's sub-commands of CLI.md (private
 * to src/cli: tsu-cli.c hands these WHATs over).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returned when @what is not one of the event planner's. */
#define TSU_CLI_NOT_HANDLED (-2)

/* "export attendees|attendance" and "print attendees|sign-in|attendance"
 * with the options of the command line (name → value, "" for a flag).
 * Return the exit status, or TSU_CLI_NOT_HANDLED for any other WHAT. */
int      tsu_cli_events_export         (const char  *database_path,
                                        const char  *what,
                                        GHashTable  *options);
int      tsu_cli_events_print          (const char  *database_path,
                                        const char  *what,
                                        GHashTable  *options);

/* Says what an import of events, sessions or attendees did; FALSE for
 * other kinds. */
gboolean tsu_cli_events_print_imported (const char  *kind,
                                        guint        added,
                                        guint        updated);

G_END_DECLS
