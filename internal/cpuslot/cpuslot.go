// Package cpuslot bounds how many goroutines do CPU-bound work at once, so
// that on a small machine a core stays free for work that must answer
// quickly (acknowledging Slack's requests). A goroutine takes a slot for its
// CPU-bound work (Gate.Enter) and gives it back while it waits on something
// else, the network, a timer or another goroutine (Wait): a grade that waits
// two seconds for a model holds no slot meanwhile, nor a post while Slack
// answers, nor a write while it waits for the database's writer.
package cpuslot

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"runtime"
	"sync"
)

// Gate hands out a fixed number of slots. The zero Gate, and a nil one, has
// no limit.
type Gate struct {
	slots chan struct{}
}

// New returns a gate of n slots (at least one).
func New(n int) *Gate {
	return &Gate{slots: make(chan struct{}, max(1, n))}
}

// Slots returns how many slots g has (0: no limit).
func (g *Gate) Slots() int {
	if g == nil {
		return 0
	}
	return cap(g.slots)
}

type heldKey struct{}

// held is the slot a context carries: its gate, and how many Waits are
// running with it given back (a context may be shared by goroutines: the
// slot is given back by the first Wait to start and taken again by the last
// to end).
type held struct {
	g   *Gate
	mu  sync.Mutex
	out int
}

// Enter waits for a slot and returns ctx marked as holding it, and the
// function that gives it back (call it once, when the work is done). It
// fails only when ctx ends first. A ctx that already holds a slot of g
// enters at once, holding the same slot: work that holds a slot for all it
// does may call work that takes one for a part.
func (g *Gate) Enter(ctx context.Context) (context.Context, func(), error) {
	if g == nil || g.slots == nil {
		return ctx, func() {}, nil
	}
	if h, ok := ctx.Value(heldKey{}).(*held); ok && h.g == g {
		return ctx, func() {}, nil
	}
	select {
	case g.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx, func() {}, ctx.Err()
	}
	yield()
	return context.WithValue(ctx, heldKey{}, &held{g: g}), func() { <-g.slots }, nil
}

// yield lets what is already runnable on this P run before the goroutine
// that has just taken a slot starts its CPU work. A goroutine blocked on a
// full gate is made runnable by the one that gives the slot back, in that
// P's "next" slot, ahead of its run queue and sharing its time slice: slot
// passed to slot, workers would run one after another for up to the
// scheduler's 10 ms slice while an acknowledgement readied from the network
// waits in the run queue behind them. runtime.Gosched puts the worker at the
// back of the global queue; the P then runs its own queue first.
func yield() { runtime.Gosched() }

// Holds reports whether ctx was marked by Enter (whether or not a Wait has
// its slot given back at the moment).
func Holds(ctx context.Context) bool {
	_, ok := ctx.Value(heldKey{}).(*held)
	return ok
}

// Wait runs fn, which waits on something other than the CPU, with the slot
// ctx holds (if any) given back meanwhile, and takes a slot again before it
// returns. Taking it again does not watch ctx: the caller gives it back
// once, whatever happened, and a slot is never held for long. Waits nest:
// a Wait inside another's fn (with the same ctx) gives nothing back again.
func Wait(ctx context.Context, fn func()) {
	h, ok := ctx.Value(heldKey{}).(*held)
	if !ok {
		fn()
		return
	}
	h.mu.Lock()
	if h.out++; h.out == 1 {
		<-h.g.slots
	}
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		took := false
		if h.out--; h.out == 0 {
			h.g.slots <- struct{}{}
			took = true
		}
		h.mu.Unlock()
		if took {
			yield()
		}
	}()
	fn()
}

// Do sends an HTTP request with send and reads its reply's body with the
// slot ctx holds given back (Wait): the network wait, and only it, runs
// outside the slot; what the caller does before (encoding the request) and
// after (decoding the body, now in memory) runs inside it. With a ctx that
// holds no slot it is send itself.
func Do(ctx context.Context, send func() (*http.Response, error)) (*http.Response, error) {
	if !Holds(ctx) {
		return send()
	}
	var resp *http.Response
	var err error
	Wait(ctx, func() {
		resp, err = send()
		if err != nil {
			return
		}
		body, rerr := io.ReadAll(resp.Body)
		resp.Body.Close()
		if rerr != nil {
			resp, err = nil, rerr
			return
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
	})
	return resp, err
}

// Transport returns a RoundTripper that sends each request with next (nil:
// http.DefaultTransport) through Do, with the slot of the request's context
// given back while it waits on the network.
func Transport(next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return transport{next}
}

type transport struct{ next http.RoundTripper }

func (t transport) RoundTrip(req *http.Request) (*http.Response, error) {
	return Do(req.Context(), func() (*http.Response, error) { return t.next.RoundTrip(req) })
}
