// Package slacktest is a fake Slack for tests and the load tool: a Web API
// server speaking the JSON of the methods factgrade calls (chat.postMessage,
// chat.postEphemeral, views.open, views.publish, apps.connections.open and
// slash commands' response_url), a Socket Mode WebSocket endpoint, and
// helpers that sign requests exactly as Slack signs them.
package slacktest

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Call is one Web API call the server received.
type Call struct {
	Method string
	// Form holds the fields of a form-encoded call (chat.*).
	Form url.Values
	// JSON holds the body of a JSON call (views.*, response_url).
	JSON map[string]any
	At   time.Time
}

// Blocks returns the call's blocks as raw JSON ("" when none).
func (c Call) Blocks() string {
	if c.Form != nil {
		return c.Form.Get("blocks")
	}
	if b, ok := c.JSON["blocks"]; ok {
		js, _ := json.Marshal(b)
		return string(js)
	}
	return ""
}

// Server is a fake Slack Web API.
type Server struct {
	*httptest.Server
	BotToken string
	AppToken string

	mu      sync.Mutex
	calls   []Call
	ts      int64
	limits  map[string][]time.Duration // queued 429s per method, with Retry-After
	errs    map[string][]string        // queued API errors per method
	changed chan struct{}

	socket *socketServer
	delay  time.Duration
	faults map[string][]Fault // queued faults per method (fault.go)
	rates  faultRates         // random faults per method (fault.go)
	posted []posted           // messages in channels, for conversations.* (history.go)
	real   realSlack          // real Slack's limits, when a test asks (real.go)
	dir    directory          // people, groups and members (directory.go)
}

// SetDelay makes every chat.* call take d before it is answered, like a
// slow Slack.
func (s *Server) SetDelay(d time.Duration) {
	s.mu.Lock()
	s.delay = d
	s.mu.Unlock()
}

// NewServer starts a fake Slack accepting the given tokens.
func NewServer(botToken, appToken string) *Server {
	s := &Server{
		BotToken: botToken,
		AppToken: appToken,
		ts:       1700000000000000,
		limits:   map[string][]time.Duration{},
		errs:     map[string][]string{},
		faults:   map[string][]Fault{},
		changed:  make(chan struct{}),
	}
	s.socket = newSocketServer(s)
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/chat.postMessage", s.chat("chat.postMessage"))
	mux.HandleFunc("POST /api/chat.postEphemeral", s.chat("chat.postEphemeral"))
	mux.HandleFunc("POST /api/views.open", s.view("views.open"))
	mux.HandleFunc("POST /api/views.publish", s.view("views.publish"))
	mux.HandleFunc("POST /api/apps.connections.open", s.connectionsOpen)
	mux.HandleFunc("POST /api/auth.test", s.authTest)
	mux.HandleFunc("POST /api/conversations.history", s.history("conversations.history"))
	mux.HandleFunc("POST /api/conversations.replies", s.history("conversations.replies"))
	for _, m := range []string{"users.info", "usergroups.users.list", "conversations.members", "conversations.info"} {
		mux.HandleFunc("/api/"+m, s.directoryCall(m))
	}
	mux.HandleFunc("POST /response/{id}", s.responseURL)
	mux.HandleFunc("GET /socket", s.socket.serve)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]any{"ok": false, "error": "unknown_method"})
	})
	s.Server = httptest.NewServer(mux)
	return s
}

// APIURL is the Web API base URL to give the client (SLACK_API_URL).
func (s *Server) APIURL() string { return s.URL + "/api/" }

// ResponseURL returns a response_url for a slash command.
func (s *Server) ResponseURL(id string) string { return s.URL + "/response/" + id }

// RateLimit makes the next n calls of method fail with HTTP 429 and
// Retry-After set to retryAfter (whole seconds, as Slack sends it).
func (s *Server) RateLimit(method string, n int, retryAfter time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < n; i++ {
		s.limits[method] = append(s.limits[method], retryAfter)
	}
}

// FailNext makes the next call of method return {"ok":false,"error":code}.
func (s *Server) FailNext(method, code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errs[method] = append(s.errs[method], code)
}

// Calls returns the calls of method received so far ("" for all).
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// WaitCalls waits until at least n calls of method were received and
// returns them; after timeout it returns what there is.
func (s *Server) WaitCalls(method string, n int, timeout time.Duration) []Call {
	deadline := time.After(timeout)
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if calls := s.Calls(method); len(calls) >= n {
			return calls
		}
		select {
		case <-ch:
		case <-deadline:
			return s.Calls(method)
		}
	}
}

func (s *Server) record(c Call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.At = time.Now()
	s.calls = append(s.calls, c)
	close(s.changed)
	s.changed = make(chan struct{})
}

// injected returns a queued failure for method: a Retry-After for a 429 or
// an API error code.
func (s *Server) injected(method string) (retryAfter time.Duration, limited bool, code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if l := s.limits[method]; len(l) > 0 {
		s.limits[method] = l[1:]
		return l[0], true, ""
	}
	if e := s.errs[method]; len(e) > 0 {
		s.errs[method] = e[1:]
		return 0, false, e[0]
	}
	return 0, false, ""
}

func (s *Server) nextTS() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	// Timestamps follow the clock, as Slack's do, so a search by "oldest"
	// finds what was posted after a moment; they never repeat.
	s.ts = max(s.ts+100, time.Now().UnixMicro())
	return fmt.Sprintf("%d.%06d", s.ts/1000000, s.ts%1000000)
}

// authorized checks the token of a call: the Authorization header, or the
// token form field that form-encoded calls may use.
func authorized(r *http.Request, form url.Values, want string) bool {
	if h := r.Header.Get("Authorization"); h != "" {
		return h == "Bearer "+want
	}
	return form != nil && form.Get("token") == want
}

// preamble checks auth and injected failures; it reports false when it has
// answered the call.
func (s *Server) preamble(w http.ResponseWriter, r *http.Request, method string, form url.Values, token string) bool {
	if !authorized(r, form, token) {
		writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_auth"})
		return false
	}
	retry, limited, code := s.injected(method)
	if limited {
		w.Header().Set("Retry-After", strconv.Itoa(int(retry.Seconds())))
		writeJSON(w, http.StatusTooManyRequests, map[string]any{"ok": false, "error": "ratelimited"})
		return false
	}
	if code != "" {
		writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": code})
		return false
	}
	return true
}

func (s *Server) chat(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/x-www-form-urlencoded" {
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_form_data"})
			return
		}
		if err := r.ParseForm(); err != nil {
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_form_data"})
			return
		}
		form := r.PostForm
		s.mu.Lock()
		delay := s.delay
		s.mu.Unlock()
		time.Sleep(delay)
		if !s.preamble(w, r, method, form, s.BotToken) {
			return
		}
		fault, faulty := s.nextFault(method, form.Get("text"))
		if faulty && !fault.Accept && fault.play(w, r) {
			return
		}
		channel := form.Get("channel")
		switch {
		case channel == "" || s.isNotMember(channel):
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "channel_not_found"})
			return
		case form.Get("text") == "" && form.Get("blocks") == "":
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "no_text"})
			return
		case form.Get("blocks") != "" && !json.Valid([]byte(form.Get("blocks"))):
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_blocks"})
			return
		case method == "chat.postEphemeral" && form.Get("user") == "":
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "user_not_in_channel"})
			return
		}
		form.Del("token")
		ts := s.nextTS()
		if method == "chat.postMessage" {
			s.keep(form, ts)
		}
		s.record(Call{Method: method, Form: form})
		if faulty && fault.Accept && fault.Taken != nil {
			fault.Taken()
		}
		if faulty && fault.Accept && fault.play(w, r) {
			return // Slack took the message; its answer is lost or an error
		}
		if method == "chat.postEphemeral" {
			writeJSON(w, http.StatusOK, map[string]any{"ok": true, "message_ts": ts})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{
			"ok": true, "channel": channel, "ts": ts,
			"message": map[string]any{"type": "message", "subtype": "bot_message", "text": form.Get("text"), "ts": ts, "thread_ts": form.Get("thread_ts")},
		})
	}
}

func (s *Server) view(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&body); err != nil {
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_json"})
			return
		}
		if !s.preamble(w, r, method, nil, s.BotToken) {
			return
		}
		view, _ := body["view"].(map[string]any)
		switch {
		case view == nil:
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_arguments"})
			return
		case method == "views.open" && body["trigger_id"] == "":
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_trigger_id"})
			return
		case method == "views.publish" && body["user_id"] == "":
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_arguments"})
			return
		}
		s.record(Call{Method: method, JSON: body})
		// The recorded view is the test's to read: answer with a copy.
		answer := maps.Clone(view)
		answer["id"] = fmt.Sprintf("V%d", len(s.Calls(method)))
		answer["hash"] = s.nextTS()
		writeJSON(w, http.StatusOK, map[string]any{"ok": true, "view": answer})
	}
}

func (s *Server) responseURL(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&body); err != nil {
		http.Error(w, "invalid_json", http.StatusBadRequest)
		return
	}
	id := r.PathValue("id")
	if code := s.responseURLError(id); code != "" {
		// Slack answers a spent response_url with 404 and the reason.
		writeJSON(w, http.StatusNotFound, map[string]any{"ok": false, "error": code})
		return
	}
	body["response_url_id"] = id
	s.record(Call{Method: "response_url", JSON: body})
	w.Header().Set("Content-Type", "text/plain")
	io.WriteString(w, "ok")
}

func (s *Server) connectionsOpen(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_form_data"})
		return
	}
	if !s.preamble(w, r, "apps.connections.open", r.PostForm, s.AppToken) {
		return
	}
	s.record(Call{Method: "apps.connections.open", Form: r.PostForm})
	u := "ws" + strings.TrimPrefix(s.URL, "http") + "/socket?ticket=" + s.nextTS()
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "url": u})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// ClearRateLimits drops the 429s still queued for method by RateLimit.
func (s *Server) ClearRateLimits(method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.limits, method)
}

// RateLimitsLeft returns how many of the 429s queued by RateLimit for
// method have not been answered yet.
func (s *Server) RateLimitsLeft(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.limits[method])
}
