/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-paper"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "th-paper-module.h"
#include "th-plugin.h"

G_DEFINE_QUARK (th-paper-error-quark, th_paper_error)

static const ThPaperSize a4 = { 595.28, 841.89 };
static const ThPaperSize letter = { 612.0, 792.0 };

/**
 * th_paper_size_for_locale:
 *
 * US Letter where the locale's LC_PAPER says so (the United States,
 * Canada, Mexico and a few more), A4 everywhere else, including where the
 * C library cannot say. The program must have called setlocale() first.
 */
ThPaperSize
th_paper_size_for_locale (void)
{
#ifdef __GLIBC__
  /* glibc hands these numbers (millimetres) back in the pointer itself. */
  union { char *string; unsigned int word; } width, height;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  height.string = nl_langinfo (_NL_PAPER_HEIGHT);
  if (width.word == 216 && height.word == 279)
    return letter;
#endif
  return a4;
}

/**
 * th_paper_module_get:
 *
 * Loads the module once, from whichever thread asks first.
 *
 * Returns: (transfer none): the module's functions, or %NULL with @error
 *   set when it cannot be loaded
 */
const ThPaperFuncs *
th_paper_module_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  static ThPluginSpec spec = { "THRESHOLD_PAPER_MODULE", "paper", PAPER_MODULE_NAME, "th_paper_module_query", FALSE, NULL };
  const ThPaperFuncs *funcs = g_once (&once, th_plugin_load, &spec);

  if (funcs == NULL)
    g_set_error (error, TH_PAPER_ERROR, TH_PAPER_ERROR_MODULE,
                 _("Threshold cannot write PDF files: its module is missing (%s)"), spec.problem);
  return funcs;
}
