package engine

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// English inflection: the regular rules, shared with internal/lexgen (which
// builds the lexicon's word families with them), and the table of the
// words whose forms are not regular, which lexgen writes from WordNet 3.0's
// exception lists and SCOWL's word list (lexicon/inflections.txt). The
// inflection operator of the rule language (turn~ in a pattern) expands to
// Forms at compile time; nothing here runs while a text is read.

// ThirdPerson is a verb's regular -s form (links, pushes, denies, vetoes).
func ThirdPerson(b string) string {
	switch {
	case sibilant(b) || strings.HasSuffix(b, "o"):
		return b + "es"
	case consonantY(b):
		return b[:len(b)-1] + "ies"
	}
	return b + "s"
}

// Past is a verb's regular past and past participle (linked, noted,
// denied). Doubling a final consonant (patted) is not a rule of its own:
// WordNet lists every doubled form as an exception.
func Past(b string) string {
	switch {
	case strings.HasSuffix(b, "e"):
		return b + "d"
	case consonantY(b):
		return b[:len(b)-1] + "ied"
	}
	return b + "ed"
}

// Ing is a verb's regular -ing form (linking, noting, tying, seeing).
func Ing(b string) string {
	switch {
	case strings.HasSuffix(b, "ie"):
		return b[:len(b)-2] + "ying"
	case strings.HasSuffix(b, "e") && !strings.HasSuffix(b, "ee") && len(b) > 2:
		return b[:len(b)-1] + "ing"
	}
	return b + "ing"
}

// Plural is a noun's regular plural (officials, indexes, agencies).
func Plural(b string) string {
	switch {
	case sibilant(b):
		return b + "es"
	case consonantY(b):
		return b[:len(b)-1] + "ies"
	}
	return b + "s"
}

// sibilant reports whether b ends in s, x, z, ch or sh, which take -es.
func sibilant(b string) bool {
	for _, s := range []string{"s", "x", "z", "ch", "sh"} {
		if strings.HasSuffix(b, s) {
			return true
		}
	}
	return false
}

// consonantY reports whether b ends in a consonant and y (deny, agency).
func consonantY(b string) bool {
	return len(b) > 1 && b[len(b)-1] == 'y' && !IsVowel(b[len(b)-2])
}

// IsVowel reports whether c is a vowel letter.
func IsVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// The regular forms, by slot: a verb's -s, past and -ing, a noun's plural.
// The table says which of them a word has by these letters.
var slots = [...]struct {
	letter byte
	form   func(string) string
}{{'s', ThirdPerson}, {'d', Past}, {'g', Ing}, {'p', Plural}}

// allSlots is a word with every regular form.
const allSlots = "sdgp"

// slotForms returns w's regular forms of the slots named by letters; a
// hyphenated word inflects its last part (cyber-attack: cyber-attacks,
// cyber-attacked, …).
func slotForms(w, letters string) []string {
	head, last := "", w
	if i := strings.LastIndexByte(w, '-'); i > 0 && i < len(w)-1 {
		head, last = w[:i+1], w[i+1:]
	}
	var out []string
	for _, s := range slots {
		if strings.IndexByte(letters, s.letter) >= 0 {
			out = append(out, head+s.form(last))
		}
	}
	return out
}

// RegularForms returns the forms the regular rules give a word whose part
// of speech is not known: as a verb (the base, -s, past and participle,
// -ing) and as a noun (the plural), sorted.
func RegularForms(w string) []string {
	out := append(slotForms(w, allSlots), w)
	slices.Sort(out)
	return slices.Compact(out)
}

// InflectionEntry is one line of the inflection table: which regular
// forms a word has (slot letters: s for -s, d the past, g -ing, p the
// plural) and its other forms.
type InflectionEntry struct {
	Word, Slots string
	Other       []string
}

// String writes the entry as a line of the table: the word, ":" and its
// slot letters unless it has them all, then its other forms ("take:sg
// taken took", "crisis: crises", "plead pled").
func (e InflectionEntry) String() string {
	s := e.Word
	if e.Slots != allSlots {
		s += ":" + e.Slots
	}
	for _, f := range e.Other {
		s += " " + f
	}
	return s
}

// Forms returns the forms the entry gives its word, sorted.
func (e InflectionEntry) Forms() []string {
	out := append(slotForms(e.Word, e.Slots), e.Word)
	out = append(out, e.Other...)
	slices.Sort(out)
	return slices.Compact(out)
}

// EntryFor is the entry that gives word exactly forms (which contain word).
func EntryFor(word string, forms []string) InflectionEntry {
	e := InflectionEntry{Word: word}
	var regular []string
	for _, s := range slots {
		if f := slotForms(word, string(s.letter))[0]; slices.Contains(forms, f) {
			e.Slots += string(s.letter)
			regular = append(regular, f)
		}
	}
	for _, f := range forms {
		if f != word && !slices.Contains(regular, f) {
			e.Other = append(e.Other, f)
		}
	}
	slices.Sort(e.Other)
	return e
}

// ParseInflections reads an inflection table: one entry a line (see
// InflectionEntry.String); '#' starts a comment line.
func ParseInflections(data string) (map[string]InflectionEntry, error) {
	out := map[string]InflectionEntry{}
	for n, line := range strings.Split(data, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		word, letters, ok := strings.Cut(f[0], ":")
		if !ok {
			letters = allSlots
		}
		if strings.Trim(letters, allSlots) != "" {
			return nil, fmt.Errorf("line %d: %q: the slot letters are s, d, g and p", n+1, f[0])
		}
		if _, dup := out[word]; dup {
			return nil, fmt.Errorf("line %d: %s is listed twice", n+1, word)
		}
		out[word] = InflectionEntry{Word: word, Slots: letters, Other: f[1:]}
	}
	return out, nil
}

//go:embed lexicon/inflections.txt
var inflectionsData string

var inflections = sync.OnceValues(func() (map[string]InflectionEntry, error) {
	return ParseInflections(inflectionsData)
})

// Forms returns every form of w as English has them, sorted: a word of the
// inflection table (WordNet's exceptions, with the regular form beside an
// irregular one only where the word list attests it: took, pled and
// pleaded, shown and showed, letting, crises) as the table says; any other
// word by the regular rules (RegularForms), a hyphenated one by the forms
// of its last part (baby-sat, cyber-attacks).
func Forms(w string) []string {
	tab, err := inflections()
	if err != nil {
		panic("engine: lexicon/inflections.txt: " + err.Error())
	}
	if e, ok := tab[w]; ok {
		return e.Forms()
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && i < len(w)-1 {
		var out []string
		for _, f := range Forms(w[i+1:]) {
			out = append(out, w[:i+1]+f)
		}
		return out
	}
	return RegularForms(w)
}

// inflected expands an alternative written with the inflection operator
// ("turn~") to the word's forms.
func inflected(a string) ([]string, error) {
	w := strings.TrimSuffix(a, "~")
	if !letters(w) {
		return nil, fmt.Errorf("bad alternative %q: the inflection operator ~ follows a word of lower-case letters (turn~, blame~), not an initialism, a class, a wildcard or a regular expression", a)
	}
	return Forms(w), nil
}

// inflectedParts writes a hyphenated word with the inflection operator
// ("baby-sit~", "mother-in-law~") as the elements the text is read as: its
// parts and hyphens, each part the alternatives its forms have there
// (baby - sit|sits|sat|sitting; mother|mothers - in - law).
func inflectedParts(f string) ([]string, error) {
	w := strings.TrimSuffix(f, "~")
	n := strings.Count(w, "-") + 1
	alts := make([][]string, n)
	for _, part := range strings.Split(w, "-") {
		if part == "" {
			return nil, fmt.Errorf("hyphen trap: %q has an empty part; write a lone hyphen as \"-\"", f)
		}
		if _, err := inflected(part + "~"); err != nil {
			return nil, err
		}
	}
	forms := Forms(w)
	for _, form := range forms {
		parts := strings.Split(form, "-")
		if len(parts) != n {
			return nil, fmt.Errorf("%q: the form %s has another number of parts; write its forms as patterns of their own", f, form)
		}
		for i, p := range parts {
			if !slices.Contains(alts[i], p) {
				alts[i] = append(alts[i], p)
			}
		}
	}
	ways := 1
	var out []string
	for i, a := range alts {
		ways *= len(a)
		if i > 0 {
			out = append(out, "-")
		}
		out = append(out, strings.Join(a, "|"))
	}
	if ways != len(forms) {
		return nil, fmt.Errorf("%q: its forms differ in more than one part (%s); write them as patterns of their own", f, strings.Join(forms, ", "))
	}
	return out, nil
}

// Fold is a hand-listed set of a word's forms in one element of a
// pattern, which the inflection operator writes as Word~.
type Fold struct {
	// Word is the word, Forms the forms listed (all of Forms(Word)).
	Word  string
	Forms []string
	// Element is the element as written, Folded the element with the
	// forms replaced by Word~.
	Element, Folded string
}

// FoldInflections returns src with every element's hand-listed full set of
// a word's forms written with the inflection operator
// ("blame|blames|blamed|blaming on" → "blame~ on"), and the folds it made.
// Only a set that is all of a word's forms is folded, so the pattern
// matches exactly what it did ("say|says|said" lacks saying and stays);
// the words stay in their order, the operator where its word was. Only
// plain words are read: prefixes, classes, regular expressions and the
// rest are kept as written. min is the fewest forms a fold must have.
func FoldInflections(src string, min int) (string, []Fold) {
	fields := strings.Fields(src)
	var folds []Fold
	for i, f := range fields {
		nf, fs := foldElement(f, min)
		if len(fs) > 0 {
			fields[i] = nf
			folds = append(folds, fs...)
		}
	}
	if len(folds) == 0 {
		return src, nil
	}
	return strings.Join(fields, " "), folds
}

// foldElement folds one element (see FoldInflections).
func foldElement(f string, min int) (string, []Fold) {
	if strings.HasPrefix(f, "/") {
		return f, nil
	}
	body, suffix := f, ""
	if i := strings.LastIndexByte(f, '{'); i > 0 && strings.HasSuffix(f, "}") {
		body, suffix = f[:i], f[i:]
	} else if len(f) > 1 && strings.HasSuffix(f, "?") && !strings.HasSuffix(f, `\?`) {
		body, suffix = f[:len(f)-1], "?"
	}
	alts := strings.Split(body, "|")
	listed := map[string]bool{}
	for _, a := range alts {
		if letters(a) {
			listed[a] = true
		}
	}
	var folds []Fold
	covered := map[string]bool{}
	for _, a := range alts {
		if !listed[a] {
			continue
		}
		forms := Forms(a)
		if len(forms) < min || len(forms) < 2 {
			continue
		}
		all := true
		for _, x := range forms {
			all = all && listed[x]
		}
		if all {
			folds = append(folds, Fold{Word: a, Forms: forms})
			for _, x := range forms {
				covered[x] = true
			}
		}
	}
	if len(folds) == 0 {
		return f, nil
	}
	var out []string
	seen := map[string]bool{}
	for _, a := range alts {
		switch {
		case slices.ContainsFunc(folds, func(fo Fold) bool { return fo.Word == a }):
			if !seen[a+"~"] {
				out = append(out, a+"~")
				seen[a+"~"] = true
			}
		case covered[a]:
		default:
			out = append(out, a)
		}
	}
	nf := strings.Join(out, "|") + suffix
	for i := range folds {
		folds[i].Element, folds[i].Folded = f, nf
	}
	return nf, folds
}

// letters reports whether w is lower-case letters only.
func letters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return w != ""
}

// NotePattern records pattern src of the file, at line, for lint
// (HandListed); what is where it is ("signal x").
func (f *YAMLFile) NotePattern(line int, what, src string) {
	f.Patterns = append(f.Patterns, PatternAt{Line: line, What: what, Src: src})
}

// HandListed returns a warning for every element of the patterns ps (of
// file name) that lists three or more forms of a word, all of them, by
// hand: the inflection operator says the same. Lint shows them; loading
// does not compute them.
func HandListed(name string, ps []PatternAt) []Problem {
	var out []Problem
	for _, p := range ps {
		_, folds := FoldInflections(p.Src, 3)
		for _, fo := range folds {
			out = append(out, Problem{File: name, Line: p.Line, Msg: fmt.Sprintf("%s: %s are every form of %s, written by hand: write %s~ (the element becomes %s)", p.What, strings.Join(fo.Forms, "|"), fo.Word, fo.Word, fo.Folded)})
		}
	}
	return out
}
