package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/factgrade/factgrade/config"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
)

const configUsage = `Usage: factgrade config check [--offline]

Reads the configuration as 'factgrade serve' would (environment, <NAME>_FILE
secrets, FACTGRADE_CONFIG), loads and lints the embedded rubrics and those in
FACTGRADE_RUBRIC_DIRS, checks that the SQLite directory is writable, prints
the effective configuration with secrets redacted, and lists every problem
with what to put there. Then, unless --offline, it checks what serve will
reach: the database answers (and its schema version), Slack accepts the
bot token (auth.test), and with an llm or hybrid judge the model server
lists OPENAI_MODEL. FACTGRADE_* variables that are not settings are warned
about, and so is a binary built with a Go older than go1.26.10 (it lacks
standard-library security fixes: build with go1.27.3, as the Dockerfile does).
Exit status: 0 when the configuration is usable, 2 when it has problems.

Flags:
  --offline   check only what needs no network or database (for CI)`

// runConfig runs 'factgrade config check'.
func runConfig(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("config", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprintln(e.stderr, configUsage) }
	if len(args) > 0 && args[0] == "check" {
		args = args[1:]
	} else if len(args) == 0 || !strings.HasPrefix(args[0], "-") {
		return usagef("usage: factgrade config check")
	}
	offline := fs.Bool("offline", false, "check only what needs no network or database")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("config check takes no arguments, got %q", fs.Args())
	}

	if w := goVersionWarning(goVersion()); w != "" {
		fmt.Fprintf(e.stderr, "warning: %s\n", w)
	}
	if e.environ != nil {
		for _, w := range config.Unknown(e.environ()) {
			fmt.Fprintf(e.stderr, "warning: %s\n", w)
		}
	}
	cfg, err := config.Load(e.getenv, os.ReadFile)
	var problems []config.Problem
	var ce *config.Error
	if errors.As(err, &ce) {
		problems = ce.Problems
	} else if err != nil {
		return fmt.Errorf("config check: %w", err)
	}
	set, rubricProblems := checkRubrics(cfg)
	problems = append(problems, rubricProblems...)
	problems = append(problems, checkDataDir(cfg)...)

	fmt.Fprintln(e.stdout, "factgrade configuration (secrets redacted)")
	fmt.Fprint(e.stdout, cfg.String())
	if set != nil {
		fmt.Fprintf(e.stdout, "rubrics: %s\n", strings.Join(set.IDs(), ", "))
		if cfg.DefaultRubric == "" {
			fmt.Fprintln(e.stdout, "a text whose command and channel name no rubric is graded against the story it is about (FACTGRADE_DEFAULT_RUBRIC is not set)")
		}
	}
	if cfg != nil && len(cfg.Editors) == 0 {
		fmt.Fprintln(e.stdout, "no standards editors (FACTGRADE_STANDARDS_EDITORS is not set): only workspace admins and owners may change a channel's settings or dispute others' grades")
	}
	if len(problems) > 0 {
		return usagef("%v", &config.Error{Problems: problems})
	}
	if !*offline {
		// Reaching out makes sense only with settings that parse.
		problems = append(problems, checkOnline(ctx, e, cfg)...)
		if len(problems) > 0 {
			return usagef("%v", &config.Error{Problems: problems})
		}
	}
	fmt.Fprintln(e.stdout, "configuration OK")
	return nil
}

// checkRubrics loads the rubrics cfg names and checks that the default
// rubric and the digests' rubric filters exist among them.
func checkRubrics(cfg *config.Config) (*rubric.Set, []config.Problem) {
	set, err := rubrics.Load(cfg.RubricDirs...)
	if err != nil {
		return nil, []config.Problem{{
			Setting: "FACTGRADE_RUBRIC_DIRS",
			Message: strings.ReplaceAll(err.Error(), "\n", "\n      ") + "\n    fix the rubric files (check them with 'factgrade rubric lint FILE') or remove the directory",
		}}
	}
	var ps []config.Problem
	if _, ok := set.Get(cfg.DefaultRubric); !ok && cfg.DefaultRubric != "" {
		ps = append(ps, config.Problem{
			Setting: "FACTGRADE_DEFAULT_RUBRIC",
			Message: fmt.Sprintf("no rubric %q is loaded; put one of %s there, or add its file to FACTGRADE_RUBRIC_DIRS", cfg.DefaultRubric, strings.Join(set.IDs(), ", ")),
		})
	}
	for i, d := range cfg.Digests {
		if d.Rubric == "" {
			continue
		}
		if _, ok := set.Get(d.Rubric); !ok {
			ps = append(ps, config.Problem{
				Setting: fmt.Sprintf("digests[%d].filters.rubric", i),
				Message: fmt.Sprintf("no rubric %q is loaded; put one of %s there, or remove the filter", d.Rubric, strings.Join(set.IDs(), ", ")),
			})
		}
	}
	return set, ps
}
