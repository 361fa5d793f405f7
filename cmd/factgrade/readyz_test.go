package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// tcpProxy forwards a local port to target until stopped; it can be
// started again on the same port, to make a database go away and come back.
type tcpProxy struct {
	t      *testing.T
	addr   string
	target string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

func (p *tcpProxy) start() {
	p.t.Helper()
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatalf("proxy listen %s: %v", p.addr, err)
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
}

// stop closes the listener and every connection through it.
func (p *tcpProxy) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ln.Close()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// TestReadyzFollowsTheDatabase: /readyz says unready while PostgreSQL
// cannot be reached and ready again when it comes back; /livez stays up.
func TestReadyzFollowsTheDatabase(t *testing.T) {
	dbURL := storagetest.PostgresSchema(t, "factgrade_readyz", nil)
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := &tcpProxy{t: t, addr: "127.0.0.1:0", target: u.Host}
	proxy.start()
	t.Cleanup(proxy.stop)
	u.Host = proxy.addr
	q := u.Query()
	q.Set("connect_timeout", "1")
	u.RawQuery = q.Encode()

	fake := slacktest.NewServer(serveBotToken, "")
	defer fake.Close()
	m := startMain(t, serveEnv(fake, t.TempDir(), "DATABASE_URL", u.String()))
	base := "http://" + m.Addr()

	waitStatus := func(path string, want int) {
		t.Helper()
		var code int
		var body string
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if code, body = get(t, base+path); code == want {
				return
			}
		}
		t.Fatalf("%s = %d %s, want %d", path, code, body, want)
	}
	waitStatus("/readyz", 200)
	proxy.stop()
	waitStatus("/readyz", 503)
	waitStatus("/livez", 200)
	proxy.start()
	waitStatus("/readyz", 200)
}

// TestBotTokenChecked proves a bot token Slack refuses is an error at
// start (naming SLACK_BOT_TOKEN, exit status 2), and a token revoked while
// serving turns /readyz to 503 with "slack_token":"refused".
func TestBotTokenChecked(t *testing.T) {
	wrong := slacktest.NewServer("xoxb-another-app", "")
	defer wrong.Close()
	env := serveEnv(wrong, t.TempDir())
	m := &Main{Getenv: func(k string) string { return env[k] }, ReadFile: os.ReadFile, LogOutput: io.Discard}
	err := m.Run(context.Background())
	m.Close()
	var ue *usageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN") || !strings.Contains(err.Error(), "invalid_auth") {
		t.Fatalf("Run with a refused token = %v, want a usage error naming SLACK_BOT_TOKEN", err)
	}

	fake := slacktest.NewServer(serveBotToken, "")
	defer fake.Close()
	m = startMain(t, serveEnv(fake, t.TempDir()))
	base := "http://" + m.Addr()
	if code, body := get(t, base+"/readyz"); code != 200 || !strings.Contains(body, `"database":"ok"`) {
		t.Fatalf("/readyz = %d %s, want 200", code, body)
	}
	fake.FailNext("auth.test", "token_revoked")
	m.token.mu.Lock()
	m.token.at = time.Time{} // as if the minute had passed
	m.token.mu.Unlock()
	if code, body := get(t, base+"/readyz"); code != 503 || !strings.Contains(body, `"slack_token":"refused"`) {
		t.Errorf("/readyz after revocation = %d %s, want 503 naming slack_token", code, body)
	}
	if n := len(fake.Calls("auth.test")); n != 1 {
		t.Errorf("%d successful auth.test calls, want 1 (start-up; readiness reuses it for a minute)", n)
	}
}
