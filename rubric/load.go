package rubric

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/factgrade/factgrade/engine"
	"go.yaml.in/yaml/v3"
)

// File is the rubric file format: one YAML file per story. See
// rubrics/volt-typhoon-geneva.yaml for a complete example and docs/RUBRICS.md
// for every field. Tools that write rubric files (rubric derive) use it too.
type File struct {
	ID      string      `yaml:"id"`
	Version int         `yaml:"version"`
	Title   string      `yaml:"title"`
	Scope   string      `yaml:"scope,omitempty"`
	Source  FileSource  `yaml:"source"`
	Letters []Threshold `yaml:"letters"`
	// Lexicon names the shared lexicon the rubric uses ("standards", or
	// "standards@1" to insist on a version).
	Lexicon string `yaml:"lexicon,omitempty"`
	// About are conditions that must all hold for a text to be about the
	// story; AboutAny, when given, lists alternative condition lists, one of
	// which must also hold.
	About    []string   `yaml:"about"`
	AboutAny [][]string `yaml:"about_any,omitempty"`
	// Elements name alternatives of signals that the about test (and any
	// rule) may name like a signal and count ("2 of deed|event|meeting").
	Elements map[string]string `yaml:"elements,omitempty"`
	// Classes are the story's own word classes (<name> in a pattern).
	Classes  map[string][]string          `yaml:"classes,omitempty"`
	Signals  map[string]engine.FileSignal `yaml:"signals"`
	Criteria []FileCriterion              `yaml:"criteria"`
}

// FileSource is a rubric file's source metadata and the path of its text.
type FileSource struct {
	Publisher string `yaml:"publisher"`
	Headline  string `yaml:"headline"`
	Subhead   string `yaml:"subhead,omitempty"`
	Byline    string `yaml:"byline"`
	Date      string `yaml:"date"`
	URL       string `yaml:"url"`
	Text      string `yaml:"text"`
}

// FileCriterion is one criterion of a rubric file.
type FileCriterion struct {
	ID string `yaml:"id"`
	// Standard names the lexicon's criterion template the criterion fills
	// in (docs/RUBRICS.md, "Criterion templates"); With gives its
	// parameters, Drop leaves out some of its rules by name, and Rules are
	// then the story's own, each with its Place among the template's.
	Standard string               `yaml:"standard,omitempty"`
	With     map[string]yaml.Node `yaml:"with,omitempty"`
	Drop     []string             `yaml:"drop,omitempty"`
	Question string               `yaml:"question"`
	Weight   float64              `yaml:"weight"`
	Kinds    []string             `yaml:"kinds"`
	CapsAt   string               `yaml:"caps_at,omitempty"`
	Verdicts map[string]string    `yaml:"verdicts"`
	Evidence []FileEvidence       `yaml:"evidence"`
	Guidance string               `yaml:"guidance,omitempty"`
	Fix      string               `yaml:"fix,omitempty"`
	Rules    []FileRule           `yaml:"rules,omitempty"`
	Rewrite  []FileEdit           `yaml:"rewrite,omitempty"`
	// Append is the attribution a headline that lacks one gets at its end,
	// or a list of them, best first (a reviser skips one whose words the
	// headline already has).
	Append Phrases `yaml:"append,omitempty"`
}

// Phrases is one phrase or a list of them.
type Phrases []string

// UnmarshalYAML accepts a scalar or a sequence of scalars.
func (p *Phrases) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*p = Phrases{n.Value}
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return err
	}
	*p = list
	return nil
}

// FileEvidence is a verbatim span of the source, by paragraph.
type FileEvidence struct {
	ID        string `yaml:"id,omitempty"`
	Paragraph int    `yaml:"paragraph"`
	Quote     string `yaml:"quote"`
}

// FileRule is one decision rule of the rule judge.
type FileRule struct {
	When     []string `yaml:"when"`
	Kinds    []string `yaml:"kinds,omitempty"`
	Verdict  string   `yaml:"verdict"`
	Reason   string   `yaml:"reason"`
	Decisive bool     `yaml:"decisive,omitempty"`
	// Review marks the verdict for an editor's review, with the sentence
	// the editor reads ("I can't tell whether {span} is an admission").
	Review string   `yaml:"review,omitempty"`
	Cite   []string `yaml:"cite,omitempty"`
	Fix    string   `yaml:"fix,omitempty"`
	// Name names a template's rule, for a story's place and drop; If lists
	// the optional parameters it needs (without them it is left out), and
	// Unless those that replace it (with any of them it is left out).
	Name   string   `yaml:"name,omitempty"`
	If     []string `yaml:"if,omitempty"`
	Unless []string `yaml:"unless,omitempty"`
	// Place says where a story's rule goes among its template's: first,
	// last, "before NAME", "after NAME" or "instead of NAME".
	Place string `yaml:"place,omitempty"`
}

// FileEdit is one rewrite edit: the words it applies to, given as a token
// pattern (Find) or as the occurrences of signals (Signal, a rule condition
// such as "overclaim.unhedged|overclaim.hedged"), and what replaces them:
// Verb, a verb phrase in its base form ("tacitly acknowledge") that a
// reviser inflects to the form of the words replaced; Noun, the phrase for
// words that are a noun ("tacit acknowledgment"); or Replace, words put in
// as written ("{words}" stands for the words replaced; empty deletes them).
type FileEdit struct {
	Find    string `yaml:"find,omitempty"`
	Signal  string `yaml:"signal,omitempty"`
	Verb    string `yaml:"verb,omitempty"`
	Noun    string `yaml:"noun,omitempty"`
	Replace string `yaml:"replace,omitempty"`
}

// Problem is one thing wrong with a rubric file (or the lexicon it uses),
// and LoadError every problem of the files loaded at once: the engine's,
// which reads lexicons and signals with the same file and line.
type (
	Problem   = engine.Problem
	LoadError = engine.LoadError
)

// Limits on rubric files, so a hostile file cannot exhaust memory or time.
const (
	maxRubricBytes = 1 << 20
	maxSourceBytes = 1 << 20
)

// Load reads, validates and compiles the rubric files at the given paths of
// fsys. Each file's source text path is relative to the file. Every problem
// in every file is reported, with file and line, in one *LoadError.
func Load(fsys fs.FS, paths ...string) ([]*Rubric, error) {
	var out []*Rubric
	var problems []Problem
	seen := map[string]string{}
	for _, p := range paths {
		r, probs := loadFile(fsys, p)
		problems = append(problems, probs...)
		if r == nil {
			continue
		}
		if prev, ok := seen[r.ID]; ok {
			problems = append(problems, Problem{File: p, Line: 1, Msg: fmt.Sprintf("rubric id %q is also used by %s", r.ID, prev)})
			continue
		}
		seen[r.ID] = p
		out = append(out, r)
	}
	if len(problems) > 0 {
		return nil, &LoadError{Problems: problems}
	}
	return out, nil
}

// LoadDir loads every *.yaml and *.yml file directly in dir of fsys.
func LoadDir(fsys fs.FS, dir string) ([]*Rubric, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("reading rubric directory %s: %w", dir, err)
	}
	var paths []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		if n := e.Name(); strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml") {
			paths = append(paths, path.Join(dir, n))
		}
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no rubric files (*.yaml) in %s", dir)
	}
	return Load(fsys, paths...)
}

// loader collects the problems of one file.
type loader struct {
	*engine.YAMLFile
}

func loadFile(fsys fs.FS, name string) (*Rubric, []Problem) {
	yf, data := engine.ReadYAML(fsys, name, maxRubricBytes)
	if yf.Root == nil {
		return nil, yf.Problems
	}
	l := &loader{yf}
	var f File
	if !l.Decode(&f) {
		return nil, l.Problems
	}
	src := l.loadSource(fsys, path.Dir(name), &f.Source)
	r := l.build(&f, src)
	if len(l.Problems) > 0 {
		return nil, l.Problems
	}
	r.patterns = l.Patterns
	_, lexData := r.prog.Lexicon()
	h := sha256.New()
	h.Write(data)
	h.Write([]byte{0})
	h.Write(lexData)
	h.Write([]byte{0})
	for _, p := range src.Paragraphs {
		h.Write([]byte(p))
		h.Write([]byte{'\n'})
	}
	r.Hash = hex.EncodeToString(h.Sum(nil))
	r.File = name
	return r, nil
}

// loadSource reads the cleaned source text: a header block (headline,
// subhead, byline, one a line) and the body paragraphs, separated by blank
// lines.
func (l *loader) loadSource(fsys fs.FS, dir string, fs_ *FileSource) *Source {
	src := &Source{Publisher: fs_.Publisher, Headline: fs_.Headline, Subhead: fs_.Subhead, Byline: fs_.Byline, Date: fs_.Date, URL: fs_.URL}
	line := l.Line("source", "text")
	if fs_.Text == "" {
		l.Addf(l.Line("source"), "source.text is missing: give the path of the cleaned source text, relative to this file")
		return src
	}
	p := path.Join(dir, fs_.Text)
	data, err := engine.ReadRegular(fsys, p, maxSourceBytes)
	if err != nil {
		l.Addf(line, "cannot read source text %s: %v", p, err)
		return src
	}
	if len(data) > maxSourceBytes || !utf8.Valid(data) {
		l.Addf(line, "source text %s must be valid UTF-8 and at most %d bytes", p, maxSourceBytes)
		return src
	}
	header, paras := ParseSource(string(data))
	if len(paras) == 0 {
		l.Addf(line, "source text %s needs a header block (headline, subhead, byline) and at least one body paragraph, separated by blank lines", p)
		return src
	}
	if fs_.Headline != "" && strings.TrimSpace(header[0]) != fs_.Headline {
		l.Addf(l.Line("source", "headline"), "source.headline %q differs from the first line of %s (%q)", fs_.Headline, p, header[0])
	}
	if src.Headline == "" {
		src.Headline = header[0]
	}
	src.Paragraphs = paras
	src.quotes = make([]engine.QuoteText, len(src.Paragraphs))
	for i, para := range src.Paragraphs {
		src.quotes[i] = engine.NewQuoteText(para)
	}
	return src
}

// ParseSource splits a cleaned source text into its header lines and body
// paragraphs (blocks separated by blank lines).
func ParseSource(text string) (header []string, paragraphs []string) {
	blocks := splitBlocks(text)
	if len(blocks) == 0 {
		return nil, nil
	}
	return strings.Split(blocks[0], "\n"), blocks[1:]
}

func splitBlocks(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, b := range strings.Split(text, "\n\n") {
		if b = strings.TrimSpace(b); b != "" {
			out = append(out, b)
		}
	}
	return out
}

var (
	idRE   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
	citeRE = regexp.MustCompile(`\{cite:([^}]*)\}`)
)

// build validates f and compiles it into a Rubric.
func (l *loader) build(f *File, src *Source) *Rubric {
	r := &Rubric{ID: f.ID, Version: f.Version, Title: f.Title, Scope: strings.TrimSpace(f.Scope), Source: src}
	if !ValidID(f.ID) {
		l.Addf(l.Line("id"), "id %q: %s", f.ID, IDRule)
	}
	if f.Version < 1 {
		l.Addf(l.Line("version"), "version must be a whole number ≥ 1")
	}
	if strings.TrimSpace(f.Title) == "" {
		l.Addf(l.Line("title"), "title is missing")
	}
	if src.URL == "" || !(strings.HasPrefix(src.URL, "https://") || strings.HasPrefix(src.URL, "http://")) {
		l.Addf(l.Line("source", "url"), "source.url must be the http(s) address of the primary source")
	}
	for _, k := range []struct{ name, v string }{{"publisher", src.Publisher}, {"byline", src.Byline}, {"date", src.Date}} {
		if strings.TrimSpace(k.v) == "" {
			l.Addf(l.Line("source"), "source.%s is missing", k.name)
		}
	}
	l.buildLetters(r, f)
	prog := engine.Compile(l.YAMLFile, engine.Input{Lexicon: f.Lexicon, Classes: f.Classes, Signals: f.Signals, About: f.About, AboutAny: f.AboutAny, Elements: f.Elements})
	r.prog = prog
	r.Lexicon, _ = prog.Lexicon()
	if len(f.Criteria) == 0 {
		l.Addf(l.Line("criteria"), "criteria: a rubric needs at least one criterion")
	}
	ids := map[string]bool{}
	for i := range f.Criteria {
		c := l.buildCriterion(r, &f.Criteria[i], i, src)
		if c == nil {
			continue
		}
		if ids[c.ID] {
			l.Addf(l.Line("criteria", i, "id"), "duplicate criterion id %q", c.ID)
			continue
		}
		ids[c.ID] = true
		r.Criteria = append(r.Criteria, c)
	}
	prog.Finish()
	return r
}

func (l *loader) buildLetters(r *Rubric, f *File) {
	if len(f.Letters) == 0 {
		l.Addf(l.Line("letters"), "letters are missing: list each letter with its minimum score, best first")
		return
	}
	seen := map[string]bool{}
	for i, t := range f.Letters {
		if t.Letter == "" || seen[t.Letter] {
			l.Addf(l.Line("letters", i), "letter %q is empty or repeated", t.Letter)
		}
		seen[t.Letter] = true
		if t.Min < 0 || t.Min > 100 {
			l.Addf(l.Line("letters", i), "letter %s: min %v is outside 0–100", t.Letter, t.Min)
		}
		if i > 0 && t.Min >= f.Letters[i-1].Min {
			l.Addf(l.Line("letters", i), "thresholds out of order: %s (min %v) must be below %s (min %v)", t.Letter, t.Min, f.Letters[i-1].Letter, f.Letters[i-1].Min)
		}
	}
	if last := f.Letters[len(f.Letters)-1]; last.Min != 0 {
		l.Addf(l.Line("letters", len(f.Letters)-1), "the last letter (%s) must have min 0 so every score has a letter", last.Letter)
	}
	r.Letters = f.Letters
}

func (l *loader) buildCriterion(r *Rubric, fc *FileCriterion, i int, src *Source) *Criterion {
	at := func(keys ...any) int { return l.Line(append([]any{"criteria", i}, keys...)...) }
	rules, ok := l.expand(r, fc, i)
	if !ok {
		return nil
	}
	c := &Criterion{ID: fc.ID, Question: fc.Question, Weight: fc.Weight, CapsAt: fc.CapsAt, Guidance: fc.Guidance, Fix: fc.Fix, Standard: fc.Standard, Verdicts: map[Verdict]string{}}
	if !engine.ValidName(fc.ID) {
		l.Addf(at("id"), "criterion id %q must be lower-case letters, digits and underscores", fc.ID)
	}
	if strings.TrimSpace(fc.Question) == "" {
		l.Addf(at("question"), "criterion %s: question is missing", fc.ID)
	}
	if fc.Weight <= 0 {
		l.Addf(at("weight"), "criterion %s: weight must be greater than 0 (got %v)", fc.ID, fc.Weight)
	}
	if len(fc.Kinds) == 0 {
		l.Addf(at("kinds"), "criterion %s: kinds is missing (headline, summary or both)", fc.ID)
	}
	for j, k := range fc.Kinds {
		kind, err := ParseKind(k)
		if err != nil {
			l.Addf(at("kinds", j), "criterion %s: %v", fc.ID, err)
			continue
		}
		c.Kinds = append(c.Kinds, kind)
	}
	if fc.CapsAt != "" && r.letterRank(fc.CapsAt) >= len(r.Letters) {
		l.Addf(at("caps_at"), "criterion %s: caps_at %q is not one of the rubric's letters", fc.ID, fc.CapsAt)
	}
	for k, v := range fc.Verdicts {
		verdict, err := ParseVerdict(k)
		if err != nil {
			l.Addf(at("verdicts"), "criterion %s: %v", fc.ID, err)
			continue
		}
		c.Verdicts[verdict] = v
	}
	for _, v := range []Verdict{Pass, Fail} {
		if c.Verdicts[v] == "" {
			l.Addf(at("verdicts"), "criterion %s: say what %s means under verdicts", fc.ID, v)
		}
	}
	evIdx := map[string]int{}
	for j, e := range fc.Evidence {
		para, ok := src.Paragraph(e.Paragraph)
		switch {
		case src.Paragraphs == nil:
		case !ok:
			l.Addf(at("evidence", j), "criterion %s: evidence paragraph %d does not exist (the source has %d)", fc.ID, e.Paragraph, len(src.Paragraphs))
		case strings.TrimSpace(e.Quote) == "" || !strings.Contains(para, e.Quote):
			l.Addf(at("evidence", j), "criterion %s: evidence %q is not a verbatim span of paragraph %d", fc.ID, e.Quote, e.Paragraph)
		}
		if e.ID != "" {
			evIdx[e.ID] = j
		}
		c.Evidence = append(c.Evidence, Evidence(e))
	}
	if len(fc.Evidence) == 0 {
		l.Addf(at("evidence"), "criterion %s: cite at least one evidence span of the source", fc.ID)
	}
	checkCites := func(line int, text string) {
		for _, m := range citeRE.FindAllStringSubmatch(text, -1) {
			if _, ok := evIdx[m[1]]; !ok {
				l.Addf(line, "criterion %s: {cite:%s} names unknown evidence", fc.ID, m[1])
			}
		}
	}
	checkCites(at("fix"), fc.Fix)
	cr := &criterionRules{decisions: r.prog.NewDecisions(), append_: fc.Append}
	kinds := make([]string, len(c.Kinds))
	for j, k := range c.Kinds {
		kinds[j] = string(k)
	}
	cr.decisions.For(kinds) // the judge decides a criterion only for its kinds
	c.rules = cr
	for _, a := range fc.Append {
		if strings.TrimSpace(a) == "" {
			l.Addf(at("append"), "criterion %s: append: an empty attribution", fc.ID)
		}
	}
	for _, rs := range rules {
		fr, lab := rs.FileRule, rs.label
		ru := rule{reason: fr.Reason, decisive: fr.Decisive, fix: fr.Fix, review: strings.TrimSpace(fr.Review),
			name: fr.Name, when: fr.When, kinds: fr.Kinds, cite: fr.Cite, origin: rs.origin}
		if ru.review != "" && ru.decisive {
			l.Addf(rs.line(), "criterion %s %s: a rule cannot be both decisive and marked for review", fc.ID, lab)
		}
		v, err := ParseVerdict(fr.Verdict)
		if err != nil {
			l.Addf(rs.line("verdict"), "criterion %s %s: %v", fc.ID, lab, err)
		}
		ru.verdict = v
		var kinds []string
		for _, k := range fr.Kinds {
			kind, err := ParseKind(k)
			if err != nil {
				l.Addf(rs.line("kinds"), "criterion %s %s: %v", fc.ID, lab, err)
				continue
			}
			kinds = append(kinds, string(kind))
		}
		var when []engine.Condition
		for w, cond := range fr.When {
			t, err := r.prog.Condition(cond)
			if err != nil {
				l.Addf(rs.line("when", w), "criterion %s %s: %v", fc.ID, lab, err)
				continue
			}
			when = append(when, t)
		}
		checkCites(rs.line("fix"), fr.Fix)
		for _, part := range []struct{ what, s string }{{"reason", fr.Reason}, {"review", fr.Review}, {"fix", fr.Fix}} {
			for _, ph := range rawPlaceholders(part.s) {
				l.Addf(rs.line(part.what), "criterion %s %s: its %s would print %s raw: no parameter or grading fills it in", fc.ID, lab, part.what, ph)
			}
		}
		if strings.TrimSpace(fr.Reason) == "" {
			l.Addf(rs.line(), "criterion %s %s: reason is missing", fc.ID, lab)
		}
		for _, id := range fr.Cite {
			k, ok := evIdx[id]
			if !ok {
				l.Addf(rs.line("cite"), "criterion %s %s: cite names unknown evidence %q", fc.ID, lab, id)
				continue
			}
			ru.citations = append(ru.citations, c.Evidence[k].Citation())
		}
		if len(fr.Cite) == 0 {
			for _, e := range c.Evidence {
				ru.citations = append(ru.citations, e.Citation())
			}
		}
		ru.citations = slices.Clip(ru.citations)
		cr.decisions.AddRule(kinds, when)
		cr.rules = append(cr.rules, ru)
	}
	for j, e := range fc.Rewrite {
		switch {
		case e.Replace != "" && (e.Verb != "" || e.Noun != ""):
			l.Addf(at("rewrite", j), "criterion %s: rewrite %d: give replace (words as written) or verb and noun (inflected), not both", fc.ID, j+1)
			continue
		case (e.Find == "") == (e.Signal == ""):
			l.Addf(at("rewrite", j), "criterion %s: rewrite %d: give either find (a token pattern) or signal (a condition), not both or neither", fc.ID, j+1)
			continue
		case e.Signal != "":
			t, err := r.prog.Condition(e.Signal)
			if err == nil {
				_, err = cr.decisions.AddFindSignal(t)
			}
			if err != nil {
				l.Addf(at("rewrite", j, "signal"), "criterion %s: rewrite %d: %v", fc.ID, j+1, err)
				continue
			}
		default:
			l.NotePattern(at("rewrite", j, "find"), "criterion "+fc.ID+" rewrite", e.Find)
			if _, err := cr.decisions.AddFind(e.Find); err != nil {
				l.Addf(at("rewrite", j, "find"), "criterion %s: rewrite: %v", fc.ID, err)
				continue
			}
		}
		cr.edits = append(cr.edits, edit{replace: e.Replace, verb: e.Verb, noun: e.Noun})
	}
	return c
}
