package deploy

import (
	"go/version"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"
	"go.yaml.in/yaml/v3"
)

// root is the repository's top directory, where the packaging files live.
const root = ".."

// parseDockerfile parses the Dockerfile as BuildKit does, failing on any
// parser warning or build-check (lint) warning.
func parseDockerfile(t *testing.T) []instructions.Stage {
	t.Helper()
	f, err := os.Open(filepath.Join(root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := parser.Parse(f)
	if err != nil {
		t.Fatalf("parser.Parse(Dockerfile) = %v", err)
	}
	for _, w := range res.Warnings {
		t.Errorf("Dockerfile parser warning: %s (line %d)", w.Short, w.Location.Start.Line)
	}
	var lintWarnings []string
	lint := linter.New(&linter.Config{Warn: func(rule, desc, url, msg string, loc []parser.Range) {
		lintWarnings = append(lintWarnings, rule+": "+msg)
	}})
	stages, _, err := instructions.Parse(res.AST, lint)
	if err != nil {
		t.Fatalf("instructions.Parse(Dockerfile) = %v", err)
	}
	for _, w := range lintWarnings {
		t.Errorf("Dockerfile build check: %s", w)
	}
	return stages
}

// commands returns the stage's commands of type T.
func commands[T instructions.Command](s instructions.Stage) []T {
	var out []T
	for _, c := range s.Commands {
		if tc, ok := c.(T); ok {
			out = append(out, tc)
		}
	}
	return out
}

func TestDockerfileStages(t *testing.T) {
	stages := parseDockerfile(t)
	if len(stages) != 2 {
		t.Fatalf("Dockerfile has %d stages, want 2 (build, final)", len(stages))
	}
	build, final := stages[0], stages[1]
	toolchain := goModDirective(t, filepath.Join(root, "go.mod"), "toolchain")
	if want := "golang:" + strings.TrimPrefix(toolchain, "go"); build.BaseName != want || build.Name != "build" {
		t.Errorf("first stage is FROM %s AS %s, want FROM %s AS build (go.mod's toolchain %s)", build.BaseName, build.Name, want, toolchain)
	}
	if final.BaseName != "gcr.io/distroless/static-debian12:nonroot" {
		t.Errorf("final stage is FROM %s, want gcr.io/distroless/static-debian12:nonroot", final.BaseName)
	}
	// The final stage takes only files from the build stage.
	for _, c := range commands[*instructions.CopyCommand](final) {
		if c.From != "build" {
			t.Errorf("final stage %q copies from the context; it must copy only from the build stage", c.String())
		}
	}
	if n := len(commands[*instructions.RunCommand](final)); n != 0 {
		t.Errorf("final stage has %d RUN commands; distroless has no shell to run them", n)
	}
}

// goModDirective returns the argument of the go.mod file's one line that
// starts with directive ("go", "toolchain"), failing when there is none.
func goModDirective(t *testing.T, file, directive string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == directive {
			return f[1]
		}
	}
	t.Fatalf("%s has no %s line", file, directive)
	return ""
}

// TestOneGoRelease checks that everything that names the Go releases are
// built with names the same one: go.mod's toolchain line (and deploy/go.mod's,
// whose floor is not below go.mod's: it builds the main module, and go mod
// tidy raises it for its own requirements), the exports of GOTOOLCHAIN in the CI scripts and the
// README (machines whose go.env says GOTOOLCHAIN=local ignore the toolchain
// line), and the Dockerfile's golang tag (TestDockerfileStages).
func TestOneGoRelease(t *testing.T) {
	toolchain := goModDirective(t, filepath.Join(root, "go.mod"), "toolchain")
	floor := goModDirective(t, filepath.Join(root, "go.mod"), "go")
	if got := goModDirective(t, "go.mod", "toolchain"); got != toolchain {
		t.Errorf("deploy/go.mod: toolchain %s, go.mod: toolchain %s; want the same", got, toolchain)
	}
	if got := goModDirective(t, "go.mod", "go"); version.Compare("go"+got, "go"+floor) < 0 {
		t.Errorf("deploy/go.mod: go %s, below go.mod's go %s", got, floor)
	}
	// GOTOOLCHAIN=go1.27.3, or GOTOOLCHAIN="${GOTOOLCHAIN:-go1.27.3}".
	named := regexp.MustCompile(`GOTOOLCHAIN="?(?:\$\{GOTOOLCHAIN:-)?(go[0-9][0-9.]*)`)
	for _, file := range []string{"README.md", ".ci/run", ".ci/build-image-check", ".ci/govulncheck"} {
		data, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "export GOTOOLCHAIN=") {
			t.Errorf("%s does not export GOTOOLCHAIN=%s (go.mod's toolchain line)", file, toolchain)
		}
		for _, m := range named.FindAllStringSubmatch(string(data), -1) {
			if m[1] != toolchain {
				t.Errorf("%s names another Go: %q (go.mod's toolchain is %s)", file, m[0], toolchain)
			}
		}
		if !named.Match(data) {
			t.Errorf("%s names no Go in GOTOOLCHAIN, want %s", file, toolchain)
		}
	}
}

// TestDockerfileModulesCached checks that modules are downloaded in a layer
// of their own, after copying only go.mod and go.sum and before the source.
func TestDockerfileModulesCached(t *testing.T) {
	build := parseDockerfile(t)[0]
	var order []string
	for _, c := range build.Commands {
		switch c := c.(type) {
		case *instructions.CopyCommand:
			order = append(order, "COPY "+strings.Join(c.SourcePaths, " ")+" -> "+c.DestPath)
		case *instructions.RunCommand:
			order = append(order, "RUN "+strings.Join(c.CmdLine, " "))
		}
	}
	want := []string{
		"COPY go.mod go.sum -> ./",
		"RUN go mod download",
		"COPY . -> .",
		"RUN " + BuildCommand,
		"RUN mkdir -p /out/data",
	}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("build stage COPY/RUN order (-want +got):\n%s", diff)
	}
}

func TestDockerfileBuildCommand(t *testing.T) {
	build := parseDockerfile(t)[0]
	var found *instructions.RunCommand
	for _, r := range commands[*instructions.RunCommand](build) {
		if strings.Contains(strings.Join(r.CmdLine, " "), "go build") {
			if found != nil {
				t.Fatalf("build stage runs go build twice")
			}
			found = r
		}
	}
	if found == nil {
		t.Fatalf("build stage never runs go build")
	}
	if got := strings.Join(found.CmdLine, " "); got != BuildCommand {
		t.Errorf("build command =\n  %s\nwant\n  %s", got, BuildCommand)
	}
	// $VERSION must come from a build argument declared in the stage,
	// so --build-arg VERSION=… stamps the binary.
	var hasVersion bool
	for _, a := range commands[*instructions.ArgCommand](build) {
		for _, kv := range a.Args {
			hasVersion = hasVersion || kv.Key == "VERSION"
		}
	}
	if !hasVersion {
		t.Errorf("build stage declares no ARG VERSION for -X main.Version=$VERSION")
	}
}

func TestDockerfileFinalStage(t *testing.T) {
	final := parseDockerfile(t)[1]

	users := commands[*instructions.UserCommand](final)
	// Numeric: with runAsNonRoot the kubelet refuses a user given by name,
	// since it cannot tell from the name that it is not root.
	if len(users) == 0 || users[len(users)-1].User != "65532:65532" {
		t.Errorf("final stage USER = %v, want 65532:65532 (nonroot, numeric) last", users)
	}

	hcs := commands[*instructions.HealthCheckCommand](final)
	if len(hcs) != 1 {
		t.Fatalf("final stage has %d HEALTHCHECKs, want 1", len(hcs))
	}
	hc := hcs[0].Health
	if diff := cmp.Diff([]string{"CMD", "/factgrade", "healthcheck"}, hc.Test); diff != "" {
		t.Errorf("HEALTHCHECK test (-want +got):\n%s", diff)
	}
	// The check's own client timeout (3 s by default) must fit in Docker's.
	if hc.Timeout < 4*time.Second {
		t.Errorf("HEALTHCHECK --timeout = %v, want at least 4s, above healthcheck's 3s default", hc.Timeout)
	}

	eps := commands[*instructions.EntrypointCommand](final)
	if len(eps) != 1 || eps[0].PrependShell || !slices.Equal(eps[0].CmdLine, []string{"/factgrade"}) {
		t.Errorf("ENTRYPOINT = %+v, want exec form [\"/factgrade\"]", eps)
	}
	cmds := commands[*instructions.CmdCommand](final)
	if len(cmds) != 1 || cmds[0].PrependShell || !slices.Equal(cmds[0].CmdLine, []string{"serve"}) {
		t.Errorf("CMD = %+v, want exec form [\"serve\"]", cmds)
	}

	vols := commands[*instructions.VolumeCommand](final)
	if len(vols) != 1 || !slices.Equal(vols[0].Volumes, []string{"/data"}) {
		t.Errorf("VOLUME = %+v, want /data", vols)
	}
	env := map[string]string{}
	for _, e := range commands[*instructions.EnvCommand](final) {
		for _, kv := range e.Env {
			env[kv.Key] = kv.Value
		}
	}
	if env["FACTGRADE_DATA_DIR"] != "/data" {
		t.Errorf("ENV FACTGRADE_DATA_DIR = %q, want /data (the volume)", env["FACTGRADE_DATA_DIR"])
	}
	exposes := commands[*instructions.ExposeCommand](final)
	port := strings.TrimPrefix(env["FACTGRADE_ADDR"], ":")
	if len(exposes) != 1 || !slices.Equal(exposes[0].Ports, []string{port}) {
		t.Errorf("EXPOSE = %+v, want the port of FACTGRADE_ADDR (%q)", exposes, env["FACTGRADE_ADDR"])
	}

	// /data must belong to nonroot (65532), or the volume is read-only to
	// the bot.
	var dataOwned bool
	for _, c := range commands[*instructions.CopyCommand](final) {
		if c.DestPath == "/data" && c.Chown == "65532:65532" {
			dataOwned = true
		}
	}
	if !dataOwned {
		t.Errorf("final stage does not create /data owned by 65532:65532")
	}
}

// TestDockerignore checks with Docker's own matcher that the build context
// keeps what the build needs and drops secrets, databases and VCS data.
func TestDockerignore(t *testing.T) {
	f, err := os.Open(filepath.Join(root, ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	patterns, err := ignorefile.ReadAll(f)
	if err != nil {
		t.Fatalf("reading .dockerignore: %v", err)
	}
	pm, err := patternmatcher.New(patterns)
	if err != nil {
		t.Fatalf(".dockerignore patterns: %v", err)
	}
	tests := []struct {
		path     string
		excluded bool
	}{
		{".git/config", true},
		{"secrets/slack_bot_token", true},
		{"data/factgrade.db", true},
		{"factgrade.db-wal", true},
		{".env", true},
		{"factgrade", true},
		{"go.mod", false},
		{"go.sum", false},
		{"cmd/factgrade/main.go", false},
		{"rubrics/volt-typhoon-geneva.yaml", false},
		{"rubrics/sources/volt-typhoon-geneva.txt", false},
		{"llm/prompts/judge_system.tmpl", false},
		{"config/config.go", false},
	}
	for _, tt := range tests {
		got, err := pm.MatchesOrParentMatches(tt.path)
		if err != nil {
			t.Fatalf("matching %s: %v", tt.path, err)
		}
		if got != tt.excluded {
			t.Errorf(".dockerignore excludes %s = %t, want %t", tt.path, got, tt.excluded)
		}
	}
}

// composeFile is the part of compose.yaml the test reads.
type composeFile struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		Environment map[string]string `yaml:"environment"`
		Secrets     []string          `yaml:"secrets"`
		Profiles    []string          `yaml:"profiles"`
		Volumes     []string          `yaml:"volumes"`
		StopGrace   string            `yaml:"stop_grace_period"`
		DependsOn   map[string]struct {
			Condition string `yaml:"condition"`
		} `yaml:"depends_on"`
	} `yaml:"services"`
	Secrets map[string]struct {
		File string `yaml:"file"`
	} `yaml:"secrets"`
}

// secretNames are settings that must never be given as plain environment
// values in compose.yaml.
var secretNames = []string{"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "OPENAI_API_KEY", "DATABASE_URL", "POSTGRES_PASSWORD"}

func TestCompose(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(root, "compose.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cf composeFile
	if err := yaml.Unmarshal(b, &cf); err != nil {
		t.Fatalf("compose.yaml: %v", err)
	}
	for _, name := range []string{"factgrade", "postgres", "ollama"} {
		if _, ok := cf.Services[name]; !ok {
			t.Errorf("compose.yaml has no service %q", name)
		}
	}
	if p := cf.Services["ollama"].Profiles; !slices.Equal(p, []string{"ollama"}) {
		t.Errorf("ollama service profiles = %v, want [ollama] so it starts only on request", p)
	}
	for _, name := range []string{"factgrade", "postgres"} {
		if p := cf.Services[name].Profiles; len(p) != 0 {
			t.Errorf("service %s has profiles %v; it must start by default", name, p)
		}
	}
	if c := cf.Services["factgrade"].DependsOn["postgres"].Condition; c != "service_healthy" {
		t.Errorf("factgrade depends on postgres with condition %q, want service_healthy", c)
	}
	fgEnv := cf.Services["factgrade"].Environment
	grace, err := time.ParseDuration(composeDefault(cf.Services["factgrade"].StopGrace))
	shutdown, err2 := time.ParseDuration(composeDefault(fgEnv["FACTGRADE_SHUTDOWN_GRACE"]))
	drain, err3 := time.ParseDuration(composeDefault(fgEnv["FACTGRADE_SHUTDOWN_DRAIN"]))
	if err != nil || err2 != nil || err3 != nil || grace <= shutdown+drain {
		t.Errorf("stop_grace_period %q must exceed FACTGRADE_SHUTDOWN_DRAIN %q + FACTGRADE_SHUTDOWN_GRACE %q", cf.Services["factgrade"].StopGrace, fgEnv["FACTGRADE_SHUTDOWN_DRAIN"], fgEnv["FACTGRADE_SHUTDOWN_GRACE"])
	}

	for svcName, svc := range cf.Services {
		for key, val := range svc.Environment {
			if slices.Contains(secretNames, key) {
				t.Errorf("service %s sets %s in its environment; pass it as a file with %s_FILE", svcName, key, key)
			}
			if !strings.HasSuffix(key, "_FILE") {
				continue
			}
			// Every *_FILE names a secret the service mounts, and the
			// secret comes from a file under ./secrets; optional ones are
			// set in .env, to files of ./secrets mounted at /secrets.
			val = composeDefault(val)
			if val == "" {
				if !slices.Contains(svc.Volumes, "./secrets:/secrets:ro") {
					t.Errorf("service %s: %s is set from .env, but ./secrets is not mounted read-only at /secrets", svcName, key)
				}
				continue
			}
			name, ok := strings.CutPrefix(val, "/run/secrets/")
			if !ok {
				t.Errorf("service %s: %s=%q is not under /run/secrets", svcName, key, val)
				continue
			}
			if !slices.Contains(svc.Secrets, name) {
				t.Errorf("service %s: %s names secret %q, which the service does not list", svcName, key, name)
			}
			if f := cf.Secrets[name].File; !strings.HasPrefix(f, "./secrets/") {
				t.Errorf("secret %s comes from %q, want a file under ./secrets/", name, f)
			}
		}
	}
	fg := cf.Services["factgrade"]
	for _, key := range []string{"SLACK_BOT_TOKEN_FILE", "SLACK_SIGNING_SECRET_FILE", "DATABASE_URL_FILE"} {
		if fg.Environment[key] == "" {
			t.Errorf("factgrade service does not set %s", key)
		}
	}
	if !slices.Contains(fg.Volumes, "factgrade-data:/data") {
		t.Errorf("factgrade volumes = %v, want factgrade-data:/data", fg.Volumes)
	}
}
