package bot_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/sqlite"
)

// The tests in this file make the fake Slack behave as the real one does
// where factgrade once failed silently: a hard rate limit on
// conversations.history, channels the bot has not joined, response_urls
// that expire, Slack Connect, and messages of Slack's full length.

// toEditor returns every call that put a message before someone: posts,
// ephemeral messages and response_url uses.
func toEditor(s *slacktest.Server) []slacktest.Call {
	var out []slacktest.Call
	for _, c := range s.Calls("") {
		switch c.Method {
		case "chat.postMessage", "chat.postEphemeral", "response_url":
			out = append(out, c)
		}
	}
	return out
}

// callText is the text and blocks of a call, for matching.
func callText(c slacktest.Call) string {
	if c.Form != nil {
		return c.Form.Get("text") + c.Form.Get("blocks")
	}
	js, _ := json.Marshal(c.JSON)
	return string(js)
}

// withSlackTimeout bounds each Web API call, so a post whose answer is held
// back times out quickly and its outcome is unknown.
func withSlackTimeout(d time.Duration) harnessOption {
	return func(c *bot.Config) { c.SlackTimeout = d }
}

// withRetrySchedule shortens the retry schedule of failed Slack calls: the
// backoff between retries of one call and how often unfinished posts are
// tried again.
func withRetrySchedule(backoff, resume time.Duration) harnessOption {
	return func(c *bot.Config) { c.RetryBackoff, c.ResumeEvery = backoff, resume }
}

// lostAnswer makes the next chat.postMessage be taken by Slack and its
// answer lost (the connection drops), so the retry must search for it; as
// Slack takes it, bury messages from others follow it in the channel (a
// busy channel), before the retry can search. Nothing here waits on a
// clock: an ordinary call on a loaded machine keeps the default timeout,
// and the chatter is there before the search whenever the search runs.
func lostAnswer(h *harness, bury int) {
	h.slack.Inject("chat.postMessage", slacktest.Fault{Accept: true, Drop: true, Taken: func() { h.slack.AddMessages(channel, bury) }})
}

// TestHistoryRateLimitHoldsOnlyTheSearch proves that a 429 on
// conversations.history (one call a minute, as Slack limits apps outside
// its Marketplace) holds neither the post it guards, which goes once with
// a note after a short wait, nor posts in other channels.
func TestHistoryRateLimitHoldsOnlyTheSearch(t *testing.T) {
	h := newHarness(t)
	h.slack.LimitHistory(time.Minute, 15)
	lostAnswer(h, 100) // a busy channel: the first post sinks
	h.command("China admits hacking", trigger(1))
	start := time.Now()
	sub := h.waitState(1, storage.Posted)
	if d := time.Since(start); d > 20*time.Second { // far below the minute the search is held
		t.Errorf("the post waited %v behind the search", d)
	}
	posts := h.slack.Calls("chat.postMessage")
	if len(posts) != 2 || !strings.Contains(callText(posts[1]), "If this grade shows twice") {
		t.Fatalf("posts = %d, want the lost one and one more with the maybe-twice note", len(posts))
	}
	if sub.PostedTS == "" {
		t.Error("no ts recorded")
	}
	// The search is held (a minute); posts elsewhere are not.
	c := slacktest.Slash{TeamID: teamID, ChannelID: "C0OTHER", UserID: editor, Text: "China admits hacking", TriggerID: trigger(2), ResponseURL: h.slack.ResponseURL(trigger(2))}
	h.post("/slack/commands", slacktest.FormType, c.Body())
	start = time.Now()
	h.waitState(2, storage.Posted)
	if d := time.Since(start); d > 20*time.Second { // far below the minute's hold
		t.Errorf("a post in another channel waited %v", d)
	}
	if n := h.obs.count(h.obs.slack, "chat.postMessage/rate_limited"); n != 0 {
		t.Errorf("chat.postMessage counted %d rate limits; a history limit must not hold posts", n)
	}
	if n := h.obs.count(h.obs.slack, "conversations.history/rate_limited"); n == 0 {
		t.Error("the history limit was never met; the test proves nothing")
	}
}

// TestHistorySearchResumes proves that a search interrupted by Slack's 429
// goes on from the page where it stopped, not from the newest page, and
// finds the earlier post, which is then not posted again.
func TestHistorySearchResumes(t *testing.T) {
	h := newHarness(t)
	h.slack.LimitHistory(time.Second, 15)
	lostAnswer(h, 40)
	h.command("China admits hacking", trigger(1))
	h.waitState(1, storage.Posted)
	if n := len(h.slack.Calls("chat.postMessage")); n != 1 {
		t.Errorf("%d posts, want 1 (the earlier post found)", n)
	}
	seen := map[string]bool{}
	for _, c := range h.slack.Calls("conversations.history") {
		cur := c.Form.Get("cursor")
		if seen[cur] {
			t.Errorf("page %q read twice: the search restarted", cur)
		}
		seen[cur] = true
	}
	if len(seen) != 3 {
		t.Errorf("%d pages read, want 3 (40 messages, 15 a page, the post on the third)", len(seen))
	}
}

// TestAcceptedThenFailedReachesEditor enumerates the ways a submission
// accepted by factgrade can fail afterwards and checks that each ends in
// exactly one message before the editor: the reply somewhere they see it,
// or what happened and what to do.
func TestAcceptedThenFailedReachesEditor(t *testing.T) {
	const private = "G0PRIVATE"
	for _, tc := range []struct {
		name  string
		setup func(h *harness)
		send  func(h *harness)
		want  func(c slacktest.Call) bool
		after func(t *testing.T, h *harness) // more checks, if any
	}{
		{
			name:  "grading fails",
			setup: func(h *harness) { h.stop(); h.judge = failingJudge{}; h.start() },
			send:  func(h *harness) { h.command("China admits hacking", trigger(1)) },
			want: func(c slacktest.Call) bool {
				return c.Method == "chat.postEphemeral" && strings.Contains(callText(c), "Grading failed")
			},
		},
		{
			name:  "grading fails in a channel factgrade has not joined",
			setup: func(h *harness) { h.stop(); h.judge = failingJudge{}; h.start(); h.slack.NotMember(channel) },
			send:  func(h *harness) { h.command("China admits hacking", trigger(1)) },
			want: func(c slacktest.Call) bool {
				return c.Method == "response_url" && c.JSON["response_type"] == "ephemeral" && strings.Contains(callText(c), "Grading failed")
			},
		},
		{
			name:  "slash command in a channel factgrade has not joined",
			setup: func(h *harness) { h.slack.NotMember(channel) },
			send:  func(h *harness) { h.command("China admits hacking", trigger(1)) },
			want: func(c slacktest.Call) bool {
				return c.Method == "response_url" && strings.Contains(callText(c), "Grade")
			},
		},
		{
			name:  "slash command there with its response_url expired",
			setup: func(h *harness) { h.slack.NotMember(channel); h.slack.ExpireResponseURL(trigger(1)) },
			send:  func(h *harness) { h.command("China admits hacking", trigger(1)) },
			want: func(c slacktest.Call) bool {
				return c.Method == "chat.postMessage" && c.Form.Get("channel") == editor &&
					strings.Contains(callText(c), "late") && strings.Contains(callText(c), "not a member of that channel")
			},
		},
		{
			name: "private reply there with its response_url expired",
			setup: func(h *harness) {
				h.slack.NotMember(channel)
				h.slack.ExpireResponseURL(trigger(1))
				h.command("reply private", trigger(9))
			},
			send: func(h *harness) { h.command("China admits hacking", trigger(1)) },
			want: func(c slacktest.Call) bool {
				return c.Method == "chat.postMessage" && c.Form.Get("channel") == editor && strings.Contains(callText(c), "late")
			},
		},
		{
			name:  "shortcut in a private channel factgrade has not joined",
			setup: func(h *harness) { h.slack.NotMember(private) },
			send: func(h *harness) {
				p := slacktest.Shortcut{TeamID: teamID, ChannelID: private, UserID: editor, TriggerID: trigger(1), Text: "China admits hacking",
					TS: "1700000100.000200", ResponseURL: h.slack.ResponseURL(trigger(1))}.Payload()
				h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(p))
			},
			want: func(c slacktest.Call) bool {
				return c.Method == "response_url" && c.JSON["thread_ts"] == "1700000100.000200" && strings.Contains(callText(c), "Grade")
			},
		},
		{
			name:  "shortcut there on a message too long to grade",
			setup: func(h *harness) { h.slack.NotMember(private) },
			send: func(h *harness) {
				p := slacktest.Shortcut{TeamID: teamID, ChannelID: private, UserID: editor, TriggerID: trigger(1), Text: strings.Repeat("é", 40000),
					TS: "1700000100.000200", ResponseURL: h.slack.ResponseURL(trigger(1))}.Payload()
				h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(p))
			},
			want: func(c slacktest.Call) bool {
				return c.Method == "response_url" && c.JSON["response_type"] == "ephemeral" && strings.Contains(callText(c), "Your text is 40000 characters")
			},
		},
		{
			name: "history search rate limited after a lost answer",
			setup: func(h *harness) {
				// The answer is lost by a dropped connection, not a
				// timeout: the other calls keep the default timeout, which
				// a loaded machine stays within (with 300 ms, the post with
				// the note timed out too, now and then).
				h.stop()
				h.start()
				h.slack.LimitHistory(time.Minute, 15)
				lostAnswer(h, 50)
			},
			send: func(h *harness) { h.command("China admits hacking", trigger(1)) },
			want: func(c slacktest.Call) bool {
				return c.Method == "chat.postMessage" && strings.Contains(callText(c), "shows twice")
			},
			// The lost post reached the channel too: two copies, the second saying so.
		},
		{
			// Slack answers 503 to every post in the channel: each attempt
			// retries twice, the resumer tries again until the attempts are
			// spent, then the reply goes through the response_url. The
			// schedule is the production one, shortened (RetryBackoff,
			// ResumeEvery) so that the whole of it runs in milliseconds.
			name: "Slack failing transiently until every retry is spent",
			setup: func(h *harness) {
				h.stop()
				h.start(withSlackTimeout(300*time.Millisecond), withRetrySchedule(time.Millisecond, 5*time.Millisecond))
				h.slack.SetFaultRate("chat.postMessage", 1, slacktest.Fault{Status: http.StatusServiceUnavailable})
			},
			send: func(h *harness) { h.command("China admits hacking", trigger(1)) },
			want: func(c slacktest.Call) bool {
				return c.Method == "response_url" && strings.Contains(callText(c), "Grade")
			},
			after: func(t *testing.T, h *harness) {
				// 11 attempts of 3 calls each (2 retried, the last an
				// error) reached Slack before the fallback.
				retried, failed := h.obs.count(h.obs.slack, "chat.postMessage/retry"), h.obs.count(h.obs.slack, "chat.postMessage/error")
				if retried != 22 || failed != 11 {
					t.Errorf("chat.postMessage: %d retried and %d failed calls before the fallback, want 22 and 11 (11 attempts of 3 calls)", retried, failed)
				}
			},
		},
		{
			// Accepted for a rubric by a process that had it; graded by one
			// restarted with another rubric set that lacks it.
			name: "grading fails: its rubric is gone after a restart with another rubric set",
			setup: func(h *harness) {
				h.stop()
				ctx := context.Background()
				st, err := sqlite.Open(ctx, h.dbPath, storage.Options{})
				if err != nil {
					h.t.Fatal(err)
				}
				_, _, err = st.Submit(ctx, storage.Submission{
					IdempotencyKey: "command:" + teamID + ":" + trigger(1), TeamID: teamID, ChannelID: channel, UserID: editor,
					ReplyChannel: channel, ResponseURL: h.slack.ResponseURL(trigger(1)), Text: "China admits hacking",
					Kind: rubric.Headline, RubricID: "retired-story", RubricVersion: 1, RubricHash: "old",
				})
				st.Close()
				if err != nil {
					h.t.Fatal(err)
				}
			},
			send: func(h *harness) { h.start() },
			want: func(c slacktest.Call) bool {
				return c.Method == "chat.postEphemeral" && strings.Contains(callText(c), "accepted for the rubric `retired-story`, which factgrade no longer has") &&
					strings.Contains(callText(c), "`test-story`")
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, withSlackTimeout(300*time.Millisecond))
			tc.setup(h)
			before := len(toEditor(h.slack))
			tc.send(h)
			deadline := time.Now().Add(20 * time.Second)
			var got []slacktest.Call
			for time.Now().Before(deadline) {
				if got = toEditor(h.slack)[before:]; len(got) > 0 && tc.want(got[len(got)-1]) {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			time.Sleep(200 * time.Millisecond) // anything more would show now
			got = toEditor(h.slack)[before:]
			matched := 0
			for _, c := range got {
				if tc.want(c) {
					matched++
				}
			}
			if matched != 1 {
				var desc []string
				for _, c := range got {
					desc = append(desc, c.Method+" "+truncate(callText(c), 200))
				}
				t.Fatalf("%d matching messages to the editor, want 1; all: %q", matched, desc)
			}
			if n := h.countSubmissions(); n > 0 {
				if s, _ := h.submission(1); s.State == storage.Failed && !strings.Contains(tc.name, "grading fails") {
					t.Errorf("submission failed: %s", s.Error)
				}
			}
			if tc.after != nil {
				tc.after(t, h)
			}
		})
	}
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// TestSlackConnect proves that in a channel shared with another
// organisation, a click and a dispute by its users on factgrade's reply are
// accepted (Slack's view.app_installed_team_id names the workspace factgrade
// is installed in), and a dispute that is truly refused says so in the
// modal instead of closing as if saved.
func TestSlackConnect(t *testing.T) {
	// The partner's user is one of the desk's standards editors, who may
	// dispute any grade.
	h := newHarness(t, func(c *bot.Config) { c.Editors = []string{"U0GUEST"} })
	h.command("reply channel", trigger(9))
	h.command("China admits hacking", trigger(1))
	sub := h.waitState(1, storage.Posted)
	id := "1"
	click := slacktest.BlockAction("T0PARTNER", channel, "U0GUEST", trigger(2), sub.PostedTS, bot.ActionDispute, id, false)
	h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(click))
	opens := h.slack.WaitCalls("views.open", 1, 5*time.Second)
	if len(opens) != 1 {
		t.Fatalf("views.open = %d calls, want the dispute modal", len(opens))
	}
	meta := opens[0].JSON["view"].(map[string]any)["private_metadata"].(string)
	values := map[string]map[string]any{
		"criterion": {"criterion": slacktest.Selected("admission")},
		"verdict":   {"verdict": slacktest.Selected("pass")},
		"reason":    {"reason": slacktest.TextInput("¶2 says indirect")},
	}
	submit := func(team, installed, meta string) (int, string) {
		var p map[string]any
		json.Unmarshal(slacktest.ViewSubmission(team, "U0GUEST", "V1", "h"+team+installed, "dispute", meta, values), &p)
		p["view"].(map[string]any)["app_installed_team_id"] = installed
		js, _ := json.Marshal(p)
		return h.post("/slack/interactivity", slacktest.FormType, []byte("payload="+url.QueryEscape(string(js))))
	}
	if status, body := submit("T0PARTNER", teamID, meta); status != 200 || body != "" {
		t.Fatalf("Slack Connect dispute = %d %s, want it recorded", status, body)
	}
	if ovs, _ := h.store.OverridesFor(t.Context(), 1); len(ovs) != 1 {
		t.Fatalf("%d overrides, want 1", len(ovs))
	}
	// Another workspace's factgrade grade, from elsewhere: refused, in the modal.
	foreign := strings.Replace(meta, channel, "C0ELSEWHERE", 1)
	status, body := submit("T0PARTNER", "T0PARTNER", foreign)
	if status != 200 || !strings.Contains(body, `"response_action":"errors"`) || !strings.Contains(body, "Nothing was saved") {
		t.Errorf("refused dispute = %d %s, want the refusal shown in the modal", status, body)
	}
}
