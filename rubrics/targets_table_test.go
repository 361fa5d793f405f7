package rubrics_test

import (
	"strings"

	"github.com/factgrade/factgrade/rubric"
)

// The targets table (issue 12): the ways English names what the
// acknowledged hacks were on, generated from the source's targets, the ones
// it does not give for this campaign and the telecom networks of the
// separate breach, each in its English variants (the source's ports, water
// utilities, airports, computer networks and "other targets"; harbours,
// seaports, water plants, waterworks, treatment facilities, the water
// supply; the power grid, energy, pipelines, transport hubs, the Treasury;
// telecoms, phone and wireless carriers, internet providers) × the
// constructions a deed takes its object in (hacks on, intrusions into,
// breaches of, attacks targeting, a compound noun, the campaign's relative
// clause, the intruder inside, the passive across two sentences, a list
// with the source's targets, headlines), each text with GRADING.md's
// targets verdict. Nothing here comes from a case file. The near misses:
// infrastructure alone (na), Salt Typhoon's telecom target kept apart, the
// Treasury or a power as something other than a target, another country's
// ports.

// target is one way of naming a target: a plural noun phrase (after "hacks
// on"), a modifier before "hacks" ("" when English has none) and the
// verdict it gives alone.
type target struct {
	family, np, mod, want string
}

var targets = []target{
	// The source's targets: pass.
	{"ports", "ports", "port", "pass"},
	{"ports", "seaports", "seaport", "pass"},
	{"ports", "harbors", "harbor", "pass"},
	{"ports", "harbours", "", "pass"},
	{"ports", "shipping ports", "", "pass"},
	{"ports", "port facilities", "", "pass"},
	{"ports", "maritime ports", "", "pass"},
	{"water", "water utilities", "water utility", "pass"},
	{"water", "water systems", "water system", "pass"},
	{"water", "water plants", "water plant", "pass"},
	{"water", "waterworks", "waterworks", "pass"},
	{"water", "water treatment plants", "water treatment plant", "pass"},
	{"water", "water treatment facilities", "", "pass"},
	{"water", "water-treatment plants", "", "pass"},
	{"water", "drinking water systems", "", "pass"},
	{"water", "wastewater plants", "", "pass"},
	{"water", "the water supply", "water supply", "pass"},
	{"water", "water companies", "", "pass"},
	{"water", "municipal water systems", "", "pass"},
	{"water", "water providers", "", "pass"},
	{"water", "reservoirs", "reservoir", "pass"},
	{"water", "water infrastructure", "", "pass"},
	{"airports", "airports", "airport", "pass"},
	{"airports", "major airports", "", "pass"},
	{"airports", "regional airports", "", "pass"},
	{"airports", "airport systems", "", "pass"},
	{"networks", "computer networks", "computer network", "pass"},
	{"networks", "computer systems", "", "pass"},
	{"networks", "IT networks", "", "pass"},
	{"utilities", "utilities", "utility", "pass"},
	{"utilities", "public utilities", "", "pass"},
	// Targets the source does not give for this campaign: partial.
	{"power", "power grids", "power grid", "partial"},
	{"power", "the electric grid", "grid", "partial"},
	{"power", "the electrical grid", "", "partial"},
	{"power", "power plants", "power plant", "partial"},
	{"power", "electric utilities", "", "partial"},
	{"power", "power utilities", "", "partial"},
	{"energy", "energy companies", "", "partial"},
	{"energy", "the energy sector", "energy", "partial"},
	{"energy", "oil and gas pipelines", "pipeline", "partial"},
	{"energy", "nuclear plants", "", "partial"},
	{"transport", "transportation hubs", "", "partial"},
	{"transport", "transport hubs", "", "partial"},
	{"transport", "railways", "railway", "partial"},
	{"transport", "rail networks", "rail", "partial"},
	{"transport", "subway systems", "subway", "partial"},
	{"treasury", "the Treasury", "Treasury", "partial"},
	{"treasury", "the Treasury Department", "", "partial"},
	{"other sectors", "hospitals", "hospital", "partial"},
	{"other sectors", "banks", "bank", "partial"},
	{"other sectors", "dams", "dam", "partial"},
	// The separate breach's targets named as the acknowledged hacks': fail.
	{"telecom", "telecommunications networks", "telecom", "fail"},
	{"telecom", "telecom companies", "", "fail"},
	{"telecom", "telecoms", "", "fail"},
	{"telecom", "phone networks", "phone network", "fail"},
	{"telecom", "wireless carriers", "", "fail"},
	{"telecom", "mobile networks", "", "fail"},
	{"telecom", "internet providers", "", "fail"},
	{"telecom", "broadband providers", "", "fail"},
	{"telecom", "communications networks", "", "fail"},
	// Infrastructure alone names no specific target: na.
	{"infrastructure", "critical infrastructure", "infrastructure", "na"},
	{"infrastructure", "civilian infrastructure", "", "na"},
	{"infrastructure", "vital infrastructure", "", "na"},
	{"infrastructure", "U.S. infrastructure", "", "na"},
}

// noArticle drops a leading article, for a headline or a compound.
func noArticle(s string) string { return strings.TrimPrefix(s, "the ") }

// withRight is the verdict of a target listed beside one of the source's:
// infrastructure adds nothing, the others stand.
func (t target) withRight() string {
	if t.want == "na" {
		return "pass"
	}
	return t.want
}

// targetsProbes builds the targets criterion's table.
func targetsProbes() []probe {
	var out []probe
	add := func(fam, con string, kind rubric.Kind, want, text string) {
		out = append(out, probe{fam, con, kind, want, text})
	}
	lead := "In a secret meeting in Geneva in December, "
	attr := ", U.S. officials familiar with the talks said."
	for _, t := range targets {
		f, np := t.family, t.np
		hnp := noArticle(np)
		add(f, "hacks on", "summary", t.want, lead+"Chinese officials tacitly linked the hacks on "+np+" to U.S. support for Taiwan"+attr)
		add(f, "intrusions into", "summary", t.want, lead+"Chinese officials signalled that Beijing was behind years of intrusions into American "+hnp+attr)
		add(f, "breaches of", "summary", t.want, lead+"a Chinese official indirectly acknowledged the breaches of "+np+attr)
		add(f, "attacks targeting", "summary", t.want, lead+"Wang Lei hinted at China's role in cyberattacks targeting "+np+attr)
		add(f, "the campaign, which hit", "summary", t.want, "Volt Typhoon, the campaign that hit "+np+", came up in Geneva in December, where Chinese officials all but acknowledged it"+attr)
		add(f, "the intruder inside", "summary", t.want, "Chinese hackers had burrowed deep into "+np+". "+lead+"Chinese officials tacitly acknowledged it"+attr)
		add(f, "passive, two sentences", "summary", t.want, upperFirst(np)+" had been hacked for years. "+lead+"Chinese officials implied Beijing was responsible"+attr)
		add(f, "headline: hacks of", "headline", t.want, "China hints at role in hacks of US "+hnp+", officials say")
		add(f, "headline: hacked", "headline", t.want, "China signals it hacked US "+hnp+": report")
		add(f, "headline: title case", "headline", t.want, titleCase("China tacitly acknowledged attacks on American "+hnp+", sources say"))
		if t.mod != "" {
			add(f, "compound noun", "summary", t.want, lead+"Chinese officials hinted at a role in the "+t.mod+" hacks"+attr)
			add(f, "headline: compound", "headline", t.want, "China tacitly owns US "+t.mod+" intrusions, officials say")
		}
		// Listed beside the source's targets.
		add(f, "listed with ports", "summary", t.withRight(), lead+"Chinese officials linked intrusions at U.S. ports, "+hnp+" and airports to U.S. support for Taiwan"+attr)
		add(f, "listed, other targets", "summary", t.withRight(), lead+"Chinese officials tied the hacks on water utilities, "+hnp+" and other targets to Taiwan"+attr)
	}
	for _, p := range []struct {
		family, construction string
		kind                 rubric.Kind
		want, text           string
	}{
		// Salt Typhoon's telecom target kept apart: not the acknowledged hacks'.
		{"near miss", "Salt Typhoon apart", "summary", "pass", lead + "Chinese officials tacitly acknowledged the hacks on U.S. ports" + attr + " Salt Typhoon, a separate campaign, breached telecom networks."},
		{"near miss", "Salt Typhoon apart, headline", "headline", "pass", "China hints at US port hacks, separate from Salt Typhoon telecom breach"},
		// The Treasury, a power and the grid as something other than a target.
		{"near miss", "Treasury speaking", "summary", "pass", lead + "Chinese officials tacitly acknowledged the hacks on U.S. water utilities, according to a former Treasury official."},
		{"near miss", "a world power", "summary", "pass", lead + "Chinese officials tacitly acknowledged the hacks on U.S. ports, a sign of a rising power's confidence" + attr},
		{"near miss", "power to", "summary", "pass", lead + "Chinese officials hinted at the airport hacks, a reminder of Beijing's power to disrupt" + attr},
		{"near miss", "Treasury secretary", "summary", "pass", lead + "Chinese officials tacitly acknowledged the airport hacks, the Treasury secretary later told lawmakers" + attr},
		{"near miss", "shipping companies", "summary", "partial", lead + "Chinese officials tacitly acknowledged the hacks on ports and shipping companies" + attr},
		// "Other" continuing a list is no separation; a separate breach is.
		{"near miss", "telecom and other targets", "summary", "fail", lead + "Chinese officials hinted at the hacks on ports, phone networks and other targets" + attr},
		{"near miss", "telecom, a separate breach", "summary", "pass", lead + "Chinese officials hinted at the hacks on ports; phone networks were hit in another breach" + attr},
		// Another country's ports: not the campaign's.
		{"near miss", "Taiwan's ports", "summary", "na", lead + "Chinese officials tacitly acknowledged the hacks on U.S. infrastructure" + attr + " China has also rehearsed a blockade of Taiwan's ports."},
		// Infrastructure alone in a headline.
		{"near miss", "infrastructure headline", "headline", "na", "China tacitly acknowledged US infrastructure hacks, officials say"},
	} {
		add(p.family, p.construction, p.kind, p.want, p.text)
	}
	return out
}
