package bot

import (
	"strings"

	"github.com/factgrade/factgrade/blockkit"
	"github.com/factgrade/factgrade/rubric"
)

// markEdits renders the rewrite of text made by edits (the judge's own
// account of what it changed) in mrkdwn: removed words struck, added words
// in bold. It reports false when the edits do not give rewrite, and the
// caller then compares the texts word by word (markChanges).
func markEdits(text, rewrite string, edits []rubric.Edit) (string, bool) {
	if len(edits) == 0 || rubric.ApplyEdits(text, edits) != rewrite {
		return "", false
	}
	var b strings.Builder
	at := 0
	for _, e := range edits {
		b.WriteString(blockkit.EscapeText(text[at:e.Start]))
		struck, added := wrap(text[e.Start:e.End], "~"), wrap(e.Added, "*")
		b.WriteString(struck)
		if strings.HasSuffix(struck, "~") && strings.HasPrefix(added, "*") {
			b.WriteString(" ") // mrkdwn marks need a boundary between them
		}
		b.WriteString(added)
		at = e.End
	}
	b.WriteString(blockkit.EscapeText(text[at:]))
	return b.String(), true
}

// wrap marks s with mark on both sides (~struck~, *bold*), its surrounding
// white space and punctuation left outside, where mrkdwn needs them (", *officials say*").
func wrap(s, mark string) string {
	const outside = " \t\n,.;:!?"
	inner := strings.Trim(s, outside)
	if inner == "" {
		return blockkit.EscapeText(s)
	}
	i := strings.Index(s, inner)
	return blockkit.EscapeText(s[:i]) + mark + blockkit.EscapeText(inner) + mark + blockkit.EscapeText(s[i+len(inner):])
}

// markChanges renders to, the rewrite of from, in mrkdwn with its changes
// marked word by word: words of from it drops struck (~…~), words it adds
// in bold (*…*), the words they share plain. Both texts are escaped as
// editors' text (blockkit.EscapeText), so only the marks format.
func markChanges(from, to string) string {
	a, b := strings.Fields(from), strings.Fields(to)
	// Longest common subsequence of words, compared without case or the
	// punctuation at their ends ("hacks," is "hacks").
	key := func(w string) string { return strings.ToLower(strings.Trim(w, ".,;:!?\"'“”‘’()")) }
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if key(a[i]) == key(b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	var del, add []string
	flush := func() {
		if len(del) > 0 {
			out = append(out, "~"+blockkit.EscapeText(strings.Join(del, " "))+"~")
			del = nil
		}
		if len(add) > 0 {
			out = append(out, "*"+blockkit.EscapeText(strings.Join(add, " "))+"*")
			add = nil
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && key(a[i]) == key(b[j]):
			flush()
			out = append(out, blockkit.EscapeText(b[j]))
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			add = append(add, b[j])
			j++
		default:
			del = append(del, a[i])
			i++
		}
	}
	flush()
	return strings.Join(out, " ")
}
