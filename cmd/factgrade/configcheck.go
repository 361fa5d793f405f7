package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/config"
	"github.com/factgrade/factgrade/llm"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/storagedb"
)

// checkTimeout bounds each outside call of 'config check'.
const checkTimeout = 10 * time.Second

// checkDataDir checks, without creating anything, that the SQLite file's
// directory is (or can be made) writable: serve would exit otherwise.
func checkDataDir(cfg *config.Config) []config.Problem {
	if cfg.Database.Driver != config.SQLite {
		return nil
	}
	setting := "FACTGRADE_DATA_DIR"
	if cfg.Database.URL.IsSet() {
		setting = "DATABASE_URL"
	}
	dir := filepath.Dir(cfg.Database.Path)
	// The nearest directory that exists is where files or the missing
	// directories get created.
	existing := dir
	for {
		fi, err := os.Stat(existing)
		if err == nil {
			if !fi.IsDir() {
				return []config.Problem{{Setting: setting, Message: fmt.Sprintf("%s is not a directory (needed for %s); point it at a writable directory", existing, dir)}}
			}
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		existing = parent
	}
	f, err := os.CreateTemp(existing, ".factgrade-write-check-*")
	if err != nil {
		return []config.Problem{{Setting: setting, Message: fmt.Sprintf("directory %s is not writable (%v); the SQLite database and its -wal file go in %s: point it at a writable directory, or give the user factgrade runs as (65532 in the image) write access", existing, errors.Unwrap(err), dir)}}
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// checkOnline checks what serve reaches: the database, Slack's auth.test
// and, when the judge calls a model, the model server's list of models.
// Each problem names the setting to fix.
func checkOnline(ctx context.Context, e *env, cfg *config.Config) []config.Problem {
	var ps []config.Problem
	add := func(setting, format string, args ...any) {
		ps = append(ps, config.Problem{Setting: setting, Message: fmt.Sprintf(format, args...)})
	}

	// The database (an existing SQLite file, or PostgreSQL), opened
	// without touching its schema.
	db := cfg.Database
	where := db.String()
	_, statErr := os.Stat(db.Path)
	switch {
	case db.Driver == config.SQLite && errors.Is(statErr, os.ErrNotExist):
		fmt.Fprintf(e.stdout, "database: %s (not created yet; serve creates it)\n", where)
	default:
		dctx, cancel := context.WithTimeout(ctx, checkTimeout)
		s, err := storagedb.Open(dctx, db, storage.Options{Schema: storage.LeaveSchema})
		if err == nil {
			err = s.Ping(dctx)
		}
		if err != nil {
			cancel()
			add("DATABASE_URL", "cannot open %s (%v); check the host, port, database name and credentials, and that the database accepts connections from here", where, err)
			break
		}
		if m, ok := s.(storage.Migrator); ok {
			cur, known, verr := m.SchemaVersion(dctx)
			switch {
			case verr != nil:
				add("DATABASE_URL", "%s answers but its schema version cannot be read (%v)", where, verr)
			case cur > known:
				add("DATABASE_URL", "%s is at schema version %d, newer than this factgrade's %d: run the factgrade release that migrated it (see CHANGELOG.md)", where, cur, known)
			case cur < known && !cfg.Migrate:
				add("FACTGRADE_MIGRATE", "is false but %s is at schema version %d and this factgrade needs %d: run 'factgrade migrate' first, or set it to true", where, cur, known)
			default:
				fmt.Fprintf(e.stdout, "database: %s answers, schema version %d (this factgrade knows %d)\n", where, cur, known)
			}
		}
		s.Close()
		cancel()
	}

	// Slack: the one auth.test check of the token.
	actx, cancel := context.WithTimeout(ctx, checkTimeout)
	api := slack.New(cfg.Slack.BotToken.Reveal(), slack.OptionAPIURL(cfg.Slack.APIURL), slack.OptionHTTPClient(&http.Client{Timeout: checkTimeout}))
	id, err := bot.AuthTest(actx, api)
	cancel()
	switch {
	case errors.Is(err, bot.ErrTokenRefused):
		add("SLACK_BOT_TOKEN", "%v: put the app's Bot User OAuth Token (xoxb-…, OAuth & Permissions) there, and reinstall the app if it was revoked", err)
	case err != nil:
		add("SLACK_API_URL", "cannot reach Slack at %s (%v); check the network, HTTPS_PROXY, or use --offline where there is no network", cfg.Slack.APIURL, err)
	default:
		fmt.Fprintf(e.stdout, "slack: the bot token belongs to %s (team %s, bot user %s)\n", id.Team, id.TeamID, id.UserID)
	}

	// The model server, when the judge calls one.
	if cfg.Judge.UsesLLM() {
		mctx, cancel := context.WithTimeout(ctx, checkTimeout)
		err := llm.CheckModel(mctx, llmConfig(cfg.OpenAI))
		cancel()
		server := cfg.OpenAI.BaseURL
		if server == "" {
			server = "OpenAI"
		}
		switch {
		case errors.Is(err, llm.ErrKeyRefused):
			add("OPENAI_API_KEY", "%v: put a key the model server at %s accepts there", err, server)
		case errors.Is(err, llm.ErrModelMissing):
			add("OPENAI_MODEL", "%v: put one of them there (for a local server, pull the model first)", err)
		case err != nil:
			add("OPENAI_BASE_URL", "cannot reach the model server at %s (%v); check the URL, the network and HTTPS_PROXY, or use --offline", server, err)
		default:
			fmt.Fprintf(e.stdout, "model: %s answers and lists %s\n", server, cfg.OpenAI.Model)
		}
	}
	return ps
}
