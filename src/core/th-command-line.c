/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-command-line"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "th-catalog.h"
#include "th-command-line.h"
#include "th-content-problem.h"
#include "th-insights.h"
#include "th-record-scope.h"
#include "th-refresher.h"
#include "th-report.h"
#include "th-store.h"

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
  GListModel *modules = th_catalog_get_modules (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(ThModule) module = g_list_model_get_item (modules, i);

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
                 g_list_model_get_n_items (th_catalog_get_modules (catalog)),
                 errors, warnings);
  return errors > 0 ? 1 : 0;
}

/* Opens the database the options name, refusing to create one where
 * @existing: those commands look at records, they do not start them. */
ThStore *
th_command_line_open_store (const ThCommandLineOptions *options,
                            gboolean                    existing)
{
  g_autofree char *path = options->database ? g_strdup (options->database)
                                            : th_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  ThStore *store;

  if (existing && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("There is no progress database at %s\n"), path);
      return NULL;
    }
  store = th_store_open (path, &error);
  if (store == NULL)
    g_printerr ("%s\n", error->message);
  return store;
}

/* Checks the file's integrity and the audit trail's hash chain; exits
 * non-zero and names the first record that breaks. */
int
th_command_line_verify_records (const ThCommandLineOptions *options)
{
  g_autoptr(ThStore) store = th_command_line_open_store (options, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  if (store == NULL)
    return 1;
  problem = th_store_verify (store, &error);
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (problem != NULL)
    {
      printf (_("%s: the records have been tampered with or damaged: %s\n"),
              th_store_get_path (store), problem);
      return 1;
    }
  printf (_("%s: all records are intact\n"), th_store_get_path (store));
  return 0;
}

int
th_command_line_backup (const ThCommandLineOptions *options,
                        const char                 *dest)
{
  g_autoptr(ThStore) store = th_command_line_open_store (options, TRUE);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return 1;
  if (!th_store_backup (store, dest, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf (_("Backed up %s to %s\n"), th_store_get_path (store), dest);
  return 0;
}

/* The refresher period an administrator set for this installation; the
 * command line may run where the schema is not installed. */
static guint
installation_refresher_months (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL)
    return TH_REFRESHER_DEFAULT_MONTHS;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_uint (settings, "refresher-months");
}

/* Everyone's row, or only @learner_id's when it is not 0. */
static ThCompletionMatrix *
load_matrix (const ThCommandLineOptions  *options,
             ThStore                     *store,
             gint64                       learner_id)
{
  g_autoptr(ThCatalog) catalog = th_command_line_load_catalog (options);
  g_autoptr(GError) error = NULL;
  guint months = installation_refresher_months ();
  ThCompletionMatrix *matrix;

  if (learner_id != 0)
    matrix = th_completion_matrix_load_learner (store, catalog, months, learner_id, &error);
  else
    matrix = th_completion_matrix_load (store, catalog, months, &error);
  if (matrix == NULL)
    g_printerr ("%s\n", error->message);
  return matrix;
}

/* Everyone's completion, for HR: a row per learner and module. */
int
th_command_line_export_csv (const ThCommandLineOptions *options,
                            const char                 *path)
{
  g_autoptr(ThStore) store = th_command_line_open_store (options, TRUE);
  g_autoptr(ThCompletionMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || (matrix = load_matrix (options, store, 0)) == NULL)
    return 1;
  if (!th_report_write_csv (matrix, path, &error))
    {
      g_printerr (_("Cannot write the report: %s\n"), error->message);
      return 1;
    }
  printf (_("Wrote %s\n"), path);
  return 0;
}

int
th_command_line_export_transcript (const ThCommandLineOptions *options,
                                   const char                 *learner,
                                   const char                 *path)
{
  g_autoptr(ThStore) store = NULL;
  g_autoptr(ThCompletionMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  gint64 id;

  if (path == NULL)
    {
      g_printerr (_("Say where to write the transcript with --output FILE.pdf\n"));
      return 2;
    }
  store = th_command_line_open_store (options, TRUE);
  if (store == NULL)
    return 1;
  id = th_store_find_learner (store, learner, &error);
  if (id == 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if ((matrix = load_matrix (options, store, id)) == NULL)
    return 1;
  if ((author = th_report_dup_author (store, &error)) == NULL ||
      !th_report_write_transcript_full (matrix, id, author, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf (_("Wrote %s\n"), path);
  return 0;
}

/* The huddle sheet, its author the organisation the records name. */
static gboolean
write_huddle_sheet (ThStore             *store,
                    ThInsights          *insights,
                    const ThRecordScope *scope,
                    const char          *path,
                    GError             **error)
{
  g_autofree char *author = th_report_dup_author (store, error);

  return author != NULL && th_report_write_insights_pdf (insights, scope, author, path, error);
}

/* The team's insights over the period: a huddle sheet for FILE.pdf, a
 * spreadsheet for FILE.csv. */
int
th_command_line_export_insights (const ThCommandLineOptions *options,
                                 const char                 *path,
                                 const char                 *since,
                                 const char                 *until)
{
  ThRecordScope scope = { since, until, FALSE };
  gboolean pdf = g_str_has_suffix (path, ".pdf");
  g_autoptr(ThStore) store = NULL;
  g_autoptr(ThCatalog) catalog = NULL;
  g_autoptr(ThInsights) insights = NULL;
  g_autoptr(GError) error = NULL;

  if (!pdf && !g_str_has_suffix (path, ".csv"))
    {
      g_printerr (_("Give a file name ending in .pdf for a huddle sheet or in .csv for a spreadsheet\n"));
      return 2;
    }
  if ((since != NULL && !th_record_scope_is_day (since)) || (until != NULL && !th_record_scope_is_day (until)))
    {
      g_printerr (_("Give --since and --until as YYYY-MM-DD\n"));
      return 2;
    }
  if ((store = th_command_line_open_store (options, TRUE)) == NULL)
    return 1;
  catalog = th_command_line_load_catalog (options);
  insights = th_insights_load (store, catalog, &scope, &error);
  if (insights == NULL ||
      !(pdf ? write_huddle_sheet (store, insights, &scope, path, &error)
            : th_report_write_insights_csv (insights, path, &error)))
    {
      g_printerr (_("Cannot write the insights: %s\n"), error->message);
      return 1;
    }
  printf (_("Wrote %s\n"), path);
  return 0;
}

void
th_command_line_options_clear (ThCommandLineOptions *options)
{
  g_clear_pointer (&options->database, g_free);
  g_clear_pointer (&options->content_dirs, g_strfreev);
}

/* What was asked for beside the options the window uses too. */
typedef struct
{
  gboolean  version;
  gboolean  list_modules;
  gboolean  validate;
  gboolean  verify_records;
  char     *backup;
  char     *csv;
  char     *transcript;
  char     *output;
  char     *insights;
  char     *since;
  char     *until;
  char     *export_xapi;
  char     *import_xapi;
  gboolean  sync;
  GStrv     paths;
} Commands;

static void
commands_clear (Commands *commands)
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

static int
run_command (const Commands             *commands,
             const ThCommandLineOptions *options)
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
  if (commands->verify_records)
    return th_command_line_verify_records (options);
  if (commands->backup != NULL)
    return th_command_line_backup (options, commands->backup);
  if (commands->csv != NULL)
    return th_command_line_export_csv (options, commands->csv);
  if (commands->transcript != NULL)
    return th_command_line_export_transcript (options, commands->transcript, commands->output);
  if (commands->insights != NULL)
    return th_command_line_export_insights (options, commands->insights, commands->since, commands->until);
  if (commands->export_xapi != NULL)
    return th_command_line_export_xapi (options, commands->export_xapi);
  if (commands->import_xapi != NULL)
    return th_command_line_import_xapi (options, commands->import_xapi);
  if (commands->sync)
    return th_command_line_sync (options);
  if (commands->paths != NULL && commands->paths[0] != NULL)
    {
      g_printerr (_("Unexpected argument “%s”; see threshold --help\n"), commands->paths[0]);
      return 2;
    }
  return -1;
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
  Commands commands = { 0 };
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
  /* Only the reports and the window read the period: looking the schema
   * up would cost every other command its time. */
  if (status == -1)
    options->default_months = installation_refresher_months ();
  commands_clear (&commands);
  return status;
}
