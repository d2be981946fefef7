/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "th-application.h"
#include "th-cell-text.h"
#include "th-ui-test-util.h"

void th_ui_save_png (GtkWindow *window, const char *path);

/* Finds widgets by what they show, as a person (or a screen reader) would,
 * and drives them through their real signals. */

void
th_ui_test_init (void)
{
  /* No transitions: a page switch is complete when the call returns. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
th_ui_spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static char *
without_underline (const char *label)
{
  g_autoptr(GString) text = g_string_new (label);

  g_string_replace (text, "_", "", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The text a widget shows: a row's title, a button's or label's text. */
char *
th_ui_widget_text (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return without_underline (gtk_button_get_label (GTK_BUTTON (widget)));
  if (GTK_IS_LABEL (widget))
    return g_strdup (gtk_label_get_text (GTK_LABEL (widget)));
  if (TH_IS_CELL_TEXT (widget))
    return g_strdup (th_cell_text_get_text (TH_CELL_TEXT (widget)));
  if (GTK_IS_CHECK_BUTTON (widget))
    {
      GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (widget));
      return child && GTK_IS_LABEL (child) ? g_strdup (gtk_label_get_text (GTK_LABEL (child))) : NULL;
    }
  return NULL;
}

/* The first mapped widget of @type under @root whose text is @text (or
 * any, with %NULL), depth first, in reading order. @text may hold '*'
 * for any run of characters ("Passed · *"). */
GtkWidget *
th_ui_find (GtkWidget  *root,
            GType       type,
            const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      g_autofree char *shown = th_ui_widget_text (root);

      if (text == NULL || (shown != NULL && g_pattern_match_simple (text, shown)))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = th_ui_find (child, type, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
th_ui_wait_for (GtkWidget  *root,
                GType       type,
                const char *text)
{
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *found = th_ui_find (root, type, text);

      if (found != NULL)
        return found;
      th_ui_spin (25);
    }
  {
    g_autofree char *png = g_build_filename (g_get_tmp_dir (), "threshold-ui-failure.png", NULL);

    /* A picture of what was on screen instead. */
    th_ui_save_png (GTK_WINDOW (gtk_widget_get_root (root)), png);
    g_error ("No %s showing “%s” appeared; the window is in %s", g_type_name (type),
             text ? text : "(any)", png);
  }
  return NULL;
}

void
th_ui_click (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = th_ui_wait_for (root, GTK_TYPE_BUTTON, label);

  g_assert_true (gtk_widget_is_sensitive (button));
  /* What a click or Enter ends in; activation would wait 250 ms first to
   * show the button pressed. */
  g_signal_emit_by_name (button, "clicked");
  th_ui_spin (10);
}

/* The first mapped window of @type, once one is. */
GtkWindow *
th_ui_wait_for_toplevel (GType type)
{
  for (guint tries = 0; tries < 200; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
            return window;
        }
      th_ui_spin (25);
    }
  g_error ("No %s appeared", g_type_name (type));
  return NULL;
}

/* Types @text into the field of @type titled @title. */
void
th_ui_fill_row (GtkWidget  *root,
                GType       type,
                const char *title,
                const char *text)
{
  GtkWidget *row = th_ui_wait_for (root, type, title);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
th_ui_create_profile (GtkWindow  *window,
                      const char *name)
{
  GtkWidget *name_row = th_ui_wait_for (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Your name");

  gtk_editable_set_text (GTK_EDITABLE (name_row), name);
  th_ui_click (GTK_WIDGET (window), "Add Profile");
  th_ui_wait_for (GTK_WIDGET (window), GTK_TYPE_LABEL, "The Six Principles");
}

typedef struct
{
  GApplication *app;
  ThUiCheck     check;
  gboolean      done;
} Run;

static gboolean
check_when_mapped (gpointer user_data)
{
  Run *run = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  run->check (window);
  run->done = TRUE;
  g_application_quit (run->app);
  return G_SOURCE_REMOVE;
}

static gboolean
time_out (gpointer user_data)
{
  g_error ("The application did not finish its checks in time");
  return G_SOURCE_REMOVE;
}

static void
destroy_windows (GtkApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (windows->data);
}

/* Starts the real application on @database, as the desktop would, runs
 * @check on its window once it is on screen, then quits and checks that
 * nothing of the application leaked. */
void
th_ui_run_application (const char *database,
                       const char *extra_arg,
                       ThUiCheck   check)
{
  char *argv[] = { "threshold", "--database", (char *) database, (char *) extra_arg, NULL };
  g_auto(ThCommandLineOptions) options = { 0 };
  ThApplication *app;
  Run run;
  guint timeout;

  /* The options read as the threshold program reads them. */
  g_assert_cmpint (th_command_line_run (extra_arg ? 4 : 3, argv, &options), ==, -1);
  app = th_application_new (&options);
  run = (Run) { G_APPLICATION (app), check, FALSE };
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_timeout_add (50, check_when_mapped, &run);
  timeout = g_timeout_add_seconds (120, time_out, NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_source_remove (timeout);
  g_assert_true (run.done);

  destroy_windows (GTK_APPLICATION (app));
  g_assert_finalize_object (app);
}

/* Renders @window as it is on screen into a PNG at @path. */
void
th_ui_save_png (GtkWindow  *window,
                const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = 0, height = 0;

  /* The paintable has something to show once the window has drawn. */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      th_ui_spin (100);
      width = gtk_widget_get_width (GTK_WIDGET (window));
      height = gtk_widget_get_height (GTK_WIDGET (window));
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
