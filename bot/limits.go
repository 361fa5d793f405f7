package bot

import (
	"fmt"
	"sync"
	"time"
)

// Submission limits: one person, or one channel, cannot crowd out the
// rest of the desk. Each is a token bucket refilled at its rate per
// minute and holding at most that many. The limits are this process's:
// with several replicas behind a load balancer each keeps its own, so a
// desk's real limit is at most the replicas times these.
const (
	DefaultUserPerMinute    = 30
	DefaultChannelPerMinute = 120
)

// submitLimits holds the buckets by user and by channel; a limit below 1
// is none.
type submitLimits struct {
	mu      sync.Mutex
	user    map[string]*bucket
	channel map[string]*bucket
	perUser int
	perChan int
}

type bucket struct {
	tokens float64
	at     time.Time
}

// level returns the bucket's tokens at now, refilled at perMinute.
func (b *bucket) level(now time.Time, perMinute int) float64 {
	return min(float64(perMinute), b.tokens+now.Sub(b.at).Seconds()*float64(perMinute)/60)
}

// LimitError is a submission refused by a limit; its message is polite and
// says when to try again.
type LimitError struct {
	Channel bool // the channel's limit, not the person's
	Limit   int
	Wait    time.Duration
}

func (e *LimitError) Error() string {
	wait := max(time.Second, e.Wait.Round(time.Second))
	if e.Channel {
		return fmt.Sprintf("This channel has sent %d texts for grading in the last minute, factgrade's limit for one channel, so that other channels are not kept waiting. Nothing was stored; please try again in %s.", e.Limit, wait)
	}
	return fmt.Sprintf("You have sent %d texts for grading in the last minute, factgrade's limit for one person, so that the rest of the desk is not kept waiting. Nothing was stored; please try again in %s.", e.Limit, wait)
}

// allow takes a submission from user in channel, or returns a *LimitError
// (and takes nothing).
func (l *submitLimits) allow(user, channel string, now time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.user == nil || len(l.user)+len(l.channel) > 100_000 {
		l.user, l.channel = map[string]*bucket{}, map[string]*bucket{}
	}
	type check struct {
		m     map[string]*bucket
		key   string
		limit int
		chan_ bool
	}
	checks := []check{{l.user, user, l.perUser, false}, {l.channel, channel, l.perChan, true}}
	for _, c := range checks {
		if c.limit < 1 {
			continue
		}
		b := c.m[c.key]
		if b == nil {
			b = &bucket{tokens: float64(c.limit), at: now}
			c.m[c.key] = b
		}
		if lv := b.level(now, c.limit); lv < 1 {
			wait := time.Duration((1 - lv) * 60 / float64(c.limit) * float64(time.Second))
			return &LimitError{Channel: c.chan_, Limit: c.limit, Wait: wait}
		}
	}
	for _, c := range checks {
		if c.limit < 1 {
			continue
		}
		b := c.m[c.key]
		b.tokens, b.at = b.level(now, c.limit)-1, now
	}
	return nil
}
