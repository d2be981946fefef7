/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-lesson"

#include "config.h"

#include "th-lesson.h"

ThBlock *
th_block_new (ThBlockKind kind)
{
  ThBlock *block = g_new0 (ThBlock, 1);

  block->kind = kind;
  if (kind == TH_BLOCK_LIST)
    block->items = g_ptr_array_new_with_free_func (g_free);
  return block;
}

void
th_block_free (ThBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->markup);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_free (block->source_id);
  g_free (block->where);
  g_free (block);
}

ThPage *
th_page_new (void)
{
  ThPage *page = g_new0 (ThPage, 1);

  page->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) th_block_free);
  return page;
}

void
th_page_free (ThPage *page)
{
  if (page == NULL)
    return;
  g_free (page->id);
  g_free (page->heading);
  g_ptr_array_unref (page->blocks);
  g_free (page);
}

ThSource *
th_source_new (const char *id,
               const char *citation)
{
  ThSource *source = g_new0 (ThSource, 1);

  source->id = g_strdup (id);
  source->citation = g_strdup (citation);
  return source;
}

void
th_source_free (ThSource *source)
{
  if (source == NULL)
    return;
  g_free (source->id);
  g_free (source->citation);
  g_free (source);
}
