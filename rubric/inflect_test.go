package rubric_test

import (
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factgrade/factgrade/rubric"
)

// TestInflectionOperator: word~ in a pattern stands for every form of the
// word as English has them (docs/RUBRICS.md, "Patterns"), expanded when
// the rubric is compiled; each case is a tiny inline rubric whose signal x
// the case checks.
func TestInflectionOperator(t *testing.T) {
	tests := []struct {
		construct, signals, text, want string
	}{
		{"regular verb", `  x: {patterns: ["link~"]}`, "He links it; she linked it, linking it to link it. A linkage.", "link; linked; linking; links"},
		{"verb in -e", `  x: {patterns: ["note~"]}`, "noted, notes, noting, note, notting", "note; noted; notes; noting"},
		{"verb in -y", `  x: {patterns: ["deny~"]}`, "denied, denies, denying, deny, denyed", "denied; denies; deny; denying"},
		{"doubling", `  x: {patterns: ["admit~"]}`, "admitted, admitting, admits, admited", "admits; admitted; admitting"},
		{"irregular", `  x: {patterns: ["take~ credit"]}`, "took credit, taken credit, taking credit, takes credit, taked credit", "taken credit; takes credit; taking credit; took credit"},
		{"irregular with an attested regular form", `  x: {patterns: ["plead~ guilty"]}`, "pled guilty, pleaded guilty, pleads guilty", "pleaded guilty; pleads guilty; pled guilty"},
		{"a past that is the base", `  x: {patterns: ["let~ slip"]}`, "let slip, lets slip, letting slip, leted slip", "let slip; lets slip; letting slip"},
		{"noun", `  x: {patterns: ["crisis~"]}`, "a crisis, two crises, crisises", "crises; crisis"},
		{"inside alternatives", `  x: {patterns: ["blame~|pin~ _{0,4} on"]}`, "blamed it on them; pinned the hack on them; pins it on", "blamed it on; pinned the hack on; pins it on"},
		{"optional", `  x: {patterns: ["openly? admit~ it"]}`, "openly admitted it; admits it", "admits it; admitted it; openly admitted it"},
		{"repeated", `  x: {patterns: ["say~{1,2} so"]}`, "said said so; says so", "said said so; said so; says so"},
		{"phrasal verb", `  x: {patterns: ["turn~ off|out? the? lights"]}`, "turned off the lights; turns out lights; turning lights", "turned off the lights; turning lights; turns out lights"},
		{"hyphenated word", `  x: {patterns: ["baby-sit~"]}`, "She baby-sat; he baby-sits; baby sat", "baby-sat; baby-sits"},
		{"hyphenated, its last part regular", `  x: {patterns: ["cyber-attack~"]}`, "cyber-attacks and cyber-attacked", "cyber-attacked; cyber-attacks"},
		{"hyphenated, its first part inflected", `  x: {patterns: ["mother-in-law~"]}`, "two mothers-in-law", "mothers-in-law"},
		{"unknown word: the regular rules", `  x: {patterns: ["zorp~"]}`, "zorped, zorping, zorps", "zorped; zorping; zorps"},
		{"a lone tilde is punctuation", `  x: {patterns: ["~ admitted"]}`, "~admitted", "~admitted"},
	}
	for _, tc := range tests {
		t.Run(tc.construct, func(t *testing.T) {
			r := tinyRubric(t, tc.signals)
			if got := found(r, tc.text); got != tc.want {
				t.Errorf("x in %q = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestInflectionOperatorRefused: the operator follows a plain word, not a
// class, a wildcard or a regular expression, and a hyphenated word with it
// is an element of its own.
func TestInflectionOperatorRefused(t *testing.T) {
	for _, tc := range []struct{ name, signals, want string }{
		{"class", `  x: {patterns: ["<negator>~ admit"]}` + lexHooks, "inflection operator"},
		{"prefix", `  x: {patterns: ["acknowledg*~"]}`, "inflection operator"},
		{"any word", `  x: {patterns: ["_~ admit"]}`, "inflection operator"},
		{"initialism", `  x: {patterns: ["WHO~"]}`, "inflection operator"},
		{"hyphenated among alternatives", `  x: {patterns: ["cyber-attack~|hack"]}`, "hyphen trap"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadLintRubric(tc.signals)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "r.yaml:") {
				t.Errorf("Load = %v, want a problem with its line containing %q", err, tc.want)
			}
		})
	}
}

// TestLintWarnsHandListed: lint warns, with the line and the replacement,
// where a pattern lists by hand three or more forms of a word, all of
// them; an incomplete set (no saying) or a noun's two forms are no warning.
func TestLintWarnsHandListed(t *testing.T) {
	for _, tc := range []struct{ name, signals, want string }{
		{"every form", `  x: {patterns: ["blame|blames|blamed|blaming _{0,4} on"]}`, "r.yaml:8: signal x: blame|blamed|blames|blaming are every form of blame, written by hand: write blame~ (the element becomes blame~)"},
		{"two words in one element", "  x:\n    patterns:\n      - \"take|takes|took|taken|taking|claim|claims|claimed|claiming credit\"", "r.yaml:10: signal x: claim|claimed|claiming|claims are every form of claim, written by hand: write claim~ (the element becomes take~|claim~)\nr.yaml:10: signal x: take|taken|takes|taking|took are every form of take, written by hand: write take~ (the element becomes take~|claim~)"},
		{"incomplete", `  x: {patterns: ["say|says|said so"]}`, ""},
		{"a noun's two forms", `  x: {patterns: ["crisis|crises"]}`, ""},
		{"the operator", `  x: {patterns: ["blame~ _{0,4} on"]}`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs, err := loadLintRubric(tc.signals)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			var got []string
			for _, p := range rs[0].LintWarnings() {
				got = append(got, p.String())
			}
			sort.Strings(got)
			if g := strings.Join(got, "\n"); g != tc.want {
				t.Errorf("LintWarnings() =\n%s\nwant\n%s", g, tc.want)
			}
			if l := rs[0].Lint(); len(l) > 0 {
				t.Errorf("Lint() = %v: a warning refuses nothing", l)
			}
		})
	}
}

// loadLintRubric loads lintRubric with the given signals.
func loadLintRubric(signals string) ([]*rubric.Rubric, error) {
	src := strings.ReplaceAll(lintRubric, "SIGNALS", signals)
	return rubric.Load(fstest.MapFS{"r.yaml": {Data: []byte(src)}, "s.txt": {Data: []byte(testSource)}}, "r.yaml")
}
