package storagedb_test

import (
	"testing"

	"github.com/factgrade/factgrade/storage/internal/sqlstore"
	"github.com/factgrade/factgrade/storage/postgres"
	"github.com/factgrade/factgrade/storage/sqlite"
)

// released pins the checksum of every migration a release has shipped, by
// backend and version. Databases record these when they apply a migration
// and refuse to start when this factgrade's text differs, so a released
// migration's text must never change: change the schema with a new
// migration (NNNN_what.sql, in both backends) and add its checksum here
// when it is released (CHANGELOG.md names the release).
var released = map[string]map[int]string{
	"sqlite": {
		1: "sha256:488da53cce1223817312446f8e8d380510960a410c7ef8febb780d5f70c6858b", // v0.1.0
		2: "sha256:a2ca59d6abbdd905205f77d747fa8c1aab6e8383cc531c8f074cb19482acc8b2", // v0.1.0
		3: "sha256:12c7f5d7f4d89a3e1020d6646bf1361e860bf383f6eb650bfaf06b7c614b998e", // v0.1.0
	},
	"postgres": {
		1: "sha256:8c7140927916b5a7b41a62e64e2aaa887224f29bb63b790e47424e968d26e9b9", // v0.1.0
		2: "sha256:cfcf3b970aa43cd803875c92e510bd39c31941c57d27504634b437a5c56e2f08", // v0.1.0
		3: "sha256:95988c869444e57d60bfd25ddd785813a9bba8f5763797a82a565677c0181558", // v0.1.0
	},
}

func TestReleasedMigrationsUnchanged(t *testing.T) {
	for backend, load := range map[string]func() ([]sqlstore.Migration, error){"sqlite": sqlite.Migrations, "postgres": postgres.Migrations} {
		ms, err := load()
		if err != nil {
			t.Fatalf("%s migrations: %v", backend, err)
		}
		have := map[int]sqlstore.Migration{}
		for _, m := range ms {
			have[m.Version] = m
		}
		for v, want := range released[backend] {
			m, ok := have[v]
			switch {
			case !ok:
				t.Errorf("%s: released migration %04d is gone; databases that applied it would be refused", backend, v)
			case m.Checksum != want:
				t.Errorf("%s: released migration %s has checksum %s, released as %s: restore its text (git show v0.1.0:storage/%s/migrations/%s.sql) and add a new migration instead", backend, m.Migration, m.Checksum, want, backend, m.Migration)
			}
		}
	}
}

// TestBackendsMigrateInStep checks that both backends have the same
// migrations, so one schema version means the same schema in either.
func TestBackendsMigrateInStep(t *testing.T) {
	s, err := sqlite.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	p, err := postgres.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != len(p) {
		t.Fatalf("sqlite has %d migrations, postgres %d; add each migration to both", len(s), len(p))
	}
	for i := range s {
		if s[i].Migration != p[i].Migration {
			t.Errorf("migration %d is %s in sqlite, %s in postgres", i+1, s[i].Migration, p[i].Migration)
		}
	}
}
