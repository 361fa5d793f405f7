package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/factgrade/factgrade/internal/cpuslot"
	"github.com/factgrade/factgrade/llm/prompts"
	"github.com/factgrade/factgrade/rubric"
)

// Failure is why the model's grade could not be used. The judges fall back
// to the rule judge and show Reason to the editor.
type Failure struct {
	// Reason is one plain sentence for the editor and the grade record.
	Reason string
	Err    error
}

func (f *Failure) Error() string {
	if f.Err == nil {
		return "llm judge: " + f.Reason
	}
	return "llm judge: " + f.Reason + ": " + f.Err.Error()
}

func (f *Failure) Unwrap() error { return f.Err }

// rubricPrompt is what stays the same for every grade of one rubric.
type rubricPrompt struct {
	system   string
	format   format
	hash     string
	criteria []string
}

// format is the structured output a call asks for.
type format struct {
	name      string
	schema    json.RawMessage
	maxTokens int
}

// promptFor renders (once per rubric) the system prompt and the schema.
func (j *Judge) promptFor(r *rubric.Rubric) (*rubricPrompt, error) {
	if p, ok := j.prompts.Load(r); ok {
		return p.(*rubricPrompt), nil
	}
	system, err := j.tmpl.JudgeSystem(prompts.JudgeFor(r))
	if err != nil {
		return nil, err
	}
	schema, err := responseSchema(r)
	if err != nil {
		return nil, err
	}
	p := &rubricPrompt{system: system, format: format{schemaName, schema, j.cfg.MaxTokens}, hash: prompts.Hash(system, schema)}
	for _, c := range r.Criteria {
		p.criteria = append(p.criteria, c.ID)
	}
	got, _ := j.prompts.LoadOrStore(r, p)
	return got.(*rubricPrompt), nil
}

// Assessment is the model's verified reading of one submission.
type Assessment struct {
	// Criteria in rubric order, each verified: verdict from the allowed set,
	// na where the criterion does not apply, spans found in the
	// submission, citations found verbatim in the source (or the
	// criterion's own evidence). DecidedBy is "llm".
	Criteria []rubric.CriterionGrade
	// Supported holds the criteria whose verdict (other than na) cites at
	// least one verified quote of the model's own, not only the rubric's
	// evidence put in for dropped quotes.
	Supported map[string]bool
	// Rewrite is the model's corrected wording, not yet checked.
	Rewrite string

	Model            string
	PromptHash       string
	PromptTokens     int
	CompletionTokens int
	CachedTokens     int
	Latency          time.Duration
	DroppedQuotes    int
	Attempts         int
	Retries          int
	Repaired         bool
}

// Info returns the JudgeInfo of a grade judged by the named judge with a.
func (a *Assessment) Info(name string) rubric.JudgeInfo {
	return rubric.JudgeInfo{
		Name: name, Model: a.Model, PromptHash: a.PromptHash,
		PromptTokens: a.PromptTokens, CompletionTokens: a.CompletionTokens,
		LatencyMS: a.Latency.Milliseconds(), DroppedQuotes: a.DroppedQuotes,
	}
}

// Assess asks the model to grade text against r in one call and verifies
// the reply. A reply that cannot be used (not JSON, a criterion missing or
// repeated, a verdict outside the set) gets one repair request. The error
// is a *Failure (or the context's error); the Assessment is returned with
// it when the model was reached, for its cost.
func (j *Judge) Assess(ctx context.Context, r *rubric.Rubric, text string, kind rubric.Kind) (a *Assessment, err error) {
	start := time.Now()
	a = &Assessment{Model: j.cfg.Model}
	defer func() {
		a.Latency = time.Since(start)
		j.observe(a, err)
	}()
	p, err := j.promptFor(r)
	if err != nil {
		return a, &Failure{Reason: "the prompt could not be rendered", Err: err}
	}
	a.PromptHash = p.hash
	user, err := j.tmpl.JudgeUser(prompts.Submission{Kind: string(kind), Text: text})
	if err != nil {
		return a, &Failure{Reason: "the submission could not be encoded", Err: err}
	}
	msgs := []openai.ChatCompletionMessage{
		{Role: openai.ChatMessageRoleSystem, Content: p.system},
		{Role: openai.ChatMessageRoleUser, Content: user},
	}
	var v verified
	err = j.ask(ctx, a, p.format, msgs, p.criteria, func(content string) (problem string) {
		v, problem = verify(r, kind, text, content)
		return problem
	})
	if err != nil {
		return a, err
	}
	a.Criteria, a.Supported, a.Rewrite, a.DroppedQuotes = v.criteria, v.supported, v.rewrite, v.dropped
	if a.DroppedQuotes > 0 {
		j.log.Debug("dropped unverified model quotes", slog.String("rubric", r.ID), slog.Int("dropped_quotes", a.DroppedQuotes))
	}
	return a, nil
}

// ask sends msgs and hands the reply to use, which returns what is wrong
// with it, if anything. A reply with a problem gets one repair request
// that quotes it back and names the problem (and the criteria, if any).
func (j *Judge) ask(ctx context.Context, a *Assessment, f format, msgs []openai.ChatCompletionMessage, criteria []string, use func(content string) (problem string)) error {
	content, err := j.complete(ctx, a, f, msgs)
	if err != nil {
		return err
	}
	problem := use(content)
	if problem == "" {
		return nil
	}
	j.log.Debug("model reply unusable; asking once for a repair", slog.String("problem", problem))
	repair, err := j.tmpl.RepairUser(prompts.Repair{Problem: problem, Criteria: criteria})
	if err != nil {
		return &Failure{Reason: "the repair request could not be rendered", Err: err}
	}
	msgs = append(msgs[:len(msgs):len(msgs)],
		openai.ChatCompletionMessage{Role: openai.ChatMessageRoleAssistant, Content: content},
		openai.ChatCompletionMessage{Role: openai.ChatMessageRoleUser, Content: repair})
	if content, err = j.complete(ctx, a, f, msgs); err != nil {
		return err
	}
	a.Repaired = true
	if problem := use(content); problem != "" {
		return &Failure{Reason: "the model's reply was unusable after one repair (" + problem + ")"}
	}
	return nil
}

func (j *Judge) observe(a *Assessment, err error) {
	outcome := OutcomeOK
	var fallback string
	switch {
	case err != nil:
		outcome = OutcomeFallback
		fallback = err.Error()
		var f *Failure
		if errors.As(err, &f) {
			fallback = f.Reason
		}
	case a.Repaired:
		outcome = OutcomeRepaired
	}
	j.log.Debug("llm judge call",
		slog.String("model", a.Model), slog.String("outcome", outcome),
		slog.String("prompt_hash", a.PromptHash), slog.Int("attempts", a.Attempts),
		slog.Int("prompt_tokens", a.PromptTokens), slog.Int("completion_tokens", a.CompletionTokens),
		slog.Int("cached_tokens", a.CachedTokens), slog.Int64("latency_ms", a.Latency.Milliseconds()))
	if j.cfg.Observer == nil {
		return
	}
	j.cfg.Observer.ObserveLLM(Event{
		Model: a.Model, Outcome: outcome, Attempts: a.Attempts, Retries: a.Retries,
		PromptTokens: a.PromptTokens, CompletionTokens: a.CompletionTokens, CachedTokens: a.CachedTokens,
		Latency: a.Latency, DroppedQuotes: a.DroppedQuotes, Fallback: fallback,
	})
}

// zeroTemperature stands for temperature 0: go-openai drops a zero
// temperature from the request (the field is omitempty, sashabaranov/go-openai
// issue #9), and the server would then use its default of 1. The smallest
// positive float32 is sent instead and samples the same as 0.
const zeroTemperature = math.SmallestNonzeroFloat32

// request builds the chat-completions request.
func (j *Judge) request(f format, msgs []openai.ChatCompletionMessage) openai.ChatCompletionRequest {
	seed := j.cfg.Seed
	req := openai.ChatCompletionRequest{
		Model:    j.cfg.Model,
		Messages: msgs,
		Seed:     &seed,
	}
	if reasoningModel(j.cfg.Model) {
		// Reasoning models take max_completion_tokens and only their
		// default temperature (go-openai refuses anything else).
		req.MaxCompletionTokens = f.maxTokens
	} else {
		// max_tokens, deprecated by OpenAI, is what Ollama, vLLM and Azure's
		// older API versions understand.
		//lint:ignore SA1019 kept on purpose for OpenAI-compatible servers
		req.MaxTokens = f.maxTokens
		req.Temperature = zeroTemperature
	}
	if j.noSchema.Load() {
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	} else {
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
				Name:   f.name,
				Schema: f.schema,
				Strict: true,
			},
		}
	}
	return req
}

// reasoningModel reports whether model is one of OpenAI's reasoning models.
func reasoningModel(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5", "gpt-6"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

// complete sends one chat-completions request, retrying 429, 5xx and
// network errors with jittered backoff that honours Retry-After, at most
// MaxAttempts times. A server that refuses json_schema is asked again with
// json_object, and remembered. It adds the cost to a and returns the reply's
// content.
func (j *Judge) complete(ctx context.Context, a *Assessment, f format, msgs []openai.ChatCompletionMessage) (string, error) {
	for attempt := 1; ; attempt++ {
		req := j.request(f, msgs)
		callCtx, cancel := context.WithTimeout(ctx, j.cfg.Timeout)
		// The call waits on the network: a CPU slot the caller holds is
		// free for others meanwhile (slotDoer), as it is during a backoff;
		// encoding the request and decoding the reply hold it.
		resp, err := j.client.CreateChatCompletion(callCtx, req)
		timedOut := errors.Is(callCtx.Err(), context.DeadlineExceeded)
		cancel()
		a.Attempts++
		if err == nil {
			a.PromptTokens += resp.Usage.PromptTokens
			a.CompletionTokens += resp.Usage.CompletionTokens
			if d := resp.Usage.PromptTokensDetails; d != nil {
				a.CachedTokens += d.CachedTokens
			}
			if len(resp.Choices) == 0 {
				return "", &Failure{Reason: "the model's reply had no choices"}
			}
			return resp.Choices[0].Message.Content, nil
		}
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		if req.ResponseFormat.Type == openai.ChatCompletionResponseFormatTypeJSONSchema && refusesSchema(err) {
			j.noSchema.Store(true)
			j.log.Info("the model server refuses json_schema output; using json_object from now on", slog.String("model", j.cfg.Model))
			attempt-- // the refusal is not a failed attempt
			continue
		}
		if timedOut {
			// Not retried: the editor is waiting, and a model that took the
			// whole timeout once is likely to again.
			return "", &Failure{Reason: fmt.Sprintf("the model did not answer within %s", j.cfg.Timeout), Err: err}
		}
		status := statusOf(err)
		retryable := status == http.StatusTooManyRequests || status >= 500 || status == 0
		reason := j.describe(status, err)
		if !retryable {
			return "", &Failure{Reason: reason, Err: j.redact(err)}
		}
		if attempt >= MaxAttempts {
			return "", &Failure{Reason: fmt.Sprintf("%s, %d attempts", reason, attempt), Err: j.redact(err)}
		}
		wait, asked := retryAfter(resp.Header())
		if !asked {
			wait = j.backoff(attempt)
		} else if wait > j.cfg.MaxRetryWait {
			return "", &Failure{Reason: fmt.Sprintf("%s and asked to wait %s", reason, wait.Round(time.Second)), Err: j.redact(err)}
		}
		a.Retries++
		j.log.Debug("retrying model call", slog.Int("attempt", attempt), slog.Int("status", status), slog.Duration("wait", wait))
		cpuslot.Wait(ctx, func() { err = j.sleep(ctx, wait) })
		if err != nil {
			return "", err
		}
	}
}

// describe says what went wrong with a call, for the editor.
func (j *Judge) describe(status int, err error) string {
	switch {
	case status == http.StatusTooManyRequests:
		return "the model server is rate limiting (429)"
	case status >= 500:
		return fmt.Sprintf("the model server failed (%d)", status)
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return fmt.Sprintf("the model server refused the API key (%d)", status)
	case status > 0:
		var apiErr *openai.APIError
		if errors.As(err, &apiErr) && apiErr.Message != "" {
			return fmt.Sprintf("the model server rejected the request (%d: %s)", status, j.redactString(truncate(apiErr.Message, 200)))
		}
		return fmt.Sprintf("the model server rejected the request (%d)", status)
	}
	return "the model server could not be reached"
}

// redact removes the API key from an error a server may have echoed it in.
func (j *Judge) redact(err error) error {
	if err == nil || j.cfg.APIKey == "" || !strings.Contains(err.Error(), j.cfg.APIKey) {
		return err
	}
	return errors.New(j.redactString(err.Error()))
}

func (j *Judge) redactString(s string) string {
	if j.cfg.APIKey == "" {
		return s
	}
	return strings.ReplaceAll(s, j.cfg.APIKey, "<redacted>")
}

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// statusOf returns the HTTP status of a failed call, 0 for network errors.
func statusOf(err error) int {
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return apiErr.HTTPStatusCode
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		return reqErr.HTTPStatusCode
	}
	return 0
}

// refusesSchema reports whether err is a server saying it does not support
// json_schema response formats (vLLM, Ollama and older OpenAI-compatible
// servers answer 400 or 422 naming response_format or json_schema).
func refusesSchema(err error) bool {
	status := statusOf(err)
	if status != http.StatusBadRequest && status != http.StatusUnprocessableEntity {
		return false
	}
	var msg string
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		msg = apiErr.Message
		if apiErr.Param != nil {
			msg += " " + *apiErr.Param
		}
	case errors.As(err, &reqErr):
		msg = string(reqErr.Body)
	}
	msg = strings.ToLower(msg)
	return strings.Contains(msg, "json_schema") || strings.Contains(msg, "response_format")
}

// retryAfter reads how long the server asked to wait: retry-after-ms
// (OpenAI), else Retry-After in seconds or as an HTTP date.
func retryAfter(h http.Header) (time.Duration, bool) {
	if h == nil {
		return 0, false
	}
	if v := h.Get("Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 {
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0), true
	}
	return 0, false
}

// backoff is the wait before attempt+1: 500 ms doubled per attempt, times a
// jitter factor in [0.5, 1.5).
func (j *Judge) backoff(attempt int) time.Duration {
	base := 500 * time.Millisecond << (attempt - 1)
	return time.Duration(float64(base) * j.jitter())
}

func randomJitter() float64 { return 0.5 + rand.Float64() }

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
