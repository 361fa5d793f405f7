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
