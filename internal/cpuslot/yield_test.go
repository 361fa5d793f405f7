package cpuslot

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
)

// TestEnterYieldsToRunnable: a worker handed a slot by the goroutine that
// gave it back runs after what was already runnable on the P, not before
// it. With one P the hand-over puts the worker in the P's "next" slot,
// ahead of a goroutine already in its run queue (standing for an
// acknowledgement readied from the network); the yield lets that goroutine
// run first. The scheduler takes its global queue first one time in 61, so
// the test asks for most rounds, not all; without the yield none.
func TestEnterYieldsToRunnable(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		viaWait bool
	}{{"Enter", false}, {"Wait taking the slot again", true}} {
		t.Run(tc.name, func(t *testing.T) {
			const rounds = 20
			first := 0
			for range rounds {
				g := New(1)
				var ran atomic.Bool
				entered, done := make(chan bool), make(chan struct{})
				var leave func()
				if !tc.viaWait {
					_, leave, _ = g.Enter(ctx)
					go func() {
						_, leave2, _ := g.Enter(ctx)
						entered <- ran.Load()
						leave2()
					}()
				} else {
					// The worker holds the slot and waits (the network);
					// another takes the slot meanwhile; the worker's wait
					// ends while the other still holds it.
					held, leaveW, _ := g.Enter(ctx)
					release := make(chan struct{})
					go func() {
						Wait(held, func() { <-release })
						entered <- ran.Load()
						leaveW()
					}()
					runtime.Gosched() // the worker gives its slot back and waits
					_, leave, _ = g.Enter(ctx)
					close(release)
				}
				runtime.Gosched() // the worker runs until it blocks on the full gate
				go func() {       // the acknowledgement, now in the P's run queue
					ran.Store(true)
					close(done)
				}()
				leave() // hands the slot to the worker
				if <-entered {
					first++
				}
				<-done
			}
			t.Logf("%d of %d rounds ran the runnable goroutine before the worker", first, rounds)
			if first < rounds*3/4 {
				t.Errorf("the runnable goroutine ran before the worker in %d of %d rounds, want most", first, rounds)
			}
		})
	}
}
