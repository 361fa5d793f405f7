package digest

import (
	"context"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/postgres"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// postgresURL returns a URL of a schema of the test's own on
// FACTGRADE_TEST_POSTGRES_URL (dropped when the test ends), or skips.
func postgresURL(t *testing.T) string {
	return storagetest.PostgresSchema(t, "factgrade_digest", nil)
}

func openPostgres(t *testing.T, u string, c *clock) *postgres.Store {
	t.Helper()
	cfg, err := postgres.ParseURL(u)
	if err != nil {
		t.Fatal(err)
	}
	s, err := postgres.Open(context.Background(), cfg, storage.Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestPostgresRace has two replicas' schedulers on one PostgreSQL database
// start and post at once: one leads, each window is posted once.
func TestPostgresRace(t *testing.T) {
	u := postgresURL(t)
	c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 8, 0))
	def := definition(t, "morning", "0 8 * * *", "Europe/London")
	a, b := openPostgres(t, u, c), openPostgres(t, u, c)
	c.Add(time.Minute)
	grade(t, a, 4)
	raceSchedulers(t, []Store{a, b}, &fakeSlack{}, c, def)
}

// TestPostgresBuild checks the highlight queries on PostgreSQL as on SQLite.
func TestPostgresBuild(t *testing.T) {
	c := storagetest.NewClock(storagetest.Start)
	s := openPostgres(t, postgresURL(t), c)
	testBuild(t, s, c)
}
