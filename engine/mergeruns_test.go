package engine

import (
	"strings"
	"testing"
)

// TestMergedRunsMatchAsWritten: a run of elements written alike after the
// first is one element (mergeRuns), and a pattern matches, lazily and
// greedily, where and as far as its elements as written do, near misses
// (the run too long, broken by a mark, or the last word missing) included.
func TestMergedRunsMatchAsWritten(t *testing.T) {
	cls := classes{"say": {"said", "says", "told"}, "src": {"officials", "sources", "people"}}
	texts := []string{
		"Officials said the hack was real.",
		"Officials familiar with the talks said so.",
		"Officials familiar with the secret talks in Geneva last year said so.",
		"Officials familiar with the talks, in Geneva, said so.",
		"Officials, sources and people told us; sources said nothing.",
		"People who know. Said nothing.",
		"Sources close to the matter say it was China.",
		"the the the officials officials said said",
		"",
	}
	for _, tc := range []struct {
		src   string
		elems int
	}{
		{"<src> /[^,;:]+/? /[^,;:]+/? /[^,;:]+/? /[^,;:]+/? <say>", 3},
		{"<src> _ _{0,2} _? <say>", 3},
		{"<src> <say>? <say>{0,2} the|was? _", 4},
		{"<src> with|who with|who? _{0,3} said|told|say", 4},
		{"_ _ <say>", 3},           // the first element is left alone
		{"<src> _? , _? <say>", 5}, // a mark between is no run
		{"<src> <src>? _? <say>", 4},
	} {
		p, err := compilePattern(tc.src, cls)
		if err != nil {
			t.Fatalf("%q: %v", tc.src, err)
		}
		if len(p.elems) != tc.elems {
			t.Errorf("%q: %d elements, want %d", tc.src, len(p.elems), tc.elems)
		}
		written := &pattern{src: tc.src}
		fields, _ := splitHyphens(strings.Fields(tc.src))
		for _, f := range fields {
			e, err := compileElem(f, cls)
			if err != nil {
				t.Fatal(err)
			}
			written.elems = append(written.elems, e)
		}
		for _, greedy := range []bool{false, true} {
			p.greedy, written.greedy = greedy, greedy
			for _, text := range texts {
				d := newDoc(text)
				for i := range d.toks {
					if got, want := p.matchAt(d, 0, i), written.matchAt(d, 0, i); got != want {
						t.Errorf("%q (greedy %v) on %q at %d: ends %d, as written %d", tc.src, greedy, text, i, got, want)
					}
				}
			}
		}
	}
}
