package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// livezServer serves /livez with handler and returns FACTGRADE_ADDR for it
// in the form operators write, ":PORT".
func livezServer(t *testing.T, handler http.HandlerFunc) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /livez", handler)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	_, port, err := net.SplitHostPort(srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	return ":" + port
}

func TestHealthcheck(t *testing.T) {
	live := livezServer(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	down := livezServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
	})
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	slow := livezServer(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	// A port nothing listens on: listen, note the port, close.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()[strings.LastIndex(l.Addr().String(), ":"):]
	l.Close()

	tests := []struct {
		name     string
		addr     string
		args     []string
		wantCode int
		want     string // in stdout or stderr
	}{
		{"live", live, nil, 0, "ok http://127.0.0.1"},
		{"live on 0.0.0.0", "0.0.0.0" + live, nil, 0, "ok http://127.0.0.1"},
		{"live on 127.0.0.1", "127.0.0.1" + live, nil, 0, "/livez"},
		{"answers 503", down, nil, 1, "503 Service Unavailable shutting down"},
		{"nothing listening", closed, nil, 1, "connection refused"},
		{"too slow", slow, []string{"-timeout", "50ms"}, 1, "context deadline exceeded"},
		{"bad address", "8080", nil, 1, `FACTGRADE_ADDR "8080" is not HOST:PORT`},
		{"port 0", ":0", nil, 1, "port 0"},
		{"bad flag", live, []string{"-verbose"}, 1, "flag provided but not defined"},
		{"bad timeout", live, []string{"-timeout", "0s"}, 1, "positive duration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			code, out, errOut := runOps(t, map[string]string{"FACTGRADE_ADDR": tt.addr}, append([]string{"healthcheck"}, tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("healthcheck with FACTGRADE_ADDR=%q exit = %d, want %d\nstdout: %s\nstderr: %s", tt.addr, code, tt.wantCode, out, errOut)
			}
			if !strings.Contains(out+errOut, tt.want) {
				t.Errorf("healthcheck with FACTGRADE_ADDR=%q printed\nstdout: %s\nstderr: %s\nwant %q", tt.addr, out, errOut, tt.want)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("healthcheck took %v; its timeout did not apply", d)
			}
		})
	}
}

func TestLivezURL(t *testing.T) {
	tests := []struct{ addr, want string }{
		{":8080", "http://127.0.0.1:8080/livez"},
		{"0.0.0.0:9000", "http://127.0.0.1:9000/livez"},
		{"[::]:8080", "http://127.0.0.1:8080/livez"},
		{"10.1.2.3:8080", "http://10.1.2.3:8080/livez"},
		{"[::1]:8080", "http://[::1]:8080/livez"},
		{"localhost:8080", "http://localhost:8080/livez"},
	}
	for _, tt := range tests {
		got, err := livezURL(tt.addr)
		if err != nil || got != tt.want {
			t.Errorf("livezURL(%q) = %q, %v; want %q", tt.addr, got, err, tt.want)
		}
	}
}
