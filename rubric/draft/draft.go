// Package draft writes the first draft of a story's rubric from its cleaned
// primary source, with no model: the entities, dates, places and numbers the
// source states (the facts criterion), the phrases that show anonymous
// sourcing, the hedged central claim and its strength words, and the
// paragraphs that carry the other side, each as verbatim evidence, under the
// criteria of the shared standards (claim strength, sourcing, the other
// side, facts). The English is the shared lexicon's; the draft holds only
// the story, and says in comments what an editor must check.
package draft

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgrade/factgrade/rubric"
)

// Lexicon is the shared lexicon a draft uses.
const Lexicon = "standards@8"

// Loader loads a rubric file's text with its source beside it, as the
// server would (factgrade's CLI loads it from a temporary directory).
type Loader func(yml []byte) (*rubric.Rubric, error)

// Draft is a drafted rubric and what was found in the source.
type Draft struct {
	YAML []byte
	// Headline is the source's headline; Letter is the grade the draft
	// gives it (the draft is only usable when that is the best letter).
	Headline string
	Letter   string
	// Found lists, for the editor, what the draft took from the source.
	Found []string
}

// story is what the draft reads from the source.
type story struct {
	id, srcRel                           string
	headline, subhead, byline, date      string
	publisher                            string
	paras                                []string
	subject, others                      []string // entity names, subject first
	subjectWords, otherWords, topicWords []string // single lower-case words
	facts                                []string // token patterns of stated facts
	years                                []string
	months, sourceCount                  []string           // the typed facts' values: the months named, how the sources are counted
	evidence                             map[string][]quote // by criterion
	strength                             []string           // the source's strength words
}

type quote struct {
	para int
	text string
	why  string
}

var (
	acronymRE  = regexp.MustCompile(`\b[A-Z][A-Z]{1,7}\b`)
	nameRE     = regexp.MustCompile(`\b[A-Z][a-z]+(?:[’']s)?(?:\s+(?:of|for|on|and|the|de)?\s*[A-Z][a-z]+)*\b`)
	numberRE   = regexp.MustCompile(`\b\d[\d,.]*\b(?:\s+(?:[a-z]+))?`)
	yearRE     = regexp.MustCompile(`\b(?:19|20)\d\d\b`)
	monthDayRE = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b`)
	monthRE    = regexp.MustCompile(`\b(January|February|March|April|June|July|August|September|October|November|December)\b|\b(?:in|by|until|early|late|mid|of) (May)\b`)
	// unnamed sources counted ("two sources", "three people familiar with")
	sourceCountRE = regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:sources|people|persons|officials|insiders)\b`)
	datelineRE    = regexp.MustCompile(`^([A-Z][A-Z .]{2,})(?:,|\s+\()`)
	parenRE       = regexp.MustCompile(`([A-Z][\w’']*(?:\s+(?:of|for|on|and|the)?\s*[A-Z][\w’']*)+)\s+\(([A-Z]{2,8})\)`)
	dateLineRE    = regexp.MustCompile(`^(?:[A-Z][a-z]+ \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2})$`)
	publisherRE   = regexp.MustCompile(`\((Reuters|AP|AFP|Bloomberg)\)`)
)

// stopwords are the English words that are never a story's topic: function
// words and the words of reporting. They only keep the draft's topic list
// short; the rubric's English comes from the lexicon.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but of to in on for with by at from as into over after before
		is are was were be been being has have had will would could should may might can must
		this that these those it its their his her they them he she we our you your who whom which what
		not no nor than then so if about against between during under up down out off new says said say
		report reports sources source exclusive according set next month year week first time
		one two three four five six seven eight nine ten more most some many much such also
		told tells tell people official officials agency group`) {
		m[w] = true
	}
	return m
}()

// New drafts the rubric id from the cleaned source text src, which the
// rubric will find at srcRel (relative to itself). load validates the draft
// as the server would; it is also used to read the source with the shared
// lexicon.
func New(ctx context.Context, src []byte, id, srcRel string, load Loader) (*Draft, error) {
	if !rubric.ValidID(id) {
		return nil, fmt.Errorf("--id %q: %s", id, rubric.IDRule)
	}
	if !utf8.Valid(src) {
		return nil, fmt.Errorf("the source is not UTF-8 text")
	}
	header, paras := rubric.ParseSource(string(src))
	if len(header) == 0 || len(paras) == 0 {
		return nil, fmt.Errorf("the source needs a header block (headline, byline, date) and body paragraphs, separated by blank lines (docs/RUBRICS.md)")
	}
	s := &story{id: id, srcRel: srcRel, paras: paras, evidence: map[string][]quote{}}
	s.readHeader(header)
	s.readEntities()
	s.readFacts()
	if err := s.readWithLexicon(load); err != nil {
		return nil, err
	}
	yml := s.yaml()
	r, err := load(yml)
	if err != nil {
		return &Draft{YAML: yml, Headline: s.headline, Found: s.found()}, fmt.Errorf("the draft does not load: %w", err)
	}
	g, err := rubric.NewRuleJudge().Grade(ctx, r, rubric.Request{Text: s.headline, Kind: rubric.Headline})
	if err != nil {
		return nil, err
	}
	return &Draft{YAML: yml, Headline: s.headline, Letter: g.Letter, Found: s.found()}, nil
}

func (s *story) readHeader(header []string) {
	s.headline = strings.TrimSpace(header[0])
	for _, l := range header[1:] {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "By "):
			s.byline = strings.TrimPrefix(l, "By ")
		case dateLineRE.MatchString(l):
			s.date = l
		case s.subhead == "":
			s.subhead = l
		}
	}
	if m := publisherRE.FindStringSubmatch(s.paras[0]); m != nil {
		s.publisher = m[1]
	}
}

// readEntities takes the subject from the headline (its acronyms and names,
// with their expansions in the body, "International Agency for Research on
// Cancer (IARC)") and the other named parties from the body.
func (s *story) readEntities() {
	body := strings.Join(s.paras, "\n")
	expand := map[string]string{}
	for _, m := range parenRE.FindAllStringSubmatch(body, -1) {
		expand[m[2]] = m[1]
	}
	seen := map[string]bool{}
	add := func(list *[]string, name string) {
		name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s"))
		acronym := acronymRE.MatchString(name) && strings.ToUpper(name) == name
		if name == "" || seen[strings.ToLower(name)] || (!acronym && stopwords[strings.ToLower(name)]) {
			return
		}
		seen[strings.ToLower(name)] = true
		*list = append(*list, name)
	}
	for _, a := range acronymRE.FindAllString(s.headline, -1) {
		add(&s.subject, a)
		if x, ok := expand[a]; ok {
			add(&s.subject, x)
		}
	}
	bodyNames := nameRE.FindAllString(body, -1)
	if len(s.subject) == 0 {
		// The longest name in the body that holds a capitalised word of
		// the headline ("Port" → "Northwind Port Authority").
	headline:
		for _, hn := range nameRE.FindAllString(s.headline, -1) {
			for _, n := range strings.Fields(hn) {
				if stopwords[strings.ToLower(n)] || strings.HasPrefix(s.headline, n+":") {
					continue
				}
				best := ""
				for _, bn := range bodyNames {
					if bn == n {
						best = n
						break
					}
					if strings.Contains(bn, n) && len(bn) > len(best) {
						best = bn
					}
				}
				if best != "" {
					add(&s.subject, strings.TrimPrefix(best, "The "))
					break headline
				}
			}
		}
	}
	for short, long := range expand {
		add(&s.others, long)
		add(&s.others, short)
	}
	for _, n := range bodyNames {
		n = strings.TrimPrefix(n, "The ")
		if len(strings.Fields(n)) < 2 || monthDayRE.MatchString(n+" 1") || isSubject(s.subject, n) {
			continue
		}
		add(&s.others, n)
	}
	for _, p := range s.paras {
		for _, a := range acronymRE.FindAllString(p, -1) {
			if !datelineRE.MatchString(p) || !strings.HasPrefix(p, a) {
				add(&s.others, a)
			}
		}
	}
	sort.Strings(s.others)
	s.subjectWords = words(s.subject)
	s.otherWords = words(s.others)
	// The topic: the headline's content words that name neither a party
	// nor a strength of claim.
	party := map[string]bool{}
	for _, w := range s.subjectWords {
		party[w] = true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s.headline), notWord) {
		if len(w) > 3 && !stopwords[w] && !party[w] && !contains(s.topicWords, w) {
			s.topicWords = append(s.topicWords, w)
		}
	}
	if len(s.subjectWords) == 0 && len(s.topicWords) > 0 {
		// No party named in the headline: the editor must name the subject.
		s.subjectWords = s.topicWords[:1]
	}
}

// isSubject reports whether name is, or is part of, a subject name.
func isSubject(subject []string, name string) bool {
	for _, x := range subject {
		if strings.Contains(x, name) || strings.Contains(name, x) {
			return true
		}
	}
	return false
}

// readFacts collects the dates, numbers with their units, years and places
// (datelines) the source states.
func (s *story) readFacts() {
	seen := map[string]bool{}
	add := func(p string) {
		p = strings.ToLower(strings.TrimSpace(p))
		if p != "" && !seen[p] {
			seen[p] = true
			s.facts = append(s.facts, p)
		}
	}
	if m := datelineRE.FindStringSubmatch(s.paras[0]); m != nil {
		add(strings.TrimSpace(m[1]))
	}
	for _, p := range s.paras {
		for _, m := range monthRE.FindAllStringSubmatch(p, -1) {
			if mo := strings.ToLower(m[1] + m[2]); !contains(s.months, mo) {
				s.months = append(s.months, mo)
			}
		}
		if m := sourceCountRE.FindStringSubmatch(p); m != nil && len(s.sourceCount) == 0 {
			s.sourceCount = countWords(strings.ToLower(m[1]))
		}
		for _, m := range monthDayRE.FindAllStringSubmatch(p, -1) {
			add(m[1] + " " + m[2])
		}
		for _, y := range yearRE.FindAllString(p, -1) {
			add(y)
			if !contains(s.years, y) {
				s.years = append(s.years, y)
			}
		}
		for _, n := range numberRE.FindAllString(p, -1) {
			f := strings.Fields(n)
			num := strings.TrimRight(f[0], ".,")
			if yearRE.MatchString(num) || strings.ContainsAny(num, ",.") || monthDayRE.MatchString(monthBefore(p, n)) {
				continue
			}
			if len(f) > 1 && !stopwords[f[1]] {
				add(num + " " + f[1])
			} else {
				add(num)
			}
		}
	}
}

// countWords is a count as a text may write it: the word and the digit
// ("two", "2").
func countWords(n string) []string {
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	for i, w := range words {
		if n == w || n == fmt.Sprint(i) {
			return []string{w, fmt.Sprint(i)}
		}
	}
	return []string{n}
}

// readWithLexicon reads every paragraph with the shared lexicon (through a
// probe rubric of the story's parties) and keeps, as verbatim evidence,
// where the source attributes its claim to unnamed people, where it hedges
// the claim or says how strong it is, and where the other side answers.
func (s *story) readWithLexicon(load Loader) error {
	probe, err := load(s.probeYAML())
	if err != nil {
		return fmt.Errorf("reading the source with the lexicon: %w", err)
	}
	kinds := map[string]string{
		"anonymity": "sourcing", "unnamed_source": "sourcing", "hedge_phrase": "sourcing",
		"denial": "other_side", "no_comment": "other_side", "pushback": "other_side", "other_view": "other_side", "other_says": "other_side",
		"hedge_word": "claim", "strong_word": "claim", "tacit": "claim",
	}
	strength := map[string]bool{}
	for i, p := range s.paras {
		for _, m := range probe.Explain(p) {
			crit, ok := kinds[m.Signal]
			if !ok {
				continue
			}
			if crit == "claim" && m.Signal != "strong_word" {
				w := strings.ToLower(m.Span.Text)
				if !strength[w] {
					strength[w] = true
					s.strength = append(s.strength, w)
				}
			}
			q := sentenceAround(p, m.Span.Start, m.Span.End)
			s.addEvidence(crit, quote{para: i + 1, text: q, why: m.Signal + ": “" + m.Span.Text + "”"})
		}
	}
	// Strength words are not the topic.
	topic := s.topicWords[:0]
	for _, w := range s.topicWords {
		if !contains(s.strength, w) {
			topic = append(topic, w)
		}
	}
	s.topicWords = topic
	// Facts: the paragraph holding the first few stated facts.
	for i, p := range s.paras {
		lp := strings.ToLower(p)
		for _, f := range s.facts {
			if strings.Contains(lp, f) {
				s.addEvidence("facts", quote{para: i + 1, text: sentenceAround(p, strings.Index(lp, f), strings.Index(lp, f)+len(f)), why: "states " + f})
				break
			}
		}
	}
	return nil
}

// monthBefore returns the month name and the number n if n follows a month
// in p ("June 29"), else "".
func monthBefore(p, n string) string {
	i := strings.Index(p, n)
	if i <= 0 {
		return ""
	}
	f := strings.Fields(p[:i])
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1] + " " + strings.Fields(n)[0]
}

func (s *story) addEvidence(crit string, q quote) {
	for _, x := range s.evidence[crit] {
		if x.para == q.para && x.text == q.text {
			return
		}
	}
	if len(s.evidence[crit]) < 4 {
		s.evidence[crit] = append(s.evidence[crit], q)
	}
}

// sentenceAround returns the sentence of p holding bytes [start, end),
// cut to about 200 bytes at word boundaries: a verbatim span of p.
func sentenceAround(p string, start, end int) string {
	if start < 0 {
		start, end = 0, 0
	}
	b := strings.LastIndex(p[:start], ". ")
	if b < 0 {
		b = 0
	} else {
		b += 2
	}
	e := strings.Index(p[end:], ". ")
	if e < 0 {
		e = len(p)
	} else {
		e = end + e + 1
	}
	for e-b > 200 {
		if start-b > e-end && start-b > 40 {
			if i := strings.IndexByte(p[b+1:start], ' '); i >= 0 {
				b += i + 2
				continue
			}
		}
		if i := strings.LastIndexByte(p[end:e-1], ' '); i >= 0 {
			e = end + i
			continue
		}
		break
	}
	return strings.TrimSpace(p[b:e])
}

func (s *story) found() []string {
	var out []string
	out = append(out, "subject (the party whose claim is graded): "+strings.Join(s.subject, ", "))
	out = append(out, "other parties: "+strings.Join(s.others, ", "))
	out = append(out, "topic words (from the headline): "+strings.Join(s.topicWords, ", "))
	out = append(out, "the claim's strength words: "+strings.Join(s.strength, ", "))
	out = append(out, "stated facts: "+strings.Join(s.facts, "; "))
	for _, c := range []string{"claim", "sourcing", "other_side", "facts"} {
		out = append(out, fmt.Sprintf("%s evidence: %d quote(s)", c, len(s.evidence[c])))
	}
	return out
}

// words returns the distinct lower-case words of names, as token patterns
// match them (possessives kept apart).
func words(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		acronym := strings.ToUpper(n) == n
		for _, w := range strings.FieldsFunc(strings.ToLower(n), notWord) {
			if len(w) < 2 || (stopwords[w] && !acronym) || seen[w] {
				continue
			}
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// q quotes s as a YAML double-quoted scalar (a JSON string is one).
func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
