package sqlstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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
	// Checksum identifies the text: "sha256:" and the hex SHA-256 of SQL.
	// It is recorded with the migration when applied; a released
	// migration's text never changes again.
	Checksum string
}

// Checksum returns the checksum of a migration's text as it is recorded.
func Checksum(sql string) string {
	sum := sha256.Sum256([]byte(sql))
	return "sha256:" + hex.EncodeToString(sum[:])
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
		ms = append(ms, Migration{Migration: storage.Migration{Version: v, Name: name}, SQL: string(b), Checksum: Checksum(string(b))})
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
	// CreateTable creates schema_migrations if it is missing, with its
	// checksum column.
	CreateTable string
	// TableExists counts the schema_migrations tables the store sees (0 or 1).
	TableExists string
	// ChecksumColumn counts schema_migrations' checksum columns (0 or 1):
	// builds before v0.1.0 created the table without one.
	ChecksumColumn string
	// Repairs bring a migration recorded without a checksum (applied by a
	// build before v0.1.0, from a text that may differ from the released
	// one) to the released migration's schema, by version. They must be
	// correct whichever earlier text was applied.
	Repairs map[int]string
	Logger  *slog.Logger
}

// appliedRow is one row of schema_migrations.
type appliedRow struct {
	version  int
	name     string
	checksum string // "" when recorded before checksums
}

// appliedRows reads schema_migrations (the checksums only when the column
// exists).
func (m *Migrator) appliedRows(ctx context.Context, db DB) ([]appliedRow, error) {
	var n int
	if err := db.QueryRow(ctx, m.TableExists).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	if err := db.QueryRow(ctx, m.ChecksumColumn).Scan(&n); err != nil {
		return nil, err
	}
	q := `SELECT version, name, '' FROM schema_migrations ORDER BY version`
	if n > 0 {
		q = `SELECT version, name, COALESCE(checksum, '') FROM schema_migrations ORDER BY version`
	}
	rows, err := db.Query(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var as []appliedRow
	for rows.Next() {
		var a appliedRow
		if err := rows.Scan(&a.version, &a.name, &a.checksum); err != nil {
			return nil, err
		}
		as = append(as, a)
	}
	return as, rows.Err()
}

// changed returns ErrMigrationChanged for an applied migration whose
// recorded checksum is not its text's, saying what to do.
func (m *Migrator) changed(a appliedRow, mig Migration) error {
	return fmt.Errorf("migration %s was applied to this database from a different text (recorded %s, this factgrade has %s); "+
		"applied migrations never change: run the factgrade release that migrated this database (see CHANGELOG.md), "+
		"or restore the database from a backup taken before the unreleased build touched it; "+
		"a developer who edited a released migration restores its text and adds a new migration instead: %w",
		mig.Migration, short(a.checksum), short(mig.Checksum), storage.ErrMigrationChanged)
}

// short abbreviates a checksum for people.
func short(sum string) string {
	if len(sum) > len("sha256:")+12 {
		return sum[:len("sha256:")+12] + "…"
	}
	return sum
}

// verify checks every applied migration this factgrade knows against its
// text. legacy lists those recorded without a checksum.
func (m *Migrator) verify(as []appliedRow) (legacy []appliedRow, err error) {
	for _, a := range as {
		if a.version < 1 || a.version > m.Known() {
			continue
		}
		mig := m.Migrations[a.version-1]
		switch a.checksum {
		case "":
			legacy = append(legacy, a)
		case mig.Checksum:
		default:
			return nil, m.changed(a, mig)
		}
	}
	return legacy, nil
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
		if _, err := tx.Exec(ctx, m.CreateTable); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, m.ChecksumColumn).Scan(&n); err != nil || n > 0 {
			return err
		}
		_, err := tx.Exec(ctx, `ALTER TABLE schema_migrations ADD COLUMN checksum TEXT`)
		return err
	}); err != nil {
		return nil, err
	}
	// Migrations recorded before checksums are brought to their released
	// text's schema and recorded with its checksum; a recorded checksum
	// that differs refuses everything.
	err = m.Write(ctx, func(tx DB) error {
		as, err := m.appliedRows(ctx, tx)
		if err != nil {
			return err
		}
		if cur := maxVersion(as); cur > m.Known() {
			return m.tooNew(cur)
		}
		legacy, err := m.verify(as)
		if err != nil {
			return err
		}
		for _, a := range legacy {
			mig := m.Migrations[a.version-1]
			if repair, ok := m.Repairs[a.version]; ok {
				if _, err := tx.Exec(ctx, repair); err != nil {
					return fmt.Errorf("bringing %s, applied before v0.1.0, to its released schema: %w", mig.Migration, err)
				}
			}
			if _, err := tx.Exec(ctx, `UPDATE schema_migrations SET checksum = ? WHERE version = ?`, mig.Checksum, a.version); err != nil {
				return err
			}
			applied = append(applied, storage.Migration{Version: mig.Version, Name: mig.Name, Repaired: true})
			if m.Logger != nil {
				m.Logger.Info("repaired migration", "version", mig.Version, "name", mig.Name, "checksum", mig.Checksum)
			}
		}
		return nil
	})
	if err != nil {
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
			_, err = tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)`,
				mig.Version, mig.Name, Norm(time.Now()), mig.Checksum)
			did = err == nil
			return err
		})
		if err != nil {
			return applied, err
		}
		if did {
			applied = append(applied, mig.Migration)
			if m.Logger != nil {
				m.Logger.Info("applied migration", "version", mig.Version, "name", mig.Name, "checksum", mig.Checksum)
			}
		}
	}
	return applied, nil
}

// maxVersion returns the newest applied version (0 for none).
func maxVersion(as []appliedRow) int {
	v := 0
	for _, a := range as {
		v = max(v, a.version)
	}
	return v
}

// Check returns ErrSchemaTooOld or ErrSchemaTooNew unless the database is
// exactly at the newest version, and ErrMigrationChanged when an applied
// migration's recorded checksum is not its text's. Migrations recorded
// before checksums are too old: 'factgrade migrate' repairs them.
func (m *Migrator) Check(ctx context.Context) (err error) {
	defer wrap(&err, "checking the schema")
	as, err := m.appliedRows(ctx, m.Pool)
	if err != nil {
		return err
	}
	cur := maxVersion(as)
	switch {
	case cur > m.Known():
		return m.tooNew(cur)
	case cur < m.Known():
		return fmt.Errorf("the database is at schema version %d, this factgrade needs %d: %w", cur, m.Known(), storage.ErrSchemaTooOld)
	}
	legacy, err := m.verify(as)
	if err != nil {
		return err
	}
	if len(legacy) > 0 {
		return fmt.Errorf("migration %04d_%s was applied by a build before v0.1.0 and has no checksum: %w", legacy[0].version, legacy[0].name, storage.ErrSchemaTooOld)
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
