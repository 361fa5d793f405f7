package reliability

import (
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/factgrade/factgrade/rubric"
)

// hostileRubric is the embedded rubric with text added to its first
// signal's patterns.
func hostileRubric(t *testing.T, patterns ...string) fstest.MapFS {
	t.Helper()
	y, err := os.ReadFile("../rubrics/volt-typhoon-geneva.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../rubrics/sources/volt-typhoon-geneva.txt")
	if err != nil {
		t.Fatal(err)
	}
	var add strings.Builder
	for _, p := range patterns {
		add.WriteString("      - \"" + p + "\"\n")
	}
	text := strings.Replace(string(y), "  china:\n    patterns:\n", "  china:\n    patterns:\n"+add.String(), 1)
	return fstest.MapFS{"r.yaml": {Data: []byte(text)}, "sources/volt-typhoon-geneva.txt": {Data: src}}
}

// TestReliabilityHostileRubricPatterns proves that a rubric whose patterns
// are built to backtrack (many optional any-word elements before one that
// never matches) is either refused by the loader or grades a long
// submission in bounded time.
func TestReliabilityHostileRubricPatterns(t *testing.T) {
	for _, tc := range []struct {
		name    string
		pattern string
	}{
		{"23 x _{0,16} then a miss", strings.Repeat("_{0,16} ", 23) + "zzzz"},
		{"12 x _{0,16} then a miss", strings.Repeat("_{0,16} ", 12) + "zzzz"},
		{"alternation of wildcards", strings.Repeat("_|*a|a*|/[a-z]+/{0,16} ", 23) + "zzzz"},
		{"at the limit: 16 x 16 x 4 ways", "_{0,15} _{0,15} _{0,3} zzzz"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs, err := rubric.Load(hostileRubric(t, tc.pattern), "r.yaml")
			if err != nil {
				msg := err.Error()
				if i := strings.LastIndex(msg, "\": "); i >= 0 {
					msg = msg[i+3:] // the reason, without the pattern
				}
				result(t, "refused by the loader: %s", msg)
				return
			}
			words := strings.Fields(strings.Repeat("china hacked the water utilities of many american cities and ports ", 25))
			text := strings.Join(words, " ")
			done := make(chan time.Duration, 1)
			go func() {
				start := time.Now()
				rubric.NewRuleJudge().Grade(context.Background(), rs[0], rubric.Request{Text: text, Kind: rubric.Summary})
				done <- time.Since(start)
			}()
			select {
			case d := <-done:
				result(t, "loaded; a %d-word sentence graded in %s", len(words), d.Round(time.Millisecond))
			case <-time.After(5 * time.Second):
				t.Fatalf("grading a %d-word sentence took more than 5 s: the pattern backtracks", len(words))
			}
		})
	}
}
