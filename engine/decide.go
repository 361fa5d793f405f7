package engine

import (
	"fmt"
	"slices"
	"sort"
)

// Decisions is one decision list (a rubric criterion's rules: the first
// whose kinds admit the text and whose conditions all hold decides) and
// the rewrite edits that go with it (where in a text each edit applies).
// What a rule or an edit means (a verdict, a reason, a replacement) is the
// caller's, by index.
type Decisions struct {
	p     *Program
	rules []decisionRule
	finds []find
	edits patternIndex // the finds' patterns, owner = index in finds
	// kinds are the kinds of text the list is consulted for (none: every
	// kind); see For.
	kinds []string
}

type decisionRule struct {
	kinds []string
	when  []Condition
}

// find is where a rewrite edit applies: the words a token pattern matches
// (longest match; the pattern is in Decisions.edits), or the occurrences of
// the signals a condition names.
type find struct {
	signal *Condition
}

// NewDecisions adds an empty decision list to p.
func (p *Program) NewDecisions() *Decisions {
	d := &Decisions{p: p}
	p.decisions = append(p.decisions, d)
	return d
}

// AddRule appends a rule that holds, for the given kinds of text (none:
// every kind), when every condition holds; it returns the rule's index.
func (d *Decisions) AddRule(kinds []string, when []Condition) int {
	d.rules = append(d.rules, decisionRule{kinds: kinds, when: when})
	return len(d.rules) - 1
}

// For says that d is consulted only for texts of the given kinds (a
// criterion that applies to them alone), before Finish: a text read as one
// of the program's kinds (ReadAs) is then not read for the signals only d
// needs.
func (d *Decisions) For(kinds []string) { d.kinds = kinds }

// admits reports whether d is consulted for texts of kind.
func (d *Decisions) admits(kind string) bool {
	return len(d.kinds) == 0 || slices.Contains(d.kinds, kind)
}

// Rules returns how many rules the list has.
func (d *Decisions) Rules() int { return len(d.rules) }

// AddFind appends an edit that applies to the words a token pattern
// matches (its longest match), and returns its index.
func (d *Decisions) AddFind(src string) (int, error) {
	p, err := compilePattern(src, d.p.cls)
	if err != nil {
		return 0, err
	}
	p.greedy = true
	d.edits.add(p, len(d.finds))
	d.finds = append(d.finds, find{})
	return len(d.finds) - 1, nil
}

// AddFindSignal appends an edit that applies to the occurrences of the
// signals condition c names, and returns its index.
func (d *Decisions) AddFindSignal(c Condition) (int, error) {
	if c.not {
		return 0, fmt.Errorf("a negated condition names no words")
	}
	d.finds = append(d.finds, find{signal: &c})
	return len(d.finds) - 1, nil
}

// Shadowed lists the rules that can never decide because an earlier rule
// without conditions (when: []) holds for every kind they apply to: pairs
// of the shadowed rule and the rule before it, by index.
func (d *Decisions) Shadowed() [][2]int {
	var out [][2]int
	for i, ru := range d.rules {
		if len(ru.when) != 0 {
			continue
		}
		for j := i + 1; j < len(d.rules); j++ {
			if covers(ru.kinds, d.rules[j].kinds) {
				out = append(out, [2]int{j, i})
			}
		}
		break
	}
	return out
}

// covers reports whether a rule for kinds a holds wherever a rule for kinds
// b could (no kinds means every kind).
func covers(a, b []string) bool {
	if len(a) == 0 {
		return true
	}
	if len(b) == 0 {
		return false
	}
	for _, k := range b {
		if !slices.Contains(a, k) {
			return false
		}
	}
	return true
}

// Unused returns the names of the signals of the rubric's own (not its
// lexicon's) that no rule, about condition, rewrite edit or other signal
// refers to.
func (p *Program) Unused() []string {
	used := make([]bool, len(p.signals))
	mark := func(ts []Condition) {
		for _, t := range ts {
			for _, a := range t.alts {
				used[a.sig] = true
			}
		}
	}
	mark(p.about)
	for _, ts := range p.aboutAny {
		mark(ts)
	}
	for _, s := range p.signals {
		for _, d := range s.deps() {
			used[d] = true
		}
	}
	for _, d := range p.decisions {
		for _, ru := range d.rules {
			mark(ru.when)
		}
		for _, f := range d.finds {
			if f.signal != nil {
				mark([]Condition{*f.signal})
			}
		}
	}
	var out []string
	for i, s := range p.signals {
		if !used[i] && !p.fromLexicon[s.name] {
			out = append(out, s.name)
		}
	}
	return out
}

// Reading is a text as the engine read it: folded and tokenised once, its
// words numbered, and every signal's occurrences found, filtered and
// qualified. A reading is pooled: Release it when done.
type Reading struct {
	p *Program
	d doc
	a analysis
	// idx and order are the patterns and signals to read; analysed says
	// whether they have been (signals reads them on first need).
	idx      *patternIndex
	order    []int
	analysed bool
	// kind is the kind of text idx and order read the signals for ("":
	// every kind; see ReadAs).
	kind string
	// from is the reading of the text this one revises (ReadAsFrom),
	// until the signals are read; reread holds the buffers for that.
	from   *Reading
	reread rereadBuf
	// Find's buffers
	found [][]occurrence
	taken []bool
	occs  []occ
}

func (p *Program) reading() *Reading {
	if rd, ok := p.readings.Get().(*Reading); ok {
		return rd
	}
	return &Reading{p: p}
}

// Release returns rd to its program's pool; rd must not be used after.
func (rd *Reading) Release() {
	rd.d.orig = ""
	rd.from = nil
	rd.p.readings.Put(rd)
}

// Read folds and tokenises text; the signals the program's decisions and
// about test reach are found on first need (About, Decide, Find).
func (p *Program) Read(text string) *Reading {
	return p.readWith(text, &p.index, p.order)
}

// ReadAs is Read for a text of the given kind: only the signals of the
// about test and of the rules that apply to kind (in decision lists
// consulted for it) are read, which is what Decide needs for that kind. A
// call for another kind or list reads the remaining signals first.
func (p *Program) ReadAs(text, kind string) *Reading {
	k, ok := p.byKind[kind]
	if !ok {
		return p.Read(text)
	}
	rd := p.readWith(text, &k.index, k.order)
	rd.kind = kind
	return rd
}

// ReadAsFrom is ReadAs for text, a revision of the text from read (from
// must stay unreleased until this reading has been used): the patterns are
// tried again only where text changed, and the signals found are exactly
// those ReadAs finds. from may be nil, or a reading of another program or
// kind, which reads text whole.
func (p *Program) ReadAsFrom(text, kind string, from *Reading) *Reading {
	rd := p.ReadAs(text, kind)
	if from != nil && from.p == p {
		rd.from = from
	}
	return rd
}

// widen makes rd read every signal its program's decisions reach, unless
// it already reads those of d's rules for kind ("" for d's finds).
func (rd *Reading) widen(d *Decisions, kind string) {
	if rd.kind == "" || d.admits(rd.kind) && (kind == "" || kind == rd.kind) {
		return
	}
	rd.idx, rd.order, rd.kind, rd.analysed = &rd.p.index, rd.p.order, "", false
}

func (p *Program) readWith(text string, idx *patternIndex, order []int) *Reading {
	rd := p.reading()
	rd.d.reset(text)
	rd.d.intern(p.words)
	rd.taken = rd.taken[:0]
	rd.idx, rd.order, rd.analysed, rd.kind, rd.from = idx, order, false, "", nil
	return rd
}

// signals finds, filters and qualifies the signals' occurrences once.
func (rd *Reading) signals() *analysis {
	if !rd.analysed {
		var from *analysis
		if f := rd.from; f != nil && f.analysed && f.idx == rd.idx {
			from = &f.a
		}
		rd.p.analyseWith(&rd.d, &rd.a, rd.idx, rd.order, from, &rd.reread)
		rd.analysed, rd.from = true, nil
	}
	return &rd.a
}

// Language returns the language the text seems to be written in when that
// is not English, or "".
func (rd *Reading) Language() string { return foreignLanguage(&rd.d, rd.p.langByID) }

// About reports whether the text is about the story by the program's about
// test, and how strongly: the number of words the signals of the
// conditions that hold cover.
func (rd *Reading) About() (bool, int) { return rd.p.isAbout(rd.signals()) }

// About reads text for the about test's signals only and applies it.
func (p *Program) About(text string) (bool, int) {
	_, about, words := p.aboutIn(text, false)
	return about, words
}

// AboutHeld lists the about_any lists (by their index) that hold on text,
// for rubric authors asking which part of the about test a text meets; nil
// when the about conditions themselves do not hold.
func (p *Program) AboutHeld(text string) []int {
	rd := p.readWith(text, &p.aboutIndex, p.aboutOrder)
	defer rd.Release()
	a := rd.signals()
	if ok, _ := a.allHold(p.about); !ok {
		return nil
	}
	var held []int
	for i, ts := range p.aboutAny {
		if ok, _ := a.allHold(ts); ok {
			held = append(held, i)
		}
	}
	return held
}

// AboutInEnglish is About for a text in English: lang is the language the
// text seems written in when it is not (Language), and then the about test
// is not applied. One reading serves both.
func (p *Program) AboutInEnglish(text string) (lang string, about bool, words int) {
	return p.aboutIn(text, true)
}

func (p *Program) aboutIn(text string, english bool) (lang string, about bool, words int) {
	rd := p.readWith(text, &p.aboutIndex, p.aboutOrder)
	defer rd.Release()
	if english {
		if lang = rd.Language(); lang != "" {
			return lang, false, 0
		}
	}
	about, words = rd.About()
	return "", about, words
}

// Decide returns the index of the first rule of d whose kinds admit kind
// and whose conditions hold, or -1. The occurrences of that rule's first
// positive condition are its triggers (Triggers), until the next Decide.
func (rd *Reading) Decide(d *Decisions, kind string) int { return rd.decide(d, kind, true) }

// decide is Decide, keeping the triggers when keep is set.
func (rd *Reading) decide(d *Decisions, kind string, keep bool) int {
	rd.widen(d, kind)
	a := rd.signals()
	for i := range d.rules {
		r := &d.rules[i]
		if len(r.kinds) > 0 && !slices.Contains(r.kinds, kind) {
			continue
		}
		// The first positive condition's occurrences go to a.trig (a
		// reused buffer); the other conditions are only checked.
		a.trig = a.trig[:0]
		haveTrig, ok := false, true
		for _, t := range r.when {
			var h bool
			if keep && !haveTrig && !t.not {
				h, a.trig = a.holds(t, a.trig[:0])
				haveTrig = h
			} else {
				h = a.any(t)
			}
			if !h {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	a.trig = a.trig[:0]
	return -1
}

// Rule returns what Decide returns, without keeping the rule's triggers
// (a re-grade that wants the verdicts only).
func (rd *Reading) Rule(d *Decisions, kind string) int { return rd.decide(d, kind, false) }

// Triggers returns how many occurrences triggered the rule Decide last
// returned (its first positive condition's); Trigger(i) is the i-th.
func (rd *Reading) Triggers() int { return len(rd.a.trig) }

// Trigger returns the bytes of the text as given of the i-th occurrence
// that triggered the rule Decide last returned, in the order found.
func (rd *Reading) Trigger(i int) (start, end int) { return rd.bytes(rd.a.trig[i].occurrence) }

// bytes maps an occurrence back to the text as given.
func (rd *Reading) bytes(o occurrence) (int, int) {
	return rd.d.f.span(int(rd.d.toks[o.first].start), int(rd.d.toks[o.last].end))
}

// HoldsWithin reports whether rule i of d applies to kind, its conditions
// hold, and an occurrence of its first positive condition (what triggers
// it; the others are its context) lies within bytes [start, end) of the
// text.
func (rd *Reading) HoldsWithin(d *Decisions, i int, kind string, start, end int) bool {
	ru := &d.rules[i]
	if len(ru.kinds) > 0 && !slices.Contains(ru.kinds, kind) {
		return false
	}
	rd.widen(d, kind)
	a := rd.signals()
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
			s, e := rd.bytes(o.occurrence)
			within = within || s >= start && e <= end
		}
	}
	a.trig = a.trig[:0]
	return holds && within
}

// Find calls yield for each place an edit of d applies to the text, edit
// by edit (an earlier edit wins an overlap, and a word once taken by an
// edit of any list stays taken for the rest of the reading), then returns.
// yield gets the edit's index and the bytes of the text as given.
func (rd *Reading) Find(d *Decisions, yield func(edit, start, end int)) {
	if len(d.finds) == 0 {
		return
	}
	rd.widen(d, "")
	a, toks := rd.signals(), rd.d.toks
	if len(rd.taken) == 0 {
		rd.taken = slices.Grow(rd.taken, len(toks))[:len(toks)]
		clear(rd.taken)
	}
	rd.found = resetLists(rd.found, len(d.finds))
	found := rd.found
	d.edits.scan(&rd.d, found)
	for ei, f := range d.finds {
		if f.signal != nil {
			rd.occs = rd.occs[:0]
			for _, alt := range f.signal.alts {
				rd.occs = a.matches(alt.sig, alt.prop, rd.occs)
			}
			for _, o := range rd.occs {
				found[ei] = append(found[ei], o.occurrence)
			}
		}
		for _, o := range found[ei] {
			if slices.Contains(rd.taken[o.first:o.last+1], true) {
				continue
			}
			for k := o.first; k <= o.last; k++ {
				rd.taken[k] = true
			}
			s, e := rd.bytes(o)
			yield(ei, s, e)
		}
	}
}

// Match is one occurrence of a signal in a text, for rubric authors
// checking why a rule fired: bytes [Start, End) of the text as given.
type Match struct {
	Signal                     string
	Start, End                 int
	Negated, Qualified, Hedged bool
	// Dropped: a filter of the signal (exclude, near, not_near) dropped
	// the occurrence (Reading.Matches only).
	Dropped bool
}

// Matches returns every occurrence rd's patterns found of the signals it
// reads (what its decisions see), in the order of the text, with those a
// filter dropped marked so. Explain reads every signal of the program.
func (rd *Reading) Matches() []Match {
	a := rd.signals()
	var out []Match
	for _, si := range rd.order {
		kept := a.occ[si]
		for _, o := range a.raw[si] {
			m := Match{Signal: rd.p.signals[si].name, Dropped: true}
			m.Start, m.End = rd.bytes(o)
			if len(kept) > 0 && kept[0].occurrence == o {
				m.Negated, m.Qualified, m.Hedged, m.Dropped = kept[0].negated, kept[0].qualified, kept[0].hedged, false
				kept = kept[1:]
			}
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		if out[i].End != out[j].End {
			return out[i].End < out[j].End
		}
		return out[i].Signal < out[j].Signal
	})
	return out
}

// Explain returns every occurrence of every signal of the program (used or
// not) in text, in the order of the text.
func (p *Program) Explain(text string) []Match {
	rd := &Reading{p: p}
	rd.d.reset(text)
	rd.d.intern(p.words)
	a := p.analyseWith(&rd.d, &rd.a, &p.fullIndex, p.fullOrder, nil, nil)
	var out []Match
	for si, list := range a.occ {
		for _, o := range list {
			s, e := rd.bytes(o.occurrence)
			out = append(out, Match{Signal: p.signals[si].name, Start: s, End: e, Negated: o.negated, Qualified: o.qualified, Hedged: o.hedged})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// buildAbout gathers the signals the about test names and those they refer
// to (their filters and modifiers, transitively), in dependency order, with
// an index of their patterns alone: About reads a text for these only.
func (p *Program) buildAbout() {
	p.aboutIndex, p.aboutOrder = p.subset(append([][]Condition{p.about}, p.aboutAny...))
}

// isAbout applies the about test to an analysed text: every `about`
// condition, and, when there is `about_any`, one of its lists. The words
// are those the matching conditions' signals cover.
func (p *Program) isAbout(a *analysis) (bool, int) {
	ok, words := a.allHold(p.about)
	if !ok {
		return false, 0
	}
	if len(p.aboutAny) == 0 {
		return true, words
	}
	best := -1
	for _, ts := range p.aboutAny {
		if ok, n := a.allHold(ts); ok && n > best {
			best = n
		}
	}
	if best < 0 {
		return false, 0
	}
	return true, words + best
}

// prune narrows the pattern index and the reading order to the signals
// that a rule, an about condition or a rewrite edit reaches (directly or
// through other signals' references): a rubric pays only for the part of
// its lexicon it uses; and, for each kind of text a rule or a decision list
// names, to the signals a text of that kind can need (ReadAs). Explain
// still reads every signal (fullIndex).
func (p *Program) prune() {
	p.fullIndex, p.fullOrder = p.index, p.order
	p.index, p.order = p.subset(p.roots(""))
	p.byKind = map[string]*kindReading{}
	for _, d := range p.decisions {
		for _, ru := range d.rules {
			for _, k := range slices.Concat(d.kinds, ru.kinds) {
				if p.byKind[k] == nil {
					kr := new(kindReading)
					kr.index, kr.order = p.subset(p.roots(k))
					p.byKind[k] = kr
				}
			}
		}
	}
}

// roots returns the conditions whose signals a text of the given kind can
// need ("": of any kind): the about test's and those of the rules that
// apply to it in the decision lists consulted for it (the rules of ReadAs),
// and the signals the lists' edits apply to.
func (p *Program) roots(kind string) [][]Condition {
	roots := append([][]Condition{p.about}, p.aboutAny...)
	for _, d := range p.decisions {
		if kind != "" && !d.admits(kind) {
			continue
		}
		for _, ru := range d.rules {
			if kind == "" || len(ru.kinds) == 0 || slices.Contains(ru.kinds, kind) {
				roots = append(roots, ru.when)
			}
		}
		for _, f := range d.finds {
			if f.signal != nil {
				roots = append(roots, []Condition{*f.signal})
			}
		}
	}
	return roots
}

// subset returns the patterns and the reading order of the signals the
// given conditions name and of every signal those refer to.
func (p *Program) subset(roots [][]Condition) (patternIndex, []int) {
	need := make([]bool, len(p.signals))
	var mark func(i int)
	mark = func(i int) {
		if need[i] {
			return
		}
		need[i] = true
		for _, d := range p.signals[i].deps() {
			mark(d)
		}
	}
	for _, ts := range roots {
		for _, t := range ts {
			for _, alt := range t.alts {
				mark(alt.sig)
			}
		}
	}
	var order []int
	for _, si := range p.order {
		if need[si] {
			order = append(order, si)
		}
	}
	return p.index.filter(need), order
}
