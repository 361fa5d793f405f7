// Command lexgen generates the word families of factgrade's standards
// lexicon from WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet) and a
// checked-in spec that says, per family, which WordNet senses it starts from,
// how far it follows WordNet's pointers, and which words of those senses
// belong to another family. It adds English morphology (every inflection of a
// verb, the plural of a noun, the -ly adverb of an adjective when WordNet has
// it) and grammar (a phrasal verb's particle after each inflected form, and
// after an object of up to three words when the verb is separable).
//
// WordNet's exception lists name a word's irregular forms only, and say
// nothing of a regular form beside them (pled, but also pleaded; dove, but
// also dived; shown and showed). A second lexical resource decides: the
// regular form is added beside WordNet's irregular ones when SCOWL's American
// English word list (Debian's wamerican-large,
// /usr/share/dict/american-english-large) attests it (pleaded, dived, showed;
// never taked, meaned, gived), and when it is not the regular form of another
// WordNet word (seed is see's spelling only by accident).
//
// Nothing here reads a case file: word families come from English.
//
//	go run ./internal/lexgen -wordnet /usr/share/wordnet \
//	    -words /usr/share/dict/american-english-large \
//	    -spec engine/lexicon/families.spec.yaml -out engine/lexicon/families.yaml
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/factgrade/factgrade/engine"
	"go.yaml.in/yaml/v3"
)

// spec is the generator's input (engine/lexicon/families.spec.yaml).
type spec struct {
	Families map[string]specFamily `yaml:"families"`
}

type specFamily struct {
	Note string `yaml:"note"`
	// POS is verb, noun, adj or adv: the part of speech of the family's
	// words and how they are inflected.
	POS string `yaml:"pos"`
	// Synsets are WordNet senses, written lemma.pos.N (the Nth sense of
	// lemma in WordNet's index): all their lemmas join the family.
	Synsets []string `yaml:"synsets"`
	// Hyponyms follows WordNet's hyponym (troponym) pointers one level down
	// from each synset; Similar follows adjectives' similar-to pointers.
	Hyponyms bool `yaml:"hyponyms"`
	Similar  bool `yaml:"similar"`
	// Lemmas are single lemmas that must exist in WordNet for the POS.
	Lemmas []string `yaml:"lemmas"`
	// Idioms are lemmas or phrases WordNet 3.0 lacks (colloquial usage),
	// each inflected like the family's words; Why says where they come from.
	Idioms []string `yaml:"idioms"`
	Why    string   `yaml:"why"`
	// Drop removes lemmas that belong to another family (WordNet puts
	// "acknowledge" in the same synset as "admit"; the guide treats it as
	// the source's neutral verb).
	Drop []string `yaml:"drop"`
	// Separable phrasal verbs take their object before the particle too
	// ("let Beijing's role slip"), and a verb idiom an indirect object
	// before the rest ("told us the quiet part").
	Separable []string `yaml:"separable"`
	// Adverbs adds the -ly adverb of every adjective, when WordNet has it.
	Adverbs bool `yaml:"adverbs"`
	// Nouns adds the nouns WordNet derives from the family's verbs
	// (admit → admission), singular and plural.
	Nouns bool `yaml:"nouns"`
	// Suffix is a particle or preposition every word of the family takes
	// ("to": "admitted to"); the family's words then become phrases.
	Suffix string `yaml:"suffix"`
}

// out and family are the format the rubric loader reads.
type (
	out    = engine.FamiliesFile
	family = engine.Family
)

// The inputs' default places, where Debian's packages install them.
const (
	defaultWordNet = "/usr/share/wordnet"
	defaultWords   = "/usr/share/dict/american-english-large"
)

func main() {
	wn := flag.String("wordnet", defaultWordNet, "WordNet 3.0 dictionary directory (Debian package wordnet-base)")
	words := flag.String("words", defaultWords, "SCOWL American English word list, one word a line (Debian package wamerican-large)")
	specPath := flag.String("spec", "engine/lexicon/families.spec.yaml", "the families spec")
	outPath := flag.String("out", "engine/lexicon/families.yaml", "where to write the families")
	inflPath := flag.String("inflections", "engine/lexicon/inflections.txt", "where to write the table of the words whose forms are not regular (\"\": not written)")
	fold := flag.Bool("fold-inflections", false, "instead: rewrite the rubric or lexicon files named after the flags, each hand-listed set of all a word's forms in a pattern becoming the inflection operator (blame~); reads no WordNet")
	dryRun := flag.Bool("n", false, "with -fold-inflections: report what would be folded, and the incomplete sets left as written, without writing")
	flag.Parse()
	var err error
	if *fold {
		err = foldFiles(flag.Args(), *dryRun, os.Stdout)
	} else {
		err = writeAll(*wn, *words, *specPath, *outPath, *inflPath)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "lexgen:", err)
		os.Exit(1)
	}
}

// writeAll writes the families (and, when inflPath is given, the
// inflection table) from WordNet, the word list and the spec.
func writeAll(wnDir, wordsPath, specPath, outPath, inflPath string) error {
	w, err := load(wnDir, wordsPath)
	if err != nil {
		return err
	}
	data, err := w.generate(wnDir, wordsPath, specPath)
	if err != nil {
		return err
	}
	if err := os.WriteFile(outPath, data, 0o644); err != nil {
		return err
	}
	if inflPath == "" {
		return nil
	}
	return os.WriteFile(inflPath, w.inflectionTable(), 0o644)
}

// load reads WordNet and the word list.
func load(wnDir, wordsPath string) (*wordnet, error) {
	w, err := loadWordNet(wnDir)
	if err != nil {
		return nil, err
	}
	if w.attested, err = loadWords(wordsPath); err != nil {
		return nil, err
	}
	return w, nil
}

// generate builds families.yaml from WordNet, the word list and the spec.
func generate(wnDir, wordsPath, specPath string) ([]byte, error) {
	w, err := load(wnDir, wordsPath)
	if err != nil {
		return nil, err
	}
	return w.generate(wnDir, wordsPath, specPath)
}

func (w *wordnet) generate(wnDir, wordsPath, specPath string) ([]byte, error) {
	data, err := os.ReadFile(specPath)
	if err != nil {
		return nil, err
	}
	var sp spec
	if err := yaml.Unmarshal(data, &sp); err != nil {
		return nil, fmt.Errorf("%s: %w", specPath, err)
	}
	res := out{Source: "WordNet 3.0 (" + wnDir + "), SCOWL american-english-large (" + wordsPath + "), " + filepath.Base(specPath) + "; generated by internal/lexgen: do not edit", Families: map[string]family{}}
	names := make([]string, 0, len(sp.Families))
	for n := range sp.Families {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		f, err := w.build(sp.Families[n])
		if err != nil {
			return nil, fmt.Errorf("family %s: %w", n, err)
		}
		res.Families[n] = f
	}
	var buf bytes.Buffer
	buf.WriteString("# Code generated by internal/lexgen from WordNet 3.0, SCOWL's american-english-large and families.spec.yaml; DO NOT EDIT.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(res); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// wordnet is the part of WordNet 3.0 lexgen reads: the index (lemma → synset
// offsets by sense), the synsets, and the exception lists of inflections;
// with the words of the word list that attests regular forms.
type wordnet struct {
	index    map[string]map[string][]string // pos → lemma → offsets
	data     map[string]map[string]*synset  // pos → offset → synset
	exc      map[string]map[string][]string // pos → base → inflected forms
	attested map[string]bool                // the word list's words
}

// loadWords reads a word list, one word a line (SCOWL's american-english-large).
func loadWords(name string) (map[string]bool, error) {
	words := map[string]bool{}
	err := eachLine(name, func(f []string) {
		if len(f) == 1 {
			words[f[0]] = true
		}
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("word list %s not found: install Debian's wamerican-large (apt-get install wamerican-large) or pass -words with SCOWL's american-english-large", name)
	}
	if err == nil && len(words) < 1000 {
		err = fmt.Errorf("word list %s has %d words: it is not SCOWL's american-english-large (Debian's wamerican-large)", name, len(words))
	}
	return words, err
}

type synset struct {
	lemmas []string
	ptrs   []pointer
}

type pointer struct {
	sym, offset, pos string
	src, dst         int // word numbers for lexical pointers; 0 = semantic
}

var posFile = map[string]string{"verb": "verb", "noun": "noun", "adj": "adj", "adv": "adv"}
var posLetter = map[string]string{"v": "verb", "n": "noun", "a": "adj", "s": "adj", "r": "adv"}

func loadWordNet(dir string) (*wordnet, error) {
	if _, err := os.Stat(filepath.Join(dir, "index.verb")); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("WordNet 3.0 not found in %s: install Debian's wordnet-base (apt-get install wordnet-base) or pass -wordnet with its dict directory", dir)
	}
	w := &wordnet{index: map[string]map[string][]string{}, data: map[string]map[string]*synset{}, exc: map[string]map[string][]string{}}
	for pos, f := range posFile {
		w.index[pos] = map[string][]string{}
		w.data[pos] = map[string]*synset{}
		w.exc[pos] = map[string][]string{}
		if err := eachLine(filepath.Join(dir, "index."+f), func(fs []string) {
			// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets...
			if len(fs) < 4 {
				return
			}
			n, _ := strconv.Atoi(fs[2])
			w.index[pos][fs[0]] = fs[len(fs)-n:]
		}); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, "data."+f), func(fs []string) {
			if len(fs) < 4 {
				return
			}
			s := &synset{}
			nw, _ := strconv.ParseInt(fs[3], 16, 32)
			i := 4
			for k := 0; k < int(nw); k++ {
				lemma := strings.ToLower(fs[i])
				if j := strings.IndexByte(lemma, '('); j > 0 { // adjective markers: (a), (p), (ip)
					lemma = lemma[:j]
				}
				s.lemmas = append(s.lemmas, lemma)
				i += 2
			}
			np, _ := strconv.Atoi(fs[i])
			i++
			for k := 0; k < np; k++ {
				st := fs[i+3]
				src, _ := strconv.ParseInt(st[:2], 16, 32)
				dst, _ := strconv.ParseInt(st[2:], 16, 32)
				s.ptrs = append(s.ptrs, pointer{sym: fs[i], offset: fs[i+1], pos: posLetter[fs[i+2]], src: int(src), dst: int(dst)})
				i += 4
			}
			w.data[pos][fs[0]] = s
		}); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, f+".exc"), func(fs []string) {
			for _, base := range fs[1:] {
				w.exc[pos][base] = append(w.exc[pos][base], fs[0])
			}
		}); err != nil {
			return nil, err
		}
	}
	return w, nil
}

func eachLine(name string, fn func([]string)) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") { // licence header
			continue
		}
		fn(strings.Fields(line))
	}
	return sc.Err()
}

// sense returns the synset offset of lemma.pos.N.
func (w *wordnet) sense(ref string) (string, string, error) {
	parts := strings.Split(ref, ".")
	if len(parts) != 3 {
		return "", "", fmt.Errorf("sense %q: write lemma.pos.N (admit.v.1)", ref)
	}
	pos := posLetter[parts[1]]
	n, err := strconv.Atoi(parts[2])
	offs := w.index[pos][parts[0]]
	if pos == "" || err != nil || n < 1 || n > len(offs) {
		return "", "", fmt.Errorf("sense %q is not in WordNet 3.0 (%d senses)", ref, len(offs))
	}
	return pos, offs[n-1], nil
}

func (w *wordnet) build(sf specFamily) (family, error) {
	pos, ok := posFile[sf.POS]
	if !ok {
		return family{}, fmt.Errorf("pos %q: use verb, noun, adj or adv", sf.POS)
	}
	lemmas := map[string]bool{}
	derived := map[string]bool{} // nouns derived from the verbs
	drop := map[string]bool{}
	for _, d := range sf.Drop {
		drop[strings.ReplaceAll(d, " ", "_")] = true
	}
	addSynset := func(p, off string, depth int) {}
	addSynset = func(p, off string, depth int) {
		s := w.data[p][off]
		if s == nil {
			return
		}
		for i, l := range s.lemmas {
			if drop[l] {
				continue
			}
			lemmas[l] = true
			if sf.Nouns {
				for _, ptr := range s.ptrs {
					if ptr.sym == "+" && ptr.pos == "noun" && ptr.src == i+1 {
						if t := w.data["noun"][ptr.offset]; t != nil && ptr.dst >= 1 && ptr.dst <= len(t.lemmas) {
							if n := t.lemmas[ptr.dst-1]; !drop[n] && !strings.HasSuffix(n, "er") && !strings.HasSuffix(n, "or") {
								derived[n] = true // the act, not the doer (confession, not confessor)
							}
						}
					}
				}
			}
		}
		if depth > 0 {
			for _, ptr := range s.ptrs {
				if (sf.Hyponyms && ptr.sym == "~") || (sf.Similar && ptr.sym == "&") {
					addSynset(ptr.pos, ptr.offset, depth-1)
				}
			}
		}
	}
	for _, ref := range sf.Synsets {
		p, off, err := w.sense(ref)
		if err != nil {
			return family{}, err
		}
		if p != pos {
			return family{}, fmt.Errorf("sense %s is a %s, the family is %s", ref, p, pos)
		}
		addSynset(p, off, 1)
	}
	for _, l := range sf.Lemmas {
		k := strings.ReplaceAll(l, " ", "_")
		if _, ok := w.index[pos][k]; !ok {
			return family{}, fmt.Errorf("lemma %q is not a WordNet 3.0 %s: list it under idioms with why", l, pos)
		}
		lemmas[k] = true
	}
	if len(sf.Idioms) > 0 && sf.Why == "" {
		return family{}, fmt.Errorf("idioms need a why: where the usage comes from")
	}
	for _, l := range sf.Idioms {
		lemmas[strings.ReplaceAll(l, " ", "_")] = true
	}
	words := map[string]bool{}
	var phrases []string
	seenPhrase := map[string]bool{}
	sep := map[string]bool{}
	for _, s := range sf.Separable {
		sep[strings.ReplaceAll(s, " ", "_")] = true
	}
	addPhrase := func(p string) {
		if !seenPhrase[p] {
			seenPhrase[p] = true
			phrases = append(phrases, p)
		}
	}
	for l := range lemmas {
		parts := strings.Split(l, "_")
		forms := w.inflect(pos, parts[0])
		rest := parts[1:]
		if sf.Suffix != "" {
			rest = append(rest, sf.Suffix)
		}
		if len(rest) == 0 {
			for _, f := range forms {
				words[f] = true
			}
			continue
		}
		head := strings.Join(forms, "|")
		addPhrase(head + " " + strings.Join(rest, " "))
		if sep[l] {
			// The object before the particle ("let Beijing's role
			// slip"), or an indirect object before the rest of an idiom
			// ("told us the quiet part").
			addPhrase(head + " _{1,3} " + strings.Join(rest, " "))
		}
	}
	if sf.Adverbs {
		for l := range lemmas {
			for _, a := range adverbsOf(l) {
				if _, ok := w.index["adv"][a]; ok {
					words[a] = true
				}
			}
		}
	}
	for n := range derived {
		parts := strings.Split(n, "_")
		if len(parts) > 1 {
			continue
		}
		for _, f := range w.inflect("noun", n) {
			if sf.Suffix != "" {
				addPhrase(f + " " + sf.Suffix)
			} else {
				words[f] = true
			}
		}
	}
	f := family{Note: sf.Note}
	for x := range words {
		if !plainWord(x) {
			return family{}, fmt.Errorf("%q is not one word of a text (letters, digits, inner apostrophes): drop it", x)
		}
		f.Words = append(f.Words, x)
	}
	sort.Strings(f.Words)
	sort.Strings(phrases)
	f.Phrases = phrases
	return f, nil
}

// inflect returns every form of a word: a verb's base, -s, past, participles
// and -ing; a noun's singular and plural; an adjective or adverb as it is.
// A word WordNet lists no exception for is regular. Where it lists
// exceptions (took, pled, shown, spilt, letting, crises), they are only the
// irregular forms: the regular form of the same slot (past, -ing, plural) is
// added beside them when the word list attests it (pleaded, showed,
// spilled, signaled; never taked, meaned, leted) and it is not the regular
// form of another WordNet word (seed, sited, singed, maned).
func (w *wordnet) inflect(pos, base string) []string {
	set := map[string]bool{base: true}
	exc := w.exc[pos][base]
	for _, x := range exc {
		set[x] = true
	}
	regular := func(x string, listed bool) {
		if !listed || (w.attested[x] && !w.otherWordsForm(pos, base, x)) {
			set[x] = true
		}
	}
	switch pos {
	case "verb":
		set[engine.ThirdPerson(base)] = true
		// WordNet lists every irregular -ing (putting, lying), so a verb
		// whose exceptions name none has the regular one; its past needs
		// the word list whenever it has an exception at all (a doubled
		// -ing with no past listed is a verb whose past is its base: let,
		// put, cut).
		ing := false
		for _, x := range exc {
			ing = ing || slot(pos, x) == "ing"
		}
		regular(engine.Past(base), len(exc) > 0)
		regular(engine.Ing(base), ing)
	case "noun":
		regular(engine.Plural(base), len(exc) > 0)
	}
	out := make([]string, 0, len(set))
	for x := range set {
		out = append(out, x)
	}
	sort.Strings(out)
	return out
}

// otherWordsForm reports whether x, a regular form of base, is a WordNet
// word of the same part of speech itself (seed beside see) or the regular
// form of another that has no irregular form in its place (sited is site's
// past, not sit's; singed singe's). A word list attests a spelling, not
// whose form it is. Spellings of one word (stymie, stymy) share their forms.
func (w *wordnet) otherWordsForm(pos, base, x string) bool {
	if x != base && w.isWord(pos, x) && !w.sameWord(pos, x, base) {
		return true
	}
	// A verb that doubles its final consonant (manned, capped: WordNet
	// lists the doubled forms) has an undoubled spelling only when no word
	// ends in e there: maned is mane's, caped cape's, shined shine's;
	// signaled and kidnaped are signal's and kidnap's.
	exc := w.exc[pos][base]
	if pos == "verb" && (slices.Contains(exc, doubled(base, "ed")) || slices.Contains(exc, doubled(base, "ing"))) {
		for _, p := range []string{"noun", "verb", "adj"} {
			if e := base + "e"; w.isWord(p, e) && !w.sameWord(p, e, base) {
				return true
			}
		}
	}
	for _, stem := range stems(pos, x) {
		if stem == base || !w.isWord(pos, stem) || w.sameWord(pos, stem, base) {
			continue
		}
		own := false // stem lists an irregular form of x's slot
		for _, e := range w.exc[pos][stem] {
			if slot(pos, e) == slot(pos, x) {
				own = true
			}
		}
		if !own && slices.Contains([]string{engine.Past(stem), engine.Ing(stem), engine.Plural(stem)}, x) {
			return true
		}
	}
	return false
}

func (w *wordnet) isWord(pos, x string) bool {
	_, ok := w.index[pos][x]
	return ok
}

// sameWord reports whether a and b are spellings of one word, sharing a
// WordNet sense (stymie and stymy).
func (w *wordnet) sameWord(pos, a, b string) bool {
	for _, o := range w.index[pos][a] {
		if slices.Contains(w.index[pos][b], o) {
			return true
		}
	}
	return false
}

// stems are the bases x may be a regular form of, by WordNet's own
// detachment rules (morphy).
func stems(pos, x string) []string {
	var rules [][2]string
	switch pos {
	case "verb":
		rules = [][2]string{{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}}
	case "noun":
		rules = [][2]string{{"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"ies", "y"}, {"s", ""}}
	}
	var out []string
	for _, r := range rules {
		if s, ok := strings.CutSuffix(x, r[0]); ok && s != "" {
			out = append(out, s+r[1])
		}
	}
	return out
}

// slot names which form an inflected word is: a verb's past (or
// participle) or -ing, a noun's plural.
func slot(pos, x string) string {
	if pos == "verb" && strings.HasSuffix(x, "ing") {
		return "ing"
	}
	return "other"
}

// doubled is a verb's form with its final consonant doubled (patted).
func doubled(base, suffix string) string {
	return base + base[len(base)-1:] + suffix
}

// adverbsOf are the candidate -ly adverbs of an adjective (tacit → tacitly,
// subtle → subtly, cryptic → cryptically, public → publicly); WordNet says
// which exist.
func adverbsOf(a string) []string {
	switch {
	case strings.Contains(a, "_"):
		return nil
	case strings.HasSuffix(a, "le") && len(a) > 3 && !engine.IsVowel(a[len(a)-3]):
		return []string{a[:len(a)-1] + "y"}
	case strings.HasSuffix(a, "ic"):
		return []string{a + "ally", a + "ly"}
	case strings.HasSuffix(a, "y") && len(a) > 2 && !engine.IsVowel(a[len(a)-2]):
		return []string{a[:len(a)-1] + "ily"}
	case strings.HasSuffix(a, "ll"):
		return []string{a + "y"}
	}
	return []string{a + "ly"}
}

// plainWord reports whether w is one word as factgrade's tokeniser reads a
// text: letters and digits with inner apostrophes.
func plainWord(w string) bool {
	for i, r := range w {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r == '\'' && i > 0 && i < len(w)-1:
		default:
			return false
		}
	}
	return w != ""
}
