// Package engine is the rule judge's engine: it reads a text (folding,
// normalisation, tokens, sentences and clauses), finds the signals a rubric
// names in it (token patterns, word classes, the shared standards lexicon,
// negation, qualifiers and hedges), and decides which rule of a decision
// list holds. It knows nothing of stories, verdicts or scores: those are
// package rubric's, which compiles its files into the engine (Compile) and
// turns the engine's decisions into verdicts. docs/RUBRICS.md is the
// grammar of what the engine reads.
package engine

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// The shared standards lexicon: the English every rubric needs (how strong a
// claim is, who it is attributed to, negation and its scope, qualifiers,
// denials and responses), kept apart from any story. A rubric names it with
// `lexicon: standards` (or `standards@1` to insist on a version) and then
// uses its word classes (<name> in a pattern) and its signals (by name in
// filters and rules) as if it had written them. docs/RUBRICS.md describes
// every class and signal; families.yaml is generated from WordNet 3.0 by
// internal/lexgen.
//
//go:generate go run ../internal/lexgen -wordnet /usr/share/wordnet -spec lexicon/families.spec.yaml -out lexicon/families.yaml
//go:embed lexicon/*.yaml
var lexiconFiles embed.FS

// maxLexiconBytes bounds a lexicon file and its families.
const maxLexiconBytes = 1 << 20

var lexiconIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// LexiconFile is the format of a lexicon file (engine/lexicon/*.yaml).
type LexiconFile struct {
	ID      string `yaml:"id"`
	Version int    `yaml:"version"`
	Title   string `yaml:"title"`
	// Families is the generated file of word families (classes and phrase
	// patterns), relative to this file.
	Families string `yaml:"families"`
	// Requires names what each rubric using the lexicon must define: the
	// story's parties and topic, which the lexicon's signals refer to.
	Requires LexiconRequires `yaml:"requires"`
	// Classes are hand-written closed word classes (function words).
	Classes map[string][]string   `yaml:"classes"`
	Signals map[string]FileSignal `yaml:"signals"`
}

// LexiconRequires lists the signals a rubric must define, each with what it
// means, for the lexicon's signals to work.
type LexiconRequires struct {
	Signals map[string]string `yaml:"signals"`
	Classes map[string]string `yaml:"classes"`
}

// FamiliesFile is the format of a lexicon's generated word families
// (families.yaml), which internal/lexgen writes and the loader reads.
type FamiliesFile struct {
	Source   string            `yaml:"source"`
	Families map[string]Family `yaml:"families"`
}

// Family is one generated word family: single words (every inflection) and
// multi-word token patterns (phrasal verbs with their particles).
type Family struct {
	Note    string   `yaml:"note,omitempty"`
	Words   []string `yaml:"words,omitempty"`
	Phrases []string `yaml:"phrases,omitempty"`
}

// lexicon is a loaded lexicon.
type lexicon struct {
	file    string
	f       LexiconFile
	root    *yaml.Node
	classes classes
	// phrases are the phrase patterns of the families that have them; a
	// pattern that is only <name> expands to the words and these.
	phrases map[string][]string
	data    []byte // the lexicon and its families, for rubric hashes
	// required are the classes each rubric must define.
	required []string
}

// Lexicon describes a lexicon for people: its id, version, classes and
// signals, sorted by name.
type Lexicon struct {
	ID, Title string
	Version   int
	Classes   []string
	Signals   []string
	Requires  map[string]string
}

// lexiconPrefix names the built-in lexicons' files in problems, so that a
// problem points at the file in the repository.
const lexiconPrefix = "engine/"

var loadLexicons = sync.OnceValues(func() (map[string]*lexicon, []Problem) {
	return readLexicons(lexiconFiles, "lexicon")
})

// Lexicons returns the lexicons built into factgrade.
func Lexicons() ([]Lexicon, error) {
	lx, probs := loadLexicons()
	if len(probs) > 0 {
		return nil, &LoadError{Problems: probs}
	}
	var out []Lexicon
	for _, x := range lx {
		l := Lexicon{ID: x.f.ID, Title: x.f.Title, Version: x.f.Version, Requires: x.f.Requires.Signals}
		for n := range x.classes {
			l.Classes = append(l.Classes, n)
		}
		for n := range x.f.Signals {
			l.Signals = append(l.Signals, n)
		}
		sort.Strings(l.Classes)
		sort.Strings(l.Signals)
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// readLexicons reads every lexicon file (*.yaml other than generated
// families) in dir of fsys.
func readLexicons(fsys fs.FS, dir string) (map[string]*lexicon, []Problem) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, []Problem{{File: dir, Msg: fmt.Sprintf("cannot read lexicons: %v", err)}}
	}
	out := map[string]*lexicon{}
	var probs []Problem
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".yaml") || strings.HasPrefix(n, "families") {
			continue
		}
		x, p := readLexicon(fsys, path.Join(dir, n))
		for i := range p {
			p[i].File = lexiconPrefix + p[i].File
		}
		probs = append(probs, p...)
		if x != nil {
			out[x.f.ID] = x
		}
	}
	return out, probs
}

func readLexicon(fsys fs.FS, name string) (*lexicon, []Problem) {
	l, data := ReadYAML(fsys, name, maxLexiconBytes)
	if l.Root == nil {
		return nil, l.Problems
	}
	x := &lexicon{file: lexiconPrefix + name, root: l.Root, classes: classes{}, phrases: map[string][]string{}}
	if !l.Decode(&x.f) {
		return nil, l.Problems
	}
	if !lexiconIDRE.MatchString(x.f.ID) || x.f.Version < 1 {
		l.Addf(1, "a lexicon needs an id (lower-case letters, digits, dashes) and a version ≥ 1")
	}
	x.data = append(x.data, data...)
	if x.f.Families != "" {
		fp := path.Join(path.Dir(name), x.f.Families)
		fdata, err := ReadRegular(fsys, fp, maxLexiconBytes)
		if err != nil {
			l.Addf(l.Line("families"), "cannot read the families file: %v", err)
			return nil, l.Problems
		}
		var ff FamiliesFile
		if err := yaml.Unmarshal(fdata, &ff); err != nil {
			l.Addf(l.Line("families"), "%s: not valid YAML: %v", fp, err)
			return nil, l.Problems
		}
		x.data = append(append(x.data, 0), fdata...)
		for n, fam := range ff.Families {
			x.classes[n] = fam.Words
			if len(fam.Phrases) > 0 {
				x.phrases[n] = fam.Phrases
			}
		}
	}
	for n, words := range x.f.Classes {
		if _, dup := x.classes[n]; dup {
			l.Addf(l.Line("classes", n), "class %s is also a generated family", n)
		}
		for _, w := range words {
			if !tokenWord(strings.ToLower(w)) {
				l.Addf(l.Line("classes", n), "class %s: %q is not one word of a text (a class holds single words; write phrases as patterns)", n, w)
			}
		}
		x.classes[n] = lowerAll(words)
	}
	for n := range x.f.Requires.Classes {
		x.required = append(x.required, n)
	}
	sort.Strings(x.required)
	// The lexicon's signals must compile on their own, with stand-ins for
	// the story's signals and classes it requires.
	stubCls := classes{}
	for n, ws := range x.classes {
		stubCls[n] = ws
	}
	for _, n := range x.required {
		stubCls[n] = nil
	}
	req := map[string]bool{}
	for n := range x.f.Requires.Signals {
		req[n] = true
	}
	buildSignals(newProgram(), []sigSource{{f: l, sigs: x.f.Signals}}, stubCls, x.phrases, req)
	return x, l.Problems
}

// useLexicon resolves a rubric's `lexicon:` field ("standards" or
// "standards@1"); problems go to f.
func useLexicon(f *YAMLFile, spec string) *lexicon {
	if spec == "" {
		return nil
	}
	id, ver, hasVer := strings.Cut(spec, "@")
	all, probs := loadLexicons()
	if len(probs) > 0 {
		f.Problems = append(f.Problems, probs...)
		return nil
	}
	x, ok := all[id]
	if !ok {
		var ids []string
		for k := range all {
			ids = append(ids, k)
		}
		sort.Strings(ids)
		f.Addf(f.Line("lexicon"), "unknown lexicon %q; factgrade has: %s", id, strings.Join(ids, ", "))
		return nil
	}
	if hasVer && ver != fmt.Sprint(x.f.Version) {
		f.Addf(f.Line("lexicon"), "the rubric asks for lexicon %s version %s, but this factgrade has version %d: check the lexicon's changes in docs/RUBRICS.md and update the rubric", id, ver, x.f.Version)
	}
	return x
}
