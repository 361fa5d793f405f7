package bot

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
	"github.com/factgrade/factgrade/storage"
)

// A text that is not about the story, or not in English, gets one plain
// explanation, not a row of "na" criteria.
func TestRenderNotGraded(t *testing.T) {
	set, err := rubrics.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := set.Get("volt-typhoon-geneva")
	for _, text := range []string{"City council approves new budget for road repairs", "China admitió los ciberataques en una reunión secreta"} {
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		msg := RenderGrade(storage.GradedItem{Submission: storage.Submission{ID: 7, UserID: "U1"}, Grade: g}, r)
		b, _ := json.Marshal(msg.Blocks)
		js := string(b)
		if strings.Contains(js, `"crit_`) || !strings.Contains(js, `"not_graded"`) || !strings.Contains(js, "To have it graded") || strings.Contains(js, `"dispute"`) {
			t.Errorf("RenderGrade(%q) = %s, want one not_graded section and no criteria", text, js)
		}
		if !strings.HasPrefix(msg.Text, "Not graded") {
			t.Errorf("fallback %q does not say it was not graded", msg.Text)
		}
	}
}

// TestOptionLabel: a dispute menu option fits Slack's 75 characters with
// the verdict kept, and never shows an internal note.
func TestOptionLabel(t *testing.T) {
	long := "Does the text say the acknowledgment was tacit, not an outright admission?"
	got := optionLabel(long, " (now fail)")
	if n := len([]rune(got)); n > maxOptionText || !strings.HasSuffix(got, "… (now fail)") || strings.Contains(got, "cut to fit") {
		t.Errorf("optionLabel = %q (%d characters)", got, n)
	}
	if got := optionLabel("Short question?", " (now pass)"); got != "Short question? (now pass)" {
		t.Errorf("optionLabel(short) = %q", got)
	}
}

// TestMarkEdits: a rewrite rendered from the judge's edits strikes what
// they remove and bolds what they add, white space outside the marks;
// edits that do not give the rewrite fall back to the word comparison.
func TestMarkEdits(t *testing.T) {
	text := "China admits hacking US water *systems*"
	// Edits without white space between what goes and what comes.
	tight := []rubric.Edit{{Start: 6, End: 12, Removed: "admits", Added: "tacitly acknowledged"}}
	if got, _ := markEdits(text, rubric.ApplyEdits(text, tight), tight); !strings.HasPrefix(got, "China ~admits~ *tacitly acknowledged* hacking") {
		t.Errorf("markEdits(tight) = %q", got)
	}
	edits := []rubric.Edit{{Start: 6, End: 13, Removed: "admits ", Added: "tacitly acknowledged "}, {Start: len(text), End: len(text), Added: ", officials say"}}
	rewrite := rubric.ApplyEdits(text, edits)
	got, ok := markEdits(text, rewrite, edits)
	want := "China ~admits~ *tacitly acknowledged* hacking US water ∗systems∗, *officials say*"
	if !ok || got != want {
		t.Errorf("markEdits = %q, %v; want %q", got, ok, want)
	}
	if _, ok := markEdits(text, "something else", edits); ok {
		t.Error("markEdits accepted edits that do not give the rewrite")
	}
	if got := markChanges("China admits hacking", "China tacitly acknowledged hacking"); got != "China ~admits~ *tacitly acknowledged* hacking" {
		t.Errorf("markChanges = %q", got)
	}
}

// TestDisputeModalGolden: the dispute modal (a reply shape of its own) as
// Slack receives it, with the verdicts as they stand after an override and
// the real rubric's long questions shortened at a word.
func TestDisputeModalGolden(t *testing.T) {
	set, err := rubrics.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := set.Get("volt-typhoon-geneva")
	g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: "China admits hacking U.S. infrastructure", Kind: rubric.Headline})
	if err != nil {
		t.Fatal(err)
	}
	item := storage.GradedItem{Submission: storage.Submission{ID: 7, UserID: "U1"}, Grade: g}
	view := disputeModal(item, r, `{"submission":7}`, map[string]rubric.Verdict{"sourcing": rubric.Pass})
	got, _ := json.MarshalIndent(view, "", "  ")
	path := filepath.Join("testdata", "dispute_modal.json")
	if *updateModal {
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run TestDisputeModalGolden -update-modal)", err)
	}
	if string(want) != string(got)+"\n" {
		t.Errorf("dispute modal differs from %s:\n%s", path, got)
	}
	js := string(got)
	for _, bad := range []string{"cut to fit", "Grade D", "Grade F"} {
		if strings.Contains(js, bad) {
			t.Errorf("modal shows %q", bad)
		}
	}
	if !strings.Contains(js, "(now pass)") {
		t.Error("the modal does not show sourcing as it stands after the override")
	}
	for _, o := range view.Blocks.BlockSet[1].(*slack.InputBlock).Element.(*slack.SelectBlockElement).Options {
		if n := len([]rune(o.Text.Text)); n > maxOptionText {
			t.Errorf("option %q has %d characters", o.Text.Text, n)
		}
	}
}

var updateModal = flag.Bool("update-modal", false, "rewrite testdata/dispute_modal.json")
