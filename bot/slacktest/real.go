package slacktest

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// The behaviours below are real Slack's, which the fake plays only when a
// test asks: rate limits of conversations.history for apps outside the
// Slack Marketplace, channels the bot is not a member of, and the expiry
// of response_url.

// realSlack holds the state of those behaviours.
type realSlack struct {
	mu sync.Mutex
	// historyEvery and historyPage: at most one history call per
	// historyEvery, each with at most historyPage messages (0: no limit).
	historyEvery time.Duration
	historyPage  int
	historyLast  time.Time
	// notMember are channels the bot cannot see (private channels and DMs
	// it was not added to): every chat.* and conversations.* call there
	// answers channel_not_found.
	notMember map[string]bool
	// responseURLs counts the uses and holds the birth of each response_url.
	responseUses map[string]int
	responseBorn map[string]time.Time
	responseTTL  time.Duration
}

// ResponseURLUses and ResponseURLLife are Slack's limits on a response_url:
// five uses within thirty minutes.
const (
	ResponseURLUses = 5
	ResponseURLLife = 30 * time.Minute
)

// LimitHistory makes conversations.history and conversations.replies
// behave as Slack announced for apps not approved for its Marketplace
// (from 2025): one call a minute (every) and at most perPage messages a
// page. A call sooner gets HTTP 429 with the Retry-After that is left.
func (s *Server) LimitHistory(every time.Duration, perPage int) {
	s.real.mu.Lock()
	defer s.real.mu.Unlock()
	s.real.historyEvery, s.real.historyPage = every, perPage
}

// NotMember makes channel one the bot has not joined and cannot see (a
// private channel or a DM): chat.postMessage, chat.postEphemeral and the
// conversations.* methods answer channel_not_found there, as Slack does.
func (s *Server) NotMember(channel string) {
	s.real.mu.Lock()
	defer s.real.mu.Unlock()
	if s.real.notMember == nil {
		s.real.notMember = map[string]bool{}
	}
	s.real.notMember[channel] = true
}

// Join makes the bot a member of channel again (someone invited it).
func (s *Server) Join(channel string) {
	s.real.mu.Lock()
	defer s.real.mu.Unlock()
	delete(s.real.notMember, channel)
}

// ExpireResponseURL makes the response_url with the given id expired, as
// it is thirty minutes after Slack issued it.
func (s *Server) ExpireResponseURL(id string) {
	s.real.mu.Lock()
	defer s.real.mu.Unlock()
	if s.real.responseBorn == nil {
		s.real.responseBorn = map[string]time.Time{}
	}
	s.real.responseBorn[id] = time.Now().Add(-ResponseURLLife - time.Second)
}

// notMember reports whether the bot cannot see channel.
func (s *Server) isNotMember(channel string) bool {
	s.real.mu.Lock()
	defer s.real.mu.Unlock()
	return s.real.notMember[channel]
}

// historyAllowed answers a history call that comes too soon with a 429 and
// reports false; otherwise it returns the page size to use.
func (s *Server) historyAllowed(w http.ResponseWriter, limit int) (int, bool) {
	s.real.mu.Lock()
	defer s.real.mu.Unlock()
	if s.real.historyEvery <= 0 {
		return limit, true
	}
	now := time.Now()
	if wait := s.real.historyLast.Add(s.real.historyEvery).Sub(now); !s.real.historyLast.IsZero() && wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"ok": false, "error": "ratelimited"})
		return 0, false
	}
	s.real.historyLast = now
	if s.real.historyPage > 0 && limit > s.real.historyPage {
		limit = s.real.historyPage
	}
	return limit, true
}

// responseURLError returns the error Slack answers a use of the
// response_url id with ("" when the use is allowed): expired_url after
// thirty minutes, used_url after five uses.
func (s *Server) responseURLError(id string) string {
	s.real.mu.Lock()
	defer s.real.mu.Unlock()
	if s.real.responseBorn == nil {
		s.real.responseBorn = map[string]time.Time{}
		s.real.responseUses = map[string]int{}
	}
	if s.real.responseUses == nil {
		s.real.responseUses = map[string]int{}
	}
	born, ok := s.real.responseBorn[id]
	if !ok {
		born = time.Now()
		s.real.responseBorn[id] = born
	}
	if time.Since(born) > ResponseURLLife {
		return "expired_url"
	}
	if s.real.responseUses[id] >= ResponseURLUses {
		return "used_url"
	}
	s.real.responseUses[id]++
	return ""
}
