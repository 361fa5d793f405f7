package bot

import (
	"context"
	"sync"
	"time"

	"github.com/factgrade/factgrade/storage"
)

// DefaultChannelBurst is how many posts may go to one channel back to back
// before they are spaced by ChannelInterval: Slack allows about one message
// a second per channel, with short bursts above it.
const DefaultChannelBurst = 20

// pacer spaces posts to one channel and holds the calls of a method while
// Slack has asked us to wait.
//
// Posts (chat.postMessage) to a channel follow the generic cell rate
// algorithm: one per interval on average, up to burst back to back. With a
// shared storage.Pace (PostgreSQL) the budget is the channel's across every
// replica, not each replica's; without one (SQLite runs one instance) it
// is kept here. Ephemeral messages and other calls are not paced by
// channel.
//
// Slack's rate limits are per method (per workspace and app), so a 429
// from chat.postMessage holds every chat.postMessage, in every channel,
// for its Retry-After (the limit hit may be the workspace's), but not the
// other methods.
type pacer struct {
	interval time.Duration
	burst    int
	shared   storage.Pace // nil: this process's budget only
	onShared func(error)  // told when the shared budget cannot be read

	mu     sync.Mutex
	tat    map[string]time.Time // by channel: the theoretical arrival time of the next post
	paused map[string]time.Time // by method
}

func newPacer(interval time.Duration, burst int, shared storage.Pace) *pacer {
	return &pacer{interval: interval, burst: max(burst, 1), shared: shared, tat: make(map[string]time.Time), paused: make(map[string]time.Time)}
}

// pacedByChannel reports whether calls of method count against a channel's
// budget: messages posted to it.
func pacedByChannel(method string) bool { return method == "chat.postMessage" }

// wait blocks until a call of method to channel ("" for calls not tied to
// one) may go.
func (p *pacer) wait(ctx context.Context, method, channel string) error {
	now := time.Now()
	at := now
	p.mu.Lock()
	if t := p.paused[method]; t.After(at) {
		at = t
	}
	p.mu.Unlock()
	if channel != "" && p.interval > 0 && pacedByChannel(method) {
		if slot := p.slot(ctx, channel, now); slot.After(at) {
			at = slot
		}
	}
	if d := time.Until(at); d > 0 && !sleep(ctx, d) {
		return ctx.Err()
	}
	return nil
}

// slot reserves the next slot for a post to channel and returns when it
// begins: from the shared budget when there is one (falling back to this
// process's when the database does not answer), else this process's.
func (p *pacer) slot(ctx context.Context, channel string, now time.Time) time.Time {
	if p.shared != nil {
		sctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		at, err := p.shared.PaceSlot(sctx, "slack_channel:"+channel, p.interval, p.burst)
		cancel()
		if err == nil {
			p.mu.Lock() // this process's view, for wouldWait
			if tat := at.Add(time.Duration(p.burst) * p.interval); tat.After(p.tat[channel]) {
				p.tat[channel] = tat
			}
			p.mu.Unlock()
			return at
		}
		if p.onShared != nil {
			p.onShared(err)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	next := p.tat[channel]
	if next.Before(now) {
		next = now
	}
	next = next.Add(p.interval)
	p.tat[channel] = next
	if len(p.tat) > 10000 {
		for c, t := range p.tat {
			if t.Before(now) {
				delete(p.tat, c)
			}
		}
	}
	return next.Add(-time.Duration(p.burst) * p.interval)
}

// wouldWait is how long a post to channel would wait now for the
// channel's budget, without taking a slot: this process's view of it
// (with a shared budget, as of this process's last post there). Slack's
// Retry-After on the method is not counted.
func (p *pacer) wouldWait(channel string) time.Duration {
	if p.interval <= 0 {
		return 0
	}
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.tat[channel].Add(-time.Duration(p.burst) * p.interval).Sub(now)
}

// held reports how long calls of method are held by Slack's Retry-After.
func (p *pacer) held(method string) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return time.Until(p.paused[method])
}

// pause holds every call of method for d (Slack's Retry-After).
func (p *pacer) pause(method string, d time.Duration) {
	if d <= 0 {
		d = time.Second
	}
	p.mu.Lock()
	if t := time.Now().Add(d); t.After(p.paused[method]) {
		p.paused[method] = t
	}
	p.mu.Unlock()
}
