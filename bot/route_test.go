package bot_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
	"github.com/factgrade/factgrade/storage"
)

// withEmbeddedStories runs the bot on every embedded story with no
// deployment default and the rule judge, so texts are routed.
func withEmbeddedStories(t *testing.T) harnessOption {
	set, err := rubrics.Load()
	if err != nil {
		t.Fatal(err)
	}
	return func(c *bot.Config) {
		c.Rubrics, c.DefaultRubric, c.Judge = set, "", rubric.NewRuleJudge()
	}
}

// TestCommandRoutesToTheStory proves that a /factcheck naming no rubric is
// graded against the story the text is about (the acknowledgement and the
// stored grade say which), that a text about none gets a reply listing the
// stories, and that a channel's choice ('/factcheck use ID') still wins.
func TestCommandRoutesToTheStory(t *testing.T) {
	h := newHarness(t, withEmbeddedStories(t))
	ack := func(text, trigger string) string {
		t.Helper()
		status, body := h.command(text, trigger)
		var a struct{ Text string }
		json.Unmarshal([]byte(body), &a)
		if status != http.StatusOK {
			t.Fatalf("/factcheck %q: status %d", text, status)
		}
		return a.Text
	}
	grade := func(id int64) *rubric.Grade {
		t.Helper()
		h.waitState(id, storage.Posted)
		item, err := h.store.GradedItem(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		return item.Grade
	}

	if a := ack("Aspartame to be listed as possible carcinogen by WHO cancer arm in July, sources say", trigger(1)); !strings.Contains(a, "against `aspartame-iarc`") {
		t.Errorf("ack = %q, want it graded against aspartame-iarc", a)
	}
	if g := grade(1); g.Rubric != "aspartame-iarc" || g.Routing == nil || g.Routing.Chosen != "aspartame-iarc" || g.Letter == "" {
		t.Errorf("grade 1 = %s %s routing %+v, want a letter against aspartame-iarc", g.Rubric, g.Letter, g.Routing)
	}
	if a := ack("China tacitly acknowledged the Volt Typhoon hacks, officials say", trigger(2)); !strings.Contains(a, "against `volt-typhoon-geneva`") {
		t.Errorf("ack = %q, want it graded against volt-typhoon-geneva", a)
	}
	if g := grade(2); g.Rubric != "volt-typhoon-geneva" {
		t.Errorf("grade 2 against %q, want volt-typhoon-geneva", g.Rubric)
	}
	if a := ack("City council approves new budget for road repairs", trigger(3)); !strings.Contains(a, "not about any story") {
		t.Errorf("ack = %q, want it to say the text is about no story", a)
	}
	g := grade(3)
	if g.Status != rubric.Ungradable || g.Letter != "" || g.Routing == nil || !strings.Contains(g.Routing.Note, "aspartame-iarc (") || !strings.Contains(g.Routing.Note, "volt-typhoon-geneva (") {
		t.Errorf("grade 3 = %s %q routing %+v, want no letter and both stories listed", g.Status, g.Letter, g.Routing)
	}
	calls := h.slack.WaitCalls("chat.postMessage", 3, 5*time.Second)
	if len(calls) < 3 || !strings.Contains(calls[2].Form.Get("blocks"), "not about any story") {
		t.Errorf("reply to the off-story text does not say it is about no story: %v", calls)
	}

	// The channel's choice wins over routing.
	if a := ack("use volt-typhoon-geneva", trigger(4)); !strings.Contains(a, "now grades against `volt-typhoon-geneva`") {
		t.Fatalf("use: %q", a)
	}
	if a := ack("Aspartame to be listed as possible carcinogen, sources say", trigger(5)); !strings.Contains(a, "against `volt-typhoon-geneva`") {
		t.Errorf("ack = %q, want the channel's rubric", a)
	}
	if g := grade(4); g.Rubric != "volt-typhoon-geneva" || g.Routing != nil {
		t.Errorf("grade 4 = %s routing %+v, want the channel's rubric and no routing", g.Rubric, g.Routing)
	}
}

// TestHelpTextFromTheLoadedStories proves the help's example is a loaded
// story's own source headline, never a story the deployment does not grade.
func TestHelpTextFromTheLoadedStories(t *testing.T) {
	set, err := rubrics.Load()
	if err != nil {
		t.Fatal(err)
	}
	var asp *rubric.Rubric
	for _, r := range set.List() {
		if r.ID == "aspartame-iarc" {
			asp = r
		}
	}
	if asp == nil {
		t.Fatal("aspartame-iarc is not embedded")
	}
	one, err := rubric.NewSet(asp)
	if err != nil {
		t.Fatal(err)
	}
	help := bot.HelpText(one)
	if !strings.Contains(help, "/factcheck Exclusive: WHO") || strings.Contains(help, "China") {
		t.Errorf("help with only the aspartame story = %q, want its source headline as the example and no other story", help)
	}
	if help := bot.HelpText(nil); !strings.Contains(help, "`/factcheck` followed by a headline or summary") {
		t.Errorf("help with no rubrics = %q", help)
	}
}
