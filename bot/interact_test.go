package bot_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
)

func TestShortcutDisputeAndSource(t *testing.T) {
	h := newHarness(t)
	// The shortcut on a message in a thread answers in that thread.
	payload := slacktest.MessageShortcut(teamID, channel, editor, trigger(1), "China &amp; Beijing admit hacking", "1700000100.000200", "1700000000.000100")
	if status, body := h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(payload)); status != 200 || body != "" {
		t.Fatalf("shortcut = %d %q, want an empty 200", status, body)
	}
	h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(payload), bot.HeaderRetryNum, "1")
	sub := h.waitState(1, storage.Posted)
	if sub.ThreadTS != "1700000000.000100" || sub.Text != "China & Beijing admit hacking" {
		t.Errorf("stored shortcut = thread %q text %q", sub.ThreadTS, sub.Text)
	}
	posts := h.slack.Calls("chat.postMessage")
	if len(posts) != 1 || posts[0].Form.Get("thread_ts") != "1700000000.000100" {
		t.Fatalf("posts = %v, want one in the thread", posts)
	}

	// Dispute opens a modal listing the grade's criteria.
	id := strconv.FormatInt(sub.ID, 10)
	click := slacktest.BlockAction(teamID, channel, editor, trigger(2), sub.PostedTS, bot.ActionDispute, id, false)
	if status, _ := h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(click)); status != 200 {
		t.Fatalf("dispute click = %d", status)
	}
	opens := h.slack.WaitCalls("views.open", 1, 5*time.Second)
	if len(opens) != 1 || opens[0].JSON["trigger_id"] != trigger(2) {
		t.Fatalf("views.open = %v", opens)
	}
	view := opens[0].JSON["view"].(map[string]any)
	meta, _ := view["private_metadata"].(string)
	if !strings.Contains(opens[0].Blocks(), "") || !strings.Contains(mustMarshal(view), "Admitted, or tacit? (now fail)") {
		t.Errorf("modal does not list the criteria: %s", mustMarshal(view))
	}

	// Submitting it with a verdict equal to the current one is refused in the form.
	submit := func(verdict, reason string) (int, string) {
		p := slacktest.ViewSubmission(teamID, editor, "V1", "h"+verdict, "dispute", meta, map[string]map[string]any{
			"criterion": {"criterion": slacktest.Selected("admission")},
			"verdict":   {"verdict": slacktest.Selected(verdict)},
			"reason":    {"reason": slacktest.TextInput(reason)},
		})
		return h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(p))
	}
	if status, body := submit("fail", "x"); status != 200 || !strings.Contains(body, `"response_action":"errors"`) {
		t.Errorf("same-verdict dispute = %d %s, want field errors", status, body)
	}
	if status, body := submit("pass", "¶2 says it was <!channel> indirect"); status != 200 || body != "" {
		t.Fatalf("dispute = %d %s", status, body)
	}
	ovs, err := h.store.OverridesFor(context.Background(), sub.ID)
	if err != nil || len(ovs) != 1 || ovs[0].Verdict != "pass" || ovs[0].UserID != editor {
		t.Fatalf("overrides = %+v, %v", ovs, err)
	}
	posts = h.slack.WaitCalls("chat.postMessage", 2, 5*time.Second)
	ack := posts[1].Form
	if ack.Get("thread_ts") != sub.PostedTS || !strings.Contains(ack.Get("text"), "disputed *Admitted, or tacit?*: fail → pass") || strings.Contains(ack.Get("text"), "<!channel>") {
		t.Errorf("dispute ack = %v", ack)
	}

	// Source shows the cited paragraphs in the thread.
	click = slacktest.BlockAction(teamID, channel, editor, trigger(3), sub.PostedTS, bot.ActionSource, id, false)
	h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(click))
	posts = h.slack.WaitCalls("chat.postMessage", 3, 5*time.Second)
	if len(posts) != 3 {
		t.Fatalf("%d posts, want 3", len(posts))
	}
	src := posts[2].Form
	if src.Get("thread_ts") != sub.PostedTS || !strings.Contains(src.Get("blocks"), "*¶2*") || !strings.Contains(src.Get("blocks"), `\u0026lt;!channel\u0026gt;`) {
		t.Errorf("source reply = %v", src)
	}

	// A click from another workspace, on a message that is not the reply
	// (another channel), is refused. (One on the reply in a Slack Connect
	// channel is not: TestSlackConnect.)
	click = slacktest.BlockAction("T0OTHER", "C0ELSEWHERE", editor, trigger(4), sub.PostedTS, bot.ActionSource, id, false)
	if status, _ := h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(click)); status != 200 {
		t.Errorf("foreign click status %d", status)
	}
	time.Sleep(50 * time.Millisecond)
	if n := len(h.slack.Calls("chat.postMessage")); n != 3 {
		t.Errorf("%d posts after a foreign click, want 3", n)
	}
}

func mustMarshal(v any) string {
	js, _ := json.Marshal(v)
	return string(js)
}

// FuzzSlackRequests posts arbitrary, correctly signed bodies to every
// endpoint: nothing panics, the status is one of the expected ones, and a
// refused request stores nothing.
func FuzzSlackRequests(f *testing.F) {
	f.Add(0, string(slacktest.Slash{TeamID: teamID, ChannelID: channel, UserID: editor, Text: "China admits", TriggerID: "t1"}.Body()))
	f.Add(0, "team_id=T&channel_id=C&user_id=U&command=%2Ffactcheck&text=--rubric")
	f.Add(0, "text=%%%&&&==")
	f.Add(1, string(slacktest.InteractionBody(slacktest.MessageShortcut(teamID, channel, editor, "t2", "x", "1.2", ""))))
	f.Add(1, "payload=%7B%22type%22%3A%22block_actions%22%7D")
	f.Add(1, "payload=null")
	f.Add(2, string(slacktest.AppHomeOpened(teamID, editor, "Ev1")))
	f.Add(2, `{"type":"event_callback","event":[]}`)
	h := newHarness(f)
	handler := h.bot.HTTPHandler(&bot.Verifier{Secret: []byte(secret)})
	paths := []string{"/slack/commands", "/slack/interactivity", "/slack/events"}
	types := []string{slacktest.FormType, slacktest.FormType, slacktest.JSONType}
	f.Fuzz(func(t *testing.T, which int, body string) {
		i := ((which % 3) + 3) % 3
		req, err := slacktest.SignedRequest("http://factgrade"+paths[i], secret, types[i], []byte(body), time.Now())
		if err != nil {
			t.Skip("not a request")
		}
		before := h.countSubmissions()
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			if after := h.countSubmissions(); after != before {
				t.Errorf("refused request (%d) stored a submission", rec.Code)
			}
		default:
			t.Errorf("status %d for a signed body %q", rec.Code, body)
		}
	})
}
