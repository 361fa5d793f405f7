package storagetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/factgrade/factgrade/storage"
)

// testHighlights checks the digest's queries: twelve samples (two of each
// letter, ungradable included), sample i graded at Start+(i+1) minutes as
// submission i+1.
func testHighlights(t *testing.T, s storage.Store, c *Clock) {
	for i := range 12 {
		c.Add(time.Minute)
		if sub := submitGraded(t, s, i, ""); sub.ID != int64(i+1) {
			t.Fatalf("sample %d stored as submission %d, want %d", i, sub.ID, i+1)
		}
	}
	for _, by := range windowKinds(t, s) {
		t.Run(by.name, func(t *testing.T) { checkHighlights(t, s, by.window) })
	}
}

// checkHighlights runs testHighlights' queries over windows made by win.
func checkHighlights(t *testing.T, s storage.Store, win func(from, to time.Time) storage.Window) {
	ctx := context.Background()
	all := storage.Filter{}
	from, to := Start, Start.Add(time.Hour)
	whole := win(from, to)

	tests := []struct {
		name string
		got  func() ([]storage.GradedItem, error)
		want []int64
	}{
		// F (20) twice, oldest first, then D (40).
		{"LowestGrades limit 3", func() ([]storage.GradedItem, error) { return s.LowestGrades(ctx, whole, all, 3) }, []int64{5, 11, 4}},
		// Every graded item but the two ungradable ones (6 and 12), by score.
		{"LowestGrades default limit", func() ([]storage.GradedItem, error) { return s.LowestGrades(ctx, whole, all, 0) }, []int64{5, 11, 4, 10, 3, 9, 2, 8, 1, 7}},
		{"LowestGrades in a later window", func() ([]storage.GradedItem, error) {
			return s.LowestGrades(ctx, win(Start.Add(5*time.Minute+30*time.Second), to), all, 1)
		}, []int64{11}},
		{"LowestGrades of channel C1", func() ([]storage.GradedItem, error) {
			return s.LowestGrades(ctx, whole, storage.Filter{ChannelID: "C1"}, 10)
		}, []int64{5, 11, 2, 8}},
		// C and F flag their failures for review; newest first.
		{"FlaggedForReview", func() ([]storage.GradedItem, error) { return s.FlaggedForReview(ctx, whole, all, 0) }, []int64{11, 9, 5, 3}},
		{"FlaggedForReview limit 2", func() ([]storage.GradedItem, error) { return s.FlaggedForReview(ctx, whole, all, 2) }, []int64{11, 9}},
		{"FlaggedForReview of channel C1", func() ([]storage.GradedItem, error) {
			return s.FlaggedForReview(ctx, whole, storage.Filter{ChannelID: "C1"}, 10)
		}, []int64{11, 5}},
		{"FlaggedForReview in an empty window", func() ([]storage.GradedItem, error) {
			return s.FlaggedForReview(ctx, win(to, to.Add(time.Hour)), all, 10)
		}, nil},
	}
	for _, tt := range tests {
		items, err := tt.got()
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, ids(items)); diff != "" {
			t.Errorf("%s: submission ids (-want +got):\n%s", tt.name, diff)
		}
		for _, it := range items {
			if it.Grade == nil || it.Submission.ID == 0 {
				t.Errorf("%s: item %+v lacks its grade or submission", tt.name, it)
			}
		}
	}

	// D and F fail admission; the latest in the window is shown.
	for _, tt := range []struct {
		name      string
		from, to  time.Time
		criterion string
		want      int64
	}{
		{"whole window", from, to, "admission", 11},
		{"first five minutes", from, Start.Add(4*time.Minute + 30*time.Second), "admission", 4},
		{"taiwan (B and C)", from, to, "taiwan", 9},
	} {
		it, err := s.FailedExample(ctx, win(tt.from, tt.to), all, tt.criterion)
		if err != nil || it.Submission.ID != tt.want || it.Grade == nil {
			t.Errorf("FailedExample(%s, %s) = submission %d, %v; want %d", tt.name, tt.criterion, it.Submission.ID, err, tt.want)
		}
	}
	if _, err := s.FailedExample(ctx, whole, all, "meeting"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("FailedExample(meeting, which nothing fails) = %v, want ErrNotFound", err)
	}
}

// windowKind names a way of making a window over [from, to).
type windowKind struct {
	name   string
	window func(from, to time.Time) storage.Window
}

// windowKinds returns the two ways a window is given: by the clock, and
// by marks (those of what was stored before each end, MarksBefore), which
// select the same grades while the clock has only moved on.
func windowKinds(t *testing.T, s storage.Store) []windowKind {
	marks := func(at time.Time) storage.Marks {
		t.Helper()
		m, err := s.MarksBefore(context.Background(), at)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	return []windowKind{
		{"clock", storage.Between},
		{"marks", func(from, to time.Time) storage.Window {
			return storage.Window{From: from, To: to, ByMarks: true, After: marks(from), Through: marks(to)}
		}},
	}
}
