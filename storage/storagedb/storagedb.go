// Package storagedb opens the storage.Store the settings name: a SQLite
// file in FACTGRADE_DATA_DIR when DATABASE_URL is unset (or the file of a
// sqlite:PATH URL), PostgreSQL when it is a postgres:// URL. It is the one package that knows both adapters.
package storagedb

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/postgres"
	"github.com/factgrade/factgrade/storage/sqlite"
)

// The settings, as environment variables.
const (
	EnvDatabaseURL = "DATABASE_URL"
	EnvDataDir     = "FACTGRADE_DATA_DIR"
)

// DefaultDataDir is the data directory when FACTGRADE_DATA_DIR is unset.
const DefaultDataDir = "data"

// FileName is the SQLite database's name in the data directory.
const FileName = "factgrade.db"

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

// Open opens the store databaseURL names: PostgreSQL for a postgres:// or
// postgresql:// URL, the SQLite file PATH for sqlite:PATH, and with an
// empty URL the SQLite file FileName in dataDir (DefaultDataDir when empty;
// created if missing).
// A setting that does not work is a *SettingError; on any error nothing
// has been written.
func Open(ctx context.Context, databaseURL, dataDir string, opts storage.Options) (storage.Store, error) {
	databaseURL = strings.TrimSpace(databaseURL)
	if databaseURL == "" || strings.HasPrefix(databaseURL, "sqlite:") {
		path, err := SQLitePath(databaseURL, dataDir)
		if err != nil {
			return nil, err
		}
		return sqlite.Open(ctx, path, opts)
	}
	if err := checkURL(databaseURL); err != nil {
		return nil, err
	}
	cfg, err := postgres.ParseURL(databaseURL)
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
		return nil, settingErr(EnvDatabaseURL, err, "names a database that is unreachable (%s): %v; check the host, port, user and password", Describe(databaseURL, ""), ce.Unwrap())
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// checkURL returns a SettingError unless u is a postgres:// URL with a host.
func checkURL(u string) error {
	p, err := url.Parse(u)
	if err != nil {
		cause := err
		var ue *url.Error
		if errors.As(err, &ue) {
			cause = ue.Err // url.Error quotes the URL, password and all
		}
		return settingErr(EnvDatabaseURL, nil, "is malformed: %v; want postgres://user:password@host:5432/dbname", cause)
	}
	switch p.Scheme {
	case "postgres", "postgresql":
	case "":
		return settingErr(EnvDatabaseURL, nil, "is malformed: it has no scheme; want postgres://user:password@host:5432/dbname, or unset it to use SQLite in %s", EnvDataDir)
	default:
		return settingErr(EnvDatabaseURL, nil, "has scheme %q, which factgrade does not support; use postgres://… or sqlite:PATH, or unset it to use SQLite in %s", p.Scheme, EnvDataDir)
	}
	if p.Host == "" && p.Query().Get("host") == "" {
		return settingErr(EnvDatabaseURL, nil, "is malformed: it names no host; want postgres://user:password@host:5432/dbname")
	}
	return nil
}

// containsURL reports whether err's message quotes a URL.
func containsURL(err error) bool {
	return strings.Contains(err.Error(), "://")
}

// SQLiteFile returns the SQLite file the settings name, without touching
// the file system: the path after sqlite: (or sqlite://) in databaseURL,
// else FileName in dataDir (DefaultDataDir when empty). ok is false when
// databaseURL names another database.
func SQLiteFile(databaseURL, dataDir string) (path string, ok bool) {
	databaseURL = strings.TrimSpace(databaseURL)
	if rest, ok := strings.CutPrefix(databaseURL, "sqlite:"); ok {
		return strings.TrimPrefix(rest, "//"), true
	}
	if databaseURL != "" {
		return "", false
	}
	if strings.TrimSpace(dataDir) == "" {
		dataDir = DefaultDataDir
	}
	return filepath.Join(dataDir, FileName), true
}

// SQLitePath returns SQLiteFile's path after creating the file's directory
// if it is missing and checking that it is writable, or a SettingError.
func SQLitePath(databaseURL, dataDir string) (string, error) {
	path, _ := SQLiteFile(databaseURL, dataDir)
	if strings.TrimSpace(databaseURL) == "" {
		return path, writableDir(EnvDataDir, filepath.Dir(path))
	}
	if path == "" {
		return "", settingErr(EnvDatabaseURL, nil, "is sqlite: without a file; write sqlite:/data/factgrade.db, or unset it to use %s", EnvDataDir)
	}
	return path, writableDir(EnvDatabaseURL, filepath.Dir(path))
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

// Describe says where the store the settings name is, without secrets:
// "SQLite data/factgrade.db" or "PostgreSQL db.example:5432/factgrade".
func Describe(databaseURL, dataDir string) string {
	if path, ok := SQLiteFile(databaseURL, dataDir); ok {
		return "SQLite " + path
	}
	p, err := url.Parse(strings.TrimSpace(databaseURL))
	if err != nil {
		return "PostgreSQL (DATABASE_URL is malformed)"
	}
	d := "PostgreSQL " + p.Host + p.Path
	if sp := p.Query().Get("search_path"); sp != "" {
		d += " (schema " + sp + ")"
	}
	return d
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
