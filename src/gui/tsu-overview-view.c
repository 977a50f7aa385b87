/* tsu-overview-view.c: the council at a glance: how many members against
 * the target, and the way to the directory and the import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-application.h"
#include "tsu-organization.h"
#include "tsu-overview-view.h"

struct _TsuOverviewView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack    *pages;
  GtkLabel    *council_label;
  GtkLabel    *database_label;
  GtkLabel    *member_count_label;
  GtkLevelBar *member_level;
  GtkLabel    *target_label;
  GtkLabel    *members_label;
  GtkLabel    *government_label;
  GtkLabel    *partners_label;

  /* owned */
  TsuDatabase *database;
  GSettings   *settings;  /* NULL without the schema */
  gboolean             stale;          /* to be loaded when next shown */
};

G_DEFINE_FINAL_TYPE (TsuOverviewView, tsu_overview_view, ADW_TYPE_BIN)

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
reload_now (TsuOverviewView *self)
{
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *council = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *path = NULL;
  guint members, government = 0, partners = 0;
  guint target = 30;

  if (self->database == NULL)
    {
      gtk_stack_set_visible_child_name (self->pages, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->pages, "content");

  if (self->settings != NULL)
    {
      council = g_settings_get_string (self->settings, "council-name");
      target = MAX (1, g_settings_get_int (self->settings, "member-target"));
    }
  /* A council without a name set simply has no title line. */
  gtk_label_set_label (self->council_label, council != NULL ? council : "");
  gtk_widget_set_visible (GTK_WIDGET (self->council_label), council != NULL && council[0] != '\0');

  /* On a wide window the header bar shows the view switcher instead of
   * the file name, so the overview says which file this is. */
  path = tsu_display_path (tsu_database_get_path (self->database));
  gtk_label_set_label (self->database_label, path);

  members = tsu_organization_count_current_members (self->database, &error);
  if (error != NULL)
    {
      g_warning ("Cannot count members: %s", error->message);
      g_clear_error (&error);
    }

  organizations = tsu_organization_load_all (self->database, &error);
  if (organizations == NULL)
    {
      g_warning ("Cannot load organizations: %s", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; organizations != NULL && i < organizations->len; i++)
    {
      TsuOrganization *organization = g_ptr_array_index (organizations, i);

      if (!tsu_organization_is_current (organization, NULL))
        continue;
      switch (tsu_organization_get_kind (organization))
        {
        case TSU_ORGANIZATION_KIND_GOVERNMENT:
          government++;
          break;
        case TSU_ORGANIZATION_KIND_PARTNER:
          partners++;
          break;
        case TSU_ORGANIZATION_KIND_MEMBER:
        default:
          break;
        }
    }

  /* Translators: member organisations now / the target, "11 / 30 団体". */
  count_text = g_strdup_printf (_("%u / %u organizations"), members, target);
  gtk_label_set_label (self->member_count_label, count_text);
  gtk_level_bar_set_value (self->member_level, MIN ((double) members / target, 1.0));
  if (members >= target)
    target_text = g_strdup (_("The target has been reached."));
  else
    /* Translators: %u is a number of organisations. */
    target_text = g_strdup_printf (_("%u more to reach the target."), target - members);
  gtk_label_set_label (self->target_label, target_text);

  set_count (self->members_label, members);
  set_count (self->government_label, government);
  set_count (self->partners_label, partners);
}

/* A view behind another is loaded when it is next shown: with a large
 * file, loading every view at start (or on every change) would cost
 * seconds and memory for lists nobody looks at. */
static void
reload (TsuOverviewView *self)
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
tsu_overview_view_map (GtkWidget *widget)
{
  TsuOverviewView *self = TSU_OVERVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (tsu_overview_view_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
database_changed_cb (TsuDatabase     *database,
                     const char      *table,
                     TsuOverviewView *self)
{
  reload (self);
}

static void
settings_changed_cb (GSettings       *settings,
                     const char      *key,
                     TsuOverviewView *self)
{
  reload (self);
}

static void
tsu_overview_view_dispose (GObject *object)
{
  TsuOverviewView *self = TSU_OVERVIEW_VIEW (object);

  /* AdwBin unparents its child itself; the template must not do it a
   * second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_OVERVIEW_VIEW);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tsu_overview_view_parent_class)->dispose (object);
}

static void
tsu_overview_view_class_init (TsuOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = tsu_overview_view_map;
  object_class->dispose = tsu_overview_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, pages);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, council_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, database_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, member_count_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, member_level);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, target_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, members_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, government_label);
  gtk_widget_class_bind_template_child (widget_class, TsuOverviewView, partners_label);
}

static void
tsu_overview_view_init (TsuOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = tsu_settings_new ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::council-name",
                               G_CALLBACK (settings_changed_cb), self, 0);
      g_signal_connect_object (self->settings, "changed::member-target",
                               G_CALLBACK (settings_changed_cb), self, 0);
    }
  reload (self);
}

GtkWidget *
tsu_overview_view_new (void)
{
  return g_object_new (TSU_TYPE_OVERVIEW_VIEW, NULL);
}

void
tsu_overview_view_set_database (TsuOverviewView *self,
                                TsuDatabase     *database)
{
  g_return_if_fail (TSU_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (database == NULL || TSU_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, database_changed_cb, self);
  g_set_object (&self->database, database);
  /* The database may outlive this view (the window holds it too). */
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self, 0);
  reload (self);
}
