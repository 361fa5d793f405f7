package bot

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/factgrade/factgrade/storage"
)

// minLater is the shortest wait for a channel's pace or Slack's Retry-After
// that a worker hands back to the queue rather than sleeping through:
// below it, a timer costs more than the wait.
const minLater = 20 * time.Millisecond

// reserve takes the slot of sub's reply: the next of its channel's pace
// (public replies; from the shared budget when there is one) and past
// Slack's Retry-After on the method. It returns how long from now the post
// must wait and the slot to give callSlack (nil when none was taken).
func (b *Bot) reserve(ctx context.Context, sub storage.Submission) (time.Duration, *slotTaken) {
	method := "chat.postMessage"
	if sub.Ephemeral {
		method = "chat.postEphemeral"
	}
	d := b.pace.held(method)
	if sub.Ephemeral || sub.ReplyChannel == "" || b.pace.interval <= 0 {
		return d, nil
	}
	at := b.pace.slot(ctx, sub.ReplyChannel, time.Now())
	return max(d, time.Until(at)), &slotTaken{channel: sub.ReplyChannel}
}

// slotTaken is a channel slot reserved before a post: the first
// chat.postMessage to that channel made with a context carrying it does not
// reserve another.
type slotTaken struct {
	channel string
	used    atomic.Bool
}

type slotKey struct{}

func withSlot(ctx context.Context, s *slotTaken) context.Context {
	if s == nil {
		return ctx
	}
	return context.WithValue(ctx, slotKey{}, s)
}

// slotFor reports whether a post of method to channel with ctx has its
// channel slot reserved already (once).
func slotFor(ctx context.Context, method, channel string) bool {
	s, ok := ctx.Value(slotKey{}).(*slotTaken)
	return ok && pacedByChannel(method) && s.channel == channel && s.used.CompareAndSwap(false, true)
}

// postLater takes submission id (claimed by this process, in flight) off
// the worker's hands until d has passed, then queues it again, so a worker
// never sleeps through one channel's pace while other channels' replies
// wait. It reports false when the bot is shutting down (the caller
// releases it). Until queued again it stays in flight, and claimed.
func (b *Bot) postLater(id int64, d time.Duration, slot *slotTaken) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	if b.later == nil {
		b.later = make(map[int64]*time.Timer)
		b.slots = make(map[int64]*slotTaken)
	}
	b.later[id] = time.AfterFunc(d, func() { b.requeue(id) })
	if slot != nil {
		b.slots[id] = slot
	}
	return true
}

// requeue queues again a submission postLater held. If the queue is full it
// is released to storage, where the resumer finds it.
func (b *Bot) requeue(id int64) {
	b.mu.Lock()
	if _, ok := b.later[id]; !ok || b.closed { // Shutdown has released it
		b.mu.Unlock()
		return
	}
	delete(b.later, id)
	select {
	case b.queue <- id:
		b.obs.QueueDepth(len(b.queue))
		b.mu.Unlock()
		return
	default:
	}
	b.mu.Unlock()
	b.done(id)
	b.unclaim(id)
	b.spilled.Store(true)
}

// releaseLater stops the timers of the submissions held by postLater and
// releases them to storage for the next start (Shutdown).
func (b *Bot) releaseLater() {
	b.mu.Lock()
	held := b.later
	b.later, b.slots = nil, nil
	b.mu.Unlock()
	for id, t := range held {
		t.Stop()
		b.done(id)
		b.unclaim(id)
	}
}

// takeSlot returns the slot reserved for submission id when postLater held
// it, once.
func (b *Bot) takeSlot(id int64) *slotTaken {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.slots[id]
	delete(b.slots, id)
	return s
}
