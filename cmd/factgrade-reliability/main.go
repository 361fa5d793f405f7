// Command factgrade-reliability runs factgrade's reliability and security
// suite and writes RELIABILITY.md: for each scenario what it proves (the
// test's doc comment), how to run it alone, and its result in this run
// (pass or fail, with the figures the test logged on its "RESULT " lines).
// The scenarios are every TestReliability… test (package reliability and
// the SIGKILL test of cmd/factgrade) and the tests elsewhere that already
// cover part of the ground (bad requests, Socket Mode drops, the red-team
// cases, hostile rubric files), listed in scenarios.go, then govulncheck
// (.ci/govulncheck, vuln.go). The fuzz targets of every package are listed
// with the command for a longer run.
//
// Usage, from the repository's root (PostgreSQL scenarios run when
// FACTGRADE_TEST_POSTGRES_URL is set, and are reported skipped otherwise):
//
//	go run ./cmd/factgrade-reliability [-out RELIABILITY.md]
//	go run ./cmd/factgrade-reliability -only '^Load'
//
// With -only, the groups whose title matches are run again and their
// sections replaced in the file, the rest kept from its last full run;
// each section run so says when, at which commit, with which Go and load.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "factgrade-reliability: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("factgrade-reliability", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "RELIABILITY.md", "file to write")
	only := fs.String("only", "", "run only the groups whose title matches this regular expression, and replace their sections in -out, keeping the rest of it (each says when it was run again)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	started := time.Now()
	if *only != "" {
		return runOnly(*only, *out, stdout, stderr)
	}
	var groups []groupResult
	failed := 0
	for _, g := range suite {
		gr, n, err := runGroup(g, stderr)
		if err != nil {
			return err
		}
		failed += n
		groups = append(groups, gr)
	}
	fmt.Fprintf(stderr, "+ known vulnerabilities: %s\n", vulnCommand)
	vuln := runVulncheck()
	if vuln.code != 0 || vuln.summary == "" {
		failed++
	}
	fuzz, err := fuzzTargets()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	render(&b, groups, vuln, fuzz, environment(started))
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d groups, %d failures\n", *out, len(groups), failed)
	if failed > 0 {
		return fmt.Errorf("%d scenarios failed or did not run; see %s", failed, *out)
	}
	return nil
}

// testResult is one test's (or subtest's) outcome in a run.
type testResult struct {
	name    string
	action  string // pass, fail, skip
	elapsed float64
	figures []string // the text of its RESULT lines
	skipMsg string
}

type pkgResult struct {
	tests    []*testResult // in the order they finished
	buildErr string
}

// event is one line of 'go test -json'.
type event struct {
	Action  string
	Test    string
	Elapsed float64
	Output  string
}

// runTests runs the tests of pkg matching re with -json and collects each
// test's outcome and RESULT lines.
func runTests(pkg, re string) (*pkgResult, error) {
	cmd := exec.Command("go", "test", "-count=1", "-json", "-timeout", "5m", "-run", re, pkg)
	cmd.Env = os.Environ()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	res := &pkgResult{}
	byName := map[string]*testResult{}
	var build strings.Builder
	sc := bufio.NewScanner(stdout)
	sc.Buffer(nil, 4<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			build.WriteString(sc.Text() + "\n")
			continue
		}
		if e.Test == "" {
			if e.Action == "output" {
				build.WriteString(e.Output)
			}
			continue
		}
		t := byName[e.Test]
		if t == nil {
			t = &testResult{name: e.Test}
			byName[e.Test] = t
		}
		switch e.Action {
		case "output":
			line := strings.TrimSpace(e.Output)
			if i := strings.Index(line, "RESULT "); i >= 0 {
				t.figures = append(t.figures, line[i+len("RESULT "):])
			}
			if strings.Contains(line, "_test.go:") && !strings.HasPrefix(line, "---") {
				t.skipMsg = line[strings.Index(line, ": ")+2:] // the last line logged: a skip's reason
			}
		case "pass", "fail", "skip":
			t.action, t.elapsed = e.Action, e.Elapsed
			res.tests = append(res.tests, t)
		}
	}
	werr := cmd.Wait()
	var exit *exec.ExitError
	if werr != nil && !errors.As(werr, &exit) {
		return nil, werr
	}
	if len(res.tests) == 0 && werr != nil {
		res.buildErr = strings.TrimSpace(build.String() + stderr.String())
	}
	return res, nil
}

// environment describes the machine and checkout of this run.
func environment(started time.Time) string {
	commit, _ := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	goVersion, _ := exec.Command("go", "env", "GOVERSION").Output()
	load, _ := os.ReadFile("/proc/loadavg")
	cpus := "?"
	if out, err := exec.Command("nproc").Output(); err == nil {
		cpus = strings.TrimSpace(string(out))
	}
	pg := "not set: PostgreSQL scenarios skipped"
	if os.Getenv("FACTGRADE_TEST_POSTGRES_URL") != "" {
		pg = "set: PostgreSQL scenarios ran"
	}
	fields := strings.Fields(string(load))
	if len(fields) > 3 {
		fields = fields[:3]
	}
	return fmt.Sprintf("Last run %s at commit `%s`, %s, %s CPUs, load average %s before the run; FACTGRADE_TEST_POSTGRES_URL %s.",
		started.UTC().Format("2006-01-02 15:04 UTC"), strings.TrimSpace(string(commit)), strings.TrimSpace(string(goVersion)), cpus, strings.Join(fields, " "), pg)
}

// runOnly runs the groups whose title matches expr and replaces their
// sections in the file out, which a full run wrote.
func runOnly(expr, out string, stdout, stderr io.Writer) error {
	re, err := regexp.Compile(expr)
	if err != nil {
		return fmt.Errorf("-only: %w", err)
	}
	old, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	doc, ran, failed := string(old), 0, 0
	for _, g := range suite {
		if !re.MatchString(g.Title) {
			continue
		}
		started := time.Now()
		gr, n, err := runGroup(g, stderr)
		if err != nil {
			return err
		}
		failed += n
		var b bytes.Buffer
		renderGroup(&b, gr, "This section was run again on its own (`-only`): "+environment(started))
		if doc, err = replaceSection(doc, g.Title, b.String()); err != nil {
			return err
		}
		ran++
	}
	if ran == 0 {
		return fmt.Errorf("-only %q matches no group", expr)
	}
	if err := os.WriteFile(out, []byte(doc), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "rewrote %d sections of %s, %d failures\n", ran, out, failed)
	if failed > 0 {
		return fmt.Errorf("%d scenarios failed or did not run; see %s", failed, out)
	}
	return nil
}

// runGroup runs one group of the suite and counts its failures: every test
// that failed, and a group that ran no test at all (its pattern matches
// nothing any more).
func runGroup(g group, stderr io.Writer) (groupResult, int, error) {
	fmt.Fprintf(stderr, "+ %s: go test -run '%s' %s\n", g.Title, g.Run, g.Pkg)
	docs, err := testDocs(g.Pkg)
	if err != nil {
		return groupResult{}, 0, err
	}
	res, err := runTests(g.Pkg, g.Run)
	if err != nil {
		return groupResult{}, 0, err
	}
	failed := 0
	for _, t := range res.tests {
		if t.action == "fail" {
			failed++
		}
	}
	if len(res.tests) == 0 {
		failed++
	}
	return groupResult{group: g, docs: docs, res: res}, failed, nil
}
