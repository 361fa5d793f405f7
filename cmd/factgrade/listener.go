package main

import (
	"net"
	"sync"
	"time"
)

// Limits on what unauthenticated clients may hold open: every Slack
// request is verified only once its headers and body are read, so the
// listener caps how many connections wait for that, and the server how
// long and how large their headers may be, and how long the whole request
// may take to arrive (the bytes of large bodies read at once are capped
// by bot.Verifier). Slack sends a request at once (a message shortcut's,
// the largest, is under 1 MiB). A stalled connection holds one of the
// connections for these times while Slack's commands queue behind those
// waiting for a slot, and Slack waits 3 s for an answer: with 2,000
// stalled connections (factgrade-load -stalled 2000; BENCHMARKS.md)
// commands sent meanwhile were acknowledged at p99 4.6 s with 512
// connections, and 0.4 s with 2,048, for about 10 MB more memory.
const (
	maxConnections    = 2048
	maxHeaderBytes    = 32 << 10
	readHeaderTimeout = 2 * time.Second
	readTimeout       = 5 * time.Second
)

// limitListener accepts at most n connections at once; Accept waits for
// one to close (new ones wait in the kernel's backlog meanwhile), so
// stalled connections cannot grow memory without bound.
type limitListener struct {
	net.Listener
	sem    chan struct{}
	done   chan struct{}
	closed sync.Once
}

func newLimitListener(l net.Listener, n int) net.Listener {
	return &limitListener{Listener: l, sem: make(chan struct{}, n), done: make(chan struct{})}
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.sem <- struct{}{}:
	case <-l.done:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.sem
		return nil, err
	}
	return &limitConn{Conn: c, release: func() { <-l.sem }}, nil
}

// Close closes the listener and ends an Accept waiting for a slot.
func (l *limitListener) Close() error {
	l.closed.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// limitConn gives its slot back once, when closed.
type limitConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
