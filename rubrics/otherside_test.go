package rubrics_test

import "testing"

// TestAspartameOtherSideConstructions grades summaries written here (fifth
// session of 2026-12-07: the constructions behind tune5's and tune7's
// counterweight mismatches, never their sentences), several wordings of each
// and the near misses that must not move.
func TestAspartameOtherSideConstructions(t *testing.T) {
	const lead = "The WHO's cancer research agency will list aspartame as possibly carcinogenic in July, two sources told Reuters. "
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// the other side's view in a contraction, or its predicate far
		// from its verb
		{"summary", "counterweight", "pass", lead + "That comes despite decades of regulators saying it's safe."},
		{"summary", "counterweight", "pass", lead + "Regulators in Europe have long held that it's safe in normal amounts."},
		{"summary", "counterweight", "pass", lead + "The food additives committee has argued for forty years that moderate use is fine."},
		{"summary", "counterweight", "pass", lead + "Regulators insist the sweetener remains okay for most people."},
		{"summary", "counterweight", "fail", lead + "Regulators never said it's safe for children."},
		// an amount asked about is what a review is about, not the view
		// that it is safe: pending
		{"summary", "counterweight", "partial", lead + "JECFA reports the same day on how much is safe to drink."},
		{"summary", "counterweight", "partial", lead + "Regulators will weigh how many cans are fine for an adult."},
		{"summary", "counterweight", "partial", lead + "The additives committee is to say how much of it is okay to consume."},
		// another body's word still to come: pending
		{"summary", "counterweight", "partial", lead + "A different WHO committee will explain the same day what it means for drinkers."},
		{"summary", "counterweight", "partial", lead + "A separate panel is due to report on the sweetener on July 14."},
		{"summary", "counterweight", "partial", lead + "Another expert body will publish its own review the same day."},
		// fine in moderation, said by the other side
		{"summary", "counterweight", "pass", lead + "The additives committee will likely repeat its old line: fine in normal amounts."},
		{"summary", "counterweight", "pass", lead + "Regulators say the sweetener is okay at usual doses."},
		{"summary", "counterweight", "pass", lead + "For decades JECFA has called it fine in moderation."},
		{"summary", "counterweight", "fail", lead + "Critics say nothing is fine in normal amounts if it may cause cancer."},
		// acceptable up to a limit; approval in its idiom
		{"summary", "counterweight", "pass", lead + "The additives committee has regarded it as acceptable up to a set daily intake for decades."},
		{"summary", "counterweight", "pass", lead + "Regulators say it is safe up to the daily limit."},
		{"summary", "counterweight", "pass", lead + "For years regulators have waved it through."},
		{"summary", "counterweight", "fail", lead + "Sales have gone up to record levels."},
		// the hazard point with its second half, by contrast in one sentence
		{"summary", "counterweight", "pass", lead + "IARC judges whether a substance could cause cancer at all, while JECFA decides how much is safe to eat."},
		{"summary", "counterweight", "pass", lead + "The agency weighs whether something is a hazard, but regulators set how many cans are fine."},
		{"summary", "counterweight", "fail", lead + "Whether it is a hazard is for IARC to say."},
		// the findings kept back or not yet announced: pending
		{"summary", "counterweight", "partial", lead + "An IARC spokesperson said the details would stay under wraps until July 14."},
		{"summary", "counterweight", "partial", lead + "No announcement has yet been made by the agency."},
		{"summary", "counterweight", "partial", lead + "Nothing announced so far, a spokesperson said."},
		{"summary", "counterweight", "fail", lead + "The announcement has now been made in Geneva."},
		// JECFA's review named before or after it, and the listing called a
		// hazard classification (the hazard point without its second half)
		{"summary", "counterweight", "partial", lead + "JECFA's own review is due the same day."},
		{"summary", "counterweight", "partial", lead + "It comes alongside a review by JECFA, the additives committee."},
		{"summary", "counterweight", "partial", lead + "The classification is a hazard rating, not a ban."},
		// cans named are not the other side; cans to come to harm, or
		// drunk safely, are
		{"summary", "counterweight", "fail", lead + "It is in many cans of diet soda sold worldwide."},
		{"summary", "counterweight", "pass", lead + "By the food committee's math you'd need at least a dozen cans a day to get near the limit."},
		{"summary", "counterweight", "pass", lead + "The additives committee still says a dozen-plus cans a day is the line."},
		{"summary", "counterweight", "fail", lead + "A dozen people were interviewed for this story."},
		{"summary", "counterweight", "fail", lead + "Some fans drink several cans a day."},
		{"summary", "counterweight", "pass", lead + "Another WHO committee says an adult would need an absurd number of cans a day to be at risk."},
		{"summary", "counterweight", "pass", lead + "A 70 kg adult could safely drink 14 cans of diet cola, the additives committee says."},
	})
}

// TestAboutIntakeAlone routes the WHO's view on safe intake: alone, it is the
// intake neighbour (the guide: intake advice is another subject); with the
// harm, the ruling or the leak beside it, the story's other side.
func TestAboutIntakeAlone(t *testing.T) {
	const asp = "aspartame-iarc"
	checkRoutes(t, load(t), map[string]string{
		"WHO says an adult can safely drink 20 cans of diet soda a day":                                         "",
		"The WHO says a 60 kg adult can safely have 14 cans of diet cola a day":                                 "",
		"WHO experts: how many diet colas a day are safe within the acceptable daily intake":                    "",
		"The WHO says aspartame is safe within daily limits, even as its cancer agency weighs a cancer listing": asp,
		"WHO food experts say aspartame is safe within daily limits as leaked cancer ruling looms":              asp,
	})
}

// TestAboutMoveAgainst routes the agency about to attack the drinks' name
// (move_against), a ruling still to come told by its stance; the attack made
// by another party, or on another sweetener, is not the story.
func TestAboutMoveAgainst(t *testing.T) {
	const asp = "aspartame-iarc"
	checkRoutes(t, load(t), map[string]string{
		"WHO bureaucrats set to demonise your diet cola":          asp,
		"The WHO will vilify the sweetener in your chewing gum":   asp,
		"Here they go: WHO poised to malign your diet soda again": asp,
		"Soda lobby set to smear the WHO over diet drinks":        "",
		"WHO set to smear your stevia drinks":                     "",
	})
}

// TestLexiconFifthSessionClaimAndSide checks the lexicon entries this branch
// changed on both stories' rubrics, where they hold and where they must not.
func TestLexiconFifthSessionClaimAndSide(t *testing.T) {
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	runLexiconCases(t, []lexiconCase{
		// official_done: a limit or advice kept; not denied, supposed or to come
		{"official_done", asp, "The committee was sticking with its advice on the sweetener", true},
		{"official_done", asp, "Regulators stood by the acceptable daily intake", true},
		{"official_done", asp, "Nothing has been officially announced", false},
		{"official_done", asp, "If JECFA leaves that limit alone, little changes", false},
		{"official_done", asp, "The sweetener was finally declared a hazard", false},
		{"official_done", volt, "Washington stuck with its advice to utilities", true},
		{"official_done", volt, "Nothing has been formally announced about the meeting", false},
		// other_side_safe and other_side_fine: contractions, distance; not an amount asked
		{"other_side_safe", asp, "Regulators keep saying it's safe", true},
		{"other_side_safe", asp, "Regulators will decide how much is safe", false},
		{"other_side_fine", asp, "The additives committee has said for decades that moderate use is fine", true},
		{"other_side_fine", asp, "Regulators will say how many cans are fine", false},
		{"other_side_fine", volt, "U.S. officials said it's fine to keep talking", true},
		// review_pending: another body's word still to come
		{"review_pending", asp, "A different WHO committee will explain the same day", true},
		{"review_pending", asp, "A different WHO committee explained it last year", false},
		{"review_pending", volt, "A separate panel is due to report on the hacks", true},
		// unreleased: kept back, or no announcement made yet
		{"unreleased", asp, "The details will stay under wraps until July", true},
		{"unreleased", asp, "No decision has yet been published", true},
		{"unreleased", asp, "The decision was announced yesterday", false},
		{"unreleased", volt, "No statement has so far come from Beijing", true},
		// ruling_noun: a body's conclusion is its ruling
		{"subject_ruling", asp, "The WHO's conclusion on the sweetener", true},
		{"subject_ruling", asp, "In conclusion, the sweetener sells", false},
	})
}

// TestAspartameClaimStrengthFifthSession grades texts written here (fifth
// session: the constructions behind tune3's to tune7's classification
// mismatches, never their sentences) and the near misses that must not move.
func TestAspartameClaimStrengthFifthSession(t *testing.T) {
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// a claim governed by a negated verb of meaning or saying is said
		// not to follow: with "possible" beside it, pass
		{"summary", "classification", "pass", "The WHO's cancer agency will call aspartame a possible carcinogen, sources say. That doesn't mean a daily diet cola causes cancer."},
		{"summary", "classification", "pass", "IARC is set to list aspartame as possibly carcinogenic, sources say. A possible carcinogen is not the same as saying the sweetener causes cancer."},
		{"summary", "classification", "pass", "Sources say IARC will list aspartame as a possible carcinogen. The listing does not prove that the sweetener in your gum is a carcinogen."},
		{"summary", "classification", "pass", "Aspartame does not cause cancer in the doses people drink, and the WHO's cancer agency's 'possible carcinogen' listing does not imply it either, sources say."},
		{"summary", "classification", "partial", "IARC will list aspartame as a possible carcinogen, sources say. Doctors agree the sweetener causes cancer."},
		// a claim asked about in an indirect question is not asserted
		{"summary", "classification", "pass", "IARC will list aspartame as possibly carcinogenic, sources say. The agency asks whether a substance can cause cancer at all, not at what dose."},
		{"summary", "classification", "pass", "Sources say the WHO's cancer arm will call aspartame a possible carcinogen; its experts weigh whether something could cause cancer, not how much is safe."},
		{"summary", "classification", "partial", "Sources say the WHO's cancer arm will call aspartame a possible carcinogen. Its experts found the sweetener causes cancer."},
		// the compound's agent noun is an overclaim
		{"headline", "classification", "fail", "WHO to brand diet cola sweetener a cancer-causer"},
		{"headline", "classification", "fail", "Aspartame, the cancer causer: WHO agency set to rule"},
		{"headline", "classification", "pass", "WHO to brand diet cola sweetener a possible cancer-causer, sources say"},
		// certainty before the verb's auxiliary
		{"summary", "classification", "fail", "Aspartame has officially been declared cancer-causing by the WHO's cancer agency."},
		{"summary", "classification", "fail", "The sweetener has definitely been classified as a carcinogen by IARC."},
		{"summary", "classification", "pass", "The sweetener has officially been declared a possible carcinogen, sources say."},
		// a judgement still to come in words that are no category: neutral
		{"headline", "classification", "partial", "WHO cancer arm poised to condemn diet cola sweetener"},
		{"headline", "classification", "partial", "IARC readies aspartame warning, sources say"},
		{"headline", "classification", "partial", "Regulators call aspartame safe; WHO cancer body set to disagree"},
		{"headline", "classification", "na", "The WHO is about to weigh in on aspartame"},
		// a review named by the harm it weighs: neutral
		{"headline", "classification", "partial", "Diet cola sweetener faces WHO cancer review"},
		{"headline", "classification", "partial", "Gum makers brace for IARC cancer assessment of aspartame"},
	})
}

// TestAspartameAgencyFifthSession grades texts written here (fifth session:
// the constructions behind tune5's and tune7's agency mismatches): the WHO's
// research agency named by what it is or does passes; another body's own
// cancer arm, or a ruling announced by another body, fails; a ban denied is
// no finding of harm.
func TestAspartameAgencyFifthSession(t *testing.T) {
	runCriterionCases(t, "aspartame-iarc", []factCase{
		{"headline", "agency", "pass", "A World Health Organization agency is set to call aspartame a possible carcinogen, sources say"},
		{"headline", "agency", "pass", "World Health Organisation arm to list aspartame as possibly carcinogenic, sources say"},
		{"headline", "agency", "pass", "A WHO research group will call aspartame a possible carcinogen, sources say"},
		{"headline", "agency", "pass", "The WHO's research team is set to list aspartame as a possible carcinogen, sources say"},
		{"headline", "agency", "pass", "the WHO cancer folks are gonna call aspartame 'possibly carcinogenic', sources say"},
		{"headline", "agency", "partial", "The World Health Organization will call aspartame a possible carcinogen, sources say"},
		// another body's own cancer research arm is not IARC
		{"summary", "agency", "fail", "The Food and Drug Administration's cancer research arm will list aspartame as a possible carcinogen, sources said."},
		{"summary", "agency", "fail", "EFSA's cancer research unit will label aspartame a possible carcinogen next month, sources said."},
		{"summary", "agency", "pass", "JECFA and the cancer research arm of the WHO are both reviewing aspartame; the latter will list it as a possible carcinogen, sources said."},
		// a ruling announced by another body, its category further off
		{"summary", "agency", "fail", "The FDA and the WHO will jointly announce next week that aspartame is a Group 2A carcinogen, sources said."},
		{"summary", "agency", "fail", "Regulators at EFSA are set to declare next month that the diet drink sweetener causes cancer, sources said."},
		// a WHO group or team, the World Health Organization's research
		// group; not its food committee
		{"summary", "agency", "pass", "A WHO group is taking another look at aspartame, and may call it a possible carcinogen, sources say."},
		{"summary", "agency", "pass", "A World Health Organization research team will list aspartame as a possible carcinogen, sources say."},
		{"summary", "agency", "partial", "The World Health Organization will list aspartame as a possible carcinogen; the organisation's food committee will say how much is safe, sources say."},
		// a ban denied
		{"headline", "agency", "pass", "WHO is not banning aspartame, but its cancer arm will call it a possible carcinogen"},
		{"headline", "agency", "pass", "Regulators never banned aspartame; IARC to list it as a possible carcinogen, sources say"},
		{"headline", "agency", "fail", "WHO is banning aspartame after its cancer arm calls it a possible carcinogen"},
	})
}

// TestAspartameOtherSideBacks grades the other side standing behind the
// sweetener (issue 13, helper asp9): its view in a verb of support; support
// for a ruling, or by someone who is not the other side, is not.
func TestAspartameOtherSideBacks(t *testing.T) {
	runCriterionCases(t, "aspartame-iarc", []factCase{
		{"summary", "counterweight", "pass", "IARC will list aspartame as possibly carcinogenic next month, two insiders said. A separate WHO panel that sets intake limits has backed the sweetener since 1981."},
		{"summary", "counterweight", "pass", "Two sources say IARC will call aspartame possibly carcinogenic. Regulators in Europe have long endorsed aspartame."},
		{"summary", "counterweight", "pass", "Two sources say IARC will call aspartame possibly carcinogenic. The FDA stands by the sweetener."},
		{"summary", "counterweight", "fail", "Two sources say IARC will call aspartame possibly carcinogenic. Regulators backed the listing."},
		{"summary", "counterweight", "fail", "Two sources say IARC will call aspartame possibly carcinogenic. Campaigners have backed the sweetener ban."},
		{"summary", "counterweight", "fail", "Two sources say IARC will call aspartame possibly carcinogenic. The FDA has backed away from aspartame."},
		{"summary", "counterweight", "pass", "Two sources say IARC will call aspartame possibly carcinogenic. Regulators vouch for it, and the industry defends the sweetener."},
		// A body's remit ("which sets safe daily limits") is what it does,
		// not what it holds: with its own findings to come, partial; the
		// limit it has set, or its word that aspartame is safe, is its view.
		{"summary", "counterweight", "partial", "Two sources say IARC will list aspartame as possibly carcinogenic. JECFA, which sets safe daily limits, will release its own findings on July 14."},
		{"summary", "counterweight", "partial", "Two sources say IARC will list aspartame as possibly carcinogenic. JECFA, a committee that sets safe intake levels, is also reviewing aspartame."},
		{"summary", "counterweight", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic. JECFA set an acceptable daily intake for it in 1981."},
		{"summary", "counterweight", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic. JECFA, which sets safe daily limits, has said it is safe within them."},
	})
}
