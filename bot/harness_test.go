package bot_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/sqlite"
)

const (
	secret   = "8f742231b10e8888abcd99yyyzzz85a5"
	botToken = "xoxb-test-token"
	appToken = "xapp-test-token"
	teamID   = "T0NEWS"
	channel  = "C0DESK"
	editor   = "U0EDITOR"
)

// testRubric is a small rubric with a source whose text tries markup
// injection, so rendering can be checked to escape it.
func testRubric() *rubric.Rubric {
	return &rubric.Rubric{
		ID: "test-story", Version: 2, Title: "Officials & the <hack> story", Hash: "abc123",
		Source: &rubric.Source{
			Publisher: "The Journal", Headline: "Officials link hacks to Taiwan policy", Byline: "A. Reporter", Date: "April 10, 2025",
			URL: "https://example.com/story?id=1&ref=slack",
			Paragraphs: []string{
				"Chinese officials linked intrusions to U.S. policy on Taiwan, people familiar with the matter said.",
				"The remarks were indirect and somewhat ambiguous <!channel> & more.",
				"The embassy accused the U.S. of smear and slander.",
			},
		},
		Criteria: []*rubric.Criterion{
			{ID: "admission", Question: "Admitted, or tacit?", Weight: 3, Kinds: []rubric.Kind{rubric.Headline, rubric.Summary}, CapsAt: "D"},
			{ID: "sourcing", Question: "Are the anonymous sources flagged?", Weight: 2, Kinds: []rubric.Kind{rubric.Headline, rubric.Summary}},
			{ID: "denial", Question: "Is China's denial included?", Weight: 2, Kinds: []rubric.Kind{rubric.Summary}},
		},
		Letters: []rubric.Threshold{{Letter: "A", Min: 90}, {Letter: "B", Min: 75}, {Letter: "C", Min: 60}, {Letter: "D", Min: 40}, {Letter: "F", Min: 0}},
	}
}

// fakeJudge grades deterministically: "admit" fails admission.
func fakeJudge(ctx context.Context, r *rubric.Rubric, req rubric.Request) (*rubric.Grade, error) {
	kind := req.Kind
	if kind == "" {
		kind = rubric.DetectKind(req.Text)
	}
	g := &rubric.Grade{Rubric: r.ID, RubricVersion: r.Version, RubricHash: r.Hash, Kind: kind, Text: req.Text, Judge: rubric.JudgeInfo{Name: "fake"}}
	adm := rubric.CriterionGrade{Criterion: "admission", Verdict: rubric.Pass, Reason: "Says the acknowledgment was tacit.", DecidedBy: rubric.DecidedByRules,
		Citations: []rubric.Citation{{Paragraph: 2, Quote: "indirect and somewhat ambiguous"}}}
	if i := strings.Index(strings.ToLower(req.Text), "admit"); i >= 0 {
		adm.Verdict = rubric.Fail
		adm.Reason = "Presents an explicit admission; the source says the remarks were indirect."
		adm.Spans = []rubric.Span{{Start: i, End: i + 5, Text: req.Text[i : i+5]}}
		g.Rewrite = "China tacitly linked hacks to Taiwan policy, officials say"
		g.RewriteLetter, g.RewriteScore = "A", 100
	}
	g.Criteria = append(g.Criteria, adm,
		rubric.CriterionGrade{Criterion: "sourcing", Verdict: rubric.Partial, Reason: "Unattributed.", DecidedBy: rubric.DecidedByRules,
			Citations: []rubric.Citation{{Paragraph: 1, Quote: "people familiar with the matter"}}})
	if kind == rubric.Summary {
		g.Criteria = append(g.Criteria, rubric.CriterionGrade{Criterion: "denial", Verdict: rubric.Fail, Reason: "China's side is absent.", DecidedBy: rubric.DecidedByRules})
	} else {
		g.Criteria = append(g.Criteria, rubric.CriterionGrade{Criterion: "denial", Verdict: rubric.NA, Reason: "Headlines need not carry the denial.", DecidedBy: rubric.DecidedByRules})
	}
	r.Score(g)
	return g, nil
}

// countingObserver records the bot's measurements.
type countingObserver struct {
	mu       sync.Mutex
	requests map[string]int // kind/outcome
	slack    map[string]int // method/outcome
}

func newObserver() *countingObserver {
	return &countingObserver{requests: map[string]int{}, slack: map[string]int{}}
}
func (o *countingObserver) Request(kind, outcome string, _ time.Duration) {
	o.mu.Lock()
	o.requests[kind+"/"+outcome]++
	o.mu.Unlock()
}
func (o *countingObserver) Graded(string, time.Duration, error) {}
func (o *countingObserver) SlackCall(method, outcome string) {
	o.mu.Lock()
	o.slack[method+"/"+outcome]++
	o.mu.Unlock()
}
func (o *countingObserver) QueueDepth(int) {}
func (o *countingObserver) SocketReconnect() {
	o.mu.Lock()
	o.requests["socket/reconnect"]++
	o.mu.Unlock()
}
func (o *countingObserver) SocketConnected(bool) {}
func (o *countingObserver) count(m map[string]int, k string) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return m[k]
}

type harness struct {
	t      testing.TB
	slack  *slacktest.Server
	store  storage.Store
	dbPath string
	bot    *bot.Bot
	srv    *httptest.Server
	obs    *countingObserver
	judge  rubric.Judge
	cancel context.CancelFunc
}

type harnessOption func(*bot.Config)

func newHarness(t testing.TB, opts ...harnessOption) *harness {
	t.Helper()
	h := &harness{t: t, slack: slacktest.NewServer(botToken, appToken), obs: newObserver(), judge: rubric.JudgeFunc(fakeJudge)}
	t.Cleanup(h.slack.Close)
	h.dbPath = filepath.Join(t.TempDir(), "factgrade.db")
	// The editor of these tests is a workspace admin, so that with no
	// standards editors configured they may change the desk channel's
	// settings (TestRoles and TestRolesUnset make them a plain member).
	h.slack.AddUser(slacktest.User{ID: editor, Admin: true})
	h.start(opts...)
	// The desk channel of these tests chose "/factcheck reply channel";
	// other channels keep the default (grades shown only to the asker).
	if err := h.store.SetChannelSettings(context.Background(), storage.ChannelSettings{TeamID: teamID, ChannelID: channel, UpdatedBy: editor}); err != nil {
		t.Fatal(err)
	}
	return h
}

// start opens the store and starts a bot and its HTTP server (again, after stop).
func (h *harness) start(opts ...harnessOption) {
	t := h.t
	ctx, cancel := context.WithCancel(context.Background())
	st, err := sqlite.Open(ctx, h.dbPath, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	set, err := rubric.NewSet(testRubric())
	if err != nil {
		t.Fatal(err)
	}
	cfg := bot.Config{
		Store: st, Rubrics: set, DefaultRubric: "test-story", Judge: h.judge,
		Slack:           slack.New(botToken, slack.OptionAPIURL(h.slack.APIURL())),
		Observer:        h.obs,
		ChannelInterval: time.Millisecond,
		ResumeEvery:     time.Hour,
		// Tests send bursts no editor would; TestSubmissionLimits sets its own.
		UserPerMinute: -1, ChannelPerMinute: -1,
	}
	for _, o := range opts {
		o(&cfg)
	}
	b, err := bot.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b.Start(ctx)
	h.store, h.bot, h.cancel = st, b, cancel
	h.srv = httptest.NewServer(b.HTTPHandler(&bot.Verifier{Secret: []byte(secret)}))
	t.Cleanup(h.stop)
}

func (h *harness) stop() {
	if h.srv == nil {
		return
	}
	h.srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := h.bot.Shutdown(ctx); err != nil {
		h.t.Error(err)
	}
	h.cancel()
	h.store.Close()
	h.srv = nil
}

// post sends a signed request to path and returns the status and body.
func (h *harness) post(path, contentType string, body []byte, hdr ...string) (int, string) {
	h.t.Helper()
	req, err := slacktest.SignedRequest(h.srv.URL+path, secret, contentType, body, time.Now())
	if err != nil {
		h.t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return do(h.t, req)
}

func do(t testing.TB, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return resp.StatusCode, b.String()
}

func (h *harness) command(text, trigger string, hdr ...string) (int, string) {
	c := slacktest.Slash{TeamID: teamID, ChannelID: channel, UserID: editor, Text: text, TriggerID: trigger, ResponseURL: h.slack.ResponseURL(trigger)}
	return h.post("/slack/commands", slacktest.FormType, c.Body(), hdr...)
}

// submissions counts stored submissions by listing what Recent and
// Unfinished see, plus probing ids.
func (h *harness) submission(id int64) (storage.Submission, error) {
	return h.store.Submission(context.Background(), id)
}

// countSubmissions probes ids 1..n+5 and counts the rows that exist.
func (h *harness) countSubmissions() int {
	n := 0
	for id := int64(1); id < 200; id++ {
		if _, err := h.submission(id); err == nil {
			n++
		}
	}
	return n
}

// waitState waits for submission id to reach state.
func (h *harness) waitState(id int64, want storage.State) storage.Submission {
	h.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s, err := h.submission(id)
		if err == nil && s.State == want {
			return s
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("submission %d: state %q (err %v), want %q", id, s.State, err, want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func trigger(i int) string { return fmt.Sprintf("13345224609.738474920.%032d", i) }
