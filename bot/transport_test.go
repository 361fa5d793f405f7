package bot_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
)

// TestSSLCheck proves Slack's unsigned certificate check of the slash
// command URL gets 200, as Bolt answers it, and stores nothing; an unsigned
// request that is not one is still refused.
func TestSSLCheck(t *testing.T) {
	h := newHarness(t)
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/slack/commands", strings.NewReader("ssl_check=1&token=deprecated-verification-token"))
	req.Header.Set("Content-Type", slacktest.FormType)
	if status, body := do(t, req); status != http.StatusOK || body != "" {
		t.Errorf("ssl_check = %d %q, want an empty 200", status, body)
	}
	req, _ = http.NewRequest(http.MethodPost, h.srv.URL+"/slack/commands", strings.NewReader(string(slacktest.Slash{TeamID: teamID, ChannelID: channel, UserID: editor, Text: "x", TriggerID: trigger(1)}.Body())))
	req.Header.Set("Content-Type", slacktest.FormType)
	if status, _ := do(t, req); status != http.StatusUnauthorized {
		t.Errorf("unsigned command = %d, want 401", status)
	}
	if n := h.countSubmissions(); n != 0 {
		t.Errorf("%d submissions, want 0", n)
	}
}

// TestUnknownEventsAcknowledged proves event types Slack adds later, which
// slack-go cannot parse, are acknowledged (200) and ignored, and
// app_uninstalled is acknowledged.
func TestUnknownEventsAcknowledged(t *testing.T) {
	h := newHarness(t)
	for _, body := range []string{
		`{"token":"x","team_id":"T0NEWS","api_app_id":"A0FAKE","type":"event_callback","event_id":"Ev900","event_time":1,"event":{"type":"brand_new_future_event","user":"U1","event_ts":"1.2"}}`,
		`{"token":"x","team_id":"T0NEWS","api_app_id":"A0FAKE","type":"event_callback","event_id":"Ev901","event_time":1,"event":{"type":"app_uninstalled"}}`,
		`{"token":"x","type":"app_rate_limited","team_id":"T0NEWS","minute_rate_limited":1518467820,"api_app_id":"A0FAKE"}`,
		`{"type":"a_future_envelope_type"}`,
	} {
		if status, resp := h.post("/slack/events", slacktest.JSONType, []byte(body)); status != http.StatusOK {
			t.Errorf("event %s = %d %s, want 200", body, status, resp)
		}
	}
	if status, _ := h.post("/slack/events", slacktest.JSONType, []byte(`not json`)); status != http.StatusBadRequest {
		t.Errorf("malformed event = %d, want 400", status)
	}
}

// slowStore makes every Submit take delay, like a database under load, and
// counts how many run at once (when inflight is set).
type slowStore struct {
	storage.Store
	delay    time.Duration
	inflight *inflight
}

// inflight counts calls in progress and the most at once.
type inflight struct{ now, peak atomic.Int64 }

func (s slowStore) Submit(ctx context.Context, sub storage.Submission) (storage.Submission, bool, error) {
	if s.inflight != nil {
		n := s.inflight.now.Add(1)
		defer s.inflight.now.Add(-1)
		for p := s.inflight.peak.Load(); n > p && !s.inflight.peak.CompareAndSwap(p, n); p = s.inflight.peak.Load() {
		}
	}
	time.Sleep(s.delay)
	return s.Store.Submit(ctx, sub)
}

// TestSocketModeAcksConcurrently proves that with every insert slowed to
// 100 ms, a burst of 40 slash commands over Socket Mode is handled
// concurrently, not one at a time (one at a time, 12 of 40 were acked
// after Slack's 3 seconds), and boundedly, each stored before its
// acknowledgement, as over HTTP. It checks how many inserts ran at once,
// not a time, so a loaded machine does not make it fail; the slowest
// acknowledgement is logged.
func TestSocketModeAcksConcurrently(t *testing.T) {
	var running inflight
	h := newHarness(t, func(c *bot.Config) {
		c.Store = slowStore{Store: c.Store, delay: 100 * time.Millisecond, inflight: &running}
	})
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
	const n = 40
	sent := map[string]time.Time{}
	for i := range n {
		id := fmt.Sprintf("burst-%d", i)
		sent[id] = time.Now()
		if err := h.slack.Send(slashEnvelope(id, "China admits hacking", trigger(100+i))); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "40 acks", func() bool { return len(h.slack.Acks()) >= n })
	var late int
	var worst time.Duration
	for _, a := range h.slack.Acks() {
		d := a.At.Sub(sent[a.EnvelopeID])
		worst = max(worst, d)
		if d > 3*time.Second {
			late++
		}
		if !strings.Contains(string(a.Payload), "Grading your") {
			t.Errorf("ack of %s = %s, want the stored submission's acknowledgement", a.EnvelopeID, a.Payload)
		}
	}
	peak := running.peak.Load()
	t.Logf("slowest acknowledgement %v (%d after 3 s); at most %d inserts at once", worst, late, peak)
	if peak < 4 || peak > bot.SocketConcurrency {
		t.Errorf("at most %d inserts ran at once, want between 4 and the bound %d", peak, bot.SocketConcurrency)
	}
	if got := h.countSubmissions(); got != n {
		t.Errorf("%d submissions stored, want %d", got, n)
	}
}
