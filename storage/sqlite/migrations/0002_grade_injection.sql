-- Grades of texts that carried instructions to the grader (a prompt
-- injection): graded by the rules alone, flagged, and counted by digests.
ALTER TABLE grades ADD COLUMN injection INTEGER NOT NULL DEFAULT 0;
CREATE INDEX grades_injection ON grades (graded_at, team_id, rubric_id) WHERE injection;
