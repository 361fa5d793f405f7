package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// draftDir drafts the invented wire story's rubric (rubric new), whose
// criteria fill in the lexicon's templates, in a temporary directory, and
// returns the directory and the draft's text.
func draftDir(t *testing.T) (dir, text string) {
	t.Helper()
	dir, srcPath := harbourSource(t)
	out := filepath.Join(dir, "harbour-bridge.yaml")
	if code, _, errOut := runCLI(t, "", nil, "rubric", "new", "--source", srcPath, "--id", "harbour-bridge", "--out", out); code != 0 {
		t.Fatalf("rubric new: exit %d, stderr %q", code, errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return dir, string(data)
}

// harbourSource writes the invented wire story (rubric/draft's testdata)
// to sources/ of a temporary directory and returns the directory and its
// path.
func harbourSource(t *testing.T) (dir, srcPath string) {
	t.Helper()
	dir = t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sources"), 0o755)
	src, err := os.ReadFile("../../rubric/draft/testdata/harbour-bridge.txt")
	if err != nil {
		t.Fatal(err)
	}
	srcPath = filepath.Join(dir, "sources", "harbour-bridge.txt")
	os.WriteFile(srcPath, src, 0o644)
	return dir, srcPath
}

// TestRubricShowTemplates: rubric show prints a templated criterion's rules
// filled in, each with where it was written (the lexicon's line and rule
// name, or the rubric's line), and no placeholder of a template.
func TestRubricShowTemplates(t *testing.T) {
	dir, _ := draftDir(t)
	code, out, errOut := runCLI(t, "", map[string]string{"FACTGRADE_RUBRIC_DIRS": dir}, "rubric", "show", "harbour-bridge")
	for _, want := range []string{
		"rules (standard attribution, filled in):",
		"(engine/lexicon/standards.yaml:",
		", template rule unattributed)",
		"reason: The headline states the claim without attribution; the source rests on unnamed sources.",
		"(harbour-bridge.yaml:", // the claim's own last rule
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("rubric show harbour-bridge: exit %d (%s), output lacks %q", code, errOut, want)
		}
	}
	for _, raw := range []string{"{unnamed}", "{ending}", "{side_view}", "{cite:sources}", "{cite:quote}"} {
		if strings.Contains(out, raw) {
			t.Errorf("rubric show harbour-bridge prints %s raw", raw)
		}
	}
}

// TestRubricLintTemplateParameters: lint names a template parameter the
// template does not have, one missing and one of the wrong kind, with file
// and line.
func TestRubricLintTemplateParameters(t *testing.T) {
	dir, text := draftDir(t)
	text = strings.Replace(text, "      ending: ", "      endng: ", 1)
	text = strings.Replace(text, "      quote: other_side-1\n", "      quote: the other side's view\n", 1)
	file := filepath.Join(dir, "harbour-bridge.yaml")
	os.WriteFile(file, []byte(text), 0o644)
	lineOf := func(s string) string { return strconv.Itoa(strings.Count(text[:strings.Index(text, s)], "\n") + 1) }
	code, _, errOut := runCLI(t, "", nil, "rubric", "lint", file)
	for _, want := range []string{
		"harbour-bridge.yaml:" + lineOf("      endng:") + ": criterion sourcing: template attribution has no parameter endng",
		"harbour-bridge.yaml:" + lineOf("    standard: attribution") + ": criterion sourcing: template attribution needs parameter ending",
		"harbour-bridge.yaml:" + lineOf("      quote: the") + `: criterion other_side: parameter quote is evidence: "the other side's view" is not the id`,
	} {
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("rubric lint: exit %d, stderr %q\nwant %q", code, errOut, want)
		}
	}
}
