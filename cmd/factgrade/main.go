// Command factgrade grades headlines and summaries of a news story against a
// rubric derived from the story's primary source, from the command line or as
// a Slack bot.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/factgrade/factgrade/storage/storagedb"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, environ: os.Environ})
	stop()
	os.Exit(code)
}

// env is what a command may touch of the outside world, so tests can run
// commands in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// environ lists the environment as KEY=value (os.Environ); nil in
	// tests that pass only getenv.
	environ func() []string
}

// command is one subcommand of factgrade.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists the subcommands in the order usage shows them.
func commands() []command {
	return []command{
		{"grade", "grade a headline or summary and print the report", runGrade},
		{"eval", "grade labelled case files and report accuracy", runEval},
		{"rubric", "list, show or lint rubrics", runRubric},
		{"config", "check the configuration and print it with secrets redacted", runConfig},
		{"serve", "run the Slack bot (HTTP or Socket Mode) with /livez, /readyz and /metrics", runServe},
		{"healthcheck", "exit 0 when the server on FACTGRADE_ADDR answers /livez", runHealthcheck},
		{"migrate", "apply the database migrations this factgrade has", runMigrate},
		{"history", "list graded items from the database", runHistory},
		{"digest", "preview a scheduled digest, or post it now", runDigest},
		{"version", "print the version and the database schema version", runVersion},
	}
}

// usageError is bad input or usage: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{msg: fmt.Sprintf(format, args...)} }

// run runs the command line args and returns the exit code: 0 on success, 2
// on bad input or usage, 1 when something else failed.
func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return exitCode(e.stderr, c.run(ctx, e, args[1:]))
		}
	}
	return exitCode(e.stderr, usagef("unknown command %q; run 'factgrade help' for the list", args[0]))
}

// exitCode turns a command's error into one line on stderr and an exit code.
// It is the one place the CLI translates errors for people.
func exitCode(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, errHelpShown) {
		return 0
	}
	fmt.Fprintf(stderr, "factgrade: %s\n", strings.TrimSpace(err.Error()))
	var ue *usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// newFlags returns a flag set that prints its usage to the command's stderr
// and reports errors instead of exiting.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: factgrade %s %s\n\nFlags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning -h into errHelpShown and other errors into
// usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(textsAreNotFlags(args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelpShown
		}
		return usagef("%v (run 'factgrade %s -h')", err, fs.Name())
	}
	return nil
}

// textsAreNotFlags ends the flags before the first argument that is text,
// not a flag: one that starts with "-" but then has white space before any
// "=" (a pasted bullet list, "- China admitted …"). Flags never do.
func textsAreNotFlags(args []string) []string {
	for i, a := range args {
		if a == "--" {
			return args
		}
		if len(a) < 2 || a[0] != '-' {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "" || strings.ContainsAny(name, " \t\n\r") {
			out := append(append(append([]string(nil), args[:i]...), "--"), args[i:]...)
			return out
		}
	}
	return args
}

// errHelpShown is returned by a command that printed its help on request.
var errHelpShown = errors.New("help shown")

func usage(w io.Writer) {
	fmt.Fprintln(w, "factgrade grades news headlines and summaries against a story's primary source.")
	fmt.Fprintln(w, "\nUsage: factgrade <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'factgrade <command> -h' for a command's flags.")
}

// Version is the build's version, stamped with -ldflags "-X main.Version=…".
var Version = "dev"

// runVersion prints the build's version and the database schema version
// its migrations reach (CHANGELOG.md says which release brought which).
func runVersion(ctx context.Context, e *env, args []string) error {
	schema, err := storagedb.SchemaVersion()
	if err != nil {
		return fmt.Errorf("version: %w", err)
	}
	fmt.Fprintf(e.stdout, "factgrade %s\nschema version %d\n", Version, schema)
	return nil
}
