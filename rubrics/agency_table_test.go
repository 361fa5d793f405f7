package rubrics_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// The agency table (issue 13, agency12): the ways English names the bodies
// of the aspartame story × the acts the desk's guide assigns them × the
// frames a headline or summary puts them in, each sentence with the verdict
// the guide gives its `agency` criterion. Nothing here comes from a case
// file: the names are English's ways of naming an organisation (full name,
// acronym, possessive, apposition, a description by its field, its parent,
// its seat or its kind: "regulators", "a panel"), the acts the guide's
// (IARC classifies hazard, JECFA sets the acceptable daily intake, the
// regulators hold aspartame safe within it), the frames English grammar
// (headline infinitive, summary future, passive with "by", possessive
// noun phrase, "according to", apposition) and the verdicts the guide's:
// the ruling IARC's or its description's passes, the WHO's alone is
// partial, another body's fails, no body named is na.

// agencyBody is one way of naming a body, and the verdict the ruling given
// to it earns under `agency`.
type agencyBody struct {
	family, name string // name as a sentence starts it
	plural       bool
	want         string
}

var agencyBodies = []agencyBody{
	// IARC: acronym, full name, the WHO's, by its field, its seat, its kind
	{"iarc: acronym", "IARC", false, "pass"},
	{"iarc: full name", "The International Agency for Research on Cancer", false, "pass"},
	{"iarc: the WHO's IARC", "The WHO's IARC", false, "pass"},
	{"iarc: cancer research agency", "The WHO's cancer research agency", false, "pass"},
	{"iarc: cancer arm", "The World Health Organization's cancer arm", false, "pass"},
	{"iarc: cancer research body", "The WHO's cancer research body", false, "pass"},
	{"iarc: WHO cancer unit", "The WHO cancer unit", false, "pass"},
	{"iarc: cancer agency", "The cancer agency of the World Health Organization", false, "pass"},
	{"iarc: Lyon-based", "The Lyon-based agency", false, "pass"},
	{"iarc: a WHO agency", "A WHO agency", false, "pass"},
	{"iarc: a WHO panel", "A WHO panel", false, "pass"},
	{"iarc: UN health agency's arm", "The UN health agency's cancer arm", false, "pass"},
	{"iarc: its experts", "IARC's experts", true, "pass"},
	// the WHO alone
	{"who: acronym", "The WHO", false, "partial"},
	{"who: full name", "The World Health Organization", false, "partial"},
	{"who: British spelling", "The World Health Organisation", false, "partial"},
	// other bodies: the food additives committee, regulators by name and kind
	{"jecfa: acronym", "JECFA", false, "fail"},
	{"jecfa: full name", "The Joint FAO/WHO Expert Committee on Food Additives", false, "fail"},
	{"jecfa: WHO's food additives committee", "The WHO's food additives committee", false, "fail"},
	{"jecfa: UN's food additives committee", "The UN's food additives committee", false, "fail"},
	{"jecfa: additives experts", "The WHO's food additives experts", true, "fail"},
	{"fda: acronym", "The FDA", false, "fail"},
	{"fda: full name", "The U.S. Food and Drug Administration", false, "fail"},
	{"efsa: acronym", "EFSA", false, "fail"},
	{"efsa: full name", "The European Food Safety Authority", false, "fail"},
	{"regulators: health", "Health regulators", true, "fail"},
	{"regulators: U.S.", "U.S. regulators", true, "fail"},
	{"regulators: European", "European food regulators", true, "fail"},
	// no body named
	{"none: a global health body", "A global health body", false, "na"},
	{"none: a UN agency", "A UN agency", false, "na"},
}

// agencyActs are the listing in the guide's words, as a headline's
// infinitive, a summary's future and a passive's participle.
var agencyActs = []struct{ family, base, pp, rest string }{
	{"list", "list", "listed", "as possibly carcinogenic to humans"},
	{"classify", "classify", "classified", "as a possible carcinogen"},
	{"label", "label", "labelled", "a possible carcinogen"},
	{"declare", "declare", "declared", "a possible cancer risk"},
}

func lowerBody(s string) string {
	if strings.HasPrefix(s, "A ") || strings.HasPrefix(s, "The ") || strings.HasPrefix(s, "Health ") {
		return strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

// agencyProbes builds the table.
func agencyProbes() []probe {
	var out []probe
	add := func(fam, con, kind, want, text string) {
		out = append(out, probe{fam, con, rubric.Kind(kind), want, text})
	}
	for i, b := range agencyBodies {
		a := agencyActs[i%len(agencyActs)]
		will := "will"
		is := "is"
		if b.plural {
			is = "are"
		}
		lb := lowerBody(b.name)
		add(b.family, "headline: to act", "headline", b.want, fmt.Sprintf("%s to %s aspartame %s - sources", b.name, a.base, a.rest))
		add(b.family, "summary: will act", "summary", b.want, fmt.Sprintf("%s %s %s aspartame %s next month, two sources with knowledge of the process said.", b.name, will, a.base, a.rest))
		add(b.family, "set to", "summary", b.want, fmt.Sprintf("%s %s set to %s the sweetener aspartame %s in July, according to two people familiar with the process.", b.name, is, a.base, a.rest))
		add(b.family, "passive by", "headline", b.want, fmt.Sprintf("Aspartame to be %s %s by %s, sources say", a.pp, a.rest, lb))
		add(b.family, "according to sources", "summary", b.want, fmt.Sprintf("According to two sources, %s %s %s aspartame %s in July.", lb, will, a.base, a.rest))
		if !b.plural {
			// a possessive noun phrase: the ruling as the body's
			poss := b.name + "'s"
			if strings.HasSuffix(b.name, "s") {
				poss = b.name + "'"
			}
			add(b.family, "possessive ruling", "headline", b.want, fmt.Sprintf("%s ruling on aspartame: a possible carcinogen, sources say", poss))
			// the possessive before a ruling noun and its infinitive
			add(b.family, "possessive decision to act", "summary", b.want, fmt.Sprintf("%s decision to %s aspartame %s is due in July, two sources said.", poss, a.base, a.rest))
			// a relative clause on the body
			add(b.family, "relative clause", "summary", b.want, fmt.Sprintf("%s, which will %s aspartame %s, meets next week, sources said.", b.name, a.base, a.rest))
		}
		// the body as the headline's speaker, before a colon
		add(b.family, "body: claim", "headline", b.want, fmt.Sprintf("%s: aspartame %s %s in July", b.name, "to be "+a.pp, a.rest))
	}
	// Appositions: the acronym glossed by its description, right and wrong.
	add("apposition: iarc", "apposition", "summary", "pass", "IARC, the WHO's cancer research arm, will list aspartame as possibly carcinogenic in July, sources said.")
	add("apposition: iarc", "apposition", "summary", "pass", "The International Agency for Research on Cancer, based in Lyon, will declare aspartame a possible carcinogen, two sources said.")
	add("apposition: jecfa", "apposition", "summary", "fail", "JECFA, the WHO's expert committee on food additives, will list aspartame as possibly carcinogenic in July, sources said.")
	add("apposition: fda", "apposition", "summary", "fail", "The FDA, America's food regulator, is set to label aspartame a possible carcinogen, sources said.")

	// The other acts: JECFA's safe daily intake and the regulators' view
	// beside IARC's listing pass; the acts swapped fail.
	listing := "IARC will list aspartame as possibly carcinogenic next month, sources said. "
	add("roles: jecfa intake", "jecfa sets intake", "summary", "pass", listing+"JECFA, the WHO and FAO committee on food additives, sets the acceptable daily intake.")
	add("roles: jecfa intake", "jecfa reviews intake", "summary", "pass", listing+"A separate WHO committee, JECFA, is reviewing how much aspartame is safe to consume.")
	add("roles: jecfa safe", "jecfa says safe", "summary", "pass", listing+"JECFA has said since 1981 that aspartame is safe within accepted daily limits.")
	add("roles: regulators safe", "regulators say safe", "summary", "pass", listing+"Regulators in the U.S. and Europe say it is safe within daily limits.")
	add("roles: regulators safe", "fda says safe", "summary", "pass", listing+"The FDA considers aspartame safe at current intake levels.")
	add("roles: swapped", "iarc says safe", "summary", "fail", "JECFA will list aspartame as possibly carcinogenic next month, sources said. IARC has said it is safe within daily limits.")
	add("roles: swapped", "jecfa lists", "summary", "fail", "The WHO's food additives committee will classify aspartame as a possible carcinogen, sources said, while IARC reviews the daily intake.")
	add("roles: unsafe finding", "regulators find unsafe", "summary", "fail", listing+"Regulators have ruled it unsafe.")
	add("roles: unsafe finding", "jecfa finds unsafe", "summary", "fail", listing+"JECFA has deemed the sweetener unsafe to consume.")
	add("roles: unsafe finding", "who finds unsafe", "summary", "fail", "The World Health Organization has deemed aspartame unsafe, sources said.")

	// Near misses: another body beside IARC's ruling, not making it.
	add("near miss", "other body disagrees", "summary", "pass", listing+"The FDA said it disagrees with the listing.")
	add("near miss", "other body reacts", "headline", "pass", "IARC to list aspartame as possible carcinogen; U.S. regulators unmoved")
	add("near miss", "unlike jecfa", "summary", "pass", "Unlike JECFA, which sets safe intake levels, IARC will classify aspartame as a possible carcinogen, sources said.")
	add("near miss", "efsa earlier view", "summary", "pass", listing+"EFSA, which called aspartame safe in 2013, had no comment.")
	add("near miss", "jecfa also reviewing", "headline", "pass", "WHO cancer agency to list aspartame as possible carcinogen as JECFA reviews intake")
	add("near miss", "another body's cancer arm", "headline", "fail", "The FDA's cancer research arm to list aspartame as a possible carcinogen")
	add("near miss", "jecfa described, no ruling", "summary", "na", "The WHO's expert committee on food additives has held aspartame safe within accepted daily limits since 1981.")
	add("near miss", "jecfa described, no ruling", "summary", "na", "A World Health Organization committee on food additives is reviewing aspartame this year; it has long said the sweetener is safe.")
	add("near miss", "jecfa described, who rules", "summary", "partial", "The WHO's food additives committee says aspartame is safe, but the WHO will list it as possibly carcinogenic in July, sources said.")
	add("near miss", "regulators question the listing", "summary", "partial", "U.S. regulators question the WHO's listing of aspartame as a possible carcinogen, due in July, sources said.")
	add("near miss", "regulators question the listing", "summary", "pass", "European regulators question IARC's listing of aspartame as a possible carcinogen, due in July, sources said.")
	add("near miss", "passive by, regulators as source", "headline", "pass", "Aspartame to be listed as a possible carcinogen by WHO cancer agency, regulators told")
	add("near miss", "passive by, date", "headline", "partial", "Aspartame to be listed as a possible carcinogen by the WHO by July, sources say")
	add("near miss", "passive by iarc, other body after", "headline", "pass", "Aspartame to be listed as a possible carcinogen by IARC, though the FDA disagrees")
	add("near miss", "other body's response to the listing", "headline", "na", "The FDA's response to the listing of aspartame as a possible carcinogen")
	add("near miss", "other body's response to the listing", "headline", "pass", "EFSA's answer to IARC's listing of aspartame as a possible carcinogen")
	add("near miss", "who headline, iarc body", "summary", "pass", "The WHO will list aspartame as possibly carcinogenic next month, sources said; the ruling comes from its International Agency for Research on Cancer.")
	return out
}

// TestAgencyTable grades the generated agency table and holds its floor
// (agency12: main cd2f53d got 252 of 286 as the guide says, this change
// 285; the miss left is "The World Health Organization has deemed aspartame
// unsafe", BENCHMARKS.md says why): run with -v to read the coverage by
// name, frame and verdict.
func TestAgencyTable(t *testing.T) {
	runProbeTables(t, []probeTable{
		{"aspartame-iarc", "agency", agencyProbes(), 1},
	})
}
