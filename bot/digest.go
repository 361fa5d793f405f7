package bot

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/blockkit"
)

// DigestPreviewer renders a scheduled digest for the window so far;
// digest.Scheduler implements it.
type DigestPreviewer interface {
	// Names returns the configured digests' names.
	Names() []string
	// PreviewDigest renders the named digest ("" when only one is
	// configured) with only the grades that may be shown in channel.
	PreviewDigest(ctx context.Context, name, channel string) (text string, blocks []slack.Block, err error)
}

// digestPreview answers "/factcheck digest [NAME]": the preview is built in
// the background and shown only to the editor who asked.
func (b *Bot) digestPreview(cmd slack.SlashCommand, c Command) Reply {
	d := b.cfg.Digests
	var names []string
	if d != nil {
		names = d.Names()
	}
	switch {
	case len(names) == 0:
		return Reply{Text: "No digests are configured on this factgrade; whoever runs it can add them (digests in its config file).", Outcome: "bad_request"}
	case c.Digest == "" && len(names) > 1:
		return Reply{Text: "Which digest? `/factcheck digest NAME`, one of: " + codeList(names), Outcome: "bad_request"}
	case c.Digest != "" && !contains(names, c.Digest):
		return Reply{Text: fmt.Sprintf("There is no digest `%s`. Digests: %s", blockkit.Escape(c.Digest), codeList(names)), Outcome: "bad_request"}
	}
	sub := struct{ channel, user string }{cmd.ChannelID, cmd.UserID}
	b.goBackground("digest_preview", func(ctx context.Context) error {
		text, blocks, err := d.PreviewDigest(ctx, c.Digest, sub.channel)
		opts := []slack.MsgOption{slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...)}
		if err != nil {
			b.log.Error("previewing digest", "digest", c.Digest, "err", err)
			opts = []slack.MsgOption{slack.MsgOptionText(UserMessage(err, b.cfg.Rubrics), false)}
		}
		return b.callSlack(ctx, "chat.postEphemeral", "", func(ctx context.Context) error {
			_, err := b.slack.PostEphemeralContext(ctx, sub.channel, sub.user, opts...)
			return err
		})
	})
	return Reply{Text: "Building the digest so far; it is shown only to you.", Outcome: "digest"}
}

func codeList(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += "`" + blockkit.Escape(n) + "`"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// digestSearchPages bounds FindMessage's search (200 messages a page).
const digestSearchPages = 10

// PostMessage posts a message carrying meta to channel (a digest) through
// the bot's pacing of each channel and its handling of Slack's rate limits,
// with link unfurling off, and returns the message's ts.
func (b *Bot) PostMessage(ctx context.Context, channel, text string, blocks []slack.Block, meta slack.SlackMetadata) (string, error) {
	opts := []slack.MsgOption{
		slack.MsgOptionText(text, false),
		slack.MsgOptionBlocks(blocks...),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
		slack.MsgOptionMetadata(meta),
	}
	var ts string
	err := b.callSlack(ctx, "chat.postMessage", channel, func(ctx context.Context) (err error) {
		_, ts, err = b.slack.PostMessageContext(ctx, channel, opts...)
		return err
	})
	return ts, err
}

// FindMessage returns the ts of a top-level message in channel posted since
// since whose metadata equals meta, or "" when there is none among the
// channel's latest 2,000 messages since then. It needs the channels:history
// (groups:history for private channels) scope.
func (b *Bot) FindMessage(ctx context.Context, channel string, since time.Time, meta slack.SlackMetadata) (string, error) {
	cursor := ""
	for range digestSearchPages {
		var resp *slack.GetConversationHistoryResponse
		err := b.callSlack(ctx, "conversations.history", "", func(ctx context.Context) (err error) {
			resp, err = b.slack.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
				ChannelID: channel, Oldest: strconv.FormatInt(since.Unix(), 10), Limit: 200, Cursor: cursor, IncludeAllMetadata: true,
			})
			return err
		})
		if err != nil {
			return "", err
		}
		for _, m := range resp.Messages {
			if m.Metadata.EventType == meta.EventType && samePayload(m.Metadata.EventPayload, meta.EventPayload) {
				return m.Timestamp, nil
			}
		}
		if cursor = resp.ResponseMetaData.NextCursor; cursor == "" {
			return "", nil
		}
	}
	return "", nil
}

// samePayload compares metadata payloads as Slack returns them (JSON
// values: strings compare as strings).
func samePayload(got, want map[string]any) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if fmt.Sprint(got[k]) != fmt.Sprint(v) {
			return false
		}
	}
	return true
}
