/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-lesson-view"

#include "config.h"

#include <glib/gi18n.h>

#include "th-accessibility.h"
#include "th-lesson-view.h"

/* A module's lesson, a page at a time; after the last page, its key points
 * and sources and the way into the quiz. */
struct _ThLessonView
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkWidget      *toolbar;
  AdwWindowTitle *title;
  GtkScrolledWindow *scroller;
  GtkBox         *body;
  GtkLabel       *page_label;
  GtkButton      *previous_button;
  GtkButton      *next_button;
  GtkButton      *quiz_button;

  /* owned references */
  ThModule       *module;
  guint           page;      /* pages->len is the closing page */
};

G_DEFINE_FINAL_TYPE (ThLessonView, th_lesson_view, GTK_TYPE_WIDGET)

enum {
  START_QUIZ,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
add_label (ThLessonView *self,
           const char   *markup,
           const char   *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Selectable, so that the reading order is walkable by keyboard and a
   * line can be copied into notes. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->body, label);
  return label;
}

static void
add_bullets (ThLessonView *self,
             GPtrArray    *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *bullet = g_strdup_printf ("•  %s", (const char *) items->pdata[i]);
      GtkWidget *label = add_label (self, bullet, NULL);

      gtk_widget_set_margin_start (label, 12);
    }
}

static const char *
citation_for (ThLessonView *self,
              const char   *source_id)
{
  GPtrArray *sources = th_module_get_sources (self->module);

  for (guint i = 0; i < sources->len; i++)
    {
      ThSource *source = g_ptr_array_index (sources, i);
      if (g_strcmp0 (source->id, source_id) == 0)
        return source->citation;
    }
  return "";
}

static void
add_quote (ThLessonView *self,
           ThBlock      *block)
{
  g_autofree char *cite = g_markup_printf_escaped ("— %s%s%s", citation_for (self, block->source_id),
                                                   block->where ? ", " : "",
                                                   block->where ? block->where : "");
  g_autofree char *quoted = g_strdup_printf ("“%s”", block->markup);
  GtkWidget *quote = add_label (self, quoted, "lesson-quote");
  GtkWidget *source = add_label (self, cite, "dim-label");

  gtk_widget_set_margin_start (quote, 24);
  gtk_widget_set_margin_start (source, 24);
  gtk_widget_add_css_class (source, "caption");
  gtk_accessible_update_property (GTK_ACCESSIBLE (quote), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Quotation"), -1);
}

static void
show_page (ThLessonView *self,
           ThPage       *page)
{
  add_label (self, page->heading, "title-2");
  for (guint i = 0; i < page->blocks->len; i++)
    {
      ThBlock *block = g_ptr_array_index (page->blocks, i);

      switch (block->kind)
        {
        case TH_BLOCK_PARAGRAPH:
          add_label (self, block->markup, NULL);
          break;
        case TH_BLOCK_LIST:
          add_bullets (self, block->items);
          break;
        case TH_BLOCK_QUOTE:
          add_quote (self, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
show_closing (ThLessonView *self)
{
  GPtrArray *sources = th_module_get_sources (self->module);

  add_label (self, _("Key Points"), "title-2");
  add_bullets (self, th_module_get_key_points (self->module));
  add_label (self, _("Sources"), "title-4");
  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (((ThSource *) sources->pdata[i])->citation, -1);
      gtk_widget_add_css_class (add_label (self, escaped, "dim-label"), "caption");
    }
}

static void
update (ThLessonView *self)
{
  GPtrArray *pages = th_module_get_pages (self->module);
  gboolean closing = self->page >= pages->len;
  g_autofree char *position = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->body))) != NULL)
    gtk_box_remove (self->body, child);

  if (closing)
    show_closing (self);
  else
    show_page (self, g_ptr_array_index (pages, self->page));

  position = closing ? g_strdup (_("Key points and sources"))
                     : g_strdup_printf (_("Page %u of %u"), self->page + 1, pages->len);
  gtk_label_set_text (self->page_label, position);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.next", !closing);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !closing);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ThLessonView *self = TH_LESSON_VIEW (widget);

  if (self->page > 0)
    self->page--;
  update (self);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ThLessonView *self = TH_LESSON_VIEW (widget);

  if (self->page < th_module_get_pages (self->module)->len)
    self->page++;
  update (self);
}

static void
on_quiz_clicked (ThLessonView *self)
{
  g_signal_emit (self, signals[START_QUIZ], 0, self->module);
}

static void
th_lesson_view_dispose (GObject *object)
{
  ThLessonView *self = (ThLessonView *)object;

  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_object (&self->module);

  G_OBJECT_CLASS (th_lesson_view_parent_class)->dispose (object);
}

static void
th_lesson_view_class_init (ThLessonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_lesson_view_dispose;

  signals[START_QUIZ] =
    g_signal_new ("start-quiz", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TH_TYPE_MODULE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/threshold/Threshold/th-lesson-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ThLessonView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ThLessonView, title);
  gtk_widget_class_bind_template_child (widget_class, ThLessonView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ThLessonView, body);
  gtk_widget_class_bind_template_child (widget_class, ThLessonView, page_label);
  gtk_widget_class_bind_template_child (widget_class, ThLessonView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, ThLessonView, next_button);
  gtk_widget_class_bind_template_child (widget_class, ThLessonView, quiz_button);
  gtk_widget_class_bind_template_callback (widget_class, on_quiz_clicked);

  gtk_widget_class_install_action (widget_class, "lesson.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "lesson.next", NULL, next_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "lesson.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "lesson.previous", NULL);
}

static void
th_lesson_view_init (ThLessonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  th_accessibility_fix_mnemonic_names (GTK_WIDGET (self));
}

/* Opens @module's lesson on its first page. */
void
th_lesson_view_show (ThLessonView *self,
                     ThModule     *module,
                     gboolean      can_resume)
{
  g_return_if_fail (TH_IS_LESSON_VIEW (self));
  g_return_if_fail (TH_IS_MODULE (module));

  g_set_object (&self->module, module);
  self->page = 0;
  adw_window_title_set_title (self->title, th_module_get_title (module));
  gtk_button_set_label (self->quiz_button, can_resume ? _("_Resume Quiz") : _("_Take the Quiz"));
  update (self);
}
