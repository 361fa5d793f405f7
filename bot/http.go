package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// CommandName is the slash command factgrade answers.
const CommandName = "/factcheck"

// HTTPHandler returns the handler of Slack's HTTP requests, mounted at
// /slack/commands, /slack/interactivity and /slack/events. Every request is
// verified with v before any of it is parsed.
func (b *Bot) HTTPHandler(v *Verifier) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /slack/commands", b.slackEndpoint(v, "command", "application/x-www-form-urlencoded", b.commandBody))
	mux.Handle("POST /slack/interactivity", b.slackEndpoint(v, "interaction", "application/x-www-form-urlencoded", b.interactionBody))
	mux.Handle("POST /slack/events", b.slackEndpoint(v, "event", "application/json", b.eventBody))
	return mux
}

// logLimiter lets one log line through per interval and counts the rest.
type logLimiter struct {
	mu         sync.Mutex
	next       time.Time
	suppressed int
}

// allow reports whether a line may be logged at now, and how many were
// suppressed since the last one.
func (l *logLimiter) allow(now time.Time) (suppressed int, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Before(l.next) {
		l.suppressed++
		return 0, false
	}
	suppressed, l.suppressed, l.next = l.suppressed, 0, now.Add(time.Second)
	return suppressed, true
}

// errBadRequest is a verified request whose body cannot be understood.
var errBadRequest = errors.New("malformed request")

// slackEndpoint verifies, answers and logs one kind of Slack request; handle
// parses the verified body and returns the reply.
func (b *Bot) slackEndpoint(v *Verifier, kind, contentType string, handle func(ctx context.Context, body []byte) (Reply, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		retry := r.Header.Get(HeaderRetryNum)
		finish := func(status int, outcome string, body any) {
			writeJSON(w, status, body)
			d := time.Since(start)
			b.obs.Request(kind, outcome, d)
			level := slog.LevelInfo
			if status >= 400 {
				level = slog.LevelWarn
			}
			if status == http.StatusUnauthorized || status == http.StatusRequestEntityTooLarge || status == http.StatusServiceUnavailable {
				// Anyone can send these: at most one line a second, with
				// how many were not logged (the metrics count them all).
				suppressed, ok := b.rejectLog.allow(start)
				if !ok {
					return
				}
				b.log.Log(r.Context(), level, "slack request", "kind", kind, "outcome", outcome, "status", status, "latency_ms", float64(d.Microseconds())/1000, "retry", retry, "suppressed", suppressed)
				return
			}
			b.log.Log(r.Context(), level, "slack request", "kind", kind, "outcome", outcome, "status", status, "latency_ms", float64(d.Microseconds())/1000, "retry", retry)
		}
		if kind == "command" && r.Header.Get(HeaderSignature) == "" && sslCheck(r) {
			// Slack checks the certificate of a slash command's URL with an
			// unsigned ssl_check=1 request; Bolt answers it 200, unread.
			finish(http.StatusOK, "ssl_check", nil)
			return
		}
		body, err := v.Verify(r)
		switch {
		case errors.Is(err, ErrTooLarge):
			finish(http.StatusRequestEntityTooLarge, "too_large", errorBody("request body too large"))
			return
		case errors.Is(err, ErrBusy):
			w.Header().Set("Retry-After", largeBodyRetryAfter)
			finish(http.StatusServiceUnavailable, "busy", errorBody("too many large requests at once; try again"))
			return
		case err != nil:
			finish(http.StatusUnauthorized, "unauthorized", errorBody("request not verified"))
			return
		}
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != contentType {
			finish(http.StatusUnsupportedMediaType, "bad_request", errorBody("expected "+contentType))
			return
		}
		reply, err := handle(r.Context(), body)
		if err != nil {
			finish(http.StatusBadRequest, "bad_request", errorBody(err.Error()))
			return
		}
		finish(http.StatusOK, reply.Outcome, reply.JSON())
	})
}

// sslCheck reports whether r is Slack's unsigned certificate check of a
// slash command URL: a small form with ssl_check=1. Anything else goes on
// to verification (and is refused unsigned).
func sslCheck(r *http.Request) bool {
	if r.ContentLength > 4096 {
		return false
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 4097))
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil || len(body) > 4096 {
		return false
	}
	form, err := url.ParseQuery(string(body))
	return err == nil && form.Get("ssl_check") == "1"
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	if body == nil {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// commandBody handles the verified form of a slash command.
func (b *Bot) commandBody(ctx context.Context, body []byte) (Reply, error) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return Reply{}, errBadRequest
	}
	if form.Get("ssl_check") == "1" {
		return Reply{Outcome: "ssl_check"}, nil
	}
	cmd := slashCommand(form)
	return b.command(ctx, cmd)
}

// command checks a slash command's required fields and handles it; the
// Socket Mode transport calls it too.
func (b *Bot) command(ctx context.Context, cmd slack.SlashCommand) (Reply, error) {
	if cmd.TeamID == "" || cmd.ChannelID == "" || cmd.UserID == "" || cmd.Command == "" {
		return Reply{}, errBadRequest
	}
	if cmd.Command != CommandName {
		return Reply{Text: "factgrade answers only `" + CommandName + "`.", Outcome: "unknown_command"}, nil
	}
	return b.HandleCommand(ctx, cmd), nil
}

// slashCommand reads a slash command from its form, as Slack sends it.
func slashCommand(form url.Values) slack.SlashCommand {
	return slack.SlashCommand{
		TeamID:      form.Get("team_id"),
		TeamDomain:  form.Get("team_domain"),
		ChannelID:   form.Get("channel_id"),
		ChannelName: form.Get("channel_name"),
		UserID:      form.Get("user_id"),
		UserName:    form.Get("user_name"),
		Command:     form.Get("command"),
		Text:        form.Get("text"),
		ResponseURL: form.Get("response_url"),
		TriggerID:   form.Get("trigger_id"),
		APIAppID:    form.Get("api_app_id"),
	}
}

// interactionBody handles the verified form of an interactivity request:
// its payload field, read from the signed body only.
func (b *Bot) interactionBody(ctx context.Context, body []byte) (Reply, error) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return Reply{}, errBadRequest
	}
	payload := form.Get("payload")
	if payload == "" {
		return Reply{}, errBadRequest
	}
	return b.interaction(ctx, []byte(payload))
}

// interaction parses and handles an interactivity payload.
func (b *Bot) interaction(ctx context.Context, payload []byte) (Reply, error) {
	var cb slack.InteractionCallback
	if err := json.Unmarshal(payload, &cb); err != nil || cb.Type == "" || cb.Team.ID == "" || cb.User.ID == "" {
		return Reply{}, errBadRequest
	}
	return b.HandleInteraction(ctx, cb), nil
}

// eventBody handles the verified JSON of an Events API request.
func (b *Bot) eventBody(ctx context.Context, body []byte) (Reply, error) {
	reply := b.HandleEvent(ctx, body)
	if reply.Outcome == "bad_request" {
		return Reply{}, errBadRequest
	}
	return reply, nil
}
