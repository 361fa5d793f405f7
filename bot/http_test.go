package bot_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
)

// TestCommandGradesAndPostsOnce proves that a slash command is stored before
// it is acknowledged (an ephemeral "Grading your headline…"), that Slack's
// retry of the same delivery is answered without a second submission, and
// that the grade is posted once, in the channel, quoting the editor's text.
func TestCommandGradesAndPostsOnce(t *testing.T) {
	h := newHarness(t)
	status, body := h.command("China admits hacking U.S. infrastructure", trigger(1))
	if status != http.StatusOK {
		t.Fatalf("status %d, body %s", status, body)
	}
	var ack struct {
		ResponseType string `json:"response_type"`
		Text         string `json:"text"`
	}
	if err := json.Unmarshal([]byte(body), &ack); err != nil {
		t.Fatalf("ack %q: %v", body, err)
	}
	if ack.ResponseType != "ephemeral" || !strings.Contains(ack.Text, "Grading your headline against `test-story` v2") {
		t.Errorf("ack = %+v, want an ephemeral 'Grading your headline…'", ack)
	}
	// Stored before the acknowledgement: the row exists as soon as the ack is back.
	if _, err := h.submission(1); err != nil {
		t.Fatalf("submission 1 not stored at ack time: %v", err)
	}
	// Slack retries the same delivery.
	status, _ = h.command("China admits hacking U.S. infrastructure", trigger(1), bot.HeaderRetryNum, "1")
	if status != http.StatusOK {
		t.Fatalf("retry status %d", status)
	}
	sub := h.waitState(1, storage.Posted)
	h.slack.WaitCalls("chat.postMessage", 1, 5*time.Second)
	time.Sleep(50 * time.Millisecond) // a second post, if any, would arrive now
	calls := h.slack.Calls("chat.postMessage")
	if len(calls) != 1 {
		t.Fatalf("%d posts, want 1", len(calls))
	}
	if n := h.countSubmissions(); n != 1 {
		t.Errorf("%d submissions stored, want 1", n)
	}
	c := calls[0].Form
	if c.Get("channel") != channel || c.Get("unfurl_links") != "false" || c.Get("text") == "" {
		t.Errorf("post form = %v, want channel %s, unfurl_links false and a fallback text", c, channel)
	}
	if sub.PostedTS == "" || sub.ReplyChannel != channel {
		t.Errorf("stored post = %q in %q", sub.PostedTS, sub.ReplyChannel)
	}
	if !strings.Contains(c.Get("blocks"), "China admits hacking") {
		t.Errorf("blocks do not quote the editor's text: %s", c.Get("blocks"))
	}
	if got := h.obs.count(h.obs.requests, "command/duplicate"); got != 1 {
		t.Errorf("duplicate requests counted %d, want 1", got)
	}
}

func TestCommandActions(t *testing.T) {
	h := newHarness(t)
	for _, tc := range []struct {
		name, text, want string
	}{
		{"empty", "", "*factgrade* grades"},
		{"help", "help", "/factcheck use ID"},
		{"rubrics", "rubrics", "`test-story` v2: Officials &amp; the &lt;hack&gt; story (<https://example.com/story?id=1&amp;ref=slack|source>)"},
		{"use unknown", "use nope", "There is no rubric `nope`"},
		{"use", "use test-story", "This channel now grades against `test-story`"},
		{"unknown rubric", "--rubric other China hacked", "There is no rubric `other`"},
		{"unknown option", "--fast China hacked", "Unknown option `--fast`"},
		{"too long", strings.Repeat("word ", 1000), "factgrade grades at most 4000"},
		{"reply private", "reply private", "shown only to whoever asked"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := h.command(tc.text, trigger(100))
			var ack struct{ Text string }
			json.Unmarshal([]byte(body), &ack)
			if status != http.StatusOK || !strings.Contains(ack.Text, tc.want) {
				t.Errorf("/factcheck %.20q = %d %q, want 200 containing %q", tc.text, status, ack.Text, tc.want)
			}
		})
	}
	if n := h.countSubmissions(); n != 0 {
		t.Errorf("%d submissions stored by non-grading commands, want 0", n)
	}
	s, err := h.store.ChannelSettings(context.Background(), teamID, channel)
	if err != nil || s.DefaultRubric != "test-story" || !s.Ephemeral {
		t.Errorf("channel settings = %+v, %v; want test-story and ephemeral", s, err)
	}
	// With "reply private" the grade goes to the editor alone.
	h.command("--summary China admits hacking. More text here.", trigger(101))
	h.waitState(1, storage.Posted)
	if calls := h.slack.Calls("chat.postEphemeral"); len(calls) != 1 || calls[0].Form.Get("user") != editor {
		t.Errorf("ephemeral posts = %v, want 1 to %s", calls, editor)
	}
	if calls := h.slack.Calls("chat.postMessage"); len(calls) != 0 {
		t.Errorf("%d channel posts, want 0", len(calls))
	}
}

// TestBadRequestsRejected proves that requests Slack did not send are
// refused before anything is stored: forged signatures, altered bodies,
// stale and future timestamps, missing headers, oversized and malformed
// bodies, the wrong content type or method, and a payload smuggled in the
// query string, each with its own HTTP status.
func TestBadRequestsRejected(t *testing.T) {
	h := newHarness(t)
	good := slacktest.Slash{TeamID: teamID, ChannelID: channel, UserID: editor, Text: "China admits hacks", TriggerID: trigger(7)}.Body()
	sign := func(body []byte, at time.Time, s string) *http.Request {
		req, err := slacktest.SignedRequest(h.srv.URL+"/slack/commands", s, slacktest.FormType, body, at)
		if err != nil {
			t.Fatal(err)
		}
		return req
	}
	for _, tc := range []struct {
		name string
		req  func() *http.Request
		want int
	}{
		{"wrong signature", func() *http.Request { return sign(good, time.Now(), "another-secret") }, http.StatusUnauthorized},
		{"stale timestamp", func() *http.Request { return sign(good, time.Now().Add(-6*time.Minute), secret) }, http.StatusUnauthorized},
		{"future timestamp", func() *http.Request { return sign(good, time.Now().Add(6*time.Minute), secret) }, http.StatusUnauthorized},
		{"missing headers", func() *http.Request {
			r := sign(good, time.Now(), secret)
			r.Header.Del(bot.HeaderSignature)
			return r
		}, http.StatusUnauthorized},
		{"body altered", func() *http.Request {
			r := sign(good, time.Now(), secret)
			altered := strings.Replace(string(good), "admits", "denies", 1)
			r.Body = http.NoBody
			r2, _ := http.NewRequest(http.MethodPost, r.URL.String(), strings.NewReader(altered))
			r2.Header = r.Header
			return r2
		}, http.StatusUnauthorized},
		{"oversized", func() *http.Request {
			big := slacktest.Slash{TeamID: teamID, ChannelID: channel, UserID: editor, Text: strings.Repeat("x", bot.DefaultMaxBody), TriggerID: trigger(8)}.Body()
			return sign(big, time.Now(), secret)
		}, http.StatusRequestEntityTooLarge},
		{"wrong content type", func() *http.Request {
			r := sign(good, time.Now(), secret)
			r.Header.Set("Content-Type", "application/json")
			return r
		}, http.StatusUnsupportedMediaType},
		{"missing fields", func() *http.Request { return sign([]byte("text=China+admits"), time.Now(), secret) }, http.StatusBadRequest},
		{"malformed form", func() *http.Request { return sign([]byte("text=%zz&team_id=T"), time.Now(), secret) }, http.StatusBadRequest},
		{"payload in query string", func() *http.Request {
			payload := slacktest.MessageShortcut(teamID, channel, editor, trigger(9), "China admits", "1700000000.000100", "")
			req, _ := slacktest.SignedRequest(h.srv.URL+"/slack/interactivity?payload="+string(slacktest.InteractionBody(payload))[len("payload="):], secret, slacktest.FormType, nil, time.Now())
			return req
		}, http.StatusBadRequest},
		{"GET", func() *http.Request {
			r, _ := http.NewRequest(http.MethodGet, h.srv.URL+"/slack/commands?"+string(good), nil)
			return r
		}, http.StatusMethodNotAllowed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if status, body := do(t, tc.req()); status != tc.want {
				t.Errorf("status %d (%s), want %d", status, body, tc.want)
			}
		})
	}
	// An unknown command is answered, not graded.
	other := slacktest.Slash{TeamID: teamID, ChannelID: channel, UserID: editor, Command: "/grade", Text: "China admits", TriggerID: trigger(10)}.Body()
	if status, body := h.post("/slack/commands", slacktest.FormType, other); status != http.StatusOK || !strings.Contains(body, "answers only") {
		t.Errorf("unknown command: %d %s", status, body)
	}
	if n := h.countSubmissions(); n != 0 {
		t.Errorf("%d submissions stored from bad requests, want 0", n)
	}
	if got := h.obs.count(h.obs.requests, "command/unauthorized"); got != 5 {
		t.Errorf("unauthorized counted %d, want 5", got)
	}
}

func TestEvents(t *testing.T) {
	h := newHarness(t)
	status, body := h.post("/slack/events", slacktest.JSONType, slacktest.URLVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"))
	if status != 200 || !strings.Contains(body, `"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"`) {
		t.Errorf("url_verification = %d %s", status, body)
	}
	if status, _ := h.post("/slack/commands", slacktest.FormType, []byte("ssl_check=1&token=x")); status != 200 {
		t.Errorf("ssl_check = %d, want 200", status)
	}
	// Grade something so Home has content, then open Home twice with the same event (a retry).
	h.command("China admits hacking", trigger(1))
	h.waitState(1, storage.Posted)
	ev := slacktest.AppHomeOpened(teamID, editor, "Ev0HOME1")
	h.post("/slack/events", slacktest.JSONType, ev)
	h.post("/slack/events", slacktest.JSONType, ev, bot.HeaderRetryNum, "1")
	h.slack.WaitCalls("views.publish", 1, 5*time.Second)
	time.Sleep(50 * time.Millisecond) // a second publish, if any, would arrive now
	calls := h.slack.Calls("views.publish")
	if len(calls) != 1 {
		t.Fatalf("%d views.publish, want 1", len(calls))
	}
	blocks := calls[0].Blocks()
	view, _ := json.Marshal(calls[0].JSON["view"])
	for _, want := range []string{"Recent grades", "*F* 20", "1 graded · F: 1", "test-story"} {
		if !strings.Contains(string(view), want) {
			t.Errorf("home view lacks %q: %s %s", want, view, blocks)
		}
	}
}

// TestRateLimitHonoured proves that a 429 from chat.postMessage is waited
// out (its Retry-After, or a second when a 429 comes without one) and
// counted in the metrics, and the reply is then posted once: three 429s in
// a row without Retry-After do not exhaust the post's attempts.
func TestRateLimitHonoured(t *testing.T) {
	for _, tc := range []struct {
		name   string
		limit  func(*slacktest.Server)
		counts int
	}{
		{"with Retry-After", func(s *slacktest.Server) { s.RateLimit("chat.postMessage", 1, time.Second) }, 1},
		{"without Retry-After", func(s *slacktest.Server) {
			s.Inject("chat.postMessage", slacktest.Fault{Status: http.StatusTooManyRequests}, slacktest.Fault{Status: http.StatusTooManyRequests}, slacktest.Fault{Status: http.StatusTooManyRequests})
		}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			tc.limit(h.slack)
			h.command("China admits hacking", trigger(1))
			h.waitState(1, storage.Posted)
			if got := len(h.slack.Calls("chat.postMessage")); got != 1 {
				t.Errorf("%d posts, want 1", got)
			}
			if got := h.obs.count(h.obs.slack, "chat.postMessage/rate_limited"); got != tc.counts {
				t.Errorf("rate_limited counted %d, want %d", got, tc.counts)
			}
		})
	}
}

// TestGradingFailureTellsEditor proves that when grading keeps failing the
// submission is kept as failed with the reason, after its attempts, and the
// editor is told so privately, without the internal error.
func TestGradingFailureTellsEditor(t *testing.T) {
	h := newHarness(t)
	h.stop()
	h.judge = failingJudge{}
	h.start()
	h.command("China admits hacking", trigger(1))
	sub := h.waitState(1, storage.Failed)
	calls := h.slack.WaitCalls("chat.postEphemeral", 1, 5*time.Second)
	if len(calls) != 1 || !strings.Contains(calls[0].Form.Get("text"), "Grading failed. Your submission is kept") {
		t.Fatalf("ephemeral = %v, want the grading-failed message", calls)
	}
	if strings.Contains(calls[0].Form.Get("text"), "model exploded") {
		t.Error("internal error leaked to Slack")
	}
	if !strings.Contains(sub.Error, "model exploded") || sub.Attempts < 5 {
		t.Errorf("stored failure = %q after %d attempts", sub.Error, sub.Attempts)
	}
}

// TestPostFailureResumedAfterRestart proves that a grade whose post kept
// failing stays stored as graded, and a restarted bot posts it, once.
func TestPostFailureResumedAfterRestart(t *testing.T) {
	h := newHarness(t)
	for i := 0; i < 3; i++ {
		h.slack.FailNext("chat.postMessage", "internal_error")
	}
	h.command("China admits hacking", trigger(1))
	h.waitState(1, storage.Graded)
	h.slack.WaitCalls("", 0, 0)
	time.Sleep(3500 * time.Millisecond) // the in-process retries (1 s, 2 s) give up
	if got := len(h.slack.Calls("chat.postMessage")); got != 0 {
		t.Fatalf("%d posts while Slack failed, want 0", got)
	}
	h.stop()
	h.start()
	sub := h.waitState(1, storage.Posted)
	if got := len(h.slack.Calls("chat.postMessage")); got != 1 || sub.PostedTS == "" {
		t.Errorf("%d posts after restart, want 1", got)
	}
}

// TestPermanentPostErrorUsesResponseURL proves that when the bot cannot post
// in the channel (not_in_channel), the grade reaches the editor through the
// command's response_url instead, and the submission is marked posted.
func TestPermanentPostErrorUsesResponseURL(t *testing.T) {
	h := newHarness(t)
	h.slack.FailNext("chat.postMessage", "not_in_channel")
	h.command("China admits hacking", trigger(1))
	h.waitState(1, storage.Posted)
	calls := h.slack.WaitCalls("response_url", 1, 5*time.Second)
	if len(calls) != 1 || calls[0].JSON["response_type"] != "in_channel" || calls[0].Blocks() == "" {
		t.Errorf("response_url calls = %v, want one in_channel reply with blocks", calls)
	}
}

func TestResumeAtStart(t *testing.T) {
	h := newHarness(t)
	h.stop()
	// A submission accepted by a run that died before grading it.
	st, err := openStore(h.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	sub, _, err := st.Submit(context.Background(), storage.Submission{IdempotencyKey: "command:T:x", TeamID: teamID, ChannelID: channel, UserID: editor, ReplyChannel: channel, Text: "China tacitly linked hacks", Kind: "headline", RubricID: "test-story", RubricVersion: 2})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	h.start()
	h.waitState(sub.ID, storage.Posted)
	h.slack.WaitCalls("chat.postMessage", 1, time.Second)
	if got := len(h.slack.Calls("chat.postMessage")); got != 1 {
		t.Errorf("%d posts, want 1", got)
	}
}

// TestBusyQueueQueues proves that, with every worker busy and the queue
// full, a command is still stored and acknowledged with a note that it is
// queued, and once the workers are free every submission is posted once.
func TestBusyQueueQueues(t *testing.T) {
	block := make(chan struct{})
	h := newHarness(t, func(c *bot.Config) {
		c.Workers, c.QueueSize = 1, 1
		c.Judge = blockingJudge{block}
	})
	var outcomes []string
	for i := 0; i < 4; i++ {
		_, body := h.command("China admits hacking "+strconv.Itoa(i), trigger(i))
		outcomes = append(outcomes, body)
	}
	last := outcomes[len(outcomes)-1]
	if !strings.Contains(last, "Grading your") || !strings.Contains(last, "busy: your submission is saved and queued") {
		t.Errorf("4th command with 1 worker and a queue of 1 = %s, want it queued with a note", last)
	}
	if n := h.countSubmissions(); n != 4 {
		t.Errorf("%d stored, want 4", n)
	}
	if got := h.obs.count(h.obs.requests, "command/queued"); got < 1 {
		t.Errorf("queued commands counted %d, want at least 1", got)
	}
	close(block)
	h.slack.WaitCalls("chat.postMessage", 4, 10*time.Second)
	time.Sleep(100 * time.Millisecond) // a fifth post, if any, would arrive now
	if posts := h.slack.Calls("chat.postMessage"); len(posts) != 4 {
		t.Errorf("%d posts, want 4", len(posts))
		for id := int64(1); id <= 4; id++ {
			s, err := h.submission(id)
			t.Logf("submission %d: %s %q %v", id, s.State, s.Error, err)
		}
	}
}
