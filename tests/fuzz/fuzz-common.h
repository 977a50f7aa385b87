/* fuzz-common.h: what every harness in tests/fuzz shares.
 *
 * A harness is a libFuzzer entry point, LLVMFuzzerTestOneInput(). It is
 * linked either with libFuzzer (meson -Dfuzzing=true with clang) to search
 * for new inputs, or with replay-main.c to run the saved corpus as an
 * ordinary test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A promise of the parser that the input broke. abort() rather than
 * g_assert(): libFuzzer saves the input as a crash, and the replay test
 * fails, whatever G_DISABLE_ASSERT says. */
#define FUZZ_CHECK(cond, ...)                                           \
  G_STMT_START {                                                        \
    if (G_UNLIKELY (!(cond)))                                           \
      {                                                                 \
        fprintf (stderr, "%s:%d: property failed: %s\n  ",              \
                 __FILE__, __LINE__, #cond);                            \
        fprintf (stderr, __VA_ARGS__);                                  \
        fputc ('\n', stderr);                                           \
        abort ();                                                       \
      }                                                                 \
  } G_STMT_END

/* The input as a C string: up to @max bytes, cut at the first NUL, as a
 * text field or a CSV cell would hold it. */
static inline char *
fuzz_string (const uint8_t *data,
             size_t         size,
             size_t         max)
{
  return g_strndup ((const char *) data, MIN (size, max));
}
