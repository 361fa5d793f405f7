package engine

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"testing"
)

// TestLexiconBuiltIn lists the built-in lexicon and checks it is versioned
// and holds the categories docs/RUBRICS.md documents.
func TestLexiconBuiltIn(t *testing.T) {
	ls, err := Lexicons()
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 1 || ls[0].ID != "standards" || ls[0].Version < 1 {
		t.Fatalf("Lexicons() = %+v, want one: standards", ls)
	}
	have := map[string]bool{}
	for _, s := range ls[0].Signals {
		have[s] = true
	}
	for _, s := range []string{"negation", "qualifier", "tacit", "overclaim", "intensifier", "neutral", "hedge_adverb", "hedge_phrase", "unnamed_source", "anonymity", "headline_attribution", "denial", "no_comment"} {
		if !have[s] {
			t.Errorf("lexicon has no signal %s", s)
		}
	}
}

// TestLexiconFamilies checks the word families and closed classes the
// lexicon gained in version 4: the words English gives them, in their
// inflections, and a word of a neighbouring sense they must not hold.
func TestLexiconFamilies(t *testing.T) {
	lx, probs := loadLexicons()
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	cls := lx["standards"].classes
	tests := []struct {
		class string
		in    []string
		out   []string
	}{
		{"ack_noun", []string{"admission", "confessions", "acknowledgement"}, []string{"admit", "concession"}},
		{"link_verb", []string{"linked", "ties", "connecting", "indicated", "acknowledges"}, []string{"frame", "presented"}},
		{"envoy_noun", []string{"diplomat", "envoys", "delegation", "counterparts"}, []string{"hackers", "people"}},
		{"operative_noun", []string{"hackers", "spies", "commandos", "soldiers", "operatives"}, []string{"officials", "diplomats", "people"}},
		{"remark_noun", []string{"remarks", "warning", "message", "silence"}, []string{"admission"}},
		{"meeting_noun", []string{"meeting", "talks", "summit", "sessions"}, []string{"met", "trade"}},
		{"meet_verb", []string{"meet", "met", "meets"}, []string{"talks"}},
		{"secret_adj", []string{"secret", "clandestine", "privately", "covertly"}, []string{"tacit", "open"}},
		{"raise_verb", []string{"raises", "upped", "increasing", "poses", "doubled"}, []string{"causes"}},
		{"risk_noun", []string{"risk", "hazards", "fears", "scare"}, []string{"cancer"}},
		{"ruling_noun", []string{"ruling", "classification", "listing", "labels"}, []string{"classified"}},
		{"blame_verb", []string{"blamed", "attributes", "pinned", "ascribing"}, []string{"denied"}},
		{"support_verb", []string{"supports", "backed", "arming", "defended"}, []string{"opposed"}},
		{"support_noun", []string{"support", "backing", "aid", "commitment", "protection", "defence", "guarantees", "pledge"}, []string{"opposition", "policy", "arms"}},
		// the U.S. side's dealings with a party and the arms it supplies (taiwan12)
		{"dealings_noun", []string{"stance", "policy", "involvement", "ties", "relations", "partnership"}, []string{"support", "opposition", "tension"}},
		{"arms_noun", []string{"arms", "weapons", "weaponry", "munitions", "missiles"}, []string{"aid", "army", "sales"}},
		{"self_pronoun", []string{"it", "they", "we"}, []string{"you"}},
		{"cause_word", []string{"because", "over", "retaliation", "payback"}, []string{"despite"}},
		{"join_word", []string{"and", "including", "plus"}, []string{"separate"}},
		{"naming_word", []string{"called", "dubbed", "named", "known"}, []string{"denied"}},
		{"coerce_verb", []string{"blackmail", "pressured", "threatens", "deterring"}, []string{"supported"}},
		{"group_noun", []string{"group", "gangs", "outfit", "crew"}, []string{"hackers"}},
		{"prospective_word", []string{"set", "expected", "poised", "slated"}, []string{"announced"}},
		{"unsafe_adj", []string{"dangerous", "unsafe", "harmful", "toxic"}, []string{"safe"}},
		{"reduce_verb", []string{"cut", "lowered", "reduces", "slashing"}, []string{"raised"}},
		// the English of a story's typed facts (issue 13): months, numbers, a ban
		{"month_name", []string{"january", "june", "july", "august", "sept", "dec"}, []string{"may", "monday", "summer"}},
		{"cardinal", []string{"two", "three", "twelve", "dozen", "hundred"}, []string{"several", "first", "12"}},
		{"ban_verb", []string{"ban", "banned", "prohibits", "outlawed", "prohibition", "forbidden"}, []string{"list", "restrict", "warn"}},
	}
	for _, tc := range tests {
		words, ok := cls[tc.class]
		if !ok {
			t.Errorf("no class <%s>", tc.class)
			continue
		}
		for _, w := range tc.in {
			if !slices.Contains(words, w) {
				t.Errorf("<%s> lacks %q", tc.class, w)
			}
		}
		for _, w := range tc.out {
			if slices.Contains(words, w) {
				t.Errorf("<%s> holds %q", tc.class, w)
			}
		}
	}
}

// TestLexiconDocSizes holds the sizes docs/RUBRICS.md gives the families
// and closed classes ("| `<boast_verb>` | … | 26 words |") to the lexicon's:
// six had gone stale as the classes grew.
func TestLexiconDocSizes(t *testing.T) {
	lx, probs := loadLexicons()
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	cls := lx["standards"].classes
	doc, err := os.ReadFile("../docs/RUBRICS.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile("(?m)^\\| `<([a-z_]+)>` \\|.*\\| ([0-9]+) words \\|$").FindAllSubmatch(doc, -1)
	if len(rows) < 50 {
		t.Fatalf("docs/RUBRICS.md gives %d classes a size, want the tables of families and closed classes", len(rows))
	}
	for _, m := range rows {
		name, want := string(m[1]), string(m[2])
		ws, ok := cls[name]
		if !ok {
			continue // a class a rubric defines, not the lexicon
		}
		if got := strconv.Itoa(len(ws)); got != want {
			t.Errorf("docs/RUBRICS.md: <%s> has %s words, the lexicon %s", name, want, got)
		}
	}
}
