/* replay-main.c: runs a fuzzing harness over saved inputs, without
 * libFuzzer, so that the ordinary test suite (gcc, with or without the
 * sanitizers) replays every corpus file.
 *
 * Usage: fuzz-NAME-replay FILE-OR-FOLDER…  (folders are walked)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-common.h"

/* Only there when linked with a sanitizer runtime: lets a sanitizer's
 * report end with the input that caused it. */
extern void __sanitizer_set_death_callback (void (*callback) (void)) __attribute__((weak));

static const char *current_input;

static void
say_current_input (void)
{
  /* Called from a signal handler or a dying sanitizer: write() only. */
  static const char prefix[] = "\nwhile replaying: ";

  if (current_input == NULL)
    return;
  if (write (STDERR_FILENO, prefix, sizeof prefix - 1) < 0
      || write (STDERR_FILENO, current_input, strlen (current_input)) < 0
      || write (STDERR_FILENO, "\n", 1) < 0)
    return;
}

static void
on_abort (int signum)
{
  say_current_input ();
  signal (signum, SIG_DFL);
  raise (signum);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] != '.')
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
    }
  /* The same order on every machine. */
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    collect (g_ptr_array_index (names, i), files);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE-OR-FOLDER…\n", argv[0]);
      return 2;
    }
  signal (SIGABRT, on_abort);
  if (__sanitizer_set_death_callback != NULL)
    __sanitizer_set_death_callback (say_current_input);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  /* An empty or missing corpus would make the test pass without testing. */
  if (files->len == 0)
    {
      fprintf (stderr, "%s: no inputs found\n", argv[0]);
      return 1;
    }

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;
      uint8_t *exact;

      current_input = g_ptr_array_index (files, i);
      if (!g_file_get_contents (current_input, &contents, &length, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      /* An allocation of exactly the input's size, as libFuzzer passes
       * it, so that AddressSanitizer sees a read one past its end. */
      exact = g_malloc (MAX (length, 1));
      memcpy (exact, contents, length);
      LLVMFuzzerTestOneInput (exact, length);
      g_free (exact);
    }
  current_input = NULL;
  printf ("replayed %u inputs\n", files->len);
  return 0;
}
