/* tsu-field-errors.h: shows validation problems next to the field they
 * are about, for the editor windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_FIELD_ERRORS_MAX_SLOTS 8

typedef struct
{
  const char        *field;
  GtkWidget         *entry;
  AdwPreferencesRow *error_row;
  GtkLabel          *error_label;
} TsuFieldErrorSlot;

/* Embedded in an editor; the widgets belong to its template. A problem is
 * shown only once its field has been touched (edited, or a save tried), so
 * a new, empty form does not open full of errors. */
typedef struct
{
  TsuFieldErrorSlot slots[TSU_FIELD_ERRORS_MAX_SLOTS];
  guint             n_slots;
  guint             touched;  /* bit per slot */
} TsuFieldErrors;

/* Shows problems about @field ("name", …) in @error_label inside
 * @error_row, and marks @entry. */
void        tsu_field_errors_add         (TsuFieldErrors    *errors,
                                          const char        *field,
                                          GtkWidget         *entry,
                                          AdwPreferencesRow *error_row,
                                          GtkLabel          *error_label);
/* Marks the field edited in @entry as touched (no-op for other entries). */
void        tsu_field_errors_touch       (TsuFieldErrors    *errors,
                                          GtkWidget         *entry);
void        tsu_field_errors_touch_all   (TsuFieldErrors    *errors);
/* Shows the first of @problems (TsuFieldProblem) for each touched field
 * and hides the others. */
void        tsu_field_errors_show        (TsuFieldErrors    *errors,
                                          GPtrArray         *problems);
/* The message shown next to @field, or NULL. */
const char *tsu_field_errors_get_message (TsuFieldErrors    *errors,
                                          const char        *field);

G_END_DECLS
