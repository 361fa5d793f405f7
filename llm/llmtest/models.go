package llmtest

import (
	"encoding/json"
	"net/http"
)

// SetModels sets the models GET /v1/models lists (the Azure endpoint lists
// them too); by default it lists none.
func (s *Server) SetModels(ids ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.models = append([]string(nil), ids...)
}

// serveModels answers GET /v1/models as OpenAI documents it (a list of
// model objects: id, object "model", created, owned_by), with the key
// check of RequireKey.
func (s *Server) serveModels(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	key, ids := s.key, s.models
	s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Header: r.Header.Clone()})
	s.mu.Unlock()
	if key != "" && r.Header.Get("Authorization") != "Bearer "+key && r.Header.Get("api-key") != key {
		writeReply(w, r, Error(http.StatusUnauthorized, "invalid_request_error", "Incorrect API key provided."))
		return
	}
	data := make([]map[string]any, 0, len(ids))
	for _, id := range ids {
		data = append(data, map[string]any{"id": id, "object": "model", "created": 1686935002, "owned_by": "organization-owner"})
	}
	b, _ := json.Marshal(map[string]any{"object": "list", "data": data})
	writeReply(w, r, Reply{Body: string(b)})
}
