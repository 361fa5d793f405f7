-- Grades of texts that carried instructions to the grader (a prompt
-- injection): graded by the rules alone, flagged, and counted by digests.
ALTER TABLE grades ADD COLUMN injection BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX grades_injection ON grades (graded_at) INCLUDE (team_id, rubric_id) WHERE injection;
