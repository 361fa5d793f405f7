package bot_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

// BenchmarkAck measures the acknowledgement of a slash command alone, as
// the load tool sends it (a headline, no rubric named: the story is
// chosen among the embedded rubrics), from the signed request to the
// answer written: verify, parse, route, store (SQLite, the writer free)
// and queue. The judge never finishes, so no worker's write competes.
func BenchmarkAck(b *testing.B) {
	set, err := rubrics.Load()
	if err != nil {
		b.Fatal(err)
	}
	release := make(chan struct{})
	h := newHarness(b, func(c *bot.Config) {
		c.Rubrics, c.DefaultRubric, c.QueueSize = set, "", 1<<20
		c.Judge = rubric.JudgeFunc(func(ctx context.Context, r *rubric.Rubric, req rubric.Request) (*rubric.Grade, error) {
			<-release
			return fakeJudge(ctx, r, req)
		})
	})
	b.Cleanup(func() { close(release) }) // before the harness stops
	handler := h.bot.HTTPHandler(&bot.Verifier{Secret: []byte(secret)})
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		n++
		c := slacktest.Slash{TeamID: teamID, ChannelID: fmt.Sprintf("C%05d", n%400), UserID: editor,
			Text: fmt.Sprintf("China admits hacking U.S. ports, load #%d", n), TriggerID: fmt.Sprintf("bench.%d", n)}
		req, err := slacktest.SignedRequest("http://factgrade/slack/commands", secret, slacktest.FormType, c.Body(), time.Now())
		if err != nil {
			b.Fatal(err)
		}
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "Grading your") {
			b.Fatalf("ack = %d %s", rec.Code, rec.Body.String())
		}
	}
}
