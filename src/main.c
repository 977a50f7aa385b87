/* main.c: the window for people, sub-commands for scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

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

/* Where the translations are. An installed copy looks in LOCALEDIR; one
 * whose binary is no longer in BINDIR, because its prefix was moved or
 * staged with `meson install --destdir`, looks in the same place relative
 * to where its binary is now, when that folder exists. */
static char *
installed_localedir (void)
{
  const char *prefix = PREFIX;
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = NULL;
  g_autofree char *new_prefix = NULL;
  g_autofree char *localedir = NULL;
  const char *bin_tail;
  size_t prefix_len;

  if (exe == NULL)
    return g_strdup (LOCALEDIR);
  bindir = g_path_get_dirname (exe);
  if (strcmp (bindir, BINDIR) == 0)
    return g_strdup (LOCALEDIR);

  /* The folders as they are under the prefix: "/bin", "/share/locale". */
  prefix_len = strcmp (prefix, "/") == 0 ? 0 : strlen (prefix);
  if (strncmp (BINDIR, prefix, prefix_len) != 0
      || strncmp (LOCALEDIR, prefix, prefix_len) != 0)
    return g_strdup (LOCALEDIR);
  bin_tail = BINDIR + prefix_len;
  if (!g_str_has_suffix (bindir, bin_tail))
    return g_strdup (LOCALEDIR);

  new_prefix = g_strndup (bindir, strlen (bindir) - strlen (bin_tail));
  localedir = g_strconcat (new_prefix, LOCALEDIR + prefix_len, NULL);
  if (!g_file_test (localedir, G_FILE_TEST_IS_DIR))
    return g_strdup (LOCALEDIR);
  return g_steal_pointer (&localedir);
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
    {
      g_autofree char *localedir = installed_localedir ();

      bindtextdomain (GETTEXT_PACKAGE, localedir);
    }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = tsu_cli_run (argc, argv, &database_path);
  if (status != TSU_CLI_OPEN_WINDOW)
    return status;

  app = tsu_application_new (database_path);
  /* Our own options are parsed already; GApplication sees none. */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
