package llm

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// caseTexts reads the "text" of every line of the JSONL files matching glob.
func caseTexts(t *testing.T, glob string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files match %s (%v)", glob, err)
	}
	texts := map[string]string{}
	for _, name := range files {
		fh, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for line := 1; sc.Scan(); line++ {
			var c struct {
				ID   string `json:"id"`
				Text string `json:"text"`
			}
			if json.Unmarshal(sc.Bytes(), &c) != nil || c.Text == "" {
				continue
			}
			texts[filepath.Base(name)+":"+c.ID] = c.Text
		}
		fh.Close()
	}
	return texts
}

// TestInjectionDetected: every red-team text is caught.
func TestInjectionDetected(t *testing.T) {
	for _, c := range loadRedTeam(t) {
		if _, ok := DetectInjection(c.Text); !ok {
			t.Errorf("DetectInjection(%s %q) = false, want true", c.ID, c.Text)
		}
	}
}

// TestInjectionNotInCoverage: no labelled case of coverage, real or
// written, is taken for an instruction to the grader.
func TestInjectionNotInCoverage(t *testing.T) {
	for id, text := range caseTexts(t, filepath.Join("..", "rubrics", "cases", "*", "*.jsonl")) {
		if strings.Contains(id, "injection") {
			continue // written as an injection, and labelled so
		}
		if got, ok := DetectInjection(text); ok {
			t.Errorf("DetectInjection(%s %q) = %q, want none", id, text, got)
		}
	}
}

// TestInjectionNotInSources: no paragraph of a story's source (published
// reporting) is taken for an instruction to the grader.
func TestInjectionNotInSources(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "rubrics", "sources", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sources in ../rubrics/sources (%v)", err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range strings.Split(string(b), "\n\n") {
			if got, ok := DetectInjection(p); ok {
				t.Errorf("%s paragraph %d: DetectInjection = %q, want none", filepath.Base(name), i+1, got)
			}
		}
	}
}
