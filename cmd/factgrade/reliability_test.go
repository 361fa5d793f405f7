package main

import (
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot/slacktest"
)

// TestReliabilitySIGKILL proves that killing 'factgrade serve' with
// SIGKILL (no graceful shutdown) while grades are queued and posts are in
// flight loses nothing and doubles nothing: after a restart on the same
// database every accepted submission is posted exactly once, including a
// post Slack took just before the kill (found again by its metadata).
func TestReliabilitySIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	fake := slacktest.NewServer(serveBotToken, "")
	defer fake.Close()
	fake.SetDelay(200 * time.Millisecond) // posts in flight when the kill comes
	dir := t.TempDir()
	addr := freeAddr(t)
	// The restarted process is the same replica (a pod restarted in
	// place): it takes its own claims back at once.
	envMap := serveEnv(fake, dir, "FACTGRADE_ADDR", addr, "FACTGRADE_WORKERS", "3", "FACTGRADE_INSTANCE", "replica-0")
	start := func() *exec.Cmd { return startServeChild(t, envMap, addr) }
	child := start()
	const n = 24
	var accepted []string
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("China admits hacking U.S. ports, kill case %02d", i)
		c := slacktest.Slash{TeamID: "T0", ChannelID: fmt.Sprintf("C%02d", i%4), UserID: "U0", Text: text, TriggerID: fmt.Sprintf("sigkill.%d", i)}
		if code, body := signedPost(t, "http://"+addr+"/slack/commands", slacktest.FormType, c.Body()); code == 200 && strings.Contains(body, "Grading your") {
			accepted = append(accepted, text)
		}
	}
	fake.WaitCalls("chat.postMessage", 3, 10*time.Second)
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	time.Sleep(300 * time.Millisecond) // posts the dead process started land now
	before := len(fake.Calls("chat.postMessage"))
	start()
	fake.WaitCalls("chat.postMessage", len(accepted), 30*time.Second)
	time.Sleep(500 * time.Millisecond)
	posts := fake.Calls("chat.postMessage")
	lost, doubled := 0, 0
	for _, text := range accepted {
		seen := 0
		for _, p := range posts {
			if strings.Contains(p.Form.Get("text"), text) {
				seen++
			}
		}
		switch {
		case seen == 0:
			lost++
		case seen > 1:
			doubled++
		}
		if seen != 1 {
			t.Errorf("%q posted %d times, want 1", text, seen)
		}
	}
	if len(accepted) != n {
		t.Errorf("%d of %d commands accepted", len(accepted), n)
	}
	if before >= len(accepted) {
		t.Errorf("all %d were posted before the kill; the restart had nothing to resume", before)
	}
	t.Logf("RESULT %d accepted; %d in Slack at the kill, %d posted after the restart; %d lost, %d posted twice; %d history searches", len(accepted), before, len(posts)-before, lost, doubled, len(fake.Calls("conversations.history")))
}
