package config

import (
	"log/slog"
	"net"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/factgrade/factgrade/rubric"
)

// reader reads settings from the environment, records where each came from
// and collects problems instead of stopping at the first.
type reader struct {
	getenv   func(string) string
	readFile func(string) ([]byte, error)
	problems problems
	sources  map[string]string
}

// Sources of a setting's value, as Redacted shows them.
const (
	sourceDefault = "default"
	sourceEnv     = "env"
	sourceFile    = "config file"
)

// raw returns the trimmed value of env var name and records its source.
func (r *reader) raw(name string) string {
	v := strings.TrimSpace(r.getenv(name))
	if v != "" {
		r.sources[name] = sourceEnv
	}
	return v
}

func (r *reader) str(name, def string) string {
	if v := r.raw(name); v != "" {
		return v
	}
	if def != "" {
		r.sources[name] = sourceDefault
	}
	return def
}

// secret reads name, or the file named by name_FILE. Setting both is a
// problem: it is never clear which one the operator meant.
func (r *reader) secret(name string) Secret {
	v := r.raw(name)
	path := r.raw(name + "_FILE")
	switch {
	case v != "" && path != "":
		r.problems.add(name, "set both %s and %s_FILE; keep only one (the _FILE form for Docker and Kubernetes secrets)", name, name)
		return Secret{}
	case path == "":
		return Secret{value: v}
	}
	b, err := r.readFile(path)
	if err != nil {
		r.problems.add(name+"_FILE", "cannot read %s (%v); put the path of a readable file holding %s there, or set %s directly", path, cause(err), name, name)
		return Secret{}
	}
	s := strings.TrimSpace(string(b))
	if s == "" {
		r.problems.add(name+"_FILE", "%s is empty; put %s in that file", path, name)
		return Secret{}
	}
	r.sources[name] = "file " + path
	return Secret{value: s}
}

// cause strips the operation and path that *fs.PathError repeats, leaving
// "no such file or directory" and the like.
func cause(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok || u.Unwrap() == nil {
			return err
		}
		err = u.Unwrap()
	}
}

func (r *reader) enum(name, def string, allowed ...string) string {
	v := r.str(name, def)
	for _, a := range allowed {
		if strings.EqualFold(v, a) {
			return a
		}
	}
	r.problems.add(name, "%q is not one of %s; put one of them there, or unset it for %s", v, strings.Join(allowed, ", "), def)
	return def
}

// duration reads a positive duration.
func (r *reader) duration(name string, def time.Duration) time.Duration {
	return r.durationMin(name, def, false)
}

// durationMin reads a duration that must be positive, or at least zero
// when zero is true.
func (r *reader) durationMin(name string, def time.Duration, zero bool) time.Duration {
	v := r.str(name, "")
	if v == "" {
		r.sources[name] = sourceDefault
		return def
	}
	d, err := time.ParseDuration(v)
	switch {
	case err == nil && d > 0, err == nil && zero && d == 0:
		return d
	case zero:
		r.problems.add(name, "%q is not a duration of zero or more; put a value such as %s (units: ms, s, m, h), or 0s", v, def)
	default:
		r.problems.add(name, "%q is not a positive duration; put a value such as %s (units: ms, s, m, h)", v, def)
	}
	return def
}

func (r *reader) integer(name string, def, lo, hi int) int {
	v := r.str(name, "")
	if v == "" {
		r.sources[name] = sourceDefault
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		r.problems.add(name, "%q is not a whole number from %d to %d; put one there, or unset it for %d", v, lo, hi, def)
		return def
	}
	return n
}

func (r *reader) boolean(name string, def bool) bool {
	v := r.str(name, "")
	if v == "" {
		r.sources[name] = sourceDefault
		return def
	}
	switch strings.ToLower(v) {
	case "1", "true", "yes", "on":
		return true
	case "0", "false", "no", "off":
		return false
	}
	r.problems.add(name, "%q is not true or false; put true or false there", v)
	return def
}

func (r *reader) level(name string) slog.Level {
	v := r.str(name, "info")
	l, err := ParseLogLevel(v)
	if err != nil {
		r.problems.add(name, "%q is not a log level; put debug, info, warn or error there", v)
	}
	return l
}

// url reads an absolute http or https URL.
func (r *reader) url(name, def string) string {
	v := r.str(name, def)
	if v == "" {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.problems.add(name, "%q is not an http:// or https:// URL; put the full base URL there, such as %s", v, urlExample(name))
		return ""
	}
	return v
}

func urlExample(name string) string {
	if name == "SLACK_API_URL" {
		return DefaultSlackAPIURL
	}
	return "https://api.openai.com/v1 or http://ollama:11434/v1"
}

// addr reads a listen address host:port; the host may be empty.
func (r *reader) addr(name, def string) string {
	v := r.str(name, def)
	if _, err := ListenPort(v); err != nil {
		r.problems.add(name, "%q is not a listen address; put HOST:PORT or :PORT there, such as %s", v, DefaultAddr)
		return ""
	}
	return v
}

// ListenPort returns the port of a listen address such as ":8080" or
// "0.0.0.0:8080".
func ListenPort(addr string) (int, error) {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 0 || n > 65535 {
		return 0, &strconv.NumError{Func: "ListenPort", Num: port, Err: strconv.ErrRange}
	}
	return n, nil
}

// list reads a list of paths separated like PATH.
func (r *reader) list(name string) []string {
	var out []string
	for _, p := range filepath.SplitList(r.raw(name)) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// rubricID reads a rubric id (rubric.ValidID); empty means none is set.
// Whether such a rubric is loaded is checked once rubrics are loaded.
func (r *reader) rubricID(name string) string {
	v := r.str(name, "")
	if v != "" && !rubric.ValidID(v) {
		r.problems.add(name, "%q is not a rubric id (%s); put an id from 'factgrade rubric list' there", v, rubric.IDRule)
		return ""
	}
	return v
}

// userIDPattern is the form of a Slack user id.
var userIDPattern = regexp.MustCompile(`^[UW][A-Z0-9]{2,}$`)

// userGroupIDPattern is the form of a Slack user group id.
var userGroupIDPattern = regexp.MustCompile(`^S[A-Z0-9]{2,}$`)

// userIDs reads name as Slack user ids and user group ids separated by
// commas or spaces.
func (r *reader) userIDs(name string) []string {
	var ids []string
	for _, f := range strings.FieldsFunc(r.raw(name), func(c rune) bool { return c == ',' || c == ' ' }) {
		if !userIDPattern.MatchString(f) && !userGroupIDPattern.MatchString(f) {
			r.problems.add(name, "%q is not a Slack user id (U… or W…, from the member's profile → ⋮ → Copy member ID) or user group id (S…, from the group's page → ⋮ → Copy group ID)", f)
			continue
		}
		ids = append(ids, f)
	}
	return ids
}
