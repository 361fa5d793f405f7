package llm

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgrade/factgrade/rubric"
)

// schemaName names the response schema in the request.
const schemaName = "factgrade_grade"

// Limits on what the model may put in front of an editor.
const (
	maxReasonRunes  = 400
	maxCitations    = 3
	maxRewriteRunes = rubric.MaxTextRunes // a rewrite must be a text factgrade accepts
)

// schema is a JSON Schema node, in the subset OpenAI's strict structured
// output accepts: every property required, no additional properties.
type schema struct {
	Type                 string             `json:"type"`
	Description          string             `json:"description,omitempty"`
	Enum                 []string           `json:"enum,omitempty"`
	Properties           map[string]*schema `json:"properties,omitempty"`
	Required             []string           `json:"required,omitempty"`
	AdditionalProperties *bool              `json:"additionalProperties,omitempty"`
	Items                *schema            `json:"items,omitempty"`
}

func object(props map[string]*schema) *schema {
	no := false
	req := make([]string, 0, len(props))
	for k := range props {
		req = append(req, k)
	}
	sort.Strings(req)
	return &schema{Type: "object", Properties: props, Required: req, AdditionalProperties: &no}
}

// responseSchema is the strict JSON schema of the reply for rubric r: the
// criterion ids and verdicts are enums.
func responseSchema(r *rubric.Rubric) (json.RawMessage, error) {
	ids := make([]string, len(r.Criteria))
	for i, c := range r.Criteria {
		ids[i] = c.ID
	}
	verdicts := make([]string, len(rubric.Verdicts))
	for i, v := range rubric.Verdicts {
		verdicts[i] = string(v)
	}
	s := object(map[string]*schema{
		"criteria": {Type: "array", Description: "one entry per criterion of the rubric, in rubric order", Items: object(map[string]*schema{
			"criterion":        {Type: "string", Enum: ids},
			"verdict":          {Type: "string", Enum: verdicts},
			"reason":           {Type: "string", Description: "one sentence for an editor"},
			"submission_quote": {Type: "string", Description: "the words of the submission the verdict rests on, copied exactly, or empty"},
			"citations": {Type: "array", Items: object(map[string]*schema{
				"paragraph": {Type: "integer", Description: "source paragraph number n of ¶n"},
				"quote":     {Type: "string", Description: "copied character for character from that paragraph"},
			})},
		})},
		"rewrite": {Type: "string", Description: "corrected wording of the submission, or empty"},
	})
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("encode response schema: %w", err)
	}
	return b, nil
}

// reply is the model's answer as it arrives.
type reply struct {
	Criteria []replyCriterion `json:"criteria"`
	Rewrite  string           `json:"rewrite"`
}

type replyCriterion struct {
	Criterion       string          `json:"criterion"`
	Verdict         string          `json:"verdict"`
	Reason          string          `json:"reason"`
	SubmissionQuote string          `json:"submission_quote"`
	Citations       []replyCitation `json:"citations"`
}

type replyCitation struct {
	Paragraph paragraphNumber `json:"paragraph"`
	Quote     string          `json:"quote"`
}

// paragraphNumber accepts 5, "5" and "¶5": models in json_object mode are
// not held to the schema's integer. Anything else is 0, which no paragraph
// has, so the citation is dropped rather than the reply.
type paragraphNumber int

func (p *paragraphNumber) UnmarshalJSON(b []byte) error {
	if n, err := strconv.Atoi(string(b)); err == nil {
		*p = paragraphNumber(n)
		return nil
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = 0
	switch x := v.(type) {
	case float64:
		if x == float64(int(x)) {
			*p = paragraphNumber(x)
		}
	case string:
		s := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(x), "¶"))
		if n, err := strconv.Atoi(s); err == nil {
			*p = paragraphNumber(n)
		}
	}
	return nil
}

// verified is a reply after verification.
type verified struct {
	criteria  []rubric.CriterionGrade
	supported map[string]bool
	rewrite   string
	dropped   int
}

// verify checks the model's reply content against the rubric, the kind and
// the submission text. A non-empty problem means the reply cannot be used
// (and says why, for the repair request); otherwise every verdict is from
// the allowed set, every criterion is present exactly once, spans are
// located in the text by code, and each quote is kept only if it is found
// verbatim in the source.
func verify(r *rubric.Rubric, kind rubric.Kind, text, content string) (verified, string) {
	var rep reply
	dec := json.NewDecoder(strings.NewReader(jsonObject(content)))
	if err := dec.Decode(&rep); err != nil {
		return verified{}, "it is not the JSON object asked for (" + err.Error() + ")"
	}
	byID := make(map[string]*replyCriterion, len(rep.Criteria))
	var probs []string
	for i := range rep.Criteria {
		rc := &rep.Criteria[i]
		id := strings.TrimSpace(rc.Criterion)
		switch {
		case r.Criterion(id) == nil:
			probs = append(probs, fmt.Sprintf("%q is not a criterion of this rubric", truncate(id, 40)))
		case byID[id] != nil:
			probs = append(probs, fmt.Sprintf("criterion %s appears more than once", id))
		default:
			byID[id] = rc
		}
		if _, err := rubric.ParseVerdict(rc.Verdict); err != nil {
			probs = append(probs, fmt.Sprintf("verdict %q for %s is not one of pass, partial, fail, na", truncate(rc.Verdict, 40), truncate(id, 40)))
		}
	}
	var missing []string
	for _, c := range r.Criteria {
		if byID[c.ID] == nil {
			missing = append(missing, c.ID)
		}
	}
	if len(missing) > 0 {
		probs = append(probs, "criteria missing: "+strings.Join(missing, ", "))
	}
	if len(probs) > 0 {
		return verified{}, strings.Join(probs, "; ")
	}

	v := verified{supported: make(map[string]bool, len(r.Criteria))}
	for _, c := range r.Criteria {
		rc := byID[c.ID]
		verdict, _ := rubric.ParseVerdict(rc.Verdict)
		cg := rubric.CriterionGrade{Criterion: c.ID, Verdict: verdict, DecidedBy: rubric.DecidedByLLM}
		if !c.AppliesTo(kind) {
			// The rubric decides applicability, not the model.
			cg.Verdict = rubric.NA
			cg.Reason = fmt.Sprintf("Does not apply to a %s.", kind)
			v.criteria = append(v.criteria, cg)
			continue
		}
		cg.Reason = oneSentence(rc.Reason)
		if cg.Reason == "" {
			cg.Reason = strings.TrimSpace(c.Verdicts[verdict])
		}
		if sp, ok := findSpan(text, rc.SubmissionQuote); ok {
			cg.Spans = []rubric.Span{sp}
		}
		if verdict != rubric.NA {
			var dropped int
			cg.Citations, dropped = verifyCitations(r.Source, rc.Citations)
			v.dropped += dropped
			v.supported[c.ID] = len(cg.Citations) > 0
			if len(cg.Citations) == 0 {
				for _, e := range c.Evidence {
					cg.Citations = append(cg.Citations, e.Citation())
				}
			}
		}
		v.criteria = append(v.criteria, cg)
	}
	v.rewrite = cleanRewrite(rep.Rewrite, text)
	return v, ""
}

// jsonObject cuts the JSON object out of content: models without
// structured output sometimes wrap it in a code fence or a sentence.
func jsonObject(content string) string {
	s := strings.TrimSpace(content)
	if strings.HasPrefix(s, "{") {
		return s
	}
	i := strings.IndexByte(s, '{')
	j := strings.LastIndexByte(s, '}')
	if i < 0 || j < i {
		return s
	}
	return s[i : j+1]
}

// verifyCitations keeps the citations found verbatim in the source, as the
// source spells them, under the paragraph that holds them, when they are
// whole words of meaningful length (meaningfulCitation); the rest are
// dropped and counted.
func verifyCitations(src *rubric.Source, cs []replyCitation) (kept []rubric.Citation, dropped int) {
	if src == nil {
		return nil, len(cs)
	}
	for _, c := range cs {
		got, ok := src.Verify(rubric.Citation{Paragraph: int(c.Paragraph), Quote: c.Quote})
		if !ok {
			// A verbatim quote under the wrong paragraph number is still
			// verbatim; the number is taken from the source, not the model.
			got, ok = src.Find(c.Quote, int(c.Paragraph))
		}
		if !ok {
			dropped++
			continue
		}
		if par, _ := src.Paragraph(got.Paragraph); !meaningfulCitation(par, got.Quote) {
			// A fragment of a word, or a word or two found anywhere,
			// proves nothing.
			dropped++
			continue
		}
		dup := false
		for _, k := range kept {
			if k == got {
				dup = true
			}
		}
		if !dup && len(kept) < maxCitations {
			kept = append(kept, got)
		}
	}
	return kept, dropped
}

// oneSentence folds white space and bounds the length of a reason.
func oneSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return truncate(s, maxReasonRunes)
}

// cleanRewrite returns the model's rewrite, or "" when it is empty, the
// same as the submission, or too long to be a submission.
func cleanRewrite(rw, text string) string {
	rw = strings.TrimSpace(rw)
	if rw == "" || utf8.RuneCountInString(rw) > maxRewriteRunes || !utf8.ValidString(rw) {
		return ""
	}
	if sameWords(rw, text) {
		return ""
	}
	return rw
}

// sameWords reports whether a and b have the same words in the same order,
// however they are spaced: strings.Join(strings.Fields(a), " ") ==
// strings.Join(strings.Fields(b), " "), without building either (the model
// call's allocation is what the collector works through under load).
func sameWords(a, b string) bool {
	for {
		a, b = strings.TrimLeftFunc(a, unicode.IsSpace), strings.TrimLeftFunc(b, unicode.IsSpace)
		if a == "" || b == "" {
			return a == b
		}
		i := strings.IndexFunc(a, unicode.IsSpace)
		if i < 0 {
			i = len(a)
		}
		j := strings.IndexFunc(b, unicode.IsSpace)
		if j < 0 {
			j = len(b)
		}
		if a[:i] != b[:j] {
			return false
		}
		a, b = a[i:], b[j:]
	}
}

// findSpan locates quote in text as whole words and returns its span by
// byte offsets into text. Quote marks, dashes and runs of white space match
// their look-alikes, and case is ignored, since models retype what they
// copy. A quote of fewer than minSpanLetters letters is not looked for.
func findSpan(text, quote string) (rubric.Span, bool) {
	quote = strings.TrimSpace(quote)
	if letters(quote) < minSpanLetters {
		return rubric.Span{}, false
	}
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], quote)
		if i < 0 {
			break
		}
		if i += off; wholeWords(text, i, i+len(quote)) {
			return rubric.Span{Start: i, End: i + len(quote), Text: quote}, true
		}
		off = i + 1
	}
	for i := 0; i < len(text); {
		if end, ok := matchAt(text, i, quote); ok && wholeWords(text, i, end) {
			return rubric.Span{Start: i, End: end, Text: text[i:end]}, true
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	return rubric.Span{}, false
}

// matchAt reports whether quote matches text from byte i, and where the
// match ends.
func matchAt(text string, i int, quote string) (int, bool) {
	j := 0
	for j < len(quote) {
		if i >= len(text) {
			return 0, false
		}
		q, qn := utf8.DecodeRuneInString(quote[j:])
		t, tn := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(q) {
			if !unicode.IsSpace(t) {
				return 0, false
			}
			i = skipSpace(text, i)
			j = skipSpace(quote, j)
			continue
		}
		if foldRune(q) != foldRune(t) {
			return 0, false
		}
		i += tn
		j += qn
	}
	return i, true
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// foldRune maps quote marks and dashes to their ASCII forms and letters to
// lower case.
func foldRune(r rune) rune {
	switch r {
	case '‘', '’', '‛', '′', '`', '´':
		return '\''
	case '“', '”', '„', '″', '«', '»':
		return '"'
	case '–', '—', '‒', '―', '‐', '‑', '−':
		return '-'
	}
	return unicode.ToLower(r)
}
