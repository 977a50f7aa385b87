/* tsu-referral-network.h: the picture the minutes ask for — entrances
 * and receivers as nodes, referrals as lines between them that grow
 * thicker with the count, coloured by the share that connected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "tsu-database.h"

G_BEGIN_DECLS

#define TSU_TYPE_REFERRAL_NETWORK (tsu_referral_network_get_type ())
G_DECLARE_FINAL_TYPE (TsuReferralNetwork, tsu_referral_network, TSU, REFERRAL_NETWORK, GObject)

/* The network of the referrals made in fiscal year @year. */
TsuReferralNetwork *tsu_referral_network_new   (TsuDatabase        *db,
                                                int                 year,
                                                GError            **error);
guint               tsu_referral_network_get_n_nodes (TsuReferralNetwork *self);
guint               tsu_referral_network_get_n_edges (TsuReferralNetwork *self);
/* Draws on any cairo context of @width × @height (points or pixels),
 * with a title, a legend of thickness and colour. */
void                tsu_referral_network_draw  (TsuReferralNetwork *self,
                                                cairo_t            *cr,
                                                double              width,
                                                double              height);
/* Writes .pdf, .png or .svg by @path's suffix; anything else is
 * G_IO_ERROR_INVALID_ARGUMENT. */
gboolean            tsu_referral_network_write (TsuReferralNetwork *self,
                                                const char         *path,
                                                GError            **error);

G_END_DECLS
