package rubric_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factgrade/factgrade/rubric"
)

// elementsRubric is a tiny rubric whose about test is composed of elements
// (docs/RUBRICS.md, "Elements and counts"): the actor, the deed and the
// event, each a named alternative of signals, and a neighbour's veto.
var elementsRubric = tinySource(`elements:
  actor: "mayor|council"
  deed: "bribe|kickback.any"
  event: "admitted|meeting"
about: [ABOUT]
`, `  mayor: {patterns: ["mayor"]}
  council: {patterns: ["council"]}
  bribe: {patterns: ["bribe|bribes"]}
  kickback:
    patterns: ["kickback|kickbacks"]
    negated_by: [no]
  no: {patterns: ["no"]}
  admitted: {patterns: ["admitted"]}
  meeting: {patterns: ["meeting"]}
  trial: {patterns: ["trial"]}`, `"2 of actor|deed|event"`)

// TestElementsAndCounts: a condition names an element like a signal (any
// of its alternatives holds), and "N of a|b|c" holds when N of its written
// terms do, an element counting once however many of its signals hold.
func TestElementsAndCounts(t *testing.T) {
	tests := []struct {
		about, text string
		want        bool
	}{
		{"actor", "The council met.", true},
		{"actor", "The bribe was paid.", false},
		{"deed", "no kickbacks here", true}, // the element's own property: .any
		{`"2 of actor|deed|event"`, "The mayor took a bribe.", true},
		{`"2 of actor|deed|event"`, "The mayor and the council met.", false}, // one element twice
		{`"2 of actor|deed|event"`, "The mayor admitted it.", true},
		{`"2 of actor|deed|event"`, "A bribe, a kickback.", false},
		{`"3 of actor|deed|event"`, "The mayor admitted the bribe.", true},
		{`"3 of actor|deed|event"`, "The mayor admitted it.", false},
		{`"2 of actor|deed|event", "!trial"`, "The mayor admitted the bribe at trial.", false},
		{`"2 of actor|bribe|admitted"`, "The council admitted it.", true}, // elements and signals mixed
		{`"!2 of actor|deed|event", bribe`, "A bribe.", true},
		{`"!2 of actor|deed|event", bribe`, "The mayor took a bribe.", false},
	}
	for _, tc := range tests {
		src := strings.Replace(elementsRubric, "ABOUT", tc.about, 1)
		rs, err := rubric.Load(fstest.MapFS{"r.yaml": {Data: []byte(src)}, "s.txt": {Data: []byte(testSource)}}, "r.yaml")
		if err != nil {
			t.Fatalf("about [%s]: Load: %v", tc.about, err)
		}
		if got, _ := rs[0].About(tc.text); got != tc.want {
			t.Errorf("about [%s] on %q = %v, want %v", tc.about, tc.text, got, tc.want)
		}
	}
}

// TestElementsRefused: what an element or a count cannot be.
func TestElementsRefused(t *testing.T) {
	tests := []struct{ name, elements, about, want string }{
		{"element named as a signal", `  mayor: "council"`, "mayor", "has a signal's name"},
		{"element naming an element", "  actor: \"mayor|council\"\n  who: \"actor|bribe\"", "who", "names element"},
		{"negated element", `  actor: "!mayor"`, "actor", "alternatives only"},
		{"counted element", `  actor: "2 of mayor|council"`, "actor", "alternatives only"},
		{"property on an element", `  actor: "mayor|council"`, "actor.any", "takes no property"},
		{"count above the terms", `  actor: "mayor|council"`, `"3 of actor|bribe"`, "asks for 3 of fewer terms"},
		{"unknown signal", `  actor: "mayor|nobody"`, "actor", `unknown signal "nobody"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := elementsRubric[:strings.Index(elementsRubric, "elements:")] + "elements:\n" + tc.elements + "\n" + elementsRubric[strings.Index(elementsRubric, "about:"):]
			src = strings.Replace(src, "ABOUT", tc.about, 1)
			src = strings.Replace(src, `"2 of actor|deed|event"`, "mayor", 1)
			_, err := rubric.Load(fstest.MapFS{"r.yaml": {Data: []byte(src)}, "s.txt": {Data: []byte(testSource)}}, "r.yaml")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load = %v, want a problem containing %q", err, tc.want)
			}
		})
	}
}
