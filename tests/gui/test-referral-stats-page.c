/* test-referral-stats-page.c: the statistics page of the referrals view,
 * read back from its labels, charts and network picture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "tsu-bar-chart.h"
#include "tsu-case.h"
#include "tsu-referral.h"
#include "tsu-referral-network.h"
#include "tsu-referral-stats-page.h"
#include "gui-test-util.h"

typedef struct
{
  TsuDatabase          *db;
  GtkWindow            *window;
  TsuReferralStatsPage *page;
  gint64                moji_case;    /* 門司区, FY2023 */
  gint64                tobata_case;  /* 戸畑区, FY2023 */
} Fixture;

static const char *
label_text (Fixture    *f,
            const char *name)
{
  GtkWidget *label = find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static TsuBarChart *
chart (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = find_widget (GTK_WIDGET (f->page), TSU_TYPE_BAR_CHART, name);

  g_assert_nonnull (widget);
  return TSU_BAR_CHART (widget);
}

static gint64
add_case (TsuDatabase *db,
          const char  *received_on,
          TsuWard      ward,
          gboolean     foreign_resident,
          guint        concerns)
{
  g_autoptr(TsuCase) c = tsu_case_new ();
  g_autoptr(GError) error = NULL;

  tsu_case_set_received_on (c, received_on);
  tsu_case_set_entrance (c, "門司区役所");
  tsu_case_set_ward (c, ward);
  tsu_case_set_age_band (c, TSU_AGE_40S);
  tsu_case_set_foreign_resident (c, foreign_resident);
  if (foreign_resident)
    tsu_case_set_language (c, "ベトナム語");
  tsu_case_set_concerns (c, concerns);
  tsu_case_set_contact (c, TSU_CONTACT_VISIT);
  tsu_case_set_consent (c, TSU_CONSENT_YES);
  tsu_case_set_consent_on (c, received_on);
  tsu_case_set_consent_how (c, "書面");
  tsu_case_set_legal_basis (c, TSU_LEGAL_BASIS_CONSENT);
  g_assert_true (tsu_case_save (c, db, &error));
  g_assert_no_error (error);
  return tsu_case_get_id (c);
}

/* A referral saved as an import would: already in @status. */
static void
add_referral (TsuDatabase       *db,
              gint64             case_id,
              const char        *to,
              const char        *referred_on,
              TsuReferralStatus  status,
              const char        *closed_on)
{
  g_autoptr(TsuReferral) r = tsu_referral_new (case_id);
  g_autoptr(GError) error = NULL;

  tsu_referral_set_from (r, "門司区役所");
  tsu_referral_set_to (r, to);
  tsu_referral_set_referred_on (r, referred_on);
  tsu_referral_set_status (r, status);
  if (tsu_referral_status_needs_reason (status))
    tsu_referral_set_reason (r, TSU_REASON_UNREACHABLE);
  if (closed_on != NULL)
    tsu_referral_set_closed_on (r, closed_on);
  g_assert_true (tsu_referral_save (r, db, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("tsu-referral-stats-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();
  gint64 late_case;
  gint64 next_year_case;

  f->db = tsu_database_open (path, &error);
  g_assert_no_error (error);

  /* FY2023 (April 2023 – March 2024): three cases, four referrals; two
   * connected after 10 and 20 days, one not connected, one still open on
   * the year's last day. One case of FY2024 stays out. */
  f->moji_case = add_case (f->db, "2023-04-10", TSU_WARD_MOJI, TRUE,
                           (1u << TSU_CONCERN_POVERTY) | (1u << TSU_CONCERN_EMPLOYMENT));
  f->tobata_case = add_case (f->db, "2023-06-01", TSU_WARD_TOBATA, FALSE,
                             1u << TSU_CONCERN_HIKIKOMORI);
  late_case = add_case (f->db, "2024-03-31", TSU_WARD_TOBATA, FALSE,
                        1u << TSU_CONCERN_POVERTY);
  next_year_case = add_case (f->db, "2024-04-01", TSU_WARD_MOJI, TRUE,
                             1u << TSU_CONCERN_ELDERLY);
  add_referral (f->db, f->moji_case, "NPO法人ほっとスペース", "2023-04-12",
                TSU_REFERRAL_CONNECTED, "2023-04-22");
  add_referral (f->db, f->moji_case, "フードバンク北九州", "2023-05-01",
                TSU_REFERRAL_NOT_CONNECTED, "2023-05-20");
  add_referral (f->db, f->tobata_case, "NPO法人ほっとスペース", "2023-06-05",
                TSU_REFERRAL_CONNECTED, "2023-06-25");
  add_referral (f->db, late_case, "戸畑区役所", "2024-03-31", TSU_REFERRAL_SENT, NULL);
  add_referral (f->db, next_year_case, "戸畑区役所", "2024-04-01", TSU_REFERRAL_SENT, NULL);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = TSU_REFERRAL_STATS_PAGE (tsu_referral_stats_page_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (f->window, overlay);
  tsu_referral_stats_page_set_fiscal_year (f->page, f->db, 2023);
  gtk_window_present (f->window);
  spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (tsu_database_get_path (f->db));
  g_autofree char *dir = g_path_get_dirname (path);

  gtk_window_destroy (f->window);
  spin ();
  g_clear_object (&f->db);
  g_remove (path);
  g_rmdir (dir);
}

static void
assert_month_chart (Fixture      *f,
                    const double  expected[12])
{
  TsuBarChart *months = chart (f, "month-chart");

  g_assert_cmpuint (tsu_bar_chart_get_n_categories (months), ==, 12);
  g_assert_cmpuint (tsu_bar_chart_get_n_series (months), ==, 1);
  g_assert_cmpstr (tsu_bar_chart_get_category (months, 0), ==, "Apr");
  g_assert_cmpstr (tsu_bar_chart_get_category (months, 11), ==, "Mar");
  for (guint m = 0; m < 12; m++)
    g_assert_cmpfloat (tsu_bar_chart_get_value (months, 0, m), ==, expected[m]);
}

static void
test_headline (Fixture       *f,
               gconstpointer  data)
{
  const double months[12] = { 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
  const char *title = label_text (f, "stats-title");
  TsuBarChart *wards;

  g_assert_true (g_str_equal (title, "Referrals in 令和5年度")
                 || g_str_equal (title, "Referrals in 2023年度"));
  g_assert_cmpstr (label_text (f, "stat-cases"), ==, "3");
  g_assert_cmpstr (label_text (f, "stat-referrals"), ==, "4");
  /* 2 connected of 3 closed either way. */
  g_assert_cmpstr (label_text (f, "stat-connection-rate"), ==, "66.7%");
  g_assert_cmpstr (label_text (f, "stat-foreign-residents"), ==, "1");
  /* The median of 10 and 20 days. */
  g_assert_cmpstr (label_text (f, "stat-median-days"), ==, "15");

  g_assert_cmpstr (label_text (f, "status-sent"), ==, "1");
  g_assert_cmpstr (label_text (f, "status-accepted"), ==, "0");
  g_assert_cmpstr (label_text (f, "status-connected"), ==, "2");
  g_assert_cmpstr (label_text (f, "status-not-connected"), ==, "1");
  g_assert_cmpstr (label_text (f, "concern-poverty"), ==, "2");
  g_assert_cmpstr (label_text (f, "concern-hikikomori"), ==, "1");
  g_assert_cmpstr (label_text (f, "concern-elderly"), ==, "0");

  /* 門司区: two referrals, one connected, one not; 戸畑区: two, one
   * connected, one open. */
  g_assert_cmpstr (label_text (f, "ward-0-0"), ==, "2");
  g_assert_cmpstr (label_text (f, "ward-0-1"), ==, "1");
  g_assert_cmpstr (label_text (f, "ward-0-2"), ==, "1");
  g_assert_cmpstr (label_text (f, "ward-6-0"), ==, "2");
  g_assert_cmpstr (label_text (f, "ward-6-1"), ==, "1");
  g_assert_cmpstr (label_text (f, "ward-6-2"), ==, "0");

  assert_month_chart (f, months);

  wards = chart (f, "ward-chart");
  g_assert_cmpuint (tsu_bar_chart_get_n_categories (wards), ==, TSU_N_WARDS);
  g_assert_cmpuint (tsu_bar_chart_get_n_series (wards), ==, 2);
  g_assert_cmpstr (tsu_bar_chart_get_category (wards, TSU_WARD_MOJI), ==, "門司区");
  g_assert_cmpfloat (tsu_bar_chart_get_value (wards, 0, TSU_WARD_MOJI), ==, 1);
  g_assert_cmpfloat (tsu_bar_chart_get_value (wards, 1, TSU_WARD_MOJI), ==, 1);
  g_assert_cmpfloat (tsu_bar_chart_get_value (wards, 0, TSU_WARD_TOBATA), ==, 1);
  g_assert_cmpfloat (tsu_bar_chart_get_value (wards, 1, TSU_WARD_TOBATA), ==, 0);
  g_assert_cmpfloat (tsu_bar_chart_get_value (wards, 0, TSU_WARD_WAKAMATSU), ==, 0);
}

static void
test_undefined (Fixture       *f,
                gconstpointer  data)
{
  const double months[12] = { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

  /* FY2024 has one open referral: no rate, no median. */
  tsu_referral_stats_page_set_fiscal_year (f->page, f->db, 2024);
  spin ();
  g_assert_cmpstr (label_text (f, "stat-cases"), ==, "1");
  g_assert_cmpstr (label_text (f, "stat-referrals"), ==, "1");
  g_assert_cmpstr (label_text (f, "stat-connection-rate"), ==, "—");
  g_assert_cmpstr (label_text (f, "stat-median-days"), ==, "—");
  g_assert_cmpstr (label_text (f, "stat-foreign-residents"), ==, "1");
  assert_month_chart (f, months);
}

static void
test_follows_changes (Fixture       *f,
                      gconstpointer  data)
{
  const double months[12] = { 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1 };

  /* A second connection for 戸畑区 in July, after 13 days: the median of
   * 10, 13 and 20 is 13. */
  add_referral (f->db, f->tobata_case, "フードバンク北九州", "2023-07-03",
                TSU_REFERRAL_CONNECTED, "2023-07-16");
  spin ();
  g_assert_cmpstr (label_text (f, "stat-referrals"), ==, "5");
  g_assert_cmpstr (label_text (f, "stat-connection-rate"), ==, "75.0%");
  g_assert_cmpstr (label_text (f, "stat-median-days"), ==, "13");
  g_assert_cmpstr (label_text (f, "status-connected"), ==, "3");
  g_assert_cmpstr (label_text (f, "ward-6-1"), ==, "2");
  g_assert_cmpfloat (tsu_bar_chart_get_value (chart (f, "ward-chart"), 0, TSU_WARD_TOBATA), ==, 2);
  assert_month_chart (f, months);

  /* One more not connected: the median stays, the rate falls to 60 %. */
  add_referral (f->db, f->moji_case, "戸畑区役所", "2023-07-10",
                TSU_REFERRAL_NOT_CONNECTED, "2023-08-01");
  spin ();
  g_assert_cmpstr (label_text (f, "stat-referrals"), ==, "6");
  g_assert_cmpstr (label_text (f, "stat-connection-rate"), ==, "60.0%");
  g_assert_cmpstr (label_text (f, "stat-median-days"), ==, "13");
}

/* How many pixels of @surface are not white. */
static guint
count_ink (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  guint ink = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + y * stride);

      for (int x = 0; x < width; x++)
        if ((row[x] & 0xffffff) != 0xffffff)
          ink++;
    }
  return ink;
}

static void
test_network (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *area = find_widget (GTK_WIDGET (f->page), GTK_TYPE_DRAWING_AREA, "network-area");
  g_autoptr(GError) error = NULL;
  g_autoptr(TsuReferralNetwork) network = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  g_assert_nonnull (area);
  g_assert_true (gtk_widget_get_sensitive (find_widget (GTK_WIDGET (f->page), GTK_TYPE_BUTTON,
                                                        "save-network")));
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL,
                                                       "network-message")));

  /* The year's network on its own, as the page draws it. */
  network = tsu_referral_network_new (f->db, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tsu_referral_network_get_n_edges (network), >, 0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 560);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tsu_referral_network_draw (network, cr, 800, 560);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpuint (count_ink (surface), >, 1000);
  cairo_surface_destroy (surface);

  /* The drawing area itself, rendered through its draw function. */
  width = gtk_widget_get_width (area);
  height = gtk_widget_get_height (area);
  g_assert_cmpint (width, >, 400);
  g_assert_cmpint (height, >=, 560);
  paintable = gtk_widget_paintable_new (area);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpuint (count_ink (surface), >, 1000);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  /* The strings the tests look for are the untranslated ones. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  g_test_add ("/referral-stats-page/headline", Fixture, NULL,
              fixture_set_up, test_headline, fixture_tear_down);
  g_test_add ("/referral-stats-page/undefined", Fixture, NULL,
              fixture_set_up, test_undefined, fixture_tear_down);
  g_test_add ("/referral-stats-page/follows-changes", Fixture, NULL,
              fixture_set_up, test_follows_changes, fixture_tear_down);
  g_test_add ("/referral-stats-page/network", Fixture, NULL,
              fixture_set_up, test_network, fixture_tear_down);
  return g_test_run ();
}
