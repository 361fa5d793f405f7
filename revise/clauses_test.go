package revise

import "testing"

func TestHouseSpelling(t *testing.T) {
	tests := []struct{ added, text, want string }{
		{"U.S. support for Taiwan", "China linked hacks on US ports to trade war", "US support for Taiwan"},
		{"U.S. support for Taiwan", "China linked hacks on U.S. ports to trade war", "U.S. support for Taiwan"},
		{"U.S. support for Taiwan", "China linked hacks on American ports to trade war", "U.S. support for Taiwan"},
		{"U.S. SUPPORT FOR TAIWAN", "CHINA LINKED HACKS ON US PORTS TO TRADE WAR", "US SUPPORT FOR TAIWAN"},
		{", US officials say", "China hinted at the hacks in talks with U.S. envoys", ", U.S. officials say"},
		{", US officials say", "China hinted at the hacks in talks with U.S. and US envoys", ", US officials say"},
		{"U.N. and U.S. envoys", "UN talks on U.S. ports", "UN and U.S. envoys"},
		{"", "US", ""},
	}
	for _, tt := range tests {
		if got := houseSpelling(tt.added, tt.text); got != tt.want {
			t.Errorf("houseSpelling(%q, %q) = %q, want %q", tt.added, tt.text, got, tt.want)
		}
	}
}

func TestSmallClause(t *testing.T) {
	tests := []struct {
		text string
		i    int // the end of the verb replaced
		f    form
		want string // the "be" inserted, "" for none
	}{
		{"China confirmed Volt Typhoon behind breaches", 15, formPast, "was "},
		{"China confirms its hackers behind breaches", 14, formThird, "are "},
		{"China confirmed it was behind breaches", 15, formPast, ""},
		{"China confirmed being behind breaches", 15, formPast, ""},
		{"China confirmed hacking ports behind closed doors", 15, formPast, ""},
		{"China confirmed hacks behind closed doors", 15, formPast, ""},
		{"China confirmed that hackers were behind breaches", 15, formPast, ""},
		{"China confirmed Beijing responsible for breaches", 15, formPast, "was "},
	}
	for _, tt := range tests {
		ins, ok := smallClause(tt.text, tt.i, tt.f, sentenceCase)
		got := ""
		if ok {
			got = ins.Added
		}
		if got != tt.want {
			t.Errorf("smallClause(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
