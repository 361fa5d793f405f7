package rubrics_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// The overclaim table (issues 12 and 13): the ways English says that
// someone admitted a deed, and that something is or causes a carcinogen,
// generated from word families × constructions × the story's actors and
// deeds, each sentence with the verdict the desk's guide gives it. Nothing
// here comes from a case file: the families are the lexicon's English
// (WordNet's admit/confess/concede/avow/confirm senses, the phrasal verbs and
// verb-object idioms of owning up, boasting, the nouns of a confession; the
// hazard words of a claim of harm), the constructions English grammar
// (inflection, perfect, passive, participial and absolute clauses, headline
// grammar, hedges, quotation, intensifiers, negation, questions, tacit
// qualifiers) and the actors and deeds the story's facts.

// probe is one generated sentence and the verdict the guide gives it.
type probe struct {
	family, construction string
	kind                 rubric.Kind
	want, text           string
}

// ackVerb is an admission verb (or phrasal verb, or verb-object idiom) in
// its forms; comp is what comes before the deed ("to", "for", "").
type ackVerb struct {
	family                     string
	base, third, past, pp, ing string
	comp                       string
	passive                    bool // takes the deed as a direct object
}

var ackVerbs = []ackVerb{
	{"admit", "admit", "admits", "admitted", "admitted", "admitting", "", true},
	{"admit to", "admit", "admits", "admitted", "admitted", "admitting", "to", false},
	{"confess", "confess", "confesses", "confessed", "confessed", "confessing", "to", false},
	{"concede", "concede", "concedes", "conceded", "conceded", "conceding", "", true},
	{"avow", "avow", "avows", "avowed", "avowed", "avowing", "", true},
	{"confirm", "confirm", "confirms", "confirmed", "confirmed", "confirming", "", true},
	{"own", "own", "owns", "owned", "owned", "owning", "", true},
	{"own up to", "own up", "owns up", "owned up", "owned up", "owning up", "to", false},
	{"come clean", "come clean", "comes clean", "came clean", "come clean", "coming clean", "about", false},
	{"fess up", "fess up", "fesses up", "fessed up", "fessed up", "fessing up", "to", false},
	{"cop to", "cop", "cops", "copped", "copped", "copping", "to", false},
	{"take credit", "take credit", "takes credit", "took credit", "taken credit", "taking credit", "for", false},
	{"claim credit", "claim credit", "claims credit", "claimed credit", "claimed credit", "claiming credit", "for", false},
	{"take responsibility", "take responsibility", "takes responsibility", "took responsibility", "taken responsibility", "taking responsibility", "for", false},
	{"claim responsibility", "claim responsibility", "claims responsibility", "claimed responsibility", "claimed responsibility", "claiming responsibility", "for", false},
	{"accept responsibility", "accept responsibility", "accepts responsibility", "accepted responsibility", "accepted responsibility", "accepting responsibility", "for", false},
	{"take the blame", "take the blame", "takes the blame", "took the blame", "taken the blame", "taking the blame", "for", false},
	{"plead guilty", "plead guilty", "pleads guilty", "pleaded guilty", "pleaded guilty", "pleading guilty", "to", false},
	{"spill the beans", "spill the beans", "spills the beans", "spilled the beans", "spilled the beans", "spilling the beans", "on", false},
	{"boast", "boast", "boasts", "boasted", "boasted", "boasting", "of", false},
	{"brag", "brag", "brags", "bragged", "bragged", "bragging", "about", false},
}

// ackActor is one of the story's speakers; plural actors take the base form.
type ackActor struct {
	name   string
	plural bool
}

var ackActors = []ackActor{
	{"China", false}, {"Beijing", false}, {"Chinese officials", true}, {"A Chinese diplomat", false}, {"Wang Lei", false},
}

// ackDeeds are the deed as a noun phrase; a gerund deed is added per verb.
var ackDeeds = []string{"the Volt Typhoon hacks", "the hacks on U.S. ports", "the attacks on American water utilities"}

func (v ackVerb) with(form, deed string) string {
	if v.comp == "" {
		return form + " " + deed
	}
	return form + " " + v.comp + " " + deed
}

func (a ackActor) present(v ackVerb) string {
	if a.plural {
		return v.base
	}
	return v.third
}

func (a ackActor) has() string {
	if a.plural {
		return "have"
	}
	return "has"
}

// admissionProbes builds the volt story's table: each verb family in each
// construction, rotating actors and deeds so every family meets each.
func admissionProbes() []probe {
	var out []probe
	add := func(fam, con string, kind rubric.Kind, want, text string) {
		out = append(out, probe{fam, con, kind, want, text})
	}
	for i, v := range ackVerbs {
		a := ackActors[i%len(ackActors)]
		b := ackActors[(i+2)%len(ackActors)]
		d := ackDeeds[i%len(ackDeeds)]
		e := ackDeeds[(i+1)%len(ackDeeds)]
		hd := strings.TrimPrefix(d, "the ") // headline grammar drops articles
		f := v.family
		// Headline grammar: present for past, no article; Title Case.
		add(f, "headline present", "headline", "fail", fmt.Sprintf("%s %s", a.name, v.with(a.present(v), hd)))
		add(f, "headline title case", "headline", "fail", titleCase(fmt.Sprintf("%s %s", b.name, v.with(b.present(v), hd))))
		// Past, perfect and past perfect in a summary sentence.
		add(f, "past", "summary", "fail", fmt.Sprintf("At the Geneva meeting in December, %s %s.", lowerFirst(a.name), v.with(v.past, e)))
		add(f, "perfect", "summary", "fail", fmt.Sprintf("%s %s %s, U.S. critics of the talks noted with alarm.", b.name, b.has(), v.with(v.pp, d)))
		add(f, "past perfect", "summary", "fail", fmt.Sprintf("By the end of the Geneva meeting, %s had %s.", lowerFirst(a.name), v.with(v.pp, d)))
		// The deed as a gerund.
		add(f, "gerund deed", "headline", "fail", fmt.Sprintf("%s %s", a.name, v.with(a.present(v), "hacking U.S. airports")))
		// Passive (direct objects only), with and without the auxiliary.
		if v.passive && v.family != "own" { // "owned by" is possession
			add(f, "passive headline", "headline", "fail", fmt.Sprintf("Volt Typhoon hacks %s by %s", v.pp, lowerFirst(b.name)))
			add(f, "passive", "summary", "fail", fmt.Sprintf("%s were %s by %s in Geneva.", upperFirst(e), v.pp, lowerFirst(a.name)))
		}
		// Participial clauses: perfect participle and an absolute opening.
		add(f, "participial", "summary", "fail", fmt.Sprintf("%s, having %s, warned Washington over Taiwan in Geneva.", a.name, v.with(v.pp, d)))
		add(f, "opening participle", "summary", "fail", fmt.Sprintf("%s, %s warned the U.S. over Taiwan at the Geneva meeting.", upperFirst(v.with(v.ing, e)), lowerFirst(b.name)))
		// A relative clause.
		add(f, "relative clause", "summary", "fail", fmt.Sprintf("The envoy, who %s in Geneva, tied the intrusions to Taiwan.", v.with(v.past, d)))
		// Hedges: attribution, a publication, an adverb, quotation marks.
		add(f, "hedge: officials say", "headline", "partial", fmt.Sprintf("%s %s, officials say", a.name, v.with(v.past, hd)))
		add(f, "hedge: report", "headline", "partial", fmt.Sprintf("%s %s: report", b.name, v.with(b.present(v), hd)))
		add(f, "hedge: reportedly", "summary", "partial", fmt.Sprintf("In Geneva, %s reportedly %s.", lowerFirst(a.name), v.with(v.past, e)))
		add(f, "quote as attribution", "headline", "partial", fmt.Sprintf("'%s %s,' U.S. officials say", a.name, v.with(v.past, hd)))
		// Intensifiers make it explicit; a hedge does not soften them.
		for j, adv := range []string{"openly", "flatly", "explicitly", "publicly", "candidly", "brazenly", "unambiguously"} {
			if j%3 != i%3 {
				continue
			}
			add(f, "intensifier", "headline", "fail", fmt.Sprintf("%s %s %s", a.name, adv, v.with(a.present(v), hd)))
			add(f, "intensifier + hedge", "headline", "fail", fmt.Sprintf("%s %s %s, officials say", b.name, adv, v.with(v.past, hd)))
		}
		// Negation: saying China did not admit it passes.
		add(f, "negation: did not", "summary", "pass", fmt.Sprintf("In Geneva, %s did not %s.", lowerFirst(a.name), v.with(v.base, e)))
		add(f, "negation: never", "headline", "pass", fmt.Sprintf("%s never %s", b.name, v.with(v.past, hd)))
		add(f, "negation: has not", "summary", "pass", fmt.Sprintf("%s %s not %s, U.S. officials said.", a.name, a.has(), v.with(v.pp, d)))
		// A question asks: a hedge, partial.
		add(f, "question", "headline", "partial", fmt.Sprintf("Did %s %s?", lowerFirst(a.name), v.with(v.base, hd)))
		// Tacit qualifiers make it the source's claim.
		for j, q := range []string{"all but", "tacitly", "implicitly", "indirectly"} {
			if j%2 != i%2 {
				continue
			}
			add(f, "tacit: "+q, "headline", "pass", fmt.Sprintf("%s %s %s", a.name, q, v.with(a.present(v), hd)))
		}
		add(f, "overclaim beside tacit", "summary", "partial", fmt.Sprintf("%s %s. U.S. officials read the remarks as a tacit admission.", b.name, v.with(v.past, d)))
		// Near misses: another actor's admission beside China's hint, and
		// China's denial that it admitted anything beside its hint.
		add(f, "other actor", "summary", "pass", fmt.Sprintf("In Geneva, Chinese officials hinted at %s. Later the U.S. intelligence chief %s.", d, v.with(v.past, "the spy balloon incident")))
		add(f, "reported denial", "summary", "pass", fmt.Sprintf("In Geneva, Chinese officials hinted at %s, but Beijing denied that it had %s.", d, v.with(v.pp, "them")))
	}
	// The nouns of an admission.
	nouns := []struct{ family, noun, prep string }{
		{"admission", "admission", "of"}, {"confession", "confession", "to"}, {"mea culpa", "mea culpa", "on"},
		{"claim of responsibility", "claim of responsibility", "for"}, {"confirmation", "confirmation", "of"},
	}
	for i, n := range nouns {
		a := ackActors[i%len(ackActors)]
		d := ackDeeds[i%len(ackDeeds)]
		hd := strings.TrimPrefix(d, "the ")
		art := "an"
		if !strings.ContainsAny(n.noun[:1], "aeiou") {
			art = "a"
		}
		add(n.family, "noun: possessive", "headline", "fail", fmt.Sprintf("%s's %s %s %s", strings.TrimPrefix(a.name, "A "), n.noun, n.prep, hd))
		add(n.family, "noun: made", "summary", "fail", fmt.Sprintf("In Geneva, %s made %s %s %s %s.", lowerFirst(a.name), art, n.noun, n.prep, d))
		add(n.family, "noun: subject", "summary", "fail", fmt.Sprintf("Beijing's %s %s %s in Geneva marks a turning point.", n.noun, n.prep, d))
		add(n.family, "noun: quoted", "headline", "partial", fmt.Sprintf("China's '%s' %s %s", n.noun, n.prep, hd))
		add(n.family, "noun: tacit", "headline", "pass", fmt.Sprintf("China's tacit %s %s %s", n.noun, n.prep, hd))
		add(n.family, "noun: negated", "summary", "pass", fmt.Sprintf("There was no %s %s %s from Beijing in Geneva.", n.noun, n.prep, d))
	}
	return out
}

// claimForm is a way of saying what aspartame is or does; np is the noun
// phrase after "declare aspartame", pred the predicate after "aspartame".
type claimForm struct {
	family, want string
	np, pred     string
	// stronger is a wrong, stronger category (probable, known): a hedge
	// does not soften it (the guide: fail whatever else the text says).
	stronger bool
}

var claimForms = []claimForm{
	{"carcinogen (noun)", "fail", "a carcinogen", "is a carcinogen", false},
	{"carcinogenic (adj)", "fail", "carcinogenic", "is carcinogenic", false},
	{"carcinogenic to humans", "fail", "carcinogenic to humans", "is carcinogenic to humans", false},
	{"cancer-causing", "fail", "cancer-causing", "is cancer-causing", false},
	{"cancer-causing noun", "fail", "a cancer-causing substance", "is a cancer-causing substance", false},
	{"cause of cancer", "fail", "a cause of cancer", "is a cause of cancer", false},
	{"causes cancer", "fail", "", "causes cancer", false},
	{"triggers cancer", "fail", "", "triggers cancer", false},
	{"leads to cancer", "fail", "", "leads to cancer", false},
	{"gives people cancer", "fail", "", "gives people cancer", false},
	{"raises cancer risk", "fail", "", "raises the risk of cancer", false},
	{"increases cancer risk", "fail", "", "increases cancer risk", false},
	{"probable carcinogen", "fail", "a probable carcinogen", "is a probable carcinogen", true},
	{"probably carcinogenic", "fail", "probably carcinogenic", "is probably carcinogenic", true},
	{"likely carcinogen", "fail", "a likely carcinogen", "is likely carcinogenic", true},
	{"known carcinogen", "fail", "a known carcinogen", "is a known carcinogen", true},
	{"proven to cause cancer", "fail", "", "is proven to cause cancer", true},
	{"possible carcinogen", "pass", "a possible carcinogen", "is a possible carcinogen", false},
	{"possibly carcinogenic", "pass", "possibly carcinogenic", "is possibly carcinogenic", false},
	{"potential carcinogen", "pass", "a potential carcinogen", "is a potential carcinogen", false},
	{"may cause cancer", "pass", "", "may cause cancer", false},
	{"could cause cancer", "pass", "", "could cause cancer", false},
	{"cancer risk (neutral)", "partial", "a cancer risk", "is a cancer risk", false},
	{"linked to cancer (neutral)", "partial", "", "is linked to cancer", false},
}

var claimBodies = []string{"WHO's cancer agency", "IARC", "WHO cancer research arm", "The International Agency for Research on Cancer"}

var declareVerbs = []struct{ base, third, pp string }{
	{"declare", "declares", "declared"}, {"label", "labels", "labelled"}, {"classify", "classifies", "classified as"},
	{"list", "lists", "listed as"}, {"brand", "brands", "branded"}, {"call", "calls", "called"},
}

// classificationProbes builds the aspartame story's table.
func classificationProbes() []probe {
	var out []probe
	add := func(fam, con string, kind rubric.Kind, want, text string) {
		out = append(out, probe{fam, con, kind, want, text})
	}
	hedged := func(c claimForm) string {
		if c.want == "fail" && !c.stronger {
			return "partial"
		}
		return c.want
	}
	for i, c := range claimForms {
		body := claimBodies[i%len(claimBodies)]
		dv := declareVerbs[i%len(declareVerbs)]
		f := c.family
		question := "Is aspartame " + strings.TrimPrefix(c.pred, "is ")
		if !strings.HasPrefix(c.pred, "is ") {
			question = "Does aspartame " + strings.NewReplacer("causes", "cause", "triggers", "trigger", "leads", "lead", "gives", "give", "raises", "raise", "increases", "increase").Replace(c.pred)
		}
		// A that-clause after the body's coming ruling (headline and summary).
		add(f, "headline: body to say", "headline", c.want, fmt.Sprintf("%s to say aspartame %s", body, c.pred))
		add(f, "summary: will say", "summary", c.want, fmt.Sprintf("The %s will say next month that the sweetener aspartame %s.", strings.TrimPrefix(body, "The "), c.pred))
		// The writer's own voice, the ruling beside it.
		add(f, "own voice", "summary", c.want, fmt.Sprintf("Aspartame %s. The %s will list it in July, sources said.", c.pred, strings.TrimPrefix(body, "The ")))
		if c.np != "" {
			// Declaring verbs: infinitive headline, present, passive.
			add(f, "headline: to "+dv.base, "headline", c.want, fmt.Sprintf("%s to %s aspartame %s%s", body, dv.base, asWord(dv.pp), c.np))
			add(f, "passive headline", "headline", c.want, fmt.Sprintf("Aspartame to be %s %s by WHO cancer agency", dv.pp, c.np))
			add(f, "passive + sources", "headline", hedged(c), fmt.Sprintf("Aspartame to be %s %s, sources say", dv.pp, c.np))
			add(f, "participial", "summary", c.want, fmt.Sprintf("Soon to be %s %s by the WHO's cancer agency, aspartame is found in Diet Coke and Extra gum.", dv.pp, c.np))
			add(f, "quoted", "headline", hedged(c), fmt.Sprintf("WHO cancer agency to call aspartame '%s'", strings.TrimPrefix(c.np, "a ")))
		}
		add(f, "reportedly", "summary", hedged(c), fmt.Sprintf("The WHO's cancer research agency will reportedly say aspartame %s.", c.pred))
		add(f, "relative clause", "summary", c.want, fmt.Sprintf("Aspartame, which the WHO's cancer research agency is to say %s, is in Diet Coke.", c.pred))
		add(f, "summary: sources said", "summary", hedged(c), fmt.Sprintf("The %s will say next month that aspartame %s, two sources said.", strings.TrimPrefix(body, "The "), c.pred))
		add(f, "question", "headline", hedged(c), question+"? WHO cancer agency to rule")
		if c.want == "fail" {
			add(f, "beside possible", "summary", "partial", fmt.Sprintf("IARC will list aspartame as possibly carcinogenic, sources said. Aspartame %s.", c.pred))
			add(f, "negation: not a finding", "summary", "pass", fmt.Sprintf("IARC will list aspartame as possibly carcinogenic, sources said; that is not a finding that it %s.", strings.TrimPrefix(c.pred, "is ")))
		}
	}
	return out
}

func asWord(pp string) string {
	if strings.HasSuffix(pp, " as") {
		return "as "
	}
	return ""
}

func lowerFirst(s string) string {
	if strings.HasPrefix(s, "A ") {
		return "a " + s[2:]
	}
	if strings.HasPrefix(s, "The ") {
		return "the " + s[4:]
	}
	return s
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func titleCase(s string) string {
	w := strings.Fields(s)
	for i := range w {
		w[i] = upperFirst(w[i])
	}
	return strings.Join(w, " ")
}

// runProbeTable grades each probe and reports coverage per family and per
// construction; it returns the misses.
func runProbeTable(t *testing.T, rubricID, criterion string, probes []probe) []probe {
	t.Helper()
	r, err := load(t).Lookup(rubricID)
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ ok, n int }
	byFam, byCon, byWant := map[string]*tally{}, map[string]*tally{}, map[string]*tally{}
	var miss []probe
	for _, p := range probes {
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: p.text, Kind: p.kind})
		if err != nil {
			t.Fatal(err)
		}
		got := string(g.Criterion(criterion).Verdict)
		if byFam[p.family] == nil {
			byFam[p.family] = &tally{}
		}
		if byCon[p.construction] == nil {
			byCon[p.construction] = &tally{}
		}
		if byWant[p.want] == nil {
			byWant[p.want] = &tally{}
		}
		byWant[p.want].n++
		byFam[p.family].n++
		byCon[p.construction].n++
		if got == p.want {
			byWant[p.want].ok++
			byFam[p.family].ok++
			byCon[p.construction].ok++
			continue
		}
		miss = append(miss, probe{p.family, p.construction, p.kind, p.want + " got " + got, p.text})
	}
	report := func(title string, m map[string]*tally) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			fmt.Fprintf(&b, "\n  %-28s %3d/%-3d", k, m[k].ok, m[k].n)
		}
		t.Logf("%s %s by %s:%s", rubricID, criterion, title, b.String())
	}
	report("family", byFam)
	report("construction", byCon)
	report("verdict wanted", byWant)
	t.Logf("%s %s: %d/%d probes as the guide says", rubricID, criterion, len(probes)-len(miss), len(probes))
	for _, p := range miss {
		t.Logf("miss [%s | %s] %s %q: want %s", p.family, p.construction, p.kind, p.text, p.want)
	}
	return miss
}

func TestOverclaimTable(t *testing.T) {
	t.Run("admission", func(t *testing.T) {
		runProbeTable(t, "volt-typhoon-geneva", "admission", admissionProbes())
	})
	t.Run("classification", func(t *testing.T) {
		runProbeTable(t, "aspartame-iarc", "classification", classificationProbes())
	})
}
