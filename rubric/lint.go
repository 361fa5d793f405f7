package rubric

import "fmt"

// Lint lists what in a loaded rubric cannot work although it loads: a
// criterion with no rules (the rule judge could only ever say na), rules
// that can never decide because an earlier rule of the same kinds always
// holds, and signals that nothing refers to. Loading already refuses
// unknown names and placeholders, patterns that can never match a token
// and hyphen traps. A draft from `rubric derive` loads but does not lint
// until it has rules.
func (r *Rubric) Lint() []string {
	var out []string
	used := make([]bool, len(r.rules.signals))
	mark := func(ts []term) {
		for _, t := range ts {
			for _, a := range t.alts {
				used[a.sig] = true
			}
		}
	}
	mark(r.rules.about)
	for _, ts := range r.rules.aboutAny {
		mark(ts)
	}
	for _, s := range r.rules.signals {
		for _, d := range s.deps() {
			used[d] = true
		}
	}
	for _, c := range r.Criteria {
		cr := r.rules.criteria[c.ID]
		if cr == nil || len(cr.rules) == 0 {
			out = append(out, fmt.Sprintf("criterion %s has no rules: the rule judge would always say na; add rules (docs/RUBRICS.md, \"Rules\")", c.ID))
			continue
		}
		for _, ru := range cr.rules {
			mark(ru.when)
		}
		for i, ru := range cr.rules {
			if len(ru.when) != 0 {
				continue
			}
			// An unconditional rule decides for its kinds: a later rule
			// whose kinds it covers can never decide.
			for j := i + 1; j < len(cr.rules); j++ {
				if covers(ru.kinds, cr.rules[j].kinds) {
					out = append(out, fmt.Sprintf("criterion %s rule %d can never decide: rule %d (when: []) always holds before it", c.ID, j+1, i+1))
				}
			}
			break
		}
	}
	for _, cr := range r.rules.criteria {
		for _, ed := range cr.rewrite {
			if ed.signal != nil {
				mark([]term{*ed.signal})
			}
		}
	}
	for i, s := range r.rules.signals {
		if !used[i] && !r.rules.fromLexicon[s.name] {
			out = append(out, fmt.Sprintf("signal %s is never used: no rule, about condition or other signal refers to it", s.name))
		}
	}
	return out
}

// covers reports whether a rule for kinds a holds wherever a rule for kinds
// b could (no kinds means every kind).
func covers(a, b []Kind) bool {
	if len(a) == 0 {
		return true
	}
	if len(b) == 0 {
		return false
	}
	for _, k := range b {
		if !kindIn(k, a) {
			return false
		}
	}
	return true
}

// prune narrows the pattern index and the reading order to the signals
// that a rule, an about condition or a rewrite edit reaches (directly or
// through other signals' references): a rubric pays only for the part of
// its lexicon it uses. Explain still reads every signal (fullIndex).
func (rs *ruleSet) prune() {
	roots := append([][]term{rs.about}, rs.aboutAny...)
	for _, cr := range rs.criteria {
		for _, ru := range cr.rules {
			roots = append(roots, ru.when)
		}
		for _, ed := range cr.rewrite {
			if ed.signal != nil {
				roots = append(roots, []term{*ed.signal})
			}
		}
	}
	rs.fullIndex, rs.fullOrder = rs.index, rs.order
	rs.index, rs.order = rs.subset(roots)
}

// subset returns the patterns and the reading order of the signals the
// given conditions name and of every signal those refer to.
func (rs *ruleSet) subset(roots [][]term) (patternIndex, []int) {
	need := make([]bool, len(rs.signals))
	var mark func(i int)
	mark = func(i int) {
		if need[i] {
			return
		}
		need[i] = true
		for _, d := range rs.signals[i].deps() {
			mark(d)
		}
	}
	for _, ts := range roots {
		for _, t := range ts {
			for _, alt := range t.alts {
				mark(alt.sig)
			}
		}
	}
	var order []int
	for _, si := range rs.order {
		if need[si] {
			order = append(order, si)
		}
	}
	var idx patternIndex
	for i, p := range rs.index.pats {
		if need[rs.index.owner[i]] {
			idx.add(p, rs.index.owner[i])
		}
	}
	return idx, order
}
