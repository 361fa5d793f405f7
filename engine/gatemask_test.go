package engine

import (
	"fmt"
	"slices"
	"testing"
)

// TestGateMaskFindsAsTheLoop: a word that starts patterns of many gates
// ("china" here, gateMasked of them and more) has its gates masked
// (maskGates), and the index finds with the mask what it finds visiting
// each group: the gated patterns whose anchor the sentence has, the
// ungated ones, and none whose anchor is only in another sentence.
func TestGateMaskFindsAsTheLoop(t *testing.T) {
	signals := map[string]FileSignal{
		"loose": {Patterns: []string{"china _{0,3} hack*", "china|beijing _{0,2} /[a-z]+ed/"}},
	}
	var names []string
	for n := range gateMasked + 8 {
		name := fmt.Sprintf("g%02d", n)
		names = append(names, name)
		w := fmt.Sprintf("word%c", 'a'+n)
		signals[name] = FileSignal{Patterns: []string{"china _{0,2} " + w, "china " + w + " _{0,1} said|told"}}
	}
	about := "loose"
	for _, n := range names {
		about += "|" + n
	}
	p := signalProgram(t, signals, about, append([]string{"loose"}, names...)...)
	masked := 0
	for _, x := range []*patternIndex{&p.fullIndex, &p.aboutIndex, &p.index} {
		if id, ok := p.vocab["china"]; ok && x.masked != nil && x.masked[id] >= 0 {
			masked++
		}
	}
	if masked == 0 {
		t.Fatalf("no index masks the gates of china (%d gated groups)", gateMasked+8)
	}
	texts := []string{
		"China worda said so, and China hacked wordb; China wordc told them.",
		"China denied it. Wordd and worde were elsewhere.", // the anchors in another sentence
		"China's wordf. China, wordg, wordh. China: hackers. Beijing wordz.",
		"wordq China wordq wordq China wordr said China wordx told, China wordz",
		"China China China. worda wordb wordc",
	}
	var got [][]string
	for _, text := range texts {
		got = append(got, matchedText(p, text))
	}
	for _, x := range []*patternIndex{&p.fullIndex, &p.aboutIndex, &p.index} {
		x.masked = nil
	}
	for _, k := range p.byKind {
		k.index.masked = nil
	}
	for i, text := range texts {
		if want := matchedText(p, text); !slices.Equal(got[i], want) {
			t.Errorf("%q:\n masked   %q\n unmasked %q", text, got[i], want)
		}
	}
	if len(got[1]) != 1 || got[1][0] != "loose: China denied" {
		t.Errorf("%q: %q, want only loose (the anchors are in the next sentence)", texts[1], got[1])
	}
	if want := []string{"g00: China worda said", "g01: China hacked wordb", "g02: China wordc told", "loose: China hacked"}; !slices.Equal(got[0], want) {
		t.Errorf("%q:\n got  %q\n want %q", texts[0], got[0], want)
	}
}
