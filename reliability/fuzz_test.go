package reliability

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/sqlite"
)

// FuzzSocketEnvelope sends arbitrary Socket Mode frames to the bot over a
// real WebSocket, each followed by a valid envelope: whatever the frame
// holds, the bot must not crash and must still acknowledge the valid
// envelope that follows (reconnecting if the frame broke the connection).
func FuzzSocketEnvelope(f *testing.F) {
	cmd := slacktest.Slash{TeamID: "T0F", ChannelID: "C0F", UserID: "U0F", Text: "China admits hacking", TriggerID: "fuzz.seed"}
	payload, _ := json.Marshal(cmd.Form())
	for _, seed := range []string{
		fmt.Sprintf(`{"envelope_id":"e1","type":"slash_commands","payload":%s,"accepts_response_payload":true}`, payload),
		`{"envelope_id":"e2","type":"interactive","payload":{"type":"message_action","callback_id":"factcheck_message","trigger_id":"t","team":{"id":"T"},"channel":{"id":"C"},"user":{"id":"U"},"message":{"text":"China admits","ts":"1.2"}}}`,
		`{"envelope_id":"e3","type":"events_api","payload":{"type":"event_callback","event_id":"Ev1","event":{"type":"app_home_opened","tab":"home","user":"U"}}}`,
		`{"envelope_id":"e4","type":"slash_commands","payload":"not an object"}`,
		`{"type":"disconnect","reason":"refresh_requested"}`,
		`{"type":"hello"}`,
		`not json`,
		`{"envelope_id":"","type":"interactive","payload":null}`,
	} {
		f.Add(seed)
	}
	fake := slacktest.NewServer(botToken, "xapp-fuzz")
	f.Cleanup(fake.Close)
	st, err := sqlite.Open(context.Background(), f.TempDir()+"/fuzz.db", storage.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	set, err := rubrics.Load()
	if err != nil {
		f.Fatal(err)
	}
	b, err := bot.New(bot.Config{Store: st, Rubrics: set, DefaultRubric: "volt-typhoon-geneva", Judge: rubric.NewRuleJudge(),
		Slack: slack.New(botToken, slack.OptionAPIURL(fake.APIURL())), ChannelInterval: time.Millisecond})
	if err != nil {
		f.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	f.Cleanup(cancel)
	b.Start(ctx)
	sm := b.NewSocketMode(slack.New(botToken, slack.OptionAPIURL(fake.APIURL()), slack.OptionAppLevelToken("xapp-fuzz")))
	go sm.Run(ctx)
	if err := fake.WaitConnections(1, 10*time.Second); err != nil {
		f.Fatal(err)
	}
	n := 0
	f.Fuzz(func(t *testing.T, frame string) {
		n++
		// The connection may be down after an earlier frame: wait for it.
		for deadline := time.Now().Add(10 * time.Second); !sm.Connected(); time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("Socket Mode did not reconnect")
			}
		}
		fake.SendRaw([]byte(frame))
		id := fmt.Sprintf("sentinel-%d-%d", n, time.Now().UnixNano())
		sentinel := slacktest.Envelope{EnvelopeID: id, Type: "events_api",
			Payload: json.RawMessage(fmt.Sprintf(`{"type":"event_callback","event_id":"Ev%s","event":{"type":"reaction_added","user":"U"}}`, id))}
		// Slack resends an envelope that is not acknowledged, on whatever
		// connection is up; so does this loop.
		for deadline := time.Now().Add(10 * time.Second); ; {
			if err := fake.Send(sentinel); err == nil {
				if _, err := fake.WaitAck(id, 500*time.Millisecond); err == nil {
					return
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("after frame %q the bot no longer acknowledges envelopes", frame)
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}
