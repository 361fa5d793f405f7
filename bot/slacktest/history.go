package slacktest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
)

// posted is a message kept in a channel's history.
type posted struct {
	channel, ts, threadTS, text string
	metadata                    json.RawMessage // chat.postMessage's metadata, if any
}

// keep adds a chat.postMessage to its channel's history.
func (s *Server) keep(form url.Values, ts string) {
	p := posted{channel: form.Get("channel"), ts: ts, threadTS: form.Get("thread_ts"), text: form.Get("text")}
	if m := form.Get("metadata"); m != "" && json.Valid([]byte(m)) {
		p.metadata = json.RawMessage(m)
	}
	s.mu.Lock()
	s.posted = append(s.posted, p)
	s.mu.Unlock()
}

// history answers conversations.history (the channel's top-level messages,
// newest first, between oldest and latest) and conversations.replies (the
// messages of the thread ts), as Slack does: metadata only with
// include_all_metadata, at most limit messages a page, paged by cursor.
func (s *Server) history(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "invalid_form_data"})
			return
		}
		form := r.PostForm
		if !s.preamble(w, r, method, form, s.BotToken) {
			return
		}
		channel := form.Get("channel")
		if channel == "" || s.isNotMember(channel) {
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "channel_not_found"})
			return
		}
		thread := form.Get("ts")
		if method == "conversations.replies" && thread == "" {
			writeJSON(w, http.StatusOK, map[string]any{"ok": false, "error": "thread_not_found"})
			return
		}
		limit, _ := strconv.Atoi(form.Get("limit"))
		if limit <= 0 || limit > 999 {
			limit = 100
		}
		limit, ok := s.historyAllowed(w, limit)
		if !ok {
			return
		}
		form.Del("token")
		s.record(Call{Method: method, Form: form})
		oldest, _ := strconv.ParseFloat(form.Get("oldest"), 64)
		latest, _ := strconv.ParseFloat(form.Get("latest"), 64)
		withMeta := form.Get("include_all_metadata") == "1" || form.Get("include_all_metadata") == "true"
		offset, _ := strconv.Atoi(form.Get("cursor"))

		var match []map[string]any
		s.mu.Lock()
		for i := len(s.posted) - 1; i >= 0; i-- {
			p := s.posted[i]
			ts, _ := strconv.ParseFloat(p.ts, 64)
			switch {
			case p.channel != channel:
				continue
			case method == "conversations.history" && p.threadTS != "" && p.threadTS != p.ts:
				continue // thread replies are not in the channel's history
			case method == "conversations.replies" && p.threadTS != thread && p.ts != thread:
				continue
			case oldest > 0 && ts <= oldest, latest > 0 && ts >= latest:
				continue
			}
			m := map[string]any{"type": "message", "subtype": "bot_message", "bot_id": "B0FAKE", "app_id": "A0FAKE", "text": p.text, "ts": p.ts}
			if p.threadTS != "" {
				m["thread_ts"] = p.threadTS
			}
			if withMeta && p.metadata != nil {
				m["metadata"] = p.metadata
			}
			match = append(match, m)
		}
		s.mu.Unlock()
		if method == "conversations.replies" { // oldest first, as Slack lists a thread
			for i, j := 0, len(match)-1; i < j; i, j = i+1, j-1 {
				match[i], match[j] = match[j], match[i]
			}
		}
		page, next := match[min(offset, len(match)):], ""
		if len(page) > limit {
			page, next = page[:limit], strconv.Itoa(offset+limit)
		}
		writeJSON(w, http.StatusOK, map[string]any{
			"ok": true, "messages": page, "has_more": next != "",
			"response_metadata": map[string]any{"next_cursor": next},
		})
	}
}

// AddMessages puts n messages from other people in channel's history, as in
// a busy channel, so a search has pages to go through.
func (s *Server) AddMessages(channel string, n int) {
	for i := 0; i < n; i++ {
		s.keep(url.Values{"channel": {channel}, "text": {"chatter " + strconv.Itoa(i)}}, s.nextTS())
	}
}
