package rubric

// Regrade returns a copy of g with the verdicts editors set (by criterion
// id) in place of the judge's, marked as decided by an editor, and the
// score, letter and cap computed again with r's weights, thresholds and
// caps. g itself, the original grade, is not changed.
func (r *Rubric) Regrade(g *Grade, verdicts map[string]Verdict) *Grade {
	out := *g
	out.Criteria = make([]CriterionGrade, len(g.Criteria))
	copy(out.Criteria, g.Criteria)
	for i, cg := range out.Criteria {
		if v, ok := verdicts[cg.Criterion]; ok {
			out.Criteria[i].Verdict = v
			out.Criteria[i].DecidedBy = DecidedByEditor
			out.Criteria[i].NeedsReview = false
		}
	}
	r.Score(&out)
	return &out
}
