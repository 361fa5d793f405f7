// Package sqlite is the storage.Store factgrade uses by default: one SQLite
// file (modernc.org/sqlite, no cgo) in write-ahead-log mode, written through
// a single connection in immediate transactions and read through a pool.
// Several processes may share the file; its Locker locks sidecar files next
// to it, so a second instance on the same database is refused the work only
// one instance may do.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migrations returns the SQLite schema's migrations, in order.
func Migrations() ([]sqlstore.Migration, error) {
	return sqlstore.LoadMigrations(migrationFiles, "migrations")
}

// BusyTimeout is how long a statement waits for another process's write
// lock before failing.
const BusyTimeout = 10 * time.Second

// Store is a storage.Store over one SQLite file.
type Store struct {
	*sqlstore.Store
	path     string
	write    *sql.DB // one connection: SQLite has one writer at a time
	read     *sql.DB
	migrator *sqlstore.Migrator
	locks    *fileLocks

	closeOnce sync.Once
	closeErr  error
}

var (
	_ storage.Store    = (*Store)(nil)
	_ storage.Migrator = (*Store)(nil)
)

// dsn returns the driver's name for the file at path with the connection
// settings every connection gets.
func dsn(path string, params ...string) string {
	q := []string{
		fmt.Sprintf("_pragma=busy_timeout(%d)", BusyTimeout.Milliseconds()),
		"_pragma=foreign_keys(1)",
		// NORMAL in WAL mode: a commit survives the process being killed;
		// only a power loss may roll back the last commits.
		"_pragma=synchronous(NORMAL)",
	}
	return path + "?" + strings.Join(append(q, params...), "&")
}

// Open opens (creating if missing) the SQLite database at path and does to
// its schema what opts.Schema says.
func Open(ctx context.Context, path string, opts storage.Options) (_ *Store, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("opening SQLite database %s: %w", path, err)
		}
	}()
	if path == "" || strings.ContainsRune(path, '?') || strings.HasPrefix(path, "file:") || path == ":memory:" {
		return nil, errors.New("want the path of a database file (without '?' or 'file:')")
	}
	w, err := sql.Open("sqlite", dsn(path, "_pragma=journal_mode(WAL)", "_txlock=immediate"))
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	// The first connection sets WAL mode, which readers then find on disk.
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn(path, "_pragma=query_only(1)"))
	if err != nil {
		w.Close()
		return nil, err
	}
	n := opts.ReadConns
	if n <= 0 {
		n = max(4, runtime.NumCPU())
	}
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	s := &Store{path: path, write: w, read: r, locks: newFileLocks(path)}
	s.Store = sqlstore.New(sqlstore.Backend{
		Write: s.tx(w, nil),
		Read:  s.tx(r, &sql.TxOptions{ReadOnly: true}),
		Pool:  db{r},
		Now:   opts.Now,
	})
	ms, err := Migrations()
	if err != nil {
		s.Close()
		return nil, err
	}
	s.migrator = &sqlstore.Migrator{
		Migrations:  ms,
		Write:       s.tx(w, nil),
		Pool:        db{w},
		CreateTable: `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL DEFAULT 0)`,
		TableExists: `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`,
		Logger:      opts.Logger,
	}
	if err := s.migrator.Open(ctx, opts.Schema, s.Migrate); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Migrate implements storage.Migrator. SQLite's write lock (each migration
// runs in BEGIN IMMEDIATE) keeps processes from applying one twice.
func (s *Store) Migrate(ctx context.Context) ([]storage.Migration, error) {
	return s.migrator.Migrate(ctx)
}

// SchemaVersion implements storage.Migrator.
func (s *Store) SchemaVersion(ctx context.Context) (current, known int, err error) {
	current, err = s.migrator.Version(ctx, db{s.write})
	return current, s.migrator.Known(), err
}

// Ping implements storage.Store.
func (s *Store) Ping(ctx context.Context) error {
	return s.read.PingContext(ctx)
}

// Close implements storage.Store: it releases the locks the store holds and
// closes the database.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		s.locks.releaseAll()
		s.closeErr = errors.Join(s.read.Close(), s.write.Close())
	})
	return s.closeErr
}

// TryLock implements storage.Locker.
func (s *Store) TryLock(ctx context.Context, name string) (release func(), ok bool, err error) {
	return s.locks.tryLock(name)
}

// tx returns a TxFunc running transactions on d. The writer's transactions
// begin IMMEDIATE (the _txlock setting), taking the write lock up front so
// they never fail to upgrade a read lock half-way.
func (s *Store) tx(d *sql.DB, opts *sql.TxOptions) sqlstore.TxFunc {
	return func(ctx context.Context, fn func(sqlstore.DB) error) error {
		tx, err := d.BeginTx(ctx, opts)
		if err != nil {
			return err
		}
		if err := fn(db{tx}); err != nil {
			tx.Rollback()
			return err
		}
		return tx.Commit()
	}
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// db implements sqlstore.DB over database/sql, storing times as Unix
// microseconds (0 for the zero time).
type db struct{ q querier }

func (d db) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := d.q.ExecContext(ctx, query, encodeArgs(args)...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (d db) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	rs, err := d.q.QueryContext(ctx, query, encodeArgs(args)...)
	if err != nil {
		return nil, err
	}
	return rows{rs}, nil
}

func (d db) QueryRow(ctx context.Context, query string, args ...any) sqlstore.Row {
	return row{d.q.QueryRowContext(ctx, query, encodeArgs(args)...)}
}

type row struct{ r *sql.Row }

func (r row) Scan(dest ...any) error {
	err := scanTimes(r.r.Scan, dest)
	if errors.Is(err, sql.ErrNoRows) {
		return storage.ErrNotFound
	}
	return err
}

type rows struct{ *sql.Rows }

func (r rows) Scan(dest ...any) error { return scanTimes(r.Rows.Scan, dest) }
func (r rows) Close()                 { r.Rows.Close() }

// encodeArgs returns args with times as Unix microseconds.
func encodeArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
		if t, ok := a.(time.Time); ok {
			out[i] = toMicros(t)
		}
	}
	return out
}

func toMicros(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}

// scanTimes scans with scan, reading *time.Time destinations from Unix
// microseconds.
func scanTimes(scan func(...any) error, dest []any) error {
	var times []*time.Time
	var micros []*int64
	for i, d := range dest {
		if t, ok := d.(*time.Time); ok {
			m := new(int64)
			times, micros = append(times, t), append(micros, m)
			dest[i] = m
		}
	}
	if err := scan(dest...); err != nil {
		return err
	}
	for i, t := range times {
		*t = time.Time{}
		if *micros[i] != 0 {
			*t = time.UnixMicro(*micros[i]).UTC()
		}
	}
	return nil
}
