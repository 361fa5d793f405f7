// Package cpuslot bounds how many goroutines do CPU-bound work at once, so
// that on a small machine a core stays free for work that must answer
// quickly (acknowledging Slack's requests). A goroutine takes a slot for its
// CPU-bound work (Gate.Enter) and gives it back while it waits on something
// else, the network or a timer (Wait): a grade that waits two seconds for a
// model holds no slot meanwhile.
package cpuslot

import "context"

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

// held is the slot a context carries: the gate, and whether the slot is
// currently given back (Wait).
type held struct{ g *Gate }

// Enter waits for a slot and returns ctx marked as holding it, and the
// function that gives it back (call it once, when the work is done). It
// fails only when ctx ends first.
func (g *Gate) Enter(ctx context.Context) (context.Context, func(), error) {
	if g == nil || g.slots == nil {
		return ctx, func() {}, nil
	}
	select {
	case g.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx, func() {}, ctx.Err()
	}
	return context.WithValue(ctx, heldKey{}, held{g}), func() { <-g.slots }, nil
}

// Wait runs fn, which waits on something other than the CPU, with the slot
// ctx holds (if any) given back meanwhile, and takes a slot again before it
// returns. Taking it again does not watch ctx: the caller gives it back
// once, whatever happened, and a slot is never held for long.
func Wait(ctx context.Context, fn func()) {
	h, ok := ctx.Value(heldKey{}).(held)
	if !ok {
		fn()
		return
	}
	<-h.g.slots
	defer func() { h.g.slots <- struct{}{} }()
	fn()
}
