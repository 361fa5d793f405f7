package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

func runRubric(ctx context.Context, e *env, args []string) error {
	const use = "use: factgrade rubric list | show ID | lint FILE... | test ID [--judge J] | new --source FILE --id ID [--out FILE] | derive --source FILE --id ID [--out FILE]"
	if len(args) == 0 {
		return usagef("%s", use)
	}
	switch args[0] {
	case "list":
		return rubricList(e)
	case "show":
		if len(args) != 2 {
			return usagef("use: factgrade rubric show ID")
		}
		return rubricShow(e, args[1])
	case "lint":
		return rubricLint(ctx, e, args[1:])
	case "test":
		return rubricTest(ctx, e, args[1:])
	case "derive":
		return rubricDerive(ctx, e, args[1:])
	case "new":
		return rubricNew(ctx, e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprintln(e.stdout, use)
		return nil
	}
	return usagef("unknown rubric command %q; %s", args[0], use)
}

func rubricList(e *env) error {
	set, err := rubricsFromEnv(e)
	if err != nil {
		return err
	}
	for _, r := range set.List() {
		fmt.Fprintf(e.stdout, "%s\tv%d\t%s\n\t%s, %q (%s)\n\t%s\n", r.ID, r.Version, r.Title, r.Source.Publisher, r.Source.Headline, r.Source.Date, r.Source.URL)
	}
	return nil
}

func rubricShow(e *env, id string) error {
	set, err := rubricsFromEnv(e)
	if err != nil {
		return err
	}
	r, err := set.Lookup(id)
	if err != nil {
		return usagef("%v", err)
	}
	w := e.stdout
	fmt.Fprintf(w, "%s v%d: %s\n", r.ID, r.Version, r.Title)
	fmt.Fprintf(w, "source: %s, %q by %s, %s\n        %s\n", r.Source.Publisher, r.Source.Headline, r.Source.Byline, r.Source.Date, r.Source.URL)
	fmt.Fprintf(w, "        %d paragraphs; sha256 of rubric and source %s\n", len(r.Source.Paragraphs), r.Hash[:16])
	var th []string
	for _, t := range r.Letters {
		th = append(th, fmt.Sprintf("%s ≥ %g", t.Letter, t.Min))
	}
	fmt.Fprintf(w, "letters: %s\n", strings.Join(th, ", "))
	for _, c := range r.Criteria {
		var kinds []string
		for _, k := range c.Kinds {
			kinds = append(kinds, string(k))
		}
		caps := ""
		if c.CapsAt != "" {
			caps = ", a fail caps the letter at " + c.CapsAt
		}
		fmt.Fprintf(w, "\n%s (weight %g; %s%s)\n  %s\n", c.ID, c.Weight, strings.Join(kinds, ", "), caps, c.Question)
		for _, v := range rubric.Verdicts {
			if m := c.Verdicts[v]; m != "" {
				fmt.Fprintf(w, "  %-7s %s\n", v, m)
			}
		}
		for _, ev := range c.Evidence {
			fmt.Fprintf(w, "  ¶%d %q\n", ev.Paragraph, ev.Quote)
		}
		showRules(w, c)
	}
	return nil
}

// showRules prints a criterion's decision list as the rule judge runs it,
// its template filled in, each rule with where it was written.
func showRules(w io.Writer, c *rubric.Criterion) {
	if c.Standard != "" {
		fmt.Fprintf(w, "  rules (standard %s, filled in):\n", c.Standard)
	} else {
		fmt.Fprintf(w, "  rules:\n")
	}
	for i, ru := range c.Rules() {
		from := ru.Origin
		if ru.Name != "" {
			from += ", template rule " + ru.Name
		}
		kinds := ""
		if len(ru.Kinds) > 0 {
			kinds = "[" + strings.Join(ru.Kinds, ", ") + "] "
		}
		when := "always"
		if len(ru.When) > 0 {
			when = strings.Join(ru.When, ", ")
		}
		mark := ""
		if ru.Decisive {
			mark = " (decisive)"
		}
		fmt.Fprintf(w, "  %2d. %swhen %s → %s%s   (%s)\n", i+1, kinds, when, ru.Verdict, mark, from)
		fmt.Fprintf(w, "      reason: %s\n", ru.Reason)
		if ru.Review != "" {
			fmt.Fprintf(w, "      review: %s\n", ru.Review)
		}
		if ru.Fix != "" {
			fmt.Fprintf(w, "      fix: %s\n", ru.Fix)
		}
		if len(ru.Cite) > 0 {
			fmt.Fprintf(w, "      cite: %s\n", strings.Join(ru.Cite, ", "))
		}
	}
}

// rubricLint loads rubric files from disk as the server would and reports
// every problem of every file, then grades each rubric's case files
// (cases/ID/*.jsonl beside it) with the rule judge.
func rubricLint(ctx context.Context, e *env, files []string) error {
	if len(files) == 0 {
		return usagef("use: factgrade rubric lint FILE...")
	}
	failed := 0
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			return usagef("%s: %v", f, err)
		}
		if _, err := os.Stat(abs); err != nil {
			fmt.Fprintf(e.stderr, "%s: cannot read: %v\n", f, err)
			failed++
			continue
		}
		rs, err := rubric.Load(os.DirFS(filepath.Dir(abs)), filepath.Base(abs))
		if err != nil {
			var le *rubric.LoadError
			if errors.As(err, &le) {
				for _, p := range le.Problems {
					if !strings.HasPrefix(p.File, "engine/lexicon/") { // the built-in lexicon names its own file
						p.File = filepath.Join(filepath.Dir(f), p.File)
					}
					fmt.Fprintln(e.stderr, p.String())
				}
			} else {
				fmt.Fprintf(e.stderr, "%s: %v\n", f, err)
			}
			failed++
			continue
		}
		r := rs[0]
		for _, p := range r.LintWarnings() {
			p.File = filepath.Join(filepath.Dir(f), p.File)
			fmt.Fprintf(e.stderr, "%s (warning)\n", p)
		}
		if probs := r.Lint(); len(probs) > 0 {
			for _, p := range probs {
				fmt.Fprintf(e.stderr, "%s: %s\n", f, p)
			}
			failed++
			continue
		}
		fmt.Fprintf(e.stdout, "ok %s: %s v%d, %d criteria, %d source paragraphs\n", f, r.ID, r.Version, len(r.Criteria), len(r.Source.Paragraphs))
		set, err := rubric.NewSet(r)
		if err != nil {
			return err
		}
		fsys := os.DirFS(filepath.Dir(abs))
		paths := rubrics.CaseFilesIn(fsys, r.ID)
		if len(paths) == 0 {
			fmt.Fprintf(e.stdout, "   no case files in %s: label some texts there (format in docs/RUBRICS.md)\n", filepath.Join(filepath.Dir(f), rubrics.CaseDir(r.ID)))
			continue
		}
		if n, err := runCaseFiles(ctx, e, rubric.NewRuleJudge(), set, fsys, filepath.Dir(f), paths); err != nil {
			return err
		} else if n > 0 {
			failed++
		}
	}
	if failed > 0 {
		return usagef("%d of %d rubric files have problems (listed above)", failed, len(files))
	}
	return nil
}

// rubricTest grades the case files of a loaded rubric (embedded, or in
// FACTGRADE_RUBRIC_DIRS) and routes them among all loaded rubrics: the
// desk's test loop while a rubric is written.
func rubricTest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "rubric test", "ID [--judge rules|llm|hybrid]")
	judgeName := fs.String("judge", "rules", "the judge: rules, llm or hybrid")
	id := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		id, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if id == "" && fs.NArg() == 1 {
		id = fs.Arg(0)
	}
	if id == "" {
		return usagef("use: factgrade rubric test ID")
	}
	set, err := rubricsFromEnv(e)
	if err != nil {
		return err
	}
	if _, err := set.Lookup(id); err != nil {
		return usagef("%v", err)
	}
	fsys, dir, paths := rubrics.CaseFiles(id, rubricDirs(e)...)
	if len(paths) == 0 {
		return usagef("rubric %s has no case files: put labelled cases in %s beside its rubric file (format in docs/RUBRICS.md)", id, rubrics.CaseDir(id))
	}
	judge, err := newJudge(ctx, e, *judgeName)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: case files in %s\n", id, dir)
	n, err := runCaseFiles(ctx, e, judge, set, fsys, "", paths)
	if err != nil {
		return err
	}
	if n > 0 {
		return usagef("%d case files of %s are below the bar (listed above)", n, id)
	}
	return nil
}

// Every case file whose name starts with "dev" holds the desk's own cases,
// which a rubric is written and tuned on: it must reach devBarAccuracy of
// verdicts and catch every fail of the capping criterion. Other case files
// (first-contact and held-out sets) are graded and reported only.
const devBarAccuracy = 0.95

// runCaseFiles grades the case files at paths of fsys with judge, routes
// them among set, prints one line per file (named under dir) and returns
// how many dev files are below the bar. A malformed case file is an error.
func runCaseFiles(ctx context.Context, e *env, judge rubric.Judge, set *rubric.Set, fsys fs.FS, dir string, paths []string) (int, error) {
	below := 0
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return below, fmt.Errorf("reading case file %s: %w", p, err)
		}
		name := filepath.Join(dir, filepath.FromSlash(p))
		cases, err := parseCases(name, data, set)
		if err != nil {
			return below, err
		}
		rep, err := evaluate(ctx, judge, set, cases)
		if err != nil {
			return below, err
		}
		fmt.Fprintf(e.stdout, "   %s: %d cases, verdicts %.1f%% (%d/%d), letters %.1f%%, fail recall %.1f%% (of %d on %s), routing %.1f%%\n",
			name, rep.Cases, 100*rep.Accuracy, rep.Correct, rep.Verdicts, 100*rep.LetterAgreement, 100*rep.AdmissionFailRecall, rep.AdmissionFails, strings.Join(rep.CapCriteria, ", "), 100*rep.Routing.Accuracy)
		if strings.HasPrefix(path.Base(p), "dev") && (rep.Accuracy < devBarAccuracy || rep.AdmissionFailRecall < 1) {
			below++
			fmt.Fprintf(e.stdout, "   below the bar for a dev file (verdicts ≥ %.0f%%, every capping fail caught); run 'factgrade eval --cases FILE' for the mismatches\n", 100*devBarAccuracy)
		}
	}
	return below, nil
}
