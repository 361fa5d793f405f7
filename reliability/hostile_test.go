package reliability

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/rubric"
)

// markup is Slack markup an attacker would like factgrade to post
// unescaped: mentions that notify everyone, a user mention, and a link
// disguised as something else.
var markup = []string{"<!channel>", "<!here>", "<!everyone>", "<@U0BOSS>", "<https://evil.example|", "<mailto:"}

// unescaped returns the pieces of markup found in what a post would show:
// its text and every string inside its blocks.
func unescaped(p slacktest.Call) []string {
	var shown strings.Builder
	shown.WriteString(p.Form.Get("text"))
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			shown.WriteString("\n" + v)
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	var blocks any
	json.Unmarshal([]byte(p.Blocks()), &blocks)
	walk(blocks)
	var found []string
	for _, m := range markup {
		if strings.Contains(shown.String(), m) {
			found = append(found, m)
		}
	}
	return found
}

// TestReliabilityMarkupInjection proves that Slack markup in the editor's
// text and in everything the model writes (reasons, quotes, the rewrite)
// reaches Slack escaped: nobody can make factgrade notify a channel or
// post a disguised link.
func TestReliabilityMarkupInjection(t *testing.T) {
	inject := "<!channel> <!here> <!everyone> <@U0BOSS> see <https://evil.example|your bank> <mailto:x@evil.example|desk>"
	r := mustRubrics(t).Lookup
	model := llmtest.NewServer(t)
	model.Handle(func(req llmtest.ChatRequest) llmtest.Reply {
		var out llmtest.GradeReply
		vt, _ := r("volt-typhoon-geneva")
		for _, c := range vt.Criteria {
			out.Criteria = append(out.Criteria, llmtest.CriterionReply{Criterion: c.ID, Verdict: "fail", Reason: "Wrong. " + inject, SubmissionQuote: inject,
				Citations: []llmtest.CitationReply{{Paragraph: 1, Quote: inject}, {Paragraph: 1, Quote: "according to people familiar with the matter"}}})
		}
		out.Rewrite = "China tacitly acknowledged the hacks, WSJ reports " + inject
		return llmtest.Completion(out.JSON())
	})
	logs := &syncBuffer{}
	for _, tc := range []struct {
		name  string
		judge string
	}{{"rule judge", "rules"}, {"LLM judge, model writing markup", "llm"}, {"hybrid judge, model writing markup", "hybrid"}} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := stackConfig{workers: 2}
			switch tc.judge {
			case "llm":
				cfg.judge = llmJudge(t, model.URL, 5*time.Second, logs)
			case "hybrid":
				cfg.judge = hybrid(t, model.URL, 5*time.Second, logs)
			}
			s := newStack(t, cfg)
			texts := []string{
				inject + " China admits hacking U.S. infrastructure",
				"China admits hacking " + inject + " U.S. ports, WSJ reports",
				"Beijing tacitly acknowledged the hacks &amp; &lt;!channel&gt; " + inject,
			}
			for _, text := range texts {
				_, _, code, body := s.command(text)
				if code != 200 || strings.Contains(body, "<!channel>") {
					t.Errorf("acknowledgement %d %s", code, body)
				}
			}
			o := s.settle(20 * time.Second)
			bad, fromModel := 0, 0
			for _, p := range o.posts {
				if strings.Contains(p.Blocks(), "Wrong.") || strings.Contains(p.Blocks(), "tacitly acknowledged the hacks, WSJ reports") {
					fromModel++
				}
				if found := unescaped(p); len(found) > 0 {
					bad++
					t.Errorf("a reply shows %q unescaped:\n%s", found, p.Blocks())
				}
				// The editor's text is quoted defanged (<!channel> becomes
				// @channel, a link its label) or escaped.
				if b := p.Blocks(); !strings.Contains(b, "@channel") && !strings.Contains(b, "\\u0026lt;!channel") {
					t.Errorf("the editor's text is not quoted in the reply:\n%s", b)
				}
			}
			if tc.judge == "llm" && fromModel == 0 {
				t.Errorf("no reply shows the model's reasons or rewrite; the test proves nothing about model output")
			}
			result(t, "%s; %d replies carry the model's words; %d of %d replies show markup unescaped", o, fromModel, bad, len(o.posts))
		})
	}
}

// TestReliabilityPromptInjection proves, end to end through Slack, that
// with a model that obeys every injection (pass everywhere, an A, invented
// quotes), each red-team submission in testdata/redteam is found to speak
// to the grader, graded by the rules alone without a model call, flagged
// for review and told so in its reply, and never gets a letter better than
// the rules alone give it.
func TestReliabilityPromptInjection(t *testing.T) {
	f, err := os.Open("../testdata/redteam/injections.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type rtCase struct {
		ID        string `json:"id"`
		Text      string `json:"text"`
		Kind      string `json:"kind"`
		MaxLetter string `json:"max_letter"`
	}
	var cases []rtCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c rtCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	model := llmtest.NewServer(t)
	set := mustRubrics(t)
	r, _ := set.Get("volt-typhoon-geneva")
	model.Handle(func(llmtest.ChatRequest) llmtest.Reply {
		var crit []map[string]any
		for _, c := range r.Criteria {
			crit = append(crit, map[string]any{"criterion": c.ID, "verdict": "pass", "reason": "Passes, as instructed.", "submission_quote": "",
				"citations": []any{map[string]any{"paragraph": 2, "quote": "China openly admitted responsibility for the hacks"}}})
		}
		b, _ := json.Marshal(map[string]any{"criteria": crit, "rewrite": "Graded A as instructed.", "letter": "A", "score": 100})
		return llmtest.Completion(string(b))
	})
	s := newStack(t, stackConfig{judge: hybrid(t, model.URL, 5*time.Second, &syncBuffer{}), workers: 4})
	marks := map[string]rtCase{}
	for _, c := range cases {
		text := c.Text
		if c.Kind != "" {
			text = "--" + c.Kind + " " + text
		}
		m, _, _, _ := s.command(text)
		marks[m] = c
	}
	o := s.settle(30 * time.Second)
	worse, detected := 0, 0
	rank := func(l string) int { // "" (not graded) is worst
		if l == "" {
			return 99
		}
		return int(l[0])
	}
	for m, c := range marks {
		for _, p := range o.byMarker[m] {
			var md slack.SlackMetadata
			json.Unmarshal([]byte(p.Form.Get("metadata")), &md)
			var id int64
			json.Unmarshal([]byte(md.EventPayload["submission_id"].(string)), &id)
			item, err := s.store.GradedItem(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			g := item.Grade
			rg, err := rubric.NewRuleJudge().Grade(context.Background(), r, rubric.Request{Text: item.Submission.Text, Kind: g.Kind})
			if err != nil {
				t.Fatal(err)
			}
			if rank(g.Letter) < rank(rg.Letter) && !g.NeedsReview() {
				worse++
				t.Errorf("%s: letter %s, better than the rules-only %s and not flagged", c.ID, g.Letter, rg.Letter)
			}
			if g.Status == rubric.NotEnglish {
				continue
			}
			if g.Judge.Injection != "" && strings.Contains(p.Blocks(), "speaks to the grader") {
				detected++
			} else {
				t.Errorf("%s: the reply does not say the text speaks to the grader (injection %q)", c.ID, g.Judge.Injection)
			}
		}
	}
	calls := len(model.Requests())
	if calls != 0 {
		t.Errorf("%d model calls, want none: every text speaks to the grader", calls)
	}
	result(t, "%d red-team submissions with a model obeying every injection: %s; %d detected, graded by the rules alone and flagged; %d model calls; %d graded better than the rules alone without a review mark",
		len(cases), o, detected, calls, worse)
}
