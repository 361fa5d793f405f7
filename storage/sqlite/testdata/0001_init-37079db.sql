-- The first schema. Times are Unix microseconds (UTC); 0 means unset.

CREATE TABLE submissions (
	id              INTEGER PRIMARY KEY,
	idempotency_key TEXT UNIQUE, -- NULL when the request had none
	team_id         TEXT NOT NULL DEFAULT '',
	channel_id      TEXT NOT NULL DEFAULT '',
	user_id         TEXT NOT NULL DEFAULT '',
	reply_channel   TEXT NOT NULL DEFAULT '',
	thread_ts       TEXT NOT NULL DEFAULT '',
	posted_ts       TEXT NOT NULL DEFAULT '',
	ephemeral       INTEGER NOT NULL DEFAULT 0,
	response_url    TEXT NOT NULL DEFAULT '',
	text            TEXT NOT NULL,
	kind            TEXT NOT NULL DEFAULT '',
	rubric_id       TEXT NOT NULL DEFAULT '',
	rubric_version  INTEGER NOT NULL DEFAULT 0,
	rubric_hash     TEXT NOT NULL DEFAULT '',
	state           TEXT NOT NULL CHECK (state IN ('pending', 'graded', 'posted', 'failed')),
	error           TEXT NOT NULL DEFAULT '',
	attempts        INTEGER NOT NULL DEFAULT 0,
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL
);

-- Recovery: pending or graded-but-not-posted submissions, oldest first.
CREATE INDEX submissions_unfinished ON submissions (updated_at, id) WHERE state IN ('pending', 'graded');

-- One row per graded submission; who and where are copied from the
-- submission so the queries over grades need no join to filter.
CREATE TABLE grades (
	submission_id     INTEGER PRIMARY KEY REFERENCES submissions (id),
	graded_at         INTEGER NOT NULL,
	team_id           TEXT NOT NULL,
	channel_id        TEXT NOT NULL,
	user_id           TEXT NOT NULL,
	rubric_id         TEXT NOT NULL,
	status            TEXT NOT NULL,
	letter            TEXT NOT NULL,
	score             INTEGER NOT NULL,
	capped            INTEGER NOT NULL,
	needs_review      INTEGER NOT NULL,
	judge             TEXT NOT NULL,
	judge_model       TEXT NOT NULL,
	prompt_hash       TEXT NOT NULL,
	prompt_tokens     INTEGER NOT NULL,
	completion_tokens INTEGER NOT NULL,
	latency_ms        INTEGER NOT NULL,
	grade_json        TEXT NOT NULL -- the whole rubric.Grade
);

-- Grades since a cursor, counts over a window (covering: no table lookup).
CREATE INDEX grades_time ON grades (graded_at, submission_id, letter, channel_id, needs_review, team_id, rubric_id);
-- Recent grades of a channel or of an editor; with grades_letter, counts
-- by channel and letter over a window (one index range per value, the team
-- and rubric filters read from the index).
CREATE INDEX grades_channel ON grades (channel_id, graded_at, team_id, rubric_id);
CREATE INDEX grades_user ON grades (user_id, graded_at);
CREATE INDEX grades_letter ON grades (letter, graded_at, team_id, rubric_id);

-- Every criterion verdict of a grade, for counts by failed criterion.
CREATE TABLE grade_criteria (
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
-- Counts of failed verdicts by criterion over a window.
CREATE INDEX grade_criteria_failed ON grade_criteria (criterion, graded_at, team_id, rubric_id) WHERE verdict = 'fail';


CREATE TABLE channel_settings (
	team_id        TEXT NOT NULL,
	channel_id     TEXT NOT NULL,
	default_rubric TEXT NOT NULL,
	ephemeral      INTEGER NOT NULL,
	updated_by     TEXT NOT NULL,
	updated_at     INTEGER NOT NULL,
	PRIMARY KEY (team_id, channel_id)
) WITHOUT ROWID;

-- Editors' disputes; the grade they dispute is never changed.
CREATE TABLE overrides (
	id            INTEGER PRIMARY KEY,
	submission_id INTEGER NOT NULL REFERENCES grades (submission_id),
	criterion     TEXT NOT NULL,
	verdict       TEXT NOT NULL CHECK (verdict IN ('pass', 'partial', 'fail', 'na')),
	reason        TEXT NOT NULL,
	user_id       TEXT NOT NULL,
	created_at    INTEGER NOT NULL
);
CREATE INDEX overrides_submission ON overrides (submission_id, id);
CREATE INDEX overrides_time ON overrides (created_at, id);

CREATE TABLE digest_runs (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL,
	window_start INTEGER NOT NULL,
	window_end   INTEGER NOT NULL,
	state        TEXT NOT NULL CHECK (state IN ('claimed', 'posted')),
	channel_id   TEXT NOT NULL,
	message_ts   TEXT NOT NULL,
	claimed_by   TEXT NOT NULL,
	claimed_at   INTEGER NOT NULL,
	posted_at    INTEGER NOT NULL,
	UNIQUE (name, window_start)
);
CREATE INDEX digest_runs_last ON digest_runs (name, window_end, id);
