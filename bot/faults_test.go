package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
)

// replyID finds the submission a reply is about: its context line ends
// with "#ID".
var replyID = regexp.MustCompile(`· #(\d+)"`)

// TestFaultsEveryAcceptedAnswered sends a burst of slash commands over
// Socket Mode, with every insert slowed to 100 ms, into channels where real
// Slack misbehaves: conversations.history limited to one call a minute,
// posts whose answers are lost, private channels factgrade has not joined
// (response_url alive, or expired), ephemeral replies whose answers are
// lost, and checks that within 60 s every
// accepted submission reached its editor exactly once (or, where Slack did
// not let factgrade check for an earlier copy, a second copy says so).
func TestFaultsEveryAcceptedAnswered(t *testing.T) {
	// A client timeout that an ordinary post on a loaded machine stays
	// well within, and lost answers held back far past it.
	const slackTimeout = time.Second
	lost := slacktest.Fault{Accept: true, Delay: 4 * slackTimeout}
	h := newHarness(t, withSlackTimeout(slackTimeout), func(c *bot.Config) {
		c.Store = slowStore{Store: c.Store, delay: 100 * time.Millisecond}
		c.ResumeEvery = time.Second
	})
	h.slack.LimitHistory(time.Minute, 15)
	h.slack.NotMember("G0PRIVATE")
	h.slack.NotMember("G0EXPIRED")
	for range 3 { // three posts and three ephemeral replies taken by Slack whose answers are lost
		h.slack.Inject("chat.postMessage", lost)
		h.slack.Inject("chat.postEphemeral", lost)
	}
	api := slack.New(botToken, slack.OptionAPIURL(h.slack.APIURL()), slack.OptionAppLevelToken(appToken))
	sm := h.bot.NewSocketMode(api, socketmode.OptionPingInterval(5*time.Second))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- sm.Run(ctx) }()
	defer func() { cancel(); <-done }()
	if err := h.slack.WaitConnections(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "connected", sm.Connected)
	time.Sleep(50 * time.Millisecond)

	channels := []string{channel, "G0PRIVATE", "G0EXPIRED", "C0BUSY"}
	const n = 24
	start := time.Now()
	for i := range n {
		ch := channels[i%len(channels)]
		id := trigger(200 + i)
		if ch == "G0EXPIRED" {
			h.slack.ExpireResponseURL(id)
		}
		form := slacktest.Slash{TeamID: teamID, ChannelID: ch, UserID: editor, Text: fmt.Sprintf("China admits hacking, case %d", i), TriggerID: id, ResponseURL: h.slack.ResponseURL(id)}.Form()
		payload := map[string]string{}
		for k := range form {
			payload[k] = form.Get(k)
		}
		js, _ := json.Marshal(payload)
		if err := h.slack.Send(slacktest.Envelope{EnvelopeID: fmt.Sprintf("fault-%d", i), Type: "slash_commands", Payload: js, AcceptsResponsePayload: true}); err != nil {
			t.Fatal(err)
		}
		if i%len(channels) == 3 {
			h.slack.AddMessages("C0BUSY", 20) // a busy channel
		}
	}
	waitFor(t, "every ack", func() bool { return len(h.slack.Acks()) >= n })
	accepted := 0
	for _, a := range h.slack.Acks() {
		if strings.Contains(string(a.Payload), "Grading your") {
			accepted++
		}
	}
	if accepted != n {
		t.Fatalf("%d of %d accepted", accepted, n)
	}

	count := func() (map[string]int, map[string]bool) {
		seen, noted := map[string]int{}, map[string]bool{}
		for _, c := range toEditor(h.slack) {
			m := replyID.FindStringSubmatch(callText(c))
			if m == nil {
				continue
			}
			seen[m[1]]++
			if strings.Contains(callText(c), "shows twice") {
				noted[m[1]] = true
			}
		}
		return seen, noted
	}
	deadline := start.Add(60 * time.Second)
	settled := func() bool { // every submission posted (or failed) in storage
		for i := int64(1); i <= n; i++ {
			if s, err := h.submission(i); err != nil || (s.State != storage.Posted && s.State != storage.Failed) {
				return false
			}
		}
		return true
	}
	for !settled() && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	took := time.Since(start)
	time.Sleep(500 * time.Millisecond) // a second copy would show now
	seen, noted := count()
	for i := 1; i <= n; i++ {
		id := fmt.Sprint(i)
		if s, _ := h.submission(int64(i)); s.State != storage.Posted {
			t.Errorf("submission %s is %s (%s), want posted", id, s.State, s.Error)
		}
		switch k := seen[id]; {
		case k == 1:
		case k == 2 && noted[id]:
		default:
			t.Errorf("submission %s reached its editor %d times (noted %v), want once", id, k, noted[id])
			for _, c := range toEditor(h.slack) {
				if m := replyID.FindStringSubmatch(callText(c)); m != nil && m[1] == id {
					t.Logf("  %s channel=%s %s", c.Method, c.Form.Get("channel"), truncate(callText(c), 120))
				}
			}
		}
	}
	t.Logf("%d submissions answered in %v (%d with a may-show-twice note)", len(seen), took.Round(time.Millisecond), len(noted))
	if took > 60*time.Second {
		t.Errorf("answering took %v, want within 60 s", took)
	}
}
