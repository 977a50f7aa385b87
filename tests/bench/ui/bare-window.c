/* bare-window.c: the baseline of the start-up and memory figures, an
 * empty AdwApplicationWindow that quits after its first painted frame and
 * prints "BENCH value=<seconds since exec> unit=s", through the same
 * hooks (src/gui/tsu-bench.c) as Tsunagu's TSUNAGU_BENCH_FIRST_FRAME.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <locale.h>

#include "tsu-bench.h"

static void
on_first_frame (GtkWidget *widget,
                gpointer   user_data)
{
  tsu_bench_print_since_exec ();
  g_application_quit (G_APPLICATION (user_data));
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  /* Tsunagu's window without a saved size: its default. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  tsu_bench_after_next_paint (window, on_first_frame, app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;

  setlocale (LC_ALL, "");
  tsu_bench_exec_time ();
  app = adw_application_new ("jp.tsunagu.BareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
