package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

const overrideColumns = `o.id, o.submission_id, o.criterion, o.verdict, o.reason, o.user_id, o.created_at`

func scanOverride(r Row, o *storage.Override) error {
	var v string
	err := r.Scan(&o.ID, &o.SubmissionID, &o.Criterion, &v, &o.Reason, &o.UserID, &o.CreatedAt)
	o.Verdict = rubric.Verdict(v)
	return err
}

// AddOverride implements storage.Overrides. The submission must be graded
// and its grade must have the criterion; the store sets ID and CreatedAt.
func (s *Store) AddOverride(ctx context.Context, o storage.Override) (stored storage.Override, err error) {
	defer wrap(&err, "AddOverride(%d, %q)", o.SubmissionID, o.Criterion)
	v, err := rubric.ParseVerdict(string(o.Verdict))
	if err != nil {
		return storage.Override{}, err
	}
	if strings.TrimSpace(o.Criterion) == "" || o.UserID == "" {
		return storage.Override{}, errors.New("an override needs a criterion and the editor's user id")
	}
	o.Verdict, o.CreatedAt = v, s.now()
	err = s.b.Write(ctx, func(tx DB) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM grades WHERE submission_id = ?`, o.SubmissionID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			var state string
			if err := tx.QueryRow(ctx, `SELECT state FROM submissions WHERE id = ?`, o.SubmissionID).Scan(&state); err != nil {
				return err
			}
			return fmt.Errorf("the submission is %s and has no grade to dispute: %w", state, storage.ErrConflict)
		}
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM grade_criteria WHERE submission_id = ? AND criterion = ?`,
			o.SubmissionID, o.Criterion).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("the grade has no criterion %q: %w", o.Criterion, storage.ErrNotFound)
		}
		return tx.QueryRow(ctx, `INSERT INTO overrides (submission_id, criterion, verdict, reason, user_id, created_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			o.SubmissionID, o.Criterion, string(o.Verdict), o.Reason, o.UserID, o.CreatedAt).Scan(&o.ID)
	})
	if err != nil {
		return storage.Override{}, err
	}
	return o, nil
}

// OverridesFor implements storage.Overrides.
func (s *Store) OverridesFor(ctx context.Context, submissionID int64) (os []storage.Override, err error) {
	defer wrap(&err, "OverridesFor(%d)", submissionID)
	return s.overrides(ctx, `SELECT `+overrideColumns+` FROM overrides o WHERE o.submission_id = ? ORDER BY o.id`, submissionID)
}

// OverridesIn implements storage.Overrides; f applies to the overridden
// submissions. By marks, overrides are in the order they were stored (id).
func (s *Store) OverridesIn(ctx context.Context, w storage.Window, f storage.Filter) (os []storage.Override, err error) {
	defer wrap(&err, "OverridesIn")
	fq, fargs := filterSQL("s.", f)
	cond, order, args := `o.created_at >= ? AND o.created_at < ?`, `o.created_at, o.id`, []any{Norm(w.From), Norm(w.To)}
	if w.ByMarks {
		cond, order, args = `o.id > ? AND o.id <= ?`, `o.id`, []any{w.After.Override, w.Through.Override}
	}
	return s.overrides(ctx, `SELECT `+overrideColumns+` FROM overrides o JOIN submissions s ON s.id = o.submission_id
		WHERE `+cond+fq+` ORDER BY `+order, append(args, fargs...)...)
}

func (s *Store) overrides(ctx context.Context, q string, args ...any) ([]storage.Override, error) {
	var out []storage.Override
	rows, err := s.b.Pool.Query(ctx, q, args...)
	err = collect(rows, err, func(r Rows) error {
		var o storage.Override
		err := scanOverride(r, &o)
		out = append(out, o)
		return err
	})
	return out, err
}
