package config

import (
	"fmt"
	"log/slog"
	"path/filepath"
	"strconv"
	"strings"
)

// Setting is one effective setting as people may see it: secrets redacted.
type Setting struct {
	Name   string
	Value  string
	Source string // env, file PATH, config file, default, or "" when unset
}

// Redacted returns every setting with its effective value, secrets shown
// only as set or not (with a token's public prefix), and the PostgreSQL
// password replaced.
func (c *Config) Redacted() []Setting {
	o := c.OpenAI
	ss := []Setting{
		{Name: "SLACK_BOT_TOKEN", Value: c.Slack.BotToken.String()},
		{Name: "SLACK_SIGNING_SECRET", Value: c.Slack.SigningSecret.String()},
		{Name: "SLACK_APP_TOKEN", Value: c.Slack.AppToken.String()},
		{Name: "SLACK_API_URL", Value: c.Slack.APIURL},
		{Name: "FACTGRADE_ADDR", Value: c.Addr},
		{Name: "FACTGRADE_DATA_DIR", Value: c.DataDir},
		{Name: "DATABASE_URL", Value: c.Database.display()},
		{Name: "FACTGRADE_MIGRATE", Value: strconv.FormatBool(c.Migrate)},
		{Name: "FACTGRADE_JUDGE", Value: string(c.Judge)},
		{Name: "OPENAI_BASE_URL", Value: o.BaseURL},
		{Name: "OPENAI_MODEL", Value: o.Model},
		{Name: "OPENAI_API_KEY", Value: o.APIKey.String()},
		{Name: "OPENAI_ORG_ID", Value: o.OrgID},
		{Name: "OPENAI_API_TYPE", Value: string(o.APIType)},
		{Name: "OPENAI_API_VERSION", Value: o.APIVersion},
		{Name: "OPENAI_DEPLOYMENT", Value: o.Deployment},
		{Name: "OPENAI_TIMEOUT", Value: o.Timeout.String()},
		{Name: "OPENAI_RESPONSE_FORMAT", Value: string(o.ResponseFormat)},
		{Name: "FACTGRADE_LOG_FORMAT", Value: string(c.Log.Format)},
		{Name: "FACTGRADE_LOG_LEVEL", Value: strings.ToLower(c.Log.Level.String())},
		{Name: "FACTGRADE_SHUTDOWN_GRACE", Value: c.ShutdownGrace.String()},
		{Name: "FACTGRADE_SHUTDOWN_DRAIN", Value: c.ShutdownDrain.String()},
		{Name: "FACTGRADE_WORKERS", Value: strconv.Itoa(c.Workers)},
		{Name: "FACTGRADE_QUEUE_SIZE", Value: strconv.Itoa(c.QueueSize)},
		{Name: "FACTGRADE_REPLY", Value: replyMode(c.ReplyInChannel)},
		{Name: "FACTGRADE_STANDARDS_EDITORS", Value: strings.Join(c.Editors, ",")},
		{Name: "FACTGRADE_USER_LIMIT", Value: strconv.Itoa(c.UserLimit)},
		{Name: "FACTGRADE_CHANNEL_LIMIT", Value: strconv.Itoa(c.ChannelLimit)},
		{Name: "FACTGRADE_INSTANCE", Value: c.Instance},
		{Name: "FACTGRADE_CLAIM_LEASE", Value: c.ClaimLease.String()},
		{Name: "FACTGRADE_DEFAULT_RUBRIC", Value: c.DefaultRubric},
		{Name: "FACTGRADE_RUBRIC_DIRS", Value: strings.Join(c.RubricDirs, string(filepath.ListSeparator))},
		{Name: "FACTGRADE_CONFIG", Value: c.ConfigFile},
	}
	for i := range ss {
		ss[i].Source = c.sources[ss[i].Name]
	}
	// Rubric dirs may come from the environment and the file.
	if src := c.sources["rubric_dirs"]; src != "" {
		for i := range ss {
			if ss[i].Name == "FACTGRADE_RUBRIC_DIRS" {
				ss[i].Source = strings.TrimPrefix(ss[i].Source+"+"+src, "+")
			}
		}
	}
	return ss
}

// Mode summarises the transport, storage and judge, such as
// "HTTP, sqlite, judge rules".
func (c *Config) Mode() string {
	t := "HTTP"
	if c.Slack.SocketMode() {
		t = "Socket Mode"
	}
	j := "judge " + string(c.Judge)
	if c.Judge.UsesLLM() {
		j += " (" + string(c.OpenAI.APIType) + ")"
	}
	return t + ", " + string(c.Database.Driver) + ", " + j
}

// String renders the effective configuration with secrets redacted, one
// setting a line, then the digests.
func (c *Config) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "mode: %s\n", c.Mode())
	for _, s := range c.Redacted() {
		v := s.Value
		if v == "" {
			v = "(not set)"
		}
		if s.Source != "" {
			fmt.Fprintf(&b, "%s=%s  [%s]\n", s.Name, v, s.Source)
		} else {
			fmt.Fprintf(&b, "%s=%s\n", s.Name, v)
		}
	}
	if len(c.Digests) == 0 {
		b.WriteString("digests: none\n")
	} else {
		b.WriteString("digests:\n")
	}
	for _, d := range c.Digests {
		fmt.Fprintf(&b, "  %s: %q in %s, post to %s", d.Name, d.Spec, d.TimeZone, d.Channel)
		if d.Rubric != "" {
			fmt.Fprintf(&b, ", rubric %s", d.Rubric)
		}
		if len(d.Channels) > 0 {
			fmt.Fprintf(&b, ", from %s", strings.Join(d.Channels, " "))
		}
		fmt.Fprintf(&b, ", post when empty: %t\n", d.PostEmpty)
	}
	return b.String()
}

// LogValue logs the configuration as a group of its redacted settings, so
// slog.Any("config", cfg) never writes a secret.
func (c *Config) LogValue() slog.Value {
	ss := c.Redacted()
	attrs := make([]slog.Attr, 0, len(ss)+1)
	for _, s := range ss {
		if s.Value != "" {
			attrs = append(attrs, slog.String(strings.ToLower(s.Name), s.Value))
		}
	}
	names := make([]string, len(c.Digests))
	for i, d := range c.Digests {
		names[i] = d.Name
	}
	attrs = append(attrs, slog.String("digests", strings.Join(names, ",")))
	return slog.GroupValue(attrs...)
}

// replyMode is FACTGRADE_REPLY's value for ReplyInChannel.
func replyMode(inChannel bool) string {
	if inChannel {
		return "channel"
	}
	return "private"
}
