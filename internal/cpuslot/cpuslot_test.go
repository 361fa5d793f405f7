package cpuslot

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestGate proves that a gate of one slot lets one holder in at a time,
// that a holder waiting (Wait) lets another in meanwhile and has its slot
// again afterwards, and that Enter gives up when its context ends.
func TestGate(t *testing.T) {
	g := New(1)
	ctx := context.Background()
	held, leave, err := g.Enter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, _, err := g.Enter(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Enter on a full gate = %v, want %v", err, context.DeadlineExceeded)
	}
	entered := false
	Wait(held, func() {
		_, leave2, err := g.Enter(ctx)
		if err != nil {
			t.Fatal(err)
		}
		entered = true
		leave2()
	})
	if !entered {
		t.Error("another goroutine could not enter while the holder waited")
	}
	if n := len(g.slots); n != 1 {
		t.Errorf("after Wait %d slots taken, want 1 (the holder's, taken back)", n)
	}
	leave()
	if n := len(g.slots); n != 0 {
		t.Errorf("after leaving %d slots taken, want 0", n)
	}
	// A context that holds no slot waits without giving anything back.
	Wait(ctx, func() {})
	var none *Gate
	if _, leave, err := none.Enter(ctx); err != nil {
		t.Errorf("Enter on a nil gate: %v", err)
	} else {
		leave()
	}
}
