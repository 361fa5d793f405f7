package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/sqlite"
	"github.com/factgrade/factgrade/storage/storagetest"
)

func open(t *testing.T, path string, opts storage.Options) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storagetest.Run(t, func(t *testing.T, opts storage.Options) storage.Store {
		return open(t, filepath.Join(t.TempDir(), "factgrade.db"), opts)
	})
}

// database returns a storagetest.Database over one file in a new directory.
func database(t *testing.T) storagetest.Database {
	path := filepath.Join(t.TempDir(), "factgrade.db")
	return storagetest.Database{
		Path: path,
		Open: func(ctx context.Context, opts storage.Options) (storage.Store, error) {
			s, err := sqlite.Open(ctx, path, opts)
			if err == nil {
				t.Cleanup(func() { s.Close() })
			}
			return s, err
		},
		Exec: func(ctx context.Context, query string) error {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.ExecContext(ctx, query)
			return err
		},
	}
}

func TestSchema(t *testing.T) {
	storagetest.RunSchema(t, database)
}

const pathEnv = "FACTGRADE_TEST_SQLITE_PATH"

func TestLockAcrossProcesses(t *testing.T) {
	if storagetest.IsLockChild() {
		storagetest.LockChild(func(ctx context.Context) (storage.Store, error) {
			return sqlite.Open(ctx, os.Getenv(pathEnv), storage.Options{})
		})
		return
	}
	path := filepath.Join(t.TempDir(), "factgrade.db")
	storagetest.RunLockAcrossProcesses(t, "TestLockAcrossProcesses", []string{pathEnv + "=" + path}, func(ctx context.Context) (storage.Store, error) {
		return sqlite.Open(ctx, path, storage.Options{})
	})
}

func TestCrash(t *testing.T) {
	if storagetest.IsCrashChild() {
		storagetest.CrashChild(func(ctx context.Context) (storage.Store, error) {
			return sqlite.Open(ctx, os.Getenv(pathEnv), storage.Options{})
		})
		return
	}
	path := filepath.Join(t.TempDir(), "factgrade.db")
	storagetest.RunCrash(t, "TestCrash", []string{pathEnv + "=" + path}, func(ctx context.Context) (storage.Store, error) {
		return sqlite.Open(ctx, path, storage.Options{})
	})
	// The file is whole.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v; want ok", check, err)
	}
}
