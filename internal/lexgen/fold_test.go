package main

import (
	"io"
	"strings"
	"testing"
)

// TestFoldFile: every complete hand-listed set in a pattern becomes the
// operator, in block and flow sequences and rewrites' find; an incomplete
// set, a note and a class are left as written, byte for byte.
func TestFoldFile(t *testing.T) {
	in := `# blame|blames|blamed|blaming in a comment stays
classes:
  say_verb: [say, says, said, saying]
signals:
  x:
    note: "blame|blames|blamed|blaming in a note stays"
    patterns:
      - "blame|blames|blamed|blaming _{0,4} on"
      - 'take|takes|took|taken|taking|claim|claims|claimed|claiming the? credit'
      - say|says|said so
    exclude: ["crisis|crises", "link|links|linked|linking{1,2} to|link"]
criteria:
  - id: c
    rewrite:
      - {find: "admit|admits|admitted|admitting to", verb: acknowledge}
`
	want := `# blame|blames|blamed|blaming in a comment stays
classes:
  say_verb: [say, says, said, saying]
signals:
  x:
    note: "blame|blames|blamed|blaming in a note stays"
    patterns:
      - "blame~ _{0,4} on"
      - 'take~|claim~ the? credit'
      - say|says|said so
    exclude: ["crisis~", "link~{1,2} to|link"]
criteria:
  - id: c
    rewrite:
      - {find: "admit~ to", verb: acknowledge}
`
	out, st, err := foldFile("r.yaml", []byte(in), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != want {
		t.Errorf("folded:\n%s\nwant:\n%s", out, want)
	}
	if st.folds != 6 || st.lines != 4 || st.alternatives != 3+4+3+1+3+3 {
		t.Errorf("stats = %+v, want 6 folds on 4 lines, 17 alternatives fewer", st)
	}
	if len(st.partial) != 1 || !strings.Contains(st.partial[0], "say~ would add saying") {
		t.Errorf("partial = %v, want say|says|said", st.partial)
	}
	// Folding twice changes nothing more.
	again, _, err := foldFile("r.yaml", out, io.Discard)
	if err != nil || string(again) != want {
		t.Errorf("folding again: %v\n%s", err, again)
	}
}
