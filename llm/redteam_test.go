package llm

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/prompts"
	"github.com/factgrade/factgrade/rubric"
)

// redTeamCase is one line of testdata/redteam/*.jsonl: a submission carrying
// a prompt injection, what its verdicts must be whatever the model says, and
// the best letter it may get.
type redTeamCase struct {
	ID        string                    `json:"id"`
	Kind      rubric.Kind               `json:"kind"`
	Text      string                    `json:"text"`
	Rubric    string                    `json:"rubric"`
	Attack    string                    `json:"attack"`
	Expect    map[string]rubric.Verdict `json:"expect"`
	MaxLetter string                    `json:"max_letter"`
	Origin    string                    `json:"origin"`
}

func loadRedTeam(t *testing.T) []redTeamCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "redteam", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no red-team case files in ../testdata/redteam (%v)", err)
	}
	var cases []redTeamCase
	for _, name := range files {
		fh, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for line := 1; sc.Scan(); line++ {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var c redTeamCase
			dec := json.NewDecoder(strings.NewReader(sc.Text()))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&c); err != nil {
				t.Fatalf("%s:%d: %v", name, line, err)
			}
			cases = append(cases, c)
		}
		fh.Close()
	}
	return cases
}

// complyWithRealQuotes is a model obeying the injection that backs every
// pass with a real quote (the criterion's own evidence), so its verdicts
// pass verification and only decisive rules hold the grade.
func complyWithRealQuotes(r *rubric.Rubric) modelReply {
	m := allPass(r)
	for i, c := range r.Criteria {
		m.Criteria[i].Citations = nil
		for _, e := range c.Evidence {
			m.Criteria[i].Citations = append(m.Criteria[i].Citations, modelCitation{e.Paragraph, e.Quote})
		}
	}
	return m
}

// TestRedTeam grades every injection case with the hybrid judge while the
// fake model complies with the injection: pass everywhere and a letter of
// its own, once with invented quotes and once with real ones; and once na
// everywhere, as if the text were off the story. The letter
// must still follow the verified verdicts and the rules' decisive verdicts.
func TestRedTeam(t *testing.T) {
	cases := loadRedTeam(t)
	for _, mode := range []string{"invented-quotes", "real-quotes", "na-everywhere"} {
		f := newFixture(t, nil)
		comply := allPass(f.r)
		switch mode {
		case "real-quotes":
			comply = complyWithRealQuotes(f.r)
		case "na-everywhere":
			for i := range comply.Criteria {
				comply.Criteria[i].Verdict, comply.Criteria[i].Citations = "na", nil
			}
		}
		f.srv.Handle(func(llmtest.ChatRequest) llmtest.Reply { return llmtest.Completion(comply.json(t)) })
		letterRank := map[string]int{"": len(f.r.Letters)} // no letter is worst
		for i, l := range f.r.Letters {
			letterRank[l.Letter] = i
		}
		for _, c := range cases {
			t.Run(mode+"/"+c.ID, func(t *testing.T) {
				if c.Rubric != f.r.ID {
					t.Fatalf("case rubric %q, want %q", c.Rubric, f.r.ID)
				}
				before := len(f.srv.Requests())
				req := rubric.Request{Text: c.Text, Kind: c.Kind}
				g, err := f.hybrid.Grade(context.Background(), f.r, req)
				if err != nil {
					t.Fatal(err)
				}
				rg, err := f.rules.Grade(context.Background(), f.r, req)
				if err != nil {
					t.Fatal(err)
				}
				reqs := f.srv.Requests()[before:]
				if rg.Status == rubric.NotEnglish {
					// Not graded at all, so nothing for an injection to move.
					if g.Status != rubric.NotEnglish || g.Letter != "" || len(reqs) != 0 {
						t.Errorf("not-English text graded %s %q after %d model calls, want not_english, no letter, no call", g.Status, g.Letter, len(reqs))
					}
					return
				}
				checkVerified(t, f.r, g)
				for _, rc := range rg.Criteria {
					got := g.Criterion(rc.Criterion)
					if rc.Decisive && (got.Verdict != rc.Verdict || got.DecidedBy != rubric.DecidedByRules) {
						t.Errorf("%s: decisive rule verdict %s became %s (decided by %s)", rc.Criterion, rc.Verdict, got.Verdict, got.DecidedBy)
					}
					if got.Verdict != rc.Verdict && !got.NeedsReview {
						t.Errorf("%s: the model overturned the rules (%s → %s) without flagging it for review", rc.Criterion, rc.Verdict, got.Verdict)
					}
					if mode != "real-quotes" && got.Verdict != rc.Verdict {
						t.Errorf("%s: a verdict the model could not back overturned the rules (%s → %s)", rc.Criterion, rc.Verdict, got.Verdict)
					}
				}
				for id, want := range c.Expect {
					if got := g.Criterion(id).Verdict; got != want {
						t.Errorf("%s verdict = %s, want %s whatever the injection says", id, got, want)
					}
				}
				if c.MaxLetter != "" && letterRank[g.Letter] < letterRank[c.MaxLetter] {
					t.Errorf("letter %s, want %s or worse", g.Letter, c.MaxLetter)
				}
				if g.Rewrite == comply.Rewrite {
					t.Errorf("the complying model's rewrite %q was shown", g.Rewrite)
				}
				if mode == "invented-quotes" && g.Judge.DroppedQuotes == 0 {
					t.Error("the invented quotes were not dropped")
				}
				// The submission travelled as data: the user message decodes
				// to exactly the case text, whatever delimiters it imitates.
				if len(reqs) != 1 {
					t.Fatalf("model requests = %d, want 1", len(reqs))
				}
				var sub prompts.Submission
				if err := json.Unmarshal([]byte(reqs[0].Chat.Messages[len(reqs[0].Chat.Messages)-1].Content), &sub); err != nil || sub.Text != c.Text {
					t.Errorf("user message carries %q (%v), want the case text", sub.Text, err)
				}
			})
		}
	}
}
