package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
)

// TestBusyChannelDoesNotDelayOthers queues 60 public replies for one channel
// whose pace lets one go every 100 ms (6 s in all; collapsing is off, as
// for replies in threads), then asks in another channel: that reply is
// posted within a second, because a reply waiting for its channel's pace
// waits off the workers. Every reply of the busy channel is posted once,
// and never faster than its channel's pace.
func TestBusyChannelDoesNotDelayOthers(t *testing.T) {
	const n, interval = 60, 100 * time.Millisecond
	h := newHarness(t, func(c *bot.Config) {
		c.ChannelInterval, c.ChannelBurst, c.CollapseAfter, c.Workers = interval, 1, -1, 2
	})
	const other = "C0OTHER"
	if err := h.store.SetChannelSettings(context.Background(), storage.ChannelSettings{TeamID: teamID, ChannelID: other, UpdatedBy: editor}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		if code, body := h.command(fmt.Sprintf("China admits hacking, busy report %d says", i), trigger(i)); code != 200 {
			t.Fatalf("command %d: %d %s", i, code, body)
		}
	}
	h.slack.WaitCalls("chat.postMessage", 3, 10*time.Second) // the busy channel is being paced
	asked := time.Now()
	c := slacktest.Slash{TeamID: teamID, ChannelID: other, UserID: editor, Text: "China admits hacking, quiet report says", TriggerID: trigger(n + 1), ResponseURL: h.slack.ResponseURL(trigger(n + 1))}
	if code, body := h.post("/slack/commands", slacktest.FormType, c.Body()); code != 200 {
		t.Fatalf("other channel: %d %s", code, body)
	}
	sub := h.waitState(n+1, storage.Posted)
	var took time.Duration
	for _, p := range h.slack.Calls("chat.postMessage") {
		if p.Form.Get("channel") == other {
			took = p.At.Sub(asked)
		}
	}
	busyBefore := 0
	for _, p := range h.slack.Calls("chat.postMessage") {
		if p.Form.Get("channel") == channel && p.At.Before(asked.Add(took)) {
			busyBefore++
		}
	}
	t.Logf("other channel's reply posted %v after asking (ts %s); %d of the busy channel's %d posted by then", took.Round(time.Millisecond), sub.PostedTS, busyBefore, n)
	if took <= 0 || took > time.Second {
		t.Errorf("other channel's reply posted %v after asking, want within a second", took)
	}
	for i := 1; i <= n; i++ {
		h.waitState(int64(i), storage.Posted)
	}
	var busy []time.Time
	seen := map[string]int{}
	for _, p := range h.slack.Calls("chat.postMessage") {
		if p.Form.Get("channel") != channel {
			continue
		}
		busy = append(busy, p.At)
		for i := 1; i <= n; i++ {
			if strings.Contains(p.Form.Get("text"), fmt.Sprintf("busy report %d says", i)) {
				seen[fmt.Sprint(i)]++
			}
		}
	}
	if len(busy) != n {
		t.Errorf("%d posts to the busy channel, want %d", len(busy), n)
	}
	for i := 1; i <= n; i++ {
		if seen[fmt.Sprint(i)] != 1 {
			t.Errorf("busy reply %d posted %d times, want once", i, seen[fmt.Sprint(i)])
		}
	}
	// Paced: n posts at one per interval (burst 1) take (n-1) intervals,
	// give or take the fake Slack's own timing.
	if span := busy[len(busy)-1].Sub(busy[0]); span < time.Duration(n-1)*interval*9/10 {
		t.Errorf("busy channel's %d posts went in %v, faster than its pace allows (%v)", n, span, time.Duration(n-1)*interval)
	}
}
