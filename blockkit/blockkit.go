// Package blockkit holds what every Slack message factgrade renders needs:
// Slack's Block Kit limits, escaping of editor- and model-written text, and
// text cut to fit with a note that says so. The bot's replies and the digests
// both render through it.
package blockkit

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"
)

// Slack's Block Kit limits.
const (
	MaxBlocks      = 50
	MaxSectionText = 3000
	MaxHeaderText  = 150
	MaxFallback    = 3000
)

// Message is a rendered Slack message: blocks and the plain-text fallback
// that notifications and screen readers use.
type Message struct {
	Blocks []slack.Block
	Text   string
}

// Section is a mrkdwn section block, its text cut to Slack's limit.
func Section(id, text string) *slack.SectionBlock {
	return slack.NewSectionBlock(Mrkdwn(Truncate(text, MaxSectionText)), nil, nil, slack.SectionBlockOptionBlockID(id))
}

// Mrkdwn is a mrkdwn text object.
func Mrkdwn(text string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, text, false, false)
}

// Plain is a plain-text object with emoji.
func Plain(text string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, text, true, false)
}

// Escape escapes the three characters Slack treats as markup, so text from
// editors, sources or judges cannot form a mention (<!channel>) or a
// disguised link (<https://evil|bank>).
func Escape(s string) string {
	return markupEscapes.Replace(s)
}

// markupEscapes is Escape's replacer, built once (a Replacer is safe for
// concurrent use; building one for each call cost about 5% of the server's
// CPU under load).
var markupEscapes = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// markupLookalikes replaces the characters Slack's mrkdwn formats with (*
// bold, _ italic, ~ strike, ` code) by characters that look the same and
// format nothing: mrkdwn has no escape for them.
var markupLookalikes = strings.NewReplacer("*", "∗", "_", "ˍ", "~", "∼", "`", "ˋ")

// EscapeText escapes text written by someone else (an editor's headline, a
// reason typed in a dispute) for a mrkdwn field: the three markup
// characters as Escape does, and *, _, ~ and ` replaced by look-alikes, so
// the text shows as typed and never turns bold, struck or into code.
func EscapeText(s string) string {
	return markupLookalikes.Replace(Escape(s))
}

// Blockquote quotes every line of s.
func Blockquote(s string) string {
	return "> " + strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n> ")
}

// TruncateNote ends a text cut to fit Slack's limits, so nobody takes it for whole.
const TruncateNote = "… (cut to fit Slack's limit)"

// Truncate cuts s to at most max characters, saying so, without splitting an
// escaped entity or a link.
func Truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	keep := max - utf8.RuneCountInString(TruncateNote)
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
	return cut + TruncateNote
}

// SafeURL reports whether u is an http(s) address that can sit in a Slack
// link without breaking out of it.
func SafeURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return false
	}
	return !strings.ContainsAny(u, "|<> \n")
}
