package llm

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/rubric"
)

// benchSummary is a summary of about 3,000 characters, the longest a
// submission usually is.
var benchSummary = strings.Repeat(summaryText+" ", 9)[:3000]

// BenchmarkJudgeOverhead measures the judge's own work around the model
// call. Assess is exactly that: render the request, go-openai's encoding
// and decoding, parse and verify the reply. Grade adds what the LLM judge
// does with the rule judge: grade the submission first (input and language
// checks, the fallback), score, and re-grade the model's rewrite. The
// model is an in-process transport that answers at once.
func BenchmarkJudgeOverhead(b *testing.B) {
	r := volt(b)
	reply := correctReply()
	reply.Rewrite = "China tacitly acknowledged role in U.S. infrastructure hacks, officials say"
	for _, bc := range []struct {
		name string
		text string
	}{{"headline", tacitHeadline}, {"summary-3000", benchSummary}} {
		j, err := New(Config{Model: "gpt-4o-mini", BaseURL: "http://fake/v1", HTTPClient: &http.Client{Transport: llmtest.Transport{Content: reply.json(b)}}}, rubric.NewRuleJudge())
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		kind := rubric.DetectKind(bc.text)
		b.Run("Assess/"+bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := j.Assess(ctx, r, bc.text, kind); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("Grade/"+bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				g, err := j.Grade(ctx, r, rubric.Request{Text: bc.text})
				if err != nil || g.Judge.Fallback != "" {
					b.Fatalf("Grade() = %v, fallback %q", err, g.Judge.Fallback)
				}
			}
		})
	}
}

// BenchmarkVerify measures parsing and verifying one model reply alone.
func BenchmarkVerify(b *testing.B) {
	r := volt(b)
	content := correctReply().json(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, problem := verify(r, rubric.Headline, tacitHeadline, content); problem != "" {
			b.Fatal(problem)
		}
	}
}

// BenchmarkHybridFakeServer grades through the fake OpenAI server over
// loopback HTTP, and reports the prompt and completion tokens the server
// counts (an estimate, about four characters a token) and the share of
// the prompt that is the stable system prefix.
func BenchmarkHybridFakeServer(b *testing.B) {
	for _, bc := range []struct {
		name string
		text string
	}{{"headline", tacitHeadline}, {"summary-3000", benchSummary}} {
		b.Run(bc.name, func(b *testing.B) {
			f := newFixture(b, nil)
			reply := correctReply().json(b)
			f.srv.Handle(func(llmtest.ChatRequest) llmtest.Reply { return llmtest.Completion(reply) })
			ctx := context.Background()
			var g *rubric.Grade
			for b.Loop() {
				var err error
				if g, err = f.hybrid.Grade(ctx, f.r, rubric.Request{Text: bc.text}); err != nil || g.Judge.Fallback != "" {
					b.Fatalf("Grade() = %v, fallback %q", err, g.Judge.Fallback)
				}
			}
			req := f.srv.Requests()[0].Chat
			system := llmtest.EstimateTokens(req.Messages[0].Content)
			b.ReportMetric(float64(g.Judge.PromptTokens), "prompt_tokens/grade")
			b.ReportMetric(float64(g.Judge.CompletionTokens), "completion_tokens/grade")
			b.ReportMetric(100*float64(system)/float64(g.Judge.PromptTokens), "prefix_%")
			b.ReportMetric(float64(len(f.srv.Requests()))/float64(b.N), "calls/grade")
		})
	}
}
