/* tsu-attendee-picker.c: adds attendees to an event.
 *
 * Two pages. "Directory" lists the people of the organisations in the
 * directory (members first, then city departments, then partners), each
 * with a check button, searched by kana so ｶﾅ, カナ and かな alike; people
 * already registered are shown ticked and cannot be picked twice.
 * "Outside Person" is a small form for someone not in the directory, with
 * problems shown next to their field as in the other editors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "tsu-attendee.h"
#include "tsu-attendee-picker.h"
#include "tsu-field-errors.h"
#include "tsu-kana.h"
#include "tsu-organization.h"
#include "tsu-person.h"

/* One person of the directory, as a row of the list. */
#define TSU_TYPE_PICKER_ITEM (tsu_picker_item_get_type ())
G_DECLARE_FINAL_TYPE (TsuPickerItem, tsu_picker_item, TSU, PICKER_ITEM, GObject)

struct _TsuPickerItem
{
  GObject          parent_instance;
  TsuPerson       *person;
  TsuOrganization *organization;
  char            *organization_name;
  char            *search_key;
  gboolean         registered;
  gboolean         chosen;
};

G_DEFINE_FINAL_TYPE (TsuPickerItem, tsu_picker_item, G_TYPE_OBJECT)

static void
tsu_picker_item_finalize (GObject *object)
{
  TsuPickerItem *self = TSU_PICKER_ITEM (object);

  g_clear_object (&self->person);
  g_clear_object (&self->organization);
  g_free (self->organization_name);
  g_free (self->search_key);
  G_OBJECT_CLASS (tsu_picker_item_parent_class)->finalize (object);
}

static void
tsu_picker_item_class_init (TsuPickerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tsu_picker_item_finalize;
}

static void
tsu_picker_item_init (TsuPickerItem *self)
{
}

static TsuPickerItem *
tsu_picker_item_new (TsuPerson       *person,
                     TsuOrganization *organization)
{
  TsuPickerItem *self = g_object_new (TSU_TYPE_PICKER_ITEM, NULL);
  g_autofree char *joined = NULL;

  self->person = g_object_ref (person);
  self->organization = g_object_ref (organization);
  self->organization_name = tsu_organization_dup_display_name (organization);
  joined = g_strjoin (" ",
                      tsu_person_get_name (person) ? tsu_person_get_name (person) : "",
                      tsu_person_get_reading (person) ? tsu_person_get_reading (person) : "",
                      tsu_person_get_title (person) ? tsu_person_get_title (person) : "",
                      self->organization_name,
                      tsu_organization_get_reading (organization)
                      ? tsu_organization_get_reading (organization) : "",
                      NULL);
  self->search_key = tsu_kana_normalize (joined);
  return self;
}

struct _TsuAttendeePicker
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwViewStack      *view_stack;
  GtkButton         *add_button;
  GtkSearchEntry    *search_entry;
  GtkListView       *list_view;
  GtkLabel          *chosen_label;
  AdwEntryRow       *name_row;
  AdwEntryRow       *reading_row;
  AdwEntryRow       *affiliation_row;
  AdwEntryRow       *title_row;
  AdwPreferencesRow *name_error_row;
  GtkLabel          *name_error;
  AdwPreferencesRow *reading_error_row;
  GtkLabel          *reading_error;
  AdwPreferencesRow *affiliation_error_row;
  GtkLabel          *affiliation_error;
  AdwPreferencesRow *title_error_row;
  GtkLabel          *title_error;
  GtkLabel          *store_error;

  /* owned */
  TsuDatabase       *database;
  TsuEvent          *event;
  GListStore        *store;
  GtkCustomFilter   *filter;
  char              *needle;
  TsuFieldErrors     errors;
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (TsuAttendeePicker, tsu_attendee_picker, ADW_TYPE_WINDOW)

enum { ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_message (TsuAttendeePicker *self,
              const char        *heading,
              const char        *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Directory page ------------------------------------------------------------ */

static void
update_add_button (TsuAttendeePicker *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  guint n = tsu_attendee_picker_get_n_chosen (self);
  g_autofree char *text = NULL;

  if (g_strcmp0 (page, "outside") == 0)
    {
      gtk_button_set_label (self->add_button, _("_Add"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), TRUE);
      return;
    }
  text = g_strdup_printf (ngettext ("%u person chosen", "%u people chosen", n), n);
  gtk_label_set_text (self->chosen_label, text);
  gtk_button_set_label (self->add_button, _("_Add"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), n > 0);
}

static void
on_check_toggled (GtkCheckButton    *check,
                  TsuAttendeePicker *self)
{
  TsuPickerItem *item = g_object_get_data (G_OBJECT (check), "tsu-item");

  if (item == NULL || item->registered)
    return;
  item->chosen = gtk_check_button_get_active (check);
  update_add_button (self);
}

static GtkWidget *
dim_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           TsuAttendeePicker        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *reading = dim_label ();
  GtkWidget *organization = gtk_label_new (NULL);
  GtkWidget *title = dim_label ();
  GtkWidget *state = dim_label ();

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (reading, "caption");
  gtk_widget_set_size_request (names, 160, -1);
  gtk_label_set_xalign (GTK_LABEL (organization), 0);
  gtk_label_set_ellipsize (GTK_LABEL (organization), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (organization, TRUE);
  gtk_widget_add_css_class (state, "caption");

  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names), reading);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), names);
  gtk_box_append (GTK_BOX (box), organization);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), state);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
  gtk_list_item_set_child (list_item, box);
  /* Activating the row (click, Enter, Space) toggles its check button. */
  gtk_list_item_set_activatable (list_item, TRUE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          TsuAttendeePicker        *self)
{
  TsuPickerItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GtkWidget *names = gtk_widget_get_next_sibling (check);
  GtkWidget *organization = gtk_widget_get_next_sibling (names);
  GtkWidget *title = gtk_widget_get_next_sibling (organization);
  GtkWidget *state = gtk_widget_get_next_sibling (title);
  const char *reading = tsu_person_get_reading (item->person);

  /* No item while the state is set, so the handler does not count it. */
  g_object_set_data (G_OBJECT (check), "tsu-item", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->registered || item->chosen);
  /* People registered already are greyed out, their box ticked. */
  gtk_widget_set_sensitive (box, !item->registered);
  g_object_set_data (G_OBJECT (check), "tsu-item", item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (names)),
                      tsu_person_get_name (item->person));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (names)), reading ? reading : "");
  gtk_label_set_text (GTK_LABEL (organization), item->organization_name);
  gtk_widget_set_tooltip_text (organization, item->organization_name);
  gtk_label_set_text (GTK_LABEL (title),
                      tsu_person_get_title (item->person) ? tsu_person_get_title (item->person) : "");
  if (item->registered)
    gtk_label_set_text (GTK_LABEL (state), _("Already registered"));
  else if (tsu_person_get_primary (item->person))
    gtk_label_set_text (GTK_LABEL (state), _("Primary contact"));
  else
    gtk_label_set_text (GTK_LABEL (state), "");
}

static void
on_row_activated (GtkListView       *list_view,
                  guint              position,
                  TsuAttendeePicker *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(TsuPickerItem) item = g_list_model_get_item (model, position);
  guint found;

  if (item == NULL || item->registered)
    return;
  item->chosen = !item->chosen;
  /* Rebind the row so its check button shows the change. */
  if (g_list_store_find (self->store, item, &found))
    g_list_model_items_changed (G_LIST_MODEL (self->store), found, 1, 1);
  update_add_button (self);
}

static gboolean
match_item (gpointer object,
            gpointer user_data)
{
  TsuAttendeePicker *self = user_data;
  TsuPickerItem *item = object;

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  return strstr (item->search_key, self->needle) != NULL;
}

static void
on_search_changed (TsuAttendeePicker *self)
{
  g_free (self->needle);
  self->needle = tsu_kana_normalize (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_stop_search (TsuAttendeePicker *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
load_directory (TsuAttendeePicker *self)
{
  static const TsuOrganizationKind kinds[] = {
    TSU_ORGANIZATION_KIND_MEMBER,
    TSU_ORGANIZATION_KIND_GOVERNMENT,
    TSU_ORGANIZATION_KIND_PARTNER,
  };
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GHashTable) registered = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  attendees = tsu_attendee_load_for_event (self->database, tsu_event_get_id (self->event),
                                           TRUE, &error);
  if (attendees == NULL)
    {
      g_warning ("Could not load the attendees: %s", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; attendees != NULL && i < attendees->len; i++)
    {
      TsuAttendee *attendee = g_ptr_array_index (attendees, i);

      if (tsu_attendee_get_person_id (attendee) != 0)
        g_hash_table_add (registered, g_memdup2 (&(gint64) { tsu_attendee_get_person_id (attendee) },
                                                 sizeof (gint64)));
    }

  organizations = tsu_organization_load_all (self->database, &error);
  if (organizations == NULL)
    {
      show_message (self, _("Could Not Load the Directory"), error->message);
      return;
    }
  /* Members first, as the attendee lists print them. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < organizations->len; i++)
      {
        TsuOrganization *org = g_ptr_array_index (organizations, i);
        g_autoptr(GPtrArray) people = NULL;

        if (tsu_organization_get_kind (org) != kinds[k]
            || !tsu_organization_is_current (org, NULL))
          continue;
        people = tsu_person_load_for_organization (self->database, tsu_organization_get_id (org),
                                                   &error);
        if (people == NULL)
          {
            g_warning ("Could not load the people of an organisation: %s", error->message);
            g_clear_error (&error);
            continue;
          }
        for (guint p = 0; p < people->len; p++)
          {
            TsuPerson *person = g_ptr_array_index (people, p);
            TsuPickerItem *item = tsu_picker_item_new (person, org);
            gint64 id = tsu_person_get_id (person);

            item->registered = g_hash_table_contains (registered, &id);
            g_ptr_array_add (items, item);
          }
      }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  update_add_button (self);
}

/* Ticks the primary contact of every current member organisation. */
static void
choose_primary_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TsuAttendeePicker *self = TSU_ATTENDEE_PICKER (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuPickerItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (!item->registered && tsu_person_get_primary (item->person)
          && tsu_organization_get_kind (item->organization) == TSU_ORGANIZATION_KIND_MEMBER)
        item->chosen = TRUE;
    }
  /* Every row may have changed: rebind them all. */
  g_list_model_items_changed (G_LIST_MODEL (self->store), 0, n, n);
  update_add_button (self);
}

static gboolean
add_chosen (TsuAttendeePicker *self,
            guint             *n_added)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autoptr(GString) failures = g_string_new (NULL);

  *n_added = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuPickerItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      g_autoptr(TsuAttendee) attendee = NULL;
      g_autoptr(GError) error = NULL;

      if (!item->chosen || item->registered)
        continue;
      attendee = tsu_attendee_new_for_person (tsu_event_get_id (self->event),
                                              item->person, item->organization);
      if (!tsu_attendee_save (attendee, self->database, &error))
        {
          g_string_append_printf (failures, "%s%s: %s", failures->len ? "\n" : "",
                                  tsu_person_get_name (item->person), error->message);
          continue;
        }
      item->chosen = FALSE;
      item->registered = TRUE;
      (*n_added)++;
    }
  if (failures->len > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self->store), 0, n, n);
      update_add_button (self);
      show_message (self, _("Some People Were Not Added"), failures->str);
      return FALSE;
    }
  return TRUE;
}

/* Outside page -------------------------------------------------------------- */

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static TsuAttendee *
collect_outside (TsuAttendeePicker *self)
{
  TsuAttendee *attendee = tsu_attendee_new (tsu_event_get_id (self->event));
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *reading = stripped_text (self->reading_row);
  g_autofree char *affiliation = stripped_text (self->affiliation_row);
  g_autofree char *title = stripped_text (self->title_row);

  tsu_attendee_set_name (attendee, name);
  tsu_attendee_set_reading (attendee, reading);
  tsu_attendee_set_affiliation (attendee, affiliation);
  tsu_attendee_set_title (attendee, title);
  return attendee;
}

static void
on_entry_changed (GtkEditable       *editable,
                  TsuAttendeePicker *self)
{
  g_autoptr(TsuAttendee) attendee = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (self->filling)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->store_error), FALSE);
  tsu_field_errors_touch (&self->errors, GTK_WIDGET (editable));
  attendee = collect_outside (self);
  problems = tsu_attendee_validate (attendee);
  tsu_field_errors_show (&self->errors, problems);
}

static gboolean
add_outside (TsuAttendeePicker *self)
{
  g_autoptr(TsuAttendee) attendee = collect_outside (self);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  tsu_field_errors_touch_all (&self->errors);
  problems = tsu_attendee_validate (attendee);
  tsu_field_errors_show (&self->errors, problems);
  if (problems->len > 0)
    {
      gtk_widget_grab_focus (self->errors.slots[0].entry);
      for (guint s = 0; s < self->errors.n_slots; s++)
        if (tsu_field_errors_get_message (&self->errors, self->errors.slots[s].field) != NULL)
          {
            gtk_widget_grab_focus (self->errors.slots[s].entry);
            break;
          }
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  if (!tsu_attendee_save (attendee, self->database, &error))
    {
      /* A duplicate is refused by the store: say so above the form. */
      gtk_label_set_text (self->store_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->store_error), TRUE);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  return TRUE;
}

/* Actions ------------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TsuAttendeePicker *self = TSU_ATTENDEE_PICKER (widget);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  guint n_added = 0;

  if (g_strcmp0 (page, "outside") == 0)
    {
      if (!add_outside (self))
        return;
      n_added = 1;
    }
  else if (!add_chosen (self, &n_added))
    {
      if (n_added > 0)
        g_signal_emit (self, signals[ADDED], 0, n_added);
      return;
    }
  g_signal_emit (self, signals[ADDED], 0, n_added);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
on_entry_activated (AdwEntryRow       *row,
                    TsuAttendeePicker *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "picker.add", NULL);
}

static void
on_page_changed (TsuAttendeePicker *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  update_add_button (self);
  if (g_strcmp0 (page, "outside") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
tsu_attendee_picker_dispose (GObject *object)
{
  TsuAttendeePicker *self = TSU_ATTENDEE_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_ATTENDEE_PICKER);
  g_clear_object (&self->database);
  g_clear_object (&self->event);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (tsu_attendee_picker_parent_class)->dispose (object);
}

static void
tsu_attendee_picker_class_init (TsuAttendeePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_attendee_picker_dispose;

  /**
   * TsuAttendeePicker::added:
   * @n_added: how many attendees were added
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/tsunagu/Tsunagu/tsu-attendee-picker.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuAttendeePicker, name)
  CHILD (view_stack);
  CHILD (add_button);
  CHILD (search_entry);
  CHILD (list_view);
  CHILD (chosen_label);
  CHILD (name_row);
  CHILD (reading_row);
  CHILD (affiliation_row);
  CHILD (title_row);
  CHILD (name_error_row);
  CHILD (name_error);
  CHILD (reading_error_row);
  CHILD (reading_error);
  CHILD (affiliation_error_row);
  CHILD (affiliation_error);
  CHILD (title_error_row);
  CHILD (title_error);
  CHILD (store_error);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);

  gtk_widget_class_install_action (widget_class, "picker.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "picker.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "picker.choose-primary", NULL, choose_primary_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "picker.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "picker.add", NULL);
}

static void
tsu_attendee_picker_init (TsuAttendeePicker *self)
{
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;
  GtkNoSelection *selection;
  AdwEntryRow *rows[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (TSU_TYPE_PICKER_ITEM);
  self->filter = gtk_custom_filter_new (match_item, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (filtered));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);
  g_object_unref (selection);

  tsu_field_errors_add (&self->errors, "name", GTK_WIDGET (self->name_row),
                        self->name_error_row, self->name_error);
  tsu_field_errors_add (&self->errors, "reading", GTK_WIDGET (self->reading_row),
                        self->reading_error_row, self->reading_error);
  tsu_field_errors_add (&self->errors, "affiliation", GTK_WIDGET (self->affiliation_row),
                        self->affiliation_error_row, self->affiliation_error);
  tsu_field_errors_add (&self->errors, "title", GTK_WIDGET (self->title_row),
                        self->title_error_row, self->title_error);
  rows[0] = self->name_row;
  rows[1] = self->reading_row;
  rows[2] = self->affiliation_row;
  rows[3] = self->title_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_signal_connect (rows[i], "changed", G_CALLBACK (on_entry_changed), self);
      g_signal_connect (rows[i], "entry-activated", G_CALLBACK (on_entry_activated), self);
    }
}

TsuAttendeePicker *
tsu_attendee_picker_new (GtkWindow   *parent,
                         TsuDatabase *database,
                         TsuEvent    *event)
{
  TsuAttendeePicker *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (TSU_IS_EVENT (event), NULL);

  self = g_object_new (TSU_TYPE_ATTENDEE_PICKER, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->event = g_object_ref (event);
  title = tsu_event_dup_display_title (event);
  gtk_window_set_title (GTK_WINDOW (self), title);
  load_directory (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}

void
tsu_attendee_picker_set_page (TsuAttendeePicker *self,
                              const char        *page)
{
  g_return_if_fail (TSU_IS_ATTENDEE_PICKER (self));
  g_return_if_fail (g_strcmp0 (page, "directory") == 0 || g_strcmp0 (page, "outside") == 0);

  adw_view_stack_set_visible_child_name (self->view_stack, page);
  on_page_changed (self);
}

guint
tsu_attendee_picker_get_n_chosen (TsuAttendeePicker *self)
{
  guint n_chosen = 0;

  g_return_val_if_fail (TSU_IS_ATTENDEE_PICKER (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr(TsuPickerItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      n_chosen += item->chosen && !item->registered;
    }
  return n_chosen;
}
