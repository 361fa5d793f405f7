package rubrics_test

import "testing"

// TestAboutByEvent routes texts written here (not from any case file) that
// tell the story by its event rather than its usual words: the meeting by
// its time, its secrecy or its Swiss venue, China telling the U.S. side
// itself, the official who spoke by name, remarks at the meeting's place
// read against an admission, the U.S. side in the room, China's warning
// or its owning up beside the U.S. cyber agencies, the Journal's report
// named by the campaign, China claiming the deed as its own, China and
// Washington at the meeting's place; aspartame's drinks with the source's threshold
// and the scare. Each construction has neighbours built the
// same way that no story may claim: other talks in December, other secret
// meetings, China's warnings over Taiwan alone and its denials, other
// people named Wang Lei, other remarks in Geneva, other Swiss confessions,
// a denial beside the agencies, the Journal on another campaign, a claim
// of a frame-up, the other talks held in Geneva, the threshold alone.
func TestAboutByEvent(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	set := load(t)
	for _, tt := range []struct{ name, text, want string }{
		// the meeting by its month or the year's end, with China and the
		// hacks or its veiled remarks
		{"year-end veiled warning", "A Chinese envoy's veiled warning at the year-end talks, and why Washington listened", volt},
		{"December meeting, intrusions", "Inside the December meeting: what Beijing's team said about the pipeline intrusions", volt},
		{"talks in December, cryptic message", "At talks in December, a Chinese delegate's cryptic message about the grid hacks", volt},
		{"last December's meeting", "Last December's meeting, where a Chinese envoy spoke about the water-system hacks", volt},
		{"December's tariff talks", "December's talks on tariffs, where Chinese officials spoke of the hacks", ""},
		{"year-end talks on fentanyl", "Chinese and U.S. officials discuss fentanyl at year-end talks", ""},
		{"December climate talks", "A veiled warning from Beijing at the December climate talks on coal", ""},
		{"December trade talks", "A veiled message from Beijing at the December meeting on tariffs", ""},
		{"oblique remarks elsewhere", "Chinese diplomat's oblique remarks at a Jakarta forum stir debate", ""},
		// the meeting told as secret, with China and the hacks or their targets
		{"secret summit, ports", "Chinese hackers planted malware in U.S. ports, then talked about it at a secret summit", volt},
		{"closed-door talks, tap", "Beijing's closed-door talks warning and your water: could China switch off your tap?", volt},
		{"secret meeting, utilities", "The secret meeting where China's officials discussed American utilities and the hacks", volt},
		{"secret talks on fentanyl", "Chinese and U.S. officials held secret talks on fentanyl precursors", ""},
		{"the campaign alone", "Chinese hackers breached U.S. water utilities, CISA says", ""},
		{"secret meeting, oil", "Beijing's secret meeting with Russian oil executives", ""},
		// China telling the U.S. side itself, in a text on the hacks and Taiwan
		{"told U.S. officials", "China told U.S. officials its hackers were in American power and port networks over Taiwan", volt},
		{"informed counterparts", "Chinese officials informed their American counterparts of the grid intrusions, citing Taiwan", volt},
		{"warned Washington", "A Chinese minister warned Washington last year that the water-plant hacks were about Taiwan", volt},
		{"conveyed to Washington", "Beijing conveyed to Washington that the grid intrusions were the price of Taiwan", volt},
		{"signalled, arms sales", "China signalled to the U.S. that it would not tolerate Taiwan arms sales", ""},
		{"warning over arms sales", "China warned the U.S. over Taiwan arms sales on Tuesday", ""},
		{"a denial told to the U.S.", "China told American officials that accusations of hacking were smears, and warned on Taiwan", ""},
		{"Taiwan's own grid", "Chinese hackers hit Taiwan's power grid, Taipei says", ""},
		// the official who spoke, with what he said or what it was called
		{"Wang Lei, admission", "Wang Lei and the admission that wasn't quite one", volt},
		{"Wang Lei, Taiwan", "What Wang Lei told the Americans about Taiwan", volt},
		{"Wang Lei, hacks", "Wang Lei and the pipeline hacks: a profile of the man in the room", volt},
		{"Wang Lei, badminton", "Wang Lei wins the badminton final in Jakarta", ""},
		{"Wang Lei, novel", "Wang Lei's new novel tops the charts in Shanghai", ""},
		// remarks or a message at the meeting's place read against an admission
		{"hint or admission", "A hint, or an admission? Reading the remarks in Geneva", volt},
		{"Geneva message, confession", "The Geneva message was a confession in all but name", volt},
		{"Geneva remarks on Iran", "Remarks in Geneva on Iran's enrichment stall the talks", ""},
		// the meeting's place told by its venue, with an acknowledgment
		{"Swiss-hotel confession", "The Swiss-hotel confession that Washington kept quiet", volt},
		{"Swiss conference room admission", "An admission in a Swiss conference room, and what came after", volt},
		{"Swiss bank confession", "A Swiss bank's confession of tax fraud", ""},
		{"Swiss hotel prices", "Swiss hotel prices climb ahead of the Geneva auto show", ""},
		// the U.S. side in the room with China's words and Taiwan or the hacks
		{"officials in the room", "U.S. officials in the room took China's message as a warning about Taiwan", volt},
		{"Americans inside the room", "What the Americans inside the room made of the Chinese delegation's words on Taiwan", volt},
		{"in the room, intrusions", "The Americans in the room heard Beijing's envoy tie the intrusions to Taiwan", volt},
		{"in the room at APEC", "American diplomats in the room heard Xi's warning on Taiwan at the APEC summit", ""},
		{"in the room at an expo", "The Americans in the room at the Taiwan trade expo", ""},
		// China's warning over Taiwan, or China owning up to "it", beside
		// the U.S. cyber agencies
		{"threat beside CISA", "Beijing threatened Washington over Taiwan; CISA's budget was cut a week later", volt},
		{"owned up beside Cyber Command", "China owned up to it in December. Cyber Command still has no new chief.", volt},
		{"admitted as much beside CISA", "Beijing admitted as much, and CISA says patch your routers", volt},
		{"warning without the agencies", "China warned the U.S. over Taiwan arms sales on Tuesday", ""},
		{"the agency alone", "The NSA director was fired on Thursday", ""},
		{"never admitted", "China never admitted it, the NSA says", ""},
		// the Journal's report named by the campaign
		{"WSJ's story", "My notes on the WSJ's Volt Typhoon story", volt},
		{"Wall Street Journal report", "The Wall Street Journal report on Volt Typhoon, annotated", volt},
		{"Journal's scoop", "Volt Typhoon: what the Journal's scoop means for your utility", volt},
		{"WSJ report, another campaign", "The WSJ report on Salt Typhoon's phone hacks", ""},
		{"the campaign by another's word", "Volt Typhoon hackers kept access to Guam utilities for years, Microsoft says", ""},
		// China claiming the deed, a role or a presence as its own
		{"claimed its role", "Beijing has all but claimed its role in the intrusions on American ports", volt},
		{"claims its foothold", "China quietly claims its foothold inside U.S. water utilities", volt},
		{"claimed their presence", "In effect, Chinese officials claimed their hackers' presence inside the grid", volt},
		{"claims a frame-up", "China claims its hackers were framed by the NSA", ""},
		{"never claimed", "China never claimed its part in the port hacks", ""},
		// China and Washington at the meeting's place, not at other talks there
		{"gloated in Geneva", "Beijing gloated in Geneva and dared Washington to respond", volt},
		{"looked Washington in the eye", "In Geneva, China looked Washington in the eye", volt},
		{"Washington, and who", "In Geneva, China looked Washington in the eye, and those who were there noticed", volt},
		{"tariff talks in Geneva", "China and Washington resume tariff talks in Geneva", ""},
		{"AI rules in Geneva", "Beijing and Washington trade barbs over AI rules in Geneva", ""},
		{"human rights council", "China and the U.S. clash at the UN Human Rights Council in Geneva", ""},
		{"the Iran deal in Geneva", "Chinese and U.S. diplomats meet in Geneva on the Iran deal", ""},
		// the drinks with the source's threshold and the scare
		{"panic, 12 to 36 cans", "Diet soda panic? Do the math: 12 to 36 cans a day", asp},
		{"fears, twelve to 36", "Diet Coke fears, in one number: twelve to 36 cans", asp},
		{"scare, 60 kg", "The diet soda scare, for a 60 kg adult", asp},
		{"the threshold alone", "Twelve to 36 cans of diet soda a day: how much would it take to pass the limit?", ""},
		{"a weight alone", "Diet soda drinkers weigh 60 kg on average, a survey finds", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := set.Route(tt.text).Chosen; got != tt.want {
				t.Errorf("Route(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestAboutByElements routes texts written here, in varied registers, that
// tell each story by the elements of its guide's test rather than by a
// listed wording (the rubrics' `elements`): for Volt Typhoon, China by any
// name speaking of the deed in any speech act or in the first person, the
// meeting by its features with the actor and the deed, the Journal's report
// with China's response; for aspartame, the agent, the substance and the
// event. Each element has neighbours that must stay refused: China's
// accusations and denials, its own regulators and drills, other breaches
// and advisories; the May guideline, the official event, other studies
// and listings.
func TestAboutByElements(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	set := load(t)
	for _, tt := range []struct{ name, text, want string }{
		// China speaking of the deed, in any speech act
		{"signals a presence", "Beijing hints its hackers are sitting inside America's water plants", volt},
		{"conveyed, pipelines", "Chinese officials conveyed that the pipeline hacks were payback for Taiwan", volt},
		{"envoys warned", "Xi's envoys warned that the infrastructure hacks would continue while Washington arms Taiwan", volt},
		{"the Chinese side tied", "The Chinese side tied the utility breaches to U.S. policy on Taiwan", volt},
		{"message on the grid hacks", "Beijing's message on the grid hacks was hard to miss", volt},
		{"envoy however described", "China's top cyber diplomat as good as admitted the Volt Typhoon campaign", volt},
		{"a parenthesis between", "China, in a rare moment of candour, copped to the utility hacks", volt},
		{"an envoy's label", "PRC official: the hacks are what you get for Taiwan", volt},
		{"let slip", "The moment Beijing let slip it was inside U.S. ports", volt},
		{"our water systems", "What the Chinese said about our water systems, behind closed doors", volt},
		{"turn off the lights", "China warned it could turn off the lights if Washington backs Taiwan", volt},
		// in the first person, or telling what it is doing
		{"yeah, us", "lol china really said \"yeah, us\" about the water hacks", volt},
		{"guilty as charged", "Chinese officials basically told us: guilty as charged", volt},
		{"our handiwork", "Beijing's envoy told them the outages were 'our handiwork'", volt},
		{"told us what it is doing", "Beijing has told Washington exactly what it is doing. Is anyone listening?", volt},
		// the meeting by its features, with the actor and the deed
		{"the meeting by its length", "The half-day meeting where Beijing's envoy talked hacks", volt},
		{"Wang Lei and the Biden team", "What the Biden team heard from Wang Lei", volt},
		{"the Swiss room", "Inside the Swiss room where China tied the grid hacks to Taiwan", volt},
		{"the campaign and the December meeting", "Episode 12: Volt Typhoon and the December meeting", volt},
		{"owned up to the Biden people", "So China just admitted it? To the Biden people?", volt},
		{"a Geneva summit on other hacking", "Biden handed Putin a list of infrastructure off-limits to cyberattacks at their Geneva summit", ""},
		{"a closed-door briefing", "Senators get closed-door briefing on Volt Typhoon", ""},
		{"the campaign in December", "Volt Typhoon hackers targeted Guam in December, Microsoft says", ""},
		{"owned up to another body", "China admitted it to the WTO: subsidies are back", ""},
		{"a cyber flex", "Beijing's cyber flex, explained", volt},
		{"in its water pipes", "That time China told America it was in its water pipes", volt},
		{"own the campaign", "Did Beijing just own Volt Typhoon?", volt},
		{"a diplomat, a hotel, a warning", "A Chinese diplomat, a Geneva hotel and a warning about Taiwan", volt},
		{"December remarks", "Chinese delegation's December remarks rattle U.S. officials", volt},
		{"a December protest over arms", "Beijing protested in December as Biden approved an arms sale to Taiwan", ""},
		{"owns a port", "China owns a stake in the port of Piraeus, officials say", ""},
		{"the campaign's signal", "Analysis: the Volt Typhoon signal and what deterrence looks like now", volt},
		{"brought up the hacks", "What Beijing meant when it brought up the water-system hacks", volt},
		{"the campaign signals, a verb", "Volt Typhoon signals a shift in how CISA hunts intruders", ""},
		{"China raises a bill", "China's foreign ministry raises concerns over a U.S. infrastructure bill", ""},
		{"confessed, the deed unsaid", "China Kinda Confessed and Nobody Cared", volt},
		{"its words after its name", "China's 'Oops, That Was Us' Moment", volt},
		{"the PRC's wink", "Newsletter: the PRC's cyber wink, Taiwan, and your local water utility", volt},
		{"confessed to something else", "China Kinda Confessed to Overfishing and Nobody Cared", ""},
		{"admits defeat", "China admits defeat in the chip race", ""},
		// the report and China's response
		{"China's response to the report", "China's response to the Journal's report: smears and slander", volt},
		{"the report called baseless", "After the WSJ story, Beijing called the report baseless", volt},
		// neighbours that name China and the deed
		{"China's own grid", "Beijing says it will protect its own power grid from hackers", ""},
		{"China accuses the U.S.", "China says U.S. hacked Huawei servers", ""},
		{"NSA agents named", "Chinese police said NSA operatives carried out cyberattacks on the Asian Winter Games", ""},
		{"China's regulator", "China's cyber regulator tells firms to report data breaches within an hour", ""},
		{"the campaign called a gang", "China's foreign ministry says Volt Typhoon is a ransomware gang", ""},
		{"not responsible", "Hacking claim isn't responsible, Beijing says", ""},
		{"opposes all hacking", "China's ambassador says Beijing opposes all forms of hacking", ""},
		{"never claimed", "China never claimed its part in the grid hacks", ""},
		{"its hackers speaking", "Chinese hackers threatened to leak Treasury data, FBI says", ""},
		{"the writer's compound", "A Chinese state-linked hacking group broke into telecom carriers, officials say", ""},
		{"an advisory", "Chinese hackers burrowed into U.S. power grid, CISA warns", ""},
		{"the drills", "Beijing said its drills around Taiwan were a warning; analysts said they simulated a blockade of ports", ""},
		{"what it is doing elsewhere", "Beijing told us exactly what it is doing in the South China Sea", ""},
		{"another secret meeting", "A secret December meeting between Chinese and Russian generals", ""},
		{"the Journal on another breach", "Wall Street Journal reports Chinese hackers breached Treasury", ""},
		// the acknowledgment composed: the actor, an acknowledging word told
		// as China's or named, and the deed or the story's own names, in
		// varied registers
		{"fessed up in a hotel room", "So Beijing basically fessed up to the grid hacks in a hotel room in Switzerland. Wild.", volt},
		{"a newsletter's admission", "Newsletter: the quiet Chinese admission behind America's utility intrusions", volt},
		{"a veiled nod", "Chinese diplomat's veiled nod to the water-system hacks has Washington rethinking deterrence", volt},
		{"an editorial's all but owns", "Editorial: When Beijing all but owns the hacks on our airports, silence is not a strategy", volt},
		{"cop to the campaign, asked", "Did China just cop to Volt Typhoon? Here's what we know", volt},
		{"the hacks' own neighbours", "Chinese hackers breached a Texas water utility, officials say", ""},
		{"a denial and a warning", "Beijing denies hacking allegations as CISA issues fresh warning", ""},
		{"another group's theft", "Microsoft says Chinese group Storm-0558 stole email keys", ""},
		{"the FBI's warning", "FBI director: Chinese hackers are preparing to wreak havoc on U.S. infrastructure", ""},
		{"state media admits the trade war", "Chinese state media admits the trade war is hurting exporters", ""},
		// the meeting with the actor and the deed, its sabotage told by the
		// reader's tap; a secret meeting with a third country over its
		// ports is another story
		{"switch off your tap", "Could China switch off your tap? Beijing's secret-meeting warning, explained", volt},
		{"secret meeting over Panama's ports", "Beijing's secret meeting with Panama over its ports", ""},
		{"secret summit over Piraeus", "A secret summit between China and Greece over the port of Piraeus", ""},
		{"met in Geneva on investment", "Chinese officials met in Geneva to discuss water utilities investment", ""},
		// another deed with an acknowledging word: another breach told as
		// owned up to by its doers, an advisory, an indictment; the story's
		// when its own event (a meeting, its report) is there, or when
		// China's side acknowledges the other breach (the story told with
		// the wrong campaign, as the dev set's w-salt)
		{"hackers admit Treasury", "Chinese hackers admit breaching Treasury", ""},
		{"state hackers admitted OPM", "Chinese state hackers admitted the OPM hack, officials say", ""},
		{"confessed telecom breach", "Beijing-linked crew all but confessed to the telecom breach, says FBI", ""},
		{"advisory with an admission", "Beijing's admission? No: the FBI's new advisory on Volt Typhoon", ""},
		{"advisory with a signal", "China signals defiance as CISA issues new Volt Typhoon advisory", ""},
		{"indictment with ack", "Justice Department indicts Chinese hackers over Treasury breach; Beijing acknowledges nothing", ""},
		{"charges, owning up", "Seven Chinese nationals charged; prosecutors say the hackers owned up to the Treasury intrusion", ""},
		{"Salt Typhoon at the meeting", "China owned up to the Salt Typhoon intrusions at a closed-door meeting with U.S. officials", volt},
		{"both campaigns named", "Podcast: China admitted the Volt Typhoon hacks; Salt Typhoon's telecom spying is another story", volt},
		{"China concedes another breach", "Beijing quietly concedes it was behind the Treasury breach, officials say", volt},
		{"officials hint at both", "Chinese officials hinted at the hacks and at Salt Typhoon's theft of phone calls, officials said.", volt},
		{"telecoms beside the water utilities", "Beijing tacitly acknowledged the hacks on water utilities, though the telecom breach went unmentioned", volt},
		{"advisory beside the meeting", "Weeks after the Geneva meeting where China signalled its role, CISA issued a fresh advisory", volt},
		{"indictment beside the report", "Op-ed: the indictments miss the point; per the WSJ, Beijing's envoy tacitly admitted the hacks in a December meeting", volt},
		// aspartame: the agent, the substance and the event
		{"poised to flag", "The WHO's cancer arm is poised to flag the sweetener in Diet Coke, sources say", asp},
		{"a label from Lyon", "Your diet soda could soon carry a cancer label from Lyon", asp},
		{"Big Soda braces", "Big Soda braces as WHO researchers prepare aspartame warning", asp},
		{"Coke Zero fans", "Coke Zero fans, brace yourselves: WHO experts set to link aspartame to cancer", asp},
		{"my pepsi max", "wait so the WHO thinks my pepsi max gives me cancer now??", asp},
		{"a scare over Diet Coke", "WHO bureaucrats come for your Diet Coke with another junk-science scare", asp},
		{"Lyon's verdict", "Lyon's verdict on aspartame, coming soon", asp},
		{"the cancer agency vs. the sweetener", "The WHO cancer agency vs. your sweetener", asp},
		{"the guideline by its finding", "WHO guideline on sweeteners: no weight-loss benefit", ""},
		{"the ruling announced", "WHO's ruling on aspartame, announced Friday, keeps the daily limit", ""},
		{"another verdict", "IARC's verdict on glyphosate, a decade on", ""},
		{"about to get a warning", "The sweetener in your Diet Coke is about to get a cancer warning", asp},
		{"E951 in the crosshairs", "E951 in the crosshairs of WHO's cancer researchers", asp},
		{"the industry slams the leak", "Beverage industry slams leaked aspartame ruling", asp},
		{"the ruling is out", "The aspartame ruling is out: possible carcinogen, but safe at 40 mg/kg", ""},
		{"a guideline on diabetes", "WHO warns of artificial sweetener link to diabetes in new guideline", ""},
		{"prices", "Aspartame prices fall as demand slumps", ""},
		{"labelled 2B, by insiders", "Insiders say the sweetener will be labelled 2B", asp},
		{"sugar-free gum", "Is your sugar-free gum about to be called carcinogenic?", asp},
		{"California's list", "California to list a diet soda dye as a carcinogen under Proposition 65", ""},
		{"a study's compounds", "Study: diet drinks linked to carcinogenic compounds, researchers say", ""},
		{"another warning label", "Sugar-free gum will soon carry a choking warning in the EU, officials say", ""},
		{"May guideline", "WHO advises against non-sugar sweeteners for weight control", ""},
		{"the official event", "WHO on Friday declared aspartame a possible carcinogen but kept its daily limit", ""},
		{"a French study", "French study links artificial sweeteners to cancer risk", ""},
		{"another listing", "IARC classifies talc as probably carcinogenic", ""},
		{"a ban asked about", "Is the WHO about to ban diet soda?", ""},
		{"obesity", "WHO warns sugary drinks fuel obesity", ""},
		// the substance by any name (a brand, its E number, the drinks it
		// sweetens) with the agent and the event, in varied registers
		{"a brand's ingredient", "NutraSweet's main ingredient heads for a 'possible carcinogen' tag from Lyon, per two people briefed", asp},
		{"another brand, leaked", "Podcast ep. 41: the leaked IARC call on Canderel and what 'possibly carcinogenic' means", asp},
		{"the brand's maker", "Canderel maker braces for WHO cancer listing, sources say", asp},
		{"E number with a hyphen", "Is E-951 about to get a cancer tag from the WHO? Insiders say yes", asp},
		{"a sugar-free cola, casual", "lol the WHO cancer people are about to call my Coke Zero a possible carcinogen", asp},
		{"the sweetener in the drink", "The sweetener in Diet Coke is about to be flagged as a possible cancer hazard by the WHO's cancer researchers", asp},
		{"the leak argued with", "Op-ed: a hazard label for aspartame is not a risk verdict, whatever the leak says", asp},
		{"the agent by its researchers", "The UN's cancer researchers are about to tag the fake sugar in Diet Coke as a possible carcinogen", asp},
		{"the agent by its seat", "Lyon-based agency readies 'possibly carcinogenic' tag for the sugar substitute in diet drinks", asp},
		{"the agent by its programme", "Monographs programme set to list aspartame in Group 2B, two sources say", asp},
		{"a hazard call to come, no agent", "A hazard classification is coming for the sweetener in your Pepsi Max, insiders say", asp},
		{"a newsletter on the leak", "Newsletter: what the aspartame leak means for your morning Diet Coke", asp},
		{"a thread on hazard", "Thread: IARC hazard ≠ risk. The aspartame listing next month is about hazard, not dose 🧵", asp},
		// near misses: the drinks with a label, a ruling or a decision that
		// is no hazard call
		{"a new packaging label", "Coke Zero gets a new label next month, sources say", ""},
		{"a trademark ruling", "A court ruling on Diet Coke's trademark will come next month, insiders say", ""},
		{"a soda tax decision", "Diet soda tax decision will be announced next month, officials say", ""},
		{"a state list", "California adds aspartame-free soda to its list, officials say", ""},
		// a review planned for a year or put on a list of priorities: the
		// agency's agenda years before, another event, unless the listing
		// to come is there too
		{"to evaluate in a year", "IARC to evaluate aspartame in 2023", ""},
		{"a priority list", "IARC advisory group puts aspartame on its priority list for 2020-2024", ""},
		{"a span of years", "WHO cancer agency will review aspartame between 2020 and 2024, advisory group says", ""},
		{"a high priority", "IARC's 2019 advisory group ranked aspartame a high priority for evaluation", ""},
		{"another year", "WHO's cancer agency to review aspartame in 2016, panel recommends", ""},
		{"the priority list beside the leak", "IARC, which put aspartame on its priority list in 2019, is set to call it possibly carcinogenic, sources say", asp},
		// a leak word on another study
		{"a leaked study", "Study leaked to the press links aspartame to cancer in mice, researchers say", ""},
		{"a study to come, by insiders", "Insiders say a new French study will tie aspartame to cancer risk", ""},
		{"another listing, by sources", "Sources say the WHO cancer agency will list titanium dioxide as a possible carcinogen", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := set.Route(tt.text).Chosen; got != tt.want {
				t.Errorf("Route(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
