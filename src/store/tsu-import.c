/* tsu-import.c: CSV files from the secretariat's spreadsheets into the
 * store, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tsu-csv.h"
#include "tsu-date.h"
#include "tsu-import.h"
#include "tsu-import-budget.h"
#include "tsu-import-events.h"
#include "tsu-import-private.h"
#include "tsu-import-referrals.h"
#include "tsu-kana.h"
#include "tsu-organization.h"
#include "tsu-person.h"

enum
{
  ORG_LEGAL_FORM,
  ORG_NAME,
  ORG_READING,
  ORG_KIND,
  ORG_FIELDS,
  ORG_WARD,
  ORG_PHONE,
  ORG_EMAIL,
  ORG_WEBSITE,
  ORG_ADDRESS,
  ORG_HOURS,
  ORG_JOINED_ON,
  ORG_LEFT_ON,
  ORG_NOTES,
  N_ORG_COLUMNS
};

/* Japanese names are fixed by the CSV contract, not translations. */
static const TsuImportColumn organization_columns[N_ORG_COLUMNS] = {
  [ORG_LEGAL_FORM] = { "legal_form", { "法人格", NULL }, FALSE },
  [ORG_NAME]       = { "name", { "団体名", NULL }, TRUE },
  [ORG_READING]    = { "reading", { "よみ", "フリガナ", "読み", NULL }, TRUE },
  [ORG_KIND]       = { "kind", { "区分", NULL }, FALSE },
  [ORG_FIELDS]     = { "fields", { "活動分野", NULL }, FALSE },
  [ORG_WARD]       = { "ward", { "区", NULL }, FALSE },
  [ORG_PHONE]      = { "phone", { "電話", "電話番号", NULL }, FALSE },
  [ORG_EMAIL]      = { "email", { "メール", "e-mail", "メールアドレス", NULL }, FALSE },
  [ORG_WEBSITE]    = { "website", { "ウェブサイト", NULL }, FALSE },
  [ORG_ADDRESS]    = { "address", { "住所", NULL }, FALSE },
  [ORG_HOURS]      = { "hours", { "受付時間", NULL }, FALSE },
  [ORG_JOINED_ON]  = { "joined_on", { "加入日", NULL }, FALSE },
  [ORG_LEFT_ON]    = { "left_on", { "退会日", NULL }, FALSE },
  [ORG_NOTES]      = { "notes", { "備考", NULL }, FALSE },
};

enum
{
  PERSON_ORGANIZATION,
  PERSON_NAME,
  PERSON_READING,
  PERSON_TITLE,
  PERSON_PHONE,
  PERSON_EMAIL,
  PERSON_PRIMARY,
  N_PERSON_COLUMNS
};

static const TsuImportColumn person_columns[N_PERSON_COLUMNS] = {
  [PERSON_ORGANIZATION] = { "organization", { "団体名", NULL }, TRUE },
  [PERSON_NAME]         = { "name", { "氏名", NULL }, TRUE },
  [PERSON_READING]      = { "reading", { "よみ", "フリガナ", "読み", NULL }, TRUE },
  [PERSON_TITLE]        = { "title", { "役職", NULL }, FALSE },
  [PERSON_PHONE]        = { "phone", { "電話", "電話番号", NULL }, FALSE },
  [PERSON_EMAIL]        = { "email", { "メール", "e-mail", "メールアドレス", NULL }, FALSE },
  [PERSON_PRIMARY]      = { "primary", { "代表", NULL }, FALSE },
};

static const char * const wards[] = {
  "門司区", "小倉北区", "小倉南区", "若松区", "八幡東区", "八幡西区", "戸畑区", NULL
};

G_STATIC_ASSERT (N_ORG_COLUMNS <= TSU_IMPORT_MAX_COLUMNS && N_PERSON_COLUMNS <= TSU_IMPORT_MAX_COLUMNS);

void
tsu_import_result_free (TsuImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result);
}

gboolean
tsu_import_kind_from_text (const char    *text,
                           TsuImportKind *kind)
{
  TsuImportKind found;

  if (g_strcmp0 (text, "organizations") == 0)
    found = TSU_IMPORT_ORGANIZATIONS;
  else if (g_strcmp0 (text, "people") == 0)
    found = TSU_IMPORT_PEOPLE;
  else if (g_strcmp0 (text, "events") == 0)
    found = TSU_IMPORT_EVENTS;
  else if (g_strcmp0 (text, "sessions") == 0)
    found = TSU_IMPORT_SESSIONS;
  else if (g_strcmp0 (text, "attendees") == 0)
    found = TSU_IMPORT_ATTENDEES;
  else if (g_strcmp0 (text, "budget") == 0)
    found = TSU_IMPORT_BUDGET;
  else if (g_strcmp0 (text, "payments") == 0)
    found = TSU_IMPORT_PAYMENTS;
  else if (g_strcmp0 (text, "referrals") == 0)
    found = TSU_IMPORT_REFERRALS;
  else
    return FALSE;
  if (kind)
    *kind = found;
  return TRUE;
}

/* The shared machinery (tsu-import-private.h) */

void
tsu_import_problem_at (TsuImport  *imp,
                       guint       line,
                       const char *column,
                       const char *message)
{
  g_ptr_array_add (imp->result->problems,
                   g_strdup_printf ("%s:%u: column %s: %s", imp->display, line, column, message));
  imp->row_bad = TRUE;
}

/* Names the column as the file does, so that the user finds it in their
 * spreadsheet. */
void
tsu_import_problem (TsuImport  *imp,
                    guint       line,
                    int         column,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  imp->reported[column] = TRUE;
  tsu_import_problem_at (imp, line, imp->header[column] ? imp->header[column] : imp->columns[column].name, message);
}

static char *
header_key (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  /* NFKC, case and kana folding: "Name", "ＮＡＭＥ", "ふりがな" and
   * "フリガナ" are the same column. */
  return tsu_kana_normalize (stripped);
}

static int
find_column (TsuImport  *imp,
             const char *text)
{
  g_autofree char *key = header_key (text);

  for (guint i = 0; i < imp->n_columns; i++)
    {
      g_autofree char *name_key = header_key (imp->columns[i].name);

      if (strcmp (key, name_key) == 0)
        return (int) i;
      for (guint a = 0; imp->columns[i].aliases[a] != NULL; a++)
        {
          g_autofree char *alias_key = header_key (imp->columns[i].aliases[a]);

          if (strcmp (key, alias_key) == 0)
            return (int) i;
        }
    }
  return -1;
}

static char *
column_list (TsuImport *imp)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < imp->n_columns; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, imp->columns[i].name);
    }
  return g_string_free (list, FALSE);
}

static gboolean
read_header (TsuImport    *imp,
             TsuCsvRecord *header)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < imp->n_columns; i++)
    {
      imp->position[i] = -1;
      imp->header[i] = NULL;
    }

  for (guint c = 0; c < header->n_cells; c++)
    {
      const char *text = g_strstrip (header->cells[c]);
      int column;

      /* Excel often leaves empty header cells after the last column;
       * they name nothing, and cells under them must be empty. */
      if (*text == '\0')
        continue;
      column = find_column (imp, text);
      if (column < 0)
        {
          g_autofree char *list = column_list (imp);
          g_autofree char *message = g_strdup_printf (_("Unknown column. The columns are %s, or their Japanese names."), list);

          tsu_import_problem_at (imp, header->line, text, message);
          ok = FALSE;
        }
      else if (imp->position[column] >= 0)
        {
          g_autofree char *message = g_strdup_printf (_("This column appears twice (also as column %d)."), imp->position[column] + 1);

          tsu_import_problem_at (imp, header->line, text, message);
          ok = FALSE;
        }
      else
        {
          imp->position[column] = (int) c;
          imp->header[column] = text;
        }
    }

  for (guint i = 0; i < imp->n_columns; i++)
    if (imp->position[i] >= 0 && imp->position[i] < TSU_IMPORT_MAX_CELLS)
      imp->named[imp->position[i]] = TRUE;

  for (guint i = 0; i < imp->n_columns; i++)
    {
      if (imp->columns[i].required && imp->position[i] < 0)
        {
          g_autofree char *aliases = g_strjoinv (" / ", (char **) imp->columns[i].aliases);
          g_autofree char *message = g_strdup_printf (_("This column is required but missing (it may also be called %s)."), aliases);

          tsu_import_problem_at (imp, header->line, imp->columns[i].name, message);
          ok = FALSE;
        }
    }
  return ok;
}

gboolean
tsu_import_has_column (TsuImport *imp,
                       int        column)
{
  return imp->position[column] >= 0;
}

const char *
tsu_import_cell (TsuImport    *imp,
                 TsuCsvRecord *record,
                 int           column)
{
  int position = imp->position[column];

  if (position < 0 || (guint) position >= record->n_cells)
    return "";
  return record->cells[position];
}

void
tsu_import_require (TsuImport    *imp,
                    TsuCsvRecord *record,
                    int           column,
                    const char   *message)
{
  if (*tsu_import_cell (imp, record, column) == '\0')
    tsu_import_problem (imp, record->line, column, "%s", message);
}

char *
tsu_import_normalize (const char *text)
{
  char *nfkc;
  const char *p;

  /* ASCII is its own NFKC: codes and numbers need no Unicode tables. */
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_strstrip (g_strdup (text));
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  if (nfkc == NULL)
    nfkc = g_strdup (text);
  return g_strstrip (nfkc);
}

gboolean
tsu_import_parse_date (TsuImport     *imp,
                       TsuCsvRecord  *record,
                       int            column,
                       char         **iso)
{
  const char *text = tsu_import_cell (imp, record, column);
  const char *known;
  GDate date;

  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  known = g_hash_table_lookup (imp->dates, text);
  if (known == NULL)
    {
      if (!tsu_date_parse (text, &date, NULL))
        {
          tsu_import_problem (imp, record->line, column,
                              _("“%s” is not a date. Write it like 2023-12-14, 2023/12/14, R5.12.14 or 令和5年12月14日."), text);
          return FALSE;
        }
      known = tsu_date_to_iso (&date);
      g_hash_table_insert (imp->dates, g_strdup (text), (char *) known);
    }
  *iso = g_strdup (known);
  return TRUE;
}

/* The value a parse found, plus one; NOT_A_VALUE when it failed. */
#define NOT_A_VALUE G_MAXUINT

gboolean
tsu_import_lookup (TsuImport          *imp,
                   int                 column,
                   const char         *text,
                   TsuImportParseFunc  parse,
                   guint              *value)
{
  gpointer known;

  g_return_val_if_fail (column >= 0 && (guint) column < imp->n_columns, FALSE);

  if (imp->parsed[column] == NULL)
    imp->parsed[column] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  known = g_hash_table_lookup (imp->parsed[column], text);
  if (known == NULL)
    {
      guint found = 0;

      known = GUINT_TO_POINTER (parse (text, &found) ? found + 1 : NOT_A_VALUE);
      g_hash_table_insert (imp->parsed[column], g_strdup (text), known);
    }
  if (GPOINTER_TO_UINT (known) == NOT_A_VALUE)
    return FALSE;
  *value = GPOINTER_TO_UINT (known) - 1;
  return TRUE;
}

/* FALSE for a blank row, which is skipped. */
static gboolean
prepare_row (TsuImport    *imp,
             TsuCsvRecord *record)
{
  gboolean blank = TRUE;

  imp->row_bad = FALSE;
  memset (imp->reported, 0, sizeof imp->reported);
  for (guint c = 0; c < record->n_cells; c++)
    {
      g_strstrip (record->cells[c]);
      if (*record->cells[c] != '\0')
        blank = FALSE;
    }
  /* A row of empty cells is what Excel leaves below a table. */
  if (blank)
    return FALSE;

  for (guint c = 0; c < record->n_cells; c++)
    {
      gboolean named = FALSE;

      if (*record->cells[c] == '\0')
        continue;
      if (c < TSU_IMPORT_MAX_CELLS)
        named = imp->named[c];
      else
        for (guint i = 0; i < imp->n_columns; i++)
          named = named || imp->position[i] == (int) c;
      if (!named)
        {
          g_autofree char *column = g_strdup_printf ("%u", c + 1);

          tsu_import_problem_at (imp, record->line, column, _("This cell is under no column of the header row."));
        }
    }
  return TRUE;
}

/* Maps the store's field names (property names such as "starts-at" or
 * "organization-id") to columns. */
static int
column_of_field (TsuImport  *imp,
                 const char *field)
{
  g_autofree char *name = g_strdup (field);

  g_strdelimit (name, "-", '_');
  if (g_str_has_suffix (name, "_id"))
    name[strlen (name) - strlen ("_id")] = '\0';
  for (guint i = 0; i < imp->n_columns; i++)
    if (strcmp (imp->columns[i].name, name) == 0)
      return (int) i;
  return -1;
}

void
tsu_import_report_field_problems (TsuImport    *imp,
                                  TsuCsvRecord *record,
                                  GPtrArray    *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      TsuFieldProblem *p = g_ptr_array_index (problems, i);
      int column = column_of_field (imp, p->field);

      if (column < 0)
        tsu_import_problem_at (imp, record->line, p->field, p->message);
      else if (!imp->reported[column])
        tsu_import_problem (imp, record->line, column, "%s", p->message);
    }
}

gboolean
tsu_import_save_failed (TsuImport     *imp,
                        TsuCsvRecord  *record,
                        GError       **error)
{
  /* Validation ran already, so only a check the store makes on its own
   * (a key or name taken) can land here: report it on the row and go
   * on. Anything else means the database itself failed. */
  if (g_error_matches (*error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID))
    {
      tsu_import_problem_at (imp, record->line, "-", (*error)->message);
      g_clear_error (error);
      return TRUE;
    }
  return FALSE;
}

void
tsu_import_count_saved (TsuImport *imp,
                        gboolean   is_update)
{
  if (is_update)
    imp->result->updated++;
  else
    imp->result->added++;
}

/* Hash table values that may be NULL: "looked up, none there". */
static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* "FILE:LINE: MESSAGE" about the file as a whole (it is not CSV, or
 * empty), which is then the only problem reported. */
static void
file_problem (TsuImport  *imp,
              guint       line,
              const char *message)
{
  g_ptr_array_set_size (imp->result->problems, 0);
  g_ptr_array_add (imp->result->problems,
                   g_strdup_printf ("%s:%u: %s", imp->display, MAX (line, 1), message));
}

/* Frees the caches of tsu_import_lookup() however the import ends. */
typedef struct
{
  GHashTable **tables;
} ParsedTables;

static void
parsed_tables_clear (ParsedTables *parsed)
{
  for (guint i = 0; parsed->tables != NULL && i < TSU_IMPORT_MAX_COLUMNS; i++)
    g_clear_pointer (&parsed->tables[i], g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParsedTables, parsed_tables_clear)

TsuImportResult *
tsu_import_run_file (TsuDatabase            *db,
                     const char             *path,
                     TsuImportFlags          flags,
                     const TsuImportColumn  *columns,
                     guint                   n_columns,
                     TsuImportRowFunc        import_row,
                     gpointer                data,
                     const char * const     *tables,
                     GError                **error)
{
  g_autoptr(TsuImportResult) result = NULL;
  g_autofree char *text = NULL;
  g_autoptr(TsuCsvReader) reader = NULL;
  g_autoptr(TsuCsvRecord) header = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_if_set);
  g_autoptr(GHashTable) dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  TsuImport imp = { 0 };
  /* After imp, whose tables it frees. */
  g_auto(ParsedTables) parsed = { NULL };
  guint error_line = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (n_columns <= TSU_IMPORT_MAX_COLUMNS, NULL);

  result = g_new0 (TsuImportResult, 1);
  result->problems = g_ptr_array_new_with_free_func (g_free);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  imp.db = db;
  imp.display = path;
  imp.flags = flags;
  imp.columns = columns;
  imp.n_columns = n_columns;
  imp.result = result;
  imp.events = events;
  imp.dates = dates;
  parsed.tables = imp.parsed;

  text = tsu_csv_read_text (path, NULL, &local_error);
  if (text == NULL)
    {
      /* A file that is not CSV is bad input, like a bad row; a file that
       * cannot be read at all is an error. */
      if (local_error->domain != TSU_CSV_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      file_problem (&imp, 1, local_error->message);
      return g_steal_pointer (&result);
    }
  /* Row by row rather than the whole file at once: a big file would
   * otherwise be in memory twice, as text and as cells. */
  reader = tsu_csv_reader_new (text, strlen (text));
  header = tsu_csv_reader_next (reader, &error_line, &local_error);
  if (header == NULL)
    {
      if (local_error != NULL)
        file_problem (&imp, error_line, local_error->message);
      else
        file_problem (&imp, 1, _("The file is empty. Its first row must name the columns."));
      return g_steal_pointer (&result);
    }
  /* With columns missing or unknown, every row would be wrong the same
   * way: report the header alone — unless the file is not CSV at all. */
  if (!read_header (&imp, header))
    {
      TsuCsvRecord *rest;

      while ((rest = tsu_csv_reader_next (reader, &error_line, &local_error)) != NULL)
        tsu_csv_record_free (rest);
      if (local_error != NULL)
        file_problem (&imp, error_line, local_error->message);
      return g_steal_pointer (&result);
    }

  if (!tsu_database_begin (db, error))
    return NULL;
  while (ok)
    {
      g_autoptr(TsuCsvRecord) record = tsu_csv_reader_next (reader, &error_line, &local_error);

      if (record == NULL)
        break;
      if (prepare_row (&imp, record))
        ok = import_row (&imp, record, data, error);
    }
  /* A quoted field never closed runs to the end of the file, so this is
   * only known now: the file is not CSV, and that alone is reported. */
  if (ok && local_error != NULL)
    {
      tsu_database_rollback (db);
      if (result->added + result->updated > 0)
        for (guint i = 0; tables[i] != NULL; i++)
          tsu_database_emit_changed (db, tables[i]);
      result->added = result->updated = 0;
      g_ptr_array_set_size (result->warnings, 0);
      file_problem (&imp, error_line, local_error->message);
      return g_steal_pointer (&result);
    }

  if (!ok || result->problems->len > 0 || (flags & TSU_IMPORT_FLAGS_DRY_RUN))
    {
      tsu_database_rollback (db);
      /* The store announced each save; views must drop what was undone. */
      if (result->added + result->updated > 0)
        for (guint i = 0; tables[i] != NULL; i++)
          tsu_database_emit_changed (db, tables[i]);
      if (!ok)
        return NULL;
      return g_steal_pointer (&result);
    }
  if (!tsu_database_commit (db, error))
    return NULL;
  /* Rows inserted in bulk were not announced one by one: views hear of
   * the tables once, now that the rows can be read. */
  if (result->added + result->updated > 0)
    for (guint i = 0; tables[i] != NULL; i++)
      tsu_database_emit_changed (db, tables[i]);
  return g_steal_pointer (&result);
}

static const char *
parse_ward (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  if (nfkc == NULL)
    return NULL;
  g_strstrip (nfkc);
  /* "門司区役所" names the ward office: the ward is the same. */
  if (g_str_has_suffix (nfkc, "役所"))
    nfkc[strlen (nfkc) - strlen ("役所")] = '\0';
  for (guint i = 0; wards[i] != NULL; i++)
    {
      g_autofree char *bare = g_strndup (wards[i], strlen (wards[i]) - strlen ("区"));

      if (strcmp (nfkc, wards[i]) == 0 || strcmp (nfkc, bare) == 0)
        return wards[i];
    }
  return NULL;
}

static gboolean
parse_yes_no (const char *text,
              gboolean   *value)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "はい", "○", NULL };
  static const char * const no[] = { "no", "n", "false", "0", "いいえ", "×", NULL };
  g_autofree char *key = tsu_kana_normalize (text);

  if (g_strv_contains (yes, key))
    *value = TRUE;
  else if (g_strv_contains (no, key))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* The key an organisation is matched by: its name without legal form,
 * normalised, exactly as tsu_organization_find_by_name() compares. The
 * directory is loaded once instead of once per row. */
static char *
organization_key (const char *name)
{
  g_autofree char *bare = NULL;

  tsu_legal_form_split (name, NULL, &bare);
  return tsu_kana_normalize (bare);
}

static GHashTable *
load_organizations (TsuDatabase  *db,
                    GError      **error)
{
  g_autoptr(GPtrArray) all = tsu_organization_load_all (db, error);
  GHashTable *by_key;

  if (all == NULL)
    return NULL;
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (all, i);

      g_hash_table_insert (by_key, organization_key (tsu_organization_get_name (org)), g_object_ref (org));
    }
  return by_key;
}

/* The end of every row: reports @problems, and saves @object (an
 * organisation or a person) unless the row has any. */
static gboolean
save_row (TsuImport     *imp,
          TsuCsvRecord  *record,
          GPtrArray     *problems,
          GObject       *object,
          gboolean       is_update,
          GError       **error)
{
  gboolean saved;

  tsu_import_report_field_problems (imp, record, problems);
  if (imp->row_bad)
    return TRUE;

  if (TSU_IS_ORGANIZATION (object))
    saved = tsu_organization_save (TSU_ORGANIZATION (object), imp->db, error);
  else
    saved = tsu_person_save (TSU_PERSON (object), imp->db, error);
  if (!saved)
    return tsu_import_save_failed (imp, record, error);
  tsu_import_count_saved (imp, is_update);
  return TRUE;
}

static gboolean
import_organization_row (TsuImport     *imp,
                         TsuCsvRecord  *record,
                         GHashTable    *existing,
                         GHashTable    *seen,
                         GError       **error)
{
  const char *name = tsu_import_cell (imp, record, ORG_NAME);
  const char *legal_form_cell = tsu_import_cell (imp, record, ORG_LEGAL_FORM);
  g_autofree char *legal_form = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *key = NULL;
  g_autofree char *joined_on = NULL;
  g_autofree char *left_on = NULL;
  g_autoptr(TsuOrganization) org = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  TsuOrganizationKind kind = TSU_ORGANIZATION_KIND_MEMBER;
  const char *ward = NULL;
  gboolean is_update = FALSE;

  /* "NPO法人 抱樸" in the name column with no legal form beside it. */
  if (*legal_form_cell == '\0')
    {
      tsu_legal_form_split (name, &legal_form, &bare);
      if (legal_form == NULL)
        {
          /* Keep the name as written (ＹＥＬＬ stays full-width). */
          g_free (bare);
          bare = g_strdup (name);
        }
    }
  else
    {
      g_autofree char *form_in_name = NULL;
      g_autofree char *rest = NULL;

      /* ＮＰＯ法人 and NPO法人 are the same form: keep the plain one. */
      legal_form = g_utf8_normalize (legal_form_cell, -1, G_NORMALIZE_ALL_COMPOSE);
      if (legal_form == NULL)
        legal_form = g_strdup (legal_form_cell);
      /* "NPO法人" beside "NPO法人 抱樸" says the form once, not twice. */
      tsu_legal_form_split (name, &form_in_name, &rest);
      if (form_in_name != NULL && strcmp (form_in_name, legal_form) == 0)
        bare = g_steal_pointer (&rest);
      else
        bare = g_strdup (name);
    }

  if (*tsu_import_cell (imp, record, ORG_KIND) != '\0'
      && !tsu_organization_kind_from_text (tsu_import_cell (imp, record, ORG_KIND), &kind))
    tsu_import_problem (imp, record->line, ORG_KIND,
                        _("“%s” is not a kind of organisation. Write member, government or partner (参加団体, 行政, 協力団体)."),
                        tsu_import_cell (imp, record, ORG_KIND));

  if (*tsu_import_cell (imp, record, ORG_WARD) != '\0')
    {
      ward = parse_ward (tsu_import_cell (imp, record, ORG_WARD));
      if (ward == NULL)
        {
          g_autofree char *list = g_strjoinv (" ", (char **) wards);

          tsu_import_problem (imp, record->line, ORG_WARD,
                              _("“%s” is not a ward of Kitakyushu. Write one of %s, or leave it empty."),
                              tsu_import_cell (imp, record, ORG_WARD), list);
        }
    }

  tsu_import_parse_date (imp, record, ORG_JOINED_ON, &joined_on);
  tsu_import_parse_date (imp, record, ORG_LEFT_ON, &left_on);

  if (*bare != '\0')
    {
      gpointer first_line;
      TsuOrganization *found;

      key = organization_key (bare);
      found = g_hash_table_lookup (existing, key);
      if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
        tsu_import_problem (imp, record->line, ORG_NAME,
                            _("“%s” is already on line %u of this file."), name, GPOINTER_TO_UINT (first_line));
      else if (found != NULL && !(imp->flags & TSU_IMPORT_FLAGS_UPDATE))
        tsu_import_problem (imp, record->line, ORG_NAME,
                            _("“%s” is already in the directory. Import with --update to change it."), name);
      else if (found != NULL)
        {
          org = g_object_ref (found);
          is_update = TRUE;
        }
      if (!g_hash_table_contains (seen, key))
        g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (record->line));
    }

  if (org == NULL)
    org = tsu_organization_new ();

  /* An update changes the columns the file has, and only those. */
  tsu_organization_set_name (org, bare);
  if (legal_form != NULL || tsu_import_has_column (imp, ORG_LEGAL_FORM) || !is_update)
    tsu_organization_set_legal_form (org, legal_form);
  if (tsu_import_has_column (imp, ORG_READING))
    tsu_organization_set_reading (org, tsu_import_cell (imp, record, ORG_READING));
  if (tsu_import_has_column (imp, ORG_KIND) || !is_update)
    tsu_organization_set_kind (org, kind);
  if (tsu_import_has_column (imp, ORG_FIELDS))
    {
      g_auto(GStrv) fields = tsu_organization_parse_fields (tsu_import_cell (imp, record, ORG_FIELDS));

      tsu_organization_set_fields (org, (const char * const *) fields);
    }
  if (tsu_import_has_column (imp, ORG_WARD))
    tsu_organization_set_ward (org, ward);
  if (tsu_import_has_column (imp, ORG_PHONE))
    tsu_organization_set_phone (org, tsu_import_cell (imp, record, ORG_PHONE));
  if (tsu_import_has_column (imp, ORG_EMAIL))
    tsu_organization_set_email (org, tsu_import_cell (imp, record, ORG_EMAIL));
  if (tsu_import_has_column (imp, ORG_WEBSITE))
    tsu_organization_set_website (org, tsu_import_cell (imp, record, ORG_WEBSITE));
  if (tsu_import_has_column (imp, ORG_ADDRESS))
    tsu_organization_set_address (org, tsu_import_cell (imp, record, ORG_ADDRESS));
  if (tsu_import_has_column (imp, ORG_HOURS))
    tsu_organization_set_hours (org, tsu_import_cell (imp, record, ORG_HOURS));
  if (tsu_import_has_column (imp, ORG_JOINED_ON) && *tsu_import_cell (imp, record, ORG_JOINED_ON) == '\0')
    tsu_organization_set_joined_on (org, NULL);
  else if (joined_on != NULL)
    tsu_organization_set_joined_on (org, joined_on);
  if (tsu_import_has_column (imp, ORG_LEFT_ON) && *tsu_import_cell (imp, record, ORG_LEFT_ON) == '\0')
    tsu_organization_set_left_on (org, NULL);
  else if (left_on != NULL)
    tsu_organization_set_left_on (org, left_on);
  if (tsu_import_has_column (imp, ORG_NOTES))
    tsu_organization_set_notes (org, tsu_import_cell (imp, record, ORG_NOTES));

  problems = tsu_organization_validate (org);
  return save_row (imp, record, problems, G_OBJECT (org), is_update, error);
}

static gboolean
import_person_row (TsuImport     *imp,
                   TsuCsvRecord  *record,
                   GHashTable    *organizations,
                   GHashTable    *seen,
                   GHashTable    *primaries,
                   GError       **error)
{
  const char *org_name = tsu_import_cell (imp, record, PERSON_ORGANIZATION);
  const char *name = tsu_import_cell (imp, record, PERSON_NAME);
  TsuOrganization *org = NULL;
  g_autoptr(TsuPerson) person = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean primary = FALSE;
  gboolean is_update = FALSE;

  if (*org_name == '\0')
    tsu_import_problem (imp, record->line, PERSON_ORGANIZATION, _("Enter the organisation the person belongs to."));
  else
    {
      g_autofree char *org_key = organization_key (org_name);

      org = g_hash_table_lookup (organizations, org_key);
      if (org == NULL)
        tsu_import_problem (imp, record->line, PERSON_ORGANIZATION,
                            _("There is no organisation called “%s”. Import the organisations first."), org_name);
    }

  if (*tsu_import_cell (imp, record, PERSON_PRIMARY) != '\0'
      && !parse_yes_no (tsu_import_cell (imp, record, PERSON_PRIMARY), &primary))
    tsu_import_problem (imp, record->line, PERSON_PRIMARY,
                        _("“%s” is neither yes nor no (はい or いいえ)."), tsu_import_cell (imp, record, PERSON_PRIMARY));

  if (org != NULL && *name != '\0')
    {
      gint64 org_id = tsu_organization_get_id (org);
      g_autofree char *name_key = tsu_kana_normalize (name);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", org_id, name_key);
      gpointer first_line;

      if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
        tsu_import_problem (imp, record->line, PERSON_NAME,
                            _("“%s” of “%s” is already on line %u of this file."),
                            name, org_name, GPOINTER_TO_UINT (first_line));
      else
        {
          g_autoptr(GError) local_error = NULL;

          person = tsu_person_find_by_name (imp->db, org_id, name, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (person != NULL && !(imp->flags & TSU_IMPORT_FLAGS_UPDATE))
            {
              tsu_import_problem (imp, record->line, PERSON_NAME,
                                  _("“%s” of “%s” is already in the directory. Import with --update to change them."),
                                  name, org_name);
              g_clear_object (&person);
            }
          is_update = person != NULL;
          g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (record->line));
        }

      if (primary)
        {
          gpointer org_key = GSIZE_TO_POINTER ((gsize) org_id);

          if (g_hash_table_lookup_extended (primaries, org_key, NULL, &first_line))
            tsu_import_problem (imp, record->line, PERSON_PRIMARY,
                                _("Line %u already makes someone else the primary contact of “%s”."),
                                GPOINTER_TO_UINT (first_line), org_name);
          else
            g_hash_table_insert (primaries, org_key, GUINT_TO_POINTER (record->line));
        }
    }

  if (person == NULL)
    person = tsu_person_new (org ? tsu_organization_get_id (org) : 0);

  tsu_person_set_name (person, name);
  if (tsu_import_has_column (imp, PERSON_READING))
    tsu_person_set_reading (person, tsu_import_cell (imp, record, PERSON_READING));
  if (tsu_import_has_column (imp, PERSON_TITLE))
    tsu_person_set_title (person, tsu_import_cell (imp, record, PERSON_TITLE));
  if (tsu_import_has_column (imp, PERSON_PHONE))
    tsu_person_set_phone (person, tsu_import_cell (imp, record, PERSON_PHONE));
  if (tsu_import_has_column (imp, PERSON_EMAIL))
    tsu_person_set_email (person, tsu_import_cell (imp, record, PERSON_EMAIL));
  if (tsu_import_has_column (imp, PERSON_PRIMARY))
    tsu_person_set_primary (person, primary);

  problems = tsu_person_validate (person);
  /* The organisation was reported above already, in better words. */
  for (guint i = problems->len; i > 0; i--)
    {
      TsuFieldProblem *p = g_ptr_array_index (problems, i - 1);

      if (strcmp (p->field, "organization-id") == 0)
        g_ptr_array_remove_index (problems, i - 1);
    }
  return save_row (imp, record, problems, G_OBJECT (person), is_update, error);
}

typedef struct
{
  GHashTable *organizations;  /* organisation key → TsuOrganization */
  GHashTable *seen;           /* key → first line */
  GHashTable *primaries;      /* organisation id → first line */
} DirectoryData;

static gboolean
import_directory_row (TsuImport     *imp,
                      TsuCsvRecord  *record,
                      gpointer       user_data,
                      GError       **error)
{
  DirectoryData *data = user_data;

  if (imp->columns == organization_columns)
    return import_organization_row (imp, record, data->organizations, data->seen, error);
  return import_person_row (imp, record, data->organizations, data->seen, data->primaries, error);
}

TsuImportResult *
tsu_import_csv (TsuDatabase     *db,
                TsuImportKind    kind,
                const char      *path,
                TsuImportFlags   flags,
                GError         **error)
{
  static const char * const organization_tables[] = { "organizations", NULL };
  static const char * const person_tables[] = { "people", NULL };
  g_autoptr(GHashTable) organizations = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) primaries = NULL;
  DirectoryData data;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The event planner's, the budget ledger's and the referral
   * tracker's files have their own columns and rows. */
  switch (kind)
    {
    case TSU_IMPORT_EVENTS:
      return tsu_import_events_csv (db, path, flags, error);
    case TSU_IMPORT_SESSIONS:
      return tsu_import_sessions_csv (db, path, flags, error);
    case TSU_IMPORT_ATTENDEES:
      return tsu_import_attendees_csv (db, path, flags, error);
    case TSU_IMPORT_BUDGET:
      return tsu_import_budget_csv (db, path, flags, error);
    case TSU_IMPORT_PAYMENTS:
      return tsu_import_payments_csv (db, path, flags, error);
    case TSU_IMPORT_REFERRALS:
      return tsu_import_referrals_csv (db, path, flags, error);
    case TSU_IMPORT_ORGANIZATIONS:
    case TSU_IMPORT_PEOPLE:
    default:
      break;
    }

  organizations = load_organizations (db, error);
  if (organizations == NULL)
    return NULL;
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  primaries = g_hash_table_new (g_direct_hash, g_direct_equal);
  data.organizations = organizations;
  data.seen = seen;
  data.primaries = primaries;

  if (kind == TSU_IMPORT_ORGANIZATIONS)
    return tsu_import_run_file (db, path, flags, organization_columns, N_ORG_COLUMNS,
                                import_directory_row, &data, organization_tables, error);
  return tsu_import_run_file (db, path, flags, person_columns, N_PERSON_COLUMNS,
                              import_directory_row, &data, person_tables, error);
}


gboolean
tsu_export_organizations_csv (TsuDatabase  *db,
                              const char   *path,
                              GError      **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  const char *header[N_ORG_COLUMNS + 1];

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  all = tsu_organization_load_all (db, error);
  if (all == NULL)
    return FALSE;

  for (guint i = 0; i < N_ORG_COLUMNS; i++)
    header[i] = organization_columns[i].name;
  header[N_ORG_COLUMNS] = NULL;
  tsu_csv_append_record (out, header);

  for (guint i = 0; i < all->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (all, i);
      g_autofree char *fields = g_strjoinv (";", (char **) tsu_organization_get_fields (org));
      const char *row[N_ORG_COLUMNS + 1] = {
        [ORG_LEGAL_FORM] = tsu_organization_get_legal_form (org),
        [ORG_NAME]       = tsu_organization_get_name (org),
        [ORG_READING]    = tsu_organization_get_reading (org),
        [ORG_KIND]       = tsu_organization_kind_to_code (tsu_organization_get_kind (org)),
        [ORG_FIELDS]     = fields,
        [ORG_WARD]       = tsu_organization_get_ward (org),
        [ORG_PHONE]      = tsu_organization_get_phone (org),
        [ORG_EMAIL]      = tsu_organization_get_email (org),
        [ORG_WEBSITE]    = tsu_organization_get_website (org),
        [ORG_ADDRESS]    = tsu_organization_get_address (org),
        [ORG_HOURS]      = tsu_organization_get_hours (org),
        [ORG_JOINED_ON]  = tsu_organization_get_joined_on (org),
        [ORG_LEFT_ON]    = tsu_organization_get_left_on (org),
        [ORG_NOTES]      = tsu_organization_get_notes (org),
        [N_ORG_COLUMNS]  = NULL,
      };

      for (guint c = 0; c < N_ORG_COLUMNS; c++)
        if (row[c] == NULL)
          row[c] = "";
      tsu_csv_append_record (out, row);
    }

  return g_file_set_contents_full (path, out->str, (gssize) out->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
