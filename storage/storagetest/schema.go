package storagetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factgrade/factgrade/storage"
)

// Database opens stores on one database (a SQLite file, a PostgreSQL
// schema) shared by one test.
type Database struct {
	// Open opens another store on the database; the harness closes it when
	// the test ends (closing it earlier is fine).
	Open func(ctx context.Context, opts storage.Options) (storage.Store, error)
	// Exec runs a statement on the database directly.
	Exec func(ctx context.Context, sql string) error
	// Path is where the database is: a SQLite file or a PostgreSQL URL.
	Path string
}

// RunSchema checks migrations and locks across several stores on one
// database: newDatabase returns a fresh, empty database per test.
func RunSchema(t *testing.T, newDatabase func(t *testing.T) Database) {
	tests := []struct {
		name string
		fn   func(t *testing.T, db Database)
	}{
		{"MigrateOnce", testMigrateOnce},
		{"CheckRefusesOld", testCheckRefusesOld},
		{"RefusesNewer", testRefusesNewer},
		{"RefusesChangedMigration", testRefusesChangedMigration},
		{"ConcurrentMigrate", testConcurrentMigrate},
		{"LocksAcrossStores", testLocksAcrossStores},
		{"ReopenKeepsData", testReopen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, newDatabase(t)) })
	}
}

func mustOpen(t *testing.T, db Database, opts storage.Options) storage.Store {
	t.Helper()
	s, err := db.Open(context.Background(), opts)
	if err != nil {
		t.Fatalf("opening a store: %v", err)
	}
	return s
}

func migrator(t *testing.T, s storage.Store) storage.Migrator {
	t.Helper()
	m, ok := s.(storage.Migrator)
	if !ok {
		t.Fatalf("%T does not implement storage.Migrator", s)
	}
	return m
}

func testMigrateOnce(t *testing.T, db Database) {
	ctx := context.Background()
	m := migrator(t, mustOpen(t, db, storage.Options{Schema: storage.LeaveSchema}))
	cur, known, err := m.SchemaVersion(ctx)
	if err != nil || cur != 0 || known < 1 {
		t.Fatalf("SchemaVersion(empty) = %d, %d, %v; want 0 and at least 1", cur, known, err)
	}
	applied, err := m.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []int
	for v := 1; v <= known; v++ {
		want = append(want, v)
	}
	if diff := cmp.Diff(want, versions(applied)); diff != "" {
		t.Errorf("Migrate(empty) applied (-want +got):\n%s", diff)
	}
	again, err := m.Migrate(ctx)
	if err != nil || len(again) != 0 {
		t.Errorf("Migrate(up to date) = %v, %v; want nothing applied", again, err)
	}
	if cur, _, err := m.SchemaVersion(ctx); err != nil || cur != known {
		t.Errorf("SchemaVersion(migrated) = %d, %v; want %d", cur, err, known)
	}
	for _, mode := range []storage.SchemaMode{storage.MigrateSchema, storage.CheckSchema} {
		if _, err := db.Open(ctx, storage.Options{Schema: mode}); err != nil {
			t.Errorf("Open(mode %d) on a current schema: %v", mode, err)
		}
	}
}

func versions(ms []storage.Migration) []int {
	var vs []int
	for _, m := range ms {
		vs = append(vs, m.Version)
	}
	return vs
}

func testCheckRefusesOld(t *testing.T, db Database) {
	_, err := db.Open(context.Background(), storage.Options{Schema: storage.CheckSchema})
	if !errors.Is(err, storage.ErrSchemaTooOld) {
		t.Errorf("Open(CheckSchema) on an empty database: error %v, want ErrSchemaTooOld", err)
	}
}

func testRefusesNewer(t *testing.T, db Database) {
	ctx := context.Background()
	s := mustOpen(t, db, storage.Options{})
	_, known, err := migrator(t, s).SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Submit(ctx, SampleSubmission(1, "Ev1")); err != nil {
		t.Fatal(err)
	}
	// A newer factgrade migrated the database.
	if err := db.Exec(ctx, fmt.Sprintf("INSERT INTO schema_migrations (version, name) VALUES (%d, 'from_the_future')", known+1)); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []storage.SchemaMode{storage.MigrateSchema, storage.CheckSchema} {
		if _, err := db.Open(ctx, storage.Options{Schema: mode}); !errors.Is(err, storage.ErrSchemaTooNew) {
			t.Errorf("Open(mode %d) on a newer schema: error %v, want ErrSchemaTooNew", mode, err)
		}
	}
	left := mustOpen(t, db, storage.Options{Schema: storage.LeaveSchema})
	if applied, err := migrator(t, left).Migrate(ctx); !errors.Is(err, storage.ErrSchemaTooNew) || len(applied) != 0 {
		t.Errorf("Migrate on a newer schema = %v, %v; want ErrSchemaTooNew and nothing applied", applied, err)
	}
}

func testConcurrentMigrate(t *testing.T, db Database) {
	ctx := context.Background()
	const n = 6
	var wg sync.WaitGroup
	var mu sync.Mutex
	count := map[int]int{}
	var known int
	for i := range n {
		wg.Go(func() {
			s, err := db.Open(ctx, storage.Options{Schema: storage.LeaveSchema})
			if err != nil {
				t.Errorf("replica %d: open: %v", i, err)
				return
			}
			m := s.(storage.Migrator)
			applied, err := m.Migrate(ctx)
			_, k, verr := m.SchemaVersion(ctx)
			mu.Lock()
			defer mu.Unlock()
			if err != nil || verr != nil {
				t.Errorf("replica %d: migrate: %v, %v", i, err, verr)
			}
			known = k
			for _, v := range versions(applied) {
				count[v]++
			}
		})
	}
	wg.Wait()
	for v := 1; v <= known; v++ {
		if count[v] != 1 {
			t.Errorf("%d replicas migrating at once applied version %d %d times, want once", n, v, count[v])
		}
	}
	if len(count) != known {
		t.Errorf("applied versions %v, want 1…%d", count, known)
	}
}

func testLocksAcrossStores(t *testing.T, db Database) {
	ctx := context.Background()
	a := mustOpen(t, db, storage.Options{})
	b := mustOpen(t, db, storage.Options{})
	releaseA, ok, err := a.TryLock(ctx, "scheduler")
	if err != nil || !ok {
		t.Fatalf("a.TryLock = %v, %v; want the lock", ok, err)
	}
	if _, ok, err := b.TryLock(ctx, "scheduler"); err != nil || ok {
		t.Errorf("b.TryLock while a holds it = %v, %v; want refused", ok, err)
	}
	releaseA()
	if _, ok, err := b.TryLock(ctx, "scheduler"); err != nil || !ok {
		t.Fatalf("b.TryLock after a released = %v, %v; want the lock", ok, err)
	}
	if _, ok, err := a.TryLock(ctx, "scheduler"); err != nil || ok {
		t.Errorf("a.TryLock while b holds it = %v, %v; want refused", ok, err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	release, ok, err := a.TryLock(ctx, "scheduler")
	if err != nil || !ok {
		t.Fatalf("a.TryLock after b closed = %v, %v; want the lock", ok, err)
	}
	release()
}

func testReopen(t *testing.T, db Database) {
	ctx := context.Background()
	a := mustOpen(t, db, storage.Options{})
	sub := submitGraded(t, a, 2, "Ev1")
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	b := mustOpen(t, db, storage.Options{Schema: storage.CheckSchema})
	item, err := b.GradedItem(ctx, sub.ID)
	if err != nil || item.Grade == nil || item.Submission.IdempotencyKey != "Ev1" {
		t.Errorf("after reopening: %+v, %v; want the graded submission", item, err)
	}
}
