package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/storage"
)

// ReplyEventType is the event_type of the Slack message metadata every
// graded reply posted to a channel carries, with the submission's id in
// its payload, so that a post whose outcome is unknown can be found in
// the channel before it is made again.
const ReplyEventType = "factgrade_grade"

// maxSearchPages bounds the search for an earlier post (200 messages a page).
const maxSearchPages = 10

// replyMetadata is the metadata of sub's graded reply.
func replyMetadata(id int64) slack.SlackMetadata {
	return slack.SlackMetadata{EventType: ReplyEventType, EventPayload: map[string]any{"submission_id": strconv.FormatInt(id, 10)}}
}

// notPosted reports whether a failed chat.postMessage certainly posted
// nothing: Slack answered with an API error or a rate limit. A timeout, a
// dropped connection or a 5xx leaves the outcome unknown: Slack may have
// taken the message before the answer was lost.
func notPosted(err error) bool {
	var (
		apiErr slack.SlackErrorResponse
		rl     *slack.RateLimitedError
		sc     slack.StatusCodeError
	)
	switch {
	case errors.As(err, &apiErr), errors.As(err, &rl):
		return true
	case errors.As(err, &sc):
		return sc.Code < 500 || sc.Code == http.StatusTooManyRequests
	}
	return false
}

// mayBePosted reports whether sub's reply may already be in Slack though
// storage does not say so: an earlier attempt failed (perhaps after Slack
// took the message) or the submission predates this process (which may
// have been killed between Slack's answer and storage).
func (b *Bot) mayBePosted(sub storage.Submission) bool {
	return sub.Attempts > 0 || sub.CreatedAt.Before(b.startedAt)
}

// findReply looks in sub's channel (or thread) for a reply carrying sub's
// metadata, posted since sub was made, and returns its ts ("" when there
// is none). It needs the channels:history (groups:history for private
// channels) scope.
func (b *Bot) findReply(ctx context.Context, sub storage.Submission) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, b.cfg.SlackTimeout)
	defer cancel()
	// A minute's margin for the clocks of Slack and of this host.
	oldest := strconv.FormatInt(sub.CreatedAt.Add(-time.Minute).Unix(), 10)
	want := strconv.FormatInt(sub.ID, 10)
	cursor := ""
	for range maxSearchPages {
		var (
			msgs []slack.Message
			next string
			err  error
		)
		if sub.ThreadTS != "" {
			msgs, _, next, err = b.slack.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
				ChannelID: sub.ReplyChannel, Timestamp: sub.ThreadTS, Oldest: oldest, Limit: 200, Cursor: cursor, IncludeAllMetadata: true,
			})
		} else {
			var resp *slack.GetConversationHistoryResponse
			resp, err = b.slack.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
				ChannelID: sub.ReplyChannel, Oldest: oldest, Limit: 200, Cursor: cursor, IncludeAllMetadata: true,
			})
			if resp != nil {
				msgs, next = resp.Messages, resp.ResponseMetaData.NextCursor
			}
		}
		if err != nil {
			return "", fmt.Errorf("looking for an earlier post of submission %d: %w", sub.ID, err)
		}
		for _, m := range msgs {
			if m.Metadata.EventType == ReplyEventType && fmt.Sprint(m.Metadata.EventPayload["submission_id"]) == want {
				return m.Timestamp, nil
			}
		}
		if next == "" {
			return "", nil
		}
		cursor = next
	}
	return "", nil
}

// postOnce posts sub's reply to channel with chat.postMessage unless it is
// already there. When the reply may have been posted by an earlier attempt
// whose outcome is unknown, the channel is searched for it first; if the
// search itself is refused for good (a missing scope), the post is made
// anyway and the risk of a double is logged.
func (b *Bot) postOnce(ctx context.Context, sub storage.Submission, channel string, opts []slack.MsgOption) (ts string, err error) {
	unsure := b.mayBePosted(sub)
	opts = append(opts, slack.MsgOptionMetadata(replyMetadata(sub.ID)))
	err = b.callSlack(ctx, "chat.postMessage", channel, func(cctx context.Context) error {
		if unsure {
			found, err := b.findReply(ctx, sub)
			switch {
			case err == nil && found != "":
				b.log.Info("reply was already posted; not posting again", "submission", sub.ID, "ts", found)
				ts = found
				return nil
			case err != nil && !permanent(err):
				return err // retried like the post
			case err != nil:
				b.log.Warn("cannot search the channel for an earlier post (add the channels:history and groups:history scopes); posting, which may double it", "submission", sub.ID, "err", err)
				unsure = false
			}
		}
		_, ts, err = b.slack.PostMessageContext(cctx, channel, opts...)
		if err != nil && !notPosted(err) {
			unsure = true
		}
		return err
	})
	return ts, err
}

// postRecord is where a reply went.
type postRecord struct{ channel, ts string }

// postLedger remembers replies posted whose record storage refused (the
// database was unreachable), until storage takes it. A process that dies
// meanwhile loses the ledger; the next one finds the reply by its
// metadata (mayBePosted, findReply).
type postLedger struct {
	mu sync.Mutex
	m  map[int64]postRecord
}

func (l *postLedger) put(id int64, p postRecord) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.m == nil {
		l.m = make(map[int64]postRecord)
	}
	l.m[id] = p
}

func (l *postLedger) get(id int64) (postRecord, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	p, ok := l.m[id]
	return p, ok
}

func (l *postLedger) drop(id int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.m, id)
}
