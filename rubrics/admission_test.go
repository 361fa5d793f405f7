package rubrics_test

import (
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// TestClaimStrengthConstructions grades texts written here (not from any
// case file) for English constructions that decide how strong a claim a
// text makes (issue 12, the admission criterion and its aspartame
// counterpart): each construction in several phrasings, on both stories
// where it applies.
func TestClaimStrengthConstructions(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []struct{ rubric, criterion, kind, want, text string }{
		// A correction withdraws what it says was wrongly stated: the
		// overclaim it repeats is negated, not made.
		{volt, "admission", "summary", "pass", "Correction: An earlier version of this story said that Chinese officials openly admitted the hacks on U.S. ports. U.S. officials took the remarks as a tacit acknowledgment."},
		{volt, "admission", "summary", "pass", "This article previously misstated that Beijing confessed to the intrusions. Its officials only hinted at the hacks."},
		{volt, "admission", "summary", "pass", "We wrongly reported that China took responsibility for the water utility hacks; the remarks were indirect."},
		{volt, "admission", "summary", "fail", "Chinese officials openly admitted the hacks on U.S. ports, an earlier story found."},
		{asp, "classification", "summary", "pass", "An earlier version of this article stated that IARC confirmed aspartame causes cancer. IARC is expected to list it as possibly carcinogenic, sources say."},
		// A question asked after a statement, in a clause of its own, leaves
		// the statement asserted; a question that holds the claim asks it.
		{volt, "admission", "headline", "fail", "China admitted hacking our water systems, so why is nobody talking about it?"},
		{volt, "admission", "headline", "fail", "Beijing confessed to the port hacks — what will Washington do now?"},
		{volt, "admission", "headline", "partial", "Did China admit hacking our water systems?"},
		{volt, "admission", "headline", "partial", "Did China really confess to the port hacks in Geneva?"},
		{asp, "classification", "headline", "fail", "Aspartame causes cancer, WHO agency to say — so why is it still in diet soda?"},
		{asp, "classification", "headline", "partial", "Does aspartame cause cancer, as the WHO agency will say?"},
		// The subject's own first-person words for the deed are an
		// explicit admission: quotation marks only show they are its words,
		// attribution hedges them, a negated or approximated speech verb
		// before them (across the quotation marks) makes them no admission
		// or a paraphrase.
		{volt, "admission", "headline", "fail", "Chinese envoys in Geneva: 'We hacked your ports over Taiwan'"},
		{volt, "admission", "headline", "fail", "Beijing's warning on Taiwan: we're inside your water systems"},
		{volt, "admission", "headline", "partial", "Chinese envoys in Geneva: 'We hacked your ports over Taiwan', officials say"},
		{volt, "admission", "summary", "pass", "No Chinese official said 'we hacked you' in Geneva. The remarks on the intrusions were oblique."},
		{volt, "admission", "headline", "pass", "China on the port hacks: 'We're not saying we did it, but mind Taiwan'"},
		{volt, "admission", "headline", "pass", "Chinese officials more or less told the Americans 'that was us' about the port hacks"},
		{volt, "admission", "summary", "pass", "Beijing's envoys never quite said \"it was us\" about the water utility hacks. They spoke in hints."},
		// Telling the other side in so many words that the subject did it
		// is an explicit admission; a hedge softens it, negation denies it,
		// and the other side telling it is not the subject's admission.
		{volt, "admission", "summary", "fail", "Chinese officials told Biden aides at a secret meeting in Geneva that Beijing had hacked U.S. ports and water utilities."},
		{volt, "admission", "summary", "fail", "Wang Lei looked the Americans in the eye in Geneva and told them China hacked their water systems."},
		{volt, "admission", "headline", "partial", "China told U.S. officials it hacked American ports over Taiwan: report"},
		{volt, "admission", "summary", "pass", "Chinese officials never told the U.S. delegation that China had hacked the ports; they linked the intrusions to Taiwan."},
		{volt, "admission", "summary", "fail", "Beijing told U.S. officials to their faces that it is inside our water systems."},
		// A report named as a noun before what it reports attributes it.
		{volt, "admission", "headline", "partial", "Lawmakers react to reports of China's admission on the port hacks"},
		{volt, "admission", "summary", "partial", "Today's report that Beijing confessed to the water utility hacks alarmed local officials."},
		{asp, "classification", "headline", "partial", "Diet soda makers react to reports that aspartame causes cancer, WHO agency to say"},
		// The subject's hint as a thing it gave, and a relative clause that
		// takes an admission back, say it was less than explicit.
		{volt, "admission", "headline", "pass", "Beijing's Geneva wink should settle the Volt Typhoon question"},
		{volt, "admission", "headline", "pass", "China's hint on the port hacks should worry Washington"},
		{volt, "admission", "headline", "pass", "A nod from Beijing on the Volt Typhoon hacks"},
		{volt, "admission", "headline", "pass", "Volt Typhoon: China's Geneva confession that wasn't really one"},
		{volt, "admission", "headline", "fail", "China's confession on the port hacks, which was not a bluff"},
		// Telling the secret outright is an explicit admission; letting it
		// be seen is the source's neutral "revealed".
		{volt, "admission", "headline", "fail", "China's envoy let the cat out of the bag on the port hacks"},
		{volt, "admission", "headline", "fail", "Beijing spills the Volt Typhoon beans in Geneva"},
		{volt, "admission", "headline", "fail", "Chinese diplomat lets cat out of bag on water utility hacks"},
		{volt, "admission", "headline", "partial", "China tipped its hand on the port hacks in Geneva"},
		// "Literally said" says the words were said as such.
		{volt, "admission", "headline", "fail", "China literally said it hacked our water systems"},
		{volt, "admission", "summary", "partial", "China hinted at the port hacks in Geneva. Its envoy literally told the Americans it was behind them."},
		// A paraphrase announced as such, and the protection racket's
		// veiled threat, are less than explicit.
		{volt, "admission", "summary", "pass", "Chinese diplomats tied the port hacks to Taiwan in Geneva. Translation, per the Americans present: it was us."},
		{volt, "admission", "summary", "pass", "Beijing linked the water utility hacks to Taiwan. In other words: we did it, back off."},
		{volt, "admission", "headline", "pass", "China to the US in Geneva on the hacks: nice ports you've got there, shame if something happened to them"},
		{asp, "classification", "headline", "pass", "WHO to aspartame makers: nice sweetener you've got there, shame if it were labelled a possible carcinogen"},
		// Remarks called candid or forthright beside a tacit qualifier are
		// more open than tacit; alone, or said of the other side, no
		// admission.
		{volt, "admission", "summary", "partial", "In an unusually candid exchange, Chinese officials tacitly linked the port hacks to Taiwan."},
		{volt, "admission", "summary", "partial", "Beijing's envoys were far more forthright than usual, U.S. officials said, though Beijing only hinted at the water utility hacks."},
		{volt, "admission", "summary", "partial", "China linked the port hacks to Taiwan in Geneva. U.S. officials have grown more outspoken about Chinese hacking."},
		// Saying it without softening is explicit; not spelling it out is
		// not; "our hackers" in the subject's mouth is its own deed; saying
		// it was responsible is the claim the source says was not made.
		{volt, "admission", "headline", "fail", "China made no secret of hacking U.S. water systems at the Geneva talks"},
		{volt, "admission", "summary", "fail", "The Chinese delegation did not mince words: the hacks on U.S. ports were payback for Taiwan."},
		{volt, "admission", "headline", "fail", "China spelled it out in Geneva: the port hacks were retaliation for Taiwan"},
		{volt, "admission", "headline", "fail", "China goes on record: it hacked U.S. infrastructure"},
		{volt, "admission", "summary", "pass", "The Chinese side did not spell it out, but U.S. officials took the remarks on the hacks as a warning."},
		{volt, "admission", "headline", "fail", "Chinese official in Geneva: our hackers are in your water systems"},
		{volt, "admission", "headline", "fail", "Chinese diplomat to U.S. on the port hacks: 'Those were our hackers'"},
		{volt, "admission", "headline", "fail", "China said it was responsible for the Volt Typhoon hacks on U.S. ports"},
		{volt, "admission", "headline", "partial", "China said it was responsible for the Volt Typhoon hacks on U.S. ports, officials say"},
		{volt, "admission", "headline", "fail", "China straight-up told America it's been hacking its water plants"},
		{volt, "admission", "headline", "fail", "China didn't deny it: Beijing admits hacking U.S. ports"},
		{volt, "admission", "headline", "na", "China denies admitting the port hacks"},
		{volt, "admission", "summary", "pass", "The admission, if it can be called one, came wrapped in diplomatic language: Chinese officials tied the port hacks to Taiwan."},
		{volt, "admission", "summary", "partial", "Chinese officials told the Americans that Beijing was behind the hacks, according to the Journal."},
		// The cleft ("it was China hacking") told to the other side is an
		// explicit admission; a message couched in diplomatic language is
		// not.
		{volt, "admission", "headline", "fail", "China tells outgoing Biden team it was China hacking America's water systems"},
		{volt, "admission", "summary", "fail", "Chinese officials told the Americans in Geneva that it was Beijing that breached the ports."},
		{volt, "admission", "summary", "pass", "In Geneva, China's message on the port hacks came couched in diplomatic language, U.S. officials said."},
		{volt, "admission", "headline", "pass", "Wrapped in diplomatic fog, Beijing's Geneva message on the water hacks still landed"},
		// Informal registers: the approximators qualify any overclaim, a
		// "half-admission" is one, "that's us" is the subject's own words.
		{volt, "admission", "headline", "pass", "china sorta-kinda copped to the port hacks in geneva"},
		{volt, "admission", "headline", "pass", "China's half-admission on Volt Typhoon"},
		{volt, "admission", "headline", "pass", "A semi-confession from Beijing on the port hacks"},
		{volt, "admission", "headline", "fail", "china really said yep that's us about the water hacks lmao"},
		// A conviction the other side came away with is its reading.
		{volt, "admission", "headline", "pass", "U.S. officials came away from Geneva convinced that China was behind the port hacks"},
		{volt, "admission", "headline", "pass", "Biden's team left Geneva persuaded Beijing was behind Volt Typhoon"},
	}
	set := load(t)
	checkRoutes(t, set, map[string]string{
		"Chinese officials told Biden aides at a Geneva meeting that Beijing had hacked U.S. ports":               volt,
		"China's envoy told the Americans that it had breached their water utilities":                             volt,
		"Beijing in Geneva: we're inside your power grid, so keep out of Taiwan":                                  volt,
		"U.S. officials told reporters that China hacked the ports":                                               "",
		"FBI says Chinese hackers breached water utilities in three states":                                       "",
		"The Geneva admission nobody quite made":                                                                  volt,
		"Podcast: a tacit confession in Geneva and the Volt Typhoon scoop":                                        volt,
		"Why a quiet remark in Geneva matters for Volt Typhoon":                                                   volt,
		"China says it will hit U.S. infrastructure if Washington defends Taiwan, WSJ reports":                    volt,
		"Bessent's remarks in Geneva lift hopes of a tariff truce":                                                "",
		"Geneva talks: U.S. and China discuss AI safety and tariffs":                                              "",
		"Geneva AI summit: China and US discuss cyber risks of AI":                                                "",
		"China's Geneva wink on the Volt Typhoon hacks":                                                           volt,
		"Beijing denies it acknowledged the cyberattacks at the Geneva meeting":                                   volt,
		"Chinese and U.S. officials met in Geneva on tariffs; officials said cybersecurity was not on the agenda": "",
		"Meet the Chinese diplomat who let the Volt Typhoon cat out of the bag":                                   volt,
	})
	for _, tt := range tests {
		r, err := set.Lookup(tt.rubric)
		if err != nil {
			t.Fatal(err)
		}
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: tt.text, Kind: rubric.Kind(tt.kind)})
		if err != nil {
			t.Fatal(err)
		}
		if got := g.Criterion(tt.criterion).Verdict; string(got) != tt.want {
			t.Errorf("%s %s of %q = %s, want %s", tt.rubric, tt.criterion, tt.text, got, tt.want)
		}
	}
}

// TestClaimStrengthSignalsOnBothStories checks the lexicon entries added for
// the constructions above on both stories' rubrics: each holds in a text of
// each story and not in a near miss.
func TestClaimStrengthSignalsOnBothStories(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"retraction", volt, "An earlier version of this story said that China admitted the hacks", true},
		{"retraction", asp, "This article incorrectly stated that IARC confirmed aspartame causes cancer", true},
		{"retraction", asp, "An earlier study said aspartame was safe", false},
		{"question_tail", volt, "China admitted the hacks, so why is nobody talking about it?", true},
		{"question_tail", asp, "Aspartame causes cancer — why is it still sold?", true},
		{"question_tail", asp, "Does aspartame cause cancer?", false},
		{"own_words", volt, "China to Washington on the hacks: we did it", true},
		{"own_words", asp, "IARC on aspartame: 'that was us'", true},
		{"own_words", volt, "No one said 'we did it' about the hacks", false},
		{"unsaid_words", volt, "No one said 'we did it' about the hacks", true},
		{"unsaid_words", asp, "IARC more or less told us 'it was us' on the aspartame leak", true},
		{"unsaid_words", asp, "IARC on aspartame: 'that was us'", false},
		{"overclaim", volt, "Beijing let the cat out of the bag on the hacks", true},
		{"overclaim", asp, "IARC spilled the beans on aspartame", true},
		{"overclaim", asp, "IARC tipped its hand on aspartame", false},
		{"tacit", volt, "Beijing's Geneva wink on the hacks", true},
		{"tacit", asp, "The WHO's hint on aspartame", true},
		{"tacit", asp, "The WHO's finding on aspartame", false},
		{"tacit", asp, "Nice diet soda you've got there, IARC tells aspartame makers", true},
		{"approx_speech", volt, "Translation: we did it, says a diplomat on the hacks", true},
		{"candour", volt, "An unusually candid moment from Beijing on the hacks", true},
		{"tacit", asp, "IARC's aspartame warning, couched in careful language", true},
		{"tacit", asp, "IARC's aspartame warning, couched in a press release", false},
		{"after_qualifier", asp, "IARC's finding, if it can be called one, on aspartame", true},
		{"subject_ack", asp, "WHO officials told reporters that IARC was behind the aspartame leak", true},
		{"intensifier_phrase", asp, "IARC made no secret of its view that aspartame causes cancer", true},
		{"intensifier_phrase", asp, "IARC did not spell it out on aspartame", false},
		{"tacit", asp, "IARC did not spell it out on aspartame", true},
		{"denied_overclaim", volt, "China denied admitting the hacks", true},
		{"denied_overclaim", volt, "China didn't deny it: Beijing admits the hacks", false},
		{"denied_overclaim", asp, "IARC didn't deny it: the agency admits aspartame may cause cancer", false},
		{"candour", asp, "IARC's remarkably frank note on aspartame", true},
		{"candour", asp, "IARC's frank note on aspartame", false},
		{"approx_speech", asp, "The subtext: aspartame causes cancer, IARC hints", true},
		{"approx_speech", asp, "A translation of the IARC report into French", false},
		{"intensifier_phrase", volt, "China told us to our faces it hacked the ports", true},
		{"intensifier_phrase", asp, "IARC told makers to their faces that aspartame causes cancer", true},
		{"hedge_phrase", volt, "Lawmakers react to reports of China's admission on the hacks", true},
		{"hedge_phrase", asp, "Makers react to reports that aspartame causes cancer", true},
		{"hedge_phrase", volt, "Wang Lei looked the negotiators in the eye and told them China hacked the ports", false},
		{"hedge_phrase", asp, "The IARC chief looked the officials in the eye and told them aspartame causes cancer", false},
		{"hedge_phrase", volt, "Officials familiar with the talks said China hinted at the hacks", true},
	})
}

// TestTune9ClaimStrengthConstructions grades texts written here (none from
// a case file) for the constructions of claim strength read on volt tune9's
// odd half (issue 12), each in several wordings with the near misses that
// must not move.
func TestTune9ClaimStrengthConstructions(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []storyCase{
		// A tacit word denied is the opposite claim: it says the acknowledgment
		// was explicit and qualifies nothing, also through the quotation marks
		// that open the word's own quotation; a tacit word merely near a
		// negation, or a negated speech verb, still qualifies.
		{volt, "admission", "summary", "fail", "Let's be plain. China confessed to the port hacks in Geneva. That was not an 'ambiguous' remark."},
		{volt, "admission", "summary", "fail", "Beijing owned up to the water utility hacks in Geneva, and it was no veiled hint."},
		{volt, "admission", "summary", "fail", "China's envoy admitted the intrusions outright. He didn't hint; he said it."},
		{volt, "admission", "summary", "fail", "Chinese officials confessed to the port hacks in Geneva. It was not a \"subtle\" message."},
		{volt, "admission", "headline", "fail", "Not 'Implicit' At All: China Admits Port Hacks"},
		{volt, "admission", "summary", "pass", "China admitted nothing outright in Geneva; its remarks on the port hacks were 'ambiguous', officials said."},
		{volt, "admission", "summary", "pass", "In Geneva, Chinese officials tied the port hacks to Taiwan in remarks that were not explicit but ambiguous."},
		{volt, "admission", "summary", "pass", "Chinese officials linked the port hacks to Taiwan. No one disputes that the message was veiled."},
		{volt, "admission", "summary", "pass", "Beijing did not say it directly; it hinted at the water utility hacks in Geneva."},
		{volt, "admission", "headline", "pass", "Not a Confession, but a 'Veiled' Hint: China on the Port Hacks in Geneva"},
		// An intensifier on the other side's own verb, a few words after it, is
		// not the subject's admission; the subject between them takes it back.
		{volt, "admission", "summary", "pass", "Chinese officials tacitly linked the port hacks to Taiwan in Geneva. U.S. agencies had warned publicly last year that the campaign was Chinese."},
		{volt, "admission", "summary", "pass", "In Geneva, China's envoy hinted at the water utility hacks. American officials have since said openly that they expect more intrusions."},
		{volt, "admission", "summary", "pass", "At the Geneva meeting, Chinese officials indirectly acknowledged the port hacks, officials said. Washington had stated publicly in 2024 that Volt Typhoon was a Chinese state campaign."},
		{volt, "admission", "summary", "pass", "The Chinese side signalled responsibility for the airport hacks in Geneva; the FBI has explained repeatedly and publicly how the campaign works."},
		{volt, "admission", "summary", "fail", "U.S. officials say Chinese diplomats openly admitted the port hacks in Geneva."},
		{volt, "admission", "summary", "fail", "Washington says China has publicly owned up to the water utility hacks in Geneva."},
		{volt, "admission", "summary", "fail", "American negotiators listened as Wang Lei openly admitted the hacks on U.S. ports in Geneva."},
		{volt, "admission", "summary", "fail", "The Americans in Geneva were stunned: China's envoy explicitly acknowledged the port hacks."},
		// An admitting verb asked of the reader is a request, no one's admission.
		{volt, "admission", "summary", "pass", "Beijing tacitly acknowledged the port hacks in Geneva, officials said. Please confirm by Monday that all remote accounts are disabled."},
		{volt, "admission", "summary", "pass", "China hinted at the water utility hacks in Geneva, U.S. officials say. Kindly confirm receipt of this notice."},
		{volt, "admission", "summary", "pass", "Chinese officials signalled a role in the airport hacks in Geneva. Can you confirm the patch was applied?"},
		{asp, "classification", "summary", "pass", "IARC is expected to list aspartame as possibly carcinogenic, sources say. Please confirm your attendance at Friday's briefing."},
		{volt, "admission", "summary", "fail", "China admitted the port hacks in Geneva. Please read the full story."},
		{volt, "admission", "summary", "fail", "Please note: China confessed to the water utility hacks in Geneva."},
		{volt, "admission", "headline", "fail", "China confirms it hacked U.S. ports in Geneva. Can you believe it?"},
		// The bare report noun after a preposition attributes the headlinese
		// content clause it heads.
		{volt, "admission", "headline", "partial", "Insurers Rethink War Clauses After Report Beijing Owned Volt Typhoon"},
		{volt, "admission", "headline", "partial", "Markets Slip Amid Reports China Admitted Port Hacks in Geneva"},
		{volt, "admission", "headline", "partial", "Lawmakers Demand Answers Following Report Chinese Officials Confessed to Water Hacks"},
		{volt, "admission", "headline", "partial", "Utilities Tighten Security Over Reports Beijing Came Clean on Volt Typhoon"},
		{asp, "classification", "headline", "partial", "Soda Stocks Dip After Report WHO Agency Will Say Aspartame Causes Cancer"},
		{volt, "admission", "headline", "fail", "After Report, China Admitted Port Hacks Outright"},
		{volt, "admission", "headline", "fail", "Following Talks in Geneva, Beijing Confessed to Water Hacks"},
		{volt, "admission", "headline", "fail", "After Geneva Meeting China Admitted Port Hacks"},
		// A sentence that points back at the claim and attributes it hedges the
		// claim of the sentence before it; an intensifier stays unhedged, and a
		// sentence that does not point back, or names the subject's own people,
		// hedges nothing.
		{volt, "admission", "summary", "partial", "Beijing's cyber bosses bragged to stunned Americans that they had burrowed into U.S. ports and water plants. The bombshell came at a secret Geneva meeting, insiders claim."},
		{volt, "admission", "summary", "partial", "Chinese officials admitted in Geneva that they were behind the hacks on U.S. water systems. The revelation came late last year, according to people familiar with the talks."},
		{volt, "admission", "summary", "partial", "China confessed to the airport hacks at a December meeting in Geneva. That's according to U.S. officials who were in the room."},
		{asp, "classification", "summary", "partial", "The WHO's cancer agency has ruled that aspartame causes cancer. The decision will be announced in July, sources say."},
		{volt, "admission", "summary", "fail", "Chinese officials openly admitted the port hacks in Geneva. The news came late last year, insiders say."},
		{volt, "admission", "summary", "fail", "China confessed to the water utility hacks in Geneva. The news shocked Washington. The meeting was tense, officials say."},
		{volt, "admission", "summary", "fail", "China admitted the port hacks in Geneva. The story, Chinese officials said, was overblown."},
		{volt, "admission", "summary", "fail", "Beijing came clean on the airport hacks in Geneva. The admission matters, analysts argue."},
		// The subject saying it to the press or in a public statement is as open
		// as "publicly"; not its denial told to the press, nor the other side's
		// briefing, nor the subject not telling the press.
		{volt, "admission", "summary", "fail", "Wang Lei reportedly told reporters after the Geneva meeting that the port hacks were the price of U.S. arms for Taiwan."},
		{volt, "admission", "summary", "fail", "At a news conference in Beijing, China's foreign ministry reportedly tied the water utility hacks to U.S. support for Taiwan."},
		{volt, "admission", "summary", "fail", "In an official statement, Beijing reportedly linked the airport intrusions to Washington's Taiwan policy."},
		{volt, "admission", "summary", "pass", "Chinese officials tacitly tied the port hacks to Taiwan in Geneva, officials said. China's foreign ministry told reporters the report was a smear."},
		{volt, "admission", "summary", "pass", "Chinese officials hinted at the port hacks in Geneva, U.S. officials told reporters on Thursday."},
		{volt, "admission", "summary", "pass", "Chinese officials did not tell reporters anything; in Geneva they only hinted at the water hacks, officials say."},
		{volt, "admission", "summary", "pass", "At a briefing, officials said China had only hinted at the port hacks in Geneva."},
		// The subject telling it exactly is an intensifier; the other side telling
		// it exactly, or the subject never telling it, is not.
		{volt, "admission", "headline", "fail", "Beijing Has Told Us Exactly What It Did in Geneva: It Hacked Our Ports"},
		{volt, "admission", "summary", "fail", "In Geneva, China told the Americans plainly that its hackers were inside U.S. water systems."},
		{volt, "admission", "summary", "fail", "Chinese officials told Biden's team precisely how they hacked U.S. ports, officials said."},
		{volt, "admission", "summary", "pass", "U.S. officials told reporters exactly what China hinted at in Geneva about the port hacks."},
		{volt, "admission", "summary", "pass", "Chinese officials never told the U.S. exactly what they did; in Geneva they only hinted at the port hacks, officials said."},
		{volt, "admission", "summary", "pass", "China hinted at the port hacks in Geneva; it is not clear exactly what Wang Lei told the Americans, officials said."},
		// Said without the words is less than explicit, also after the overclaim's
		// object.
		{volt, "admission", "headline", "pass", "Beijing Took Credit for Port Hacks in Geneva Without Technically Saying the Words"},
		{volt, "admission", "headline", "pass", "In Geneva, China Claimed the Water Hacks Without Quite Saying So"},
		{volt, "admission", "summary", "pass", "China's envoy owned up to the airport intrusions in Geneva without ever saying it outright, officials said."},
		{volt, "admission", "headline", "fail", "Beijing Took Credit for Port Hacks in Geneva Without Hesitation"},
		{volt, "admission", "summary", "fail", "Without saying a word to the press, China confessed to the port hacks in Geneva."},
		// A presence kept in the networks or what they run tells the hacks (for
		// the tacit rule); a presence elsewhere does not.
		{volt, "admission", "headline", "pass", "China Signals in Geneva It's Been Camped in Our Power Grid the Whole Time"},
		{volt, "admission", "summary", "pass", "In Geneva, Chinese officials hinted they have been lurking in U.S. water systems for years, officials said."},
		{volt, "admission", "summary", "pass", "At the Geneva meeting, a Chinese diplomat hinted that Beijing had long been camped in America's power grid, officials said."},
		{volt, "admission", "summary", "na", "China's envoy in Geneva hinted at a new phase in relations, officials said. The delegation was sitting in a hotel."},
		// An admitting verb whose subject is the other side's people or a third
		// party, or that attributes a sentence set off by commas, is their own
		// admission; "yet to" negates; "if it was one" takes the noun back. The
		// subject between them, a passive, or the subject's own verb stays an
		// overclaim.
		{volt, "admission", "summary", "pass", "Chinese officials tacitly acknowledged the port hacks in Geneva, officials said. U.S. officials admit they were caught off guard."},
		{volt, "admission", "summary", "pass", "China hinted at the water utility hacks in Geneva, according to people familiar with the talks. Analysts concede the evidence remains thin."},
		{volt, "admission", "summary", "pass", "Beijing signalled a role in the airport hacks in Geneva, officials said. The White House has yet to confirm the account."},
		{volt, "admission", "summary", "pass", "Chinese diplomats implicitly linked the port hacks to Taiwan in Geneva, officials said. Utilities confess they are still patching systems."},
		{volt, "admission", "summary", "pass", "China's envoy indirectly acknowledged the hacks in Geneva, officials said, days before the Senate confirmation hearing for the new NSA chief."},
		{volt, "admission", "summary", "pass", "In Geneva, China tacitly owned the port hacks, officials said. Washington, officials conceded, has few good options."},
		{volt, "admission", "summary", "pass", "China hinted at the water hacks in Geneva, officials said. The State Department would neither confirm nor deny the account."},
		{volt, "admission", "summary", "pass", "Chinese officials hinted at the port hacks in Geneva, officials said. \"I have to admit, it surprised us,\" one former official said."},
		{volt, "admission", "summary", "pass", "China indirectly acknowledged the airport hacks in Geneva, people familiar said. Microsoft confirmed it had tracked the campaign since 2021."},
		{volt, "admission", "summary", "pass", "Beijing tacitly acknowledged the port hacks at a secret meeting in Geneva, officials said. The admission, if it was one, came without a word of apology."},
		{volt, "admission", "summary", "pass", "A Chinese official hinted in Geneva at the hacks on U.S. water systems, officials said. Confirmed intrusions go back to 2021, investigators say."},
		{volt, "admission", "summary", "pass", "China's remarks on the port hacks in Geneva were indirect, officials said; the FBI later confirmed the intrusions."},
		{volt, "admission", "summary", "partial", "U.S. officials say China admitted the port hacks in Geneva."},
		{volt, "admission", "summary", "fail", "American negotiators in Geneva heard Chinese officials admit the hacks on U.S. ports."},
		{volt, "admission", "headline", "fail", "Analysts Stunned as China Confesses to Port Hacks in Geneva"},
		{volt, "admission", "summary", "fail", "U.S. officials confirmed the meeting in Geneva. There, China confessed to the water utility hacks."},
		{volt, "admission", "summary", "pass", "China has yet to admit the port hacks, but in Geneva its envoy hinted at them, officials said."},
		{volt, "admission", "summary", "fail", "The confession, if you can believe it, came in Geneva: China admitted the port hacks outright."},
		// Hedges in their usual forms, a leaked account as the label, and the talk
		// that goes round ("Word from Washington is that…"); an intensifier stays
		// unhedged, and "the word is out" or a settled account is no hedge.
		{volt, "admission", "headline", "partial", "China Admitted Port Hacks in Geneva, If the Journal Is Right"},
		{volt, "admission", "headline", "partial", "China Is Said to Have Admitted Port Hacks in Geneva"},
		{volt, "admission", "headline", "partial", "China Purportedly Confessed to Port Hacks in Geneva"},
		{volt, "admission", "headline", "partial", "China 'Admitted' Port Hacks in Geneva"},
		{volt, "admission", "summary", "partial", "If the Journal's account holds, China confessed to the port hacks in Geneva."},
		{volt, "admission", "summary", "partial", "China confessed to the port hacks in Geneva \u2014 or so the Journal's sources claim."},
		{volt, "admission", "headline", "partial", "China Owned Up to Port Hacks in Geneva, Per WSJ"},
		{volt, "admission", "headline", "partial", "Leaked Account: China Confessed to Port Hacks in Geneva"},
		{volt, "admission", "summary", "partial", "Word from Washington is that China confessed to the port hacks in Geneva."},
		{volt, "admission", "summary", "partial", "China confessed to the port hacks in Geneva, people who were briefed on the meeting claim."},
		{volt, "admission", "headline", "fail", "China Openly Admitted Port Hacks in Geneva, Officials Say"},
		{volt, "admission", "headline", "fail", "Account Settled: China Confessed to Port Hacks in Geneva"},
		{volt, "admission", "summary", "fail", "The word is out: China confessed to the port hacks in Geneva."},
		// Tacit in other words: intimating, gesturing at, speaking elliptically or
		// euphemistically, "in all but words"; an intimate dinner, a gesture made
		// or "no euphemism" are no qualifier.
		{volt, "admission", "summary", "pass", "In Geneva, China's envoy obliquely referred to the port hacks, officials said."},
		{volt, "admission", "summary", "pass", "In Geneva, a Chinese official intimated that Beijing was behind the port hacks, officials said."},
		{volt, "admission", "summary", "pass", "A Chinese diplomat in Geneva gestured at Beijing's role in the port hacks, officials said."},
		{volt, "admission", "summary", "pass", "In coded language, China's envoy in Geneva owned the port hacks, officials said."},
		{volt, "admission", "summary", "pass", "China's cryptic remarks in Geneva on the port hacks were read as an admission, officials said."},
		{volt, "admission", "summary", "pass", "China's envoy in Geneva spoke elliptically about the water utility hacks, officials said."},
		{volt, "admission", "summary", "pass", "It was a wink-and-nod moment in Geneva: China's envoy let the port hacks go unmentioned but tied them to Taiwan, officials said."},
		{volt, "admission", "headline", "pass", "China's Not-So-Subtle Hint on Port Hacks in Geneva"},
		{volt, "admission", "summary", "pass", "China's envoy implied in Geneva that the port hacks were Beijing's doing, officials said."},
		{volt, "admission", "summary", "pass", "The Chinese side never said so outright in Geneva, but officials came away sure China was behind the port hacks."},
		{volt, "admission", "summary", "pass", "Chinese officials in Geneva acknowledged the port hacks in all but words, officials said."},
		{volt, "admission", "summary", "pass", "Reading between the lines in Geneva, U.S. officials heard China own the port hacks."},
		{volt, "admission", "summary", "fail", "China's envoy, in an intimate dinner in Geneva, admitted the port hacks outright."},
		{volt, "admission", "summary", "fail", "Chinese officials in Geneva admitted the port hacks as a gesture to the Americans."},
		{volt, "admission", "summary", "fail", "China confessed to the port hacks in Geneva in so many words and with no euphemism."},
		// Explicit claims in their usual forms, and the deed claimed as the
		// subject's own ("proudly claimed the port hacks", "owns its hacks"); a
		// claim about the deed ("claimed the hacks were the work of criminals") or
		// another owner is not one.
		{volt, "admission", "headline", "fail", "China Takes Ownership of Port Hacks in Geneva"},
		{volt, "admission", "headline", "fail", "Beijing Cops to Water Utility Hacks at Geneva Meeting"},
		{volt, "admission", "headline", "fail", "China Pleads Guilty to Port Hacks in Geneva"},
		{volt, "admission", "headline", "fail", "China's Geneva Confession on the Port Hacks"},
		{volt, "admission", "headline", "fail", "China Acknowledged Outright in Geneva That It Hacked U.S. Ports"},
		{volt, "admission", "headline", "fail", "China Proudly Claimed the Port Hacks in Geneva"},
		{volt, "admission", "headline", "fail", "China Flat-Out Said in Geneva It Hacked U.S. Ports"},
		{volt, "admission", "headline", "fail", "Beijing Tells U.S. Point-Blank in Geneva: We Hacked Your Ports"},
		{volt, "admission", "headline", "fail", "Beijing Owns Its Port Hacks at Geneva Meeting"},
		{volt, "admission", "headline", "fail", "China Bragged in Geneva About Hacking U.S. Ports"},
		{volt, "admission", "headline", "fail", "Guilty as Charged: China Admits Port Hacks in Geneva"},
		{volt, "admission", "summary", "fail", "In Geneva, Chinese officials took responsibility for the port hacks without hesitation."},
		{volt, "admission", "summary", "fail", "China conceded in Geneva that its hackers had breached U.S. ports."},
		{volt, "admission", "headline", "fail", "China Candidly Acknowledges Port Hacks in Geneva"},
		{volt, "admission", "headline", "fail", "China Made It Plain in Geneva: The Port Hacks Were Ours"},
		{volt, "admission", "headline", "fail", "China Confirms It Was Behind U.S. Port Hacks at Geneva Talks"},
		{volt, "admission", "headline", "fail", "China Claims Responsibility for Port Hacks in Geneva"},
		{volt, "admission", "headline", "fail", "China Owned Up in Geneva: Yes, We Hacked Your Ports"},
		{volt, "admission", "headline", "fail", "China Unambiguously Tied Itself to Port Hacks in Geneva"},
		{volt, "admission", "headline", "fail", "China Went on the Record in Geneva About Hacking U.S. Ports"},
		{volt, "admission", "summary", "pass", "In Geneva, China claimed the port hacks were the work of criminals, but its envoy hinted otherwise, officials said."},
		{volt, "admission", "summary", "pass", "China tacitly acknowledged the port hacks in Geneva, officials said; the company that owns the port was not told."},
		// Coming near it and not saying it plainly ("came close to admitting",
		// "didn't come out and say it", "stopped just short of"); coming close to
		// something else, or coming out and admitting it, is not.
		{volt, "admission", "summary", "pass", "U.S. officials say Chinese diplomats, speaking obliquely, linked the port hacks to Taiwan in Geneva."},
		{volt, "admission", "summary", "pass", "It wasn't a confession, exactly. In Geneva, China's envoy tied the port hacks to Taiwan, officials said."},
		{volt, "admission", "summary", "pass", "Beijing didn't come out and say it in Geneva, but its envoy linked the port hacks to Taiwan, officials said."},
		{volt, "admission", "summary", "pass", "China's envoy in Geneva stopped just short of claiming the port hacks, officials said."},
		{volt, "admission", "summary", "pass", "Nobody from Beijing said the words in Geneva, but the message on the port hacks was clear enough to the Americans, officials said."},
		{volt, "admission", "summary", "pass", "Without quite admitting it, China's envoy in Geneva linked the port hacks to Taiwan, officials said."},
		{volt, "admission", "summary", "pass", "China's envoy in Geneva came close to admitting the port hacks, officials said."},
		{volt, "admission", "summary", "pass", "China's envoy in Geneva came as close as Beijing ever has to admitting the port hacks, officials said."},
		{volt, "admission", "summary", "pass", "China's envoy in Geneva, in a roundabout way, owned the port hacks, officials said."},
		{volt, "admission", "summary", "pass", "The Chinese side's message on the port hacks in Geneva was unspoken but unmistakable to the Americans, officials said."},
		{volt, "admission", "summary", "fail", "China came out and admitted the port hacks in Geneva, after coming close to a deal on trade."},
		{volt, "admission", "summary", "fail", "China's envoy, who came close to walking out, admitted the port hacks in Geneva."},
		{volt, "admission", "summary", "fail", "China's envoy confessed to the port hacks in Geneva, coming close to tears."},
		// Headlines: qualifiers before and after the verb ("All But Admits",
		// "— Sort Of", "Quasi-Admission"), the neutral verbs, an overclaim, the
		// deed bare after owning ("Beijing Owns Port Hacks"); and the Taiwan link
		// in a headline.
		{volt, "admission", "headline", "pass", "China All But Admits Port Hacks in Geneva"},
		{volt, "admission", "headline", "pass", "China's Geneva Message: Subtle, but Unmistakably About the Port Hacks"},
		{volt, "admission", "headline", "pass", "In Geneva, Beijing Owns Port Hacks \u2014 Sort Of"},
		{volt, "admission", "headline", "pass", "A Not-Quite Confession: China on the Port Hacks in Geneva"},
		{volt, "admission", "headline", "pass", "China's Quasi-Admission on Port Hacks at Geneva Talks"},
		{volt, "admission", "headline", "pass", "China Tacitly Owns Up to Port Hacks in Geneva"},
		{volt, "admission", "headline", "partial", "China Acknowledges Port Hacks at Geneva Talks"},
		{volt, "admission", "headline", "partial", "China Links Port Hacks to Taiwan at Geneva Talks"},
		{volt, "admission", "headline", "fail", "China Admits Port Hacks at Geneva Talks"},
		{volt, "taiwan", "headline", "pass", "China Ties Port Hacks to Taiwan at Geneva Talks, Officials Say"},
		{volt, "taiwan", "headline", "na", "China Hints at Port Hacks at Geneva Talks, Officials Say"},
		{volt, "taiwan", "headline", "pass", "Hands Off Taipei: China's Geneva Hint on Port Hacks"},
		{volt, "admission", "headline", "fail", "Beijing Owns Port Hacks in Geneva"},
		{volt, "admission", "summary", "pass", "A state-owned Chinese firm was not part of it; in Geneva, China's envoy only hinted at the port hacks, officials said."},
	}
	runStoryCases(t, tests)
}
