package bot_test

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/internal/cpuslot"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// slotProbe tells, from outside the worker, whether the gate's one slot is
// free at a given moment (another goroutine could take it).
type slotProbe struct {
	mu   sync.Mutex
	gate func() *cpuslot.Gate
	seen map[string][]bool // by step: slot free?
}

func (p *slotProbe) probe(step string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	_, leave, err := p.gate().Enter(ctx)
	free := err == nil
	if free {
		leave()
	} else if !errors.Is(err, context.DeadlineExceeded) {
		panic(err)
	}
	p.mu.Lock()
	p.seen[step] = append(p.seen[step], free)
	p.mu.Unlock()
}

// probedStore probes the slot when the worker reads the grade to render
// (before posting) and when it records the post (after).
type probedStore struct {
	storage.Store
	p *slotProbe
}

func (s probedStore) GradedItem(ctx context.Context, id int64) (storage.GradedItem, error) {
	s.p.probe("reading the grade")
	return s.Store.GradedItem(ctx, id)
}

func (s probedStore) MarkPosted(ctx context.Context, id int64, channelID, ts string) error {
	s.p.probe("recording the post")
	return s.Store.MarkPosted(ctx, id, channelID, ts)
}

// probedTransport probes the slot while a post to Slack is on the network.
type probedTransport struct{ p *slotProbe }

func (t probedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if strings.HasSuffix(req.URL.Path, "/chat.postMessage") {
		t.p.probe("waiting on Slack")
	}
	return http.DefaultTransport.RoundTrip(req)
}

// TestWorkerHoldsCPUSlot proves that a worker holds a CPU slot for all of
// a submission's work, grading and posting alike, and gives it back while
// it waits on Slack (the Slack client's transport is cpuslot.Transport, as
// in serve), and that the reply is posted once. With two Ps the gate has
// one slot, so a probe from another goroutine finds it taken or free.
func TestWorkerHoldsCPUSlot(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	p := &slotProbe{seen: map[string][]bool{}}
	var h *harness
	p.gate = func() *cpuslot.Gate { return bot.CPUGate(h.bot) }
	var graded []bool
	judge := func(ctx context.Context, r *rubric.Rubric, req rubric.Request) (*rubric.Grade, error) {
		p.mu.Lock()
		graded = append(graded, cpuslot.Holds(ctx))
		p.mu.Unlock()
		p.probe("grading")
		return fakeJudge(ctx, r, req)
	}
	// Started again with the probes (the option needs the harness's fake
	// Slack).
	h = newHarness(t)
	h.stop()
	h.start(func(c *bot.Config) {
		c.Workers = 1
		c.Judge = rubric.JudgeFunc(judge)
		c.Store = probedStore{c.Store, p}
		c.Slack = slack.New(botToken, slack.OptionAPIURL(h.slack.APIURL()),
			slack.OptionHTTPClient(&http.Client{Transport: cpuslot.Transport(probedTransport{p})}))
	})
	if n := bot.CPUGate(h.bot).Slots(); n != 1 {
		t.Fatalf("gate of %d slots with GOMAXPROCS 2, want 1", n)
	}
	for i := 1; i <= 3; i++ {
		if code, body := h.command("China admits hacking, officials say", trigger(i)); code != 200 {
			t.Fatalf("command %d: %d %s", i, code, body)
		}
	}
	for i := int64(1); i <= 3; i++ {
		h.waitState(i, storage.Posted)
	}
	if n := len(h.slack.Calls("chat.postMessage")); n != 3 {
		t.Errorf("%d posts for 3 commands, want 3", n)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for step, wantFree := range map[string]bool{"grading": false, "reading the grade": false, "waiting on Slack": true, "recording the post": false} {
		seen := p.seen[step]
		if len(seen) != 3 {
			t.Errorf("%s: probed %d times, want 3", step, len(seen))
		}
		for i, free := range seen {
			if free != wantFree {
				t.Errorf("%s, submission %d: slot free = %v, want %v", step, i+1, free, wantFree)
			}
		}
	}
	for i, held := range graded {
		if !held {
			t.Errorf("submission %d graded without a slot in its context", i+1)
		}
	}
}
