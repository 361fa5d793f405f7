package main

import (
	"context"
	"errors"
	"log/slog"
	"os"

	"github.com/factgrade/factgrade/config"
	"github.com/factgrade/factgrade/llm"
	"github.com/factgrade/factgrade/metrics"
	"github.com/factgrade/factgrade/revise"
	"github.com/factgrade/factgrade/rubric"
)

// newJudge returns the judge named by a --judge flag: rules, llm or hybrid;
// "" means the configured one (FACTGRADE_JUDGE, hybrid when OPENAI_API_KEY
// or OPENAI_BASE_URL is set, else rules). The LLM judges take their server,
// model and key from the OPENAI_* settings.
func newJudge(ctx context.Context, e *env, name string) (rubric.Judge, error) {
	switch name {
	case "rules":
		// Needs no settings at all, so a broken OPENAI_* never stops it.
		return revise.NewRuleJudge(), nil
	case "", "llm", "hybrid":
	default:
		return nil, usagef("unknown judge %q: use rules, llm or hybrid", name)
	}
	cfg, err := config.Read(e.getenv, os.ReadFile)
	if err != nil {
		return nil, configError(err)
	}
	if name != "" {
		cfg.Judge = config.Judge(name)
	}
	if err := cfg.ValidateJudge(); err != nil {
		return nil, configError(err)
	}
	return buildJudge(cfg, cfg.Logger(e.stderr), nil)
}

// configError makes settings problems a usage error (exit 2): they are
// fixed by changing the environment.
func configError(err error) error {
	var ce *config.Error
	if errors.As(err, &ce) {
		return usagef("%v", ce)
	}
	return err
}

// buildJudge returns the judge cfg.Judge names. m, when not nil, receives
// the LLM judge's cost and outcome of every model-judged grade.
func buildJudge(cfg *config.Config, log *slog.Logger, m *metrics.Metrics) (rubric.Judge, error) {
	rules := revise.NewRuleJudge()
	if !cfg.Judge.UsesLLM() {
		return rules, nil
	}
	lc := llmConfig(cfg.OpenAI)
	lc.Logger = log
	// Each worker waits on the model with a request of its own; the
	// judge's timeout (OPENAI_TIMEOUT) bounds each call.
	lc.HTTPClient = pooledClient(cfg.Workers, 0)
	if m != nil {
		lc.Observer = llmMetrics{m}
	}
	model, err := llm.New(lc, rules)
	if err != nil {
		return nil, usagef("%v", err)
	}
	if cfg.Judge == config.JudgeLLM {
		return model, nil
	}
	return llm.NewHybrid(model), nil
}

// llmConfig translates the OPENAI_* settings for the LLM judge.
func llmConfig(o config.OpenAI) llm.Config {
	return llm.Config{
		BaseURL:         o.BaseURL,
		Model:           o.Model,
		APIKey:          o.APIKey.Reveal(),
		OrgID:           o.OrgID,
		Azure:           o.APIType == config.APIAzure,
		AzureAPIVersion: o.APIVersion,
		AzureDeployment: o.Deployment,
		Timeout:         o.Timeout,
		ResponseFormat:  string(o.ResponseFormat),
	}
}

// llmMetrics counts what the LLM judge reports in package metrics.
type llmMetrics struct{ m *metrics.Metrics }

var _ llm.Observer = llmMetrics{}

func (o llmMetrics) ObserveLLM(e llm.Event) {
	o.m.LLM(metrics.LLMCall{
		Outcome:          e.Outcome,
		Retries:          e.Retries,
		PromptTokens:     e.PromptTokens,
		CompletionTokens: e.CompletionTokens,
		CachedTokens:     e.CachedTokens,
		DroppedQuotes:    e.DroppedQuotes,
		Latency:          e.Latency,
	})
}
