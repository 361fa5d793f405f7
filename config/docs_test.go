package config

import (
	"os"
	"strings"
	"testing"
)

// TestSettingsDocumented checks that the operator's guide names every
// setting Redacted shows, so a new setting cannot ship undocumented.
func TestSettingsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/OPERATIONS.md")
	if err != nil {
		t.Fatal(err)
	}
	c, _ := Read(envOf(nil), filesOf(nil))
	for _, s := range c.Redacted() {
		if !strings.Contains(string(doc), "| `"+s.Name+"`") {
			t.Errorf("docs/OPERATIONS.md has no row for %s in its settings table", s.Name)
		}
	}
}
