package rubrics_test

import (
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// TestClaimStrengthConstructions grades texts written here (not from any
// case file) for English constructions that decide how strong a claim a
// text makes (issue 12, the admission criterion and its aspartame
// counterpart): each construction in several phrasings, on both stories
// where it applies.
func TestClaimStrengthConstructions(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []struct{ rubric, criterion, kind, want, text string }{
		// A correction withdraws what it says was wrongly stated: the
		// overclaim it repeats is negated, not made.
		{volt, "admission", "summary", "pass", "Correction: An earlier version of this story said that Chinese officials openly admitted the hacks on U.S. ports. U.S. officials took the remarks as a tacit acknowledgment."},
		{volt, "admission", "summary", "pass", "This article previously misstated that Beijing confessed to the intrusions. Its officials only hinted at the hacks."},
		{volt, "admission", "summary", "pass", "We wrongly reported that China took responsibility for the water utility hacks; the remarks were indirect."},
		{volt, "admission", "summary", "fail", "Chinese officials openly admitted the hacks on U.S. ports, an earlier story found."},
		{asp, "classification", "summary", "pass", "An earlier version of this article stated that IARC confirmed aspartame causes cancer. IARC is expected to list it as possibly carcinogenic, sources say."},
		// A question asked after a statement, in a clause of its own, leaves
		// the statement asserted; a question that holds the claim asks it.
		{volt, "admission", "headline", "fail", "China admitted hacking our water systems, so why is nobody talking about it?"},
		{volt, "admission", "headline", "fail", "Beijing confessed to the port hacks — what will Washington do now?"},
		{volt, "admission", "headline", "partial", "Did China admit hacking our water systems?"},
		{volt, "admission", "headline", "partial", "Did China really confess to the port hacks in Geneva?"},
		{asp, "classification", "headline", "fail", "Aspartame causes cancer, WHO agency to say — so why is it still in diet soda?"},
		{asp, "classification", "headline", "partial", "Does aspartame cause cancer, as the WHO agency will say?"},
	}
	set := load(t)
	for _, tt := range tests {
		r, err := set.Lookup(tt.rubric)
		if err != nil {
			t.Fatal(err)
		}
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: tt.text, Kind: rubric.Kind(tt.kind)})
		if err != nil {
			t.Fatal(err)
		}
		if got := g.Criterion(tt.criterion).Verdict; string(got) != tt.want {
			t.Errorf("%s %s of %q = %s, want %s", tt.rubric, tt.criterion, tt.text, got, tt.want)
		}
	}
}
