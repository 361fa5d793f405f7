package postgres_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/postgres"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// testDatabase returns FACTGRADE_TEST_POSTGRES_URL or skips the test.
func testDatabase(t testing.TB) string {
	u := os.Getenv("FACTGRADE_TEST_POSTGRES_URL")
	if u == "" {
		t.Skip("FACTGRADE_TEST_POSTGRES_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable); PostgreSQL tests skipped")
	}
	return u
}

// newSchema creates a schema of its own for the test, dropped when the test
// ends, and returns a URL whose search_path is that schema.
func newSchema(t testing.TB) string {
	return storagetest.PostgresSchema(t, "factgrade_test", nil)
}

func openURL(t testing.TB, u string, opts storage.Options) (*postgres.Store, error) {
	cfg, err := postgres.ParseURL(u)
	if err != nil {
		t.Fatal(err)
	}
	s, err := postgres.Open(context.Background(), cfg, opts)
	if err == nil {
		t.Cleanup(func() { s.Close() })
	}
	return s, err
}

func TestConformance(t *testing.T) {
	testDatabase(t)
	storagetest.Run(t, func(t *testing.T, opts storage.Options) storage.Store {
		s, err := openURL(t, newSchema(t), opts)
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// database returns a storagetest.Database over a schema of the test's own.
func database(t *testing.T) storagetest.Database {
	u := newSchema(t)
	return storagetest.Database{
		Path: u,
		Open: func(ctx context.Context, opts storage.Options) (storage.Store, error) {
			return openURL(t, u, opts)
		},
		Exec: func(ctx context.Context, query string) error {
			conn, err := pgx.Connect(ctx, u)
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			_, err = conn.Exec(ctx, query)
			return err
		},
	}
}

func TestSchema(t *testing.T) {
	testDatabase(t)
	storagetest.RunSchema(t, database)
}

// childURLEnv passes a child process its database.
const childURLEnv = "FACTGRADE_TEST_CHILD_URL"

// opener returns a function opening a store on the database at u.
func opener(u string) func(ctx context.Context) (storage.Store, error) {
	return func(ctx context.Context) (storage.Store, error) {
		cfg, err := postgres.ParseURL(u)
		if err != nil {
			return nil, err
		}
		return postgres.Open(ctx, cfg, storage.Options{})
	}
}

func TestCrash(t *testing.T) {
	if storagetest.IsCrashChild() {
		storagetest.CrashChild(opener(os.Getenv(childURLEnv)))
		return
	}
	u := newSchema(t)
	storagetest.RunCrash(t, "TestCrash", []string{childURLEnv + "=" + u}, opener(u))
}

func TestLockAcrossProcesses(t *testing.T) {
	if storagetest.IsLockChild() {
		storagetest.LockChild(opener(os.Getenv(childURLEnv)))
		return
	}
	u := newSchema(t)
	storagetest.RunLockAcrossProcesses(t, "TestLockAcrossProcesses", []string{childURLEnv + "=" + u}, opener(u))
}

// TestLockLostWithItsSession: when PostgreSQL ends the session holding an
// advisory lock (pg_terminate_backend, as a restart or a failover does),
// Holds says the lock is lost, and another process can take it.
func TestLockLostWithItsSession(t *testing.T) {
	testDatabase(t)
	u := newSchema(t)
	ctx := context.Background()
	leader, err := openURL(t, u, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	standby, err := openURL(t, u, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := leader.TryLock(ctx, "digest-scheduler"); !ok || err != nil {
		t.Fatalf("TryLock = %v, %v", ok, err)
	}
	if held, err := leader.Holds(ctx, "digest-scheduler"); !held || err != nil {
		t.Fatalf("Holds = %v, %v; want true", held, err)
	}
	// End the session holding the lock (the key is this schema's own, so
	// no other test's session is touched).
	admin, err := pgx.Connect(ctx, testDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	var n int
	if err := admin.QueryRow(ctx, `SELECT COUNT(pg_terminate_backend(l.pid)) FROM pg_locks l
		WHERE l.locktype = 'advisory' AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = $1`, postgres.LockKey(leader.Schema(), "digest-scheduler")).Scan(&n); err != nil || n != 1 {
		t.Fatalf("terminated %d sessions (%v), want the lock's one", n, err)
	}
	if held, _ := leader.Holds(ctx, "digest-scheduler"); held {
		t.Error("Holds = true after the lock's session was terminated")
	}
	// pg_terminate_backend only signals the session: it ends, and drops
	// the lock, a moment later.
	var ok bool
	for deadline := time.Now().Add(5 * time.Second); !ok && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, ok, err = standby.TryLock(ctx, "digest-scheduler"); err != nil {
			t.Fatal(err)
		}
	}
	if !ok {
		t.Fatal("the standby could not take the lock within 5 s of the leader's session ending")
	}
	if _, ok, _ := leader.TryLock(ctx, "digest-scheduler"); ok {
		t.Error("the old leader took the lock back while the standby holds it")
	}
}
