package main

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"unicode/utf8"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubric/draft"
)

// rubricNew runs 'factgrade rubric new --source FILE --id ID [--out FILE]':
// it drafts the story part of a rubric from a cleaned source with no model
// (package draft), checks that the draft loads and grades its source's own
// headline, and writes it for an editor to finish.
func rubricNew(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "rubric new", "--source FILE --id ID [--out FILE]")
	source := fs.String("source", "", "the cleaned source text: header lines (headline, byline, date), a blank line, then paragraphs separated by blank lines")
	id := fs.String("id", "", "the new rubric's id ("+rubric.IDRule+")")
	out := fs.String("out", "", "where to write the draft rubric YAML (default: standard output); its source is expected at sources/<the source's file name> beside it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rubric new takes no arguments, got %q", fs.Args())
	}
	if *source == "" || *id == "" {
		return usagef("rubric new needs --source FILE and --id ID")
	}
	text, err := os.ReadFile(*source)
	if err != nil {
		return usagef("--source: %v", err)
	}
	if len(text) > maxDeriveSource || !utf8.Valid(text) {
		return usagef("--source %s must be UTF-8 text of at most %d bytes", *source, maxDeriveSource)
	}
	srcRel := path.Join("sources", filepath.Base(*source))
	load := func(yml []byte) (*rubric.Rubric, error) {
		rs, err := loadDraft(*id+".yaml", yml, srcRel, text)
		if err != nil {
			return nil, err
		}
		return rs[0], nil
	}
	d, err := draft.New(ctx, text, *id, srcRel, load)
	if err != nil && d == nil {
		return usagef("rubric new: %v", err)
	}
	if *out == "" {
		if _, err := e.stdout.Write(d.YAML); err != nil {
			return err
		}
	} else if err := os.WriteFile(*out, d.YAML, 0o644); err != nil {
		return fmt.Errorf("rubric new: %w", err)
	}
	for _, f := range d.Found {
		fmt.Fprintf(e.stderr, "  %s\n", f)
	}
	if err != nil {
		return fmt.Errorf("rubric new: %w", err)
	}
	fmt.Fprintf(e.stderr, "the draft loads; it grades the source's own headline %s\n", d.Letter)
	if d.Letter != "A" {
		fmt.Fprintf(e.stderr, "the source's headline should grade A against its own rubric: run 'factgrade grade --rubric %s --explain' on it and fix the draft's rules\n", *id)
	}
	if *out != "" {
		fmt.Fprintf(e.stderr, "draft rubric %s written to %s; it expects its source at %s. Finish the lines marked CHECK, then 'factgrade rubric lint %s'\n",
			*id, *out, filepath.Join(filepath.Dir(*out), srcRel), *out)
	}
	return nil
}
