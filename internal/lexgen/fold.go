package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/factgrade/factgrade/engine"
	"go.yaml.in/yaml/v3"
)

// Folding: `lexgen -fold-inflections FILE...` rewrites, in rubric and
// lexicon files, every element of a pattern that lists all the forms of a
// word by hand into the inflection operator ("blame|blames|blamed|blaming"
// → "blame~"), and nothing else: a set that lacks a form ("say|says|said")
// is left as written, since the operator would change what it matches.
// Only the patterns are read (signals' patterns and exclude, rewrites'
// find); the rest of the file is kept byte for byte. It reads no WordNet:
// the forms are the engine's (engine.Forms, the checked-in table). With
// -n it rewrites nothing and reports what it would fold, and the sets of
// three or more forms of one word it leaves because they are not complete.

// patternScalar is a pattern in a YAML file: its node (line, column) and
// where it is (for reports).
type patternScalar struct {
	node *yaml.Node
	at   string
}

// patternScalars lists the patterns of a rubric or lexicon file.
func patternScalars(root *yaml.Node) []patternScalar {
	var out []patternScalar
	get := func(n *yaml.Node, key string) *yaml.Node {
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
		return nil
	}
	if sigs := get(root, "signals"); sigs != nil && sigs.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(sigs.Content); i += 2 {
			name := sigs.Content[i].Value
			for _, field := range []string{"patterns", "exclude"} {
				if l := get(sigs.Content[i+1], field); l != nil && l.Kind == yaml.SequenceNode {
					for _, n := range l.Content {
						if n.Kind == yaml.ScalarNode {
							out = append(out, patternScalar{n, "signal " + name})
						}
					}
				}
			}
		}
	}
	if crit := get(root, "criteria"); crit != nil && crit.Kind == yaml.SequenceNode {
		for _, c := range crit.Content {
			id := ""
			if n := get(c, "id"); n != nil {
				id = n.Value
			}
			if rw := get(c, "rewrite"); rw != nil && rw.Kind == yaml.SequenceNode {
				for _, e := range rw.Content {
					if n := get(e, "find"); n != nil && n.Kind == yaml.ScalarNode {
						out = append(out, patternScalar{n, "criterion " + id + " rewrite"})
					}
				}
			}
		}
	}
	return out
}

// foldStats is what folding did to one file.
type foldStats struct {
	folds, alternatives, lines int
	bytesBefore, bytesAfter    int
	partial                    []string
}

// foldFile folds the patterns of one YAML file's bytes; it returns the new
// bytes and what it did, reporting each fold to w.
func foldFile(name string, data []byte, w io.Writer) ([]byte, foldStats, error) {
	st := foldStats{bytesBefore: len(data)}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, st, fmt.Errorf("%s: %v", name, err)
	}
	if len(doc.Content) == 0 {
		return data, st, nil
	}
	scalars := patternScalars(doc.Content[0])
	// Edit from the end, so that a column read from the tree still holds.
	sort.Slice(scalars, func(i, j int) bool {
		a, b := scalars[i].node, scalars[j].node
		return a.Line > b.Line || a.Line == b.Line && a.Column > b.Column
	})
	lines := strings.SplitAfter(string(data), "\n")
	changed := map[int]bool{}
	want := map[*yaml.Node]string{}
	for _, sc := range scalars {
		n := sc.node
		st.partial = append(st.partial, partialSets(n.Value, fmt.Sprintf("%s:%d", name, n.Line))...)
		folded, folds := engine.FoldInflections(n.Value, 2)
		if len(folds) == 0 {
			continue
		}
		li := n.Line - 1
		line := lines[li]
		done := map[string]bool{}
		for _, f := range folds {
			if done[f.Element] {
				continue
			}
			done[f.Element] = true
			k := fieldIndex(line, f.Element, n.Column-1)
			if k < 0 {
				return nil, st, fmt.Errorf("%s:%d: cannot find %q as written in the line; fold it by hand", name, n.Line, f.Element)
			}
			line = line[:k] + f.Folded + line[k+len(f.Element):]
		}
		lines[li] = line
		changed[li] = true
		want[n] = folded
		for _, f := range folds {
			st.folds++
			st.alternatives += len(f.Forms) - 1
			fmt.Fprintf(w, "%s:%d: %s: %s~ for %s\n", name, n.Line, sc.at, f.Word, strings.Join(f.Forms, "|"))
		}
	}
	out := []byte(strings.Join(lines, ""))
	st.lines = len(changed)
	st.bytesAfter = len(out)
	// The file must read back as the same tree but for the folded patterns.
	var check yaml.Node
	if err := yaml.Unmarshal(out, &check); err != nil {
		return nil, st, fmt.Errorf("%s: the folded file does not parse (%v); nothing written", name, err)
	}
	var walk func(a, b *yaml.Node) error
	walk = func(a, b *yaml.Node) error {
		v := a.Value
		if f, ok := want[a]; ok {
			v = f
		}
		if a.Kind != b.Kind || v != b.Value || len(a.Content) != len(b.Content) {
			return fmt.Errorf("%s:%d: the folded file reads %q where %q was meant; nothing written", name, b.Line, b.Value, v)
		}
		for i := range a.Content {
			if err := walk(a.Content[i], b.Content[i]); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(&doc, &check); err != nil {
		return nil, st, err
	}
	return out, st, nil
}

// fieldIndex returns where element e stands as a whole field of line at or
// after column from (bounded by the line's start or end, a space, a quote or
// a bracket), or -1.
func fieldIndex(line, e string, from int) int {
	bound := func(c byte) bool { return strings.IndexByte(" \t\"'[],\n", c) >= 0 }
	for k := from; k >= 0 && k < len(line); {
		i := strings.Index(line[k:], e)
		if i < 0 {
			return -1
		}
		i += k
		j := i + len(e)
		if (i == 0 || bound(line[i-1])) && (j == len(line) || bound(line[j])) {
			return i
		}
		k = i + 1
	}
	return -1
}

// partialSets lists the elements of a pattern that hold three or more
// forms of one word but not all of them, which folding leaves alone
// ("say|says|said": saying is missing), as "where: element (word: missing)".
func partialSets(src, where string) []string {
	var out []string
	for _, f := range strings.Fields(src) {
		body := strings.TrimRight(f, "?}0123456789,{")
		listed := map[string]bool{}
		for _, a := range strings.Split(body, "|") {
			listed[a] = true
		}
		seen := map[string]bool{}
		for a := range listed {
			for _, b := range append(append(stems("verb", a), stems("noun", a)...), a) {
				if seen[b] || !plainWord(b) || strings.Contains(b, "'") {
					continue
				}
				seen[b] = true
				forms := engine.Forms(b)
				var has, lacks []string
				for _, x := range forms {
					if listed[x] {
						has = append(has, x)
					} else {
						lacks = append(lacks, x)
					}
				}
				if len(has) >= 3 && len(lacks) > 0 && slices.Contains(has, b) {
					out = append(out, fmt.Sprintf("%s: %s (%s~ would add %s)", where, f, b, strings.Join(lacks, ", ")))
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// foldFiles folds each file in place (with dryRun, only reports), and
// reports to w what it did to each.
func foldFiles(names []string, dryRun bool, w io.Writer) error {
	if len(names) == 0 {
		return fmt.Errorf("-fold-inflections: name the YAML files to fold")
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		out, st, err := foldFile(name, data, w)
		if err != nil {
			return err
		}
		if dryRun {
			for _, p := range st.partial {
				fmt.Fprintf(w, "%s (left: not every form)\n", p)
			}
		} else if !bytes.Equal(out, data) {
			if err := os.WriteFile(name, out, 0o644); err != nil {
				return err
			}
		}
		fmt.Fprintf(w, "%s: %d hand-listed sets folded (%d alternatives fewer) on %d lines, %d → %d bytes; %d partial sets of three or more forms left as written\n",
			name, st.folds, st.alternatives, st.lines, st.bytesBefore, st.bytesAfter, len(st.partial))
	}
	return nil
}
