package main

import (
	"net/http"
	"time"
)

// pooledClient returns an HTTP client for a server that conns requests may
// be waiting on at once (a worker each: the model, Slack), with timeout.
// It keeps up to conns idle connections to a host, where Go's default
// transport keeps two: with more requests in flight than that, every
// request finishing past the second closed its connection and the next
// opened a new one (with a TLS handshake against a real server): about 140
// connections a second with 256 workers and a 2-second model, each with
// its goroutines, beside the handler acknowledging Slack.
func pooledClient(conns int, timeout time.Duration) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone() // proxy settings and timeouts kept
	t.MaxIdleConnsPerHost = max(conns, http.DefaultMaxIdleConnsPerHost)
	t.MaxIdleConns = max(t.MaxIdleConns, t.MaxIdleConnsPerHost)
	return &http.Client{Transport: t, Timeout: timeout}
}
