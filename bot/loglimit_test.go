package bot

import (
	"testing"
	"time"
)

// TestLogLimiter: unverified requests log at most one line a second, and
// the line after a quiet spell says how many were left out.
func TestLogLimiter(t *testing.T) {
	var l logLimiter
	t0 := time.Unix(1_700_000_000, 0)
	if n, ok := l.allow(t0); !ok || n != 0 {
		t.Fatalf("first = %d, %t; want logged", n, ok)
	}
	for i := range 2000 { // 2,000 forged requests within the second
		if _, ok := l.allow(t0.Add(time.Duration(i) * 400 * time.Microsecond)); ok {
			t.Fatalf("request %d within the second was logged", i)
		}
	}
	if n, ok := l.allow(t0.Add(time.Second)); !ok || n != 2000 {
		t.Errorf("after a second = %d, %t; want logged, saying 2000 were left out", n, ok)
	}
}
