package rubrics_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// The motive table (issue 12): the ways English says that China's remarks
// were tied to U.S. support for Taiwan, generated from the names of the
// parties × the nouns and verbs of supporting × the constructions that give
// a motive, each text with the verdict GRADING.md's taiwan criterion gives
// it. Nothing here comes from a case file: the parties are the story's
// (the U.S. by its names and possessives; Taiwan as the source and English
// name it: Taipei, the self-ruled or self-governing island, the island
// democracy, the Republic of China), the support English's (WordNet's
// support, backing, aid, assistance, help, protection and defence; arms and
// weapons sold, shipped or delivered; commitments and guarantees; ties,
// stance, policy, involvement; the verbs back, arm, defend, stand by, side
// with), and the constructions those of a motive (linked/tied/connected to,
// a response to, retaliation, because of, resulting from, payback, the
// price of, a warning or signal over, to deter or punish the U.S. for, a
// condition "if the U.S. kept …", across two sentences). The near misses:
// Taiwan as background, another motive (the trade war, tariffs, sanctions,
// export controls), the motive misstated (U.S. support for Taiwan's
// independence), China's own name ("the People's Republic of China").

// usParty is the U.S. side by one of its names: as a subject, as a
// possessive before a noun, and as the object of "from".
type usParty struct{ subj, poss, obj string }

var usParties = []usParty{
	{"the U.S.", "U.S.", "the U.S."},
	{"Washington", "Washington's", "Washington"},
	{"America", "America's", "America"},
	{"the United States", "the United States'", "the United States"},
	{"the Biden administration", "the Biden administration's", "the Biden administration"},
	{"the Americans", "American", "the Americans"},
	{"the U.S.", "the U.S.'s", "the U.S."},
}

// twNames are Taiwan as English names it in a summary.
var twNames = []string{
	"Taiwan", "Taipei", "the self-ruled island", "the self-governing island",
	"the island democracy", "the Republic of China", "the self-governed island of Taiwan",
	"the island nation of Taiwan",
}

// supportNP is U.S. support for Taiwan as a noun phrase: a family and a
// function of the party and Taiwan's name.
type supportNP struct {
	family string
	np     func(u usParty, tw string) string
}

var supportNPs = []supportNP{
	{"support for", func(u usParty, tw string) string { return u.poss + " support for " + tw }},
	{"growing support", func(u usParty, tw string) string { return u.poss + " growing support for " + tw }},
	{"policy support", func(u usParty, tw string) string { return u.poss + " policy support for " + tw }},
	{"backing of", func(u usParty, tw string) string { return u.poss + " backing of " + tw }},
	{"military backing", func(u usParty, tw string) string { return u.poss + " military backing of " + tw }},
	{"arms sales", func(u usParty, tw string) string { return u.poss + " arms sales to " + tw }},
	{"weapons sales", func(u usParty, tw string) string { return u.poss + " weapons sales to " + tw }},
	{"weapons shipments", func(u usParty, tw string) string { return u.poss + " weapons shipments to " + tw }},
	{"military aid", func(u usParty, tw string) string { return u.poss + " military aid to " + tw }},
	{"assistance", func(u usParty, tw string) string { return u.poss + " security assistance to " + tw }},
	{"help", func(u usParty, tw string) string { return u.poss + " help for " + tw }},
	{"defense commitments", func(u usParty, tw string) string { return u.poss + " defense commitments to " + tw }},
	{"security guarantees", func(u usParty, tw string) string { return u.poss + " security guarantees for " + tw }},
	{"protection", func(u usParty, tw string) string { return u.poss + " protection of " + tw }},
	{"defence of", func(u usParty, tw string) string { return u.poss + " defence of " + tw }},
	{"arming of", func(u usParty, tw string) string { return u.poss + " arming of " + tw }},
	{"ties", func(u usParty, tw string) string { return u.poss + " ties with " + tw }},
	{"stance", func(u usParty, tw string) string { return u.poss + " stance on " + tw }},
	{"policy toward", func(u usParty, tw string) string { return u.poss + " policy toward " + tw }},
	{"involvement", func(u usParty, tw string) string { return u.poss + " involvement with " + tw }},
	{"support from", func(u usParty, tw string) string { return "support for " + tw + " from " + u.obj }},
	{"backing from", func(u usParty, tw string) string { return "the backing " + tw + " gets from " + u.obj }},
	{"the support it gives", func(u usParty, tw string) string { return "the support " + u.subj + " gives " + tw }},
	{"gerund: backing", func(u usParty, tw string) string { return u.subj + " backing " + tw }},
	{"gerund: arming", func(u usParty, tw string) string { return u.subj + " arming " + tw }},
	{"gerund: standing by", func(u usParty, tw string) string { return u.subj + " standing by " + tw }},
	{"gerund: siding with", func(u usParty, tw string) string { return u.subj + " siding with " + tw }},
	{"gerund: selling weapons", func(u usParty, tw string) string { return u.subj + " selling weapons to " + tw }},
	{"gerund: defending", func(u usParty, tw string) string { return u.subj + " defending " + tw }},
	{"meddling", func(u usParty, tw string) string { return u.poss + " meddling in " + tw }},
	{"interference", func(u usParty, tw string) string { return u.poss + " interference over " + tw }},
	{"provocations", func(u usParty, tw string) string { return u.poss + " provocations over " + tw }},
	// Taiwan first, the U.S. as the one who backs it.
	{"U.S.-backed", func(u usParty, tw string) string {
		m := strings.Replace(strings.TrimPrefix(u.subj, "the "), "Americans", "American", 1)
		if rest, ok := strings.CutPrefix(tw, "the "); ok {
			return "the " + m + "-backed " + rest
		}
		return m + "-backed " + tw
	}},
	{"Taiwan, armed by", func(u usParty, tw string) string { return tw + ", armed by " + u.obj + "," }},
	{"Taiwan, which the U.S. backs", func(u usParty, tw string) string { return tw + ", which " + u.subj + " backs," }},
	{"came to Taiwan's defense", func(u usParty, tw string) string { return u.subj + " coming to the defense of " + tw }},
}

// motiveLink puts a noun phrase into a sentence that gives it as the
// remarks' or the hacks' motive (the subject is China's side).
type motiveLink struct {
	construction string
	sentence     func(np string) string
}

var motiveLinks = []motiveLink{
	{"linked to", func(np string) string { return "Chinese officials linked the intrusions to " + np + "." }},
	{"tied to", func(np string) string { return "Wang Lei tied the hacks to " + np + ", the people said." }},
	{"connected to", func(np string) string { return "The Chinese side connected the breaches to " + np + "." }},
	{"a response to", func(np string) string { return "Chinese officials suggested the hacks were a response to " + np + "." }},
	{"in response to", func(np string) string {
		return "The Chinese delegation implied the hacks came in response to " + np + "."
	}},
	{"retaliation for", func(np string) string {
		return "Beijing's envoy hinted that the intrusions were retaliation for " + np + "."
	}},
	{"because of", func(np string) string {
		return "The Chinese official signalled that the hacks happened because of " + np + "."
	}},
	{"resulted from", func(np string) string {
		return "Wang indicated that the infrastructure hacks resulted from " + np + "."
	}},
	{"payback for", func(np string) string {
		return "U.S. officials read the remarks as a hint that the hacks were payback for " + np + "."
	}},
	{"the price of", func(np string) string { return "The hacks, the Chinese side implied, were the price of " + np + "." }},
	{"a warning over", func(np string) string { return "The Americans took the remarks as a warning over " + np + "." }},
	{"a signal about", func(np string) string { return "U.S. officials saw a signal about " + np + " in the remarks." }},
	{"blamed on", func(np string) string { return "Chinese officials blamed " + np + " for the intrusions." }},
	{"cited", func(np string) string { return "Chinese officials cited " + np + " as the reason for the hacks." }},
	{"pointed to", func(np string) string { return "Asked why, the Chinese delegation pointed to " + np + "." }},
	{"over", func(np string) string { return "The hacks were over " + np + ", the Chinese side suggested." }},
	{"two sentences: the reason", func(np string) string {
		return "Chinese officials did not say why in so many words. The reason, U.S. officials understood, was " + np + "."
	}},
	{"two sentences: it was about", func(np string) string { return "It was about " + np + ", a former official said." }},
}

// usClause is the U.S. supporting Taiwan as a clause's verb phrase, for
// the constructions that take a clause (a condition, a purpose).
type usClause struct {
	family       string
	base, ing, s string // "back", "backing", "backs"
	object       string // after the verb, with {tw}
	deterPrep    string // "from"
}

var usClauses = []usClause{
	{"back", "back", "backing", "backs", "{tw}", "from"},
	{"arm", "arm", "arming", "arms", "{tw}", "from"},
	{"support", "support", "supporting", "supports", "{tw}", "from"},
	{"defend", "defend", "defending", "defends", "{tw}", "from"},
	{"sell arms", "sell arms to", "selling arms to", "sells arms to", "{tw}", "from"},
	{"stand by", "stand by", "standing by", "stands by", "{tw}", "from"},
	{"side with", "side with", "siding with", "sides with", "{tw}", "from"},
	{"help", "help", "helping", "helps", "{tw}", "from"},
}

// summaryLead is the on-story sentence every summary probe starts with;
// it names no motive.
const summaryLead = "In a secret meeting in Geneva in December, Chinese officials tacitly acknowledged the Volt Typhoon hacks on U.S. ports and water utilities, U.S. officials familiar with the talks said. "

// taiwanProbes builds the taiwan criterion's table.
func taiwanProbes() []probe {
	var out []probe
	add := func(fam, con string, kind rubric.Kind, want, text string) {
		out = append(out, probe{fam, con, kind, want, text})
	}
	// Every support phrase in every motive construction, rotating the
	// parties' names so each family meets each.
	for i, s := range supportNPs {
		for j, l := range motiveLinks {
			u := usParties[(i+j)%len(usParties)]
			tw := twNames[(i+2*j)%len(twNames)]
			add(s.family, l.construction, "summary", "pass", summaryLead+upperFirst(l.sentence(s.np(u, tw))))
		}
		// The same in a headline: any link to Taiwan passes.
		u := usParties[i%len(usParties)]
		hp := strings.TrimPrefix(s.np(u, "Taiwan"), "the ")
		add(s.family, "headline: links to", "headline", "pass", "China links US infrastructure hacks to "+hp+", officials say")
		add(s.family, "headline: payback for", "headline", "pass", "China hinted hacks were payback for "+hp)
		add(s.family, "headline: title case", "headline", "pass", titleCase("Beijing tied hacks to "+hp+": report"))
	}
	// Clause constructions: a condition, a purpose, a cause clause.
	for i, c := range usClauses {
		u := usParties[i%len(usParties)]
		tw := twNames[(i+3)%len(twNames)]
		obj := strings.ReplaceAll(c.object, "{tw}", tw)
		add(c.family, "if clause", "summary", "pass", summaryLead+fmt.Sprintf("They warned that the intrusions would go on if %s kept %s %s.", u.subj, c.ing, obj))
		add(c.family, "to deter", "summary", "pass", summaryLead+fmt.Sprintf("The Americans read the hacks as a bid to deter %s %s %s %s.", u.obj, c.deterPrep, c.ing, obj))
		add(c.family, "to punish for", "summary", "pass", summaryLead+fmt.Sprintf("The hacks were meant to punish %s for %s %s, the Chinese side implied.", u.obj, c.ing, obj))
		add(c.family, "because clause", "summary", "pass", summaryLead+fmt.Sprintf("Wang suggested China had acted because %s %s %s.", u.subj, c.s, obj))
		add(c.family, "the cost of", "summary", "pass", summaryLead+fmt.Sprintf("The message, officials said, was that %s would pay a price for %s %s.", u.subj, c.ing, obj))
		add(c.family, "headline: warns over", "headline", "pass", fmt.Sprintf("China signals US hacks are a warning against %s Taiwan", c.ing))
	}
	// The names on their own axis: every name of Taiwan with every name of
	// the U.S., in one support phrase and one link.
	for _, tw := range twNames {
		for _, u := range usParties {
			add("name: "+tw, "party: "+u.poss, "summary", "pass", summaryLead+"They tied the intrusions to "+u.poss+" backing for "+tw+".")
		}
	}
	// Taiwan named first, "the island" after.
	for i, s := range supportNPs[:8] {
		u := usParties[i%len(usParties)]
		add(s.family, "the island, after Taiwan", "summary", "pass", summaryLead+"Beijing claims Taiwan as its own. The Chinese side tied the hacks to "+s.np(u, "the island")+".")
	}
	// Near misses, each with the guide's verdict.
	for _, p := range []struct {
		family, construction string
		kind                 rubric.Kind
		want, text           string
	}{
		// Taiwan as background tension: partial in a summary.
		{"background", "tensions over Taiwan", "summary", "partial", summaryLead + "The meeting came amid rising tensions over Taiwan."},
		{"background", "drills near Taiwan", "summary", "partial", summaryLead + "Weeks later China held military drills around Taiwan."},
		{"background", "Taiwan's election", "summary", "partial", summaryLead + "Taiwan's president was not told of the talks."},
		{"background", "no Taiwan", "summary", "partial", summaryLead + "China's embassy called the report a smear."},
		// A headline with no motive is na; one that ties the hacks to
		// Taiwan alone passes.
		{"headline", "no motive", "headline", "na", "China tacitly acknowledged US infrastructure hacks, officials say"},
		{"headline", "Taiwan alone", "headline", "pass", "China hinted US hacks were about Taiwan, officials say"},
		{"headline", "over Taiwan", "headline", "pass", "China signals it hacked US ports over Taiwan: report"},
		{"headline", "self-ruled island", "headline", "pass", "China signals US hacks were warning over backing of self-ruled island"},
		// The wrong motives: fail.
		{"wrong motive", "trade war", "summary", "fail", summaryLead + "The Chinese side linked the intrusions to the trade war."},
		{"wrong motive", "tariffs", "summary", "fail", summaryLead + "Chinese officials suggested the hacks were retaliation for U.S. tariffs."},
		{"wrong motive", "sanctions", "summary", "fail", summaryLead + "Wang tied the hacks to American sanctions on Chinese firms."},
		{"wrong motive", "export controls", "summary", "fail", summaryLead + "The hacks were payback for U.S. export controls on chips, the Chinese side implied."},
		{"wrong motive", "trade dispute", "summary", "fail", summaryLead + "The intrusions came in response to the trade dispute, Chinese officials indicated."},
		{"wrong motive", "headline trade war", "headline", "fail", "China links US infrastructure hacks to trade war"},
		{"wrong motive", "headline tariffs", "headline", "fail", "China hints hacks were payback for Trump tariffs"},
		{"wrong motive", "joined", "summary", "fail", summaryLead + "They linked the intrusions to U.S. support for Taiwan and to tariffs."},
		// The trade war as background beside the right motive: pass.
		{"wrong motive", "background trade war", "summary", "pass", summaryLead + "They linked the intrusions to U.S. support for Taiwan. The talks came during a bitter trade war."},
		// The motive misstated: fail.
		{"misstated", "independence", "summary", "fail", summaryLead + "They tied the hacks to U.S. support for Taiwan's independence."},
		{"misstated", "Taiwanese independence", "summary", "fail", summaryLead + "The Chinese side linked the intrusions to Washington's backing of Taiwanese independence."},
		{"misstated", "independent nation", "summary", "fail", summaryLead + "The hacks, they implied, were over America treating Taiwan as an independent nation."},
		{"misstated", "recognition", "summary", "fail", summaryLead + "They tied the hacks to U.S. recognition of Taiwan as a sovereign state."},
		{"misstated", "headline independence", "headline", "fail", "China ties hacks to US support for Taiwan independence"},
		// Describing Taiwan is no misstatement; China's own view of it is not the U.S.'s.
		{"misstated", "island nation", "summary", "pass", summaryLead + "They tied the hacks to U.S. arms sales to the island nation of Taiwan."},
		{"misstated", "China opposes independence", "summary", "pass", summaryLead + "Beijing, which opposes Taiwan's independence, tied the hacks to U.S. arms sales to the island."},
		// China by its formal name is not Taiwan.
		{"names", "People's Republic", "summary", "partial", summaryLead + "The People's Republic of China has denied hacking anyone."},
		{"names", "People's Republic after support", "summary", "partial", summaryLead + "U.S. officials said the remarks showed the resolve of the People's Republic of China."},
		// The two sides as a compound.
		{"compound", "U.S.-Taiwan ties", "summary", "pass", summaryLead + "They tied the hacks to deepening U.S.-Taiwan ties."},
		{"compound", "Washington-Taipei cooperation", "summary", "pass", summaryLead + "The hacks were a response to Washington-Taipei military cooperation, they implied."},
		{"compound", "US-Taiwan arms", "summary", "pass", summaryLead + "Wang linked the intrusions to US-Taiwan arms deals."},
		{"compound", "China-Taiwan", "summary", "partial", summaryLead + "China-Taiwan relations have worsened since."},
		// The words between the U.S. and the support are China's: not the
		// U.S.'s support.
		{"near miss", "China's position", "summary", "partial", summaryLead + "U.S. officials said China's position on Taiwan had not changed."},
		{"near miss", "Beijing's stance", "summary", "partial", summaryLead + "American diplomats noted Beijing's hardening stance on Taiwan."},
		{"near miss", "island of Guam", "summary", "partial", summaryLead + "U.S. military support for the island of Guam was not discussed, though China claims Taiwan."},
		{"near miss", "the island, Taiwan unnamed", "summary", "partial", summaryLead + "They tied the hacks to U.S. military support for the island."},
		{"near miss", "Long Island", "summary", "partial", summaryLead + "Washington's aid to Long Island water utilities rose. Taiwan was not raised."},
		{"near miss", "state-backed hackers", "summary", "partial", summaryLead + "China's state-backed hackers have also probed Taiwan, which Beijing claims."},
		{"near miss", "backed by China", "summary", "partial", summaryLead + "Taiwan, threatened by Beijing, was not discussed."},
		// A headline that names the hacks' link to the U.S. side's arms, by
		// the island's description.
		{"headline", "island democracy", "headline", "pass", "China signals US hacks were warning over arms for island democracy"},
	} {
		add(p.family, p.construction, p.kind, p.want, p.text)
	}
	return out
}

// TestTaiwanTable grades the generated motive and targets tables and holds
// their floors: at most the misses left when they were written (taiwan12:
// taiwan 1 of 906, "the Biden administration would pay a price for selling
// arms to the island nation of Taiwan", the U.S. too far before the arms;
// targets 0 of 835). First contact, on main 94d5237: taiwan 394/906 (pass
// wanted 367/878: Taiwan's descriptions 0/7 each, the Biden administration
// 2/8, protection 3/21, security guarantees 4/21, meddling and provocations
// 3/21, "Taiwan, armed by the U.S." 3/21), targets 756/835 (telecom listed
// before "and other targets" 0/9, waterworks and reservoirs 0/14 each, IT
// networks 0/12, shipping ports 0/12, internet providers 0/12). Run with -v
// to read the coverage by family, construction and wanted verdict.
func TestTaiwanTable(t *testing.T) {
	runProbeTables(t, []probeTable{
		{"volt-typhoon-geneva", "taiwan", taiwanProbes(), 1},
		{"volt-typhoon-geneva", "targets", targetsProbes(), 0},
	})
}

// TestTaiwanTableClasses checks the entries behind the classes the motive
// and targets tables found missing, with near misses.
func TestTaiwanTableClasses(t *testing.T) {
	lead := "In a secret meeting in Geneva in December, Chinese officials tacitly acknowledged the Volt Typhoon hacks on U.S. ports, U.S. officials said. "
	runFactCases(t, []factCase{
		// China's words to the Americans: "your" support is the U.S.'s
		{"summary", "taiwan", "pass", lead + "'Your arms sales to Taipei have consequences,' a Chinese official told the Americans."},
		// the U.S. side by its government's names
		{"summary", "taiwan", "pass", lead + "The hacks, they implied, answered the Pentagon's weapons deliveries to the self-governing island."},
		{"summary", "taiwan", "pass", lead + "Wang pointed to Congress's pledges to Taiwan."},
		// another aid, another island, China's own stance: not the link
		{"summary", "taiwan", "partial", lead + "U.S. aid to Ukraine came up, and so did Taiwan."},
		{"summary", "taiwan", "partial", lead + "Hawaiian officials asked for U.S. aid for the island after the hacks; Taiwan was not raised."},
		{"summary", "taiwan", "partial", lead + "Beijing's envoy restated China's policy on Taiwan."},
		// "the island" is Taiwan where the text names Taiwan
		{"summary", "taiwan", "pass", "Beijing claims Taiwan. " + lead + "They tied the hacks to American arms for the island."},
		{"summary", "taiwan", "partial", lead + "They tied the hacks to American arms for the island."},
		// the Republic of China is Taiwan; the People's Republic is not
		{"headline", "taiwan", "pass", "China signals US hacks were warning over arms for Republic of China"},
		{"headline", "taiwan", "na", "People's Republic of China tacitly acknowledged US port hacks, officials say"},
		// targets: "and other" closes a list; "another" breach keeps apart
		{"summary", "targets", "fail", lead + "The hacks hit water utilities, wireless carriers and other targets."},
		{"summary", "targets", "pass", lead + "Wireless carriers were hit in another breach."},
		{"summary", "targets", "pass", lead + "The hacks hit water utilities, waterworks and other targets."},
		// a singular target before the deed; the ports by their trade
		{"summary", "targets", "pass", lead + "The utility intrusions began years ago."},
		{"summary", "targets", "partial", lead + "The hospital breaches began years ago."},
		{"summary", "targets", "pass", lead + "Shipping terminals were among the targets."},
		{"summary", "targets", "partial", lead + "Shipping and rail were among the targets."},
		// the Treasury speaking is no target
		{"summary", "targets", "pass", lead + "A Treasury spokesperson declined to comment."},
		{"summary", "targets", "partial", lead + "The Treasury was also breached."},
	})
}
