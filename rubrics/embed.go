// Package rubrics holds the rubrics that ship inside the factgrade binary,
// with the cleaned sources they cite.
package rubrics

import (
	"embed"
	"io/fs"

	"github.com/factgrade/factgrade/rubric"
)

//go:embed *.yaml sources/*.txt
var files embed.FS

// FS returns the embedded rubric files.
func FS() fs.FS { return files }

// Load loads and validates every embedded rubric.
func Load() (*rubric.Set, error) {
	rs, err := rubric.LoadDir(files, ".")
	if err != nil {
		return nil, err
	}
	return rubric.NewSet(rs...)
}
