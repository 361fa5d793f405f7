package engine

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"ascii unchanged", "China admits hacks", "China admits hacks"},
		{"soft hyphen", "China ad\u00admits hacks", "China admits hacks"},
		{"zero-width space", "China ad\u200bmits hacks", "China admits hacks"},
		{"zero-width joiner and BOM", "\ufeffChina ad\u200dmi\u2060ts", "China admits"},
		{"bidi controls", "China \u202eadmits\u202c hacks", "China admits hacks"},
		{"cyrillic a in a latin word", "China \u0430dmits hacks", "China admits hacks"},
		{"greek omicron in a latin word", "C\u03bfnfessed", "Confessed"},
		{"all-confusable word in latin text", "China \u0441\u043e\u0440\u0443 hacks", "China copy hacks"},
		{"russian text left alone", "Китай признал взлом", "Китай признал взлом"},
		{"full-width letters", "Ｃｈｉｎａ ａｄｍｉｔｓ", "China admits"},
		{"mathematical bold", "\U0001d400\U0001d41d\U0001d426\U0001d422\U0001d42d\U0001d42c", "Admits"},
		{"ligature", "\ufb01nally", "finally"},
		{"composed accent kept", "cafe\u0301", "café"},
		{"variation selector", "ok\ufe0f", "ok"},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := Normalize(c.in)
			if n.Text != c.want {
				t.Errorf("Normalize(%q) = %q, want %q", c.in, n.Text, c.want)
			}
			// Every byte range maps back inside the original, in order.
			prev := 0
			for i := 0; i <= len(n.Text); i++ {
				s, e := n.Original(i, min(i+1, len(n.Text)))
				if s < prev || s > len(c.in) || e > len(c.in) || s > e && i < len(n.Text) {
					t.Fatalf("Normalize(%q).Original(%d, %d) = %d, %d: out of order or range", c.in, i, i+1, s, e)
				}
				prev = s
			}
		})
	}
}

// TestNormalizeSpansPointIntoOriginal: a word found in the normalised text
// maps back to the bytes the reader saw, invisible characters included.
func TestNormalizeSpansPointIntoOriginal(t *testing.T) {
	orig := "Beijing \u0430d\u00admits the Ｖｏｌｔ hacks"
	n := Normalize(orig)
	for _, w := range []struct{ norm, orig string }{
		{"admits", "\u0430d\u00admits"},
		{"Volt", "Ｖｏｌｔ"},
		{"hacks", "hacks"},
	} {
		i := strings.Index(n.Text, w.norm)
		if i < 0 {
			t.Fatalf("%q not in %q", w.norm, n.Text)
		}
		s, e := n.Original(i, i+len(w.norm))
		if got := orig[s:e]; got != w.orig {
			t.Errorf("Original span of %q = %q, want %q", w.norm, got, w.orig)
		}
	}
}
