package bot_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
)

// withResponseURL sets the response_url of an interaction payload and
// returns the request body.
func withResponseURL(t *testing.T, payload []byte, u string) []byte {
	t.Helper()
	var p map[string]any
	if err := json.Unmarshal(payload, &p); err != nil {
		t.Fatal(err)
	}
	p["response_url"] = u
	js, _ := json.Marshal(p)
	return []byte("payload=" + url.QueryEscape(string(js)))
}

// TestPrivateByDefaultAndShare proves that in a channel that never chose,
// a grade is shown only to the editor who asked, with a Share in channel
// button that posts it for everyone and removes the private copy; and
// that Details shows the full report, with citations, only to whoever
// clicked.
func TestPrivateByDefaultAndShare(t *testing.T) {
	const drafts = "C0DRAFTS"
	h := newHarness(t)
	c := slacktest.Slash{TeamID: teamID, ChannelID: drafts, UserID: editor, Text: "China admits hacking", TriggerID: trigger(1), ResponseURL: h.slack.ResponseURL(trigger(1))}
	h.post("/slack/commands", slacktest.FormType, c.Body())
	sub := h.waitState(1, storage.Posted)
	eph := h.slack.Calls("chat.postEphemeral")
	if len(eph) != 1 || eph[0].Form.Get("user") != editor || !strings.Contains(eph[0].Blocks(), `"action_id":"share"`) {
		t.Fatalf("ephemeral replies = %v, want one to the editor with Share in channel", eph)
	}
	if n := len(h.slack.Calls("chat.postMessage")); n != 0 {
		t.Fatalf("%d public posts, want none by default", n)
	}

	details := slacktest.BlockAction(teamID, drafts, editor, trigger(2), sub.PostedTS, bot.ActionDetails, "1", true)
	h.post("/slack/interactivity", slacktest.FormType, withResponseURL(t, details, h.slack.ResponseURL("details")))
	got := h.slack.WaitCalls("response_url", 1, 5*time.Second)
	if len(got) != 1 || got[0].JSON["response_type"] != "ephemeral" || !strings.Contains(got[0].Blocks(), "¶2") {
		t.Fatalf("details = %v, want the full report with citations, only to the clicker", got)
	}

	share := slacktest.BlockAction(teamID, drafts, editor, trigger(3), sub.PostedTS, bot.ActionShare, "1", true)
	h.post("/slack/interactivity", slacktest.FormType, withResponseURL(t, share, h.slack.ResponseURL("share")))
	posts := h.slack.WaitCalls("chat.postMessage", 1, 5*time.Second)
	if len(posts) != 1 || posts[0].Form.Get("channel") != drafts || strings.Contains(posts[0].Blocks(), `"action_id":"share"`) || !strings.Contains(posts[0].Blocks(), "Grade F") {
		t.Fatalf("shared posts = %v, want the grade in the channel without a Share button", posts)
	}
	got = h.slack.WaitCalls("response_url", 2, 5*time.Second)
	if len(got) != 2 || got[1].JSON["delete_original"] != true {
		t.Errorf("response_url calls = %v, want the private copy deleted", got)
	}

	// "/factcheck reply channel" makes the channel's grades public.
	h.post("/slack/commands", slacktest.FormType, slacktest.Slash{TeamID: teamID, ChannelID: drafts, UserID: editor, Text: "reply channel", TriggerID: trigger(4)}.Body())
	c.TriggerID, c.ResponseURL = trigger(5), h.slack.ResponseURL(trigger(5))
	h.post("/slack/commands", slacktest.FormType, c.Body())
	h.waitState(2, storage.Posted)
	if n := len(h.slack.Calls("chat.postMessage")); n != 2 {
		t.Errorf("%d public posts after reply channel, want 2", n)
	}
}

// TestDisputeSupersedesAndRegrades proves an override computes the letter
// again (the original kept and shown), and a second override by the same
// editor on the same criterion replaces the first: the modal shows the
// verdict as it stands, and only the later override counts.
func TestDisputeSupersedesAndRegrades(t *testing.T) {
	h := newHarness(t)
	h.command("China admits hacking", trigger(1))
	sub := h.waitState(1, storage.Posted)
	dispute := func(n int, verdict string) (map[string]any, string) {
		t.Helper()
		click := slacktest.BlockAction(teamID, channel, editor, trigger(10+n), sub.PostedTS, bot.ActionDispute, "1", false)
		h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(click))
		opens := h.slack.WaitCalls("views.open", n, 5*time.Second)
		if len(opens) != n {
			t.Fatalf("%d modals, want %d", len(opens), n)
		}
		view := opens[n-1].JSON["view"].(map[string]any)
		p := slacktest.ViewSubmission(teamID, editor, "V1", "h"+verdict, "dispute", view["private_metadata"].(string), map[string]map[string]any{
			"criterion": {"criterion": slacktest.Selected("admission")},
			"verdict":   {"verdict": slacktest.Selected(verdict)},
			"reason":    {"reason": slacktest.TextInput("¶2 says the remarks were indirect")},
		})
		if status, body := h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(p)); status != 200 || body != "" {
			t.Fatalf("dispute = %d %s", status, body)
		}
		posts := h.slack.WaitCalls("chat.postMessage", 1+n, 5*time.Second)
		return view, posts[len(posts)-1].Form.Get("text")
	}
	_, ack := dispute(1, "pass")
	if !strings.Contains(ack, "fail → pass") || !strings.Contains(ack, "After disputes: *B · 80/100* (graded F · 20/100; the original grade is kept)") {
		t.Errorf("first ack = %q, want the letter computed again beside the original", ack)
	}
	view, ack := dispute(2, "partial")
	if !strings.Contains(mustMarshal(view), "(now pass)") {
		t.Errorf("second modal does not show the verdict as it stands: %s", mustMarshal(view))
	}
	if !strings.Contains(ack, "pass → partial, replacing their override #1") || !strings.Contains(ack, "After disputes: *D · 50/100*") {
		t.Errorf("second ack = %q, want it to replace the first override", ack)
	}
	ovs, _ := h.store.OverridesFor(t.Context(), 1)
	if len(ovs) != 2 || len(storage.Standing(ovs)) != 1 {
		t.Errorf("%d overrides stored, %d standing; want both kept and one standing", len(ovs), len(storage.Standing(ovs)))
	}
}

// TestShareFromDirectMessage proves that "Share in channel" on a private
// reply that reached its editor by direct message (factgrade could not
// post in the channel, and the request's response_url had expired) shares
// it in the channel the editor asked in, never in the direct message; and
// that when it cannot post there either, the editor is told why and
// nothing is posted anywhere.
func TestShareFromDirectMessage(t *testing.T) {
	const drafts = "C0DRAFTS"
	h := newHarness(t)
	h.slack.NotMember(drafts)
	h.slack.ExpireResponseURL(trigger(1))
	c := slacktest.Slash{TeamID: teamID, ChannelID: drafts, UserID: editor, Text: "China admits hacking", TriggerID: trigger(1), ResponseURL: h.slack.ResponseURL(trigger(1))}
	h.post("/slack/commands", slacktest.FormType, c.Body())
	sub := h.waitState(1, storage.Posted)
	delivered := func() (dm []slacktest.Call, inDrafts []slacktest.Call) {
		for _, p := range h.slack.Calls("chat.postMessage") {
			switch p.Form.Get("channel") {
			case editor, sub.ReplyChannel:
				dm = append(dm, p)
			case drafts:
				inDrafts = append(inDrafts, p)
			}
		}
		return dm, inDrafts
	}
	dm, _ := delivered()
	if sub.ReplyChannel == drafts || len(dm) != 1 || !strings.Contains(dm[0].Blocks(), `"action_id":"share"`) {
		t.Fatalf("reply went to %s (%d direct messages), want one direct message with Share in channel", sub.ReplyChannel, len(dm))
	}

	// Still not a member: nothing posted, the editor told why.
	click := slacktest.BlockAction(teamID, sub.ReplyChannel, editor, trigger(2), sub.PostedTS, bot.ActionShare, "1", false)
	h.post("/slack/interactivity", slacktest.FormType, withResponseURL(t, click, h.slack.ResponseURL("share1")))
	told := waitResponse(h, "share1")
	if told == nil || told.JSON["response_type"] != "ephemeral" || !strings.Contains(fmt.Sprint(told.JSON["text"]), "could not share this grade in <#"+drafts+">") ||
		!strings.Contains(fmt.Sprint(told.JSON["text"]), "not a member of that channel") {
		t.Fatalf("editor told %v, want why the grade could not be shared", told)
	}
	if dm, in := delivered(); len(dm) != 1 || len(in) != 0 {
		t.Fatalf("after a refused share: %d direct messages, %d posts in the channel; want the one direct message only", len(dm), len(in))
	}

	// Invited: shared in the channel asked in, the direct message kept.
	h.slack.Join(drafts)
	click = slacktest.BlockAction(teamID, sub.ReplyChannel, editor, trigger(3), sub.PostedTS, bot.ActionShare, "1", false)
	h.post("/slack/interactivity", slacktest.FormType, withResponseURL(t, click, h.slack.ResponseURL("share2")))
	told = waitResponse(h, "share2")
	if told == nil || !strings.Contains(fmt.Sprint(told.JSON["text"]), "Shared in <#"+drafts+">") {
		t.Fatalf("editor told %v, want where it was shared", told)
	}
	dm, in := delivered()
	if len(dm) != 1 || len(in) != 1 || !strings.Contains(in[0].Blocks(), "Grade F") || strings.Contains(in[0].Blocks(), `"action_id":"share"`) {
		t.Fatalf("after sharing: %d direct messages, %d posts in the channel; want the grade once in %s, without Share", len(dm), len(in), drafts)
	}
	for _, c := range h.slack.Calls("response_url") {
		if c.JSON["delete_original"] == true {
			t.Errorf("the direct message was deleted: %v", c)
		}
	}
}

// waitResponse waits for a post to the response_url with the given id.
func waitResponse(h *harness, id string) *slacktest.Call {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		for _, c := range h.slack.Calls("response_url") {
			if c.JSON["response_url_id"] == id {
				return &c
			}
		}
	}
	return nil
}
