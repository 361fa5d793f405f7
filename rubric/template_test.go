package rubric_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factgrade/factgrade/engine"
	"github.com/factgrade/factgrade/rubric"
	"github.com/google/go-cmp/cmp"
)

// tplCriteria are the pier story's criteria written on the lexicon's
// templates: stated_facts (required parameters only) and other_side (with
// optional parameters, and story rules placed among its own).
const tplCriteria = `  - id: facts
    standard: stated_facts
    question: Facts right?
    verdicts: {pass: right, fail: wrong}
    evidence:
      - {id: may, paragraph: 1, quote: "the bridge will close in May"}
    with:
      wrong: other_month|source_miscount
      right: subject
      facts: "{cite:may}"
  - id: side
    standard: other_side
    question: The other side?
    verdicts: {pass: given, fail: missing}
    evidence:
      - {id: denied, paragraph: 2, quote: "The council denied it."}
    with:
      view: denial|pushback
      side_view: the council's side
      quote: denied
`

// tplRubric is the pier story with the template criteria in place of its own.
func tplRubric(criteria string) string {
	head, _, _ := strings.Cut(lexRubric, "criteria:\n")
	return head + "criteria:\n" + criteria
}

func loadTpl(t *testing.T, src string) (*rubric.Rubric, error) {
	t.Helper()
	rs, err := rubric.Load(fstest.MapFS{"r.yaml": {Data: []byte(src)}, "bridge.txt": {Data: []byte(testSource)}}, "r.yaml")
	if err != nil {
		return nil, err
	}
	return rs[0], nil
}

// rulesOf sums up a criterion's rules as "name|verdict|reason|fix", the
// name "story" for a story's rule.
func rulesOf(c *rubric.Criterion) []string {
	var out []string
	for _, ru := range c.Rules() {
		name := ru.Name
		if name == "" {
			name = "story"
		}
		out = append(out, fmt.Sprintf("%s|%s|%s|%s", name, ru.Verdict, ru.Reason, ru.Fix))
	}
	return out
}

// TestTemplateExpansion checks what a criterion written on a template
// becomes: the template's rules with the story's parameters filled in,
// optional rules only with their parameters, the story's rules where
// their place says, the template's defaults unless the story gives its own.
func TestTemplateExpansion(t *testing.T) {
	const misstated = "      misstated: denial.negated\n      holds: the council denied it\n"
	tests := []struct {
		name, old, new string
		crit           string
		want           []string
	}{
		{"parameters filled in", "", "", "facts", []string{
			"wrong|fail|{span} is not what the source says.|Replace {span} with the source's fact: {cite:may}",
			"right|pass|{span} is as the source states it.|",
		}},
		{"an optional rule left out", "", "", "side", []string{
			"view|pass|{span} gives the council's side.|",
			"absent|fail|The other side is absent.|",
		}},
		{"an optional rule with its parameters", "      quote: denied\n", "      quote: denied\n" + misstated, "side", []string{
			"misstated|fail|{span} misstates the other side: the council denied it.|Replace {span}: {cite:denied}",
			"view|pass|{span} gives the council's side.|",
			"absent|fail|The other side is absent.|",
		}},
		{"story rules placed", "      quote: denied\n", "      quote: denied\n    rules:\n" +
			"      - {place: last, when: [], verdict: na, reason: last}\n" +
			"      - {place: after view, when: [no_comment], verdict: partial, reason: after view}\n" +
			"      - {place: first, when: [tacit], verdict: na, reason: first}\n" +
			"      - {place: before view, when: [pushback], verdict: pass, reason: before view}\n" +
			"      - {place: instead of absent, when: [], verdict: fail, reason: instead of absent}\n", "side", []string{
			"story|na|first|",
			"story|pass|before view|",
			"view|pass|{span} gives the council's side.|",
			"story|partial|after view|",
			"story|fail|instead of absent|",
			"story|na|last|",
		}},
		{"two rules in one place keep the file's order", "      quote: denied\n", "      quote: denied\n    rules:\n" +
			"      - {place: after view, when: [no_comment], verdict: partial, reason: one}\n" +
			"      - {place: after view, when: [tacit], verdict: partial, reason: two}\n", "side", []string{
			"view|pass|{span} gives the council's side.|",
			"story|partial|one|",
			"story|partial|two|",
			"absent|fail|The other side is absent.|",
		}},
		{"unless: the account replaces the plain wrong and right", "      facts: \"{cite:may}\"\n", "      facts: \"{cite:may}\"\n      event: the closure\n      account: the pier closes in May\n", "facts", []string{
			"contradicted|fail|{span} is wrong: the pier closes in May.|Correct {span}: {cite:may}.",
			"right_event|pass|{span} matches the source's account of the closure.|",
		}},
		{"a loose reading, without an account", "      facts: \"{cite:may}\"\n", "      facts: \"{cite:may}\"\n      loose: topic\n      stated: subject\n", "facts", []string{
			"wrong|fail|{span} is not what the source says.|Replace {span} with the source's fact: {cite:may}",
			"loose|fail|{span} is not what the source says.|Replace {span} with the source's fact: {cite:may}",
			"right|pass|{span} is as the source states it.|",
		}},
		{"a loose reading, with an account", "      facts: \"{cite:may}\"\n", "      facts: \"{cite:may}\"\n      loose: topic\n      stated: subject\n      account: the pier closes in May\n", "facts", []string{
			"contradicted|fail|{span} is wrong: the pier closes in May.|Correct {span}: {cite:may}.",
			"loose_contradicted|fail|{span} is wrong: the pier closes in May.|Correct {span}: {cite:may}.",
			"right|pass|{span} is as the source states it.|",
		}},
		{"a rule dropped", "      quote: denied\n", "      quote: denied\n    drop: [absent]\n", "side", []string{
			"view|pass|{span} gives the council's side.|",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := tplRubric(strings.Replace(tplCriteria, tc.old, tc.new, 1))
			r, err := loadTpl(t, src)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			c := r.Criterion(tc.crit)
			if d := cmp.Diff(tc.want, rulesOf(c)); d != "" {
				t.Errorf("rules of %s (-want +got):\n%s", tc.crit, d)
			}
		})
	}
}

// TestTemplateDefaults checks that a criterion takes the template's
// weight, kinds and fix unless it gives its own, and says its standard.
func TestTemplateDefaults(t *testing.T) {
	r, err := loadTpl(t, tplRubric(strings.Replace(tplCriteria, "    question: The other side?\n", "    question: The other side?\n    weight: 5\n", 1)))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	facts, side := r.Criterion("facts"), r.Criterion("side")
	if facts.Weight != 1 || !cmp.Equal(facts.Kinds, []rubric.Kind{rubric.Headline, rubric.Summary}) || facts.Standard != "stated_facts" {
		t.Errorf("facts: weight %v, kinds %v, standard %q; want the template's 1, [headline summary], stated_facts", facts.Weight, facts.Kinds, facts.Standard)
	}
	if side.Weight != 5 || !cmp.Equal(side.Kinds, []rubric.Kind{rubric.Summary}) {
		t.Errorf("side: weight %v, kinds %v; want the story's 5 and the template's [summary]", side.Weight, side.Kinds)
	}
	if want := "Add the other side: {cite:denied}"; side.Fix != want {
		t.Errorf("side: fix %q, want the template's %q", side.Fix, want)
	}
}

// TestTemplateSignalsFolded checks that a long signals parameter folded
// over lines fills in as one condition, the space beside | left out.
func TestTemplateSignalsFolded(t *testing.T) {
	r, err := loadTpl(t, tplRubric(strings.Replace(tplCriteria, "      view: denial|pushback\n", "      view: >-\n        denial|\n        pushback\n", 1)))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got := r.Criterion("side").Rules()[0].When; !cmp.Equal(got, []string{"denial|pushback"}) {
		t.Errorf("view's when = %q, want [denial|pushback]", got)
	}
}

// TestTemplateOrigins checks that each rule says where it was written:
// the lexicon's file and line for a template's rule, the rubric's for a
// story's.
func TestTemplateOrigins(t *testing.T) {
	src := tplRubric(strings.Replace(tplCriteria, "      quote: denied\n", "      quote: denied\n    rules:\n      - {place: last, when: [], verdict: na, reason: mine}\n", 1))
	r, err := loadTpl(t, src)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	rules := r.Criterion("side").Rules()
	for _, ru := range rules[:len(rules)-1] {
		if !strings.HasPrefix(ru.Origin, "engine/lexicon/standards.yaml:") || ru.Name == "" {
			t.Errorf("template rule %q: origin %q, want engine/lexicon/standards.yaml:LINE", ru.Name, ru.Origin)
		}
	}
	if want := fmt.Sprintf("r.yaml:%d", lineOf(src, "reason: mine")); rules[len(rules)-1].Origin != want {
		t.Errorf("story rule: origin %q, want %q", rules[len(rules)-1].Origin, want)
	}
}

// TestTemplateGrades grades texts with the template criteria: the filled-in
// rules decide, and no reason prints a placeholder.
func TestTemplateGrades(t *testing.T) {
	src := tplRubric(strings.Replace(tplCriteria, "      quote: denied\n", "      quote: denied\n      misstated: denial.negated\n      holds: the council denied it\n", 1))
	r, err := loadTpl(t, src)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		text, crit string
		want       rubric.Verdict
		reason     string
	}{
		{"The council's decision on the pier is due in June, officials said", "facts", rubric.Fail, "is not what the source says"},
		{"The council will close the pier in May, officials said. The council denied it.", "side", rubric.Pass, "gives the council's side"},
		{"The council will close the pier in May, officials said. The council did not deny it.", "side", rubric.Fail, "misstates the other side: the council denied it"},
		{"The council will close the pier in May, officials said.", "side", rubric.Fail, "The other side is absent."},
	}
	for _, tt := range tests {
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: tt.text, Kind: rubric.Summary})
		if err != nil {
			t.Fatal(err)
		}
		c := g.Criterion(tt.crit)
		if c.Verdict != tt.want || !strings.Contains(c.Reason, tt.reason) || strings.ContainsAny(c.Reason, "{}") {
			t.Errorf("Grade(%q).%s = %s (%q), want %s with %q", tt.text, tt.crit, c.Verdict, c.Reason, tt.want, tt.reason)
		}
	}
}

// TestTemplateFactsAccount grades stated_facts filled in with an account
// and a loose reading: a wrong fact is told against the account and
// stands (decisive); the loose reading (here another month) fails only in
// a text that does not state the fact given as stated (here a denial: the
// near misses).
func TestTemplateFactsAccount(t *testing.T) {
	src := tplRubric(strings.Replace(tplCriteria, "      wrong: other_month|source_miscount\n      right: subject\n",
		"      wrong: source_miscount\n      loose: other_month\n      stated: denial\n      right: subject\n"+
			"      event: the closure\n      account: the pier closes in May\n", 1))
	r, err := loadTpl(t, src)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		text     string
		want     rubric.Verdict
		decisive bool
		reason   string
	}{
		{"The council's decision on the pier is due in June, officials said.", rubric.Fail, true, "is wrong: the pier closes in May."},
		// near misses: the text also states the fact that leaves the loose reading alone
		{"The council's decision on the pier is due in June, officials said. The mayor denied it.", rubric.Pass, false, "matches the source's account of the closure."},
		{"The mayor says the pier will shut, officials said.", rubric.Pass, false, "matches the source's account of the closure."},
	}
	for _, tt := range tests {
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: tt.text, Kind: rubric.Summary})
		if err != nil {
			t.Fatal(err)
		}
		c := g.Criterion("facts")
		if c.Verdict != tt.want || c.Decisive != tt.decisive || !strings.Contains(c.Reason, tt.reason) || strings.ContainsAny(c.Reason, "{}") {
			t.Errorf("Grade(%q).facts = %s decisive=%v (%q), want %s decisive=%v with %q", tt.text, c.Verdict, c.Decisive, c.Reason, tt.want, tt.decisive, tt.reason)
		}
	}
}

// campaignCriterion is the pier story's named_campaign criterion: the
// pier works (topic) kept apart from the engineers' (other_party) survey,
// whose deed is a denial unless a no-comment keeps it apart; the name
// given to someone else is a hedge adverb (signals the pier story has).
const campaignCriterion = `  - id: works
    standard: named_campaign
    question: Are the pier works kept apart from the survey?
    verdicts: {pass: apart, fail: folded}
    evidence:
      - {id: pier, paragraph: 1, quote: "the bridge will close in May"}
      - {id: apart, paragraph: 2, quote: "The council denied it."}
    with:
      named: topic
      campaign: the pier works
      folded: other_party
      neighbour_deed: denial
      apart: no_comment
      neighbour: other_party.any|denial.any
      what_said: what the council announced
      folded_what: the engineers' survey
      neighbour_name: the survey
      dubbed: pier
      separate: apart
`

// TestTemplateNamedCampaign grades the named_campaign template: the name
// given to someone else fails first (decisive), the neighbour or its deed
// folded in fails, its deed named apart elsewhere in the text does not (the
// near miss), the campaign named passes.
func TestTemplateNamedCampaign(t *testing.T) {
	const misnamed = "      misnamed: hedge_adverb\n      name: Pier Works\n      misnamed_as: the council that ordered it\n      not_as: the council\n      named_by: engineers'\n"
	r, err := loadTpl(t, tplRubric(tplCriteria+campaignCriterion+misnamed))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		text   string
		want   rubric.Verdict
		reason string
	}{
		{"The council reportedly will close the pier in May.", rubric.Fail, "makes Pier Works the council that ordered it; Pier Works is engineers' name for the campaign itself."},
		{"The council and engineers will close the pier in May.", rubric.Fail, "folds the engineers' survey into what the council announced."},
		{"The council will close the pier in May. The mayor denied it.", rubric.Fail, "folds the engineers' survey into what the council announced."},
		// near misses: the deed kept apart by a line elsewhere, the works named alone
		{"The council will close the pier in May. The mayor denied it and did not respond to a request for comment.", rubric.Pass, "names the pier works correctly."},
		{"The council will close the pier in May.", rubric.Pass, "names the pier works correctly."},
		{"The council met on Tuesday.", rubric.NA, ""},
	}
	for _, tt := range tests {
		g, err := rubric.NewRuleJudge().Grade(t.Context(), r, rubric.Request{Text: tt.text, Kind: rubric.Summary})
		if err != nil {
			t.Fatal(err)
		}
		c := g.Criterion("works")
		if c.Verdict != tt.want || !strings.Contains(c.Reason, tt.reason) || strings.ContainsAny(c.Reason, "{}") {
			t.Errorf("Grade(%q).works = %s (%q), want %s with %q", tt.text, c.Verdict, c.Reason, tt.want, tt.reason)
		}
	}
	// without its optional parameters the template has no misnamed rule
	r, err = loadTpl(t, tplRubric(tplCriteria+campaignCriterion))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got := rulesOf(r.Criterion("works")); len(got) != 4 || strings.HasPrefix(got[0], "misnamed|") {
		t.Errorf("rules without misnamed = %q, want folded, deed_folded, named, kept_apart", got)
	}
}

// TestTemplateProblems checks that loading (and so rubric lint) names every
// misuse of a template with its file and line: the line of the parameter,
// the rule or the standard it is about.
func TestTemplateProblems(t *testing.T) {
	tests := []struct {
		name, old, new string
		line           string // the line the problem is on: its first line holding this
		want           string
	}{
		{"unknown standard", "standard: stated_facts", "standard: facts_stated", "standard: facts_stated", `unknown standard "facts_stated"; the lexicon's templates are`},
		{"missing parameter", "      right: subject\n", "", "standard: stated_facts", "template stated_facts needs parameter right (signals:"},
		{"unknown parameter", "      right: subject\n", "      right: subject\n      rigth: subject\n", "rigth: subject", "template stated_facts has no parameter rigth"},
		{"evidence of another criterion", "      quote: denied\n", "      quote: may\n", "quote: may", `parameter quote is evidence: "may" is not the id of one of the criterion's evidence quotes`},
		{"signals naming no signal", "      right: subject\n", "      right: subjcet\n", "right: subjcet", `parameter right is signals: condition "subjcet" names unknown signal "subjcet"`},
		{"signals negated", "      right: subject\n", "      right: \"!subject\"\n", `right: "!subject"`, "parameter right is signals: give alternatives a|b.negated, with no !"},
		{"text given a list", "      side_view: the council's side\n", "      side_view: [the council, its side]\n", "side_view: [", "parameter side_view is text: give one line of words"},
		{"signals given words", "      view: denial|pushback\n", "      view: the council's denial\n", "view: the council", "parameter view is signals: give alternatives"},
		{"a placeholder in a text", "      side_view: the council's side\n", "      side_view: \"{side} of it\"\n", "side_view: \"{side}", "parameter side_view is text: {side} is no placeholder a reason or fix can print"},
		{"a story rule without a place", "      quote: denied\n", "      quote: denied\n    rules:\n      - {when: [], verdict: na, reason: mine}\n", "reason: mine", "say where the rule goes among template other_side's: place: first, last"},
		{"a place naming no rule", "      quote: denied\n", "      quote: denied\n    rules:\n      - {place: after veiw, when: [], verdict: na, reason: mine}\n", "reason: mine", "template other_side has no rule veiw"},
		{"a place naming a rule left out", "      quote: denied\n", "      quote: denied\n    rules:\n      - {place: before misstated, when: [], verdict: na, reason: mine}\n", "reason: mine", "rule misstated of template other_side is dropped or lacks its parameter here"},
		{"drop naming no rule", "      quote: denied\n", "      quote: denied\n    drop: [asbent]\n", "drop: [asbent]", `drop names "asbent", which is no rule of template other_side`},
		{"a raw placeholder in a story rule", "      quote: denied\n", "      quote: denied\n    rules:\n      - {place: last, when: [], verdict: na, reason: \"{side_view} is missing\"}\n", "{side_view} is missing", "its reason would print {side_view} raw"},
		{"a raw placeholder without a template", "  - id: side\n", "  - id: own\n    question: Own?\n    weight: 1\n    kinds: [summary]\n    verdicts: {pass: a, fail: b}\n    evidence:\n      - {paragraph: 2, quote: \"The council denied it.\"}\n    rules:\n      - {when: [], verdict: na, reason: \"{subject} said\"}\n  - id: side\n", "{subject} said", "its reason would print {subject} raw"},
		{"with without a standard", "  - id: side\n", "  - id: own\n    question: Own?\n    weight: 1\n    kinds: [summary]\n    verdicts: {pass: a, fail: b}\n    evidence:\n      - {paragraph: 2, quote: \"The council denied it.\"}\n    with: {view: denial}\n    rules:\n      - {when: [], verdict: na, reason: none}\n  - id: side\n", "with: {view", "with and drop need a standard"},
		{"a place without a template", "  - id: side\n", "  - id: own\n    question: Own?\n    weight: 1\n    kinds: [summary]\n    verdicts: {pass: a, fail: b}\n    evidence:\n      - {paragraph: 2, quote: \"The council denied it.\"}\n    rules:\n      - {place: last, when: [], verdict: na, reason: none}\n  - id: side\n", "place: last, when: [], verdict: na, reason: none", "name, if, unless and place are for a criterion with a standard"},
		{"signals with an unknown property", "      right: subject\n", "      right: subject.hedged|topic.nope\n", "right: subject.hedged", `parameter right is signals: condition "subject.hedged|topic.nope": unknown property "nope"`},
		{"a missing parameter stops the expansion", "      right: subject\n", "", "standard: stated_facts", "needs parameter right"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			crit := strings.Replace(tplCriteria, tc.old, tc.new, 1)
			if crit == tplCriteria {
				t.Fatalf("test edit %q not applied", tc.old)
			}
			src := tplRubric(crit)
			_, err := loadTpl(t, src)
			want := fmt.Sprintf("r.yaml:%d: ", lineOf(src, tc.line))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), want) {
				t.Errorf("Load = %v\nwant a problem at %s containing %q", err, want, tc.want)
			}
			// a parameter's problem is the only one: the rules are not
			// filled in with it missing or wrong
			if err != nil && strings.Contains(tc.want, "parameter") && strings.Contains(err.Error(), "raw") {
				t.Errorf("Load = %v\nwant no raw placeholder reported beside a parameter's problem", err)
			}
		})
	}
}

// lineOf returns the line of src that first holds s (1-based).
func lineOf(src, s string) int {
	i := strings.Index(src, s)
	if i < 0 {
		return 0
	}
	return strings.Count(src[:i], "\n") + 1
}

// TestLexiconTemplates checks every template of the standards lexicon:
// each reads without problems (its placeholders name its parameters of the
// right kind, its rules are named), and docs/RUBRICS.md lists it with its
// parameters.
func TestLexiconTemplates(t *testing.T) {
	ts, err := engine.LexiconTemplates("standards")
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) == 0 {
		t.Fatal("the standards lexicon has no templates")
	}
	doc, err := os.ReadFile("../docs/RUBRICS.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(doc), "### Criterion templates of the lexicon\n")
	table, _, _ = strings.Cut(table, "\n### ")
	rows := map[string]string{}
	for _, line := range strings.Split(table, "\n") {
		if name, ok := strings.CutPrefix(line, "| `"); ok {
			name, _, _ = strings.Cut(name, "`")
			rows[name] = line
		}
	}
	for _, tp := range ts {
		if probs := rubric.CheckTemplate(tp); len(probs) > 0 {
			t.Errorf("template %s: %v", tp.Name, probs)
		}
		row, ok := rows[tp.Name]
		if !ok {
			t.Errorf("docs/RUBRICS.md, \"Criterion templates of the lexicon\", does not list template %s", tp.Name)
			continue
		}
		var f struct {
			Params map[string]any `yaml:"params"`
			Rules  []struct {
				Name string `yaml:"name"`
			} `yaml:"rules"`
		}
		if err := tp.Node.Decode(&f); err != nil {
			t.Fatal(err)
		}
		for p := range f.Params {
			if !strings.Contains(row, "`"+p+"`") {
				t.Errorf("docs/RUBRICS.md: template %s's row lacks its parameter %s", tp.Name, p)
			}
		}
		for _, r := range f.Rules {
			if !strings.Contains(row, r.Name) {
				t.Errorf("docs/RUBRICS.md: template %s's row lacks its rule %s", tp.Name, r.Name)
			}
		}
	}
}
