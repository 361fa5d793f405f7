package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
)

// TestBurstCollapsedInOneChannel proves that when more replies wait for one
// channel than its budget lets go (here bursts of 2, then one a second),
// those that would wait longer than CollapseAfter go together in one
// message, each grade once, with its editor mentioned and its own
// buttons; every submission is recorded as posted in that message, and a
// click on its buttons there finds it.
func TestBurstCollapsedInOneChannel(t *testing.T) {
	const n = 12
	h := newHarness(t, func(c *bot.Config) {
		c.ChannelInterval, c.ChannelBurst, c.CollapseAfter, c.Workers = time.Second, 2, 500*time.Millisecond, 4
	})
	for i := 1; i <= n; i++ {
		h.command(fmt.Sprintf("China admits hacking, report %d says", i), trigger(i))
	}
	for i := 1; i <= n; i++ {
		h.waitState(int64(i), storage.Posted)
	}
	posts := h.slack.Calls("chat.postMessage")
	if len(posts) >= n || len(posts) < 3 {
		t.Fatalf("%d messages for %d replies, want the first ones alone and the rest collapsed", len(posts), n)
	}
	collapsed := 0
	for i := 1; i <= n; i++ {
		text := fmt.Sprintf("report %d says", i)
		found := 0
		for _, p := range posts {
			found += strings.Count(p.Blocks(), text+"\"") + strings.Count(p.Blocks(), text+"\\n")
		}
		if found != 1 {
			t.Errorf("reply %d appears %d times in the channel's messages, want once", i, found)
		}
		sub, _ := h.submission(int64(i))
		for _, p := range posts {
			if !strings.Contains(p.Form.Get("metadata"), "submission_ids") || !strings.Contains(p.Blocks(), text) {
				continue
			}
			collapsed++
			if p.Form.Get("channel") != channel || !strings.Contains(p.Blocks(), "@"+editor) ||
				!strings.Contains(p.Blocks(), `"block_id":"grade_actions_`+fmt.Sprint(i)+`"`) {
				t.Errorf("collapsed message for reply %d lacks its channel, mention or buttons: %s", i, truncate(p.Blocks(), 300))
			}
			if sub.PostedTS == "" {
				t.Errorf("reply %d posted collapsed but recorded without a ts", i)
			}
		}
	}
	if collapsed == 0 {
		t.Fatalf("no reply went in a collapsed message")
	}
	t.Logf("%d replies in %d messages, %d of them collapsed", n, len(posts), collapsed)
}

// TestCollapsedAnswerLost proves that when Slack takes a collapsed message
// but its answer is lost, the message is not posted again as it is: each
// reply looks for it in the channel (its metadata lists every submission),
// finds it and is recorded there, so every reply is in the channel once.
func TestCollapsedAnswerLost(t *testing.T) {
	h := newHarness(t, withSlackTimeout(300*time.Millisecond), func(c *bot.Config) {
		c.ChannelInterval, c.ChannelBurst, c.CollapseAfter = 300*time.Millisecond, 2, 100*time.Millisecond
	})
	// A burst in one channel: the replies past the channel's bucket are
	// collapsed into one message (its fallback text joins theirs), whose
	// answer Slack loses after taking it.
	const total = 10
	h.slack.Inject("chat.postMessage", slacktest.Fault{Accept: true, Delay: time.Second, When: "\n"})
	for i := 1; i <= total; i++ {
		h.command(fmt.Sprintf("China admits hacking, report %d says", i), trigger(i))
	}
	for i := 1; i <= total; i++ {
		h.waitState(int64(i), storage.Posted)
	}
	time.Sleep(300 * time.Millisecond) // a second copy would show now
	posts := h.slack.Calls("chat.postMessage")
	collapsed := 0
	for _, p := range posts {
		if strings.Contains(p.Form.Get("metadata"), "submission_ids") {
			collapsed++
		}
	}
	for i := 1; i <= total; i++ {
		text := fmt.Sprintf("report %d says", i)
		found := 0
		for _, p := range posts {
			if strings.Contains(p.Form.Get("text"), text) {
				found++
			}
		}
		if found != 1 {
			t.Errorf("reply %d is in %d messages, want 1", i, found)
		}
	}
	if collapsed != 1 {
		for _, p := range posts {
			t.Logf("%s %s", p.Form.Get("metadata"), truncate(p.Form.Get("text"), 80))
		}
		t.Errorf("%d collapsed messages, want 1 (taken once, its lost answer found)", collapsed)
	}
	if n := len(h.slack.Calls("conversations.history")); n == 0 {
		t.Errorf("the channel was not searched after the lost answer")
	}
}
