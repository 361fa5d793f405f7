package bot

import (
	"encoding/json"
	"strings"
	"testing"

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
