// Package config reads factgrade's settings from the environment, from
// <NAME>_FILE secret files and from an optional YAML file (FACTGRADE_CONFIG),
// and checks them as a whole. Every problem found is reported at once, each
// naming the setting and what to put there. Secrets are held in Secret, which
// never prints its value; Redacted and String show the effective
// configuration safely, and NewLogger builds the slog logger the service
// uses.
//
// The settings, their defaults and their meaning are listed in
// docs/OPERATIONS.md; the field comments of Config name each one.
package config

import (
	"errors"
	"log/slog"
	"time"
)

// Config is factgrade's effective configuration. Load fills every field,
// applying defaults; the comment of each field names the setting it comes
// from.
type Config struct {
	Slack    Slack
	Judge    Judge
	OpenAI   OpenAI
	Log      Log
	Database Database

	// Addr is the HTTP listen address for Slack's requests and /livez,
	// /readyz and /metrics (FACTGRADE_ADDR, default ":8080").
	Addr string
	// DataDir holds the SQLite database and other local state
	// (FACTGRADE_DATA_DIR, default "./data"; the image sets /data).
	DataDir string
	// ShutdownGrace bounds a graceful shutdown on SIGTERM
	// (FACTGRADE_SHUTDOWN_GRACE, default 25s). Keep it below the
	// orchestrator's kill timeout (compose stop_grace_period, Kubernetes
	// terminationGracePeriodSeconds).
	ShutdownGrace time.Duration
	// ShutdownDrain is how long serve keeps answering after SIGTERM while
	// /readyz already says 503, so load balancers (Kubernetes endpoints)
	// stop routing to it before it stops accepting
	// (FACTGRADE_SHUTDOWN_DRAIN, default 5s; 0 stops accepting at once).
	// ShutdownGrace starts when the drain ends.
	ShutdownDrain time.Duration
	// Workers is the number of submissions graded at once
	// (FACTGRADE_WORKERS, default 4).
	Workers int
	// Editors are the desk's standards editors, Slack user ids and user
	// group ids (S…) separated by commas (FACTGRADE_STANDARDS_EDITORS):
	// only they and workspace admins and owners change a channel's
	// settings, and they (besides the editor who asked) may dispute a
	// grade. Unset, only workspace admins and owners are standards editors.
	Editors []string
	// UserLimit and ChannelLimit are the texts one person and one channel
	// may send for grading a minute; more are refused politely, saying
	// when to try again (FACTGRADE_USER_LIMIT, default 30;
	// FACTGRADE_CHANNEL_LIMIT, default 120; 0 is no limit). Each replica
	// keeps its own count.
	UserLimit, ChannelLimit int
	// Instance names this process in the claims it takes on submissions
	// and digest runs shared with other replicas (FACTGRADE_INSTANCE,
	// default host:pid). A process restarted under the same name (a pod
	// restarted in place, with the pod name) takes its own claims back at
	// once; two processes running at once must never share one.
	Instance string
	// ClaimLease is how long a replica's claim on a submission or a digest
	// run lasts before another replica may take it over
	// (FACTGRADE_CLAIM_LEASE, default 2m). It is renewed before each post,
	// so it must outlast one grade and one post. A standby replica asks
	// for the digest scheduler lock, and the leader checks it still holds
	// it, every quarter lease (at most every 30 s and 5 s); unfinished
	// work is looked for every half lease (at most every 30 s).
	ClaimLease time.Duration
	// QueueSize is how many accepted submissions may wait for a worker
	// before new ones are refused with "busy, try again"
	// (FACTGRADE_QUEUE_SIZE, default 256).
	QueueSize int
	// ReplyInChannel posts grades for the whole channel in channels that
	// have not chosen with "/factcheck reply channel|private"
	// (FACTGRADE_REPLY=channel). The default, FACTGRADE_REPLY=private,
	// shows each grade only to the editor who asked, with a Share in
	// channel button.
	ReplyInChannel bool
	// DefaultRubric, when set, is the rubric used when neither the command
	// nor the channel names one (FACTGRADE_DEFAULT_RUBRIC). Empty, the
	// default: each text is graded against the story it is about.
	DefaultRubric string
	// RubricDirs are extra directories of rubric YAML files loaded and
	// linted at start, in addition to the embedded rubrics: first those in
	// FACTGRADE_RUBRIC_DIRS (a list separated like PATH, ":" on Linux),
	// then the config file's rubric_dirs.
	RubricDirs []string
	// ConfigFile is the optional YAML file read (FACTGRADE_CONFIG); empty
	// when none.
	ConfigFile string
	// Digests are the scheduled digests, from the config file's digests.
	Digests []Digest
	// Migrate runs database migrations when serve starts
	// (FACTGRADE_MIGRATE, default true). With false, serve refuses to
	// start on an old schema; run 'factgrade migrate' first.
	Migrate bool

	// sources maps a setting's name to where its value came from, for
	// Redacted.
	sources map[string]string
}

// Slack holds the Slack app's credentials and the transport they select.
type Slack struct {
	// BotToken is the bot user OAuth token, xoxb-… (SLACK_BOT_TOKEN or
	// SLACK_BOT_TOKEN_FILE). Always required by serve.
	BotToken Secret
	// SigningSecret verifies Slack's HTTP requests (SLACK_SIGNING_SECRET or
	// SLACK_SIGNING_SECRET_FILE). Required in HTTP mode.
	SigningSecret Secret
	// AppToken is the app-level token, xapp-…, with the
	// connections:write scope (SLACK_APP_TOKEN or SLACK_APP_TOKEN_FILE).
	// When set, factgrade uses Socket Mode instead of HTTP.
	AppToken Secret
	// APIURL is the Web API base URL, ending in "/" (SLACK_API_URL,
	// default "https://slack.com/api/"). A test server or an enterprise
	// proxy can be put there.
	APIURL string
}

// SocketMode reports whether Slack is reached over Socket Mode (an app
// token is set) rather than by Slack's HTTP requests.
func (s Slack) SocketMode() bool { return s.AppToken.IsSet() }

// Judge is the grading strategy.
type Judge string

// The judges FACTGRADE_JUDGE accepts.
const (
	// JudgeRules grades with the rubric's rules only; no LLM is called.
	JudgeRules Judge = "rules"
	// JudgeLLM grades with the LLM only (quotes still verified in code).
	JudgeLLM Judge = "llm"
	// JudgeHybrid runs the rules and the LLM; decisive rules stand.
	JudgeHybrid Judge = "hybrid"
)

// UsesLLM reports whether the judge calls the LLM.
func (j Judge) UsesLLM() bool { return j == JudgeLLM || j == JudgeHybrid }

// APIType says which flavour of the OpenAI API the server speaks.
type APIType string

// The API types OPENAI_API_TYPE accepts.
const (
	// APIOpenAI is OpenAI or any OpenAI-compatible server (vLLM, Ollama,
	// LiteLLM…).
	APIOpenAI APIType = "openai"
	// APIAzure is Azure OpenAI: the base URL is the resource endpoint, the
	// key goes in the api-key header, and requests name a deployment and an
	// api-version.
	APIAzure APIType = "azure"
)

// ResponseFormat is how the LLM is asked for structured output.
type ResponseFormat string

// The response formats OPENAI_RESPONSE_FORMAT accepts.
const (
	// FormatJSONSchema asks for strict JSON schema output (OpenAI, Azure,
	// vLLM, recent Ollama).
	FormatJSONSchema ResponseFormat = "json_schema"
	// FormatJSONObject asks for any JSON object, for servers without
	// json_schema; the judge validates the shape itself.
	FormatJSONObject ResponseFormat = "json_object"
)

// OpenAI configures the LLM judge's OpenAI-compatible client.
type OpenAI struct {
	// BaseURL is the API base URL (OPENAI_BASE_URL). Empty means OpenAI's
	// own (https://api.openai.com/v1). For Azure, the resource endpoint
	// https://NAME.openai.azure.com/; for Ollama, http://HOST:11434/v1.
	BaseURL string
	// Model is the model name sent with each request (OPENAI_MODEL). For
	// Azure it is the deployment name unless Deployment is set.
	Model string
	// APIKey authenticates to the server (OPENAI_API_KEY or
	// OPENAI_API_KEY_FILE). Optional for local servers.
	APIKey Secret
	// OrgID is the OpenAI organisation (OPENAI_ORG_ID), optional.
	OrgID string
	// APIType is openai or azure (OPENAI_API_TYPE, default openai).
	APIType APIType
	// APIVersion is Azure's api-version query parameter
	// (OPENAI_API_VERSION); required when APIType is azure.
	APIVersion string
	// Deployment is the Azure deployment name (OPENAI_DEPLOYMENT); empty
	// means the deployment is named like Model.
	Deployment string
	// Timeout bounds each call to the server (OPENAI_TIMEOUT, default 30s).
	Timeout time.Duration
	// ResponseFormat is json_schema or json_object
	// (OPENAI_RESPONSE_FORMAT, default json_schema).
	ResponseFormat ResponseFormat
}

// Log configures the service's logger.
type Log struct {
	// Format is json or text (FACTGRADE_LOG_FORMAT, default text).
	Format LogFormat
	// Level is debug, info, warn or error (FACTGRADE_LOG_LEVEL, default
	// info).
	Level slog.Level
}

// Defaults of the settings that have one.
const (
	DefaultAddr          = ":8080"
	DefaultDataDir       = "./data"
	DefaultSlackAPIURL   = "https://slack.com/api/"
	DefaultShutdownGrace = 25 * time.Second
	DefaultClaimLease    = 2 * time.Minute
	DefaultUserLimit     = 30
	DefaultChannelLimit  = 120
	DefaultShutdownDrain = 5 * time.Second
	DefaultWorkers       = 4
	DefaultQueueSize     = 256
	DefaultOpenAITimeout = 30 * time.Second
	// SQLiteFile is the database file's name inside DataDir when
	// DATABASE_URL is not set.
	SQLiteFile = "factgrade.db"
)

// Load reads the configuration for 'factgrade serve' and checks it as a
// whole. getenv is os.Getenv in production and readFile os.ReadFile (for
// <NAME>_FILE secrets and FACTGRADE_CONFIG); tests pass fakes.
//
// When something is wrong Load returns the configuration it could read
// (never nil, for 'config check' to print) and an *Error listing every
// problem.
func Load(getenv func(string) string, readFile func(string) ([]byte, error)) (*Config, error) {
	c, err := Read(getenv, readFile)
	var ps problems
	if ce := (*Error)(nil); errors.As(err, &ce) {
		ps = append(ps, ce.Problems...)
	}
	c.validateSlack(&ps)
	c.validateJudge(&ps)
	return c, ps.err()
}

// Read reads the configuration and reports values that cannot be parsed
// (a bad duration, an unknown judge, an unreadable secret file, a bad config
// file) but not settings that only some modes need. Commands that do not
// serve Slack (grade, eval, rubric derive) use Read and then ValidateJudge.
// Like Load it always returns a configuration.
func Read(getenv func(string) string, readFile func(string) ([]byte, error)) (*Config, error) {
	r := &reader{getenv: getenv, readFile: readFile, sources: map[string]string{}}
	c := &Config{sources: r.sources}

	c.Slack = Slack{
		BotToken:      r.secret("SLACK_BOT_TOKEN"),
		SigningSecret: r.secret("SLACK_SIGNING_SECRET"),
		AppToken:      r.secret("SLACK_APP_TOKEN"),
		APIURL:        r.url("SLACK_API_URL", DefaultSlackAPIURL),
	}
	if c.Slack.APIURL != "" && c.Slack.APIURL[len(c.Slack.APIURL)-1] != '/' {
		// Slack clients join method names to the base: keep the slash.
		c.Slack.APIURL += "/"
	}
	c.Addr = r.addr("FACTGRADE_ADDR", DefaultAddr)
	c.DataDir = r.str("FACTGRADE_DATA_DIR", DefaultDataDir)
	c.Database = r.database("DATABASE_URL", c.DataDir)

	c.OpenAI = OpenAI{
		BaseURL:        r.url("OPENAI_BASE_URL", ""),
		Model:          r.str("OPENAI_MODEL", ""),
		APIKey:         r.secret("OPENAI_API_KEY"),
		OrgID:          r.str("OPENAI_ORG_ID", ""),
		APIType:        APIType(r.enum("OPENAI_API_TYPE", string(APIOpenAI), string(APIOpenAI), string(APIAzure))),
		APIVersion:     r.str("OPENAI_API_VERSION", ""),
		Deployment:     r.str("OPENAI_DEPLOYMENT", ""),
		Timeout:        r.duration("OPENAI_TIMEOUT", DefaultOpenAITimeout),
		ResponseFormat: ResponseFormat(r.enum("OPENAI_RESPONSE_FORMAT", string(FormatJSONSchema), string(FormatJSONSchema), string(FormatJSONObject))),
	}
	defJudge := JudgeRules
	if c.OpenAI.APIKey.IsSet() || c.OpenAI.BaseURL != "" {
		defJudge = JudgeHybrid
	}
	c.Judge = Judge(r.enum("FACTGRADE_JUDGE", string(defJudge), string(JudgeRules), string(JudgeLLM), string(JudgeHybrid)))

	c.Log = Log{
		Format: LogFormat(r.enum("FACTGRADE_LOG_FORMAT", string(LogText), string(LogText), string(LogJSON))),
		Level:  r.level("FACTGRADE_LOG_LEVEL"),
	}
	c.ShutdownGrace = r.duration("FACTGRADE_SHUTDOWN_GRACE", DefaultShutdownGrace)
	c.ShutdownDrain = r.durationMin("FACTGRADE_SHUTDOWN_DRAIN", DefaultShutdownDrain, true)
	c.Workers = r.integer("FACTGRADE_WORKERS", DefaultWorkers, 1, 1024)
	c.QueueSize = r.integer("FACTGRADE_QUEUE_SIZE", DefaultQueueSize, 1, 1_000_000)
	c.ReplyInChannel = r.enum("FACTGRADE_REPLY", "private", "private", "channel") == "channel"
	c.Editors = r.userIDs("FACTGRADE_STANDARDS_EDITORS")
	c.UserLimit = r.integer("FACTGRADE_USER_LIMIT", DefaultUserLimit, 0, 1_000_000)
	c.ChannelLimit = r.integer("FACTGRADE_CHANNEL_LIMIT", DefaultChannelLimit, 0, 1_000_000)
	c.Instance = r.str("FACTGRADE_INSTANCE", "")
	c.ClaimLease = r.duration("FACTGRADE_CLAIM_LEASE", DefaultClaimLease)
	c.DefaultRubric = r.rubricID("FACTGRADE_DEFAULT_RUBRIC")
	c.RubricDirs = r.list("FACTGRADE_RUBRIC_DIRS")
	c.Migrate = r.boolean("FACTGRADE_MIGRATE", true)

	c.ConfigFile = r.str("FACTGRADE_CONFIG", "")
	if c.ConfigFile != "" {
		r.file(c)
	}
	return c, r.problems.err()
}

// Validate checks the settings as a whole for 'factgrade serve': the Slack
// transport, the judge, the database and the digests. It returns an *Error
// listing every problem, or nil.
func (c *Config) Validate() error {
	var ps problems
	c.validateSlack(&ps)
	c.validateJudge(&ps)
	return ps.err()
}

// ValidateJudge checks only the settings the configured judge needs, for
// commands that grade without serving Slack.
func (c *Config) ValidateJudge() error {
	var ps problems
	c.validateJudge(&ps)
	return ps.err()
}
