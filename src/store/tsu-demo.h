/* tsu-demo.h: demo data from the council's public documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

/* Fills an empty database through the store's own functions, in one
 * transaction. Fails with TSU_STORE_ERROR_INVALID and changes nothing if
 * the database already holds records. */
gboolean tsu_demo_fill (TsuDatabase  *db,
                        GError      **error);

G_END_DECLS
