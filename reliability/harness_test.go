package reliability

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/config"
	"github.com/factgrade/factgrade/llm"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/storagedb"
)

const (
	secret   = "reliability-signing-secret-0123456789"
	botToken = "xoxb-reliability"
	apiKey   = "sk-reliability-NEVER-LOG"
)

// stack is factgrade's bot wired as 'factgrade serve' wires it (real
// rubrics, rule or hybrid judge, SQLite or PostgreSQL) behind an HTTP
// server, with a fake Slack.
type stack struct {
	t       *testing.T
	slack   *slacktest.Server
	rubrics *rubric.Set
	dbURL   string
	dataDir string
	store   storage.Store
	bot     *bot.Bot
	srv     *httptest.Server
	logs    *syncBuffer
	cfg     stackConfig

	mu       sync.Mutex
	n        int
	accepted []string // markers of acknowledged submissions
	refused  []string // what refused submissions were told
}

type stackConfig struct {
	judge        rubric.Judge // nil: the rule judge
	dbURL        string       // "": SQLite in a temporary directory
	workers      int
	queue        int
	slackTimeout time.Duration
}

func newStack(t *testing.T, cfg stackConfig) *stack {
	t.Helper()
	set, err := rubrics.Load()
	if err != nil {
		t.Fatalf("rubrics.Load() = %v", err)
	}
	if cfg.judge == nil {
		cfg.judge = rubric.NewRuleJudge()
	}
	s := &stack{t: t, slack: slacktest.NewServer(botToken, ""), rubrics: set, dbURL: cfg.dbURL, dataDir: t.TempDir(), logs: &syncBuffer{}, cfg: cfg}
	t.Cleanup(s.slack.Close)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("server log:\n%s", s.logs.String())
		}
		if strings.Contains(s.logs.String(), apiKey) {
			t.Errorf("the API key appears in the log")
		}
	})
	s.start()
	return s
}

// start opens the database and starts the bot and its HTTP server (again,
// after stop: what was unfinished is resumed).
func (s *stack) start() {
	t := s.t
	log := slog.New(slog.NewTextHandler(s.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	st, err := storagedb.OpenURL(context.Background(), s.dbURL, s.dataDir, storage.Options{Logger: log})
	if err != nil {
		t.Fatalf("opening the database: %v", err)
	}
	b, err := bot.New(bot.Config{
		Store: st, Rubrics: s.rubrics, DefaultRubric: "volt-typhoon-geneva", Judge: s.cfg.judge,
		Slack:           slack.New(botToken, slack.OptionAPIURL(s.slack.APIURL()), slack.OptionHTTPClient(&http.Client{Timeout: 30 * time.Second})),
		Logger:          log,
		Workers:         s.cfg.workers,
		QueueSize:       s.cfg.queue,
		ChannelInterval: time.Millisecond,
		ReplyInChannel:  true,
		ResumeEvery:     200 * time.Millisecond,
		SlackTimeout:    s.cfg.slackTimeout,
		// The scenarios send far more than one editor would.
		UserPerMinute: -1, ChannelPerMinute: -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Start(context.Background())
	s.store, s.bot = st, b
	s.srv = httptest.NewServer(b.HTTPHandler(&bot.Verifier{Secret: []byte(secret)}))
	t.Cleanup(s.stop)
}

func (s *stack) stop() {
	if s.srv == nil {
		return
	}
	s.srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.bot.Shutdown(ctx); err != nil {
		s.t.Errorf("bot shutdown: %v", err)
	}
	s.store.Close()
	s.srv = nil
}

// marker is what makes submission i's text unique, found again in its reply.
func marker(i int) string { return fmt.Sprintf("case #%d.", i) }

var markerRE = regexp.MustCompile(`case #\d+\.`)

// command sends a signed /factcheck with text (its marker appended) and
// returns the acknowledgement; hdr adds headers (X-Slack-Retry-Num…).
// trigger, when not "", replaces the generated trigger_id (to resend a
// delivery).
func (s *stack) command(text string, hdr ...string) (mark, trigger string, status int, body string) {
	s.mu.Lock()
	s.n++
	i := s.n
	s.mu.Unlock()
	mark = marker(i)
	trigger = fmt.Sprintf("reliability.%d.%d", time.Now().UnixNano(), i)
	status, body = s.send(slacktest.Slash{TeamID: "T0REL", ChannelID: fmt.Sprintf("C0REL%d", i%3), UserID: "U0EDITOR", Text: text + " " + mark, TriggerID: trigger}, hdr...)
	s.mu.Lock()
	defer s.mu.Unlock()
	if status == http.StatusOK && strings.Contains(body, "Grading your") {
		s.accepted = append(s.accepted, mark)
	} else {
		s.refused = append(s.refused, body)
	}
	return mark, trigger, status, body
}

// send posts c signed, as Slack does, and returns the status and body.
func (s *stack) send(c slacktest.Slash, hdr ...string) (int, string) {
	req, err := slacktest.SignedRequest(s.srv.URL+"/slack/commands", secret, slacktest.FormType, c.Body(), time.Now())
	if err != nil {
		s.t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatalf("sending a command: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// outcome is what the fake Slack and storage show after a run.
type outcome struct {
	accepted, posted, lost, doubled int
	posts                           []slacktest.Call
	byMarker                        map[string][]slacktest.Call
}

// settle waits up to timeout for a reply to every accepted submission, then
// a little longer (a double post would arrive then), and checks each was
// posted exactly once, by its metadata and by its text, and is recorded as
// posted in storage.
func (s *stack) settle(timeout time.Duration) outcome {
	s.t.Helper()
	s.mu.Lock()
	accepted := append([]string(nil), s.accepted...)
	s.mu.Unlock()
	deadline := time.Now().Add(timeout)
	// Wait for the bot, not for Slack: a post whose answer was lost is in
	// Slack before the bot has searched the history and marked it posted.
	for time.Now().Before(deadline) && (s.countMarkers(accepted) < len(accepted) || !s.allStoredPosted()) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // room for a second copy, if one were coming
	o := outcome{accepted: len(accepted), posts: s.slack.Calls("chat.postMessage"), byMarker: map[string][]slacktest.Call{}}
	bySub := map[string]int{}
	for _, p := range o.posts {
		o.byMarker[markerRE.FindString(p.Form.Get("text"))] = append(o.byMarker[markerRE.FindString(p.Form.Get("text"))], p)
		var md slack.SlackMetadata
		if err := json.Unmarshal([]byte(p.Form.Get("metadata")), &md); err != nil || md.EventType != bot.ReplyEventType {
			s.t.Errorf("a reply without factgrade's metadata: %q", p.Form.Get("metadata"))
			continue
		}
		bySub[fmt.Sprint(md.EventPayload["submission_id"])]++
	}
	for id, n := range bySub {
		if n > 1 {
			s.t.Errorf("submission %s posted %d times", id, n)
		}
	}
	for _, m := range accepted {
		switch n := len(o.byMarker[m]); {
		case n == 0:
			o.lost++
			s.t.Errorf("accepted submission %q was never posted", m)
		case n > 1:
			o.doubled++
			s.t.Errorf("submission %q posted %d times", m, n)
		default:
			o.posted++
		}
	}
	// Storage agrees: every submission stored is posted (none left
	// pending, graded or failed).
	for id := int64(1); ; id++ {
		sub, err := s.store.Submission(context.Background(), id)
		if err != nil {
			break
		}
		if sub.State != storage.Posted {
			s.t.Errorf("submission %d (%q) is %s in storage (%s), want posted", id, markerRE.FindString(sub.Text), sub.State, sub.Error)
		}
	}
	return o
}

// allStoredPosted reports whether every stored submission is posted.
func (s *stack) allStoredPosted() bool {
	for id := int64(1); ; id++ {
		sub, err := s.store.Submission(context.Background(), id)
		if err != nil {
			return true
		}
		if sub.State != storage.Posted {
			return false
		}
	}
}

func (s *stack) countMarkers(want []string) int {
	seen := map[string]bool{}
	for _, p := range s.slack.Calls("chat.postMessage") {
		seen[markerRE.FindString(p.Form.Get("text"))] = true
	}
	n := 0
	for _, m := range want {
		if seen[m] {
			n++
		}
	}
	return n
}

// result logs a scenario's figures for RELIABILITY.md.
func result(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Logf("RESULT "+format, args...)
}

func (o outcome) String() string {
	return fmt.Sprintf("%d accepted, %d posted once, %d lost, %d posted twice", o.accepted, o.posted, o.lost, o.doubled)
}

// hybrid returns the hybrid judge with a model at baseURL.
func hybrid(t *testing.T, baseURL string, timeout time.Duration, logs io.Writer) *llm.Hybrid {
	t.Helper()
	return llm.NewHybrid(llmJudge(t, baseURL, timeout, logs))
}

// llmJudge returns the LLM judge with a model at baseURL.
func llmJudge(t *testing.T, baseURL string, timeout time.Duration, logs io.Writer) *llm.Judge {
	t.Helper()
	j, err := llm.New(llm.Config{
		BaseURL: baseURL, Model: "gpt-4o-mini", APIKey: apiKey, Timeout: timeout,
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
	}, rubric.NewRuleJudge())
	if err != nil {
		t.Fatal(err)
	}
	return j
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// dbPath is the SQLite file of a stack using the default database.
func (s *stack) dbPath() string { return filepath.Join(s.dataDir, config.SQLiteFile) }

func mustRubrics(t *testing.T) *rubric.Set {
	t.Helper()
	set, err := rubrics.Load()
	if err != nil {
		t.Fatal(err)
	}
	return set
}
