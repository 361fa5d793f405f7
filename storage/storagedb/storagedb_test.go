package storagedb_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/config"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/postgres"
	"github.com/factgrade/factgrade/storage/sqlite"
	"github.com/factgrade/factgrade/storage/storagedb"
	"github.com/factgrade/factgrade/storage/storagetest"
)

func TestOpenSQLite(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "nested", "data")
	s, err := storagedb.OpenURL(ctx, "", dir, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*sqlite.Store); !ok {
		t.Errorf("Open(no DATABASE_URL) = %T, want *sqlite.Store", s)
	}
	if _, _, err := s.Submit(ctx, storagetest.SampleSubmission(1, "Ev1")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "factgrade.db")); err != nil {
		t.Errorf("the database file is not in the data directory: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".factgrade-write-check") {
			t.Errorf("the write check left %s behind", e.Name())
		}
	}
}

func TestOpenSQLiteURL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "elsewhere.db")
	for _, u := range []string{"sqlite:" + path, "sqlite://" + path} {
		s, err := storagedb.OpenURL(context.Background(), u, "/nonexistent-data-dir", storage.Options{})
		if err != nil {
			t.Fatalf("Open(%q): %v", u, err)
		}
		s.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("Open(%q) did not open %s: %v", u, path, err)
		}
	}
}

func TestOpenDefaultDataDir(t *testing.T) {
	t.Chdir(t.TempDir())
	s, err := storagedb.OpenURL(context.Background(), "  ", "", storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(filepath.Join("data", "factgrade.db")); err != nil {
		t.Errorf("with FACTGRADE_DATA_DIR unset the database is not data/factgrade.db: %v", err)
	}
}

func TestOpenPostgres(t *testing.T) {
	u := os.Getenv("FACTGRADE_TEST_POSTGRES_URL")
	if u == "" {
		t.Skip("FACTGRADE_TEST_POSTGRES_URL is not set; PostgreSQL tests skipped")
	}
	// Check only: the shared test database's own schema is never migrated here.
	s, err := storagedb.OpenURL(context.Background(), u, "", storage.Options{Schema: storage.LeaveSchema})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*postgres.Store); !ok {
		t.Errorf("Open(postgres://…) = %T, want *postgres.Store", s)
	}
}

func TestOpenBadSettings(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, url, dir string
		setting        string
		want           string
	}{
		{"no scheme", "host=db.example dbname=factgrade", "", "DATABASE_URL", "neither a postgres:// URL nor sqlite:PATH"},
		{"bad escape", "postgres://u:hunter2@db.example/%zz", "", "DATABASE_URL", "does not parse"},
		{"bad port", "postgres://u:hunter2@db.example:port/factgrade", "", "DATABASE_URL", "does not parse"},
		{"no host", "postgres:///factgrade", "", "DATABASE_URL", "no host"},
		{"other scheme", "mysql://u:hunter2@db.example/factgrade", "", "DATABASE_URL", "neither a postgres:// URL nor sqlite:PATH"},
		{"unreachable", "postgres://u:hunter2@127.0.0.1:1/factgrade?sslmode=disable&connect_timeout=5", "", "DATABASE_URL", "unreachable"},
		{"data dir under a file", "", filepath.Join(file, "data"), "FACTGRADE_DATA_DIR", "cannot be created"},
		{"sqlite: without a file", "sqlite:", "", "DATABASE_URL", "names no file"},
		{"sqlite: under a file", "sqlite:" + filepath.Join(file, "fg.db"), "", "DATABASE_URL", "cannot be created"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := storagedb.OpenURL(context.Background(), tt.url, tt.dir, storage.Options{})
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q, %q) succeeded, want an error", tt.url, tt.dir)
			}
			checkSettingError(t, err, tt.setting, tt.want)
			t.Log(err)
		})
	}
}

func checkSettingError(t *testing.T, err error, setting, want string) {
	t.Helper()
	var se *storagedb.SettingError
	if !errors.As(err, &se) || se.Setting != setting {
		t.Errorf("error %v (%T) is not a SettingError for %s", err, err, setting)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, setting) || !strings.Contains(msg, want) {
		t.Errorf("error %q does not start with %s and say %q", msg, setting, want)
	}
	if strings.Contains(msg, "hunter2") {
		t.Errorf("error %q shows the password", msg)
	}
}

// readOnlyDir returns a directory this process cannot write to: its mode
// bits say so, or, for root (whom they do not stop), it is made immutable
// with chattr +i.
func readOnlyDir(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
			t.Skipf("running as root and chattr +i failed (%v: %s): cannot make a directory root may not write", err, out)
		}
		t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	return dir
}

func TestOpenReadOnlyDataDir(t *testing.T) {
	dir := readOnlyDir(t)
	s, err := storagedb.OpenURL(context.Background(), "", dir, storage.Options{})
	if err == nil {
		s.Close()
		t.Fatalf("Open(read-only data dir) succeeded")
	}
	checkSettingError(t, err, "FACTGRADE_DATA_DIR", "not writable")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Open wrote %d files into the read-only directory", len(entries))
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct{ url, dir, want string }{
		{"", "", "SQLite data/factgrade.db"},
		{"", "/var/lib/factgrade", "SQLite /var/lib/factgrade/factgrade.db"},
		{"sqlite:///var/lib/fg.db", "/ignored", "SQLite /var/lib/fg.db"},
		{"postgres://u:hunter2@db.example:5432/factgrade?sslmode=require&password=x", "", "PostgreSQL db.example:5432/factgrade"},
		{"postgres://u@db.example/f?search_path=s1", "", "PostgreSQL db.example/f (schema s1)"},
	}
	for _, tt := range tests {
		db, err := config.ParseDatabase(tt.url, tt.dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := db.String(); got != tt.want {
			t.Errorf("ParseDatabase(%q, %q).String() = %q, want %q", tt.url, tt.dir, got, tt.want)
		}
	}
}
