package bot

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/blockkit"
	"github.com/factgrade/factgrade/storage"
)

// homeRecent is how many recent grades the App Home lists; homeScan is
// how many of the workspace's latest are looked through to find them.
const (
	homeRecent = 10
	homeScan   = 200
)

// publishHome publishes the App Home tab for user: the recent grades user
// may see, the letter distribution of the last seven days, and the rubrics.
func (b *Bot) publishHome(ctx context.Context, teamID, userID string) error {
	f := storage.Filter{TeamID: teamID}
	latest, err := b.store.Recent(ctx, f, homeScan)
	if err != nil {
		return fmt.Errorf("publishHome: recent grades: %w", err)
	}
	recent := b.visibleTo(ctx, userID, latest, homeRecent)
	now := time.Now()
	counts, err := b.store.Counts(ctx, storage.Between(now.Add(-7*24*time.Hour), now), f)
	if err != nil {
		return fmt.Errorf("publishHome: counts: %w", err)
	}
	view := RenderHome(recent, counts, rubricList(b.cfg.Rubrics))
	return b.callSlack(ctx, "views.publish", "", func(ctx context.Context) error {
		_, err := b.slack.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: userID, View: view})
		return err
	})
}

// visibleTo returns the first n of items that user may see: their own
// submissions, and grades posted for everyone in a channel they are a
// member of (conversations.members). A grade shown only to whoever asked
// (a private reply) or made in a direct message is its submitter's alone.
// When Slack cannot say whether user is a member, the item is left out.
func (b *Bot) visibleTo(ctx context.Context, user string, items []storage.GradedItem, n int) []storage.GradedItem {
	var out []storage.GradedItem
	for _, it := range items {
		if len(out) == n {
			break
		}
		s := it.Submission
		switch {
		case s.UserID == user:
		case s.Ephemeral || directMessage(s.ChannelID) || directMessage(s.ReplyChannel):
			continue
		default:
			ok, err := b.member(ctx, s.ChannelID, user)
			if err != nil {
				b.log.Warn("reading a channel's members for App Home", "channel", s.ChannelID, "err", err)
			}
			if !ok {
				continue
			}
		}
		out = append(out, it)
	}
	return out
}

// directMessage reports whether channel is a direct message (D…).
func directMessage(channel string) bool { return strings.HasPrefix(channel, "D") }

// RenderHome renders the App Home tab.
func RenderHome(recent []storage.GradedItem, week storage.Counts, rubrics string) slack.HomeTabViewRequest {
	blocks := []slack.Block{
		slack.NewHeaderBlock(blockkit.Plain("factgrade"), slack.HeaderBlockOptionBlockID("home_header")),
		blockkit.Section("home_intro", "Grade a headline or summary with `/factcheck &lt;text&gt;`, or use *Fact-check this message* on any message. `/factcheck help` shows the options."),
		slack.NewDividerBlock(),
		blockkit.Section("home_week", "*This week* (last 7 days)\n"+letterDistribution(week)),
		slack.NewDividerBlock(),
	}
	var b strings.Builder
	b.WriteString("*Recent grades*")
	if len(recent) == 0 {
		b.WriteString("\nNothing graded yet.")
	}
	for _, it := range recent {
		g := it.Grade
		if g == nil {
			continue
		}
		grade := "not graded"
		if g.Letter != "" {
			grade = fmt.Sprintf("*%s* %d", g.Letter, g.Score)
		}
		fmt.Fprintf(&b, "\n• %s · <#%s> · <@%s>: %s", grade, blockkit.Escape(it.Submission.ChannelID), blockkit.Escape(it.Submission.UserID), blockkit.EscapeText(oneLine(g.Text, 90)))
	}
	blocks = append(blocks, blockkit.Section("home_recent", b.String()), slack.NewDividerBlock(), blockkit.Section("home_rubrics", "*Rubrics*\n"+rubrics))
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}

// letterDistribution is one line: how many grades got each letter.
func letterDistribution(c storage.Counts) string {
	if c.Total == 0 {
		return "No grades yet."
	}
	letters := make([]string, 0, len(c.ByLetter))
	for l := range c.ByLetter {
		letters = append(letters, l)
	}
	sort.Strings(letters)
	parts := make([]string, 0, len(letters))
	for _, l := range letters {
		name := l
		if l == "" {
			name = "not graded"
		}
		parts = append(parts, fmt.Sprintf("%s: %d", name, c.ByLetter[l]))
	}
	s := fmt.Sprintf("%d graded · %s", c.Total, strings.Join(parts, " · "))
	if c.NeedsReview > 0 {
		s += fmt.Sprintf(" · %d need review", c.NeedsReview)
	}
	return s
}

// oneLine shortens s to one line of at most n characters.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
