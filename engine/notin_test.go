package engine

import (
	"slices"
	"strings"
	"testing"
)

// TestNotInClassElement checks the element <!name!…>: one word (not a
// punctuation mark) in none of the named classes, so an exclusion can
// say "the people and an auxiliary, then anything but a verb of saying"
// ("officials had long suspected", not "officials have said"); and that it
// cannot start a pattern, which the index finds by its first word.
func TestNotInClassElement(t *testing.T) {
	p := inputProgram(t, Input{
		Classes: map[string][]string{"say": {"said", "told"}, "aux": {"have", "had"}},
		Signals: map[string]FileSignal{
			"own_clause": {Patterns: []string{"officials <aux> <!say>"}},
			"not_aux":    {Patterns: []string{"officials <!say!aux>"}},
		},
		About: []string{"own_clause|not_aux"},
	}, "own_clause", "not_aux")
	tests := []struct {
		text string
		want []string
	}{
		{"Officials had long suspected it.", []string{"own_clause: Officials had long"}},
		{"Officials have said so.", nil},
		{"Officials had told them.", nil},
		{"Officials said so.", nil},
		// a word in neither class
		{"Officials were stunned.", []string{"not_aux: Officials were"}},
		// a punctuation mark is no word
		{"Officials have, it seems, said so.", nil},
		{"Officials.", nil},
	}
	for _, tc := range tests {
		if got := matchedText(p, tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%q:\n got  %q\n want %q", tc.text, got, tc.want)
		}
	}
	for _, src := range []string{"<!say> officials", "<!nothing> officials"} {
		if _, err := compilePattern(src, classes{"say": {"said"}}); err == nil {
			t.Errorf("compilePattern(%q) = nil error, want one", src)
		} else if !strings.Contains(err.Error(), "<!") {
			t.Errorf("compilePattern(%q) = %v, want an error naming the element", src, err)
		}
	}
}

// TestNegatedRunRegexp: a regular expression that is only a run of
// characters outside a set matches as the regular expression does, without
// running it; any other expression keeps its regular expression.
func TestNegatedRunRegexp(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"[^,;:]+", ",;:"},
		{"[^.]+", "."},
		{"[^,;:]*", ""},
		{"[^a-z]+", ""},
		{`[^\d]+`, ""},
		{"[^]]+", ""},
		{"x[^,]+", ""},
		{"[^,]+x", ""},
		{"[a-z]+ly", ""},
	} {
		if got := negatedRun(tc.src); got != tc.want {
			t.Errorf("negatedRun(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
	e, err := compileElem("/[^,;:]+/", nil)
	if err != nil {
		t.Fatal(err)
	}
	a := e.alts[0]
	if a.noneOf != ",;:" {
		t.Fatalf("compileElem(/[^,;:]+/) noneOf = %q", a.noneOf)
	}
	for _, w := range []string{"china", ",", ";", ":", "a,b", "", ".", "'", "caf\xe9", "—", "x:"} {
		want := a.re.MatchString(w)
		if got := a.match(&token{}, w); got != want {
			t.Errorf("/[^,;:]+/ on %q = %v, its regular expression %v", w, got, want)
		}
	}
}
