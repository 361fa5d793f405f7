// Command factgrade-load measures how fast factgrade acknowledges slash
// commands under load, and checks that every acknowledged command was
// graded and posted exactly once. It starts a fake Slack, starts
// 'factgrade serve' as a child process on loopback pointed at it (HTTP
// mode, SQLite in a temporary directory, the rule judge, or the hybrid
// judge against a fake OpenAI-compatible model started here), and sends
// signed /factcheck commands at a fixed rate for a bounded time, spread
// over many channels; with -burst and -burst-every it also sends bursts of
// commands all at once on top of the steady rate. In the same run and at
// the same times it sends the same requests to a bare net/http handler, so
// the report can compare factgrade's acknowledgement latency with the floor
// of the machine; with -bare-process, also to a bare handler in a process
// of its own (this program started again), which the kernel must wake and
// schedule as it does factgrade, where the first shares the sending
// process's busy threads.
//
// The fakes can be slow and fail: -slack-latency holds every chat.* call
// back, -slack-errors fails a share of chat.postMessage calls (HTTP 429
// with Retry-After, 429 without, 500, in turn), -model-latency holds every
// model answer back and -model-errors answers a share of them with HTTP
// 500 or 429 (with Retry-After), in turn.
//
// At the end it waits for every accepted command's reply and checks each
// was posted to the fake Slack exactly once; reads the server's own
// acknowledgement times from its /metrics; stops the server with SIGTERM;
// and reads its database to check that each accepted command was stored
// once, graded and recorded as posted, and that nothing is left
// unfinished. It exits 1 when a check fails.
//
// With -replicas N (and -postgres URL) it starts N servers on one fresh
// PostgreSQL schema and sends the commands to them in turn, as a
// round-robin load balancer would, and reports what each acknowledged and
// posted. With -stalled N it instead opens N connections that send part
// of a request and stall, and reports the server's memory before, during
// and after, and how the commands sent meanwhile were acknowledged.
//
// Usage:
//
//	go build -o /tmp/factgrade ./cmd/factgrade
//	go run ./cmd/factgrade-load -factgrade /tmp/factgrade -rate 200 -duration 60s
//	go run ./cmd/factgrade-load -factgrade /tmp/factgrade -rate 200 -duration 20s -burst 400 -burst-every 5s -slack-errors 0.05
//	go run ./cmd/factgrade-load -factgrade /tmp/factgrade -judge hybrid -model-latency 2s -model-errors 0.1 -workers 64
//	go run ./cmd/factgrade-load -factgrade /tmp/factgrade -replicas 3 -postgres "$FACTGRADE_TEST_POSTGRES_URL"
//	go run ./cmd/factgrade-load -factgrade /tmp/factgrade -stalled 2000 -stall-for 20s -rate 10
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/config"
	"github.com/factgrade/factgrade/storage/storagetest"
)

const (
	secret   = "load-signing-secret-0123456789abcdef"
	botToken = "xoxb-load-token"
)

func main() {
	if os.Getenv(bareChildEnv) == "1" {
		if err := serveBareChild(); err != nil {
			fmt.Fprintf(os.Stderr, "factgrade-load: bare handler: %v\n", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "factgrade-load: %v\n", err)
		os.Exit(1)
	}
}

type options struct {
	bin          string
	rate         int
	duration     time.Duration
	burst        int
	burstEvery   time.Duration
	channels     int
	workers      int
	queue        int
	settle       time.Duration
	judge        string
	modelLatency time.Duration
	modelErrors  float64
	slackLatency time.Duration
	slackErrors  float64
	stalled      int
	stallFor     time.Duration
	replicas     int
	postgres     string
	bareProcess  bool
}

func parseOptions(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("factgrade-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.bin, "factgrade", "", "path of a built factgrade binary to start (go build -o /tmp/factgrade ./cmd/factgrade)")
	fs.IntVar(&o.rate, "rate", 200, "requests per second")
	fs.DurationVar(&o.duration, "duration", 60*time.Second, "how long to send")
	fs.IntVar(&o.burst, "burst", 0, "commands sent all at once every -burst-every, on top of -rate (0: no bursts)")
	fs.DurationVar(&o.burstEvery, "burst-every", 0, "how often to send a burst while sending (0: no bursts)")
	fs.IntVar(&o.channels, "channels", 400, "channels to spread the commands over (Slack paces posts to one channel at 1/s)")
	fs.IntVar(&o.workers, "workers", 4, "FACTGRADE_WORKERS of the server")
	fs.IntVar(&o.queue, "queue", 100000, "FACTGRADE_QUEUE_SIZE of the server")
	fs.DurationVar(&o.settle, "settle", 60*time.Second, "how long to wait for the last replies after sending")
	fs.StringVar(&o.judge, "judge", "rules", "FACTGRADE_JUDGE of the server: rules, or hybrid against a fake OpenAI-compatible server started here")
	fs.DurationVar(&o.modelLatency, "model-latency", 2*time.Second, "how long the fake model takes to answer (-judge hybrid)")
	fs.Float64Var(&o.modelErrors, "model-errors", 0, "share (0 to 1) of model calls answered at once with HTTP 500 or 429, in turn (-judge hybrid)")
	fs.DurationVar(&o.slackLatency, "slack-latency", 0, "how long the fake Slack takes to answer every chat.* call")
	fs.Float64Var(&o.slackErrors, "slack-errors", 0, "share (0 to 1) of chat.postMessage calls the fake Slack fails: HTTP 429 with Retry-After: 1, 429 without, 500, in turn")
	fs.IntVar(&o.replicas, "replicas", 1, "how many 'factgrade serve' processes to start on one database (more than one needs -postgres); commands go to them in turn, as a round-robin load balancer sends them")
	fs.StringVar(&o.postgres, "postgres", "", "PostgreSQL URL: the servers use a fresh schema in this database, dropped at the end (default: SQLite in a temporary directory; FACTGRADE_TEST_POSTGRES_URL is a good value)")
	fs.IntVar(&o.stalled, "stalled", 0, "instead of the load: open this many connections that send part of a request and stall, hold them -stall-for, send commands at -rate meanwhile, and report the server's memory before, during and after")
	fs.BoolVar(&o.bareProcess, "bare-process", false, "also send each steady command to a bare handler in a process of its own (this program started again, with factgrade's HTTP server settings), and report it beside the bare handler in this process")
	fs.DurationVar(&o.stallFor, "stall-for", 20*time.Second, "how long -stalled holds its connections")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	var probs []string
	if o.bin == "" {
		probs = append(probs, "-factgrade PATH is needed")
	}
	if o.rate <= 0 || o.duration <= 0 || o.channels <= 0 {
		probs = append(probs, "-rate, -duration and -channels must be positive")
	}
	if o.judge != "rules" && o.judge != "hybrid" {
		probs = append(probs, "-judge must be rules or hybrid")
	}
	if o.burst < 0 || o.burstEvery < 0 || (o.burst > 0) != (o.burstEvery > 0) {
		probs = append(probs, "-burst and -burst-every go together, both positive (or both 0: no bursts)")
	}
	if o.slackErrors < 0 || o.slackErrors > 1 || o.modelErrors < 0 || o.modelErrors > 1 {
		probs = append(probs, "-slack-errors and -model-errors are shares from 0 to 1")
	}
	if o.slackLatency < 0 || o.modelLatency < 0 {
		probs = append(probs, "-slack-latency and -model-latency must not be negative")
	}
	if o.replicas < 1 || (o.replicas > 1 && o.postgres == "") {
		probs = append(probs, "-replicas must be at least 1, and more than one share a -postgres database")
	}
	if o.stalled < 0 || (o.stalled > 0 && o.stallFor <= 0) {
		probs = append(probs, "-stalled must not be negative, and -stall-for must be positive with it")
	}
	if len(probs) > 0 {
		fs.Usage()
		return o, errors.New(strings.Join(probs, "; "))
	}
	return o, nil
}

// slackFaults are what a failing chat.postMessage answers, in turn.
var slackFaults = []slacktest.Fault{
	{Status: http.StatusTooManyRequests, RetryAfter: "1"},
	{Status: http.StatusTooManyRequests},
	{Status: http.StatusInternalServerError},
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	o, err := parseOptions(args, stderr)
	if err != nil {
		return err
	}

	fake := slacktest.NewServer(botToken, "")
	defer fake.Close()
	fake.SetDelay(o.slackLatency)
	fake.SetFaultRate("chat.postMessage", o.slackErrors, slackFaults...)
	dir, err := os.MkdirTemp("", "factgrade-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	dbURL := ""
	if o.postgres != "" {
		var drop func() error
		// A schema of the run's own: runs and tests sharing the database
		// never see each other's rows.
		if dbURL, drop, err = storagetest.NewSchema(ctx, o.postgres, "factgrade_load", nil); err != nil {
			return fmt.Errorf("-postgres: %w", err)
		}
		defer func() {
			if derr := drop(); derr != nil {
				fmt.Fprintf(stderr, "dropping the run's schema: %v\n", derr)
			}
		}()
	}
	env := append(os.Environ(),
		"SLACK_BOT_TOKEN="+botToken, "SLACK_SIGNING_SECRET="+secret, "SLACK_API_URL="+fake.APIURL(),
		"DATABASE_URL="+dbURL, "DATABASE_URL_FILE=", "FACTGRADE_JUDGE=rules", "FACTGRADE_REPLY=channel",
		fmt.Sprintf("FACTGRADE_WORKERS=%d", o.workers), fmt.Sprintf("FACTGRADE_QUEUE_SIZE=%d", o.queue), "FACTGRADE_LOG_LEVEL=warn",
		// One load user sends hundreds a second: the per-person and
		// per-channel limits would refuse all but the first.
		"FACTGRADE_USER_LIMIT=0", "FACTGRADE_CHANNEL_LIMIT=0")
	if o.judge == "hybrid" {
		model, err := startModel(o.modelLatency, o.modelErrors)
		if err != nil {
			return err
		}
		defer model.Close()
		env = append(env, "FACTGRADE_JUDGE=hybrid", "OPENAI_BASE_URL="+model.URL, "OPENAI_MODEL=gpt-4o-mini", "OPENAI_API_KEY=sk-load-fake")
	}
	var srvs []*replica
	defer func() {
		for _, r := range srvs {
			r.kill() // on every early return; a no-op once stopped
			if tail := r.logTail(30); err != nil && tail != "" {
				fmt.Fprintf(stderr, "%s log, last lines:\n%s", r.name, tail)
			}
		}
	}()
	for i := range o.replicas {
		r, err := startReplica(o.bin, env, dir, i, o.replicas)
		if err != nil {
			return err
		}
		srvs = append(srvs, r)
	}
	for _, r := range srvs {
		if err := r.waitReady(ctx, "http://"+r.addr+"/readyz"); err != nil {
			return fmt.Errorf("%s: %w", r.name, err)
		}
	}
	if o.stalled > 0 {
		srv := srvs[0]
		ok := runStalled(ctx, o, srv.addr, srv.pid(), srv.commandsURL(), stdout)
		if _, err := srv.stop(30 * time.Second); err != nil {
			return fmt.Errorf("the server did not stop cleanly on SIGTERM: %w", err)
		}
		if !ok {
			return errors.New("not every command sent during the stall was acknowledged")
		}
		return nil
	}

	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	var urls []string
	for _, r := range srvs {
		r.mem = watch(watchCtx, r.pid(), r.metricsURL())
		urls = append(urls, r.commandsURL())
	}
	bare, bareURL, err := startBare()
	if err != nil {
		return err
	}
	defer bare.Close()
	bareProcURL := ""
	if o.bareProcess {
		var stopBare func()
		if bareProcURL, stopBare, err = startBareProcess(); err != nil {
			return err
		}
		defer stopBare()
	}

	where := srvs[0].addr
	if len(srvs) > 1 {
		where = fmt.Sprintf("%d replicas on one PostgreSQL schema, in turn", len(srvs))
	}
	fmt.Fprintf(stdout, "sending %d req/s for %s to factgrade (%s, %d workers each) and to a bare net/http handler, over %d channels\n", o.rate, o.duration, where, o.workers, o.channels)
	if o.burst > 0 {
		fmt.Fprintf(stdout, "plus bursts of %d commands sent at once every %s\n", o.burst, o.burstEvery)
	}
	if o.slackLatency > 0 || o.slackErrors > 0 {
		fmt.Fprintf(stdout, "fake Slack: every chat.* call takes %s; %.1f%% of chat.postMessage calls fail (429 with Retry-After, 429 without, 500, in turn)\n", o.slackLatency, 100*o.slackErrors)
	}
	if o.judge == "hybrid" {
		fmt.Fprintf(stdout, "fake model: answers in %s; %.1f%% of calls fail at once (500, 429 with Retry-After, in turn)\n", o.modelLatency, 100*o.modelErrors)
	}
	l := newLoad(o, urls, bareURL)
	l.bareProcURL = bareProcURL
	l.run(ctx)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted while sending: %w", err)
	}
	sent, start := l.sent(), l.start
	fmt.Fprintf(stdout, "sent %d commands in %s (%.0f req/s)\n", sent, time.Since(start).Round(time.Millisecond), float64(sent)/time.Since(start).Seconds())
	fg, br := l.fg, l.bare
	want := fg.acceptedKeys()
	// One message may carry several replies (a burst in one channel is
	// collapsed): wait until every accepted command's reply is in one.
	for deadline := time.Now().Add(o.settle); time.Now().Before(deadline) && ctx.Err() == nil; time.Sleep(50 * time.Millisecond) {
		if checkPosts(want, fake.Calls("chat.postMessage")).missing == 0 {
			break
		}
	}
	time.Sleep(time.Second) // a double post would arrive now
	posts := fake.Calls("chat.postMessage")
	slack := checkPosts(want, posts)
	replies := repliesIn(posts)

	fmt.Fprintf(stdout, "sent %d commands; factgrade answered %d with 200 (%d of them with the busy, queued note; %d other, %d errors)\n", sent, len(want), fg.queued, fg.other, fg.errs)
	fmt.Fprintf(stdout, "factgrade ack:  %s\n", fg.summary())
	fmt.Fprintf(stdout, "bare net/http:  %s\n", br.summary())
	if o.burst > 0 {
		fmt.Fprintf(stdout, "burst ack, factgrade (%d bursts of %d): %s\n", l.bursts(), o.burst, l.fgBurst.summary())
		fmt.Fprintf(stdout, "burst ack, bare net/http:  %s\n", l.bareBurst.summary())
	}
	if b := br.pct(0.99); b > 0 {
		fmt.Fprintf(stdout, "p99 ratio factgrade/bare: %.1f\n", float64(fg.pct(0.99))/float64(b))
	}
	if bareProcURL != "" {
		// The bare handler above shares the load tool's process, whose
		// threads are busy sending; factgrade, in its own, must be woken
		// and scheduled by the kernel first, like this one.
		fmt.Fprintf(stdout, "bare net/http, own process:  %s\n", l.bareProc.summary())
		if b := l.bareProc.pct(0.99); b > 0 {
			fmt.Fprintf(stdout, "p99 ratio factgrade/bare (own process): %.1f\n", float64(fg.pct(0.99))/float64(b))
		}
	}
	fmt.Fprintf(stdout, "posted: %d replies for %d accepted commands; missing %d, posted twice %d\n", replies, len(want), slack.missing, slack.doubled)
	fmt.Fprintf(stdout, "messages: %d chat.postMessage calls carried the %d replies\n", len(posts), replies)
	fmt.Fprintf(stdout, "end to end (command sent to reply posted): %s\n", endToEnd(posts, fg).summary())
	if last := lastPost(posts); !last.IsZero() {
		fmt.Fprintf(stdout, "throughput: %d replies posted in %s (%.1f/s)\n", replies, last.Sub(start).Round(time.Millisecond), float64(replies)/last.Sub(start).Seconds())
	}
	if len(srvs) > 1 {
		for i, r := range srvs {
			fmt.Fprintf(stdout, "%s ack: %s\n", r.name, l.perReplica[i].summary())
		}
	}
	var acks ackHistogram
	var ackErr error
	for _, r := range srvs {
		h, err := serverAcks(r.metricsURL())
		if err != nil {
			ackErr = fmt.Errorf("%s: %w", r.name, err)
			break
		}
		acks = acks.add(h)
	}
	if ackErr != nil {
		fmt.Fprintf(stdout, "server-side ack: %v\n", ackErr)
	} else {
		fmt.Fprintf(stdout, "server-side ack: %s\n", acks.summary())
	}
	// Stopped together, as a deployment stops its replicas.
	memory := make([]string, len(srvs))
	took := make([]time.Duration, len(srvs))
	stopErrs := make([]error, len(srvs))
	var stopping sync.WaitGroup
	for i, r := range srvs {
		memory[i] = r.mem.summary() // before the server exits and its /proc entry goes
		stopping.Go(func() { took[i], stopErrs[i] = r.stop(30 * time.Second) })
	}
	stopping.Wait()
	stopWatch()
	var stopErr error
	for i, r := range srvs {
		fmt.Fprintf(stdout, "%s memory: %s\n", r.name, memory[i])
		if err := stopErrs[i]; err != nil {
			stopErr = err
			fmt.Fprintf(stdout, "%s stop: SIGTERM, then %v after %s\n", r.name, err, took[i].Round(time.Millisecond))
		} else {
			fmt.Fprintf(stdout, "%s stop: exited on SIGTERM in %s\n", r.name, took[i].Round(time.Millisecond))
		}
	}
	stored, storeErr := checkStorage(ctx, dbURL, filepath.Join(dir, "server-0", config.SQLiteFile), want)
	if storeErr != nil {
		fmt.Fprintf(stdout, "storage: %v\n", storeErr)
	} else {
		fmt.Fprintf(stdout, "storage: %s\n", stored.summary())
		if last := lastPost(posts); len(srvs) > 1 && !last.IsZero() {
			took := last.Sub(start)
			for _, r := range srvs {
				n := stored.byOwner[r.name]
				fmt.Fprintf(stdout, "%s posted %d replies (%.1f/s over the %s to the last post)\n", r.name, n, float64(n)/took.Seconds(), took.Round(time.Millisecond))
			}
		}
	}
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Fprintf(stdout, "load average at the end: %s", load)
	}

	var failed []string
	if slack.missing > 0 || slack.doubled > 0 || fg.errs > 0 || fg.other > 0 {
		failed = append(failed, "not every command was acknowledged and posted exactly once")
	}
	if storeErr != nil {
		failed = append(failed, "storage could not be checked")
	} else if !stored.ok() {
		failed = append(failed, "not every acknowledged command was stored once, graded and recorded as posted")
		if stored.missing == 0 && stored.doubled == 0 && stored.unfinished > 0 {
			failed = append(failed, fmt.Sprintf("%d were stored but still unfinished when -settle %s ran out (slow, not lost)", stored.unfinished, o.settle))
		}
	}
	if stopErr != nil {
		failed = append(failed, "a server did not stop cleanly on SIGTERM")
	}
	if len(failed) > 0 {
		return errors.New(strings.Join(failed, "; "))
	}
	return nil
}
