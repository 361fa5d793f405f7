package storagetest

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage"
)

// testPace: slots under one key are one interval apart after a burst, a
// quiet key refills its burst, keys are independent, and processes
// reserving at once each get a slot of their own.
func testPace(t *testing.T, s storage.Store, c *Clock) {
	ctx := context.Background()
	const interval, burst = time.Second, 3
	now := c.Now()
	var got []time.Duration
	for range 5 {
		at, err := s.PaceSlot(ctx, "C1", interval, burst)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, at.Sub(now))
	}
	// The burst (three slots at once or earlier), then one a second.
	want := []time.Duration{-2 * time.Second, -time.Second, 0, time.Second, 2 * time.Second}
	if !slices.Equal(got, want) {
		t.Errorf("PaceSlot offsets = %v, want %v", got, want)
	}
	if at, _ := s.PaceSlot(ctx, "C2", interval, burst); at.After(now) {
		t.Errorf("another key waits (%v): keys must be independent", at.Sub(now))
	}
	c.Add(time.Minute)
	if at, _ := s.PaceSlot(ctx, "C1", interval, burst); at.After(c.Now()) {
		t.Errorf("after a quiet minute the burst is not back: slot in %v", at.Sub(c.Now()))
	}

	var mu sync.Mutex
	var slots []time.Time
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			at, err := s.PaceSlot(ctx, "C3", interval, 1)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			slots = append(slots, at)
			mu.Unlock()
		}()
	}
	wg.Wait()
	slices.SortFunc(slots, func(a, b time.Time) int { return a.Compare(b) })
	for i := 1; i < len(slots); i++ {
		if d := slots[i].Sub(slots[i-1]); d != interval {
			t.Errorf("concurrent slots %d and %d are %v apart, want %v", i-1, i, d, interval)
		}
	}
}
