/* tsu-paged-list.c: a GListModel of records fetched a page at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tsu-paged-list.h"

/* Pages kept: a screenful and its neighbours, whichever way the user
 * scrolls. Objects a view still shows stay alive by its references. */
#define MAX_PAGES 8

typedef struct
{
  guint      index;   /* page number */
  GPtrArray *items;   /* TSU_PAGED_LIST_PAGE_SIZE or fewer objects */
} Page;

struct _TsuPagedList
{
  GObject               parent_instance;

  GType                 item_type;
  TsuPagedListLoadFunc  load;
  gpointer              user_data;
  GDestroyNotify        destroy;
  GArray               *ids;      /* gint64 */
  GQueue                pages;    /* Page *, most recently used first */
  guint64               n_fetched;
};

static void tsu_paged_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TsuPagedList, tsu_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tsu_paged_list_model_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
drop_pages (TsuPagedList *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

static Page *
load_page (TsuPagedList *self,
           guint         index)
{
  guint first = index * TSU_PAGED_LIST_PAGE_SIZE;
  guint n = MIN (TSU_PAGED_LIST_PAGE_SIZE, self->ids->len - first);
  const gint64 *ids = &g_array_index (self->ids, gint64, first);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  Page *page;

  loaded = self->load (ids, n, self->user_data, &error);
  self->n_fetched += n;
  if (loaded == NULL)
    /* The view cannot be told; its rows show empty records until the
     * next change refreshes the list. */
    g_warning ("Could not load rows %u to %u: %s", first, first + n - 1,
               error != NULL ? error->message : "no reason given");
  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      GObject *item = loaded != NULL && i < loaded->len ? g_ptr_array_index (loaded, i) : NULL;

      /* A row deleted since the ids were read: an empty record stands in
       * until the change arrives and the list is queried again. */
      g_ptr_array_add (page->items, item != NULL ? g_object_ref (item) : g_object_new (self->item_type, NULL));
    }
  return page;
}

static Page *
get_page (TsuPagedList *self,
          guint         index)
{
  Page *page;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;
      if (page->index == index)
        {
          if (l != self->pages.head)
            {
              g_queue_unlink (&self->pages, l);
              g_queue_push_head_link (&self->pages, l);
            }
          return page;
        }
    }
  page = load_page (self, index);
  g_queue_push_head (&self->pages, page);
  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));
  return page;
}

static GType
tsu_paged_list_get_item_type (GListModel *model)
{
  return TSU_PAGED_LIST (model)->item_type;
}

static guint
tsu_paged_list_get_n_items (GListModel *model)
{
  return TSU_PAGED_LIST (model)->ids->len;
}

static gpointer
tsu_paged_list_get_item (GListModel *model,
                         guint       position)
{
  TsuPagedList *self = TSU_PAGED_LIST (model);
  Page *page;

  if (position >= self->ids->len)
    return NULL;
  page = get_page (self, position / TSU_PAGED_LIST_PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->items, position % TSU_PAGED_LIST_PAGE_SIZE));
}

static void
tsu_paged_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tsu_paged_list_get_item_type;
  iface->get_n_items = tsu_paged_list_get_n_items;
  iface->get_item = tsu_paged_list_get_item;
}

static void
tsu_paged_list_finalize (GObject *object)
{
  TsuPagedList *self = TSU_PAGED_LIST (object);

  drop_pages (self);
  g_array_unref (self->ids);
  if (self->destroy != NULL)
    self->destroy (self->user_data);

  G_OBJECT_CLASS (tsu_paged_list_parent_class)->finalize (object);
}

static void
tsu_paged_list_class_init (TsuPagedListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tsu_paged_list_finalize;
}

static void
tsu_paged_list_init (TsuPagedList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_queue_init (&self->pages);
}

TsuPagedList *
tsu_paged_list_new (GType                 item_type,
                    TsuPagedListLoadFunc  load,
                    gpointer              user_data,
                    GDestroyNotify        destroy)
{
  TsuPagedList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (load != NULL, NULL);

  self = g_object_new (TSU_TYPE_PAGED_LIST, NULL);
  self->item_type = item_type;
  self->load = load;
  self->user_data = user_data;
  self->destroy = destroy;
  return self;
}

void
tsu_paged_list_set_ids (TsuPagedList *self,
                        GArray       *ids)
{
  guint removed;

  g_return_if_fail (TSU_IS_PAGED_LIST (self));
  g_return_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64));

  removed = self->ids->len;
  drop_pages (self);
  g_array_unref (self->ids);
  self->ids = ids;
  if (removed > 0 || ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, ids->len);
}

void
tsu_paged_list_refresh (TsuPagedList *self)
{
  g_return_if_fail (TSU_IS_PAGED_LIST (self));

  drop_pages (self);
  if (self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->ids->len, self->ids->len);
}

gint64
tsu_paged_list_get_id (TsuPagedList *self,
                       guint         position)
{
  g_return_val_if_fail (TSU_IS_PAGED_LIST (self), 0);

  return position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;
}

int
tsu_paged_list_find_id (TsuPagedList *self,
                        gint64        id)
{
  g_return_val_if_fail (TSU_IS_PAGED_LIST (self), -1);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;
  return -1;
}

guint64
tsu_paged_list_get_n_fetched (TsuPagedList *self)
{
  g_return_val_if_fail (TSU_IS_PAGED_LIST (self), 0);

  return self->n_fetched;
}

char *
tsu_ids_to_json (const gint64 *ids,
                 guint         n_ids)
{
  GString *json = g_string_sized_new (2 + n_ids * 8);

  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, i > 0 ? ",%" G_GINT64_FORMAT : "%" G_GINT64_FORMAT, ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

GPtrArray *
tsu_ids_order_rows (GPtrArray    *rows,
                    const gint64 *ids,
                    guint         n_ids,
                    gint64      (*get_id) (gpointer row))
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *row_ids = NULL;
  GPtrArray *ordered;

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (get_id != NULL, NULL);

  row_ids = g_new (gint64, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      row_ids[i] = get_id (g_ptr_array_index (rows, i));
      g_hash_table_insert (by_id, &row_ids[i], g_ptr_array_index (rows, i));
    }
  ordered = g_ptr_array_new_full (n_ids, unref_if_set);
  for (guint i = 0; i < n_ids; i++)
    {
      gpointer row = g_hash_table_lookup (by_id, &ids[i]);

      g_ptr_array_add (ordered, row != NULL ? g_object_ref (row) : NULL);
    }
  return ordered;
}
