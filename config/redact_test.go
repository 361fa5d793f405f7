package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

// secretsEnv sets every secret, two of them through files.
func secretsEnv() (map[string]string, map[string]string) {
	env := map[string]string{
		"SLACK_BOT_TOKEN":           botToken,
		"SLACK_SIGNING_SECRET_FILE": "/run/secrets/signing",
		"SLACK_APP_TOKEN":           appToken,
		"OPENAI_API_KEY_FILE":       "/run/secrets/openai",
		"OPENAI_MODEL":              "gpt-4o-mini",
		"DATABASE_URL":              "postgres://fg:" + pgPassword + "@db:5432/factgrade?sslmode=disable",
	}
	files := map[string]string{"/run/secrets/signing": signingSecret, "/run/secrets/openai": openAIKey}
	return env, files
}

// secretParts are distinctive parts of the fake secrets: finding one in
// output means a secret leaked, whole or in part.
var secretParts = []string{"SECRETbotTOKEN", "abcd99yyyzzz", "SECRETappTOKEN", "SECRETopenaiKEY", pgPassword}

// leaks returns the parts of secrets found in s.
func leaks(s string) []string {
	var out []string
	for _, p := range secretParts {
		if strings.Contains(s, p) {
			out = append(out, p)
		}
	}
	return out
}

func TestRedaction(t *testing.T) {
	env, files := secretsEnv()
	c, err := Load(envOf(env), filesOf(files))
	if err != nil {
		t.Fatalf("Load error = %v", err)
	}
	if c.Slack.BotToken.Reveal() != botToken || c.OpenAI.APIKey.Reveal() != openAIKey {
		t.Fatalf("secrets were not loaded; the test would prove nothing")
	}

	var jsonLog, textLog bytes.Buffer
	NewLogger(&jsonLog, LogJSON, slog.LevelDebug).Info("config loaded", "config", c, "bot_token", c.Slack.BotToken, "raw", c.Slack.BotToken.Reveal())
	NewLogger(&textLog, LogText, slog.LevelDebug).Debug("config loaded", "config", c, "signing_secret", c.Slack.SigningSecret.Reveal(), "openai", c.OpenAI)
	js, err := json.Marshal(c)
	if err != nil {
		t.Fatalf("json.Marshal(config) error = %v", err)
	}
	outputs := map[string]string{
		"String":      c.String(),
		"%v":          fmt.Sprintf("%v", c),
		"%+v value":   fmt.Sprintf("%+v", *c),
		"%#v value":   fmt.Sprintf("%#v", *c),
		"%x secret":   fmt.Sprintf("%x", c.Slack.BotToken),
		"%q secret":   fmt.Sprintf("%q", c.OpenAI.APIKey),
		"%s slack":    fmt.Sprintf("%s", c.Slack),
		"json":        string(js),
		"json log":    jsonLog.String(),
		"text log":    textLog.String(),
		"Redacted":    fmt.Sprint(c.Redacted()),
		"database %v": fmt.Sprintf("%v", c.Database),
	}
	for name, out := range outputs {
		if l := leaks(out); len(l) > 0 {
			t.Errorf("%s output leaks %q:\n%s", name, l, out)
		}
	}

	// What the redacted view does show.
	for _, want := range []string{
		"SLACK_BOT_TOKEN=xoxb-<redacted>  [env]",
		"SLACK_SIGNING_SECRET=<redacted>  [file /run/secrets/signing]",
		"SLACK_APP_TOKEN=xapp-<redacted>  [env]",
		"OPENAI_API_KEY=sk-proj-<redacted>  [file /run/secrets/openai]",
		"DATABASE_URL=postgres://fg:xxxxx@db:5432/factgrade?sslmode=disable  [env]",
		"FACTGRADE_JUDGE=hybrid  [default]",
		"mode: Socket Mode, postgres, judge hybrid (openai)",
	} {
		if !strings.Contains(c.String(), want) {
			t.Errorf("String() =\n%s\nwant a line %q", c.String(), want)
		}
	}
	if !strings.Contains(jsonLog.String(), `"slack_bot_token":"<redacted>"`) {
		t.Errorf("JSON log = %s\nwant the config group with slack_bot_token redacted", jsonLog.String())
	}
}

// TestProblemsDoNotEchoSecrets checks that messages about a wrong secret
// never repeat it.
func TestProblemsDoNotEchoSecrets(t *testing.T) {
	tests := []map[string]string{
		{"SLACK_BOT_TOKEN": appToken, "SLACK_APP_TOKEN": botToken},
		{"SLACK_BOT_TOKEN": botToken, "SLACK_SIGNING_SECRET": signingSecret, "DATABASE_URL": "postgres://fg:" + pgPassword + "@db:54x/fg"},
		{"SLACK_BOT_TOKEN": botToken, "SLACK_SIGNING_SECRET": signingSecret, "DATABASE_URL": "postgres://fg:" + pgPassword + "@/fg"},
		{"SLACK_BOT_TOKEN": botToken, "SLACK_SIGNING_SECRET": signingSecret, "DATABASE_URL": "mysql://fg:" + pgPassword + "@db/fg"},
		{"SLACK_BOT_TOKEN": botToken, "SLACK_BOT_TOKEN_FILE": "/x", "OPENAI_API_KEY": openAIKey, "FACTGRADE_JUDGE": "llm"},
	}
	for _, env := range tests {
		c, err := Load(envOf(env), filesOf(nil))
		if err == nil {
			t.Fatalf("Load(%v) = nil error, want problems", env)
		}
		if l := leaks(err.Error()); len(l) > 0 {
			t.Errorf("Load error leaks %q:\n%v", l, err)
		}
		if l := leaks(c.String()); len(l) > 0 {
			t.Errorf("String() after problems leaks %q:\n%s", l, c.String())
		}
	}
}

func TestLoggerRedactsByKey(t *testing.T) {
	tests := []struct {
		name     string
		attr     slog.Attr
		redacted bool
	}{
		{"bot_token", slog.String("bot_token", "anything"), true},
		{"signing_secret", slog.String("signing_secret", "anything"), true},
		{"api_key", slog.String("api_key", "anything"), true},
		{"Authorization", slog.String("Authorization", "Bearer abc"), true},
		{"db.password", slog.String("db.password", "hunter2"), true},
		{"Slack token under any key", slog.String("header", "Bearer xoxb-123-456-abc"), true},
		{"prompt_tokens is a count", slog.Int("prompt_tokens", 812), false},
		{"idempotency_key is not a credential", slog.String("idempotency_key", "Ev123"), false},
		{"outcome", slog.String("outcome", "graded"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			NewLogger(&buf, LogJSON, slog.LevelInfo).LogAttrs(t.Context(), slog.LevelInfo, "m", tt.attr)
			var got map[string]any
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatalf("log line %q is not JSON: %v", buf.String(), err)
			}
			isRedacted := got[tt.attr.Key] == redacted
			if isRedacted != tt.redacted {
				t.Errorf("logged %s as %v, want redacted=%t", tt.attr, got[tt.attr.Key], tt.redacted)
			}
		})
	}
}

func TestLoggerFormatAndLevel(t *testing.T) {
	var buf bytes.Buffer
	l := NewLogger(&buf, LogText, slog.LevelWarn)
	l.Info("hidden")
	l.Warn("shown", "kind", "command")
	if got := buf.String(); strings.Contains(got, "hidden") || !strings.Contains(got, "level=WARN msg=shown kind=command") {
		t.Errorf("text logger at warn wrote %q, want only the warning in key=value form", got)
	}
	buf.Reset()
	NewLogger(&buf, LogJSON, slog.LevelDebug).Debug("d")
	if !json.Valid(bytes.TrimSpace(buf.Bytes())) || !strings.Contains(buf.String(), `"level":"DEBUG"`) {
		t.Errorf("JSON logger at debug wrote %q, want one JSON debug line", buf.String())
	}
}

func TestSecretFormatting(t *testing.T) {
	tests := []struct {
		value, want string
	}{
		{"", ""},
		{"xoxb-", "<redacted>"},
		{"xoxb-abc", "xoxb-<redacted>"},
		{"xapp-1-abc", "xapp-<redacted>"},
		{"sk-abc", "sk-<redacted>"},
		{"plain", "<redacted>"},
	}
	for _, tt := range tests {
		s := NewSecret(tt.value)
		if got := s.String(); got != tt.want {
			t.Errorf("Secret(%q).String() = %q, want %q", tt.value, got, tt.want)
		}
		if got := fmt.Sprintf("%#v", s); got != fmt.Sprintf("config.Secret(%q)", tt.want) {
			t.Errorf("%%#v of Secret(%q) = %s", tt.value, got)
		}
		if s.IsSet() != (tt.value != "") || s.Reveal() != tt.value {
			t.Errorf("Secret(%q): IsSet %t, Reveal %q", tt.value, s.IsSet(), s.Reveal())
		}
	}
}
