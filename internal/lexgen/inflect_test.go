package main

import (
	"slices"
	"testing"
)

// TestInflectVerb: WordNet's exceptions name only the irregular form; the
// generator adds the regular past where English has both (showed beside
// shown, spilled beside spilt), none where the past is the base (let, put),
// and never a regular past beside an irregular one that is the only past
// (took, meant, dealt).
func TestInflectVerb(t *testing.T) {
	w := &wordnet{exc: map[string]map[string][]string{"verb": {
		"show": {"shown"}, "spill": {"spilt"}, "learn": {"learnt"},
		"let": {"letting"}, "put": {"putting"}, "take": {"took", "taken"},
		"mean": {"meant"}, "deal": {"dealt"}, "signal": {"signalled", "signalling"},
		"give": {"gave", "given"}, "pat": {"patted", "patting"},
	}}}
	for _, c := range []struct {
		base       string
		has, lacks []string
	}{
		{"show", []string{"showed", "shown", "shows", "showing"}, nil},
		{"spill", []string{"spilled", "spilt"}, nil},
		{"learn", []string{"learned", "learnt"}, nil},
		{"let", []string{"let", "lets", "letting"}, []string{"leted"}},
		{"put", []string{"put", "puts", "putting"}, []string{"puted"}},
		{"take", []string{"took", "taken", "taking"}, []string{"taked"}},
		{"mean", []string{"meant"}, []string{"meaned"}},
		{"deal", []string{"dealt"}, []string{"dealed"}},
		{"signal", []string{"signaled", "signalled", "signaling"}, nil},
		{"give", []string{"gave", "given"}, []string{"gived"}},
		{"pat", []string{"patted", "patting"}, []string{"pated"}},
		{"link", []string{"linked", "linking", "links"}, nil},
	} {
		got := w.inflect("verb", c.base)
		for _, h := range c.has {
			if !slices.Contains(got, h) {
				t.Errorf("inflect(%s) = %v, lacks %s", c.base, got, h)
			}
		}
		for _, l := range c.lacks {
			if slices.Contains(got, l) {
				t.Errorf("inflect(%s) = %v, has %s", c.base, got, l)
			}
		}
	}
}
