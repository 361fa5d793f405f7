package revise_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/factgrade/factgrade/revise"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

func voltRubric(t testing.TB) *rubric.Rubric {
	t.Helper()
	set, err := rubrics.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := set.Get("volt-typhoon-geneva")
	if !ok {
		t.Fatal("no volt-typhoon-geneva rubric")
	}
	return r
}

func grade(t testing.TB, r *rubric.Rubric, kind rubric.Kind, text string) *rubric.Grade {
	t.Helper()
	g, err := revise.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: text, Kind: kind})
	if err != nil {
		t.Fatalf("Grade(%q): %v", text, err)
	}
	return g
}

// TestRewrite pins the rewrites of headlines from the editor's review
// (shared/reviews/editor-review.md) that the old build got wrong, and the
// headlines for which no rewrite may be offered.
func TestRewrite(t *testing.T) {
	r := voltRubric(t)
	tests := []struct {
		name, text, want string
	}{
		{"admit to + gerund", "Chinese officials confess to hacking US infrastructure in chilling Geneva showdown over Taiwan",
			"Chinese officials tacitly acknowledge hacking US infrastructure in chilling Geneva showdown over Taiwan, report says"},
		{"admits to being", "China admits to being behind Volt Typhoon", "China tacitly acknowledges being behind Volt Typhoon, officials say"},
		{"emphasis capitals", "China ADMITS it hacked America's water and ports in secret meeting",
			"China tacitly acknowledges it hacked America's water and ports in secret meeting, officials say"},
		{"all capitals, the editor's word kept", "CHINA SECRETLY ADMITS TO US HACKS", "CHINA SECRETLY AND TACITLY ACKNOWLEDGES US HACKS, OFFICIALS SAY"},
		{"title case", "China Admits It Was Behind Volt Typhoon Hacks", "China Tacitly Acknowledges It Was Behind Volt Typhoon Hacks, Officials Say"},
		{"quoted word loses its quotation marks", "China 'admitted' Volt Typhoon hacks in Geneva, U.S. officials claim",
			"China tacitly acknowledged Volt Typhoon hacks in Geneva, U.S. officials claim"},
		// The writer's hedge is kept; the qualifier follows the verb rather
		// than stacking two adverbs ("allegedly tacitly acknowledged").
		{"allegedly kept, not stacked", "China allegedly admitted hacking US water systems over Taiwan support",
			"China allegedly acknowledged, tacitly, hacking US water systems over Taiwan support"},
		{"reportedly, all capitals", "CHINA REPORTEDLY ADMITTED HACKING US PORTS", "CHINA REPORTEDLY ACKNOWLEDGED, TACITLY, HACKING US PORTS"},
		{"a hedge with nothing after the verb", "Volt Typhoon hacks: China allegedly admitted", ""},
		{"intensifier struck", "REPORT: China openly admitted hacking US water plants", "REPORT: China tacitly acknowledged hacking US water plants"},
		{"noun after a possessive", "Report: China's admission on Volt Typhoon hacks stuns Washington",
			"Report: China's tacit acknowledgment on Volt Typhoon hacks stuns Washington"},
		{"article follows the noun", "China made an open admission of the hacks", "China made a tacit acknowledgment of the hacks, officials say"},
		{"phrasal verb", "Beijing owns up to cyberattacks on American water utilities",
			"Beijing tacitly acknowledges cyberattacks on American water utilities, officials say"},
		{"responsibility for", "China took responsibility for the Volt Typhoon hacks", "China tacitly acknowledged the Volt Typhoon hacks, officials say"},
		{"made it clear", "Chinese official made it clear Beijing was behind US port hacks, report says",
			"Chinese official signaled Beijing was behind US port hacks, report says"},
		// Added words spell the country as the headline does.
		{"neutral verb qualified, US kept", "China linked hacks on US ports to trade war in secret talks, report says",
			"China tacitly linked hacks on US ports to US support for Taiwan in secret talks, report says"},
		{"U.S. kept", "China linked hacks on U.S. ports to trade war in secret talks, report says",
			"China tacitly linked hacks on U.S. ports to U.S. support for Taiwan in secret talks, report says"},
		// A small clause gets its "be" when the verb changes.
		{"small clause, past", "Exclusive: China confirmed Volt Typhoon behind water-utility breaches, officials said",
			"Exclusive: China tacitly acknowledged Volt Typhoon was behind water-utility breaches, officials said"},
		{"small clause, present, plural", "China admits its hackers behind US port intrusions, report says",
			"China tacitly acknowledges its hackers are behind US port intrusions, report says"},
		{"small clause with its be already", "China admitted it was behind US infrastructure hacks",
			"China tacitly acknowledged it was behind US infrastructure hacks, officials say"},
		// Facts the rubric's edits correct.
		{"wrong city", "China signals role in Volt Typhoon hacks at Vienna meeting, sources say",
			"China signals role in Volt Typhoon hacks at Geneva meeting, sources say"},
		{"wrong speaker", "Top Chinese leader tacitly admitted cyberattacks on US in Geneva, officials say",
			"Senior Chinese official tacitly admitted cyberattacks on US in Geneva, officials say"},
		{"wrong city and speaker, title case", "Chinese President Admitted Hacks at Vienna Summit, Report Says",
			"A Senior Chinese Official Tacitly Acknowledged Hacks at Geneva Summit, Report Says"},
		{"title case neutral verb", "China Linked Volt Typhoon Attacks to US Support for Taiwan: Report",
			"China Tacitly Linked Volt Typhoon Attacks to US Support for Taiwan: Report"},
		{"said to someone", "China has admitted to US officials that it hacked ports", "China has tacitly acknowledged to US officials that it hacked ports, report says"},
		{"passive", "US infrastructure hacks were admitted by Chinese officials at Geneva summit",
			"US infrastructure hacks were tacitly acknowledged by Chinese officials at Geneva summit, report says"},
		{"no doubled officials", "Chinese Diplomat's Veiled Warning on Volt Typhoon Startled US Officials",
			"Chinese Diplomat's Veiled Warning on Volt Typhoon Startled US Officials, Report Says"},
		{"no officials after an official's", "Chinese official's oblique remarks in Geneva read by U.S. as tacit acknowledgment of infrastructure hacks",
			"Chinese official's oblique remarks in Geneva read by U.S. as tacit acknowledgment of infrastructure hacks, report says"},
		{"wrong year fixed", "China's Wang Lei admitted Beijing ran Volt Typhoon at December 2023 Geneva talks",
			"China's Wang Lei tacitly acknowledged Beijing ran Volt Typhoon at December 2024 Geneva talks, officials say"},
		{"boasted of", "Beijing boasted of hacking US ports in Geneva talks", "Beijing tacitly acknowledged hacking US ports in Geneva talks, officials say"},
		{"the object keeps its determiner", "China quietly owned its Volt Typhoon hacks", "China quietly and tacitly acknowledged its Volt Typhoon hacks, officials say"},
		{"to whom, several words on", "Beijing admitted to U.S. officials in Geneva that it hacked ports",
			"Beijing tacitly acknowledged to U.S. officials in Geneva that it hacked ports, report says"},
		{"an adjunct's for stays", "China admitted for the first time it hacked US ports",
			"China tacitly acknowledged for the first time it hacked US ports, officials say"},
		{"a qualified verb after an adverb of manner", "China privately acknowledged Volt Typhoon hacks, US officials say",
			"China privately and tacitly acknowledged Volt Typhoon hacks, US officials say"},
		// No rewrite: the fix is given in words.
		{"an aside", "china sort of admitted to volt typhoon in a secret meeting lol", ""},
		{"a new subject after and", "China admitted its hackers hit US water systems, and it's a big deal", ""},
		{"a question", "Did China just admit to hacking America's water utilities?", ""},
		{"a verb introducing a quotation", "Chinese officials admitted: 'We hacked your infrastructure'", ""},
		{"inside a quotation", "China basically said 'we admit the hacks' in Geneva", ""},
		{"attribution the judge missed", "China tacitly acknowledged the Volt Typhoon hacks, say officials", ""},
		{"a speaker already named", "Volt Typhoon hacks were a warning over Taiwan, Chinese officials implied", ""},
		{"nothing left to acknowledge", "Did Beijing confess? China admits Volt Typhoon role", ""},
		// Attribution goes only where it carries the claim: not over
		// China's own denial, nor over the writer's verb after a
		// noun-phrase claim.
		{"a second predicate: China's denial", "China admits, then denies, role in Volt Typhoon hacks", ""},
		{"a second predicate after the object", "China admitted Volt Typhoon hacks but denied any role in Salt Typhoon", ""},
		{"the writer's verb after a noun claim", "China's Geneva hint at Volt Typhoon puts utilities, pipelines on alert", ""},
		{"the writer's verb after a noun claim, no fact wrong", "China's veiled hacking admission stuns US officials", ""},
		{"a second clause after a semicolon", "China admits hacking US ports; utilities brace for more", ""},
		{"an aside with an adverb", "China admitted to hacking US ports at Geneva meeting and honestly nobody cares", ""},
		{"a slang aside", "China admitted to hacking US ports in Geneva, no cap", ""},
		// One qualifier for the claim: a replacement that brings it leaves
		// the neutral verb beside it as written.
		{"one tacitly", "Cyber Bombshell: China Fesses Up to Years-Long Infrastructure Intrusions, Ties Them to Taiwan",
			"Cyber Bombshell: China Tacitly Acknowledges Years-Long Infrastructure Intrusions, Ties Them to Taiwan, Officials Say"},
		// … but nouns joined by "and", and an adjunct "behind closed
		// doors", are neither.
		{"nouns joined by and", "China admits hacking US ports and airports",
			"China tacitly acknowledges hacking US ports and airports, officials say"},
		// An A by arithmetic that keeps a detail the judge faults (an
		// unsourced target) is not offered.
		{"a faulted detail kept", "China tacitly acknowledged hacking US ports and pipelines in Geneva", ""},
		{"behind closed doors is no small clause", "China admits hacks behind closed doors",
			"China tacitly acknowledges hacks behind closed doors, officials say"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := grade(t, r, rubric.Headline, tt.text)
			if g.Rewrite != tt.want {
				t.Errorf("Grade(%q).Rewrite = %q, want %q", tt.text, g.Rewrite, tt.want)
			}
			if g.Rewrite == "" {
				if g.Letter != "A" && len(g.Fixes) == 0 {
					t.Errorf("Grade(%q) = %s with neither a rewrite nor a fix", tt.text, g.Letter)
				}
				return
			}
			if got := rubric.ApplyEdits(g.Text, g.RewriteEdits); got != g.Rewrite {
				t.Errorf("the edits give %q, not the rewrite %q", got, g.Rewrite)
			}
		})
	}
}

// TestRewriteEdits checks the edits say what was struck and added.
func TestRewriteEdits(t *testing.T) {
	g := grade(t, voltRubric(t), rubric.Headline, "China openly admits to hacking US water utilities")
	want := []rubric.Edit{
		{Start: 6, End: 13, Removed: "openly "},
		{Start: 13, End: 22, Removed: "admits to", Added: "tacitly acknowledges"},
		{Start: 49, End: 49, Added: ", officials say"},
	}
	if diff := cmp.Diff(want, g.RewriteEdits); diff != "" {
		t.Errorf("RewriteEdits (-want +got):\n%s", diff)
	}
}

// headlineCase is a labelled headline from a case file.
type headlineCase struct {
	ID     string      `json:"id"`
	Kind   rubric.Kind `json:"kind"`
	Text   string      `json:"text"`
	Rubric string      `json:"rubric"`
}

// readCases reads the cases of the case files that match pattern.
func readCases(t *testing.T, pattern string) []headlineCase {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files match %s (%v)", pattern, err)
	}
	var out []headlineCase
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var c headlineCase
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			out = append(out, c)
		}
		fh.Close()
	}
	return out
}

var (
	// "acknowledge to hacking", "acknowledged of", "acknowledges about"
	badPreposition = regexp.MustCompile(`(?i)\backnowledg(?:e|es|ed|ing)\s+(?:(?:of|about|for)\b|to\s+\w+ing\b)`)
	// the editor's own words, which a rewrite keeps
	editorWords   = []string{"allegedly", "reportedly", "secretly", "privately", "quietly", "exclusive", "report", "sources", "officials", "closed-door", "geneva"}
	reportingWord = regexp.MustCompile(`(?i)\b(say|says|said|tell|tells|told|according|per|reportedly|allegedly|reports?|reported|claims?|sources?|implied)\b`)
)

// hasReporting reports whether s has a reporting word that is not an
// infinitive ("to say" is what is to be said, not who said it).
func hasReporting(s string) bool {
	for _, m := range reportingWord.FindAllStringIndex(s, -1) {
		if !strings.HasSuffix(strings.ToLower(s[:m[0]]), "to ") {
			return true
		}
	}
	return false
}

// quoteMarks counts quotation marks, leaving out apostrophes (between
// letters, or after a plural's s).
// It is written apart from the package's own count on purpose: the oracle.
func quoteMarks(s string) int {
	rs := []rune(s)
	n := 0
	for i, r := range rs {
		switch r {
		case '"', '“', '”':
			n++
		case '\'', '‘', '’':
			letterBefore := i > 0 && unicode.IsLetter(rs[i-1])
			letterAfter := i+1 < len(rs) && unicode.IsLetter(rs[i+1])
			if !(letterBefore && letterAfter) && !(i > 0 && rs[i-1] == 's' && !letterAfter) {
				n++
			}
		}
	}
	return n
}

// TestEveryRewritePublishable grades every headline of the project's case
// files and the editor's set, and checks every rewrite the judge proposes:
// the edits give it; it is grammatical by construction (no "acknowledge to
// hacking"), keeps the headline's case style, quotation marks and the
// editor's words, adds attribution only where there was none and never
// twice; and it grades A with no review mark when graded afresh. It also
// reports the share of headlines that get a rewrite (BENCHMARKS.md).
func TestEveryRewritePublishable(t *testing.T) {
	set, err := rubrics.Load()
	if err != nil {
		t.Fatal(err)
	}
	sets := []struct{ name, pattern string }{
		{"project", "../rubrics/cases/volt-typhoon-geneva/*.jsonl"},
		{"editor", "testdata/editor-review.jsonl"},
		// the second story's own case files
		{"aspartame", "../rubrics/cases/aspartame-iarc/*.jsonl"},
	}
	for _, cs := range sets {
		var headlines, belowA, rewritten int
		for _, c := range readCases(t, cs.pattern) {
			r, ok := set.Get(c.Rubric)
			if c.Kind != rubric.Headline || !ok {
				continue
			}
			headlines++
			g := grade(t, r, rubric.Headline, c.Text)
			if g.Status == rubric.Graded && g.Letter != "A" {
				belowA++
			}
			if g.Rewrite == "" {
				continue
			}
			rewritten++
			checkRewrite(t, r, c.ID, g)
		}
		if headlines == 0 {
			continue
		}
		t.Logf("%s: %d headlines, %d graded below A, %d rewrites offered (%.0f%% of headlines, %.0f%% of those below A)",
			cs.name, headlines, belowA, rewritten, 100*float64(rewritten)/float64(headlines), 100*float64(rewritten)/float64(max(belowA, 1)))
		if rewritten == 0 {
			t.Errorf("%s: no rewrite at all; the test checks nothing", cs.name)
		}
	}
}

func checkRewrite(t *testing.T, r *rubric.Rubric, id string, g *rubric.Grade) {
	t.Helper()
	text, rw := g.Text, g.Rewrite
	if got := rubric.ApplyEdits(text, g.RewriteEdits); got != rw {
		t.Errorf("%s: edits of %q give %q, not the rewrite %q", id, text, got, rw)
	}
	if badPreposition.MatchString(rw) {
		t.Errorf("%s: ungrammatical rewrite %q", id, rw)
	}
	if strings.Contains(rw, "  ") || strings.Contains(rw, " ,") || strings.HasPrefix(rw, " ") {
		t.Errorf("%s: stray spacing in %q", id, rw)
	}
	if quoteMarks(rw) > quoteMarks(text) || quoteMarks(rw)%2 != quoteMarks(text)%2 {
		t.Errorf("%s: stray quotation mark in %q (from %q)", id, rw, text)
	}
	lower := strings.ToLower(rw)
	for _, w := range editorWords {
		if strings.Count(lower, w) < strings.Count(strings.ToLower(text), w) {
			t.Errorf("%s: rewrite %q drops the editor's %q", id, rw, w)
		}
	}
	for i, e := range g.RewriteEdits {
		if e.Start == e.End && e.Start >= len(strings.TrimRight(text, ". ")) { // appended attribution
			if before := rubric.ApplyEdits(text, g.RewriteEdits[:i]); hasReporting(before) {
				t.Errorf("%s: attribution %q added to %q, which has one", id, e.Added, before)
			}
			for _, w := range strings.Fields(strings.Trim(e.Added, ", -")) {
				if len(w) > 3 && strings.Contains(strings.ToLower(text), strings.ToLower(w)) {
					t.Errorf("%s: attribution %q doubles %q of %q", id, e.Added, w, text)
				}
			}
		}
		checkCase(t, id, text, e, strings.Join(r.Source.Paragraphs, " "))
	}
	rg := grade(t, r, rubric.Headline, rw)
	for _, cg := range rg.Criteria {
		if cg.Verdict == rubric.Partial || cg.Verdict == rubric.Fail {
			t.Errorf("%s: rewrite %q leaves %s %s", id, rw, cg.Criterion, cg.Verdict)
		}
	}
	if rg.Letter != "A" || rg.Score != g.RewriteScore || rg.Letter != g.RewriteLetter {
		t.Errorf("%s: rewrite %q grades %s %d afresh; the grade said %s %d", id, rw, rg.Letter, rg.Score, g.RewriteLetter, g.RewriteScore)
	}
	for _, cg := range rg.Criteria {
		if cg.NeedsReview {
			t.Errorf("%s: rewrite %q has %s marked for review", id, rw, cg.Criterion)
		}
	}
}

// checkCase checks an edit's added words against the headline's case: all
// capitals stay all capitals, all lower case stays lower case, and in a
// headline of sentence case the added words are lower case but for proper
// nouns and a word that starts the headline.
func checkCase(t *testing.T, id, text string, e rubric.Edit, source string) {
	t.Helper()
	hasLower := strings.ToUpper(text) != text
	hasUpper := strings.ToLower(text) != text
	switch {
	case !hasLower && strings.ToUpper(e.Added) != e.Added:
		t.Errorf("%s: %q added to an all-capitals headline %q", id, e.Added, text)
	case !hasUpper && strings.ToLower(e.Added) != e.Added:
		t.Errorf("%s: %q added to an all-lower-case headline %q", id, e.Added, text)
	}
	capsIn := func(s string) (caps, long int) {
		for _, w := range strings.Fields(s) {
			if len(w) > 3 {
				long++
				if unicode.IsUpper([]rune(w)[0]) {
					caps++
				}
			}
		}
		return
	}
	caps, long := capsIn(text)
	title := long > 0 && caps*4 >= long*3
	for i, w := range strings.Fields(e.Added) {
		if len(w) <= 3 || !hasLower || !hasUpper {
			continue
		}
		up := unicode.IsUpper([]rune(w)[0])
		rm := []rune(e.Removed)
		replacesName := len(rm) > 1 && unicode.IsUpper(rm[0]) && unicode.IsLower(rm[1]) // "Trump" → "Biden"
		// a proper noun: written with its capital in the story's source
		proper := replacesName || strings.Contains(w, ".") || regexp.MustCompile(`\b`+regexp.QuoteMeta(w)+`\b`).MatchString(source)
		start := i == 0 && (e.Start == 0 || strings.HasSuffix(strings.TrimSpace(text[:e.Start]), ":"))
		switch {
		case title && !up:
			t.Errorf("%s: %q in %q is not title case like %q", id, w, e.Added, text)
		case !title && up && !proper && !start:
			t.Errorf("%s: %q in %q is capitalised in a sentence-case headline %q", id, w, e.Added, text)
		}
	}
}

// TestFixesEveryCriterion checks that every criterion below pass gets a fix
// whatever the letter, that fixes have no placeholder left and never nest
// quotation marks, and that an A with a wrong ministry still says so.
func TestFixesEveryCriterion(t *testing.T) {
	r := voltRubric(t)
	cases := append(readCases(t, "../rubrics/cases/volt-typhoon-geneva/*.jsonl"), readCases(t, "testdata/editor-review.jsonl")...)
	for _, c := range cases {
		g := grade(t, r, c.Kind, c.Text)
		below := 0
		for _, cg := range g.Criteria {
			if cg.Verdict == rubric.Partial || cg.Verdict == rubric.Fail {
				below++
			}
		}
		if len(g.Fixes) != below {
			t.Errorf("%s: %d criteria below pass, %d fixes: %q", c.ID, below, len(g.Fixes), g.Fixes)
		}
		// A judge with no trace (a model's) gets the criteria's own fixes,
		// filled in the same way.
		untraced := revise.Fixes(r, g, nil)
		if len(untraced) != below {
			t.Errorf("%s: %d criteria below pass, %d untraced fixes", c.ID, below, len(untraced))
		}
		for _, f := range append(untraced, g.Fixes...) {
			if strings.ContainsAny(f, "{}") {
				t.Errorf("%s: fix with a placeholder left: %q", c.ID, f)
			}
			depth := 0
			for _, r := range f {
				switch r {
				case '“':
					depth++
					if depth > 1 {
						t.Errorf("%s: fix nests quotation marks: %q", c.ID, f)
					}
				case '”':
					depth--
				}
			}
		}
	}
	g := grade(t, r, rubric.Summary, "A senior official from China's Ministry of State Security acknowledged, in a veiled way, that Beijing was behind the Volt Typhoon hacks of U.S. ports and water utilities at a secret December 2024 meeting in Geneva, linking them to U.S. support for Taiwan, people familiar with the matter said. China's embassy called the accusations a smear.")
	if g.Criterion("meeting").Verdict != rubric.Fail || len(g.Fixes) == 0 || !strings.Contains(strings.Join(g.Fixes, " "), "Ministry of State Security") {
		t.Errorf("a wrong ministry (meeting %s, letter %s) gets fixes %q, want one naming it", g.Criterion("meeting").Verdict, g.Letter, g.Fixes)
	}
}

// TestFixSentence checks that a fix replaces a whole sentence where removing
// the word would leave nonsense ("China did not the report").
func TestFixSentence(t *testing.T) {
	g := grade(t, voltRubric(t), rubric.Summary, "Chinese officials tacitly acknowledged the Volt Typhoon hacks in Geneva, people familiar with the matter said. China did not deny the report.")
	want := "Replace “China did not deny the report.” with China's response: the embassy “accused the U.S. of ‘using cybersecurity to smear and slander China’"
	if joined := strings.Join(g.Fixes, "\n"); !strings.Contains(joined, want) {
		t.Errorf("fixes %q lack %q", joined, want)
	}
}

// TestFixChange checks that {change} names each word to change with what
// the rubric's edits put in its place, in the text's grammar: the verb's
// tense, a noun for a noun, an adverb struck.
func TestFixChange(t *testing.T) {
	r := voltRubric(t)
	tests := []struct {
		kind       rubric.Kind
		text, want string
	}{
		{rubric.Summary, "China admitted in December that it hacked American ports and airports. The confession came in Geneva.",
			"Replace “admitted” with “tacitly acknowledged”, replace “confession” with “tacit acknowledgment”"},
		{rubric.Headline, "China openly admits to hacking US water utilities", "Strike “openly”"},
		{rubric.Headline, "Beijing confesses to Volt Typhoon cyberattacks", "Replace “confesses to” with “tacitly acknowledges”"},
	}
	for _, tt := range tests {
		g := grade(t, r, tt.kind, tt.text)
		if joined := strings.Join(g.Fixes, "\n"); !strings.Contains(joined, tt.want) {
			t.Errorf("Grade(%q).Fixes = %q, want one with %q", tt.text, g.Fixes, tt.want)
		}
	}
}

// TestSecondStory rewrites headlines of a second, made-up story whose rubric
// (testdata/sweetener) names none of the first story's words: the grammar
// is the package's, the words are the rubric's.
func TestSecondStory(t *testing.T) {
	rs, err := rubric.LoadDir(os.DirFS("testdata/sweetener"), ".")
	if err != nil {
		t.Fatal(err)
	}
	r := rs[0]
	tests := []struct{ text, want string }{
		{"Aspartame causes cancer", "Aspartame is possibly carcinogenic -sources"},
		{"Sweeteners cause cancer in new agency review", "Sweeteners are possibly carcinogenic in new agency review -sources"},
		{"Aspartame Causes Cancer, Agency Will Rule", "Aspartame Is Possibly Carcinogenic, Agency Will Rule -sources"},
		{"Cancer agency to list aspartame as a carcinogen", "Cancer agency to list aspartame as a possible carcinogen -sources"},
		{"Aspartame causes cancer -sources", "Aspartame is possibly carcinogenic -sources"},
		{"Aspartame could cause cancer, sources say", ""},
	}
	for _, tt := range tests {
		g := grade(t, r, rubric.Headline, tt.text)
		if g.Rewrite != tt.want {
			t.Errorf("Grade(%q).Rewrite = %q, want %q (grade %s %d, fixes %q)", tt.text, g.Rewrite, tt.want, g.Letter, g.Score, g.Fixes)
		}
	}
}

// TestFixSaysWhereAttributionGoes: a headline refused a rewrite because
// attribution at its end would carry more than the claim gets a fix that
// says so; one where it may go there does not.
func TestFixSaysWhereAttributionGoes(t *testing.T) {
	r := voltRubric(t)
	tests := []struct{ text, want string }{
		{"China admits, then denies, role in Volt Typhoon hacks", "would also cover “then denies”"},
		{"China's Geneva hint at Volt Typhoon puts utilities, pipelines on alert", "would also vouch for what the headline itself says"},
		{"China admits hacking US ports and airports", ""},
	}
	for _, tt := range tests {
		g := grade(t, r, rubric.Headline, tt.text)
		all := strings.Join(g.Fixes, "\n")
		if tt.want == "" {
			if strings.Contains(all, "Attribution at the end") {
				t.Errorf("Grade(%q).Fixes = %q, want no word on where attribution goes", tt.text, g.Fixes)
			}
			continue
		}
		if !strings.Contains(all, tt.want) {
			t.Errorf("Grade(%q).Fixes = %q, want one saying %q", tt.text, g.Fixes, tt.want)
		}
	}
}
