package config

import (
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
)

// Driver names a storage backend.
type Driver string

// The storage backends.
const (
	// SQLite is the default: one file in DataDir, one instance.
	SQLite Driver = "sqlite"
	// Postgres is PostgreSQL, for several replicas.
	Postgres Driver = "postgres"
)

// Database says where factgrade keeps its data.
type Database struct {
	// Driver is sqlite when DATABASE_URL is unset or starts with sqlite:,
	// and postgres for a postgres:// or postgresql:// URL.
	Driver Driver
	// URL is DATABASE_URL (or DATABASE_URL_FILE) as given, empty when
	// unset: a postgres:// URL (checked) or sqlite:PATH. It is a Secret
	// because a PostgreSQL URL may hold a password.
	URL Secret
	// Path is the SQLite database file: DATABASE_URL's path after sqlite:,
	// else DataDir/factgrade.db.
	Path string
}

// ParseDatabase parses a DATABASE_URL value as the settings do, with the
// data directory (FACTGRADE_DATA_DIR) for SQLite when it is empty. It is
// the one parser of DATABASE_URL; storagedb.Open takes its result. Tools
// and tests that hold a URL use it; problems are an *Error.
func ParseDatabase(databaseURL, dataDir string) (Database, error) {
	r := &reader{
		getenv: func(name string) string {
			if name == "DATABASE_URL" {
				return databaseURL
			}
			return ""
		},
		readFile: func(string) ([]byte, error) { return nil, nil },
		sources:  map[string]string{},
	}
	if strings.TrimSpace(dataDir) == "" {
		dataDir = DefaultDataDir
	}
	d := r.database("DATABASE_URL", dataDir)
	return d, r.problems.err()
}

// Setting names the setting that says where the database is: DATABASE_URL
// when it is set, else FACTGRADE_DATA_DIR (SQLite in the data directory).
func (d Database) Setting() string {
	if d.URL.IsSet() {
		return "DATABASE_URL"
	}
	return "FACTGRADE_DATA_DIR"
}

// String says where the database is, for people and without secrets:
// "SQLite data/factgrade.db" or "PostgreSQL db.example:5432/factgrade".
func (d Database) String() string {
	if d.Driver == SQLite {
		return "SQLite " + d.Path
	}
	u, err := url.Parse(d.URL.Reveal())
	if err != nil {
		return "PostgreSQL (DATABASE_URL is malformed)"
	}
	w := "PostgreSQL " + u.Host + u.Path
	if sp := u.Query().Get("search_path"); sp != "" {
		w += " (schema " + sp + ")"
	}
	return w
}

// database reads DATABASE_URL. Empty means SQLite in dataDir.
func (r *reader) database(name, dataDir string) Database {
	s := r.secret(name)
	v := s.Reveal()
	switch {
	case v == "":
		return Database{Driver: SQLite, Path: filepath.Join(dataDir, SQLiteFile)}
	case strings.HasPrefix(v, "sqlite:"):
		p := strings.TrimPrefix(strings.TrimPrefix(v, "sqlite:"), "//")
		if p == "" {
			r.problems.add(name, "sqlite: names no file; put sqlite:/data/factgrade.db there, or unset it for %s", filepath.Join(dataDir, SQLiteFile))
		}
		return Database{Driver: SQLite, URL: s, Path: p}
	case strings.HasPrefix(v, "postgres://"), strings.HasPrefix(v, "postgresql://"):
		if msg := checkPostgresURL(v); msg != "" {
			r.problems.add(name, "%s; put a URL such as postgres://factgrade:PASSWORD@db:5432/factgrade?sslmode=disable there", msg)
		}
		return Database{Driver: Postgres, URL: s}
	}
	r.problems.add(name, "is neither a postgres:// URL nor sqlite:PATH; put postgres://USER:PASSWORD@HOST:5432/DB?sslmode=disable there for PostgreSQL, or unset it for SQLite in FACTGRADE_DATA_DIR")
	return Database{Driver: SQLite, Path: filepath.Join(dataDir, SQLiteFile)}
}

// checkPostgresURL returns what is wrong with a postgres:// URL, without
// repeating the URL (it may hold a password), or "".
func checkPostgresURL(v string) string {
	u, err := url.Parse(v)
	if err != nil {
		// url.Error repeats the URL; say only what kind of mistake it is.
		return "the PostgreSQL URL does not parse (" + cause(err).Error() + ")"
	}
	if u.Hostname() == "" {
		return "the PostgreSQL URL names no host"
	}
	if p := u.Port(); p != "" {
		if _, err := ListenPort(":" + p); err != nil {
			return "the PostgreSQL URL's port is not a number"
		}
	}
	if strings.Trim(u.Path, "/") == "" {
		return "the PostgreSQL URL names no database"
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return "the PostgreSQL URL's query does not parse"
	}
	switch q.Get("sslmode") {
	case "", "disable", "allow", "prefer", "require", "verify-ca", "verify-full":
	default:
		return "the PostgreSQL URL's sslmode is not one of disable, allow, prefer, require, verify-ca, verify-full"
	}
	return ""
}

// display returns the database for people: the SQLite path, or the
// PostgreSQL URL with its password replaced.
func (d Database) display() string {
	if d.Driver == SQLite {
		return "sqlite:" + d.Path
	}
	return redactDatabaseURL(d.URL.Reveal())
}

// dsnPassword matches a password in a key=value connection string
// ("host=db password=secret", quoted or not).
var dsnPassword = regexp.MustCompile(`(?i)\b((?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)

// redactDatabaseURL returns a PostgreSQL connection string with every
// password replaced: the user's in a URL, a password or sslpassword query
// parameter, and password=… in a key=value string.
func redactDatabaseURL(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil && strings.Contains(s, "://"):
		return NewSecret(s).String() // unreadable: shown only as set
	case err != nil || u.Scheme == "":
		return dsnPassword.ReplaceAllString(s, "${1}xxxxx")
	}
	q := u.Query()
	for k := range q {
		if strings.EqualFold(k, "password") || strings.EqualFold(k, "sslpassword") {
			q.Set(k, "xxxxx")
		}
	}
	u.RawQuery = q.Encode()
	return u.Redacted()
}
