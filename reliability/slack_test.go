package reliability

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
)

// TestReliabilitySlackFaults proves that chat.postMessage failing (429 with
// and without Retry-After, 500s, API errors, timeouts, and a timeout after
// Slack took the message) delays replies but loses none and doubles none:
// a post whose outcome is unknown is looked for in the channel's history
// (by its message metadata) before it is made again.
func TestReliabilitySlackFaults(t *testing.T) {
	const post = "chat.postMessage"
	for _, tc := range []struct {
		name   string
		inject func(s *slacktest.Server)
		// searched: the channel history must have been searched.
		searched bool
	}{
		{"429 with Retry-After", func(s *slacktest.Server) { s.RateLimit(post, 3, time.Second) }, false},
		{"429 without Retry-After", func(s *slacktest.Server) {
			s.Inject(post, slacktest.Fault{Status: http.StatusTooManyRequests}, slacktest.Fault{Status: http.StatusTooManyRequests})
		}, false},
		{"500s", func(s *slacktest.Server) {
			s.Inject(post, slacktest.Fault{Status: 500}, slacktest.Fault{Status: 503}, slacktest.Fault{Status: 502})
		}, true},
		{"API error internal_error", func(s *slacktest.Server) { s.FailNext(post, "internal_error"); s.FailNext(post, "fatal_error") }, false},
		{"timeouts", func(s *slacktest.Server) {
			s.Inject(post, slacktest.Fault{Delay: 2 * time.Second}, slacktest.Fault{Delay: 2 * time.Second})
		}, true},
		{"timeout after Slack took the message", func(s *slacktest.Server) {
			s.Inject(post, slacktest.Fault{Delay: 2 * time.Second, Accept: true}, slacktest.Fault{Delay: 2 * time.Second, Accept: true, Status: 500})
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newStack(t, stackConfig{workers: 2, slackTimeout: 300 * time.Millisecond})
			tc.inject(s.slack)
			start := time.Now()
			for i := 0; i < 4; i++ {
				s.command("China admits hacking U.S. infrastructure")
			}
			o := s.settle(30 * time.Second)
			searches := len(s.slack.Calls("conversations.history"))
			if tc.searched && searches == 0 {
				t.Errorf("no conversations.history search before posting again")
			}
			result(t, "%s; all posted within %s; %d messages in Slack, %d history searches", o, time.Since(start).Round(100*time.Millisecond), len(o.posts), searches)
		})
	}
}

// TestReliabilitySlackRetries proves that when Slack retries every
// delivery (X-Slack-Retry-Num 1 and 2, some while the first is still being
// answered), every retry is acknowledged and each submission is stored
// and posted once.
func TestReliabilitySlackRetries(t *testing.T) {
	s := newStack(t, stackConfig{workers: 4})
	const n = 10
	var wg sync.WaitGroup
	var mu sync.Mutex
	acks := map[int]int{}
	for i := 0; i < n; i++ {
		mark := marker(1000 + i)
		c := slacktest.Slash{TeamID: "T0REL", ChannelID: "C0RETRY", UserID: "U0EDITOR", Text: "China admits hacking U.S. ports " + mark, TriggerID: fmt.Sprintf("retry.%d", i)}
		s.mu.Lock()
		s.accepted = append(s.accepted, mark)
		s.mu.Unlock()
		for attempt := 0; attempt < 3; attempt++ {
			hdr := []string{}
			if attempt > 0 {
				hdr = []string{bot.HeaderRetryNum, fmt.Sprint(attempt), "X-Slack-Retry-Reason", "http_timeout"}
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				code, body := s.send(c, hdr...)
				mu.Lock()
				defer mu.Unlock()
				if code == http.StatusOK && strings.Contains(body, "Grading your") {
					acks[code]++
				} else {
					t.Errorf("delivery %d of %s = %d %s", attempt, mark, code, body)
				}
			}()
			if attempt == 1 {
				time.Sleep(5 * time.Millisecond) // the second retry comes a little later
			}
		}
	}
	wg.Wait()
	o := s.settle(20 * time.Second)
	result(t, "%d deliveries (each sent 3 times) acknowledged %d times; %s", n, acks[200], o)
}
