package sqlstore

import (
	"context"
	"errors"
	"time"
)

// PaceSlot implements storage.Pace with the generic cell rate algorithm: a
// key's row holds its theoretical arrival time (tat); a call reserves
// max(tat, now) + interval and may go burst intervals before that. The row
// is read for update, so processes reserving at once queue on it.
func (s *Store) PaceSlot(ctx context.Context, key string, interval time.Duration, burst int) (at time.Time, err error) {
	defer wrap(&err, "PaceSlot(%q)", key)
	if interval <= 0 || burst < 1 {
		return time.Time{}, errors.New("pacing needs a positive interval and burst")
	}
	now := s.now()
	err = s.b.Write(ctx, func(tx DB) error {
		if _, err := tx.Exec(ctx, `INSERT INTO pace (key, tat) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, key, now.UnixNano()); err != nil {
			return err
		}
		var tat int64
		if err := tx.QueryRow(ctx, `SELECT tat FROM pace WHERE key = ?`+s.b.ForUpdate, key).Scan(&tat); err != nil {
			return err
		}
		next := time.Unix(0, max(tat, now.UnixNano())).Add(interval)
		if _, err := tx.Exec(ctx, `UPDATE pace SET tat = ? WHERE key = ?`, next.UnixNano(), key); err != nil {
			return err
		}
		at = next.Add(-time.Duration(burst) * interval)
		return nil
	})
	return at, err
}
