package rubric

import (
	"strings"
	"testing"

	"github.com/factgrade/factgrade/engine"
	"go.yaml.in/yaml/v3"
)

// TestTemplateChecks checks what reading a template refuses, with the
// lexicon's file and line: placeholders naming no parameter or one of the
// wrong kind, optional parameters outside their rules, unnamed rules.
func TestTemplateChecks(t *testing.T) {
	const ok = `params:
  thing: {kind: text, note: the thing}
  view: {kind: signals, note: the view}
  one: {kind: signal, note: one signal}
  quote: {kind: evidence, note: a quote}
  extra: {kind: text, optional: true, note: more words}
rules:
  - name: view
    when: ["{view}", "!{one}.hedged"]
    verdict: pass
    reason: "{span} gives {thing}."
    fix: "Say it: {cite:quote}"
    cite: [quote]
  - name: more
    if: [extra]
    when: []
    verdict: fail
    reason: "No {thing}, {extra}."
`
	tests := []struct {
		name, old, new string
		line           int
		want           string
	}{
		{"fine", "", "", 0, ""},
		{"unknown placeholder", `"{span} gives {thing}."`, `"{span} gives {thnig}."`, 11, "unknown placeholder {thnig}"},
		{"text in a condition", `"{view}", `, `"{thing}", `, 9, "{thing} is a parameter of kind text, and a condition takes signals"},
		{"signals in a reason", `"{span} gives {thing}."`, `"{span} gives {view}."`, 11, "{view} is a parameter of kind signals, which cannot stand there"},
		{"cite of a text", "{cite:quote}", "{cite:thing}", 12, "{cite:thing} is a parameter of kind text"},
		{"cite of no parameter", "{cite:quote}", "{cite:para-1}", 12, "{cite:para-1} names no parameter"},
		{"cite list of no evidence", "cite: [quote]", "cite: [thing]", 13, `cite names "thing", which is no evidence parameter`},
		{"optional outside its rule", `"{span} gives {thing}."`, `"{span} gives {extra}."`, 11, "{extra} is optional: only a rule that names it in if may use it"},
		{"if of a required parameter", "if: [extra]", "if: [thing]", 15, `if names "thing", which is no optional parameter`},
		{"unless of a required parameter", "    if: [extra]\n", "    if: [extra]\n    unless: [thing]\n", 16, `unless names "thing", which is no optional parameter`},
		{"one parameter in if and unless", "    if: [extra]\n", "    if: [extra]\n    unless: [extra]\n", 16, "extra is in both if and unless, so the rule is never kept"},
		{"unless of an optional parameter", "  - name: view\n", "  - name: view\n    unless: [extra]\n", 0, ""},
		{"unnamed rule", "  - name: more\n    if", "  - if", 14, "template t rule 2: name it"},
		{"two rules of one name", "name: more", "name: view", 14, "two rules are named view"},
		{"unknown kind", "{kind: signal, note: one signal}", "{kind: word, note: one signal}", 4, `kind "word" is not text, signal, signals or evidence`},
		{"a parameter named as grading's", "  thing: {kind: text", "  span: {kind: text", 2, `parameter "span" must be`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(ok, tc.old, tc.new, 1)
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
				t.Fatal(err)
			}
			probs := CheckTemplate(engine.Template{Name: "t", File: "engine/lexicon/x.yaml", Node: doc.Content[0]})
			if tc.want == "" {
				if len(probs) > 0 {
					t.Errorf("CheckTemplate = %v, want none", probs)
				}
				return
			}
			found := false
			for _, p := range probs {
				if p.Line == tc.line && p.File == "engine/lexicon/x.yaml" && strings.Contains(p.Msg, tc.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("CheckTemplate = %v, want a problem at line %d containing %q", probs, tc.line, tc.want)
			}
		})
	}
}
