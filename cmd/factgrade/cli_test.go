package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

// runCLI runs factgrade in-process with the given stdin and environment.
func runCLI(t *testing.T, stdin string, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}
	code = run(t.Context(), args, e)
	return code, out.String(), errb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, diff)
	}
}

func TestGradeReportGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		in   string
	}{
		{"grade-admitted-headline.txt", []string{"grade", "China Admitted Its Role in Cyberattacks on the U.S."}, ""},
		{"grade-tacit-headline.txt", []string{"grade", "China signaled it was behind Volt Typhoon hacks in secret Geneva talks, officials say"}, ""},
		{"grade-summary-stdin.txt", []string{"grade", "--kind", "summary", "-"}, "China admitted in December that it hacked American ports and airports. The confession, made in Geneva, came after years of denials.\n"},
		// A rewrite that strikes words and adds attribution, and says so.
		{"grade-rewrite-edits.txt", []string{"grade", "China openly admits to hacking US water utilities"}, ""},
		// An aside ("lol"): no rewrite is offered; the fixes say what to do.
		{"grade-aside-headline.txt", []string{"grade", "china sort of admitted to volt typhoon in a secret meeting lol"}, ""},
		// An A that names the wrong ministry still lists its fix.
		{"grade-a-with-fix.txt", []string{"grade", "--kind", "summary", "A senior official from China's Ministry of State Security acknowledged, in a veiled way, that Beijing was behind the Volt Typhoon hacks of U.S. ports and water utilities at a secret December 2024 meeting in Geneva, linking them to U.S. support for Taiwan, people familiar with the matter said. China's embassy called the accusations a smear."}, ""},
		{"grade-unrelated.txt", []string{"grade", "City council approves new budget for road repairs"}, ""},
		{"grade-spanish.txt", []string{"grade", "China admitió en una reunión secreta los ciberataques contra EE.UU."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.in, nil, tt.args...)
			if code != 0 {
				t.Fatalf("factgrade %v: exit %d, stderr %q", tt.args, code, errOut)
			}
			golden(t, tt.name, out)
		})
	}
}

func TestGradeJSON(t *testing.T) {
	code, out, _ := runCLI(t, "", nil, "grade", "--json", "China reportedly admits to cyberattacks on U.S. infrastructure")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var g struct {
		Letter   string `json:"letter"`
		Score    int    `json:"score"`
		Kind     string `json:"kind"`
		Criteria []struct {
			Criterion, Verdict string
		} `json:"criteria"`
	}
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if g.Kind != "headline" || len(g.Criteria) != 7 || g.Criteria[0].Verdict != "partial" {
		t.Errorf("grade = %+v, want a headline with 7 criteria and admission partial", g)
	}
}

func TestBadInputExitCodes(t *testing.T) {
	long := strings.Repeat("China hacked. ", 400)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"a","kind":"headline","text":"China admits","rubric":"volt-typhoon-geneva","expect":{}}`+"\n"), 0o644)
	notJSON := filepath.Join(dir, "nojson.jsonl")
	os.WriteFile(notJSON, []byte("{\"id\": \n"), 0o644)
	tests := []struct {
		name    string
		args    []string
		in      string
		wantErr string
	}{
		{"empty argument", []string{"grade", "   "}, "", "the text is empty"},
		{"empty stdin", []string{"grade"}, "", "the text is empty"},
		{"too long", []string{"grade", long}, "", "the limit is 4000"},
		{"invalid utf-8", []string{"grade", "-"}, "China \xff\xfe admits", "not valid UTF-8"},
		{"unknown rubric", []string{"grade", "--rubric", "nope", "China admits"}, "", "known rubrics: aspartame-iarc, volt-typhoon-geneva"},
		{"unknown kind", []string{"grade", "--kind", "tweet", "China admits"}, "", "use headline or summary"},
		{"unknown judge", []string{"grade", "--judge", "oracle", "China admits"}, "", "unknown judge"},
		{"unknown flag", []string{"grade", "--nope", "x"}, "", "flag provided but not defined"},
		{"unknown command", []string{"frobnicate"}, "", "unknown command"},
		{"eval without cases", []string{"eval"}, "", "at least one case file"},
		{"eval unreadable", []string{"eval", "--cases", filepath.Join(dir, "missing.jsonl")}, "", "cannot read case file"},
		{"eval malformed", []string{"eval", "--cases", notJSON}, "", "nojson.jsonl:1: malformed case"},
		{"eval incomplete expect", []string{"eval", "--cases", bad}, "", `bad.jsonl:1: case "a": expect has no verdict for criterion "admission"`},
		{"rubric show unknown", []string{"rubric", "show", "nope"}, "", "unknown rubric"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.in, nil, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stdout %q)", code, out)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q, want it to contain %q", errOut, tt.wantErr)
			}
			if n := strings.Count(strings.TrimSpace(errOut), "\n"); n > 0 && !strings.Contains(tt.name, "flag") {
				t.Errorf("stderr has %d lines, want one: %q", n+1, errOut)
			}
		})
	}
}

func TestEvalJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "", nil, "eval", "--cases", "../../rubrics/cases/volt-typhoon-geneva/dev.jsonl", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not one JSON object: %v", err)
	}
	for _, k := range []string{"cases", "verdicts", "accuracy", "criteria", "admission_fail_recall", "mismatches"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("eval --json lacks %q", k)
		}
	}
	var crit map[string]struct {
		Accuracy float64 `json:"accuracy"`
		N        int     `json:"n"`
	}
	json.Unmarshal(rep["criteria"], &crit)
	if crit["admission"].N != 34 {
		t.Errorf("criteria.admission.n = %d, want 34", crit["admission"].N)
	}
	var acc, recall float64
	json.Unmarshal(rep["accuracy"], &acc)
	json.Unmarshal(rep["admission_fail_recall"], &recall)
	if acc < 0.95 || recall < 1 {
		t.Errorf("accuracy %.3f recall %.3f, want ≥ 0.95 and 1", acc, recall)
	}
}

func TestEvalCountsMismatches(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "c.jsonl")
	os.WriteFile(f, []byte(`{"id":"wrong-label","kind":"headline","text":"China admits hacking U.S. ports","rubric":"volt-typhoon-geneva","expect":{"admission":"pass","sourcing":"partial","denial":"na","campaign":"na","targets":"pass","taiwan":"na","meeting":"na"}}`+"\n"), 0o644)
	code, out, _ := runCLI(t, "", nil, "eval", "--cases", f, "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		Accuracy            float64 `json:"accuracy"`
		AdmissionFailRecall float64 `json:"admission_fail_recall"`
		Mismatches          []struct{ ID, Criterion, Want, Got string }
	}
	json.Unmarshal([]byte(out), &rep)
	want := []struct{ ID, Criterion, Want, Got string }{{"wrong-label", "admission", "pass", "fail"}}
	if diff := cmp.Diff(want, rep.Mismatches); diff != "" || rep.Accuracy != 6.0/7 {
		t.Errorf("accuracy %v mismatches (-want +got):\n%s", rep.Accuracy, diff)
	}
}

// TestEvalMarks: eval counts the review marks by kind, with the letters
// each marked that disagree with the labels, and --marks lists the marked
// texts; an unmarked text is in neither.
func TestEvalMarks(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "c.jsonl")
	os.WriteFile(f, []byte(`{"id":"muses","kind":"headline","text":"China muses about hacking US water plants in Geneva talks, officials say","rubric":"volt-typhoon-geneva","expect":{"admission":"fail","sourcing":"pass","denial":"na","campaign":"na","targets":"pass","taiwan":"na","meeting":"pass"}}
{"id":"tacit","kind":"headline","text":"China tacitly acknowledged the hacks in Geneva, officials say","rubric":"volt-typhoon-geneva","expect":{"admission":"pass","sourcing":"pass","denial":"na","campaign":"na","targets":"na","taiwan":"na","meeting":"pass"}}
`), 0o644)
	code, out, errOut := runCLI(t, "", nil, "eval", "--cases", f, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Review struct {
			Kinds []struct {
				Criterion, Kind string
				Marked, Wrong   int
			}
			Texts []json.RawMessage `json:"marked_texts"`
		}
	}
	json.Unmarshal([]byte(out), &rep)
	want := []struct {
		Criterion, Kind string
		Marked, Wrong   int
	}{{"admission", "I can't tell whether “…” is an admission: please check.", 1, 1}}
	if diff := cmp.Diff(want, rep.Review.Kinds); diff != "" || rep.Review.Texts != nil {
		t.Errorf("eval --json review kinds (-want +got):\n%s\nmarked_texts without --marks: %s", diff, rep.Review.Texts)
	}
	code, out, errOut = runCLI(t, "", nil, "eval", "--cases", f, "--marks")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, w := range []string{
		"    1 / 1   admission: I can't tell whether “…” is an admission: please check.",
		"  muses A (want D, disagrees) — admission: I can't tell whether “China muses about hacking” is an admission: please check.",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("eval --marks lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "  tacit ") {
		t.Errorf("eval --marks lists the unmarked text:\n%s", out)
	}
}

func TestRubricCommands(t *testing.T) {
	code, out, _ := runCLI(t, "", nil, "rubric", "list")
	if code != 0 || !strings.Contains(out, "volt-typhoon-geneva\tv1") {
		t.Errorf("rubric list: exit %d, %q", code, out)
	}
	code, out, _ = runCLI(t, "", nil, "rubric", "show", "volt-typhoon-geneva")
	if code != 0 || !strings.Contains(out, "admission (weight 3; headline, summary, a fail caps the letter at D)") {
		t.Errorf("rubric show: exit %d, %q", code, out)
	}
	code, out, _ = runCLI(t, "", nil, "rubric", "lint", "../../rubrics/volt-typhoon-geneva.yaml")
	if code != 0 || !strings.HasPrefix(out, "ok ") {
		t.Errorf("rubric lint: exit %d, %q", code, out)
	}
	dir := t.TempDir()
	data, _ := os.ReadFile("../../rubrics/volt-typhoon-geneva.yaml")
	// (the weight of the first criterion with no template: a templated
	// criterion reads a weight of 0 as none given and takes its template's)
	blocks := strings.Split(string(data), "\n  - id: ")
	for i, b := range blocks[1:] {
		if !strings.Contains(b, "\n    standard: ") && strings.Contains(b, "\n    weight: ") {
			blocks[i+1] = regexp.MustCompile(`\n    weight: \d+`).ReplaceAllString(b, "\n    weight: 0\n    colour: red")
			break
		}
	}
	broken := strings.Join(blocks, "\n  - id: ")
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte(broken), 0o644)
	code, _, errOut := runCLI(t, "", nil, "rubric", "lint", filepath.Join(dir, "broken.yaml"))
	if code != 2 || !strings.Contains(errOut, "broken.yaml:") || !strings.Contains(errOut, `unknown field "colour"`) || !strings.Contains(errOut, "weight must be greater than 0") {
		t.Errorf("rubric lint of a broken file: exit %d, stderr %q", code, errOut)
	}
}

func TestRubricDirsFromEnv(t *testing.T) {
	dir := secondStoryDir(t)
	code, out, errOut := runCLI(t, "", map[string]string{"FACTGRADE_RUBRIC_DIRS": dir}, "grade", "--rubric", "second-story", "--json", "China tacitly admits hacks, report says")
	if code != 0 || !strings.Contains(out, `"rubric": "second-story"`) {
		t.Errorf("grading with a mounted rubric: exit %d, stderr %q", code, errOut)
	}
}

// TestGradeDefaultRubricAndRouting proves that 'factgrade grade' without
// --rubric takes FACTGRADE_DEFAULT_RUBRIC when it is set (as 'config check'
// shows it), and otherwise routes the text, saying which story it chose
// and how to pick the other when two match.
func TestGradeDefaultRubricAndRouting(t *testing.T) {
	dir := secondStoryDir(t)
	text := "China tacitly admits hacks, report says"

	code, out, errOut := runCLI(t, "", map[string]string{"FACTGRADE_RUBRIC_DIRS": dir, "FACTGRADE_DEFAULT_RUBRIC": "second-story"}, "grade", "--json", text)
	if code != 0 || !strings.Contains(out, `"rubric": "second-story"`) || strings.Contains(out, `"routing"`) {
		t.Errorf("grade with FACTGRADE_DEFAULT_RUBRIC: exit %d, stderr %q, out %s", code, errOut, out)
	}
	code, _, errOut = runCLI(t, "", map[string]string{"FACTGRADE_DEFAULT_RUBRIC": "no-such-story"}, "grade", text)
	if code != 2 || !strings.Contains(errOut, "FACTGRADE_DEFAULT_RUBRIC") || !strings.Contains(errOut, `unknown rubric "no-such-story"`) {
		t.Errorf("grade with an unknown default: exit %d, stderr %q", code, errOut)
	}
	// Both copies of the story match: one is chosen, and the other named.
	code, out, _ = runCLI(t, "", map[string]string{"FACTGRADE_RUBRIC_DIRS": dir}, "grade", text)
	if code != 0 || !strings.Contains(out, "more than one story") || !strings.Contains(out, "--rubric") {
		t.Errorf("grade routed between two matching stories: exit %d, %q", code, out)
	}
	// Neither matches: no letter, and the stories listed.
	code, out, _ = runCLI(t, "", map[string]string{"FACTGRADE_RUBRIC_DIRS": dir}, "grade", "City council approves new budget for road repairs")
	if code != 0 || !strings.HasPrefix(out, "Not graded: The text is not about any story") || !strings.Contains(out, "second-story (") || !strings.Contains(out, "volt-typhoon-geneva (") {
		t.Errorf("grade routed to no story: exit %d, %q", code, out)
	}
}

// secondStoryDir is a rubric directory holding a copy of the first story's
// rubric under the id second-story.
func secondStoryDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data, _ := os.ReadFile("../../rubrics/volt-typhoon-geneva.yaml")
	second := strings.Replace(string(data), "id: volt-typhoon-geneva", "id: second-story", 1)
	os.MkdirAll(filepath.Join(dir, "sources"), 0o755)
	src, _ := os.ReadFile("../../rubrics/sources/volt-typhoon-geneva.txt")
	os.WriteFile(filepath.Join(dir, "sources", "volt-typhoon-geneva.txt"), src, 0o644)
	os.WriteFile(filepath.Join(dir, "second.yaml"), []byte(second), 0o644)
	return dir
}

// TestRubricLintWarns: lint shows where a pattern lists every form of a
// word by hand, with the line and the operator, and passes the file.
func TestRubricLintWarns(t *testing.T) {
	dir := secondStoryDir(t)
	file := filepath.Join(dir, "second.yaml")
	data, _ := os.ReadFile(file)
	warned := strings.Replace(string(data), "    patterns:\n", "    patterns:\n      - \"blame|blames|blamed|blaming _{0,4} on\"\n", 1)
	os.WriteFile(file, []byte(warned), 0o644)
	line := strings.Count(string(data)[:strings.Index(string(data), "    patterns:\n")], "\n") + 2
	code, out, errOut := runCLI(t, "", nil, "rubric", "lint", file)
	if code != 0 || !strings.HasPrefix(out, "ok ") || !strings.Contains(errOut, "second.yaml:"+strconv.Itoa(line)+": signal ") || !strings.Contains(errOut, "write blame~ (the element becomes blame~) (warning)") {
		t.Errorf("rubric lint with a hand-listed set: exit %d, %q, stderr %q", code, out, errOut)
	}
}

// TestRubricCaseFiles proves that 'rubric lint' and 'rubric test' find a
// rubric's case files by convention (cases/ID/*.jsonl beside the rubric
// file), grade them, and fail when a dev file falls below the bar.
func TestRubricCaseFiles(t *testing.T) {
	dir := secondStoryDir(t)
	cases, err := os.ReadFile("../../rubrics/cases/volt-typhoon-geneva/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	own := strings.ReplaceAll(string(cases), `"rubric": "volt-typhoon-geneva"`, `"rubric": "second-story"`)
	os.MkdirAll(filepath.Join(dir, "cases", "second-story"), 0o755)
	devFile := filepath.Join(dir, "cases", "second-story", "dev.jsonl")
	os.WriteFile(devFile, []byte(own), 0o644)
	rubricFile := filepath.Join(dir, "second.yaml")

	code, out, errOut := runCLI(t, "", nil, "rubric", "lint", rubricFile)
	// The copy grades its cases as the first story does (the exact figure
	// is the first story's, held by its own golden files), and passes the bar.
	if code != 0 || !strings.Contains(out, "dev.jsonl: 34 cases, verdicts ") || strings.Contains(out, "below the bar") {
		t.Errorf("rubric lint with case files: exit %d, %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "", map[string]string{"FACTGRADE_RUBRIC_DIRS": dir}, "rubric", "test", "second-story")
	if code != 0 || !strings.Contains(out, "dev.jsonl: 34 cases") || !strings.Contains(out, "routing") {
		t.Errorf("rubric test: exit %d, %q, stderr %q", code, out, errOut)
	}
	// Mislabel every admission pass as fail: the dev file falls below the bar.
	os.WriteFile(devFile, []byte(strings.ReplaceAll(own, `"admission": "pass"`, `"admission": "fail"`)), 0o644)
	code, out, _ = runCLI(t, "", nil, "rubric", "lint", rubricFile)
	if code != 2 || !strings.Contains(out, "below the bar") {
		t.Errorf("rubric lint below the bar: exit %d, %q", code, out)
	}
	// A malformed case file is reported with its line.
	os.WriteFile(devFile, []byte("{\"id\": \"x\"}\n"), 0o644)
	code, _, errOut = runCLI(t, "", nil, "rubric", "lint", rubricFile)
	if code != 2 || !strings.Contains(errOut, "dev.jsonl:1:") {
		t.Errorf("rubric lint of a malformed case file: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "", nil, "rubric", "test", "volt-typhoon-geneva-nope")
	if code != 2 || !strings.Contains(errOut, "unknown rubric") {
		t.Errorf("rubric test of an unknown rubric: exit %d, stderr %q", code, errOut)
	}
}

// TestRubricNew drafts a rubric from the invented wire story with no model:
// the draft is written, passes 'rubric lint', and grades its source's own
// headline A.
func TestRubricNew(t *testing.T) {
	dir, srcPath := harbourSource(t)
	out := filepath.Join(dir, "harbour-bridge.yaml")
	code, _, errOut := runCLI(t, "", nil, "rubric", "new", "--source", srcPath, "--id", "harbour-bridge", "--out", out)
	if code != 0 || !strings.Contains(errOut, "grades the source's own headline A") {
		t.Fatalf("rubric new: exit %d, stderr %q", code, errOut)
	}
	code, stdout, errOut := runCLI(t, "", nil, "rubric", "lint", out)
	if code != 0 || !strings.HasPrefix(stdout, "ok ") {
		t.Errorf("rubric lint of the draft: exit %d, %q, stderr %q", code, stdout, errOut)
	}
	code, _, errOut = runCLI(t, "", nil, "rubric", "new", "--source", srcPath)
	if code != 2 || !strings.Contains(errOut, "needs --source FILE and --id ID") {
		t.Errorf("rubric new without --id: exit %d, stderr %q", code, errOut)
	}
}
