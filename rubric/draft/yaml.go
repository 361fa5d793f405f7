package draft

import (
	"fmt"
	"strings"
	"time"
)

// probeYAML is a minimal rubric of the story's parties that reads the
// source with the shared lexicon: its signals show where the source hedges
// its claim, attributes it and gives the other side.
func (s *story) probeYAML() []byte {
	var b strings.Builder
	s.writeHead(&b, false)
	b.WriteString(`  hedge_word:
    patterns: ["<possible_adj>|<possible_adv>|<possibility_modal>|<tacit_adj>|<hint_verb>"]
  strong_word:
    patterns: ["<admit_verb>|<certain_adj>|<probable_adj>"]
  other_view:
    patterns: ["<deny_verb>|<respond_verb>|<discredit_verb>"]
  other_says:
    patterns: ["<speech_verb>"]
    near: [other_party]
    near_within: 6
criteria:
  - id: probe
    question: probe
    weight: 1
    kinds: [headline, summary]
    verdicts: {pass: probe, fail: probe}
    evidence:
      - {paragraph: 1, quote: ` + q(firstWords(s.paras[0])) + `}
`)
	return []byte(b.String())
}

// writeHead writes the file's top, the lexicon's hooks and the story's
// parties; with comments, for the editor.
func (s *story) writeHead(b *strings.Builder, comments bool) {
	c := func(format string, args ...any) {
		if comments {
			fmt.Fprintf(b, format, args...)
		}
	}
	c("# Draft rubric %s, written by 'factgrade rubric new' from the cleaned source\n", s.id)
	c("# %s with no model. It is a first draft for an editor to finish: every line\n", s.srcRel)
	c("# marked CHECK says what to confirm against the source and the desk's guide.\n")
	c("# After each change run\n#   factgrade rubric lint FILE       (loads it; grades cases/%s/*.jsonl beside it)\n#   factgrade grade --rubric %s TEXT --explain\n", s.id, s.id)
	c("# and label texts in cases/%s/dev.jsonl as you go (docs/RUBRICS.md, \"From a\n# new source to a working rubric\").\n#\n", s.id)
	c("# What the draft read in the source (CHECK each):\n")
	for _, f := range s.found() {
		c("# - %s\n", f)
	}
	fmt.Fprintf(b, "id: %s\nversion: 1\n", s.id)
	c("# CHECK: a short title editors will recognise.\n")
	fmt.Fprintf(b, "title: %s\n", q(s.headline))
	c("# CHECK: say which texts this rubric grades and which neighbouring stories it does not.\n")
	fmt.Fprintf(b, "scope: %s\n", q("Texts about "+strings.Join(s.topicWords, ", ")+" as this source reports it."))
	b.WriteString("source:\n")
	pub := s.publisher
	if pub == "" {
		pub = "TODO publisher"
	}
	c("  # CHECK: publisher, byline and date as the source gives them; the url must be the source's address.\n")
	fmt.Fprintf(b, "  publisher: %s\n  headline: %s\n", q(pub), q(s.headline))
	if s.subhead != "" {
		fmt.Fprintf(b, "  subhead: %s\n", q(s.subhead))
	}
	by := s.byline
	if by == "" {
		by = "TODO byline"
	}
	fmt.Fprintf(b, "  byline: %s\n  date: %s\n", q(by), q(isoDate(s.date)))
	fmt.Fprintf(b, "  url: %s\n  text: %s\n", q("https://example.invalid/"+s.id+"-replace-with-the-source-address"), q(s.srcRel))
	b.WriteString("letters:\n  - {letter: A, min: 90}\n  - {letter: B, min: 75}\n  - {letter: C, min: 60}\n  - {letter: D, min: 40}\n  - {letter: F, min: 0}\n")
	fmt.Fprintf(b, "lexicon: %s\n", Lexicon)
	c("# About this story, by meaning: the topic with the subject or its claim.\n")
	c("# CHECK: add the neighbouring stories a desk will paste (earlier or later\n")
	c("# events, other studies, other parties) as signals the text must not have.\n")
	if comments {
		b.WriteString("about: [topic]\nabout_any:\n  - [subject]\n  - [claim_hedge]\n  - [strong_claim]\n  - [fact_right]\n")
	} else {
		b.WriteString("about: [topic]\n")
	}
	b.WriteString("classes:\n")
	c("  # CHECK: single words that name the subject or its people.\n")
	fmt.Fprintf(b, "  subject_name: [%s]\n", strings.Join(withPossessive(s.subjectWords), ", "))
	if len(s.months) > 0 || len(s.sourceCount) > 0 {
		c("  # CHECK: the source's typed facts the lexicon reads: the months it dates\n  # events by (other_month: another month near a ruling or meeting is wrong)\n  # and how it counts its unnamed sources (source_miscount).\n")
	}
	if len(s.months) > 0 {
		fmt.Fprintf(b, "  fact_month: [%s]\n", strings.Join(s.months, ", "))
	}
	if len(s.sourceCount) > 0 {
		fmt.Fprintf(b, "  fact_count: [%s]\n", strings.Join(quoteAll(s.sourceCount), ", "))
	}
	b.WriteString("signals:\n")
	c("  # --- the story's parties and topic (the lexicon's hooks) ----------------------\n")
	fmt.Fprintf(b, "  subject:\n    note: The party whose claim the story grades.\n    patterns: [%s]\n", q(alts(withPossessive(s.subjectWords))))
	b.WriteString("  subject_speaker:\n    note: The subject's own people, whose words are not a leak's attribution.\n    patterns: [\"<subject_name> <source_noun>\"]\n")
	fmt.Fprintf(b, "  topic:\n    note: What the claim is about.\n    patterns: [%s]\n", q(alts(s.topicWords)))
	other := alts(s.otherWords)
	if other == "" {
		other = "<responder>"
	}
	fmt.Fprintf(b, "  other_party:\n    note: The other parties the source names.\n    patterns: [%s]\n", q(other))
	b.WriteString("  claim_hedge:\n    note: The claim told as the source tells it, hedged (possible, may, tacitly, hinted), near its topic.\n")
	b.WriteString("    patterns: [\"<possible_adj>|<possible_adv>|<possibility_modal>|<tacit_adj>|<hint_verb>\"]\n    near: [topic]\n")
	b.WriteString("  strong_claim:\n    note: The claim made stronger than the source's (admitted, known, probable), near its topic.\n")
	b.WriteString("    patterns: [\"<admit_verb>|<certain_adj>|<probable_adj>\"]\n    near: [topic]\n    negated_by: [negation]\n    hedged_by: [hedge_adverb, hedge_phrase, source_label, headline_attribution]\n    quotes_hedge: true\n")
}

// yaml writes the draft.
func (s *story) yaml() []byte {
	var b strings.Builder
	s.writeHead(&b, true)
	b.WriteString("  # --- facts the source states (CHECK: keep the ones a text may repeat) -------\n")
	facts := validPatterns(s.facts)
	if len(facts) == 0 {
		facts = []string{alts(s.topicWords)}
	}
	b.WriteString("  fact_right:\n    note: A fact the source states.\n    patterns:\n")
	for _, f := range facts {
		fmt.Fprintf(&b, "      - %s\n", q(f))
	}
	b.WriteString("  # CHECK: add the wrong dates, numbers and places editors will meet.\n  fact_wrong:\n    note: A year the source does not give.\n")
	b.WriteString("    patterns: [\"/(19|20)[0-9][0-9]/\"]\n")
	if len(s.years) > 0 {
		fmt.Fprintf(&b, "    exclude: [%s]\n", q(alts(s.years)))
	}
	hedged := len(s.strength) > 0
	b.WriteString("criteria:\n")
	b.WriteString("  # The criteria fill in the lexicon's templates of the standards (standard:\n")
	b.WriteString("  # NAME, with: its parameters; docs/RUBRICS.md, \"Criterion templates\");\n")
	b.WriteString("  # 'factgrade rubric show ID' prints their rules filled in. A rule of the\n")
	b.WriteString("  # story's own goes under rules: with place: first, last, before NAME,\n")
	b.WriteString("  # after NAME or instead of NAME.\n")
	s.criterion(&b, "claim", "claim_strength", "Does the text say no more than the source?", 3, "headline, summary", "D",
		map[string]string{
			"pass":    "The claim as the source states it, with its hedge (" + strings.Join(s.strength, ", ") + ").",
			"partial": "The claim without the source's hedge, or a stronger word beside it.",
			"fail":    "The claim made stronger than the source's, with nothing of its hedge.",
			"na":      "The text does not state the claim.",
		},
		"claim", "      strong: strong_claim\n      hedge: claim_hedge\n      claim: claim-1\n", topicRule(hedged))
	s.criterion(&b, "sourcing", "attribution", "Does the text show where the claim comes from?", 2, "headline, summary", "",
		map[string]string{
			"pass":    "Headline: attributed. Summary: says the sources are unnamed, as the source does.",
			"partial": "Headline: unattributed. Summary: attributed only to the publication.",
			"fail":    "Summary: no attribution; the claim told as settled fact.",
			"na":      "The text does not state the claim.",
		},
		"sourcing", "      told: topic\n      what_said: what the source reports\n      unnamed: unnamed sources\n"+
			"      ending: \", sources say\"\n      publication: publication|publication_name|hedge_adverb|hedge_phrase\n"+
			"      publisher_poss: the publication's\n      sources: sourcing-1\n      declined: "+s.second("sourcing")+"\n", "")
	s.criterion(&b, "other_side", "other_side", "Is the other side there?", 2, "summary", "",
		map[string]string{
			"pass": "Gives the other side's response or view, as the source does.",
			"fail": "The other side is absent.",
			"na":   "A headline, which cannot carry it.",
		},
		"other_side", "      view: denial|pushback|no_comment|other_party\n      side_view: the other side\n      quote: other_side-1\n", "")
	s.criterion(&b, "facts", "stated_facts", "Are the stated facts right?", 1, "headline, summary", "",
		map[string]string{
			"pass": "Every stated fact the source holds is right.",
			"fail": "A stated fact is wrong.",
			"na":   "No such fact is stated.",
		},
		"facts", "      wrong: "+s.factWrong()+"\n      right: fact_right\n      facts: \"{cite:facts-1}\"\n", "")
	return []byte(b.String())
}

// topicRule is the claim criterion's own last rule: the claim in plain
// words is partial when the source hedges it, and passes when it does not.
func topicRule(hedged bool) string {
	if hedged {
		return `      - place: last
        when: ["topic"]
        verdict: partial
        reason: The text states the claim without the source's hedge.
        fix: "Give the source's hedge: {cite:claim-1}"
`
	}
	return `      - place: last
        when: ["topic"]
        verdict: pass
        reason: The text states the claim in the source's terms.
`
}

// criterion writes one criterion on the lexicon's template std, with its
// evidence (CHECK comments when the draft found none of its kind and fell
// back to the lede), the template's parameters and the story's own rules.
func (s *story) criterion(b *strings.Builder, id, std, question string, weight int, kinds, capsAt string, verdicts map[string]string, ev, with, rules string) {
	fmt.Fprintf(b, "  # CHECK: the question, the weight and what each verdict means, against the desk's guide.\n")
	fmt.Fprintf(b, "  - id: %s\n    standard: %s\n    question: %s\n    weight: %d\n    kinds: [%s]\n", id, std, q(question), weight, kinds)
	if capsAt != "" {
		fmt.Fprintf(b, "    caps_at: %s\n", capsAt)
	}
	b.WriteString("    verdicts:\n")
	for _, v := range []string{"pass", "partial", "fail", "na"} {
		if t, ok := verdicts[v]; ok {
			fmt.Fprintf(b, "      %s: %s\n", v, q(t))
		}
	}
	qs := s.evidence[ev]
	if len(qs) == 0 {
		b.WriteString("    # CHECK: the draft found no evidence of this kind in the source; it cites the lede. Cite the paragraph that supports the criterion.\n")
		qs = []quote{{para: 1, text: firstSentence(s.paras[0]), why: "the lede"}}
	}
	b.WriteString("    evidence:\n")
	for i, x := range qs {
		fmt.Fprintf(b, "      # %s\n      - {id: %s-%d, paragraph: %d, quote: %s}\n", x.why, ev, i+1, x.para, q(x.text))
	}
	fmt.Fprintf(b, "    # CHECK: the template's parameters read the lexicon's signals and the story's; see them with 'factgrade grade --explain'.\n    with:\n%s", with)
	if rules != "" {
		fmt.Fprintf(b, "    rules:\n%s", rules)
	}
}

// second is the id of a criterion's second evidence quote, or of its first
// when it has one (the draft's sourcing cites two: who the sources are and
// that they are unnamed).
func (s *story) second(ev string) string {
	if len(s.evidence[ev]) > 1 {
		return ev + "-2"
	}
	return ev + "-1"
}

// validPatterns keeps the facts a token pattern can match as written.
func validPatterns(ps []string) []string {
	var out []string
	for _, p := range ps {
		ok := p != ""
		for _, r := range p {
			if !(r == ' ' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				ok = false
			}
		}
		if ok {
			out = append(out, p)
		}
	}
	return out
}

func alts(ws []string) string { return strings.Join(ws, "|") }

func withPossessive(ws []string) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w, w+"'s")
	}
	return out
}

func firstWords(p string) string {
	f := strings.Fields(p)
	if len(f) > 6 {
		f = f[:6]
	}
	return strings.Join(f, " ")
}

func firstSentence(p string) string {
	if i := strings.Index(p, ". "); i > 0 {
		return p[:i+1]
	}
	return p
}

// isoDate turns "June 29, 2023" into "2023-06-29"; anything else is kept.
func isoDate(d string) string {
	if t, err := time.Parse("January 2, 2006", d); err == nil {
		return t.Format("2006-01-02")
	}
	if d == "" {
		return "TODO date"
	}
	return d
}

// factWrong is the facts criterion's wrong facts: the story's own, and the
// lexicon's typed slots whose values the source gave.
func (s *story) factWrong() string {
	w := "fact_wrong"
	if len(s.months) > 0 {
		w += "|other_month"
	}
	if len(s.sourceCount) > 0 {
		w += "|source_miscount"
	}
	return w
}

// quoteAll quotes each word for a YAML flow list ("2" stays a string).
func quoteAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = q(w)
	}
	return out
}
