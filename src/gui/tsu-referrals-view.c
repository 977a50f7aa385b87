/* tsu-referrals-view.c: the referral tracker (つなぐ・つなげる仕組み).
 *
 * Four tabs over the same records: the open referrals with the overdue
 * ones on top and marked, the cases by where they stand, the referrals
 * that did not connect (case-study candidates, ケーススタディ候補) with
 * their reasons, and the statistics of a fiscal year. One search and the
 * filters by fiscal year, ward, concern and status apply to every list.
 *
 * Activating a row opens the case page: the case's fields, its notes
 * (shown here and nowhere else), its referrals with the moves the
 * workflow allows, and the timeline of every change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "tsu-case.h"
#include "tsu-application.h"
#include "tsu-case-editor.h"
#include "tsu-date.h"
#include "tsu-export.h"
#include "tsu-history.h"
#include "tsu-history-window.h"
#include "tsu-kana.h"
#include "tsu-print.h"
#include "tsu-referral.h"
#include "tsu-referral-editor.h"
#include "tsu-referral-stats-page.h"
#include "tsu-referrals-report.h"
#include "tsu-referrals-view.h"
#include "tsu-view-support.h"

typedef enum
{
  LIST_REFERRALS,
  LIST_CASES,
  LIST_CANDIDATES,
  N_LISTS
} List;

#define MAX_COLUMNS 8

typedef enum { REF_CASE, REF_FROM, REF_TO, REF_REFERRED, REF_DUE, REF_STATUS, REF_OVERDUE, N_REF } RefColumn;
typedef enum { CASE_CODE, CASE_RECEIVED, CASE_WARD, CASE_AGE, CASE_CONCERNS, CASE_STATUS,
               CASE_MEETING, CASE_REFERRALS, N_CASE } CaseColumn;
typedef enum { CAND_CASE, CAND_FROM, CAND_TO, CAND_REFERRED, CAND_CLOSED, CAND_REASON,
               CAND_MEETING, N_CAND } CandColumn;

static const guint n_columns[N_LISTS] = { N_REF, N_CASE, N_CAND };

/* Where a case stands, from its referrals; the cases list sorts by it. */
typedef enum
{
  STATE_OPEN,           /* a referral is waiting for an answer */
  STATE_NO_REFERRAL,
  STATE_NOT_CONNECTED,  /* closed, none connected */
  STATE_CONNECTED,
  STATE_WITHDRAWN,
  N_STATES
} CaseState;

typedef struct
{
  CaseState state;
  guint     n_referrals;
  guint     statuses;   /* bit per TsuReferralStatus of its referrals */
} CaseInfo;

typedef struct _TsuReferralsView TsuReferralsView;

typedef struct
{
  TsuReferralsView *self;
  List              list;
  guint             column;
} CellSpec;

struct _TsuReferralsView
{
  AdwBin               parent_instance;

  /* template widgets */
  GtkStack            *outer_stack;
  GtkStack            *tab_stack;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *year_dropdown;
  GtkDropDown         *ward_dropdown;
  GtkDropDown         *concern_dropdown;
  GtkDropDown         *status_dropdown;
  GtkColumnView       *referral_view;
  GtkColumnView       *case_view;
  GtkColumnView       *candidate_view;
  GtkColumnViewColumn *columns[N_LISTS][MAX_COLUMNS];
  GtkLabel            *count_labels[N_LISTS];
  GtkBox              *stats_box;
  GtkLabel            *case_title;
  GtkListBox          *case_details;
  GtkListBox          *case_referrals;
  GtkListBox          *case_notes;
  GtkListBox          *case_timeline;

  /* borrowed: a child of stats_box */
  TsuReferralStatsPage *stats_page;

  /* owned */
  TsuDatabase         *database;
  GSettings           *settings;        /* NULL without the installed schema */
  GListStore          *referrals;       /* TsuReferral, every one */
  GListStore          *cases;           /* TsuCase, every one */
  GHashTable          *cases_by_id;     /* gint64* → TsuCase (borrowed from cases) */
  GHashTable          *case_infos;      /* gint64* → CaseInfo */
  GtkCustomFilter     *filters[N_LISTS];
  GtkFilterListModel  *filtered[N_LISTS];
  GtkSortListModel    *sorted[N_LISTS];
  GtkSingleSelection  *selections[N_LISTS];
  CellSpec             specs[N_LISTS][MAX_COLUMNS];
  GArray              *years;           /* int, after "All years" */
  char                *query;           /* normalised search text */
  char                *today;
  TsuCase             *shown_case;      /* on the case page */
  GPtrArray           *shown_referrals; /* TsuReferral of shown_case */
  int                  year;            /* 0: all years */
  gboolean             updating;
  gboolean             exporting;
};

G_DEFINE_FINAL_TYPE (TsuReferralsView, tsu_referrals_view, ADW_TYPE_BIN)

static void reload         (TsuReferralsView *self);
static void show_case_page (TsuReferralsView *self);

/* Helpers ------------------------------------------------------------------ */

static TsuDateStyle
date_style (TsuReferralsView *self)
{
  return tsu_settings_get_date_style (self->settings);
}

static GtkWindow *
parent_window (TsuReferralsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (TsuReferralsView *self,
            const char       *heading,
            const char       *body)
{
  tsu_widget_show_error (GTK_WIDGET (self), heading, body);
}

static int
fiscal_year_of_iso (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!tsu_date_from_iso (iso, &date))
    return 0;
  return tsu_fiscal_year_of (&date);
}

static char *
date_text (TsuReferralsView *self,
           const char       *iso)
{
  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  return tsu_date_format_iso (iso, date_style (self));
}

/* Days @due_iso lies before today; 0 when not past or not a date. */
static int
days_overdue (TsuReferralsView *self,
              TsuReferral      *referral)
{
  GDate due, today;

  if (!tsu_referral_is_overdue (referral, self->today))
    return 0;
  g_date_clear (&due, 1);
  g_date_clear (&today, 1);
  if (!tsu_date_from_iso (tsu_referral_get_due_on (referral), &due)
      || !tsu_date_from_iso (self->today, &today))
    return 0;
  return MAX (g_date_days_between (&due, &today), 1);
}

static char *
overdue_text (int days)
{
  /* Translators: shown on an open referral whose answer is late; %d is
   * the number of days past the due date (期限超過 3日) */
  return g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", days), days);
}

static TsuCase *
case_of (TsuReferralsView *self,
         gint64            case_id)
{
  return self->cases_by_id ? g_hash_table_lookup (self->cases_by_id, &case_id) : NULL;
}

static const CaseInfo *
info_of (TsuReferralsView *self,
         TsuCase          *c)
{
  gint64 id = tsu_case_get_id (c);

  return self->case_infos ? g_hash_table_lookup (self->case_infos, &id) : NULL;
}

static const char *
state_label (CaseState state)
{
  switch (state)
    {
    case STATE_OPEN:
      return _("Referral open");
    case STATE_NO_REFERRAL:
      return _("No referral yet");
    case STATE_NOT_CONNECTED:
      return _("Not connected");
    case STATE_CONNECTED:
      return _("Connected");
    case STATE_WITHDRAWN:
      return C_("referral status", "Withdrawn");
    case N_STATES:
    default:
      break;
    }
  return "";
}

static char *
meeting_text (TsuReferralsView *self,
              TsuCase          *c)
{
  g_autofree char *date = NULL;

  if (c == NULL || !tsu_case_get_support_meeting (c))
    return g_strdup ("");
  date = date_text (self, tsu_case_get_support_meeting_on (c));
  /* Translators: the case was taken to the support meeting; %s is the
   * date or empty */
  return *date ? g_strdup_printf (_("Yes, %s"), date) : g_strdup (_("Yes"));
}

static GtkWidget *
dim_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

static void
clear_list_box (GtkListBox *box)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (box, 0)) != NULL)
    gtk_list_box_remove (box, GTK_WIDGET (row));
}

/* Cells -------------------------------------------------------------------- */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static char *
referral_cell_text (TsuReferralsView *self,
                    TsuReferral      *r,
                    guint             column,
                    List              list)
{
  if (list == LIST_REFERRALS)
    switch ((RefColumn) column)
      {
      case REF_CASE:
        return g_strdup (tsu_referral_get_case_code (r));
      case REF_FROM:
        return g_strdup (tsu_referral_get_from (r));
      case REF_TO:
        return g_strdup (tsu_referral_get_to (r));
      case REF_REFERRED:
        return date_text (self, tsu_referral_get_referred_on (r));
      case REF_DUE:
        return date_text (self, tsu_referral_get_due_on (r));
      case REF_STATUS:
        return g_strdup (tsu_referral_status_to_label (tsu_referral_get_status (r)));
      case REF_OVERDUE:
        {
          int days = days_overdue (self, r);

          return days > 0 ? overdue_text (days) : g_strdup ("");
        }
      case N_REF:
      default:
        break;
      }
  else
    switch ((CandColumn) column)
      {
      case CAND_CASE:
        return g_strdup (tsu_referral_get_case_code (r));
      case CAND_FROM:
        return g_strdup (tsu_referral_get_from (r));
      case CAND_TO:
        return g_strdup (tsu_referral_get_to (r));
      case CAND_REFERRED:
        return date_text (self, tsu_referral_get_referred_on (r));
      case CAND_CLOSED:
        return date_text (self, tsu_referral_get_closed_on (r));
      case CAND_REASON:
        return tsu_referral_get_reason (r) == TSU_REASON_NONE
               ? g_strdup ("")
               : g_strdup (tsu_referral_reason_to_label (tsu_referral_get_reason (r)));
      case CAND_MEETING:
        return meeting_text (self, case_of (self, tsu_referral_get_case_id (r)));
      case N_CAND:
      default:
        break;
      }
  return g_strdup ("");
}

static char *
case_cell_text (TsuReferralsView *self,
                TsuCase          *c,
                CaseColumn        column)
{
  const CaseInfo *info = info_of (self, c);

  switch (column)
    {
    case CASE_CODE:
      return g_strdup (tsu_case_get_code (c));
    case CASE_RECEIVED:
      return date_text (self, tsu_case_get_received_on (c));
    case CASE_WARD:
      return g_strdup (tsu_case_get_ward (c) < TSU_N_WARDS ? tsu_ward_to_name (tsu_case_get_ward (c)) : "");
    case CASE_AGE:
      return g_strdup (tsu_age_band_to_label (tsu_case_get_age_band (c)));
    case CASE_CONCERNS:
      return tsu_concerns_to_text (tsu_case_get_concerns (c), FALSE);
    case CASE_STATUS:
      return g_strdup (state_label (info ? info->state : STATE_NO_REFERRAL));
    case CASE_MEETING:
      return meeting_text (self, c);
    case CASE_REFERRALS:
      return g_strdup_printf ("%u", info ? info->n_referrals : 0);
    case N_CASE:
    default:
      break;
    }
  return g_strdup ("");
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  CellSpec *spec = user_data;
  TsuReferralsView *self = spec->self;
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  gboolean overdue = FALSE;

  if (spec->list == LIST_CASES)
    text = case_cell_text (self, TSU_CASE (object), spec->column);
  else
    {
      text = referral_cell_text (self, TSU_REFERRAL (object), spec->column, spec->list);
      overdue = spec->list == LIST_REFERRALS && days_overdue (self, TSU_REFERRAL (object)) > 0;
    }
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_tooltip_text (label, text && *text ? text : NULL);
  /* The whole row of an overdue referral reads as a warning; the days
   * past due stand out as an error. */
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "heading");
  if (overdue)
    {
      if (spec->column == REF_OVERDUE)
        {
          gtk_widget_add_css_class (label, "error");
          gtk_widget_add_css_class (label, "heading");
        }
      else
        gtk_widget_add_css_class (label, "warning");
    }
}

/* Filtering and sorting ---------------------------------------------------- */

static guint
selected_or_zero (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static gboolean
text_matches (const char *text,
              const char *query)
{
  g_autofree char *key = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  key = tsu_kana_normalize (text);
  return key != NULL && strstr (key, query) != NULL;
}

static gboolean
concerns_match (guint       concerns,
                const char *query)
{
  for (TsuConcern c = 0; c < TSU_N_CONCERNS; c++)
    if ((concerns & (1u << c))
        && (text_matches (tsu_concern_to_label (c), query)
            || text_matches (tsu_concern_to_code (c), query)))
      return TRUE;
  return FALSE;
}

/* The ward and concern filters, on the case. */
static gboolean
case_passes (TsuReferralsView *self,
             TsuCase          *c)
{
  guint ward = selected_or_zero (self->ward_dropdown);
  guint concern = selected_or_zero (self->concern_dropdown);

  if (ward > 0 && (c == NULL || (guint) tsu_case_get_ward (c) != ward - 1))
    return FALSE;
  if (concern > 0 && (c == NULL || (tsu_case_get_concerns (c) & (1u << (concern - 1))) == 0))
    return FALSE;
  return TRUE;
}

static gboolean
filter_referral (TsuReferral      *r,
                 TsuReferralsView *self,
                 List              list)
{
  TsuCase *c = case_of (self, tsu_referral_get_case_id (r));
  guint status = selected_or_zero (self->status_dropdown);
  TsuReferralStatus s = tsu_referral_get_status (r);

  if (list == LIST_CANDIDATES)
    {
      if (s != TSU_REFERRAL_NOT_CONNECTED)
        return FALSE;
    }
  else if (status > 0)
    {
      if ((guint) s != status - 1)
        return FALSE;
    }
  else if (!tsu_referral_status_is_open (s))
    return FALSE;

  if (self->year != 0 && fiscal_year_of_iso (tsu_referral_get_referred_on (r)) != self->year)
    return FALSE;
  if (!case_passes (self, c))
    return FALSE;
  if (self->query != NULL && *self->query != '\0'
      && !text_matches (tsu_referral_get_case_code (r), self->query)
      && !text_matches (tsu_referral_get_from (r), self->query)
      && !text_matches (tsu_referral_get_to (r), self->query)
      && !(c != NULL && (text_matches (tsu_case_get_entrance (c), self->query)
                         || concerns_match (tsu_case_get_concerns (c), self->query))))
    return FALSE;
  return TRUE;
}

static gboolean
filter_case (TsuCase          *c,
             TsuReferralsView *self)
{
  guint status = selected_or_zero (self->status_dropdown);
  const CaseInfo *info = info_of (self, c);

  if (status > 0 && (info == NULL || (info->statuses & (1u << (status - 1))) == 0))
    return FALSE;
  if (self->year != 0 && tsu_case_get_fiscal_year (c) != self->year)
    return FALSE;
  if (!case_passes (self, c))
    return FALSE;
  if (self->query != NULL && *self->query != '\0'
      && !text_matches (tsu_case_get_code (c), self->query)
      && !text_matches (tsu_case_get_entrance (c), self->query)
      && !concerns_match (tsu_case_get_concerns (c), self->query))
    {
      /* A case is found by the organisations it was referred to, too. */
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->referrals));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TsuReferral) r = g_list_model_get_item (G_LIST_MODEL (self->referrals), i);

          if (tsu_referral_get_case_id (r) == tsu_case_get_id (c)
              && (text_matches (tsu_referral_get_from (r), self->query)
                  || text_matches (tsu_referral_get_to (r), self->query)))
            return TRUE;
        }
      return FALSE;
    }
  return TRUE;
}

static gboolean
filter_open (gpointer item,
             gpointer user_data)
{
  return filter_referral (item, user_data, LIST_REFERRALS);
}

static gboolean
filter_candidates (gpointer item,
                   gpointer user_data)
{
  return filter_referral (item, user_data, LIST_CANDIDATES);
}

static gboolean
filter_cases (gpointer item,
              gpointer user_data)
{
  return filter_case (item, user_data);
}

static int
compare_strings (const char *a,
                 const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "");
}

/* Overdue first, the longest overdue on top; then by due date. */
static int
compare_open (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  TsuReferralsView *self = user_data;
  TsuReferral *x = (TsuReferral *) a;
  TsuReferral *y = (TsuReferral *) b;
  int dx = days_overdue (self, x);
  int dy = days_overdue (self, y);
  int result;

  if ((dx > 0) != (dy > 0))
    return dx > 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  result = compare_strings (tsu_referral_get_due_on (x), tsu_referral_get_due_on (y));
  if (result == 0)
    result = compare_strings (tsu_referral_get_case_code (x), tsu_referral_get_case_code (y));
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Newest closed first. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  int result = compare_strings (tsu_referral_get_closed_on ((TsuReferral *) b),
                                tsu_referral_get_closed_on ((TsuReferral *) a));

  if (result == 0)
    result = compare_strings (tsu_referral_get_case_code ((TsuReferral *) a),
                              tsu_referral_get_case_code ((TsuReferral *) b));
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* By where the case stands, then newest received first. */
static int
compare_cases (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  TsuReferralsView *self = user_data;
  const CaseInfo *x = info_of (self, (TsuCase *) a);
  const CaseInfo *y = info_of (self, (TsuCase *) b);
  int sx = x ? (int) x->state : STATE_NO_REFERRAL;
  int sy = y ? (int) y->state : STATE_NO_REFERRAL;
  int result = sx - sy;

  if (result == 0)
    result = compare_strings (tsu_case_get_received_on ((TsuCase *) b),
                              tsu_case_get_received_on ((TsuCase *) a));
  if (result == 0)
    result = compare_strings (tsu_case_get_code ((TsuCase *) b), tsu_case_get_code ((TsuCase *) a));
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
update_counts (TsuReferralsView *self)
{
  guint n_open = g_list_model_get_n_items (G_LIST_MODEL (self->filtered[LIST_REFERRALS]));
  guint n_cases = g_list_model_get_n_items (G_LIST_MODEL (self->filtered[LIST_CASES]));
  guint n_cand = g_list_model_get_n_items (G_LIST_MODEL (self->filtered[LIST_CANDIDATES]));
  guint n_overdue = 0;
  g_autofree char *open_text = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *cases_text = NULL;
  g_autofree char *cand_text = NULL;

  for (guint i = 0; i < n_open; i++)
    {
      g_autoptr(TsuReferral) r = g_list_model_get_item (G_LIST_MODEL (self->filtered[LIST_REFERRALS]), i);

      if (days_overdue (self, r) > 0)
        n_overdue++;
    }
  open_text = g_strdup_printf (ngettext ("%u referral", "%u referrals", n_open), n_open);
  if (n_overdue > 0)
    {
      /* Translators: appended to "5 referrals" */
      g_autofree char *both = NULL;

      overdue = g_strdup_printf (ngettext ("%u overdue", "%u overdue", n_overdue), n_overdue);
      both = g_strconcat (open_text, " · ", overdue, NULL);
      gtk_label_set_text (self->count_labels[LIST_REFERRALS], both);
    }
  else
    gtk_label_set_text (self->count_labels[LIST_REFERRALS], open_text);
  cases_text = g_strdup_printf (ngettext ("%u case", "%u cases", n_cases), n_cases);
  gtk_label_set_text (self->count_labels[LIST_CASES], cases_text);
  cand_text = g_strdup_printf (ngettext ("%u referral did not connect",
                                         "%u referrals did not connect", n_cand), n_cand);
  gtk_label_set_text (self->count_labels[LIST_CANDIDATES], cand_text);
}

static void
refilter (TsuReferralsView *self)
{
  for (List l = 0; l < N_LISTS; l++)
    gtk_filter_changed (GTK_FILTER (self->filters[l]), GTK_FILTER_CHANGE_DIFFERENT);
  update_counts (self);
}

/* Years -------------------------------------------------------------------- */

static int
compare_years_descending (gconstpointer a,
                          gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return (x < y) - (x > y);
}

static void
add_year (GArray *years,
          int     year)
{
  if (year <= 0)
    return;
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == year)
      return;
  g_array_append_val (years, year);
}

/* The year of the statistics, the export and the printout: the one
 * chosen, or with "All years" this fiscal year when it has records, else
 * the latest that has. */
static int
effective_year (TsuReferralsView *self)
{
  int current = fiscal_year_of_iso (self->today);

  if (self->year != 0)
    return self->year;
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == current)
      return current;
  return self->years->len > 0 ? MAX (g_array_index (self->years, int, 0), 1) : current;
}

static void
update_years (TsuReferralsView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n;
  guint selected = 0;

  g_array_set_size (self->years, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuCase) c = g_list_model_get_item (G_LIST_MODEL (self->cases), i);

      add_year (self->years, tsu_case_get_fiscal_year (c));
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->referrals));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsuReferral) r = g_list_model_get_item (G_LIST_MODEL (self->referrals), i);

      add_year (self->years, fiscal_year_of_iso (tsu_referral_get_referred_on (r)));
    }
  add_year (self->years, self->year);
  g_array_sort (self->years, compare_years_descending);

  gtk_string_list_append (labels, _("All Years"));
  for (guint i = 0; i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);
      g_autofree char *label = tsu_fiscal_year_format (year, date_style (self));

      gtk_string_list_append (labels, label);
      if (year == self->year)
        selected = i + 1;
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->updating = FALSE;
}

static void
update_stats (TsuReferralsView *self)
{
  if (self->stats_page != NULL && self->database != NULL)
    tsu_referral_stats_page_set_fiscal_year (self->stats_page, self->database, effective_year (self));
}

static void
on_filter_changed (TsuReferralsView *self)
{
  const char *text;
  guint selected;

  if (self->updating || self->years == NULL)
    return;
  selected = selected_or_zero (self->year_dropdown);
  self->year = selected > 0 && selected <= self->years->len
               ? g_array_index (self->years, int, selected - 1) : 0;
  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_free (self->query);
  self->query = text && *text ? tsu_kana_normalize (text) : NULL;
  refilter (self);
  update_stats (self);
}

/* Loading ------------------------------------------------------------------ */

/* Where each case stands, from the arrays about to be shown: computed
 * before the stores change, so that every cell bound and every sort made
 * during the change already sees it. */
static void
compute_case_infos (TsuReferralsView *self,
                    GPtrArray        *cases,
                    GPtrArray        *referrals)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_remove_all (self->case_infos);
  for (guint i = 0; i < cases->len; i++)
    {
      gint64 *key = g_new (gint64, 1);

      *key = tsu_case_get_id (g_ptr_array_index (cases, i));
      g_hash_table_insert (self->case_infos, key, g_new0 (CaseInfo, 1));
    }
  for (guint i = 0; i < referrals->len; i++)
    {
      TsuReferral *r = g_ptr_array_index (referrals, i);
      gint64 id = tsu_referral_get_case_id (r);
      CaseInfo *info = g_hash_table_lookup (self->case_infos, &id);

      if (info == NULL)
        continue;
      info->n_referrals++;
      info->statuses |= 1u << tsu_referral_get_status (r);
    }
  g_hash_table_iter_init (&iter, self->case_infos);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CaseInfo *info = value;

      if (info->statuses & ((1u << TSU_REFERRAL_SENT) | (1u << TSU_REFERRAL_ACCEPTED)))
        info->state = STATE_OPEN;
      else if (info->statuses & (1u << TSU_REFERRAL_CONNECTED))
        info->state = STATE_CONNECTED;
      else if (info->statuses & ((1u << TSU_REFERRAL_NOT_CONNECTED) | (1u << TSU_REFERRAL_DECLINED)))
        info->state = STATE_NOT_CONNECTED;
      else if (info->statuses & (1u << TSU_REFERRAL_WITHDRAWN))
        info->state = STATE_WITHDRAWN;
      else
        info->state = STATE_NO_REFERRAL;
    }
}

static void
reload (TsuReferralsView *self)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GError) error = NULL;

  g_free (self->today);
  self->today = tsu_date_today_iso ();
  if (self->database != NULL)
    {
      cases = tsu_case_load_all (self->database, &error);
      if (cases == NULL)
        {
          show_error (self, _("Could Not Load the Cases"), error->message);
          g_clear_error (&error);
        }
      referrals = tsu_referral_load_all (self->database, &error);
      if (referrals == NULL)
        {
          show_error (self, _("Could Not Load the Referrals"), error->message);
          g_clear_error (&error);
        }
    }
  if (cases == NULL)
    cases = g_ptr_array_new_with_free_func (g_object_unref);
  if (referrals == NULL)
    referrals = g_ptr_array_new_with_free_func (g_object_unref);

  g_hash_table_remove_all (self->cases_by_id);
  for (guint i = 0; i < cases->len; i++)
    {
      TsuCase *c = g_ptr_array_index (cases, i);
      gint64 *key = g_new (gint64, 1);

      *key = tsu_case_get_id (c);
      g_hash_table_insert (self->cases_by_id, key, c);
    }
  compute_case_infos (self, cases, referrals);
  g_list_store_splice (self->referrals, 0, g_list_model_get_n_items (G_LIST_MODEL (self->referrals)),
                       referrals->pdata, referrals->len);
  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       cases->pdata, cases->len);

  update_years (self);
  refilter (self);
  update_stats (self);
  if (self->shown_case != NULL)
    show_case_page (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.new-case", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.print", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.export",
                                 self->database != NULL && !self->exporting);
}

static void
on_database_changed (TsuDatabase      *database,
                     const char       *table,
                     TsuReferralsView *self)
{
  /* Only cases and referrals are shown here (and organisations' names,
   * which referrals keep as text). */
  if (table != NULL && !g_str_equal (table, "cases") && !g_str_equal (table, "referrals")
      && !g_str_equal (table, "history"))
    return;
  reload (self);
}

static void
on_settings_changed (GSettings        *settings,
                     const char       *key,
                     TsuReferralsView *self)
{
  if (g_str_equal (key, "date-style"))
    reload (self);
}

/* The case page ------------------------------------------------------------ */

static void
add_detail (GtkListBox *box,
            const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "—");
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (box, row);
}

static const char *
yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

static void
show_case_details (TsuReferralsView *self,
                   TsuCase          *c)
{
  g_autofree char *received = date_text (self, tsu_case_get_received_on (c));
  g_autofree char *concerns = tsu_concerns_to_text (tsu_case_get_concerns (c), FALSE);
  g_autofree char *consent = NULL;
  g_autofree char *consent_on = date_text (self, tsu_case_get_consent_on (c));
  g_autofree char *foreign = NULL;
  g_autofree char *meeting = meeting_text (self, c);
  const char *how = tsu_case_get_consent_how (c);
  const char *language = tsu_case_get_language (c);
  TsuLegalBasis basis = tsu_case_get_legal_basis (c);
  const char *notes = tsu_case_get_notes (c);
  GtkWidget *notes_label;
  GtkWidget *notes_row;

  clear_list_box (self->case_details);
  gtk_label_set_text (self->case_title, tsu_case_get_code (c));
  add_detail (self->case_details, _("Received On"), received);
  add_detail (self->case_details, _("Entrance"), tsu_case_get_entrance (c));
  add_detail (self->case_details, _("How They Came"), tsu_contact_to_label (tsu_case_get_contact (c)));
  add_detail (self->case_details, _("Ward"),
              tsu_case_get_ward (c) < TSU_N_WARDS ? tsu_ward_to_name (tsu_case_get_ward (c)) : NULL);
  add_detail (self->case_details, _("Age Band"), tsu_age_band_to_label (tsu_case_get_age_band (c)));
  /* Translators: foreign resident: "Yes (Vietnamese)" */
  foreign = tsu_case_get_foreign_resident (c) && language && *language
            ? g_strdup_printf (_("Yes (%s)"), language)
            : g_strdup (yes_no (tsu_case_get_foreign_resident (c)));
  add_detail (self->case_details, _("Foreign Resident"), foreign);
  add_detail (self->case_details, _("Concerns"), concerns);
  {
    GString *s = g_string_new (tsu_consent_to_label (tsu_case_get_consent (c)));

    if (*consent_on)
      g_string_append_printf (s, "　%s", consent_on);
    if (how && *how)
      g_string_append_printf (s, "　%s", how);
    consent = g_string_free (s, FALSE);
  }
  add_detail (self->case_details, _("Consent"), consent);
  add_detail (self->case_details, _("Legal Basis for Sharing"),
              basis == TSU_LEGAL_BASIS_NONE ? _("None") : tsu_legal_basis_to_label (basis));
  add_detail (self->case_details, _("Support Meeting"), *meeting ? meeting : _("No"));
  if (!tsu_case_may_share (c))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No consent and no other legal basis: referrals need a written reason."));
      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->case_details, row);
    }

  clear_list_box (self->case_notes);
  notes_label = gtk_label_new (notes && *notes ? notes : _("No notes"));
  gtk_label_set_wrap (GTK_LABEL (notes_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (notes_label), 0);
  gtk_label_set_selectable (GTK_LABEL (notes_label), TRUE);
  gtk_widget_set_margin_top (notes_label, 12);
  gtk_widget_set_margin_bottom (notes_label, 12);
  gtk_widget_set_margin_start (notes_label, 12);
  gtk_widget_set_margin_end (notes_label, 12);
  if (!(notes && *notes))
    gtk_widget_add_css_class (notes_label, "dim-label");
  notes_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (notes_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (notes_row), notes_label);
  gtk_list_box_append (self->case_notes, notes_row);
}

static GtkWidget *
move_button (const char        *label,
             gint64             id,
             TsuReferralStatus  status)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "referrals.move");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(xi)", id, (gint32) status));
  if (status == TSU_REFERRAL_CONNECTED || status == TSU_REFERRAL_ACCEPTED)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static void
show_case_referrals (TsuReferralsView *self)
{
  static const struct { TsuReferralStatus status; const char *label; } moves[] = {
    { TSU_REFERRAL_ACCEPTED, N_("Accept") },
    { TSU_REFERRAL_DECLINED, N_("Decline…") },
    { TSU_REFERRAL_CONNECTED, N_("Connected") },
    { TSU_REFERRAL_NOT_CONNECTED, N_("Not Connected…") },
    { TSU_REFERRAL_WITHDRAWN, N_("Withdraw") },
  };

  clear_list_box (self->case_referrals);
  for (guint i = 0; self->shown_referrals != NULL && i < self->shown_referrals->len; i++)
    {
      TsuReferral *r = g_ptr_array_index (self->shown_referrals, i);
      TsuReferralStatus status = tsu_referral_get_status (r);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status_label;
      GtkWidget *edit;
      g_autofree char *title = NULL;
      g_autofree char *referred = date_text (self, tsu_referral_get_referred_on (r));
      g_autofree char *due = date_text (self, tsu_referral_get_due_on (r));
      g_autofree char *closed = date_text (self, tsu_referral_get_closed_on (r));
      GString *subtitle = g_string_new (NULL);
      g_autofree char *subtitle_text = NULL;
      g_autofree char *status_text = NULL;
      int overdue = days_overdue (self, r);
      const char *override = tsu_referral_get_override (r);

      /* Translators: a referral: from one organisation to another */
      title = g_strdup_printf (_("%s → %s"), tsu_referral_get_from (r), tsu_referral_get_to (r));
      /* Translators: dates of a referral: when it was made */
      g_string_append_printf (subtitle, _("Referred %s"), referred);
      if (tsu_referral_status_is_open (status) && *due)
        /* Translators: when the answer to a referral is due */
        g_string_append_printf (subtitle, " · %s %s", _("due"), due);
      if (*closed)
        /* Translators: when a referral was closed */
        g_string_append_printf (subtitle, " · %s %s", _("closed"), closed);
      if (override && *override)
        /* Translators: the written reason a referral was made without
         * consent */
        g_string_append_printf (subtitle, "\n%s %s", _("Without consent:"), override);
      subtitle_text = g_string_free (subtitle, FALSE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      if (tsu_referral_get_reason (r) != TSU_REASON_NONE)
        status_text = g_strdup_printf ("%s（%s）", tsu_referral_status_to_label (status),
                                       tsu_referral_reason_to_label (tsu_referral_get_reason (r)));
      else
        status_text = g_strdup (tsu_referral_status_to_label (status));
      status_label = gtk_label_new (status_text);
      gtk_widget_set_valign (status_label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (status_label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);
      if (overdue > 0)
        {
          g_autofree char *text = overdue_text (overdue);
          GtkWidget *late = gtk_label_new (text);

          gtk_widget_set_valign (late, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (late, "error");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), late);
          gtk_widget_add_css_class (row, "warning");
        }
      for (guint m = 0; m < G_N_ELEMENTS (moves); m++)
        if (tsu_referral_status_can_move (status, moves[m].status))
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     move_button (_(moves[m].label), tsu_referral_get_id (r),
                                                  moves[m].status));
      edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (edit, _("Edit Referral"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit Referral"), -1);
      gtk_widget_add_css_class (edit, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "referrals.edit-referral");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit),
                                              g_variant_new_int64 (tsu_referral_get_id (r)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      gtk_list_box_append (self->case_referrals, row);
    }
}

/* Field names of the history, as columns ("referred_on") or as CLI.md's
 * hyphenated names. */
static const char *
history_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "status", N_("Status") },
    { "reason", N_("Reason") },
    { "from", N_("From") },
    { "to", N_("To") },
    { "referred-on", N_("Referred On") },
    { "due-on", N_("Answer Due On") },
    { "closed-on", N_("Closed On") },
    { "override", N_("Reason Without Consent") },
    { "code", N_("Case Code") },
    { "received-on", N_("Received On") },
    { "entrance", N_("Entrance") },
    { "ward", N_("Ward") },
    { "age-band", N_("Age Band") },
    { "foreign-resident", N_("Foreign Resident") },
    { "language", N_("Language") },
    { "concerns", N_("Concerns") },
    { "contact", N_("How They Came") },
    { "consent", N_("Consent") },
    { "consent-on", N_("Consent Given On") },
    { "consent-how", N_("How Consent Was Given") },
    { "legal-basis", N_("Legal Basis for Sharing") },
    { "support-meeting", N_("Support Meeting") },
    { "support-meeting-on", N_("Meeting Date") },
    { "notes", N_("Notes") },
  };
  g_autofree char *key = g_strdelimit (g_strdup (field ? field : ""), "_", '-');

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, key))
      return _(labels[i].label);
  return NULL;
}

static char *
history_value (TsuReferralsView *self,
               const char       *field,
               const char       *value)
{
  g_autofree char *key = g_strdelimit (g_strdup (field ? field : ""), "_", '-');

  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  if (g_str_equal (key, "status"))
    {
      TsuReferralStatus status;

      if (tsu_referral_status_from_text (value, &status))
        return g_strdup (tsu_referral_status_to_label (status));
    }
  else if (g_str_equal (key, "reason"))
    {
      TsuReferralReason reason;

      if (tsu_referral_reason_from_text (value, &reason))
        return g_strdup (reason == TSU_REASON_NONE ? "—" : tsu_referral_reason_to_label (reason));
    }
  else if (g_str_equal (key, "ward"))
    {
      TsuWard ward;

      if (tsu_ward_from_text (value, &ward) && ward < TSU_N_WARDS)
        return g_strdup (tsu_ward_to_name (ward));
    }
  else if (g_str_equal (key, "age-band"))
    {
      TsuAgeBand band;

      if (tsu_age_band_from_text (value, &band))
        return g_strdup (tsu_age_band_to_label (band));
    }
  else if (g_str_equal (key, "consent"))
    {
      TsuConsent consent;

      if (tsu_consent_from_text (value, &consent))
        return g_strdup (tsu_consent_to_label (consent));
    }
  else if (g_str_equal (key, "legal-basis"))
    {
      TsuLegalBasis basis;

      if (tsu_legal_basis_from_text (value, &basis))
        return g_strdup (basis == TSU_LEGAL_BASIS_NONE ? _("None") : tsu_legal_basis_to_label (basis));
    }
  else if (g_str_equal (key, "contact"))
    {
      TsuContact contact;

      if (tsu_contact_from_text (value, &contact))
        return g_strdup (tsu_contact_to_label (contact));
    }
  else if (g_str_equal (key, "concerns"))
    {
      guint mask;

      if (tsu_concerns_parse (value, &mask, NULL))
        return tsu_concerns_to_text (mask, FALSE);
    }
  else if (g_str_equal (key, "foreign-resident") || g_str_equal (key, "support-meeting"))
    {
      return g_strdup (yes_no (g_str_equal (value, "1") || g_ascii_strcasecmp (value, "yes") == 0
                               || g_ascii_strcasecmp (value, "true") == 0));
    }
  else if (g_str_has_suffix (key, "-on"))
    {
      GDate date;

      g_date_clear (&date, 1);
      if (tsu_date_from_iso (value, &date))
        return tsu_date_format (&date, date_style (self));
    }
  return g_strdup (value);
}

static char *
history_change_text (TsuReferralsView *self,
                     TsuHistoryEntry  *entry)
{
  const char *label = history_field_label (entry->field);
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *key = g_strdelimit (g_strdup (entry->field ? entry->field : ""), "_", '-');

  if (label == NULL)
    label = entry->field ? entry->field : "";
  /* The notes' words stay in the notes field: the timeline only says
   * they changed. */
  if (g_str_equal (key, "notes"))
    return g_strdup (_("Notes changed"));
  /* tsu_database_undo_change() notes an undo with the time of the change
   * it took back. */
  if (g_str_equal (key, "undo"))
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
      g_autoptr(GDateTime) when = entry->new_value ? g_date_time_new_from_iso8601 (entry->new_value, zone)
                                                   : NULL;
      g_autofree char *time = NULL;
      GDate date;

      if (when == NULL)
        return g_strdup (_("A change was undone"));
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (when),
                      (GDateMonth) g_date_time_get_month (when), (GDateYear) g_date_time_get_year (when));
      time = g_date_time_format (when, "%H:%M");
      new_value = tsu_date_format (&date, date_style (self));
      /* Translators: the date and time of the change that was undone */
      return g_strdup_printf (_("The change of %s %s was undone"), new_value, time);
    }
  new_value = history_value (self, entry->field, entry->new_value);
  if (entry->old_value == NULL)
    /* Translators: a field of a new record in the timeline: "状態: 紹介済" */
    return g_strdup_printf (_("%s: %s"), label, new_value);
  old_value = history_value (self, entry->field, entry->old_value);
  /* Translators: a change in the timeline: "状態: 紹介済 → 受入" */
  return g_strdup_printf (_("%s: %s → %s"), label, old_value, new_value);
}

static void
show_case_timeline (TsuReferralsView *self,
                    gint64            case_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->case_timeline);
  entries = tsu_history_load_for_case (self->database, case_id, &error);
  if (entries == NULL)
    {
      g_warning ("Could not load the history: %s", error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      TsuHistoryEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *change = history_change_text (self, entry);
      g_autofree char *when = tsu_date_time_format_iso (entry->changed_at, date_style (self));
      g_autofree char *what = NULL;
      g_autofree char *subtitle = NULL;

      if (g_strcmp0 (entry->record, "referral") == 0)
        {
          const char *to = NULL;

          for (guint r = 0; self->shown_referrals != NULL && r < self->shown_referrals->len; r++)
            if (tsu_referral_get_id (g_ptr_array_index (self->shown_referrals, r)) == entry->record_id)
              to = tsu_referral_get_to (g_ptr_array_index (self->shown_referrals, r));
          /* Translators: in the timeline, the referral a change is about */
          what = to ? g_strdup_printf (_("Referral to %s"), to) : g_strdup (_("Referral"));
        }
      else
        what = g_strdup (_("Case"));
      /* Translators: the timeline: when, who, which record */
      subtitle = g_strdup_printf (_("%s · %s · %s"), when ? when : entry->changed_at,
                                  entry->user ? entry->user : "", what);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->case_timeline, row);
    }
}

static void
show_case_page (TsuReferralsView *self)
{
  g_autoptr(TsuCase) fresh = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->shown_case == NULL || self->database == NULL)
    return;
  id = tsu_case_get_id (self->shown_case);
  fresh = tsu_case_load_by_id (self->database, id, &error);
  if (fresh == NULL)
    {
      /* Gone (deleted elsewhere): back to the lists. */
      g_clear_object (&self->shown_case);
      gtk_stack_set_visible_child_name (self->outer_stack, "lists");
      return;
    }
  g_set_object (&self->shown_case, fresh);
  g_clear_pointer (&self->shown_referrals, g_ptr_array_unref);
  self->shown_referrals = tsu_referral_load_for_case (self->database, id, &error);
  if (self->shown_referrals == NULL)
    {
      g_warning ("Could not load the referrals: %s", error->message);
      g_clear_error (&error);
    }
  show_case_details (self, self->shown_case);
  show_case_referrals (self);
  show_case_timeline (self, id);
  gtk_stack_set_visible_child_name (self->outer_stack, "case");
}

static void
open_case (TsuReferralsView *self,
           gint64            case_id)
{
  TsuCase *c = case_of (self, case_id);

  if (c == NULL)
    return;
  g_set_object (&self->shown_case, c);
  show_case_page (self);
}

static void
on_referral_view_activate (TsuReferralsView *self,
                           guint             position)
{
  g_autoptr(TsuReferral) r = g_list_model_get_item (G_LIST_MODEL (self->sorted[LIST_REFERRALS]), position);

  if (r != NULL)
    open_case (self, tsu_referral_get_case_id (r));
}

static void
on_candidate_view_activate (TsuReferralsView *self,
                            guint             position)
{
  g_autoptr(TsuReferral) r = g_list_model_get_item (G_LIST_MODEL (self->sorted[LIST_CANDIDATES]), position);

  if (r != NULL)
    open_case (self, tsu_referral_get_case_id (r));
}

static void
on_case_view_activate (TsuReferralsView *self,
                       guint             position)
{
  g_autoptr(TsuCase) c = g_list_model_get_item (G_LIST_MODEL (self->sorted[LIST_CASES]), position);

  if (c != NULL)
    open_case (self, tsu_case_get_id (c));
}

/* Actions ------------------------------------------------------------------ */

static void
on_case_saved (TsuCaseEditor    *editor,
               TsuCase          *saved,
               TsuReferralsView *self)
{
  reload (self);
  open_case (self, tsu_case_get_id (saved));
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  tsu_referrals_view_add_case (TSU_REFERRALS_VIEW (widget));
}

static void
edit_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);
  TsuCaseEditor *editor;

  if (self->shown_case == NULL || self->database == NULL)
    return;
  editor = tsu_case_editor_new (parent_window (self), self->database, self->shown_case);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_case_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* The audit trail of the case: the timeline on the page says what
 * changed in the workflow's words; this is the full record, with the
 * referrals' rows, for a question about who changed what. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);

  if (self->shown_case == NULL || self->database == NULL)
    return;
  tsu_history_window_present_for (widget, self->database, "cases",
                                  tsu_case_get_id (self->shown_case),
                                  tsu_case_get_code (self->shown_case));
}

static void
on_referral_saved (TsuReferralEditor *editor,
                   TsuReferral       *saved,
                   TsuReferralsView  *self)
{
  reload (self);
}

static void
open_referral_editor (TsuReferralsView *self,
                      TsuReferral      *referral)
{
  TsuReferralEditor *editor;

  if (self->shown_case == NULL || self->database == NULL)
    return;
  editor = tsu_referral_editor_new (parent_window (self), self->database, self->shown_case, referral);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_referral_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_referral_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_referral_editor (TSU_REFERRALS_VIEW (widget), NULL);
}

static TsuReferral *
shown_referral (TsuReferralsView *self,
                gint64            id)
{
  for (guint i = 0; self->shown_referrals != NULL && i < self->shown_referrals->len; i++)
    if (tsu_referral_get_id (g_ptr_array_index (self->shown_referrals, i)) == id)
      return g_ptr_array_index (self->shown_referrals, i);
  return NULL;
}

static void
edit_referral_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);
  TsuReferral *r = shown_referral (self, g_variant_get_int64 (parameter));

  if (r != NULL)
    open_referral_editor (self, r);
}

static void
do_move (TsuReferralsView  *self,
         gint64             id,
         TsuReferralStatus  status,
         TsuReferralReason  reason)
{
  TsuReferral *r = shown_referral (self, id);
  g_autoptr(GError) error = NULL;

  if (r == NULL || self->database == NULL)
    return;
  if (!tsu_referral_move (r, self->database, status, reason, NULL, &error))
    {
      show_error (self, _("Could Not Change the Referral"), error->message);
      return;
    }
  reload (self);
}

static void
on_reason_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TsuReferralsView *self)
{
  GtkDropDown *reasons = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "tsu-id");
  TsuReferralStatus status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "tsu-status"));
  guint selected = gtk_drop_down_get_selected (reasons);

  if (!g_str_equal (response, "move") || selected == GTK_INVALID_LIST_POSITION)
    return;
  /* The list leaves out "none": position 0 is the first reason. */
  do_move (self, id, status, (TsuReferralReason) (selected + 1));
}

static void
ask_reason (TsuReferralsView  *self,
            gint64             id,
            TsuReferralStatus  status)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dialog;
  GtkWidget *reasons;
  gint64 *stored_id = g_new (gint64, 1);

  for (TsuReferralReason r = TSU_REASON_NONE + 1; r < TSU_N_REASONS; r++)
    gtk_string_list_append (labels, tsu_referral_reason_to_label (r));
  reasons = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (reasons), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  dialog = adw_message_dialog_new (parent_window (self),
                                   status == TSU_REFERRAL_DECLINED
                                   ? _("Why Was the Referral Declined?")
                                   : _("Why Did It Not Connect?"),
                                   status == TSU_REFERRAL_DECLINED
                                   ? _("Choose the reason the organisation could not take the case on.")
                                   : _("Choose the reason. Referrals that did not connect become case-study candidates."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), reasons);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", status == TSU_REFERRAL_DECLINED ? _("_Decline") : _("_Not Connected"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  *stored_id = id;
  g_object_set_data_full (G_OBJECT (dialog), "tsu-id", stored_id, g_free);
  g_object_set_data (G_OBJECT (dialog), "tsu-status", GINT_TO_POINTER (status));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reason_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);
  gint64 id;
  gint32 status;

  g_variant_get (parameter, "(xi)", &id, &status);
  if (status < 0 || status >= TSU_N_REFERRAL_STATUSES)
    return;
  if (tsu_referral_status_needs_reason ((TsuReferralStatus) status))
    ask_reason (self, id, (TsuReferralStatus) status);
  else
    do_move (self, id, (TsuReferralStatus) status, TSU_REASON_NONE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);

  g_clear_object (&self->shown_case);
  g_clear_pointer (&self->shown_referrals, g_ptr_array_unref);
  gtk_stack_set_visible_child_name (self->outer_stack, "lists");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->outer_stack), "lists") != 0)
    back_action (widget, NULL, NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->tab_stack), "statistics") == 0)
    gtk_stack_set_visible_child_name (self->tab_stack, "referrals");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Printing and exporting --------------------------------------------------- */

static void
report_options (TsuReferralsView          *self,
                TsuReferralsReportOptions *options)
{
  tsu_referrals_report_options_init (options);
  options->date_style = date_style (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);
  TsuReferralsReportOptions options;
  g_autoptr(TsuTablePrint) printout = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;
  report_options (self, &options);
  printout = tsu_referrals_report_new_printout (self->database, effective_year (self), &options, &error);
  if (printout == NULL)
    {
      show_error (self, _("Could Not Print"), error->message);
      return;
    }
  tsu_print_table (parent_window (self), printout);
}

typedef struct
{
  int                        year;
  TsuReferralsReportOptions  options;
} ExportData;

static gboolean
write_workbook (TsuDatabase  *database,
                const char   *path,
                gpointer      user_data,
                GError      **error)
{
  ExportData *data = user_data;

  return tsu_referrals_report_export_xlsx (database, data->year, &data->options, path, error);
}

static void
set_exporting (GtkWidget *widget,
               gboolean   exporting)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);

  self->exporting = exporting;
  gtk_widget_action_set_enabled (widget, "referrals.export",
                                 self->database != NULL && !exporting);
}

static void
choose_export_file (TsuReferralsView *self,
                    gboolean          include_cases)
{
  g_autofree char *year = NULL;
  g_autofree char *name = NULL;
  ExportData *data;

  if (self->database == NULL || self->exporting)
    return;
  data = g_new0 (ExportData, 1);
  data->year = effective_year (self);
  report_options (self, &data->options);
  data->options.include_cases = include_cases;
  year = tsu_fiscal_year_format (data->year, date_style (self));
  /* Translators: file name of the exported referral statistics, followed
   * by the fiscal year: つなぎ実績_令和5年度.xlsx */
  name = g_strdup_printf ("%s_%s.xlsx", _("Referral Statistics"), year);
  tsu_export_workbook (GTK_WIDGET (self), self->database, name, _("Could Not Export"),
                       write_workbook, data, g_free, set_exporting);
}

static void
on_confirm_cases_response (AdwMessageDialog *dialog,
                           const char       *response,
                           TsuReferralsView *self)
{
  if (g_str_equal (response, "include"))
    choose_export_file (self, TRUE);
}

/* Case rows leave the program only after the user has read what they
 * hold. */
static void
confirm_include_cases (TsuReferralsView *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (self),
                                   _("Include the Cases in the Workbook?"),
                                   _("The workbook will also hold one row per referral with the case code, "
                                     "the dates, the organisations, the ward, the concerns and the status. "
                                     "These leave the program with the file: keep it where only the "
                                     "secretariat can read it. Notes are never exported."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "include", _("_Include Cases"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "include",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_cases_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_choice (AdwMessageDialog *dialog,
                  const char       *response,
                  TsuReferralsView *self)
{
  if (g_str_equal (response, "statistics"))
    choose_export_file (self, FALSE);
  else if (g_str_equal (response, "cases"))
    confirm_include_cases (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (widget);
  g_autofree char *year = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->database == NULL || self->exporting)
    return;
  year = tsu_fiscal_year_format (effective_year (self), date_style (self));
  /* Translators: %s is a fiscal year, 令和5年度 */
  heading = g_strdup_printf (_("Export the Referrals of %s"), year);
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("The statistics are anonymous counts. The cases can be added "
                                     "as rows, after a confirmation."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "cases", _("With _Cases…"),
                                    "statistics", _("_Statistics Only"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "statistics",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "statistics");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_choice), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Class -------------------------------------------------------------------- */

static void
tsu_referrals_view_dispose (GObject *object)
{
  TsuReferralsView *self = TSU_REFERRALS_VIEW (object);

  if (self->referral_view != NULL)
    {
      gtk_column_view_set_model (self->referral_view, NULL);
      gtk_column_view_set_model (self->case_view, NULL);
      gtk_column_view_set_model (self->candidate_view, NULL);
    }
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TSU_TYPE_REFERRALS_VIEW);
  self->stats_page = NULL;
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  for (List l = 0; l < N_LISTS; l++)
    {
      g_clear_object (&self->selections[l]);
      g_clear_object (&self->sorted[l]);
      g_clear_object (&self->filtered[l]);
      g_clear_object (&self->filters[l]);
    }
  g_clear_object (&self->referrals);
  g_clear_object (&self->cases);
  g_clear_object (&self->shown_case);
  g_clear_pointer (&self->shown_referrals, g_ptr_array_unref);
  g_clear_pointer (&self->cases_by_id, g_hash_table_unref);
  g_clear_pointer (&self->case_infos, g_hash_table_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (tsu_referrals_view_parent_class)->dispose (object);
}

static void
tsu_referrals_view_class_init (TsuReferralsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const column_ids[N_LISTS][MAX_COLUMNS] = {
    { "ref_case_column", "ref_from_column", "ref_to_column", "ref_referred_column",
      "ref_due_column", "ref_status_column", "ref_overdue_column" },
    { "case_code_column", "case_received_column", "case_ward_column", "case_age_column",
      "case_concerns_column", "case_status_column", "case_meeting_column", "case_referrals_column" },
    { "cand_case_column", "cand_from_column", "cand_to_column", "cand_referred_column",
      "cand_closed_column", "cand_reason_column", "cand_meeting_column" },
  };
  static const char * const count_ids[N_LISTS] = {
    "ref_count_label", "case_count_label", "cand_count_label",
  };

  object_class->dispose = tsu_referrals_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/tsunagu/Tsunagu/tsu-referrals-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsuReferralsView, name)
  CHILD (outer_stack);
  CHILD (tab_stack);
  CHILD (search_entry);
  CHILD (year_dropdown);
  CHILD (ward_dropdown);
  CHILD (concern_dropdown);
  CHILD (status_dropdown);
  CHILD (referral_view);
  CHILD (case_view);
  CHILD (candidate_view);
  CHILD (stats_box);
  CHILD (case_title);
  CHILD (case_details);
  CHILD (case_referrals);
  CHILD (case_notes);
  CHILD (case_timeline);
#undef CHILD
  for (List l = 0; l < N_LISTS; l++)
    {
      for (guint c = 0; c < n_columns[l]; c++)
        gtk_widget_class_bind_template_child_full (widget_class, column_ids[l][c], FALSE,
                                                   G_STRUCT_OFFSET (TsuReferralsView, columns)
                                                   + (l * MAX_COLUMNS + c) * sizeof (GtkColumnViewColumn *));
      gtk_widget_class_bind_template_child_full (widget_class, count_ids[l], FALSE,
                                                 G_STRUCT_OFFSET (TsuReferralsView, count_labels)
                                                 + l * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_referral_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_case_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_candidate_view_activate);

  gtk_widget_class_install_action (widget_class, "referrals.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "referrals.edit-case", NULL, edit_case_action);
  gtk_widget_class_install_action (widget_class, "referrals.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "referrals.add-referral", NULL, add_referral_action);
  gtk_widget_class_install_action (widget_class, "referrals.edit-referral", "x", edit_referral_action);
  gtk_widget_class_install_action (widget_class, "referrals.move", "(xi)", move_action);
  gtk_widget_class_install_action (widget_class, "referrals.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "referrals.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "referrals.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "referrals.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "referrals.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "referrals.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "referrals.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "referrals.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "referrals.back", NULL);
}

static GtkStringList *
filter_labels (const char *all)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  return list;
}

static void
set_dropdown_model (GtkDropDown   *dropdown,
                    GtkStringList *list)
{
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  g_object_unref (list);
}

static void
tsu_referrals_view_init (TsuReferralsView *self)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkColumnView *views[N_LISTS];
  GtkCustomFilterFunc filter_funcs[N_LISTS] = { filter_open, filter_cases, filter_candidates };
  GCompareDataFunc sort_funcs[N_LISTS] = { compare_open, compare_cases, compare_candidates };
  GtkStringList *list;

  g_type_ensure (TSU_TYPE_CASE);
  g_type_ensure (TSU_TYPE_REFERRAL);
  gtk_widget_init_template (GTK_WIDGET (self));

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "date-style"))
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
    }

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->today = tsu_date_today_iso ();
  self->cases_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->case_infos = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->referrals = g_list_store_new (TSU_TYPE_REFERRAL);
  self->cases = g_list_store_new (TSU_TYPE_CASE);

  self->updating = TRUE;
  list = filter_labels (_("All Wards"));
  for (TsuWard w = 0; w < TSU_N_WARDS; w++)
    gtk_string_list_append (list, tsu_ward_to_name (w));
  set_dropdown_model (self->ward_dropdown, list);
  list = filter_labels (_("All Concerns"));
  for (TsuConcern c = 0; c < TSU_N_CONCERNS; c++)
    gtk_string_list_append (list, tsu_concern_to_label (c));
  set_dropdown_model (self->concern_dropdown, list);
  list = filter_labels (_("Open Statuses"));
  for (TsuReferralStatus s = 0; s < TSU_N_REFERRAL_STATUSES; s++)
    gtk_string_list_append (list, tsu_referral_status_to_label (s));
  set_dropdown_model (self->status_dropdown, list);
  self->updating = FALSE;

  views[LIST_REFERRALS] = self->referral_view;
  views[LIST_CASES] = self->case_view;
  views[LIST_CANDIDATES] = self->candidate_view;
  for (List l = 0; l < N_LISTS; l++)
    {
      GListModel *source_model = l == LIST_CASES ? G_LIST_MODEL (self->cases) : G_LIST_MODEL (self->referrals);
      GtkCustomSorter *sorter = gtk_custom_sorter_new (sort_funcs[l], self, NULL);

      for (guint c = 0; c < n_columns[l]; c++)
        {
          GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

          self->specs[l][c].self = self;
          self->specs[l][c].list = l;
          self->specs[l][c].column = c;
          g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
          g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), &self->specs[l][c]);
          gtk_column_view_column_set_factory (self->columns[l][c], factory);
          g_object_unref (factory);
        }
      self->filters[l] = gtk_custom_filter_new (filter_funcs[l], self, NULL);
      self->filtered[l] = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (source_model)),
                                                     GTK_FILTER (g_object_ref (self->filters[l])));
      self->sorted[l] = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered[l])),
                                                 GTK_SORTER (sorter));
      self->selections[l] = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted[l])));
      gtk_single_selection_set_autoselect (self->selections[l], FALSE);
      gtk_column_view_set_model (views[l], GTK_SELECTION_MODEL (self->selections[l]));
    }

  self->stats_page = TSU_REFERRAL_STATS_PAGE (tsu_referral_stats_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stats_page), TRUE);
  gtk_box_append (self->stats_box, GTK_WIDGET (self->stats_page));

  gtk_list_box_set_placeholder (self->case_referrals,
                                dim_placeholder (_("Not referred yet. Use New Referral to hand the case on.")));
  gtk_list_box_set_placeholder (self->case_timeline, dim_placeholder (_("No changes recorded")));

  reload (self);
}

GtkWidget *
tsu_referrals_view_new (void)
{
  return g_object_new (TSU_TYPE_REFERRALS_VIEW, NULL);
}

void
tsu_referrals_view_set_database (TsuReferralsView *self,
                                 TsuDatabase      *database)
{
  g_return_if_fail (TSU_IS_REFERRALS_VIEW (self));
  g_return_if_fail (database == NULL || TSU_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, 0);
  g_clear_object (&self->shown_case);
  g_clear_pointer (&self->shown_referrals, g_ptr_array_unref);
  gtk_stack_set_visible_child_name (self->outer_stack, "lists");
  reload (self);
}

void
tsu_referrals_view_add_case (TsuReferralsView *self)
{
  TsuCaseEditor *editor;

  g_return_if_fail (TSU_IS_REFERRALS_VIEW (self));

  if (self->database == NULL)
    return;
  editor = tsu_case_editor_new (parent_window (self), self->database, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_case_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

void
tsu_referrals_view_show_case (TsuReferralsView *self,
                              gint64            case_id)
{
  g_return_if_fail (TSU_IS_REFERRALS_VIEW (self));

  open_case (self, case_id);
}
