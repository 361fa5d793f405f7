package bot

import (
	"context"
	"sync"
	"testing"
	"time"
)

// TestPacerPausesOneMethod proves that a 429's Retry-After holds the calls
// of the method Slack limited, in every channel, and not the other
// methods; and that posts to one channel are spaced by the interval.
func TestPacerPausesOneMethod(t *testing.T) {
	p := newPacer(200*time.Millisecond, 1, nil)
	ctx := context.Background()
	p.pause("chat.postMessage", 300*time.Millisecond)
	took := func(method, channel string) time.Duration {
		start := time.Now()
		if err := p.wait(ctx, method, channel); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	}
	if d := took("chat.postEphemeral", "C1"); d > 100*time.Millisecond {
		t.Errorf("chat.postEphemeral waited %s behind chat.postMessage's 429", d)
	}
	if d := took("conversations.history", ""); d > 100*time.Millisecond {
		t.Errorf("conversations.history waited %s behind chat.postMessage's 429", d)
	}
	if d := took("chat.postMessage", "C2"); d < 250*time.Millisecond {
		t.Errorf("chat.postMessage to another channel went after %s, inside the 300ms Retry-After", d)
	}
	// C1 had a call ~300 ms ago; the pause is over and so is its interval.
	if d := took("chat.postMessage", "C1"); d > 100*time.Millisecond {
		t.Errorf("chat.postMessage to C1 waited %s after the pause", d)
	}
	if d := took("chat.postMessage", "C1"); d < 150*time.Millisecond {
		t.Errorf("a second post to C1 went after %s, inside the 200ms interval", d)
	}
}

// TestPacerGivesUpWithContext: a wait ends when its context does.
func TestPacerGivesUpWithContext(t *testing.T) {
	p := newPacer(0, 1, nil)
	p.pause("chat.postMessage", time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := p.wait(ctx, "chat.postMessage", "C1"); err != context.DeadlineExceeded {
		t.Errorf("wait during a minute's pause with a 20ms deadline = %v, want %v", err, context.DeadlineExceeded)
	}
}

// TestPacerBursts: a burst of posts to one channel goes back to back up to
// the burst, then one per interval; ephemeral messages are not paced by
// channel.
func TestPacerBursts(t *testing.T) {
	p := newPacer(100*time.Millisecond, 5, nil)
	ctx := context.Background()
	start := time.Now()
	for range 5 {
		p.wait(ctx, "chat.postMessage", "C1")
	}
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Errorf("a burst of 5 took %v, want it at once", d)
	}
	for range 3 {
		p.wait(ctx, "chat.postMessage", "C1")
	}
	if d := time.Since(start); d < 250*time.Millisecond {
		t.Errorf("8 posts took %v, want the 3 past the burst spaced by 100ms", d)
	}
	start = time.Now()
	for range 20 {
		p.wait(ctx, "chat.postEphemeral", "C1")
	}
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Errorf("20 ephemeral messages took %v, want no pacing by channel", d)
	}
}

// sharedPace is a storage.Pace two pacers share, as replicas share the
// database's.
type sharedPace struct {
	mu  sync.Mutex
	tat map[string]time.Time
}

func (s *sharedPace) PaceSlot(_ context.Context, key string, interval time.Duration, burst int) (time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	next := s.tat[key]
	if next.Before(now) {
		next = now
	}
	next = next.Add(interval)
	s.tat[key] = next
	return next.Add(-time.Duration(burst) * interval), nil
}

// TestPacerSharedAcrossReplicas: two replicas sharing a budget post to one
// channel at the channel's rate between them, not each at its own.
func TestPacerSharedAcrossReplicas(t *testing.T) {
	shared := &sharedPace{tat: map[string]time.Time{}}
	a, b := newPacer(50*time.Millisecond, 1, shared), newPacer(50*time.Millisecond, 1, shared)
	ctx := context.Background()
	start := time.Now()
	var wg sync.WaitGroup
	for _, p := range []*pacer{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				p.wait(ctx, "chat.postMessage", "C1")
			}
		}()
	}
	wg.Wait()
	// 10 posts at 50 ms between them, the first at once: at least 450 ms.
	if d := time.Since(start); d < 400*time.Millisecond {
		t.Errorf("two replicas posted 10 in %v: each paced alone", d)
	}
}
