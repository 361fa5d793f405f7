package storagetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// testDigestMarks checks that digest runs hold what was stored, whatever
// the clock said: a run's Through are the marks of the newest grade and
// dispute when it is claimed, the next run starts there, and grades saved
// while the clock was stepped back a day, before the previous run's
// window, fall in the next run and only there.
func testDigestMarks(t *testing.T, s storage.Store, c *Clock) {
	ctx := context.Background()
	day := 24 * time.Hour
	claim := func(start time.Time, after storage.Marks) storage.DigestRun {
		t.Helper()
		run, claimed, err := s.ClaimDigest(ctx, storage.DigestRun{Name: "daily", WindowStart: start, WindowEnd: start.Add(day), After: after, ClaimedBy: "r1"})
		if err != nil || !claimed {
			t.Fatalf("ClaimDigest(%s) = %v, %v", start, claimed, err)
		}
		return run
	}
	total := func(run storage.DigestRun) (grades, disputes int) {
		t.Helper()
		cs, err := s.Counts(ctx, run.Window(), storage.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		ovs, err := s.OverridesIn(ctx, run.Window(), storage.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		return cs.Total, len(ovs)
	}
	dispute := func(id int64) {
		t.Helper()
		if _, err := s.AddOverride(ctx, storage.Override{SubmissionID: id, Criterion: "admission", Verdict: rubric.Pass, Reason: "¶4", UserID: "U9"}); err != nil {
			t.Fatal(err)
		}
	}
	if m, err := s.MarksBefore(ctx, Start.Add(day)); m != (storage.Marks{}) || err != nil {
		t.Errorf("MarksBefore(nothing stored) = %+v, %v; want zero", m, err)
	}
	first := claim(Start, storage.Marks{})
	if first.Through != (storage.Marks{}) {
		t.Errorf("first run's Through = %+v, want zero (nothing stored)", first.Through)
	}
	// Three grades and a dispute during the day.
	var subs []storage.Submission
	for i := range 3 {
		c.Add(time.Hour)
		subs = append(subs, submitGraded(t, s, i, fmt.Sprintf("marks%d", i)))
	}
	dispute(subs[0].ID)
	if m, err := s.MarksBefore(ctx, Start.Add(2*time.Hour+time.Minute)); m.Grade == 0 || m.Override != 0 || err != nil {
		t.Errorf("MarksBefore(after the second grade) = %+v, %v; want a grade's mark and no dispute", m, err)
	}
	c.Add(day)
	second := claim(first.WindowEnd, first.Through)
	if second.After != first.Through || second.Through.Grade <= first.Through.Grade || second.Through.Override <= first.Through.Override {
		t.Errorf("second run's marks = %+v → %+v; want after the first's %+v, through the newest", second.After, second.Through, first.Through)
	}
	if g, d := total(second); g != 3 || d != 1 {
		t.Errorf("second run holds %d grades, %d disputes; want 3 and 1", g, d)
	}
	// The clock steps back two days: the grades saved now carry times
	// before the second run's window, and still go in the third run.
	c.Add(-2 * day)
	for i := range 2 {
		subs = append(subs, submitGraded(t, s, 3+i, fmt.Sprintf("marks-back%d", i)))
	}
	dispute(subs[3].ID)
	third := claim(second.WindowEnd, second.Through)
	if g, d := total(third); g != 2 || d != 1 {
		t.Errorf("third run (clock stepped back) holds %d grades, %d disputes; want 2 and 1", g, d)
	}
	if g, d := total(second); g != 3 || d != 1 {
		t.Errorf("second run holds %d grades, %d disputes after the clock stepped back; want still 3 and 1", g, d)
	}
	if last, err := s.LastDigest(ctx, "daily"); err != nil || last.ID != third.ID || last.Through != third.Through {
		t.Errorf("LastDigest = %+v, %v; want the third run with its marks", last, err)
	}
	// Nothing stored since: the next run is empty, not a repeat.
	fourth := claim(third.WindowEnd, third.Through)
	if g, d := total(fourth); g != 0 || d != 0 {
		t.Errorf("fourth run holds %d grades, %d disputes; want none", g, d)
	}
}

// testDigestMarksConcurrent saves grades from several goroutines while a
// chain of digest runs is claimed, each run counted at once as a digest
// would be posted: every grade saved is counted in exactly one run. On
// PostgreSQL, where grades take their numbers in one order and commit in
// another, this needs ClaimDigest to wait for the saves in flight.
func testDigestMarksConcurrent(t *testing.T, s storage.Store, c *Clock) {
	ctx := context.Background()
	const writers, each = 4, 15
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				sub, _, err := s.Submit(ctx, SampleSubmission(i, fmt.Sprintf("conc%d.%d", w, i)))
				if err == nil {
					err = s.SaveGrade(ctx, sub.ID, SampleGrade(i))
				}
				if err != nil {
					t.Errorf("writer %d, grade %d: %v", w, i, err)
					return
				}
			}
		})
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	counted, after, start := 0, storage.Marks{}, Start
	for n := 0; ; n++ {
		finished := false
		select {
		case <-done:
			finished = true
		default:
		}
		run, claimed, err := s.ClaimDigest(ctx, storage.DigestRun{Name: "often", WindowStart: start, WindowEnd: start.Add(time.Minute), After: after, ClaimedBy: "r1"})
		if err != nil || !claimed {
			t.Fatalf("ClaimDigest #%d = %v, %v", n, claimed, err)
		}
		cs, err := s.Counts(ctx, run.Window(), storage.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		counted += cs.Total
		after, start = run.Through, run.WindowEnd
		if finished {
			break
		}
	}
	if counted != writers*each {
		t.Errorf("runs counted %d grades, want the %d saved, each once", counted, writers*each)
	}
}
