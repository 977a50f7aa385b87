/* tsu-case-private.h: helpers shared by the referral store's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds @text (trimmed) among @codes (ASCII case-insensitive), @japanese
 * (the labels of CLI.md) or the translated @label, from index @first. */
gboolean tsu_vocabulary_lookup  (const char         *text,
                                 const char * const *codes,
                                 const char * const *japanese,
                                 guint               first,
                                 guint               n,
                                 const char *      (*label) (guint),
                                 guint              *value);

/* "2023-04-01" and "2024-03-31" for fiscal year 2023. */
void     tsu_fiscal_year_bounds (int                 year,
                                 char                first[11],
                                 char                last[11]);

G_END_DECLS
