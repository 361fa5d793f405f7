package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/slack-go/slack"
)

// ErrTokenRefused is Slack refusing the bot token (auth.test answered
// invalid_auth, token_revoked or the like): the token is wrong, revoked or
// of another app.
var ErrTokenRefused = errors.New("the bot token was refused by Slack")

// Identity is who a bot token belongs to, as auth.test reports it.
type Identity struct {
	TeamID, Team string
	UserID, User string
	BotID        string
	URL          string
}

// AuthTest asks Slack who the bot token of api belongs to (auth.test). It
// is the one check of the token: 'config check' runs it, and so may serve
// at start and /readyz. A token Slack refuses is ErrTokenRefused with
// Slack's error code; failing to reach Slack is another error.
func AuthTest(ctx context.Context, api *slack.Client) (Identity, error) {
	r, err := api.AuthTestContext(ctx)
	if err != nil {
		var se slack.SlackErrorResponse
		if errors.As(err, &se) {
			switch se.Err {
			case "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission", "org_login_required", "ekm_access_denied":
				return Identity{}, fmt.Errorf("auth.test: %w (%s)", ErrTokenRefused, se.Err)
			}
		}
		return Identity{}, fmt.Errorf("auth.test: %w", err)
	}
	return Identity{TeamID: r.TeamID, Team: r.Team, UserID: r.UserID, User: r.User, BotID: r.BotID, URL: r.URL}, nil
}
