package cpuslot

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestGate proves that a gate of one slot lets one holder in at a time,
// that a holder waiting (Wait) lets another in meanwhile and has its slot
// again afterwards, and that Enter gives up when its context ends.
func TestGate(t *testing.T) {
	g := New(1)
	ctx := context.Background()
	held, leave, err := g.Enter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, _, err := g.Enter(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Enter on a full gate = %v, want %v", err, context.DeadlineExceeded)
	}
	entered := false
	Wait(held, func() {
		_, leave2, err := g.Enter(ctx)
		if err != nil {
			t.Fatal(err)
		}
		entered = true
		leave2()
	})
	if !entered {
		t.Error("another goroutine could not enter while the holder waited")
	}
	if n := len(g.slots); n != 1 {
		t.Errorf("after Wait %d slots taken, want 1 (the holder's, taken back)", n)
	}
	leave()
	if n := len(g.slots); n != 0 {
		t.Errorf("after leaving %d slots taken, want 0", n)
	}
	// A context that holds no slot waits without giving anything back.
	Wait(ctx, func() {})
	var none *Gate
	if _, leave, err := none.Enter(ctx); err != nil {
		t.Errorf("Enter on a nil gate: %v", err)
	} else {
		leave()
	}
}

// taken reports whether g's slot is taken: another goroutine cannot enter
// within 20 ms.
func taken(t *testing.T, g *Gate) bool {
	t.Helper()
	short, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, leave, err := g.Enter(short)
	if err == nil {
		leave()
		return false
	}
	return true
}

// TestEnterAgainAndNestedWaits proves that a context holding a slot enters
// the same gate again without a second slot (a worker holding one for all
// its work calls grading, which enters too), that a Wait inside another
// gives nothing back twice, and that goroutines sharing the context give
// the slot back once and take it again once, when the last Wait ends.
func TestEnterAgainAndNestedWaits(t *testing.T) {
	g := New(1)
	ctx, leave, err := g.Enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	inner, leaveInner, err := g.Enter(short)
	if err != nil {
		t.Fatalf("entering again with the slot held: %v", err)
	}
	leaveInner()
	if !taken(t, g) {
		t.Fatal("leaving the inner Enter gave the outer slot back")
	}
	Wait(inner, func() {
		Wait(inner, func() {
			if taken(t, g) {
				t.Error("slot taken inside nested Waits")
			}
		})
		if taken(t, g) {
			t.Error("the inner Wait took the slot back while the outer one waits")
		}
	})
	if !taken(t, g) || len(g.slots) != 1 {
		t.Fatalf("after the Waits: %d slots taken, want 1 (the holder's)", len(g.slots))
	}
	var wg sync.WaitGroup
	release := make(chan struct{})
	started := make(chan struct{}, 2)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			Wait(ctx, func() {
				started <- struct{}{}
				<-release
			})
		}()
	}
	<-started
	<-started
	if taken(t, g) {
		t.Error("slot taken while two goroutines wait with the context")
	}
	close(release)
	wg.Wait()
	if n := len(g.slots); n != 1 {
		t.Errorf("after two shared Waits %d slots taken, want 1", n)
	}
	leave()
	if n := len(g.slots); n != 0 {
		t.Errorf("after leaving %d slots taken, want 0", n)
	}
}

// TestTransportGivesSlotBack proves that a request sent through Transport
// with a context holding the only slot gives it back while the server
// answers and its body is read, holds it again when RoundTrip returns, and
// that the body is still there to decode; a request with a context
// holding no slot goes through untouched.
func TestTransportGivesSlotBack(t *testing.T) {
	g := New(1)
	var freeDuring bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		freeDuring = !taken(t, g)
		io.WriteString(w, `{"ok":true}`)
	}))
	defer srv.Close()
	client := &http.Client{Transport: Transport(nil)}
	ctx, leave, err := g.Enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer leave()
	for _, c := range []struct {
		name     string
		ctx      context.Context
		wantFree bool
	}{{"holding a slot", ctx, true}, {"holding none", context.Background(), false}} {
		req, _ := http.NewRequestWithContext(c.ctx, http.MethodPost, srv.URL, strings.NewReader("{}"))
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || string(body) != `{"ok":true}` {
			t.Errorf("%s: body %q, %v", c.name, body, err)
		}
		if freeDuring != c.wantFree {
			t.Errorf("%s: slot free while the server answered = %v, want %v", c.name, freeDuring, c.wantFree)
		}
		if !taken(t, g) {
			t.Errorf("%s: slot not held after the request", c.name)
		}
	}
}
