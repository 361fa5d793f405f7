package rubric_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factgrade/factgrade/rubric"
)

// lexRubric is a tiny made-up story that writes only its facts and uses the
// standards lexicon for every English cue: the lexicon must work for a story
// it has never seen.
const lexRubric = `id: pier-closure
version: 1
title: The pier closure
lexicon: standards@8
source:
  publisher: The Daily
  headline: A Headline
  byline: A Writer
  date: "2025-01-02"
  url: https://example.org/pier
  text: bridge.txt
letters:
  - {letter: A, min: 80}
  - {letter: F, min: 0}
about: [subject]
classes:
  subject_name: [council, council's, mayor]
signals:
  subject:
    patterns: ["council|council's|mayor"]
  subject_speaker:
    patterns: ["council officials|members"]
  topic:
    patterns: ["pier|closure|closing"]
  other_party:
    patterns: ["engineers|inspectors"]
criteria:
  - id: strength
    question: Is the acknowledgment said to be tacit?
    weight: 1
    kinds: [headline, summary]
    verdicts: {pass: tacit, partial: neutral or hedged, fail: explicit}
    evidence:
      - {paragraph: 1, quote: "the bridge will close in May"}
    rules:
      - {when: ["intensifier|intensifier_phrase"], verdict: fail, reason: "{span} is explicit."}
      - {when: ["overclaim.unhedged|boast.unhedged"], verdict: fail, reason: "{span} overclaims."}
      - {when: ["tacit|overclaim.qualified|overclaim.negated"], verdict: pass, reason: "{span} is tacit."}
      - {when: ["overclaim|boast|neutral"], verdict: partial, reason: "{span} is neutral or hedged."}
  - id: sourcing
    question: Attributed?
    weight: 1
    kinds: [headline, summary]
    verdicts: {pass: attributed, partial: unattributed, fail: x}
    evidence:
      - {paragraph: 1, quote: "according to two officials"}
    rules:
      - {when: ["headline_attribution|source_label|hedge_adverb|unnamed_source"], verdict: pass, reason: "{span} attributes it."}
      - {when: [], verdict: partial, reason: unattributed}
  - id: response
    question: The other side?
    weight: 1
    kinds: [summary]
    verdicts: {pass: denial, partial: no comment, fail: missing}
    evidence:
      - {paragraph: 2, quote: "The council denied it."}
    rules:
      - {when: ["denial.negated"], verdict: fail, reason: "{span} misstates it."}
      - {when: ["denial|pushback"], verdict: pass, reason: "{span} gives the other side."}
      - {when: ["no_comment"], verdict: partial, reason: "{span} says no comment."}
      - {when: [], verdict: fail, reason: missing}
`

func loadLexRubric(t *testing.T) *rubric.Rubric { return loadLexSource(t, lexRubric) }

// loadLexSource loads a made-up story's rubric written on the pier source.
func loadLexSource(t *testing.T, src string) *rubric.Rubric {
	t.Helper()
	rs, err := rubric.Load(fstest.MapFS{
		"r.yaml":     {Data: []byte(src)},
		"bridge.txt": {Data: []byte(testSource)},
	}, "r.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return rs[0]
}

// TestLexiconOnAnotherStory checks the lexicon's categories — claim strength
// in its inflections and phrasal forms, intensifiers, qualifiers, hedges and
// attribution in their real shapes, negation, denial and no comment — on a
// story that shares no word with the Volt Typhoon rubric.
func TestLexiconOnAnotherStory(t *testing.T) {
	r := loadLexRubric(t)
	if r.Lexicon != "standards@8" {
		t.Fatalf("Lexicon = %q, want standards@8", r.Lexicon)
	}
	tests := []struct {
		text, crit string
		want       rubric.Verdict
	}{
		// claim strength: every inflection and phrasal form, colloquial and formal
		{"The mayor admits the pier closure", "strength", rubric.Fail},
		{"The mayor confessed to the pier closure", "strength", rubric.Fail},
		{"The mayor came clean about the pier closure", "strength", rubric.Fail},
		{"The mayor fessed up to the pier closure", "strength", rubric.Fail},
		{"The mayor copped to the pier closure", "strength", rubric.Fail},
		{"Mayor cops to pier closure", "strength", rubric.Fail},
		{"The mayor bragged about the pier closure", "strength", rubric.Fail},
		{"The mayor took credit for the pier closure", "strength", rubric.Fail},
		{"The mayor owned up to the pier closure", "strength", rubric.Fail},
		{"The mayor owned the pier closure", "strength", rubric.Fail},
		{"The council's admission on the pier closure", "strength", rubric.Fail},
		// intensifiers, whatever the verb
		{"The mayor openly linked the pier closure to the budget", "strength", rubric.Fail},
		{"The mayor flatly acknowledged the pier closure", "strength", rubric.Fail},
		{"The mayor brazenly acknowledged the pier closure", "strength", rubric.Fail},
		{"The mayor made it clear the pier closure was coming", "strength", rubric.Fail},
		// qualifiers: less than explicit
		{"The mayor tacitly admitted the pier closure", "strength", rubric.Pass},
		{"The mayor all but admitted the pier closure", "strength", rubric.Pass},
		{"The mayor hinted at the pier closure", "strength", rubric.Pass},
		{"The mayor signaled the pier closure", "strength", rubric.Pass},
		{"Inspectors took the council's remarks as an admission of the pier closure", "strength", rubric.Pass},
		{"The mayor stopped short of admitting the pier closure", "strength", rubric.Pass},
		{"The mayor did not directly say the pier would close", "strength", rubric.Pass},
		{"The mayor lowkey hinted at the pier closure", "strength", rubric.Pass},
		{"The mayor low-key linked the pier closure to the budget", "strength", rubric.Pass},
		// "lowkey" is also "quietly": a tacit cue, but it does not take back
		// the verb beside it (this rubric has no rule for an overclaim beside
		// a tacit cue, so the overclaim decides)
		{"The mayor lowkey admitted the pier closure", "strength", rubric.Fail},
		{"The mayor low-key admitted the pier closure", "strength", rubric.Fail},
		{"Nobody on the council admitted the pier closure in so many words", "strength", rubric.Pass},
		{"No council official said the pier would close", "strength", rubric.Pass},
		{"Inspectors took what the mayor said as both an admission and a warning about the pier closure", "strength", rubric.Pass},
		// a denial's object is denied; "reports that" alone only attributes
		{"The council rejected reports that the mayor admitted the pier closure", "strength", rubric.Pass},
		{"After reports that the mayor admitted the pier closure, the council met", "strength", rubric.Partial},
		// hedges soften an overclaim, never an intensifier
		{"The mayor reportedly admitted the pier closure", "strength", rubric.Partial},
		{"The mayor admitted the pier closure: report", "strength", rubric.Partial},
		{"The mayor 'admitted' the pier closure", "strength", rubric.Partial},
		{"The mayor openly admitted the pier closure, officials say", "strength", rubric.Fail},
		// neutral verbs
		{"The mayor acknowledged the pier closure", "strength", rubric.Partial},
		// negation and its scope
		{"The mayor never admitted the pier closure", "strength", rubric.Pass},
		{"The mayor did not admit the closure, but the council admitted the pier closure", "strength", rubric.Fail},
		// attribution in its real shapes
		{"Mayor acknowledged the pier closure, officials say", "sourcing", rubric.Pass},
		{"Mayor acknowledged the pier closure, say officials", "sourcing", rubric.Pass},
		{"Mayor acknowledged the pier closure, per sources", "sourcing", rubric.Pass},
		{"Mayor acknowledged the pier closure, officials suggest", "sourcing", rubric.Pass},
		{"U.S. officials said the mayor acknowledged the pier closure", "sourcing", rubric.Pass},
		{"Sources: Mayor acknowledged the pier closure", "sourcing", rubric.Pass},
		{"Mayor acknowledged the pier closure: report", "sourcing", rubric.Pass},
		{"Mayor allegedly acknowledged the pier closure", "sourcing", rubric.Pass},
		{"Mayor acknowledged the pier closure", "sourcing", rubric.Partial},
		{"Council officials said the mayor acknowledged the pier closure", "sourcing", rubric.Partial},
		// the other side
		{"The mayor acknowledged the pier closure. The council denied the report.", "response", rubric.Pass},
		{"The mayor acknowledged the pier closure. The council called the report baseless.", "response", rubric.Pass},
		{"The mayor acknowledged the pier closure. The council did not respond to a request for comment.", "response", rubric.Partial},
		{"The mayor acknowledged the pier closure. The council did not deny it.", "response", rubric.Fail},
		{"The mayor acknowledged the pier closure.", "response", rubric.Fail},
	}
	j := rubric.NewRuleJudge()
	for _, tc := range tests {
		t.Run(tc.crit+"/"+tc.text, func(t *testing.T) {
			kind := rubric.Headline
			if tc.crit == "response" {
				kind = rubric.Summary
			}
			g, err := j.Grade(t.Context(), r, rubric.Request{Text: tc.text, Kind: kind})
			if err != nil {
				t.Fatal(err)
			}
			cg := g.Criterion(tc.crit)
			if cg.Verdict != tc.want {
				t.Errorf("Grade(%q).%s = %s (%s), want %s", tc.text, tc.crit, cg.Verdict, cg.Reason, tc.want)
			}
		})
	}
}

// TestLexiconProblems checks that a rubric using the lexicon is told what
// it must define and what it may not redefine.
func TestLexiconProblems(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"unknown lexicon", "lexicon: standards@8", "lexicon: nosuch", `unknown lexicon "nosuch"`},
		{"wrong version", "lexicon: standards@8", "lexicon: standards@99", "asks for lexicon standards version 99"},
		{"missing hook", "  other_party:\n    patterns: [\"engineers|inspectors\"]\n", "", "needs the signal other_party"},
		{"missing class", "classes:\n  subject_name: [council, council's, mayor]\n", "", "needs the class subject_name"},
		{"redefined signal", "  other_party:", "  negation:\n    patterns: [\"nope\"]\n  other_party:", "signal negation is already defined by engine/lexicon/standards.yaml"},
		{"unknown placeholder", `["pier|closure|closing"]`, `["<piers>"]`, "unknown placeholder <piers>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(lexRubric, tc.old, tc.new, 1)
			if text == lexRubric {
				t.Fatalf("test edit %q not applied", tc.old)
			}
			_, err := rubric.Load(fstest.MapFS{"r.yaml": {Data: []byte(text)}, "bridge.txt": {Data: []byte(testSource)}}, "r.yaml")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load = %v, want a problem containing %q", err, tc.want)
			}
		})
	}
}

// TestTypedFactsOnAnotherStory checks the lexicon's typed fact slots on the
// made-up pier story, whose source dates the closure in May and counts two
// officials: the lexicon brings the English of months and counts, the story
// only its values (fact_month, fact_count). A story that defines neither
// still loads (lexRubric): the classes are optional.
func TestTypedFactsOnAnotherStory(t *testing.T) {
	src := strings.Replace(lexRubric, "  subject_name: [council, council's, mayor]\n",
		"  subject_name: [council, council's, mayor]\n  fact_month: [may]\n  fact_count: [two, \"2\"]\n", 1)
	src += `  - id: facts
    question: Facts right?
    weight: 1
    kinds: [headline, summary]
    verdicts: {pass: right, fail: wrong}
    evidence:
      - {paragraph: 1, quote: "the bridge will close in May"}
    rules:
      - {when: ["other_month|source_miscount"], verdict: fail, reason: "{span} is wrong."}
      - {when: [], verdict: pass, reason: right}
`
	r := loadLexSource(t, src)
	tests := []struct {
		text string
		want rubric.Verdict
	}{
		{"The council will close the pier in May, two officials said", rubric.Pass},
		{"The council will close the pier in early May, according to 2 officials", rubric.Pass},
		{"The council's decision on the pier is due in June, officials said", rubric.Fail},
		{"The council's pier closure is due in September", rubric.Fail},
		{"The council decided in April to close the pier", rubric.Fail},
		{"The council will close the pier, three officials said", rubric.Fail},
		{"The council will close the pier, according to four sources", rubric.Fail},
		// a month with a year is another event; a month far from any dated event is not the story's
		{"The council closed another pier in June 2019; this one closes in May", rubric.Pass},
		{"Visitors come in August; the council will close the pier in May", rubric.Pass},
		// people counted who are not the sources
		{"One in five people use the pier, which the council will close in May", rubric.Pass},
	}
	for _, tt := range tests {
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: tt.text, Kind: rubric.Headline})
		if err != nil {
			t.Fatal(err)
		}
		if c := g.Criterion("facts"); c.Verdict != tt.want {
			t.Errorf("facts of %q = %s (%s), want %s", tt.text, c.Verdict, c.Reason, tt.want)
		}
	}
}

// TestMeasuredFactsOnAnotherStory checks the lexicon's classes of measured,
// counted and dated facts (<mass_unit_kg>, <range_word>, <settle_word>, …)
// on the made-up pier story, whose source limits each visitor on the pier to
// 90 kg of luggage (198 pounds), lets 4 to 6 boats moor, and has outside
// engineers meet before the council adds the pier to its list of closures:
// the story writes its values, the lexicon the words they come in.
func TestMeasuredFactsOnAnotherStory(t *testing.T) {
	src := strings.Replace(lexRubric, "  other_party:\n", `  weight_wrong:
    patterns: ["/[0-9]+/ -? <mass_unit_kg>", "/[0-9]+/ -? <mass_unit_lb> <person_noun>", "<weigh_word> /[0-9]+/ <mass_unit_lb>"]
    exclude: ["90 -? <mass_unit_kg>", "198 -? <mass_unit_lb>", "<weigh_word> 198"]
  count_wrong:
    patterns: ["<few_word> of? boats", "/[0-9]+/ <range_word>|- /[0-9]+/ boats"]
    exclude: ["4 <range_word>|- 6 boats"]
  when_wrong:
    patterns:
      - "<settle_word> _{0,4} <cardinal>|a|an? <time_unit> ago"
      - "in <period_part> <month_full>"
      - "for a|the <repeat_ordinal> time"
      - "close~ <again_word>"
      - "since the? <period_part>? /1[89][0-9]0s/"
  event_right:
    patterns: ["<outside_adj> engineers", "engineers|<expert_word> _{0,3} <convened_word>", "add~ _{0,4} to _{0,2} its|the|a <list_noun>", "put~|place~ _{0,4} on|in _{0,2} its|the|a <list_noun>"]
  other_party:
`, 1)
	r := loadLexSource(t, src)
	tests := []struct {
		signal, text string
		want         bool
	}{
		{"weight_wrong", "Visitors may carry 70 kg of luggage on the pier", true},
		{"weight_wrong", "A 70-kilogram limit for the pier's visitors", true},
		{"weight_wrong", "Visitors may carry 70 kilos each", true},
		{"weight_wrong", "A 150-pound adult may walk the pier", true},
		{"weight_wrong", "Anyone weighing 150 lbs may walk the pier", true},
		{"weight_wrong", "Visitors may carry 90 kg of luggage on the pier", false},
		{"weight_wrong", "Visitors may carry 90 kilograms of luggage", false},
		{"weight_wrong", "A 198-lb adult may walk the pier", false},
		{"weight_wrong", "Anyone weighing 198 pounds may walk the pier", false},
		{"count_wrong", "Several boats may moor at the pier", true},
		{"count_wrong", "A couple of boats may moor there", true},
		{"count_wrong", "Between 3 and 8 boats may moor there", true},
		{"count_wrong", "From 2 through 5 boats may moor there", true},
		{"count_wrong", "From 4 to 6 boats may moor there", false},
		{"count_wrong", "4 until 6 boats may moor there", false},
		{"when_wrong", "The council decided two years ago to close the pier", true},
		{"when_wrong", "The council agreed months ago to close the pier", true},
		{"when_wrong", "The closure was finalised a decade ago", true},
		{"when_wrong", "The pier will close in early June", true},
		{"when_wrong", "The pier will close in mid August", true},
		{"when_wrong", "The pier closes for a second time", true},
		{"when_wrong", "The pier closes for the third time", true},
		{"when_wrong", "The pier will close again", true},
		{"when_wrong", "The pier has been unsafe since the late 1990s", true},
		{"when_wrong", "The council will close the pier in May", false},
		{"when_wrong", "The pier closes for the first time", false},
		{"event_right", "The council acted after outside engineers inspected the pier", true},
		{"event_right", "The council acted after independent engineers inspected it", true},
		{"event_right", "The closure came after the specialists convened", true},
		{"event_right", "The council added the pier to its list of closures", true},
		{"event_right", "The council placed the pier in a category of its own", true},
		{"event_right", "The council closed the pier", false},
	}
	for _, tt := range tests {
		var spans []string
		got := false
		for _, m := range r.Explain(tt.text) {
			if m.Signal == tt.signal {
				spans = append(spans, m.Span.Text)
				got = got || !m.Negated
			}
		}
		if got != tt.want {
			t.Errorf("%s in %q = %v (%s), want %v", tt.signal, tt.text, got, strings.Join(spans, "; "), tt.want)
		}
	}
}
