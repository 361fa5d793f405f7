package main

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestPooledClientKeepsConnections: as many requests in flight as workers,
// round after round, reuse the connections of the first round; Go's
// default transport keeps two idle and opens the rest again every round.
func TestPooledClientKeepsConnections(t *testing.T) {
	const inFlight, rounds = 16, 3
	var opened atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		io.WriteString(w, "ok")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			opened.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	count := func(c *http.Client) int64 {
		opened.Store(0)
		for range rounds {
			var wg sync.WaitGroup
			for range inFlight {
				wg.Go(func() {
					resp, err := c.Get(srv.URL)
					if err != nil {
						t.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				})
			}
			wg.Wait()
		}
		return opened.Load()
	}
	if got := count(pooledClient(inFlight, 10*time.Second)); got > inFlight {
		t.Errorf("pooled client opened %d connections for %d rounds of %d requests, want at most %d", got, rounds, inFlight, inFlight)
	}
	def := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	t.Logf("the default transport opened %d connections for the same requests", count(def))
}

// TestSlotClientCancelsByContext: the Slack client's requests reach the
// transport with a deadline in their context and no Request.Cancel (the
// channel net/http sets, with a goroutine and a timer of its own, when
// http.Client.Timeout meets a RoundTripper it does not know); a reply's
// body is read whole within the deadline, and a server slower than the
// timeout fails the request with a timeout.
func TestSlotClientCancelsByContext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
			return
		}
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	var legacy, noDeadline atomic.Int64
	c := withSlots(&http.Client{Transport: roundTripFunc(func(req *http.Request) (*http.Response, error) {
		if req.Cancel != nil { //nolint:staticcheck // what net/http's old way of cancelling sets
			legacy.Add(1)
		}
		if _, ok := req.Context().Deadline(); !ok {
			noDeadline.Add(1)
		}
		return http.DefaultTransport.RoundTrip(req)
	})}, 200*time.Millisecond)
	resp, err := c.Get(srv.URL + "/fast")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || string(body) != "ok" {
		t.Errorf("body = %q, %v; want ok", body, err)
	}
	start := time.Now()
	if resp, err := c.Get(srv.URL + "/slow"); err == nil {
		resp.Body.Close()
		t.Errorf("a reply slower than the timeout came back (%d), want a timeout", resp.StatusCode)
	} else if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the slow request failed after %v, want about the timeout (200ms)", d)
	}
	if n := legacy.Load(); n > 0 {
		t.Errorf("%d requests reached the transport with Request.Cancel set: net/http cancelled them with a goroutine each", n)
	}
	if n := noDeadline.Load(); n > 0 {
		t.Errorf("%d requests reached the transport without a deadline in their context", n)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }
