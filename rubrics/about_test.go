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
