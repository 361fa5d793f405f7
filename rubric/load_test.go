package rubric_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factgrade/factgrade/rubric"
)

const testSource = `A Headline
A subhead
By A Writer

The mayor said the bridge will close in May, according to two officials.

The council denied it.
`

// testRubric is a small valid rubric for a second, made-up story: loading it
// needs no Go code beyond the loader.
const testRubric = `id: bridge-closure
version: 2
title: The bridge closure
source:
  publisher: The Daily
  headline: A Headline
  byline: A Writer
  date: "2025-01-02"
  url: https://example.org/bridge
  text: bridge.txt
letters:
  - {letter: A, min: 80}
  - {letter: F, min: 0}
about: [bridge]
signals:
  bridge:
    patterns: ["bridge|bridges"]
  certain:
    patterns: ["will close|shut"]
    negated_by: [negation]
  negation:
    patterns: ["not|never|*n't"]
criteria:
  - id: certainty
    question: Is the closure said to be certain?
    weight: 2
    kinds: [headline, summary]
    caps_at: F
    verdicts:
      pass: Hedged.
      fail: Certain.
    evidence:
      - {id: may, paragraph: 1, quote: "the bridge will close in May"}
    rules:
      - when: ["certain"]
        verdict: fail
        reason: "{span} is certain."
      - when: []
        verdict: pass
        reason: Fine.
`

func loadTest(t *testing.T, rubricText string) ([]*rubric.Rubric, error) {
	t.Helper()
	fsys := fstest.MapFS{
		"r.yaml":     {Data: []byte(rubricText)},
		"bridge.txt": {Data: []byte(testSource)},
	}
	return rubric.Load(fsys, "r.yaml")
}

func TestLoadSecondStory(t *testing.T) {
	rs, err := loadTest(t, testRubric)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	r := rs[0]
	if r.ID != "bridge-closure" || r.Version != 2 || len(r.Source.Paragraphs) != 2 || len(r.Hash) != 64 {
		t.Fatalf("loaded %q v%d with %d paragraphs, hash %q", r.ID, r.Version, len(r.Source.Paragraphs), r.Hash)
	}
	g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: "The bridge will close"})
	if err != nil {
		t.Fatal(err)
	}
	if g.Letter != "F" || g.Criteria[0].Verdict != rubric.Fail || g.Criteria[0].Reason != "“will close” is certain." {
		t.Errorf("grade = %s %v %q, want F fail", g.Letter, g.Criteria[0].Verdict, g.Criteria[0].Reason)
	}
	g, _ = rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: "The bridge won't close"})
	if g.Criteria[0].Verdict != rubric.Pass {
		t.Errorf("negated: verdict %v, want pass", g.Criteria[0].Verdict)
	}
}

func TestLoadReportsEveryProblemWithLine(t *testing.T) {
	tests := []struct {
		name      string
		old, new  string
		wantLine  int
		wantInMsg string
	}{
		{"unknown criterion field", "    weight: 2\n", "    weight: 2\n    wieght: 3\n", 27, `unknown field "wieght"`},
		{"weight zero", "    weight: 2\n", "    weight: 0\n", 26, "weight must be greater than 0"},
		{"negative weight", "    weight: 2\n", "    weight: -1\n", 26, "weight must be greater than 0"},
		{"thresholds out of order", "{letter: A, min: 80}", "{letter: A, min: -5}", 13, "thresholds out of order"},
		{"evidence not verbatim", `quote: "the bridge will close in May"`, `quote: "the bridge will shut in May"`, 33, "not a verbatim span of paragraph 1"},
		{"evidence paragraph missing", "paragraph: 1,", "paragraph: 9,", 33, "paragraph 9 does not exist"},
		{"pattern does not compile", `["will close|shut"]`, `["will /clo(se/"]`, 19, "bad regular expression"},
		{"pattern all optional", `["will close|shut"]`, `["will? close?"]`, 19, "every element is optional"},
		{"unknown signal in rule", `when: ["certain"]`, `when: ["sure"]`, 35, `unknown signal "sure"`},
		{"unknown verdict", "verdict: fail", "verdict: wrong", 36, `unknown verdict "wrong"`},
		{"unknown top-level field", "version: 2\n", "version: 2\nauthor: me\n", 3, `unknown field "author"`},
		{"source text missing", "text: bridge.txt", "text: nope.txt", 10, "cannot read source text"},
		{"unknown cite in fix", "      fail: Certain.\n", "      fail: Certain.\n    fix: \"see {cite:june}\"\n", 32, "{cite:june} names unknown evidence"},
		{"cycle", "negated_by: [negation]", "negated_by: [certain]", 0, "cycle"},
		{"caps_at unknown letter", "caps_at: F", "caps_at: Z", 28, `caps_at "Z"`},
		{"duplicate criterion", "criteria:\n", "criteria:\n  - id: certainty\n    question: q\n    weight: 1\n    kinds: [summary]\n    verdicts: {pass: p, fail: f}\n    evidence: [{paragraph: 2, quote: council}]\n", 30, `duplicate criterion id "certainty"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(testRubric, tt.old) {
				t.Fatalf("test rubric has no %q", tt.old)
			}
			_, err := loadTest(t, strings.Replace(testRubric, tt.old, tt.new, 1))
			var le *rubric.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("Load = %v, want a *LoadError", err)
			}
			for _, p := range le.Problems {
				if strings.Contains(p.Msg, tt.wantInMsg) {
					if p.File != "r.yaml" || (tt.wantLine > 0 && p.Line != tt.wantLine) {
						t.Errorf("problem %q at %s:%d, want r.yaml:%d", p.Msg, p.File, p.Line, tt.wantLine)
					}
					return
				}
			}
			t.Errorf("Load problems = %v, want one containing %q", le.Problems, tt.wantInMsg)
		})
	}
}

func TestLoadCollectsAllProblems(t *testing.T) {
	broken := strings.NewReplacer("    weight: 2\n", "    weight: 0\n", `["will close|shut"]`, `["/(/"]`, "{letter: A, min: 80}", "{letter: A, min: -1}").Replace(testRubric)
	_, err := loadTest(t, broken)
	var le *rubric.LoadError
	if !errors.As(err, &le) || len(le.Problems) < 3 {
		t.Fatalf("Load = %v, want at least three problems at once", err)
	}
}

// TestLoadRejectsHostileFiles proves that the rubric loader refuses, with
// problems rather than a crash or a long wait, a file nested 40 levels
// deep, one with YAML anchors and aliases (so no alias bomb can expand), one
// of 2 MiB (the limit is 1 MiB), malformed YAML and an empty file.
func TestLoadRejectsHostileFiles(t *testing.T) {
	deep := "id: x\nsignals:\n" + strings.Repeat("  ", 1) + "a:" + strings.Repeat("\n"+strings.Repeat(" ", 4)+"- ", 1) + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n"
	alias := "id: &a x\nversion: 1\ntitle: *a\n"
	huge := "id: x\ntitle: \"" + strings.Repeat("a", 2<<20) + "\"\n"
	for name, text := range map[string]string{"deep": deep, "alias": alias, "huge": huge, "not yaml": "id: [unclosed", "empty": ""} {
		t.Run(name, func(t *testing.T) {
			if _, err := loadTest(t, text); err == nil {
				t.Fatal("Load accepted a hostile file")
			}
		})
	}
}

// TestNotAboutReasonIsTheRubrics proves that the reply to a text that is not
// about the story comes from the rubric (its title and scope), so a second
// story never tells editors what the first one needs.
func TestNotAboutReasonIsTheRubrics(t *testing.T) {
	withScope := strings.Replace(testRubric, "title: The bridge closure\n", "title: The bridge closure\nscope: Texts about the closure of the river bridge are graded.\n", 1)
	rs, err := loadTest(t, withScope)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	g, err := rubric.NewRuleJudge().Grade(t.Context(), rs[0], rubric.Request{Text: "The council met on Tuesday"})
	if err != nil {
		t.Fatal(err)
	}
	want := "The text is not about this story: The bridge closure. Texts about the closure of the river bridge are graded."
	if g.Status != rubric.Ungradable || g.Criteria[0].Reason != want || rs[0].NotAboutReason() != want {
		t.Errorf("Grade(off-story) = %v %q, want ungradable %q", g.Status, g.Criteria[0].Reason, want)
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"volt-typhoon-geneva": true, "aspartame-iarc": true, "a": true, "2025-story": true,
		"": false, "-x": false, "Upper": false, "dots.no": false, "under_score": false, "with space": false,
		strings.Repeat("a", 63): true, strings.Repeat("a", 64): false,
	} {
		if got := rubric.ValidID(id); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", id, got, want)
		}
	}
	if _, err := loadTest(t, strings.Replace(testRubric, "id: bridge-closure", "id: Bridge.Closure", 1)); err == nil || !strings.Contains(err.Error(), rubric.IDRule) {
		t.Errorf("Load(bad id) = %v, want the id rule", err)
	}
}
