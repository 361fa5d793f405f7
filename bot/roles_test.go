package bot_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
)

// TestRoles proves, per role, who may change a channel's settings and
// dispute a grade when standards editors are configured: the standards
// editor may do both; the editor who asked may dispute their own grade but
// not change the channel; any other member may do neither, and is told so
// and who to ask. Nothing a refused member sends is saved.
func TestRoles(t *testing.T) {
	const chief, other = "U0CHIEF", "U0OTHER"
	h := newHarness(t, func(c *bot.Config) { c.Editors = []string{chief} })
	slash := func(user, text, trig string) string {
		t.Helper()
		s := slacktest.Slash{TeamID: teamID, ChannelID: channel, UserID: user, Text: text, TriggerID: trig, ResponseURL: h.slack.ResponseURL(trig)}
		code, body := h.post("/slack/commands", slacktest.FormType, s.Body())
		if code != 200 {
			t.Fatalf("%s: status %d", text, code)
		}
		return body
	}
	// Channel settings.
	for _, c := range []struct {
		user    string
		allowed bool
	}{{chief, true}, {editor, false}, {other, false}} {
		body := slash(c.user, "reply private", "roles.use."+c.user)
		if refused := strings.Contains(body, "Only the desk's standards editors can change how this channel is graded") && strings.Contains(body, "U0CHIEF"); refused == c.allowed {
			t.Errorf("%s: reply private answered %s (allowed %t)", c.user, body, c.allowed)
		}
	}
	s, err := h.store.ChannelSettings(context.Background(), teamID, channel)
	if err != nil || s.UpdatedBy != chief {
		t.Errorf("channel settings updated by %q (%v), want only the standards editor's change", s.UpdatedBy, err)
	}

	// A grade asked for by editor.
	h.command("China admits hacking", trigger(1))
	sub := h.waitState(1, storage.Posted)
	time.Sleep(200 * time.Millisecond)
	id := strconv.FormatInt(sub.ID, 10)
	meta, _ := json.Marshal(map[string]any{"submission": sub.ID, "channel": channel})
	for i, c := range []struct {
		user    string
		allowed bool
	}{{other, false}, {editor, true}, {chief, true}} {
		p := slacktest.ViewSubmission(teamID, c.user, "V1", "h"+c.user, "dispute", string(meta), map[string]map[string]any{
			"criterion": {"criterion": slacktest.Selected("admission")},
			"verdict":   {"verdict": slacktest.Selected([]string{"pass", "partial", "na"}[i])},
			"reason":    {"reason": slacktest.TextInput("the source says it was indirect")},
		})
		_, body := h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(p))
		refused := strings.Contains(body, "Only the editor who asked for this grade and the desk's standards editors can dispute it")
		if refused == c.allowed {
			t.Errorf("%s: dispute answered %q (allowed %t)", c.user, body, c.allowed)
		}
		// The Dispute button says the same before the modal opens.
		click := slacktest.BlockAction(teamID, channel, c.user, trigger(10+i), sub.PostedTS, bot.ActionDispute, id, false)
		h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(click))
	}
	ovs, err := h.store.OverridesFor(context.Background(), sub.ID)
	if err != nil || len(ovs) != 2 || ovs[0].UserID != editor || ovs[1].UserID != chief {
		t.Errorf("overrides = %+v, %v; want the asker's and the standards editor's", ovs, err)
	}
	if opens := h.slack.WaitCalls("views.open", 2, 5*time.Second); len(opens) != 2 {
		t.Errorf("%d dispute modals opened, want 2 (the asker's and the standards editor's)", len(opens))
	}
}
