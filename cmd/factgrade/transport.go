package main

import (
	"context"
	"io"
	"net/http"
	"time"

	"github.com/factgrade/factgrade/internal/cpuslot"
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

// slotClient is pooledClient's client for a server a worker waits on while
// it holds a CPU slot (Slack): the slot is given back while the server
// answers (cpuslot.Transport), and timeout bounds each request through its
// context (deadline). With http.Client.Timeout instead, and a RoundTripper
// net/http does not know, every request would be cancelled the old way, by
// a goroutine and a timer of its own, started and woken outside the slots
// beside the handlers acknowledging Slack: one more for every post.
func slotClient(conns int, timeout time.Duration) *http.Client {
	return withSlots(pooledClient(conns, 0), timeout)
}

// withSlots makes c's transport give the CPU slot back while it waits
// and bound each request by timeout, and returns c.
func withSlots(c *http.Client, timeout time.Duration) *http.Client {
	c.Transport = cpuslot.Transport(deadline{next: c.Transport, timeout: timeout})
	return c
}

// deadline sends each request with next, bounded by timeout from when it
// is sent until its reply's body is closed, as http.Client.Timeout does.
type deadline struct {
	next    http.RoundTripper
	timeout time.Duration
}

func (d deadline) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(req.Context(), d.timeout)
	resp, err := d.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// cancelOnClose is a reply's body that ends its request's context when it
// is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
