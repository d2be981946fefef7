/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-report"

#include "config.h"

#include <glib/gi18n.h>

#include "th-day-texts.h"
#include "th-markup.h"
#include "th-paper-module.h"
#include "th-report.h"
#include "th-store-statements.h"

/* Reports for HR and for the learner: a CSV of everyone, a PDF transcript
 * of one learner with a certificate once signed off, and the team's
 * insights as CSV or as a PDF huddle sheet. The PDFs are drawn by the
 * paper module (src/paper). None needs a display or a printer. */

/* RFC 4180: a field with a comma, quote or line break is quoted, quotes
 * doubled. A field that a spreadsheet would run as a formula gets a
 * leading apostrophe, so a name cannot become a command. */
static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  const char *text = value ? value : "";
  gboolean formula = strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
  gboolean quote = formula || strpbrk (text, ",\"\r\n") != NULL;

  if (!quote)
    g_string_append (out, text);
  else
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *c = text; *c != '\0'; c++)
        {
          if (*c == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_row (GString            *out,
            const char * const *fields,
            guint               n)
{
  for (guint i = 0; i < n; i++)
    append_field (out, fields[i], i == n - 1);
}

/* The words every row repeats, translated once rather than per cell. */
typedef struct
{
  const char *yes;
  const char *no;
  const char *cell_states[TH_CELL_NOT_PASSED + 1];
  ThDayTexts  days;
} CsvWords;

static void
csv_words_init (CsvWords *words)
{
  words->yes = C_("CSV value", "yes");
  words->no = C_("CSV value", "no");
  for (guint i = 0; i < G_N_ELEMENTS (words->cell_states); i++)
    words->cell_states[i] = th_cell_state_describe (i);
  th_day_texts_init (&words->days);
}

static void
append_learner (GString     *out,
                CsvWords    *words,
                GPtrArray   *modules,
                ThMatrixRow *row)
{
  const char *name = th_matrix_row_get_display_name (row);
  const char *signed_on = th_day_texts_get_iso (&words->days, th_matrix_row_get_signed_off_at (row));

  for (guint i = 0; i < modules->len; i++)
    {
      ThModule *module = modules->pdata[i];
      ThMatrixCell *cell = th_matrix_row_get_cell (row, i);
      char score[8] = "";
      const char *fields[] = {
        name, th_module_get_id (module), th_module_get_title (module),
        th_module_get_required (module) ? words->yes : words->no,
        words->cell_states[cell->state], score,
        th_day_texts_get (&words->days, cell->completed_at),
        th_day_texts_get (&words->days, cell->expires_at), "",
        th_day_texts_get (&words->days, cell->tried_at),
      };

      if (cell->completed_at != 0 || cell->state == TH_CELL_NOT_PASSED)
        g_snprintf (score, sizeof score, "%u", cell->percent);
      append_row (out, fields, G_N_ELEMENTS (fields));
    }
  {
    const char *summary[] = {
      name, "onboarding", C_("CSV value", "Onboarding (every required module)"), words->yes,
      th_onboarding_state_describe (th_matrix_row_get_onboarding (row)), "", signed_on, "",
      th_matrix_row_get_signed_off_by (row), "",
    };
    append_row (out, summary, G_N_ELEMENTS (summary));
  }
}

/**
 * th_report_write_csv:
 *
 * Writes one row per learner and module, then a summary row of the
 * learner's onboarding, in UTF-8 with a byte-order mark so that
 * spreadsheets read the names right. The file is replaced whole or not at
 * all.
 */
gboolean
th_report_write_csv (ThCompletionMatrix  *matrix,
                     const char          *path,
                     GError             **error)
{
  const char *header[] = {
    C_("CSV column", "Learner"), C_("CSV column", "Module ID"), C_("CSV column", "Module"),
    C_("CSV column", "Required"), C_("CSV column", "Status"), C_("CSV column", "Score (%)"),
    C_("CSV column", "Completed"), C_("CSV column", "Expires"), C_("CSV column", "Signed off by"),
    /* TRANSLATORS: the day a learner's latest attempt at a module ended
     * without a pass (and none has passed) */
    C_("CSV column", "Not passed on"),
  };
  GListModel *rows = th_completion_matrix_get_rows (matrix);
  GPtrArray *modules = th_completion_matrix_get_modules (matrix);
  g_autoptr(GString) out = g_string_sized_new (1 << 20);
  CsvWords words;

  g_return_val_if_fail (TH_IS_COMPLETION_MATRIX (matrix), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv_words_init (&words);
  g_string_append (out, "\xEF\xBB\xBF");
  append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ThMatrixRow) row = g_list_model_get_item (rows, i);
      append_learner (out, &words, modules, row);
    }
  th_day_texts_clear (&words.days);
  return g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0644, error);
}

/* Insights: a section per module, per principle and theme (and each
 * quarter), and per moment, each with its own header, a blank line
 * between them. */

static const char *
title_or_id (ThModule   *module,
             const char *module_id)
{
  return module ? th_module_get_title (module) : module_id;
}

/* A count as a field's text, written into @text. */
typedef char CountText[16];

static const char *
count_text (CountText   text,
            guint       count)
{
  g_snprintf (text, sizeof (CountText), "%u", count);
  return text;
}

/* A table of the insights: its header, translated here, then a row for
 * each of @items. */
typedef void (*AppendItemFunc) (GString       *out,
                                gconstpointer  item);

static void
append_table (GString            *out,
              const char * const *columns,
              guint               n_columns,
              GPtrArray          *items,
              AppendItemFunc      append_item)
{
  g_autofree const char **header = g_new (const char *, n_columns);

  for (guint i = 0; i < n_columns; i++)
    header[i] = g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", columns[i]);
  append_row (out, header, n_columns);
  for (guint i = 0; i < items->len; i++)
    append_item (out, items->pdata[i]);
}

static const char * const module_columns[] = {
  NC_("CSV column", "Module ID"), NC_("CSV column", "Module"), NC_("CSV column", "Answers"),
  NC_("CSV column", "Finished attempts"), NC_("CSV column", "First attempts"),
  NC_("CSV column", "First attempts passed"), NC_("CSV column", "Median score (%)"),
  NC_("CSV column", "Refreshers"), NC_("CSV column", "Refreshers passed"),
};

static void
append_module_row (GString       *out,
                   gconstpointer  item)
{
  const ThModuleInsight *m = item;
  CountText counts[7];
  const char *fields[] = {
    m->module_id, title_or_id (m->module, m->module_id), count_text (counts[0], m->answers),
    count_text (counts[1], m->attempts), count_text (counts[2], m->first_attempts),
    count_text (counts[3], m->first_passed), m->attempts ? count_text (counts[4], m->median_percent) : "",
    count_text (counts[5], m->refreshers), count_text (counts[6], m->refreshers_passed),
  };

  append_row (out, fields, G_N_ELEMENTS (fields));
}

static void
append_tag_row (GString          *out,
                ThTag             tag,
                const char       *quarter,
                ThTagTally        tally)
{
  CountText counts[2];
  const char *fields[] = {
    th_tag_to_id (tag), th_tag_get_title (tag), quarter, count_text (counts[0], tally.honoured),
    count_text (counts[1], tally.broken),
  };

  append_row (out, fields, G_N_ELEMENTS (fields));
}

static void
append_tag_insights (GString    *out,
                     ThInsights *insights)
{
  const char *header[] = {
    C_("CSV column", "Principle or theme ID"), C_("CSV column", "Principle or theme"),
    /* TRANSLATORS: a calendar quarter such as 2026-Q2, or "all" */
    C_("CSV column", "Quarter"),
    C_("CSV column", "Choices that honour it"), C_("CSV column", "Choices that work against it"),
  };
  g_auto(GStrv) quarters = th_insights_dup_quarters (insights);

  append_row (out, header, G_N_ELEMENTS (header));
  for (guint tag = 0; tag < TH_N_TAGS; tag++)
    {
      append_tag_row (out, tag, C_("CSV value", "all"), *th_insights_get_tally (insights, tag));
      for (guint q = 0; quarters[q] != NULL; q++)
        append_tag_row (out, tag, quarters[q], th_insights_get_tally_in (insights, tag, quarters[q]));
    }
}

static const char * const moment_columns[] = {
  NC_("CSV column", "Module ID"), NC_("CSV column", "Moment ID"), NC_("CSV column", "Moment"),
  NC_("CSV column", "Answers"), NC_("CSV column", "Answers below the best"),
  NC_("CSV column", "Weaker choice most often taken"), NC_("CSV column", "Times taken"),
  NC_("CSV column", "Its feedback"),
};

static void
append_moment_row (GString       *out,
                   gconstpointer  item)
{
  const ThMomentInsight *m = item;
  g_autofree char *text = NULL, *feedback = NULL;
  CountText counts[3];
  const char *fields[8];

  if (m->common != NULL)
    {
      text = th_markup_dup_plain (m->common->text);
      feedback = th_markup_dup_plain (m->common->feedback);
    }
  fields[0] = m->module_id, fields[1] = m->scenario->id, fields[2] = m->scenario->title;
  fields[3] = count_text (counts[0], m->answers), fields[4] = count_text (counts[1], m->weaker);
  fields[5] = text ? text : "", fields[6] = m->common ? count_text (counts[2], m->common_count) : "";
  fields[7] = feedback ? feedback : "";
  append_row (out, fields, G_N_ELEMENTS (fields));
}

/**
 * th_report_write_insights_csv:
 *
 * Writes the insights as CSV for a spreadsheet: the modules (their answer
 * counts add up to every answer in the scope), the principles and themes,
 * and the moments, most often answered below their best first.
 */
gboolean
th_report_write_insights_csv (ThInsights  *insights,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (TH_IS_INSIGHTS (insights), FALSE);

  append_table (out, module_columns, G_N_ELEMENTS (module_columns), th_insights_get_modules (insights),
                append_module_row);
  g_string_append (out, "\r\n");
  append_tag_insights (out, insights);
  g_string_append (out, "\r\n");
  append_table (out, moment_columns, G_N_ELEMENTS (moment_columns), th_insights_get_moments (insights),
                append_moment_row);
  return g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0644, error);
}

/**
 * th_report_dup_author:
 *
 * The author a PDF names: the organisation, known by the home page its
 * records carry, or "Threshold" where none is set.
 *
 * Returns: (transfer full): the author, or %NULL on @error
 */
char *
th_report_dup_author (ThStore  *store,
                      GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *home_page = NULL;

  g_return_val_if_fail (TH_IS_STORE (store), NULL);

  home_page = th_store_dup_setting (store, TH_STORE_HOME_PAGE_KEY, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return home_page && *home_page ? g_steal_pointer (&home_page) : g_strdup ("Threshold");
}

/* PDFs: drawn by the paper module, loaded on the first one. */

/**
 * th_report_write_transcript_full:
 * @author: (nullable): the organisation, for the PDF's metadata (see
 *   th_report_dup_author()); %NULL for "Threshold"
 *
 * Writes @learner_id's transcript as a PDF on the locale's paper: every
 * module with its status, score and dates, the sign-off, and a
 * certificate page once signed off.
 */
gboolean
th_report_write_transcript_full (ThCompletionMatrix  *matrix,
                                 gint64               learner_id,
                                 const char          *author,
                                 const char          *path,
                                 GError             **error)
{
  const ThPaperFuncs *paper;

  g_return_val_if_fail (TH_IS_COMPLETION_MATRIX (matrix), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  paper = th_paper_module_get (error);
  return paper != NULL && paper->write_transcript (matrix, learner_id, author, path, error);
}

/**
 * th_report_write_transcript:
 *
 * th_report_write_transcript_full() with "Threshold" as the author, for
 * callers that have no store at hand.
 */
gboolean
th_report_write_transcript (ThCompletionMatrix  *matrix,
                            gint64               learner_id,
                            const char          *path,
                            GError             **error)
{
  return th_report_write_transcript_full (matrix, learner_id, NULL, path, error);
}

/**
 * th_report_write_insights_pdf:
 * @scope: (nullable): the period and archive choice @insights were loaded
 *   with, to print; %NULL for every record of current learners
 * @author: (nullable): the organisation, for the PDF's metadata (see
 *   th_report_dup_author()); %NULL for "Threshold"
 *
 * Writes the huddle sheet: the period, a bar per principle and per theme,
 * and the three moments to discuss, on one or two pages of the locale's
 * paper.
 */
gboolean
th_report_write_insights_pdf (ThInsights          *insights,
                              const ThRecordScope *scope,
                              const char          *author,
                              const char          *path,
                              GError             **error)
{
  const ThPaperFuncs *paper;

  g_return_val_if_fail (TH_IS_INSIGHTS (insights), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  paper = th_paper_module_get (error);
  return paper != NULL && paper->write_huddle_sheet (insights, scope, author, path, error);
}
