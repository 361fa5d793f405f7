package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
)

var updateServe = flag.Bool("update-serve", false, "rewrite bot/testdata/serve_*.json")

const (
	serveSecret   = "e2e-signing-secret-0123456789abcdef"
	serveBotToken = "xoxb-e2e-token"
)

func serveEnv(fake *slacktest.Server, dataDir string, extra ...string) map[string]string {
	env := map[string]string{
		"SLACK_BOT_TOKEN":          serveBotToken,
		"SLACK_SIGNING_SECRET":     serveSecret,
		"SLACK_API_URL":            fake.APIURL(),
		"FACTGRADE_ADDR":           "127.0.0.1:0",
		"FACTGRADE_DATA_DIR":       dataDir,
		"FACTGRADE_JUDGE":          "rules",
		"FACTGRADE_SHUTDOWN_GRACE": "5s",
		"FACTGRADE_SHUTDOWN_DRAIN": "0s",
		// These tests follow replies posted in the channel; the default
		// (private) is bot's to test.
		"FACTGRADE_REPLY": "channel",
		// These tests send far more than one editor would.
		"FACTGRADE_USER_LIMIT":    "0",
		"FACTGRADE_CHANNEL_LIMIT": "0",
	}
	for i := 0; i+1 < len(extra); i += 2 {
		env[extra[i]] = extra[i+1]
	}
	return env
}

func startMain(t *testing.T, env map[string]string) *Main {
	t.Helper()
	var logs bytes.Buffer
	m := &Main{Getenv: func(k string) string { return env[k] }, ReadFile: os.ReadFile, LogOutput: &logs, ChannelInterval: time.Millisecond}
	if err := m.Run(context.Background()); err != nil {
		m.Close()
		t.Fatalf("Main.Run: %v", err)
	}
	t.Cleanup(func() {
		m.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	return m
}

func signedPost(t *testing.T, url, contentType string, body []byte) (int, string) {
	t.Helper()
	req, err := slacktest.SignedRequest(url, serveSecret, contentType, body, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeEndToEnd starts the real program against a fake Slack, with the
// embedded rubric and the rule judge, and drives it as Slack would.
func TestServeEndToEnd(t *testing.T) {
	fake := slacktest.NewServer(serveBotToken, "")
	defer fake.Close()
	dir := t.TempDir()
	m := startMain(t, serveEnv(fake, dir))
	base := "http://" + m.Addr()

	if code, _ := get(t, base+"/livez"); code != 200 {
		t.Errorf("/livez = %d", code)
	}
	if code, body := get(t, base+"/readyz"); code != 200 {
		t.Errorf("/readyz = %d %s", code, body)
	}

	cmd := slacktest.Slash{TeamID: "T0E2E", ChannelID: "C0E2E", UserID: "U0E2E", Text: "China admits hacking U.S. infrastructure", TriggerID: "e2e.trigger.1", ResponseURL: fake.ResponseURL("1")}
	code, body := signedPost(t, base+"/slack/commands", slacktest.FormType, cmd.Body())
	if code != 200 || !strings.Contains(body, `"response_type":"ephemeral"`) || !strings.Contains(body, "volt-typhoon-geneva") {
		t.Fatalf("slash command = %d %s", code, body)
	}
	// Slack retries the delivery.
	req, _ := slacktest.SignedRequest(base+"/slack/commands", serveSecret, slacktest.FormType, cmd.Body(), time.Now())
	req.Header.Set(bot.HeaderRetryNum, "1")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Fatalf("retry: %v", err)
	}
	posts := fake.WaitCalls("chat.postMessage", 1, 10*time.Second)
	if len(posts) != 1 {
		t.Fatalf("%d posts, want 1", len(posts))
	}
	goldenServe(t, "serve_grade.json", posts[0].Blocks())

	// The message shortcut answers in the thread.
	sc := slacktest.MessageShortcut("T0E2E", "C0E2E", "U0E2E", "e2e.trigger.2", "Beijing tacitly acknowledged the Volt Typhoon hacks, WSJ reports", "1700000900.000100", "")
	if code, body := signedPost(t, base+"/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(sc)); code != 200 {
		t.Fatalf("shortcut = %d %s", code, body)
	}
	posts = fake.WaitCalls("chat.postMessage", 2, 10*time.Second)
	if len(posts) != 2 || posts[1].Form.Get("thread_ts") != "1700000900.000100" {
		t.Fatalf("shortcut posts = %v", posts)
	}

	// A bad signature is refused and counted.
	req, _ = slacktest.SignedRequest(base+"/slack/commands", "wrong", slacktest.FormType, cmd.Body(), time.Now())
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 401 {
		t.Errorf("bad signature: %v %v", resp, err)
	}
	// The fake records a post before the bot has counted its answer, so the
	// metrics are read until they settle.
	wantMetrics := []string{`factgrade_requests_total{kind="command",outcome="ok"} 1`, `factgrade_requests_total{kind="command",outcome="duplicate"} 1`, `factgrade_slack_api_calls_total{method="chat.postMessage",outcome="ok"} 2`}
	var missing []string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		_, metricsText := get(t, base+"/metrics")
		missing = missing[:0]
		for _, want := range wantMetrics {
			if !strings.Contains(metricsText, want) {
				missing = append(missing, want)
			}
		}
		if len(missing) == 0 || time.Now().After(deadline) {
			break
		}
	}
	for _, want := range missing {
		t.Errorf("/metrics lacks %s", want)
	}

	// A restart on the same database posts nothing again.
	m.Close()
	startMain(t, serveEnv(fake, dir))
	time.Sleep(200 * time.Millisecond)
	if n := len(fake.Calls("chat.postMessage")); n != 2 {
		t.Errorf("%d posts after restart, want 2", n)
	}
}

func goldenServe(t *testing.T, name, blocks string) {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(blocks), &v); err != nil {
		t.Fatalf("blocks are not JSON: %v", err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	path := filepath.Join("..", "..", "bot", "testdata", name)
	if *updateServe {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/factgrade -run TestServe -update-serve)", err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, diff)
	}
}

// TestServeChild is the child process of TestServeSIGTERM; it runs only
// when that test starts it.
func TestServeChild(t *testing.T) {
	if os.Getenv("FACTGRADE_SERVE_CHILD") != "1" {
		t.Skip("helper process for TestServeSIGTERM")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	code := run(ctx, []string{"serve"}, &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv})
	os.Exit(code)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// checkPostedOnce fails the test for each accepted text that the fake Slack
// did not receive in exactly one chat.postMessage (when, if not empty, says
// at which point of the test, as " after the restart").
func checkPostedOnce(t *testing.T, fake *slacktest.Server, accepted map[string]bool, when string) {
	t.Helper()
	seen := map[string]int{}
	for _, p := range fake.Calls("chat.postMessage") {
		for text := range accepted {
			if strings.Contains(p.Form.Get("text"), text) {
				seen[text]++
			}
		}
	}
	for text := range accepted {
		if seen[text] != 1 {
			t.Errorf("%q posted %d times%s, want 1", text, seen[text], when)
		}
	}
}

// startServeChild starts factgrade serve as a child process (this test
// binary running TestServeChild) with env, waits until /readyz on addr
// answers 200, and kills it when the test ends.
func startServeChild(t *testing.T, env map[string]string, addr string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeChild$")
	cmd.Env = append(os.Environ(), "FACTGRADE_SERVE_CHILD=1")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var logs bytes.Buffer
	cmd.Stderr, cmd.Stdout = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait() // already waited for by a test that stopped it: an error, ignored
		if t.Failed() {
			t.Logf("child log:\n%s", logs.String())
		}
	})
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return cmd
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("child did not become ready")
		}
	}
}

// TestServeSIGTERM sends SIGTERM to a serving child process while grades
// are queued and posts are slow, starts it again on the same database, and
// checks that every accepted submission was posted exactly once.
func TestServeSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	fake := slacktest.NewServer(serveBotToken, "")
	defer fake.Close()
	fake.SetDelay(150 * time.Millisecond)
	dir := t.TempDir()
	addr := freeAddr(t)
	envMap := serveEnv(fake, dir, "FACTGRADE_ADDR", addr, "FACTGRADE_WORKERS", "2", "FACTGRADE_SHUTDOWN_GRACE", "3s")
	start := func() *exec.Cmd { return startServeChild(t, envMap, addr) }
	child := start()
	const n = 20
	accepted := map[string]bool{}
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("China admits hacking U.S. ports, case %02d", i)
		c := slacktest.Slash{TeamID: "T0", ChannelID: fmt.Sprintf("C%02d", i%3), UserID: "U0", Text: text, TriggerID: fmt.Sprintf("sigterm.%d", i)}
		code, body := signedPost(t, "http://"+addr+"/slack/commands", slacktest.FormType, c.Body())
		if code == 200 && strings.Contains(body, "Grading your") {
			accepted[text] = true
		}
	}
	fake.WaitCalls("chat.postMessage", 2, 10*time.Second) // some in flight
	if err := child.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := child.Wait(); err != nil {
		t.Fatalf("child exit after SIGTERM: %v", err)
	}
	before := len(fake.Calls("chat.postMessage"))
	if before >= len(accepted) {
		t.Logf("all %d posted before SIGTERM took effect; the restart has nothing to resume", before)
	}
	child = start()
	fake.WaitCalls("chat.postMessage", len(accepted), 30*time.Second)
	time.Sleep(300 * time.Millisecond) // a post made twice would arrive now
	checkPostedOnce(t, fake, accepted, "")
	if len(accepted) != n {
		t.Errorf("%d of %d commands accepted", len(accepted), n)
	}
	t.Logf("%d accepted, %d posted before SIGTERM, %d after restart", len(accepted), before, len(fake.Calls("chat.postMessage"))-before)
	child.Process.Signal(syscall.SIGTERM)
	child.Wait()
}
