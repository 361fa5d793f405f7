package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
)

// TestSubmissionLimits: past the per-person limit an editor is told
// politely when to try again and nothing is stored; another editor in the
// same channel is not held up; past the channel's limit, anyone there is
// told the same about the channel.
func TestSubmissionLimits(t *testing.T) {
	h := newHarness(t, func(c *bot.Config) { c.UserPerMinute, c.ChannelPerMinute = 3, 5 })
	send := func(user string, i int) string {
		t.Helper()
		id := fmt.Sprintf("limits.%s.%d", user, i)
		s := slacktest.Slash{TeamID: teamID, ChannelID: channel, UserID: user, Text: fmt.Sprintf("China admits hacking, case %d", i), TriggerID: id, ResponseURL: h.slack.ResponseURL(id)}
		code, body := h.post("/slack/commands", slacktest.FormType, s.Body())
		if code != 200 {
			t.Fatalf("status %d", code)
		}
		return body
	}
	for i := range 3 {
		if body := send("U0ONE", i); !strings.Contains(body, "Grading your") {
			t.Fatalf("command %d refused: %s", i, body)
		}
	}
	body := send("U0ONE", 3)
	if !strings.Contains(body, "You have sent 3 texts for grading in the last minute") || !strings.Contains(body, "please try again in") {
		t.Errorf("the fourth command in a minute: %s, want the per-person limit, politely", body)
	}
	for i := range 2 {
		if body := send("U0TWO", i); !strings.Contains(body, "Grading your") {
			t.Errorf("another editor's command %d refused: %s", i, body)
		}
	}
	if body := send("U0THREE", 0); !strings.Contains(body, "This channel has sent 5 texts") {
		t.Errorf("the sixth command in the channel: %s, want the channel's limit", body)
	}
	if n := h.countSubmissions(); n != 5 {
		t.Errorf("%d submissions stored, want 5 (refused ones are not)", n)
	}
}
