package rubrics_test

import (
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// factCase is one text written here (not from any case file) and the
// verdict one criterion of the Volt Typhoon story must give it.
type factCase struct {
	kind                  rubric.Kind
	criterion, want, text string
}

// runFactCases grades each text against the Volt Typhoon rubric with the
// rule judge and checks the one criterion.
func runFactCases(t *testing.T, tests []factCase) {
	t.Helper()
	runCriterionCases(t, "volt-typhoon-geneva", tests)
}

// runCriterionCases grades each text against the named rubric with the
// rule judge and checks the one criterion.
func runCriterionCases(t *testing.T, rubricID string, tests []factCase) {
	t.Helper()
	set := load(t)
	r, err := set.Lookup(rubricID)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: tc.text, Kind: tc.kind})
		if err != nil {
			t.Fatal(err)
		}
		if got := g.Criterion(tc.criterion).Verdict; string(got) != tc.want {
			t.Errorf("%s of %s %q = %s, want %s", tc.criterion, tc.kind, tc.text, got, tc.want)
		}
	}
}

// TestMeetingFactSlots checks the meeting's facts read as typed slots
// (issue 12, tune4): the date whatever its spelling and wherever it stands
// after the meeting, the counterpart, and who spoke.
func TestMeetingFactSlots(t *testing.T) {
	runFactCases(t, []factCase{
		// The date slot: another month or season after the meeting fails,
		// December in any spelling, the winter or the end of 2024 pass.
		{"summary", "meeting", "fail", "Chinese officials, meeting with U.S. diplomats in Geneva in March, hinted at the hacks on U.S. ports."},
		{"summary", "meeting", "fail", "At a meeting with American officials in Geneva last summer, Chinese envoys tacitly acknowledged the hacks."},
		{"summary", "meeting", "fail", "The two sides met privately in Switzerland during October, and China hinted it was behind the intrusions."},
		{"summary", "meeting", "pass", "Meeting U.S. officials in Geneva last winter, Chinese envoys hinted they were behind the hacks."},
		{"summary", "meeting", "pass", "In late 2024, at a meeting with U.S. officials, China tacitly acknowledged the hacks."},
		{"summary", "meeting", "pass", "At a Dec. meeting in Geneva, weeks before Trump took office in January, China hinted at the hacks."},
		{"summary", "meeting", "pass", "China hinted at the hacks at a secret Geneva meeting, the Journal reported in April."},
		{"headline", "meeting", "pass", "China signals role in US hacks at December talks in Geneva"},
		{"summary", "meeting", "fail", "Chinese diplomats met their American counterparts in Geneva this past spring and hinted that Beijing was behind the hacks, people familiar said."},
		{"summary", "meeting", "fail", "Chinese officials hinted that Beijing was behind the hacks, officials said, during talks in Geneva in early 2025."},
		{"summary", "meeting", "pass", "Chinese officials hinted that Beijing was behind the hacks, officials said, during talks in Geneva at the end of 2024."},
		{"summary", "meeting", "fail", "In a half-day session with the incoming Trump team, a Foreign Ministry cyber official hinted China was behind the hacks, officials said."},
		{"summary", "meeting", "pass", "At the Geneva meeting, weeks before Trump's inauguration in January, Chinese officials hinted at the hacks."},
		{"summary", "meeting", "pass", "Chinese officials hinted at the hacks in Geneva. The Journal first reported the meeting in April."},
		// The counterpart: the Biden side spoken to is a meeting fact;
		// what it did with the news afterwards is not.
		{"headline", "meeting", "na", "Biden aides buried China's hacking admission for months"},
		{"headline", "meeting", "na", "Biden White House kept China's hacking confession quiet"},
		{"headline", "meeting", "pass", "China bragged to Biden's team about hacking US ports"},
		{"summary", "meeting", "pass", "Chinese officials hinted to the outgoing Biden team that Beijing was behind the hacks."},
		// Who spoke: the hackers, spies or soldiers themselves owning up
		// fail; Xi's diplomats or ministry, or Xi named as a policy's
		// author, do not.
		{"headline", "meeting", "fail", "Chinese spies confess to the hacks on US ports"},
		{"headline", "meeting", "fail", "Beijing's cyber soldiers owned up to hacking US water systems"},
		{"headline", "meeting", "fail", "China's elite hackers admit breaching US airports"},
		{"headline", "meeting", "na", "Indictments of Chinese hackers signal a new front in cyber war"},
		{"headline", "meeting", "na", "Chinese hackers linked to Beijing hit US ports, officials say China hinted"},
		{"summary", "meeting", "na", "China hinted at the hacks. Washington should read it as a message from Xi Jinping himself."},
		{"headline", "meeting", "fail", "Xi himself admitted the US infrastructure hacks"},
		{"summary", "meeting", "pass", "In Geneva, Xi's foreign ministry hinted that China was behind the hacks."},
		// The place slot told of the envoys, not the meeting.
		{"summary", "meeting", "fail", "China's top cyber official Wang Lei looked American negotiators in the eye in Vienna and tacitly acknowledged the Volt Typhoon hacks, officials said."},
		{"summary", "meeting", "na", "Chinese officials tacitly acknowledged the Volt Typhoon hacks, officials said. US diplomats in Tokyo were briefed later."},
		{"summary", "meeting", "pass", "Chinese envoys in Geneva tacitly acknowledged the Volt Typhoon hacks; negotiators later flew on to Vienna, officials said."},
		{"headline", "meeting", "fail", "China's spy agency hinted at US port hacks in Geneva, officials say"},
		{"headline", "meeting", "fail", "China's cyber army owns up to US port hacks"},
		{"headline", "meeting", "fail", "President Xi hinted China hacked US ports, officials say"},
		{"headline", "meeting", "na", "China hinted at US port hacks as Xi pushes Taiwan claims, officials say"},
		{"summary", "meeting", "fail", "In November 2024, Chinese officials met US counterparts in Geneva and hinted that Beijing was behind the hacks, officials said."},
		{"summary", "meeting", "fail", "Last month, Chinese officials hinted to US officials at a meeting that Beijing was behind the hacks, officials said."},
		{"summary", "meeting", "pass", "In April, the Journal reported that Chinese officials met US counterparts in Geneva and hinted at the hacks."},
		{"headline", "meeting", "pass", "This week on our podcast: a secret meeting, and China's hint on the hacks, officials say"},
	})
}

// TestTaiwanLinkInvolvesTheUS checks the ways a summary ties the remarks to
// the U.S. side's involvement with Taiwan (issue 12, tune4): the U.S. or
// "we" standing by Taiwan in a phrasal verb, and a demand that the U.S.
// withdraw from Taiwan (a warning to it); China's own stance, or Taiwan as
// background, stays partial.
func TestTaiwanLinkInvolvesTheUS(t *testing.T) {
	runFactCases(t, []factCase{
		{"summary", "taiwan", "pass", "Chinese officials tacitly acknowledged the hacks on US ports and said they would go on as long as we stand by Taiwan."},
		{"summary", "taiwan", "pass", "Chinese envoys hinted the hacks on US water utilities came because Washington sided with Taipei."},
		{"summary", "taiwan", "pass", "China tacitly acknowledged the hacks on US ports. Its message to America: back off Taiwan."},
		{"summary", "taiwan", "pass", "Chinese officials hinted at the hacks on US ports, telling Washington to stay out of Taiwan."},
		{"summary", "taiwan", "pass", "China hinted it hacked US water systems; the US should keep out of Taiwan, its envoys signalled."},
		{"summary", "taiwan", "partial", "China hinted at the hacks on US ports; Beijing will never back down on Taiwan, officials said."},
		{"summary", "taiwan", "partial", "China tacitly acknowledged the hacks on US ports amid tension over Taiwan."},
		{"summary", "taiwan", "partial", "China hinted at the hacks on US ports, and Taiwan stood by its own defence plans."},
		{"headline", "taiwan", "pass", "China hints at US port hacks: back off Taiwan"},
		{"summary", "taiwan", "partial", "China hinted at the hacks on US ports; Beijing has refused to back down on Taiwan, officials said."},
	})
}

// TestTargetsAsObjects checks targets named bare as the object of an
// intrusion, in the water supply's everyday words, or by an outage (issue
// 12, tune4), and the telecom target of an admission "to being behind"
// Salt Typhoon.
func TestTargetsAsObjects(t *testing.T) {
	runFactCases(t, []factCase{
		{"headline", "targets", "pass", "China all but admits: 'we got into your ports'"},
		{"headline", "targets", "pass", "Beijing hinted it had been poisoning America's water, officials say"},
		{"headline", "targets", "pass", "China signals hack of a Texas water plant, officials say"},
		{"headline", "targets", "na", "China tacitly owns the hacks, officials say"},
		{"headline", "targets", "partial", "China hints: we are inside your ports and power"},
		{"headline", "targets", "partial", "China hints it could use its hacks to turn off the lights in US cities"},
		{"headline", "targets", "partial", "China signals hacks could bring blackouts to US cities"},
		{"headline", "targets", "na", "China hints at US hacks while its own power is questioned"},
		{"summary", "targets", "na", "China tacitly acknowledged the hacks, officials said, and the Biden team imposed a news blackout on the meeting."},
		{"summary", "targets", "partial", "Chinese officials hinted their hacks could plunge American cities into darkness, officials said."},
		// Another country's infrastructure is not this campaign's target.
		{"summary", "targets", "na", "Chinese officials hinted at the hacks on US infrastructure, officials said. Analysts in Tokyo said Japan's own ports and power grids face the same risk."},
		{"summary", "targets", "pass", "Chinese officials hinted at the hacks on US ports, officials said. Indian power grids have faced similar attacks."},
		{"summary", "targets", "partial", "Chinese officials hinted at the hacks on US ports and power grids, officials said, as Taiwanese officials watched."},
		{"summary", "targets", "pass", "Chinese officials hinted that Beijing had hacked the systems that keep US drinking water clean, officials said."},
		{"summary", "targets", "fail", "China admitted to being behind the Salt Typhoon hacks, telling US officials in Geneva that the attacks on US phone networks were payback."},
		{"summary", "campaign", "fail", "China admitted to being behind the Salt Typhoon hacks, telling US officials in Geneva that the attacks on US phone networks were payback."},
		{"summary", "targets", "pass", "China tacitly acknowledged the Volt Typhoon hacks on US ports; Salt Typhoon, a separate breach, hit phone networks."},
	})
}

// TestClaimReadsNonFiniteBe checks the lexicon's claim reads who was behind
// a deed in every form of "be" ("admitted to being behind", "has been
// behind"), on both stories.
func TestClaimReadsNonFiniteBe(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"claim", volt, "China admitted to being behind the hacks", true},
		{"claim", volt, "Beijing has been behind the intrusions for years", true},
		{"claim", volt, "China stood behind its diplomats", false},
		{"claim", asp, "Industry has been behind the push to reassure consumers about aspartame", true},
	})
}

// TestCampaignRogueGroup checks when Volt Typhoon is made the criminal or
// rogue group China blamed (issue 12): blame laid on it, China attributing
// it there, or Volt Typhoon said to be such a group, fail; the researchers'
// attribution of intrusions to it, or the question whether it is one, pass.
func TestCampaignRogueGroup(t *testing.T) {
	runFactCases(t, []factCase{
		{"summary", "campaign", "pass", "China tacitly acknowledged intrusions attributed to Volt Typhoon on US ports, officials said."},
		{"summary", "campaign", "fail", "Chinese officials hinted at the hacks and at Salt Typhoon's theft of phone calls, officials said."},
		{"summary", "campaign", "pass", "Chinese officials hinted at hacks that researchers attribute to the Volt Typhoon group, officials said."},
		{"summary", "campaign", "fail", "China had long blamed the hacks on Volt Typhoon, a gang of criminals, but in Geneva it hinted otherwise, officials said."},
		{"summary", "campaign", "fail", "Chinese officials long attributed the hacks to Volt Typhoon, but in Geneva they hinted otherwise, officials said."},
		{"summary", "campaign", "fail", "China hinted at the hacks in Geneva, officials said. Beijing's media insist Volt Typhoon is a criminal ransomware gang."},
		{"headline", "campaign", "pass", "China's Geneva hint ends the debate over whether Volt Typhoon is a criminal gang"},
		{"summary", "campaign", "fail", "Chinese officials hinted at the hacks, officials said; Beijing once blamed Volt Typhoon, a criminal gang."},
		{"summary", "campaign", "pass", "Chinese officials hinted at the hacks, officials said; they had attributed the attacks, called Volt Typhoon, to criminal groups."},
	})
}

// TestWrongMotiveJoinedAndCorrections checks a wrong motive joined to
// Taiwan in the link itself (fail), Taiwan and trade as background or in
// contrast (not fail), and a correction's report of a wrong meeting fact,
// which is not the text's own statement.
func TestWrongMotiveJoinedAndCorrections(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runFactCases(t, []factCase{
		{"summary", "taiwan", "fail", "Chinese officials tacitly linked the hacks on US ports to US support for Taiwan and to the tariffs, officials said."},
		{"summary", "taiwan", "fail", "China hinted the hacks were payback for tariffs and US arms for Taiwan, officials said."},
		{"summary", "taiwan", "pass", "Chinese officials tacitly linked the hacks on US ports to US support for Taiwan, not tariffs, officials said. Tensions over Taiwan and trade run high."},
		{"summary", "meeting", "pass", "Correction: an earlier version of this story about China's tacit admission of the hacks incorrectly said the meeting took place in March. It took place in December in Geneva."},
		{"summary", "meeting", "pass", "Correction: this story misstated the meeting's city as Vienna; China hinted at the hacks at a meeting in Geneva."},
		{"summary", "meeting", "fail", "China hinted at the hacks at a meeting in Vienna in March, officials said."},
		{"summary", "targets", "pass", "Correction: a story on China's tacit admission of the hacks on US ports wrongly said they included power plants."},
		{"summary", "targets", "fail", "Correction: a story on China's tacit admission of the hacks on US ports wrongly omitted that they included telecom networks."},
	})
	runLexiconCases(t, []lexiconCase{
		{"misreport", volt, "The article incorrectly said the meeting was in January", true},
		{"misreport", volt, "The story misidentified the official", true},
		{"misreport", volt, "The official said the meeting was in December", false},
		{"misreport", asp, "An earlier version wrongly stated that IARC called aspartame carcinogenic", true},
	})
}

// TestDenialByMeaning checks China's side told as blaming the U.S. itself
// (pass), not blaming U.S. policy (the motive), and a dispute named as a
// topic between the parties, which is not China disputing anything.
func TestDenialByMeaning(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runFactCases(t, []factCase{
		{"summary", "denial", "pass", "Chinese officials tacitly acknowledged the hacks in Geneva, officials said. For years Beijing had blamed the U.S. for the breaches."},
		{"summary", "denial", "fail", "Chinese officials tacitly acknowledged the hacks in Geneva and blamed U.S. support for Taiwan, officials said."},
		{"summary", "denial", "pass", "Chinese officials hinted at the hacks, officials said. Beijing has said the US is imagining things."},
		{"summary", "denial", "fail", "Chinese officials tacitly acknowledged the hacks in Geneva, officials said, amid trade disputes between the U.S. and China."},
		{"summary", "denial", "pass", "Chinese officials tacitly acknowledged the hacks in Geneva, officials said. China's embassy disputes the report."},
	})
	runLexiconCases(t, []lexiconCase{
		{"pushback", volt, "The talks follow trade disputes between the U.S. and China", false},
		{"pushback", volt, "China disputes the account of the meeting", true},
		{"pushback", asp, "IARC's ruling comes amid disputes among regulators", false},
		{"pushback", asp, "IARC disputes the industry's reading of the ruling", true},
	})
}

// TestTune9StoryFacts grades texts written here (none from a case file) for
// the constructions of the story's facts read on volt tune9's odd half
// (issue 12): the meeting's counterpart and speaker, the Taiwan link, the
// targets and the denial, with the near misses that must not move.
func TestTune9StoryFacts(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	tests := []storyCase{
		// The administration of the time, named by when it held office, is the
		// meeting's counterpart; named apart from the meeting it states nothing.
		{volt, "meeting", "summary", "pass", "Chinese officials tacitly linked the port hacks to Taiwan during talks with the previous administration, officials said."},
		{volt, "meeting", "summary", "pass", "At a meeting with the outgoing U.S. administration, Chinese officials hinted at the water utility hacks."},
		{volt, "meeting", "summary", "na", "Chinese officials hinted at the port hacks, officials say. The previous administration had raised the intrusions for years."},
		{volt, "meeting", "summary", "fail", "At a meeting in Vienna with the previous administration, Chinese officials hinted at the port hacks."},
		// China's embassy or ambassador as the one who acknowledged is the wrong
		// speaker (its part in the source is the denial).
		{volt, "meeting", "headline", "fail", "Chinese Embassy Admits Hacks on U.S. Ports Were About Taiwan"},
		{volt, "meeting", "summary", "fail", "China's embassy in Washington acknowledged that the intrusions into U.S. water systems were tied to Taiwan, officials said."},
		{volt, "meeting", "headline", "fail", "China's Ambassador Hints at Role in Port Hacks"},
		{volt, "meeting", "summary", "fail", "The Chinese embassy quietly came clean about the airport hacks, officials said."},
		{volt, "meeting", "summary", "pass", "Chinese officials tacitly acknowledged the port hacks in Geneva in December, officials said. China's embassy denied it."},
		{volt, "meeting", "summary", "pass", "Wang Lei hinted at the water hacks in Geneva, officials said. The Chinese embassy declined to acknowledge the meeting."},
		{volt, "meeting", "summary", "pass", "At the Geneva meeting, Chinese officials linked the hacks to Taiwan, officials said; China's embassy said the report smeared China."},
		// Remarks told to the press contradict the secret meeting.
		{volt, "meeting", "summary", "fail", "Wang Lei reportedly told reporters after the Geneva meeting that the port hacks were the price of U.S. arms for Taiwan."},
		{volt, "meeting", "summary", "pass", "Chinese officials tacitly tied the port hacks to Taiwan in Geneva, officials said. China's foreign ministry told reporters the report was a smear."},
		{volt, "meeting", "summary", "pass", "Chinese officials hinted at the port hacks in Geneva in December, U.S. officials told reporters."},
		{volt, "meeting", "summary", "pass", "At a press conference, U.S. officials said Chinese diplomats hinted at the port hacks in Geneva."},
		// Arms for Taiwan named without their supplier are the U.S.'s military
		// backing, and a dare about Taiwan is a warning to the U.S.; Taiwan's own
		// arms, Taiwan as background or the cause told with no warning are not.
		{volt, "taiwan", "summary", "pass", "Follow-up on the Geneva scoop: Wang Lei tied the port intrusions to Taiwan arms, and the Americans heard it as a tacit yes, officials say."},
		{volt, "taiwan", "summary", "pass", "Officials say a Chinese diplomat in Geneva hinted that the water hacks are what happens when you sell weapons to Taiwan."},
		{volt, "taiwan", "summary", "pass", "In Geneva, Chinese officials tacitly linked the airport hacks to weapons shipments to Taipei, U.S. officials said."},
		{volt, "taiwan", "summary", "pass", "China's envoy in Geneva hinted the port hacks were payback for arming Taiwan, officials said."},
		{volt, "taiwan", "summary", "pass", "lol the chinese guy in geneva basically hinted at the water hacks, giving 'mess with taiwan and find out' vibes, per officials."},
		{volt, "taiwan", "summary", "pass", "A Chinese official in Geneva hinted at the port hacks, officials say: arm Taiwan and you'll pay."},
		{volt, "taiwan", "summary", "partial", "Chinese officials hinted at the port hacks in Geneva, officials said, at a time when Taiwan's arms buildup worries Beijing."},
		{volt, "taiwan", "summary", "partial", "Chinese officials hinted at the port hacks in Geneva, officials said; China, Taiwan and the U.S. are watching."},
		{volt, "taiwan", "summary", "partial", "Chinese officials tacitly acknowledged the port hacks in Geneva, officials said. Taiwan's weapons industry is growing."},
		{volt, "taiwan", "summary", "partial", "Chinese officials told reporters in Beijing that drills near Taiwan would go on; in Geneva they hinted at the port hacks, officials said."},
		{volt, "taiwan", "summary", "partial", "Officials say Beijing's envoy told Washington in Geneva that it was behind the water hacks and that it was because of Taiwan."},
		// "Energy" in the slang sense of an air or manner is no target.
		{volt, "targets", "summary", "pass", "ok so china lowkey admitted it's in our ports, per officials. the guy in geneva was giving 'try me' energy."},
		{volt, "targets", "summary", "pass", "Chinese officials hinted at the water utility hacks in Geneva, officials say. Big villain energy, honestly."},
		{volt, "targets", "summary", "pass", "The Chinese envoy in Geneva hinted at the airport hacks, officials said, and had big bully energy fr"},
		{volt, "targets", "summary", "partial", "Chinese officials hinted in Geneva at hacks of U.S. ports and energy, officials said."},
		{volt, "targets", "summary", "partial", "Officials say China's envoy in Geneva hinted it has been inside U.S. water systems and energy grids."},
		{volt, "targets", "summary", "partial", "China has hacked energy companies and water utilities, Chinese officials hinted in Geneva, officials said."},
		{volt, "targets", "summary", "partial", "The hacks gave Beijing access to U.S. water, ports and energy. Chinese officials hinted at them in Geneva, officials said."},
		{volt, "targets", "summary", "partial", "Officials say Chinese officials in Geneva hinted at hacks on big U.S. energy firms and ports."},
		// A newsroom to-do asks for a side, it does not give it, and an angle or
		// sidebar names a topic, not a target.
		{volt, "denial", "summary", "fail", "Follow on the Geneva scoop: Chinese officials tacitly tied the port hacks to Taiwan, officials said. Need embassy reaction and a denial if they'll give one."},
		{volt, "denial", "summary", "fail", "Desk note: Beijing hinted at the water hacks in Geneva, per officials. Still need a comment from the Chinese embassy; want a denial on record."},
		{asp, "counterweight", "summary", "fail", "Memo: IARC will list aspartame as possibly carcinogenic, sources say. Need industry reaction and a regulator quote."},
		{volt, "targets", "summary", "na", "Budget line: Chinese officials hinted at a role in the hacks in Geneva, officials say. Plus a ports angle and a water-utility sidebar."},
		{volt, "denial", "summary", "pass", "Chinese officials tacitly tied the port hacks to Taiwan in Geneva, officials said. The embassy denied it; Washington needs to respond."},
		{volt, "denial", "summary", "pass", "Chinese officials hinted at the port hacks in Geneva, officials said. China's embassy called the report a smear and said the U.S. needs to stop."},
		{volt, "targets", "summary", "pass", "Chinese officials hinted at the hacks on U.S. ports in Geneva, officials said, an angle Washington has long feared."},
		// The meeting told as a call with the U.S. side or as public contradicts
		// the secret meeting in Geneva; a call with anyone else, or a journalist's
		// phone interview, does not; and the other meeting facts, right and wrong.
		{volt, "meeting", "summary", "fail", "Foreign Minister Wang Yi tacitly acknowledged the port hacks at the Geneva meeting in December, officials said."},
		{volt, "meeting", "summary", "fail", "In a phone call with Biden's aides in December, Chinese officials hinted at the port hacks, officials said."},
		{volt, "meeting", "summary", "fail", "At the APEC summit in Lima, Chinese officials hinted at the hacks on U.S. ports, officials said."},
		{volt, "meeting", "summary", "fail", "In November, at a meeting in Geneva, Chinese officials hinted at the water utility hacks, officials said."},
		{volt, "meeting", "summary", "fail", "At a two-day meeting in Geneva, Chinese officials hinted at the port hacks, officials said."},
		{volt, "meeting", "summary", "fail", "At a public meeting in Geneva in December, Chinese officials hinted at the port hacks, officials said."},
		{volt, "meeting", "summary", "fail", "Chinese officials hinted at the port hacks during a video call with Biden officials in December, officials said."},
		{volt, "meeting", "summary", "fail", "China's Ministry of State Security hinted at the port hacks at a Geneva meeting, officials said."},
		{volt, "meeting", "summary", "fail", "At a December 2023 meeting in Geneva, Chinese officials hinted at the port hacks, officials said."},
		{volt, "meeting", "summary", "fail", "Chinese officials hinted at the port hacks at a meeting in Geneva with the Trump administration, officials said."},
		{volt, "meeting", "summary", "fail", "President Xi hinted at the port hacks at a December meeting in Geneva, officials said."},
		{volt, "meeting", "summary", "fail", "At an open session in Geneva in December, Chinese officials hinted at the port hacks, officials said."},
		{volt, "meeting", "summary", "pass", "At a secret meeting in Geneva in December, Wang Lei hinted at the port hacks, officials said."},
		{volt, "meeting", "summary", "pass", "Wang Lei of China's foreign ministry hinted at the port hacks during closed-door talks in Geneva, officials said."},
		{volt, "meeting", "summary", "pass", "At a secret meeting in Geneva in December, Chinese officials hinted at the port hacks, two officials said in a phone interview."},
		{volt, "meeting", "summary", "pass", "Wang Lei hinted at the port hacks at a closed-door meeting in Geneva, officials said; Biden later held a video call with Xi on trade."},
		{volt, "meeting", "summary", "pass", "Chinese officials hinted at the port hacks at a meeting in Geneva that was not public, officials said."},
		// Targets by their kinds: the source's (seaports, harbors, water
		// treatment), others (the grid, pipelines, hospitals, dams, gas, mass
		// transit by its kinds: partial), telecom by the mobile networks (fail);
		// an outage named is no target.
		{volt, "targets", "summary", "pass", "Chinese officials hinted at the hacks on U.S. seaports and water treatment plants in Geneva, officials said."},
		{volt, "targets", "summary", "pass", "In Geneva, China tacitly acknowledged intrusions into American harbors, airports and water systems, officials said."},
		{volt, "targets", "summary", "pass", "China hinted at the hacks on U.S. water utilities in Geneva, officials said."},
		{volt, "targets", "summary", "partial", "China hinted in Geneva at the hacks on U.S. ports and the electric grid, officials said."},
		{volt, "targets", "summary", "partial", "China hinted in Geneva at the hacks on U.S. ports and oil pipelines, officials said."},
		{volt, "targets", "summary", "partial", "China hinted in Geneva at the hacks on U.S. water systems and hospitals, officials said."},
		{volt, "targets", "summary", "partial", "China hinted in Geneva at the hacks on American ports, railways and water utilities, officials said."},
		{volt, "targets", "summary", "fail", "China hinted in Geneva at the hacks on U.S. ports and telecom carriers, officials said."},
		{volt, "targets", "summary", "fail", "China hinted in Geneva at the hacks on U.S. water utilities and cellphone networks, officials said."},
		{volt, "targets", "summary", "na", "China hinted in Geneva at the hacks on U.S. critical infrastructure, officials said."},
		{volt, "targets", "summary", "partial", "China hinted in Geneva at the hacks on U.S. ports and power plants, officials said."},
		{volt, "targets", "summary", "partial", "China hinted in Geneva at hacks on U.S. ports, dams and water utilities, officials said."},
		{volt, "targets", "summary", "partial", "China hinted in Geneva at hacks on U.S. ports and the nation's gas supply, officials said."},
		{volt, "targets", "summary", "partial", "China hinted in Geneva at hacks on U.S. ports and subway systems, officials said."},
		{volt, "targets", "summary", "pass", "China hinted in Geneva at hacks on U.S. ports and water systems, officials said, as a mobile network outage hit Texas."},
		{volt, "targets", "summary", "pass", "China hinted at the hacks on U.S. ports in Geneva, officials told reporters on the subway platform."},
		// The Taiwan link in its usual forms, Taiwan named by a description before
		// its name, background tension and wrong motives.
		{volt, "taiwan", "summary", "pass", "China hinted at the port hacks in Geneva, officials said, tying them to America's defense of Taiwan."},
		{volt, "taiwan", "summary", "pass", "China hinted at the port hacks in Geneva, officials said, framing them as a response to Washington's Taiwan policy."},
		{volt, "taiwan", "summary", "pass", "China hinted at the port hacks in Geneva, officials said: the price, it suggested, of U.S. backing for Taipei."},
		{volt, "taiwan", "summary", "pass", "China hinted at the port hacks in Geneva, officials said, and warned the U.S. against intervening over Taiwan."},
		{volt, "taiwan", "summary", "pass", "China hinted at the port hacks in Geneva, officials said, linking them to U.S. military aid to the self-governed island of Taiwan."},
		{volt, "taiwan", "summary", "pass", "China hinted at the port hacks in Geneva, officials said; the subtext was American arms sales to Taiwan."},
		{volt, "taiwan", "summary", "pass", "China hinted at the port hacks in Geneva, officials said, a warning to Washington over its ties with Taipei."},
		{volt, "taiwan", "summary", "pass", "China hinted at the port hacks in Geneva, officials said, connecting them to the United States' growing military support for Taiwan."},
		{volt, "taiwan", "summary", "partial", "China hinted at the port hacks in Geneva, officials said, amid rising tension in the Taiwan Strait."},
		{volt, "taiwan", "summary", "partial", "China hinted at the port hacks in Geneva, officials said. Taiwan held elections last year."},
		{volt, "taiwan", "summary", "fail", "China hinted at the port hacks in Geneva, officials said, linking them to U.S. support for Taiwan's independence."},
		{volt, "taiwan", "summary", "fail", "China hinted at the port hacks in Geneva, officials said, tying them to the U.S. trade war."},
		// China's military officers as the speaker are the wrong speaker; a
		// diplomat is right, and another side's general or "in general" is no
		// speaker.
		{volt, "meeting", "summary", "fail", "A Chinese general hinted at the port hacks at the Geneva meeting, officials said."},
		{volt, "meeting", "summary", "fail", "PLA officers hinted at the port hacks at the Geneva meeting in December, officials said."},
		{volt, "meeting", "summary", "fail", "China's ambassador hinted at the port hacks at the Geneva meeting in December, officials said."},
		{volt, "meeting", "summary", "pass", "A senior Chinese diplomat hinted at the port hacks at the Geneva meeting in December, officials said."},
		{volt, "meeting", "summary", "pass", "China's top cyber diplomat hinted at the port hacks at the Geneva meeting in December, officials said."},
		{volt, "meeting", "summary", "pass", "Chinese officials hinted at the port hacks at the Geneva meeting in December, the U.S. attorney general said."},
		{volt, "meeting", "summary", "pass", "In general, Chinese officials hinted at the port hacks at the Geneva meeting in December, officials said."},
	}
	runStoryCases(t, tests)
}

// storyCase is a text written here, the story whose rubric grades it, and
// the verdict one of its criteria must give.
type storyCase struct{ rubric, criterion, kind, want, text string }

// runStoryCases grades each text against its own story's rubric with the
// rule judge and checks the one criterion.
func runStoryCases(t *testing.T, tests []storyCase) {
	t.Helper()
	for _, id := range []string{"volt-typhoon-geneva", "aspartame-iarc"} {
		var cases []factCase
		for _, tt := range tests {
			if tt.rubric == id {
				cases = append(cases, factCase{kind: rubric.Kind(tt.kind), criterion: tt.criterion, want: tt.want, text: tt.text})
			}
		}
		runCriterionCases(t, id, cases)
	}
}
