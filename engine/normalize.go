package engine

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalized is a text as a reader sees it, with the way back to the bytes
// it came from. Normalize builds it.
type Normalized struct {
	// Text is the normalised text.
	Text string
	// from[i] and to[i] are the original byte range that Text's byte i
	// came from; from[len(Text)] = to[len(Text)] = len(original).
	from, to []int
}

// Normalize returns text as a reader sees it: compatibility forms composed
// (NFKC: full-width and mathematical letters, ligatures), invisible format
// characters removed (soft hyphen, zero-width space and joiners, byte order
// mark, bidirectional controls, variation selectors), and letters that look
// Latin but are Cyrillic or Greek mapped to the Latin letter inside words
// otherwise written in Latin letters (the "а" of "аdmits"). A word wholly
// in another script is left alone, so a Russian or Greek text stays what it
// is. Original maps a range of Text back to text.
func Normalize(text string) Normalized {
	if isPlainASCII(text) || alreadyNormal(text) {
		return Normalized{Text: text}
	}
	// The runes a reader sees, each with the original bytes it came from.
	var rs []srcRune
	var it norm.Iter
	it.InitString(norm.NFKC, text)
	for start := 0; !it.Done(); {
		seg := it.Next()
		end := it.Pos()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			if !invisible(r) {
				rs = append(rs, srcRune{r, start, end})
			}
		}
		start = end
	}
	mapConfusables(rs)
	out := make([]byte, 0, len(text))
	from := make([]int, 0, len(text)+1)
	to := make([]int, 0, len(text)+1)
	for _, x := range rs {
		k := len(out)
		out = utf8.AppendRune(out, x.r)
		for ; k < len(out); k++ {
			from, to = append(from, x.from), append(to, x.to)
		}
	}
	from, to = append(from, len(text)), append(to, len(text))
	return Normalized{Text: string(out), from: from, to: to}
}

// srcRune is a rune of the normalised text and the original bytes
// [from, to) it came from.
type srcRune struct {
	r        rune
	from, to int
}

// alreadyNormal reports, without allocating, whether Normalize would leave
// text as it is: no invisible character, no confusable letter, and text
// already in NFKC (the common case of curly quotes and accented names).
func alreadyNormal(text string) bool {
	for _, r := range text {
		if r >= utf8.RuneSelf {
			if _, conf := confusables[r]; conf || invisible(r) {
				return false
			}
		}
	}
	return norm.NFKC.IsNormalString(text)
}

// OriginalOffset returns the byte offset of the original text that Text's
// byte i came from (len(original) for len(Text)).
func (n Normalized) OriginalOffset(i int) int {
	if n.from == nil {
		return i
	}
	return n.from[i]
}

// Original returns the byte range of the original text that Text[start:end]
// came from.
func (n Normalized) Original(start, end int) (int, int) {
	if n.from == nil {
		return start, end
	}
	if start >= end {
		return n.from[start], n.from[start]
	}
	return n.from[start], n.to[end-1]
}

// isPlainASCII reports whether s is printable ASCII and white space, which
// Normalize leaves as it is.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' && c != '\n' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// invisible reports whether r is a character a reader does not see: a
// format character (Unicode category Cf: soft hyphen, zero-width space and
// joiners, word joiner, BOM, bidirectional controls), a variation selector,
// or a combining grapheme joiner.
func invisible(r rune) bool {
	switch {
	case r == '\u034f', r >= '\ufe00' && r <= '\ufe0f', r >= 0xe0100 && r <= 0xe01ef:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// confusables maps Cyrillic and Greek letters that are drawn like a Latin
// letter to that letter (after Unicode's confusables.txt, the common ones).
var confusables = map[rune]rune{
	// Cyrillic lower case
	'а': 'a', 'е': 'e', 'ё': 'ë', 'һ': 'h', 'і': 'i', 'ї': 'ï', 'ј': 'j',
	'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'ү': 'y',
	// Cyrillic upper case
	'А': 'A', 'В': 'B', 'Е': 'E', 'Ё': 'Ë', 'І': 'I', 'Ї': 'Ï', 'Ј': 'J', 'К': 'K', 'М': 'M', 'Н': 'H',
	'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'У': 'Y', 'Х': 'X', 'Ѕ': 'S', 'Ԁ': 'D', 'Ԛ': 'Q', 'Ԝ': 'W', 'Ү': 'Y', 'Ӏ': 'I',
	// Greek
	'α': 'a', 'ο': 'o', 'ν': 'v', 'ι': 'i', 'ρ': 'p', 'υ': 'u',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
	'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	// Latin look-alikes outside ASCII
	'ı': 'i', 'ɡ': 'g', 'ɑ': 'a', 'ℓ': 'l',
}

// mapConfusables maps confusable letters to Latin in every word that
// holds an ASCII letter too, and in words made only of confusables when the
// text is written mostly in Latin letters.
func mapConfusables(rs []srcRune) {
	latin, other := 0, 0
	for _, x := range rs {
		switch {
		case x.r < utf8.RuneSelf && unicode.IsLetter(x.r):
			latin++
		case unicode.IsLetter(x.r):
			if _, ok := confusables[x.r]; !ok {
				other++
			}
		}
	}
	mostlyLatin := latin > other
	for i := 0; i < len(rs); {
		j := i
		hasLatin, hasConfusable, onlyConfusable := false, false, true
		for ; j < len(rs) && (unicode.IsLetter(rs[j].r) || unicode.IsMark(rs[j].r)); j++ {
			_, conf := confusables[rs[j].r]
			hasConfusable = hasConfusable || conf
			hasLatin = hasLatin || rs[j].r < utf8.RuneSelf
			onlyConfusable = onlyConfusable && conf
		}
		if j == i {
			i++
			continue
		}
		if hasConfusable && (hasLatin || onlyConfusable && mostlyLatin) {
			for k := i; k < j; k++ {
				if m, ok := confusables[rs[k].r]; ok {
					rs[k].r = m
				}
			}
		}
		i = j
	}
}
