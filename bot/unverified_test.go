package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
)

// TestNoThirdCopy forces two consecutive lost answers on replies factgrade
// cannot look up afterwards (an ephemeral reply; a direct message, where
// the channel is closed to factgrade and the response_url expired) and
// checks that at most two copies reach the editor, the second with the
// may-show-twice note, that the submission is recorded posted-unverified
// while the resumer keeps running, and that the editor is told once, by
// another route, that neither copy was confirmed.
func TestNoThirdCopy(t *testing.T) {
	for _, tc := range []struct {
		name, channel, method string
		copies, notices       int
	}{
		// The first copy goes plain, its answer is lost; the second goes
		// with the note, its answer is lost too; the response_url tells.
		{"ephemeral", "C0DRAFTS", "chat.postEphemeral", 2, 1},
		// The channel refuses factgrade and the response_url has
		// expired: the reply goes as a direct message, twice; no other
		// route is left to tell by (the failure is logged).
		{"direct message", "G0EXPIRED", "chat.postMessage", 2, 0},
		// A channel post whose search for the lost first copy is held by
		// conversations.history's rate limit (the copy sank under a busy
		// channel's newer messages); the editor is told in an ephemeral.
		{"channel", channel, "chat.postMessage", 2, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, withSlackTimeout(time.Second), withRetrySchedule(10*time.Millisecond, 200*time.Millisecond))
			h.slack.NotMember("G0EXPIRED")
			h.slack.LimitHistory(time.Minute, 15)
			for range 2 {
				h.slack.Inject(tc.method, slacktest.Fault{Accept: true, Delay: 3 * time.Second})
			}
			id := trigger(1)
			if tc.channel == "G0EXPIRED" {
				h.slack.ExpireResponseURL(id)
			}
			c := slacktest.Slash{TeamID: teamID, ChannelID: tc.channel, UserID: editor, Text: "China admits hacking", TriggerID: id, ResponseURL: h.slack.ResponseURL(id)}
			h.post("/slack/commands", slacktest.FormType, c.Body())
			if tc.channel == channel {
				h.slack.WaitCalls("chat.postMessage", 1, 5*time.Second)
				h.slack.AddMessages(channel, 100)
			}
			sub := h.waitState(1, storage.Posted)
			time.Sleep(time.Second) // the resumer's turns (a third copy would show now)
			var copies, notices []string
			for _, c := range toEditor(h.slack) {
				switch text := callText(c); {
				case replyID.MatchString(text):
					copies = append(copies, c.Method+" "+text)
				case strings.Contains(text, "Slack confirmed neither copy"):
					notices = append(notices, c.Method+" "+text)
				}
			}
			bad := len(copies) != tc.copies
			for i, c := range copies {
				bad = bad || (i > 0 || tc.copies == 1) != strings.Contains(c, "shows twice")
			}
			if bad {
				t.Errorf("%d copies reached the editor, want %d, the last noted:", len(copies), tc.copies)
				for _, c := range copies {
					t.Logf("  %.160s", c)
				}
			}
			if sub.PostedTS != bot.UnverifiedTS {
				t.Errorf("posted ts = %q, want %q", sub.PostedTS, bot.UnverifiedTS)
			}
			if len(notices) != tc.notices || len(notices) == 1 && strings.HasPrefix(notices[0], tc.method) {
				t.Errorf("notices = %q, want %d by another route", notices, tc.notices)
			}
		})
	}
}
