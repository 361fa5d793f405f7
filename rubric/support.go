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
	cr := r.rules.criteria[id]
	if !counts || c == nil || cr == nil || !c.AppliesTo(kind) || span.Start < 0 || span.End > len(text) || span.Start >= span.End {
		return false
	}
	sc := r.rules.getScratch()
	defer r.rules.putScratch(sc)
	sc.d.reset(text)
	sc.d.intern(r.rules.vocab)
	d := &sc.d
	a := r.rules.analyse(d, &sc.a)
	if about, _ := r.rules.isAbout(a); !about {
		return false
	}
	for _, ru := range cr.rules {
		if len(ru.kinds) > 0 && !kindIn(kind, ru.kinds) {
			continue
		}
		if got, counts := ru.verdict.Points(); !counts || got < want {
			continue
		}
		// The rule's first positive term is what triggers it (decide's
		// spans); the others are its context ("…, about the hacks").
		holds, within, trigger := true, false, true
		for _, t := range ru.when {
			var h bool
			n := len(a.trig)
			h, a.trig = a.holds(t, a.trig)
			if !h {
				holds = false
				break
			}
			if t.not || !trigger {
				continue
			}
			trigger = false
			for _, o := range a.trig[n:] {
				s, e := d.f.span(d.toks[o.first].start, d.toks[o.last].end)
				within = within || s >= span.Start && e <= span.End
			}
		}
		a.trig = a.trig[:0]
		if holds && within {
			return true
		}
	}
	return false
}
