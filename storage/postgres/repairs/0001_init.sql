-- Brings a database whose 0001_init was applied by a build before v0.1.0
-- (recorded without a checksum) to the released 0001_init. 0001_init.sql
-- was edited in place three times before v0.1.0: grade_criteria gained the
-- grade's graded_at, team_id and rubric_id, and the indexes over grades
-- gained columns. Filling grade_criteria's columns from grades and
-- recreating the indexes is right for each of those texts and for the
-- released one. storage/postgres/testdata/0001_init-*.sql are the earlier
-- texts, and the storage tests migrate a database created from each.

ALTER TABLE grade_criteria
	ADD COLUMN IF NOT EXISTS graded_at TIMESTAMPTZ,
	ADD COLUMN IF NOT EXISTS team_id TEXT,
	ADD COLUMN IF NOT EXISTS rubric_id TEXT;
UPDATE grade_criteria c SET graded_at = g.graded_at, team_id = g.team_id, rubric_id = g.rubric_id
	FROM grades g
	WHERE g.submission_id = c.submission_id
	AND (c.graded_at IS DISTINCT FROM g.graded_at OR c.team_id IS DISTINCT FROM g.team_id OR c.rubric_id IS DISTINCT FROM g.rubric_id);
ALTER TABLE grade_criteria
	ALTER COLUMN graded_at SET NOT NULL,
	ALTER COLUMN team_id SET NOT NULL,
	ALTER COLUMN rubric_id SET NOT NULL;
DROP INDEX IF EXISTS grade_criteria_failed;
CREATE INDEX grade_criteria_failed ON grade_criteria (criterion, graded_at) INCLUDE (team_id, rubric_id) WHERE verdict = 'fail';

DROP INDEX IF EXISTS grades_time;
DROP INDEX IF EXISTS grades_channel;
DROP INDEX IF EXISTS grades_user;
DROP INDEX IF EXISTS grades_letter;
CREATE INDEX grades_time ON grades (graded_at, submission_id) INCLUDE (letter, channel_id, needs_review, team_id, rubric_id);
CREATE INDEX grades_channel ON grades (channel_id, graded_at, submission_id) INCLUDE (team_id, rubric_id);
CREATE INDEX grades_user ON grades (user_id, graded_at, submission_id);
CREATE INDEX grades_letter ON grades (letter, graded_at) INCLUDE (team_id, rubric_id);
