package rubric_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factgrade/factgrade/rubric"
)

// TestSupports: words are grounds for a verdict only when a rule of the
// criterion with that verdict (or a more lenient one) holds on the text
// through an occurrence inside them.
func TestSupports(t *testing.T) {
	r := voltRubric(t)
	const text = "Chinese officials openly admitted the hacks of U.S. ports, which U.S. officials read as a tacit acknowledgment, people familiar with the matter said."
	span := func(words string) rubric.Span {
		i := strings.Index(text, words)
		if i < 0 {
			t.Fatalf("%q not in the text", words)
		}
		return rubric.Span{Start: i, End: i + len(words), Text: words}
	}
	for _, c := range []struct {
		name, criterion, words string
		v                      rubric.Verdict
		kind                   rubric.Kind
		want                   bool
	}{
		{"tacit reading grounds a pass", "admission", "read as a tacit acknowledgment", rubric.Pass, rubric.Summary, true},
		{"and a partial", "admission", "read as a tacit acknowledgment", rubric.Partial, rubric.Summary, true},
		{"the overclaim does not ground a pass", "admission", "openly admitted the hacks", rubric.Pass, rubric.Summary, false},
		{"unnamed sources ground sourcing", "sourcing", "people familiar with the matter", rubric.Pass, rubric.Summary, true},
		{"nothing grounds a denial", "denial", "people familiar with the matter", rubric.Pass, rubric.Summary, false},
		{"na is never grounded", "admission", "read as a tacit acknowledgment", rubric.NA, rubric.Summary, false},
		{"not for a criterion that does not apply", "denial", "people familiar with the matter", rubric.Partial, rubric.Headline, false},
		{"unknown criterion", "nope", "tacit", rubric.Pass, rubric.Summary, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := r.Supports(text, c.kind, c.criterion, c.v, span(c.words)); got != c.want {
				t.Errorf("Supports(%s, %s, %q) = %t, want %t", c.criterion, c.v, c.words, got, c.want)
			}
		})
	}
	if r.Supports("Geneva hotels were full, people familiar with the matter said.", rubric.Summary, "sourcing", rubric.Pass, rubric.Span{Start: 25, End: 61}) {
		t.Error("Supports held on a text that is not about the story")
	}
}

// TestGradeWhatAReaderSees: invisible and look-alike characters do not
// change the grade (the overclaim is still found), and the spans point into
// the text as the editor wrote it, hidden characters included.
func TestGradeWhatAReaderSees(t *testing.T) {
	r := voltRubric(t)
	const plain = "China openly admits hacking U.S. water utilities"
	plainGrade, err := rubric.NewRuleJudge().Grade(context.Background(), r, rubric.Request{Text: plain, Kind: rubric.Headline})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, text string }{
		{"soft hyphens", "China open\u00adly ad\u00admits hacking U.S. water utilities"},
		{"zero-width spaces", "China open\u200bly admits hack\u200bing U.S. water utilities"},
		{"Cyrillic a and o", "China \u043epenly \u0430dmits hacking U.S. water utilities"},
		{"full-width letters", "China ｏｐｅｎｌｙ ａｄｍｉｔｓ hacking U.S. water utilities"},
		{"all of them", "Ｃhina \u043epen\u00adly \u0430d\u200bmits hacking U.S. water utilities"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := rubric.NewRuleJudge().Grade(context.Background(), r, rubric.Request{Text: c.text, Kind: rubric.Headline})
			if err != nil {
				t.Fatal(err)
			}
			if g.Letter != plainGrade.Letter || g.Score != plainGrade.Score {
				t.Errorf("graded %s %d, the plain text %s %d", g.Letter, g.Score, plainGrade.Letter, plainGrade.Score)
			}
			for _, cg := range g.Criteria {
				if pc := plainGrade.Criterion(cg.Criterion); pc.Verdict != cg.Verdict {
					t.Errorf("%s: %s, the plain text %s", cg.Criterion, cg.Verdict, pc.Verdict)
				}
				for _, sp := range cg.Spans {
					if sp.Start < 0 || sp.End > len(c.text) || c.text[sp.Start:sp.End] != sp.Text || !utf8.ValidString(sp.Text) {
						t.Errorf("%s: span %+v is not a piece of the text as written", cg.Criterion, sp)
					}
				}
			}
		})
	}
}
