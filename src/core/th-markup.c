/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "threshold"

#include "config.h"

#include "th-markup.h"

/* Content is written in Pango markup; a CSV or an xAPI statement carries
 * its plain text. GMarkup reads it as Pango would, without linking Pango
 * into the command line. */

static void
collect_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  g_string_append_len (user_data, text, length);
}

/**
 * th_markup_dup_plain:
 *
 * Returns: (transfer full) (nullable): the text of @markup without its
 *   tags, its entities replaced, or %NULL where it is not well formed
 */
char *
th_markup_dup_plain (const char *markup)
{
  static const GMarkupParser parser = { NULL, NULL, collect_text, NULL, NULL };
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, plain, NULL);

  g_return_val_if_fail (markup != NULL, NULL);

  if (!g_markup_parse_context_parse (context, "<markup>", -1, NULL) ||
      !g_markup_parse_context_parse (context, markup, -1, NULL) ||
      !g_markup_parse_context_parse (context, "</markup>", -1, NULL) ||
      !g_markup_parse_context_end_parse (context, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&plain), FALSE);
}
