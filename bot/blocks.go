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
	ActionDispute = "dispute"
	ActionDetails = "details"
	ActionShare   = "share"
	// ActionSource is the button replies made before Details carried; its
	// clicks are still answered.
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

// RenderGrade renders the graded reply to a submission, to be read at a
// glance: the letter and score (why, when it is not obvious), the text,
// only the criteria below pass with their reason and fix, the rewrite with
// its changes marked, and one line for the criteria that pass or do not
// apply. The full report with citations is behind the Details button
// (RenderDetails). A reply shown only to its editor carries "Share in
// channel". r is the rubric the grade was made against, or nil when it is
// no longer loaded.
func RenderGrade(item storage.GradedItem, r *rubric.Rubric) Message {
	g, sub := item.Grade, item.Submission
	if g.Status != rubric.Graded {
		return renderNotGraded(item, r)
	}
	blocks := []slack.Block{slack.NewHeaderBlock(blockkit.Plain(blockkit.Truncate(gradeHeadline(g), MaxHeaderText)), slack.HeaderBlockOptionBlockID("grade_header"))}
	text := blockkit.Blockquote(blockkit.EscapeText(g.Text))
	if line := scoreLine(g, r); line != "" {
		text += "\n" + line
	}
	blocks = append(blocks, blockkit.Section("submission", text))
	if g.Judge.Injection != "" {
		blocks = append(blocks, blockkit.Section("injection", injectionText(g.Judge.Injection)))
	}
	if t := needsText(g, r); t != "" {
		blocks = append(blocks, blockkit.Section("needs", t))
	}
	if t := rewriteText(g); t != "" {
		blocks = append(blocks, blockkit.Section("rewrite", t))
	}
	var ctx []slack.MixedElement
	if t := foldedLine(g); t != "" {
		ctx = append(ctx, blockkit.Mrkdwn(t))
	}
	ctx = append(ctx, blockkit.Mrkdwn(contextLine(item)))
	blocks = append(blocks, slack.NewContextBlock("grade_context", ctx...))
	id := strconv.FormatInt(sub.ID, 10)
	buttons := []slack.BlockElement{
		slack.NewButtonBlockElement(ActionDetails, id, blockkit.Plain("Details")),
		slack.NewButtonBlockElement(ActionDispute, id, blockkit.Plain("Dispute")),
	}
	if sub.Ephemeral {
		share := slack.NewButtonBlockElement(ActionShare, id, blockkit.Plain("Share in channel"))
		share.Style = slack.StylePrimary
		buttons = append(buttons, share)
	}
	blocks = append(blocks, slack.NewActionBlock("grade_actions", buttons...))
	return Message{Blocks: blocks, Text: blockkit.Truncate(gradeFallback(g), MaxFallback)}
}

// renderNotGraded is the reply to a text that got no letter: why, and what
// would make it gradable. It has no Dispute button: there is no verdict to
// dispute.
func renderNotGraded(item storage.GradedItem, r *rubric.Rubric) Message {
	g := item.Grade
	blocks := []slack.Block{slack.NewHeaderBlock(blockkit.Plain(blockkit.Truncate(gradeHeadline(g), MaxHeaderText)), slack.HeaderBlockOptionBlockID("grade_header"))}
	why := "Every criterion of this rubric is about another story."
	switch {
	case g.Status == rubric.NotEnglish:
		why = "factgrade grades English text only."
	case g.Routing != nil && g.Routing.Note != "" && g.Routing.Chosen == "":
		why = g.Routing.Note
	case len(g.Criteria) > 0 && g.Criteria[0].Reason != "":
		why = g.Criteria[0].Reason
	case r != nil:
		why = r.NotAboutReason()
	}
	what := "*To have it graded*, send a text about the story that says who did what, as the source tells it; or pick another story with `/factcheck --rubric ID …` (`/factcheck rubrics` lists them)."
	if g.Status == rubric.NotEnglish {
		what = "*To have it graded*, send the English version of the text."
	}
	blocks = append(blocks,
		blockkit.Section("submission", blockkit.Blockquote(blockkit.EscapeText(g.Text))))
	if g.Judge.Injection != "" {
		blocks = append(blocks, blockkit.Section("injection", injectionText(g.Judge.Injection)))
	}
	blocks = append(blocks,
		blockkit.Section("not_graded", blockkit.Escape(why)+"\n"+what),
		slack.NewContextBlock("grade_context", blockkit.Mrkdwn(contextLine(item))),
	)
	return Message{Blocks: blocks, Text: blockkit.Truncate(gradeFallback(g), MaxFallback)}
}

// scoreLine explains the letter in one line when the score alone does not:
// a failed criterion capped it, or a verdict awaits an editor's review.
func scoreLine(g *rubric.Grade, r *rubric.Rubric) string {
	var parts []string
	if g.Capped && r != nil {
		var capping []string
		for _, cg := range g.Criteria {
			if c := r.Criterion(cg.Criterion); c != nil && cg.Verdict == rubric.Fail && c.CapsAt == g.Letter {
				capping = append(capping, cg.Criterion)
			}
		}
		parts = append(parts, fmt.Sprintf("_%s %s: the letter is capped at %s (%d/100 alone would be %s)._",
			blockkit.EscapeText(strings.Join(capping, " and ")), plural(len(capping), "fails", "fail"), g.Letter, g.Score, r.LetterFor(g.Score)))
	}
	var review []string
	for _, cg := range g.Criteria {
		if !cg.NeedsReview {
			continue
		}
		r := blockkit.EscapeText(cg.Criterion)
		if cg.Review != "" {
			r += " (" + blockkit.Escape(strings.TrimSuffix(cg.Review, ".")) + ")"
		}
		review = append(review, r)
	}
	if len(review) > 0 {
		parts = append(parts, fmt.Sprintf(":eyes: _Provisional: an editor should review %s._", strings.Join(review, "; ")))
	}
	return strings.Join(parts, "\n")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// needsText lists the criteria below pass, one line each with its reason,
// and its fix under it.
func needsText(g *rubric.Grade, r *rubric.Rubric) string {
	var below []rubric.CriterionGrade
	for _, cg := range g.Criteria {
		if cg.Verdict == rubric.Fail || cg.Verdict == rubric.Partial || cg.NeedsReview && cg.Verdict != rubric.Pass {
			below = append(below, cg)
		}
	}
	// The judges give one fix per criterion below pass that has one, in
	// order; they pair with the criteria when every one has its fix.
	paired := len(g.Fixes) == len(below)
	var b strings.Builder
	for i, cg := range below {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s *%s* %s", verdictMarks[cg.Verdict], blockkit.EscapeText(cg.Criterion), cg.Verdict)
		if cg.DecidedBy == rubric.DecidedByEditor {
			b.WriteString(" (editor)")
		}
		if cg.Reason != "" {
			b.WriteString(": " + blockkit.Escape(cg.Reason))
		}
		if paired {
			b.WriteString("\n      _Fix:_ " + blockkit.Escape(g.Fixes[i]))
		}
	}
	if !paired {
		for _, f := range g.Fixes {
			b.WriteString("\n      _Fix:_ " + blockkit.Escape(f))
		}
	}
	return b.String()
}

// foldedLine is one line naming the criteria that pass and those that do
// not apply.
func foldedLine(g *rubric.Grade) string {
	var pass, na []string
	for _, cg := range g.Criteria {
		switch {
		case cg.Verdict == rubric.Pass && !cg.NeedsReview:
			pass = append(pass, cg.Criterion)
		case cg.Verdict == rubric.NA && !cg.NeedsReview:
			na = append(na, cg.Criterion)
		}
	}
	var parts []string
	if len(pass) > 0 {
		parts = append(parts, verdictMarks[rubric.Pass]+" Pass: "+blockkit.EscapeText(strings.Join(pass, ", ")))
	}
	if len(na) > 0 {
		parts = append(parts, "Not applicable: "+blockkit.EscapeText(strings.Join(na, ", ")))
	}
	return strings.Join(parts, " · ")
}

// disputesText lists the overrides that stand and the letter they make.
func disputesText(g *rubric.Grade, r *rubric.Rubric, ovs []storage.Override) string {
	standing := storage.Standing(ovs)
	if len(standing) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("*Disputed*")
	if r != nil {
		after := r.Regrade(g, storage.Verdicts(ovs))
		fmt.Fprintf(&b, ": after disputes *%s* (graded %s; the original grade is kept)", letterScore(after), letterScore(g))
	}
	for _, o := range standing {
		fmt.Fprintf(&b, "\n• <@%s>: *%s* → %s: %s", blockkit.Escape(o.UserID), blockkit.EscapeText(o.Criterion), o.Verdict, blockkit.EscapeText(oneLine(o.Reason, 200)))
	}
	return b.String()
}

// RenderDetails renders the full report of a grade, for the Details
// button: every criterion with its question, verdict, reason, the editor's
// words it rests on and the source's paragraphs it cites, then the fixes.
//
// ovs are the grade's overrides: those that stand are listed, with the
// letter computed again with them beside the original.
func RenderDetails(item storage.GradedItem, r *rubric.Rubric, ovs []storage.Override) Message {
	g := item.Grade
	blocks := []slack.Block{blockkit.Section("details_head", fmt.Sprintf("*%s* · details\n%s", blockkit.Escape(gradeHeadline(g)), blockkit.Blockquote(blockkit.EscapeText(g.Text))))}
	if t := disputesText(g, r, ovs); t != "" {
		blocks = append(blocks, blockkit.Section("disputes", t))
	}
	room := MaxBlocks - len(blocks) - 3
	shown := 0
	for _, cg := range g.Criteria {
		if shown == room {
			break
		}
		blocks = append(blocks, blockkit.Section("crit_"+cg.Criterion, criterionText(cg, r)))
		shown++
	}
	if hidden := len(g.Criteria) - shown; hidden > 0 {
		blocks = append(blocks, slack.NewContextBlock("crit_more", blockkit.Mrkdwn(fmt.Sprintf("%d more criteria not shown (Slack allows %d blocks per message).", hidden, MaxBlocks))))
	}
	if len(g.Fixes) > 0 {
		var b strings.Builder
		b.WriteString("*What to fix*")
		for _, f := range g.Fixes {
			b.WriteString("\n• " + blockkit.Escape(f))
		}
		blocks = append(blocks, blockkit.Section("fixes", b.String()))
	}
	blocks = append(blocks, slack.NewContextBlock("details_context", blockkit.Mrkdwn(contextLine(item))))
	return Message{Blocks: blocks, Text: blockkit.Truncate("Details: "+gradeFallback(g), MaxFallback)}
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
	if g.Provisional {
		h += " · provisional"
	}
	return h
}

// gradeFallback is the plain-text version of the reply for notifications.
func gradeFallback(g *rubric.Grade) string {
	return fmt.Sprintf("%s for %q against %s v%d", gradeHeadline(g), blockkit.EscapeText(g.Text), g.Rubric, g.RubricVersion)
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
		if cg.Review != "" {
			b.WriteString(": " + blockkit.Escape(cg.Review))
		}
	}
	if cg.Reason != "" {
		b.WriteString("\n" + blockkit.Escape(cg.Reason))
	}
	if len(cg.Spans) > 0 {
		words := make([]string, 0, len(cg.Spans))
		for _, s := range cg.Spans {
			words = append(words, "“"+blockkit.EscapeText(s.Text)+"”")
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

// rewriteText is the suggested wording with its changes from the editor's
// text marked: removed words struck, added words in bold.
func rewriteText(g *rubric.Grade) string {
	if g.Rewrite == "" {
		return ""
	}
	marked, ok := markEdits(g.Text, g.Rewrite, g.RewriteEdits)
	if !ok {
		marked = markChanges(g.Text, g.Rewrite)
	}
	t := "*Try:* " + marked
	if g.RewriteLetter != "" {
		t += fmt.Sprintf("\n_That wording grades %s · %d/100._", g.RewriteLetter, g.RewriteScore)
	}
	return t
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
	line := blockkit.Escape(fmt.Sprintf("%s · rubric %s v%d · judge %s · #%d", g.Kind, g.Rubric, g.RubricVersion, judge, item.Submission.ID))
	if u := item.Submission.UserID; u != "" {
		line = "<@" + blockkit.Escape(u) + "> · " + line
	}
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
