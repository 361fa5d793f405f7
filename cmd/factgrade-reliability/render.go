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
func render(w io.Writer, groups []groupResult, vuln *vulnResult, fuzz []fuzzTarget, env string) {
	fmt.Fprintf(w, "# Reliability and security\n\n")
	fmt.Fprintf(w, "Written by `go run ./cmd/factgrade-reliability` (do not edit by hand: run it again). %s\n\n", env)
	fmt.Fprintf(w, "Each fault scenario ends by checking, at the fake Slack and in storage, that every acknowledged submission was graded and posted exactly once (posts counted per submission by their message metadata and by their text) and that the editor was told what happened. Figures are from this run; timings depend on the machine.\n\n")
	for _, g := range groups {
		renderGroup(w, g, "")
	}
	renderVulncheck(w, vuln)
	fmt.Fprint(w, knownLimits)
	fmt.Fprintf(w, "## Fuzz targets\n\n")
	fmt.Fprintf(w, "Every parser of outside input has a fuzz target. `go test ./...` runs their seed corpora; `.ci/run` gives each 10 s of fuzzing. For a longer run of one target (an hour, say, before a release):\n\n")
	fmt.Fprintf(w, "```sh\ngo test -run '^$' -fuzz '^FuzzSlackRequests$' -fuzztime 1h ./bot\n```\n\n")
	fmt.Fprintf(w, "Crashers are written to the package's `testdata/fuzz/<target>/` and become seed cases: commit them with the fix.\n\n")
	fmt.Fprintf(w, "| Target | Package | What it checks |\n|---|---|---|\n")
	for _, f := range fuzz {
		fmt.Fprintf(w, "| `%s` | `%s` | %s |\n", f.name, f.pkg, cell(f.doc))
	}
}

// renderGroup writes one group's section; rerun, when set, says the
// section was run again on its own (-only), after the file's last full run.
func renderGroup(w io.Writer, g groupResult, rerun string) {
	fmt.Fprintf(w, "## %s\n\n", g.group.Title)
	if g.group.Note != "" {
		fmt.Fprintf(w, "%s\n\n", g.group.Note)
	}
	fmt.Fprintf(w, "Run: `go test -count=1 -run '%s' %s`\n\n", g.group.Run, g.group.Pkg)
	if rerun != "" {
		fmt.Fprintf(w, "%s\n\n", rerun)
	}
	if g.res.buildErr != "" || len(g.res.tests) == 0 {
		fmt.Fprintf(w, "**Did not run**:\n\n```\n%s\n```\n\n", firstLines(g.res.buildErr, 12))
		return
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

// replaceSection returns doc with the section titled title (from its
// "## title" line to the next "## " heading) replaced by section.
func replaceSection(doc, title, section string) (string, error) {
	head := "## " + title + "\n"
	start := strings.Index(doc, head)
	if start < 0 || (start > 0 && doc[start-1] != '\n') {
		return "", fmt.Errorf("no section %q to replace", title)
	}
	end := len(doc)
	if i := strings.Index(doc[start+len(head):], "\n## "); i >= 0 {
		end = start + len(head) + i + 1
	}
	return doc[:start] + section + doc[end:], nil
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

// knownLimits are the windows the suite does not close, stated precisely.
const knownLimits = `## Known limits

- **A post whose outcome is unknown** (Slack timed out, dropped the
  connection or answered 5xx, or the process died between Slack's answer and
  storage) is looked for before it is made again: every channel reply
  carries Slack message metadata (event_type ` + "`factgrade_grade`" + `,
  payload ` + "`{submission_id}`" + `), and conversations.history (or
  conversations.replies for a thread) with include_all_metadata is searched
  from a minute before the submission was made. What remains:
  - **Ephemeral replies** (channels set to ` + "`reply private`" + `) and replies sent
    through a slash command's response_url are not in any history, so they
    cannot be searched: one whose outcome was unknown may reach the editor
    twice (only the editor sees it).
  - **A message Slack stores after the search**: the search runs a second or
    more after the failed attempt (the retry's back-off); a message Slack
    takes later than that, then stores, is posted again.
  - **Without the channels:history and groups:history scopes** (an app
    installed from an older manifest) the search is refused; factgrade logs
    a warning and posts, which may double the reply. Reinstall the app from
    deploy/slack/manifest.yaml.
  - The search reads at most 10 pages of 200 messages; in a channel with more
    than 2,000 messages since the submission, an earlier post is not found.
- **A post that storage fails to record** (the database unreachable right
  after Slack accepted it) is remembered in memory and recorded later, not
  posted again; if the process also dies before then, the metadata search
  above finds it at the next start.
- **A command refused while the database is unreachable** is told "could not
  save your request… try again"; the submit is tried twice before that. If
  the database committed the row but the answer was lost both times, the
  submission is graded and posted although the editor was told to retry; a
  retry of the same command then makes a second submission.
- **The queue full**: a submission is stored and acknowledged with the note
  "factgrade is busy: your submission is saved and queued…", and queued from
  storage as the queue drains (` + "`factgrade_requests_total{outcome=\"queued\"}`" + `
  and ` + "`factgrade_queue_depth`" + ` show the back-pressure).

`
