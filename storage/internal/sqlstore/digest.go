package sqlstore

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/factgrade/factgrade/storage"
)

const digestColumns = `id, name, window_start, window_end, state, channel_id, message_ts, claimed_by, claimed_at, posted_at, claim_expires,
	grades_after, grades_through, overrides_after, overrides_through`

func scanDigest(r Row, d *storage.DigestRun) error {
	var state string
	err := r.Scan(&d.ID, &d.Name, &d.WindowStart, &d.WindowEnd, &state, &d.ChannelID, &d.MessageTS, &d.ClaimedBy, &d.ClaimedAt, &d.PostedAt, &d.ClaimExpires,
		&d.After.Grade, &d.Through.Grade, &d.After.Override, &d.Through.Override)
	d.State = storage.DigestState(state)
	return err
}

// ClaimDigest implements storage.Digests; the store sets ID, State,
// ClaimedAt and Through.
func (s *Store) ClaimDigest(ctx context.Context, run storage.DigestRun) (stored storage.DigestRun, claimed bool, err error) {
	defer wrap(&err, "ClaimDigest(%q, %s)", run.Name, run.WindowStart.UTC().Format("2006-01-02T15:04:05Z"))
	if strings.TrimSpace(run.Name) == "" {
		return storage.DigestRun{}, false, errors.New("the digest has no name")
	}
	if !run.WindowEnd.After(run.WindowStart) {
		return storage.DigestRun{}, false, errors.New("the digest's window ends before it starts")
	}
	run.ID, run.State, run.ClaimedAt, run.MessageTS = 0, storage.DigestClaimed, s.now(), ""
	run.WindowStart, run.WindowEnd, run.PostedAt = Norm(run.WindowStart), Norm(run.WindowEnd), Norm(run.PostedAt)
	if run.ClaimExpires = Norm(run.ClaimExpires); run.ClaimExpires.IsZero() {
		run.ClaimExpires = run.ClaimedAt.Add(storage.DefaultDigestLease)
	}
	err = s.b.Write(ctx, func(tx DB) error {
		if s.b.LockMarks != "" {
			if _, err := tx.Exec(ctx, s.b.LockMarks); err != nil {
				return err
			}
		}
		if err := tx.QueryRow(ctx, `SELECT COALESCE((SELECT MAX(seq) FROM grades), 0), COALESCE((SELECT MAX(id) FROM overrides), 0)`).
			Scan(&run.Through.Grade, &run.Through.Override); err != nil {
			return err
		}
		// Marks never go back; a run given marks past what is stored
		// (a caller's mistake) covers nothing rather than less than before.
		run.Through.Grade, run.Through.Override = max(run.Through.Grade, run.After.Grade), max(run.Through.Override, run.After.Override)
		err := tx.QueryRow(ctx, `INSERT INTO digest_runs (name, window_start, window_end, state, channel_id, message_ts,
			claimed_by, claimed_at, posted_at, claim_expires, grades_after, grades_through, overrides_after, overrides_through)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (name, window_start) DO NOTHING RETURNING id`,
			run.Name, run.WindowStart, run.WindowEnd, string(run.State), run.ChannelID, run.MessageTS,
			run.ClaimedBy, run.ClaimedAt, run.PostedAt, run.ClaimExpires,
			run.After.Grade, run.Through.Grade, run.After.Override, run.Through.Override).Scan(&run.ID)
		if err == nil {
			stored, claimed = run, true
			return nil
		}
		if !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		return scanDigest(tx.QueryRow(ctx, `SELECT `+digestColumns+` FROM digest_runs WHERE name = ? AND window_start = ?`,
			run.Name, run.WindowStart), &stored)
	})
	if err != nil {
		return storage.DigestRun{}, false, err
	}
	return stored, claimed, nil
}

// MarkDigestPosted implements storage.Digests; posting a run twice is
// ErrConflict.
func (s *Store) MarkDigestPosted(ctx context.Context, id int64, channelID, ts string) (err error) {
	defer wrap(&err, "MarkDigestPosted(%d)", id)
	return s.b.Write(ctx, func(tx DB) error {
		n, err := tx.Exec(ctx, `UPDATE digest_runs SET state = ?, channel_id = ?, message_ts = ?, posted_at = ?
			WHERE id = ? AND state = ?`, string(storage.DigestPosted), channelID, ts, s.now(), id, string(storage.DigestClaimed))
		if err != nil || n == 1 {
			return err
		}
		return notChanged(ctx, tx, "digest_runs", "digest run", id)
	})
}

// marksScan is how many of the latest grades (and disputes) before a time
// MarksBefore looks at: the order they were stored in differs from their
// times' only among those saved at about the same moment (a transaction
// takes its time before it waits for the writer or commits).
const marksScan = 1000

// MarksBefore implements storage.Digests: the highest mark among the
// latest grades and disputes by the clock before t, found by a short walk
// down each time index. Windows that meet at t share the mark, so each
// grade falls in exactly one of them.
func (s *Store) MarksBefore(ctx context.Context, t time.Time) (m storage.Marks, err error) {
	defer wrap(&err, "MarksBefore")
	t = Norm(t)
	err = s.b.Pool.QueryRow(ctx, `SELECT
		COALESCE((SELECT MAX(seq) FROM (SELECT seq FROM grades WHERE graded_at < ? ORDER BY graded_at DESC, submission_id DESC LIMIT ?) AS g), 0),
		COALESCE((SELECT MAX(id) FROM (SELECT id FROM overrides WHERE created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?) AS o), 0)`,
		t, marksScan, t, marksScan).Scan(&m.Grade, &m.Override)
	return m, err
}

// LastDigest implements storage.Digests.
func (s *Store) LastDigest(ctx context.Context, name string) (d storage.DigestRun, err error) {
	defer wrap(&err, "LastDigest(%q)", name)
	err = scanDigest(s.b.Pool.QueryRow(ctx, `SELECT `+digestColumns+` FROM digest_runs WHERE name = ?
		ORDER BY window_end DESC, id DESC LIMIT 1`, name), &d)
	return d, err
}

// ReclaimDigest implements storage.Digests.
func (s *Store) ReclaimDigest(ctx context.Context, id int64, owner string, lease time.Duration) (run storage.DigestRun, ok bool, err error) {
	defer wrap(&err, "ReclaimDigest(%d)", id)
	if owner == "" || lease <= 0 {
		return run, false, errors.New("a claim needs an owner and a lease")
	}
	now := s.now()
	err = s.b.Write(ctx, func(tx DB) error {
		// claimed_at stays: a search for an earlier post starts there.
		n, err := tx.Exec(ctx, `UPDATE digest_runs SET claimed_by = ?, claim_expires = ?
			WHERE id = ? AND state = ? AND (claimed_by = ? OR claim_expires <= ?)`,
			owner, now.Add(lease), id, string(storage.DigestClaimed), owner, now)
		if err != nil {
			return err
		}
		ok = n == 1
		return scanDigest(tx.QueryRow(ctx, `SELECT `+digestColumns+` FROM digest_runs WHERE id = ?`, id), &run)
	})
	return run, ok, err
}
