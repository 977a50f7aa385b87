/* tsu-print.c: the print dialog around a TsuTablePrint.
 *
 * The pages are laid out by the report library, the same code that writes
 * the headless PDF, so the dialog only hands over the cairo context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tsu-print.h"

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                TsuTablePrint     *printout)
{
  guint n_pages;

  n_pages = tsu_table_print_paginate (printout,
                                      gtk_print_context_get_cairo_context (context),
                                      gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              TsuTablePrint     *printout)
{
  tsu_table_print_draw_page (printout,
                             gtk_print_context_get_cairo_context (context),
                             (guint) page_nr);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  TsuPrintedFunc printed;
  gpointer       user_data;
  GDestroyNotify destroy;
} Printed;

static void
printed_free (gpointer data)
{
  Printed *printed = data;

  if (printed->destroy != NULL)
    printed->destroy (printed->user_data);
  g_free (printed);
}

static void
notify_printed (GtkPrintOperation       *operation,
                GtkPrintOperationResult  result)
{
  Printed *printed = g_object_get_data (G_OBJECT (operation), "tsu-printed");

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && printed != NULL && printed->printed != NULL)
    printed->printed (printed->user_data);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  /* Only an asynchronous run is finished here; a synchronous one is
   * finished by tsu_print_table() itself. */
  if (g_object_get_data (G_OBJECT (operation), "tsu-in-progress") == NULL)
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      GtkWindow *parent = g_object_get_data (G_OBJECT (operation), "tsu-parent");

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (parent, error);
    }
  notify_printed (operation, result);
  /* The reference taken in tsu_print_table() keeps the operation alive
   * while the dialog is open. */
  g_object_unref (operation);
}

void
tsu_print_table (GtkWindow     *parent,
                 TsuTablePrint *printout)
{
  tsu_print_table_full (parent, printout, NULL, NULL, NULL);
}

void
tsu_print_table_full (GtkWindow      *parent,
                      TsuTablePrint  *printout,
                      TsuPrintedFunc  printed,
                      gpointer        user_data,
                      GDestroyNotify  destroy)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (TSU_IS_TABLE_PRINT (printout));

  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup,
                                  tsu_table_print_get_landscape (printout)
                                  ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                  : GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "tsu-printout",
                          g_object_ref (printout), g_object_unref);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (operation), "tsu-parent",
                            g_object_ref (parent), g_object_unref);
  if (printed != NULL || destroy != NULL)
    {
      Printed *data = g_new0 (Printed, 1);

      data->printed = printed;
      data->user_data = user_data;
      data->destroy = destroy;
      g_object_set_data_full (G_OBJECT (operation), "tsu-printed", data, printed_free);
    }
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), printout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), printout);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), NULL);

  result = gtk_print_operation_run (operation,
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      g_object_set_data (G_OBJECT (operation), "tsu-in-progress", GINT_TO_POINTER (TRUE));
      return;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (parent, error);
  notify_printed (operation, result);
  g_object_unref (operation);
}
