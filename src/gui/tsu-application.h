/* tsu-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tsu-date.h"

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_APPLICATION (tsu_application_get_type ())
G_DECLARE_FINAL_TYPE (TsuApplication, tsu_application, TSU, APPLICATION, AdwApplication)

/* @database_path: the file to open, or NULL for the last one used (or the
 * default, filled with demo data on first start). */
TsuApplication *tsu_application_new (const char *database_path);

/* The application's settings, or NULL when the schema is not installed
 * (then preferences are simply not kept). */
GSettings      *tsu_settings_new    (void);
/* The "date-style" of @settings; 和暦 when @settings is NULL. */
TsuDateStyle    tsu_settings_get_date_style (GSettings *settings);

/* The folder backups of @database_path go to now: the "backup-folder"
 * setting, or "backups" beside the database when it is empty or @settings
 * is NULL. */
char           *tsu_settings_dup_backup_folder (GSettings  *settings,
                                                const char *database_path);
/* Fills @options from @settings (may be NULL: the defaults);
 * @options->backup_folder then points into *@folder, which the caller
 * frees. */
void            tsu_settings_get_open_options  (GSettings      *settings,
                                                TsuOpenOptions *options,
                                                char          **folder);

/* @path for people: "~/仕事/協議会.db" for a file under the home folder. */
char           *tsu_display_path    (const char *path);

/* Opens @path with the backup settings (an automatic backup once a day);
 * the default database, when it did not exist yet, is filled with the
 * demo data so that a newcomer sees something on first start. */
TsuDatabase    *tsu_application_open_database (const char  *path,
                                               GError     **error);
/* Where the user guide's index.html is (or should be): in the user's
 * language if there is a guide in it, else the Japanese one; the source
 * tree's help/ when run from the build folder, TSUNAGU_HELP_DIR when set.
 * app.help (F1) opens it, or says that it is missing. */
char           *tsu_application_dup_help_path (void);

/* Remembers @database as the one to open next time. */
void            tsu_application_remember_database (TsuDatabase *database);

G_END_DECLS
