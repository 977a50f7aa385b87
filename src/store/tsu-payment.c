/* tsu-payment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tsu-amount.h"
#include "tsu-date.h"
#include "tsu-payment.h"
#include "tsu-record-private.h"

struct _TsuPayment
{
  GObject  parent_instance;

  gint64   id;
  gint64   budget_line_id;
  gint64   amount;
  char    *paid_on;
  char    *memo;
};

G_DEFINE_TYPE (TsuPayment, tsu_payment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PAID_ON,
  PROP_AMOUNT,
  PROP_MEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tsu_payment_finalize (GObject *object)
{
  TsuPayment *self = TSU_PAYMENT (object);

  g_free (self->paid_on);
  g_free (self->memo);

  G_OBJECT_CLASS (tsu_payment_parent_class)->finalize (object);
}

static void
tsu_payment_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TsuPayment *self = TSU_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PAID_ON:
      g_value_set_string (value, self->paid_on);
      break;
    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    case PROP_MEMO:
      g_value_set_string (value, self->memo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_payment_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TsuPayment *self = TSU_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_PAID_ON:
      tsu_payment_set_paid_on (self, g_value_get_string (value));
      break;
    case PROP_AMOUNT:
      tsu_payment_set_amount (self, g_value_get_int64 (value));
      break;
    case PROP_MEMO:
      tsu_payment_set_memo (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_payment_class_init (TsuPaymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tsu_payment_finalize;
  object_class->get_property = tsu_payment_get_property;
  object_class->set_property = tsu_payment_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAID_ON] = g_param_spec_string ("paid-on", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL, 0, TSU_AMOUNT_MAX, 0, flags);
  properties[PROP_MEMO] = g_param_spec_string ("memo", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tsu_payment_init (TsuPayment *self)
{
  self->paid_on = g_strdup ("");
  self->memo = g_strdup ("");
}

TsuPayment *
tsu_payment_new (gint64 budget_line_id)
{
  TsuPayment *self = g_object_new (TSU_TYPE_PAYMENT, NULL);

  self->budget_line_id = budget_line_id;
  return self;
}

TsuPayment *
tsu_payment_copy (TsuPayment *self)
{
  TsuPayment *copy;

  g_return_val_if_fail (TSU_IS_PAYMENT (self), NULL);

  copy = tsu_payment_new (self->budget_line_id);
  copy->id = self->id;
  copy->amount = self->amount;
  tsu_payment_set_paid_on (copy, self->paid_on);
  tsu_payment_set_memo (copy, self->memo);
  return copy;
}

gint64
tsu_payment_get_id (TsuPayment *self)
{
  g_return_val_if_fail (TSU_IS_PAYMENT (self), 0);
  return self->id;
}

gint64
tsu_payment_get_budget_line_id (TsuPayment *self)
{
  g_return_val_if_fail (TSU_IS_PAYMENT (self), 0);
  return self->budget_line_id;
}

const char *
tsu_payment_get_paid_on (TsuPayment *self)
{
  g_return_val_if_fail (TSU_IS_PAYMENT (self), NULL);
  return self->paid_on;
}

gint64
tsu_payment_get_amount (TsuPayment *self)
{
  g_return_val_if_fail (TSU_IS_PAYMENT (self), 0);
  return self->amount;
}

const char *
tsu_payment_get_memo (TsuPayment *self)
{
  g_return_val_if_fail (TSU_IS_PAYMENT (self), NULL);
  return self->memo;
}

void
tsu_payment_set_paid_on (TsuPayment *self,
                         const char *iso_date)
{
  g_return_if_fail (TSU_IS_PAYMENT (self));
  tsu_record_set_text (G_OBJECT (self), &self->paid_on, iso_date, properties[PROP_PAID_ON]);
}

void
tsu_payment_set_memo (TsuPayment *self,
                      const char *memo)
{
  g_return_if_fail (TSU_IS_PAYMENT (self));
  tsu_record_set_text (G_OBJECT (self), &self->memo, memo, properties[PROP_MEMO]);
}

void
tsu_payment_set_amount (TsuPayment *self,
                        gint64      amount)
{
  g_return_if_fail (TSU_IS_PAYMENT (self));
  if (self->amount == amount)
    return;
  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

GPtrArray *
tsu_payment_validate (TsuPayment *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  GDate date;

  g_return_val_if_fail (TSU_IS_PAYMENT (self), problems);

  if (self->budget_line_id == 0)
    g_ptr_array_add (problems, tsu_field_problem_new ("budget-line-id", _("Choose the budget line the payment is for.")));
  if (!tsu_date_from_iso (self->paid_on, &date))
    g_ptr_array_add (problems, tsu_field_problem_new ("paid-on", _("Enter the date of the payment.")));
  if (self->amount < 0 || self->amount > TSU_AMOUNT_MAX)
    g_ptr_array_add (problems, tsu_field_problem_new ("amount", _("The amount must be 0 yen or more.")));
  return problems;
}

gboolean
tsu_payment_would_overspend (TsuPayment   *self,
                             TsuDatabase  *db,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean over = FALSE;

  g_return_val_if_fail (TSU_IS_PAYMENT (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  stmt = tsu_database_prepare (db,
                               "SELECT l.amount < ?1 + (SELECT coalesce (sum (p.amount), 0) FROM payments p"
                               "  WHERE p.budget_line_id = l.id AND p.id != ?2)"
                               " FROM budget_lines l WHERE l.id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->amount);
  sqlite3_bind_int64 (stmt, 2, self->id);
  sqlite3_bind_int64 (stmt, 3, self->budget_line_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    over = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return over;
}

gboolean
tsu_payment_save (TsuPayment   *self,
                  TsuDatabase  *db,
                  GError      **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_PAYMENT (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  problems = tsu_payment_validate (self);
  if (!tsu_record_check_problems (problems, error))
    return FALSE;

  if (self->id == 0)
    stmt = tsu_database_prepare (db,
                                 "INSERT INTO payments (budget_line_id, paid_on, amount, memo, id)"
                                 " VALUES (?1, ?2, ?3, ?4, nullif (?5, 0))", error);
  else
    stmt = tsu_database_prepare (db,
                                 "UPDATE payments SET budget_line_id = ?1, paid_on = ?2, amount = ?3,"
                                 " memo = ?4, version = version + 1 WHERE id = ?5", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->budget_line_id);
  sqlite3_bind_text (stmt, 2, self->paid_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, self->amount);
  tsu_bind_text (stmt, 4, self->memo);
  sqlite3_bind_int64 (stmt, 5, self->id);
  /* A single statement is its own transaction. */
  if (!tsu_database_step_done (db, stmt, error))
    return FALSE;
  if (self->id == 0)
    self->id = sqlite3_last_insert_rowid (tsu_database_get_handle (db));
  else if (sqlite3_changes (tsu_database_get_handle (db)) == 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                   _("The payment no longer exists. Another user may have deleted it."));
      return FALSE;
    }
  tsu_database_emit_changed (db, "payments");
  return TRUE;
}

gboolean
tsu_payment_delete (TsuDatabase  *db,
                    gint64        id,
                    GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  return tsu_record_exec_for_id (db, "DELETE FROM payments WHERE id = ?",
                                 id, "payments", error);
}

static gpointer
read_row (sqlite3_stmt *stmt)
{
  TsuPayment *payment = tsu_payment_new (sqlite3_column_int64 (stmt, 1));

  payment->id = sqlite3_column_int64 (stmt, 0);
  payment->amount = sqlite3_column_int64 (stmt, 3);
  tsu_payment_set_paid_on (payment, (const char *) sqlite3_column_text (stmt, 2));
  tsu_payment_set_memo (payment, (const char *) sqlite3_column_text (stmt, 4));
  return payment;
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
tsu_payment_load_for_line (TsuDatabase  *db,
                           gint64        budget_line_id,
                           GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  return load_rows (db,
                    "SELECT id, budget_line_id, paid_on, amount, memo FROM payments"
                    " WHERE budget_line_id = ? ORDER BY paid_on, id", budget_line_id, error);
}

GPtrArray *
tsu_payment_load_for_fiscal_year (TsuDatabase  *db,
                                  int           year,
                                  GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  return load_rows (db,
                    "SELECT p.id, p.budget_line_id, p.paid_on, p.amount, p.memo FROM payments p"
                    " JOIN budget_lines l ON l.id = p.budget_line_id"
                    " WHERE l.fiscal_year = ? AND l.deleted_at IS NULL ORDER BY p.paid_on, l.position, p.id",
                    year, error);
}
