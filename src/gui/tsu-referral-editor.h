/* tsu-referral-editor.h: the window that makes or edits a referral of a
 * case, with the member organisations that could take it on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-organization.h"
#include "tsu-referral.h"

G_BEGIN_DECLS

/* Used when the "referral-due-days" setting is missing. */
#define TSU_REFERRAL_EDITOR_DEFAULT_DUE_DAYS 14

#define TSU_TYPE_REFERRAL_EDITOR (tsu_referral_editor_get_type ())
G_DECLARE_FINAL_TYPE (TsuReferralEditor, tsu_referral_editor, TSU, REFERRAL_EDITOR, AdwWindow)

/* Edits a copy of @referral, or a new referral of @referral_case when it
 * is NULL. Emits "saved" with the saved copy before it closes. */
TsuReferralEditor *tsu_referral_editor_new (GtkWindow   *parent,
                                            TsuDatabase *database,
                                            TsuCase     *referral_case,
                                            TsuReferral *referral);

const char *tsu_referral_editor_get_field_error  (TsuReferralEditor *self,
                                                  const char        *field);
/* Entry rows for "from", "to", "referred-on", "due-on" and "override". */
GtkWidget  *tsu_referral_editor_get_field_widget (TsuReferralEditor *self,
                                                  const char        *field);
/* The list of organisations that could take the case on: one activatable
 * row per organisation, its title the organisation's display name. */
GtkListBox *tsu_referral_editor_get_suggestions  (TsuReferralEditor *self);

/* TRUE if @org has a field of activity that fits one of the concerns in
 * @concerns (a TsuConcern mask); @matched gets the fields that fit. */
gboolean    tsu_referral_editor_organization_fits (TsuOrganization  *org,
                                                   guint             concerns,
                                                   GPtrArray        *matched);

G_END_DECLS
