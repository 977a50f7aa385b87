/* tsu-record-private.h: machinery the record files (organisations, people,
 * events, …) share, so each keeps only what is particular to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tsu-database.h"

G_BEGIN_DECLS

/* Replaces *@field by @value trimmed (NULL counts as empty); notifies
 * @pspec on @object when it changed, unless @pspec is NULL (for callers
 * that must clear a cache before anyone hears of the change). Returns
 * whether it changed. */
gboolean   tsu_record_set_text             (GObject            *object,
                                            char              **field,
                                            const char         *value,
                                            GParamSpec         *pspec);

/* Arrays of text fields: never NULL, "" when empty, so getters need no
 * checks. */
void       tsu_record_texts_init           (char              **texts,
                                            guint               n);
void       tsu_record_texts_free           (char              **texts,
                                            guint               n);
void       tsu_record_texts_copy           (char              **dest,
                                            char * const       *src,
                                            guint               n);
/* Reads @n text columns from @first_column on, NULL as "". */
void       tsu_record_texts_read           (char              **texts,
                                            guint               n,
                                            sqlite3_stmt       *stmt,
                                            int                 first_column);
/* Binds @n texts from parameter @first_index on, "" as NULL. */
void       tsu_record_texts_bind           (sqlite3_stmt       *stmt,
                                            int                 first_index,
                                            char * const       *texts,
                                            guint               n);

/* For get_property: when @prop_id is one of the @n text properties
 * numbered from @first_prop_id, sets @value from @texts and returns TRUE. */
gboolean   tsu_record_get_text_property    (char * const       *texts,
                                            guint               n,
                                            guint               first_prop_id,
                                            guint               prop_id,
                                            GValue             *value);

/* The public getter and setter of one text field of a record type that
 * keeps its texts in `char *text[]` and has a file-local
 * `set_text (Type *, field, const char *)`. */
#define TSU_RECORD_TEXT_ACCESSORS(Type, prefix, IS_TYPE, lower, field) \
  const char *                                                        \
  prefix##_get_##lower (Type *self)                                   \
  {                                                                   \
    g_return_val_if_fail (IS_TYPE (self), NULL);                      \
    return self->text[field];                                         \
  }                                                                   \
  void                                                                \
  prefix##_set_##lower (Type       *self,                             \
                        const char *value)                            \
  {                                                                   \
    g_return_if_fail (IS_TYPE (self));                                \
    set_text (self, field, value);                                    \
  }

/* Builds one record from the current row of @stmt. */
typedef gpointer (*TsuRecordReadRow) (sqlite3_stmt *stmt);

/* Steps @stmt (prepared and bound by the caller) to the end, one record
 * per row from @read_row, and resets it. NULL with @error on failure. */
GPtrArray *tsu_record_load_rows            (TsuDatabase        *db,
                                            sqlite3_stmt       *stmt,
                                            TsuRecordReadRow    read_row,
                                            GError            **error);

/* For a save: FALSE with the first of @problems as a
 * TSU_STORE_ERROR_INVALID error, TRUE when there are none. */
gboolean   tsu_record_check_problems       (GPtrArray          *problems,
                                            GError            **error);

/* The error when a row's version no longer matches, naming the record
 * as the user knows it. */
void       tsu_record_set_conflict_error   (GError            **error,
                                            const char         *name);

/* Runs @sql, a single statement with the row id as its only parameter,
 * and tells views that @table changed. A single statement is its own
 * transaction. */
gboolean   tsu_record_exec_for_id          (TsuDatabase        *db,
                                            const char         *sql,
                                            gint64              id,
                                            const char         *table,
                                            GError            **error);

G_END_DECLS
