package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// logCall matches a log call with a literal message: log.Info("…", …).
var logCall = regexp.MustCompile(`\.(Info|Warn|Error)\(\s*"((?:[^"\\]|\\.)*)"`)

// loggedMessages returns the messages the program's non-test Go files log
// at info level and above, by file.
func loggedMessages(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "deploy" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for _, m := range logCall.FindAllStringSubmatch(string(b), -1) {
			out[m[2]] = append(out[m[2]], filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLogLinesDocumented checks docs/OPERATIONS.md's log tables against
// the program: every message they list is logged with those words, and
// every message of the server's lifecycle (cmd/factgrade), the digests
// and the storage is listed.
func TestLogLinesDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/OPERATIONS.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(doc)
	start, end := strings.Index(section, "## 10. Logs"), strings.Index(section, "## 11. Shutdown")
	if start < 0 || end < start {
		t.Fatal(`docs/OPERATIONS.md has no "## 10. Logs" section before "## 11. Shutdown"`)
	}
	section = section[start:end]
	row := regexp.MustCompile("(?m)^\\| `([^`]+)` \\|")
	documented := map[string]bool{}
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		documented[m[1]] = true
	}
	logged := loggedMessages(t, "../..")

	for msg := range documented {
		if prefix, ok := strings.CutSuffix(msg, "…"); ok {
			if _, found := logged[prefix]; !found {
				t.Errorf("docs/OPERATIONS.md lists log line %q; nothing logs a message starting %q", msg, prefix)
			}
			continue
		}
		if _, found := logged[msg]; !found {
			t.Errorf("docs/OPERATIONS.md lists log line %q, which the program never logs with these words", msg)
		}
	}
	for msg, files := range logged {
		for _, f := range files {
			if !strings.HasPrefix(f, "cmd/factgrade/") && !strings.HasPrefix(f, "digest/") && !strings.HasPrefix(f, "storage/") {
				continue
			}
			if !documented[msg] && !documented[msg+"…"] {
				t.Errorf("%s logs %q, which docs/OPERATIONS.md's log tables do not list", f, msg)
			}
		}
	}
}
