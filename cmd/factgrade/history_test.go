package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/storagedb"
	"github.com/factgrade/factgrade/storage/storagetest"
)

func TestMigrateCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	vars := map[string]string{"FACTGRADE_DATA_DIR": dir}
	tests := []struct {
		args     []string
		code     int
		want     []string // in stdout
		wantErr  string   // in stderr
		dontWant string
	}{
		{[]string{"migrate", "--status"}, 0, []string{"database: SQLite " + filepath.Join(dir, "factgrade.db"), "schema version 0 (this factgrade knows 5)", "5 migrations to apply"}, "", "applied"},
		{[]string{"migrate"}, 0, []string{"applied 0001_init", "applied 0002_grade_injection", "applied 0003_claims", "applied 0004_pace", "applied 0005_digest_marks", "schema version 5 (this factgrade knows 5)"}, "", "nothing to apply"},
		{[]string{"migrate"}, 0, []string{"nothing to apply", "schema version 5"}, "", "applied"},
		{[]string{"migrate", "--bogus"}, 2, nil, "flag provided but not defined", ""},
		{[]string{"migrate", "now"}, 2, nil, "takes no arguments", ""},
	}
	for _, tt := range tests {
		code, stdout, stderr := runOps(t, vars, tt.args...)
		if code != tt.code {
			t.Errorf("factgrade %s: exit %d, want %d (stderr %q)", strings.Join(tt.args, " "), code, tt.code, stderr)
		}
		for _, w := range tt.want {
			if !strings.Contains(stdout, w) {
				t.Errorf("factgrade %s: stdout %q lacks %q", strings.Join(tt.args, " "), stdout, w)
			}
		}
		if tt.dontWant != "" && strings.Contains(stdout, tt.dontWant) {
			t.Errorf("factgrade %s: stdout %q has %q", strings.Join(tt.args, " "), stdout, tt.dontWant)
		}
		if !strings.Contains(stderr, tt.wantErr) {
			t.Errorf("factgrade %s: stderr %q lacks %q", strings.Join(tt.args, " "), stderr, tt.wantErr)
		}
	}
}

func TestMigrateCommandSQLiteURL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "elsewhere", "fg.db")
	code, stdout, stderr := runOps(t, map[string]string{"DATABASE_URL": "sqlite:" + path, "FACTGRADE_DATA_DIR": "/nonexistent"}, "migrate")
	if code != 0 || !strings.Contains(stdout, "database: SQLite "+path) {
		t.Errorf("migrate with DATABASE_URL=sqlite:PATH: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("migrate did not create %s: %v", path, err)
	}
}

func TestMigrateCommandBadSettings(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		vars    map[string]string
		setting string
	}{
		{map[string]string{"DATABASE_URL": "mysql://u:hunter2@db/x"}, "DATABASE_URL"},
		{map[string]string{"DATABASE_URL": "postgres://u:hunter2@127.0.0.1:1/x?sslmode=disable"}, "DATABASE_URL"},
		{map[string]string{"FACTGRADE_DATA_DIR": filepath.Join(file, "data")}, "FACTGRADE_DATA_DIR"},
	}
	for _, tt := range tests {
		code, _, stderr := runOps(t, tt.vars, "migrate")
		if code != 1 && code != 2 || !strings.Contains(stderr, tt.setting) || strings.Contains(stderr, "hunter2") {
			t.Errorf("migrate with %v: exit %d, stderr %q; want a failure naming %s without the password", tt.vars, code, stderr, tt.setting)
		}
	}
}

func TestMigrateCommandPostgres(t *testing.T) {
	base := os.Getenv("FACTGRADE_TEST_POSTGRES_URL")
	if base == "" {
		t.Skip("FACTGRADE_TEST_POSTGRES_URL is not set; PostgreSQL tests skipped")
	}
	ctx := context.Background()
	schema := fmt.Sprintf("factgrade_cmd_test_%d", time.Now().UnixNano())
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	defer conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
	u, _ := url.Parse(base)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	code, stdout, stderr := runOps(t, map[string]string{"DATABASE_URL": u.String()}, "migrate")
	if code != 0 || !strings.Contains(stdout, "applied 0001_init") || !strings.Contains(stdout, "(schema "+schema+")") {
		t.Errorf("migrate on PostgreSQL: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// seedHistory stores graded items in the SQLite database in dir: sample 6
// graded three days ago, then samples 0…5 an hour ago, a minute apart.
func seedHistory(t *testing.T, dir string) {
	ctx := context.Background()
	clock := storagetest.NewClock(time.Now().Add(-72 * time.Hour))
	s, err := storagedb.OpenURL(ctx, "", dir, storage.Options{Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, n := range []int{6, 0, 1, 2, 3, 4, 5} {
		sub, _, err := s.Submit(ctx, storagetest.SampleSubmission(n, fmt.Sprintf("Ev%d", n)))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveGrade(ctx, sub.ID, storagetest.SampleGrade(n)); err != nil {
			t.Fatal(err)
		}
		if n == 6 {
			clock.Add(71 * time.Hour)
		}
		clock.Add(time.Minute)
	}
}

func TestHistoryCommand(t *testing.T) {
	dir := t.TempDir()
	seedHistory(t, dir)
	vars := map[string]string{"FACTGRADE_DATA_DIR": dir}

	// Sample 3 (a D, channel C0) is disputed twice by one editor on one
	// criterion: the second override stands.
	func() {
		s, err := storagedb.OpenURL(context.Background(), "", dir, storage.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for _, v := range []rubric.Verdict{rubric.Partial, rubric.Pass} {
			if _, err := s.AddOverride(context.Background(), storage.Override{SubmissionID: 5, Criterion: "admission", Verdict: v, Reason: "¶5: indirect", UserID: "U0DESK"}); err != nil {
				t.Fatal(err)
			}
		}
	}()
	code, stdout, stderr := runOps(t, vars, "history")
	if code != 0 {
		t.Fatalf("history: exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "AFTER DISPUTES") || !regexp.MustCompile(`(?m)^\S+ \S+ +5 .* D +\d+ +graded +[A-F] \d+ \(1\)`).MatchString(stdout) {
		t.Errorf("history does not show sample 3's disputes:\n%s", stdout)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 8 || !strings.HasPrefix(lines[0], "GRADED (UTC)") || !strings.HasPrefix(lines[7], "6 graded since ") {
		t.Fatalf("history printed:\n%s\nwant a header, 6 items and a total", stdout)
	}
	for i, want := range []string{"A", "B", "C", "D", "F", "ungradable"} {
		if f := strings.Fields(lines[i+1]); len(f) < 8 || f[5] != want || f[3] != fmt.Sprintf("C%d", i%3) {
			t.Errorf("history line %d = %q, want channel C%d and grade %s", i+1, lines[i+1], i%3, want)
		}
	}

	code, stdout, stderr = runOps(t, vars, "history", "--since", "7d", "--channel", "C0", "--json")
	if code != 0 {
		t.Fatalf("history --json: exit %d, stderr %q", code, stderr)
	}
	var got []historyItem
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var it historyItem
		if err := json.Unmarshal([]byte(line), &it); err != nil {
			t.Fatalf("history --json line %q: %v", line, err)
		}
		got = append(got, it)
	}
	// Channel C0: samples 6 (three days ago), 0 and 3.
	if len(got) != 3 || got[0].Text != storagetest.SampleSubmission(6, "").Text || got[1].Letter != "A" || got[2].Letter != "D" {
		t.Fatalf("history --since 7d --channel C0 --json = %+v; want samples 6, 0, 3", got)
	}
	if got[2].Grade == nil || len(got[2].Grade.Criteria) != len(storagetest.Criteria) || got[2].Grade.Judge.PromptTokens == 0 {
		t.Errorf("history --json grade = %+v; want every criterion and the judge", got[2].Grade)
	}
	if d := got[2].Disputes; len(d) != 2 || d[0].Standing || !d[1].Standing || d[1].Verdict != rubric.Pass || got[2].AfterDisputes == nil {
		t.Errorf("history --json disputes = %+v, after %+v; want two, the second standing, and the letter after them", d, got[2].AfterDisputes)
	}

	code, stdout, _ = runOps(t, vars, "history", "--since", "7d", "--limit", "2")
	if code != 0 || !strings.Contains(stdout, "2 graded since") {
		t.Errorf("history --limit 2: exit %d, stdout %q", code, stdout)
	}
}

func TestHistoryCommandErrors(t *testing.T) {
	empty := map[string]string{"FACTGRADE_DATA_DIR": t.TempDir()}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"history", "--since", "soon"}, 2, "want a duration"},
		{[]string{"history", "--since", "-2h"}, 2, "positive"},
		{[]string{"history", "--since", "0d"}, 2, "positive"},
		{[]string{"history", "--limit", "-1"}, 2, "--limit"},
		{[]string{"history", "extra"}, 2, "takes no arguments"},
		{[]string{"history", "--channel"}, 2, "flag needs an argument"},
		{[]string{"history"}, 1, "no database at"},
	}
	for _, tt := range tests {
		code, _, stderr := runOps(t, empty, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("factgrade %s: exit %d, stderr %q; want exit %d and %q", strings.Join(tt.args, " "), code, stderr, tt.code, tt.want)
		}
	}
	if entries, _ := os.ReadDir(empty["FACTGRADE_DATA_DIR"]); len(entries) != 0 {
		t.Errorf("history created %d files in an empty data directory", len(entries))
	}
}

// TestHistoryTermSafe: what 'factgrade history' prints of a submission
// cannot drive the operator's terminal.
func TestHistoryTermSafe(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"China admits hacking", "China admits hacking"},
		{"red \x1b[31mALERT\x1b[0m", `red \x1b[31mALERT\x1b[0m`},
		{"bell\a and \x9b CSI", `bell\x07 and \x9b CSI`},
		{"evil \u202etxt.exe", `evil \u202etxt.exe`},
		{"bad \xff byte", `bad \xff byte`},
		{"Beijing’s “tacit” nod", "Beijing’s “tacit” nod"},
	} {
		if got := termSafe(c.in); got != c.want {
			t.Errorf("termSafe(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := clip("a\x1b]0;owned\x07b", 60); strings.ContainsAny(got, "\x1b\x07") {
		t.Errorf("clip kept control characters: %q", got)
	}
}
