package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	openai "github.com/sashabaranov/go-openai"
	"go.yaml.in/yaml/v3"

	"github.com/factgrade/factgrade/engine"
	"github.com/factgrade/factgrade/llm/prompts"
	"github.com/factgrade/factgrade/rubric"
)

// deriveMaxTokens bounds the draft rubric; it is longer than a grade.
const deriveMaxTokens = 6000

// DeriveRequest is a primary source to draft a rubric from.
type DeriveRequest struct {
	// ID is the new rubric's id.
	ID string
	// Source is the cleaned source text: a header block (headline,
	// subhead, byline, one a line), a blank line, then the body paragraphs
	// separated by blank lines.
	Source string
	// SourcePath is the source text's path relative to the rubric file,
	// as the draft's source.text names it.
	SourcePath string
}

// Draft is a rubric drafted by the model, its evidence checked against the
// source. It is for an editor to review; nothing loads it by itself.
type Draft struct {
	File          rubric.File
	DroppedQuotes int
	// Info is the model call's cost.
	Info rubric.JudgeInfo
}

// replyVerdicts is what each verdict means, as the model writes it.
type replyVerdicts struct {
	Pass    string `json:"pass"`
	Partial string `json:"partial"`
	Fail    string `json:"fail"`
	NA      string `json:"na"`
}

// deriveReply is the model's draft as it arrives.
type deriveReply struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Byline    string `json:"byline"`
	Date      string `json:"date"`
	URL       string `json:"url"`
	Topics    []struct {
		Name  string   `json:"name"`
		Words []string `json:"words"`
	} `json:"topics"`
	Criteria []struct {
		ID       string          `json:"id"`
		Question string          `json:"question"`
		Weight   float64         `json:"weight"`
		Kinds    []string        `json:"kinds"`
		CapsAt   string          `json:"caps_at"`
		Verdicts replyVerdicts   `json:"verdicts"`
		Evidence []replyCitation `json:"evidence"`
		Guidance string          `json:"guidance"`
		Fix      string          `json:"fix"`
	} `json:"criteria"`
}

// deriveSchema is the strict schema of deriveReply.
func deriveSchema() (json.RawMessage, error) {
	str := func() *schema { return &schema{Type: "string"} }
	s := object(map[string]*schema{
		"title": str(), "publisher": str(), "byline": str(), "date": str(), "url": str(),
		"topics": {Type: "array", Items: object(map[string]*schema{
			"name":  str(),
			"words": {Type: "array", Items: str()},
		})},
		"criteria": {Type: "array", Items: object(map[string]*schema{
			"id": str(), "question": str(),
			"weight":  {Type: "number"},
			"kinds":   {Type: "array", Items: &schema{Type: "string", Enum: []string{string(rubric.Headline), string(rubric.Summary)}}},
			"caps_at": {Type: "string", Enum: []string{"", "D"}},
			"verdicts": object(map[string]*schema{
				"pass": str(), "partial": str(), "fail": str(), "na": str(),
			}),
			"evidence": {Type: "array", Items: object(map[string]*schema{
				"paragraph": {Type: "integer"},
				"quote":     str(),
			})},
			"guidance": str(), "fix": str(),
		})},
	})
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("encode derive schema: %w", err)
	}
	return b, nil
}

// Derive asks the model, in one call, to draft a rubric for the source in
// the format of rubrics/*.yaml, and checks the draft: each evidence quote is
// kept only if it is found in the source (and is written as the source
// spells it), topic words become the "about" signals, ids and weights are
// sanitised. Rules for the rule judge are left for the editor to write.
// The caller validates the draft with rubric.Load and shows the problems.
func (j *Judge) Derive(ctx context.Context, req DeriveRequest) (*Draft, error) {
	header, paras := rubric.ParseSource(req.Source)
	if len(header) == 0 || len(paras) == 0 {
		return nil, fmt.Errorf("the source needs a header block (headline, subhead, byline, one a line), a blank line, then the body paragraphs separated by blank lines")
	}
	d := prompts.Derive{ID: req.ID, Header: header}
	for i, p := range paras {
		d.Paragraphs = append(d.Paragraphs, prompts.Paragraph{N: i + 1, Text: p})
	}
	system, err := j.tmpl.DeriveSystem()
	if err != nil {
		return nil, err
	}
	user, err := j.tmpl.DeriveUser(d)
	if err != nil {
		return nil, err
	}
	schema, err := deriveSchema()
	if err != nil {
		return nil, err
	}
	a := &Assessment{Model: j.cfg.Model, PromptHash: prompts.Hash(system, schema)}
	msgs := []openai.ChatCompletionMessage{
		{Role: openai.ChatMessageRoleSystem, Content: system},
		{Role: openai.ChatMessageRoleUser, Content: user},
	}
	var draft *Draft
	err = j.ask(ctx, a, format{"factgrade_rubric", schema, max(j.cfg.MaxTokens, deriveMaxTokens)}, msgs, nil, func(content string) string {
		var problem string
		draft, problem = buildDraft(req, header, paras, content)
		return problem
	})
	if err != nil {
		return nil, fmt.Errorf("derive rubric %s: %w", req.ID, err)
	}
	draft.Info = a.Info("llm")
	return draft, nil
}

var (
	criterionID = regexp.MustCompile(`[^a-z0-9_]+`)
	topicWord   = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}'.\-]*$`)
)

// buildDraft turns the model's reply into a draft, or says why it cannot.
func buildDraft(req DeriveRequest, header, paras []string, content string) (*Draft, string) {
	var rep deriveReply
	if err := json.Unmarshal([]byte(jsonObject(content)), &rep); err != nil {
		return nil, "it is not the JSON object asked for (" + err.Error() + ")"
	}
	if len(rep.Criteria) == 0 {
		return nil, "it has no criteria"
	}
	f := rubric.File{
		ID: req.ID, Version: 1, Title: oneSentence(rep.Title),
		Source: rubric.FileSource{
			Publisher: oneSentence(rep.Publisher), Headline: header[0],
			Byline: oneSentence(rep.Byline), Date: strings.TrimSpace(rep.Date), URL: strings.TrimSpace(rep.URL),
			Text: req.SourcePath,
		},
		Letters: []rubric.Threshold{{Letter: "A", Min: 90}, {Letter: "B", Min: 75}, {Letter: "C", Min: 60}, {Letter: "D", Min: 40}, {Letter: "F", Min: 0}},
		Signals: map[string]engine.FileSignal{},
	}
	if len(header) > 1 {
		f.Source.Subhead = header[1]
	}
	for _, t := range rep.Topics {
		name := strings.Trim(criterionID.ReplaceAllString(strings.ToLower(t.Name), "_"), "_")
		if name == "" || f.Signals[name].Patterns != nil {
			continue
		}
		var words, phrases []string
		for _, w := range t.Words {
			fields := strings.Fields(strings.ToLower(w))
			ok := len(fields) > 0
			for _, x := range fields {
				ok = ok && topicWord.MatchString(x)
			}
			switch {
			case !ok:
			case len(fields) == 1:
				words = append(words, fields[0])
			default:
				phrases = append(phrases, strings.Join(fields, " "))
			}
		}
		var sig engine.FileSignal
		if len(words) > 0 {
			sig.Patterns = append(sig.Patterns, strings.Join(words, "|"))
		}
		sig.Patterns = append(sig.Patterns, phrases...)
		if len(sig.Patterns) > 0 {
			f.Signals[name] = sig
			f.About = append(f.About, name)
		}
	}
	d := &Draft{}
	seen := map[string]bool{}
	for _, rc := range rep.Criteria {
		id := strings.Trim(criterionID.ReplaceAllString(strings.ToLower(rc.ID), "_"), "_")
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		c := rubric.FileCriterion{
			ID: id, Question: oneSentence(rc.Question), Weight: rc.Weight,
			CapsAt:   strings.TrimSpace(rc.CapsAt),
			Verdicts: map[string]string{},
			Guidance: oneSentence(rc.Guidance), Fix: oneSentence(rc.Fix),
		}
		for v, text := range map[rubric.Verdict]string{rubric.Pass: rc.Verdicts.Pass, rubric.Partial: rc.Verdicts.Partial, rubric.Fail: rc.Verdicts.Fail, rubric.NA: rc.Verdicts.NA} {
			if t := oneSentence(text); t != "" {
				c.Verdicts[string(v)] = t
			}
		}
		if c.Weight <= 0 || c.Weight > 10 {
			c.Weight = 1
		}
		for _, k := range rc.Kinds {
			if kind, err := rubric.ParseKind(k); err == nil && !contains(c.Kinds, string(kind)) {
				c.Kinds = append(c.Kinds, string(kind))
			}
		}
		for _, e := range rc.Evidence {
			if ev, ok := findEvidence(paras, int(e.Paragraph), e.Quote); ok {
				c.Evidence = append(c.Evidence, ev)
			} else {
				d.DroppedQuotes++
			}
		}
		f.Criteria = append(f.Criteria, c)
	}
	d.File = f
	return d, ""
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// findEvidence finds quote in the source body, in paragraph hint first, and
// returns it as the source spells it.
func findEvidence(paras []string, hint int, quote string) (rubric.FileEvidence, bool) {
	if len(strings.TrimSpace(quote)) < 3 {
		return rubric.FileEvidence{}, false
	}
	order := make([]int, 0, len(paras))
	if hint >= 1 && hint <= len(paras) {
		order = append(order, hint-1)
	}
	for i := range paras {
		if i != hint-1 {
			order = append(order, i)
		}
	}
	for _, i := range order {
		if sp, ok := findSpan(paras[i], quote); ok {
			return rubric.FileEvidence{Paragraph: i + 1, Quote: sp.Text}, true
		}
	}
	return rubric.FileEvidence{}, false
}

// YAML renders the draft as a rubric file, headed by a comment saying it is
// a draft and what an editor must do before it is used.
func (d *Draft) YAML(sourceName string) ([]byte, error) {
	var body bytes.Buffer
	enc := yaml.NewEncoder(&body)
	enc.SetIndent(2)
	if err := enc.Encode(d.File); err != nil {
		return nil, fmt.Errorf("encode draft rubric: %w", err)
	}
	head := fmt.Sprintf(`# DRAFT rubric %q, drafted by the model %s from %s.
# It is not used until an editor has reviewed it: check every criterion and
# verdict against the source, write the rule judge's signals and rules
# (see rubrics/volt-typhoon-geneva.yaml), then run 'factgrade rubric lint'
# and put the file in a FACTGRADE_RUBRIC_DIRS directory.
`, d.File.ID, d.Info.Model, sourceName)
	if d.DroppedQuotes > 0 {
		head += fmt.Sprintf("# %d evidence quote(s) the model gave were not found in the source and were left out.\n", d.DroppedQuotes)
	}
	return append([]byte(head), body.Bytes()...), nil
}
