package engine

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// rereadProgram compiles signals whose patterns read one word, a few and
// many ahead, by exact word, affix and capital.
func rereadProgram(t *testing.T) *Program {
	return signalProgram(t, map[string]FileSignal{
		"subject": {Patterns: []string{"china", "beijing"}},
		"admits":  {Patterns: []string{"china _{0,3} acknowledg*", "admit*"}},
		"tacit":   {Patterns: []string{"tacitly"}},
		"role":    {Patterns: []string{"its role", "support _{0,3} taiwan"}},
		"source":  {Patterns: []string{": report", ", officials say"}},
		"name":    {Patterns: []string{"@Cap"}},
	}, "subject", "admits", "tacit", "role", "source", "name")
}

// signalProgram compiles signals with about as the about test and a rule
// for each of ruled, so a reading reads them all.
func signalProgram(t *testing.T, signals map[string]FileSignal, about string, ruled ...string) *Program {
	t.Helper()
	return inputProgram(t, Input{Signals: signals, About: []string{about}}, ruled...)
}

// inputProgram compiles in (its signals, classes and about test) with a
// rule for each of ruled.
func inputProgram(t *testing.T, in Input, ruled ...string) *Program {
	t.Helper()
	f := &YAMLFile{Name: "test.yaml"}
	p := Compile(f, in)
	d := p.NewDecisions()
	for _, sig := range ruled {
		c, err := p.Condition(sig)
		if err != nil {
			t.Fatal(err)
		}
		d.AddRule(nil, []Condition{c})
	}
	p.Finish()
	if len(f.Problems) > 0 {
		t.Fatal(f.Problems)
	}
	return p
}

// TestReread checks that a revision read as one finds what a whole reading
// finds, and tries the patterns again only near what changed.
func TestReread(t *testing.T) {
	p := rereadProgram(t)
	const from = "China acknowledges its role in years of cyberattacks against US over support of Taiwan: report"
	tests := []struct {
		name, text string
		rescanned  []int // tokens whose patterns are tried again
	}{
		// "China" may start a match reaching the new word; every token
		// after it is where it was, up to the end of the text.
		{"inserted", "China tacitly acknowledges its role in years of cyberattacks against US over support of Taiwan: report", []int{0, 1}},
		{"replaced", "China admits its role in years of cyberattacks against US over support of Taiwan: report", []int{0, 1}},
		// ": report" becomes ", officials say": "support" reads up to
		// five tokens ahead, to the changed end.
		{"attributed", "China acknowledges its role in years of cyberattacks against US over support of Taiwan, officials say", []int{12, 15, 16, 17}},
		{"same", from, nil},
		{"other", "Beijing denies everything", []int{0, 1, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			base := p.ReadAs(tc.text, "")
			want := base.Matches()
			base.Release()
			old := p.Read(from)
			old.About()
			rd := p.ReadAsFrom(tc.text, "", old)
			got := rd.Matches()
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("ReadAsFrom(%q) differs from ReadAs (-whole +reread):\n%s", tc.text, diff)
			}
			var rescanned []int
			b := &rd.reread
			for i := range rd.d.toks {
				if !slices.Contains(reusedTokens(rd, old), i) {
					rescanned = append(rescanned, i)
				}
			}
			if b.total != len(rd.d.toks) || b.total-b.reused != len(tc.rescanned) {
				t.Errorf("ReadAsFrom(%q) tried the patterns at %d of %d tokens (%v), want %v", tc.text, b.total-b.reused, b.total, rescanned, tc.rescanned)
			}
			rd.Release()
			old.Release()
		})
	}
}

// reusedTokens returns the tokens of rd whose matches a re-read from old
// takes from old (what rescan decides, recomputed).
func reusedTokens(rd, old *Reading) []int {
	var out []int
	segs := align(&rd.d, &old.d, 0, len(rd.d.toks), 0, len(old.d.toks), nil, new([]int32))
	next := nextSentences(&old.d, nil)
	for _, s := range segs {
		limit := s.o + s.len - 1
		if s.n+s.len == len(rd.d.toks) && s.o+s.len == len(old.d.toks) {
			limit++
		}
		for k := range s.len {
			if min(rd.idx.reach(&old.d, s.o+k), int(next[s.o+k])) <= limit {
				out = append(out, s.n+k)
			}
		}
	}
	return out
}

// TestAlign checks the runs of tokens two texts are found to share.
func TestAlign(t *testing.T) {
	tests := []struct {
		a, b string
		want []segment
	}{
		{"a b c d", "a b c d", []segment{{0, 0, 4}}},
		{"a b c d", "a x b c d", []segment{{0, 0, 1}, {2, 1, 3}}},
		{"a b c d e f", "a x c d y f", []segment{{0, 0, 1}, {2, 2, 2}, {5, 5, 1}}},
		{"a b c d", "x y", nil},
		// A line break ends a sentence: "b" and "c" share one in one
		// text only, so no run holds both.
		{"a b c d", "a b\nc d", []segment{{0, 0, 2}, {2, 2, 2}}},
		{"a b c d", "a b. c d", []segment{{0, 0, 2}, {3, 2, 2}}},
		{"a b c d", "a b. C d", []segment{{0, 0, 2}, {4, 3, 1}}},
		{"a b. C d", "a b C d", []segment{{0, 0, 2}, {2, 3, 2}}},
		// The same words in another case are other tokens.
		{"a b c", "a B c", []segment{{0, 0, 1}, {2, 2, 1}}},
		{"a Who c", "a WHO c", []segment{{0, 0, 1}, {2, 2, 1}}},
	}
	words := newWordTable(map[string]int32{"a": 0, "b": 1})
	for _, tc := range tests {
		n, o := newDoc(tc.b), newDoc(tc.a)
		n.intern(words)
		o.intern(words)
		got := align(n, o, 0, len(n.toks), 0, len(o.toks), nil, new([]int32))
		if !slices.Equal(got, tc.want) {
			t.Errorf("align(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}

// TestWordTable checks that the vocabulary table finds every word's id and
// no other word.
func TestWordTable(t *testing.T) {
	vocab := map[string]int32{}
	for i, w := range []string{"a", "china", "acknowledges", "acknowledgement", "u.s.", "didn't", "sino", "-", "'", "ñandú", "x"} {
		vocab[w] = int32(i)
	}
	tab := newWordTable(vocab)
	for w, id := range vocab {
		if got := tab.lookup(w); got != id {
			t.Errorf("lookup(%q) = %d, want %d", w, got, id)
		}
	}
	for _, w := range []string{"b", "chin", "chinas", "acknowledge", "acknowledgementt", "u.s", "ñandu", ""} {
		if got := tab.lookup(w); got != -1 {
			t.Errorf("lookup(%q) = %d, want -1", w, got)
		}
	}
}
