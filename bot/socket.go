package bot

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// SocketMode is the Socket Mode transport: a WebSocket to Slack opened with
// the app-level token, restarted by a supervisor whenever it fails, whose
// envelopes feed the same handlers as the HTTP endpoints.
type SocketMode struct {
	b         *Bot
	client    *socketmode.Client
	connected atomic.Bool
	handled   *seenSet // envelope ids already handled
}

// NewSocketMode returns the Socket Mode transport for b. api must carry the
// app-level token (slack.OptionAppLevelToken) besides the bot token.
func (b *Bot) NewSocketMode(api *slack.Client, opts ...socketmode.Option) *SocketMode {
	return &SocketMode{b: b, client: socketmode.New(api, opts...), handled: newSeenSet(time.Hour)}
}

// Connected reports whether a connection is open (for readiness).
func (s *SocketMode) Connected() bool { return s.connected.Load() }

func (s *SocketMode) setConnected(up bool) {
	if g, ok := s.b.obs.(socketGauge); ok && s.connected.Swap(up) != up {
		g.SocketConnected(up)
		return
	}
	s.connected.Store(up)
}

// Run connects and keeps the connection up until ctx is cancelled: the
// client reconnects on Slack's disconnect requests, and when it gives up
// (bad token, network down) the supervisor starts it again with backoff.
func (s *SocketMode) Run(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.consume(ctx)
	}()
	backoff := time.Second
	for {
		started := time.Now()
		err := s.client.RunContext(ctx)
		s.setConnected(false)
		if ctx.Err() != nil {
			<-done
			return nil
		}
		if time.Since(started) > time.Minute {
			backoff = time.Second
		}
		s.b.log.Warn("socket mode stopped; restarting", "err", err, "backoff", backoff)
		if !sleep(ctx, backoff) {
			<-done
			return nil
		}
		backoff = min(2*backoff, time.Minute)
	}
}

// SocketConcurrency bounds the Socket Mode envelopes handled at once. Each is stored
// before it is acknowledged, as over HTTP; one at a time, a slow database
// would push the acknowledgements of a burst past Slack's 3 seconds
// (python-slack-sdk's client likewise handles envelopes on a pool).
const SocketConcurrency = 32

// consume handles the client's events until ctx is cancelled: connection
// events in order, envelopes concurrently, at most SocketConcurrency at
// once (a full pool holds the next envelope until one finishes).
func (s *SocketMode) consume(ctx context.Context) {
	sem := make(chan struct{}, SocketConcurrency)
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		select {
		case <-ctx.Done():
			return
		case evt := <-s.client.Events:
			if evt.Request == nil {
				s.event(ctx, evt)
				continue
			}
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			wg.Add(1)
			go func() {
				defer func() { <-sem; wg.Done() }()
				s.event(ctx, evt)
			}()
		}
	}
}

func (s *SocketMode) event(ctx context.Context, evt socketmode.Event) {
	log := s.b.log
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		s.b.obs.SocketReconnect()
		s.setConnected(false)
	case socketmode.EventTypeConnected, socketmode.EventTypeHello:
		s.setConnected(true)
		log.Info("socket mode connected", "event", string(evt.Type))
	case socketmode.EventTypeConnectionError, socketmode.EventTypeInvalidAuth:
		s.setConnected(false)
		log.Warn("socket mode connection failed", "event", string(evt.Type))
	case socketmode.EventTypeIncomingError:
		log.Warn("socket mode read failed; reconnecting")
	case socketmode.EventTypeErrorBadMessage:
		// An envelope the client could not parse: acknowledge it so Slack
		// does not send it again, and drop it.
		if bad, ok := evt.Data.(*socketmode.ErrorBadMessage); ok {
			var req socketmode.Request
			if json.Unmarshal(bad.Message, &req) == nil && req.EnvelopeID != "" {
				s.ack(ctx, req.EnvelopeID, nil)
			}
		}
		s.b.obs.Request("socket", "bad_request", 0)
	case socketmode.EventTypeSlashCommand, socketmode.EventTypeInteractive, socketmode.EventTypeEventsAPI:
		if evt.Request != nil {
			s.envelope(ctx, evt)
		}
	}
}

// envelope handles one envelope once and acknowledges every delivery of it.
func (s *SocketMode) envelope(ctx context.Context, evt socketmode.Event) {
	start := time.Now()
	req := evt.Request
	kind := map[socketmode.EventType]string{
		socketmode.EventTypeSlashCommand: "command",
		socketmode.EventTypeInteractive:  "interaction",
		socketmode.EventTypeEventsAPI:    "event",
	}[evt.Type]
	if !s.handled.firstTime(req.EnvelopeID) {
		s.ack(ctx, req.EnvelopeID, nil)
		s.b.obs.Request(kind, "duplicate", time.Since(start))
		return
	}
	var (
		reply Reply
		err   error
	)
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok {
			err = errBadRequest
			break
		}
		reply, err = s.b.command(ctx, cmd)
	case socketmode.EventTypeInteractive:
		reply, err = s.b.interaction(ctx, req.Payload)
	case socketmode.EventTypeEventsAPI:
		reply = s.b.HandleEvent(ctx, req.Payload)
	}
	if err != nil {
		reply = Reply{Outcome: "bad_request"}
	}
	var payload any
	if req.AcceptsResponsePayload || evt.Type != socketmode.EventTypeEventsAPI {
		payload = reply.JSON()
	}
	s.ack(ctx, req.EnvelopeID, payload)
	d := time.Since(start)
	s.b.obs.Request(kind, reply.Outcome, d)
	s.b.log.Info("slack request", "kind", kind, "transport", "socket", "outcome", reply.Outcome, "latency_ms", float64(d.Microseconds())/1000, "retry", req.RetryAttempt)
}

func (s *SocketMode) ack(ctx context.Context, envelopeID string, payload any) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := s.client.AckCtx(ctx, envelopeID, payload); err != nil {
		s.b.log.Warn("socket mode ack failed", "envelope", envelopeID, "err", err)
	}
}
