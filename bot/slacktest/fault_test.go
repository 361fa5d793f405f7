package slacktest

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync/atomic"
	"testing"
)

// answer is what a client saw of one chat.postMessage.
type answer struct {
	status     int
	retryAfter string
}

// postMessage calls chat.postMessage on s the way the bot does.
func postMessage(t *testing.T, s *Server, text string) answer {
	t.Helper()
	return chat(t, s, "chat.postMessage", text)
}

// chat calls a chat.* method of s.
func chat(t *testing.T, s *Server, method, text string) answer {
	t.Helper()
	form := url.Values{"token": {s.BotToken}, "channel": {"C0FAULT"}, "user": {"U0FAULT"}, "text": {text}}
	resp, err := http.PostForm(s.APIURL()+method, form)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return answer{status: resp.StatusCode, retryAfter: resp.Header.Get("Retry-After")}
}

var rotation = []Fault{{Status: 429, RetryAfter: "1"}, {Status: 429}, {Status: 500}}

func TestSetFaultRate(t *testing.T) {
	tests := []struct {
		name     string
		p        float64
		calls    int
		min, max int // faults expected
	}{
		{"never", 0, 200, 0, 0},
		{"always", 1, 30, 30, 30},
		// Binomial(2000, 0.5) has a standard deviation of 22; the band is
		// more than 4 of them either side.
		{"half", 0.5, 2000, 900, 1100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewServer("xoxb-fault", "")
			defer s.Close()
			s.SeedFaults(1)
			s.SetFaultRate("chat.postMessage", tt.p, rotation...)
			faults := 0
			for i := range tt.calls {
				got := postMessage(t, s, fmt.Sprintf("message %d", i))
				if got.status == http.StatusOK {
					continue
				}
				want := rotation[faults%len(rotation)]
				if got.status != want.Status || got.retryAfter != want.RetryAfter {
					t.Fatalf("fault %d = %d with Retry-After %q, want %d with %q (in turn)", faults, got.status, got.retryAfter, want.Status, want.RetryAfter)
				}
				faults++
			}
			if faults < tt.min || faults > tt.max {
				t.Errorf("SetFaultRate(%v): %d of %d calls failed, want %d to %d", tt.p, faults, tt.calls, tt.min, tt.max)
			}
			if posted := len(s.Calls("chat.postMessage")); posted != tt.calls-faults {
				t.Errorf("%d messages recorded, want the %d calls that did not fail", posted, tt.calls-faults)
			}
		})
	}
}

func TestSetFaultRateAfterInjected(t *testing.T) {
	s := NewServer("xoxb-fault", "")
	defer s.Close()
	s.SetFaultRate("chat.postMessage", 1, Fault{Status: 500})
	s.Inject("chat.postMessage", Fault{Status: 503})
	if got := chat(t, s, "chat.postEphemeral", "another method").status; got != http.StatusOK {
		t.Errorf("chat.postEphemeral: status %d, want 200 (the rate is chat.postMessage's)", got)
	}
	var got []int
	for i := range 3 {
		got = append(got, postMessage(t, s, fmt.Sprintf("message %d", i)).status)
	}
	if want := []int{503, 500, 500}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("statuses = %v, want %v (the injected fault first, then the rate)", got, want)
	}
	s.SetFaultRate("chat.postMessage", 0)
	if got := postMessage(t, s, "after").status; got != http.StatusOK {
		t.Errorf("after SetFaultRate(0): status %d, want 200", got)
	}
}

// TestDropAfterTaken proves that a fault with Accept and Drop keeps the
// message and answers nothing (the connection closes), that Taken runs
// once the message is kept, and that the next call is answered.
func TestDropAfterTaken(t *testing.T) {
	s := NewServer("xoxb-fault", "")
	defer s.Close()
	var taken atomic.Int32
	s.Inject("chat.postMessage", Fault{Accept: true, Drop: true, Taken: func() {
		taken.Add(1)
		if n := len(s.Calls("chat.postMessage")); n != 1 {
			t.Errorf("Taken ran with %d calls recorded, want the one taken", n)
		}
		s.AddMessages("C0FAULT", 2)
	}})
	form := url.Values{"token": {s.BotToken}, "channel": {"C0FAULT"}, "text": {"lost answer"}}
	if resp, err := http.PostForm(s.APIURL()+"chat.postMessage", form); err == nil {
		resp.Body.Close()
		t.Fatalf("chat.postMessage answered %d, want the connection closed without an answer", resp.StatusCode)
	}
	if n := taken.Load(); n != 1 {
		t.Errorf("Taken ran %d times, want 1", n)
	}
	if got := postMessage(t, s, "next").status; got != http.StatusOK {
		t.Errorf("the next call: status %d, want 200", got)
	}
	s.mu.Lock()
	var texts []string
	for _, p := range s.posted {
		texts = append(texts, p.text)
	}
	s.mu.Unlock()
	if want := []string{"lost answer", "chatter 0", "chatter 1", "next"}; fmt.Sprint(texts) != fmt.Sprint(want) {
		t.Errorf("channel history = %q, want %q (the taken message, the chatter Taken added, the next)", texts, want)
	}
}
