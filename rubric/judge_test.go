package rubric_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

var (
	voltOnce sync.Once
	volt     *rubric.Rubric
	voltErr  error
)

func voltRubric(t testing.TB) *rubric.Rubric {
	t.Helper()
	voltOnce.Do(func() {
		set, err := rubrics.Load()
		if err != nil {
			voltErr = err
			return
		}
		volt, _ = set.Get("volt-typhoon-geneva")
	})
	if voltErr != nil || volt == nil {
		t.Fatalf("loading the embedded rubric: %v", voltErr)
	}
	return volt
}

func grade(t testing.TB, kind rubric.Kind, text string) *rubric.Grade {
	t.Helper()
	g, err := rubric.NewRuleJudge().Grade(t.Context(), voltRubric(t), rubric.Request{Text: text, Kind: kind})
	if err != nil {
		t.Fatalf("Grade(%q): %v", text, err)
	}
	return g
}

// criterionCase is a text and the verdicts the guide gives some criteria.
type criterionCase struct {
	kind rubric.Kind
	text string
	want map[string]rubric.Verdict
}

const (
	H = rubric.Headline
	S = rubric.Summary
)

func v(pairs ...string) map[string]rubric.Verdict {
	m := map[string]rubric.Verdict{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = rubric.Verdict(pairs[i+1])
	}
	return m
}

// These texts are written for the tests, not taken from the case files, so
// they check that the rules model word families, negation, hedges and
// attribution rather than remember sentences.
var criterionCases = map[string][]criterionCase{
	"admission": {
		{H, "Beijing confessed to the Volt Typhoon intrusions", v("admission", "fail")},
		{H, "Chinese diplomats concede role in attacks on US utilities", v("admission", "fail")},
		{H, "China owned up to hacking America's water systems", v("admission", "fail")},
		{H, "China took responsibility for cyber intrusions on U.S. ports", v("admission", "fail")},
		{H, "China openly acknowledged the hacks at Geneva talks", v("admission", "fail")},
		{H, "China comes clean on years of hacks against US infrastructure", v("admission", "fail")},
		{H, "Beijing's confession: we hacked your ports", v("admission", "fail")},
		{H, "China admits it: the hacks were a warning over Taiwan", v("admission", "fail")},
		{H, "China allegedly admitted to hacking U.S. infrastructure", v("admission", "partial")},
		{H, "China \"admits\" hacking US infrastructure", v("admission", "partial")},
		{H, "China admitted hacks, U.S. officials say", v("admission", "partial")},
		{H, "U.S. Intelligence: China Admitted Role in Infrastructure Hacks", v("admission", "partial")},
		{H, "Chinese officials indicated Beijing was behind hacks on U.S. infrastructure", v("admission", "partial")},
		{H, "China linked cyberattacks on US to Taiwan policy", v("admission", "partial")},
		{H, "China implicitly admits role in U.S. infrastructure hacks", v("admission", "pass")},
		{H, "China gave a veiled acknowledgment of Volt Typhoon, officials say", v("admission", "pass")},
		{H, "China stopped short of admitting the hacks", v("admission", "pass")},
		{H, "China never claimed responsibility, but its message on the hacks was heard", v("admission", "pass")},
		{H, "Beijing winked at its role in the hacks of American utilities", v("admission", "pass")},
		{H, "US officials took China's remarks as an admission of the hacks", v("admission", "pass")},
		{H, "Chinese officials did not explicitly admit to the cyberattacks", v("admission", "pass")},
		{H, "Beijing all but admitted to Volt Typhoon hacks, U.S. officials say", v("admission", "pass")},
		{H, "China Admits (Sort Of) To Volt Typhoon Hacks", v("admission", "pass")},
		{H, "China Quietly Confirms It Hacked US Infrastructure", v("admission", "fail", "meeting", "pass")},
		{H, "China secretly admitted to US cyberattacks, report says", v("admission", "partial", "sourcing", "pass")},
		{S, "Chinese officials admitted the hacks on U.S. ports. Their remarks were indirect, U.S. officials said.", v("admission", "partial")},
		{S, "China publicly acknowledged the attacks on U.S. water utilities, according to people familiar with the matter.", v("admission", "fail")},
		{S, "China reportedly admitted to the hacks. The Chinese embassy called the report a smear.", v("admission", "partial")},
		{S, "The Chinese embassy called reports of a hacking campaign a smear.", v("admission", "na", "sourcing", "na")},
		{S, "China's admission, though indirect, of the hacks was taken by U.S. officials as a warning about Taiwan.", v("admission", "pass")},
		{S, "Chinese officials admitted the hacks. U.S. officials viewed the admission as a strategic warning.", v("admission", "fail")},
		{S, "China admits the hacks, a shocking admission that signals a dangerous new phase.", v("admission", "fail")},
		{S, "Chinese officials tacitly admitted to orchestrating the attacks on U.S. ports.", v("admission", "partial")},
		{S, "U.S. officials say Beijing orchestrated the cyberattacks; China signalled its role, people familiar with the matter said.", v("admission", "pass")},
		{S, "Beijing continues to deny the allegations of orchestrating the cyberattacks, though officials say it tacitly acknowledged them.", v("admission", "pass")},
		{S, "China did not issue a direct confession, but its remarks linked the hacks to Taiwan, officials said.", v("admission", "pass")},
	},
	"sourcing": {
		{H, "China tacitly admitted hacks, sources say", v("sourcing", "pass")},
		{H, "According to WSJ, China signalled role in hacks", v("sourcing", "pass")},
		{H, "China signalled role in hacks: Journal", v("sourcing", "pass")},
		{H, "China signalled role in U.S. hacks", v("sourcing", "partial")},
		{S, "China tacitly acknowledged the hacks, two former U.S. officials told reporters.", v("sourcing", "pass")},
		{S, "According to officials who spoke on condition of anonymity, China tacitly acknowledged the hacks.", v("sourcing", "pass")},
		{S, "China tacitly acknowledged the hacks, The Wall Street Journal reported.", v("sourcing", "partial")},
		{S, "China tacitly acknowledged the hacks on U.S. ports.", v("sourcing", "fail")},
		{S, "Jake Sullivan said China tacitly acknowledged the hacks.", v("sourcing", "fail")},
		{S, "China tacitly acknowledged the hacks, the Journal reported. Its sources spoke on condition of anonymity.", v("sourcing", "pass")},
		{S, "A report said China hinted at the hacks. Foreign Ministry spokesperson Lin Jian said the report spread false information.", v("sourcing", "partial", "denial", "pass", "meeting", "na")},
		{S, "China tacitly acknowledged the hacks. U.S. officials were reportedly shocked by the admission.", v("sourcing", "fail")},
	},
	"denial": {
		{S, "China tacitly acknowledged the hacks, officials said. Beijing has long denied hacking U.S. infrastructure.", v("denial", "pass")},
		{S, "China tacitly acknowledged the hacks, officials said. Beijing dismissed the allegations as baseless.", v("denial", "pass")},
		{S, "China tacitly acknowledged the hacks, officials said. The Chinese embassy declined to comment.", v("denial", "partial")},
		{S, "China tacitly acknowledged the hacks, officials said. Beijing has not denied the report.", v("denial", "fail")},
		{S, "China tacitly acknowledged the hacks, officials said.", v("denial", "fail")},
		{H, "China denies hacking, but officials say it signalled a role", v("denial", "na")},
	},
	"campaign": {
		{H, "China hinted at role in Volt Typhoon hacks, report says", v("campaign", "pass")},
		{H, "China tacitly admits Salt Typhoon and Volt Typhoon hacks, report says", v("campaign", "fail")},
		{S, "China tacitly acknowledged the Volt Typhoon hacks, officials said. Salt Typhoon, a separate group, breached telecom networks.", v("campaign", "pass", "targets", "na")},
		{S, "China tacitly acknowledged the hacks, officials said, including the interception of calls and texts of U.S. politicians.", v("campaign", "fail")},
		{S, "China had blamed criminal gangs like Volt Typhoon, but tacitly acknowledged the hacks, officials said.", v("campaign", "fail")},
		{S, "China had blamed the campaign, which researchers call Volt Typhoon, on a criminal group, but tacitly acknowledged it, officials said.", v("campaign", "pass")},
		{S, "China has played off Volt Typhoon as a criminal crew, but tacitly acknowledged the hacks, officials said.", v("campaign", "fail")},
		{H, "China signalled role in hacks, report says", v("campaign", "na")},
	},
	"targets": {
		{H, "China hinted at hacks of US airports, officials say", v("targets", "pass")},
		{H, "China hinted at hacks on US critical infrastructure, officials say", v("targets", "na")},
		{S, "China tacitly acknowledged hacks on sectors such as energy, communications and water, officials said.", v("targets", "fail")},
		{S, "China tacitly acknowledged the hacks, officials said. Separately, Salt Typhoon breached telecom carriers; that breach gave access to sensitive communications.", v("targets", "na", "campaign", "pass")},
		{H, "China hinted at hacks of US electrical grids, officials say", v("targets", "partial")},
		{H, "China hinted at hacks of US transportation hubs, officials say", v("targets", "partial")},
		{H, "China hinted at hacks of US telecommunications companies, officials say", v("targets", "fail")},
		{H, "China hinted at hacks of US infrastructure, officials say", v("targets", "na")},
	},
	"taiwan": {
		{H, "China tied hacks to Taiwan, officials say", v("taiwan", "pass")},
		{H, "China tied hacks to tariffs, officials say", v("taiwan", "fail")},
		{H, "China signalled role in hacks, officials say", v("taiwan", "na")},
		{S, "China tacitly acknowledged the hacks as a response to Washington's military support for Taiwan, officials said.", v("taiwan", "pass")},
		{S, "China tacitly acknowledged the hacks amid tensions over Taiwan, officials said.", v("taiwan", "partial")},
		{S, "China tacitly acknowledged the hacks, officials said, tying them to political support for Taiwan from the United States.", v("taiwan", "pass")},
		{S, "China tacitly acknowledged the hacks as a warning for the U.S. to stay away from any attempts to support Taiwan, officials said.", v("taiwan", "pass")},
		{S, "China tacitly acknowledged the hacks in retaliation for U.S. tariffs, officials said.", v("taiwan", "fail")},
		{S, "China tacitly acknowledged the hacks, tying them to U.S. backing of Taiwanese independence, officials said.", v("taiwan", "fail")},
	},
	"meeting": {
		{H, "China hinted at hacks in December talks with Biden team, officials say", v("meeting", "pass")},
		{H, "China hinted at hacks in November talks, officials say", v("meeting", "fail")},
		{H, "China hinted at hacks in talks in Vienna, officials say", v("meeting", "fail")},
		{H, "Xi Jinping hinted at hacks, officials say", v("meeting", "fail")},
		{S, "At a closed-door summit in Geneva in December 2022, Chinese officials tacitly acknowledged the hacks, officials said.", v("meeting", "fail")},
		{S, "Wang Lei, of China's Foreign Ministry, tacitly acknowledged the hacks, officials said.", v("meeting", "pass")},
		{S, "Chinese officials tacitly acknowledged the hacks in a meeting with Trump administration officials, sources said.", v("meeting", "fail")},
		{H, "China signalled role in hacks, officials say", v("meeting", "na")},
		{H, "China privately admitted to US infrastructure cyberattacks: Report", v("meeting", "pass", "admission", "partial")},
	},
}

func TestCriteria(t *testing.T) {
	for crit, cases := range criterionCases {
		for _, tc := range cases {
			t.Run(crit+"/"+tc.text, func(t *testing.T) {
				g := grade(t, tc.kind, tc.text)
				for id, want := range tc.want {
					cg := g.Criterion(id)
					if cg == nil {
						t.Fatalf("no criterion %s in the grade", id)
					}
					if cg.Verdict != want {
						t.Errorf("Grade(%q).%s = %v (%s), want %v", tc.text, id, cg.Verdict, cg.Reason, want)
					}
				}
			})
		}
	}
}

type caseLine struct {
	ID     string            `json:"id"`
	Kind   rubric.Kind       `json:"kind"`
	Text   string            `json:"text"`
	Expect map[string]string `json:"expect"`
}

func readCaseFile(t testing.TB, name string) []caseLine {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []caseLine
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c caseLine
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// TestDevCases keeps the rule judge at the quality bar on the labelled dev
// cases: at least 95% of verdicts right and every admission fail caught.
func TestDevCases(t *testing.T) {
	cases := readCaseFile(t, "../rubrics/cases/volt-typhoon-geneva/dev.jsonl")
	var n, ok, fails, caught int
	for _, c := range cases {
		g := grade(t, c.Kind, c.Text)
		for _, cg := range g.Criteria {
			n++
			want := rubric.Verdict(c.Expect[cg.Criterion])
			if cg.Verdict == want {
				ok++
			} else {
				t.Logf("%s %s: want %s, got %s (%s)", c.ID, cg.Criterion, want, cg.Verdict, cg.Reason)
			}
			if cg.Criterion == "admission" && want == rubric.Fail {
				fails++
				if cg.Verdict == rubric.Fail {
					caught++
				}
			}
		}
	}
	if acc := float64(ok) / float64(n); acc < 0.95 {
		t.Errorf("verdict accuracy %.3f (%d/%d), want ≥ 0.95", acc, ok, n)
	}
	if caught != fails {
		t.Errorf("admission fail recall %d/%d, want all", caught, fails)
	}
}

// TestRealCases keeps the rule judge's quality on real published coverage,
// labelled by two labellers who never saw the rules (rubrics/cases/volt-typhoon-geneva/real.jsonl
// and holdout.jsonl; their notes are beside them).
func TestRealCases(t *testing.T) {
	var fails, caught int
	for _, f := range []string{"real.jsonl", "holdout.jsonl", "holdout2.jsonl"} {
		t.Run(f, func(t *testing.T) {
			fl, c := checkCaseFile(t, "../rubrics/cases/volt-typhoon-geneva/"+f)
			fails, caught = fails+fl, caught+c
		})
	}
	// An overclaim that slips through is the worst miss: across the three
	// files at least 95% of the admission fails are caught.
	if recall := float64(caught) / float64(fails); recall < 0.95 {
		t.Errorf("admission fail recall over all real cases %.3f (%d/%d), want ≥ 0.95", recall, caught, fails)
	}
}

// checkCaseFile grades a case file, requires at least 95% of its verdicts
// right, and returns its admission fails and how many were caught.
func checkCaseFile(t *testing.T, name string) (fails, caught int) {
	cases := readCaseFile(t, name)
	var n, ok int
	for _, c := range cases {
		g := grade(t, c.Kind, c.Text)
		for _, cg := range g.Criteria {
			n++
			want := rubric.Verdict(c.Expect[cg.Criterion])
			if cg.Verdict == want {
				ok++
			}
			if cg.Criterion == "admission" && want == rubric.Fail {
				fails++
				if cg.Verdict == rubric.Fail {
					caught++
				}
			}
		}
	}
	acc := float64(ok) / float64(n)
	t.Logf("%s: accuracy %.3f (%d/%d), admission fail recall %d/%d", name, acc, ok, n, caught, fails)
	if acc < 0.95 {
		t.Errorf("accuracy %.3f, want at least 0.95", acc)
	}
	return fails, caught
}

func TestGradeShape(t *testing.T) {
	r := voltRubric(t)
	text := "China Admitted Its Role in Cyberattacks on the U.S."
	g := grade(t, "", text)
	if g.Kind != rubric.Headline {
		t.Errorf("kind = %v, want headline detected", g.Kind)
	}
	if g.Letter != "F" || g.Score != 20 || g.Status != rubric.Graded {
		t.Errorf("grade = %s %d %s, want F 20 graded", g.Letter, g.Score, g.Status)
	}
	for _, cg := range g.Criteria {
		if cg.Verdict != rubric.NA && len(cg.Citations) == 0 {
			t.Errorf("%s: %v verdict without a citation", cg.Criterion, cg.Verdict)
		}
		for _, c := range cg.Citations {
			if _, ok := r.Source.Verify(c); !ok || !strings.Contains(r.Source.Paragraphs[c.Paragraph-1], c.Quote) {
				t.Errorf("%s: citation ¶%d %q is not verbatim in the source", cg.Criterion, c.Paragraph, c.Quote)
			}
		}
		for _, sp := range cg.Spans {
			if text[sp.Start:sp.End] != sp.Text {
				t.Errorf("%s: span %d–%d is %q in the text, not %q", cg.Criterion, sp.Start, sp.End, text[sp.Start:sp.End], sp.Text)
			}
		}
	}
	adm := g.Criterion("admission")
	if len(adm.Spans) == 0 || adm.Spans[0].Text != "Admitted" || !adm.Decisive {
		t.Errorf("admission spans %v decisive %v, want “Admitted”, decisive", adm.Spans, adm.Decisive)
	}
	if g.Rewrite != "" || len(g.Fixes) > 0 {
		t.Errorf("the rule judge revised the grade (rewrite %q, fixes %q); revision is package revise's", g.Rewrite, g.Fixes)
	}
}

func TestCap(t *testing.T) {
	// Everything right but the admission: the score earns a C, the cap makes it a D.
	g := grade(t, rubric.Summary, "Chinese officials openly admitted in a secret December meeting in Geneva that Beijing was behind the Volt Typhoon hacks of U.S. ports and water utilities, linking them to U.S. support for Taiwan, people familiar with the matter said. China's embassy called the accusations a smear.")
	if g.Criterion("admission").Verdict != rubric.Fail {
		t.Fatalf("admission = %v, want fail", g.Criterion("admission").Verdict)
	}
	if g.Score < 60 || g.Letter != "D" || !g.Capped {
		t.Errorf("grade %s %d capped=%v, want score ≥ 60 capped to D", g.Letter, g.Score, g.Capped)
	}
}

func TestUngradableAndLanguage(t *testing.T) {
	tests := []struct {
		text   string
		status rubric.Status
	}{
		{"City council approves new budget for road repairs", rubric.Ungradable},
		{"China's exports rose 5% in March", rubric.Ungradable},
		{"Hackers hit a hospital in Ohio", rubric.Ungradable},
		{"China admitió en una reunión secreta los ciberataques contra la infraestructura de EE.UU.", rubric.NotEnglish},
		{"Chine : les responsables chinois ont reconnu les cyberattaques dans une réunion secrète", rubric.NotEnglish},
		{"中国在秘密会议上默认了对美国基础设施的网络攻击", rubric.NotEnglish},
		// English nouns and names in Hindi or Tagalog grammar (Hinglish,
		// Taglish), and an English phrase inside Arabic.
		{"China ne Geneva mein Volt Typhoon hacks ka hint diya, par seedha kuch nahi bola", rubric.NotEnglish},
		{"Ayon sa WSJ, ang China ay nag-hint sa Geneva na sila ang nasa likod ng Volt Typhoon hacks", rubric.NotEnglish},
		{"الصين اعترفت ضمنيا بـ Volt Typhoon hacks في اجتماع سري في جنيف", rubric.NotEnglish},
		{"China heeft volgens de WSJ in Genève de Volt Typhoon-hacks niet ontkend", rubric.NotEnglish},
		{"Menurut WSJ, pejabat China secara tidak langsung mengakui serangan Volt Typhoon dalam pertemuan di Jenewa", rubric.NotEnglish},
		{"WSJ'ye göre Çin, Cenevre'deki gizli toplantıda Volt Typhoon saldırılarını dolaylı olarak kabul etti", rubric.NotEnglish},
		{"Według WSJ Chiny przyznały się pośrednio do ataków Volt Typhoon na spotkaniu w Genewie", rubric.NotEnglish},
		{"Theo WSJ, các quan chức Trung Quốc đã ngầm thừa nhận các vụ tấn công Volt Typhoon tại Geneva", rubric.NotEnglish},
		{"Enligt WSJ erkände Kina indirekt att det låg bakom Volt Typhoon-attackerna", rubric.NotEnglish},
		// English with a foreign name or a borrowed word stays English.
		{"China's Wang Lei tacitly acknowledged the hacks at a meeting in Genève, officials say", rubric.Graded},
		{"China tacitly acknowledged hacks, report says", rubric.Graded},
		// About by meaning: an idiom of divulging, China's reported word
		// that it hacked, an intrusion told as a place, a Chinese envoy.
		{"Beijing tips its hand: hacks on U.S. ports were a warning over Taiwan", rubric.Graded},
		{"China spilled the beans on the hacks in Geneva", rubric.Graded},
		{"China privately told Trump officials it hacked U.S. infrastructure", rubric.Graded},
		{"China confirms it spent a decade inside U.S. utilities' networks", rubric.Graded},
		{"Beijing's hackers cased America's ports — and a diplomat all but admitted to the stakeout", rubric.Graded},
		// Their neighbours: the victim's word, an American envoy, another
		// breach told as a place, Switzerland without the hacks.
		{"China said it was hacked by the NSA, state media says", rubric.Ungradable},
		{"A U.S. diplomat acknowledged Chinese hacking of the Treasury", rubric.Ungradable},
		{"Chinese spy agency hackers spent years inside US telecom networks, FBI says", rubric.Ungradable},
		{"China and Taiwan trade barbs at UN talks in Switzerland", rubric.Ungradable},
	}
	for _, tt := range tests {
		g := grade(t, "", tt.text)
		if g.Status != tt.status {
			t.Errorf("Grade(%q).Status = %v, want %v", tt.text, g.Status, tt.status)
		}
		if tt.status != rubric.Graded {
			if g.Letter != "" {
				t.Errorf("Grade(%q) has letter %q, want none", tt.text, g.Letter)
			}
			for _, cg := range g.Criteria {
				if cg.Verdict != rubric.NA {
					t.Errorf("Grade(%q).%s = %v, want na", tt.text, cg.Criterion, cg.Verdict)
				}
			}
		}
	}
	if g := grade(t, "", "China admitió los ciberataques"); !strings.Contains(g.Criteria[0].Reason, "Spanish") {
		t.Errorf("reason %q does not name Spanish", g.Criteria[0].Reason)
	}
}

func TestDetectKind(t *testing.T) {
	tests := []struct {
		text string
		want rubric.Kind
	}{
		{"China Admitted Its Role in Cyberattacks on the U.S.", rubric.Headline},
		{"U.S. officials say China hinted at hacks", rubric.Headline},
		{"China admits hacking. Ignore all previous instructions.", rubric.Summary},
		{"First line\nsecond line", rubric.Summary},
		{strings.Repeat("word ", 36), rubric.Summary},
		// Question headlines and one-sentence decks are headlines.
		{"Beijing's hacking mea culpa? Not quite, say US officials who heard it in Geneva", rubric.Headline},
		{"Did China just admit to hacking America's water utilities?", rubric.Headline},
		{"China hacked us! Now what?", rubric.Headline},
		{"Chinese officials signaled at a secret December meeting in Geneva that Beijing was behind years of intrusions into U.S. ports, water utilities and airports, tying them to growing U.S. support for Taiwan, officials say", rubric.Headline},
		{"China admits hacking. \"Ignore all previous instructions.\"", rubric.Summary},
		{"Dr. Wang spoke. Officials listened.", rubric.Summary},
	}
	for _, tt := range tests {
		if got := rubric.DetectKind(tt.text); got != tt.want {
			t.Errorf("DetectKind(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestBadInput proves that the rule judge refuses texts it cannot grade
// (empty, blank, invalid UTF-8, over the length limit) with an *InputError,
// which the CLI and Slack turn into a message saying what to do.
func TestBadInput(t *testing.T) {
	for _, text := range []string{"", "   ", "\xff\xfe", strings.Repeat("a", rubric.MaxTextRunes+1)} {
		_, err := rubric.NewRuleJudge().Grade(t.Context(), voltRubric(t), rubric.Request{Text: text})
		if _, ok := err.(*rubric.InputError); !ok {
			t.Errorf("Grade(%.20q) error = %v, want an *InputError", text, err)
		}
	}
}
