// Package sqlstore holds the SQL the storage adapters share: the queries of
// storage.Store written once, over a small DB interface that storage/sqlite
// (database/sql) and storage/postgres (pgx) each implement for their driver.
//
// Queries use ? placeholders (the PostgreSQL adapter renumbers them) and
// pass time.Time arguments and scan time.Time results; an adapter maps them
// to its column type (SQLite stores Unix microseconds in an INTEGER,
// PostgreSQL a TIMESTAMPTZ). The zero time.Time is the "unset" value of
// NOT NULL time columns. A query that finds no row returns an error
// wrapping storage.ErrNotFound.
package sqlstore

import (
	"context"
	"fmt"
	"time"
)

// Row is one result row.
type Row interface {
	Scan(dest ...any) error
}

// Rows is a result set; Close may be called more than once.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// DB runs queries: a pool outside a transaction, or a transaction.
type DB interface {
	// Exec runs a statement and returns the number of rows it changed.
	Exec(ctx context.Context, query string, args ...any) (int64, error)
	Query(ctx context.Context, query string, args ...any) (Rows, error)
	// QueryRow runs a query; its Scan returns an error wrapping
	// storage.ErrNotFound when there is no row.
	QueryRow(ctx context.Context, query string, args ...any) Row
}

// TxFunc runs fn in a transaction and commits when fn returns nil.
type TxFunc func(ctx context.Context, fn func(tx DB) error) error

// urgentKey marks a context whose writes someone is waiting for.
type urgentKey struct{}

// Urgent marks ctx's write transactions as answering a request someone is
// waiting for (a slash command's acknowledgement), so that an adapter with
// one writer (SQLite) lets them go before queued background work.
func Urgent(ctx context.Context) context.Context {
	return context.WithValue(ctx, urgentKey{}, true)
}

// IsUrgent reports whether ctx was marked by Urgent.
func IsUrgent(ctx context.Context) bool {
	u, _ := ctx.Value(urgentKey{}).(bool)
	return u
}

// Backend is what an adapter gives the shared store.
type Backend struct {
	// Write runs a read-write transaction (BEGIN IMMEDIATE on SQLite).
	Write TxFunc
	// Read runs a read-only transaction, one consistent snapshot.
	Read TxFunc
	// Pool runs single read queries outside a transaction.
	Pool DB
	// ForUpdate is appended to a SELECT that reads a row a transaction
	// will change (" FOR UPDATE" on PostgreSQL; SQLite's write lock
	// already covers the whole database).
	ForUpdate string
	// SkipLocked is appended to a SELECT of rows to claim, so that
	// processes claiming at once take different rows (" FOR UPDATE SKIP
	// LOCKED" on PostgreSQL; SQLite's one writer claims one batch at a
	// time).
	SkipLocked string
	// NextGradeSeq is the value of a new grade's seq in its INSERT: the
	// next number in the order grades are saved ("DEFAULT" for an
	// identity column).
	NextGradeSeq string
	// LockMarks, run first in a transaction that reads the marks of the
	// newest grade and dispute (a digest run's), waits for the saves
	// that took a number before it and keeps new ones out until it ends,
	// so no grade below the marks commits after them ("" when the
	// database's one writer already does that).
	LockMarks string
	// Now is the clock; nil is time.Now.
	Now func() time.Time
}

// Store implements every storage.Store method except Locker, Ping and Close,
// which depend on the database.
type Store struct {
	b Backend
}

// New returns a Store over the adapter's backend.
func New(b Backend) *Store {
	if b.Now == nil {
		b.Now = time.Now
	}
	return &Store{b: b}
}

// now returns the current time as the database keeps it.
func (s *Store) now() time.Time { return Norm(s.b.Now()) }

// Norm returns t in UTC truncated to the microsecond, which is what both
// databases keep of a time.
func Norm(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Microsecond)
}

// wrap prefixes *err with the operation's name, once.
func wrap(err *error, format string, args ...any) {
	if *err != nil {
		*err = fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), *err)
	}
}

// collect reads every row of rows with scan.
func collect(rows Rows, err error, scan func(Rows) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// limitOr returns limit, or def when limit is not positive, capped at max.
func limitOr(limit, def, max int) int {
	if limit <= 0 {
		return def
	}
	if limit > max {
		return max
	}
	return limit
}
