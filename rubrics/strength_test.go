package rubrics_test

import "testing"

// TestStrengthFromTune6And7 grades texts written here (not from any case
// file) for the claim-strength constructions behind the admission
// mismatches of the outside sets tune6.jsonl and tune7.jsonl: a threat told
// in so many words, a negative subject with its modifier ("no one on the
// Chinese side"), a manner adverb after a negated verb, a reading told with
// "like", making something clear said of the other side or a report, ending
// a pretence, "lowkey" beside an overclaim, and the deed told as what "we"
// had "our" people do. Each construction in several wordings, with the near
// misses that must not move.
func TestStrengthFromTune6And7(t *testing.T) {
	runFactCases(t, []factCase{
		// The subject threatening the other side in so many words presents
		// the remarks as explicit: an overclaim (hedged by attribution, made
		// tacit by a qualifier, partial beside a tacit statement).
		{"headline", "admission", "fail", "Beijing threatened America with cyberattacks over its support for Taiwan"},
		{"headline", "admission", "fail", "Chinese officials threaten to switch off U.S. ports if Washington keeps arming Taiwan"},
		{"headline", "admission", "fail", "China's blackmail: back off Taiwan or lose your water plants"},
		{"headline", "admission", "partial", "China threatened the U.S. with attacks on its water systems over Taiwan, officials say"},
		{"summary", "admission", "partial", "China threatened to hit U.S. ports over Taiwan. U.S. officials read the remarks as a tacit admission."},
		{"headline", "admission", "pass", "Beijing implicitly threatened U.S. ports over Taiwan, officials say"},
		// near misses: a threat read into the remarks, the subject
		// threatening Taiwan, or threatened itself
		{"headline", "admission", "na", "U.S. officials took China's Geneva remarks on the port hacks as a threat over Taiwan"},
		{"summary", "admission", "pass", "China has long threatened Taiwan with invasion. In Geneva its officials hinted at the hacks on U.S. ports."},
		{"summary", "admission", "pass", "China felt threatened by U.S. support for Taiwan, and its officials hinted at the hacks on U.S. ports in Geneva."},
		{"headline", "admission", "pass", "China's hackers threatened U.S. water systems, Beijing hinted in Geneva"},
		{"headline", "admission", "na", "Beijing threatened America's water supply over Taiwan"},
		// "far from", "rather than" negate what follows; "as much as"
		// approximates the speech verb after it.
		{"headline", "admission", "pass", "Far from a confession: what China said about the port hacks in Geneva"},
		{"summary", "admission", "pass", "China signalled rather than admitted its role in the port hacks, officials said."},
		{"headline", "admission", "pass", "China as much as told us it hacked our ports"},
		// A negative subject with what it is drawn from negates the verb
		// after the whole phrase, and the words it would have said.
		{"summary", "admission", "pass", "No one on the Chinese side stated outright that Beijing was behind the port hacks; U.S. officials read it as a tacit admission."},
		{"summary", "admission", "pass", "Nobody from Beijing's delegation openly admitted the hacks on U.S. water utilities in Geneva."},
		{"summary", "admission", "pass", "Nobody on the Chinese side said 'we did it' about the port hacks. The remarks in Geneva were oblique."},
		{"summary", "admission", "pass", "Not a direct 'we did it' from Beijing on the water hacks, but U.S. officials heard a tacit admission."},
		// The manner adverb after a negated verb, and a reading told with
		// "like"; the adverb after a verb that is not negated is explicit.
		{"summary", "admission", "pass", "Chinese officials linked the port hacks to Taiwan. They did not say it directly."},
		{"summary", "admission", "pass", "The Americans in Geneva understood it like an admission: China linked the port hacks to Taiwan."},
		{"summary", "admission", "pass", "China's official did not say it directly, and the Americans understood like admission the port hacks link to Taiwan."},
		{"headline", "admission", "pass", "Wang Lei's non-admission, explained"},
		{"summary", "admission", "fail", "Chinese officials said directly that Beijing was behind the port hacks."},
		// Making something clear is the subject's intensifier, not the
		// other side's or a report's.
		{"summary", "admission", "partial", "The U.S. has made it clear it will respond. Chinese officials linked the port hacks to Taiwan."},
		{"summary", "admission", "pass", "The Journal's report makes clear the remarks were indirect: Chinese officials linked the port hacks to Taiwan."},
		{"summary", "admission", "fail", "China made it clear it was behind the port hacks, the Journal reported."},
		// Made plain or unmistakable, by the subject; taken back after the
		// word ("admitted, without quite saying so").
		{"headline", "admission", "fail", "China made its role in the port hacks plain, officials say"},
		{"headline", "admission", "fail", "China made the link between the port hacks and Taiwan unmistakable"},
		{"summary", "admission", "partial", "The U.S. made the consequences plain to Beijing. Chinese officials linked the port hacks to Taiwan."},
		{"summary", "admission", "pass", "Chinese officials admitted, without quite saying so, that Beijing was behind the attacks on U.S. ports, U.S. officials said."},
		{"summary", "admission", "fail", "Chinese officials admitted that Beijing was behind the attacks on U.S. ports without hesitation."},
		// Ending a pretence is dropping all pretenses, the mask too; "non-"
		// negates the noun it is set before.
		{"headline", "admission", "fail", "Beijing drops the mask on the port hacks"},
		{"headline", "admission", "pass", "The non-confession: China's Geneva remarks on the port hacks"},
		{"headline", "admission", "fail", "A Chinese official said they'd hacked U.S. ports over Taiwan"},
		// "pretty much" approximates; telling the other side "it was behind"
		// is telling it outright; a threat a few words after China.
		{"summary", "admission", "pass", "China pretty much took credit for hacking our ports, apparently."},
		{"headline", "admission", "pass", "Beijing pretty much told the Americans it was behind the port hacks"},
		{"summary", "admission", "fail", "China told the outgoing Biden team in December that it was behind the port hacks."},
		{"summary", "admission", "fail", "China's top cyber envoy threatened to cripple America's ports over Taiwan."},
		{"summary", "admission", "fail", "In Geneva a Chinese official made plain that Beijing was behind the port hacks."},
		// Ending a pretence is dropping all pretenses.
		{"headline", "admission", "fail", "Beijing has stopped pretending about the port hacks"},
		{"headline", "admission", "fail", "China drops the act on the Volt Typhoon hacks"},
		{"headline", "admission", "partial", "Beijing quit pretending in Geneva, hinting that its hackers hit U.S. ports over Taiwan"},
		{"headline", "admission", "pass", "China stopped short of admitting the port hacks"},
		// "lowkey" is a tacit cue but does not take the verb beside it back.
		{"headline", "admission", "partial", "china lowkey admitted the port hacks"},
		{"headline", "admission", "pass", "China lowkey copped to the port hacks, WSJ says"},
		{"headline", "admission", "pass", "china lowkey hinted at the port hacks"},
		// A name other people give it hedges the noun; the writer's own
		// name for it does not.
		{"summary", "admission", "pass", "People are calling it a confession, but China only hinted at the port hacks in Geneva."},
		{"summary", "admission", "partial", "Critics dubbed it an admission. Chinese officials linked the port hacks to Taiwan."},
		{"summary", "admission", "fail", "Let's call it what it is: a confession. China linked the port hacks to Taiwan."},
		// Accepting a deed as one's own, with a content clause.
		{"headline", "admission", "fail", "China accepts that it hacked U.S. water utilities"},
		{"headline", "admission", "partial", "Beijing accepted it had breached American ports, officials say"},
		{"summary", "admission", "pass", "Chinese officials never accepted that they hacked U.S. ports; they hinted at it in Geneva."},
		// Telling the other side that the subject's own people did the deed.
		{"summary", "admission", "fail", "China's foreign ministry told U.S. officials that its hackers targeted American ports over Taiwan."},
		{"summary", "admission", "partial", "Chinese officials told the Americans their spies had breached U.S. water utilities, officials said."},
		// The deed told as what "we" had "our" people do.
		{"headline", "admission", "fail", "Beijing to Washington: we sent our hackers into your ports over Taiwan"},
		{"headline", "admission", "fail", "Chinese official: I ordered our units into U.S. water systems"},
		{"headline", "admission", "partial", "Beijing to Washington: we sent our hackers into your ports over Taiwan, officials say"},
	})
}

// TestStrengthSignalsFromTune6And7 checks the lexicon entries behind the
// constructions above on both stories: each holds in a text of each story
// and not in a near miss.
func TestStrengthSignalsFromTune6And7(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"threat_claim", volt, "China threatened the U.S. with cyberwar over the hacks", true},
		{"threat_claim", volt, "Beijing's cyber blackmail over the hacks", true},
		{"threat_claim", asp, "IARC threatens soda makers with a cancer label for aspartame", true},
		{"threat_claim", volt, "China felt threatened by the hacks", false},
		{"threat_claim", volt, "China's hacks threatened U.S. water systems", false},
		{"threat_claim", volt, "China's hackers threatened the U.S. over Taiwan", false},
		{"negation", asp, "Far from a finding on aspartame", true},
		{"approx_speech", asp, "IARC as much as told makers that aspartame causes cancer", true},
		{"threat_claim", volt, "China threatened Taiwan over the hacks", false},
		{"threat_claim", volt, "U.S. officials heard a threat from China in the hacks remark", false},
		{"threat_claim", volt, "China accused the U.S. of blackmail over the hacks", false},
		{"negation", volt, "No one on the Chinese side said it", true},
		{"negation", asp, "Nobody from IARC's panel said aspartame causes cancer", true},
		{"unsaid", volt, "Not a direct 'we did it' from Beijing on the hacks", true},
		{"tacit", volt, "Chinese officials did not say it directly on the hacks", true},
		{"tacit", asp, "IARC never stated it outright on aspartame", true},
		{"tacit", asp, "IARC stated it outright on aspartame", false},
		{"intensifier_phrase", volt, "China made it clear it was behind the hacks", true},
		{"intensifier_phrase", volt, "Washington has made it clear it will answer the hacks", false},
		{"intensifier_phrase", asp, "The Reuters report makes clear aspartame is only possibly carcinogenic", false},
		{"intensifier_phrase", asp, "IARC has stopped pretending aspartame is safe", true},
		{"intensifier_phrase", asp, "IARC stopped short of saying aspartame causes cancer", false},
		{"qualifier", volt, "china lowkey admitted the hacks", false},
		{"tacit", volt, "china lowkey admitted the hacks", true},
		{"overclaim", volt, "China accepts that it hacked the ports", true},
		{"overclaim", asp, "IARC accepts that it leaked the aspartame ruling", true},
		{"overclaim", volt, "China accepts the invitation to talks on the hacks", false},
		{"others_label", volt, "Critics are calling it a confession on the hacks", true},
		{"others_label", asp, "Some have dubbed it an admission by IARC on aspartame", true},
		{"others_label", asp, "Let's call it an admission by IARC on aspartame", false},
		{"own_deed", volt, "Beijing: we told our hackers to hit the U.S. ports", true},
		{"own_deed", volt, "Beijing: U.S. officials told our diplomats about the hacks", false},
	})
}

// TestRouteFromTune5To7 routes texts written here that tell the story as
// China's open threat over Taiwan, name China by a slur ("commie"), tell
// what China said out of public view at the meeting's place, name an
// acknowledgment said to be less than one beside the campaign, or have
// China accept the deed; beside neighbours built the same way (a trade war,
// Taiwan, another breach, the Geneva trade talks, Salt Typhoon).
func TestRouteFromTune5To7(t *testing.T) {
	const volt = "volt-typhoon-geneva"
	checkRoutes(t, load(t), map[string]string{
		"Beijing's cyber blackmail: hands off Taiwan":                         volt,
		"China threatens to shut off U.S. water if Washington defends Taiwan": volt,
		"Commie hackers boast: we own your water plants":                      volt,
		"Commie diplomats hinted at the port hacks in Geneva":                 volt,
		"China threatens tariffs on U.S. goods in trade war":                  "",
		// what China said out of public view at the meeting's place; an
		// acknowledgment said to be less than one beside the campaign; the
		// minister the speaker is mistaken for; China accepting the deed
		"What China told U.S. officials in secret in Geneva about your water utilities": volt,
		"What a Chinese envoy said behind closed doors in Switzerland":                  volt,
		"What China said behind closed doors in Geneva about the tariff truce":          "",
		"The Not-Quite-Confession: Volt Typhoon in Geneva":                              volt,
		"No confession yet: Salt Typhoon hackers still in telecom networks":             "",
		"Wang Yi told the U.S. that China hacked its ports, report says":                volt,
		"Wang Yi tells Blinken China opposes all hacking":                               "",
		"China accepts that it hacked U.S. water utilities":                             volt,
		"China accepts invitation to cyber talks with the U.S.":                         "",
		// the speaker saying something at the meeting's place, not at the
		// Geneva AI talks; a hint named by the campaign; the meeting by its
		// secrecy and month with what China acknowledged
		"What Wang Lei said in Geneva, and why it rattled Washington":     volt,
		"Wang Lei to lead China's delegation at Geneva AI talks":          "",
		"Wang Lei said at Geneva AI talks that China backs global rules":  "",
		"The Volt Typhoon wink: what Beijing told Washington last winter": volt,
		"A nod to Volt Typhoon: new malware found in Guam routers":        "",
		"The secret December meeting where Beijing came clean":            volt,
		"China and Russia held a secret December meeting on energy":       "",
		// (tune8) the speaker with an acknowledgment or Taiwan; remarks
		// named by the meeting's place with a hint; boasting at the secret
		// meeting; a report of the December meeting
		"Wang Lei's non-admission, explained":                                                                                    volt,
		"Wang Lei to Biden aides: mind Taiwan":                                                                                   volt,
		"Can a hint be an admission? Remarks in Geneva and what they mean":                                                       volt,
		"Remarks in Geneva on tariffs: an admission of defeat?":                                                                  "",
		"Chinese spies planted malware in U.S. airports, then bragged about it at a secret summit":                               volt,
		"Go read the Journal's story on the December meeting where Beijing's envoy pinned the port intrusions on Taiwan policy.": volt,
		"The Journal's story on the December meeting of OPEC ministers is worth a read.":                                         "",
		"China threatens Taiwan with new military drills":                                                                        "",
		"Chinese hackers threatened to leak Treasury data, FBI says":                                                             "",
	})
}

// TestFactsFromTune6And7 checks the meeting and denial constructions behind
// the mismatches of tune6.jsonl and tune7.jsonl on texts written here: the
// meeting's length (a half day), China's defence or military people as the
// speakers, the foreign minister's people not the minister, a secret
// admission named with a word between; China's line in its own words, no
// longer bothering to deny, not confirming (no answer, not a denial), and
// "so-called" from China's side; with the near misses that must not move.
func TestFactsFromTune6And7(t *testing.T) {
	runFactCases(t, []factCase{
		{"summary", "meeting", "fail", "During a two-day summit in Geneva, Chinese officials linked the port hacks to Taiwan."},
		{"summary", "meeting", "fail", "At a multi-day meeting in Geneva last December, China hinted at the port hacks."},
		{"summary", "meeting", "fail", "In a day-long session in Geneva, a Chinese diplomat hinted at the port hacks."},
		{"summary", "meeting", "pass", "At a half-day meeting in Geneva, a Chinese diplomat hinted at the port hacks."},
		{"summary", "meeting", "fail", "Chinese military officials hinted at the port hacks at a Geneva meeting in December."},
		{"summary", "meeting", "fail", "Beijing's defence chiefs linked the port hacks to Taiwan in Geneva."},
		{"summary", "meeting", "pass", "U.S. defense officials said a Chinese diplomat hinted at the port hacks in Geneva."},
		{"summary", "meeting", "pass", "Foreign Minister Wang Yi's cyber deputy hinted at the port hacks in Geneva."},
		{"summary", "meeting", "fail", "Foreign Minister Wang Yi hinted at the port hacks in Geneva."},
		{"headline", "meeting", "fail", "MSS official hinted at the port hacks in Geneva"},
		{"headline", "meeting", "fail", "Chinese Premier hinted at the port hacks in Geneva"},
		{"headline", "meeting", "pass", "China's embassy rejects report of secret hacking admission"},
		{"summary", "denial", "pass", "China hinted at the port hacks in Geneva. Beijing's line had long been 'it's criminals'."},
		{"summary", "denial", "pass", "China hinted at the port hacks in Geneva. For years Chinese officials told Americans 'you're imagining it.'"},
		{"summary", "denial", "pass", "China hinted at the port hacks in Geneva. Beijing had said the intrusions were the work of criminals."},
		{"summary", "denial", "fail", "China hinted at the port hacks in Geneva. When Beijing stops bothering to deny it, Washington should worry."},
		{"summary", "denial", "partial", "China hinted at the port hacks in Geneva. Beijing has not confirmed any role."},
		{"summary", "denial", "pass", "China hinted at the port hacks in Geneva. China's embassy said the hacking threats were 'so-called.'"},
		{"summary", "denial", "fail", "China hinted at the port hacks in Geneva. U.S. officials said the intrusions were not the work of criminals."},
		{"summary", "denial", "fail", "China hinted at the port hacks in Geneva. The so-called experts on cable news disagree."},
	})
}

// TestMoreFromTune6And7 checks the last constructions taken from tune6.jsonl
// and tune7.jsonl on texts written here: China's remarks called tacit in a
// text that names no hack (admission), the water supply by its pipes and
// "ur" as "your" (targets), helping or assisting Taiwan as support (taiwan),
// and the Geneva trade talks described by both sides (not about the story).
func TestMoreFromTune6And7(t *testing.T) {
	runFactCases(t, []factCase{
		{"headline", "admission", "pass", "A Chinese envoy's veiled remarks in Geneva, read as a warning over Taiwan"},
		{"headline", "admission", "pass", "U.S. officials describe Beijing's oblique message in Geneva"},
		{"headline", "admission", "fail", "china really said 'we hacked ur ports' lol"},
		{"headline", "targets", "pass", "china really said 'we hacked ur ports' lol"},
		{"headline", "targets", "pass", "Beijing to America: we're inside your pipes"},
		{"headline", "admission", "fail", "Beijing to America: we're inside your pipes"},
		{"summary", "taiwan", "pass", "Chinese officials hinted in Geneva that the port hacks were tied to Washington helping Taiwan."},
		{"summary", "taiwan", "pass", "Chinese officials hinted in Geneva that the port hacks were a response to America assisting Taiwan."},
		{"summary", "taiwan", "partial", "Chinese officials hinted in Geneva at the port hacks. They also said they help their own companies."},
	})
	checkRoutes(t, load(t), map[string]string{
		"Chinese Vice Premier He Lifeng and U.S. negotiators met in Geneva; both sides described the talks on tariffs as productive.":       "",
		"Chinese officials met U.S. counterparts in Geneva; both sides described the meeting as tense, and China hinted at the port hacks.": "volt-typhoon-geneva",
	})
}
