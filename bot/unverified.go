package bot

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/blockkit"
	"github.com/factgrade/factgrade/storage"
)

// UnverifiedTS is the PostedTS of a reply sent by a route factgrade cannot
// check (an ephemeral reply, a direct message, a channel it may not read)
// whose copy with MaybeTwiceNote lost its answer too: it may have reached
// the editor, once or twice, and is not sent a third time.
const UnverifiedTS = "unverified"

// Routes a reply goes by that Slack may not let factgrade look up.
const (
	routeEphemeral = "ephemeral"
	routeDirect    = "direct"
	routeChannel   = "channel"
)

// errPostedUnverified: the one extra copy of a reply (with MaybeTwiceNote)
// already went by route and its outcome is unknown; no other copy goes.
type errPostedUnverified struct{ route string }

func (e errPostedUnverified) Error() string {
	return "a second copy by " + e.route + " went without an answer from Slack; not sending a third"
}

func isUnverified(err error) (route string, ok bool) {
	var u errPostedUnverified
	if errors.As(err, &u) {
		return u.route, true
	}
	return "", false
}

// extraCopies remembers, by submission and route, that the one extra copy
// of a reply (the one with MaybeTwiceNote) was sent: "never a lost or
// doubled reply" allows one copy after an attempt whose answer was lost,
// never a third.
type extraCopies struct {
	mu sync.Mutex
	m  map[string]bool
}

func copyKey(id int64, route string) string { return fmt.Sprintf("%d/%s", id, route) }

// take reserves the extra copy of submission id by route, before it is
// sent: errPostedUnverified when it was sent already.
func (c *extraCopies) take(id int64, route string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[string]bool)
	}
	if c.m[copyKey(id, route)] {
		return errPostedUnverified{route: route}
	}
	c.m[copyKey(id, route)] = true
	return nil
}

// sent settles a reserved copy by its outcome: one Slack certainly did not
// post (notPosted) gives the reservation back.
func (c *extraCopies) sent(id int64, route string, err error) {
	if err == nil || !notPosted(err) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, copyKey(id, route))
}

// drop forgets submission id, whose reply is recorded or failed.
func (c *extraCopies) drop(id int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range []string{routeEphemeral, routeDirect, routeChannel} {
		delete(c.m, copyKey(id, r))
	}
}

// UnverifiedNotice tells the editor that two copies of a reply went
// without Slack confirming either.
const UnverifiedNotice = "factgrade sent the grade of what you asked %s (%s) twice, and Slack confirmed neither copy. If you see neither, ask again with /factcheck."

// postedUnverified ends sub, whose extra copy by route lost its answer:
// recorded posted with UnverifiedTS (nothing is sent by that route again),
// and the editor is told once, by another route, that the reply could not
// be confirmed. Each route of the notice is tried once: a notice whose
// answer is lost is not sent again either.
func (b *Bot) postedUnverified(ctx context.Context, sub storage.Submission, channel, route string, cause error) {
	b.log.Warn("reply sent twice without an answer from Slack; not sending a third copy", "submission", sub.ID, "route", route, "err", cause)
	where := "in <#" + blockkit.Escape(sub.ChannelID) + ">"
	text := fmt.Sprintf(UnverifiedNotice, where+" "+askedAt(sub), fmt.Sprintf("submission #%d", sub.ID))
	msg := msgOptions(Message{Text: text}, sub.ThreadTS)
	once := func(method string, call func(ctx context.Context) error) (done bool) {
		cctx, cancel := context.WithTimeout(ctx, b.cfg.SlackTimeout)
		defer cancel()
		err := call(cctx)
		if err == nil {
			b.obs.SlackCall(method, "ok")
			return true
		}
		b.obs.SlackCall(method, "error")
		b.log.Warn("telling the editor the reply is unconfirmed", "submission", sub.ID, "method", method, "err", err)
		return !notPosted(err) // its outcome unknown: it may have gone
	}
	told := false
	if route != routeEphemeral {
		told = once("chat.postEphemeral", func(ctx context.Context) error {
			_, err := b.slack.PostEphemeralContext(ctx, sub.ChannelID, sub.UserID, msg...)
			return err
		})
	}
	if !told && sub.ResponseURL != "" && time.Since(sub.CreatedAt) < ResponseURLLife-time.Minute {
		told = once("response_url", func(ctx context.Context) error {
			opts := append([]slack.MsgOption{slack.MsgOptionResponseURL(sub.ResponseURL, slack.ResponseTypeEphemeral)}, msg...)
			_, _, err := b.slack.PostMessageContext(ctx, sub.ChannelID, opts...)
			return err
		})
	}
	if !told && route != routeDirect {
		told = once("chat.postMessage", func(ctx context.Context) error {
			_, _, err := b.slack.PostMessageContext(ctx, sub.UserID, msgOptions(Message{Text: text}, "")...)
			return err
		})
	}
	if !told {
		b.log.Error("could not tell the editor the reply is unconfirmed", "submission", sub.ID)
	}
	b.recordPost(ctx, sub, channel, UnverifiedTS)
}
