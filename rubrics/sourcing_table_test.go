package rubrics_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// The sourcing table (issues 12 and 13): the ways English says where a
// claim comes from, generated from attribution families × constructions ×
// the stories' claims, each sentence with the verdict the desk's guides
// give it (GRADING.md's and aspartame/GRADING.md's sourcing sections).
// Nothing here comes from a case file: the families are English's
// (reporting verbs in their tenses and positions, "according to", "per",
// "citing", the informant nouns and their descriptions, outlets and
// reports as sources, the reporting passive, the hedging adverbs, headline
// labels, leaks and prospective verbs), the claims the stories' facts, and
// the shapes that are not attribution (the subject's own speech, a named
// person the source does not quote, a reading, a report of something else,
// an adverb on a side detail).

// attrClaim is a story's claim split so an adverb or attribution can go
// into it: subject, auxiliary (may be empty) and verb phrase.
type attrClaim struct{ subj, aux, vp string }

func (c attrClaim) clause() string { return joinWords(c.subj, c.aux, c.vp) }

func (c attrClaim) sentence() string { return upperFirst(c.clause()) }

// withAdverb puts an adverb after the auxiliary, or before the verb.
func (c attrClaim) withAdverb(adv string) string { return joinWords(c.subj, c.aux, adv, c.vp) }

// attrSource is an unnamed informant phrase; plural takes "say".
type attrSource struct {
	name   string
	plural bool
}

func (s attrSource) say() string {
	if s.plural {
		return "say"
	}
	return "says"
}

func (s attrSource) have() string {
	if s.plural {
		return "have"
	}
	return "has"
}

// attrStory is what the table needs of a story: its claims, the unnamed
// people its source rests on, its publication, the subject speaking, a
// named person the source does not quote, and a report of something else.
type attrStory struct {
	id                  string
	headlines, summary  []attrClaim
	sources             []attrSource
	pubs                []string // the publication as a subject ("the Journal")
	outlet              string   // the publication after "told" ("the Journal")
	subjectSpeech       []string // the subject's own words as a summary
	subjectHeadline     []string // the same as a headline
	subjectHeadlineWant string   // its headline verdict (volt partial, aspartame fail)
	named               string   // ", NAME said."
	reportElsewhere     string   // a publication reporting something else
	prospective         []attrClaim
	understoodTo        string // the reporting passive's infinitive before the verb phrase
	nearMisses          []attrNearMiss
}

// attrNearMiss is a text written beside a construction that must not
// count as it does.
type attrNearMiss struct {
	construction string
	kind         rubric.Kind
	want, text   string
}

var attrStories = []attrStory{
	{
		id: "volt-typhoon-geneva",
		headlines: []attrClaim{
			{"China", "", "tacitly acknowledges role in U.S. infrastructure hacks"},
			{"Beijing", "", "signals it was behind Volt Typhoon attacks"},
			{"Chinese officials", "", "linked U.S. port hacks to Taiwan at secret Geneva meeting"},
		},
		summary: []attrClaim{
			{"Chinese officials", "", "tacitly acknowledged the Volt Typhoon hacks at a secret meeting in Geneva in December"},
			{"China", "", "signalled at a December meeting in Geneva that it was behind the attacks on U.S. ports"},
			{"a senior Chinese official", "", "linked the hacks on American water utilities to U.S. support for Taiwan"},
		},
		sources: []attrSource{
			{"U.S. officials", true}, {"people familiar with the matter", true}, {"a former U.S. official", false},
			{"sources", true}, {"people briefed on the meeting", true}, {"a person with knowledge of the talks", false},
			{"American officials who were there", true}, {"two people familiar with the talks", true},
			{"insiders", true}, {"current and former officials", true}, {"a source close to the talks", false},
		},
		pubs:                []string{"the Wall Street Journal", "the Journal", "the WSJ", "a Wall Street Journal report"},
		outlet:              "the Journal",
		subjectSpeech:       []string{"Chinese officials told their U.S. counterparts in Geneva that the hacks on U.S. ports were a warning over Taiwan.", "Beijing said in Geneva that the infrastructure hacks were a response to U.S. support for Taiwan."},
		subjectHeadline:     []string{"China says infrastructure hacks were a warning over Taiwan", "Beijing tells U.S. the port hacks were about Taiwan"},
		subjectHeadlineWant: "partial",
		named:               "National Security Adviser Jake Sullivan",
		reportElsewhere:     "The Journal has also reported on Salt Typhoon's separate telecom breach.",
		prospective:         nil,
		understoodTo:        "to have",
		nearMisses: []attrNearMiss{
			{"people's own perfect", "summary", "fail", "Chinese officials tacitly acknowledged the Volt Typhoon hacks in Geneva. U.S. officials have long suspected Beijing of the attacks."},
			{"people's own perfect", "summary", "fail", "China signalled in Geneva that it was behind the port hacks, which U.S. officials had feared for years."},
			{"people's perfect, said", "summary", "pass", "U.S. officials have told the Journal that China signalled in Geneva it was behind the port hacks."},
			{"object told, before a comma", "summary", "partial", "China told U.S. officials it was behind the port hacks, the Journal reported."},
			{"object told, before a comma", "summary", "partial", "Chinese envoys linked the hacks to Taiwan in remarks to U.S. officials who attended, the Journal reported."},
			{"per the subject's people", "summary", "fail", "Per Chinese officials, Beijing signalled in Geneva that it was behind the port hacks."},
			{"per the subject's people", "summary", "fail", "Per Beijing's envoys, China tacitly acknowledged the hacks on U.S. ports."},
			{"source close to the subject", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva, a source close to the talks said."},
			{"officials who were there, perfect", "summary", "pass", "Officials who were there have said China tacitly acknowledged the hacks on U.S. ports."},
			{"officials who were there, own clause", "summary", "fail", "Officials who were there were stunned when China tacitly acknowledged the hacks on U.S. ports."},
			{"headline relative clause, own clause", "headline", "partial", "China tacitly acknowledges port hacks to officials who were there"},
		},
	},
	{
		id: "aspartame-iarc",
		headlines: []attrClaim{
			{"WHO cancer agency", "to", "list aspartame as possible carcinogen"},
			{"IARC", "will", "declare aspartame possibly carcinogenic"},
			{"WHO's cancer arm", "to", "call aspartame a possible cancer risk in July"},
		},
		summary: []attrClaim{
			{"the WHO's cancer research agency", "will", "list aspartame as possibly carcinogenic in July"},
			{"IARC", "will", "declare the sweetener aspartame a possible carcinogen next month"},
			{"the International Agency for Research on Cancer", "will", "classify aspartame as possibly carcinogenic to humans"},
		},
		sources: []attrSource{
			{"two sources", true}, {"people with knowledge of the process", true}, {"sources familiar with the matter", true},
			{"two people briefed on the decision", true}, {"a source", false}, {"insiders", true},
			{"people close to the panel", true}, {"a person familiar with the findings", false},
			{"officials with knowledge of the review", true}, {"two people who attended the meeting", true},
			{"a source close to the agency", false},
		},
		pubs:                []string{"Reuters", "the news agency Reuters", "a Reuters report"},
		outlet:              "Reuters",
		subjectSpeech:       []string{"The WHO says aspartame is possibly carcinogenic to humans.", "IARC announced that it will list aspartame as a possible carcinogen in July."},
		subjectHeadline:     []string{"WHO says aspartame possibly carcinogenic", "IARC announces aspartame will be listed as possible carcinogen"},
		subjectHeadlineWant: "fail",
		named:               "WHO spokesman Tarik Jasarevic",
		reportElsewhere:     "Reuters reported in May that diet soda sales were falling.",
		understoodTo:        "to be ready to",
		nearMisses: []attrNearMiss{
			{"the subject close to its ruling", "summary", "fail", "The agency, close to a decision, said IARC will declare aspartame a possible carcinogen next month."},
			{"source close to the subject", "summary", "pass", "People close to the WHO said IARC will list aspartame as possibly carcinogenic next month."},
			{"source close to the subject", "headline", "pass", "IARC to list aspartame as possible carcinogen, sources close to the agency say"},
			{"the subject said to", "headline", "pass", "IARC said to list aspartame as possible carcinogen next month"},
			{"the subject said", "headline", "fail", "IARC said aspartame is a possible carcinogen"},
			{"per the subject", "summary", "fail", "Per IARC, aspartame will be listed as possibly carcinogenic next month."},
			{"the subject's own perfect", "summary", "fail", "IARC officials have said aspartame will be listed as possibly carcinogenic next month."},
		},
		prospective: []attrClaim{
			{"IARC", "is set to", "list aspartame as possibly carcinogenic"},
			{"the WHO's cancer research agency", "is expected to", "declare aspartame a possible carcinogen"},
			{"IARC", "is poised to", "classify aspartame as possibly carcinogenic"},
			{"the WHO's cancer arm", "is due to", "list aspartame as a possible carcinogen"},
		},
	},
}

// reportVerb is a verb of saying or telling in its present and past.
type reportVerb struct{ base, third, past string }

// reportVerbs are English's verbs of reporting speech (WordNet 3.0's
// say.v.1, state.v.1, tell.v.2, reveal.v.2, disclose, recount, note,
// insist, assert, and their kin), in the lexicon's speech_verb family.
var reportVerbs = []reportVerb{
	{"say", "says", "said"}, {"report", "reports", "reported"}, {"reveal", "reveals", "revealed"},
	{"recount", "recounts", "recounted"}, {"recall", "recalls", "recalled"}, {"explain", "explains", "explained"},
	{"note", "notes", "noted"}, {"add", "adds", "added"}, {"insist", "insists", "insisted"},
	{"claim", "claims", "claimed"}, {"suggest", "suggests", "suggested"}, {"state", "states", "stated"},
	{"disclose", "discloses", "disclosed"}, {"confirm", "confirms", "confirmed"}, {"assert", "asserts", "asserted"},
	{"maintain", "maintains", "maintained"}, {"indicate", "indicates", "indicated"}, {"allege", "alleges", "alleged"},
	{"contend", "contends", "contended"}, {"describe", "describes", "described"},
}

// sourcingProbes builds one story's table.
func sourcingProbes(st attrStory) []probe {
	var out []probe
	add := func(fam, con string, kind rubric.Kind, want, text string) {
		out = append(out, probe{fam, con, kind, want, text})
	}
	nS, nH := len(st.summary), len(st.headlines)
	// Unnamed informants in every position of the reporting verb.
	for i, s := range st.sources {
		c := st.summary[i%nS]
		h := st.headlines[i%nH]
		f := "unnamed: " + s.name
		add(f, "S said C", "summary", "pass", fmt.Sprintf("%s said %s.", upperFirst(s.name), c.clause()))
		add(f, "S said that C", "summary", "pass", fmt.Sprintf("%s said that %s.", upperFirst(s.name), c.clause()))
		add(f, "S say C", "summary", "pass", fmt.Sprintf("%s %s %s.", upperFirst(s.name), s.say(), c.clause()))
		add(f, "S have said C", "summary", "pass", fmt.Sprintf("%s %s said %s.", upperFirst(s.name), s.have(), c.clause()))
		add(f, "C, S said", "summary", "pass", fmt.Sprintf("%s, %s said.", c.sentence(), s.name))
		add(f, "C, said S", "summary", "pass", fmt.Sprintf("%s, said %s.", c.sentence(), s.name))
		add(f, "C, S say", "summary", "pass", fmt.Sprintf("%s, %s %s.", c.sentence(), s.name, s.say()))
		add(f, "C, say S", "summary", "pass", fmt.Sprintf("%s, %s %s.", c.sentence(), s.say(), s.name))
		add(f, "S told OUTLET C", "summary", "pass", fmt.Sprintf("%s told %s %s.", upperFirst(s.name), st.outlet, c.clause()))
		add(f, "C, S told OUTLET", "summary", "pass", fmt.Sprintf("%s, %s told %s.", c.sentence(), s.name, st.outlet))
		add(f, "according to S, C", "summary", "pass", fmt.Sprintf("According to %s, %s.", s.name, c.clause()))
		add(f, "C, according to S", "summary", "pass", fmt.Sprintf("%s, according to %s.", c.sentence(), s.name))
		add(f, "per S, C", "summary", "pass", fmt.Sprintf("Per %s, %s.", s.name, c.clause()))
		add(f, "OUTLET, citing S", "summary", "pass", fmt.Sprintf("%s, citing %s, reported that %s.", upperFirst(st.outlet), s.name, c.clause()))
		add(f, "C, OUTLET reported, citing S", "summary", "pass", fmt.Sprintf("%s, %s reported, citing %s.", c.sentence(), st.outlet, s.name))
		add(f, "OUTLET was told by S", "summary", "pass", fmt.Sprintf("%s was told by %s that %s.", upperFirst(st.outlet), s.name, c.clause()))
		add(f, "headline: H, S say", "headline", "pass", fmt.Sprintf("%s, %s %s", upperFirst(h.clause()), s.name, s.say()))
		add(f, "headline: S say H", "headline", "pass", fmt.Sprintf("%s %s %s", upperFirst(s.name), s.say(), h.clause()))
		add(f, "headline: H, according to S", "headline", "pass", fmt.Sprintf("%s, according to %s", upperFirst(h.clause()), s.name))
	}
	// Anonymity said outright.
	for i, form := range []string{
		"%s, officials said on condition of anonymity.",
		"%s, said officials who asked not to be named.",
		"%s, according to people who declined to be identified.",
		"%s, an official speaking anonymously said.",
		"%s, unnamed sources said.",
		"%s, according to anonymous officials.",
	} {
		c := st.summary[i%nS]
		add("anonymity", "anonymity said", "summary", "pass", fmt.Sprintf(form, c.sentence()))
	}
	// Every reporting verb, fronted and trailing.
	for i, v := range reportVerbs {
		c := st.summary[i%nS]
		s := st.sources[i%len(st.sources)]
		f := "verb: " + v.base
		add(f, "S VERBed that C", "summary", "pass", fmt.Sprintf("%s %s that %s.", upperFirst(s.name), v.past, c.clause()))
		add(f, "C, S VERBed", "summary", "pass", fmt.Sprintf("%s, %s %s.", c.sentence(), s.name, v.past))
		pres := v.third
		if s.plural {
			pres = v.base
		}
		add(f, "headline: H, S VERB", "headline", "pass", fmt.Sprintf("%s, %s %s", upperFirst(st.headlines[i%nH].clause()), s.name, pres))
	}
	// The reporting passive: someone not named told it.
	for i, form := range []string{"It is understood that %s.", "It has been learned that %s."} {
		add("passive", "it is understood that C", "summary", "pass", fmt.Sprintf(form, st.summary[i%nS].clause()))
	}
	{
		c := st.summary[1] // a singular subject
		add("passive", "S is understood to", "summary", "pass", fmt.Sprintf("%s is understood %s %s.", upperFirst(c.subj), st.understoodTo, c.vp))
		add("passive", "S is said to", "summary", "partial", fmt.Sprintf("%s is said %s %s.", upperFirst(c.subj), st.understoodTo, c.vp))
		add("passive", "headline: said to", "headline", "pass", fmt.Sprintf("%s said to be ready to %s", upperFirst(st.headlines[0].subj), st.headlines[1].vp))
	}
	// The publication alone: partial in a summary, pass in a headline.
	for i, p := range st.pubs {
		c := st.summary[i%nS]
		h := st.headlines[i%nH]
		f := "publication: " + p
		verb := "reported"
		if strings.HasPrefix(p, "a ") {
			verb = "said"
		}
		add(f, "P reported that C", "summary", "partial", fmt.Sprintf("%s %s that %s.", upperFirst(p), verb, c.clause()))
		add(f, "C, P reported", "summary", "partial", fmt.Sprintf("%s, %s %s.", c.sentence(), p, verb))
		add(f, "according to P, C", "summary", "partial", fmt.Sprintf("According to %s, %s.", p, c.clause()))
		add(f, "C, according to P", "summary", "partial", fmt.Sprintf("%s, according to %s.", c.sentence(), p))
		add(f, "per P, C", "summary", "partial", fmt.Sprintf("Per %s, %s.", p, c.clause()))
		add(f, "headline: H, P reports", "headline", "pass", fmt.Sprintf("%s, %s says", upperFirst(h.clause()), p))
	}
	for i, form := range []string{
		"%s, according to reports.", "Reports say %s.", "%s, a report said.", "A report says %s.",
		"In a report, %s said %s.", "%s, according to a new report.",
	} {
		c := st.summary[i%nS]
		var text string
		if strings.Count(form, "%s") == 2 {
			text = fmt.Sprintf(form, st.outlet, c.clause())
		} else if strings.HasPrefix(form, "%s") {
			text = fmt.Sprintf(form, c.sentence())
		} else {
			text = fmt.Sprintf(form, c.clause())
		}
		add("publication: reports", "a report", "summary", "partial", upperFirst(text))
	}
	// The hedging adverbs: a report's word (partial in a summary, pass in a headline).
	for i, adv := range []string{"reportedly", "allegedly", "purportedly", "supposedly"} {
		add("adverb: "+adv, "S ADV C", "summary", "partial", upperFirst(st.summary[i%nS].withAdverb(adv))+".")
		add("adverb: "+adv, "headline: S ADV H", "headline", "pass", upperFirst(st.headlines[i%nH].withAdverb(adv)))
	}
	// The adverbs of appearance hedge a claim but attribute it to no one
	// (WordNet's apparently.r.1, "from appearances alone").
	for i, adv := range []string{"apparently", "seemingly", "ostensibly"} {
		add("appearance: "+adv, "S ADV C", "summary", "fail", upperFirst(st.summary[i%nS].withAdverb(adv))+".")
		add("appearance: "+adv, "headline: S ADV H", "headline", "partial", upperFirst(st.headlines[i%nH].withAdverb(adv)))
	}
	// The impersonal passive of reporting: a report's word, like the adverbs.
	for i, form := range []string{"It is claimed that %s.", "It has been reported that %s.", "It was alleged last night that %s."} {
		add("impersonal passive", form, "summary", "partial", fmt.Sprintf(form, st.summary[i%nS].clause()))
	}
	// Headline labels and tags.
	for i, form := range []string{
		"%s: report", "%s — %s", "%s (%s)", "%s, sources say", "Sources: %s", "Report: %s",
		"%s, officials say", "Officials say %s", "%s, per sources", "%s, %s reports", "%s, say sources",
		"%s: sources", "Exclusive: %s, sources say",
	} {
		h := upperFirst(st.headlines[i%nH].clause())
		var text string
		switch strings.Count(form, "%s") {
		case 2:
			tag := "WSJ"
			if st.id == "aspartame-iarc" {
				tag = "Reuters"
			}
			text = fmt.Sprintf(form, h, tag)
		default:
			text = fmt.Sprintf(form, h)
		}
		add("headline label", strings.Replace(strings.Replace(form, "%s", "H", 1), "%s", "TAG", 1), "headline", "pass", text)
	}
	// Leaks (a leak is where the aspartame claim comes from).
	if st.id == "aspartame-iarc" {
		add("leak", "leaked findings", "summary", "pass", fmt.Sprintf("%s, according to leaked findings.", st.summary[0].sentence()))
		add("leak", "in a leak", "summary", "pass", fmt.Sprintf("In a leak ahead of the official announcement, it emerged that %s.", st.summary[1].clause()))
		add("leak", "headline: leaked", "headline", "pass", fmt.Sprintf("Leaked: %s", upperFirst(st.headlines[0].clause())))
		add("leak", "headline: leak says", "headline", "pass", fmt.Sprintf("%s, leak shows", upperFirst(st.headlines[1].clause())))
	}
	// Prospective verbs say nothing of where a claim comes from.
	for i, c := range st.prospective {
		f := "prospective: " + c.aux
		add(f, "alone", "summary", "fail", c.sentence()+".")
		add(f, "headline alone", "headline", "partial", upperFirst(c.clause()))
		add(f, "with sources", "summary", "pass", fmt.Sprintf("%s, %s said.", c.sentence(), st.sources[i].name))
		add(f, "headline with sources", "headline", "pass", fmt.Sprintf("%s, sources say", upperFirst(c.clause())))
		add(f, "will reportedly", "summary", "partial", upperFirst(joinWords(c.subj, "will reportedly", c.vp))+".")
	}
	// Questions: a question does not attribute; attribution in it does.
	add("question", "headline: unattributed", "headline", "partial", "Did "+strings.TrimSuffix(questionOf(st), "?")+"?")
	add("question", "headline: attributed", "headline", "pass", "Did "+strings.TrimSuffix(questionOf(st), "?")+"? Sources say yes")
	// Not attribution: the claim told bare, the subject's own speech, a
	// named person the source does not quote, a report of something else,
	// the subject's own people as the source.
	for i, c := range st.summary {
		add("none", "bare", "summary", "fail", c.sentence()+".")
		add("none", "headline bare", "headline", "partial", upperFirst(st.headlines[i].clause()))
		add("none", "report of something else", "summary", "fail", c.sentence()+". "+st.reportElsewhere)
		add("named", "C, NAME said", "summary", "fail", fmt.Sprintf("%s, %s said.", c.sentence(), st.named))
		add("named", "according to NAME", "summary", "fail", fmt.Sprintf("According to %s, %s.", st.named, c.clause()))
	}
	for i, s := range st.subjectSpeech {
		add("subject's speech", "summary", "summary", "fail", s)
		add("subject's speech", "headline", "headline", st.subjectHeadlineWant, st.subjectHeadline[i])
	}
	// More English of the same classes: other tenses and descriptions of
	// the people, the outlet told or telling, a report's word in a
	// headline's tail.
	{
		c := st.summary[0]
		h := upperFirst(st.headlines[0].clause())
		tag := "WSJ"
		if st.id == "aspartame-iarc" {
			tag = "Reuters"
		}
		for _, x := range []struct{ con, kind, want, text string }{
			{"had said", "summary", "pass", fmt.Sprintf("Officials had said %s.", c.clause())},
			{"quoted as saying", "summary", "pass", fmt.Sprintf("Officials were quoted as saying %s.", c.clause())},
			{"told reporters", "summary", "pass", fmt.Sprintf("%s, officials told reporters.", c.sentence())},
			{"speaking to OUTLET", "summary", "pass", fmt.Sprintf("Speaking to %s on condition of anonymity, officials said %s.", st.outlet, c.clause())},
			{"officials who spoke", "summary", "pass", fmt.Sprintf("Officials who spoke on condition of anonymity said %s.", c.clause())},
			{"one official", "summary", "pass", fmt.Sprintf("%s, one official said.", c.sentence())},
			{"an official familiar", "summary", "pass", fmt.Sprintf("%s, according to an official familiar with the matter.", c.sentence())},
			{"sources said Thursday", "summary", "pass", fmt.Sprintf("%s, sources said Thursday.", c.sentence())},
			{"people who asked", "summary", "pass", fmt.Sprintf("People who asked not to be identified said %s.", c.clause())},
			{"the people said", "summary", "pass", fmt.Sprintf("%s, the people said.", c.sentence())},
			{"citing anonymous sources", "summary", "pass", fmt.Sprintf("%s, %s reported, citing anonymous sources.", c.sentence(), st.outlet)},
			{"OUTLET has learned", "summary", "partial", fmt.Sprintf("%s has learned that %s.", upperFirst(st.outlet), c.clause())},
			{"in a report", "summary", "partial", fmt.Sprintf("In a report published Thursday, %s said %s.", st.outlet, c.clause())},
			{"a report that", "summary", "partial", fmt.Sprintf("A report that %s has drawn reactions.", c.clause())},
			{"headline: sources tell TAG", "headline", "pass", fmt.Sprintf("Sources tell %s: %s", tag, h)},
			{"headline: via TAG", "headline", "pass", fmt.Sprintf("%s (via %s)", h, tag)},
			{"headline: TAG:", "headline", "pass", fmt.Sprintf("%s: %s", tag, h)},
			{"headline: H, reportedly", "headline", "pass", h + ", reportedly"},
			{"headline: H, per report", "headline", "pass", h + ", per report"},
			{"headline: H - report says", "headline", "pass", h + " - report says"},
			{"headline: H, insiders say", "headline", "pass", h + ", insiders say"},
			{"headline: officials tell TAG", "headline", "pass", fmt.Sprintf("Officials tell %s %s", tag, st.headlines[1].clause())},
		} {
			add("more English", x.con, rubric.Kind(x.kind), x.want, x.text)
		}
	}
	// Near misses of the constructions above: the people as the subject
	// of their own perfect, as the object told before a comma, the
	// subject's own people after "per" or telling the outlet.
	for _, nm := range st.nearMisses {
		add("near miss", nm.construction, nm.kind, nm.want, nm.text)
	}
	if st.id == "volt-typhoon-geneva" {
		c := st.summary[0]
		add("subject's people", "according to Chinese officials", "summary", "fail", fmt.Sprintf("According to Chinese officials, %s.", st.summary[1].clause()))
		add("reading", "officials interpreted", "summary", "fail", "In Geneva, a Chinese official linked the port hacks to Taiwan; U.S. officials interpreted the remarks as a tacit admission.")
		add("side detail", "reportedly on a side detail", "summary", "fail", c.sentence()+", and the Americans were reportedly stunned.")
	} else {
		add("subject's people", "according to IARC", "summary", "fail", fmt.Sprintf("According to IARC, %s.", st.summary[0].clause()))
		add("subject's people", "IARC said it would", "summary", "fail", "IARC said it would list aspartame as possibly carcinogenic in July.")
		add("act to come", "will report", "summary", "fail", "IARC will list aspartame as possibly carcinogenic and will report its findings on July 14.")
	}
	return out
}

func questionOf(st attrStory) string {
	if st.id == "volt-typhoon-geneva" {
		return "China just acknowledge its role in the Volt Typhoon hacks"
	}
	return "the WHO's cancer agency just decide to list aspartame as a possible carcinogen"
}

func joinWords(ws ...string) string {
	var out []string
	for _, w := range ws {
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// TestSourcingTable grades the generated attribution table on both
// stories and holds its floor: at most the misses left when it was written
// (attr12: volt 8 of 397, 7 since the session's later helpers, aspartame
// 4 of 411; at first contact, before the lexicon's changes, 53 and 44); run
// with -v to read the coverage by family, construction and wanted verdict,
// and the misses.
func TestSourcingTable(t *testing.T) {
	floors := map[string]int{"volt-typhoon-geneva": 7, "aspartame-iarc": 4}
	for _, st := range attrStories {
		t.Run(st.id, func(t *testing.T) {
			miss := runProbeTable(t, st.id, "sourcing", sourcingProbes(st))
			if len(miss) > floors[st.id] {
				for _, p := range miss {
					t.Errorf("sourcing of %s %q = %s", p.kind, p.text, p.want)
				}
				t.Errorf("%d misses, the floor allows %d", len(miss), floors[st.id])
			}
		})
	}
}
