/* tsu-bench.h: measuring hooks for the benchmarks (tests/bench/ui).
 *
 * Off unless an environment variable turns them on; shared by the program
 * and the bare window it is measured against, so that both measure the
 * same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Set by tests/bench/ui/exec-timer to g_get_monotonic_time() just before
 * it execs the program measured. */
#define TSU_BENCH_EXEC_TIME_ENV "TSUNAGU_BENCH_EXEC_TIME"

/* The monotonic time (µs, g_get_monotonic_time()'s clock) the process was
 * exec'd: from TSUNAGU_BENCH_EXEC_TIME when the launcher set it, else the
 * process start time of /proc/self/stat (10 ms resolution). */
gint64   tsu_bench_exec_time    (void);
/* Prints "BENCH value=<seconds since exec> unit=s" on stdout. */
void     tsu_bench_print_since_exec (void);
/* Prints "BENCH value=<peak RSS> unit=MiB" (VmHWM of /proc/self/status). */
void     tsu_bench_print_peak_rss (void);

typedef void (*TsuBenchFrameFunc) (GtkWidget *widget,
                                   gpointer   user_data);

/* Calls @func once, after the next frame of @widget's surface has been
 * painted (GdkFrameClock::after-paint); @widget may not be realized yet. */
void     tsu_bench_after_next_paint (GtkWidget         *widget,
                                     TsuBenchFrameFunc  func,
                                     gpointer           user_data);

G_END_DECLS
