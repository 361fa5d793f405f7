package rubric_test

import (
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// TestRuleJudgeNeedsReview: the rule judge marks for review what it cannot
// classify on a text about the story, says why in words an editor reads,
// and shows the letter as provisional; what it can classify is not marked.
func TestRuleJudgeNeedsReview(t *testing.T) {
	r := voltRubric(t)
	j := rubric.NewRuleJudge()
	tests := []struct {
		text        string
		review      bool
		wantVerdict rubric.Verdict
		wantWords   string // in the review reason
	}{
		// A predicate the judge cannot classify links China to the hacks
		// (giving something away, "spills the beans", is the neutral wording
		// since lexicon version 4).
		{"China muses about hacking US water plants in Geneva talks, officials say", true, rubric.NA, "I can't tell whether “China muses about hacking” is an admission: please check."},
		// About the story (the Geneva meeting), but nothing China acknowledged that the judge can find.
		{"US officials say China's Geneva remarks were a veiled threat over Taiwan", true, rubric.NA, "I can't find what it says China acknowledged"},
		// Conflicting cues: outright and tacit in one text (an unhedged
		// overclaim beside a tacit qualifier).
		{"China confessed to hacking US ports in Geneva, a tacit admission", true, rubric.Partial, "“confessed” makes it an outright admission, but the text also says it was tacit: I can't tell which a reader takes away"},
		// A reported admission beside a tacit reading is the guide's pass, not
		// a conflict: marking it did not find wrong letters (BENCHMARKS.md).
		{"China reportedly admitted hacking US ports in what officials read as a tacit acknowledgment in Geneva", false, rubric.Pass, ""},
		// Classified: an overclaim, a tacit acknowledgment, only China's denial.
		{"China cops to hacking US water plants in Geneva talks", false, rubric.Fail, ""},
		{"China spills the beans on hacking US water plants in Geneva talks, officials say", false, rubric.Partial, ""},
		{"China tacitly acknowledged the hacks in Geneva, officials say", false, rubric.Pass, ""},
		{"China's embassy rejected the WSJ report on the hacking admission as a smear", false, rubric.NA, ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			g, err := j.Grade(t.Context(), r, rubric.Request{Text: tc.text, Kind: rubric.Headline})
			if err != nil {
				t.Fatal(err)
			}
			cg := g.Criterion("admission")
			if cg.Verdict != tc.wantVerdict || cg.NeedsReview != tc.review || g.Provisional != tc.review || g.NeedsReview() != tc.review {
				t.Fatalf("Grade(%q).admission = %s, review %t (%q), provisional %t; want %s, review %t", tc.text, cg.Verdict, cg.NeedsReview, cg.Review, g.Provisional, tc.wantVerdict, tc.review)
			}
			if tc.review && (cg.Decisive || !strings.Contains(cg.Review, tc.wantWords)) {
				t.Errorf("review reason %q (decisive %t), want it to contain %q and not be decisive", cg.Review, cg.Decisive, tc.wantWords)
			}
			if !tc.review && cg.Review != "" {
				t.Errorf("an unmarked verdict has a review reason %q", cg.Review)
			}
		})
	}
	// A rewrite is never judged publishable on a grade marked for review:
	// Rescore keeps the mark.
	rs := j.Rescore(r, "China muses about hacking US water plants in Geneva talks, officials say", rubric.Headline, nil)
	if g := rs.Grade(); !rs.NeedsReview || !g.Provisional {
		t.Errorf("Rescore lost the review mark: %+v", rs)
	}
}
