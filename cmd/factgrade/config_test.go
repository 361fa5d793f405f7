package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/llm/llmtest"
)

// runOps runs the factgrade command line in-process with only env set and
// returns the exit code, stdout and stderr.
func runOps(t *testing.T, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(t.Context(), args, &env{
		stdin:  strings.NewReader(""),
		stdout: &stdout,
		stderr: &stderr,
		getenv: func(k string) string { return vars[k] },
		environ: func() []string {
			var kv []string
			for k, v := range vars {
				kv = append(kv, k+"="+v)
			}
			return kv
		},
	})
	return code, stdout.String(), stderr.String()
}

const (
	testBotToken = "xoxb-42-42-TOKENnotTOBEseen"
	testSigning  = "signingSECRETnotTOBEseen"
)

func TestConfigCheck(t *testing.T) {
	dir := t.TempDir()
	secretFile := filepath.Join(dir, "signing")
	if err := os.WriteFile(secretFile, []byte(testSigning+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	digests := filepath.Join(dir, "factgrade.yaml")
	if err := os.WriteFile(digests, []byte(`digests:
  - name: morning
    schedule: "0 8 * * 1-5"
    time_zone: Europe/London
    channel: C0STANDARDS
    filters: {rubric: volt-typhoon-geneva}
  - name: unknown-rubric
    schedule: "@daily"
    time_zone: UTC
    channel: C0STANDARDS
    filters: {rubric: no-such-rubric}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	badRubrics := filepath.Join(dir, "rubrics")
	if err := os.Mkdir(badRubrics, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(badRubrics, "broken.yaml"), []byte("id: broken\nversion: x\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	fake := slacktest.NewServer(testBotToken, "")
	defer fake.Close()
	data := filepath.Join(dir, "data")
	ok := map[string]string{"SLACK_BOT_TOKEN": testBotToken, "SLACK_SIGNING_SECRET_FILE": secretFile, "SLACK_API_URL": fake.APIURL(), "FACTGRADE_DATA_DIR": data}
	inTheWay := filepath.Join(dir, "a-file")
	if err := os.WriteFile(inTheWay, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	closed := slacktest.NewServer(testBotToken, "")
	closed.Close()
	model := llmtest.NewServer(t)
	model.RequireKey("sk-modelKEYnotTOBEseen")
	model.SetModels("gpt-4o-mini", "llama3.1")
	withModel := with(ok, "FACTGRADE_JUDGE", "hybrid", "OPENAI_BASE_URL", model.URL, "OPENAI_MODEL", "llama3.1", "OPENAI_API_KEY", "sk-modelKEYnotTOBEseen")
	tests := []struct {
		name       string
		env        map[string]string
		args       []string
		wantCode   int
		wantOut    []string // in stdout
		wantErr    []string // in stderr
		notWantErr []string
	}{
		{
			name:     "usable",
			env:      ok,
			args:     []string{"config", "check"},
			wantCode: 0,
			wantOut: []string{
				"factgrade configuration (secrets redacted)",
				"mode: HTTP, sqlite, judge rules",
				"SLACK_BOT_TOKEN=xoxb-<redacted>  [env]",
				"SLACK_SIGNING_SECRET=<redacted>  [file " + secretFile + "]",
				"DATABASE_URL=sqlite:" + filepath.Join(data, "factgrade.db"),
				"rubrics: aspartame-iarc, volt-typhoon-geneva",
				"(not created yet; serve creates it)",
				"slack: the bot token belongs to Subarachnoid Workspace (team T12345678",
				"no standards editors (FACTGRADE_STANDARDS_EDITORS is not set): only workspace admins and owners may change a channel's settings or dispute others' grades",
				"configuration OK",
			},
		},
		{
			name:     "unwritable data directory",
			env:      with(ok, "FACTGRADE_DATA_DIR", filepath.Join(inTheWay, "data")),
			args:     []string{"config", "check", "--offline"},
			wantCode: 2,
			wantErr:  []string{"FACTGRADE_DATA_DIR: " + inTheWay + " is not a directory", "point it at a writable directory"},
		},
		{
			name:     "unwritable SQLite file named by DATABASE_URL",
			env:      with(ok, "DATABASE_URL", "sqlite:"+filepath.Join(inTheWay, "fg.db")),
			args:     []string{"config", "check"},
			wantCode: 2,
			wantErr:  []string{"DATABASE_URL: " + inTheWay + " is not a directory"},
		},
		{
			name:     "unreachable database",
			env:      with(ok, "DATABASE_URL", "postgres://factgrade:pw@127.0.0.1:1/factgrade?sslmode=disable&connect_timeout=2"),
			args:     []string{"config", "check"},
			wantCode: 2,
			wantErr:  []string{"DATABASE_URL: cannot open PostgreSQL 127.0.0.1:1/factgrade", "check the host, port"},
		},
		{
			name:     "bad Slack token",
			env:      with(ok, "SLACK_BOT_TOKEN", "xoxb-1-2-WRONGnotTOBEseen"),
			args:     []string{"config", "check"},
			wantCode: 2,
			wantErr:  []string{"SLACK_BOT_TOKEN: auth.test: the bot token was refused by Slack (invalid_auth)", "Bot User OAuth Token"},
		},
		{
			name:     "Slack unreachable",
			env:      with(ok, "SLACK_API_URL", closed.APIURL()),
			args:     []string{"config", "check"},
			wantCode: 2,
			wantErr:  []string{"SLACK_API_URL: cannot reach Slack at " + closed.APIURL(), "--offline"},
		},
		{
			name:     "Slack unreachable, offline",
			env:      with(ok, "SLACK_API_URL", closed.APIURL()),
			args:     []string{"config", "check", "--offline"},
			wantCode: 0,
			wantOut:  []string{"configuration OK"},
		},
		{
			name:     "model server lists the model",
			env:      withModel,
			args:     []string{"config", "check"},
			wantCode: 0,
			wantOut:  []string{"model: " + model.URL + " answers and lists llama3.1", "configuration OK"},
		},
		{
			name:     "model server refuses the key",
			env:      with(withModel, "OPENAI_API_KEY", "sk-WRONGnotTOBEseen"),
			args:     []string{"config", "check"},
			wantCode: 2,
			wantErr:  []string{"OPENAI_API_KEY: the model server refused the API key (HTTP 401"},
		},
		{
			name:     "model server lacks the model",
			env:      with(withModel, "OPENAI_MODEL", "llama3.2"),
			args:     []string{"config", "check"},
			wantCode: 2,
			wantErr:  []string{`OPENAI_MODEL: the model server does not list the model "llama3.2"; it lists: gpt-4o-mini, llama3.1`},
		},
		{
			name:     "model server out of reach",
			env:      with(withModel, "OPENAI_BASE_URL", closed.URL+"/v1"),
			args:     []string{"config", "check"},
			wantCode: 2,
			wantErr:  []string{"OPENAI_BASE_URL: cannot reach the model server at " + closed.URL + "/v1"},
		},
		{
			name:     "unknown variable",
			env:      with(ok, "FACTGRADE_WORKER", "8"),
			args:     []string{"config", "check"},
			wantCode: 0,
			wantOut:  []string{"configuration OK"},
			wantErr:  []string{"warning: FACTGRADE_WORKER: is not a factgrade setting and is ignored; did you mean FACTGRADE_WORKERS?"},
		},
		{
			name:     "nothing set",
			env:      map[string]string{},
			args:     []string{"config", "check"},
			wantCode: 2,
			wantOut:  []string{"SLACK_BOT_TOKEN=(not set)"},
			wantErr: []string{
				"factgrade: 2 configuration problems:",
				"  - SLACK_BOT_TOKEN: missing;",
				"  - SLACK_SIGNING_SECRET: missing;",
			},
		},
		{
			name: "problems of every kind at once",
			env: map[string]string{
				"SLACK_BOT_TOKEN":          testBotToken,
				"SLACK_SIGNING_SECRET":     testSigning,
				"FACTGRADE_JUDGE":          "llm",
				"FACTGRADE_CONFIG":         digests,
				"FACTGRADE_DEFAULT_RUBRIC": "salt-typhoon",
				"DATABASE_URL":             "postgres://fg:pw@db/",
			},
			args:     []string{"config", "check"},
			wantCode: 2,
			wantErr: []string{
				"factgrade: 5 configuration problems:",
				"  - DATABASE_URL: the PostgreSQL URL names no database;",
				"  - OPENAI_MODEL: missing;",
				"  - OPENAI_API_KEY: missing;",
				`  - FACTGRADE_DEFAULT_RUBRIC: no rubric "salt-typhoon" is loaded; put one of aspartame-iarc, volt-typhoon-geneva there`,
				`  - digests[1].filters.rubric: no rubric "no-such-rubric" is loaded`,
			},
		},
		{
			name:     "a broken rubric directory",
			env:      with(ok, "FACTGRADE_RUBRIC_DIRS", badRubrics),
			args:     []string{"config", "check"},
			wantCode: 2,
			wantErr:  []string{"FACTGRADE_RUBRIC_DIRS: ", filepath.Join(badRubrics, "broken.yaml") + ":2:", "factgrade rubric lint"},
		},
		{
			name:     "a missing rubric directory",
			env:      with(ok, "FACTGRADE_RUBRIC_DIRS", filepath.Join(dir, "nope")),
			args:     []string{"config", "check"},
			wantCode: 2,
			wantErr:  []string{"FACTGRADE_RUBRIC_DIRS: ", filepath.Join(dir, "nope")},
		},
		{name: "no subcommand", env: ok, args: []string{"config"}, wantCode: 2, wantErr: []string{"usage: factgrade config check"}},
		{name: "unknown subcommand", env: ok, args: []string{"config", "show"}, wantCode: 2, wantErr: []string{"usage: factgrade config check"}},
		{name: "extra argument", env: ok, args: []string{"config", "check", "now"}, wantCode: 2, wantErr: []string{"takes no arguments"}},
		{name: "help", env: ok, args: []string{"config", "check", "-h"}, wantCode: 0, wantErr: []string{"Usage: factgrade config check"}, notWantErr: []string{"factgrade: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runOps(t, tt.env, tt.args...)
			if code != tt.wantCode {
				t.Errorf("factgrade %s exit = %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tt.args, " "), code, tt.wantCode, out, errOut)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("stdout =\n%s\nwant it to contain %q", out, w)
				}
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr =\n%s\nwant it to contain %q", errOut, w)
				}
			}
			for _, w := range tt.notWantErr {
				if strings.Contains(errOut, w) {
					t.Errorf("stderr =\n%s\nwant it not to contain %q", errOut, w)
				}
			}
			for _, secret := range []string{"TOKENnotTOBEseen", "SECRETnotTOBEseen", "WRONGnotTOBEseen", "modelKEYnotTOBEseen", ":pw@"} {
				if strings.Contains(out+errOut, secret) {
					t.Errorf("config check printed a secret (%q):\n%s%s", secret, out, errOut)
				}
			}
		})
	}
}

// with returns a copy of m with the key/value pairs kv set.
func with(m map[string]string, kv ...string) map[string]string {
	out := make(map[string]string, len(m)+len(kv)/2)
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}
