package revise

import (
	"regexp"
	"strings"

	"github.com/factgrade/factgrade/rubric"
)

// smallClausePreds are the predicates of a small clause that a verb of
// saying takes in headlinese without "be" ("confirmed Volt Typhoon behind
// the breaches"); most verbs that replace it do not ("acknowledged Volt
// Typhoon behind" is not English), so the clause gets its "be".
var smallClausePreds = map[string]bool{"behind": true, "responsible": true, "culpable": true, "guilty": true}

// adjunctAfterPred are the words that make "behind …" an adjunct of place,
// not a small clause's predicate ("admits hacks behind closed doors").
var adjunctAfterPred = map[string]bool{"closed": true, "the": true, "doors": true}

// clauseStops end the search for a small clause: a word that gives the
// object its own verb ("it was behind", "being behind", "that …") or starts
// a new phrase.
var clauseStops = map[string]bool{"that": true, "to": true, "for": true, "of": true, "in": true, "at": true, "on": true, "by": true, "with": true, "and": true, "or": true, "but": true}

// smallClause returns the "be" to insert into a small clause that follows
// the verb replaced at byte i ("acknowledged Volt Typhoon was behind"),
// in the tense of the verb's form f and the number of the word before the
// predicate. ok is false when there is none; then Start is -1 when there
// is one but its "be" cannot be given (the form is not known).
func smallClause(text string, i int, f form, st style) (ins rubric.Edit, ok bool) {
	pos, prev := i, ""
	for k := 0; k < 6; k++ {
		w, ws, we := wordAfter(text, pos)
		switch {
		case w == "" || !isWordStart(w):
			return rubric.Edit{}, false
		case k == 0 && (strings.HasSuffix(w, "ing") && text[ws:we] != capitalize(w) || smallClausePreds[w]):
			// a gerund's clause ("hacking ports behind …") or an adjunct
			return rubric.Edit{}, false
		case beForms[w] || participleBefore[w] || baseBefore[w] || clauseStops[w]:
			return rubric.Edit{}, false
		case smallClausePreds[w] && k > 0:
			if next, _, _ := wordAfter(text, we); adjunctAfterPred[next] && w == "behind" {
				return rubric.Edit{}, false
			}
			var be string
			plural := pluralSubject(prev) || prev == "they" || prev == "we"
			switch f {
			case formPast, formParticiple:
				be = pick(plural, "were", "was")
			case formThird, formPlural, formBase, formGerund:
				be = pick(plural, "are", "is")
			default:
				return rubric.Edit{Start: -1}, false
			}
			return rubric.Edit{Start: ws, End: ws, Added: styled(be, st, false) + " "}, true
		}
		prev, pos = w, we
	}
	return rubric.Edit{}, false
}

// centralClaim returns the spans of the claim a headline makes: those of
// the rubric's heaviest criterion (the first of equals), where it found
// words.
func centralClaim(r *rubric.Rubric, g *rubric.Grade) []rubric.Span {
	var best []rubric.Span
	w := -1.0
	for _, cg := range g.Criteria {
		c := r.Criterion(cg.Criterion)
		if c == nil || len(cg.Spans) == 0 || c.Weight <= w {
			continue
		}
		best, w = cg.Spans, c.Weight
	}
	return best
}

// nominalClaim reports whether the claim's words are a noun phrase
// ("China's Geneva hint at …", "China's veiled hacking admission"): the
// headline's own verb then says something else, the writer's ("… puts
// utilities on alert"), which attribution at its end would put in a
// source's mouth.
func nominalClaim(text string, claim []rubric.Span) bool {
	if len(claim) == 0 {
		return false
	}
	sp := claim[len(claim)-1]
	ws := words(strings.ToLower(text[sp.Start:sp.End]))
	if len(ws) == 0 || verbBefore(text[:claim[0].Start]) {
		// the object of the headline's verb ("China made an open
		// admission"): the claim is still its predicate
		return false
	}
	before, bs, _ := wordBefore(text, sp.Start)
	if formOf(ws, before) == formNoun {
		return true
	}
	head := ws[0]
	if hasAnySuffix(head, "ed", "ing", "s") || irregularPastForm(head) {
		return false
	}
	// a determiner or a possessive a few words before ("China's Geneva
	// hint"), with no verb between
	for k := 0; k < 3 && before != ""; k++ {
		if determiners[before] || strings.HasSuffix(before, "'s") {
			return true
		}
		if hasAnySuffix(before, "ed", "ing") || beForms[before] || participleBefore[before] || baseBefore[before] {
			return false
		}
		before, bs, _ = wordBefore(text, bs)
	}
	return false
}

// verbBefore reports whether s holds a word that is a verb by its form: a
// past ("made", "linked"), an auxiliary or "to", or a present in lower case
// ("gives").
func verbBefore(s string) bool {
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(strings.Trim(w, ",;:\"'“”‘’"))
		if strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") {
			continue
		}
		switch {
		case irregularPastForm(lw), beForms[lw], participleBefore[lw], baseBefore[lw],
			len(lw) > 3 && strings.HasSuffix(lw, "ed"),
			len(lw) > 3 && w == lw && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss"):
			return true
		}
	}
	return false
}

func irregularPastForm(w string) bool { _, ok := irregularPast[w]; return ok }

// secondPredicate returns the words that give the headline its subject a second
// (its subject) a second predicate beside the claim ("then denies" in
// "China admits, then denies, role …"; "but denied" in "China admitted the
// hacks but denied …"), "" when there is none: attribution at its end would
// make one source say both, China's own public words among them.
func secondPredicate(text string, claim []rubric.Span) string {
	if len(claim) == 0 {
		return ""
	}
	sp := claim[0]
	ws := words(strings.ToLower(text[sp.Start:sp.End]))
	if len(ws) == 0 {
		return ""
	}
	// a second clause after a semicolon ("…; industry braces for fallout")
	if i := strings.IndexByte(text[sp.End:], ';'); i >= 0 && strings.TrimSpace(text[sp.End+i+1:]) != "" {
		return strings.TrimSpace(text[sp.End+i+1:])
	}
	head := ws[0]
	third := strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss")
	past := strings.HasSuffix(head, "ed") || irregularPastForm(head)
	if !third && !past {
		return ""
	}
	rest := text[sp.End:]
	for _, m := range coordinatedVerb.FindAllStringSubmatchIndex(rest, -1) {
		coord, w := strings.ToLower(rest[m[2]:m[3]]), rest[m[4]:m[5]]
		lw := strings.ToLower(w)
		if len(w) <= 3 || w == strings.ToUpper(w) || determiners[lw] || newSubjects[lw] || reporting[lw] {
			continue // an abbreviation ("US"), a new subject or a source
		}
		sameForm := third && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "'s") ||
			past && (strings.HasSuffix(lw, "ed") || irregularPastForm(lw))
		// "and" joins nouns as often as verbs ("ports and airports"):
		// only right after the claim's verb does it join a verb.
		if sameForm && (coord != "and" || strings.Trim(rest[:m[0]], " ,") == "") {
			return strings.TrimLeft(rest[m[0]:m[1]], " ,")
		}
	}
	return ""
}

// coordinatedVerb finds a word after a coordinator: the candidate second
// verb ("…, then denies", "but denied", "and later denied").
var coordinatedVerb = regexp.MustCompile(`(?i)(?:,\s*|\s)(then|and|but|yet|while|later)(?:\s+(?:then|later|publicly|quickly|now))?\s+([A-Za-z]+)`)

// dotted matches an abbreviation written with full stops ("U.S.", "U.N.");
// plain one written without ("US", "UN"): two or three capitals.
var (
	dotted = regexp.MustCompile(`\b(?:[A-Z]\.){2,3}`)
	plain  = regexp.MustCompile(`\b[A-Z]{2,3}\b`)
)

// houseSpelling spells the abbreviations of added words as the headline
// does: "U.S. support for Taiwan" goes into "…hacks on US ports…" as "US
// support for Taiwan", and "US" into "…U.S. officials…" as "U.S.". An
// abbreviation the headline spells both ways, or not at all, is left as the
// rubric wrote it.
func houseSpelling(added, text string) string {
	if !hasAbbreviation(added) {
		return added
	}
	has := func(re *regexp.Regexp, w string) bool {
		for _, m := range re.FindAllString(text, -1) {
			if m == w {
				return true
			}
		}
		return false
	}
	added = dotted.ReplaceAllStringFunc(added, func(d string) string {
		p := strings.ReplaceAll(d, ".", "")
		if has(plain, p) && !has(dotted, d) {
			return p
		}
		return d
	})
	if text == strings.ToUpper(text) {
		return added // all capitals: every word looks like an abbreviation
	}
	return plain.ReplaceAllStringFunc(added, func(p string) string {
		d := strings.Join(strings.Split(p, ""), ".") + "."
		if has(dotted, d) && !has(plain, p) {
			return d
		}
		return p
	})
}

// misplacedAttribution says why attribution appended at the end of the
// headline would carry more than its claim, in a sentence for the fixes; ""
// when it may go there.
func misplacedAttribution(r *rubric.Rubric, g *rubric.Grade) string {
	cc := centralClaim(r, g)
	if w := secondPredicate(g.Text, cc); w != "" {
		return "Attribution at the end would also cover “" + w + "”: put it with the claim it sources, and keep the other claim apart."
	}
	if nominalClaim(g.Text, cc) {
		return "Attribution at the end would also vouch for what the headline itself says about the claim: make the claim the sentence and attribute it, or give the source of the rest."
	}
	return ""
}

// hasAbbreviation reports whether s may hold one: two capitals in a row or
// a capital and a full stop.
func hasAbbreviation(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i-1] >= 'A' && s[i-1] <= 'Z' && (s[i] >= 'A' && s[i] <= 'Z' || s[i] == '.') {
			return true
		}
	}
	return false
}
