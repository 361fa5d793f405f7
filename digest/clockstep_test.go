package digest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// clockScenario is one history of the wall clock between digest runs: its
// steps grade, move the clock and fire the schedule; want is how many
// grades each posted digest holds, in order.
type clockScenario struct {
	name  string
	steps func(e *clockEnv)
	want  []int
}

// clockScenarios are the clock steps of TestClockSteps, on an hourly
// digest in London starting at 07:00 on 2 June 2025.
var clockScenarios = []clockScenario{
	{
		// 08:00 posted; at 08:20 the clock is set back to 07:20, so the
		// grades of the next hour carry times before the last window's end.
		name: "back an hour between two runs",
		steps: func(e *clockEnv) {
			e.step(30 * time.Minute)
			e.grade() // 07:30
			e.fire()  // 08:00: 1
			e.step(20 * time.Minute)
			e.grade() // 08:20
			e.step(-time.Hour)
			e.grade() // 07:20 again
			e.step(30 * time.Minute)
			e.grade() // 07:50 again
			e.fire()  // 08:00 again: nothing due
			e.fire()  // 09:00: 3
			e.step(10 * time.Minute)
			e.grade() // 09:10
			e.fire()  // 10:00: 1
		},
		want: []int{1, 3, 1},
	},
	{
		// The clock jumps a day ahead at 08:10 and is put right a little
		// later: one window spans the jump, and the grades made after
		// the correction go in the first run after the clock passes the
		// end of that window, not lost and not twice.
		name: "forward a day, then put right",
		steps: func(e *clockEnv) {
			e.step(30 * time.Minute)
			e.grade() // 07:30
			e.fire()  // 08:00: 1
			e.step(10 * time.Minute)
			e.grade() // 08:10
			e.step(24 * time.Hour)
			e.grade() // 08:10 the next day
			e.fire()  // 09:00 the next day: 2
			e.step(-24*time.Hour - 30*time.Minute)
			e.grade() // 08:40 the first day again
			e.handOver()
			for range 25 { // 09:00 the first day … 09:00 the next: nothing due
				e.fire()
			}
			e.grade()
			e.fire() // 10:00 the next day: 2
		},
		want: []int{1, 2, 2},
	},
	{
		// Set back ten minutes right after a run, across that run's
		// boundary: grades made then carry times inside the window
		// already posted.
		name: "back across a window boundary",
		steps: func(e *clockEnv) {
			e.step(110 * time.Minute)
			e.grade() // 08:50
			e.fire()  // 09:00: 1
			e.step(5 * time.Minute)
			e.grade() // 09:05
			e.step(-10 * time.Minute)
			e.grade() // 08:55, in the window posted at 09:00
			e.handOver()
			e.fire() // 09:00 again: nothing due
			e.step(30 * time.Second)
			e.grade() // 09:00:30
			e.fire()  // 10:00: 3
		},
		want: []int{1, 3},
	},
}

// clockEnv runs a scenario: two replicas' stores on one database, the
// leader's scheduler firing the schedule as cron would, the standby taking
// over when asked; grades are saved through either replica in turn.
type clockEnv struct {
	t       *testing.T
	c       *clock
	def     Definition
	stores  []Store
	scheds  []*Scheduler
	leader  int
	fs      *fakeSlack
	graded  []int64
	runs    []storage.DigestRun
	hadRuns map[int64]bool
}

func (e *clockEnv) step(d time.Duration) { e.c.Add(d) }

func (e *clockEnv) grade() {
	e.t.Helper()
	n := len(e.graded)
	// Samples 5 and 11 are ungradable, which the digest's list of lowest
	// grades leaves out; the others are each listed.
	i := n + n/5
	sub := grade(e.t, e.stores[n%len(e.stores)].(storage.Store), i)
	e.graded = append(e.graded, sub.ID)
}

// fire moves the clock to the next scheduled time and runs the leader's
// job, recording a run it claims.
func (e *clockEnv) fire() {
	e.t.Helper()
	fire(e.t, e.scheds[e.leader], e.c, e.def)
	r, err := e.stores[e.leader].LastDigest(context.Background(), e.def.Name)
	if err == nil && !e.hadRuns[r.ID] {
		e.hadRuns[r.ID] = true
		e.runs = append(e.runs, r)
	}
}

// handOver stops the leader; the standby takes the lock and leads.
func (e *clockEnv) handOver() {
	e.t.Helper()
	if err := e.scheds[e.leader].Stop(context.Background()); err != nil {
		e.t.Fatal(err)
	}
	next := 1 - e.leader
	deadline := time.Now().Add(5 * time.Second)
	for !e.scheds[next].Leading() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !e.scheds[next].Leading() {
		e.t.Fatal("the standby did not take over within 5 s")
	}
	e.leader = next
}

// TestClockSteps proves that digest windows survive the wall clock being
// stepped back an hour between two runs, forward a day (and put right),
// and back across a window boundary: every grade appears in exactly one
// posted digest, on two replicas whose leader hands over mid-way, on
// SQLite and on PostgreSQL.
func TestClockSteps(t *testing.T) {
	backends := []struct {
		name string
		open func(t *testing.T, c *clock) (Store, Store)
	}{
		{"sqlite", func(t *testing.T, c *clock) (Store, Store) {
			dir := t.TempDir()
			return openSQLite(t, dir, c), openSQLite(t, dir, c)
		}},
		{"postgres", func(t *testing.T, c *clock) (Store, Store) {
			u := postgresURL(t)
			return openPostgres(t, u, c), openPostgres(t, u, c)
		}},
	}
	for _, b := range backends {
		for _, sc := range clockScenarios {
			t.Run(b.name+"/"+sc.name, func(t *testing.T) { runClockScenario(t, sc, b.open) })
		}
	}
}

func runClockScenario(t *testing.T, sc clockScenario, open func(*testing.T, *clock) (Store, Store)) {
	ctx := context.Background()
	c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 6, 0))
	def := definition(t, "hourly", "0 * * * *", "Europe/London")
	a, b := open(t, c)
	fs := &fakeSlack{}
	e := &clockEnv{t: t, c: c, def: def, stores: []Store{a, b}, fs: fs, hadRuns: map[int64]bool{}}
	for _, s := range e.stores {
		sched, err := New(Config{Store: s, Poster: fs, Digests: []Definition{def}, Now: c.Now, Instance: fmt.Sprintf("replica-%d", len(e.scheds)),
			Standby: true, StandbyRetry: 20 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		start(t, sched)
		e.scheds = append(e.scheds, sched)
	}
	if !e.scheds[0].Leading() || e.scheds[1].Leading() {
		t.Fatal("want replica 0 leading and replica 1 standing by")
	}
	// A first, empty run at 07:00, where the scenarios start.
	fire(t, e.scheds[0], c, def)
	e.hadRuns[last(t, a, def.Name).ID] = true
	posted0 := len(fs.messages())
	sc.steps(e)

	// Each grade is in exactly one run, by the runs' own marks: rebuilt
	// from each run's window, the lists of lowest grades (every sample
	// used is gradable, and no window holds more than TopLowest).
	seen := map[int64]int{}
	var counts []int
	for i, r := range e.runs {
		if r.State != storage.DigestPosted && last(t, a, def.Name).ID != r.ID {
			t.Errorf("run %d (%d) is %s", i, r.ID, r.State)
		}
		if i > 0 && r.After != e.runs[i-1].Through {
			t.Errorf("run %d starts after %+v, want where run %d ended, %+v", i, r.After, i-1, e.runs[i-1].Through)
		}
		rep, err := Build(ctx, a, def, r.Window())
		if err != nil {
			t.Fatal(err)
		}
		counts = append(counts, rep.Counts.Total)
		for _, it := range rep.Lowest {
			seen[it.Submission.ID]++
		}
	}
	// Only runs with grades were posted with them; empty ones say so.
	var nonEmpty []int
	for _, n := range counts {
		if n > 0 {
			nonEmpty = append(nonEmpty, n)
		}
	}
	if !slices.Equal(nonEmpty, sc.want) {
		t.Errorf("digests held %v grades (empty ones left out), want %v", nonEmpty, sc.want)
	}
	lost, twice := 0, 0
	for _, id := range e.graded {
		switch seen[id] {
		case 0:
			lost++
		case 1:
		default:
			twice++
		}
	}
	if lost > 0 || twice > 0 || len(seen) != len(e.graded) {
		t.Errorf("%d graded: %d in no digest, %d in more than one; %d ids seen", len(e.graded), lost, twice, len(seen))
	}
	// What was posted is what the runs hold.
	msgs := fs.messages()[posted0:]
	var posted []int
	for _, m := range msgs {
		n := 0
		if !strings.Contains(m.Text, "nothing new") {
			if _, err := fmt.Sscanf(strings.TrimPrefix(m.Text, "Digest "+def.Name+": "), "%d", &n); err != nil {
				t.Errorf("digest %q: no count", m.Text)
			}
		}
		posted = append(posted, n)
	}
	if !slices.Equal(posted, counts) {
		t.Errorf("digests posted with %v grades, the runs hold %v", posted, counts)
	}
	t.Logf("RESULT %d grades, %d digests posted (%v grades each), %d in no digest, %d in more than one; leader handed over: %t",
		len(e.graded), len(msgs), counts, lost, twice, e.leader != 0)
}
