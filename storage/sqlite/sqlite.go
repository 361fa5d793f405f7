// Package sqlite is the storage.Store factgrade uses by default: one SQLite
// file (modernc.org/sqlite, no cgo) in write-ahead-log mode, written through
// a single connection in immediate transactions (acknowledgements first; see
// writer) and read through a pool, with the write-ahead log copied into the
// file by a background checkpointer (checkpoint.go).
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

// repair0001 brings a 0001_init applied before v0.1.0 (without a checksum)
// to the released text's schema.
//
//go:embed repairs/0001_init.sql
var repair0001 string

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
	w        *writer
	cp       *checkpointer
	writeDB  *sql.DB
	read     *sql.DB
	readSt   *stmtCache
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
	s := &Store{path: path, locks: newFileLocks(path)}
	if s.writeDB, err = sql.Open("sqlite", dsn(path, "_pragma=journal_mode(WAL)", fmt.Sprintf("_pragma=wal_autocheckpoint(%d)", backstopPages))); err != nil {
		return nil, err
	}
	// Two connections: the writer's, and the checkpointer's.
	s.writeDB.SetMaxOpenConns(2)
	// The writer's connection sets WAL mode, which the others then find on
	// disk.
	if s.w, err = newWriter(ctx, s.writeDB); err != nil {
		s.writeDB.Close()
		return nil, err
	}
	if s.cp, err = startCheckpointer(ctx, s.writeDB, s.w, opts.Logger); err != nil {
		s.Close()
		return nil, err
	}
	if s.read, err = sql.Open("sqlite", dsn(path, "_pragma=query_only(1)")); err != nil {
		s.Close()
		return nil, err
	}
	n := opts.ReadConns
	if n <= 0 {
		n = max(4, runtime.NumCPU())
	}
	s.read.SetMaxOpenConns(n)
	s.read.SetMaxIdleConns(n)
	s.readSt = &stmtCache{prepare: s.read.PrepareContext}
	s.Store = sqlstore.New(sqlstore.Backend{
		Write: s.w.tx,
		Read:  s.readTx,
		Pool:  db{q: s.read, cache: s.readSt, checkFirst: true},
		// One writer at a time: the next number is the highest plus one,
		// and the marks a digest run reads are every grade committed.
		NextGradeSeq: "COALESCE((SELECT MAX(seq) FROM grades), 0) + 1",
		Now:          opts.Now,
	})
	ms, err := Migrations()
	if err != nil {
		s.Close()
		return nil, err
	}
	s.migrator = &sqlstore.Migrator{
		Migrations:     ms,
		Write:          s.w.tx,
		Pool:           db{q: s.read},
		CreateTable:    `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL DEFAULT 0, checksum TEXT)`,
		TableExists:    `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`,
		ChecksumColumn: `SELECT COUNT(*) FROM pragma_table_info('schema_migrations') WHERE name = 'checksum'`,
		Repairs:        map[int]string{1: repair0001},
		Logger:         opts.Logger,
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
	current, err = s.migrator.Version(ctx, db{q: s.read})
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
		var errs []error
		if s.read != nil {
			errs = append(errs, s.readSt.close(), s.read.Close())
		}
		if s.cp != nil {
			errs = append(errs, s.cp.stop())
		}
		if s.w != nil {
			errs = append(errs, s.w.close())
		}
		s.closeErr = errors.Join(append(errs, s.writeDB.Close())...)
	})
	return s.closeErr
}

// TryLock implements storage.Locker.
func (s *Store) TryLock(ctx context.Context, name string) (release func(), ok bool, err error) {
	return s.locks.tryLock(name)
}

// Holds implements storage.Locker: a lock file's flock lasts until release.
func (s *Store) Holds(ctx context.Context, name string) (bool, error) {
	return s.locks.holds(name), nil
}

// readTx runs fn in a read-only transaction: one snapshot of the database.
// Its statements wait on no lock (WAL mode): they run if ctx has not
// ended when they start (see db.checkFirst).
func (s *Store) readTx(ctx context.Context, fn func(sqlstore.DB) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := s.read.BeginTx(context.WithoutCancel(ctx), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Statements already prepared are reused; preparing a new one here
	// could wait for a connection held by this very transaction.
	return fn(db{q: tx, cache: s.readSt, tx: tx, checkFirst: true})
}

// stmtCache keeps prepared statements by query. SQLite spends more time
// parsing a short statement than running it.
type stmtCache struct {
	prepare func(ctx context.Context, query string) (*sql.Stmt, error)
	mu      sync.Mutex
	m       map[string]*sql.Stmt
}

// maxCached bounds the cache; the shared queries have a few dozen shapes.
const maxCached = 256

// get returns the prepared statement of query, preparing it if need be;
// nil when the cache is full.
func (c *stmtCache) get(ctx context.Context, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[query]; ok {
		return st, nil
	}
	if len(c.m) >= maxCached {
		return nil, nil
	}
	st, err := c.prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
	return st, nil
}

// lookup returns the prepared statement of query, or nil.
func (c *stmtCache) lookup(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[query]
}

func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for q, st := range c.m {
		errs = append(errs, st.Close())
		delete(c.m, q)
	}
	return errors.Join(errs...)
}

// querier is what *sql.DB, *sql.Conn and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// db implements sqlstore.DB over database/sql, storing times as Unix
// microseconds (0 for the zero time). Statements with arguments go through
// cache; in a transaction tx, only statements already cached are used.
type db struct {
	q     querier
	cache *stmtCache
	tx    *sql.Tx
	// noCancel runs statements whatever their context says (see
	// writer.runBatch).
	noCancel bool
	// checkFirst runs a statement only if its context has not ended, and
	// then to its end: for statements that wait on no lock (reads in WAL
	// mode, writes under the write lock), which take microseconds. A
	// context that can end makes database/sql and the driver each start a
	// goroutine per statement to watch it: a thousand a second under load,
	// beside the handler acknowledging Slack.
	checkFirst bool
}

// context returns the context to run a statement under, or the error of
// one that ended before a checkFirst statement.
func (d db) context(ctx context.Context) (context.Context, error) {
	switch {
	case d.noCancel:
		return context.WithoutCancel(ctx), nil
	case d.checkFirst:
		if err := ctx.Err(); err != nil {
			return ctx, err
		}
		return context.WithoutCancel(ctx), nil
	}
	return ctx, nil
}

// stmt returns the prepared statement to run query with, or nil to run it
// unprepared (no cache, no arguments, which may be several statements, or
// a full cache).
func (d db) stmt(ctx context.Context, query string, args []any) (*sql.Stmt, error) {
	switch {
	case d.cache == nil || len(args) == 0:
		return nil, nil
	case d.tx != nil:
		if st := d.cache.lookup(query); st != nil {
			return d.tx.StmtContext(ctx, st), nil
		}
		return nil, nil
	}
	return d.cache.get(ctx, query)
}

func (d db) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	ctx, err := d.context(ctx)
	if err != nil {
		return 0, err
	}
	st, err := d.stmt(ctx, query, args)
	if err != nil {
		return 0, err
	}
	var res sql.Result
	if st != nil {
		res, err = st.ExecContext(ctx, encodeArgs(args)...)
	} else {
		res, err = d.q.ExecContext(ctx, query, encodeArgs(args)...)
	}
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (d db) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	ctx, err := d.context(ctx)
	if err != nil {
		return nil, err
	}
	st, err := d.stmt(ctx, query, args)
	if err != nil {
		return nil, err
	}
	var rs *sql.Rows
	if st != nil {
		rs, err = st.QueryContext(ctx, encodeArgs(args)...)
	} else {
		rs, err = d.q.QueryContext(ctx, query, encodeArgs(args)...)
	}
	if err != nil {
		return nil, err
	}
	return rows{rs}, nil
}

func (d db) QueryRow(ctx context.Context, query string, args ...any) sqlstore.Row {
	ctx, err := d.context(ctx)
	if err != nil {
		return errRow{err}
	}
	st, err := d.stmt(ctx, query, args)
	switch {
	case err != nil:
		return errRow{err}
	case st != nil:
		return row{st.QueryRowContext(ctx, encodeArgs(args)...)}
	}
	return row{d.q.QueryRowContext(ctx, query, encodeArgs(args)...)}
}

// errRow is a row whose query could not be prepared.
type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

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
