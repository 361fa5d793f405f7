package main

import (
	"fmt"
	"testing"

	"github.com/factgrade/factgrade/storage/sqlite"
)

// TestVersion checks that 'factgrade version' names the schema version
// its migrations reach, the number CHANGELOG.md gives each release.
func TestVersion(t *testing.T) {
	ms, err := sqlite.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runOps(t, nil, "version")
	want := fmt.Sprintf("factgrade %s\nschema version %d\n", Version, len(ms))
	if code != 0 || out != want {
		t.Errorf("factgrade version = %d, %q (stderr %q); want 0, %q", code, out, errOut, want)
	}
}
