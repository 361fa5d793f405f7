package rubrics_test

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
)

// The surface table takes the rows of the generated probe tables (overclaim,
// tacit, sourcing, other side, agency, announced, taiwan, targets; and the
// routing tables about-class and neighbour) and rewrites each in one surface
// form at a time: the forms real coverage arrives in (chyrons in capitals,
// Title Case headlines, social posts with emoji, hashtags and handles, curly
// or straight quotes, dashes, no final stop or "!!", British or American
// spelling, contractions, doubled spaces, a line break in a headline). A
// verdict (or a route) must not change with the surface: each transformed
// text is compared with its own untransformed text's verdict, not with the
// verdict the guide wants, so the table measures invariance only.

// surfaceTransform is one surface rewrite; ok reports whether it applies.
type surfaceTransform struct {
	name string
	f    func(text string, kind rubric.Kind) string
}

var (
	emDashes = strings.NewReplacer(" — ", " – ", "—", " – ", " - ", " — ", " -- ", " — ")
	spaceRE  = regexp.MustCompile(` `)
)

// curly turns straight quotes into typographic ones: an apostrophe inside
// a word is a right single quote, double quotes open and close in turn.
func curly(s string) string {
	s = strings.ReplaceAll(s, "'", "\u2019")
	var b strings.Builder
	open := true
	for _, r := range s {
		if r == '"' {
			if open {
				b.WriteRune('\u201c')
			} else {
				b.WriteRune('\u201d')
			}
			open = !open
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// usUK pairs American and British spellings of words the lexicon's
// families carry, by the spelling rules that separate them (-ize/-ise,
// -yze/-yse, the doubled l before a suffix, -or/-our, -ense/-ence,
// judg(e)ment).
var usUK = [][2]string{
	{"signaled", "signalled"}, {"signaling", "signalling"},
	{"labeled", "labelled"}, {"labeling", "labelling"},
	{"canceled", "cancelled"}, {"modeled", "modelled"}, {"traveled", "travelled"},
	{"acknowledgment", "acknowledgement"}, {"acknowledgments", "acknowledgements"},
	{"judgment", "judgement"}, {"defense", "defence"}, {"offense", "offence"},
	{"favor", "favour"}, {"behavior", "behaviour"}, {"honor", "honour"}, {"rumor", "rumour"},
	{"neighbor", "neighbour"}, {"neighboring", "neighbouring"}, {"color", "colour"},
	{"organization", "organisation"}, {"organizations", "organisations"},
	{"recognize", "recognise"}, {"recognized", "recognised"}, {"recognizes", "recognises"},
	{"criticize", "criticise"}, {"criticized", "criticised"}, {"criticizes", "criticises"},
	{"characterize", "characterise"}, {"characterized", "characterised"}, {"characterizes", "characterises"},
	{"characterization", "characterisation"},
	{"categorize", "categorise"}, {"categorized", "categorised"}, {"categorizes", "categorises"},
	{"apologize", "apologise"}, {"apologized", "apologised"}, {"apologizes", "apologises"},
	{"emphasize", "emphasise"}, {"emphasized", "emphasised"}, {"emphasizes", "emphasises"},
	{"publicize", "publicise"}, {"publicized", "publicised"},
	{"finalize", "finalise"}, {"finalized", "finalised"}, {"finalizes", "finalises"},
	{"authorize", "authorise"}, {"authorized", "authorised"},
	{"minimize", "minimise"}, {"minimized", "minimised"}, {"minimizes", "minimises"},
	{"realize", "realise"}, {"realized", "realised"},
	{"analyze", "analyse"}, {"analyzed", "analysed"},
	{"summarize", "summarise"}, {"summarized", "summarised"},
	{"theorize", "theorise"}, {"theorized", "theorised"},
	{"sympathize", "sympathise"}, {"scrutinize", "scrutinise"}, {"scrutinized", "scrutinised"},
	{"jeopardize", "jeopardise"}, {"prioritize", "prioritise"},
	{"utilize", "utilise"},
}

// respell rewrites each word of s found as from in the pairs (keeping its
// capitalisation) into its other spelling.
func respell(s string, british bool) string {
	m := map[string]string{}
	for _, p := range usUK {
		if p[0] == p[1] {
			continue
		}
		if british {
			m[p[0]] = p[1]
		} else {
			m[p[1]] = p[0]
		}
	}
	return wordRE.ReplaceAllStringFunc(s, func(w string) string {
		to, ok := m[strings.ToLower(w)]
		if !ok {
			return w
		}
		if w[:1] != strings.ToLower(w[:1]) {
			return upperFirst(to)
		}
		return to
	})
}

var wordRE = regexp.MustCompile(`[A-Za-z]+`)

// contractionRE finds an auxiliary and "not" written apart, as whole words.
var contractionRE = regexp.MustCompile(`\b(?i:(did|does|do|is|are|was|were|has|have|had|would|could|should) not|will not|cannot)\b`)

// contract writes each auxiliary and "not" as its contraction ("did not",
// "didn't"; "will not", "won't"; "cannot", "can't").
func contract(s string) string {
	return contractionRE.ReplaceAllStringFunc(s, func(m string) string {
		switch strings.ToLower(m) {
		case "will not":
			return m[:1] + "on't"
		case "cannot":
			return m[:2] + "n't"
		}
		return strings.Fields(m)[0] + "n't"
	})
}

// surfaceTitle capitalises the first letter of each word, whatever comes
// before it (a quote mark, a bracket).
func surfaceTitle(s string) string {
	return wordRE.ReplaceAllStringFunc(s, func(w string) string { return upperFirst(w) })
}

func surfaceTransforms() []surfaceTransform {
	return []surfaceTransform{
		{"upper case", func(s string, _ rubric.Kind) string { return strings.ToUpper(s) }},
		{"title case", func(s string, _ rubric.Kind) string { return surfaceTitle(s) }},
		{"emoji+hashtag after", func(s string, _ rubric.Kind) string { return s + " 🚨🔥 #BreakingNews" }},
		{"emoji+hashtag before", func(s string, _ rubric.Kind) string { return "🚨 #BreakingNews " + s }},
		{"@handle prefix", func(s string, _ rubric.Kind) string { return "@newsdesk " + s }},
		{"curly quotes", func(s string, _ rubric.Kind) string { return curly(s) }},
		{"dashes", func(s string, _ rubric.Kind) string { return emDashes.Replace(s) }},
		{"no final stop", func(s string, _ rubric.Kind) string { return strings.TrimRight(s, ".!") }},
		{"final !!", func(s string, _ rubric.Kind) string { return strings.TrimRight(s, ".!") + "!!" }},
		{"british spelling", func(s string, _ rubric.Kind) string { return respell(s, true) }},
		{"american spelling", func(s string, _ rubric.Kind) string { return respell(s, false) }},
		{"contractions", func(s string, _ rubric.Kind) string { return contract(s) }},
		{"doubled spaces", func(s string, _ rubric.Kind) string { return spaceRE.ReplaceAllString(s, "  ") }},
		{"line break in headline", func(s string, k rubric.Kind) string {
			if k != rubric.Headline {
				return s
			}
			w := strings.Fields(s)
			if len(w) < 4 {
				return s
			}
			h := len(w) / 2
			return strings.Join(w[:h], " ") + "\n" + strings.Join(w[h:], " ")
		}},
	}
}

// surfaceRow is one probe of a graded table, or of a routing table (criterion
// empty).
type surfaceRow struct {
	rubric, criterion string
	kind              rubric.Kind
	text              string
}

func surfaceRows() []surfaceRow {
	var rows []surfaceRow
	add := func(id, crit string, ps []probe) {
		for _, p := range ps {
			rows = append(rows, surfaceRow{id, crit, p.kind, p.text})
		}
	}
	const volt, asp = "volt-typhoon-geneva", "aspartame-iarc"
	add(volt, "admission", admissionProbes())
	add(asp, "classification", classificationProbes())
	add(volt, "admission", tacitProbes())
	add(asp, "classification", possibleProbes())
	for _, st := range attrStories {
		add(st.id, "sourcing", sourcingProbes(st))
	}
	add(volt, "denial", denialProbes())
	add(asp, "counterweight", counterweightProbes())
	add(asp, "agency", agencyProbes())
	add(volt, "taiwan", taiwanProbes())
	add(volt, "targets", targetsProbes())
	for _, p := range announcedProbes() {
		if p.route == "" {
			continue
		}
		if p.sourcing != "" {
			rows = append(rows, surfaceRow{asp, "sourcing", p.kind, p.text})
		}
		if p.facts != "" {
			rows = append(rows, surfaceRow{asp, "facts", p.kind, p.text})
		}
		rows = append(rows, surfaceRow{"", "", "", p.text})
	}
	for _, ps := range aboutClassProbes() {
		for _, p := range ps {
			rows = append(rows, surfaceRow{"", "", "", p.text})
		}
	}
	for _, ps := range neighbourProbes() {
		for _, p := range ps {
			rows = append(rows, surfaceRow{"", "", "", p.text})
		}
	}
	return rows
}

// surfaceFloors is the most rows per transform whose verdict (or route)
// may change with the surface.
// First contact (surface12): upper case 44 of 10540 changed, title case 17,
// emoji+hashtag before 16, @handle 15, no final stop 11, final !! 11,
// contractions 12 of 234 (a one-word contraction is not the "not" of a
// pattern: "doesn't engage in hacking"), line break in a headline 489 (44 since a line break after
// a word that cannot end a sentence wraps it; upper case 17 since a shouted
// relative "WHO" after a noun is the pronoun); the rest none.
var surfaceFloors = map[string]int{
	"upper case": 17, "title case": 17, "emoji+hashtag before": 16, "@handle prefix": 15,
	"no final stop": 11, "final !!": 11, "contractions": 12, "line break in headline": 44,
}

// TestSurfaceTable checks that verdicts and routes are invariant under
// surface form; run with -v for the rate per transform and the changes.
func TestSurfaceTable(t *testing.T) {
	set := load(t)
	judge := rubric.NewRuleJudge()
	verdict := func(r surfaceRow, text string) string {
		if r.rubric == "" {
			return set.Route(text).Chosen
		}
		rb, err := set.Lookup(r.rubric)
		if err != nil {
			t.Fatal(err)
		}
		g, err := judge.Grade(t.Context(), rb, rubric.Request{Text: text, Kind: r.kind})
		if err != nil {
			t.Fatal(err)
		}
		return string(g.Criterion(r.criterion).Verdict)
	}
	rows := surfaceRows()
	base := make([]string, len(rows))
	for i, r := range rows {
		base[i] = verdict(r, r.text)
	}
	var report strings.Builder
	for _, tr := range surfaceTransforms() {
		n, changed := 0, 0
		var misses []string
		for i, r := range rows {
			text := tr.f(r.text, r.kind)
			if text == r.text {
				continue
			}
			n++
			if got := verdict(r, text); got != base[i] {
				changed++
				what := r.criterion
				if what == "" {
					what = "route"
				}
				misses = append(misses, fmt.Sprintf("%s [%s] %q: %s, untransformed %s", tr.name, what, text, got, base[i]))
			}
		}
		fmt.Fprintf(&report, "\n  %-24s %5d/%-5d invariant", tr.name, n-changed, n)
		sort.Strings(misses)
		for _, m := range misses {
			t.Log(m)
		}
		if changed > surfaceFloors[tr.name] {
			t.Errorf("%s: %d verdicts change with the surface, the floor allows %d", tr.name, changed, surfaceFloors[tr.name])
		}
	}
	t.Logf("%d rows; invariance by transform:%s", len(rows), report.String())
}
