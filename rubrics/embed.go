// Package rubrics holds the rubrics that ship inside the factgrade binary,
// with the cleaned sources they cite and the labelled cases they are tested
// on, and loads them together with any rubric directories a deployment
// mounts.
//
// A rubric directory holds ID.yaml files, their sources (sources/), and each
// rubric's labelled case files beside it in cases/ID/*.jsonl (the format of
// 'factgrade eval'); 'factgrade rubric lint' and 'rubric test' find them
// there.
package rubrics

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/factgrade/factgrade/rubric"
)

//go:embed *.yaml sources/*.txt cases
var files embed.FS

// CaseDir is where a rubric's case files are, relative to the directory of
// its rubric file: cases/ID.
func CaseDir(id string) string { return path.Join("cases", id) }

// CaseFiles returns the case files (*.jsonl, sorted) of rubric id: those in
// cases/ID of the first of dirs that has any, else the embedded ones. The
// paths are relative to the returned file system; dir names it for people
// ("embedded" for the built-in cases).
func CaseFiles(id string, dirs ...string) (fsys fs.FS, dir string, paths []string) {
	for _, d := range dirs {
		fsys := os.DirFS(d)
		if ps := CaseFilesIn(fsys, id); len(ps) > 0 {
			return fsys, d, ps
		}
	}
	return files, "embedded", CaseFilesIn(files, id)
}

// caseFilesIn lists the *.jsonl files directly in dir of fsys, sorted.
func caseFilesIn(fsys fs.FS, dir string) []string {
	ps, err := fs.Glob(fsys, path.Join(dir, "*.jsonl"))
	if err != nil {
		return nil
	}
	sort.Strings(ps)
	return ps
}

// CaseFilesIn returns the case files of rubric id in a rubric directory
// fsys (cases/ID/*.jsonl), sorted.
func CaseFilesIn(fsys fs.FS, id string) []string { return caseFilesIn(fsys, CaseDir(id)) }

// Load loads and validates every embedded rubric and every rubric file in
// the given directories (FACTGRADE_RUBRIC_DIRS). All problems of all files
// are reported at once; a rubric id used twice is an error.
func Load(dirs ...string) (*rubric.Set, error) {
	all, err := rubric.LoadDir(files, ".")
	if err != nil {
		return nil, fmt.Errorf("embedded rubrics: %w", err)
	}
	set, err := rubric.NewSet(all...)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, dir := range dirs {
		rs, err := rubric.LoadDir(os.DirFS(dir), ".")
		var le *rubric.LoadError
		switch {
		case errors.As(err, &le):
			// Name each file by its full path, so the operator can open it.
			for _, p := range le.Problems {
				p.File = filepath.Join(dir, p.File)
				errs = append(errs, errors.New(p.String()))
			}
			continue
		case err != nil:
			errs = append(errs, fmt.Errorf("rubric directory %s: %w", dir, err))
			continue
		}
		for _, r := range rs {
			r.File = filepath.Join(dir, r.File)
			if err := set.Add(r); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return set, nil
}
