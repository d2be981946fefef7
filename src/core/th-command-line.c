/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-command-line"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "th-catalog.h"
#include "th-command-line.h"
#include "th-content-problem.h"
#include "th-records-module.h"

static void
print_problems (ThCatalog *catalog,
                FILE      *stream)
{
  GPtrArray *problems = th_catalog_get_problems (catalog);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = th_content_problem_format (g_ptr_array_index (problems, i));
      fprintf (stream, "%s\n", line);
    }
}

ThCatalog *
th_command_line_load_catalog (const ThCommandLineOptions *options)
{
  g_autoptr(ThContentLoader) loader = th_content_loader_new ();
  ThCatalog *catalog = th_catalog_new (loader);

  th_catalog_add_standard_paths (catalog, (const char * const *) options->content_dirs);
  return catalog;
}

/* One line per module: id, kind and title, separated by tabs so that
 * scripts can cut them apart. Problems go to standard error. */
int
th_command_line_list_modules (const ThCommandLineOptions *options)
{
  g_autoptr(ThCatalog) catalog = th_command_line_load_catalog (options);

  for (guint i = 0; i < th_catalog_get_n_modules (catalog); i++)
    {
      ThModule *module = th_catalog_get_module (catalog, i);

      printf ("%s\t%s\t%s\n", th_module_get_id (module),
              th_module_kind_to_id (th_module_get_kind (module)),
              th_module_get_title (module));
    }
  print_problems (catalog, stderr);
  return th_catalog_count (catalog, TH_SEVERITY_ERROR) > 0 ? 1 : 0;
}

static void
print_summary (guint files,
               guint valid,
               guint errors,
               guint warnings)
{
  g_autofree char *checked = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u file checked", "%u files checked", files), files);
  g_autofree char *modules = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u module valid", "%u modules valid", valid), valid);
  g_autofree char *error_count = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
  g_autofree char *warning_count = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);

  /* TRANSLATORS: the summary line of `threshold --validate`, made of the
   * four counts above */
  printf (_("%s, %s, %s, %s\n"), checked, modules, error_count, warning_count);
}

/* Checks @paths (files or folders), or everything the application would
 * load when @paths is empty. Exits non-zero if any file has an error. */
int
th_command_line_validate (const ThCommandLineOptions *options,
                          const char * const         *paths)
{
  g_autoptr(ThCatalog) catalog = NULL;
  guint errors, warnings;

  if (paths == NULL || paths[0] == NULL)
    catalog = th_command_line_load_catalog (options);
  else
    {
      g_autoptr(ThContentLoader) loader = th_content_loader_new ();

      catalog = th_catalog_new (loader);
      for (guint i = 0; paths[i] != NULL; i++)
        th_catalog_add_path (catalog, paths[i], TH_CONTENT_ORIGIN_BUNDLED);
    }

  print_problems (catalog, stdout);
  errors = th_catalog_count (catalog, TH_SEVERITY_ERROR);
  warnings = th_catalog_count (catalog, TH_SEVERITY_WARNING);
  print_summary (th_catalog_get_n_files (catalog),
                 th_catalog_get_n_modules (catalog),
                 errors, warnings);
  return errors > 0 ? 1 : 0;
}

void
th_command_line_options_clear (ThCommandLineOptions *options)
{
  g_clear_pointer (&options->database, g_free);
  g_clear_pointer (&options->content_dirs, g_strfreev);
}

static void
commands_clear (ThCommands *commands)
{
  g_free (commands->backup);
  g_free (commands->csv);
  g_free (commands->transcript);
  g_free (commands->output);
  g_free (commands->insights);
  g_free (commands->since);
  g_free (commands->until);
  g_free (commands->export_xapi);
  g_free (commands->import_xapi);
  g_strfreev (commands->paths);
}

/* Everything but checking and listing modules needs the records, which
 * come with SQLite and GIO in a module of their own: the records' commands,
 * and the window, which also reads the refresher period an administrator
 * set (GSettings is GIO's). */
static int
run_records_command (const ThCommands     *commands,
                     ThCommandLineOptions *options)
{
  g_autoptr(GError) error = NULL;
  const ThRecordsFuncs *records = th_records_module_get (&error);
  int status;

  if (records == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if ((status = records->run_command (commands, options)) != -1)
    return status;
  options->default_months = records->refresher_months ();
  return -1;
}

static int
run_command (const ThCommands     *commands,
             ThCommandLineOptions *options)
{
  if (commands->version)
    {
      printf ("threshold %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (commands->list_modules)
    return th_command_line_list_modules (options);
  if (commands->validate)
    return th_command_line_validate (options, (const char * const *) commands->paths);
  if (commands->paths != NULL && commands->paths[0] != NULL)
    {
      g_printerr (_("Unexpected argument “%s”; see threshold --help\n"), commands->paths[0]);
      return 2;
    }
  return run_records_command (commands, options);
}

/* Most options are a flag, or name a file. */
#define FLAG_ENTRY(name, flag, description) \
  { name, 0, 0, G_OPTION_ARG_NONE, flag, description, NULL }
#define FILE_ENTRY(name, file, description) \
  { name, 0, 0, G_OPTION_ARG_FILENAME, file, description, N_("FILE") }

/**
 * th_command_line_run:
 * @options: (out caller-allocates): the options the window uses, filled
 *   when it is to open; clear them with th_command_line_options_clear()
 *
 * Reads @argv and runs the command it asks for, with no toolkit: the
 * window's code is loaded only when no command is given.
 *
 * Returns: the exit status of the command (or of --help, or of a mistake
 *   in the options), or -1 when the window is to open
 */
int
th_command_line_run (int                    argc,
                     char                 **argv,
                     ThCommandLineOptions  *options)
{
  ThCommands commands = { 0 };
  const GOptionEntry entries[] = {
    FLAG_ENTRY ("version", &commands.version, N_("Print the version and exit")),
    FLAG_ENTRY ("list-modules", &commands.list_modules, N_("List the training modules (id, kind, title) and exit")),
    FLAG_ENTRY ("validate", &commands.validate,
                N_("Check module files (the PATHs, or everything Threshold loads) and exit")),
    FLAG_ENTRY ("verify-records", &commands.verify_records,
                N_("Check the progress database and its audit trail, and exit")),
    FILE_ENTRY ("backup", &commands.backup, N_("Copy the progress database to FILE and exit")),
    FILE_ENTRY ("export-csv", &commands.csv, N_("Write everyone's completion to FILE as CSV and exit")),
    { "export-transcript", 0, 0, G_OPTION_ARG_STRING, &commands.transcript,
      N_("Write the PDF transcript of LEARNER (an id or a name) to the --output file and exit"),
      N_("LEARNER") },
    FILE_ENTRY ("output", &commands.output, N_("Where --export-transcript writes")),
    { "export-insights", 0, 0, G_OPTION_ARG_FILENAME, &commands.insights,
      N_("Write what the team chose, by principle, theme, module and moment, to FILE.pdf (a huddle sheet) "
         "or FILE.csv, and exit"),
      N_("FILE.pdf|FILE.csv") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &commands.since, N_("The first day --export-insights reads"),
      N_("YYYY-MM-DD") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &commands.until, N_("The last day --export-insights reads"),
      N_("YYYY-MM-DD") },
    FILE_ENTRY ("export-xapi", &commands.export_xapi,
                N_("Write every record as xAPI statements (JSON) to FILE and exit")),
    FILE_ENTRY ("import-xapi", &commands.import_xapi,
                N_("Merge the xAPI statements another workstation exported to FILE, and exit")),
    FLAG_ENTRY ("sync", &commands.sync,
                N_("Send the records waiting for the Learning Record Store, fetch the organisation's, and exit")),
    FILE_ENTRY ("database", &options->database, N_("Use FILE as the progress database")),
    { "content-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->content_dirs,
      N_("Also load the modules in DIR (repeatable)"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &commands.paths, NULL, N_("[PATH…]") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  g_autoptr(GError) error = NULL;
  int status;

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  g_option_context_set_summary (context, _("Harm-reduction training for clinic staff. Without an option, "
                                           "opens the application."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("%s\n", error->message);
      commands_clear (&commands);
      return 2;
    }
  status = run_command (&commands, options);
  commands_clear (&commands);
  return status;
}
