package llmtest

import (
	"encoding/json"

	"github.com/factgrade/factgrade/rubric"
)

// GradeReply is the JSON a judging model answers with (the schema the LLM
// judge asks for), for fake models to build replies from.
type GradeReply struct {
	Criteria []CriterionReply `json:"criteria"`
	Rewrite  string           `json:"rewrite"`
}

// CriterionReply is the model's verdict on one criterion.
type CriterionReply struct {
	Criterion       string          `json:"criterion"`
	Verdict         string          `json:"verdict"`
	Reason          string          `json:"reason"`
	SubmissionQuote string          `json:"submission_quote"`
	Citations       []CitationReply `json:"citations"`
}

// CitationReply is a quote of the source the model cites.
type CitationReply struct {
	Paragraph int    `json:"paragraph"`
	Quote     string `json:"quote"`
}

// JSON returns the reply as the model would send it.
func (g GradeReply) JSON() string {
	b, err := json.Marshal(g)
	if err != nil {
		panic(err) // plain structs of strings and ints always marshal
	}
	return string(b)
}

// ReplyFromGrade is the reply of a model that agrees with g (for example a
// grade of the rule judge): every verdict, reason and citation of g.
func ReplyFromGrade(g *rubric.Grade) GradeReply {
	var r GradeReply
	for _, cg := range g.Criteria {
		c := CriterionReply{Criterion: cg.Criterion, Verdict: string(cg.Verdict), Reason: cg.Reason, Citations: []CitationReply{}}
		for _, ct := range cg.Citations {
			c.Citations = append(c.Citations, CitationReply{Paragraph: ct.Paragraph, Quote: ct.Quote})
		}
		r.Criteria = append(r.Criteria, c)
	}
	return r
}
