package revise_test

import (
	"testing"
	"unicode/utf8"

	"github.com/factgrade/factgrade/revise"
	"github.com/factgrade/factgrade/rubric"
)

// FuzzRevise revises arbitrary headlines: it never panics; a rewrite is
// UTF-8, is what its edits give, differs from the text, and grades A with
// no review mark when graded afresh; every edit lies inside the text; and
// every fix has its placeholders filled in.
func FuzzRevise(f *testing.F) {
	for _, s := range []string{
		"China admits to hacking US water utilities",
		"CHINA SECRETLY ADMITS TO US HACKS",
		"China 'admitted' Volt Typhoon hacks in Geneva, U.S. officials claim",
		"China’s ‘admission’ — “we did it” — stuns U.S.",
		"Chinese officials admitted: 'We hacked your infrastructure'",
		"an admission' by China' of hacks''",
		"China admits to",
		"a China made an open admission of the hacks.",
		"Did Beijing confess? China admits Volt Typhoon role",
		"China Admits It Was Behind Volt Typhoon Hacks - and More",
	} {
		f.Add(s)
	}
	r := voltRubric(f)
	j := revise.NewRuleJudge()
	f.Fuzz(func(t *testing.T, text string) {
		g, err := j.Grade(t.Context(), r, rubric.Request{Text: text, Kind: rubric.Headline})
		if err != nil {
			return // refused input: the rule judge's fuzz test covers it
		}
		for _, e := range g.RewriteEdits {
			if e.Start < 0 || e.End > len(g.Text) || e.Start > e.End || g.Text[e.Start:e.End] != e.Removed {
				t.Fatalf("edit %+v does not match the text %q", e, g.Text)
			}
		}
		for _, fx := range g.Fixes {
			if !utf8.ValidString(fx) {
				t.Fatalf("fix is not UTF-8: %q", fx)
			}
		}
		if g.Rewrite == "" {
			return
		}
		if !utf8.ValidString(g.Rewrite) || g.Rewrite == g.Text || rubric.ApplyEdits(g.Text, g.RewriteEdits) != g.Rewrite {
			t.Fatalf("rewrite %q of %q is not what its edits %+v give", g.Rewrite, g.Text, g.RewriteEdits)
		}
		rg, err := j.Grade(t.Context(), r, rubric.Request{Text: g.Rewrite, Kind: rubric.Headline})
		if err != nil || rg.Letter != "A" || rg.NeedsReview() {
			t.Fatalf("rewrite %q of %q grades %v %v afresh", g.Rewrite, g.Text, rg, err)
		}
	})
}
