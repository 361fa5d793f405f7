package slacktest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/factgrade/factgrade/bot"
)

// SignedRequest returns a POST of body to target, with the headers Slack
// sends: the request timestamp at and the v0 signature with secret.
func SignedRequest(target, secret, contentType string, body []byte, at time.Time) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	ts := strconv.FormatInt(at.Unix(), 10)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
	req.Header.Set(bot.HeaderTimestamp, ts)
	req.Header.Set(bot.HeaderSignature, bot.Signature([]byte(secret), ts, body))
	return req, nil
}

// Form content types.
const (
	FormType = "application/x-www-form-urlencoded"
	JSONType = "application/json"
)

// Slash is a slash command invocation.
type Slash struct {
	TeamID, ChannelID, UserID string
	Command                   string // default "/factcheck"
	Text                      string
	TriggerID                 string
	ResponseURL               string
}

// Form returns the command's form as Slack posts it.
func (c Slash) Form() url.Values {
	cmd := c.Command
	if cmd == "" {
		cmd = "/factcheck"
	}
	return url.Values{
		"token":                 {"deprecated-verification-token"},
		"team_id":               {c.TeamID},
		"team_domain":           {"newsroom"},
		"channel_id":            {c.ChannelID},
		"channel_name":          {"standards"},
		"user_id":               {c.UserID},
		"user_name":             {"editor"},
		"command":               {cmd},
		"text":                  {c.Text},
		"api_app_id":            {"A0FAKE"},
		"is_enterprise_install": {"false"},
		"response_url":          {c.ResponseURL},
		"trigger_id":            {c.TriggerID},
	}
}

// Body returns the form encoded.
func (c Slash) Body() []byte { return []byte(c.Form().Encode()) }

// InteractionBody wraps an interactivity payload in its form, as Slack posts it.
func InteractionBody(payload []byte) []byte {
	return []byte(url.Values{"payload": {string(payload)}}.Encode())
}

func mustJSON(v any) []byte {
	js, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return js
}

func team(id string) map[string]any { return map[string]any{"id": id, "domain": "newsroom"} }
func user(id string) map[string]any {
	return map[string]any{"id": id, "username": "editor", "name": "editor", "team_id": "T0"}
}

// MessageShortcut is the payload of a message shortcut (message_action)
// used on a message with text, ts and, when in a thread, threadTS; its
// response_url leads nowhere (see Shortcut for one that does).
func MessageShortcut(teamID, channelID, userID, triggerID, text, ts, threadTS string) []byte {
	return Shortcut{TeamID: teamID, ChannelID: channelID, UserID: userID, TriggerID: triggerID, Text: text, TS: ts, ThreadTS: threadTS,
		ResponseURL: "https://hooks.slack.invalid/app/x"}.Payload()
}

// Shortcut is a message shortcut (message_action) as Slack sends it.
type Shortcut struct {
	TeamID, ChannelID, UserID, TriggerID string
	// Text, TS and ThreadTS are the message's.
	Text, TS, ThreadTS string
	// ResponseURL is the response_url Slack sends with message shortcuts
	// (Server.ResponseURL makes one the fake answers).
	ResponseURL string
}

// Payload is the shortcut's JSON payload.
func (c Shortcut) Payload() []byte {
	msg := map[string]any{"type": "message", "user": "U0AUTHOR", "text": c.Text, "ts": c.TS}
	if c.ThreadTS != "" {
		msg["thread_ts"] = c.ThreadTS
	}
	return mustJSON(map[string]any{
		"type": "message_action", "token": "deprecated-verification-token",
		"action_ts": "1700000001.000001", "callback_id": "factcheck_message",
		"trigger_id": c.TriggerID, "message_ts": c.TS,
		"team": team(c.TeamID), "user": user(c.UserID),
		"channel":      map[string]any{"id": c.ChannelID, "name": "standards"},
		"message":      msg,
		"response_url": c.ResponseURL,
	})
}

// BlockAction is the payload of a click on button actionID (with value) in
// the message messageTS of channelID.
func BlockAction(teamID, channelID, userID, triggerID, messageTS, actionID, value string, ephemeral bool) []byte {
	return mustJSON(map[string]any{
		"type": "block_actions", "token": "deprecated-verification-token",
		"trigger_id": triggerID, "api_app_id": "A0FAKE",
		"team": team(teamID), "user": user(userID),
		"container": map[string]any{"type": "message", "message_ts": messageTS, "channel_id": channelID, "is_ephemeral": ephemeral},
		"channel":   map[string]any{"id": channelID, "name": "standards"},
		"message":   map[string]any{"type": "message", "ts": messageTS, "text": "graded"},
		"state":     map[string]any{"values": map[string]any{}},
		"actions": []any{map[string]any{
			"type": "button", "action_id": actionID, "block_id": "grade_actions",
			"text": map[string]any{"type": "plain_text", "text": actionID}, "value": value,
			"action_ts": "1700000002.000002",
		}},
		"response_url": "https://hooks.slack.invalid/actions/x",
	})
}

// ViewSubmission is the payload of a submitted modal. values maps block id
// to action id to the element's state, for example
// {"reason": {"reason": {"type": "plain_text_input", "value": "…"}}}.
func ViewSubmission(teamID, userID, viewID, hash, callbackID, privateMetadata string, values map[string]map[string]any) []byte {
	return mustJSON(map[string]any{
		"type": "view_submission", "token": "deprecated-verification-token",
		"trigger_id": "13345224609.738474920.8088930838d88f008e0", "api_app_id": "A0FAKE",
		"team": team(teamID), "user": user(userID),
		"view": map[string]any{
			"id": viewID, "team_id": teamID, "type": "modal", "callback_id": callbackID,
			"private_metadata": privateMetadata, "hash": hash,
			"state": map[string]any{"values": values},
		},
	})
}

// Selected is a static_select's state with option value chosen.
func Selected(value string) map[string]any {
	return map[string]any{"type": "static_select", "selected_option": map[string]any{
		"text": map[string]any{"type": "plain_text", "text": value}, "value": value}}
}

// TextInput is a plain_text_input's state with value typed.
func TextInput(value string) map[string]any {
	return map[string]any{"type": "plain_text_input", "value": value}
}

// AppHomeOpened is an Events API event_callback for user opening the Home tab.
func AppHomeOpened(teamID, userID, eventID string) []byte {
	return mustJSON(map[string]any{
		"token": "deprecated-verification-token", "team_id": teamID, "api_app_id": "A0FAKE",
		"type": "event_callback", "event_id": eventID, "event_time": 1700000000,
		"event": map[string]any{"type": "app_home_opened", "user": userID, "channel": "D0HOME", "tab": "home", "event_ts": "1700000000.000300"},
	})
}

// URLVerification is the challenge Slack sends when the events URL is set.
func URLVerification(challenge string) []byte {
	return mustJSON(map[string]any{"token": "deprecated-verification-token", "challenge": challenge, "type": "url_verification"})
}
