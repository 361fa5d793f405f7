package metrics

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestMetricsDocumented checks that the operator's guide describes every
// factgrade_ metric.
func TestMetricsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/OPERATIONS.md")
	if err != nil {
		t.Fatal(err)
	}
	// Vectors show in Gather only once they have a series: touch each.
	m := New("test")
	m.Request("command", "ok", time.Millisecond)
	m.Graded("rules", time.Millisecond, nil)
	m.NeedsReview("rules")
	m.LLM(LLMCall{Outcome: "ok"})
	m.SlackCall("chat.postMessage", "ok")
	m.SocketReconnect()
	m.SocketConnected(true)
	m.QueueDepth(1)
	m.QueueCapacity(1)
	m.DigestPosted("d")
	m.DigestFailed("d")
	m.SchedulerLockLost()
	fams, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	gathered := map[string]bool{}
	for _, f := range fams {
		gathered[f.GetName()] = true
	}
	// Every metric the guide lists exists, under that name.
	for _, m := range regexp.MustCompile("(?m)^\\| `("+namespace+"_[a-z_]+)` \\|").FindAllStringSubmatch(string(doc), -1) {
		if !gathered[m[1]] {
			t.Errorf("docs/OPERATIONS.md lists metric %s, which factgrade does not export", m[1])
		}
	}
	for _, f := range fams {
		if !strings.HasPrefix(f.GetName(), namespace+"_") {
			continue
		}
		n++
		if !strings.Contains(string(doc), "| `"+f.GetName()+"`") {
			t.Errorf("docs/OPERATIONS.md has no row for %s in its metrics table", f.GetName())
		}
	}
	if n != 20 {
		t.Errorf("gathered %d factgrade_ metrics, want all 20", n)
	}
}
