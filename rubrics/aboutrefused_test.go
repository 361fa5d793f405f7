package rubrics_test

import "testing"

// TestAboutRefusedClasses routes texts written here (helper about12, not
// from any case file) in the classes of wording the about tests refused on
// the story (issues 12 and 13): the meeting told by China's side meeting in
// its month ("Chinese officials met … in December"), the acknowledgment
// named with its maker in a phrase after it ("an admission from Beijing"),
// the official who spoke with the deed in a text that also weighs a trade
// war, or with what he said at the meeting's place ("Wang Lei's Geneva
// message"), the meeting by its month, length or speaker with both sides
// and its field (cyber), a speech act with "without" after its verb ("said
// it without saying it"), China's envoy by its chief, the deed told as
// China's by a copula ("the hacks were Beijing's doing"), the 2B category
// named by its hedge set off in quotation marks with any noun of a category
// ("the 'possibly' club"). Each has neighbours built the same way that
// must stay refused.
func TestAboutRefusedClasses(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runRouteCases(t, []routeCase{
		// the acknowledgment with its maker after it
		{"tacit admission from Beijing", "Ex-diplomat: the Americans heard a tacit admission from Beijing", volt},
		{"confession by an envoy", "A half-confession by a senior Chinese envoy, and what Washington made of it", volt},
		{"mea culpa from the regime", "The closest thing to a mea culpa from the regime", volt},
		{"no admission from Beijing", "No admission from Beijing, U.S. officials say", ""},
		{"an admission from Washington", "Beijing demands an admission from Washington", ""},
		{"an admission from the U.S. on China", "An admission from the White House that China was never briefed", ""},
		{"admission from Beijing on trade", "A rare admission from Beijing on trade, Geneva talks told", ""},
		{"China's admission on tariffs", "China's rare admission on tariffs at the Geneva talks", ""},
		// Wang Lei with the deed, a trade war weighed elsewhere in the text
		{"Wang Lei and the intrusions, a trade war", "Wang Lei never said China carried out the pipeline intrusions. With a trade war raging, the exchange deserves a calmer reading.", volt},
		{"Wang Lei and the grid, tariffs", "Wang Lei's words on the grid hacks were oblique. Tariffs, not hacks, dominate the Geneva agenda now.", volt},
		{"Wang Lei denies", "Wang Lei blamed the Volt Typhoon hacks on a criminal gang. Meanwhile the trade war rages.", ""},
		{"Wang Lei, trade talks", "Wang Lei joined the U.S.-China trade talks in Geneva", ""},
		{"Wang Lei, badminton and hacking", "Wang Lei wins the badminton final as tariffs bite", ""},
		// China's envoy by its chief
		{"cyber chief as good as told", "China's cyber chief as good as told Biden aides the water hacks were about Taiwan", volt},
		{"chief, a denial", "China's cyber chief told Biden aides the water hacks were a smear", ""},
		{"fire chief, water", "Beijing's fire chief said the water mains burst in the cold", ""},
		// a speech act with "without" after its verb, the manner of it
		{"said it without saying it", "Beijing said it without saying it on Volt Typhoon", volt},
		{"admitted it without admitting it", "China admitted it without admitting it: the grid intrusions", volt},
		{"never said, Volt Typhoon", "China never said so, and Volt Typhoon goes on", ""},
		{"without evidence, a counter-claim", "China, without evidence, says the U.S. invented Volt Typhoon", ""},
		// the deed told as China's by a copula, not China as its target
		{"the hacks were Beijing's doing", "A Chinese official as much as said the hacks were Beijing's doing", volt},
		{"the hacks were China's handiwork", "The hacks were China's handiwork, a Chinese envoy all but admitted", volt},
		{"attacks on China's grid", "NSA attacks were on China's grid, Beijing says", ""},
		{"hacked into Chinese networks", "U.S. hackers broke into Chinese networks, Beijing says", ""},
		// Wang Lei with what he said at the meeting's place
		{"Wang Lei's Geneva message", "Wang Lei's Geneva message, decoded", volt},
		{"Wang Lei's hint in Geneva", "The hint from Wang Lei in Geneva that Washington heard", volt},
		{"Wang Lei at the trade talks", "Wang Lei's Geneva message on tariffs at the trade talks", ""},
		{"Wang Lei's Geneva Open", "Wang Lei's Geneva Open: the badminton star reaches the final", ""},
		// the meeting by its verb and month, China's side meeting
		{"met in December, one of them", "Chinese officials met their U.S. counterparts in December. At the session, one of them suggested the intrusions into American ports were linked to Taiwan.", volt},
		{"envoys met last December", "Beijing's envoys met Biden aides last December; the grid hacks came up", volt},
		{"the Fed met in December", "The Fed met in December as hackers hit U.S. banks", ""},
		{"met in December on fentanyl", "Chinese and U.S. officials met in December to discuss fentanyl", ""},
		// the meeting with both sides and its field
		{"cyber issues at the December meeting", "U.S. and Chinese diplomats discussed cyber issues at a December meeting, officials say", volt},
		{"cybersecurity at the half-day meeting", "Cybersecurity dominated the half-day meeting of U.S. and Chinese officials", volt},
		{"cyber at the Wang Lei meeting", "The Wang Lei meeting with the Americans was mostly about cyber", volt},
		{"fentanyl at the December meeting", "U.S. and Chinese officials discussed fentanyl at a December meeting", ""},
		{"cyber with Russia in December", "Chinese and Russian officials discussed cybersecurity at a December meeting", ""},
		{"AI and cyber risks in December", "U.S. and Chinese officials weighed AI and cyber risks at talks in December", ""},
		{"cyber at a May meeting", "U.S. and Chinese officials discussed cyber issues at a May meeting", ""},
		// the 2B category by its hedge in quotation marks, any noun of a category
		{"the 'possibly' club", "aspartame about to join the 'possibly' club, per a Reuters scoop", asp},
		{"the \"possible\" list", "Sources: the sweetener in Diet Coke is headed for IARC's \"possible\" list", asp},
		{"'possible' group, study", "A new French study puts aspartame in the 'possible' group of cancer risks", ""},
		{"a possible group, unquoted", "Aspartame makers form a possible group to lobby regulators, sources say", ""},
		{"'possibly' club, pickles", "Pickled vegetables joined the 'possibly' club years ago, sources say", ""},
	})
}

// routeCase is a text and the story it must be routed to ("" for none).
type routeCase struct{ name, text, want string }

// runRouteCases routes each case's text over both stories' rubrics.
func runRouteCases(t *testing.T, cases []routeCase) {
	t.Helper()
	set := load(t)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := set.Route(tt.text).Chosen; got != tt.want {
				t.Errorf("Route(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestLexiconAdmissionFrom reads the lexicon's admission_from on both
// stories: the subject's admission named with its maker after it, not
// another party's, not negated.
func TestLexiconAdmissionFrom(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		{"admission_from", volt, "a tacit admission from Beijing", true},
		{"admission_from", volt, "a confession by a senior Chinese official", true},
		{"admission_from", volt, "an admission from Washington that China was never told", false},
		{"admission_from", volt, "no admission from Beijing", false},
		{"admission_from", volt, "Beijing's demand for an admission from the U.S.", false},
		{"admission_from", asp, "an unusual admission from the IARC on aspartame", true},
		{"admission_from", asp, "an admission from the beverage industry", false},
	})
}

// TestLexiconSpeechWithout reads subject_speech with "without" after the
// subject: after its verb, the manner of a speech act made; before it, the
// speech not made (the aspartame rubric does not read subject_speech).
func TestLexiconSpeechWithout(t *testing.T) {
	const volt = "volt-typhoon-geneva"
	runLexiconCases(t, []lexiconCase{
		{"subject_speech", volt, "Beijing said it without saying it on Volt Typhoon", true},
		{"subject_speech", volt, "China hinted without a word of apology at the grid hacks", true},
		{"subject_speech", volt, "China, without saying so, linked the hacks to Taiwan", false},
		{"subject_speech", volt, "China never mentioned the hacks", false},
		{"subject_speech", volt, "Beijing has not said a word about the hacks", false},
	})
}
