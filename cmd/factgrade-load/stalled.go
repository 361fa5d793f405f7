package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factgrade/factgrade/bot"
)

// stallKinds are the ways a stalled connection stops part-way, in turn:
// before its headers end; after headers without Slack's signature,
// announcing a large body and sending a little of it; after Slack's
// headers with a forged signature, announcing a small body and sending
// half of it; and after forged headers, sending all of a body of the
// largest size the server takes but its last byte.
var stallKinds = []string{"partial headers", "unsigned, body stalled", "forged signature, small body stalled", "forged signature, large body stalled"}

// stallStats counts what became of the stalled connections.
type stallStats struct {
	opened   atomic.Int64 // connected (the kernel may still hold them unaccepted)
	refused  atomic.Int64 // could not connect
	answered atomic.Int64 // the server answered (or closed) before the end of the stall
	bodyMB   atomic.Int64 // body bytes written, in units of 1 MB (roughly)
}

// stall opens n connections to addr, each sending part of a request and
// then nothing, and holds them until ctx ends; it returns once every
// connection is closed.
func stall(ctx context.Context, addr string, n int, st *stallStats) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stallOne(ctx, addr, stallKinds[i%len(stallKinds)], st)
		}()
		if i%100 == 99 {
			time.Sleep(10 * time.Millisecond) // not all in one instant: the backlog is finite
		}
	}
	wg.Wait()
}

func stallOne(ctx context.Context, addr, kind string, st *stallStats) {
	d := net.Dialer{Timeout: 5 * time.Second}
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		st.refused.Add(1)
		return
	}
	defer c.Close()
	st.opened.Add(1)
	go func() { <-ctx.Done(); c.Close() }()
	head := "POST /slack/commands HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
	ts := fmt.Sprint(time.Now().Unix())
	switch kind {
	case "partial headers":
		io.WriteString(c, head+"X-Slack-Request-Timestamp: "+ts+"\r\n")
	case "unsigned, body stalled":
		io.WriteString(c, head+"Content-Length: 1048576\r\n\r\ntext=stalled")
	case "forged signature, small body stalled":
		io.WriteString(c, head+fmt.Sprintf("X-Slack-Request-Timestamp: %s\r\nX-Slack-Signature: v0=%064d\r\nContent-Length: 2000\r\n\r\n%s", ts, 0, strings.Repeat("a", 1000)))
	default: // forged signature: the body is read before the signature can be checked
		size := bot.DefaultMaxBody
		io.WriteString(c, head+fmt.Sprintf("X-Slack-Request-Timestamp: %s\r\nX-Slack-Signature: v0=%064d\r\nContent-Length: %d\r\n\r\n", ts, 0, size))
		chunk := []byte(strings.Repeat("a", 64<<10))
		c.SetWriteDeadline(time.Now().Add(10 * time.Second))
		written := 0
		for written+len(chunk) < size {
			m, err := c.Write(chunk)
			written += m
			if err != nil {
				break
			}
		}
		st.bodyMB.Add(int64(written >> 20))
	}
	// Hold the connection: a read returns when the server answers or
	// closes it, or when ctx ends (the goroutine above closes it).
	var b [1]byte
	if _, err := c.Read(b[:]); err != nil && ctx.Err() != nil {
		return
	}
	st.answered.Add(1)
}

// openSockets counts the sockets process pid holds open.
func openSockets(pid int) int {
	dir := fmt.Sprintf("/proc/%d/fd", pid)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return -1
	}
	n := 0
	for _, e := range ents {
		if l, err := os.Readlink(dir + "/" + e.Name()); err == nil && strings.HasPrefix(l, "socket:") {
			n++
		}
	}
	return n
}

// rssMB is pid's resident memory in MB.
func rssMB(pid int) float64 { return float64(procStatus(pid, "VmRSS")) / 1024 }

// runStalled measures the server's memory before, during and after n
// stalled connections held for hold, and the acknowledgement of commands
// sent meanwhile (at rate a second).
func runStalled(ctx context.Context, o options, addr string, pid int, fgURL string, stdout io.Writer) (ok bool) {
	time.Sleep(time.Second)
	before, sockBefore := rssMB(pid), openSockets(pid)
	fmt.Fprintf(stdout, "stalled connections: %d (%s, in turn), held %s; commands meanwhile at %d/s\n", o.stalled, strings.Join(stallKinds, "; "), o.stallFor, o.rate)
	fmt.Fprintf(stdout, "before: RSS %.1f MB, %d sockets open\n", before, sockBefore)

	stallCtx, release := context.WithTimeout(ctx, o.stallFor)
	defer release()
	var st stallStats
	stalled := make(chan struct{})
	go func() { stall(stallCtx, addr, o.stalled, &st); close(stalled) }()

	// Commands while the connections stall, and samples of memory.
	probe := &sample{checked: true}
	l := newLoad(o, []string{fgURL}, "")
	var peak float64
	var peakSock int
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Second / time.Duration(o.rate))
	sampleT := time.NewTicker(250 * time.Millisecond)
loop:
	for {
		select {
		case <-stallCtx.Done():
			break loop
		case <-tick.C:
			c := l.command()
			wg.Add(1)
			go func() { defer wg.Done(); probe.send(l.client, fgURL, c) }()
		case <-sampleT.C:
			peak = max(peak, rssMB(pid))
			peakSock = max(peakSock, openSockets(pid))
		}
	}
	tick.Stop()
	sampleT.Stop()
	<-stalled
	stalledAt := time.Now()
	wg.Wait()
	fmt.Fprintf(stdout, "during: RSS peak %.1f MB (+%.1f MB), at most %d sockets open; %d connections opened, %d refused, %d answered or closed by the server before the end, %d MB of forged bodies written\n",
		peak, peak-before, peakSock, st.opened.Load(), st.refused.Load(), st.answered.Load(), st.bodyMB.Load())
	fmt.Fprintf(stdout, "commands meanwhile: %d acknowledged of %d sent (%d errors, %d other); ack %s\n", len(probe.acceptedKeys()), l.sent(), probe.errs, probe.other, probe.summary())

	// After: the server's memory once the connections are gone (the Go
	// runtime gives freed memory back to the system over minutes).
	for _, wait := range []time.Duration{5 * time.Second, 10 * time.Second} {
		time.Sleep(wait)
		after, sockAfter := rssMB(pid), openSockets(pid)
		fmt.Fprintf(stdout, "after the stall, %s later: RSS %.1f MB (%+.1f MB over before), %d sockets open\n", time.Since(stalledAt).Round(time.Second), after, after-before, sockAfter)
	}
	fmt.Fprintf(stdout, "peak RSS (VmHWM) %.1f MB\n", float64(procStatus(pid, "VmHWM"))/1024)
	return probe.errs == 0 && probe.other == 0
}
