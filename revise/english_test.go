package revise

import "testing"

func TestInflect(t *testing.T) {
	tests := []struct {
		lemma string
		f     form
		want  string
	}{
		{"acknowledge", formThird, "acknowledges"},
		{"acknowledge", formPast, "acknowledged"},
		{"acknowledge", formGerund, "acknowledging"},
		{"acknowledge", formBase, "acknowledge"},
		{"signal", formPast, "signaled"}, // U.S. spelling
		{"signal", formGerund, "signaling"},
		{"admit", formPast, "admitted"},
		{"cop", formPast, "copped"},
		{"imply", formThird, "implies"},
		{"imply", formPast, "implied"},
		{"confess", formThird, "confesses"},
		{"be", formThird, "is"},
		{"be", formPlural, "are"},
		{"be", formPast, "was"},
		{"be", formBase, "be"},
		{"have", formThird, "has"},
		{"tie", formGerund, "tying"},
	}
	for _, tt := range tests {
		if got := inflect(tt.lemma, tt.f, false); got != tt.want {
			t.Errorf("inflect(%q, %d) = %q, want %q", tt.lemma, tt.f, got, tt.want)
		}
	}
	if got := inflect("be", formPast, true); got != "were" {
		t.Errorf("inflect(be, past, plural) = %q, want were", got)
	}
}

func TestFormOf(t *testing.T) {
	tests := []struct {
		words  []string
		before string
		want   form
	}{
		{[]string{"admits"}, "china", formThird},
		{[]string{"admitted"}, "china", formPast},
		{[]string{"admitted"}, "were", formParticiple},
		{[]string{"admitted"}, "has", formParticiple},
		{[]string{"admitting"}, "", formGerund},
		{[]string{"admit"}, "did", formBase},
		{[]string{"admit"}, "officials", formPlural},
		{[]string{"took", "responsibility"}, "china", formPast},
		{[]string{"taken"}, "", formParticiple},
		{[]string{"admission"}, "china's", formNoun},
		{[]string{"confession"}, "hacking", formNoun},
		{[]string{"open", "admission"}, "an", formNoun},
		{[]string{"role"}, "the", formNoun},
		{[]string{"causes", "cancer"}, "aspartame", formThird},
	}
	for _, tt := range tests {
		if got := formOf(tt.words, tt.before); got != tt.want {
			t.Errorf("formOf(%q, %q) = %d, want %d", tt.words, tt.before, got, tt.want)
		}
	}
}

func TestStyleOf(t *testing.T) {
	tests := []struct {
		text string
		want style
	}{
		{"CHINA SECRETLY ADMITS TO US HACKS", upperCase},
		{"china sort of admitted to volt typhoon lol", lowerCase},
		{"China Admits It Was Behind Volt Typhoon Hacks", titleCase},
		{"U.S. Intelligence: China Admitted Volt Typhoon Attacks in Geneva", titleCase},
		{"China ADMITS it hacked America's water and ports in secret meeting", sentenceCase},
		{"China tacitly acknowledged the hacks, report says", sentenceCase},
	}
	for _, tt := range tests {
		if got := styleOf(tt.text); got != tt.want {
			t.Errorf("styleOf(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
	if got := styled("tacitly acknowledge a role in", titleCase, false); got != "Tacitly Acknowledge a Role in" {
		t.Errorf("styled title = %q", got)
	}
}

func TestArticleFor(t *testing.T) {
	for next, want := range map[string]string{"tacit": "a", "open": "an", "unnamed": "an", "union": "a", "one-off": "a", "idea": "an"} {
		if got := articleFor(next, false); got != want {
			t.Errorf("articleFor(%q) = %q, want %q", next, got, want)
		}
	}
}

func TestHasAside(t *testing.T) {
	tests := map[string]bool{
		"china sort of admitted to volt typhoon in a secret meeting lol":            true,
		"China confirmed it hacked the US power grid over Taiwan and nobody cares":  true,
		"China admitted its hackers hit US water systems, and it's a big deal":      true,
		"China Admits Attacks on US Infrastructure - and the Reason Is No Surprise": true,
		"China admits hacking ports and the water systems of three states":          false,
		"China tacitly acknowledges hacking US — and warns over Taiwan":             false,
		"China tacitly acknowledged hacks in secret meeting with Biden officials":   false,
	}
	for text, want := range tests {
		if got := hasAside(text); got != want {
			t.Errorf("hasAside(%q) = %v, want %v", text, got, want)
		}
	}
}
