package digest

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/blockkit"
	"github.com/factgrade/factgrade/storage"
)

// Slack's Block Kit limits a digest is rendered within.
const (
	MaxBlocks      = blockkit.MaxBlocks
	MaxSectionText = blockkit.MaxSectionText
	MaxHeaderText  = blockkit.MaxHeaderText
	MaxFallback    = blockkit.MaxFallback
	// maxQuote is how much of an item's text a digest quotes.
	maxQuote = 160
)

// ArchiveURL is the base of the links to Slack messages: Slack sends
// https://slack.com/archives/CHANNEL/pTS on to the workspace the reader is
// signed in to, so a digest needs no workspace domain.
const ArchiveURL = "https://slack.com/archives/"

// Message is a rendered digest: Block Kit blocks and the plain-text
// fallback for notifications.
type Message = blockkit.Message

// Render renders r as one Slack message within Slack's limits: sections
// longer than Slack allows are cut at a line and blocks beyond the 50th are
// left out, each time saying so.
func Render(r *Report) Message {
	m := &builder{}
	window := fmt.Sprintf("%s – %s", when(r, r.From), when(r, r.To))
	if r.Empty() {
		m.add(slack.NewHeaderBlock(blockkit.Plain(cut(fmt.Sprintf("Digest %s: nothing new", r.Name), MaxHeaderText)), slack.HeaderBlockOptionBlockID("digest_header")))
		m.add(section("digest_empty", "Nothing new: no grades and no disputes in this window."))
		m.add(slack.NewContextBlock("digest_window", blockkit.Mrkdwn(contextLine(r, window))))
		return Message{Text: cut(fmt.Sprintf("Digest %s: nothing new (%s)", r.Name, window), MaxFallback), Blocks: m.blocks}
	}
	c := r.Counts
	m.add(slack.NewHeaderBlock(blockkit.Plain(cut(fmt.Sprintf("Digest %s: %s graded", r.Name, plural(c.Total, "item", "items")), MaxHeaderText)), slack.HeaderBlockOptionBlockID("digest_header")))
	m.add(slack.NewContextBlock("digest_window", blockkit.Mrkdwn(contextLine(r, window))))
	m.add(section("digest_summary", summary(r)))
	if r.Hidden > 0 {
		m.add(section("digest_hidden", fmt.Sprintf("%s from private channels or direct messages not shown in this channel; the counts include them.", plural(r.Hidden, "grade or dispute is", "grades or disputes are"))))
	}

	if len(r.Failed) > 0 {
		m.part("failed", "*Criteria failed most*", len(c.FailedCriteria), len(r.Failed))
		for _, f := range r.Failed {
			t := fmt.Sprintf(":x: *%s* failed %s", blockkit.Escape(f.Criterion), plural(f.Count, "time", "times"))
			if f.Example != nil {
				t += "\nFor example " + itemLine(*f.Example)
				if cg := failedVerdict(f.Example, f.Criterion); cg != "" {
					t += "\n_" + blockkit.Escape(cg) + "_"
				}
			}
			m.add(section("failed_"+f.Criterion, t))
		}
	}
	if len(r.Lowest) > 0 {
		m.part("lowest", "*Lowest grades*", 0, 0)
		for _, it := range r.Lowest {
			m.add(section(fmt.Sprintf("lowest_%d", it.Submission.ID), itemLine(it)))
		}
	}
	if c.NeedsReview > 0 {
		m.part("review", fmt.Sprintf("*Flagged “needs review”* (%d)", c.NeedsReview), c.NeedsReview, len(r.Review))
		for _, it := range r.Review {
			m.add(section(fmt.Sprintf("review_%d", it.Submission.ID), itemLine(it)+"\nCriteria to review: "+blockkit.Escape(strings.Join(reviewCriteria(it), ", "))))
		}
	}
	if r.OverrideTotal > 0 {
		m.part("disputes", fmt.Sprintf("*Disputes and overrides* (%d)", r.OverrideTotal), r.OverrideTotal, len(r.Overrides))
		for _, o := range r.Overrides {
			t := fmt.Sprintf("<@%s> holds *%s* %s on submission #%d", blockkit.Escape(o.UserID), blockkit.Escape(o.Criterion), blockkit.Escape(string(o.Verdict)), o.SubmissionID)
			if o.Reason != "" {
				t += "\n> " + blockkit.EscapeText(strings.ReplaceAll(cutRunes(o.Reason, 500), "\n", " "))
			}
			m.add(section(fmt.Sprintf("dispute_%d", o.ID), t))
		}
	}
	m.finish()
	fallback := fmt.Sprintf("Digest %s: %s graded, %d flagged for review, %s (%s)", r.Name,
		plural(c.Total, "item", "items"), c.NeedsReview, plural(r.OverrideTotal, "dispute", "disputes"), window)
	return Message{Text: cut(fallback, MaxFallback), Blocks: m.blocks}
}

// builder collects blocks up to Slack's limit, keeping one for the note
// that says what was left out.
type builder struct {
	blocks  []slack.Block
	dropped int
}

func (m *builder) add(b slack.Block) {
	if len(m.blocks) >= MaxBlocks-1 {
		m.dropped++
		return
	}
	m.blocks = append(m.blocks, b)
}

// part starts a part of the digest with a divider and a title; of total
// things, shown are listed (0, 0: no count to give).
func (m *builder) part(id, title string, total, shown int) {
	m.add(slack.NewDividerBlock())
	if total > shown {
		title += fmt.Sprintf(", the first %d", shown)
	}
	m.add(section(id, title))
}

func (m *builder) finish() {
	if m.dropped > 0 {
		m.blocks = append(m.blocks, slack.NewContextBlock("digest_cut",
			blockkit.Mrkdwn(fmt.Sprintf("%d more blocks not shown: Slack allows %d blocks per message. `factgrade history` lists every graded item.", m.dropped, MaxBlocks))))
	}
}

// summary is the counts: by letter, by channel, flagged and disputed.
func summary(r *Report) string {
	c := r.Counts
	letters := make([]string, 0, len(c.ByLetter))
	for l := range c.ByLetter {
		letters = append(letters, l)
	}
	sort.Slice(letters, func(i, j int) bool { // "" (not gradable) last
		a, b := letters[i], letters[j]
		return b == "" && a != "" || a != "" && a < b
	})
	var byLetter []string
	for _, l := range letters {
		name := "*" + blockkit.Escape(l) + "*"
		if l == "" {
			name = "not gradable"
		}
		byLetter = append(byLetter, fmt.Sprintf("%s %d (%d%%)", name, c.ByLetter[l], percent(c.ByLetter[l], c.Total)))
	}
	channels := make([]string, 0, len(c.ByChannel))
	for ch := range c.ByChannel {
		channels = append(channels, ch)
	}
	sort.Slice(channels, func(i, j int) bool {
		a, b := channels[i], channels[j]
		return c.ByChannel[a] > c.ByChannel[b] || c.ByChannel[a] == c.ByChannel[b] && a < b
	})
	var b strings.Builder
	b.WriteString("*By letter*: " + strings.Join(byLetter, " · "))
	fmt.Fprintf(&b, "\n*Flagged for review*: %d · *Disputes*: %d", c.NeedsReview, r.OverrideTotal)
	if c.Injections > 0 {
		fmt.Fprintf(&b, "\n*Instructions to the grader*: %s (graded by the rules alone, flagged for review)", plural(c.Injections, "text", "texts"))
	}
	b.WriteString("\n*By channel*:")
	for _, ch := range channels {
		b.WriteString("\n• " + channelRef(ch) + fmt.Sprintf(" %d", c.ByChannel[ch]))
	}
	return b.String()
}

func contextLine(r *Report, window string) string {
	t := blockkit.Escape(window)
	if r.Filter.RubricID != "" {
		t += " · rubric `" + blockkit.Escape(r.Filter.RubricID) + "`"
	}
	if len(r.Filter.ChannelIDs) > 0 {
		refs := make([]string, len(r.Filter.ChannelIDs))
		for i, ch := range r.Filter.ChannelIDs {
			refs[i] = channelRef(ch)
		}
		t += " · channels " + strings.Join(refs, ", ")
	}
	return t + " · factgrade digest `" + blockkit.Escape(r.Name) + "`"
}

// itemLine is one graded item: letter and score, the quoted text, where it
// was asked, and a link to its message in Slack when there is one.
func itemLine(it storage.GradedItem) string {
	g, sub := it.Grade, it.Submission
	grade := "not gradable"
	if g != nil && g.Letter != "" {
		grade = fmt.Sprintf("*%s* %d/100", blockkit.Escape(g.Letter), g.Score)
	}
	t := fmt.Sprintf("%s · “%s” · %s by <@%s>", grade, blockkit.EscapeText(cutRunes(strings.Join(strings.Fields(sub.Text), " "), maxQuote)), channelRef(sub.ChannelID), blockkit.Escape(sub.UserID))
	if link := MessageLink(sub); link != "" {
		t += fmt.Sprintf(" · <%s|#%d>", link, sub.ID)
	} else {
		t += fmt.Sprintf(" · #%d", sub.ID)
	}
	return t
}

// failedVerdict is the reason the example failed criterion.
func failedVerdict(it *storage.GradedItem, criterion string) string {
	if it.Grade == nil {
		return ""
	}
	for _, cg := range it.Grade.Criteria {
		if cg.Criterion == criterion {
			return cutRunes(cg.Reason, 300)
		}
	}
	return ""
}

func reviewCriteria(it storage.GradedItem) []string {
	var ids []string
	if it.Grade != nil {
		for _, cg := range it.Grade.Criteria {
			if cg.NeedsReview {
				ids = append(ids, cg.Criterion)
			}
		}
	}
	return ids
}

var (
	tsPattern      = regexp.MustCompile(`^[0-9]+\.[0-9]+$`)
	channelPattern = regexp.MustCompile(`^[CGD][A-Z0-9]+$`)
)

// MessageLink returns the archive link of the Slack message a graded item
// is about: its graded reply when that was posted in the channel, else the
// message the shortcut was used on; "" when there is none (a reply shown
// only to the editor).
func MessageLink(sub storage.Submission) string {
	switch {
	case !sub.Ephemeral && tsPattern.MatchString(sub.PostedTS) && channelPattern.MatchString(sub.ReplyChannel):
		return archiveLink(sub.ReplyChannel, sub.PostedTS, sub.ThreadTS)
	case tsPattern.MatchString(sub.ThreadTS) && channelPattern.MatchString(sub.ChannelID):
		return archiveLink(sub.ChannelID, sub.ThreadTS, "")
	}
	return ""
}

// archiveLink is https://slack.com/archives/C/p<ts without the dot>, with
// the thread for a reply in one.
func archiveLink(channel, ts, thread string) string {
	u := ArchiveURL + channel + "/p" + strings.Replace(ts, ".", "", 1)
	if thread != "" && thread != ts && tsPattern.MatchString(thread) {
		u += "?" + url.Values{"thread_ts": {thread}, "cid": {channel}}.Encode()
	}
	return u
}

func channelRef(ch string) string {
	if channelPattern.MatchString(ch) {
		return "<#" + ch + ">"
	}
	return "`" + blockkit.Escape(ch) + "`"
}

// when formats t in the digest's zone, with the zone's abbreviation.
func when(r *Report, t time.Time) string {
	return t.In(r.Location).Format("Mon 2 Jan 2006 15:04 MST")
}

func percent(n, total int) int {
	if total == 0 {
		return 0
	}
	return (200*n + total) / (2 * total) // rounded
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// section is a mrkdwn section, whole lines cut to Slack's limit.
func section(id, text string) *slack.SectionBlock {
	return blockkit.Section(id, cut(text, MaxSectionText))
}

// cutRunes shortens plain text (before escaping) to n characters with "…".
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// cut fits mrkdwn text in max characters: whole lines are kept while they
// fit, then a line says how many were left out.
func cut(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	lines := strings.Split(s, "\n")
	note := func(n int) string {
		return fmt.Sprintf("\n_…%d more lines cut to fit Slack's limit of %d characters_", n, max)
	}
	room := max - utf8.RuneCountInString(note(len(lines)))
	var b strings.Builder
	kept, n := 0, 0
	for _, l := range lines {
		ln := utf8.RuneCountInString(l) + 1
		if n+ln > room {
			break
		}
		if kept > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
		kept, n = kept+1, n+ln
	}
	if kept == 0 { // one line longer than the limit
		line := []rune(lines[0])[:room]
		t := string(line)
		// Do not leave half an entity (&am) or half a link (<https://…).
		if i := strings.LastIndexByte(t, '&'); i >= 0 && !strings.Contains(t[i:], ";") {
			t = t[:i]
		}
		if i := strings.LastIndexByte(t, '<'); i >= 0 && !strings.Contains(t[i:], ">") {
			t = t[:i]
		}
		if len(lines) == 1 {
			return t + fmt.Sprintf("… _(cut to fit Slack's limit of %d characters)_", max)
		}
		return t + note(len(lines)-1)
	}
	return b.String() + note(len(lines)-kept)
}
