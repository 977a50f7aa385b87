/* search-bench.c: from a keystroke in the referrals view's search entry to
 * the list being up to date, on the large database (issue 7,
 * deliverable 5).
 *
 *   search-bench [--baseline] [--query TEXT] [--repeat N] DATABASE
 *
 * Tsunagu's side builds the real TsuReferralsView on DATABASE in a window,
 * lets it settle (the first frame, and a second for the places the search
 * compares with, read on a worker thread after the first frame: the user
 * types after the window is up), then sets the search entry's text and
 * waits until the list of open referrals has changed. The entry's own
 * 150 ms pause before "search-changed" (GtkSearchEntry:search-delay) is set
 * to 0, since the baseline has none: what is timed is the search, not the
 * pause.
 *
 * The baseline (--baseline) puts the searchable text of every one of the
 * 100,000 referrals (case code, from, to, the case's entrance and concerns:
 * what the view's search matches) in a GListStore of GtkStringObjects under
 * a GtkFilterListModel with a GtkStringFilter, shown by a GtkListView in
 * the same kind of window, and times gtk_string_filter_set_search() with
 * the same text until the filtered model has changed.
 *
 * Each side types the query N times (default 5), clearing it between, and
 * prints the median as "BENCH value=<seconds> unit=s".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsu-case.h"
#include "tsu-database.h"
#include "tsu-referrals-view.h"
#include "tsu-resources.h"

/* Part of the names of the food banks among the organisations: found in
 * about 4 % of the referrals, a few hundred of them open. */
#define DEFAULT_QUERY "フードバンク"

static gboolean changed;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  changed = TRUE;
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop for @seconds, so that idles, threads' results and
 * frames come in as they would while the user reads the window. */
static void
settle (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  spin ();
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  spin ();
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static GtkWindow *
new_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  return window;
}

/* Waits for the model to change; FALSE after a minute without. */
static gboolean
wait_for_change (void)
{
  gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!changed && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  return changed;
}

/* Tsunagu ------------------------------------------------------------------- */

static GArray *
time_view (TsuDatabase *db,
           const char  *query,
           guint        repeat)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *view = tsu_referrals_view_new ();
  GtkWidget *entry;
  GtkWidget *list;
  GListModel *model;

  new_window (view);
  tsu_referrals_view_set_database (TSU_REFERRALS_VIEW (view), db);
  settle (1.0);
  entry = find_widget (view, GTK_TYPE_SEARCH_ENTRY, NULL);
  list = find_widget (view, GTK_TYPE_GRID_VIEW, "referral_view");
  g_return_val_if_fail (entry != NULL && list != NULL, times);
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), NULL);
  g_printerr ("search-bench: %u open referrals\n", g_list_model_get_n_items (model));

  for (guint i = 0; i < repeat; i++)
    {
      gint64 start;
      double seconds;

      changed = FALSE;
      start = g_get_monotonic_time ();
      gtk_editable_set_text (GTK_EDITABLE (entry), query);
      if (!wait_for_change ())
        g_error ("the list did not change");
      seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      g_array_append_val (times, seconds);
      g_printerr ("search-bench: “%s”: %u referrals in %.4f s\n", query,
                  g_list_model_get_n_items (model), seconds);
      changed = FALSE;
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      wait_for_change ();
      settle (0.2);
    }
  return times;
}

/* The baseline -------------------------------------------------------------- */

/* What the view's search matches, as one text per referral. */
static GListStore *
load_texts (TsuDatabase *db)
{
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (sqlite3_prepare_v2 (tsu_database_get_handle (db),
                          "SELECT c.code, r.from_place, r.to_place, c.entrance, c.concerns"
                          " FROM referrals r JOIN cases c ON c.id = r.case_id ORDER BY r.id",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (tsu_database_get_handle (db)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *text = g_string_new (NULL);
      guint concerns = (guint) sqlite3_column_int (stmt, 4);

      for (int column = 0; column < 4; column++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, column);

          g_string_append_printf (text, "%s%s", column > 0 ? " " : "", value ? value : "");
        }
      for (TsuConcern c = 0; c < TSU_N_CONCERNS; c++)
        if (concerns & (1u << c))
          g_string_append_printf (text, " %s %s", tsu_concern_to_label (c), tsu_concern_to_code (c));
      g_ptr_array_add (objects, gtk_string_object_new (text->str));
      g_string_free (text, TRUE);
    }
  if (rc != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (tsu_database_get_handle (db)));
  sqlite3_finalize (stmt);
  g_list_store_splice (store, 0, 0, objects->pdata, objects->len);
  return store;
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GArray *
time_baseline (TsuDatabase *db,
               const char  *query,
               guint        repeat)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  GListStore *store = load_texts (db);
  GtkStringFilter *filter;
  GtkFilterListModel *filtered;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (store), GTK_FILTER (filter));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (filtered))), factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  new_window (scrolled);
  settle (1.0);
  g_signal_connect (filtered, "items-changed", G_CALLBACK (on_items_changed), NULL);
  g_printerr ("search-bench: %u texts\n", g_list_model_get_n_items (G_LIST_MODEL (filtered)));

  for (guint i = 0; i < repeat; i++)
    {
      gint64 start;
      double seconds;

      changed = FALSE;
      start = g_get_monotonic_time ();
      gtk_string_filter_set_search (filter, query);
      if (!wait_for_change ())
        g_error ("the list did not change");
      seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      g_array_append_val (times, seconds);
      g_printerr ("search-bench: “%s”: %u texts in %.4f s\n", query,
                  g_list_model_get_n_items (G_LIST_MODEL (filtered)), seconds);
      changed = FALSE;
      gtk_string_filter_set_search (filter, NULL);
      wait_for_change ();
      settle (0.2);
    }
  return times;
}

int
main (int    argc,
      char **argv)
{
  gboolean baseline = FALSE;
  g_autofree char *query = NULL;
  int repeat = 5;
  const GOptionEntry entries[] = {
    { "baseline", 0, 0, G_OPTION_ARG_NONE, &baseline, "Time GtkStringFilter instead", NULL },
    { "query", 0, 0, G_OPTION_ARG_STRING, &query, "The text typed (default " DEFAULT_QUERY ")", "TEXT" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "How many times (default 5)", "N" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DATABASE");
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuDatabase) db = NULL;
  g_autoptr(GArray) times = NULL;
  TsuOpenOptions options = { .no_automatic_backup = TRUE };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || repeat < 1)
    {
      fprintf (stderr, "usage: search-bench [--baseline] [--query TEXT] [--repeat N] DATABASE\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  if (!g_resources_get_info ("/jp/tsunagu/Tsunagu/tsu-referrals-view.ui", G_RESOURCE_LOOKUP_FLAGS_NONE,
                             NULL, NULL, NULL))
    g_resources_register (tsu_get_resource ());
  db = tsu_database_open_full (argv[1], &options, &error);
  if (db == NULL)
    {
      fprintf (stderr, "search-bench: %s\n", error->message);
      return 1;
    }
  if (query == NULL)
    query = g_strdup (DEFAULT_QUERY);
  times = baseline ? time_baseline (db, query, (guint) repeat) : time_view (db, query, (guint) repeat);
  if (times->len == 0)
    return 1;
  g_array_sort (times, compare_doubles);
  printf ("BENCH value=%.5f unit=s\n", g_array_index (times, double, times->len / 2));
  return 0;
}
