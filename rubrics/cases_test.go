package rubrics_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

// labelled is one line of a case file.
type labelled struct {
	ID     string            `json:"id"`
	Kind   rubric.Kind       `json:"kind"`
	Text   string            `json:"text"`
	Rubric string            `json:"rubric"`
	Expect map[string]string `json:"expect"`
}

func readCases(t testing.TB, fsys fs.FS, name string) []labelled {
	t.Helper()
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	var out []labelled
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		var c labelled
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, c)
	}
	return out
}

func load(t testing.TB) *rubric.Set {
	t.Helper()
	set, err := rubrics.Load()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// capping is the criterion whose fails cap the letter.
func capping(r *rubric.Rubric) string {
	for _, c := range r.Criteria {
		if c.CapsAt != "" {
			return c.ID
		}
	}
	return ""
}

// TestDevCaseFiles holds every embedded rubric's dev case files
// (cases/ID/dev*.jsonl, the desk's own cases) at the bar 'rubric lint'
// enforces: at least 95% of verdicts right and every fail of the capping
// criterion caught. Other case files are graded and logged.
func TestDevCaseFiles(t *testing.T) {
	set := load(t)
	files := 0
	for _, r := range set.List() {
		fsys, _, paths := rubrics.CaseFiles(r.ID)
		for _, p := range paths {
			files++
			t.Run(p, func(t *testing.T) {
				var n, ok, fails, caught int
				capID := capping(r)
				for _, c := range readCases(t, fsys, p) {
					if c.Rubric != r.ID {
						t.Fatalf("case %s names rubric %q but lives in %s", c.ID, c.Rubric, rubrics.CaseDir(r.ID))
					}
					g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: c.Text, Kind: c.Kind})
					if err != nil {
						t.Fatal(err)
					}
					for _, cg := range g.Criteria {
						n++
						want := rubric.Verdict(c.Expect[cg.Criterion])
						if cg.Verdict == want {
							ok++
						} else {
							t.Logf("%s %s: want %s, got %s", c.ID, cg.Criterion, want, cg.Verdict)
						}
						if cg.Criterion == capID && want == rubric.Fail {
							fails++
							if cg.Verdict == rubric.Fail {
								caught++
							}
						}
					}
				}
				acc := float64(ok) / float64(n)
				t.Logf("%s: verdicts %.3f (%d/%d), %s fail recall %d/%d", p, acc, ok, n, capID, caught, fails)
				if strings.HasPrefix(path.Base(p), "dev") && (acc < 0.95 || caught < fails) {
					t.Errorf("Grade over %s: verdicts %.3f and %d/%d %s fails caught; want ≥ 0.95 and all", p, acc, caught, fails, capID)
				}
			})
		}
	}
	if files == 0 {
		t.Fatal("no embedded case files: rubrics/cases/ID/*.jsonl")
	}
}

// TestRoutingOverBothStories routes every labelled case of both stories
// among the embedded rubrics: a case goes to its own rubric, or to none when
// every label is na (a neighbouring story, another language). The issue's
// target is 98%.
func TestRoutingOverBothStories(t *testing.T) {
	set := load(t)
	if len(set.IDs()) < 2 {
		t.Fatalf("embedded rubrics %v, want both stories", set.IDs())
	}
	var cases []labelled
	for _, r := range set.List() {
		fsys, _, paths := rubrics.CaseFiles(r.ID)
		for _, p := range paths {
			cases = append(cases, readCases(t, fsys, p)...)
		}
	}
	ok := 0
	for _, c := range cases {
		// About reads only the about test's signals; it must agree with
		// the full grade's "about this story".
		for _, r := range set.List() {
			about, _ := r.About(c.Text)
			g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: c.Text, Kind: c.Kind})
			if err != nil {
				t.Fatal(err)
			}
			if g.Status != rubric.NotEnglish && about != (g.Status != rubric.Ungradable) {
				t.Errorf("%s.About(%s) = %v, but its grade is %s", r.ID, c.ID, about, g.Status)
			}
		}
		want := ""
		for _, v := range c.Expect {
			if v != string(rubric.NA) {
				want = c.Rubric
			}
		}
		if got := set.Route(c.Text).Chosen; got == want {
			ok++
		} else {
			t.Logf("Route(%s) = %q, want %q", c.ID, got, want)
		}
	}
	acc := float64(ok) / float64(len(cases))
	t.Logf("routing %.3f (%d/%d)", acc, ok, len(cases))
	if acc < 0.98 {
		t.Errorf("routing accuracy %.3f over %d cases, want ≥ 0.98", acc, len(cases))
	}
}

// TestRouteNeighbours routes texts written here (not from any case file) on
// the stories' neighbours, which no story may claim, and on-story texts in
// unusual wording, which their story must: the official July announcement,
// other IARC listings, other sweetener studies, the WHO's advice on
// sweeteners and weight; another breach, a Volt Typhoon advisory, a Geneva
// trade meeting, China's general denials.
func TestRouteNeighbours(t *testing.T) {
	set := load(t)
	checkRoutes(t, set, map[string]string{
		"WHO's cancer agency lists aspartame as possibly carcinogenic; JECFA keeps daily limit at 40 mg/kg": "",
		"Aspartame now officially a possible carcinogen, WHO agency says":                                   "",
		"IARC classifies talc as probably carcinogenic to humans":                                           "",
		"Erythritol linked to heart attack and stroke risk, study finds":                                    "",
		"French study links artificial sweeteners including aspartame to cancer risk":                       "",
		"WHO says artificial sweeteners like aspartame offer no weight-loss benefit":                        "",
		"WHO advises against using non-sugar sweeteners for weight control":                                 "",
		"Chinese hackers breached Treasury workstations, department says":                                   "",
		"Salt Typhoon hackers still inside US telecom networks, FBI warns":                                  "",
		"US and China agree to slash tariffs after Geneva talks":                                            "",
		"China denies hacking accusations as 'groundless smear'":                                            "",
		"Volt Typhoon botnet disrupted by FBI operation":                                                    "",
		"China rejects Dutch claim it hacked a military network":                                            "",
		"Sweetener in diet pop set for WHO cancer label, sources say":                                       "aspartame-iarc",
		"Two WHO bodies, two verdicts due on aspartame in July":                                             "aspartame-iarc",
		"Beijing told us the quiet part in Geneva":                                                          "volt-typhoon-geneva",
		"Xi's envoys left US officials in no doubt who hacked the ports, WSJ reports":                       "volt-typhoon-geneva",
		"China's chilling warning over Taiwan: we are inside your water systems":                            "volt-typhoon-geneva",
	})
}

// TestCappingFailsInAnyWords grades overclaims written here (not from any
// case file) in many wordings: each must fail the story's capping
// criterion (admission, classification), and the hedged forms must not.
func TestCappingFailsInAnyWords(t *testing.T) {
	set := load(t)
	tests := []struct{ rubric, criterion, want, text string }{
		{"volt-typhoon-geneva", "admission", "fail", "China owns up to Volt Typhoon hacks"},
		{"volt-typhoon-geneva", "admission", "fail", "Beijing confirms it hacked US water utilities"},
		{"volt-typhoon-geneva", "admission", "fail", "China's confession: we hacked your ports"},
		{"volt-typhoon-geneva", "admission", "fail", "Beijing takes responsibility for Volt Typhoon"},
		{"volt-typhoon-geneva", "admission", "fail", "China copped to the hacks in Geneva"},
		{"volt-typhoon-geneva", "admission", "fail", "China acknowledged outright that it hacked US ports"},
		{"volt-typhoon-geneva", "admission", "fail", "China boasts of hacking US water systems"},
		{"volt-typhoon-geneva", "admission", "fail", "China's mea culpa on Volt Typhoon"},
		{"volt-typhoon-geneva", "admission", "fail", "Beijing avowed its role in the Volt Typhoon attacks"},
		{"volt-typhoon-geneva", "admission", "fail", "China pleads guilty to hacking US infrastructure"},
		{"volt-typhoon-geneva", "admission", "fail", "Chinese officials flatly told the US they hacked its ports"},
		{"volt-typhoon-geneva", "admission", "fail", "China made a clean breast of the Volt Typhoon hacks"},
		{"volt-typhoon-geneva", "admission", "partial", "China 'admitted' hacking US ports, sources say"},
		{"volt-typhoon-geneva", "admission", "pass", "China all but admitted the hacks on US ports"},
		{"aspartame-iarc", "classification", "fail", "Aspartame causes cancer, WHO to say"},
		{"aspartame-iarc", "classification", "fail", "IARC to list aspartame as a known carcinogen"},
		{"aspartame-iarc", "classification", "fail", "IARC set to rule aspartame carcinogenic to humans"},
		{"aspartame-iarc", "classification", "fail", "Aspartame raises cancer risk, WHO panel to say"},
		{"aspartame-iarc", "classification", "fail", "Sweetener aspartame is cancerous, WHO agency will say"},
		{"aspartame-iarc", "classification", "fail", "Aspartame poisons your body, WHO's cancer arm will say"},
		{"aspartame-iarc", "classification", "fail", "WHO cancer agency confirms aspartame link to cancer"},
		{"aspartame-iarc", "classification", "fail", "Aspartame is deadly, warns WHO research arm"},
		{"aspartame-iarc", "classification", "fail", "Aspartame leads to cancer, IARC to rule next month"},
		{"aspartame-iarc", "classification", "fail", "Aspartame is a probable carcinogen, IARC set to rule"},
		{"aspartame-iarc", "classification", "partial", "Aspartame 'causes cancer', WHO agency to say, sources say"},
		{"aspartame-iarc", "classification", "pass", "Aspartame could cause cancer, WHO cancer research arm to say"},
		{"aspartame-iarc", "classification", "pass", "WHO to confirm aspartame is possibly linked to cancer"},
		// A modal on the ruling is not one on the hazard.
		{"aspartame-iarc", "classification", "fail", "Aspartame could be declared carcinogenic next month"},
		{"aspartame-iarc", "classification", "partial", "Aspartame may be labelled a carcinogen by WHO, sources say"},
		{"aspartame-iarc", "classification", "partial", "Aspartame could be declared a cancer risk"},
		{"aspartame-iarc", "classification", "pass", "Aspartame may be a carcinogen, WHO agency to say"},
	}
	for _, tt := range tests {
		r, err := set.Lookup(tt.rubric)
		if err != nil {
			t.Fatal(err)
		}
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: tt.text, Kind: "headline"})
		if err != nil {
			t.Fatal(err)
		}
		if got := g.Criterion(tt.criterion).Verdict; string(got) != tt.want {
			t.Errorf("%s %s of %q = %s, want %s", tt.rubric, tt.criterion, tt.text, got, tt.want)
		}
	}
}

// checkRoutes routes each text and wants the story it maps to ("" for none).
func checkRoutes(t *testing.T, set *rubric.Set, want map[string]string) {
	t.Helper()
	for text, w := range want {
		if got := set.Route(text).Chosen; got != w {
			t.Errorf("Route(%q) = %q, want %q", text, got, w)
		}
	}
}
