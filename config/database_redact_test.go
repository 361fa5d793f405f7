package config

import (
	"strings"
	"testing"
)

// TestDatabaseURLNeverShowsAPassword: however the password is given, the
// displayed connection string (config check, logs) does not carry it.
func TestDatabaseURLNeverShowsAPassword(t *testing.T) {
	for _, u := range []string{
		"postgres://factgrade:hunter2-secret@db:5432/factgrade",
		"postgres://factgrade@db/factgrade?password=hunter2-secret&sslmode=require",
		"postgres://factgrade@db/factgrade?sslmode=verify-full&sslpassword=hunter2-secret",
		"postgresql://db/factgrade?user=factgrade&PASSWORD=hunter2-secret",
		"host=db user=factgrade password=hunter2-secret dbname=factgrade",
		"host=db password = 'hunter2-secret with spaces' dbname=factgrade",
	} {
		d := Database{Driver: Postgres, URL: NewSecret(u)}
		got := d.display()
		if strings.Contains(got, "hunter2") {
			t.Errorf("display(%q) = %q: shows the password", u, got)
		}
		if !strings.Contains(got, "factgrade") {
			t.Errorf("display(%q) = %q: lost the rest of the connection string", u, got)
		}
	}
}
