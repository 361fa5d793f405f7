package metrics

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// scrape GETs /metrics from h as Prometheus does and parses the text.
func scrape(t *testing.T, h http.Handler) map[string]*dto.MetricFamily {
	t.Helper()
	srv := httptest.NewServer(h)
	defer srv.Close()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL+"/metrics", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/plain;version=0.0.4")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET /metrics: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics status = %d, want 200", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("GET /metrics Content-Type = %q, want text/plain", ct)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(string(body)))
	if err != nil {
		t.Fatalf("/metrics does not parse as Prometheus text: %v\n%s", err, body)
	}
	return fams
}

// value returns the value of the series of family name whose labels are
// exactly labels (name=value pairs), and whether it exists. For a histogram
// it returns the sample count.
func value(fams map[string]*dto.MetricFamily, name string, labels ...string) (float64, bool) {
	f, ok := fams[name]
	if !ok {
		return 0, false
	}
	want := map[string]string{}
	for i := 0; i+1 < len(labels); i += 2 {
		want[labels[i]] = labels[i+1]
	}
next:
	for _, m := range f.GetMetric() {
		if len(m.GetLabel()) != len(want) {
			continue
		}
		for _, l := range m.GetLabel() {
			if want[l.GetName()] != l.GetValue() {
				continue next
			}
		}
		switch f.GetType() {
		case dto.MetricType_COUNTER:
			return m.GetCounter().GetValue(), true
		case dto.MetricType_GAUGE:
			return m.GetGauge().GetValue(), true
		case dto.MetricType_HISTOGRAM:
			return float64(m.GetHistogram().GetSampleCount()), true
		}
	}
	return 0, false
}

func TestMetricsExposition(t *testing.T) {
	m := New("v1.2.3")
	m.Request("command", "ok", 12*time.Millisecond)
	m.Request("command", "ok", 30*time.Millisecond)
	m.Request("command", "duplicate", time.Millisecond)
	m.Request("interaction", "ok", 2*time.Millisecond)
	m.Request("command", OutcomeUnauthorized, time.Millisecond)
	m.Request("event", OutcomeTooLarge, time.Millisecond)
	m.Graded("rules", 300*time.Microsecond, nil)
	m.Graded("hybrid", 4*time.Second, errors.New("boom"))
	m.LLM(LLMCall{Outcome: "ok", PromptTokens: 1800, CompletionTokens: 240, CachedTokens: 1700, Latency: 2 * time.Second, DroppedQuotes: 2})
	m.LLM(LLMCall{Outcome: "fallback", PromptTokens: 1800, CompletionTokens: 200, Retries: 2, Latency: 31 * time.Second})
	m.SlackCall("chat.postMessage", "rate_limited")
	m.SlackCall("chat.postMessage", "retry")
	m.SlackCall("chat.postMessage", "ok")
	m.SocketReconnect()
	m.SocketConnected(true)
	m.QueueDepth(7)
	m.QueueCapacity(256)
	m.DigestPosted("morning")
	m.DigestFailed("weekly")
	m.SchedulerLockLost()

	fams := scrape(t, m.Handler())
	tests := []struct {
		name   string
		labels []string
		want   float64
		typ    dto.MetricType
	}{
		{"factgrade_requests_total", []string{"kind", "command", "outcome", "ok"}, 2, dto.MetricType_COUNTER},
		{"factgrade_requests_total", []string{"kind", "command", "outcome", "duplicate"}, 1, dto.MetricType_COUNTER},
		{"factgrade_requests_total", []string{"kind", "interaction", "outcome", "ok"}, 1, dto.MetricType_COUNTER},
		{"factgrade_ack_duration_seconds", []string{"kind", "command"}, 4, dto.MetricType_HISTOGRAM},
		{"factgrade_slack_signature_failures_total", nil, 2, dto.MetricType_COUNTER},
		{"factgrade_grades_total", []string{"judge", "rules", "outcome", "ok"}, 1, dto.MetricType_COUNTER},
		{"factgrade_grades_total", []string{"judge", "hybrid", "outcome", "error"}, 1, dto.MetricType_COUNTER},
		{"factgrade_grade_duration_seconds", []string{"judge", "rules"}, 1, dto.MetricType_HISTOGRAM},
		{"factgrade_llm_grades_total", []string{"outcome", "ok"}, 1, dto.MetricType_COUNTER},
		{"factgrade_llm_grades_total", []string{"outcome", "fallback"}, 1, dto.MetricType_COUNTER},
		{"factgrade_llm_duration_seconds", nil, 2, dto.MetricType_HISTOGRAM},
		{"factgrade_llm_tokens_total", []string{"type", "prompt"}, 3600, dto.MetricType_COUNTER},
		{"factgrade_llm_tokens_total", []string{"type", "completion"}, 440, dto.MetricType_COUNTER},
		{"factgrade_llm_tokens_total", []string{"type", "cached"}, 1700, dto.MetricType_COUNTER},
		{"factgrade_llm_errors_total", []string{"kind", "retried"}, 2, dto.MetricType_COUNTER},
		{"factgrade_llm_errors_total", []string{"kind", "fallback"}, 1, dto.MetricType_COUNTER},
		{"factgrade_llm_quotes_dropped_total", nil, 2, dto.MetricType_COUNTER},
		{"factgrade_slack_api_calls_total", []string{"method", "chat.postMessage", "outcome", "rate_limited"}, 1, dto.MetricType_COUNTER},
		{"factgrade_slack_api_calls_total", []string{"method", "chat.postMessage", "outcome", "retry"}, 1, dto.MetricType_COUNTER},
		{"factgrade_socket_mode_reconnects_total", nil, 1, dto.MetricType_COUNTER},
		{"factgrade_socket_mode_connected", nil, 1, dto.MetricType_GAUGE},
		{"factgrade_queue_depth", nil, 7, dto.MetricType_GAUGE},
		{"factgrade_queue_capacity", nil, 256, dto.MetricType_GAUGE},
		{"factgrade_digests_posted_total", []string{"digest", "morning"}, 1, dto.MetricType_COUNTER},
		{"factgrade_digest_failures_total", []string{"digest", "weekly"}, 1, dto.MetricType_COUNTER},
		{"factgrade_digest_scheduler_lock_lost_total", nil, 1, dto.MetricType_COUNTER},
		{"factgrade_build_info", []string{"version", "v1.2.3"}, 1, dto.MetricType_GAUGE},
	}
	for _, tt := range tests {
		got, ok := value(fams, tt.name, tt.labels...)
		if !ok {
			t.Errorf("/metrics has no %s%v", tt.name, tt.labels)
			continue
		}
		if got != tt.want {
			t.Errorf("/metrics %s%v = %v, want %v", tt.name, tt.labels, got, tt.want)
		}
		if typ := fams[tt.name].GetType(); typ != tt.typ {
			t.Errorf("/metrics %s type = %v, want %v", tt.name, typ, tt.typ)
		}
		if fams[tt.name].GetHelp() == "" {
			t.Errorf("/metrics %s has no HELP", tt.name)
		}
	}

	// The ack histogram has 1 ms, 1 ms, 12 ms and 30 ms: two at or below
	// 10 ms, all four at or below 50 ms.
	h := histogram(t, fams, "factgrade_ack_duration_seconds", "command")
	for _, b := range h.GetBucket() {
		var want uint64
		switch b.GetUpperBound() {
		case 0.01:
			want = 2
		case 0.05:
			want = 4
		default:
			continue
		}
		if b.GetCumulativeCount() != want {
			t.Errorf("ack histogram bucket le=%v = %d, want %d", b.GetUpperBound(), b.GetCumulativeCount(), want)
		}
	}
	if _, ok := fams["go_goroutines"]; !ok {
		t.Errorf("/metrics has no go_goroutines; the Go collector is missing")
	}
}

func histogram(t *testing.T, fams map[string]*dto.MetricFamily, name, kind string) *dto.Histogram {
	t.Helper()
	for _, m := range fams[name].GetMetric() {
		for _, l := range m.GetLabel() {
			if l.GetValue() == kind {
				return m.GetHistogram()
			}
		}
	}
	t.Fatalf("no %s{kind=%q}", name, kind)
	return nil
}

// TestMetricsAreIndependent checks that two Metrics do not share a registry.
func TestMetricsAreIndependent(t *testing.T) {
	a, b := New("a"), New("b")
	a.DigestPosted("morning")
	if _, ok := value(scrape(t, b.Handler()), "factgrade_digests_posted_total", "digest", "morning"); ok {
		t.Errorf("a digest counted on one Metrics shows on another")
	}
	if got, _ := value(scrape(t, a.Handler()), "factgrade_llm_tokens_total", "type", "prompt"); got != 0 {
		t.Errorf("fresh factgrade_llm_tokens_total{type=prompt} = %v, want 0", got)
	}
}

func TestNilMetrics(t *testing.T) {
	var m *Metrics
	m.Request("command", "ok", time.Millisecond)
	m.Graded("rules", time.Millisecond, nil)
	m.LLM(LLMCall{Outcome: "ok", PromptTokens: 1})
	m.SlackCall("chat.postMessage", "ok")
	m.SocketReconnect()
	m.SocketConnected(false)
	m.QueueDepth(1)
	m.QueueCapacity(2)
	m.DigestPosted("d")
	m.DigestFailed("d")
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("nil Metrics handler status = %d, want 404", rec.Code)
	}
}

func BenchmarkRequest(b *testing.B) {
	m := New("bench")
	for b.Loop() {
		m.Request("command", "ok", 3*time.Millisecond)
	}
}

// BenchmarkRequestParallel is Request from every worker at once, as under
// load.
func BenchmarkRequestParallel(b *testing.B) {
	m := New("bench")
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			m.Request("command", "ok", 3*time.Millisecond)
		}
	})
}

// BenchmarkScrape is one Prometheus scrape of /metrics with every series
// present.
func BenchmarkScrape(b *testing.B) {
	m := New("bench")
	m.Request("command", "ok", time.Millisecond)
	m.Graded("hybrid", time.Second, nil)
	m.LLM(LLMCall{Outcome: "ok", PromptTokens: 1000})
	m.SlackCall("chat.postMessage", "ok")
	h := m.Handler()
	req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
