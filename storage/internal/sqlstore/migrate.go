package sqlstore

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/factgrade/factgrade/storage"
)

// Migration is one embedded SQL file, NNNN_name.sql.
type Migration struct {
	storage.Migration
	SQL string
}

// LoadMigrations reads the *.sql files of dir in fsys. Their versions must
// run 1, 2, 3… without gaps or repeats.
func LoadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	var ms []Migration
	for _, p := range names {
		base := strings.TrimSuffix(path.Base(p), ".sql")
		num, name, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 || name == "" {
			return nil, fmt.Errorf("migration %s: name it NNNN_what.sql", p)
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Migration: storage.Migration{Version: v, Name: name}, SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: want version %d (versions run 1, 2, 3… without gaps)", m, i+1)
		}
	}
	return ms, nil
}

// Migrator applies migrations over an adapter's transactions.
type Migrator struct {
	Migrations []Migration
	// Write runs each migration's transaction; it must serialize with
	// other processes' (SQLite's write lock, or a PostgreSQL advisory lock
	// the adapter holds around Migrate).
	Write TxFunc
	// Pool reads the version outside a transaction.
	Pool DB
	// CreateTable creates schema_migrations if it is missing.
	CreateTable string
	// TableExists counts the schema_migrations tables the store sees (0 or 1).
	TableExists string
	Logger      *slog.Logger
}

// Known returns the newest version of the migrations.
func (m *Migrator) Known() int { return len(m.Migrations) }

// Version returns the newest version applied to the database (0 for none).
func (m *Migrator) Version(ctx context.Context, db DB) (v int, err error) {
	defer wrap(&err, "reading the schema version")
	var n int
	if err := db.QueryRow(ctx, m.TableExists).Scan(&n); err != nil || n == 0 {
		return 0, err
	}
	err = db.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// tooNew returns ErrSchemaTooNew, saying which versions.
func (m *Migrator) tooNew(v int) error {
	return fmt.Errorf("the database is at schema version %d, this factgrade knows up to %d: %w", v, m.Known(), storage.ErrSchemaTooNew)
}

// Migrate applies the migrations the database lacks, in order, each with
// its record in schema_migrations in one transaction.
func (m *Migrator) Migrate(ctx context.Context) (applied []storage.Migration, err error) {
	defer wrap(&err, "migrating the schema")
	if err := m.Write(ctx, func(tx DB) error {
		_, err := tx.Exec(ctx, m.CreateTable)
		return err
	}); err != nil {
		return nil, err
	}
	for _, mig := range m.Migrations {
		did := false
		err := m.Write(ctx, func(tx DB) error {
			cur, err := m.Version(ctx, tx)
			if err != nil {
				return err
			}
			if cur > m.Known() {
				return m.tooNew(cur)
			}
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, mig.Version).Scan(&n); err != nil || n > 0 {
				return err
			}
			if _, err := tx.Exec(ctx, mig.SQL); err != nil {
				return fmt.Errorf("%s: %w", mig.Migration, err)
			}
			_, err = tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				mig.Version, mig.Name, Norm(time.Now()))
			did = err == nil
			return err
		})
		if err != nil {
			return applied, err
		}
		if did {
			applied = append(applied, mig.Migration)
			if m.Logger != nil {
				m.Logger.Info("applied migration", "version", mig.Version, "name", mig.Name)
			}
		}
	}
	return applied, nil
}

// Check returns ErrSchemaTooOld or ErrSchemaTooNew unless the database is
// exactly at the newest version.
func (m *Migrator) Check(ctx context.Context) error {
	cur, err := m.Version(ctx, m.Pool)
	switch {
	case err != nil:
		return err
	case cur > m.Known():
		return m.tooNew(cur)
	case cur < m.Known():
		return fmt.Errorf("the database is at schema version %d, this factgrade needs %d: %w", cur, m.Known(), storage.ErrSchemaTooOld)
	}
	return nil
}

// Open does what mode says at a store's open: migrate, check or nothing.
// The migrate helper (run under the adapter's lock) applies migrations.
func (m *Migrator) Open(ctx context.Context, mode storage.SchemaMode, migrate func(context.Context) ([]storage.Migration, error)) error {
	switch mode {
	case storage.MigrateSchema:
		_, err := migrate(ctx)
		return err
	case storage.CheckSchema:
		return m.Check(ctx)
	case storage.LeaveSchema:
		return nil
	}
	return fmt.Errorf("unknown schema mode %d", mode)
}
