package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
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
// took the message), a post was started (by this process or another,
// which may have been killed between Slack's answer and storage), or the
// submission predates this process.
func (b *Bot) mayBePosted(sub storage.Submission) bool {
	return sub.Attempts > 0 || !sub.PostStarted.IsZero() || sub.CreatedAt.Before(b.startedAt)
}

// How long the search for an earlier post may hold a reply back. Slack
// limits conversations.history hard for apps outside its Marketplace (one
// call a minute, 15 messages a page): a search held longer than
// searchPatience by a 429, or running past searchBudget, gives way to the
// post, which then says it may be a second copy.
const (
	searchPatience = 3 * time.Second
	searchBudget   = 10 * time.Second
)

// errSearchHeld: Slack's rate limit holds the search longer than the post
// may wait. Where the search stopped is kept; the next search resumes there.
var errSearchHeld = errors.New("the search for an earlier post is held by Slack's rate limit")

// searchState is where the search for one submission's earlier post stopped.
type searchState struct {
	cursor string
	pages  int
}

// searches keeps the state of searches interrupted by a rate limit, by
// submission, so the next attempt resumes where the last one stopped
// instead of starting again from the newest page.
type searches struct {
	mu sync.Mutex
	m  map[int64]searchState
}

func (s *searches) get(id int64) searchState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[id]
}

func (s *searches) put(id int64, st searchState) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil || len(s.m) > 10000 {
		s.m = make(map[int64]searchState)
	}
	s.m[id] = st
}

func (s *searches) drop(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, id)
}

// findReply looks in sub's channel (or thread) for a reply carrying sub's
// metadata, posted since sub was made, and returns its ts ("" when there
// is none). It needs the channels:history (groups:history for private
// channels) scope. A 429 holds conversations.history (or .replies), never
// the posts; a search it holds too long stops with errSearchHeld and the
// next one resumes from the page where it stopped.
func (b *Bot) findReply(ctx context.Context, sub storage.Submission) (string, error) {
	// A minute's margin for the clocks of Slack and of this host.
	oldest := strconv.FormatInt(sub.CreatedAt.Add(-time.Minute).Unix(), 10)
	want := strconv.FormatInt(sub.ID, 10)
	method := "conversations.history"
	if sub.ThreadTS != "" {
		method = "conversations.replies"
	}
	st := b.searches.get(sub.ID)
	deadline := time.Now().Add(searchBudget)
	for st.pages < maxSearchPages {
		if wait := b.pace.held(method); wait > 0 {
			if wait > searchPatience || time.Now().Add(wait).After(deadline) {
				b.searches.put(sub.ID, st)
				return "", errSearchHeld
			}
			if !sleep(ctx, wait) {
				return "", ctx.Err()
			}
		}
		msgs, next, err := b.historyPage(ctx, sub, method, oldest, st.cursor)
		if retryAfter, limited := rateLimited(err); limited {
			b.obs.SlackCall(method, "rate_limited")
			b.log.Warn("rate limited by Slack", "method", method, "retry_after", retryAfter)
			b.pace.pause(method, retryAfter)
			continue
		}
		if err != nil {
			b.obs.SlackCall(method, "error")
			b.searches.put(sub.ID, st)
			return "", fmt.Errorf("looking for an earlier post of submission %d: %w", sub.ID, err)
		}
		b.obs.SlackCall(method, "ok")
		for _, m := range msgs {
			if m.Metadata.EventType == ReplyEventType && (fmt.Sprint(m.Metadata.EventPayload["submission_id"]) == want ||
				slices.Contains(strings.Split(fmt.Sprint(m.Metadata.EventPayload["submission_ids"]), ","), want)) {
				b.searches.drop(sub.ID)
				return m.Timestamp, nil
			}
		}
		if next == "" {
			break
		}
		st = searchState{cursor: next, pages: st.pages + 1}
	}
	b.searches.drop(sub.ID)
	return "", nil
}

// historyPage reads one page of sub's channel (or thread) from cursor.
func (b *Bot) historyPage(ctx context.Context, sub storage.Submission, method, oldest, cursor string) (msgs []slack.Message, next string, err error) {
	ctx, cancel := context.WithTimeout(ctx, b.cfg.SlackTimeout)
	defer cancel()
	if method == "conversations.replies" {
		msgs, _, next, err = b.slack.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
			ChannelID: sub.ReplyChannel, Timestamp: sub.ThreadTS, Oldest: oldest, Limit: 200, Cursor: cursor, IncludeAllMetadata: true,
		})
		return msgs, next, err
	}
	resp, err := b.slack.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
		ChannelID: sub.ReplyChannel, Oldest: oldest, Limit: 200, Cursor: cursor, IncludeAllMetadata: true,
	})
	if resp != nil {
		msgs, next = resp.Messages, resp.ResponseMetaData.NextCursor
	}
	return msgs, next, err
}

// MaybeTwiceNote is added to a reply posted without knowing whether an
// earlier attempt already reached the channel.
const MaybeTwiceNote = "If this grade shows twice, the copies are the same grade: an earlier attempt may have reached Slack, and factgrade could not check in time."

// postOnce posts sub's reply to channel with chat.postMessage unless it is
// already there. When the reply may have been posted by an earlier attempt
// whose outcome is unknown, the channel is searched for it first. When the
// search cannot finish in time (Slack's rate limit, an error), the reply is
// posted once with a note saying it may be a second copy: in doubt, a
// reply that may show twice rather than none.
func (b *Bot) postOnce(ctx context.Context, sub storage.Submission, channel string, msg Message) (ts string, err error) {
	unsure := b.mayBePosted(sub)
	noted := false
	err = b.callSlack(ctx, "chat.postMessage", channel, func(cctx context.Context) error {
		// Each attempt renews the claim first: a process whose claim ran
		// out (a long 429) leaves the post to the one that took it over.
		if err := b.startPost(ctx, sub); err != nil {
			return err
		}
		extra := false
		if unsure {
			found, err := b.findReply(ctx, sub)
			switch {
			case err == nil && found != "":
				b.log.Info("reply was already posted; not posting again", "submission", sub.ID, "ts", found)
				ts = found
				return nil
			case err != nil && permanent(err):
				b.log.Warn("cannot search the channel for an earlier post (add the channels:history and groups:history scopes); posting, which may double it", "submission", sub.ID, "err", err)
				fallthrough
			case err != nil:
				// The one extra copy this reply may have; a second
				// one whose outcome is unknown is not followed by a third.
				if terr := b.extra.take(sub.ID, routeChannel); terr != nil {
					return terr
				}
				extra = true
				if !noted {
					b.log.Warn("posting without knowing whether an earlier post reached the channel", "submission", sub.ID, "err", err)
					msg = withNote(msg, "maybe_twice", MaybeTwiceNote)
					noted = true
				}
			}
		}
		opts := append(msgOptions(msg, sub.ThreadTS), slack.MsgOptionMetadata(replyMetadata(sub.ID)))
		_, ts, err = b.slack.PostMessageContext(cctx, channel, opts...)
		if extra {
			b.extra.sent(sub.ID, routeChannel, err)
		}
		unsure = err != nil && !notPosted(err)
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
