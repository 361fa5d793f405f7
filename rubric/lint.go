package rubric

import (
	"fmt"
	"slices"

	"github.com/factgrade/factgrade/engine"
)

// Lint lists what in a loaded rubric cannot work although it loads: a
// criterion with no rules (the rule judge could only ever say na), rules
// that can never decide because an earlier rule of the same kinds always
// holds, and signals that nothing refers to. Loading already refuses
// unknown names and placeholders, patterns that can never match a token
// and hyphen traps. A draft from `rubric derive` loads but does not lint
// until it has rules.
func (r *Rubric) Lint() []string {
	var out []string
	for _, c := range r.Criteria {
		if c.rules == nil || c.rules.decisions.Rules() == 0 {
			out = append(out, fmt.Sprintf("criterion %s has no rules: the rule judge would always say na; add rules (docs/RUBRICS.md, \"Rules\")", c.ID))
			continue
		}
		for _, s := range c.rules.decisions.Shadowed() {
			out = append(out, fmt.Sprintf("criterion %s rule %d can never decide: rule %d (when: []) always holds before it", c.ID, s[0]+1, s[1]+1))
		}
	}
	for _, name := range r.prog.Unused() {
		out = append(out, fmt.Sprintf("signal %s is never used: no rule, about condition or other signal refers to it", name))
	}
	return out
}

// LintWarnings lists what loads and works but is better written otherwise,
// each with its file and line: a pattern that lists every form of a word by
// hand ("blame|blames|blamed|blaming"), which the inflection operator
// writes blame~. Lint shows them and refuses nothing for them.
func (r *Rubric) LintWarnings() []Problem {
	out := engine.HandListed(r.File, r.patterns)
	slices.SortStableFunc(out, func(a, b Problem) int { return a.Line - b.Line })
	return out
}
