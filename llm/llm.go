// Package llm is factgrade's LLM judge: it grades a submission against a
// rubric with one chat-completions call to an OpenAI-compatible server
// (OpenAI, Azure OpenAI, Ollama, vLLM) through github.com/sashabaranov/go-openai,
// and verifies everything the model returns before an editor sees it.
//
// Judge grades with the model alone (falling back to the rule judge when
// the model fails); Hybrid, the default when a model is configured, runs the
// rule judge always and lets the model decide only where no rule is
// decisive. Scores and letters always come from (*rubric.Rubric).Score.
package llm

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/factgrade/factgrade/internal/cpuslot"
	"github.com/factgrade/factgrade/llm/prompts"
	"github.com/factgrade/factgrade/revise"
	"github.com/factgrade/factgrade/rubric"
)

// Response formats a server may be asked for.
const (
	// FormatJSONSchema asks for structured output with a strict JSON schema.
	FormatJSONSchema = "json_schema"
	// FormatJSONObject asks only for a JSON object, for servers without
	// json_schema; the system prompt describes the shape.
	FormatJSONObject = "json_object"
)

// Defaults for Config fields left zero.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxTokens    = 2000
	DefaultSeed         = 20250410
	DefaultMaxRetryWait = 10 * time.Second
	// DefaultAzureAPIVersion is the Azure OpenAI API version used when
	// Config.AzureAPIVersion is empty; it supports json_schema output.
	DefaultAzureAPIVersion = "2024-10-21"
	// MaxAttempts is how many times one model call is tried when the
	// server answers 429 or 5xx or the network fails.
	MaxAttempts = 3
)

// Config says which model to use and how to reach it.
type Config struct {
	// BaseURL of the OpenAI-compatible API, such as https://api.openai.com/v1
	// or http://localhost:11434/v1; for Azure, the resource endpoint.
	BaseURL string
	// Model name, or for Azure the deployment name.
	Model string
	// APIKey is sent to the server and never logged or printed.
	APIKey string
	// OrgID is the OpenAI organisation, if any.
	OrgID string
	// Azure selects Azure OpenAI: the api-key header and deployment URLs.
	Azure bool
	// AzureAPIVersion is the api-version query parameter for Azure.
	AzureAPIVersion string
	// AzureDeployment is the Azure deployment name; empty means Model.
	AzureDeployment string
	// Timeout bounds each model call (DefaultTimeout when zero).
	Timeout time.Duration
	// ResponseFormat is FormatJSONSchema (the default) or FormatJSONObject.
	ResponseFormat string
	// Seed is sent with every request (DefaultSeed when zero).
	Seed int
	// MaxTokens bounds the completion (DefaultMaxTokens when zero).
	MaxTokens int
	// MaxRetryWait is the longest Retry-After the judge waits for; a
	// server asking for longer gets a rule-judge fallback instead.
	MaxRetryWait time.Duration
	// HTTPClient, when set, sends the requests.
	HTTPClient *http.Client
	// Logger receives debug and warning records; never the key, never a
	// prompt.
	Logger *slog.Logger
	// Observer, when set, receives one Event per model-judged grade.
	Observer Observer
}

// String describes the configuration without the key.
func (c Config) String() string {
	return fmt.Sprintf("llm.Config{BaseURL:%q Model:%q APIKey:%s OrgID:%q Azure:%t Timeout:%s ResponseFormat:%q}",
		c.BaseURL, c.Model, redactedKey(c.APIKey), c.OrgID, c.Azure, c.Timeout, c.ResponseFormat)
}

// GoString describes the configuration without the key, for %#v.
func (c Config) GoString() string { return c.String() }

// LogValue logs the configuration without the key.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("base_url", c.BaseURL),
		slog.String("model", c.Model),
		slog.String("api_key", redactedKey(c.APIKey)),
		slog.Bool("azure", c.Azure),
		slog.Duration("timeout", c.Timeout),
		slog.String("response_format", c.ResponseFormat),
	)
}

func redactedKey(k string) string {
	if k == "" {
		return "unset"
	}
	return "<redacted>"
}

// Check reports what is missing or wrong in c, in words an operator can act on.
func (c Config) Check() error {
	var probs []string
	if c.Model == "" {
		probs = append(probs, "the model is not set: set OPENAI_MODEL (for Azure, the deployment name)")
	}
	if c.Azure && c.BaseURL == "" {
		probs = append(probs, "Azure needs the resource endpoint: set OPENAI_BASE_URL")
	}
	if c.BaseURL == "" && c.APIKey == "" {
		probs = append(probs, "neither OPENAI_BASE_URL nor OPENAI_API_KEY is set: set a key for OpenAI or a base URL for your own server")
	}
	switch c.ResponseFormat {
	case "", FormatJSONSchema, FormatJSONObject:
	default:
		probs = append(probs, fmt.Sprintf("unknown response format %q: use json_schema or json_object", c.ResponseFormat))
	}
	if c.Timeout < 0 || c.MaxTokens < 0 || c.MaxRetryWait < 0 {
		probs = append(probs, "timeout, max tokens and retry wait must not be negative")
	}
	if len(probs) > 0 {
		return fmt.Errorf("llm judge configuration: %s", strings.Join(probs, "; "))
	}
	return nil
}

// Observer receives what each model-judged grade cost; package metrics
// adapts it to counters. Implementations must be safe for concurrent use.
type Observer interface {
	ObserveLLM(Event)
}

// Outcomes of a model-judged grade, as Event.Outcome reports them.
const (
	OutcomeOK       = "ok"       // the first reply was used
	OutcomeRepaired = "repaired" // the reply was used after one repair
	OutcomeFallback = "fallback" // the rule judge's grade was used
)

// Event is what one model-judged grade cost.
type Event struct {
	Model    string
	Outcome  string
	Attempts int // HTTP requests sent, retries and the repair included
	// Retries counts requests resent after 429, 5xx or network errors.
	Retries          int
	PromptTokens     int
	CompletionTokens int
	CachedTokens     int
	Latency          time.Duration
	DroppedQuotes    int
	// Fallback says why the rule judge's grade was used.
	Fallback string
}

// Judge grades with the model alone. When the model fails, it returns the
// rule judge's grade and says why in JudgeInfo.Fallback.
type Judge struct {
	cfg    Config
	client *openai.Client
	tmpl   *prompts.Templates
	rules  rubric.Judge
	log    *slog.Logger

	// noSchema is set once the server refused json_schema.
	noSchema atomic.Bool
	// prompts caches the rendered system prompt and schema per rubric.
	prompts sync.Map // *rubric.Rubric → *rubricPrompt

	// sleep waits between attempts; tests replace it.
	sleep func(ctx context.Context, d time.Duration) error
	// jitter returns a factor in [0.5, 1.5) for backoff; tests replace it.
	jitter func() float64
	// detect finds instructions to the grader (DetectInjection); the
	// red-team tests turn it off to test the verdict checks alone.
	detect func(text string) (string, bool)
}

var _ rubric.Judge = (*Judge)(nil)

// New returns an LLM judge. rules grades when the model fails and checks
// the model's rewrite; it must not be nil.
func New(cfg Config, rules rubric.Judge) (*Judge, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if rules == nil {
		return nil, errors.New("llm judge: no rule judge to fall back to")
	}
	tmpl, err := prompts.Parse()
	if err != nil {
		return nil, err
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxTokens == 0 {
		cfg.MaxTokens = DefaultMaxTokens
	}
	if cfg.Seed == 0 {
		cfg.Seed = DefaultSeed
	}
	if cfg.MaxRetryWait == 0 {
		cfg.MaxRetryWait = DefaultMaxRetryWait
	}
	if cfg.ResponseFormat == "" {
		cfg.ResponseFormat = FormatJSONSchema
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cc := clientConfig(cfg)
	j := &Judge{
		cfg:    cfg,
		client: openai.NewClientWithConfig(cc),
		tmpl:   tmpl,
		rules:  rules,
		log:    log,
		sleep:  sleepCtx,
		jitter: randomJitter,
		detect: DetectInjection,
	}
	j.noSchema.Store(cfg.ResponseFormat == FormatJSONObject)
	return j, nil
}

// Model returns the configured model name.
func (j *Judge) Model() string { return j.cfg.Model }

// Grade grades req with the model. The model's verdicts are verified (see
// Assess), held to the rules where they would raise the grade without
// grounds in the text (settle), and scored by r.Score; its rewrite is shown only if the rule judge
// grades it better than the submission. The rule judge runs first: it
// rejects bad input, says when a text is not in English (which is not
// graded), and its grade is returned, with JudgeInfo.Fallback saying why,
// when the model fails.
func (j *Judge) Grade(ctx context.Context, r *rubric.Rubric, req rubric.Request) (*rubric.Grade, error) {
	if err := rubric.CheckText(req.Text); err != nil {
		return nil, err
	}
	req.Kind = kindOf(req)
	rg, err := j.rules.Grade(ctx, r, req)
	if err != nil {
		return nil, fmt.Errorf("llm judge: rule judge: %w", err)
	}
	if rg.Status == rubric.NotEnglish {
		rg.Judge = rubric.JudgeInfo{Name: "llm"}
		return rg, nil
	}
	if j.injected(r, rg, "llm") {
		return rg, nil
	}
	a, err := j.Assess(ctx, r, req.Text, req.Kind)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("llm judge: %w", ctx.Err())
		}
		j.markFallback(r, rg, "llm", a, err)
		return rg, nil
	}
	g, _ := settleAll(r, req, rg, a, "llm", true)
	r.Score(g)
	g.Fixes = fixesFor(r, g)
	if err := j.offerRewrite(ctx, r, g, a.Rewrite, nil); err != nil {
		return nil, err
	}
	return g, nil
}

// injected reports whether rg's text carries instructions to the grader
// (DetectInjection); if so it marks rg, the rules' grade, as the named
// judge's, graded by the rules alone and flagged for review, and logs it.
func (j *Judge) injected(r *rubric.Rubric, rg *rubric.Grade, name string) bool {
	if j.detect == nil {
		return false
	}
	words, ok := j.detect(rg.Text)
	if !ok {
		return false
	}
	rg.Judge = rubric.JudgeInfo{Name: name, Injection: words}
	j.log.Warn("instructions to the grader in a submission; graded by the rules alone",
		slog.String("rubric", r.ID), slog.Int("text_len", len(rg.Text)))
	return true
}

// markFallback records in g, a rule judge's grade, that the named judge
// used it because the model failed with cause.
func (j *Judge) markFallback(r *rubric.Rubric, g *rubric.Grade, name string, a *Assessment, cause error) {
	reason := cause.Error()
	var f *Failure
	if errors.As(cause, &f) {
		reason = f.Reason
	}
	info := rubric.JudgeInfo{Name: name, Model: j.cfg.Model}
	if a != nil {
		info = a.Info(name)
	}
	info.Fallback = reason
	g.Judge = info
	j.log.Warn("llm judge fell back to the rule judge",
		slog.String("rubric", r.ID), slog.String("model", j.cfg.Model), slog.String("reason", reason))
}

// offerRewrite sets g's rewrite to the model's candidate when the rule
// judge grades the candidate A with no review mark, better than g and better
// than the rewrite g already has (the rules' own, given as current; a tie keeps the rules'). It re-grades with the rule
// judge, not the model, so a grade stays one model call.
func (j *Judge) offerRewrite(ctx context.Context, r *rubric.Rubric, g *rubric.Grade, candidate string, current *rubric.Grade) error {
	if candidate == "" || g.Status != rubric.Graded {
		return nil
	}
	rg, err := j.rules.Grade(ctx, r, rubric.Request{Text: candidate, Kind: g.Kind})
	if err != nil {
		return fmt.Errorf("re-grade the model's rewrite: %w", err)
	}
	// Like the rules' own (package revise), a rewrite is shown only when it
	// earns the rubric's best letter with nothing marked for review.
	if !rubric.Better(rg, g) || (current != nil && !rubric.Better(rg, current)) ||
		len(r.Letters) == 0 || rg.Letter != r.Letters[0].Letter || rg.NeedsReview() {
		j.log.Debug("model rewrite not shown", slog.String("rubric", r.ID),
			slog.Int("rewrite_score", rg.Score), slog.Int("score", g.Score))
		return nil
	}
	// The model's rewrite comes without edits; the reply compares words.
	g.Rewrite, g.RewriteScore, g.RewriteLetter, g.RewriteEdits = candidate, rg.Score, rg.Letter, nil
	return nil
}

// fixesFor lists a fix in words for every criterion g does not pass, with
// its placeholders filled in (package revise's one implementation; a model's
// grade has no trace, so each criterion's own fix is used).
func fixesFor(r *rubric.Rubric, g *rubric.Grade) []string {
	return revise.Fixes(r, g, nil)
}

func kindOf(req rubric.Request) rubric.Kind {
	if req.Kind != "" {
		return req.Kind
	}
	return rubric.DetectKind(req.Text)
}

// clientConfig is go-openai's configuration for cfg: OpenAI-compatible or
// Azure.
func clientConfig(cfg Config) openai.ClientConfig {
	var cc openai.ClientConfig
	if cfg.Azure {
		cc = openai.DefaultAzureConfig(cfg.APIKey, cfg.BaseURL)
		cc.APIVersion = cfg.AzureAPIVersion
		if cc.APIVersion == "" {
			cc.APIVersion = DefaultAzureAPIVersion
		}
		// The deployment as the operator named it; go-openai's default
		// mapper would strip dots and colons from the model name.
		deployment := cfg.AzureDeployment
		cc.AzureModelMapperFunc = func(model string) string {
			if deployment != "" {
				return deployment
			}
			return model
		}
	} else {
		cc = openai.DefaultConfig(cfg.APIKey)
		if cfg.BaseURL != "" {
			cc.BaseURL = cfg.BaseURL
		}
		cc.OrgID = cfg.OrgID
	}
	if cfg.HTTPClient != nil {
		cc.HTTPClient = cfg.HTTPClient
	}
	cc.HTTPClient = slotDoer{cc.HTTPClient}
	return cc
}

// slotDoer sends a request and reads its reply with the CPU slot the
// request's context holds (cpuslot) given back: the network wait, and only
// it, runs outside the slot. Encoding the request before and decoding the
// reply after run inside it, so that many replies arriving together do not
// all decode at once on the core kept for acknowledging Slack.
type slotDoer struct{ next openai.HTTPDoer }

func (d slotDoer) Do(req *http.Request) (*http.Response, error) {
	return cpuslot.Do(req.Context(), func() (*http.Response, error) { return d.next.Do(req) })
}
