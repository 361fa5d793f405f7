package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/factgrade/factgrade/storage"
)

// A claim is a lease on a submission: claimed_by holds it until
// claim_expires. Taking one is one conditional UPDATE, which is atomic on
// both databases, so two processes never both hold a running claim.

// claimable is the condition under which owner (the first argument) may
// take a submission at time now (the second).
const claimable = `state IN ('pending', 'graded') AND (claimed_by = ? OR claimed_by = '' OR claim_expires <= ?)`

// Claim implements storage.Submissions.
func (s *Store) Claim(ctx context.Context, id int64, owner string, lease time.Duration) (sub storage.Submission, ok bool, err error) {
	defer wrap(&err, "Claim(%d)", id)
	if owner == "" || lease <= 0 {
		return sub, false, errors.New("a claim needs an owner and a lease")
	}
	now := s.now()
	err = s.b.Write(ctx, func(tx DB) error {
		n, err := tx.Exec(ctx, `UPDATE submissions SET claimed_by = ?, claim_expires = ? WHERE id = ? AND `+claimable,
			owner, now.Add(lease), id, owner, now)
		if err != nil {
			return err
		}
		ok = n == 1
		return scanSubmission(tx.QueryRow(ctx, `SELECT `+submissionColumns("")+` FROM submissions WHERE id = ?`, id), &sub)
	})
	return sub, ok, err
}

// ClaimUnfinished implements storage.Submissions. On PostgreSQL the
// candidates are read FOR UPDATE SKIP LOCKED, so processes claiming at once
// skip each other's rows instead of waiting for them; SQLite's one writer
// runs one claim at a time.
func (s *Store) ClaimUnfinished(ctx context.Context, owner string, before time.Time, lease time.Duration, limit int) (subs []storage.Submission, err error) {
	defer wrap(&err, "ClaimUnfinished")
	if owner == "" || lease <= 0 {
		return nil, errors.New("a claim needs an owner and a lease")
	}
	now := s.now()
	err = s.b.Write(ctx, func(tx DB) error {
		subs = subs[:0]
		rows, err := tx.Query(ctx, `SELECT id FROM submissions
			WHERE updated_at < ? AND `+claimable+` ORDER BY updated_at, id LIMIT ?`+s.b.SkipLocked,
			Norm(before), owner, now, limitOr(limit, 100, 10000))
		var ids []any
		err = collect(rows, err, func(r Rows) error {
			var id int64
			err := r.Scan(&id)
			ids = append(ids, id)
			return err
		})
		if err != nil || len(ids) == 0 {
			return err
		}
		args := append([]any{owner, now.Add(lease)}, ids...)
		if _, err := tx.Exec(ctx, `UPDATE submissions SET claimed_by = ?, claim_expires = ? WHERE id IN (`+placeholders(len(ids))+`)`, args...); err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT `+submissionColumns("")+` FROM submissions WHERE id IN (`+placeholders(len(ids))+`) ORDER BY updated_at, id`, ids...)
		return collect(rows, err, func(r Rows) error {
			var sub storage.Submission
			err := scanSubmission(r, &sub)
			subs = append(subs, sub)
			return err
		})
	})
	return subs, err
}

// Release implements storage.Submissions.
func (s *Store) Release(ctx context.Context, id int64, owner string) (err error) {
	defer wrap(&err, "Release(%d)", id)
	return s.b.Write(ctx, func(tx DB) error {
		_, err := tx.Exec(ctx, `UPDATE submissions SET claim_expires = ? WHERE id = ? AND claimed_by = ?`, time.Time{}, id, owner)
		return err
	})
}

// StartPost implements storage.Submissions.
func (s *Store) StartPost(ctx context.Context, id int64, owner string, lease time.Duration) (err error) {
	defer wrap(&err, "StartPost(%d)", id)
	now := s.now()
	return s.b.Write(ctx, func(tx DB) error {
		n, err := tx.Exec(ctx, `UPDATE submissions SET claim_expires = ?,
			post_started = CASE WHEN post_started > ? THEN post_started ELSE ? END
			WHERE id = ? AND state = 'graded' AND claimed_by = ? AND claim_expires > ?`,
			now.Add(lease), time.Time{}, now, id, owner, now)
		if err == nil && n != 1 {
			err = fmt.Errorf("the submission is no longer claimed by %s or not graded: %w", owner, storage.ErrConflict)
		}
		return err
	})
}
