/* main.c: the window for people, sub-commands for scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tsu-application.h"
#include "tsu-cli.h"

/* Run straight from the build folder, the program uses the translations
 * and settings schema built there, so nothing needs installing first. */
static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, BUILD_ROOT "/");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database_path = NULL;
  g_autoptr(TsuApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  if (running_uninstalled ())
    {
      bindtextdomain (GETTEXT_PACKAGE, BUILD_ROOT "/po");
      g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_ROOT "/data", FALSE);
    }
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = tsu_cli_run (argc, argv, &database_path);
  if (status != TSU_CLI_OPEN_WINDOW)
    return status;

  app = tsu_application_new (database_path);
  /* Our own options are parsed already; GApplication sees none. */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
