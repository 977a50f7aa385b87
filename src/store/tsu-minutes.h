/* tsu-minutes.h: the minutes (議事録) of a meeting: agenda items in
 * order, each with remarks by members (◆) and answers by the city (◇).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-database.h"

G_BEGIN_DECLS

typedef enum
{
  TSU_REMARK_MEMBER, /* ◆ a member organisation's opinion */
  TSU_REMARK_CITY,   /* ◇ the city's answer */
} TsuRemarkKind;

/* "◆" or "◇". */
const char *tsu_remark_kind_to_mark (TsuRemarkKind kind);

typedef struct
{
  TsuRemarkKind  kind;
  char          *organization; /* who spoke for a member; may be NULL */
  char          *text;
} TsuRemark;

typedef struct
{
  char      *title;    /* 行政からの説明「…」 */
  char      *summary;  /* what was explained, may be NULL */
  GPtrArray *remarks;  /* TsuRemark, in order */
} TsuAgendaItem;

TsuRemark     *tsu_remark_new           (TsuRemarkKind  kind,
                                         const char    *organization,
                                         const char    *text);
void           tsu_remark_free          (TsuRemark     *remark);
TsuAgendaItem *tsu_agenda_item_new      (const char    *title,
                                         const char    *summary);
void           tsu_agenda_item_free     (TsuAgendaItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsuRemark, tsu_remark_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsuAgendaItem, tsu_agenda_item_free)

/* The agenda items of an event, in order (TsuAgendaItem, owned by the
 * array); empty when there are no minutes. */
GPtrArray *tsu_minutes_load (TsuDatabase  *db,
                             gint64        event_id,
                             GError      **error);
/* Replaces the whole minutes of the event in one transaction. Items need a
 * title and remarks a text (TSU_STORE_ERROR_INVALID otherwise). */
gboolean   tsu_minutes_save (TsuDatabase  *db,
                             gint64        event_id,
                             GPtrArray    *items,
                             GError      **error);

G_END_DECLS
