package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// testDocs returns the doc comments of the test functions of the package
// in directory pkg, by function name, each on one line.
func testDocs(pkg string) (map[string]string, error) {
	docs := map[string]string{}
	files, err := filepath.Glob(filepath.Join(pkg, "*_test.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !(strings.HasPrefix(fn.Name.Name, "Test") || strings.HasPrefix(fn.Name.Name, "Fuzz")) {
				continue
			}
			text := "(no doc comment)"
			if fn.Doc != nil {
				text = strings.Join(strings.Fields(fn.Doc.Text()), " ")
			}
			text = strings.TrimPrefix(text, fn.Name.Name+" ")
			if text != "" {
				text = strings.ToUpper(text[:1]) + text[1:]
			}
			docs[fn.Name.Name] = text
		}
	}
	return docs, nil
}

// fuzzTarget is a Fuzz function and its package.
type fuzzTarget struct {
	pkg, name, doc string
}

// fuzzTargets lists every fuzz target of the module's packages.
func fuzzTargets() ([]fuzzTarget, error) {
	out, err := exec.Command("go", "list", "-e", "-f", "{{.Dir}}", "./...").Output()
	if err != nil {
		return nil, err
	}
	var targets []fuzzTarget
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		dir := line
		rel, err := filepath.Rel(mustGetwd(), dir)
		if err != nil {
			return nil, err
		}
		docs, err := testDocs(dir)
		if err != nil {
			continue // a package another change has broken; its targets are not listed
		}
		for name, doc := range docs {
			if strings.HasPrefix(name, "Fuzz") {
				targets = append(targets, fuzzTarget{pkg: "./" + filepath.ToSlash(rel), name: name, doc: doc})
			}
		}
	}
	sort.Slice(targets, func(i, j int) bool {
		if targets[i].pkg != targets[j].pkg {
			return targets[i].pkg < targets[j].pkg
		}
		return targets[i].name < targets[j].name
	})
	return targets, nil
}

func mustGetwd() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	return wd
}
