-- Digests count what was stored, not what the clock said: a grade gets a
-- sequence number when it is saved (seq, in the order grades are saved),
-- and each digest run records the marks it covered, the grade seq and the
-- dispute id it starts after and runs through, so the next run takes up
-- exactly where it stopped whatever the clock did in between.
ALTER TABLE grades ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE grades SET seq = o.n
	FROM (SELECT submission_id, ROW_NUMBER() OVER (ORDER BY graded_at, submission_id) AS n FROM grades) AS o
	WHERE o.submission_id = grades.submission_id;
-- Counts and highlights over a window by index ranges over seq, as over
-- graded_at before (a window by the clock is turned into one by seq, from
-- the latest grades before each end: grades_time now carries seq instead
-- of the columns those counts read); the indexes by value and time go.
DROP INDEX IF EXISTS grades_letter;
DROP INDEX IF EXISTS grades_injection;
DROP INDEX IF EXISTS grades_time;
CREATE INDEX grades_time ON grades (graded_at, submission_id, seq);
CREATE INDEX grades_seq ON grades (seq, needs_review, injection, team_id, rubric_id);
CREATE INDEX grades_letter_seq ON grades (letter, seq, team_id, rubric_id);
CREATE INDEX grades_channel_seq ON grades (channel_id, seq, team_id, rubric_id);

ALTER TABLE grade_criteria ADD COLUMN seq INTEGER NOT NULL DEFAULT 0; -- the grade's
UPDATE grade_criteria SET seq = (SELECT g.seq FROM grades g WHERE g.submission_id = grade_criteria.submission_id);
DROP INDEX IF EXISTS grade_criteria_failed;
CREATE INDEX grade_criteria_failed_seq ON grade_criteria (criterion, seq, team_id, rubric_id) WHERE verdict = 'fail';

-- A run's marks; runs recorded before get those of their time window.
ALTER TABLE digest_runs ADD COLUMN grades_after INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digest_runs ADD COLUMN grades_through INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digest_runs ADD COLUMN overrides_after INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digest_runs ADD COLUMN overrides_through INTEGER NOT NULL DEFAULT 0;
UPDATE digest_runs SET
	grades_after = COALESCE((SELECT g.seq FROM grades g WHERE g.graded_at < digest_runs.window_start ORDER BY g.graded_at DESC, g.submission_id DESC LIMIT 1), 0),
	grades_through = COALESCE((SELECT g.seq FROM grades g WHERE g.graded_at < digest_runs.window_end ORDER BY g.graded_at DESC, g.submission_id DESC LIMIT 1), 0),
	overrides_after = COALESCE((SELECT MAX(o.id) FROM overrides o WHERE o.created_at < digest_runs.window_start), 0),
	overrides_through = COALESCE((SELECT MAX(o.id) FROM overrides o WHERE o.created_at < digest_runs.window_end), 0);
