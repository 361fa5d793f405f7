package rubric_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factgrade/factgrade/rubric"
)

// tinySource is a tiny rubric's YAML: its top-level lines after the
// letters (head: about, elements), its signals, and one criterion passing
// when the condition when holds.
func tinySource(head, signals, when string) string {
	return `id: tiny
version: 1
title: Tiny
source: {publisher: P, headline: A Headline, byline: B, date: "2025-01-01", url: "https://example.org/", text: s.txt}
letters: [{letter: A, min: 50}, {letter: F, min: 0}]
` + head + `signals:
` + signals + `
criteria:
  - id: c
    question: Q?
    weight: 1
    kinds: [headline, summary]
    verdicts: {pass: p, fail: f}
    evidence: [{paragraph: 1, quote: "The mayor said"}]
    rules:
      - {when: [` + when + `], verdict: pass, reason: "{span}"}
`
}

// tinyRubric wraps signal definitions (YAML, indented under `signals:`) in
// the smallest rubric that loads: one criterion whose only rule uses them.
func tinyRubric(t *testing.T, signals string) *rubric.Rubric {
	t.Helper()
	src := tinySource("about: [x]\n", signals, `"x"`)
	rs, err := rubric.Load(fstest.MapFS{"r.yaml": {Data: []byte(src)}, "s.txt": {Data: []byte(testSource)}}, "r.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return rs[0]
}

// found lists the occurrences of signal x as `words[flags]`, in text order.
func found(r *rubric.Rubric, text string) string {
	var out []string
	for _, m := range r.Explain(text) {
		if m.Signal != "x" {
			continue
		}
		f := ""
		if m.Negated {
			f += "N"
		}
		if m.Qualified {
			f += "Q"
		}
		if m.Hedged {
			f += "H"
		}
		if f != "" {
			f = "[" + f + "]"
		}
		out = append(out, m.Span.Text+f)
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// TestLanguage is a table per construct of the rule language
// (docs/RUBRICS.md, "The rule language"), each on a tiny inline rubric:
// the signal x is what the case checks, the others are its helpers.
func TestLanguage(t *testing.T) {
	tests := []struct {
		construct string
		signals   string
		text      string
		want      string // x's occurrences, sorted: words[N negated, Q qualified, H hedged]
	}{
		// Tokens and elements.
		{"word", `  x: {patterns: ["admitted"]}`, "China admitted it. China Admitted.", "Admitted; admitted"},
		{"prefix", `  x: {patterns: ["acknowledg*"]}`, "acknowledges the acknowledgment", "acknowledges; acknowledgment"},
		{"suffix", `  x: {patterns: ["*n't"]}`, "didn't, wasn't", "didn't; wasn't"},
		{"any word", `  x: {patterns: ["said _ officials"]}`, "said U.S. officials", "said U.S. officials"},
		{"capital", `  x: {patterns: ["@Cap said"]}`, "Wang said; wang said", "Wang said"},
		{"initialism, written in capitals", `  x: {patterns: ["WHO said|says"]}`, "WHO says; people who said; Who said; WHO'S said", "WHO says"},
		{"initialism with stops", `  x: {patterns: ["U.N. _"]}`, "the U.N. said; the u.n. said; the UN said", "U.N. said"},
		{"initialism in an all-capitals headline", `  x: {patterns: ["WHO to"]}`, "WHO TO BRAND IT; Who to call", "WHO TO"},
		{"regexp", `  x: {patterns: ["/20(1\\d|2[0-3])/"]}`, "in 2023 and 2024", "2023"},
		{"alternatives", `  x: {patterns: ["admitted|confessed to"]}`, "admitted to, confessed to, owned to", "admitted to; confessed to"},
		{"optional (a signal takes the shortest match)", `  x: {patterns: ["came clean about?"]}`, "came clean. came clean about it", "came clean; came clean"},
		{"repetition, shortest", `  x: {patterns: ["support _{0,3} taiwan"]}`, "support for Taiwan and Taiwan", "support for Taiwan"},
		{"escaped question mark", `  x: {patterns: ["\\?"]}`, "Did it? Yes.", "?"},
		{"curly quotes fold", `  x: {patterns: ["' admitted '"]}`, "‘admitted’", "‘admitted’"},
		{"dashes fold", `  x: {patterns: ["cyber - attacks"]}`, "cyber—attacks and cyber–attacks", "cyber–attacks; cyber—attacks"},
		{"hyphenated word as written", `  x: {patterns: ["closed-door"]}`, "a closed-door meeting; closed door", "closed-door"},
		{"hyphenated prefix", `  x: {patterns: ["sino-*"]}`, "Sino-American talks, Sino-U.S. ties", "Sino-American; Sino-U.S."},
		{"abbreviation is one word", `  x: {patterns: ["u.s. officials"]}`, "U.S. officials said", "U.S. officials"},
		{"never across a sentence", `  x: {patterns: ["admitted _{0,3} hacks"]}`, "China admitted. The hacks went on.", ""},
		// Filters.
		{"exclude at the same word", "  x:\n    patterns: [\"linked\"]\n    exclude: [\"linked to\"]", "hacks linked to China; China linked the hacks", "linked"},
		{"near, same sentence", "  x:\n    patterns: [\"admitted\"]\n    near: [h]\n  h: {patterns: [\"hacks\"]}", "China admitted the hacks. China admitted. The hacks.", "admitted"},
		{"near within", "  x:\n    patterns: [\"admitted\"]\n    near: [h]\n    near_within: 2\n  h: {patterns: [\"hacks\"]}", "China admitted the hacks. China admitted years of the hacks.", "admitted"},
		{"near side before", "  x:\n    patterns: [\"confirmed\"]\n    near: [h]\n    near_side: before\n  h: {patterns: [\"officials\"]}", "Officials confirmed it. China confirmed it to officials.", "confirmed"},
		{"not near", "  x:\n    patterns: [\"admitted\"]\n    not_near: [h]\n  h: {patterns: [\"denied\"]}", "He admitted it. She denied she admitted it.", "admitted"},
		{"a signal inside counts for not_near", "  x:\n    patterns: [\"according to _{0,3} officials\"]\n    not_near: [h]\n  h: {patterns: [\"chinese officials\"]}", "It was so, according to Chinese officials. It was so, according to the officials.", "according to the officials"},
		// Negation: the window before the word, and the clause as its scope.
		{"negation within the window", "  x:\n    patterns: [\"admit\"]\n    negated_by: [n]\n    window: 2\n  n: {patterns: [\"not|*n't\"]}", "did not admit; didn't publicly admit", "admit[N]; admit[N]"},
		{"negation beyond the window", "  x:\n    patterns: [\"admit\"]\n    negated_by: [n]\n    window: 1\n  n: {patterns: [\"not\"]}", "not quite openly admit", "admit"},
		{"negation stops at a clause break", "  x:\n    patterns: [\"admitted\"]\n    negated_by: [n]\n    window: 6\n  n: {patterns: [\"not\"]}", "Not Beijing, but Wang admitted it", "admitted"},
		{"negation stops at a comma", "  x:\n    patterns: [\"admitted\"]\n    negated_by: [n]\n    window: 6\n  n: {patterns: [\"never\"]}", "Never again, China admitted", "admitted"},
		{"negation to the end of the sentence (negates_rest)", "  x:\n    patterns: [\"admitted\"]\n    negated_by: [n]\n    window: 2\n  n:\n    patterns: [\"an earlier version said\"]\n    negates_rest: true", "An earlier version said they met in May, in Vienna, and that China admitted it. China admitted it.", "admitted; admitted[N]"},
		{"negates_rest stops at a semicolon or but", "  x:\n    patterns: [\"admitted\"]\n    negated_by: [n]\n    window: 2\n  n:\n    patterns: [\"an earlier version said\"]\n    negates_rest: true", "An earlier version said they met in May; China admitted it. An earlier version said so, but China admitted it.", "admitted; admitted"},
		{"a hyphen is not a clause break", "  x:\n    patterns: [\"admitted\"]\n    negated_by: [n]\n    window: 4\n  n: {patterns: [\"never\"]}", "never closed-door admitted", "admitted[N]"},
		// Qualifiers before and after.
		{"qualifier before", "  x:\n    patterns: [\"admitted\"]\n    qualified_by: [q]\n  q: {patterns: [\"tacitly\", \"all but\"]}", "tacitly admitted; all but admitted; admitted", "admitted; admitted[Q]; admitted[Q]"},
		{"qualifier in quotation marks right before the word", "  x:\n    patterns: [\"admitted\"]\n    qualified_by: [q]\n  q: {patterns: [\"'|\\\" tacitly '|\\\"\", \"tacitly\"]}", "China 'tacitly' admitted it; 'tacitly' and then admitted; \"tacitly\" admitted", "admitted; admitted[Q]; admitted[Q]"},
		{"qualifier in a parenthesis right before the word", "  x:\n    patterns: [\"admitted\"]\n    qualified_by: [q]\n    window: 4\n  q: {patterns: [\"in effect\"]}", "China, in effect, admitted it; in effect, China admitted it; China, in effect, then admitted it", "admitted; admitted; admitted[Q]"},
		{"negation in a parenthesis right before the word", "  x:\n    patterns: [\"admitted\"]\n    negated_by: [n]\n    window: 4\n  n: {patterns: [\"never\"]}", "China, never, admitted it; Never, China admitted", "admitted; admitted[N]"},
		{"qualifier after", "  x:\n    patterns: [\"admission\"]\n    qualified_by: [q]\n    qualified_after_by: [a]\n    qualified_after: 3\n  q: {patterns: [\"tacit\"]}\n  a: {patterns: [\", though indirect\"]}", "the admission, though indirect, came", "admission[Q]"},
		{"qualifier after out of reach", "  x:\n    patterns: [\"admission\"]\n    qualified_by: [q]\n    qualified_after_by: [a]\n    qualified_after: 1\n  q: {patterns: [\"tacit\"]}\n  a: {patterns: [\"indirect\"]}", "the admission came, it was indirect", "admission"},
		// Hedges: their reach, quotation marks.
		{"hedge reaches the sentence", "  x:\n    patterns: [\"admitted\"]\n    hedged_by: [h]\n  h: {patterns: [\"report\"]}", "China admitted it: report. China admitted it.", "admitted; admitted[H]"},
		{"hedge reach in words", "  x:\n    patterns: [\"admitted\"]\n    hedged_by: [h]\n  h:\n    patterns: [\"reportedly\"]\n    reach: 2", "reportedly admitted; reportedly, years later and after much else, admitted", "admitted; admitted[H]"},
		{"quotes hedge", "  x:\n    patterns: [\"admitted\"]\n    quotes_hedge: true", "China 'admitted' it; China admitted it", "admitted; admitted[H]"},
		{"quotes hedge a quoted passage", "  x:\n    patterns: [\"admitted\"]\n    quotes_hedge: true", "He wrote: \"China admitted it.\"", "admitted[H]"},
		// Word classes.
		{"placeholder", "  x: {patterns: [\"<negator> admit\"]}", "never admit; nobody admit; always admit", "never admit; nobody admit"},
		{"phrase family as a whole pattern", "  x: {patterns: [\"<explicit_idiom>\"]}", "China copped to it and came clean; China came", "came clean; copped to"},
		{"phrase family as an element", "  x: {patterns: [\"<subject_name> _{0,2} <explicit_idiom>\"]}", "China quietly copped to it; China came clean; Russia came clean", "China came clean; China quietly copped to"},
	}
	for _, tc := range tests {
		t.Run(tc.construct, func(t *testing.T) {
			sigs := tc.signals
			if strings.Contains(sigs, "<") {
				sigs = "  # uses the lexicon\n" + sigs
			}
			r := tinyRubricLex(t, sigs)
			if got := found(r, tc.text); got != tc.want {
				t.Errorf("%s: x in %q = %q, want %q", tc.construct, tc.text, got, tc.want)
			}
		})
	}
}

// TestClassDifference: <a!b> is the words of class a that are in no other
// class named after it (a month other than the story's), anywhere a class
// may be written: alone, among alternatives, repeated.
func TestClassDifference(t *testing.T) {
	classes := "\n  fact_month: [december, dec]\n  fact_season: [winter, wintertime]\n  negation_words: [never, nobody]"
	tests := []struct{ construct, signals, text, want string }{
		{"a class less the story's", `  x: {patterns: ["in <month_full!fact_month>"]}`, "met in March; met in December; met in May", "in March"},
		{"among alternatives", `  x: {patterns: ["in <month_full!fact_month>|may"]}`, "met in March; met in December; met in May", "in March; in May"},
		{"less two classes", `  x: {patterns: ["<negator!negation_words!subject_name> admit"]}`, "never admit; nobody admit; not admit", "not admit"},
		{"after a repetition", `  x: {patterns: ["met _{0,3} <season_name!fact_season>"]}`, "met in the fall; met last winter", "met in the fall"},
		{"the class alone", `  x: {patterns: ["last <fact_season>"]}`, "last winter; last fall", "last winter"},
	}
	for _, tc := range tests {
		t.Run(tc.construct, func(t *testing.T) {
			r := tinyRubric(t, "  # uses the lexicon\n"+tc.signals+lexHooks+classes)
			if got := found(r, tc.text); got != tc.want {
				t.Errorf("%s: x in %q = %q, want %q", tc.construct, tc.text, got, tc.want)
			}
		})
	}
}

// tinyRubricLex is tinyRubric with the standards lexicon when the signals
// use word classes.
func tinyRubricLex(t *testing.T, signals string) *rubric.Rubric {
	if !strings.Contains(signals, "<") {
		return tinyRubric(t, signals)
	}
	return tinyRubric(t, signals+lexHooks)
}

// lexHooks are the signals and the class a tiny rubric defines to use the
// standards lexicon.
const lexHooks = `
  subject: {patterns: ["china"]}
  subject_speaker: {patterns: ["chinese officials"]}
  topic: {patterns: ["hacks"]}
  other_party: {patterns: ["u.s."]}
lexicon: standards
classes:
  subject_name: [china]`

// TestLoadRefusesWhatCannotWork: loading and lint refuse what could never
// work, each with the file, line and what to do.
func TestLoadRefusesWhatCannotWork(t *testing.T) {
	tests := []struct{ name, signals, want string }{
		{"hyphen trap", `  x: {patterns: ["secret|closed-door meeting"]}`, "hyphen trap"},
		{"hyphenated word repeated", `  x: {patterns: ["closed-door? meeting"]}`, "hyphen trap"},
		{"word that is never one token", `  x: {patterns: ["dec. meeting"]}`, `"dec." can never match`},
		{"possessive of an abbreviation", `  x: {patterns: ["u.s.'s"]}`, "can never match"},
		{"unknown placeholder", `  x: {patterns: ["<no_such_class>"]}`, "unknown placeholder <no_such_class>"},
		{"unknown class in a difference", `  x: {patterns: ["<month_full!no_such_class>"]}` + lexHooks, "unknown placeholder <month_full!no_such_class>"},
		{"phrase family in a difference", `  x: {patterns: ["china <explicit_idiom!negator>"]}` + lexHooks, "a difference of classes takes classes of single words"},
		{"all optional", `  x: {patterns: ["a? b?"]}`, "every element is optional"},
		{"unknown signal", "  x:\n    patterns: [\"a\"]\n    near: [nope]", `unknown signal "nope"`},
		{"bad side", "  x:\n    patterns: [\"a\"]\n    near: [x2]\n    near_side: left\n  x2: {patterns: [\"b\"]}", "near_side must be before or after"},
		{"phrase family among alternatives", `  x: {patterns: ["china <explicit_idiom>|said"]}` + lexHooks, "cannot be an alternative or repeated"},
		{"phrase family repeated", `  x: {patterns: ["china <explicit_idiom>?"]}` + lexHooks, "cannot be an alternative or repeated"},
		{"cycle", "  x:\n    patterns: [\"a\"]\n    near: [y]\n  y:\n    patterns: [\"b\"]\n    near: [x]", "cycle"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.ReplaceAll(lintRubric, "SIGNALS", tc.signals)
			_, err := rubric.Load(fstest.MapFS{"r.yaml": {Data: []byte(src)}, "s.txt": {Data: []byte(testSource)}}, "r.yaml")
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "r.yaml:") {
				t.Errorf("Load = %v, want a problem with its line containing %q", err, tc.want)
			}
		})
	}
}

const lintRubric = `id: tiny
version: 1
title: Tiny
source: {publisher: P, headline: A Headline, byline: B, date: "2025-01-01", url: "https://example.org/", text: s.txt}
letters: [{letter: A, min: 50}, {letter: F, min: 0}]
about: [x]
signals:
SIGNALS
criteria:
  - id: c
    question: Q?
    weight: 1
    kinds: [headline]
    verdicts: {pass: p, fail: f}
    evidence: [{paragraph: 1, quote: "The mayor said"}]
    rules:
      - {when: ["x"], verdict: pass, reason: "{span}"}
`

// TestLint: what loads but cannot work — a criterion without rules, a rule
// after an unconditional one, a signal nothing uses.
func TestLint(t *testing.T) {
	base := strings.ReplaceAll(lintRubric, "SIGNALS", "  x: {patterns: [\"a\"]}")
	tests := []struct{ name, old, new, want string }{
		{"clean", "", "", ""},
		{"no rules", `    rules:
      - {when: ["x"], verdict: pass, reason: "{span}"}
`, "", "criterion c has no rules"},
		{"unreachable rule", `      - {when: ["x"], verdict: pass, reason: "{span}"}`, `      - {when: [], verdict: fail, reason: "always"}
      - {when: ["x"], verdict: pass, reason: "{span}"}`, "criterion c rule 2 can never decide"},
		{"unused signal", `  x: {patterns: ["a"]}`, "  x: {patterns: [\"a\"]}\n  y: {patterns: [\"b\"]}", "signal y is never used"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(base, tc.old, tc.new, 1)
			rs, err := rubric.Load(fstest.MapFS{"r.yaml": {Data: []byte(src)}, "s.txt": {Data: []byte(testSource)}}, "r.yaml")
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			got := strings.Join(rs[0].Lint(), "\n")
			if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
				t.Errorf("Lint() = %q, want %s", got, fmt.Sprintf("%q", tc.want))
			}
		})
	}
}
