/* tsu-overview.h: the figures of the overview page (members over time,
 * the year's head counts, referrals and budget use) and what needs doing
 * next. GLib and SQLite only; the page draws and words them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tsu-budget-line.h"
#include "tsu-event.h"
#include "tsu-referral-stats.h"

G_BEGIN_DECLS

/* The member count changes on @date to @count. */
typedef struct
{
  char  date[11];   /* YYYY-MM-DD */
  guint count;
} TsuMemberStep;

/* Member organisations (as the directory counts them: kind member, not
 * deleted, not left by @today_iso) over time, one step per day a count
 * changes, from the earliest join or leave date to @today_iso (the last
 * step is @today_iso, so the line reaches today). A member without a join
 * date counts from the first step; a join date after today counts today,
 * as the directory counts it. @today_iso NULL is today. A GArray of
 * TsuMemberStep, never empty. */
GArray    *tsu_overview_member_steps     (TsuDatabase        *db,
                                          const char         *today_iso,
                                          GError            **error);

/* The fiscal year the charts open on for @today_iso (NULL: today): its
 * own when it has any event, referral or budget line, else the latest
 * earlier one that has (a council between years, demo data), else its
 * own. */
int        tsu_overview_default_fiscal_year (TsuDatabase     *db,
                                             const char      *today_iso,
                                             GError         **error);

/* Month 0 is April. An event's head count is the sum of its programme
 * items' counts where any is counted, else its attendees marked attended
 * (as the attendance summary counts). Every event of the year that is
 * not deleted, cancelled ones included (they count 0 when nobody came). */
typedef struct
{
  int   fiscal_year;
  guint head_counts[12][TSU_N_EVENT_KINDS];
  guint events[12][TSU_N_EVENT_KINDS];
} TsuEventCounts;

gboolean   tsu_overview_event_counts     (TsuDatabase        *db,
                                          int                 year,
                                          TsuEventCounts     *counts,
                                          GError            **error);

/* The referral statistics of the year (tsu-referral-stats.h) and the
 * same referrals by month of referral (0 is April) and status. */
typedef struct
{
  TsuReferralStats stats;
  guint            by_month_status[12][TSU_N_REFERRAL_STATUSES];
} TsuReferralCounts;

gboolean   tsu_overview_referral_counts  (TsuDatabase        *db,
                                          int                 year,
                                          TsuReferralCounts  *counts,
                                          GError            **error);

/* The budget lines of the year in table order with their paid sums
 * (TsuBudgetLine). */
GPtrArray *tsu_overview_budget_lines     (TsuDatabase        *db,
                                          int                 year,
                                          GError            **error);

/* Whether @paid is over 90 % of @amount (or anything paid of nothing). */
gboolean   tsu_overview_budget_nearly_spent (gint64           amount,
                                             gint64           paid);

typedef enum
{
  TSU_TODO_OVERDUE_REFERRAL,   /* open and past its due date */
  TSU_TODO_SIGN_IN_SHEET,      /* an event within 30 days, no sheet printed */
  TSU_TODO_BUDGET_LINE,        /* over 90 % paid */
  TSU_N_TODO_KINDS
} TsuTodoKind;

/* Days ahead in which an event's sign-in sheet is expected printed. */
#define TSU_TODO_SIGN_IN_DAYS 30

typedef struct
{
  TsuTodoKind kind;
  gint64      id;           /* of the referral, event or budget line */
  gint64      case_id;      /* the referral's case */
  int         fiscal_year;  /* the budget line's */
  char       *title;        /* case code, event title (第N回 …) or line name */
  char       *detail;       /* "from → to" of a referral; the event's venue */
  char       *date;         /* due date, start of the event; NULL for a line */
  gint64      amount;       /* budget line */
  gint64      paid;
} TsuTodoItem;

void       tsu_todo_item_free            (TsuTodoItem        *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsuTodoItem, tsu_todo_item_free)

/* What needs doing on @today_iso (NULL: today): overdue referrals, the
 * longest overdue first; events starting from today to
 * TSU_TODO_SIGN_IN_DAYS days later, not cancelled, whose sign-in sheet was
 * never printed, the soonest first; budget lines of the current fiscal
 * year over 90 % paid, the most spent first. At most @limit items of each
 * kind (0: no limit); @n_total, if not NULL, gets how many there are of
 * each kind in all. A GPtrArray of TsuTodoItem in that order. */
GPtrArray *tsu_overview_load_todo        (TsuDatabase        *db,
                                          const char         *today_iso,
                                          guint               limit,
                                          guint               n_total[TSU_N_TODO_KINDS],
                                          GError            **error);

G_END_DECLS
