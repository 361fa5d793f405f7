package reliability

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "modernc.org/sqlite" // the driver the SQLite store uses

	"github.com/factgrade/factgrade/storage/storagetest"
)

// TestReliabilitySQLiteLocked proves that while another process holds
// SQLite's write lock (BEGIN IMMEDIATE held for 1.5 s, as a backup tool or
// a second server would), slash commands wait for it within the busy
// timeout rather than fail, and every one is graded and posted once.
func TestReliabilitySQLiteLocked(t *testing.T) {
	s := newStack(t, stackConfig{workers: 4})
	s.command("China admits hacking U.S. ports") // the file exists and is migrated
	other, err := sql.Open("sqlite", "file:"+s.dbPath()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatalf("taking the write lock: %v", err)
	}
	const hold = 1500 * time.Millisecond
	released := make(chan struct{})
	go func() {
		time.Sleep(hold)
		conn.ExecContext(ctx, "ROLLBACK")
		conn.Close()
		close(released)
	}()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var slowest time.Duration
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			s.command("Beijing tacitly acknowledged the hacks, WSJ reports")
			mu.Lock()
			slowest = max(slowest, time.Since(start))
			mu.Unlock()
		}()
		time.Sleep(50 * time.Millisecond)
	}
	wg.Wait()
	<-released
	o := s.settle(20 * time.Second)
	if len(s.refused) > 0 {
		t.Errorf("refused while the database was locked: %q", s.refused)
	}
	result(t, "write lock held %s; %s; slowest acknowledgement %s (Slack allows 3 s)", hold, o, slowest.Round(time.Millisecond))
}

// postgresURL returns a URL of a schema of the test's own in
// FACTGRADE_TEST_POSTGRES_URL's database, with application_name set to
// name so its backends can be found, or skips the test.
func postgresURL(t *testing.T, name string) string {
	return storagetest.PostgresSchema(t, "factgrade_rel", map[string]string{"application_name": name})
}

// TestReliabilityPostgresUnreachable proves that when PostgreSQL drops
// every connection of factgrade's (pg_terminate_backend, as a failover or
// a restart does) again and again while commands arrive and grades are
// posted, every acknowledged submission is still posted exactly once, and
// a command that could not be saved is told so plainly.
func TestReliabilityPostgresUnreachable(t *testing.T) {
	var b [4]byte
	rand.Read(b[:])
	app := "factgrade_rel_" + hex.EncodeToString(b[:])
	s := newStack(t, stackConfig{dbURL: postgresURL(t, app), workers: 4})
	s.slack.SetDelay(20 * time.Millisecond)
	admin, err := pgx.Connect(context.Background(), os.Getenv("FACTGRADE_TEST_POSTGRES_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	stop := make(chan struct{})
	killed := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			case <-time.After(150 * time.Millisecond):
			}
			var n int
			if err := admin.QueryRow(context.Background(),
				`SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1) t`, app).Scan(&n); err != nil {
				t.Errorf("terminating backends: %v", err)
				return
			}
			killed += n
		}
	}()
	for i := 0; i < 40; i++ {
		s.command(fmt.Sprintf("China admits hacking U.S. water systems (%d)", i))
		time.Sleep(40 * time.Millisecond)
	}
	close(stop)
	<-done
	o := s.settle(30 * time.Second)
	for _, r := range s.refused {
		if !strings.Contains(r, "could not save your request") {
			t.Errorf("a refused command was told %q, want the database message", r)
		}
	}
	if killed == 0 {
		t.Errorf("no backend was terminated; the test proved nothing")
	}
	result(t, "%d backends terminated over %d commands; %s; %d refused with \"could not save your request… try again\"", killed, o.accepted+len(s.refused), o, len(s.refused))
}
