package slacktest

import (
	"net/http"
	"slices"
	"strconv"
)

// The workspace's people, user groups and channel members, for users.info,
// usergroups.users.list and conversations.members. Their answers follow
// Slack's documentation of each method (api.slack.com/methods/…): users.info
// answers {"ok":true,"user":{"id":…,"is_admin":…,"is_owner":…,
// "is_restricted":…,"is_ultra_restricted":…}}, or "user_not_found";
// usergroups.users.list answers {"ok":true,"users":["U…"]}, or
// "no_such_subteam"; conversations.members answers {"ok":true,
// "members":["U…"],"response_metadata":{"next_cursor":""}}, paged by
// cursor and limit, or "channel_not_found"; conversations.info answers
// {"ok":true,"channel":{"id":…,"is_channel":…,"is_private":…,"is_im":…,
// "is_mpim":…}}, or "channel_not_found".

// User is a member of the fake workspace.
type User struct {
	ID string
	// Admin and Owner are workspace admins and owners; Guest is a
	// multi-channel guest (is_restricted).
	Admin, Owner, Guest bool
}

type directory struct {
	private map[string]bool // channel → private (conversations.info)
	users   map[string]User
	groups  map[string][]string
	members map[string][]string
}

// AddUser adds (or replaces) a member of the workspace.
func (s *Server) AddUser(u User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dir.users == nil {
		s.dir.users = map[string]User{}
	}
	s.dir.users[u.ID] = u
}

// SetUserGroup sets the members of a user group (S…).
func (s *Server) SetUserGroup(id string, users ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dir.groups == nil {
		s.dir.groups = map[string][]string{}
	}
	s.dir.groups[id] = slices.Clone(users)
}

// SetMembers sets the members of a channel.
func (s *Server) SetMembers(channel string, users ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dir.members == nil {
		s.dir.members = map[string][]string{}
	}
	s.dir.members[channel] = slices.Clone(users)
}

// SetChannel makes a channel known to conversations.info, public or private.
func (s *Server) SetChannel(id string, private bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dir.private == nil {
		s.dir.private = map[string]bool{}
	}
	s.dir.private[id] = private
}

func (s *Server) directoryCall(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_form_data"})
			return
		}
		form := r.Form // slack-go sends these as forms; GET queries are read too
		if !s.preamble(w, r, method, form, s.BotToken) {
			return
		}
		form.Del("token")
		s.record(Call{Method: method, Form: form})
		s.mu.Lock()
		defer s.mu.Unlock()
		switch method {
		case "users.info":
			u, ok := s.dir.users[form.Get("user")]
			if !ok {
				writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "user_not_found"})
				return
			}
			writeJSON(w, http.StatusOK, map[string]any{"ok": true, "user": map[string]any{
				"id": u.ID, "team_id": "T0TEAM", "name": u.ID, "deleted": false,
				"is_admin": u.Admin || u.Owner, "is_owner": u.Owner, "is_primary_owner": false,
				"is_restricted": u.Guest, "is_ultra_restricted": false, "is_bot": false,
			}})
		case "usergroups.users.list":
			g, ok := s.dir.groups[form.Get("usergroup")]
			if !ok {
				writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "no_such_subteam"})
				return
			}
			writeJSON(w, http.StatusOK, map[string]any{"ok": true, "users": g})
		case "conversations.info":
			id := form.Get("channel")
			private, ok := s.dir.private[id]
			if !ok {
				writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "channel_not_found"})
				return
			}
			writeJSON(w, http.StatusOK, map[string]any{"ok": true, "channel": map[string]any{
				"id": id, "name": id, "is_channel": true, "is_group": false, "is_im": false, "is_mpim": false,
				"is_private": private, "is_archived": false, "is_member": true,
			}})
		case "conversations.members":
			m, ok := s.dir.members[form.Get("channel")]
			if !ok {
				writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "channel_not_found"})
				return
			}
			start, _ := strconv.Atoi(form.Get("cursor"))
			limit, _ := strconv.Atoi(form.Get("limit"))
			if limit <= 0 || limit > 1000 {
				limit = 100
			}
			start = min(max(start, 0), len(m))
			end := min(start+limit, len(m))
			next := ""
			if end < len(m) {
				next = strconv.Itoa(end)
			}
			writeJSON(w, http.StatusOK, map[string]any{"ok": true, "members": m[start:end], "response_metadata": map[string]any{"next_cursor": next}})
		}
	}
}
