package slacktest

import (
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
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
	// Taken, if set, runs once Slack has taken the message (Accept), before
	// the fault is played: a test changes the channel at that moment (more
	// messages after it, which bury it) without racing the client's retry.
	Taken func()
	// Drop closes the connection instead of answering, after Delay: the
	// client's call fails at once and it cannot know whether the call went
	// through (with Accept, it did), as when an answer is lost on the way,
	// without waiting for its own timeout.
	Drop bool
	// When, if set, keeps the fault queued until a call whose text
	// contains it; calls before it pass.
	When string
}

// Inject queues faults for the next calls of method (chat.postMessage or
// chat.postEphemeral), one a call, after any RateLimit or FailNext.
func (s *Server) Inject(method string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], faults...)
}

// SetFaultRate makes a share p (0 to 1) of the calls of method play a
// fault, the given ones in turn, like a Slack that fails now and then.
// Faults queued with Inject go first; while one is pending the rate does
// not apply. A p of 0 or no faults turns the rate off. Which calls fail
// is random; SeedFaults makes it repeatable.
func (s *Server) SetFaultRate(method string, p float64, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rates.methods == nil {
		s.rates.methods = map[string]*faultRate{}
	}
	if p <= 0 || len(faults) == 0 {
		delete(s.rates.methods, method)
		return
	}
	s.rates.methods[method] = &faultRate{p: min(p, 1), faults: append([]Fault(nil), faults...)}
}

// SeedFaults seeds the random choice of the calls SetFaultRate fails.
func (s *Server) SeedFaults(seed uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rates.rng = rand.New(rand.NewPCG(seed, seed))
}

// faultRates are the fault rates of SetFaultRate, by method.
type faultRates struct {
	methods map[string]*faultRate
	rng     *rand.Rand // nil: math/rand/v2's global source
}

// faultRate is one method's share of failing calls and the faults it
// plays in turn.
type faultRate struct {
	p      float64
	faults []Fault
	next   int
}

// draw reports whether a call fails now, and with what.
func (fr *faultRates) draw(method string) (Fault, bool) {
	r := fr.methods[method]
	if r == nil {
		return Fault{}, false
	}
	x := rand.Float64()
	if fr.rng != nil {
		x = fr.rng.Float64()
	}
	if x >= r.p {
		return Fault{}, false
	}
	f := r.faults[r.next%len(r.faults)]
	r.next++
	return f, true
}

func (s *Server) nextFault(method, text string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.faults[method]
	if len(q) == 0 {
		return s.rates.draw(method)
	}
	if q[0].When != "" && !strings.Contains(text, q[0].When) {
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
	if f.Drop {
		// The server closes the connection without a response (and logs
		// nothing); the client's POST is not replayable, so it is not
		// sent again.
		panic(http.ErrAbortHandler)
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
