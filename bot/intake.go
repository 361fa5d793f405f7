package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/factgrade/factgrade/blockkit"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// Reply is the immediate answer to a request from Slack.
type Reply struct {
	// Text, when set, is shown only to the editor.
	Text string
	// Body, when set, is the JSON answer instead (url_verification's
	// challenge, a view_submission's errors).
	Body any
	// Outcome names how the request went, for metrics and the request log.
	Outcome string
}

// commandAck is the JSON a slash command is answered with.
type commandAck struct {
	ResponseType string `json:"response_type"`
	Text         string `json:"text"`
}

// JSON returns what to send back to Slack, or nil for an empty 200.
func (r Reply) JSON() any {
	if r.Body != nil {
		return r.Body
	}
	if r.Text != "" {
		return commandAck{ResponseType: slack.ResponseTypeEphemeral, Text: r.Text}
	}
	return nil
}

func (b *Bot) failReply(err error, outcome string) Reply {
	return Reply{Text: UserMessage(err, b.cfg.Rubrics), Outcome: outcome}
}

// HelpText is what /factcheck help (or an empty /factcheck) shows. Its
// example is drawn from the loaded rubrics (the first story's own source
// headline), so the help never names a story the deployment does not grade.
func HelpText(rubrics *rubric.Set) string {
	example := "`/factcheck` followed by a headline or summary"
	if rubrics != nil {
		for _, r := range rubrics.List() {
			if r.Source != nil && strings.TrimSpace(r.Source.Headline) != "" {
				// Inside inline code a backtick would end the code span.
				h := strings.ReplaceAll(strings.TrimSpace(r.Source.Headline), "`", "'")
				example = "`/factcheck " + blockkit.Escape(h) + "`"
				break
			}
		}
	}
	return "*factgrade* grades a headline or summary against the story's primary source.\n" +
		"• " + example + ": grade a text (a headline or a summary, told apart by its length); without `--rubric`, the story the text is about is chosen\n" +
		"• `/factcheck --rubric ID …`, `--headline …`, `--summary …`: choose the rubric or the kind\n" +
		"• `/factcheck use ID`: make rubric ID this channel's default (standards editors)\n" +
		"• `/factcheck reply private` or `reply channel`: show grades only to whoever asked (the default; each has a *Share in channel* button), or to the channel (standards editors)\n" +
		"• `/factcheck rubrics`: list the rubrics\n" +
		"• `/factcheck digest [NAME]`: preview the scheduled digest so far, only to you\n" +
		"Or use the message shortcut *Fact-check this message* on any message: the grade is posted in its thread."
}

// HandleCommand answers a /factcheck slash command. A text to grade is
// stored as a submission before it returns; grading and posting follow on
// the worker pool.
func (b *Bot) HandleCommand(ctx context.Context, cmd slack.SlashCommand) Reply {
	c, err := ParseCommand(cmd.Text)
	if err != nil {
		return b.failReply(err, "bad_request")
	}
	switch c.Action {
	case ActHelp:
		return Reply{Text: HelpText(b.cfg.Rubrics), Outcome: "help"}
	case ActRubrics:
		return Reply{Text: "*Rubrics*\n" + rubricList(b.cfg.Rubrics), Outcome: "rubrics"}
	case ActUse, ActReply:
		return b.setChannel(ctx, cmd, c)
	case ActDigest:
		return b.digestPreview(cmd, c)
	}
	key := "command:" + cmd.TeamID + ":" + cmd.TriggerID
	if cmd.TriggerID == "" {
		return b.failReply(&UsageError{"This request has no trigger_id; it did not come from Slack's /factcheck."}, "bad_request")
	}
	sub := storage.Submission{
		IdempotencyKey: key,
		TeamID:         cmd.TeamID,
		ChannelID:      cmd.ChannelID,
		UserID:         cmd.UserID,
		ReplyChannel:   cmd.ChannelID,
		ResponseURL:    cmd.ResponseURL,
		Text:           c.Text,
		Kind:           c.Kind,
		RubricID:       c.RubricID,
	}
	return b.submit(ctx, sub)
}

// submit stores sub (completing its rubric, kind and reply mode from the
// channel's settings) and queues it.
func (b *Bot) submit(ctx context.Context, sub storage.Submission) Reply {
	settings, err := b.settings.get(ctx, b.store, sub.TeamID, sub.ChannelID)
	if err != nil {
		b.log.Error("reading channel settings", "channel", sub.ChannelID, "err", err)
		return b.failReply(errStorage, "error")
	}
	if sub.RubricID == "" {
		sub.RubricID = settings.DefaultRubric
	}
	if sub.RubricID == "" {
		sub.RubricID = b.cfg.DefaultRubric
	}
	if ids := b.cfg.Rubrics.IDs(); sub.RubricID == "" && len(ids) == 1 {
		sub.RubricID = ids[0]
	}
	if sub.Kind == "" {
		sub.Kind = rubric.DetectKind(sub.Text)
	}
	// No rubric named anywhere: the worker grades the text against the story
	// it is about (the submission keeps no rubric); the acknowledgement
	// already says which.
	var r *rubric.Rubric
	routing := rubric.Routing{}
	if sub.RubricID != "" {
		var err error
		if r, err = b.cfg.Rubrics.Lookup(sub.RubricID); err != nil {
			return b.failReply(err, "bad_request")
		}
		sub.RubricID, sub.RubricVersion, sub.RubricHash = r.ID, r.Version, r.Hash
	} else {
		routing = b.cfg.Rubrics.Route(sub.Text)
		r, _ = b.cfg.Rubrics.Get(routing.Chosen)
	}
	sub.Ephemeral = b.private(settings)
	if err := b.limits.allow(sub.UserID, sub.ChannelID, time.Now()); err != nil {
		return b.failReply(err, "limited")
	}
	busy := b.queueFull()
	stored, created, err := b.store.Submit(ctx, sub)
	retried := false
	if err != nil && ctx.Err() == nil {
		// Once more: the pool replaces a connection the database dropped
		// (a restart, a failover), and Submit is idempotent by key.
		b.log.Warn("storing submission failed; trying once more", "key", sub.IdempotencyKey, "err", err)
		stored, created, err = b.store.Submit(ctx, sub)
		retried = true
	}
	if err != nil {
		b.log.Error("storing submission", "key", sub.IdempotencyKey, "err", err)
		return b.failReply(errStorage, "error")
	}
	ack := ackText(stored.Kind, r, routing)
	if !created && !retried {
		// A retry of a delivery already taken: its first copy is being
		// (or was) graded; the resumer covers it if this process died.
		return Reply{Text: ack, Outcome: "duplicate"}
	}
	if busy || !b.enqueue(stored.ID) {
		// Every worker is busy and the queue is full: the submission waits
		// in storage, and the resumer queues it as soon as there is room.
		b.spilled.Store(true)
		return Reply{Text: ack + "\n" + QueuedNote, Outcome: "queued"}
	}
	return Reply{Text: ack, Outcome: "ok"}
}

// ackText is the acknowledgement of a stored submission: the rubric it is
// graded against and, when factgrade chose the story, the routing note.
func ackText(kind rubric.Kind, r *rubric.Rubric, routing rubric.Routing) string {
	if r == nil {
		return fmt.Sprintf("Checking your %s… %s", kind, blockkit.Escape(routing.Note))
	}
	ack := fmt.Sprintf("Grading your %s against `%s` v%d (%s)…", kind, blockkit.Escape(r.ID), r.Version, blockkit.Escape(r.Title))
	if len(routing.Matched) > 1 {
		ack += "\n" + blockkit.Escape(routing.Note)
	}
	return ack
}

// QueuedNote is added to the acknowledgement when the queue is deep.
const QueuedNote = "factgrade is busy: your submission is saved and queued behind others. Its grade will be posted here when a grader is free; there is no need to send it again."

// private reports whether grades in a channel are shown only to the editor
// who asked. That is the default for a channel that never chose (unless
// the deployment's FACTGRADE_REPLY=channel): many desks will not have
// draft headlines graded in public, and the Share in channel button puts a
// private grade one click from public. "/factcheck reply channel" makes a
// channel's grades public. (Settings rows stored before this default keep
// their choice: a row with Ephemeral false posts in the channel.)
func (b *Bot) private(s storage.ChannelSettings) bool {
	return s.Ephemeral || (s.UpdatedAt.IsZero() && !b.cfg.ReplyInChannel)
}

// setChannel handles "use ID" and "reply private|channel".
func (b *Bot) setChannel(ctx context.Context, cmd slack.SlashCommand, c Command) Reply {
	if ok, err := b.editor(ctx, cmd.UserID); !ok {
		return Reply{Text: b.settingsRefusal(err), Outcome: "refused"}
	}
	s, err := b.store.ChannelSettings(ctx, cmd.TeamID, cmd.ChannelID)
	if err != nil {
		b.log.Error("reading channel settings", "channel", cmd.ChannelID, "err", err)
		return b.failReply(errStorage, "error")
	}
	var text string
	switch c.Action {
	case ActUse:
		r, err := b.cfg.Rubrics.Lookup(c.RubricID)
		if err != nil {
			return b.failReply(err, "bad_request")
		}
		s.DefaultRubric = r.ID
		text = fmt.Sprintf("This channel now grades against `%s` v%d (%s).", blockkit.Escape(r.ID), r.Version, blockkit.Escape(r.Title))
	case ActReply:
		s.Ephemeral = c.Private
		text = "Grades in this channel are now posted for everyone to see."
		if c.Private {
			text = "Grades in this channel are now shown only to whoever asked."
		}
	}
	if c.Action != ActReply {
		s.Ephemeral = b.private(s) // keep the channel's reply mode, the default included
	}
	s.TeamID, s.ChannelID, s.UpdatedBy, s.UpdatedAt = cmd.TeamID, cmd.ChannelID, cmd.UserID, time.Now()
	if err := b.store.SetChannelSettings(ctx, s); err != nil {
		b.log.Error("saving channel settings", "channel", cmd.ChannelID, "err", err)
		return b.failReply(errStorage, "error")
	}
	b.settings.put(s)
	return Reply{Text: text, Outcome: string(c.Action)}
}

// handleShortcut grades the text of the message the shortcut was used on and
// answers in its thread. Problems are told to the editor as an ephemeral
// message, since a shortcut's acknowledgement shows nothing.
func (b *Bot) handleShortcut(ctx context.Context, cb slack.InteractionCallback) Reply {
	text := SlackToPlain(cb.Message.Text)
	var err error
	switch n := utf8.RuneCountInString(text); {
	case cb.TriggerID == "":
		err = &UsageError{"This request has no trigger_id."}
	case text == "":
		err = &UsageError{"That message has no text to grade."}
	case n > MaxTextRunes:
		err = &TooLongError{Runes: n, Limit: MaxTextRunes}
	default:
		err = rubric.CheckText(text)
	}
	thread := cb.Message.ThreadTimestamp
	if thread == "" {
		thread = cb.Message.Timestamp
	}
	if thread == "" {
		thread = cb.MessageTs
	}
	sub := storage.Submission{
		IdempotencyKey: "shortcut:" + cb.Team.ID + ":" + cb.TriggerID,
		TeamID:         cb.Team.ID,
		ChannelID:      cb.Channel.ID,
		UserID:         cb.User.ID,
		ReplyChannel:   cb.Channel.ID,
		ThreadTS:       thread,
		// Slack sends a response_url with message shortcuts: it reaches
		// private channels and DMs the bot has not joined.
		ResponseURL: cb.ResponseURL,
		Text:        text,
	}
	reply := Reply{Outcome: "bad_request"}
	if err == nil {
		reply = b.submit(ctx, sub)
		if reply.Outcome == "ok" || reply.Outcome == "duplicate" {
			return Reply{Outcome: reply.Outcome}
		}
	} else {
		reply = b.failReply(err, "bad_request")
	}
	b.goBackground("shortcut_error", func(ctx context.Context) error {
		b.tellUser(ctx, sub, reply.Text)
		return nil
	})
	return Reply{Outcome: reply.Outcome}
}

// HandleEvent answers an Events API payload (the body of an HTTP request to
// the events URL, or the payload of a Socket Mode events_api envelope).
func (b *Bot) HandleEvent(ctx context.Context, raw []byte) Reply {
	ev, err := slackevents.ParseEvent(json.RawMessage(raw), slackevents.OptionNoVerifyToken())
	if err != nil {
		// An event type slack-go does not know yet (Slack adds them) is
		// acknowledged and ignored, as Bolt does; only what is not an
		// event at all is refused.
		var outer struct {
			Type    string `json:"type"`
			EventID string `json:"event_id"`
			Event   struct {
				Type string `json:"type"`
			} `json:"event"`
		}
		if json.Unmarshal(raw, &outer) != nil || outer.Type == "" {
			return Reply{Outcome: "bad_request", Body: errorBody("malformed event")}
		}
		b.log.Debug("unknown event ignored", "type", outer.Type, "event_type", outer.Event.Type)
		return Reply{Outcome: "ignored"}
	}
	switch ev.Type {
	case slackevents.URLVerification:
		v, ok := ev.Data.(*slackevents.EventsAPIURLVerificationEvent)
		if !ok {
			return Reply{Outcome: "bad_request", Body: errorBody("malformed url_verification")}
		}
		return Reply{Outcome: "url_verification", Body: map[string]string{"challenge": v.Challenge}}
	case slackevents.CallbackEvent:
		cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent)
		if !ok || cb.EventID == "" {
			return Reply{Outcome: "bad_request", Body: errorBody("malformed event_callback")}
		}
		if !b.seen.firstTime("event:" + cb.EventID) {
			return Reply{Outcome: "duplicate"}
		}
		switch inner := ev.InnerEvent.Data.(type) {
		case *slackevents.AppHomeOpenedEvent:
			if inner.Tab != "home" {
				return Reply{Outcome: "ignored"}
			}
			team := ev.TeamID
			b.goBackground("publish_home", func(ctx context.Context) error {
				return b.publishHome(ctx, team, inner.User)
			})
			return Reply{Outcome: "ok"}
		case *slackevents.AppUninstalledEvent:
			// Nothing is deleted: grades are the desk's record. Posts to
			// the workspace fail from now on and say so in the log.
			b.log.Warn("factgrade was uninstalled from a workspace", "team", ev.TeamID)
			return Reply{Outcome: "uninstalled"}
		}
		return Reply{Outcome: "ignored"}
	}
	return Reply{Outcome: "ignored"}
}

// errorBody is the JSON of a refused request (never with details).
func errorBody(msg string) map[string]string { return map[string]string{"error": msg} }

// isStorageErr reports whether err came from the database rather than input.
func isStorageErr(err error) bool {
	return err != nil && !errors.Is(err, storage.ErrNotFound) && !errors.Is(err, storage.ErrConflict)
}

// settingsTTL is how long a channel's settings are cached. A change made
// through another replica shows within it; one made here shows at once.
const settingsTTL = 10 * time.Second

// settingsCache keeps channel settings read on the acknowledgement path, so
// a busy channel costs one database read per TTL rather than per command.
type settingsCache struct {
	mu sync.Mutex
	m  map[string]cachedSettings
}

type cachedSettings struct {
	s  storage.ChannelSettings
	at time.Time
}

func (c *settingsCache) get(ctx context.Context, st storage.Settings, team, channel string) (storage.ChannelSettings, error) {
	key := team + "/" + channel
	c.mu.Lock()
	e, ok := c.m[key]
	c.mu.Unlock()
	if ok && time.Since(e.at) < settingsTTL {
		return e.s, nil
	}
	s, err := st.ChannelSettings(ctx, team, channel)
	if err != nil {
		return s, err
	}
	c.put(s)
	return s, nil
}

func (c *settingsCache) put(s storage.ChannelSettings) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) > 10000 {
		c.m = make(map[string]cachedSettings)
	}
	c.m[s.TeamID+"/"+s.ChannelID] = cachedSettings{s: s, at: time.Now()}
}
