package engine

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// FileSignal is a named family of token patterns and how its occurrences
// are read, as a rubric or lexicon file writes it (docs/RUBRICS.md,
// "Signals").
type FileSignal struct {
	Patterns    []string `yaml:"patterns"`
	Exclude     []string `yaml:"exclude,omitempty"`
	NegatedBy   []string `yaml:"negated_by,omitempty"`
	QualifiedBy []string `yaml:"qualified_by,omitempty"`
	HedgedBy    []string `yaml:"hedged_by,omitempty"`
	QuotesHedge bool     `yaml:"quotes_hedge,omitempty"`
	Reach       int      `yaml:"reach,omitempty"`
	// ReachesBack: as a hedge, it also reaches the sentence before its own
	// (a sentence that points back at the claim: "The bombshell came in
	// Geneva, insiders claim.").
	ReachesBack bool `yaml:"reaches_back,omitempty"`
	// NegatesRest: as a negation cue, it negates every occurrence after it
	// in its sentence, up to a semicolon or a clause word (but, however),
	// whatever the negated signal's window and clause (a correction's "an
	// earlier version said the meeting was in January and that China
	// openly admitted …": everything the earlier version said is withdrawn).
	NegatesRest      bool     `yaml:"negates_rest,omitempty"`
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

// Input is what a rubric file gives the engine: the lexicon it uses, its
// own word classes and signals, and its about test.
type Input struct {
	// Lexicon is the rubric's `lexicon:` field ("standards", "standards@1"
	// or "").
	Lexicon  string
	Classes  map[string][]string
	Signals  map[string]FileSignal
	About    []string
	AboutAny [][]string
	// Elements are named alternatives of terms ("subject|wang_lei") that
	// conditions may name like a signal, and count ("2 of a|b|c").
	Elements map[string]string
}

var nameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// ValidName reports whether s is a well-formed signal or criterion name:
// lower-case letters, digits and underscores, starting with a letter.
func ValidName(s string) bool { return nameRE.MatchString(s) }

// Compile compiles in into a program, reporting every problem in f (the
// rubric file, for lines) and naming the lexicon's file for the lexicon's
// own. The caller adds its decision lists (NewDecisions) and then calls
// Finish.
func Compile(f *YAMLFile, in Input) *Program {
	p := newProgram()
	x := useLexicon(f, in.Lexicon)
	cls, phrases := classes{}, map[string][]string{}
	var srcs []sigSource
	var lexFile *YAMLFile
	if x != nil {
		for n, ws := range x.classes {
			cls[n] = ws
		}
		for n, ps := range x.phrases {
			phrases[n] = ps
		}
		lexFile = &YAMLFile{Name: x.file, Root: x.root}
		srcs = append(srcs, sigSource{f: lexFile, sigs: x.f.Signals})
		p.fromLexicon = map[string]bool{}
		for n := range x.f.Signals {
			p.fromLexicon[n] = true
		}
		p.lexicon = x.f.ID + "@" + fmt.Sprint(x.f.Version)
		p.lexData = x.data
		p.lex = x
	}
	for n, ws := range in.Classes {
		if _, dup := cls[n]; dup {
			f.Addf(f.Line("classes", n), "class %s is already defined by lexicon %s: use it, or give yours another name", n, in.Lexicon)
			continue
		}
		for _, w := range ws {
			if !tokenWord(strings.ToLower(w)) {
				f.Addf(f.Line("classes", n), "class %s: %q is not one word of a text (a class holds single words; write phrases as patterns)", n, w)
			}
		}
		cls[n] = lowerAll(ws)
	}
	if x != nil {
		// a story class the lexicon may read and the rubric does not define is empty
		for n := range x.f.Requires.Optional {
			if _, ok := cls[n]; !ok {
				cls[n] = nil
			}
		}
	}
	p.cls = cls
	srcs = append(srcs, sigSource{f: f, sigs: in.Signals})
	// a story signal the lexicon may read and the rubric does not define
	// never occurs
	var optional map[string]bool
	if x != nil && len(x.f.Requires.OptionalSignals) > 0 {
		optional = map[string]bool{}
		for n := range x.f.Requires.OptionalSignals {
			optional[n] = true
		}
	}
	buildSignals(p, srcs, cls, phrases, optional)
	if x != nil {
		f.Problems = append(f.Problems, lexFile.Problems...)
		req := make([]string, 0, len(x.f.Requires.Signals))
		for n := range x.f.Requires.Signals {
			req = append(req, n)
		}
		sort.Strings(req)
		for _, n := range req {
			if _, ok := in.Signals[n]; !ok {
				f.Addf(f.Line("lexicon"), "lexicon %s needs the signal %s (%s): define it under signals", x.f.ID, n, x.f.Requires.Signals[n])
			}
		}
		for _, n := range x.required {
			if _, ok := in.Classes[n]; !ok {
				f.Addf(f.Line("lexicon"), "lexicon %s needs the class %s (%s): define it under classes", x.f.ID, n, x.f.Requires.Classes[n])
			}
		}
	}
	if err := p.sortSignals(); err != nil {
		f.Addf(f.Line("signals"), "%v", err)
	}
	names := make([]string, 0, len(in.Elements))
	for n := range in.Elements {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := p.element(n, in.Elements[n]); err != nil {
			f.Addf(f.Line("elements", n), "elements: %v", err)
		}
	}
	for i, a := range in.About {
		t, err := p.Condition(a)
		if err != nil {
			f.Addf(f.Line("about", i), "about: %v", err)
			continue
		}
		p.about = append(p.about, t)
	}
	for i, group := range in.AboutAny {
		var ts []Condition
		for j, a := range group {
			t, err := p.Condition(a)
			if err != nil {
				f.Addf(f.Line("about_any", i, j), "about_any: %v", err)
				continue
			}
			ts = append(ts, t)
		}
		if len(group) == 0 {
			f.Addf(f.Line("about_any", i), "about_any: an empty list of conditions would make every text about the story")
		}
		p.aboutAny = append(p.aboutAny, ts)
	}
	if len(in.About) == 0 && len(in.AboutAny) == 0 {
		f.Addf(f.Line("about"), "about is missing: list the signals a text must mention to be about this story (for example [topic, event]), or give about_any")
	}
	return p
}

// Lexicon returns the lexicon the program uses, as id@version ("" for
// none), and its bytes (for a rubric's hash).
func (p *Program) Lexicon() (string, []byte) { return p.lexicon, p.lexData }

// Finish readies the program for reading texts, once every decision list
// is added: it narrows the reading to the signals something reaches and
// numbers the patterns' words.
func (p *Program) Finish() {
	p.buildAbout()
	p.prune()
	p.intern()
}

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

// sigSource is a set of signal definitions and the file they come from (a
// rubric or its lexicon), so problems name the right file and line.
type sigSource struct {
	f    *YAMLFile
	sigs map[string]FileSignal
}

// buildSignals compiles the signals of every source into p. Patterns may use
// the word classes in cls; a pattern that is only <name> of a family with
// phrases stands for its words and its phrase patterns. Names in stubs are
// signals defined elsewhere (a lexicon checked on its own refers to the
// story's signals it requires): they exist but have no patterns.
func buildSignals(p *Program, srcs []sigSource, cls classes, phrases map[string][]string, stubs map[string]bool) {
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
				src.f.Addf(src.f.Line("signals", n), "signal %s is already defined by %s: use it, or give yours another name", n, prev)
				continue
			}
			owner[n] = src.f.Name
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
			d.src.f.Addf(d.src.f.Line("signals", d.name), "signal name %q must be lower-case letters, digits and underscores", d.name)
		}
		p.byName[d.name] = i
		p.signals = append(p.signals, &signal{name: d.name})
	}
	for i, d := range defs {
		s := p.signals[i]
		s.window = 2
		if d.stub {
			continue
		}
		l, n, fsig := d.src.f, d.name, d.fs
		refs := func(field string, list []string) []int {
			var out []int
			for _, x := range list {
				id, ok := p.byName[x]
				if !ok {
					l.Addf(l.Line("signals", n, field), "signal %s: %s names unknown signal %q", n, field, x)
					continue
				}
				out = append(out, id)
			}
			return out
		}
		if len(fsig.Patterns) == 0 {
			l.Addf(l.Line("signals", n), "signal %s has no patterns", n)
		}
		compile := func(field string, list []string, add func(*pattern)) {
			for j, src := range list {
				if err := phraseInside(src, phrases); err != nil {
					l.Addf(l.Line("signals", n, field, j), "signal %s: %v", n, err)
					continue
				}
				l.NotePattern(l.Line("signals", n, field, j), "signal "+n, src)
				for _, ps := range expandPhrases(src, phrases, cls) {
					pt, err := compilePattern(ps, cls)
					if err != nil {
						l.Addf(l.Line("signals", n, field, j), "signal %s: %v", n, err)
						continue
					}
					add(pt)
				}
			}
		}
		compile("patterns", fsig.Patterns, func(pt *pattern) { p.index.add(pt, i) })
		compile("exclude", fsig.Exclude, func(pt *pattern) { s.exclude.add(pt, i) })
		s.negatedBy = refs("negated_by", fsig.NegatedBy)
		s.qualified = refs("qualified_by", fsig.QualifiedBy)
		s.qualifiedAfter = refs("qualified_after_by", fsig.QualifiedAfterBy)
		s.hedgedBy = refs("hedged_by", fsig.HedgedBy)
		s.near = refs("near", fsig.Near)
		s.notNear = refs("not_near", fsig.NotNear)
		s.quotes = fsig.QuotesHedge
		s.back = fsig.ReachesBack
		s.rest = fsig.NegatesRest
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
				l.Addf(l.Line("signals", n, side.field), "signal %s: %s must be before or after, not %q", n, side.field, side.v)
			}
		}
		for _, v := range []struct {
			name string
			v    int
		}{{"reach", s.reach}, {"window", s.window}, {"near_within", s.nearIn}, {"not_near_within", s.notNearIn}, {"qualified_after", s.after}} {
			if v.v < 0 || v.v > 50 {
				l.Addf(l.Line("signals", n, v.name), "signal %s: %s must be between 0 and 50 words", n, v.name)
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
				for _, n := range strings.Split(a[1:len(a)-1], "!") {
					if _, ok := phrases[n]; ok && strings.Contains(a, "!") {
						return fmt.Errorf("%s: <%s> has multi-word phrases, and a difference of classes takes classes of single words", a, n)
					}
				}
			}
		}
	}
	if n > maxSpliced {
		return fmt.Errorf("the phrase families of this pattern stand for %d patterns, more than %d; split it", n, maxSpliced)
	}
	return nil
}
