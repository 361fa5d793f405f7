package bot

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// Slack's Block Kit limits.
const (
	MaxBlocks      = 50
	MaxSectionText = 3000
	MaxHeaderText  = 150
	MaxFallback    = 3000
)

// Action ids of the buttons on a graded reply and the shortcut's callback id.
const (
	ActionDispute       = "dispute"
	ActionSource        = "source"
	CallbackShortcut    = "factcheck_message"
	CallbackDisputeView = "dispute"
)

// Message is a rendered Slack message: blocks and the plain-text fallback
// that notifications and screen readers use.
type Message struct {
	Blocks []slack.Block
	Text   string
}

// verdictMarks are the emoji a criterion's verdict is shown with.
var verdictMarks = map[rubric.Verdict]string{
	rubric.Pass:    ":white_check_mark:",
	rubric.Partial: ":large_yellow_circle:",
	rubric.Fail:    ":x:",
	rubric.NA:      ":white_circle:",
}

// RenderGrade renders the graded reply to a submission. r is the rubric the
// grade was made against, or nil when it is no longer loaded.
func RenderGrade(item storage.GradedItem, r *rubric.Rubric) Message {
	g, sub := item.Grade, item.Submission
	var blocks []slack.Block
	blocks = append(blocks, slack.NewHeaderBlock(plain(truncate(gradeHeadline(g), MaxHeaderText)), slack.HeaderBlockOptionBlockID("grade_header")))
	quoted := fmt.Sprintf("<@%s> asked to grade this %s:\n%s", mrkdwnEscape(sub.UserID), g.Kind, blockquote(mrkdwnEscape(g.Text)))
	blocks = append(blocks, section("submission", quoted))

	// Reserve room for the rewrite, the truncation note, the context and the buttons.
	room := MaxBlocks - len(blocks) - 4
	shown := 0
	for _, cg := range g.Criteria {
		if shown == room {
			break
		}
		blocks = append(blocks, section("crit_"+cg.Criterion, criterionText(cg, r)))
		shown++
	}
	if hidden := len(g.Criteria) - shown; hidden > 0 {
		blocks = append(blocks, slack.NewContextBlock("crit_more", mrkdwn(fmt.Sprintf("%d more criteria not shown (Slack allows %d blocks per message).", hidden, MaxBlocks))))
	}
	if t := rewriteText(g); t != "" {
		blocks = append(blocks, section("rewrite", t))
	}
	blocks = append(blocks, slack.NewContextBlock("grade_context", mrkdwn(contextLine(item))))
	blocks = append(blocks, slack.NewActionBlock("grade_actions",
		slack.NewButtonBlockElement(ActionDispute, strconv.FormatInt(sub.ID, 10), plain("Dispute")),
		slack.NewButtonBlockElement(ActionSource, strconv.FormatInt(sub.ID, 10), plain("Source")),
	))
	return Message{Blocks: blocks, Text: truncate(gradeFallback(g), MaxFallback)}
}

// gradeHeadline is the header: the letter and score, or why there is none.
func gradeHeadline(g *rubric.Grade) string {
	switch g.Status {
	case rubric.Ungradable:
		return "Not graded: this text is not about the story"
	case rubric.NotEnglish:
		return "Not graded: this text is not in English"
	}
	h := fmt.Sprintf("Grade %s · %d/100", g.Letter, g.Score)
	if g.Capped {
		h += " (capped)"
	}
	return h
}

// gradeFallback is the plain-text version of the reply for notifications.
func gradeFallback(g *rubric.Grade) string {
	return fmt.Sprintf("%s for %q against %s v%d", gradeHeadline(g), mrkdwnEscape(g.Text), g.Rubric, g.RubricVersion)
}

func criterionText(cg rubric.CriterionGrade, r *rubric.Rubric) string {
	question := cg.Criterion
	var src *rubric.Source
	if r != nil {
		if c := r.Criterion(cg.Criterion); c != nil {
			question = c.Question
		}
		src = r.Source
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s *%s* %s", verdictMarks[cg.Verdict], mrkdwnEscape(question), cg.Verdict)
	if cg.DecidedBy == rubric.DecidedByEditor {
		b.WriteString(" (editor)")
	}
	if cg.NeedsReview {
		b.WriteString(" · _needs review_")
	}
	if cg.Reason != "" {
		b.WriteString("\n" + mrkdwnEscape(cg.Reason))
	}
	if len(cg.Spans) > 0 {
		words := make([]string, 0, len(cg.Spans))
		for _, s := range cg.Spans {
			words = append(words, "“"+mrkdwnEscape(s.Text)+"”")
		}
		b.WriteString("\nYour words: " + strings.Join(words, ", "))
	}
	for _, c := range cg.Citations {
		b.WriteString("\n" + citationText(c, src))
	}
	return b.String()
}

// citationText quotes a source paragraph, linked to the source when it has
// a web address.
func citationText(c rubric.Citation, src *rubric.Source) string {
	quote := "“" + mrkdwnEscape(c.Quote) + "”"
	if src != nil && safeURL(src.URL) {
		quote = "<" + mrkdwnEscape(src.URL) + "|" + quote + ">"
	}
	return fmt.Sprintf("> ¶%d %s", c.Paragraph, quote)
}

func rewriteText(g *rubric.Grade) string {
	if g.Rewrite != "" {
		t := "*Suggested wording*"
		if g.RewriteLetter != "" {
			t += fmt.Sprintf(" (grades %s · %d/100)", g.RewriteLetter, g.RewriteScore)
		}
		return t + "\n" + blockquote(mrkdwnEscape(g.Rewrite))
	}
	if len(g.Fixes) > 0 {
		var b strings.Builder
		b.WriteString("*What to fix*")
		for _, f := range g.Fixes {
			b.WriteString("\n• " + mrkdwnEscape(f))
		}
		return b.String()
	}
	return ""
}

func contextLine(item storage.GradedItem) string {
	g := item.Grade
	judge := g.Judge.Name
	if g.Judge.Model != "" {
		judge += " (" + g.Judge.Model + ")"
	}
	if g.Judge.Fallback != "" {
		judge += ", fell back to rules"
	}
	return mrkdwnEscape(fmt.Sprintf("Rubric %s v%d · judge %s · submission #%d", g.Rubric, g.RubricVersion, judge, item.Submission.ID))
}

// section is a mrkdwn section block, its text cut to Slack's limit.
func section(id, text string) *slack.SectionBlock {
	return slack.NewSectionBlock(mrkdwn(truncate(text, MaxSectionText)), nil, nil, slack.SectionBlockOptionBlockID(id))
}

func mrkdwn(text string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, text, false, false)
}

func plain(text string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, text, true, false)
}

// mrkdwnEscape escapes the three characters Slack treats as markup, so text
// from editors, sources or judges cannot form a mention (<!channel>) or a
// disguised link (<https://evil|bank>).
func mrkdwnEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// blockquote quotes every line of s.
func blockquote(s string) string {
	return "> " + strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n> ")
}

// truncateNote ends a text cut to fit Slack's limits, so nobody takes it for whole.
const truncateNote = "… (cut to fit Slack's limit)"

// truncate cuts s to at most max characters, saying so, without splitting an
// escaped entity or a link.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	keep := max - utf8.RuneCountInString(truncateNote)
	i, n := 0, 0
	for i < len(s) && n < keep {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	cut := s[:i]
	// Do not leave half an entity (&am) or half a link (<https://…).
	if amp := strings.LastIndexByte(cut, '&'); amp >= 0 && !strings.Contains(cut[amp:], ";") {
		cut = cut[:amp]
	}
	if lt := strings.LastIndexByte(cut, '<'); lt >= 0 && !strings.Contains(cut[lt:], ">") {
		cut = cut[:lt]
	}
	return cut + truncateNote
}

// safeURL reports whether u is an http(s) address that can sit in a Slack
// link without breaking out of it.
func safeURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return false
	}
	return !strings.ContainsAny(u, "|<> \n")
}

// RenderSource renders the full source paragraphs a grade cites, for the
// "Source" button's thread reply.
func RenderSource(g *rubric.Grade, r *rubric.Rubric) Message {
	if r == nil || r.Source == nil {
		return Message{Text: mrkdwnEscape(fmt.Sprintf("The source of rubric %s is not loaded on this server.", g.Rubric))}
	}
	src := r.Source
	var paras []int
	seen := map[int]bool{}
	for _, cg := range g.Criteria {
		for _, c := range cg.Citations {
			if !seen[c.Paragraph] {
				seen[c.Paragraph] = true
				paras = append(paras, c.Paragraph)
			}
		}
	}
	title := mrkdwnEscape(src.Headline)
	if safeURL(src.URL) {
		title = "<" + mrkdwnEscape(src.URL) + "|" + title + ">"
	}
	head := fmt.Sprintf("*%s*\n%s", title, mrkdwnEscape(strings.TrimSpace(src.Publisher+" · "+src.Byline+" · "+src.Date)))
	blocks := []slack.Block{section("source_title", head)}
	if len(paras) == 0 {
		blocks = append(blocks, section("source_none", "This grade cites no paragraph of the source."))
	}
	for i, n := range paras {
		if len(blocks) == MaxBlocks-1 {
			blocks = append(blocks, slack.NewContextBlock("source_more", mrkdwn(fmt.Sprintf("%d more paragraphs not shown.", len(paras)-i))))
			break
		}
		p, ok := src.Paragraph(n)
		if !ok {
			continue
		}
		blocks = append(blocks, section("para_"+strconv.Itoa(n), fmt.Sprintf("*¶%d*\n%s", n, blockquote(mrkdwnEscape(p)))))
	}
	return Message{Blocks: blocks, Text: truncate("Source: "+mrkdwnEscape(src.Headline), MaxFallback)}
}
