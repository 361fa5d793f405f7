package rubrics_test

import (
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// TestReviewKindsOnBothStories checks each review kind issue 12 added to
// both stories' rubrics with sentences written for the test: where the
// kind holds, the verdict keeps its value, is marked for review with a
// reason an editor reads, and the letter is provisional; where the text
// has what the kind misses, nothing is marked.
func TestReviewKindsOnBothStories(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []struct {
		name, rubric, criterion, text string
		want                          rubric.Verdict
		review                        bool
		words                         string // in the review reason
	}{
		// A lone side cue: a word that may be the other side answering, or
		// only a topic, and nothing in the text that states its view.
		{"lone side cue", volt, "denial",
			// ("trade disputes between Washington and China" was the example
			// here; a dispute named as a topic between parties is no longer
			// read as pushback at all.)
			"Chinese officials tacitly acknowledged the hacks on U.S. ports at a secret meeting in Geneva, people familiar with the matter said. Beijing hit back.",
			rubric.Pass, true, "Only “hit back” gives China's side, and the text has no denial"},
		{"lone side cue", asp, "counterweight",
			"IARC will list aspartame as possibly carcinogenic next month, two people familiar with the process said. Critics called the coverage alarmist.",
			rubric.Pass, true, "Only “alarmist” gives the other side, and the text has no view that aspartame is safe"},
		// The side's view stated: not marked.
		{"side stated", volt, "denial",
			"Chinese officials tacitly acknowledged the hacks on U.S. ports at a secret meeting in Geneva, people familiar with the matter said. China's embassy called the report a smear and denied any role.",
			rubric.Pass, false, ""},
		{"side stated", asp, "counterweight",
			"IARC will list aspartame as possibly carcinogenic next month, two people familiar with the process said. Regulators hold that it is safe within daily limits, and critics called the coverage alarmist.",
			rubric.Pass, false, ""},
	}
	set := load(t)
	j := rubric.NewRuleJudge()
	for _, tc := range tests {
		t.Run(tc.name+"/"+tc.rubric, func(t *testing.T) {
			r, err := set.Lookup(tc.rubric)
			if err != nil {
				t.Fatal(err)
			}
			g, err := j.Grade(t.Context(), r, rubric.Request{Text: tc.text, Kind: rubric.Summary})
			if err != nil {
				t.Fatal(err)
			}
			cg := g.Criterion(tc.criterion)
			if cg.Verdict != tc.want || cg.NeedsReview != tc.review {
				t.Fatalf("%s = %s, review %t (%q); want %s, review %t", tc.criterion, cg.Verdict, cg.NeedsReview, cg.Review, tc.want, tc.review)
			}
			if tc.review && (!g.Provisional || cg.Decisive || !strings.Contains(cg.Review, tc.words)) {
				t.Errorf("review %q (provisional %t, decisive %t), want it to contain %q on a provisional letter", cg.Review, g.Provisional, cg.Decisive, tc.words)
			}
			if !tc.review && cg.Review != "" {
				t.Errorf("an unmarked verdict has a review reason %q", cg.Review)
			}
		})
	}
}
