package digest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// privateC1 is a Visibility where C1 is a private channel and C0, C2 public.
type privateC1 struct{}

func (privateC1) Visible(_ context.Context, post, item string) (bool, error) {
	return item == post || item != "C1", nil
}

// visiblePoster is the fake poster that also says what may be shown where,
// as the bot does.
type visiblePoster struct {
	*fakeSlack
	privateC1
}

// TestDigestShowsOnlyWhatItsChannelMaySee proves that a preview and a
// posted digest list no grade or dispute from a private channel anywhere
// but in that channel, and say how many they left out; in the private
// channel itself they are shown.
func TestDigestShowsOnlyWhatItsChannelMaySee(t *testing.T) {
	ctx := context.Background()
	c := storagetest.NewClock(at(t, "Europe/London", 2025, 6, 2, 7, 0))
	s := openSQLite(t, t.TempDir(), c)
	def := definition(t, "morning", "0 8 * * *", "Europe/London") // posted in C9
	fs := &fakeSlack{}
	sc := newScheduler(t, s, fs, c, def)
	sc.SetPoster(visiblePoster{fakeSlack: fs})
	sc.Start(ctx)
	defer sc.Stop(ctx)
	c.Add(10 * time.Minute)
	var private []storage.Submission
	for i := range 6 {
		sub := grade(t, s, i)
		if sub.ChannelID == "C1" {
			private = append(private, sub)
		}
	}
	if _, err := s.AddOverride(ctx, storage.Override{SubmissionID: private[0].ID, Criterion: "admission", Verdict: "pass", Reason: "secretreason", UserID: "U9"}); err != nil {
		t.Fatal(err)
	}
	c.Add(10 * time.Minute)
	leaks := func(where, text string) []string {
		var found []string
		for _, p := range private {
			if strings.Contains(text, p.Text) || strings.Contains(text, fmt.Sprintf("submission #%d", p.ID)) {
				found = append(found, p.Text)
			}
		}
		if strings.Contains(text, "secretreason") {
			found = append(found, "the dispute's reason")
		}
		return found
	}
	for _, ch := range []string{"C9", "C0", "C1"} {
		_, blocks, err := sc.PreviewDigest(ctx, "morning", ch)
		if err != nil {
			t.Fatal(err)
		}
		js, _ := json.Marshal(blocks)
		l := leaks(ch, string(js))
		switch {
		case ch != "C1" && len(l) > 0:
			t.Errorf("preview in %s shows the private channel's %v", ch, l)
		case ch != "C1" && !strings.Contains(string(js), "not shown in this channel"):
			t.Errorf("preview in %s does not say what it left out: %s", ch, js)
		case ch == "C1" && len(l) == 0:
			t.Errorf("preview in the private channel itself hides its grades: %s", js)
		}
	}
	fire(t, sc, c, def)
	msgs := fs.messages()
	if len(msgs) != 1 {
		t.Fatalf("%d digests posted, want 1", len(msgs))
	}
	js, _ := json.Marshal(msgs[0])
	if l := leaks("C9", string(js)); len(l) > 0 {
		t.Errorf("posted digest shows the private channel's %v", l)
	}
	if !strings.Contains(string(js), "not shown in this channel") {
		t.Errorf("posted digest does not say what it left out: %s", js)
	}
}
