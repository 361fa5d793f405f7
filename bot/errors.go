package bot

import (
	"errors"
	"fmt"
	"strings"

	"github.com/factgrade/factgrade/blockkit"
	"github.com/factgrade/factgrade/rubric"
)

// errStorage marks a failure to read or write the database while handling
// a request.
var errStorage = errors.New("storage unavailable")

// errRubricGone marks a submission accepted for a rubric this process does
// not have (removed or renamed between acceptance and grading, e.g. by a
// restart with another rubric set); it wraps the *rubric.UnknownRubricError.
var errRubricGone = errors.New("rubric no longer loaded")

// UserMessage turns any error into the short message the editor sees in
// Slack, saying what to do. It is the one place errors are translated for
// people; the details go to the log, never to Slack.
func UserMessage(err error, rubrics *rubric.Set) string {
	var (
		usage   *UsageError
		tooLong *TooLongError
		unknown *rubric.UnknownRubricError
		input   *rubric.InputError
		limit   *LimitError
	)
	switch {
	case errors.As(err, &usage):
		return usage.Msg
	case errors.As(err, &tooLong):
		return fmt.Sprintf("Your text is %d characters; factgrade grades at most %d. Grade the headline or the first paragraphs separately.", tooLong.Runes, tooLong.Limit)
	case errors.As(err, &limit):
		return limit.Error()
	case errors.As(err, &input):
		m := input.Msg
		return strings.ToUpper(m[:1]) + m[1:] + "."
	case errors.Is(err, errRubricGone) && errors.As(err, &unknown):
		return fmt.Sprintf("Your text was accepted for the rubric `%s`, which factgrade no longer has (it was restarted with other rubrics), so it was not graded. Send it again with `/factcheck` to grade it against one of these:\n%s", blockkit.Escape(unknown.ID), rubricList(rubrics))
	case errors.As(err, &unknown):
		return fmt.Sprintf("There is no rubric `%s`. Use one of these:\n%s", blockkit.Escape(unknown.ID), rubricList(rubrics))
	case errors.Is(err, errGradingFailed):
		return "Grading failed. Your submission is kept; try `/factcheck` again in a minute. If it keeps failing, tell whoever runs factgrade."
	case errors.Is(err, errStorage):
		return "factgrade could not save your request (its database is not answering). Nothing was graded; try again in a minute."
	}
	return "Something went wrong on factgrade's side. Try again in a minute; if it keeps happening, tell whoever runs factgrade."
}

// rubricList is one line per rubric: id, title and a link to its source.
func rubricList(rubrics *rubric.Set) string {
	if rubrics == nil {
		return ""
	}
	var b strings.Builder
	for _, r := range rubrics.List() {
		fmt.Fprintf(&b, "• `%s` v%d: %s", blockkit.Escape(r.ID), r.Version, blockkit.Escape(r.Title))
		if r.Source != nil && blockkit.SafeURL(r.Source.URL) {
			fmt.Fprintf(&b, " (<%s|source>)", blockkit.Escape(r.Source.URL))
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
