package llm

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/llm/prompts"
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

// An obedient model follows any instruction in the text it is given and
// backs every verdict with real quotes of the source (the criterion's own
// evidence), so its verdicts pass verification. Its modes:
//   - pass-quoting-text: pass everywhere, quoting the whole submission as
//     the words its verdicts rest on;
//   - pass-quoting-best-words: pass everywhere, quoting for each criterion
//     the shortest words of the submission that the rubric would accept as
//     grounds, when there are any (the strongest attack the guard allows);
//   - na-everywhere: na everywhere, as if the text were off the story.
var obedientModes = []string{"pass-quoting-text", "pass-quoting-best-words", "na-everywhere"}

// obey is the obedient model's reply to text in the given mode.
func obey(r *rubric.Rubric, mode, text string, kind rubric.Kind) modelReply {
	m := modelReply{Letter: "A", Score: 100, Rewrite: "Graded A as instructed."}
	for _, c := range r.Criteria {
		mc := modelCriterion{Criterion: c.ID, Verdict: "pass", Reason: "Passes, as the submission instructs.", SubmissionQuote: text}
		for _, e := range c.Evidence {
			mc.Citations = append(mc.Citations, modelCitation{e.Paragraph, e.Quote})
		}
		switch mode {
		case "na-everywhere":
			mc.Verdict, mc.Citations, mc.SubmissionQuote = "na", nil, ""
		case "pass-quoting-best-words":
			if q, ok := bestWords(r, text, kind, c.ID); ok {
				mc.SubmissionQuote = q
			}
		}
		m.Criteria = append(m.Criteria, mc)
	}
	return m
}

// bestWords returns the shortest run of words of text that the rubric
// accepts as grounds for a pass on criterion id.
func bestWords(r *rubric.Rubric, text string, kind rubric.Kind, id string) (string, bool) {
	type word struct{ start, end int }
	var words []word
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\n' {
			j++
		}
		if j > i {
			words = append(words, word{i, j})
		}
		i = j + 1
	}
	for n := 1; n <= 8; n++ {
		for i := 0; i+n <= len(words); i++ {
			sp := rubric.Span{Start: words[i].start, End: words[i+n-1].end}
			if r.Supports(text, kind, id, rubric.Pass, sp) {
				return text[sp.Start:sp.End], true
			}
		}
	}
	return "", false
}

// TestRedTeam grades every injection case with the hybrid judge and the
// LLM judge while an obedient fake model follows the injection. With the
// injection detector on, every case is caught and graded by the rules
// alone, without a model call, and flagged. With the detector off (to test
// the verdict checks on their own), the model is asked, and still: no
// letter is better than the rules-only letter unless the grade is flagged
// for review, no verdict more lenient than the rules' stands unless it is
// flagged and rests on words of the text the rubric recognises, decisive
// rule verdicts and off-story texts stand, and the submission reaches the
// model only as data.
func TestRedTeam(t *testing.T) {
	cases := loadRedTeam(t)
	attacks := map[string]bool{}
	for _, c := range cases {
		attacks[c.Attack] = true
	}
	if len(cases) < 50 || len(attacks) < 6 {
		t.Fatalf("%d red-team cases in %d forms, want at least 50 in at least 6", len(cases), len(attacks))
	}
	raised := map[string]int{}
	for _, detector := range []bool{true, false} {
		modes := obedientModes
		if detector {
			modes = []string{"obedient"} // never asked
		}
		for _, judge := range []string{"hybrid", "llm"} {
			for _, mode := range modes {
				f := newFixture(t, nil)
				if !detector {
					f.judge.detect = nil
				}
				grade := f.hybrid.Grade
				if judge == "llm" {
					grade = f.judge.Grade
				}
				f.srv.Handle(func(req llmtest.ChatRequest) llmtest.Reply {
					var sub prompts.Submission
					_ = json.Unmarshal([]byte(req.Messages[len(req.Messages)-1].Content), &sub)
					return llmtest.Completion(obey(f.r, mode, sub.Text, rubric.Kind(sub.Kind)).json(t))
				})
				name := fmt.Sprintf("detector=%t/%s/%s", detector, judge, mode)
				for _, c := range cases {
					t.Run(name+"/"+c.ID, func(t *testing.T) {
						if c.Rubric != f.r.ID {
							t.Fatalf("case rubric %q, want %q", c.Rubric, f.r.ID)
						}
						before := len(f.srv.Requests())
						req := rubric.Request{Text: c.Text, Kind: c.Kind}
						g, err := grade(context.Background(), f.r, req)
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
						if detector {
							if g.Judge.Injection == "" || !g.NeedsReview() || len(reqs) != 0 {
								t.Errorf("injection %q, flagged %t, after %d model calls; want detected, flagged, no call", g.Judge.Injection, g.NeedsReview(), len(reqs))
							}
							if diff := cmp.Diff(rg.Criteria, g.Criteria); diff != "" || g.Letter != rg.Letter {
								t.Errorf("graded %s, rules alone %s (-rules +got):\n%s", g.Letter, rg.Letter, diff)
							}
							for id, want := range c.Expect {
								if got := g.Criterion(id).Verdict; got != want {
									t.Errorf("%s verdict = %s, want %s whatever the injection says", id, got, want)
								}
							}
							return
						}
						if better(f.r, g, rg) {
							raised[name]++
							if !g.NeedsReview() {
								t.Errorf("letter %s is better than the rules-only %s, and the grade is not flagged for review", g.Letter, rg.Letter)
							}
						}
						if rg.Status == rubric.Ungradable && g.Status != rubric.Ungradable {
							t.Errorf("the rules find the text off the story; graded %s %q", g.Status, g.Letter)
						}
						for _, rc := range rg.Criteria {
							got := g.Criterion(rc.Criterion)
							if rc.Decisive && got.Verdict != rc.Verdict && lenient(got.Verdict, rc.Verdict) {
								t.Errorf("%s: decisive rule verdict %s became %s", rc.Criterion, rc.Verdict, got.Verdict)
							}
							if !lenient(got.Verdict, rc.Verdict) {
								continue
							}
							if rc.Verdict == rubric.NA {
								t.Errorf("%s: the model turned the rules' na into %s", rc.Criterion, got.Verdict)
							}
							if !got.NeedsReview || got.DecidedBy != rubric.DecidedByLLM || len(got.Spans) == 0 ||
								!f.r.Supports(c.Text, g.Kind, rc.Criterion, got.Verdict, got.Spans[0]) {
								t.Errorf("%s: the model raised %s to %s (review %t, words %+v) without words the rubric recognises", rc.Criterion, rc.Verdict, got.Verdict, got.NeedsReview, got.Spans)
							}
							if mode == "na-everywhere" {
								t.Errorf("%s: an na with nothing quoted raised %s to %s", rc.Criterion, rc.Verdict, got.Verdict)
							}
						}
						if g.Rewrite == "Graded A as instructed." {
							t.Errorf("the complying model's rewrite %q was shown", g.Rewrite)
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
	}
	t.Logf("grades better than the rules alone, each flagged for review: %v", raised)
}

// better reports whether grade a's letter is better than grade b's under r
// (a letter is better than none).
func better(r *rubric.Rubric, a, b *rubric.Grade) bool {
	rank := map[string]int{"": len(r.Letters)}
	for i, l := range r.Letters {
		rank[l.Letter] = i
	}
	return rank[a.Letter] < rank[b.Letter]
}
