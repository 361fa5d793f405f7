package rubrics_test

import (
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// sourcingCase is one row of TestSourcingConstructions: a text written
// here (not taken from a case file), graded on its story's own `sourcing`
// criterion.
type sourcingCase struct {
	rubric, kind, want, text string
}

// TestSourcingConstructions grades the attribution constructions the
// fifth session of 2026-12-07 taught the lexicon (helper attr6, from the
// mismatches of both stories' tune6 and tune7), each in several wordings
// of its own and beside the near misses that must not change: the same
// grammar on both stories where the construction exists in both.
func TestSourcingConstructions(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []sourcingCase{
		// A speech verb between the people and a copula is theirs: "officials
		// said it was …" attributes; "officials were stunned" (the people as
		// the subject of their own clause) and "the campaign officials say
		// was designed" (their word on a side detail, a relative clause) do
		// not.
		{volt, "summary", "pass", "China hinted at the Volt Typhoon hacks in Geneva, according to the Journal. U.S. officials said it was the first time Beijing had signalled a role."},
		{volt, "summary", "pass", "The Journal reported the Geneva meeting. American officials told the paper it was plain China was hinting at its role in the hacks."},
		{volt, "summary", "pass", "According to the Journal, Chinese envoys tacitly acknowledged the hacks. Former officials say this was the clearest hint yet."},
		{volt, "summary", "partial", "According to the Journal, Chinese envoys tacitly acknowledged the hacks. U.S. officials were stunned by the hint."},
		{volt, "summary", "partial", "According to the Journal, Chinese envoys tacitly acknowledged the hacks. Officials in the room were stunned by the hint."},
		{volt, "summary", "partial", "The Journal says China hinted it was behind Volt Typhoon, the campaign U.S. officials say was built to disrupt ports."},
		// A description of the remarks' manner by an adjective is what the
		// people said of them, active or passive; a description as a thing
		// (a warning, an admission) is their reading.
		{volt, "summary", "pass", "The Journal reported that China linked the hacks to Taiwan in Geneva. U.S. officials described Wang Lei's remarks as indirect and ambiguous."},
		{volt, "summary", "pass", "Per the Journal, Chinese envoys linked the hacks to Taiwan; the remarks were characterised by American officials as veiled."},
		{volt, "summary", "pass", "Chinese officials linked the hacks to U.S. support for Taiwan, in remarks described by U.S. sources as oblique, the Journal said."},
		{volt, "summary", "partial", "The Journal reported that China linked the hacks to Taiwan in Geneva. U.S. officials described Wang Lei's remarks as a clear warning about Taiwan."},
		{volt, "summary", "partial", "Per the Journal, Chinese envoys hinted at the hacks; the remarks were described by U.S. officials as an admission."},
	}
	for _, id := range []string{volt, asp} {
		var cases []factCase
		for _, tt := range tests {
			if tt.rubric == id {
				cases = append(cases, factCase{kind: rubric.Kind(tt.kind), criterion: "sourcing", want: tt.want, text: tt.text})
			}
		}
		runCriterionCases(t, id, cases)
	}
}
