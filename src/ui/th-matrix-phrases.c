/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-matrix-phrases"

#include "config.h"

#include <glib/gi18n.h>

#include "th-matrix-phrases.h"
#include "th-module.h"

/* What the module strips of a matrix say, in marks and in words, made
 * once for all of them. A filter puts other learners in two hundred
 * strips of fifteen modules each, and a screen reader's label for each:
 * formatting and translating every cell again took more of the frame
 * than drawing it. The phrases are few (a module, a status, a score), so
 * each is made the first time it is needed and kept. */
struct _ThMatrixPhrases
{
  GObject     parent_instance;

  GPtrArray  *modules;       /* of ThModule, the cells' order */
  GStrv       short_names;   /* "P1", by module */
  GStrv       spoken_names;  /* "Principle 1", by module */
  GHashTable *marks;         /* phrase_key() → "✓95" */
  GHashTable *cells;         /* phrase_key() → "Principle 1: Passed, 95%" */
  char       *separator;     /* between the cells a screen reader reads */
};

G_DEFINE_FINAL_TYPE (ThMatrixPhrases, th_matrix_phrases, G_TYPE_OBJECT)

/* A score is part of the phrase only where the phrase shows it. */
static gboolean
shows_percent (ThCellState state)
{
  return state == TH_CELL_PASSED || state == TH_CELL_DUE_SOON || state == TH_CELL_NOT_PASSED;
}

static gpointer
phrase_key (guint               module,
            const ThMatrixCell *cell)
{
  guint percent = shows_percent (cell->state) ? cell->percent : 0;

  return GUINT_TO_POINTER (module << 16 | (guint) cell->state << 8 | percent);
}

/* "LHR" for "Leading Harm Reduction": at most three, capitalised. */
static char *
initials (const char *title)
{
  g_auto(GStrv) words = g_strsplit (title, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL && g_utf8_strlen (out->str, -1) < 3; i++)
    if (words[i][0] != '\0')
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (words[i])));
  return g_string_free (out, FALSE);
}

/* "P1", "T8": what a cell is headed with. */
static char *
short_name (ThModule *module)
{
  switch (th_module_get_kind (module))
    {
    case TH_MODULE_KIND_PRINCIPLE:
      return g_strdup_printf ("P%u", th_module_get_order (module));
    case TH_MODULE_KIND_THEME:
      return g_strdup_printf ("T%u", th_module_get_order (module));
    case TH_MODULE_KIND_OTHER:
    default:
      return initials (th_module_get_title (module));
    }
}

/* "Principle 1": what a screen reader calls a cell. */
static char *
spoken_name (ThModule *module)
{
  switch (th_module_get_kind (module))
    {
    case TH_MODULE_KIND_PRINCIPLE:
      /* TRANSLATORS: a module of the completion matrix, shown as "P1" */
      return g_strdup_printf (_("Principle %u"), th_module_get_order (module));
    case TH_MODULE_KIND_THEME:
      /* TRANSLATORS: a module of the completion matrix, shown as "T1" */
      return g_strdup_printf (_("Theme %u"), th_module_get_order (module));
    case TH_MODULE_KIND_OTHER:
    default:
      return g_strdup (th_module_get_title (module));
    }
}

/* The status as a mark: the legend under the matrix says what each is. */
static char *
status_mark (const ThMatrixCell *cell)
{
  switch (cell->state)
    {
    case TH_CELL_PASSED:
      return g_strdup_printf ("✓%u", cell->percent);
    case TH_CELL_DUE_SOON:
      return g_strdup_printf ("↻%u", cell->percent);
    case TH_CELL_OVERDUE:
      return g_strdup ("!");
    case TH_CELL_IN_PROGRESS:
      return g_strdup ("…");
    case TH_CELL_NOT_PASSED:
      return g_strdup_printf ("✗%u", cell->percent);
    case TH_CELL_NOT_STARTED:
    default:
      return g_strdup ("–");
    }
}

/* The same in words, for a screen reader and the tooltip: the core's
 * words for the status, with the score where there is one. */
static char *
status_words (const ThMatrixCell *cell)
{
  switch (cell->state)
    {
    case TH_CELL_PASSED:
      return g_strdup_printf (C_("module status", "Passed, %u%%"), cell->percent);
    case TH_CELL_DUE_SOON:
      return g_strdup_printf (C_("module status", "Due soon, %u%%"), cell->percent);
    case TH_CELL_NOT_PASSED:
      return g_strdup_printf (C_("module status", "Not passed yet, %u%%"), cell->percent);
    case TH_CELL_OVERDUE:
    case TH_CELL_IN_PROGRESS:
    case TH_CELL_NOT_STARTED:
    default:
      return g_strdup (th_cell_state_describe (cell->state));
    }
}

static void
th_matrix_phrases_finalize (GObject *object)
{
  ThMatrixPhrases *self = (ThMatrixPhrases *)object;

  g_ptr_array_unref (self->modules);
  g_strfreev (self->short_names);
  g_strfreev (self->spoken_names);
  g_hash_table_unref (self->marks);
  g_hash_table_unref (self->cells);
  g_free (self->separator);

  G_OBJECT_CLASS (th_matrix_phrases_parent_class)->finalize (object);
}

static void
th_matrix_phrases_class_init (ThMatrixPhrasesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = th_matrix_phrases_finalize;
}

static void
th_matrix_phrases_init (ThMatrixPhrases *self)
{
  self->marks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->cells = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  /* TRANSLATORS: between the modules a screen reader reads out */
  self->separator = g_strdup (C_("matrix cell", "; "));
}

/**
 * th_matrix_phrases_new:
 * @modules: (element-type ThModule): the matrix's modules, in its order
 */
ThMatrixPhrases *
th_matrix_phrases_new (GPtrArray *modules)
{
  ThMatrixPhrases *self;

  g_return_val_if_fail (modules != NULL, NULL);

  self = g_object_new (TH_TYPE_MATRIX_PHRASES, NULL);
  self->modules = g_ptr_array_ref (modules);
  self->short_names = g_new0 (char *, modules->len + 1);
  self->spoken_names = g_new0 (char *, modules->len + 1);
  for (guint i = 0; i < modules->len; i++)
    {
      self->short_names[i] = short_name (modules->pdata[i]);
      self->spoken_names[i] = spoken_name (modules->pdata[i]);
    }
  return self;
}

guint
th_matrix_phrases_get_n_modules (ThMatrixPhrases *self)
{
  g_return_val_if_fail (TH_IS_MATRIX_PHRASES (self), 0);
  return self->modules->len;
}

/* "P1": the heading of @module's cells. */
const char *
th_matrix_phrases_get_short_name (ThMatrixPhrases *self,
                                  guint            module)
{
  g_return_val_if_fail (TH_IS_MATRIX_PHRASES (self), NULL);
  g_return_val_if_fail (module < self->modules->len, NULL);
  return self->short_names[module];
}

/* "✓95": @cell's status as a mark. */
const char *
th_matrix_phrases_get_mark (ThMatrixPhrases    *self,
                            const ThMatrixCell *cell)
{
  gpointer key;
  char *mark;

  g_return_val_if_fail (TH_IS_MATRIX_PHRASES (self), NULL);

  key = phrase_key (0, cell);
  mark = g_hash_table_lookup (self->marks, key);
  if (mark == NULL)
    g_hash_table_insert (self->marks, key, mark = status_mark (cell));
  return mark;
}

/* "Principle 1: Passed, 95%" */
static const char *
get_cell_words (ThMatrixPhrases    *self,
                guint               module,
                const ThMatrixCell *cell)
{
  gpointer key = phrase_key (module, cell);
  char *text = g_hash_table_lookup (self->cells, key);

  if (text == NULL)
    {
      g_autofree char *words = status_words (cell);

      /* TRANSLATORS: what a screen reader says for one module of a
       * learner: the module ("Principle 1"), then the status */
      text = g_strdup_printf (C_("matrix cell", "%s: %s"), self->spoken_names[module], words);
      g_hash_table_insert (self->cells, key, text);
    }
  return text;
}

/**
 * th_matrix_phrases_append_row:
 *
 * Appends what a screen reader says of @row's modules, in order:
 * "Principle 1: Passed, 95%; Principle 2: Not started; …".
 */
void
th_matrix_phrases_append_row (ThMatrixPhrases *self,
                              GString         *out,
                              ThMatrixRow     *row)
{
  g_return_if_fail (TH_IS_MATRIX_PHRASES (self));
  g_return_if_fail (TH_IS_MATRIX_ROW (row));

  for (guint i = 0; i < self->modules->len; i++)
    {
      if (i > 0)
        g_string_append (out, self->separator);
      g_string_append (out, get_cell_words (self, i, th_matrix_row_get_cell (row, i)));
    }
}

/* "Principle 1 — Humanism: Passed, 95%": the module in full and the
 * status in words. */
char *
th_matrix_phrases_dup_tooltip (ThMatrixPhrases    *self,
                               guint               module,
                               const ThMatrixCell *cell)
{
  g_autofree char *words = NULL;

  g_return_val_if_fail (TH_IS_MATRIX_PHRASES (self), NULL);
  g_return_val_if_fail (module < self->modules->len, NULL);

  words = status_words (cell);
  /* TRANSLATORS: a cell's tooltip: "Principle 1 — Humanism: Passed, 95%" */
  return g_strdup_printf (C_("matrix cell", "%s — %s: %s"), self->spoken_names[module],
                          th_module_get_title (self->modules->pdata[module]), words);
}
