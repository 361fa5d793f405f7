package llm

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/factgrade/factgrade/internal/cpuslot"
	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/rubric"
)

// slotProbe is a transport that records whether a goroutine other than
// the caller could take the gate's only slot while the request was on the
// network, then answers as next does.
type slotProbe struct {
	gate *cpuslot.Gate
	next http.RoundTripper
	free chan bool
}

func (p slotProbe) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, leave, err := p.gate.Enter(ctx)
	if err == nil {
		leave()
	}
	p.free <- err == nil
	return p.next.RoundTrip(req)
}

// TestModelCallGivesSlotBack proves that a grader holding the only CPU
// slot gives it back while its request is on the network, and holds it
// again once Assess has the reply (decoding and verifying it inside).
func TestModelCallGivesSlotBack(t *testing.T) {
	r := volt(t)
	gate := cpuslot.New(1)
	probe := slotProbe{gate: gate, next: llmtest.Transport{Content: correctReply().json(t)}, free: make(chan bool, 1)}
	j, err := New(Config{Model: "gpt-4o-mini", BaseURL: "http://fake/v1", HTTPClient: &http.Client{Transport: probe}}, rubric.NewRuleJudge())
	if err != nil {
		t.Fatal(err)
	}
	ctx, leave, err := gate.Enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer leave()
	if _, err := j.Assess(ctx, r, tacitHeadline, rubric.DetectKind(tacitHeadline)); err != nil {
		t.Fatalf("Assess() = %v", err)
	}
	if !<-probe.free {
		t.Error("the slot was held while the request was on the network")
	}
	short, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, other, err := gate.Enter(short); err == nil {
		other()
		t.Error("after Assess the caller no longer holds its slot")
	}
}
