package storage

import "github.com/factgrade/factgrade/rubric"

// Standing returns the overrides that stand, oldest first: a later
// override by the same editor on the same criterion of the same submission
// supersedes the earlier one (which stays stored, as a record).
func Standing(ovs []Override) []Override {
	type key struct {
		sub             int64
		user, criterion string
	}
	latest := map[key]int{}
	for i, o := range ovs {
		k := key{o.SubmissionID, o.UserID, o.Criterion}
		if j, ok := latest[k]; !ok || later(o, ovs[j]) {
			latest[k] = i
		}
	}
	var out []Override
	for i, o := range ovs {
		if latest[key{o.SubmissionID, o.UserID, o.Criterion}] == i {
			out = append(out, o)
		}
	}
	return out
}

// later reports whether a was recorded after b.
func later(a, b Override) bool {
	if !a.CreatedAt.Equal(b.CreatedAt) {
		return a.CreatedAt.After(b.CreatedAt)
	}
	return a.ID > b.ID
}

// Verdicts are the verdicts the standing overrides of one submission set,
// by criterion: where editors disagree, the latest word.
func Verdicts(ovs []Override) map[string]rubric.Verdict {
	standing := Standing(ovs)
	last := map[string]Override{}
	for _, o := range standing {
		if p, ok := last[o.Criterion]; !ok || later(o, p) {
			last[o.Criterion] = o
		}
	}
	out := make(map[string]rubric.Verdict, len(last))
	for c, o := range last {
		out[c] = o.Verdict
	}
	return out
}
