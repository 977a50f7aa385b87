/* bare-window.c: the baseline of the start-up and memory figures, an
 * empty AdwApplicationWindow that quits after its first painted frame and
 * prints "BENCH value=<seconds since exec> unit=s", through the same
 * hooks (src/gui/tsu-bench.c) as Tsunagu's TSUNAGU_BENCH_FIRST_FRAME.
 *
 * With --japanese it shows what any Japanese GNOME window shows and the
 * bare one does not: a header bar with a title, a search button (a
 * symbolic icon, drawn through librsvg) and a line of Japanese text
 * (Noto Sans CJK through fontconfig). That is the floor under the
 * figures of a Japanese program, reported beside them for reference.
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

static gboolean japanese = FALSE;

static GtkWidget *
japanese_content (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("つなぐ", "参加団体名簿"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), gtk_button_new_from_icon_name ("system-search-symbolic"));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("孤独・孤立対策等連携協議会の事務局"));
  return box;
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  if (japanese)
    adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), japanese_content ());

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
  japanese = argc > 1 && g_str_equal (argv[1], "--japanese");
  tsu_bench_exec_time ();
  app = adw_application_new ("jp.tsunagu.BareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
