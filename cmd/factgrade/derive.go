package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"unicode/utf8"

	"github.com/factgrade/factgrade/config"
	"github.com/factgrade/factgrade/llm"
	"github.com/factgrade/factgrade/revise"
	"github.com/factgrade/factgrade/rubric"
)

// maxDeriveSource bounds the source text sent to the model.
const maxDeriveSource = 200_000

// rubricDerive runs 'factgrade rubric derive --source FILE --id ID [--out
// FILE]': one model call drafts a rubric from a cleaned primary source, the
// draft is validated like any rubric (every evidence quote verbatim), and
// written for an editor to review. It never installs the rubric.
func rubricDerive(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "rubric derive", "--source FILE --id ID [--out FILE]")
	source := fs.String("source", "", "the cleaned source text: header lines, a blank line, then paragraphs separated by blank lines")
	id := fs.String("id", "", "the new rubric's id (lower-case letters, digits and dashes)")
	out := fs.String("out", "", "where to write the draft rubric YAML (default: standard output)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rubric derive takes no arguments, got %q", fs.Args())
	}
	if *source == "" || *id == "" {
		return usagef("rubric derive needs --source FILE and --id ID")
	}
	text, err := os.ReadFile(*source)
	if err != nil {
		return usagef("--source: %v", err)
	}
	if len(text) > maxDeriveSource || !utf8.Valid(text) {
		return usagef("--source %s must be UTF-8 text of at most %d bytes", *source, maxDeriveSource)
	}

	cfg, err := config.Read(e.getenv, os.ReadFile)
	if err != nil {
		return configError(err)
	}
	cfg.Judge = config.JudgeLLM // derive always needs the model
	if err := cfg.ValidateJudge(); err != nil {
		return configError(err)
	}
	lc := llmConfig(cfg.OpenAI)
	lc.Logger = cfg.Logger(e.stderr)
	model, err := llm.New(lc, revise.NewRuleJudge())
	if err != nil {
		return usagef("%v", err)
	}

	// The draft names its source relative to itself, under sources/, where
	// the embedded rubrics keep theirs.
	srcRel := path.Join("sources", filepath.Base(*source))
	draft, err := model.Derive(ctx, llm.DeriveRequest{ID: *id, Source: string(text), SourcePath: srcRel})
	if err != nil {
		var f *llm.Failure
		if errors.As(err, &f) {
			return fmt.Errorf("rubric derive: %s", f.Reason)
		}
		return fmt.Errorf("rubric derive: %w", err)
	}
	yml, err := draft.YAML(*source)
	if err != nil {
		return err
	}

	// Validate exactly as the rubric will be loaded.
	name := *id + ".yaml"
	_, loadErr := loadDraft(name, yml, srcRel, text)
	var le *rubric.LoadError
	if loadErr != nil && !errors.As(loadErr, &le) {
		return fmt.Errorf("rubric derive: validating the draft: %w", loadErr)
	}

	where := "standard output"
	if *out == "" {
		if _, err := e.stdout.Write(yml); err != nil {
			return err
		}
	} else {
		if err := os.WriteFile(*out, yml, 0o644); err != nil {
			return fmt.Errorf("rubric derive: %w", err)
		}
		where = *out
		fmt.Fprintf(e.stderr, "draft rubric %s written to %s; it expects its source at %s\n",
			*id, *out, filepath.Join(filepath.Dir(*out), srcRel))
	}
	if draft.DroppedQuotes > 0 {
		fmt.Fprintf(e.stderr, "%d evidence quote(s) from the model were not in the source and were left out\n", draft.DroppedQuotes)
	}
	if le != nil {
		fmt.Fprintf(e.stderr, "the draft has %d problem(s) an editor must fix before it can be used:\n", len(le.Problems))
		for _, p := range le.Problems {
			fmt.Fprintf(e.stderr, "  %s\n", p)
		}
		return fmt.Errorf("draft written to %s with %d problem(s) to fix", where, len(le.Problems))
	}
	fmt.Fprintf(e.stderr, "the draft loads cleanly; review it, add the rule judge's signals and rules, then run 'factgrade rubric lint'\n")
	return nil
}

// loadDraft loads a drafted rubric and its source as the loader will, from
// a temporary directory holding just the two files (the binary does not
// link testing/fstest, whose MapFS would do).
func loadDraft(name string, yml []byte, srcRel string, text []byte) ([]*rubric.Rubric, error) {
	dir, err := os.MkdirTemp("", "factgrade-derive-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	for rel, b := range map[string][]byte{name: yml, srcRel: text} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, b, 0o600); err != nil {
			return nil, err
		}
	}
	return rubric.Load(os.DirFS(dir), name)
}
