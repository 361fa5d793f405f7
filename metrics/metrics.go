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

// Request kinds, for RequestDone.
const (
	KindCommand     = "command"     // a /factcheck slash command
	KindShortcut    = "shortcut"    // the message shortcut
	KindInteraction = "interaction" // a button click or modal submission
	KindEvent       = "event"       // an Events API event (App Home, url_verification)
)

// Request outcomes, for RequestDone.
const (
	OutcomeAccepted  = "accepted"  // stored and queued for grading
	OutcomeAnswered  = "answered"  // answered at once (help, rubrics, use, preview)
	OutcomeDuplicate = "duplicate" // a Slack retry of a request already accepted
	OutcomeRejected  = "rejected"  // bad signature or malformed request
	OutcomeBusy      = "busy"      // the queue was full
	OutcomeError     = "error"     // failed; the editor was told to try again
)

// Grade outcomes, for GradeDone.
const (
	GradeOK       = "ok"       // graded by the judge asked for
	GradeFallback = "fallback" // the LLM failed and the rule judge graded
	GradeFailed   = "failed"   // no grade; the submission is kept as failed
)

// Reasons a Slack request fails verification, for SignatureFailure.
const (
	SignatureBad     = "signature" // the HMAC does not match
	SignatureStale   = "timestamp" // more than 5 minutes off
	SignatureHeaders = "headers"   // X-Slack-Signature or timestamp missing
	SignatureSize    = "size"      // body over the cap
)

// Reasons an LLM call fails, for LLMError.
const (
	LLMTimeout       = "timeout"
	LLMRateLimited   = "rate_limited"
	LLMServerError   = "server_error"
	LLMNetwork       = "network"
	LLMMalformedJSON = "malformed_json"
	LLMInvalidReply  = "invalid_reply"  // JSON of the wrong shape (missing criterion, bad verdict)
	LLMSchemaRefused = "schema_refused" // the server rejected json_schema
)

// Token kinds, for LLMTokens.
const (
	TokensPrompt     = "prompt"
	TokensCompletion = "completion"
)

// Metrics holds factgrade's collectors and their registry.
type Metrics struct {
	reg *prometheus.Registry

	requests          *prometheus.CounterVec
	ackSeconds        *prometheus.HistogramVec
	grades            *prometheus.CounterVec
	gradeSeconds      *prometheus.HistogramVec
	llmTokens         *prometheus.CounterVec
	llmErrors         *prometheus.CounterVec
	llmQuotesDropped  prometheus.Counter
	slackRateLimited  *prometheus.CounterVec
	slackRetries      *prometheus.CounterVec
	socketReconnects  prometheus.Counter
	socketConnected   prometheus.Gauge
	queueDepth        prometheus.Gauge
	queueCapacity     prometheus.Gauge
	digestsPosted     *prometheus.CounterVec
	digestFailures    *prometheus.CounterVec
	signatureFailures *prometheus.CounterVec
}

// Buckets of the latency histograms, in seconds. Acknowledgements must beat
// Slack's 3 s limit and aim under 100 ms; grades take microseconds with the
// rule judge and seconds with an LLM (up to OPENAI_TIMEOUT and retries).
var (
	ackBuckets   = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3}
	gradeBuckets = []float64{0.001, 0.01, 0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120}
)

// New returns metrics registered on a fresh registry, with the Go runtime and
// process collectors and factgrade_build_info{version}.
func New(version string) *Metrics {
	m := &Metrics{
		reg:               prometheus.NewRegistry(),
		requests:          counterVec("requests_total", "Slack requests handled, by kind (command, shortcut, interaction, event) and outcome.", "kind", "outcome"),
		ackSeconds:        histogramVec("ack_duration_seconds", "Time from receiving a Slack request to acknowledging it, by kind.", ackBuckets, "kind"),
		grades:            counterVec("grades_total", "Submissions graded, by judge (rules, llm, hybrid) and outcome (ok, fallback, failed).", "judge", "outcome"),
		gradeSeconds:      histogramVec("grade_duration_seconds", "Time to grade one submission, by judge.", gradeBuckets, "judge"),
		llmTokens:         counterVec("llm_tokens_total", "Tokens the LLM server reported using, by type (prompt, completion).", "type"),
		llmErrors:         counterVec("llm_errors_total", "Failed LLM calls and unusable replies, by reason.", "reason"),
		llmQuotesDropped:  prometheus.NewCounter(prometheus.CounterOpts{Namespace: namespace, Name: "llm_quotes_dropped_total", Help: "Citations from the LLM dropped because the quote is not verbatim in the source."}),
		slackRateLimited:  counterVec("slack_rate_limited_total", "Slack Web API calls answered with HTTP 429, by method.", "method"),
		slackRetries:      counterVec("slack_retries_total", "Slack Web API calls retried, by method.", "method"),
		socketReconnects:  prometheus.NewCounter(prometheus.CounterOpts{Namespace: namespace, Name: "socket_mode_reconnects_total", Help: "Socket Mode connections opened again after the first."}),
		socketConnected:   gauge("socket_mode_connected", "1 while a Socket Mode connection is open, else 0."),
		queueDepth:        gauge("queue_depth", "Submissions waiting for a grading worker."),
		queueCapacity:     gauge("queue_capacity", "How many submissions may wait (FACTGRADE_QUEUE_SIZE)."),
		digestsPosted:     counterVec("digests_posted_total", "Digests posted to Slack, by digest name.", "digest"),
		digestFailures:    counterVec("digest_failures_total", "Digest runs that failed and will be resumed, by digest name.", "digest"),
		signatureFailures: counterVec("slack_signature_failures_total", "Slack requests rejected before parsing, by reason (signature, timestamp, headers, size).", "reason"),
	}
	buildInfo := prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: namespace, Name: "build_info",
		Help:        "Always 1; the version label is the running build's.",
		ConstLabels: prometheus.Labels{"version": version},
	})
	buildInfo.Set(1)
	m.reg.MustRegister(
		m.requests, m.ackSeconds, m.grades, m.gradeSeconds,
		m.llmTokens, m.llmErrors, m.llmQuotesDropped,
		m.slackRateLimited, m.slackRetries, m.socketReconnects, m.socketConnected,
		m.queueDepth, m.queueCapacity, m.digestsPosted, m.digestFailures,
		m.signatureFailures, buildInfo,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	// Series that exist from the start, so rates and alerts see zeros
	// rather than gaps.
	for _, t := range []string{TokensPrompt, TokensCompletion} {
		m.llmTokens.WithLabelValues(t)
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

// RequestDone counts a Slack request of kind with its outcome and records
// how long it took to acknowledge.
func (m *Metrics) RequestDone(kind, outcome string, ack time.Duration) {
	if m == nil {
		return
	}
	m.requests.WithLabelValues(kind, outcome).Inc()
	m.ackSeconds.WithLabelValues(kind).Observe(ack.Seconds())
}

// GradeDone counts a grade by judge and outcome and records how long it
// took.
func (m *Metrics) GradeDone(judge, outcome string, d time.Duration) {
	if m == nil {
		return
	}
	m.grades.WithLabelValues(judge, outcome).Inc()
	m.gradeSeconds.WithLabelValues(judge).Observe(d.Seconds())
}

// LLMTokens adds the token usage an LLM reply reported.
func (m *Metrics) LLMTokens(prompt, completion int) {
	if m == nil {
		return
	}
	m.llmTokens.WithLabelValues(TokensPrompt).Add(float64(max(prompt, 0)))
	m.llmTokens.WithLabelValues(TokensCompletion).Add(float64(max(completion, 0)))
}

// LLMError counts a failed LLM call or unusable reply; reason is a short
// of the LLM* reason constants.
func (m *Metrics) LLMError(reason string) {
	if m == nil {
		return
	}
	m.llmErrors.WithLabelValues(reason).Inc()
}

// LLMQuotesDropped counts citations dropped for not being verbatim.
func (m *Metrics) LLMQuotesDropped(n int) {
	if m == nil || n <= 0 {
		return
	}
	m.llmQuotesDropped.Add(float64(n))
}

// SlackRateLimited counts an HTTP 429 from the Slack Web API method.
func (m *Metrics) SlackRateLimited(method string) {
	if m == nil {
		return
	}
	m.slackRateLimited.WithLabelValues(method).Inc()
}

// SlackRetry counts a retried call to the Slack Web API method.
func (m *Metrics) SlackRetry(method string) {
	if m == nil {
		return
	}
	m.slackRetries.WithLabelValues(method).Inc()
}

// SocketReconnect counts a Socket Mode connection opened again.
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

// QueueDepth records how many submissions wait for a worker, and the
// queue's capacity.
func (m *Metrics) QueueDepth(depth, capacity int) {
	if m == nil {
		return
	}
	m.queueDepth.Set(float64(depth))
	m.queueCapacity.Set(float64(capacity))
}

// DigestPosted counts a digest posted.
func (m *Metrics) DigestPosted(name string) {
	if m == nil {
		return
	}
	m.digestsPosted.WithLabelValues(name).Inc()
}

// DigestFailed counts a digest run that failed.
func (m *Metrics) DigestFailed(name string) {
	if m == nil {
		return
	}
	m.digestFailures.WithLabelValues(name).Inc()
}

// SignatureFailure counts a Slack request rejected by verification; reason
// is one of the Signature* constants.
func (m *Metrics) SignatureFailure(reason string) {
	if m == nil {
		return
	}
	m.signatureFailures.WithLabelValues(reason).Inc()
}

// namespace prefixes every factgrade metric.
const namespace = "factgrade"

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
