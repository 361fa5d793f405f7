package rubrics_test

import (
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// lexiconCase is a text of one story and whether a lexicon signal occurs in
// it (and is not negated).
type lexiconCase struct {
	signal, rubric, text string
	want                 bool
}

// TestLexiconEntriesOnBothStories checks each entry the standards lexicon
// gained in version 4 on both stories' rubrics: the lexicon is English,
// written once, and must read the same construction about China and the
// hacks as about IARC and aspartame. Each entry has a text of each story
// where it holds and one where it must not.
func TestLexiconEntriesOnBothStories(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []lexiconCase{
		// subject_ack: the subject as the one who acknowledges, in a sentence about the topic.
		{"subject_ack", volt, "Beijing took the credit for the attacks on U.S. ports", true},
		{"subject_ack", volt, "China owned to the hacks in Geneva", true},
		{"subject_ack", volt, "China said it was behind the intrusions", true},
		{"subject_ack", volt, "An admission from Beijing on the hacks", true},
		{"subject_ack", volt, "China-linked hackers hit U.S. ports", false},
		{"subject_ack", volt, "Hacks linked to China went on for years", false},
		{"subject_ack", volt, "China acknowledged the trade deficit", false},
		{"subject_ack", asp, "WHO quietly acknowledged the aspartame cancer link", true},
		{"subject_ack", asp, "IARC came clean on aspartame", true},
		{"subject_ack", asp, "IARC acknowledged the budget shortfall", false},
		// speaker_ack: one of the subject's envoys acknowledges.
		{"speaker_ack", volt, "A Chinese diplomat all but admitted the hacks", true},
		{"speaker_ack", volt, "The delegation hinted at the intrusions", true},
		{"speaker_ack", volt, "U.S. officials acknowledged the hacks", false},
		{"speaker_ack", asp, "An IARC official conceded the aspartame finding was thin", true},
		{"speaker_ack", asp, "Regulators acknowledged the aspartame finding", false},
		// subject_admission: the subject's admission as a thing it made.
		{"subject_admission", volt, "China's stunning admission", true},
		{"subject_admission", volt, "China made no admission", false},
		{"subject_admission", asp, "IARC's admission on the sweetener", true},
		{"subject_admission", asp, "The industry's admission on the sweetener", false},
		// ack_mention: an acknowledgment named as such, not negated.
		{"ack_mention", volt, "The acknowledgment shocked Washington", true},
		{"ack_mention", volt, "There was no admission in Geneva", false},
		{"ack_mention", asp, "A confession from the agency on aspartame", true},
		{"ack_mention", asp, "The agency said aspartame is a possible carcinogen", false},
		// reading: remarks read as an acknowledgment, or called tacit.
		{"reading", volt, "Americans interpreted the remarks as a tacit admission of the hacks", true},
		{"reading", volt, "The remarks on the hacks were indirect and somewhat ambiguous", true},
		{"reading", volt, "A veiled warning about the intrusions", true},
		{"reading", volt, "The remarks were indirect and ambiguous about trade", false},
		{"reading", asp, "Makers read the listing as a veiled warning on aspartame", true},
		{"reading", asp, "Makers read the listing closely", false},
		// report_mention and reported_ack: an acknowledgment in a sentence naming its report.
		{"report_mention", volt, "The Journal reported on Tuesday", true},
		{"report_mention", asp, "Reuters reported on Thursday", true},
		{"report_mention", asp, "The agency met in June", false},
		{"reported_ack", volt, "A report that China tacitly admitted the hacks", true},
		{"reported_ack", volt, "China tacitly admitted the hacks", false},
		{"reported_ack", asp, "A report that IARC signalled a cancer listing for aspartame", true},
		{"reported_ack", asp, "IARC signalled a cancer listing for aspartame", false},
		// explicit_idiom (overclaim), with and without the article, and "own to".
		{"overclaim", volt, "China took the credit for the hacks", true},
		{"overclaim", volt, "China owned to the hacks", true},
		{"overclaim", asp, "IARC took the credit for the aspartame finding", true},
		{"overclaim", asp, "IARC took the bus", false},
	}
	runLexiconCases(t, tests)
}

func runLexiconCases(t *testing.T, tests []lexiconCase) {
	t.Helper()
	set := load(t)
	for _, tc := range tests {
		r, err := set.Lookup(tc.rubric)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(r.Lexicon, "standards") {
			t.Fatalf("%s uses lexicon %q", tc.rubric, r.Lexicon)
		}
		got, spans := occurs(r, tc.signal, tc.text)
		if got != tc.want {
			t.Errorf("%s on %s: %q occurs = %v (%s), want %v", tc.signal, tc.rubric, tc.text, got, spans, tc.want)
		}
	}
}

// occurs reports whether signal occurs in text, not negated, and lists its
// occurrences.
func occurs(r *rubric.Rubric, signal, text string) (bool, string) {
	var spans []string
	ok := false
	for _, m := range r.Explain(text) {
		if m.Signal != signal {
			continue
		}
		spans = append(spans, m.Span.Text)
		ok = ok || !m.Negated
	}
	return ok, strings.Join(spans, "; ")
}
