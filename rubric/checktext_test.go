package rubric_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/factgrade/factgrade/rubric"
)

// TestCheckTextAnyByte checks CheckText, which reads printable ASCII eight
// bytes at a time, against the rules read one character at a time, on
// texts mixing printable ASCII with what each rule is about: white space,
// control characters, DEL, letters beyond ASCII and invalid UTF-8, at every
// offset, and texts around the length limit.
func TestCheckTextAnyByte(t *testing.T) {
	parts := []string{"a", "Z", " ", "~", "\t", "\n", "\r", "\x00", "\x1b", "\x7f", "\u0085", "é", "’", "\xff", "  ", "China admits"}
	rng := rand.New(rand.NewPCG(1, 2))
	var texts []string
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		texts = append(texts, b.String())
	}
	for _, n := range []int{rubric.MaxTextRunes - 1, rubric.MaxTextRunes, rubric.MaxTextRunes + 1} {
		texts = append(texts, strings.Repeat("a", n), strings.Repeat(" ", n), strings.Repeat("é", n))
	}
	for _, text := range texts {
		if got, want := fmt.Sprint(rubric.CheckText(text)), fmt.Sprint(checkTextByRune(text)); got != want {
			t.Errorf("CheckText(%q) = %s, want %s", text, got, want)
		}
	}
}

// checkTextByRune is CheckText's rules read one character at a time.
func checkTextByRune(text string) error {
	if !utf8.ValidString(text) {
		return &rubric.InputError{Msg: "the text is not valid UTF-8, so it cannot be graded: paste it as plain text"}
	}
	for i, r := range text {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r < 0xa0 {
			return &rubric.InputError{Msg: fmt.Sprintf("the text holds a control character (U+%04X) that is not text, so it cannot be graded: paste it as plain text", text[i])}
		}
	}
	if strings.TrimFunc(text, unicode.IsSpace) == "" {
		return &rubric.InputError{Msg: "the text is empty: give a headline or a summary to grade"}
	}
	if n := utf8.RuneCountInString(text); n > rubric.MaxTextRunes {
		return &rubric.InputError{Msg: fmt.Sprintf("the text is %d characters; the limit is %d: grade the headline or the first paragraphs", n, rubric.MaxTextRunes)}
	}
	return nil
}
