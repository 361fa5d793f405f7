// Package revise is the last stage of grading: from a grade to what an
// editor can act on. It proposes a rewrite of a headline that grades A with
// no review mark, says what the rewrite changed (the words struck and
// added), and gives a fix in words for every criterion below pass.
//
// The rubric says what fixes what (its criteria's rewrite edits, fixes and
// attributions); this package holds only English: verb forms, articles,
// prepositions, quotation marks, case styles and where attribution may go.
// It reaches the rule engine through the narrow Engine interface.
package revise

import (
	"context"
	"sync"

	"github.com/factgrade/factgrade/rubric"
)

// Engine is the rule engine as revision uses it: a grade with what the
// engine found (the deciding rules' fixes and where the rubric's edits
// apply), and a score-only re-grade of a proposed rewrite, given the trace
// of the text it rewrites (so the engine reads again only what changed).
// A trace is released once revision is done with it.
type Engine interface {
	Trace(ctx context.Context, r *rubric.Rubric, req rubric.Request) (*rubric.Grade, *rubric.Trace, error)
	Rescore(r *rubric.Rubric, text string, kind rubric.Kind, from *rubric.Trace) rubric.Rescored
}

var _ Engine = (*rubric.RuleJudge)(nil)

// Judge is a rule judge whose grades carry a rewrite, its edits and fixes.
type Judge struct {
	engine Engine
	// cites caches fixes with their citations expanded, by rubric,
	// criterion and fix: they depend on the rubric alone.
	cites sync.Map
}

type citeKey struct {
	r   *rubric.Rubric
	c   *rubric.Criterion
	fix string
}

// expandCites is expandCites, cached.
func (j *Judge) expandCites(r *rubric.Rubric) func(string, *rubric.Criterion) string {
	return func(fix string, c *rubric.Criterion) string {
		k := citeKey{r, c, fix}
		if s, ok := j.cites.Load(k); ok {
			return s.(string)
		}
		s := expandCites(fix, c)
		j.cites.Store(k, s)
		return s
	}
}

var _ rubric.Judge = (*Judge)(nil)

// New returns a judge that revises the grades of engine.
func New(engine Engine) *Judge { return &Judge{engine: engine} }

// NewRuleJudge returns the default judge: the rule judge with revision.
func NewRuleJudge() *Judge { return New(rubric.NewRuleJudge()) }

// Grade grades req against r, then revises the grade: fixes for every
// criterion below pass and, for a headline, a rewrite when one grades A
// with no review mark.
func (j *Judge) Grade(ctx context.Context, r *rubric.Rubric, req rubric.Request) (*rubric.Grade, error) {
	g, t, err := j.engine.Trace(ctx, r, req)
	defer t.Release()
	if err != nil || g.Status != rubric.Graded {
		return g, err
	}
	g.Fixes = fixes(r, g, t, j.expandCites(r))
	if g.Kind == rubric.Headline && (belowPass(g) || g.NeedsReview()) {
		j.rewrite(r, g, t)
	}
	return g, nil
}

// belowPass reports whether any criterion of g is partial or failed.
func belowPass(g *rubric.Grade) bool {
	for _, cg := range g.Criteria {
		if cg.Verdict == rubric.Partial || cg.Verdict == rubric.Fail {
			return true
		}
	}
	return false
}

// publishable reports whether a rewrite's grade may be shown: the rubric's
// best letter, nothing marked for review, the letter not provisional, and
// no criterion below pass (an A by arithmetic that keeps a detail the
// judge faults, an unsourced target, is a rewrite an editor would still
// have to fix).
func publishable(r *rubric.Rubric, rs rubric.Rescored) bool {
	return rs.Status == rubric.Graded && len(r.Letters) > 0 && rs.Letter == r.Letters[0].Letter && !rs.NeedsReview && !rs.BelowPass
}

// rewrite proposes a corrected headline from the trace's edits and keeps it
// only if it is publishable and grades better than g.
func (j *Judge) rewrite(r *rubric.Rubric, g *rubric.Grade, t *rubric.Trace) {
	if g.Kind != rubric.Headline {
		return
	}
	edits, ok := propose(r, g, t)
	if !ok {
		return
	}
	text := rubric.ApplyEdits(g.Text, edits)
	if text == "" || text == g.Text || rubric.CheckText(text) != nil || strayQuotes(text) > strayQuotes(g.Text) {
		return
	}
	rs := j.engine.Rescore(r, text, g.Kind, t)
	if rg := rs.Grade(); !publishable(r, rs) || !rubric.Better(&rg, g) {
		return
	}
	g.Rewrite, g.RewriteLetter, g.RewriteScore, g.RewriteEdits = text, rs.Letter, rs.Score, edits
}
