package llm

import (
	"strings"
	"testing"
)

// joinedFields is what sameWords stands for.
func joinedFields(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestSameWords(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"China admits hacks", "China admits hacks", true},
		{"  China\tadmits\n\nhacks ", "China admits hacks", true},
		{"China admits\u00a0hacks", "China admits hacks", true}, // a no-break space is space
		{"", "", true},
		{"   ", "\n", true},
		{"China admits hacks", "China admits hack", false},
		{"China admits hacks", "China admits hacks now", false},
		{"China admits hacks now", "China admits hacks", false},
		{"Chinaadmits hacks", "China admits hacks", false},
		{"China admits hacks", "china admits hacks", false}, // case counts
		{"", "China", false},
		{"a\u200bb", "a b", false}, // a zero-width space is no space
		{"caf\xe9 ok", "caf\xe9  ok", true},
	} {
		if got := sameWords(tc.a, tc.b); got != tc.want {
			t.Errorf("sameWords(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if want := joinedFields(tc.a) == joinedFields(tc.b); tc.want != want {
			t.Errorf("case (%q, %q): the test expects %v, strings.Fields says %v", tc.a, tc.b, tc.want, want)
		}
	}
}

func FuzzSameWords(f *testing.F) {
	f.Add("China admits hacks", " China  admits\thacks\n")
	f.Add("a\u00a0b", "a b")
	f.Add("x", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := sameWords(a, b), joinedFields(a) == joinedFields(b); got != want {
			t.Errorf("sameWords(%q, %q) = %v, strings.Fields says %v", a, b, got, want)
		}
	})
}

// TestCleanRewriteAllocations: telling a rewrite from the submission
// builds no copy of either (it did, two of each, for every model reply).
func TestCleanRewriteAllocations(t *testing.T) {
	text := strings.Repeat("China tacitly acknowledged a role in the hacks. ", 60)
	rw := strings.Repeat("China tacitly acknowledged a role in the hacks, officials say. ", 2)
	if n := testing.AllocsPerRun(20, func() { cleanRewrite(rw, text) }); n != 0 {
		t.Errorf("cleanRewrite allocated %v times a call, want 0", n)
	}
	if got := cleanRewrite(" China  admits\thacks ", "China admits hacks"); got != "" {
		t.Errorf("cleanRewrite(the text itself, spaced otherwise) = %q, want empty", got)
	}
}
