package rubrics_test

import (
	"fmt"
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
		// The subject itself as the one it is according to is its own word,
		// no attribution.
		add(f, "according to officials", "headline", "partial", fmt.Sprintf("%s %s, according to U.S. officials", a.name, v.with(v.past, hd)))
		add(f, "according to the subject", "headline", "fail", fmt.Sprintf("%s %s, according to Beijing", a.name, v.with(v.past, hd)))
		add(f, "quote as attribution", "headline", "partial", fmt.Sprintf("'%s %s,' U.S. officials say", a.name, v.with(v.past, hd)))
		// Intensifiers make it explicit; a hedge does not soften them.
		for j, adv := range []string{"openly", "flatly", "explicitly", "publicly", "candidly", "brazenly", "unambiguously"} {
			if j%3 != i%3 {
				continue
			}
			add(f, "intensifier", "headline", "fail", fmt.Sprintf("%s %s %s", a.name, adv, v.with(a.present(v), hd)))
			add(f, "intensifier + hedge", "headline", "fail", fmt.Sprintf("%s %s %s, officials say", b.name, adv, v.with(v.past, hd)))
		}
		// Negation: saying China did not admit it passes; that it did not
		// boast says nothing of what it acknowledged (na).
		neg := "pass"
		if f == "boast" || f == "brag" {
			neg = "na"
		}
		add(f, "negation: did not", "summary", neg, fmt.Sprintf("In Geneva, %s did not %s.", lowerFirst(a.name), v.with(v.base, e)))
		add(f, "negation: never", "headline", neg, fmt.Sprintf("%s never %s", b.name, v.with(v.past, hd)))
		add(f, "negation: has not", "summary", neg, fmt.Sprintf("%s %s not %s, U.S. officials said.", a.name, a.has(), v.with(v.pp, d)))
		// A question asks: a hedge, partial.
		add(f, "question", "headline", "partial", fmt.Sprintf("Did %s %s?", lowerFirst(a.name), v.with(v.base, hd)))
		// Tacit qualifiers make it the source's claim.
		for j, q := range []string{"all but", "tacitly", "implicitly", "indirectly"} {
			if j%2 != i%2 {
				continue
			}
			// A boast stays an open claim that no qualifier makes tacit
			// (the lexicon's boast); the tacit word beside it is partial.
			tacit := "pass"
			if f == "boast" || f == "brag" {
				tacit = "partial"
			}
			add(f, "tacit: "+q, "headline", tacit, fmt.Sprintf("%s %s %s", a.name, q, v.with(a.present(v), hd)))
		}
		add(f, "overclaim beside tacit", "summary", "partial", fmt.Sprintf("%s %s. U.S. officials read the remarks as a tacit admission.", b.name, v.with(v.past, d)))
		// Near misses: another actor's admission beside China's hint, and
		// China's denial that it admitted anything beside its hint.
		add(f, "other actor", "summary", "pass", fmt.Sprintf("In Geneva, Chinese officials hinted at %s. Later the U.S. intelligence chief %s.", d, v.with(v.past, "the spy balloon incident")))
		add(f, "reported denial", "summary", "pass", fmt.Sprintf("In Geneva, Chinese officials hinted at %s, but Beijing denied that it had %s.", d, v.with(v.pp, "them")))
	}
	// More English around the same verbs: an infinitive headline, the deed
	// as a clause, contracted and implicit negation.
	for i, v := range ackVerbs {
		a := ackActors[(i+1)%len(ackActors)]
		d := ackDeeds[(i+2)%len(ackDeeds)]
		hd := strings.TrimPrefix(d, "the ")
		f := v.family
		neg := "pass"
		if f == "boast" || f == "brag" {
			neg = "na"
		}
		add(f, "forced to", "headline", "fail", fmt.Sprintf("%s forced to %s", a.name, v.with(v.base, hd)))
		add(f, "negation: didn't", "headline", neg, fmt.Sprintf("%s didn't %s", a.name, v.with(v.base, hd)))
		add(f, "negation: refused to", "summary", neg, fmt.Sprintf("In Geneva, %s refused to %s.", lowerFirst(a.name), v.with(v.base, d)))
		add(f, "negation: stopped short of", "summary", "pass", fmt.Sprintf("In Geneva, %s stopped short of %s.", lowerFirst(a.name), v.with(v.ing, d)))
		add(f, "negation: declined to", "headline", neg, fmt.Sprintf("%s declined to %s", a.name, v.with(v.base, hd)))
	}
	// Other English for an explicit claim of a deed.
	for _, p := range []struct{ family, want, text string }{
		{"says it did", "fail", "China says it was behind Volt Typhoon hacks"},
		{"says it did", "fail", "Beijing said it hacked U.S. ports to warn Washington over Taiwan"},
		{"says it did", "fail", "Chinese officials told the Americans that Beijing carried out the water utility attacks"},
		{"says it did", "pass", "China never said it was behind the Volt Typhoon hacks"},
		{"claim (a deed)", "fail", "China claims Volt Typhoon hacks in Geneva talks"},
		{"claim (a deed)", "fail", "Beijing claimed the attacks on U.S. water utilities at the Geneva meeting"},
		{"take ownership", "fail", "China takes ownership of Volt Typhoon hacks"},
		{"take ownership", "fail", "Beijing took ownership of the attacks on U.S. ports in Geneva"},
		{"hands up", "fail", "China puts its hands up to Volt Typhoon hacks"},
		{"clean breast", "fail", "Beijing made a clean breast of the attacks on U.S. ports"},
		{"admit to being behind", "fail", "China admits to being behind Volt Typhoon hacks"},
		{"admit to being behind", "fail", "Beijing confessed to being behind the attacks on U.S. water utilities"},
		{"noun compound", "fail", "China's Volt Typhoon confession"},
		{"noun compound", "fail", "Beijing's hack admission stuns Washington"},
		{"noun compound", "pass", "Beijing's tacit hack admission stuns Washington"},
		{"noun + that", "fail", "China's admission that it hacked U.S. ports"},
		{"noun + that", "fail", "Beijing's confession that its hackers hit U.S. water utilities shocked the Americans in Geneva"},
		{"noun + that", "partial", "China's admission that it hacked U.S. ports, according to the Journal"},
		{"admitted nothing", "pass", "In Geneva, China admitted nothing about the Volt Typhoon hacks; it hinted at them."},
		{"in an admission", "fail", "In a stunning admission, China told U.S. officials it was behind the Volt Typhoon hacks"},
		// the subject's own words in quotation marks
		{"own words", "fail", "China to U.S.: 'We did it' on Volt Typhoon hacks"},
		{"own words", "fail", "Beijing on the port hacks: 'Yes, that was us'"},
		{"own words", "fail", "'We hacked your ports,' Chinese envoy told Americans in Geneva"},
		{"own words", "partial", "'We hacked your ports,' Chinese envoy told Americans in Geneva, officials say"},
		{"own words", "pass", "Chinese envoy never said 'we did it' about the port hacks, only hinted"},
	} {
		kind := rubric.Kind("headline")
		if strings.HasSuffix(p.text, ".") {
			kind = "summary"
		}
		add(p.family, "other English", kind, p.want, p.text)
	}
	// The deed as a content clause after the verb ("admits it hacked").
	clauses := []string{"it hacked U.S. ports", "its hackers breached American water utilities", "it was behind the Volt Typhoon hacks"}
	for i, v := range []ackVerb{ackVerbs[0], ackVerbs[2], ackVerbs[3], ackVerbs[5], ackVerbs[15]} {
		a := ackActors[i%len(ackActors)]
		c := clauses[i%len(clauses)]
		if a.plural {
			c = strings.NewReplacer("it hacked", "they hacked", "its hackers", "their hackers", "it was", "they were").Replace(c)
		}
		form := v.with(a.present(v), "")
		add(v.family, "content clause", "headline", "fail", fmt.Sprintf("%s %s %s", a.name, strings.TrimSpace(form), c))
		add(v.family, "content clause: that", "summary", "fail", fmt.Sprintf("In Geneva, %s %s that %s.", lowerFirst(a.name), strings.TrimSpace(v.with(v.past, "")), c))
		add(v.family, "content clause: tacit", "summary", "pass", fmt.Sprintf("In Geneva, %s tacitly %s that %s.", lowerFirst(a.name), strings.TrimSpace(v.with(v.past, "")), c))
		add(v.family, "content clause: negated", "summary", "pass", fmt.Sprintf("In Geneva, %s never %s that %s.", lowerFirst(a.name), strings.TrimSpace(v.with(v.past, "")), c))
	}
	// Phrases that make any verb explicit, on the source's neutral verb.
	for i, ph := range []string{"in so many words", "on the record", "point-blank", "in no uncertain terms", "flat out", "to their faces", "out loud", "without hesitation"} {
		a := ackActors[i%len(ackActors)]
		d := ackDeeds[i%len(ackDeeds)]
		add("intensifier phrase", "after the verb", "summary", "fail", fmt.Sprintf("In Geneva, %s acknowledged %s %s.", lowerFirst(a.name), d, ph))
		add("intensifier phrase", "after the verb, hedged", "summary", "fail", fmt.Sprintf("In Geneva, %s acknowledged %s %s, officials said.", lowerFirst(a.name), d, ph))
	}
	// The phrase at the end of a clause whose verb is negated.
	for i, ph := range []string{"in so many words", "on the record", "without hesitation"} {
		a := ackActors[(i+2)%len(ackActors)]
		add("intensifier phrase", "negated verb", "summary", "pass", fmt.Sprintf("In Geneva, %s did not acknowledge the port hacks %s; U.S. officials read the remarks as a warning.", lowerFirst(a.name), ph))
	}
	// Adjectives of openness on the speaker or the noun.
	for i, adj := range []string{"open", "candid", "frank", "explicit", "outspoken", "blunt", "unambiguous"} {
		a := ackActors[i%len(ackActors)]
		d := ackDeeds[(i+1)%len(ackDeeds)]
		was := "was"
		if a.plural {
			was = "were"
		}
		add("open adjective", "speaker was open about", "summary", "fail", fmt.Sprintf("In Geneva, %s %s %s about %s.", lowerFirst(a.name), was, adj, d))
		art := "a"
		if strings.ContainsAny(adj[:1], "aeiou") {
			art = "an"
		}
		add("open adjective", "open acknowledgment", "summary", "fail", fmt.Sprintf("In Geneva, %s made %s %s acknowledgment of %s.", lowerFirst(a.name), art, adj, d))
	}
	// Readings and tacit nouns that make the admission the source's.
	for i, w := range []string{"a veiled admission", "a thinly veiled confession", "what U.S. officials saw as an admission", "what amounted to a tacit admission", "an implicit acknowledgment", "an oblique confession"} {
		d := ackDeeds[i%len(ackDeeds)]
		add("tacit noun", "tacit noun", "summary", "pass", fmt.Sprintf("In Geneva, China made %s of %s.", w, d))
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
	// attribution does not make a raised risk a possibility (the lexicon's
	// risk_increase): it stays a finding however it is sourced
	{"raises cancer risk", "fail", "", "raises the risk of cancer", true},
	{"increases cancer risk", "fail", "", "increases cancer risk", true},
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

// moreClaims are constructions of a claim of harm beyond the predicate
// table: IARC's groups, headline colons, compound modifiers, certainty
// adverbs, the ruling noun and a denial beside the ruling.
var moreClaims = []struct{ family, construction, want, text string }{
	{"group", "group 2A", "fail", "IARC to put aspartame in Group 2A, sources say"},
	{"group", "group 1", "fail", "WHO cancer agency to list aspartame as a Group 1 carcinogen"},
	{"group", "group 2B", "pass", "IARC to put aspartame in Group 2B, sources say"},
	{"colon", "body: claim", "fail", "IARC: aspartame causes cancer"},
	{"colon", "body: possible", "pass", "IARC: aspartame possibly carcinogenic, sources say"},
	{"compound", "cancer-causing before the noun", "fail", "WHO cancer agency to list cancer-causing aspartame next month"},
	{"compound", "cancer-linked (neutral)", "partial", "WHO cancer agency to list cancer-linked aspartame next month"},
	{"certainty", "definitely", "fail", "WHO's cancer agency to say aspartame definitely causes cancer"},
	{"certainty", "known to cause", "fail", "IARC to say aspartame is known to cause cancer"},
	{"certainty", "confirmed carcinogen", "fail", "IARC to name aspartame a confirmed carcinogen"},
	{"certainty", "undoubtedly", "fail", "Aspartame undoubtedly causes cancer, WHO cancer arm to say"},
	{"ruling noun", "carcinogen label", "partial", "Aspartame to get carcinogen label from WHO cancer agency"},
	{"ruling noun", "possible-carcinogen label", "pass", "Aspartame to get possible-carcinogen label from WHO cancer agency"},
	{"tumours", "causes tumours", "fail", "WHO cancer agency to say aspartame causes tumours"},
	{"tumours", "may cause tumours", "pass", "WHO cancer agency to say aspartame may cause tumours"},
	{"intake", "your diet soda gives you cancer", "fail", "Your diet soda gives you cancer, WHO cancer agency to say"},
	{"intake", "drinking diet soda raises risk", "fail", "Drinking diet soda raises your cancer risk, IARC to say"},
	{"intake", "may raise risk", "pass", "Drinking diet soda may raise your cancer risk, IARC to say"},
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
		add(f, "according to sources", "headline", hedged(c), fmt.Sprintf("Aspartame %s, according to sources", c.pred))
		// the body itself is no attribution: its own finding
		add(f, "according to the body", "headline", c.want, fmt.Sprintf("Aspartame %s, according to %s", c.pred, lowerFirst(body)))
		add(f, "reportedly", "summary", hedged(c), fmt.Sprintf("The WHO's cancer research agency will reportedly say aspartame %s.", c.pred))
		add(f, "relative clause", "summary", c.want, fmt.Sprintf("Aspartame, which the WHO's cancer research agency is to say %s, is in Diet Coke.", c.pred))
		add(f, "summary: sources said", "summary", hedged(c), fmt.Sprintf("The %s will say next month that aspartame %s, two sources said.", strings.TrimPrefix(body, "The "), c.pred))
		// A question hedges like attribution, and asks whether a risk is
		// higher rather than giving it as a finding; a stronger category
		// fails whatever else the text says.
		qwant := hedged(c)
		if strings.HasSuffix(f, "cancer risk") {
			qwant = "partial"
		}
		if !strings.HasPrefix(c.pred, "may ") && !strings.HasPrefix(c.pred, "could ") {
			add(f, "question", "headline", qwant, question+"? WHO cancer agency to rule")
		}
		if c.want == "fail" {
			add(f, "beside possible", "summary", "partial", fmt.Sprintf("IARC will list aspartame as possibly carcinogenic, sources said. Aspartame %s.", c.pred))
			add(f, "negation: not a finding", "summary", "pass", fmt.Sprintf("IARC will list aspartame as possibly carcinogenic, sources said; that is not a finding that it %s.", strings.TrimPrefix(c.pred, "is ")))
		}
	}
	for _, m := range moreClaims {
		add(m.family, m.construction, "headline", m.want, m.text)
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
	c := newCoverage("family", "construction", "verdict wanted")
	var miss []probe
	for _, p := range probes {
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: p.text, Kind: p.kind})
		if err != nil {
			t.Fatal(err)
		}
		got := string(g.Criterion(criterion).Verdict)
		c.add(got == p.want, p.family, p.construction, p.want)
		if got != p.want {
			miss = append(miss, probe{p.family, p.construction, p.kind, p.want + " got " + got, p.text})
		}
	}
	c.log(t, rubricID+" "+criterion)
	t.Logf("%s %s: %d/%d probes as the guide says", rubricID, criterion, len(probes)-len(miss), len(probes))
	for _, p := range miss {
		t.Logf("miss [%s | %s] %s %q: want %s", p.family, p.construction, p.kind, p.text, p.want)
	}
	return miss
}

// TestOverclaimTable grades the generated table and holds its floor: at
// most the misses left when it was written (overclaim12: volt 13 of 829,
// 12 since volt12 read "admitted nothing" as no admission; aspartame 2 of
// 336, listed in the log with -v); run with -v to read the
// coverage by family, construction and wanted verdict.
func TestOverclaimTable(t *testing.T) {
	runProbeTables(t, []probeTable{
		{"volt-typhoon-geneva", "admission", admissionProbes(), 12},
		{"aspartame-iarc", "classification", classificationProbes(), 2},
	})
}

// probeTable is a generated table of one criterion and its floor: the most
// misses it allows.
type probeTable struct {
	rubric, criterion string
	probes            []probe
	maxMiss           int
}

// runProbeTables grades each table in a subtest named by its criterion and
// fails when a table misses more than its floor allows.
func runProbeTables(t *testing.T, tables []probeTable) {
	t.Helper()
	for _, tc := range tables {
		t.Run(tc.criterion, func(t *testing.T) {
			if miss := runProbeTable(t, tc.rubric, tc.criterion, tc.probes); len(miss) > tc.maxMiss {
				for _, p := range miss {
					t.Errorf("%s of %s %q = %s", tc.criterion, p.kind, p.text, p.want)
				}
				t.Errorf("%d misses, the floor allows %d", len(miss), tc.maxMiss)
			}
		})
	}
}

// TestOverclaimTableClasses checks the lexicon entries behind the classes
// the table found missing, on both stories, with near misses.
func TestOverclaimTableClasses(t *testing.T) {
	runCriterionCases(t, "volt-typhoon-geneva", []factCase{
		// the other side owning up, in the idioms as in the verbs
		{"summary", "admission", "pass", "China hinted at the port hacks in Geneva. U.S. officials later took responsibility for missing them."},
		{"summary", "admission", "pass", "Beijing signalled its role in the water utility hacks; U.S. officials came clean about how long the intrusions went unseen."},
		{"summary", "admission", "pass", "China's envoy hinted at the airport hacks, and U.S. officials bragged about catching them."},
		{"summary", "admission", "partial", "China's envoy hinted at the airport hacks, and Chinese officials bragged about them."},
		{"summary", "admission", "partial", "China hinted at the port hacks in Geneva. Beijing later took responsibility for them."},
		// the nouns of claiming and confirming a deed
		{"headline", "admission", "fail", "Beijing's claim of responsibility for U.S. port hacks"},
		{"headline", "admission", "fail", "China's confirmation that its hackers hit U.S. water utilities"},
		{"headline", "admission", "partial", "China's confirmation of the port hacks, officials say"},
		{"headline", "admission", "pass", "No Chinese confirmation of the port hacks, only hints in Geneva"},
		{"summary", "admission", "pass", "U.S. officials sought confirmation of the port hacks; in Geneva China only hinted at them."},
		// the subject itself as the one it is according to: its own word
		{"headline", "admission", "fail", "China confessed to the port hacks, according to Beijing"},
		{"headline", "admission", "fail", "Per the Chinese Embassy, China owned up to the water utility hacks"},
		{"headline", "admission", "partial", "China confessed to the port hacks, according to people familiar with Beijing's thinking"},
		{"headline", "admission", "partial", "China confessed to the port hacks, according to U.S. officials"},
		// phrases of saying it in the words themselves, with no pause, and
		// the family of candour before "about" or the noun
		{"summary", "admission", "fail", "At the Geneva meeting, Wang Lei acknowledged the airport intrusions in so many words."},
		{"summary", "admission", "fail", "Asked about the port hacks, the Chinese envoy confirmed them without hesitation."},
		{"summary", "admission", "fail", "Beijing's delegation was outspoken about the water utility hacks in Geneva."},
		{"headline", "admission", "fail", "China's blunt acknowledgment of the port hacks"},
		{"summary", "admission", "pass", "Chinese officials did not link the port hacks to Taiwan in so many words; the Americans heard a warning."},
		{"summary", "admission", "pass", "U.S. officials were outspoken about the port hacks after China hinted at them in Geneva."},
		{"summary", "admission", "pass", "In Geneva, China hinted at the port hacks; Washington answered without hesitation."},
	})
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// a raised risk asked about, or said not to follow
		{"headline", "classification", "partial", "Does diet soda raise your cancer risk? WHO cancer agency to weigh in"},
		{"summary", "classification", "pass", "IARC will call aspartame possibly carcinogenic, sources say; that doesn't mean a can of soda raises your risk of cancer."},
		{"summary", "classification", "pass", "The WHO's cancer agency will list aspartame as a possible carcinogen, sources said, which is not proof that it increases the risk of cancer."},
		// near misses: a raised risk as a finding, attributed or not
		{"headline", "classification", "fail", "Aspartame raises cancer risk, WHO cancer agency to say"},
		{"summary", "classification", "fail", "The WHO's cancer research agency will say that aspartame increases the risk of cancer, sources said."},
		{"summary", "classification", "partial", "IARC will call aspartame possibly carcinogenic, sources say. Aspartame raises your risk of cancer."},
		// the body itself as the one it is according to: its own finding
		{"headline", "classification", "fail", "Aspartame is a carcinogen, according to the World Health Organization"},
		{"headline", "classification", "fail", "Per IARC, the sweetener aspartame causes cancer"},
		{"headline", "classification", "partial", "Aspartame is a carcinogen, according to sources at the WHO's cancer agency"},
		{"headline", "classification", "partial", "Aspartame causes cancer, according to a report on the WHO's cancer agency"},
	})
}
