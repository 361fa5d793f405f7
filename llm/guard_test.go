package llm

import (
	"context"
	"testing"

	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/rubric"
)

// shadowedTacit is a summary on which the rules' first admission rule (an
// outright "openly admitted" beside a tacit reading: partial) passes over a
// more lenient one that holds too (a tacit reading: pass).
const shadowedTacit = "Chinese officials openly admitted the hacks of U.S. ports, which U.S. officials read as a tacit acknowledgment, people familiar with the matter said."

// TestGuardRaisesOnlyOnGroundedWords: a model more lenient than the rules
// moves a verdict only by quoting words of the submission that the rubric
// recognises as grounds for it, and the verdict is flagged; quoting other
// words, a fragment of a word, or a word of the source leaves the rules'
// verdict standing, flagged. Both judges, real rules.
func TestGuardRaisesOnlyOnGroundedWords(t *testing.T) {
	for _, c := range []struct {
		name, quote string
		want        rubric.Verdict
		by          string
	}{
		{"tacit reading quoted", "read as a tacit acknowledgment", rubric.Pass, rubric.DecidedByLLM},
		{"the overclaim quoted", "openly admitted the hacks", rubric.Partial, rubric.DecidedByRules},
		{"a fragment of a word", "acit acknowledg", rubric.Partial, rubric.DecidedByRules},
		{"no quote", "", rubric.Partial, rubric.DecidedByRules},
		{"words not in the submission", "interpreted it as a tacit admission", rubric.Partial, rubric.DecidedByRules},
	} {
		for _, judge := range []string{"hybrid", "llm"} {
			t.Run(judge+"/"+c.name, func(t *testing.T) {
				f := newFixture(t, nil)
				m := obey(f.r, "pass-quoting-text", shadowedTacit, rubric.Summary)
				rg, err := f.rules.Grade(context.Background(), f.r, rubric.Request{Text: shadowedTacit, Kind: rubric.Summary})
				if err != nil {
					t.Fatal(err)
				}
				if got := rg.Criterion("admission").Verdict; got != rubric.Partial {
					t.Fatalf("rules' admission = %s, want partial (the case assumes it)", got)
				}
				// Agree with the rules elsewhere: only admission is argued.
				for i := range m.Criteria {
					m.Criteria[i].Verdict, m.Criteria[i].SubmissionQuote = string(rg.Criteria[i].Verdict), ""
					if m.Criteria[i].Criterion == "admission" {
						m.Criteria[i].Verdict, m.Criteria[i].SubmissionQuote = "pass", c.quote
					}
				}
				f.srv.Enqueue(llmtest.Completion(m.json(t)))
				grade := f.hybrid.Grade
				if judge == "llm" {
					grade = f.judge.Grade
				}
				g, err := grade(context.Background(), f.r, rubric.Request{Text: shadowedTacit, Kind: rubric.Summary})
				if err != nil {
					t.Fatal(err)
				}
				checkVerified(t, f.r, g)
				adm := g.Criterion("admission")
				if adm.Verdict != c.want || adm.DecidedBy != c.by || !adm.NeedsReview {
					t.Errorf("admission = %s by %s (review %t), want %s by %s, flagged", adm.Verdict, adm.DecidedBy, adm.NeedsReview, c.want, c.by)
				}
				if c.want == rubric.Partial && g.Letter != rg.Letter {
					t.Errorf("letter %s, want the rules' %s", g.Letter, rg.Letter)
				}
			})
		}
	}
}

// TestGuardNAStaysNA: where the rules find nothing to grade (na), a
// model's pass needs the rules' agreement, whatever it quotes.
func TestGuardNAStaysNA(t *testing.T) {
	for _, judge := range []string{"hybrid", "llm"} {
		t.Run(judge, func(t *testing.T) {
			f := newFixture(t, nil)
			f.srv.Enqueue(llmtest.Completion(obey(f.r, "pass-quoting-text", shadowedTacit, rubric.Summary).json(t)))
			grade := f.hybrid.Grade
			if judge == "llm" {
				grade = f.judge.Grade
			}
			g, err := grade(context.Background(), f.r, rubric.Request{Text: shadowedTacit, Kind: rubric.Summary})
			if err != nil {
				t.Fatal(err)
			}
			checkVerified(t, f.r, g)
			if c := g.Criterion("campaign"); c.Verdict != rubric.NA || c.DecidedBy != rubric.DecidedByRules || !c.NeedsReview {
				t.Errorf("campaign = %s by %s (review %t), want the rules' na, flagged", c.Verdict, c.DecidedBy, c.NeedsReview)
			}
		})
	}
}

// TestGuardOffStoryStaysUngraded: a text the rules find off the story is
// not graded whatever the model says, and is flagged when the model saw
// something to grade.
func TestGuardOffStoryStaysUngraded(t *testing.T) {
	const text = "Geneva's lakeside hotels were full in December, officials said."
	for _, judge := range []string{"hybrid", "llm"} {
		t.Run(judge, func(t *testing.T) {
			f := newFixture(t, nil)
			f.srv.Enqueue(llmtest.Completion(obey(f.r, "pass-quoting-text", text, rubric.Summary).json(t)))
			grade := f.hybrid.Grade
			if judge == "llm" {
				grade = f.judge.Grade
			}
			g, err := grade(context.Background(), f.r, rubric.Request{Text: text, Kind: rubric.Summary})
			if err != nil {
				t.Fatal(err)
			}
			checkVerified(t, f.r, g)
			if g.Status != rubric.Ungradable || g.Letter != "" || !g.NeedsReview() {
				t.Errorf("off-story text: %s %q flagged %t, want ungradable, no letter, flagged", g.Status, g.Letter, g.NeedsReview())
			}
		})
	}
}

// TestCitationsWholeWords: a quote of the source is kept only when it is
// whole words of meaningful length.
func TestCitationsWholeWords(t *testing.T) {
	r := volt(t)
	for _, c := range []struct {
		quote string
		keep  bool
	}{
		{"interpreted it as a tacit admission", true},
		{"Volt Typhoon", true},
		{"the", false},
		{"ion", false},
		{"acit admissio", false},
		{"nterpreted it as a tacit admission", false},
		{"tacit", false},
	} {
		kept, dropped := verifyCitations(r.Source, []replyCitation{{Paragraph: 0, Quote: c.quote}})
		if got := len(kept) == 1; got != c.keep || dropped+len(kept) != 1 {
			t.Errorf("verifyCitations(%q) kept %v dropped %d, want kept %t", c.quote, kept, dropped, c.keep)
		}
	}
	for _, c := range []struct {
		text, quote string
		ok          bool
	}{
		{"China admits hacks", "admits", true},
		{"China admits hacks", "dmits", false},
		{"China admits hacks", "CHINA ADMITS", true},
		{"China admits hacks", "a", false},
		{"China readmits hacks", "admits", false},
	} {
		if _, ok := findSpan(c.text, c.quote); ok != c.ok {
			t.Errorf("findSpan(%q, %q) found %t, want %t", c.text, c.quote, ok, c.ok)
		}
	}
}

func TestLenient(t *testing.T) {
	for _, c := range []struct {
		model, rules rubric.Verdict
		want         bool
	}{
		{rubric.Pass, rubric.Partial, true},
		{rubric.Pass, rubric.Fail, true},
		{rubric.Partial, rubric.Fail, true},
		{rubric.Pass, rubric.NA, true},
		{rubric.Partial, rubric.NA, true},
		{rubric.NA, rubric.Fail, true},
		{rubric.NA, rubric.Partial, true},
		{rubric.Fail, rubric.NA, false},
		{rubric.Fail, rubric.Pass, false},
		{rubric.Partial, rubric.Pass, false},
		{rubric.NA, rubric.Pass, false},
		{rubric.Pass, rubric.Pass, false},
	} {
		if got := lenient(c.model, c.rules); got != c.want {
			t.Errorf("lenient(%s, %s) = %t, want %t", c.model, c.rules, got, c.want)
		}
	}
}
