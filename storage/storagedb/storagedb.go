// Package storagedb opens the storage.Store the settings name: a SQLite
// file in FACTGRADE_DATA_DIR when DATABASE_URL is unset (or the file of a
// sqlite:PATH URL), PostgreSQL when it is a postgres:// URL, as
// config.Database says (DATABASE_URL is parsed once, there). It is the one
// package that knows both adapters.
package storagedb

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/factgrade/factgrade/config"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/postgres"
	"github.com/factgrade/factgrade/storage/sqlite"
)

// The settings, as environment variables.
const (
	EnvDatabaseURL = "DATABASE_URL"
	EnvDataDir     = "FACTGRADE_DATA_DIR"
)

// SettingError is a setting that does not work; its message names the
// setting and says what to do, and never holds a password.
type SettingError struct {
	Setting string // EnvDatabaseURL or EnvDataDir
	msg     string
	Err     error
}

func (e *SettingError) Error() string { return e.msg }

func (e *SettingError) Unwrap() error { return e.Err }

func settingErr(setting string, err error, format string, args ...any) error {
	return &SettingError{Setting: setting, msg: setting + " " + fmt.Sprintf(format, args...), Err: err}
}

// Open opens the store db names (config.ParseDatabase or config.Load
// parsed it, once): the SQLite file db.Path, its directory created if
// missing, or PostgreSQL. A setting that does not work is a
// *SettingError; on any error nothing has been written.
func Open(ctx context.Context, db config.Database, opts storage.Options) (storage.Store, error) {
	switch db.Driver {
	case config.SQLite:
		if strings.TrimSpace(db.Path) == "" {
			return nil, settingErr(EnvDatabaseURL, nil, "is sqlite: without a file; write sqlite:/data/factgrade.db, or unset it to use %s", EnvDataDir)
		}
		if err := writableDir(db.Setting(), filepath.Dir(db.Path)); err != nil {
			return nil, err
		}
		return sqlite.Open(ctx, db.Path, opts)
	case config.Postgres:
	default:
		return nil, fmt.Errorf("opening the database: unknown driver %q", db.Driver)
	}
	cfg, err := postgres.ParseURL(db.URL.Reveal())
	if err != nil {
		// pgx's message may quote the URL: keep only its cause.
		msg := "could not be parsed"
		var pe *pgconn.ParseConfigError
		if errors.As(err, &pe) && pe.Unwrap() != nil && !containsURL(pe.Unwrap()) {
			msg += ": " + pe.Unwrap().Error()
		}
		return nil, settingErr(EnvDatabaseURL, nil, "is malformed: %s; want postgres://user:password@host:5432/dbname", msg)
	}
	s, err := postgres.Open(ctx, cfg, opts)
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return nil, settingErr(EnvDatabaseURL, err, "names a database that is unreachable (%s): %v; check the host, port, user and password", db, ce.Unwrap())
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// OpenURL parses databaseURL and dataDir as the settings do and opens the
// store they name, for tools and tests that hold a URL; a problem with
// either is a *SettingError naming it.
func OpenURL(ctx context.Context, databaseURL, dataDir string, opts storage.Options) (storage.Store, error) {
	db, err := config.ParseDatabase(databaseURL, dataDir)
	var ce *config.Error
	if errors.As(err, &ce) && len(ce.Problems) > 0 {
		p := ce.Problems[0]
		return nil, &SettingError{Setting: p.Setting, msg: p.String(), Err: err}
	}
	if err != nil {
		return nil, err
	}
	return Open(ctx, db, opts)
}

// containsURL reports whether err's message quotes a URL.
func containsURL(err error) bool {
	return strings.Contains(err.Error(), "://")
}

// writableDir creates dir if it is missing and checks that files can be
// created in it (SQLite needs its -wal and -shm files there), leaving
// nothing behind; a failure is a SettingError for setting.
func writableDir(setting, dir string) error {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return settingErr(setting, err, "names directory %q, which cannot be created: %v; point it at a writable directory", dir, unwrapPath(err))
	}
	f, err := os.CreateTemp(dir, ".factgrade-write-check-*")
	if err != nil {
		return settingErr(setting, err, "names directory %q, which is not writable: %v; point it at a writable directory", dir, unwrapPath(err))
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// unwrapPath returns the cause of a *PathError, whose path the message
// already names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// SchemaVersion returns the newest schema version this factgrade's
// migrations reach; both backends have the same migrations.
func SchemaVersion() (int, error) {
	ms, err := sqlite.Migrations()
	if err != nil {
		return 0, err
	}
	return len(ms), nil
}
