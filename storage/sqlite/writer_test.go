package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factgrade/factgrade/internal/cpuslot"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/internal/sqlstore"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// hold runs a transaction on w that holds the writer until the returned
// function is called, which waits for it to commit.
func hold(t *testing.T, w *writer) (release func()) {
	t.Helper()
	started, unblock, done := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		done <- w.tx(context.Background(), func(sqlstore.DB) error {
			close(started)
			<-unblock
			return nil
		})
	}()
	<-started
	return func() {
		close(unblock)
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// queue starts fn as a transaction on w in ctx's lane and returns once it
// waits in the lane, so that the order of arrival is known; the result
// arrives on the returned channel.
func queue(t *testing.T, w *writer, ctx context.Context, fn func(sqlstore.DB) error) <-chan error {
	t.Helper()
	lane := laneOf(ctx)
	w.mu.Lock()
	before := len(w.waiting[lane])
	w.mu.Unlock()
	done := make(chan error, 1)
	go func() { done <- w.tx(ctx, fn) }()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		w.mu.Lock()
		n := len(w.waiting[lane])
		w.mu.Unlock()
		if n > before {
			return done
		}
		if time.Now().After(deadline) {
			t.Fatal("the transaction never queued")
		}
	}
}

func openWriter(t *testing.T) (*Store, *writer) {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "factgrade.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, s.w
}

// TestWriterUrgentFirst proves that while the writer is busy, transactions
// marked urgent (acknowledgements Slack waits for) go before background
// transactions that queued earlier, and that within a lane turns are first
// come, first served.
func TestWriterUrgentFirst(t *testing.T) {
	_, w := openWriter(t)
	ctx := context.Background()
	var mu sync.Mutex
	var order []string
	record := func(name string) func(sqlstore.DB) error {
		return func(sqlstore.DB) error {
			mu.Lock()
			order = append(order, name)
			mu.Unlock()
			return nil
		}
	}
	release := hold(t, w)
	var results []<-chan error
	results = append(results, queue(t, w, ctx, record("background 1")))
	results = append(results, queue(t, w, ctx, record("background 2")))
	results = append(results, queue(t, w, sqlstore.Urgent(ctx), record("urgent 1")))
	results = append(results, queue(t, w, sqlstore.Urgent(ctx), record("urgent 2")))
	release()
	for _, r := range results {
		if err := <-r; err != nil {
			t.Error(err)
		}
	}
	want := []string{"urgent 1", "urgent 2", "background 1", "background 2"}
	if fmt.Sprint(order) != fmt.Sprint(want) {
		t.Errorf("turns went %q, want %q", order, want)
	}
	if w.held {
		t.Error("the writer is still held after everyone released it")
	}
}

// TestWriterUrgentInterruptsBatch proves that an urgent transaction that
// arrives while a batch of background work runs is run after the batch's
// current transaction and committed at once, before the rest of the batch,
// which then runs in a later turn; and that every transaction runs once.
func TestWriterUrgentInterruptsBatch(t *testing.T) {
	_, w := openWriter(t)
	ctx := context.Background()
	var mu sync.Mutex
	var order []string
	note := func(name string) {
		mu.Lock()
		order = append(order, name)
		mu.Unlock()
	}
	var urgent <-chan error
	// The writer's count of commits when the urgent transaction ran (its
	// own commit not yet among them), and whether background 2 found a
	// commit counted since. The writer counts a commit once COMMIT has
	// succeeded, before it hands anyone their result or its turn, so this
	// does not depend on when the urgent transaction's goroutine is
	// scheduled to collect its result (under load, after background 2).
	var commitsAtUrgent uint64
	urgentCommitted := false
	release := hold(t, w)
	first := queue(t, w, ctx, func(sqlstore.DB) error {
		note("background 1")
		// Arrives while the batch of three runs.
		urgent = queue(t, w, sqlstore.Urgent(ctx), func(sqlstore.DB) error {
			note("urgent")
			commitsAtUrgent = w.commits.Load()
			return nil
		})
		return nil
	})
	second := queue(t, w, ctx, func(sqlstore.DB) error {
		note("background 2")
		urgentCommitted = w.commits.Load() > commitsAtUrgent
		return nil
	})
	third := queue(t, w, ctx, func(sqlstore.DB) error { note("background 3"); return nil })
	release()
	for i, r := range []<-chan error{first, second, third} {
		if err := <-r; err != nil {
			t.Errorf("background transaction %d: %v", i+1, err)
		}
	}
	if err := <-urgent; err != nil {
		t.Errorf("urgent transaction: %v", err)
	}
	if !urgentCommitted {
		t.Error("background 2 ran before the urgent transaction was committed")
	}
	want := []string{"background 1", "urgent", "background 2", "background 3"}
	if fmt.Sprint(order) != fmt.Sprint(want) {
		t.Errorf("turns went %q, want %q", order, want)
	}
	if w.held || len(w.waiting[urgentLane])+len(w.waiting[backgroundLane]) > 0 {
		t.Error("the writer is still held, or requests still wait, after everyone finished")
	}
}

// TestWriterGroupCommit proves that transactions waiting together are
// committed together, and that one of them failing rolls back its own
// writes and no one else's.
func TestWriterGroupCommit(t *testing.T) {
	_, w := openWriter(t)
	ctx := context.Background()
	exec := func(q string, args ...any) func(sqlstore.DB) error {
		return func(d sqlstore.DB) error {
			_, err := d.Exec(ctx, q, args...)
			return err
		}
	}
	if err := w.tx(ctx, exec("CREATE TABLE scratch (name TEXT NOT NULL)")); err != nil {
		t.Fatal(err)
	}
	errBoom := errors.New("boom")
	release := hold(t, w)
	before := w.commits.Load()
	a := queue(t, w, sqlstore.Urgent(ctx), exec("INSERT INTO scratch (name) VALUES (?)", "a"))
	b := queue(t, w, sqlstore.Urgent(ctx), func(d sqlstore.DB) error {
		if err := exec("INSERT INTO scratch (name) VALUES (?)", "b")(d); err != nil {
			return err
		}
		return errBoom
	})
	c := queue(t, w, sqlstore.Urgent(ctx), exec("INSERT INTO scratch (name) VALUES (?)", "c"))
	bad := queue(t, w, sqlstore.Urgent(ctx), exec("INSERT INTO scratch (name) VALUES (NULL)"))
	d := queue(t, w, sqlstore.Urgent(ctx), exec("INSERT INTO scratch (name) VALUES (?)", "d"))
	release()
	for name, r := range map[string]<-chan error{"a": a, "c": c, "d": d} {
		if err := <-r; err != nil {
			t.Errorf("transaction %s: %v", name, err)
		}
	}
	if err := <-b; !errors.Is(err, errBoom) {
		t.Errorf("transaction b = %v, want its own error", err)
	}
	if err := <-bad; err == nil || !strings.Contains(err.Error(), "NOT NULL") {
		t.Errorf("transaction inserting NULL = %v, want the constraint's error", err)
	}
	if n := w.commits.Load() - before; n != 2 {
		t.Errorf("%d commits for the holder and a batch of five, want 2", n)
	}
	var names []string
	err := w.tx(ctx, func(d sqlstore.DB) error {
		rows, err := d.Query(ctx, "SELECT name FROM scratch ORDER BY name")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				return err
			}
			names = append(names, n)
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names, ","); got != "a,c,d" {
		t.Errorf("rows kept = %s, want a,c,d (b's and the NULL's rolled back)", got)
	}
}

// TestWriterGiveUp proves that a transaction whose context ends while it
// waits leaves the queue, and the writer still passes to the next one.
func TestWriterGiveUp(t *testing.T) {
	_, w := openWriter(t)
	release := hold(t, w)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	ran := false
	if err := w.tx(ctx, func(sqlstore.DB) error { ran = true; return nil }); err != context.DeadlineExceeded {
		t.Fatalf("tx while held with a 20 ms deadline: %v, want %v", err, context.DeadlineExceeded)
	}
	if n := len(w.waiting[backgroundLane]); n != 0 {
		t.Fatalf("%d waiters left behind by a context that ended", n)
	}
	next := queue(t, w, context.Background(), func(sqlstore.DB) error { return nil })
	release()
	select {
	case err := <-next:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the next transaction never got the writer")
	}
	if ran {
		t.Error("the transaction that gave up ran anyway")
	}
	if w.held {
		t.Error("the writer is still held")
	}
}

// TestBackgroundCheckpoint: commits reach the database file itself (not
// only the write-ahead log) without any commit checkpointing: the writer's
// own automatic checkpoint is set far beyond what the test writes, so only
// the background checkpointer can have copied them.
func TestBackgroundCheckpoint(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "factgrade.db")
	s, err := Open(ctx, path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var auto int
	if err := s.w.conn.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&auto); err != nil {
		t.Fatal(err)
	}
	if auto != backstopPages {
		t.Fatalf("writer's wal_autocheckpoint = %d, want the backstop %d", auto, backstopPages)
	}
	const n = 300 // a few hundred pages of log, far below the backstop
	for i := range n {
		if _, _, err := s.Submit(ctx, storagetest.SampleSubmission(i, fmt.Sprintf("checkpoint-%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	// The database file alone, copied without its log, holds the commits
	// once the checkpointer has run.
	var inFile int
	for deadline := time.Now().Add(10 * checkpointInterval); ; time.Sleep(checkpointInterval / 2) {
		inFile = countWithoutLog(t, path, filepath.Join(dir, "copy.db"))
		if inFile == n || time.Now().After(deadline) {
			break
		}
	}
	if inFile != n {
		t.Fatalf("the database file without its log holds %d of %d submissions: nothing checkpointed them", inFile, n)
	}
}

// countWithoutLog copies the database file at path, without its -wal, to
// copyPath and counts the submissions in the copy.
func countWithoutLog(t *testing.T, path, copyPath string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(copyPath + "-wal")
	os.Remove(copyPath + "-shm")
	if err := os.WriteFile(copyPath, b, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM submissions").Scan(&n); err != nil {
		return 0 // the schema itself may not be in the file yet
	}
	return n
}

// TestWriterWaitGivesSlotBack proves that a transaction waiting for the
// writer gives back the CPU slot its context holds (a worker's, cpuslot),
// so that waiting workers do not keep the others from the CPU, and holds it
// again when it returns, its transaction committed.
func TestWriterWaitGivesSlotBack(t *testing.T) {
	_, w := openWriter(t)
	gate := cpuslot.New(1)
	taken := func() bool {
		short, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		_, leave, err := gate.Enter(short)
		if err == nil {
			leave()
		}
		return err != nil
	}
	ctx, leave, err := gate.Enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer leave()
	release := hold(t, w)
	ran := false
	done := queue(t, w, ctx, func(sqlstore.DB) error { ran = true; return nil })
	if taken() {
		t.Error("the slot is held while the transaction waits for the writer")
	}
	release()
	if err := <-done; err != nil || !ran {
		t.Fatalf("queued transaction: ran %v, %v", ran, err)
	}
	if !taken() {
		t.Error("the slot is not held again after the transaction")
	}
}

// TestWriterYieldsToUrgent proves that a background transaction that hands
// the writer to an urgent one (an acknowledgement) yields its P to it before
// it goes on: with one P, the urgent transaction has run by the time the
// background one's caller continues. Otherwise the acknowledgement waits in
// the P's run queue behind the worker's CPU work until the scheduler
// preempts the worker (10 ms) or another P, if one is idle, takes it.
// The scheduler takes from its global queue first one time in 61, so the
// test counts rounds: without the yield, none goes the urgent one's way.
func TestWriterYieldsToUrgent(t *testing.T) {
	_, w := openWriter(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	ctx := context.Background()
	const rounds = 20
	yielded := 0
	for range rounds {
		unblock, held := make(chan struct{}), make(chan struct{})
		urgentFirst := make(chan bool, 1)
		var urgentRan atomic.Bool
		go func() {
			err := w.tx(ctx, func(sqlstore.DB) error {
				close(held)
				<-unblock
				return nil
			})
			// A worker goes on with its CPU work here, without blocking.
			urgentFirst <- urgentRan.Load()
			if err != nil {
				t.Error(err)
			}
		}()
		<-held
		urgent := queue(t, w, sqlstore.Urgent(ctx), func(sqlstore.DB) error {
			urgentRan.Store(true)
			return nil
		})
		close(unblock)
		if <-urgentFirst {
			yielded++
		}
		if err := <-urgent; err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("the urgent transaction ran first in %d of %d rounds", yielded, rounds)
	if yielded < rounds/2 {
		t.Errorf("the urgent transaction ran before the background one's caller went on in %d of %d rounds, want most", yielded, rounds)
	}
}
