/* tsu-case.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-case-private.h"
#include "tsu-case.h"
#include "tsu-date.h"
#include "tsu-history.h"
#include "tsu-paged-list.h"
#include "tsu-record-private.h"

/* ---- vocabularies ----------------------------------------------------- */

static const char * const ward_names[] = {
  "門司区", "小倉北区", "小倉南区", "若松区", "八幡東区", "八幡西区", "戸畑区",
};
static const char * const age_band_codes[] = {
  "under-20", "20s", "30s", "40s", "50s", "60s", "70s", "80-plus", "unknown",
};
/* The Japanese labels of CLI.md, accepted on input whatever the locale. */
static const char * const age_band_japanese[] = {
  "20歳未満", "20代", "30代", "40代", "50代", "60代", "70代", "80歳以上", "不明",
};
static const char * const concern_codes[] = {
  "poverty", "employment", "housing", "hikikomori", "child", "youth", "elderly",
  "dementia", "disability", "foreign", "suicide", "food", "violence", "other",
};
static const char * const concern_japanese[] = {
  "生活困窮", "就労", "住まい", "ひきこもり", "子ども・子育て", "若者", "高齢",
  "認知症", "障害", "外国人", "自殺リスク", "食", "暴力・虐待", "その他",
};
static const char * const consent_codes[] = { "pending", "yes", "no" };
static const char * const consent_japanese[] = { "確認中", "はい", "いいえ" };
/* Index 0 is "none": no code, never accepted on input. */
static const char * const legal_basis_codes[] = {
  "", "consent", "support-meeting", "council", "vital-interest",
};
static const char * const legal_basis_japanese[] = {
  "", "本人同意", "支援会議（社会福祉法第106条の6）", "孤独・孤立対策地域協議会", "生命・身体の保護",
};
/* Not a CSV column in CLI.md; these are the words the secretariat uses. */
static const char * const contact_codes[] = { "phone", "visit", "outreach", "other" };
static const char * const contact_japanese[] = { "電話", "来所", "アウトリーチ", "その他" };

G_STATIC_ASSERT (G_N_ELEMENTS (ward_names) == TSU_N_WARDS);
G_STATIC_ASSERT (G_N_ELEMENTS (age_band_codes) == TSU_N_AGE_BANDS);
G_STATIC_ASSERT (G_N_ELEMENTS (age_band_japanese) == TSU_N_AGE_BANDS);
G_STATIC_ASSERT (G_N_ELEMENTS (concern_codes) == TSU_N_CONCERNS);
G_STATIC_ASSERT (G_N_ELEMENTS (concern_japanese) == TSU_N_CONCERNS);
G_STATIC_ASSERT (G_N_ELEMENTS (legal_basis_codes) == TSU_N_LEGAL_BASES);
G_STATIC_ASSERT (G_N_ELEMENTS (contact_codes) == TSU_N_CONTACTS);

gboolean
tsu_vocabulary_lookup (const char         *text,
                       const char * const *codes,
                       const char * const *japanese,
                       guint               first,
                       guint               n,
                       const char *      (*label) (guint),
                       guint              *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  if (*trimmed == '\0')
    return FALSE;
  /* Codes and the fixed Japanese names first: that is what the database
   * and most files hold, and the translated labels cost a catalogue
   * lookup each. No label is another entry's code or Japanese name. */
  for (guint i = first; i < n; i++)
    {
      if (g_ascii_strcasecmp (trimmed, codes[i]) == 0
          || (japanese != NULL && strcmp (trimmed, japanese[i]) == 0))
        {
          *value = i;
          return TRUE;
        }
    }
  for (guint i = first; label != NULL && i < n; i++)
    {
      if (strcmp (trimmed, label (i)) == 0)
        {
          *value = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
tsu_ward_to_name (TsuWard ward)
{
  if (ward >= TSU_N_WARDS)
    return "";
  return ward_names[ward];
}

gboolean
tsu_ward_from_text (const char *text,
                    TsuWard    *ward)
{
  guint value;

  g_return_val_if_fail (ward != NULL, FALSE);
  /* A ward is written one way only: its full name. */
  if (!tsu_vocabulary_lookup (text, ward_names, NULL, 0, TSU_N_WARDS, NULL, &value))
    return FALSE;
  *ward = value;
  return TRUE;
}

const char *
tsu_age_band_to_code (TsuAgeBand band)
{
  g_return_val_if_fail (band < TSU_N_AGE_BANDS, "unknown");
  return age_band_codes[band];
}

const char *
tsu_age_band_to_label (TsuAgeBand band)
{
  switch (band)
    {
    case TSU_AGE_UNDER_20:
      return C_("age band", "Under 20");
    case TSU_AGE_20S:
      return C_("age band", "20s");
    case TSU_AGE_30S:
      return C_("age band", "30s");
    case TSU_AGE_40S:
      return C_("age band", "40s");
    case TSU_AGE_50S:
      return C_("age band", "50s");
    case TSU_AGE_60S:
      return C_("age band", "60s");
    case TSU_AGE_70S:
      return C_("age band", "70s");
    case TSU_AGE_80_PLUS:
      return C_("age band", "80 and over");
    case TSU_AGE_UNKNOWN:
    case TSU_N_AGE_BANDS:
    default:
      return C_("age band", "Unknown");
    }
}

static const char *
age_band_label (guint band)
{
  return tsu_age_band_to_label (band);
}

gboolean
tsu_age_band_from_text (const char *text,
                        TsuAgeBand *band)
{
  guint value;

  g_return_val_if_fail (band != NULL, FALSE);
  if (!tsu_vocabulary_lookup (text, age_band_codes, age_band_japanese, 0, TSU_N_AGE_BANDS,
                              age_band_label, &value))
    return FALSE;
  *band = value;
  return TRUE;
}

const char *
tsu_concern_to_code (TsuConcern concern)
{
  g_return_val_if_fail (concern < TSU_N_CONCERNS, "other");
  return concern_codes[concern];
}

const char *
tsu_concern_to_label (TsuConcern concern)
{
  switch (concern)
    {
    case TSU_CONCERN_POVERTY:
      return C_("concern", "Poverty");
    case TSU_CONCERN_EMPLOYMENT:
      return C_("concern", "Employment");
    case TSU_CONCERN_HOUSING:
      return C_("concern", "Housing");
    case TSU_CONCERN_HIKIKOMORI:
      /* Translators: social withdrawal (ひきこもり) */
      return C_("concern", "Hikikomori");
    case TSU_CONCERN_CHILD:
      return C_("concern", "Children and child-rearing");
    case TSU_CONCERN_YOUTH:
      return C_("concern", "Young people");
    case TSU_CONCERN_ELDERLY:
      return C_("concern", "Older people");
    case TSU_CONCERN_DEMENTIA:
      return C_("concern", "Dementia");
    case TSU_CONCERN_DISABILITY:
      return C_("concern", "Disability");
    case TSU_CONCERN_FOREIGN:
      return C_("concern", "Foreign residents");
    case TSU_CONCERN_SUICIDE:
      return C_("concern", "Suicide risk");
    case TSU_CONCERN_FOOD:
      return C_("concern", "Food");
    case TSU_CONCERN_VIOLENCE:
      return C_("concern", "Violence and abuse");
    case TSU_CONCERN_OTHER:
    case TSU_N_CONCERNS:
    default:
      return C_("concern", "Other");
    }
}

static const char *
concern_label (guint concern)
{
  return tsu_concern_to_label (concern);
}

gboolean
tsu_concern_from_text (const char *text,
                       TsuConcern *concern)
{
  guint value;

  g_return_val_if_fail (concern != NULL, FALSE);
  if (!tsu_vocabulary_lookup (text, concern_codes, concern_japanese, 0, TSU_N_CONCERNS,
                              concern_label, &value))
    return FALSE;
  *concern = value;
  return TRUE;
}

gboolean
tsu_concerns_parse (const char  *text,
                    guint       *mask,
                    GError     **error)
{
  g_autofree char *unified = NULL;
  g_auto(GStrv) items = NULL;
  guint result = 0;

  g_return_val_if_fail (mask != NULL, FALSE);

  /* "、" is several bytes: turn it into ";" before splitting. */
  {
    g_auto(GStrv) parts = g_strsplit (text ? text : "", "、", -1);
    unified = g_strjoinv (";", parts);
  }
  items = g_strsplit (unified, ";", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      TsuConcern concern;

      g_strstrip (items[i]);
      if (*items[i] == '\0')
        continue;
      if (!tsu_concern_from_text (items[i], &concern))
        {
          g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                       _("“%s” is not one of the concerns."), items[i]);
          return FALSE;
        }
      result |= 1u << concern;
    }
  *mask = result;
  return TRUE;
}

char *
tsu_concerns_to_text (guint    mask,
                      gboolean codes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < TSU_N_CONCERNS; i++)
    {
      if ((mask & (1u << i)) == 0)
        continue;
      if (text->len > 0)
        /* Translators: between the concerns of a list; Japanese uses 、 */
        g_string_append (text, codes ? ";" : C_("concern list", ", "));
      g_string_append (text, codes ? concern_codes[i] : tsu_concern_to_label (i));
    }
  return g_string_free (text, FALSE);
}

const char *
tsu_consent_to_code (TsuConsent consent)
{
  g_return_val_if_fail (consent <= TSU_CONSENT_NO, "pending");
  return consent_codes[consent];
}

const char *
tsu_consent_to_label (TsuConsent consent)
{
  switch (consent)
    {
    case TSU_CONSENT_YES:
      /* Translators: the person consented to sharing (はい) */
      return C_("consent", "Yes");
    case TSU_CONSENT_NO:
      return C_("consent", "No");
    case TSU_CONSENT_PENDING:
    default:
      /* Translators: consent is still being confirmed (確認中) */
      return C_("consent", "Pending");
    }
}

static const char *
consent_label (guint consent)
{
  return tsu_consent_to_label (consent);
}

gboolean
tsu_consent_from_text (const char *text,
                       TsuConsent *consent)
{
  guint value;

  g_return_val_if_fail (consent != NULL, FALSE);
  if (!tsu_vocabulary_lookup (text, consent_codes, consent_japanese, 0, G_N_ELEMENTS (consent_codes),
                              consent_label, &value))
    return FALSE;
  *consent = value;
  return TRUE;
}

const char *
tsu_legal_basis_to_code (TsuLegalBasis basis)
{
  g_return_val_if_fail (basis < TSU_N_LEGAL_BASES, "");
  return legal_basis_codes[basis];
}

const char *
tsu_legal_basis_to_label (TsuLegalBasis basis)
{
  switch (basis)
    {
    case TSU_LEGAL_BASIS_CONSENT:
      return C_("legal basis", "Consent of the person");
    case TSU_LEGAL_BASIS_SUPPORT_MEETING:
      /* Translators: 支援会議（社会福祉法第106条の6） */
      return C_("legal basis", "Support meeting (Social Welfare Act, article 106-6)");
    case TSU_LEGAL_BASIS_COUNCIL:
      /* Translators: 孤独・孤立対策地域協議会 */
      return C_("legal basis", "Regional council against loneliness and isolation");
    case TSU_LEGAL_BASIS_VITAL_INTEREST:
      /* Translators: 生命・身体の保護 */
      return C_("legal basis", "Protection of life or body");
    case TSU_LEGAL_BASIS_NONE:
    case TSU_N_LEGAL_BASES:
    default:
      return C_("legal basis", "None");
    }
}

static const char *
legal_basis_label (guint basis)
{
  return tsu_legal_basis_to_label (basis);
}

gboolean
tsu_legal_basis_from_text (const char    *text,
                           TsuLegalBasis *basis)
{
  guint value;

  g_return_val_if_fail (basis != NULL, FALSE);
  if (!tsu_vocabulary_lookup (text, legal_basis_codes, legal_basis_japanese, 1, TSU_N_LEGAL_BASES,
                              legal_basis_label, &value))
    return FALSE;
  *basis = value;
  return TRUE;
}

const char *
tsu_contact_to_code (TsuContact contact)
{
  g_return_val_if_fail (contact < TSU_N_CONTACTS, "other");
  return contact_codes[contact];
}

const char *
tsu_contact_to_label (TsuContact contact)
{
  switch (contact)
    {
    case TSU_CONTACT_PHONE:
      return C_("contact", "Phone");
    case TSU_CONTACT_VISIT:
      /* Translators: the person came in person (来所) */
      return C_("contact", "Visit");
    case TSU_CONTACT_OUTREACH:
      /* Translators: a worker went out to the person (アウトリーチ) */
      return C_("contact", "Outreach");
    case TSU_CONTACT_OTHER:
    case TSU_N_CONTACTS:
    default:
      return C_("contact", "Other");
    }
}

static const char *
contact_label (guint contact)
{
  return tsu_contact_to_label (contact);
}

gboolean
tsu_contact_from_text (const char *text,
                       TsuContact *contact)
{
  guint value;

  g_return_val_if_fail (contact != NULL, FALSE);
  if (!tsu_vocabulary_lookup (text, contact_codes, contact_japanese, 0, TSU_N_CONTACTS,
                              contact_label, &value))
    return FALSE;
  *contact = value;
  return TRUE;
}

/* ---- the case ------------------------------------------------------- */

typedef enum
{
  TEXT_CODE,
  TEXT_RECEIVED_ON,
  TEXT_ENTRANCE,
  TEXT_LANGUAGE,
  TEXT_CONSENT_ON,
  TEXT_CONSENT_HOW,
  TEXT_SUPPORT_MEETING_ON,
  TEXT_NOTES,
  N_TEXTS
} TextField;

static const char * const text_property_names[N_TEXTS] = {
  "code", "received-on", "entrance", "language", "consent-on", "consent-how",
  "support-meeting-on", "notes",
};

#define COLUMNS "id, version, ward, age_band, foreign_resident, concerns, contact, consent," \
                " legal_basis, support_meeting," \
                " code, received_on, entrance, language, consent_on, consent_how," \
                " support_meeting_on, notes"
#define FIRST_TEXT_COLUMN 10

struct _TsuCase
{
  GObject        parent_instance;

  gint64         id;
  gint64         version;
  TsuWard        ward;
  TsuAgeBand     age_band;
  gboolean       foreign_resident;
  guint          concerns;
  TsuContact     contact;
  TsuConsent     consent;
  TsuLegalBasis  legal_basis;
  gboolean       support_meeting;
  char          *text[N_TEXTS];
};

G_DEFINE_TYPE (TsuCase, tsu_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_TEXTS - 1,
  PROP_ID,
  PROP_WARD,
  PROP_AGE_BAND,
  PROP_FOREIGN_RESIDENT,
  PROP_CONCERNS,
  PROP_CONTACT,
  PROP_CONSENT,
  PROP_LEGAL_BASIS,
  PROP_SUPPORT_MEETING,
  PROP_FISCAL_YEAR,
  PROP_MAY_SHARE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tsu_case_finalize (GObject *object)
{
  TsuCase *self = TSU_CASE (object);

  tsu_record_texts_free (self->text, N_TEXTS);

  G_OBJECT_CLASS (tsu_case_parent_class)->finalize (object);
}

static void
set_text (TsuCase    *self,
          TextField   field,
          const char *value)
{
  if (!tsu_record_set_text (G_OBJECT (self), &self->text[field], value,
                            properties[PROP_FIRST_TEXT + field]))
    return;
  if (field == TEXT_RECEIVED_ON)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_YEAR]);
}

static void
tsu_case_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TsuCase *self = TSU_CASE (object);

  if (tsu_record_get_text_property (self->text, N_TEXTS, PROP_FIRST_TEXT, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_WARD:
      g_value_set_int (value, self->ward);
      break;
    case PROP_AGE_BAND:
      g_value_set_int (value, self->age_band);
      break;
    case PROP_FOREIGN_RESIDENT:
      g_value_set_boolean (value, self->foreign_resident);
      break;
    case PROP_CONCERNS:
      g_value_set_uint (value, self->concerns);
      break;
    case PROP_CONTACT:
      g_value_set_int (value, self->contact);
      break;
    case PROP_CONSENT:
      g_value_set_int (value, self->consent);
      break;
    case PROP_LEGAL_BASIS:
      g_value_set_int (value, self->legal_basis);
      break;
    case PROP_SUPPORT_MEETING:
      g_value_set_boolean (value, self->support_meeting);
      break;
    case PROP_FISCAL_YEAR:
      g_value_set_int (value, tsu_case_get_fiscal_year (self));
      break;
    case PROP_MAY_SHARE:
      g_value_set_boolean (value, tsu_case_may_share (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_case_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TsuCase *self = TSU_CASE (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_WARD:
      tsu_case_set_ward (self, g_value_get_int (value));
      break;
    case PROP_AGE_BAND:
      tsu_case_set_age_band (self, g_value_get_int (value));
      break;
    case PROP_FOREIGN_RESIDENT:
      tsu_case_set_foreign_resident (self, g_value_get_boolean (value));
      break;
    case PROP_CONCERNS:
      tsu_case_set_concerns (self, g_value_get_uint (value));
      break;
    case PROP_CONTACT:
      tsu_case_set_contact (self, g_value_get_int (value));
      break;
    case PROP_CONSENT:
      tsu_case_set_consent (self, g_value_get_int (value));
      break;
    case PROP_LEGAL_BASIS:
      tsu_case_set_legal_basis (self, g_value_get_int (value));
      break;
    case PROP_SUPPORT_MEETING:
      tsu_case_set_support_meeting (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tsu_case_class_init (TsuCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tsu_case_finalize;
  object_class->get_property = tsu_case_get_property;
  object_class->set_property = tsu_case_set_property;

  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, NULL, flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties[PROP_WARD] = g_param_spec_int ("ward", NULL, NULL, 0, TSU_WARD_NONE, TSU_WARD_NONE, flags);
  properties[PROP_AGE_BAND] = g_param_spec_int ("age-band", NULL, NULL, 0, TSU_N_AGE_BANDS - 1,
                                                TSU_AGE_UNKNOWN, flags);
  properties[PROP_FOREIGN_RESIDENT] = g_param_spec_boolean ("foreign-resident", NULL, NULL, FALSE, flags);
  properties[PROP_CONCERNS] = g_param_spec_uint ("concerns", NULL, NULL, 0, (1u << TSU_N_CONCERNS) - 1,
                                                 0, flags);
  properties[PROP_CONTACT] = g_param_spec_int ("contact", NULL, NULL, 0, TSU_N_CONTACTS - 1,
                                               TSU_CONTACT_OTHER, flags);
  properties[PROP_CONSENT] = g_param_spec_int ("consent", NULL, NULL, 0, TSU_CONSENT_NO,
                                               TSU_CONSENT_PENDING, flags);
  properties[PROP_LEGAL_BASIS] = g_param_spec_int ("legal-basis", NULL, NULL, 0, TSU_N_LEGAL_BASES - 1,
                                                   TSU_LEGAL_BASIS_NONE, flags);
  properties[PROP_SUPPORT_MEETING] = g_param_spec_boolean ("support-meeting", NULL, NULL, FALSE, flags);
  properties[PROP_FISCAL_YEAR] = g_param_spec_int ("fiscal-year", NULL, NULL, 0, 9999, 0, read_only);
  properties[PROP_MAY_SHARE] = g_param_spec_boolean ("may-share", NULL, NULL, FALSE, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tsu_case_init (TsuCase *self)
{
  tsu_record_texts_init (self->text, N_TEXTS);
  self->ward = TSU_WARD_NONE;
  self->age_band = TSU_AGE_UNKNOWN;
  /* Imports carry no contact column: "other" rather than a guess. */
  self->contact = TSU_CONTACT_OTHER;
  self->consent = TSU_CONSENT_PENDING;
  self->legal_basis = TSU_LEGAL_BASIS_NONE;
}

TsuCase *
tsu_case_new (void)
{
  return g_object_new (TSU_TYPE_CASE, NULL);
}

TsuCase *
tsu_case_copy (TsuCase *self)
{
  TsuCase *copy;

  g_return_val_if_fail (TSU_IS_CASE (self), NULL);

  copy = tsu_case_new ();
  copy->id = self->id;
  copy->version = self->version;
  copy->ward = self->ward;
  copy->age_band = self->age_band;
  copy->foreign_resident = self->foreign_resident;
  copy->concerns = self->concerns;
  copy->contact = self->contact;
  copy->consent = self->consent;
  copy->legal_basis = self->legal_basis;
  copy->support_meeting = self->support_meeting;
  tsu_record_texts_copy (copy->text, self->text, N_TEXTS);
  return copy;
}

#define TEXT_ACCESSORS(lower, UPPER) \
  TSU_RECORD_TEXT_ACCESSORS (TsuCase, tsu_case, TSU_IS_CASE, lower, TEXT_##UPPER)

TEXT_ACCESSORS (code, CODE)
TEXT_ACCESSORS (received_on, RECEIVED_ON)
TEXT_ACCESSORS (entrance, ENTRANCE)
TEXT_ACCESSORS (language, LANGUAGE)
TEXT_ACCESSORS (consent_on, CONSENT_ON)
TEXT_ACCESSORS (consent_how, CONSENT_HOW)
TEXT_ACCESSORS (support_meeting_on, SUPPORT_MEETING_ON)
TEXT_ACCESSORS (notes, NOTES)

#define VALUE_ACCESSORS(type, lower, PROP, limit)                 \
  type                                                            \
  tsu_case_get_##lower (TsuCase *self)                            \
  {                                                               \
    g_return_val_if_fail (TSU_IS_CASE (self), 0);                 \
    return self->lower;                                           \
  }                                                               \
  void                                                            \
  tsu_case_set_##lower (TsuCase *self,                            \
                        type     value)                           \
  {                                                               \
    g_return_if_fail (TSU_IS_CASE (self));                        \
    g_return_if_fail ((guint) value <= (guint) (limit));          \
    if (self->lower == value)                                     \
      return;                                                     \
    self->lower = value;                                          \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

VALUE_ACCESSORS (TsuWard, ward, PROP_WARD, TSU_WARD_NONE)
VALUE_ACCESSORS (TsuAgeBand, age_band, PROP_AGE_BAND, TSU_N_AGE_BANDS - 1)
VALUE_ACCESSORS (guint, concerns, PROP_CONCERNS, (1u << TSU_N_CONCERNS) - 1)
VALUE_ACCESSORS (TsuContact, contact, PROP_CONTACT, TSU_N_CONTACTS - 1)

gboolean
tsu_case_get_foreign_resident (TsuCase *self)
{
  g_return_val_if_fail (TSU_IS_CASE (self), FALSE);
  return self->foreign_resident;
}

void
tsu_case_set_foreign_resident (TsuCase  *self,
                               gboolean  foreign_resident)
{
  g_return_if_fail (TSU_IS_CASE (self));
  foreign_resident = !!foreign_resident;
  if (self->foreign_resident == foreign_resident)
    return;
  self->foreign_resident = foreign_resident;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOREIGN_RESIDENT]);
}

gboolean
tsu_case_get_support_meeting (TsuCase *self)
{
  g_return_val_if_fail (TSU_IS_CASE (self), FALSE);
  return self->support_meeting;
}

void
tsu_case_set_support_meeting (TsuCase  *self,
                              gboolean  taken)
{
  g_return_if_fail (TSU_IS_CASE (self));
  taken = !!taken;
  if (self->support_meeting == taken)
    return;
  self->support_meeting = taken;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPPORT_MEETING]);
}

TsuConsent
tsu_case_get_consent (TsuCase *self)
{
  g_return_val_if_fail (TSU_IS_CASE (self), TSU_CONSENT_PENDING);
  return self->consent;
}

void
tsu_case_set_consent (TsuCase    *self,
                      TsuConsent  consent)
{
  g_return_if_fail (TSU_IS_CASE (self));
  g_return_if_fail (consent <= TSU_CONSENT_NO);
  if (self->consent == consent)
    return;
  self->consent = consent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAY_SHARE]);
}

TsuLegalBasis
tsu_case_get_legal_basis (TsuCase *self)
{
  g_return_val_if_fail (TSU_IS_CASE (self), TSU_LEGAL_BASIS_NONE);
  return self->legal_basis;
}

void
tsu_case_set_legal_basis (TsuCase       *self,
                          TsuLegalBasis  basis)
{
  g_return_if_fail (TSU_IS_CASE (self));
  g_return_if_fail (basis < TSU_N_LEGAL_BASES);
  if (self->legal_basis == basis)
    return;
  self->legal_basis = basis;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGAL_BASIS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAY_SHARE]);
}

gint64
tsu_case_get_id (TsuCase *self)
{
  g_return_val_if_fail (TSU_IS_CASE (self), 0);
  return self->id;
}

gint64
tsu_case_get_version (TsuCase *self)
{
  g_return_val_if_fail (TSU_IS_CASE (self), 0);
  return self->version;
}

int
tsu_case_get_fiscal_year (TsuCase *self)
{
  GDate date;

  g_return_val_if_fail (TSU_IS_CASE (self), 0);
  if (!tsu_date_from_iso (self->text[TEXT_RECEIVED_ON], &date))
    return 0;
  return tsu_fiscal_year_of (&date);
}

gboolean
tsu_case_may_share (TsuCase *self)
{
  g_return_val_if_fail (TSU_IS_CASE (self), FALSE);

  /* "Consent" as the legal basis without the consent itself is not a
   * basis at all. */
  return self->consent == TSU_CONSENT_YES
         || (self->legal_basis != TSU_LEGAL_BASIS_NONE
             && self->legal_basis != TSU_LEGAL_BASIS_CONSENT);
}

gboolean
tsu_case_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 9)
    return FALSE;
  for (guint i = 0; i < 9; i++)
    {
      if (i == 4 ? code[i] != '-' : !g_ascii_isdigit (code[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
optional_date_is_valid (const char *iso)
{
  GDate date;

  return *iso == '\0' || tsu_date_from_iso (iso, &date);
}

GPtrArray *
tsu_case_validate (TsuCase *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tsu_field_problem_free);
  GDate date;

  g_return_val_if_fail (TSU_IS_CASE (self), problems);

  if (*self->text[TEXT_CODE] != '\0' && !tsu_case_code_is_valid (self->text[TEXT_CODE]))
    g_ptr_array_add (problems, tsu_field_problem_new ("code",
                     _("A case code is the fiscal year and a four-digit number, like 2024-0012.")));
  if (!tsu_date_from_iso (self->text[TEXT_RECEIVED_ON], &date))
    g_ptr_array_add (problems, tsu_field_problem_new ("received-on", _("Enter the date the case was received.")));
  if (*self->text[TEXT_ENTRANCE] == '\0')
    g_ptr_array_add (problems, tsu_field_problem_new ("entrance",
                     _("Enter where the person first came: an organisation, a ward office or another place.")));
  if (!optional_date_is_valid (self->text[TEXT_CONSENT_ON]))
    g_ptr_array_add (problems, tsu_field_problem_new ("consent-on", _("The date of consent is not a valid date.")));
  if (!optional_date_is_valid (self->text[TEXT_SUPPORT_MEETING_ON]))
    g_ptr_array_add (problems, tsu_field_problem_new ("support-meeting-on",
                     _("The date of the support meeting is not a valid date.")));
  return problems;
}

/* ---- history ---------------------------------------------------------- */

/* History field names are the column names of CLI.md's referrals file
 * where there is one. */
static const char * const history_fields[] = {
  "code", "received_on", "entrance", "ward", "age_band", "foreign_resident", "language",
  "concerns", "contact", "consent", "consent_on", "consent_how", "legal_basis",
  "support_meeting", "support_meeting_on", "notes",
};
#define N_HISTORY_FIELDS G_N_ELEMENTS (history_fields)
#define NOTES_FIELD (N_HISTORY_FIELDS - 1)

/* The values as history keeps them: codes, never translated labels; NULL
 * for empty. Notes are sensitive free text and are never copied into the
 * history: a change of notes is recorded as "…", so the timeline says that
 * they changed but not what they say. */
static char **
history_values (TsuCase *self)
{
  char **values = g_new0 (char *, N_HISTORY_FIELDS + 1);
  guint i = 0;

#define TEXT_OR_NULL(t) (*(t) != '\0' ? g_strdup (t) : NULL)
  values[i++] = TEXT_OR_NULL (self->text[TEXT_CODE]);
  values[i++] = TEXT_OR_NULL (self->text[TEXT_RECEIVED_ON]);
  values[i++] = TEXT_OR_NULL (self->text[TEXT_ENTRANCE]);
  values[i++] = self->ward < TSU_N_WARDS ? g_strdup (ward_names[self->ward]) : NULL;
  values[i++] = g_strdup (age_band_codes[self->age_band]);
  values[i++] = g_strdup (self->foreign_resident ? "yes" : "no");
  values[i++] = TEXT_OR_NULL (self->text[TEXT_LANGUAGE]);
  values[i++] = self->concerns != 0 ? tsu_concerns_to_text (self->concerns, TRUE) : NULL;
  values[i++] = g_strdup (contact_codes[self->contact]);
  values[i++] = g_strdup (consent_codes[self->consent]);
  values[i++] = TEXT_OR_NULL (self->text[TEXT_CONSENT_ON]);
  values[i++] = TEXT_OR_NULL (self->text[TEXT_CONSENT_HOW]);
  values[i++] = self->legal_basis != TSU_LEGAL_BASIS_NONE ? g_strdup (legal_basis_codes[self->legal_basis]) : NULL;
  values[i++] = g_strdup (self->support_meeting ? "yes" : "no");
  values[i++] = TEXT_OR_NULL (self->text[TEXT_SUPPORT_MEETING_ON]);
  values[i++] = *self->text[TEXT_NOTES] != '\0' ? g_strdup (TSU_HISTORY_HIDDEN) : NULL;
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
               TsuCase      *stored,
               TsuCase      *self,
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
      gboolean changed;

      if (i == NOTES_FIELD)
        changed = stored ? strcmp (stored->text[TEXT_NOTES], self->text[TEXT_NOTES]) != 0
                         : after[i] != NULL;
      else
        changed = g_strcmp0 (old_value, after[i]) != 0;
      if (changed)
        {
          fields[n] = history_fields[i];
          old_values[n] = old_value;
          new_values[n] = after[i];
          n++;
        }
    }
  return tsu_history_add_fields (db, self->id, "case", self->id, fields, old_values, new_values, n, error);
}

/* ---- loading ---------------------------------------------------------- */

static gpointer
read_row (sqlite3_stmt *stmt)
{
  TsuCase *self = tsu_case_new ();
  guint value;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->version = sqlite3_column_int64 (stmt, 1);
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL
      && tsu_vocabulary_lookup ((const char *) sqlite3_column_text (stmt, 2), ward_names, NULL,
                                0, TSU_N_WARDS, NULL, &value))
    self->ward = value;
  if (tsu_vocabulary_lookup ((const char *) sqlite3_column_text (stmt, 3), age_band_codes, NULL,
                             0, TSU_N_AGE_BANDS, NULL, &value))
    self->age_band = value;
  self->foreign_resident = sqlite3_column_int (stmt, 4) != 0;
  self->concerns = (guint) sqlite3_column_int (stmt, 5) & ((1u << TSU_N_CONCERNS) - 1);
  if (tsu_vocabulary_lookup ((const char *) sqlite3_column_text (stmt, 6), contact_codes, NULL,
                             0, TSU_N_CONTACTS, NULL, &value))
    self->contact = value;
  if (tsu_vocabulary_lookup ((const char *) sqlite3_column_text (stmt, 7), consent_codes, NULL,
                             0, G_N_ELEMENTS (consent_codes), NULL, &value))
    self->consent = value;
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL
      && tsu_vocabulary_lookup ((const char *) sqlite3_column_text (stmt, 8), legal_basis_codes, NULL,
                                1, TSU_N_LEGAL_BASES, NULL, &value))
    self->legal_basis = value;
  self->support_meeting = sqlite3_column_int (stmt, 9) != 0;
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
tsu_case_load_all (TsuDatabase  *db,
                   GError      **error)
{
  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  return load_rows (db, "SELECT " COLUMNS " FROM cases ORDER BY received_on DESC, code DESC",
                    NULL, NULL, 0, error);
}

void
tsu_fiscal_year_bounds (int    year,
                        char   first[11],
                        char   last[11])
{
  g_snprintf (first, 11, "%04d-04-01", year);
  g_snprintf (last, 11, "%04d-03-31", year + 1);
}

GPtrArray *
tsu_case_load_for_fiscal_year (TsuDatabase  *db,
                               int           year,
                               GError      **error)
{
  char first[11], last[11];

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  tsu_fiscal_year_bounds (year, first, last);
  return load_rows (db,
                    "SELECT " COLUMNS " FROM cases WHERE received_on BETWEEN ?1 AND ?2"
                    " ORDER BY received_on DESC, code DESC",
                    first, last, 0, error);
}

TsuCase *
tsu_case_load_by_id (TsuDatabase  *db,
                     gint64        id,
                     GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  rows = load_rows (db, "SELECT " COLUMNS " FROM cases WHERE id = ?", NULL, NULL, id, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_NOT_FOUND,
                   _("The case no longer exists."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

static gint64
case_id (gpointer row)
{
  return tsu_case_get_id (row);
}

GPtrArray *
tsu_case_load_by_ids (TsuDatabase   *db,
                      const gint64  *ids,
                      guint          n_ids,
                      GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  stmt = tsu_database_prepare (db, "SELECT " COLUMNS " FROM cases WHERE id IN (SELECT value FROM json_each (?))",
                               error);
  if (stmt == NULL)
    return NULL;
  json = tsu_ids_to_json (ids, n_ids);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  rows = tsu_record_load_rows (db, stmt, read_row, error);
  if (rows == NULL)
    return NULL;
  return tsu_ids_order_rows (rows, ids, n_ids, case_id);
}

TsuCase *
tsu_case_find_by_code (TsuDatabase  *db,
                       const char   *code,
                       GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (code ? code : ""));

  g_return_val_if_fail (TSU_IS_DATABASE (db), NULL);
  rows = load_rows (db, "SELECT " COLUMNS " FROM cases WHERE code = ?", trimmed, NULL, 0, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* ---- saving ----------------------------------------------------------- */

static gboolean
assign_code (TsuCase      *self,
             TsuDatabase  *db,
             GError      **error)
{
  int year = tsu_case_get_fiscal_year (self);
  g_autofree char *pattern = g_strdup_printf ("%04d-*", year);
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  gint64 next = 1;

  /* The next number of the fiscal year of receipt, after the highest one
   * given so far (imported codes included). */
  stmt = tsu_database_prepare (db,
                               "SELECT coalesce (max (CAST (substr (code, 6) AS INTEGER)), 0) + 1"
                               " FROM cases WHERE code GLOB ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (next > 9999)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                   _("Fiscal year %d already has 9999 cases."), year);
      return FALSE;
    }
  code = g_strdup_printf ("%04d-%04" G_GINT64_FORMAT, year, next);
  set_text (self, TEXT_CODE, code);
  return TRUE;
}

/* A case received after its first referral would run backwards. */
static gboolean
check_referral_dates (TsuCase      *self,
                      TsuDatabase  *db,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *first = NULL;

  stmt = tsu_database_prepare (db, "SELECT min (referred_on) FROM referrals WHERE case_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    first = tsu_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (first != NULL && strcmp (first, self->text[TEXT_RECEIVED_ON]) < 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                   _("The case cannot be received after its first referral (%s)."), first);
      return FALSE;
    }
  return TRUE;
}

/* Inserts a new case (id 0) or updates the stored one at its version. */
static gboolean
write_row (TsuCase      *self,
           TsuDatabase  *db,
           GError      **error)
{
  sqlite3_stmt *stmt;

  if (self->id == 0)
    stmt = tsu_database_prepare (db,
      "INSERT INTO cases (ward, age_band, foreign_resident, concerns, contact, consent, legal_basis,"
      " support_meeting, code, received_on, entrance, language, consent_on, consent_how,"
      " support_meeting_on, notes)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)", error);
  else
    stmt = tsu_database_prepare (db,
      "UPDATE cases SET ward = ?1, age_band = ?2, foreign_resident = ?3, concerns = ?4, contact = ?5,"
      " consent = ?6, legal_basis = ?7, support_meeting = ?8, code = ?9, received_on = ?10,"
      " entrance = ?11, language = ?12, consent_on = ?13, consent_how = ?14,"
      " support_meeting_on = ?15, notes = ?16, version = version + 1,"
      " updated_at = strftime ('%Y-%m-%dT%H:%M:%S', 'now')"
      " WHERE id = ?17 AND version = ?18", error);
  if (stmt == NULL)
    return FALSE;

  if (self->ward < TSU_N_WARDS)
    sqlite3_bind_text (stmt, 1, ward_names[self->ward], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, age_band_codes[self->age_band], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, self->foreign_resident);
  sqlite3_bind_int (stmt, 4, self->concerns);
  sqlite3_bind_text (stmt, 5, contact_codes[self->contact], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, consent_codes[self->consent], -1, SQLITE_STATIC);
  tsu_bind_text (stmt, 7, legal_basis_codes[self->legal_basis]);
  sqlite3_bind_int (stmt, 8, self->support_meeting);
  tsu_record_texts_bind (stmt, 9, self->text, N_TEXTS);
  if (self->id != 0)
    {
      sqlite3_bind_int64 (stmt, 17, self->id);
      sqlite3_bind_int64 (stmt, 18, self->version);
    }
  return tsu_database_step_done (db, stmt, error);
}

gboolean
tsu_case_save (TsuCase      *self,
               TsuDatabase  *db,
               GError      **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(TsuCase) stored = NULL;
  g_autoptr(TsuCase) other = NULL;
  g_autofree char *code_before = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TSU_IS_CASE (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);

  problems = tsu_case_validate (self);
  if (!tsu_record_check_problems (problems, error))
    return FALSE;

  if (!tsu_database_begin (db, error))
    return FALSE;
  code_before = g_strdup (self->text[TEXT_CODE]);

  if (self->id != 0)
    {
      stored = tsu_case_load_by_id (db, self->id, &local_error);
      if (stored == NULL || stored->version != self->version)
        {
          g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT,
                       _("Case %s was changed by someone else since you opened it. Reload it and make your change again."),
                       self->text[TEXT_CODE]);
          goto fail;
        }
      if (!check_referral_dates (self, db, error))
        goto fail;
    }

  if (*self->text[TEXT_CODE] == '\0')
    {
      if (!assign_code (self, db, error))
        goto fail;
    }
  else
    {
      other = tsu_case_find_by_code (db, self->text[TEXT_CODE], &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
      if (other != NULL && other->id != self->id)
        {
          g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID,
                       _("The case code %s is already used by another case."), self->text[TEXT_CODE]);
          goto fail;
        }
    }

  if (!write_row (self, db, error))
    goto fail;

  if (self->id == 0)
    self->id = sqlite3_last_insert_rowid (tsu_database_get_handle (db));
  else if (sqlite3_changes (tsu_database_get_handle (db)) == 0)
    {
      g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_CONFLICT,
                   _("Case %s was changed by someone else since you opened it. Reload it and make your change again."),
                   self->text[TEXT_CODE]);
      goto fail;
    }

  if (!write_history (db, stored, self, error))
    goto fail;
  if (!tsu_database_commit (db, error))
    goto undo;

  self->version = stored ? self->version + 1 : 1;
  if (stored == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  tsu_database_emit_changed (db, "cases");
  return TRUE;

fail:
  tsu_database_rollback (db);
undo:
  /* Nothing was written: a new case gets no id and no code. */
  if (stored == NULL)
    self->id = 0;
  set_text (self, TEXT_CODE, code_before);
  return FALSE;
}

gboolean
tsu_case_insert_in_transaction (TsuCase      *self,
                                TsuDatabase  *db,
                                GError      **error)
{
  g_return_val_if_fail (TSU_IS_CASE (self), FALSE);
  g_return_val_if_fail (TSU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (self->id == 0, FALSE);
  g_return_val_if_fail (*self->text[TEXT_CODE] != '\0', FALSE);

  /* No savepoint of its own: the caller's transaction is undone as a
   * whole when anything fails, and a savepoint per row would copy every
   * page it touches into the sub-journal. The code's uniqueness is the
   * caller's check, and the UNIQUE index's. */
  if (!write_row (self, db, error))
    return FALSE;
  self->id = sqlite3_last_insert_rowid (tsu_database_get_handle (db));
  if (!write_history (db, NULL, self, error))
    {
      self->id = 0;
      return FALSE;
    }
  self->version = 1;
  return TRUE;
}
