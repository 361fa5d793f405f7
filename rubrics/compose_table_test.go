package rubrics_test

import (
	"fmt"
	"strings"
	"testing"
)

// The composition table (issues 12 and 13, compose12): the guides decide a
// summary's verdict over the whole text ("an overclaim stands beside a
// correct tacit/indirect statement elsewhere in the text" is partial;
// "nothing anywhere in the text says it was tacit" is fail; "Probable ...
// fail, whatever else the text says, unless 'possible' also stands in the
// text's own voice"; "cites unnamed sources ... and also, elsewhere, has WHO
// or IARC announcing it" is partial). The other tables grade one sentence at
// a time; this one composes summaries of two to five sentences from their
// actors, deeds and word families: an overclaim and a qualifier in each
// order, next to each other and far apart (neutral sentences between), the
// qualifier quoted, negated, another actor's or questioned, an attribution
// in one sentence and the claim in the next, a correction after an
// overclaim, an announcement after a leak. Nothing here comes from a case
// file.

// voltFiller and aspFiller are sentences of the story that bear on no
// criterion under test: they put distance between two sentences.
var voltFiller = []string{
	"The meeting took place in December.",
	"Both delegations met for several hours.",
	"The talks covered several topics.",
}

var aspFiller = []string{
	"Aspartame is used in diet sodas and chewing gum.",
	"The sweetener has been on the market for decades.",
	"Its panel met in Lyon earlier this month.",
}

// compose joins sentences, with n filler sentences between the first and
// the rest when far.
func compose(filler []string, far bool, ss ...string) string {
	if !far || len(ss) < 2 {
		return strings.Join(ss, " ")
	}
	out := []string{ss[0]}
	out = append(out, filler...)
	return strings.Join(append(out, ss[1:]...), " ")
}

// voltComposeProbes builds the volt story's compositions, graded on
// admission.
func voltComposeProbes() []probe {
	var out []probe
	add := func(con, want, text string) {
		out = append(out, probe{"admission", con, "summary", want, text})
	}
	for i, w := range tacitWords {
		a := ackActors[i%len(ackActors)]
		v := ackVerbs[i%len(ackVerbs)]
		if v.family == "own" || v.family == "boast" || v.family == "brag" || v.family == "confirm" {
			v = ackVerbs[0]
		}
		d := ackDeeds[i%len(ackDeeds)]
		over := fmt.Sprintf("%s %s in Geneva.", a.name, v.with(v.past, d))
		tacit := fmt.Sprintf("U.S. officials said the acknowledgment was %s.", w.adj)
		if w.adv != "" {
			tacit = fmt.Sprintf("Chinese officials made the point %s, U.S. officials said.", w.adv)
		}
		tacitNoun := fmt.Sprintf("What they heard was %s %s %s.", article(w.adj), w.adj, tacitNouns[i%len(tacitNouns)])
		nearFar(func(dist string, far bool) {
			add("overclaim then qualifier, "+dist, "partial", compose(voltFiller, far, over, tacit))
			add("overclaim then qualifier noun, "+dist, "partial", compose(voltFiller, far, over, tacitNoun))
			add("qualifier then overclaim, "+dist, "partial", compose(voltFiller, far, fmt.Sprintf("In Geneva, %s %s acknowledged %s.", lowerFirst(a.name), orAdj(w), d), fmt.Sprintf("%s %s.", a.name, v.with(v.past, "them"))))
		})
		// the qualifier quoted: still the text's, beside the overclaim
		add("qualifier quoted", "partial", fmt.Sprintf("%s One official called it \"%s %s %s.\"", over, article(w.adj), w.adj, tacitNouns[i%len(tacitNouns)]))
		// near misses: the qualifier negated, another actor's, questioned
		add("near miss: qualifier negated", "fail", fmt.Sprintf("%s There was nothing %s about it.", over, w.adj))
		add("near miss: qualifier negated", "fail", fmt.Sprintf("%s It was not %s %s %s but an open one.", over, article(w.adj), w.adj, tacitNouns[i%len(tacitNouns)]))
		add("near miss: another actor's", "fail", fmt.Sprintf("%s Washington's own reply on Taiwan was %s.", over, w.adj))
		add("near miss: questioned", "fail", fmt.Sprintf("%s Was it %s %s? No.", over, article(w.adj), w.adj+" "+tacitNouns[i%len(tacitNouns)]))
		// a correction after the overclaim: the text takes it back
		add("correction after overclaim", "pass", fmt.Sprintf("Early accounts said %s %s. That is wrong: the acknowledgment was %s.", lowerFirst(a.name), v.with(v.past, d), w.adj))
	}
	// an attribution in one sentence and the claim in the next: the
	// overclaim stays one (admission looks at the claim, not its source)
	for i, a := range ackActors {
		d := ackDeeds[i%len(ackDeeds)]
		add("attribution then overclaim", "fail", fmt.Sprintf("U.S. officials described the Geneva meeting. %s admitted %s there.", a.name, d))
		add("attribution then tacit", "pass", fmt.Sprintf("U.S. officials described the Geneva meeting. %s tacitly acknowledged %s there.", a.name, d))
		add("report says, next sentence", "partial", fmt.Sprintf("According to the report, the meeting was in Geneva. It also says %s admitted %s.", lowerFirst(a.name), d))
		add("correction: did not, only hinted", "pass", fmt.Sprintf("%s did not admit %s. It only hinted at them.", a.name, d))
		add("overclaim then denial of it", "pass", fmt.Sprintf("Some reports said %s admitted %s. It did not; it only signalled its role.", lowerFirst(a.name), d))
		add("near miss: two overclaims", "fail", fmt.Sprintf("%s admitted %s. It also confessed to the airport hacks.", a.name, d))
	}
	return out
}

// nearFar calls f for two sentences next to each other and far apart.
func nearFar(f func(dist string, far bool)) {
	f("near", false)
	f("far", true)
}

// bothOrders adds x then y1 and y2 then x, each near and far, with the
// verdict want.
func bothOrders(add func(con, want, text string), filler []string, xName, yName, want, x, y1, y2 string) {
	nearFar(func(dist string, far bool) {
		add(xName+" then "+yName+", "+dist, want, compose(filler, far, x, y1))
		add(yName+" then "+xName+", "+dist, want, compose(filler, far, y2, x))
	})
}

func orAdj(w tacitWord) string {
	if w.adv != "" {
		return w.adv
	}
	return "in " + w.adj + " terms"
}

// aspComposeProbes builds the aspartame story's compositions, graded on
// classification.
func aspComposeProbes() []probe {
	var out []probe
	add := func(con, want, text string) {
		out = append(out, probe{"classification", con, "summary", want, text})
	}
	overs := []string{"Aspartame causes cancer.", "The sweetener is carcinogenic.", "Aspartame is a carcinogen.", "Diet soda's sweetener is cancer-causing."}
	possibles := []string{
		"IARC will list it as possibly carcinogenic, two sources said.",
		"The WHO's cancer agency will call it a possible carcinogen, sources said.",
		"It may cause cancer, IARC will say, according to sources.",
		"IARC will put it in group 2B, sources said.",
	}
	for i, o := range overs {
		bothOrders(add, aspFiller, "overclaim", "possible", "partial", o, possibles[i%len(possibles)], possibles[(i+1)%len(possibles)])
		add("possible quoted", "partial", fmt.Sprintf("%s IARC will call it \"possibly carcinogenic,\" sources said.", o))
		add("near miss: possible negated", "fail", fmt.Sprintf("%s It is not just a possible carcinogen, sources said.", o))
		add("near miss: possible on another thing", "fail", fmt.Sprintf("%s A possible ban could follow, sources said.", o))
		add("near miss: questioned", "fail", fmt.Sprintf("%s Only possibly? No.", o))
		add("correction after overclaim", "pass", fmt.Sprintf("Some headlines said %s That is wrong: IARC will call it possibly carcinogenic, sources said.", lowerFirst(o)))
	}
	// probable: fail unless possible stands in the text's own voice
	for _, b := range claimBodies {
		add("probable alone", "fail", fmt.Sprintf("%s will list aspartame as probably carcinogenic, sources said. The ruling comes in July.", b))
		add("probable then possible own voice", "partial", fmt.Sprintf("%s will list aspartame as probably carcinogenic, sources said. Aspartame is possibly carcinogenic.", b))
		add("probable, possible only quoted", "fail", fmt.Sprintf("%s will list aspartame as probably carcinogenic, sources said. Critics had expected \"possibly carcinogenic.\"", b))
	}
	// an attribution in one sentence and the claim in the next
	for _, b := range claimBodies {
		add("according to, then it also says", "partial", fmt.Sprintf("According to the report, %s will rule in July. It also says aspartame causes cancer.", lowerFirst(b)))
		add("sources said so, then possible", "pass", fmt.Sprintf("Two sources said so. %s will list aspartame as possibly carcinogenic.", b))
	}
	return out
}

// aspSourcingComposeProbes builds the aspartame story's sourcing
// compositions: a leak and an announcement in one text.
func aspSourcingComposeProbes() []probe {
	var out []probe
	add := func(con, want, text string) {
		out = append(out, probe{"sourcing", con, "summary", want, text})
	}
	leaks := []string{
		"IARC will list aspartame as possibly carcinogenic, two sources said.",
		"The WHO's cancer agency will call aspartame a possible carcinogen, according to people familiar with the process.",
		"Aspartame will be listed as possibly carcinogenic by IARC in July, sources said.",
	}
	announces := []string{
		"The WHO has announced that aspartame is a possible carcinogen.",
		"IARC said that aspartame is possibly carcinogenic.",
		"IARC has declared aspartame a possible carcinogen.",
	}
	for i, l := range leaks {
		bothOrders(add, aspFiller, "leak", "announcement", "partial", l, announces[i%len(announces)], announces[(i+1)%len(announces)])
		add("leak alone", "pass", compose(aspFiller, true, l, "The ruling comes in July."))
		add("near miss: announcement negated", "pass", fmt.Sprintf("%s The WHO has not announced the decision.", l))
		add("near miss: announcement to come", "pass", fmt.Sprintf("%s IARC is expected to announce it on July 14.", l))
		add("report then announcement", "partial", fmt.Sprintf("According to a Reuters report, %s %s", lowerFirst(strings.SplitN(l, ",", 2)[0])+".", announces[(i+1)%len(announces)]))
	}
	// the attribution in one sentence, the claim in the next
	add("attribution then claim", "pass", "Two sources described the plan. IARC will list aspartame as possibly carcinogenic in July, they said.")
	add("according to the report, it also says", "partial", "According to a Reuters report, IARC will list aspartame as possibly carcinogenic. It also says the panel met in June.")
	add("near miss: no attribution anywhere", "fail", "IARC will list aspartame as possibly carcinogenic. The panel met in June.")
	return out
}

// TestComposeTable grades the composed summaries and holds their floors:
// at most the misses left (compose12 first contact: volt admission 146/198,
// aspartame classification 40/56, sourcing 27/27; after "It also says"
// 151/198, 44/56, 27/27; after a question answered no 160/198, 44/56);
// run with -v to read the coverage by construction. The misses left: a
// qualifier predicated of another noun ("Washington's own reply was
// tacit"), one asked and answered no before an overclaim noun ("Was it a
// tacit admission? No.": the qualifier still qualifies the noun), and
// "Only possibly? No." (the answer reads as "not a finding"), a correction that takes
// the overclaim back ("That is wrong: the acknowledgment was tacit"), a
// qualifier denied before its noun ("not a tacit admission but an open
// one"), "not just a possible carcinogen", and "possible" only in others'
// quoted words beside "probably".
func TestComposeTable(t *testing.T) {
	runProbeTables(t, []probeTable{
		{"volt-typhoon-geneva", "admission", voltComposeProbes(), 38},
		{"aspartame-iarc", "classification", aspComposeProbes(), 12},
		{"aspartame-iarc", "sourcing", aspSourcingComposeProbes(), 0},
	})
}

// TestComposeTableClasses checks the lexicon and engine entries behind the
// classes the composition table found missing: the report as "it" going on
// with an additive adverb ("It also says …") hedges the claim it reports,
// and a qualifier in a question answered no ("Was it a hint? No.") is
// denied; with near misses (the writer's own "also", the subject's own
// "also says", a question answered yes or left open).
func TestComposeTableClasses(t *testing.T) {
	runCriterionCases(t, "volt-typhoon-geneva", []factCase{
		{"summary", "admission", "partial", "The Journal's account covers the December talks. It also notes that Beijing's envoy confessed to the airport intrusions."},
		{"summary", "admission", "partial", "According to the newspaper, the talks ran for hours. It additionally claims the Chinese side owned up to the water plant intrusions."},
		{"summary", "admission", "fail", "According to the newspaper, the talks ran for hours. The Chinese side also owned up to the water plant intrusions."},
		{"summary", "admission", "fail", "The talks ran for hours. Beijing also says it confessed to the airport intrusions."},
		// a qualifier asked about and answered no qualifies nothing; asked
		// and answered yes, or left open, it stands beside the overclaim
		{"summary", "admission", "fail", "Beijing's envoy owned up to the airport intrusions. Was that merely a hint? No."},
		{"summary", "admission", "fail", "Beijing's envoy owned up to the airport intrusions. Was that merely a hint? Not really."},
		{"summary", "admission", "partial", "Beijing's envoy owned up to the airport intrusions. Was that merely a hint? Yes."},
		{"summary", "admission", "partial", "Beijing's envoy owned up to the airport intrusions. Or was that merely a hint?"},
		{"summary", "admission", "partial", "Beijing's envoy owned up to the airport intrusions. Was that merely a hint? No one can say."},
	})
	runCriterionCases(t, "aspartame-iarc", []factCase{
		{"summary", "classification", "partial", "A Reuters story covers the Lyon meeting. It likewise says the sweetener is a carcinogen."},
		{"summary", "classification", "fail", "A Reuters story covers the Lyon meeting. The sweetener is also a carcinogen."},
	})
}
