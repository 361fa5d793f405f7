package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/blockkit"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// Collapsing a burst in one channel. Slack documents one message a second
// per channel for chat.postMessage, with "short bursts" of unstated size
// and no guarantee for them (api.slack.com/docs/rate-limits), so factgrade
// keeps its own budget (pacer: bursts of DefaultChannelBurst, then one a
// second). A reply that would be posted more than Config.CollapseAfter
// after its editor asked (its wait in the queue and for the channel's
// budget) is not queued behind the others: the replies
// waiting for one channel go together, up to MaxCollapsed in one message
// (each editor mentioned, each grade with its own Details and Dispute),
// posted at the channel's next slot. Forty graded at once in one channel
// are answered in a few seconds instead of twenty.

// DefaultCollapseAfter is how long after its editor asked a reply may wait
// for its own slot in a channel; one that would wait longer goes in one
// message with the others waiting there.
const DefaultCollapseAfter = 3 * time.Second

// MaxCollapsed is how many grades one collapsed message carries (two blocks
// each, well under Slack's 50).
const MaxCollapsed = 10

// collapsedEventType is the event_type of the metadata of a collapsed
// message, whose payload lists its submissions (submission_ids, comma
// separated), so that findReply finds each of them there.
const collapsedEventType = ReplyEventType

// errOutcomeUnknown: a collapsed message may have reached Slack; it is not
// posted again as it is (see postBatch).
var errOutcomeUnknown = errors.New("a collapsed message may have been posted; each reply is posted on its own after looking for it")

// batch is the replies waiting to go in one message to a channel.
type batch struct{ subs []storage.Submission }

// batches are the batches being gathered, by channel.
type batches struct {
	mu sync.Mutex
	m  map[string]*batch
}

// collapse hands sub's reply to the batch of its channel when its own slot
// there would come more than CollapseAfter after its editor asked, and
// reports whether it did.
// The batch then posts it, records it and ends the submission's turn
// (done); until then it stays in flight. Replies in a thread, shown only
// to their editor, or perhaps posted already (whose earlier copy must be
// looked for first) take the usual way.
func (b *Bot) collapse(sub storage.Submission) bool {
	if b.cfg.CollapseAfter < 0 || sub.Ephemeral || sub.ThreadTS != "" || sub.ReplyChannel == "" || b.mayBePosted(sub) {
		return false
	}
	if _, ok := b.unrecorded.get(sub.ID); ok {
		return false
	}
	b.mu.Lock()
	_, slotted := b.slots[sub.ID] // back at the slot it reserved (postLater): it goes in it
	b.mu.Unlock()
	if slotted {
		return false
	}
	channel := sub.ReplyChannel
	b.batches.mu.Lock()
	defer b.batches.mu.Unlock()
	bt := b.batches.m[channel]
	if bt == nil || len(bt.subs) >= MaxCollapsed {
		// How long the editor would have waited, from asking to the
		// reply: a reply that waited in the queue behind the others
		// counts that wait too.
		wait := b.pace.wouldWait(channel)
		if wait <= 0 || time.Since(sub.CreatedAt)+wait <= b.cfg.CollapseAfter {
			return false
		}
		if !b.startBackground() {
			return false
		}
		bt = &batch{}
		if b.batches.m == nil {
			b.batches.m = map[string]*batch{}
		}
		b.batches.m[channel] = bt
		go func() {
			defer b.bg.Done()
			b.postBatch(channel, bt)
		}()
	}
	bt.subs = append(bt.subs, sub)
	return true
}

// postBatch waits for channel's next slot, then posts the replies gathered
// in bt in one message and records each. If that post fails, each is
// posted the usual way (postOne).
func (b *Bot) postBatch(channel string, bt *batch) {
	ctx := context.WithoutCancel(b.workCtx)
	werr := b.pace.wait(b.workCtx, "chat.postMessage", channel)
	b.batches.mu.Lock()
	if b.batches.m[channel] == bt {
		delete(b.batches.m, channel)
	}
	subs := bt.subs
	b.batches.mu.Unlock()
	defer func() {
		for _, s := range subs {
			b.done(s.ID)
		}
	}()
	if werr != nil { // shutting down: left for the next start
		for _, s := range subs {
			b.unclaim(s.ID)
		}
		return
	}
	ctx, leave, _ := b.cpu.Enter(ctx) // a worker's CPU slot, as in process (ctx does not end)
	defer leave()
	var items []storage.GradedItem
	for _, s := range subs {
		if err := b.startPost(ctx, s); err != nil {
			if !errors.Is(err, errClaimLost) {
				b.log.Error("starting a post", "submission", s.ID, "err", err)
				b.unclaim(s.ID)
			}
			continue
		}
		item, err := b.store.GradedItem(ctx, s.ID)
		if err != nil || item.Grade == nil {
			b.log.Error("loading grade", "submission", s.ID, "err", err)
			b.unclaim(s.ID)
			continue
		}
		items = append(items, item)
	}
	if len(items) == 0 {
		return
	}
	msg := RenderCollapsed(items, b.cfg.Rubrics)
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = strconv.FormatInt(it.Submission.ID, 10)
	}
	meta := slack.SlackMetadata{EventType: collapsedEventType, EventPayload: map[string]any{"submission_ids": strings.Join(ids, ",")}}
	var ts string
	unsure := false
	// The slot was taken above: the call itself is not paced again. After
	// an attempt whose outcome is unknown (Slack may have taken the
	// message) it is not made again blindly: each reply then goes its own
	// way, which looks for this message first.
	err := b.callSlack(ctx, "chat.postMessage", "", func(cctx context.Context) error {
		if unsure {
			return errOutcomeUnknown
		}
		var err error
		_, ts, err = b.slack.PostMessageContext(cctx, channel, append(msgOptions(msg, ""), slack.MsgOptionMetadata(meta))...)
		unsure = err != nil && !notPosted(err)
		return err
	})
	if err != nil {
		// Each goes the usual way now: posted on its own (after looking
		// for this message by its metadata, as its post has started), or
		// delivered elsewhere when Slack refuses the channel.
		b.log.Warn("posting collapsed replies failed; each is posted on its own", "channel", channel, "count", len(items), "err", err)
		for _, it := range items {
			sub, serr := b.store.Submission(ctx, it.Submission.ID)
			if serr != nil {
				b.log.Error("loading submission", "submission", it.Submission.ID, "err", serr)
				b.unclaim(it.Submission.ID)
				continue
			}
			if !b.postOne(ctx, sub) {
				b.unclaim(sub.ID)
			}
		}
		return
	}
	b.log.Info("posted replies collapsed in one message", "channel", channel, "count", len(items), "ts", ts)
	for _, it := range items {
		b.recordPost(ctx, it.Submission, channel, ts)
	}
}

// MaxCollapsedText is how many characters of text the blocks of one
// collapsed message carry at most. Slack refuses a message whose blocks
// hold more than about 13,000 characters in all (msg_blocks_too_long,
// undocumented: slackapi/bolt-js#2509 measured 13,297 for markdown blocks,
// less with other blocks), far below 50 blocks of 3,000 characters; ten
// grades of 3,000 characters each would be refused.
const MaxCollapsedText = 12000

// MaxCollapsedSection is how many characters one grade's section in a
// collapsed message carries at most, so that MaxCollapsed of them stay
// within MaxCollapsedText with the intro; the rest is one click away
// (Details).
const MaxCollapsedSection = (MaxCollapsedText - 500) / MaxCollapsed

// collapsedQuote is how many characters of an editor's text a collapsed
// message quotes, so that a long text leaves room in its section for the
// score, the criteria that need the editor and the rewrite.
const collapsedQuote = 300

// RenderCollapsed is one message carrying several grades: for each, its
// editor mentioned with the letter, the text, the score explained, the
// criteria that need the editor and the rewrite, then its own Details and
// Dispute buttons. The criteria that pass are one click away (Details).
// Each grade's quoted text is cut to collapsedQuote characters and its
// section to MaxCollapsedSection.
func RenderCollapsed(items []storage.GradedItem, rubrics *rubric.Set) Message {
	blocks := []slack.Block{slack.NewContextBlock("collapsed_intro", blockkit.Mrkdwn(fmt.Sprintf(
		"%d grades asked for here at once, in one message so that none waits its turn (Slack takes about one message a second in a channel).", len(items))))}
	var fallback []string
	for _, it := range items {
		g, sub := it.Grade, it.Submission
		r, _ := rubrics.Get(g.Rubric)
		id := strconv.FormatInt(sub.ID, 10)
		parts := []string{fmt.Sprintf("<@%s> *%s*", blockkit.Escape(sub.UserID), blockkit.EscapeText(gradeHeadline(g))), blockkit.Blockquote(blockkit.Truncate(blockkit.EscapeText(g.Text), collapsedQuote))}
		if line := scoreLine(g, r); line != "" && g.Status == rubric.Graded {
			parts = append(parts, line)
		}
		buttons := []slack.BlockElement{slack.NewButtonBlockElement(ActionDetails, id, blockkit.Plain("Details"))}
		if g.Status == rubric.Graded {
			if t := needsText(g, r); t != "" {
				parts = append(parts, t)
			}
			if t := rewriteText(g); t != "" {
				parts = append(parts, t)
			}
			buttons = append(buttons, slack.NewButtonBlockElement(ActionDispute, id, blockkit.Plain("Dispute")))
		}
		blocks = append(blocks,
			blockkit.Section("grade_"+id, blockkit.Truncate(strings.Join(parts, "\n"), MaxCollapsedSection)),
			slack.NewActionBlock("grade_actions_"+id, buttons...))
		fallback = append(fallback, gradeFallback(g))
	}
	return Message{Blocks: blocks, Text: blockkit.Truncate(strings.Join(fallback, "\n"), MaxFallback)}
}
