package bot_test

import (
	"net/url"
	"os"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/factgrade/factgrade/bot"
)

type manifest struct {
	Features struct {
		AppHome struct {
			HomeTab bool `yaml:"home_tab_enabled"`
		} `yaml:"app_home"`
		SlashCommands []struct{ Command, URL string } `yaml:"slash_commands"`
		Shortcuts     []struct {
			Type       string
			CallbackID string `yaml:"callback_id"`
		}
	}
	OAuth struct {
		Scopes struct{ Bot []string }
	} `yaml:"oauth_config"`
	Settings struct {
		Events struct {
			RequestURL string   `yaml:"request_url"`
			BotEvents  []string `yaml:"bot_events"`
		} `yaml:"event_subscriptions"`
		Interactivity struct {
			Enabled    bool   `yaml:"is_enabled"`
			RequestURL string `yaml:"request_url"`
		}
		SocketMode bool `yaml:"socket_mode_enabled"`
	}
}

// TestManifests checks that the app manifests name what the bot answers:
// the command, the shortcut's callback id, the event and the URL paths.
func TestManifests(t *testing.T) {
	for _, tc := range []struct {
		file   string
		socket bool
	}{{"../deploy/slack/manifest.yaml", false}, {"../deploy/slack/manifest-socket-mode.yaml", true}} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			var m manifest
			if err := yaml.Unmarshal(data, &m); err != nil {
				t.Fatal(err)
			}
			path := func(u string) string {
				p, err := url.Parse(u)
				if err != nil {
					return "bad url " + u
				}
				return p.Path
			}
			f, s := m.Features, m.Settings
			if len(f.SlashCommands) != 1 || f.SlashCommands[0].Command != bot.CommandName {
				t.Errorf("slash commands = %+v, want %s", f.SlashCommands, bot.CommandName)
			}
			if len(f.Shortcuts) != 1 || f.Shortcuts[0].Type != "message" || f.Shortcuts[0].CallbackID != bot.CallbackShortcut {
				t.Errorf("shortcuts = %+v, want a message shortcut %s", f.Shortcuts, bot.CallbackShortcut)
			}
			if !f.AppHome.HomeTab || len(s.Events.BotEvents) != 1 || s.Events.BotEvents[0] != "app_home_opened" || !s.Interactivity.Enabled {
				t.Errorf("home tab, events or interactivity not set up: %+v %+v", f.AppHome, s)
			}
			if s.SocketMode != tc.socket {
				t.Errorf("socket_mode_enabled = %v, want %v", s.SocketMode, tc.socket)
			}
			if !tc.socket {
				for got, want := range map[string]string{
					path(f.SlashCommands[0].URL): "/slack/commands", path(s.Events.RequestURL): "/slack/events", path(s.Interactivity.RequestURL): "/slack/interactivity",
				} {
					if got != want {
						t.Errorf("request URL path %q, want %q", got, want)
					}
				}
			}
			if want := []string{"chat:write", "chat:write.public", "commands", "channels:history", "groups:history", "users:read", "usergroups:read", "channels:read", "groups:read", "im:read", "mpim:read"}; !slices.Equal(m.OAuth.Scopes.Bot, want) {
				t.Errorf("bot scopes = %v, want the least needed %v", m.OAuth.Scopes.Bot, want)
			}
		})
	}
}
