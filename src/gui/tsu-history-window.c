/* tsu-history-window.c: the audit trail of one record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-audit-report.h"
#include "tsu-audit.h"
#include "tsu-history-window.h"
#include "tsu-xlsx-style.h"

typedef enum
{
  CELL_WHEN,
  CELL_USER,
  CELL_WHAT,
  CELL_CHANGES,
  N_CELLS
} Cell;

/* One entry as the list shows it: its cells, written once when loaded. */
#define TSU_TYPE_HISTORY_ROW (tsu_history_row_get_type ())
G_DECLARE_FINAL_TYPE (TsuHistoryRow, tsu_history_row, TSU, HISTORY_ROW, GObject)

struct _TsuHistoryRow
{
  GObject  parent_instance;
  gint64   id;                  /* of the audit entry */
  char    *cells[N_CELLS + 1];  /* NULL-terminated */
};

G_DEFINE_FINAL_TYPE (TsuHistoryRow, tsu_history_row, G_TYPE_OBJECT)

static void
tsu_history_row_finalize (GObject *object)
{
  TsuHistoryRow *self = TSU_HISTORY_ROW (object);

  for (guint c = 0; c < N_CELLS; c++)
    g_free (self->cells[c]);
  G_OBJECT_CLASS (tsu_history_row_parent_class)->finalize (object);
}

static void
tsu_history_row_class_init (TsuHistoryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tsu_history_row_finalize;
}

static void
tsu_history_row_init (TsuHistoryRow *self)
{
}

struct _TsuHistoryWindow
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *when_column;
  GtkColumnViewColumn *user_column;
  GtkColumnViewColumn *what_column;
  GtkColumnViewColumn *changes_column;

  /* owned */
  TsuDatabase         *database;
  char                *table;
  gint64               row_id;
  GListStore          *rows;
  TsuDateStyle         date_style;
};

G_DEFINE_FINAL_TYPE (TsuHistoryWindow, tsu_history_window, ADW_TYPE_WINDOW)

/* The field that names a row of @table: a person's "title" is their
 * position, an event's its name. */
static const char *
naming_column (const char *table)
{
  static const char * const titled[] = { "events", "event_sessions", "agenda_items", NULL };

  if (g_strv_contains (titled, table))
    return "title";
  /* Rows without a name of their own: a referral by where it went, a
   * payment by its day. */
  if (g_str_equal (table, "referrals"))
    return "to_place";
  if (g_str_equal (table, "payments"))
    return "paid_on";
  return "name";
}

/* A row's name from @entry, if the entry has it (an update has only the
 * fields it changed). */
static const char *
name_in (const TsuAuditEntry *entry)
{
  const char *column = naming_column (entry->table);

  if (tsu_audit_column_is_private (entry->table, column))
    return NULL;
  for (guint i = 0; entry->fields != NULL && i < entry->fields->len; i++)
    {
      TsuAuditField *field = g_ptr_array_index (entry->fields, i);

      if (g_str_equal (field->column, column))
        return field->new_value != NULL ? field->new_value : field->old_value;
    }
  return NULL;
}

/* @name: what the row is called, from this entry or an earlier one. */
static char *
dup_what (TsuHistoryWindow    *self,
          const TsuAuditEntry *entry,
          const char          *name)
{
  const char *table = tsu_audit_table_label (entry->table);
  const char *action = tsu_audit_action_label (entry->action);
  g_autofree char *record = NULL;

  if (g_strcmp0 (entry->table, self->table) == 0 && entry->row_id == self->row_id)
    record = g_strdup (table);
  else if (name != NULL)
    {
      g_autofree char *shown = tsu_audit_dup_shown_value (entry->table, naming_column (entry->table),
                                                          name, self->date_style);

      /* Translators: a row that belongs to the record: "参加者「山田 太郎」" */
      record = g_strdup_printf (_("%s “%s”"), table, shown ? shown : name);
    }
  else
    /* A row that belongs to the record, by its number: "参加者 12". */
    record = g_strdup_printf ("%s %" G_GINT64_FORMAT, table, entry->row_id);
  /* Translators: in the history, the record and what happened to it:
   * "団体 · 変更" */
  return g_strdup_printf (_("%s · %s"), record, action);
}

/* Numbers people do not use are left out: the row's own id, and on a new
 * row of the record the link back to it. */
static gboolean
is_shown (TsuHistoryWindow    *self,
          const TsuAuditEntry *entry,
          const TsuAuditField *field)
{
  g_autofree char *record_id = NULL;

  if (g_str_equal (field->column, "id"))
    return FALSE;
  if (entry->action != TSU_AUDIT_INSERT || !g_str_has_suffix (field->column, "_id"))
    return TRUE;
  record_id = g_strdup_printf ("%" G_GINT64_FORMAT, self->row_id);
  return g_strcmp0 (field->new_value, record_id) != 0;
}

static char *
dup_changes (TsuHistoryWindow    *self,
             const TsuAuditEntry *entry)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; entry->fields != NULL && i < entry->fields->len; i++)
    {
      TsuAuditField *field = g_ptr_array_index (entry->fields, i);
      const char *label = tsu_audit_column_label (entry->table, field->column);
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (!is_shown (self, entry, field))
        continue;
      old_value = tsu_audit_dup_shown_value (entry->table, field->column, field->old_value,
                                             self->date_style);
      new_value = tsu_audit_dup_shown_value (entry->table, field->column, field->new_value,
                                             self->date_style);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      switch (entry->action)
        {
        case TSU_AUDIT_INSERT:
          /* Translators: a field of a new record in the timeline: "状態: 紹介済" */
          g_string_append_printf (text, _("%s: %s"), label, new_value ? new_value : _("—"));
          break;
        case TSU_AUDIT_DELETE:
          g_string_append_printf (text, _("%s: %s"), label, old_value ? old_value : _("—"));
          break;
        case TSU_AUDIT_UPDATE:
        default:
          /* Translators: a change in the timeline: "状態: 紹介済 → 受入" */
          g_string_append_printf (text, _("%s: %s → %s"), label,
                                  old_value ? old_value : _("—"), new_value ? new_value : _("—"));
          break;
        }
    }
  if (text->len == 0 && entry->action == TSU_AUDIT_UPDATE)
    /* Translators: in the history, a save that changed nothing a person
     * would see */
    g_string_append (text, _("Saved without changes"));
  return g_string_free (text, FALSE);
}

static TsuHistoryRow *
row_new (TsuHistoryWindow    *self,
         const TsuAuditEntry *entry,
         const char          *name)
{
  TsuHistoryRow *row = g_object_new (TSU_TYPE_HISTORY_ROW, NULL);
  g_autofree char *when = tsu_date_time_format_iso (entry->changed_at, self->date_style);

  /* With the seconds: two saves in one minute are told apart. */
  if (entry->changed_at != NULL && strlen (entry->changed_at) >= 19)
    row->cells[CELL_WHEN] = g_strdup_printf ("%s%s", when, entry->changed_at + 16);
  else
    row->cells[CELL_WHEN] = g_steal_pointer (&when);
  row->id = entry->id;
  row->cells[CELL_USER] = g_strdup (entry->user ? entry->user : "");
  row->cells[CELL_WHAT] = dup_what (self, entry, name);
  row->cells[CELL_CHANGES] = dup_changes (self, entry);
  return row;
}

static gint64
newest_shown (TsuHistoryWindow *self)
{
  g_autoptr(TsuHistoryRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), 0);

  return row != NULL ? row->id : 0;
}

static void
reload (TsuHistoryWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree const char **entry_names = NULL;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  gint64 newest = newest_shown (self);
  guint n_new = 0;
  guint first;

  entries = tsu_audit_list_for_record (self->database, self->table, self->row_id, &error);
  if (entries == NULL)
    {
      g_warning ("Could not load the history: %s", error->message);
      return;
    }
  /* What each row is called, as of each entry: an update that does not
   * change the name still shows it, from the entry that last had it. */
  entry_names = g_new0 (const char *, entries->len + 1);
  for (guint i = 0; i < entries->len; i++)
    {
      TsuAuditEntry *entry = g_ptr_array_index (entries, i);
      char *key = g_strdup_printf ("%s\t%" G_GINT64_FORMAT, entry->table, entry->row_id);
      const char *name = name_in (entry);

      if (name != NULL)
        g_hash_table_replace (names, key, (gpointer) name);
      else
        {
          name = g_hash_table_lookup (names, key);
          g_free (key);
        }
      entry_names[i] = name;
    }

  while (n_new < entries->len
         && ((TsuAuditEntry *) g_ptr_array_index (entries, entries->len - 1 - n_new))->id > newest)
    n_new++;

  /* Newest first: the last change is what one comes to look at. */
  if (entries->len == shown + n_new
      && (shown == 0 || ((TsuAuditEntry *) g_ptr_array_index (entries, shown - 1))->id == newest))
    {
      /* The trail only grows: the rows shown stay, with the focus and
       * the scroll position, and the new ones go on top. */
      first = entries->len - n_new;
    }
  else
    {
      /* Another trail (a backup restored over the database): all anew.
       * GTK 4.8 trips over a focused row that goes (a critical in
       * gtk_widget_is_ancestor), so the focus leaves the list first. */
      first = 0;
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  for (guint i = entries->len; i > first; i--)
    g_ptr_array_add (rows, row_new (self, g_ptr_array_index (entries, i - 1), entry_names[i - 1]));
  g_list_store_splice (self->rows, 0, first == 0 ? shown : 0, rows->pdata, rows->len);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0 ? "list" : "empty");
}

static void
on_database_changed (TsuHistoryWindow *self,
                     const char       *table)
{
  reload (self);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Cell cell = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  if (cell == CELL_CHANGES || cell == CELL_WHAT)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (cell == CELL_CHANGES)
    gtk_label_set_width_chars (GTK_LABEL (label), 30);
  if (cell == CELL_WHEN || cell == CELL_USER)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  Cell cell = GPOINTER_TO_INT (user_data);
  TsuHistoryRow *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), row->cells[cell]);
}

static void
tsu_history_window_dispose (GObject *object)
{
  TsuHistoryWindow *self = TSU_HISTORY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_HISTORY_WINDOW);
  g_clear_object (&self->database);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (tsu_history_window_parent_class)->dispose (object);
}

static void
tsu_history_window_finalize (GObject *object)
{
  TsuHistoryWindow *self = TSU_HISTORY_WINDOW (object);

  g_free (self->table);

  G_OBJECT_CLASS (tsu_history_window_parent_class)->finalize (object);
}

static void
tsu_history_window_class_init (TsuHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_history_window_dispose;
  object_class->finalize = tsu_history_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsuHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TsuHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TsuHistoryWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, TsuHistoryWindow, when_column);
  gtk_widget_class_bind_template_child (widget_class, TsuHistoryWindow, user_column);
  gtk_widget_class_bind_template_child (widget_class, TsuHistoryWindow, what_column);
  gtk_widget_class_bind_template_child (widget_class, TsuHistoryWindow, changes_column);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tsu_history_window_init (TsuHistoryWindow *self)
{
  GtkColumnViewColumn *columns[N_CELLS];
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_style = tsu_report_default_date_style ();
  self->rows = g_list_store_new (TSU_TYPE_HISTORY_ROW);
  columns[CELL_WHEN] = self->when_column;
  columns[CELL_USER] = self->user_column;
  columns[CELL_WHAT] = self->what_column;
  columns[CELL_CHANGES] = self->changes_column;
  for (guint c = 0; c < N_CELLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      gtk_column_view_column_set_factory (columns[c], factory);
      g_object_unref (factory);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

TsuHistoryWindow *
tsu_history_window_new (GtkWindow   *parent,
                        TsuDatabase *database,
                        const char  *table,
                        gint64       row_id,
                        const char  *name)
{
  TsuHistoryWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (TSU_TYPE_HISTORY_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  self->table = g_strdup (table);
  self->row_id = row_id;
  if (name != NULL && *name != '\0')
    {
      /* Translators: title of the history window of a record: "NPO法人
       * 抱樸 の変更履歴" */
      g_autofree char *title = g_strdup_printf (_("History of “%s”"), name);

      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_subtitle (self->window_title, name);
    }
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

void
tsu_history_window_present_for (GtkWidget   *widget,
                                TsuDatabase *database,
                                const char  *table,
                                gint64       row_id,
                                const char  *name)
{
  g_autoptr(GList) toplevels = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (TSU_IS_DATABASE (database));
  g_return_if_fail (table != NULL);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (TSU_IS_HISTORY_WINDOW (l->data))
      {
        TsuHistoryWindow *open = l->data;

        if (open->database == database && open->row_id == row_id
            && g_str_equal (open->table, table))
          {
            gtk_window_present (GTK_WINDOW (open));
            return;
          }
      }
  root = gtk_widget_get_root (widget);
  gtk_window_present (GTK_WINDOW (tsu_history_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                          database, table, row_id, name)));
}

guint
tsu_history_window_get_n_entries (TsuHistoryWindow *self)
{
  g_return_val_if_fail (TSU_IS_HISTORY_WINDOW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

char *
tsu_history_window_dup_entry_text (TsuHistoryWindow *self,
                                   guint             position)
{
  g_autoptr(TsuHistoryRow) row = NULL;

  g_return_val_if_fail (TSU_IS_HISTORY_WINDOW (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  if (row == NULL)
    return NULL;
  return g_strjoinv ("\t", row->cells);
}
