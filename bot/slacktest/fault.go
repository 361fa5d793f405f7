package slacktest

import (
	"io"
	"net/http"
	"time"
)

// Fault is a failure the fake plays for one chat.* call, beyond the API
// errors of FailNext and the 429s of RateLimit.
type Fault struct {
	// Delay holds the answer back; a client whose timeout is shorter gives
	// up and never learns the outcome.
	Delay time.Duration
	// Status, when set, is the HTTP status answered (500, 503, 429…) with
	// a body that is not JSON, as Slack's front end sends; 0 answers
	// normally after Delay.
	Status int
	// RetryAfter is the Retry-After header of a 429 ("" sends none).
	RetryAfter string
	// Accept makes Slack take the message before the fault is played: it
	// is recorded, kept in the channel's history and visible to
	// conversations.history, while the client sees a timeout or an error.
	Accept bool
}

// Inject queues faults for the next calls of method (chat.postMessage or
// chat.postEphemeral), one a call, after any RateLimit or FailNext.
func (s *Server) Inject(method string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], faults...)
}

func (s *Server) nextFault(method string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.faults[method]
	if len(q) == 0 {
		return Fault{}, false
	}
	s.faults[method] = q[1:]
	return q[0], true
}

// play waits out f's delay and answers with its status; it reports whether
// it answered (or the client went away), false when the call should go on
// normally.
func (f Fault) play(w http.ResponseWriter, r *http.Request) bool {
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return true // the client gave up: it gets no answer
		}
	}
	if f.Status == 0 {
		return false
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(f.Status)
	io.WriteString(w, "<html><body>"+http.StatusText(f.Status)+"</body></html>")
	return true
}
