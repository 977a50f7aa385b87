/* tsu-organization-editor.h: the window that adds or edits an
 * organisation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"
#include "tsu-organization.h"

G_BEGIN_DECLS

#define TSU_TYPE_ORGANIZATION_EDITOR (tsu_organization_editor_get_type ())
G_DECLARE_FINAL_TYPE (TsuOrganizationEditor, tsu_organization_editor, TSU, ORGANIZATION_EDITOR, AdwWindow)

/* Edits a copy of @organization (NULL: a new one), so that Cancel loses
 * nothing. Emits "saved" with the saved copy before it closes. */
TsuOrganizationEditor *tsu_organization_editor_new (GtkWindow       *parent,
                                                    TsuDatabase     *database,
                                                    TsuOrganization *organization);

/* The seven wards of Kitakyushu in their usual order (proper nouns, not
 * translated); NULL-terminated. */
const char * const *tsu_organization_editor_wards (void);

/* The message shown next to @field ("name", "reading", "email",
 * "joined-on", "left-on"), or NULL when none is shown. */
const char *tsu_organization_editor_get_field_error (TsuOrganizationEditor *self,
                                                     const char            *field);
/* The entry row of @field (a GtkEditable), for tests and focus. */
GtkWidget  *tsu_organization_editor_get_field_widget (TsuOrganizationEditor *self,
                                                      const char            *field);
/* TRUE while the duplicate warning is shown. */
gboolean    tsu_organization_editor_get_duplicate_shown (TsuOrganizationEditor *self);

G_END_DECLS
