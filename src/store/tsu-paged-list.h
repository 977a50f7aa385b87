/* tsu-paged-list.h: a GListModel of records fetched from SQLite a page at
 * a time.
 *
 * The list holds only the ids of its rows, in the order a query sorted
 * them (8 bytes a row); the records themselves are loaded when a position
 * is asked for, a page of neighbours at once, and only a few pages are
 * kept. A view of 100,000 rows thus loads the thirty it shows, not
 * 100,000 objects, and a new filter or sort order is one query for ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Rows fetched at once. */
#define TSU_PAGED_LIST_PAGE_SIZE 64

/* Loads the records of @ids (@n_ids of them): returns an array of @n_ids
 * objects in the same order, NULL where a row no longer exists; NULL with
 * @error on failure. */
typedef GPtrArray *(*TsuPagedListLoadFunc) (const gint64  *ids,
                                            guint          n_ids,
                                            gpointer       user_data,
                                            GError       **error);

#define TSU_TYPE_PAGED_LIST (tsu_paged_list_get_type ())
G_DECLARE_FINAL_TYPE (TsuPagedList, tsu_paged_list, TSU, PAGED_LIST, GObject)

/* An empty list of @item_type; @load fetches pages. */
TsuPagedList *tsu_paged_list_new        (GType                 item_type,
                                         TsuPagedListLoadFunc  load,
                                         gpointer              user_data,
                                         GDestroyNotify        destroy);
/* Replaces the rows with @ids (gint64, in order; taken), dropping every
 * page loaded; emits items-changed for the whole list. */
void          tsu_paged_list_set_ids    (TsuPagedList         *self,
                                         GArray               *ids);
/* Drops the pages loaded and tells the view that every row changed, so
 * that visible rows are loaded again (after a change to the records that
 * keeps their ids and order, or a change of how they are shown). */
void          tsu_paged_list_refresh    (TsuPagedList         *self);
/* The id at @position, without loading the record; 0 past the end. */
gint64        tsu_paged_list_get_id     (TsuPagedList         *self,
                                         guint                 position);
/* The position of @id, or -1 when the list does not hold it. */
int           tsu_paged_list_find_id    (TsuPagedList         *self,
                                         gint64                id);
/* How many records the load function has been asked for since the list
 * was made (for tests: the list loads lazily). */
guint64       tsu_paged_list_get_n_fetched (TsuPagedList      *self);

/* "[1,2,3]": ids for SQLite's json_each(), so that one prepared statement
 * loads a page whatever its length. */
char         *tsu_ids_to_json           (const gint64         *ids,
                                         guint                 n_ids);

/* @rows (objects, in any order) put in the order of @ids, NULL where an
 * id has no row: what a TsuPagedListLoadFunc returns. */
GPtrArray    *tsu_ids_order_rows        (GPtrArray            *rows,
                                         const gint64         *ids,
                                         guint                 n_ids,
                                         gint64              (*get_id) (gpointer row));

G_END_DECLS
