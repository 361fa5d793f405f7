package llm

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/rubric"
)

func TestRetryAfter(t *testing.T) {
	for _, c := range []struct {
		name   string
		header http.Header
		want   time.Duration
		ok     bool
	}{
		{"none", http.Header{}, 0, false},
		{"seconds", http.Header{"Retry-After": {"3"}}, 3 * time.Second, true},
		{"fraction", http.Header{"Retry-After": {"0.5"}}, 500 * time.Millisecond, true},
		{"milliseconds win", http.Header{"Retry-After": {"3"}, "Retry-After-Ms": {"250"}}, 250 * time.Millisecond, true},
		{"date in the past", http.Header{"Retry-After": {"Wed, 21 Oct 2015 07:28:00 GMT"}}, 0, true},
		{"garbage", http.Header{"Retry-After": {"soon"}}, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := retryAfter(c.header)
			if got != c.want || ok != c.ok {
				t.Errorf("retryAfter(%v) = %s, %t; want %s, %t", c.header, got, ok, c.want, c.ok)
			}
		})
	}
	future := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	if got, ok := retryAfter(http.Header{"Retry-After": {future}}); !ok || got < 59*time.Minute {
		t.Errorf("retryAfter(an HTTP date an hour ahead) = %s, %t", got, ok)
	}
}

func TestRequestParameters(t *testing.T) {
	for _, c := range []struct {
		model                  string
		maxTokens, maxComplete int
		temperature            bool
	}{
		{"gpt-4o-mini", DefaultMaxTokens, 0, true},
		{"llama3.1:8b", DefaultMaxTokens, 0, true},
		{"o3-mini", 0, DefaultMaxTokens, false},
	} {
		t.Run(c.model, func(t *testing.T) {
			f := newFixture(t, func(cfg *Config) { cfg.Model = c.model }, llmtest.Completion(correctReply().json(t)))
			if _, err := f.judge.Grade(context.Background(), f.r, rubric.Request{Text: tacitHeadline}); err != nil {
				t.Fatal(err)
			}
			var body map[string]any
			if err := json.Unmarshal(f.srv.Requests()[0].Body, &body); err != nil {
				t.Fatal(err)
			}
			num := func(k string) int {
				v, _ := body[k].(float64)
				return int(v)
			}
			temp, hasTemp := body["temperature"].(float64)
			if num("max_tokens") != c.maxTokens || num("max_completion_tokens") != c.maxComplete || hasTemp != c.temperature || temp > 1e-30 || num("seed") != DefaultSeed {
				t.Errorf("request for %s: max_tokens %v, max_completion_tokens %v, temperature %v (sent %t), seed %v",
					c.model, body["max_tokens"], body["max_completion_tokens"], body["temperature"], hasTemp, body["seed"])
			}
		})
	}
}

func TestJudgeChecksInputFirst(t *testing.T) {
	f := newFixture(t, nil)
	for _, j := range []rubric.Judge{f.judge, f.hybrid} {
		var ie *rubric.InputError
		if _, err := j.Grade(context.Background(), f.r, rubric.Request{Text: "  "}); !errors.As(err, &ie) {
			t.Errorf("%T.Grade(blank) = %v, want an *rubric.InputError", j, err)
		}
		g, err := j.Grade(context.Background(), f.r, rubric.Request{Text: "La Chine a reconnu son rôle dans les piratages informatiques, selon des responsables américains."})
		if err != nil || g.Status != rubric.NotEnglish {
			t.Errorf("%T.Grade(French) = %v, %v; want not_english", j, g, err)
		}
	}
	if n := len(f.srv.Requests()); n != 0 {
		t.Errorf("the model was asked %d times, want never", n)
	}
}
