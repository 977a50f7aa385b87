/* exec-timer.c: runs a program with the time it was exec'd in its
 * environment, so that it can tell the seconds from exec to its first
 * frame more finely than /proc/self/stat's clock ticks.
 *
 *   exec-timer PROGRAM [ARGUMENT…]
 *
 * Both sides of the start-up figures (Tsunagu and the bare window) are
 * launched through it, so both count the same exec.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdio.h>
#include <unistd.h>

int
main (int    argc,
      char **argv)
{
  char value[32];

  if (argc < 2)
    {
      fprintf (stderr, "usage: exec-timer PROGRAM [ARGUMENT…]\n");
      return 2;
    }
  /* g_get_monotonic_time() is CLOCK_MONOTONIC in µs, the clock the
   * program reads when its frame is painted. */
  g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT, g_get_monotonic_time ());
  g_setenv ("TSUNAGU_BENCH_EXEC_TIME", value, TRUE);
  execvp (argv[1], argv + 1);
  perror (argv[1]);
  return 127;
}
