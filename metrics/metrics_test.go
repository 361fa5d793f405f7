package metrics

import (
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
	m.RequestDone(KindCommand, OutcomeAccepted, 12*time.Millisecond)
	m.RequestDone(KindCommand, OutcomeAccepted, 30*time.Millisecond)
	m.RequestDone(KindCommand, OutcomeDuplicate, time.Millisecond)
	m.RequestDone(KindInteraction, OutcomeAnswered, 2*time.Millisecond)
	m.GradeDone("rules", GradeOK, 300*time.Microsecond)
	m.GradeDone("hybrid", GradeFallback, 4*time.Second)
	m.LLMTokens(1800, 240)
	m.LLMTokens(1800, 200)
	m.LLMError(LLMTimeout)
	m.LLMQuotesDropped(2)
	m.LLMQuotesDropped(0)
	m.SlackRateLimited("chat.postMessage")
	m.SlackRetry("chat.postMessage")
	m.SlackRetry("chat.postMessage")
	m.SocketReconnect()
	m.SocketConnected(true)
	m.QueueDepth(7, 256)
	m.DigestPosted("morning")
	m.DigestFailed("weekly")
	m.SignatureFailure(SignatureBad)
	m.SignatureFailure(SignatureStale)

	fams := scrape(t, m.Handler())
	tests := []struct {
		name   string
		labels []string
		want   float64
		typ    dto.MetricType
	}{
		{"factgrade_requests_total", []string{"kind", "command", "outcome", "accepted"}, 2, dto.MetricType_COUNTER},
		{"factgrade_requests_total", []string{"kind", "command", "outcome", "duplicate"}, 1, dto.MetricType_COUNTER},
		{"factgrade_requests_total", []string{"kind", "interaction", "outcome", "answered"}, 1, dto.MetricType_COUNTER},
		{"factgrade_ack_duration_seconds", []string{"kind", "command"}, 3, dto.MetricType_HISTOGRAM},
		{"factgrade_grades_total", []string{"judge", "hybrid", "outcome", "fallback"}, 1, dto.MetricType_COUNTER},
		{"factgrade_grade_duration_seconds", []string{"judge", "rules"}, 1, dto.MetricType_HISTOGRAM},
		{"factgrade_llm_tokens_total", []string{"type", "prompt"}, 3600, dto.MetricType_COUNTER},
		{"factgrade_llm_tokens_total", []string{"type", "completion"}, 440, dto.MetricType_COUNTER},
		{"factgrade_llm_errors_total", []string{"reason", "timeout"}, 1, dto.MetricType_COUNTER},
		{"factgrade_llm_quotes_dropped_total", nil, 2, dto.MetricType_COUNTER},
		{"factgrade_slack_rate_limited_total", []string{"method", "chat.postMessage"}, 1, dto.MetricType_COUNTER},
		{"factgrade_slack_retries_total", []string{"method", "chat.postMessage"}, 2, dto.MetricType_COUNTER},
		{"factgrade_socket_mode_reconnects_total", nil, 1, dto.MetricType_COUNTER},
		{"factgrade_socket_mode_connected", nil, 1, dto.MetricType_GAUGE},
		{"factgrade_queue_depth", nil, 7, dto.MetricType_GAUGE},
		{"factgrade_queue_capacity", nil, 256, dto.MetricType_GAUGE},
		{"factgrade_digests_posted_total", []string{"digest", "morning"}, 1, dto.MetricType_COUNTER},
		{"factgrade_digest_failures_total", []string{"digest", "weekly"}, 1, dto.MetricType_COUNTER},
		{"factgrade_slack_signature_failures_total", []string{"reason", "signature"}, 1, dto.MetricType_COUNTER},
		{"factgrade_slack_signature_failures_total", []string{"reason", "timestamp"}, 1, dto.MetricType_COUNTER},
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

	// The ack histogram puts 12 ms and 30 ms above the 10 ms bucket and
	// all three at or below 50 ms.
	h := histogram(t, fams, "factgrade_ack_duration_seconds", "command")
	for _, b := range h.GetBucket() {
		var want uint64
		switch b.GetUpperBound() {
		case 0.01:
			want = 1
		case 0.05:
			want = 3
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
	m.RequestDone(KindCommand, OutcomeAccepted, time.Millisecond)
	m.GradeDone("rules", GradeOK, time.Millisecond)
	m.LLMTokens(1, 1)
	m.LLMError(LLMNetwork)
	m.LLMQuotesDropped(1)
	m.SlackRateLimited("chat.postMessage")
	m.SlackRetry("chat.postMessage")
	m.SocketReconnect()
	m.SocketConnected(false)
	m.QueueDepth(1, 2)
	m.DigestPosted("d")
	m.DigestFailed("d")
	m.SignatureFailure(SignatureSize)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("nil Metrics handler status = %d, want 404", rec.Code)
	}
}

func BenchmarkRequestDone(b *testing.B) {
	m := New("bench")
	for b.Loop() {
		m.RequestDone(KindCommand, OutcomeAccepted, 3*time.Millisecond)
	}
}
