package rubrics_test

import (
	"os"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// lexiconCase is a text of one story and whether a lexicon signal occurs in
// it (and is not negated).
type lexiconCase struct {
	signal, rubric, text string
	want                 bool
}

// TestLexiconEntriesOnBothStories checks each entry the standards lexicon
// gained in version 4 on both stories' rubrics: the lexicon is English,
// written once, and must read the same construction about China and the
// hacks as about IARC and aspartame. Each entry has a text of each story
// where it holds and one where it must not.
func TestLexiconEntriesOnBothStories(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []lexiconCase{
		// subject_ack: the subject as the one who acknowledges, in a sentence about the topic.
		{"subject_ack", volt, "Beijing took the credit for the attacks on U.S. ports", true},
		{"subject_ack", volt, "China owned to the hacks in Geneva", true},
		{"subject_ack", volt, "China said it was behind the intrusions", true},
		{"subject_ack", volt, "An admission from Beijing on the hacks", true},
		{"subject_ack", volt, "China-linked hackers hit U.S. ports", false},
		{"subject_ack", volt, "Hacks linked to China went on for years", false},
		{"subject_ack", volt, "China acknowledged the trade deficit", false},
		{"subject_ack", asp, "WHO quietly acknowledged the aspartame cancer link", true},
		{"subject_ack", asp, "IARC came clean on aspartame", true},
		{"subject_ack", asp, "IARC acknowledged the budget shortfall", false},
		// speaker_ack: one of the subject's envoys acknowledges.
		{"speaker_ack", volt, "A Chinese diplomat all but admitted the hacks", true},
		{"speaker_ack", volt, "The delegation hinted at the intrusions", true},
		{"speaker_ack", volt, "U.S. officials acknowledged the hacks", false},
		{"speaker_ack", asp, "An IARC official conceded the aspartame finding was thin", true},
		{"speaker_ack", asp, "Regulators acknowledged the aspartame finding", false},
		// subject_admission: the subject's admission as a thing it made.
		{"subject_admission", volt, "China's stunning admission", true},
		{"subject_admission", volt, "China made no admission", false},
		{"subject_admission", asp, "IARC's admission on the sweetener", true},
		{"subject_admission", asp, "The industry's admission on the sweetener", false},
		// ack_mention: an acknowledgment named as such, not negated.
		{"ack_mention", volt, "The acknowledgment shocked Washington", true},
		{"ack_mention", volt, "There was no admission in Geneva", false},
		{"ack_mention", asp, "A confession from the agency on aspartame", true},
		{"ack_mention", asp, "The agency said aspartame is a possible carcinogen", false},
		// reading: remarks read as an acknowledgment, or called tacit.
		{"reading", volt, "Americans interpreted the remarks as a tacit admission of the hacks", true},
		{"reading", volt, "The remarks on the hacks were indirect and somewhat ambiguous", true},
		{"reading", volt, "A veiled warning about the intrusions", true},
		{"reading", volt, "The remarks were indirect and ambiguous about trade", false},
		{"reading", asp, "Makers read the listing as a veiled warning on aspartame", true},
		{"reading", asp, "Makers read the listing closely", false},
		// report_mention and reported_ack: an acknowledgment in a sentence naming its report.
		{"report_mention", volt, "The Journal reported on Tuesday", true},
		{"report_mention", asp, "Reuters reported on Thursday", true},
		{"report_mention", asp, "The agency met in June", false},
		{"reported_ack", volt, "A report that China tacitly admitted the hacks", true},
		{"reported_ack", volt, "China tacitly admitted the hacks", false},
		{"reported_ack", asp, "A report that IARC signalled a cancer listing for aspartame", true},
		{"reported_ack", asp, "IARC signalled a cancer listing for aspartame", false},
		// explicit_idiom (overclaim), with and without the article, and "own to".
		{"overclaim", volt, "China took the credit for the hacks", true},
		{"overclaim", volt, "China owned to the hacks", true},
		{"overclaim", asp, "IARC took the credit for the aspartame finding", true},
		{"overclaim", asp, "IARC took the bus", false},
		// modal_hedge and risk_increase: a higher risk told as a finding, unless a modal hedges it.
		{"modal_hedge", volt, "China may have admitted the hacks", true},
		{"modal_hedge", asp, "Aspartame may cause cancer", true},
		{"modal_hedge", asp, "Aspartame causes cancer", false},
		{"risk_increase", asp, "Aspartame raises cancer risk", true},
		{"risk_increase", asp, "Aspartame ups the odds of cancer", true},
		{"risk_increase", asp, "Aspartame does not raise cancer risk", false},
		{"risk_increase", volt, "The hacks raise the risk of conflict", true},
		{"risk_increase", volt, "Tariffs raise the risk of recession", false},
		// certainty: an adverb that makes a finding official or certain.
		{"certainty", asp, "Aspartame officially classified as a carcinogen", true},
		{"certainty", asp, "Aspartame definitely causes cancer", true},
		{"certainty", asp, "The panel met officially in June", false},
		{"certainty", volt, "China openly said it hacked the networks", true},
		{"certainty", volt, "China said openly that it hacked the networks", true},
		{"certainty", volt, "The delegation met openly", false},
		// study_finding: another study's story.
		{"study_finding", asp, "A French study found a link to cancer", true},
		{"study_finding", asp, "The study is large", false},
		{"study_finding", volt, "Researchers found the hacks in 2023", true},
		{"study_finding", volt, "China admitted the hacks", false},
		// source_says and report_says: who a claim about the topic comes from.
		{"source_says", asp, "Two sources with knowledge of the process said aspartame would be listed", true},
		{"source_says", asp, "IARC officials said aspartame would be listed", false},
		{"source_says", volt, "Sources said China hinted at the hacks", true},
		{"source_says", volt, "Chinese officials said the hacks were criminal", false},
		{"report_says", asp, "Reuters reported the aspartame listing", true},
		{"report_says", asp, "Reuters reported on the weather", false},
		{"report_says", volt, "The Journal reported the hacks", true},
		{"report_says", volt, "The Journal reported on the weather", false},
		// subject_announces, subject_gives, subject_speaks, according_to_subject,
		// subject_label, already_done: a claim put in the subject's own mouth.
		{"subject_announces", asp, "WHO declares aspartame a possible carcinogen", true},
		{"subject_announces", asp, "WHO to declare aspartame a possible carcinogen", false},
		{"subject_announces", volt, "Beijing announced it was behind the hacks", true},
		{"subject_announces", volt, "Beijing is set to announce a review of the hacks", false},
		{"subject_gives", asp, "Aspartame gets a cancer label from the WHO", true},
		{"subject_gives", asp, "Aspartame set to get a cancer label from the WHO", false},
		{"subject_gives", volt, "The hacks got a mention from Beijing", true},
		{"subject_gives", volt, "The hacks got a mention from Washington", false},
		{"subject_speaks", asp, "IARC said aspartame is possibly carcinogenic", true},
		{"subject_speaks", asp, "IARC said the findings were confidential until July", false},
		{"subject_speaks", volt, "China says the hacks never happened", true},
		{"subject_speaks", volt, "Officials say the hacks never happened", false},
		{"according_to_subject", asp, "Aspartame is a possible carcinogen, according to the World Health Organization", true},
		{"according_to_subject", asp, "According to Reuters, the WHO's agency will list aspartame", false},
		{"according_to_subject", volt, "The hacks were criminal, according to Beijing", true},
		{"according_to_subject", volt, "According to the Journal, China hinted at the hacks", false},
		{"subject_label", asp, "IARC: aspartame possibly carcinogenic", true},
		{"subject_label", asp, "Report: IARC to list aspartame", false},
		{"subject_label", volt, "China: we were not behind the hacks", true},
		{"subject_label", volt, "Report: China hinted at the hacks", false},
		{"already_done", asp, "Aspartame has been classified as possibly carcinogenic", true},
		{"already_done", asp, "Aspartame will be classified as possibly carcinogenic", false},
		{"already_done", volt, "The group has been labelled a threat", true},
		{"already_done", volt, "The group may be labelled a threat", false},
		// headline_attribution: any attribution verb after a source ("officials
		// suggest"); the subject's own word is not attribution ("what China said").
		{"headline_attribution", volt, "China hinted at the hacks, U.S. officials suggest", true},
		{"headline_attribution", volt, "Hawks want a briefing on what China said about the hacks", false},
		{"headline_attribution", asp, "Aspartame a possible carcinogen, experts suggest", true},
		{"headline_attribution", asp, "Makers want to know what IARC said about aspartame", false},
		// claim: the subject's own words for the deed.
		{"claim", volt, "China in Geneva: 'We did it, but only because of Taiwan'", true},
		{"claim", asp, "IARC: 'That was us, and we stand by it'", true},
		{"claim", asp, "We met in June", false},
		// neutral: giving something away says it was revealed, neither
		// explicitly nor tacitly.
		{"neutral", volt, "Beijing tipped its hand on the hacks", true},
		{"neutral", volt, "Beijing tipped its hand on trade", false},
		{"neutral", asp, "IARC let slip its aspartame finding", true},
		{"neutral", asp, "IARC let slip its budget", false},
		// other_side_reviews: the other side only reviewing or at odds, not yet its view.
		{"other_side_reviews", asp, "JECFA is also reviewing aspartame", true},
		{"other_side_reviews", asp, "The ruling pits IARC against regulators", true},
		{"other_side_reviews", asp, "IARC is also reviewing aspartame", false},
		{"other_side_reviews", volt, "U.S. officials are also reviewing the hacks", true},
		{"other_side_reviews", volt, "China is also reviewing the hacks", false},
		// subject_rules and subject_ruling: the subject ruling, for review.
		{"subject_rules", asp, "IARC will weigh aspartame", true},
		{"subject_rules", asp, "Regulators will weigh aspartame", false},
		{"subject_rules", volt, "Beijing rules out talks on the hacks", true},
		{"subject_rules", volt, "Washington rules out talks on the hacks", false},
		{"subject_ruling", asp, "the WHO's coming ruling on aspartame", true},
		{"subject_ruling", asp, "the court's ruling on aspartame", false},
		{"subject_ruling", volt, "Beijing's decision on the hacks", true},
		{"subject_ruling", volt, "Washington's decision on the hacks", false},
	}
	runLexiconCases(t, tests)
}

// TestLexiconAdditionsOnBothStories checks what the lexicon gained from the
// mismatches of the outside sets tune3.jsonl (issue 12: by meaning, from
// English), each entry on both stories, where it holds and where it must not.
func TestLexiconAdditionsOnBothStories(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []lexiconCase{
		// reading: the remarks themselves read as something by others.
		{"reading", volt, "The diplomat's remarks, seen by the U.S. side as linking the hacks to Taiwan", true},
		{"reading", volt, "The remarks about trade were seen as routine", false},
		{"reading", asp, "The agency's statement was read by makers as a warning on aspartame", true},
		{"reading", asp, "The agency's statement was published in June", false},
		// explicit_idiom (overclaim): saying, or telling someone, the quiet part.
		{"overclaim", volt, "Beijing told us the quiet part about the hacks", true},
		{"overclaim", volt, "China said the quiet part on the intrusions", true},
		{"overclaim", volt, "China kept the quiet part of the deal", false},
		{"overclaim", asp, "IARC said the quiet part about aspartame", true},
		{"overclaim", asp, "IARC told the press about aspartame", false},
		// explicit_idiom (overclaim, subject_ack): pleading guilty, in every
		// form (pleaded beside pled, from the word list), and entering a
		// guilty plea, is the legal idiom of confession; pleading not guilty is not.
		{"overclaim", volt, "China pleaded guilty to the Volt Typhoon hacks", true},
		{"overclaim", volt, "China pleads guilty to the Volt Typhoon hacks", true},
		{"overclaim", volt, "China entered a guilty plea over the Volt Typhoon hacks", true},
		{"overclaim", volt, "China pleaded not guilty to the hacks", false},
		{"overclaim", volt, "China pleaded for calm over the hacks", false},
		{"subject_ack", volt, "China pleaded guilty to the Volt Typhoon hacks", true},
		{"subject_ack", volt, "China entered a plea of guilty on the intrusions", true},
		{"subject_ack", volt, "Chinese exporters pleaded guilty to dumping steel", false},
		{"overclaim", asp, "IARC pleaded guilty to overstating the aspartame risk", true},
		{"overclaim", asp, "IARC entered a guilty plea on aspartame", true},
		{"overclaim", asp, "IARC pleaded for more aspartame studies", false},
		{"subject_ack", asp, "WHO pleads guilty on the aspartame cancer link", true},
		// hedge_phrase and headline_attribution: a named party's own plans
		// after a comma are its statement, not the claim's source.
		{"hedge_phrase", asp, "WHO to label aspartame carcinogenic, Coca-Cola says it will reformulate", false},
		{"hedge_phrase", asp, "WHO to label aspartame a possible carcinogen, Reuters says", true},
		{"headline_attribution", asp, "WHO to label aspartame carcinogenic, Coca-Cola says it will reformulate", false},
		{"hedge_phrase", volt, "China hinted at the hacks, Microsoft says it is patching", false},
		{"headline_attribution", volt, "China hinted at the hacks, Volz says", true},
		// pushback: framing something as something presents it.
		{"pushback", volt, "Chinese officials acknowledged the hacks, framing them as linked to U.S. policy", false},
		{"pushback", volt, "China's embassy hit back at the report", true},
		{"pushback", asp, "The agency's officials framed the listing as a hazard finding", false},
		{"pushback", asp, "IARC pushed back at the report", true},
		// no_comment: a request for a response still open.
		{"no_comment", volt, "We have asked China's foreign ministry for a response", true},
		{"no_comment", volt, "We have asked the State Department for a response", false},
		{"no_comment", asp, "We have asked IARC for comment", true},
		// dose_caveat: hazard, not how much is eaten or drunk.
		{"dose_caveat", asp, "IARC looks at whether something could be a hazard, not how much you'd need to eat", true},
		{"dose_caveat", asp, "This is about hazard, not about your one can a day", true},
		{"dose_caveat", asp, "The hazard was flagged in June", false},
		{"dose_caveat", volt, "The hacks are a hazard, not a risk to most users", true},
		// unnamed_source: citing officials at a distance; a reading is not attribution.
		{"unnamed_source", volt, "The Journal, citing current and former US officials, said China hinted at the hacks", true},
		{"unnamed_source", volt, "According to the paper, US officials regarded the remarks as an implicit admission", false},
		{"unnamed_source", asp, "The paper, citing current and former European health officials, said IARC hinted at a listing", true},
		// tacit: the informal approximators, and a conclusion the other side drew.
		{"tacit", volt, "China kinda-sorta told the US it was behind the hacks", true},
		{"tacit", volt, "The hacks are tied to Taiwan, U.S. officials concluded", true},
		{"tacit", volt, "China told the US it was behind the hacks", false},
		{"tacit", asp, "IARC sorta said aspartame is a carcinogen", true},
		// headline_attribution: a publication as the speaker.
		{"headline_attribution", volt, "Beijing owned the intrusions, American paper says", true},
		{"headline_attribution", asp, "WHO agency to list aspartame, newspaper reports", true},
		// subject_announces: a modal says it may happen, not that it has.
		{"subject_announces", asp, "IARC may classify aspartame as a possible carcinogen", false},
		{"subject_announces", asp, "IARC classified aspartame as a possible carcinogen", true},
		{"subject_announces", volt, "Beijing might announce it was behind the hacks", false},
		// dose_caveat: the ruling does not address how much is safe.
		{"dose_caveat", asp, "The ruling does not address safe consumption levels", true},
		{"dose_caveat", volt, "The advisory does not address exposure of the networks", true},
		// unreleased: not official until a date.
		{"unreleased", asp, "It's not official until July 14", true},
		{"unreleased", volt, "The finding is not final until the review ends", true},
		{"unreleased", asp, "It's official now", false},
		// intensifier: how direct a link is, or the other side acting openly,
		// is not an open acknowledgment.
		{"intensifier", volt, "He tied it directly to America's support for Taiwan", false},
		{"intensifier", volt, "U.S. agencies publicly tied Volt Typhoon to the Chinese state", false},
		{"intensifier", volt, "China openly acknowledged the hacks", true},
		{"intensifier", asp, "Regulators publicly said aspartame is safe", false},
		{"intensifier", asp, "IARC openly said aspartame causes cancer", true},
		// unnamed_source: the subject's own people are not unnamed sources.
		{"unnamed_source", volt, "Officials from China told the Americans they were behind the hacks", false},
		{"unnamed_source", volt, "Officials from the U.S. said China hinted at the hacks", true},
		{"unnamed_source", asp, "Officials of the WHO said IARC hinted at a listing", false},
		// subject_speaks: inverted after the claim; not a report the subject
		// names, nor a saying still to come.
		{"subject_speaks", asp, "Aspartame toxic to humans, says World Health Organization", true},
		{"subject_speaks", asp, "Aspartame may cause cancer, says WHO agency next month", false},
		{"subject_speaks", asp, "Aspartame is a possible carcinogen, a news agency report said", false},
		{"subject_speaks", volt, "The hacks were a warning, says China", true},
		{"subject_speaks", volt, "The hacks were a warning, says the report", false},
		// subject_announces: what the subject does in general is not a ruling made.
		{"subject_announces", asp, "IARC classifies hazard, not dose", false},
		{"subject_announces", volt, "Beijing classifies hazards by region", false},
		// source_says: nobody as the source.
		{"source_says", asp, "No health authority has said aspartame causes cancer", false},
		{"source_says", volt, "No official said China was behind the hacks", false},
		// neutral: "behind closed doors" and "behind the scenes" are the setting.
		{"neutral", volt, "China told American diplomats behind closed doors about the hacks", false},
		{"neutral", volt, "China told American diplomats it was behind the hacks", true},
		{"neutral", asp, "IARC officials were behind the scenes on aspartame", false},
		// overclaim: the Latin noun of a confession; tacit: "not quite".
		{"overclaim", volt, "China's mea culpa on the hacks", true},
		{"overclaim", asp, "IARC's mea culpa on aspartame", true},
		{"tacit", volt, "Beijing's hacking mea culpa? Not quite, say US officials", true},
		{"tacit", volt, "It was not exactly a confession on the hacks", true},
		{"tacit", volt, "China did not quite admit the hacks", true},
		{"tacit", volt, "China was quite clear about the hacks", false},
		// intensifier_phrase: leaving someone in no doubt.
		{"intensifier_phrase", volt, "China's envoys left US officials in no doubt who hacked the ports", true},
		{"intensifier_phrase", asp, "IARC left makers in little doubt that aspartame causes cancer", true},
		{"intensifier_phrase", volt, "The hacks left US officials in a bind", false},
		// explicit_idiom (overclaim): putting or holding one's hands up.
		{"overclaim", volt, "China's cyber chiefs put their hands up to hacking the ports", true},
		{"overclaim", asp, "IARC held its hands up over the aspartame finding", true},
		// tacit: an admission nobody heard, whether it was one.
		{"tacit", volt, "China's 'admission' on the hacks, which nobody actually heard", true},
		{"tacit", volt, "Experts debate whether China admitted the hacks", true},
		{"tacit", volt, "China's confession on the hacks stunned Washington", false},
		// same_time: two things said to happen at once, a fact of timing.
		{"same_time", asp, "JECFA will give its own findings on the same day", true},
		{"same_time", asp, "A food additives panel reviews the sweetener in parallel", true},
		{"same_time", asp, "Both rulings are to be published simultaneously", true},
		{"same_time", asp, "JECFA will give its findings a day later", false},
		{"same_time", volt, "U.S. officials briefed Congress at the same time", true},
		{"same_time", volt, "The meeting took place in December", false},
	}
	runLexiconCases(t, tests)
}

// TestLexiconMovedFromStories checks the signals moved from the story files
// into the standards lexicon (issues 12 and 13: a story file holds only the
// story) on sentences written here, on both stories: each reads the same
// English about the other side of either story, through the story's own
// other_party and optional classes (<topic_name>, <other_name>).
func TestLexiconMovedFromStories(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		// other_side_fine: the other side's view in colloquial words.
		{"other_side_fine", asp, "Regulators say aspartame is fine", true},
		{"other_side_fine", asp, "The industry insists it was okay all along", true},
		{"other_side_fine", asp, "Regulators never said it was fine", false},
		{"other_side_fine", asp, "My doctor says it is fine", false},
		{"other_side_fine", volt, "U.S. officials said it was fine to talk", true},
		{"other_side_fine", volt, "China said it was fine", false},
		// other_side_safe: the other side holding it safe, the predicate far from its verb.
		{"other_side_safe", asp, "Regulators in Europe say aspartame has been thoroughly assessed and is safe", true},
		{"other_side_safe", asp, "The FDA says the sweetener remains safe", true},
		{"other_side_safe", asp, "Regulators say it is not safe", false},
		{"other_side_safe", asp, "Fans of diet soda say it is safe", false},
		{"other_side_safe", volt, "U.S. officials say the grid is safe", true},
		{"other_side_safe", volt, "China says the grid is safe", false},
		// other_side_alarm: a word of alarm near the other side is its objection.
		{"other_side_alarm", asp, "The beverage association said the listing would cause confusion", true},
		{"other_side_alarm", asp, "Industry groups called the leak a scare", true},
		{"other_side_alarm", asp, "Consumers were confused by the leak", false},
		{"other_side_alarm", volt, "U.S. officials warned of panic over the hacks", true},
		{"other_side_alarm", volt, "Chinese diplomats warned of panic", false},
		// other_side_reassures: the other side telling people not to worry.
		{"other_side_reassures", asp, "Consumers should not be worried, the industry says", true},
		{"other_side_reassures", asp, "There is no reason to panic, regulators said", true},
		{"other_side_reassures", asp, "Consumers should not be worried, a blogger says", false},
		{"other_side_reassures", volt, "Americans need not worry, the FBI said", true},
		{"other_side_reassures", volt, "Beijing says there is no need to worry", false},
		// other_side_misstated: the other side said to agree it is unsafe, to ban it, or limits cut.
		{"other_side_misstated", asp, "Regulators agree the sweetener is dangerous", true},
		{"other_side_misstated", asp, "The FDA is mulling a ban on aspartame", true},
		{"other_side_misstated", asp, "JECFA will ban the sweetener", true},
		{"other_side_misstated", asp, "The committee cut the safe daily limit", true},
		{"other_side_misstated", asp, "Regulators say the sweetener is safe", false},
		{"other_side_misstated", asp, "Fans will ban nothing", false},
		{"other_side_misstated", volt, "The agency lowered the safe limit for chlorine at the plants", true},
		{"other_side_misstated", volt, "The FBI will ban the hackers", false},
		// risk_wording: a harm worded neutrally, through the story's <harm_noun> and agent classes.
		{"risk_wording", asp, "Diet soda faces a cancer warning", true},
		{"risk_wording", asp, "The sweetener was linked to cancer", true},
		{"risk_wording", asp, "A link between aspartame and cancer is weighed", true},
		{"risk_wording", asp, "Aspartame to be classified as a carcinogen", true},
		{"risk_wording", asp, "The carcinogen ruling looms", true},
		{"risk_wording", asp, "The cancer body will name it a hazard", true},
		{"risk_wording", asp, "Aspartame sales fell in June", false},
		{"risk_wording", volt, "Officials named the intrusions a threat to ports", true},
		{"risk_wording", volt, "The hacks were linked to China", false},
		// not_finding: a finding of the harm, which the rules read negated ("does not cause cancer").
		{"not_finding", asp, "Aspartame causes cancer", true},
		{"not_finding", asp, "Aspartame does not cause cancer", false},
		{"not_finding", asp, "The listing is not a carcinogen verdict", false},
		{"not_finding", asp, "It is not a cancer label", false},
		{"not_finding", asp, "A cancer verdict on aspartame", true},
		{"not_finding", volt, "The report is proof of the hacks", true},
		{"not_finding", volt, "The report is no proof of the hacks", false},
		// harm_certain: the harm as settled.
		{"harm_certain", asp, "Aspartame is a known carcinogen", true},
		{"harm_certain", asp, "The WHO confirms the aspartame link to cancer", true},
		{"harm_certain", asp, "The WHO will confirm its view on the sweetener", false},
		{"harm_certain", asp, "Aspartame is not a known carcinogen", false},
		{"harm_certain", volt, "China confirmed the link to the hacks", true},
		{"harm_certain", volt, "China is a known adversary", false},
		// harm_gloss: a gloss of the harm in brackets.
		{"harm_gloss", asp, "A possible carcinogen (a cancer-causing substance) says IARC", true},
		{"harm_gloss", asp, "A possible carcinogen (a carcinogenic agent) says IARC", true},
		{"harm_gloss", asp, "A possible carcinogen (a sweetener) says IARC", false},
		{"harm_gloss", volt, "Volt Typhoon (a state-backed group) hit ports", false},
		// possible: the harm as a possibility, near the story's harm or harm_category
		// (optional signals: Volt Typhoon defines neither, so it never occurs there).
		{"possible", asp, "Aspartame is a possible carcinogen", true},
		{"possible", asp, "The sweetener may cause cancer", true},
		{"possible", asp, "Aspartame could be a carcinogen", true},
		{"possible", asp, "A potential hazard under group 2B", true},
		{"possible", asp, "A possible ban on the sweetener", false},
		{"possible", asp, "Aspartame could soon carry a WHO cancer warning", false},
		{"possible", volt, "China possibly hacked the ports", false},
		{"possible", volt, "The hacks may cause outages", false},
		// harm_claim: the agent or a cause of the harm in the text's own voice.
		{"harm_claim", asp, "Aspartame is a carcinogen", true},
		{"harm_claim", asp, "The cancer-causing sweetener", true},
		{"harm_claim", asp, "Aspartame causes tumours", true},
		{"harm_claim", asp, "Diet soda is toxic", true},
		{"harm_claim", asp, "Aspartame does not cause cancer", false},
		{"harm_claim", asp, "Aspartame causes cancer in rats", false},
		{"harm_claim", asp, "The carcinogen label looms", false},
		{"harm_claim", volt, "The hackers poisoned the water", true},
		{"harm_claim", volt, "China hacked the ports", false},
		// open_question, demand_cue, motive_link, other_event, envoys_posted: small
		// English cues moved from the Volt Typhoon story file.
		{"open_question", volt, "The debate over whether Volt Typhoon was criminal", true},
		{"open_question", volt, "Volt Typhoon is a criminal gang", false},
		{"open_question", asp, "Experts ask whether aspartame is safe", true},
		{"open_question", asp, "Aspartame is safe within limits", false},
		{"demand_cue", volt, "China's message: back off Taiwan", true},
		{"demand_cue", volt, "China met U.S. officials in Geneva", false},
		{"demand_cue", asp, "Regulators urged IARC to wait", true},
		{"demand_cue", asp, "IARC met in June", false},
		{"motive_link", volt, "China linked the hacks to Taiwan", true},
		{"motive_link", volt, "China met U.S. officials in Geneva", false},
		{"motive_link", asp, "The review was prompted by new studies", true},
		{"motive_link", asp, "The ruling is due in July", false},
		{"other_event", volt, "The meeting came weeks before the inauguration", true},
		{"other_event", volt, "The meeting took place in December", false},
		{"other_event", asp, "The listing comes after the election", true},
		{"other_event", asp, "IARC met in June", false},
		{"envoys_posted", volt, "U.S. diplomats in Tokyo were briefed", true},
		{"envoys_posted", volt, "China hacked the ports", false},
		{"envoys_posted", asp, "Analysts at the bank expect a drop in sales", true},
		{"envoys_posted", asp, "IARC met in June", false},
		// review_pending: a review or its findings pending, or what it is about, not yet a view.
		{"review_pending", asp, "The food additives committee is also reviewing the sweetener", true},
		{"review_pending", asp, "A separate panel decides how much is safe", true},
		{"review_pending", asp, "Pending the formal announcement, the drinks stay on shelves", true},
		{"review_pending", asp, "No regulator has changed its advice", true},
		{"review_pending", asp, "Regulators say aspartame is safe", false},
		{"review_pending", volt, "A Senate committee is also reviewing the hacks", true},
		{"review_pending", volt, "Officials are awaiting the final decision on sanctions", true},
		{"review_pending", volt, "China hacked the ports", false},
		// official_done and ruling_to_come: a ruling told as made, or as still to come.
		// "now" alone is no sign of the official event (the guide's
		// "already announced", which is this story's): announced12
		{"official_done", asp, "Aspartame is now classified as a possible carcinogen", false},
		{"official_done", asp, "Aspartame is now formally classified as a possible carcinogen", true},
		{"official_done", asp, "It's official: IARC lists aspartame as a possible carcinogen", true},
		{"official_done", asp, "It's official: WHO to list aspartame as a possible carcinogen", false},
		{"official_done", asp, "The committee reaffirmed the daily limit", true},
		{"official_done", asp, "The acceptable intake limit stays unchanged", true},
		{"official_done", asp, "The agency is set to officially classify aspartame", false},
		{"official_done", asp, "IARC announced it will be classified next month", false},
		{"official_done", volt, "The hacking group is now listed as a threat", false},
		{"official_done", volt, "The hacking group is officially listed as a threat", true},
		{"official_done", volt, "China hacked the ports", false},
		{"ruling_to_come", asp, "Aspartame will be classified next month", true},
		{"ruling_to_come", asp, "Aspartame was classified in July", false},
		{"ruling_to_come", volt, "The group will be designated next month", true},
		{"ruling_to_come", volt, "The meeting took place in December", false},
		// The meeting's date slot: the lexicon's months and seasons less the
		// story's own (<month_full!fact_month>, <season_name!fact_season>).
		{"wrong_month", volt, "Chinese envoys met in Geneva in March", true},
		{"wrong_month", volt, "An April meeting in Geneva", true},
		{"wrong_month", volt, "Chinese envoys met in Geneva in December", false},
		{"meeting_when_other", volt, "At a meeting in Geneva last fall, Chinese officials linked the hacks to Taiwan", true},
		{"meeting_when_other", volt, "At a meeting in Geneva last winter, Chinese officials linked the hacks to Taiwan", false},
		{"meeting_when_before", volt, "In November, Chinese officials met their U.S. counterparts", true},
		{"meeting_when_before", volt, "In December, Chinese officials met their U.S. counterparts", false},
		{"meeting_when_right", volt, "Chinese officials met U.S. officials last winter", true},
		{"report_dated", volt, "The meeting was first reported in May", true},
		{"report_dated", volt, "The meeting was first reported in December", false},
		{"report_dated", asp, "The leak was first reported in March", true},
		{"report_dated", asp, "The agency's decision was reported in July", false},
		// The meeting's place slot: the lexicon's cities less the story's own.
		{"wrong_city", volt, "Chinese envoys met U.S. officials in Vienna", true},
		{"wrong_city", volt, "The talks were held in Beijing", true},
		{"wrong_city", volt, "Chinese envoys met U.S. officials in Geneva", false},
		{"meeting_place_other", volt, "A Chinese envoy looked the American negotiators in the eye in Oslo", true},
		{"meeting_place_other", volt, "A Chinese envoy looked the American negotiators in the eye in Geneva", false},
		// classifying: a verb of classifying or announcing, not before a word of possibility.
		{"classifying", asp, "The agency labelled aspartame carcinogenic", true},
		{"classifying", asp, "IARC declared the sweetener a carcinogen", true},
		{"classifying", asp, "IARC classified it as possibly carcinogenic", false},
		{"classifying", asp, "Aspartame was listed as a potential carcinogen", false},
		{"classifying", volt, "Washington designated the group a threat", true},
		{"classifying", volt, "China hacked the ports", false},
		// the meeting's setting in an adverb (<secret_adv>): a meeting fact, not a qualifier
		{"meeting_right", volt, "Chinese officials clandestinely told U.S. officials about the hacks", true},
		{"meeting_right", volt, "Chinese officials told U.S. officials about the hacks", false},
		// Another country's infrastructure: the lexicon's nations less the story's parties.
		{"foreign_target", volt, "Chinese hackers were also found inside Indian power grids", true},
		{"foreign_target", volt, "Canberra's own ports were hit too", true},
		{"foreign_target", volt, "Chinese hackers were found inside American power grids", false},
		{"foreign_target", volt, "China's own ports were never at risk", false},
		// ruling_ahead: a ruling still to come, anywhere in its sentence.
		{"ruling_ahead", asp, "The WHO is set to list the sweetener as a possible carcinogen", true},
		{"ruling_ahead", asp, "IARC will label aspartame a possible hazard", true},
		{"ruling_ahead", asp, "Aspartame to be labelled possibly carcinogenic", true},
		{"ruling_ahead", asp, "WHO to list aspartame as a possible carcinogen", true},
		{"ruling_ahead", asp, "The agency's ruling comes out next week", true},
		{"ruling_ahead", asp, "The agency defended its decision to label aspartame", false},
		{"ruling_ahead", asp, "IARC classified aspartame as possibly carcinogenic", false},
		{"ruling_ahead", volt, "China is expected to respond to the report", true},
		{"ruling_ahead", volt, "Washington will name the hackers next month", true},
		{"ruling_ahead", volt, "China hacked the ports in December", false},
		// told_it_did, told_outright, own_deed, unsaid_deed: the deed told in so many
		// words, through the story's <deed_past>, <deed_ing>, <deed_place>, <place_owner>.
		{"told_it_did", volt, "China told the Americans it hacked the ports", true},
		{"told_it_did", volt, "China rejects a claim it hacked the ports", false},
		{"told_it_did", asp, "IARC told reporters it hacked the vote", false},
		{"told_outright", volt, "Chinese officials told Biden aides that Beijing had hacked U.S. ports", true},
		{"told_outright", volt, "Chinese officials told them it was China hacking America", true},
		{"told_outright", volt, "Chinese officials said they were inside American water systems", true},
		{"told_outright", volt, "Chinese officials never told them that Beijing had hacked U.S. ports", false},
		{"told_outright", volt, "U.S. officials told reporters that China had hacked the ports", false},
		{"told_outright", asp, "IARC officials told reporters that IARC was responsible", true},
		{"told_outright", asp, "IARC officials told reporters that IARC had hacked the data", false},
		{"own_deed", volt, "Chinese officials said 'we hacked you over Taiwan'", true},
		{"own_deed", volt, "China's message: we're inside your water", true},
		{"own_deed", volt, "We hacked the ports, a researcher joked", false},
		{"own_deed", asp, "IARC says we hacked the vote", false},
		{"unsaid_deed", volt, "No one from China said 'we hacked you'", true},
		{"unsaid_deed", volt, "China said 'we hacked you'", false},
		{"unsaid_deed", asp, "No one from IARC said 'we hacked you'", false},
	})
}

func runLexiconCases(t *testing.T, tests []lexiconCase) {
	t.Helper()
	set := load(t)
	for _, tc := range tests {
		r, err := set.Lookup(tc.rubric)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(r.Lexicon, "standards") {
			t.Fatalf("%s uses lexicon %q", tc.rubric, r.Lexicon)
		}
		got, spans := occurs(r, tc.signal, tc.text)
		if got != tc.want {
			t.Errorf("%s on %s: %q occurs = %v (%s), want %v", tc.signal, tc.rubric, tc.text, got, spans, tc.want)
		}
	}
}

// occurs reports whether signal occurs in text, not negated, and lists its
// occurrences.
func occurs(r *rubric.Rubric, signal, text string) (bool, string) {
	var spans []string
	ok := false
	for _, m := range r.Explain(text) {
		if m.Signal != signal {
			continue
		}
		spans = append(spans, m.Span.Text)
		ok = ok || !m.Negated
	}
	return ok, strings.Join(spans, "; ")
}

// TestLexiconAttributionOnBothStories checks, signal by signal, what the
// attribution grammar gained from the mismatches of the outside sets
// tune4.jsonl (issues 12 and 13: by construction, not by phrase), each on
// both stories, where it holds and where it must not.
func TestLexiconAttributionOnBothStories(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []lexiconCase{
		// unnamed_source: a comma ends "according to …"; inverted
		// attribution ends its clause; a description is a reading.
		{"unnamed_source", volt, "According to sources, Chinese envoys hinted at the hacks", true},
		{"unnamed_source", volt, "According to the paper, Chinese envoys hinted at the hacks", false},
		{"unnamed_source", volt, "According to Chinese officials, the remarks hinted at the hacks", false},
		{"unnamed_source", asp, "According to officials, IARC hinted at a listing", true},
		{"unnamed_source", asp, "According to Reuters, IARC officials hinted at a listing", false},
		{"unnamed_source", volt, "China hinted at the hacks, say US officials", true},
		{"unnamed_source", volt, "The report says US officials were told China hinted at the hacks", false},
		{"unnamed_source", asp, "The article says sources were shocked IARC hinted at a listing", false},
		{"unnamed_source", volt, "US officials described the remarks as a veiled admission of the hacks", false},
		{"unnamed_source", volt, "US officials described how China hinted at the hacks", true},
		// unnamed_source: the passive of unnamed sourcing.
		{"unnamed_source", volt, "It is understood that China hinted at the hacks", true},
		{"unnamed_source", asp, "IARC is understood to have hinted at a listing", true},
		{"unnamed_source", volt, "Chinese officials understood the hacks were a warning", false},
		// source_says: who was told is not who told; the subject's own
		// researchers are its people; a saying still to come is the ruling.
		{"source_says", asp, "IARC will list aspartame, say two sources", true},
		{"source_says", asp, "IARC will list aspartame, citing sources", true},
		{"source_says", asp, "No regulator has told people to stop drinking aspartame", false},
		{"source_says", asp, "The WHO's own cancer researchers are about to say aspartame is a carcinogen", false},
		{"source_says", volt, "The hacks were China's, say two sources", true},
		{"source_says", volt, "Washington has told people to patch against the hacks", false},
		// report_sourcing: the report's own sourcing, in a sentence of its own.
		{"report_sourcing", volt, "The Journal, citing current and former U.S. officials, reported it on Thursday", true},
		{"report_sourcing", volt, "The Journal has the story from U.S. officials", true},
		{"report_sourcing", volt, "The Journal, citing Chinese officials, reported it", false},
		{"report_sourcing", asp, "Reuters, citing two people with knowledge of the process, reported it", true},
		{"report_sourcing", asp, "The report on aspartame is based on interviews with officials", true},
		{"report_sourcing", asp, "Makers heard from regulators", false},
		// source_label: a publication's name as the label, not a dateline or a section.
		{"source_label", volt, "New York Times: China hinted at the hacks", true},
		{"source_label", volt, "GENEVA: China hinted at the hacks", false},
		{"source_label", volt, "Breaking News: China hinted at the hacks", false},
		{"source_label", asp, "IARC to list aspartame — Washington Post", true},
		{"source_label", volt, "Fox News: China hinted at the hacks", true},
		{"source_label", volt, "Good news: China hinted at the hacks", false},
		{"source_label", asp, "IARC to list aspartame (sources)", true},
		{"source_label", asp, "IARC to list aspartame (in July)", false},
		// headline_attribution: an outlet's possessive names its report.
		{"headline_attribution", volt, "Geneva and a tacit confession: unpacking the WSJ's Volt Typhoon scoop", true},
		{"headline_attribution", asp, "Inside Reuters's aspartame scoop", true},
		// headline_attribution: a body's report still to come is not attribution.
		{"headline_attribution", asp, "Additives panel to report on aspartame the same day", false},
		{"headline_attribution", asp, "Additives panel will report on aspartame in July", false},
		{"headline_attribution", asp, "IARC responds to report on aspartame", true},
		{"headline_attribution", volt, "Senate panel set to report on the hacks", false},
		{"headline_attribution", volt, "China's role in the hacks, report says", true},
		// report_says: coverage given as what says it, not coverage named.
		{"report_says", asp, "Headlines this week saying aspartame is a carcinogen", true},
		{"report_says", asp, "What the aspartame cancer headlines get wrong", false},
		// subject_speaks: with an auxiliary, not in a question, and only in
		// a sentence about the topic.
		{"subject_speaks", asp, "The WHO is saying aspartame causes cancer", true},
		{"subject_speaks", asp, "Did the WHO just say aspartame causes cancer?", false},
		{"subject_speaks", asp, "An adult can drink 12 cans of diet soda a day, the agency says", false},
		{"subject_speaks", volt, "China has now said the hacks were a warning", true},
		{"subject_speaks", volt, "Did China just say it hacked the ports?", false},
		// according_to_subject: the subject's own review; the other side
		// named as the subject's is the other side.
		{"according_to_subject", asp, "Aspartame is dangerous, according to a shock WHO review", true},
		{"according_to_subject", asp, "According to the WHO's food additives experts, 12 cans a day are safe", false},
		{"according_to_subject", asp, "According to the WHO, aspartame is a possible carcinogen", true},
		{"according_to_subject", volt, "According to a Chinese statement, the hacks were a warning", true},
		{"according_to_subject", volt, "According to China's U.S. counterparts, the hacks were a warning", false},
		// subject_announces: a correction retracts what an earlier version
		// said; told by a report in the same sentence it is the report's
		// account (attr6); on its own it is the subject's act.
		{"subject_announces", asp, "An earlier version of this article stated that IARC had classified aspartame as a carcinogen", false},
		{"subject_announces", asp, "IARC had classified aspartame as a carcinogen, the article stated", false},
		{"subject_announces", asp, "By then IARC had classified aspartame as a carcinogen", true},
		{"subject_announces", volt, "A previous version of this story said that China had admitted the hacks", false},
		{"subject_announces", volt, "China had admitted the hacks, the previous story said", false},
		{"subject_announces", volt, "By then China had admitted the hacks", true},
		// subject_speaks: its people on the record speak for it; its sources are a leak.
		{"subject_speaks", asp, "IARC officials say aspartame is possibly carcinogenic", true},
		{"subject_speaks", asp, "Aspartame is possibly carcinogenic, IARC insiders say", false},
		{"subject_speaks", volt, "Chinese officials said the hacks were a warning", true},
		// subject_speaks: a relative pronoun after people is those people.
		{"subject_speaks", asp, "IARC to list aspartame, defying regulators who say it is safe", false},
		{"subject_speaks", asp, "IARC to list aspartame, but WHO says it is safe", true},
		// verdict_to_come: a judgement to come, told by its verb; not only
		// that the subject will speak.
		{"verdict_to_come", asp, "WHO cancer body about to disagree with regulators on aspartame", true},
		{"verdict_to_come", asp, "Aspartame is less innocent than thought, WHO body to say", true},
		{"verdict_to_come", asp, "The WHO is about to weigh in on aspartame", false},
		{"verdict_to_come", asp, "Regulators to condemn aspartame listing", false},
		{"verdict_to_come", volt, "China poised to condemn the report on the hacks", true},
		{"verdict_to_come", asp, "Study links aspartame to cancer as WHO panel readies a warning", true},
		{"verdict_to_come", asp, "Soda makers prepare a warning label", false},
		// subject_gives: a modal says the ruling may come.
		{"subject_gives", asp, "Aspartame may get a cancer label from WHO", false},
		{"subject_gives", asp, "Aspartame gets a cancer label from WHO", true},
	}
	runLexiconCases(t, tests)
}

// factWordClasses are the lexicon's classes of measured, counted and dated
// facts, moved from the aspartame story's facts signals (issue 13).
var factWordClasses = []string{"mass_unit_kg", "mass_unit_lb", "weigh_word", "person_noun", "range_word", "few_word", "time_unit", "period_part", "settle_word", "repeat_ordinal", "again_word", "expert_word", "outside_adj", "convened_word", "list_noun"}

// lexiconSignals is the lexicon file from its signals on (its classes are
// defined above them).
func lexiconSignals(src string) string {
	if i := strings.Index(src, "\nsignals:\n"); i >= 0 {
		return src[i:]
	}
	return ""
}

// TestLexiconFactWordsMovedFromStory checks the aspartame facts signals that
// read the lexicon's classes of measured, counted and dated facts, on
// sentences written for each class, and that the Volt Typhoon rubric, which
// writes none of them, need not define anything for them.
func TestLexiconFactWordsMovedFromStory(t *testing.T) {
	const asp = "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		// <mass_unit_kg>, <mass_unit_lb>: the story's weight in every spelling, another weight wrong.
		{"weight_right", asp, "The limit assumes a 60 kg adult", true},
		{"weight_right", asp, "The limit assumes a 60-kilogram adult", true},
		{"weight_right", asp, "The limit assumes an adult of 132 lbs", true},
		{"other_weight", asp, "The limit assumes a 70 kilo adult", true},
		{"other_weight", asp, "The limit assumes a 60 kilo adult", false},
		// <person_noun>, <weigh_word>: another weight in pounds, of a person or weighed.
		{"other_weight", asp, "The limit holds for a 150-pound woman", true},
		{"other_weight", asp, "The limit holds for someone weighing 150 lb", true},
		{"other_weight", asp, "The limit holds for someone weighing 132 lb", false},
		// <range_word>, <few_word>: another range of cans, a count by a quantifier.
		{"other_amount", asp, "Drinking 5 through 10 cans a day is fine", true},
		{"other_amount", asp, "Drinking a handful of cans a day is fine", true},
		{"other_amount", asp, "Drinking 12 through 36 cans a day is fine", false},
		// <settle_word>, <time_unit>: the ruling finalised another time, or this month.
		{"settled_before", asp, "IARC finalised the ruling two decades ago", true},
		{"settled_before", asp, "The agency settled on its view a year ago", true},
		{"date_right", asp, "The agency settled on its view earlier this month", true},
		// <period_part>: a part of July for the decision; a decade JECFA's view is not from.
		{"settled_when_due", asp, "IARC decided in mid July to list aspartame", true},
		{"view_wrong", asp, "JECFA has held it safe since the mid 1990s", true},
		{"view_wrong", asp, "JECFA has held it safe since the early 1980s", false},
		// <repeat_ordinal>, <again_word>: listed again where the source has the first time.
		{"listed_again", asp, "IARC lists aspartame for the third time", true},
		{"listed_again", asp, "Aspartame was classified anew by IARC", true},
		{"listed_again", asp, "IARC lists aspartame for the first time", false},
		// <expert_word>, <outside_adj>, <convened_word>: the ruling after the experts met.
		{"experts_met", asp, "The ruling came after independent experts weighed the studies", true},
		{"experts_met", asp, "The ruling came after the advisers convened", true},
		{"experts_met", asp, "The ruling came at a meeting of scientists", true},
		{"experts_met", asp, "The ruling came last month", false},
		// <list_noun>: the listing made by putting it on a list.
		{"ruling_made_public", asp, "IARC added aspartame to its list of possible carcinogens", true},
		{"ruling_made_public", asp, "IARC placed aspartame in a category of possible carcinogens", true},
		{"ruling_made_public", asp, "IARC's list of possible carcinogens is long", false},
		// <settle_word> denied: the ruling not yet made, where the source has it made.
		{"undecided", asp, "IARC has not yet concluded its review", true},
		{"undecided", asp, "IARC experts have not agreed yet", true},
		{"undecided", asp, "The ruling was not finalised last year", false},
	})
	src, err := os.ReadFile("volt-typhoon-geneva.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range factWordClasses {
		if strings.Contains(string(src), "<"+c+">") {
			t.Errorf("volt-typhoon-geneva.yaml writes <%s>: add its sentences to this test", c)
		}
	}
	asp2, err := os.ReadFile("aspartame-iarc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// A class the story no longer writes is read by the lexicon's own typed
	// fact slots (other_weight, weight_right: lexicon version 8), which the
	// story fills with its values.
	lex, err := os.ReadFile("../engine/lexicon/standards.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range factWordClasses {
		if !strings.Contains(string(asp2), "<"+c+">") && !strings.Contains(lexiconSignals(string(lex)), "<"+c+">") {
			t.Errorf("neither aspartame-iarc.yaml nor the lexicon's signals write <%s>: the sentences above test nothing of it", c)
		}
	}
}

// TestLexiconVersion8MovedFromStory checks what lexicon version 8 took from
// the aspartame story's file (issue 13: a story file holds only the story):
// officialdom, decisions, speech after a relative clause or an auxiliary, a
// spokesperson's word on the process, bans, measures, and the typed fact
// slots of a due month, a day and a weight, which read the story's values
// (fact_due, fact_day, fact_year, fact_weight_*). Each holds on sentences
// written for it, in several registers, and not on its near misses; the
// English ones read China on the Volt Typhoon rubric too, and the typed slots
// never occur in a story that gives no values.
func TestLexiconVersion8MovedFromStory(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		// made_official: a listing told as made by a perfect or an adverb of officialdom.
		{"made_official", asp, "Aspartame has officially been listed as a possible carcinogen", true},
		{"made_official", asp, "It's done: the sweetener was formally declared a cancer hazard", true},
		{"made_official", asp, "The UN just officially said aspartame may cause cancer", true},
		{"made_official", asp, "Aspartame has now been classified as possibly carcinogenic", true},
		{"made_official", volt, "China has now been labelled a cyber aggressor, officials said", true},
		{"made_official", asp, "Aspartame has officially been declared safe by regulators", false},
		{"made_official", asp, "Aspartame has not been formally classified as a carcinogen", false},
		{"made_official", asp, "Aspartame will be officially listed as a possible carcinogen", false},
		{"made_official", asp, "The firm officially announced its quarterly results", false},
		// undecided: a decision said not to be made yet.
		{"undecided", asp, "No decision has been made yet on aspartame", true},
		{"undecided", asp, "IARC is yet to rule on the sweetener", true},
		{"undecided", volt, "Washington has not decided how to respond to China", true},
		{"undecided", asp, "No decision has been made public on aspartame", false},
		{"undecided", asp, "The ruling was not finalised last year, but this month", false},
		// speaker_said: the subject's people on the record with an auxiliary between.
		{"speaker_said", asp, "WHO officials have told reporters aspartame may cause cancer", true},
		{"speaker_said", asp, "An IARC spokesman has said the sweetener is a hazard", true},
		{"speaker_said", volt, "Chinese officials have repeatedly said the hacks were not theirs", true},
		{"speaker_said", asp, "WHO officials have said nothing about aspartame", false},
		{"speaker_said", asp, "WHO officials say aspartame may cause cancer", false},
		// relative_speaks: the subject speaking after a relative clause on it.
		{"relative_speaks", asp, "IARC, which is part of the WHO, said aspartame may cause cancer", true},
		{"relative_speaks", asp, "The same WHO that botched COVID now says your soda causes cancer", true},
		{"relative_speaks", volt, "China, which denies all hacking, now says the intrusions were a warning", true},
		{"relative_speaks", asp, "The WHO, which has said little, is reviewing aspartame", false},
		{"relative_speaks", asp, "A WHO committee that tracks food additives says it is safe", false},
		// responder_process: a spokesperson's word on the process, not the ruling.
		{"responder_process", asp, "A WHO spokesperson said the two reviews were complementary", true},
		{"responder_process", asp, "The spokesman said the findings were confidential until July", true},
		{"responder_process", asp, "A spokeswoman said the details will stay under wraps until July", true},
		{"responder_process", asp, "A spokesperson said aspartame may cause cancer", false},
		{"responder_process", asp, "The two reviews were complementary, experts said", false},
		// ban_mention: a ban in any wording; negated, nothing banned.
		{"ban_mention", asp, "The WHO banned aspartame", true},
		{"ban_mention", asp, "Regulators could outlaw the sweetener", true},
		{"ban_mention", volt, "Washington prohibited Chinese telecom gear", true},
		{"ban_mention", asp, "A listing does not ban anything", false},
		{"ban_mention", asp, "Nothing has been banned", false},
		// measure_noun: a container or a measure, which names an amount.
		{"measure_noun", asp, "Twelve cans of diet soda a day", true},
		{"measure_noun", asp, "A glass of cola with lunch", true},
		{"measure_noun", asp, "Diet soda sales fell", false},
		// due_month: the story's month, still to come; the Volt Typhoon rubric gives none.
		{"due_month", asp, "The ruling is due in July", true},
		{"due_month", asp, "IARC will say so by July", true},
		{"due_month", asp, "The ruling was finalised in June", false},
		{"due_month", volt, "The ruling is due in July", false},
		// other_day: another day of the story's month, either order, any suffix.
		{"other_day", asp, "IARC will go public on July 20", true},
		{"other_day", asp, "The listing comes on the 21st of July", true},
		{"other_day", asp, "Expect it 7 July", true},
		{"other_day", asp, "IARC will go public on July 14", false},
		{"other_day", asp, "IARC will go public on the 14th of July", false},
		{"other_day", asp, "IARC will go public in July 2023", false},
		{"other_day", asp, "IARC will go public on July 14, not July 20 as first reported", false},
		{"other_day", volt, "The meeting took place on July 20", false},
		// other_weight and weight_right: a weight in figures, the story's or another.
		{"other_weight", asp, "The limit assumes a 70kg adult", true},
		{"other_weight", asp, "The limit assumes a 150lbs adult", true},
		{"other_weight", asp, "The limit assumes a 60kg adult", false},
		{"other_weight", asp, "The limit assumes a 132-pound adult", false},
		{"other_weight", asp, "The limit assumes an adult who is not 70 kg", false},
		{"other_weight", volt, "The drone carried a 70 kg payload", true},
		{"weight_right", asp, "The limit assumes a 132lb adult", true},
		{"weight_right", asp, "The limit assumes a 70 kg adult", false},
		{"weight_right", volt, "The limit assumes a 60 kg adult", false},
		// ruling_made_public and ruling_decided: the subject announcing or deciding, near it.
		{"ruling_made_public", asp, "WHO declares aspartame a possible carcinogen", true},
		{"ruling_made_public", asp, "WHO makes it official: aspartame may cause cancer", true},
		{"ruling_made_public", asp, "The WHO's cancer arm put aspartame on its list", true},
		{"ruling_made_public", asp, "WHO set to declare aspartame a possible carcinogen", false},
		{"ruling_made_public", asp, "IARC classifies hazard, not dose", false},
		{"ruling_made_public", asp, "Classifications issued by IARC are often misread", false},
		{"ruling_decided", asp, "IARC experts concluded aspartame may cause cancer", true},
		{"ruling_decided", asp, "The WHO admits aspartame could be a hazard", true},
		{"ruling_decided", volt, "Beijing concluded the hacks had served their purpose", true},
		{"ruling_decided", asp, "IARC may conclude aspartame is a hazard", false},
		{"ruling_decided", asp, "IARC has not decided on aspartame", false},
		// ruling_past: not a ruling expected, leaked or reported (version 8).
		{"ruling_past", asp, "Coca-Cola pulls aspartame after WHO cancer warning", true},
		{"ruling_past", asp, "Shares fell after expected WHO ruling on aspartame", false},
		{"ruling_past", asp, "Makers regroup following leaked IARC listing", false},
		// ruling_reacted: the ruling told as made by a reaction to it or as recent.
		{"ruling_reacted", asp, "The FDA disagrees with the WHO's classification of aspartame", true},
		{"ruling_reacted", asp, "Diet soda sales hold steady after the WHO labels aspartame", true},
		{"ruling_reacted", asp, "Regulators shrug off a recent IARC classification", true},
		{"ruling_reacted", asp, "Regulators brace after the expected IARC ruling", false},
		{"ruling_reacted", asp, "Regulators cite the agency's 2015 listing of red meat, after the agency's 2015 classification", false},
		{"ruling_reacted", asp, "Sources say the FDA will disagree with the WHO's classification", false},
		{"ruling_reacted", volt, "U.S. officials disagree with China's ruling on the outage", true},
		// settled_before: a decision reached long before.
		{"settled_before", asp, "The panel finalised its view last year", true},
		{"settled_before", asp, "Experts agreed on the listing months ago", true},
		{"settled_before", volt, "Beijing decided on the campaign a decade ago", true},
		{"settled_before", asp, "The panel finalised its view earlier this month", false},
		{"settled_before", asp, "The panel has not finalised its view last year or since", false},
		// other_season: due in a season other than the story's.
		{"other_season", asp, "The listing will be announced this autumn", true},
		{"other_season", asp, "IARC's ruling is due by the spring", true},
		{"other_season", asp, "The listing will be announced this summer", false},
		{"other_season", asp, "The autumn menu will be announced", false},
		// due_relative: due next week, this weekend or next year.
		{"due_relative", asp, "The agency will announce its ruling next week", true},
		{"due_relative", asp, "Aspartame to be classified next year", true},
		{"due_relative", asp, "The ruling is due this weekend", true},
		{"due_relative", asp, "The ruling is due next month", false},
		{"due_relative", asp, "Sales fell last week", false},
		// listed_again: a listing made again, where the source has the first time.
		{"listed_again", asp, "Aspartame listed for a second time as a possible carcinogen", true},
		{"listed_again", asp, "IARC reclassifies aspartame", true},
		{"listed_again", asp, "The sweetener was re-labelled by the agency", true},
		{"listed_again", asp, "Aspartame listed for the first time as a possible carcinogen", false},
		{"listed_again", asp, "Aspartame was never classified again", false},
		// one_source: a single unnamed source given as the source.
		{"one_source", asp, "A source says aspartame will be listed", true},
		{"one_source", asp, "According to an insider, IARC will list aspartame", true},
		{"one_source", volt, "A person familiar with the talks said China hinted at the hacks", true},
		{"one_source", asp, "Two sources say aspartame will be listed", false},
		{"one_source", asp, "A source of sugar for many drinkers", false},
		// subject_bans: the subject said to ban, or its spokesperson to dismiss a report.
		{"subject_bans", asp, "The WHO bans aspartame", true},
		{"subject_bans", asp, "WHO to ban the sweetener", true},
		{"subject_bans", asp, "An IARC spokesperson rejected the report", true},
		{"subject_bans", volt, "Beijing banned Micron chips", true},
		{"subject_bans", asp, "The WHO does not ban aspartame", false},
		{"subject_bans", asp, "An earlier version incorrectly stated that the WHO would ban aspartame", false},
		{"subject_bans", asp, "Some countries ban sweeteners, not the WHO", false},
		// study_source: a study given as the source of a finding.
		{"study_source", asp, "According to a new study of 100,000 adults, sweeteners raise cancer risk", true},
		{"study_source", asp, "The paper, published in PLOS Medicine, linked sweeteners to cancer", true},
		{"study_source", volt, "New research shows Chinese hackers favour routers", true},
		{"study_source", asp, "IARC will study aspartame", false},
		// intake_harm: an amount a day told as enough to do harm.
		{"intake_harm", asp, "Just two cans a day could give you cancer", true},
		{"intake_harm", asp, "A few glasses a day raise your cancer risk", true},
		{"intake_harm", asp, "Two cans a day won't give you cancer", false},
		{"intake_harm", asp, "Two cans a day is what most people drink", false},
		// safe_amount: an amount in the story's unit told as safe or needed to come to harm.
		{"safe_amount", asp, "A few cans a day are perfectly safe", true},
		{"safe_amount", asp, "You'd need to drink a lake of the stuff to get sick", true},
		{"safe_amount", asp, "It takes a ridiculous number of cans a day to be at risk", true},
		{"safe_amount", asp, "Cans of diet soda line the shelves", false},
		{"safe_amount", asp, "Regulators will weigh how many cans are safe", false},
		{"safe_amount", volt, "A few cans a day are perfectly safe", false},
		// other_amount: an amount in the story's unit other than its range.
		{"other_amount", asp, "You could drink twenty-five cans a day", true},
		{"other_amount", asp, "Drinking 36 cans a day is the limit", true},
		{"other_amount", asp, "A couple of cans won't hurt", true},
		{"other_amount", asp, "Twelve to thirty-six cans a day is the limit", false},
		{"other_amount", asp, "A dozen cans a day is the start of the range", false},
		{"other_amount", asp, "Not 40 cans, as first reported", false},
		{"other_amount", volt, "You could drink twenty-five cans a day", false},
		// other_rate (lex14, was the story's number_wrong): cans per another period than its day.
		{"other_rate", asp, "Twelve to 36 cans a week", true},
		{"other_rate", asp, "Twelve to 36 cans a day", false},
		// public_alarm: alarm named as a thing.
		{"public_alarm", asp, "The Diet Coke scare, explained", true},
		{"public_alarm", volt, "Panic in Washington over the hacks", true},
		{"public_alarm", asp, "Regulators are alarmed", false},
		// results_due: when the findings come, nothing of what they say.
		{"results_due", asp, "The official findings will be made public in July", true},
		{"results_due", asp, "The final decision is to be released on the 14th", true},
		{"results_due", asp, "The final decision was a surprise", false},
		{"results_due", volt, "The official findings will be made public in July", false},
	})
}

// TestLexiconReversalWords: a body turning from its own view ("reversed its
// stance"), the lexicon's reversal_verb before its stance_noun (helper lex14,
// from the aspartame story's view_wrong, which reads them beside JECFA).
func TestLexiconReversalWords(t *testing.T) {
	const asp = "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"view_wrong", asp, "JECFA reversed its stance on aspartame", true},
		{"view_wrong", asp, "The food additives committee has overturned its earlier position", true},
		{"view_wrong", asp, "JECFA dropped its view that the sweetener is safe", true},
		{"view_wrong", asp, "JECFA is reversing its opinion on the sweetener", true},
		{"view_wrong", asp, "Critics cheered JECFA's abandonment of its stance", true},
		{"view_wrong", asp, "JECFA reaffirmed its stance on aspartame", false},
		{"view_wrong", asp, "JECFA's position remains unchanged", false},
		{"view_wrong", asp, "Regulators dropped the case against the sweetener maker", false},
		{"view_wrong", asp, "IARC reversed its stance on coffee years ago", false},
		{"view_wrong", asp, "JECFA reversed the order of its agenda", false},
	})
}

// TestLexiconOtherRate: an amount in the story's unit counted per another
// period than the source's (lex14, the aspartame story's number_wrong, whose
// English is now the lexicon's other_rate with the story's fact_period).
func TestLexiconOtherRate(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"other_rate", asp, "You'd have to drink 12 to 36 cans a week", true},
		{"other_rate", asp, "Experts put the limit at a few cans per month", true},
		{"other_rate", asp, "That's dozens of cans of diet soda each year", true},
		{"other_rate", asp, "the threshold: 36 cans a week, sources say", true},
		{"other_rate", asp, "An adult would need 12 to 36 cans a day", false},
		{"other_rate", asp, "Not 36 cans a week, as first reported", false},
		{"other_rate", asp, "Diet soda sales rose 5% a year", false},
		{"other_rate", asp, "Shoppers bought more cans this week", false},
		{"other_rate", volt, "The hackers stole files every week", false},
	})
}

// TestLexiconAsp12 reads the constructions asp12 added, each with near
// misses: insiders placed inside a body or disclosing in slang (anonymity),
// nothing made public yet (unreleased), a cap on an amount beside the harm
// (intake_harm), the judgement of a body named by the harm (risk_wording),
// a longer safe view before its inverted speaker (safe_said), and JECFA
// revisiting its limits (the story's jecfa_review).
func TestLexiconAsp12(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"anonymity", asp, "The sweetener heads for a new label, insiders at the agency's Lyon office say", true},
		{"anonymity", asp, "Sources inside the WHO told reporters the ruling is final", true},
		{"anonymity", volt, "Sources in Washington said the Chinese side hinted at the hacks", true},
		{"anonymity", asp, "Aspartame is about to be listed, insiders spilled", true},
		{"anonymity", asp, "An insider dished on the coming listing", true},
		{"anonymity", asp, "Officials at the WHO said the review is on schedule", false},
		{"anonymity", asp, "Insiders at the agency were surprised by the news", false},
		{"anonymity", asp, "Researchers spilled coffee on the report", false},
		{"unreleased", asp, "No classification has been announced.", true},
		{"unreleased", asp, "Nothing has yet been published by the agency.", true},
		{"unreleased", asp, "The agency itself says nothing is public until July.", true},
		{"unreleased", volt, "No statement has been issued on the talks.", true},
		{"unreleased", asp, "The classification has been announced.", false},
		{"unreleased", asp, "No one doubts the listing will be published in July.", false},
		{"unreleased", asp, "Nothing in the report is new.", false},
		{"unreleased", asp, "No decision has been made yet.", false},
		{"intake_harm", asp, "The WHO now says adults should have no more than two diet sodas a day because of cancer concerns", true},
		{"intake_harm", asp, "Limit yourself to three cans a day to keep cancer risk down, the agency says", true},
		{"intake_harm", asp, "The WHO says adults should have no more than two diet sodas a day", false},
		{"intake_harm", asp, "Cancer agency staff drink more than two sodas a day in the canteen", false},
		{"intake_harm", volt, "No more than two meetings a week, the cyber officials said", false},
		{"risk_wording", asp, "Aspartame safe in moderation, as cancer arm readies warning", true},
		{"risk_wording", asp, "UN cancer body to tag NutraSweet's key ingredient next month", true},
		{"risk_wording", asp, "WHO cancer unit readies aspartame ruling", false},
		{"risk_wording", asp, "The cancer agency meets in June to weigh the evidence", false},
		{"risk_wording", asp, "Sweetener makers warn of a label from the agency", false},
		{"safe_said", asp, "Aspartame safe only up to 2 or 3 cans a day, WHO committee says", true},
		{"safe_said", asp, "Diet soda fine for adults up to a few cans every day, says WHO", true},
		{"safe_said", asp, "Aspartame not safe at any dose, WHO committee says", false},
		{"safe_said", asp, "Aspartame is safe, and the cancer agency will list it as possibly carcinogenic in July, two people with knowledge of the process say", false},
		{"jecfa_review", asp, "Aspartame users brace for IARC hazard listing as JECFA revisits intake limits", true},
		{"jecfa_review", asp, "The additives committee is revisiting its daily limit this year", true},
		{"jecfa_review", asp, "JECFA will not revisit its limits", false},
		{"jecfa_review", asp, "Shoppers revisit their diet soda habits after the leak", false},
		{"other_side_fine", asp, "The WHO's own additives committee has been comfortable with aspartame for decades", true},
		{"other_side_fine", asp, "Regulators remain content with it, the industry says", true},
		{"other_side_fine", asp, "Regulators have not been comfortable with aspartame", false},
		{"other_side_fine", asp, "Shoppers are comfortable with aspartame", false},
		{"dose_caveat", asp, "It speaks to whether a hazard exists at all, not whether anyone drinking a diet cola should worry", true},
		{"dose_caveat", asp, "The hazard is real, and whether anyone should worry is the question", false},
		{"unsafe_finding", asp, "EFSA said last year it causes cancer", true},
		{"unsafe_finding", asp, "Regulators have found it does not cause cancer", false},
		{"unsafe_finding", asp, "People who say it causes cancer are wrong", false},
		// threshold_view, moved from the story's safe_view
		{"threshold_view", asp, "An adult would need 12 to 36 cans a day to be at risk", true},
		{"threshold_view", asp, "It takes a dozen-plus cans a day to reach the limit", true},
		{"threshold_view", asp, "Not 12 to 36 cans: the threshold is lower", false},
		{"threshold_view", asp, "Regulators will weigh how many cans are fine, 12 to 36 cans or fewer", false},
		{"threshold_view", asp, "Shoppers bought 12 cans of soda", false},
		// experts_met, moved from the story's event_right
		{"experts_met", asp, "IARC finalised it after a meeting of outside specialists", true},
		{"experts_met", asp, "Experts disagreed about what the meeting meant", false},
		{"experts_met", volt, "The meeting of Chinese and American officials in Geneva", false},
	})
}

// TestLexiconCategoryWords reads the category named without its word of
// possibility, wrong_category and category_adjective, moved from the
// aspartame story to the lexicon (asp12): the agent's words after a verb of
// classifying, not after a modal, a negation or "possibly", and (for
// wrong_category) softened by attribution or quotation marks.
func TestLexiconCategoryWords(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"wrong_category", asp, "Aspartame to be labelled a carcinogen by the WHO", true},
		{"wrong_category", asp, "IARC will classify the sweetener as cancer-causing", true},
		{"wrong_category", asp, "The agency will declare aspartame cancerous", true},
		{"wrong_category", asp, "Aspartame to be labelled possibly carcinogenic", false},
		{"wrong_category", asp, "A carcinogen in your soda? The WHO weighs in", false},
		{"wrong_category", asp, "Aspartame was declared not carcinogenic in 1981", false},
		{"wrong_category", volt, "China labelled the report a fabrication", false},
		{"category_adjective", asp, "Aspartame expected to be classified as carcinogenic", true},
		{"category_adjective", asp, "WHO to list aspartame as carcinogenic to humans, sources say", true},
		{"category_adjective", asp, "Aspartame could be classified as possibly carcinogenic", false},
		{"category_adjective", asp, "Aspartame to be labelled a carcinogen", false},
		{"category_adjective", asp, "Carcinogenic or not, diet soda sales hold up", false},
	})
}

// TestLexiconSettledOtherTime reads the dates of a decision that are not
// the source's, moved from the aspartame story's date_wrong to the lexicon
// (asp12) as typed slots: the month it is due (<fact_due>), a year of this
// century other than <fact_year>, a day of a month other than <fact_due>;
// none denied or corrected.
func TestLexiconSettledOtherTime(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"settled_when_due", asp, "IARC finalised its ruling in July", true},
		{"settled_when_due", asp, "The agency decided after its panel met in late July", true},
		{"settled_when_due", asp, "The agency classified glyphosate in March 2015", false},
		{"settled_when_due", asp, "IARC finalised its ruling in June", false},
		{"settled_when_due", asp, "IARC did not decide in July; it decided in June", false},
		{"settled_when_due", volt, "The officials met in March to talk", false},
		{"settled_other_year", asp, "The listing was decided in 2021, sources say", true},
		{"settled_other_year", asp, "Its 2019 classification of aspartame stands", true},
		{"settled_other_year", asp, "The 2023 classification of aspartame is due in July", false},
		{"settled_other_year", asp, "JECFA's view, taken in 1981, stands", false},
		{"due_other_day", asp, "The ruling is to be made public on June 30", true},
		{"due_other_day", asp, "IARC will announce it on August 3rd", true},
		{"due_other_day", asp, "IARC will announce it on July 14", false},
		{"due_other_day", asp, "The report came out in June", false},
		{"due_other_day", asp, "The agency classified glyphosate in March 2015", false},
		{"date_wrong", asp, "The ruling will be finalised at a meeting next month", true},
		{"date_wrong", asp, "The ruling was finalised at a meeting this month", false},
	})
}

// TestLexiconUnsafeFinding reads unsafe_finding, moved from the aspartame
// story to the lexicon (asp12) with its bodies as the story's safety_body:
// a body that judges safe intake finding the thing unsafe, banning,
// recalling or hiding it; not a ban denied, not the pronoun "who" before a
// recall or a cover-up, not on a story that names no such body.
func TestLexiconUnsafeFinding(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"unsafe_finding", asp, "JECFA has now ruled aspartame unsafe", true},
		{"unsafe_finding", asp, "The FDA banned the sweetener overnight", true},
		{"unsafe_finding", asp, "Aspartame is dangerous, says the FDA", true},
		{"unsafe_finding", asp, "Regulators are recalling aspartame from shelves", true},
		{"unsafe_finding", asp, "The FDA knew since 1981 but hid it", true},
		{"unsafe_finding", asp, "The WHO is not banning aspartame", false},
		{"unsafe_finding", asp, "Shoppers who knew the risks kept drinking diet soda", false},
		{"unsafe_finding", asp, "Regulators have held aspartame safe since 1981", false},
		{"unsafe_finding", volt, "Officials banned the hackers' tools", false},
	})
}
