package main

import "testing"

func TestReplaceSection(t *testing.T) {
	doc := "# Title\n\nintro\n\n## One\n\nold one\n\n## Two\n\nold two\n\n## Three\n\nthree\n"
	for _, tc := range []struct {
		title, section, want string
	}{
		{"Two", "## Two\n\nnew two\n\n", "# Title\n\nintro\n\n## One\n\nold one\n\n## Two\n\nnew two\n\n## Three\n\nthree\n"},
		{"One", "## One\n\nnew one\n\n", "# Title\n\nintro\n\n## One\n\nnew one\n\n## Two\n\nold two\n\n## Three\n\nthree\n"},
		{"Three", "## Three\n\nnew three\n", "# Title\n\nintro\n\n## One\n\nold one\n\n## Two\n\nold two\n\n## Three\n\nnew three\n"},
	} {
		got, err := replaceSection(doc, tc.title, tc.section)
		if err != nil || got != tc.want {
			t.Errorf("replaceSection(doc, %q) = %q, %v; want %q", tc.title, got, err, tc.want)
		}
	}
	if _, err := replaceSection(doc, "Tw", "x"); err == nil {
		t.Error(`replaceSection(doc, "Tw") found a section; want an error (no section has that title)`)
	}
}
