package rubric_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factgrade/factgrade/rubric"
)

// twoStories loads the bridge rubric of load_test.go and a second made-up
// story about a tunnel, whose about test needs the tunnel and a closure.
func twoStories(t *testing.T) *rubric.Set {
	t.Helper()
	tunnel := strings.NewReplacer(
		"id: bridge-closure", "id: tunnel-closure",
		"title: The bridge closure", "title: The tunnel closure",
		"about: [bridge]", "about: [tunnel, closing]",
		"  bridge:\n    patterns: [\"bridge|bridges\"]", "  tunnel:\n    patterns: [\"tunnel|tunnels\"]\n  closing:\n    patterns: [\"close|closes|closed|closure|shut\"]",
	).Replace(testRubric)
	fsys := fstest.MapFS{
		"bridge.yaml": {Data: []byte(testRubric)},
		"tunnel.yaml": {Data: []byte(tunnel)},
		"bridge.txt":  {Data: []byte(testSource)},
	}
	rs, err := rubric.Load(fsys, "bridge.yaml", "tunnel.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := rubric.NewSet(rs...)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestRoute(t *testing.T) {
	set := twoStories(t)
	tests := []struct {
		text, chosen string
		matched      int
		noteHas      []string
	}{
		{"The bridge will close in May", "bridge-closure", 1, []string{"Graded against bridge-closure"}},
		{"The tunnel will close in May", "tunnel-closure", 1, []string{"Graded against tunnel-closure"}},
		// Both about tests hold; the tunnel's signals cover more words.
		{"The bridge and the tunnel will close", "tunnel-closure", 2, []string{"more than one story", "graded against tunnel-closure", "--rubric bridge-closure"}},
		{"The tunnel opened", "", 0, []string{"not about any story", "bridge-closure (The bridge closure)", "tunnel-closure (The tunnel closure)", "--rubric ID"}},
		// A text not in English is about no story, whatever names it holds.
		{"El puente y el túnel se cierran por la reparación del bridge", "", 0, []string{"not English"}},
	}
	for _, tt := range tests {
		rt := set.Route(tt.text)
		if rt.Chosen != tt.chosen || len(rt.Matched) != tt.matched {
			t.Errorf("Route(%q) = %q %v, want %q with %d matched", tt.text, rt.Chosen, rt.Matched, tt.chosen, tt.matched)
		}
		for _, s := range tt.noteHas {
			if !strings.Contains(rt.Note, s) {
				t.Errorf("Route(%q).Note = %q, want it to contain %q", tt.text, rt.Note, s)
			}
		}
	}
}

func TestGradeRouted(t *testing.T) {
	set := twoStories(t)
	j := rubric.NewRuleJudge()
	g, r, err := set.GradeRouted(t.Context(), j, rubric.Request{Text: "The bridge will close"})
	if err != nil || r == nil || r.ID != "bridge-closure" || g.Rubric != "bridge-closure" || g.Letter != "F" || g.Routing == nil || g.Routing.Chosen != "bridge-closure" {
		t.Fatalf("GradeRouted(bridge) = %+v, %v, %v; want an F against bridge-closure with its routing", g, r, err)
	}
	for text, want := range map[string]rubric.Status{
		"The council met on Tuesday":                        rubric.Ungradable,
		"El consejo se reunió el martes para la reparación": rubric.NotEnglish,
	} {
		g, r, err := set.GradeRouted(t.Context(), j, rubric.Request{Text: text})
		if err != nil || r != nil || g.Status != want || g.Letter != "" || g.Routing == nil || g.Routing.Chosen != "" || g.Routing.Note == "" {
			t.Errorf("GradeRouted(%q) = %+v, %v, %v; want %v with a note and no rubric", text, g, r, err, want)
		}
	}
	if _, _, err := set.GradeRouted(t.Context(), j, rubric.Request{Text: "  "}); err == nil {
		t.Error("GradeRouted(blank) accepted the text")
	}
	// One story: graded against it as if named, with no routing note.
	one, _ := rubric.NewSet(set.List()[0])
	g, _, err = one.GradeRouted(t.Context(), j, rubric.Request{Text: "The council met"})
	if err != nil || g.Status != rubric.Ungradable || g.Routing != nil || len(g.Criteria) == 0 {
		t.Errorf("GradeRouted with one rubric = %+v, %v; want its own ungradable grade", g, err)
	}
}
