package blockkit

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"<!channel> hi":               "&lt;!channel&gt; hi",
		"<https://evil.example|bank>": "&lt;https://evil.example|bank&gt;",
		"AT&T":                        "AT&amp;T",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	long := strings.Repeat("a", 20) + "&amp;" + strings.Repeat("b", 20)
	for _, max := range []int{30, 40, 45, 50} {
		got := Truncate(long, max)
		if utf8.RuneCountInString(got) > max && utf8.RuneCountInString(long) > max {
			t.Errorf("Truncate(_, %d) is %d characters", max, utf8.RuneCountInString(got))
		}
		if utf8.RuneCountInString(long) > max && !strings.HasSuffix(got, TruncateNote) {
			t.Errorf("Truncate(_, %d) = %q does not say it was cut", max, got)
		}
		if i := strings.LastIndexByte(got, '&'); i >= 0 && !strings.HasPrefix(got[i:], "&amp;") {
			t.Errorf("Truncate(_, %d) = %q splits an entity", max, got)
		}
	}
	if got := Truncate("short", 10); got != "short" {
		t.Errorf("Truncate(short) = %q", got)
	}
	link := "see <https://example.org/very/long/path|the source> now"
	if got := Truncate(link, 35); strings.Contains(got, "<") {
		t.Errorf("Truncate = %q leaves half a link", got)
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://archive.is/EmTpt":    true,
		"javascript:alert(1)":         false,
		"https://x.example/a|b":       false,
		"http://x.example/<!channel>": false,
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestEscapeText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"China *ADMITS* _it_ ~did~ `it`", "China ∗ADMITS∗ ˍitˍ ∼did∼ ˋitˋ"},
		{"<!channel> & <https://x|y>", "&lt;!channel&gt; &amp; &lt;https://x|y&gt;"},
		{"plain words", "plain words"},
	} {
		if got := EscapeText(tc.in); got != tc.want {
			t.Errorf("EscapeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
