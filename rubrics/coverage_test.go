package rubrics_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// coverage counts a generated table's probes graded as the guide says, by
// each of its dimensions (family, construction, verdict wanted…), for the
// log that -v prints: the first-contact figures of every table come from it.
type coverage struct {
	dims []string
	by   map[string]map[string]*[2]int // dimension → key → {as the guide says, probes}
}

func newCoverage(dims ...string) *coverage {
	c := &coverage{dims: dims, by: map[string]map[string]*[2]int{}}
	for _, d := range dims {
		c.by[d] = map[string]*[2]int{}
	}
	return c
}

// add counts one probe under its key in each dimension, in the order of
// c.dims; an empty key leaves that dimension out for this probe.
func (c *coverage) add(ok bool, keys ...string) {
	for i, k := range keys {
		if k == "" {
			continue
		}
		n := c.by[c.dims[i]][k]
		if n == nil {
			n = &[2]int{}
			c.by[c.dims[i]][k] = n
		}
		n[1]++
		if ok {
			n[0]++
		}
	}
}

// log writes the counts of every dimension, keys sorted, under title.
func (c *coverage) log(t *testing.T, title string) {
	t.Helper()
	for _, d := range c.dims {
		keys := make([]string, 0, len(c.by[d]))
		width := 0
		for k := range c.by[d] {
			keys = append(keys, k)
			width = max(width, len(k))
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			fmt.Fprintf(&b, "\n  %-*s %3d/%-3d", width, k, c.by[d][k][0], c.by[d][k][1])
		}
		t.Logf("%s by %s:%s", title, d, b.String())
	}
}

// holdFloor logs a table's total and its misses, and fails when it misses
// more than floor allows.
func holdFloor(t *testing.T, title string, n int, miss []string, floor int) {
	t.Helper()
	t.Logf("%s: %d/%d probes as the guide says", title, n-len(miss), n)
	for _, m := range miss {
		t.Log(m)
	}
	if len(miss) > floor {
		t.Errorf("%d misses, the floor allows %d", len(miss), floor)
	}
}
