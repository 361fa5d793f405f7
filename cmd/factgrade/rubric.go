package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/factgrade/factgrade/rubric"
)

func runRubric(ctx context.Context, e *env, args []string) error {
	const use = "use: factgrade rubric list | show ID | lint FILE... | derive --source FILE --id ID [--out FILE]"
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
		return rubricLint(e, args[1:])
	case "derive":
		return rubricDerive(ctx, e, args[1:])
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
	}
	return nil
}

// rubricLint loads rubric files from disk as the server would and reports
// every problem of every file.
func rubricLint(e *env, files []string) error {
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
					p.File = filepath.Join(filepath.Dir(f), p.File)
					fmt.Fprintln(e.stderr, p.String())
				}
			} else {
				fmt.Fprintf(e.stderr, "%s: %v\n", f, err)
			}
			failed++
			continue
		}
		r := rs[0]
		fmt.Fprintf(e.stdout, "ok %s: %s v%d, %d criteria, %d source paragraphs\n", f, r.ID, r.Version, len(r.Criteria), len(r.Source.Paragraphs))
	}
	if failed > 0 {
		return usagef("%d of %d rubric files have problems (listed above)", failed, len(files))
	}
	return nil
}
