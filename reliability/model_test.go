package reliability

import (
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/llm/llmtest"
)

// TestReliabilityModelFaults proves that when the model is down, slower
// than its timeout, answers garbage, or answers 429 or 500 to every call,
// every accepted submission is still graded (by the rule judge) and posted
// exactly once, and the reply says the judge fell back to the rules.
func TestReliabilityModelFaults(t *testing.T) {
	down := func(t *testing.T) string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close() // nothing listens there now: connection refused
		return "http://" + addr + "/v1"
	}
	serving := func(reply llmtest.Reply) func(t *testing.T) string {
		return func(t *testing.T) string {
			srv := llmtest.NewServer(t)
			srv.Handle(func(llmtest.ChatRequest) llmtest.Reply { return reply })
			return srv.URL
		}
	}
	rateLimited := llmtest.Error(http.StatusTooManyRequests, "rate_limit_exceeded", "Rate limit reached for gpt-4o-mini.")
	rateLimited.Header = map[string]string{"Retry-After-Ms": "20"}
	for _, tc := range []struct {
		name   string
		server func(t *testing.T) string
	}{
		{"down", down},
		{"slower than its timeout", serving(llmtest.Reply{Content: `{"criteria":[]}`, Delay: 3 * time.Second})},
		{"garbage", serving(llmtest.Completion("Sure! This headline deserves an A. {not json"))},
		{"429 on every call", serving(rateLimited)},
		{"500 on every call", serving(llmtest.Error(http.StatusInternalServerError, "server_error", "The server had an error."))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			logs := &syncBuffer{}
			s := newStack(t, stackConfig{judge: hybrid(t, tc.server(t), 300*time.Millisecond, logs), workers: 4})
			for i := 0; i < 6; i++ {
				s.command(fmt.Sprintf("China admits hacking U.S. infrastructure, officials say (%d)", i))
			}
			o := s.settle(20 * time.Second)
			told := 0
			for _, p := range o.posts {
				if strings.Contains(p.Blocks(), "fell back to rules") {
					told++
				}
			}
			if told != len(o.posts) {
				t.Errorf("%d of %d replies say the judge fell back to the rules", told, len(o.posts))
			}
			if !strings.Contains(logs.String(), "fell back to the rule judge") {
				t.Errorf("the fallback was not logged:\n%s", logs.String())
			}
			result(t, "%s; %d of %d replies say \"fell back to rules\"", o, told, len(o.posts))
		})
	}
}
