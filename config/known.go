package config

import (
	"fmt"
	"slices"
	"strings"
)

// Names returns every environment variable factgrade reads, the
// <NAME>_FILE forms of the secrets included, sorted: the names Read asks
// for.
func Names() []string {
	var names []string
	getenv := func(name string) string {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
		return ""
	}
	Read(getenv, func(string) ([]byte, error) { return nil, nil })
	slices.Sort(names)
	return names
}

// testPrefix marks the variables of factgrade's own test suite, which are
// not settings.
const testPrefix = "FACTGRADE_TEST_"

// Unknown returns a warning for each FACTGRADE_* variable of environ
// (os.Environ's KEY=value form) that is not a setting, such as a typo of
// FACTGRADE_WORKERS: factgrade ignores it. Values are never shown.
func Unknown(environ []string) []Problem {
	known := Names()
	var ps []Problem
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "FACTGRADE_") || strings.HasPrefix(name, testPrefix) || slices.Contains(known, name) {
			continue
		}
		msg := "is not a factgrade setting and is ignored"
		if near := nearest(name, known); near != "" {
			msg += fmt.Sprintf("; did you mean %s?", near)
		}
		msg += " (the settings are listed in docs/OPERATIONS.md)"
		ps = append(ps, Problem{Setting: name, Message: msg})
	}
	slices.SortFunc(ps, func(a, b Problem) int { return strings.Compare(a.Setting, b.Setting) })
	return ps
}

// nearest returns the name of names closest to name when it is within a
// typo's distance (3 edits), else "".
func nearest(name string, names []string) string {
	best, bestD := "", 4
	for _, n := range names {
		if d := editDistance(name, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b (bytes: the
// names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
