// Package storagetest is the conformance suite every storage.Store passes:
// storage/sqlite always, storage/postgres when a database is configured.
// Run checks the Store methods on a fresh store per test; RunSchema checks
// migrations and locks across several stores on one database; RunCrash
// kills a writing child process and checks nothing was lost.
package storagetest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// NewStore returns a fresh, empty, migrated store opened with opts, and
// closes it when t ends.
type NewStore func(t *testing.T, opts storage.Options) storage.Store

// Clock is a settable clock for a store's Options.Now.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock stopped at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Add moves the clock by d.
func (c *Clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// Start is where the suite's clocks start.
var Start = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// Criteria are the criterion ids of the grades SampleGrade builds (the
// Volt Typhoon rubric's).
var Criteria = []string{"admission", "sourcing", "denial", "campaign", "targets", "taiwan", "meeting"}

// letters and verdict patterns SampleGrade cycles through.
var samples = []struct {
	letter string
	score  int
	fail   []int // indexes into Criteria that fail
	review bool
}{
	{"A", 95, nil, false},
	{"B", 82, []int{5}, false},
	{"C", 71, []int{1, 5}, true},
	{"D", 40, []int{0}, false},
	{"F", 20, []int{0, 1, 3}, true},
	{"", 0, nil, false}, // ungradable
}

// SampleGrade returns the i-th of a cycle of hand-built grades with every
// field set: a letter (or none, ungradable), a verdict per criterion with
// reasons, spans and citations, and an LLM judge's tokens and latency.
func SampleGrade(i int) *rubric.Grade {
	s := samples[i%len(samples)]
	text := fmt.Sprintf("China admits Volt Typhoon hacks, sample %d", i)
	g := &rubric.Grade{
		Rubric: "volt-typhoon-geneva", RubricVersion: 1, RubricHash: "9f2c1e",
		Kind: rubric.Headline, Text: text, Status: rubric.Graded, Score: s.score, Letter: s.letter,
		Rewrite: "China tacitly acknowledged Volt Typhoon attacks, U.S. officials said",
		Fixes:   []string{"say the admission was tacit"},
		Judge: rubric.JudgeInfo{Name: "hybrid", Model: "gpt-4o-mini", PromptHash: "ab12", PromptTokens: 1200 + i%7,
			CompletionTokens: 300, LatencyMS: 850},
	}
	if s.letter == "" {
		g.Status, g.Rewrite, g.Fixes, g.Judge = rubric.Ungradable, "", nil, rubric.JudgeInfo{Name: "rules"}
	}
	for j, id := range Criteria {
		cg := rubric.CriterionGrade{Criterion: id, Verdict: rubric.Pass, Reason: "as the source says", DecidedBy: rubric.DecidedByRules}
		switch {
		case s.letter == "":
			cg.Verdict, cg.Reason = rubric.NA, "not about the story"
		case j == 2:
			cg.Verdict, cg.Reason = rubric.NA, "headlines need not carry the denial"
		}
		for _, f := range s.fail {
			if f == j {
				cg.Verdict, cg.Reason, cg.DecidedBy = rubric.Fail, "the source says otherwise", rubric.DecidedByLLM
				cg.Spans = []rubric.Span{{Start: 0, End: 11, Text: text[:11]}}
				cg.Citations = []rubric.Citation{{Paragraph: 2, Quote: "a tacit acknowledgment"}}
				cg.NeedsReview = s.review
			}
		}
		g.Criteria = append(g.Criteria, cg)
	}
	return g
}

// SampleSubmission returns the i-th of a cycle of submissions in
// channels C0…C2 by users U0…U3, with idempotency key key.
func SampleSubmission(i int, key string) storage.Submission {
	return storage.Submission{
		IdempotencyKey: key, TeamID: "T1",
		ChannelID: fmt.Sprintf("C%d", i%3), UserID: fmt.Sprintf("U%d", i%4),
		ReplyChannel: fmt.Sprintf("C%d", i%3), ThreadTS: "1700000000.000100",
		ResponseURL: "https://hooks.slack.example/commands/T1/1/abc",
		Text:        fmt.Sprintf("China admits Volt Typhoon hacks, sample %d", i),
		Kind:        rubric.Headline, RubricID: "volt-typhoon-geneva", RubricVersion: 1, RubricHash: "9f2c1e",
	}
}
