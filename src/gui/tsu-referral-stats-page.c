/* tsu-referral-stats-page.c: the statistics of a fiscal year and the
 * referral network picture, shown inside the referrals view.
 *
 * Every figure comes from tsu_referral_stats_compute(), the same numbers
 * `report referrals` prints, so the view and the command line never
 * disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "tsu-bar-chart.h"
#include "tsu-application.h"
#include "tsu-date.h"
#include "tsu-referral-network.h"
#include "tsu-referral-stats.h"
#include "tsu-referral-stats-page.h"
#include "tsu-view-support.h"

typedef enum
{
  FIGURE_CASES,
  FIGURE_REFERRALS,
  FIGURE_CONNECTION_RATE,
  FIGURE_FOREIGN_RESIDENTS,
  FIGURE_MEDIAN_DAYS,
  N_FIGURES
} Figure;

struct _TsuReferralStatsPage
{
  AdwBin              parent_instance;

  GtkLabel           *title_label;
  GtkBox             *headline_box;
  TsuBarChart        *month_chart;
  TsuBarChart        *ward_chart;
  GtkGrid            *status_grid;
  GtkGrid            *ward_grid;
  GtkGrid            *concern_grid;
  GtkButton          *save_button;
  GtkLabel           *network_message;
  GtkDrawingArea     *network_area;

  /* Value labels, made once and refilled on every reload. */
  GtkLabel           *figures[N_FIGURES];
  GtkLabel           *status_values[TSU_N_REFERRAL_STATUSES];
  GtkLabel           *ward_values[TSU_N_WARDS][3];
  GtkLabel           *concern_values[TSU_N_CONCERNS];

  TsuDatabase        *database;
  GSettings          *settings;        /* NULL without the installed schema */
  TsuReferralNetwork *network;         /* NULL when it could not be built */
  int                 year;
};

G_DEFINE_FINAL_TYPE (TsuReferralStatsPage, tsu_referral_stats_page, ADW_TYPE_BIN)

/* Adwaita's green 4 and orange 4: connected and not connected. */
static const GdkRGBA connected_rgba = { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1.0 };
static const GdkRGBA not_connected_rgba = { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0, 1.0 };
/* Blue 3, the budget chart's first colour. */
static const GdkRGBA referrals_rgba = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0 };

/* The figure shown when a rate or median has nothing to be computed from. */
#define UNDEFINED_FIGURE "—"

static TsuDateStyle
date_style (TsuReferralStatsPage *self)
{
  return tsu_settings_get_date_style (self->settings);
}

static int
current_fiscal_year (void)
{
  g_autofree char *today = tsu_date_today_iso ();
  GDate date;

  g_date_clear (&date, 1);
  if (!tsu_date_from_iso (today, &date))
    return 2023;
  return tsu_fiscal_year_of (&date);
}

static GtkWindow *
parent_window (TsuReferralStatsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (TsuReferralStatsPage *self,
           AdwToast             *toast)
{
  tsu_widget_add_toast (GTK_WIDGET (self), toast);
}

static void
show_error (TsuReferralStatsPage *self,
            const char           *heading,
            const char           *body)
{
  tsu_widget_show_error (GTK_WIDGET (self), heading, body);
}

/* Building the tables ------------------------------------------------------ */

static GtkLabel *
add_figure (TsuReferralStatsPage *self,
            const char           *name,
            const char           *caption)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (UNDEFINED_FIGURE);
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_name (value, name);
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_set_margin_top (value, 12);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), label);
  gtk_box_append (self->headline_box, card);
  /* Screen readers read the caption with the number. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  return GTK_LABEL (value);
}

static GtkLabel *
add_cell (GtkGrid    *grid,
          const char *text,
          int         column,
          int         row,
          gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0f : 0.0f);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return GTK_LABEL (label);
}

static GtkLabel *
add_header (GtkGrid    *grid,
            const char *text,
            int         column,
            gboolean    number)
{
  GtkLabel *label = add_cell (grid, text, column, 0, number);

  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption-heading");
  return label;
}

static void
build_tables (TsuReferralStatsPage *self)
{
  /* Concerns run down two column pairs so the card stays short. */
  guint concern_rows = (TSU_N_CONCERNS + 1) / 2;

  self->figures[FIGURE_CASES] = add_figure (self, "stat-cases", _("Cases received"));
  self->figures[FIGURE_REFERRALS] = add_figure (self, "stat-referrals", _("Referrals made"));
  self->figures[FIGURE_CONNECTION_RATE] = add_figure (self, "stat-connection-rate",
                                                      _("Connection rate"));
  self->figures[FIGURE_FOREIGN_RESIDENTS] = add_figure (self, "stat-foreign-residents",
                                                        _("Foreign residents"));
  self->figures[FIGURE_MEDIAN_DAYS] = add_figure (self, "stat-median-days",
                                                  _("Median days to connect"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->figures[FIGURE_CONNECTION_RATE]),
                               _("Connected referrals among those connected or not connected"));

  for (TsuReferralStatus s = 0; s < TSU_N_REFERRAL_STATUSES; s++)
    {
      g_autofree char *name = g_strdup_printf ("status-%s", tsu_referral_status_to_code (s));

      add_cell (self->status_grid, tsu_referral_status_to_label (s), 0, (int) s, FALSE);
      self->status_values[s] = add_cell (self->status_grid, "0", 1, (int) s, TRUE);
      gtk_widget_set_name (GTK_WIDGET (self->status_values[s]), name);
    }

  add_header (self->ward_grid, _("Ward"), 0, FALSE);
  add_header (self->ward_grid, _("Referred"), 1, TRUE);
  add_header (self->ward_grid, _("Connected"), 2, TRUE);
  add_header (self->ward_grid, _("Not connected"), 3, TRUE);
  for (TsuWard w = 0; w < TSU_N_WARDS; w++)
    {
      add_cell (self->ward_grid, tsu_ward_to_name (w), 0, (int) w + 1, FALSE);
      for (int c = 0; c < 3; c++)
        {
          g_autofree char *name = g_strdup_printf ("ward-%d-%d", (int) w, c);

          self->ward_values[w][c] = add_cell (self->ward_grid, "0", c + 1, (int) w + 1, TRUE);
          gtk_widget_set_name (GTK_WIDGET (self->ward_values[w][c]), name);
        }
    }

  for (TsuConcern c = 0; c < TSU_N_CONCERNS; c++)
    {
      g_autofree char *name = g_strdup_printf ("concern-%s", tsu_concern_to_code (c));
      int column = (c < concern_rows) ? 0 : 2;
      int row = (int) (c % concern_rows);

      add_cell (self->concern_grid, tsu_concern_to_label (c), column, row, FALSE);
      self->concern_values[c] = add_cell (self->concern_grid, "0", column + 1, row, TRUE);
      gtk_widget_set_name (GTK_WIDGET (self->concern_values[c]), name);
    }
}

/* Filling in --------------------------------------------------------------- */

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (label, text);
}

static void
set_month_chart (TsuReferralStatsPage   *self,
                 const TsuReferralStats *stats)
{
  /* Translators: months on the axis of the referrals-per-month chart,
   * in the order of the fiscal year (April to March). */
  const char *months[] = {
    N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
    N_("Oct"), N_("Nov"), N_("Dec"), N_("Jan"), N_("Feb"), N_("Mar"),
  };
  const char *categories[G_N_ELEMENTS (months) + 1];
  double values[12];

  for (guint i = 0; i < 12; i++)
    {
      categories[i] = _(months[i]);
      values[i] = stats != NULL ? (double) stats->by_month[i] : 0.0;
    }
  categories[12] = NULL;
  tsu_bar_chart_set_categories (self->month_chart, categories);
  tsu_bar_chart_add_series (self->month_chart, _("Number of referrals"), &referrals_rgba, values, 12);
}

static void
set_ward_chart (TsuReferralStatsPage   *self,
                const TsuReferralStats *stats)
{
  const char *categories[TSU_N_WARDS + 1];
  double connected[TSU_N_WARDS];
  double not_connected[TSU_N_WARDS];

  for (TsuWard w = 0; w < TSU_N_WARDS; w++)
    {
      categories[w] = tsu_ward_to_name (w);
      connected[w] = stats != NULL ? (double) stats->ward_connected[w] : 0.0;
      not_connected[w] = stats != NULL ? (double) stats->ward_not_connected[w] : 0.0;
    }
  categories[TSU_N_WARDS] = NULL;
  tsu_bar_chart_set_categories (self->ward_chart, categories);
  tsu_bar_chart_add_series (self->ward_chart, _("Connected"), &connected_rgba,
                            connected, TSU_N_WARDS);
  tsu_bar_chart_add_series (self->ward_chart, _("Not connected"), &not_connected_rgba,
                            not_connected, TSU_N_WARDS);
}

static void
show_stats (TsuReferralStatsPage   *self,
            const TsuReferralStats *stats)
{
  g_autofree char *rate = NULL;
  g_autofree char *median = NULL;

  set_count (self->figures[FIGURE_CASES], stats->cases);
  set_count (self->figures[FIGURE_REFERRALS], stats->referrals);
  set_count (self->figures[FIGURE_FOREIGN_RESIDENTS], stats->foreign_residents);
  if (stats->connection_rate < 0)
    rate = g_strdup (UNDEFINED_FIGURE);
  else
    rate = g_strdup_printf ("%.1f%%", stats->connection_rate * 100.0);
  gtk_label_set_text (self->figures[FIGURE_CONNECTION_RATE], rate);
  /* A median is whole or halfway between two whole days. */
  if (stats->median_days_to_connect < 0)
    median = g_strdup (UNDEFINED_FIGURE);
  else if (fabs (stats->median_days_to_connect - round (stats->median_days_to_connect)) < 1e-9)
    median = g_strdup_printf ("%.0f", stats->median_days_to_connect);
  else
    median = g_strdup_printf ("%.1f", stats->median_days_to_connect);
  gtk_label_set_text (self->figures[FIGURE_MEDIAN_DAYS], median);

  for (TsuReferralStatus s = 0; s < TSU_N_REFERRAL_STATUSES; s++)
    set_count (self->status_values[s], stats->by_status[s]);
  for (TsuWard w = 0; w < TSU_N_WARDS; w++)
    {
      set_count (self->ward_values[w][0], stats->ward_referrals[w]);
      set_count (self->ward_values[w][1], stats->ward_connected[w]);
      set_count (self->ward_values[w][2], stats->ward_not_connected[w]);
    }
  for (TsuConcern c = 0; c < TSU_N_CONCERNS; c++)
    set_count (self->concern_values[c], stats->by_concern[c]);
}

static void
clear_stats (TsuReferralStatsPage *self)
{
  TsuReferralStats empty = { 0 };

  empty.fiscal_year = self->year;
  empty.connection_rate = -1;
  empty.median_days_to_connect = -1;
  show_stats (self, &empty);
}

static void
reload (TsuReferralStatsPage *self)
{
  g_autofree char *year = tsu_fiscal_year_format (self->year, date_style (self));
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) network_error = NULL;
  TsuReferralStats stats = { 0 };
  gboolean have_stats = FALSE;

  /* Translators: heading of the statistics page; %s is the fiscal year,
   * 令和5年度. */
  title = g_strdup_printf (_("Referrals in %s"), year);
  gtk_label_set_text (self->title_label, title);
  g_clear_object (&self->network);

  if (self->database != NULL)
    {
      have_stats = tsu_referral_stats_compute (self->database, self->year, &stats, &error);
      if (!have_stats)
        g_warning ("Referral statistics of %d: %s", self->year, error->message);
      self->network = tsu_referral_network_new (self->database, self->year, &network_error);
    }

  if (have_stats)
    show_stats (self, &stats);
  else
    clear_stats (self);
  set_month_chart (self, have_stats ? &stats : NULL);
  set_ward_chart (self, have_stats ? &stats : NULL);

  if (network_error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The network picture could not be drawn: %s"),
                                                  network_error->message);

      gtk_label_set_text (self->network_message, message);
      gtk_widget_set_visible (GTK_WIDGET (self->network_message), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->network_message), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->network != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->network_area));
}

static void
on_database_changed (TsuDatabase          *database,
                     const char           *table,
                     TsuReferralStatsPage *self)
{
  /* Only cases and referrals feed the statistics and the network. */
  if (g_strcmp0 (table, "cases") == 0 || g_strcmp0 (table, "referrals") == 0)
    reload (self);
}

static void
on_settings_changed (GSettings            *settings,
                     const char           *key,
                     TsuReferralStatsPage *self)
{
  if (g_str_equal (key, "date-style"))
    reload (self);
}

/* The network picture ------------------------------------------------------ */

static void
draw_network (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  TsuReferralStatsPage *self = TSU_REFERRAL_STATS_PAGE (user_data);

  if (self->network == NULL || width <= 0 || height <= 0)
    return;
  /* The picture is made for paper: white behind it in any theme, so it
   * looks on screen as it does when saved. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);
  tsu_referral_network_draw (self->network, cr, width, height);
}

static const char *
suffix_of (const char *path)
{
  static const char * const suffixes[] = { ".pdf", ".png", ".svg" };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return suffixes[i];
  return NULL;
}

static void
on_save_response (GtkNativeDialog      *chooser,
                  int                   response,
                  TsuReferralStatsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;
  const char *suffix;
  AdwToast *toast;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  suffix = tsu_file_chooser_get_suffix (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || g_file_peek_path (file) == NULL || self->network == NULL)
    {
      g_object_unref (chooser);
      return;
    }

  path = g_file_get_path (file);
  /* A name typed without a known suffix gets the chosen format's. */
  if (suffix_of (path) == NULL)
    {
      char *with_suffix = g_strconcat (path, suffix != NULL ? suffix : ".pdf", NULL);

      g_free (path);
      path = with_suffix;
    }
  g_object_unref (chooser);

  if (!tsu_referral_network_write (self->network, path, &error))
    {
      show_error (self, _("Could Not Save the Picture"), error->message);
      return;
    }
  basename = g_path_get_basename (path);
  toast = adw_toast_new_format (_("Saved “%s”"), basename);
  add_toast (self, toast);
}

static void
on_save_clicked (TsuReferralStatsPage *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *year = NULL;
  g_autofree char *name = NULL;
  const char *folder_path;

  if (self->network == NULL)
    return;
  year = tsu_fiscal_year_format (self->year, date_style (self));
  /* Translators: file name of the saved network picture, followed by the
   * fiscal year: 紹介ネットワーク_令和5年度.pdf */
  name = g_strdup_printf ("%s_%s.pdf", _("Referral Network"), year);

  chooser = gtk_file_chooser_native_new (_("Save Picture"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  tsu_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _("PDF Documents"), "*.pdf", "application/pdf", ".pdf");
  tsu_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _("PNG Images"), "*.png", "image/png", ".png");
  tsu_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), _("SVG Images"), "*.svg", "image/svg+xml", ".svg");
  folder_path = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (folder_path == NULL || !g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    folder_path = g_get_home_dir ();
  folder = g_file_new_for_path (folder_path);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Class -------------------------------------------------------------------- */

static void
tsu_referral_stats_page_dispose (GObject *object)
{
  TsuReferralStatsPage *self = TSU_REFERRAL_STATS_PAGE (object);

  /* The scroller is both the bin's child and part of the template: let
   * the bin drop it first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_REFERRAL_STATS_PAGE);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed, self);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->network);

  G_OBJECT_CLASS (tsu_referral_stats_page_parent_class)->dispose (object);
}

static void
tsu_referral_stats_page_class_init (TsuReferralStatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tsu_referral_stats_page_dispose;

  /* The template names the chart by its type name. */
  g_type_ensure (TSU_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/jp/tsunagu/Tsunagu/tsu-referral-stats-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuReferralStatsPage, name)
  CHILD (title_label);
  CHILD (headline_box);
  CHILD (month_chart);
  CHILD (ward_chart);
  CHILD (status_grid);
  CHILD (ward_grid);
  CHILD (concern_grid);
  CHILD (save_button);
  CHILD (network_message);
  CHILD (network_area);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
}

static void
tsu_referral_stats_page_init (TsuReferralStatsPage *self)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Tests and uninstalled runs may lack the schema: look it up softly. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "date-style"))
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
    }

  self->year = current_fiscal_year ();
  build_tables (self);

  tsu_bar_chart_set_title (self->month_chart, _("Referrals per Month"));
  tsu_bar_chart_set_value_label (self->month_chart, _("Number of referrals"));
  tsu_bar_chart_set_title (self->ward_chart, _("Connections by Ward"));
  tsu_bar_chart_set_value_label (self->ward_chart, _("Number of referrals"));
  gtk_drawing_area_set_draw_func (self->network_area, draw_network, self, NULL);

  reload (self);
}

GtkWidget *
tsu_referral_stats_page_new (void)
{
  return g_object_new (TSU_TYPE_REFERRAL_STATS_PAGE, NULL);
}

void
tsu_referral_stats_page_set_fiscal_year (TsuReferralStatsPage *self,
                                         TsuDatabase          *database,
                                         int                   year)
{
  g_return_if_fail (TSU_IS_REFERRAL_STATS_PAGE (self));
  g_return_if_fail (database == NULL || TSU_IS_DATABASE (database));

  if (self->database != database)
    {
      if (self->database != NULL)
        g_signal_handlers_disconnect_by_func (self->database, on_database_changed, self);
      g_set_object (&self->database, database);
      if (database != NULL)
        g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, 0);
    }
  self->year = year;
  reload (self);
}
