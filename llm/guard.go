package llm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgrade/factgrade/rubric"
)

// The model never raises a grade on its word alone. These are the checks
// that hold it to that, shared by Judge and Hybrid: a verdict more lenient
// than the rules' must point at words of the submission the rubric
// recognises as grounds for it (grounded), quotes of the source and of the
// submission must be whole words of meaningful length, and settle decides
// each criterion from the two judges' verdicts.

// Lengths below which a quote says nothing verifiable.
const (
	// minCitationWords and minCitationLetters: a source citation of fewer
	// words or letters ("the", "ion") can be found anywhere.
	minCitationWords   = 2
	minCitationLetters = 8
	// minSpanLetters: a submission quote needs at least a short word.
	minSpanLetters = 3
	// maxGroundWords: a submission quote longer than this points at
	// everything and so at nothing; it cannot ground a raised verdict.
	maxGroundWords = 25
)

// lenient reports whether the model's verdict m would give the text more
// credit than the rules' verdict r: more points, or a verdict that counts
// (pass, partial) where the rules found nothing to grade, or na where the
// rules found a fault.
func lenient(m, r rubric.Verdict) bool {
	mp, mCounts := m.Points()
	rp, rCounts := r.Points()
	switch {
	case mCounts && rCounts:
		return mp > rp
	case mCounts:
		return m != rubric.Fail
	case rCounts:
		return r != rubric.Pass
	}
	return false
}

// grounded reports whether span, the model's quote of the submission,
// holds words the rubric recognises as grounds for verdict v on criterion
// id (rubric.Rubric.Supports: a tacit qualifier, an attribution, a denial
// that a rule of the criterion names). When the shared standards lexicon
// lands in the rubric, its cues arrive here through Supports unchanged.
func grounded(r *rubric.Rubric, text string, kind rubric.Kind, id string, v rubric.Verdict, span rubric.Span) bool {
	if span.End <= span.Start || len(strings.Fields(text[span.Start:span.End])) > maxGroundWords {
		return false
	}
	return r.Supports(text, kind, id, v, span)
}

// settle decides one criterion from the rules' grade rc and the model's mc
// (both of criterion c). byModel says the model is the judge (Judge) rather
// than the second opinion (Hybrid). It reports whether the verdict differs
// from the rules'.
//
//   - The rubric decides applicability; a decisive rule verdict stands.
//   - Agreement: the rules' grade in the hybrid, the model's in Judge.
//   - The model's na never erases what the rules found (flagged).
//   - More lenient than the rules: the model's verdict only when its quote
//     of the submission is grounded and the rules found something to grade
//     (never na → pass); otherwise the rules', flagged. Either way an
//     editor is asked to look.
//   - Stricter than the rules: the model's in Judge; in the hybrid the
//     model's (flagged) if it cites the source, else the rules' (flagged).
func settle(r *rubric.Rubric, req rubric.Request, c *rubric.Criterion, rc, mc *rubric.CriterionGrade, cites, byModel bool) (rubric.CriterionGrade, bool) {
	rules := func(review bool) (rubric.CriterionGrade, bool) {
		f := *rc
		f.DecidedBy = rubric.DecidedByRules
		f.NeedsReview = review
		return f, false
	}
	model := func(review bool) (rubric.CriterionGrade, bool) {
		f := *mc
		f.DecidedBy = rubric.DecidedByLLM
		f.NeedsReview = review
		return f, f.Verdict != rc.Verdict
	}
	switch {
	case mc == nil || !c.AppliesTo(req.Kind):
		return rules(false)
	case mc.Verdict == rc.Verdict:
		if byModel {
			return model(false)
		}
		return rules(false)
	case rc.Decisive && (!byModel || lenient(mc.Verdict, rc.Verdict)):
		return rules(false)
	case mc.Verdict == rubric.NA:
		return rules(true)
	case lenient(mc.Verdict, rc.Verdict):
		// An na of the rules is theirs to change: the model may not turn
		// "nothing to grade" into a pass.
		if rc.Verdict != rubric.NA && cites && len(mc.Spans) > 0 && grounded(r, req.Text, req.Kind, c.ID, mc.Verdict, mc.Spans[0]) {
			return model(true)
		}
		return rules(true)
	case byModel:
		return model(false)
	case cites:
		return model(true)
	}
	return rules(true)
}

// wholeWords reports whether s[start:end] begins and ends at word
// boundaries: no letter or digit runs on either side.
func wholeWords(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		f, _ := utf8.DecodeRuneInString(s[start:])
		if wordRune(r) && wordRune(f) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		l, _ := utf8.DecodeLastRuneInString(s[:end])
		if wordRune(r) && wordRune(l) {
			return false
		}
	}
	return true
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// letters counts the letters and digits of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if wordRune(r) {
			n++
		}
	}
	return n
}

// meaningfulCitation reports whether quote, found in paragraph, is whole
// words of paragraph and long enough to say something.
func meaningfulCitation(paragraph, quote string) bool {
	if len(strings.Fields(quote)) < minCitationWords || letters(quote) < minCitationLetters {
		return false
	}
	for off := 0; ; {
		i := strings.Index(paragraph[off:], quote)
		if i < 0 {
			return false
		}
		if wholeWords(paragraph, off+i, off+i+len(quote)) {
			return true
		}
		off += i + 1
	}
}
