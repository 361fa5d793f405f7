package rubric_test

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/factgrade/factgrade/rubric"
)

// storyWords are the words a text needs to be about the story: China
// (every way into the story names it somewhere in the text), the meeting,
// the report, or the campaign China acknowledged named beside its
// acknowledgment ("the Volt Typhoon admission": the about test by meaning).
// The meeting may be named by any of the lexicon's meeting nouns, since the
// about test reads it by its month or length beside the hacks ("hack, Dec
// talk", a seed FuzzRuleJudge found). A text with none of them must be
// ungradable (or not English): "hack viewed as a warning" is some other hack.
var storyWords = []string{"chin", "beijing", "prc", "sino", "ccp", "cpc", "mss", "xi", "jinping", "pla", "lei", "wang", "ministry", "embassy", "regime", "communist",
	"geneva", "meeting", "wsj", "journal", "volt",
	"conversation", "discussion", "encounter", "exchange", "gathering", "negotiation", "session", "summit", "talk"}

// FuzzRuleJudge grades arbitrary texts, as headlines and as summaries: the
// judge refuses only what CheckText refuses, with an *InputError; otherwise
// every criterion has an allowed verdict, every span points into the text,
// the score is 0–100 with a letter, a text with none of the story's words is
// not graded, the rewrite is UTF-8, and grading twice gives the same grade.
func FuzzRuleJudge(f *testing.F) {
	for _, cs := range criterionCases {
		for _, c := range cs {
			f.Add(c.text, c.kind == rubric.Summary)
		}
	}
	f.Add("China Admitted Its Role in Cyberattacks on the U.S.", false)
	f.Add("‘admitted’ “admits” — U.S.’s \u00a0 Beijing's", true)
	f.Add("a.b.c. U.S. . . . '' \"\" : : report", false)
	r := voltRubric(f)
	j := rubric.NewRuleJudge()
	f.Fuzz(func(t *testing.T, text string, summary bool) {
		kind := rubric.Headline
		if summary {
			kind = rubric.Summary
		}
		g, err := j.Grade(t.Context(), r, rubric.Request{Text: text, Kind: kind})
		if err != nil {
			if _, ok := err.(*rubric.InputError); !ok {
				t.Fatalf("Grade(%q) error %v is not an *InputError", text, err)
			}
			if rubric.CheckText(text) == nil {
				t.Fatalf("Grade(%q) refused a text CheckText accepts: %v", text, err)
			}
			return
		}
		if g.Score < 0 || g.Score > 100 {
			t.Fatalf("score %d out of range", g.Score)
		}
		if len(g.Criteria) != len(r.Criteria) {
			t.Fatalf("%d criteria graded, want %d", len(g.Criteria), len(r.Criteria))
		}
		for _, cg := range g.Criteria {
			switch cg.Verdict {
			case rubric.Pass, rubric.Partial, rubric.Fail, rubric.NA:
			default:
				t.Fatalf("verdict %q not allowed", cg.Verdict)
			}
			for _, sp := range cg.Spans {
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End || text[sp.Start:sp.End] != sp.Text {
					t.Fatalf("span %+v does not point into the text", sp)
				}
			}
		}
		if g.Status == rubric.Graded && g.Letter == "" {
			t.Fatal("graded without a letter")
		}
		lower := strings.ToLower(text)
		about := false
		for _, w := range storyWords {
			if strings.Contains(lower, w) {
				about = true
			}
		}
		if !about && g.Status == rubric.Graded {
			t.Fatalf("Grade(%q) graded a text that names neither China, the meeting, the report nor the campaign", text)
		}
		again, _ := j.Grade(t.Context(), r, rubric.Request{Text: text, Kind: kind})
		if !reflect.DeepEqual(g, again) {
			t.Fatalf("Grade(%q) is not deterministic", text)
		}
		if g.Rewrite != "" && !utf8.ValidString(g.Rewrite) {
			t.Fatalf("rewrite is not UTF-8")
		}
	})
}

// FuzzLoad feeds arbitrary rubric files to the loader: it must return a
// rubric or problems, never panic.
func FuzzLoad(f *testing.F) {
	f.Add(testRubric)
	f.Add(strings.Replace(testRubric, "will close|shut", "will? _{0,12} /a|b/ @Cap *n't", 1))
	f.Add("id: [")
	f.Add(tplRubric(tplCriteria)) // criteria filled in from the lexicon's templates
	f.Fuzz(func(t *testing.T, text string) {
		fsys := fstest.MapFS{"r.yaml": {Data: []byte(text)}, "bridge.txt": {Data: []byte(testSource)}}
		rs, err := rubric.Load(fsys, "r.yaml")
		if err == nil && len(rs) != 1 {
			t.Fatalf("Load returned %d rubrics and no error", len(rs))
		}
		if err == nil {
			if _, err := rubric.NewRuleJudge().Grade(t.Context(), rs[0], rubric.Request{Text: "The bridge will not close in May."}); err != nil {
				t.Fatalf("grading with a loaded rubric: %v", err)
			}
		}
	})
}
