/* tsu-minutes-editor.c: writing the minutes (議事録) of a meeting.
 *
 * The minutes are a short, ordered document, so the editor is a page of
 * cards rather than a list: one card per agenda item (title, summary and
 * its remarks), each remark a ◆ member's opinion with the organisation
 * that gave it, or a ◇ city answer. The widgets are the working copy;
 * Save reads them back into TsuAgendaItems and replaces the stored minutes
 * in one transaction, so a cancelled edit leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-events-report.h"
#include "tsu-kana.h"
#include "tsu-minutes.h"
#include "tsu-minutes-editor.h"
#include "tsu-organization.h"
#include "tsu-print.h"

struct _TsuMinutesEditor
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkBox          *items_box;
  GtkStack        *items_stack;

  /* owned */
  TsuDatabase     *database;
  TsuEvent        *event;
  GtkListStore    *organizations;  /* member names, for the suggestions */
  gboolean         dirty;
  gboolean         filling;
};

G_DEFINE_FINAL_TYPE (TsuMinutesEditor, tsu_minutes_editor, ADW_TYPE_WINDOW)

/* The widgets of one agenda item's card, kept on the card. */
typedef struct
{
  GtkLabel    *number;
  GtkEntry    *title;
  GtkTextView *summary;
  GtkBox      *remarks;
} ItemWidgets;

/* The widgets of one remark, kept on its box. */
typedef struct
{
  GtkDropDown *kind;
  GtkEntry    *organization;
  GtkTextView *text;
} RemarkWidgets;

static void
mark_dirty (TsuMinutesEditor *self)
{
  if (!self->filling)
    self->dirty = TRUE;
}

static void
show_message (TsuMinutesEditor *self,
              const char       *heading,
              const char       *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* A multi-line field that grows with its text, framed like an entry. */
static GtkTextView *
new_text_view (TsuMinutesEditor *self,
               const char       *name,
               const char       *accessible_label,
               const char       *text,
               GtkBox           *parent)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_set_name (view, name);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 60);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (parent, frame);
  return GTK_TEXT_VIEW (view);
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *tooltip,
                 const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

/* Moving and numbering -------------------------------------------------------- */

static void
renumber (TsuMinutesEditor *self)
{
  guint n = 0;

  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->items_box));
       card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      ItemWidgets *item = g_object_get_data (G_OBJECT (card), "tsu-item");
      /* Translators: the heading of an agenda item's card. */
      g_autofree char *text = g_strdup_printf (_("Item %u"), ++n);

      gtk_label_set_text (item->number, text);
    }
  gtk_stack_set_visible_child_name (self->items_stack, n > 0 ? "items" : "empty");
}

/* Moves @child one place up (-1) or down (+1) among its siblings. */
static void
move_child (GtkBox    *box,
            GtkWidget *child,
            int        delta)
{
  GtkWidget *prev = gtk_widget_get_prev_sibling (child);
  GtkWidget *next = gtk_widget_get_next_sibling (child);

  if (delta < 0 && prev != NULL)
    gtk_box_reorder_child_after (box, child, gtk_widget_get_prev_sibling (prev));
  else if (delta > 0 && next != NULL)
    gtk_box_reorder_child_after (box, child, next);
}

/* Remarks ------------------------------------------------------------------- */

static gboolean
match_organization (GtkEntryCompletion *completion,
                    const char         *key,
                    GtkTreeIter        *iter,
                    gpointer            user_data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  g_autofree char *name = NULL;

  gtk_tree_model_get (model, iter, 0, &name, -1);
  return name != NULL && tsu_kana_matches (name, key);
}

static void
on_remark_kind_changed (GtkDropDown *dropdown,
                        GParamSpec  *pspec,
                        GtkWidget   *organization)
{
  /* Only a member's opinion names who gave it. */
  gtk_widget_set_sensitive (organization,
                            gtk_drop_down_get_selected (dropdown) == TSU_REMARK_MEMBER);
}

static void
on_remark_remove (GtkButton        *button,
                  TsuMinutesEditor *self)
{
  GtkWidget *remark = g_object_get_data (G_OBJECT (button), "tsu-remark-box");

  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (remark)), remark);
  mark_dirty (self);
}

static void
on_remark_move (GtkButton        *button,
                TsuMinutesEditor *self)
{
  GtkWidget *remark = g_object_get_data (G_OBJECT (button), "tsu-remark-box");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "tsu-delta"));

  move_child (GTK_BOX (gtk_widget_get_parent (remark)), remark, delta);
  mark_dirty (self);
}

static GtkWidget *
add_remark (TsuMinutesEditor *self,
            ItemWidgets      *item,
            TsuRemark        *remark)
{
  RemarkWidgets *widgets = g_new0 (RemarkWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kind;
  GtkWidget *organization = gtk_entry_new ();
  GtkEntryCompletion *completion = gtk_entry_completion_new ();
  GtkWidget *button;
  const char * const kinds[] = {
    /* Translators: ◆ marks a member organisation's opinion in minutes. */
    N_("◆ Member"),
    /* Translators: ◇ marks the city's answer in minutes. */
    N_("◇ City"),
    NULL
  };
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; kinds[i] != NULL; i++)
    gtk_string_list_append (labels, _(kinds[i]));
  kind = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_set_name (kind, "remark-kind");
  gtk_widget_set_tooltip_text (kind, _("Who spoke"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who spoke"), -1);

  gtk_widget_set_name (organization, "remark-organization");
  gtk_widget_set_hexpand (organization, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (organization), _("Organisation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (organization), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Organisation"), -1);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->organizations));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_match_func (completion, match_organization, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_set_completion (GTK_ENTRY (organization), completion);
  g_object_unref (completion);

  gtk_widget_add_css_class (box, "minutes-remark");
  gtk_widget_set_margin_start (box, 18);
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (top), organization);
  button = new_icon_button ("go-up-symbolic", _("Move remark up"), "remark-up");
  g_object_set_data (G_OBJECT (button), "tsu-remark-box", box);
  g_object_set_data (G_OBJECT (button), "tsu-delta", GINT_TO_POINTER (-1));
  g_signal_connect (button, "clicked", G_CALLBACK (on_remark_move), self);
  gtk_box_append (GTK_BOX (top), button);
  button = new_icon_button ("go-down-symbolic", _("Move remark down"), "remark-down");
  g_object_set_data (G_OBJECT (button), "tsu-remark-box", box);
  g_object_set_data (G_OBJECT (button), "tsu-delta", GINT_TO_POINTER (+1));
  g_signal_connect (button, "clicked", G_CALLBACK (on_remark_move), self);
  gtk_box_append (GTK_BOX (top), button);
  button = new_icon_button ("user-trash-symbolic", _("Remove remark"), "remark-remove");
  g_object_set_data (G_OBJECT (button), "tsu-remark-box", box);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remark_remove), self);
  gtk_box_append (GTK_BOX (top), button);
  gtk_box_append (GTK_BOX (box), top);

  widgets->kind = GTK_DROP_DOWN (kind);
  widgets->organization = GTK_ENTRY (organization);
  widgets->text = new_text_view (self, "remark-text", _("Remark"),
                                 remark ? remark->text : NULL, GTK_BOX (box));
  g_object_set_data_full (G_OBJECT (box), "tsu-remark", widgets, g_free);

  if (remark != NULL)
    {
      gtk_drop_down_set_selected (widgets->kind, remark->kind);
      gtk_editable_set_text (GTK_EDITABLE (organization), remark->organization ? remark->organization : "");
    }
  on_remark_kind_changed (widgets->kind, NULL, organization);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (on_remark_kind_changed), organization);
  g_signal_connect_object (kind, "notify::selected", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (organization, "changed", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);

  gtk_box_append (item->remarks, box);
  mark_dirty (self);
  return box;
}

static void
on_add_remark (GtkButton        *button,
               TsuMinutesEditor *self)
{
  GtkWidget *card = g_object_get_data (G_OBJECT (button), "tsu-card");
  ItemWidgets *item = g_object_get_data (G_OBJECT (card), "tsu-item");
  GtkWidget *remark = add_remark (self, item, NULL);
  RemarkWidgets *widgets = g_object_get_data (G_OBJECT (remark), "tsu-remark");

  gtk_widget_grab_focus (GTK_WIDGET (widgets->organization));
}

/* Agenda items ------------------------------------------------------------------ */

static void
on_item_remove (GtkButton        *button,
                TsuMinutesEditor *self)
{
  GtkWidget *card = g_object_get_data (G_OBJECT (button), "tsu-card");

  gtk_box_remove (self->items_box, card);
  renumber (self);
  mark_dirty (self);
}

static void
on_item_move (GtkButton        *button,
              TsuMinutesEditor *self)
{
  GtkWidget *card = g_object_get_data (G_OBJECT (button), "tsu-card");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "tsu-delta"));

  move_child (self->items_box, card, delta);
  renumber (self);
  mark_dirty (self);
}

static GtkWidget *
add_item (TsuMinutesEditor *self,
          TsuAgendaItem    *agenda_item)
{
  ItemWidgets *item = g_new0 (ItemWidgets, 1);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *title = gtk_entry_new ();
  GtkWidget *label;
  GtkWidget *button;
  GtkWidget *remarks = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  const struct { const char *icon; const char *tooltip; const char *name; int delta; } moves[] = {
    { "go-up-symbolic", N_("Move item up"), "item-up", -1 },
    { "go-down-symbolic", N_("Move item down"), "item-down", +1 },
  };

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_name (card, "agenda-item");
  g_object_set_data_full (G_OBJECT (card), "tsu-item", item, g_free);

  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_top (top, 8);
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_widget_set_hexpand (number, TRUE);
  gtk_widget_add_css_class (number, "heading");
  gtk_box_append (GTK_BOX (top), number);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      button = new_icon_button (moves[i].icon, _(moves[i].tooltip), moves[i].name);
      g_object_set_data (G_OBJECT (button), "tsu-card", card);
      g_object_set_data (G_OBJECT (button), "tsu-delta", GINT_TO_POINTER (moves[i].delta));
      g_signal_connect (button, "clicked", G_CALLBACK (on_item_move), self);
      gtk_box_append (GTK_BOX (top), button);
    }
  button = new_icon_button ("user-trash-symbolic", _("Remove item"), "item-remove");
  g_object_set_data (G_OBJECT (button), "tsu-card", card);
  g_signal_connect (button, "clicked", G_CALLBACK (on_item_remove), self);
  gtk_box_append (GTK_BOX (top), button);
  gtk_box_append (GTK_BOX (card), top);

  {
    GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

    gtk_widget_set_margin_start (body, 12);
    gtk_widget_set_margin_end (body, 12);
    gtk_widget_set_margin_bottom (body, 12);

    gtk_widget_set_name (title, "agenda-title");
    gtk_entry_set_placeholder_text (GTK_ENTRY (title), _("Title, e.g. 行政からの説明「…」"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Title of the agenda item"), -1);
    gtk_editable_set_text (GTK_EDITABLE (title), agenda_item && agenda_item->title ? agenda_item->title : "");
    g_signal_connect_object (title, "changed", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
    gtk_box_append (GTK_BOX (body), title);

    label = gtk_label_new (_("Summary"));
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (body), label);
    item->summary = new_text_view (self, "agenda-summary", _("Summary"),
                                   agenda_item ? agenda_item->summary : NULL, GTK_BOX (body));

    label = gtk_label_new (_("Remarks"));
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (body), label);
    gtk_box_append (GTK_BOX (body), remarks);

    button = gtk_button_new_with_mnemonic (_("Add _Remark"));
    gtk_widget_set_name (button, "add-remark");
    gtk_widget_set_halign (button, GTK_ALIGN_START);
    gtk_widget_set_margin_start (button, 18);
    g_object_set_data (G_OBJECT (button), "tsu-card", card);
    g_signal_connect (button, "clicked", G_CALLBACK (on_add_remark), self);
    gtk_box_append (GTK_BOX (body), button);
    gtk_box_append (GTK_BOX (card), body);
  }

  item->number = GTK_LABEL (number);
  item->title = GTK_ENTRY (title);
  item->remarks = GTK_BOX (remarks);
  gtk_box_append (self->items_box, card);

  for (guint i = 0; agenda_item != NULL && agenda_item->remarks != NULL && i < agenda_item->remarks->len; i++)
    add_remark (self, item, g_ptr_array_index (agenda_item->remarks, i));
  renumber (self);
  mark_dirty (self);
  return card;
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TsuMinutesEditor *self = TSU_MINUTES_EDITOR (widget);
  GtkWidget *card = add_item (self, NULL);
  ItemWidgets *item = g_object_get_data (G_OBJECT (card), "tsu-item");

  gtk_widget_grab_focus (GTK_WIDGET (item->title));
}

/* Loading and saving ------------------------------------------------------- */

static void
load (TsuMinutesEditor *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  organizations = tsu_organization_load_all (self->database, &error);
  for (guint i = 0; organizations != NULL && i < organizations->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (organizations, i);
      g_autofree char *name = NULL;
      GtkTreeIter iter;

      if (tsu_organization_get_kind (org) != TSU_ORGANIZATION_KIND_MEMBER)
        continue;
      name = tsu_organization_dup_display_name (org);
      gtk_list_store_append (self->organizations, &iter);
      gtk_list_store_set (self->organizations, &iter, 0, name, -1);
    }
  g_clear_error (&error);

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_box_remove (self->items_box, child);
  items = tsu_minutes_load (self->database, tsu_event_get_id (self->event), &error);
  if (items == NULL)
    show_message (self, _("Could Not Load the Minutes"), error->message);
  for (guint i = 0; items != NULL && i < items->len; i++)
    add_item (self, g_ptr_array_index (items, i));
  renumber (self);
  self->filling = FALSE;
  self->dirty = FALSE;
}

/* Reads the cards back. On a missing title or text, says which and puts
 * the cursor there. */
static GPtrArray *
collect (TsuMinutesEditor *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_agenda_item_free);
  guint n = 0;

  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->items_box));
       card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      ItemWidgets *widgets = g_object_get_data (G_OBJECT (card), "tsu-item");
      g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widgets->title))));
      g_autofree char *summary = buffer_text (widgets->summary);
      TsuAgendaItem *item;
      guint r = 0;

      n++;
      if (*title == '\0')
        {
          g_autofree char *body = g_strdup_printf (_("Agenda item %u has no title. Give it one, or remove the item."), n);

          show_message (self, _("Could Not Save the Minutes"), body);
          gtk_widget_grab_focus (GTK_WIDGET (widgets->title));
          return NULL;
        }
      item = tsu_agenda_item_new (title, *summary ? summary : NULL);
      g_ptr_array_add (items, item);
      for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (widgets->remarks));
           box != NULL;
           box = gtk_widget_get_next_sibling (box))
        {
          RemarkWidgets *remark = g_object_get_data (G_OBJECT (box), "tsu-remark");
          g_autofree char *text = buffer_text (remark->text);
          g_autofree char *organization = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (remark->organization))));
          TsuRemarkKind kind = gtk_drop_down_get_selected (remark->kind) == TSU_REMARK_CITY
                               ? TSU_REMARK_CITY : TSU_REMARK_MEMBER;

          r++;
          if (*text == '\0')
            {
              g_autofree char *body = g_strdup_printf (_("Remark %u of agenda item %u has no text. Write it, or remove the remark."), r, n);

              show_message (self, _("Could Not Save the Minutes"), body);
              gtk_widget_grab_focus (GTK_WIDGET (remark->text));
              return NULL;
            }
          g_ptr_array_add (item->remarks,
                           tsu_remark_new (kind,
                                           kind == TSU_REMARK_MEMBER && *organization ? organization : NULL,
                                           text));
        }
    }
  return g_steal_pointer (&items);
}

static gboolean
save (TsuMinutesEditor *self)
{
  g_autoptr(GPtrArray) items = collect (self);
  g_autoptr(GError) error = NULL;

  if (items == NULL)
    return FALSE;
  if (!tsu_minutes_save (self->database, tsu_event_get_id (self->event), items, &error))
    {
      show_message (self, _("Could Not Save the Minutes"), error->message);
      return FALSE;
    }
  self->dirty = FALSE;
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsuMinutesEditor *self = TSU_MINUTES_EDITOR (widget);

  if (save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TsuMinutesEditor *self = TSU_MINUTES_EDITOR (widget);
  TsuEventReportOptions options;
  g_autoptr(TsuTablePrint) printout = NULL;
  g_autoptr(GError) error = NULL;

  /* The printout is made from the database: what is printed is saved. */
  if (self->dirty)
    {
      if (!save (self))
        return;
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Minutes saved")));
    }
  tsu_event_report_options_init (&options);
  printout = tsu_minutes_report_new_printout (self->database, tsu_event_get_id (self->event),
                                              &options, &error);
  if (printout == NULL)
    {
      show_message (self, _("Could Not Print the Minutes"), error->message);
      return;
    }
  tsu_print_table (GTK_WINDOW (self), printout);
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     TsuMinutesEditor *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->dirty = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsuMinutesEditor *self = TSU_MINUTES_EDITOR (widget);
  GtkWidget *dialog;

  if (!self->dirty)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes to the Minutes?"),
                                   _("The changes made in this window will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
tsu_minutes_editor_close_request (GtkWindow *window)
{
  TsuMinutesEditor *self = TSU_MINUTES_EDITOR (window);

  if (!self->dirty)
    return FALSE;
  cancel_action (GTK_WIDGET (self), "editor.cancel", NULL);
  return TRUE;
}

static void
tsu_minutes_editor_dispose (GObject *object)
{
  TsuMinutesEditor *self = TSU_MINUTES_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_MINUTES_EDITOR);
  g_clear_object (&self->database);
  g_clear_object (&self->event);
  g_clear_object (&self->organizations);

  G_OBJECT_CLASS (tsu_minutes_editor_parent_class)->dispose (object);
}

static void
tsu_minutes_editor_class_init (TsuMinutesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tsu_minutes_editor_dispose;
  window_class->close_request = tsu_minutes_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/tsunagu/Tsunagu/tsu-minutes-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TsuMinutesEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TsuMinutesEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsuMinutesEditor, items_box);
  gtk_widget_class_bind_template_child (widget_class, TsuMinutesEditor, items_stack);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "editor.add-item", NULL, add_item_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
tsu_minutes_editor_init (TsuMinutesEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->organizations = gtk_list_store_new (1, G_TYPE_STRING);
}

TsuMinutesEditor *
tsu_minutes_editor_new (GtkWindow   *parent,
                        TsuDatabase *database,
                        TsuEvent    *event)
{
  TsuMinutesEditor *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TSU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (TSU_IS_EVENT (event), NULL);

  self = g_object_new (TSU_TYPE_MINUTES_EDITOR, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->event = g_object_ref (event);
  title = tsu_event_dup_display_title (event);
  adw_window_title_set_subtitle (self->window_title, title);
  load (self);
  return self;
}
