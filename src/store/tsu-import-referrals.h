/* tsu-import-referrals.h: the referrals file of the CSV import (private
 * to the store: tsu_import_csv() hands this kind over).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-import.h"

G_BEGIN_DECLS

/* tsu_import_csv() for referrals, one row per referral with the fields
 * of its case, with the same contract: NULL with @error only when the
 * file cannot be read or the database fails; bad rows are in the
 * result's problems. Counts are of referrals. */
TsuImportResult *tsu_import_referrals_csv (TsuDatabase     *db,
                                           const char      *path,
                                           TsuImportFlags   flags,
                                           GError         **error);

G_END_DECLS
