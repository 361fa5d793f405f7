package rubrics_test

import (
	"strings"
	"testing"
)

// The other-side table (issues 12 and 13): the ways English gives, withholds
// or misstates the other side's answer, generated from word families ×
// constructions × the stories' actors, each summary with the verdict the
// desk's guides give it. Nothing here comes from a case file: the families
// are the lexicon's English (WordNet's deny/reject/refute/dismiss senses and
// the phrasal verbs and verb-object idioms of rebuttal, calling a claim
// baseless or a smear, the nouns of a denial; the shapes of a response and
// of none; the reassurance of a body holding a thing safe within limits), the
// constructions English grammar (tense and aspect, a statement or a
// spokesman as the speaker, the other side first, in the middle, last, in a
// subordinate clause, in a quotation) and the actors the stories' facts.

// sideForm is a sentence giving (or withholding) the other side, in its
// main-clause form without the final period.
type sideForm struct{ family, want, clause string }

// sideShapes puts one clause into a summary of two or three sentences: the
// other side first, in the middle, last, or as a subordinate clause before
// the story's second sentence.
func sideShapes(lead, second, clause string) [][2]string {
	s := upperFirst(clause) + "."
	return [][2]string{
		{"first", s + " " + lead + " " + second},
		{"middle", lead + " " + s + " " + second},
		{"last", lead + " " + second + " " + s},
		{"subordinate", lead + " Although " + lowerFirst(clause) + ", " + lowerFirst(strings.TrimSuffix(second, ".")) + "."},
	}
}

// side is who answers for the other side of a story, its verbs agreeing
// with it in the singular or plural.
type side struct {
	actor  string
	plural bool
}

// v is the verb form, sing or plur, that agrees with the side.
func (s side) v(sing, plur string) string {
	if s.plural {
		return plur
	}
	return sing
}

// voltSides are China's side.
var voltSides = []side{
	{"China", false}, {"Beijing", false}, {"The Chinese Embassy in Washington", false},
	{"China's foreign ministry", false}, {"Chinese officials", true},
}

// denyVerb is a verb (or phrasal verb) of denying, rejecting or
// discrediting a claim, with its forms and the preposition before the object.
type denyVerb struct {
	family                string
	third, past, pp, prep string
}

var denyVerbs = []denyVerb{
	{"deny", "denies", "denied", "denied", ""},
	{"reject", "rejects", "rejected", "rejected", ""},
	{"dismiss", "dismisses", "dismissed", "dismissed", ""},
	{"refute", "refutes", "refuted", "refuted", ""},
	{"rebuff", "rebuffs", "rebuffed", "rebuffed", ""},
	{"repudiate", "repudiates", "repudiated", "repudiated", ""},
	{"dispute", "disputes", "disputed", "disputed", ""},
	{"rebut", "rebuts", "rebutted", "rebutted", ""},
	{"denounce", "denounces", "denounced", "denounced", ""},
	{"condemn", "condemns", "condemned", "condemned", ""},
	{"slam", "slams", "slammed", "slammed", ""},
	{"blast", "blasts", "blasted", "blasted", ""},
	{"lambaste", "lambastes", "lambasted", "lambasted", ""},
	{"deride", "derides", "derided", "derided", ""},
	{"ridicule", "ridicules", "ridiculed", "ridiculed", ""},
	{"push back", "pushes back", "pushed back", "pushed back", "against"},
	{"hit back", "hits back", "hit back", "hit back", "at"},
	{"brush off", "brushes off", "brushed off", "brushed off", ""},
	{"shrug off", "shrugs off", "shrugged off", "shrugged off", ""},
	{"wave away", "waves away", "waved away", "waved away", ""},
	{"scoff", "scoffs", "scoffed", "scoffed", "at"},
}

var voltObjects = []string{"the report", "the accusations", "the allegations of hacking"}

func (v denyVerb) obj(o string) string {
	if v.prep == "" {
		return o
	}
	return v.prep + " " + o
}

func (s side) present(v denyVerb) string {
	if s.plural {
		base := map[string]string{"denies": "deny", "pushes back": "push back", "hits back": "hit back", "brushes off": "brush off", "dismisses": "dismiss", "waves away": "wave away"}
		if b, ok := base[v.third]; ok {
			return b
		}
		return strings.TrimSuffix(v.third, "s")
	}
	return v.third
}

// calledAs is what a claim is called by one who discredits it.
var calledAs = []string{
	"baseless", "groundless", "unfounded", "false", "a smear", "slander", "a fabrication", "politically motivated", "disinformation", "nonsense",
}

const (
	voltLead   = "Chinese officials tacitly acknowledged in a secret December meeting in Geneva that Beijing was behind the Volt Typhoon hacks on U.S. infrastructure, U.S. officials familiar with the meeting told the Wall Street Journal."
	voltSecond = "The American side took the remarks as a warning over U.S. support for Taiwan."
)

func voltSideForms() []sideForm {
	var out []sideForm
	for _, v := range denyVerbs {
		for i, s := range voltSides {
			o := voltObjects[i%len(voltObjects)]
			out = append(out,
				sideForm{v.family, "pass", s.actor + " " + v.past + " " + v.obj(o)},
				sideForm{v.family, "pass", s.actor + " " + s.v("has", "have") + " " + v.pp + " " + v.obj(o)},
			)
		}
		out = append(out, sideForm{v.family, "pass", "Beijing " + v.third + " " + v.obj("such claims") + " as a matter of course"})
	}
	for _, c := range calledAs {
		out = append(out,
			sideForm{"call it " + c, "pass", "The Chinese Embassy called the accusations " + c},
			sideForm{"call it " + c, "pass", "Beijing has called such claims " + c},
		)
	}
	// the nouns of a denial and a rebuttal
	for _, n := range []string{"denial", "rejection", "rebuttal", "repudiation"} {
		out = append(out, sideForm{"noun " + n, "pass", "The report drew a swift " + n + " from the Chinese Embassy"})
	}
	// response shapes: a statement, a spokesman, a long-held position
	out = append(out,
		sideForm{"response shape", "pass", "In a statement, the Chinese Embassy rejected the report"},
		sideForm{"response shape", "pass", "A Chinese Embassy spokesman said the accusations were baseless"},
		sideForm{"response shape", "pass", "A spokesman for China's foreign ministry said the claims were groundless"},
		sideForm{"response shape", "pass", "Beijing has long maintained that it does not engage in hacking"},
		sideForm{"response shape", "pass", "China has long insisted that it is itself a victim of U.S. cyberattacks"},
		sideForm{"response shape", "pass", "Beijing has always denied any role in the hacks"},
		sideForm{"response shape", "pass", "China says it firmly opposes all forms of cyberattacks"},
		sideForm{"response shape", "pass", "Chinese officials have long blamed the hacks on a criminal gang"},
	)
	// non-responses: partial
	for _, nr := range []string{
		"did not respond to a request for comment",
		"did not immediately respond to a request for comment",
		"declined to comment",
		"could not be reached for comment",
		"has not commented on the report",
		"did not return messages seeking comment",
		"had no immediate comment",
		"has yet to respond",
		"refused to comment",
		"did not answer questions about the meeting",
		"has remained silent on the report",
	} {
		out = append(out,
			sideForm{"no response", "partial", "The Chinese Embassy " + nr},
			sideForm{"no response", "partial", "A spokesman for China's foreign ministry " + nr},
		)
	}
	// misstatements: fail
	for _, m := range []string{
		"did not deny it", "has not disputed the report", "has not denied the hacks", "never denied involvement",
		"made no denial", "did not push back", "did not reject the account", "offered no denial",
		"has not contested the account", "did not challenge the report",
	} {
		out = append(out,
			sideForm{"misstated", "fail", "China " + m},
			sideForm{"misstated", "fail", "The Chinese Embassy " + m},
		)
	}
	// near misses: the other party denying or dismissing, a denial as a topic
	out = append(out,
		sideForm{"near miss", "fail", "U.S. officials denied that the talks were a negotiation"},
		sideForm{"near miss", "fail", "Washington dismissed the idea of retaliating"},
		sideForm{"near miss", "fail", "The White House rejected calls for sanctions"},
		sideForm{"near miss", "fail", "U.S. officials called the warning unmistakable"},
		sideForm{"near miss", "fail", "Researchers have tracked the campaign since 2021"},
	)
	return out
}

// aspSides are the other side of the aspartame story: the regulators and
// the food additives committee.
var aspSides = []side{
	{"JECFA", false}, {"The WHO's food additives committee", false}, {"Regulators in the U.S. and Europe", true},
	{"The FDA", false}, {"National regulators", true},
}

const (
	aspLead   = "The WHO's cancer research agency, IARC, will list aspartame as possibly carcinogenic to humans in July, two sources with knowledge of the process told Reuters."
	aspSecond = "The sweetener is used in diet sodas and chewing gum."
)

func aspSideForms() []sideForm {
	var out []sideForm
	for _, s := range aspSides {
		out = append(out,
			sideForm{"safe within limits", "pass", s.actor + " " + s.v("has", "have") + " said aspartame is safe within accepted daily limits"},
			sideForm{"safe within limits", "pass", s.actor + " " + s.v("says", "say") + " aspartame is safe to consume within the acceptable daily intake"},
			sideForm{"safe", "pass", s.actor + " " + s.v("considers", "consider") + " aspartame safe at current levels of use"},
			sideForm{"safe", "pass", s.actor + " " + s.v("deems", "deem") + " the sweetener safe"},
			sideForm{"long maintained", "pass", s.actor + " " + s.v("has", "have") + " long maintained that aspartame is safe"},
			sideForm{"stands by", "pass", s.actor + " " + s.v("stands", "stand") + " by its assessment that aspartame is safe"},
			sideForm{"no need to change", "pass", s.actor + " " + s.v("says", "say") + " there is no need for consumers to change their diets"},
			sideForm{"no need to change", "pass", s.actor + " " + s.v("says", "say") + " consumers need not stop drinking diet soda"},
			sideForm{"acceptable daily intake", "pass", s.actor + " " + s.v("has", "have") + " set an acceptable daily intake of 40 milligrams per kilogram of body weight"},
			sideForm{"cans", "pass", s.actor + " " + s.v("says", "say") + " a 60 kg adult would have to drink 12 to 36 cans of diet soda a day to be at risk"},
			sideForm{"misstated", "fail", s.actor + " " + s.v("agrees", "agree") + " that aspartame is dangerous"},
			sideForm{"misstated", "fail", s.actor + " " + s.v("is", "are") + " expected to ban aspartame"},
			sideForm{"misstated", "fail", s.actor + " " + s.v("has", "have") + " cut the safe daily limit"},
			sideForm{"misstated", "fail", s.actor + " " + s.v("is", "are") + " lowering the acceptable daily intake"},
		)
	}
	// hazard, not risk (with its second half)
	out = append(out,
		sideForm{"hazard not risk", "pass", "IARC's rulings assess hazard, not risk, and do not consider how much of a product is safe to consume"},
		sideForm{"hazard not risk", "pass", "the agency judges whether something can cause cancer, not how much a person can safely consume"},
		sideForm{"hazard not risk", "pass", "a hazard listing says nothing about how much aspartame it takes to do harm"},
	)
	// the industry's objection
	for _, ind := range []string{"The International Sweeteners Association", "Beverage makers", "Industry groups", "The American Beverage Association"} {
		out = append(out,
			sideForm{"industry objection", "pass", ind + " rejected the ruling"},
			sideForm{"industry objection", "pass", ind + " called the finding misleading"},
			sideForm{"industry objection", "pass", ind + " dismissed the leak as flawed"},
			sideForm{"industry objection", "pass", ind + " pushed back, saying aspartame is one of the most studied ingredients"},
			sideForm{"industry objection", "pass", ind + " questioned the science behind the listing"},
			sideForm{"industry objection", "pass", ind + " slammed the agency's process"},
			sideForm{"industry objection", "pass", ind + " brushed off the finding"},
			sideForm{"industry objection", "pass", ind + " criticised the review"},
		)
	}
	// pending only: partial
	out = append(out,
		sideForm{"pending", "partial", "JECFA is also reviewing aspartame"},
		sideForm{"pending", "partial", "JECFA will announce its own findings the same day"},
		sideForm{"pending", "partial", "the findings are confidential until July 14"},
		sideForm{"pending", "partial", "the ruling pits IARC against the food industry and regulators"},
	)
	// near misses: someone else's reassurance, or none
	out = append(out,
		sideForm{"near miss", "fail", "some diet soda fans say aspartame is safe"},
		sideForm{"near miss", "fail", "consumer groups welcomed the ruling"},
		sideForm{"near miss", "fail", "sales of diet soda have risen for years"},
	)
	return out
}

// sideProbes puts each form in every shape; the absent other side is one
// more probe per story.
func sideProbes(forms []sideForm, lead, second string) []probe {
	var out []probe
	for _, f := range forms {
		for _, ct := range sideShapes(lead, second, f.clause) {
			out = append(out, probe{f.family, ct[0], "summary", f.want, ct[1]})
		}
	}
	out = append(out, probe{"absent", "absent", "summary", "fail", lead + " " + second})
	return out
}

// voltQuoteProbes give China's side in a quotation, its words or the
// embassy's ("smear and slander").
func voltQuoteProbes() []probe {
	var out []probe
	for _, q := range []string{
		`"These accusations are groundless," a Chinese Embassy spokesman said.`,
		`The embassy accused Washington of "using cybersecurity to smear and slander China."`,
		`"China firmly opposes all forms of hacking," the foreign ministry said.`,
		`"We reject these baseless claims," Beijing said.`,
		`"It's a smear campaign," the Chinese Embassy said.`,
	} {
		out = append(out,
			probe{"quote", "quote last", "summary", "pass", voltLead + " " + voltSecond + " " + q},
			probe{"quote", "quote first", "summary", "pass", q + " " + voltLead},
		)
	}
	return out
}

func aspQuoteProbes() []probe {
	var out []probe
	for _, q := range []string{
		`"Aspartame is one of the most thoroughly researched ingredients," the International Sweeteners Association said.`,
		`"Aspartame is safe," the FDA said in a statement.`,
		`"Consumers should not be worried," an industry group said.`,
		`JECFA has said for decades that aspartame is "safe to consume within accepted daily limits."`,
	} {
		out = append(out,
			probe{"quote", "quote last", "summary", "pass", aspLead + " " + aspSecond + " " + q},
			probe{"quote", "quote first", "summary", "pass", q + " " + aspLead},
		)
	}
	return out
}

func denialProbes() []probe {
	return append(sideProbes(voltSideForms(), voltLead, voltSecond), voltQuoteProbes()...)
}

func counterweightProbes() []probe {
	return append(sideProbes(aspSideForms(), aspLead, aspSecond), aspQuoteProbes()...)
}

// TestOtherSideTable grades the generated table and holds its floor: at
// most the misses left when it was written. First contact (main cd2f53d):
// volt denial 787 of 1251 as the guide says (the rebuttal verbs slam, blast,
// lambaste, deride, ridicule, refute and the phrasal brush off, shrug off,
// wave away, scoff at: 4 of 44 each; calling a claim false, a fabrication,
// nonsense or politically motivated; a rebuttal named; China's standing line
// that it opposes hacking or is its victim; "remained silent"), aspartame
// counterweight 387 of 457 (deems it safe, "need not stop", the industry
// brushing a finding off, "one of the most studied ingredients", the hazard
// point said in "nothing about how much … harm"). Left (otherside12): volt 4,
// the other party's own denial ("U.S. officials denied that the talks were a
// negotiation"); aspartame 8, a fan's view that it is safe and JECFA's own
// findings announced the same day. Run with -v for the coverage by family,
// construction and wanted verdict.
func TestOtherSideTable(t *testing.T) {
	runProbeTables(t, []probeTable{
		{"volt-typhoon-geneva", "denial", denialProbes(), 4},
		{"aspartame-iarc", "counterweight", counterweightProbes(), 8},
	})
}

// TestOtherSideTableClasses checks the lexicon entries behind the classes
// the table found missing, on both stories, with near misses: the actor of a
// rebuttal must be the other side, before its verb, and a brushing-aside
// must take a claim as its object.
func TestOtherSideTableClasses(t *testing.T) {
	const volt = "Chinese officials tacitly acknowledged the port hacks in Geneva, U.S. officials said. "
	runCriterionCases(t, "volt-typhoon-geneva", []factCase{
		{"summary", "denial", "pass", volt + "The Chinese Embassy lambasted the story."},
		{"summary", "denial", "pass", volt + "Beijing laughed the accusations off."},
		{"summary", "denial", "pass", volt + "A ministry spokeswoman dismissed the claims as hype."},
		{"summary", "denial", "pass", volt + "The allegations drew an angry retort from Beijing."},
		{"summary", "denial", "pass", volt + "China insists it is the biggest victim of hacking."},
		{"summary", "denial", "partial", volt + "The embassy stayed tight-lipped."},
		{"summary", "denial", "partial", volt + "No word yet from the Chinese side."},
		{"summary", "denial", "partial", volt + "There was no comment so far from Beijing."},
		{"summary", "denial", "fail", volt + "No word yet from U.S. officials on whether China will answer."},
		// near misses: another actor brushing it off, China after the verb
		{"summary", "denial", "fail", "Investors shrugged off reports that Chinese officials tacitly acknowledged the port hacks in Geneva, U.S. officials said."},
		{"summary", "denial", "fail", volt + "Washington mocked the idea that the hacks were criminal work by China."},
		{"summary", "denial", "fail", volt + "U.S. officials slammed China's silence."},
		{"summary", "denial", "fail", volt + "Water utilities were victims of the hacking."},
	})
	const asp = "IARC will list aspartame as possibly carcinogenic, two sources told Reuters. "
	runCriterionCases(t, "aspartame-iarc", []factCase{
		{"summary", "counterweight", "pass", asp + "Sweetener makers waved the leak away."},
		{"summary", "counterweight", "pass", asp + "The FDA deems it safe at normal intakes."},
		{"summary", "counterweight", "pass", asp + "Regulators say drinkers need not worry."},
		{"summary", "counterweight", "pass", asp + "The industry calls aspartame extensively tested."},
		// near misses: evidence the industry is said to wave away, by its
		// critics; a study praised by someone else; a need asked about
		{"summary", "counterweight", "fail", asp + "Campaigners say it confirms evidence the industry has tried to wave away."},
		{"summary", "counterweight", "fail", asp + "Campaigners say it is one of the most studied additives."},
		{"summary", "counterweight", "fail", asp + "Doctors say you need not panic."},
	})
}
