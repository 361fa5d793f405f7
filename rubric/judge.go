package rubric

import (
	"context"
	"encoding/binary"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/factgrade/factgrade/engine"
)

// MaxTextRunes is the longest submission accepted, in characters.
const MaxTextRunes = 4000

// InputError is a submission that cannot be graded as given; its message
// says what to do.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

// CheckText returns an *InputError when text cannot be graded: empty, not
// UTF-8, holding a control character other than tab and line breaks (a
// NUL, an escape: pasted binary, or terminal codes), or longer than
// MaxTextRunes.
func CheckText(text string) error {
	// One pass: invalid UTF-8 is reported first, then the first control
	// character, then an empty text, then the length.
	n, control, blank := 0, -1, true
	for i := 0; i < len(text); {
		// Eight bytes of printable ASCII at a time, the common case.
		if i+8 <= len(text) {
			if v := binary.LittleEndian.Uint64([]byte(text[i : i+8])); printableASCII(v) {
				blank = blank && v == spaces
				n += 8
				i += 8
				continue
			}
		}
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII: the common case, without decoding.
			if control < 0 && (c < ' ' && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
				control = i
			}
			blank = blank && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
			n++
			i++
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			if r, size = utf8.DecodeRuneInString(text[i:]); r == utf8.RuneError && size == 1 {
				return &InputError{Msg: "the text is not valid UTF-8, so it cannot be graded: paste it as plain text"}
			}
		}
		if control < 0 && controlRune(r) {
			control = i
		}
		if blank && !unicode.IsSpace(r) {
			blank = false
		}
		n++
		i += size
	}
	if control >= 0 {
		return &InputError{Msg: fmt.Sprintf("the text holds a control character (U+%04X) that is not text, so it cannot be graded: paste it as plain text", text[control])}
	}
	if blank {
		return &InputError{Msg: "the text is empty: give a headline or a summary to grade"}
	}
	if n > MaxTextRunes {
		return &InputError{Msg: fmt.Sprintf("the text is %d characters; the limit is %d: grade the headline or the first paragraphs", n, MaxTextRunes)}
	}
	return nil
}

// spaces is eight ASCII spaces, as printableASCII reads them.
const spaces = 0x2020202020202020

// printableASCII reports whether each of the eight bytes of v is printable
// ASCII, from ' ' to '~': none below ' ' and none from DEL up.
func printableASCII(v uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	below := (v - spaces) &^ v & highs // a byte below ' ' (none ≥ 0x80 here)
	high := (v | (v + ones)) & highs   // a byte ≥ 0x7f (DEL and above)
	return below|high == 0
}

// controlRune reports whether r is a C0 or C1 control character other than
// tab, line feed and carriage return, or DEL.
func controlRune(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r < 0xa0)
}

// criterionRules is what the rule judge decides a criterion with: the
// engine's decision list and rewrite edits, and what each of its rules and
// edits means (by the engine's index).
type criterionRules struct {
	decisions *engine.Decisions
	rules     []rule // rules[i] is what rule i of decisions says
	edits     []edit // edits[i] is what find i of decisions puts in
	append_   []string
}

// rule is what a rule of a criterion says when it decides.
type rule struct {
	verdict  Verdict
	reason   string
	decisive bool
	// citations are the evidence the verdict cites (all the criterion's
	// unless the rule names some), shared by every grade the rule
	// decides: read them, never change them.
	citations []Citation
	fix       string
	// review, when set, marks the verdict for an editor's review and says
	// why ({span} is the triggering words).
	review string
	// what the rule was written as, for people (Criterion.Rules): its
	// name in a template, conditions, kinds, cited ids, and where it was
	// written (file:line).
	name, origin string
	when, kinds  []string
	cite         []string
}

// edit is what a rewrite edit puts in place of the words it applies to.
type edit struct {
	replace string
	verb    string
	noun    string
}

// RuleJudge grades with the rubric's signals and decision rules: offline,
// deterministic, and fast. It is the default judge and the floor under the
// LLM judge.
type RuleJudge struct{}

// NewRuleJudge returns the rule judge.
func NewRuleJudge() *RuleJudge { return &RuleJudge{} }

var _ Judge = (*RuleJudge)(nil)

// Grade grades req against r: verdicts, reasons, spans, citations, score
// and letter. Revision (a rewrite and fixes) is package revise's, which
// wraps the rule judge through Trace and Rescore.
func (j *RuleJudge) Grade(ctx context.Context, r *Rubric, req Request) (*Grade, error) {
	g, _, err := j.grade(r, req, false)
	return g, err
}

// Trace grades req like Grade and also returns what revision needs: for each
// criterion the fix of the rule that decided it and, for a headline, where
// the criterion's rewrite edits apply to the text.
func (j *RuleJudge) Trace(ctx context.Context, r *Rubric, req Request) (*Grade, *Trace, error) {
	return j.grade(r, req, true)
}

func (j *RuleJudge) grade(r *Rubric, req Request, trace bool) (*Grade, *Trace, error) {
	if err := CheckText(req.Text); err != nil {
		return nil, nil, err
	}
	kind := req.Kind
	if kind == "" {
		kind = DetectKind(req.Text)
	}
	rd := r.prog.ReadAs(req.Text, string(kind))
	g := new(Grade)
	if !trace {
		r.grade(rd, g, req.Text, kind, true, nil)
		rd.Release()
		return g, nil, nil
	}
	t := newTrace(len(r.Criteria))
	r.grade(rd, g, req.Text, kind, true, t.decided)
	r.trace(t, g, rd)
	t.rd = rd // for Rescore; Trace.Release hands it back
	return g, t, nil
}

// Rescored is what a score-only re-grade says of a text: enough to judge
// a proposed rewrite.
type Rescored struct {
	Status Status
	Score  int
	Letter string
	// NeedsReview: a verdict is marked for an editor's review (a letter
	// would be provisional).
	NeedsReview bool
	// BelowPass: a criterion is partial or failed.
	BelowPass bool
}

// Grade returns the re-grade as a grade without criteria (for Better).
func (s Rescored) Grade() Grade {
	return Grade{Status: s.Status, Score: s.Score, Letter: s.Letter, Provisional: s.NeedsReview && s.Status == Graded}
}

// rescoring holds the grades Rescore works in, so a re-grade allocates
// nothing of its own.
var rescoring = sync.Pool{New: func() any { return new(Grade) }}

// Rescore grades text for its verdicts, review marks and score only (no
// reasons, spans or citations): enough to judge a proposed rewrite. The text
// must already have passed CheckText and be English. from, when not nil, is
// the trace of the grade of the text that text revises (a rewrite changes a
// few words): the engine then tries its patterns again only where the words
// changed, with the same result as reading text whole.
func (j *RuleJudge) Rescore(r *Rubric, text string, kind Kind, from *Trace) Rescored {
	var base *engine.Reading
	if from != nil {
		base = from.rd
	}
	rd := r.prog.ReadAsFrom(text, string(kind), base)
	defer rd.Release()
	g := rescoring.Get().(*Grade)
	defer rescoring.Put(g)
	r.grade(rd, g, text, kind, false, nil)
	out := Rescored{Status: g.Status, Score: g.Score, Letter: g.Letter, NeedsReview: g.NeedsReview()}
	for _, cg := range g.Criteria {
		out.BelowPass = out.BelowPass || cg.Verdict == Partial || cg.Verdict == Fail
	}
	return out
}

// grade decides every criterion on the text rd read into g (whose
// Criteria's memory it reuses); it sets decided[i], when decided is given,
// to the rule that decided g.Criteria[i], if any. Without full, only the
// verdicts and the score are filled in (enough to compare a rewrite with
// the original), and the text is taken to be English.
func (r *Rubric) grade(rd *engine.Reading, g *Grade, text string, kind Kind, full bool, decided []*rule) {
	criteria := g.Criteria[:0]
	if cap(criteria) < len(r.Criteria) {
		criteria = make([]CriterionGrade, 0, len(r.Criteria))
	}
	*g = Grade{Rubric: r.ID, RubricVersion: r.Version, RubricHash: r.Hash, Kind: kind, Text: text, Judge: JudgeInfo{Name: "rules"},
		Criteria: criteria}
	if full {
		if lang := rd.Language(); lang != "" {
			g.Status = NotEnglish
			for _, c := range r.Criteria {
				g.Criteria = append(g.Criteria, CriterionGrade{Criterion: c.ID, Verdict: NA, DecidedBy: DecidedByRules,
					Reason: notEnglishReason(lang)})
			}
			r.Score(g)
			return
		}
	}
	// The spans of every criterion go to one array, allocated once they
	// are all known (see spansOf).
	var sp *spanScratch
	if full {
		sp = spanScratches.Get().(*spanScratch)
		defer spanScratches.Put(sp)
		sp.spans, sp.at = sp.spans[:0], sp.at[:0]
	}
	about, _ := rd.About()
	for i, c := range r.Criteria {
		cg := CriterionGrade{Criterion: c.ID, Verdict: NA, DecidedBy: DecidedByRules}
		switch {
		case !about:
			cg.Reason = r.NotAboutReason()
		case !c.AppliesTo(kind):
			cg.Reason = notApplicable(kind)
		default:
			var k int
			if full {
				k = rd.Decide(c.rules.decisions, string(kind))
			} else {
				k = rd.Rule(c.rules.decisions, string(kind)) // no spans wanted
			}
			if k < 0 {
				cg.Reason = "The text does not touch this point."
				break
			}
			ru := &c.rules.rules[k]
			cg.Verdict, cg.Decisive, cg.NeedsReview = ru.verdict, ru.decisive, ru.review != ""
			if !full {
				break
			}
			if decided != nil {
				decided[i] = ru
			}
			from := len(sp.spans)
			sp.spans = spansOf(text, rd, sp.spans)
			sp.at = append(sp.at, [3]int{i, from, len(sp.spans)})
			spans := sp.spans[from:]
			cg.Reason = expandSpan(ru.reason, spans)
			if ru.review != "" {
				cg.Review = expandSpan(ru.review, spans)
			}
			if cg.Verdict != NA {
				cg.Citations = ru.citations
			}
		}
		g.Criteria = append(g.Criteria, cg)
	}
	if full {
		all := make([]Span, len(sp.spans))
		copy(all, sp.spans)
		for _, at := range sp.at {
			g.Criteria[at[0]].Spans = all[at[1]:at[2]:at[2]]
		}
	}
	r.Score(g)
}

// spanScratch holds a grade's spans until they are all known: at lists,
// for each criterion that a rule decided, its index and its spans' range.
type spanScratch struct {
	spans []Span
	at    [][3]int
}

var spanScratches = sync.Pool{New: func() any { return new(spanScratch) }}

const maxSpans = 3

// notApplicable is the reason a criterion does not apply to a kind.
func notApplicable(k Kind) string {
	switch k {
	case Headline:
		return "Does not apply to a headline."
	case Summary:
		return "Does not apply to a summary."
	}
	return "Does not apply to a " + string(k) + "."
}

// spansOf appends to dst the words of text that triggered the rule rd
// decided last, at most maxSpans, one a start.
func spansOf(text string, rd *engine.Reading, dst []Span) []Span {
	n := len(dst)
	for i := range rd.Triggers() {
		s, e := rd.Trigger(i)
		dup := false
		for _, x := range dst[n:] {
			if x.Start == s {
				dup = true
			}
		}
		if !dup {
			dst = append(dst, Span{Start: s, End: e, Text: text[s:e]})
		}
		if len(dst)-n == maxSpans {
			break
		}
	}
	return dst
}

// expandSpan fills "{span}" in a reason with the first triggering words,
// in quotation marks, building the reason with one allocation.
func expandSpan(s string, spans []Span) string {
	n := strings.Count(s, "{span}")
	if n == 0 {
		return s
	}
	open, w, close := "", "the text", ""
	if len(spans) > 0 {
		open, w, close = "“", spans[0].Text, "”"
	}
	var b strings.Builder
	b.Grow(len(s) + n*(len(open)+len(w)+len(close)-len("{span}")))
	for {
		i := strings.Index(s, "{span}")
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		b.WriteString(open)
		b.WriteString(w)
		b.WriteString(close)
		s = s[i+len("{span}"):]
	}
	b.WriteString(s)
	return b.String()
}
