package main

import (
	"net"
	"sync"
)

// Limits on what unauthenticated clients may hold open: every Slack
// request is verified only once its headers and body are read, so the
// listener caps how many connections wait for that, and the server how
// long and how large their headers may be.
const (
	maxConnections = 512
	maxHeaderBytes = 32 << 10
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
