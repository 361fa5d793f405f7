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
		if got := sentences(c.text); got != c.want {
			t.Errorf("%q: %d sentences, want %d", c.text, got, c.want)
		}
	}
}

// sentences counts the sentences newDoc reads in text.
func sentences(text string) int {
	d := newDoc(text)
	if n := len(d.toks); n > 0 {
		return int(d.toks[n-1].sent) + 1
	}
	return 0
}

// TestLineWraps: a line break inside a sentence (a wrapped headline, a
// chyron on two lines) does not end it when the line before ends in a word
// that cannot end a sentence or a comma, or the next line starts in lower
// case in a capitalised text; a line break after a full line (a headline
// and its deck, a list) still ends a sentence.
func TestLineWraps(t *testing.T) {
	for _, c := range []struct {
		text string
		want int // sentences
	}{
		{"Beijing admitted to hacks on\nU.S. ports", 1},
		{"China tacitly acknowledged the\nVolt Typhoon hacks", 1},
		{"WHO agency to list aspartame as\npossible carcinogen", 1},
		{"Chinese officials, in Geneva,\nlinked the hacks to Taiwan", 1},
		{"China hinted at the hacks\nin a secret meeting in Geneva", 1},
		// near misses: a full line and the next, or a lower-case writer
		{"China hinted at the hacks\nU.S. officials say Beijing admitted nothing", 2},
		{"WHO agency to list aspartame\nExperts say the risk is small", 2},
		{"China denies it\nWashington says otherwise", 2},
		{"ngl china admitted the hacks\nthat's wild", 2},
		{"Beijing admitted to hacks on\n\n", 1},
	} {
		if got := sentences(c.text); got != c.want {
			t.Errorf("%q: %d sentences, want %d", c.text, got, c.want)
		}
	}
}

// TestUnshout: in a sentence written wholly in capitals, "WHO" after a noun
// or a comma with a word after it is the relative pronoun; at the start of
// a sentence or clause, after a function word, or last, it is still the
// initialism; a sentence not wholly in capitals keeps its capitals.
func TestUnshout(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool // the token "who" read as written in capitals
	}{
		{"TWO PEOPLE WHO ATTENDED THE MEETING SPOKE", false},
		{"THE ENVOY, WHO ADMITTED THE HACKS, LEFT", false},
		{"SAID OFFICIALS WHO ASKED NOT TO BE NAMED", false},
		// near misses: the initialism
		{"WHO NAMES ASPARTAME A POSSIBLE CARCINOGEN", true},
		{"BREAKING: WHO NAMES ASPARTAME A CARCINOGEN", true},
		{"NOW THAT WHO HAS LISTED ASPARTAME, SHOPPERS WORRY", true},
		{"12 CANS A DAY COULD GIVE YOU CANCER, WARNS WHO", true},
		{"THE WHO ADDED ASPARTAME TO ITS LIST", true},
		// not a shouted sentence: capitals mean what they say
		{"Two people WHO attended the meeting spoke", true},
		{"PEOPLE WHO", true},
	} {
		d := newDoc(c.text)
		found := false
		for i := range d.toks {
			if d.word(i) == "who" {
				found = true
				if got := d.toks[i].upper; got != c.want {
					t.Errorf("%q: who upper = %v, want %v", c.text, got, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no token who", c.text)
		}
	}
}
