package config

import (
	"fmt"
	"strings"
)

// Problem is one wrong or missing setting and what to put there.
type Problem struct {
	// Setting is the environment variable or config file field, such as
	// SLACK_SIGNING_SECRET or digests[0].time_zone.
	Setting string
	// Message says what is wrong and what to put there.
	Message string
}

func (p Problem) String() string { return p.Setting + ": " + p.Message }

// Error lists every problem found in the configuration, so an operator can
// fix them all before the next start.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	var b strings.Builder
	if len(e.Problems) == 1 {
		b.WriteString("1 configuration problem:")
	} else {
		fmt.Fprintf(&b, "%d configuration problems:", len(e.Problems))
	}
	for _, p := range e.Problems {
		b.WriteString("\n  - ")
		b.WriteString(p.String())
	}
	return b.String()
}

// problems collects Problems while the configuration is read and checked.
type problems []Problem

func (ps *problems) add(setting, format string, args ...any) {
	*ps = append(*ps, Problem{Setting: setting, Message: fmt.Sprintf(format, args...)})
}

// err returns nil when there are no problems, else an *Error.
func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &Error{Problems: append([]Problem(nil), ps...)}
}
