package rubric

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/factgrade/factgrade/engine"
	"go.yaml.in/yaml/v3"
)

// FileTemplate is a criterion template of a lexicon (its `templates:`): a
// standard's decision list written once, in English and free of any story,
// with parameters ({name}) that a story's criterion fills in
// (`standard: NAME`, `with: {name: value}`). Its question, weight, kinds,
// caps_at, verdicts, guidance, fix, rewrite and append are defaults a
// story's own fields replace. docs/RUBRICS.md, "Criterion templates".
type FileTemplate struct {
	Note     string               `yaml:"note,omitempty"`
	Params   map[string]FileParam `yaml:"params"`
	Question string               `yaml:"question,omitempty"`
	Weight   float64              `yaml:"weight,omitempty"`
	Kinds    []string             `yaml:"kinds,omitempty"`
	CapsAt   string               `yaml:"caps_at,omitempty"`
	Verdicts map[string]string    `yaml:"verdicts,omitempty"`
	Guidance string               `yaml:"guidance,omitempty"`
	Fix      string               `yaml:"fix,omitempty"`
	Rules    []FileRule           `yaml:"rules"`
	Rewrite  []FileEdit           `yaml:"rewrite,omitempty"`
	Append   Phrases              `yaml:"append,omitempty"`
}

// FileParam is a template's parameter: its kind, what it means, and
// whether a story may leave it out (then the rules that name it in `if`
// are left out too).
type FileParam struct {
	Kind     string `yaml:"kind"`
	Note     string `yaml:"note"`
	Optional bool   `yaml:"optional,omitempty"`
}

// The kinds of a template parameter.
const (
	// ParamText is words of the story for reasons, fixes and reviews
	// ("the ruling", "China's side").
	ParamText = "text"
	// ParamSignal is one signal's name, which a template's condition may
	// read with a property ({category}.unhedged).
	ParamSignal = "signal"
	// ParamSignals is a condition's alternatives ("denial|china_denial",
	// "possible.negated"), for a rule's when or a rewrite's signal.
	ParamSignals = "signals"
	// ParamEvidence is the id of one of the criterion's evidence quotes,
	// for {cite:name} and cite.
	ParamEvidence = "evidence"
)

var (
	// placeholderRE finds {name} and {cite:name} (a repetition {0,3} of a
	// pattern starts with a digit and is never one).
	placeholderRE = regexp.MustCompile(`\{(cite:)?([A-Za-z_][A-Za-z0-9_-]*)\}`)
	// runtime are the placeholders a reason, review or fix keeps for
	// grading time (docs/RUBRICS.md, "Rules"; docs/REVISE.md).
	runtime = map[string]bool{"span": true, "sentence": true, "change": true, "Change": true, "words": true}
	// placeRE is a story rule's place among its template's rules.
	placeRE = regexp.MustCompile(`^(first|last|(before|after|instead of) ([a-z0-9_]+))$`)
)

// template is a decoded, checked criterion template.
type template struct {
	name string
	f    FileTemplate
	yf   *engine.YAMLFile
}

// readTemplate decodes and checks template t; its problems name the
// lexicon's file and lines.
func readTemplate(t engine.Template) (*template, []Problem) {
	yf := &engine.YAMLFile{Name: t.File, Root: t.Node}
	tp := &template{name: t.Name, yf: yf}
	if !yf.Decode(&tp.f) {
		return nil, yf.Problems
	}
	tp.check()
	return tp, yf.Problems
}

// check reports what in the template cannot expand: an unknown kind, a
// placeholder naming no parameter or one of the wrong kind, an optional
// parameter used by a rule that does not name it in if, a rule without a
// name or with one used twice.
func (tp *template) check() {
	f, yf := &tp.f, tp.yf
	if len(f.Params) == 0 && len(f.Rules) == 0 {
		yf.Addf(yf.Line(), "template %s: no params and no rules", tp.name)
	}
	for n, p := range f.Params {
		if !engine.ValidName(n) || runtime[n] {
			yf.Addf(yf.Line("params", n), "template %s: parameter %q must be lower-case letters, digits and underscores, and not a placeholder of grading ({span}, {sentence}, {change}, {words})", tp.name, n)
		}
		switch p.Kind {
		case ParamText, ParamSignal, ParamSignals, ParamEvidence:
		default:
			yf.Addf(yf.Line("params", n), "template %s: parameter %s: kind %q is not text, signal, signals or evidence", tp.name, n, p.Kind)
		}
	}
	// text: a string where words go (reasons, fixes); cond: a condition.
	words := func(line int, s string, optionalOK map[string]bool) {
		for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
			name, cite := m[2], m[1] != ""
			p, ok := f.Params[name]
			switch {
			case cite && ok && p.Kind == ParamEvidence, !cite && ok && p.Kind == ParamText:
				if p.Optional && !optionalOK[name] {
					yf.Addf(line, "template %s: {%s} is optional: only a rule that names it in if may use it", tp.name, name)
				}
			case cite && !ok:
				yf.Addf(line, "template %s: {cite:%s} names no parameter (a template cites evidence through an evidence parameter)", tp.name, name)
			case !cite && !ok && runtime[name]:
			case !ok:
				yf.Addf(line, "template %s: unknown placeholder {%s}: it is no parameter of the template", tp.name, name)
			default:
				yf.Addf(line, "template %s: {%s%s} is a parameter of kind %s, which cannot stand there", tp.name, m[1], name, p.Kind)
			}
		}
	}
	cond := func(line int, s string, optionalOK map[string]bool) {
		for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
			p, ok := f.Params[m[2]]
			switch {
			case !ok:
				yf.Addf(line, "template %s: unknown placeholder {%s%s}: it is no parameter of the template", tp.name, m[1], m[2])
			case m[1] != "" || p.Kind != ParamSignals && p.Kind != ParamSignal:
				yf.Addf(line, "template %s: {%s%s} is a parameter of kind %s, and a condition takes signals", tp.name, m[1], m[2], p.Kind)
			case p.Optional && !optionalOK[m[2]]:
				yf.Addf(line, "template %s: {%s} is optional: only a rule that names it in if may use it", tp.name, m[2])
			}
		}
	}
	words(yf.Line("question"), f.Question, nil)
	words(yf.Line("guidance"), f.Guidance, nil)
	words(yf.Line("fix"), f.Fix, nil)
	for v, s := range f.Verdicts {
		words(yf.Line("verdicts", v), s, nil)
	}
	for j, a := range f.Append {
		words(yf.Line("append", j), a, nil)
	}
	for j, e := range f.Rewrite {
		cond(yf.Line("rewrite", j), e.Signal, nil)
		words(yf.Line("rewrite", j), e.Find+e.Verb+e.Noun+e.Replace, nil)
	}
	names := map[string]bool{}
	for j, r := range f.Rules {
		at := func(k ...any) int { return yf.Line(append([]any{"rules", j}, k...)...) }
		switch {
		case !engine.ValidName(r.Name):
			yf.Addf(at(), "template %s rule %d: name it (lower-case letters, digits and underscores) so a story can place its rules beside it", tp.name, j+1)
		case names[r.Name]:
			yf.Addf(at("name"), "template %s: two rules are named %s", tp.name, r.Name)
		}
		names[r.Name] = true
		if r.Place != "" {
			yf.Addf(at("place"), "template %s rule %s: place is for a story's rules", tp.name, r.Name)
		}
		for _, n := range r.Unless {
			if p, has := f.Params[n]; !has || !p.Optional {
				yf.Addf(at("unless"), "template %s rule %s: unless names %q, which is no optional parameter", tp.name, r.Name, n)
			}
			if slices.Contains(r.If, n) {
				yf.Addf(at("unless"), "template %s rule %s: %s is in both if and unless, so the rule is never kept", tp.name, r.Name, n)
			}
		}
		ok := map[string]bool{}
		for _, n := range r.If {
			if p, has := f.Params[n]; !has || !p.Optional {
				yf.Addf(at("if"), "template %s rule %s: if names %q, which is no optional parameter", tp.name, r.Name, n)
			}
			ok[n] = true
		}
		for w, c := range r.When {
			cond(at("when", w), c, ok)
		}
		words(at("reason"), r.Reason, ok)
		words(at("review"), r.Review, ok)
		words(at("fix"), r.Fix, ok)
		for _, c := range r.Cite {
			if p, has := f.Params[c]; !has || p.Kind != ParamEvidence {
				yf.Addf(at("cite"), "template %s rule %s: cite names %q, which is no evidence parameter", tp.name, r.Name, c)
			}
		}
	}
}

// ruleSrc is a rule of a criterion as the loader builds it: from the
// story's file or expanded from a template, with where it came from.
type ruleSrc struct {
	FileRule
	// line gives the line of a part of the rule in the rubric file (a
	// template's rule: the criterion's standard or parameter).
	line func(keys ...any) int
	// label names the rule in problems ("rule 3", "rule announced of
	// template leak_attribution").
	label string
	// origin is where the rule was written, file:line.
	origin string
}

// expand fills in criterion fc from its template (fc.Standard) and
// returns its rules in order: the template's, with the story's placed
// among them. Problems go to l; it returns false when the criterion cannot
// be expanded.
func (l *loader) expand(r *Rubric, fc *FileCriterion, i int) ([]ruleSrc, bool) {
	at := func(keys ...any) int { return l.Line(append([]any{"criteria", i}, keys...)...) }
	if fc.Standard == "" {
		var out []ruleSrc
		for j, fr := range fc.Rules {
			if fr.Name != "" || len(fr.If) > 0 || len(fr.Unless) > 0 || fr.Place != "" {
				l.Addf(at("rules", j), "criterion %s rule %d: name, if, unless and place are for a criterion with a standard", fc.ID, j+1)
			}
			out = append(out, ruleSrc{FileRule: fr, label: fmt.Sprintf("rule %d", j+1),
				line:   func(k ...any) int { return at(append([]any{"rules", j}, k...)...) },
				origin: fmt.Sprintf("%s:%d", l.Name, at("rules", j))})
		}
		if len(fc.With) > 0 || len(fc.Drop) > 0 {
			l.Addf(at("with"), "criterion %s: with and drop need a standard (the template they fill in)", fc.ID)
		}
		return out, true
	}
	t, ok := r.prog.Template(fc.Standard)
	if !ok {
		names := r.prog.Templates()
		if len(names) == 0 {
			l.Addf(at("standard"), "criterion %s: standard %q: the rubric's lexicon has no templates", fc.ID, fc.Standard)
		} else {
			l.Addf(at("standard"), "criterion %s: unknown standard %q; the lexicon's templates are %s", fc.ID, fc.Standard, strings.Join(names, ", "))
		}
		return nil, false
	}
	tp, probs := readTemplate(t)
	l.Problems = append(l.Problems, probs...)
	if tp == nil || len(probs) > 0 {
		return nil, false
	}
	tf := &tp.f
	// the parameters: each given one of the template's, of its kind
	vals := map[string]string{}
	evidence := map[string]bool{}
	for _, e := range fc.Evidence {
		evidence[e.ID] = true
	}
	before := len(l.Problems)
	for _, name := range sortedKeys(fc.With) {
		node := fc.With[name]
		line := at("with", name)
		p, ok := tf.Params[name]
		if !ok {
			l.Addf(line, "criterion %s: template %s has no parameter %s; its parameters are %s", fc.ID, tp.name, name, strings.Join(sortedKeys(tf.Params), ", "))
			continue
		}
		if node.Kind != yaml.ScalarNode || strings.TrimSpace(node.Value) == "" {
			l.Addf(line, "criterion %s: parameter %s is %s: give one %s", fc.ID, name, p.Kind, kindHint(p.Kind))
			continue
		}
		v, err := paramValue(r.prog, p.Kind, node.Value, evidence)
		if err != nil {
			l.Addf(line, "criterion %s: parameter %s is %s: %v", fc.ID, name, p.Kind, err)
			continue
		}
		vals[name] = v
	}
	for _, name := range sortedKeys(tf.Params) {
		if p := tf.Params[name]; !p.Optional {
			if _, ok := fc.With[name]; !ok {
				l.Addf(at("standard"), "criterion %s: template %s needs parameter %s (%s: %s)", fc.ID, tp.name, name, p.Kind, p.Note)
			}
		}
	}
	if len(l.Problems) > before {
		return nil, false // what the rules would say unfilled is no news
	}
	sub := func(s string) string {
		return placeholderRE.ReplaceAllStringFunc(s, func(m string) string {
			g := placeholderRE.FindStringSubmatch(m)
			v, ok := vals[g[2]]
			switch {
			case !ok:
				return m
			case g[1] != "":
				return "{cite:" + v + "}"
			}
			return v
		})
	}
	// the criterion's fields: the story's, or the template's
	if fc.Question == "" {
		fc.Question = sub(tf.Question)
	}
	if fc.Weight == 0 {
		fc.Weight = tf.Weight
	}
	if len(fc.Kinds) == 0 {
		fc.Kinds = tf.Kinds
	}
	if fc.CapsAt == "" {
		fc.CapsAt = tf.CapsAt
	}
	if len(fc.Verdicts) == 0 && len(tf.Verdicts) > 0 {
		fc.Verdicts = map[string]string{}
		for k, v := range tf.Verdicts {
			fc.Verdicts[k] = sub(v)
		}
	}
	if fc.Guidance == "" {
		fc.Guidance = sub(tf.Guidance)
	}
	if fc.Fix == "" {
		fc.Fix = sub(tf.Fix)
	}
	if len(fc.Rewrite) == 0 {
		for _, e := range tf.Rewrite {
			fc.Rewrite = append(fc.Rewrite, FileEdit{Find: sub(e.Find), Signal: sub(e.Signal), Verb: sub(e.Verb), Noun: sub(e.Noun), Replace: sub(e.Replace)})
		}
	}
	if len(fc.Append) == 0 {
		for _, a := range tf.Append {
			fc.Append = append(fc.Append, sub(a))
		}
	}
	// the template's rules, less those dropped or lacking a parameter
	var out []ruleSrc
	names := map[string]int{}
	std := at("standard")
	for j, tr := range tf.Rules {
		names[tr.Name] = j
		if slices.Contains(fc.Drop, tr.Name) {
			continue
		}
		if slices.ContainsFunc(tr.If, func(n string) bool { _, ok := vals[n]; return !ok }) {
			continue
		}
		if slices.ContainsFunc(tr.Unless, func(n string) bool { _, ok := vals[n]; return ok }) {
			continue
		}
		fr := FileRule{Name: tr.Name, Kinds: tr.Kinds, Verdict: tr.Verdict, Decisive: tr.Decisive,
			Reason: sub(tr.Reason), Review: sub(tr.Review), Fix: sub(tr.Fix)}
		for _, w := range tr.When {
			fr.When = append(fr.When, sub(w))
		}
		for _, c := range tr.Cite {
			fr.Cite = append(fr.Cite, vals[c])
		}
		out = append(out, ruleSrc{FileRule: fr, label: fmt.Sprintf("rule %s of template %s", tr.Name, tp.name),
			line: func(...any) int { return std }, origin: fmt.Sprintf("%s:%d", t.File, tp.yf.Line("rules", j))})
	}
	for j, n := range fc.Drop {
		if _, ok := names[n]; !ok {
			l.Addf(at("drop", j), "criterion %s: drop names %q, which is no rule of template %s", fc.ID, n, tp.name)
		}
	}
	// the story's rules, each where its place says
	type placed struct {
		how, name string
		r         ruleSrc
	}
	var first, last []ruleSrc
	var around []placed
	for j, fr := range fc.Rules {
		rs := ruleSrc{FileRule: fr, label: fmt.Sprintf("rule %d", j+1),
			line:   func(k ...any) int { return at(append([]any{"rules", j}, k...)...) },
			origin: fmt.Sprintf("%s:%d", l.Name, at("rules", j))}
		if fr.Name != "" || len(fr.If) > 0 || len(fr.Unless) > 0 {
			l.Addf(at("rules", j), "criterion %s rule %d: name, if and unless are for a template's rules", fc.ID, j+1)
		}
		m := placeRE.FindStringSubmatch(strings.TrimSpace(fr.Place))
		if m == nil {
			l.Addf(at("rules", j), "criterion %s rule %d: say where the rule goes among template %s's: place: first, last, before NAME, after NAME or instead of NAME", fc.ID, j+1, tp.name)
			continue
		}
		switch m[1] {
		case "first":
			first = append(first, rs)
			continue
		case "last":
			last = append(last, rs)
			continue
		}
		k := slices.IndexFunc(out, func(o ruleSrc) bool { return o.Name == m[3] })
		if k < 0 {
			if _, ok := names[m[3]]; ok {
				l.Addf(at("rules", j, "place"), "criterion %s rule %d: rule %s of template %s is dropped or lacks its parameter here", fc.ID, j+1, m[3], tp.name)
			} else {
				l.Addf(at("rules", j, "place"), "criterion %s rule %d: template %s has no rule %s", fc.ID, j+1, tp.name, m[3])
			}
			continue
		}
		around = append(around, placed{how: m[2], name: m[3], r: rs})
	}
	var merged []ruleSrc
	merged = append(merged, first...)
	for _, o := range out {
		var after []ruleSrc
		replaced := false
		for _, p := range around {
			if p.name != o.Name {
				continue
			}
			switch p.how {
			case "before":
				merged = append(merged, p.r)
			case "after":
				after = append(after, p.r)
			case "instead of":
				merged = append(merged, p.r)
				replaced = true
			}
		}
		if !replaced {
			merged = append(merged, o)
		}
		merged = append(merged, after...)
	}
	merged = append(merged, last...)
	return merged, true
}

// paramValue checks a parameter's value against its kind and returns it
// as it is filled in.
func paramValue(prog *engine.Program, kind, v string, evidence map[string]bool) (string, error) {
	v = strings.TrimSpace(v)
	switch kind {
	case ParamEvidence:
		if !evidence[v] {
			return "", fmt.Errorf("%q is not the id of one of the criterion's evidence quotes", v)
		}
	case ParamText:
		if strings.Contains(v, "\n") {
			return "", fmt.Errorf("one line of words")
		}
		for _, m := range placeholderRE.FindAllStringSubmatch(v, -1) {
			if m[1] == "" && !runtime[m[2]] {
				return "", fmt.Errorf("{%s} is no placeholder a reason or fix can print", m[2])
			}
		}
	case ParamSignal, ParamSignals:
		if kind == ParamSignal && !engine.ValidName(v) {
			return "", fmt.Errorf("give one signal's name (%q)", v)
		}
		// a long list may be folded over lines: space beside | is no part of it
		alts := strings.Split(v, "|")
		for k := range alts {
			alts[k] = strings.TrimSpace(alts[k])
		}
		v = strings.Join(alts, "|")
		if strings.HasPrefix(v, "!") || strings.ContainsAny(v, " \t") {
			return "", fmt.Errorf("give alternatives a|b.negated, with no ! and no spaces (%q)", v)
		}
		if _, err := prog.Condition(v); err != nil {
			return "", err
		}
	}
	return v, nil
}

func kindHint(kind string) string {
	switch kind {
	case ParamEvidence:
		return "evidence id of the criterion"
	case ParamSignal:
		return "signal's name"
	case ParamSignals:
		return "condition's alternatives (a|b.negated)"
	}
	return "line of words"
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// rawPlaceholders lists the placeholders of s that nothing fills in: not
// a runtime one ({span}, {sentence}, {change}, {words}) nor a cite. A
// reason with one would print it raw.
func rawPlaceholders(s string) []string {
	var out []string
	for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
		if m[1] == "" && !runtime[m[2]] {
			out = append(out, "{"+m[2]+"}")
		}
	}
	return out
}

// RuleInfo is a criterion's rule as written, after its template is filled
// in, for people (factgrade rubric show): what it says and where it was
// written.
type RuleInfo struct {
	// Name is the rule's name in its template ("" for a story's rule).
	Name     string
	Kinds    []string
	When     []string
	Verdict  Verdict
	Decisive bool
	Reason   string
	Review   string
	Fix      string
	Cite     []string
	// Origin is the file and line the rule was written at: the lexicon's
	// (engine/lexicon/standards.yaml:1402) or the rubric's.
	Origin string
}

// Rules returns the criterion's decision list in order, each rule with
// where it came from.
func (c *Criterion) Rules() []RuleInfo {
	if c.rules == nil {
		return nil
	}
	out := make([]RuleInfo, len(c.rules.rules))
	for i, ru := range c.rules.rules {
		out[i] = RuleInfo{Name: ru.name, Kinds: ru.kinds, When: ru.when, Verdict: ru.verdict, Decisive: ru.decisive,
			Reason: ru.reason, Review: ru.review, Fix: ru.fix, Cite: ru.cite, Origin: ru.origin}
	}
	return out
}

// CheckTemplate reads a lexicon's criterion template and returns what in
// it cannot expand (docs/RUBRICS.md, "Criterion templates"), for tests and
// lint of the lexicon.
func CheckTemplate(t engine.Template) []Problem {
	_, probs := readTemplate(t)
	return probs
}
