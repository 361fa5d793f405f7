package digest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/storage"
)

// LockName is the storage lock the process running the scheduler holds.
const LockName = "digest-scheduler"

// Store is what the scheduler reads and records.
type Store interface {
	Source
	storage.Digests
	storage.Locker
}

// Poster posts to Slack; the bot implements it with its pacing and its
// handling of Slack's rate limits.
type Poster interface {
	// PostMessage posts text and blocks carrying meta to channel and
	// returns the message's ts.
	PostMessage(ctx context.Context, channel, text string, blocks []slack.Block, meta slack.SlackMetadata) (ts string, err error)
	// FindMessage returns the ts of a message in channel posted since
	// since that carries meta, or "" when there is none.
	FindMessage(ctx context.Context, channel string, since time.Time, meta slack.SlackMetadata) (ts string, err error)
}

// MetadataEventType is the event_type of the message metadata a digest is
// posted with (its payload names the digest and the run), so a run whose
// post may have gone out before a crash is found in the channel instead of
// being posted again.
const MetadataEventType = "factgrade_digest"

func runMetadata(run storage.DigestRun) slack.SlackMetadata {
	return slack.SlackMetadata{EventType: MetadataEventType, EventPayload: map[string]any{
		"digest": run.Name, "run_id": strconv.FormatInt(run.ID, 10)}}
}

// Observer counts digests posted, runs that failed and the scheduler lock
// lost; the metrics package implements it.
type Observer interface {
	DigestPosted(name string)
	DigestFailed(name string)
	SchedulerLockLost()
}

// Config is what a Scheduler needs.
type Config struct {
	Store   Store
	Poster  Poster // may be nil when only previewing
	Digests []Definition
	Logger  *slog.Logger
	// Observer receives metrics; nil means none.
	Observer Observer
	// Now is the clock; nil is time.Now. Tests inject one.
	Now func() time.Time
	// Instance names this process in the runs it claims; empty is
	// host:pid.
	Instance string
	// Standby: when another process holds the scheduler lock, Start keeps
	// trying to take it every StandbyRetry (replicas sharing PostgreSQL).
	// Without it Start fails with *LockedError (a second instance on one
	// SQLite database is a mistake to report, not to wait out).
	Standby      bool
	StandbyRetry time.Duration
	// LockCheck is how often the leader asks the database whether it
	// still holds the scheduler lock (it also asks before every post);
	// 5 s when zero. A leader that lost it stops at once.
	LockCheck time.Duration
	// Lease is how long a claimed digest run is this process's: another
	// resumes it only after that (storage.DefaultDigestLease when zero).
	Lease time.Duration
	// Visibility decides which grades a digest or preview may show in its
	// channel (visible.go); nil shows every grade. SetPoster sets it when
	// the Poster implements it.
	Visibility Visibility
}

// LockedError is returned by Start when another process runs the scheduler.
type LockedError struct{ Why string }

func (e *LockedError) Error() string {
	return "digest scheduler not started: another factgrade process using the same database holds the scheduler lock; " + e.Why
}

// UnknownDigestError names a digest that is not configured.
type UnknownDigestError struct {
	Name  string
	Known []string
}

func (e *UnknownDigestError) Error() string {
	if len(e.Known) == 0 {
		return fmt.Sprintf("no digest %q: no digests are configured (digests in the FACTGRADE_CONFIG file)", e.Name)
	}
	if e.Name == "" {
		return fmt.Sprintf("several digests are configured; name one of %v", e.Known)
	}
	return fmt.Sprintf("no digest %q; configured: %v", e.Name, e.Known)
}

// Scheduler runs the configured digests on their schedules, posts each
// window once, and previews the window in progress.
type Scheduler struct {
	cfg  Config
	log  *slog.Logger
	defs map[string]Definition

	runMu   sync.Mutex // one digest run at a time in this process
	mu      sync.Mutex
	release func() // the scheduler lock, while held
	cron    *cron.Cron
	stop    chan struct{}
	standby sync.WaitGroup
}

// New checks cfg and returns a Scheduler.
func New(cfg Config) (*Scheduler, error) {
	if cfg.Store == nil {
		return nil, errors.New("digest.New: Store is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Instance == "" {
		host, _ := os.Hostname()
		cfg.Instance = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	if cfg.StandbyRetry <= 0 {
		cfg.StandbyRetry = 30 * time.Second
	}
	if cfg.LockCheck <= 0 {
		cfg.LockCheck = 5 * time.Second
	}
	if cfg.Lease <= 0 {
		cfg.Lease = storage.DefaultDigestLease
	}
	s := &Scheduler{cfg: cfg, log: cfg.Logger, defs: map[string]Definition{}, stop: make(chan struct{})}
	for _, d := range cfg.Digests {
		switch {
		case d.Name == "" || d.Schedule == nil || d.Channel == "":
			return nil, fmt.Errorf("digest.New: digest %q needs a name, a schedule and a channel", d.Name)
		case d.Location == nil:
			return nil, fmt.Errorf("digest.New: digest %q has no time zone", d.Name)
		}
		d.Schedule = onceADay{Schedule: d.Schedule, loc: d.Location}
		if _, dup := s.defs[d.Name]; dup {
			return nil, fmt.Errorf("digest.New: two digests are named %q", d.Name)
		}
		s.defs[d.Name] = d
	}
	return s, nil
}

// SetPoster sets the Poster, before Start, when it is made after the
// Scheduler (the bot that posts also previews through it).
func (s *Scheduler) SetPoster(p Poster) {
	s.cfg.Poster = p
	if v, ok := p.(Visibility); ok {
		s.cfg.Visibility = v
	}
}

// Names returns the configured digests' names, sorted.
func (s *Scheduler) Names() []string {
	names := make([]string, 0, len(s.defs))
	for n := range s.defs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (s *Scheduler) definition(name string) (Definition, error) {
	if name == "" && len(s.defs) == 1 {
		for _, d := range s.defs {
			return d, nil
		}
	}
	d, ok := s.defs[name]
	if !ok {
		return Definition{}, &UnknownDigestError{Name: name, Known: s.Names()}
	}
	return d, nil
}

func (s *Scheduler) now() time.Time { return s.cfg.Now().UTC().Truncate(time.Microsecond) }

// nextStart is where the named digest's next window starts: the end of its
// last run and the marks it ran through, or for a digest never run the
// scheduled time before now and the marks of what was stored before it.
func (s *Scheduler) nextStart(ctx context.Context, d Definition, now time.Time) (time.Time, storage.Marks, error) {
	last, err := s.cfg.Store.LastDigest(ctx, d.Name)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		from := prevFire(d.Schedule, now.Add(time.Nanosecond))
		if from.IsZero() {
			from = now.Add(-24 * time.Hour)
		}
		after, err := s.cfg.Store.MarksBefore(ctx, from)
		return from, after, err
	case err != nil:
		return time.Time{}, storage.Marks{}, err
	}
	return last.WindowEnd, last.Through, nil
}

// Preview builds the named digest ("" when only one is configured) for the
// window so far: what was stored since its last run. Nothing is recorded.
func (s *Scheduler) Preview(ctx context.Context, name string) (*Report, error) {
	d, err := s.definition(name)
	if err != nil {
		return nil, err
	}
	now := s.now()
	from, after, err := s.nextStart(ctx, d, now)
	if err != nil {
		return nil, err
	}
	if !from.Before(now) {
		from = now // the clock is behind the last run's end
	}
	return Build(ctx, s.cfg.Store, d, storage.Since(after, from, now))
}

// PreviewDigest renders Preview for Slack (the bot's /factcheck digest),
// showing only the grades that may be seen in channel, where it is shown.
func (s *Scheduler) PreviewDigest(ctx context.Context, name, channel string) (text string, blocks []slack.Block, err error) {
	r, err := s.Preview(ctx, name)
	if err != nil {
		return "", nil, err
	}
	if err := s.redact(ctx, r, channel); err != nil {
		return "", nil, err
	}
	m := Render(r)
	return m.Text, m.Blocks, nil
}

// PostNow posts the named digest for the window so far and records it, so
// the next scheduled run starts where this one ends. It refuses when the
// last run is claimed and not posted and this process does not hold the
// scheduler lock (the running scheduler will resume that run).
func (s *Scheduler) PostNow(ctx context.Context, name string) (storage.DigestRun, error) {
	d, err := s.definition(name)
	if err != nil {
		return storage.DigestRun{}, err
	}
	s.runMu.Lock()
	defer s.runMu.Unlock()
	leader := s.Leading()
	now := s.now()
	if err := s.resumeClaimed(ctx, d, leader); err != nil {
		return storage.DigestRun{}, err
	}
	from, after, err := s.nextStart(ctx, d, now)
	if err != nil {
		return storage.DigestRun{}, err
	}
	if !from.Before(now) {
		return storage.DigestRun{}, fmt.Errorf("digest %q: its last window ends at %s, after this host's clock (%s); nothing is posted now, and nothing is lost: what was graded since is in the next digest",
			d.Name, from.Format(time.RFC3339), now.Format(time.RFC3339))
	}
	return s.claimAndPost(ctx, d, from, now, after, leader)
}

// RunDue runs every digest that is due at the clock's now: a run claimed
// and never posted is posted first (a crash between claiming and
// posting), then the window from the last run's end to the latest
// scheduled time is claimed and posted, once, however many scheduled
// times it spans (runs missed while down). A digest that has never run
// starts with its next scheduled time.
func (s *Scheduler) RunDue(ctx context.Context) error {
	var errs []error
	for _, name := range s.Names() {
		errs = append(errs, s.runDue(ctx, s.defs[name], false))
	}
	return errors.Join(errs...)
}

// runDue runs one digest if it is due; fired says the schedule has just
// fired, so a digest that has never run posts its first window.
func (s *Scheduler) runDue(ctx context.Context, d Definition, fired bool) error {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	leader := s.Leading()
	if err := s.resumeClaimed(ctx, d, leader); err != nil {
		return err
	}
	now := s.now()
	last, err := s.cfg.Store.LastDigest(ctx, d.Name)
	var from time.Time
	var after storage.Marks
	switch {
	case errors.Is(err, storage.ErrNotFound):
		due := lastFireIn(d.Schedule, now.Add(-2*time.Minute), now)
		if !fired || due.IsZero() {
			return nil // nothing was missed: the first window ends at the next scheduled time
		}
		if from = prevFire(d.Schedule, due); from.IsZero() {
			from = due.Add(-24 * time.Hour)
		}
		if after, err = s.cfg.Store.MarksBefore(ctx, from); err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		// A clock set back behind the last run's end finds nothing due
		// until it passes the next scheduled time; what is graded
		// meanwhile is stored after last.Through and goes in that run.
		from, after = last.WindowEnd, last.Through
	}
	to := lastFireIn(d.Schedule, from, now)
	if to.IsZero() {
		return nil
	}
	_, err = s.claimAndPost(ctx, d, from, to.UTC(), after, leader)
	return err
}

// resumeClaimed posts the digest's last run if it was claimed and never
// posted. Only the holder of the scheduler lock resumes: the process that
// claimed it is then known to be this one or gone.
func (s *Scheduler) resumeClaimed(ctx context.Context, d Definition, leader bool) error {
	last, err := s.cfg.Store.LastDigest(ctx, d.Name)
	if errors.Is(err, storage.ErrNotFound) || err == nil && last.State == storage.DigestPosted {
		return nil
	}
	if err != nil {
		return err
	}
	if !leader {
		return fmt.Errorf("digest %q: the run for %s – %s was claimed by %s and is not posted yet; the process running the scheduler will post it",
			d.Name, last.WindowStart.Format(time.RFC3339), last.WindowEnd.Format(time.RFC3339), last.ClaimedBy)
	}
	// The run is resumed only once its claim's lease has run out (or the
	// claim is this process's): until then its owner may be posting it.
	run, ok, err := s.cfg.Store.ReclaimDigest(ctx, last.ID, s.cfg.Instance, s.cfg.Lease)
	if err != nil {
		return err
	}
	if !ok {
		if run.State == storage.DigestPosted {
			return nil
		}
		return fmt.Errorf("digest %q: the run for %s – %s is claimed by %s until %s; it is resumed after that if still not posted",
			d.Name, last.WindowStart.Format(time.RFC3339), last.WindowEnd.Format(time.RFC3339), last.ClaimedBy, last.ClaimExpires.Format(time.RFC3339))
	}
	s.log.Info("resuming digest run claimed and not posted", "digest", d.Name, "run", last.ID,
		"window_start", last.WindowStart, "window_end", last.WindowEnd, "claimed_by", last.ClaimedBy)
	return s.post(ctx, d, run, true, leader)
}

// claimAndPost claims the run of d after the marks after, shown as
// [from, to), and posts it; leader says the run began under the scheduler
// lock.
func (s *Scheduler) claimAndPost(ctx context.Context, d Definition, from, to time.Time, after storage.Marks, leader bool) (storage.DigestRun, error) {
	run, claimed, err := s.cfg.Store.ClaimDigest(ctx, storage.DigestRun{
		Name: d.Name, WindowStart: from, WindowEnd: to, After: after, ChannelID: d.Channel, ClaimedBy: s.cfg.Instance,
		ClaimExpires: s.now().Add(s.cfg.Lease),
	})
	if err != nil {
		return run, err
	}
	if !claimed {
		if run.State == storage.DigestPosted {
			s.log.Info("digest window already posted", "digest", d.Name, "run", run.ID, "ts", run.MessageTS)
			return run, nil
		}
		return run, fmt.Errorf("digest %q: the window starting %s is claimed by %s and not posted yet", d.Name, from.Format(time.RFC3339), run.ClaimedBy)
	}
	if err := s.post(ctx, d, run, false, leader); err != nil {
		return run, err
	}
	run.State = storage.DigestPosted
	return run, nil
}

// post builds and posts a claimed run and marks it posted. A resumed run
// may have been posted before the process stopped: the channel is searched
// for it first. A post that has started is finished even when ctx ends
// (shutdown): cancelling it half way could leave a message in Slack that
// storage does not know of. A run begun under the scheduler lock (leader)
// posts only if the lock is still held when the post goes.
func (s *Scheduler) post(ctx context.Context, d Definition, run storage.DigestRun, resumed, leader bool) error {
	ctx = context.WithoutCancel(ctx)
	r, err := Build(ctx, s.cfg.Store, d, run.Window())
	if err != nil {
		return err
	}
	if err := s.redact(ctx, r, d.Channel); err != nil {
		return err
	}
	ts := ""
	if !r.Empty() || d.PostEmpty {
		if s.cfg.Poster == nil {
			return fmt.Errorf("digest %q: no Slack client to post with", d.Name)
		}
		meta := runMetadata(run)
		if resumed {
			// A minute's margin for the clocks of Slack and of this host.
			ts, err = s.cfg.Poster.FindMessage(ctx, d.Channel, run.ClaimedAt.Add(-time.Minute), meta)
			var apiErr slack.SlackErrorResponse
			switch {
			case errors.As(err, &apiErr):
				s.log.Warn("cannot search the channel for an earlier post of the digest (add the channels:history and groups:history scopes); posting, which may double it",
					"digest", d.Name, "run", run.ID, "err", err)
			case err != nil:
				return fmt.Errorf("looking for an earlier post of digest %q: %w", d.Name, err)
			case ts != "":
				s.log.Info("digest was already posted; recording it", "digest", d.Name, "run", run.ID, "ts", ts)
			}
		}
		if ts == "" {
			// A leader that lost the scheduler lock posts nothing: the
			// process that took it over posts the digests now.
			if err := s.stillLeading(ctx, leader); err != nil {
				return fmt.Errorf("digest %q not posted: %w", d.Name, err)
			}
			m := Render(r)
			ts, err = s.cfg.Poster.PostMessage(ctx, d.Channel, m.Text, m.Blocks, meta)
			if err != nil {
				return fmt.Errorf("posting digest %q to %s: %w", d.Name, d.Channel, err)
			}
			if s.cfg.Observer != nil {
				s.cfg.Observer.DigestPosted(d.Name)
			}
		}
	}
	if err := s.cfg.Store.MarkDigestPosted(ctx, run.ID, d.Channel, ts); err != nil && !errors.Is(err, storage.ErrConflict) {
		return err
	}
	s.log.Info("digest run done", "digest", d.Name, "run", run.ID, "channel", d.Channel, "ts", ts,
		"window_start", run.WindowStart, "window_end", run.WindowEnd, "grades_after", run.After.Grade, "grades_through", run.Through.Grade,
		"graded", r.Counts.Total, "empty", r.Empty())
	return nil
}

// job is what cron runs for d at each scheduled time: failures are
// logged and counted here, and the run is resumed at the next scheduled
// time or start.
func (s *Scheduler) job(ctx context.Context, d Definition) func() {
	return func() {
		if err := s.runDue(ctx, d, true); err != nil {
			s.runFailed(d, err)
		}
	}
}

func (s *Scheduler) runFailed(d Definition, err error) {
	if s.cfg.Observer != nil {
		s.cfg.Observer.DigestFailed(d.Name)
	}
	s.log.Error("digest run failed; it is resumed at the next scheduled time or start", "digest", d.Name, "err", err)
}

// Leading reports whether this process holds the scheduler lock.
func (s *Scheduler) Leading() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.release != nil
}

// lead takes the scheduler lock if it is free.
func (s *Scheduler) lead(ctx context.Context) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.release != nil {
		return true, nil
	}
	release, ok, err := s.cfg.Store.TryLock(ctx, LockName)
	if err != nil || !ok {
		return false, err
	}
	s.release = release
	return true, nil
}

// Lead takes the scheduler lock for a process that runs digests without
// the scheduler (factgrade digest --post), so it may resume a claimed run;
// it reports false when another process holds it.
func (s *Scheduler) Lead(ctx context.Context) (bool, error) { return s.lead(ctx) }

// Start takes the scheduler lock, catches up (a run claimed and not
// posted, runs missed while down) and starts the cron runner. When another
// process holds the lock it returns *LockedError, or with Standby waits for
// the lock in the background and starts then. ctx bounds the catch-up
// only; Stop stops the scheduler.
func (s *Scheduler) Start(ctx context.Context) error {
	if len(s.defs) == 0 {
		return nil
	}
	ok, err := s.lead(ctx)
	if err != nil {
		return fmt.Errorf("starting the digest scheduler: %w", err)
	}
	if !ok && !s.cfg.Standby {
		return &LockedError{Why: "run one factgrade serve per SQLite database (or use PostgreSQL for several replicas); this one serves Slack without posting digests"}
	}
	if !ok {
		s.log.Info("another replica runs the digest scheduler; standing by", "retry_every", s.cfg.StandbyRetry)
		s.standBy()
		return nil
	}
	s.begin(ctx)
	return nil
}

// standBy tries to take the scheduler lock every StandbyRetry, in the
// background, and begins when it has it.
func (s *Scheduler) standBy() {
	s.standby.Add(1)
	go func() {
		defer s.standby.Done()
		t := time.NewTicker(s.cfg.StandbyRetry)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
			}
			ok, err := s.lead(context.Background())
			if err != nil {
				s.log.Warn("taking the digest scheduler lock", "err", err)
			}
			if ok {
				s.log.Info("took over the digest scheduler")
				s.begin(context.Background())
				return
			}
		}
	}()
}

// stillLeading asks the database whether this process still holds the
// scheduler lock, for work begun under it (leader); a lock found lost (or
// that cannot be confirmed) stops the scheduler (abdicate) and is an
// error. Work begun without the lock (PostNow from the CLI) is not asked.
func (s *Scheduler) stillLeading(ctx context.Context, leader bool) error {
	if !leader {
		return nil
	}
	if !s.Leading() {
		return errors.New("this process no longer holds the digest scheduler lock")
	}
	held, err := s.cfg.Store.Holds(ctx, LockName)
	if held && err == nil {
		return nil
	}
	s.abdicate(err)
	return errors.New("this process lost the digest scheduler lock")
}

// watch checks every LockCheck that the scheduler lock is still held, and
// abdicates when it is not, until the scheduler stops or abdicates.
func (s *Scheduler) watch(c *cron.Cron) {
	t := time.NewTicker(s.cfg.LockCheck)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		s.mu.Lock()
		current := s.cron == c
		s.mu.Unlock()
		if !current {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), s.cfg.LockCheck)
		err := s.stillLeading(ctx, true)
		cancel()
		if err != nil {
			return
		}
	}
}

// abdicate stops the schedule of a leader that lost the scheduler lock
// (its database session ended: a PostgreSQL restart, a terminated
// session): whoever took the lock over posts the digests now. With
// Standby the process stands by to take the lock again.
func (s *Scheduler) abdicate(cause error) {
	s.mu.Lock()
	if s.release == nil {
		s.mu.Unlock()
		return
	}
	release, c := s.release, s.cron
	s.release, s.cron = nil, nil
	stopped := false
	select {
	case <-s.stop:
		stopped = true
	default:
	}
	s.mu.Unlock()
	release()
	if c != nil {
		c.Stop() // a run in progress checks the lock again before it posts
	}
	if s.cfg.Observer != nil {
		s.cfg.Observer.SchedulerLockLost()
	}
	s.log.Error("lost the digest scheduler lock (its database session ended); stopped posting digests", "err", cause, "standby", s.cfg.Standby)
	if s.cfg.Standby && !stopped {
		s.standBy()
	}
}

// begin catches up and starts cron; the caller holds the lock.
func (s *Scheduler) begin(ctx context.Context) {
	for _, name := range s.Names() {
		d := s.defs[name]
		if err := s.runDue(ctx, d, false); err != nil {
			s.runFailed(d, err)
		}
	}
	logger := cronLogger{s.log}
	c := cron.New(cron.WithLogger(logger), cron.WithChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)))
	runCtx := context.Background()
	for _, name := range s.Names() {
		d := s.defs[name]
		// The schedule is already in the digest's zone (CRON_TZ), so cron's
		// own location, the container's, plays no part.
		c.Schedule(d.Schedule, cron.FuncJob(s.job(runCtx, d)))
	}
	s.mu.Lock()
	select {
	case <-s.stop: // stopped while catching up
		s.mu.Unlock()
		return
	default:
	}
	s.cron = c
	s.mu.Unlock()
	c.Start()
	go s.watch(c)
	for _, name := range s.Names() {
		s.log.Info("digest scheduled", "digest", name, "next", s.defs[name].Schedule.Next(s.cfg.Now()).Format(time.RFC3339))
	}
}

// Stop stops the scheduler, waits for a running digest to finish (until
// ctx is done) and releases the scheduler lock.
func (s *Scheduler) Stop(ctx context.Context) error {
	s.mu.Lock()
	select {
	case <-s.stop:
		s.mu.Unlock()
		return nil
	default:
	}
	close(s.stop)
	c := s.cron
	s.mu.Unlock()
	s.standby.Wait()
	if c != nil {
		select {
		case <-c.Stop().Done():
		case <-ctx.Done():
			// The run finishes on its own; the lock goes with the store.
			return fmt.Errorf("stopping the digest scheduler: a digest run is still going: %w", ctx.Err())
		}
	}
	s.runMu.Lock() // a catch-up or PostNow in progress
	defer s.runMu.Unlock()
	s.mu.Lock()
	if s.release != nil {
		s.release()
		s.release = nil
	}
	s.mu.Unlock()
	return nil
}

// cronLogger writes cron's messages (a recovered panic, a skipped run) to slog.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
