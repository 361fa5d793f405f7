package storagetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage"
)

// testClaims: a claim is held by one owner until its lease runs out or it
// is released; the owner renews its own; a post may start only under a
// running claim of a graded submission, and the time of the first start
// is kept.
func testClaims(t *testing.T, s storage.Store, c *Clock) {
	ctx := context.Background()
	const lease = time.Minute
	sub, _, err := s.Submit(ctx, SampleSubmission(0, "claim-1"))
	if err != nil {
		t.Fatal(err)
	}
	claim := func(owner string, want bool) storage.Submission {
		t.Helper()
		got, ok, err := s.Claim(ctx, sub.ID, owner, lease)
		if err != nil || ok != want {
			t.Fatalf("Claim(%s) = %t, %v; want %t", owner, ok, err, want)
		}
		return got
	}
	got := claim("A", true)
	if got.ClaimedBy != "A" || !got.ClaimExpires.Equal(Start.Add(lease)) {
		t.Errorf("claimed submission: by %q until %v, want A until %v", got.ClaimedBy, got.ClaimExpires, Start.Add(lease))
	}
	claim("B", false)
	c.Add(30 * time.Second)
	claim("A", true) // renewed: until 1m30s
	c.Add(45 * time.Second)
	claim("B", false)
	if err := s.StartPost(ctx, sub.ID, "A", lease); !errors.Is(err, storage.ErrConflict) {
		t.Errorf("StartPost of a pending submission = %v, want ErrConflict", err)
	}
	c.Add(16 * time.Second) // A's lease ran out
	claim("B", true)
	if err := s.SaveGrade(ctx, sub.ID, SampleGrade(0)); err != nil {
		t.Fatal(err)
	}
	if err := s.StartPost(ctx, sub.ID, "A", lease); !errors.Is(err, storage.ErrConflict) {
		t.Errorf("StartPost by a former owner = %v, want ErrConflict", err)
	}
	if err := s.StartPost(ctx, sub.ID, "B", lease); err != nil {
		t.Fatalf("StartPost(B) = %v", err)
	}
	first := c.Now()
	c.Add(time.Second)
	if err := s.StartPost(ctx, sub.ID, "B", lease); err != nil {
		t.Fatalf("second StartPost(B) = %v", err)
	}
	if got, _ := s.Submission(ctx, sub.ID); !got.PostStarted.Equal(first) {
		t.Errorf("PostStarted = %v, want the first start %v", got.PostStarted, first)
	}
	if err := s.Release(ctx, sub.ID, "A"); err != nil {
		t.Fatal(err)
	}
	claim("A", false) // A's release of B's claim changes nothing
	if err := s.Release(ctx, sub.ID, "B"); err != nil {
		t.Fatal(err)
	}
	claim("A", true) // released: taken at once
	if err := s.MarkPosted(ctx, sub.ID, "C1", "1700000000.000100"); err != nil {
		t.Fatal(err)
	}
	c.Add(time.Hour)
	claim("B", false) // posted: nothing left to claim
	if _, ok, err := s.Claim(ctx, 1<<40, "A", lease); ok || !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Claim(no such submission) = %t, %v; want ErrNotFound", ok, err)
	}
}

// testClaimUnfinishedConcurrent: three owners claiming a backlog at once
// each get different submissions, and together all; an owner claiming
// again gets its own back (renewed) and none of the others'; once the
// leases run out, anyone may claim them.
func testClaimUnfinishedConcurrent(t *testing.T, s storage.Store, c *Clock) {
	ctx := context.Background()
	const n, each = 60, 20
	for i := range n {
		if _, _, err := s.Submit(ctx, SampleSubmission(i, fmt.Sprintf("backlog-%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	c.Add(time.Minute)
	var mu sync.Mutex
	owner := map[int64]string{}
	mine := map[string]int{}
	var wg sync.WaitGroup
	for r := range 3 {
		name := fmt.Sprintf("replica-%d", r)
		wg.Go(func() {
			subs, err := s.ClaimUnfinished(ctx, name, c.Now(), time.Hour, each)
			if err != nil {
				t.Errorf("ClaimUnfinished(%s) = %v", name, err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			for _, sub := range subs {
				if prev, dup := owner[sub.ID]; dup {
					t.Errorf("submission %d claimed by %s and %s", sub.ID, prev, name)
				}
				owner[sub.ID] = name
				mine[name]++
				if sub.ClaimedBy != name {
					t.Errorf("submission %d returned claimed by %q, want %s", sub.ID, sub.ClaimedBy, name)
				}
			}
		})
	}
	wg.Wait()
	if len(owner) != n {
		t.Errorf("%d of %d submissions claimed (%v)", len(owner), n, mine)
	}
	again, err := s.ClaimUnfinished(ctx, "replica-0", c.Now(), time.Hour, n)
	if err != nil || len(again) != mine["replica-0"] {
		t.Errorf("replica-0 claiming again = %d, %v; want its own %d", len(again), err, mine["replica-0"])
	}
	for _, sub := range again {
		if owner[sub.ID] != "replica-0" {
			t.Errorf("replica-0 claimed %d, %s's", sub.ID, owner[sub.ID])
		}
	}
	c.Add(2 * time.Hour)
	subs, err := s.ClaimUnfinished(ctx, "replica-9", c.Now(), time.Hour, 100)
	if err != nil || len(subs) != n {
		t.Errorf("ClaimUnfinished after the leases ran out = %d, %v; want %d", len(subs), err, n)
	}
}

// testDigestReclaim: a claimed digest run is taken over only when its
// lease has run out (or by its own owner), and never once posted.
func testDigestReclaim(t *testing.T, s storage.Store, c *Clock) {
	ctx := context.Background()
	run, claimed, err := s.ClaimDigest(ctx, storage.DigestRun{Name: "daily", WindowStart: Start.Add(-24 * time.Hour), WindowEnd: Start,
		ChannelID: "C1", ClaimedBy: "A", ClaimExpires: Start.Add(time.Minute)})
	if err != nil || !claimed || !run.ClaimExpires.Equal(Start.Add(time.Minute)) {
		t.Fatalf("ClaimDigest = %+v, %t, %v", run, claimed, err)
	}
	reclaim := func(owner string, want bool) {
		t.Helper()
		got, ok, err := s.ReclaimDigest(ctx, run.ID, owner, time.Minute)
		if err != nil || ok != want {
			t.Fatalf("ReclaimDigest(%s) = %t, %v; want %t", owner, ok, err, want)
		}
		if ok && (got.ClaimedBy != owner || !got.ClaimExpires.Equal(c.Now().Add(time.Minute))) {
			t.Errorf("reclaimed run: by %q until %v, want %s until %v", got.ClaimedBy, got.ClaimExpires, owner, c.Now().Add(time.Minute))
		}
	}
	reclaim("B", false)
	reclaim("A", true) // its own: renewed
	c.Add(61 * time.Second)
	reclaim("B", true)
	reclaim("A", false)
	if err := s.MarkDigestPosted(ctx, run.ID, "C1", "1700000000.000100"); err != nil {
		t.Fatal(err)
	}
	c.Add(time.Hour)
	reclaim("A", false)
	// A run claimed without a lease gets the default one.
	other, _, err := s.ClaimDigest(ctx, storage.DigestRun{Name: "weekly", WindowStart: Start, WindowEnd: Start.Add(time.Hour), ChannelID: "C1", ClaimedBy: "A"})
	if err != nil || !other.ClaimExpires.Equal(other.ClaimedAt.Add(storage.DefaultDigestLease)) {
		t.Errorf("ClaimDigest without a lease: expires %v, claimed %v, %v; want the default lease", other.ClaimExpires, other.ClaimedAt, err)
	}
}
