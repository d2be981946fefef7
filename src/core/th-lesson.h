/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TH_BLOCK_PARAGRAPH,
  TH_BLOCK_LIST,
  TH_BLOCK_QUOTE,
} ThBlockKind;

/* Text fields hold Pango markup: escaped text with <i> for emphasis. */
typedef struct
{
  ThBlockKind  kind;
  char        *markup;     /* paragraph or quotation */
  GPtrArray   *items;      /* list items (markup), or NULL */
  char        *source_id;  /* quotation: the source it comes from */
  char        *where;      /* quotation: where in the source */
} ThBlock;

typedef struct
{
  char      *id;
  char      *heading;
  GPtrArray *blocks;       /* of ThBlock */
} ThPage;

typedef struct
{
  char *id;
  char *citation;
} ThSource;

ThBlock  *th_block_new   (ThBlockKind kind);
void      th_block_free  (ThBlock    *block);
ThPage   *th_page_new    (void);
void      th_page_free   (ThPage     *page);
ThSource *th_source_new  (const char *id,
                          const char *citation);
void      th_source_free (ThSource   *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThBlock, th_block_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThPage, th_page_free)

G_END_DECLS
