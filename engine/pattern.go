package engine

import (
	"fmt"
	mathbits "math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A pattern is a sequence of token matchers, written as words separated by
// spaces. Each element is one or more alternatives separated by '|':
//
//	word     the word itself            (admitted)
//	word~    every form of the word     (admit~: admit, admits, admitted, admitting; inflect.go)
//	pre*     a word starting with pre   (acknowledg*)
//	*suf     a word ending with suf     (*n't)
//	_        any one token
//	@Cap     a word written with an upper-case initial in the submission
//	WHO      a word written in capitals (two letters or more): the word
//	         written in capitals in the submission, as an initialism is
//	/re/     a word matching the regular expression re in full
//
// followed optionally by '?' (zero or one) or '{m,n}' (m to n times). Words
// are matched lower-cased; punctuation marks such as ':' and ',' are tokens
// of their own. A pattern never matches across a sentence break.
type pattern struct {
	src   string
	elems []elem
	// greedy patterns take as many optional words as they can (rewrites);
	// others take as few (signals, so occurrences stay tight).
	greedy bool
	// anchors are the word sets of the required elements after the first
	// that hold only plain words: a text that lacks every word of one of
	// them cannot match, so the pattern is not tried there (see
	// setAnchors). Each is numbered in the program's anchor table
	// (anchorTable), and a sentence holds the numbers of the anchors it
	// has a word of as a bitset (doc.sentAnchors), so an anchor is checked
	// with one bit; anchors holds the numbers, the smallest sets first (an
	// array the program's patterns share, see packAnchors); the first is
	// the pattern's gate (see hit). anchorWords are the anchors' words
	// until the table numbers them.
	anchors     []int32
	anchorWords [][]int32
	// simple: not greedy, and the first element is one word exactly, so a
	// match found by the index's first word goes on from the next.
	simple bool
	// checkFirst: the index finds the pattern by a word of its first
	// element that must also be written in capitals (an initialism,
	// "WHO"), so a word found is still matched against the element.
	checkFirst bool
	// span is the most tokens a match, or a try, reads: its elements'
	// largest repetitions, summed (see reach).
	span int32
}

// gate is the number of p's first anchor (its smallest set), or -1: a
// word's hits are grouped by it, and a sentence without a word of it
// passes over the group at once (scanAt).
func (p *pattern) gate() int32 {
	if len(p.anchors) == 0 {
		return -1
	}
	return p.anchors[0]
}

// maxAnchorIDs is the most words of an anchor among the few, which come
// first (a one-word anchor, once the need, is the gate: see hit).
const maxAnchorIDs = 4

// setAnchors chooses p's anchors (and whether it is simple) once its
// elements are interned: the smallest sets first, and of those the later
// elements (the content words that end a phrase are the rarer).
func (p *pattern) setAnchors() {
	p.simple = !p.greedy && p.elems[0].min == 1 && p.elems[0].max == 1
	p.anchors, p.anchorWords = nil, nil
	p.span = 0
	for _, e := range p.elems {
		p.span += int32(e.max)
	}
	var few, many [][]int32
	for k := len(p.elems) - 1; k >= 1; k-- {
		e := &p.elems[k]
		if e.min == 0 || len(e.alts) > 0 || e.set == nil {
			continue
		}
		var ids []int32
		for w, bits := range e.set {
			for ; bits != 0; bits &= bits - 1 {
				ids = append(ids, int32(w*64+mathbits.TrailingZeros64(bits)))
			}
		}
		switch {
		case len(ids) == 0:
			continue
		case len(ids) <= maxAnchorIDs:
			few = append(few, ids)
		default:
			many = append(many, ids)
		}
	}
	slices.SortStableFunc(few, func(a, b []int32) int { return len(a) - len(b) })
	slices.SortStableFunc(many, func(a, b []int32) int { return len(a) - len(b) })
	p.anchorWords = append(few, many...)
}

// anchorTable numbers the distinct anchors of a program's patterns and
// lists, for each word id, the anchors that hold it, so reading a text
// finds the anchors each sentence has a word of once (doc.intern) rather
// than each pattern looking for its anchors' words at each try.
type anchorTable struct {
	n int
	// the anchors of word id are ids[at[id]:at[id+1]] (ids past at's end
	// are in none).
	at, ids []int32
}

// newAnchorTable numbers the anchors of the patterns of the indexes (their
// anchorWords, which it drops for anchors) for a vocabulary of nWords.
func newAnchorTable(indexes []*patternIndex, nWords int) *anchorTable {
	num := map[string]int32{}
	byWord := make([][]int32, nWords)
	key := make([]byte, 0, 64)
	for _, x := range indexes {
		for _, pt := range x.pats {
			if pt.anchorWords == nil {
				continue // numbered already (shared by another index)
			}
			pt.anchors = make([]int32, 0, len(pt.anchorWords))
			for _, ws := range pt.anchorWords {
				key = key[:0]
				for _, w := range ws {
					key = strconv.AppendInt(key, int64(w), 10)
					key = append(key, ' ')
				}
				n, ok := num[string(key)]
				if !ok {
					n = int32(len(num))
					num[string(key)] = n
					for _, w := range ws {
						byWord[w] = append(byWord[w], n)
					}
				}
				pt.anchors = append(pt.anchors, n)
			}
			pt.anchorWords = nil
		}
	}
	t := &anchorTable{n: len(num), at: make([]int32, nWords+1)}
	for w, l := range byWord {
		t.at[w] = int32(len(t.ids))
		t.ids = append(t.ids, l...)
	}
	t.at[nWords] = int32(len(t.ids))
	return t
}

// bitsIn returns how many numbers b holds.
func bitsIn(b bitset) int {
	n := 0
	for _, w := range b {
		n += mathbits.OnesCount64(w)
	}
	return n
}

// packAnchors moves the anchors of the patterns of the indexes into one
// array, in the order the indexes hold the patterns, so reading them
// follows the patterns through memory.
func packAnchors(indexes []*patternIndex) {
	seen := map[*pattern]bool{}
	var all []*pattern
	n := 0
	for _, x := range indexes {
		for _, pt := range x.pats {
			if !seen[pt] {
				seen[pt] = true
				all = append(all, pt)
				n += len(pt.anchors)
			}
		}
	}
	pool := make([]int32, 0, n)
	for _, pt := range all {
		at := len(pool)
		pool = append(pool, pt.anchors...)
		pt.anchors = pool[at:len(pool):len(pool)]
	}
}

// possible reports whether sentence s of d has a word of each of p's
// anchors (always, without anchors): a match never leaves the sentence it
// starts in.
func (p *pattern) possible(d *doc, s int) bool {
	return allIn(d.sentAnchors[s*d.awidth:(s+1)*d.awidth], p.anchors)
}

// allIn reports whether a sentence whose anchors are row (doc.sentAnchors)
// has a word of each anchor of c.
func allIn(row []uint64, c []int32) bool {
	for _, a := range c {
		if row[a>>6]&(1<<(uint(a)&63)) == 0 {
			return false
		}
	}
	return true
}

type elem struct {
	alts     []alt
	min, max int
	// words holds the plain-word alternatives when there are many, so a
	// token is checked with one map lookup; alts then holds the others.
	words map[string]bool
	// set holds the plain-word alternatives as the rubric's word ids once
	// the rubric is interned (see Program.intern); alts then holds the rest.
	set bitset
	// any: an alternative is _, so every token matches.
	any bool
	// classes are the words of the element's word classes (<name>), until
	// the rubric is interned and they join set.
	classes [][]string
}

// bitset is a set of small non-negative integers.
type bitset []uint64

func (b bitset) has(i int32) bool {
	return i >= 0 && int(i>>6) < len(b) && b[i>>6]&(1<<(uint(i)&63)) != 0
}

func (b *bitset) add(i int32) {
	for int(i>>6) >= len(*b) {
		*b = append(*b, 0)
	}
	(*b)[i>>6] |= 1 << (uint(i) & 63)
}

// manyWords is how many plain-word alternatives make an element use a map.
const manyWords = 6

type altKind uint8

const (
	altWord altKind = iota
	altPrefix
	altSuffix
	altAny
	altCap
	altUpper
	altRegexp
	// altNotIn is <!name!…>: a word (not a punctuation mark) in none of
	// the named classes ("officials have <!attribution_verb>": had or have
	// and anything but a verb of saying).
	altNotIn
)

type alt struct {
	kind altKind
	s    string
	re   *regexp.Regexp
	not  map[string]bool // altNotIn's words
	// noneOf is a regular expression's characters when it is only a run of
	// characters outside a set ("/[^,;:]+/", a word that is no such mark):
	// it matches a word without any of them, with no regular expression run.
	noneOf string
}

const maxRepeat = 16

// maxWays bounds the product of a pattern's repetition ranges (the
// embedded rubric's largest is 192).
const maxWays = 1024

// compilePattern parses src. Word-class placeholders (<name>) are looked
// up in cls, the classes of the rubric and its lexicon.
func compilePattern(src string, cls classes) (*pattern, error) {
	fields, err := splitHyphens(strings.Fields(src))
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", src, err)
	}
	if len(fields) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	p := &pattern{src: src}
	bodies := make([]string, 0, len(fields))
	for _, f := range fields {
		e, err := compileElem(f, cls)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: %w", src, err)
		}
		if len(p.elems) == 0 && e.hasNotIn() {
			return nil, fmt.Errorf("pattern %q: %s cannot start a pattern (patterns are indexed by their first word)", src, f)
		}
		p.elems = append(p.elems, e)
		bodies = append(bodies, elemBody(f))
	}
	if len(p.elems) > 24 {
		return nil, fmt.Errorf("pattern %q: more than 24 elements", src)
	}
	// Matching tries every combination of the repetition counts, so their
	// product bounds the work at each word: a file with many _{0,16} in
	// a row would otherwise take hours to grade one long sentence.
	ways := 1
	for _, e := range p.elems {
		if ways *= e.max - e.min + 1; ways > maxWays {
			return nil, fmt.Errorf("pattern %q: its repetitions allow more than %d ways to match; use fewer or narrower {m,n} and ?", src, maxWays)
		}
	}
	allOptional := true
	for _, e := range p.elems {
		if e.min > 0 {
			allOptional = false
		}
	}
	if allOptional {
		return nil, fmt.Errorf("pattern %q matches nothing: every element is optional", src)
	}
	p.mergeRuns(bodies)
	return p, nil
}

// mergeRuns makes a run of elements written alike after the first
// ("/[^,;:]+/? /[^,;:]+/? /[^,;:]+/?", "_ _{0,3}") one element whose
// repetitions are theirs summed ("/[^,;:]+/{0,3}", "_{1,4}"). It matches
// what the run matches: the elements test each token alike, so a way
// through the run reads as many tokens as its counts sum to, and the rest
// of the pattern follows from there; trying the counts lazily (greedily)
// finds the fewest (most) tokens the rest can follow, which is what the
// one element finds. Matching the run tried every combination of its
// counts (2⁶ for six '?'), the one element tries each sum once. The first
// element is left alone (the index finds patterns by it), and so are the
// limits compilePattern checks, which count the elements as written.
func (p *pattern) mergeRuns(bodies []string) {
	out := p.elems[:1]
	for k := 1; k < len(p.elems); k++ {
		if n := len(out) - 1; n >= 1 && bodies[k] == bodies[k-1] {
			out[n].min += p.elems[k].min
			out[n].max += p.elems[k].max
			continue
		}
		out = append(out, p.elems[k])
	}
	p.elems = out
}

// elemBody is an element as written without its repetition ('?' or
// '{m,n}'): two elements with the same body test a token alike.
func elemBody(f string) string {
	switch {
	case strings.HasSuffix(f, "}") && strings.LastIndexByte(f, '{') > 0 && !strings.HasPrefix(f, "/"):
		return f[:strings.LastIndexByte(f, '{')]
	case len(f) > 1 && strings.HasSuffix(f, "?") && !strings.HasSuffix(f, `\?`):
		return f[:len(f)-1]
	}
	return f
}

// splitHyphens writes a hyphenated word the way the text is read: the
// tokeniser splits "closed-door" into closed, -, door, so the element
// closed-door becomes the three elements closed - door (and sino-* becomes
// sino - _). A hyphenated word among other alternatives, or repeated, could
// never match one token; that is an error that says what to write instead.
func splitHyphens(fields []string) ([]string, error) {
	var out []string
	for _, f := range fields {
		if !hyphenated(f) {
			out = append(out, f)
			continue
		}
		if strings.Contains(f, "|") {
			return nil, fmt.Errorf("hyphen trap: %q puts a hyphenated word among alternatives, but a text reads a hyphenated word as its parts and the hyphen; give the hyphenated word a pattern of its own", f)
		}
		if strings.HasSuffix(f, "?") || strings.HasSuffix(f, "}") {
			return nil, fmt.Errorf("hyphen trap: %q repeats a hyphenated word; give it a pattern of its own, or write its parts with \"-?\" between them", f)
		}
		if strings.HasSuffix(f, "~") {
			parts, err := inflectedParts(f)
			if err != nil {
				return nil, err
			}
			out = append(out, parts...)
			continue
		}
		for i, part := range strings.Split(f, "-") {
			if part == "" {
				return nil, fmt.Errorf("hyphen trap: %q has an empty part; write a lone hyphen as \"-\"", f)
			}
			if part == "*" {
				part = "_"
			}
			if i > 0 {
				out = append(out, "-")
			}
			out = append(out, part)
		}
	}
	return out, nil
}

// hyphenated reports whether an alternative of element f is a word with an
// inner hyphen ("closed-door", "sino-*"), not a lone "-" or a regular
// expression.
func hyphenated(f string) bool {
	if strings.HasPrefix(f, "/") {
		return false
	}
	if i := strings.LastIndexByte(f, '{'); i > 0 && strings.HasSuffix(f, "}") {
		f = f[:i]
	}
	f = strings.TrimSuffix(f, "?")
	for _, a := range strings.Split(f, "|") {
		if len(a) > 1 && strings.Contains(a, "-") {
			return true
		}
	}
	return false
}

// initialism reports whether a is written in capitals, two letters or more,
// and is read from a text as one word ("WHO", "US", "U.S.").
func initialism(a string) bool {
	return a != strings.ToLower(a) && allUpper(a) && tokenWord(strings.ToLower(a))
}

// tokenWord reports whether w is read from a text as one token, itself.
func tokenWord(w string) bool {
	if plainWord(w) {
		return true
	}
	var d doc
	d.reset(w)
	return len(d.toks) == 1 && d.word(0) == w
}

// plainWord reports whether w is lower-case ASCII letters and digits, which
// the tokeniser always reads as one word, itself.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return w != ""
}

// classes are named word classes: every form of a word family, one token
// each ("admit", "admits", "admitted", "admitting").
type classes map[string][]string

// words are the words of placeholder a: <name>, the words of a class, or
// <name!other!…>, the words of the first class that are in none of the
// others ("<month_name!fact_month>": a month other than the story's).
func (cls classes) words(a string) ([]string, error) {
	names := strings.Split(a[1:len(a)-1], "!")
	for _, n := range names {
		if _, ok := cls[n]; !ok {
			return nil, fmt.Errorf("unknown placeholder %s: name a word class of the rubric or its lexicon", a)
		}
	}
	if len(names) == 1 {
		return cls[names[0]], nil
	}
	minus := map[string]bool{}
	for _, n := range names[1:] {
		for _, w := range cls[n] {
			minus[w] = true
		}
	}
	var out []string
	for _, w := range cls[names[0]] {
		if !minus[w] {
			out = append(out, w)
		}
	}
	return out, nil
}

func compileElem(f string, cls classes) (elem, error) {
	e := elem{min: 1, max: 1}
	switch {
	case strings.HasSuffix(f, "}") && strings.LastIndexByte(f, '{') > 0 && !strings.HasPrefix(f, "/"):
		i := strings.LastIndexByte(f, '{')
		lo, hi, ok := strings.Cut(f[i+1:len(f)-1], ",")
		m, err1 := strconv.Atoi(lo)
		n, err2 := strconv.Atoi(hi)
		if !ok || err1 != nil || err2 != nil || m < 0 || n < m || n == 0 || n > maxRepeat {
			return e, fmt.Errorf("bad repetition %q: want {m,n} with 0 ≤ m ≤ n ≤ %d, n > 0", f[i:], maxRepeat)
		}
		e.min, e.max, f = m, n, f[:i]
	case len(f) > 1 && strings.HasSuffix(f, "?") && !strings.HasSuffix(f, `\?`):
		e.min, f = 0, f[:len(f)-1]
	}
	f = strings.ReplaceAll(f, `\?`, "?")
	if len(f) > 2 && strings.HasPrefix(f, "/") && strings.HasSuffix(f, "/") {
		re, err := regexp.Compile("^(?:" + f[1:len(f)-1] + ")$")
		if err != nil {
			return e, fmt.Errorf("bad regular expression %s: %v", f, err)
		}
		e.alts = []alt{{kind: altRegexp, re: re, s: f, noneOf: negatedRun(f[1 : len(f)-1])}}
		return e, nil
	}
	for _, a := range strings.Split(f, "|") {
		switch {
		case a == "":
			return e, fmt.Errorf("empty alternative in %q", f)
		case a == "_":
			e.alts = append(e.alts, alt{kind: altAny})
			e.any = true
		case a == "@Cap":
			e.alts = append(e.alts, alt{kind: altCap})
		case a == "*":
			return e, fmt.Errorf("a lone '*' in %q: use _ for any token", f)
		case len(a) > 1 && strings.HasSuffix(a, "~"):
			forms, err := inflected(a)
			if err != nil {
				return e, err
			}
			for _, w := range forms {
				e.alts = append(e.alts, alt{kind: altWord, s: w})
			}
		case strings.HasPrefix(a, "<!") && strings.HasSuffix(a, ">") && len(a) > 3:
			not := map[string]bool{}
			for _, n := range strings.Split(a[2:len(a)-1], "!") {
				ws, err := cls.words("<" + n + ">")
				if err != nil {
					return e, err
				}
				for _, w := range ws {
					not[w] = true
				}
			}
			e.alts = append(e.alts, alt{kind: altNotIn, s: a, not: not})
		case strings.HasPrefix(a, "<") && strings.HasSuffix(a, ">"):
			words, err := cls.words(a)
			if err != nil {
				return e, err
			}
			e.classes = append(e.classes, words)
		case strings.HasSuffix(a, "*"):
			e.alts = append(e.alts, alt{kind: altPrefix, s: strings.ToLower(a[:len(a)-1])})
		case strings.HasPrefix(a, "*"):
			e.alts = append(e.alts, alt{kind: altSuffix, s: strings.ToLower(a[1:])})
		case strings.ContainsAny(a, "*/@{}<>"):
			return e, fmt.Errorf("bad alternative %q", a)
		case initialism(a):
			// "WHO": the word written in capitals, not the pronoun "who".
			e.alts = append(e.alts, alt{kind: altUpper, s: strings.ToLower(a)})
		case !tokenWord(a):
			return e, fmt.Errorf("%q can never match: a text's words are letters and digits with inner apostrophes or single-letter full stops (u.s.), and each punctuation mark is a word of its own", a)
		default:
			e.alts = append(e.alts, alt{kind: altWord, s: strings.ToLower(a)})
		}
	}
	e.splitWords()
	return e, nil
}

// splitWords moves many plain-word alternatives into a map. The index still
// sees every alternative through allAlts.
func (e *elem) splitWords() {
	n := 0
	for _, a := range e.alts {
		if a.kind == altWord {
			n++
		}
	}
	if n < manyWords {
		return
	}
	e.words = make(map[string]bool, n)
	rest := e.alts[:0:0]
	for _, a := range e.alts {
		if a.kind == altWord {
			e.words[a.s] = true
		} else {
			rest = append(rest, a)
		}
	}
	e.alts = rest
}

// hasNotIn reports whether an alternative of the element is <!name>.
func (e *elem) hasNotIn() bool {
	for _, a := range e.alts {
		if a.kind == altNotIn {
			return true
		}
	}
	return false
}

// allAlts returns every alternative of the element, words included.
func (e *elem) allAlts() []alt {
	if e.words == nil && e.classes == nil {
		return e.alts
	}
	out := make([]alt, 0, len(e.words)+len(e.alts))
	for w := range e.words {
		out = append(out, alt{kind: altWord, s: w})
	}
	for _, ws := range e.classes {
		for _, w := range ws {
			out = append(out, alt{kind: altWord, s: w})
		}
	}
	return append(out, e.alts...)
}

// match reports whether token t, whose word is w, matches the alternative.
func (a *alt) match(t *token, w string) bool {
	switch a.kind {
	case altWord:
		return w == a.s
	case altPrefix:
		return strings.HasPrefix(w, a.s)
	case altSuffix:
		return strings.HasSuffix(w, a.s)
	case altAny:
		return true
	case altNotIn:
		return !t.punct && !a.not[w]
	case altCap:
		return t.cap && !t.punct
	case altUpper:
		return t.upper && w == a.s
	default:
		if a.noneOf != "" {
			return w != "" && !strings.ContainsAny(w, a.noneOf)
		}
		return a.re.MatchString(w)
	}
}

// negatedRun returns the characters of a regular expression that is only
// "[^chars]+", the characters printable ASCII with no class syntax among
// them, and "" for any other expression.
func negatedRun(src string) string {
	chars, ok := strings.CutPrefix(src, "[^")
	if !ok {
		return ""
	}
	if chars, ok = strings.CutSuffix(chars, "]+"); !ok || chars == "" {
		return ""
	}
	for _, c := range []byte(chars) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`\-[]^`, c) >= 0 {
			return ""
		}
	}
	return chars
}

// match reports whether token i of d matches the element.
func (e *elem) match(d *doc, i int) bool {
	if e.any {
		return true
	}
	t := &d.toks[i]
	if e.set != nil {
		if e.set.has(t.id) {
			return true
		}
		if len(e.alts) == 0 {
			return false
		}
	} else {
		if e.words != nil && e.words[d.word(i)] {
			return true
		}
		for _, ws := range e.classes {
			if slices.Contains(ws, d.word(i)) {
				return true
			}
		}
	}
	w := d.word(i)
	for k := range e.alts {
		if e.alts[k].match(t, w) {
			return true
		}
	}
	return false
}

// matchAt returns the index one past the last token of the shortest match of
// the pattern's elements from element k starting at token i, or -1. Lazy
// repetition keeps matches tight ("support _{0,3} taiwan").
func (p *pattern) matchAt(d *doc, k, i int) int {
	if k == len(p.elems) {
		return i
	}
	e := &p.elems[k]
	if p.greedy {
		return p.matchGreedy(d, k, i)
	}
	toks := d.toks
	j := i
	for n := 0; n <= e.max; n++ {
		if n >= e.min {
			if end := p.matchAt(d, k+1, j); end >= 0 {
				return end
			}
		}
		if n == e.max || j >= len(toks) || (j > i && toks[j].sent != toks[i].sent) || !e.match(d, j) {
			break
		}
		if j > 0 && k > 0 && toks[j].sent != toks[j-1].sent {
			break
		}
		j++
	}
	return -1
}

// matchGreedy is matchAt taking the longest run of each element first.
func (p *pattern) matchGreedy(d *doc, k, i int) int {
	e := &p.elems[k]
	toks := d.toks
	n, j := 0, i
	for n < e.max && j < len(toks) && e.match(d, j) && (j == i && k == 0 || j == 0 || toks[j].sent == toks[j-1].sent) {
		n++
		j++
	}
	for ; n >= e.min; n-- {
		if end := p.matchAt(d, k+1, i+n); end >= 0 {
			return end
		}
	}
	return -1
}

// patternIndex finds the patterns that can start at a token without trying
// them all: by the first element's exact words, prefixes and suffixes, and
// whether it wants a capitalised word.
type patternIndex struct {
	pats  []*pattern
	owner []int // owner[i] is the signal of pats[i]
	exact map[string][]int
	// Once interned, exact is dropped for exactAt and exactHits: the hits
	// of word id are exactHits[exactAt[id]:exactAt[id+1]] (one array of
	// values the garbage collector need not read, rather than a list a
	// word).
	exactAt    []int32
	exactHits  []hit
	hitAnchors []int32
	// A word whose hits fall in many groups (gateMasked of them or more,
	// "chinese" starting a few hundred patterns) has its gates as a bitset
	// of the anchor numbers, gateMasks[masked[id]:masked[id]+gateWidth], and
	// where its groups start, in the order of their gates, from
	// gateStarts[maskStarts[id]]: the sentence's anchors and the mask, ANDed a
	// 64-bit word at a time, give the groups to read, so the index does
	// not visit the groups whose gate the sentence lacks one by one.
	// masked[id] is -1 for the other words (and is nil with none).
	masked, maskStarts []int32
	gateMasks          []uint64
	gateStarts         []int32
	gateWidth          int
	// exactSpan[id] is the largest span of the patterns word id starts,
	// capSpan that of the patterns starting with @Cap and otherSpan of
	// those starting with _ or a regular expression, for reach.
	exactSpan          []int32
	capSpan, otherSpan int32
	// Prefixes and suffixes of three bytes or more are found by their first
	// (last) three bytes; shorter ones are tried one by one.
	// (their buckets, by affixBucket of the three bytes; a bucket may hold
	// other affixes too, which the match of the whole affix sorts out).
	pre3, suf3         [][]affix
	shortPre, shortSuf []affix
	caps               []int // patterns starting with @Cap
	other              []int // patterns starting with _ or a regular expression
}

// filter returns the index of x's patterns whose owner keep holds, in the
// same order (what adding them to an empty index gives, without indexing
// them again: a pattern with an optional first element is already there
// twice).
func (x *patternIndex) filter(keep []bool) patternIndex {
	var out patternIndex
	newID := make([]int, len(x.pats))
	for i, pt := range x.pats {
		newID[i] = -1
		if keep[x.owner[i]] {
			newID[i] = len(out.pats)
			out.pats = append(out.pats, pt)
			out.owner = append(out.owner, x.owner[i])
		}
	}
	ids := func(l []int) []int {
		var kept []int
		for _, id := range l {
			if n := newID[id]; n >= 0 {
				kept = append(kept, n)
			}
		}
		return kept
	}
	affixes := func(l []affix) []affix {
		var kept []affix
		for _, a := range l {
			if n := newID[a.id]; n >= 0 {
				kept = append(kept, affix{a.s, n})
			}
		}
		return kept
	}
	buckets := func(bs [][]affix) [][]affix {
		if bs == nil {
			return nil
		}
		out := make([][]affix, len(bs))
		for k, l := range bs {
			out[k] = affixes(l)
		}
		return out
	}
	out.exact = make(map[string][]int, len(x.exact))
	for w, l := range x.exact {
		if kept := ids(l); kept != nil {
			out.exact[w] = kept
		}
	}
	out.pre3, out.suf3 = buckets(x.pre3), buckets(x.suf3)
	out.shortPre, out.shortSuf = affixes(x.shortPre), affixes(x.shortSuf)
	out.caps, out.other = ids(x.caps), ids(x.other)
	return out
}

// hit is a pattern the index finds by its first word, with the anchor the
// sentence must have a word of for it to match (its gate: the pattern's
// first anchor, the smallest set, one word when it has a need; else -1),
// so most patterns that cannot match are passed over without reading them.
//
// The hit also holds where the index keeps a copy of the pattern's other
// anchors (hitAnchors[at:end], laid out in the order of the hits), so the
// index checks them too before it reads the pattern.
//
// A word's hits are grouped by their gate (the patterns with none first),
// and next is where the hit's group ends, so a gate the sentence lacks
// passes over its whole group at once (the order a token's patterns are
// tried in does not change what they find: a signal's matches at one
// token become one occurrence, the longest). Grouping by the first anchor
// of any size, not only a one-word need, lets the patterns that share a
// class after their first word ("<subject_name> _{0,3} <speech_verb>|…")
// pass as one.
type hit struct{ id, gate, at, end, next int32 }

// byID turns the index's exact words into hits by word id (vocab numbers
// every word), and drops the words.
//
// A word's hits also hold the patterns an affix of their first element
// finds for the word (checked here once, against the whole element), so a
// word of the vocabulary is looked up once, by its id; the affixes are
// looked up at scan time only for words outside it.
func (x *patternIndex) byID(vocab map[string]int32, words []string) {
	byWord := make([][]int, len(vocab))
	n := 0
	for w, ids := range x.exact {
		byWord[vocab[w]] = ids
		n += len(ids)
	}
	if x.pre3 != nil || x.suf3 != nil || len(x.shortPre) > 0 || len(x.shortSuf) > 0 {
		for id, w := range words {
			ids := byWord[id]
			x.eachAffix(w, func(pid int) {
				if !slices.Contains(ids, pid) && x.pats[pid].elems[0].matchesWord(w, int32(id)) {
					ids = append(ids[:len(ids):len(ids)], pid)
					n++
				}
			})
			byWord[id] = ids
		}
	}
	x.exactAt = make([]int32, len(vocab)+1)
	x.exactHits = make([]hit, 0, n)
	for id, ids := range byWord {
		x.exactAt[id] = int32(len(x.exactHits))
		ids = slices.Clone(ids)
		slices.SortStableFunc(ids, func(a, b int) int { return int(x.pats[a].gate() - x.pats[b].gate()) })
		for _, pid := range ids {
			pt := x.pats[pid]
			at := int32(len(x.hitAnchors))
			anchors := pt.anchors
			if len(anchors) > 0 {
				anchors = anchors[1:] // the gate's, checked for the group
			}
			x.hitAnchors = append(x.hitAnchors, anchors...)
			x.exactHits = append(x.exactHits, hit{id: int32(pid), gate: pt.gate(), at: at, end: int32(len(x.hitAnchors))})
		}
		at := x.exactAt[id]
		hits := x.exactHits[at:]
		for k := len(hits) - 1; k >= 0; k-- {
			hits[k].next = at + int32(k) + 1
			if k+1 < len(hits) && hits[k+1].gate == hits[k].gate {
				hits[k].next = hits[k+1].next
			}
		}
	}
	x.exactAt[len(vocab)] = int32(len(x.exactHits))
	x.exact = nil
	x.maskGates()
	x.exactSpan = make([]int32, len(vocab))
	for id := range x.exactSpan {
		for _, h := range x.exactHits[x.exactAt[id]:x.exactAt[id+1]] {
			x.exactSpan[id] = max(x.exactSpan[id], x.pats[h.id].span)
		}
	}
	x.capSpan, x.otherSpan = 0, 0
	for _, id := range x.caps {
		x.capSpan = max(x.capSpan, x.pats[id].span)
	}
	for _, id := range x.other {
		x.otherSpan = max(x.otherSpan, x.pats[id].span)
	}
}

type affix struct {
	s  string
	id int
}

func (x *patternIndex) add(p *pattern, owner int) {
	if x.exact == nil {
		x.exact = make(map[string][]int)
	}
	// A pattern with an optional first element is indexed twice: once as
	// written (the element present) and once without it.
	if p.elems[0].min == 0 && len(p.elems) > 1 {
		rest := &pattern{src: p.src, elems: p.elems[1:]}
		x.add(rest, owner)
		first := p.elems[0]
		first.min = 1
		p = &pattern{src: p.src, elems: append([]elem{first}, p.elems[1:]...)}
	}
	id := len(x.pats)
	x.pats = append(x.pats, p)
	x.owner = append(x.owner, owner)
	for _, a := range p.elems[0].alts {
		if a.kind == altUpper {
			p.checkFirst = true
		}
	}
	for _, a := range p.elems[0].allAlts() {
		if a.kind == altRegexp {
			// A regular expression with a literal prefix is indexed by it.
			if lit, _ := a.re.LiteralPrefix(); lit != "" {
				a = alt{kind: altPrefix, s: lit}
			}
		}
		switch a.kind {
		case altWord:
			x.exact[a.s] = appendUnique(x.exact[a.s], id)
		case altPrefix:
			if len(a.s) >= 3 {
				if x.pre3 == nil {
					x.pre3 = make([][]affix, affixBuckets)
				}
				k := affixBucket(a.s[:3])
				x.pre3[k] = append(x.pre3[k], affix{a.s, id})
			} else {
				x.shortPre = append(x.shortPre, affix{a.s, id})
			}
		case altSuffix:
			if n := len(a.s); n >= 3 {
				if x.suf3 == nil {
					x.suf3 = make([][]affix, affixBuckets)
				}
				k := affixBucket(a.s[n-3:])
				x.suf3[k] = append(x.suf3[k], affix{a.s, id})
			} else {
				x.shortSuf = append(x.shortSuf, affix{a.s, id})
			}
		case altUpper:
			// found by its word, and matched against the element for the
			// capitals (checkFirst)
			x.exact[a.s] = appendUnique(x.exact[a.s], id)
		case altCap:
			x.caps = appendUnique(x.caps, id)
		default:
			x.other = appendUnique(x.other, id)
		}
	}
}

// eachAffix calls yield for each pattern whose first element has a prefix
// or a suffix that word t has (a regular expression's literal prefix
// included), found by the index's affix buckets.
func (x *patternIndex) eachAffix(t string, yield func(id int)) {
	if len(t) >= 3 && x.pre3 != nil {
		for _, a := range x.pre3[affixBucket(t[:3])] {
			if strings.HasPrefix(t, a.s) {
				yield(a.id)
			}
		}
	}
	if len(t) >= 3 && x.suf3 != nil {
		for _, a := range x.suf3[affixBucket(t[len(t)-3:])] {
			if strings.HasSuffix(t, a.s) {
				yield(a.id)
			}
		}
	}
	for _, a := range x.shortPre {
		if strings.HasPrefix(t, a.s) {
			yield(a.id)
		}
	}
	for _, a := range x.shortSuf {
		if strings.HasSuffix(t, a.s) {
			yield(a.id)
		}
	}
}

// matchesWord reports whether word w (whose id is id) matches the element
// by its words, affixes or regular expressions, whatever its token's case.
func (e *elem) matchesWord(w string, id int32) bool {
	if e.set.has(id) {
		return true
	}
	for _, a := range e.alts {
		switch a.kind {
		case altWord:
			if w == a.s {
				return true
			}
		case altPrefix, altSuffix, altRegexp:
			if a.match(&token{}, w) {
				return true
			}
		}
	}
	return false
}

// affixBuckets is how many buckets the affix index has (a power of two).
const affixBuckets = 256

// affixBucket hashes three bytes to a bucket of the affix index.
func affixBucket(s string) uint32 {
	k := uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2])
	return (k * 2654435761) >> 24
}

func appendUnique(s []int, v int) []int {
	if containsInt(s, v) {
		return s
	}
	return append(s, v)
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// occurrence is one match of a signal: tokens [first, last].
type occurrence struct {
	first, last int
}

// try matches pattern id at token i of d and appends a match to
// occ[owner]; exact says the index found it by the token's word, which its
// first element holds.
func (x *patternIndex) try(d *doc, occ [][]occurrence, id, i int, exact bool) {
	x.tryAt(d, occ, id, i, exact, false)
}

// tryAnchored is try for a pattern found by token i's word whose anchors
// the sentence is known to have.
func (x *patternIndex) tryAnchored(d *doc, occ [][]occurrence, id, i int) {
	x.tryAt(d, occ, id, i, true, true)
}

// tryAt is try; anchored says the anchors are checked.
func (x *patternIndex) tryAt(d *doc, occ [][]occurrence, id, i int, exact, anchored bool) {
	p := x.pats[id]
	toks := d.toks
	s := int(toks[i].sent)
	if !anchored && !p.possible(d, s) {
		return
	}
	var end int
	if p.simple {
		// The index found the first word; match the rest from the next.
		if (!exact || p.checkFirst) && !p.elems[0].match(d, i) {
			return
		}
		if len(p.elems) == 1 {
			end = i + 1
		} else if i+1 < len(toks) && toks[i+1].sent == toks[i].sent {
			end = p.matchAt(d, 1, i+1)
		} else {
			return
		}
	} else {
		end = p.matchAt(d, 0, i)
	}
	if end <= i {
		return
	}
	o := x.owner[id]
	list := occ[o]
	if n := len(list); n > 0 && list[n-1].first == i {
		if end-1 > list[n-1].last {
			list[n-1].last = end - 1
		}
		return
	}
	occ[o] = append(occ[o], occurrence{first: i, last: end - 1}) // in place: no pointer written
}

// scan matches every pattern at every token of d and appends each match to
// occ[owner]; a signal matching twice at the same start keeps the longest.
func (x *patternIndex) scan(d *doc, occ [][]occurrence) {
	for i := range d.toks {
		x.scanAt(d, occ, i)
	}
}

// scanAt matches every pattern that may start at token i of d (see scan).
func (x *patternIndex) scanAt(d *doc, occ [][]occurrence, i int) {
	tok := &d.toks[i]
	try := x.try
	switch {
	case x.exactAt == nil: // not interned yet
		x.eachAffix(d.word(i), func(id int) { try(d, occ, id, i, false) })
		for _, id := range x.exact[d.word(i)] {
			try(d, occ, id, i, false)
		}
	case tok.id >= 0 && int(tok.id)+1 < len(x.exactAt):
		// A word of the vocabulary: its hits hold its affixes' patterns,
		// and the anchors of each.
		s := int(tok.sent)
		arow := d.sentAnchors[s*d.awidth : (s+1)*d.awidth]
		if x.masked != nil && x.masked[tok.id] >= 0 {
			x.scanMasked(d, occ, i, arow)
			break
		}
		for k, end := x.exactAt[tok.id], x.exactAt[tok.id+1]; k < end; {
			h := &x.exactHits[k]
			if h.gate >= 0 && arow[h.gate>>6]&(1<<(uint(h.gate)&63)) == 0 {
				k = h.next // the group of the gate
				continue
			}
			k++
			if allIn(arow, x.hitAnchors[h.at:h.end]) {
				x.tryAnchored(d, occ, int(h.id), i)
			}
		}
	default:
		x.eachAffix(d.word(i), func(id int) { try(d, occ, id, i, false) })
	}
	if len(x.caps) == 0 && len(x.other) == 0 {
		return
	}
	// The patterns tried at every (capitalised) token: those the sentence
	// has the anchors of, found once a sentence.
	c := &d.possible
	if c.x != x || c.sent != tok.sent {
		c.x, c.sent = x, tok.sent
		c.caps, c.other = c.caps[:0], c.other[:0]
		for _, id := range x.caps {
			if x.pats[id].possible(d, int(tok.sent)) {
				c.caps = append(c.caps, id)
			}
		}
		for _, id := range x.other {
			if x.pats[id].possible(d, int(tok.sent)) {
				c.other = append(c.other, id)
			}
		}
	}
	if tok.cap {
		for _, id := range c.caps {
			x.tryAt(d, occ, id, i, false, true)
		}
	}
	for _, id := range c.other {
		x.tryAt(d, occ, id, i, false, true)
	}
}

// scanMasked is scanAt's loop over the hits of token i's word when the
// word's gates are masked (see patternIndex.masked); arow is the sentence's
// anchors. The hits are tried in the same order as the loop's.
func (x *patternIndex) scanMasked(d *doc, occ [][]occurrence, i int, arow []uint64) {
	id := d.toks[i].id
	k, end := x.exactAt[id], x.exactAt[id+1]
	for ; k < end && x.exactHits[k].gate < 0; k++ { // the ungated first
		if h := &x.exactHits[k]; allIn(arow, x.hitAnchors[h.at:h.end]) {
			x.tryAnchored(d, occ, int(h.id), i)
		}
	}
	rank := x.maskStarts[id]
	m := x.masked[id]
	for w, mw := range x.gateMasks[m : m+int32(x.gateWidth)] {
		for bits := arow[w] & mw; bits != 0; bits &= bits - 1 {
			below := mw & (1<<uint(mathbits.TrailingZeros64(bits)) - 1)
			g := x.gateStarts[rank+int32(mathbits.OnesCount64(below))]
			for k, end := g, x.exactHits[g].next; k < end; k++ {
				if h := &x.exactHits[k]; allIn(arow, x.hitAnchors[h.at:h.end]) {
					x.tryAnchored(d, occ, int(h.id), i)
				}
			}
		}
		rank += int32(mathbits.OnesCount64(mw))
	}
}

// gateMasked is how many groups of gated hits make a word's gates a mask.
const gateMasked = 16

// maskGates masks the gates of the words whose hits fall in gateMasked
// groups or more (see patternIndex.masked), once byID has grouped them.
func (x *patternIndex) maskGates() {
	x.masked, x.maskStarts, x.gateMasks, x.gateStarts, x.gateWidth = nil, nil, nil, nil, 0
	maxGate := int32(-1)
	for _, h := range x.exactHits {
		maxGate = max(maxGate, h.gate)
	}
	x.gateWidth = int(maxGate/64) + 1
	nWords := len(x.exactAt) - 1
	for id := range nWords {
		hits := x.exactHits[x.exactAt[id]:x.exactAt[id+1]]
		groups := 0
		for k := 0; k < len(hits); k = int(hits[k].next - x.exactAt[id]) {
			if hits[k].gate >= 0 {
				groups++
			}
		}
		if groups < gateMasked {
			continue
		}
		if x.masked == nil {
			x.masked = make([]int32, nWords)
			x.maskStarts = make([]int32, nWords)
			for w := range x.masked {
				x.masked[w] = -1
			}
		}
		at := len(x.gateMasks)
		x.masked[id] = int32(at)
		x.maskStarts[id] = int32(len(x.gateStarts))
		x.gateMasks = append(x.gateMasks, make([]uint64, x.gateWidth)...)
		for k := 0; k < len(hits); k = int(hits[k].next - x.exactAt[id]) {
			if g := hits[k].gate; g >= 0 {
				x.gateMasks[at+int(g>>6)] |= 1 << (uint(g) & 63)
				x.gateStarts = append(x.gateStarts, x.exactAt[id]+int32(k))
			}
		}
	}
}

// possibleIn is an index's patterns tried at every (capitalised) token
// that a sentence has the anchors of (scanAt).
type possibleIn struct {
	x           *patternIndex
	sent        int32
	caps, other []int
}
