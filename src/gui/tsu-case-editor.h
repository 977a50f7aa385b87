/* tsu-case-editor.h: the window that adds or edits a case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-case.h"
#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_CASE_EDITOR (tsu_case_editor_get_type ())
G_DECLARE_FINAL_TYPE (TsuCaseEditor, tsu_case_editor, TSU, CASE_EDITOR, AdwWindow)

/* Edits a copy of @referral_case, or a new case received today when it is
 * NULL. Emits "saved" with the saved copy before it closes. */
TsuCaseEditor *tsu_case_editor_new (GtkWindow   *parent,
                                    TsuDatabase *database,
                                    TsuCase     *referral_case);

/* The message shown next to @field ("received-on", "entrance", …), or
 * NULL. */
const char *tsu_case_editor_get_field_error  (TsuCaseEditor *self,
                                              const char    *field);
/* The widget of @field: entry rows for "code", "received-on",
 * "entrance", "language", "consent-on", "consent-how" and
 * "support-meeting-on"; combo rows for "ward", "age-band", "contact",
 * "consent" and "legal-basis"; switches for "foreign-resident" and
 * "support-meeting"; the text view for "notes"; check buttons for each
 * concern by its code ("hikikomori", …). */
GtkWidget  *tsu_case_editor_get_field_widget (TsuCaseEditor *self,
                                              const char    *field);

G_END_DECLS
