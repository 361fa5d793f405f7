package draft_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubric/draft"
)

func loader(t *testing.T, id string, src []byte) draft.Loader {
	return func(yml []byte) (*rubric.Rubric, error) {
		rs, err := rubric.Load(fstest.MapFS{id + ".yaml": {Data: yml}, "sources/src.txt": {Data: src}}, id+".yaml")
		if err != nil {
			return nil, err
		}
		return rs[0], nil
	}
}

// TestNewDraftsALoadableRubric drafts rubrics from the aspartame source and
// from an invented wire story (testdata/harbour-bridge.txt, written for this
// test): each loads as the server would (every evidence quote verbatim by
// paragraph), grades its own source's headline A, marks what an editor must
// check, and finds the parties, the hedge, the anonymous sourcing, the other
// side and the stated facts.
func TestNewDraftsALoadableRubric(t *testing.T) {
	tests := []struct {
		id, file  string
		want      []string // in the YAML
		wantFound []string
	}{
		{"asp-draft", "../../rubrics/sources/aspartame-iarc.txt",
			[]string{"lexicon: standards@8", "subject_name: [who, who's", `publisher: "Reuters"`, `date: "2023-06-29"`, `"july 14"`, `"36 cans"`, "# CHECK:", "fact_month: [june, july]", `fact_count: ["two", "2"]`, "standard: claim_strength", "standard: attribution", "standard: other_side", "standard: stated_facts", `wrong: fact_wrong|other_month|source_miscount`},
			[]string{"subject (the party whose claim is graded): WHO", "strength words: possible", "sourcing evidence: 4"}},
		{"harbour-bridge", "testdata/harbour-bridge.txt",
			[]string{`"april 14"`, `"1987"`, "fact_month: [march, april, february]", `exclude: ["1987|2011"]`, "The authority declined to comment."},
			[]string{"subject (the party whose claim is graded): Northwind Port Authority", "strength words: possible, could", "other_side evidence: 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			src, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			d, err := draft.New(t.Context(), src, tt.id, "sources/src.txt", loader(t, tt.id, src))
			if err != nil {
				t.Fatalf("New: %v\n%s", err, d.YAML)
			}
			if d.Letter != "A" {
				t.Errorf("the source's headline %q grades %s against its draft, want A", d.Headline, d.Letter)
			}
			y := string(d.YAML)
			for _, w := range tt.want {
				if !strings.Contains(y, w) {
					t.Errorf("draft lacks %q", w)
				}
			}
			found := strings.Join(d.Found, "\n")
			for _, w := range tt.wantFound {
				if !strings.Contains(found, w) {
					t.Errorf("Found = %s\nwant it to say %q", found, w)
				}
			}
		})
	}
}

func TestNewRefusesBadInput(t *testing.T) {
	src := []byte("A headline\n\nOne paragraph.\n")
	if _, err := draft.New(t.Context(), src, "Bad.ID", "sources/src.txt", loader(t, "x", src)); err == nil || !strings.Contains(err.Error(), rubric.IDRule) {
		t.Errorf("New(bad id) = %v, want the id rule", err)
	}
	if _, err := draft.New(t.Context(), []byte("only a headline\n"), "x", "sources/src.txt", loader(t, "x", src)); err == nil {
		t.Error("New(no paragraphs) accepted the source")
	}
}
