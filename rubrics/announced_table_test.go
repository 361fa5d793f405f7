package rubrics_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// The already-announced table (issue 13, announced12): the ways English
// presents the aspartame listing as a decision already made or stated by
// the WHO or IARC, generated from the bodies' names × the classifying and
// declaring verbs (the lexicon's classify_verb, announce_verb) × English's
// ways of telling a thing as done (headline present, simple past, present
// perfect, the perfect and "now" passives, a participle on the substance,
// the ruling as a noun, "following"/"after"/"now that" clauses, a
// "breaking" label, a colon frame), each with the verdicts the aspartame
// guide gives it ("Already announced": sourcing fail, facts fail, about the
// story). Beside them the near misses English puts next to each: the
// ruling still to come (to, will, set to, expected to, plans to, is
// expected to announce), a condition, a question, the leak's own "has
// decided" told by sources, another body's past view, and the official
// July event with its sign (on Friday, formally, officially, JECFA's kept
// intake), which is a neighbouring story. Nothing here comes from a case
// file.

// annBody is a way of naming the WHO or IARC as a sentence's subject.
type annBody struct{ name string }

func (b annBody) lower() string {
	if strings.HasPrefix(b.name, "The ") {
		return "the" + b.name[3:]
	}
	return b.name
}

func (b annBody) poss() string { return b.name + "'s" }

var annBodies = []annBody{
	{"WHO"}, {"IARC"}, {"The WHO"}, {"The World Health Organization"},
	{"The WHO's cancer agency"}, {"The International Agency for Research on Cancer"},
	{"The WHO's cancer research arm"},
}

// annAct is a verb of classifying or declaring in its forms with the
// listing as its object and complement.
type annAct struct{ base, third, past, pp, rest, noun, prep string }

var annActs = []annAct{
	{"list", "lists", "listed", "listed", "as a possible carcinogen", "listing", "of"},
	{"classify", "classifies", "classified", "classified", "as possibly carcinogenic to humans", "classification", "of"},
	{"label", "labels", "labelled", "labelled", "a possible carcinogen", "label", "for"},
	{"declare", "declares", "declared", "declared", "a possible cancer risk", "declaration", "on"},
	{"designate", "designates", "designated", "designated", "a possible carcinogen", "designation", "of"},
	{"brand", "brands", "branded", "branded", "possibly carcinogenic", "ruling", "on"},
	{"deem", "deems", "deemed", "deemed", "a possible carcinogen", "ruling", "on"},
	{"call", "calls", "called", "called", "possibly carcinogenic", "ruling", "on"},
	{"name", "names", "named", "named", "a possible carcinogen", "decision", "on"},
}

// annProbe is one generated text with the guide's verdicts: sourcing and
// facts ("" when the guide does not settle it for that text), and the
// story it is routed to ("" for a neighbouring story).
type annProbe struct {
	family, construction string
	kind                 rubric.Kind
	sourcing, facts      string
	route                string
	text                 string
}

// announcedProbes builds the table.
func announcedProbes() []annProbe {
	const asp = "aspartame-iarc"
	var out []annProbe
	add := func(fam, con, kind, src, facts, route, text string) {
		out = append(out, annProbe{fam, con, rubric.Kind(kind), src, facts, route, text})
	}
	done := func(con, kind, text string) { add("already announced", con, kind, "fail", "fail", asp, text) }
	for i, b := range annBodies {
		for j, a := range annActs {
			if (i+j)%2 == 1 {
				continue // half the grid: every body meets every other verb
			}
			done("headline present", "headline", fmt.Sprintf("%s %s aspartame %s", b.name, a.third, a.rest))
			done("summary simple past", "summary", fmt.Sprintf("%s %s aspartame %s.", b.name, a.past, a.rest))
			done("present perfect", "summary", fmt.Sprintf("%s has %s the sweetener aspartame %s.", b.name, a.pp, a.rest))
			done("perfect passive by", "headline", fmt.Sprintf("Aspartame has been %s %s by %s", a.pp, a.rest, b.lower()))
			done("now passive", "headline", fmt.Sprintf("Aspartame is now %s %s by %s", a.pp, a.rest, b.lower()))
			done("breaking label", "headline", fmt.Sprintf("BREAKING: %s %s aspartame %s", b.name, a.third, a.rest))
			done("after clause", "summary", fmt.Sprintf("After %s %s aspartame %s, diet soda drinkers began to ask whether it is safe.", b.lower(), a.past, a.rest))
			done("now that clause", "summary", fmt.Sprintf("Now that %s has %s aspartame %s, shoppers are checking labels on diet drinks.", b.lower(), a.pp, a.rest))
			done("following the decision", "summary", fmt.Sprintf("Following %s decision to %s aspartame %s, diet soda sales fell.", strings.ToLower(b.poss()[:1])+b.poss()[1:], a.base, a.rest))
			done("new noun", "headline", fmt.Sprintf("%s new %s %s aspartame: a possible carcinogen", b.poss(), a.noun, a.prep))
			done("newly participle", "summary", fmt.Sprintf("Aspartame, newly %s %s by %s, is in thousands of products.", a.pp, a.rest, b.lower()))
		}
	}
	// the simple present and perfect passive with no agent
	done("agentless perfect passive", "headline", "Aspartame has been classified as a possible carcinogen")
	done("agentless perfect passive", "headline", "Sweetener aspartame has been labelled possibly carcinogenic")
	done("agentless now passive", "headline", "Aspartame is now classed as a possible carcinogen")
	done("agentless now passive", "summary", "Aspartame is now listed as possibly carcinogenic to humans, and diet drinks will carry the news.")
	// the body as speaker, present or past
	done("says", "headline", "WHO says aspartame is possibly carcinogenic")
	done("says", "summary", "The World Health Organization says the sweetener aspartame is a possible carcinogen.")
	done("colon frame", "headline", "IARC: aspartame possibly carcinogenic to humans")
	done("ruling that", "headline", "The WHO's ruling that aspartame is a possible carcinogen")

	// Near misses: the ruling still to come, attributed to the leak.
	src := func(con, kind, facts, text string) { add("to come, sourced", con, kind, "pass", facts, asp, text) }
	for i, b := range annBodies {
		a := annActs[i%len(annActs)]
		src("headline infinitive", "headline", "na", fmt.Sprintf("%s to %s aspartame %s, sources say", b.name, a.base, a.rest))
		src("will", "summary", "na", fmt.Sprintf("%s will %s aspartame %s, two sources with knowledge of the process said.", b.name, a.base, a.rest))
		src("set to", "summary", "na", fmt.Sprintf("%s is set to %s aspartame %s, according to two sources.", b.name, a.base, a.rest))
		src("expected to", "summary", "na", fmt.Sprintf("%s is expected to %s aspartame %s, sources told Reuters.", b.name, a.base, a.rest))
		src("plans to", "summary", "na", fmt.Sprintf("%s plans to %s aspartame %s, two people familiar with the process said.", b.name, a.base, a.rest))
		src("expected to announce", "headline", "na", fmt.Sprintf("%s expected to announce aspartame is a possible carcinogen - sources", b.name))
		src("perfect passive to be", "headline", "na", fmt.Sprintf("Aspartame to be %s %s by %s, sources say", a.pp, a.rest, b.lower()))
		// the leak's own decision, made in June and told by its sources
		src("reported decision", "summary", "pass", fmt.Sprintf("Two sources said %s decided in June to %s aspartame %s; the ruling will be made public on July 14.", b.lower(), a.base, a.rest))
		// unattributed, still to come: a headline partial
		add("to come, unattributed", "headline infinitive", "headline", "partial", "na", asp, fmt.Sprintf("%s to %s aspartame %s", b.name, a.base, a.rest))
		// a condition, a question: nothing stated as done (the condition
		// states the timing, next month, which is the source's)
		add("condition", "if it lists", "summary", "", "pass", asp, fmt.Sprintf("If %s %s aspartame %s next month, as two sources said it will, diet soda makers may face pressure.", b.lower(), a.third, a.rest))
		add("question", "will it", "headline", "", "na", asp, fmt.Sprintf("Will %s %s aspartame %s?", b.lower(), a.base, a.rest))
	}
	// another body's past view beside the leak
	for _, other := range []string{
		"JECFA has said since 1981 that aspartame is safe within accepted daily limits.",
		"The WHO's food additives committee has deemed aspartame safe since 1981.",
		"JECFA declared aspartame safe within a daily limit in 1981.",
	} {
		add("other body's past view", "beside the leak", "summary", "pass", "pass", asp, "IARC will list aspartame as possibly carcinogenic, two sources said. "+other)
	}
	// the official July event with its sign: a neighbouring story
	nb := func(con, kind, text string) { add("official event", con, kind, "", "", "", text) }
	for i, b := range annBodies {
		a := annActs[i%len(annActs)]
		nb("on Friday", "summary", fmt.Sprintf("On Friday %s %s aspartame %s.", b.lower(), a.past, a.rest))
		nb("formally", "headline", fmt.Sprintf("%s formally %s aspartame %s", b.name, a.third, a.rest))
		nb("officially", "headline", fmt.Sprintf("%s officially %s aspartame %s", b.name, a.third, a.rest))
		nb("it's official", "headline", fmt.Sprintf("It's official: %s %s aspartame %s", b.lower(), a.third, a.rest))
		nb("July 14 dateline", "summary", fmt.Sprintf("July 14 - %s %s aspartame %s, while JECFA kept the acceptable daily intake at 40 mg per kilogram.", b.name, a.past, a.rest))
		nb("JECFA reaffirmed", "headline", fmt.Sprintf("%s %s aspartame %s; JECFA reaffirms 40 mg/kg limit", b.name, a.third, a.rest))
	}
	return out
}

// TestAnnouncedTable grades the generated table on sourcing, facts and
// routing and holds floors. Run with -v for coverage by construction and
// each miss.
func TestAnnouncedTable(t *testing.T) {
	const asp = "aspartame-iarc"
	ps := announcedProbes()
	var src, facts []probe
	for _, p := range ps {
		if p.route == "" {
			continue
		}
		if p.sourcing != "" {
			src = append(src, probe{p.family, p.construction, p.kind, p.sourcing, p.text})
		}
		if p.facts != "" {
			facts = append(facts, probe{p.family, p.construction, p.kind, p.facts, p.text})
		}
	}
	runProbeTables(t, []probeTable{
		{asp, "sourcing", src, announcedFloors["sourcing"]},
		{asp, "facts", facts, announcedFloors["facts"]},
	})
	t.Run("routing", func(t *testing.T) {
		set := load(t)
		c := newCoverage("construction")
		var miss []string
		for _, p := range ps {
			got := set.Route(p.text).Chosen
			k := p.family + " | " + p.construction
			c.add(got == p.route, k)
			if got != p.route {
				miss = append(miss, fmt.Sprintf("miss [%s] %q: routed to %q, want %q", k, p.text, got, p.route))
			}
		}
		c.log(t, "routing")
		holdFloor(t, "routing", len(ps), miss, announcedFloors["routing"])
	})
}

// announcedFloors are the most misses each part of the table allows
// (announced12: first contact on main a0120db sourcing 318/426, facts
// 283/440, routing 438/482; after <naming_verb>, "now classified" as no sign
// of the official event, "it's official:" as one, and "deemed", "dubbed",
// "termed", "called" in already_done's participles: 373, 363, 468; after
// the subject's new ruling noun and a condition or indirect question
// before the act made public: 394, 387, 468). The misses left: a
// clause after the act ("After the WHO labelled aspartame
// …", which ruling_reacted reads as a reaction to the made ruling, a
// neighbour), "On Friday" more than four words before a long name, a
// condition and a question read as stating the fact.
var announcedFloors = map[string]int{"sourcing": 32, "facts": 53, "routing": 14}

// TestAnnouncedTableClasses checks the lexicon entries behind the classes
// the table found missing, with near misses: the subject with a verb that
// is also a noun, or a verb of naming, before the thing named
// (<naming_verb>); the participles of deeming and naming as a ruling told
// as made; the subject's new ruling as a thing made, not one awaited;
// "now" alone no sign of the official event, "it's official:" one.
func TestAnnouncedTableClasses(t *testing.T) {
	const asp = "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"subject_announces", asp, "WHO lists aspartame as a possible carcinogen", true},
		{"subject_announces", asp, "IARC labels the sweetener aspartame a possible carcinogen", true},
		{"subject_announces", asp, "IARC has called aspartame possibly carcinogenic", true},
		{"subject_announces", asp, "IARC calls for more research on aspartame", false},
		{"subject_announces", asp, "The WHO's list of possible carcinogens may grow", false},
		{"subject_announces", asp, "WHO lists aspartame as a possible carcinogen, two sources say", false},
		{"subject_announces", asp, "WHO may list aspartame as a possible carcinogen", false},
		{"subject_announces", asp, "IARC's new classification of aspartame: a possible carcinogen", true},
		{"subject_announces", asp, "IARC's new classification of aspartame, expected next month, worries soda makers", false},
		{"subject_announces", asp, "The WHO's new ruling on aspartame is due in July", false},
		{"subject_announces", asp, "A new ruling on aspartame from IARC", false},
		{"ruling_made_public", asp, "The WHO's new label for aspartame: possibly carcinogenic", true},
		{"ruling_made_public", asp, "The WHO's new label for aspartame will come in July", false},
		{"ruling_made_public", asp, "The WHO names aspartame a possible carcinogen", true},
		{"ruling_made_public", asp, "The WHO has dubbed aspartame a possible carcinogen", true},
		{"ruling_made_public", asp, "The WHO will name aspartame a possible carcinogen", false},
		{"ruling_made_public", asp, "The WHO's label for diet drinks", false},
		{"ruling_made_public", asp, "If WHO lists aspartame as a possible carcinogen next month, makers will react", false},
		{"ruling_made_public", asp, "Nobody knows whether IARC classifies aspartame as a possible carcinogen", false},
		{"already_done", asp, "Aspartame, deemed a possible carcinogen by IARC, is everywhere", true},
		{"already_done", asp, "Aspartame, termed possibly carcinogenic by the WHO, is everywhere", true},
		{"already_done", asp, "Aspartame, deemed safe by JECFA, is everywhere", false},
		{"already_done", asp, "Aspartame is to be called a possible carcinogen", false},
	})
	runRouteCases(t, []routeCase{
		{"now classified, no sign of the event", "Aspartame is now classified as a possible carcinogen by the WHO", asp},
		{"it's official", "It's official: IARC lists aspartame as a possible carcinogen", ""},
		{"it's official, still to come", "It's official: WHO to list aspartame as a possible carcinogen, sources say", asp},
		{"formally classified", "Aspartame is now formally classified as a possible carcinogen by the WHO", ""},
	})
}
