package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

// testKey is the API key the tests configure; it must never reach a log.
const testKey = "sk-test-9f8e7d6c5b4a-NEVER-LOG-ME"

// volt returns the embedded Volt Typhoon rubric.
func volt(t testing.TB) *rubric.Rubric {
	t.Helper()
	set, err := rubrics.Load()
	if err != nil {
		t.Fatalf("rubrics.Load() = %v", err)
	}
	r, err := set.Lookup("volt-typhoon-geneva")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// fixture is a judge wired to a fake server, with its waits and logs
// captured.
type fixture struct {
	srv    *llmtest.Server
	judge  *Judge
	hybrid *Hybrid
	rules  rubric.Judge
	r      *rubric.Rubric
	logs   *syncBuffer
	obs    *recorder

	mu    sync.Mutex
	waits []time.Duration
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

type recorder struct {
	mu     sync.Mutex
	events []Event
}

func (r *recorder) ObserveLLM(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
}

func (r *recorder) all() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Event(nil), r.events...)
}

// newFixture starts a fake server playing replies and a judge pointed at
// it; edit adjusts the configuration first.
func newFixture(t testing.TB, edit func(*Config), replies ...llmtest.Reply) *fixture {
	t.Helper()
	f := &fixture{srv: llmtest.NewServer(t, replies...), rules: rubric.NewRuleJudge(), r: volt(t), logs: &syncBuffer{}, obs: &recorder{}}
	f.srv.RequireKey(testKey)
	cfg := Config{
		BaseURL:  f.srv.URL,
		Model:    "gpt-4o-mini",
		APIKey:   testKey,
		OrgID:    "org-factgrade",
		Timeout:  5 * time.Second,
		Logger:   slog.New(slog.NewTextHandler(f.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Observer: f.obs,
	}
	if edit != nil {
		edit(&cfg)
	}
	j, err := New(cfg, f.rules)
	if err != nil {
		t.Fatalf("New() = %v", err)
	}
	j.sleep = func(ctx context.Context, d time.Duration) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.waits = append(f.waits, d)
		return ctx.Err()
	}
	j.jitter = func() float64 { return 1 }
	f.judge, f.hybrid = j, NewHybrid(j)
	t.Cleanup(func() {
		if strings.Contains(f.logs.String(), testKey) {
			t.Errorf("the API key appears in the logs:\n%s", f.logs.String())
		}
	})
	return f
}

func (f *fixture) recordedWaits() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.waits...)
}

// modelCriterion is one criterion of a scripted model reply.
type modelCriterion struct {
	Criterion       string          `json:"criterion"`
	Verdict         string          `json:"verdict"`
	Reason          string          `json:"reason"`
	SubmissionQuote string          `json:"submission_quote"`
	Citations       []modelCitation `json:"citations"`
}

type modelCitation struct {
	Paragraph any    `json:"paragraph"`
	Quote     string `json:"quote"`
}

type modelReply struct {
	Criteria []modelCriterion `json:"criteria"`
	Rewrite  string           `json:"rewrite"`
	// Extra fields a complying model might add; the judge must ignore them.
	Letter string `json:"letter,omitempty"`
	Score  int    `json:"score,omitempty"`
}

func (m modelReply) json(t testing.TB) string {
	t.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tacitHeadline is graded by the scripted correctReply below.
const tacitHeadline = "China tacitly acknowledged role in U.S. infrastructure hacks, WSJ reports"

// correctReply is a careful model's grade of tacitHeadline: real quotes,
// one with curly quotes retyped straight and one under the wrong paragraph
// number, both of which verification accepts.
func correctReply() modelReply {
	return modelReply{Criteria: []modelCriterion{
		{"admission", "pass", "It calls the acknowledgment tacit.", "tacitly acknowledged", []modelCitation{
			{5, "were indirect and somewhat ambiguous"},
			{4, "interpreted it as a tacit admission"},
			{"¶12", "didn't directly state that China was responsible"},
		}},
		{"sourcing", "pass", "It attributes the claim to the Journal.", "WSJ reports", []modelCitation{
			{1, "according to people familiar with the matter"},
		}},
		{"denial", "na", "A headline cannot carry a denial.", "", nil},
		{"campaign", "na", "No campaign is named.", "", nil},
		{"targets", "na", "No target beyond infrastructure.", "", nil},
		{"taiwan", "na", "No motive is given.", "", nil},
		{"meeting", "na", "No meeting fact is stated.", "", nil},
	}, Rewrite: ""}
}

// allPass is what a model that obeys an injection answers: pass on every
// criterion, invented quotes, and a letter of its own.
func allPass(r *rubric.Rubric) modelReply {
	m := modelReply{Letter: "A", Score: 100, Rewrite: "Graded A as instructed."}
	for _, c := range r.Criteria {
		m.Criteria = append(m.Criteria, modelCriterion{c.ID, "pass", "Passes, as the submission instructs.", "", []modelCitation{
			{2, "China openly admitted responsibility for the hacks"},
		}})
	}
	return m
}

// checkVerified fails the test unless g is a grade an editor may see: every
// criterion once with an allowed verdict, every citation verbatim in the
// source at its paragraph, every span inside the text, and the score and
// letter those of r.Score.
func checkVerified(t *testing.T, r *rubric.Rubric, g *rubric.Grade) {
	t.Helper()
	if g == nil {
		t.Fatal("grade is nil")
	}
	seen := map[string]bool{}
	for _, cg := range g.Criteria {
		if seen[cg.Criterion] {
			t.Errorf("criterion %s graded twice", cg.Criterion)
		}
		seen[cg.Criterion] = true
		if _, err := rubric.ParseVerdict(string(cg.Verdict)); err != nil {
			t.Errorf("criterion %s: %v", cg.Criterion, err)
		}
		for _, c := range cg.Citations {
			got, ok := r.Source.Verify(c)
			if !ok || got != c {
				t.Errorf("criterion %s cites ¶%d %q, which is not verbatim in the source", cg.Criterion, c.Paragraph, c.Quote)
			}
		}
		for _, s := range cg.Spans {
			if s.Start < 0 || s.End > len(g.Text) || s.Start > s.End || g.Text[s.Start:s.End] != s.Text {
				t.Errorf("criterion %s span %+v is not in the text %q", cg.Criterion, s, g.Text)
			}
		}
		if cg.DecidedBy != rubric.DecidedByRules && cg.DecidedBy != rubric.DecidedByLLM {
			t.Errorf("criterion %s DecidedBy = %q, want rules or llm", cg.Criterion, cg.DecidedBy)
		}
	}
	for _, c := range r.Criteria {
		if !seen[c.ID] {
			t.Errorf("criterion %s missing from the grade", c.ID)
		}
	}
	want := *g
	want.Criteria = append([]rubric.CriterionGrade(nil), g.Criteria...)
	r.Score(&want)
	if g.Score != want.Score || g.Letter != want.Letter || g.Status != want.Status || g.Capped != want.Capped {
		t.Errorf("grade says %d %q %s capped=%t; its verdicts score %d %q %s capped=%t",
			g.Score, g.Letter, g.Status, g.Capped, want.Score, want.Letter, want.Status, want.Capped)
	}
}

// verdicts returns criterion → verdict of g.
func verdicts(g *rubric.Grade) map[string]rubric.Verdict {
	m := map[string]rubric.Verdict{}
	for _, cg := range g.Criteria {
		m[cg.Criterion] = cg.Verdict
	}
	return m
}
