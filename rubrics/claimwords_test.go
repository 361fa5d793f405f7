package rubrics_test

import "testing"

// TestClaimWordsByMeaning grades texts written here (none from a case file)
// for the constructions of claim strength read on the tune8 sets: how
// explicit an acknowledgment is (story one's admission) and how certain a
// hazard is (story two's classification), each in several wordings, with
// the near misses that must not move.
func TestClaimWordsByMeaning(t *testing.T) {
	runCriterionCases(t, "volt-typhoon-geneva", []factCase{
		// "pretty much" approximates the verb after it, as "more or less"
		// does; without it the same verb is an outright admission.
		{"headline", "admission", "pass", "China pretty much took credit for the hacks on U.S. ports in Geneva"},
		{"summary", "admission", "pass", "In Geneva last December, Beijing's envoy pretty much admitted the intrusions into U.S. water utilities."},
		{"summary", "admission", "pass", "Chinese officials pretty much told the Americans in Geneva that the port hacks were about Taiwan."},
		{"headline", "admission", "fail", "China took credit for the hacks on U.S. ports in Geneva"},
		// A parenthesis set off by commas qualifies the verb right after it.
		{"summary", "admission", "pass", "China, in effect, owned up to the hacks on U.S. water utilities at the Geneva meeting."},
		{"summary", "admission", "pass", "At the Geneva meeting, Wang Lei had, effectively, confessed to the intrusions into U.S. ports."},
		{"summary", "admission", "pass", "At the Geneva meeting, the Chinese diplomat had, in effect, signed his name to the hacking campaign against U.S. airports."},
		{"summary", "admission", "fail", "The Chinese diplomat signed his name to the campaign against U.S. airports at the Geneva meeting."},
		// Phrases of degree, before the word or after it, say it was less
		// than an admission.
		{"headline", "admission", "pass", "China made an admission of sorts about the port hacks in Geneva"},
		{"summary", "admission", "pass", "At the Geneva meeting, China confessed, so to speak, to the Volt Typhoon hacks."},
		{"headline", "admission", "pass", "A confession in all but name: China's Geneva remarks on the port hacks"},
		{"headline", "admission", "pass", "China in essence admitted the Volt Typhoon hacks in Geneva"},
		{"summary", "admission", "pass", "China did, in essence, admit the Volt Typhoon hacks at the Geneva meeting."},
		{"headline", "admission", "fail", "China made an admission about the port hacks in Geneva"},
		// "made plain", and "made clear" closing its clause, make it
		// explicit whatever else is said.
		{"summary", "admission", "fail", "A Chinese official in Geneva made plain that Beijing had hacked U.S. ports for sabotage."},
		{"summary", "admission", "fail", "Wang Lei made it plain in Geneva: the water utility hacks were Beijing's answer on Taiwan."},
		{"summary", "admission", "fail", "The intrusions into U.S. airports were no accident, the Chinese envoy in Geneva made clear."},
		{"summary", "admission", "pass", "The Chinese envoy in Geneva did not make plain that Beijing was behind the port hacks; the remarks were oblique."},
		// The idioms of plain speaking, and the subject open about it.
		{"headline", "admission", "fail", "China made no bones about hacking U.S. ports, in Geneva"},
		{"summary", "admission", "fail", "At the Geneva meeting, China acknowledged the port hacks, no ifs or buts."},
		{"summary", "admission", "fail", "Beijing owned the water utility hacks in Geneva, plain and simple."},
		{"headline", "admission", "fail", "China was upfront about the port hacks in Geneva"},
		{"summary", "admission", "fail", "The Chinese delegation in Geneva was candid about its role in the water utility hacks."},
		{"summary", "admission", "pass", "China was not upfront about the port hacks in Geneva; it hinted at them."},
		{"summary", "admission", "pass", "In Geneva, China hinted at the port hacks; the Americans got the message loud and clear."},
		// The other side saying it plainly is not the subject's admission;
		// the subject telling the other side to its face is.
		{"summary", "admission", "pass", "U.S. officials were candid about the Volt Typhoon hacks after Geneva, where China tacitly acknowledged them."},
		{"summary", "admission", "pass", "In Geneva, China tacitly acknowledged the port hacks, and Washington made clear that it would respond."},
		{"summary", "admission", "fail", "Beijing has told us to our faces in Geneva that it hacked our water systems, the Chairman said."},
		{"summary", "admission", "fail", "China made it clear in Geneva that it was behind the port hacks."},
		// The manner adverb after a negated speech verb: what was not said
		// directly was said tacitly.
		{"summary", "admission", "pass", "Chinese officials in Geneva did not say directly that Beijing hacked U.S. ports, but they tied the intrusions to Taiwan."},
		{"summary", "admission", "pass", "Wang Lei never stated outright that China was behind the water utility hacks."},
		{"summary", "admission", "pass", "The Chinese delegation in Geneva didn't claim explicitly that it had breached U.S. airports."},
		{"summary", "admission", "fail", "Chinese officials in Geneva said directly that Beijing hacked U.S. ports over Taiwan."},
		// Nobody as the speaker negates the speech verb and its adverb.
		{"summary", "admission", "pass", "No one on the Chinese side said outright in Geneva that Beijing did it; the Americans read the remarks on the port hacks as a tacit admission."},
		{"summary", "admission", "pass", "Nobody in the Chinese delegation stated openly that China did it; the remarks on the water utility hacks in Geneva were oblique."},
		{"summary", "admission", "pass", "No one from Beijing's team admitted plainly to the airport intrusions; the remarks were indirect."},
		// Telling the other side that the subject was behind it is telling
		// it in so many words; the writer's own "was behind" is neutral.
		{"summary", "admission", "fail", "China told the Biden team in Geneva that it was behind the Volt Typhoon attacks on U.S. infrastructure."},
		{"summary", "admission", "fail", "Chinese officials informed U.S. counterparts in Geneva that Beijing was behind the water utility hacks."},
		{"headline", "admission", "fail", "Beijing told U.S. officials it was behind the port hacks, in Geneva"},
		{"summary", "admission", "partial", "At the Geneva meeting, China indicated it was behind the hacks on U.S. ports."},
		{"summary", "admission", "pass", "Chinese officials never told the Americans in Geneva that Beijing was behind the port hacks; they hinted at it."},
		// Signalling what one is ready to do is an intent, not a hint at
		// what was done; signalling what was done is.
		{"summary", "admission", "partial", "Chinese officials linked the port hacks to Taiwan in Geneva. China is signalling it is ready to hit civilian infrastructure."},
		{"summary", "admission", "partial", "Beijing tied the water utility hacks to U.S. support for Taiwan in Geneva, and it signalled that it would be prepared to strike again."},
		{"summary", "admission", "pass", "In Geneva, Chinese officials signalled that Beijing was behind the hacks on U.S. ports."},
		// A judged signal ("the wrong signal") is what someone sent.
		{"summary", "admission", "fail", "China admitted the hacks on U.S. ports in Geneva. Firing the NSA chief now sends precisely the wrong signal."},
		{"summary", "admission", "fail", "Beijing confessed to the water utility hacks in Geneva; Washington's silence sends mixed signals."},
		{"summary", "admission", "partial", "Beijing confessed to the water utility hacks in Geneva, a signal to Washington about Taiwan."},
		// A question whether it was an admission doubts it.
		{"headline", "admission", "pass", "Was China's Geneva Remark on the Port Hacks an Admission or a Threat?"},
		{"headline", "admission", "pass", "Is Beijing's Geneva message a confession, a warning, or neither?"},
		{"headline", "admission", "pass", "Were the Chinese remarks in Geneva an acknowledgment of the hacks, or a bluff?"},
		{"headline", "admission", "fail", "Beijing's Geneva remark on the port hacks was an admission, and a threat"},
		// Answered yes, the question no longer doubts it.
		{"headline", "admission", "partial", "Was China's Geneva remark on the port hacks a confession or a threat? U.S. officials say both"},
		{"summary", "admission", "partial", "Was Beijing's message in Geneva on the water utility hacks an admission, or a warning? Yes."},
		// "like" for "as" after a verb of reading.
		{"summary", "admission", "pass", "The Chinese official tied the port hacks to Taiwan in Geneva, and the Americans understood it like an admission."},
		{"summary", "admission", "pass", "In Geneva, U.S. officials read the Chinese remarks like a confession of the water hacks."},
		{"summary", "admission", "fail", "Beijing confessed to the water hacks in Geneva, just like that."},
		// A matter raised as tied to the hacks is the source's neutral link.
		{"summary", "admission", "partial", "At the Geneva meeting, Chinese officials raised Taiwan in connection with the hacks on U.S. ports."},
		{"summary", "admission", "partial", "In Geneva, Beijing's envoy brought up U.S. support for Taiwan in relation to the water utility intrusions."},
		{"headline", "admission", "partial", "China mentioned Taiwan in connection with U.S. port hacks at Geneva meeting"},
		{"summary", "admission", "pass", "At the Geneva meeting, Chinese officials obliquely raised Taiwan in connection with the hacks on U.S. ports."},
		{"summary", "admission", "na", "Two men were arrested in connection with the hacks on U.S. ports, the FBI said."},
	})
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// The subject's list, headed for or put on, is its classification
		// without the hedge; the same list with "possibly" is the hedge.
		{"headline", "classification", "partial", "Sugar-free gum sweetener headed for IARC list, sources say"},
		{"headline", "classification", "partial", "Aspartame to be added to the WHO agency's list next month, sources say"},
		{"headline", "classification", "partial", "Diet soda sweetener set to land on IARC's list in July: report"},
		{"headline", "classification", "pass", "Aspartame headed for IARC's list of possible carcinogens, sources say"},
		// Hearsay attributes a claim; the same claim in the text's voice
		// beside "possibly" is an overclaim beside the hedge.
		{"summary", "classification", "pass", "Listeners said they'd heard the WHO found that aspartame causes cancer. Sources say IARC will list it as possibly carcinogenic in July."},
		{"summary", "classification", "pass", "Some shoppers had heard that aspartame gives you cancer. Two sources say the WHO's cancer agency will call it possibly carcinogenic."},
		{"summary", "classification", "partial", "Aspartame causes cancer. Sources say IARC will list it as possibly carcinogenic in July."},
		// The agency named by its field is the subject: its saying it is
		// no attribution; unnamed sources saying it are.
		{"summary", "classification", "fail", "When the world's leading cancer authority says a sweetener causes cancer, the time for daily limits on aspartame is over."},
		{"headline", "classification", "fail", "Cancer agency says aspartame causes cancer"},
		{"summary", "classification", "fail", "The WHO's cancer watchdog has said aspartame causes cancer. Diet soda drinkers should switch."},
		{"headline", "classification", "partial", "Aspartame causes cancer, sources say"},
		// The noun of showing denied governs the claim after it.
		{"summary", "classification", "pass", "Sources say IARC will list aspartame as possibly carcinogenic. That is not proof that the sweetener causes cancer at normal intakes."},
		{"summary", "classification", "pass", "IARC will call aspartame possibly carcinogenic, sources say, which is no evidence that it is a carcinogen in diet soda."},
		{"summary", "classification", "pass", "Two sources say the WHO's cancer agency will list aspartame as a possible carcinogen; there is no sign that it causes cancer in people who drink a can a day."},
		{"summary", "classification", "partial", "Sources say IARC will list aspartame as possibly carcinogenic. The listing is proof that the sweetener causes cancer."},
		// The ruling named as a hazard's is the category without its hedge.
		{"headline", "classification", "partial", "IARC hazard label for aspartame due in July, sources say"},
		{"headline", "classification", "partial", "WHO cancer agency's hazard ruling on aspartame expected next month, sources say"},
		{"headline", "classification", "partial", "Diet soda makers brace for an IARC hazard call on aspartame, sources say"},
		{"headline", "classification", "pass", "IARC hazard call: aspartame possibly carcinogenic, sources say"},
		// IARC's lowest category is 2B, "possibly"; its highest is group 1.
		{"headline", "classification", "pass", "WHO cancer agency to put aspartame in its lowest cancer category, sources say"},
		{"headline", "classification", "pass", "Aspartame to land in the lowest of IARC's cancer-hazard tiers, sources say"},
		{"summary", "classification", "pass", "Sources say IARC will list aspartame, a sweetener in diet soda, in its lowest tier of cancer hazards next month."},
		{"headline", "classification", "fail", "WHO agency to rank aspartame in its highest cancer category, sources say"},
		{"headline", "classification", "fail", "Aspartame headed for the top tier of IARC's cancer list, sources say"},
		{"headline", "classification", "pass", "Aspartame will not be put in IARC's highest cancer category, only its lowest category, sources say"},
		{"headline", "classification", "partial", "Aspartame to be ranked carcinogenic, not in the lowest cancer category, sources say"},
	})
}
