package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot/slacktest"
)

// sendResult is what became of one slash command sent during a rollout.
type sendResult struct {
	text    string
	sent    time.Time
	at      time.Time
	refused bool  // the connection was refused: nothing was accepted
	err     error // any other failure: a request cut short or refused by HTTP
}

// TestServeDrain is a rollout as Kubernetes does it: slash commands keep
// arriving while the pod gets SIGTERM. It checks that /readyz turns 503
// ("shutdown":"in progress") first, that commands keep being accepted for
// FACTGRADE_SHUTDOWN_DRAIN after that (every command sent in the drain is
// accepted), that the listener closes only then, and that every
// accepted command is posted exactly once (in the grace period, or resumed
// by the next start).
func TestServeDrain(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes and waits out a drain period")
	}
	fake := slacktest.NewServer(serveBotToken, "")
	defer fake.Close()
	fake.SetDelay(10 * time.Millisecond)
	dir := t.TempDir()
	addr := freeAddr(t)
	const drain = 1500 * time.Millisecond
	envMap := serveEnv(fake, dir, "FACTGRADE_ADDR", addr, "FACTGRADE_WORKERS", "2",
		"FACTGRADE_SHUTDOWN_DRAIN", drain.String(), "FACTGRADE_SHUTDOWN_GRACE", "5s")
	child := startServeChild(t, envMap, addr)
	base := "http://" + addr

	var (
		mu       sync.Mutex
		results  []sendResult
		first503 time.Time
		body503  string
	)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	// Three senders, each sending until its connection is refused.
	for s := 0; s < 3; s++ {
		wg.Add(1)
		go func(s int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				case <-time.After(40 * time.Millisecond):
				}
				text := fmt.Sprintf("China admits hacking U.S. ports, sender %d case %03d", s, i)
				c := slacktest.Slash{TeamID: "T0", ChannelID: fmt.Sprintf("C%d%03d", s, i), UserID: "U0", Text: text, TriggerID: fmt.Sprintf("drain.%d.%d", s, i)}
				r := sendResult{text: text, sent: time.Now()}
				req, err := slacktest.SignedRequest(base+"/slack/commands", serveSecret, slacktest.FormType, c.Body(), time.Now())
				if err != nil {
					t.Error(err)
					return
				}
				resp, err := http.DefaultClient.Do(req)
				r.at = time.Now()
				switch {
				case err != nil && errors.Is(err, syscall.ECONNREFUSED):
					r.refused = true
				case err != nil:
					r.err = err
				default:
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 || !strings.Contains(string(b), "Grading your") {
						r.err = fmt.Errorf("HTTP %d %s", resp.StatusCode, b)
					}
				}
				mu.Lock()
				results = append(results, r)
				mu.Unlock()
				if r.refused {
					return
				}
			}
		}(s)
	}
	// The load balancer's probe.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			resp, err := http.Get(base + "/readyz")
			if err != nil {
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusServiceUnavailable {
				mu.Lock()
				first503, body503 = time.Now(), string(b)
				mu.Unlock()
				return
			}
		}
	}()

	time.Sleep(500 * time.Millisecond)
	sigterm := time.Now()
	if err := child.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := child.Wait(); err != nil {
		t.Errorf("child exit after SIGTERM: %v", err)
	}
	exited := time.Now()
	// Senders still running see refused connections now.
	time.AfterFunc(5*time.Second, func() { close(stop) })
	wg.Wait()

	mu.Lock()
	defer mu.Unlock()
	if first503.IsZero() {
		t.Fatal("/readyz never answered 503 between SIGTERM and exit")
	}
	if !strings.Contains(body503, `"shutdown":"in progress"`) {
		t.Errorf("/readyz while draining = %s, want \"shutdown\":\"in progress\"", body503)
	}
	accepted := map[string]bool{}
	var afterNotReady, beforeTerm int
	var firstRefused time.Time
	for _, r := range results {
		switch {
		case r.refused:
			if firstRefused.IsZero() || r.at.Before(firstRefused) {
				firstRefused = r.at
			}
		case r.err != nil && r.sent.Before(first503.Add(drain/2)):
			t.Errorf("command %q sent %v after SIGTERM, during the drain: %v (it must be accepted)", r.text, r.sent.Sub(sigterm), r.err)
		case r.err != nil:
			// Sent as the drain ended: a connection still in the
			// listener's queue when it closes is reset. Nothing was
			// accepted, and Slack retries it; a load balancer would no
			// longer route it here.
			t.Logf("command sent %v after SIGTERM, as the drain ended: %v", r.sent.Sub(sigterm), r.err)
		default:
			accepted[r.text] = true
			if r.at.After(first503) {
				afterNotReady++
			}
			if r.at.Before(sigterm) {
				beforeTerm++
			}
		}
	}
	if firstRefused.IsZero() {
		t.Fatal("no connection was refused after the child exited")
	}
	if !first503.Before(firstRefused) {
		t.Errorf("first refused connection at %v, /readyz 503 at %v: readiness must turn first", firstRefused.Sub(sigterm), first503.Sub(sigterm))
	}
	if gap := firstRefused.Sub(first503); gap < drain/2 {
		t.Errorf("connections refused %v after /readyz turned 503, want about the drain period %v", gap, drain)
	}
	if afterNotReady == 0 {
		t.Errorf("no command was accepted after /readyz turned 503; the drain period must keep serving")
	}
	if beforeTerm == 0 {
		t.Errorf("no command was accepted before SIGTERM; the test sent too late")
	}
	postedBefore := len(fake.Calls("chat.postMessage"))

	// What the grace period could not post, the next start resumes.
	child = startServeChild(t, envMap, addr)
	fake.WaitCalls("chat.postMessage", len(accepted), 30*time.Second)
	time.Sleep(300 * time.Millisecond) // a post made twice would arrive now
	checkPostedOnce(t, fake, accepted, "")
	t.Logf("SIGTERM at 0; /readyz 503 at %v; first refused at %v; exit at %v; %d accepted (%d after /readyz turned 503), %d posted before exit",
		first503.Sub(sigterm).Round(time.Millisecond), firstRefused.Sub(sigterm).Round(time.Millisecond), exited.Sub(sigterm).Round(time.Millisecond),
		len(accepted), afterNotReady, postedBefore)
	child.Process.Signal(syscall.SIGTERM)
	child.Wait()
}
