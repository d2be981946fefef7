/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes answers into the database named by argv[1] as fast as it can,
 * printing each answer's id once its commit has returned, until it is
 * killed. test-store kills it at random moments. */
#include "config.h"

#include <stdio.h>

#include "th-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ThStore) store = NULL;
  gint64 learner, attempt;

  g_assert (argc == 2);
  store = th_store_open (argv[1], &error);
  g_assert_no_error (error);
  /* One profile, whichever run of the writer made it. */
  learner = th_store_find_learner (store, "Writer", NULL);
  if (learner == 0)
    learner = th_store_add_learner (store, "Writer", NULL, &error);
  g_assert_no_error (error);
  attempt = th_store_start_attempt (store, learner, "humanism", TH_ATTEMPT_FULL, NULL, 0, &error);
  g_assert_no_error (error);

  for (int i = 0; ; i++)
    {
      gint64 id = th_store_record_answer (store, attempt, "scenario", "a", i % 4, 3, &error);

      g_assert_no_error (error);
      printf ("%" G_GINT64_FORMAT "\n", id);
      fflush (stdout);
    }
}
