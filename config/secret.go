package config

import (
	"fmt"
	"log/slog"
	"strings"
)

// Secret holds a token, key or password. It never prints its value: every
// fmt verb, slog, JSON and text marshalling show only whether it is set and,
// for Slack and OpenAI tokens, their public prefix (xoxb-, xapp-, sk-). Call
// Reveal to get the value for the one place that sends it.
type Secret struct {
	value string
}

// NewSecret returns a Secret holding value.
func NewSecret(value string) Secret { return Secret{value: value} }

// Reveal returns the secret's value. Use it only where the value is sent to
// the service it belongs to; never log or print it.
func (s Secret) Reveal() string { return s.value }

// IsSet reports whether the secret has a value.
func (s Secret) IsSet() bool { return s.value != "" }

// publicPrefixes are token prefixes that say what kind of token it is without
// revealing any of it.
var publicPrefixes = []string{"xoxb-", "xoxp-", "xapp-", "xoxe-", "sk-proj-", "sk-"}

// String returns "<redacted>" (with the token's public prefix, if it has a
// known one) or "" when the secret is not set.
func (s Secret) String() string {
	if s.value == "" {
		return ""
	}
	for _, p := range publicPrefixes {
		// Only when something follows the prefix, so a value that is
		// nothing but a prefix is not shown whole.
		if strings.HasPrefix(s.value, p) && len(s.value) > len(p) {
			return p + "<redacted>"
		}
	}
	return "<redacted>"
}

// GoString is used by %#v; it redacts too.
func (s Secret) GoString() string { return fmt.Sprintf("config.Secret(%q)", s.String()) }

// Format redacts the secret under every fmt verb, including %d and %x that
// would otherwise print a struct's fields.
func (s Secret) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, s.GoString())
		return
	}
	fmt.Fprint(f, s.String())
}

// LogValue redacts the secret in slog output.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalText redacts the secret in encoding/json, YAML and other encoders.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
