package bot

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/factgrade/factgrade/blockkit"
	"github.com/factgrade/factgrade/rubric"
)

// Action is what a /factcheck command asks for.
type Action string

// The actions of /factcheck.
const (
	ActGrade   Action = "grade"
	ActHelp    Action = "help"
	ActRubrics Action = "rubrics"
	ActUse     Action = "use"
	ActReply   Action = "reply"
	ActDigest  Action = "digest"
)

// MaxTextRunes is the longest text factgrade grades, in characters: the
// rubric package's limit, which every judge checks too.
const MaxTextRunes = rubric.MaxTextRunes

// Command is a parsed /factcheck command.
type Command struct {
	Action   Action
	RubricID string      // --rubric ID, or the id of "use ID"
	Kind     rubric.Kind // --headline or --summary; empty to detect
	Text     string      // the text to grade
	// Private is the choice of "reply private" (true) or "reply channel".
	Private bool
	// Digest is the name of "digest NAME" (empty: the only one).
	Digest string
}

// UsageError is a command the bot cannot act on; its message says what to type.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// TooLongError is a text over MaxTextRunes.
type TooLongError struct{ Runes, Limit int }

func (e *TooLongError) Error() string {
	return fmt.Sprintf("text is %d characters; the limit is %d", e.Runes, e.Limit)
}

// ParseCommand parses the text of a /factcheck command as Slack sends it
// (with &, < and > escaped and links in angle brackets).
func ParseCommand(text string) (Command, error) {
	t := strings.TrimSpace(text)
	word, rest := cutWord(t)
	switch strings.ToLower(word) {
	case "", "help", "-h", "--help":
		if word != "" && rest != "" && strings.ToLower(word) == "help" {
			break // "help me …" is text to grade only if it is not the bare word
		}
		return Command{Action: ActHelp}, nil
	case "rubrics":
		if rest == "" {
			return Command{Action: ActRubrics}, nil
		}
	case "use":
		id, more := cutWord(rest)
		if id != "" && more == "" && rubric.ValidID(id) {
			return Command{Action: ActUse, RubricID: id}, nil
		}
		if id == "" {
			return Command{}, &UsageError{"`use` needs a rubric id: `/factcheck use ID`, with an id from `/factcheck rubrics`."}
		}
	case "digest":
		name, more := cutWord(rest)
		if more == "" && (name == "" || digestNamePattern.MatchString(name)) {
			return Command{Action: ActDigest, Digest: name}, nil
		}
	case "reply":
		switch strings.ToLower(rest) {
		case "private":
			return Command{Action: ActReply, Private: true}, nil
		case "channel":
			return Command{Action: ActReply}, nil
		}
	}
	c := Command{Action: ActGrade}
	for {
		word, rest := cutWord(t)
		flag, ok := flagName(word)
		if !ok {
			break
		}
		t = rest
		if flag == "" { // "--" ends the options
			break
		}
		switch {
		case flag == "headline" || flag == "summary":
			if c.Kind != "" {
				return Command{}, &UsageError{"Give only one of `--headline` and `--summary`."}
			}
			c.Kind = rubric.Kind(flag)
		case flag == "rubric" || strings.HasPrefix(flag, "rubric="):
			id := strings.TrimPrefix(strings.TrimPrefix(flag, "rubric"), "=")
			if id == "" {
				id, t = cutWord(t)
			}
			if !rubric.ValidID(id) {
				return Command{}, &UsageError{"`--rubric` needs a rubric id: `--rubric ID`, with an id from `/factcheck rubrics`."}
			}
			c.RubricID = id
		default:
			return Command{}, &UsageError{fmt.Sprintf("Unknown option `--%s`. Options are `--rubric ID`, `--headline` and `--summary`.", blockkit.Escape(flag))}
		}
	}
	c.Text = strings.TrimSpace(SlackToPlain(t))
	if c.Text == "" {
		return Command{}, &UsageError{"Nothing to grade: put the headline or summary after the options, like `/factcheck --headline` followed by the headline."}
	}
	if n := utf8.RuneCountInString(c.Text); n > MaxTextRunes {
		return Command{}, &TooLongError{Runes: n, Limit: MaxTextRunes}
	}
	// Invalid UTF-8 or a NUL is refused here, before storage (PostgreSQL
	// refuses a NUL in text, which would read as a database failure).
	if err := rubric.CheckText(c.Text); err != nil {
		return Command{}, err
	}
	return c, nil
}

// digestNamePattern is the form of digest names (config's).
var digestNamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// flagName returns the name of an option word: "--rubric" → "rubric". Slack
// clients turn "--" into an em or en dash, which is accepted too.
func flagName(word string) (string, bool) {
	for _, p := range []string{"--", "—", "–"} {
		if strings.HasPrefix(word, p) {
			return strings.ToLower(strings.TrimPrefix(word, p)), true
		}
	}
	return "", false
}

// cutWord splits s at its first run of white space.
func cutWord(s string) (word, rest string) {
	s = strings.TrimLeft(s, " \t\r\n")
	i := strings.IndexAny(s, " \t\r\n")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimLeft(s[i:], " \t\r\n")
}

var slackLink = regexp.MustCompile(`<([^<>|]*)(?:\|([^<>]*))?>`)

// SlackToPlain turns Slack's message markup into the plain text an editor
// typed: links and mentions to their labels, entities unescaped.
func SlackToPlain(s string) string {
	s = slackLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := slackLink.FindStringSubmatch(m)
		if sub[2] != "" {
			return sub[2]
		}
		target := sub[1]
		switch {
		case strings.HasPrefix(target, "@"), strings.HasPrefix(target, "#"):
			return target
		case strings.HasPrefix(target, "!"):
			return "@" + strings.TrimPrefix(target, "!")
		case strings.HasPrefix(target, "mailto:"):
			return strings.TrimPrefix(target, "mailto:")
		}
		return target
	})
	return markupUnescapes.Replace(s)
}

// markupUnescapes undoes Slack's escapes of its three markup characters.
var markupUnescapes = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")
