package sqlstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// submissionColumns are the columns scanSubmission reads, with the table's
// alias prefixed to each.
func submissionColumns(alias string) string {
	cols := []string{"id", "COALESCE(%sidempotency_key, '')", "team_id", "channel_id", "user_id",
		"reply_channel", "thread_ts", "posted_ts", "ephemeral", "response_url", "text", "kind",
		"rubric_id", "rubric_version", "rubric_hash", "state", "error", "attempts", "created_at", "updated_at",
		"claimed_by", "claim_expires", "post_started"}
	for i, c := range cols {
		if strings.Contains(c, "%s") {
			cols[i] = fmt.Sprintf(c, alias)
		} else {
			cols[i] = alias + c
		}
	}
	return strings.Join(cols, ", ")
}

// scanSubmission scans the columns of submissionColumns, then extra.
func scanSubmission(r Row, sub *storage.Submission, extra ...any) error {
	var kind, state string
	dest := []any{&sub.ID, &sub.IdempotencyKey, &sub.TeamID, &sub.ChannelID, &sub.UserID,
		&sub.ReplyChannel, &sub.ThreadTS, &sub.PostedTS, &sub.Ephemeral, &sub.ResponseURL, &sub.Text, &kind,
		&sub.RubricID, &sub.RubricVersion, &sub.RubricHash, &state, &sub.Error, &sub.Attempts, &sub.CreatedAt, &sub.UpdatedAt,
		&sub.ClaimedBy, &sub.ClaimExpires, &sub.PostStarted}
	if err := r.Scan(append(dest, extra...)...); err != nil {
		return err
	}
	sub.Kind, sub.State = rubric.Kind(kind), storage.State(state)
	return nil
}

// Submit implements storage.Submissions.
func (s *Store) Submit(ctx context.Context, sub storage.Submission) (stored storage.Submission, created bool, err error) {
	defer wrap(&err, "Submit(key %q)", sub.IdempotencyKey)
	if strings.TrimSpace(sub.Text) == "" {
		return storage.Submission{}, false, errors.New("the submission's text is empty")
	}
	now := s.now()
	sub.ID, sub.State, sub.Error, sub.Attempts, sub.PostedTS = 0, storage.Pending, "", 0, ""
	sub.CreatedAt, sub.UpdatedAt = now, now
	var key any // NULL: no idempotency key, never a conflict
	if sub.IdempotencyKey != "" {
		key = sub.IdempotencyKey
	}
	// Submit answers a request: Slack waits for its acknowledgement.
	err = s.b.Write(Urgent(ctx), func(tx DB) error {
		err := tx.QueryRow(ctx, `INSERT INTO submissions (idempotency_key, team_id, channel_id, user_id,
			reply_channel, thread_ts, posted_ts, ephemeral, response_url, text, kind,
			rubric_id, rubric_version, rubric_hash, state, error, attempts, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
			key, sub.TeamID, sub.ChannelID, sub.UserID, sub.ReplyChannel, sub.ThreadTS, sub.PostedTS,
			sub.Ephemeral, sub.ResponseURL, sub.Text, string(sub.Kind), sub.RubricID, sub.RubricVersion,
			sub.RubricHash, string(sub.State), sub.Error, sub.Attempts, sub.CreatedAt, sub.UpdatedAt).Scan(&sub.ID)
		if err == nil {
			stored, created = sub, true
			return nil
		}
		if !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		// The key exists: return the submission it made.
		return scanSubmission(tx.QueryRow(ctx, `SELECT `+submissionColumns("")+` FROM submissions WHERE idempotency_key = ?`, key), &stored)
	})
	if err != nil {
		return storage.Submission{}, false, err
	}
	return stored, created, nil
}

// Submission implements storage.Submissions.
func (s *Store) Submission(ctx context.Context, id int64) (sub storage.Submission, err error) {
	defer wrap(&err, "Submission(%d)", id)
	err = scanSubmission(s.b.Pool.QueryRow(ctx, `SELECT `+submissionColumns("")+` FROM submissions WHERE id = ?`, id), &sub)
	return sub, err
}

// SaveGrade implements storage.Submissions.
func (s *Store) SaveGrade(ctx context.Context, id int64, g *rubric.Grade) (err error) {
	defer wrap(&err, "SaveGrade(%d)", id)
	if g == nil {
		return errors.New("no grade to save")
	}
	js, err := json.Marshal(g)
	if err != nil {
		return err
	}
	needsReview, injection := g.NeedsReview(), g.Judge.Injection != ""
	now := s.now()
	return s.b.Write(ctx, func(tx DB) error {
		var state, team, channel, user, rubricID string
		err := tx.QueryRow(ctx, `SELECT state, team_id, channel_id, user_id, rubric_id FROM submissions WHERE id = ?`+s.b.ForUpdate, id).
			Scan(&state, &team, &channel, &user, &rubricID)
		if err != nil {
			return err
		}
		if storage.State(state) != storage.Pending {
			return fmt.Errorf("the submission is %s, not pending: %w", state, storage.ErrConflict)
		}
		if g.Rubric != "" {
			rubricID = g.Rubric
		}
		j := g.Judge
		var seq int64
		if err := tx.QueryRow(ctx, `INSERT INTO grades (submission_id, graded_at, team_id, channel_id, user_id, rubric_id,
			status, letter, score, capped, needs_review, judge, judge_model, prompt_hash,
			prompt_tokens, completion_tokens, latency_ms, grade_json, injection, seq)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, `+s.b.NextGradeSeq+`) RETURNING seq`,
			id, now, team, channel, user, rubricID, string(g.Status), g.Letter, g.Score, g.Capped, needsReview,
			j.Name, j.Model, j.PromptHash, j.PromptTokens, j.CompletionTokens, j.LatencyMS, js, injection).Scan(&seq); err != nil {
			return err
		}
		if len(g.Criteria) > 0 {
			q, args := criteriaInsert(id, seq, now, team, rubricID, g.Criteria)
			if _, err := tx.Exec(ctx, q, args...); err != nil {
				return err
			}
		}
		_, err = tx.Exec(ctx, `UPDATE submissions SET state = ?, updated_at = ? WHERE id = ?`, string(storage.Graded), now, id)
		return err
	})
}

// criteriaInsert returns one INSERT of every criterion verdict of a grade,
// each with the grade's seq, time, team and rubric.
func criteriaInsert(id, seq int64, gradedAt time.Time, team, rubricID string, cs []rubric.CriterionGrade) (string, []any) {
	var b strings.Builder
	b.WriteString(`INSERT INTO grade_criteria (submission_id, position, seq, graded_at, team_id, rubric_id,
		criterion, verdict, decided_by, needs_review) VALUES `)
	args := make([]any, 0, 10*len(cs))
	for i, c := range cs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
		args = append(args, id, i, seq, gradedAt, team, rubricID, c.Criterion, string(c.Verdict), c.DecidedBy, c.NeedsReview)
	}
	return b.String(), args
}

// transition changes a submission's state with set (an SQL SET list and its
// arguments) when it is in one of from; otherwise it tells ErrNotFound from
// ErrConflict.
func (s *Store) transition(ctx context.Context, id int64, to storage.State, from []storage.State, set string, args ...any) error {
	return s.b.Write(ctx, func(tx DB) error {
		q := `UPDATE submissions SET state = ?, updated_at = ?` + set + ` WHERE id = ? AND state IN (` + placeholders(len(from)) + `)`
		all := append([]any{string(to), s.now()}, args...)
		all = append(all, id)
		for _, f := range from {
			all = append(all, string(f))
		}
		n, err := tx.Exec(ctx, q, all...)
		if err != nil || n == 1 {
			return err
		}
		return notChanged(ctx, tx, "submissions", "submission", id)
	})
}

// notChanged explains an UPDATE of row id of table that changed nothing:
// the row is missing (ErrNotFound) or in a state the change does not apply
// to (ErrConflict).
func notChanged(ctx context.Context, tx DB, table, what string, id int64) error {
	var state string
	if err := tx.QueryRow(ctx, `SELECT state FROM `+table+` WHERE id = ?`, id).Scan(&state); err != nil {
		return err
	}
	return fmt.Errorf("the %s is %s: %w", what, state, storage.ErrConflict)
}

// MarkPosted implements storage.Submissions.
func (s *Store) MarkPosted(ctx context.Context, id int64, channelID, ts string) (err error) {
	defer wrap(&err, "MarkPosted(%d)", id)
	if ts == "" {
		return errors.New("no message ts to record")
	}
	return s.transition(ctx, id, storage.Posted, []storage.State{storage.Graded},
		`, reply_channel = CASE WHEN ? = '' THEN reply_channel ELSE ? END, posted_ts = ?`, channelID, channelID, ts)
}

// MarkFailed implements storage.Submissions. Pending and graded submissions
// may fail; posted ones may not.
func (s *Store) MarkFailed(ctx context.Context, id int64, reason string) (err error) {
	defer wrap(&err, "MarkFailed(%d)", id)
	return s.transition(ctx, id, storage.Failed, []storage.State{storage.Pending, storage.Graded}, `, error = ?`, reason)
}

// AddAttempt implements storage.Submissions. It also moves the submission's
// updated time, so recovery leaves an item being worked on alone.
func (s *Store) AddAttempt(ctx context.Context, id int64) (n int, err error) {
	defer wrap(&err, "AddAttempt(%d)", id)
	err = s.b.Write(ctx, func(tx DB) error {
		return tx.QueryRow(ctx, `UPDATE submissions SET attempts = attempts + 1, updated_at = ? WHERE id = ? RETURNING attempts`, s.now(), id).Scan(&n)
	})
	return n, err
}

// GradedItem implements storage.Submissions.
func (s *Store) GradedItem(ctx context.Context, id int64) (item storage.GradedItem, err error) {
	defer wrap(&err, "GradedItem(%d)", id)
	var js []byte
	err = scanSubmission(s.b.Pool.QueryRow(ctx, `SELECT `+submissionColumns("s.")+`, COALESCE(g.graded_at, s.created_at), g.grade_json
		FROM submissions s LEFT JOIN grades g ON g.submission_id = s.id WHERE s.id = ?`, id), &item.Submission, &item.GradedAt, &js)
	if err != nil {
		return storage.GradedItem{}, err
	}
	if js == nil {
		item.GradedAt = time.Time{}
		return item, nil
	}
	item.Grade = new(rubric.Grade)
	return item, json.Unmarshal(js, item.Grade)
}

// Unfinished implements storage.Submissions.
func (s *Store) Unfinished(ctx context.Context, before time.Time, limit int) (subs []storage.Submission, err error) {
	defer wrap(&err, "Unfinished")
	rows, err := s.b.Pool.Query(ctx, `SELECT `+submissionColumns("")+` FROM submissions
		WHERE state IN ('pending', 'graded') AND updated_at < ? ORDER BY updated_at, id LIMIT ?`, Norm(before), limitOr(limit, 100, 10000))
	err = collect(rows, err, func(r Rows) error {
		var sub storage.Submission
		err := scanSubmission(r, &sub)
		subs = append(subs, sub)
		return err
	})
	return subs, err
}

// placeholders returns n comma-separated placeholders.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
