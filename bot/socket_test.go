package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
)

func slashEnvelope(id, text, trigger string) slacktest.Envelope {
	form := slacktest.Slash{TeamID: teamID, ChannelID: channel, UserID: editor, Text: text, TriggerID: trigger}.Form()
	payload := map[string]string{}
	for k := range form {
		payload[k] = form.Get(k)
	}
	js, _ := json.Marshal(payload)
	return slacktest.Envelope{EnvelopeID: id, Type: "slash_commands", Payload: js, AcceptsResponsePayload: true}
}

// TestSocketMode proves that over Socket Mode a slash command is
// acknowledged with the ephemeral text and posted once; that a redelivery
// after refresh_requested, and an envelope sent again after the connection
// dropped in the middle of its frame, are acknowledged but handled once;
// and that a message shortcut works across a dropped connection.
func TestSocketMode(t *testing.T) {
	h := newHarness(t)
	api := slack.New(botToken, slack.OptionAPIURL(h.slack.APIURL()), slack.OptionAppLevelToken(appToken))
	sm := h.bot.NewSocketMode(api, socketmode.OptionPingInterval(5*time.Second))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- sm.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	if err := h.slack.WaitConnections(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "connected", sm.Connected)

	// A slash command is stored, acknowledged with the ephemeral text, and posted.
	if err := h.slack.Send(slashEnvelope("env-1", "China admits hacking", trigger(1))); err != nil {
		t.Fatal(err)
	}
	ack, err := h.slack.WaitAck("env-1", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ack.Payload), "Grading your headline") {
		t.Errorf("ack payload = %s", ack.Payload)
	}
	h.waitState(1, storage.Posted)

	// Slack asks for a refresh; the client reconnects and a redelivery of
	// env-1 is acknowledged but not handled again.
	if err := h.slack.Disconnect("refresh_requested"); err != nil {
		t.Fatal(err)
	}
	if err := h.slack.WaitConnections(2, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	env := slashEnvelope("env-1", "China admits hacking", trigger(1))
	env.RetryAttempt, env.RetryReason = 1, "timeout"
	sendAfterHello(t, h, env)
	waitFor(t, "second ack of env-1", func() bool { return countAcks(h, "env-1") == 2 })

	// The connection drops in the middle of env-2's frame; Slack sends it
	// again on the new connection, and it is handled once.
	if err := h.slack.SendPartial(slashEnvelope("env-2", "Beijing confessed to the hacks", trigger(2))); err != nil {
		t.Fatal(err)
	}
	if err := h.slack.WaitConnections(3, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	sendAfterHello(t, h, slashEnvelope("env-2", "Beijing confessed to the hacks", trigger(2)))
	if _, err := h.slack.WaitAck("env-2", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	h.waitState(2, storage.Posted)

	// An interactive envelope (the shortcut) and a dropped connection.
	if err := h.slack.DropConnection(); err != nil {
		t.Fatal(err)
	}
	if err := h.slack.WaitConnections(4, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	shortcut := slacktest.MessageShortcut(teamID, channel, editor, trigger(3), "China admitted it", "1700000500.000100", "")
	sendAfterHello(t, h, slacktest.Envelope{EnvelopeID: "env-3", Type: "interactive", Payload: shortcut})
	if _, err := h.slack.WaitAck("env-3", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	h.waitState(3, storage.Posted)

	time.Sleep(100 * time.Millisecond)
	for id, want := range map[string]int{"env-1": 2, "env-2": 1, "env-3": 1} {
		if got := countAcks(h, id); got != want {
			t.Errorf("%s acknowledged %d times, want %d (once per delivery)", id, got, want)
		}
	}
	if n := h.countSubmissions(); n != 3 {
		t.Errorf("%d submissions, want 3", n)
	}
	if n := len(h.slack.Calls("chat.postMessage")); n != 3 {
		t.Errorf("%d posts, want 3", n)
	}
	if n := h.obs.count(h.obs.requests, "socket/reconnect"); n < 4 {
		t.Errorf("%d connection attempts counted, want at least 4", n)
	}
}

// sendAfterHello sends env once the newest connection is usable: the
// client has read its hello.
func sendAfterHello(t *testing.T, h *harness, env slacktest.Envelope) {
	t.Helper()
	time.Sleep(50 * time.Millisecond)
	if err := h.slack.Send(env); err != nil {
		t.Fatal(err)
	}
}

func countAcks(h *harness, id string) int {
	n := 0
	for _, a := range h.slack.Acks() {
		if a.EnvelopeID == id {
			n++
		}
	}
	return n
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

var _ = bot.CommandName
