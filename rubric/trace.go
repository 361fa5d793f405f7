package rubric

import "slices"

// Trace is what the rule engine found in a graded text that revision (package
// revise) needs, and no more: for each criterion, the fix of the rule that
// decided it and where the criterion's rewrite edits apply. Criteria is
// parallel to Grade.Criteria.
type Trace struct {
	Criteria []CriterionTrace
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

// trace collects the fixes and the rewrite edits of g, graded with sc (which
// still holds the text and its analysis); decided[i] is the rule that decided
// g.Criteria[i].
func (r *Rubric) trace(g *Grade, decided []*rule, sc *scratch) *Trace {
	t := &Trace{Criteria: make([]CriterionTrace, len(g.Criteria))}
	if g.Status != Graded {
		return t
	}
	d := &sc.d
	taken := sc.taken[:0]
	for i, cg := range g.Criteria {
		ct := &t.Criteria[i]
		if cg.Verdict != Partial && cg.Verdict != Fail {
			continue
		}
		ct.Fix = r.Criterion(cg.Criterion).Fix
		if ru := decided[i]; ru != nil && ru.fix != "" {
			ct.Fix = ru.fix
		}
		cr := r.rules.criteria[cg.Criterion]
		if g.Kind == Headline {
			ct.Append = cr.append_
		}
		if len(cr.rewrite) == 0 {
			continue
		}
		if len(taken) == 0 {
			taken = slices.Grow(taken, len(d.toks))[:len(d.toks)]
			clear(taken)
			sc.taken = taken
		}
		sc.found = resetLists(sc.found, len(cr.rewrite))
		found := sc.found
		cr.edits.scan(d.toks, found)
		for ei, e := range cr.rewrite {
			if e.signal != nil {
				sc.occs = sc.occs[:0]
				for _, alt := range e.signal.alts {
					sc.occs = sc.a.matches(alt.sig, alt.prop, sc.occs)
				}
				for _, o := range sc.occs {
					found[ei] = append(found[ei], o.occurrence)
				}
			}
			for _, o := range found[ei] {
				if anyTaken(taken[o.first : o.last+1]) {
					continue
				}
				for k := o.first; k <= o.last; k++ {
					taken[k] = true
				}
				s, en := d.f.span(d.toks[o.first].start, d.toks[o.last].end)
				ct.Edits = append(ct.Edits, EditSite{Start: s, End: en, Verb: e.verb, Noun: e.noun, Replace: e.replace})
			}
		}
		slices.SortFunc(ct.Edits, func(a, b EditSite) int { return a.Start - b.Start })
	}
	return t
}

func anyTaken(t []bool) bool {
	for _, x := range t {
		if x {
			return true
		}
	}
	return false
}
