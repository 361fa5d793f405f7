package engine

import (
	"slices"
	"testing"
)

// TestIndexFindsByEveryRoute checks what the index finds where it finds a
// pattern by other means than its first element's word: an initialism by
// its word and its capitals, a pattern tried at every token or every
// capitalised one only in a sentence with its anchors, and a word's
// patterns grouped by the word each needs.
func TestIndexFindsByEveryRoute(t *testing.T) {
	p := signalProgram(t, map[string]FileSignal{
		"agency":  {Patterns: []string{"WHO said", "u.n.|UN|wto delegates"}},
		"flat":    {Patterns: []string{"_ flat out"}},
		"named":   {Patterns: []string{"@Cap @Cap said|told"}},
		"subject": {Patterns: []string{"china _{0,2} admitted", "china _{0,2} denied", "china said", "china _{0,3} hack*"}},
	}, "subject|agency|flat|named", "agency", "flat", "named", "subject")
	tests := []struct {
		text string
		want []string // signal: matched text
	}{
		{"The WHO said so. Who said that? who said it", []string{"agency: WHO said", "named: The WHO said"}},
		{"UN delegates met; un delegates; U.N. delegates; WTO delegates", []string{"agency: UN delegates", "agency: U.N. delegates", "agency: WTO delegates"}},
		{"They denied it flat out. Flat out denied. flat, out", []string{"flat: it flat out"}}, // not across a sentence break
		{"Xi Jinping told aides. Wang Lei said so. wang lei said so", []string{"named: Xi Jinping told", "named: Wang Lei said"}},
		{"China has admitted it and China denied hacking", []string{"subject: China has admitted", "subject: China denied hacking"}}, // the longest at one start
		{"China said so. China later denied it. China hackers", []string{"subject: China said", "subject: China later denied", "subject: China hackers"}},
	}
	for _, tc := range tests {
		got := matchedText(p, tc.text)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q:\n got  %q\n want %q", tc.text, got, want)
		}
	}
}

// matchedText reads text and lists each match as "signal: its words",
// sorted.
func matchedText(p *Program, text string) []string {
	rd := p.ReadAs(text, "")
	var got []string
	for _, m := range rd.Matches() {
		got = append(got, m.Signal+": "+text[m.Start:m.End])
	}
	rd.Release()
	slices.Sort(got)
	return got
}
