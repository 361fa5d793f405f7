package rubric_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

var updateVerdicts = flag.Bool("update", false, "rewrite the golden verdict files in testdata/verdicts")

// TestGoldenVerdicts grades every labelled case file of the repository with
// the rule judge and compares each text's verdicts, letter and review marks
// with testdata/verdicts/<file>.txt, so a change to the engine, the lexicon
// or a rubric shows exactly which verdicts moved. After checking the diff,
// accept it with `go test ./rubric -run TestGoldenVerdicts -update`.
func TestGoldenVerdicts(t *testing.T) {
	set, err := rubrics.Load()
	if err != nil {
		t.Fatal(err)
	}
	// Every rubric keeps its case files beside it (rubrics/cases/ID).
	files, _ := filepath.Glob("../rubrics/cases/*/*.jsonl")
	if len(files) == 0 {
		t.Fatal("no case files found")
	}
	j := rubric.NewRuleJudge()
	for _, f := range files {
		name := strings.TrimSuffix(strings.ReplaceAll(strings.TrimPrefix(f, "../"), "/", "_"), ".jsonl") + ".txt"
		t.Run(name, func(t *testing.T) {
			var b strings.Builder
			fmt.Fprintf(&b, "# Rule-judge verdicts for %s (go test ./rubric -run TestGoldenVerdicts -update).\n", strings.TrimPrefix(f, "../"))
			fmt.Fprintf(&b, "# id kind: letter score [provisional] | criterion=verdict (! marks a verdict that differs from its label, ? one marked for review)\n")
			for _, c := range readCaseLines(t, f) {
				r, err := set.Lookup(c.Rubric)
				if err != nil {
					t.Fatal(err)
				}
				g, err := j.Grade(t.Context(), r, rubric.Request{Text: c.Text, Kind: c.Kind})
				if err != nil {
					t.Fatalf("%s: %v", c.ID, err)
				}
				letter := string(g.Status)
				if g.Status == rubric.Graded {
					letter = fmt.Sprintf("%s %d", g.Letter, g.Score)
				}
				if g.Provisional {
					letter += " provisional"
				}
				var vs []string
				for _, cg := range g.Criteria {
					mark := ""
					if c.Expect[cg.Criterion] != string(cg.Verdict) {
						mark += "!"
					}
					if cg.NeedsReview {
						mark += "?"
					}
					vs = append(vs, fmt.Sprintf("%s=%s%s", cg.Criterion, cg.Verdict, mark))
				}
				fmt.Fprintf(&b, "%s %s: %s | %s\n", c.ID, c.Kind, letter, strings.Join(vs, " "))
			}
			golden := filepath.Join("testdata", "verdicts", name)
			if *updateVerdicts {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (create it with -update)", err)
			}
			if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(b.String(), "\n")); diff != "" {
				t.Errorf("verdicts for %s moved (-golden +now); if intended, run with -update:\n%s", f, diff)
			}
		})
	}
}

type labelledCase struct {
	ID     string            `json:"id"`
	Kind   rubric.Kind       `json:"kind"`
	Text   string            `json:"text"`
	Rubric string            `json:"rubric"`
	Expect map[string]string `json:"expect"`
}

func readCaseLines(t *testing.T, name string) []labelledCase {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var out []labelledCase
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var c labelledCase
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, c)
	}
	return out
}
