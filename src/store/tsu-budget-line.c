/* tsu-budget-line.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-amount.h"
#include "tsu-budget-line.h"
#include "tsu-event.h"
#include "tsu-kana.h"
#include "tsu-record-private.h"

typedef enum
{
  TEXT_NAME,
  TEXT_DESCRIPTION,
  TEXT_PURPOSE,
  TEXT_TIMING,
  TEXT_CONTRACTOR,
  N_TEXTS
} TextField;

static const char * const text_property_names[N_TEXTS] = {
  "name", "description", "purpose", "timing", "contractor",
};

/* The paid sum is computed alongside each row. */
#define SELECT_COLUMNS \
  "SELECT l.id, l.version, l.fiscal_year, l.position, l.amount, l.pillars, l.funding, l.draft," \
  " (SELECT coalesce (sum (p.amount), 0) FROM payments p WHERE p.budget_line_id = l.id)," \
  " l.name, l.description, l.purpose, l.timing, l.contractor FROM budget_lines l"
#define FIRST_TEXT_COLUMN 9

struct _TsuBudgetLine
{
  GObject     parent_instance;

  gint64      id;
  gint64      version;
  int         fiscal_year;
  guint       position;
  gint64      amount;
  guint       pillars;
  TsuFunding  funding;
  gboolean    draft;
  gint64      paid;
  char       *text[N_TEXTS];
};

G_DEFINE_TYPE (TsuBudgetLine, tsu_budget_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_TEXTS - 1,
  PROP_ID,
  PROP_FISCAL_YEAR,
  PROP_POSITION,
  PROP_AMOUNT,
  PROP_PILLARS,
  PROP_FUNDING,
  PROP_DRAFT,
  PROP_PAID,
  PROP_REMAINING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
tsu_funding_to_code (TsuFunding funding)
{
  return funding == TSU_FUNDING_CITY ? "city" : "national";
}

const char *
tsu_funding_to_label (TsuFunding funding)
{
  /* Translators: where the money comes from: the national subsidy (国庫)
   * or the city's own budget (市費) */
  return funding == TSU_FUNDING_CITY ? _("City") : _("National subsidy");
}

gboolean
tsu_funding_from_text (const char *text,
                       TsuFunding *funding)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  if (g_ascii_strcasecmp (trimmed, "national") == 0 || strcmp (trimmed, "国庫") == 0
      || strcmp (trimmed, tsu_funding_to_label (TSU_FUNDING_NATIONAL)) == 0)
    *funding = TSU_FUNDING_NATIONAL;
  else if (g_ascii_strcasecmp (trimmed, "city") == 0 || strcmp (trimmed, "市費") == 0
           || strcmp (trimmed, tsu_funding_to_label (TSU_FUNDING_CITY)) == 0)
    *funding = TSU_FUNDING_CITY;
  else
    return FALSE;
  return TRUE;
}

static void
tsu_budget_line_finalize (GObject *object)
{
  TsuBudgetLine *self = TSU_BUDGET_LINE (object);

  tsu_record_texts_free (self->text, N_TEXTS);

  G_OBJECT_CLASS (tsu_budget_line_parent_class)->finalize (object);
}

static void
set_text (TsuBudgetLine *self,
          TextField      field,
          const char    *value)
{
  tsu_record_set_text (G_OBJECT (self), &self->text[field], value,
                       properties[PROP_FIRST_TEXT + field]);
}

static void
tsu_budget_line_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TsuBudgetLine *self = TSU_BUDGET_LINE (object);

  if (tsu_record_get_text_property (self->text, N_TEXTS, PROP_FIRST_TEXT, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FISCAL_YEAR:
      g_value_set_int (value, self->fiscal_year);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    case PROP_PILLARS:
      g_value_set_uint (value, self->pillars);
      break;
    case PROP_FUNDING:
      g_value_set_int (value, self->funding);
      break;
    case PROP_DRAFT:
      g_value_set_boolean (value, self->draft);
      break;
    case PROP_PAID:
      g_value_set_int64 (value, self->paid);
      break;
    case PROP_REMAINING:
      g_value_set_int64 (value, self->amount - self->paid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_budget_line_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TsuBudgetLine *self = TSU_BUDGET_LINE (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_FISCAL_YEAR:
      tsu_budget_line_set_fiscal_year (self, g_value_get_int (value));
      break;
    case PROP_POSITION:
      tsu_budget_line_set_position (self, g_value_get_uint (value));
      break;
    case PROP_AMOUNT:
      tsu_budget_line_set_amount (self, g_value_get_int64 (value));
      break;
    case PROP_PILLARS:
      tsu_budget_line_set_pillars (self, g_value_get_uint (value));
      break;
    case PROP_FUNDING:
      tsu_budget_line_set_funding (self, g_value_get_int (value));
      break;
    case PROP_DRAFT:
      tsu_budget_line_set_draft (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_budget_line_class_init (TsuBudgetLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tsu_budget_line_finalize;
  object_class->get_property = tsu_budget_line_get_property;
  object_class->set_property = tsu_budget_line_set_property;

  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, NULL, flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties[PROP_FISCAL_YEAR] = g_param_spec_int ("fiscal-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL, 0, TSU_AMOUNT_MAX, 0, flags);
  properties[PROP_PILLARS] = g_param_spec_uint ("pillars", NULL, NULL, 0, TSU_PILLARS_ALL, 0, flags);
  properties[PROP_FUNDING] = g_param_spec_int ("funding", NULL, NULL, TSU_FUNDING_NATIONAL,
                                               TSU_FUNDING_CITY, TSU_FUNDING_NATIONAL, flags);
  properties[PROP_DRAFT] = g_param_spec_boolean ("draft", NULL, NULL, FALSE, flags);
  properties[PROP_PAID] = g_param_spec_int64 ("paid", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties[PROP_REMAINING] = g_param_spec_int64 ("remaining", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                                   read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tsu_budget_line_init (TsuBudgetLine *self)
{
  tsu_record_texts_init (self->text, N_TEXTS);
}

TsuBudgetLine *
tsu_budget_line_new (int fiscal_year)
{
  TsuBudgetLine *self = g_object_new (TSU_TYPE_BUDGET_LINE, NULL);

  self->fiscal_year = fiscal_year;
  return self;
}

TsuBudgetLine *
tsu_budget_line_copy (TsuBudgetLine *self)
{
  TsuBudgetLine *copy;

  g_return_val_if_fail (TSU_IS_BUDGET_LINE (self), NULL);

  copy = tsu_budget_line_new (self->fiscal_year);
  copy->id = self->id;
  copy->version = self->version;
  copy->position = self->position;
  copy->amount = self->amount;
  copy->pillars = self->pillars;
  copy->funding = self->funding;
  copy->draft = self->draft;
  copy->paid = self->paid;
  tsu_record_texts_copy (copy->text, self->text, N_TEXTS);
  return copy;
}

#define TEXT_ACCESSORS(lower, UPPER) \
  TSU_RECORD_TEXT_ACCESSORS (TsuBudgetLine, tsu_budget_line, TSU_IS_BUDGET_LINE, lower, TEXT_##UPPER)

TEXT_ACCESSORS (name, NAME)
TEXT_ACCESSORS (description, DESCRIPTION)
TEXT_ACCESSORS (purpose, PURPOSE)
TEXT_ACCESSORS (timing, TIMING)
TEXT_ACCESSORS (contractor, CONTRACTOR)

#define VALUE_ACCESSORS(type, lower, PROP)                            \
  type                                                                \
  tsu_budget_line_get_##lower (TsuBudgetLine *self)                   \
  {                                                                   \
    g_return_val_if_fail (TSU_IS_BUDGET_LINE (self), 0);              \
    return self->lower;                                               \
  }                                                                   \
  void                                                                \
  tsu_budget_line_set_##lower (TsuBudgetLine *self,                   \
                               type           value)                  \
  {                                                                   \
    g_return_if_fail (TSU_IS_BUDGET_LINE (self));                     \
    if (self->lower == value)                                         \
      return;                                                         \
    self->lower = value;                                              \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);     \
  }

VALUE_ACCESSORS (int, fiscal_year, PROP_FISCAL_YEAR)
VALUE_ACCESSORS (guint, position, PROP_POSITION)
VALUE_ACCESSORS (guint, pillars, PROP_PILLARS)
VALUE_ACCESSORS (TsuFunding, funding, PROP_FUNDING)
VALUE_ACCESSORS (gboolean, draft, PROP_DRAFT)

gint64
tsu_budget_line_get_amount (TsuBudgetLine *self)
{
  g_return_val_if_fail (TSU_IS_BUDGET_LINE (self), 0);
  return self->amount;
}

void
tsu_budget_line_set_amount (TsuBudgetLine *self,
                            gint64         amount)
{
  g_return_if_fail (TSU_IS_BUDGET_LINE (self));
  if (self->amount == amount)
    return;
  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
}

gint64
tsu_budget_line_get_id (TsuBudgetLine *self)
{
  g_return_val_if_fail (TSU_IS_BUDGET_LINE (self), 0);
  return self->id;
}

gint64
tsu_budget_line_get_version (TsuBudgetLine *self)
{
  g_return_val_if_fail (TSU_IS_BUDGET_LINE (self), 0);
  return self->version;
}

gint64
tsu_budget_line_get_paid (TsuBudgetLine *self)
{
  g_return_val_if_fail (TSU_IS_BUDGET_LINE (self), 0);
  return self->paid;
}

gint64
tsu_budget_line_get_remaining (TsuBudgetLine *self)
{
  g_return_val_if_fail (TSU_IS_BUDGET_LINE (self), 0);
  return self->amount - self->paid;
}

GPtrArray *
tsu_budget_line_validate (TsuBudgetLine *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);

  g_return_val_if_fail (TSU_IS_BUDGET_LINE (self), problems);

  if (self->fiscal_year < 1900 || self->fiscal_year > 2999)
    g_ptr_array_add (problems, tsu_field_problem_new ("fiscal-year", _("Choose the fiscal year of the line.")));
  if (*self->text[TEXT_NAME] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("name", _("Enter the name of the project.")));
  if (*self->text[TEXT_CONTRACTOR] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("contractor", _("Enter the contractor the project is ordered from.")));
  if (self->amount < 0 || self->amount > TSU_AMOUNT_MAX)
    g_ptr_array_add (problems, tsu_field_problem_new ("amount", _("The amount must be 0 yen or more.")));
  return problems;
}

static gpointer
read_row (sqlite3_stmt *stmt)
{
  TsuBudgetLine *self = tsu_budget_line_new (sqlite3_column_int (stmt, 2));
  TsuFunding funding = TSU_FUNDING_NATIONAL;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->version = sqlite3_column_int64 (stmt, 1);
  self->position = sqlite3_column_int (stmt, 3);
  self->amount = sqlite3_column_int64 (stmt, 4);
  self->pillars = sqlite3_column_int (stmt, 5) & TSU_PILLARS_ALL;
  tsu_funding_from_text ((const char *) sqlite3_column_text (stmt, 6), &funding);
  self->funding = funding;
  self->draft = sqlite3_column_int (stmt, 7) != 0;
  self->paid = sqlite3_column_int64 (stmt, 8);
  tsu_record_texts_read (self->text, N_TEXTS, stmt, FIRST_TEXT_COLUMN);
  return self;
}

static GPtrArray *
load_rows (TsuDatabase  *db,
           const char   *sql,
           gint64        value,
           GError      **error)
{
  sqlite3_stmt *stmt = tsu_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value);
  return tsu_record_load_rows (db, stmt, read_row, error);
}

GPtrArray *
tsu_budget_line_load_for_fiscal_year (TsuDatabase  *db,
                                      int           year,
                                      GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  return load_rows (db,
                    SELECT_COLUMNS " WHERE l.fiscal_year = ? AND l.deleted_at IS NULL"
                    " ORDER BY l.position, l.id", year, error);
}

TsuBudgetLine *
tsu_budget_line_load_by_id (TsuDatabase  *db,
                            gint64        id,
                            GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  rows = load_rows (db, SELECT_COLUMNS " WHERE l.id = ?", id, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                   _("The budget line no longer exists. Another user may have deleted it."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

TsuBudgetLine *
tsu_budget_line_find_by_name (TsuDatabase  *db,
                              int           year,
                              const char   *name,
                              GError      **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *key = tsu_kana_normalize (name);

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  /* A year has tens of lines: compare normalised names in C. */
  lines = tsu_budget_line_load_for_fiscal_year (db, year, error);
  if (lines == NULL)
    return NULL;
  for (guint i = 0; i < lines->len; i++)
    {
      TsuBudgetLine *line = g_ptr_array_index (lines, i);
      g_autofree char *other = tsu_kana_normalize (line->text[TEXT_NAME]);

      if (strcmp (key, other) == 0)
        return g_object_ref (line);
    }
  return NULL;
}

GArray *
tsu_budget_line_list_fiscal_years (TsuDatabase  *db,
                                   GError      **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  stmt = tsu_database_prepare (db,
                               "SELECT DISTINCT fiscal_year FROM budget_lines"
                               " WHERE deleted_at IS NULL ORDER BY fiscal_year DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      g_array_append_val (years, year);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&years);
}

gboolean
tsu_contractor_add (TsuDatabase  *db,
                    const char   *name,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  if (*trimmed == '\0')
    return TRUE;
  stmt = tsu_database_prepare (db, "INSERT OR IGNORE INTO contractors (name) VALUES (?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  return tsu_database_step_done (db, stmt, error);
}

GStrv
tsu_contractor_list (TsuDatabase  *db,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);

  /* Sorted by the collation of the name: contractors have no reading. */
  stmt = tsu_database_prepare (db, "SELECT name FROM contractors ORDER BY tsu_organization_sort_key (name), name",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static gboolean
name_taken (TsuBudgetLine  *self,
            TsuDatabase    *db,
            GError        **error)
{
  g_autoptr(TsuBudgetLine) other = NULL;
  g_autoptr(GError) local_error = NULL;

  other = tsu_budget_line_find_by_name (db, self->fiscal_year, self->text[TEXT_NAME], &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return TRUE;
    }
  if (other != NULL && other->id != self->id)
    {
      g_autofree char *year = g_strdup_printf ("%d", self->fiscal_year);

      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                   _("Fiscal year %s already has a line named “%s”."), year, self->text[TEXT_NAME]);
      return TRUE;
    }
  return FALSE;
}

gboolean
tsu_budget_line_save (TsuBudgetLine  *self,
                      TsuDatabase    *db,
                      GError        **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_BUDGET_LINE (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  problems = tsu_budget_line_validate (self);
  if (!tsu_record_check_problems (problems, error))
    return FALSE;

  if (!tsu_database_begin (db, error))
    return FALSE;
  if (name_taken (self, db, error))
    goto fail;

  if (self->position == 0)
    {
      stmt = tsu_database_prepare (db,
                                   "SELECT coalesce (max (position), 0) + 1 FROM budget_lines"
                                   " WHERE fiscal_year = ? AND deleted_at IS NULL", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, self->fiscal_year);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        self->position = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }

  if (self->id == 0)
    stmt = tsu_database_prepare (db,
      "INSERT INTO budget_lines (fiscal_year, position, amount, pillars, funding, draft, name,"
      " description, purpose, timing, contractor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
      error);
  else
    stmt = tsu_database_prepare (db,
      "UPDATE budget_lines SET fiscal_year = ?1, position = ?2, amount = ?3, pillars = ?4,"
      " funding = ?5, draft = ?6, name = ?7, description = ?8, purpose = ?9, timing = ?10,"
      " contractor = ?11, version = version + 1, updated_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now')"
      " WHERE id = ?12 AND version = ?13 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int (stmt, 1, self->fiscal_year);
  sqlite3_bind_int (stmt, 2, self->position);
  sqlite3_bind_int64 (stmt, 3, self->amount);
  sqlite3_bind_int (stmt, 4, self->pillars);
  sqlite3_bind_text (stmt, 5, tsu_funding_to_code (self->funding), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, self->draft);
  tsu_record_texts_bind (stmt, 7, self->text, N_TEXTS);
  if (self->id != 0)
    {
      sqlite3_bind_int64 (stmt, 12, self->id);
      sqlite3_bind_int64 (stmt, 13, self->version);
    }
  if (!tsu_database_step_done (db, stmt, error))
    goto fail;

  if (self->id == 0)
    {
      self->id = sqlite3_last_insert_rowid (tsu_database_get_handle (db));
      self->version = 1;
    }
  else if (sqlite3_changes (tsu_database_get_handle (db)) == 0)
    {
      tsu_record_set_conflict_error (error, self->text[TEXT_NAME]);
      goto fail;
    }
  else
    self->version++;

  if (!tsu_contractor_add (db, self->text[TEXT_CONTRACTOR], error))
    goto fail;
  if (!tsu_database_commit (db, error))
    return FALSE;
  tsu_database_emit_changed (db, "budget_lines");
  return TRUE;

fail:
  tsu_database_rollback (db);
  return FALSE;
}

gboolean
tsu_budget_line_delete (TsuDatabase  *db,
                        gint64        id,
                        GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  return tsu_record_exec_for_id (db,
                                 "UPDATE budget_lines SET deleted_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now'),"
                                 " version = version + 1 WHERE id = ? AND deleted_at IS NULL",
                                 id, "budget_lines", error);
}

int
tsu_budget_line_copy_year (TsuDatabase  *db,
                           int           from_year,
                           int           to_year,
                           GError      **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  int copied = 0;

  g_return_val_if_fail (TSU_IS_DATABASE (db), -1);

  lines = tsu_budget_line_load_for_fiscal_year (db, from_year, error);
  if (lines == NULL)
    return -1;
  if (!tsu_database_begin (db, error))
    return -1;
  for (guint i = 0; i < lines->len; i++)
    {
      TsuBudgetLine *line = g_ptr_array_index (lines, i);
      g_autoptr(TsuBudgetLine) existing = NULL;
      g_autoptr(TsuBudgetLine) copy = NULL;
      g_autoptr(GError) local_error = NULL;

      existing = tsu_budget_line_find_by_name (db, to_year, line->text[TEXT_NAME], &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
      if (existing != NULL)
        continue;

      copy = tsu_budget_line_copy (line);
      copy->id = 0;
      copy->version = 0;
      copy->position = 0;
      copy->paid = 0;
      copy->fiscal_year = to_year;
      copy->draft = TRUE;
      if (!tsu_budget_line_save (copy, db, error))
        goto fail;
      copied++;
    }
  if (!tsu_database_commit (db, error))
    return -1;
  return copied;

fail:
  tsu_database_rollback (db);
  return -1;
}
