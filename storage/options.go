package storage

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// SchemaMode says what opening a store does with the database schema.
type SchemaMode int

// The schema modes.
const (
	// MigrateSchema applies pending migrations at open and refuses a schema
	// newer than this factgrade knows. It is the default.
	MigrateSchema SchemaMode = iota
	// CheckSchema applies nothing and refuses a schema that is not exactly
	// the one this factgrade knows (ErrSchemaTooOld, ErrSchemaTooNew).
	CheckSchema
	// LeaveSchema neither applies nor checks anything; the caller runs
	// Migrator.Migrate (the migrate command does).
	LeaveSchema
)

// Options tune how a store is opened; the zero Options are the defaults.
type Options struct {
	// Schema says whether to migrate at open (the default), only check the
	// schema's version, or leave it alone.
	Schema SchemaMode
	// Logger receives what the store does at open (migrations applied);
	// nil discards it.
	Logger *slog.Logger
	// Now is the clock for the timestamps the store sets; nil is time.Now.
	Now func() time.Time
	// ReadConns caps the read connections of SQLite's read pool; 0 picks
	// a default. PostgreSQL sizes its pool from DATABASE_URL
	// (pool_max_conns).
	ReadConns int
}

// Migration is one numbered schema change.
type Migration struct {
	Version int
	Name    string
	// Repaired: the migration had been applied by a build before v0.1.0
	// (without a checksum, possibly from an earlier text); migrating
	// brought its schema to the released text's and recorded the checksum.
	Repaired bool
}

// String returns the migration's file name without extension ("0001_init").
func (m Migration) String() string { return migrationName(m.Version, m.Name) }

// Migrator is implemented by the stores: it applies the embedded migrations.
type Migrator interface {
	// Migrate applies the migrations not yet applied, in order, each in a
	// transaction, and returns them. Concurrent calls from several
	// processes apply each migration once. A schema newer than the
	// migrations this factgrade knows is ErrSchemaTooNew.
	Migrate(ctx context.Context) ([]Migration, error)
	// SchemaVersion returns the version the database is at and the newest
	// version this factgrade knows.
	SchemaVersion(ctx context.Context) (current, known int, err error)
}

// ErrSchemaTooOld: the database needs migrations this factgrade has and
// opening was told not to apply them.
var ErrSchemaTooOld = errors.New("database schema is older than this factgrade; run 'factgrade migrate'")

// ErrMigrationChanged: a migration applied to the database was applied
// from a text other than this factgrade's (its recorded checksum differs).
var ErrMigrationChanged = errors.New("an applied migration's text has changed; factgrade refuses to use this database")

func migrationName(version int, name string) string {
	return fmt.Sprintf("%04d_%s", version, name)
}
