/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-report"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pango.h>
#include <string.h>

#include "th-huddle-sheet.h"
#include "th-paper.h"
#include "th-record-scope.h"

/* The huddle sheet: the team's insights on one or two pages a lead can
 * hand round or put on a screen. The period, a bar per principle and per
 * theme with its numbers printed beside it (so it reads in black and
 * white), and the three moments the team most often answers below their
 * best, with the weaker choice and the feedback that explains it. */

#define N_MOMENTS 3
#define BAR_HEIGHT 10.0
#define INDENT 14.0

/* Each moment is held to a few lines so that the sheet stays within two
 * pages on A4 and on Letter. */
#define TITLE_LINES 2
#define CHOICE_LINES 3
#define FEEDBACK_LINES 6

/* Content is written in markup; the sheet prints it as plain text. */
static char *
dup_plain (const char *markup)
{
  g_autofree char *text = NULL;

  if (markup == NULL)
    return g_strdup ("");
  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    text = g_strdup (markup);
  return g_strstrip (g_strdelimit (g_steal_pointer (&text), "\r\n\t", ' '));
}

static void
draw_heading (ThPaper             *paper,
              ThInsights          *insights,
              const ThRecordScope *scope)
{
  g_autofree char *period = th_record_scope_dup_period (scope);
  g_autofree char *period_line = g_strdup_printf (_("Period: %s"), period);
  guint n = th_insights_get_n_answers (insights);
  g_autofree char *answers = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u answer from the team.", "%u answers from the team.", n), n);
  g_autofree char *counted = g_strconcat (answers, " ",
                                          scope && scope->archived ? _("Archived learners are included.")
                                                                   : _("Archived learners are left out."),
                                          NULL);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *printed = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *printed_line = g_strdup_printf (_("Printed %s"), printed);

  th_paper_draw_text (paper, _("Team Huddle Sheet"), "Sans Bold 20");
  th_paper_draw_text (paper, period_line, "Sans Bold 12");
  th_paper_draw_text (paper, counted, "Sans 10");
  th_paper_draw_text (paper, printed_line, "Sans 9");
  paper->y += 6;
  th_paper_draw_text (paper, _("Each bar shows the choices the team made that honour a principle or theme "
                               "(the dark part) against those that work against it (the light, hatched "
                               "part). The numbers beside each bar say the same in words."),
                      "Sans 9");
}

/* Diagonal lines across the rectangle, so the part that works against a
 * principle stays distinct on a printer without colour. */
static void
hatch (cairo_t *cr,
       double   x,
       double   y,
       double   width,
       double   height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  for (double at = x - height; at < x + width; at += 4)
    {
      cairo_move_to (cr, at, y + height);
      cairo_line_to (cr, at + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A bar of the tally's shares: honoured on the left, broken on the right;
 * an empty outline when the answers never touched the tag. */
static void
draw_bar (cairo_t    *cr,
          double      x,
          double      y,
          double      width,
          ThTagTally  tally)
{
  guint total = tally.honoured + tally.broken;
  double honoured = total ? width * tally.honoured / total : 0;

  cairo_save (cr);
  if (total > 0)
    {
      cairo_rectangle (cr, x, y, honoured, BAR_HEIGHT);
      cairo_set_source_rgb (cr, 0.13, 0.33, 0.48);
      cairo_fill (cr);
      cairo_rectangle (cr, x + honoured, y, width - honoured, BAR_HEIGHT);
      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      cairo_fill (cr);
      hatch (cr, x + honoured, y, width - honoured, BAR_HEIGHT);
    }
  cairo_rectangle (cr, x, y, width, BAR_HEIGHT);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
dup_tally_text (ThTagTally tally)
{
  if (tally.honoured + tally.broken == 0)
    return g_strdup (_("not met in these answers"));
  /* TRANSLATORS: beside a principle's bar: how many choices honour it,
   * and how many work against it */
  return g_strdup_printf (_("%u honour it · %u work against it"), tally.honoured, tally.broken);
}

/* The name, the bar and the numbers, in three columns of the line. */
static void
draw_tag (ThPaper    *paper,
          ThTag       tag,
          ThTagTally  tally)
{
  double width = th_paper_get_line_width (paper);
  double label = width * 0.30, bar = width * 0.22, gap = 8;
  g_autofree char *name = g_markup_escape_text (th_tag_get_title (tag), -1);
  g_autofree char *numbers = dup_tally_text (tally);
  g_autofree char *escaped = g_markup_escape_text (numbers, -1);
  double height;

  th_paper_ensure_room (paper, 3 * BAR_HEIGHT);
  height = th_paper_draw (paper, name, "Sans 9.5", paper->margin, label - gap, 0);
  draw_bar (paper->cr, paper->margin + label, paper->y + 2, bar, tally);
  height = MAX (height, th_paper_draw (paper, escaped, "Sans 9", paper->margin + label + bar + gap,
                                       width - label - bar - gap, 2));
  th_paper_advance (paper, MAX (height, BAR_HEIGHT + 2));
}

static void
draw_tags (ThPaper    *paper,
           ThInsights *insights,
           const char *heading,
           ThTag       first,
           ThTag       last)
{
  paper->y += 10;
  th_paper_ensure_room (paper, 60);
  th_paper_draw_text (paper, heading, "Sans Bold 13");
  for (guint tag = first; tag <= last; tag++)
    draw_tag (paper, tag, *th_insights_get_tally (insights, tag));
}

/* One paragraph of a moment: its markup, font and most lines. */
typedef struct
{
  char       *markup;
  const char *font;
  int         max_lines;
  double      indent;
} Part;

#define N_PARTS 4

static void
parts_clear (Part *parts)
{
  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&parts[i].markup, g_free);
}

/* "<b>@label</b> @text", cut after the last whole sentence that fits in
 * @max_lines so that a lead never reads half a sentence; the layout's
 * ellipsis still guards a first sentence too long on its own. */
static char *
dup_fitting (ThPaper    *paper,
             const char *label,
             const char *text,
             const char *font,
             double      width,
             int         max_lines)
{
  char *fitting = g_markup_printf_escaped ("<b>%s</b> %s", label, text);

  if (th_paper_count_lines (paper, fitting, font, width) <= max_lines)
    return fitting;
  for (const char *end = strpbrk (text, ".?!"); end != NULL; end = strpbrk (end + 1, ".?!"))
    {
      g_autofree char *sentences = NULL, *markup = NULL;

      if (end[1] != ' ')
        continue;
      sentences = g_strndup (text, end + 1 - text);
      markup = g_markup_printf_escaped ("<b>%s</b> %s …", label, sentences);
      if (th_paper_count_lines (paper, markup, font, width) > max_lines)
        break;
      g_free (fitting);
      fitting = g_steal_pointer (&markup);
    }
  return fitting;
}

static const char *
module_title (ThMomentInsight *moment)
{
  return moment->module ? th_module_get_title (moment->module) : moment->module_id;
}

/* The moment's title, its module and how often it went below the best,
 * the weaker choice most often taken, and that choice's feedback. */
static void
moment_parts (ThPaper         *paper,
              ThMomentInsight *moment,
              guint            number,
              Part            *parts)
{
  double width = th_paper_get_line_width (paper) - INDENT;
  g_autofree char *choice = dup_plain (moment->common->text);
  g_autofree char *feedback = dup_plain (moment->common->feedback);
  g_autofree char *chosen = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "Chosen %u time:", "Chosen %u times:", moment->common_count),
    moment->common_count);
  g_autofree char *context = g_strdup_printf (
    /* TRANSLATORS: the module of a moment, and how many of its answers
     * were not the best one */
    g_dngettext (GETTEXT_PACKAGE, "%s · %u of %u answer below the best", "%s · %u of %u answers below the best",
                 moment->answers),
    module_title (moment), moment->weaker, moment->answers);

  parts[0] = (Part) { g_markup_printf_escaped ("%u. %s", number, moment->scenario->title),
                      "Sans Bold 11", TITLE_LINES, 0 };
  parts[1] = (Part) { g_markup_escape_text (context, -1), "Sans Italic 9", 2, INDENT };
  parts[2] = (Part) { g_markup_printf_escaped ("<b>%s</b> %s", chosen, choice),
                      "Sans 9.5", CHOICE_LINES, INDENT };
  parts[3] = (Part) { dup_fitting (paper, _("Its feedback:"), feedback, "Sans 9.5", width, FEEDBACK_LINES),
                      "Sans 9.5", FEEDBACK_LINES, INDENT };
}

static double
measure_parts (ThPaper    *paper,
               const Part *parts)
{
  double width = th_paper_get_line_width (paper), height = 0;

  for (guint i = 0; i < N_PARTS; i++)
    height += th_paper_measure (paper, parts[i].markup, parts[i].font, width - parts[i].indent,
                                parts[i].max_lines) + 4;
  return height;
}

static void
draw_parts (ThPaper    *paper,
            const Part *parts)
{
  double width = th_paper_get_line_width (paper);

  for (guint i = 0; i < N_PARTS; i++)
    {
      double height = th_paper_draw (paper, parts[i].markup, parts[i].font,
                                     paper->margin + parts[i].indent, width - parts[i].indent,
                                     parts[i].max_lines);
      paper->y += height + 4;
    }
  paper->y += 8;
}

/* The moments the team most often answered below their best, where a
 * weaker choice stands out; fewer than three when fewer went wrong. */
static GPtrArray *
pick_moments (ThInsights *insights)
{
  GPtrArray *moments = th_insights_get_moments (insights);
  GPtrArray *picked = g_ptr_array_new ();

  for (guint i = 0; i < moments->len && picked->len < N_MOMENTS; i++)
    {
      ThMomentInsight *moment = moments->pdata[i];

      if (moment->common != NULL)
        g_ptr_array_add (picked, moment);
    }
  return picked;
}

/* Each moment whole on one page; the heading stays with the first. */
static void
draw_moments (ThPaper    *paper,
              ThInsights *insights)
{
  g_autoptr(GPtrArray) moments = pick_moments (insights);
  const char *heading = _("Three moments to discuss");
  g_autofree char *escaped = g_markup_escape_text (heading, -1);
  double heading_height = th_paper_measure (paper, escaped, "Sans Bold 13",
                                            th_paper_get_line_width (paper), 0) + 6;

  paper->y += 10;
  if (moments->len == 0)
    {
      th_paper_ensure_room (paper, 3 * heading_height);
      th_paper_draw_text (paper, heading, "Sans Bold 13");
      th_paper_draw_text (paper, _("In this period no moment was answered below its best."), "Sans 10");
      return;
    }
  for (guint i = 0; i < moments->len; i++)
    {
      Part parts[N_PARTS] = { { NULL } };

      moment_parts (paper, moments->pdata[i], i + 1, parts);
      th_paper_ensure_room (paper, measure_parts (paper, parts) + (i == 0 ? heading_height : 0));
      if (i == 0)
        th_paper_draw_text (paper, heading, "Sans Bold 13");
      draw_parts (paper, parts);
      parts_clear (parts);
    }
}

/**
 * th_huddle_sheet_write_pdf:
 *
 * th_report_write_insights_pdf(), drawn.
 */
gboolean
th_huddle_sheet_write_pdf (ThInsights          *insights,
                           const ThRecordScope *scope,
                           const char          *author,
                           const char          *path,
                           GError             **error)
{
  g_autofree char *period = th_record_scope_dup_period (scope);
  /* TRANSLATORS: the title of the huddle sheet's PDF, with its period */
  g_autofree char *title = g_strdup_printf (_("Team huddle sheet: %s"), period);
  ThPaperInfo info = { title, _("What the team chose, by principle and theme, and three moments to discuss"),
                       author };
  ThPaper *paper;
  cairo_status_t status;

  paper = th_paper_new (path, &info);
  draw_heading (paper, insights, scope);
  draw_tags (paper, insights, _("The six principles"), TH_TAG_HUMANISM, TH_TAG_ACCOUNTABILITY);
  draw_tags (paper, insights, _("The eight themes"), TH_TAG_LEARNER_AND_INFORMER, TH_N_TAGS - 1);
  draw_moments (paper, insights);
  status = th_paper_finish (paper);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* A file's name and the trouble, as GIO words it for the CSV: the
       * caller says what was being written. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
