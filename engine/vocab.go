package engine

import "math/bits"

// wordTable is a rubric's vocabulary (Program.vocab) as an open-addressing
// hash table, for looking up every token of every text read: a hash of the
// word's bytes, a probe of a few slots and, on a hit, one comparison of
// bytes. It holds no pointer but the string of its words, so the garbage
// collector does not read it.
type wordTable struct {
	// slots holds, for each slot, the hash of its word (its upper 32 bits;
	// never 0 for a word, so 0 marks an empty slot) and the word's id.
	slots []wordSlot
	mask  uint64
	// words holds every word, one after another: id's is
	// words[at[id]:at[id+1]].
	words string
	at    []uint32
	// anchors are the anchors of the program's patterns by word
	// (anchorTable), which reading a text marks by sentence.
	anchors *anchorTable
}

type wordSlot struct {
	hash uint32
	id   int32
}

// newWordTable builds the table of vocab, whose ids are 0 … len(vocab)-1.
func newWordTable(vocab map[string]int32) *wordTable {
	byID := make([]string, len(vocab))
	n := 0
	for w, id := range vocab {
		byID[id] = w
		n += len(w)
	}
	t := &wordTable{at: make([]uint32, len(vocab)+1), anchors: &anchorTable{}}
	buf := make([]byte, 0, n)
	for id, w := range byID {
		t.at[id] = uint32(len(buf))
		buf = append(buf, w...)
	}
	t.at[len(byID)] = uint32(len(buf))
	t.words = string(buf)
	// At most half full, so a probe for a word not in the table (most
	// words of a text) ends at an empty slot within a slot or two.
	size := 16
	for size < 2*len(vocab) {
		size *= 2
	}
	t.slots = make([]wordSlot, size)
	t.mask = uint64(size - 1)
	for id, w := range byID {
		h := wordHash(w)
		for k := h & t.mask; ; k = (k + 1) & t.mask {
			if t.slots[k].hash == 0 {
				t.slots[k] = wordSlot{hash: slotHash(h), id: int32(id)}
				break
			}
		}
	}
	return t
}

// lookup returns the id of word w, or -1.
func (t *wordTable) lookup(w string) int32 {
	h := wordHash(w)
	sh := slotHash(h)
	for k := h & t.mask; ; k = (k + 1) & t.mask {
		s := t.slots[k]
		if s.hash == 0 {
			return -1
		}
		if s.hash == sh && t.words[t.at[s.id]:t.at[s.id+1]] == w {
			return s.id
		}
	}
}

// slotHash is what a slot keeps of a word's hash: its upper half, never 0.
func slotHash(h uint64) uint32 { return uint32(h>>32) | 1 }

// wordHash hashes a word's bytes, eight at a time: words are short, and a
// general-purpose hash costs more than the lookup it serves.
func wordHash(s string) uint64 {
	const m = 0x9e3779b97f4a7c15
	h := uint64(len(s)) * m
	for len(s) >= 8 {
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = mix(h ^ v)
		s = s[8:]
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		v |= uint64(s[i]) << (8 * i)
	}
	return mix(h ^ v)
}

// mix spreads the bits of h over the whole word (a multiply-fold).
func mix(h uint64) uint64 {
	hi, lo := bits.Mul64(h, 0x9e3779b97f4a7c15)
	return hi ^ lo
}
