/* tsu-reception-window.c: the reception desk on the day of an event.
 *
 * Made for a busy desk: one big entry that keeps the focus. A few kana of
 * a name, reading or organisation filter the list (ｶﾅ, カナ and かな alike,
 * through the attendee's normalised search key); the first match not yet
 * attended is selected, Up and Down move the selection, and Enter marks it
 * attended and clears the entry for the next person, with a toast that
 * can undo it. Someone not on the list is added in one step as a walk-in
 * (Ctrl+Enter), prefilled from what was typed. The list and the count
 * follow the database's "changed" signal, so two desks on one database
 * stay in step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "tsu-attendee.h"
#include "tsu-audit.h"
#include "tsu-kana.h"
#include "tsu-organization.h"
#include "tsu-reception-window.h"
#include "tsu-view-support.h"
#include "tsu-xlsx-style.h"

struct _TsuReceptionWindow
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwWindowTitle     *window_title;
  AdwToastOverlay    *toast_overlay;
  GtkLabel           *count_label;
  GtkEntry           *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *no_match_page;
  GtkRevealer        *walk_in_revealer;
  GtkEntry           *walk_in_name;
  GtkEntry           *walk_in_reading;
  GtkEntry           *walk_in_affiliation;
  GtkLabel           *walk_in_error;

  /* owned */
  TsuDatabase        *database;
  TsuEvent           *event;
  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *needle;
};

G_DEFINE_FINAL_TYPE (TsuReceptionWindow, tsu_reception_window, ADW_TYPE_WINDOW)

/* The user's date style; tests and uninstalled runs may lack the schema. */
static void
add_toast (TsuReceptionWindow *self,
           AdwToast           *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Counts and list ----------------------------------------------------------- */

static void
update_count (TsuReceptionWindow *self)
{
  guint counts[TSU_N_ATTENDEE_STATUSES] = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint expected;

  if (!tsu_attendee_count_by_status (self->database, tsu_event_get_id (self->event),
                                     counts, &error))
    {
      g_warning ("Could not count the attendees: %s", error->message);
      return;
    }
  expected = counts[TSU_ATTENDEE_STATUS_REGISTERED] + counts[TSU_ATTENDEE_STATUS_ATTENDED]
             + counts[TSU_ATTENDEE_STATUS_ABSENT];
  /* Translators: the reception desk's live count, e.g. "出席 12 / 25". */
  text = g_strdup_printf (_("Attended %u / %u"), counts[TSU_ATTENDEE_STATUS_ATTENDED], expected);
  gtk_label_set_text (self->count_label, text);
}

static TsuAttendee *
selected_attendee (TsuReceptionWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
select_position (TsuReceptionWindow *self,
                 guint               position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* After the list changes: the first match still to come is selected, so
 * Enter takes the person most likely standing at the desk. */
static void
select_best (TsuReceptionWindow *self,
             gint64              keep_id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  guint best = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuAttendee) attendee = g_list_model_get_item (model, i);

      if (keep_id != 0 && tsu_attendee_get_id (attendee) == keep_id)
        {
          best = i;
          break;
        }
      if (best == GTK_INVALID_LIST_POSITION
          && tsu_attendee_get_status (attendee) != TSU_ATTENDEE_STATUS_ATTENDED)
        best = i;
    }
  if (best == GTK_INVALID_LIST_POSITION && n > 0)
    best = 0;
  select_position (self, best);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static gboolean
match_attendee (gpointer item,
                gpointer user_data)
{
  TsuReceptionWindow *self = user_data;

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  /* The key holds the name, its reading, the affiliation and the
   * organisation's reading, all normalised. */
  return strstr (tsu_attendee_get_search_key (item), self->needle) != NULL;
}

static void
reload (TsuReceptionWindow *self)
{
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GError) error = NULL;
  TsuAttendee *selected = selected_attendee (self);
  gint64 keep_id = selected ? tsu_attendee_get_id (selected) : 0;

  attendees = tsu_attendee_load_for_event (self->database, tsu_event_get_id (self->event),
                                           FALSE, &error);
  if (attendees == NULL)
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       attendees->pdata, attendees->len);
  select_best (self, keep_id);
  update_count (self);
}

static void
on_database_changed (TsuDatabase        *database,
                     const char         *table,
                     TsuReceptionWindow *self)
{
  if (g_strcmp0 (table, "attendees") == 0 || g_strcmp0 (table, "organizations") == 0
      || g_strcmp0 (table, "people") == 0)
    reload (self);
}

static void
on_search_changed (TsuReceptionWindow *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_free (self->needle);
  self->needle = tsu_kana_normalize (g_strstrip (text));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  select_best (self, 0);
  if (*self->needle != '\0')
    {
      g_autofree char *description = NULL;

      /* Translators: shown when nothing matches what was typed at the desk. */
      description = g_strdup_printf (_("Nobody matches “%s”. Press Ctrl+Enter to add a walk-in."),
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      adw_status_page_set_description (self->no_match_page, description);
    }
}

/* Rows ---------------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *reading = gtk_label_new (NULL);
  GtkWidget *affiliation = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "reception-name");
  gtk_label_set_xalign (GTK_LABEL (reading), 0);
  gtk_widget_add_css_class (reading, "dim-label");
  gtk_widget_set_size_request (names, 260, -1);
  gtk_label_set_xalign (GTK_LABEL (affiliation), 0);
  gtk_label_set_ellipsize (GTK_LABEL (affiliation), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (affiliation), FALSE);
  gtk_widget_set_hexpand (affiliation, TRUE);
  gtk_widget_add_css_class (affiliation, "reception-affiliation");
  gtk_widget_add_css_class (status, "reception-status");

  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names), reading);
  gtk_box_append (GTK_BOX (box), names);
  gtk_box_append (GTK_BOX (box), affiliation);
  gtk_box_append (GTK_BOX (box), status);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  TsuAttendee *attendee = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *names = gtk_widget_get_first_child (box);
  GtkWidget *affiliation = gtk_widget_get_next_sibling (names);
  GtkWidget *status = gtk_widget_get_last_child (box);
  TsuAttendeeStatus state = tsu_attendee_get_status (attendee);
  const char *reading = tsu_attendee_get_reading (attendee);
  const char *text = tsu_attendee_get_affiliation (attendee);
  g_autofree char *with_title = NULL;

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (names)), tsu_attendee_get_name (attendee));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (names)), reading ? reading : "");
  if (tsu_attendee_get_title (attendee) != NULL && *tsu_attendee_get_title (attendee) != '\0')
    with_title = g_strdup_printf ("%s　%s", text ? text : "", tsu_attendee_get_title (attendee));
  gtk_label_set_text (GTK_LABEL (affiliation), with_title ? with_title : text ? text : "");
  gtk_label_set_text (GTK_LABEL (status), tsu_attendee_status_to_label (state));
  if (state == TSU_ATTENDEE_STATUS_ATTENDED)
    gtk_widget_add_css_class (status, "success");
  else
    gtk_widget_remove_css_class (status, "success");
  gtk_widget_set_opacity (box, state == TSU_ATTENDEE_STATUS_ATTENDED ? 0.6 : 1.0);
}

/* Marking attended ---------------------------------------------------------- */

/* Undo of the desk's last mark is the store's undo of that change: the
 * status goes back to what it was, a walk-in added by mistake goes. */
static void
add_undo_toast (TsuReceptionWindow *self,
                const char         *text)
{
  tsu_widget_add_undo_toast (GTK_WIDGET (self->toast_overlay), self->database,
                             tsu_database_get_last_change (self->database), text);
}

static void
clear_search (TsuReceptionWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
mark_attended (TsuReceptionWindow *self)
{
  g_autoptr(TsuAttendee) attendee = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TsuAttendeeStatus previous;

  if (selected_attendee (self) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  attendee = g_object_ref (selected_attendee (self));
  previous = tsu_attendee_get_status (attendee);
  if (previous == TSU_ATTENDEE_STATUS_ATTENDED)
    {
      /* Translators: at the desk, for someone marked attended before. */
      text = g_strdup_printf (_("%s is already marked attended"), tsu_attendee_get_name (attendee));
      add_toast (self, adw_toast_new (text));
      clear_search (self);
      return;
    }
  if (!tsu_attendee_set_status_in_db (attendee, self->database, TSU_ATTENDEE_STATUS_ATTENDED, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      reload (self);
      return;
    }
  /* Translators: the desk's confirmation, e.g. "山本 花子 さん 出席". */
  text = g_strdup_printf (_("%s: attended"), tsu_attendee_get_name (attendee));
  add_undo_toast (self, text);
  clear_search (self);
}

static void
on_search_activate (TsuReceptionWindow *self)
{
  mark_attended (self);
}

static void
on_row_activated (GtkListView        *list_view,
                  guint               position,
                  TsuReceptionWindow *self)
{
  select_position (self, position);
  mark_attended (self);
}

static void
move_selection (TsuReceptionWindow *self,
                int                 delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (n == 0)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = delta > 0 ? 0 : n - 1;
  else if (delta < 0 && selected > 0)
    selected--;
  else if (delta > 0 && selected + 1 < n)
    selected++;
  select_position (self, selected);
}

/* Walk-ins ------------------------------------------------------------------ */

static void
show_walk_in_problem (TsuReceptionWindow *self,
                      const char         *message,
                      GtkEntry           *entry)
{
  gtk_label_set_text (self->walk_in_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->walk_in_error), TRUE);
  if (entry != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (entry));
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
clear_walk_in_problems (TsuReceptionWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->walk_in_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->walk_in_name), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->walk_in_reading), "error");
}

static void
walk_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TsuReceptionWindow *self = TSU_RECEPTION_WINDOW (widget);
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  /* Ctrl+Enter again while the form is open must not wipe it. */
  if (gtk_revealer_get_reveal_child (self->walk_in_revealer))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->walk_in_name));
      return;
    }
  clear_walk_in_problems (self);
  gtk_editable_set_text (GTK_EDITABLE (self->walk_in_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->walk_in_reading), "");
  gtk_editable_set_text (GTK_EDITABLE (self->walk_in_affiliation), "");
  /* What was typed and not found is most likely the person's name, or
   * its reading when it is all kana. */
  if (*query != '\0' && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->walk_in_name), query);
      if (tsu_kana_is_reading (query))
        gtk_editable_set_text (GTK_EDITABLE (self->walk_in_reading), query);
    }
  gtk_revealer_set_reveal_child (self->walk_in_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->walk_in_name));
  gtk_editable_set_position (GTK_EDITABLE (self->walk_in_name), -1);
}

static void
cancel_walk_in_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TsuReceptionWindow *self = TSU_RECEPTION_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->walk_in_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
add_walk_in_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TsuReceptionWindow *self = TSU_RECEPTION_WINDOW (widget);
  g_autoptr(TsuAttendee) attendee = tsu_attendee_new (tsu_event_get_id (self->event));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = entry_text (self->walk_in_name);
  g_autofree char *reading = entry_text (self->walk_in_reading);
  g_autofree char *affiliation = entry_text (self->walk_in_affiliation);
  g_autofree char *text = NULL;

  clear_walk_in_problems (self);
  tsu_attendee_set_name (attendee, name);
  tsu_attendee_set_reading (attendee, reading);
  tsu_attendee_set_affiliation (attendee, affiliation);
  tsu_attendee_set_walk_in (attendee, TRUE);
  tsu_attendee_set_status (attendee, TSU_ATTENDEE_STATUS_ATTENDED);
  problems = tsu_attendee_validate (attendee);
  if (problems->len > 0)
    {
      TsuFieldProblem *problem = g_ptr_array_index (problems, 0);

      show_walk_in_problem (self, problem->message,
                            g_str_equal (problem->field, "reading") ? self->walk_in_reading
                            : g_str_equal (problem->field, "name") ? self->walk_in_name : NULL);
      return;
    }
  if (!tsu_attendee_save (attendee, self->database, &error))
    {
      show_walk_in_problem (self, error->message, NULL);
      return;
    }
  gtk_revealer_set_reveal_child (self->walk_in_revealer, FALSE);
  /* Translators: the desk's confirmation for someone added on the day. */
  text = g_strdup_printf (_("%s: attended (walk-in)"), tsu_attendee_get_name (attendee));
  add_undo_toast (self, text);
  clear_search (self);
}

static void
on_walk_in_entry_activate (TsuReceptionWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "reception.add-walk-in", NULL);
}

static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       TsuReceptionWindow    *self)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, +1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (state & GDK_CONTROL_MASK)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "reception.walk-in", NULL);
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_Escape:
      if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
        {
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

/* Class --------------------------------------------------------------------- */

static void
tsu_reception_window_dispose (GObject *object)
{
  TsuReceptionWindow *self = TSU_RECEPTION_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_RECEPTION_WINDOW);
  g_clear_object (&self->database);
  g_clear_object (&self->event);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (tsu_reception_window_parent_class)->dispose (object);
}

static void
tsu_reception_window_class_init (TsuReceptionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_reception_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/tsunagu/Tsunagu/tsu-reception-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuReceptionWindow, name)
  CHILD (window_title);
  CHILD (toast_overlay);
  CHILD (count_label);
  CHILD (search_entry);
  CHILD (list_stack);
  CHILD (list_view);
  CHILD (no_match_page);
  CHILD (walk_in_revealer);
  CHILD (walk_in_name);
  CHILD (walk_in_reading);
  CHILD (walk_in_affiliation);
  CHILD (walk_in_error);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_walk_in_entry_activate);

  gtk_widget_class_install_action (widget_class, "reception.walk-in", NULL, walk_in_action);
  gtk_widget_class_install_action (widget_class, "reception.add-walk-in", NULL, add_walk_in_action);
  gtk_widget_class_install_action (widget_class, "reception.cancel-walk-in", NULL, cancel_walk_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "reception.walk-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

/* Big type for the desk, readable at arm's length. */
static void
ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".reception-entry { font-size: 28px; min-height: 56px; }\n"
                                   ".reception-count { font-size: 32px; font-weight: bold; }\n"
                                   ".reception-name { font-size: 24px; font-weight: bold; }\n"
                                   ".reception-affiliation { font-size: 18px; }\n"
                                   ".reception-status { font-size: 18px; font-weight: bold; }\n"
                                   ".reception-form entry { font-size: 20px; min-height: 44px; }\n",
                                   -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
tsu_reception_window_init (TsuReceptionWindow *self)
{
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;
  GtkEventController *keys;

  g_type_ensure (TSU_TYPE_ATTENDEE);
  ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (TSU_TYPE_ATTENDEE);
  self->filter = gtk_custom_filter_new (match_attendee, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);

  /* Up, Down and Ctrl+Enter reach the list before the entry's text. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

TsuReceptionWindow *
tsu_reception_window_new (GtkWindow   *parent,
                          TsuDatabase *database,
                          TsuEvent    *event)
{
  TsuReceptionWindow *self;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (TSU_IS_EVENT (event), NULL);

  self = g_object_new (TSU_TYPE_RECEPTION_WINDOW, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->event = g_object_ref (event);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, 0);

  title = tsu_event_dup_display_title (event);
  when = tsu_event_dup_when_text (event, tsu_report_default_date_style ());
  subtitle = g_strdup_printf ("%s　%s", title, when);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}
