/* tsu-preferences-window.c: every row is bound to GSettings, so a change
 * applies at once and there is no "Apply" button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-application.h"
#include "tsu-preferences-window.h"

struct _TsuPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  AdwEntryRow    *council_row;
  GtkSpinButton  *target_spin;
  GtkSpinButton  *due_days_spin;
  AdwComboRow    *date_style_row;

  /* owned */
  GSettings      *settings;  /* NULL without the schema */
};

G_DEFINE_FINAL_TYPE (TsuPreferencesWindow, tsu_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row lists 和暦 first, as the secretariat mostly writes it;
 * the enum has gregorian = 0, wareki = 1. */
enum
{
  ROW_WAREKI,
  ROW_GREGORIAN,
};

static gboolean
date_style_to_row (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (nick, "gregorian") ? ROW_GREGORIAN : ROW_WAREKI);
  return TRUE;
}

static GVariant *
row_to_date_style (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == ROW_GREGORIAN ? "gregorian" : "wareki");
}

static void
tsu_preferences_window_dispose (GObject *object)
{
  TsuPreferencesWindow *self = TSU_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tsu_preferences_window_parent_class)->dispose (object);
}

static void
tsu_preferences_window_class_init (TsuPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsuPreferencesWindow, council_row);
  gtk_widget_class_bind_template_child (widget_class, TsuPreferencesWindow, target_spin);
  gtk_widget_class_bind_template_child (widget_class, TsuPreferencesWindow, due_days_spin);
  gtk_widget_class_bind_template_child (widget_class, TsuPreferencesWindow, date_style_row);
}

static void
tsu_preferences_window_init (TsuPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = tsu_settings_new ();
  if (self->settings == NULL)
    {
      /* Nothing could be kept: say so rather than pretend. */
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }
  g_settings_bind (self->settings, "council-name", self->council_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "member-target", self->target_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "referral-due-days", self->due_days_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "date-style", self->date_style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, date_style_to_row, row_to_date_style,
                                NULL, NULL);
}

GtkWidget *
tsu_preferences_window_new (void)
{
  return g_object_new (TSU_TYPE_PREFERENCES_WINDOW, NULL);
}
