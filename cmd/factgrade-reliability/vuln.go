package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"time"
)

// vulnCommand is the CI step that looks for known vulnerabilities.
const vulnCommand = ".ci/govulncheck"

// vulnResult is the outcome of one run of vulnCommand.
type vulnResult struct {
	code     int // exit status: 0 clean, 3 a vulnerability the code calls
	elapsed  time.Duration
	setup    []string // its "+ " lines: the Go, the tools, the database
	findings []string // one per vulnerability the code calls: ID, found in, fixed in
	summary  string   // govulncheck's closing paragraph
	output   string   // the whole output, shown when the run failed otherwise
}

// runVulncheck runs vulnCommand in the current directory (the repository's
// root) and reads its text output.
func runVulncheck() *vulnResult {
	cmd := exec.Command("bash", vulnCommand)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	started := time.Now()
	err := cmd.Run()
	r := parseVulncheck(out.String())
	r.elapsed = time.Since(started)
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		r.code = -1
		r.output = err.Error()
	}
	return r
}

var (
	vulnID    = regexp.MustCompile(`^Vulnerability #\d+: (\S+)`)
	vulnFound = regexp.MustCompile(`^\s+Found in: (\S+)`)
	vulnFixed = regexp.MustCompile(`^\s+Fixed in: (\S+)`)
	// vulnDBPath is the database's temporary directory in the command line.
	vulnDBPath = regexp.MustCompile(`-db file://\S+ `)
)

// parseVulncheck reads the output of vulnCommand: its own "+ " lines and
// govulncheck's text report. Only the symbol results (vulnerabilities the
// code calls) are listed one by one; the closing paragraph counts the rest.
func parseVulncheck(out string) *vulnResult {
	r := &vulnResult{output: out}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			r.findings = append(r.findings, strings.Join(cur, ", "))
		}
		cur = nil
	}
	symbols := true // before the package and module results
	for _, line := range lines {
		switch {
		case strings.HasPrefix(line, "+ "):
			r.setup = append(r.setup, vulnDBPath.ReplaceAllString(strings.TrimPrefix(line, "+ "), ""))
		case strings.HasPrefix(line, "=== ") && line != "=== Symbol Results ===":
			flush()
			symbols = false
		case !symbols:
		case vulnID.MatchString(line):
			flush()
			cur = []string{vulnID.FindStringSubmatch(line)[1]}
		case cur != nil && vulnFound.MatchString(line):
			cur = append(cur, "found in "+vulnFound.FindStringSubmatch(line)[1])
		case cur != nil && vulnFixed.MatchString(line):
			cur = append(cur, "fixed in "+vulnFixed.FindStringSubmatch(line)[1])
		}
	}
	flush()
	// The closing paragraph: from the last "No vulnerabilities found." or
	// "Your code is affected…" to the end.
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], "No vulnerabilities found") || strings.HasPrefix(lines[i], "Your code ") {
			r.summary = strings.Join(strings.Fields(strings.Join(lines[i:], " ")), " ")
			break
		}
	}
	return r
}

// renderVulncheck writes RELIABILITY.md's section on known vulnerabilities.
func renderVulncheck(w io.Writer, r *vulnResult) {
	fmt.Fprintf(w, "## Known vulnerabilities (govulncheck)\n\n")
	fmt.Fprintf(w, "The module's code, the modules it requires and the standard library of the Go in use (go.mod's toolchain line, go1.27.3, the Go of the image's build stage), against a copy of the Go vulnerability database built from the `golang.org/x/vulndb` module: the public database cannot be reached from here. A step of `.ci/run`, which fails on a vulnerability the code calls (exit status 3); one in a package the code imports but never calls into is counted below and does not fail. go1.26.8 had 10 that the code calls (net/http, net/textproto, crypto/tls, crypto/x509), hence releases built with go1.27.3 (docs/OPERATIONS.md, section 14).\n\n")
	fmt.Fprintf(w, "Run: `%s`\n\n", vulnCommand)
	outcome := "**pass**"
	switch {
	case r.code == 3:
		outcome = "**FAIL**: vulnerabilities the code calls"
	case r.code != 0 || r.summary == "":
		outcome = fmt.Sprintf("**did not run** (exit status %d)", r.code)
	}
	fmt.Fprintf(w, "| Check | Result |\n|---|---|\n")
	fmt.Fprintf(w, "| %s | %s (%.0f s)%s |\n", cell(strings.Join(r.setup, "; ")), outcome, r.elapsed.Seconds(), cell(prefixed(": ", r.summary)))
	for _, f := range r.findings {
		fmt.Fprintf(w, "| ↳ %s | |\n", cell(f))
	}
	fmt.Fprintln(w)
	if r.summary == "" {
		fmt.Fprintf(w, "```\n%s\n```\n\n", lastLines(r.output, 12))
	}
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"…"}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}
