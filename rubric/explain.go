package rubric

// SignalMatch is one occurrence of a rule-judge signal in a text, for
// rubric authors checking why a rule fired (factgrade grade --explain).
type SignalMatch struct {
	Signal    string `json:"signal"`
	Span      Span   `json:"span"`
	Negated   bool   `json:"negated,omitempty"`
	Qualified bool   `json:"qualified,omitempty"`
	Hedged    bool   `json:"hedged,omitempty"`
}

// Explain returns every signal occurrence the rule judge sees in text, in
// the order of the text.
func (r *Rubric) Explain(text string) []SignalMatch {
	ms := r.prog.Explain(text)
	var out []SignalMatch
	for _, m := range ms {
		out = append(out, SignalMatch{Signal: m.Signal, Span: Span{Start: m.Start, End: m.End, Text: text[m.Start:m.End]},
			Negated: m.Negated, Qualified: m.Qualified, Hedged: m.Hedged})
	}
	return out
}

// AboutHeld lists the rubric's about_any lists (by index, from 0) that
// hold on text, for rubric authors; nil when its about conditions do not.
func (r *Rubric) AboutHeld(text string) []int { return r.prog.AboutHeld(text) }
