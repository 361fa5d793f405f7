// Command factgrade-load measures how fast factgrade acknowledges slash
// commands under load. It starts a fake Slack, starts 'factgrade serve' as a
// child process on loopback pointed at it (HTTP mode, SQLite, rule judge),
// and sends signed /factcheck commands at a fixed rate for a bounded time,
// spread over many channels. In the same run and at the same rate it sends
// the same requests to a bare net/http handler, so the report can compare
// factgrade's acknowledgement latency with the floor of the machine. At the
// end it waits for every accepted command's reply and checks each was
// posted to the fake Slack exactly once.
//
// Usage:
//
//	go build -o /tmp/factgrade ./cmd/factgrade
//	go run ./cmd/factgrade-load -factgrade /tmp/factgrade -rate 200 -duration 60s
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

const (
	secret   = "load-signing-secret-0123456789abcdef"
	botToken = "xoxb-load-token"
)

func main() {
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
	channels     int
	workers      int
	queue        int
	settle       time.Duration
	judge        string
	modelLatency time.Duration
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("factgrade-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.bin, "factgrade", "", "path of a built factgrade binary to start (go build -o /tmp/factgrade ./cmd/factgrade)")
	fs.IntVar(&o.rate, "rate", 200, "requests per second")
	fs.DurationVar(&o.duration, "duration", 60*time.Second, "how long to send")
	fs.IntVar(&o.channels, "channels", 400, "channels to spread the commands over (Slack paces posts to one channel at 1/s)")
	fs.IntVar(&o.workers, "workers", 4, "FACTGRADE_WORKERS of the server")
	fs.IntVar(&o.queue, "queue", 100000, "FACTGRADE_QUEUE_SIZE of the server")
	fs.DurationVar(&o.settle, "settle", 60*time.Second, "how long to wait for the last replies after sending")
	fs.StringVar(&o.judge, "judge", "rules", "FACTGRADE_JUDGE of the server: rules, or hybrid against a fake OpenAI-compatible server started here")
	fs.DurationVar(&o.modelLatency, "model-latency", 2*time.Second, "how long the fake model takes to answer (-judge hybrid)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.bin == "" || o.rate <= 0 || o.duration <= 0 || o.channels <= 0 || (o.judge != "rules" && o.judge != "hybrid") {
		fs.Usage()
		return errors.New("need -factgrade PATH, positive -rate, -duration and -channels, and -judge rules or hybrid")
	}

	fake := slacktest.NewServer(botToken, "")
	defer fake.Close()
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "factgrade-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var serverLog bytes.Buffer
	child := exec.Command(o.bin, "serve")
	child.Env = append(os.Environ(),
		"SLACK_BOT_TOKEN="+botToken, "SLACK_SIGNING_SECRET="+secret, "SLACK_API_URL="+fake.APIURL(),
		"FACTGRADE_ADDR="+addr, "FACTGRADE_DATA_DIR="+dir, "FACTGRADE_JUDGE=rules",
		fmt.Sprintf("FACTGRADE_WORKERS=%d", o.workers), fmt.Sprintf("FACTGRADE_QUEUE_SIZE=%d", o.queue), "FACTGRADE_LOG_LEVEL=warn")
	if o.judge == "hybrid" {
		model, err := startModel(o.modelLatency)
		if err != nil {
			return err
		}
		defer model.Close()
		child.Env = append(child.Env, "FACTGRADE_JUDGE=hybrid", "OPENAI_BASE_URL="+model.URL, "OPENAI_MODEL=gpt-4o-mini", "OPENAI_API_KEY=sk-load-fake")
	}
	child.Stdout, child.Stderr = &serverLog, &serverLog
	if err := child.Start(); err != nil {
		return fmt.Errorf("starting %s: %w", o.bin, err)
	}
	defer func() {
		child.Process.Signal(syscall.SIGTERM)
		child.Wait()
	}()
	if err := waitReady(ctx, "http://"+addr+"/readyz"); err != nil {
		return fmt.Errorf("%w; server log:\n%s", err, serverLog.String())
	}

	mem := watch(ctx, child.Process.Pid, "http://"+addr+"/metrics")
	bare, bareURL, err := startBare()
	if err != nil {
		return err
	}
	defer bare.Close()

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1000, MaxConnsPerHost: 0}, Timeout: 10 * time.Second}
	fmt.Fprintf(stdout, "sending %d req/s for %s to factgrade (%s, %d workers) and to a bare net/http handler, over %d channels\n", o.rate, o.duration, addr, o.workers, o.channels)
	fg, br := &sample{}, &sample{}
	var wg sync.WaitGroup
	// Open loop: request i goes at start + i/rate whatever the answers do.
	interval := time.Second / time.Duration(o.rate)
	start := time.Now()
	total := int(o.duration / interval)
	i := 0
send:
	for i < total {
		if d := time.Until(start.Add(time.Duration(i) * interval)); d > 0 {
			select {
			case <-ctx.Done():
				break send
			case <-time.After(d):
			}
		}
		{
			i++
			c := slacktest.Slash{
				TeamID: "T0LOAD", ChannelID: fmt.Sprintf("C%05d", i%o.channels), UserID: "U0LOAD",
				Text: fmt.Sprintf("China admits hacking U.S. ports, load #%d", i), TriggerID: fmt.Sprintf("load.%d", i),
			}
			body := c.Body()
			wg.Add(2)
			go func() { defer wg.Done(); fg.send(client, "http://"+addr+"/slack/commands", body, c.Text) }()
			go func() { defer wg.Done(); br.send(client, bareURL, body, "") }()
		}
	}
	wg.Wait()
	sent := i
	fmt.Fprintf(stdout, "sent %d commands in %s (%.0f req/s)\n", sent, time.Since(start).Round(time.Millisecond), float64(sent)/time.Since(start).Seconds())
	want := fg.acceptedTexts()
	fake.WaitCalls("chat.postMessage", len(want), o.settle)
	time.Sleep(time.Second) // a double post would arrive now
	posts := fake.Calls("chat.postMessage")
	counts := map[string]int{}
	for _, p := range posts {
		text := p.Form.Get("text")
		if k := strings.Index(text, "load #"); k >= 0 {
			end := k + len("load #")
			for end < len(text) && text[end] >= '0' && text[end] <= '9' {
				end++
			}
			counts[text[k:end]]++
		}
	}
	missing, doubled := 0, 0
	for _, t := range want {
		key := t[strings.Index(t, "load #"):]
		switch c := counts[key]; {
		case c == 0:
			missing++
		case c > 1:
			doubled++
		}
	}

	fmt.Fprintf(stdout, "sent %d commands; factgrade answered %d with 200 (%d of them with the busy, queued note; %d other, %d errors)\n", sent, len(want), fg.queued, fg.other, fg.errs)
	fmt.Fprintf(stdout, "factgrade ack:  %s\n", fg.summary())
	fmt.Fprintf(stdout, "bare net/http:  %s\n", br.summary())
	if b := br.pct(0.99); b > 0 {
		fmt.Fprintf(stdout, "p99 ratio factgrade/bare: %.1f\n", float64(fg.pct(0.99))/float64(b))
	}
	fmt.Fprintf(stdout, "posted: %d replies for %d accepted commands; missing %d, posted twice %d\n", len(posts), len(want), missing, doubled)
	e2e := &sample{}
	var last time.Time
	for _, p := range posts {
		text := p.Form.Get("text")
		k := strings.Index(text, "load #")
		if k < 0 {
			continue
		}
		end := k + len("load #")
		for end < len(text) && text[end] >= '0' && text[end] <= '9' {
			end++
		}
		if at, ok := fg.sentAt(text[k:end]); ok {
			e2e.lat = append(e2e.lat, p.At.Sub(at))
		}
		if p.At.After(last) {
			last = p.At
		}
	}
	fmt.Fprintf(stdout, "end to end (command sent to reply posted): %s\n", e2e.summary())
	if !last.IsZero() {
		fmt.Fprintf(stdout, "throughput: %d replies posted in %s (%.1f/s)\n", len(posts), last.Sub(start).Round(time.Millisecond), float64(len(posts))/last.Sub(start).Seconds())
	}
	fmt.Fprintf(stdout, "server memory: %s\n", mem.summary())
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Fprintf(stdout, "load average at the end: %s", load)
	}
	if missing > 0 || doubled > 0 || fg.errs > 0 || fg.other > 0 {
		return fmt.Errorf("not every command was acknowledged and posted exactly once")
	}
	return nil
}

// sample collects acknowledgement latencies.
type sample struct {
	mu       sync.Mutex
	lat      []time.Duration
	accepted []string
	sent     map[string]time.Time // "load #N" → when its command was sent
	queued   int                  // acknowledged with the "busy… queued" note
	other    int
	errs     int
}

// sentAt returns when the command marked key ("load #N") was sent.
func (s *sample) sentAt(key string) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.sent[key]
	return t, ok
}

func (s *sample) send(c *http.Client, url string, body []byte, text string) {
	req, err := slacktest.SignedRequest(url, secret, slacktest.FormType, body, time.Now())
	if err != nil {
		s.fail()
		return
	}
	start := time.Now()
	resp, err := c.Do(req)
	if err != nil {
		s.fail()
		return
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lat = append(s.lat, d)
	if resp.StatusCode != 200 || (text != "" && !bytes.Contains(b, []byte("Grading your"))) {
		s.other++
		return
	}
	if bytes.Contains(b, []byte("your submission is saved and queued")) {
		s.queued++
	}
	if text != "" {
		s.accepted = append(s.accepted, text)
		if s.sent == nil {
			s.sent = make(map[string]time.Time)
		}
		s.sent[text[strings.Index(text, "load #"):]] = start
	}
}

func (s *sample) fail() {
	s.mu.Lock()
	s.errs++
	s.mu.Unlock()
}

func (s *sample) acceptedTexts() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.accepted...)
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
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"response_type":"ephemeral","text":"ok"}`)
	})}
	go srv.Serve(ln)
	return srv, "http://" + ln.Addr().String() + "/slack/commands", nil
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func waitReady(ctx context.Context, url string) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	return errors.New("factgrade did not become ready in 30s")
}

// startModel starts a fake OpenAI-compatible server that answers every
// chat completion after latency with the grade the rule judge gives the
// load's text, so the hybrid judge agrees with it and does its full work.
func startModel(latency time.Duration) (*llmtest.Server, error) {
	set, err := rubrics.Load()
	if err != nil {
		return nil, err
	}
	r, err := set.Lookup("volt-typhoon-geneva")
	if err != nil {
		return nil, err
	}
	g, err := rubric.NewRuleJudge().Grade(context.Background(), r, rubric.Request{Text: "China admits hacking U.S. ports, load #1"})
	if err != nil {
		return nil, err
	}
	content := llmtest.ReplyFromGrade(g).JSON()
	srv := llmtest.Start()
	srv.Handle(func(llmtest.ChatRequest) llmtest.Reply {
		return llmtest.Reply{Content: content, Delay: latency}
	})
	return srv, nil
}

// memWatch samples the server's resident memory and queue depth.
type memWatch struct {
	mu       sync.Mutex
	pid      int
	maxRSS   int64 // kB, VmRSS sampled
	maxQueue float64
	samples  []int64
}

// watch samples pid's VmRSS and the server's queue depth every 500 ms
// until ctx ends.
func watch(ctx context.Context, pid int, metricsURL string) *memWatch {
	m := &memWatch{pid: pid}
	go func() {
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			rss := procStatus(pid, "VmRSS")
			q := queueDepth(metricsURL)
			m.mu.Lock()
			m.maxRSS = max(m.maxRSS, rss)
			m.maxQueue = max(m.maxQueue, q)
			m.samples = append(m.samples, rss)
			m.mu.Unlock()
		}
	}()
	return m
}

func (m *memWatch) summary() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	hwm := procStatus(m.pid, "VmHWM")
	var last int64
	if len(m.samples) > 0 {
		last = m.samples[len(m.samples)-1]
	}
	return fmt.Sprintf("peak RSS (VmHWM) %.1f MB; RSS sampled every 0.5 s: max %.1f MB, last %.1f MB; deepest queue seen in /metrics %.0f",
		float64(hwm)/1024, float64(m.maxRSS)/1024, float64(last)/1024, m.maxQueue)
}

// procStatus returns a kB field of /proc/pid/status (0 if unreadable).
func procStatus(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb
		}
	}
	return 0
}

// queueDepth reads factgrade_queue_depth from the server's metrics.
func queueDepth(url string) float64 {
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "factgrade_queue_depth "); ok {
			var f float64
			fmt.Sscan(v, &f)
			return f
		}
	}
	return 0
}
