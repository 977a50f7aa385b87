/* tsu-preferences-window.c: every row is bound to GSettings, so a change
 * applies at once and there is no "Apply" button; the backup folder is
 * chosen with a file chooser and applies to the next backup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-application.h"
#include "tsu-backup.h"
#include "tsu-preferences-window.h"
#include "tsu-view-support.h"

struct _TsuPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  AdwEntryRow    *council_row;
  GtkSpinButton  *target_spin;
  GtkSpinButton  *due_days_spin;
  AdwComboRow    *date_style_row;
  AdwActionRow   *folder_row;
  GtkButton      *reset_folder_button;
  GtkButton      *choose_folder_button;
  GtkSpinButton  *keep_daily_spin;
  GtkSpinButton  *keep_monthly_spin;

  /* owned */
  GSettings      *settings;  /* NULL without the schema */
  char           *database_path;  /* for the default backup folder, or NULL */
  GtkNativeDialog *chooser;  /* the folder chooser shown now */
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
update_folder_row (TsuPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");
  g_autofree char *subtitle = NULL;
  gboolean is_default = folder[0] == '\0';

  if (!is_default)
    subtitle = tsu_display_path (folder);
  else if (self->database_path != NULL)
    {
      g_autofree char *default_folder = tsu_backup_default_folder (self->database_path);
      g_autofree char *shown = tsu_display_path (default_folder);

      /* Translators: %s is the backup folder beside the database */
      subtitle = g_strdup_printf (_("%s (default)"), shown);
    }
  else
    subtitle = g_strdup (_("A folder named “backups” beside the database"));
  adw_action_row_set_subtitle (self->folder_row, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_folder_button), !is_default);
}

static void
backup_folder_changed_cb (TsuPreferencesWindow *self)
{
  update_folder_row (self);
}

static void
reset_folder_clicked_cb (TsuPreferencesWindow *self)
{
  g_settings_reset (self->settings, "backup-folder");
}

static void
folder_response_cb (GtkNativeDialog      *chooser,
                    int                   response,
                    TsuPreferencesWindow *self)
{
  g_autofree char *path = tsu_file_chooser_dup_path (chooser, response);

  if (path != NULL)
    g_settings_set_string (self->settings, "backup-folder", path);
  g_clear_object (&self->chooser);
}

static void
choose_folder_clicked_cb (TsuPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *current = NULL;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Backup Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->database_path != NULL)
    current = tsu_settings_dup_backup_folder (self->settings, self->database_path);
  else
    current = g_settings_get_string (self->settings, "backup-folder");
  if (current[0] != '\0' && g_file_test (current, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (current);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (folder_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
tsu_preferences_window_dispose (GObject *object)
{
  TsuPreferencesWindow *self = TSU_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, TsuPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, TsuPreferencesWindow, reset_folder_button);
  gtk_widget_class_bind_template_child (widget_class, TsuPreferencesWindow, choose_folder_button);
  gtk_widget_class_bind_template_child (widget_class, TsuPreferencesWindow, keep_daily_spin);
  gtk_widget_class_bind_template_child (widget_class, TsuPreferencesWindow, keep_monthly_spin);
  gtk_widget_class_bind_template_callback (widget_class, reset_folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder_clicked_cb);
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
  g_settings_bind (self->settings, "backup-keep-daily", self->keep_daily_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backup-keep-monthly", self->keep_monthly_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::backup-folder",
                           G_CALLBACK (backup_folder_changed_cb), self, G_CONNECT_SWAPPED);
  update_folder_row (self);
}

GtkWidget *
tsu_preferences_window_new (void)
{
  return g_object_new (TSU_TYPE_PREFERENCES_WINDOW, NULL);
}

void
tsu_preferences_window_set_database_path (TsuPreferencesWindow *self,
                                          const char           *database_path)
{
  g_return_if_fail (TSU_IS_PREFERENCES_WINDOW (self));

  if (g_strcmp0 (self->database_path, database_path) == 0)
    return;
  g_free (self->database_path);
  self->database_path = g_strdup (database_path);
  if (self->settings != NULL)
    update_folder_row (self);
}
