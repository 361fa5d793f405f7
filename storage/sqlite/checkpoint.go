package sqlite

import (
	"context"
	"database/sql"
	"log/slog"
	"time"
)

// In write-ahead-log mode SQLite appends commits to the log and, by default,
// the commit that takes the log past 1000 pages copies it back into the
// database file and syncs both. That commit holds the write lock for the
// whole copy, and every write queued behind it (a slash command's
// acknowledgement among them) waits. The checkpointer does the copy instead,
// on its own connection, in PASSIVE mode, which runs beside writers rather
// than in front of them.

// checkpointInterval is how often the checkpointer looks for new commits
// to copy into the database file.
const checkpointInterval = 250 * time.Millisecond

// backstopPages is the writer's own automatic checkpoint, left on at a size
// the checkpointer should never let the log reach (about 40 MB with 4 KiB
// pages): it bounds the log if the checkpointer falls behind or cannot run.
const backstopPages = 10000

type checkpointer struct {
	conn   *sql.Conn
	log    *slog.Logger
	cancel context.CancelFunc
	done   chan struct{}
}

// startCheckpointer starts checkpointing, every checkpointInterval in which
// w committed, on a connection of d.
func startCheckpointer(ctx context.Context, d *sql.DB, w *writer, log *slog.Logger) (*checkpointer, error) {
	conn, err := d.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	runCtx, cancel := context.WithCancel(context.Background())
	c := &checkpointer{conn: conn, log: log, cancel: cancel, done: make(chan struct{})}
	go c.loop(runCtx, w)
	return c, nil
}

func (c *checkpointer) loop(ctx context.Context, w *writer) {
	defer close(c.done)
	t := time.NewTicker(checkpointInterval)
	defer t.Stop()
	var seen uint64
	var lastWarned time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if n := w.commits.Load(); n != seen {
			seen = n
			if err := c.checkpoint(ctx); err != nil && ctx.Err() == nil && time.Since(lastWarned) > time.Minute {
				// Harmless for now (the writer's backstop checkpoints), but
				// a lasting failure means the log grows to the backstop.
				c.log.Warn("SQLite background checkpoint failed; commits will checkpoint the log themselves", "err", err)
				lastWarned = time.Now()
			}
		}
	}
}

// checkpoint copies what it can of the log into the database file without
// waiting for anyone.
func (c *checkpointer) checkpoint(ctx context.Context) error {
	_, err := c.conn.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
	return err
}

// stop ends the loop and closes the connection.
func (c *checkpointer) stop() error {
	c.cancel()
	<-c.done
	return c.conn.Close()
}
