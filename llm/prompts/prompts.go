// Package prompts holds factgrade's prompt templates. They are embedded in
// the binary, parsed once by Parse and rendered from typed data, never from
// strings glued together at the call site.
//
// The judge's prompt has two parts. The system message depends only on the
// rubric (role, criteria with their verdict definitions and guidance, the
// numbered paragraphs of the cleaned source), so it is byte-identical for
// every submission graded against one rubric version and servers that cache
// prompt prefixes (OpenAI, vLLM) reuse it. The submission comes last, in the
// user message, JSON-encoded as data.
package prompts

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"text/template"

	"github.com/factgrade/factgrade/rubric"
)

// Version names the revision of the templates. It is part of every prompt
// hash; bump it when a template changes what it asks of the model.
const Version = "judge-v1"

//go:embed *.tmpl
var files embed.FS

// Templates are the parsed prompt templates.
type Templates struct {
	judgeSystem  *template.Template
	judgeUser    *template.Template
	repair       *template.Template
	deriveSystem *template.Template
	deriveUser   *template.Template
}

// Parse parses the embedded templates. Call it once at start.
func Parse() (*Templates, error) {
	funcs := template.FuncMap{"join": strings.Join}
	parse := func(name string) (*template.Template, error) {
		t, err := template.New(name).Funcs(funcs).Option("missingkey=error").ParseFS(files, name)
		if err != nil {
			return nil, fmt.Errorf("parse prompt template %s: %w", name, err)
		}
		return t, nil
	}
	var t Templates
	for _, p := range []struct {
		dst  **template.Template
		name string
	}{
		{&t.judgeSystem, "judge_system.tmpl"},
		{&t.judgeUser, "judge_user.tmpl"},
		{&t.repair, "repair.tmpl"},
		{&t.deriveSystem, "derive_system.tmpl"},
		{&t.deriveUser, "derive_user.tmpl"},
	} {
		tt, err := parse(p.name)
		if err != nil {
			return nil, err
		}
		*p.dst = tt
	}
	return &t, nil
}

func render(t *template.Template, data any) (string, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", fmt.Errorf("render prompt %s: %w", t.Name(), err)
	}
	return b.String(), nil
}

// Judge is what the judge's system prompt is rendered from: everything
// about a rubric that the model needs, and nothing about a submission.
type Judge struct {
	RubricID      string
	RubricVersion int
	Title         string
	Criteria      []Criterion
	Source        Source
}

// Criterion is one criterion as the model reads it.
type Criterion struct {
	ID       string
	Question string
	// Kinds the criterion applies to ("headline", "summary").
	Kinds []string
	// Verdicts in the order pass, partial, fail, na; only those the rubric
	// defines.
	Verdicts []VerdictMeaning
	Guidance string
}

// VerdictMeaning is a verdict and what it means for one criterion.
type VerdictMeaning struct {
	Verdict string
	Meaning string
}

// Source is the cleaned primary source with numbered paragraphs.
type Source struct {
	Publisher, Headline, Subhead, Byline, Date string
	Paragraphs                                 []Paragraph
}

// Paragraph is body paragraph N (1-based) of the source.
type Paragraph struct {
	N    int
	Text string
}

// JudgeFor returns the prompt data of rubric r.
func JudgeFor(r *rubric.Rubric) Judge {
	d := Judge{RubricID: r.ID, RubricVersion: r.Version, Title: r.Title}
	for _, c := range r.Criteria {
		pc := Criterion{ID: c.ID, Question: oneLine(c.Question), Guidance: oneLine(c.Guidance)}
		for _, k := range c.Kinds {
			pc.Kinds = append(pc.Kinds, string(k))
		}
		for _, v := range rubric.Verdicts {
			if m, ok := c.Verdicts[v]; ok && strings.TrimSpace(m) != "" {
				pc.Verdicts = append(pc.Verdicts, VerdictMeaning{Verdict: string(v), Meaning: oneLine(m)})
			}
		}
		d.Criteria = append(d.Criteria, pc)
	}
	if s := r.Source; s != nil {
		d.Source = Source{Publisher: s.Publisher, Headline: s.Headline, Subhead: s.Subhead, Byline: s.Byline, Date: s.Date}
		for i, p := range s.Paragraphs {
			d.Source.Paragraphs = append(d.Source.Paragraphs, Paragraph{N: i + 1, Text: oneLine(p)})
		}
	}
	return d
}

// oneLine folds the line breaks of YAML block text into spaces, so each
// definition and each source paragraph is one line of the prompt.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// JudgeSystem renders the judge's system prompt.
func (t *Templates) JudgeSystem(d Judge) (string, error) { return render(t.judgeSystem, d) }

// Submission is the text to grade, as the user message carries it.
type Submission struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// JudgeUser renders the user message: the submission as one JSON object.
// Encoding it as JSON keeps every quote mark, brace, newline and look-alike
// delimiter in the text inside the "text" string, where the system prompt
// says it is data.
func (t *Templates) JudgeUser(s Submission) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return "", fmt.Errorf("encode submission: %w", err)
	}
	return render(t.judgeUser, struct{ JSON string }{strings.TrimSpace(b.String())})
}

// Repair is what the one repair request says about a reply that could not
// be used.
type Repair struct {
	Problem  string
	Criteria []string
}

// RepairUser renders the message that asks the model to fix its reply.
func (t *Templates) RepairUser(d Repair) (string, error) { return render(t.repair, d) }

// Derive is what 'factgrade rubric derive' shows the model: the new
// rubric's id and the primary source.
type Derive struct {
	ID         string
	Header     []string
	Paragraphs []Paragraph
}

// DeriveSystem renders the system prompt that asks for a draft rubric.
func (t *Templates) DeriveSystem() (string, error) { return render(t.deriveSystem, nil) }

// DeriveUser renders the source the draft is derived from.
func (t *Templates) DeriveUser(d Derive) (string, error) {
	for i := range d.Paragraphs {
		d.Paragraphs[i].Text = oneLine(d.Paragraphs[i].Text)
	}
	return render(t.deriveUser, d)
}

// Hash returns the prompt hash recorded with a grade: the SHA-256 (hex) of
// the template version, the system prompt and any further stable request
// parts (the response schema), each separated by a NUL byte.
func Hash(system string, stable ...[]byte) string {
	h := sha256.New()
	h.Write([]byte(Version))
	h.Write([]byte{0})
	h.Write([]byte(system))
	for _, s := range stable {
		h.Write([]byte{0})
		h.Write(s)
	}
	return hex.EncodeToString(h.Sum(nil))
}
