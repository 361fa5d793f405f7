package revise

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgrade/factgrade/rubric"
)

// outcome is what became of one edit site.
type outcome uint8

const (
	applied outcome = iota
	// skipped: the site cannot take the rubric's words grammatically (a
	// noun where only a verb is given, a form of "be"); other sites may
	// still fix the criterion, and the re-grade decides.
	skipped
	// refused: no faithful rewrite exists (the words are inside a quotation,
	// or introduce one): no rewrite is offered.
	refused
)

// complementPreps are the prepositions a replaced verb takes with its object
// ("admit to", "boast of", "brag about", "take responsibility for"); the
// rubric's replacement brings its own.
var complementPreps = map[string]bool{"to": true, "of": true, "about": true, "for": true}

// propose turns the trace's edit sites into edits of text in the text's case
// style; ok is false when no faithful, grammatical rewrite can be made.
func propose(r *rubric.Rubric, g *rubric.Grade, t *rubric.Trace) (edits []rubric.Edit, ok bool) {
	text := g.Text
	st := styleOf(text)
	qs := quotations(text)
	var attrs []string
	for _, ct := range t.Criteria {
		// The sites whose words are replaced first, then those whose
		// words are qualified: a claim qualifies one verb, the last that
		// can be ("Report suggests China acknowledged …"), and none when
		// a replacement already brings the qualifier ("China tacitly
		// acknowledges intrusions, ties them to Taiwan", not "…, tacitly
		// ties them").
		qualified := false
		for pass := 0; pass < 2; pass++ {
			for k := len(ct.Edits) - 1; k >= 0; k-- {
				site := ct.Edits[k]
				if qualifies(site) != (pass == 1) || qualifies(site) && qualified {
					continue
				}
				es, out := editSite(text, site, st, qs, true)
				switch out {
				case refused:
					return nil, false
				case applied:
					edits = append(edits, es...)
					qualified = qualified || qualifies(site) || startsWithAdverb(site.Verb)
				}
			}
		}
		if len(ct.Append) > 0 && attrs == nil {
			attrs = ct.Append
		}
	}
	slices.SortStableFunc(edits, func(a, b rubric.Edit) int { return a.Start - b.Start })
	for i := 1; i < len(edits); i++ {
		if edits[i].Start < edits[i-1].End {
			return nil, false
		}
		// "openly admitted": the adverb "and" would join is struck.
		if edits[i].Start == edits[i-1].End && edits[i-1].Added == "" {
			for _, and := range []string{"and ", "And ", "AND "} {
				edits[i].Added = strings.TrimPrefix(edits[i].Added, and)
			}
		}
	}
	if attrs != nil {
		// The claim ends with the last words the judge or the rubric's
		// edits found; a part of the headline after a break beyond them
		// ("…: What It Means for Security") is the writer's, and attribution
		// at its end would carry it.
		claim := 0
		for _, cg := range g.Criteria {
			for _, sp := range cg.Spans {
				claim = max(claim, sp.End)
			}
		}
		for _, e := range edits {
			claim = max(claim, e.End)
		}
		if breakAfter(text, claim) {
			return nil, false
		}
		// Attribution at the end carries the whole line: only where the
		// line is the claim. A noun-phrase claim under the writer's own
		// verb, or a second predicate beside the claim (China's public
		// denial), would be put in the source's mouth.
		if misplacedAttribution(r, g) != "" {
			return nil, false
		}
		e, ok := attribution(text, edits, attrs, st)
		if !ok {
			return nil, false
		}
		edits = append(edits, e)
	}
	for i := range edits {
		edits[i].Added = houseSpelling(edits[i].Added, text)
	}
	return edits, len(edits) > 0
}

// startsWithAdverb reports whether a verb phrase brings its own adverb
// ("tacitly acknowledge").
func startsWithAdverb(verb string) bool {
	first, _, found := strings.Cut(verb, " ")
	return found && strings.HasSuffix(first, "ly")
}

// qualifies reports whether a site keeps its words and qualifies them.
func qualifies(site rubric.EditSite) bool { return strings.Contains(site.Replace, "{words}") }

// editSite makes the edits for one site.
//
// strict is for a rewrite, which must stand as written; a fix, which only
// names the words to change, is made without it (a quotation elsewhere in
// a summary does not stop it).
func editSite(text string, site rubric.EditSite, st style, qs []quotation, strict bool) ([]rubric.Edit, outcome) {
	s, e := site.Start, site.End
	// Words wrapped in quotation marks lose them with the words; words
	// inside a longer quotation are someone's words and are never changed.
	for _, q := range qs {
		qe := q.close + q.clen
		switch {
		case e <= q.open || s >= qe, s <= q.open && qe <= e:
			// apart from the quotation, or holding all of it
		case strings.TrimSpace(text[q.open+q.olen:q.close]) == strings.Trim(text[max(s, q.open+q.olen):min(e, q.close)], " "):
			// the quotation holds the site's words and nothing else
			s, e = min(s, q.open), max(e, qe)
		default:
			return nil, refused
		}
	}
	// A verb's span that ends in its object's determiner ("owned its")
	// leaves the determiner to the object.
	if site.Verb != "" {
		for {
			w, ws, we := lastWord(text[:e])
			if ws <= site.Start || !determiners[w] || we != e {
				break
			}
			e = strings.LastIndexFunc(text[:ws], func(r rune) bool { return r != ' ' }) + 1
			site.End = min(site.End, e)
		}
	}
	orig := text[site.Start:site.End]
	ws := words(orig)
	if len(ws) == 0 || runeBefore(text, site.Start) == '-' || runeAfter(text, site.End) == '-' {
		return nil, skipped // no words, or part of a compound ("Taiwan-linked")
	}
	before, bs, be := wordBefore(text, s)
	first := atStart(text, s)
	literal := site.Verb == "" && site.Noun == ""
	if literal && site.Replace == "" {
		return deletion(text, s, e, st, first), applied
	}
	var phrase string
	var extra []rubric.Edit
	article := literal
	f := formOf(ws, before)
	switch {
	case literal && strings.Contains(site.Replace, "{words}"):
		// Qualify the words as they are ("linked" → "tacitly linked").
		if f == formUnknown || f == formPlural || f == formNoun || beForms[ws[0]] {
			return nil, skipped
		}
		w := orig
		if st == sentenceCase && first {
			w = lowerFirst(w)
		}
		phrase, article = strings.Replace(site.Replace, "{words}", w, 1), false
		if joinsAdverb(before, phrase) {
			phrase = "and " + phrase
		}
	case literal:
		phrase = site.Replace
	case site.Verb == "" || f == formNoun:
		if site.Noun == "" {
			return nil, skipped
		}
		phrase, article = site.Noun, true
		if site.Verb != "" {
			if last := ws[len(ws)-1]; strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
				phrase = pluralNoun(phrase)
			}
			// "China's admission" → "China's tacit acknowledgment", but not
			// "hacking confession" → "hacking tacit acknowledgment".
			if strings.Contains(phrase, " ") && before != "" && !determiners[before] && !strings.HasSuffix(before, "'s") && !first {
				return nil, skipped
			}
		}
	default:
		if f == formUnknown || subjects[ws[0]] {
			return nil, skipped // no verb to inflect ("we did it")
		}
		// A quotation beside the verb may say outright what the new verb
		// softens ("confessed: “We hacked the USA”"); the rewrite would
		// then contradict itself.
		for _, q := range qs {
			if strict && len(words(text[q.open:q.close])) >= 2 {
				return nil, refused
			}
		}
		parts := strings.Split(site.Verb, " ")
		verb := len(parts) - 1
		for k, p := range parts {
			if !strings.HasSuffix(p, "ly") {
				parts[k], verb = inflect(p, f, pluralSubject(before)), k
				break
			}
		}
		phrase = strings.Join(parts, " ")
		// Two adverbs of manner are joined ("quietly and tacitly
		// acknowledged"). After the writer's hedge ("allegedly") a second
		// adverb would stack two qualifiers of different kinds
		// ("allegedly tacitly acknowledged"): the qualifier follows the
		// verb, set off by commas ("allegedly acknowledged, tacitly,
		// hacking"), and needs an object after it.
		hedged := verb > 0 && hedgeAdverbs[before]
		if hedged {
			phrase = strings.Join(parts[verb:], " ") + ", " + strings.Join(parts[:verb], " ") + ","
		}
		if verb > 0 && joinsAdverb(before, phrase) {
			phrase = "and " + phrase
		}
		// A replacement ending in its verb or a preposition needs an object.
		wantsObject := verb == len(parts)-1 || complementPreps[parts[len(parts)-1]] || parts[len(parts)-1] == "in"
		// The replaced verb's own preposition goes with it ("admits to
		// hacking" → "tacitly acknowledges hacking"), unless it names
		// whom it was said to ("admitted to U.S. officials that …").
		next, _, ne := wordAfter(text, e)
		switch {
		case strict && (next == ":" || isQuote(next)):
			return nil, refused // a verb introducing a quotation
		case next == "up":
			if n2, _, ne2 := wordAfter(text, ne); complementPreps[n2] {
				e = ne2
			}
		case complementPreps[next] && !(next == "to" && thatFollows(text, ne)) && (next != "for" || len(ws) > 1):
			// "for" goes only after a noun ("took responsibility for"),
			// not "admitted for the first time"
			e = ne
		}
		if strict && (e != site.End || wantsObject || hedged) {
			if n, _, _ := wordAfter(text, e); n == "" || !isWordStart(n) && (hedged || n != "," && n != "'" && n != "\"") {
				return nil, refused // nothing left for the verb to take
			}
		}
		// "confirmed Volt Typhoon behind the breaches": a small clause
		// the old verb took in headlinese but the new one does not; it
		// gets its "be" ("acknowledged Volt Typhoon was behind").
		if ins, ok := smallClause(text, e, f, st); ok {
			extra = append(extra, ins)
		} else if strict && ins.Start < 0 {
			return nil, refused
		}
	}
	if article && (before == "a" || before == "an") {
		art := articleFor(styled(phrase, st, false), st == upperCase || unicode.IsUpper(firstRune(text[bs:be])))
		if st == upperCase {
			art = strings.ToUpper(art)
		}
		if art != text[bs:be] {
			extra = append(extra, rubric.Edit{Start: bs, End: be, Removed: text[bs:be], Added: art})
		}
	}
	phrase = styled(phrase, st, first)
	return append(extra, rubric.Edit{Start: s, End: e, Removed: text[s:e], Added: phrase}), applied
}

// joinsAdverb reports whether phrase, starting with an adverb, follows an
// adverb of manner it is joined to with "and" ("quietly and tacitly"); a
// hedge ("allegedly") scopes over it instead.
func joinsAdverb(before, phrase string) bool {
	first, _, _ := strings.Cut(phrase, " ")
	return strings.HasSuffix(before, "ly") && len(before) > 3 && !hedgeAdverbs[before] &&
		strings.HasSuffix(strings.ToLower(first), "ly") && strings.Contains(phrase, " ")
}

// deletion removes bytes [s, e) with the space after them (before them at
// the end of the text), capitalising the next word when the deleted words
// began the headline.
func deletion(text string, s, e int, st style, first bool) []rubric.Edit {
	e2 := e
	for e2 < len(text) && text[e2] == ' ' {
		e2++
	}
	if e2 == e || e2 == len(text) {
		for s > 0 && text[s-1] == ' ' {
			s--
		}
	} else {
		e = e2
	}
	added := ""
	if first && (st == sentenceCase || st == titleCase) && e < len(text) {
		r, n := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLower(r) {
			added = string(unicode.ToUpper(r))
			e += n
		}
	}
	return []rubric.Edit{{Start: s, End: e, Removed: text[s:e], Added: added}}
}

// attribution returns the edit that ends the headline with the first of
// attrs whose words it does not already have; ok is false when attribution
// cannot be added faithfully: the headline already names a source or a
// speaker (the judge may have missed it; two would be one too many), ends in
// a question, or carries the writer's own aside.
func attribution(text string, edits []rubric.Edit, attrs []string, st style) (rubric.Edit, bool) {
	end := len(strings.TrimRightFunc(text, unicode.IsSpace))
	edited := rubric.ApplyEdits(text, edits)
	ws := words(edited)
	// One claim, one sentence: attribution at the end of a headline with a
	// question, an exclamation or a second sentence would carry only its
	// last part.
	if end == 0 || attributed(ws) || hasAside(edited) || strings.ContainsAny(edited, "?!") || rubric.DetectKind(edited) != rubric.Headline {
		return rubric.Edit{}, false
	}
	switch text[end-1] {
	case ':', ',', ';', '-':
		return rubric.Edit{}, false
	}
	start := end
	if text[end-1] == '.' && !abbreviationAt(text[:end]) {
		start = end - 1
	}
	for _, a := range attrs {
		clash := false
		for _, w := range words(a) {
			for _, x := range ws {
				clash = clash || len(w) > 3 && stem(x) == stem(w)
			}
		}
		if clash {
			continue
		}
		if len(edits) > 0 && edits[len(edits)-1].End > start {
			return rubric.Edit{}, false
		}
		return rubric.Edit{Start: start, End: end, Removed: text[start:end], Added: styled(a, st, false)}, true
	}
	return rubric.Edit{}, false
}

// stem is a word without its possessive or plural ending: "official's",
// "officials" and "official" name the same source.
func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.ReplaceAll(w, "’", "'"), "'"), "'s")
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	return w
}

// breakAfter reports whether a colon or a spaced dash comes after byte i.
func breakAfter(text string, i int) bool {
	rest := text[min(i, len(text)):]
	return strings.Contains(rest, ": ") || strings.Contains(rest, " - ") || strings.Contains(rest, " — ") || strings.Contains(rest, " – ")
}

// abbreviationAt reports whether s ends in an abbreviation ("U.S.") rather
// than a full stop.
func abbreviationAt(s string) bool {
	w := s
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		w = s[i+1:]
	}
	return strings.Count(w, ".") >= 2
}

// quotation is a pair of quotation marks: the opening mark at byte open
// (olen bytes long) and the closing one at close (clen bytes).
type quotation struct {
	open, olen, close, clen int
}

// quotations finds the pairs of quotation marks in text. A single mark
// between letters, or after a word's final s with no quotation open, is an
// apostrophe.
func quotations(text string) []quotation {
	if !hasQuoteMark(text) {
		return nil
	}
	var out []quotation
	dbl, sgl := -1, -1
	var dlen, slen int
	for i, r := range text {
		n := utf8.RuneLen(r)
		prev, next := runeBefore(text, i), runeAfter(text, i+n)
		switch r {
		case '"':
			if dbl < 0 {
				dbl, dlen = i, n
			} else {
				out = append(out, quotation{dbl, dlen, i, n})
				dbl = -1
			}
		case '“':
			dbl, dlen = i, n
		case '”':
			if dbl >= 0 {
				out = append(out, quotation{dbl, dlen, i, n})
				dbl = -1
			}
		case '\'', '‘', '’':
			opens := !isWordRune(prev) && isWordRune(next)
			closes := sgl >= 0 && !isWordRune(next) && prev != ' ' && prev != 0
			switch {
			case closes:
				out = append(out, quotation{sgl, slen, i, n})
				sgl = -1
			case opens && r != '’':
				sgl, slen = i, n
			}
		}
	}
	slices.SortFunc(out, func(a, b quotation) int { return a.open - b.open })
	return out
}

// strayQuotes counts the quotation marks of text that open no pair and
// close none (apostrophes aside).
func strayQuotes(text string) int {
	if !hasQuoteMark(text) {
		return 0
	}
	paired := 2 * len(quotations(text))
	marks := 0
	for i, r := range text {
		switch r {
		case '"', '“', '”':
			marks++
		case '\'', '‘', '’':
			prev, next := runeBefore(text, i), runeAfter(text, i+utf8.RuneLen(r))
			if !(isWordRune(prev) && isWordRune(next)) && !(prev == 's' && !isWordRune(next)) {
				marks++
			}
		}
	}
	return max(marks-paired, 0)
}

// hasQuoteMark reports whether text may hold a quotation mark: a straight
// one, or a byte that starts a curly one (U+2018–U+201D all start 0xE2).
func hasQuoteMark(text string) bool {
	return strings.IndexByte(text, '"') >= 0 || strings.IndexByte(text, '\'') >= 0 || strings.IndexByte(text, 0xe2) >= 0
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isQuote(s string) bool {
	switch s {
	case "\"", "“", "”", "'", "‘", "’":
		return true
	}
	return false
}

func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if len(s) > n && unicode.IsUpper(firstRune(s[n:])) {
		return s // an acronym or all capitals
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func runeBefore(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func runeAfter(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// lastWord returns the lower-cased last word of s with its byte range.
func lastWord(s string) (string, int, int) {
	e := len(s)
	for e > 0 && s[e-1] == ' ' {
		e--
	}
	i := strings.LastIndexByte(s[:e], ' ') + 1
	return strings.ToLower(s[i:e]), i, e
}

// wordBefore returns the lower-cased word that ends before byte i (skipping
// white space), with its byte range; "" when a punctuation mark or the
// start of the text comes first.
func wordBefore(text string, i int) (string, int, int) {
	e := i
	for e > 0 && text[e-1] == ' ' {
		e--
	}
	s := e
	for s > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:s])
		if !isWordRune(r) && r != '\'' && r != '’' && !(r == '.' && s-n > 0 && isWordRune(runeBefore(text, s-n))) {
			break
		}
		s -= n
	}
	if s == e {
		return "", s, e
	}
	return strings.ReplaceAll(strings.ToLower(text[s:e]), "’", "'"), s, e
}

// wordAfter returns the lower-cased word (or the punctuation mark) that
// starts after byte i, skipping white space, with its byte range.
func wordAfter(text string, i int) (string, int, int) {
	s := i
	for s < len(text) && text[s] == ' ' {
		s++
	}
	if s >= len(text) {
		return "", s, s
	}
	e := s
	for e < len(text) {
		r, n := utf8.DecodeRuneInString(text[e:])
		if !isWordRune(r) && !(e > s && (r == '\'' || r == '’' || r == '.') && isWordRune(runeAfter(text, e+n))) {
			if e == s {
				e += n // a punctuation mark
			}
			break
		}
		e += n
	}
	return strings.ToLower(text[s:e]), s, e
}

// atStart reports whether byte i starts the headline or a part of it (after
// a colon, a dash or a full stop).
func atStart(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == 0 {
		return true
	}
	r := runeBefore(text, j)
	if r == '.' {
		return !abbreviationAt(text[:j])
	}
	return strings.ContainsRune(":?!|—–", r) || (r == '-' && j < i)
}

// thatFollows reports whether "that" comes within a few words after byte
// i: "admitted to U.S. officials that …" names whom it was said to.
func thatFollows(text string, i int) bool {
	for k := 0; k < 8; k++ {
		w, _, e := wordAfter(text, i)
		switch {
		case w == "" || w == "?" || w == "!" || w == ":" || w == ";":
			return false
		case w == "that":
			return true
		}
		i = e
	}
	return false
}

// pluralSubject reports whether the word before a verb looks like a plural
// subject, for the past of "be" ("they were", "it was").
func pluralSubject(before string) bool {
	switch before {
	case "they", "we", "you":
		return true
	}
	return strings.HasSuffix(before, "s") && !strings.HasSuffix(before, "'s") && !strings.HasSuffix(before, "ss")
}
