package llm

import (
	"context"
	"fmt"

	"github.com/factgrade/factgrade/rubric"
)

// Hybrid is the default judge when a model is configured. The rule judge
// always runs, and the model's word never raises a grade by itself (see
// settle): where the rules' verdict is decisive (rubric.CriterionGrade.
// Decisive, for example an unhedged "admits") it stands; where the model is
// more lenient than the rules, its verdict is used only when it points at
// words of the submission the rubric recognises as grounds for it, and is
// flagged NeedsReview either way; where it is stricter and cites the
// source verbatim, its verdict is used, flagged. A text the rules find off
// the story stays ungraded, and a text carrying instructions to the grader
// is graded by the rules alone, without asking the model, and flagged.
// Each criterion says who decided it. When the model fails, the rule
// judge's grade is used and says why.
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
	if h.model.injected(r, rg, "hybrid") {
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
			g.Rewrite, g.RewriteScore, g.RewriteLetter, g.RewriteEdits = rg.Rewrite, rg.RewriteScore, rg.RewriteLetter, rg.RewriteEdits
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
// criterion by criterion (settle), and reports whether any verdict differs
// from the rules'. A text the rules find off the story (or with nothing to
// grade) keeps the rules' verdicts: the model cannot make it graded. The
// result is not yet scored.
func combine(r *rubric.Rubric, req rubric.Request, rg *rubric.Grade, a *Assessment) (*rubric.Grade, bool) {
	return settleAll(r, req, rg, a, "hybrid", false)
}

// settleAll settles every criterion of rg against a (see settle) into a
// new, unscored grade by the named judge.
func settleAll(r *rubric.Rubric, req rubric.Request, rg *rubric.Grade, a *Assessment, name string, byModel bool) (*rubric.Grade, bool) {
	g := &rubric.Grade{
		Rubric: r.ID, RubricVersion: r.Version, RubricHash: r.Hash,
		Kind: req.Kind, Text: req.Text,
		Judge: a.Info(name),
	}
	model := make(map[string]*rubric.CriterionGrade, len(a.Criteria))
	for i := range a.Criteria {
		model[a.Criteria[i].Criterion] = &a.Criteria[i]
	}
	offStory := rg.Status == rubric.Ungradable
	changed := false
	for _, c := range r.Criteria {
		rc, mc := rg.Criterion(c.ID), model[c.ID]
		var final rubric.CriterionGrade
		switch {
		case rc == nil && mc == nil:
			continue
		case rc == nil:
			final = *mc
		case offStory:
			final = *rc
			final.DecidedBy = rubric.DecidedByRules
			// The model saw something to grade: an editor may look.
			final.NeedsReview = mc != nil && mc.Verdict != rubric.NA && c.AppliesTo(req.Kind)
		default:
			var ch bool
			final, ch = settle(r, req, c, rc, mc, a.Supported[c.ID], byModel)
			changed = changed || ch
		}
		g.Criteria = append(g.Criteria, final)
	}
	return g, changed
}
