/* tsu-event.h: a council meeting, tour, training, workshop or case study.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"
#include "tsu-date.h"

G_BEGIN_DECLS

typedef enum
{
  TSU_EVENT_KIND_MEETING,     /* 会議 */
  TSU_EVENT_KIND_TOUR,        /* 見学会 */
  TSU_EVENT_KIND_TRAINING,    /* 研修 */
  TSU_EVENT_KIND_WORKSHOP,    /* ワークショップ */
  TSU_EVENT_KIND_CASE_STUDY,  /* ケーススタディ */
  TSU_EVENT_KIND_OTHER,       /* その他 */
  TSU_N_EVENT_KINDS
} TsuEventKind;

typedef enum
{
  TSU_EVENT_STATUS_PLANNED,   /* 予定 */
  TSU_EVENT_STATUS_HELD,      /* 実施済 */
  TSU_EVENT_STATUS_CANCELLED, /* 中止 */
  TSU_N_EVENT_STATUSES
} TsuEventStatus;

/* Codes as in CLI.md ("meeting", "case-study", "held" …); from_text also
 * accepts the Japanese labels of CLI.md. Labels are translated. */
const char *tsu_event_kind_to_code     (TsuEventKind    kind);
const char *tsu_event_kind_to_label    (TsuEventKind    kind);
gboolean    tsu_event_kind_from_text   (const char     *text,
                                        TsuEventKind   *kind);
const char *tsu_event_status_to_code   (TsuEventStatus  status);
const char *tsu_event_status_to_label  (TsuEventStatus  status);
gboolean    tsu_event_status_from_text (const char     *text,
                                        TsuEventStatus *status);

/* Policy pillars ①–④ of the national priority plan, as a bit mask:
 * bit 0 is ①. "1;4", "1、4", "①④" and "14" all give 0b1001. */
#define TSU_PILLARS_ALL 0xf
gboolean    tsu_pillars_parse          (const char     *text,
                                        guint          *pillars,
                                        GError        **error);
/* "①④"; "" for none. */
char       *tsu_pillars_to_text        (guint           pillars);

#define TSU_TYPE_EVENT (tsu_event_get_type ())
G_DECLARE_FINAL_TYPE (TsuEvent, tsu_event, TSU, EVENT, GObject)

TsuEvent       *tsu_event_new             (void);
TsuEvent       *tsu_event_copy            (TsuEvent *self);

gint64          tsu_event_get_id          (TsuEvent *self);
gint64          tsu_event_get_version     (TsuEvent *self);
/* A short unique key named by the CSV files and the command line, e.g.
 * "2023-council-5". */
const char     *tsu_event_get_key         (TsuEvent *self);
TsuEventKind    tsu_event_get_kind        (TsuEvent *self);
/* 第N回; 0 when the event has no number. */
guint           tsu_event_get_number      (TsuEvent *self);
const char     *tsu_event_get_title       (TsuEvent *self);
/* ISO: "2023-07-19T15:00", or "2023-07-19" for a whole day. */
const char     *tsu_event_get_starts_at   (TsuEvent *self);
/* Same form; "" when the event ends the day it starts, untimed. */
const char     *tsu_event_get_ends_at     (TsuEvent *self);
const char     *tsu_event_get_venue       (TsuEvent *self);
/* Free text: 北九州市, 市社協 or an organisation's name. */
const char     *tsu_event_get_organizer   (TsuEvent *self);
guint           tsu_event_get_pillars     (TsuEvent *self);
TsuEventStatus  tsu_event_get_status      (TsuEvent *self);
/* 0 when unlimited. */
guint           tsu_event_get_capacity    (TsuEvent *self);
/* The name of the budget line (予算事業), until the budget ledger links
 * lines by id. */
const char     *tsu_event_get_budget_line (TsuEvent *self);
const char     *tsu_event_get_notes       (TsuEvent *self);
/* When the sign-in sheet (受付簿) was last printed or saved as PDF, UTC
 * "YYYY-MM-DDTHH:MM:SS"; "" when never. */
const char     *tsu_event_get_sign_in_printed_at (TsuEvent *self);

void tsu_event_set_key         (TsuEvent *self, const char *key);
void tsu_event_set_kind        (TsuEvent *self, TsuEventKind kind);
void tsu_event_set_number      (TsuEvent *self, guint number);
void tsu_event_set_title       (TsuEvent *self, const char *title);
void tsu_event_set_starts_at   (TsuEvent *self, const char *iso);
void tsu_event_set_ends_at     (TsuEvent *self, const char *iso);
void tsu_event_set_venue       (TsuEvent *self, const char *venue);
void tsu_event_set_organizer   (TsuEvent *self, const char *organizer);
void tsu_event_set_pillars     (TsuEvent *self, guint pillars);
void tsu_event_set_status      (TsuEvent *self, TsuEventStatus status);
void tsu_event_set_capacity    (TsuEvent *self, guint capacity);
void tsu_event_set_budget_line (TsuEvent *self, const char *budget_line);
void tsu_event_set_notes       (TsuEvent *self, const char *notes);

/* The fiscal year of the start date (April–March). */
int        tsu_event_get_fiscal_year    (TsuEvent     *self);
/* "第5回 連携協議会" or the title alone. */
char      *tsu_event_dup_display_title  (TsuEvent     *self);
/* "令和5年7月19日 15:00〜16:30", "令和6年2月5日〜2月6日". */
char      *tsu_event_dup_when_text      (TsuEvent     *self,
                                         TsuDateStyle  style);

GPtrArray *tsu_event_validate  (TsuEvent     *self);
/* Insert or update in one transaction, with the row-version check of
 * organisations (TSU_STORE_ERROR_CONFLICT). A key already used by another
 * event is TSU_STORE_ERROR_INVALID. */
gboolean   tsu_event_save      (TsuEvent     *self,
                                TsuDatabase  *db,
                                GError      **error);
/* Soft delete with its programme, attendees and minutes kept for undo. */
gboolean   tsu_event_delete    (TsuDatabase  *db,
                                gint64        id,
                                GError      **error);

/* Records that the sign-in sheet of event @id was printed or saved now. */
gboolean   tsu_event_mark_sign_in_printed (TsuDatabase  *db,
                                           gint64        id,
                                           GError      **error);

/* Every event not deleted, by start. */
GPtrArray *tsu_event_load_all              (TsuDatabase  *db,
                                            GError      **error);
/* Events starting within fiscal year @year, by start. */
GPtrArray *tsu_event_load_for_fiscal_year  (TsuDatabase  *db,
                                            int           year,
                                            GError      **error);
TsuEvent  *tsu_event_load_by_id            (TsuDatabase  *db,
                                            gint64        id,
                                            GError      **error);
/* NULL with no error when there is none. */
TsuEvent  *tsu_event_find_by_key           (TsuDatabase  *db,
                                            const char   *key,
                                            GError      **error);

G_END_DECLS
