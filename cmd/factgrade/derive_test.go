package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/rubric"
)

// draftReply is a model's draft rubric for the Volt Typhoon source: one
// quote retyped with a straight apostrophe (kept, in the source's
// spelling), one invented (dropped) and, when broken, a criterion whose only
// evidence is invented.
func draftReply(t *testing.T, broken bool) string {
	t.Helper()
	ev := func(p int, q string) map[string]any { return map[string]any{"paragraph": p, "quote": q} }
	crit := func(id string, w float64, kinds []string, evidence ...map[string]any) map[string]any {
		return map[string]any{
			"id": id, "question": "Is " + id + " right?", "weight": w, "kinds": kinds, "caps_at": "",
			"verdicts": map[string]any{"pass": "right", "partial": "half right", "fail": "wrong", "na": "not mentioned"},
			"evidence": evidence, "guidance": "Grade carefully.", "fix": "Fix " + id + ".",
		}
	}
	both := []string{"headline", "summary"}
	criteria := []any{
		crit("Admission", 3, both, ev(5, "were indirect and somewhat ambiguous"), ev(12, "didn't directly state that China was responsible"), ev(5, "China openly confessed")),
		crit("denial", 2, []string{"summary"}, ev(10, "using cybersecurity to smear and slander China")),
	}
	if broken {
		criteria = append(criteria, crit("meeting", 1, both, ev(11, "a meeting in Beijing in March")))
	}
	b, err := json.Marshal(map[string]any{
		"title": "China's tacit acknowledgment (WSJ)", "publisher": "The Wall Street Journal", "byline": "Dustin Volz",
		"date": "2025-04-10", "url": "https://www.wsj.com/example",
		"topics":   []any{map[string]any{"name": "china", "words": []string{"China", "Chinese", "Beijing", "wang lei", "bad*word"}}, map[string]any{"name": "hacking", "words": []string{"hack", "hacks", "cyberattacks"}}},
		"criteria": criteria,
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRubricDerive(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "rubrics", "sources", "volt-typhoon-geneva.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		broken   bool
		code     int
		problems []string
	}{
		{"clean draft", false, 0, nil},
		{"evidence not in the source", true, 1, []string{"criterion meeting: cite at least one evidence span"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "sources"), 0o755); err != nil {
				t.Fatal(err)
			}
			source := filepath.Join(dir, "sources", "story.txt")
			if err := os.WriteFile(source, src, 0o644); err != nil {
				t.Fatal(err)
			}
			srv := llmtest.NewServer(t, llmtest.Completion(draftReply(t, c.broken)))
			out := filepath.Join(dir, "story.yaml")
			vars := map[string]string{"OPENAI_BASE_URL": srv.URL, "OPENAI_MODEL": "llama3.1"}
			code, _, stderr := runOps(t, vars, "rubric", "derive", "--source", source, "--id", "new-story", "--out", out)
			if code != c.code {
				t.Fatalf("rubric derive exit %d, want %d; stderr:\n%s", code, c.code, stderr)
			}
			for _, p := range c.problems {
				if !strings.Contains(stderr, p) {
					t.Errorf("stderr lacks problem %q:\n%s", p, stderr)
				}
			}
			if !strings.Contains(stderr, "1 evidence quote(s) from the model were not in the source") && !c.broken {
				t.Errorf("stderr does not count the dropped quote:\n%s", stderr)
			}
			yml, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("the draft was not written: %v", err)
			}
			if !strings.HasPrefix(string(yml), "# DRAFT rubric \"new-story\"") {
				t.Errorf("draft does not say it is a draft:\n%s", yml)
			}
			reqs := srv.Requests()
			if len(reqs) != 1 || reqs[0].Chat.ResponseFormat.JSONSchema.Name != "factgrade_rubric" ||
				!strings.Contains(reqs[0].Chat.Messages[1].Content, "¶12 Wang or the other Chinese officials") {
				t.Fatalf("derive sent %d requests; want one structured request with the numbered source", len(reqs))
			}
			if c.broken {
				return
			}
			rs, err := rubric.Load(os.DirFS(dir), "story.yaml")
			if err != nil {
				t.Fatalf("the clean draft does not load: %v\n%s", err, yml)
			}
			r := rs[0]
			adm := r.Criterion("admission")
			if r.ID != "new-story" || adm == nil || len(adm.Evidence) != 2 || r.Criterion("denial").Kinds[0] != rubric.Summary {
				t.Fatalf("loaded draft = %+v", r)
			}
			if got := adm.Evidence[1].Quote; got != "didn’t directly state that China was responsible" {
				t.Errorf("evidence quote = %q, want the source's spelling", got)
			}
			if strings.Contains(string(yml), "bad*word") || !strings.Contains(string(yml), "wang lei") {
				t.Errorf("topic words were not sanitised into signals:\n%s", yml)
			}
		})
	}
}

func TestRubricDeriveUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"rubric", "derive", "--id", "x"}, "needs --source FILE and --id ID"},
		{[]string{"rubric", "derive", "--source", "/no/such/file", "--id", "x"}, "no such file"},
	} {
		code, _, stderr := runOps(t, map[string]string{"OPENAI_MODEL": "m", "OPENAI_BASE_URL": "http://127.0.0.1:1/v1"}, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "s.txt")
	os.WriteFile(src, []byte("Headline\n\nOne paragraph."), 0o644)
	code, _, stderr := runOps(t, nil, "rubric", "derive", "--source", src, "--id", "x")
	if code != 2 || !strings.Contains(stderr, "OPENAI_MODEL") {
		t.Errorf("derive without a model: exit %d, stderr %q; want 2 naming OPENAI_MODEL", code, stderr)
	}
}
