package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/config"
	"github.com/factgrade/factgrade/digest"
	"github.com/factgrade/factgrade/revise"
	"github.com/factgrade/factgrade/rubrics"
	"github.com/factgrade/factgrade/storage"
)

const digestUsage = `--preview [--name NAME] [--json] | --post --name NAME

Digests are defined in the FACTGRADE_CONFIG file (digests:). --preview prints
the named digest (the only one when there is one) for the window so far: from
the end of its last run to now; nothing is recorded. --json prints the Block
Kit message instead of text. --post posts the digest for the window so far to
its channel now and records it, so the next scheduled run starts where it
ends (for deployments without the scheduler); it needs SLACK_BOT_TOKEN.`

// runDigest runs 'factgrade digest'.
func runDigest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "digest", digestUsage)
	preview := fs.Bool("preview", false, "print the digest for the window so far")
	post := fs.Bool("post", false, "post the digest for the window so far now")
	name := fs.String("name", "", "the digest's name, from the config file")
	asJSON := fs.Bool("json", false, "with --preview, print the Block Kit message as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usagef("digest takes no arguments, got %q (run 'factgrade digest -h')", fs.Args())
	case *preview == *post:
		return usagef("give one of --preview and --post (run 'factgrade digest -h')")
	case *post && *name == "":
		return usagef("--post needs --name NAME, the digest to post")
	}
	cfg, err := config.Read(e.getenv, os.ReadFile)
	if err != nil {
		return configError(err)
	}
	if len(cfg.Digests) == 0 {
		return usagef("no digests are defined; put them under digests: in the FACTGRADE_CONFIG file (see docs/OPERATIONS.md)")
	}
	if *post && !cfg.Slack.BotToken.IsSet() {
		return usagef("SLACK_BOT_TOKEN is not set; --post needs the bot token (xoxb-…) to post to Slack")
	}
	s, _, err := openStore(ctx, e, storage.CheckSchema)
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	defer s.Close()
	log := cfg.Logger(e.stderr)
	dc := digest.Config{Store: s, Digests: digestDefinitions(cfg), Logger: log}
	if *post {
		if dc.Poster, err = slackPoster(cfg, s, log); err != nil {
			return err
		}
	}
	sc, err := digest.New(dc)
	if err != nil {
		return err
	}
	if *post {
		// The lock lets this process resume a run a stopped scheduler left
		// claimed; without it (serve is running) a new window is still
		// posted once, as claims are unique.
		if ok, err := sc.Lead(ctx); err == nil && ok {
			defer sc.Stop(context.Background())
		}
		run, err := sc.PostNow(ctx, *name)
		if err != nil {
			return digestError(err)
		}
		fmt.Fprintf(e.stdout, "posted digest %s to %s (ts %s) covering %s – %s\n", run.Name, run.ChannelID, run.MessageTS,
			run.WindowStart.Format(time.RFC3339), run.WindowEnd.Format(time.RFC3339))
		return nil
	}
	r, err := sc.Preview(ctx, *name)
	if err != nil {
		return digestError(err)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(digest.Render(r))
	}
	return digest.WriteText(e.stdout, r)
}

// digestError makes an unknown digest name a usage error.
func digestError(err error) error {
	var ue *digest.UnknownDigestError
	if errors.As(err, &ue) {
		return usagef("%v", ue)
	}
	return fmt.Errorf("digest: %w", err)
}

// digestDefinitions turns the config file's digests into the scheduler's.
func digestDefinitions(cfg *config.Config) []digest.Definition {
	defs := make([]digest.Definition, 0, len(cfg.Digests))
	for _, d := range cfg.Digests {
		defs = append(defs, digest.Definition{
			Name: d.Name, Schedule: d.Schedule, Location: d.Location, Channel: d.Channel,
			Filter: digest.Filter(d.Rubric, d.Channels), PostEmpty: d.PostEmpty,
		})
	}
	return defs
}

// slackPoster returns a bot that only posts (no workers), for --post.
func slackPoster(cfg *config.Config, s storage.Store, log *slog.Logger) (*bot.Bot, error) {
	set, err := rubrics.Load(cfg.RubricDirs...)
	if err != nil {
		return nil, fmt.Errorf("loading rubrics: %w", err)
	}
	api := slack.New(cfg.Slack.BotToken.Reveal(), slack.OptionAPIURL(cfg.Slack.APIURL), slack.OptionHTTPClient(&http.Client{Timeout: 30 * time.Second}))
	return bot.New(bot.Config{Store: s, Rubrics: set, Judge: revise.NewRuleJudge(), Slack: api, Logger: log})
}
