package engine

// A rewrite changes a few words of the text it revises ("China acknowledges
// …" → "China tacitly acknowledges …"), and judging it reads it again.
// Reading it again whole would try every pattern at every token once more;
// a re-read (Program.ReadAsFrom) tries them only at the tokens where a
// match may differ, and takes the other tokens' matches from the reading
// of the text it revises.
//
// A pattern tried at token i reads tokens i … i+span-1 at most (span: its
// elements' largest repetitions, summed; the end of the text counts as a
// token) and nothing before i, and what it finds depends only on their
// words, capitals, punctuation and which of them share a sentence: the
// sentence's word set (anchors, need) only spares trying a pattern that
// could not match. So where the new text has a run of tokens equal to a
// run of the old one (the same words, capitals and punctuation, in the
// same sentences), the matches at a token of the run are the old token's,
// moved, as long as every pattern that may start there reads no further
// than the run (reach). A pattern the old sentence ruled out by its words
// could match in the new one only with a word from outside the run, which
// it cannot reach either.

// segment is a run of tokens new[n:n+len) equal to old[o:o+len).
type segment struct{ n, o, len int }

// rescan is scan for d, a revision of base, whose occurrences by index x
// (the same index) are baseOcc, non-empty for the signals touched only.
// Its result is scan's.
func (x *patternIndex) rescan(d, base *doc, occ, baseOcc [][]occurrence, touched []int, b *rereadBuf) {
	b.segs = align(d, base, 0, len(d.toks), 0, len(base.toks), b.segs[:0], &b.rows)
	// The old occurrences by the token they start at: at[j] … at[j+1]-1
	// index byStart.
	b.at = append(b.at[:0], make([]int32, len(base.toks)+1)...)
	n := 0
	for _, si := range touched {
		for _, o := range baseOcc[si] {
			b.at[o.first+1]++
			n++
		}
	}
	for j := 1; j < len(b.at); j++ {
		b.at[j] += b.at[j-1]
	}
	b.byStart = append(b.byStart[:0], make([]started, n)...)
	b.fill = append(b.fill[:0], b.at[:len(base.toks)]...)
	for _, si := range touched {
		for _, o := range baseOcc[si] {
			b.byStart[b.fill[o.first]] = started{sig: int32(si), last: int32(o.last)}
			b.fill[o.first]++
		}
	}
	b.next = nextSentences(base, b.next)
	b.reused, b.total = 0, len(d.toks)
	seg := 0
	for i := range d.toks {
		for seg < len(b.segs) && b.segs[seg].n+b.segs[seg].len <= i {
			seg++
		}
		if seg < len(b.segs) && b.segs[seg].n <= i {
			s := b.segs[seg]
			j := s.o + i - s.n
			// The last old token a pattern starting at j may read
			// without leaving the run: the end of the text, when the run
			// ends both texts.
			limit := s.o + s.len - 1
			if s.n+s.len == len(d.toks) && s.o+s.len == len(base.toks) {
				limit++
			}
			if min(x.reach(base, j), int(b.next[j])) <= limit {
				for _, st := range b.byStart[b.at[j]:b.at[j+1]] {
					occ[st.sig] = append(occ[st.sig], occurrence{first: i, last: i + int(st.last) - j})
				}
				b.reused++
				continue
			}
		}
		x.scanAt(d, occ, i)
	}
}

// started is an occurrence of signal sig from a token to token last.
type started struct{ sig, last int32 }

// rereadBuf holds a re-read's buffers, reused with its Reading.
type rereadBuf struct {
	segs          []segment
	rows          []int32
	at, fill      []int32
	next          []int32
	byStart       []started
	reused, total int // tokens whose matches were moved, of all (for tests)
}

// nextSentences returns, for each token of d, the first token of the
// sentences after its own (len(d.toks) for the last), in buf's memory: a
// pattern reads no further.
func nextSentences(d *doc, buf []int32) []int32 {
	buf = append(buf[:0], make([]int32, len(d.toks))...)
	next := int32(len(d.toks))
	for i := len(d.toks) - 1; i >= 0; i-- {
		buf[i] = next
		if i > 0 && d.toks[i-1].sent != d.toks[i].sent {
			next = int32(i)
		}
	}
	return buf
}

// reach returns the last token a pattern that may start at token i of d
// can read by its span (len(d.toks) is the end of the text; a pattern
// reads no further than the next sentence's first token either), or i-1
// when no pattern starts there.
func (x *patternIndex) reach(d *doc, i int) int {
	tok := &d.toks[i]
	span := x.otherSpan
	if tok.id >= 0 && int(tok.id) < len(x.exactSpan) {
		span = max(span, x.exactSpan[tok.id])
	}
	if tok.cap {
		span = max(span, x.capSpan)
	}
	if tok.id < 0 {
		// (a word of the vocabulary has its affixes' patterns among its
		// hits)
		x.eachAffix(d.word(i), func(id int) { span = max(span, x.pats[id].span) })
	}
	return i + int(span) - 1
}

// sameToken reports whether token i of d and token j of e read alike: the
// same word, capitals (an initial, every letter) and punctuation.
func sameToken(d *doc, i int, e *doc, j int) bool {
	a, b := &d.toks[i], &e.toks[j]
	if a.cap != b.cap || a.upper != b.upper || a.punct != b.punct || a.id != b.id {
		return false
	}
	return a.id >= 0 || d.word(i) == e.word(j)
}

// sameStep reports whether tokens i-1 and i of d are in the same sentence
// exactly when tokens j-1 and j of e are.
func sameStep(d *doc, i int, e *doc, j int) bool {
	return (d.toks[i].sent == d.toks[i-1].sent) == (e.toks[j].sent == e.toks[j-1].sent)
}

// maxAlignCells bounds the work of finding the longest common run of two
// stretches of tokens (their lengths multiplied).
const maxAlignCells = 4096

// align appends to segs, in text order, runs of tokens that d[n0:n1] and
// e[o0:o1] share: their common start and end, then, between them, the
// longest common run and, on each side of it, the same again. rows is
// scratch.
func align(d, e *doc, n0, n1, o0, o1 int, segs []segment, rows *[]int32) []segment {
	if n0 >= n1 || o0 >= o1 {
		return segs
	}
	k := 0
	for n0+k < n1 && o0+k < o1 && sameToken(d, n0+k, e, o0+k) && (k == 0 || sameStep(d, n0+k, e, o0+k)) {
		k++
	}
	if k > 0 {
		segs = append(segs, segment{n0, o0, k})
		n0, o0 = n0+k, o0+k
	}
	// The common end, kept aside to be appended last.
	m := 0
	for n1-m > n0 && o1-m > o0 && sameToken(d, n1-1-m, e, o1-1-m) && (m == 0 || sameStep(d, n1-m, e, o1-m)) {
		m++
	}
	end := segment{n1 - m, o1 - m, m}
	n1, o1 = n1-m, o1-m
	if n0 < n1 && o0 < o1 && (n1-n0)*(o1-o0) <= maxAlignCells {
		// The longest common run: run[j] is the length of the common run
		// ending at d's token i and e's token o0+j, a row per i.
		w := o1 - o0
		*rows = append((*rows)[:0], make([]int32, 2*w)...)
		prev, cur := (*rows)[:w], (*rows)[w:]
		best, bi, bj := 0, 0, 0
		for i := n0; i < n1; i++ {
			for j := 0; j < w; j++ {
				cur[j] = 0
				if !sameToken(d, i, e, o0+j) {
					continue
				}
				cur[j] = 1
				if i > n0 && j > 0 && prev[j-1] > 0 && sameStep(d, i, e, o0+j) {
					cur[j] = prev[j-1] + 1
				}
				if int(cur[j]) > best {
					best, bi, bj = int(cur[j]), i, o0+j
				}
			}
			prev, cur = cur, prev
		}
		if best > 0 {
			ns, os := bi-best+1, bj-best+1
			segs = align(d, e, n0, ns, o0, os, segs, rows)
			segs = append(segs, segment{ns, os, best})
			segs = align(d, e, bi+1, n1, bj+1, o1, segs, rows)
		}
	}
	if m > 0 {
		segs = append(segs, end)
	}
	return segs
}
