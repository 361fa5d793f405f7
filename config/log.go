package config

import (
	"io"
	"log/slog"
	"strings"
)

// LogFormat is the log output format.
type LogFormat string

// The formats FACTGRADE_LOG_FORMAT accepts.
const (
	// LogText is slog's key=value text, for people reading a terminal.
	LogText LogFormat = "text"
	// LogJSON is one JSON object per line, for log collectors.
	LogJSON LogFormat = "json"
)

// ParseLogLevel parses debug, info, warn or error (any case; slog's
// offsets such as warn+2 are accepted too).
func ParseLogLevel(s string) (slog.Level, error) {
	var l slog.Level
	err := l.UnmarshalText([]byte(strings.TrimSpace(s)))
	return l, err
}

// NewLogger returns the service's logger writing to w in format at level.
//
// It never writes a secret: config.Secret values log as "<redacted>", and as
// a second line of defence any attribute whose key names a credential (a key
// with a token, secret, password or authorization segment, such as
// bot_token or signing_secret, or api_key) and any string value that looks
// like a Slack token (xoxb-, xoxp-, xapp-, xoxe-) is replaced by
// "<redacted>". Keep request bodies and whole prompts at debug level.
func NewLogger(w io.Writer, format LogFormat, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level, ReplaceAttr: redactAttr}
	if format == LogJSON {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// Logger returns the logger the configuration asks for, writing to w.
func (c *Config) Logger(w io.Writer) *slog.Logger { return NewLogger(w, c.Log.Format, c.Log.Level) }

const redacted = "<redacted>"

// redactAttr is the ReplaceAttr of NewLogger's handlers.
func redactAttr(groups []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindGroup {
		return a
	}
	if secretKey(a.Key) {
		return slog.String(a.Key, redacted)
	}
	if a.Value.Kind() == slog.KindString && looksLikeSlackToken(a.Value.String()) {
		return slog.String(a.Key, redacted)
	}
	return a
}

// secretKey reports whether an attribute key names a credential.
func secretKey(key string) bool {
	k := strings.ToLower(key)
	if k == "api_key" || k == "apikey" {
		return true
	}
	for _, seg := range strings.FieldsFunc(k, func(r rune) bool { return r == '_' || r == '.' || r == '-' }) {
		switch seg {
		case "token", "secret", "password", "authorization":
			return true
		}
	}
	return false
}

func looksLikeSlackToken(s string) bool {
	for _, p := range []string{"xoxb-", "xoxp-", "xapp-", "xoxe-"} {
		if i := strings.Index(s, p); i >= 0 && len(s) > i+len(p)+4 {
			return true
		}
	}
	return false
}
