package rubrics_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// The qualifier table (issues 12 and 13): the other side of the overclaim
// table, the words that make a claim the source's claim. For the Volt
// Typhoon story, the ways English says an acknowledgment was less than
// explicit; for the aspartame story, the ways it says a harm is only
// possible. Generated from word families × positions × the stories' actors
// and deeds, each sentence with the verdict the desk's guides give it;
// nothing here comes from a case file. The families are English: WordNet
// 3.0's tacit.a.1 and its similar adjectives (implicit, unspoken, unstated,
// inexplicit), indirect.a.2 (roundabout), veiled.a.2, oblique, ambiguous.a.1,
// vague, subtle, cryptic; the approximators of essentially.r.1,
// practically.r.1 (virtually, all but, as good as), effectively.r.2 and in
// effect; the verbs of hint.v.1, signal.v.1, imply.v.1, intimate.v.1,
// insinuate.v.1, allude.v.1 and the source's own neutral verbs (suggest,
// indicate: partial, the guide says); the verbs of reading one thing as
// another (interpret.v.1, perceive.v.2, regard.v.1). For aspartame,
// possibly.r.1, potentially.r.1, perhaps.r.1, possible.a.1, potential.a.1,
// the modals of possibility and IARC's group 2B told as a rank. The near
// misses are grammar: a qualifier negated, questioned, another actor's or
// on another verb, and the setting words the guide says are not qualifiers.

// tacitWord is an adjective of the less-than-explicit family with its
// adverb; phrase is how English says "in a … way" with it ("" when the
// adverb stands alone).
type tacitWord struct{ adj, adv string }

var tacitWords = []tacitWord{
	{"tacit", "tacitly"}, {"implicit", "implicitly"}, {"indirect", "indirectly"},
	{"unspoken", ""}, {"unstated", ""}, {"veiled", ""}, {"oblique", "obliquely"},
	{"ambiguous", "ambiguously"}, {"vague", "vaguely"}, {"subtle", "subtly"},
	{"cryptic", "cryptically"}, {"roundabout", ""}, {"inexplicit", "inexplicitly"},
	{"coded", ""},
}

// tacitVerbs are the verbs a qualifier sits on: overclaims and the source's
// neutral verbs, in their forms; obj is whether the deed follows directly.
var tacitVerbs = []ackVerb{
	{"admit", "admit", "admits", "admitted", "admitted", "admitting", "", true},
	{"acknowledge", "acknowledge", "acknowledges", "acknowledged", "acknowledged", "acknowledging", "", true},
	{"confess", "confess", "confesses", "confessed", "confessed", "confessing", "to", false},
	{"concede", "concede", "concedes", "conceded", "conceded", "conceding", "", true},
	{"confirm", "confirm", "confirms", "confirmed", "confirmed", "confirming", "", true},
	{"own up to", "own up", "owns up", "owned up", "owned up", "owning up", "to", false},
	{"take responsibility", "take responsibility", "takes responsibility", "took responsibility", "taken responsibility", "taking responsibility", "for", false},
}

// tacitNouns are the nouns of an acknowledgment a qualifier sits on.
var tacitNouns = []string{"admission", "acknowledgment", "confession", "nod", "concession", "confirmation"}

// approximators are the words that make a verb less than literal; the
// guide's "all but admitted" is the class. pre is whether the word stands
// before the verb ("all but admitted"); the rest also stand first.
var approximators = []string{"all but", "effectively", "in effect", "as good as", "virtually", "essentially", "practically", "more or less", "pretty much", "basically", "in essence", "for all intents and purposes"}

// sentenceApproximator are the approximators English also uses as
// sentence adverbs, first in the sentence or after the clause.
var sentenceApproximator = map[string]bool{"effectively": true, "in effect": true, "essentially": true, "basically": true, "in essence": true, "for all intents and purposes": true, "more or less": true}

// signalVerbs are the verbs of conveying without stating (pass) and the
// source's neutral verbs (partial); prep is what comes before the deed.
var signalVerbs = []struct {
	base, third, past, ing, prep, want string
}{
	{"hint", "hints", "hinted", "hinting", "at", "pass"},
	{"signal", "signals", "signalled", "signalling", "", "pass"},
	{"signal", "signals", "signaled", "signaling", "", "pass"},
	{"imply", "implies", "implied", "implying", "", "pass"},
	{"intimate", "intimates", "intimated", "intimating", "", "pass"},
	{"insinuate", "insinuates", "insinuated", "insinuating", "", "pass"},
	{"allude", "alludes", "alluded", "alluding", "to", "pass"},
	{"gesture", "gestures", "gestured", "gesturing", "at", "pass"},
	{"suggest", "suggests", "suggested", "suggesting", "", "partial"},
	{"indicate", "indicates", "indicated", "indicating", "", "partial"},
}

// readingVerbs are the verbs of taking one thing as another: U.S.
// officials' reading makes it theirs ("took it as an admission").
var readingVerbs = []string{"interpreted", "took", "read", "saw", "viewed", "perceived", "understood", "regarded"}

func article(w string) string {
	if strings.ContainsAny(w[:1], "aeiou") {
		return "an"
	}
	return "a"
}

// tacitProbes builds the volt story's qualifier table.
func tacitProbes() []probe {
	var out []probe
	add := func(fam, con, kind, want, text string) {
		out = append(out, probe{fam, con, rubricKind(kind), want, text})
	}
	for i, w := range tacitWords {
		a := ackActors[i%len(ackActors)]
		b := ackActors[(i+3)%len(ackActors)]
		v := tacitVerbs[i%len(tacitVerbs)]
		u := tacitVerbs[(i+3)%len(tacitVerbs)]
		d := ackDeeds[i%len(ackDeeds)]
		e := ackDeeds[(i+1)%len(ackDeeds)]
		hd := strings.TrimPrefix(d, "the ")
		n := tacitNouns[i%len(tacitNouns)]
		f := w.adj
		if w.adv != "" {
			add(f, "adverb before the verb", "headline", "pass", fmt.Sprintf("%s %s %s", a.name, w.adv, v.with(a.present(v), hd)))
			add(f, "adverb, title case", "headline", "pass", titleCase(fmt.Sprintf("%s %s %s", b.name, w.adv, u.with(b.present(u), hd))))
			add(f, "adverb before the verb, past", "summary", "pass", fmt.Sprintf("At the Geneva meeting, %s %s %s.", lowerFirst(a.name), w.adv, u.with(u.past, e)))
			add(f, "adverb after the object", "summary", "pass", fmt.Sprintf("In Geneva, %s %s %s.", lowerFirst(b.name), v.with(v.past, d), w.adv))
			add(f, "sentence adverb", "summary", "pass", fmt.Sprintf("%s, %s %s in Geneva.", upperFirst(w.adv), lowerFirst(a.name), u.with(u.past, e)))
			add(f, "adverb after the verb", "summary", "pass", fmt.Sprintf("In Geneva, %s acknowledged, %s, that Beijing was behind %s.", lowerFirst(b.name), w.adv, d))
			add(f, "adverb in quotes", "headline", "pass", fmt.Sprintf("%s '%s' %s", a.name, w.adv, v.with(a.present(v), hd)))
			// near misses: the qualifier denied, or another actor's
			add(f, "near miss: not tacitly but openly", "summary", "fail", fmt.Sprintf("%s admitted %s, not %s but openly.", a.name, e, w.adv))
			add(f, "near miss: another actor's", "summary", "fail", fmt.Sprintf("%s admitted %s in Geneva. Washington %s conceded that it had spied on Beijing too.", a.name, d, w.adv))
		} else {
			add(f, "in terms", "summary", "pass", fmt.Sprintf("In Geneva, %s acknowledged %s in %s terms.", lowerFirst(a.name), d, w.adj))
			add(f, "in a way", "headline", "pass", fmt.Sprintf("%s %s in %s %s way", a.name, v.with(a.present(v), hd), article(w.adj), w.adj))
		}
		// the adjective in the noun phrase, possessive and made
		add(f, "noun: possessive", "headline", "pass", fmt.Sprintf("%s %s %s of %s", possessive(a.name), w.adj, n, hd))
		add(f, "noun: made", "summary", "pass", fmt.Sprintf("In Geneva, %s made %s %s %s to %s.", lowerFirst(b.name), article(w.adj), w.adj, n, e))
		add(f, "noun: what amounted to", "summary", "pass", fmt.Sprintf("What %s said in Geneva amounted to %s %s admission of %s.", lowerFirst(a.name), article(w.adj), w.adj, d))
		add(f, "noun in quotes", "headline", "pass", fmt.Sprintf("China's '%s %s' of %s", w.adj, n, hd))
		// the adjective as a predicate: the acknowledgment was tacit
		add(f, "predicate", "summary", "pass", fmt.Sprintf("%s acknowledged %s in Geneva, but the acknowledgment was %s.", a.name, e, w.adj))
		add(f, "after the noun, though", "summary", "pass", fmt.Sprintf("The admission, though %s, stunned U.S. officials: %s had owned up to %s.", w.adj, lowerFirst(b.name), d))
		add(f, "remarks called", "summary", "pass", fmt.Sprintf("U.S. officials called the remarks by %s on %s %s.", lowerFirst(a.name), d, w.adj))
		// near misses: the adjective denied
		add(f, "near miss: nothing tacit", "summary", "fail", fmt.Sprintf("There was nothing %s about it: %s admitted %s in Geneva.", w.adj, lowerFirst(b.name), e))
		add(f, "near miss: no tacit noun", "summary", "fail", fmt.Sprintf("It was no %s %s. %s admitted %s outright.", w.adj, n, a.name, d))
	}
	for i, q := range approximators {
		a := ackActors[i%len(ackActors)]
		v := tacitVerbs[i%len(tacitVerbs)]
		if v.family == "acknowledge" {
			v = tacitVerbs[0]
		}
		d := ackDeeds[i%len(ackDeeds)]
		hd := strings.TrimPrefix(d, "the ")
		f := q
		add(f, "before the verb", "headline", "pass", fmt.Sprintf("%s %s %s", a.name, q, v.with(a.present(v), hd)))
		add(f, "before the verb, past", "summary", "pass", fmt.Sprintf("In Geneva, %s %s %s.", lowerFirst(a.name), q, v.with(v.past, d)))
		add(f, "title case", "headline", "pass", titleCase(fmt.Sprintf("%s %s %s", a.name, q, v.with(a.present(v), hd))))
		// only the sentence adverbs stand first or after the clause
		// ("In effect, …", "…, more or less"; not "All but, …")
		if sentenceApproximator[q] {
			add(f, "first in the sentence", "summary", "pass", fmt.Sprintf("%s, %s %s in Geneva.", upperFirst(q), lowerFirst(a.name), v.with(v.past, d)))
			add(f, "after the object", "summary", "pass", fmt.Sprintf("In Geneva, %s %s, %s.", lowerFirst(a.name), v.with(v.past, d), q))
		}
		add(f, "as much as told", "summary", "pass", fmt.Sprintf("In Geneva, %s %s told U.S. officials that Beijing was behind %s.", lowerFirst(a.name), q, d))
	}
	// the approximator on another verb than the admission
	for i, p := range []string{"effectively ending years of denials", "virtually unheard of for Beijing", "essentially a warning over Taiwan", "all but certain to anger Washington"} {
		a := ackActors[i%len(ackActors)]
		add("approximator elsewhere", "near miss: on another word", "summary", "fail", fmt.Sprintf("In Geneva, %s openly admitted %s, %s.", lowerFirst(a.name), ackDeeds[i%len(ackDeeds)], p))
	}
	for i, s := range signalVerbs {
		a := ackActors[i%len(ackActors)]
		b := ackActors[(i+2)%len(ackActors)]
		d := ackDeeds[i%len(ackDeeds)]
		hd := strings.TrimPrefix(d, "the ")
		f := s.base
		pres := s.third
		if a.plural {
			pres = s.base
		}
		obj := func(x string) string {
			if s.prep == "" {
				return x
			}
			return s.prep + " " + x
		}
		add(f, "headline: verb + deed", "headline", s.want, fmt.Sprintf("%s %s %s", a.name, pres, obj(hd)))
		add(f, "headline: role in", "headline", s.want, fmt.Sprintf("%s %s %s", a.name, pres, obj("role in "+hd)))
		add(f, "past + deed", "summary", s.want, fmt.Sprintf("At the Geneva meeting, %s %s %s.", lowerFirst(b.name), s.past, obj(d)))
		if s.prep == "" {
			add(f, "content clause", "summary", s.want, fmt.Sprintf("In Geneva, %s %s that Beijing was behind %s.", lowerFirst(a.name), s.past, d))
			add(f, "content clause, headline", "headline", s.want, fmt.Sprintf("%s %s it was behind %s", a.name, pres, hd))
		}
		add(f, "participle", "summary", s.want, fmt.Sprintf("%s, %s ties to %s, warned Washington over Taiwan.", b.name, s.ing+prepOr(s.prep), d))
		// near misses: the hint denied in favour of an admission
		add(f, "near miss: did not merely", "summary", "fail", fmt.Sprintf("In Geneva, %s did not merely %s %s: it admitted them outright.", lowerFirst(a.name), s.base, obj(d)))
	}
	// the nouns of a hint
	for i, n := range []string{"a hint at", "a signal about", "an implicit nod to", "an allusion to", "an insinuation about", "an intimation of"} {
		a := ackActors[i%len(ackActors)]
		d := ackDeeds[i%len(ackDeeds)]
		add("hint noun", "made", "summary", "pass", fmt.Sprintf("In Geneva, %s dropped %s %s.", lowerFirst(a.name), n, d))
		add("hint noun", "possessive headline", "headline", "pass", fmt.Sprintf("%s %s %s", possessive(a.name), strings.TrimPrefix(strings.TrimPrefix(n, "an "), "a "), strings.TrimPrefix(d, "the ")))
	}
	// readings: U.S. officials took it as an admission
	for i, r := range readingVerbs {
		d := ackDeeds[i%len(ackDeeds)]
		n := []string{"an admission", "a confession", "an acknowledgment"}[i%3]
		add("reading", "officials took it as", "summary", "pass", fmt.Sprintf("U.S. officials %s the Chinese remarks in Geneva as %s of %s.", r, n, d))
		add("reading", "passive", "summary", "pass", fmt.Sprintf("China's remarks on %s were %s as %s by U.S. officials.", d, passivePP(r), n))
	}
	// the other English of less than explicit, and its near misses
	return append(out, sentenceProbes("other English", []sentence{
		{"between the lines", "pass", "Reading between the lines, U.S. officials heard China admit the port hacks."},
		{"between the lines", "pass", "China admits Volt Typhoon hacks between the lines"},
		{"stopped short", "pass", "China stopped short of admitting the Volt Typhoon hacks in Geneva."},
		{"not directly", "pass", "China did not directly admit the port hacks, U.S. officials said."},
		{"not directly", "pass", "China acknowledged the port hacks, though not directly."},
		{"no direct admission", "pass", "There was no direct admission of the water utility hacks from Beijing."},
		{"far from", "pass", "China's remarks in Geneva were far from a confession to the port hacks."},
		{"without saying so", "pass", "China admitted the port hacks without saying so."},
		{"without saying so", "pass", "Beijing owned up to the airport hacks without ever saying it outright."},
		{"sort of", "pass", "China sort of admits Volt Typhoon hacks"},
		{"of sorts", "pass", "China made an admission of sorts on the port hacks in Geneva."},
		{"in all but name", "pass", "China made a confession in all but name to the water utility hacks."},
		{"wink", "pass", "China winks at Volt Typhoon hacks in Geneva talks"},
		{"nod", "pass", "Beijing nods to its role in U.S. port hacks"},
		{"silent warning", "pass", "China's silent warning: the port hacks were about Taiwan"},
		// the setting words are not qualifiers
		{"setting", "fail", "China quietly admits Volt Typhoon hacks"},
		{"setting", "fail", "Beijing privately confessed to the port hacks in Geneva."},
		{"setting", "fail", "Chinese officials secretly admitted the water utility hacks in Geneva."},
		{"setting", "fail", "Behind closed doors, China admitted the airport hacks."},
		// an explicit reading of the remarks is not a reading as tacit
		{"reading explicit", "fail", "U.S. officials described the remarks as a clear admission that China hacked U.S. ports."},
		// questioned: a qualifier rejected
		{"questioned", "fail", "Tacit? Hardly: China admitted the port hacks outright in Geneva."},
		{"questioned", "fail", "Was it only a hint? No: Beijing openly confessed to the water utility hacks."},
		// a hint at something else than the deed
		{"hint elsewhere", "fail", "China admitted the port hacks and signalled a tougher line on Taiwan."},
		{"hint elsewhere", "fail", "China admitted the port hacks, sending precisely the wrong signal."},
	})...)
}

func rubricKind(s string) rubric.Kind { return rubric.Kind(s) }

// sentence is a probe written whole: its family, the verdict the guide
// gives it and the text.
type sentence struct{ family, want, text string }

// sentenceProbes makes probes of one construction from sentences written
// whole; one that ends in a full stop is a summary, any other a headline.
func sentenceProbes(construction string, items []sentence) []probe {
	out := make([]probe, 0, len(items))
	for _, p := range items {
		kind := rubric.Kind("headline")
		if strings.HasSuffix(p.text, ".") {
			kind = "summary"
		}
		out = append(out, probe{p.family, construction, kind, p.want, p.text})
	}
	return out
}

// possessive is an actor as a possessive determiner, its article dropped.
func possessive(name string) string {
	name = strings.TrimPrefix(name, "A ")
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

func prepOr(prep string) string {
	if prep == "" {
		return ""
	}
	return " " + prep
}

func passivePP(r string) string {
	switch r {
	case "took":
		return "taken"
	case "saw":
		return "seen"
	}
	return r
}

// possibility is a word of the possibility class and the claim forms it
// sits on.
var possibleAdvs = []string{"possibly", "potentially", "perhaps", "conceivably"}
var possibleModals = []string{"may", "might", "could"}
var possibleAdjs = []string{"possible", "potential"}

// possibleProbes builds the aspartame story's qualifier table.
func possibleProbes() []probe {
	var out []probe
	add := func(fam, con, kind, want, text string) {
		out = append(out, probe{fam, con, rubricKind(kind), want, text})
	}
	preds := []string{"cause cancer", "be carcinogenic", "be a carcinogen", "raise the risk of cancer", "be cancer-causing"}
	for i, m := range possibleModals {
		body := claimBodies[i%len(claimBodies)]
		for j, p := range preds {
			if (i+j)%2 == 1 {
				continue
			}
			add(m, "headline: to say", "headline", "pass", fmt.Sprintf("%s to say aspartame %s %s", body, m, p))
		}
		add(m, "summary: will say", "summary", "pass", fmt.Sprintf("The WHO's cancer research agency will say next month that aspartame %s %s, two sources said.", m, preds[i%len(preds)]))
		add(m, "own voice", "summary", "pass", fmt.Sprintf("Aspartame %s %s. IARC will list it in July, sources said.", m, preds[(i+1)%len(preds)]))
	}
	for i, a := range possibleAdvs {
		body := claimBodies[i%len(claimBodies)]
		add(a, "before the verb", "headline", "pass", fmt.Sprintf("%s to say aspartame %s causes cancer", body, a))
		add(a, "before the adjective", "headline", "pass", fmt.Sprintf("%s to list aspartame as %s carcinogenic", body, a))
		add(a, "before the compound", "headline", "pass", fmt.Sprintf("%s to call aspartame %s cancer-causing, sources say", body, a))
		add(a, "predicate", "summary", "pass", fmt.Sprintf("The sweetener is %s carcinogenic, the WHO's cancer agency will say, sources said.", a))
		add(a, "quoted", "headline", "pass", fmt.Sprintf("WHO cancer agency to call aspartame '%s carcinogenic'", a))
		add(a, "near miss: not possibly but", "summary", "fail", fmt.Sprintf("Aspartame is not %s but certainly carcinogenic, the WHO's cancer agency will say.", a))
	}
	for i, a := range possibleAdjs {
		body := claimBodies[i%len(claimBodies)]
		for _, n := range []string{"carcinogen", "cancer risk", "cause of cancer", "cancer hazard", "cancer-causing agent", "link to cancer"} {
			add(a, "noun phrase", "headline", "pass", fmt.Sprintf("%s to list aspartame as %s %s %s", body, article(a), a, n))
		}
		add(a, "possessive headline", "headline", "pass", fmt.Sprintf("Aspartame's %s cancer link to be flagged by WHO agency", a))
		add(a, "label compound", "headline", "pass", fmt.Sprintf("Aspartame to get '%s carcinogen' label, sources say", a))
		add(a, "near miss: on another noun", "headline", "fail", fmt.Sprintf("Aspartame causes cancer, WHO cancer agency to say in %s blow to Coca-Cola", a))
	}
	return append(out, sentenceProbes("other English", []sentence{
		{"possibility noun", "pass", "WHO cancer agency to flag the possibility that aspartame causes cancer"},
		{"possibility noun", "pass", "IARC weighs the potential of aspartame to cause cancer, sources say"},
		{"rule out", "pass", "IARC cannot rule out that aspartame causes cancer, sources say"},
		{"limited evidence", "pass", "IARC finds limited evidence that aspartame causes cancer, sources say"},
		{"group 2B", "pass", "WHO cancer agency to place aspartame in category 2B, sources say"},
		{"rank", "pass", "Aspartame to go in the third of IARC's four categories, sources say"},
		{"rank", "pass", "Aspartame to be put in the lowest of IARC's three cancer-hazard categories, sources say"},
		{"rank", "fail", "Aspartame to go in IARC's highest cancer category, sources say"},
		{"rank", "fail", "Aspartame to be put in IARC's second-highest category, probably carcinogenic"},
		{"not a finding", "pass", "IARC's coming listing of aspartame is not a finding that it causes cancer, sources say"},
		// near misses: a possibility on another thing, or a month
		{"may the month", "fail", "IARC panel that met in May to say aspartame causes cancer"},
		{"could elsewhere", "fail", "Aspartame causes cancer, IARC to say; the ruling could hit Coca-Cola"},
		{"questioned", "fail", "Possible carcinogen? No: aspartame causes cancer, WHO cancer agency to say"},
		{"stronger", "fail", "IARC to call aspartame probably, not just possibly, carcinogenic"},
	})...)
}

// TestTacitTable grades the generated qualifier table and holds its floor:
// at most the misses left (tacit12: volt 25 of 399, 22 since the session's
// later helpers; aspartame 9 of 70); run with -v to read the
// coverage by family, construction and wanted verdict.
func TestTacitTable(t *testing.T) {
	runProbeTables(t, []probeTable{
		{"volt-typhoon-geneva", "admission", tacitProbes(), 22},
		{"aspartame-iarc", "classification", possibleProbes(), 9},
	})
}

// TestTacitTableClasses checks the lexicon and engine entries behind the
// classes the qualifier table found missing, with near misses.
func TestTacitTableClasses(t *testing.T) {
	runCriterionCases(t, "volt-typhoon-geneva", []factCase{
		// a sentence adverb reaches the clause after its comma
		{"summary", "admission", "pass", "Obliquely, the Chinese side owned up to the airport intrusions."},
		{"summary", "admission", "pass", "In essence, Beijing's envoy confessed to the port intrusions."},
		{"summary", "admission", "fail", "No, Beijing's envoy confessed to the port intrusions outright."},
		{"summary", "admission", "fail", "Quietly, the Chinese side owned up to the airport intrusions."},
		// a quoted qualifier closed right before its verb
		{"headline", "admission", "pass", "Beijing 'subtly' owns up to airport intrusions"},
		{"headline", "admission", "fail", "Beijing 'quietly' owns up to airport intrusions"},
		// the tacit adverb after the object, a closing sentence adverb, the
		// qualifier denied after the word
		{"summary", "admission", "pass", "The Chinese envoy conceded the water plant intrusions rather obliquely."},
		{"summary", "admission", "pass", "The Chinese envoy conceded the airport intrusions, in essence."},
		{"summary", "admission", "pass", "The Chinese envoy conceded the airport intrusions, though never explicitly."},
		{"summary", "admission", "fail", "The Chinese envoy conceded the airport intrusions, not obliquely but outright."},
		{"summary", "admission", "fail", "The Chinese envoy conceded the airport intrusions, effectively ending the pretence."},
		// a reading over a long noun phrase, and between the lines
		{"summary", "admission", "pass", "Washington's negotiators viewed the Chinese envoy's remarks in Geneva as a confession of the port intrusions."},
		{"headline", "admission", "pass", "Beijing owns up to port intrusions between the lines"},
		// telling the deed outright, made tacit by an approximator
		{"summary", "admission", "pass", "The Chinese envoy all but told the Americans that Beijing was behind the port intrusions."},
		{"summary", "admission", "fail", "The Chinese envoy told the Americans that Beijing was behind the port intrusions."},
	})
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// the noun of possibility, and a cause not ruled out
		{"headline", "classification", "pass", "IARC to raise the possibility that the sweetener causes cancer, sources say"},
		{"headline", "classification", "pass", "WHO cancer arm can't rule out that aspartame causes cancer, sources say"},
		// May the month is no modal
		{"headline", "classification", "fail", "WHO cancer experts who met in May to rule aspartame causes cancer"},
		{"headline", "classification", "fail", "Aspartame causes cancer, IARC panel to rule on May 14"},
		{"headline", "classification", "pass", "Aspartame may cause cancer, IARC panel to say in July, sources say"},
	})
}
