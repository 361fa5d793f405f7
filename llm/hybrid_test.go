package llm

import (
	"context"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factgrade/factgrade/llm/llmtest"
	"github.com/factgrade/factgrade/rubric"
)

// scriptedRules is a rule judge whose verdicts are given per text, so the
// hybrid's combination is tested apart from the real rules.
type scriptedRules struct {
	byText map[string]rubric.Grade
}

func (s scriptedRules) Grade(ctx context.Context, r *rubric.Rubric, req rubric.Request) (*rubric.Grade, error) {
	g, ok := s.byText[req.Text]
	if !ok {
		// Any other text: every criterion partial.
		for _, c := range r.Criteria {
			g.Criteria = append(g.Criteria, rubric.CriterionGrade{Criterion: c.ID, Verdict: rubric.Partial, Reason: "scripted", DecidedBy: rubric.DecidedByRules})
		}
	}
	g.Rubric, g.Kind, g.Text = r.ID, req.Kind, req.Text
	g.Criteria = append([]rubric.CriterionGrade(nil), g.Criteria...)
	g.Judge = rubric.JudgeInfo{Name: "rules"}
	r.Score(&g)
	return &g, nil
}

// ruleGrade builds scripted rule verdicts: criterion → verdict, with the
// criteria named in decisive marked Decisive.
func ruleGrade(v map[string]rubric.Verdict, decisive ...string) rubric.Grade {
	var g rubric.Grade
	for _, id := range []string{"admission", "sourcing", "denial", "campaign", "targets", "taiwan", "meeting"} {
		cg := rubric.CriterionGrade{Criterion: id, Verdict: v[id], Reason: "rule reason for " + id, DecidedBy: rubric.DecidedByRules}
		for _, d := range decisive {
			cg.Decisive = cg.Decisive || d == id
		}
		g.Criteria = append(g.Criteria, cg)
	}
	return g
}

const overclaim = "China admitted role in U.S. infrastructure hacks"

func hybridFixture(t *testing.T, rules scriptedRules, replies ...llmtest.Reply) *fixture {
	t.Helper()
	f := newFixture(t, nil, replies...)
	f.judge.rules = rules
	f.rules = rules
	f.hybrid = NewHybrid(f.judge)
	return f
}

func TestHybridCombine(t *testing.T) {
	na := rubric.NA
	rules := scriptedRules{byText: map[string]rubric.Grade{
		overclaim: func() rubric.Grade {
			g := ruleGrade(map[string]rubric.Verdict{"admission": "fail", "sourcing": "partial", "denial": na, "campaign": na, "targets": na, "taiwan": na, "meeting": "pass"}, "admission")
			g.Rewrite, g.RewriteScore, g.RewriteLetter = "China tacitly acknowledged role in U.S. infrastructure hacks, officials say", 100, "A"
			g.Fixes = []string{"rules' own fix"}
			return g
		}(),
	}}
	m := modelReply{Criteria: []modelCriterion{
		{"admission", "pass", "Obeys an injection.", "", []modelCitation{{5, "interpreted it as a tacit admission"}}},
		{"sourcing", "pass", "Reads the headline as attributed.", "", []modelCitation{{1, "according to people familiar with the matter"}}},
		{"denial", "pass", "Not for headlines; the model says pass anyway.", "", nil},
		{"campaign", "na", "", "", nil},
		{"targets", "na", "", "", nil},
		{"taiwan", "na", "", "", nil},
		{"meeting", "pass", "Agrees with the rules.", "", []modelCitation{{11, "half-day meeting in Geneva"}}},
	}, Rewrite: "Beijing openly admits hacks"}
	f := hybridFixture(t, rules, llmtest.Completion(m.json(t)))
	g, err := f.hybrid.Grade(context.Background(), f.r, rubric.Request{Text: overclaim, Kind: rubric.Headline})
	if err != nil {
		t.Fatal(err)
	}
	checkVerified(t, f.r, g)
	type row struct {
		Verdict     rubric.Verdict
		DecidedBy   string
		NeedsReview bool
	}
	got := map[string]row{}
	for _, cg := range g.Criteria {
		got[cg.Criterion] = row{cg.Verdict, cg.DecidedBy, cg.NeedsReview}
	}
	want := map[string]row{
		"admission": {"fail", "rules", false},   // decisive: the model cannot overturn it
		"sourcing":  {"partial", "rules", true}, // more lenient, no words of the text to ground it: the rules', flagged
		"denial":    {"na", "rules", false},     // does not apply to headlines
		"campaign":  {"na", "rules", false},     // agreement
		"targets":   {"na", "rules", false},     // agreement
		"taiwan":    {"na", "rules", false},     // agreement
		"meeting":   {"pass", "rules", false},   // agreement
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("combined criteria (-want +got):\n%s", diff)
	}
	if g.Letter != "F" || g.Score != 33 {
		t.Errorf("grade %d %q, want 33 F (the rules' verdicts stand)", g.Score, g.Letter)
	}
	if g.Judge.Name != "hybrid" || g.Judge.PromptHash == "" || g.Judge.Fallback != "" {
		t.Errorf("JudgeInfo = %+v, want hybrid with a prompt hash and no fallback", g.Judge)
	}
	// The model's rewrite grades worse (partial everywhere) than the rules'
	// (A): the rules' rewrite is kept.
	if g.Rewrite != rules.byText[overclaim].Rewrite || g.RewriteLetter != "A" {
		t.Errorf("rewrite = %q (%s), want the rule judge's", g.Rewrite, g.RewriteLetter)
	}
	// No verdict changed, so the rules' fixes stand.
	if diff := cmp.Diff([]string{"rules' own fix"}, g.Fixes); diff != "" {
		t.Errorf("fixes (-want +got):\n%s", diff)
	}
}

func TestHybridAgreementKeepsRules(t *testing.T) {
	v := map[string]rubric.Verdict{"admission": "pass", "sourcing": "pass", "denial": "na", "campaign": "na", "targets": "na", "taiwan": "na", "meeting": "na"}
	rg := ruleGrade(v)
	rg.Fixes = []string{"rules' fix"}
	f := hybridFixture(t, scriptedRules{byText: map[string]rubric.Grade{tacitHeadline: rg}}, llmtest.Completion(correctReply().json(t)))
	g, err := f.hybrid.Grade(context.Background(), f.r, rubric.Request{Text: tacitHeadline})
	if err != nil {
		t.Fatal(err)
	}
	checkVerified(t, f.r, g)
	for _, cg := range g.Criteria {
		if cg.DecidedBy != rubric.DecidedByRules || cg.NeedsReview || cg.Reason != "rule reason for "+cg.Criterion {
			t.Errorf("criterion %s = %+v, want the rule judge's grade", cg.Criterion, cg)
		}
	}
	if !cmp.Equal(g.Fixes, []string{"rules' fix"}) {
		t.Errorf("fixes = %q, want the rule judge's", g.Fixes)
	}
}

func TestHybridRewrite(t *testing.T) {
	const better = "China tacitly linked hacks to U.S. support for Taiwan, officials say"
	all := func(v rubric.Verdict) map[string]rubric.Verdict {
		m := map[string]rubric.Verdict{}
		for _, id := range []string{"admission", "sourcing", "denial", "campaign", "targets", "taiwan", "meeting"} {
			m[id] = v
		}
		m["denial"] = rubric.NA
		return m
	}
	for _, c := range []struct {
		name        string
		ruleRewrite string
		ruleLetter  string
		ruleScore   int
		want        string
	}{
		{"no rule rewrite", "", "", 0, better},
		{"rule rewrite worse", "rules' rewrite", "C", 60, better},
		{"rule rewrite as good", "rules' rewrite", "A", 100, "rules' rewrite"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rg := ruleGrade(all(rubric.Fail), "admission", "sourcing", "campaign", "targets", "taiwan", "meeting")
			rg.Rewrite, rg.RewriteLetter, rg.RewriteScore = c.ruleRewrite, c.ruleLetter, c.ruleScore
			rules := scriptedRules{byText: map[string]rubric.Grade{overclaim: rg, better: ruleGrade(all(rubric.Pass))}}
			m := allPass(f0(t))
			m.Rewrite = better
			f := hybridFixture(t, rules, llmtest.Completion(m.json(t)))
			g, err := f.hybrid.Grade(context.Background(), f.r, rubric.Request{Text: overclaim, Kind: rubric.Headline})
			if err != nil {
				t.Fatal(err)
			}
			checkVerified(t, f.r, g)
			if g.Rewrite != c.want {
				t.Errorf("rewrite = %q, want %q", g.Rewrite, c.want)
			}
			if g.Rewrite == better && (g.RewriteLetter != "A" || g.RewriteScore != 100) {
				t.Errorf("model rewrite graded %d %q, want 100 A (the rules' re-grade)", g.RewriteScore, g.RewriteLetter)
			}
		})
	}
}

// f0 returns the Volt rubric for building replies before a fixture exists.
func f0(t *testing.T) *rubric.Rubric { return volt(t) }

// TestHybridFallback proves that when the model server keeps failing
// (503 three times), the hybrid judge grades with the rules alone, with the
// same verdicts, and says why in the grade.
func TestHybridFallback(t *testing.T) {
	fail := llmtest.Error(http.StatusServiceUnavailable, "server_error", "overloaded")
	f := newFixture(t, nil, fail, fail, fail)
	g, err := f.hybrid.Grade(context.Background(), f.r, rubric.Request{Text: tacitHeadline})
	if err != nil {
		t.Fatal(err)
	}
	checkVerified(t, f.r, g)
	rg, _ := f.rules.Grade(context.Background(), f.r, rubric.Request{Text: tacitHeadline})
	if diff := cmp.Diff(rg.Criteria, g.Criteria); diff != "" {
		t.Errorf("fallback criteria differ from the rules' (-rules +got):\n%s", diff)
	}
	if g.Judge.Name != "hybrid" || g.Judge.Fallback != "the model server failed (503), 3 attempts" {
		t.Errorf("JudgeInfo = %+v, want hybrid with the fallback reason", g.Judge)
	}
}

func TestHybridNotEnglishSkipsModel(t *testing.T) {
	const text = "La Chine a reconnu son rôle dans les piratages"
	rg := ruleGrade(nil)
	rg.Status = rubric.NotEnglish
	f := hybridFixture(t, scriptedRules{byText: map[string]rubric.Grade{text: rg}})
	g, err := f.hybrid.Grade(context.Background(), f.r, rubric.Request{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if g.Status != rubric.NotEnglish || len(f.srv.Requests()) != 0 {
		t.Errorf("status %s after %d model requests, want not_english and none", g.Status, len(f.srv.Requests()))
	}
}

// TestHybridModelFindsWhatRulesMissed: the model may turn a rules' na into
// a verdict it backs with a verified quote (an overclaim in new words), but
// its na cannot erase what the rules found.
func TestHybridModelFindsWhatRulesMissed(t *testing.T) {
	v := map[string]rubric.Verdict{"admission": "na", "sourcing": "partial", "denial": "na", "campaign": "na", "targets": "na", "taiwan": "na", "meeting": "na"}
	const text = "Beijing all but signed a confession over the U.S. infrastructure hacks"
	m := modelReply{Criteria: []modelCriterion{
		{"admission", "fail", "\"All but signed a confession\" presents an explicit admission.", "ALL BUT SIGNED A CONFESSION", []modelCitation{{12, "didn’t directly state that China was responsible"}}},
		{"sourcing", "na", "", "", nil},
		{"denial", "na", "", "", nil},
		{"campaign", "na", "", "", nil},
		{"targets", "na", "", "", nil},
		{"taiwan", "na", "", "", nil},
		{"meeting", "na", "", "", nil},
	}}
	f := hybridFixture(t, scriptedRules{byText: map[string]rubric.Grade{text: ruleGrade(v)}}, llmtest.Completion(m.json(t)))
	g, err := f.hybrid.Grade(context.Background(), f.r, rubric.Request{Text: text, Kind: rubric.Headline})
	if err != nil {
		t.Fatal(err)
	}
	checkVerified(t, f.r, g)
	adm, src := g.Criterion("admission"), g.Criterion("sourcing")
	if adm.Verdict != rubric.Fail || adm.DecidedBy != rubric.DecidedByLLM || !adm.NeedsReview {
		t.Errorf("admission = %+v, want the model's fail, flagged", adm)
	}
	if want := []rubric.Span{{Start: 8, End: 35, Text: "all but signed a confession"}}; !cmp.Equal(want, adm.Spans) {
		t.Errorf("admission spans = %+v, want %+v (the submission's own words, found case-insensitively)", adm.Spans, want)
	}
	if src.Verdict != rubric.Partial || src.DecidedBy != rubric.DecidedByRules || !src.NeedsReview {
		t.Errorf("sourcing = %+v, want the rules' partial standing, flagged", src)
	}
	if g.Score != 20 || g.Letter != "F" {
		t.Errorf("grade %d %q, want 20 F (fail ×3, partial ×2)", g.Score, g.Letter)
	}
}

// TestHybridRewriteOnlyAtA proves that a model's rewrite the rules grade
// better than the text but below A, or A with a verdict marked for review,
// is not shown: like the rules' own rewrites, only an A with no review mark
// is offered.
func TestHybridRewriteOnlyAtA(t *testing.T) {
	const candidate = "China tacitly linked hacks to U.S. support for Taiwan"
	all := func(v rubric.Verdict) map[string]rubric.Verdict {
		m := map[string]rubric.Verdict{}
		for _, id := range []string{"admission", "sourcing", "denial", "campaign", "targets", "taiwan", "meeting"} {
			m[id] = v
		}
		m["denial"] = rubric.NA
		return m
	}
	reviewed := ruleGrade(all(rubric.Pass))
	reviewed.Criteria[0].NeedsReview = true
	for name, cg := range map[string]rubric.Grade{
		"below A":        ruleGrade(all(rubric.Partial)),
		"A under review": reviewed,
	} {
		t.Run(name, func(t *testing.T) {
			rules := scriptedRules{byText: map[string]rubric.Grade{overclaim: ruleGrade(all(rubric.Fail)), candidate: cg}}
			m := allPass(f0(t))
			m.Rewrite = candidate
			f := hybridFixture(t, rules, llmtest.Completion(m.json(t)))
			g, err := f.hybrid.Grade(context.Background(), f.r, rubric.Request{Text: overclaim, Kind: rubric.Headline})
			if err != nil {
				t.Fatal(err)
			}
			if g.Rewrite != "" {
				t.Errorf("rewrite %q (%s %d) shown; want none below A or under review", g.Rewrite, g.RewriteLetter, g.RewriteScore)
			}
		})
	}
}
