package llm

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// A literalFilter names strings a text must contain for a regular
// expression to match it: every clause has at least one of its strings in
// the text. It is derived from the expression itself (literalFilterOf), so
// a text that fails it cannot match, and the expression need not run: the
// result is the expression's own. Go's regexp has no such prefilter for
// alternations and word boundaries, and the injection patterns ran in full
// on every text (about 0.2 ms for a headline, 20 ms for a summary of 3,000
// characters).
type literalFilter struct {
	clauses []literalClause
}

// literalClause is a set of strings of which a matching text contains at
// least one. Strings of a case-insensitive part of the expression (fold)
// are in lower case and looked for in the text in lower case.
type literalClause struct {
	any  []string
	fold bool
}

// maxClauses bounds the clauses kept per expression, the most selective
// first: each costs a search of the text.
const maxClauses = 2

// literalFilterOf derives the filter of expr (as regexp.Compile parses
// it). An expression of which no literal can be named gets an empty
// filter, which every text passes.
func literalFilterOf(expr string) literalFilter {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return literalFilter{}
	}
	cs := requiredClauses(re)
	slices.SortStableFunc(cs, func(a, b literalClause) int { return clauseRank(b) - clauseRank(a) })
	if len(cs) > maxClauses {
		cs = cs[:maxClauses]
	}
	return literalFilter{clauses: cs}
}

// clauseRank orders clauses by how much they exclude: the length of their
// shortest string (a long string is rarely in a text by chance).
func clauseRank(c literalClause) int {
	n := 1 << 30
	for _, s := range c.any {
		n = min(n, len(s))
	}
	return n
}

// requiredClauses returns clauses every match of re satisfies (none when
// nothing can be said).
func requiredClauses(re *syntax.Regexp) []literalClause {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if re.Flags&syntax.FoldCase == 0 {
			return []literalClause{{any: []string{s}}}
		}
		// Case-insensitive: only ASCII, whose letters fold to their two
		// cases alone, except s and k (ſ and the Kelvin sign; see
		// passes).
		if !isASCII(s) {
			return nil
		}
		return []literalClause{{any: []string{strings.ToLower(s)}, fold: true}}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredClauses(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredClauses(re.Sub[0])
		}
	case syntax.OpConcat:
		var cs []literalClause
		for _, sub := range re.Sub {
			cs = append(cs, requiredClauses(sub)...)
		}
		return cs
	case syntax.OpAlternate:
		// A match matches one branch: the union of one clause of each.
		var u literalClause
		for i, sub := range re.Sub {
			cs := requiredClauses(sub)
			if len(cs) == 0 {
				return nil
			}
			best := slices.MaxFunc(cs, func(a, b literalClause) int { return clauseRank(a) - clauseRank(b) })
			if i > 0 && best.fold != u.fold {
				return nil
			}
			u.fold = best.fold
			u.any = append(u.any, best.any...)
		}
		slices.Sort(u.any)
		u.any = slices.Compact(u.any)
		return []literalClause{u}
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// passes reports whether text (and lower, text in lower case, for
// case-insensitive clauses) may match: false only when it cannot.
func (f literalFilter) passes(text, lower string) bool {
	for _, c := range f.clauses {
		in := text
		if c.fold {
			// Case folding matches ſ (U+017F) to s, which lower case
			// leaves as it is; the Kelvin sign lowers to k.
			if strings.Contains(text, "ſ") {
				continue
			}
			in = lower
		}
		if !containsAny(in, c.any) {
			return false
		}
	}
	return true
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// filteredRegexp is a regular expression with its literal filter.
type filteredRegexp struct {
	*regexp.Regexp
	filter literalFilter
}

func compileFiltered(expr string) filteredRegexp {
	return filteredRegexp{regexp.MustCompile(expr), literalFilterOf(expr)}
}

// findStringIndex is FindStringIndex, skipped when the filter excludes a
// match; lower is text in lower case (text itself when already so).
func (r filteredRegexp) findStringIndex(text, lower string) []int {
	if !r.filter.passes(text, lower) {
		return nil
	}
	return r.FindStringIndex(text)
}
