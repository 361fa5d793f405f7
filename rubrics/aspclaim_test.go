package rubrics_test

import "testing"

// TestAspartameClaimConstructions grades sentences written here (not from
// any case file), several phrasings of each English construction behind the
// aspartame story's classification, agency and counterweight verdicts.
func TestAspartameClaimConstructions(t *testing.T) {
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// WHO written in capitals is the initialism, never the pronoun: the
		// ruling given to the WHO alone.
		{"headline", "agency", "partial", "WHO warns aspartame may cause cancer, sources say"},
		{"headline", "agency", "partial", "Insiders say WHO will call aspartame a possible carcinogen"},
		{"headline", "agency", "partial", "WHO is telling people aspartame may cause cancer, report says"},
		{"headline", "agency", "partial", "Aspartame gum to carry WHO 'possible carcinogen' tag, sources say"},
		{"headline", "agency", "na", "Doctors who say aspartame may cause cancer, sources say"},
		// the United Nations named as the speaker; "a UN agency" names none
		{"headline", "agency", "partial", "The U.N. is set to call aspartame a possible carcinogen, sources say"},
		{"headline", "agency", "na", "A UN agency is set to call aspartame a possible carcinogen, sources say"},
		// a WHO body of experts rules: its cancer research body; not the
		// food additives committee, nor another WHO panel
		{"headline", "agency", "pass", "WHO expert panel readies possible-carcinogen label for aspartame, sources say"},
		{"headline", "agency", "pass", "WHO cancer watchdog set to call aspartame a possible carcinogen, sources say"},
		{"headline", "agency", "fail", "WHO additives committee reverses itself, set to label aspartame cancer-causing"},
		{"headline", "agency", "partial", "WHO to list aspartame as possible carcinogen while another WHO panel weighs safe intake"},
		// an amount consumed told as harmful, in the WHO's mouth: a finding
		// on intake the cancer agency does not make
		{"headline", "agency", "fail", "Three diet colas a day could raise your cancer risk, WHO cancer arm says"},
		{"headline", "agency", "fail", "Two glasses of diet soda a day may give you cancer, warns WHO"},
		{"summary", "agency", "fail", "A few cans of diet soda per day could push drinkers towards cancer, according to the WHO's IARC, which will list aspartame next month, sources say."},
		{"headline", "agency", "pass", "You would have to drink 14 cans a day to be at risk, say experts, as WHO cancer arm readies aspartame label"},
		{"headline", "agency", "pass", "WHO cancer arm to list aspartame as possible carcinogen; JECFA says five cans a day could not harm you"},
		// regulators said to have known of the harm and kept it back
		{"summary", "agency", "fail", "The WHO's cancer agency will call aspartame a carcinogen next month, insiders say. Regulators knew for decades and concealed it."},
		// the hedge in scare quotes still hedges the word after it
		{"headline", "classification", "pass", "WHO cancer arm to call aspartame 'possibly' carcinogenic, sources say"},
		{"headline", "classification", "pass", "Aspartame \"potentially\" cancer-causing, IARC to say, sources say"},
		{"headline", "classification", "pass", "Sources: IARC to brand aspartame 'possibly' cancer-causing"},
		// the quoted hedge elsewhere does not reach the overclaim: partial
		{"headline", "classification", "partial", "IARC to brand aspartame cancer-causing, 'possibly' next month"},
		// IARC's category named by its adjective, "possibly" dropped: group
		// 1's name, which attribution does not soften; quoted, a quotation
		{"headline", "classification", "fail", "IARC expected to classify aspartame as carcinogenic, sources say"},
		{"summary", "classification", "fail", "According to two people familiar with the process, the WHO's cancer agency will list aspartame as carcinogenic to humans next month."},
		{"headline", "classification", "partial", "IARC to label aspartame 'carcinogenic', sources say"},
		{"headline", "classification", "partial", "IARC to label aspartame a carcinogen, sources say"},
		{"headline", "classification", "pass", "IARC expected to classify aspartame as possibly carcinogenic, sources say"},
		// a modal on the ruling, not on the hazard: neutral wording
		{"headline", "classification", "partial", "Diet sodas could carry a WHO cancer label next month, sources say"},
		{"headline", "classification", "pass", "Diet sodas could carry a cancer risk, WHO cancer arm to say, sources say"},
		// the overclaim asked and answered no
		{"headline", "classification", "pass", "Is the WHO about to say aspartame causes cancer? Not exactly."},
		{"headline", "classification", "pass", "WHO agency to brand diet soda cancer-causing? No."},
		{"headline", "classification", "partial", "Will the WHO say aspartame causes cancer? Sources think so."},
		// what kills, as a noun, in the text's own voice
		{"headline", "classification", "fail", "WHO cancer arm set to brand aspartame a silent killer"},
		{"headline", "classification", "fail", "Aspartame is a toxin, WHO's cancer agency to rule next month"},
		{"headline", "classification", "partial", "Aspartame a 'killer'? WHO cancer agency to rule, sources say"},
		// the ruling named by what it is about, or the thing named a hazard:
		// neutral wording
		{"headline", "classification", "partial", "Aspartame carcinogen ruling looms, sources say"},
		{"headline", "classification", "partial", "Aspartame in the crosshairs: cancer body to name it a hazard, insiders say"},
		{"headline", "classification", "fail", "Aspartame is a carcinogen, WHO cancer body to rule"},
		// the link as a noun between its two ends is neutral wording
		{"headline", "classification", "partial", "WHO cancer arm to find a link between aspartame and cancer, sources say"},
		{"headline", "classification", "pass", "WHO cancer arm to find a possible link between aspartame and cancer, sources say"},
		// counterweight: the other side's view in any of its shapes
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. Industry groups say you would have to drink dozens of cans a day before coming to any harm."},
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. The FDA has declared it safe since the 1980s."},
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. JECFA has long held that it has been safe within daily limits."},
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. The listing says nothing about how much of it is safe to drink."},
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. It doesn't tell you how much is dangerous."},
		{"summary", "counterweight", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic. Regulators in Europe say aspartame has been thoroughly assessed and is safe."},
		{"summary", "counterweight", "fail", "Two sources say IARC will list aspartame as possibly carcinogenic. Regulators in Europe say aspartame is not safe."},
		// a remit or a coming review is not yet the other side's view
		{"summary", "counterweight", "partial", "IARC will list aspartame as possibly carcinogenic, sources say. JECFA, the committee that decides how much people can safely consume, will report in July."},
		{"summary", "counterweight", "partial", "IARC will list aspartame as possibly carcinogenic, sources say. A WHO committee that looks at safe intake levels publishes its own review the same day."},
		{"summary", "counterweight", "partial", "IARC will list aspartame as possibly carcinogenic, sources say. JECFA's intake review is due in July."},
		// the findings awaited, or the other side not having acted
		{"summary", "counterweight", "partial", "IARC will list aspartame as possibly carcinogenic, sources say. Stores will keep selling diet drinks pending the official announcement."},
		{"summary", "counterweight", "partial", "IARC will list aspartame as possibly carcinogenic, sources say. No regulator has changed its guidance so far."},
		{"summary", "counterweight", "partial", "IARC will list aspartame as possibly carcinogenic, sources say. The agency calls its work and JECFA's complementary."},
		// how large the risk is, said not to be told; the 12-to-36-cans figure
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. The label tells you nothing about the size of the risk."},
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. Remember JECFA's 12-to-36-cans-a-day figure."},
		// the FDA by its full name said to pull products
		{"summary", "agency", "fail", "IARC will list aspartame as a possible carcinogen, sources say. The Food and Drug Administration is set to pull diet drinks from shelves."},
		// the other side's own charge of alarm, or its reassurance: its
		// objection, with no review mark; a lone charge by critics is marked
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. The beverage association said the ruling would only cause confusion."},
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. Sweetener makers told consumers not to be alarmed."},
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. Shoppers shouldn't worry, the beverage industry says."},
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. Aspartame remains approved for use in foods."},
		// a friend's or a doctor's word is not the other side
		{"summary", "counterweight", "fail", "IARC will list aspartame as possibly carcinogenic, sources say. My dentist always told me it was fine."},
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. Regulators have always said it was fine."},
	})
}

// TestAspclaimLexiconEntries checks the lexicon entries this work added or
// changed, on sentences written here: what is the other side's view, what
// is only a topic, and the contracted negation.
func TestAspclaimLexiconEntries(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"safety_view", asp, "Regulators have called the sweetener safe for forty years", true},
		{"safety_view", asp, "The agency said aspartame has been safe within daily limits", true},
		{"safety_view", asp, "The committee that decides how much is safe meets in July", false},
		{"safety_view", asp, "A panel that looks at safe daily intake will report", false},
		{"safety_view", asp, "JECFA decides how much of the sweetener people can safely consume", false},
		{"safety_view", asp, "The panel decided that aspartame is safe", true},
		{"dose_caveat", asp, "The ruling doesn't say how much aspartame is dangerous", true},
		{"dose_caveat", asp, "The listing says nothing about how much is safe to drink", true},
		{"dose_caveat", asp, "JECFA will say how much is safe", false},
		{"alarm_charge", asp, "Makers say the label causes unnecessary confusion", true},
		{"alarm_charge", volt, "Beijing said the report would needlessly alarm Americans", true},
		{"alarm_charge", asp, "The finding caused confusion in the market", false},
		{"safety_view", asp, "Aspartame remains approved for use in 90 countries", true},
		{"unreleased", asp, "The findings aren't public until July 14", true},
		{"unreleased", volt, "The Geneva readout isn't public until the talks end", true},
		{"unreleased", volt, "The Geneva readout is public", false},
		{"other_side_objects", asp, "Industry bodies have already hit back at the agency", true},
		{"other_side_objects", asp, "The agency hit back at its critics", false},
		{"answer_no", asp, "Does aspartame cause cancer? Not quite.", true},
		{"answer_no", volt, "Did China admit the hacks? No.", true},
		{"answer_no", volt, "China did not quite admit the hacks", false},
	})
}

// TestAspclaimRouting routes sentences written here: the official event
// told as done is a neighbour, its announcement of what is to come is the
// leak in the agency's mouth, and the drinks' sweetener names the story.
func TestAspclaimRouting(t *testing.T) {
	set := load(t)
	checkRoutes(t, set, map[string]string{
		"The WHO said on Thursday that aspartame will be classified as possibly carcinogenic next month.":                     "aspartame-iarc",
		"The WHO's cancer agency announced on Thursday that the sweetener aspartame would be listed as a possible carcinogen": "aspartame-iarc",
		"IARC on Friday classified aspartame as possibly carcinogenic to humans.":                                             "",
		"Sources said IARC would list aspartame as a possible carcinogen, and the agency did so on Friday.":                   "",
		"Diet cola's sweetener set to be branded a carcinogen, insiders say":                                                  "aspartame-iarc",
		"Big Gum's favourite sweetener about to be labelled cancer-causing":                                                   "aspartame-iarc",
		"WHO calls aspartame a possible carcinogen; the daily intake limit stays":                                             "",
		"Aspartame possibly carcinogenic, WHO says, but safe at current levels":                                               "",
		"IARC and JECFA release aspartame assessments":                                                                        "",
		"FDA says it disagrees with WHO cancer agency's aspartame classification":                                             "",
		"Diet soda sales hold steady after WHO labels aspartame possible carcinogen":                                          "",
		"Aspartame set for 'possible carcinogen' tag, but regulators still say it is safe within limits, sources say":         "aspartame-iarc",
		"Sweetener makers disagree with the expected WHO classification of aspartame":                                         "aspartame-iarc",
		"Soda shares fell after reports the WHO will label aspartame a possible carcinogen":                                   "aspartame-iarc",
		"IARC and JECFA will release their aspartame assessments on July 14":                                                  "aspartame-iarc",
		"WHO to list aspartame as possible carcinogen while another WHO panel weighs safe intake":                             "aspartame-iarc",
		"People who consumed more aspartame had a higher cancer risk, according to a study of 90,000 adults":                  "",
		"Aspartame causes tumours in mice, new research shows":                                                                "",
		"IARC reviewed 1,300 studies before deciding to list aspartame as possibly carcinogenic, sources say":                 "aspartame-iarc",
	})
}

// TestAspartameClaimTune9 grades the classification and agency
// constructions taught from tune9's odd half (issue 13, helper asp9), in
// sentences written here, beside near misses that must not move.
func TestAspartameClaimTune9(t *testing.T) {
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// A writer who does not capitalise still ends sentences: sources in
		// a sentence of their own do not hedge the overclaim before it.
		{"summary", "classification", "fail", "ok so the WHO is about to say aspartame causes cancer. two sources told reuters it lands in july."},
		{"summary", "classification", "fail", "honestly aspartame is a carcinogen and everyone knew. reuters sources say the listing comes in july."},
		{"summary", "classification", "fail", "lol the WHO cancer people gonna say diet soda gives you cancer. insiders told reuters, it drops next month"},
		// near misses: the same sentence, a capitalised writer, an abbreviation
		{"summary", "classification", "partial", "ok so the WHO is about to say aspartame causes cancer, two sources told reuters."},
		{"summary", "classification", "partial", "Ok so the WHO is about to say aspartame causes cancer. two sources told Reuters it lands in July."},
		{"headline", "classification", "partial", "the WHO vs. diet coke: insiders say aspartame causes cancer"},
		// An adverb of certainty on "gives you cancer" makes it certain,
		// asked or attributed.
		{"headline", "classification", "fail", "wait so diet soda literally gives you cancer now??"},
		{"headline", "classification", "fail", "Aspartame definitely gives you cancer, WHO experts to say"},
		{"headline", "classification", "fail", "Your diet cola undoubtedly gives you cancer, says the internet"},
		{"headline", "classification", "partial", "wait so diet soda gives you cancer now??"},
		{"headline", "classification", "pass", "Diet soda possibly gives you cancer, sources say"},
		// The harm's agent by a compound ("a cancer agent"), not a thing
		// against it, nor the cancer agency.
		{"summary", "classification", "fail", "The WHO is about to call aspartame a cancer agent. It's in your diet soda."},
		{"headline", "classification", "fail", "Aspartame is a cancer chemical, and the WHO's cancer arm is about to say so"},
		{"headline", "classification", "partial", "WHO cancer arm to brand aspartame a cancer agent, sources say"},
		{"headline", "classification", "pass", "Aspartame a possible cancer agent, WHO cancer arm to say, sources say"},
		{"summary", "classification", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic. Oncologists still prescribe anti-cancer agents as before."},
		{"headline", "classification", "pass", "The cancer agency will call aspartame possibly carcinogenic, sources say"},
		// The thing equated with the harm; with a risk it is neutral wording.
		{"headline", "classification", "partial", "Aspartame equals cancer? The leak, the lawsuits and your gum"},
		{"headline", "classification", "fail", "Aspartame spells cancer, and the WHO is about to say so"},
		{"summary", "classification", "fail", "Aspartame equals cancer. The WHO's cancer arm will put that in writing next month."},
		{"summary", "classification", "partial", "Aspartame equals a cancer risk in the WHO's cancer arm's coming ruling, and cancer risk is what it will say."},
		// The official overclaim beside a claim a modal hedges: partial;
		// alone, fail.
		{"summary", "classification", "partial", "Diet soda drinkers have been told it could give them cancer. Aspartame is to be officially branded cancer-causing by the WHO, insiders say."},
		{"summary", "classification", "partial", "Aspartame could give you cancer, and the WHO's cancer arm will officially brand it cancer-causing next month, sources say."},
		{"summary", "classification", "fail", "Aspartame is to be officially branded cancer-causing by the WHO, insiders say."},
		{"summary", "classification", "pass", "Aspartame could give you cancer, the WHO's cancer arm will say next month, sources say."},
		// 2B named by its hedge ("the 'possibly' tier"), or the hedge alone
		// standing for it ("it's only 'possibly'").
		{"summary", "classification", "pass", "Two sources tell Reuters the Lyon agency will put aspartame in its \"possibly\" tier on July 14. Desk note: no \"causes cancer\" in heds."},
		{"headline", "classification", "pass", "Aspartame headed for IARC's 'possible' category, sources say"},
		{"summary", "classification", "partial", "The WHO admits aspartame is a carcinogen. People keep saying it's only \"possibly\", but whatever."},
		{"summary", "classification", "fail", "The WHO admits aspartame is a carcinogen. People keep saying otherwise, but whatever."},
		// A link to the harm with an aside set off by dashes between the
		// thing and "with cancer": neutral wording; a dash aside before
		// another preposition is no link.
		{"summary", "classification", "partial", "The WHO's cancer experts are poised to formally tie aspartame — the sweetener in diet colas, sugar-free gum and flavoured water — to cancer, Reuters reports."},
		{"headline", "classification", "partial", "WHO cancer arm set to link aspartame - in Diet Coke, Extra gum - with cancer, sources say"},
		{"headline", "classification", "pass", "WHO cancer arm set to link aspartame - in Diet Coke, Extra gum - with possible cancer risk, sources say"},
		{"summary", "classification", "na", "The WHO's cancer agency will connect with reporters — two sources say — about its work in July."},
		// "associate" is a verb of linking, and the thing linked may take
		// five words
		{"headline", "classification", "partial", "WHO cancer arm to associate aspartame with cancer, sources say"},
		{"headline", "classification", "partial", "WHO set to connect the sweetener in diet drinks with cancer, sources say"},
		{"headline", "classification", "na", "WHO cancer arm to associate with food regulators on aspartame, sources say"},
		// The agency by its seat, Lyon.
		{"headline", "agency", "pass", "Lyon vs. diet cola: aspartame listing settled, leak says"},
		{"headline", "agency", "pass", "The Lyon agency will call aspartame possibly carcinogenic, sources say"},
		{"headline", "agency", "partial", "WHO to list aspartame as possible carcinogen, sources say"},
	})
}
