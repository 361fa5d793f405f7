package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/config"
	"github.com/factgrade/factgrade/digest"
	"github.com/factgrade/factgrade/metrics"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/storagedb"
)

const serveUsage = `Usage: factgrade serve

Runs the Slack bot. Settings come from the environment (see
'factgrade config check'): SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET for
HTTP mode (Slack posts to /slack/commands, /slack/interactivity and
/slack/events on FACTGRADE_ADDR), or SLACK_APP_TOKEN for Socket Mode.
/livez, /readyz and /metrics are served on FACTGRADE_ADDR in both modes.
SIGTERM or Ctrl-C drains first: /readyz answers 503 while requests are
still served for FACTGRADE_SHUTDOWN_DRAIN, then factgrade stops accepting
and finishes the work in flight within FACTGRADE_SHUTDOWN_GRACE.`

// runServe runs 'factgrade serve' until ctx is cancelled (SIGTERM).
func runServe(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprintln(e.stderr, serveUsage) }
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve takes no arguments; it reads its settings from the environment")
	}
	m := &Main{Getenv: e.getenv, ReadFile: os.ReadFile, LogOutput: e.stderr}
	if err := m.Run(ctx); err != nil {
		m.Close()
		return err
	}
	<-ctx.Done()
	m.Drain(context.Background())
	return m.Close()
}

// Main is the factgrade server: the Slack bot, its HTTP listener with the
// operations endpoints, and the Socket Mode connection when configured.
// Run starts it and returns; Close shuts it down. Tests start it on port 0
// with a temporary database.
type Main struct {
	Getenv    func(string) string
	ReadFile  func(string) ([]byte, error)
	LogOutput io.Writer
	// ChannelInterval overrides the pacing of posts to one channel (the
	// load tool spreads its load over many channels instead); 0 keeps
	// Slack's one per second.
	ChannelInterval time.Duration

	Config  *config.Config
	Log     *slog.Logger
	Metrics *metrics.Metrics

	store    storage.Store
	rubrics  *rubric.Set
	bot      *bot.Bot
	digests  *digest.Scheduler
	socket   *bot.SocketMode
	server   *http.Server
	listener net.Listener
	cancel   context.CancelFunc
	stopSock context.CancelFunc
	served   sync.WaitGroup
	closing  chan struct{}
	// api is the bot's Web API client; token is the last auth.test of its
	// token (start-up, then /readyz at most once a minute).
	api      *slack.Client
	token    tokenCheck
	closeErr error
	once     sync.Once
	draining sync.Once
}

// Run reads and checks the settings, opens the database (migrating it),
// loads the rubrics and the judge, starts the workers (which resume what a
// previous run left unfinished), then listens. It returns once everything
// is up.
func (m *Main) Run(ctx context.Context) (err error) {
	m.closing = make(chan struct{})
	cfg, err := config.Load(m.Getenv, m.ReadFile)
	if err != nil {
		return configError(err)
	}
	m.Config = cfg
	out := m.LogOutput
	if out == nil {
		out = io.Discard
	}
	m.Log = cfg.Logger(out)
	if w := goVersionWarning(goVersion()); w != "" {
		m.Log.Warn(w, "go", goVersion(), "want", releaseGo)
	}
	m.Metrics = metrics.New(Version)
	m.Metrics.QueueCapacity(cfg.QueueSize)

	m.rubrics, err = rubrics.Load(cfg.RubricDirs...)
	if err != nil {
		return fmt.Errorf("loading rubrics: %w", err)
	}
	if _, ok := m.rubrics.Get(cfg.DefaultRubric); !ok && cfg.DefaultRubric != "" {
		return usagef("FACTGRADE_DEFAULT_RUBRIC %q is not a loaded rubric; loaded: %v", cfg.DefaultRubric, m.rubrics.IDs())
	}
	judge, err := buildJudge(cfg, m.Log, m.Metrics)
	if err != nil {
		return err
	}
	schema := storage.MigrateSchema
	if !cfg.Migrate {
		schema = storage.CheckSchema
	}
	openCtx, cancelOpen := context.WithTimeout(ctx, 30*time.Second)
	m.store, err = storagedb.Open(openCtx, cfg.Database, storage.Options{Schema: schema, Logger: m.Log})
	cancelOpen()
	if err != nil {
		return err
	}

	var previewer bot.DigestPreviewer
	if len(cfg.Digests) > 0 {
		m.digests, err = digest.New(digest.Config{
			Store: m.store, Digests: digestDefinitions(cfg), Logger: m.Log, Observer: m.Metrics,
			// Replicas sharing PostgreSQL wait for the scheduler lock; a
			// second instance on one SQLite file says why it does not run.
			Standby: cfg.Database.Driver == config.Postgres,
			// One name and one lease for every claim this process takes;
			// a standby asks for the lock, and a leader checks it still
			// holds it, several times per lease.
			Instance: cfg.Instance, Lease: cfg.ClaimLease,
			StandbyRetry: min(30*time.Second, cfg.ClaimLease/4),
			LockCheck:    min(5*time.Second, cfg.ClaimLease/4),
		})
		if err != nil {
			return err
		}
		previewer = m.digests
	}

	// A worker posting a reply holds a CPU slot (bot): it gives it back
	// while Slack answers.
	httpClient := slotClient(cfg.Workers, 30*time.Second)
	opts := []slack.Option{slack.OptionAPIURL(cfg.Slack.APIURL), slack.OptionHTTPClient(httpClient)}
	m.api = slack.New(cfg.Slack.BotToken.Reveal(), opts...)
	// A wrong token is an error now, not at the first reply. Slack out of
	// reach is not: submissions are stored and posted once it answers.
	if err := m.token.check(ctx, m.api, 0); errors.Is(err, bot.ErrTokenRefused) {
		return usagef("SLACK_BOT_TOKEN: %v; put the app's Bot User OAuth Token (xoxb-…, OAuth & Permissions) there, and reinstall the app if it was revoked", err)
	} else if err != nil {
		m.Log.Warn("cannot reach Slack to check the bot token; starting anyway", "err", err)
	}
	m.bot, err = bot.New(bot.Config{
		Store: m.store, Rubrics: m.rubrics, DefaultRubric: cfg.DefaultRubric, Judge: judge,
		Slack:           m.api,
		Logger:          m.Log,
		Workers:         cfg.Workers,
		QueueSize:       cfg.QueueSize,
		ChannelInterval: m.ChannelInterval,
		ReplyInChannel:  cfg.ReplyInChannel,
		Pace:            sharedPace(cfg, m.store),
		Observer:        m.Metrics,
		Digests:         previewer,
		Instance:        cfg.Instance,
		ClaimLease:      cfg.ClaimLease,
		Editors:         cfg.Editors,
		// 0 in the settings is no limit; -1 says so to the bot.
		UserPerMinute:    cmp.Or(cfg.UserLimit, -1),
		ChannelPerMinute: cmp.Or(cfg.ChannelLimit, -1),
		// Work a replica left (killed, or its claim ran out) is picked up
		// within half a lease.
		ResumeEvery: min(bot.DefaultResumeEvery, cfg.ClaimLease/2),
	})
	if err != nil {
		return err
	}
	if len(cfg.Editors) == 0 {
		m.Log.Warn("no standards editors configured: only workspace admins and owners may change a channel's settings or dispute others' grades (set FACTGRADE_STANDARDS_EDITORS)")
	}
	// The workers outlive ctx: Close stops them within the grace period.
	workCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	m.cancel = cancel
	m.bot.Start(workCtx)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /livez", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /readyz", m.readyz)
	mux.Handle("GET /metrics", m.Metrics.Handler())
	if cfg.Slack.SigningSecret.IsSet() {
		mux.Handle("/slack/", m.bot.HTTPHandler(&bot.Verifier{Secret: []byte(cfg.Slack.SigningSecret.Reveal())}))
	}
	if cfg.Slack.SocketMode() {
		api := slack.New(cfg.Slack.BotToken.Reveal(), append(opts, slack.OptionAppLevelToken(cfg.Slack.AppToken.Reveal()))...)
		m.socket = m.bot.NewSocketMode(api, socketmode.OptionLog(slog.NewLogLogger(m.Log.Handler(), slog.LevelDebug)))
		sockCtx, stop := context.WithCancel(workCtx)
		m.stopSock = stop
		m.served.Add(1)
		go func() {
			defer m.served.Done()
			m.socket.Run(sockCtx)
		}()
	}

	m.listener, err = net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening on FACTGRADE_ADDR %s: %w", cfg.Addr, err)
	}
	m.listener = newLimitListener(m.listener, maxConnections)
	m.server = &http.Server{
		Handler:           m.drainable(mux),
		MaxHeaderBytes:    maxHeaderBytes,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(m.Log.Handler(), slog.LevelWarn),
	}
	m.served.Add(1)
	go func() {
		defer m.served.Done()
		if err := m.server.Serve(m.listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.Log.Error("http server stopped", "err", err)
		}
	}()
	if m.digests != nil {
		m.digests.SetPoster(m.bot)
		// Catching up may post to Slack: it runs beside serving.
		m.served.Add(1)
		go func() {
			defer m.served.Done()
			err := m.digests.Start(workCtx)
			var locked *digest.LockedError
			switch {
			case errors.As(err, &locked):
				m.Log.Error("digests are not scheduled by this instance", "err", err)
			case err != nil:
				m.Log.Error("starting the digest scheduler", "err", err)
			}
		}()
	}
	mode := "http"
	if m.socket != nil {
		mode = "socket"
	}
	m.Log.Info("factgrade serving", "addr", m.listener.Addr().String(), "mode", mode, "database", string(cfg.Database.Driver), "judge", string(cfg.Judge), "rubrics", len(m.rubrics.IDs()), "workers", cfg.Workers, "version", Version)
	return nil
}

// Addr returns the address the server listens on (useful with port 0).
func (m *Main) Addr() string {
	if m.listener == nil {
		return ""
	}
	return m.listener.Addr().String()
}

// readyz reports whether the server can do its work: the database answers,
// rubrics are loaded, Socket Mode is connected when used, and it is not
// shutting down.
func (m *Main) readyz(w http.ResponseWriter, r *http.Request) {
	checks := map[string]string{"database": "ok", "rubrics": "ok"}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := m.store.Ping(ctx); err != nil {
		checks["database"] = "unreachable"
		m.Log.Warn("readiness: database ping failed", "err", err)
	}
	if err := m.bot.WriteFailing(); err != nil && checks["database"] == "ok" {
		// It answers, but refuses to keep grades (disk full, read-only).
		checks["database"] = "refusing writes"
		m.Log.Warn("readiness: the database refuses writes", "err", err)
	}
	if m.rubrics == nil || len(m.rubrics.IDs()) == 0 {
		checks["rubrics"] = "none loaded"
	}
	if err := m.token.check(ctx, m.api, time.Minute); errors.Is(err, bot.ErrTokenRefused) {
		checks["slack_token"] = "refused"
		m.Log.Warn("readiness: Slack refuses the bot token", "err", err)
	}
	if m.socket != nil {
		checks["socket_mode"] = "ok"
		if !m.socket.Connected() {
			checks["socket_mode"] = "disconnected"
		}
	}
	select {
	case <-m.closing:
		checks["shutdown"] = "in progress"
	default:
	}
	status := http.StatusOK
	for _, v := range checks {
		if v != "ok" {
			status = http.StatusServiceUnavailable
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(checks)
}

// Drain begins a graceful shutdown without refusing anything yet: /readyz
// answers 503 with "shutdown":"in progress", so load balancers (Kubernetes
// removes the pod from its Service's endpoints) stop sending requests, and
// for FACTGRADE_SHUTDOWN_DRAIN those that still arrive are served as usual,
// each answer closing its connection so the client reconnects elsewhere. It returns when the drain period is over or ctx is done; Close
// then stops accepting.
func (m *Main) Drain(ctx context.Context) {
	m.startClosing()
	if m.Config == nil || m.server == nil {
		return
	}
	d := m.Config.ShutdownDrain
	m.Log.Info("draining", "drain", d.String(), "grace", m.Config.ShutdownGrace.String())
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// drainable answers through h, asking the client to close the connection
// once draining has begun so that its next request opens a new one, which
// the load balancer routes elsewhere. Idle connections are left alone
// until Close: closing one while a client reuses it would fail that
// client's request.
func (m *Main) drainable(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-m.closing:
			w.Header().Set("Connection", "close")
		default:
		}
		h.ServeHTTP(w, r)
	})
}

// startClosing turns /readyz to 503 (once; Drain and Close both call it).
func (m *Main) startClosing() {
	m.draining.Do(func() {
		if m.closing != nil {
			close(m.closing)
		}
	})
}

// Close shuts down gracefully within FACTGRADE_SHUTDOWN_GRACE: it stops
// accepting requests (those being answered finish, and they store their
// submissions before answering), closes Socket Mode, stops the digest
// scheduler (waiting for a digest being posted), lets the workers finish
// the grades and posts in flight (what cannot finish stays in storage and is
// resumed at the next start), and closes the database.
func (m *Main) Close() error {
	m.once.Do(func() {
		m.startClosing()
		grace := config.DefaultShutdownGrace
		if m.Config != nil && m.Config.ShutdownGrace > 0 {
			grace = m.Config.ShutdownGrace
		}
		ctx, cancel := context.WithTimeout(context.Background(), grace)
		defer cancel()
		var errs []error
		if m.server != nil {
			errs = append(errs, m.server.Shutdown(ctx))
		}
		if m.stopSock != nil {
			m.stopSock()
		}
		if m.digests != nil {
			// A digest being posted finishes before the bot and the
			// database close; one not started is resumed at the next start.
			errs = append(errs, m.digests.Stop(ctx))
		}
		m.served.Wait()
		if m.bot != nil {
			errs = append(errs, m.bot.Shutdown(ctx))
		}
		if m.cancel != nil {
			m.cancel()
		}
		if m.store != nil {
			errs = append(errs, m.store.Close())
		}
		m.closeErr = errors.Join(errs...)
		if m.Log != nil {
			m.Log.Info("factgrade stopped", "err", m.closeErr)
		}
	})
	return m.closeErr
}

// tokenCheck remembers the outcome of the last auth.test, so /readyz asks
// Slack at most once a minute however often it is probed.
type tokenCheck struct {
	mu  sync.Mutex
	at  time.Time
	err error
}

// check runs auth.test unless one ran within maxAge, and returns its
// outcome (bot.ErrTokenRefused when Slack refuses the token; another
// error when Slack could not be reached, which readiness does not count).
func (c *tokenCheck) check(ctx context.Context, api *slack.Client, maxAge time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && time.Since(c.at) < maxAge {
		return c.err
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_, err := bot.AuthTest(ctx, api)
	c.at, c.err = time.Now(), err
	return err
}

// sharedPace is the database's pacing of Slack posts when replicas share it
// (PostgreSQL); one SQLite instance paces in memory.
func sharedPace(cfg *config.Config, s storage.Store) storage.Pace {
	if cfg.Database.Driver == config.Postgres {
		return s
	}
	return nil
}
