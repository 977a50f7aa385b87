/* tsu-database-private.h: what the store's own files need of TsuDatabase
 * and nobody else should call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

/* Brings the schema up to TSU_DATABASE_SCHEMA_VERSION (after a restore of
 * an older backup) and recomputes sort keys when ICU's rules changed. */
gboolean tsu_database_migrate          (TsuDatabase  *self,
                                        GError      **error);
/* While set, commits do not announce TsuDatabase::change-committed. */
void     tsu_database_set_undoing      (TsuDatabase  *self,
                                        gboolean      undoing);
/* (Re)creates the audit triggers of every table; inside a migration. */
gboolean tsu_audit_install_triggers    (TsuDatabase  *self,
                                        GError      **error);

G_END_DECLS
