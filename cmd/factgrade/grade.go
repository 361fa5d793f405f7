package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

// rubricsFromEnv loads the embedded rubrics and those in the directories of
// FACTGRADE_RUBRIC_DIRS, for the commands that need no other configuration.
func rubricsFromEnv(e *env) (*rubric.Set, error) {
	set, err := rubrics.Load(rubricDirs(e)...)
	if err != nil {
		return nil, fmt.Errorf("loading rubrics: %w", err)
	}
	return set, nil
}

// rubricDirs returns the directories of FACTGRADE_RUBRIC_DIRS.
func rubricDirs(e *env) []string {
	var dirs []string
	for _, d := range filepath.SplitList(e.getenv("FACTGRADE_RUBRIC_DIRS")) {
		if strings.TrimSpace(d) != "" {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

func runGrade(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "grade", "[--rubric ID] [--kind headline|summary] [--judge rules|llm|hybrid] [--json] [TEXT | -]")
	rubricID := fs.String("rubric", "", "the rubric to grade against (default: FACTGRADE_DEFAULT_RUBRIC, else the story the text is about)")
	kindFlag := fs.String("kind", "", "headline or summary (default: detected from the text)")
	judgeName := fs.String("judge", "", "the judge: rules, llm or hybrid (default: FACTGRADE_JUDGE, else hybrid when an LLM is configured, else rules)")
	asJSON := fs.Bool("json", false, "print the grade as JSON")
	explain := fs.Bool("explain", false, "also list every rule-judge signal found in the text (for rubric authors)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	text, err := readText(e, fs.Args())
	if err != nil {
		return err
	}
	var kind rubric.Kind
	if *kindFlag != "" {
		if kind, err = rubric.ParseKind(*kindFlag); err != nil {
			return usagef("--kind: %v", err)
		}
	}
	set, err := rubricsFromEnv(e)
	if err != nil {
		return err
	}
	judge, err := newJudge(ctx, e, *judgeName)
	if err != nil {
		return err
	}
	req := rubric.Request{Text: text, Kind: kind}
	var g *rubric.Grade
	var r *rubric.Rubric
	id, setting := *rubricID, "--rubric"
	if id == "" {
		id, setting = strings.TrimSpace(e.getenv("FACTGRADE_DEFAULT_RUBRIC")), "FACTGRADE_DEFAULT_RUBRIC"
	}
	if id != "" {
		if r, err = set.Lookup(id); err != nil {
			return usagef("%s: %v", setting, err)
		}
		g, err = judge.Grade(ctx, r, req)
	} else {
		g, r, err = set.GradeRouted(ctx, judge, req)
	}
	if err != nil {
		var ie *rubric.InputError
		if errors.As(err, &ie) {
			return usagef("%v", err)
		}
		return fmt.Errorf("grading: %w", err)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(g)
	}
	writeReport(e.stdout, r, g)
	if *explain && r != nil {
		writeExplain(e.stdout, r.Explain(text))
		fmt.Fprintf(e.stdout, "About: about_any lists held (from 0): %v\n", r.AboutHeld(text))
	}
	return nil
}

// writeExplain lists the signals the rule judge saw, for rubric authors.
func writeExplain(w io.Writer, matches []rubric.SignalMatch) {
	fmt.Fprintln(w, "\nSignals:")
	for _, m := range matches {
		var props []string
		for _, p := range []struct {
			on   bool
			name string
		}{{m.Negated, "negated"}, {m.Qualified, "qualified"}, {m.Hedged, "hedged"}} {
			if p.on {
				props = append(props, p.name)
			}
		}
		fmt.Fprintf(w, "  %-20s %q %s\n", m.Signal, m.Span.Text, strings.Join(props, ","))
	}
}

// readText returns the text to grade from the arguments, or from stdin when
// there are none or the only one is "-". It checks the text the way the
// judges will, so bad input is reported before any rubric is loaded.
func readText(e *env, args []string) (string, error) {
	var text string
	if len(args) == 0 || (len(args) == 1 && args[0] == "-") {
		// Read a little past the limit so an overlong text is reported as such.
		b, err := io.ReadAll(io.LimitReader(e.stdin, 4*rubric.MaxTextRunes+8))
		if err != nil {
			return "", fmt.Errorf("reading the text from stdin: %w", err)
		}
		text = string(b)
	} else {
		text = strings.Join(args, " ")
	}
	text = strings.TrimSpace(text)
	if err := rubric.CheckText(text); err != nil {
		return "", usagef("%v", err)
	}
	return text, nil
}

// verdictMark is the mark a report shows beside a verdict.
func verdictMark(v rubric.Verdict) string {
	switch v {
	case rubric.Pass:
		return "✓"
	case rubric.Partial:
		return "~"
	case rubric.Fail:
		return "✗"
	}
	return "–"
}

// writeReport prints a grade for a person at a terminal. r is nil when the
// text was routed to no story.
func writeReport(w io.Writer, r *rubric.Rubric, g *rubric.Grade) {
	note := ""
	if g.Routing != nil {
		note = g.Routing.Note
	}
	switch {
	case g.Status == rubric.NotEnglish:
		reason := note
		if len(g.Criteria) > 0 {
			reason = g.Criteria[0].Reason
		}
		fmt.Fprintf(w, "Not graded: %s\n", reason)
		return
	case r == nil:
		fmt.Fprintf(w, "Not graded: %s\n", note)
		return
	case g.Status == rubric.Ungradable:
		fmt.Fprintf(w, "Ungradable against rubric %s: %s\n", r.ID, r.NotAboutReason())
		return
	}
	if note != "" {
		fmt.Fprintf(w, "%s\n", note)
	}
	capped := ""
	if g.Capped {
		capped = " (capped: a fail on a capping criterion)"
	}
	provisional := ""
	if g.Provisional {
		provisional = " (provisional: an editor should check the verdicts marked below)"
	}
	fmt.Fprintf(w, "Grade %s  %d/100%s%s\n", g.Letter, g.Score, capped, provisional)
	fmt.Fprintf(w, "%s graded against %s v%d (%s, %s) by the %s judge\n", g.Kind, r.ID, r.Version, r.Source.Publisher, r.Source.Date, judgeLabel(g.Judge))
	fmt.Fprintf(w, "Text: %q\n\n", g.Text)
	for _, cg := range g.Criteria {
		c := r.Criterion(cg.Criterion)
		q := cg.Criterion
		if c != nil {
			q = c.Question
		}
		fmt.Fprintf(w, "%s %-9s %-7s %s\n", verdictMark(cg.Verdict), cg.Criterion, cg.Verdict, q)
		fmt.Fprintf(w, "    %s\n", cg.Reason)
		if cg.NeedsReview {
			why := cg.Review
			if why == "" {
				why = "the judges disagreed (decided by " + cg.DecidedBy + ")"
			}
			fmt.Fprintf(w, "    needs review: %s\n", why)
		}
		for _, sp := range cg.Spans {
			fmt.Fprintf(w, "    triggered by %q (bytes %d–%d)\n", sp.Text, sp.Start, sp.End)
		}
		for _, ct := range cg.Citations {
			fmt.Fprintf(w, "    ¶%d %q\n", ct.Paragraph, ct.Quote)
		}
	}
	if g.Rewrite != "" {
		fmt.Fprintf(w, "\nSuggested rewrite (grades %s, %d/100):\n  %s\n", g.RewriteLetter, g.RewriteScore, g.Rewrite)
		if len(g.RewriteEdits) > 0 {
			fmt.Fprintln(w, "What changed:")
			for _, e := range g.RewriteEdits {
				fmt.Fprintf(w, "  %s\n", describeEdit(e))
			}
		}
	}
	if len(g.Fixes) > 0 {
		fmt.Fprintln(w, "\nFixes:")
		for _, f := range g.Fixes {
			fmt.Fprintf(w, "  - %s\n", f)
		}
	}
	fmt.Fprintf(w, "\nSource: %s\n", r.Source.URL)
}

// describeEdit says what one edit of a rewrite did, in words an editor
// reads at a glance: the words struck and the words added.
func describeEdit(e rubric.Edit) string {
	removed, added := strings.TrimSpace(e.Removed), strings.TrimSpace(e.Added)
	switch {
	case removed == "":
		return fmt.Sprintf("added   “%s”", added)
	case added == "":
		return fmt.Sprintf("struck  “%s”", removed)
	}
	return fmt.Sprintf("struck  “%s”, added “%s”", removed, added)
}

func judgeLabel(j rubric.JudgeInfo) string {
	s := j.Name
	if j.Model != "" {
		s += " (" + j.Model + ")"
	}
	if j.Fallback != "" {
		s += "; fell back to rules: " + j.Fallback
	}
	if j.Injection != "" {
		s += fmt.Sprintf("; the text speaks to the grader (%q): graded by the rules alone, flagged for review", j.Injection)
	}
	return s
}
