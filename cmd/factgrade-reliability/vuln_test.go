package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// affected is .ci/govulncheck's output with go1.26.8 (shortened: two of its
// ten vulnerabilities, one trace each).
const affected = `+ go go1.26.8: govulncheck v1.9.0, database from golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018
go: downloading golang.org/x/vuln v1.9.0
+ govulncheck -db file:///tmp/tmp.FGf5qqONvp/db ./... (4789 reports)
=== Symbol Results ===

Vulnerability #1: GO-2026-6809
    Distrust compromised intermediate certificates in crypto/x509
  More info: https://pkg.go.dev/vuln/GO-2026-6809
  Standard library
    Found in: crypto/x509@go1.26.8
    Fixed in: crypto/x509@go1.26.10
    Example traces found:
      #1: llm/llmtest/server.go:303:19: llmtest.Transport.RoundTrip calls io.Copy, which eventually calls x509.Certificate.Verify

Vulnerability #2: GO-2026-6617
    HTTP/2 server crash due to HPACK encoder race in net/http
  More info: https://pkg.go.dev/vuln/GO-2026-6617
  Standard library
    Found in: net/http@go1.26.8
    Fixed in: net/http@go1.26.9
    Example traces found:
      #1: bot/verify.go:64:20: bot.Verifier.Verify calls http.Header.Get

=== Package Results ===

Vulnerability #1: GO-2026-0001
    Imported, never called
    Found in: example.com/m@v1.0.0
    Fixed in: example.com/m@v1.0.1

Your code is affected by 2 vulnerabilities from the Go standard library.
This scan also found 1 vulnerability in packages you import and 0
vulnerabilities in modules you require, but your code doesn't appear to call
these vulnerabilities.
Use '-show verbose' for more details.
`

const clean = `+ go go1.27.3: govulncheck v1.9.0, database from golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018
+ govulncheck -db file:///tmp/tmp.Xq1/db ./... (4789 reports)
No vulnerabilities found.
`

func TestParseVulncheck(t *testing.T) {
	r := parseVulncheck(affected)
	wantSetup := []string{
		"go go1.26.8: govulncheck v1.9.0, database from golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018",
		"govulncheck ./... (4789 reports)",
	}
	if diff := cmp.Diff(wantSetup, r.setup); diff != "" {
		t.Errorf("setup lines (-want +got):\n%s", diff)
	}
	// Only what the code calls is listed one by one.
	wantFindings := []string{
		"GO-2026-6809, found in crypto/x509@go1.26.8, fixed in crypto/x509@go1.26.10",
		"GO-2026-6617, found in net/http@go1.26.8, fixed in net/http@go1.26.9",
	}
	if diff := cmp.Diff(wantFindings, r.findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(r.summary, "Your code is affected by 2 vulnerabilities from the Go standard library. This scan also found 1 vulnerability") {
		t.Errorf("summary = %q", r.summary)
	}

	r = parseVulncheck(clean)
	if len(r.findings) != 0 || r.summary != "No vulnerabilities found." {
		t.Errorf("clean run: findings %q, summary %q", r.findings, r.summary)
	}
}

func TestRenderVulncheck(t *testing.T) {
	for _, tc := range []struct {
		name, out string
		code      int
		want      []string
		notWant   []string
	}{
		{"clean", clean, 0, []string{"| **pass** (", ": No vulnerabilities found. |", "Run: `.ci/govulncheck`"}, []string{"/tmp/", "FAIL"}},
		{"affected", affected, 3, []string{"**FAIL**: vulnerabilities the code calls", "| ↳ GO-2026-6809, found in crypto/x509@go1.26.8, fixed in crypto/x509@go1.26.10 | |"}, []string{"GO-2026-0001"}},
		{"broken", "+ go go1.27.3: …\ngo: module lookup disabled\n", 1, []string{"**did not run** (exit status 1)", "go: module lookup disabled"}, []string{"**pass**"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseVulncheck(tc.out)
			r.code = tc.code
			var b bytes.Buffer
			renderVulncheck(&b, r)
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("section lacks %q:\n%s", w, b.String())
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(b.String(), w) {
					t.Errorf("section has %q:\n%s", w, b.String())
				}
			}
		})
	}
}
