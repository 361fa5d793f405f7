package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot/slacktest"
)

// replayCase is one file of testdata/slack: a request Slack sends, from
// Slack's SDK test suites, and what factgrade must do with it.
type replayCase struct {
	name      string
	Source    string         `json:"source"`
	Transport string         `json:"transport"` // http or socket
	Endpoint  string         `json:"endpoint"`
	Form      string         `json:"form"`     // a form body (slash commands, ssl_check)
	Payload   map[string]any `json:"payload"`  // an interactivity payload, sent as payload=…
	JSON      map[string]any `json:"json"`     // an Events API body
	Envelope  map[string]any `json:"envelope"` // a Socket Mode envelope
	Set       map[string]any `json:"set"`      // fields the replay changes (dotted paths)
	Unsigned  bool           `json:"unsigned"`
	NotMember string         `json:"not_member"` // a channel the fake says factgrade has not joined
	Expect    struct {
		Status      int     `json:"status"`
		Body        *string `json:"body"`
		Contains    string  `json:"contains"`
		Reply       string  `json:"reply"` // the reply reaches Slack once, containing this
		Via         string  `json:"via"`   // …by this method
		Details     bool    `json:"details"`
		Override    bool    `json:"override"`
		Ack         bool    `json:"ack"`
		AckContains string  `json:"ack_contains"`
	} `json:"expect"`
}

func loadReplay(t *testing.T) []replayCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "slack", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no replay files: %v", err)
	}
	sort.Strings(files)
	var out []replayCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var c replayCase
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !strings.HasPrefix(c.Source, "https://github.com/slackapi/") {
			t.Fatalf("%s: source %q does not say where the payload came from", f, c.Source)
		}
		c.name = strings.TrimSuffix(filepath.Base(f), ".json")
		out = append(out, c)
	}
	return out
}

// setPath sets the dotted path in v (maps, and arrays by index).
func setPath(t *testing.T, v any, path string, value any) {
	t.Helper()
	keys := strings.Split(path, ".")
	for i, k := range keys {
		last := i == len(keys)-1
		switch c := v.(type) {
		case map[string]any:
			if last {
				c[k] = value
				return
			}
			v = c[k]
		case []any:
			n, err := strconv.Atoi(k)
			if err != nil || n >= len(c) {
				t.Fatalf("set %s: bad index %q", path, k)
			}
			if last {
				c[n] = value
				return
			}
			v = c[n]
		default:
			t.Fatalf("set %s: %q is not in the payload", path, k)
		}
	}
}

// prepare applies the case's changes, with {response_url} a response_url
// of the fake Slack.
func (c *replayCase) prepare(t *testing.T, fake *slacktest.Server) {
	for k, v := range c.Set {
		if s, ok := v.(string); ok && s == "{response_url}" {
			v = fake.ResponseURL(c.name)
		}
		switch {
		case c.Form != "":
			form, err := url.ParseQuery(c.Form)
			if err != nil {
				t.Fatal(err)
			}
			form.Set(k, v.(string))
			c.Form = form.Encode()
		case c.Payload != nil:
			setPath(t, c.Payload, k, v)
		case c.Envelope != nil:
			setPath(t, c.Envelope, k, v)
		}
	}
	if c.NotMember != "" {
		fake.NotMember(c.NotMember)
	}
}

// replies are the calls that carry a reply (or a message) to Slack.
func replies(fake *slacktest.Server, want string) []slacktest.Call {
	var out []slacktest.Call
	for _, c := range fake.Calls("") {
		if c.Method != "chat.postMessage" && c.Method != "chat.postEphemeral" && c.Method != "response_url" {
			continue
		}
		text := c.Blocks()
		if c.Form != nil {
			text += c.Form.Get("text")
		}
		if s, ok := c.JSON["text"].(string); ok {
			text += s
		}
		if strings.Contains(text, want) {
			out = append(out, c)
		}
	}
	return out
}

// waitOnce waits for one more call matching want than before and checks
// no second one follows.
func waitOnce(t *testing.T, fake *slacktest.Server, name, want string, before int) slacktest.Call {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for len(replies(fake, want)) <= before {
		if time.Now().After(deadline) {
			t.Fatalf("%s: no reply containing %q reached Slack", name, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	got := replies(fake, want)
	if len(got) != before+1 {
		t.Errorf("%s: %d replies containing %q, want exactly 1", name, len(got)-before, want)
	}
	return got[len(got)-1]
}

// TestReplaySlackPayloads replays real payloads from Slack's SDK test
// suites (testdata/slack, with their sources) against the real server, in
// HTTP mode and in Socket Mode, and checks each is answered as Slack
// expects and each graded one is replied to exactly once.
func TestReplaySlackPayloads(t *testing.T) {
	cases := loadReplay(t)
	const appToken = "xapp-replay-token"
	fake := slacktest.NewServer(serveBotToken, appToken)
	defer fake.Close()
	m := startMain(t, serveEnv(fake, t.TempDir()))
	base := "http://" + m.Addr()
	for _, c := range cases {
		if c.Transport != "http" {
			continue
		}
		c.prepare(t, fake)
		var body []byte
		contentType := slacktest.FormType
		switch {
		case c.Form != "":
			body = []byte(c.Form)
		case c.Payload != nil:
			js, _ := json.Marshal(c.Payload)
			body = []byte("payload=" + url.QueryEscape(string(js)))
		default:
			body, _ = json.Marshal(c.JSON)
			contentType = slacktest.JSONType
		}
		before := len(replies(fake, c.Expect.Reply))
		var req *http.Request
		if c.Unsigned {
			req, _ = http.NewRequest(http.MethodPost, base+c.Endpoint, strings.NewReader(string(body)))
			req.Header.Set("Content-Type", contentType)
		} else {
			var err error
			if req, err = slacktest.SignedRequest(base+c.Endpoint, serveSecret, contentType, body, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.Expect.Status {
			t.Errorf("%s: status %d (%s), want %d", c.name, resp.StatusCode, got, c.Expect.Status)
		}
		if c.Expect.Body != nil && strings.TrimSpace(string(got)) != *c.Expect.Body {
			t.Errorf("%s: body %q, want %q", c.name, got, *c.Expect.Body)
		}
		if !strings.Contains(string(got), c.Expect.Contains) {
			t.Errorf("%s: body %q lacks %q", c.name, got, c.Expect.Contains)
		}
		if c.Expect.Reply != "" {
			call := waitOnce(t, fake, c.name, c.Expect.Reply, before)
			if c.Expect.Via != "" && call.Method != c.Expect.Via {
				t.Errorf("%s: reply by %s, want %s", c.name, call.Method, c.Expect.Via)
			}
		}
		if c.Expect.Details {
			waitOnce(t, fake, c.name, "details_head", 0)
		}
		if c.Expect.Override {
			ovs, err := m.store.OverridesFor(context.Background(), 1)
			if err != nil || len(ovs) != 1 || ovs[0].UserID != "W111" {
				t.Errorf("%s: overrides %+v, %v; want the Slack Connect user's", c.name, ovs, err)
			}
		}
	}

	// Socket Mode: the same program with an app-level token.
	sm := startMain(t, serveEnv(fake, t.TempDir(), "SLACK_APP_TOKEN", appToken))
	_ = sm
	if err := fake.WaitConnections(1, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the client reads its hello
	for _, c := range cases {
		if c.Transport != "socket" {
			continue
		}
		c.prepare(t, fake)
		payload, _ := json.Marshal(c.Envelope["payload"])
		env := slacktest.Envelope{EnvelopeID: c.Envelope["envelope_id"].(string), Type: c.Envelope["type"].(string), Payload: payload}
		env.AcceptsResponsePayload, _ = c.Envelope["accepts_response_payload"].(bool)
		before := len(replies(fake, c.Expect.Reply))
		if err := fake.Send(env); err != nil {
			t.Fatal(err)
		}
		ack, err := fake.WaitAck(env.EnvelopeID, 5*time.Second)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !strings.Contains(string(ack.Payload), c.Expect.AckContains) {
			t.Errorf("%s: ack %s lacks %q", c.name, ack.Payload, c.Expect.AckContains)
		}
		if c.Expect.Reply != "" {
			waitOnce(t, fake, c.name, c.Expect.Reply, before)
		}
	}
}
