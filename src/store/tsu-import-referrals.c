/* tsu-import-referrals.c: the referrals file of the CSV import (CLI.md,
 * "CSV files"), all or nothing, through the shared machinery of
 * tsu-import-private.h.
 *
 * A row is one referral and carries the fields of its case, which is
 * named by its code: the first row of a case in the file creates (or,
 * with --update, changes) the case, and every later row of the same case
 * must give the same case fields. A case already in the database is a
 * bad row unless the import updates; then a referral of that case with
 * the same organisations and date is that referral, and is updated.
 *
 * The sender and receiver are organisations of the directory (matched
 * by name with or without legal form) or ward counters (門司区役所); the
 * entrance may also be some other place, written as it is.
 *
 * A file cannot give the written override that lets a referral go
 * without consent or legal basis: such a row is bad, and the referral
 * is to be made in the window. Notes are sensitive and never appear in
 * any message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-case-private.h"
#include "tsu-date.h"
#include "tsu-import-private.h"
#include "tsu-import-referrals.h"
#include "tsu-kana.h"
#include "tsu-organization.h"
#include "tsu-referral.h"

#ifndef TSU_REFERRAL_DEFAULT_DUE_DAYS
/* Until the preference exists: an answer is due two weeks later. */
#define TSU_REFERRAL_DEFAULT_DUE_DAYS 14
#endif

enum
{
  COL_CASE,
  COL_RECEIVED_ON,
  COL_ENTRANCE,
  COL_WARD,
  COL_AGE_BAND,
  COL_FOREIGN_RESIDENT,
  COL_LANGUAGE,
  COL_CONCERNS,
  COL_CONSENT,
  COL_LEGAL_BASIS,
  COL_FROM,
  COL_TO,
  COL_REFERRED_ON,
  COL_STATUS,
  COL_REASON,
  COL_CLOSED_ON,
  COL_NOTES,
  N_COLUMNS
};

/* Japanese names are fixed by the CSV contract, not translations. */
static const TsuImportColumn referral_columns[N_COLUMNS] = {
  [COL_CASE]             = { "case", { "ケース番号", "ケース", NULL }, TRUE },
  [COL_RECEIVED_ON]      = { "received_on", { "受付日", NULL }, TRUE },
  [COL_ENTRANCE]         = { "entrance", { "受付団体", "入口", NULL }, TRUE },
  [COL_WARD]             = { "ward", { "区", NULL }, FALSE },
  [COL_AGE_BAND]         = { "age_band", { "年代", NULL }, FALSE },
  [COL_FOREIGN_RESIDENT] = { "foreign_resident", { "外国籍等", NULL }, FALSE },
  [COL_LANGUAGE]         = { "language", { "言語", NULL }, FALSE },
  [COL_CONCERNS]         = { "concerns", { "相談内容", NULL }, FALSE },
  [COL_CONSENT]          = { "consent", { "本人同意", NULL }, FALSE },
  [COL_LEGAL_BASIS]      = { "legal_basis", { "根拠", NULL }, FALSE },
  [COL_FROM]             = { "from", { "紹介元", NULL }, TRUE },
  [COL_TO]               = { "to", { "紹介先", NULL }, TRUE },
  [COL_REFERRED_ON]      = { "referred_on", { "紹介日", NULL }, TRUE },
  [COL_STATUS]           = { "status", { "状態", NULL }, FALSE },
  [COL_REASON]           = { "reason", { "理由", NULL }, FALSE },
  [COL_CLOSED_ON]        = { "closed_on", { "終了日", NULL }, FALSE },
  [COL_NOTES]            = { "notes", { "メモ", "備考", NULL }, FALSE },
};

G_STATIC_ASSERT (N_COLUMNS <= TSU_IMPORT_MAX_COLUMNS);

/* The case columns, which every row of one case must give alike. */
static const int case_columns[] = {
  COL_RECEIVED_ON, COL_ENTRANCE, COL_WARD, COL_AGE_BAND, COL_FOREIGN_RESIDENT,
  COL_LANGUAGE, COL_CONCERNS, COL_CONSENT, COL_LEGAL_BASIS, COL_NOTES,
};

/* A case's fields as one row gives them. */
typedef struct
{
  char          *received_on;  /* ISO, NULL when missing or bad */
  char          *entrance;
  TsuWard        ward;
  TsuAgeBand     age_band;
  gboolean       foreign_resident;
  char          *language;
  guint          concerns;
  TsuConsent     consent;
  TsuLegalBasis  legal_basis;
  char          *notes;
} CaseFields;

static void
case_fields_clear (CaseFields *fields)
{
  g_clear_pointer (&fields->received_on, g_free);
  g_clear_pointer (&fields->entrance, g_free);
  g_clear_pointer (&fields->language, g_free);
  g_clear_pointer (&fields->notes, g_free);
}

/* A case the file names: its first line, its fields there, and the case
 * as saved (NULL while its first row was bad). */
typedef struct
{
  guint       first_line;
  CaseFields  fields;
  TsuCase    *saved;
  /* The case was in the database before this file. */
  gboolean    existed;
  GPtrArray  *referrals;  /* its referrals in the database, for --update */
} CaseEntry;

static void
case_entry_free (CaseEntry *entry)
{
  case_fields_clear (&entry->fields);
  g_clear_object (&entry->saved);
  g_clear_pointer (&entry->referrals, g_ptr_array_unref);
  g_free (entry);
}

typedef struct
{
  GHashTable *places;     /* organisation key → display name */
  /* A cell's text → the organisation or ward counter it names, or ""
   * for neither: the same few dozen names fill the place columns of
   * every row. */
  GHashTable *named_places;
  GHashTable *cases;      /* normalised code → CaseEntry */
  GHashTable *referrals;  /* "CODE\nFROM\nTO\nDATE" → first line */
} ReferralsData;

/* The key an organisation is matched by: its name without legal form,
 * normalised, as tsu-import.c matches organisations. */
static char *
organization_key (const char *name)
{
  g_autofree char *bare = NULL;

  tsu_legal_form_split (name, NULL, &bare);
  return tsu_kana_normalize (bare != NULL ? bare : name);
}

static GHashTable *
load_places (TsuDatabase  *db,
             GError      **error)
{
  g_autoptr(GPtrArray) all = tsu_organization_load_all (db, error);
  GHashTable *places;

  if (all == NULL)
    return NULL;
  places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < all->len; i++)
    {
      TsuOrganization *org = g_ptr_array_index (all, i);

      g_hash_table_insert (places, organization_key (tsu_organization_get_name (org)),
                           tsu_organization_dup_display_name (org));
    }
  return places;
}

/* "門司区役所" (also "門司区 役所", full-width spaces and all) as the
 * ward counter's one spelling, or NULL. */
static char *
ward_counter (const char *text)
{
  g_autofree char *normal = tsu_import_normalize (text);
  TsuWard ward;

  if (!g_str_has_suffix (normal, "役所"))
    return NULL;
  normal[strlen (normal) - strlen ("役所")] = '\0';
  g_strstrip (normal);
  if (!tsu_ward_from_text (normal, &ward) || ward == TSU_WARD_NONE)
    return NULL;
  return g_strconcat (tsu_ward_to_name (ward), "役所", NULL);
}

/* The organisation or ward counter the cell names, as the store writes
 * it; with @other_allowed anything else is kept as written, otherwise
 * it is reported and NULL. An empty cell is reported as missing. */
static char *
parse_place (TsuImport     *imp,
             ReferralsData *data,
             TsuCsvRecord  *record,
             int            column,
             gboolean       other_allowed)
{
  const char *text = tsu_import_cell (imp, record, column);
  g_autofree char *key = NULL;
  char *place;

  if (*text == '\0')
    {
      if (column == COL_ENTRANCE)
        tsu_import_problem (imp, record->line, column,
                            _("Enter where the person first came: an organisation, a ward counter like 門司区役所, or another place."));
      else if (column == COL_FROM)
        tsu_import_problem (imp, record->line, column,
                            _("Enter the organisation or ward counter that made the referral."));
      else
        tsu_import_problem (imp, record->line, column,
                            _("Enter the organisation or ward counter the case was referred to."));
      return NULL;
    }
  place = g_hash_table_lookup (data->named_places, text);
  if (place == NULL)
    {
      place = ward_counter (text);
      if (place == NULL)
        {
          key = organization_key (text);
          place = g_strdup (g_hash_table_lookup (data->places, key));
        }
      if (place == NULL)
        place = g_strdup ("");
      g_hash_table_insert (data->named_places, g_strdup (text), place);
    }
  if (*place != '\0')
    return g_strdup (place);
  if (other_allowed)
    return tsu_import_normalize (text);
  tsu_import_problem (imp, record->line, column,
                      _("There is no organisation called “%s”. Import the organisations first, or write a ward counter like 門司区役所."),
                      text);
  return NULL;
}

static gboolean
parse_yes_no (const char *text,
              guint      *value)
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

/* The vocabularies' parsers in the form tsu_import_lookup() remembers. */
#define VOCABULARY_PARSER(name, Type, from_text)  \
  static gboolean                                 \
  name (const char *text,                         \
        guint      *value)                        \
  {                                               \
    Type parsed;                                  \
                                                  \
    if (!from_text (text, &parsed))               \
      return FALSE;                               \
    *value = parsed;                              \
    return TRUE;                                  \
  }

VOCABULARY_PARSER (parse_ward, TsuWard, tsu_ward_from_text)
VOCABULARY_PARSER (parse_age_band, TsuAgeBand, tsu_age_band_from_text)
VOCABULARY_PARSER (parse_consent, TsuConsent, tsu_consent_from_text)
VOCABULARY_PARSER (parse_legal_basis, TsuLegalBasis, tsu_legal_basis_from_text)
VOCABULARY_PARSER (parse_status, TsuReferralStatus, tsu_referral_status_from_text)
VOCABULARY_PARSER (parse_reason, TsuReferralReason, tsu_referral_reason_from_text)

static gboolean
parse_concerns (const char *text,
                guint      *value)
{
  return tsu_concerns_parse (text, value, NULL);
}

/* A date that must be there. */
static char *
parse_required_date (TsuImport    *imp,
                     TsuCsvRecord *record,
                     int           column,
                     const char   *missing)
{
  char *iso = NULL;

  if (*tsu_import_cell (imp, record, column) == '\0')
    tsu_import_problem (imp, record->line, column, "%s", missing);
  else
    tsu_import_parse_date (imp, record, column, &iso);
  return iso;
}

/* The case's fields as the row gives them; bad cells are reported. */
static void
parse_case_fields (TsuImport     *imp,
                   ReferralsData *data,
                   TsuCsvRecord  *record,
                   CaseFields    *fields)
{
  const char *text;
  guint value;

  fields->received_on = parse_required_date (imp, record, COL_RECEIVED_ON,
                                             _("Enter the date the case was received, like 2023-12-14 or 令和5年12月14日."));
  fields->entrance = parse_place (imp, data, record, COL_ENTRANCE, TRUE);

  fields->ward = TSU_WARD_NONE;
  text = tsu_import_cell (imp, record, COL_WARD);
  if (*text != '\0' && !tsu_import_lookup (imp, COL_WARD, text, parse_ward, &value))
    tsu_import_problem (imp, record->line, COL_WARD,
                        _("“%s” is not a ward of Kitakyushu. Write one of 門司区 小倉北区 小倉南区 若松区 八幡東区 八幡西区 戸畑区, or leave it empty."),
                        text);
  else if (*text != '\0')
    fields->ward = value;

  fields->age_band = TSU_AGE_UNKNOWN;
  text = tsu_import_cell (imp, record, COL_AGE_BAND);
  if (*text != '\0' && !tsu_import_lookup (imp, COL_AGE_BAND, text, parse_age_band, &value))
    tsu_import_problem (imp, record->line, COL_AGE_BAND,
                        _("“%s” is not an age band. Write under-20, 20s … 70s, 80-plus or unknown (20歳未満, 20代 … 70代, 80歳以上, 不明)."),
                        text);
  else if (*text != '\0')
    fields->age_band = value;

  fields->foreign_resident = FALSE;
  text = tsu_import_cell (imp, record, COL_FOREIGN_RESIDENT);
  if (*text != '\0' && !tsu_import_lookup (imp, COL_FOREIGN_RESIDENT, text, parse_yes_no, &value))
    tsu_import_problem (imp, record->line, COL_FOREIGN_RESIDENT,
                        _("“%s” is neither yes nor no (はい or いいえ)."), text);
  else if (*text != '\0')
    fields->foreign_resident = value;

  fields->language = tsu_import_normalize (tsu_import_cell (imp, record, COL_LANGUAGE));

  fields->concerns = 0;
  text = tsu_import_cell (imp, record, COL_CONCERNS);
  if (*text != '\0' && tsu_import_lookup (imp, COL_CONCERNS, text, parse_concerns, &value))
    fields->concerns = value;
  else if (*text != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      /* Again, for the message that says which concern is unknown. */
      if (!tsu_concerns_parse (text, &fields->concerns, &local_error))
        tsu_import_problem (imp, record->line, COL_CONCERNS, "%s",
                            local_error != NULL ? local_error->message
                                                : _("Write the concerns from the list of CLI.md, separated by ; or 、."));
    }

  fields->consent = TSU_CONSENT_PENDING;
  text = tsu_import_cell (imp, record, COL_CONSENT);
  if (*text != '\0' && !tsu_import_lookup (imp, COL_CONSENT, text, parse_consent, &value))
    tsu_import_problem (imp, record->line, COL_CONSENT,
                        _("“%s” is not an answer about consent. Write yes, no or pending (はい, いいえ, 確認中)."), text);
  else if (*text != '\0')
    fields->consent = value;

  /* Consent given is itself the legal basis when the file names none. */
  fields->legal_basis = fields->consent == TSU_CONSENT_YES ? TSU_LEGAL_BASIS_CONSENT : TSU_LEGAL_BASIS_NONE;
  text = tsu_import_cell (imp, record, COL_LEGAL_BASIS);
  if (*text != '\0' && tsu_import_lookup (imp, COL_LEGAL_BASIS, text, parse_legal_basis, &value))
    fields->legal_basis = value;
  else if (*text != '\0')
    tsu_import_problem (imp, record->line, COL_LEGAL_BASIS,
                        _("“%s” is not a legal basis for sharing. Write consent, support-meeting, council or vital-interest (本人同意, 支援会議, 孤独・孤立対策地域協議会, 生命・身体の保護)."),
                        text);

  fields->notes = g_strdup (tsu_import_cell (imp, record, COL_NOTES));
}

/* Whether @a and @b give the case column @column differently. */
static gboolean
column_differs (const CaseFields *a,
                const CaseFields *b,
                int               column)
{
  switch (column)
    {
    case COL_RECEIVED_ON:
      return g_strcmp0 (a->received_on, b->received_on) != 0;
    case COL_ENTRANCE:
      return g_strcmp0 (a->entrance, b->entrance) != 0;
    case COL_WARD:
      return a->ward != b->ward;
    case COL_AGE_BAND:
      return a->age_band != b->age_band;
    case COL_FOREIGN_RESIDENT:
      return a->foreign_resident != b->foreign_resident;
    case COL_LANGUAGE:
      return g_strcmp0 (a->language, b->language) != 0;
    case COL_CONCERNS:
      return a->concerns != b->concerns;
    case COL_CONSENT:
      return a->consent != b->consent;
    case COL_LEGAL_BASIS:
      return a->legal_basis != b->legal_basis;
    case COL_NOTES:
      return g_strcmp0 (a->notes, b->notes) != 0;
    default:
      return FALSE;
    }
}

/* Every case column where the row disagrees with the case's first row
 * is reported, without the values: notes must not appear in messages,
 * and the line to compare with is named instead. */
static void
check_same_case (TsuImport    *imp,
                 TsuCsvRecord *record,
                 CaseEntry    *entry,
                 CaseFields   *fields,
                 const char   *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (case_columns); i++)
    {
      int column = case_columns[i];

      if (!imp->reported[column] && column_differs (&entry->fields, fields, column))
        tsu_import_problem (imp, record->line, column,
                            _("Line %u gives case %s something else here. Every row of a case must give the same case fields."),
                            entry->first_line, code);
    }
}

/* Writes the row's case fields into @c; on an update only the columns
 * the file has. */
static void
apply_case_fields (TsuImport        *imp,
                   TsuCase          *c,
                   const CaseFields *fields,
                   gboolean          is_update)
{
  if (fields->received_on != NULL)
    tsu_case_set_received_on (c, fields->received_on);
  if (fields->entrance != NULL)
    tsu_case_set_entrance (c, fields->entrance);
  if (tsu_import_has_column (imp, COL_WARD) || !is_update)
    tsu_case_set_ward (c, fields->ward);
  if (tsu_import_has_column (imp, COL_AGE_BAND) || !is_update)
    tsu_case_set_age_band (c, fields->age_band);
  if (tsu_import_has_column (imp, COL_FOREIGN_RESIDENT) || !is_update)
    tsu_case_set_foreign_resident (c, fields->foreign_resident);
  if (tsu_import_has_column (imp, COL_LANGUAGE) || !is_update)
    tsu_case_set_language (c, fields->language);
  if (tsu_import_has_column (imp, COL_CONCERNS) || !is_update)
    tsu_case_set_concerns (c, fields->concerns);
  if (tsu_import_has_column (imp, COL_CONSENT) || !is_update)
    tsu_case_set_consent (c, fields->consent);
  if (tsu_import_has_column (imp, COL_LEGAL_BASIS) || tsu_import_has_column (imp, COL_CONSENT) || !is_update)
    tsu_case_set_legal_basis (c, fields->legal_basis);
  if (tsu_import_has_column (imp, COL_NOTES) || !is_update)
    tsu_case_set_notes (c, fields->notes);
}

/* The store's problems on the columns they belong to: its field names
 * that are not column names are mapped here, and a problem the row
 * reported already in its own words is not said again. */
static void
report_store_problems (TsuImport    *imp,
                       TsuCsvRecord *record,
                       GPtrArray    *problems)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();

  for (guint i = 0; i < problems->len; i++)
    {
      TsuFieldProblem *p = g_ptr_array_index (problems, i);
      int column = -1;

      if (strcmp (p->field, "code") == 0 || strcmp (p->field, "case-code") == 0
          || strcmp (p->field, "case-id") == 0)
        column = COL_CASE;
      else if (strcmp (p->field, "override") == 0 || strcmp (p->field, "consent-on") == 0
               || strcmp (p->field, "consent-how") == 0)
        column = COL_CONSENT;
      else if (strcmp (p->field, "due-on") == 0)
        column = COL_REFERRED_ON;
      else if (strcmp (p->field, "support-meeting-on") == 0 || strcmp (p->field, "contact") == 0)
        column = COL_CASE;

      if (column < 0)
        g_ptr_array_add (rest, p);
      else if (!imp->reported[column])
        tsu_import_problem (imp, record->line, column, "%s", p->message);
    }
  tsu_import_report_field_problems (imp, record, rest);
}

/* The referral's own checks, which come before the store's so that each
 * is said on the column the user must correct. */
static void
check_referral (TsuImport         *imp,
                TsuCsvRecord      *record,
                const CaseFields  *fields,
                const char        *from,
                const char        *to,
                const char        *referred_on,
                TsuReferralStatus  status,
                gboolean           status_ok,
                TsuReferralReason  reason,
                gboolean           reason_ok,
                const char        *closed_on)
{
  if (from != NULL && to != NULL && strcmp (from, to) == 0)
    tsu_import_problem (imp, record->line, COL_TO,
                        _("The referral goes from “%s” to itself. Name the organisation it was referred to."), to);

  if (status_ok && reason_ok)
    {
      if (tsu_referral_status_needs_reason (status) && reason == TSU_REASON_NONE)
        tsu_import_problem (imp, record->line, COL_REASON,
                            _("A referral that is %s needs a reason: unreachable, refused, no-capacity, ineligible, no-longer-needed or other (本人と連絡がとれない, 本人が希望しない, 受入枠なし, 対象外, 必要なくなった, その他)."),
                            tsu_referral_status_to_code (status));
      else if (reason != TSU_REASON_NONE && !tsu_referral_status_needs_reason (status)
               && status != TSU_REFERRAL_WITHDRAWN)
        tsu_import_problem (imp, record->line, COL_REASON,
                            _("Only a referral that is declined, not-connected or withdrawn has a reason; this one is %s."),
                            tsu_referral_status_to_code (status));
    }

  if (status_ok && closed_on != NULL && tsu_referral_status_is_open (status))
    tsu_import_problem (imp, record->line, COL_CLOSED_ON,
                        _("The referral is still open (%s), so it has no end date. Give its status or leave the end date empty."),
                        tsu_referral_status_to_code (status));

  /* Dates may not run backwards: received ≤ referred ≤ closed. */
  if (fields->received_on != NULL && referred_on != NULL
      && strcmp (referred_on, fields->received_on) < 0 && !imp->reported[COL_REFERRED_ON])
    tsu_import_problem (imp, record->line, COL_REFERRED_ON,
                        _("The referral (%s) is dated before the case was received (%s)."),
                        referred_on, fields->received_on);
  if (referred_on != NULL && closed_on != NULL && strcmp (closed_on, referred_on) < 0)
    tsu_import_problem (imp, record->line, COL_CLOSED_ON,
                        _("The referral ended (%s) before it was made (%s)."), closed_on, referred_on);

  /* The window can record a written override; a file cannot. */
  if (!imp->reported[COL_CONSENT] && !imp->reported[COL_LEGAL_BASIS]
      && fields->consent != TSU_CONSENT_YES
      && (fields->legal_basis == TSU_LEGAL_BASIS_NONE || fields->legal_basis == TSU_LEGAL_BASIS_CONSENT))
    tsu_import_problem (imp, record->line,
                        tsu_import_has_column (imp, COL_CONSENT) || !tsu_import_has_column (imp, COL_LEGAL_BASIS)
                        ? COL_CONSENT : COL_LEGAL_BASIS,
                        _("The person has not given consent (本人同意) and no other legal basis is named, so the case may not be shared. Give the consent or a legal basis, or make the referral in the window with a written reason."));
}

/* A referral of @entry's case in the database with the same sender,
 * receiver and date, or NULL. */
static TsuReferral *
find_existing_referral (TsuImport     *imp,
                        CaseEntry     *entry,
                        const char    *from,
                        const char    *to,
                        const char    *referred_on,
                        GError       **error)
{
  if (!entry->existed || entry->saved == NULL)
    return NULL;
  if (entry->referrals == NULL)
    {
      entry->referrals = tsu_referral_load_for_case (imp->db, tsu_case_get_id (entry->saved), error);
      if (entry->referrals == NULL)
        return NULL;
    }
  for (guint i = 0; i < entry->referrals->len; i++)
    {
      TsuReferral *r = g_ptr_array_index (entry->referrals, i);

      if (g_strcmp0 (tsu_referral_get_from (r), from) == 0
          && g_strcmp0 (tsu_referral_get_to (r), to) == 0
          && g_strcmp0 (tsu_referral_get_referred_on (r), referred_on) == 0)
        return r;
    }
  return NULL;
}

static char *
add_days (const char *iso,
          guint       days)
{
  GDate date;

  if (!tsu_date_from_iso (iso, &date))
    return NULL;
  g_date_add_days (&date, days);
  return tsu_date_to_iso (&date);
}

static gboolean
import_referral_row (TsuImport     *imp,
                     TsuCsvRecord  *record,
                     gpointer       user_data,
                     GError       **error)
{
  ReferralsData *data = user_data;
  const char *code_cell = tsu_import_cell (imp, record, COL_CASE);
  g_autofree char *code = tsu_import_normalize (code_cell);
  CaseFields fields = { 0 };
  CaseEntry *entry = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *referred_on = NULL;
  g_autofree char *closed_on = NULL;
  g_autoptr(TsuReferral) referral = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  TsuReferralStatus status = TSU_REFERRAL_SENT;
  TsuReferralReason reason = TSU_REASON_NONE;
  gboolean status_ok = TRUE;
  gboolean reason_ok = TRUE;
  gboolean is_update = FALSE;
  const char *text;
  guint value;

  if (*code == '\0')
    tsu_import_problem (imp, record->line, COL_CASE, _("Enter the case code, like 2023-0012."));

  /* The case */
  parse_case_fields (imp, data, record, &fields);
  if (*code != '\0')
    {
      entry = g_hash_table_lookup (data->cases, code);
      if (entry != NULL)
        {
          /* Every row naming a recorded case is a bad row, not only
           * the first. */
          if (entry->existed && !(imp->flags & TSU_IMPORT_FLAGS_UPDATE))
            tsu_import_problem (imp, record->line, COL_CASE,
                                _("Case %s is already recorded. Import with --update to change it."), code);
          check_same_case (imp, record, entry, &fields, code);
        }
      else
        {
          g_autoptr(GError) local_error = NULL;
          g_autoptr(TsuCase) existing = NULL;
          g_autoptr(TsuCase) c = NULL;
          gboolean case_bad;

          entry = g_new0 (CaseEntry, 1);
          entry->first_line = record->line;
          entry->fields = fields;
          memset (&fields, 0, sizeof fields);
          g_hash_table_insert (data->cases, g_strdup (code), entry);

          existing = tsu_case_find_by_code (imp->db, code, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          entry->existed = existing != NULL;
          if (existing != NULL && !(imp->flags & TSU_IMPORT_FLAGS_UPDATE))
            tsu_import_problem (imp, record->line, COL_CASE,
                                _("Case %s is already recorded. Import with --update to change it."), code);

          if (existing != NULL)
            c = tsu_case_copy (existing);
          else
            {
              c = tsu_case_new ();
              tsu_case_set_code (c, code);
            }
          apply_case_fields (imp, c, &entry->fields, existing != NULL);
          problems = tsu_case_validate (c);
          report_store_problems (imp, record, problems);
          g_clear_pointer (&problems, g_ptr_array_unref);

          /* The case is saved as soon as its fields are right, so that
           * its referrals have its id; a bad row anywhere in the file
           * undoes it with the rest. */
          case_bad = imp->row_bad;
          if (!case_bad)
            {
              gboolean saved = existing != NULL ? tsu_case_save (c, imp->db, error)
                                                : tsu_case_insert_in_transaction (c, imp->db, error);

              if (!saved)
                {
                  if (!tsu_import_save_failed (imp, record, error))
                    return FALSE;
                }
              else
                entry->saved = g_steal_pointer (&c);
            }
        }
    }
  case_fields_clear (&fields);

  /* The referral */
  from = parse_place (imp, data, record, COL_FROM, FALSE);
  to = parse_place (imp, data, record, COL_TO, FALSE);
  referred_on = parse_required_date (imp, record, COL_REFERRED_ON,
                                     _("Enter the date of the referral, like 2023-12-14 or 令和5年12月14日."));
  tsu_import_parse_date (imp, record, COL_CLOSED_ON, &closed_on);

  text = tsu_import_cell (imp, record, COL_STATUS);
  if (*text != '\0' && tsu_import_lookup (imp, COL_STATUS, text, parse_status, &value))
    status = value;
  else if (*text != '\0')
    {
      status_ok = FALSE;
      tsu_import_problem (imp, record->line, COL_STATUS,
                          _("“%s” is not a status of a referral. Write sent, accepted, declined, connected, not-connected or withdrawn (紹介済, 受入, 受入不可, つながった, つながらなかった, 取下げ)."),
                          text);
    }
  text = tsu_import_cell (imp, record, COL_REASON);
  if (*text != '\0' && tsu_import_lookup (imp, COL_REASON, text, parse_reason, &value))
    reason = value;
  else if (*text != '\0')
    {
      reason_ok = FALSE;
      tsu_import_problem (imp, record->line, COL_REASON,
                          _("“%s” is not a reason. Write unreachable, refused, no-capacity, ineligible, no-longer-needed or other (本人と連絡がとれない, 本人が希望しない, 受入枠なし, 対象外, 必要なくなった, その他)."),
                          text);
    }

  if (entry != NULL)
    check_referral (imp, record, &entry->fields, from, to, referred_on,
                    status, status_ok, reason, reason_ok, closed_on);

  if (entry != NULL && from != NULL && to != NULL && referred_on != NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s\n%s\n%s\n%s", code, from, to, referred_on);
      gpointer first_line;

      if (g_hash_table_lookup_extended (data->referrals, key, NULL, &first_line))
        tsu_import_problem (imp, record->line, COL_TO,
                            _("Line %u already refers case %s from “%s” to “%s” on the same day."),
                            GPOINTER_TO_UINT (first_line), code, from, to);
      else
        {
          g_autoptr(GError) local_error = NULL;
          TsuReferral *existing;

          existing = find_existing_referral (imp, entry, from, to, referred_on, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (existing != NULL)
            {
              referral = tsu_referral_copy (existing);
              is_update = TRUE;
            }
          g_hash_table_insert (data->referrals, g_steal_pointer (&key), GUINT_TO_POINTER (record->line));
        }
    }

  if (referral == NULL)
    {
      g_autofree char *due_on = NULL;

      referral = tsu_referral_new (entry != NULL && entry->saved != NULL ? tsu_case_get_id (entry->saved) : 0);
      if (referred_on != NULL)
        due_on = add_days (referred_on, TSU_REFERRAL_DEFAULT_DUE_DAYS);
      tsu_referral_set_due_on (referral, due_on);
    }
  if (from != NULL)
    tsu_referral_set_from (referral, from);
  if (to != NULL)
    tsu_referral_set_to (referral, to);
  if (referred_on != NULL)
    tsu_referral_set_referred_on (referral, referred_on);
  /* An update changes the columns the file has, and only those. */
  if (tsu_import_has_column (imp, COL_STATUS) || !is_update)
    tsu_referral_set_status (referral, status);
  if (tsu_import_has_column (imp, COL_REASON) || !is_update)
    tsu_referral_set_reason (referral, reason);
  if (tsu_import_has_column (imp, COL_CLOSED_ON) || !is_update)
    tsu_referral_set_closed_on (referral, closed_on);

  /* Without its case saved (its first row was bad, and said so) the
   * referral cannot be checked against it, nor saved. */
  if (entry == NULL || entry->saved == NULL)
    return TRUE;
  problems = tsu_referral_validate (referral, entry->saved);
  report_store_problems (imp, record, problems);
  if (imp->row_bad)
    return TRUE;

  if (!(is_update ? tsu_referral_save (referral, imp->db, error)
                  : tsu_referral_insert_in_transaction (referral, entry->saved, imp->db, error)))
    return tsu_import_save_failed (imp, record, error);
  tsu_import_count_saved (imp, is_update);
  return TRUE;
}

TsuImportResult *
tsu_import_referrals_csv (TsuDatabase     *db,
                          const char      *path,
                          TsuImportFlags   flags,
                          GError         **error)
{
  static const char * const tables[] = { "cases", "referrals", "history", NULL };
  g_autoptr(GHashTable) places = NULL;
  g_autoptr(GHashTable) named_places = NULL;
  g_autoptr(GHashTable) cases = NULL;
  g_autoptr(GHashTable) referrals = NULL;
  ReferralsData data;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  places = load_places (db, error);
  if (places == NULL)
    return NULL;
  cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) case_entry_free);
  referrals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  named_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  data.places = places;
  data.named_places = named_places;
  data.cases = cases;
  data.referrals = referrals;

  return tsu_import_run_file (db, path, flags, referral_columns, N_COLUMNS,
                              import_referral_row, &data, tables, error);
}
