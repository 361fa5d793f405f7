package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/engine"
)

// tinyWordNet is a few WordNet verbs and nouns with their exceptions, and a
// word list that attests some regular forms and not others.
func tinyWordNet() *wordnet {
	words := func(ws ...string) map[string][]string {
		m := map[string][]string{}
		for i, w := range ws {
			m[w] = []string{string(rune('a' + i))} // one sense each, none shared
		}
		return m
	}
	w := &wordnet{
		index: map[string]map[string][]string{
			"verb": words("plead", "show", "spill", "learn", "let", "put", "take", "mean", "deal", "signal",
				"compel", "give", "pat", "link", "swing", "see", "seed", "sit", "site", "sing", "singe", "man", "dive"),
			"noun": words("crisis", "index", "mane", "official"),
			"adj":  words(),
		},
		exc: map[string]map[string][]string{
			"verb": {
				"plead": {"pled"}, "show": {"shown"}, "spill": {"spilt"}, "learn": {"learnt"},
				"let": {"letting"}, "put": {"putting"}, "take": {"took", "taken"},
				"mean": {"meant"}, "deal": {"dealt"}, "signal": {"signalled", "signalling"},
				"compel": {"compelled", "compelling"}, "give": {"gave", "given"},
				"pat": {"patted", "patting"}, "swing": {"swung"}, "see": {"saw", "seen"},
				"sit": {"sat", "sitting"}, "sing": {"sang", "sung"}, "singe": {"singeing"},
				"man": {"manned", "manning"}, "dive": {"dove"},
			},
			"noun": {"crisis": {"crises"}, "index": {"indices"}},
		},
		attested: map[string]bool{},
	}
	for _, x := range []string{"pleaded", "showed", "spilled", "learned", "signaled", "signaling",
		"seed", "sited", "singed", "maned", "dived", "indexes", "pated"} {
		w.attested[x] = true
	}
	return w
}

// TestInflect: WordNet's exceptions name only the irregular forms; the
// regular form of the same slot joins them when the word list attests it
// (pleaded beside pled, showed beside shown, spilled beside spilt, signaled
// beside signalled, indexes beside indices), never when it does not (taked,
// meaned, dealt's dealed, compeled, leted where the past is the base), and
// never when the attested spelling is another word's (seed is a verb of its
// own, sited is site's past, singed singe's, maned and pated the adjectives
// of mane and pate). A word with no exception is regular without the list.
func TestInflect(t *testing.T) {
	w := tinyWordNet()
	w.index["noun"]["pate"] = []string{"z"}
	for _, c := range []struct {
		pos, base  string
		has, lacks []string
	}{
		{"verb", "plead", []string{"pleaded", "pled", "pleads", "pleading"}, nil},
		{"verb", "dive", []string{"dived", "dove", "diving"}, nil},
		{"verb", "show", []string{"showed", "shown", "shows", "showing"}, nil},
		{"verb", "spill", []string{"spilled", "spilt"}, nil},
		{"verb", "learn", []string{"learned", "learnt"}, nil},
		{"verb", "let", []string{"let", "lets", "letting"}, []string{"leted", "leting"}},
		{"verb", "put", []string{"put", "puts", "putting"}, []string{"puted"}},
		{"verb", "take", []string{"took", "taken", "taking"}, []string{"taked"}},
		{"verb", "mean", []string{"meant", "meaning"}, []string{"meaned"}},
		{"verb", "deal", []string{"dealt"}, []string{"dealed"}},
		{"verb", "signal", []string{"signaled", "signalled", "signaling", "signalling"}, nil},
		{"verb", "compel", []string{"compelled", "compelling"}, []string{"compeled", "compeling"}},
		{"verb", "give", []string{"gave", "given"}, []string{"gived"}},
		{"verb", "pat", []string{"patted", "patting"}, []string{"pated"}},
		{"verb", "swing", []string{"swung", "swinging"}, []string{"swinged"}},
		{"verb", "see", []string{"saw", "seen", "seeing"}, []string{"seed"}},
		{"verb", "sit", []string{"sat", "sitting"}, []string{"sited"}},
		{"verb", "sing", []string{"sang", "sung"}, []string{"singed"}},
		{"verb", "singe", []string{"singed", "singeing"}, nil},
		{"verb", "man", []string{"manned", "manning"}, []string{"maned"}},
		{"verb", "link", []string{"linked", "linking", "links"}, nil},
		{"noun", "index", []string{"indexes", "indices"}, nil},
		{"noun", "crisis", []string{"crises"}, []string{"crisises"}},
		{"noun", "official", []string{"officials"}, nil},
	} {
		got := w.inflect(c.pos, c.base)
		for _, h := range c.has {
			if !slices.Contains(got, h) {
				t.Errorf("inflect(%s) = %v, lacks %s", c.base, got, h)
			}
		}
		for _, l := range c.lacks {
			if slices.Contains(got, l) {
				t.Errorf("inflect(%s) = %v, has %s", c.base, got, l)
			}
		}
	}
}

// TestMissingInputs: without WordNet or the word list the generator stops and
// names the Debian package to install.
func TestMissingInputs(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "families.spec.yaml")
	if err := os.WriteFile(spec, []byte("families: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := generate(dir, defaultWords, spec); err == nil || !strings.Contains(err.Error(), "apt-get install wordnet-base") {
		t.Errorf("no WordNet: err = %v, want it to name wordnet-base", err)
	}
	if _, err := loadWords(filepath.Join(dir, "american-english-large")); err == nil || !strings.Contains(err.Error(), "apt-get install wamerican-large") {
		t.Errorf("no word list: err = %v, want it to name wamerican-large", err)
	}
	short := filepath.Join(dir, "words")
	if err := os.WriteFile(short, []byte("pleaded\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadWords(short); err == nil || !strings.Contains(err.Error(), "wamerican-large") {
		t.Errorf("a one-word list: err = %v, want a refusal naming wamerican-large", err)
	}
}

// needInputs skips t, naming the Debian package to install, when WordNet
// or the word list is absent.
func needInputs(t *testing.T, what string) {
	t.Helper()
	for _, need := range []struct{ path, pkg string }{
		{filepath.Join(defaultWordNet, "index.verb"), "wordnet-base"},
		{defaultWords, "wamerican-large"},
	} {
		if _, err := os.Stat(need.path); errors.Is(err, fs.ErrNotExist) {
			t.Skipf("%s is absent: install Debian's %s to check %s against its generator", need.path, need.pkg, what)
		}
	}
}

// TestFamiliesUpToDate: the checked-in families.yaml is what the generator
// makes of the checked-in spec, WordNet 3.0 and the word list.
func TestFamiliesUpToDate(t *testing.T) {
	w := needWordNet(t, "engine/lexicon/families.yaml")
	got, err := w.generate(defaultWordNet, defaultWords, "../../engine/lexicon/families.spec.yaml")
	if err != nil {
		t.Fatal(err)
	}
	upToDate(t, "engine/lexicon/families.yaml", got)
}

// TestInflectionsUpToDate: the checked-in inflection table is what the
// generator makes of WordNet 3.0 and the word list.
func TestInflectionsUpToDate(t *testing.T) {
	w := needWordNet(t, "engine/lexicon/inflections.txt")
	upToDate(t, "engine/lexicon/inflections.txt", w.inflectionTable())
}

// needWordNet loads WordNet and the word list, or skips t naming the
// Debian package to install.
func needWordNet(t *testing.T, what string) *wordnet {
	t.Helper()
	needInputs(t, what)
	w, err := load(defaultWordNet, defaultWords)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// upToDate fails t when the checked-in file (from the repository's root)
// is not got.
func upToDate(t *testing.T, file string, got []byte) {
	t.Helper()
	want, err := os.ReadFile("../../" + file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what internal/lexgen generates: run `go generate ./engine` and commit the result", file)
	}
}

// TestOperatorFormsAreLexgens: the inflection operator gives every word of
// WordNet the forms lexgen gives it (as a verb and a noun where WordNet has
// it as each), but for regular forms no word list attests, which the table
// leaves out (officialed: the -ed of a noun).
func TestOperatorFormsAreLexgens(t *testing.T) {
	w := needWordNet(t, "the inflection operator's forms")
	n := 0
	for _, pos := range []string{"verb", "noun", "adj", "adv"} {
		for x := range w.index[pos] {
			if !plainWord(x) || strings.Contains(x, "'") {
				continue
			}
			want, got := w.forms(x), engine.Forms(x)
			for _, f := range want {
				if !slices.Contains(got, f) {
					t.Errorf("%s~ lacks %s: %v, lexgen %v", x, f, got, want)
				}
			}
			for _, f := range got {
				if !slices.Contains(want, f) && w.attested[f] {
					t.Errorf("%s~ has %s, which lexgen does not give it: %v, lexgen %v", x, f, got, want)
				}
			}
			if n++; t.Failed() && n > 20 {
				t.FailNow()
			}
		}
	}
}
