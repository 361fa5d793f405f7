package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot/slacktest"
)

// digestConfig writes a config file with one digest and returns its path.
func digestConfig(t *testing.T, digests string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "factgrade.yaml")
	if err := os.WriteFile(path, []byte("digests:\n"+digests), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestServeDigests runs serve with a digest every second: it is posted to
// its channel with its metadata, and a second instance on the same SQLite
// database does not run the scheduler and says why.
func TestServeDigests(t *testing.T) {
	fake := slacktest.NewServer(serveBotToken, "")
	defer fake.Close()
	dir := t.TempDir()
	cfg := digestConfig(t, "  - {name: often, schedule: '@every 1s', time_zone: America/New_York, channel: C0DIGEST}\n")
	env := serveEnv(fake, dir, "FACTGRADE_CONFIG", cfg)
	startMain(t, env)
	var digest *slacktest.Call
	deadline := time.Now().Add(10 * time.Second)
	for digest == nil && time.Now().Before(deadline) {
		for _, c := range fake.Calls("chat.postMessage") {
			if c.Form.Get("channel") == "C0DIGEST" {
				digest = &c
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	if digest == nil {
		t.Fatal("no digest posted to C0DIGEST within 10 s")
	}
	if meta := digest.Form.Get("metadata"); !strings.Contains(meta, "factgrade_digest") || !strings.Contains(digest.Form.Get("text"), "Digest often") {
		t.Errorf("digest post = text %q metadata %q, want the digest with its metadata", digest.Form.Get("text"), meta)
	}

	logs := &lockedBuffer{}
	second := &Main{Getenv: func(k string) string { return env[k] }, ReadFile: os.ReadFile, LogOutput: logs}
	if err := second.Run(context.Background()); err != nil {
		t.Fatalf("second instance: %v", err)
	}
	deadline = time.Now().Add(5 * time.Second)
	for !strings.Contains(logs.String(), "digests are not scheduled by this instance") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	second.Close()
	if !strings.Contains(logs.String(), "one factgrade serve per SQLite database") {
		t.Errorf("second instance's log does not say why it runs no digests:\n%s", logs.String())
	}
}

// lockedBuffer is a log output read while the server writes to it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestServeBadDigestConfig(t *testing.T) {
	fake := slacktest.NewServer(serveBotToken, "")
	defer fake.Close()
	tests := []struct{ name, digest, setting string }{
		{"invalid cron spec", "{name: a, schedule: '0 25 * * *', time_zone: UTC, channel: C1}", "digests[0].schedule"},
		{"unknown time zone", "{name: a, schedule: '0 8 * * *', time_zone: Europe/Londn, channel: C1}", "digests[0].time_zone"},
		{"no time zone", "{name: a, schedule: '0 8 * * *', channel: C1}", "digests[0].time_zone"},
		{"missing channel", "{name: a, schedule: '0 8 * * *', time_zone: UTC}", "digests[0].channel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := serveEnv(fake, t.TempDir(), "FACTGRADE_CONFIG", digestConfig(t, "  - "+tt.digest+"\n"))
			m := &Main{Getenv: func(k string) string { return env[k] }, ReadFile: os.ReadFile}
			err := m.Run(context.Background())
			m.Close()
			if err == nil || !strings.Contains(err.Error(), tt.setting) {
				t.Errorf("Main.Run = %v, want an error naming %s", err, tt.setting)
			}
		})
	}
}

func TestDigestCLI(t *testing.T) {
	dir := t.TempDir()
	cfg := digestConfig(t, "  - {name: morning, schedule: '0 8 * * *', time_zone: Europe/London, channel: C0DIGEST}\n")
	vars := map[string]string{"FACTGRADE_DATA_DIR": dir, "FACTGRADE_CONFIG": cfg}
	if code, _, stderr := runCLI(t, "", vars, "migrate"); code != 0 {
		t.Fatalf("migrate: %d %s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "", vars, "digest", "--preview")
	if code != 0 || !strings.Contains(stdout, "Digest morning") || !strings.Contains(stdout, "Nothing new") {
		t.Errorf("digest --preview = %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "", vars, "digest", "--preview", "--json")
	if code != 0 || !strings.Contains(stdout, `"Blocks"`) {
		t.Errorf("digest --preview --json = %d\n%s", code, stdout)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"digest"}, "one of --preview and --post"},
		{[]string{"digest", "--post"}, "--post needs --name"},
		{[]string{"digest", "--preview", "--name", "evening"}, `no digest "evening"`},
		{[]string{"digest", "--post", "--name", "morning"}, "SLACK_BOT_TOKEN"},
	} {
		code, _, stderr := runCLI(t, "", vars, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v = %d %q, want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}
