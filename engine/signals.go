package engine

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

// Program is a rubric's compiled rule language: its signals (its own and
// its lexicon's), its about test and its decision lists. Compile builds it;
// it is immutable once Finish has run, and safe for concurrent use.
type Program struct {
	signals []*signal
	byName  map[string]int
	// elements are the rubric's named alternatives of terms (its
	// `elements:`), which a condition names like a signal: the parts a
	// story's about test is composed of (the actor, the deed, the event).
	elements map[string][]termAlt
	// order lists the signals so that each comes after the signals its
	// filters and modifiers refer to.
	order []int
	index patternIndex
	// about are the conditions a text must satisfy to be about the story;
	// when aboutAny is set, one of its lists must hold as well.
	about    []Condition
	aboutAny [][]Condition
	// aboutIndex and aboutOrder are the patterns and the order of just the
	// signals the about test needs (buildAbout), so routing a text among
	// stories reads only those.
	aboutIndex patternIndex
	aboutOrder []int
	// fullIndex and fullOrder read every signal, for Explain; index and
	// order only those the rubric's decisions reach (see prune).
	fullIndex patternIndex
	fullOrder []int
	// byKind are the patterns and reading order for a text of one kind
	// (ReadAs; see prune).
	byKind    map[string]*kindReading
	decisions []*Decisions
	// readings holds reusable buffers for reading texts, so a grade
	// allocates little.
	readings sync.Pool
	// fromLexicon names the signals the rubric's lexicon defined; a rubric
	// need not use them all.
	fromLexicon map[string]bool
	// lex is the rubric's lexicon (nil for none), for its templates.
	lex *lexicon
	// vocab numbers every word a pattern names and every function word
	// the language check counts (see intern); langByID is languageWords by
	// those numbers.
	vocab    map[string]int32
	langByID []string
	// words is vocab as the table a text's words are looked up in.
	words *wordTable
	// cls are the word classes patterns may use (the rubric's and its
	// lexicon's).
	cls classes
	// lexicon is the lexicon used, as id@version; lexData its bytes.
	lexicon string
	lexData []byte
}

// kindReading is what a text of one kind is read for.
type kindReading struct {
	index patternIndex
	order []int
}

func newProgram() *Program {
	return &Program{byName: map[string]int{}}
}

// intern numbers every plain word the rubric's patterns name and turns each
// element's words into a bitset of those numbers, so matching a token
// costs one map lookup per token instead of one per element.
func (p *Program) intern() {
	p.vocab = map[string]int32{}
	id := func(w string) int32 {
		if n, ok := p.vocab[w]; ok {
			return n
		}
		n := int32(len(p.vocab))
		p.vocab[w] = n
		return n
	}
	internPats := func(pats []*pattern) {
		for _, pt := range pats {
			for k := range pt.elems {
				e := &pt.elems[k]
				var set bitset
				rest := e.alts[:0:0]
				for _, a := range e.alts {
					if a.kind == altWord {
						set.add(id(a.s))
					} else {
						if a.kind == altUpper {
							id(a.s) // the index finds it by its word
						}
						rest = append(rest, a)
					}
				}
				for w := range e.words {
					set.add(id(w))
				}
				for _, ws := range e.classes {
					for _, w := range ws {
						set.add(id(w))
					}
				}
				if set == nil {
					set = bitset{0} // no words: a non-nil empty set
				}
				e.set, e.alts, e.words, e.classes = set, rest, nil, nil
			}
		}
	}
	// The full index holds every pattern; the pruned index, the about
	// index and Explain's share them, so they are interned once, here.
	indexes := []*patternIndex{&p.fullIndex}
	for _, s := range p.signals {
		indexes = append(indexes, &s.exclude)
	}
	for _, d := range p.decisions {
		indexes = append(indexes, &d.edits)
	}
	for _, x := range indexes {
		internPats(x.pats)
	}
	kindIndexes := []*patternIndex{}
	for _, k := range slices.Sorted(maps.Keys(p.byKind)) {
		kindIndexes = append(kindIndexes, &p.byKind[k].index)
	}
	pack(append(append(indexes, &p.aboutIndex, &p.index), kindIndexes...))
	for _, x := range indexes {
		for _, pt := range x.pats {
			pt.setAnchors()
		}
	}
	anchors := newAnchorTable(indexes, len(p.vocab))
	packAnchors(indexes)
	// The function words the language check counts get ids too.
	for w := range languageWords {
		id(w)
	}
	p.langByID = make([]string, len(p.vocab))
	for w, lang := range languageWords {
		p.langByID[p.vocab[w]] = lang
	}
	p.words = newWordTable(p.vocab)
	p.words.anchors = anchors
	// The indexes that scan a text look a word's patterns up by its id;
	// so do a signal's exclude patterns, tried where an occurrence starts
	// (see excluded: they are owned by 0 there).
	scanned := append([]*patternIndex{&p.fullIndex, &p.aboutIndex, &p.index}, kindIndexes...)
	for _, d := range p.decisions {
		scanned = append(scanned, &d.edits)
	}
	for _, sg := range p.signals {
		if len(sg.exclude.pats) > 0 {
			clear(sg.exclude.owner)
			scanned = append(scanned, &sg.exclude)
		}
	}
	words := make([]string, len(p.vocab))
	for w, id := range p.vocab {
		words[id] = w
	}
	for _, x := range scanned {
		x.byID(p.vocab, words)
	}
}

// pack lays the patterns of the indexes, their elements and their word
// sets out one after another in memory, in the order the indexes hold
// them (a signal's patterns together), and points the indexes at the
// copies: the index tries a word's patterns in that order, and grading
// time goes mostly to reading them.
func pack(indexes []*patternIndex) {
	moved := map[*pattern]*pattern{}
	var all []*pattern
	nElems, nWords := 0, 0
	for _, x := range indexes {
		for _, pt := range x.pats {
			if _, ok := moved[pt]; ok {
				continue
			}
			moved[pt] = nil
			all = append(all, pt)
			nElems += len(pt.elems)
			for _, e := range pt.elems {
				nWords += len(e.set)
			}
		}
	}
	slab := make([]pattern, len(all))
	elems := make([]elem, 0, nElems)
	words := make([]uint64, 0, nWords)
	for i, pt := range all {
		slab[i] = *pt
		start := len(elems)
		for _, e := range pt.elems {
			w := len(words)
			words = append(words, e.set...)
			e.set = words[w:len(words):len(words)]
			elems = append(elems, e)
		}
		slab[i].elems = elems[start:len(elems):len(elems)]
		moved[pt] = &slab[i]
	}
	for _, x := range indexes {
		for k, pt := range x.pats {
			x.pats[k] = moved[pt]
		}
	}
}

// signal is a named family of patterns with how its occurrences are read.
type signal struct {
	name      string
	exclude   patternIndex // patterns that, matching at the same start, cancel an occurrence
	negatedBy []int
	qualified []int
	// qualifiedAfter are the signals that qualify an occurrence from after it.
	qualifiedAfter []int
	hedgedBy       []int
	quotes         bool
	reach          int  // as a hedge: words either side it reaches; 0 = its sentence
	back           bool // as a hedge, it reaches the sentence before its own too; as a negator, a question's words there
	rest           bool // as a negation cue, it reaches the rest of its sentence (restBefore)
	window         int  // words before an occurrence that negation and qualifiers reach
	after          int  // words after an occurrence that qualifiers reach ("the admission, though indirect,")
	near           []int
	nearIn         int
	nearSide       int // -1: near signals must start before; +1: end after; 0: either side
	notNearSide    int
	notNear        []int
	notNearIn      int
}

// Condition is one condition of a rule or of an about test ("a|b.hedged",
// "!c"): any of its alternatives holds, or, when negated, none does.
type Condition struct {
	not  bool
	alts []termAlt
	// min, when set ("2 of a|b|c"), is how many of the condition's written
	// terms must hold: an element counts once, however many of its
	// alternatives hold.
	min int
}

type termAlt struct {
	sig  int
	prop prop
	// group is the written term the alternative comes from (an element
	// gives several alternatives of one group), for min.
	group int
}

type prop uint8

const (
	propPlain     prop = iota // not negated
	propNegated               // negated
	propHedged                // not negated, not qualified, hedged
	propUnhedged              // not negated, not qualified, not hedged
	propQualified             // not negated, qualified
	propAny                   // every occurrence
)

var propNames = map[string]prop{
	"": propPlain, "negated": propNegated, "hedged": propHedged,
	"unhedged": propUnhedged, "qualified": propQualified, "any": propAny,
}

// Condition parses a condition ("a|b.hedged", "!c": '!' first negates the
// whole; "2 of a|b|c": at least two of its terms hold) over the program's
// signals and elements.
func (p *Program) Condition(s string) (Condition, error) {
	var t Condition
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "!") {
		t.not, s = true, strings.TrimSpace(s[1:])
	}
	if s == "" {
		return t, fmt.Errorf("empty condition")
	}
	if n, rest, ok := strings.Cut(s, " of "); ok && len(n) == 1 && n[0] >= '2' && n[0] <= '9' {
		t.min, s = int(n[0]-'0'), strings.TrimSpace(rest)
		if strings.Count(s, "|")+1 < t.min {
			return t, fmt.Errorf("condition %q asks for %d of fewer terms", s, t.min)
		}
	}
	for g, a := range strings.Split(s, "|") {
		name, property, _ := strings.Cut(strings.TrimSpace(a), ".")
		if alts, ok := p.elements[name]; ok {
			if property != "" {
				return t, fmt.Errorf("condition %q: element %q takes no property (give it in the element)", s, name)
			}
			for _, alt := range alts {
				alt.group = g
				t.alts = append(t.alts, alt)
			}
			continue
		}
		id, ok := p.byName[name]
		if !ok {
			return t, fmt.Errorf("condition %q names unknown signal %q", s, name)
		}
		pr, ok := propNames[property]
		if !ok {
			return t, fmt.Errorf("condition %q: unknown property %q (use negated, hedged, unhedged, qualified or any)", s, property)
		}
		t.alts = append(t.alts, termAlt{sig: id, prop: pr, group: g})
	}
	return t, nil
}

// element parses an element's alternatives ("a|b.any|c"), which may name
// signals only, under name.
func (p *Program) element(name, s string) error {
	if !ValidName(name) {
		return fmt.Errorf("element name %q: use lower-case letters, digits and underscores", name)
	}
	if _, ok := p.byName[name]; ok {
		return fmt.Errorf("element %q has a signal's name", name)
	}
	for _, a := range strings.Split(s, "|") {
		if n, _, _ := strings.Cut(strings.TrimSpace(a), "."); p.elements[n] != nil {
			return fmt.Errorf("element %q names element %q: name its signals", name, n)
		}
	}
	t, err := p.Condition(s)
	if err != nil {
		return err
	}
	if t.not || t.min > 0 {
		return fmt.Errorf("element %q: give alternatives only (a|b.any|c), not a negation or a count", name)
	}
	if p.elements == nil {
		p.elements = map[string][]termAlt{}
	}
	p.elements[name] = t.alts
	return nil
}

// occ is an occurrence with what the rubric's modifiers make of it.
type occ struct {
	occurrence
	negated, qualified, hedged bool
}

// analysis is a submission's signal occurrences, read once per grading.
type analysis struct {
	d         *doc
	occ       [][]occ
	raw, kept [][]occurrence
	trig, tmp []occ           // decide's buffers
	excl      [1][]occurrence // excluded's
	// touched are the signals whose lists are not empty, so the next
	// reading empties only those.
	touched []int
}

// analyseWith finds the occurrences of the signals of order (a subset
// closed under the signals' references) in d, with the patterns of idx,
// filters them and reads their modifiers. Signals are read in dependency
// order, so a filter or a modifier sees the occurrences its signals kept
// after their own filters. With from, the analysis of text that d revises
// by the same index and order, the patterns are tried only where d
// changed (rescan; b holds its buffers).
func (p *Program) analyseWith(d *doc, a *analysis, idx *patternIndex, order []int, from *analysis, b *rereadBuf) *analysis {
	n := len(p.signals)
	a.d = d
	if len(a.raw) != n {
		a.raw, a.kept, a.occ = resetLists(a.raw, n), resetLists(a.kept, n), resetLists(a.occ, n)
	} else {
		// (Each list resliced in place: its length is written, not its
		// pointer, which costs a write barrier while the collector runs.)
		for _, si := range a.touched {
			a.raw[si] = a.raw[si][:0]
			a.kept[si] = a.kept[si][:0]
			a.occ[si] = a.occ[si][:0]
		}
	}
	a.touched = a.touched[:0]
	raw, kept := a.raw, a.kept
	if from != nil {
		idx.rescan(d, from.d, raw, from.raw, from.touched, b)
	} else {
		idx.scan(d, raw)
	}
	for _, si := range order {
		s := p.signals[si]
		list := raw[si]
		if len(list) == 0 {
			continue
		}
		a.touched = append(a.touched, si)
		for _, o := range list {
			if s.excluded(d, o.first, a.excl[:]) {
				continue
			}
			if len(s.near) > 0 && !anyNear(d, kept, s.near, o, s.nearIn, s.nearSide) {
				continue
			}
			if len(s.notNear) > 0 && anyNear(d, kept, s.notNear, o, s.notNearIn, s.notNearSide) {
				continue
			}
			x := occ{occurrence: o}
			x.negated = len(s.negatedBy) > 0 && (anyBefore(d, kept, s.negatedBy, o, s.window) || p.restBefore(d, kept, s.negatedBy, o) || p.answeredNo(d, kept, s.negatedBy, o))
			x.qualified = len(s.qualified) > 0 && (anyBefore(d, kept, s.qualified, o, s.window) || sentenceAdverb(d, kept, s.qualified, o, s.window) || anyAfter(d, kept, s.qualifiedAfter, o, s.after))
			x.hedged = s.quotes && (d.quoted[o.first] || quotedWord(d, o))
			for _, h := range s.hedgedBy {
				if x.hedged {
					break
				}
				x.hedged = reaches(d, kept[h], o, p.signals[h].reach) || p.signals[h].back && inNextSentence(d, kept[h], o)
			}
			// (appended in place: see above)
			a.occ[si] = append(a.occ[si], x)
			kept[si] = append(kept[si], o)
		}
	}
	return a
}

// resetLists returns lists with n empty lists, keeping their memory.
func resetLists[T any](lists [][]T, n int) [][]T {
	if cap(lists) < n {
		lists = make([][]T, n)
	}
	lists = lists[:n]
	for i := range lists {
		lists[i] = lists[i][:0]
	}
	return lists
}

// deps returns the signals s refers to.
func (s *signal) deps() []int {
	var out []int
	for _, l := range [][]int{s.negatedBy, s.qualified, s.qualifiedAfter, s.hedgedBy, s.near, s.notNear} {
		out = append(out, l...)
	}
	return out
}

// sortSignals orders the signals by their references and reports a cycle.
func (p *Program) sortSignals() error {
	const (
		unseen = iota
		visiting
		done
	)
	state := make([]int, len(p.signals))
	var visit func(i int, path []string) error
	visit = func(i int, path []string) error {
		switch state[i] {
		case done:
			return nil
		case visiting:
			return fmt.Errorf("signals refer to each other in a cycle: %s", strings.Join(append(path, p.signals[i].name), " → "))
		}
		state[i] = visiting
		for _, d := range p.signals[i].deps() {
			if err := visit(d, append(path, p.signals[i].name)); err != nil {
				return err
			}
		}
		state[i] = done
		p.order = append(p.order, i)
		return nil
	}
	for i := range p.signals {
		if err := visit(i, nil); err != nil {
			return err
		}
	}
	return nil
}

// excluded reports whether an exclude pattern of s matches at token i of
// d, found by the exclude index as a scan finds patterns; buf holds the
// match.
func (s *signal) excluded(d *doc, i int, buf [][]occurrence) bool {
	if len(s.exclude.pats) == 0 {
		return false
	}
	buf[0] = buf[0][:0]
	s.exclude.scanAt(d, buf, i)
	return len(buf[0]) > 0
}

// quotedWord reports whether the occurrence is wrapped in quotation marks
// directly ("'admitted'").
func quotedWord(d *doc, o occurrence) bool {
	if o.first == 0 || o.last+1 >= len(d.toks) {
		return false
	}
	b, e := d.word(o.first-1), d.word(o.last+1)
	return d.toks[o.first-1].punct && d.toks[o.last+1].punct && (b == "'" || b == "\"") && b == e
}

// anyNear reports whether any occurrence of the given signals is in o's
// sentence and, when within > 0, no more than within tokens away.
//
// Unlike a hedge's reach, an occurrence of another signal inside o counts:
// "Chinese officials" inside "according to the report, Chinese officials"
// keeps that attribution from being one.
// With side -1 only occurrences that start before o count, with +1 only
// those that end after it.
func anyNear(d *doc, raw [][]occurrence, sigs []int, o occurrence, within, side int) bool {
	for _, si := range sigs {
		list := raw[si]
		if side != 0 {
			for _, h := range list {
				if (side < 0 && h.first < o.first || side > 0 && h.last > o.last) && reachesAt(d, []occurrence{h}, o, within, true) {
					return true
				}
			}
			continue
		}
		if reachesAt(d, list, o, within, true) {
			return true
		}
	}
	return false
}

// inNextSentence reports whether one of list is in the sentence right after
// o's (a hedge that points back at the sentence before it).
func inNextSentence(d *doc, list []occurrence, o occurrence) bool {
	next := d.toks[o.last].sent + 1
	for _, h := range list {
		if d.toks[h.first].sent == next {
			return true
		}
	}
	return false
}

// reaches reports whether one of list is in o's sentence and within the
// given distance in tokens (0: anywhere in the sentence).
func reaches(d *doc, list []occurrence, o occurrence, within int) bool {
	return reachesAt(d, list, o, within, false)
}

// reachesAt is reaches; with inside, an occurrence within o's own words
// counts too.
func reachesAt(d *doc, list []occurrence, o occurrence, within int, inside bool) bool {
	sent := d.toks[o.first].sent
	for _, h := range list {
		if d.toks[h.first].sent != sent {
			continue
		}
		if h.first >= o.first && h.last <= o.last {
			if inside {
				return true
			}
			continue // itself, or inside it
		}
		if within == 0 {
			return true
		}
		gap := h.first - o.last
		if h.last < o.first {
			gap = o.first - h.last
		}
		if gap <= within {
			return true
		}
	}
	return false
}

// anyBefore reports whether an occurrence of the given signals ends within
// window tokens before o starts, in the same clause (negation, qualifiers).
// A cue that ends with the quotation mark closing it, right before the word,
// reaches it too: the quotation marks are on the cue ("'possibly'
// carcinogenic"), not a quotation the word is outside of; so does a cue set
// off by commas right before the word ("had, in effect, signed its name"),
// a parenthesis on the word. So does a cue before the quotation mark that
// opens a quotation of the word itself ("not an 'ambiguous' remark"): the
// marks are on the word, and the cue reads it in the clause before them.
func anyBefore(d *doc, raw [][]occurrence, sigs []int, o occurrence, window int) bool {
	clause := d.toks[o.first].clause
	opened := int32(-1) // the clause before a quotation mark that opens the word's quotation
	if o.first >= 2 && d.quoted[o.first] && !d.quoted[o.first-1] && quoteMark(d.word(o.first-1)) {
		opened = d.toks[o.first-2].clause
	}
	for _, si := range sigs {
		for _, h := range raw[si] {
			if h.last >= o.first || o.first-h.last-1 > window {
				continue
			}
			if d.toks[h.last].clause == clause || d.toks[h.last].clause == opened || h.last == o.first-1 && quoteMark(d.word(h.last)) || quotedCue(d, h, o) || parenthetical(d, h, o) {
				return true
			}
		}
	}
	return false
}

// sentenceAdverb reports whether a qualifier opens o's sentence and is set
// off from the clause that holds o by its comma ("Tacitly, China conceded
// the hacks"; "In effect, Beijing confessed"): a sentence adverb reaches the
// clause after it. Negation does not read this way ("No, China admitted").
func sentenceAdverb(d *doc, raw [][]occurrence, sigs []int, o occurrence, window int) bool {
	for _, si := range sigs {
		for _, h := range raw[si] {
			if h.last+1 >= o.first || o.first-h.last-1 > window || d.word(h.last+1) != "," {
				continue
			}
			opens := h.first == 0 || d.toks[h.first-1].sent != d.toks[h.first].sent
			if opens && d.toks[o.first].clause == d.toks[h.last+1].clause+1 {
				return true
			}
		}
	}
	return false
}

// restBefore reports whether a negation cue that reaches the rest of its
// sentence (negates_rest) comes before o in o's sentence with no semicolon
// or clause word (but, however, …) between them: a correction's frame ("an
// earlier version said …") withdraws all it reports, however long.
func (p *Program) restBefore(d *doc, raw [][]occurrence, sigs []int, o occurrence) bool {
	sent := d.toks[o.first].sent
	for _, si := range sigs {
		if !p.signals[si].rest {
			continue
		}
	cues:
		for _, h := range raw[si] {
			if h.last >= o.first || d.toks[h.last].sent != sent {
				continue
			}
			for i := h.last + 1; i < o.first; i++ {
				if w := d.word(i); w == ";" || clauseWord(w) {
					continue cues
				}
			}
			return true
		}
	}
	return false
}

// answeredNo reports whether o's sentence is a question and a negation cue
// that reaches back (reaches_back) is in the sentence after it: the answer
// denies what was asked ("Was it a tacit admission? No.", "Only possibly?
// Not really.").
func (p *Program) answeredNo(d *doc, raw [][]occurrence, sigs []int, o occurrence) bool {
	sent := d.toks[o.last].sent
	end := o.last
	for end+1 < len(d.toks) && d.toks[end+1].sent == sent {
		end++
	}
	if d.word(end) != "?" {
		return false
	}
	for _, si := range sigs {
		if p.signals[si].back && inNextSentence(d, raw[si], o) {
			return true
		}
	}
	return false
}

// parenthetical reports whether cue h is set off by commas right before o
// (", in effect, signed"): a comma before h and one between h and o, with
// nothing else between them.
func parenthetical(d *doc, h, o occurrence) bool {
	return h.first > 0 && h.last == o.first-2 && d.word(h.last+1) == "," && d.word(h.first-1) == ","
}

// quotedCue reports whether cue h is quoted and its closing quotation mark
// stands right before o ("'tacitly' admits", "'possibly' carcinogenic").
func quotedCue(d *doc, h, o occurrence) bool {
	return h.last == o.first-2 && d.quoted[h.last] && !d.quoted[o.first] && quoteMark(d.word(o.first-1))
}

// quoteMark reports whether a token is a quotation mark.
func quoteMark(t string) bool { return t == "'" || t == "\"" }

// anyAfter reports whether an occurrence of the given signals starts within
// window tokens after o ends, in the same sentence.
func anyAfter(d *doc, kept [][]occurrence, sigs []int, o occurrence, window int) bool {
	if window == 0 {
		return false
	}
	sent := d.toks[o.last].sent
	for _, si := range sigs {
		for _, h := range kept[si] {
			if h.first > o.last && h.first-o.last-1 <= window && d.toks[h.first].sent == sent {
				return true
			}
		}
	}
	return false
}

// has reports whether occurrence o has property p.
func (o *occ) has(p prop) bool {
	switch p {
	case propPlain:
		return !o.negated
	case propNegated:
		return o.negated
	case propHedged:
		return !o.negated && !o.qualified && o.hedged
	case propUnhedged:
		return !o.negated && !o.qualified && !o.hedged
	case propQualified:
		return !o.negated && o.qualified
	}
	return true // propAny
}

// matches returns the occurrences of signal si that have property p.
func (a *analysis) matches(si int, p prop, dst []occ) []occ {
	for i := range a.occ[si] {
		if o := &a.occ[si][i]; o.has(p) {
			dst = append(dst, *o)
		}
	}
	return dst
}

// any reports whether term t holds, without collecting its occurrences.
func (a *analysis) any(t Condition) bool {
	if t.min > 0 {
		return a.counted(t) != t.not
	}
	for _, alt := range t.alts {
		for i := range a.occ[alt.sig] {
			if a.occ[alt.sig][i].has(alt.prop) {
				return !t.not
			}
		}
	}
	return t.not
}

// counted reports whether at least t.min of t's written terms hold.
func (a *analysis) counted(t Condition) bool {
	n, last := 0, -1
	for _, alt := range t.alts {
		if alt.group == last {
			continue
		}
		for i := range a.occ[alt.sig] {
			if a.occ[alt.sig][i].has(alt.prop) {
				n, last = n+1, alt.group
				break
			}
		}
	}
	return n >= t.min
}

// holds reports whether term t holds, and appends to spans the occurrences
// that make a positive term hold.
func (a *analysis) holds(t Condition, spans []occ) (bool, []occ) {
	n := len(spans)
	for _, alt := range t.alts {
		spans = a.matches(alt.sig, alt.prop, spans)
	}
	found := len(spans) > n
	if t.min > 0 {
		found = a.counted(t)
	}
	if t.not {
		return !found, spans[:n]
	}
	if !found {
		return false, spans[:n]
	}
	return found, spans
}

func (a *analysis) allHold(ts []Condition) (bool, int) {
	words := 0
	for _, t := range ts {
		var ok bool
		if ok, a.tmp = a.holds(t, a.tmp[:0]); !ok {
			return false, 0
		}
		for _, o := range a.tmp {
			words += o.last - o.first + 1
		}
	}
	return true, words
}
