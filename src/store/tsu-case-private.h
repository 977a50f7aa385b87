/* tsu-case-private.h: helpers shared by the referral store's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tsu-case.h"
#include "tsu-referral.h"

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

/* For a bulk import, inside the caller's own transaction (which undoes
 * everything when any row fails): a new, validated case or referral is
 * inserted with its history, without a savepoint of its own, without
 * reading anything back and without announcing the change (the caller
 * announces the tables once, after the commit). The case's code must be
 * set and free; the referral's case saved. */
gboolean tsu_case_insert_in_transaction     (TsuCase      *self,
                                             TsuDatabase  *db,
                                             GError      **error);
gboolean tsu_referral_insert_in_transaction (TsuReferral  *self,
                                             TsuCase      *referral_case,
                                             TsuDatabase  *db,
                                             GError      **error);

G_END_DECLS
