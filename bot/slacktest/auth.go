package slacktest

import (
	"net/http"
)

// authTest answers auth.test as Slack documents it
// (https://api.slack.com/methods/auth.test, example response): who the
// bot token belongs to, or invalid_auth for another token.
func (s *Server) authTest(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_form_data"})
		return
	}
	if !s.preamble(w, r, "auth.test", r.PostForm, s.BotToken) {
		return
	}
	s.record(Call{Method: "auth.test", Form: r.PostForm})
	writeJSON(w, http.StatusOK, map[string]any{
		"ok":      true,
		"url":     "https://subarachnoidspace.slack.com/",
		"team":    "Subarachnoid Workspace",
		"user":    "factgrade",
		"team_id": "T12345678",
		"user_id": "U12345678",
		"bot_id":  "B12345678",
	})
}
