package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// child is the 'factgrade serve' process under load.
type child struct {
	cmd     *exec.Cmd
	logPath string
	done    chan struct{} // closed when the process has exited
	err     error         // Wait's, once done is closed
}

// startChild starts bin serve with env, its output written to logPath.
func startChild(bin string, env []string, logPath string) (*child, error) {
	log, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer log.Close() // the process has its own copy
	c := &child{cmd: exec.Command(bin, "serve"), logPath: logPath, done: make(chan struct{})}
	c.cmd.Env = env
	c.cmd.Stdout, c.cmd.Stderr = log, log
	if err := c.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", bin, err)
	}
	go func() {
		c.err = c.cmd.Wait()
		close(c.done)
	}()
	return c, nil
}

func (c *child) pid() int { return c.cmd.Process.Pid }

// stop sends SIGTERM and waits for the process to exit, at most grace,
// then kills it. It returns how long the exit took and why it was not
// clean, if it was not.
func (c *child) stop(grace time.Duration) (time.Duration, error) {
	start := time.Now()
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return 0, fmt.Errorf("sending SIGTERM: %w", err)
	}
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-c.done:
		if c.err != nil {
			return time.Since(start), fmt.Errorf("exited with %w", c.err)
		}
		return time.Since(start), nil
	case <-t.C:
		c.kill()
		return time.Since(start), fmt.Errorf("still running after %s, killed", grace)
	}
}

// kill kills the process unless it has exited, and waits for it.
func (c *child) kill() {
	select {
	case <-c.done:
		return
	default:
	}
	c.cmd.Process.Kill()
	<-c.done
}

// logTail returns the last n lines the process wrote.
func (c *child) logTail(n int) string {
	b, err := os.ReadFile(c.logPath)
	if err != nil {
		return ""
	}
	lines := strings.SplitAfter(string(b), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "")
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// waitReady waits for url (/readyz) to answer 200, at most 30 s.
func (c *child) waitReady(ctx context.Context, url string) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-c.done:
			return fmt.Errorf("factgrade exited before it was ready: %v", c.err)
		case <-time.After(50 * time.Millisecond):
		}
	}
	return errors.New("factgrade did not become ready in 30s")
}

// memWatch samples the server's resident memory and queue depth.
type memWatch struct {
	mu       sync.Mutex
	pid      int
	maxQueue float64
	samples  []int64 // VmRSS every 500 ms, kB
}

// watch samples pid's VmRSS and the server's queue depth every 500 ms
// until ctx ends.
func watch(ctx context.Context, pid int, metricsURL string) *memWatch {
	m := &memWatch{pid: pid}
	go func() {
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			rss := procStatus(pid, "VmRSS")
			q := queueDepth(metricsURL)
			m.mu.Lock()
			m.maxQueue = max(m.maxQueue, q)
			m.samples = append(m.samples, rss)
			m.mu.Unlock()
		}
	}()
	return m
}

// summary reports the memory seen; call it while the process runs, for
// its peak (VmHWM) goes with it.
func (m *memWatch) summary() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	hwm := procStatus(m.pid, "VmHWM")
	var maxRSS, last int64
	if len(m.samples) > 0 {
		maxRSS, last = slices.Max(m.samples), m.samples[len(m.samples)-1]
	}
	return fmt.Sprintf("peak RSS (VmHWM) %.1f MB; RSS sampled every 0.5 s: max %.1f MB, last %.1f MB; deepest queue seen in /metrics %.0f",
		float64(hwm)/1024, float64(maxRSS)/1024, float64(last)/1024, m.maxQueue)
}

// procStatus returns a kB field of /proc/pid/status (0 if unreadable).
func procStatus(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb
		}
	}
	return 0
}

// replica is one 'factgrade serve' of the run, on its own address and
// data directory, named by its FACTGRADE_INSTANCE.
type replica struct {
	*child
	name string
	addr string
	mem  *memWatch
}

// startReplica starts the i-th of the run's n servers with env; with more
// than one they share the database env names. The one server of a run is
// named "server", several "replica-0", "replica-1" and so on.
func startReplica(bin string, env []string, dir string, i, n int) (*replica, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	data := filepath.Join(dir, fmt.Sprintf("server-%d", i))
	if err := os.Mkdir(data, 0o700); err != nil {
		return nil, err
	}
	name := "server"
	if n > 1 {
		name = fmt.Sprintf("replica-%d", i)
	}
	env = append(slices.Clone(env), "FACTGRADE_ADDR="+addr, "FACTGRADE_DATA_DIR="+data, "FACTGRADE_INSTANCE="+name)
	c, err := startChild(bin, env, filepath.Join(data, "server.log"))
	if err != nil {
		return nil, err
	}
	return &replica{child: c, name: name, addr: addr}, nil
}

func (r *replica) commandsURL() string { return "http://" + r.addr + "/slack/commands" }
func (r *replica) metricsURL() string  { return "http://" + r.addr + "/metrics" }
