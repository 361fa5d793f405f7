package bot_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// refusingStore refuses to save grades while refuse is set, as a full disk
// or a read-only database does.
type refusingStore struct {
	storage.Store
	refuse  atomic.Bool
	refused atomic.Int32
}

func (s *refusingStore) SaveGrade(ctx context.Context, id int64, g *rubric.Grade) error {
	if s.refuse.Load() {
		s.refused.Add(1)
		return errors.New("database or disk is full")
	}
	return s.Store.SaveGrade(ctx, id, g)
}

// TestWriteFailureBacksOff proves that when storage refuses to save a
// grade, the judge is asked once (the grade is kept for the retry), the
// retries back off, /readyz's check says writes are refused, the editor is
// told once, and the grade is posted once storage takes it.
func TestWriteFailureBacksOff(t *testing.T) {
	var judged atomic.Int32
	var store *refusingStore
	var mu sync.Mutex
	h := newHarness(t)
	h.stop()
	h.judge = rubric.JudgeFunc(func(ctx context.Context, r *rubric.Rubric, req rubric.Request) (*rubric.Grade, error) {
		judged.Add(1)
		return fakeJudge(ctx, r, req)
	})
	h.start(func(c *bot.Config) {
		mu.Lock()
		defer mu.Unlock()
		store = &refusingStore{Store: c.Store}
		store.refuse.Store(true)
		c.Store = store
		c.ResumeEvery = 50 * time.Millisecond
	})
	h.command("China admits hacking", trigger(1))
	told := h.slack.WaitCalls("chat.postEphemeral", 1, 5*time.Second)
	if len(told) != 1 || !strings.Contains(told[0].Form.Get("text"), "cannot save the grade right now") {
		t.Fatalf("ephemeral = %v, want the editor told the grade cannot be saved", told)
	}
	if err := h.bot.WriteFailing(); !errors.Is(err, bot.ErrWritesRefused) {
		t.Errorf("WriteFailing() = %v, want ErrWritesRefused while storage refuses", err)
	}
	time.Sleep(3 * time.Second) // the resumer comes every 50 ms; the backoff holds retries to 2 s, then 4 s
	if n := store.refused.Load(); n < 2 || n > 3 {
		t.Errorf("%d attempts to save in 3 s, want 2 (backoff 2 s), at most 3", n)
	}
	store.refuse.Store(false)
	sub := h.waitState(1, storage.Posted)
	if n := judged.Load(); n != 1 {
		t.Errorf("the judge was asked %d times, want once: the refused grade is kept for the retry", n)
	}
	if got := len(h.slack.Calls("chat.postEphemeral")); got != 1 {
		t.Errorf("the editor was told %d times, want once", got)
	}
	if err := h.bot.WriteFailing(); err != nil {
		t.Errorf("WriteFailing() = %v after storage took the grade, want nil", err)
	}
	if sub.PostedTS == "" {
		t.Error("posted without a ts")
	}
}
