-- Brings a database whose 0001_init was applied by a build before v0.1.0
-- (recorded without a checksum) to the released 0001_init. 0001_init.sql
-- was edited in place three times before v0.1.0: grade_criteria gained the
-- grade's graded_at, team_id and rubric_id, and the indexes over grades
-- gained columns. Rebuilding grade_criteria from grades and recreating the
-- indexes is right for each of those texts and for the released one.
-- storage/sqlite/testdata/0001_init-*.sql are the earlier texts, and the
-- storage tests migrate a database created from each.

CREATE TABLE grade_criteria_released (
	submission_id INTEGER NOT NULL REFERENCES grades (submission_id),
	position      INTEGER NOT NULL,
	graded_at     INTEGER NOT NULL, -- the grade's, for counts over a window
	team_id       TEXT NOT NULL, -- the grade's, for counts of one team
	rubric_id     TEXT NOT NULL, -- the grade's, for counts of one rubric
	criterion     TEXT NOT NULL,
	verdict       TEXT NOT NULL,
	decided_by    TEXT NOT NULL,
	needs_review  INTEGER NOT NULL,
	PRIMARY KEY (submission_id, position)
) WITHOUT ROWID;
INSERT INTO grade_criteria_released (submission_id, position, graded_at, team_id, rubric_id, criterion, verdict, decided_by, needs_review)
	SELECT c.submission_id, c.position, g.graded_at, g.team_id, g.rubric_id, c.criterion, c.verdict, c.decided_by, c.needs_review
	FROM grade_criteria c JOIN grades g ON g.submission_id = c.submission_id;
DROP TABLE grade_criteria;
ALTER TABLE grade_criteria_released RENAME TO grade_criteria;
CREATE INDEX grade_criteria_failed ON grade_criteria (criterion, graded_at, team_id, rubric_id) WHERE verdict = 'fail';

DROP INDEX IF EXISTS grades_time;
DROP INDEX IF EXISTS grades_channel;
DROP INDEX IF EXISTS grades_user;
DROP INDEX IF EXISTS grades_letter;
CREATE INDEX grades_time ON grades (graded_at, submission_id, letter, channel_id, needs_review, team_id, rubric_id);
CREATE INDEX grades_channel ON grades (channel_id, graded_at, submission_id, team_id, rubric_id);
CREATE INDEX grades_user ON grades (user_id, graded_at);
CREATE INDEX grades_letter ON grades (letter, graded_at, team_id, rubric_id);
