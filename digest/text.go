package digest

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/factgrade/factgrade/storage"
)

// WriteText writes r for a terminal: the same content as the Slack
// message, as plain text, with nothing cut.
func WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Digest %s: %s – %s", r.Name, when(r, r.From), when(r, r.To))
	if r.Filter.RubricID != "" {
		fmt.Fprintf(&b, ", rubric %s", r.Filter.RubricID)
	}
	if len(r.Filter.ChannelIDs) > 0 {
		fmt.Fprintf(&b, ", channels %s", strings.Join(r.Filter.ChannelIDs, " "))
	}
	b.WriteString("\n")
	if r.Empty() {
		b.WriteString("Nothing new: no grades and no disputes in this window.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	c := r.Counts
	fmt.Fprintf(&b, "%s graded, %d flagged for review, %s\n", plural(c.Total, "item", "items"), c.NeedsReview, plural(r.OverrideTotal, "dispute", "disputes"))
	if c.Injections > 0 {
		fmt.Fprintf(&b, "%s carried instructions to the grader (graded by the rules alone)\n", plural(c.Injections, "text", "texts"))
	}
	b.WriteString("\nBy letter:\n")
	for _, l := range sortedKeys(c.ByLetter, func(a, b string) bool { return b == "" && a != "" || a != "" && a < b }) {
		name := l
		if l == "" {
			name = "not gradable"
		}
		fmt.Fprintf(&b, "  %-13s %6d  %3d%%\n", name, c.ByLetter[l], percent(c.ByLetter[l], c.Total))
	}
	b.WriteString("\nBy channel:\n")
	for _, ch := range sortedKeys(c.ByChannel, func(x, y string) bool {
		return c.ByChannel[x] > c.ByChannel[y] || c.ByChannel[x] == c.ByChannel[y] && x < y
	}) {
		fmt.Fprintf(&b, "  %-13s %6d\n", ch, c.ByChannel[ch])
	}
	if len(r.Failed) > 0 {
		b.WriteString("\nCriteria failed most:\n")
		for _, f := range r.Failed {
			fmt.Fprintf(&b, "  %s: %s\n", f.Criterion, plural(f.Count, "time", "times"))
			if f.Example != nil {
				fmt.Fprintf(&b, "    e.g. %s\n", textItem(*f.Example))
			}
		}
	}
	if len(r.Lowest) > 0 {
		b.WriteString("\nLowest grades:\n")
		for _, it := range r.Lowest {
			fmt.Fprintf(&b, "  %s\n", textItem(it))
		}
	}
	if len(r.Review) > 0 {
		fmt.Fprintf(&b, "\nFlagged \"needs review\" (%d):\n", c.NeedsReview)
		for _, it := range r.Review {
			fmt.Fprintf(&b, "  %s (%s)\n", textItem(it), strings.Join(reviewCriteria(it), ", "))
		}
	}
	if r.OverrideTotal > 0 {
		fmt.Fprintf(&b, "\nDisputes and overrides (%d):\n", r.OverrideTotal)
		for _, o := range r.Overrides {
			fmt.Fprintf(&b, "  %s holds %s %s on #%d: %s\n", o.UserID, o.Criterion, o.Verdict, o.SubmissionID, strings.Join(strings.Fields(o.Reason), " "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func textItem(it storage.GradedItem) string {
	grade := "not gradable"
	if it.Grade != nil && it.Grade.Letter != "" {
		grade = fmt.Sprintf("%s %d/100", it.Grade.Letter, it.Grade.Score)
	}
	t := fmt.Sprintf("#%d %s %q in %s by %s", it.Submission.ID, grade, cutRunes(strings.Join(strings.Fields(it.Submission.Text), " "), maxQuote), it.Submission.ChannelID, it.Submission.UserID)
	if link := MessageLink(it.Submission); link != "" {
		t += " " + link
	}
	return t
}

func sortedKeys(m map[string]int, less func(a, b string) bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
	return keys
}
