/* tsu-members-view.c: the member directory (参加団体名簿).
 *
 * A GListStore of TsuOrganization, in the store's 五十音順, is filtered
 * (search, kind, field, former members) and sorted by the column view's
 * sorter. With no column chosen the store order stays, and the name
 * column sorts by that order too, so "by name" always means 五十音順 by the
 * reading without the legal form, never by kanji code points.
 *
 * The column view shows the first ORGANIZATIONS_PAGE organisations in
 * their order and a page more each time it is scrolled to the end: a
 * GtkColumnView (GTK 4.8) builds 200 rows of cells whatever its height.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "tsu-date.h"
#include "tsu-application.h"
#include "tsu-audit.h"
#include "tsu-export.h"
#include "tsu-history-window.h"
#include "tsu-kana.h"
#include "tsu-members-report.h"
#include "tsu-members-view.h"
#include "tsu-organization-editor.h"
#include "tsu-person.h"
#include "tsu-person-editor.h"
#include "tsu-print.h"
#include "tsu-view-support.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_READING,
  COLUMN_KIND,
  COLUMN_FIELDS,
  COLUMN_WARD,
  COLUMN_PHONE,
  COLUMN_JOINED,
  N_COLUMNS
} Column;

/* The kind drop-down lists the three kinds in enum order, then "all". */
#define KIND_ALL 3

struct _TsuMembersView
{
  AdwBin               parent_instance;

  /* template widgets */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *field_dropdown;
  GtkCheckButton      *former_check;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  AdwStatusPage       *empty_page;
  GtkWidget           *empty_add_button;
  GtkLabel            *count_label;
  GtkStack            *detail_stack;
  GtkLabel            *detail_title;
  GtkLabel            *detail_reading;
  GtkListBox          *detail_list;
  GtkListBox          *people_list;

  /* owned */
  TsuDatabase         *database;
  GSettings           *settings;     /* NULL without the installed schema */
  GListStore          *store;
  GtkCustomFilter     *filter;
  GtkSingleSelection  *selection;
  GtkStringList       *fields;       /* the field drop-down's items */
  char                *needle;       /* normalised search text */
  char                *today;
  gint64               pending_id;   /* select after the next reload */
  GtkSortListModel    *sorted;       /* what passes the filters, in order */
  GtkSliceListModel   *shown;        /* the first rows of sorted */
  gboolean             exporting;
  gboolean             stale;          /* to be loaded when next shown */
};

G_DEFINE_FINAL_TYPE (TsuMembersView, tsu_members_view, ADW_TYPE_BIN)

static void update_count (TsuMembersView *self);

/* Rows the column view shows at first, and adds each time it reaches its
 * end. */
#define ORGANIZATIONS_PAGE 50

static GQuark position_quark;
static GQuark reading_key_quark;
static GQuark fields_key_quark;

static TsuDateStyle
date_style (TsuMembersView *self)
{
  return tsu_settings_get_date_style (self->settings);
}

static GtkWindow *
parent_window (TsuMembersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (TsuMembersView *self,
            const char     *heading,
            const char     *body)
{
  tsu_widget_show_error (GTK_WIDGET (self), heading, body);
}

/* Cell text ---------------------------------------------------------------- */

static char *
format_date (TsuMembersView *self,
             const char     *iso)
{
  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  return tsu_date_format_iso (iso, date_style (self));
}

static char *
cell_text (TsuMembersView  *self,
           TsuOrganization *org,
           Column           column)
{
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      return tsu_organization_dup_display_name (org);
    case COLUMN_READING:
      text = tsu_organization_get_reading (org);
      break;
    case COLUMN_KIND:
      text = tsu_organization_kind_to_label (tsu_organization_get_kind (org));
      break;
    case COLUMN_FIELDS:
      return tsu_organization_dup_fields_text (org);
    case COLUMN_WARD:
      text = tsu_organization_get_ward (org);
      break;
    case COLUMN_PHONE:
      text = tsu_organization_get_phone (org);
      break;
    case COLUMN_JOINED:
      return format_date (self, tsu_organization_get_joined_on (org));
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  return g_strdup (text ? text : "");
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_READING)
    gtk_widget_add_css_class (label, "dim-label");
  if (column == COLUMN_PHONE || column == COLUMN_JOINED)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  TsuMembersView *self = g_object_get_data (G_OBJECT (factory), "tsu-view");
  Column column = GPOINTER_TO_INT (user_data);
  TsuOrganization *org = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = cell_text (self, org, column);

  gtk_label_set_text (label, text);
  /* Long names and field lists are cut off; the tooltip shows them whole. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               (column == COLUMN_NAME || column == COLUMN_FIELDS) && *text
                               ? text : NULL);
}

/* Sorting ------------------------------------------------------------------ */

static GBytes *
cached_key (TsuOrganization *org,
            GQuark           quark,
            const char      *text)
{
  GBytes *key = g_object_get_qdata (G_OBJECT (org), quark);

  if (key == NULL)
    {
      key = tsu_kana_sort_key (text ? text : "");
      g_object_set_qdata_full (G_OBJECT (org), quark, key, (GDestroyNotify) g_bytes_unref);
    }
  return key;
}

static int
compare_text (const char *a,
              const char *b)
{
  gboolean a_empty = a == NULL || *a == '\0';
  gboolean b_empty = b == NULL || *b == '\0';

  /* Empty cells go last whatever the column. */
  if (a_empty || b_empty)
    return a_empty - b_empty;
  return strcmp (a, b);
}

static int
ward_rank (const char *ward)
{
  const char * const *wards = tsu_organization_editor_wards ();

  if (ward == NULL || *ward == '\0')
    return G_MAXINT;
  for (int i = 0; wards[i] != NULL; i++)
    if (g_str_equal (wards[i], ward))
      return i;
  return G_MAXINT - 1;
}

static int
compare_organizations (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  TsuOrganization *x = (TsuOrganization *) a;
  TsuOrganization *y = (TsuOrganization *) b;
  Column column = GPOINTER_TO_INT (user_data);
  int result = 0;

  switch (column)
    {
    case COLUMN_NAME:
      break;
    case COLUMN_READING:
      result = g_bytes_compare (cached_key (x, reading_key_quark, tsu_organization_get_reading (x)),
                                cached_key (y, reading_key_quark, tsu_organization_get_reading (y)));
      break;
    case COLUMN_KIND:
      result = (int) tsu_organization_get_kind (x) - (int) tsu_organization_get_kind (y);
      break;
    case COLUMN_FIELDS:
      {
        g_autofree char *fx = tsu_organization_dup_fields_text (x);
        g_autofree char *fy = tsu_organization_dup_fields_text (y);

        if (*fx == '\0' || *fy == '\0')
          result = (*fx == '\0') - (*fy == '\0');
        else
          result = g_bytes_compare (cached_key (x, fields_key_quark, fx),
                                    cached_key (y, fields_key_quark, fy));
      }
      break;
    case COLUMN_WARD:
      {
        int rx = ward_rank (tsu_organization_get_ward (x));
        int ry = ward_rank (tsu_organization_get_ward (y));

        result = rx < ry ? -1 : rx > ry;
        if (result == 0)
          result = compare_text (tsu_organization_get_ward (x), tsu_organization_get_ward (y));
      }
      break;
    case COLUMN_PHONE:
      result = compare_text (tsu_organization_get_phone (x), tsu_organization_get_phone (y));
      break;
    case COLUMN_JOINED:
      result = compare_text (tsu_organization_get_joined_on (x), tsu_organization_get_joined_on (y));
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  /* Ties (and the name column) fall back to the store's 五十音順. */
  if (result == 0)
    {
      guint px = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (x), position_quark));
      guint py = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (y), position_quark));

      result = px < py ? -1 : px > py;
    }
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Filtering ---------------------------------------------------------------- */

static const char *
selected_field (TsuMembersView *self)
{
  guint selected = gtk_drop_down_get_selected (self->field_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->fields, selected);
}

static gboolean
match_organization (gpointer item,
                    gpointer user_data)
{
  TsuMembersView *self = user_data;
  TsuOrganization *org = item;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  const char *field = selected_field (self);

  if (kind != KIND_ALL && kind != GTK_INVALID_LIST_POSITION
      && (guint) tsu_organization_get_kind (org) != kind)
    return FALSE;
  if (!gtk_check_button_get_active (self->former_check)
      && !tsu_organization_is_current (org, self->today))
    return FALSE;
  if (field != NULL && !tsu_organization_has_field (org, field))
    return FALSE;
  if (self->needle != NULL && *self->needle != '\0')
    {
      const char *key = tsu_organization_get_search_key (org);

      if (key == NULL || strstr (key, self->needle) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
update_empty_state (TsuMembersView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (total == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Organisations Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the council’s member organisations here, "
                                         "or import them from a CSV file."));
      gtk_widget_set_visible (self->empty_add_button, TRUE);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page,
                                       _("No organisation matches the search and filters. "
                                         "Try other words, or include all kinds and former members."));
      gtk_widget_set_visible (self->empty_add_button, FALSE);
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
refilter (TsuMembersView *self)
{
  g_free (self->today);
  self->today = tsu_date_today_iso ();
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_search_changed (TsuMembersView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->needle);
  self->needle = tsu_kana_normalize (text);
  refilter (self);
}

static void
on_stop_search (TsuMembersView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_changed (TsuMembersView *self)
{
  if (self->filter != NULL)
    refilter (self);
}

/* Detail pane -------------------------------------------------------------- */

static void
show_people (TsuMembersView  *self,
             TsuOrganization *org)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  tsu_list_box_remove_all (self->people_list);
  people = tsu_person_load_for_organization (self->database, tsu_organization_get_id (org), &error);
  if (people == NULL)
    {
      tsu_list_box_add_detail (self->people_list, _("Could not load the people"), error->message);
      return;
    }
  if (people->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No representative or contact yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->people_list, row);
      return;
    }

  for (guint i = 0; i < people->len; i++)
    {
      TsuPerson *person = g_ptr_array_index (people, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *edit_label = NULL;
      g_autofree char *delete_label = NULL;
      const char *values[] = {
        tsu_person_get_reading (person), tsu_person_get_title (person),
        tsu_person_get_phone (person), tsu_person_get_email (person),
      };
      GtkWidget *row = adw_action_row_new ();

      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        if (values[v] != NULL && *values[v] != '\0')
          g_ptr_array_add (parts, (gpointer) values[v]);
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv ("\n", (char **) parts->pdata);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tsu_person_get_name (person));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

      if (tsu_person_get_primary (person))
        {
          /* Translators: a badge next to the primary contact person */
          GtkWidget *badge = gtk_label_new (_("Primary"));

          gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (badge, "accent");
          gtk_widget_add_css_class (badge, "caption-heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        }
      /* Translators: %s is a person's name */
      edit_label = g_strdup_printf (_("Edit %s"), tsu_person_get_name (person));
      /* Translators: %s is a person's name */
      delete_label = g_strdup_printf (_("Delete %s"), tsu_person_get_name (person));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 tsu_icon_button_new ("document-edit-symbolic", edit_label,
                                              "members.edit-person", tsu_person_get_id (person)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 tsu_icon_button_new ("user-trash-symbolic", delete_label,
                                              "members.delete-person", tsu_person_get_id (person)));
      gtk_list_box_append (self->people_list, row);
    }
}

static void
show_detail (TsuMembersView *self)
{
  TsuOrganization *org = tsu_members_view_get_selected (self);
  g_autofree char *display = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *left = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.edit", org != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.delete", org != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.history", org != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.add-person", org != NULL);
  if (org == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  display = tsu_organization_dup_display_name (org);
  fields = tsu_organization_dup_fields_text (org);
  joined = format_date (self, tsu_organization_get_joined_on (org));
  left = format_date (self, tsu_organization_get_left_on (org));

  gtk_label_set_text (self->detail_title, display);
  gtk_label_set_text (self->detail_reading, tsu_organization_get_reading (org));

  tsu_list_box_remove_all (self->detail_list);
  tsu_list_box_add_detail (self->detail_list, _("Kind"), tsu_organization_kind_to_label (tsu_organization_get_kind (org)));
  tsu_list_box_add_detail (self->detail_list, _("Fields of Activity"), fields);
  tsu_list_box_add_detail (self->detail_list, _("Ward"), tsu_organization_get_ward (org));
  tsu_list_box_add_detail (self->detail_list, _("Address"), tsu_organization_get_address (org));
  tsu_list_box_add_detail (self->detail_list, _("Phone"), tsu_organization_get_phone (org));
  tsu_list_box_add_detail (self->detail_list, _("E-mail"), tsu_organization_get_email (org));
  tsu_list_box_add_detail (self->detail_list, _("Website"), tsu_organization_get_website (org));
  tsu_list_box_add_detail (self->detail_list, _("Hours"), tsu_organization_get_hours (org));
  tsu_list_box_add_detail (self->detail_list, _("Joined On"), joined);
  if (*left != '\0')
    tsu_list_box_add_detail (self->detail_list, _("Left On"), left);
  tsu_list_box_add_detail (self->detail_list, _("Notes"), tsu_organization_get_notes (org));

  show_people (self, org);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* Loading ------------------------------------------------------------------ */

static void
update_count (TsuMembersView *self)
{
  guint members = 0;
  int target = self->settings ? g_settings_get_int (self->settings, "member-target") : 30;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuOrganization) org = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (tsu_organization_get_kind (org) == TSU_ORGANIZATION_KIND_MEMBER
          && tsu_organization_is_current (org, self->today))
        members++;
    }
  /* Translators: the number of current member organisations and the
   * council's target, e.g. "11 団体 (目標 30)" */
  text = g_strdup_printf (ngettext ("%u member organisation (target %d)",
                                    "%u member organisations (target %d)", members),
                          members, target);
  /* While the list is not the current members (a search, other kinds or
   * former ones), say how many it shows. */
  if (self->sorted != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) != members)
    {
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
      g_autofree char *counts = g_steal_pointer (&text);

      /* Translators: the count above, then how many organisations the
       * search lists, e.g. "11 団体 (目標 30)・3 件を表示" */
      text = g_strdup_printf (ngettext ("%s · %u shown", "%s · %u shown", shown), counts, shown);
    }
  gtk_label_set_text (self->count_label, text);
}

static void
rebuild_field_choices (TsuMembersView *self)
{
  g_autofree char *previous = g_strdup (selected_field (self));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  GtkStringList *list;
  guint select = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuOrganization) org = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const char * const *fields = tsu_organization_get_fields (org);

      for (guint f = 0; fields != NULL && fields[f] != NULL; f++)
        if (g_hash_table_add (seen, (gpointer) fields[f]))
          g_ptr_array_add (names, (gpointer) fields[f]);
    }

  list = gtk_string_list_new (NULL);
  /* Translators: the first choice of the field-of-activity filter */
  gtk_string_list_append (list, _("All Fields"));
  for (guint i = 0; i < names->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (names, i));
      if (previous != NULL && g_str_equal (previous, g_ptr_array_index (names, i)))
        select = i + 1;
    }

  g_set_object (&self->fields, list);
  g_object_unref (list);
  gtk_drop_down_set_model (self->field_dropdown, G_LIST_MODEL (self->fields));
  gtk_drop_down_set_selected (self->field_dropdown, select);
}

static void
reload_now (TsuMembersView *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  TsuOrganization *selected = tsu_members_view_get_selected (self);
  gint64 keep = self->pending_id ? self->pending_id
                                 : selected ? tsu_organization_get_id (selected) : 0;

  self->pending_id = 0;
  g_free (self->today);
  self->today = tsu_date_today_iso ();

  if (self->database == NULL)
    all = g_ptr_array_new_with_free_func (g_object_unref);
  else
    all = tsu_organization_load_all (self->database, &error);
  if (all == NULL)
    {
      show_error (self, _("Could Not Load the Directory"), error->message);
      return;
    }

  for (guint i = 0; i < all->len; i++)
    g_object_set_qdata (g_ptr_array_index (all, i), position_quark, GUINT_TO_POINTER (i + 1));

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       all->pdata, all->len);
  rebuild_field_choices (self);
  update_count (self);
  update_empty_state (self);

  if (keep == 0 || !tsu_members_view_select_organization (self, keep))
    show_detail (self);
}

/* A view behind another is loaded when it is next shown: with a large
 * file, loading every view at start (or on every change) would cost
 * seconds and memory for lists nobody looks at. */
static void
reload (TsuMembersView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  reload_now (self);
}

static void
tsu_members_view_map (GtkWidget *widget)
{
  TsuMembersView *self = TSU_MEMBERS_VIEW (widget);

  GTK_WIDGET_CLASS (tsu_members_view_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
on_database_changed (TsuDatabase    *database,
                     const char     *table,
                     TsuMembersView *self)
{
  if (g_strcmp0 (table, "organizations") == 0)
    reload (self);
  else if (g_strcmp0 (table, "people") == 0)
    show_detail (self);
}

static void
on_settings_changed (GSettings      *settings,
                     const char     *key,
                     TsuMembersView *self)
{
  if (g_str_equal (key, "date-style"))
    {
      /* Cells are bound once; rebinding them is a reload. */
      reload (self);
    }
  else if (g_str_equal (key, "member-target"))
    update_count (self);
}

/* Actions ------------------------------------------------------------------ */

static void
on_organization_saved (TsuOrganizationEditor *editor,
                       TsuOrganization       *org,
                       TsuMembersView        *self)
{
  /* The store's "changed" has reloaded the list already; show the
   * organisation even if the filters would hide it. */
  if (!tsu_members_view_select_organization (self, tsu_organization_get_id (org)))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->kind_dropdown, KIND_ALL);
      gtk_drop_down_set_selected (self->field_dropdown, 0);
      gtk_check_button_set_active (self->former_check, TRUE);
      g_free (self->needle);
      self->needle = NULL;
      refilter (self);
      tsu_members_view_select_organization (self, tsu_organization_get_id (org));
    }
}

static void
open_editor (TsuMembersView  *self,
             TsuOrganization *org)
{
  TsuOrganizationEditor *editor;

  if (self->database == NULL)
    return;
  editor = tsu_organization_editor_new (parent_window (self), self->database, org);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_organization_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  tsu_members_view_add_organization (TSU_MEMBERS_VIEW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsuMembersView *self = TSU_MEMBERS_VIEW (widget);
  TsuOrganization *org = tsu_members_view_get_selected (self);

  if (org != NULL)
    open_editor (self, org);
}

static void
on_column_view_activate (TsuMembersView *self,
                         guint           position)
{
  g_autoptr(TsuOrganization) org = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (org != NULL)
    open_editor (self, org);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsuMembersView *self = TSU_MEMBERS_VIEW (widget);
  TsuOrganization *selected = tsu_members_view_get_selected (self);
  g_autoptr(TsuOrganization) org = NULL;
  g_autofree char *display = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint position;
  gint64 change;

  if (selected == NULL || self->database == NULL)
    return;
  org = g_object_ref (selected);
  display = tsu_organization_dup_display_name (org);
  position = gtk_single_selection_get_selected (self->selection);

  if (!tsu_organization_delete (self->database, tsu_organization_get_id (org), &error))
    {
      show_error (self, _("Could Not Delete the Organisation"), error->message);
      return;
    }
  change = tsu_database_get_last_change (self->database);
  /* Keep the keyboard where it was: select the row that moved up. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->selection)) - 1));
  /* Translators: %s is the name of what was deleted; shown with an Undo
   * button */
  text = g_strdup_printf (_("Deleted “%s”"), display);
  tsu_widget_add_undo_toast (GTK_WIDGET (self), self->database, change, text);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TsuMembersView *self = TSU_MEMBERS_VIEW (widget);
  TsuOrganization *org = tsu_members_view_get_selected (self);
  g_autofree char *display = NULL;

  if (org == NULL || self->database == NULL)
    return;
  display = tsu_organization_dup_display_name (org);
  tsu_history_window_present_for (widget, self->database, "organizations",
                                  tsu_organization_get_id (org), display);
}

static void
open_person_editor (TsuMembersView *self,
                    TsuPerson      *person)
{
  TsuPersonEditor *editor = tsu_person_editor_new (parent_window (self), self->database, person);

  gtk_window_present (GTK_WINDOW (editor));
}

static TsuPerson *
find_person (TsuMembersView *self,
             gint64          id)
{
  TsuOrganization *org = tsu_members_view_get_selected (self);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  if (org == NULL || self->database == NULL)
    return NULL;
  people = tsu_person_load_for_organization (self->database, tsu_organization_get_id (org), &error);
  if (people == NULL)
    {
      show_error (self, _("Could Not Load the People"), error->message);
      return NULL;
    }
  for (guint i = 0; i < people->len; i++)
    if (tsu_person_get_id (g_ptr_array_index (people, i)) == id)
      return g_object_ref (g_ptr_array_index (people, i));
  return NULL;
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TsuMembersView *self = TSU_MEMBERS_VIEW (widget);
  TsuOrganization *org = tsu_members_view_get_selected (self);
  g_autoptr(TsuPerson) person = NULL;

  if (org == NULL || self->database == NULL)
    return;
  person = tsu_person_new (tsu_organization_get_id (org));
  open_person_editor (self, person);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TsuMembersView *self = TSU_MEMBERS_VIEW (widget);
  g_autoptr(TsuPerson) person = find_person (self, g_variant_get_int64 (parameter));

  if (person != NULL)
    open_person_editor (self, person);
}

static void
delete_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TsuMembersView *self = TSU_MEMBERS_VIEW (widget);
  g_autoptr(TsuPerson) person = find_person (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (person == NULL)
    return;
  if (!tsu_person_delete (self->database, tsu_person_get_id (person), &error))
    {
      show_error (self, _("Could Not Delete the Person"), error->message);
      return;
    }
  text = g_strdup_printf (_("Deleted “%s”"), tsu_person_get_name (person));
  tsu_widget_add_undo_toast (GTK_WIDGET (self), self->database,
                             tsu_database_get_last_change (self->database), text);
}

static void
report_options (TsuMembersView          *self,
                TsuMembersReportOptions *options)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  tsu_members_report_options_init (options);
  options->all_kinds = kind == KIND_ALL || kind == GTK_INVALID_LIST_POSITION;
  if (!options->all_kinds)
    options->kind = (TsuOrganizationKind) kind;
  options->include_former = gtk_check_button_get_active (self->former_check);
  options->date_style = date_style (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TsuMembersView *self = TSU_MEMBERS_VIEW (widget);
  TsuMembersReportOptions options;
  g_autoptr(TsuTablePrint) printout = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;
  report_options (self, &options);
  printout = tsu_members_report_new_printout (self->database, &options, &error);
  if (printout == NULL)
    {
      show_error (self, _("Could Not Print"), error->message);
      return;
    }
  tsu_print_table (parent_window (self), printout);
}

static gboolean
write_workbook (TsuDatabase  *database,
                const char   *path,
                gpointer      user_data,
                GError      **error)
{
  return tsu_members_report_export_xlsx (database, user_data, path, error);
}

static void
set_exporting (GtkWidget *widget,
               gboolean   exporting)
{
  TSU_MEMBERS_VIEW (widget)->exporting = exporting;
  gtk_widget_action_set_enabled (widget, "members.export", !exporting);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsuMembersView *self = TSU_MEMBERS_VIEW (widget);
  g_autofree char *today = tsu_date_today_iso ();
  g_autofree char *name = NULL;
  TsuMembersReportOptions *options;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->database == NULL || self->exporting)
    return;

  /* The file chooser is modal: the filters cannot change before the
   * workbook is written. */
  options = g_new0 (TsuMembersReportOptions, 1);
  report_options (self, options);
  /* Translators: file name of the exported list, followed by the date:
   * 参加団体名簿_2026-11-24.xlsx */
  name = g_strdup_printf ("%s_%s.xlsx",
                          kind == TSU_ORGANIZATION_KIND_MEMBER ? _("Member Directory")
                                                               : _("Organisation Directory"),
                          today);
  tsu_export_workbook (widget, self->database, name, _("Could Not Export the Directory"),
                       write_workbook, options, g_free, set_exporting);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  tsu_members_view_focus_search (TSU_MEMBERS_VIEW (widget));
}

/* Class -------------------------------------------------------------------- */

static void
tsu_members_view_dispose (GObject *object)
{
  TsuMembersView *self = TSU_MEMBERS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_MEMBERS_VIEW);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->fields);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (tsu_members_view_parent_class)->dispose (object);
}

static void
tsu_members_view_class_init (TsuMembersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = tsu_members_view_map;
  object_class->dispose = tsu_members_view_dispose;

  position_quark = g_quark_from_static_string ("tsu-members-view-position");
  reading_key_quark = g_quark_from_static_string ("tsu-members-view-reading-key");
  fields_key_quark = g_quark_from_static_string ("tsu-members-view-fields-key");

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-members-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuMembersView, name)
  CHILD (search_entry);
  CHILD (kind_dropdown);
  CHILD (field_dropdown);
  CHILD (former_check);
  CHILD (list_stack);
  CHILD (column_view);
  CHILD (empty_page);
  CHILD (empty_add_button);
  CHILD (count_label);
  CHILD (detail_stack);
  CHILD (detail_title);
  CHILD (detail_reading);
  CHILD (detail_list);
  CHILD (people_list);
#undef CHILD
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
                                             G_STRUCT_OFFSET (TsuMembersView, columns[COLUMN_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "reading_column", FALSE,
                                             G_STRUCT_OFFSET (TsuMembersView, columns[COLUMN_READING]));
  gtk_widget_class_bind_template_child_full (widget_class, "kind_column", FALSE,
                                             G_STRUCT_OFFSET (TsuMembersView, columns[COLUMN_KIND]));
  gtk_widget_class_bind_template_child_full (widget_class, "fields_column", FALSE,
                                             G_STRUCT_OFFSET (TsuMembersView, columns[COLUMN_FIELDS]));
  gtk_widget_class_bind_template_child_full (widget_class, "ward_column", FALSE,
                                             G_STRUCT_OFFSET (TsuMembersView, columns[COLUMN_WARD]));
  gtk_widget_class_bind_template_child_full (widget_class, "phone_column", FALSE,
                                             G_STRUCT_OFFSET (TsuMembersView, columns[COLUMN_PHONE]));
  gtk_widget_class_bind_template_child_full (widget_class, "joined_column", FALSE,
                                             G_STRUCT_OFFSET (TsuMembersView, columns[COLUMN_JOINED]));
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);

  gtk_widget_class_install_action (widget_class, "members.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "members.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "members.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "members.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "members.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "members.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "members.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "members.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "members.edit-person", "x", edit_person_action);
  gtk_widget_class_install_action (widget_class, "members.delete-person", "x", delete_person_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "members.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "members.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "members.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "members.focus-search", NULL);
  /* Entries handle Delete themselves before it bubbles up to the view, so
   * it still deletes text there. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "members.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "members.delete", NULL);
}

static void
tsu_members_view_init (TsuMembersView *self)
{
  GtkFilterListModel *filtered;
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  g_type_ensure (TSU_TYPE_ORGANIZATION);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = tsu_date_today_iso ();
  /* Tests and uninstalled runs may lack the schema: look it up softly. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "date-style")
      && g_settings_schema_has_key (schema, "member-target"))
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
    }

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_organizations, GINT_TO_POINTER (c), NULL);

      g_object_set_data (G_OBJECT (factory), "tsu-view", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      gtk_column_view_column_set_factory (self->columns[c], factory);
      gtk_column_view_column_set_sorter (self->columns[c], GTK_SORTER (sorter));
      g_object_unref (factory);
      g_object_unref (sorter);
    }

  self->store = g_list_store_new (TSU_TYPE_ORGANIZATION);
  self->filter = gtk_custom_filter_new (match_organization, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->shown = tsu_paged_slice_new (G_LIST_MODEL (g_object_ref (self->sorted)), ORGANIZATIONS_PAGE,
                                     GTK_WIDGET (self->column_view));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (show_detail),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_empty_state),
                           self, G_CONNECT_SWAPPED);

  /* No key-capture from the list into the search entry: it would take
   * the Delete key that deletes the selected organisation. */

  reload (self);
}

GtkWidget *
tsu_members_view_new (void)
{
  return g_object_new (TSU_TYPE_MEMBERS_VIEW, NULL);
}

void
tsu_members_view_set_database (TsuMembersView *self,
                               TsuDatabase    *database)
{
  g_return_if_fail (TSU_IS_MEMBERS_VIEW (self));
  g_return_if_fail (database == NULL || TSU_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, 0);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  reload (self);
}

void
tsu_members_view_add_organization (TsuMembersView *self)
{
  g_return_if_fail (TSU_IS_MEMBERS_VIEW (self));

  open_editor (self, NULL);
}

void
tsu_members_view_focus_search (TsuMembersView *self)
{
  g_return_if_fail (TSU_IS_MEMBERS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
tsu_members_view_select_organization (TsuMembersView *self,
                                      gint64          id)
{
  guint n;

  g_return_val_if_fail (TSU_IS_MEMBERS_VIEW (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuOrganization) org = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (tsu_organization_get_id (org) == id)
        {
          /* The list shows as far as the organisation. */
          tsu_paged_slice_show_position (self->shown, i);
          gtk_single_selection_set_selected (self->selection, i);
          /* The same position may hold a fresh object after a reload. */
          show_detail (self);
          return TRUE;
        }
    }
  return FALSE;
}

TsuOrganization *
tsu_members_view_get_selected (TsuMembersView *self)
{
  g_return_val_if_fail (TSU_IS_MEMBERS_VIEW (self), NULL);

  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}
