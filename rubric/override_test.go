package rubric

import "testing"

func TestRegrade(t *testing.T) {
	r := &Rubric{
		Criteria: []*Criterion{{ID: "admission", Weight: 3, CapsAt: "D"}, {ID: "sourcing", Weight: 2}},
		Letters:  []Threshold{{"A", 90}, {"B", 75}, {"C", 60}, {"D", 40}, {"F", 0}},
	}
	g := &Grade{Criteria: []CriterionGrade{{Criterion: "admission", Verdict: Fail, NeedsReview: true}, {Criterion: "sourcing", Verdict: Pass}}}
	r.Score(g)
	before := *g
	got := r.Regrade(g, map[string]Verdict{"admission": Pass})
	if got.Letter != "A" || got.Score != 100 || got.Criteria[0].DecidedBy != DecidedByEditor || got.Criteria[0].NeedsReview {
		t.Errorf("Regrade = %s %d %+v, want A 100 decided by the editor", got.Letter, got.Score, got.Criteria[0])
	}
	if g.Letter != before.Letter || g.Criteria[0].Verdict != Fail {
		t.Errorf("Regrade changed the original grade: %+v", g)
	}
}
