package storage

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/factgrade/factgrade/rubric"
)

func TestStandingOverrides(t *testing.T) {
	t0 := time.Date(2025, 4, 10, 9, 0, 0, 0, time.UTC)
	ovs := []Override{
		{ID: 1, SubmissionID: 10, Criterion: "admission", Verdict: rubric.Fail, UserID: "U1", CreatedAt: t0},
		{ID: 2, SubmissionID: 10, Criterion: "admission", Verdict: rubric.Pass, UserID: "U2", CreatedAt: t0.Add(time.Minute)},
		{ID: 3, SubmissionID: 10, Criterion: "admission", Verdict: rubric.Pass, UserID: "U1", CreatedAt: t0.Add(2 * time.Minute)},
		{ID: 4, SubmissionID: 10, Criterion: "sourcing", Verdict: rubric.Partial, UserID: "U1", CreatedAt: t0.Add(3 * time.Minute)},
		{ID: 5, SubmissionID: 11, Criterion: "admission", Verdict: rubric.NA, UserID: "U1", CreatedAt: t0},
	}
	var ids []int64
	for _, o := range Standing(ovs) {
		ids = append(ids, o.ID)
	}
	if diff := cmp.Diff([]int64{2, 3, 4, 5}, ids); diff != "" {
		t.Errorf("Standing ids (-want +got):\n%s", diff)
	}
	got := Verdicts(ovs[:4])
	want := map[string]rubric.Verdict{"admission": rubric.Pass, "sourcing": rubric.Partial}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Verdicts (-want +got):\n%s", diff)
	}
}
