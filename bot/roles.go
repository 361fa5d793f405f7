package bot

import (
	"fmt"
	"slices"
	"strings"
)

// Who may do what. Channel settings (the rubric, where replies go) are the
// desk's standards editors' to change; a grade may be disputed by the
// editor who asked for it and by the standards editors. Config.Editors
// lists the standards editors by Slack user id; while it is empty every
// member may do both, as before (serve warns at start).

// editor reports whether user is one of the configured standards editors,
// or no editors are configured.
func (b *Bot) editor(user string) bool {
	return len(b.cfg.Editors) == 0 || slices.Contains(b.cfg.Editors, user)
}

// mayDispute reports whether user may dispute the grade of a submission
// made by submitter.
func (b *Bot) mayDispute(user, submitter string) bool {
	return user == submitter || b.editor(user)
}

// editorsMention names the standards editors for a refusal.
func (b *Bot) editorsMention() string {
	names := make([]string, 0, min(len(b.cfg.Editors), 5))
	for _, u := range b.cfg.Editors[:min(len(b.cfg.Editors), 5)] {
		names = append(names, "<@"+u+">")
	}
	return strings.Join(names, ", ")
}

// SettingsRefusal is what a member who is not a standards editor is told
// when changing a channel's settings.
func (b *Bot) settingsRefusal() string {
	return fmt.Sprintf("Only the desk's standards editors can change how this channel is graded. Ask one of them (%s).", b.editorsMention())
}

// disputeRefusal is what a member is told when disputing someone else's
// grade without being a standards editor.
func (b *Bot) disputeRefusal() string {
	return fmt.Sprintf("Only the editor who asked for this grade and the desk's standards editors can dispute it. Ask one of them (%s).", b.editorsMention())
}
