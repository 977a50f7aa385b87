/* tsu-amount.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tsu-amount.h"
#include "tsu-database.h"

/* @format has two %s: the field's name, then what was typed. */
G_GNUC_PRINTF (2, 0)
static gboolean
refuse (GError    **error,
        const char *format,
        const char *field,
        const char *text)
{
  /* A message is UTF-8 even when what was typed or read is not. */
  g_autofree char *shown = g_utf8_make_valid (text ? text : "", -1);

  /* The formats are all literals passed through gettext. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, TSU_STORE_ERROR, TSU_STORE_ERROR_INVALID, format,
               field ? field : _("Amount"), shown);
#pragma GCC diagnostic pop
  return FALSE;
}

gboolean
tsu_amount_parse (const char  *text,
                  const char  *field,
                  gint64      *yen,
                  GError     **error)
{
  g_autofree char *nfkc = NULL;
  GString *digits;
  g_autofree char *number = NULL;
  const char *p;
  guint64 value = 0;

  g_return_val_if_fail (yen != NULL, FALSE);

  /* g_utf8_normalize() lets some invalid UTF-8 through (overlong forms
   * such as C0 A5), so check first. */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return refuse (error, _("%s: “%s” is not an amount in yen."), field, text);
  /* NFKC makes full-width digits, commas and ￥ ordinary. */
  nfkc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  if (nfkc == NULL)
    return refuse (error, _("%s: “%s” is not an amount in yen."), field, text);
  g_strstrip (nfkc);
  if (*nfkc == '\0')
    return refuse (error, _("%s: “%s” is empty: enter an amount in yen, like 1,158,120."), field, "");

  p = nfkc;
  if (g_str_has_prefix (p, "¥"))
    p += strlen ("¥");
  else if (*p == '\\')  /* ￥ on Japanese keyboards may arrive as a backslash */
    p++;
  while (*p == ' ')
    p++;
  if (*p == '-' || g_str_has_prefix (p, "−") || g_str_has_prefix (p, "▲") || g_str_has_prefix (p, "△"))
    return refuse (error, _("%s: “%s” is negative: amounts are 0 yen or more."), field, text);

  digits = g_string_new (NULL);
  for (; *p && g_ascii_isdigit (*p); p++)
    {
      g_string_append_c (digits, *p);
      /* A comma is a thousands separator only between digits. */
      if (p[1] == ',' && g_ascii_isdigit (p[2]))
        p++;
    }
  number = g_string_free (digits, FALSE);
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "円"))
    p += strlen ("円");
  while (*p == ' ')
    p++;

  if (*number == '\0')
    return refuse (error, _("%s: “%s” is not an amount in yen."), field, text);
  if (*p == '.')
    return refuse (error, _("%s: “%s” has a fraction: amounts are whole yen."), field, text);
  if (*p != '\0')
    return refuse (error, _("%s: “%s” is not an amount in yen."), field, text);
  if (strlen (number) > 12)
    return refuse (error, _("%s: “%s” is too large for an amount."), field, text);

  value = g_ascii_strtoull (number, NULL, 10);
  if (value > (guint64) TSU_AMOUNT_MAX)
    return refuse (error, _("%s: “%s” is too large for an amount."), field, text);
  *yen = (gint64) value;
  return TRUE;
}

char *
tsu_amount_format (gint64 yen)
{
  g_autofree char *plain = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) ABS (yen));
  GString *out = g_string_new (yen < 0 ? "-" : "");
  gsize len = strlen (plain);

  for (gsize i = 0; i < len; i++)
    {
      g_string_append_c (out, plain[i]);
      if ((len - i - 1) % 3 == 0 && i + 1 < len)
        g_string_append_c (out, ',');
    }
  return g_string_free (out, FALSE);
}
