package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/blockkit"
	"github.com/factgrade/factgrade/storage"
)

// What reaches the editor when a reply cannot go where it was asked for.
// Every submission accepted and then failed ends in a message to its
// editor: the reply itself through another way (the response_url Slack
// gave with the request, or a direct message from factgrade) with a note
// saying it is late and why, or a message saying what happened.

// ResponseURLLife is how long Slack accepts posts to a response_url (it
// also allows only five); a response_url older than this is not tried.
const ResponseURLLife = 30 * time.Minute

// lateAfter is how long after the request a reply says it is late.
const lateAfter = 2 * time.Minute

// errNoResponseURL: the submission has no response_url, or it has expired.
var errNoResponseURL = errors.New("no live response_url")

// msgOptions are the chat options that post msg, in thread when it is set.
func msgOptions(msg Message, thread string) []slack.MsgOption {
	opts := []slack.MsgOption{
		slack.MsgOptionText(msg.Text, false),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
	if len(msg.Blocks) > 0 {
		opts = append(opts, slack.MsgOptionBlocks(msg.Blocks...))
	}
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	return opts
}

// withNote returns msg with a context block holding note after its first
// block (the header), and note at the head of its fallback text.
func withNote(msg Message, id, note string) Message {
	if note == "" {
		return msg
	}
	ctx := slack.NewContextBlock(id, blockkit.Mrkdwn(blockkit.Truncate(note, MaxSectionText)))
	blocks := make([]slack.Block, 0, len(msg.Blocks)+1)
	if len(msg.Blocks) > 0 {
		blocks = append(blocks, msg.Blocks[0], ctx)
		blocks = append(blocks, msg.Blocks[1:]...)
	} else {
		blocks = append(blocks, ctx)
	}
	if len(blocks) > MaxBlocks { // keep the actions, drop what precedes them
		blocks = append(blocks[:MaxBlocks-1], blocks[len(blocks)-1])
	}
	return Message{Blocks: blocks, Text: blockkit.Truncate(note+"\n"+msg.Text, MaxFallback)}
}

// askedAt is when sub was asked for, in the reader's time zone.
func askedAt(sub storage.Submission) string {
	t := sub.CreatedAt
	if t.IsZero() {
		t = time.Now()
	}
	return fmt.Sprintf("<!date^%d^{date_short_pretty} at {time}|%s>", t.Unix(), t.UTC().Format("2006-01-02 15:04 UTC"))
}

// lateNote says a reply is late, when it is.
func lateNote(sub storage.Submission) string {
	if sub.CreatedAt.IsZero() || time.Since(sub.CreatedAt) < lateAfter {
		return ""
	}
	return ":hourglass_flowing_sand: Late: asked " + askedAt(sub) + "; factgrade could not answer sooner."
}

// whyNotPosted says in a few words why Slack refused a post.
func whyNotPosted(err error) string {
	var apiErr slack.SlackErrorResponse
	switch {
	case errors.As(err, &apiErr) && (apiErr.Err == "channel_not_found" || apiErr.Err == "not_in_channel"):
		return "factgrade is not a member of that channel (add it with `/invite @factgrade`)"
	case errors.As(err, &apiErr) && (apiErr.Err == "is_archived" || apiErr.Err == "channel_is_archived"):
		return "that channel is archived"
	case errors.As(err, &apiErr) && apiErr.Err == "restricted_action":
		return "the channel does not let apps post"
	}
	if _, limited := rateLimited(err); limited {
		return "Slack kept refusing posts there for a while (rate limit)"
	}
	return "Slack refused the post"
}

// viaResponseURL posts msg through sub's response_url while it lives.
func (b *Bot) viaResponseURL(ctx context.Context, sub storage.Submission, msg Message, ephemeral bool) error {
	if sub.ResponseURL == "" || (!sub.CreatedAt.IsZero() && time.Since(sub.CreatedAt) > ResponseURLLife-time.Minute) {
		return errNoResponseURL
	}
	respType := slack.ResponseTypeInChannel
	if ephemeral {
		respType = slack.ResponseTypeEphemeral
	}
	opts := append([]slack.MsgOption{slack.MsgOptionResponseURL(sub.ResponseURL, respType)}, msgOptions(msg, sub.ThreadTS)...)
	return b.callSlack(ctx, "response_url", "", func(ctx context.Context) error {
		_, _, err := b.slack.PostMessageContext(ctx, sub.ChannelID, opts...)
		return err
	})
}

// direct posts msg to sub's editor in a direct message from factgrade (the
// app's Messages tab), which needs no membership of any channel. A direct
// message cannot be searched for without another scope (im:history), so
// one posted again after an attempt whose outcome is unknown says it may
// be a second copy.
func (b *Bot) direct(ctx context.Context, sub storage.Submission, msg Message) (channel, ts string, err error) {
	unsure := b.mayBePosted(sub)
	err = b.callSlack(ctx, "chat.postMessage", sub.UserID, func(ctx context.Context) error {
		post := msg
		if unsure {
			if err := b.extra.take(sub.ID, routeDirect); err != nil {
				return err
			}
			post = withNote(msg, "maybe_twice", MaybeTwiceNote)
		}
		channel, ts, err = b.slack.PostMessageContext(ctx, sub.UserID, msgOptions(post, "")...)
		if unsure {
			b.extra.sent(sub.ID, routeDirect, err)
		}
		if err != nil && !notPosted(err) {
			unsure = true
		}
		return err
	})
	if channel == "" {
		channel = sub.UserID
	}
	return channel, ts, err
}

// notify shows text only to sub's editor: in sub's channel (and thread),
// else through the response_url while it lives, else in a direct message.
// It reports whether one of them reached Slack.
func (b *Bot) notify(ctx context.Context, sub storage.Submission, text string) bool {
	msg := Message{Text: text}
	err := b.callSlack(ctx, "chat.postEphemeral", "", func(ctx context.Context) error {
		_, err := b.slack.PostEphemeralContext(ctx, sub.ChannelID, sub.UserID, msgOptions(msg, sub.ThreadTS)...)
		return err
	})
	if err == nil {
		return true
	}
	if rerr := b.viaResponseURL(ctx, sub, msg, true); rerr == nil {
		return true
	}
	dm := Message{Text: fmt.Sprintf("About what you asked factgrade in <#%s> %s: %s", blockkit.Escape(sub.ChannelID), askedAt(sub), text)}
	if _, _, derr := b.direct(ctx, sub, dm); derr != nil {
		b.log.Error("could not tell the editor", "submission", sub.ID, "err", err, "direct_err", derr)
		return false
	}
	return true
}

// deliverElsewhere gets sub's reply msg to its editor when Slack refused it
// where it was asked for (cause): through the response_url while it lives,
// else in a direct message saying where it was meant to go and why it is
// here. It returns where the reply went.
func (b *Bot) deliverElsewhere(ctx context.Context, sub storage.Submission, msg Message, cause error) (channel, ts string, err error) {
	if err = b.viaResponseURL(ctx, sub, msg, sub.Ephemeral); err == nil {
		b.log.Warn("reply posted through response_url", "submission", sub.ID, "cause", cause)
		return sub.ReplyChannel, "response_url", nil
	}
	note := fmt.Sprintf(":envelope: This is the grade you asked for in <#%s> %s. It is here, late, because %s.",
		blockkit.Escape(sub.ReplyChannel), askedAt(sub), whyNotPosted(cause))
	channel, ts, err = b.direct(ctx, sub, withNote(msg, "late_note", note))
	if err != nil {
		return "", "", fmt.Errorf("posting in %s: %w; in a direct message: %w", sub.ReplyChannel, cause, err)
	}
	b.log.Warn("reply sent as a direct message", "submission", sub.ID, "cause", cause)
	return channel, ts, nil
}
