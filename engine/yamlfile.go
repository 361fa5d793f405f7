package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Problem is one thing wrong with a rubric or lexicon file.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// LoadError lists every problem found in the files loaded at once.
type LoadError struct {
	Problems []Problem
}

func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// maxYAMLDepth is how deeply a rubric or lexicon file may nest.
const maxYAMLDepth = 12

// YAMLFile is a rubric or lexicon file as read: its tree, and the problems
// found in it, each with its line.
type YAMLFile struct {
	Name     string
	Root     *yaml.Node
	Problems []Problem
	// Patterns are the file's patterns with their lines, which lint reads
	// for what works but should be written otherwise (HandListed).
	Patterns []PatternAt
}

// PatternAt is a pattern of a file, its line and what it belongs to
// ("signal x").
type PatternAt struct {
	Line      int
	What, Src string
}

// ReadYAML reads the YAML file name of fsys (a regular file of at most
// limit bytes, valid UTF-8, nested at most maxYAMLDepth levels, without
// anchors or aliases) and returns it with its bytes. When it cannot be
// read, f.Root is nil and f.Problems says why.
func ReadYAML(fsys fs.FS, name string, limit int64) (f *YAMLFile, data []byte) {
	f = &YAMLFile{Name: name}
	data, err := ReadRegular(fsys, name, limit)
	if err != nil {
		f.Addf(0, "cannot read: %v", err)
		return f, nil
	}
	if !utf8.Valid(data) {
		f.Addf(0, "file is not valid UTF-8")
		return f, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		f.Addf(yamlErrLine(err), "not valid YAML: %s", yamlErrMsg(err))
		return f, nil
	}
	if len(doc.Content) == 0 {
		f.Addf(1, "empty file")
		return f, nil
	}
	root := doc.Content[0]
	if d := depth(root); d > maxYAMLDepth {
		f.Addf(1, "nested %d levels deep; a rubric needs at most %d", d, maxYAMLDepth)
		return f, nil
	}
	if hasAliases(root) {
		f.Addf(1, "YAML anchors and aliases are not allowed in rubric files")
		return f, nil
	}
	f.Root = root
	return f, data
}

// Decode reports every field of the file that v's type does not know, then
// decodes the file into v; it reports whether decoding succeeded.
func (f *YAMLFile) Decode(v any) bool {
	f.checkKnown(f.Root, reflect.TypeOf(v), "")
	if err := f.Root.Decode(v); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, e := range te.Errors {
				f.Addf(yamlErrLine(errors.New(e)), "%s", yamlErrMsg(errors.New(e)))
			}
		} else {
			f.Addf(0, "%v", err)
		}
		return false
	}
	return true
}

// Addf adds a problem at line (0 for the file as a whole).
func (f *YAMLFile) Addf(line int, format string, args ...any) {
	f.Problems = append(f.Problems, Problem{File: f.Name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

var errLineRE = regexp.MustCompile(`line (\d+)`)

func yamlErrLine(err error) int {
	m := errLineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func yamlErrMsg(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(s, ": "); i > 0 && strings.HasPrefix(s, "line ") {
		s = s[i+2:]
	}
	return s
}

func depth(n *yaml.Node) int {
	d := 0
	for _, c := range n.Content {
		if x := depth(c); x > d {
			d = x
		}
	}
	return d + 1
}

func hasAliases(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return true
	}
	for _, c := range n.Content {
		if hasAliases(c) {
			return true
		}
	}
	return false
}

// checkKnown reports every mapping key that the file format does not know,
// walking the node alongside the Go type it decodes into.
func (f *YAMLFile) checkKnown(n *yaml.Node, t reflect.Type, where string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeOf(yaml.Node{}) {
		return // kept as written, read by whoever asks for it
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return
		}
		fields := map[string]reflect.Type{}
		var names []string
		for i := 0; i < t.NumField(); i++ {
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if tag != "" && tag != "-" {
				fields[tag] = t.Field(i).Type
				names = append(names, tag)
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			ft, ok := fields[k.Value]
			if !ok {
				f.Addf(k.Line, "unknown field %q%s; known fields: %s", k.Value, where, strings.Join(names, ", "))
				continue
			}
			f.checkKnown(v, ft, " in "+k.Value)
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				f.checkKnown(c, t.Elem(), where)
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				f.checkKnown(n.Content[i], t.Elem(), where)
			}
		}
	}
}

// Line returns the line of the node at the given path of keys and indexes,
// or of the deepest node found on the way.
func (f *YAMLFile) Line(keys ...any) int {
	n := f.Root
	if n == nil {
		return 0
	}
	for _, k := range keys {
		var next *yaml.Node
		switch k := k.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next = n.Content[i+1]
						if next.Kind == yaml.ScalarNode {
							next = n.Content[i]
						}
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	return n.Line
}
