package engine

import "testing"

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
