package rubric_test

import (
	"strings"
	"testing"

	"github.com/factgrade/factgrade/engine"
	"github.com/factgrade/factgrade/revise"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

const benchHeadline = "China acknowledges its role in years of cyberattacks against US over support of Taiwan: report"

// benchSummary is a 3,000-character summary made of real coverage's sentences.
func benchSummary(b testing.TB) string {
	cases := readCaseFile(b, "../rubrics/cases/volt-typhoon-geneva/dev.jsonl")
	var sb strings.Builder
	for _, c := range cases {
		if c.Kind == rubric.Summary {
			sb.WriteString(c.Text)
			sb.WriteString(" ")
		}
		if sb.Len() > 3000 {
			break
		}
	}
	s := sb.String()
	for len(s) > 3000 {
		s = s[:strings.LastIndexByte(s[:len(s)-1], ' ')]
	}
	return s
}

// BenchmarkGradeHeadline grades a headline that needs a rewrite, the way
// factgrade does: the rule judge with revision (package revise) grades it,
// proposes a rewrite and re-grades the rewrite for its score.
func BenchmarkGradeHeadline(b *testing.B) {
	r := voltRubric(b)
	j := revise.NewRuleJudge()
	req := rubric.Request{Text: benchHeadline, Kind: rubric.Headline}
	if g, err := j.Grade(b.Context(), r, req); err != nil || g.Rewrite == "" {
		b.Fatalf("the benchmark headline gets no rewrite (%v); it measures nothing", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := j.Grade(b.Context(), r, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGradeHeadlineNoRewrite grades a headline that earns an A, so no
// rewrite is proposed and re-graded: the cost of grading alone.
func BenchmarkGradeHeadlineNoRewrite(b *testing.B) {
	r := voltRubric(b)
	j := revise.NewRuleJudge()
	req := rubric.Request{Text: "China signaled it was behind Volt Typhoon hacks in secret Geneva talks, officials say", Kind: rubric.Headline}
	b.ReportAllocs()
	for b.Loop() {
		g, err := j.Grade(b.Context(), r, req)
		if err != nil || g.Rewrite != "" {
			b.Fatal(err, g.Rewrite)
		}
	}
}

func BenchmarkGradeSummary3000(b *testing.B) {
	r := voltRubric(b)
	j := rubric.NewRuleJudge()
	req := rubric.Request{Text: benchSummary(b), Kind: rubric.Summary}
	b.SetBytes(int64(len(req.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := j.Grade(b.Context(), r, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGradeSummary3000Revised grades the same summary with the judge
// factgrade wires (package revise): the grade, its trace and a fix for every
// criterion below pass, each naming its words.
func BenchmarkGradeSummary3000Revised(b *testing.B) {
	r := voltRubric(b)
	j := revise.NewRuleJudge()
	req := rubric.Request{Text: benchSummary(b), Kind: rubric.Summary}
	b.SetBytes(int64(len(req.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := j.Grade(b.Context(), r, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenizeSummary3000 is the baseline: lower-case and tokenise the
// same summary once, nothing else.
func BenchmarkTokenizeSummary3000(b *testing.B) {
	text := benchSummary(b)
	var tk engine.Tokenizer
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tk.Tokenize(text)
	}
}

func BenchmarkTokenizeHeadline(b *testing.B) {
	var tk engine.Tokenizer
	b.ReportAllocs()
	for b.Loop() {
		tk.Tokenize(benchHeadline)
	}
}

func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rubrics.Load(); err != nil {
			b.Fatal(err)
		}
	}
}
