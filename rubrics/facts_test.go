package rubrics_test

import (
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// TestAspartameFactsByType grades texts written here (not from any case
// file) on the aspartame story's facts criterion, one typed fact at a time:
// dates, numbers, products, bodies and people, each stated right, stated
// wrong, and stated as something the source does not hold (neither: na).
func TestAspartameFactsByType(t *testing.T) {
	set := load(t)
	r, err := set.Lookup("aspartame-iarc")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ kind, want, text string }{
		// dates: finalised in June, made public in July (on July 14, "next month")
		{"headline", "pass", "IARC to list aspartame as a possible carcinogen on July 14, sources say"},
		{"headline", "pass", "WHO cancer arm finalised aspartame ruling in June, to publish it next month, sources say"},
		{"headline", "fail", "IARC finalised its aspartame ruling in April, sources say"},
		{"headline", "fail", "Aspartame listing due in September, sources say IARC will call it a possible carcinogen"},
		{"headline", "fail", "IARC to list aspartame as a possible carcinogen by early May, sources say"},
		{"headline", "fail", "Possible carcinogen label for aspartame to be announced next week, sources say"},
		// a month with an earlier year is another event, not a wrong date
		{"summary", "pass", "Two sources told Reuters IARC will list aspartame as possibly carcinogenic in July. The agency classified glyphosate as probably carcinogenic in March 2015."},
		// a month of another document ("issued in May") is not the ruling's
		{"summary", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic in July. A WHO guideline on sweeteners was issued in May."},
		// numbers: two sources, 12 to 36 cans, 60 kg, since 1981
		{"headline", "pass", "A 60 kg adult would need 12 to 36 cans a day, says JECFA, as IARC weighs possible aspartame listing"},
		{"headline", "pass", "You'd need a dozen cans of diet soda a day to be at risk, sources say as IARC weighs possible listing"},
		{"headline", "fail", "Four sources: IARC to call aspartame a possible carcinogen"},
		{"headline", "fail", "Five cans of diet soda a day may be too many, sources say as IARC weighs possible listing"},
		{"headline", "fail", "IARC may call aspartame a possible carcinogen, but you'd need 36 cans a day to be at risk"},
		{"headline", "fail", "A 75 kg adult would need 12 to 36 cans a day to be at risk, sources say as IARC weighs listing aspartame as a possible carcinogen"},
		{"summary", "fail", "Two sources say IARC will list aspartame as possibly carcinogenic. JECFA has said since 1985 that it is safe within daily limits."},
		{"summary", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic. JECFA has said since 1981 that it is safe within daily limits."},
		{"headline", "fail", "IARC will list aspartame as possibly carcinogenic, according to three sources"},
		{"headline", "fail", "IARC will list aspartame as possibly carcinogenic, according to a single source familiar with the process"},
		{"summary", "pass", "IARC will list aspartame as possibly carcinogenic in July, two people with knowledge of the process said. One in five people drink diet soda every day."},
		{"headline", "pass", "Regulators have held aspartame safe for four decades; IARC may now call it a possible carcinogen, sources say"},
		{"headline", "fail", "Food additives committee reverses its stance on aspartame as IARC weighs possible cancer listing, sources say"},
		// a year the source holds, bound to another fact, is not the source's fact
		{"summary", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic in July. The sweetener has been on the market since 1974."},
		{"summary", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic in July. The FDA has deemed it safe since 1974."},
		{"summary", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic in July. A French study in March found a small rise in cancer among heavy users."},
		{"summary", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic in July. A study of the sweetener was published this week."},
		{"summary", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic in July. Its guideline on sweeteners and weight control came out in May."},
		{"headline", "na", "Aspartame, sold since 1981, may be called a possible carcinogen, sources say"},
		// products: the products named, or aspartame said to be used in them
		{"headline", "pass", "Sweetener in Snapple drinks and Extra gum may be a possible carcinogen, sources say"},
		{"headline", "pass", "Sweetener used in diet sodas may be listed as a possible carcinogen, sources say"},
		{"headline", "na", "Diet soda sweetener may be listed as a possible carcinogen, sources say"},
		{"headline", "na", "Coca-Cola says it will keep aspartame as IARC weighs a possible cancer listing, sources say"},
		// bodies and people: a listing, not a ban; the spokesperson called the findings confidential
		{"headline", "fail", "WHO cancer agency to ban aspartame, sources say"},
		{"headline", "fail", "IARC spokesperson dismisses report that aspartame may be a possible carcinogen"},
		{"summary", "pass", "Sources say IARC may call aspartame possibly carcinogenic; a listing does not ban anything. An IARC spokesperson said the findings were confidential."},
		{"headline", "pass", "IARC may call aspartame a possible carcinogen, sources say; the food additives committee reports the same day"},
		// the other side's denial or a charge of hype is not a wrong fact
		{"summary", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic in July. The industry denied any risk and said the report exaggerates it."},
	}
	for _, tt := range tests {
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: tt.text, Kind: rubric.Kind(tt.kind)})
		if err != nil {
			t.Fatal(err)
		}
		if c := g.Criterion("facts"); string(c.Verdict) != tt.want {
			t.Errorf("facts of %q = %s (%s), want %s", tt.text, c.Verdict, c.Reason, tt.want)
		}
	}
}

// TestAspartameFactsMadePublic checks the fact that the ruling had not
// been made public (fifth session, tune6 and tune7): the agency
// announcing, listing or saying the claim is wrong; its deciding is the
// source's fact beside the ruling still to come, and wrong told alone; its
// spokesperson's word that the findings are confidential is the source's;
// a text that says nothing of what IARC will say states no such fact.
func TestAspartameFactsMadePublic(t *testing.T) {
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// a decision made, beside the ruling still to come: the source's fact
		{"headline", "facts", "pass", "IARC has decided to list aspartame as possibly carcinogenic and will announce it next month, sources say"},
		{"summary", "facts", "pass", "WHO cancer experts reached their conclusion that aspartame may cause cancer, two sources said. The ruling is due to be made public in July."},
		{"summary", "facts", "pass", "The agency ruled that aspartame is a possible carcinogen, according to people familiar with the process; the finding stays confidential until July 14."},
		{"summary", "facts", "pass", "Two sources say IARC determined this month that aspartame is possibly carcinogenic, a decision it plans to publish next month."},
		// a decision or an admission told alone, as the agency's public word
		{"headline", "facts", "fail", "WHO panel decides aspartame may cause cancer"},
		{"headline", "facts", "fail", "IARC admits the sweetener aspartame could be a carcinogen"},
		{"summary", "facts", "fail", "The World Health Organization has concluded that aspartame is possibly carcinogenic. Consumers should cut back."},
		// announcing, listing, officially made
		{"headline", "facts", "fail", "WHO announces aspartame is a possible carcinogen"},
		{"headline", "facts", "fail", "Aspartame has officially been listed as possibly carcinogenic by the WHO's cancer arm"},
		{"summary", "facts", "fail", "Aspartame has been declared a possible cause of cancer by IARC. Two people with knowledge of the process had said so earlier."},
		{"headline", "facts", "fail", "Aspartame gets a possible carcinogen label from the WHO"},
		{"headline", "facts", "fail", "So the UN has publicly stated that aspartame may cause cancer?"},
		// a thing declared safe is the other side's view, not the listing made
		{"headline", "facts", "na", "Aspartame has been declared safe by the WHO's food panel, but IARC may call it a possible carcinogen, sources say"},
		// its rulings in general are not this one made public
		{"summary", "facts", "pass", "Rulings published by IARC are often misread as risk. Two sources say it will call aspartame possibly carcinogenic in July."},
		{"summary", "facts", "pass", "Classifications issued by the WHO's cancer agency confuse shoppers, critics say. Sources expect aspartame to be called a possible carcinogen next month."},
		{"headline", "facts", "fail", "IARC publishes findings: aspartame possibly carcinogenic"},
		// the listing made in other words, and the agency by what it is
		{"headline", "facts", "fail", "WHO makes it official: aspartame a possible carcinogen"},
		{"headline", "facts", "fail", "WHO adds aspartame to its list of possible carcinogens"},
		{"summary", "facts", "fail", "Last week the WHO's cancer research arm put aspartame on its list of possible carcinogens."},
		{"summary", "facts", "fail", "The WHO's cancer research unit has concluded that aspartame is possibly carcinogenic."},
		{"summary", "facts", "pass", "The WHO's cancer research unit has concluded that aspartame is possibly carcinogenic and will say so in July, sources say."},
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame as a possible carcinogen, and it will make it official on July 14."},
		{"summary", "facts", "na", "Two sources say IARC will list aspartame as a possible carcinogen, and JECFA reports on the day IARC goes public."},
		// something done after the agency's warning or finding makes it public
		{"headline", "facts", "fail", "Diet drink sales slump after WHO cancer warning on aspartame"},
		{"headline", "facts", "fail", "Shoppers shun aspartame following IARC's possible-carcinogen finding"},
		{"headline", "facts", "pass", "Shares of soda makers dip after the leaked IARC finding that aspartame may cause cancer, sources say in July"},
		// the agency saying the claim, and its spokesperson's word in the source
		{"headline", "facts", "fail", "WHO says aspartame may cause cancer in humans"},
		{"summary", "facts", "fail", "IARC officials have told reporters that aspartame is possibly carcinogenic. Shoppers shrugged."},
		{"headline", "facts", "fail", "WHO spokesman has now said aspartame may be a carcinogen"},
		{"headline", "facts", "pass", "WHO officials are to say aspartame is a possible carcinogen next month, sources say"},
		// the agency speaking after a relative clause on it
		{"headline", "facts", "fail", "The same WHO that told us to stay home now says aspartame could cause cancer"},
		{"summary", "facts", "fail", "IARC, which is part of the World Health Organization, said aspartame is possibly carcinogenic. Shoppers shrugged."},
		{"summary", "facts", "pass", "Sources say IARC will call aspartame a possible carcinogen in July. A WHO panel that checks food additives says a 60 kg adult would need 12 to 36 cans a day to be at risk."},
		{"summary", "facts", "pass", "Sources say the WHO's IARC will call aspartame a possible carcinogen in July, and the WHO's JECFA, which has said since 1981 that it is safe, reports the same day."},
		{"headline", "facts", "pass", "IARC may call aspartame a possible carcinogen, sources say; an IARC spokesman says the findings are confidential"},
		{"summary", "facts", "pass", "Aspartame is set to be listed as possibly carcinogenic, two sources told Reuters. A WHO spokeswoman said the reviews of the two bodies were complementary."},
		// the ruling said not to be decided yet: it was finalised this month
		{"summary", "facts", "fail", "A WHO research group is looking at aspartame as a possible carcinogen, reports say. No decision has been made yet."},
		{"headline", "facts", "fail", "IARC has not decided whether aspartame is a possible carcinogen, sources say"},
		{"summary", "facts", "fail", "Sources say IARC is yet to rule on whether aspartame is possibly carcinogenic."},
		{"summary", "facts", "na", "Sources say IARC will call aspartame possibly carcinogenic. No decision has been made public yet."},
		// the ruling said not to be public yet: the source's fact
		{"summary", "facts", "pass", "Sources say IARC will list aspartame as possibly carcinogenic; the finding has not yet been made public."},
		{"headline", "facts", "pass", "IARC's aspartame verdict, yet to be announced, will call it a possible carcinogen, insiders say"},
		{"headline", "facts", "pass", "Aspartame possible-carcinogen finding is confidential for now, sources say"},
		// nothing received, or nothing relayed of the ruling
		{"summary", "facts", "pass", "Sources say IARC will list aspartame as a possible carcinogen in July. The sweetener makers said they had received nothing from IARC."},
		{"headline", "facts", "na", "Aspartame catching heat from the WHO again"},
	})
}

// TestAspartameFactsDatesAndRanges checks the source's dates and its
// cans in more of English's wordings (fifth session): the
// decision made this month or after its experts met, or a year, a season
// or months ago; the announcement on another day, in either order of day
// and month, or next week; a range joined by any word, a count by a
// quantifier ("several cans", "a couple of cans").
func TestAspartameFactsDatesAndRanges(t *testing.T) {
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// the decision made this month, or after the experts met
		{"summary", "facts", "pass", "Two sources say IARC's experts settled the aspartame decision earlier this month. The agency will list the sweetener as possibly carcinogenic."},
		{"headline", "facts", "pass", "IARC decided this month to call aspartame a possible carcinogen, sources say"},
		{"headline", "facts", "pass", "IARC's possible-carcinogen call on aspartame came out of a meeting of outside specialists, sources say"},
		{"headline", "facts", "pass", "Aspartame may be listed as a possible carcinogen after IARC's panel convened, sources say"},
		// the decision a year, a season or months ago, or in another year
		{"headline", "facts", "fail", "IARC's aspartame ruling was settled two years ago and kept quiet, sources claim it will say possible carcinogen"},
		{"headline", "facts", "fail", "WHO cancer experts decided last summer to list aspartame as a possible carcinogen, sources say"},
		{"headline", "facts", "fail", "Sources: IARC concluded in 2021 that aspartame may cause cancer, and it will announce it next month"},
		// the day it is made public: July 14, in either order, or another day
		{"headline", "facts", "pass", "IARC will reveal its aspartame ruling on 14 July, sources say, and call the sweetener a possible carcinogen"},
		{"headline", "facts", "fail", "IARC to publish possible-carcinogen listing for aspartame on July 20, sources say"},
		{"headline", "facts", "fail", "IARC will make its aspartame ruling public on 21 July, sources say; it may call it a possible carcinogen"},
		{"headline", "facts", "fail", "Possible carcinogen listing for aspartame due out on June 30, sources say"},
		{"headline", "facts", "fail", "WHO body will announce next week that aspartame is a possible carcinogen, sources say"},
		// another document's week is not the ruling's
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame as a possible carcinogen in July. A study of the sweetener was published last week."},
		// the range of cans, however it is joined
		{"summary", "facts", "pass", "Two sources say IARC will call aspartame possibly carcinogenic. JECFA says a 60 kg adult would have to drink 12 through 36 cans a day to be at risk."},
		{"summary", "facts", "pass", "Two sources say IARC will call aspartame possibly carcinogenic. A 60 kg adult would need 12 till 36 cans of diet soda daily to be at risk, JECFA says."},
		{"summary", "facts", "fail", "Two sources say IARC will call aspartame possibly carcinogenic. A 60 kg adult would need 5 until 36 cans of diet soda daily to be at risk, JECFA says."},
		// a count of cans by a quantifier is a number too
		{"summary", "facts", "fail", "Two sources say IARC may list aspartame as a possible carcinogen. A few cans of diet soda a day is already too much, a nutritionist warns."},
		{"headline", "facts", "fail", "A couple of cans a day could put you at risk as IARC weighs possible aspartame listing, sources say"},
		{"summary", "facts", "pass", "Two sources say IARC may list aspartame as a possible carcinogen. JECFA says you'd need a dozen cans a day to be at risk."},
	})
}

// TestAspartameFactsOtherBody checks the source's facts of the other side
// (fifth session): the WHO's other committee by what it is, reporting the
// same day or holding its view for four decades; the regulators who share
// the view, those of the United States and Europe. The view told without
// its year or its regulators is the counterweight's, not a fact here.
func TestAspartameFactsOtherBody(t *testing.T) {
	runCriterionCases(t, "aspartame-iarc", []factCase{
		{"summary", "facts", "pass", "IARC is reportedly set to call aspartame possibly carcinogenic. A separate WHO panel will give its own verdict on the same day."},
		{"headline", "facts", "pass", "Sources: IARC to list aspartame as possible carcinogen, with the other WHO committee's review out simultaneously"},
		{"summary", "facts", "pass", "Sources expect IARC to call aspartame a possible carcinogen. A second WHO body has held for four decades that it is fine in moderation."},
		{"headline", "facts", "pass", "US and EU regulators still back aspartame as IARC readies possible carcinogen label, sources say"},
		{"summary", "facts", "pass", "Two sources say IARC will call aspartame possibly carcinogenic. Regulators in the United States and Europe consider it safe."},
		// the view alone, or a body that is not the other committee
		{"headline", "facts", "na", "Regulators say aspartame is safe as IARC readies possible carcinogen label, sources say"},
		{"summary", "facts", "na", "Sources expect IARC to call aspartame a possible carcinogen. Regulators in Canada say it is safe."},
	})
}

// TestAspartameFactsBanMeasureReview checks three readings (fifth
// session): a ban taken back, by a correction or by the text itself, is
// no wrong fact; a container before "of" names an amount, not a product
// aspartame is in; JECFA reviewing aspartame is the source's fact.
func TestAspartameFactsBanMeasureReview(t *testing.T) {
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// a ban taken back
		{"summary", "facts", "pass", "Correction: a post published yesterday wrongly said the WHO would ban aspartame. Sources say IARC will list it as possibly carcinogenic in July."},
		{"summary", "facts", "pass", "An earlier version of this story misstated that IARC will ban aspartame. Two sources say it will call the sweetener possibly carcinogenic next month."},
		{"summary", "facts", "pass", "So the WHO is banning aspartame? No. Nothing is being banned: two sources say IARC will list it as a possible carcinogen in July."},
		// a ban in quotation marks is a word heard, not stated
		{"summary", "facts", "pass", "Some readers heard the WHO had 'banned' aspartame. Two sources say IARC will list it as a possible carcinogen in July."},
		// a ban told as the agency's act, with no word taking it back
		{"summary", "facts", "fail", "The WHO will ban aspartame after its cancer agency calls it a possible carcinogen, sources say."},
		{"headline", "facts", "fail", "IARC to outlaw aspartame as possible carcinogen, sources say"},
		// a container or a measure is an amount, not a product
		{"summary", "facts", "na", "Two sources say IARC will call aspartame a possible carcinogen. Should you worry about a glass of diet cola now and then?"},
		{"summary", "facts", "na", "Campaigners want a warning on every bottle of diet drinks after sources said IARC may list aspartame as a possible carcinogen."},
		{"summary", "facts", "pass", "Campaigners want a warning on diet drinks after sources said IARC may list aspartame, which is used in diet drinks, as a possible carcinogen."},
		// JECFA reviewing aspartame
		{"headline", "facts", "pass", "IARC possible-carcinogen label for aspartame looms, sources say, as JECFA reassesses intake"},
		{"summary", "facts", "pass", "Sources say IARC will call aspartame a possible carcinogen. The food additives committee is also reviewing the sweetener."},
		{"summary", "facts", "pass", "Sources say IARC will call aspartame a possible carcinogen, while a separate WHO committee re-examines safe intake."},
		{"summary", "facts", "na", "Sources say IARC will call aspartame a possible carcinogen. JECFA is not reviewing anything else."},
	})
}

// TestAspartameFactsSlotWordings checks the typed slots in wordings no
// case file holds (fifth session): a day with its ordinal suffix or before
// "of July", a season or next year for the announcement, a decision made
// in another year, JECFA's view by its decade, the weight in kilograms or
// pounds written any way, a number of cans written in words with a hyphen,
// the first time against a second one, one source where the source has
// two, and a maker named in the possessive.
func TestAspartameFactsSlotWordings(t *testing.T) {
	runCriterionCases(t, "aspartame-iarc", []factCase{
		// days and seasons
		{"headline", "facts", "pass", "IARC to list aspartame as possible carcinogen on July 14th, sources say"},
		{"headline", "facts", "pass", "IARC to list aspartame as possible carcinogen on the 14th of July, sources say"},
		{"headline", "facts", "fail", "IARC to list aspartame as possible carcinogen on the 20th of July, sources say"},
		{"headline", "facts", "fail", "IARC to list aspartame as possible carcinogen on July 20th, sources say"},
		{"headline", "facts", "fail", "IARC to list aspartame as possible carcinogen in the autumn, sources say"},
		{"headline", "facts", "fail", "IARC to publish possible-carcinogen ruling on aspartame next year, sources say"},
		{"headline", "facts", "pass", "IARC to publish possible-carcinogen ruling on aspartame this summer, sources say"},
		{"summary", "facts", "fail", "Two sources say IARC will list aspartame as a possible carcinogen. The decision was made back in 2022."},
		// JECFA's view by its decade
		{"summary", "facts", "fail", "Two sources say IARC will list aspartame as a possible carcinogen. JECFA has deemed it safe since the 1990s."},
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame as a possible carcinogen. JECFA has deemed it safe since the early 1980s."},
		// the weight, in either unit
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame as a possible carcinogen. A 132-pound adult would need 12 to 36 cans a day to be at risk, JECFA says."},
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame as a possible carcinogen. A 60-kilogram adult would need 12 to 36 cans a day to be at risk, JECFA says."},
		{"summary", "facts", "fail", "Two sources say IARC will list aspartame as a possible carcinogen. A 150-pound adult would need 12 to 36 cans a day to be at risk, JECFA says."},
		{"summary", "facts", "fail", "Two sources say IARC will list aspartame as a possible carcinogen. An adult weighing 80 kilos would need 12 to 36 cans a day to be at risk, JECFA says."},
		{"summary", "facts", "fail", "Two sources say IARC will list aspartame as a possible carcinogen. A 70kg adult would need 12 to 36 cans a day to be at risk, JECFA says."},
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame as a possible carcinogen. A 132lb adult would need 12 to 36 cans a day to be at risk, JECFA says."},
		{"summary", "facts", "fail", "Two sources say IARC will list aspartame as a possible carcinogen. A 150lbs adult would need 12 to 36 cans a day to be at risk, JECFA says."},
		// numbers in words
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame as a possible carcinogen. An adult would need between twelve and thirty-six cans a day to be at risk, JECFA says."},
		{"summary", "facts", "fail", "Two sources say IARC will list aspartame as a possible carcinogen. An adult would need twenty-five cans a day to be at risk, JECFA says."},
		// the first time, or again
		{"headline", "facts", "pass", "Aspartame to be listed as possible carcinogen for the first time, sources say"},
		{"headline", "facts", "fail", "Aspartame to be listed as possible carcinogen for the second time, sources say"},
		{"headline", "facts", "fail", "Aspartame to be listed again as possible carcinogen, sources say"},
		{"headline", "facts", "fail", "IARC to reclassify aspartame as possible carcinogen, sources say"},
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame as a possible carcinogen in July. JECFA is reviewing the sweetener for the second time."},
		// a wrong date or number denied beside the right one is not stated
		{"headline", "facts", "pass", "Aspartame ruling due on July 14, not July 20 as first reported, sources say IARC will call it a possible carcinogen"},
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame as a possible carcinogen in July. The ruling was not finalised last year, as some blogs claimed, but this month."},
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame as a possible carcinogen on July 14. It is not listed again: this is the first time."},
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame as a possible carcinogen. You would need 12 to 36 cans a day, not five cans, to be at risk."},
		{"summary", "facts", "fail", "Two sources say IARC will list aspartame as a possible carcinogen. You would need just five cans a day to be at risk."},
		// one source where the source has two, and the makers' names
		{"headline", "facts", "fail", "IARC will list aspartame as possible carcinogen, a source says"},
		{"headline", "facts", "fail", "IARC will list aspartame as possible carcinogen, an insider familiar with the process says"},
		{"headline", "facts", "fail", "IARC will list aspartame as possible carcinogen, according to a person with knowledge of the process"},
		{"summary", "facts", "na", "Aspartame is a source of phenylalanine, a doctor says. Sources say IARC will list it as a possible carcinogen."},
		{"summary", "facts", "pass", "Two sources say IARC will list aspartame, which sweetens Coca-Cola's diet sodas, as a possible carcinogen."},
	})
}
