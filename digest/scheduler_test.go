package digest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// at is a wall-clock time in zone.
func at(t testing.TB, zone string, y int, m time.Month, d, h, min int) time.Time {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

// setClock moves c to tm.
func setClock(c *clock, tm time.Time) { c.Add(tm.Sub(c.Now())) }

// start starts sc and stops it when the test ends.
func start(t *testing.T, sc *Scheduler) {
	t.Helper()
	if err := sc.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sc.Stop(context.Background()) })
}

// fire moves the clock to d's next scheduled time and runs d as cron would.
func fire(t *testing.T, sc *Scheduler, c *clock, d Definition) time.Time {
	t.Helper()
	next := sc.defs[d.Name].Schedule.Next(c.Now())
	setClock(c, next)
	if err := sc.runDue(context.Background(), d, true); err != nil {
		t.Fatalf("run at %s: %v", next, err)
	}
	return next
}

func TestWindowsFollowAcrossRestarts(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 7, 0))
	def := definition(t, "morning", "0 8 * * *", "Europe/London")
	fs := &fakeSlack{}
	var windows []storage.DigestRun
	for day := range 4 {
		// Each day is a new process: a new store and scheduler on the same file.
		s := openSQLite(t, dir, c)
		sc := newScheduler(t, s, fs, c, def)
		if err := sc.Start(ctx); err != nil {
			t.Fatal(err)
		}
		grade(t, s, day*6+3) // graded at 07:00, before the digest
		fire(t, sc, c, def)  // 08:00
		windows = append(windows, last(t, s, "morning"))
		if err := sc.Stop(ctx); err != nil {
			t.Fatal(err)
		}
		s.Close()
		c.Add(23 * time.Hour)
	}
	msgs := fs.messages()
	if len(msgs) != 4 {
		t.Fatalf("posted %d digests, want 4", len(msgs))
	}
	for i, w := range windows {
		wantEnd := at(t, "Europe/London", 2025, 6, 2+i, 8, 0)
		if !w.WindowEnd.Equal(wantEnd) || w.State != storage.DigestPosted || w.MessageTS != msgs[i].TS {
			t.Errorf("run %d = %s – %s %s ts %q, want ending %s, posted as %q", i, w.WindowStart, w.WindowEnd, w.State, w.MessageTS, wantEnd, msgs[i].TS)
		}
		if i > 0 && !w.WindowStart.Equal(windows[i-1].WindowEnd) {
			t.Errorf("run %d starts %s, want the end of run %d, %s", i, w.WindowStart, i-1, windows[i-1].WindowEnd)
		}
		// Each window holds the one item graded in it: no gap, no overlap.
		if !strings.Contains(msgs[i].Text, "1 item graded") {
			t.Errorf("digest %d = %q, want 1 item graded", i, msgs[i].Text)
		}
	}
}

func TestFirstRunWaitsForTheSchedule(t *testing.T) {
	c := storagetest.NewClock(at(t, "Europe/Paris", 2025, 6, 2, 7, 30))
	s := openSQLite(t, t.TempDir(), c)
	def := definition(t, "morning", "0 8 * * *", "Europe/Paris")
	fs := &fakeSlack{}
	sc := newScheduler(t, s, fs, c, def)
	start(t, sc)
	if n := len(fs.messages()); n != 0 {
		t.Fatalf("a digest never run posted %d messages at start, want 0", n)
	}
	fire(t, sc, c, def)
	r := last(t, s, "morning")
	if want := at(t, "Europe/Paris", 2025, 6, 1, 8, 0); !r.WindowStart.Equal(want) {
		t.Errorf("first window starts %s, want the scheduled time before, %s", r.WindowStart, want)
	}
}

// TestCrashAfterClaimBeforePost proves that a run claimed by a process
// that died before posting it is left alone while its lease runs, then
// resumed at start: looked for in the channel first, and posted once.
func TestCrashAfterClaimBeforePost(t *testing.T) {
	ctx := context.Background()
	c := storagetest.NewClock(at(t, "America/New_York", 2025, 6, 3, 9, 0))
	s := openSQLite(t, t.TempDir(), c)
	def := definition(t, "morning", "0 8 * * *", "America/New_York")
	// A run claimed by a process that died before posting it.
	claimed, _, err := s.ClaimDigest(ctx, storage.DigestRun{Name: "morning", ClaimedBy: "dead:1", ChannelID: "C9",
		WindowStart: at(t, "America/New_York", 2025, 6, 2, 8, 0), WindowEnd: at(t, "America/New_York", 2025, 6, 3, 8, 0)})
	if err != nil {
		t.Fatal(err)
	}
	fs := &fakeSlack{}
	obs := &counter{}
	sc := newScheduler(t, s, fs, c, def)
	sc.cfg.Observer = obs
	// While the claim's lease runs, its owner may still be posting: the
	// run is left alone.
	if ok, err := sc.Lead(ctx); !ok || err != nil {
		t.Fatalf("Lead = %v, %v", ok, err)
	}
	if err := sc.RunDue(ctx); err == nil || !strings.Contains(err.Error(), "claimed by dead:1 until") || len(fs.messages()) != 0 {
		t.Fatalf("RunDue during the claim's lease = %v after %d posts; want an error saying the run is claimed, no post", err, len(fs.messages()))
	}
	c.Add(storage.DefaultDigestLease)
	start(t, sc)
	msgs := fs.messages()
	if len(msgs) != 1 {
		t.Fatalf("posted %d digests at start, want 1 (the claimed run)", len(msgs))
	}
	r := last(t, s, "morning")
	if r.ID != claimed.ID || r.State != storage.DigestPosted || r.MessageTS != msgs[0].TS {
		t.Errorf("last run = #%d %s %q, want #%d posted as %q", r.ID, r.State, r.MessageTS, claimed.ID, msgs[0].TS)
	}
	if fs.searches != 1 || obs.posted != 1 {
		t.Errorf("searches = %d, posted metric = %d; want 1, 1", fs.searches, obs.posted)
	}
}

func TestCrashAfterPostBeforeRecord(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 7, 0))
	def := definition(t, "morning", "0 8 * * *", "Europe/London")
	fs := &fakeSlack{loseNext: 1} // Slack takes the post; the answer is lost
	obs := &counter{}
	s := openSQLite(t, dir, c)
	sc := newScheduler(t, s, fs, c, def)
	sc.cfg.Observer = obs
	if err := sc.Start(ctx); err != nil {
		t.Fatal(err)
	}
	setClock(c, sc.defs[def.Name].Schedule.Next(c.Now()))
	sc.job(ctx, def)() // as cron runs it: the failure is logged and counted
	if obs.failed != 1 || last(t, s, "morning").State != storage.DigestClaimed {
		t.Fatalf("after a lost answer: failed = %d, state %s; want 1, claimed", obs.failed, last(t, s, "morning").State)
	}
	sc.Stop(ctx)
	s.Close()

	s = openSQLite(t, dir, c)
	sc = newScheduler(t, s, fs, c, def)
	start(t, sc)
	msgs := fs.messages()
	r := last(t, s, "morning")
	if len(msgs) != 1 || r.State != storage.DigestPosted || r.MessageTS != msgs[0].TS {
		t.Errorf("after restart: %d posts, run %s %q; want 1 post, posted as %q", len(msgs), r.State, r.MessageTS, msgs[0].TS)
	}
}

func TestPostFailureResumedNextRun(t *testing.T) {
	ctx := context.Background()
	c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 7, 0))
	s := openSQLite(t, t.TempDir(), c)
	def := definition(t, "hourly", "0 * * * *", "Europe/London")
	fs := &fakeSlack{failNext: 1} // Slack refuses the first post
	sc := newScheduler(t, s, fs, c, def)
	start(t, sc)
	setClock(c, sc.defs[def.Name].Schedule.Next(c.Now()))
	if err := sc.runDue(ctx, def, true); err == nil {
		t.Fatal("runDue with Slack refusing = nil error, want one")
	}
	first := last(t, s, "hourly")
	fire(t, sc, c, def) // 09:00: the 08:00 run first, then 09:00's
	msgs := fs.messages()
	r := last(t, s, "hourly")
	if len(msgs) != 2 || r.WindowStart != first.WindowEnd || r.State != storage.DigestPosted {
		t.Errorf("after the next run: %d posts, last window starts %s (%s); want 2 posts, starting %s, posted", len(msgs), r.WindowStart, r.State, first.WindowEnd)
	}
}

func TestMissedRunsCaughtUpOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := storagetest.NewClock(at(t, "Asia/Tokyo", 2025, 6, 2, 7, 0))
	def := definition(t, "morning", "0 8 * * *", "Asia/Tokyo")
	fs := &fakeSlack{}
	s := openSQLite(t, dir, c)
	sc := newScheduler(t, s, fs, c, def)
	sc.Start(ctx)
	fire(t, sc, c, def) // 2 June 08:00
	sc.Stop(ctx)
	s.Close()

	// Down until 5 June 10:00; items graded meanwhile (by other tools).
	s = openSQLite(t, dir, c)
	for i := range 3 {
		c.Add(20 * time.Hour)
		grade(t, s, i)
	}
	setClock(c, at(t, "Asia/Tokyo", 2025, 6, 5, 10, 0))
	sc = newScheduler(t, s, fs, c, def)
	start(t, sc)
	msgs := fs.messages()
	if len(msgs) != 2 {
		t.Fatalf("posted %d digests, want 2 (one catch-up for three missed runs)", len(msgs))
	}
	r := last(t, s, "morning")
	wantStart, wantEnd := at(t, "Asia/Tokyo", 2025, 6, 2, 8, 0), at(t, "Asia/Tokyo", 2025, 6, 5, 8, 0)
	if !r.WindowStart.Equal(wantStart) || !r.WindowEnd.Equal(wantEnd) {
		t.Errorf("catch-up window = %s – %s, want %s – %s", r.WindowStart, r.WindowEnd, wantStart, wantEnd)
	}
	if !strings.Contains(msgs[1].Text, "3 items graded") {
		t.Errorf("catch-up digest = %q, want 3 items graded", msgs[1].Text)
	}
	// Starting again the same morning posts nothing more.
	if err := sc.RunDue(ctx); err != nil || len(fs.messages()) != 2 {
		t.Errorf("RunDue again = %v with %d posts, want nil with 2", err, len(fs.messages()))
	}
}

func TestDST(t *testing.T) {
	const zone = "America/New_York"
	tests := []struct {
		name, spec string
		from       time.Time
		days       int
		long       string // the day whose window is 47 hours: robfig/cron skips a time the clocks jump over
	}{
		// 9 March 2025: 02:00 becomes 03:00; 2 November: 02:00 becomes 01:00.
		{"spring forward, 01:30", "30 1 * * *", at(t, zone, 2025, 3, 6, 12, 0), 6, ""},
		{"spring forward, 02:30 (skipped that day)", "30 2 * * *", at(t, zone, 2025, 3, 6, 12, 0), 6, "2025-03-10"},
		{"fall back, 01:30 (twice that day)", "30 1 * * *", at(t, zone, 2025, 10, 30, 12, 0), 6, ""},
		{"fall back, 08:00", "0 8 * * *", at(t, zone, 2025, 10, 30, 12, 0), 6, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			c := storagetest.NewClock(tt.from)
			s := openSQLite(t, t.TempDir(), c)
			def := definition(t, "daily", tt.spec, zone)
			fs := &fakeSlack{}
			sc := newScheduler(t, s, fs, c, def)
			sc.Start(ctx)
			defer sc.Stop(ctx)
			var prev storage.DigestRun
			days := map[string]bool{}
			for i := range tt.days {
				fire(t, sc, c, def)
				r := last(t, s, "daily")
				day := r.WindowEnd.In(def.Location).Format("2006-01-02")
				if days[day] {
					t.Errorf("two runs end on %s", day)
				}
				days[day] = true
				if i > 0 {
					if !r.WindowStart.Equal(prev.WindowEnd) {
						t.Errorf("run %d starts %s, want %s (the previous end)", i, r.WindowStart, prev.WindowEnd)
					}
					if d := r.WindowEnd.Sub(r.WindowStart); (d < 23*time.Hour || d > 25*time.Hour) && !(day == tt.long && d == 47*time.Hour) {
						t.Errorf("run %d covers %s, want 23 to 25 hours", i, d)
					}
				}
				prev = r
			}
			if n := len(fs.messages()); n != tt.days {
				t.Errorf("posted %d digests over %d days, want one a day", n, tt.days)
			}
		})
	}
}

func TestSecondInstanceOnSQLiteRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 7, 0))
	def := definition(t, "morning", "0 8 * * *", "Europe/London")
	first := newScheduler(t, openSQLite(t, dir, c), &fakeSlack{}, c, def)
	if err := first.Start(ctx); err != nil {
		t.Fatal(err)
	}
	second := newScheduler(t, openSQLite(t, dir, c), &fakeSlack{}, c, def)
	err := second.Start(ctx)
	var le *LockedError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "one factgrade serve per SQLite database") {
		t.Fatalf("second Start = %v, want a *LockedError saying why", err)
	}
	if err := first.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if err := second.Start(ctx); err != nil {
		t.Errorf("Start after the first stopped = %v, want nil", err)
	}
	second.Stop(ctx)
}

func TestEmptyWindow(t *testing.T) {
	for _, postEmpty := range []bool{true, false} {
		ctx := context.Background()
		c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 7, 0))
		s := openSQLite(t, t.TempDir(), c)
		def := definition(t, "morning", "0 8 * * *", "Europe/London")
		def.PostEmpty = postEmpty
		fs := &fakeSlack{}
		sc := newScheduler(t, s, fs, c, def)
		sc.Start(ctx)
		fire(t, sc, c, def)
		sc.Stop(ctx)
		msgs := fs.messages()
		r := last(t, s, "morning")
		switch {
		case r.State != storage.DigestPosted:
			t.Errorf("post_empty %v: run %s, want recorded as posted", postEmpty, r.State)
		case postEmpty && (len(msgs) != 1 || !strings.Contains(msgs[0].Text, "nothing new")):
			t.Errorf("post_empty true: posts %+v, want one saying nothing new", msgs)
		case !postEmpty && len(msgs) != 0:
			t.Errorf("post_empty false: %d posts, want none", len(msgs))
		}
	}
}

func TestPreviewAndPostNow(t *testing.T) {
	ctx := context.Background()
	c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 7, 0))
	s := openSQLite(t, t.TempDir(), c)
	def := definition(t, "morning", "0 8 * * *", "Europe/London")
	fs := &fakeSlack{}
	sc := newScheduler(t, s, fs, c, def)
	sc.Start(ctx)
	defer sc.Stop(ctx)
	fire(t, sc, c, def) // 08:00
	c.Add(time.Hour)
	grade(t, s, 4)
	c.Add(time.Hour) // 10:00
	r, err := sc.Preview(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if r.Counts.Total != 1 || !r.From.Equal(at(t, "Europe/London", 2025, 6, 2, 8, 0)) || !r.To.Equal(c.Now()) {
		t.Errorf("Preview = %d items over %s – %s, want 1 over 08:00 – now", r.Counts.Total, r.From, r.To)
	}
	if _, err := sc.Preview(ctx, "evening"); err == nil {
		t.Error("Preview(evening) = nil error, want unknown digest")
	}
	run, err := sc.PostNow(ctx, "morning")
	if err != nil || run.State != storage.DigestPosted || !run.WindowEnd.Equal(c.Now()) {
		t.Fatalf("PostNow = %+v, %v; want posted up to now", run, err)
	}
	fire(t, sc, c, def) // next day 08:00 starts where PostNow ended
	if r := last(t, s, "morning"); !r.WindowStart.Equal(run.WindowEnd) {
		t.Errorf("next window starts %s, want %s", r.WindowStart, run.WindowEnd)
	}
}

func TestCronRunner(t *testing.T) {
	ctx := context.Background()
	c := storagetest.NewClock(time.Now())
	s := openSQLite(t, t.TempDir(), c)
	def := definition(t, "often", "@every 1s", "UTC")
	fs := &fakeSlack{}
	sc, err := New(Config{Store: s, Poster: fs, Digests: []Definition{def}}) // the real clock
	if err != nil {
		t.Fatal(err)
	}
	if err := sc.Start(ctx); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(fs.messages()) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if err := sc.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	n := len(fs.messages())
	if n == 0 {
		t.Fatal("the cron runner posted nothing in 10 s with @every 1s")
	}
	time.Sleep(1500 * time.Millisecond)
	if m := len(fs.messages()); m != n {
		t.Errorf("posts went on after Stop: %d, then %d", n, m)
	}
}

// TestConcurrentRuns runs the same digest from many goroutines of two
// schedulers on one database: each window is posted once.
func TestConcurrentRuns(t *testing.T) {
	dir := t.TempDir()
	c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 8, 0))
	def := definition(t, "morning", "0 8 * * *", "Europe/London")
	fs := &fakeSlack{}
	raceSchedulers(t, []Store{openSQLite(t, dir, c), openSQLite(t, dir, c)}, fs, c, def)
}

// raceSchedulers starts a scheduler per store at once (one leads), then
// has every one post the window to now at once; exactly one post each time.
func raceSchedulers(t *testing.T, stores []Store, fs *fakeSlack, c *clock, def Definition) {
	ctx := context.Background()
	scs := make([]*Scheduler, len(stores))
	for i, s := range stores {
		scs[i] = newScheduler(t, s, fs, c, def)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(scs))
	for i, sc := range scs {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = sc.Start(ctx) }()
	}
	wg.Wait()
	leaders := 0
	for i, err := range errs {
		var le *LockedError
		switch {
		case err == nil:
			leaders++
			defer scs[i].Stop(ctx)
		case !errors.As(err, &le):
			t.Fatalf("Start = %v", err)
		}
	}
	if leaders != 1 {
		t.Fatalf("%d schedulers lead, want 1", leaders)
	}
	c.Add(2 * time.Hour)
	for i := range scs {
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				scs[i].claimAndPost(ctx, def, at(t, "Europe/London", 2025, 6, 2, 8, 0), c.Now(), storage.Marks{}, false)
			}()
		}
	}
	wg.Wait()
	if n := len(fs.messages()); n != 1 {
		t.Errorf("%d posts of one window by racing schedulers, want 1", n)
	}
}

// TestStandbyTakesOver proves that a standby replica does not lead while
// the leader runs, and takes the scheduler lock within seconds of the
// leader stopping.
func TestStandbyTakesOver(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 7, 0))
	def := definition(t, "morning", "0 8 * * *", "Europe/London")
	leader := newScheduler(t, openSQLite(t, dir, c), &fakeSlack{}, c, def)
	start(t, leader)
	standby, err := New(Config{Store: openSQLite(t, dir, c), Poster: &fakeSlack{}, Digests: []Definition{def}, Now: c.Now,
		Standby: true, StandbyRetry: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	start(t, standby)
	time.Sleep(100 * time.Millisecond)
	if standby.Leading() {
		t.Fatal("the standby leads while the leader runs")
	}
	leader.Stop(ctx)
	deadline := time.Now().Add(5 * time.Second)
	for !standby.Leading() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !standby.Leading() {
		t.Error("the standby did not take over within 5 s of the leader stopping")
	}
}

// losingLock is a store whose scheduler lock can be made lost, as when
// PostgreSQL ends the session that held it.
type losingLock struct {
	Store
	lost atomic.Bool
}

func (l *losingLock) Holds(ctx context.Context, name string) (bool, error) {
	if l.lost.Load() {
		return false, nil
	}
	return l.Store.Holds(ctx, name)
}

// TestLeaderStopsWhenItLosesTheLock: a leader whose lock is lost stops its
// schedule at the next check, counts and logs it, posts nothing more (a
// run it had begun included), and the standby takes over.
func TestLeaderStopsWhenItLosesTheLock(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 7, 0))
	def := definition(t, "morning", "0 8 * * *", "Europe/London")
	store := &losingLock{Store: openSQLite(t, dir, c)}
	fs := &fakeSlack{}
	obs := &counter{}
	leader, err := New(Config{Store: store, Poster: fs, Digests: []Definition{def}, Now: c.Now, Instance: "leader",
		Observer: obs, LockCheck: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	start(t, leader)
	standby, err := New(Config{Store: openSQLite(t, dir, c), Poster: fs, Digests: []Definition{def}, Now: c.Now, Instance: "standby",
		Standby: true, StandbyRetry: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	start(t, standby)

	// A run the leader has begun when the lock goes: it must not post.
	setClock(c, leader.defs[def.Name].Schedule.Next(c.Now()))
	store.lost.Store(true)
	if err := leader.runDue(ctx, leader.defs[def.Name], true); err == nil || len(fs.messages()) != 0 {
		t.Fatalf("a run begun as leader after the lock was lost: %v, %d posts; want an error and no post", err, len(fs.messages()))
	}
	deadline := time.Now().Add(5 * time.Second)
	for (leader.Leading() || !standby.Leading()) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if leader.Leading() || !standby.Leading() {
		t.Fatalf("leader leads %t, standby leads %t; want the standby only", leader.Leading(), standby.Leading())
	}
	obs.mu.Lock()
	lost := obs.lost
	obs.mu.Unlock()
	if lost != 1 {
		t.Errorf("lock-lost metric = %d, want 1", lost)
	}
	leader.mu.Lock()
	stopped := leader.cron == nil
	leader.mu.Unlock()
	if !stopped {
		t.Error("the old leader's schedule still runs")
	}
	// The claimed run is the new leader's once its lease runs out; the
	// window is posted once.
	c.Add(storage.DefaultDigestLease)
	if err := standby.RunDue(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(fs.messages()); n != 1 {
		t.Errorf("%d posts of the window, want 1", n)
	}
}
