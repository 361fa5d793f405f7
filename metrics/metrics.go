// Package metrics counts what factgrade does and serves it at /metrics in
// the Prometheus text format. It keeps its own registry (no global state),
// so tests and several servers in one process never share counters.
//
// Every method is safe on a nil *Metrics and then does nothing, so packages
// can be tested without metrics. Label values must come from small fixed
// sets (the constants below, Slack method names, judge names, digest names
// from config): never put user text, ids or errors in a label.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Request outcomes that mean the request failed Slack's verification; both
// also count in factgrade_slack_signature_failures_total.
const (
	OutcomeUnauthorized = "unauthorized" // bad or missing signature, stale timestamp
	OutcomeTooLarge     = "too_large"    // body over the size cap
)

// Token types, the type label of factgrade_llm_tokens_total.
const (
	TokensPrompt     = "prompt"
	TokensCompletion = "completion"
	TokensCached     = "cached" // prompt tokens the server served from its prefix cache
)

// Metrics holds factgrade's collectors and their registry. It implements
// the bot's Observer (Request, Graded, SlackCall, QueueDepth,
// SocketReconnect) as is; LLM takes what the LLM judge reports.
type Metrics struct {
	reg *prometheus.Registry

	requests          *prometheus.CounterVec
	ackSeconds        *prometheus.HistogramVec
	signatureFailures prometheus.Counter
	grades            *prometheus.CounterVec
	reviews           *prometheus.CounterVec
	gradeSeconds      *prometheus.HistogramVec
	llmGrades         *prometheus.CounterVec
	llmSeconds        prometheus.Histogram
	llmTokens         *prometheus.CounterVec
	llmErrors         *prometheus.CounterVec
	llmQuotesDropped  prometheus.Counter
	slackCalls        *prometheus.CounterVec
	socketReconnects  prometheus.Counter
	socketConnected   prometheus.Gauge
	queueDepth        prometheus.Gauge
	queueCapacity     prometheus.Gauge
	digestsPosted     *prometheus.CounterVec
	digestFailures    *prometheus.CounterVec
	schedulerLockLost prometheus.Counter
}

// Buckets of the latency histograms, in seconds. Acknowledgements must beat
// Slack's 3 s limit and aim under 100 ms; grades take microseconds with the
// rule judge and seconds with an LLM (up to OPENAI_TIMEOUT and retries).
var (
	ackBuckets   = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3}
	gradeBuckets = []float64{0.0001, 0.001, 0.01, 0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120}
)

// New returns metrics registered on a fresh registry, with the Go runtime and
// process collectors and factgrade_build_info{version}.
func New(version string) *Metrics {
	m := &Metrics{
		reg:               prometheus.NewRegistry(),
		requests:          counterVec("requests_total", "Slack requests handled, by kind (command, interaction, event) and outcome.", "kind", "outcome"),
		ackSeconds:        histogramVec("ack_duration_seconds", "Time from receiving a Slack request to acknowledging it, by kind.", ackBuckets, "kind"),
		signatureFailures: counter("slack_signature_failures_total", "Slack HTTP requests rejected by verification (signature, timestamp, headers or size)."),
		grades:            counterVec("grades_total", "Grading attempts, by judge and outcome (ok, error).", "judge", "outcome"),
		reviews:           counterVec("grades_needs_review_total", "Grades with a verdict marked for an editor's review (the letter is provisional), by judge.", "judge"),
		gradeSeconds:      histogramVec("grade_duration_seconds", "Time to grade one submission, by judge.", gradeBuckets, "judge"),
		llmGrades:         counterVec("llm_grades_total", "Model-judged grades, by outcome (ok, repaired, fallback).", "outcome"),
		llmSeconds:        prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: namespace, Name: "llm_duration_seconds", Help: "Time spent calling the model for one grade, retries included.", Buckets: gradeBuckets}),
		llmTokens:         counterVec("llm_tokens_total", "Tokens the LLM server reported, by type (prompt, completion, cached).", "type"),
		llmErrors:         counterVec("llm_errors_total", "LLM failures: kind retried (a 429, 5xx or network error, then retried) or fallback (the rule judge graded instead).", "kind"),
		llmQuotesDropped:  counter("llm_quotes_dropped_total", "Citations from the model dropped because the quote is not verbatim in the source."),
		slackCalls:        counterVec("slack_api_calls_total", "Slack Web API call results, by method and outcome (ok, rate_limited, retry, error).", "method", "outcome"),
		socketReconnects:  counter("socket_mode_reconnects_total", "Socket Mode connection attempts, the first included."),
		socketConnected:   gauge("socket_mode_connected", "1 while a Socket Mode connection is open, else 0."),
		queueDepth:        gauge("queue_depth", "Submissions waiting for a grading worker."),
		queueCapacity:     gauge("queue_capacity", "How many submissions may wait (FACTGRADE_QUEUE_SIZE)."),
		digestsPosted:     counterVec("digests_posted_total", "Digests posted to Slack, by digest name.", "digest"),
		digestFailures:    counterVec("digest_failures_total", "Digest runs that failed and will be resumed, by digest name.", "digest"),
		schedulerLockLost: counter("digest_scheduler_lock_lost_total", "Times this process found it had lost the digest scheduler lock (its PostgreSQL session ended) and stopped posting digests."),
	}
	buildInfo := prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: namespace, Name: "build_info",
		Help:        "Always 1; the version label is the running build's.",
		ConstLabels: prometheus.Labels{"version": version},
	})
	buildInfo.Set(1)
	m.reg.MustRegister(
		m.requests, m.ackSeconds, m.signatureFailures, m.grades, m.reviews, m.gradeSeconds,
		m.llmGrades, m.llmSeconds, m.llmTokens, m.llmErrors, m.llmQuotesDropped,
		m.slackCalls, m.socketReconnects, m.socketConnected,
		m.queueDepth, m.queueCapacity, m.digestsPosted, m.digestFailures, m.schedulerLockLost,
		buildInfo,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	// Series that exist from the start, so rates and alerts see zeros
	// rather than gaps.
	for _, t := range []string{TokensPrompt, TokensCompletion, TokensCached} {
		m.llmTokens.WithLabelValues(t)
	}
	for _, k := range []string{llmRetried, llmFallback} {
		m.llmErrors.WithLabelValues(k)
	}
	return m
}

// Handler serves the metrics in the Prometheus text exposition format.
func (m *Metrics) Handler() http.Handler {
	if m == nil {
		return http.NotFoundHandler()
	}
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Registry returns the registry, for a test or a caller that adds its own
// collectors (such as collectors.NewDBStatsCollector).
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Request counts a Slack request of kind with its outcome and records how
// long it took to acknowledge. Outcomes unauthorized and too_large also
// count as signature failures.
func (m *Metrics) Request(kind, outcome string, ack time.Duration) {
	if m == nil {
		return
	}
	m.requests.WithLabelValues(kind, outcome).Inc()
	m.ackSeconds.WithLabelValues(kind).Observe(ack.Seconds())
	if outcome == OutcomeUnauthorized || outcome == OutcomeTooLarge {
		m.signatureFailures.Inc()
	}
}

// Graded counts a grading attempt by judge, outcome ok or error, and records
// how long it took.
func (m *Metrics) Graded(judge string, took time.Duration, err error) {
	if m == nil {
		return
	}
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	m.grades.WithLabelValues(judge, outcome).Inc()
	m.gradeSeconds.WithLabelValues(judge).Observe(took.Seconds())
}

// NeedsReview counts one grade with a verdict marked for review (its letter
// is provisional), by the judge that graded it.
func (m *Metrics) NeedsReview(judge string) {
	if m == nil {
		return
	}
	m.reviews.WithLabelValues(judge).Inc()
}

// LLMCall is what one model-judged grade cost, as the LLM judge reports it
// (llm.Event carries the same fields).
type LLMCall struct {
	// Outcome is ok, repaired (used after one repair request) or fallback
	// (the rule judge graded).
	Outcome          string
	Retries          int // requests resent after 429, 5xx or network errors
	PromptTokens     int
	CompletionTokens int
	CachedTokens     int
	DroppedQuotes    int
	Latency          time.Duration
}

// The kind label of factgrade_llm_errors_total.
const (
	llmRetried  = "retried"
	llmFallback = "fallback"
)

// LLM records one model-judged grade.
func (m *Metrics) LLM(c LLMCall) {
	if m == nil {
		return
	}
	m.llmGrades.WithLabelValues(c.Outcome).Inc()
	m.llmSeconds.Observe(c.Latency.Seconds())
	m.llmTokens.WithLabelValues(TokensPrompt).Add(float64(max(c.PromptTokens, 0)))
	m.llmTokens.WithLabelValues(TokensCompletion).Add(float64(max(c.CompletionTokens, 0)))
	m.llmTokens.WithLabelValues(TokensCached).Add(float64(max(c.CachedTokens, 0)))
	m.llmErrors.WithLabelValues(llmRetried).Add(float64(max(c.Retries, 0)))
	if c.Outcome == llmFallback {
		m.llmErrors.WithLabelValues(llmFallback).Inc()
	}
	m.llmQuotesDropped.Add(float64(max(c.DroppedQuotes, 0)))
}

// SlackCall counts one Slack Web API call result: outcome ok, rate_limited
// (HTTP 429), retry or error.
func (m *Metrics) SlackCall(method, outcome string) {
	if m == nil {
		return
	}
	m.slackCalls.WithLabelValues(method, outcome).Inc()
}

// SocketReconnect counts a Socket Mode connection attempt.
func (m *Metrics) SocketReconnect() {
	if m == nil {
		return
	}
	m.socketReconnects.Inc()
}

// SocketConnected records whether a Socket Mode connection is open.
func (m *Metrics) SocketConnected(up bool) {
	if m == nil {
		return
	}
	m.socketConnected.Set(boolFloat(up))
}

// QueueDepth records how many submissions wait for a worker.
func (m *Metrics) QueueDepth(n int) {
	if m == nil {
		return
	}
	m.queueDepth.Set(float64(n))
}

// QueueCapacity records how many submissions may wait.
func (m *Metrics) QueueCapacity(n int) {
	if m == nil {
		return
	}
	m.queueCapacity.Set(float64(n))
}

// DigestPosted counts a digest posted.
func (m *Metrics) DigestPosted(name string) {
	if m == nil {
		return
	}
	m.digestsPosted.WithLabelValues(name).Inc()
}

// SchedulerLockLost counts the digest scheduler's lock found lost.
func (m *Metrics) SchedulerLockLost() {
	if m == nil {
		return
	}
	m.schedulerLockLost.Inc()
}

// DigestFailed counts a digest run that failed.
func (m *Metrics) DigestFailed(name string) {
	if m == nil {
		return
	}
	m.digestFailures.WithLabelValues(name).Inc()
}

// namespace prefixes every factgrade metric.
const namespace = "factgrade"

func counter(name, help string) prometheus.Counter {
	return prometheus.NewCounter(prometheus.CounterOpts{Namespace: namespace, Name: name, Help: help})
}

func counterVec(name, help string, labels ...string) *prometheus.CounterVec {
	return prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: name, Help: help}, labels)
}

func histogramVec(name, help string, buckets []float64, labels ...string) *prometheus.HistogramVec {
	return prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: namespace, Name: name, Help: help, Buckets: buckets}, labels)
}

func gauge(name, help string) prometheus.Gauge {
	return prometheus.NewGauge(prometheus.GaugeOpts{Namespace: namespace, Name: name, Help: help})
}

func boolFloat(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
