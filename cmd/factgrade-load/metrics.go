package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

var metricsClient = &http.Client{Timeout: 5 * time.Second}

// scrape returns the server's metrics in Prometheus' text format.
func scrape(url string) (string, error) {
	resp, err := metricsClient.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return string(b), nil
}

// queueDepth reads factgrade_queue_depth from the server's metrics.
func queueDepth(url string) float64 {
	text, err := scrape(url)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(line, "factgrade_queue_depth "); ok {
			var f float64
			fmt.Sscan(v, &f)
			return f
		}
	}
	return 0
}

// bucket is one cumulative bucket of a Prometheus histogram: count
// observations were at most le seconds.
type bucket struct {
	le    float64
	count float64
}

// ackHistogram is the server's own measure of how long it took to
// acknowledge the slash commands.
type ackHistogram []bucket

// ackName is the histogram's bucket series; kind="command" are slash
// commands.
const ackName = "factgrade_ack_duration_seconds_bucket"

// serverAcks scrapes the command buckets of factgrade_ack_duration_seconds.
func serverAcks(metricsURL string) (ackHistogram, error) {
	text, err := scrape(metricsURL)
	if err != nil {
		return nil, err
	}
	return parseAcks(text)
}

// parseAcks reads the buckets with kind="command" of the ack histogram
// from metrics in Prometheus' text format.
func parseAcks(text string) (ackHistogram, error) {
	var h ackHistogram
	for _, line := range strings.Split(text, "\n") {
		rest, ok := strings.CutPrefix(line, ackName+"{")
		if !ok {
			continue
		}
		labels, value, ok := strings.Cut(rest, "} ")
		if !ok {
			continue
		}
		var kind, le string
		for _, l := range strings.Split(labels, ",") {
			k, v, _ := strings.Cut(l, "=")
			switch k {
			case "kind":
				kind = strings.Trim(v, `"`)
			case "le":
				le = strings.Trim(v, `"`)
			}
		}
		if kind != "command" {
			continue
		}
		bound, err := strconv.ParseFloat(le, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: bucket le=%q: %w", ackName, le, err)
		}
		count, err := strconv.ParseFloat(strings.Fields(value)[0], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: bucket le=%q: count %q: %w", ackName, le, value, err)
		}
		h = append(h, bucket{le: bound, count: count})
	}
	if len(h) == 0 || !math.IsInf(h.total().le, 1) {
		return nil, errors.New("no factgrade_ack_duration_seconds buckets with kind=\"command\" in /metrics")
	}
	sort.Slice(h, func(i, j int) bool { return h[i].le < h[j].le })
	return h, nil
}

// total is the +Inf bucket, which counts every observation.
func (h ackHistogram) total() bucket {
	for _, b := range h {
		if math.IsInf(b.le, 1) {
			return b
		}
	}
	return bucket{}
}

// within returns the share of commands acknowledged within le seconds
// (le must be a bucket's bound).
func (h ackHistogram) within(le float64) float64 {
	n := h.total().count
	if n == 0 {
		return 0
	}
	for _, b := range h {
		if b.le == le {
			return b.count / n
		}
	}
	return math.NaN()
}

// bound returns the smallest bucket bound within which a share q of the
// commands were acknowledged.
func (h ackHistogram) bound(q float64) float64 {
	n := h.total().count
	for _, b := range h {
		if b.count >= q*n {
			return b.le
		}
	}
	return math.Inf(1)
}

func (h ackHistogram) summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "n=%.0f (factgrade_ack_duration_seconds, kind=command);", h.total().count)
	for _, le := range []float64{0.005, 0.01, 0.025, 0.05} {
		fmt.Fprintf(&b, " within %.4gms %.1f%%", le*1000, 100*h.within(le))
		if le != 0.05 {
			b.WriteString(",")
		}
	}
	if p99 := h.bound(0.99); math.IsInf(p99, 1) {
		fmt.Fprintf(&b, "; server-side p99 > %.4gms (the largest bucket)", 1000*h[max(0, len(h)-2)].le)
	} else {
		fmt.Fprintf(&b, "; server-side p99 ≤ %.4gms", 1000*p99)
	}
	return b.String()
}

// add returns the sum of h and o, histograms of the same buckets (one per
// replica); an empty h takes o's.
func (h ackHistogram) add(o ackHistogram) ackHistogram {
	if len(h) == 0 {
		return slices.Clone(o)
	}
	sum := slices.Clone(h)
	for i := range sum {
		for _, b := range o {
			if b.le == sum[i].le {
				sum[i].count += b.count
			}
		}
	}
	return sum
}
