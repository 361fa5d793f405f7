package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestForms: the inflection operator's forms, from the regular rules and
// the generated table (WordNet's exceptions, the word list's attestations).
func TestForms(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"link", "link linked linking links"},           // regular
		{"note", "note noted notes noting"},             // -e
		{"deny", "denied denies deny denying"},          // -y
		{"admit", "admit admits admitted admitting"},    // doubling (WordNet lists it)
		{"take", "take taken takes taking took"},        // irregular, no regular past
		{"plead", "plead pleaded pleading pleads pled"}, // both pasts, the regular one attested
		{"show", "show showed showing shown shows"},
		{"let", "let lets letting"},
		{"see", "saw see seeing seen sees"}, // not seed: a word of its own
		{"crisis", "crises crisis"},         // a noun: its plural only
		{"talent", "talent talents"},        // a noun only; talented is a word of its own
		{"zorp", "zorp zorped zorping zorps"},
		{"baby-sit", "baby-sat baby-sit baby-sits baby-sitting"},
		{"cyber-attack", "cyber-attack cyber-attacked cyber-attacking cyber-attacks"},
		{"mother-in-law", "mother-in-law mothers-in-law"},
	} {
		if got := strings.Join(Forms(c.word), " "); got != c.want {
			t.Errorf("Forms(%s) = %s, want %s", c.word, got, c.want)
		}
	}
}

// TestInflectionEntry: an entry written and read again gives the same
// forms, and the table parses.
func TestInflectionEntry(t *testing.T) {
	for _, forms := range [][]string{
		{"take", "taken", "takes", "taking", "took"},
		{"crises", "crisis"},
		{"plead", "pleaded", "pleading", "pleads", "pled"},
	} {
		e := EntryFor(forms[0], forms)
		if forms[0] == "crises" {
			e = EntryFor("crisis", forms)
		}
		tab, err := ParseInflections(e.String())
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(tab[e.Word].Forms(), " "); got != strings.Join(forms, " ") {
			t.Errorf("%q reads back as %s, want %v", e.String(), got, forms)
		}
	}
	if _, err := inflections(); err != nil {
		t.Fatalf("lexicon/inflections.txt: %v", err)
	}
	if _, err := ParseInflections("take:sx took"); err == nil {
		t.Error("a bad slot letter parses")
	}
}

// TestFoldInflections: a full set of a word's forms becomes word~, a
// subset stays, and nothing else changes.
func TestFoldInflections(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"blame|blames|blamed|blaming _{0,4} on", "blame~ _{0,4} on"},
		{"take|takes|took|taken|taking|claim|claims|claimed|claiming the? credit", "take~|claim~ the? credit"},
		{"turn|turns|turned|turning off|out? the? lights", "turn~ off|out? the? lights"},
		{"say|says|said officials", "say|says|said officials"},                                                       // saying is missing
		{"stopp*|stop|stops|fell|fall|falls|falling short of", "stopp*|stop|stops|fell|fall|falls|falling short of"}, // fallen is missing
		{"deny|denies|denied|denying|rejected?", "deny~|rejected?"},
		{"link|links|linked|linking{1,2}", "link~{1,2}"},
		{"/admit(s|ted)?/ crisis|crises", "/admit(s|ted)?/ crisis~"},
	} {
		if got, _ := FoldInflections(c.src, 2); got != c.want {
			t.Errorf("FoldInflections(%q) = %q, want %q", c.src, got, c.want)
		}
	}
	if got, folds := FoldInflections("crisis|crises said", 3); got != "crisis|crises said" || folds != nil {
		t.Errorf("with at least three forms, a noun's two stay: %q %v", got, folds)
	}
}

// TestFoldKeepsMatching: folding a pattern of the lexicon or a story's
// rubric compiles to the same elements as written (each element the same
// words, affixes and repetition): the operator changes nothing a pattern
// matches. Once the files are folded, it checks what is left to fold.
func TestFoldKeepsMatching(t *testing.T) {
	lx, probs := loadLexicons()
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	files, _ := filepath.Glob("../rubrics/*.yaml")
	files = append(files, "lexicon/standards.yaml")
	n := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			Classes map[string][]string   `yaml:"classes"`
			Signals map[string]FileSignal `yaml:"signals"`
		}
		if err := yaml.Unmarshal(data, &f); err != nil {
			t.Fatal(err)
		}
		cls := classes{}
		for k, v := range lx["standards"].classes {
			cls[k] = v
		}
		for _, k := range lx["standards"].required {
			cls[k] = nil // the story's own, required of every rubric
		}
		for k := range lx["standards"].f.Requires.Optional {
			if _, ok := cls[k]; !ok {
				cls[k] = nil // the story's own, which a rubric may define
			}
		}
		for k, v := range f.Classes {
			cls[k] = lowerAll(v)
		}
		for sig, s := range f.Signals {
			for _, src := range append(s.Patterns, s.Exclude...) {
				folded, folds := FoldInflections(src, 2)
				if len(folds) == 0 {
					continue
				}
				n++
				a, errA := compilePattern(src, cls)
				b, errB := compilePattern(folded, cls)
				if errA != nil || errB != nil {
					t.Errorf("%s %s: %q: %v; folded %q: %v", name, sig, src, errA, folded, errB)
					continue
				}
				if ka, kb := elemKeys(a), elemKeys(b); ka != kb {
					t.Errorf("%s %s: %q folds to %q, which reads\n%s\nnot\n%s", name, sig, src, folded, kb, ka)
				}
			}
		}
	}
	t.Logf("%d patterns folded and compared", n)
}

// elemKeys describes a pattern's elements: repetition, and the sorted
// alternatives each matches.
func elemKeys(p *pattern) string {
	var b strings.Builder
	for _, e := range p.elems {
		var alts []string
		for _, a := range e.allAlts() {
			alts = append(alts, fmt.Sprintf("%d:%s", a.kind, a.s))
		}
		sort.Strings(alts)
		alts = slices.Compact(alts)
		fmt.Fprintf(&b, "{%d,%d} %s\n", e.min, e.max, strings.Join(alts, " "))
	}
	return b.String()
}

// TestLexiconWritesNoFormsByHand: the lexicon writes a word's forms with the
// inflection operator, not by hand (what `rubric lint` warns of in a story's
// rubric; `go run ./internal/lexgen -fold-inflections` rewrites them).
func TestLexiconWritesNoFormsByHand(t *testing.T) {
	lx, probs := loadLexicons()
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, x := range lx {
		for _, w := range HandListed(x.file, x.patterns) {
			t.Error(w)
		}
	}
}
