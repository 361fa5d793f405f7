package engine

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// folded is a text normalised for matching, with a map from each byte of the
// normalised text back to the byte of the original it came from.
type folded struct {
	text string
	pos  []int // len(text)+1 entries; pos[len(text)] is len(original)
	buf  []byte
	// ascii: text is ASCII (the original may still have held curly quotes
	// or dashes, which fold to ASCII).
	ascii bool
}

// fold normalises s: curly quotes and primes become straight quotes, dashes
// become '-', every run of Unicode white space becomes one space, and, when
// lower is set, letters are lower-cased.
func fold(s string, lower bool) folded {
	return foldInto(s, lower, nil, nil)
}

// foldInto is fold reusing the given buffers (they may be nil).
func foldInto(s string, lower bool, buf []byte, pos []int) folded {
	b := byteBuilder{buf: buf[:0]}
	pos = pos[:0]
	space, ascii := false, true
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // fast path for ASCII
			const n = 1
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				if !space {
					b.addByte(' ')
					pos = append(pos, i)
					space = true
				}
				i += n
				continue
			case lower && 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			b.addByte(c)
			pos = append(pos, i)
			space = false
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			if !space {
				b.addByte(' ')
				pos = append(pos, i)
				space = true
			}
			i += n
			continue
		case r == '‘' || r == '’' || r == '‛' || r == '′' || r == '`' || r == '´':
			r = '\''
		case r == '“' || r == '”' || r == '„' || r == '″' || r == '«' || r == '»':
			r = '"'
		case r == '–' || r == '—' || r == '‒' || r == '―' || r == '‐' || r == '‑' || r == '−':
			r = '-'
		case r == '…':
			for k := 0; k < 3; k++ {
				b.addByte('.')
				pos = append(pos, i)
			}
			i += n
			space = false
			continue
		case lower:
			r = unicode.ToLower(r)
		}
		start := b.Len()
		ascii = ascii && r < utf8.RuneSelf
		b.addRune(r)
		for k := start; k < b.Len(); k++ {
			pos = append(pos, i)
		}
		space = false
		i += n
	}
	pos = append(pos, len(s))
	return folded{text: string(b.buf), pos: pos, buf: b.buf, ascii: ascii}
}

// byteBuilder is the part of strings.Builder fold needs, over a reusable
// buffer.
type byteBuilder struct{ buf []byte }

func (b *byteBuilder) addByte(c byte) { b.buf = append(b.buf, c) }
func (b *byteBuilder) addRune(r rune) { b.buf = utf8.AppendRune(b.buf, r) }
func (b *byteBuilder) Len() int       { return len(b.buf) }

// span maps the normalised byte range [start, end) back to the original.
func (f folded) span(start, end int) (int, int) {
	s := f.pos[start]
	if end >= len(f.pos)-1 {
		return s, f.pos[len(f.pos)-1]
	}
	// The end is the original byte where the next normalised byte starts,
	// minus any white space that folding collapsed in between.
	e := f.pos[end]
	if end > 0 && f.pos[end-1] == e { // inside a multi-byte expansion
		for end < len(f.pos)-1 && f.pos[end] == e {
			end++
		}
		e = f.pos[end]
	}
	return s, e
}

// NormalizeQuote returns s with quote marks, dashes and white space normalised
// the way quotes of a source are compared (case is kept).
func NormalizeQuote(s string) string {
	return strings.TrimSpace(FoldQuote(s))
}

// FoldQuote is NormalizeQuote without trimming: byte offsets into it are
// what QuoteSpan maps back.
func FoldQuote(s string) string { return fold(s, false).text }

// QuoteSpan returns the text of orig that the range [start, end) of
// FoldQuote(orig) covers, trimmed.
func QuoteSpan(orig string, start, end int) (string, bool) {
	return NewQuoteText(orig).Span(start, end)
}

// QuoteText is a text folded once for quoting (FoldQuote), with the map
// back to the original, for a text quoted again and again (a source's
// paragraph): Span does what QuoteSpan does without folding it again.
type QuoteText struct {
	orig string
	f    folded
}

// NewQuoteText folds orig for quoting.
func NewQuoteText(orig string) QuoteText {
	f := fold(orig, false)
	f.buf = nil // the text keeps its own copy
	return QuoteText{orig: orig, f: f}
}

// Folded returns FoldQuote of the text.
func (q QuoteText) Folded() string { return q.f.text }

// Span returns the text of the original that the range [start, end) of
// Folded covers, trimmed.
func (q QuoteText) Span(start, end int) (string, bool) {
	if start < 0 || end > len(q.f.text) || start >= end {
		return "", false
	}
	s, e := q.f.span(start, end)
	return strings.TrimSpace(q.orig[s:e]), true
}
