package main

import (
	"context"
	"math/rand/v2"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

// modelFaults are what a failing model call answers, in turn.
var modelFaults = []llmtest.Reply{
	llmtest.Error(http.StatusInternalServerError, "server_error", "The server had an error while processing your request."),
	withHeader(llmtest.Error(http.StatusTooManyRequests, "requests", "Rate limit reached for requests."), "Retry-After", "1"),
}

func withHeader(r llmtest.Reply, k, v string) llmtest.Reply {
	r.Header = map[string]string{k: v}
	return r
}

// startModel starts a fake OpenAI-compatible server that answers every
// chat completion after latency with the grade the rule judge gives the
// load's text, so the hybrid judge agrees with it and does its full work.
// A share errRate of the calls is answered at once with one of
// modelFaults, in turn.
func startModel(latency time.Duration, errRate float64) (*llmtest.Server, error) {
	set, err := rubrics.Load()
	if err != nil {
		return nil, err
	}
	r, err := set.Lookup("volt-typhoon-geneva")
	if err != nil {
		return nil, err
	}
	g, err := rubric.NewRuleJudge().Grade(context.Background(), r, rubric.Request{Text: "China admits hacking U.S. ports, load #1"})
	if err != nil {
		return nil, err
	}
	content := llmtest.ReplyFromGrade(g).JSON()
	srv := llmtest.Start()
	var failed atomic.Int64
	srv.Handle(func(llmtest.ChatRequest) llmtest.Reply {
		if errRate > 0 && rand.Float64() < errRate {
			return modelFaults[(failed.Add(1)-1)%int64(len(modelFaults))]
		}
		return llmtest.Reply{Content: content, Delay: latency}
	})
	return srv, nil
}
