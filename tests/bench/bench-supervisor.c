/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-supervisor: the supervisor's matrix as a supervisor meets it, in a
 * real window: from the request to the first rows drawn, a filter, a
 * search, a sort, and scrolling page by page. Needs a display (run it
 * under xvfb-run, as run-benchmarks.sh does).
 *
 *   bench-supervisor --database FILE [--runs N] [--label TEXT]
 *
 * Each figure ends at the end of the first frame painted after the change
 * (the frame clock's after-paint), so it includes building and drawing the
 * visible rows. A cold request starts from an empty view, as after
 * unlocking (the view is cleared as locking clears it); it is also timed
 * from the matrix in hand, as the window reads it while the passphrase is
 * typed and checked. A reopening starts from the view as a supervisor left
 * it, as on coming back from a learner's page. Targets: first rows
 * < 150 ms, filter and sort < 50 ms, no scrolling frame slower than a
 * frame (16.7 ms at 60 Hz).
 *
 * Each figure is also printed as
 *   RESULT <tab> label <tab> metric <tab> median <tab> min <tab> max <tab> n */
#define G_LOG_DOMAIN "bench-supervisor"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>

#include "bench-samples.h"
#include "th-catalog.h"
#include "th-supervisor-view.h"

typedef struct
{
  GtkWidget          *window;
  ThSupervisorView   *view;
  ThStore            *store;
  ThCatalog          *catalog;
  GMainLoop          *loop;
  ThCompletionMatrix *matrix;
  gint64              start;
  gint64              shown;     /* when the matrix was read and handed over */
  double              elapsed;   /* of the last measurement, in ms */
  guint               request;   /* counts the requests, as the window's lock does */
  gboolean            paged;     /* a first page came before everyone */
} Bench;

/* A first page on its way, for the request it was made for. */
typedef struct
{
  Bench *bench;
  guint  request;
} PageRequest;

static void
report (const char *label,
        const char *metric,
        const char *what,
        GArray     *samples,
        const char *target)
{
  printf ("  %-40s %9.2f ms  (min %.2f, max %.2f, n %u)   %s\n", what, bench_median (samples),
          bench_minimum (samples), bench_maximum (samples), samples->len, target);
  bench_print_result (label, metric, samples);
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  bench->elapsed = (g_get_monotonic_time () - bench->start) / 1000.0;
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, bench);
  g_main_loop_quit (bench->loop);
}

/* Waits for the end of the next frame painted, and says how long it was
 * since bench->start. */
static double
wait_for_frame (Bench *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (bench->window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), bench);
  gtk_widget_queue_draw (bench->window);
  g_main_loop_run (bench->loop);
  return bench->elapsed;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_matrix_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Bench *bench = user_data;
  g_autoptr(GError) error = NULL;

  bench->matrix = th_completion_matrix_load_finish (result, &error);
  if (bench->matrix == NULL)
    g_error ("%s", error->message);
  bench->shown = g_get_monotonic_time ();
  th_supervisor_view_show (bench->view, bench->matrix, "Benchmark");
  g_main_loop_quit (bench->loop);
}

/* As the window shows it: only while everyone is still being read. */
static void
on_first_page_loaded (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  PageRequest *asked = user_data;
  Bench *bench = asked->bench;
  g_autoptr(ThCompletionMatrix) page = th_completion_matrix_load_finish (result, NULL);

  if (page != NULL && asked->request == bench->request && bench->matrix == NULL)
    {
      bench->paged = TRUE;
      th_supervisor_view_show (bench->view, page, "Benchmark");
      g_main_loop_quit (bench->loop);
    }
  g_free (asked);
}

/* From the request, as supervisor mode makes it, to the first rows drawn;
 * from an empty view when @cold, which the window fills with a first page
 * while everyone is read. Returns once everyone is drawn. */
static double
open_matrix (Bench    *bench,
             gboolean  cold)
{
  PageRequest *asked;
  double first;

  if (cold)
    {
      th_supervisor_view_clear (bench->view);
      wait_for_frame (bench);
    }
  g_clear_object (&bench->matrix);
  bench->request++;
  bench->paged = FALSE;
  bench->start = g_get_monotonic_time ();
  th_completion_matrix_load_async (bench->store, bench->catalog, 12, NULL, on_matrix_loaded, bench);
  if (cold)
    {
      asked = g_new (PageRequest, 1);
      *asked = (PageRequest) { bench, bench->request };
      th_completion_matrix_load_first_async (bench->store, bench->catalog, 12,
                                             th_supervisor_view_get_screenful (bench->view), NULL,
                                             on_first_page_loaded, asked);
    }
  g_main_loop_run (bench->loop);
  first = wait_for_frame (bench);
  if (bench->paged)
    {
      while (bench->matrix == NULL)
        g_main_context_iteration (NULL, TRUE);
      wait_for_frame (bench);
    }
  return first;
}

static double
choose_filter (Bench *bench,
               guint  position)
{
  GtkDropDown *filter = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (bench->view), GTK_TYPE_DROP_DOWN));

  bench->start = g_get_monotonic_time ();
  gtk_drop_down_set_selected (filter, position);
  return wait_for_frame (bench);
}

/* The frames after the first rows, until the list has every row: GTK
 * 4.8 makes widgets for two hundred, which the view spreads over frames. */
static double
wait_for_every_row (Bench *bench)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (bench->view), GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  guint before;
  double elapsed;

  do
    {
      before = g_list_model_get_n_items (rows);
      elapsed = wait_for_frame (bench);
    }
  while (g_list_model_get_n_items (rows) != before);
  return elapsed;
}

/* The search entry waits for typing to pause before it searches; this
 * measures the search itself. */
static double
search (Bench      *bench,
        const char *text)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (bench->view), GTK_TYPE_SEARCH_ENTRY);

  bench->start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  return wait_for_frame (bench);
}

static double
sort_names (Bench       *bench,
            GtkSortType  order)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (bench->view), GTK_TYPE_COLUMN_VIEW));
  g_autoptr(GtkColumnViewColumn) names = g_list_model_get_item (gtk_column_view_get_columns (view), 0);

  bench->start = g_get_monotonic_time ();
  gtk_column_view_sort_by_column (view, names, order);
  return wait_for_frame (bench);
}

/* A page down, to the frame that shows it. */
static double
scroll_page (Bench *bench)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_descendant (GTK_WIDGET (bench->view),
                                                                      GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  bench->start = g_get_monotonic_time ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                        gtk_adjustment_get_page_size (adjustment));
  return wait_for_frame (bench);
}

static void
run (Bench      *bench,
     guint       runs,
     const char *label)
{
  g_autoptr(GArray) opened = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reopened = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filtered = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) searched = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scrolled = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      bench_add_sample (opened, open_matrix (bench, TRUE));
      bench_add_sample (drawn, bench_ms_since (bench->shown));
      bench_add_sample (settled, wait_for_every_row (bench));
      bench_add_sample (reopened, open_matrix (bench, FALSE));

      for (guint page = 0; page < 20; page++)
        bench_add_sample (scrolled, scroll_page (bench));
      bench_add_sample (filtered, choose_filter (bench, 1));   /* overdue */
      bench_add_sample (filtered, choose_filter (bench, 0));   /* everyone */
      bench_add_sample (searched, search (bench, "gar"));
      bench_add_sample (searched, search (bench, ""));
      bench_add_sample (sorted, sort_names (bench, GTK_SORT_DESCENDING));
      bench_add_sample (sorted, sort_names (bench, GTK_SORT_ASCENDING));
    }
  printf ("(e) supervisor view: %s\n", label);
  report (label, "view_first_rows_ms", "cold request to first rows drawn", opened,
          "target < 150 ms (a first page, then everyone)");
  report (label, "view_show_ms", "matrix in hand to first rows drawn", drawn,
          "(after unlocking: the matrix is read while the passphrase is checked)");
  report (label, "view_every_row_ms", "cold request to every row in the list", settled,
          "(a few dozen rows a frame after the first screenful)");
  report (label, "view_reopen_ms", "reopening, request to rows drawn", reopened,
          "(back from a learner's page)");
  report (label, "view_filter_ms", "filter (overdue, everyone) to drawn", filtered, "target < 50 ms");
  report (label, "view_search_ms", "search (\"gar\", none) to drawn", searched, "target < 50 ms");
  report (label, "view_sort_ms", "sort by name to drawn", sorted, "target < 50 ms");
  report (label, "view_scroll_ms", "a page down to drawn", scrolled, "(a frame is 16.7 ms)");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL, *label = NULL;
  int runs = 5;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "The progress database", "FILE" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Repetitions (default 5)", "N" },
    { "label", 'l', 0, G_OPTION_ARG_STRING, &label, "Label of the RESULT lines", "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the supervisor's matrix on screen");
  g_autoptr(GError) error = NULL;
  g_autoptr(ThContentLoader) loader = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  Bench bench = { 0 };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL || runs < 1)
    {
      g_printerr ("bench-supervisor: %s (see --help)\n", error ? error->message : "give --database and --runs ≥ 1");
      return 2;
    }
  gtk_init ();
  adw_init ();
  /* The application's stylesheet, which AdwApplication loads for the
   * window: the view is timed as it is drawn there. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/threshold/Threshold/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  loader = th_content_loader_new ();
  bench.catalog = th_catalog_new (loader);
  th_catalog_add_standard_paths (bench.catalog, NULL);
  bench.store = th_store_open (database, &error);
  if (bench.store == NULL)
    {
      g_printerr ("bench-supervisor: %s\n", error->message);
      return 1;
    }

  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.window = gtk_window_new ();
  bench.view = g_object_new (TH_TYPE_SUPERVISOR_VIEW, NULL);
  gtk_window_set_child (GTK_WINDOW (bench.window), GTK_WIDGET (bench.view));
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (bench.window));
  bench.start = g_get_monotonic_time ();
  wait_for_frame (&bench);

  run (&bench, (guint) runs, label ? label : "-");

  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_clear_object (&bench.matrix);
  g_object_unref (bench.store);
  g_object_unref (bench.catalog);
  g_main_loop_unref (bench.loop);
  return 0;
}
