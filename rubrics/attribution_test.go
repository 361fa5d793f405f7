package rubrics_test

import (
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// TestAttributionGrammarOnBothStories grades attribution in every position
// English puts it (docs/RUBRICS.md, "The attribution grammar"): before and
// after the claim, inverted, across a colon or a dash, in a parenthesis, as
// a label, a passive, a quotation's frame, and in a separate sentence of a
// summary that still governs the claim. The sentences are written here,
// not taken from any case file, and each position is graded on both
// stories with the story's own `sourcing` criterion: the grammar is the
// shared lexicon's, written once, and must read the same construction about
// China and the hacks as about IARC and aspartame.
func TestAttributionGrammarOnBothStories(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	// The claims, told without attribution.
	const vc = "China tacitly acknowledged the Volt Typhoon hacks in Geneva"
	const ac = "WHO's cancer agency to list aspartame as a possible carcinogen"
	const acs = "The WHO's cancer research agency will list aspartame as possibly carcinogenic in July"
	tests := []struct {
		rubric string
		kind   rubric.Kind
		text   string
		want   rubric.Verdict
	}{
		// Headlines: any attribution passes, wherever it stands.
		{volt, "headline", vc, "partial"},
		{asp, "headline", ac, "partial"},
		// after the claim, inverted and not
		{volt, "headline", vc + ", say officials", "pass"},
		{volt, "headline", vc + ", officials say", "pass"},
		{asp, "headline", ac + ", say sources", "pass"},
		{asp, "headline", ac + ", sources say", "pass"},
		// before the claim
		{volt, "headline", "U.S. officials say " + vc, "pass"},
		{asp, "headline", "Sources say " + ac, "pass"},
		{volt, "headline", "Per sources, " + vc, "pass"},
		{asp, "headline", ac + ", per sources", "pass"},
		{volt, "headline", "According to a report, " + vc, "pass"},
		{asp, "headline", ac + ", according to a report", "pass"},
		// across a colon or a dash, as a label before or after
		{volt, "headline", "Report: " + vc, "pass"},
		{asp, "headline", "Sources: " + ac, "pass"},
		{volt, "headline", vc + ": report", "pass"},
		{asp, "headline", ac + " - sources", "pass"},
		{volt, "headline", vc + " — report", "pass"},
		{volt, "headline", "New York Times: " + vc, "pass"},
		{asp, "headline", ac + " — Washington Post", "pass"},
		// in a parenthesis
		{volt, "headline", vc + " (report)", "pass"},
		{asp, "headline", ac + " (sources)", "pass"},
		// the sources described before their verb
		{volt, "headline", vc + ", sources familiar with the talks say", "pass"},
		{asp, "headline", ac + ", people with knowledge of the process say", "pass"},
		// quotation framing
		{volt, "headline", "'China all but admitted the hacks,' one official says", "pass"},
		{asp, "headline", "'Possibly carcinogenic': WHO's cancer agency to list aspartame, sources say", "pass"},
		// what officials heard is not what they said
		{volt, "headline", "China did not directly admit the hacks, but U.S. officials heard a veiled warning", "partial"},
		// a publication as the speaker, a reporting passive
		{volt, "headline", vc + ", the Journal reports", "pass"},
		{asp, "headline", ac + ", Reuters reports", "pass"},
		{volt, "headline", "China is understood to have tacitly acknowledged the Volt Typhoon hacks", "pass"},
		{volt, "headline", "China said to have tacitly acknowledged the Volt Typhoon hacks", "pass"},
		{asp, "headline", "WHO's cancer agency is understood to be set to list aspartame as a possible carcinogen", "pass"},
		// A dateline names a place, not a source; a section label is not an outlet.
		{volt, "headline", "GENEVA: " + vc, "partial"},
		{asp, "headline", "Geneva: " + ac, "partial"},
		{volt, "headline", "Breaking News: " + vc, "partial"},
		// A body's report still to come is not attribution.
		{asp, "headline", ac + "; additives panel to report the same day", "partial"},
		{volt, "headline", vc + "; Senate panel to report next week", "partial"},
		{volt, "headline", vc + "; Congress to report next week", "partial"},
		// a warning of something is about it
		{volt, "headline", vc + " as U.S. officials warned of more", "partial"},
		{asp, "headline", ac + " as sources warn of an industry backlash", "partial"},

		// Summaries: unnamed people pass, a publication alone is partial.
		{volt, "summary", vc + ", according to people familiar with the matter.", "pass"},
		{asp, "summary", acs + ", according to two sources with knowledge of the process.", "pass"},
		{volt, "summary", vc + ", U.S. officials said.", "pass"},
		{asp, "summary", acs + ", sources told Reuters.", "pass"},
		{volt, "summary", "According to officials, " + vc + ".", "pass"},
		{asp, "summary", "According to sources, " + acs + ".", "pass"},
		{volt, "summary", vc + ", people who declined to be named said.", "pass"},
		{asp, "summary", acs + ", people who asked not to be named said.", "pass"},
		{volt, "summary", "It is understood that " + vc + ".", "pass"},
		// in a separate sentence that still governs the claim: the report's own sourcing
		{volt, "summary", vc + ". The Journal, citing current and former U.S. officials, reported the remarks on Thursday.", "pass"},
		{asp, "summary", acs + ". Reuters, citing two people with knowledge of the process, reported the plan on Thursday.", "pass"},
		{volt, "summary", vc + ". The Journal has the story from U.S. officials.", "pass"},
		{asp, "summary", acs + ". Reuters got the story from people with knowledge of the process.", "pass"},
		// quotation framing
		{volt, "summary", "\"China all but admitted the Volt Typhoon hacks,\" one U.S. official said of the Geneva meeting.", "pass"},
		{asp, "summary", "\"IARC will list aspartame as possibly carcinogenic in July,\" one of the sources said.", "pass"},
		// a sentence pointing back at the claim
		{volt, "summary", vc + ". That's according to U.S. officials who attended.", "pass"},
		{asp, "summary", acs + ". So say two people familiar with the decision.", "pass"},
		{volt, "summary", vc + ". That is what U.S. officials told the Journal.", "pass"},
		{volt, "summary", vc + ". That's according to the Wall Street Journal.", "partial"},
		{asp, "summary", acs + ". That's according to Reuters.", "partial"},
		// a source saying something else in its own sentence does not govern the claim
		{volt, "summary", vc + ". U.S. officials said the hacks began in 2021.", "fail"},
		// the account's origin, a fronted "as … put it", an informant by rank
		{volt, "summary", vc + ". The account comes from U.S. officials who were in the room.", "pass"},
		{asp, "summary", acs + ". The news comes from two people familiar with the process.", "pass"},
		{volt, "summary", "As one former official put it, " + vc + ".", "pass"},
		{asp, "summary", acs + ", a senior official said.", "pass"},
		// the subject's own official is not a source
		{volt, "summary", "According to the Journal, a senior official from China's foreign ministry tacitly acknowledged the hacks.", "partial"},
		// a publication alone, or a wire's dateline
		{volt, "summary", vc + ", the Wall Street Journal reported.", "partial"},
		{volt, "summary", "WASHINGTON (Reuters) - " + vc + ".", "partial"},
		{asp, "summary", acs + ", Reuters reported.", "partial"},
		{volt, "summary", "According to the Journal, " + vc + ".", "partial"},
		{asp, "summary", "According to Reuters, " + acs + ".", "partial"},
		{asp, "summary", "Headlines this week said " + acs + ".", "partial"},
		// what follows a comma is the claim, not its source: "according to
		// the Journal, Chinese officials …" attributes to the publication
		{volt, "summary", "According to the Journal, Chinese officials tacitly acknowledged the Volt Typhoon hacks in Geneva.", "partial"},
		// inverted attribution ends its clause: a verb after the officials
		// makes them the reported clause's subject
		{volt, "summary", "The report, published by the Journal, says U.S. officials were stunned that " + "China tacitly acknowledged the hacks.", "partial"},
		// a description is a reading, not attribution
		{volt, "summary", vc + ", the Journal reported. U.S. officials described the remarks as a clear warning.", "partial"},
		// The subject's own people are not sources.
		{asp, "summary", "According to Reuters, the WHO's own cancer researchers are about to say aspartame is possibly carcinogenic.", "partial"},
		// who was told is not who told
		{asp, "summary", "The WHO's cancer agency may list aspartame as possibly carcinogenic, a report says. No regulator has told people to stop drinking diet soda.", "partial"},
		// Nothing relayed of what the agency will say, and no attribution,
		// is na; a judgement it is about to pass is graded (unattributed).
		{asp, "headline", "Is your diet soda safe? The WHO is about to weigh in on aspartame", "na"},
		{asp, "headline", "Regulators call aspartame safe; WHO cancer body about to disagree", "partial"},
		{asp, "headline", "WHO's coming aspartame ruling worries soda makers", "na"},
		{asp, "headline", "Two sources: IARC's aspartame ruling was finalised in June", "pass"},
		// The subject speaking: a question asks; another of its statements
		// (not about the topic) is not the ruling put in its mouth.
		{asp, "headline", "Did the WHO just say aspartame is possibly carcinogenic?", "partial"},
		{asp, "summary", "The WHO is saying aspartame is possibly carcinogenic.", "fail"},
		// its own people on the record are the subject speaking; its
		// sources are a leak
		{asp, "headline", "IARC officials say aspartame is possibly carcinogenic", "fail"},
		{asp, "headline", "Aspartame possibly carcinogenic, IARC experts say", "fail"},
		{asp, "headline", "Aspartame to be listed as possibly carcinogenic, IARC insiders say", "pass"},
		{asp, "summary", "IARC will list aspartame as possibly carcinogenic in July, the agency said.", "fail"},
		{asp, "summary", "According to IARC, aspartame will be listed as possibly carcinogenic in July.", "fail"},
		{asp, "summary", "IARC will list aspartame as possibly carcinogenic in July, two sources said. An IARC spokesperson said the findings were confidential until July.", "pass"},
		{asp, "summary", acs + ", sources told Reuters. A 60 kg adult can safely drink 12 cans of diet soda a day, the agency says.", "pass"},
		{asp, "summary", acs + ", two sources said. According to the WHO's food additives experts, an adult can drink 12 to 36 cans a day.", "pass"},
	}
	// Each story's rows, graded by runCriterionCases on its own sourcing.
	for _, id := range []string{volt, asp} {
		var cases []factCase
		for _, tt := range tests {
			if tt.rubric == id {
				cases = append(cases, factCase{kind: tt.kind, criterion: "sourcing", want: string(tt.want), text: tt.text})
			}
		}
		runCriterionCases(t, id, cases)
	}
}

// TestTune9AttributionConstructions grades attribution constructions read
// on volt tune9's odd half (issue 12), written here (none from a case
// file): a sentence that points back at the claim, unnamed people described
// by where they were, and the subject's own statement on the record.
func TestTune9AttributionConstructions(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []storyCase{
		// A sentence that points back at the claim sources it.
		{volt, "sourcing", "summary", "pass", "Beijing's cyber bosses bragged to stunned Americans that they had burrowed into U.S. ports and water plants. The bombshell came at a secret Geneva meeting, insiders claim."},
		{volt, "sourcing", "summary", "pass", "China confessed to the airport hacks at a December meeting in Geneva. That's according to U.S. officials who were in the room."},
		{volt, "sourcing", "summary", "fail", "Beijing came clean on the airport hacks in Geneva. The bombshell stunned the room."},
		// Unnamed people described by where they were, after "according to".
		{volt, "sourcing", "summary", "pass", "According to Americans who were there, a Chinese diplomat tied the port hacks to Taiwan at a Geneva meeting."},
		{volt, "sourcing", "summary", "pass", "Chinese officials hinted at the water utility hacks in Geneva, according to those present."},
		{volt, "sourcing", "summary", "pass", "In Geneva, according to attendees in the room, China's envoy linked the airport hacks to U.S. support for Taiwan."},
		{volt, "sourcing", "summary", "pass", "According to witnesses who sat through the session, Chinese officials tacitly acknowledged the port hacks in Geneva."},
		{volt, "sourcing", "summary", "fail", "Chinese officials who were there linked the port hacks to Taiwan at the Geneva meeting."},
		{volt, "sourcing", "summary", "fail", "Chinese officials hinted at the port hacks in Geneva. Americans who were there were stunned."},
		{volt, "sourcing", "summary", "fail", "Chinese officials tacitly acknowledged the port hacks in Geneva; those present left worried."},
		// The subject's own statement on the record as the claim's source is the
		// claim put in a named party's mouth; not its denial, nor a publication.
		{volt, "sourcing", "summary", "fail", "China has linked the port hacks to U.S. support for Taiwan, according to a briefing by China's foreign ministry on Thursday."},
		{volt, "sourcing", "summary", "fail", "Beijing tacitly acknowledged the water utility hacks in Geneva, according to a statement from Beijing."},
		{volt, "sourcing", "summary", "fail", "According to the Chinese foreign ministry's readout, Wang Lei linked the airport hacks to Taiwan in Geneva."},
		{volt, "sourcing", "summary", "pass", "Chinese officials hinted at the port hacks in Geneva, U.S. officials said. According to a statement from China's embassy, the report is a smear."},
		{volt, "sourcing", "summary", "partial", "Chinese officials hinted at the port hacks in Geneva, according to a report in the Journal."},
		{volt, "sourcing", "summary", "pass", "According to a briefing by U.S. officials who declined to be named, China hinted at the port hacks in Geneva."},
		// An adverb capitalised in a title-case headline is no speaker: "Basically
		// Said" attributes nothing; the subject's words after it stay unhedged
		// (and the admission is marked for review).
		{volt, "sourcing", "headline", "partial", "China Basically Said 'Yeah, That Was Us' About the Geneva Port Hacks"},
		{volt, "sourcing", "headline", "partial", "Beijing Finally Says It Hinted at Port Hacks in Geneva"},
		{volt, "sourcing", "headline", "partial", "China Quietly Told U.S. in Geneva It Was Behind Water Hacks"},
		{volt, "sourcing", "headline", "pass", "China Hinted at Port Hacks in Geneva, Sullivan Said"},
		{volt, "sourcing", "headline", "pass", "China Tacitly Linked Port Hacks to Taiwan, Officials Said"},
		{volt, "sourcing", "headline", "pass", "China Reportedly Said in Geneva It Was Behind Port Hacks"},
		{volt, "admission", "headline", "fail", "China Basically Said in Geneva: 'Yeah, That Was Us' on the Port Hacks"},
		{volt, "admission", "headline", "pass", "China More or Less Told U.S. in Geneva: 'That Was Us' on Port Hacks"},
		// Unnamed people in the usual positions, a trailing attribution described
		// on the way ("participants in the meeting recounted"), a pointing-back
		// sentence with a relative clause; the publication alone, a named speaker,
		// none, and the subject's own people.
		{volt, "sourcing", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva, people briefed on the meeting told the Journal."},
		{volt, "sourcing", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva, according to the Wall Street Journal, which cited unnamed officials."},
		{volt, "sourcing", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva, a person who was in the room said."},
		{volt, "sourcing", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva, Biden administration officials said."},
		{volt, "sourcing", "summary", "pass", "U.S. officials, speaking on condition of anonymity, said China tacitly acknowledged the port hacks in Geneva."},
		{volt, "sourcing", "summary", "pass", "Per a WSJ report based on anonymous sources, China tacitly acknowledged the port hacks in Geneva."},
		{volt, "sourcing", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva. That's what two former officials who attended told the Journal."},
		{volt, "sourcing", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva, said people familiar with the exchange."},
		{volt, "sourcing", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva, participants in the meeting recounted."},
		{volt, "sourcing", "summary", "partial", "China tacitly acknowledged the port hacks in Geneva, the Wall Street Journal reported."},
		{volt, "sourcing", "summary", "partial", "China tacitly acknowledged the port hacks in Geneva, according to a WSJ report."},
		{volt, "sourcing", "summary", "fail", "China tacitly acknowledged the port hacks in Geneva, Jake Sullivan said."},
		{volt, "sourcing", "summary", "fail", "China tacitly acknowledged the port hacks in Geneva."},
		{volt, "sourcing", "summary", "fail", "China tacitly acknowledged the port hacks in Geneva, Secretary of State Antony Blinken told reporters."},
		{volt, "sourcing", "summary", "fail", "China tacitly acknowledged the port hacks in Geneva, officials from Beijing recounted."},
		{volt, "sourcing", "summary", "fail", "China tacitly acknowledged the port hacks in Geneva. That's what Chinese officials who attended told reporters."},
		{volt, "sourcing", "summary", "fail", "China tacitly acknowledged the port hacks in Geneva; officials in the room were stunned."},
		// Headline attribution in its usual forms, and people described by where
		// they were ("Those in the Room Say …"); those in the room doing anything
		// else attribute nothing.
		{volt, "sourcing", "headline", "pass", "China Tacitly Owned Port Hacks in Geneva \u2014 Sources"},
		{volt, "sourcing", "headline", "pass", "China Hinted at Port Hacks in Geneva, Insiders Reveal"},
		{volt, "sourcing", "headline", "pass", "China Hinted at Port Hacks in Geneva, Officials Familiar With Talks Say"},
		{volt, "sourcing", "headline", "pass", "China Hinted at Port Hacks in Geneva: WSJ"},
		{volt, "sourcing", "headline", "pass", "China Signalled Role in Port Hacks at Geneva Talks, Ex-Officials Say"},
		{volt, "sourcing", "headline", "pass", "China Hinted at Port Hacks in Geneva, U.S. Side Recounts"},
		{volt, "sourcing", "headline", "pass", "China Hinted at Port Hacks in Geneva, Per People in the Room"},
		{volt, "sourcing", "headline", "pass", "Those in the Room Say China Hinted at Port Hacks in Geneva"},
		{volt, "sourcing", "headline", "partial", "China Hinted at Port Hacks in Geneva"},
		{volt, "sourcing", "headline", "partial", "China Hinted at Port Hacks in Geneva, and Washington Should Listen"},
		{volt, "sourcing", "summary", "pass", "Those in the room said China hinted at the port hacks in Geneva."},
		{volt, "sourcing", "summary", "fail", "China hinted at the port hacks in Geneva. Those in the room were stunned."},
		{volt, "sourcing", "headline", "partial", "China Hinted at Port Hacks in Geneva; Those in Washington Shrugged"},
	}
	runStoryCases(t, tests)
}

// TestReportSaysHedgesTheClaim grades a report as the speaker of the
// clause after it ("A report says Chinese officials admitted …"): the
// subject named after the report's verb is the clause's subject, not the
// speaker, so the report hedges the overclaim (partial, not fail). The
// subject set after a verb of saying as its speaker ("…, said the Chinese
// embassy") is still no attribution. Found by helper review9, sixth
// session of 2026-12-07; the sentences are written here.
func TestReportSaysHedgesTheClaim(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runStoryCases(t, []storyCase{
		{volt, "admission", "headline", "partial", "A new report says Chinese officials admitted the port hacks in Geneva"},
		{volt, "admission", "headline", "partial", "Report says China admitted hacking U.S. water systems"},
		{volt, "admission", "headline", "partial", "The report says Beijing confessed to the airport hacks at a Geneva meeting"},
		{volt, "admission", "summary", "partial", "A new report says Chinese officials quietly admitted they were behind hacks on U.S. ports. The meeting was in Geneva."},
		{volt, "admission", "headline", "fail", "China admitted the port hacks in Geneva, said the Chinese embassy"},
		{volt, "admission", "headline", "fail", "China admitted the port hacks in Geneva, says Beijing"},
		{volt, "admission", "headline", "fail", "China admitted the port hacks in Geneva"},
		{asp, "classification", "headline", "partial", "A new report says the WHO's cancer agency will declare aspartame a carcinogen"},
		{asp, "classification", "headline", "fail", "WHO's cancer agency will declare aspartame a carcinogen"},
	})
}
