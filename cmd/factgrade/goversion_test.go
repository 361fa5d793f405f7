package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/bot/slacktest"
)

// TestGoOlderThanFixed: releases before go1.26.10 are older, whatever the
// number of digits; development builds are not releases and not compared.
func TestGoOlderThanFixed(t *testing.T) {
	for v, want := range map[string]bool{
		"go1.26.8":                true,
		"go1.26.9":                true,
		"go1.26.0":                true,
		"go1.26":                  true,
		"go1.26rc2":               true,
		"go1.25.12":               true,
		"go1.9":                   true,
		"go1.26.8 X:nodwarf5":     true,
		"go1.26.8-bigcorp":        true,
		"go1.26.10":               false,
		"go1.26.11":               false,
		"go1.27.0":                false,
		"go1.27.3":                false,
		"go1.27rc1":               false,
		"go1.27.3 X:boringcrypto": false,
		"go1.28.1":                false,
		"go2.0.0":                 false,
		"devel go1.27-a1b2c3d4e5 Mon Dec 7 10:00:00 2026 +0000": false,
		"devel +a1b2c3d4e5": false,
		"":                  false,
	} {
		if got := goOlderThanFixed(v); got != want {
			t.Errorf("goOlderThanFixed(%q) = %v, want %v", v, got, want)
		}
		if w := goVersionWarning(v); (w != "") != want {
			t.Errorf("goVersionWarning(%q) = %q, want a warning: %v", v, w, want)
		}
	}
	w := goVersionWarning("go1.26.8")
	for _, part := range []string{"go1.26.8", "security fixes", "go1.27.3", "Dockerfile"} {
		if !strings.Contains(w, part) {
			t.Errorf("goVersionWarning(go1.26.8) = %q, want it to name %q", w, part)
		}
	}
}

// withGoVersion makes the binary look built with v for the test.
func withGoVersion(t *testing.T, v string) {
	old := goVersion
	goVersion = func() string { return v }
	t.Cleanup(func() { goVersion = old })
}

// TestGoVersionWarned: 'config check' and 'serve' warn about a binary
// built with an old Go, once, and say nothing about a current one.
func TestGoVersionWarned(t *testing.T) {
	fake := slacktest.NewServer(serveBotToken, "")
	defer fake.Close()
	for _, c := range []struct {
		version string
		warned  bool
	}{{"go1.26.8", true}, {"go1.27.3", false}, {"devel go1.28-0123456789 Mon Dec 7 10:00:00 2026 +0000", false}} {
		withGoVersion(t, c.version)
		env := serveEnv(fake, t.TempDir())
		_, out, errOut := runOps(t, env, "config", "check", "--offline")
		if got := strings.Count(errOut, "warning: this binary was built with "+c.version); got != btoi(c.warned) {
			t.Errorf("%s: config check warned %d times, want %d; stderr %q, stdout %q", c.version, got, btoi(c.warned), errOut, out)
		}

		var logs bytes.Buffer
		m := &Main{Getenv: func(k string) string { return env[k] }, ReadFile: os.ReadFile, LogOutput: &logs}
		if err := m.Run(context.Background()); err != nil {
			t.Fatalf("Main.Run: %v", err)
		}
		m.Close()
		if got := strings.Count(logs.String(), "this binary was built with "+c.version); got != btoi(c.warned) {
			t.Errorf("%s: serve logged the warning %d times, want %d; log:\n%s", c.version, got, btoi(c.warned), logs.String())
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
