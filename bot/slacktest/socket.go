package slacktest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Envelope is a Socket Mode message from Slack to the app.
type Envelope struct {
	EnvelopeID             string          `json:"envelope_id"`
	Type                   string          `json:"type"` // slash_commands, interactive, events_api
	Payload                json.RawMessage `json:"payload"`
	AcceptsResponsePayload bool            `json:"accepts_response_payload"`
	RetryAttempt           int             `json:"retry_attempt"`
	RetryReason            string          `json:"retry_reason,omitempty"`
}

// Ack is an app's acknowledgement of an envelope.
type Ack struct {
	EnvelopeID string          `json:"envelope_id"`
	Payload    json.RawMessage `json:"payload,omitempty"`
	Conn       int             // which connection it came on (1-based)
	At         time.Time       `json:"-"` // when it arrived
}

// socketServer is the fake Socket Mode endpoint.
type socketServer struct {
	s        *Server
	upgrader websocket.Upgrader

	mu      sync.Mutex
	conns   []*websocket.Conn // every connection, in order
	writeMu map[*websocket.Conn]*sync.Mutex
	acks    []Ack
	changed chan struct{}
	// PingEvery, when set, sends a WebSocket ping at that interval.
	pingEvery time.Duration
}

func newSocketServer(s *Server) *socketServer {
	return &socketServer{
		s: s, changed: make(chan struct{}), writeMu: map[*websocket.Conn]*sync.Mutex{}, pingEvery: 100 * time.Millisecond,
		// Slack's clients send the Origin of Slack's API site.
		upgrader: websocket.Upgrader{CheckOrigin: func(r *http.Request) bool { return r.Header.Get("Origin") == "https://api.slack.com" }},
	}
}

func (ss *socketServer) notify() {
	close(ss.changed)
	ss.changed = make(chan struct{})
}

func (ss *socketServer) serve(w http.ResponseWriter, r *http.Request) {
	conn, err := ss.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	ss.mu.Lock()
	ss.conns = append(ss.conns, conn)
	ss.writeMu[conn] = &sync.Mutex{}
	n := len(ss.conns)
	ss.notify()
	ss.mu.Unlock()

	hello := map[string]any{
		"type": "hello", "num_connections": 1,
		"debug_info":      map[string]any{"host": "fake-applink", "approximate_connection_time": 18060},
		"connection_info": map[string]any{"app_id": "A0FAKE"},
	}
	if err := ss.write(conn, hello); err != nil {
		return
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		t := time.NewTicker(ss.pingEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				ss.mu.Lock()
				mu := ss.writeMu[conn]
				ss.mu.Unlock()
				mu.Lock()
				err := conn.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(time.Second))
				mu.Unlock()
				if err != nil {
					return
				}
			}
		}
	}()
	for {
		_, msg, err := conn.ReadMessage()
		if err != nil {
			return
		}
		var ack Ack
		if json.Unmarshal(msg, &ack) != nil || ack.EnvelopeID == "" {
			continue
		}
		ack.Conn = n
		ss.mu.Lock()
		ack.At = time.Now()
		ss.acks = append(ss.acks, ack)
		ss.notify()
		ss.mu.Unlock()
	}
}

func (ss *socketServer) write(conn *websocket.Conn, v any) error {
	ss.mu.Lock()
	mu := ss.writeMu[conn]
	ss.mu.Unlock()
	mu.Lock()
	defer mu.Unlock()
	conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return conn.WriteJSON(v)
}

// current returns the newest connection.
func (ss *socketServer) current() (*websocket.Conn, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if len(ss.conns) == 0 {
		return nil, errors.New("no Socket Mode connection")
	}
	return ss.conns[len(ss.conns)-1], nil
}

// WaitConnections waits until n WebSocket connections have been made.
func (s *Server) WaitConnections(n int, timeout time.Duration) error {
	ss := s.socket
	deadline := time.After(timeout)
	for {
		ss.mu.Lock()
		got, ch := len(ss.conns), ss.changed
		ss.mu.Unlock()
		if got >= n {
			return nil
		}
		select {
		case <-ch:
		case <-deadline:
			return fmt.Errorf("%d Socket Mode connections after %s, want %d", got, timeout, n)
		}
	}
}

// Send sends an envelope on the newest connection.
func (s *Server) Send(env Envelope) error {
	conn, err := s.socket.current()
	if err != nil {
		return err
	}
	return s.socket.write(conn, env)
}

// SendRaw sends frame as a text message on the newest connection, whatever
// it holds (for fuzzing the client's parsing of envelopes).
func (s *Server) SendRaw(frame []byte) error {
	conn, err := s.socket.current()
	if err != nil {
		return err
	}
	s.socket.mu.Lock()
	mu := s.socket.writeMu[conn]
	s.socket.mu.Unlock()
	mu.Lock()
	defer mu.Unlock()
	return conn.WriteMessage(websocket.TextMessage, frame)
}

// SendPartial writes the first half of an envelope's frame on the newest
// connection and then drops the connection: a connection lost mid-envelope.
func (s *Server) SendPartial(env Envelope) error {
	conn, err := s.socket.current()
	if err != nil {
		return err
	}
	js, err := json.Marshal(env)
	if err != nil {
		return err
	}
	ss := s.socket
	ss.mu.Lock()
	mu := ss.writeMu[conn]
	ss.mu.Unlock()
	mu.Lock()
	defer mu.Unlock()
	w, err := conn.NextWriter(websocket.TextMessage)
	if err != nil {
		return err
	}
	w.Write(js[:len(js)/2])
	// Close the TCP connection without finishing the frame.
	return conn.UnderlyingConn().Close()
}

// Disconnect sends Slack's disconnect message (reason "refresh_requested",
// "warning", "link_disabled") on the newest connection.
func (s *Server) Disconnect(reason string) error {
	conn, err := s.socket.current()
	if err != nil {
		return err
	}
	return s.socket.write(conn, map[string]any{
		"type": "disconnect", "reason": reason,
		"debug_info": map[string]any{"host": "fake-applink"},
	})
}

// DropConnection closes the newest connection without a close frame.
func (s *Server) DropConnection() error {
	conn, err := s.socket.current()
	if err != nil {
		return err
	}
	return conn.UnderlyingConn().Close()
}

// Acks returns the acknowledgements received so far.
func (s *Server) Acks() []Ack {
	s.socket.mu.Lock()
	defer s.socket.mu.Unlock()
	return append([]Ack(nil), s.socket.acks...)
}

// WaitAck waits for the acknowledgement of envelope id.
func (s *Server) WaitAck(id string, timeout time.Duration) (Ack, error) {
	ss := s.socket
	deadline := time.After(timeout)
	for {
		ss.mu.Lock()
		ch := ss.changed
		for _, a := range ss.acks {
			if a.EnvelopeID == id {
				ss.mu.Unlock()
				return a, nil
			}
		}
		ss.mu.Unlock()
		select {
		case <-ch:
		case <-deadline:
			return Ack{}, fmt.Errorf("no ack of envelope %s after %s", id, timeout)
		}
	}
}
