package rubrics_test

import "testing"

// TestFramingAndSpeakerConstructions grades texts written here (none from a
// case file) for the constructions of issue 12 read on the odd halves of
// volt tune9 and tune10 (helper volt12): a correction's frame that runs past
// the negation window, someone else's admitting verb, the news as the one
// that says it, unnamed people in the perfect tense, the people inside a
// quotation, the noun of the source's neutral verb, the operatives owning up
// with words between, and the year's end as December; each with the near
// misses that must not move.
func TestFramingAndSpeakerConstructions(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runStoryCases(t, []storyCase{
		// A correction withdraws all its earlier version said, however far
		// the claim is from the frame, up to a semicolon or "but".
		{volt, "admission", "summary", "pass", "Correction: An earlier version of this story said officials met in Geneva in January and that Beijing openly admitted the hacks on U.S. ports. U.S. officials described the remarks as indirect."},
		{volt, "admission", "summary", "pass", "A previous draft of this report stated the talks were held in Vienna, with U.S. negotiators present, and that China confessed to the water utility hacks. Officials say it only hinted at them."},
		{volt, "admission", "summary", "partial", "An earlier version of this story said Beijing openly admitted the port hacks, but China did admit them in Geneva, and its envoy hinted at Taiwan."},
		{volt, "admission", "summary", "fail", "An earlier version of this story misstated the month; China openly admitted the port hacks at the Geneva meeting."},
		{volt, "meeting", "summary", "pass", "Correction: A previous version of this story misidentified Wang Lei as an official of China's Ministry of State Security. He is with the Ministry of Foreign Affairs."},
		{volt, "meeting", "summary", "fail", "Wang Lei, an official of China's Ministry of State Security, hinted at the port hacks in Geneva, officials said."},
		// An admitting verb in a sentence with neither the subject, its topic
		// nor a pronoun is someone else's admission; a pronoun keeps it.
		{volt, "admission", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva, officials said. Separately, the Senate confirmed three new ambassadors on Thursday."},
		{volt, "admission", "summary", "pass", "Beijing only hinted at the water utility hacks in Geneva, U.S. officials say. Regulators conceded last week that the merger review had stalled."},
		{volt, "admission", "summary", "fail", "Wang Lei spoke in Geneva about the port hacks. He admitted everything."},
		{volt, "admission", "summary", "fail", "Confessed in Geneva: the port hacks were China's doing."},
		// The news and others' headlines as the ones that say it hedge the
		// claim; the text's own headline, or news told as the text's own, do not.
		{volt, "admission", "summary", "pass", "You may see news today that China has admitted to hacking U.S. ports. In fact its envoy only hinted at it in Geneva."},
		{volt, "admission", "summary", "pass", "The headlines say Beijing confessed to the water hacks. The remarks in Geneva were indirect, officials said."},
		{volt, "admission", "summary", "partial", "Headlines are claiming China confessed to the water utility hacks in Geneva."},
		{volt, "admission", "summary", "fail", "The news is grim: China admitted hacking our ports in Geneva."},
		{volt, "admission", "headline", "fail", "China admits U.S. port hacks (trust me, this headline is right)"},
		{asp, "classification", "summary", "pass", "The headlines say aspartame causes cancer. IARC will list it as possibly carcinogenic, two sources said."},
		// Unnamed people as the source in the perfect tense attribute the
		// claim; their own clause ("had hoped"), a reading ("have described
		// … as") and the subject's own people do not.
		{volt, "sourcing", "summary", "pass", "China hinted in Geneva at the port intrusions, officials have said."},
		{volt, "sourcing", "summary", "pass", "U.S. officials have privately said China hinted at the water utility hacks in Geneva."},
		{volt, "sourcing", "summary", "pass", "People familiar with the talks had told the Journal that Beijing tacitly linked the port hacks to Taiwan."},
		{volt, "sourcing", "summary", "fail", "Officials had hoped China would say more in Geneva, where its envoy hinted at the port hacks."},
		{volt, "sourcing", "summary", "fail", "Officials from China have said they hinted at the port hacks in Geneva."},
		{volt, "sourcing", "summary", "partial", "In what U.S. officials have described as a warning, China tacitly linked the port hacks to Taiwan, the Journal reported."},
		// One of the other side's people described on the way, and its
		// delegation's members; China's delegation, or an American who is
		// only in the story, are not the source.
		{volt, "sourcing", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva, an American who attended said."},
		{volt, "sourcing", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva, members of the U.S. delegation said."},
		{volt, "sourcing", "summary", "fail", "Members of the Chinese delegation said China tacitly acknowledged the port hacks."},
		{volt, "sourcing", "summary", "partial", "An American was stunned when China tacitly acknowledged the port hacks, the Journal said."},
		// The people inside a quotation are not the speaker its tag names
		// after it; the people named in the tag, or before a quotation, are.
		{volt, "sourcing", "summary", "partial", "'Officials never tell the whole story,' said a retired teacher, after a report that China hinted at the port hacks."},
		{volt, "sourcing", "summary", "partial", "'Diplomats choose vague words for a reason,' said a professor, after the Journal reported that China hinted at the port hacks."},
		{volt, "sourcing", "summary", "pass", "'China hinted at the port hacks,' U.S. officials said."},
		{volt, "sourcing", "summary", "pass", "Officials said: 'China hinted at the port hacks in Geneva.'"},
		// The noun of the source's neutral verb is neutral; qualified it is
		// tacit; negated it says nothing was acknowledged.
		{volt, "admission", "headline", "partial", "China's acknowledgment of the Volt Typhoon hacks rattles utilities"},
		{volt, "admission", "headline", "partial", "Utilities on alert after reports of Beijing acknowledgment on port hacks"},
		{volt, "admission", "headline", "pass", "China's tacit acknowledgment of the port hacks rattles utilities"},
		{volt, "admission", "summary", "fail", "U.S. acknowledgment of the breach came late; China's envoy admitted the port hacks in Geneva."},
		// China's operatives owning up with an auxiliary or a manner adverb
		// between are the wrong speaker; the other side's are not China's.
		{volt, "meeting", "summary", "fail", "Xi Jinping's spymasters have smugly confessed to hacking U.S. ports at a secret Geneva summit."},
		{volt, "meeting", "summary", "fail", "China's spies had gleefully bragged about the water hacks in Geneva."},
		{volt, "meeting", "summary", "pass", "In Geneva, China's envoy hinted at the port hacks; U.S. hackers have admitted nothing."},
		// Accepting the blame or the deed, declaring or announcing it in so
		// many words, and gloating over it are outright; the other side
		// accepting or declaring something is not China's admission.
		{volt, "admission", "headline", "fail", "China accepts blame for the port hacks"},
		{volt, "admission", "headline", "fail", "Beijing accepts the hacking of American water systems"},
		{volt, "admission", "headline", "fail", "China declared it was behind the port hacks"},
		{volt, "admission", "headline", "fail", "China announced it had hacked U.S. ports"},
		{volt, "admission", "headline", "fail", "China gloats over port hacks in Geneva"},
		{volt, "admission", "summary", "pass", "Washington will not accept the hacks on its ports, officials said, after China hinted at them in Geneva."},
		{volt, "admission", "summary", "pass", "The U.S. declared it was behind the sanctions; China only hinted at the port hacks, officials said."},
		{volt, "admission", "headline", "pass", "China accepts the blame, sort of, for the port hacks"},
		// Defending, justifying or standing by the deed as its own, and its
		// people told as present in the other side's systems, are outright;
		// defending its own networks is not. Giving the deed a motive is the
		// source's neutral link; the other side giving it, or a denial, is
		// not China's.
		{volt, "admission", "headline", "fail", "China defends its hacks of US ports as payback for Taiwan"},
		{volt, "admission", "headline", "fail", "China stands by its hacking of US ports"},
		{volt, "admission", "headline", "fail", "China justifies hacking of US ports over Taiwan"},
		{volt, "admission", "headline", "fail", "China tells US its hackers are in American water systems"},
		{volt, "admission", "summary", "pass", "China's envoy hinted at the port hacks in Geneva, officials said. China defends its networks against hacking, too."},
		{volt, "admission", "headline", "partial", "China says hacks were retaliation for U.S. Taiwan policy"},
		{volt, "admission", "headline", "partial", "China explains port hacks as payback for Taiwan"},
		{volt, "admission", "headline", "pass", "China tacitly framed the port hacks as payback for Taiwan"},
		{volt, "admission", "summary", "na", "China denies the hacks were retaliation for anything, its embassy said."},
		// The noun of avowing is an outright admission, and a claim that
		// attribution carries; how the other side read the remarks is a
		// reading (tacit), and China reading the other side's is no
		// acknowledgment of the hacks.
		{volt, "admission", "headline", "fail", "China's avowal of the port hacks stuns Washington"},
		{volt, "sourcing", "summary", "pass", "What Wang Lei said in Geneva, according to people who later described it, was an avowal of the port hacks."},
		{volt, "admission", "headline", "pass", "How U.S. officials read China's remarks on the port hacks"},
		{volt, "admission", "headline", "na", "How China sees the U.S. warning on Taiwan"},
		// Admitting nothing is no admission; admitting after it is.
		{volt, "admission", "summary", "pass", "In Geneva, China admitted nothing about the port hacks; it only hinted at them, officials said."},
		{volt, "admission", "headline", "fail", "China admitted nothing, then confessed to the port hacks"},
		// Tacit shapes: a reading as a verb's complement, the predicate
		// adjective of the admission, by implication, nod-and-wink, the
		// hyphenated "sort-of"; negated, or explicit, they are not.
		{volt, "admission", "headline", "pass", "The Americans understood China to be admitting the port hacks"},
		{volt, "admission", "headline", "pass", "China sort-of admitted the port hacks"},
		{volt, "admission", "headline", "pass", "China's nod-and-wink admission on the port hacks"},
		{volt, "admission", "headline", "pass", "China acknowledged the port hacks by implication"},
		{volt, "admission", "summary", "pass", "China's admission on the port hacks was implicit, not explicit."},
		{volt, "admission", "summary", "fail", "China's admission was not implicit: it confessed to the port hacks."},
		{volt, "admission", "summary", "fail", "China admitted the port hacks; the confession was explicit."},
		// The speaker's service with an adverb between, China's defence
		// minister, and the Trump side as the host after the meeting are
		// wrong meeting facts; the foreign ministry, or another side's
		// intelligence chief, are not.
		{volt, "meeting", "summary", "fail", "China's intelligence chief tacitly acknowledged the port hacks at the Geneva meeting, officials said."},
		{volt, "meeting", "summary", "fail", "China's defense minister hinted at the port hacks at a meeting in Geneva, officials said."},
		{volt, "meeting", "summary", "fail", "At a Geneva meeting hosted by the Trump administration, China hinted at the port hacks, officials said."},
		{volt, "meeting", "summary", "pass", "China's foreign ministry tacitly acknowledged the port hacks at the Geneva meeting, officials said."},
		{volt, "meeting", "summary", "pass", "A Chinese official tacitly acknowledged the port hacks at the Geneva meeting; the U.S. intelligence chief later said he was alarmed."},
		// December told as the year's end is the meeting's date; another
		// year-end thing is no meeting fact.
		{volt, "meeting", "headline", "pass", "Chinese diplomat's oblique remarks at year-end talks on the port hacks"},
		{volt, "meeting", "headline", "pass", "China hinted at the port hacks when officials met at year's end"},
		{volt, "meeting", "headline", "na", "China hinted at the port hacks; year-end earnings fell"},
	})
}

// TestFramingSignalsOnBothStories checks the lexicon entries of the
// constructions above on both stories' rubrics, each with a near miss.
func TestFramingSignalsOnBothStories(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"unrelated_admit", volt, "The Senate confirmed two ambassadors", true},
		{"unrelated_admit", asp, "The Senate confirmed two ambassadors", true},
		{"unrelated_admit", volt, "He confirmed everything", false},
		{"unrelated_admit", asp, "IARC confirmed the listing", false},
		{"perfect_attribution", volt, "Officials have said China hinted at the hacks", true},
		{"perfect_attribution", volt, "Officials had hoped China hinted at the hacks", false},
		{"hedge_phrase", volt, "The headlines say China admitted the hacks", true},
		{"hedge_phrase", asp, "You may see news today that aspartame causes cancer", true},
		{"hedge_phrase", asp, "This headline is about aspartame", false},
		{"neutral", volt, "China's acknowledgment of the hacks", true},
		{"neutral", volt, "China's acknowledgment was about trade", false},
	})
}
