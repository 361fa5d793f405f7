package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/blockkit"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// Slack's Block Kit limits.
const (
	MaxBlocks      = blockkit.MaxBlocks
	MaxSectionText = blockkit.MaxSectionText
	MaxHeaderText  = blockkit.MaxHeaderText
	MaxFallback    = blockkit.MaxFallback
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
type Message = blockkit.Message

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
	blocks = append(blocks, slack.NewHeaderBlock(blockkit.Plain(blockkit.Truncate(gradeHeadline(g), MaxHeaderText)), slack.HeaderBlockOptionBlockID("grade_header")))
	quoted := fmt.Sprintf("<@%s> asked to grade this %s:\n%s", blockkit.Escape(sub.UserID), g.Kind, blockkit.Blockquote(blockkit.Escape(g.Text)))
	blocks = append(blocks, blockkit.Section("submission", quoted))

	if g.Judge.Injection != "" {
		blocks = append(blocks, blockkit.Section("injection", injectionText(g.Judge.Injection)))
	}
	// Reserve room for the rewrite, the truncation note, the context and the buttons.
	room := MaxBlocks - len(blocks) - 4
	criteria := g.Criteria
	if g.Status != rubric.Graded {
		// No verdicts to show: say why once instead of a row of "na".
		criteria = nil
		why := "Every criterion of this rubric is about another story."
		if len(g.Criteria) > 0 {
			why = g.Criteria[0].Reason
		} else if g.Routing != nil && g.Routing.Note != "" {
			why = g.Routing.Note
		}
		blocks = append(blocks, blockkit.Section("not_graded", blockkit.Escape(why)+"\nType `/factcheck rubrics` to see the stories factgrade can grade, and `/factcheck --rubric ID …` to pick one."))
	}
	shown := 0
	for _, cg := range criteria {
		if shown == room {
			break
		}
		blocks = append(blocks, blockkit.Section("crit_"+cg.Criterion, criterionText(cg, r)))
		shown++
	}
	if hidden := len(criteria) - shown; hidden > 0 {
		blocks = append(blocks, slack.NewContextBlock("crit_more", blockkit.Mrkdwn(fmt.Sprintf("%d more criteria not shown (Slack allows %d blocks per message).", hidden, MaxBlocks))))
	}
	if t := rewriteText(g); t != "" {
		blocks = append(blocks, blockkit.Section("rewrite", t))
	}
	blocks = append(blocks, slack.NewContextBlock("grade_context", blockkit.Mrkdwn(contextLine(item))))
	blocks = append(blocks, slack.NewActionBlock("grade_actions",
		slack.NewButtonBlockElement(ActionDispute, strconv.FormatInt(sub.ID, 10), blockkit.Plain("Dispute")),
		slack.NewButtonBlockElement(ActionSource, strconv.FormatInt(sub.ID, 10), blockkit.Plain("Source")),
	))
	return Message{Blocks: blocks, Text: blockkit.Truncate(gradeFallback(g), MaxFallback)}
}

// injectionText says that the text addressed the grader, quoting the words.
func injectionText(words string) string {
	return fmt.Sprintf(":warning: This text speaks to the grader (“%s”), so it was graded by the rules alone and flagged for an editor's review. Remove the instruction and grade it again for a model's opinion.", blockkit.Escape(words))
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
	return fmt.Sprintf("%s for %q against %s v%d", gradeHeadline(g), blockkit.Escape(g.Text), g.Rubric, g.RubricVersion)
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
	fmt.Fprintf(&b, "%s *%s* %s", verdictMarks[cg.Verdict], blockkit.Escape(question), cg.Verdict)
	if cg.DecidedBy == rubric.DecidedByEditor {
		b.WriteString(" (editor)")
	}
	if cg.NeedsReview {
		b.WriteString(" · _needs review_")
	}
	if cg.Reason != "" {
		b.WriteString("\n" + blockkit.Escape(cg.Reason))
	}
	if len(cg.Spans) > 0 {
		words := make([]string, 0, len(cg.Spans))
		for _, s := range cg.Spans {
			words = append(words, "“"+blockkit.Escape(s.Text)+"”")
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
	quote := "“" + blockkit.Escape(c.Quote) + "”"
	if src != nil && blockkit.SafeURL(src.URL) {
		quote = "<" + blockkit.Escape(src.URL) + "|" + quote + ">"
	}
	return fmt.Sprintf("> ¶%d %s", c.Paragraph, quote)
}

func rewriteText(g *rubric.Grade) string {
	if g.Rewrite != "" {
		t := "*Suggested wording*"
		if g.RewriteLetter != "" {
			t += fmt.Sprintf(" (grades %s · %d/100)", g.RewriteLetter, g.RewriteScore)
		}
		return t + "\n" + blockkit.Blockquote(blockkit.Escape(g.Rewrite))
	}
	if len(g.Fixes) > 0 {
		var b strings.Builder
		b.WriteString("*What to fix*")
		for _, f := range g.Fixes {
			b.WriteString("\n• " + blockkit.Escape(f))
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
	line := blockkit.Escape(fmt.Sprintf("Rubric %s v%d · judge %s · submission #%d", g.Rubric, g.RubricVersion, judge, item.Submission.ID))
	if g.Routing != nil && len(g.Routing.Matched) > 1 {
		// factgrade chose between stories: say so, and how to pick the other.
		line += "\n" + blockkit.Escape(g.Routing.Note)
	}
	return line
}

// RenderSource renders the full source paragraphs a grade cites, for the
// "Source" button's thread reply.
func RenderSource(g *rubric.Grade, r *rubric.Rubric) Message {
	if r == nil || r.Source == nil {
		return Message{Text: blockkit.Escape(fmt.Sprintf("The source of rubric %s is not loaded on this server.", g.Rubric))}
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
	title := blockkit.Escape(src.Headline)
	if blockkit.SafeURL(src.URL) {
		title = "<" + blockkit.Escape(src.URL) + "|" + title + ">"
	}
	head := fmt.Sprintf("*%s*\n%s", title, blockkit.Escape(strings.TrimSpace(src.Publisher+" · "+src.Byline+" · "+src.Date)))
	blocks := []slack.Block{blockkit.Section("source_title", head)}
	if len(paras) == 0 {
		blocks = append(blocks, blockkit.Section("source_none", "This grade cites no paragraph of the source."))
	}
	for i, n := range paras {
		if len(blocks) == MaxBlocks-1 {
			blocks = append(blocks, slack.NewContextBlock("source_more", blockkit.Mrkdwn(fmt.Sprintf("%d more paragraphs not shown.", len(paras)-i))))
			break
		}
		p, ok := src.Paragraph(n)
		if !ok {
			continue
		}
		blocks = append(blocks, blockkit.Section("para_"+strconv.Itoa(n), fmt.Sprintf("*¶%d*\n%s", n, blockkit.Blockquote(blockkit.Escape(p)))))
	}
	return Message{Blocks: blocks, Text: blockkit.Truncate("Source: "+blockkit.Escape(src.Headline), MaxFallback)}
}
