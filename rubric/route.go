package rubric

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/factgrade/factgrade/engine"
)

// About reports whether text is about r's story by the rubric's own test
// (its `about` conditions), and how strongly: the number of words of the
// text that the signals those conditions name matched. It reads the text
// the way the rule judge does, without deciding any criterion.
func (r *Rubric) About(text string) (bool, int) { return r.prog.About(text) }

// Routing says which story a text was graded against when the editor named
// none, and why.
type Routing struct {
	// Chosen is the id of the rubric the text was graded against; empty
	// when the text is about none of the stories.
	Chosen string `json:"chosen,omitempty"`
	// Matched lists every rubric whose about test the text meets, the
	// chosen one first.
	Matched []string `json:"matched,omitempty"`
	// Note says in a sentence for the editor what was chosen and how to
	// pick another story, or that the text is about none of them and which
	// stories there are.
	Note string `json:"note"`
}

// Route picks the story text is about, using each rubric's own about
// test. When several match, the one whose about-signals cover more of the
// text wins (then the first by id); when none does, Chosen is empty. The
// note names the choice and the way to pick another story with --rubric.
// A text not in English is about none of them: the desk grades English
// only, and a story's names in it ("Volt Typhoon", "aspartame") do not make
// it gradable.
func (s *Set) Route(text string) Routing {
	type match struct {
		r     *Rubric
		words int
	}
	var ms []match
	for i, r := range s.List() {
		var ok bool
		var n int
		if i == 0 {
			// The first story's reading tells the language as well (as
			// engine.Language would: every rubric numbers the words the
			// language check counts).
			var lang string
			if lang, ok, n = r.prog.AboutInEnglish(text); lang != "" {
				return Routing{Note: notEnglishReason(lang)}
			}
		} else {
			ok, n = r.About(text)
		}
		if ok {
			ms = append(ms, match{r, n})
		}
	}
	if len(s.ids) == 0 {
		if lang := engine.Language(text); lang != "" {
			return Routing{Note: notEnglishReason(lang)}
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].words > ms[j].words })
	var rt Routing
	for _, m := range ms {
		rt.Matched = append(rt.Matched, m.r.ID)
	}
	switch len(ms) {
	case 0:
		rt.Note = "The text is not about any story factgrade knows. " + s.Stories() + " To grade it against one of them anyway, give --rubric ID."
	case 1:
		rt.Chosen = ms[0].r.ID
		if len(s.ids) > 1 {
			rt.Note = fmt.Sprintf("Graded against %s (%s), the story the text is about.", ms[0].r.ID, ms[0].r.Title)
		}
	default:
		rt.Chosen = ms[0].r.ID
		others := make([]string, 0, len(ms)-1)
		for _, m := range ms[1:] {
			others = append(others, m.r.ID)
		}
		rt.Note = fmt.Sprintf("The text touches more than one story: graded against %s (%s), which it is most about. To grade it against %s instead, give --rubric %s.",
			ms[0].r.ID, ms[0].r.Title, strings.Join(others, " or "), others[0])
	}
	return rt
}

// Stories lists the stories of the set in one sentence for editors.
func (s *Set) Stories() string {
	parts := make([]string, 0, len(s.ids))
	for _, r := range s.List() {
		parts = append(parts, r.ID+" ("+r.Title+")")
	}
	return "The stories: " + strings.Join(parts, "; ") + "."
}

// GradeRouted grades req against the story it is about (Route) with judge,
// and records the routing in the grade; a set of one rubric grades every
// text against it, as if it were named. A text about none of the stories
// gets a grade without a letter that says so (or that the text is not in
// English), and a nil rubric.
func (s *Set) GradeRouted(ctx context.Context, judge Judge, req Request) (*Grade, *Rubric, error) {
	if err := CheckText(req.Text); err != nil {
		return nil, nil, err
	}
	if len(s.ids) == 1 {
		// One story: its own judge says whether the text is about it.
		r := s.byID[s.ids[0]]
		g, err := judge.Grade(ctx, r, req)
		return g, r, err
	}
	rt := s.Route(req.Text)
	if rt.Chosen == "" {
		kind := req.Kind
		if kind == "" {
			kind = DetectKind(req.Text)
		}
		g := &Grade{Kind: kind, Text: req.Text, Status: Ungradable, Judge: JudgeInfo{Name: DecidedByRules}, Routing: &rt}
		if lang := engine.Language(req.Text); lang != "" {
			g.Status = NotEnglish
			rt.Note = notEnglishReason(lang)
		}
		return g, nil, nil
	}
	r := s.byID[rt.Chosen]
	g, err := judge.Grade(ctx, r, req)
	if err != nil {
		return nil, nil, err
	}
	g.Routing = &rt
	return g, r, nil
}

// notEnglishReason is the reason a text in another language is not graded.
func notEnglishReason(lang string) string {
	return fmt.Sprintf("The text looks like %s, not English; factgrade grades English text only.", lang)
}
