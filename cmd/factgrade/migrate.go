package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/factgrade/factgrade/config"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/storagedb"
)

// storeSettings returns the database the settings name (DATABASE_URL, or
// DATABASE_URL_FILE, and FACTGRADE_DATA_DIR), parsed. Problems with other
// settings do not concern the storage commands.
func storeSettings(e *env) (config.Database, error) {
	cfg, err := config.Read(e.getenv, os.ReadFile)
	var ce *config.Error
	if errors.As(err, &ce) {
		var mine []config.Problem
		for _, p := range ce.Problems {
			if strings.HasPrefix(p.Setting, storagedb.EnvDatabaseURL) || p.Setting == storagedb.EnvDataDir {
				mine = append(mine, p)
			}
		}
		if len(mine) > 0 {
			return config.Database{}, &config.Error{Problems: mine}
		}
	} else if err != nil {
		return config.Database{}, err
	}
	return cfg.Database, nil
}

// openStore opens the store the settings name, doing to its schema what
// mode says, and returns it with where it is (for people, without secrets).
func openStore(ctx context.Context, e *env, mode storage.SchemaMode) (storage.Store, string, error) {
	db, err := storeSettings(e)
	if err != nil {
		return nil, "", err
	}
	where := db.String()
	if db.Driver == config.SQLite && mode == storage.CheckSchema {
		// Reading must not create an empty database.
		if _, err := os.Stat(db.Path); errors.Is(err, os.ErrNotExist) {
			return nil, where, fmt.Errorf("there is no database at %s yet (set FACTGRADE_DATA_DIR or DATABASE_URL to the one 'factgrade serve' uses)", db.Path)
		}
	}
	s, err := storagedb.Open(ctx, db, storage.Options{Schema: mode})
	if err != nil {
		return nil, where, err
	}
	return s, where, nil
}

const migrateUsage = `[--status]

Applies the database migrations this factgrade has that the database lacks,
in order, each in its own transaction, and prints each one applied; several
replicas migrating at once apply each migration once. The database is
DATABASE_URL (postgres://… or sqlite:PATH), else factgrade.db in
FACTGRADE_DATA_DIR (default ./data). A database migrated by a newer factgrade
is refused.`

// runMigrate runs 'factgrade migrate'.
func runMigrate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "migrate", migrateUsage)
	status := fs.Bool("status", false, "print the schema's version and apply nothing")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("migrate takes no arguments, got %q", fs.Args())
	}
	s, where, err := openStore(ctx, e, storage.LeaveSchema)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer s.Close()
	m, ok := s.(storage.Migrator)
	if !ok {
		return fmt.Errorf("migrate: the %s store cannot migrate", where)
	}
	fmt.Fprintf(e.stdout, "database: %s\n", where)
	if !*status {
		applied, err := m.Migrate(ctx)
		for _, a := range applied {
			if a.Repaired {
				fmt.Fprintf(e.stdout, "repaired %s (applied before v0.1.0; brought to the released schema and its checksum recorded)\n", a)
				continue
			}
			fmt.Fprintf(e.stdout, "applied %s\n", a)
		}
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if len(applied) == 0 {
			fmt.Fprintln(e.stdout, "nothing to apply")
		}
	}
	cur, known, err := m.SchemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	fmt.Fprintf(e.stdout, "schema version %d (this factgrade knows %d)\n", cur, known)
	if *status && cur < known {
		fmt.Fprintf(e.stdout, "%d migrations to apply: run 'factgrade migrate'\n", known-cur)
	}
	if cur > known {
		return fmt.Errorf("migrate: %w", storage.ErrSchemaTooNew)
	}
	return nil
}
