package deploy

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/factgrade/factgrade/config"
)

// interpolated matches a compose value taken from .env: ${NAME:-default}.
var interpolated = regexp.MustCompile(`^\$\{([A-Z_]+):-(.*)\}$`)

// composeDefault returns the value compose uses when .env does not set the
// variable: the default of ${NAME:-default}, or the value itself.
func composeDefault(v string) string {
	if m := interpolated.FindStringSubmatch(v); m != nil {
		return m[2]
	}
	return v
}

// proxySettings are the standard proxy variables factgrade's HTTP clients
// honour (Go's net/http); docs/OPERATIONS.md lists them with the settings.
var proxySettings = []string{"HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY"}

// fixedInCompose are settings compose.yaml sets itself, and why .env
// does not choose them.
var fixedInCompose = map[string]string{
	"FACTGRADE_ADDR":       "the container listens on 8080; FACTGRADE_PORT in .env chooses the host's port",
	"FACTGRADE_DATA_DIR":   "the factgrade-data volume is mounted at /data",
	"SLACK_BOT_TOKEN_FILE": "a Docker secret from ./secrets/slack_bot_token",
	"DATABASE_URL_FILE":    "a Docker secret from ./secrets/database_url",
}

// documentedSettings returns the settings of docs/OPERATIONS.md's table,
// with whether each has a _FILE form.
func documentedSettings(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "docs", "OPERATIONS.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([A-Z][A-Z0-9_]+)`( \\(`_FILE`\\))? \\|")
	out := map[string]bool{}
	for _, m := range row.FindAllStringSubmatch(string(b), -1) {
		out[m[1]] = m[2] != ""
	}
	if len(out) < 20 {
		t.Fatalf("found %d settings in docs/OPERATIONS.md's table; has its format changed?", len(out))
	}
	return out
}

// TestComposeReachesEverySetting checks that every setting the operator's
// guide documents can be given through .env, without editing compose.yaml,
// and that compose passes nothing factgrade does not read.
func TestComposeReachesEverySetting(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(root, "compose.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cf composeFile
	if err := yaml.Unmarshal(b, &cf); err != nil {
		t.Fatal(err)
	}
	env := cf.Services["factgrade"].Environment
	names := config.Names()

	docs := documentedSettings(t)
	for name, hasFile := range docs {
		key := name
		if hasFile {
			key = name + "_FILE"
			if _, ok := env[name]; ok {
				t.Errorf("compose passes %s as a value; pass %s (a file)", name, key)
			}
		}
		v, ok := env[key]
		switch {
		case !ok:
			t.Errorf("compose.yaml does not pass %s (documented in docs/OPERATIONS.md)", key)
		case fixedInCompose[key] != "":
		case !interpolated.MatchString(v) || interpolated.FindStringSubmatch(v)[1] != key:
			t.Errorf("compose.yaml sets %s=%q; give it as ${%s:-…} so .env can set it", key, v, key)
		}
	}
	for key := range env {
		if !slices.Contains(names, key) && !slices.Contains(proxySettings, key) {
			t.Errorf("compose.yaml passes %s, which factgrade does not read", key)
		}
		if _, documented := docs[strings.TrimSuffix(key, "_FILE")]; !documented {
			t.Errorf("compose.yaml passes %s, which docs/OPERATIONS.md's settings table does not list", key)
		}
	}
	// The table lists every setting factgrade reads.
	for _, n := range append(slices.Clone(proxySettings), names...) {
		base := strings.TrimSuffix(n, "_FILE")
		if hasFile, ok := docs[base]; !ok || (base != n && !hasFile) {
			t.Errorf("docs/OPERATIONS.md's settings table has no row for %s", n)
		}
	}
	// The config file and rubric directories are mounted where .env can
	// point FACTGRADE_CONFIG and FACTGRADE_RUBRIC_DIRS.
	for _, v := range []string{"./config.d:/config:ro", "./rubrics.d:/rubrics:ro"} {
		if !slices.Contains(cf.Services["factgrade"].Volumes, v) {
			t.Errorf("factgrade volumes %v lack %s", cf.Services["factgrade"].Volumes, v)
		}
	}
}
