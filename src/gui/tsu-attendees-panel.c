/* tsu-attendees-panel.c: the attendees of one event, on its page.
 *
 * A column view over a GListStore of TsuAttendee in the store's list
 * order (members 五十音順, others, city departments), so people of one
 * organisation stand together; the affiliation is written only on the
 * first row of each run, which labels the group without a heading row
 * (GTK 4.8 list views have no sections). Status changes and the sessions
 * attended are saved as soon as they are made. The list follows the
 * database's "changed" signal; a reload replaces only the rows that
 * changed, so the scroll position and an open drop-down survive another
 * desk's edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-attendee.h"
#include "tsu-audit.h"
#include "tsu-attendee-picker.h"
#include "tsu-attendees-panel.h"
#include "tsu-event-session.h"
#include "tsu-view-support.h"

typedef enum
{
  COLUMN_AFFILIATION,
  COLUMN_TITLE,
  COLUMN_NAME,
  COLUMN_STATUS,
  COLUMN_SESSIONS,
  COLUMN_REMOVE,
  N_COLUMNS
} Column;

struct _TsuAttendeesPanel
{
  AdwBin               parent_instance;

  /* template widgets */
  GtkLabel            *count_label;
  GtkCheckButton      *cancelled_check;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];

  /* owned */
  TsuDatabase         *database;
  TsuEvent            *event;
  GListStore          *store;
  GPtrArray           *sessions;     /* TsuEventSession, in programme order */
  guint                reload_id;
};

G_DEFINE_FINAL_TYPE (TsuAttendeesPanel, tsu_attendees_panel, ADW_TYPE_BIN)

/* Set on an attendee whose affiliation is the same as the row above's. */
static GQuark same_group_quark;

static void reload (TsuAttendeesPanel *self);

static GtkWindow *
parent_window (TsuAttendeesPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (TsuAttendeesPanel *self,
           AdwToast          *toast)
{
  tsu_widget_add_toast (GTK_WIDGET (self), toast);
}

static void
show_error (TsuAttendeesPanel *self,
            const char        *heading,
            const char        *body)
{
  tsu_widget_show_error (GTK_WIDGET (self), heading, body);
}

static TsuAttendee *
attendee_at (TsuAttendeesPanel *self,
             GtkWidget         *cell)
{
  return g_object_get_data (G_OBJECT (cell), "tsu-attendee");
}

/* Counts -------------------------------------------------------------------- */

static void
update_count (TsuAttendeesPanel *self)
{
  guint counts[TSU_N_ATTENDEE_STATUSES] = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint registered;

  if (self->database == NULL || self->event == NULL
      || !tsu_attendee_count_by_status (self->database, tsu_event_get_id (self->event),
                                        counts, &error))
    {
      if (error != NULL)
        g_warning ("Could not count the attendees: %s", error->message);
      gtk_label_set_text (self->count_label, "");
      return;
    }
  /* Everyone who has not cancelled was registered, whether they came. */
  registered = counts[TSU_ATTENDEE_STATUS_REGISTERED] + counts[TSU_ATTENDEE_STATUS_ATTENDED]
               + counts[TSU_ATTENDEE_STATUS_ABSENT];
  /* Translators: the live count on an event's page, e.g. "出席 12 / 申込 20". */
  text = g_strdup_printf (_("Attended %u / Registered %u"),
                          counts[TSU_ATTENDEE_STATUS_ATTENDED], registered);
  gtk_label_set_text (self->count_label, text);
}

/* Cells --------------------------------------------------------------------- */

static GtkWidget *
new_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static void
on_status_selected (GtkDropDown       *dropdown,
                    GParamSpec        *pspec,
                    TsuAttendeesPanel *self)
{
  TsuAttendee *attendee = attendee_at (self, GTK_WIDGET (dropdown));
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;

  /* Binding sets the status the attendee has already: nothing to save. */
  if (attendee == NULL || selected >= TSU_N_ATTENDEE_STATUSES
      || selected == (guint) tsu_attendee_get_status (attendee))
    return;
  if (!tsu_attendee_set_status_in_db (attendee, self->database,
                                      (TsuAttendeeStatus) selected, &error))
    {
      gtk_drop_down_set_selected (dropdown, tsu_attendee_get_status (attendee));
      add_toast (self, adw_toast_new (error->message));
    }
}

static char *
sessions_text (TsuAttendeesPanel *self,
               TsuAttendee       *attendee)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = tsu_attendee_load_session_ids (self->database, tsu_attendee_get_id (attendee), &error);
  if (ids == NULL)
    return g_strdup ("?");
  /* Translators: sessions attended of the programme, e.g. "3 / 6". */
  return g_strdup_printf (_("%u / %u"), ids->len, self->sessions->len);
}

static void
on_session_toggled (GtkCheckButton    *check,
                    TsuAttendeesPanel *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (check));
  GtkMenuButton *button = g_object_get_data (G_OBJECT (box), "tsu-button");
  TsuAttendee *attendee = attendee_at (self, GTK_WIDGET (button));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (attendee == NULL || g_object_get_data (G_OBJECT (box), "tsu-filling") != NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child) && gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      {
        gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "tsu-session-id"));

        g_array_append_val (ids, id);
      }
  if (!tsu_attendee_set_session_ids (self->database, tsu_attendee_get_id (attendee),
                                     (const gint64 *) (gpointer) ids->data, ids->len, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }
  text = sessions_text (self, attendee);
  gtk_menu_button_set_label (button, text);
}

/* The check buttons are made when the popover opens, from the sessions
 * stored then, so another desk's ticks are not overwritten. */
static void
on_sessions_popover_show (GtkPopover        *popover,
                          TsuAttendeesPanel *self)
{
  GtkWidget *box = gtk_popover_get_child (popover);
  GtkMenuButton *button = g_object_get_data (G_OBJECT (box), "tsu-button");
  TsuAttendee *attendee = attendee_at (self, GTK_WIDGET (button));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
  if (attendee == NULL)
    return;
  ids = tsu_attendee_load_session_ids (self->database, tsu_attendee_get_id (attendee), &error);
  if (ids == NULL)
    {
      gtk_box_append (GTK_BOX (box), gtk_label_new (error->message));
      return;
    }

  g_object_set_data (G_OBJECT (box), "tsu-filling", GINT_TO_POINTER (TRUE));
  for (guint i = 0; i < self->sessions->len; i++)
    {
      TsuEventSession *session = g_ptr_array_index (self->sessions, i);
      gint64 id = tsu_event_session_get_id (session);
      g_autofree char *label = g_strdup_printf ("%u. %s", tsu_event_session_get_position (session),
                                                tsu_event_session_get_title (session));
      GtkWidget *check = gtk_check_button_new_with_label (label);
      gboolean attended = FALSE;

      for (guint j = 0; j < ids->len && !attended; j++)
        attended = g_array_index (ids, gint64, j) == id;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), attended);
      g_object_set_data (G_OBJECT (check), "tsu-session-id", GSIZE_TO_POINTER ((gsize) id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_session_toggled), self);
      gtk_box_append (GTK_BOX (box), check);
    }
  g_object_set_data (G_OBJECT (box), "tsu-filling", NULL);
}

static void
on_remove_clicked (GtkButton         *button,
                   TsuAttendeesPanel *self)
{
  TsuAttendee *attendee = attendee_at (self, GTK_WIDGET (button));
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (attendee == NULL)
    return;
  /* The row goes when the panel reloads. */
  name = g_strdup (tsu_attendee_get_name (attendee));
  if (!tsu_attendee_delete (self->database, tsu_attendee_get_id (attendee), &error))
    {
      show_error (self, _("Could Not Remove the Attendee"), error->message);
      return;
    }
  /* Undo puts the same row back with the sessions attended: the delete
   * cascaded to them in the same change. */
  text = g_strdup_printf (_("Removed “%s”"), name);
  tsu_widget_add_undo_toast (GTK_WIDGET (self), self->database,
                             tsu_database_get_last_change (self->database), text);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  TsuAttendeesPanel *self = g_object_get_data (G_OBJECT (factory), "tsu-panel");
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child = NULL;

  switch (column)
    {
    case COLUMN_AFFILIATION:
    case COLUMN_TITLE:
      child = new_label ();
      break;
    case COLUMN_NAME:
      {
        GtkWidget *reading = new_label ();

        child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
        gtk_box_append (GTK_BOX (child), new_label ());
        gtk_widget_add_css_class (reading, "dim-label");
        gtk_widget_add_css_class (reading, "caption");
        gtk_box_append (GTK_BOX (child), reading);
      }
      break;
    case COLUMN_STATUS:
      {
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        for (TsuAttendeeStatus s = 0; s < TSU_N_ATTENDEE_STATUSES; s++)
          gtk_string_list_append (labels, tsu_attendee_status_to_label (s));
        child = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
        gtk_widget_set_name (child, "status");
        gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
        g_signal_connect (child, "notify::selected", G_CALLBACK (on_status_selected), self);
      }
      break;
    case COLUMN_SESSIONS:
      {
        GtkWidget *popover = gtk_popover_new ();
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

        child = gtk_menu_button_new ();
        gtk_widget_set_name (child, "sessions");
        gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (child, _("Sessions attended"));
        gtk_popover_set_child (GTK_POPOVER (popover), box);
        g_object_set_data (G_OBJECT (box), "tsu-button", child);
        g_signal_connect (popover, "show", G_CALLBACK (on_sessions_popover_show), self);
        gtk_menu_button_set_popover (GTK_MENU_BUTTON (child), popover);
      }
      break;
    case COLUMN_REMOVE:
      child = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_name (child, "remove");
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_set_tooltip_text (child, _("Remove from the event"));
      g_signal_connect (child, "clicked", G_CALLBACK (on_remove_clicked), self);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  gtk_list_item_set_child (item, child);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  TsuAttendeesPanel *self = g_object_get_data (G_OBJECT (factory), "tsu-panel");
  Column column = GPOINTER_TO_INT (user_data);
  TsuAttendee *attendee = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  const char *text;

  /* Cleared first so that setting the widget's state saves nothing. */
  g_object_set_data (G_OBJECT (child), "tsu-attendee", NULL);
  switch (column)
    {
    case COLUMN_AFFILIATION:
      text = tsu_attendee_get_affiliation (attendee);
      /* The first row of a group names it; the rows below leave it out. */
      if (g_object_get_qdata (G_OBJECT (attendee), same_group_quark) != NULL)
        text = "";
      gtk_label_set_text (GTK_LABEL (child), text ? text : "");
      gtk_widget_set_tooltip_text (child, tsu_attendee_get_affiliation (attendee));
      break;
    case COLUMN_TITLE:
      text = tsu_attendee_get_title (attendee);
      gtk_label_set_text (GTK_LABEL (child), text ? text : "");
      break;
    case COLUMN_NAME:
      {
        g_autofree char *name = NULL;

        if (tsu_attendee_get_walk_in (attendee))
          /* Translators: someone who registered at the desk on the day. */
          name = g_strdup_printf (_("%s (walk-in)"), tsu_attendee_get_name (attendee));
        else
          name = g_strdup (tsu_attendee_get_name (attendee));
        text = tsu_attendee_get_reading (attendee);
        gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (child)), name);
        gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (child)), text ? text : "");
        gtk_widget_set_visible (gtk_widget_get_last_child (child), text != NULL && *text != '\0');
      }
      break;
    case COLUMN_STATUS:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (child), tsu_attendee_get_status (attendee));
      break;
    case COLUMN_SESSIONS:
      {
        g_autofree char *label = sessions_text (self, attendee);

        gtk_menu_button_set_label (GTK_MENU_BUTTON (child), label);
      }
      break;
    case COLUMN_REMOVE:
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  g_object_set_data (G_OBJECT (child), "tsu-attendee", attendee);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "tsu-attendee", NULL);
}

/* Loading ------------------------------------------------------------------- */

static gboolean
same_row (TsuAttendee *a,
          TsuAttendee *b)
{
  return tsu_attendee_get_id (a) == tsu_attendee_get_id (b)
         && tsu_attendee_get_version (a) == tsu_attendee_get_version (b)
         && tsu_attendee_get_status (a) == tsu_attendee_get_status (b)
         && g_strcmp0 (tsu_attendee_get_affiliation (a), tsu_attendee_get_affiliation (b)) == 0
         && (g_object_get_qdata (G_OBJECT (a), same_group_quark) != NULL)
            == (g_object_get_qdata (G_OBJECT (b), same_group_quark) != NULL);
}

static void
reload_sessions (TsuAttendeesPanel *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions = NULL;

  if (self->database != NULL && self->event != NULL)
    sessions = tsu_event_session_load_for_event (self->database, tsu_event_get_id (self->event),
                                                 &error);
  if (error != NULL)
    g_warning ("Could not load the programme: %s", error->message);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  self->sessions = sessions ? sessions : g_ptr_array_new_with_free_func (g_object_unref);
  /* With no programme there is nothing to tick. */
  gtk_column_view_column_set_visible (self->columns[COLUMN_SESSIONS], self->sessions->len > 0);
}

static void
reload (TsuAttendeesPanel *self)
{
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean same_ids;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->database != NULL && self->event != NULL)
    attendees = tsu_attendee_load_for_event (self->database, tsu_event_get_id (self->event),
                                             gtk_check_button_get_active (self->cancelled_check),
                                             &error);
  if (error != NULL)
    g_warning ("Could not load the attendees: %s", error->message);
  if (attendees == NULL)
    attendees = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1; i < attendees->len; i++)
    {
      TsuAttendee *above = g_ptr_array_index (attendees, i - 1);
      TsuAttendee *attendee = g_ptr_array_index (attendees, i);

      if (g_strcmp0 (tsu_attendee_get_affiliation (above), tsu_attendee_get_affiliation (attendee)) == 0)
        g_object_set_qdata (G_OBJECT (attendee), same_group_quark, GINT_TO_POINTER (TRUE));
    }

  /* The same rows in the same order: replace only those that changed. */
  same_ids = n_old == attendees->len;
  for (guint i = 0; same_ids && i < n_old; i++)
    {
      g_autoptr(TsuAttendee) old = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      same_ids = tsu_attendee_get_id (old) == tsu_attendee_get_id (g_ptr_array_index (attendees, i));
    }
  if (same_ids)
    {
      for (guint i = 0; i < n_old; i++)
        {
          g_autoptr(TsuAttendee) old = g_list_model_get_item (G_LIST_MODEL (self->store), i);
          TsuAttendee *fresh = g_ptr_array_index (attendees, i);

          if (!same_row (old, fresh))
            g_list_store_splice (self->store, i, 1, (gpointer *) &fresh, 1);
        }
    }
  else
    g_list_store_splice (self->store, 0, n_old, attendees->pdata, attendees->len);

  gtk_stack_set_visible_child_name (self->list_stack, attendees->len > 0 ? "list" : "empty");
  update_count (self);
}

static gboolean
reload_idle (gpointer user_data)
{
  TsuAttendeesPanel *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_database_changed (TsuDatabase       *database,
                     const char        *table,
                     TsuAttendeesPanel *self)
{
  if (g_strcmp0 (table, "event_sessions") == 0)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

      reload_sessions (self);
      /* Every row's session count may be out of date. */
      g_list_model_items_changed (G_LIST_MODEL (self->store), 0, n, n);
    }
  /* Later, not now: the change may come from a drop-down of this very
   * list, in the middle of its signal. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle, self);
}

static void
on_cancelled_toggled (TsuAttendeesPanel *self)
{
  reload (self);
}

/* Actions ------------------------------------------------------------------- */

static void
on_attendees_added (TsuAttendeePicker *picker,
                    guint              n_added,
                    TsuAttendeesPanel *self)
{
  g_autofree char *text = NULL;

  if (n_added == 0)
    return;
  text = g_strdup_printf (ngettext ("Added %u attendee", "Added %u attendees", n_added), n_added);
  add_toast (self, adw_toast_new (text));
}

static void
open_picker (TsuAttendeesPanel *self,
             const char        *page)
{
  TsuAttendeePicker *picker;

  if (self->database == NULL || self->event == NULL)
    return;
  picker = tsu_attendee_picker_new (parent_window (self), self->database, self->event);
  g_signal_connect_object (picker, "added", G_CALLBACK (on_attendees_added), self, 0);
  tsu_attendee_picker_set_page (picker, page);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
add_directory_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_picker (TSU_ATTENDEES_PANEL (widget), "directory");
}

static void
add_outside_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_picker (TSU_ATTENDEES_PANEL (widget), "outside");
}

static void
tsu_attendees_panel_dispose (GObject *object)
{
  TsuAttendeesPanel *self = TSU_ATTENDEES_PANEL (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_ATTENDEES_PANEL);
  g_clear_object (&self->database);
  g_clear_object (&self->event);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);

  G_OBJECT_CLASS (tsu_attendees_panel_parent_class)->dispose (object);
}

static void
tsu_attendees_panel_class_init (TsuAttendeesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_attendees_panel_dispose;
  same_group_quark = g_quark_from_static_string ("tsu-attendees-panel-same-group");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/tsunagu/Tsunagu/tsu-attendees-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TsuAttendeesPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, TsuAttendeesPanel, cancelled_check);
  gtk_widget_class_bind_template_child (widget_class, TsuAttendeesPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TsuAttendeesPanel, column_view);
  gtk_widget_class_bind_template_child_full (widget_class, "affiliation_column", FALSE,
                                             G_STRUCT_OFFSET (TsuAttendeesPanel, columns[COLUMN_AFFILIATION]));
  gtk_widget_class_bind_template_child_full (widget_class, "title_column", FALSE,
                                             G_STRUCT_OFFSET (TsuAttendeesPanel, columns[COLUMN_TITLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
                                             G_STRUCT_OFFSET (TsuAttendeesPanel, columns[COLUMN_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_column", FALSE,
                                             G_STRUCT_OFFSET (TsuAttendeesPanel, columns[COLUMN_STATUS]));
  gtk_widget_class_bind_template_child_full (widget_class, "sessions_column", FALSE,
                                             G_STRUCT_OFFSET (TsuAttendeesPanel, columns[COLUMN_SESSIONS]));
  gtk_widget_class_bind_template_child_full (widget_class, "remove_column", FALSE,
                                             G_STRUCT_OFFSET (TsuAttendeesPanel, columns[COLUMN_REMOVE]));
  gtk_widget_class_bind_template_callback (widget_class, on_cancelled_toggled);

  gtk_widget_class_install_action (widget_class, "attendees.add-directory", NULL, add_directory_action);
  gtk_widget_class_install_action (widget_class, "attendees.add-outside", NULL, add_outside_action);
}

static void
tsu_attendees_panel_init (TsuAttendeesPanel *self)
{
  GtkNoSelection *selection;

  g_type_ensure (TSU_TYPE_ATTENDEE);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "tsu-panel", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (c));
      gtk_column_view_column_set_factory (self->columns[c], factory);
      g_object_unref (factory);
    }
  self->store = g_list_store_new (TSU_TYPE_ATTENDEE);
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_column_set_visible (self->columns[COLUMN_SESSIONS], FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attendees.add-directory", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attendees.add-outside", FALSE);
  reload (self);
}

GtkWidget *
tsu_attendees_panel_new (void)
{
  return g_object_new (TSU_TYPE_ATTENDEES_PANEL, NULL);
}

void
tsu_attendees_panel_set_event (TsuAttendeesPanel *self,
                               TsuDatabase       *database,
                               TsuEvent          *event)
{
  gboolean ready;

  g_return_if_fail (TSU_IS_ATTENDEES_PANEL (self));
  g_return_if_fail (database == NULL || TSU_IS_DATABASE (database));
  g_return_if_fail (event == NULL || TSU_IS_EVENT (event));

  if (self->database != database)
    {
      if (self->database != NULL)
        g_signal_handlers_disconnect_by_func (self->database, on_database_changed, self);
      g_set_object (&self->database, database);
      if (database != NULL)
        g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, 0);
    }
  g_set_object (&self->event, event);
  ready = database != NULL && event != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attendees.add-directory", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attendees.add-outside", ready);
  /* Another event: start from the top, not from the old rows. */
  g_list_store_remove_all (self->store);
  reload_sessions (self);
  reload (self);
}
