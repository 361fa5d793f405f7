package rubric_test

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestCleanedSourceChangesNothingButSpaces proves the cleaned copy of the
// WSJ capture differs from the raw capture only in white space, apart from
// the trailing archive link, which is dropped.
func TestCleanedSourceChangesNothingButSpaces(t *testing.T) {
	raw, err := os.ReadFile("../rubrics/testdata/wsj-2025-04-10-china-acknowledged-role.raw.txt")
	if err != nil {
		t.Fatal(err)
	}
	cleaned, err := os.ReadFile("../rubrics/sources/volt-typhoon-geneva.txt")
	if err != nil {
		t.Fatal(err)
	}
	rawText := string(raw)
	i := strings.LastIndex(rawText, "https://archive.is/")
	if i < 0 {
		t.Fatal("raw capture has no trailing archive link")
	}
	rawText = rawText[:i]
	if got, want := stripSpace(string(cleaned)), stripSpace(rawText); got != want {
		t.Fatalf("cleaned source differs from the raw capture beyond white space:\n got %.200q\nwant %.200q", got, want)
	}
	// Every word the capture glued together is apart in the cleaned copy.
	for _, glued := range []string{"thatBeijing", "intrusionsinto", "networksat", "signalat", "toBeijing", "footholdin", "roominterpreted", "warningto", "thePentagon", "pursuemore", "toSalt", "hackers’targeting", "infrastructurein", "themost", "threatsfacing", "threatsto", "Geneva,Wang", "officialwith", "theinfrastructure", "hacksresulted", "meetingperceived", "commentsas", "andwas", "U.S.from"} {
		if strings.Contains(string(cleaned), glued) {
			t.Errorf("cleaned source still has %q", glued)
		}
	}
}

// TestAspartameSourceChangesNothingButSpaces proves the aspartame rubric's
// source is the desk's copy of the Reuters story (shared/aspartame/source.txt,
// kept as rubrics/testdata/reuters-2023-06-29-aspartame.raw.txt) with nothing
// changed but white space, and that it splits into the header and the eight
// body paragraphs source-provenance.md lists.
func TestAspartameSourceChangesNothingButSpaces(t *testing.T) {
	raw, err := os.ReadFile("../rubrics/testdata/reuters-2023-06-29-aspartame.raw.txt")
	if err != nil {
		t.Fatal(err)
	}
	cleaned, err := os.ReadFile("../rubrics/sources/aspartame-iarc.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := stripSpace(string(cleaned)), stripSpace(string(raw)); got != want {
		t.Fatalf("cleaned source differs from the desk's copy beyond white space:\n got %.200q\nwant %.200q", got, want)
	}
	header, paras := rubric.ParseSource(string(cleaned))
	if len(header) != 3 || header[0] != "Exclusive: WHO's cancer research agency to say aspartame sweetener a possible carcinogen -sources" || header[1] != "By Jennifer Rigby and Richa Naidu" {
		t.Errorf("header = %q, want the headline, the byline and the date", header)
	}
	if len(paras) != 8 || !strings.HasPrefix(paras[0], "LONDON, June 29 (Reuters) –") || !strings.HasPrefix(paras[7], "An IARC spokesperson") {
		t.Errorf("source has %d body paragraphs (first %.30q), want 8 from the dateline to the IARC spokesperson", len(paras), paras[0])
	}
}

func TestSourceParagraphs(t *testing.T) {
	set, err := rubrics.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := set.Get("volt-typhoon-geneva")
	src := r.Source
	if got := len(src.Paragraphs); got != 12 {
		t.Fatalf("source has %d body paragraphs, want 12", got)
	}
	if !strings.HasPrefix(src.Paragraphs[0], "WASHINGTON—") {
		t.Errorf("paragraph 1 = %.40q, want the body's first paragraph (headline, subhead and byline kept apart)", src.Paragraphs[0])
	}
	if src.Headline != "In Secret Meeting, China Acknowledged Role in U.S. Infrastructure Hacks" {
		t.Errorf("headline = %q", src.Headline)
	}
	tests := []struct {
		quote string
		hint  int
		para  int
		ok    bool
	}{
		{"were indirect and somewhat ambiguous", 5, 5, true},
		{"were indirect and somewhat ambiguous", 0, 5, true},
		{"Wang or the other Chinese officials didn't directly state", 12, 12, true}, // straight apostrophe
		{"using  cybersecurity\nto smear", 0, 10, true},                             // white space
		{"\"using cybersecurity to smear and slander China\"", 0, 10, true},         // straight quotes
		{"China openly admitted the hacks", 0, 0, false},
		{"ab", 0, 0, false},
	}
	for _, tt := range tests {
		c, ok := src.Find(tt.quote, tt.hint)
		if ok != tt.ok || c.Paragraph != tt.para {
			t.Errorf("Find(%q) = ¶%d, %v; want ¶%d, %v", tt.quote, c.Paragraph, ok, tt.para, tt.ok)
			continue
		}
		if ok && !strings.Contains(src.Paragraphs[c.Paragraph-1], c.Quote) {
			t.Errorf("Find(%q) returned %q, which is not verbatim in ¶%d", tt.quote, c.Quote, c.Paragraph)
		}
	}
	if _, ok := src.Verify(rubric.Citation{Paragraph: 4, Quote: "were indirect and somewhat ambiguous"}); ok {
		t.Error("Verify accepted a quote at the wrong paragraph")
	}
}
