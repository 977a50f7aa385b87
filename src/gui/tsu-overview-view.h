/* tsu-overview-view.h: the first page, the council at a glance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_OVERVIEW_VIEW (tsu_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (TsuOverviewView, tsu_overview_view, TSU, OVERVIEW_VIEW, AdwBin)

GtkWidget *tsu_overview_view_new          (void);
/* Shows the counts of @database (NULL: none open) and follows its
 * "changed" signal. */
void       tsu_overview_view_set_database (TsuOverviewView *self,
                                           TsuDatabase     *database);

G_END_DECLS
