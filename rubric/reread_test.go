package rubric_test

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

// TestRereadMatchesWhole checks that reading a revision of a text as one
// (the patterns tried again only where it changed) finds exactly what
// reading it whole finds: for every text of the case files of both
// stories, read as a headline and as a summary, revised in the ways a
// rewrite and an editor revise (a word inserted, struck or replaced,
// attribution appended, a sentence broken or joined, a word capitalised,
// written in capitals or quoted, a line broken).
func TestRereadMatchesWhole(t *testing.T) {
	set, err := rubrics.Load()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../rubrics/cases/*/*.jsonl")
	rng := rand.New(rand.NewPCG(12, 2026))
	words := []string{"tacitly", "reportedly", "not", "officials say", "U.S.", "China", "Beijing", "admits", "acknowledged", "\"", ",", ".", "-", "hacking", "the", "Geneva", "aspartame", "cancer", "WHO", "may", "never", "according to"}
	n := 0
	for _, f := range files {
		for _, c := range readCaseLines(t, f) {
			r, err := set.Lookup(c.Rubric)
			if err != nil {
				t.Fatal(err)
			}
			for _, kind := range []rubric.Kind{rubric.Headline, rubric.Summary} {
				for range 4 {
					v := revised(c.Text, rng, words)
					whole, reread := rubric.RereadMatches(r, c.Text, v, kind)
					if diff := cmp.Diff(whole, reread); diff != "" {
						t.Fatalf("%s as a %s revised\nfrom %q\nto   %q:\nread as a revision (+) differs from read whole (-):\n%s", c.ID, kind, c.Text, v, diff)
					}
					n++
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d revisions checked", n)
	}
}

// revised returns text with one to three edits at word boundaries.
func revised(text string, rng *rand.Rand, words []string) string {
	for range 1 + rng.IntN(3) {
		ws := strings.Split(text, " ")
		i := rng.IntN(len(ws))
		w := words[rng.IntN(len(words))]
		switch rng.IntN(10) {
		case 0: // insert a word
			ws = append(ws[:i], append([]string{w}, ws[i:]...)...)
		case 1: // strike a word
			if len(ws) > 1 {
				ws = append(ws[:i], ws[i+1:]...)
			}
		case 2: // replace a word
			ws[i] = w
		case 3: // append attribution
			ws = append(ws, []string{"officials", "say"}[:1+rng.IntN(2)]...)
			ws[len(ws)-2] += ","
		case 4: // break a sentence
			ws[i] += "."
			if i+1 < len(ws) && ws[i+1] != "" {
				ws[i+1] = strings.ToUpper(ws[i+1][:1]) + ws[i+1][1:]
			}
		case 5: // join sentences
			ws[i] = strings.TrimRight(ws[i], ".!?")
		case 6: // capitalise a word
			if ws[i] != "" {
				ws[i] = strings.ToUpper(ws[i][:1]) + ws[i][1:]
			}
		case 7: // quote a word
			ws[i] = "'" + ws[i] + "'"
		case 8: // break a line
			ws[i] += "\n"
		case 9: // write a word in capitals (an initialism: WHO, US)
			ws[i] = strings.ToUpper(ws[i])
		}
		text = strings.Join(ws, " ")
	}
	return text
}

// FuzzReread reads arbitrary revisions of arbitrary texts as revisions and
// whole, as headlines and as summaries: the two readings find the same.
func FuzzReread(f *testing.F) {
	f.Add("China acknowledges its role in years of cyberattacks against US over support of Taiwan: report",
		"China tacitly acknowledges its role in years of cyberattacks against US over support of Taiwan: report", false)
	f.Add("China admits to hacking US water systems", "China tacitly acknowledges hacking US water systems, officials say", false)
	f.Add("Beijing did not deny it. Officials said so", "Beijing did not deny it.\nofficials said so", true)
	f.Add("WHO declares aspartame, the sweetener in diet sodas, a carcinogen", "WHO's cancer arm to list aspartame as possibly carcinogenic, sources say", false)
	r := voltRubric(f)
	f.Fuzz(func(t *testing.T, from, text string, summary bool) {
		if !utf8.ValidString(from) || !utf8.ValidString(text) {
			return
		}
		kind := rubric.Headline
		if summary {
			kind = rubric.Summary
		}
		whole, reread := rubric.RereadMatches(r, from, text, kind)
		if diff := cmp.Diff(whole, reread); diff != "" {
			t.Fatalf("%q revised to %q: read as a revision (+) differs from read whole (-):\n%s", from, text, diff)
		}
	})
}
