package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/bot"
)

// fakeDigests is a DigestPreviewer with fixed digests.
type fakeDigests struct{ names []string }

func (f fakeDigests) Names() []string { return f.names }

func (f fakeDigests) PreviewDigest(ctx context.Context, name, channel string) (string, []slack.Block, error) {
	if name == "" {
		name = f.names[0]
	}
	return "Digest " + name + ": 3 items graded", []slack.Block{slack.NewDividerBlock()}, nil
}

func TestDigestCommand(t *testing.T) {
	tests := []struct {
		name, text string
		digests    bot.DigestPreviewer
		ack        string // in the acknowledgement
		preview    string // in the ephemeral preview, "" for none
	}{
		{"none configured", "digest", nil, "No digests are configured", ""},
		{"the only one", "digest", fakeDigests{[]string{"morning"}}, "shown only to you", "Digest morning"},
		{"by name", "digest evening", fakeDigests{[]string{"evening", "morning"}}, "shown only to you", "Digest evening"},
		{"which one", "digest", fakeDigests{[]string{"evening", "morning"}}, "Which digest?", ""},
		{"unknown", "digest noon", fakeDigests{[]string{"morning"}}, "There is no digest `noon`", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(c *bot.Config) { c.Digests = tt.digests })
			status, body := h.command(tt.text, "trig-"+strings.ReplaceAll(tt.name, " ", "-"))
			if status != 200 || !strings.Contains(body, tt.ack) || !strings.Contains(body, `"ephemeral"`) {
				t.Fatalf("/factcheck %s = %d %s, want an ephemeral %q", tt.text, status, body, tt.ack)
			}
			if tt.preview == "" {
				return
			}
			calls := h.slack.WaitCalls("chat.postEphemeral", 1, 5*time.Second)
			if len(calls) != 1 || calls[0].Form.Get("user") != editor || !strings.Contains(calls[0].Form.Get("text"), tt.preview) || calls[0].Blocks() == "" {
				t.Errorf("preview calls = %+v, want one to %s with %q and blocks", calls, editor, tt.preview)
			}
			if n := h.countSubmissions(); n != 0 {
				t.Errorf("%d submissions stored for a digest preview, want 0", n)
			}
		})
	}
}

func TestPostMessageAndFindMessage(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	since := time.Now().Add(-time.Minute)
	meta := slack.SlackMetadata{EventType: "factgrade_digest", EventPayload: map[string]any{"digest": "morning", "run_id": "7"}}
	if ts, err := h.bot.FindMessage(ctx, "C0DIGEST", since, meta); err != nil || ts != "" {
		t.Fatalf("FindMessage before posting = %q, %v; want none", ts, err)
	}
	ts, err := h.bot.PostMessage(ctx, "C0DIGEST", "Digest morning", []slack.Block{slack.NewDividerBlock()}, meta)
	if err != nil || ts == "" {
		t.Fatalf("PostMessage = %q, %v", ts, err)
	}
	other := slack.SlackMetadata{EventType: "factgrade_digest", EventPayload: map[string]any{"digest": "morning", "run_id": "8"}}
	if got, err := h.bot.FindMessage(ctx, "C0DIGEST", since, other); err != nil || got != "" {
		t.Errorf("FindMessage(another run) = %q, %v; want none", got, err)
	}
	if got, err := h.bot.FindMessage(ctx, "C0DIGEST", since, meta); err != nil || got != ts {
		t.Errorf("FindMessage = %q, %v; want %q", got, err, ts)
	}
	calls := h.slack.Calls("chat.postMessage")
	if len(calls) != 1 || calls[0].Form.Get("unfurl_links") != "false" {
		t.Errorf("chat.postMessage calls = %+v, want one with unfurling off", calls)
	}
}
