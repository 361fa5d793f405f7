// Package postgres is the storage.Store for several factgrade replicas
// sharing one PostgreSQL database, over a pgx v5 connection pool. Its
// Locker takes session advisory locks; migrations run under one too, so
// replicas starting together apply each migration once.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/factgrade/factgrade/internal/cpuslot"
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

// Migrations returns the PostgreSQL schema's migrations, in order.
func Migrations() ([]sqlstore.Migration, error) {
	return sqlstore.LoadMigrations(migrationFiles, "migrations")
}

// ConnectTimeout bounds the first connection when the URL sets none.
const ConnectTimeout = 10 * time.Second

// Store is a storage.Store over a PostgreSQL database. Tables live in the
// connection's current schema (search_path in DATABASE_URL picks another).
type Store struct {
	*sqlstore.Store
	pool     *pgxpool.Pool
	schema   string
	migrator *sqlstore.Migrator

	mu     sync.Mutex
	held   map[*pgxpool.Conn]int64 // lock connections and their keys
	closed bool
}

var (
	_ storage.Store    = (*Store)(nil)
	_ storage.Migrator = (*Store)(nil)
)

// ParseURL parses a postgres:// URL into a pool configuration.
func ParseURL(url string) (*pgxpool.Config, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = ConnectTimeout
	}
	return cfg, nil
}

// Open connects to the database cfg describes, checks it answers and does to
// its schema what opts.Schema says.
func Open(ctx context.Context, cfg *pgxpool.Config, opts storage.Options) (_ *Store, err error) {
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	s := &Store{pool: pool, held: map[*pgxpool.Conn]int64{}}
	if err := pool.QueryRow(ctx, `SELECT current_schema()`).Scan(&s.schema); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connecting to %s: %w", cfg.ConnConfig.Host, err)
	}
	s.Store = sqlstore.New(sqlstore.Backend{
		Write:      txFunc(pool, pgx.TxOptions{}),
		Read:       txFunc(pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}),
		Pool:       db{pool},
		ForUpdate:  " FOR UPDATE",
		SkipLocked: " FOR UPDATE SKIP LOCKED",
		// grades.seq is an identity, and a transaction that took a
		// number holds its lock on grades until it ends: SHARE waits for
		// them and keeps new ones out while the marks are read.
		NextGradeSeq: "DEFAULT",
		LockMarks:    "LOCK TABLE grades, overrides IN SHARE MODE",
		Now:          opts.Now,
	})
	ms, err := Migrations()
	if err != nil {
		pool.Close()
		return nil, err
	}
	s.migrator = &sqlstore.Migrator{
		Migrations:     ms,
		Pool:           db{pool},
		CreateTable:    `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), checksum TEXT)`,
		TableExists:    `SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'`,
		ChecksumColumn: `SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'schema_migrations' AND column_name = 'checksum'`,
		Repairs:        map[int]string{1: repair0001},
		Logger:         opts.Logger,
	}
	if err := s.migrator.Open(ctx, opts.Schema, s.Migrate); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Migrate implements storage.Migrator. It holds an advisory lock (per
// schema) while it runs, so concurrent replicas apply each migration once.
func (s *Store) Migrate(ctx context.Context) (applied []storage.Migration, err error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Release()
	key := s.lockKey("migrate")
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return nil, fmt.Errorf("waiting for the migration lock: %w", err)
	}
	defer func() {
		// A session that cannot unlock must not go back to the pool.
		uctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, uerr := conn.Exec(uctx, `SELECT pg_advisory_unlock($1)`, key); uerr != nil {
			conn.Hijack().Close(uctx)
		}
	}()
	m := *s.migrator
	m.Write = txFunc(conn, pgx.TxOptions{})
	return m.Migrate(ctx)
}

// SchemaVersion implements storage.Migrator.
func (s *Store) SchemaVersion(ctx context.Context) (current, known int, err error) {
	current, err = s.migrator.Version(ctx, db{s.pool})
	return current, s.migrator.Known(), err
}

// Schema returns the schema the store's tables are in.
func (s *Store) Schema() string { return s.schema }

// Ping implements storage.Store.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Close implements storage.Store: it releases the advisory locks the store
// holds and closes the pool.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	held := s.held
	s.held = nil
	s.mu.Unlock()
	for conn, key := range held {
		unlock(conn, key)
	}
	s.pool.Close()
	return nil
}

// lockKey returns the advisory lock key of a named lock in the store's
// schema, so deployments in different schemas do not share locks.
func (s *Store) lockKey(name string) int64 { return LockKey(s.schema, name) }

// LockKey returns the PostgreSQL advisory lock key of the named lock of a
// factgrade schema (the key pg_locks shows as classid, high 32 bits, and
// objid, low 32 bits), for an operator, or a test, looking for the session
// that holds it.
func LockKey(schema, name string) int64 {
	h := fnv.New64a()
	h.Write([]byte("factgrade\x00" + schema + "\x00" + name))
	return int64(h.Sum64())
}

// TryLock implements storage.Locker with a session advisory lock held by a
// connection set aside from the pool until release. If that connection
// breaks, PostgreSQL drops the lock with it.
func (s *Store) TryLock(ctx context.Context, name string) (release func(), ok bool, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("TryLock(%q): %w", name, err)
		}
	}()
	if name == "" {
		return nil, false, errors.New("the lock has no name")
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, false, err
	}
	key := s.lockKey(name)
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&ok); err != nil || !ok {
		conn.Release()
		return nil, false, err
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		unlock(conn, key)
		return nil, false, errors.New("the store is closed")
	}
	s.held[conn] = key
	s.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			_, mine := s.held[conn]
			delete(s.held, conn)
			s.mu.Unlock()
			if mine {
				unlock(conn, key)
			}
		})
	}, true, nil
}

// lockCheckTimeout bounds Holds' question to the lock's session.
const lockCheckTimeout = 5 * time.Second

// Holds implements storage.Locker: it asks the session that took the
// advisory lock whether it still holds it. A session PostgreSQL ended
// (pg_terminate_backend, a restart) answers with an error, and a session
// that answers no longer holding it has lost it; either way the
// connection is closed and the lock forgotten.
func (s *Store) Holds(ctx context.Context, name string) (bool, error) {
	key := s.lockKey(name)
	s.mu.Lock()
	defer s.mu.Unlock()
	var conn *pgxpool.Conn
	for c, k := range s.held {
		if k == key {
			conn = c
		}
	}
	if conn == nil {
		return false, nil
	}
	ctx, cancel := context.WithTimeout(ctx, lockCheckTimeout)
	defer cancel()
	var held bool
	err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
		AND objsubid = 1 AND pid = pg_backend_pid() AND ((classid::bigint << 32) | objid::bigint) = $1)`, key).Scan(&held)
	if err != nil || !held {
		delete(s.held, conn)
		conn.Hijack().Close(context.Background())
	}
	if err != nil {
		return false, fmt.Errorf("Holds(%q): %w", name, err)
	}
	return held, nil
}

// unlock drops an advisory lock and returns its connection to the pool, or
// closes the connection (which drops the lock) when unlocking fails.
func unlock(conn *pgxpool.Conn, key int64) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var ok bool
	if err := conn.QueryRow(ctx, `SELECT pg_advisory_unlock($1)`, key).Scan(&ok); err != nil || !ok {
		conn.Hijack().Close(ctx)
		return
	}
	conn.Release()
}

// beginner is what a pool and a connection share.
type beginner interface {
	BeginTx(ctx context.Context, opts pgx.TxOptions) (pgx.Tx, error)
}

// txFunc returns a TxFunc running transactions with opts on b.
func txFunc(b beginner, opts pgx.TxOptions) sqlstore.TxFunc {
	return func(ctx context.Context, fn func(sqlstore.DB) error) (err error) {
		// A transaction is round trips to the server: the CPU slot ctx
		// holds (cpuslot) is given back for all of it.
		cpuslot.Wait(ctx, func() {
			var tx pgx.Tx
			if tx, err = b.BeginTx(ctx, opts); err != nil {
				return
			}
			if err = fn(db{tx}); err != nil {
				tx.Rollback(context.WithoutCancel(ctx))
				return
			}
			err = tx.Commit(ctx)
		})
		return err
	}
}

// querier is what a pool, a connection and a transaction share.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// db implements sqlstore.DB over pgx, numbering ? placeholders $1, $2…
type db struct{ q querier }

// Its statements wait on the server with the CPU slot ctx holds (cpuslot)
// given back (inside a transaction it is given back already).
func (d db) Exec(ctx context.Context, query string, args ...any) (n int64, err error) {
	cpuslot.Wait(ctx, func() {
		var tag pgconn.CommandTag
		tag, err = d.q.Exec(ctx, rebind(query), args...)
		n = tag.RowsAffected()
	})
	return n, err
}

func (d db) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	var rs pgx.Rows
	var err error
	cpuslot.Wait(ctx, func() { rs, err = d.q.Query(ctx, rebind(query), args...) })
	if err != nil {
		return nil, err
	}
	return rows{rs}, nil
}

func (d db) QueryRow(ctx context.Context, query string, args ...any) sqlstore.Row {
	return row{d.q.QueryRow(ctx, rebind(query), args...), ctx}
}

// row is pgx's, which runs its query when it is scanned.
type row struct {
	r   pgx.Row
	ctx context.Context
}

func (r row) Scan(dest ...any) error {
	var err error
	cpuslot.Wait(r.ctx, func() { err = r.r.Scan(dest...) })
	if errors.Is(err, pgx.ErrNoRows) {
		return storage.ErrNotFound
	}
	utc(dest)
	return err
}

type rows struct{ pgx.Rows }

func (r rows) Scan(dest ...any) error {
	err := r.Rows.Scan(dest...)
	utc(dest)
	return err
}

// utc puts scanned times in UTC (pgx returns them in the local zone).
func utc(dest []any) {
	for _, d := range dest {
		if t, ok := d.(*time.Time); ok {
			if t.IsZero() {
				*t = time.Time{}
			} else {
				*t = t.UTC()
			}
		}
	}
}

// rebind numbers the ? placeholders of query $1, $2… The shared queries
// have no ? inside literals or identifiers.
func rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}
