package rubrics_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// The about-elements table (issues 12 and 13, aboutclass12): the parts the
// guides' "Is it about this story?" is composed of (docs/RUBRICS.md,
// "Elements and counts"), each described the ways English describes it
// without its usual name, × the constructions a text tells the story in.
// Volt Typhoon: the actor (China's government, officials, envoys, the
// country by its descriptions), the deed (cyberattacks, intrusions,
// break-ins, infiltration, planted malware, prepositioning, the campaign),
// the event (the meeting told as secret, closed-door or private, a summit,
// talks, a session, by its place or its time). Aspartame: the agent (the
// WHO's cancer arm by its descriptions), the substance (the sweetener by its
// kind, use and brands), the claim (a possible cancer cause, a label, a
// list). Each probe describes one element and names the others plainly
// ("one"), or describes every element at once ("all", the descriptions
// rotated). Every text is about the story by the guides: China acknowledging
// or hinting at the deed, or the meeting itself; the agency about to list
// the substance. The near misses share the described elements but tell a
// neighbouring story (GRADING.md's: trade talks, a general denial, an
// advisory; the aspartame guide's: the announcement made, other studies,
// other listings) and must be routed to no story. Nothing here comes from a
// case file; the descriptions come from English (WordNet's synonyms and
// hypernyms of the elements' heads, the common descriptions of a country,
// an agency and a food additive), the constructions from grammar.

type aboutClassProbe struct {
	element, desc, construction string
	want, text                  string
}

var voltActors = []string{
	"China", "Chinese officials", "China's government", "Chinese diplomats",
	"a Chinese envoy", "Beijing's envoys", "the Asian superpower",
	"the People's Republic", "Xi's government", "Xi Jinping's government",
	"the communist regime", "Chinese negotiators", "the Chinese delegation",
	"a senior Chinese official", "China's foreign ministry",
	"Beijing's representatives", "the Chinese side", "the Chinese Communist Party",
	"officials from Beijing", "a Chinese foreign ministry official", "the PRC",
	"Chinese authorities", "the Chinese government's envoy", "Beijing's diplomats",
	"China's leadership", "the Chinese state", "Chinese counterparts",
}

var voltDeeds = []string{
	"the hacks on U.S. infrastructure", "cyberattacks on U.S. infrastructure",
	"intrusions into American networks", "digital break-ins at U.S. utilities",
	"the infiltration of U.S. networks", "malware planted in U.S. power and water systems",
	"prepositioning in American utilities", "the hacking campaign",
	"breaches of U.S. infrastructure", "computer intrusions at U.S. ports",
	"cyber operations against U.S. infrastructure", "attacks on America's critical infrastructure",
	"a years-long hacking campaign against U.S. utilities", "the network intrusions",
	"cyber intrusions into U.S. water systems", "the cyber campaign against American infrastructure",
	"the cyberattacks", "the hacking of U.S. ports and water utilities",
	"break-ins on American computer networks", "the infiltration of critical infrastructure",
	"the cyber-espionage campaign", "the attacks on U.S. utilities",
}

var voltEvents = []string{
	"a secret meeting in Geneva", "a closed-door meeting in Geneva",
	"a private meeting with U.S. officials", "a summit in Switzerland",
	"talks with U.S. officials in Geneva", "a secret sit-down with Biden officials",
	"a session in the Swiss city", "a meeting late last year",
	"a meeting in the final weeks of the Biden administration",
	"secret talks in December", "a December meeting with the Americans",
	"a closed-door session with U.S. counterparts",
	"a private meeting with the outgoing Biden team", "a secret Geneva summit",
	"confidential talks in Switzerland", "a December meeting in Geneva",
	"a behind-closed-doors meeting with American officials",
	"a private session with U.S. officials late last year",
}

// voltConstructions: {A} the actor, {D} the deed, {E} the event.
var voltConstructions = map[string]string{
	"headline, tacit":      "{A} tacitly acknowledged {D} at {E}",
	"headline, hint":       "{A} hinted at a role in {D} during {E}",
	"summary, reported":    "{A} indicated at {E} that China was behind {D}, the Wall Street Journal reported.",
	"summary, linked":      "At {E}, {A} linked {D} to U.S. support for Taiwan, U.S. officials said.",
	"question":             "Did {A} just own up to {D} at {E}?",
	"report label":         "Report: {A} indirectly admitted to {D} at {E}",
	"summary, the meeting": "{A} discussed {D} with U.S. officials at {E}, according to people familiar with the matter.",
	"summary, told":        "What {A} told U.S. officials about {D} at {E} is only now coming out, the Journal reports.",
	"summary, read":        "U.S. officials came away from {E} believing {A} had signalled responsibility for {D}.",
	"headline, sparred":    "{A} and U.S. officials sparred over {D} at {E}",
}

var aspAgents = []string{
	"the WHO's cancer research agency", "the WHO's cancer research arm",
	"the WHO's cancer agency", "the Lyon-based agency",
	"the UN health body's cancer researchers", "the International Agency for Research on Cancer",
	"the World Health Organization's cancer research agency", "a WHO agency",
	"the WHO's cancer experts", "the cancer research arm of the World Health Organization",
	"the UN's cancer agency", "a World Health Organization panel", "IARC",
	"the WHO's cancer researchers", "the France-based cancer agency",
	"a cancer research body of the World Health Organization", "the WHO cancer unit",
}

var aspSubstances = []string{
	"aspartame", "the artificial sweetener", "the sugar substitute in diet sodas",
	"the sweetener in Diet Coke", "a common artificial sweetener", "the low-calorie sweetener",
	"the sweetener used in diet sodas and sugar-free gum", "the sugar substitute aspartame",
	"NutraSweet's sweetener", "one of the world's most common artificial sweeteners",
	"the sweetener in Diet Coke and Extra chewing gum", "a popular sugar substitute",
	"the non-sugar sweetener", "the diet soda sweetener", "Equal's main ingredient",
}

// aspClaims are verb phrases, {s} the substance.
var aspClaims = []string{
	"list {s} as a possible carcinogen", "declare {s} possibly carcinogenic",
	"label {s} a possible cause of cancer", "put {s} on its list of possible carcinogens",
	"classify {s} as possibly carcinogenic to humans", "add {s} to its list of possible cancer causes",
	"flag {s} as a possible cancer risk", "name {s} a possible carcinogen",
	"give {s} a possible-carcinogen label", "put a possible cancer label on {s}",
	"call {s} a possible cancer-causing agent", "rank {s} as a possible cancer hazard",
	"brand {s} possibly cancer-causing", "designate {s} a possible human carcinogen",
}

// aspClaimNouns are the claim as a noun phrase, the label or listing.
var aspClaimNouns = []string{
	"a possible-carcinogen label", "a cancer label", "a cancer warning",
	"a 'possibly carcinogenic' listing", "a possible cancer link",
	"a spot on a carcinogen list", "a cancer-risk classification",
	"a possible-cancer designation", "a carcinogen label", "a cancer hazard rating",
	"a 'possible carcinogen' tag", "a place on the list of possible cancer causes",
}

// aspNounConstructions: {G} the agent, {S} the substance, {N} the claim as a noun.
var aspNounConstructions = map[string]string{
	"headline, to get":     "{S} to get {N} from {G}, sources say",
	"summary, expected":    "{G} is expected to give {S} {N} next month, two people familiar with the process said.",
	"headline, possessive": "{G}'s {N} for {S} due in July: report",
}

// aspConstructions: {G} the agent, {C} the claim.
var aspConstructions = map[string]string{
	"headline, to":      "{G} to {C}, sources say",
	"headline, set to":  "{G} set to {C} next month",
	"summary, sources":  "{G} will {C} next month, two sources with knowledge of the process told Reuters.",
	"summary, expected": "{G} is expected to {C} in July, according to people familiar with its deliberations.",
	"report label":      "Report: {G} plans to {C}",
}

// The event told as China's words themselves, named by a noun of speech
// with a modifier that says they were not public or were reported ("reported
// Chinese remarks on Volt Typhoon", "Beijing's private message about the
// hacks"): {P} the possessor, {M} the modifier, {N} the noun, {D} the deed.
var voltRemarkPossessors = []string{"{M} Chinese", "China's {M}", "Beijing's {M}", "Chinese officials' {M}", "the Chinese envoy's {M}", "the Asian superpower's {M}"}
var voltRemarkModifiers = []string{"reported", "leaked", "private", "secret", "closed-door", "confidential", "undisclosed", "quiet", "unpublicized"}
var voltRemarkNouns = []string{"remarks", "comments", "words", "message", "statement", "signal", "hint"}
var voltRemarkConstructions = map[string]string{
	"remark, headline":  "{P} {N} on {D} rattled Washington",
	"remark, inside":    "Inside {P} {N} about {D}",
	"remark, explained": "{P} {N} on {D}, explained",
}

// The near misses: the described elements in a neighbouring story.
var voltAboutNeighbours = map[string]string{
	"public remarks, denial":   "{A}'s public remarks on {D}: 'groundless smears'",
	"private remarks, trade":   "{A}'s private remarks on tariffs rattled Washington",
	"reported remarks, denial": "{A}'s reported remarks on {D}: the accusations are 'groundless smears'",
	"trade talks":              "{A} agreed to cut tariffs at talks with U.S. negotiators in Geneva",
	"general denial":           "{A} denied any role in {D}, calling the accusations smears",
	"advisory":                 "CISA warned on Tuesday of {D} by Chinese state hackers",
	"treasury breach":          "{A} rejected claims that its hackers broke into the Treasury",
}

var aspAboutNeighbours = map[string]string{
	"announced":     "{G} on Friday declared {S} possibly carcinogenic, as JECFA kept the daily intake at 40 mg/kg",
	"french cohort": "A French cohort study of 100,000 adults linked {S} to a higher cancer risk",
	"other listing": "{G} lists pickled vegetables as a possible carcinogen",
	"erythritol":    "Study ties erythritol, not {S}, to heart attacks and strokes",
}

func aboutClassProbes() map[string][]aboutClassProbe {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	out := map[string][]aboutClassProbe{}
	voltText := func(tpl, a, d, e string) string {
		s := strings.NewReplacer("{A}", a, "{D}", d, "{E}", e).Replace(tpl)
		return upperFirst(s)
	}
	cons := sortedKeys(voltConstructions)
	for _, c := range cons {
		tpl := voltConstructions[c]
		for _, a := range voltActors {
			out[volt] = append(out[volt], aboutClassProbe{"actor", a, c, volt, voltText(tpl, a, voltDeeds[0], voltEvents[0])})
		}
		for _, d := range voltDeeds {
			out[volt] = append(out[volt], aboutClassProbe{"deed", d, c, volt, voltText(tpl, voltActors[1], d, voltEvents[0])})
		}
		for _, e := range voltEvents {
			out[volt] = append(out[volt], aboutClassProbe{"event", e, c, volt, voltText(tpl, voltActors[1], voltDeeds[0], e)})
		}
		for i := range voltActors {
			a, d, e := voltActors[i], voltDeeds[(i*7)%len(voltDeeds)], voltEvents[(i*5)%len(voltEvents)]
			out[volt] = append(out[volt], aboutClassProbe{"all", a + " / " + d + " / " + e, c, volt, voltText(tpl, a, d, e)})
		}
	}
	for _, c := range sortedKeys(voltRemarkConstructions) {
		for i, m := range voltRemarkModifiers {
			for j, n := range voltRemarkNouns {
				poss := voltRemarkPossessors[(i+j)%len(voltRemarkPossessors)]
				d := voltDeeds[(i*3+j)%len(voltDeeds)]
				tpl := strings.ReplaceAll(voltRemarkConstructions[c], "{P}", poss)
				text := upperFirst(strings.NewReplacer("{M}", m, "{N}", n, "{D}", d).Replace(tpl))
				out[volt] = append(out[volt], aboutClassProbe{"event as remarks", m + " " + n, c, volt, text})
			}
		}
	}
	for _, n := range sortedKeys(voltAboutNeighbours) {
		for i, a := range voltActors {
			out[volt] = append(out[volt], aboutClassProbe{"neighbour", n, n, "", voltText(voltAboutNeighbours[n], a, voltDeeds[i%len(voltDeeds)], "")})
		}
	}
	aspText := func(tpl, g, s, c string) string {
		claim := strings.ReplaceAll(c, "{s}", s)
		return upperFirst(strings.NewReplacer("{G}", g, "{C}", claim, "{S}", s).Replace(tpl))
	}
	for _, c := range sortedKeys(aspConstructions) {
		tpl := aspConstructions[c]
		for _, g := range aspAgents {
			out[asp] = append(out[asp], aboutClassProbe{"agent", g, c, asp, aspText(tpl, g, aspSubstances[0], aspClaims[0])})
		}
		for _, s := range aspSubstances {
			out[asp] = append(out[asp], aboutClassProbe{"substance", s, c, asp, aspText(tpl, aspAgents[0], s, aspClaims[0])})
		}
		for _, cl := range aspClaims {
			out[asp] = append(out[asp], aboutClassProbe{"claim", cl, c, asp, aspText(tpl, aspAgents[0], aspSubstances[0], cl)})
		}
		for i := range aspAgents {
			g, s, cl := aspAgents[i], aspSubstances[(i*4)%len(aspSubstances)], aspClaims[(i*3)%len(aspClaims)]
			out[asp] = append(out[asp], aboutClassProbe{"all", g + " / " + s + " / " + cl, c, asp, aspText(tpl, g, s, cl)})
		}
	}
	for _, c := range sortedKeys(aspNounConstructions) {
		tpl := aspNounConstructions[c]
		nounText := func(g, sub, n string) string {
			return upperFirst(strings.NewReplacer("{G}", g, "{S}", sub, "{N}", n).Replace(tpl))
		}
		for _, n := range aspClaimNouns {
			out[asp] = append(out[asp], aboutClassProbe{"claim noun", n, c, asp, nounText(aspAgents[0], aspSubstances[0], n)})
		}
		for i := range aspAgents {
			g, sub, n := aspAgents[i], aspSubstances[(i*4)%len(aspSubstances)], aspClaimNouns[(i*5)%len(aspClaimNouns)]
			out[asp] = append(out[asp], aboutClassProbe{"all, claim noun", g + " / " + sub + " / " + n, c, asp, nounText(g, sub, n)})
		}
	}
	for _, n := range sortedKeys(aspAboutNeighbours) {
		for i, g := range aspAgents {
			out[asp] = append(out[asp], aboutClassProbe{"neighbour", n, n, "", aspText(aspAboutNeighbours[n], g, aspSubstances[i%len(aspSubstances)], "")})
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestAboutClassTable routes every probe over both stories. First contact
// (before any change of aboutclass12, the first seven volt and five
// aspartame constructions): volt 745/766 (the actor as "the Asian
// superpower"; the meeting as a session in the Swiss city, a meeting late
// last year or in the final weeks of the Biden administration, a
// behind-closed-doors meeting, a sit-down with Biden officials), aspartame
// 363/383 (the substance as "a popular sugar substitute" or "Equal's main
// ingredient"). The three volt constructions and the aspartame claim told
// as a noun added after: volt 1042/1048 (a secret sit-down), aspartame
// 457/470. Now: volt 1048/1048, aspartame 457/470 (left: Equal, a brand
// that is an English word, not read as a name). Run with -v for the
// coverage per element, description and construction, and every miss.
func TestAboutClassTable(t *testing.T) {
	set := load(t)
	floors := map[string]int{"volt-typhoon-geneva": 0, "aspartame-iarc": 13}
	probes := aboutClassProbes()
	for _, story := range []string{"volt-typhoon-geneva", "aspartame-iarc"} {
		t.Run(story, func(t *testing.T) {
			c := newCoverage("element", "construction", "description")
			var miss []string
			ps := probes[story]
			for _, p := range ps {
				got := set.Route(p.text).Chosen
				desc := p.element + ": " + p.desc
				if p.element == "all" {
					desc = ""
				}
				c.add(got == p.want, p.element, p.construction, desc)
				if got != p.want {
					miss = append(miss, fmt.Sprintf("miss [%s | %s] %q: got %q, want %q", p.element, p.construction, p.text, got, p.want))
				}
			}
			c.log(t, story)
			holdFloor(t, story+" routed", len(ps), miss, floors[story])
		})
	}
}

// TestAboutClassTableClasses checks the entries the table found missing,
// with near misses: the country by its description, Geneva as the Swiss
// city, the meeting by the year's end or the outgoing administration's last
// weeks, a behind-closed-doors meeting, the sweetener as a sugar substitute.
func TestAboutClassTableClasses(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runRouteCases(t, []routeCase{
		{"Asian superpower hinted", "The Asian superpower hinted at the port hacks in Geneva", volt},
		{"Asian superpower, trade", "The Asian superpower agreed to cut tariffs at talks in Geneva", ""},
		{"Asian superpower denies", "The Asian superpower denied any role in the port hacks, calling the claims smears", ""},
		{"Asian giant, India", "The Asian giant hinted at a role in the talks' collapse at a December meeting", ""},
		{"Swiss city session", "Chinese officials discussed the port hacks with U.S. officials at a session in the Swiss city", volt},
		{"Swiss city trade", "U.S. and Chinese negotiators agreed a tariff truce in the Swiss city", ""},
		{"Swiss city of Zurich, hacks", "Swiss police in Zurich said hackers hit a bank in the city", ""},
		{"late last year meeting", "China's envoys discussed the water utility hacks with U.S. officials at a meeting late last year", volt},
		{"late last year fentanyl", "Chinese and U.S. officials discussed fentanyl at a meeting late last year", ""},
		{"late last year breach", "Chinese hackers broke into Treasury workstations late last year", ""},
		{"final weeks of Biden", "Chinese officials discussed the airport hacks at a meeting in the final weeks of the Biden administration", volt},
		{"final weeks of Biden, trade", "Chinese negotiators discussed tariffs at a meeting in the final weeks of the Biden administration", ""},
		{"final weeks of Biden, pardons", "Biden's final weeks in office brought a wave of pardons", ""},
		{"behind-closed-doors meeting", "Chinese officials discussed the port hacks with Americans at a behind-closed-doors meeting", volt},
		{"behind closed doors, trade", "The tariff truce was agreed at a behind-closed-doors meeting of U.S. and Chinese negotiators", ""},
		{"hush-hush meeting", "Chinese officials discussed the port hacks with U.S. officials at a hush-hush meeting", volt},
		{"surreptitious meeting", "Chinese officials discussed the port hacks with U.S. officials at a surreptitious meeting", volt},
		{"hush-hush, trade", "Chinese negotiators agreed a tariff truce at a hush-hush meeting in Geneva", ""},
		{"hush-hush operation", "Hackers ran a hush-hush operation against U.S. utilities", ""},
		{"late in 2024 meeting", "Chinese officials discussed the port hacks with U.S. officials at a meeting late in 2024", volt},
		{"late in 2024, fentanyl", "Chinese and U.S. officials discussed fentanyl at a meeting late in 2024", ""},
		{"secret sit-down", "Chinese officials discussed the port hacks with U.S. officials at a secret sit-down with Biden officials", volt},
		{"secret sit-down, trade", "Chinese negotiators agreed a tariff truce at a secret sit-down with Biden officials", ""},
		{"sit-down, no secrecy", "Chinese officials discussed the port hacks with U.S. officials at a sit-down in Bangkok", ""},
		{"reported remarks", "Reported Chinese remarks on the port hacks rattled Washington", volt},
		{"private message", "Inside Beijing's private message about the water utility intrusions", volt},
		{"Asian superpower's leaked words", "The Asian superpower's leaked words on the airport hacks, explained", volt},
		// pushback beside them is a reaction, on-story by the guide; a denial
		// of the hacks is China's general denial, a neighbour
		{"leaked remarks, pushback", "Beijing's leaked remarks on the water utility hacks draw pushback in Washington", volt},
		{"reported message, rejected", "China's reported message on the port intrusions; U.S. officials dispute what it meant", volt},
		{"reported remarks, denial", "China's reported remarks on the port hacks: the claims are 'groundless smears'", ""},
		{"private remarks, tariffs", "China's private remarks on tariffs rattled Washington", ""},
		{"reported remarks, Salt Typhoon", "Reported Chinese remarks on Salt Typhoon's telecom hacks rattled Washington", ""},
		{"private remarks, no actor", "The NSA's private remarks on the port hacks rattled lawmakers", ""},
		{"break-ins on networks", "Chinese officials hinted at a role in break-ins on American computer networks at a Geneva meeting", volt},
		{"break-ins, homes", "Police say break-ins at American homes rose in December", ""},
		{"break-ins, Chinese homes", "Break-ins at Chinese homes in Geneva rose last year", ""},
		{"break-ins, Treasury", "Chinese hackers' digital break-ins at the Treasury went on for weeks", ""},
		{"sugar substitute", "WHO cancer agency to list a popular sugar substitute as a possible carcinogen, sources say", asp},
		{"substitute for sugar", "A common substitute for sugar will be called possibly carcinogenic by the WHO's cancer arm, sources say", asp},
		{"sugar substitute, study", "A French study links a sugar substitute, erythritol, to heart attacks", ""},
		{"sugar substitute, announced", "The WHO's cancer agency on Friday declared a popular sugar substitute possibly carcinogenic, as JECFA kept the daily intake at 40 mg/kg", ""},
		{"sugar substitute, no agency", "Bakers turn to a sugar substitute as prices rise", ""},
	})
}
