package digest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/storagetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./digest -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, diff)
	}
}

func item(id int64, letter string, score int, text, channel string) storage.GradedItem {
	g := &rubric.Grade{Letter: letter, Score: score, Status: rubric.Graded, Text: text, Criteria: []rubric.CriterionGrade{
		{Criterion: "admission", Verdict: rubric.Fail, Reason: "Presents an explicit admission; the source says it was tacit.", NeedsReview: score < 30},
		{Criterion: "sourcing", Verdict: rubric.Partial, Reason: "Unattributed."},
	}}
	return storage.GradedItem{Grade: g, Submission: storage.Submission{ID: id, ChannelID: channel, UserID: "U0EDITOR",
		ReplyChannel: channel, PostedTS: fmt.Sprintf("1748851200.%06d", id), Text: text}}
}

func typicalReport(t *testing.T) *Report {
	loc, _ := time.LoadLocation("America/New_York")
	low := item(41, "F", 20, "China ADMITS hacking U.S. grid <!channel> & more", "C0DESK")
	low2 := item(17, "D", 45, "Beijing confirms Volt Typhoon attacks", "C0WORLD")
	low2.Submission.Ephemeral = true
	return &Report{
		Name: "morning", Location: loc,
		From: time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC), To: time.Date(2025, 6, 2, 12, 0, 0, 0, time.UTC),
		Filter: storage.Filter{RubricID: "volt-typhoon-geneva"},
		Counts: storage.Counts{Total: 14, NeedsReview: 1,
			ByLetter:       map[string]int{"A": 5, "B": 3, "C": 2, "D": 1, "F": 2, "": 1},
			ByChannel:      map[string]int{"C0DESK": 10, "C0WORLD": 4},
			FailedCriteria: map[string]int{"admission": 3, "sourcing": 2}},
		Failed: []FailedCriterion{{Criterion: "admission", Count: 3, Example: &low}, {Criterion: "sourcing", Count: 2, Example: &low2}},
		Lowest: []storage.GradedItem{low, low2},
		Review: []storage.GradedItem{low},
		Overrides: []storage.Override{{ID: 3, SubmissionID: 41, Criterion: "admission", Verdict: rubric.Partial,
			Reason: "The source <b>hedges</b>; partial is fair.", UserID: "U0CHIEF"}},
		OverrideTotal: 1,
	}
}

func overLimitReport(t *testing.T) *Report {
	r := typicalReport(t)
	r.Counts.ByChannel = map[string]int{}
	for i := range 300 {
		r.Counts.ByChannel[fmt.Sprintf("C%04d", i)] = 300 - i
	}
	long := strings.Repeat("China admits & denies hacking <U.S.> infrastructure; ", 100)
	r.Failed, r.Lowest, r.Review, r.Overrides = nil, nil, nil, nil
	r.Counts.FailedCriteria = map[string]int{}
	for i := range TopFailed {
		it := item(int64(100+i), "F", 10+i, long, "C0DESK")
		c := fmt.Sprintf("criterion-%02d", i)
		r.Counts.FailedCriteria[c] = 50 - i
		r.Failed = append(r.Failed, FailedCriterion{Criterion: c, Count: 50 - i, Example: &it})
	}
	for i := range TopLowest {
		r.Lowest = append(r.Lowest, item(int64(200+i), "F", i, long, "C0DESK"))
	}
	r.Counts.NeedsReview = 40
	for i := range TopReview {
		r.Review = append(r.Review, item(int64(300+i), "F", i, long, "C0DESK"))
	}
	r.OverrideTotal = 35
	for i := range TopOverrides {
		r.Overrides = append(r.Overrides, storage.Override{ID: int64(i + 1), SubmissionID: 200, Criterion: "admission",
			Verdict: rubric.Pass, Reason: long, UserID: "U0CHIEF"})
	}
	return r
}

func TestRenderGolden(t *testing.T) {
	empty := typicalReport(t)
	empty.Counts = storage.Counts{}
	empty.Failed, empty.Lowest, empty.Review, empty.Overrides, empty.OverrideTotal = nil, nil, nil, nil, 0
	for _, tt := range []struct {
		name string
		r    *Report
	}{
		{"typical", typicalReport(t)},
		{"empty", empty},
		{"over-limit", overLimitReport(t)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := Render(tt.r)
			checkLimits(t, m)
			js, err := json.MarshalIndent(m, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name+".json", append(js, '\n'))
			if strings.Contains(string(js), "<!channel>") || strings.Contains(string(js), "<b>") {
				t.Error("an editor's markup reached the message unescaped")
			}
		})
	}
	m := Render(overLimitReport(t))
	js, _ := json.Marshal(m)
	for _, want := range []string{"more blocks not shown", "cut to fit Slack"} {
		if !strings.Contains(string(js), want) {
			t.Errorf("over-limit digest does not say %q", want)
		}
	}
}

// checkLimits checks m against Slack's limits.
func checkLimits(t *testing.T, m Message) {
	t.Helper()
	if len(m.Blocks) > MaxBlocks {
		t.Errorf("%d blocks, Slack allows %d", len(m.Blocks), MaxBlocks)
	}
	if n := utf8.RuneCountInString(m.Text); n == 0 || n > MaxFallback {
		t.Errorf("fallback text of %d characters", n)
	}
	for i, b := range m.Blocks {
		switch b := b.(type) {
		case *slack.SectionBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > MaxSectionText {
				t.Errorf("block %d: section of %d characters, Slack allows %d", i, n, MaxSectionText)
			}
		case *slack.HeaderBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > MaxHeaderText {
				t.Errorf("block %d: header of %d characters", i, n)
			}
		}
	}
}

func TestBuild(t *testing.T) {
	c := storagetest.NewClock(storagetest.Start)
	testBuild(t, openSQLite(t, t.TempDir(), c), c)
}

// testBuild checks Build over twelve sample grades stored in s.
func testBuild(t *testing.T, s interface {
	Store
	storage.Store
}, c *clock) {
	ctx := context.Background()
	from := c.Now()
	var subs []storage.Submission
	for i := range 12 {
		c.Add(time.Minute)
		subs = append(subs, grade(t, s, i))
	}
	if _, err := s.AddOverride(ctx, storage.Override{SubmissionID: subs[3].ID, Criterion: "admission", Verdict: rubric.Partial, Reason: "fair", UserID: "U1"}); err != nil {
		t.Fatal(err)
	}
	c.Add(time.Minute)
	grade(t, s, 99) // after the window
	// By marks, as a digest run is built: those of what was stored
	// before each end of the window.
	after, err := s.MarksBefore(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	through, err := s.MarksBefore(ctx, from.Add(13*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	w := storage.Window{From: from, To: from.Add(13 * time.Minute), ByMarks: true, After: after, Through: through}
	r, err := Build(ctx, s, Definition{Name: "d", Location: time.UTC}, w)
	if err != nil {
		t.Fatal(err)
	}
	// Samples cycle A B C D F ungradable; fails: B taiwan, C sourcing+taiwan, D admission, F admission+sourcing+campaign.
	if r.Counts.Total != 12 || r.OverrideTotal != 1 || r.Counts.NeedsReview != 4 {
		t.Errorf("counts: %d graded, %d overrides, %d flagged; want 12, 1, 4", r.Counts.Total, r.OverrideTotal, r.Counts.NeedsReview)
	}
	var failed []string
	for _, f := range r.Failed {
		failed = append(failed, fmt.Sprintf("%s=%d", f.Criterion, f.Count))
		if f.Example == nil || !failedIn(f.Example, f.Criterion) {
			t.Errorf("example of %s does not fail it: %+v", f.Criterion, f.Example)
		}
	}
	if want := []string{"admission=4", "sourcing=4", "taiwan=4", "campaign=2"}; !cmp.Equal(failed, want) {
		t.Errorf("failed = %v, want %v", failed, want)
	}
	var lowest []string
	for _, it := range r.Lowest {
		lowest = append(lowest, fmt.Sprintf("%s%d", it.Grade.Letter, it.Grade.Score))
	}
	if want := []string{"F20", "F20", "D40", "D40", "C71", "C71", "B82", "B82", "A95", "A95"}; !cmp.Equal(lowest, want) {
		t.Errorf("lowest = %v, want %v", lowest, want)
	}
	if len(r.Review) != 4 || r.Review[0].Submission.ID != subs[10].ID {
		t.Errorf("review = %d items, first #%d; want 4, newest first (#%d)", len(r.Review), r.Review[0].Submission.ID, subs[10].ID)
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, r); err != nil || !strings.Contains(buf.String(), "12 items graded") {
		t.Errorf("WriteText = %v:\n%s", err, buf.String())
	}
}

func failedIn(it *storage.GradedItem, criterion string) bool {
	for _, cg := range it.Grade.Criteria {
		if cg.Criterion == criterion && cg.Verdict == rubric.Fail {
			return true
		}
	}
	return false
}

func TestMessageLink(t *testing.T) {
	tests := []struct {
		name string
		sub  storage.Submission
		want string
	}{
		{"reply in channel", storage.Submission{ReplyChannel: "C1", PostedTS: "1700000000.000100"}, "https://slack.com/archives/C1/p1700000000000100"},
		{"reply in thread", storage.Submission{ReplyChannel: "C1", PostedTS: "1700000001.000200", ThreadTS: "1700000000.000100"},
			"https://slack.com/archives/C1/p1700000001000200?cid=C1&thread_ts=1700000000.000100"},
		{"private reply, shortcut message", storage.Submission{ChannelID: "C1", Ephemeral: true, ThreadTS: "1700000000.000100"}, "https://slack.com/archives/C1/p1700000000000100"},
		{"private reply", storage.Submission{ChannelID: "C1", Ephemeral: true, PostedTS: "1700000000.000100"}, ""},
		{"posted by response_url", storage.Submission{ReplyChannel: "C1", PostedTS: "response_url"}, ""},
	}
	for _, tt := range tests {
		if got := MessageLink(tt.sub); got != tt.want {
			t.Errorf("%s: MessageLink = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestRenderCountsInjections: a window with texts that addressed the
// grader says how many, in the message and in the text form; a window
// without says nothing of it.
func TestRenderCountsInjections(t *testing.T) {
	r := typicalReport(t)
	if got := summary(r); strings.Contains(got, "Instructions to the grader") {
		t.Errorf("summary without injections mentions them:\n%s", got)
	}
	r.Counts.Injections = 2
	if got := summary(r); !strings.Contains(got, "*Instructions to the grader*: 2 texts") {
		t.Errorf("summary = %q, want the count of texts with instructions to the grader", got)
	}
	var b strings.Builder
	if err := WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "2 texts carried instructions to the grader") {
		t.Errorf("text digest = %q, want the count of texts with instructions to the grader", b.String())
	}
}
