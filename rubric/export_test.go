package rubric

import "github.com/factgrade/factgrade/engine"

// RereadMatches reads text as a text of the given kind twice, whole and as
// a revision of from (engine.Program.ReadAsFrom), and returns what each
// reading found.
func RereadMatches(r *Rubric, from, text string, kind Kind) (whole, reread []engine.Match) {
	w := r.prog.ReadAs(text, string(kind))
	defer w.Release()
	base := r.prog.ReadAs(from, string(kind))
	defer base.Release()
	base.About() // the base is read before its revision, as in a grade
	rd := r.prog.ReadAsFrom(text, string(kind), base)
	defer rd.Release()
	return w.Matches(), rd.Matches()
}
