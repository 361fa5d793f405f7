package rubric

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTextRunes is the longest submission accepted, in characters.
const MaxTextRunes = 4000

// InputError is a submission that cannot be graded as given; its message
// says what to do.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

// CheckText returns an *InputError when text cannot be graded: empty, not
// UTF-8, or longer than MaxTextRunes.
func CheckText(text string) error {
	if !utf8.ValidString(text) {
		return &InputError{Msg: "the text is not valid UTF-8: paste it as plain text"}
	}
	if strings.TrimSpace(text) == "" {
		return &InputError{Msg: "the text is empty: give a headline or a summary to grade"}
	}
	if n := utf8.RuneCountInString(text); n > MaxTextRunes {
		return &InputError{Msg: fmt.Sprintf("the text is %d characters; the limit is %d: grade the headline or the first paragraphs", n, MaxTextRunes)}
	}
	return nil
}

// RuleJudge grades with the rubric's signals and decision rules: offline,
// deterministic, and fast. It is the default judge and the floor under the
// LLM judge.
type RuleJudge struct{}

// NewRuleJudge returns the rule judge.
func NewRuleJudge() *RuleJudge { return &RuleJudge{} }

var _ Judge = (*RuleJudge)(nil)

// Grade grades req against r.
func (j *RuleJudge) Grade(ctx context.Context, r *Rubric, req Request) (*Grade, error) {
	if err := CheckText(req.Text); err != nil {
		return nil, err
	}
	kind := req.Kind
	if kind == "" {
		kind = DetectKind(req.Text)
	}
	sc := r.rules.getScratch()
	defer r.rules.putScratch(sc)
	g, decided := r.grade(req.Text, kind, sc, true)
	if g.Status != Graded {
		return g, nil
	}
	if kind == Headline && g.Letter != r.Letters[0].Letter {
		r.rewrite(g, sc)
	}
	if g.Rewrite == "" && g.Letter != r.Letters[0].Letter {
		g.Fixes = r.fixes(g, decided)
	}
	return g, nil
}

// grade runs the rules over text without rewriting it; decided[i] is the
// rule that decided g.Criteria[i], if any. The text as read stays in sc.d.
// Without full, only the verdicts and the score are filled in (enough to
// compare a rewrite with the original).
func (r *Rubric) grade(text string, kind Kind, sc *scratch, full bool) (g *Grade, decided []*rule) {
	g = &Grade{Rubric: r.ID, RubricVersion: r.Version, RubricHash: r.Hash, Kind: kind, Text: text, Judge: JudgeInfo{Name: "rules"}}
	sc.d.reset(text)
	sc.d.intern(r.rules.vocab)
	d := &sc.d
	// A rewrite (not full) is of a text already found to be English.
	lang := ""
	if full {
		lang = foreignLanguage(d)
	}
	if lang != "" {
		g.Status = NotEnglish
		for _, c := range r.Criteria {
			g.Criteria = append(g.Criteria, CriterionGrade{Criterion: c.ID, Verdict: NA, DecidedBy: DecidedByRules,
				Reason: notEnglishReason(lang)})
		}
		r.Score(g)
		return g, make([]*rule, len(g.Criteria))
	}
	a := r.rules.analyse(d, &sc.a)
	about, _ := r.rules.isAbout(a)
	if full {
		decided = make([]*rule, len(r.Criteria))
	}
	for i, c := range r.Criteria {
		cg := CriterionGrade{Criterion: c.ID, Verdict: NA, DecidedBy: DecidedByRules}
		switch {
		case !about:
			cg.Reason = r.NotAboutReason()
		case !c.AppliesTo(kind):
			cg.Reason = notApplicable(kind)
		default:
			ru, trig := a.decide(r.rules.criteria[c.ID], kind)
			if ru == nil {
				cg.Reason = "The text does not touch this point."
				break
			}
			cg.Verdict, cg.Decisive = ru.verdict, ru.decisive
			if !full {
				break
			}
			decided[i] = ru
			cg.Spans = spansOf(d, trig)
			cg.Reason = expandSpan(ru.reason, cg.Spans)
			if cg.Verdict != NA {
				cg.Citations = citations(c, ru)
			}
		}
		g.Criteria = append(g.Criteria, cg)
	}
	r.Score(g)
	return g, decided
}

const maxSpans = 3

// collapseSpace trims s and turns every run of white space into one space,
// allocating only when it changes something.
func collapseSpace(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c >= utf8.RuneSelf || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

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

// spansOf maps occurrences back to the submission's bytes.
func spansOf(d *doc, occs []occ) []Span {
	var out []Span
	for _, o := range occs {
		s, e := d.f.span(d.toks[o.first].start, d.toks[o.last].end)
		sp := Span{Start: s, End: e, Text: d.orig[s:e]}
		dup := false
		for _, x := range out {
			if x.Start == sp.Start {
				dup = true
			}
		}
		if !dup {
			out = append(out, sp)
		}
		if len(out) == maxSpans {
			break
		}
	}
	return out
}

// expandSpan fills "{span}" in a reason with the first triggering words.
func expandSpan(s string, spans []Span) string {
	if !strings.Contains(s, "{span}") {
		return s
	}
	w := "the text"
	if len(spans) > 0 {
		w = "“" + spans[0].Text + "”"
	}
	return strings.ReplaceAll(s, "{span}", w)
}

func citations(c *Criterion, ru *rule) []Citation {
	if len(ru.cite) == 0 {
		out := make([]Citation, len(c.Evidence))
		for i, e := range c.Evidence {
			out[i] = e.Citation()
		}
		return out
	}
	out := make([]Citation, len(ru.cite))
	for i, k := range ru.cite {
		out[i] = c.Evidence[k].Citation()
	}
	return out
}

// rewrite proposes a corrected headline from the edits of the criteria that
// were not passed, and keeps it only if it grades better.
func (r *Rubric) rewrite(g *Grade, sc *scratch) {
	d := &sc.d
	type change struct {
		start, end int // bytes of the original text
		repl       string
	}
	var changes []change
	taken := make([]bool, len(d.toks))
	appendix := ""
	for _, cg := range g.Criteria {
		if cg.Verdict != Partial && cg.Verdict != Fail {
			continue
		}
		cr := r.rules.criteria[cg.Criterion]
		// Each edit's matches, found in one pass; earlier edits win overlaps.
		found := make([][]occurrence, len(cr.rewrite))
		cr.edits.scan(d.toks, found)
		for ei, e := range cr.rewrite {
			for _, o := range found[ei] {
				end := o.last + 1
				if anyTaken(taken[o.first:end]) {
					continue
				}
				for k := o.first; k < end; k++ {
					taken[k] = true
				}
				s, en := d.f.span(d.toks[o.first].start, d.toks[o.last].end)
				changes = append(changes, change{s, en, matchCase(g.Text[s:en], e.replace, g.Text)})
			}
		}
		if cr.append_ != "" && appendix == "" {
			appendix = cr.append_
		}
	}
	sort.Slice(changes, func(a, b int) bool { return changes[a].start < changes[b].start })
	var b strings.Builder
	at := 0
	for _, c := range changes {
		b.WriteString(g.Text[at:c.start])
		b.WriteString(c.repl)
		at = c.end
	}
	b.WriteString(g.Text[at:])
	text := strings.TrimRightFunc(b.String(), unicode.IsSpace)
	if appendix != "" {
		if strings.HasSuffix(text, ".") && !abbreviationBefore(text) {
			text = text[:len(text)-1]
		}
		text += appendix
	}
	text = collapseSpace(text)
	if text == collapseSpace(g.Text) {
		return
	}
	if err := CheckText(text); err != nil {
		return
	}
	rg, _ := r.grade(text, g.Kind, sc, false)
	if Better(rg, g) {
		g.Rewrite, g.RewriteLetter, g.RewriteScore = text, rg.Letter, rg.Score
	}
}

func anyTaken(t []bool) bool {
	for _, x := range t {
		if x {
			return true
		}
	}
	return false
}

// matchCase gives a replacement the capitalisation of what it replaces: a
// title-cased headline gets title-cased words.
func matchCase(orig, repl, text string) string {
	r0, _ := utf8.DecodeRuneInString(orig)
	if !unicode.IsUpper(r0) || repl == "" {
		return repl
	}
	if !titleCased(text) {
		rr, n := utf8.DecodeRuneInString(repl)
		return string(unicode.ToUpper(rr)) + repl[n:]
	}
	words := strings.Fields(repl)
	for i, w := range words {
		rr, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(rr)) + w[n:]
	}
	return strings.Join(words, " ")
}

// titleCased reports whether most words of text longer than three letters
// start with a capital.
func titleCased(text string) bool {
	caps, n := 0, 0
	for w := range strings.FieldsSeq(text) {
		if utf8.RuneCountInString(w) <= 3 {
			continue
		}
		n++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return n > 0 && caps*4 >= n*3
}

// fixes lists what to change for each criterion that was not passed.
func (r *Rubric) fixes(g *Grade, decided []*rule) []string {
	var out []string
	for i, cg := range g.Criteria {
		if cg.Verdict != Partial && cg.Verdict != Fail {
			continue
		}
		c := r.Criterion(cg.Criterion)
		fix := c.Fix
		if ru := decided[i]; ru != nil && ru.fix != "" {
			fix = ru.fix
		}
		if fix == "" {
			continue
		}
		out = append(out, expandSpan(expandCites(fix, c), cg.Spans))
	}
	return out
}

// expandCites replaces "{cite:ID}" with the evidence's quote and paragraph.
func expandCites(s string, c *Criterion) string {
	for {
		i := strings.Index(s, "{cite:")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return s
		}
		id := s[i+len("{cite:") : i+j]
		rep := ""
		for _, e := range c.Evidence {
			if e.ID == id {
				rep = "“" + e.Quote + "” (¶" + strconv.Itoa(e.Paragraph) + ")"
			}
		}
		s = s[:i] + rep + s[i+j+1:]
	}
}
