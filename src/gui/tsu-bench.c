/* tsu-bench.c: measuring hooks for the benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tsu-bench.h"

/* The start time of this process, field 22 of /proc/self/stat, is in
 * clock ticks since boot: CLOCK_BOOTTIME's origin. */
static gint64
exec_time_from_proc (void)
{
  g_autofree char *stat = NULL;
  const char *after_name;
  g_auto(GStrv) fields = NULL;
  struct timespec boot;
  gint64 start_us, boot_now_us;
  long ticks = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return g_get_monotonic_time ();
  /* The command name may hold spaces: count fields after its ')'. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL || ticks <= 0 || clock_gettime (CLOCK_BOOTTIME, &boot) != 0)
    return g_get_monotonic_time ();
  fields = g_strsplit (after_name + 2, " ", 0);
  /* after ")": state is field 3, so starttime (22) is index 19 */
  if (g_strv_length (fields) < 20)
    return g_get_monotonic_time ();
  start_us = g_ascii_strtoll (fields[19], NULL, 10) * G_USEC_PER_SEC / ticks;
  boot_now_us = (gint64) boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000;
  /* Both clocks run at the same rate; they differ by the time suspended,
   * which does not change while this process runs. */
  return g_get_monotonic_time () - (boot_now_us - start_us);
}

gint64
tsu_bench_exec_time (void)
{
  static gint64 exec_time = 0;

  if (exec_time == 0)
    {
      const char *env = g_getenv (TSU_BENCH_EXEC_TIME_ENV);

      exec_time = env != NULL && *env != '\0' ? g_ascii_strtoll (env, NULL, 10) : exec_time_from_proc ();
    }
  return exec_time;
}

void
tsu_bench_print_since_exec (void)
{
  double seconds = (double) (g_get_monotonic_time () - tsu_bench_exec_time ()) / G_USEC_PER_SEC;

  printf ("BENCH value=%.4f unit=s\n", seconds);
  fflush (stdout);
}

void
tsu_bench_print_peak_rss (void)
{
  g_autofree char *status = NULL;
  const char *line;
  double mib = 0;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "VmHWM:")) != NULL)
    mib = g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
  printf ("BENCH value=%.1f unit=MiB\n", mib);
  fflush (stdout);
}

typedef struct
{
  GtkWidget         *widget;
  TsuBenchFrameFunc  func;
  gpointer           user_data;
  gulong             handler;
} PaintWatch;

static void
on_after_paint (GdkFrameClock *clock,
                PaintWatch    *watch)
{
  g_signal_handler_disconnect (clock, watch->handler);
  watch->func (watch->widget, watch->user_data);
  g_object_unref (watch->widget);
  g_free (watch);
}

static void
watch_clock (PaintWatch *watch)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (watch->widget);

  watch->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), watch);
  /* Make sure a frame comes even when nothing else asks for one. */
  gtk_widget_queue_draw (watch->widget);
}

static void
on_realize (GtkWidget  *widget,
            PaintWatch *watch)
{
  g_signal_handlers_disconnect_by_func (widget, on_realize, watch);
  watch_clock (watch);
}

void
tsu_bench_after_next_paint (GtkWidget         *widget,
                            TsuBenchFrameFunc  func,
                            gpointer           user_data)
{
  PaintWatch *watch;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  watch = g_new0 (PaintWatch, 1);
  watch->widget = g_object_ref (widget);
  watch->func = func;
  watch->user_data = user_data;
  if (gtk_widget_get_realized (widget))
    watch_clock (watch);
  else
    g_signal_connect (widget, "realize", G_CALLBACK (on_realize), watch);
}
