/* tsu-cli.h: the headless sub-commands of CLI.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tsu-database.h"

G_BEGIN_DECLS

/* Exit statuses, as CLI.md fixes them. */
enum
{
  TSU_EXIT_OK = 0,
  TSU_EXIT_BAD_INPUT = 1,
  TSU_EXIT_USAGE = 2,
  TSU_EXIT_DATABASE = 3,
};

/* Returned by tsu_cli_run() when no sub-command was given. */
#define TSU_CLI_OPEN_WINDOW (-1)

/* Runs the sub-command named in @argv and returns the exit status, or
 * TSU_CLI_OPEN_WINDOW with @database_path set (NULL for the default) when
 * the window should open instead. */
int tsu_cli_run (int    argc,
                 char **argv,
                 char **database_path);

/* Opens @path (NULL: the default database) for a sub-command; on failure
 * prints why and returns NULL. Warns on stderr when the file is on a
 * network share. */
TsuDatabase *tsu_cli_open_database (const char *path);

/* The exit status an error stands for: the database could not be opened
 * or written (3), or the input or output was at fault (1). */
int          tsu_cli_exit_status_for (const GError *error);
/* Prints @error's message and returns its exit status. */
int          tsu_cli_fail            (const GError *error);

G_END_DECLS
