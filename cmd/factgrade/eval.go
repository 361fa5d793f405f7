package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/factgrade/factgrade/rubric"
)

// evalCase is one labelled submission of a case file (format in GRADING.md).
type evalCase struct {
	ID     string            `json:"id"`
	Kind   string            `json:"kind"`
	Text   string            `json:"text"`
	Rubric string            `json:"rubric"`
	Expect map[string]string `json:"expect"`
	Origin string            `json:"origin,omitempty"`

	file string
	line int
	kind rubric.Kind
	want map[string]rubric.Verdict
	r    *rubric.Rubric
}

// criterionStats is the accuracy of one criterion.
type criterionStats struct {
	Accuracy float64 `json:"accuracy"`
	N        int     `json:"n"`
	Correct  int     `json:"correct"`
	// Confusion counts [want][got].
	Confusion map[rubric.Verdict]map[rubric.Verdict]int `json:"confusion"`
}

type mismatch struct {
	ID        string `json:"id"`
	Criterion string `json:"criterion"`
	Want      string `json:"want"`
	Got       string `json:"got"`
	Reason    string `json:"reason"`
}

// evalReport is what `factgrade eval --json` prints.
type evalReport struct {
	Cases    int                        `json:"cases"`
	Verdicts int                        `json:"verdicts"`
	Correct  int                        `json:"correct"`
	Accuracy float64                    `json:"accuracy"`
	Criteria map[string]*criterionStats `json:"criteria"`
	// AdmissionFailRecall is the recall of fail on each case's capping
	// criterion (capCriterion: admission, classification), named in
	// CapCriteria; the JSON keeps the first story's name for its readers.
	AdmissionFailRecall float64  `json:"admission_fail_recall"`
	AdmissionFails      int      `json:"admission_fails"`
	CapCriteria         []string `json:"cap_criteria"`
	LetterAgreement     float64  `json:"letter_agreement"`
	// Review: how the judge knows when it does not know (issue 12).
	Review     reviewStats `json:"review"`
	Mismatches []mismatch  `json:"mismatches"`
	Judge      string      `json:"judge"`
	// Routing is how often the story factgrade would pick for a case with
	// no --rubric (rubric.Set.Route) is the case's own: its rubric when a
	// criterion is labelled, none when every criterion is na.
	Routing routingStats `json:"routing"`
}

// routingStats is the accuracy of story routing over the cases.
type routingStats struct {
	Accuracy   float64     `json:"accuracy"`
	N          int         `json:"n"`
	Correct    int         `json:"correct"`
	Rubrics    int         `json:"rubrics"`
	Mismatches []routeMiss `json:"mismatches"`
}

type routeMiss struct {
	ID   string `json:"id"`
	Want string `json:"want"`
	Got  string `json:"got"`
}

// capCriterion is the criterion whose fail recall eval reports: "admission"
// when the rubric has it, else the first criterion that caps the letter.
func capCriterion(r *rubric.Rubric) string {
	if r.Criterion("admission") != nil {
		return "admission"
	}
	for _, c := range r.Criteria {
		if c.CapsAt != "" {
			return c.ID
		}
	}
	return ""
}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "--cases FILE [--cases FILE ...] [--judge rules|llm|hybrid] [--marks] [--json]")
	var files multiFlag
	fs.Var(&files, "cases", "a case file (JSON lines, format in GRADING.md); repeatable")
	judgeName := fs.String("judge", "", "the judge: rules, llm or hybrid (default: FACTGRADE_JUDGE, else hybrid when an LLM is configured, else rules)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	marks := fs.Bool("marks", false, "also list every text marked for review, with its letter, the labels' and the reason (issue 12)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	files = append(files, fs.Args()...)
	if len(files) == 0 {
		return usagef("eval needs at least one case file: factgrade eval --cases FILE")
	}
	set, err := rubricsFromEnv(e)
	if err != nil {
		return err
	}
	var cases []*evalCase
	for _, f := range files {
		cs, err := readCases(f, set)
		if err != nil {
			return err
		}
		cases = append(cases, cs...)
	}
	judge, err := newJudge(ctx, e, *judgeName)
	if err != nil {
		return err
	}
	rep, err := evaluate(ctx, judge, set, cases)
	if err != nil {
		return err
	}
	if !*marks {
		rep.Review.Texts = nil
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	writeEval(e.stdout, rep)
	if *marks {
		writeMarks(e.stdout, rep.Review)
	}
	return nil
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// readCases reads and checks a case file; any problem is reported with the
// file and line.
func readCases(name string, set *rubric.Set) ([]*evalCase, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, usagef("cannot read case file: %v", err)
	}
	return parseCases(name, data, set)
}

// parseCases reads the case file name from its contents.
func parseCases(name string, data []byte, set *rubric.Set) ([]*evalCase, error) {
	var out []*evalCase
	ids := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		c := &evalCase{file: name, line: n}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(c); err != nil {
			return nil, usagef("%s:%d: malformed case: %v", name, n, err)
		}
		if err := c.check(set); err != nil {
			return nil, usagef("%s:%d: case %q: %v", name, n, c.ID, err)
		}
		if prev, ok := ids[c.ID]; ok {
			return nil, usagef("%s:%d: case id %q repeats line %d", name, n, c.ID, prev)
		}
		ids[c.ID] = n
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, usagef("%s: %v", name, err)
	}
	if len(out) == 0 {
		return nil, usagef("%s: no cases in the file", name)
	}
	return out, nil
}

func (c *evalCase) check(set *rubric.Set) error {
	if c.ID == "" {
		return fmt.Errorf("id is missing")
	}
	var err error
	if c.kind, err = rubric.ParseKind(c.Kind); err != nil {
		return err
	}
	if err := rubric.CheckText(c.Text); err != nil {
		return err
	}
	if c.r, err = set.Lookup(c.Rubric); err != nil {
		return err
	}
	c.want = map[string]rubric.Verdict{}
	for _, crit := range c.r.Criteria {
		v, ok := c.Expect[crit.ID]
		if !ok {
			return fmt.Errorf("expect has no verdict for criterion %q", crit.ID)
		}
		if c.want[crit.ID], err = rubric.ParseVerdict(v); err != nil {
			return fmt.Errorf("expect %s: %v", crit.ID, err)
		}
	}
	for k := range c.Expect {
		if c.r.Criterion(k) == nil {
			return fmt.Errorf("expect names criterion %q, which rubric %s does not have", k, c.r.ID)
		}
	}
	return nil
}

// reviewStats counts what the labels say is not about the story and was
// refused, the on-story texts marked for an editor's review, and the letters
// shown without a review mark that agree with the labels.
type reviewStats struct {
	NotAbout        int     `json:"not_about"`
	NotAboutRefused int     `json:"not_about_refused"`
	OnStory         int     `json:"on_story"`
	Marked          int     `json:"marked"`
	MarkedShare     float64 `json:"marked_share"`
	Unmarked        int     `json:"unmarked"`
	UnmarkedAgree   int     `json:"unmarked_agree"`
	UnmarkedLetters float64 `json:"unmarked_letter_agreement"`
	// Kinds counts the marks by the kind of uncertainty each names: how
	// many texts it marked and how many of their letters disagree with the
	// labels, the measure a kind is kept by (docs/RUBRICS.md, "Review
	// kinds"). A text marked on two criteria counts under both.
	Kinds []reviewKind `json:"kinds"`
	// Texts lists the marked texts (eval --marks).
	Texts []markedText `json:"marked_texts,omitempty"`
}

// reviewKind is one kind of review mark: its criterion and the sentence
// the editor reads, the words it quotes left out ("I can't tell whether
// “…” is an admission: please check.").
type reviewKind struct {
	Criterion string `json:"criterion,omitempty"`
	Kind      string `json:"kind"`
	Marked    int    `json:"marked"`
	Wrong     int    `json:"wrong"`
}

// markedText is a text marked for review: its letter and the labels', and
// why each criterion was marked.
type markedText struct {
	ID         string   `json:"id"`
	Letter     string   `json:"letter"`
	WantLetter string   `json:"want_letter"`
	Agree      bool     `json:"agree"`
	Reviews    []string `json:"reviews"`
}

// quoted is the words a review sentence quotes from the text.
var quoted = regexp.MustCompile(`“[^”]*”`)

// reviewKinds returns the kinds of mark on g, with why each was made
// ("admission: I can't tell whether “muses about” is an admission: please
// check."), in the order of its criteria.
func reviewKinds(g *rubric.Grade) (kinds []reviewKind, why []string) {
	if g.Judge.Injection != "" {
		kinds = append(kinds, reviewKind{Kind: "instructions to the grader"})
		why = append(why, "instructions to the grader: "+g.Judge.Injection)
	}
	for _, cg := range g.Criteria {
		if !cg.NeedsReview {
			continue
		}
		kinds = append(kinds, reviewKind{Criterion: cg.Criterion, Kind: quoted.ReplaceAllString(cg.Review, "“…”")})
		why = append(why, cg.Criterion+": "+cg.Review)
	}
	return kinds, why
}

// count adds one marked text of kind k to ks, wrong when its letter
// disagrees with the labels', and returns ks.
func (k reviewKind) count(ks []reviewKind, wrong bool) []reviewKind {
	i := slices.IndexFunc(ks, func(x reviewKind) bool { return x.Criterion == k.Criterion && x.Kind == k.Kind })
	if i < 0 {
		ks, i = append(ks, k), len(ks)
	}
	ks[i].Marked++
	if wrong {
		ks[i].Wrong++
	}
	return ks
}

// letterOf is a grade's letter as eval prints it: the letter, or its
// status when it has none.
func letterOf(g *rubric.Grade) string {
	if g.Status != rubric.Graded {
		return string(g.Status)
	}
	return g.Letter
}

// evaluate grades every case and compares the verdicts with the labels, and
// routes every case among the rubrics of set.
func evaluate(ctx context.Context, judge rubric.Judge, set *rubric.Set, cases []*evalCase) (*evalReport, error) {
	rep := &evalReport{Cases: len(cases), Criteria: map[string]*criterionStats{}, Mismatches: []mismatch{}}
	rep.Routing = routeCases(set, cases)
	letters, fails, failsCaught := 0, 0, 0
	for _, c := range cases {
		g, err := judge.Grade(ctx, c.r, rubric.Request{Text: c.Text, Kind: c.kind})
		if err != nil {
			return nil, fmt.Errorf("%s:%d: grading case %q: %w", c.file, c.line, c.ID, err)
		}
		// The letter the labels give, computed with the same arithmetic.
		want := &rubric.Grade{Kind: c.kind}
		for _, crit := range c.r.Criteria {
			want.Criteria = append(want.Criteria, rubric.CriterionGrade{Criterion: crit.ID, Verdict: c.want[crit.ID]})
		}
		c.r.Score(want)
		if rep.Judge == "" {
			rep.Judge = g.Judge.Name
		}
		// A text labelled all na and one the judge does not grade (not about
		// the story, or not in English) agree: neither has a letter.
		noLetter := func(st rubric.Status) bool { return st != rubric.Graded }
		agree := want.Letter == g.Letter && (want.Status == g.Status || noLetter(want.Status) && noLetter(g.Status))
		if agree {
			letters++
		}
		rv := &rep.Review
		if want.Status == rubric.Ungradable {
			rv.NotAbout++
			if noLetter(g.Status) {
				rv.NotAboutRefused++
			}
		} else {
			rv.OnStory++
			if g.NeedsReview() {
				rv.Marked++
			}
		}
		if !g.NeedsReview() {
			rv.Unmarked++
			if agree {
				rv.UnmarkedAgree++
			}
		} else {
			kinds, why := reviewKinds(g)
			for _, k := range kinds {
				rv.Kinds = k.count(rv.Kinds, !agree)
			}
			rv.Texts = append(rv.Texts, markedText{ID: c.ID, Letter: letterOf(g), WantLetter: letterOf(want), Agree: agree, Reviews: why})
		}
		capID := capCriterion(c.r)
		if capID != "" && !slices.Contains(rep.CapCriteria, capID) {
			rep.CapCriteria = append(rep.CapCriteria, capID)
		}
		for _, cg := range g.Criteria {
			wv := c.want[cg.Criterion]
			st := rep.Criteria[cg.Criterion]
			if st == nil {
				st = &criterionStats{Confusion: map[rubric.Verdict]map[rubric.Verdict]int{}}
				rep.Criteria[cg.Criterion] = st
			}
			if st.Confusion[wv] == nil {
				st.Confusion[wv] = map[rubric.Verdict]int{}
			}
			st.Confusion[wv][cg.Verdict]++
			st.N++
			rep.Verdicts++
			if cg.Criterion == capID && wv == rubric.Fail {
				fails++
				if cg.Verdict == rubric.Fail {
					failsCaught++
				}
			}
			if cg.Verdict == wv {
				st.Correct++
				rep.Correct++
				continue
			}
			rep.Mismatches = append(rep.Mismatches, mismatch{ID: c.ID, Criterion: cg.Criterion, Want: string(wv), Got: string(cg.Verdict), Reason: cg.Reason})
		}
	}
	for _, st := range rep.Criteria {
		st.Accuracy = ratio(st.Correct, st.N)
	}
	rep.Accuracy = ratio(rep.Correct, rep.Verdicts)
	rep.AdmissionFails = fails
	rep.AdmissionFailRecall = 1
	if fails > 0 {
		rep.AdmissionFailRecall = ratio(failsCaught, fails)
	}
	rep.LetterAgreement = ratio(letters, len(cases))
	sort.SliceStable(rep.Review.Kinds, func(i, j int) bool { return rep.Review.Kinds[i].Marked > rep.Review.Kinds[j].Marked })
	rep.Review.MarkedShare = ratio(rep.Review.Marked, rep.Review.OnStory)
	rep.Review.UnmarkedLetters = ratio(rep.Review.UnmarkedAgree, rep.Review.Unmarked)
	return rep, nil
}

// routeCases routes every case among the rubrics of set: a case is routed
// right when the story chosen is its rubric, or none when all its labels
// are na (a neighbouring story, another language).
func routeCases(set *rubric.Set, cases []*evalCase) routingStats {
	st := routingStats{Rubrics: len(set.IDs()), Mismatches: []routeMiss{}}
	for _, c := range cases {
		want := ""
		for _, v := range c.want {
			if v != rubric.NA {
				want = c.r.ID
			}
		}
		got := set.Route(c.Text).Chosen
		st.N++
		if got == want {
			st.Correct++
			continue
		}
		st.Mismatches = append(st.Mismatches, routeMiss{ID: c.ID, Want: orNone(want), Got: orNone(got)})
	}
	st.Accuracy = ratio(st.Correct, st.N)
	return st
}

// writeMarks lists the kinds of review mark with the letters they marked
// (wrong / marked), then every marked text.
func writeMarks(w io.Writer, rv reviewStats) {
	if len(rv.Texts) == 0 {
		fmt.Fprintln(w, "\nno text marked for review")
		return
	}
	fmt.Fprintln(w, "\nreview kinds (letters that disagree / texts marked):")
	for _, k := range rv.Kinds {
		crit := k.Criterion
		if crit == "" {
			crit = "(grade)"
		}
		fmt.Fprintf(w, "  %3d / %-3d %s: %s\n", k.Wrong, k.Marked, crit, k.Kind)
	}
	fmt.Fprintf(w, "\n%d marked texts:\n", len(rv.Texts))
	for _, t := range rv.Texts {
		agree := "agrees"
		if !t.Agree {
			agree = "disagrees"
		}
		fmt.Fprintf(w, "  %s %s (want %s, %s) — %s\n", t.ID, t.Letter, t.WantLetter, agree, strings.Join(t.Reviews, " | "))
	}
}

func orNone(id string) string {
	if id == "" {
		return "(none)"
	}
	return id
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func writeEval(w io.Writer, rep *evalReport) {
	fmt.Fprintf(w, "%d cases, %d verdicts, judge %s\n", rep.Cases, rep.Verdicts, rep.Judge)
	fmt.Fprintf(w, "verdict accuracy      %.1f%% (%d/%d)\n", 100*rep.Accuracy, rep.Correct, rep.Verdicts)
	fmt.Fprintf(w, "fail recall           %.1f%% (of %d fails on %s)\n", 100*rep.AdmissionFailRecall, rep.AdmissionFails, strings.Join(rep.CapCriteria, ", "))
	fmt.Fprintf(w, "letter agreement      %.1f%%\n", 100*rep.LetterAgreement)
	rv := rep.Review
	fmt.Fprintf(w, "not about: refused    %d/%d\n", rv.NotAboutRefused, rv.NotAbout)
	fmt.Fprintf(w, "marked for review     %.1f%% (%d/%d on-story texts)\n", 100*rv.MarkedShare, rv.Marked, rv.OnStory)
	fmt.Fprintf(w, "unmarked letters      %.1f%% agree (%d/%d)\n", 100*rv.UnmarkedLetters, rv.UnmarkedAgree, rv.Unmarked)
	fmt.Fprintf(w, "routing accuracy      %.1f%% (%d/%d, among %d rubrics)\n\n", 100*rep.Routing.Accuracy, rep.Routing.Correct, rep.Routing.N, rep.Routing.Rubrics)
	ids := make([]string, 0, len(rep.Criteria))
	for id := range rep.Criteria {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		st := rep.Criteria[id]
		fmt.Fprintf(w, "%-10s %5.1f%% (%d/%d)   want\\got  pass partial fail   na\n", id, 100*st.Accuracy, st.Correct, st.N)
		for _, wv := range rubric.Verdicts {
			row := st.Confusion[wv]
			if len(row) == 0 {
				continue
			}
			fmt.Fprintf(w, "%32s %5d %7d %4d %4d\n", wv, row[rubric.Pass], row[rubric.Partial], row[rubric.Fail], row[rubric.NA])
		}
	}
	for _, m := range rep.Routing.Mismatches {
		fmt.Fprintf(w, "routed %s to %s, want %s\n", m.ID, m.Got, m.Want)
	}
	if len(rep.Mismatches) == 0 {
		fmt.Fprintln(w, "\nno mismatches")
		return
	}
	fmt.Fprintf(w, "\n%d mismatches:\n", len(rep.Mismatches))
	for _, m := range rep.Mismatches {
		fmt.Fprintf(w, "  %s %s: want %s, got %s — %s\n", m.ID, m.Criterion, m.Want, m.Got, m.Reason)
	}
}
