package config

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Fake credentials, shaped like real ones.
const (
	botToken      = "xoxb-1111-2222-SECRETbotTOKEN"
	signingSecret = "8f742231b10e8888abcd99yyyzzz85a5"
	appToken      = "xapp-1-A111-222-SECRETappTOKEN"
	openAIKey     = "sk-proj-SECRETopenaiKEY123"
	pgPassword    = "pgSECRETpass"
)

// envOf returns a getenv over m.
func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// filesOf returns a readFile over m; missing files fail like os.ReadFile.
func filesOf(m map[string]string) func(string) ([]byte, error) {
	return func(p string) ([]byte, error) {
		if s, ok := m[p]; ok {
			return []byte(s), nil
		}
		return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist}
	}
}

// httpEnv is the least a serve in HTTP mode needs.
func httpEnv() map[string]string {
	return map[string]string{"SLACK_BOT_TOKEN": botToken, "SLACK_SIGNING_SECRET": signingSecret}
}

func with(m map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

func TestLoadDefaults(t *testing.T) {
	c, err := Load(envOf(httpEnv()), filesOf(nil))
	if err != nil {
		t.Fatalf("Load(minimal HTTP env) = %v, want no error", err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"Addr", c.Addr, ":8080"},
		{"DataDir", c.DataDir, "./data"},
		{"Slack.APIURL", c.Slack.APIURL, "https://slack.com/api/"},
		{"SocketMode", c.Slack.SocketMode(), false},
		{"Database.Driver", c.Database.Driver, SQLite},
		{"Database.Path", c.Database.Path, "data/factgrade.db"},
		{"Judge", c.Judge, JudgeRules},
		{"OpenAI.APIType", c.OpenAI.APIType, APIOpenAI},
		{"OpenAI.Timeout", c.OpenAI.Timeout, 30 * time.Second},
		{"OpenAI.ResponseFormat", c.OpenAI.ResponseFormat, FormatJSONSchema},
		{"Log.Format", c.Log.Format, LogText},
		{"Log.Level", c.Log.Level, slog.LevelInfo},
		{"ShutdownGrace", c.ShutdownGrace, 25 * time.Second},
		{"ShutdownDrain", c.ShutdownDrain, 5 * time.Second},
		{"Workers", c.Workers, 4},
		{"QueueSize", c.QueueSize, 256},
		{"DefaultRubric", c.DefaultRubric, ""}, // none: each text goes to the story it is about
		{"RubricDirs", len(c.RubricDirs), 0},
		{"Migrate", c.Migrate, true},
		{"Digests", len(c.Digests), 0},
		{"Mode", c.Mode(), "HTTP, sqlite, judge rules"},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("Load(minimal).%s = %v, want %v", ch.name, ch.got, ch.want)
		}
	}
}

// TestLoadSettings sets each setting in turn and checks the field it fills.
func TestLoadSettings(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		get  func(*Config) any
		want any
	}{
		{"SLACK_BOT_TOKEN", httpEnv(), func(c *Config) any { return c.Slack.BotToken.Reveal() }, botToken},
		{"SLACK_SIGNING_SECRET", httpEnv(), func(c *Config) any { return c.Slack.SigningSecret.Reveal() }, signingSecret},
		{"SLACK_APP_TOKEN", with(httpEnv(), "SLACK_APP_TOKEN", appToken), func(c *Config) any { return c.Slack.AppToken.Reveal() }, appToken},
		{"SLACK_APP_TOKEN selects Socket Mode", with(httpEnv(), "SLACK_APP_TOKEN", appToken), func(c *Config) any { return c.Slack.SocketMode() }, true},
		{"SLACK_API_URL", with(httpEnv(), "SLACK_API_URL", "http://127.0.0.1:9999/api/"), func(c *Config) any { return c.Slack.APIURL }, "http://127.0.0.1:9999/api/"},
		{"SLACK_API_URL gains a slash", with(httpEnv(), "SLACK_API_URL", "http://127.0.0.1:9999/api"), func(c *Config) any { return c.Slack.APIURL }, "http://127.0.0.1:9999/api/"},
		{"FACTGRADE_ADDR", with(httpEnv(), "FACTGRADE_ADDR", "127.0.0.1:0"), func(c *Config) any { return c.Addr }, "127.0.0.1:0"},
		{"FACTGRADE_DATA_DIR", with(httpEnv(), "FACTGRADE_DATA_DIR", "/data"), func(c *Config) any { return c.Database.Path }, "/data/factgrade.db"},
		{"DATABASE_URL postgres", with(httpEnv(), "DATABASE_URL", "postgres://fg:"+pgPassword+"@db:5432/factgrade?sslmode=disable"), func(c *Config) any { return c.Database.Driver }, Postgres},
		{"DATABASE_URL postgresql", with(httpEnv(), "DATABASE_URL", "postgresql://db/factgrade"), func(c *Config) any { return c.Database.URL.Reveal() }, "postgresql://db/factgrade"},
		{"DATABASE_URL sqlite", with(httpEnv(), "DATABASE_URL", "sqlite:/var/lib/fg.db"), func(c *Config) any { return c.Database.Path }, "/var/lib/fg.db"},
		{"DATABASE_URL sqlite keeps the URL", with(httpEnv(), "DATABASE_URL", "sqlite:/var/lib/fg.db"), func(c *Config) any { return c.Database.URL.Reveal() }, "sqlite:/var/lib/fg.db"},
		{"DATABASE_URL sqlite://", with(httpEnv(), "DATABASE_URL", "sqlite:///var/lib/fg.db"), func(c *Config) any { return c.Database.Path }, "/var/lib/fg.db"},
		{"FACTGRADE_JUDGE", with(httpEnv(), "FACTGRADE_JUDGE", "LLM", "OPENAI_MODEL", "m", "OPENAI_API_KEY", openAIKey), func(c *Config) any { return c.Judge }, JudgeLLM},
		{"judge defaults to hybrid with a key", with(httpEnv(), "OPENAI_API_KEY", openAIKey, "OPENAI_MODEL", "gpt-4o-mini"), func(c *Config) any { return c.Judge }, JudgeHybrid},
		{"judge defaults to hybrid with a base URL", with(httpEnv(), "OPENAI_BASE_URL", "http://ollama:11434/v1", "OPENAI_MODEL", "llama3.1"), func(c *Config) any { return c.Judge }, JudgeHybrid},
		{"rules despite a key", with(httpEnv(), "OPENAI_API_KEY", openAIKey, "FACTGRADE_JUDGE", "rules"), func(c *Config) any { return c.Judge }, JudgeRules},
		{"OPENAI_BASE_URL", with(httpEnv(), "OPENAI_BASE_URL", "http://ollama:11434/v1", "OPENAI_MODEL", "m"), func(c *Config) any { return c.OpenAI.BaseURL }, "http://ollama:11434/v1"},
		{"OPENAI_MODEL", with(httpEnv(), "OPENAI_MODEL", "gpt-4o-mini"), func(c *Config) any { return c.OpenAI.Model }, "gpt-4o-mini"},
		{"OPENAI_API_KEY", with(httpEnv(), "OPENAI_API_KEY", openAIKey, "OPENAI_MODEL", "m"), func(c *Config) any { return c.OpenAI.APIKey.Reveal() }, openAIKey},
		{"OPENAI_ORG_ID", with(httpEnv(), "OPENAI_ORG_ID", "org-123"), func(c *Config) any { return c.OpenAI.OrgID }, "org-123"},
		{"OPENAI_API_TYPE", with(httpEnv(), "OPENAI_API_TYPE", "azure"), func(c *Config) any { return c.OpenAI.APIType }, APIAzure},
		{"OPENAI_API_VERSION", with(httpEnv(), "OPENAI_API_TYPE", "azure", "OPENAI_API_VERSION", "2024-10-21"), func(c *Config) any { return c.OpenAI.APIVersion }, "2024-10-21"},
		{"OPENAI_DEPLOYMENT", with(httpEnv(), "OPENAI_API_TYPE", "azure", "OPENAI_DEPLOYMENT", "grader"), func(c *Config) any { return c.OpenAI.Deployment }, "grader"},
		{"OPENAI_TIMEOUT", with(httpEnv(), "OPENAI_TIMEOUT", "90s"), func(c *Config) any { return c.OpenAI.Timeout }, 90 * time.Second},
		{"OPENAI_RESPONSE_FORMAT", with(httpEnv(), "OPENAI_RESPONSE_FORMAT", "json_object"), func(c *Config) any { return c.OpenAI.ResponseFormat }, FormatJSONObject},
		{"FACTGRADE_LOG_FORMAT", with(httpEnv(), "FACTGRADE_LOG_FORMAT", "json"), func(c *Config) any { return c.Log.Format }, LogJSON},
		{"FACTGRADE_LOG_LEVEL", with(httpEnv(), "FACTGRADE_LOG_LEVEL", "DEBUG"), func(c *Config) any { return c.Log.Level }, slog.LevelDebug},
		{"FACTGRADE_LOG_LEVEL warn", with(httpEnv(), "FACTGRADE_LOG_LEVEL", "warn"), func(c *Config) any { return c.Log.Level }, slog.LevelWarn},
		{"FACTGRADE_SHUTDOWN_GRACE", with(httpEnv(), "FACTGRADE_SHUTDOWN_GRACE", "1m"), func(c *Config) any { return c.ShutdownGrace }, time.Minute},
		{"FACTGRADE_SHUTDOWN_DRAIN", with(httpEnv(), "FACTGRADE_SHUTDOWN_DRAIN", "0s"), func(c *Config) any { return c.ShutdownDrain }, time.Duration(0)},
		{"FACTGRADE_WORKERS", with(httpEnv(), "FACTGRADE_WORKERS", "16"), func(c *Config) any { return c.Workers }, 16},
		{"FACTGRADE_QUEUE_SIZE", with(httpEnv(), "FACTGRADE_QUEUE_SIZE", "10"), func(c *Config) any { return c.QueueSize }, 10},
		{"FACTGRADE_DEFAULT_RUBRIC", with(httpEnv(), "FACTGRADE_DEFAULT_RUBRIC", "salt-typhoon"), func(c *Config) any { return c.DefaultRubric }, "salt-typhoon"},
		{"FACTGRADE_RUBRIC_DIRS", with(httpEnv(), "FACTGRADE_RUBRIC_DIRS", "/rubrics:/more/rubrics:"), func(c *Config) any { return strings.Join(c.RubricDirs, ",") }, "/rubrics,/more/rubrics"},
		{"FACTGRADE_MIGRATE false", with(httpEnv(), "FACTGRADE_MIGRATE", "false"), func(c *Config) any { return c.Migrate }, false},
		{"FACTGRADE_MIGRATE 0", with(httpEnv(), "FACTGRADE_MIGRATE", "0"), func(c *Config) any { return c.Migrate }, false},
		{"FACTGRADE_MIGRATE yes", with(httpEnv(), "FACTGRADE_MIGRATE", "yes"), func(c *Config) any { return c.Migrate }, true},
		{"values are trimmed", with(httpEnv(), "OPENAI_MODEL", "  gpt-4o-mini \n"), func(c *Config) any { return c.OpenAI.Model }, "gpt-4o-mini"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.get(mustRead(t, tt.env, nil)); got != tt.want {
				t.Errorf("Read(%v) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

// mustRead reads env and files and fails the test on any problem.
func mustRead(t *testing.T, env, files map[string]string) *Config {
	t.Helper()
	c, err := Read(envOf(env), filesOf(files))
	if err != nil {
		t.Fatalf("Read(%v) error = %v", env, err)
	}
	return c
}

// problemSettings returns the settings an error names, in order.
func problemSettings(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("error %v is not a *config.Error", err)
	}
	var out []string
	for _, p := range ce.Problems {
		if p.Message == "" {
			t.Errorf("problem for %s has no message", p.Setting)
		}
		out = append(out, p.Setting)
	}
	return out
}

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want []string // settings named, in order
	}{
		{"nothing set", map[string]string{}, []string{"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"}},
		{"HTTP mode needs the signing secret", map[string]string{"SLACK_BOT_TOKEN": botToken}, []string{"SLACK_SIGNING_SECRET"}},
		{"Socket Mode does not", map[string]string{"SLACK_BOT_TOKEN": botToken, "SLACK_APP_TOKEN": appToken}, nil},
		{"Socket Mode needs an xapp- token", map[string]string{"SLACK_BOT_TOKEN": botToken, "SLACK_APP_TOKEN": botToken}, []string{"SLACK_APP_TOKEN"}},
		{"bot token must be xoxb-", with(httpEnv(), "SLACK_BOT_TOKEN", appToken), []string{"SLACK_BOT_TOKEN"}},
		{"bad Slack API URL", with(httpEnv(), "SLACK_API_URL", "slack.com/api"), []string{"SLACK_API_URL"}},
		{"bad address", with(httpEnv(), "FACTGRADE_ADDR", "8080"), []string{"FACTGRADE_ADDR"}},
		{"bad port", with(httpEnv(), "FACTGRADE_ADDR", ":http-alt"), []string{"FACTGRADE_ADDR"}},
		{"unknown judge", with(httpEnv(), "FACTGRADE_JUDGE", "gpt"), []string{"FACTGRADE_JUDGE"}},
		{"llm needs a model and a server", with(httpEnv(), "FACTGRADE_JUDGE", "llm"), []string{"OPENAI_MODEL", "OPENAI_API_KEY"}},
		{"hybrid by default needs a model", with(httpEnv(), "OPENAI_API_KEY", openAIKey), []string{"OPENAI_MODEL"}},
		{"a base URL is enough for a server", with(httpEnv(), "FACTGRADE_JUDGE", "llm", "OPENAI_BASE_URL", "http://vllm:8000/v1", "OPENAI_MODEL", "qwen"), nil},
		{"bad base URL", with(httpEnv(), "OPENAI_BASE_URL", "ollama:11434", "OPENAI_MODEL", "m"), []string{"OPENAI_BASE_URL"}},
		{"azure needs endpoint, key and version", with(httpEnv(), "FACTGRADE_JUDGE", "hybrid", "OPENAI_API_TYPE", "azure", "OPENAI_MODEL", "gpt-4o"), []string{"OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_API_VERSION"}},
		{"azure complete", with(httpEnv(), "OPENAI_API_TYPE", "azure", "OPENAI_MODEL", "gpt-4o", "OPENAI_BASE_URL", "https://nr.openai.azure.com/", "OPENAI_API_KEY", "k", "OPENAI_API_VERSION", "2024-10-21"), nil},
		{"azure settings without azure", with(httpEnv(), "OPENAI_MODEL", "m", "OPENAI_API_KEY", openAIKey, "OPENAI_API_VERSION", "2024-10-21"), []string{"OPENAI_API_TYPE"}},
		{"unknown API type", with(httpEnv(), "OPENAI_API_TYPE", "bedrock"), []string{"OPENAI_API_TYPE"}},
		{"bad timeout", with(httpEnv(), "OPENAI_TIMEOUT", "30"), []string{"OPENAI_TIMEOUT"}},
		{"negative timeout", with(httpEnv(), "OPENAI_TIMEOUT", "-1s"), []string{"OPENAI_TIMEOUT"}},
		{"bad response format", with(httpEnv(), "OPENAI_RESPONSE_FORMAT", "xml"), []string{"OPENAI_RESPONSE_FORMAT"}},
		{"bad log format", with(httpEnv(), "FACTGRADE_LOG_FORMAT", "logfmt"), []string{"FACTGRADE_LOG_FORMAT"}},
		{"bad log level", with(httpEnv(), "FACTGRADE_LOG_LEVEL", "verbose"), []string{"FACTGRADE_LOG_LEVEL"}},
		{"bad grace", with(httpEnv(), "FACTGRADE_SHUTDOWN_GRACE", "soon"), []string{"FACTGRADE_SHUTDOWN_GRACE"}},
		{"bad drain", with(httpEnv(), "FACTGRADE_SHUTDOWN_DRAIN", "-1s"), []string{"FACTGRADE_SHUTDOWN_DRAIN"}},
		{"zero workers", with(httpEnv(), "FACTGRADE_WORKERS", "0"), []string{"FACTGRADE_WORKERS"}},
		{"bad queue size", with(httpEnv(), "FACTGRADE_QUEUE_SIZE", "lots"), []string{"FACTGRADE_QUEUE_SIZE"}},
		{"bad rubric id", with(httpEnv(), "FACTGRADE_DEFAULT_RUBRIC", "volt typhoon"), []string{"FACTGRADE_DEFAULT_RUBRIC"}},
		{"bad migrate", with(httpEnv(), "FACTGRADE_MIGRATE", "maybe"), []string{"FACTGRADE_MIGRATE"}},
		{"mysql URL", with(httpEnv(), "DATABASE_URL", "mysql://db/x"), []string{"DATABASE_URL"}},
		{"postgres without host", with(httpEnv(), "DATABASE_URL", "postgres:///factgrade"), []string{"DATABASE_URL"}},
		{"postgres without database", with(httpEnv(), "DATABASE_URL", "postgres://db:5432"), []string{"DATABASE_URL"}},
		{"postgres bad port", with(httpEnv(), "DATABASE_URL", "postgres://db:54x2/fg"), []string{"DATABASE_URL"}},
		{"postgres bad sslmode", with(httpEnv(), "DATABASE_URL", "postgres://db/fg?sslmode=yes"), []string{"DATABASE_URL"}},
		{"sqlite without path", with(httpEnv(), "DATABASE_URL", "sqlite:"), []string{"DATABASE_URL"}},
		{"missing config file", with(httpEnv(), "FACTGRADE_CONFIG", "/etc/factgrade.yaml"), []string{"FACTGRADE_CONFIG"}},
		{
			"all problems at once",
			map[string]string{
				"FACTGRADE_ADDR":   "nowhere",
				"FACTGRADE_JUDGE":  "llm",
				"OPENAI_TIMEOUT":   "forever",
				"DATABASE_URL":     "postgres://db",
				"FACTGRADE_CONFIG": "/missing.yaml",
				"SLACK_APP_TOKEN":  "not-an-app-token",
			},
			[]string{"FACTGRADE_ADDR", "DATABASE_URL", "OPENAI_TIMEOUT", "FACTGRADE_CONFIG", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "OPENAI_MODEL", "OPENAI_API_KEY"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(envOf(tt.env), filesOf(nil))
			if c == nil {
				t.Fatalf("Load returned a nil config")
			}
			if diff := cmp.Diff(tt.want, problemSettings(t, err)); diff != "" {
				t.Errorf("Load(%v) problems (-want +got):\n%s\nerror: %v", tt.env, diff, err)
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	_, err := Load(envOf(map[string]string{"FACTGRADE_WORKERS": "none"}), filesOf(nil))
	got := fmt.Sprint(err)
	for _, want := range []string{
		"3 configuration problems:\n  - FACTGRADE_WORKERS: \"none\" is not a whole number",
		"\n  - SLACK_BOT_TOKEN: missing; put the app's Bot User OAuth Token",
		"  - SLACK_SIGNING_SECRET: missing; HTTP mode needs it",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Load error =\n%s\nwant it to contain %q", got, want)
		}
	}
}
