package main

import (
	"fmt"
	"io"
	"strings"
)

type groupResult struct {
	group group
	docs  map[string]string
	res   *pkgResult
}

// render writes RELIABILITY.md.
func render(w io.Writer, groups []groupResult, fuzz []fuzzTarget, env string) {
	fmt.Fprintf(w, "# Reliability and security\n\n")
	fmt.Fprintf(w, "Written by `go run ./cmd/factgrade-reliability` (do not edit by hand: run it again). %s\n\n", env)
	fmt.Fprintf(w, "Each fault scenario ends by checking, at the fake Slack and in storage, that every acknowledged submission was graded and posted exactly once (posts counted per submission by their message metadata and by their text) and that the editor was told what happened. Figures are from this run; timings depend on the machine.\n\n")
	for _, g := range groups {
		fmt.Fprintf(w, "## %s\n\n", g.group.Title)
		if g.group.Note != "" {
			fmt.Fprintf(w, "%s\n\n", g.group.Note)
		}
		fmt.Fprintf(w, "Run: `go test -count=1 -run '%s' %s`\n\n", g.group.Run, g.group.Pkg)
		if g.res.buildErr != "" || len(g.res.tests) == 0 {
			fmt.Fprintf(w, "**Did not run**:\n\n```\n%s\n```\n\n", firstLines(g.res.buildErr, 12))
			continue
		}
		fmt.Fprintf(w, "| Scenario | What it proves | Result |\n|---|---|---|\n")
		// Parents first, each followed by its subtests.
		for _, t := range g.res.tests {
			if strings.Contains(t.name, "/") {
				continue
			}
			fmt.Fprintf(w, "| `%s` | %s | %s |\n", t.name, cell(g.docs[t.name]), outcome(t))
			for _, sub := range g.res.tests {
				if strings.HasPrefix(sub.name, t.name+"/") {
					fmt.Fprintf(w, "| ↳ %s | | %s |\n", cell(strings.ReplaceAll(strings.TrimPrefix(sub.name, t.name+"/"), "_", " ")), outcome(sub))
				}
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "## Fuzz targets\n\n")
	fmt.Fprintf(w, "Every parser of outside input has a fuzz target. `go test ./...` runs their seed corpora; `.ci/run` gives each 10 s of fuzzing. For a longer run of one target (an hour, say, before a release):\n\n")
	fmt.Fprintf(w, "```sh\ngo test -run '^$' -fuzz '^FuzzSlackRequests$' -fuzztime 1h ./bot\n```\n\n")
	fmt.Fprintf(w, "Crashers are written to the package's `testdata/fuzz/<target>/` and become seed cases: commit them with the fix.\n\n")
	fmt.Fprintf(w, "| Target | Package | What it checks |\n|---|---|---|\n")
	for _, f := range fuzz {
		fmt.Fprintf(w, "| `%s` | `%s` | %s |\n", f.name, f.pkg, cell(f.doc))
	}
}

func outcome(t *testResult) string {
	s := map[string]string{"pass": "**pass**", "fail": "**FAIL**", "skip": "skipped"}[t.action]
	s += fmt.Sprintf(" (%.1f s)", t.elapsed)
	if t.action == "skip" && t.skipMsg != "" {
		s += ": " + t.skipMsg
	}
	if len(t.figures) > 0 {
		s += ": " + strings.Join(t.figures, "; ")
	}
	return cell(s)
}

// cell makes s safe in a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	return strings.ReplaceAll(s, "\n", " ")
}

func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = append(lines[:n], "…")
	}
	return strings.Join(lines, "\n")
}
