package revise

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the English a rewrite needs, whatever the story: verb forms
// and their inflection, nouns and articles, and a headline's case style.
// No story's words belong here; a rubric's edits bring those.

// form is the grammatical form of the verb a rewrite replaces.
type form uint8

const (
	formUnknown    form = iota
	formBase            // after to, a modal or do: "did admit", "to admit"
	formPlural          // present, not third person singular: "officials admit"
	formThird           // present, third person singular: "China admits"
	formPast            // "China admitted"
	formParticiple      // after have or be: "was admitted", "has admitted"
	formGerund          // "admitting"
	formNoun            // "admission"
)

// irregularPast maps the irregular past and participle forms that claim
// verbs take to whether the form is a participle only (true) or a past
// (false; the participle where it is the same word).
var irregularPast = map[string]bool{
	"took": false, "taken": true, "came": false, "bore": false, "borne": true,
	"made": false, "said": false, "told": false, "gave": false, "given": true,
	"held": false, "saw": false, "seen": true, "spoke": false, "spoken": true,
	"let": false, "put": false, "got": false, "gotten": true, "went": false, "gone": true,
	"knew": false, "known": true, "drew": false, "drawn": true, "wrote": false, "written": true,
	"broke": false, "broken": true, "stole": false, "stolen": true, "won": false, "hid": false, "hidden": true,
	"slipped": false, "owned": false, "fessed": false,
}

// auxiliaries decide the form of the verb after them.
var (
	baseBefore = map[string]bool{
		"to": true, "do": true, "does": true, "did": true, "don't": true, "doesn't": true, "didn't": true,
		"can": true, "could": true, "may": true, "might": true, "must": true, "shall": true, "should": true,
		"will": true, "would": true, "won't": true, "wouldn't": true, "can't": true, "couldn't": true, "cannot": true,
	}
	participleBefore = map[string]bool{
		"has": true, "have": true, "had": true, "having": true, "hasn't": true, "haven't": true, "hadn't": true,
		"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
		"get": true, "gets": true, "got": true, "isn't": true, "wasn't": true, "weren't": true, "aren't": true,
	}
	determiners = map[string]bool{
		"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true,
		"its": true, "his": true, "her": true, "their": true, "our": true, "your": true, "my": true,
		"any": true, "no": true, "some": true, "every": true, "each": true,
	}
)

// beForms are the forms of "be", which no adverb of manner qualifies.
var beForms = map[string]bool{"am": true, "is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "'s": true}

// hedgeAdverbs say who vouches for what follows them; they stand before a
// qualified verb without "and".
var hedgeAdverbs = map[string]bool{
	"allegedly": true, "reportedly": true, "apparently": true, "supposedly": true, "purportedly": true,
	"seemingly": true, "ostensibly": true, "reputedly": true, "evidently": true, "presumably": true,
}

// subjects are pronouns that start a clause, never a verb to inflect.
var subjects = map[string]bool{
	"i": true, "we": true, "you": true, "he": true, "she": true, "it": true, "they": true,
	"that": true, "this": true, "that's": true, "it's": true, "we're": true, "they're": true,
}

// nounSuffixes end nouns made from verbs ("admission", "confirmation").
var nounSuffixes = []string{"ion", "ions", "ment", "ments", "ance", "ances", "ence", "ences", "ure", "ures", "al", "als"}

// formOf returns the form of the words replaced, from the head word (the
// first), the last word and the word before them.
func formOf(words []string, before string) form {
	if len(words) == 0 {
		return formUnknown
	}
	head, last := words[0], words[len(words)-1]
	for _, suf := range nounSuffixes {
		if strings.HasSuffix(last, suf) && len(last) > len(suf)+2 {
			return formNoun
		}
	}
	if determiners[before] || strings.HasSuffix(before, "'s") {
		// "the admission", "China's confession"; but "that confirms",
		// "this revealed" are verbs
		if !hasAnySuffix(head, "ed", "ing", "s") {
			return formNoun
		}
	}
	if p, ok := irregularPast[head]; ok {
		if p || participleBefore[before] {
			return formParticiple
		}
		return formPast
	}
	switch {
	case strings.HasSuffix(head, "ing") && len(head) > 4:
		return formGerund
	case strings.HasSuffix(head, "ed") && len(head) > 3:
		if participleBefore[before] {
			return formParticiple
		}
		return formPast
	case baseBefore[before]:
		return formBase
	case strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && len(head) > 2:
		return formThird
	}
	return formPlural
}

// inflect returns the verb lemma in form f; plural says the subject is
// plural, for the past of "be".
func inflect(lemma string, f form, plural bool) string {
	switch lemma {
	case "be":
		return map[form]string{formBase: "be", formPlural: "are", formThird: "is", formPast: pick(plural, "were", "was"),
			formParticiple: "been", formGerund: "being"}[f]
	case "have":
		return map[form]string{formBase: "have", formPlural: "have", formThird: "has", formPast: "had",
			formParticiple: "had", formGerund: "having"}[f]
	case "do":
		return map[form]string{formBase: "do", formPlural: "do", formThird: "does", formPast: "did",
			formParticiple: "done", formGerund: "doing"}[f]
	}
	switch f {
	case formThird:
		switch {
		case hasAnySuffix(lemma, "s", "x", "z", "ch", "sh", "o"):
			return lemma + "es"
		case consonantY(lemma):
			return lemma[:len(lemma)-1] + "ies"
		}
		return lemma + "s"
	case formPast, formParticiple:
		switch {
		case strings.HasSuffix(lemma, "e"):
			return lemma + "d"
		case consonantY(lemma):
			return lemma[:len(lemma)-1] + "ied"
		case doubles(lemma):
			return lemma + lemma[len(lemma)-1:] + "ed"
		}
		return lemma + "ed"
	case formGerund:
		switch {
		case strings.HasSuffix(lemma, "ie"):
			return lemma[:len(lemma)-2] + "ying"
		case strings.HasSuffix(lemma, "e") && !hasAnySuffix(lemma, "ee", "ye", "oe"):
			return lemma[:len(lemma)-1] + "ing"
		case doubles(lemma):
			return lemma + lemma[len(lemma)-1:] + "ing"
		}
		return lemma + "ing"
	}
	return lemma
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

func hasAnySuffix(s string, sufs ...string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func consonantY(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == 'y' && !isVowel(w[n-2])
}

// stressFinal are verbs of more than one syllable stressed on the last, which
// double their final consonant ("admitted"); others do not in U.S. spelling
// ("signaled").
var stressFinal = map[string]bool{
	"admit": true, "commit": true, "omit": true, "permit": true, "submit": true, "emit": true,
	"refer": true, "prefer": true, "confer": true, "defer": true, "occur": true, "recur": true,
	"regret": true, "control": true, "patrol": true, "compel": true, "expel": true, "propel": true,
	"rebut": true, "abet": true, "upset": true, "forget": true, "begin": true,
}

// doubles reports whether a verb doubles its final consonant before -ed and
// -ing: one syllable ending consonant–vowel–consonant ("cop"), or a listed
// verb stressed on its last syllable.
func doubles(w string) bool {
	if stressFinal[w] {
		return true
	}
	n := len(w)
	if n < 3 || isVowel(w[n-1]) || strings.IndexByte("wxy", w[n-1]) >= 0 || !isVowel(w[n-2]) || isVowel(w[n-3]) {
		return false
	}
	vowels := 0
	for i := 0; i < n; i++ {
		if isVowel(w[i]) && (i == 0 || !isVowel(w[i-1])) {
			vowels++
		}
	}
	return vowels == 1
}

// pluralNoun returns the plural of a noun phrase's last word.
func pluralNoun(phrase string) string {
	i := strings.LastIndexByte(phrase, ' ') + 1
	w := phrase[i:]
	switch {
	case hasAnySuffix(w, "s", "x", "z", "ch", "sh"):
		w += "es"
	case consonantY(w):
		w = w[:len(w)-1] + "ies"
	default:
		w += "s"
	}
	return phrase[:i] + w
}

// articleFor returns "a" or "an" for the word that follows it, by its first
// letter (a vowel letter, except the "you" sound of "uni…", "use…").
func articleFor(next string, upper bool) string {
	w := strings.ToLower(next)
	an := w != "" && isVowel(w[0]) && !strings.HasPrefix(w, "uni") && !strings.HasPrefix(w, "use") && !strings.HasPrefix(w, "one")
	switch {
	case an && upper:
		return "An"
	case an:
		return "an"
	case upper:
		return "A"
	}
	return "a"
}

// style is a headline's case style.
type style uint8

const (
	sentenceCase style = iota
	titleCase
	upperCase
	lowerCase
)

// styleOf returns the case style of text: all capitals, all lower case,
// title case (most words of four letters or more capitalised) or sentence
// case.
func styleOf(text string) style {
	upper, lower := 0, 0
	caps, long := 0, 0 // words of four letters or more, and those capitalised
	wordLen, initialUpper := 0, false
	endWord := func() {
		if wordLen > 3 {
			long++
			if initialUpper {
				caps++
			}
		}
		wordLen = 0
	}
	for i := 0; i < len(text); {
		// ASCII, the common case, is read a byte at a time.
		r, n := rune(text[i]), 1
		isUpper, isLower := 'A' <= r && r <= 'Z', 'a' <= r && r <= 'z'
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
			isUpper, isLower = unicode.IsUpper(r), unicode.IsLower(r)
		}
		i += n
		switch {
		case r == ' ':
			endWord()
			continue
		case isUpper:
			upper++
		case isLower:
			lower++
		}
		if wordLen == 0 {
			switch r {
			case '"', '\'', '‘', '“', '(':
				continue // a word's opening quotation mark
			}
			initialUpper = isUpper
		}
		wordLen++
	}
	endWord()
	switch {
	case upper == 0 && lower > 0:
		return lowerCase
	case upper >= 8 && upper*10 >= (upper+lower)*9:
		return upperCase
	case long > 0 && caps*4 >= long*3:
		return titleCase
	}
	return sentenceCase
}

// smallWords stay lower case inside a title-cased headline.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true, "nor": true, "for": true,
	"so": true, "yet": true, "at": true, "by": true, "in": true, "of": true, "on": true, "to": true,
	"up": true, "as": true, "per": true, "via": true, "off": true,
}

// styled writes phrase, as a rubric spells it, in the headline's style;
// first says it starts the headline or a part of it (after a colon).
func styled(phrase string, st style, first bool) string {
	switch st {
	case upperCase:
		return strings.ToUpper(phrase)
	case lowerCase:
		return strings.ToLower(phrase)
	case titleCase:
		words := strings.Split(phrase, " ")
		for i, w := range words {
			if w == "" || (smallWords[strings.ToLower(w)] && !(i == 0 && first)) {
				continue
			}
			words[i] = capitalize(w)
		}
		return strings.Join(words, " ")
	}
	if first {
		return capitalize(phrase)
	}
	return phrase
}

func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

// words splits s into lower-cased words, dropping punctuation around them.
func words(s string) []string {
	var out []string
	for w := range strings.FieldsSeq(strings.ToLower(s)) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		w = strings.ReplaceAll(w, "’", "'")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// interjections and new subjects mark an aside a writer adds to a headline
// ("… lol", "… and nobody cares"): attribution appended after one would put
// the writer's words in a source's mouth.
var (
	interjections = map[string]bool{
		"lol": true, "lmao": true, "lmfao": true, "rofl": true, "smh": true, "omg": true, "wow": true, "yikes": true,
		"wtf": true, "ugh": true, "sheesh": true, "imo": true, "imho": true, "tbh": true, "fyi": true, "ffs": true, "yeah": true,
		"huh": true, "oops": true, "welp": true, "bruh": true, "til": true, "ngl": true, "fr": true, "istg": true,
	}
	newSubjects = map[string]bool{
		"it": true, "it's": true, "that": true, "that's": true, "this": true, "nobody": true, "nobody's": true,
		"no": true, "everyone": true, "everybody": true, "we": true, "i": true, "i'm": true, "you": true,
		"they": true, "he": true, "she": true, "there": true, "there's": true, "here's": true, "who": true,
	}
	slangAsides  = map[string]bool{"no cap": true, "for real": true, "not gonna": true}
	coordinators = map[string]bool{"and": true, "but": true, "so": true, "yet": true, "while": true}
	// reporting words attribute a claim, or already name who said it: a
	// headline with one gets no appended attribution.
	reporting = map[string]bool{
		"say": true, "says": true, "said": true, "tell": true, "tells": true, "told": true,
		"according": true, "per": true, "reportedly": true, "allegedly": true, "report": true, "reports": true,
		"reported": true, "claim": true, "claims": true, "claimed": true, "reveal": true, "reveals": true,
		"implied": true, "implies": true, "insist": true, "insists": true, "warn": true, "warns": true, "warned": true,
		"write": true, "writes": true, "wrote": true, "sources": true, "source": true,
	}
)

// hasAside reports whether a headline carries the writer's own aside: an
// interjection, a coordinated clause with a new subject ("and nobody
// cares", "and it's a big deal"), or one after a break ("- and the reason
// is no surprise").
func hasAside(text string) bool {
	ws := strings.Fields(strings.ToLower(text))
	for i := 0; i+1 < len(ws); i++ {
		// slang asides of two words ("…, no cap", "for real")
		if pair := strings.Trim(ws[i], ",;:-—") + " " + strings.Trim(ws[i+1], ",.;:!?-—"); slangAsides[pair] {
			return true
		}
	}
	for i, w := range ws {
		bare := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
		bare = strings.ReplaceAll(bare, "’", "'")
		if interjections[bare] {
			return true
		}
		if !coordinators[bare] || i+1 >= len(ws) {
			continue
		}
		next := strings.ReplaceAll(strings.Trim(ws[i+1], ",.;:!?\"“”"), "’", "'")
		// an adverb between ("and basically nobody …")
		if strings.HasSuffix(next, "ly") && i+2 < len(ws) {
			next = strings.ReplaceAll(strings.Trim(ws[i+2], ",.;:!?\"“”"), "’", "'")
		}
		brk := strings.HasSuffix(ws[max(i-1, 0)], ",") || strings.HasSuffix(ws[max(i-1, 0)], ";") || (i > 0 && strings.Trim(ws[i-1], "-—–") == "")
		if newSubjects[next] || brk && determiners[next] {
			return true
		}
	}
	return false
}

// attributed reports whether a headline already names a source or a
// speaker of its claim (a reporting word, not after "to").
func attributed(ws []string) bool {
	for i, w := range ws {
		// "… cancer agency to say": what is to be said, not who said it.
		if reporting[w] && (i == 0 || ws[i-1] != "to") {
			return true
		}
	}
	return false
}
