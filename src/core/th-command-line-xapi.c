/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "th-command-line"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "th-command-line-records.h"
#include "th-lrs-module.h"
#include "th-store-statements.h"
#include "th-xapi-exchange.h"

/* The organisation's records from the command line: a file of
 * statements out and in, and a round with the LRS, for administrators,
 * scripts and tests. */

static ThXapiProfile *
open_profile (const ThCommandLineOptions  *options,
              ThStore                    **store,
              gboolean                     existing)
{
  g_autoptr(ThCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  ThXapiProfile *profile;

  if ((*store = th_command_line_open_store (options, existing)) == NULL)
    return NULL;
  catalog = th_command_line_load_catalog (options);
  if ((profile = th_xapi_profile_new_for_store (*store, catalog, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      g_clear_object (store);
    }
  return profile;
}

static void
print_merged (const ThImportCounts *counts)
{
  printf (_("Merged %u new, %u already here, %u about records not here, %u not Threshold’s, %u malformed\n"),
          counts->added, counts->already_here, counts->unmatched, counts->foreign, counts->malformed);
}

/* Writes every record to the file at @path, or merges the file's
 * statements (@import), and says what was done. */
static int
exchange_file (const ThCommandLineOptions *options,
               const char                 *path,
               gboolean                    import)
{
  g_autoptr(ThStore) store = NULL;
  g_autoptr(ThXapiProfile) profile = open_profile (options, &store, !import);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  ThImportCounts counts;
  guint count = 0;

  if (profile == NULL)
    return 1;
  if (import ? !th_xapi_import_file (store, profile, file, &counts, &error)
             : !th_xapi_export_file (store, profile, file, &count, &error))
    {
      g_printerr (import ? _("Nothing was imported: %s\n") : _("Cannot write the statements: %s\n"),
                  error->message);
      return 1;
    }
  if (import)
    print_merged (&counts);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u statement to %s\n", "Wrote %u statements to %s\n", count),
            count, path);
  return 0;
}

int
th_command_line_export_xapi (const ThCommandLineOptions *options,
                             const char                 *path)
{
  return exchange_file (options, path, FALSE);
}

int
th_command_line_import_xapi (const ThCommandLineOptions *options,
                             const char                 *path)
{
  return exchange_file (options, path, TRUE);
}

int
th_command_line_sync (const ThCommandLineOptions *options)
{
  g_autoptr(ThStore) store = NULL;
  g_autoptr(ThXapiProfile) profile = open_profile (options, &store, FALSE);
  g_autoptr(GError) error = NULL;
  const ThLrsFuncs *lrs = NULL;
  ThSyncReport report = { 0 };
  gboolean done;

  if (profile == NULL)
    return 1;
  if ((lrs = th_lrs_module_get (&error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  done = lrs->round (store, profile, TRUE, &report, NULL, &error);
  if (done && !report.set_up)
    {
      g_printerr (_("No Learning Record Store is set up: set one under Organisation Records in supervisor "
                    "mode, or give THRESHOLD_LRS_ENDPOINT, THRESHOLD_LRS_KEY and THRESHOLD_LRS_SECRET\n"));
      return 1;
    }
  printf (_("Sent %u statements, %u refused; fetched %u\n"), report.sent, report.refused, report.fetched);
  if (report.fetched > 0)
    print_merged (&report.merged);
  if (!done)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
