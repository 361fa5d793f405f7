package rubrics_test

import (
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// sourcingCase is one row of TestSourcingConstructions: a text written
// here (not taken from a case file), graded on its story's own `sourcing`
// criterion.
type sourcingCase struct {
	rubric, kind, want, text string
}

// TestSourcingConstructions grades the attribution constructions the
// fifth session of 2026-12-07 taught the lexicon (helper attr6, from the
// mismatches of both stories' tune6 and tune7), each in several wordings
// of its own and beside the near misses that must not change: the same
// grammar on both stories where the construction exists in both.
func TestSourcingConstructions(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []sourcingCase{
		// A speech verb between the people and a copula is theirs: "officials
		// said it was …" attributes; "officials were stunned" (the people as
		// the subject of their own clause) and "the campaign officials say
		// was designed" (their word on a side detail, a relative clause) do
		// not.
		{volt, "summary", "pass", "China hinted at the Volt Typhoon hacks in Geneva, according to the Journal. U.S. officials said it was the first time Beijing had signalled a role."},
		{volt, "summary", "pass", "The Journal reported the Geneva meeting. American officials told the paper it was plain China was hinting at its role in the hacks."},
		{volt, "summary", "pass", "According to the Journal, Chinese envoys tacitly acknowledged the hacks. Former officials say this was the clearest hint yet."},
		{volt, "summary", "partial", "According to the Journal, Chinese envoys tacitly acknowledged the hacks. U.S. officials were stunned by the hint."},
		{volt, "summary", "partial", "According to the Journal, Chinese envoys tacitly acknowledged the hacks. Officials in the room were stunned by the hint."},
		{volt, "summary", "partial", "The Journal says China hinted it was behind Volt Typhoon, the campaign U.S. officials say was built to disrupt ports."},
		// A description of the remarks' manner by an adjective is what the
		// people said of them, active or passive; a description as a thing
		// (a warning, an admission) is their reading.
		{volt, "summary", "pass", "The Journal reported that China linked the hacks to Taiwan in Geneva. U.S. officials described Wang Lei's remarks as indirect and ambiguous."},
		{volt, "summary", "pass", "Per the Journal, Chinese envoys linked the hacks to Taiwan; the remarks were characterised by American officials as veiled."},
		{volt, "summary", "pass", "Chinese officials linked the hacks to U.S. support for Taiwan, in remarks described by U.S. sources as oblique, the Journal said."},
		{volt, "summary", "partial", "The Journal reported that China linked the hacks to Taiwan in Geneva. U.S. officials described Wang Lei's remarks as a clear warning about Taiwan."},
		{volt, "summary", "partial", "Per the Journal, Chinese envoys hinted at the hacks; the remarks were described by U.S. officials as an admission."},
		// "State" as a noun after the people is not their verb ("State
		// Department", "state media"); the verb still is.
		{volt, "headline", "partial", "China's hint at its hacking role came at a December meeting with Biden officials; State Department silent"},
		{volt, "headline", "partial", "Beijing tacitly acknowledged the hacks to U.S. officials, state media stays quiet"},
		{asp, "headline", "partial", "WHO cancer agency to list aspartame as a possible carcinogen, as U.S. officials and State Department stay silent"},
		{volt, "headline", "pass", "China tacitly acknowledged the hacks, U.S. officials state"},
		// The impersonal progressive in a headline is hearsay: attributed.
		{asp, "headline", "pass", "They're saying aspartame is a possible carcinogen now?"},
		{asp, "headline", "pass", "People are saying the WHO will call aspartame possibly carcinogenic"},
		{volt, "headline", "pass", "Everyone is saying China all but admitted the hacks in Geneva"},
		{asp, "headline", "partial", "Aspartame is a possible carcinogen, what are we saying to our kids?"},
		// What was seen, read or heard in the news attributes to a
		// publication (partial in a summary), not to nobody.
		{volt, "summary", "partial", "As you may have seen in the news, China has now admitted it hacked U.S. water utilities."},
		{volt, "summary", "partial", "I read in the papers that Chinese officials tacitly acknowledged the hacks in Geneva."},
		{asp, "summary", "partial", "As many have heard on the news, the WHO's cancer agency will list aspartame as possibly carcinogenic in July."},
		{volt, "summary", "fail", "China has now admitted it hacked U.S. water utilities, and it is all over the news."},
		// People briefed or familiar who took the remarks as something are
		// their readers, not their sources.
		{volt, "summary", "partial", "The Journal says Chinese envoys hinted at the hacks in Geneva. It was U.S. diplomats, and people briefed later, who read the remarks as an admission."},
		{volt, "summary", "partial", "Per the Journal, China hinted at the hacks in Geneva; officials familiar with the talks, who interpreted the remarks as a warning, were alarmed."},
		{volt, "summary", "pass", "China hinted at the hacks in Geneva, people briefed on the meeting said."},
		{volt, "summary", "pass", "China hinted at the hacks in Geneva, according to officials familiar with the talks, who asked not to be named."},
		// Nothing received from the subject is not its ruling given.
		{asp, "summary", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic. We have received no word from IARC."},
		{asp, "summary", "pass", "Aspartame is to be listed as a possible carcinogen, two sources said; the company got nothing from the WHO."},
		{asp, "summary", "pass", "IARC will call aspartame possibly carcinogenic, people familiar said. Makers have not received any notice from the agency."},
		{asp, "summary", "partial", "Two sources say IARC will list aspartame as possibly carcinogenic. Diet soda has received a cancer label from the WHO."},
		// Something found or declared safe, by whoever, is the other side's
		// view, not the ruling told as made.
		{asp, "summary", "pass", "IARC will list aspartame as possibly carcinogenic, two sources said. The sweetener has been deemed safe by the WHO's food additives committee since 1981."},
		{asp, "summary", "pass", "IARC will list aspartame as possibly carcinogenic, two sources said. Aspartame is now considered safe by regulators."},
		{asp, "summary", "pass", "Two people familiar say IARC will list aspartame as a possible carcinogen; JECFA has declared it harmless within limits."},
		{asp, "summary", "partial", "IARC will list aspartame as possibly carcinogenic, two sources said. Aspartame has been classified as a carcinogen."},
		// Sources saying something of the ruling, named as a thing, say
		// where the claim comes from as they do of the topic itself.
		{asp, "summary", "pass", "The WHO's cancer agency will call aspartame a possible carcinogen. Insiders say the decision was signed off in June."},
		{asp, "summary", "pass", "IARC is set to list aspartame as possibly carcinogenic. Two people familiar said the ruling is final."},
		{asp, "summary", "pass", "Aspartame will be listed as a possible carcinogen in July. The finding was reached this month, sources told Reuters."},
		{asp, "summary", "fail", "Aspartame will be listed as a possible carcinogen in July. The ruling was reached this month."},
		// The ruling as an event already past, from which another is told,
		// is a ruling announced; a ruling still to come, or the subject's
		// earlier rulings, are not.
		{asp, "headline", "fail", "Diet soda sales slide after WHO cancer finding on aspartame"},
		{asp, "headline", "fail", "Snapple drops aspartame following the WHO's possible-carcinogen ruling"},
		{asp, "headline", "fail", "Lawsuits pile up since IARC declared aspartame possibly carcinogenic"},
		{asp, "headline", "partial", "Aspartame, a possible carcinogen, set to be dropped after WHO cancer review"},
		{asp, "headline", "partial", "Aspartame to be listed as possibly carcinogenic; lawyers busy after previous IARC rulings"},
		{asp, "headline", "pass", "Diet soda sales slide ahead of WHO cancer finding on aspartame, sources say"},
		{asp, "summary", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic. Lawsuits followed after the agency's 2015 glyphosate classification."},
		// inverted, after the claim, by a verb of warning
		{asp, "headline", "fail", "DIET SODA SWEETENER ASPARTAME COULD GIVE YOU CANCER, WARNS WHO"},
		{asp, "headline", "fail", "Aspartame may cause cancer, cautions World Health Organization"},
		{asp, "headline", "pass", "Aspartame may cause cancer, warn sources close to WHO panel"},
		// What people believe is their reading, not what they said.
		{volt, "headline", "partial", "China's Geneva remarks may have been a tacit admission of the hacks, U.S. officials believe"},
		{volt, "headline", "partial", "U.S. officials believe China tacitly acknowledged the Volt Typhoon hacks"},
		{volt, "summary", "partial", "According to the Journal, Chinese envoys hinted at the hacks. American officials believed the remarks were a tacit admission."},
		{volt, "headline", "pass", "China's Geneva remarks were a tacit admission of the hacks, U.S. officials say"},
		// The subject's warning is what it conveyed, the claim an attribution
		// carries; the other side's warning is not.
		{volt, "summary", "partial", "In Geneva, a senior Beijing diplomat warned that Chinese hackers were already inside U.S. water systems, according to a report."},
		{volt, "summary", "pass", "Chinese envoys warned the U.S. delegation that its Taiwan policy had consequences for American ports, U.S. officials said."},
		{volt, "summary", "partial", "China warned Washington over Taiwan at the Geneva meeting, the Journal reported, in remarks read as a tacit admission of the hacks."},
		{volt, "summary", "fail", "China tacitly acknowledged the hacks in Geneva. Separately, U.S. officials said they had warned Beijing of sanctions."},
		{volt, "summary", "partial", "In Geneva a senior Chinese envoy threatened U.S. water systems over Taiwan, according to a report."},
		{volt, "summary", "pass", "At the secret Geneva meeting, Beijing's cyber chief threatened Washington over the hacks on its ports, two people familiar with the talks said."},
		// The subject's envoys telling the other side is the claim, so
		// "reportedly" on their verb carries it; telling anyone else is not.
		{volt, "summary", "partial", "At the Geneva talks a Chinese diplomat reportedly told his American counterparts the intrusions were about Taiwan."},
		{volt, "summary", "partial", "Chinese officials allegedly informed the U.S. delegation that the water-system hacks were a message over Taiwan."},
		{volt, "summary", "pass", "A Chinese envoy told U.S. counterparts in Geneva that the hacks were tied to Taiwan, according to people familiar with the talks."},
		{volt, "summary", "fail", "China tacitly acknowledged the hacks in Geneva. A Chinese official reportedly told state media the meeting was routine."},
		// The subject's decision told by unnamed sources in the same
		// sentence is their account of it; told elsewhere, on its own, it is
		// the subject announcing.
		{asp, "summary", "pass", "IARC experts have concluded that aspartame is possibly carcinogenic, two people familiar with the process said."},
		{asp, "headline", "pass", "WHO's cancer agency has decided to list aspartame as a possible carcinogen, sources say"},
		{asp, "summary", "pass", "According to two sources, IARC has determined that aspartame is possibly carcinogenic and will say so in July."},
		{asp, "summary", "partial", "Two sources say aspartame will be listed as possibly carcinogenic. IARC has concluded that it is possibly carcinogenic."},
		{asp, "summary", "fail", "IARC has concluded that aspartame is possibly carcinogenic."},
		// or told by a report in the same sentence, the report's account
		{asp, "summary", "pass", "Reuters reported that IARC has decided to list aspartame as possibly carcinogenic. Its story rests on two sources familiar with the process."},
		{asp, "summary", "partial", "IARC has determined that aspartame is possibly carcinogenic, according to a Reuters report."},
		{asp, "summary", "partial", "Reuters reported that IARC will list aspartame as possibly carcinogenic. The agency has decided to list it."},
		// The sources described before their verb, however long the
		// description; what they heard or got is not what they said.
		{asp, "summary", "pass", "IARC will list aspartame as possibly carcinogenic in July, two people familiar with the agency's process said."},
		{asp, "summary", "pass", "Aspartame is to be called a possible carcinogen, officials briefed on the panel's June meeting told Reuters."},
		{asp, "summary", "partial", "Aspartame is to be called a possible carcinogen, Reuters reported. Officials got a briefing on the ruling."},
		// The subject speaking after a relative clause about it, its main
		// verb marked by a time adverb; the relative clause's own speaker is
		// not the subject.
		{asp, "headline", "fail", "The WHO that approved your vaccines now says aspartame is possibly carcinogenic"},
		{asp, "headline", "fail", "IARC, which once listed coffee, is now saying aspartame may cause cancer"},
		{asp, "summary", "fail", "The same agency that flagged red meat suddenly says aspartame is possibly carcinogenic."},
		{asp, "headline", "pass", "IARC, which sources say now plans a July ruling, to list aspartame as possibly carcinogenic"},
		// The subject's word on its own process (its reviews, its panels) is
		// not the ruling put in its mouth; its word on aspartame is.
		{asp, "headline", "partial", "Aspartame to be listed as a possible carcinogen; WHO says the two reviews are complementary"},
		{asp, "headline", "pass", "IARC set to call aspartame possibly carcinogenic, sources say; IARC spokesperson says its panels work independently"},
		{asp, "summary", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic. The WHO said both assessments would be published on July 14."},
		{asp, "headline", "fail", "WHO spokesperson says aspartame is possibly carcinogenic"},
		// "Per" the people is "according to" them; per the subject's own
		// people is not a source. Responsibility as a state is the claim.
		{volt, "summary", "pass", "Chinese envoys did not directly say China was responsible for the hacks, per the U.S. officials quoted."},
		{volt, "summary", "pass", "Per two American officials, Beijing tacitly acknowledged its role in the intrusions."},
		{asp, "summary", "pass", "Per two officials with knowledge of the process, IARC will list aspartame as possibly carcinogenic."},
		{volt, "summary", "fail", "Per Chinese officials, Beijing tacitly acknowledged the intrusions."},
		{volt, "summary", "pass", "Chinese envoys hinted at the Volt Typhoon hacks in Geneva. U.S. officials said China was responsible, though its envoys never said so directly."},
		// Unnamed people described by a relative clause, however long; the
		// subject's own people so described are still not sources.
		{volt, "summary", "pass", "Americans who were in the room in Geneva say Chinese envoys hinted at the hacks on U.S. ports."},
		{volt, "summary", "pass", "Those who attended the closed-door Geneva session said China tacitly acknowledged the hacks."},
		{volt, "summary", "pass", "People who were in the room said China all but admitted the Volt Typhoon hacks."},
		{volt, "summary", "partial", "The Journal says China all but admitted the Volt Typhoon hacks. Officials who attended were stunned."},
		{asp, "summary", "pass", "People who took part in the panel's June meeting say IARC will list aspartame as possibly carcinogenic."},
		{volt, "summary", "partial", "According to the Journal, China tacitly acknowledged the hacks. Chinese officials who attended the session said the remarks were ambiguous."},
		// A leak, its sources or insiders from inside the subject speak, not
		// the subject.
		{asp, "summary", "pass", "A leak from the agency says aspartame will be listed as possibly carcinogenic."},
		{asp, "headline", "pass", "Insiders at the WHO say aspartame to be listed as possible carcinogen"},
		{asp, "summary", "pass", "Sources inside IARC said aspartame will be listed as possibly carcinogenic."},
		{asp, "summary", "fail", "Aspartame will be listed as possibly carcinogenic, the WHO says."},
		// A label of one informant, in the singular, attributes; the
		// subject's own people as the label are the subject speaking.
		{volt, "headline", "pass", "Ex-U.S. official: China hinted it was behind the hacks"},
		{volt, "headline", "pass", "U.S. diplomat: China all but admitted the hacks"},
		{asp, "headline", "pass", "Insider: aspartame to be named possible carcinogen by WHO cancer arm"},
		{asp, "headline", "pass", "WHO sources: aspartame to be named possible carcinogen"},
		{volt, "headline", "partial", "Chinese official: we tacitly acknowledged the hacks"},
		{asp, "headline", "fail", "IARC official: aspartame to be named possible carcinogen"},
		// the people spoken to in "X to Y: …" are not the source
		{volt, "headline", "partial", "Chinese envoy to U.S. officials: your Taiwan policy is why we are in your ports"},
		{volt, "headline", "partial", "China's Wang Lei to American diplomats in Geneva: the hacks on your ports are about Taiwan"},
		{asp, "headline", "partial", "WHO cancer arm to regulators: aspartame to be listed as possible carcinogen"},
		{volt, "headline", "pass", "According to officials: China tacitly acknowledged the hacks"},
		// A headline's passive with its copula dropped tells the ruling as
		// made; "to be", a modal or a negation before it does not.
		{asp, "headline", "fail", "Aspartame declared possible carcinogen"},
		{asp, "headline", "fail", "Diet Coke sweetener labelled 'possibly carcinogenic'"},
		{asp, "headline", "fail", "Aspartame, the sweetener in Extra gum, classified as a possible carcinogen"},
		{asp, "headline", "partial", "Aspartame to be declared possible carcinogen"},
		{asp, "headline", "partial", "Aspartame could be labelled a possible carcinogen next month"},
		{asp, "headline", "pass", "Aspartame to be declared possible carcinogen, sources say"},
		// The subject speaking inside quotation marks is someone's words
		// quoted (a claim being checked), not the text putting the ruling in
		// its mouth.
		{asp, "summary", "pass", "Claim: 'The WHO says aspartame causes cancer.' Verdict: false. Two sources told Reuters IARC will list it as possibly carcinogenic."},
		{asp, "headline", "pass", "'WHO says aspartame causes cancer' posts go viral; sources say IARC to list it as possible carcinogen"},
		{asp, "summary", "pass", "Posts claiming \"IARC said aspartame is carcinogenic\" are wrong: people with knowledge of the process say it will be listed as possibly carcinogenic."},
		{asp, "summary", "partial", "Two sources say IARC will list aspartame as possibly carcinogenic. The WHO says aspartame is possibly carcinogenic."},
	}
	for _, id := range []string{volt, asp} {
		var cases []factCase
		for _, tt := range tests {
			if tt.rubric == id {
				cases = append(cases, factCase{kind: rubric.Kind(tt.kind), criterion: "sourcing", want: tt.want, text: tt.text})
			}
		}
		runCriterionCases(t, id, cases)
	}
}

// TestSourcingTune9 grades the attribution constructions taught from
// tune9's odd half (issue 13, helper asp9), beside near misses.
func TestSourcingTune9(t *testing.T) {
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// Sources in a sentence of their own that names the release by
		// "it" ("it drops in july") attribute the claim before them.
		{"summary", "sourcing", "pass", "ngl the WHO cancer agency bout to call aspartame possibly carcinogenic. sources told reuters it drops in july."},
		{"summary", "sourcing", "pass", "IARC will list aspartame as possibly carcinogenic, Reuters reports. Two insiders said it'll land on July 14."},
		{"summary", "sourcing", "pass", "IARC will list aspartame as possibly carcinogenic, Reuters reports. Insiders say it comes out next month."},
		{"summary", "sourcing", "partial", "IARC will list aspartame as possibly carcinogenic, Reuters reports. Insiders said that drop in diet soda sales is real."},
		// Leakers are sources.
		{"summary", "sourcing", "pass", "IARC will list aspartame as possibly carcinogenic next month, according to leakers talking to Reuters."},
		{"summary", "sourcing", "pass", "A whistleblower told Reuters the WHO's cancer arm will call aspartame possibly carcinogenic."},
		// An office noun before "who" makes it the relative pronoun: their
		// past word on other things is not the ruling announced.
		{"summary", "sourcing", "pass", "The same WHO bureaucrats who told you steak was a cancer risk will call aspartame possibly carcinogenic next month, two sources said."},
		{"summary", "sourcing", "pass", "Unelected technocrats who said your phone was a cancer risk will list aspartame as possibly carcinogenic, people familiar with the process said."},
		{"summary", "sourcing", "partial", "The WHO told reporters aspartame is possibly carcinogenic, two sources said."},
		// The subject's finding as a thing already known ("What WHO
		// researchers found"), not what it is to find.
		{"headline", "sourcing", "fail", "Is your gum a cancer risk? What WHO researchers found"},
		{"headline", "sourcing", "fail", "Aspartame and cancer risk: what the agency concluded"},
		{"headline", "sourcing", "partial", "Is your gum a cancer risk? What WHO researchers will conclude next month"},
		// The intake view closed by an inverted attribution to the WHO is
		// not the ruling in its mouth; the ruling so closed, or a harm
		// denied safe, is.
		{"headline", "sourcing", "partial", "Aspartame safe up to three cans a day, says WHO panel, as cancer agency prepares listing"},
		{"headline", "sourcing", "partial", "Diet soda fine in moderation, WHO experts say, as IARC readies aspartame cancer label"},
		{"headline", "sourcing", "pass", "Aspartame safe within limits, says WHO panel, as cancer agency readies listing, sources say"},
		{"headline", "sourcing", "fail", "Aspartame a possible carcinogen, says WHO"},
		{"headline", "sourcing", "fail", "Aspartame possibly carcinogenic and not safe, says WHO"},
		// The subject's spokesperson as the source of a sentence on the
		// topic is the subject speaking; on the findings' confidentiality,
		// or on the reviews alone, it is not.
		{"summary", "sourcing", "fail", "The WHO's cancer agency will list aspartame as possibly carcinogenic next month. According to an IARC spokesperson, the finding is a first step to understand its carcinogenicity."},
		{"summary", "sourcing", "partial", "Two sources told Reuters IARC will list aspartame as possibly carcinogenic. According to a WHO official, the listing reflects limited evidence of cancer."},
		{"summary", "sourcing", "pass", "Two sources told Reuters IARC will list aspartame as possibly carcinogenic. According to an IARC spokesperson, the findings on aspartame are confidential until July."},
		{"summary", "sourcing", "pass", "Two sources told Reuters IARC will list aspartame as possibly carcinogenic. According to an IARC spokesperson, the two reviews are complementary."},
	})
}
