package rubrics_test

import "testing"

// TestAboutByMeaning routes texts written here (not from any case file) that
// tell a story by its event in few words, and neighbours built the same way
// that no story may claim (issues 12 and 13, "about this story" by
// meaning): the campaign's name with an acknowledgment named or reported,
// the meeting by its place and month, a hint named by the meeting's place, the drinks in the possessive, "the
// sweetener" as a noun's modifier, a ruling called recent (made: the
// official event) and one told as coming.
func TestAboutByMeaning(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	set := load(t)
	for _, tt := range []struct{ text, want string }{
		// the campaign by its name stands for China's hacks: an
		// acknowledgment beside it is China's
		{"Volt Typhoon and the confession nobody saw coming", volt},
		{"So that's the Volt Typhoon admission everyone is talking about", volt},
		{"Volt Typhoon: they more or less owned up to it, the Journal reports", volt},
		{"Volt Typhoon hackers kept access to Guam utilities for years, Microsoft says", ""},
		{"Volt Typhoon botnet taken down; FBI says routers were cleaned", ""},
		{"Salt Typhoon and the admission nobody made", ""},
		// the meeting by its place and month, with what it was about
		{"It was Geneva, it was December, and it was all about Taiwan", volt},
		{"Geneva, last December: what a Chinese envoy told Biden's aides", volt},
		{"Geneva talks in December on Syria end without a deal", ""},
		{"U.S. and Chinese negotiators meet in Geneva to extend tariff truce", ""},
		{"Geneva in December: Biden and Putin's cyber summit remembered", ""},
		// a hint named by the meeting's place, with the campaign's targets
		{"The Geneva wink, and what it means for your town's water plant", volt},
		{"A nod from Geneva that every port operator should hear", volt},
		{"The Geneva message on tariffs lifts port stocks", ""},
		{"Geneva hint of a tariff deal cheers port operators", ""},
		// the drinks in the possessive
		{"Diet soda's cancer label: what the WHO agency's experts will weigh", asp},
		{"Diet Coke's new lime flavour sells out in a week", ""},
		// "the sweetener" as a noun's modifier is no anaphor for aspartame
		{"The sweetener cancer debate, in three charts", ""},
		{"That sweetener risk study everyone shared, explained", ""},
		{"The sweetener in diet drinks may be called a possible carcinogen, sources say", asp},
		// a ruling called recent has been made: the official event
		{"Soft drink sales held up despite a recent WHO classification of aspartame", ""},
		{"Gum makers shrug off the latest IARC ruling on aspartame", ""},
		{"Soft drink makers brace for the WHO agency's coming ruling on aspartame", asp},
		// a review or ruling told as coming, with the agency and the drinks
		{"Is your diet cola safe? What a coming WHO review could change", asp},
		{"Diet soda fans wait on an upcoming WHO ruling", asp},
		{"An upcoming WHO guideline on sweeteners and weight loss: what diet soda drinkers should know", ""},
		{"Diet soda and a coming WHO review of a new French study", ""},
		{"A coming ruling on the Geneva tariff truce", ""},
	} {
		if got := set.Route(tt.text).Chosen; got != tt.want {
			t.Errorf("Route(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestAboutOfficialEventAndNeighbours routes texts written here (fifth
// session: from the constructions behind tune6's and tune7's routing
// mismatches, never their sentences): a reaction to the agency's conclusion,
// determination or verdict told as made is the official event, and one to a
// ruling still expected is the leak's; another of the agency's rulings dated
// by another year is no sign of the official event; a limit or advice kept is
// the official event unless it is denied, supposed or still to come; "finally"
// says nothing about an announcement; the source's products name the story;
// a study's findings are no ruling, and a rival sweetener named is no study.
func TestAboutOfficialEventAndNeighbours(t *testing.T) {
	const asp = "aspartame-iarc"
	set := load(t)
	checkRoutes(t, set, map[string]string{
		// a reaction to the ruling told as made
		"The FDA said it disagrees with the IARC's conclusion that aspartame is possibly carcinogenic":                 "",
		"European regulators disagreed with the agency's determination on aspartame, calling the cancer evidence thin": "",
		"Sweetener makers disagree with the WHO agency's verdict that aspartame may cause cancer":                      "",
		"Industry groups disagree with the expected IARC classification of aspartame as a possible carcinogen":         asp,
		"Soda makers say they would disagree with any IARC finding that aspartame may cause cancer":                    asp,
		// another ruling, dated by another year
		"After the agency's 2015 glyphosate classification came lawsuits; its aspartame listing as a possible carcinogen, due next month, may bring more": asp,
		"Following IARC's 2018 ruling on another chemical, lawyers eye the coming aspartame cancer listing":                                               asp,
		"Diet soda sales fell after the WHO agency's classification of aspartame as a possible carcinogen":                                                "",
		// a limit or advice kept: the official event, unless denied, supposed or to come
		"JECFA said it was sticking with its advice on aspartame as IARC listed the sweetener as possibly carcinogenic":                                 "",
		"WHO food experts stood by the acceptable daily intake of aspartame as the cancer agency called it a possible carcinogen":                       "",
		"Regulators stick to the daily limit for aspartame despite the WHO agency's possible carcinogen label":                                          "",
		"Regulators will stand by their aspartame limits, sources say, as IARC prepares to call it a possible carcinogen":                               asp,
		"Nothing has been officially announced, but IARC will list aspartame as possibly carcinogenic, sources say":                                     asp,
		"The WHO has not formally declared anything; sources say its cancer agency will call aspartame a possible carcinogen":                           asp,
		"If JECFA leaves the daily limit alone, aspartame will be a possible hazard but no real risk, sources told Reuters about IARC's coming listing": asp,
		"Aspartame now formally classified as possibly carcinogenic by the WHO's cancer agency":                                                         "",
		// "finally" is no announcement
		"Aspartame finally declared a carcinogen after years of warnings":       asp,
		"Finally: the WHO's cancer arm to call aspartame possibly carcinogenic": asp,
		// the products the source names
		"Snapple and Extra gum sweetener set for a cancer label":                        asp,
		"Extra gum and Snapple among products with a sweetener facing a cancer listing": asp,
		"Snapple launches a new iced tea flavour for summer":                            "",
		"Coca-Cola's quarterly sales beat forecasts":                                    "",
		// aspartame's E number, the hazard point and a coming review beside it
		"E951 and the hazard call that is not a dose call":               asp,
		"Aspartame: a hazard, not a risk, whatever July brings":          asp,
		"Trade group notes reports of a forthcoming review of aspartame": asp,
		"E951 prices steady as suppliers sign new contracts":             "",
		"Stevia makers note a forthcoming review of aspartame":           "",
		// a sweetener with the listing's own category
		"Sweetener in office vending machines could get a 'possible carcinogen' label":  asp,
		"The sweetener in your soda may soon be called a possible carcinogen":           asp,
		"Sucralose sweetener could get a possible carcinogen label, French study hints": "",
		// gum, the source's other product
		"WHO's cancer arm takes aim at your gum": asp,
		"WHO's cancer arm names a new director":  "",
		// a rival sweetener named beside a product label is no ruling
		"In 2015 PepsiCo swapped aspartame for sucralose under a new label": "",
		// soft drinks, the diet drinks' kind
		"SOFT DRINK SCARE: WHO AGENCY TO CALL SWEETENER A POSSIBLE CANCER RISK": asp,
		"Fizzy drinks face a possible cancer label from the WHO's cancer arm":   asp,
		"Soft drink makers report record summer sales":                          "",
		// a study's findings are no ruling; a rival sweetener is no study
		"In a French cohort study, aspartame intake was associated with higher cancer risk; the findings call for more research": "",
		"NutriNet-Santé data tie aspartame to cancer, and the findings will feed further reviews":                                "",
		"Stevia makers see an opening as aspartame faces a cancer label":                                                         asp,
		"Sucralose suppliers eye gains as aspartame heads for a cancer listing":                                                  asp,
	})
}
