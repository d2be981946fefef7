/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "th-json-depth.h"

/**
 * th_json_depth_within:
 *
 * Returns: whether no array or object in @data nests deeper than
 *   @max_depth; brackets inside strings do not count
 */
gboolean
th_json_depth_within (const char *data,
                      gsize       length,
                      guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > max_depth)
        return FALSE;
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}
