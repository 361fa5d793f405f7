package rubrics_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// factForm is one way of writing a fact into a frame: the words, and the
// verdict the guide gives the frame's criterion when the fact is written so
// ("right" forms pass, "wrong" forms fail, "absent" forms state nothing).
type factForm struct {
	form  string // right, wrong, absent, or a criterion's partial class
	want  string
	words string
}

// factTable is one fact of a story's source, the sentence frames that carry
// it (each with one {} for the fact's words), and the ways English writes
// it. Every frame is graded with every form (facts × forms × frames).
type factTable struct {
	rubric, criterion, fact string
	kind                    rubric.Kind
	frames                  []string
	forms                   []factForm
}

// factFormTables are written here from the two guides' facts, meeting and
// targets criteria and from English (how dates, numbers, weights, places and
// bodies are written), not from any case file.
var factFormTables = []factTable{
	// aspartame: to be made public in July, on July 14 (a Friday), "next month" from June 29
	{rubric: "aspartame-iarc", criterion: "facts", fact: "made public July 14", kind: rubric.Summary,
		frames: []string{
			"Two sources told Reuters that IARC will list aspartame as possibly carcinogenic. The decision is due to be made public {}.",
			"IARC, the WHO's cancer research arm, will announce {} that aspartame is a possible carcinogen, two people with knowledge of the process said.",
			"Aspartame is set to be declared a possible carcinogen by the WHO's cancer agency {}, according to two sources.",
		},
		forms: []factForm{
			{"right", "pass", "on July 14"}, {"right", "pass", "on 14 July"}, {"right", "pass", "on July 14th"},
			{"right", "pass", "on the 14th of July"}, {"right", "pass", "in July"}, {"right", "pass", "next month"},
			{"right", "pass", "in mid-July"}, {"right", "pass", "on Friday, July 14"}, {"right", "pass", "in the middle of July"},
			{"wrong", "fail", "on July 20"}, {"wrong", "fail", "on 20 July"}, {"wrong", "fail", "in August"},
			{"wrong", "fail", "in September"}, {"wrong", "fail", "next week"}, {"wrong", "fail", "next year"},
			{"wrong", "fail", "this autumn"}, {"wrong", "fail", "in early August"}, {"wrong", "fail", "on June 30"},
			{"wrong", "fail", "on the 20th of July"}, {"wrong", "fail", "in October"},
			// no date: two sources alone state no fact of the facts criterion
			{"absent", "na", "soon"}, {"absent", "na", "in the coming weeks"},
		}},
	// aspartame: finalised in June ("earlier this month") after a meeting of external experts
	{rubric: "aspartame-iarc", criterion: "facts", fact: "finalised in June", kind: rubric.Summary,
		frames: []string{
			"Sources say the WHO's cancer agency will list aspartame as a possible carcinogen; the ruling was finalised {}.",
			"IARC's experts reached their decision {}, two sources said, and the agency will call aspartame possibly carcinogenic.",
			"According to two sources, IARC decided {} to list aspartame as possibly carcinogenic.",
		},
		forms: []factForm{
			{"right", "pass", "in June"}, {"right", "pass", "earlier this month"}, {"right", "pass", "in early June"},
			{"right", "pass", "in June after a meeting of outside experts"}, {"right", "pass", "after external experts met in June"},
			{"right", "pass", "this month after a meeting of its external experts"},
			{"wrong", "fail", "in May"}, {"wrong", "fail", "in April"}, {"wrong", "fail", "in July"},
			{"wrong", "fail", "last year"}, {"wrong", "fail", "in 2022"}, {"wrong", "fail", "in March after a meeting of outside experts"},
			{"wrong", "fail", "months ago"}, {"wrong", "fail", "in late May"},
		}},
	// aspartame: JECFA's view since 1981
	{rubric: "aspartame-iarc", criterion: "facts", fact: "JECFA since 1981", kind: rubric.Summary,
		frames: []string{
			"Two sources say IARC will list aspartame as possibly carcinogenic. JECFA, the WHO's additives committee, has said it is safe within daily limits {}.",
			"IARC may call aspartame a possible carcinogen, two sources said; {} the WHO's food additives committee has held it safe within accepted daily limits.",
		},
		forms: []factForm{
			{"right", "pass", "since 1981"}, {"right", "pass", "for more than 40 years"}, {"right", "pass", "for over four decades"},
			{"right", "pass", "since the early 1980s"}, {"right", "pass", "for four decades"}, {"right", "pass", "ever since 1981"},
			{"right", "pass", "for decades"}, {"right", "pass", "for more than four decades"}, {"right", "pass", "for over 40 years"},
			{"wrong", "fail", "since 1980"}, {"wrong", "fail", "since 1991"}, {"wrong", "fail", "since the 1990s"},
			{"wrong", "fail", "since 2001"}, {"wrong", "fail", "since the late 1970s"},
		}},
	// aspartame: a 60 kg adult would need 12 to 36 cans a day
	{rubric: "aspartame-iarc", criterion: "facts", fact: "12 to 36 cans", kind: rubric.Summary,
		frames: []string{
			"Two sources say IARC will list aspartame as possibly carcinogenic. Under JECFA's limits an adult would have to drink {} of diet soda a day to be at risk.",
			"IARC may call aspartame a possible carcinogen, sources say, though JECFA says it takes {} of diet soda every day to reach the limit.",
		},
		forms: []factForm{
			{"right", "pass", "12 to 36 cans"}, {"right", "pass", "between 12 and 36 cans"}, {"right", "pass", "12-36 cans"},
			{"right", "pass", "twelve to thirty-six cans"}, {"right", "pass", "from 12 to 36 cans"}, {"right", "pass", "12 to 36 cans"},
			{"right", "pass", "12 and 36 cans"}, {"right", "pass", "12–36 cans"}, {"right", "pass", "a dozen to three dozen cans"},
			{"wrong", "fail", "10 to 30 cans"}, {"wrong", "fail", "five cans"}, {"wrong", "fail", "two to three cans"},
			{"wrong", "fail", "14 cans"}, {"wrong", "fail", "between 20 and 40 cans"}, {"wrong", "fail", "20-40 cans"},
			{"wrong", "fail", "ten to thirty cans"}, {"wrong", "fail", "a couple of cans"}, {"wrong", "fail", "100 cans"},
		}},
	{rubric: "aspartame-iarc", criterion: "facts", fact: "60 kg adult", kind: rubric.Summary,
		frames: []string{
			"Two sources say IARC will list aspartame as possibly carcinogenic. JECFA says {} would need many cans of diet soda a day to be at risk.",
		},
		forms: []factForm{
			{"right", "pass", "a 60 kg adult"}, {"right", "pass", "a 60-kilogram adult"}, {"right", "pass", "an adult weighing 60 kilograms"},
			{"right", "pass", "a 60kg adult"}, {"right", "pass", "a 132-pound adult"}, {"right", "pass", "an adult weighing 60 kg"},
			{"right", "pass", "a 60-kg adult"}, {"right", "pass", "an adult of 60 kg"},
			{"wrong", "fail", "a 70 kg adult"}, {"wrong", "fail", "a 70-kilogram adult"}, {"wrong", "fail", "an adult weighing 80 kilograms"},
			{"wrong", "fail", "a 150-pound adult"}, {"wrong", "fail", "a 75kg adult"}, {"wrong", "fail", "an adult of 70 kg"},
			{"wrong", "fail", "an adult weighing 150 pounds"},
		}},
	// aspartame: two sources
	{rubric: "aspartame-iarc", criterion: "facts", fact: "two sources", kind: rubric.Summary,
		frames: []string{
			"IARC will list aspartame as possibly carcinogenic, {} told Reuters.",
			"According to {}, the WHO's cancer agency will call aspartame a possible carcinogen.",
		},
		forms: []factForm{
			// the count the source gives is no fact the guide checks (na), another count is wrong
			{"right", "na", "two sources"}, {"right", "na", "two people with knowledge of the process"},
			{"right", "na", "2 sources"}, {"right", "na", "two people familiar with the process"},
			{"wrong", "fail", "three sources"}, {"wrong", "fail", "four people familiar with the process"},
			{"wrong", "fail", "a single source"}, {"wrong", "fail", "five people with knowledge of the process"},
			{"wrong", "fail", "3 sources"},
		}},
	// aspartame: listed for the first time
	{rubric: "aspartame-iarc", criterion: "facts", fact: "first time", kind: rubric.Summary,
		frames: []string{
			"Two sources say IARC will list aspartame as possibly carcinogenic {}.",
		},
		forms: []factForm{
			{"right", "pass", "for the first time"}, {"right", "pass", "for the first time ever"},
			{"wrong", "fail", "for the second time"}, {"wrong", "fail", "for a third time"}, {"wrong", "fail", "again"},
		}},
	// aspartame: the products named
	{rubric: "aspartame-iarc", criterion: "facts", fact: "products", kind: rubric.Summary,
		frames: []string{
			"Two sources say IARC will list aspartame, used in {}, as possibly carcinogenic.",
			"Aspartame, found in {}, may be listed as a possible carcinogen, sources say.",
		},
		forms: []factForm{
			{"right", "pass", "Coca-Cola diet sodas"}, {"right", "pass", "Mars' Extra chewing gum"}, {"right", "pass", "some Snapple drinks"},
			{"right", "pass", "Diet Coke and Extra gum"},
		}},
	// aspartame: JECFA reviewing its intake limits this year, in any verb of reviewing
	{rubric: "aspartame-iarc", criterion: "facts", fact: "JECFA reviews", kind: rubric.Headline,
		frames: []string{
			"Aspartame may be listed as a possible carcinogen, sources say, as JECFA {} its intake limits",
			"IARC set to call aspartame a possible carcinogen while the WHO's food additives committee {} safe intake, sources say",
		},
		forms: []factForm{
			{"right", "pass", "reviews"}, {"right", "pass", "revisits"}, {"right", "pass", "re-examines"},
			{"right", "pass", "reconsiders"}, {"right", "pass", "re-evaluates"}, {"right", "pass", "is reassessing"},
			{"right", "pass", "is reviewing"},
		}},
	// aspartame: the agency's own word is that nothing is public yet (its
	// spokesperson in the source), not the ruling announced
	{rubric: "aspartame-iarc", criterion: "facts", fact: "agency says not public", kind: rubric.Summary,
		frames: []string{
			"Two sources told Reuters the WHO's cancer agency will call aspartame possibly carcinogenic, and the agency itself {}.",
		},
		forms: []factForm{
			{"right", "pass", "says nothing is public until July"}, {"right", "pass", "says the findings are confidential until July"},
			{"right", "pass", "says its findings stay under wraps until July 14"}, {"right", "pass", "says nothing will be announced before July"},
			{"wrong", "fail", "says aspartame is a possible carcinogen"},
		}},
	// aspartame: dates with a year
	{rubric: "aspartame-iarc", criterion: "facts", fact: "dates with a year", kind: rubric.Summary,
		frames: []string{
			"Two sources say IARC will list aspartame as possibly carcinogenic, with the decision due to be made public {}.",
		},
		forms: []factForm{
			{"right", "pass", "on July 14, 2023"}, {"right", "pass", "in July 2023"}, {"right", "pass", "on 14 July 2023"},
			{"wrong", "fail", "on July 14, 2024"}, {"wrong", "fail", "in July 2024"}, {"wrong", "fail", "in August 2023"},
		}},
	// aspartame: the ruling finalised, in other verbs of settling
	{rubric: "aspartame-iarc", criterion: "facts", fact: "finalised, other verbs", kind: rubric.Summary,
		frames: []string{
			"Two sources say IARC's experts {} ; aspartame will be listed as possibly carcinogenic.",
		},
		forms: []factForm{
			{"right", "pass", "signed off on the ruling in June"}, {"right", "pass", "agreed on the classification earlier this month"},
			{"right", "pass", "settled the ruling in June"}, {"right", "pass", "completed their assessment in June"},
			{"right", "pass", "concluded their review this month"},
			{"wrong", "fail", "signed off on the ruling in May"}, {"wrong", "fail", "agreed on the classification last year"},
			{"wrong", "fail", "completed their assessment in March"}, {"wrong", "fail", "concluded their review in 2021"},
		}},
	// aspartame: the listing still to come, or told as already made
	{rubric: "aspartame-iarc", criterion: "facts", fact: "listing to come", kind: rubric.Summary,
		frames: []string{
			"{} aspartame as possibly carcinogenic in July, according to two sources.",
		},
		forms: []factForm{
			{"right", "pass", "IARC will list"}, {"right", "pass", "IARC is set to list"}, {"right", "pass", "IARC plans to list"},
			{"right", "pass", "IARC is poised to classify"}, {"right", "pass", "IARC is expected to label"}, {"right", "pass", "IARC is about to list"},
		}},
	{rubric: "aspartame-iarc", criterion: "facts", fact: "listing already made", kind: rubric.Summary,
		frames: []string{
			"{} aspartame as possibly carcinogenic, according to two sources.",
		},
		forms: []factForm{
			{"wrong", "fail", "IARC has listed"}, {"wrong", "fail", "IARC has classified"},
			{"wrong", "fail", "IARC this week classified"}, {"wrong", "fail", "The WHO's cancer agency has labelled"},
			// "formally", "officially" in the past tell the official event of
			// July 14, a neighbouring story (na on every criterion)
			{"absent", "na", "IARC formally listed"}, {"absent", "na", "IARC has officially classified"},
		}},
	// aspartame: JECFA's findings on the same day, July 14
	{rubric: "aspartame-iarc", criterion: "facts", fact: "JECFA same day", kind: rubric.Summary,
		frames: []string{
			"Two sources say IARC will list aspartame as possibly carcinogenic on July 14; JECFA, the WHO's additives committee, will announce its own findings {}.",
		},
		forms: []factForm{
			{"right", "pass", "on the same day"}, {"right", "pass", "the same day"}, {"right", "pass", "simultaneously"},
			{"right", "pass", "at the same time"},
			{"wrong", "fail", "in August"}, {"wrong", "fail", "next year"}, {"wrong", "fail", "on July 20"},
		}},
	// aspartame: the weight and the threshold, more spellings
	{rubric: "aspartame-iarc", criterion: "facts", fact: "60 kg adult, more", kind: rubric.Summary,
		frames: []string{
			"Two sources say IARC will list aspartame as possibly carcinogenic. JECFA says {} would need 12 to 36 cans of diet soda a day to be at risk.",
		},
		forms: []factForm{
			{"right", "pass", "a 60-kilo adult"}, {"right", "pass", "a 132-lb adult"}, {"right", "pass", "an adult weighing 132 pounds"},
			{"right", "pass", "a 60kg (132lb) adult"},
			{"wrong", "fail", "a 90-kilo adult"}, {"wrong", "fail", "a 200-lb adult"}, {"wrong", "fail", "an adult weighing 90 kg"},
		}},
	// aspartame: near misses of the forms above: decades that are not the
	// view's, "again" outside the listing, the count of other people, the
	// report's own date, a spokesperson's word on the process
	{rubric: "aspartame-iarc", criterion: "facts", fact: "near misses", kind: rubric.Summary,
		frames: []string{"{}"},
		forms: []factForm{
			{"absent", "na", "Sources say the WHO's cancer agency will flag aspartame as a possible cancer risk the industry has played down for decades."},
			{"absent", "na", "Two sources say IARC will list aspartame as possibly carcinogenic. Soda makers say they will fight the label in court again."},
			{"absent", "na", "IARC will list aspartame as possibly carcinogenic, sources say. According to 3 surveys, most adults drink diet soda."},
			{"right", "pass", "IARC will list aspartame as possibly carcinogenic in July, two sources told Reuters this week."},
			{"right", "pass", "IARC will list aspartame as possibly carcinogenic in July, Reuters reported June 29, citing two sources."},
			{"right", "pass", "Two sources say IARC will list aspartame as possibly carcinogenic; an IARC spokesperson said the findings were confidential until July."},
		}},
	// aspartame: amounts the source does not hold (JECFA's daily intake per
	// kilogram, what people drink), neither right nor wrong, and the
	// experts' meeting dated
	{rubric: "aspartame-iarc", criterion: "facts", fact: "amounts not held", kind: rubric.Summary,
		frames: []string{
			"Sources say the WHO's cancer agency will list aspartame as a possible carcinogen. {}",
		},
		forms: []factForm{
			{"absent", "na", "JECFA's acceptable daily intake is 40 mg per kilogram of body weight."},
			{"absent", "na", "The accepted limit is about 40 milligrams per kg of body weight a day."},
			{"absent", "na", "Most adults drink a can or two a day."},
			{"right", "pass", "The ruling followed a meeting of outside experts in June."},
			{"wrong", "fail", "The ruling followed a meeting of outside experts in May."},
			{"wrong", "fail", "The ruling followed a meeting of outside experts last year."},
			{"wrong", "fail", "The agency's experts reached the decision a year ago."},
			{"absent", "na", "A French study published last year had linked the sweetener to a small rise in cancer."},
			{"absent", "na", "The agency held a separate review of processed meat years ago."},
		}},
	// aspartame: nothing stated
	{rubric: "aspartame-iarc", criterion: "facts", fact: "none", kind: rubric.Headline,
		frames: []string{"{}"},
		forms: []factForm{
			{"absent", "na", "WHO cancer agency to call aspartame a possible carcinogen, sources say"},
			{"absent", "na", "Aspartame may soon be labelled a possible carcinogen, sources say"},
			{"absent", "na", "Sweetener aspartame set to be named possible cancer risk: sources"},
		}},

	// volt: the meeting's date, December 2024, in any wording
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "December 2024", kind: rubric.Summary,
		frames: []string{
			"Chinese officials tacitly linked the hacks on U.S. ports to American support for Taiwan at a meeting in Geneva {}, people familiar with the matter said.",
			"{}, Chinese officials hinted in Geneva that Beijing was behind intrusions at U.S. water utilities, U.S. officials said.",
		},
		forms: []factForm{
			{"right", "pass", "in December"}, {"right", "pass", "last December"}, {"right", "pass", "in December 2024"},
			{"right", "pass", "in late 2024"}, {"right", "pass", "in the final weeks of the Biden administration"},
			{"right", "pass", "in Dec. 2024"}, {"right", "pass", "weeks before Donald Trump took office"},
			{"right", "pass", "in early December"}, {"right", "pass", "at the end of 2024"},
			{"wrong", "fail", "in March"}, {"wrong", "fail", "in December 2023"}, {"wrong", "fail", "last spring"},
			{"wrong", "fail", "in January"}, {"wrong", "fail", "in November 2024"}, {"wrong", "fail", "in early 2025"},
			{"wrong", "fail", "in the first weeks of the Trump administration"}, {"wrong", "fail", "in the summer of 2024"},
			{"wrong", "fail", "after Donald Trump took office"},
		}},
	// volt: the meeting's city
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "Geneva", kind: rubric.Summary,
		frames: []string{
			"Chinese officials tacitly linked the hacks on U.S. ports to American support for Taiwan at a secret December meeting {}, people familiar with the matter said.",
			"At a closed-door meeting {} in December, Chinese officials hinted Beijing was behind the intrusions, U.S. officials said.",
		},
		forms: []factForm{
			{"right", "pass", "in Geneva"}, {"right", "pass", "in Switzerland"}, {"right", "pass", "in the Swiss city of Geneva"},
			{"right", "pass", "in Geneva, Switzerland"},
			{"wrong", "fail", "in Vienna"}, {"wrong", "fail", "in Singapore"}, {"wrong", "fail", "in Zurich"},
			{"wrong", "fail", "in Paris"}, {"wrong", "fail", "in the Austrian capital"}, {"wrong", "fail", "in Oslo"},
		}},
	// volt: Geneva in another role, and another city where a different meeting was
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "city in another role", kind: rubric.Summary,
		frames: []string{"{}"},
		forms: []factForm{
			{"right", "pass", "At a secret December meeting in Geneva, months after trade talks in Vienna, Chinese officials hinted at the port hacks, officials said."},
			{"right", "pass", "Chinese officials tacitly acknowledged the hacks at a December meeting in Geneva; U.S. officials later briefed allies in Tokyo, people familiar said."},
			{"wrong", "fail", "Chinese officials tacitly acknowledged the hacks at a December meeting in Vienna, weeks after a trade round in Geneva, people familiar said."},
		}},
	// volt: the meeting's form (secret, closed-door, half-day) and its host
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "form and host", kind: rubric.Summary,
		frames: []string{
			"Chinese officials tacitly linked the hacks on U.S. ports to Taiwan at {} in Geneva, people familiar with the matter said.",
		},
		forms: []factForm{
			{"right", "pass", "a secret meeting"}, {"right", "pass", "a closed-door meeting"}, {"right", "pass", "a half-day meeting"},
			{"right", "pass", "a private meeting with the outgoing Biden administration"}, {"right", "pass", "a meeting with Biden administration officials"},
			{"wrong", "fail", "a meeting with Trump administration officials"}, {"wrong", "fail", "a public meeting"},
			{"wrong", "fail", "a two-day meeting"}, {"wrong", "fail", "a televised meeting"},
		}},
	// volt: who spoke
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "speaker", kind: rubric.Summary,
		frames: []string{
			"At the Geneva meeting, {} tacitly linked the hacks on U.S. ports to Taiwan, U.S. officials said.",
		},
		forms: []factForm{
			{"right", "pass", "Wang Lei, a top cyber official at China's Ministry of Foreign Affairs,"},
			{"right", "pass", "Wang Lei of the Chinese foreign ministry"}, {"right", "pass", "a senior Chinese foreign ministry official"},
			{"right", "pass", "China's foreign ministry cyber chief"}, {"right", "pass", "Wang Lei"},
			{"wrong", "fail", "an official of China's Ministry of State Security"}, {"wrong", "fail", "President Xi Jinping"},
			{"wrong", "fail", "a top Chinese leader"}, {"wrong", "fail", "Xi Jinping"}, {"wrong", "fail", "a Ministry of State Security official"},
			// the speaker's rank: a top cyber official, not a junior one
			{"wrong", "fail", "a mid-ranking Chinese diplomat"}, {"wrong", "fail", "a junior Chinese official"},
			{"wrong", "fail", "a low-level Chinese envoy"}, {"wrong", "fail", "a lower-level Chinese official"},
			{"right", "pass", "a senior Chinese official"}, {"right", "pass", "a top Chinese cyber official"},
		}},
	// volt: the speaker's rank or trade misstated in a sentence of its own,
	// and near misses: a U.S. source's rank, a correction of the error
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "speaker in context", kind: rubric.Summary,
		frames: []string{"{}"},
		forms: []factForm{
			{"wrong", "fail", "China's spymasters have quietly hinted at a secret Geneva meeting that they were behind the port hacks, officials said."},
			{"wrong", "fail", "Beijing's hackers had tacitly owned the intrusions at the Geneva meeting, U.S. officials said."},
			{"wrong", "fail", "Washington rests its case on one vague remark by a junior Chinese diplomat in Geneva, officials said."},
			{"wrong", "fail", "China's hackers brazenly boast of port hacks at Geneva talks, officials say"},
			{"right", "pass", "U.S. officials in the room read Wang Lei's remarks as a tacit admission of the port hacks, people familiar said."},
			{"right", "pass", "At the Geneva meeting, Wang Lei tacitly linked the hacks to Taiwan, a mid-level U.S. official said."},
			{"right", "pass", "At the Geneva meeting, Wang Lei hinted China was behind the hacks, according to a junior U.S. diplomat who was in the room."},
			{"right", "pass", "Correction: An earlier version of this story misidentified Wang Lei as an official of China's Ministry of State Security. He is a cyber official at the Foreign Ministry."},
			{"right", "pass", "Correction: An earlier version of this story wrongly described the December meeting where Chinese officials hinted at the port hacks as taking place in Vienna. It was held in Geneva."},
			{"right", "pass", "Correction: An earlier version incorrectly identified the Chinese official who tacitly linked the hacks to Taiwan in Geneva as President Xi Jinping. He was Wang Lei."},
		}},
	// volt: the date, the place and the host, more wordings
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "more dates", kind: rubric.Summary,
		frames: []string{
			"Chinese officials tacitly linked the hacks on U.S. ports to American support for Taiwan at a meeting in Geneva {}, people familiar with the matter said.",
		},
		forms: []factForm{
			{"right", "pass", "in mid-December"}, {"right", "pass", "in the waning days of the Biden administration"},
			{"right", "pass", "during the Biden administration's final month"}, {"right", "pass", "in December of last year"},
			{"wrong", "fail", "in the spring of 2024"}, {"wrong", "fail", "in late 2023"}, {"wrong", "fail", "this February"},
			{"wrong", "fail", "in mid-October"}, {"wrong", "fail", "in December 2022"},
		}},
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "more places and hosts", kind: rubric.Summary,
		frames: []string{
			"Chinese officials tacitly linked the hacks on U.S. ports to Taiwan at a December meeting {}, people familiar with the matter said.",
		},
		forms: []factForm{
			{"right", "pass", "on Swiss soil"}, {"right", "pass", "in the Swiss city"}, {"right", "pass", "with outgoing Biden officials"},
			{"right", "pass", "with the lame-duck Biden administration"},
			{"wrong", "fail", "on Austrian soil"}, {"wrong", "fail", "in the Austrian city of Vienna"}, {"wrong", "fail", "in a hotel in Vienna"},
			{"wrong", "fail", "with Trump officials"}, {"wrong", "fail", "hosted by the Trump White House"},
		}},
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "more speakers", kind: rubric.Summary,
		frames: []string{
			"At the Geneva meeting, {} tacitly linked the hacks on U.S. ports to Taiwan, U.S. officials said.",
		},
		forms: []factForm{
			{"right", "pass", "China's top cyber diplomat"}, {"right", "pass", "a senior official of China's foreign ministry"},
			{"wrong", "fail", "a PLA general"}, {"wrong", "fail", "an official of China's Defense Ministry"},
			{"wrong", "fail", "Chinese military officers"}, {"wrong", "fail", "an official from the Ministry of Public Security"},
		}},
	// volt: the year and relative dates from the report's April 2025
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "year and relative", kind: rubric.Summary,
		frames: []string{
			"Chinese officials tacitly linked the hacks on U.S. ports to American support for Taiwan at a Geneva meeting {}, people familiar with the matter said.",
		},
		forms: []factForm{
			{"right", "pass", "in December, 2024"}, {"right", "pass", "in Dec 2024"}, {"right", "pass", "four months ago"},
			{"right", "pass", "late last year"},
			{"wrong", "fail", "in December 2025"}, {"wrong", "fail", "last month"}, {"wrong", "fail", "earlier this year"},
			{"wrong", "fail", "last week"}, {"wrong", "fail", "in December of 2021"},
		}},
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "counterparts", kind: rubric.Summary,
		frames: []string{
			"Chinese officials tacitly linked the hacks on U.S. ports to Taiwan at a secret Geneva meeting {}, people familiar with the matter said.",
		},
		forms: []factForm{
			{"right", "pass", "with Biden's team"}, {"right", "pass", "with Biden-era officials"}, {"right", "pass", "with the departing Biden team"},
			{"wrong", "fail", "with the Obama administration"}, {"wrong", "fail", "with Trump's team"}, {"wrong", "fail", "with the incoming Trump team"},
		}},
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "more speakers, ministers", kind: rubric.Summary,
		frames: []string{
			"At the Geneva meeting, {} tacitly linked the hacks on U.S. ports to Taiwan, U.S. officials said.",
		},
		forms: []factForm{
			{"wrong", "fail", "Foreign Minister Wang Yi"}, {"wrong", "fail", "a Chinese vice foreign minister"},
			{"wrong", "fail", "China's ambassador"}, {"wrong", "fail", "a Chinese intelligence chief"},
		}},
	// volt: near misses of the date forms: the report dated after the
	// inauguration, the inauguration after the meeting
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "date near misses", kind: rubric.Summary,
		frames: []string{"{}"},
		forms: []factForm{
			{"right", "pass", "The report, published after Trump took office, said Chinese officials hinted at the hacks at a December meeting in Geneva."},
			{"right", "pass", "Chinese officials tacitly linked the port hacks to Taiwan in Geneva in December, weeks before Trump took office, U.S. officials said."},
			{"right", "pass", "Last December, Chinese officials hinted in Geneva that Beijing was behind the port hacks, U.S. officials said."},
			{"right", "pass", "In April, the Journal reported that Chinese officials had hinted in Geneva that Beijing was behind the port hacks."},
		}},
	// volt: nothing of the meeting stated
	{rubric: "volt-typhoon-geneva", criterion: "meeting", fact: "none", kind: rubric.Headline,
		frames: []string{"{}"},
		forms: []factForm{
			{"absent", "na", "China tacitly acknowledged hacks on US ports, officials say"},
			{"absent", "na", "Beijing signaled role in US infrastructure hacks, report says"},
		}},

	// volt: the targets
	{rubric: "volt-typhoon-geneva", criterion: "targets", fact: "targets", kind: rubric.Summary,
		frames: []string{
			"At a secret December meeting in Geneva, Chinese officials tacitly linked intrusions into {} to U.S. support for Taiwan, people familiar with the matter said.",
			"Chinese officials hinted in Geneva that Beijing was behind the hacks of {}, U.S. officials said.",
		},
		forms: []factForm{
			{"right", "pass", "U.S. ports, water utilities and airports"}, {"right", "pass", "American water systems"},
			{"right", "pass", "U.S. seaports"}, {"right", "pass", "water treatment plants"}, {"right", "pass", "airport networks"},
			{"right", "pass", "computer networks at U.S. ports"}, {"right", "pass", "water supplies and airports"},
			{"right", "pass", "civilian infrastructure such as ports"},
			{"partial", "partial", "the U.S. power grid"}, {"partial", "partial", "energy companies"}, {"partial", "partial", "electric utilities"},
			{"partial", "partial", "transportation hubs"}, {"partial", "partial", "ports and power plants"}, {"partial", "partial", "the Treasury Department"},
			{"wrong", "fail", "U.S. telecommunications networks"}, {"wrong", "fail", "telecom companies"}, {"wrong", "fail", "phone carriers"},
			{"wrong", "fail", "ports and telecom networks"}, {"wrong", "fail", "wireless carriers"},
			{"absent", "na", "U.S. infrastructure"}, {"absent", "na", "American infrastructure"},
			{"right", "pass", "harbors and airports"}, {"right", "pass", "municipal water systems"}, {"right", "pass", "water treatment facilities"},
			{"right", "pass", "airports and seaports"},
			{"partial", "partial", "oil pipelines"}, {"partial", "partial", "railways"}, {"partial", "partial", "the power sector"},
			{"wrong", "fail", "cellular networks"}, {"wrong", "fail", "AT&T and Verizon"}, {"wrong", "fail", "internet service providers"},
		}},
	{rubric: "volt-typhoon-geneva", criterion: "targets", fact: "telecom apart", kind: rubric.Summary,
		frames: []string{"{}"},
		forms: []factForm{
			{"right", "pass", "At a December meeting in Geneva, Chinese officials tacitly linked hacks on U.S. ports to Taiwan, officials said. A separate breach of telecom networks was attributed to Salt Typhoon."},
			{"right", "pass", "Chinese officials hinted they were behind intrusions at U.S. water utilities, officials said; Salt Typhoon, a different group, hit phone carriers."},
		}},
}

// knownFactMisses are the generated texts the rule judge still grades
// otherwise than the guide, each with why it was left: they count in the
// coverage, and the test fails when one starts to pass (take it out then).
var knownFactMisses = map[string]string{
	// a June day after the agent phrase: reading it that far from the verb
	// also read the report's own date ("…in July, Reuters reported June 29")
	"Aspartame is set to be declared a possible carcinogen by the WHO's cancer agency on June 30, according to two sources.": "June day far from its verb",
}

// TestFactFormsGenerated grades every fact of factFormTables in every form
// and frame, and logs the coverage per fact and form (go test -run
// TestFactFormsGenerated -v shows it).
func TestFactFormsGenerated(t *testing.T) {
	set := load(t)
	type cell struct{ ok, n int }
	coverage := map[string]*cell{}
	for _, tb := range factFormTables {
		r, err := set.Lookup(tb.rubric)
		if err != nil {
			t.Fatal(err)
		}
		for _, frame := range tb.frames {
			for _, f := range tb.forms {
				text := strings.Replace(frame, "{}", f.words, 1)
				if strings.HasPrefix(frame, "{}") && len(text) > 0 {
					text = strings.ToUpper(text[:1]) + text[1:]
				}
				g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: text, Kind: tb.kind})
				if err != nil {
					t.Fatal(err)
				}
				key := fmt.Sprintf("%s %s / %s", tb.rubric, tb.fact, f.form)
				c := coverage[key]
				if c == nil {
					c = &cell{}
					coverage[key] = c
				}
				c.n++
				got := g.Criterion(tb.criterion)
				why, known := knownFactMisses[text]
				if string(got.Verdict) == f.want {
					c.ok++
					if known {
						t.Errorf("%s of %q = %s now: take it out of knownFactMisses", tb.criterion, text, got.Verdict)
					}
					continue
				}
				if known {
					t.Logf("known miss (%s): %s of %q = %s, want %s", why, tb.criterion, text, got.Verdict, f.want)
					continue
				}
				t.Errorf("%s of %s %q = %s (%s), want %s", tb.criterion, tb.kind, text, got.Verdict, got.Reason, f.want)
			}
		}
	}
	keys := make([]string, 0, len(coverage))
	for k := range coverage {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	ok, n := 0, 0
	for _, k := range keys {
		t.Logf("%-55s %3d/%3d", k, coverage[k].ok, coverage[k].n)
		ok += coverage[k].ok
		n += coverage[k].n
	}
	t.Logf("all %d/%d", ok, n)
}
