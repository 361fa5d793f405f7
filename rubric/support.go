package rubric

// Supports reports whether the words of text within span are what the
// rubric recognises as grounds for verdict v (or a more lenient one) on the
// criterion with the given id: the text is about the story, the criterion
// applies to kind, and some rule of the criterion with a verdict at least
// as lenient as v holds in text with an occurrence of one of its signals
// (a tacit qualifier, an attribution, a denial) lying within span. A rule
// with no signal of its own (a default) is never grounds, nor is na.
//
// The rule judge picks the first rule that holds; a more lenient rule that
// holds too was passed over because of the rubric's order, and another
// judge may argue for it by pointing at its words. Supports is how the LLM
// judges check such an argument before a verdict is raised.
func (r *Rubric) Supports(text string, kind Kind, id string, v Verdict, span Span) bool {
	want, counts := v.Points()
	c := r.Criterion(id)
	if !counts || c == nil || c.rules == nil || !c.AppliesTo(kind) || span.Start < 0 || span.End > len(text) || span.Start >= span.End {
		return false
	}
	rd := r.prog.Read(text)
	defer rd.Release()
	if about, _ := rd.About(); !about {
		return false
	}
	cr := c.rules
	for i, ru := range cr.rules {
		if got, counts := ru.verdict.Points(); !counts || got < want {
			continue
		}
		if rd.HoldsWithin(cr.decisions, i, string(kind), span.Start, span.End) {
			return true
		}
	}
	return false
}
