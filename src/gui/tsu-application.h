/* tsu-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TSU_TYPE_APPLICATION (tsu_application_get_type ())
G_DECLARE_FINAL_TYPE (TsuApplication, tsu_application, TSU, APPLICATION, AdwApplication)

/* @database_path: the file to open, or NULL for the last one used (or the
 * default, filled with demo data on first start). */
TsuApplication *tsu_application_new (const char *database_path);

G_END_DECLS
