package config

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/robfig/cron/v3"
)

// FuzzLoad feeds arbitrary config files and settings to Load, with every
// secret set: it never panics, always returns a configuration, reports
// problems only as a *config.Error, never shows a secret in an error, in the
// configuration's text or in its log value, and a configuration it accepts
// has workers and queue in their bounds and digests whose schedules parse
// and run forward in their time zone.
func FuzzLoad(f *testing.F) {
	f.Add("digests:\n  - name: morning\n    schedule: \"0 9 * * 1-5\"\n    time_zone: America/New_York\n    channel: C0123456789\n", "db.internal:5432/factgrade", "30s", "4", "http://127.0.0.1:11434/v1")
	f.Add("digests:\n  - name: nightly\n    schedule: \"CRON_TZ=Europe/London @daily\"\n    channel: G01\n    post_empty: false\n    filters: {rubric: volt-typhoon-geneva, channels: [C1, C2]}\n", "", "", "", "")
	f.Add("rubric_dirs: [rubrics, /etc/factgrade/rubrics]\n", "[::1]:5432/test?sslmode=disable", "1m", "1024", "https://example.openai.azure.com/")
	f.Add("digests: {name: x}\n", "host/db?password=also-secret", "-5s", "0", "ftp://x")
	f.Add(": : :\n\t- [", "%zz", "forever", "many", "not a url")
	f.Add("digests:\n  - name: a\n    schedule: \"60 25 * * *\"\n    time_zone: Mars/Olympus\n    channel: c1\n  - name: a\n", "@", "1h1h", "99999999999999999999", "")
	f.Fuzz(func(t *testing.T, file, dbHost, timeout, workers, baseURL string) {
		env := map[string]string{
			"SLACK_BOT_TOKEN":      botToken,
			"SLACK_SIGNING_SECRET": signingSecret,
			"SLACK_APP_TOKEN":      appToken,
			"OPENAI_API_KEY":       openAIKey,
			"DATABASE_URL":         "postgres://fg:" + pgPassword + "@" + dbHost,
			"OPENAI_TIMEOUT":       timeout,
			"FACTGRADE_WORKERS":    workers,
			"OPENAI_BASE_URL":      baseURL,
			"FACTGRADE_CONFIG":     "/etc/factgrade/config.yaml",
		}
		files := map[string]string{"/etc/factgrade/config.yaml": file}
		c, err := Load(envOf(env), filesOf(files))
		if c == nil {
			t.Fatalf("Load returned no configuration (err %v)", err)
		}
		var shown []string
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) || len(ce.Problems) == 0 {
				t.Fatalf("Load error %T %v is not a *config.Error with problems", err, err)
			}
			shown = append(shown, err.Error())
		}
		var logged bytes.Buffer
		slog.New(slog.NewJSONHandler(&logged, nil)).Info("config", "config", c)
		shown = append(shown, c.String(), fmt.Sprint(c.Redacted()), fmt.Sprintf("%+v", *c), logged.String())
		for _, s := range shown {
			for _, secret := range []string{botToken, signingSecret, appToken, openAIKey, pgPassword} {
				if strings.Contains(s, secret) {
					t.Fatalf("a secret shows in %q", s)
				}
			}
		}
		if err != nil {
			return
		}
		if c.Workers < 1 || c.Workers > 1024 || c.QueueSize < 1 {
			t.Errorf("accepted workers %d, queue %d", c.Workers, c.QueueSize)
		}
		if c.OpenAI.Timeout <= 0 {
			t.Errorf("accepted OPENAI_TIMEOUT %q as %s", timeout, c.OpenAI.Timeout)
		}
		from := time.Date(2026, 3, 28, 12, 0, 0, 0, time.UTC)
		for _, d := range c.Digests {
			if d.Schedule == nil || d.Location == nil || !digestNamePattern.MatchString(d.Name) || !channelIDPattern.MatchString(d.Channel) {
				t.Fatalf("accepted digest %+v", d)
			}
			if _, err := cron.ParseStandard(d.CronSpec()); err != nil {
				t.Errorf("digest %s: CronSpec %q does not parse: %v", d.Name, d.CronSpec(), err)
			}
			if next := d.Schedule.Next(from); !next.IsZero() && !next.After(from) {
				t.Errorf("digest %s: next run %s is not after %s", d.Name, next, from)
			}
		}
	})
}
