/* tsu-members-view.h: the member directory (参加団体名簿).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-organization.h"

G_BEGIN_DECLS

#define TSU_TYPE_MEMBERS_VIEW (tsu_members_view_get_type ())
G_DECLARE_FINAL_TYPE (TsuMembersView, tsu_members_view, TSU, MEMBERS_VIEW, AdwBin)

GtkWidget *tsu_members_view_new          (void);
/* Loads the directory from @database and follows its "changed" signal. */
void       tsu_members_view_set_database (TsuMembersView *self,
                                          TsuDatabase    *database);
/* Opens the editor for a new organisation (Ctrl+N in the view). */
void       tsu_members_view_add_organization (TsuMembersView *self);
/* Focuses the search entry (Ctrl+F). */
void       tsu_members_view_focus_search (TsuMembersView *self);
/* Selects the organisation with @id if it is shown; FALSE if not. */
gboolean   tsu_members_view_select_organization (TsuMembersView *self,
                                                 gint64          id);
/* The organisation selected in the list, or NULL. */
TsuOrganization *tsu_members_view_get_selected (TsuMembersView *self);

G_END_DECLS
