package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadCases feeds arbitrary case files to the eval reader: it returns
// cases or one usage error naming the file, never panics, and every case it
// returns names a known rubric with a verdict for each criterion.
func FuzzReadCases(f *testing.F) {
	data, err := os.ReadFile("../../rubrics/cases/volt-typhoon-geneva/dev.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"id":"x","kind":"headline","text":"China admits","rubric":"volt-typhoon-geneva","expect":{}}`))
	f.Add([]byte("# comment\n\n{\"id\": 1}\n"))
	set, err := rubricsFromEnv(&env{getenv: func(string) string { return "" }})
	if err != nil {
		f.Fatal(err)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		name := filepath.Join(dir, "cases.jsonl")
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		cases, err := readCases(name, set)
		if err != nil {
			var ue *usageError
			if !errors.As(err, &ue) {
				t.Fatalf("readCases error %v is not a usage error", err)
			}
			return
		}
		for _, c := range cases {
			if c.r == nil || len(c.want) != len(c.r.Criteria) {
				t.Fatalf("case %q accepted without a rubric or a verdict per criterion", c.ID)
			}
		}
	})
}
