/* tsu-referral-network.c: the referral network of a fiscal year, laid
 * out in three columns — entrances that only refer on the left, those
 * that refer and receive in the middle, receivers on the right — so that
 * every line runs from left to right and the picture reads like the
 * path a person takes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tsu-kana.h"
#include "tsu-organization.h"
#include "tsu-referral-network.h"
#include "tsu-referral.h"
#include "tsu-report-file.h"
#include "tsu-xlsx-style.h"

/* Noto Sans CJK JP comes with fonts-noto-cjk, as for the printouts. */
#define FONT_FAMILY "Noto Sans CJK JP"

/* The picture is laid out on a virtual A4 landscape page in points and
 * scaled to whatever it is drawn on, so the PNG and the PDF look alike. */
#define DESIGN_WIDTH  841.89
#define DESIGN_HEIGHT 595.28
#define MARGIN        24.0
#define BOX_PAD_X     6.0
#define BOX_PAD_Y     3.0
#define MIN_GAP       3.0

/* A4 landscape in points for PDF and SVG; pixels for PNG. */
#define PNG_WIDTH  1600
#define PNG_HEIGHT 1130

typedef enum
{
  COLUMN_LEFT,    /* only refers */
  COLUMN_MIDDLE,  /* refers and receives */
  COLUMN_RIGHT,   /* only receives */
  N_COLUMNS
} Column;

typedef struct
{
  char   *name;
  GBytes *sort_key;
  guint   ward_rank;  /* ward counters first, in ward order; TSU_N_WARDS otherwise */
  guint   sent;
  guint   received;
  Column  column;
  /* Layout, in design units. */
  double  x, y, w, h;
} Node;

typedef struct
{
  guint  from;
  guint  to;
  guint  count;
  guint  connected;
  guint  not_connected;
  /* Where the line leaves and enters, in design units. */
  double y_from, y_to;
} Edge;

struct _TsuReferralNetwork
{
  GObject    parent_instance;

  int        year;
  char      *title;
  char      *council;
  GPtrArray *nodes;  /* Node */
  GArray    *edges;  /* Edge */
  guint      referrals;
  /* How far lines within the middle column may reach to the right
   * before they would run into the receivers' boxes. */
  double     bulge_room;
  double     column_span;  /* height of the middle column */
};

G_DEFINE_FINAL_TYPE (TsuReferralNetwork, tsu_referral_network, G_TYPE_OBJECT)

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->name);
  g_clear_pointer (&node->sort_key, g_bytes_unref);
  g_free (node);
}

static void
tsu_referral_network_finalize (GObject *object)
{
  TsuReferralNetwork *self = TSU_REFERRAL_NETWORK (object);

  g_free (self->title);
  g_free (self->council);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->edges, g_array_unref);

  G_OBJECT_CLASS (tsu_referral_network_parent_class)->finalize (object);
}

static void
tsu_referral_network_class_init (TsuReferralNetworkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tsu_referral_network_finalize;
}

static void
tsu_referral_network_init (TsuReferralNetwork *self)
{
  self->nodes = g_ptr_array_new_with_free_func (node_free);
  self->edges = g_array_new (FALSE, TRUE, sizeof (Edge));
}

/* 門司区役所 (or 門司区) is a ward counter: its rank is its ward's. */
static guint
ward_rank (const char *name)
{
  g_autofree char *ward_name = NULL;
  TsuWard ward;

  if (g_str_has_suffix (name, "役所"))
    ward_name = g_strndup (name, strlen (name) - strlen ("役所"));
  else
    ward_name = g_strdup (name);
  if (tsu_ward_from_text (ward_name, &ward))
    return ward;
  return TSU_N_WARDS;
}

/* Organisations sort by their reading (五十音順) when they are in the
 * directory; anything else by its name. */
static GBytes *
dup_sort_key (TsuDatabase *db,
              const char  *name)
{
  g_autoptr(TsuOrganization) organization = NULL;
  g_autoptr(GError) error = NULL;

  organization = tsu_organization_find_by_name (db, name, &error);
  if (organization != NULL && *tsu_organization_get_reading (organization) != '\0')
    {
      g_autofree char *reading = tsu_reading_strip_legal_form (tsu_organization_get_reading (organization));

      return tsu_kana_sort_key (reading);
    }
  return tsu_kana_sort_key (name);
}

static guint
find_or_add_node (TsuReferralNetwork *self,
                  GHashTable         *index,
                  TsuDatabase        *db,
                  const char         *name)
{
  gpointer value;
  Node *node;

  if (g_hash_table_lookup_extended (index, name, NULL, &value))
    return GPOINTER_TO_UINT (value);

  node = g_new0 (Node, 1);
  node->name = g_strdup (name);
  node->ward_rank = ward_rank (name);
  node->sort_key = dup_sort_key (db, name);
  g_ptr_array_add (self->nodes, node);
  g_hash_table_insert (index, node->name, GUINT_TO_POINTER (self->nodes->len - 1));
  return self->nodes->len - 1;
}

static int
compare_nodes (gconstpointer a,
               gconstpointer b)
{
  const Node *x = *(Node * const *) a;
  const Node *y = *(Node * const *) b;
  gsize x_size, y_size;
  const guint8 *x_key, *y_key;
  int result;

  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  if (x->ward_rank != y->ward_rank)
    return x->ward_rank < y->ward_rank ? -1 : 1;
  x_key = g_bytes_get_data (x->sort_key, &x_size);
  y_key = g_bytes_get_data (y->sort_key, &y_size);
  result = memcmp (x_key, y_key, MIN (x_size, y_size));
  if (result != 0)
    return result;
  if (x_size != y_size)
    return x_size < y_size ? -1 : 1;
  return strcmp (x->name, y->name);
}

TsuReferralNetwork *
tsu_referral_network_new (TsuDatabase  *db,
                          int           year,
                          GError      **error)
{
  g_autoptr(TsuReferralNetwork) self = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GHashTable) node_index = NULL;
  g_autoptr(GHashTable) edge_index = NULL;
  g_autofree guint *order = NULL;
  g_autofree char *fiscal_year = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  referrals = tsu_referral_load_for_fiscal_year (db, year, error);
  if (referrals == NULL)
    return NULL;

  self = g_object_new (TSU_TYPE_REFERRAL_NETWORK, NULL);
  self->year = year;
  fiscal_year = tsu_fiscal_year_format (year, tsu_report_default_date_style ());
  /* Translators: title of the referral network picture; %s is the fiscal
   * year: "令和5年度 つなぎのネットワーク" */
  self->title = g_strdup_printf (_("%s Referral Network"), fiscal_year);
  self->council = tsu_report_dup_council_name (NULL);
  g_strstrip (self->council);

  node_index = g_hash_table_new (g_str_hash, g_str_equal);
  edge_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < referrals->len; i++)
    {
      TsuReferral *referral = g_ptr_array_index (referrals, i);
      const char *from_name = tsu_referral_get_from (referral);
      const char *to_name = tsu_referral_get_to (referral);
      g_autofree char *edge_key = NULL;
      gpointer value;
      guint from, to;
      Edge *edge;

      if (from_name == NULL || *from_name == '\0' || to_name == NULL || *to_name == '\0')
        continue;
      from = find_or_add_node (self, node_index, db, from_name);
      to = find_or_add_node (self, node_index, db, to_name);
      ((Node *) g_ptr_array_index (self->nodes, from))->sent++;
      ((Node *) g_ptr_array_index (self->nodes, to))->received++;
      self->referrals++;

      edge_key = g_strdup_printf ("%u→%u", from, to);
      if (g_hash_table_lookup_extended (edge_index, edge_key, NULL, &value))
        edge = &g_array_index (self->edges, Edge, GPOINTER_TO_UINT (value));
      else
        {
          Edge blank = { 0 };

          blank.from = from;
          blank.to = to;
          g_array_append_val (self->edges, blank);
          g_hash_table_insert (edge_index, g_steal_pointer (&edge_key),
                               GUINT_TO_POINTER (self->edges->len - 1));
          edge = &g_array_index (self->edges, Edge, self->edges->len - 1);
        }
      edge->count++;
      if (tsu_referral_get_status (referral) == TSU_REFERRAL_CONNECTED)
        edge->connected++;
      else if (tsu_referral_get_status (referral) == TSU_REFERRAL_NOT_CONNECTED)
        edge->not_connected++;
    }

  /* Columns, then a fixed order within them; edges are renumbered to the
   * sorted nodes. */
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (self->nodes, i);

      if (node->received == 0)
        node->column = COLUMN_LEFT;
      else if (node->sent == 0)
        node->column = COLUMN_RIGHT;
      else
        node->column = COLUMN_MIDDLE;
      /* Remember the old index in x until the sort is done. */
      node->x = i;
    }
  g_ptr_array_sort (self->nodes, compare_nodes);
  order = g_new0 (guint, MAX (self->nodes->len, 1));
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (self->nodes, i);

      order[(guint) node->x] = i;
      node->x = 0;
    }
  for (guint e = 0; e < self->edges->len; e++)
    {
      Edge *edge = &g_array_index (self->edges, Edge, e);

      edge->from = order[edge->from];
      edge->to = order[edge->to];
    }

  return g_steal_pointer (&self);
}

guint
tsu_referral_network_get_n_nodes (TsuReferralNetwork *self)
{
  g_return_val_if_fail (TSU_IS_REFERRAL_NETWORK (self), 0);

  return self->nodes->len;
}

guint
tsu_referral_network_get_n_edges (TsuReferralNetwork *self)
{
  g_return_val_if_fail (TSU_IS_REFERRAL_NETWORK (self), 0);

  return self->edges->len;
}

/* Drawing. */

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *text,
            double      size,
            gboolean    bold,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  /* Design units are points: 1 pt font = 1 unit, unhinted, so the
   * picture lays out the same on screen, PDF and PNG. */
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("ja"));
  pango_layout_context_changed (layout);

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static void
show_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      size,
           gboolean    bold,
           double      width,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, text, size, bold, width);

  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
text_height (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, text, size, bold, width);
  double height;

  layout_size (layout, NULL, &height);
  return height;
}

static double
text_width (cairo_t    *cr,
            const char *text,
            double      size,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, text, size, bold, -1);
  double width;

  layout_size (layout, &width, NULL);
  return width;
}

/* The line under a node's name: what it sent and received. */
static char *
dup_node_counts (const Node *node)
{
  /* Translators: under a node of the referral network: how many
   * referrals it made ("紹介 5件") */
  g_autofree char *sent = g_strdup_printf (ngettext ("%u sent", "%u sent", node->sent), node->sent);
  /* Translators: under a node of the referral network: how many
   * referrals it received ("受入 3件") */
  g_autofree char *received = g_strdup_printf (ngettext ("%u received", "%u received", node->received),
                                               node->received);

  if (node->sent > 0 && node->received > 0)
    return g_strdup_printf ("%s · %s", sent, received);
  return g_strdup (node->sent > 0 ? sent : received);
}

/* Line width of an edge of @count referrals, in design points. */
static double
edge_width (guint count)
{
  return 1.0 + 2.0 * sqrt ((double) count);
}

/* Red at 0 % connected, amber at 50 %, green at 100 %. */
static void
rate_colour (double  rate,
             double *r,
             double *g,
             double *b)
{
  static const double red[3] = { 0.84, 0.19, 0.15 };
  static const double amber[3] = { 0.96, 0.64, 0.05 };
  static const double green[3] = { 0.16, 0.62, 0.26 };
  const double *from, *to;
  double t;

  if (rate < 0)
    {
      *r = *g = *b = 0.62;
      return;
    }
  rate = CLAMP (rate, 0.0, 1.0);
  if (rate < 0.5)
    from = red, to = amber, t = rate * 2;
  else
    from = amber, to = green, t = (rate - 0.5) * 2;
  *r = from[0] + (to[0] - from[0]) * t;
  *g = from[1] + (to[1] - from[1]) * t;
  *b = from[2] + (to[2] - from[2]) * t;
}

static double
edge_rate (const Edge *edge)
{
  guint closed = edge->connected + edge->not_connected;

  return closed == 0 ? -1.0 : (double) edge->connected / closed;
}

static gboolean
is_ward_counter (const Node *node)
{
  return node->ward_rank < TSU_N_WARDS;
}

/* Sizes the boxes and stacks each column in [@top, @bottom]; FALSE when
 * the nodes do not fit at @size. */
static gboolean
layout_nodes (TsuReferralNetwork *self,
              cairo_t            *cr,
              double              width,
              double              top,
              double              bottom,
              double              size,
              double              max_box)
{
  double column_w[N_COLUMNS] = { 0 };
  double column_h[N_COLUMNS] = { 0 };
  guint column_n[N_COLUMNS] = { 0 };
  double column_x[N_COLUMNS];
  double y[N_COLUMNS];
  double gap[N_COLUMNS];
  gboolean present[N_COLUMNS];

  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (self->nodes, i);
      g_autofree char *counts = dup_node_counts (node);
      g_autoptr(PangoLayout) name = new_layout (cr, node->name, size, TRUE, max_box - 2 * BOX_PAD_X);
      g_autoptr(PangoLayout) sub = new_layout (cr, counts, size * 0.8, FALSE, max_box - 2 * BOX_PAD_X);
      double name_w, name_h, sub_w, sub_h;

      layout_size (name, &name_w, &name_h);
      layout_size (sub, &sub_w, &sub_h);
      node->w = MAX (name_w, sub_w) + 2 * BOX_PAD_X;
      node->h = name_h + sub_h + 2 * BOX_PAD_Y;
      column_w[node->column] = MAX (column_w[node->column], node->w);
      column_h[node->column] += node->h;
      column_n[node->column]++;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      present[c] = column_n[c] > 0;
      if (present[c] && column_h[c] + (column_n[c] - 1) * MIN_GAP > bottom - top)
        return FALSE;
      /* Spread the nodes over the height, but not so far apart that a
       * short column looks lost. */
      gap[c] = column_n[c] > 1 ? (bottom - top - column_h[c]) / column_n[c] : 0;
      gap[c] = MIN (gap[c], 6 * size);
      y[c] = top + (bottom - top - column_h[c] - gap[c] * (column_n[c] > 0 ? column_n[c] - 1 : 0)) / 2;
    }

  column_x[COLUMN_LEFT] = MARGIN;
  column_x[COLUMN_RIGHT] = width - MARGIN - column_w[COLUMN_RIGHT];
  if (present[COLUMN_LEFT] && present[COLUMN_RIGHT])
    column_x[COLUMN_MIDDLE] = (width - column_w[COLUMN_MIDDLE]) / 2;
  else if (present[COLUMN_LEFT])
    column_x[COLUMN_MIDDLE] = width * 0.6 - column_w[COLUMN_MIDDLE] / 2;
  else
    column_x[COLUMN_MIDDLE] = width * 0.4 - column_w[COLUMN_MIDDLE] / 2;

  self->bulge_room = present[COLUMN_RIGHT]
                     ? 0.6 * (column_x[COLUMN_RIGHT] - column_x[COLUMN_MIDDLE] - column_w[COLUMN_MIDDLE])
                     : 0.6 * (width - MARGIN - column_x[COLUMN_MIDDLE] - column_w[COLUMN_MIDDLE]);
  self->bulge_room = MAX (self->bulge_room, 12);
  self->column_span = MAX (bottom - top, 1);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (self->nodes, i);

      /* Boxes of a column share its width, so the lines start evenly. */
      node->w = column_w[node->column];
      node->x = column_x[node->column];
      node->y = y[node->column];
      y[node->column] += node->h + gap[node->column];
    }
  return TRUE;
}

/* Spreads the ends of the lines over the side of their box, ordered by
 * where the other end is, so that they do not cross at the box. */
typedef struct
{
  double  other_y;
  double *port;
} Port;

static int
compare_ports (gconstpointer a,
               gconstpointer b)
{
  const Port *x = a;
  const Port *y = b;

  return (x->other_y > y->other_y) - (x->other_y < y->other_y);
}

static void
place_ports (TsuReferralNetwork *self)
{
  for (guint n = 0; n < self->nodes->len; n++)
    {
      Node *node = g_ptr_array_index (self->nodes, n);
      g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (Port));
      g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (Port));
      GArray *sides[2];

      for (guint e = 0; e < self->edges->len; e++)
        {
          Edge *edge = &g_array_index (self->edges, Edge, e);
          Node *from = g_ptr_array_index (self->nodes, edge->from);
          Node *to = g_ptr_array_index (self->nodes, edge->to);
          gboolean arc = from->column == to->column;
          Port port;

          if (edge->from == n)
            {
              port.other_y = to->y + to->h / 2;
              port.port = &edge->y_from;
              g_array_append_val (right, port);
            }
          if (edge->to == n)
            {
              port.other_y = from->y + from->h / 2;
              port.port = &edge->y_to;
              /* Lines within the middle column come back into the right
               * side of their box. */
              g_array_append_val (arc ? right : left, port);
            }
        }

      sides[0] = left;
      sides[1] = right;
      for (guint s = 0; s < 2; s++)
        {
          GArray *ports = sides[s];
          double span = node->h * 0.8;

          g_array_sort (ports, compare_ports);
          for (guint p = 0; p < ports->len; p++)
            {
              Port *port = &g_array_index (ports, Port, p);

              *port->port = node->y + node->h / 2
                            + (ports->len > 1 ? span * ((double) p / (ports->len - 1) - 0.5) : 0);
            }
        }
    }
}

/* An arrowhead whose tip is at (@x, @y), pointing right (@direction 1)
 * or left (-1). */
static void
draw_arrowhead (cairo_t *cr,
                double   x,
                double   y,
                double   direction,
                double   line_width)
{
  double length = 4.0 + 1.2 * line_width;
  double half = 2.5 + 0.9 * line_width;

  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - direction * length, y - half);
  cairo_line_to (cr, x - direction * length, y + half);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static double
arrow_length (double line_width)
{
  return 4.0 + 1.2 * line_width;
}

static void
draw_edge (TsuReferralNetwork *self,
           cairo_t            *cr,
           const Edge         *edge)
{
  Node *from = g_ptr_array_index (self->nodes, edge->from);
  Node *to = g_ptr_array_index (self->nodes, edge->to);
  double width = edge_width (edge->count);
  double head = arrow_length (width);
  double r, g, b;

  rate_colour (edge_rate (edge), &r, &g, &b);
  cairo_set_source_rgba (cr, r, g, b, 0.75);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  if (edge->from == edge->to)
    {
      /* A referral within one organisation: a loop on its right. */
      double x = from->x + from->w;
      double top = from->y + from->h * 0.25;
      double bottom = from->y + from->h * 0.75;
      double reach = 18 + width;

      cairo_move_to (cr, x, top);
      cairo_curve_to (cr, x + reach, top - 6, x + reach, bottom + 6, x + head, bottom);
      cairo_stroke (cr);
      draw_arrowhead (cr, x, bottom, -1, width);
    }
  else if (from->column == to->column)
    {
      /* Within the middle column: out of the right side and back into the
       * right side of the other box, bulging further the further apart. */
      double x1 = from->x + from->w;
      double x2 = to->x + to->w;
      /* In proportion to the distance, as in an arc diagram: nested
       * arcs do not cross, and the longest just reach the room there
       * is. */
      double bulge = 10 + (self->bulge_room - 10) * fabs (edge->y_to - edge->y_from) / self->column_span
                     + width / 2;

      cairo_move_to (cr, x1, edge->y_from);
      cairo_curve_to (cr, x1 + bulge, edge->y_from, x2 + bulge, edge->y_to, x2 + head, edge->y_to);
      cairo_stroke (cr);
      draw_arrowhead (cr, x2, edge->y_to, -1, width);
    }
  else
    {
      double x1 = from->x + from->w;
      double x2 = to->x;
      double dx = (x2 - x1) / 2;

      cairo_move_to (cr, x1, edge->y_from);
      cairo_curve_to (cr, x1 + dx, edge->y_from, x2 - dx, edge->y_to, x2 - head, edge->y_to);
      cairo_stroke (cr);
      draw_arrowhead (cr, x2, edge->y_to, 1, width);
    }
}

static void
draw_node (cairo_t    *cr,
           const Node *node,
           double      size,
           double      max_box)
{
  g_autofree char *counts = dup_node_counts (node);
  g_autoptr(PangoLayout) name = new_layout (cr, node->name, size, TRUE, max_box - 2 * BOX_PAD_X);
  double radius = 3;
  double name_h;

  cairo_new_sub_path (cr);
  cairo_arc (cr, node->x + node->w - radius, node->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, node->x + node->w - radius, node->y + node->h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, node->x + radius, node->y + node->h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, node->x + radius, node->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  if (is_ward_counter (node))
    cairo_set_source_rgb (cr, 0.86, 0.92, 0.97);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, node->x + BOX_PAD_X, node->y + BOX_PAD_Y);
  pango_cairo_show_layout (cr, name);
  layout_size (name, NULL, &name_h);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_text (cr, counts, node->x + BOX_PAD_X, node->y + BOX_PAD_Y + name_h, size * 0.8, FALSE,
             max_box - 2 * BOX_PAD_X, PANGO_ALIGN_LEFT);
}

/* The legend along the foot: thickness, colour, kinds of node. Returns
 * its height; draws nothing when @measure_only. */
static double
draw_legend (TsuReferralNetwork *self,
             cairo_t            *cr,
             double              width,
             double              top,
             gboolean            measure_only)
{
  /* Translators: legend of the referral network: what the thickness of a
   * line means */
  const char *thickness_title = _("Line thickness: number of referrals");
  /* Translators: legend of the referral network: what the colour of a
   * line means */
  const char *colour_title = _("Colour: share connected, of those connected or not connected");
  /* Translators: legend of the referral network: a grey line */
  const char *none_closed = _("none closed yet");
  /* Translators: legend of the referral network: the kinds of box */
  const char *kind_title = C_("referral network", "Boxes");
  /* Translators: legend of the referral network: a blue box (区役所の窓口) */
  const char *ward_label = _("Ward office counter");
  /* Translators: legend of the referral network: a white box */
  const char *organization_label = _("Organisation");
  double size = 7.5;
  double caption_h = text_height (cr, thickness_title, size, TRUE, -1);
  double height = caption_h + 26;
  guint max_count = 1;
  guint samples[3];
  guint n_samples = 0;
  double x, y;

  if (measure_only)
    return height;

  for (guint e = 0; e < self->edges->len; e++)
    max_count = MAX (max_count, g_array_index (self->edges, Edge, e).count);
  samples[n_samples++] = 1;
  if (max_count >= 4)
    samples[n_samples++] = (max_count + 1) / 2;
  if (max_count > 1)
    samples[n_samples++] = max_count;

  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, top - 4);
  cairo_line_to (cr, width - MARGIN, top - 4);
  cairo_stroke (cr);

  /* Thickness, in the first third. */
  x = MARGIN;
  y = top + caption_h + 13;
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  show_text (cr, thickness_title, x, top, size, TRUE, -1, PANGO_ALIGN_LEFT);
  for (guint s = 0; s < n_samples; s++)
    {
      /* Translators: legend of the referral network: a line standing for
       * %u referrals ("5件") */
      g_autofree char *label = g_strdup_printf (ngettext ("%u referral", "%u referrals", samples[s]),
                                                samples[s]);
      double line_width = edge_width (samples[s]);
      double label_w = text_width (cr, label, size, FALSE);

      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, line_width);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + 30 - arrow_length (line_width), y);
      cairo_stroke (cr);
      draw_arrowhead (cr, x + 30, y, 1, line_width);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      show_text (cr, label, x + 34, y - text_height (cr, label, size, FALSE, -1) / 2, size, FALSE, -1,
                 PANGO_ALIGN_LEFT);
      x += 34 + label_w + 14;
    }

  /* Colour, in the middle: a ramp from red to green and a grey swatch. */
  x = MAX (x + 10, width * 0.36);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  show_text (cr, colour_title, x, top, size, TRUE, -1, PANGO_ALIGN_LEFT);
  {
    double ramp_w = 140;
    double ramp_y = y - 5;
    guint steps = 56;

    for (guint i = 0; i < steps; i++)
      {
        double r, g, b;

        rate_colour ((i + 0.5) / steps, &r, &g, &b);
        cairo_set_source_rgb (cr, r, g, b);
        cairo_rectangle (cr, x + ramp_w * i / steps, ramp_y, ramp_w / steps + 0.3, 10);
        cairo_fill (cr);
      }
    cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
    for (guint i = 0; i <= 2; i++)
      {
        g_autofree char *percent = g_strdup_printf ("%u%%", i * 50);
        double w = text_width (cr, percent, size * 0.9, FALSE);

        show_text (cr, percent, x + ramp_w * i / 2 - w / 2, ramp_y + 10.5, size * 0.9, FALSE, -1,
                   PANGO_ALIGN_LEFT);
      }
    x += ramp_w + 16;
    cairo_set_source_rgb (cr, 0.62, 0.62, 0.62);
    cairo_rectangle (cr, x, ramp_y, 22, 10);
    cairo_fill (cr);
    cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
    show_text (cr, none_closed, x + 26, ramp_y + 5 - text_height (cr, none_closed, size, FALSE, -1) / 2,
               size, FALSE, -1, PANGO_ALIGN_LEFT);
    x += 26 + text_width (cr, none_closed, size, FALSE) + 24;
  }

  /* Kinds of box, at the right. */
  x = MAX (x, width - MARGIN - 190);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  show_text (cr, kind_title, x, top, size, TRUE, -1, PANGO_ALIGN_LEFT);
  for (guint k = 0; k < 2; k++)
    {
      const char *label = k == 0 ? ward_label : organization_label;

      cairo_rectangle (cr, x, y - 5, 14, 10);
      if (k == 0)
        cairo_set_source_rgb (cr, 0.86, 0.92, 0.97);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      show_text (cr, label, x + 18, y - text_height (cr, label, size, FALSE, -1) / 2, size, FALSE, -1,
                 PANGO_ALIGN_LEFT);
      x += 18 + text_width (cr, label, size, FALSE) + 14;
    }

  return height;
}

static const char *
column_heading (Column column)
{
  switch (column)
    {
    /* Translators: heading over the left column of the referral network:
     * organisations that only referred people on (紹介元) */
    case COLUMN_LEFT:   return C_("referral network", "Referred on");
    /* Translators: heading over the middle column of the referral
     * network: organisations that both referred and received
     * (紹介元・紹介先) */
    case COLUMN_MIDDLE: return C_("referral network", "Referred and received");
    /* Translators: heading over the right column of the referral network:
     * organisations that only received referrals (紹介先) */
    case COLUMN_RIGHT:  return C_("referral network", "Received");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

void
tsu_referral_network_draw (TsuReferralNetwork *self,
                           cairo_t            *cr,
                           double              width,
                           double              height)
{
  static const double sizes[] = { 10, 9, 8, 7, 6, 5.5, 5, 4.5, 4 };
  g_autofree char *summary = NULL;
  g_autofree char *subtitle = NULL;
  double scale, w, h;
  double title_h, subtitle_h, legend_h, heading_h;
  double top, bottom, max_box, size = sizes[0];
  gboolean fits = FALSE;
  g_autoptr(GArray) order = NULL;

  g_return_if_fail (TSU_IS_REFERRAL_NETWORK (self));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  scale = MIN (width / DESIGN_WIDTH, height / DESIGN_HEIGHT);
  cairo_scale (cr, scale, scale);
  w = width / scale;
  h = height / scale;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_fill (cr);

  /* Title and a line of what it shows. */
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_text (cr, self->title, MARGIN, MARGIN - 6, 15, TRUE, w - 2 * MARGIN, PANGO_ALIGN_LEFT);
  title_h = text_height (cr, self->title, 15, TRUE, w - 2 * MARGIN);
  /* Translators: under the title of the referral network: "紹介 42件・
   * 18の団体等". The first %u is the number of referrals, the second of
   * organisations and counters, given by the next message. */
  summary = g_strdup_printf (ngettext ("%u referral", "%u referrals", self->referrals), self->referrals);
  {
    /* Translators: under the title of the referral network: the number
     * of organisations and ward counters shown ("18の団体等") */
    g_autofree char *places = g_strdup_printf (ngettext ("%u organisation or counter",
                                                         "%u organisations or counters",
                                                         self->nodes->len),
                                               self->nodes->len);
    /* Translators: under the title of the referral network; arrows run
     * from the organisation that referred to the one that received */
    const char *direction = _("Arrows point from the referring to the receiving organisation.");

    /* Translators: joins the number of referrals and of organisations
     * under the title of the referral network ("紹介 42件・18の団体等") */
    g_autofree char *counts = g_strdup_printf (C_("referral network", "%s, %s"), summary, places);

    /* An ideographic space reads as a gap in either language. */
    if (*self->council != '\0')
      subtitle = g_strdup_printf ("%s\u3000%s\u3000%s", self->council, counts, direction);
    else
      subtitle = g_strdup_printf ("%s\u3000%s", counts, direction);
  }
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  show_text (cr, subtitle, MARGIN, MARGIN - 6 + title_h + 2, 8.5, FALSE, w - 2 * MARGIN, PANGO_ALIGN_LEFT);
  subtitle_h = text_height (cr, subtitle, 8.5, FALSE, w - 2 * MARGIN);

  legend_h = draw_legend (self, cr, w, 0, TRUE);
  heading_h = text_height (cr, column_heading (COLUMN_MIDDLE), 8, TRUE, -1) + 6;
  top = MARGIN - 6 + title_h + 2 + subtitle_h + 12 + heading_h;
  bottom = h - MARGIN - legend_h - 10;
  draw_legend (self, cr, w, h - MARGIN - legend_h + 6, FALSE);

  if (self->nodes->len == 0)
    {
      /* Translators: in the middle of the referral network of a year
       * without referrals */
      const char *note = _("No referrals in this fiscal year.");
      double note_w = text_width (cr, note, 12, FALSE);

      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      show_text (cr, note, (w - note_w) / 2, (top + bottom) / 2 - 8, 12, FALSE, -1, PANGO_ALIGN_LEFT);
      cairo_restore (cr);
      return;
    }

  /* The largest labels at which every column fits; boxes may take a
   * fifth of the width each, names wrap within them. */
  max_box = (w - 2 * MARGIN) * 0.2;
  for (guint s = 0; s < G_N_ELEMENTS (sizes) && !fits; s++)
    {
      size = sizes[s];
      fits = layout_nodes (self, cr, w, top, bottom, size, max_box);
    }
  if (!fits)
    {
      /* More nodes than the page holds even in small print: widen the
       * boxes so names take one line, and let them run into the legend
       * rather than over each other. */
      max_box = (w - 2 * MARGIN) * 0.26;
      fits = layout_nodes (self, cr, w, top, h - MARGIN, size, max_box);
      if (!fits)
        layout_nodes (self, cr, w, top, G_MAXDOUBLE / 4, size, max_box);
    }
  place_ports (self);

  /* Column headings over the boxes. */
  for (guint c = 0; c < N_COLUMNS; c++)
    for (guint i = 0; i < self->nodes->len; i++)
      {
        Node *node = g_ptr_array_index (self->nodes, i);

        if (node->column != c)
          continue;
        cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
        show_text (cr, column_heading (c), node->x, top - heading_h, 8, TRUE, -1, PANGO_ALIGN_LEFT);
        break;
      }

  /* Thick lines first, so thin ones stay visible on top. */
  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->edges->len);
  for (guint e = 0; e < self->edges->len; e++)
    g_array_append_val (order, e);
  for (guint i = 1; i < order->len; i++)
    for (guint j = i; j > 0; j--)
      {
        guint a = g_array_index (order, guint, j - 1);
        guint b = g_array_index (order, guint, j);

        if (g_array_index (self->edges, Edge, a).count >= g_array_index (self->edges, Edge, b).count)
          break;
        g_array_index (order, guint, j - 1) = b;
        g_array_index (order, guint, j) = a;
      }
  for (guint i = 0; i < order->len; i++)
    draw_edge (self, cr, &g_array_index (self->edges, Edge, g_array_index (order, guint, i)));

  for (guint i = 0; i < self->nodes->len; i++)
    draw_node (cr, g_ptr_array_index (self->nodes, i), size, max_box);

  cairo_restore (cr);
}

typedef enum
{
  FORMAT_PDF,
  FORMAT_PNG,
  FORMAT_SVG,
} Format;

gboolean
tsu_referral_network_write (TsuReferralNetwork  *self,
                            const char          *path,
                            GError             **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Format format;
  double width, height;

  g_return_val_if_fail (TSU_IS_REFERRAL_NETWORK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    format = FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".png"))
    format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = FORMAT_SVG;
  else
    {
      display = g_filename_display_name (path);
      /* Translators: %s is a file name given for the referral network */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot write the network picture to “%s”: the name must end in .pdf, .png or .svg"),
                   display);
      return FALSE;
    }

  temp_path = tsu_report_file_begin (path, error);
  if (temp_path == NULL)
    return FALSE;

  switch (format)
    {
    case FORMAT_PDF:
      width = DESIGN_WIDTH;
      height = DESIGN_HEIGHT;
      surface = cairo_pdf_surface_create (temp_path, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tsunagu");
      break;
    case FORMAT_SVG:
      width = DESIGN_WIDTH;
      height = DESIGN_HEIGHT;
      surface = cairo_svg_surface_create (temp_path, width, height);
      break;
    case FORMAT_PNG:
    default:
      width = PNG_WIDTH;
      height = PNG_HEIGHT;
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, PNG_WIDTH, PNG_HEIGHT);
      break;
    }

  cr = cairo_create (surface);
  tsu_referral_network_draw (self, cr, width, height);
  if (format != FORMAT_PNG)
    cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, temp_path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      tsu_report_file_abort (temp_path);
      display = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return tsu_report_file_commit (temp_path, path, error);
}
