package bot

import (
	"context"
	"testing"
	"time"
)

// TestPacerPausesOneMethod proves that a 429's Retry-After holds the calls
// of the method Slack limited, in every channel, and not the other
// methods; and that posts to one channel are spaced by the interval.
func TestPacerPausesOneMethod(t *testing.T) {
	p := newPacer(200 * time.Millisecond)
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
	p := newPacer(0)
	p.pause("chat.postMessage", time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := p.wait(ctx, "chat.postMessage", "C1"); err != context.DeadlineExceeded {
		t.Errorf("wait during a minute's pause with a 20ms deadline = %v, want %v", err, context.DeadlineExceeded)
	}
}
