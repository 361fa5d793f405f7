package llm

import (
	"context"
	"fmt"

	"github.com/factgrade/factgrade/rubric"
)

// Hybrid is the default judge when a model is configured. The rule judge
// always runs; where its verdict is decisive (rubric.CriterionGrade.Decisive,
// for example an unhedged "admits") it stands and the model cannot overturn
// it; where the two disagree otherwise, the model's verdict is used and the
// criterion is flagged NeedsReview, provided the model backs its pass,
// partial or fail with at least one quote of its own found verbatim in the
// source. A disagreeing verdict that cites nothing verifiable, or an na
// where the rules found the point in the text (what a model obeying an
// injection tends to return), leaves the rules' verdict standing, flagged
// NeedsReview. Each criterion says who decided it. When the model
// fails, the rule judge's grade is used and says why.
type Hybrid struct {
	model *Judge
}

var _ rubric.Judge = (*Hybrid)(nil)

// NewHybrid returns a hybrid judge of model and model's rule judge.
func NewHybrid(model *Judge) *Hybrid { return &Hybrid{model: model} }

// Grade grades req with the rule judge and the model and combines them.
func (h *Hybrid) Grade(ctx context.Context, r *rubric.Rubric, req rubric.Request) (*rubric.Grade, error) {
	if err := rubric.CheckText(req.Text); err != nil {
		return nil, err
	}
	req.Kind = kindOf(req)
	rg, err := h.model.rules.Grade(ctx, r, req)
	if err != nil {
		return nil, fmt.Errorf("hybrid judge: rule judge: %w", err)
	}
	if rg.Status == rubric.NotEnglish {
		// Not graded at all; asking the model would only cost.
		rg.Judge = rubric.JudgeInfo{Name: "hybrid"}
		return rg, nil
	}
	a, err := h.model.Assess(ctx, r, req.Text, req.Kind)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("hybrid judge: %w", ctx.Err())
		}
		h.model.markFallback(r, rg, "hybrid", a, err)
		return rg, nil
	}
	g, changed := combine(r, req, rg, a)
	r.Score(g)
	if changed {
		g.Fixes = fixesFor(r, g)
	} else {
		g.Fixes = rg.Fixes
	}
	// The rule judge's rewrite is kept if it still grades better than the
	// combined grade; the model's replaces it only if it grades better
	// than both.
	var current *rubric.Grade
	if rg.Rewrite != "" {
		current = &rubric.Grade{Status: rubric.Graded, Score: rg.RewriteScore, Letter: rg.RewriteLetter}
		if rubric.Better(current, g) {
			g.Rewrite, g.RewriteScore, g.RewriteLetter = rg.Rewrite, rg.RewriteScore, rg.RewriteLetter
		} else {
			current = nil
		}
	}
	if err := h.model.offerRewrite(ctx, r, g, a.Rewrite, current); err != nil {
		return nil, fmt.Errorf("hybrid judge: %w", err)
	}
	return g, nil
}

// combine merges the rule judge's grade rg and the model's assessment a,
// criterion by criterion, and reports whether any verdict differs from the
// rules'. The result is not yet scored.
func combine(r *rubric.Rubric, req rubric.Request, rg *rubric.Grade, a *Assessment) (*rubric.Grade, bool) {
	g := &rubric.Grade{
		Rubric: r.ID, RubricVersion: r.Version, RubricHash: r.Hash,
		Kind: req.Kind, Text: req.Text,
		Judge: a.Info("hybrid"),
	}
	model := make(map[string]*rubric.CriterionGrade, len(a.Criteria))
	for i := range a.Criteria {
		model[a.Criteria[i].Criterion] = &a.Criteria[i]
	}
	changed := false
	for _, c := range r.Criteria {
		rc, mc := rg.Criterion(c.ID), model[c.ID]
		var final rubric.CriterionGrade
		switch {
		case rc == nil && mc == nil:
			continue
		case rc == nil:
			final = *mc
		case rc.Decisive || !c.AppliesTo(req.Kind) || mc == nil || mc.Verdict == rc.Verdict:
			final = *rc
			final.DecidedBy = rubric.DecidedByRules
		case mc.Verdict == rubric.NA || !a.Supported[c.ID]:
			final = *rc
			final.DecidedBy = rubric.DecidedByRules
			final.NeedsReview = true
		default:
			final = *mc
			final.DecidedBy = rubric.DecidedByLLM
			final.NeedsReview = true
			changed = true
		}
		g.Criteria = append(g.Criteria, final)
	}
	return g, changed
}
