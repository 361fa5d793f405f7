package rubric

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

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
	// Classes are the story's own word classes (<name> in a pattern).
	Classes  map[string][]string   `yaml:"classes,omitempty"`
	Signals  map[string]FileSignal `yaml:"signals"`
	Criteria []FileCriterion       `yaml:"criteria"`
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

// FileSignal is a named family of token patterns and how its occurrences are read.
type FileSignal struct {
	Patterns         []string `yaml:"patterns"`
	Exclude          []string `yaml:"exclude,omitempty"`
	NegatedBy        []string `yaml:"negated_by,omitempty"`
	QualifiedBy      []string `yaml:"qualified_by,omitempty"`
	HedgedBy         []string `yaml:"hedged_by,omitempty"`
	QuotesHedge      bool     `yaml:"quotes_hedge,omitempty"`
	Reach            int      `yaml:"reach,omitempty"`
	Window           *int     `yaml:"window,omitempty"`
	QualifiedAfter   int      `yaml:"qualified_after,omitempty"`
	QualifiedAfterBy []string `yaml:"qualified_after_by,omitempty"`
	Near             []string `yaml:"near,omitempty"`
	NearWithin       int      `yaml:"near_within,omitempty"`
	// NearSide and NotNearSide, "before" or "after", count only near (not
	// near) signals that start before or end after the occurrence.
	NearSide      string   `yaml:"near_side,omitempty"`
	NotNearSide   string   `yaml:"not_near_side,omitempty"`
	NotNear       []string `yaml:"not_near,omitempty"`
	NotNearWithin int      `yaml:"not_near_within,omitempty"`
	Note          string   `yaml:"note,omitempty"`
}

// FileCriterion is one criterion of a rubric file.
type FileCriterion struct {
	ID       string            `yaml:"id"`
	Question string            `yaml:"question"`
	Weight   float64           `yaml:"weight"`
	Kinds    []string          `yaml:"kinds"`
	CapsAt   string            `yaml:"caps_at,omitempty"`
	Verdicts map[string]string `yaml:"verdicts"`
	Evidence []FileEvidence    `yaml:"evidence"`
	Guidance string            `yaml:"guidance,omitempty"`
	Fix      string            `yaml:"fix,omitempty"`
	Rules    []FileRule        `yaml:"rules,omitempty"`
	Rewrite  []FileEdit        `yaml:"rewrite,omitempty"`
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

// Problem is one thing wrong with a rubric file.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// LoadError lists every problem found in the rubric files loaded at once.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Limits on rubric files, so a hostile file cannot exhaust memory or time.
const (
	maxRubricBytes = 1 << 20
	maxSourceBytes = 1 << 20
	maxYAMLDepth   = 12
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
	file     string
	root     *yaml.Node
	problems []Problem
	// cls and phrases are the word classes patterns may use (the rubric's
	// and its lexicon's); lexData is the lexicon, for the rubric's hash.
	cls     classes
	phrases map[string][]string
	lexData []byte
}

func (l *loader) addf(line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: l.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func loadFile(fsys fs.FS, name string) (*Rubric, []Problem) {
	l := &loader{file: name}
	data, err := readRegular(fsys, name, maxRubricBytes)
	if err != nil {
		l.addf(0, "cannot read: %v", err)
		return nil, l.problems
	}
	if len(data) > maxRubricBytes {
		l.addf(0, "file is %d bytes; a rubric may be at most %d", len(data), maxRubricBytes)
		return nil, l.problems
	}
	if !utf8.Valid(data) {
		l.addf(0, "file is not valid UTF-8")
		return nil, l.problems
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		l.addf(yamlErrLine(err), "not valid YAML: %s", yamlErrMsg(err))
		return nil, l.problems
	}
	if len(doc.Content) == 0 {
		l.addf(1, "empty file")
		return nil, l.problems
	}
	l.root = doc.Content[0]
	if d := depth(l.root); d > maxYAMLDepth {
		l.addf(1, "nested %d levels deep; a rubric needs at most %d", d, maxYAMLDepth)
		return nil, l.problems
	}
	if hasAliases(l.root) {
		l.addf(1, "YAML anchors and aliases are not allowed in rubric files")
		return nil, l.problems
	}
	l.checkKnown(l.root, reflect.TypeOf(File{}), "")
	var f File
	if err := l.root.Decode(&f); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, e := range te.Errors {
				l.addf(yamlErrLine(errors.New(e)), "%s", yamlErrMsg(errors.New(e)))
			}
		} else {
			l.addf(0, "%v", err)
		}
		return nil, l.problems
	}
	src := l.loadSource(fsys, path.Dir(name), &f.Source)
	r := l.build(&f, src)
	if len(l.problems) > 0 {
		return nil, l.problems
	}
	h := sha256.New()
	h.Write(data)
	h.Write([]byte{0})
	h.Write(l.lexData)
	h.Write([]byte{0})
	for _, p := range src.Paragraphs {
		h.Write([]byte(p))
		h.Write([]byte{'\n'})
	}
	r.Hash = hex.EncodeToString(h.Sum(nil))
	r.File = name
	return r, nil
}

var errLineRE = regexp.MustCompile(`line (\d+)`)

func yamlErrLine(err error) int {
	m := errLineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func yamlErrMsg(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(s, ": "); i > 0 && strings.HasPrefix(s, "line ") {
		s = s[i+2:]
	}
	return s
}

func depth(n *yaml.Node) int {
	d := 0
	for _, c := range n.Content {
		if x := depth(c); x > d {
			d = x
		}
	}
	return d + 1
}

func hasAliases(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return true
	}
	for _, c := range n.Content {
		if hasAliases(c) {
			return true
		}
	}
	return false
}

// checkKnown reports every mapping key that the file format does not know,
// walking the node alongside the Go type it decodes into.
func (l *loader) checkKnown(n *yaml.Node, t reflect.Type, where string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return
		}
		fields := map[string]reflect.Type{}
		var names []string
		for i := 0; i < t.NumField(); i++ {
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if tag != "" && tag != "-" {
				fields[tag] = t.Field(i).Type
				names = append(names, tag)
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			ft, ok := fields[k.Value]
			if !ok {
				l.addf(k.Line, "unknown field %q%s; known fields: %s", k.Value, where, strings.Join(names, ", "))
				continue
			}
			l.checkKnown(v, ft, " in "+k.Value)
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				l.checkKnown(c, t.Elem(), where)
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				l.checkKnown(n.Content[i], t.Elem(), where)
			}
		}
	}
}

// line returns the line of the node at the given path of keys and indexes,
// or of the deepest node found on the way.
func (l *loader) line(keys ...any) int {
	n := l.root
	for _, k := range keys {
		var next *yaml.Node
		switch k := k.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next = n.Content[i+1]
						if next.Kind == yaml.ScalarNode {
							next = n.Content[i]
						}
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	return n.Line
}

// loadSource reads the cleaned source text: a header block (headline,
// subhead, byline, one a line) and the body paragraphs, separated by blank
// lines.
func (l *loader) loadSource(fsys fs.FS, dir string, fs_ *FileSource) *Source {
	src := &Source{Publisher: fs_.Publisher, Headline: fs_.Headline, Subhead: fs_.Subhead, Byline: fs_.Byline, Date: fs_.Date, URL: fs_.URL}
	line := l.line("source", "text")
	if fs_.Text == "" {
		l.addf(l.line("source"), "source.text is missing: give the path of the cleaned source text, relative to this file")
		return src
	}
	p := path.Join(dir, fs_.Text)
	data, err := readRegular(fsys, p, maxSourceBytes)
	if err != nil {
		l.addf(line, "cannot read source text %s: %v", p, err)
		return src
	}
	if len(data) > maxSourceBytes || !utf8.Valid(data) {
		l.addf(line, "source text %s must be valid UTF-8 and at most %d bytes", p, maxSourceBytes)
		return src
	}
	header, paras := ParseSource(string(data))
	if len(paras) == 0 {
		l.addf(line, "source text %s needs a header block (headline, subhead, byline) and at least one body paragraph, separated by blank lines", p)
		return src
	}
	if fs_.Headline != "" && strings.TrimSpace(header[0]) != fs_.Headline {
		l.addf(l.line("source", "headline"), "source.headline %q differs from the first line of %s (%q)", fs_.Headline, p, header[0])
	}
	if src.Headline == "" {
		src.Headline = header[0]
	}
	src.Paragraphs = paras
	src.norm = make([]string, len(src.Paragraphs))
	for i, para := range src.Paragraphs {
		src.norm[i] = fold(para, false).text
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
	nameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	citeRE = regexp.MustCompile(`\{cite:([^}]*)\}`)
)

// build validates f and compiles it into a Rubric.
func (l *loader) build(f *File, src *Source) *Rubric {
	r := &Rubric{ID: f.ID, Version: f.Version, Title: f.Title, Scope: strings.TrimSpace(f.Scope), Source: src}
	if !ValidID(f.ID) {
		l.addf(l.line("id"), "id %q: %s", f.ID, IDRule)
	}
	if f.Version < 1 {
		l.addf(l.line("version"), "version must be a whole number ≥ 1")
	}
	if strings.TrimSpace(f.Title) == "" {
		l.addf(l.line("title"), "title is missing")
	}
	if src.URL == "" || !(strings.HasPrefix(src.URL, "https://") || strings.HasPrefix(src.URL, "http://")) {
		l.addf(l.line("source", "url"), "source.url must be the http(s) address of the primary source")
	}
	for _, k := range []struct{ name, v string }{{"publisher", src.Publisher}, {"byline", src.Byline}, {"date", src.Date}} {
		if strings.TrimSpace(k.v) == "" {
			l.addf(l.line("source"), "source.%s is missing", k.name)
		}
	}
	l.buildLetters(r, f)
	rs := &ruleSet{byName: map[string]int{}, criteria: map[string]*criterionRules{}}
	r.rules = rs
	x := l.useLexicon(f.Lexicon)
	l.cls, l.phrases = classes{}, map[string][]string{}
	srcs := sigSources{}
	if x != nil {
		for n, ws := range x.classes {
			l.cls[n] = ws
		}
		for n, ps := range x.phrases {
			l.phrases[n] = ps
		}
		srcs = append(srcs, sigSource{l: &loader{file: x.file, root: x.root}, sigs: x.f.Signals})
		rs.fromLexicon = map[string]bool{}
		for n := range x.f.Signals {
			rs.fromLexicon[n] = true
		}
		r.Lexicon = x.f.ID + "@" + fmt.Sprint(x.f.Version)
		l.lexData = x.data
	}
	for n, ws := range f.Classes {
		if _, dup := l.cls[n]; dup {
			l.addf(l.line("classes", n), "class %s is already defined by lexicon %s: use it, or give yours another name", n, f.Lexicon)
			continue
		}
		for _, w := range ws {
			if !tokenWord(strings.ToLower(w)) {
				l.addf(l.line("classes", n), "class %s: %q is not one word of a text (a class holds single words; write phrases as patterns)", n, w)
			}
		}
		l.cls[n] = lowerAll(ws)
	}
	srcs = append(srcs, sigSource{l: l, sigs: f.Signals})
	l.buildSignals(rs, srcs, l.cls, l.phrases, nil)
	if x != nil {
		for _, src := range srcs[:1] {
			l.problems = append(l.problems, src.l.problems...)
		}
		req := make([]string, 0, len(x.f.Requires.Signals))
		for n := range x.f.Requires.Signals {
			req = append(req, n)
		}
		sort.Strings(req)
		for _, n := range req {
			if _, ok := f.Signals[n]; !ok {
				l.addf(l.line("lexicon"), "lexicon %s needs the signal %s (%s): define it under signals", x.f.ID, n, x.f.Requires.Signals[n])
			}
		}
		for _, n := range x.required {
			if _, ok := f.Classes[n]; !ok {
				l.addf(l.line("lexicon"), "lexicon %s needs the class %s (%s): define it under classes", x.f.ID, n, x.f.Requires.Classes[n])
			}
		}
	}
	if err := rs.sortSignals(); err != nil {
		l.addf(l.line("signals"), "%v", err)
	}
	for i, a := range f.About {
		t, err := rs.parseTerm(a)
		if err != nil {
			l.addf(l.line("about", i), "about: %v", err)
			continue
		}
		rs.about = append(rs.about, t)
	}
	for i, group := range f.AboutAny {
		var ts []term
		for j, a := range group {
			t, err := rs.parseTerm(a)
			if err != nil {
				l.addf(l.line("about_any", i, j), "about_any: %v", err)
				continue
			}
			ts = append(ts, t)
		}
		if len(group) == 0 {
			l.addf(l.line("about_any", i), "about_any: an empty list of conditions would make every text about the story")
		}
		rs.aboutAny = append(rs.aboutAny, ts)
	}
	if len(f.About) == 0 && len(f.AboutAny) == 0 {
		l.addf(l.line("about"), "about is missing: list the signals a text must mention to be about this story (for example [topic, event]), or give about_any")
	}
	if len(f.Criteria) == 0 {
		l.addf(l.line("criteria"), "criteria: a rubric needs at least one criterion")
	}
	ids := map[string]bool{}
	for i := range f.Criteria {
		c := l.buildCriterion(r, rs, &f.Criteria[i], i, src)
		if c == nil {
			continue
		}
		if ids[c.ID] {
			l.addf(l.line("criteria", i, "id"), "duplicate criterion id %q", c.ID)
			continue
		}
		ids[c.ID] = true
		r.Criteria = append(r.Criteria, c)
	}
	rs.buildAbout()
	rs.prune()
	rs.intern()
	return r
}

func (l *loader) buildLetters(r *Rubric, f *File) {
	if len(f.Letters) == 0 {
		l.addf(l.line("letters"), "letters are missing: list each letter with its minimum score, best first")
		return
	}
	seen := map[string]bool{}
	for i, t := range f.Letters {
		if t.Letter == "" || seen[t.Letter] {
			l.addf(l.line("letters", i), "letter %q is empty or repeated", t.Letter)
		}
		seen[t.Letter] = true
		if t.Min < 0 || t.Min > 100 {
			l.addf(l.line("letters", i), "letter %s: min %v is outside 0–100", t.Letter, t.Min)
		}
		if i > 0 && t.Min >= f.Letters[i-1].Min {
			l.addf(l.line("letters", i), "thresholds out of order: %s (min %v) must be below %s (min %v)", t.Letter, t.Min, f.Letters[i-1].Letter, f.Letters[i-1].Min)
		}
	}
	if last := f.Letters[len(f.Letters)-1]; last.Min != 0 {
		l.addf(l.line("letters", len(f.Letters)-1), "the last letter (%s) must have min 0 so every score has a letter", last.Letter)
	}
	r.Letters = f.Letters
}

// sigSource is a set of signal definitions and the file they come from (a
// rubric or its lexicon), so problems name the right file and line.
type sigSource struct {
	l    *loader
	sigs map[string]FileSignal
}

type sigSources []sigSource

// buildSignals compiles the signals of every source into rs. Patterns may use
// the word classes in cls; a pattern that is only <name> of a family with
// phrases stands for its words and its phrase patterns. Names in stubs are
// signals defined elsewhere (a lexicon checked on its own refers to the
// story's signals it requires): they exist but have no patterns.
func (l *loader) buildSignals(rs *ruleSet, srcs sigSources, cls classes, phrases map[string][]string, stubs map[string]bool) {
	type def struct {
		name string
		src  sigSource
		fs   FileSignal
		stub bool
	}
	var defs []def
	owner := map[string]string{}
	for _, src := range srcs {
		names := make([]string, 0, len(src.sigs))
		for n := range src.sigs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if prev, ok := owner[n]; ok {
				src.l.addf(src.l.line("signals", n), "signal %s is already defined by %s: use it, or give yours another name", n, prev)
				continue
			}
			owner[n] = src.l.file
			defs = append(defs, def{name: n, src: src, fs: src.sigs[n]})
		}
	}
	stubNames := make([]string, 0, len(stubs))
	for n := range stubs {
		if _, ok := owner[n]; !ok {
			stubNames = append(stubNames, n)
		}
	}
	sort.Strings(stubNames)
	for _, n := range stubNames {
		defs = append(defs, def{name: n, stub: true})
	}
	for i, d := range defs {
		if !d.stub && !nameRE.MatchString(d.name) {
			d.src.l.addf(d.src.l.line("signals", d.name), "signal name %q must be lower-case letters, digits and underscores", d.name)
		}
		rs.byName[d.name] = i
		rs.signals = append(rs.signals, &signal{name: d.name})
	}
	for i, d := range defs {
		s := rs.signals[i]
		s.window = 2
		if d.stub {
			continue
		}
		l, n, fsig := d.src.l, d.name, d.fs
		refs := func(field string, list []string) []int {
			var out []int
			for _, x := range list {
				id, ok := rs.byName[x]
				if !ok {
					l.addf(l.line("signals", n, field), "signal %s: %s names unknown signal %q", n, field, x)
					continue
				}
				out = append(out, id)
			}
			return out
		}
		if len(fsig.Patterns) == 0 {
			l.addf(l.line("signals", n), "signal %s has no patterns", n)
		}
		compile := func(field string, list []string, add func(*pattern)) {
			for j, src := range list {
				if err := phraseInside(src, phrases); err != nil {
					l.addf(l.line("signals", n, field, j), "signal %s: %v", n, err)
					continue
				}
				for _, ps := range expandPhrases(src, phrases, cls) {
					p, err := compilePattern(ps, cls)
					if err != nil {
						l.addf(l.line("signals", n, field, j), "signal %s: %v", n, err)
						continue
					}
					add(p)
				}
			}
		}
		compile("patterns", fsig.Patterns, func(p *pattern) { rs.index.add(p, i) })
		compile("exclude", fsig.Exclude, func(p *pattern) { s.exclude.add(p, i) })
		s.negatedBy = refs("negated_by", fsig.NegatedBy)
		s.qualified = refs("qualified_by", fsig.QualifiedBy)
		s.qualifiedAfter = refs("qualified_after_by", fsig.QualifiedAfterBy)
		s.hedgedBy = refs("hedged_by", fsig.HedgedBy)
		s.near = refs("near", fsig.Near)
		s.notNear = refs("not_near", fsig.NotNear)
		s.quotes = fsig.QuotesHedge
		s.reach, s.nearIn, s.notNearIn, s.after = fsig.Reach, fsig.NearWithin, fsig.NotNearWithin, fsig.QualifiedAfter
		if fsig.Window != nil {
			s.window = *fsig.Window
		}
		for _, side := range []struct {
			field, v string
			to       *int
		}{{"near_side", fsig.NearSide, &s.nearSide}, {"not_near_side", fsig.NotNearSide, &s.notNearSide}} {
			switch side.v {
			case "":
			case "before":
				*side.to = -1
			case "after":
				*side.to = 1
			default:
				l.addf(l.line("signals", n, side.field), "signal %s: %s must be before or after, not %q", n, side.field, side.v)
			}
		}
		for _, v := range []struct {
			name string
			v    int
		}{{"reach", s.reach}, {"window", s.window}, {"near_within", s.nearIn}, {"not_near_within", s.notNearIn}, {"qualified_after", s.after}} {
			if v.v < 0 || v.v > 50 {
				l.addf(l.line("signals", n, v.name), "signal %s: %s must be between 0 and 50 words", n, v.name)
			}
		}
	}
}

// expandPhrases returns the patterns src stands for. A family with phrases
// (<explicit_idiom>) written as an element of its own stands for its words
// and for each of its phrases spliced in at that place: "<subject_name>
// _{0,5} <explicit_idiom>" is one pattern per idiom (and one for the
// family's single words, if it has any). Among alternatives or repeated it
// could match only its single words, which phraseInside refuses.
func expandPhrases(src string, phrases map[string][]string, cls classes) []string {
	fields := strings.Fields(src)
	out := []string{""}
	spliced := false
	for _, f := range fields {
		alts := []string{f}
		if ph, ok := phraseFamily(f, phrases); ok {
			spliced = true
			alts = nil
			if len(cls[f[1:len(f)-1]]) > 0 {
				alts = append(alts, f)
			}
			alts = append(alts, ph...)
		}
		next := make([]string, 0, len(out)*len(alts))
		for _, o := range out {
			for _, a := range alts {
				next = append(next, strings.TrimSpace(o+" "+a))
			}
		}
		out = next
	}
	if !spliced {
		return []string{src}
	}
	return out
}

// maxSpliced bounds how many patterns one pattern may stand for once its
// phrase families are spliced in.
const maxSpliced = 256

// phraseFamily reports whether element f is exactly <name> of a family with
// phrases, and returns them.
func phraseFamily(f string, phrases map[string][]string) ([]string, bool) {
	if !strings.HasPrefix(f, "<") || !strings.HasSuffix(f, ">") || strings.Contains(f, "|") {
		return nil, false
	}
	ph, ok := phrases[f[1:len(f)-1]]
	return ph, ok
}

// phraseInside reports a family with phrases among alternatives or repeated,
// where only its single words could match, and a pattern that splices in
// more phrases than maxSpliced.
func phraseInside(src string, phrases map[string][]string) error {
	n := 1
	for _, f := range strings.Fields(src) {
		if ph, ok := phraseFamily(f, phrases); ok {
			n *= len(ph) + 1
			continue
		}
		for _, a := range strings.Split(strings.TrimRight(f, "?}0123456789,{"), "|") {
			if strings.HasPrefix(a, "<") && strings.HasSuffix(a, ">") {
				if _, ok := phrases[a[1:len(a)-1]]; ok {
					return fmt.Errorf("%s has multi-word phrases, which cannot be an alternative or repeated; write %s as an element of its own, or use a class of single words", a, a)
				}
			}
		}
	}
	if n > maxSpliced {
		return fmt.Errorf("the phrase families of this pattern stand for %d patterns, more than %d; split it", n, maxSpliced)
	}
	return nil
}

func (l *loader) buildCriterion(r *Rubric, rs *ruleSet, fc *FileCriterion, i int, src *Source) *Criterion {
	at := func(keys ...any) int { return l.line(append([]any{"criteria", i}, keys...)...) }
	c := &Criterion{ID: fc.ID, Question: fc.Question, Weight: fc.Weight, CapsAt: fc.CapsAt, Guidance: fc.Guidance, Fix: fc.Fix, Verdicts: map[Verdict]string{}}
	if !nameRE.MatchString(fc.ID) {
		l.addf(at("id"), "criterion id %q must be lower-case letters, digits and underscores", fc.ID)
	}
	if strings.TrimSpace(fc.Question) == "" {
		l.addf(at("question"), "criterion %s: question is missing", fc.ID)
	}
	if fc.Weight <= 0 {
		l.addf(at("weight"), "criterion %s: weight must be greater than 0 (got %v)", fc.ID, fc.Weight)
	}
	if len(fc.Kinds) == 0 {
		l.addf(at("kinds"), "criterion %s: kinds is missing (headline, summary or both)", fc.ID)
	}
	for j, k := range fc.Kinds {
		kind, err := ParseKind(k)
		if err != nil {
			l.addf(at("kinds", j), "criterion %s: %v", fc.ID, err)
			continue
		}
		c.Kinds = append(c.Kinds, kind)
	}
	if fc.CapsAt != "" && r.letterRank(fc.CapsAt) >= len(r.Letters) {
		l.addf(at("caps_at"), "criterion %s: caps_at %q is not one of the rubric's letters", fc.ID, fc.CapsAt)
	}
	for k, v := range fc.Verdicts {
		verdict, err := ParseVerdict(k)
		if err != nil {
			l.addf(at("verdicts"), "criterion %s: %v", fc.ID, err)
			continue
		}
		c.Verdicts[verdict] = v
	}
	for _, v := range []Verdict{Pass, Fail} {
		if c.Verdicts[v] == "" {
			l.addf(at("verdicts"), "criterion %s: say what %s means under verdicts", fc.ID, v)
		}
	}
	evIdx := map[string]int{}
	for j, e := range fc.Evidence {
		para, ok := src.Paragraph(e.Paragraph)
		switch {
		case src.Paragraphs == nil:
		case !ok:
			l.addf(at("evidence", j), "criterion %s: evidence paragraph %d does not exist (the source has %d)", fc.ID, e.Paragraph, len(src.Paragraphs))
		case strings.TrimSpace(e.Quote) == "" || !strings.Contains(para, e.Quote):
			l.addf(at("evidence", j), "criterion %s: evidence %q is not a verbatim span of paragraph %d", fc.ID, e.Quote, e.Paragraph)
		}
		if e.ID != "" {
			evIdx[e.ID] = j
		}
		c.Evidence = append(c.Evidence, Evidence(e))
	}
	if len(fc.Evidence) == 0 {
		l.addf(at("evidence"), "criterion %s: cite at least one evidence span of the source", fc.ID)
	}
	checkCites := func(line int, text string) {
		for _, m := range citeRE.FindAllStringSubmatch(text, -1) {
			if _, ok := evIdx[m[1]]; !ok {
				l.addf(line, "criterion %s: {cite:%s} names unknown evidence", fc.ID, m[1])
			}
		}
	}
	checkCites(at("fix"), fc.Fix)
	cr := &criterionRules{append_: fc.Append}
	for _, a := range fc.Append {
		if strings.TrimSpace(a) == "" {
			l.addf(at("append"), "criterion %s: append: an empty attribution", fc.ID)
		}
	}
	for j, fr := range fc.Rules {
		ru := &rule{reason: fr.Reason, decisive: fr.Decisive, fix: fr.Fix, review: strings.TrimSpace(fr.Review)}
		if ru.review != "" && ru.decisive {
			l.addf(at("rules", j), "criterion %s rule %d: a rule cannot be both decisive and marked for review", fc.ID, j+1)
		}
		v, err := ParseVerdict(fr.Verdict)
		if err != nil {
			l.addf(at("rules", j, "verdict"), "criterion %s rule %d: %v", fc.ID, j+1, err)
		}
		ru.verdict = v
		for _, k := range fr.Kinds {
			kind, err := ParseKind(k)
			if err != nil {
				l.addf(at("rules", j, "kinds"), "criterion %s rule %d: %v", fc.ID, j+1, err)
				continue
			}
			ru.kinds = append(ru.kinds, kind)
		}
		for w, cond := range fr.When {
			t, err := rs.parseTerm(cond)
			if err != nil {
				l.addf(at("rules", j, "when", w), "criterion %s rule %d: %v", fc.ID, j+1, err)
				continue
			}
			ru.when = append(ru.when, t)
		}
		checkCites(at("rules", j, "fix"), fr.Fix)
		if strings.TrimSpace(fr.Reason) == "" {
			l.addf(at("rules", j), "criterion %s rule %d: reason is missing", fc.ID, j+1)
		}
		for _, id := range fr.Cite {
			k, ok := evIdx[id]
			if !ok {
				l.addf(at("rules", j, "cite"), "criterion %s rule %d: cite names unknown evidence %q", fc.ID, j+1, id)
				continue
			}
			ru.cite = append(ru.cite, k)
		}
		cr.rules = append(cr.rules, ru)
	}
	for j, e := range fc.Rewrite {
		ed := edit{replace: e.Replace, verb: e.Verb, noun: e.Noun}
		switch {
		case e.Replace != "" && (e.Verb != "" || e.Noun != ""):
			l.addf(at("rewrite", j), "criterion %s: rewrite %d: give replace (words as written) or verb and noun (inflected), not both", fc.ID, j+1)
			continue
		case (e.Find == "") == (e.Signal == ""):
			l.addf(at("rewrite", j), "criterion %s: rewrite %d: give either find (a token pattern) or signal (a condition), not both or neither", fc.ID, j+1)
			continue
		case e.Signal != "":
			t, err := rs.parseTerm(e.Signal)
			if err != nil || t.not {
				if err == nil {
					err = fmt.Errorf("a negated condition names no words")
				}
				l.addf(at("rewrite", j, "signal"), "criterion %s: rewrite %d: %v", fc.ID, j+1, err)
				continue
			}
			ed.signal = &t
		default:
			p, err := compilePattern(e.Find, l.cls)
			if err != nil {
				l.addf(at("rewrite", j, "find"), "criterion %s: rewrite: %v", fc.ID, err)
				continue
			}
			p.greedy = true
			cr.edits.add(p, len(cr.rewrite))
			ed.pat = p
		}
		cr.rewrite = append(cr.rewrite, ed)
	}
	rs.criteria[fc.ID] = cr
	return c
}
