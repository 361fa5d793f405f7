package rubric

import (
	"slices"
	"sync"

	"github.com/factgrade/factgrade/engine"
)

// Trace is what the rule engine found in a graded text that revision (package
// revise) needs, and no more: for each criterion, the fix of the rule that
// decided it and where the criterion's rewrite edits apply. Criteria is
// parallel to Grade.Criteria.
type Trace struct {
	Criteria []CriterionTrace
	// rd is the engine's reading of the graded text, kept so that
	// Rescore reads a rewrite of it only where it changed.
	rd *engine.Reading
	// decided[i] is the rule that decided criterion i, if any.
	decided []*rule
}

// traces holds released traces, whose memory the next grade reuses.
var traces = sync.Pool{New: func() any { return new(Trace) }}

// newTrace returns an empty trace for n criteria.
func newTrace(n int) *Trace {
	t := traces.Get().(*Trace)
	t.Criteria = slices.Grow(t.Criteria[:0], n)[:n]
	for i := range t.Criteria {
		ct := &t.Criteria[i]
		*ct = CriterionTrace{Edits: ct.Edits[:0]}
	}
	t.decided = slices.Grow(t.decided[:0], n)[:n]
	clear(t.decided)
	return t
}

// Release hands the trace and the engine's reading it keeps for Rescore
// back for the next grade to reuse; t must not be used after (a trace
// never released is only memory not reused).
func (t *Trace) Release() {
	if t == nil {
		return
	}
	if t.rd != nil {
		t.rd.Release()
		t.rd = nil
	}
	clear(t.decided)
	traces.Put(t)
}

// CriterionTrace is the engine's finding on one criterion, for revision.
type CriterionTrace struct {
	// Fix is the fix of the rule that decided the verdict, else the
	// criterion's; its placeholders ({span}, {cite:ID}) are not expanded.
	Fix string
	// Edits are where the criterion's rewrite edits apply to a text whose
	// verdict is below pass, in text order and not overlapping (an earlier
	// edit of the rubric wins an overlap): a headline's rewrite, and the
	// words a fix names for any kind.
	Edits []EditSite
	// Append lists the attributions the criterion adds at the end of a
	// headline that has none, best first.
	Append []string
}

// EditSite is one place a rewrite edit applies: bytes [Start, End) of the
// text, and what the rubric replaces them with.
type EditSite struct {
	Start, End int
	// Verb is a verb phrase in its base form ("tacitly acknowledge"), to be
	// inflected to the form of the words it replaces.
	Verb string
	// Noun replaces words that are a noun.
	Noun string
	// Replace, when Verb and Noun are empty, is put in as written ("{words}"
	// stands for the words replaced); empty deletes the words.
	Replace string
}

// trace collects into t the fixes and the rewrite edits of g, graded on
// the text rd read; t.decided[i] is the rule that decided g.Criteria[i].
func (r *Rubric) trace(t *Trace, g *Grade, rd *engine.Reading) {
	if g.Status != Graded {
		return
	}
	decided := t.decided
	for i, cg := range g.Criteria {
		ct := &t.Criteria[i]
		if cg.Verdict != Partial && cg.Verdict != Fail {
			continue
		}
		c := r.Criterion(cg.Criterion)
		ct.Fix = c.Fix
		if ru := decided[i]; ru != nil && ru.fix != "" {
			ct.Fix = ru.fix
		}
		cr := c.rules
		if g.Kind == Headline {
			ct.Append = cr.append_
		}
		rd.Find(cr.decisions, func(ei, start, end int) {
			e := cr.edits[ei]
			ct.Edits = append(ct.Edits, EditSite{Start: start, End: end, Verb: e.verb, Noun: e.noun, Replace: e.replace})
		})
		slices.SortFunc(ct.Edits, func(a, b EditSite) int { return a.Start - b.Start })
	}
}
