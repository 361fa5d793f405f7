package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// filterSQL returns the conditions of f on the columns of alias (grades or
// submissions both have team_id, channel_id, user_id and rubric_id), each
// starting with " AND ", and their arguments.
func filterSQL(alias string, f storage.Filter) (string, []any) {
	var b strings.Builder
	var args []any
	eq := func(col, v string) {
		if v != "" {
			b.WriteString(" AND " + alias + col + " = ?")
			args = append(args, v)
		}
	}
	eq("team_id", f.TeamID)
	eq("channel_id", f.ChannelID)
	eq("user_id", f.UserID)
	eq("rubric_id", f.RubricID)
	if len(f.ChannelIDs) > 0 {
		b.WriteString(" AND " + alias + "channel_id IN (" + placeholders(len(f.ChannelIDs)) + ")")
		for _, c := range f.ChannelIDs {
			args = append(args, c)
		}
	}
	return b.String(), args
}

// byMarks returns w by marks: a window by the clock becomes the grades
// stored after the last one before From up to the last one before To
// (MarksBefore), the same grades while the clock only moves on. The
// queries over windows then walk one kind of index range, on seq.
func (s *Store) byMarks(ctx context.Context, w storage.Window) (storage.Window, error) {
	if w.ByMarks {
		return w, nil
	}
	var err error
	if w.After, err = s.MarksBefore(ctx, w.From); err != nil {
		return w, err
	}
	if w.Through, err = s.MarksBefore(ctx, w.To); err != nil {
		return w, err
	}
	w.ByMarks = true
	return w, nil
}

// span returns the condition that selects the grades of w (by marks) on
// the seq column of alias (grades or grade_criteria), and its arguments.
func span(alias string, w storage.Window) (string, []any) {
	return alias + "seq > ? AND " + alias + "seq <= ?", []any{w.After.Grade, w.Through.Grade}
}

// gradedItems runs a query selecting gradedItemColumns and reads the items.
func gradedItems(ctx context.Context, db DB, q string, args []any) ([]storage.GradedItem, error) {
	var items []storage.GradedItem
	rows, err := db.Query(ctx, q, args...)
	err = collect(rows, err, func(r Rows) error {
		var it storage.GradedItem
		var js []byte
		if err := scanSubmission(r, &it.Submission, &it.GradedAt, &js); err != nil {
			return err
		}
		it.Grade = new(rubric.Grade)
		items = append(items, it)
		return json.Unmarshal(js, it.Grade)
	})
	return items, err
}

// gradedItemSelect selects graded items from grades g joined to submissions s.
var gradedItemSelect = `SELECT ` + submissionColumns("s.") + `, g.graded_at, g.grade_json
	FROM grades g JOIN submissions s ON s.id = g.submission_id WHERE `

// GradesSince implements storage.Grades. A zero until means no upper bound;
// a limit that is not positive means 100, and at most 10,000 are returned.
func (s *Store) GradesSince(ctx context.Context, after storage.Cursor, until time.Time, f storage.Filter, limit int) (items []storage.GradedItem, next storage.Cursor, err error) {
	defer wrap(&err, "GradesSince")
	at := Norm(after.GradedAt)
	// The first condition bounds the index range; the second steps past the
	// cursor among grades that share its time.
	q := gradedItemSelect + `g.graded_at >= ? AND (g.graded_at > ? OR g.submission_id > ?)`
	args := []any{at, at, after.ID}
	if !until.IsZero() {
		q += ` AND g.graded_at < ?`
		args = append(args, Norm(until))
	}
	fq, fargs := filterSQL("g.", f)
	q += fq + ` ORDER BY g.graded_at, g.submission_id LIMIT ?`
	args = append(append(args, fargs...), limitOr(limit, 100, 10000))
	items, err = gradedItems(ctx, s.b.Pool, q, args)
	if err != nil {
		return nil, after, err
	}
	next = after
	if n := len(items); n > 0 {
		next = storage.Cursor{GradedAt: items[n-1].GradedAt, ID: items[n-1].Submission.ID}
	}
	return items, next, nil
}

// Recent implements storage.Grades; a limit that is not positive means 20,
// and at most 1,000 are returned.
func (s *Store) Recent(ctx context.Context, f storage.Filter, limit int) (items []storage.GradedItem, err error) {
	defer wrap(&err, "Recent")
	fq, args := filterSQL("g.", f)
	q := gradedItemSelect + `1 = 1` + fq + ` ORDER BY g.graded_at DESC, g.submission_id DESC LIMIT ?`
	return gradedItems(ctx, s.b.Pool, q, append(args, limitOr(limit, 20, 1000)))
}

// Counts implements storage.Grades. Filtered by team and rubric at most
// (a digest's usual filters) it counts by index ranges (countsQuery); with
// a channel or user filter it groups the window's grades of those, which
// their indexes find.
func (s *Store) Counts(ctx context.Context, w storage.Window, f storage.Filter) (c storage.Counts, err error) {
	defer wrap(&err, "Counts")
	c = storage.Counts{ByLetter: map[string]int{}, FailedCriteria: map[string]int{}, ByChannel: map[string]int{}}
	if w, err = s.byMarks(ctx, w); err != nil {
		return c, err
	}
	if f.ChannelID == "" && f.UserID == "" && len(f.ChannelIDs) == 0 {
		err = s.countsByRanges(ctx, w, f, &c)
		return c, err
	}
	fq, fargs := filterSQL("g.", f)
	window, args := span("g.", w)
	args = append(args, fargs...)
	window += fq
	err = s.b.Read(ctx, func(tx DB) error {
		rows, err := tx.Query(ctx, `SELECT g.letter, g.channel_id, g.needs_review, g.injection, COUNT(*) FROM grades g
			WHERE `+window+` GROUP BY g.letter, g.channel_id, g.needs_review, g.injection`, args...)
		err = collect(rows, err, func(r Rows) error {
			var letter, channel string
			var review, injection bool
			var n int
			if err := r.Scan(&letter, &channel, &review, &injection, &n); err != nil {
				return err
			}
			c.Total += n
			c.ByLetter[letter] += n
			c.ByChannel[channel] += n
			if review {
				c.NeedsReview += n
			}
			if injection {
				c.Injections += n
			}
			return nil
		})
		if err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT c.criterion, COUNT(*) FROM grades g
			JOIN grade_criteria c ON c.submission_id = g.submission_id AND c.verdict = 'fail'
			WHERE `+window+` GROUP BY c.criterion`, args...)
		return collect(rows, err, func(r Rows) error {
			var crit string
			var n int
			err := r.Scan(&crit, &n)
			c.FailedCriteria[crit] = n
			return err
		})
	})
	return c, err
}

// countsQuery counts a window in one statement without sorting it: for
// each letter, channel and failed criterion ever stored (found by skipping
// through an index, one lookup per distinct value) it counts the window's
// range (%[2]s, the window's span) of the index on (value, seq), whose
// entries also hold the team and rubric the %[1]s conditions test. Grouping the window's rows
// instead costs a sort of every row in it.
const countsQuery = `WITH RECURSIVE
	letters(v) AS (
		SELECT MIN(letter) FROM grades
		UNION ALL SELECT (SELECT MIN(letter) FROM grades WHERE letter > v) FROM letters WHERE v IS NOT NULL),
	channels(v) AS (
		SELECT MIN(channel_id) FROM grades
		UNION ALL SELECT (SELECT MIN(channel_id) FROM grades WHERE channel_id > v) FROM channels WHERE v IS NOT NULL),
	failed(v) AS (
		SELECT MIN(criterion) FROM grade_criteria WHERE verdict = 'fail'
		UNION ALL SELECT (SELECT MIN(criterion) FROM grade_criteria WHERE verdict = 'fail' AND criterion > v) FROM failed WHERE v IS NOT NULL)
SELECT 'total', '', COUNT(*) FROM grades WHERE %[2]s%[1]s
UNION ALL SELECT 'review', '', COUNT(*) FROM grades WHERE needs_review AND %[2]s%[1]s
UNION ALL SELECT 'injection', '', COUNT(*) FROM grades WHERE injection AND %[2]s%[1]s
UNION ALL SELECT 'letter', v, (SELECT COUNT(*) FROM grades WHERE letter = v AND %[2]s%[1]s) FROM letters WHERE v IS NOT NULL
UNION ALL SELECT 'channel', v, (SELECT COUNT(*) FROM grades WHERE channel_id = v AND %[2]s%[1]s) FROM channels WHERE v IS NOT NULL
UNION ALL SELECT 'failed', v, (SELECT COUNT(*) FROM grade_criteria WHERE verdict = 'fail' AND criterion = v AND %[2]s%[1]s) FROM failed WHERE v IS NOT NULL`

// countsByRanges runs countsQuery with f's team and rubric conditions.
func (s *Store) countsByRanges(ctx context.Context, w storage.Window, f storage.Filter, c *storage.Counts) error {
	fq, fargs := filterSQL("", storage.Filter{TeamID: f.TeamID, RubricID: f.RubricID})
	window, wargs := span("", w)
	var args []any
	for range 6 {
		args = append(append(args, wargs...), fargs...)
	}
	rows, err := s.b.Pool.Query(ctx, fmt.Sprintf(countsQuery, fq, window), args...)
	return collect(rows, err, func(r Rows) error {
		var what, key string
		var n int
		if err := r.Scan(&what, &key, &n); err != nil || n == 0 {
			return err
		}
		switch what {
		case "total":
			c.Total = n
		case "review":
			c.NeedsReview = n
		case "injection":
			c.Injections = n
		case "letter":
			c.ByLetter[key] = n
		case "channel":
			c.ByChannel[key] = n
		case "failed":
			c.FailedCriteria[key] = n
		}
		return nil
	})
}
