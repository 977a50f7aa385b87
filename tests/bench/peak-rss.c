/* peak-rss.c: runs a program and prints its peak resident set size.
 *
 *   peak-rss PROGRAM [ARGUMENT…]
 *
 * Linux keeps a process's peak RSS across exec: a program started
 * straight from the Python runner would count the runner's own memory
 * (Python starts children with vfork, so the child's peak is the
 * runner's until it execs). This small program forks the one measured,
 * whose peak then starts from a few hundred KiB, waits for it and prints
 * `BENCH value=MiB unit=MiB` on stderr, the line run-bench.py reads.
 * It exits as the program did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int
main (int    argc,
      char **argv)
{
  struct rusage usage;
  int status;
  pid_t pid;

  if (argc < 2)
    {
      fprintf (stderr, "usage: peak-rss PROGRAM [ARGUMENT…]\n");
      return 2;
    }
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 127;
    }
  if (pid == 0)
    {
      /* The runner's time-out kills this process: the one measured goes
       * with it rather than running on unwatched. */
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      if (getppid () == 1)
        _exit (127);
      execvp (argv[1], argv + 1);
      perror (argv[1]);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) < 0)
    {
      perror ("wait4");
      return 127;
    }
  /* ru_maxrss is in KiB on Linux. */
  fprintf (stderr, "BENCH value=%.1f unit=MiB\n", usage.ru_maxrss / 1024.0);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return 128 + WTERMSIG (status);
}
