package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/rubric"
)

const testOpenAIKey = "sk-cli-test-key-NEVER-SHOWN"

// modelPassEverything is what a fake model answers for the Volt rubric:
// pass on every criterion, citing ¶5.
func modelPassEverything() string {
	var r llmtest.GradeReply
	for _, id := range []string{"admission", "sourcing", "denial", "campaign", "targets", "taiwan", "meeting"} {
		r.Criteria = append(r.Criteria, llmtest.CriterionReply{Criterion: id, Verdict: "pass", Reason: "The model says so.",
			Citations: []llmtest.CitationReply{{Paragraph: 5, Quote: "were indirect and somewhat ambiguous"}}})
	}
	return r.JSON()
}

func TestGradeWithLLMJudges(t *testing.T) {
	srv := llmtest.NewServer(t)
	srv.RequireKey(testOpenAIKey)
	srv.Handle(func(llmtest.ChatRequest) llmtest.Reply { return llmtest.Completion(modelPassEverything()) })
	vars := map[string]string{"OPENAI_BASE_URL": srv.URL, "OPENAI_MODEL": "llama3.1", "OPENAI_API_KEY": testOpenAIKey}
	const text = "China openly admitted hacking U.S. water utilities"
	for _, c := range []struct {
		flag, judge, admission, decidedBy string
	}{
		{"--judge=llm", "llm", "fail", "rules"},       // the model's pass has no grounds in the text
		{"--judge=hybrid", "hybrid", "fail", "rules"}, // "openly admitted" is decisive
		{"", "hybrid", "fail", "rules"},               // FACTGRADE_JUDGE defaults to hybrid with a server set
	} {
		t.Run(c.judge+c.flag, func(t *testing.T) {
			args := []string{"grade", "--json"}
			if c.flag != "" {
				args = append(args, c.flag)
			} else {
				args = append(args, "--judge=")
			}
			code, stdout, stderr := runOps(t, vars, append(args, text)...)
			if code != 0 {
				t.Fatalf("grade %v exit %d: %s", args, code, stderr)
			}
			var g rubric.Grade
			if err := json.Unmarshal([]byte(stdout), &g); err != nil {
				t.Fatalf("grade --json printed %q: %v", stdout, err)
			}
			adm := g.Criterion("admission")
			if g.Judge.Name != c.judge || g.Judge.Model != "llama3.1" || g.Judge.Fallback != "" || len(g.Judge.PromptHash) != 64 {
				t.Errorf("judge = %+v, want %s with llama3.1 and a prompt hash", g.Judge, c.judge)
			}
			if adm == nil || string(adm.Verdict) != c.admission || adm.DecidedBy != c.decidedBy {
				t.Errorf("admission = %+v, want %s decided by %s", adm, c.admission, c.decidedBy)
			}
			if strings.Contains(stdout+stderr, testOpenAIKey) {
				t.Error("the API key was printed")
			}
		})
	}
}

func TestGradeLLMJudgeSettings(t *testing.T) {
	for _, c := range []struct {
		name string
		vars map[string]string
		args []string
		want string
	}{
		{"no model", map[string]string{"OPENAI_API_KEY": testOpenAIKey}, []string{"grade", "--judge=hybrid", "China hacks"}, "OPENAI_MODEL"},
		{"no server", map[string]string{"OPENAI_MODEL": "gpt-4o-mini"}, []string{"grade", "--judge=llm", "China hacks"}, "OPENAI_API_KEY"},
		{"unknown judge", nil, []string{"grade", "--judge=oracle", "China hacks"}, `unknown judge "oracle"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runOps(t, c.vars, c.args...)
			if code != 2 || !strings.Contains(stderr, c.want) {
				t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
			}
		})
	}
	// --judge rules needs no settings, even broken ones.
	code, _, stderr := runOps(t, map[string]string{"OPENAI_TIMEOUT": "soon"}, "grade", "--judge=rules", "China admitted hacking U.S. ports")
	if code != 0 {
		t.Errorf("grade --judge=rules with a broken OPENAI_TIMEOUT: exit %d: %s", code, stderr)
	}
}

func TestEvalWithHybridJudgeFallsBack(t *testing.T) {
	srv := llmtest.NewServer(t)
	srv.Handle(func(llmtest.ChatRequest) llmtest.Reply {
		return llmtest.Error(http.StatusBadRequest, "invalid_request_error", "model not found")
	})
	cases := filepath.Join(t.TempDir(), "cases.jsonl")
	line := `{"id": "a", "kind": "headline", "text": "China Admitted Its Role in Cyberattacks on the U.S.", "rubric": "volt-typhoon-geneva", "expect": {"admission": "fail", "sourcing": "partial", "denial": "na", "campaign": "na", "targets": "na", "taiwan": "na", "meeting": "na"}}` + "\n"
	if err := os.WriteFile(cases, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"OPENAI_BASE_URL": srv.URL, "OPENAI_MODEL": "m"}
	code, stdout, stderr := runOps(t, vars, "eval", "--judge=hybrid", "--json", "--cases", cases)
	if code != 0 {
		t.Fatalf("eval exit %d: %s", code, stderr)
	}
	var rep struct {
		Judge    string  `json:"judge"`
		Accuracy float64 `json:"accuracy"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("eval --json printed %q: %v", stdout, err)
	}
	if rep.Judge != "hybrid" || rep.Accuracy != 1 || len(srv.Requests()) != 1 {
		t.Errorf("eval = %+v after %d model requests, want hybrid falling back to the rules' perfect grade after 1", rep, len(srv.Requests()))
	}
	if !strings.Contains(stderr, "fell back to the rule judge") {
		t.Errorf("stderr = %q, want the fallback warning", stderr)
	}
}
