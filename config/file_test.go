package config

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSecretFiles(t *testing.T) {
	files := map[string]string{
		"/run/secrets/bot":     botToken + "\n",
		"/run/secrets/signing": signingSecret,
		"/run/secrets/app":     appToken + "\r\n",
		"/run/secrets/openai":  "  " + openAIKey + "\n",
		"/run/secrets/db":      "postgres://fg:" + pgPassword + "@db:5432/factgrade?sslmode=disable\n",
		"/run/secrets/empty":   "\n",
	}
	tests := []struct {
		name    string
		env     map[string]string
		get     func(*Config) string
		want    string
		source  string // Redacted source of the setting
		setting string
	}{
		{"SLACK_BOT_TOKEN_FILE", map[string]string{"SLACK_BOT_TOKEN_FILE": "/run/secrets/bot"}, func(c *Config) string { return c.Slack.BotToken.Reveal() }, botToken, "file /run/secrets/bot", "SLACK_BOT_TOKEN"},
		{"SLACK_SIGNING_SECRET_FILE", map[string]string{"SLACK_SIGNING_SECRET_FILE": "/run/secrets/signing"}, func(c *Config) string { return c.Slack.SigningSecret.Reveal() }, signingSecret, "file /run/secrets/signing", "SLACK_SIGNING_SECRET"},
		{"SLACK_APP_TOKEN_FILE", map[string]string{"SLACK_APP_TOKEN_FILE": "/run/secrets/app"}, func(c *Config) string { return c.Slack.AppToken.Reveal() }, appToken, "file /run/secrets/app", "SLACK_APP_TOKEN"},
		{"OPENAI_API_KEY_FILE", map[string]string{"OPENAI_API_KEY_FILE": "/run/secrets/openai"}, func(c *Config) string { return c.OpenAI.APIKey.Reveal() }, openAIKey, "file /run/secrets/openai", "OPENAI_API_KEY"},
		{"DATABASE_URL_FILE", map[string]string{"DATABASE_URL_FILE": "/run/secrets/db"}, func(c *Config) string { return c.Database.URL.Reveal() }, "postgres://fg:" + pgPassword + "@db:5432/factgrade?sslmode=disable", "file /run/secrets/db", "DATABASE_URL"},
		{"env", map[string]string{"SLACK_BOT_TOKEN": botToken}, func(c *Config) string { return c.Slack.BotToken.Reveal() }, botToken, "env", "SLACK_BOT_TOKEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustRead(t, tt.env, files)
			if got := tt.get(c); got != tt.want {
				t.Errorf("Read(%v) secret = %q, want %q", tt.env, got, tt.want)
			}
			for _, s := range c.Redacted() {
				if s.Name == tt.setting && s.Source != tt.source {
					t.Errorf("Redacted() source of %s = %q, want %q", s.Name, s.Source, tt.source)
				}
			}
		})
	}

	bad := []struct {
		name string
		env  map[string]string
		want []string
		msg  string
	}{
		{"both set", map[string]string{"SLACK_BOT_TOKEN": botToken, "SLACK_BOT_TOKEN_FILE": "/run/secrets/bot"}, []string{"SLACK_BOT_TOKEN"}, "keep only one"},
		{"missing file", map[string]string{"OPENAI_API_KEY_FILE": "/run/secrets/nope"}, []string{"OPENAI_API_KEY_FILE"}, "cannot read /run/secrets/nope (file does not exist)"},
		{"empty file", map[string]string{"SLACK_SIGNING_SECRET_FILE": "/run/secrets/empty"}, []string{"SLACK_SIGNING_SECRET_FILE"}, "/run/secrets/empty is empty"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(envOf(tt.env), filesOf(files))
			if diff := cmp.Diff(tt.want, problemSettings(t, err)); diff != "" {
				t.Errorf("Read(%v) problems (-want +got):\n%s", tt.env, diff)
			}
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Read(%v) error = %v, want it to say %q", tt.env, err, tt.msg)
			}
		})
	}
}

const sampleFile = `
rubric_dirs: [rubrics, /srv/rubrics]
digests:
  - name: morning
    schedule: "0 8 * * 1-5"
    time_zone: Europe/London
    channel: C0123STANDARDS
    filters:
      rubric: volt-typhoon-geneva
      channels: [C0NEWSDESK, C0WORLD]
  - name: weekly
    schedule: "CRON_TZ=America/New_York @weekly"
    channel: G0EDITORS
    post_empty: false
`

func TestConfigFile(t *testing.T) {
	env := with(httpEnv(), "FACTGRADE_CONFIG", "/etc/factgrade/factgrade.yaml", "FACTGRADE_RUBRIC_DIRS", "/env/rubrics")
	c, err := Load(envOf(env), filesOf(map[string]string{"/etc/factgrade/factgrade.yaml": sampleFile}))
	if err != nil {
		t.Fatalf("Load(sample file) error = %v", err)
	}
	if diff := cmp.Diff([]string{"/env/rubrics", "/etc/factgrade/rubrics", "/srv/rubrics"}, c.RubricDirs); diff != "" {
		t.Errorf("RubricDirs (-want +got):\n%s", diff)
	}
	if len(c.Digests) != 2 {
		t.Fatalf("Load(sample file) has %d digests, want 2", len(c.Digests))
	}
	m, w := c.Digests[0], c.Digests[1]
	type view struct {
		Name, Spec, TimeZone, Channel, Rubric, CronSpec string
		Channels                                        []string
		PostEmpty                                       bool
	}
	got := []view{
		{m.Name, m.Spec, m.TimeZone, m.Channel, m.Rubric, m.CronSpec(), m.Channels, m.PostEmpty},
		{w.Name, w.Spec, w.TimeZone, w.Channel, w.Rubric, w.CronSpec(), w.Channels, w.PostEmpty},
	}
	want := []view{
		{"morning", "0 8 * * 1-5", "Europe/London", "C0123STANDARDS", "volt-typhoon-geneva", "CRON_TZ=Europe/London 0 8 * * 1-5", []string{"C0NEWSDESK", "C0WORLD"}, true},
		{"weekly", "CRON_TZ=America/New_York @weekly", "America/New_York", "G0EDITORS", "", "CRON_TZ=America/New_York @weekly", nil, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("digests (-want +got):\n%s", diff)
	}

	// The schedule runs in the digest's zone, across the DST change: 08:00
	// London is 07:00 UTC in summer and 08:00 UTC in winter.
	from := time.Date(2025, 10, 24, 12, 0, 0, 0, time.UTC) // Friday
	next := m.Schedule.Next(from)
	if want := time.Date(2025, 10, 27, 8, 0, 0, 0, time.UTC); !next.Equal(want) {
		t.Errorf("morning.Schedule.Next(%v) = %v, want %v", from, next.UTC(), want)
	}
	from = time.Date(2025, 10, 23, 12, 0, 0, 0, time.UTC) // Thursday, still BST
	if got, want := m.Schedule.Next(from), time.Date(2025, 10, 24, 7, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("morning.Schedule.Next(%v) = %v, want %v", from, got.UTC(), want)
	}
	if m.Location == nil || m.Location.String() != "Europe/London" {
		t.Errorf("morning.Location = %v, want Europe/London", m.Location)
	}
}

func TestConfigFileProblems(t *testing.T) {
	tests := []struct {
		name string
		file string
		want []string
		msg  string
	}{
		{"bad cron spec", "digests: [{name: a, schedule: '0 25 * * *', time_zone: UTC, channel: C1}]", []string{"digests[0].schedule"}, "does not parse"},
		{"six fields", "digests: [{name: a, schedule: '0 0 8 * * *', time_zone: UTC, channel: C1}]", []string{"digests[0].schedule"}, "five cron fields"},
		{"unknown zone", "digests: [{name: a, schedule: '@daily', time_zone: Europe/Londn, channel: C1}]", []string{"digests[0].time_zone"}, "not a known time zone"},
		{"unknown CRON_TZ", "digests: [{name: a, schedule: 'CRON_TZ=Mars/Olympus 0 8 * * *', channel: C1}]", []string{"digests[0].time_zone"}, "Mars/Olympus"},
		{"no zone", "digests: [{name: a, schedule: '0 8 * * *', channel: C1}]", []string{"digests[0].time_zone"}, "server's UTC"},
		{"zone and CRON_TZ disagree", "digests: [{name: a, schedule: 'CRON_TZ=UTC 0 8 * * *', time_zone: Europe/Paris, channel: C1}]", []string{"digests[0].time_zone"}, "disagrees"},
		{"CRON_TZ without a spec", "digests: [{name: a, schedule: 'CRON_TZ=UTC', channel: C1}]", []string{"digests[0].schedule"}, "no schedule"},
		{"no schedule", "digests: [{name: a, time_zone: UTC, channel: C1}]", []string{"digests[0].schedule"}, "missing"},
		{"no channel", "digests: [{name: a, schedule: '@daily', time_zone: UTC}]", []string{"digests[0].channel"}, "channel ID"},
		{"channel by name", "digests: [{name: a, schedule: '@daily', time_zone: UTC, channel: '#standards'}]", []string{"digests[0].channel"}, "channel ID"},
		{"bad filter channel", "digests: [{name: a, schedule: '@daily', time_zone: UTC, channel: C1, filters: {channels: [news]}}]", []string{"digests[0].filters.channels[0]"}, "channel ID"},
		{"bad filter rubric", "digests: [{name: a, schedule: '@daily', time_zone: UTC, channel: C1, filters: {rubric: 'a b'}}]", []string{"digests[0].filters.rubric"}, "rubric id"},
		{"no name", "digests: [{schedule: '@daily', time_zone: UTC, channel: C1}]", []string{"digests[0].name"}, "digest name"},
		{"duplicate name", "digests: [{name: a, schedule: '@daily', time_zone: UTC, channel: C1}, {name: a, schedule: '@hourly', time_zone: UTC, channel: C2}]", []string{"digests[1].name"}, "earlier digest"},
		{"unknown field", "digests: [{name: a, schedule: '@daily', time_zone: UTC, channel: C1, cron: x}]", []string{"FACTGRADE_CONFIG"}, "field cron not found"},
		{"not YAML", "digests: [", []string{"FACTGRADE_CONFIG"}, "not valid YAML"},
		{"wrong type", "rubric_dirs: {a: b}", []string{"FACTGRADE_CONFIG"}, "cannot unmarshal"},
		{"every digest reported", "digests: [{name: a, schedule: '@daily', channel: C1}, {name: b, schedule: '@nightly', time_zone: UTC, channel: C1}]", []string{"digests[0].time_zone", "digests[1].schedule"}, "unrecognized descriptor"},
		{"empty file is fine", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := with(httpEnv(), "FACTGRADE_CONFIG", "/f.yaml")
			c, err := Load(envOf(env), filesOf(map[string]string{"/f.yaml": tt.file}))
			if diff := cmp.Diff(tt.want, problemSettings(t, err)); diff != "" {
				t.Errorf("Load(%q) problems (-want +got):\n%s\nerror: %v", tt.file, diff, err)
			}
			if tt.msg != "" && (err == nil || !strings.Contains(err.Error(), tt.msg)) {
				t.Errorf("Load(%q) error = %v, want it to say %q", tt.file, err, tt.msg)
			}
			if err != nil && len(c.Digests) != 0 && len(tt.want) > 0 && strings.HasPrefix(tt.want[0], "digests[0]") {
				t.Errorf("Load(%q) kept a digest with problems: %+v", tt.file, c.Digests[0].Name)
			}
		})
	}
}
