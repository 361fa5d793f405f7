package main

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot/slacktest"
)

// TestServeSIGTERMWhileRateLimited sends SIGTERM while Slack answers every
// chat.postMessage with 429 and Retry-After: 600: serve must still exit
// within FACTGRADE_SHUTDOWN_DRAIN + FACTGRADE_SHUTDOWN_GRACE (the wait on
// Slack's Retry-After ends with the shutdown), and what it could not post
// stays stored: the next start, with Slack answering again, posts each
// accepted submission exactly once.
func TestServeSIGTERMWhileRateLimited(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	fake := slacktest.NewServer(serveBotToken, "")
	defer fake.Close()
	fake.RateLimit("chat.postMessage", 10000, 600*time.Second)
	dir := t.TempDir()
	addr := freeAddr(t)
	const drain, grace = 500 * time.Millisecond, 2 * time.Second
	envMap := serveEnv(fake, dir, "FACTGRADE_ADDR", addr, "FACTGRADE_WORKERS", "2",
		"FACTGRADE_SHUTDOWN_DRAIN", drain.String(), "FACTGRADE_SHUTDOWN_GRACE", grace.String())
	child := startServeChild(t, envMap, addr)
	const n = 6
	accepted := map[string]bool{}
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("China admits hacking U.S. ports, limited case %02d", i)
		c := slacktest.Slash{TeamID: "T0", ChannelID: fmt.Sprintf("C%02d", i%3), UserID: "U0", Text: text, TriggerID: fmt.Sprintf("limited.%d", i)}
		code, body := signedPost(t, "http://"+addr+"/slack/commands", slacktest.FormType, c.Body())
		if code == 200 && strings.Contains(body, "Grading your") {
			accepted[text] = true
		}
	}
	if len(accepted) != n {
		t.Fatalf("%d of %d commands accepted", len(accepted), n)
	}
	// Slack has answered 429 at least once: the workers now wait on its
	// Retry-After.
	for deadline := time.Now().Add(10 * time.Second); fake.RateLimitsLeft("chat.postMessage") == 10000; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no chat.postMessage reached Slack")
		}
	}
	time.Sleep(200 * time.Millisecond)
	sent := time.Now()
	if err := child.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- child.Wait() }()
	limit := drain + grace + 1500*time.Millisecond // the rest: closing the database, process exit
	select {
	case err := <-exited:
		took := time.Since(sent)
		t.Logf("exited %v after SIGTERM (drain %v, grace %v), err %v", took.Round(time.Millisecond), drain, grace, err)
		if took > limit {
			t.Errorf("exit took %v, want within %v", took, limit)
		}
	case <-time.After(limit + 20*time.Second):
		child.Process.Signal(syscall.SIGQUIT) // its goroutines, in the log
		<-exited
		t.Fatalf("serve still running %v after SIGTERM with Slack answering 429 / Retry-After 600 (drain %v, grace %v)", time.Since(sent).Round(time.Second), drain, grace)
	}

	// Slack answers again: the next start posts what was left, once.
	fake.ClearRateLimits("chat.postMessage")
	child = startServeChild(t, envMap, addr)
	deadline := time.Now().Add(30 * time.Second)
	for {
		seen := map[string]int{}
		for _, p := range fake.Calls("chat.postMessage") {
			for text := range accepted {
				if strings.Contains(p.Form.Get("text"), text) {
					seen[text]++
				}
			}
		}
		if len(seen) == len(accepted) || time.Now().After(deadline) {
			time.Sleep(300 * time.Millisecond) // a post made twice would arrive now
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	checkPostedOnce(t, fake, accepted, " after the restart")
	child.Process.Signal(syscall.SIGTERM)
	child.Wait()
}
