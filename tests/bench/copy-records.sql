-- Ten times the records of a database made by generate-records, for the
-- growth figures at 100,000 learners (generate-records would take about
-- seventy minutes on a 2-CPU machine). Learners, attempts, answers and
-- completions are copied with new ids; the triggers keep the statements,
-- the summary and the answers' tally; finished attempts go in finished, so
-- their tally is rebuilt from the records. Not audited: a benchmark's
-- database only (--verify-records reports the copies).
--
--   cp records-10000.db records-100000.db
--   sqlite3 records-100000.db < tests/bench/copy-records.sql
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
CREATE TEMP TABLE k (n INTEGER);
INSERT INTO k VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9);
BEGIN;
INSERT INTO learners (id, display_name, pin_hash, created_at, archived)
  SELECT l.id + k.n * 100000, l.display_name || ' ' || k.n, l.pin_hash, l.created_at, l.archived FROM learners l, k WHERE l.id <= 100000;
INSERT INTO attempts (id, learner_id, module_id, kind, scenario_set, started_at, finished_at, score, max_score, passed)
  SELECT t.id + k.n * 10000000, t.learner_id + k.n * 100000, t.module_id, t.kind, t.scenario_set, t.started_at, t.finished_at, t.score, t.max_score, t.passed FROM attempts t, k WHERE t.id <= 10000000;
INSERT INTO answers (id, attempt_id, seq, scenario_id, choice_ids, score, max_score, answered_at)
  SELECT a.id + k.n * 100000000, a.attempt_id + k.n * 10000000, a.seq, a.scenario_id, a.choice_ids, a.score, a.max_score, a.answered_at FROM answers a, k WHERE a.id <= 100000000;
INSERT INTO completions (id, learner_id, module_id, attempt_id, completed_at, score_percent)
  SELECT c.id + k.n * 10000000, c.learner_id + k.n * 100000, c.module_id, c.attempt_id + k.n * 10000000, c.completed_at, c.score_percent FROM completions c, k WHERE c.id <= 10000000;
-- finished attempts were inserted finished: their tally is rebuilt from the records
DELETE FROM attempt_tally;
INSERT INTO attempt_tally SELECT substr (t.finished_at, 1, 7), t.module_id, t.kind = 'refresher', (t.kind = 'full' AND NOT EXISTS (SELECT 1 FROM attempts AS p WHERE p.learner_id = t.learner_id AND p.module_id = t.module_id AND p.kind = 'full' AND p.finished_at IS NOT NULL AND p.id < t.id)), ifnull (t.passed, 0), (CASE WHEN t.max_score > 0 THEN 100 * max (t.score, 0) / t.max_score ELSE 0 END), count(*) FROM attempts AS t WHERE t.finished_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6;
COMMIT;
SELECT count(*) FROM learners; SELECT count(*) FROM answers;
