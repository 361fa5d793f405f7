package bot_test

import (
	"context"
	"errors"
	"testing"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
)

func TestAuthTest(t *testing.T) {
	fake := slacktest.NewServer("xoxb-good", "")
	defer fake.Close()
	ctx := context.Background()

	id, err := bot.AuthTest(ctx, slack.New("xoxb-good", slack.OptionAPIURL(fake.APIURL())))
	if err != nil || id.TeamID != "T12345678" || id.UserID != "U12345678" {
		t.Errorf("AuthTest(good token) = %+v, %v; want the fake workspace's ids", id, err)
	}
	_, err = bot.AuthTest(ctx, slack.New("xoxb-wrong", slack.OptionAPIURL(fake.APIURL())))
	if !errors.Is(err, bot.ErrTokenRefused) {
		t.Errorf("AuthTest(wrong token) = %v, want ErrTokenRefused", err)
	}
	fake.FailNext("auth.test", "token_revoked")
	_, err = bot.AuthTest(ctx, slack.New("xoxb-good", slack.OptionAPIURL(fake.APIURL())))
	if !errors.Is(err, bot.ErrTokenRefused) {
		t.Errorf("AuthTest(revoked token) = %v, want ErrTokenRefused", err)
	}
	fake.Close()
	_, err = bot.AuthTest(ctx, slack.New("xoxb-good", slack.OptionAPIURL(fake.APIURL())))
	if err == nil || errors.Is(err, bot.ErrTokenRefused) {
		t.Errorf("AuthTest(Slack unreachable) = %v, want an error that is not ErrTokenRefused", err)
	}
}
