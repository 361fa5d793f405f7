package rubric

import (
	"fmt"
	"sort"
	"strings"

	"github.com/factgrade/factgrade/engine"
)

// Rubric is a story's grading guide: its primary source, the criteria a
// submission is graded on, and the letter thresholds. Rubrics are loaded from
// YAML files (see Load) and are immutable once loaded.
type Rubric struct {
	ID      string
	Version int
	Title   string
	// Scope says in words for editors which texts are about the story, for
	// the reply to a text that is not; empty when the rubric gives none.
	Scope  string
	Source *Source
	// Criteria in the order the rubric file lists them.
	Criteria []*Criterion
	// Letters from the best to the worst, each with its minimum score.
	Letters []Threshold
	// Hash is the SHA-256 (hex) of the rubric file and its source text, so
	// stored grades say exactly what they were graded against.
	Hash string
	// File is where the rubric was loaded from.
	File string
	// Lexicon is the shared lexicon the rubric uses, as id@version, or "".
	Lexicon string

	// prog is the rubric's signals, about test and decision lists, compiled
	// for the rule engine.
	prog *engine.Program
	// patterns are the file's patterns with their lines, which lint reads
	// (LintWarnings).
	patterns []engine.PatternAt
}

// IDRule says in words what a rubric id may be; ValidID checks it. Every
// place that takes a rubric id (the rubric file, settings, Slack commands)
// uses this one rule.
const IDRule = "a rubric id is 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit"

// ValidID reports whether id is a well-formed rubric id (see IDRule);
// whether such a rubric is loaded is another matter.
func ValidID(id string) bool { return idRE.MatchString(id) }

// NotAboutReason is the reason given when a text is not about r's story:
// the story's title and, when the rubric says it, which texts it grades.
func (r *Rubric) NotAboutReason() string {
	s := "The text is not about this story: " + r.Title + "."
	if r.Scope != "" {
		s += " " + r.Scope
	}
	return s
}

// Threshold is a letter and the lowest score that earns it.
type Threshold struct {
	Letter string  `yaml:"letter" json:"letter"`
	Min    float64 `yaml:"min" json:"min"`
}

// Criterion is one point a submission is graded on.
type Criterion struct {
	ID       string
	Question string
	Weight   float64
	// Kinds the criterion applies to; for other kinds its verdict is na.
	Kinds []Kind
	// CapsAt, when set, is the best letter a grade may have when this
	// criterion fails ("D").
	CapsAt string
	// Verdicts says in plain words what each verdict means.
	Verdicts map[Verdict]string
	// Evidence are the spans of the source that support the criterion.
	Evidence []Evidence
	// Guidance is advice for an LLM judge.
	Guidance string
	// Fix is the hint shown to an editor when the criterion is not passed.
	Fix string
	// Standard is the lexicon's criterion template the criterion fills in
	// ("" when the story writes all its rules).
	Standard string

	// rules is what the rule judge decides the criterion with.
	rules *criterionRules
}

// Evidence is a verbatim span of the source, by paragraph.
type Evidence struct {
	ID        string
	Paragraph int
	Quote     string
}

// Citation returns the evidence as a citation.
func (e Evidence) Citation() Citation { return Citation{Paragraph: e.Paragraph, Quote: e.Quote} }

// AppliesTo reports whether the criterion applies to kind k.
func (c *Criterion) AppliesTo(k Kind) bool {
	for _, x := range c.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Criterion returns the criterion with the given id, or nil.
func (r *Rubric) Criterion(id string) *Criterion {
	for _, c := range r.Criteria {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Source is the cleaned primary source of a story, split into numbered body
// paragraphs, with its headline, subhead and byline kept apart.
type Source struct {
	Publisher string
	Headline  string
	Subhead   string
	Byline    string
	Date      string
	URL       string
	// Paragraphs of the body; paragraph n is Paragraphs[n-1].
	Paragraphs []string

	// quotes are the Paragraphs normalised for quote matching, each folded
	// once at load (a model's every citation is looked for in them).
	quotes []engine.QuoteText
}

// Paragraph returns body paragraph n (1-based) and whether it exists.
func (s *Source) Paragraph(n int) (string, bool) {
	if n < 1 || n > len(s.Paragraphs) {
		return "", false
	}
	return s.Paragraphs[n-1], true
}

// Find looks for quote verbatim in the source (after Unicode, quote-mark and
// whitespace normalisation) and returns the paragraph that holds it and the
// quote as the source spells it. Paragraph hint, when in range, is tried first.
func (s *Source) Find(quote string, hint int) (Citation, bool) {
	q := engine.NormalizeQuote(quote)
	if len(strings.TrimSpace(q)) < 3 {
		return Citation{}, false
	}
	try := func(i int) (Citation, bool) {
		at := strings.Index(s.quotes[i].Folded(), q)
		if at < 0 {
			return Citation{}, false
		}
		exact, ok := s.quotes[i].Span(at, at+len(q))
		if !ok {
			return Citation{}, false
		}
		return Citation{Paragraph: i + 1, Quote: exact}, true
	}
	if hint >= 1 && hint <= len(s.quotes) {
		if c, ok := try(hint - 1); ok {
			return c, true
		}
	}
	for i := range s.quotes {
		if c, ok := try(i); ok {
			return c, true
		}
	}
	return Citation{}, false
}

// Verify reports whether c quotes the source verbatim at the paragraph it
// names, and returns the citation as the source spells it.
func (s *Source) Verify(c Citation) (Citation, bool) {
	if c.Paragraph < 1 || c.Paragraph > len(s.Paragraphs) {
		return Citation{}, false
	}
	found, ok := s.Find(c.Quote, c.Paragraph)
	if !ok || found.Paragraph != c.Paragraph {
		return Citation{}, false
	}
	return found, true
}

// Set is the rubrics a deployment knows, by id.
type Set struct {
	byID map[string]*Rubric
	ids  []string
}

// NewSet returns a set of the given rubrics; ids must be unique.
func NewSet(rubrics ...*Rubric) (*Set, error) {
	s := &Set{byID: make(map[string]*Rubric)}
	for _, r := range rubrics {
		if err := s.Add(r); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Add adds r to the set; an id already present is an error.
func (s *Set) Add(r *Rubric) error {
	if prev, ok := s.byID[r.ID]; ok {
		return fmt.Errorf("rubric %q in %s is already loaded from %s", r.ID, r.File, prev.File)
	}
	s.byID[r.ID] = r
	s.ids = append(s.ids, r.ID)
	sort.Strings(s.ids)
	return nil
}

// Get returns the rubric with the given id.
func (s *Set) Get(id string) (*Rubric, bool) {
	r, ok := s.byID[id]
	return r, ok
}

// IDs returns the ids of the rubrics in the set, sorted.
func (s *Set) IDs() []string { return append([]string(nil), s.ids...) }

// List returns the rubrics sorted by id.
func (s *Set) List() []*Rubric {
	out := make([]*Rubric, len(s.ids))
	for i, id := range s.ids {
		out[i] = s.byID[id]
	}
	return out
}

// UnknownRubricError is returned when a submission names a rubric the
// deployment does not have.
type UnknownRubricError struct {
	ID    string
	Known []string
}

func (e *UnknownRubricError) Error() string {
	return fmt.Sprintf("unknown rubric %q; known rubrics: %s", e.ID, strings.Join(e.Known, ", "))
}

// Lookup returns the rubric with the given id or an *UnknownRubricError.
func (s *Set) Lookup(id string) (*Rubric, error) {
	if r, ok := s.byID[id]; ok {
		return r, nil
	}
	return nil, &UnknownRubricError{ID: id, Known: s.IDs()}
}
