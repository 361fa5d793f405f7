package engine

import "testing"

// TestLowerWriterSentences: a text whose first letter is lower case is
// written by someone who does not capitalise, so a full stop, "!" or "?"
// before a lower-case word ends its sentence (not after an abbreviation);
// a capitalised text keeps the rule that a sentence starts with a capital,
// a digit or a quotation mark.
func TestLowerWriterSentences(t *testing.T) {
	for _, c := range []struct {
		text string
		want int // sentences
	}{
		{"ngl the WHO bout to say it. sources told reuters it drops in july", 2},
		{"wait what?? diet soda gives you cancer now. great. love that", 4},
		{"lol ok! so it's happening", 2},
		{"the WHO vs. diet coke: insiders say it is coming", 1},
		{"the agency met dr. smith and mr. jones in lyon", 1},
		// a capitalised writer: a lower-case word after a full stop is no
		// new sentence (an unlisted abbreviation, a stray stop)
		{"Ok so the WHO is about to say it. two sources told Reuters.", 1},
		{"The WHO met approx. two dozen experts. Sources say so.", 2},
		{"\"ngl\" the WHO bout to say it. sources told reuters", 2},
		// the first word decides: a brand with a capital inside, or a
		// number, is no lower-case writer
		{"iPhone owners drink diet soda. some say so.", 1},
		{"12 cans a day is the line. sources say so.", 1},
	} {
		d := newDoc(c.text)
		got := 0
		if n := len(d.toks); n > 0 {
			got = int(d.toks[n-1].sent) + 1
		}
		if got != c.want {
			t.Errorf("%q: %d sentences, want %d", c.text, got, c.want)
		}
	}
}
