/* tsu-overview-view.h: the first page, the council at a glance: members
 * against the target, four charts of the fiscal year and what needs doing
 * next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-bar-chart.h"
#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_OVERVIEW_VIEW (tsu_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (TsuOverviewView, tsu_overview_view, TSU, OVERVIEW_VIEW, AdwBin)

typedef enum
{
  TSU_OVERVIEW_CHART_MEMBERS,    /* members over time against the target */
  TSU_OVERVIEW_CHART_EVENTS,     /* head counts by month and kind */
  TSU_OVERVIEW_CHART_REFERRALS,  /* referrals by month and status */
  TSU_OVERVIEW_CHART_BUDGET,     /* budget against paid per line */
  TSU_N_OVERVIEW_CHARTS
} TsuOverviewChart;

GtkWidget   *tsu_overview_view_new          (void);
/* Shows the counts of @database (NULL: none open) and follows its
 * "changed" signal. */
void         tsu_overview_view_set_database (TsuOverviewView *self,
                                             TsuDatabase     *database);
/* The fiscal year of the charts. Until one is chosen, the current one
 * when it has any event, referral or budget line, else the latest that
 * has (see tsu_overview_default_fiscal_year()); 0 before the page was
 * first shown. */
void         tsu_overview_view_set_fiscal_year (TsuOverviewView *self,
                                                int              year);
int          tsu_overview_view_get_fiscal_year (TsuOverviewView *self);
/* The day the page is about (ISO; NULL: today), for tests and
 * screenshots of a fixed day. Also makes its fiscal year the one shown. */
void         tsu_overview_view_set_today    (TsuOverviewView *self,
                                             const char      *today_iso);
TsuBarChart *tsu_overview_view_get_chart    (TsuOverviewView *self,
                                             TsuOverviewChart chart);
/* The list of what needs doing next; activating a row opens its record. */
GtkListBox  *tsu_overview_view_get_todo_list (TsuOverviewView *self);
/* Writes @chart to @path as PNG, or PDF when the name ends in .pdf (what
 * "Save as PNG/PDF…" does after its file chooser). */
gboolean     tsu_overview_view_save_chart   (TsuOverviewView  *self,
                                             TsuOverviewChart  chart,
                                             const char       *path,
                                             GError          **error);

G_END_DECLS
