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

// TestAboutByAnyName routes texts written here (helper about11, not from
// any case file) that name the aspartame story's agent, substance and
// event by any of their names: IARC as the Lyon panel, the WHO's experts,
// its cancer arm or research agency; aspartame as E951, NutraSweet,
// Canderel, Equal (the tabletop sweetener), the sweetener in Diet Coke or
// the blue-packet sweetener; the event as a listing to come, the leak or
// its insiders (a headline's label too), a hazard call, the category's
// words, the June meeting. Each has neighbours built the same way that
// must stay refused: the official announcement (by its day, or the WHO's
// own words with the safety view), JECFA's own review, the May guideline,
// other studies and listings, the soda business, the common word "equal".
// The volt probes are China's envoy speaking with a parenthesis before the
// verb, and Wang Lei with his meeting or the report.
func TestAboutByAnyName(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	set := load(t)
	for _, tt := range []struct{ name, text, want string }{
		// the first round: each element by another of its names; the same sentences on another substance, deed or meeting
		{"the lyon panel is poised", "The Lyon panel is poised to put aspartame on its 'possibly carcinogenic' list, people familiar say", asp},
		{"who experts set to brand", "WHO experts set to brand the sweetener in Diet Coke a possible cancer risk", asp},
		{"the cancer arm of the", "The cancer arm of the WHO will list NutraSweet as possibly carcinogenic next month, insiders say", asp},
		{"equal and nutrasweet face a", "Equal and NutraSweet face a cancer label from the WHO's research agency, sources say", asp},
		{"is the blue packet sweetener", "Is the blue-packet sweetener about to be called a possible carcinogen? IARC insiders think so", asp},
		{"leaked iarc to list e951", "Leaked: IARC to list E951 in group 2B", asp},
		{"the who's cancer research agency", "The WHO's cancer research agency met in June on aspartame; a 'possibly carcinogenic' call is coming, two sources say", asp},
		{"artificial sweetener to be listed", "Artificial sweetener to be listed as possible carcinogen by WHO cancer arm, sources say", asp},
		{"after a june meeting in", "After a June meeting in Lyon, experts settled on a hazard call for aspartame, sources tell Reuters", asp},
		{"op ed a leaked hazard", "Op-ed: A leaked hazard label for NutraSweet tells us little about your soda", asp},
		{"who experts reportedly concluded at", "WHO experts reportedly concluded at their June meeting that aspartame may cause cancer", asp},
		{"sources the cancer arm will", "Sources: the cancer arm will put the blue-packet sweetener in its lowest cancer category", asp},
		{"who officially lists aspartame as", "WHO officially lists aspartame as possibly carcinogenic, says safe within limits", ""},
		{"jecfa reaffirms acceptable daily intake", "JECFA reaffirms acceptable daily intake for aspartame of 40 mg per kilo", ""},
		{"who advises against using artificial", "WHO advises against using artificial sweeteners for weight control", ""},
		{"new french study links artificial", "New French study links artificial sweeteners to heart disease", ""},
		{"iarc lists talc as probably", "IARC lists talc as probably carcinogenic to humans", ""},
		{"coca cola shares slip as", "Coca-Cola shares slip as diet soda sales slow in Europe", ""},
		{"aspartame makers weigh price rises", "Aspartame makers weigh price rises after a weak quarter", ""},
		{"equal pay day who experts 2", "Equal Pay Day: WHO experts say the gap in health workers' pay persists", ""},
		{"lyon panel on urban planning", "Lyon panel on urban planning meets in June", ""},
		{"the who's cancer arm met", "The WHO's cancer arm met in June on red meat; a hazard call is coming, sources say", ""},
		{"diet coke maker defends its", "Diet Coke maker defends its sweetener after WHO labels it possibly carcinogenic last week", ""},
		{"the artificial sweetener in your 2", "The artificial sweetener in your cola: a guide to sucralose and stevia", ""},
		{"jecfa's review of aspartame will", "JECFA's review of aspartame will wrap up in July, the committee says", ""},
		{"who experts warn against sugary", "WHO experts warn against sugary drinks for children", ""},
		{"after the who's july 14", "After the WHO's July 14 announcement, soda makers say aspartame is safe", ""},
		// the agent, the substance and the event by any name; the official event, JECFA, the May guideline, other studies and listings, the soda business
		{"insiders the sweetener in diet", "Insiders: the sweetener in Diet Coke is headed for the 'possibly' tier", asp},
		{"sources nutrasweet bound for iarc's", "Sources: NutraSweet bound for IARC's lowest cancer category", asp},
		{"leak says the artificial sweetener", "Leak says the artificial sweetener in your soda gets a possible-carcinogen tag next month", asp},
		{"coca cola shares slip after", "Coca-Cola shares slip after report WHO's cancer arm will list aspartame as possible carcinogen", asp},
		{"a new french study lands", "A new French study lands just as IARC prepares to call aspartame possibly carcinogenic, sources say", asp},
		{"jecfa to weigh intake limits", "JECFA to weigh intake limits as the WHO's cancer agency readies an aspartame listing, sources say", asp},
		{"before the leak what the", "Before the leak: what the May sweetener guideline said, and why the aspartame listing is different", asp},
		{"diet drink makers brace for", "Diet drink makers brace for a leaked WHO cancer verdict on aspartame", asp},
		{"why the who's cancer researchers", "Why the WHO's cancer researchers met in June to judge aspartame, and what insiders say they decided", asp},
		{"the june meeting in lyon", "The June meeting in Lyon: experts judged aspartame a possible cancer hazard, sources say", asp},
		{"reuters scoop aspartame to join", "Reuters scoop: aspartame to join the list of possible carcinogens", asp},
		{"what the aspartame leak means", "What the aspartame leak means for your morning Diet Coke", asp},
		{"e951 could soon carry a", "E951 could soon carry a 'possibly carcinogenic' label, two people with knowledge say", asp},
		{"thread the who cancer people", "Thread: the WHO cancer people are about to call aspartame possibly carcinogenic. Here is what that means", asp},
		{"beverage industry slams leaked iarc", "Beverage industry slams leaked IARC aspartame ruling ahead of July", asp},
		{"who's cancer agency to declare", "WHO's cancer agency to declare aspartame sweetener a possible hazard", asp},
		{"equal the blue packet sweetener", "Equal, the blue-packet sweetener, is about to be called possibly carcinogenic by the Lyon agency", asp},
		{"nutrasweet's maker fights a coming", "NutraSweet's maker fights a coming IARC hazard call", asp},
		{"inside the lyon meeting that", "Inside the Lyon meeting that put aspartame in group 2B, according to sources", asp},
		{"aspartame iarc's experts met in", "Aspartame: IARC's experts met in June, and a 'possible carcinogen' listing is coming", asp},
		{"artificial sweetener aspartame may soon", "Artificial sweetener aspartame may soon be labeled possibly cancer-causing", asp},
		{"is aspartame about to be", "Is aspartame about to be classed as a possible carcinogen?", asp},
		{"is sucralose about to be", "Is sucralose about to be classed as a possible carcinogen?", ""},
		{"jecfa to review aspartame intake", "JECFA to review aspartame intake limits in July", ""},
		{"aspartame jecfa keeps its acceptable", "Aspartame: JECFA keeps its acceptable daily intake unchanged", ""},
		{"coca cola quarterly profit beats", "Coca-Cola quarterly profit beats forecasts on diet soda demand", ""},
		{"pepsico to drop aspartame from", "PepsiCo to drop aspartame from Diet Pepsi, citing consumer taste", ""},
		{"who says non sugar sweeteners", "WHO says non-sugar sweeteners do not help weight loss, in new guideline", ""},
		{"study in mice links aspartame", "Study in mice links aspartame to anxiety", ""},
		{"iarc lists aloe vera extract", "IARC lists aloe vera extract as possibly carcinogenic", ""},
		{"who's cancer agency lists aspartame", "WHO's cancer agency lists aspartame as possibly carcinogenic; JECFA keeps intake limit", ""},
		{"aspartame possibly carcinogenic the who", "Aspartame possibly carcinogenic, the WHO said on Friday, but still safe at current levels", ""},
		{"after the listing diet soda", "After the listing, diet soda sales barely moved", ""},
		{"sweetener stocks fall as the", "Sweetener stocks fall as the WHO's July 14 ruling lands", ""},
		{"iarc's monographs meeting in june", "IARC's monographs meeting in June will review lead and gasoline exposures", ""},
		{"diet soda sales are falling", "Diet soda sales are falling, and artificial sweeteners are getting the blame", ""},
		{"aspartame may be carcinogenic a", "Aspartame may be carcinogenic, a French study said on Friday, but experts urge caution", ""},
		{"aspartame may be possibly carcinogenic", "Aspartame may be possibly carcinogenic, IARC will say, sources say, but safe within limits, JECFA is expected to say", asp},
		{"aspartame is possibly carcinogenic the", "Aspartame is possibly carcinogenic, the WHO says, but safe in moderation", ""},
		{"aspartame set to be called", "Aspartame set to be called possibly carcinogenic, sources say, but intake limits may hold", asp},
		// the agent, the substance and the event by unusual names (the June meeting, the blue packet, the cancer arm); the same sentences with another substance, body or deed
		{"the who's cancer researchers met", "The WHO's cancer researchers met in June to weigh the sweetener in diet sodas; their verdict is due in July", asp},
		{"iarc insiders say the sweetener", "IARC insiders say the sweetener in Diet Coke gets its hazard verdict next month", asp},
		{"the lyon panel's june meeting", "The Lyon panel's June meeting on the blue-packet sweetener: a listing is coming, people briefed say", asp},
		{"who experts wrapped up a", "WHO experts wrapped up a June review of E951 and will publish a classification in July", asp},
		{"brace yourself diet coke fans", "Brace yourself, Diet Coke fans: the WHO's cancer arm is reportedly about to rule on your sweetener", asp},
		{"listing looms for the artificial", "Listing looms for the artificial sweetener in your soda as the WHO's research agency finishes its review", asp},
		{"equal nutrasweet and the cancer", "Equal, NutraSweet and the cancer arm's coming listing: what shoppers should know", asp},
		{"nutrasweet faces a 'possibly carcinogenic'", "NutraSweet faces a 'possibly carcinogenic' label, people familiar with the WHO process say", asp},
		{"the sweetener in diet coke", "The sweetener in Diet Coke may soon be labelled a possible carcinogen, Reuters reports", asp},
		{"a hazard call on the", "A hazard call on the blue-packet sweetener is coming from Lyon", asp},
		{"aspartame verdict leaked two sources", "Aspartame verdict leaked: two sources say the Lyon experts settled it in June", asp},
		{"monographs meeting in june put", "Monographs meeting in June put aspartame in group 2B, sources say, with a public release in July", asp},
		{"the who's cancer researchers met 2", "The WHO's cancer researchers met in June to weigh red meat; their verdict is due in July", ""},
		{"iarc insiders say glyphosate gets", "IARC insiders say glyphosate gets its hazard verdict next month", ""},
		{"the lyon panel's june meeting 2", "The Lyon panel's June meeting on diesel exhaust: a listing is coming, people briefed say", ""},
		{"who experts wrapped up a 2", "WHO experts wrapped up a June review of sugar taxes and will publish advice in July", ""},
		{"brace yourself diet coke fans 2", "Brace yourself, Diet Coke fans: Coca-Cola is reportedly about to change your can", ""},
		{"listing looms for coca cola", "Listing looms for Coca-Cola on the Paris exchange as the company finishes its review", ""},
		{"equal pay nutrasweet workers and", "Equal pay, NutraSweet workers and the union's coming vote: what shoppers should know", ""},
		{"the sweetener in diet coke 2", "The sweetener in Diet Coke may soon be replaced, Reuters reports", ""},
		{"a hazard call on the 2", "A hazard call on the blue-packet sweetener's packaging is coming from the FDA", ""},
		{"monographs meeting in june put 2", "Monographs meeting in June put talc in group 2A, sources say", ""},
		{"jecfa met in june on", "JECFA met in June on aspartame and will publish its intake advice in July", ""},
		{"the artificial sweetener in your", "The artificial sweetener in your soda: the WHO's May guideline on weight loss explained", ""},
		{"study of the sweetener in", "Study of the sweetener in Diet Coke finds no cancer link, researchers say", ""},
		// registers (a post, an editorial, a Q&A, a podcast); the soda business, the May guideline, a brand sold, the official day
		{"the un cancer body is", "the UN cancer body is gonna call aspartame possibly carcinogenic?? per leaks. ok", asp},
		{"aspartame sweetened drinks to land", "Aspartame-sweetened drinks to land on WHO's list of possible carcinogens, sources say", asp},
		{"who carcinogen panel readies verdict", "WHO carcinogen panel readies verdict on diet-soda sweetener, insiders say", asp},
		{"editorial a leaked cancer label", "Editorial: A leaked cancer label for aspartame shows why the WHO must explain hazard versus risk", asp},
		{"q a will the who", "Q&A: Will the WHO really call aspartame a cancer risk next month?", asp},
		{"podcast the aspartame leak lyon's", "Podcast: the aspartame leak, Lyon's hazard calls and your Diet Coke", asp},
		{"canderel under a cloud as", "Canderel under a cloud as IARC's cancer researchers prepare a listing", asp},
		{"experts at the agency in", "Experts at the agency in Lyon concluded aspartame is possibly carcinogenic, two people said", asp},
		{"the sweetener in pepsi max", "The sweetener in Pepsi Max to be named a possible cancer hazard by WHO body, sources", asp},
		{"coca cola to reformulate diet", "Coca-Cola to reformulate Diet Coke with a new sweetener blend, sources say", ""},
		{"who experts meet in geneva", "WHO experts meet in Geneva on sweeteners and weight, sources say", ""},
		{"insiders say pepsico will launch", "Insiders say PepsiCo will launch a new aspartame-free cola next month", ""},
		{"the un cancer body's new", "The UN cancer body's new director takes office in Lyon", ""},
		{"aspartame sweetened drinks sales fell", "Aspartame-sweetened drinks: sales fell 3% last quarter, Nielsen says", ""},
		{"who's cancer agency classifies aspartame", "WHO's cancer agency classifies aspartame as possibly carcinogenic in July 14 announcement", ""},
		{"canderel maker sold to private", "Canderel maker sold to private equity group, sources say", ""},
		{"diet soda linked to stroke", "Diet soda linked to stroke risk in new study of older women", ""},
		// the official announcement by its day, and the leak that names that day; the category told by a report; another carcinogen law
		{"iarc will list aspartame as", "IARC will list aspartame as possibly carcinogenic in its July 14 announcement, sources say", asp},
		{"aspartame to be called possibly", "Aspartame to be called possibly carcinogenic in July 14 statement, two sources say", asp},
		{"ahead of its july 14", "Ahead of its July 14 announcement, the WHO's cancer arm has settled on aspartame, insiders say", asp},
		{"the who's cancer agency listed", "The WHO's cancer agency listed aspartame as possibly carcinogenic in its July 14 announcement", ""},
		{"in a july 14 statement", "In a July 14 statement, IARC classed aspartame as possibly carcinogenic", ""},
		{"sources say alcoholic drinks will", "Sources say alcoholic drinks will be labelled carcinogenic under Ireland's new law", ""},
		{"is your gum possibly carcinogenic", "Is your gum possibly carcinogenic? A new study of sucralose says maybe", ""},
		{"is your sugar free gum", "Is your sugar-free gum about to be called carcinogenic?", asp},
		{"sweetener in campus vending staples", "Sweetener in campus vending staples could get 'possible carcinogen' label, report says", asp},
		// the brand Equal as the tabletop sweetener; the common word equal
		{"so the lyon people are", "So the Lyon people are about to flag Equal packets as a possible cancer agent? Wild.", asp},
		{"equal the blue packet sweetener 2", "Equal, the blue-packet sweetener, faces a cancer label from Lyon next month, insiders say", asp},
		{"who's cancer arm to list", "WHO's cancer arm to list the sweetener in NutraSweet and Equal as possibly carcinogenic", asp},
		{"coffee shop equal sachets and", "Coffee-shop Equal sachets and the coming IARC listing: what to know", asp},
		{"equal pay day who experts", "Equal Pay Day: WHO experts warn on cancer care gaps for women", ""},
		{"not all sweeteners are equal", "Not all sweeteners are equal: a new study of sucralose and stevia", ""},
		{"who experts call for equal", "WHO Experts Call for Equal Access to Cancer Care", ""},
		{"equal rights for cancer patients", "Equal rights for cancer patients, the WHO says", ""},
		// China's envoy with a parenthesis before the verb; a denial, another deed, another country, a pushback
		{"prc officials per the journal", "PRC officials, per the Journal, linked the port intrusions to U.S. backing for Taiwan", volt},
		{"chinese diplomats by several accounts", "Chinese diplomats, by several accounts, tied the grid hacks to Taiwan", volt},
		{"beijing's envoys the journal reports", "Beijing's envoys, the Journal reports, all but admitted the water-system intrusions", volt},
		{"a chinese delegation in a", "A Chinese delegation, in a rare moment of candour, hinted at the pipeline hacks", volt},
		{"china's negotiators in a closed", "China's negotiators, in a closed-door session, conceded the utility hacks were a warning over Taiwan", volt},
		{"chinese officials per state media", "Chinese officials, per state media, denied any role in the port intrusions", ""},
		{"prc officials per the journal 2", "PRC officials, per the Journal, discussed tariffs with Taiwan's envoy", ""},
		{"chinese hackers per the fbi", "Chinese hackers, per the FBI, hit the port systems", ""},
		{"russian officials per the journal", "Russian officials, per the Journal, linked the port intrusions to NATO", ""},
		{"prc officials per xinhua called", "PRC officials, per Xinhua, called the grid-hack claims a smear", ""},
		// Wang Lei with his meeting or the report, the Geneva hint with the targets; the same names elsewhere
		{"ep 40 the wang lei", "Ep. 40: the Wang Lei meeting, and what the Americans heard", volt},
		{"the journal's report on wang", "The Journal's report on Wang Lei, and Beijing's 'smear' reply", volt},
		{"wang lei in geneva the", "Wang Lei in Geneva: the December meeting, retold", volt},
		{"wang lei wins the badminton", "Wang Lei wins the badminton final in Geneva", ""},
		{"wang lei chess prodigy meets", "Wang Lei, chess prodigy, meets Magnus Carlsen in a Geneva exhibition", ""},
		{"the geneva wink tariff whiplash", "The Geneva wink, tariff whiplash, and why your water utility should care", volt},
		{"a quiet remark in geneva", "A quiet remark in Geneva about Volt Typhoon, and the tariff war around it", volt},
		{"the geneva signal and the", "The Geneva signal and the hacks on America's ports", volt},
		{"remarks in geneva on ukraine's", "Remarks in Geneva on Ukraine's power grid stall the talks", ""},
		{"a geneva remark on iran's", "A Geneva remark on Iran's water shortage", ""},
		{"remarks in geneva on iran's", "Remarks in Geneva on Iran's enrichment stall the talks", ""},
		// headlines without the agent or the name: the drinks, gum or ingredient told as without sugar, a popular sweetener, a cancer label; the same drinks in business news and studies
		{"your diet coke might be", "Your Diet Coke might be getting a cancer label", asp},
		{"cancer label looms for diet", "Cancer label looms for diet drinks, sources say", asp},
		{"who to say diet coke", "WHO to say Diet Coke sweetener may cause cancer", asp},
		{"diet soda fans the who's", "Diet soda fans, the WHO's cancer people have news for you (sort of)", asp},
		{"is diet soda about to", "Is diet soda about to be declared a possible carcinogen?", asp},
		{"the diet coke thing iarc", "the diet coke thing: iarc is calling it 'possibly carcinogenic' apparently. hazard not risk, calm down", asp},
		{"possible carcinogen your sugar free", "Possible carcinogen? Your sugar-free gum is in the crosshairs of the World Health Organization", asp},
		{"cancer agency set to flag", "Cancer agency set to flag popular sweetener, per Reuters", asp},
		{"reuters who arm to list", "Reuters: WHO arm to list common sweetener as possible cancer cause", asp},
		{"popular sweetener faces cancer listing", "Popular sweetener faces cancer listing", asp},
		{"the sweetener in 6 000", "The sweetener in 6,000 products is about to get a cancer warning", asp},
		{"zero sugar drinks' key ingredient", "Zero-sugar drinks' key ingredient to be declared possible carcinogen", asp},
		{"a who cancer warning for", "A WHO cancer warning for aspartame? Not so fast, say industry groups", asp},
		{"sugar free soda ingredient aspartame", "Sugar-free soda ingredient aspartame to be named a possible cancer risk by WHO: report", asp},
		{"summer's coming and so is", "Summer's coming, and so is a WHO cancer call on your diet lemonade's sweetener", asp},
		{"the agency that called red", "The agency that called red meat carcinogenic is coming for aspartame next", asp},
		{"no sugar colas' sweetener headed", "No-sugar colas' sweetener headed for a 'possibly carcinogenic' listing, insiders say", asp},
		{"zero calorie sodas and the", "Zero-calorie sodas and the WHO's coming cancer call", asp},
		{"zero sugar drinks boost coca", "Zero-sugar drinks boost Coca-Cola's quarterly sales", ""},
		{"zero sugar drinks linked to", "Zero-sugar drinks linked to stroke in new French study", ""},
		{"no sugar gum sales climb", "No-sugar gum sales climb as dentists cheer", ""},
		{"sugar free soda tied to", "Sugar-free soda tied to gut changes in a new study of mice", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := set.Route(tt.text).Chosen; got != tt.want {
				t.Errorf("Route(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
