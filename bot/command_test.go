package bot_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/factgrade/factgrade/bot"
)

func TestParseCommand(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    bot.Command
		wantErr bool
	}{
		{"", bot.Command{Action: bot.ActHelp}, false},
		{"  help ", bot.Command{Action: bot.ActHelp}, false},
		{"rubrics", bot.Command{Action: bot.ActRubrics}, false},
		{"use volt-typhoon-geneva", bot.Command{Action: bot.ActUse, RubricID: "volt-typhoon-geneva"}, false},
		{"use", bot.Command{}, true},
		{"reply private", bot.Command{Action: bot.ActReply, Private: true}, false},
		{"China admits hacking", bot.Command{Action: bot.ActGrade, Text: "China admits hacking"}, false},
		{"--headline --rubric r1 China &amp; the &lt;U.S.&gt;", bot.Command{Action: bot.ActGrade, Kind: "headline", RubricID: "r1", Text: "China & the <U.S.>"}, false},
		{"—summary —rubric=r1 Text", bot.Command{Action: bot.ActGrade, Kind: "summary", RubricID: "r1", Text: "Text"}, false},
		{"-- --headline is text", bot.Command{Action: bot.ActGrade, Text: "--headline is text"}, false},
		{"See <https://wsj.com/x|the story> by <@U123>", bot.Command{Action: bot.ActGrade, Text: "See the story by @U123"}, false},
		{"use the force", bot.Command{Action: bot.ActGrade, Text: "use the force"}, false},
		{"--headline --summary x", bot.Command{}, true},
		{"--rubric", bot.Command{}, true},
		{"--rubric BAD!id x", bot.Command{}, true},
		{"--headline", bot.Command{}, true},
		{"--fast x", bot.Command{}, true},
		{"China admits\x00 hacking", bot.Command{}, true},
		{"China admits \x1b[31mhacking", bot.Command{}, true},
		{"China admits \xff hacking", bot.Command{}, true},
	} {
		got, err := bot.ParseCommand(tc.in)
		if (err != nil) != tc.wantErr {
			t.Errorf("ParseCommand(%q) error = %v, want error %v", tc.in, err, tc.wantErr)
			continue
		}
		// What the editor is told about text that is not text: it cannot
		// be graded, never that the database is not answering.
		if msg := bot.UserMessage(err, nil); strings.Contains(tc.in, "admits") && err != nil && !strings.Contains(msg, "cannot be graded") {
			t.Errorf("ParseCommand(%q): the editor is told %q, want that it cannot be graded", tc.in, msg)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" && !tc.wantErr {
			t.Errorf("ParseCommand(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

// FuzzParseCommand parses arbitrary /factcheck texts: an error comes with
// no command, and a command has a known action; a text to grade is never
// empty or over the length limit and its kind, when given, is headline or
// summary.
func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"", "help", "--rubric x y", "—headline &lt;b&gt;", "use a", "<https://x|y>", "--rubric=", "reply private"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := bot.ParseCommand(s)
		if err != nil {
			if c != (bot.Command{}) {
				t.Errorf("ParseCommand(%q) returned %+v with error %v", s, c, err)
			}
			return
		}
		switch c.Action {
		case bot.ActGrade:
			if c.Text == "" || utf8.RuneCountInString(c.Text) > bot.MaxTextRunes {
				t.Errorf("ParseCommand(%q) = text of %d characters", s, utf8.RuneCountInString(c.Text))
			}
			if c.Kind != "" && c.Kind != "headline" && c.Kind != "summary" {
				t.Errorf("ParseCommand(%q) kind %q", s, c.Kind)
			}
		case bot.ActHelp, bot.ActRubrics, bot.ActUse, bot.ActReply:
		default:
			t.Errorf("ParseCommand(%q) action %q", s, c.Action)
		}
	})
}
