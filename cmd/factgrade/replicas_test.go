package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/digest"
	"github.com/factgrade/factgrade/storage/postgres"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// replicaLease is the claim lease of the replicas under test: short, so a
// replica killed mid-post is taken over within the test.
const replicaLease = "4s"

// cluster is n 'factgrade serve' processes on one PostgreSQL schema, behind
// one fake Slack, optionally through a TCP proxy the test can cut.
type cluster struct {
	t      *testing.T
	fake   *slacktest.Server
	dbURL  string // as the replicas reach it (through the proxy, if any)
	direct string // as the test reaches it
	schema string
	addrs  []string
	cmds   []*exec.Cmd
	proxy  *tcpProxy // readyz_test.go's

	mu       sync.Mutex
	accepted []string
	refused  int
}

// startCluster starts n replicas. extraURL is added to the database URL's
// query (pool_max_conns=…); viaProxy puts a TCP proxy between the
// replicas and PostgreSQL; digests configures a digest every 2 seconds.
func startCluster(t *testing.T, n int, extraURL map[string]string, viaProxy bool) *cluster {
	t.Helper()
	direct := storagetest.PostgresSchema(t, "factgrade_replicas", nil)
	u, err := url.Parse(direct)
	if err != nil {
		t.Fatal(err)
	}
	c := &cluster{t: t, fake: slacktest.NewServer(serveBotToken, ""), direct: direct, schema: u.Query().Get("search_path")}
	t.Cleanup(c.fake.Close)
	q := u.Query()
	for k, v := range extraURL {
		q.Set(k, v)
	}
	u.RawQuery = q.Encode()
	if viaProxy {
		c.proxy = &tcpProxy{t: t, addr: "127.0.0.1:0", target: u.Host}
		c.proxy.start()
		t.Cleanup(c.proxy.stop)
		u.Host = c.proxy.addr
	}
	c.dbURL = u.String()
	cfg := filepath.Join(t.TempDir(), "factgrade.yaml")
	if err := os.WriteFile(cfg, []byte("digests:\n  - name: desk\n    schedule: \"@every 2s\"\n    time_zone: UTC\n    channel: C0DIGEST\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		c.addrs = append(c.addrs, freeAddr(t))
		c.cmds = append(c.cmds, c.start(i, cfg))
	}
	return c
}

func (c *cluster) start(i int, cfg string) *exec.Cmd {
	env := serveEnv(c.fake, c.t.TempDir(), "FACTGRADE_ADDR", c.addrs[i], "DATABASE_URL", c.dbURL,
		"FACTGRADE_INSTANCE", fmt.Sprintf("replica-%d", i), "FACTGRADE_CLAIM_LEASE", replicaLease,
		"FACTGRADE_WORKERS", "2", "FACTGRADE_CONFIG", cfg, "FACTGRADE_LOG_LEVEL", "warn")
	return startServeChild(c.t, env, c.addrs[i])
}

// command sends the i-th command of a run to replica i mod n (a load
// balancer's round robin), in one of channels channels.
func (c *cluster) command(run string, i, channels int) {
	text := fmt.Sprintf("China admits hacking U.S. ports, %s case %03d", run, i)
	s := slacktest.Slash{TeamID: "T0", ChannelID: fmt.Sprintf("C%02d", i%channels), UserID: "U0", Text: text, TriggerID: fmt.Sprintf("%s.%d", run, i)}
	addr := c.addrs[i%len(c.addrs)]
	code, body := trySignedPost(addr, s)
	c.mu.Lock()
	defer c.mu.Unlock()
	if code == 200 && strings.Contains(body, "Grading your") {
		c.accepted = append(c.accepted, text)
	} else {
		c.refused++
	}
}

// replicaClient sends the commands; a replica that hangs is a failure too.
var replicaClient = &http.Client{Timeout: 5 * time.Second}

// trySignedPost is signedPost that reports a dead replica as a failure
// rather than ending the test.
func trySignedPost(addr string, s slacktest.Slash) (int, string) {
	req, err := slacktest.SignedRequest("http://"+addr+"/slack/commands", serveSecret, slacktest.FormType, s.Body(), time.Now())
	if err != nil {
		return 0, err.Error()
	}
	resp, err := replicaClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitReady waits until the replica at addr answers /readyz with 200.
func waitReady(t *testing.T, addr string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if resp, err := replicaClient.Get("http://" + addr + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("replica %s not ready 20 s after PostgreSQL came back", addr)
		}
	}
}

// postCounts counts the grade replies in Slack by the text they quote.
func (c *cluster) postCounts() map[string]int {
	counts := map[string]int{}
	for _, p := range c.fake.Calls("chat.postMessage") {
		if p.Form.Get("channel") == "C0DIGEST" {
			continue
		}
		for _, text := range c.acceptedTexts() {
			if strings.Contains(p.Form.Get("text"), text) {
				counts[text]++
			}
		}
	}
	return counts
}

func (c *cluster) acceptedTexts() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.accepted...)
}

// settle waits until every accepted submission is in Slack (or timeout),
// then a little more for any second copy, and reports lost and doubled.
func (c *cluster) settle(timeout time.Duration) (lost, doubled int) {
	deadline := time.Now().Add(timeout)
	for {
		counts := c.postCounts()
		lost = 0
		for _, text := range c.acceptedTexts() {
			if counts[text] == 0 {
				lost++
			}
		}
		if lost == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(time.Second)
	counts := c.postCounts()
	lost, doubled = 0, 0
	for _, text := range c.acceptedTexts() {
		switch n := counts[text]; {
		case n == 0:
			lost++
			c.t.Errorf("%q was accepted and never posted", text)
		case n > 1:
			doubled++
			c.t.Errorf("%q posted %d times", text, n)
		}
	}
	return lost, doubled
}

// digestRuns checks that every digest window was posted exactly once:
// each run recorded posted is in Slack once (by its metadata), no run is
// in Slack twice, and the windows follow one another without overlap.
func (c *cluster) digestRuns() (runs, posted int) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.direct)
	if err != nil {
		c.t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT id, window_start, window_end, state FROM digest_runs WHERE name = 'desk' ORDER BY window_start`)
	if err != nil {
		c.t.Fatal(err)
	}
	type run struct {
		id         int64
		start, end time.Time
		state      string
	}
	var rs []run
	for rows.Next() {
		var r run
		if err := rows.Scan(&r.id, &r.start, &r.end, &r.state); err != nil {
			c.t.Fatal(err)
		}
		rs = append(rs, r)
	}
	rows.Close()
	inSlack := map[string]int{}
	for _, p := range c.fake.Calls("chat.postMessage") {
		var md struct {
			EventType    string         `json:"event_type"`
			EventPayload map[string]any `json:"event_payload"`
		}
		if json.Unmarshal([]byte(p.Form.Get("metadata")), &md) == nil && md.EventType == digest.MetadataEventType {
			inSlack[fmt.Sprint(md.EventPayload["run_id"])]++
		}
	}
	for i, r := range rs {
		n := inSlack[fmt.Sprint(r.id)]
		if r.state == "posted" {
			posted++
			if n != 1 {
				c.t.Errorf("digest run %d (%s – %s) is in Slack %d times, want once", r.id, r.start.Format(time.TimeOnly), r.end.Format(time.TimeOnly), n)
			}
		} else if n > 1 {
			c.t.Errorf("digest run %d, %s, is in Slack %d times", r.id, r.state, n)
		}
		if i > 0 && r.start.Before(rs[i-1].end) {
			c.t.Errorf("digest windows overlap: run %d starts %s, before run %d ends %s", r.id, r.start, rs[i-1].id, rs[i-1].end)
		}
	}
	for id, n := range inSlack {
		found := false
		for _, r := range rs {
			found = found || fmt.Sprint(r.id) == id
		}
		if !found {
			c.t.Errorf("a digest for run %s (%d posts) that the database does not know", id, n)
		}
	}
	return len(rs), posted
}

// terminateLeaderSession ends the PostgreSQL session holding the digest
// scheduler lock of this cluster's schema (and only that one).
func (c *cluster) terminateLeaderSession() int {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.direct)
	if err != nil {
		c.t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	err = conn.QueryRow(ctx, `SELECT COUNT(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted
		AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = $1`, postgres.LockKey(c.schema, digest.LockName)).Scan(&n)
	if err != nil {
		c.t.Fatal(err)
	}
	return n
}

// TestReplicas runs two and three 'factgrade serve' processes on one
// PostgreSQL database and proves that every accepted submission is posted
// exactly once and every digest window exactly once: a backlog spread
// over the replicas, one replica killed with SIGKILL while posts are in
// flight, a connection limit of two per replica, the digest leader's lock
// session terminated (twice), and PostgreSQL "restarted" (every connection
// cut and new ones refused for two seconds by a TCP proxy between the
// replicas and the server, so the shared server other tests use is left
// alone). A digest runs every two seconds throughout.
func TestReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	if os.Getenv(storagetest.PostgresURLEnv) == "" {
		t.Skip(storagetest.PostgresURLEnv + " is not set; the replica scenarios need PostgreSQL")
	}
	for _, n := range []int{2, 3} {
		t.Run(fmt.Sprintf("%d replicas/backlog", n), func(t *testing.T) {
			c := startCluster(t, n, nil, false)
			const total = 60
			for i := range total {
				c.command("backlog", i, 2)
			}
			lost, doubled := c.settle(60 * time.Second)
			runs, posted := c.digestRuns()
			t.Logf("RESULT %d replicas: %d accepted over 2 channels, %d lost, %d posted twice; %d digest windows, %d posted once", n, len(c.acceptedTexts()), lost, doubled, runs, posted)
		})
		t.Run(fmt.Sprintf("%d replicas/SIGKILL mid-post", n), func(t *testing.T) {
			c := startCluster(t, n, nil, false)
			c.fake.SetDelay(150 * time.Millisecond) // posts in flight when the kill comes
			const total = 30
			for i := range total {
				c.command("sigkill", i, 6)
			}
			c.fake.WaitCalls("chat.postMessage", 3, 10*time.Second)
			if err := c.cmds[0].Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			c.cmds[0].Wait()
			atKill := len(c.fake.Calls("chat.postMessage"))
			lost, doubled := c.settle(60 * time.Second)
			t.Logf("RESULT %d replicas, replica-0 killed with %d posts in Slack: %d accepted, %d lost, %d posted twice; %d history searches", n, atKill, len(c.acceptedTexts()), lost, doubled, len(c.fake.Calls("conversations.history")))
		})
		t.Run(fmt.Sprintf("%d replicas/connection limit", n), func(t *testing.T) {
			c := startCluster(t, n, map[string]string{"pool_max_conns": "2"}, false)
			const total = 40
			var wg sync.WaitGroup
			for i := range total {
				wg.Go(func() { c.command("connlimit", i, 6) })
			}
			wg.Wait()
			lost, doubled := c.settle(60 * time.Second)
			t.Logf("RESULT %d replicas, 2 connections each: %d of %d accepted, %d lost, %d posted twice", n, len(c.acceptedTexts()), total, lost, doubled)
		})
		t.Run(fmt.Sprintf("%d replicas/leader lock session killed", n), func(t *testing.T) {
			c := startCluster(t, n, nil, false)
			terminated := 0
			for i := range 30 {
				c.command("leader", i, 3)
				time.Sleep(200 * time.Millisecond)
				if i == 10 || i == 20 {
					terminated += c.terminateLeaderSession()
				}
			}
			lost, doubled := c.settle(60 * time.Second)
			time.Sleep(5 * time.Second) // a standby takes over and posts what is due
			runs, posted := c.digestRuns()
			if terminated != 2 {
				t.Errorf("terminated %d lock sessions, want 2", terminated)
			}
			if posted < 3 {
				t.Errorf("%d digest windows posted, want the digest to keep running", posted)
			}
			t.Logf("RESULT %d replicas, the leader's lock session terminated twice: %d accepted, %d lost, %d posted twice; %d digest windows, %d posted, each once", n, len(c.acceptedTexts()), lost, doubled, runs, posted)
		})
		t.Run(fmt.Sprintf("%d replicas/PostgreSQL restarted", n), func(t *testing.T) {
			c := startCluster(t, n, nil, true)
			var down time.Time
			for i := range 40 {
				c.command("restart", i, 6)
				time.Sleep(50 * time.Millisecond)
				switch {
				case i == 15:
					c.proxy.stop() // every connection dropped, new ones refused
					down = time.Now()
				case !down.IsZero() && time.Since(down) >= 2*time.Second:
					c.proxy.start() // back, on the same port
					down = time.Time{}
				}
			}
			if !down.IsZero() {
				c.proxy.start()
			}
			// Back up: every replica ready again, and new commands taken.
			for _, addr := range c.addrs {
				waitReady(t, addr)
			}
			before := len(c.acceptedTexts())
			for i := 40; i < 50; i++ {
				c.command("restart", i, 6)
			}
			if got := len(c.acceptedTexts()) - before; got != 10 {
				t.Errorf("%d of 10 commands accepted after PostgreSQL came back, want 10", got)
			}
			lost, doubled := c.settle(60 * time.Second)
			time.Sleep(3 * time.Second)
			runs, posted := c.digestRuns()
			t.Logf("RESULT %d replicas, every connection cut and refused for 2 s: %d accepted (%d refused while down), %d lost, %d posted twice; %d digest windows, %d posted, each once", n, len(c.acceptedTexts()), c.refused, lost, doubled, runs, posted)
		})
	}
}
