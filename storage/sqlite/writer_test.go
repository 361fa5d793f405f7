package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/internal/sqlstore"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// TestWriterUrgentFirst: while the writer is busy, a transaction marked
// urgent (an acknowledgement Slack waits for) goes before background
// transactions that queued earlier; within a lane, turns are first come,
// first served.
func TestWriterUrgentFirst(t *testing.T) {
	w := &writer{}
	ctx := context.Background()
	if err := w.acquire(ctx); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var order []string
	var wg sync.WaitGroup
	wait := func(name string, ctx context.Context) {
		defer wg.Done()
		if err := w.acquire(ctx); err != nil {
			t.Error(name, err)
			return
		}
		mu.Lock()
		order = append(order, name)
		mu.Unlock()
		w.release()
	}
	queue := func(name string, ctx context.Context, lane int) {
		w.mu.Lock()
		before := len(w.waiting[lane])
		w.mu.Unlock()
		wg.Add(1)
		go wait(name, ctx)
		// Wait until it is queued, so the order of arrival is known.
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
			w.mu.Lock()
			n := len(w.waiting[lane])
			w.mu.Unlock()
			if n > before {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s never queued", name)
			}
		}
	}
	queue("background 1", ctx, backgroundLane)
	queue("background 2", ctx, backgroundLane)
	queue("urgent 1", sqlstore.Urgent(ctx), urgentLane)
	queue("urgent 2", sqlstore.Urgent(ctx), urgentLane)
	w.release()
	wg.Wait()
	want := []string{"urgent 1", "urgent 2", "background 1", "background 2"}
	if fmt.Sprint(order) != fmt.Sprint(want) {
		t.Errorf("turns went %q, want %q", order, want)
	}
	if w.held {
		t.Error("the writer is still held after everyone released it")
	}
}

// TestWriterGiveUp: a transaction whose context ends while it waits leaves
// the queue, and the writer still passes to the next one.
func TestWriterGiveUp(t *testing.T) {
	w := &writer{}
	if err := w.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := w.acquire(ctx); err != context.DeadlineExceeded {
		t.Fatalf("acquire while held with a 20 ms deadline: %v, want %v", err, context.DeadlineExceeded)
	}
	if n := len(w.waiting[backgroundLane]); n != 0 {
		t.Fatalf("%d waiters left behind by a context that ended", n)
	}
	got := make(chan error, 1)
	go func() { got <- w.acquire(context.Background()) }()
	time.Sleep(10 * time.Millisecond)
	w.release()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the next waiter never got the writer")
	}
	w.release()
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
	for deadline := time.Now().Add(10 * CheckpointInterval); ; time.Sleep(CheckpointInterval / 2) {
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
