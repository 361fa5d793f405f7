// Package llmtest is a fake OpenAI-compatible server for tests: it speaks
// the real /v1/chat/completions JSON (and the Azure deployments path), plays
// scripted replies in order and records every request it receives.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
)

// Message is one chat message on the wire.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// ResponseFormat is the request's response_format on the wire.
type ResponseFormat struct {
	Type       string `json:"type"`
	JSONSchema *struct {
		Name   string          `json:"name"`
		Strict bool            `json:"strict"`
		Schema json.RawMessage `json:"schema"`
	} `json:"json_schema,omitempty"`
}

// ChatRequest is a chat-completions request as the server decoded it.
type ChatRequest struct {
	Model          string          `json:"model"`
	Messages       []Message       `json:"messages"`
	Temperature    *float64        `json:"temperature"`
	Seed           *int            `json:"seed"`
	MaxTokens      int             `json:"max_tokens"`
	Stream         bool            `json:"stream"`
	ResponseFormat *ResponseFormat `json:"response_format"`
}

// Request is one request the server received.
type Request struct {
	Method string
	// Path is the URL path; Query the raw query string.
	Path, Query string
	Header      http.Header
	Body        []byte
	Chat        ChatRequest
}

// Reply is one scripted response.
type Reply struct {
	// Status is the HTTP status; 0 means 200.
	Status int
	// Header is added to the response (for example Retry-After).
	Header map[string]string
	// Content is the assistant message of a 200 reply.
	Content string
	// Body, when set, is sent as is instead of a completion built from
	// Content (for error bodies and broken JSON).
	Body string
	// Delay holds the reply back (to test timeouts).
	Delay time.Duration
	// FinishReason defaults to "stop".
	FinishReason string
}

// Completion returns a 200 reply whose assistant message is content.
func Completion(content string) Reply { return Reply{Content: content} }

// Error returns an error reply with an OpenAI-style error body.
func Error(status int, typ, message string) Reply {
	b, _ := json.Marshal(map[string]any{"error": map[string]any{"message": message, "type": typ, "param": nil, "code": nil}})
	return Reply{Status: status, Body: string(b)}
}

// Server is a fake OpenAI-compatible server.
type Server struct {
	// URL is the base URL to configure a client with, ending in /v1.
	URL string
	// Root is the server's URL without /v1 (the Azure endpoint).
	Root string

	srv *httptest.Server

	mu       sync.Mutex
	script   []Reply
	handle   func(ChatRequest) Reply
	key      string
	models   []string
	requests []Request
	prefixes map[string]bool
}

// NewServer starts a fake server that plays replies in order; it is closed
// when the test ends. When the script runs out the server answers 500,
// unless Handle set a function to answer with.
func NewServer(t testing.TB, replies ...Reply) *Server {
	t.Helper()
	s := Start(replies...)
	t.Cleanup(s.Close)
	return s
}

// Start starts a fake server outside a test (the load tool); call Close
// when done.
func Start(replies ...Reply) *Server {
	s := &Server{script: replies, prefixes: make(map[string]bool)}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.Root = s.srv.URL
	s.URL = s.srv.URL + "/v1"
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// Enqueue adds replies to the end of the script.
func (s *Server) Enqueue(replies ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = append(s.script, replies...)
}

// Handle sets the function that answers once the script is used up.
func (s *Server) Handle(f func(ChatRequest) Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handle = f
}

// RequireKey makes the server answer 401 unless the request carries key as
// a bearer token or in Azure's api-key header.
func (s *Server) RequireKey(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.key = key
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Pending returns how many scripted replies are left.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.script)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeReply(w, r, Error(http.StatusBadRequest, "invalid_request_error", "cannot read body"))
		return
	}
	if r.Method == http.MethodGet && (r.URL.Path == "/v1/models" || r.URL.Path == "/openai/models") {
		s.serveModels(w, r)
		return
	}
	req := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Header: r.Header.Clone(), Body: body}
	chatPath := r.URL.Path == "/v1/chat/completions" ||
		(strings.HasPrefix(r.URL.Path, "/openai/deployments/") && strings.HasSuffix(r.URL.Path, "/chat/completions"))
	if r.Method != http.MethodPost || !chatPath {
		writeReply(w, r, Error(http.StatusNotFound, "invalid_request_error", "unknown endpoint "+r.Method+" "+r.URL.Path))
		return
	}
	if err := json.Unmarshal(body, &req.Chat); err != nil {
		writeReply(w, r, Error(http.StatusBadRequest, "invalid_request_error", "request body is not JSON: "+err.Error()))
		return
	}

	s.mu.Lock()
	s.requests = append(s.requests, req)
	key := s.key
	var reply Reply
	switch {
	case len(s.script) > 0:
		reply, s.script = s.script[0], s.script[1:]
	case s.handle != nil:
		reply = s.handle(req.Chat)
	default:
		reply = Error(http.StatusInternalServerError, "server_error", "the fake server's script is used up")
	}
	// Usage: prompt tokens estimated from the messages; the system message
	// counts as cached when an earlier request had the same one, the way
	// OpenAI's and vLLM's prefix caches report it.
	var prompt, cached int
	for i, m := range req.Chat.Messages {
		n := EstimateTokens(m.Content)
		prompt += n
		if i == 0 && m.Role == "system" {
			if s.prefixes[m.Content] {
				cached = n
			}
			s.prefixes[m.Content] = true
		}
	}
	s.mu.Unlock()

	if key != "" && r.Header.Get("Authorization") != "Bearer "+key && r.Header.Get("api-key") != key {
		writeReply(w, r, Error(http.StatusUnauthorized, "invalid_request_error", "Incorrect API key provided."))
		return
	}
	if reply.Delay > 0 {
		select {
		case <-time.After(reply.Delay):
		case <-r.Context().Done():
			return
		}
	}
	if reply.Body == "" && (reply.Status == 0 || reply.Status == http.StatusOK) {
		reply.Body = completionBody(req.Chat.Model, reply, prompt, cached)
	}
	writeReply(w, r, reply)
}

func writeReply(w http.ResponseWriter, r *http.Request, reply Reply) {
	for k, v := range reply.Header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/json")
	status := reply.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	io.WriteString(w, reply.Body)
}

// completionBody is a chat.completion object as OpenAI sends it.
func completionBody(model string, reply Reply, prompt, cached int) string {
	finish := reply.FinishReason
	if finish == "" {
		finish = "stop"
	}
	completion := EstimateTokens(reply.Content)
	b, err := json.Marshal(map[string]any{
		"id":      "chatcmpl-fake",
		"object":  "chat.completion",
		"created": 1744300000,
		"model":   model,
		"choices": []any{map[string]any{
			"index":         0,
			"message":       map[string]any{"role": "assistant", "content": reply.Content, "refusal": nil},
			"logprobs":      nil,
			"finish_reason": finish,
		}},
		"usage": map[string]any{
			"prompt_tokens":         prompt,
			"completion_tokens":     completion,
			"total_tokens":          prompt + completion,
			"prompt_tokens_details": map[string]any{"cached_tokens": cached},
		},
		"system_fingerprint": "fp_fake",
	})
	if err != nil {
		panic(fmt.Sprintf("llmtest: encode completion: %v", err)) // maps of strings and ints always encode
	}
	return string(b)
}

// EstimateTokens estimates the tokens of s the way OpenAI's rule of thumb
// does: about four characters of English a token, and at least one token a
// word. It is an estimate, not a tokenizer.
func EstimateTokens(s string) int {
	chars, words, inWord := 0, 0, false
	for _, r := range s {
		chars++
		if unicode.IsSpace(r) {
			inWord = false
		} else if !inWord {
			inWord = true
			words++
		}
	}
	return max((chars+3)/4, words)
}

// Transport is an http.RoundTripper that answers every chat-completions
// request in process with the same JSON the Server sends, without a
// network; benchmarks use it to measure the judge's own work.
type Transport struct {
	// Content is the assistant message of every reply.
	Content string
}

// RoundTrip answers req with a completion of t.Content. It reads the body
// but does not decode it, so a benchmark measures the client, not the fake;
// prompt tokens are estimated as a quarter of the body's bytes.
func (t Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	var n int64
	if req.Body != nil {
		var err error
		n, err = io.Copy(io.Discard, req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
	}
	body := completionBody("fake-model", Reply{Content: t.Content}, int(n/4), 0)
	return &http.Response{
		StatusCode: http.StatusOK,
		Status:     "200 OK",
		Header:     http.Header{"Content-Type": []string{"application/json"}},
		Body:       io.NopCloser(strings.NewReader(body)),
		Request:    req,
	}, nil
}
