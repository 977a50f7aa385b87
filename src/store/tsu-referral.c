/* tsu-referral.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-case-private.h"
#include "tsu-date.h"
#include "tsu-history.h"
#include "tsu-paged-list.h"
#include "tsu-record-private.h"
#include "tsu-referral.h"

/* ---- vocabularies ----------------------------------------------------- */

static const char * const status_codes[] = {
  "sent", "accepted", "declined", "connected", "not-connected", "withdrawn",
};
/* The Japanese labels of CLI.md, accepted on input whatever the locale. */
static const char * const status_japanese[] = {
  "紹介済", "受入", "受入不可", "つながった", "つながらなかった", "取下げ",
};
/* Index 0 is "none": no code, never accepted on input. */
static const char * const reason_codes[] = {
  "", "unreachable", "refused", "no-capacity", "ineligible", "no-longer-needed", "other",
};
static const char * const reason_japanese[] = {
  "", "本人と連絡がとれない", "本人が希望しない", "受入枠なし", "対象外", "必要なくなった", "その他",
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_codes) == TSU_N_REFERRAL_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (status_japanese) == TSU_N_REFERRAL_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (reason_codes) == TSU_N_REASONS);
G_STATIC_ASSERT (G_N_ELEMENTS (reason_japanese) == TSU_N_REASONS);

const char *
tsu_referral_status_to_code (TsuReferralStatus status)
{
  g_return_val_if_fail (status < TSU_N_REFERRAL_STATUSES, "sent");
  return status_codes[status];
}

const char *
tsu_referral_status_to_label (TsuReferralStatus status)
{
  switch (status)
    {
    case TSU_REFERRAL_SENT:
      /* Translators: a referral's status (紹介済) */
      return C_("referral status", "Sent");
    case TSU_REFERRAL_ACCEPTED:
      /* Translators: a referral's status (受入) */
      return C_("referral status", "Accepted");
    case TSU_REFERRAL_DECLINED:
      /* Translators: a referral's status (受入不可) */
      return C_("referral status", "Declined");
    case TSU_REFERRAL_CONNECTED:
      /* Translators: a referral's status (つながった) */
      return C_("referral status", "Connected");
    case TSU_REFERRAL_NOT_CONNECTED:
      /* Translators: a referral's status (つながらなかった) */
      return C_("referral status", "Not connected");
    case TSU_REFERRAL_WITHDRAWN:
    case TSU_N_REFERRAL_STATUSES:
    default:
      /* Translators: a referral's status (取下げ) */
      return C_("referral status", "Withdrawn");
    }
}

static const char *
status_label (guint status)
{
  return tsu_referral_status_to_label (status);
}

gboolean
tsu_referral_status_from_text (const char        *text,
                               TsuReferralStatus *status)
{
  guint value;

  g_return_val_if_fail (status != NULL, FALSE);
  if (!tsu_vocabulary_lookup (text, status_codes, status_japanese, 0, TSU_N_REFERRAL_STATUSES,
                              status_label, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

gboolean
tsu_referral_status_is_open (TsuReferralStatus status)
{
  return status == TSU_REFERRAL_SENT || status == TSU_REFERRAL_ACCEPTED;
}

gboolean
tsu_referral_status_can_move (TsuReferralStatus from,
                              TsuReferralStatus to)
{
  switch (from)
    {
    case TSU_REFERRAL_SENT:
      return to == TSU_REFERRAL_ACCEPTED || to == TSU_REFERRAL_DECLINED || to == TSU_REFERRAL_WITHDRAWN;
    case TSU_REFERRAL_ACCEPTED:
      return to == TSU_REFERRAL_CONNECTED || to == TSU_REFERRAL_NOT_CONNECTED
             || to == TSU_REFERRAL_WITHDRAWN;
    case TSU_REFERRAL_DECLINED:
    case TSU_REFERRAL_CONNECTED:
    case TSU_REFERRAL_NOT_CONNECTED:
    case TSU_REFERRAL_WITHDRAWN:
    case TSU_N_REFERRAL_STATUSES:
    default:
      /* Closed referrals stay closed: a new attempt is a new referral. */
      return FALSE;
    }
}

gboolean
tsu_referral_status_needs_reason (TsuReferralStatus status)
{
  return status == TSU_REFERRAL_DECLINED || status == TSU_REFERRAL_NOT_CONNECTED;
}

/* A reason is kept with the statuses that need one, and may be given
 * when a referral is withdrawn ("no longer needed"). */
static gboolean
status_takes_reason (TsuReferralStatus status)
{
  return tsu_referral_status_needs_reason (status) || status == TSU_REFERRAL_WITHDRAWN;
}

const char *
tsu_referral_reason_to_code (TsuReferralReason reason)
{
  g_return_val_if_fail (reason < TSU_N_REASONS, "");
  return reason_codes[reason];
}

const char *
tsu_referral_reason_to_label (TsuReferralReason reason)
{
  switch (reason)
    {
    case TSU_REASON_UNREACHABLE:
      /* Translators: why a referral failed (本人と連絡がとれない) */
      return C_("referral reason", "The person could not be reached");
    case TSU_REASON_REFUSED:
      /* Translators: why a referral failed (本人が希望しない) */
      return C_("referral reason", "The person did not want it");
    case TSU_REASON_NO_CAPACITY:
      /* Translators: why a referral failed (受入枠なし) */
      return C_("referral reason", "No capacity");
    case TSU_REASON_INELIGIBLE:
      /* Translators: why a referral failed (対象外) */
      return C_("referral reason", "Not eligible");
    case TSU_REASON_NO_LONGER_NEEDED:
      /* Translators: why a referral failed (必要なくなった) */
      return C_("referral reason", "No longer needed");
    case TSU_REASON_OTHER:
      return C_("referral reason", "Other");
    case TSU_REASON_NONE:
    case TSU_N_REASONS:
    default:
      return "";
    }
}

static const char *
reason_label (guint reason)
{
  return tsu_referral_reason_to_label (reason);
}

gboolean
tsu_referral_reason_from_text (const char        *text,
                               TsuReferralReason *reason)
{
  guint value;

  g_return_val_if_fail (reason != NULL, FALSE);
  if (!tsu_vocabulary_lookup (text, reason_codes, reason_japanese, 1, TSU_N_REASONS,
                              reason_label, &value))
    return FALSE;
  *reason = value;
  return TRUE;
}

/* ---- the referral ----------------------------------------------------- */

typedef enum
{
  TEXT_CASE_CODE,
  TEXT_FROM,
  TEXT_TO,
  TEXT_REFERRED_ON,
  TEXT_DUE_ON,
  TEXT_CLOSED_ON,
  TEXT_OVERRIDE,
  N_TEXTS
} TextField;

static const char * const text_property_names[N_TEXTS] = {
  "case-code", "from", "to", "referred-on", "due-on", "closed-on", "override",
};

#define SELECT_COLUMNS \
  "SELECT r.id, r.version, r.case_id, r.status, r.reason, c.code, r.from_place, r.to_place," \
  " r.referred_on, r.due_on, r.closed_on, r.override FROM referrals r JOIN cases c ON c.id = r.case_id"
#define FIRST_TEXT_COLUMN 5
#define OPEN_SQL "r.status IN ('sent', 'accepted')"

struct _TsuReferral
{
  GObject            parent_instance;

  gint64             id;
  gint64             version;
  gint64             case_id;
  TsuReferralStatus  status;
  TsuReferralReason  reason;
  char              *text[N_TEXTS];
};

G_DEFINE_TYPE (TsuReferral, tsu_referral, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_TEXTS - 1,
  PROP_ID,
  PROP_CASE_ID,
  PROP_STATUS,
  PROP_REASON,
  PROP_OPEN,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tsu_referral_finalize (GObject *object)
{
  TsuReferral *self = TSU_REFERRAL (object);

  tsu_record_texts_free (self->text, N_TEXTS);

  G_OBJECT_CLASS (tsu_referral_parent_class)->finalize (object);
}

static void
set_text (TsuReferral *self,
          TextField    field,
          const char  *value)
{
  if (!tsu_record_set_text (G_OBJECT (self), &self->text[field], value,
                            properties[PROP_FIRST_TEXT + field]))
    return;
  if (field == TEXT_DUE_ON)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

static void
tsu_referral_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TsuReferral *self = TSU_REFERRAL (object);

  if (tsu_record_get_text_property (self->text, N_TEXTS, PROP_FIRST_TEXT, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_REASON:
      g_value_set_int (value, self->reason);
      break;
    case PROP_OPEN:
      g_value_set_boolean (value, tsu_referral_status_is_open (self->status));
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, tsu_referral_is_overdue (self, NULL));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_referral_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TsuReferral *self = TSU_REFERRAL (object);

  /* The case code comes from the case; it is not set here. */
  if (prop_id > PROP_FIRST_TEXT + TEXT_CASE_CODE && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_STATUS:
      tsu_referral_set_status (self, g_value_get_int (value));
      break;
    case PROP_REASON:
      tsu_referral_set_reason (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_referral_class_init (TsuReferralClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tsu_referral_finalize;
  object_class->get_property = tsu_referral_get_property;
  object_class->set_property = tsu_referral_set_property;

  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, NULL, i == TEXT_CASE_CODE ? read_only : flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties[PROP_CASE_ID] = g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, TSU_N_REFERRAL_STATUSES - 1,
                                              TSU_REFERRAL_SENT, flags);
  properties[PROP_REASON] = g_param_spec_int ("reason", NULL, NULL, 0, TSU_N_REASONS - 1,
                                              TSU_REASON_NONE, flags);
  properties[PROP_OPEN] = g_param_spec_boolean ("open", NULL, NULL, TRUE, read_only);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tsu_referral_init (TsuReferral *self)
{
  tsu_record_texts_init (self->text, N_TEXTS);
}

TsuReferral *
tsu_referral_new (gint64 case_id)
{
  TsuReferral *self = g_object_new (TSU_TYPE_REFERRAL, NULL);

  self->case_id = case_id;
  return self;
}

TsuReferral *
tsu_referral_copy (TsuReferral *self)
{
  TsuReferral *copy;

  g_return_val_if_fail (TSU_IS_REFERRAL (self), NULL);

  copy = tsu_referral_new (self->case_id);
  copy->id = self->id;
  copy->version = self->version;
  copy->status = self->status;
  copy->reason = self->reason;
  tsu_record_texts_copy (copy->text, self->text, N_TEXTS);
  return copy;
}

#define TEXT_GETTER(lower, UPPER)                         \
  const char *                                            \
  tsu_referral_get_##lower (TsuReferral *self)            \
  {                                                       \
    g_return_val_if_fail (TSU_IS_REFERRAL (self), NULL);  \
    return self->text[TEXT_##UPPER];                      \
  }
#define TEXT_SETTER(lower, UPPER)                         \
  void                                                    \
  tsu_referral_set_##lower (TsuReferral *self,            \
                            const char  *value)           \
  {                                                       \
    g_return_if_fail (TSU_IS_REFERRAL (self));            \
    set_text (self, TEXT_##UPPER, value);                 \
  }

TEXT_GETTER (case_code, CASE_CODE)
TEXT_GETTER (from, FROM)
TEXT_SETTER (from, FROM)
TEXT_GETTER (to, TO)
TEXT_SETTER (to, TO)
TEXT_GETTER (referred_on, REFERRED_ON)
TEXT_SETTER (referred_on, REFERRED_ON)
TEXT_GETTER (due_on, DUE_ON)
TEXT_SETTER (due_on, DUE_ON)
TEXT_GETTER (closed_on, CLOSED_ON)
TEXT_SETTER (closed_on, CLOSED_ON)
TEXT_GETTER (override, OVERRIDE)
TEXT_SETTER (override, OVERRIDE)

gint64
tsu_referral_get_id (TsuReferral *self)
{
  g_return_val_if_fail (TSU_IS_REFERRAL (self), 0);
  return self->id;
}

gint64
tsu_referral_get_version (TsuReferral *self)
{
  g_return_val_if_fail (TSU_IS_REFERRAL (self), 0);
  return self->version;
}

gint64
tsu_referral_get_case_id (TsuReferral *self)
{
  g_return_val_if_fail (TSU_IS_REFERRAL (self), 0);
  return self->case_id;
}

TsuReferralStatus
tsu_referral_get_status (TsuReferral *self)
{
  g_return_val_if_fail (TSU_IS_REFERRAL (self), TSU_REFERRAL_SENT);
  return self->status;
}

void
tsu_referral_set_status (TsuReferral       *self,
                         TsuReferralStatus  status)
{
  gboolean was_open;

  g_return_if_fail (TSU_IS_REFERRAL (self));
  g_return_if_fail (status < TSU_N_REFERRAL_STATUSES);
  if (self->status == status)
    return;
  was_open = tsu_referral_status_is_open (self->status);
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (was_open != tsu_referral_status_is_open (status))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
    }
}

TsuReferralReason
tsu_referral_get_reason (TsuReferral *self)
{
  g_return_val_if_fail (TSU_IS_REFERRAL (self), TSU_REASON_NONE);
  return self->reason;
}

void
tsu_referral_set_reason (TsuReferral       *self,
                         TsuReferralReason  reason)
{
  g_return_if_fail (TSU_IS_REFERRAL (self));
  g_return_if_fail (reason < TSU_N_REASONS);
  if (self->reason == reason)
    return;
  self->reason = reason;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

gboolean
tsu_referral_is_overdue (TsuReferral *self,
                         const char  *today_iso)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (TSU_IS_REFERRAL (self), FALSE);

  if (!tsu_referral_status_is_open (self->status) || *self->text[TEXT_DUE_ON] == '\0')
    return FALSE;
  if (today_iso == NULL)
    today_iso = today = tsu_date_today_iso ();
  /* ISO dates compare as text. */
  return strcmp (self->text[TEXT_DUE_ON], today_iso) < 0;
}

char *
tsu_referral_default_due_on (const char *referred_on_iso)
{
  GDate date;

  if (!tsu_date_from_iso (referred_on_iso, &date))
    return NULL;
  g_date_add_days (&date, TSU_REFERRAL_DEFAULT_DUE_DAYS);
  return tsu_date_to_iso (&date);
}

static gboolean
optional_date_is_valid (const char *iso)
{
  GDate date;

  return *iso == '\0' || tsu_date_from_iso (iso, &date);
}

GPtrArray *
tsu_referral_validate (TsuReferral *self,
                       TsuCase     *referral_case)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  const char *referred_on;
  GDate date;
  gboolean referred_valid;

  g_return_val_if_fail (TSU_IS_REFERRAL (self), problems);
  g_return_val_if_fail (referral_case == NULL || TSU_IS_CASE (referral_case), problems);

  referred_on = self->text[TEXT_REFERRED_ON];
  referred_valid = tsu_date_from_iso (referred_on, &date);

  if (self->case_id <= 0 && referral_case == NULL)
    g_ptr_array_add (problems, tsu_field_problem_new ("case-id", _("A referral belongs to a case.")));
  if (*self->text[TEXT_FROM] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("from",
                     _("Enter who makes the referral: an organisation or a ward office.")));
  if (*self->text[TEXT_TO] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("to",
                     _("Enter who the person is referred to: an organisation or a ward office.")));
  if (!referred_valid)
    g_ptr_array_add (problems, tsu_field_problem_new ("referred-on", _("Enter the date of the referral.")));
  else if (referral_case != NULL && *tsu_case_get_received_on (referral_case) != '\0'
           && strcmp (referred_on, tsu_case_get_received_on (referral_case)) < 0)
    g_ptr_array_add (problems, tsu_field_problem_new ("referred-on",
                     _("The referral cannot be made before the case was received.")));

  if (!optional_date_is_valid (self->text[TEXT_DUE_ON]))
    g_ptr_array_add (problems, tsu_field_problem_new ("due-on", _("The due date is not a valid date.")));
  else if (referred_valid && *self->text[TEXT_DUE_ON] != '\0'
           && strcmp (self->text[TEXT_DUE_ON], referred_on) < 0)
    g_ptr_array_add (problems, tsu_field_problem_new ("due-on",
                     _("The answer cannot be due before the referral was made.")));

  if (!optional_date_is_valid (self->text[TEXT_CLOSED_ON]))
    g_ptr_array_add (problems, tsu_field_problem_new ("closed-on", _("The closing date is not a valid date.")));
  else if (referred_valid && *self->text[TEXT_CLOSED_ON] != '\0'
           && strcmp (self->text[TEXT_CLOSED_ON], referred_on) < 0)
    g_ptr_array_add (problems, tsu_field_problem_new ("closed-on",
                     _("A referral cannot end before it was made.")));

  if (tsu_referral_status_needs_reason (self->status) && self->reason == TSU_REASON_NONE)
    g_ptr_array_add (problems, tsu_field_problem_new ("reason",
                     _("Choose why the referral was declined or did not connect.")));
  else if (!status_takes_reason (self->status) && self->reason != TSU_REASON_NONE)
    g_ptr_array_add (problems, tsu_field_problem_new ("reason",
                     _("Only a declined, not connected or withdrawn referral has a reason.")));

  /* Sharing is decided when the referral is made: a later change of the
   * case's consent does not stop the referral from being closed. */
  if (self->id == 0 && referral_case != NULL && !tsu_case_may_share (referral_case)
      && *self->text[TEXT_OVERRIDE] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("override",
                     _("The person has not consented and there is no other legal basis for sharing. Give the reason for referring anyway.")));
  return problems;
}

/* ---- history ---------------------------------------------------------- */

static const char * const history_fields[] = {
  "from", "to", "referred_on", "due_on", "status", "reason", "closed_on", "override",
};
#define N_HISTORY_FIELDS G_N_ELEMENTS (history_fields)

static char **
history_values (TsuReferral *self)
{
  char **values = g_new0 (char *, N_HISTORY_FIELDS + 1);
  guint i = 0;

#define TEXT_OR_NULL(t) (*(t) != '\0' ? g_strdup (t) : NULL)
  values[i++] = TEXT_OR_NULL (self->text[TEXT_FROM]);
  values[i++] = TEXT_OR_NULL (self->text[TEXT_TO]);
  values[i++] = TEXT_OR_NULL (self->text[TEXT_REFERRED_ON]);
  values[i++] = TEXT_OR_NULL (self->text[TEXT_DUE_ON]);
  values[i++] = g_strdup (status_codes[self->status]);
  values[i++] = self->reason != TSU_REASON_NONE ? g_strdup (reason_codes[self->reason]) : NULL;
  values[i++] = TEXT_OR_NULL (self->text[TEXT_CLOSED_ON]);
  /* The override's reason is the record the law asks for: kept in full. */
  values[i++] = TEXT_OR_NULL (self->text[TEXT_OVERRIDE]);
#undef TEXT_OR_NULL
  g_assert (i == N_HISTORY_FIELDS);
  return values;
}

/* Empty fields are NULL, so g_strfreev() would stop at the first one
 * and leak the rest. */
typedef char **HistoryValues;

static void
history_values_free (HistoryValues values)
{
  for (guint i = 0; i < N_HISTORY_FIELDS; i++)
    g_free (values[i]);
  g_free (values);
}
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (HistoryValues, history_values_free, NULL)

static gboolean
write_history (TsuDatabase  *db,
               TsuReferral  *stored,
               TsuReferral  *self,
               GError      **error)
{
  g_auto(HistoryValues) before = stored ? history_values (stored) : NULL;
  g_auto(HistoryValues) after = history_values (self);
  const char *fields[N_HISTORY_FIELDS];
  const char *old_values[N_HISTORY_FIELDS];
  const char *new_values[N_HISTORY_FIELDS];
  guint n = 0;

  for (guint i = 0; i < N_HISTORY_FIELDS; i++)
    {
      const char *old_value = before ? before[i] : NULL;

      if (g_strcmp0 (old_value, after[i]) != 0)
        {
          fields[n] = history_fields[i];
          old_values[n] = old_value;
          new_values[n] = after[i];
          n++;
        }
    }
  return tsu_history_add_fields (db, self->case_id, "referral", self->id, fields, old_values, new_values, n,
                                 error);
}

/* ---- loading ---------------------------------------------------------- */

static gpointer
read_row (sqlite3_stmt *stmt)
{
  TsuReferral *self = tsu_referral_new (sqlite3_column_int64 (stmt, 2));
  guint value;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->version = sqlite3_column_int64 (stmt, 1);
  if (tsu_vocabulary_lookup ((const char *) sqlite3_column_text (stmt, 3), status_codes, NULL,
                             0, TSU_N_REFERRAL_STATUSES, NULL, &value))
    self->status = value;
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL
      && tsu_vocabulary_lookup ((const char *) sqlite3_column_text (stmt, 4), reason_codes, NULL,
                                1, TSU_N_REASONS, NULL, &value))
    self->reason = value;
  tsu_record_texts_read (self->text, N_TEXTS, stmt, FIRST_TEXT_COLUMN);
  return self;
}

static GPtrArray *
load_rows (TsuDatabase  *db,
           const char   *sql,
           const char   *first,
           const char   *second,
           gint64        number,
           GError      **error)
{
  sqlite3_stmt *stmt = tsu_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  if (first != NULL)
    sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  else if (number != 0)
    sqlite3_bind_int64 (stmt, 1, number);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  return tsu_record_load_rows (db, stmt, read_row, error);
}

GPtrArray *
tsu_referral_load_for_case (TsuDatabase  *db,
                            gint64        case_id,
                            GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  return load_rows (db, SELECT_COLUMNS " WHERE r.case_id = ? ORDER BY r.referred_on, r.id",
                    NULL, NULL, case_id, error);
}

GPtrArray *
tsu_referral_load_all (TsuDatabase  *db,
                       GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  return load_rows (db,
                    SELECT_COLUMNS " ORDER BY (" OPEN_SQL ") DESC,"
                    " CASE WHEN " OPEN_SQL " THEN r.due_on END, r.referred_on DESC, r.id DESC",
                    NULL, NULL, 0, error);
}

GPtrArray *
tsu_referral_load_for_fiscal_year (TsuDatabase  *db,
                                   int           year,
                                   GError      **error)
{
  char first[11], last[11];

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  tsu_fiscal_year_bounds (year, first, last);
  return load_rows (db,
                    SELECT_COLUMNS " WHERE r.referred_on BETWEEN ?1 AND ?2 ORDER BY r.referred_on, r.id",
                    first, last, 0, error);
}

TsuReferral *
tsu_referral_load_by_id (TsuDatabase  *db,
                         gint64        id,
                         GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  rows = load_rows (db, SELECT_COLUMNS " WHERE r.id = ?", NULL, NULL, id, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                   _("The referral no longer exists."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

static gint64
referral_id (gpointer row)
{
  return tsu_referral_get_id (row);
}

GPtrArray *
tsu_referral_load_by_ids (TsuDatabase   *db,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  stmt = tsu_database_prepare (db, SELECT_COLUMNS " WHERE r.id IN (SELECT value FROM json_each (?))", error);
  if (stmt == NULL)
    return NULL;
  json = tsu_ids_to_json (ids, n_ids);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  rows = tsu_record_load_rows (db, stmt, read_row, error);
  if (rows == NULL)
    return NULL;
  return tsu_ids_order_rows (rows, ids, n_ids, referral_id);
}

/* A vocabulary code as stored, by exact match: the database holds codes
 * only, and this runs for every row of an export. */
static guint
code_index (const char         *code,
            const char * const *codes,
            guint               first,
            guint               n,
            guint               otherwise)
{
  for (guint i = first; code != NULL && i < n; i++)
    if (strcmp (code, codes[i]) == 0)
      return i;
  return otherwise;
}

gboolean
tsu_referral_foreach_in_fiscal_year (TsuDatabase         *db,
                                     int                  year,
                                     TsuReferralRowFunc   func,
                                     gpointer             user_data,
                                     GError             **error)
{
  char first[11], last[11];
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  tsu_fiscal_year_bounds (year, first, last);
  stmt = tsu_database_prepare (db,
                               "SELECT c.code, c.received_on, r.referred_on, r.closed_on, r.from_place,"
                               " r.to_place, c.ward, c.age_band, c.concerns, c.foreign_resident, r.status,"
                               " r.reason FROM referrals r JOIN cases c ON c.id = r.case_id"
                               " WHERE r.referred_on BETWEEN ?1 AND ?2 ORDER BY r.referred_on, r.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
#define TEXT(column) (sqlite3_column_type (stmt, column) == SQLITE_NULL ? "" \
                      : (const char *) sqlite3_column_text (stmt, column))
      TsuReferralRow row = {
        .case_code = TEXT (0),
        .received_on = TEXT (1),
        .referred_on = TEXT (2),
        .closed_on = TEXT (3),
        .from = TEXT (4),
        .to = TEXT (5),
        .concerns = (guint) sqlite3_column_int (stmt, 8) & ((1u << TSU_N_CONCERNS) - 1),
        .foreign_resident = sqlite3_column_int (stmt, 9) != 0,
        .status = code_index ((const char *) sqlite3_column_text (stmt, 10), status_codes,
                              0, TSU_N_REFERRAL_STATUSES, TSU_REFERRAL_SENT),
        .reason = code_index ((const char *) sqlite3_column_text (stmt, 11), reason_codes,
                              1, TSU_N_REASONS, TSU_REASON_NONE),
      };
#undef TEXT

      /* Codes, which the vocabularies' lookups match first. */
      if (sqlite3_column_type (stmt, 6) == SQLITE_NULL
          || !tsu_ward_from_text ((const char *) sqlite3_column_text (stmt, 6), &row.ward))
        row.ward = TSU_WARD_NONE;
      if (!tsu_age_band_from_text ((const char *) sqlite3_column_text (stmt, 7), &row.age_band))
        row.age_band = TSU_AGE_UNKNOWN;
      ok = func (&row, user_data, error);
    }
  sqlite3_reset (stmt);
  if (!ok)
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      tsu_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- saving ----------------------------------------------------------- */

/* Inserts a new referral (id 0) or updates the stored one at its
 * version. */
static gboolean
write_row (TsuReferral  *self,
           TsuDatabase  *db,
           GError      **error)
{
  sqlite3_stmt *stmt;

  if (self->id == 0)
    stmt = tsu_database_prepare (db,
      "INSERT INTO referrals (case_id, status, reason, from_place, to_place, referred_on, due_on,"
      " closed_on, override) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  else
    stmt = tsu_database_prepare (db,
      "UPDATE referrals SET case_id = ?1, status = ?2, reason = ?3, from_place = ?4, to_place = ?5,"
      " referred_on = ?6, due_on = ?7, closed_on = ?8, override = ?9, version = version + 1,"
      " updated_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now')"
      " WHERE id = ?10 AND version = ?11", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->case_id);
  sqlite3_bind_text (stmt, 2, status_codes[self->status], -1, SQLITE_STATIC);
  tsu_bind_text (stmt, 3, reason_codes[self->reason]);
  tsu_record_texts_bind (stmt, 4, self->text + TEXT_FROM, N_TEXTS - TEXT_FROM);
  if (self->id != 0)
    {
      sqlite3_bind_int64 (stmt, 10, self->id);
      sqlite3_bind_int64 (stmt, 11, self->version);
    }
  return tsu_database_step_done (db, stmt, error);
}

gboolean
tsu_referral_save (TsuReferral  *self,
                   TsuDatabase  *db,
                   GError      **error)
{
  g_autoptr(TsuCase) referral_case = NULL;
  g_autoptr(TsuReferral) stored = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *due_before = NULL;

  g_return_val_if_fail (TSU_IS_REFERRAL (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  if (!tsu_database_begin (db, error))
    return FALSE;
  due_before = g_strdup (self->text[TEXT_DUE_ON]);

  referral_case = tsu_case_load_by_id (db, self->case_id, &local_error);
  if (referral_case == NULL)
    {
      g_set_error_literal (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                           _("The case of the referral no longer exists."));
      goto fail;
    }

  problems = tsu_referral_validate (self, referral_case);
  if (!tsu_record_check_problems (problems, error))
    goto fail;

  if (self->id != 0)
    {
      stored = tsu_referral_load_by_id (db, self->id, &local_error);
      if (stored == NULL || stored->version != self->version)
        {
          g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT,
                       _("The referral of case %s was changed by someone else since you opened it. Reload it and make your change again."),
                       tsu_case_get_code (referral_case));
          goto fail;
        }
    }

  if (*self->text[TEXT_DUE_ON] == '\0')
    {
      g_autofree char *due = tsu_referral_default_due_on (self->text[TEXT_REFERRED_ON]);
      set_text (self, TEXT_DUE_ON, due);
    }

  if (!write_row (self, db, error))
    goto fail;

  if (self->id == 0)
    self->id = sqlite3_last_insert_rowid (tsu_database_get_handle (db));
  else if (sqlite3_changes (tsu_database_get_handle (db)) == 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT,
                   _("The referral of case %s was changed by someone else since you opened it. Reload it and make your change again."),
                   tsu_case_get_code (referral_case));
      goto fail;
    }

  if (!write_history (db, stored, self, error))
    goto fail;
  if (!tsu_database_commit (db, error))
    goto undo;

  self->version = stored ? self->version + 1 : 1;
  set_text (self, TEXT_CASE_CODE, tsu_case_get_code (referral_case));
  if (stored == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  tsu_database_emit_changed (db, "referrals");
  return TRUE;

fail:
  tsu_database_rollback (db);
undo:
  if (stored == NULL)
    self->id = 0;
  set_text (self, TEXT_DUE_ON, due_before);
  return FALSE;
}

gboolean
tsu_referral_insert_in_transaction (TsuReferral  *self,
                                    TsuCase      *referral_case,
                                    TsuDatabase  *db,
                                    GError      **error)
{
  g_return_val_if_fail (TSU_IS_REFERRAL (self), FALSE);
  g_return_val_if_fail (TSU_IS_CASE (referral_case), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (self->id == 0, FALSE);
  g_return_val_if_fail (self->case_id == tsu_case_get_id (referral_case), FALSE);

  /* As tsu_referral_save() without its savepoint and without loading the
   * case again: the caller has both, and has validated the referral
   * against the case. */
  if (*self->text[TEXT_DUE_ON] == '\0')
    {
      g_autofree char *due = tsu_referral_default_due_on (self->text[TEXT_REFERRED_ON]);
      set_text (self, TEXT_DUE_ON, due);
    }
  if (!write_row (self, db, error))
    return FALSE;
  self->id = sqlite3_last_insert_rowid (tsu_database_get_handle (db));
  if (!write_history (db, NULL, self, error))
    {
      self->id = 0;
      return FALSE;
    }
  self->version = 1;
  set_text (self, TEXT_CASE_CODE, tsu_case_get_code (referral_case));
  return TRUE;
}

gboolean
tsu_referral_move (TsuReferral        *self,
                   TsuDatabase        *db,
                   TsuReferralStatus   status,
                   TsuReferralReason   reason,
                   const char         *on_iso,
                   GError            **error)
{
  TsuReferralStatus old_status;
  TsuReferralReason old_reason;
  g_autofree char *old_closed_on = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (TSU_IS_REFERRAL (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (status < TSU_N_REFERRAL_STATUSES, FALSE);
  g_return_val_if_fail (reason < TSU_N_REASONS, FALSE);

  if (!tsu_referral_status_can_move (self->status, status))
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                   /* Translators: the statuses of a referral, e.g. “Sent”
                    * and “Connected” */
                   _("A referral that is “%s” cannot become “%s”."),
                   tsu_referral_status_to_label (self->status), tsu_referral_status_to_label (status));
      return FALSE;
    }
  if (tsu_referral_status_needs_reason (status) && reason == TSU_REASON_NONE)
    {
      g_set_error_literal (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                           _("Choose why the referral was declined or did not connect."));
      return FALSE;
    }

  old_status = self->status;
  old_reason = self->reason;
  old_closed_on = g_strdup (self->text[TEXT_CLOSED_ON]);

  tsu_referral_set_status (self, status);
  tsu_referral_set_reason (self, status_takes_reason (status) ? reason : TSU_REASON_NONE);
  if (!tsu_referral_status_is_open (status))
    {
      if (on_iso == NULL)
        on_iso = today = tsu_date_today_iso ();
      set_text (self, TEXT_CLOSED_ON, on_iso);
    }

  if (!tsu_referral_save (self, db, error))
    {
      tsu_referral_set_status (self, old_status);
      tsu_referral_set_reason (self, old_reason);
      set_text (self, TEXT_CLOSED_ON, old_closed_on);
      return FALSE;
    }
  return TRUE;
}
