package config

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNames(t *testing.T) {
	names := Names()
	for _, want := range []string{"SLACK_BOT_TOKEN", "SLACK_BOT_TOKEN_FILE", "DATABASE_URL_FILE", "FACTGRADE_WORKERS", "FACTGRADE_SHUTDOWN_DRAIN", "FACTGRADE_CONFIG", "OPENAI_TIMEOUT"} {
		if !slices.Contains(names, want) {
			t.Errorf("Names() lacks %s: %v", want, names)
		}
	}
	c, _ := Read(envOf(nil), filesOf(nil))
	for _, s := range c.Redacted() {
		if !slices.Contains(names, s.Name) {
			t.Errorf("Names() lacks %s, which Redacted shows", s.Name)
		}
	}
}

func TestUnknown(t *testing.T) {
	got := Unknown([]string{
		"FACTGRADE_WORKER=8",
		"FACTGRADE_WORKERS=8",
		"FACTGRADE_TEST_POSTGRES_URL=postgres://x",
		"FACTGRADE_COLOUR=blue",
		"HOME=/root",
		"SLACK_BOT_TOKEN=xoxb-secret",
	})
	want := []Problem{
		{Setting: "FACTGRADE_COLOUR", Message: "is not a factgrade setting and is ignored (the settings are listed in docs/OPERATIONS.md)"},
		{Setting: "FACTGRADE_WORKER", Message: "is not a factgrade setting and is ignored; did you mean FACTGRADE_WORKERS? (the settings are listed in docs/OPERATIONS.md)"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unknown (-want +got):\n%s", diff)
	}
}
