package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factgrade/factgrade/bot/slacktest"
)

// load sends the commands: a steady open-loop rate and, on top of it,
// bursts, each to factgrade and to the bare handler.
type load struct {
	o                  options
	client             *http.Client
	fgURLs             []string // the replicas, in turn
	bareURL            string
	bareProcURL        string    // the bare handler in its own process (-bare-process), or ""
	fg, bare           *sample   // every command
	bareProc           *sample   // the steady commands, at the bare handler in its own process
	fgBurst, bareBurst *sample   // the commands of bursts alone
	perReplica         []*sample // every command, by the replica it went to

	start   time.Time
	n       atomic.Int64 // commands made so far; command n is "load #n"
	nbursts atomic.Int64
	wg      sync.WaitGroup
}

func newLoad(o options, fgURLs []string, bareURL string) *load {
	l := &load{
		o:       o,
		client:  &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1000, MaxConnsPerHost: 0}, Timeout: 10 * time.Second},
		fgURLs:  fgURLs,
		bareURL: bareURL,
		fg:      &sample{checked: true}, bare: &sample{}, bareProc: &sample{}, fgBurst: &sample{}, bareBurst: &sample{},
	}
	for range fgURLs {
		l.perReplica = append(l.perReplica, &sample{})
	}
	return l
}

// sent returns how many commands were sent.
func (l *load) sent() int { return int(l.n.Load()) }

// bursts returns how many bursts were sent.
func (l *load) bursts() int { return int(l.nbursts.Load()) }

// run sends for the options' duration (or until ctx ends) and waits for
// every answer.
func (l *load) run(ctx context.Context) {
	l.start = time.Now()
	if l.o.burst > 0 {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			l.sendBursts(ctx)
		}()
	}
	l.sendSteady(ctx)
	l.wg.Wait()
}

// sendSteady is the open loop: request i goes at start + i/rate whatever
// the answers do.
func (l *load) sendSteady(ctx context.Context) {
	interval := time.Second / time.Duration(l.o.rate)
	total := int(l.o.duration / interval)
	for i := 0; i < total; i++ {
		if !sleepUntil(ctx, l.start.Add(time.Duration(i)*interval)) {
			return
		}
		c := l.command()
		l.wg.Add(2)
		go func() {
			defer l.wg.Done()
			if d, ok := l.fg.send(l.client, l.fgURLs[c.replica], c); ok {
				l.perReplica[c.replica].add(d)
			}
		}()
		go func() { defer l.wg.Done(); l.bare.send(l.client, l.bareURL, c) }()
		if l.bareProcURL != "" {
			l.wg.Add(1)
			go func() { defer l.wg.Done(); l.bareProc.send(l.client, l.bareProcURL, c) }()
		}
	}
}

// sendBursts sends a burst every burstEvery while the steady rate runs.
func (l *load) sendBursts(ctx context.Context) {
	for k := 1; time.Duration(k)*l.o.burstEvery < l.o.duration; k++ {
		if !sleepUntil(ctx, l.start.Add(time.Duration(k)*l.o.burstEvery)) {
			return
		}
		l.nbursts.Add(1)
		l.burst()
	}
}

// burst sends o.burst commands to factgrade and as many to the bare
// handler, each from its own goroutine, all released at the same instant
// once every request is signed.
func (l *load) burst() {
	gate := make(chan struct{})
	var ready sync.WaitGroup
	for range l.o.burst {
		c := l.command()
		for _, to := range []struct {
			s, burst, replica *sample
			url               string
		}{{l.fg, l.fgBurst, l.perReplica[c.replica], l.fgURLs[c.replica]}, {l.bare, l.bareBurst, nil, l.bareURL}} {
			ready.Add(1)
			l.wg.Add(1)
			go func() {
				defer l.wg.Done()
				req, err := c.request(to.url)
				ready.Done()
				<-gate
				if err != nil {
					to.s.fail()
					return
				}
				if d, ok := to.s.do(l.client, req, c.Text); ok {
					to.burst.add(d)
					if to.replica != nil {
						to.replica.add(d)
					}
				}
			}()
		}
	}
	ready.Wait()
	close(gate)
}

// command makes the next command, with a text and trigger id no other
// command of the run has, for the next replica in turn.
func (l *load) command() command {
	n := int(l.n.Add(1))
	return command{Slash: slacktest.Slash{
		TeamID: "T0LOAD", ChannelID: fmt.Sprintf("C%05d", n%l.o.channels), UserID: "U0LOAD",
		Text: fmt.Sprintf("China admits hacking U.S. ports, load #%d", n), TriggerID: fmt.Sprintf("load.%d", n),
	}, replica: n % max(1, len(l.fgURLs))}
}

// command is one slash command of the load, and the replica (index) it
// goes to.
type command struct {
	slacktest.Slash
	replica int
}

// request returns the command signed, to url.
func (c command) request(url string) (*http.Request, error) {
	return slacktest.SignedRequest(url, secret, slacktest.FormType, c.Body(), time.Now())
}

func sleepUntil(ctx context.Context, t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}

// sample collects acknowledgement latencies.
type sample struct {
	checked bool // factgrade's: a 200 must acknowledge the command

	mu     sync.Mutex
	lat    []time.Duration
	sent   map[string]time.Time // accepted commands: "load #N" → when it was sent
	queued int                  // acknowledged with the "busy… queued" note
	other  int
	errs   int
}

// sentAt returns when the command marked key ("load #N") was sent.
func (s *sample) sentAt(key string) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.sent[key]
	return t, ok
}

// send signs c and sends it to url; it returns how long the answer took
// and whether one came.
func (s *sample) send(client *http.Client, url string, c command) (time.Duration, bool) {
	req, err := c.request(url)
	if err != nil {
		s.fail()
		return 0, false
	}
	return s.do(client, req, c.Text)
}

// do sends req, a command with text, and records how long the answer took
// and what it was; it returns the time and whether an answer came.
func (s *sample) do(client *http.Client, req *http.Request, text string) (time.Duration, bool) {
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		s.fail()
		return 0, false
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lat = append(s.lat, d)
	if resp.StatusCode != 200 || (s.checked && !bytes.Contains(b, []byte("Grading your"))) {
		s.other++
		return d, true
	}
	if bytes.Contains(b, []byte("your submission is saved and queued")) {
		s.queued++
	}
	if key, ok := loadKey(text); s.checked && ok {
		if s.sent == nil {
			s.sent = make(map[string]time.Time)
		}
		s.sent[key] = start
	}
	return d, true
}

// add records a latency measured elsewhere.
func (s *sample) add(d time.Duration) {
	s.mu.Lock()
	s.lat = append(s.lat, d)
	s.mu.Unlock()
}

func (s *sample) fail() {
	s.mu.Lock()
	s.errs++
	s.mu.Unlock()
}

// acceptedKeys returns the marks ("load #N") of the accepted commands.
func (s *sample) acceptedKeys() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Collect(maps.Keys(s.sent))
}

func (s *sample) pct(p float64) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.lat) == 0 {
		return 0
	}
	sort.Slice(s.lat, func(i, j int) bool { return s.lat[i] < s.lat[j] })
	return s.lat[min(len(s.lat)-1, int(p*float64(len(s.lat))))]
}

func (s *sample) summary() string {
	return fmt.Sprintf("n=%d p50=%s p99=%s max=%s", len(s.lat), ms(s.pct(0.5)), ms(s.pct(0.99)), ms(s.pct(1)))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }

// startBare serves a bare net/http handler that reads the body and answers
// with a small JSON, like an acknowledgement that does no work.
func startBare() (*http.Server, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	srv := &http.Server{Handler: bareHandler}
	go srv.Serve(ln)
	return srv, "http://" + ln.Addr().String() + "/slack/commands", nil
}
