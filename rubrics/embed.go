// Package rubrics holds the rubrics that ship inside the factgrade binary,
// with the cleaned sources they cite, and loads them together with any
// rubric directories a deployment mounts.
package rubrics

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/factgrade/factgrade/rubric"
)

//go:embed *.yaml sources/*.txt
var files embed.FS

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
