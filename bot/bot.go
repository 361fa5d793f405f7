// Package bot is factgrade's Slack bot: the /factcheck command, the "Fact-check
// this message" shortcut, graded replies in Block Kit, disputes, the App
// Home tab, and the two transports Slack reaches it by (HTTP requests and
// Socket Mode). Transport code only verifies, parses and acknowledges; both
// transports feed the same handlers, which persist a submission before the
// acknowledgement and leave grading and posting to a bounded worker pool.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/internal/cpuslot"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// Config is what a Bot needs.
type Config struct {
	Store   storage.Store
	Rubrics *rubric.Set
	// DefaultRubric is used when neither the command nor the channel names one.
	DefaultRubric string
	Judge         rubric.Judge
	// Slack is the Web API client (slack.New with the bot token and,
	// for tests or a proxy, slack.OptionAPIURL).
	Slack  *slack.Client
	Logger *slog.Logger
	// Workers grade and post at once; QueueSize submissions may wait.
	Workers   int
	QueueSize int
	// ChannelInterval is the average time between two posts to one channel
	// (Slack allows about one message per second per channel), and
	// ChannelBurst how many may go back to back (DefaultChannelBurst).
	ChannelInterval time.Duration
	ChannelBurst    int
	// Pace, when set, keeps that budget in the database, shared by every
	// replica using it (PostgreSQL); nil keeps it in this process.
	Pace storage.Pace
	// ResumeEvery is how often unfinished submissions (a failed post, a full
	// queue, a restart) are picked up again from storage.
	ResumeEvery time.Duration
	// Observer receives metrics; nil means none.
	Observer Observer
	// SlackTimeout bounds each Web API call.
	SlackTimeout time.Duration
	// RetryBackoff is the wait before retrying a Web API call that failed
	// in a way that may pass (a 5xx, a timeout); the second retry waits
	// twice as long (DefaultRetryBackoff when zero). A post still failing
	// is tried again at the next ResumeEvery, up to its attempts, then
	// delivered another way. Tests shorten both to run the whole schedule
	// in milliseconds; 429s always wait Slack's own Retry-After.
	RetryBackoff time.Duration
	// CollapseAfter is how long after its editor asked a reply to a
	// channel may wait for its own slot there; one that would wait longer
	// goes in one message with the other replies waiting for that channel
	// (DefaultCollapseAfter when zero; negative, never).
	CollapseAfter time.Duration
	// ReplyInChannel posts grades for everyone in channels that have not
	// chosen; by default they are shown only to the editor who asked.
	ReplyInChannel bool
	// Digests answers /factcheck digest; nil means no digests are configured.
	Digests DigestPreviewer
	// Instance names this process in the claims it takes on submissions
	// (see storage.Submissions.Claim); empty is host:pid.
	Instance string
	// Editors are the desk's standards editors, Slack user ids and user
	// group ids (S…): only they and workspace admins and owners change a
	// channel's settings, and they (besides the editor who asked) may
	// dispute a grade. Empty: workspace admins and owners only.
	Editors []string
	// UserPerMinute and ChannelPerMinute limit the texts one person and
	// one channel may send for grading in a minute; more are refused with
	// a polite message saying when to try again. Zero is the default
	// (DefaultUserPerMinute, DefaultChannelPerMinute); negative, no limit.
	UserPerMinute, ChannelPerMinute int
	// ClaimLease is how long a claim on a submission lasts before another
	// process may take the submission over (DefaultClaimLease when zero).
	// It is renewed before each post.
	ClaimLease time.Duration
}

// Defaults of Config's optional fields.
const (
	DefaultWorkers         = 4
	DefaultQueueSize       = 256
	DefaultChannelInterval = time.Second
	DefaultResumeEvery     = 30 * time.Second
	DefaultSlackTimeout    = 10 * time.Second
	DefaultRetryBackoff    = time.Second
	DefaultClaimLease      = 2 * time.Minute
	// maxAttempts is how many times a submission is graded or posted before
	// it is marked failed.
	maxAttempts = 5
)

// Bot is the Slack bot. Create it with New, start its workers with Start and
// stop them with Shutdown.
type Bot struct {
	cfg   Config
	store storage.Store
	log   *slog.Logger
	obs   Observer
	slack *slack.Client

	queue    chan int64
	stop     chan struct{} // closed by Shutdown: take no more work
	mu       sync.Mutex
	inflight map[int64]bool // queued or being worked on
	// later holds the submissions waiting for their channel's pace or
	// Slack's Retry-After off the workers' hands (postLater).
	later  map[int64]*time.Timer
	slots  map[int64]*slotTaken // the channel slot each of those holds
	closed bool

	seen     *seenSet // deliveries already handled (event ids, trigger ids)
	settings settingsCache
	roles    roleCache // who is a standards editor, who is in a channel (roles.go)
	pace     *pacer
	// unrecorded holds replies posted that storage has not yet recorded.
	unrecorded postLedger
	// batches gather the replies waiting for one channel (collapse).
	batches batches
	// searches are searches for earlier posts a rate limit interrupted.
	searches searches
	// extra are the extra copies of replies sent where factgrade cannot
	// check whether the first one arrived (at most one each).
	extra extraCopies
	// writes are grades storage refused to save, kept for the retry.
	writes writeFailures
	// rejectLog limits the log lines of requests refused unverified.
	rejectLog logLimiter
	// limits are the per-user and per-channel submission limits.
	limits submitLimits
	// cpu bounds how many workers do CPU work at once (storage, grading,
	// rendering, posting: all of process) to one fewer than the cores, so
	// that acknowledging Slack's requests always finds a core (a worker
	// waiting on the model, Slack, a timer or the database holds no slot).
	cpu *cpuslot.Gate
	// spilled is set when a submission was stored but not queued (the
	// queue was full); refill asks the resumer to queue such submissions
	// as soon as the queue has room.
	spilled atomic.Bool
	refill  chan struct{}

	startedAt  time.Time // submissions made before may have been posted by an earlier process
	workCtx    context.Context
	cancelWork context.CancelFunc
	// halted ends when Shutdown's grace runs out: background tasks stop
	// waiting on Slack's pace or Retry-After then.
	halted context.Context
	halt   context.CancelFunc
	wg     sync.WaitGroup
	bg     sync.WaitGroup // App Home publishes and thread replies
}

// New returns a Bot; call Start to start grading.
func New(cfg Config) (*Bot, error) {
	if cfg.Store == nil || cfg.Rubrics == nil || cfg.Judge == nil || cfg.Slack == nil {
		return nil, errors.New("bot.New: Store, Rubrics, Judge and Slack are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = DefaultWorkers
	}
	if cfg.QueueSize <= 0 {
		cfg.QueueSize = DefaultQueueSize
	}
	if cfg.ChannelInterval == 0 {
		cfg.ChannelInterval = DefaultChannelInterval
	}
	if cfg.ChannelBurst <= 0 {
		cfg.ChannelBurst = DefaultChannelBurst
	}
	if cfg.ResumeEvery <= 0 {
		cfg.ResumeEvery = DefaultResumeEvery
	}
	if cfg.CollapseAfter == 0 {
		cfg.CollapseAfter = DefaultCollapseAfter
	}
	if cfg.RetryBackoff <= 0 {
		cfg.RetryBackoff = DefaultRetryBackoff
	}
	if cfg.SlackTimeout <= 0 {
		cfg.SlackTimeout = DefaultSlackTimeout
	}
	if cfg.Observer == nil {
		cfg.Observer = nopObserver{}
	}
	if cfg.Instance == "" {
		host, _ := os.Hostname()
		cfg.Instance = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	if cfg.ClaimLease <= 0 {
		cfg.ClaimLease = DefaultClaimLease
	}
	if cfg.UserPerMinute == 0 {
		cfg.UserPerMinute = DefaultUserPerMinute
	}
	if cfg.ChannelPerMinute == 0 {
		cfg.ChannelPerMinute = DefaultChannelPerMinute
	}
	if _, ok := cfg.Rubrics.Get(cfg.DefaultRubric); !ok && cfg.DefaultRubric != "" {
		return nil, fmt.Errorf("bot.New: default rubric %q is not loaded; loaded: %v", cfg.DefaultRubric, cfg.Rubrics.IDs())
	}
	b := &Bot{
		cfg:      cfg,
		store:    cfg.Store,
		log:      cfg.Logger,
		obs:      cfg.Observer,
		slack:    cfg.Slack,
		queue:    make(chan int64, cfg.QueueSize),
		stop:     make(chan struct{}),
		inflight: make(map[int64]bool),
		seen:     newSeenSet(10 * time.Minute),
		pace:     newPacer(cfg.ChannelInterval, cfg.ChannelBurst, cfg.Pace),
		refill:   make(chan struct{}, 1),
		cpu:      cpuslot.New(runtime.GOMAXPROCS(0) - 1),
		limits:   submitLimits{perUser: cfg.UserPerMinute, perChan: cfg.ChannelPerMinute},
	}
	b.halted, b.halt = context.WithCancel(context.Background())
	var lastWarn atomic.Int64
	b.pace.onShared = func(err error) {
		// The database is what replicas share; without it each paces
		// alone. Said once a minute, not on every post.
		if now := time.Now().Unix(); now-lastWarn.Load() >= 60 {
			lastWarn.Store(now)
			b.log.Warn("shared pacing unavailable; this replica paces its posts alone", "err", err)
		}
	}
	return b, nil
}

// Start starts the workers and the resumer, which first picks up what a
// previous run left unfinished. Work stops when ctx is cancelled or
// Shutdown is called.
func (b *Bot) Start(ctx context.Context) {
	b.workCtx, b.cancelWork = context.WithCancel(ctx)
	b.startedAt = time.Now()
	for i := 0; i < b.cfg.Workers; i++ {
		b.wg.Add(1)
		go func() {
			defer b.wg.Done()
			b.work(b.workCtx)
		}()
	}
	started := time.Now()
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		b.resume(b.workCtx, started)
	}()
}

// Shutdown stops taking new work and waits for the submissions being graded
// or posted to finish, until ctx is done; then it cancels them. Submissions
// still queued stay in storage and are resumed at the next start.
func (b *Bot) Shutdown(ctx context.Context) error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil
	}
	b.closed = true
	close(b.stop)
	b.mu.Unlock()
	b.releaseLater()

	done := make(chan struct{})
	go func() {
		b.wg.Wait()
		b.bg.Wait()
		close(done)
	}()
	select {
	case <-done:
		b.cancelWork()
		b.halt()
		return nil
	case <-ctx.Done():
		b.cancelWork()
		b.halt()
		<-done
		return fmt.Errorf("bot shutdown: in-flight work cancelled: %w", ctx.Err())
	}
}

// enqueue hands submission id to the workers unless it is already queued or
// being worked on. It reports false when the queue is full or closed; the
// submission then stays in storage for the resumer.
func (b *Bot) enqueue(id int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	if b.inflight[id] {
		return true
	}
	select {
	case b.queue <- id:
		b.inflight[id] = true
		b.obs.QueueDepth(len(b.queue))
		return true
	default:
		return false
	}
}

// queueFull reports whether new submissions must wait in storage for now.
func (b *Bot) queueFull() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.closed || len(b.queue) >= cap(b.queue)
}

// isInflight reports whether submission id is queued or being worked on.
func (b *Bot) isInflight(id int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.inflight[id]
}

func (b *Bot) done(id int64) {
	b.mu.Lock()
	delete(b.inflight, id)
	b.mu.Unlock()
}

// startBackground counts one more background task for Shutdown to wait
// for, and reports false (counting nothing) once Shutdown has begun.
func (b *Bot) startBackground() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	b.bg.Add(1)
	return true
}

// goBackground runs f in the background with its own timeout; Shutdown
// waits for it.
func (b *Bot) goBackground(name string, f func(ctx context.Context) error) {
	if !b.startBackground() {
		return
	}
	go func() {
		defer b.bg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), 3*b.cfg.SlackTimeout)
		defer cancel()
		// Its waits before a Slack call end with the timeout or when
		// Shutdown's grace runs out, whichever comes first.
		wctx, wcancel := context.WithCancel(ctx)
		defer wcancel()
		defer context.AfterFunc(b.halted, wcancel)()
		if err := f(withWaits(ctx, wctx)); err != nil {
			b.log.Warn("background task failed", "task", name, "err", err)
		}
	}()
}

// seenSet remembers keys for a while, to drop Slack's retries of deliveries
// that have no row in storage (button clicks, events).
type seenSet struct {
	mu   sync.Mutex
	ttl  time.Duration
	keys map[string]time.Time
}

func newSeenSet(ttl time.Duration) *seenSet {
	return &seenSet{ttl: ttl, keys: make(map[string]time.Time)}
}

// firstTime records key and reports whether it was not seen within the TTL.
func (s *seenSet) firstTime(key string) bool {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.keys[key]; ok && now.Sub(t) < s.ttl {
		return false
	}
	if len(s.keys) > 10000 {
		for k, t := range s.keys {
			if now.Sub(t) >= s.ttl {
				delete(s.keys, k)
			}
		}
	}
	s.keys[key] = now
	return true
}
