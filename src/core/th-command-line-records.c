/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-command-line"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "th-command-line-records.h"
#include "th-insights.h"
#include "th-record-scope.h"
#include "th-refresher.h"
#include "th-report.h"

/* The commands that read or write the progress database: they come with
 * SQLite and GIO, in the records module, which the command line loads only
 * for them (and the window). */

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
guint
th_command_line_refresher_months (void)
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
  guint months = th_command_line_refresher_months ();
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


/**
 * th_command_line_run_records:
 *
 * Runs the command among @commands that needs the records.
 *
 * Returns: its exit status, or -1 when @commands ask for none of them
 */
int
th_command_line_run_records (const ThCommands           *commands,
                             const ThCommandLineOptions *options)
{
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
  return -1;
}
