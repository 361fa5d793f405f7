package rubrics_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// The neighbour table (issues 12 and 13): texts on the subjects the desks'
// guides name as neighbouring stories (GRADING.md and the aspartame guide,
// "Is it about this story?"), generated from templates: subject ×
// construction (headline grammar, a summary sentence, a question, a quote,
// a dateline) × how many of the story's words the text shares (none, the
// actor or agency, the place, the campaign or substance, the targets or the
// harm). Each must be routed to no story. Beside them, the on-story near
// misses: texts about the story itself that mention a neighbour in passing,
// which must be routed to the story. Nothing here comes from a case file:
// the subjects are the guides', their facts public record (the Treasury and
// Salt Typhoon breaches, the advisories, the Geneva trade talks; the official
// July 14 announcement, the sweetener studies, IARC's other listings), the
// wordings written here.

// neighbourProbe is one generated text and the story it must be routed to.
type neighbourProbe struct {
	subject, construction, share string
	want, text                   string
}

// neighbourSubject is one neighbouring subject: its templates per
// construction, with slots {A} (capitalised) / {a} and {X} (a tail), and the
// fillings per share of the story's words.
type neighbourSubject struct {
	name   string
	tpl    map[string]string   // construction → template
	shares map[string][]string // share → {A, headline tail, summary tail}
}

func fill(tpl string, f []string) string {
	headTail, sumTail := f[1], f[2]
	s := strings.NewReplacer("{A}", upperFirst(f[0]), "{a}", f[0], "{XH}", headTail, "{XS}", sumTail).Replace(tpl)
	return strings.TrimSpace(s)
}

// voltShares are the volt story's words a neighbour may share: none, the
// actor (China), the place (Geneva), the campaign (Volt Typhoon), the
// targets (water utilities, ports); {A} is the subject's own actor.
func voltShares(neutral, china string) map[string][]string {
	return map[string][]string{
		"none":                 {neutral, "", ""},
		"actor":                {china, "", ""},
		"place":                {china, " as diplomats gather in Geneva", " The news came as diplomats gathered in Geneva."},
		"place, talks to come": {china, " ahead of talks in Geneva", " It comes ahead of next week's talks in Geneva."},
		"place, convening":     {china, " while envoys convene in Geneva", " Envoys were convening in Geneva at the time."},
		"month":                {china, " in December", " It happened in December."},
		"campaign":             {china, " amid Volt Typhoon fears", " Officials are also still tracking Volt Typhoon."},
		"targets":              {china, ", water utilities on alert", " Water utilities and ports were told to check their networks."},
	}
}

var voltNeighbours = []neighbourSubject{
	{"treasury breach", map[string]string{
		"headline": "{A} breach Treasury Department workstations{XH}",
		"summary":  "{A} broke into Treasury Department workstations through a vendor, the department told lawmakers on Monday.{XS}",
		"question": "How did {a} get inside the Treasury{XH}?",
		"quote":    "'A major incident': {a} breached the Treasury, the department says{XH}",
		"dated":    "Dec. 30, 2024: {A} breached the Treasury's systems via a vendor{XH}",
	}, voltShares("hackers", "Chinese state hackers")},
	{"salt typhoon", map[string]string{
		"headline": "{A} behind Salt Typhoon tapped U.S. telecom networks{XH}",
		"summary":  "{A} in the Salt Typhoon campaign broke into at least eight U.S. telecom carriers and listened to calls, the FBI said.{XS}",
		"question": "Are {a} still inside U.S. phone networks{XH}?",
		"quote":    "'The worst telecom hack in our history,' senator says of {a}{XH}",
		"dated":    "Nov. 13, 2024: FBI says {a} stole call records from U.S. carriers{XH}",
	}, voltShares("hackers", "Chinese hackers")},
	{"advisory", map[string]string{
		"headline": "CISA warns {a} are lurking in U.S. critical infrastructure{XH}",
		"summary":  "A joint advisory from CISA, the NSA and the FBI said {a} had kept access to some U.S. networks for at least five years.{XS}",
		"question": "How long have {a} been hiding in U.S. networks{XH}?",
		"quote":    "'Pre-positioning' for disruption: advisory says {a} sit in U.S. networks{XH}",
		"dated":    "Feb. 7, 2024: agencies issue advisory on {a} in U.S. networks{XH}",
	}, voltShares("state-backed hackers", "Chinese state-backed hackers")},
	{"general denial", map[string]string{
		"headline": "{A} rejects hacking accusations as groundless{XH}",
		"summary":  "{A} said on Tuesday that the hacking accusations were groundless and that it firmly opposes all forms of cyberattacks.{XS}",
		"question": "Why does {a} keep denying the hacks{XH}?",
		"quote":    "'We firmly oppose all cyberattacks,' {a} says{XH}",
		"dated":    "April 2024: {A} dismisses U.S. hacking claims as smears{XH}",
	}, voltShares("a foreign ministry spokesperson", "China's foreign ministry")},
	{"geneva trade talks", map[string]string{
		"headline": "{A} agree to cut tariffs after Geneva talks{XH}",
		"summary":  "{A} met in Geneva over the weekend and agreed to a 90-day pause on most tariffs.{XS}",
		"question": "Will the Geneva truce between {a} hold{XH}?",
		"quote":    "'Substantial progress,' {a} say after Geneva trade talks{XH}",
		"dated":    "May 12, 2025: {A} announce a tariff truce in Geneva{XH}",
	}, voltShares("trade negotiators", "U.S. and Chinese negotiators")},
	{"indictment", map[string]string{
		"headline": "Justice Department indicts seven {a} over cyber espionage{XH}",
		"summary":  "Federal prosecutors charged seven {a} over a years-long campaign against U.S. companies and critics.{XS}",
		"question": "Will the indicted {a} ever stand trial{XH}?",
		"quote":    "'A brazen scheme': DOJ charges {a} in hacking case{XH}",
		"dated":    "March 25, 2024: U.S. indicts {a} linked to APT31{XH}",
	}, voltShares("hackers", "Chinese hackers")},
	{"counter-accusation", map[string]string{
		"headline": "{A} accuses NSA of hacking its universities{XH}",
		"summary":  "{A} said on Thursday that NSA operatives had broken into a university's networks and named three alleged agents.{XS}",
		"question": "Is {a} right that the NSA hacked its universities{XH}?",
		"quote":    "'Extremely malicious': {a} says U.S. spies hacked its networks{XH}",
		"dated":    "April 15, 2025: {A} names alleged NSA agents over cyberattacks{XH}",
	}, voltShares("a government", "China")},
	{"taiwan drills", map[string]string{
		"headline": "{A} stages large-scale drills around Taiwan{XH}",
		"summary":  "{A} sent warships and jets around Taiwan on Monday in drills it called a warning to separatists.{XS}",
		"question": "Is {a} rehearsing a blockade of Taiwan{XH}?",
		"quote":    "'A stern warning': {a} encircles Taiwan in drills{XH}",
		"dated":    "Dec. 9, 2024: {A} masses ships near Taiwan{XH}",
	}, voltShares("the military", "China")},
	{"volt activity report", map[string]string{
		"headline": "Microsoft says {a} targeted Guam's infrastructure{XH}",
		"summary":  "Microsoft said {a} it calls Volt Typhoon had targeted communications and utilities in Guam since 2021.{XS}",
		"question": "What is {a} doing in Guam's networks{XH}?",
		"quote":    "'Living off the land': how {a} hid in Guam's networks{XH}",
		"dated":    "May 24, 2023: Microsoft exposes {a} in Guam{XH}",
	}, voltShares("a state-backed group", "a Chinese state-backed group")},
	{"congressional testimony", map[string]string{
		"headline": "FBI director warns {a} are poised to wreak havoc{XH}",
		"summary":  "FBI Director Christopher Wray told a House committee that {a} were preparing to strike U.S. infrastructure.{XS}",
		"question": "Are {a} ready to strike{XH}?",
		"quote":    "'Ready to attack': Wray testifies on {a}{XH}",
		"dated":    "Jan. 31, 2024: Wray tells Congress {a} target U.S. infrastructure{XH}",
	}, voltShares("hackers", "Chinese hackers")},
	{"flax typhoon sanctions", map[string]string{
		"headline": "Treasury sanctions firm tied to {a} behind Flax Typhoon{XH}",
		"summary":  "The Treasury Department sanctioned a Beijing cybersecurity company it said had helped {a} in the Flax Typhoon intrusions.{XS}",
		"question": "Will sanctions stop {a} behind Flax Typhoon{XH}?",
		"quote":    "'Malicious cyber actors': Treasury sanctions firm over {a}{XH}",
		"dated":    "Jan. 3, 2025: Treasury sanctions company aiding {a}{XH}",
	}, voltShares("hackers", "Chinese hackers")},
	{"volt called a ransomware gang", map[string]string{
		"headline": "{A} says Volt Typhoon is a ransomware gang, not a state campaign{XH}",
		"summary":  "{A} published a report calling Volt Typhoon a criminal ransomware group and accusing U.S. agencies of inventing the threat.{XS}",
		"question": "Is Volt Typhoon just a ransomware gang, as {a} claims{XH}?",
		"quote":    "'A political farce': {a} on Volt Typhoon{XH}",
		"dated":    "April 15, 2024: {A} calls Volt Typhoon a criminal group{XH}",
	}, voltShares("a cybersecurity center's report", "China's national virus response center")},
	{"leaders' cyber talks", map[string]string{
		"headline": "{A} discuss cyber threats and fentanyl at California summit{XH}",
		"summary":  "{A} met outside San Francisco and agreed to resume military talks, with cyber threats on the agenda.{XS}",
		"question": "Did the summit between {a} ease cyber tensions{XH}?",
		"quote":    "'Frank and constructive': {a} talk cyber at Woodside{XH}",
		"dated":    "Nov. 15, 2023: {A} meet at Woodside, cyber on the agenda{XH}",
	}, voltShares("two leaders", "Biden and Xi")},
	{"un rights council", map[string]string{
		"headline": "{A} clash over Xinjiang at U.N. rights council{XH}",
		"summary":  "{A} traded accusations over Xinjiang and Hong Kong at the U.N. Human Rights Council.{XS}",
		"question": "Why did {a} clash at the rights council{XH}?",
		"quote":    "'Groundless smears': {a} spar at U.N. rights council{XH}",
		"dated":    "Dec. 5, 2024: {A} clash at the U.N. rights council{XH}",
	}, voltShares("diplomats", "U.S. and Chinese diplomats")},
}

// datedOtherwise are the neighbours whose event has its own month (the
// Geneva trade talks in May, the leaders' summit in November): told in
// December they are no longer the event they name, so the month share
// leaves them out.
var datedOtherwise = map[string]bool{"geneva trade talks": true, "leaders' cyber talks": true}

// voltOnStory are the story told in one clause beside a neighbour: a
// leading clause, a sentence before or after, a headline's tail.
var voltOnStory = []struct{ construction, lead, trail, headTail string }{
	{"story clause first", "Months after a Chinese official tacitly acknowledged the Volt Typhoon hacks at a secret Geneva meeting, ", "", ""},
	{"story sentence after", "", " In December, a Chinese official had tacitly linked the hacks on U.S. infrastructure to Taiwan, the Journal reported.", ""},
	{"story headline tail", "", "", ", months after China's tacit admission in Geneva"},
	{"story signalled", "", " That came after Chinese officials signalled in a secret meeting that Beijing was behind the water and port hacks.", ""},
}

// aspNeighbour fillings: {A} is the subject's words for the substance or
// the agency, per share; the tails are empty (the subjects carry the words).
func aspShares(m map[string]string) map[string][]string {
	out := map[string][]string{}
	for k, v := range m {
		out[k] = []string{v, "", ""}
	}
	return out
}

var aspNeighbours = []neighbourSubject{
	{"official announcement", map[string]string{
		"headline": "{A} formally labels aspartame 'possibly carcinogenic'",
		"summary":  "On Friday {a} classified aspartame as possibly carcinogenic to humans, while a separate committee kept the acceptable daily intake at 40 mg per kilogram of body weight.",
		"question": "Aspartame is now officially a possible carcinogen, {a} says. Should you still drink diet soda?",
		"quote":    "'Limited evidence' of cancer: {a} listed aspartame as a possible carcinogen on Friday",
		"dated":    "GENEVA, July 14 (Reuters) - {A} declared aspartame a possible carcinogen on Friday.",
	}, aspShares(map[string]string{"agency": "the WHO's cancer agency", "agency by name": "IARC", "parent body": "the World Health Organization"})},
	{"jecfa intake alone", map[string]string{
		"headline": "{A} reaffirms 40 mg/kg daily limit for aspartame",
		"summary":  "{A} said aspartame remains safe at up to 40 milligrams per kilogram of body weight a day, leaving its 1981 limit unchanged.",
		"question": "Is aspartame safe at 40 mg/kg a day? {A} says yes",
		"quote":    "'No sufficient reason to change': {a} keeps aspartame intake limit",
		"dated":    "July 14, 2023: {A} keeps daily intake of aspartame unchanged",
	}, aspShares(map[string]string{"none": "a food safety panel", "committee by name": "JECFA", "agency": "the WHO's food additives committee"})},
	{"french cohort study", map[string]string{
		"headline": "{A} linked to higher cancer risk in French study of 100,000 adults",
		"summary":  "A 2022 study of 102,865 French adults found that people who consumed more {a} had a slightly higher risk of cancer.",
		"question": "Does {a} raise cancer risk? A French cohort study says maybe",
		"quote":    "'A higher risk of cancer': French researchers on {a}",
		"dated":    "March 24, 2022: French study ties {a} to cancer",
	}, aspShares(map[string]string{"none": "artificial sweeteners", "substance": "aspartame", "substance and drinks": "aspartame in diet sodas"})},
	{"erythritol study", map[string]string{
		"headline": "Sweetener erythritol tied to heart attack and stroke{A}",
		"summary":  "Researchers at the Cleveland Clinic found higher blood levels of erythritol were linked to heart attacks and strokes{A}.",
		"question": "Is erythritol bad for your heart{A}?",
		"quote":    "'Cause for concern': study links erythritol to blood clots{A}",
		"dated":    "Feb. 27, 2023: study ties erythritol to heart risks{A}",
	}, aspShares(map[string]string{"none": "", "substance": ", unlike aspartame", "harm": ", not cancer", "agency": " as the WHO reviews sweeteners"})},
	{"sucralose study", map[string]string{
		"headline": "Sucralose chemical damages DNA, study finds{A}",
		"summary":  "A study found a chemical formed when sucralose is digested damaged DNA in lab tests{A}.",
		"question": "Is sucralose genotoxic{A}?",
		"quote":    "'Genotoxic': study says sucralose byproduct breaks DNA{A}",
		"dated":    "May 31, 2023: study finds sucralose compound damages DNA{A}",
	}, aspShares(map[string]string{"none": "", "substance": ", a rival of aspartame", "harm": " and may raise cancer risk"})},
	{"other iarc listing", map[string]string{
		"headline": "{A} classifies {x} as probably carcinogenic to humans",
		"summary":  "In 2015 {a} classified {x} as probably carcinogenic to humans.",
		"question": "Is {x} a cancer risk? {A} says probably",
		"quote":    "'Probably carcinogenic': {a} on {x}",
		"dated":    "March 20, 2015: {A} lists {x} as a probable carcinogen",
	}, nil},
	{"weight guideline", map[string]string{
		"headline": "{A} advises against sugar substitutes for weight loss",
		"summary":  "{A} issued a guideline in May advising against non-sugar sweeteners for weight control, saying they bring no long-term benefit.",
		"question": "Do sweeteners help you lose weight? {A} says no",
		"quote":    "'No long-term benefit': {a} guideline on sweeteners and weight",
		"dated":    "May 15, 2023: {A} advises against sweeteners for weight control",
	}, aspShares(map[string]string{"none": "a health body", "agency": "the WHO", "agency by name": "the World Health Organization"})},
	{"prop 65", map[string]string{
		"headline": "California adds {x} to Proposition 65 list of carcinogens",
		"summary":  "California's OEHHA added {x} to its Proposition 65 list of chemicals known to cause cancer.",
		"question": "Why did California list {x} under Prop 65?",
		"quote":    "'Known to the state to cause cancer': California lists {x}",
		"dated":    "Dec. 2, 2022: California lists {x} under Proposition 65",
	}, nil},
	{"fda disagrees", map[string]string{
		"headline": "FDA disagrees with {a}'s conclusion on aspartame",
		"summary":  "The FDA said on Friday it disagreed with {a}'s conclusion that aspartame is a possible carcinogen, citing shortcomings in the studies.",
		"question": "Who is right about aspartame, the FDA or {a}?",
		"quote":    "'Significant shortcomings': FDA rejects {a}'s aspartame ruling",
		"dated":    "July 14, 2023: FDA disagrees with {a} on aspartame",
	}, aspShares(map[string]string{"agency": "the WHO", "agency by name": "IARC"})},
	{"other possible listing", map[string]string{
		"headline": "{A} classifies {x} as possibly carcinogenic to humans",
		"summary":  "In 2011 {a} classified {x} as possibly carcinogenic to humans, its Group 2B.",
		"question": "Is {x} a cancer risk? {A} says possibly",
		"quote":    "'Possibly carcinogenic': {a} on {x}",
		"dated":    "May 31, 2011: {A} lists {x} as a possible carcinogen",
	}, nil},
	{"aspartame other harm study", map[string]string{
		"headline": "{A} linked to anxiety in mice, study finds",
		"summary":  "Researchers at Florida State University found that mice given {a} in their water showed signs of anxiety that passed to their offspring.",
		"question": "Can {a} make you anxious? A mouse study says maybe",
		"quote":    "'Anxiety-like behavior': study on {a} in mice",
		"dated":    "Dec. 7, 2022: study ties {a} to anxiety in mice",
	}, aspShares(map[string]string{"none": "an artificial sweetener", "substance": "aspartame", "substance and drinks": "aspartame in diet drinks"})},
	{"efsa safety review", map[string]string{
		"headline": "{A} finds aspartame safe at current levels of exposure",
		"summary":  "{A} concluded after a full review that aspartame and its breakdown products are safe for the general population at current levels of exposure.",
		"question": "Is aspartame safe? {A} says yes",
		"quote":    "'Safe at current levels': {a} on aspartame",
		"dated":    "Dec. 10, 2013: {A} declares aspartame safe",
	}, aspShares(map[string]string{"none": "Europe's food safety authority", "agency by name": "EFSA", "regulator": "the European regulator"})},
	{"reformulation", map[string]string{
		"headline": "{A} drops aspartame from Diet Pepsi after sales slump",
		"summary":  "{A} said it would replace aspartame in Diet Pepsi with sucralose, citing consumer concerns, as diet soda sales fell.",
		"question": "Will Diet Pepsi sell better without aspartame, as {a} hopes?",
		"quote":    "'Consumers asked for it': {a} swaps aspartame out of Diet Pepsi",
		"dated":    "April 24, 2015: {A} removes aspartame from Diet Pepsi",
	}, aspShares(map[string]string{"none": "the soda maker", "maker by name": "PepsiCo"})},
}

// aspThing fills a listing's template: the agency ({A}, {a}) and the
// substance listed ({x}), per share of the story's words.
type aspThing struct{ share, agency, thing string }

// aspThings are the listings' fillings: IARC's other listings (its
// probable and its possible categories) by the agency's names, and
// California's Proposition 65 list by the substance.
var aspThings = map[string][]aspThing{
	"other iarc listing": {
		{"agency", "the WHO's cancer agency", "glyphosate"},
		{"agency by name", "IARC", "red meat"},
		{"parent body", "the World Health Organization", "talc"},
	},
	"other possible listing": {
		{"agency", "the WHO's cancer agency", "mobile phone radiation"},
		{"agency by name", "IARC", "aloe vera extract"},
		{"parent body", "the World Health Organization", "pickled vegetables"},
	},
	"prop 65": {
		{"none", "", "a weed killer"},
		{"substance", "", "aspartame"},
		{"harm", "", "a cancer-causing dye"},
	},
}

// aspOnStory are the leak told beside a neighbour in passing.
var aspOnStory = []struct{ construction, story string }{
	{"story headline", "WHO's cancer arm to list aspartame as possible carcinogen, sources say"},
	{"story summary", "The WHO's cancer research agency IARC will list aspartame as possibly carcinogenic next month, two sources told Reuters."},
	{"story passive", "Aspartame, the sweetener in Diet Coke, is set to be called a possible cancer risk by IARC, according to sources."},
}

var aspPassing = []struct{ subject, clause string }{
	{"french cohort study", "a 2022 French study had linked artificial sweeteners to a higher cancer risk"},
	{"other iarc listing", "the agency listed glyphosate as probably carcinogenic in 2015"},
	{"jecfa intake alone", "JECFA is reviewing the daily intake limit at the same time"},
	{"weight guideline", "the WHO advised in May against sweeteners for weight control"},
	{"erythritol study", "a study in February tied erythritol to heart attacks"},
}

var constructions = []string{"headline", "summary", "question", "quote", "dated"}

// neighbourProbes builds both stories' tables.
func neighbourProbes() map[string][]neighbourProbe {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	out := map[string][]neighbourProbe{}
	add := func(story, subj, con, share, want, text string) {
		out[story] = append(out[story], neighbourProbe{subj, con, share, want, text})
	}
	shareKeys := func(m map[string][]string) []string {
		ks := make([]string, 0, len(m))
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	for _, s := range voltNeighbours {
		for _, c := range constructions {
			for _, sh := range shareKeys(s.shares) {
				if sh == "month" && datedOtherwise[s.name] {
					continue
				}
				add(volt, s.name, c, sh, "", fill(s.tpl[c], s.shares[sh]))
			}
		}
		// on-story near misses: the neighbour told beside the story
		china := s.shares["actor"]
		for _, o := range voltOnStory {
			var text string
			switch {
			case o.lead != "":
				text = o.lead + lowerFirst(fill(s.tpl["summary"], china))
			case o.trail != "":
				text = fill(s.tpl["summary"], china) + o.trail
			default:
				text = fill(s.tpl["headline"], china) + o.headTail
			}
			add(volt, s.name, o.construction, "story", volt, text)
		}
	}
	for _, s := range aspNeighbours {
		for _, c := range constructions {
			if things, ok := aspThings[s.name]; ok {
				for _, l := range things {
					t := strings.ReplaceAll(s.tpl[c], "{x}", l.thing)
					add(asp, s.name, c, l.share, "", fill(t, []string{l.agency, "", ""}))
				}
				continue
			}
			for _, sh := range shareKeys(s.shares) {
				add(asp, s.name, c, sh, "", fill(s.tpl[c], s.shares[sh]))
			}
		}
	}
	// derived constructions: the headline in Title Case and under a
	// publication's label, and a deck over its body (headline, summary)
	for story, ps := range out {
		heads := map[string]string{}
		for _, p := range ps {
			if p.construction == "headline" && p.want == "" {
				heads[p.subject+"|"+p.share] = p.text
				add(story, p.subject, "title case", p.share, "", titleCase(p.text))
				add(story, p.subject, "label", p.share, "", "Report: "+p.text)
			}
		}
		for _, p := range ps {
			if h, ok := heads[p.subject+"|"+p.share]; ok && p.construction == "summary" {
				add(story, p.subject, "deck and body", p.share, "", h+"\n\n"+p.text)
			}
		}
	}
	// the leak told beside each neighbour that precedes it (not the
	// official event, JECFA's reaffirmed intake or the reactions to them,
	// which come after the leak)
	for _, s := range aspNeighbours {
		if s.name == "official announcement" || s.name == "jecfa intake alone" || s.name == "fda disagrees" || s.shares == nil {
			continue
		}
		f := s.shares[shareKeys(s.shares)[0]]
		add(asp, s.name, "story headline tail", "story", asp, fill(s.tpl["headline"], f)+", as IARC readies 'possible carcinogen' label for aspartame, sources say")
		add(asp, s.name, "story sentence after", "story", asp, fill(s.tpl["summary"], f)+" Separately, two sources told Reuters that the WHO's cancer agency will list aspartame as possibly carcinogenic in July.")
	}
	for _, o := range aspOnStory {
		for _, p := range aspPassing {
			var text string
			if o.construction == "story headline" {
				text = o.story + "; " + p.clause
			} else {
				text = o.story + " Meanwhile, " + p.clause + "."
			}
			add(asp, p.subject, o.construction, "story", asp, text)
		}
	}
	return out
}

// TestNeighbourTable routes the generated neighbours (and the on-story near
// misses) and holds the floor of misses: first contact on main e1e4938 was
// volt 711/936 and aspartame 324/333; the misses left (neighbour12) are the
// volt story told only as "China's tacit admission in Geneva" beside the
// trade talks, and four aspartame texts that do not say the ruling was made
// (a question, "FDA disagrees" under a "Report:" label, the WHO's food
// additives committee as the agency). Run with -v for the coverage per
// subject, construction and share of story words, and every miss.
func TestNeighbourTable(t *testing.T) {
	set := load(t)
	floors := map[string]int{"volt-typhoon-geneva": 1, "aspartame-iarc": 4}
	probes := neighbourProbes()
	for _, story := range []string{"volt-typhoon-geneva", "aspartame-iarc"} {
		t.Run(story, func(t *testing.T) {
			c := newCoverage("subject", "construction", "share", "wanted")
			var miss []string
			ps := probes[story]
			for _, p := range ps {
				got := set.Route(p.text).Chosen
				wantKey := "refused"
				if p.want != "" {
					wantKey = "routed to the story"
				}
				c.add(got == p.want, p.subject, p.construction, p.share, wantKey)
				if got != p.want {
					miss = append(miss, fmt.Sprintf("miss [%s | %s | %s] %q: got %q, want %q", p.subject, p.construction, p.share, p.text, got, p.want))
				}
			}
			c.log(t, story)
			holdFloor(t, story+" routed", len(ps), miss, floors[story])
		})
	}
}

// TestNeighbourTableClasses checks the lexicon entries behind the classes
// the table found missing, with near misses: a gathering of many parties or
// one to come at the meeting's place (other_gathering), which the volt story
// reads as a neighbour, and a ruling rejected or disputed, which says it
// was made (ruling_reacted).
func TestNeighbourTableClasses(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"other_gathering", volt, "as delegates gather in Geneva", true},
		{"other_gathering", volt, "ministers convened in Vienna", true},
		{"other_gathering", volt, "ahead of next week's summit", true},
		{"other_gathering", volt, "the upcoming conference in Geneva", true},
		{"other_gathering", volt, "Chinese officials met U.S. counterparts in Geneva", false},
		{"other_gathering", volt, "at a secret meeting in Geneva in December", false},
		{"other_gathering", volt, "the envoys did not gather in Geneva", false},
		{"ruling_reacted", asp, "the FDA rejects the WHO's aspartame ruling", true},
		{"ruling_reacted", asp, "regulators dispute IARC's conclusion on aspartame", true},
		{"ruling_reacted", asp, "industry rejects IARC's expected ruling on aspartame", false},
		{"ruling_reacted", asp, "the FDA rejects a petition on aspartame", false},
		{"ruling_reacted", asp, "diet soda drinkers shrug off the WHO's aspartame verdict", true},
		{"ruling_reacted", asp, "health experts react to IARC's classification", true},
		{"ruling_reacted", asp, "industry reacts to the WHO's expected aspartame classification", false},
		{"ruling_reacted", asp, "experts react to news of a coming IARC ruling", false},
		{"official_done", asp, "JECFA keeps ADI at 40 mg/kg", true},
		{"official_done", asp, "the ADI stays unchanged", true},
		{"official_done", asp, "JECFA is expected to keep its ADI", false},
	})
	runRouteCases(t, []routeCase{
		// a neighbour with a gathering at the meeting's place as its backdrop
		{"Treasury breach as envoys gather", "Chinese hackers breach Treasury as envoys gather in Geneva", ""},
		{"indictment ahead of talks", "U.S. charges Chinese hackers ahead of talks in Geneva", ""},
		{"Wray, convening", "Wray says Chinese hackers target U.S. grids while ministers convene in Geneva", ""},
		// the story beside a gathering: still the story
		{"admission as envoys gather", "China tacitly admitted the water hacks, officials say, as envoys gather in Geneva", volt},
		{"meeting in December beside a gathering", "At a December meeting in Geneva, a Chinese official linked the port hacks to Taiwan; diplomats gather there again next week", volt},
		{"met in Geneva, hacks", "Chinese officials met U.S. counterparts in Geneva and discussed the hacks on American ports", volt},
		// sanctions on a firm or people are another story; sanctions as a
		// response to the story's acknowledgment are not
		{"sanctions on a hacking firm", "Beijing hints it could hit back after U.S. sanctions on Chinese hacking firm", ""},
		{"Treasury sanctions a firm", "Treasury sanctions Chinese firm tied to Flax Typhoon hacks", ""},
		{"answered with sanctions", "China tacitly admitted the water utility hacks, and Washington answered with sanctions", volt},
		{"Congress wants sanctions", "China all but confessed to the port hacks. Congress now wants sanctions.", volt},
		// the official event by JECFA's kept ADI, or a reaction to the ruling
		{"JECFA keeps ADI", "WHO: aspartame is possibly carcinogenic to humans (Group 2B); JECFA keeps ADI at 40 mg/kg", ""},
		{"drinkers shrug off the verdict", "Diet Coke drinkers shrug off WHO's aspartame verdict", ""},
		{"leak, JECFA expected to keep ADI", "IARC will call aspartame possibly carcinogenic, sources say; JECFA is expected to keep its ADI", asp},
		// the official event by a rejection, or a timeline's date on the day
		{"FDA rejects the ruling", "'Flawed': FDA rejects IARC's aspartame ruling", ""},
		{"dated July 14, 2023", "July 14, 2023: FDA disagrees with the WHO on aspartame", ""},
		{"leak, industry rejects the expected ruling", "Industry rejects IARC's expected aspartame ruling, sources say the agency will call it possibly carcinogenic", asp},
		{"leak due July 14", "IARC will call aspartame possibly carcinogenic on July 14, two sources say", asp},
	})
}
