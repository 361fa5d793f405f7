package revise

import (
	"sort"
	"strconv"
	"strings"

	"github.com/factgrade/factgrade/rubric"
)

// Fixes returns a fix in words for every criterion of g below pass,
// whatever the letter: the fix of the rule that decided it when t says so,
// else the criterion's, with its placeholders filled in. t may be nil (a
// judge with no trace, such as a model's).
//
// Placeholders: {span} is the words of the text that decided the verdict
// (every one, “a” and “b”), {sentence} the sentence of the text that holds
// them, {cite:ID} the rubric's evidence ID quoted with its paragraph.
func Fixes(r *rubric.Rubric, g *rubric.Grade, t *rubric.Trace) []string {
	return fixes(r, g, t, expandCites)
}

// fixes is Fixes with the function that expands a fix's citations (the
// judge caches what it returns: it depends on the rubric alone).
func fixes(r *rubric.Rubric, g *rubric.Grade, t *rubric.Trace, cites func(string, *rubric.Criterion) string) []string {
	var out []string
	for i, cg := range g.Criteria {
		if cg.Verdict != rubric.Partial && cg.Verdict != rubric.Fail {
			continue
		}
		c := r.Criterion(cg.Criterion)
		if c == nil {
			continue
		}
		fix := c.Fix
		if t != nil && i < len(t.Criteria) && t.Criteria[i].Fix != "" {
			fix = t.Criteria[i].Fix
		}
		if fix == "" {
			continue
		}
		fix = cites(fix, c)
		if strings.Contains(fix, "{change}") || strings.Contains(fix, "{Change}") {
			var sites []rubric.EditSite
			if t != nil && i < len(t.Criteria) {
				sites = t.Criteria[i].Edits
			}
			ch := change(g.Text, mergeSpans(g.Text, cg.Spans), sites)
			fix = strings.ReplaceAll(fix, "{change}", ch)
			fix = strings.ReplaceAll(fix, "{Change}", capitalize(ch))
		}
		fix = expand(fix, g.Text, cg.Spans)
		// The criterion that appends attribution: where it may not go at
		// the end, the fix says so.
		if t != nil && i < len(t.Criteria) && len(t.Criteria[i].Append) > 0 && g.Kind == rubric.Headline {
			if why := misplacedAttribution(r, g); why != "" {
				fix += " " + why
			}
		}
		out = append(out, fix)
	}
	return out
}

// expand fills in the placeholders of a fix whose citations are expanded.
func expand(s string, text string, spans []rubric.Span) string {
	if strings.Contains(s, "{span}") {
		s = strings.ReplaceAll(s, "{span}", quoteSpans(mergeSpans(text, spans)))
	}
	if strings.Contains(s, "{sentence}") {
		w := "the sentence"
		if len(spans) > 0 {
			w = "“" + sentenceOf(text, spans[0]) + "”"
		}
		s = strings.ReplaceAll(s, "{sentence}", w)
	}
	return s
}

// change says what to do with each span, in the words of the rubric's
// edits where one applies to it: "replace “admits to” with “tacitly
// acknowledges”, strike “openly”"; a span no edit reaches is named with
// "replace". It is what {change} in a fix stands for.
func change(text string, spans []rubric.Span, sites []rubric.EditSite) string {
	if len(spans) == 0 {
		return "change the text"
	}
	st := styleOf(text)
	qs := quotations(text)
	var parts []string
	for _, sp := range spans {
		part := "replace “" + sp.Text + "”"
		for _, site := range sites {
			if site.End <= sp.Start || site.Start >= sp.End {
				continue
			}
			es, out := editSite(text, site, st, qs, false)
			if out != applied || len(es) == 0 {
				continue
			}
			e := es[len(es)-1]
			removed := strings.TrimSpace(e.Removed)
			added := strings.TrimSpace(e.Added)
			for _, and := range []string{"and ", "And ", "AND "} {
				added = strings.TrimPrefix(added, and) // the rewrite's join, not the fix's words
			}
			if added == "" {
				part = "strike “" + removed + "”"
			} else {
				part = "replace “" + removed + "” with “" + added + "”"
			}
			break
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, ", ")
}

// mergeSpans joins spans that overlap into one ("official from China's
// Ministry of State Security" and "Ministry of State Security acknowledged"
// are one place of the text), in the order of the text.
func mergeSpans(text string, spans []rubric.Span) []rubric.Span {
	if len(spans) < 2 {
		return spans
	}
	out := append([]rubric.Span(nil), spans...)
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	merged := out[:1]
	for _, sp := range out[1:] {
		last := &merged[len(merged)-1]
		if sp.Start < last.End && sp.End <= len(text) && last.Start >= 0 {
			last.End = max(last.End, sp.End)
			last.Text = text[last.Start:last.End]
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// quoteSpans quotes every span: “a”, “b” and “c”; "the text" when none.
func quoteSpans(spans []rubric.Span) string {
	var qs []string
	for _, sp := range spans {
		q := "“" + sp.Text + "”"
		dup := false
		for _, x := range qs {
			dup = dup || x == q
		}
		if !dup {
			qs = append(qs, q)
		}
	}
	switch len(qs) {
	case 0:
		return "the text"
	case 1:
		return qs[0]
	}
	return strings.Join(qs[:len(qs)-1], ", ") + " and " + qs[len(qs)-1]
}

// sentenceOf returns the sentence of text that holds sp: from after the
// previous sentence end to the next one, trimmed.
func sentenceOf(text string, sp rubric.Span) string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
		return sp.Text
	}
	start := 0
	for i := sp.Start - 1; i > 0; i-- {
		if c := text[i-1]; (c == '.' || c == '!' || c == '?' || c == '\n') && text[i] == ' ' || text[i] == '\n' {
			if !abbreviationAt(text[:i]) {
				start = i
				break
			}
		}
	}
	end := len(text)
	for i := sp.End; i < len(text); i++ {
		if c := text[i]; c == '\n' || ((c == '.' || c == '!' || c == '?') && (i+1 == len(text) || text[i+1] == ' ') && !abbreviationAt(text[:i+1])) {
			end = i
			if c != '\n' {
				end = i + 1
			}
			break
		}
	}
	return strings.TrimSpace(text[start:end])
}

// expandCites replaces "{cite:ID}" with the evidence's quote and paragraph.
// Double quotation marks inside the quote become single ones, so a quote
// never nests the marks that enclose it.
func expandCites(s string, c *rubric.Criterion) string {
	for {
		i := strings.Index(s, "{cite:")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return s
		}
		id := s[i+len("{cite:") : i+j]
		rep := ""
		for _, e := range c.Evidence {
			if e.ID == id {
				q := singleQuotes(e.Quote)
				rep = "“" + q + "” (¶" + strconv.Itoa(e.Paragraph) + ")"
			}
		}
		s = s[:i] + rep + s[i+j+1:]
	}
}

// singleQuotes turns the double quotation marks of s into single ones.
func singleQuotes(s string) string {
	if !strings.Contains(s, "“") && !strings.Contains(s, "”") && strings.IndexByte(s, '"') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '“':
			r = '‘'
		case '”':
			r = '’'
		case '"':
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}
