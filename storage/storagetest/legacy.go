package storagetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/factgrade/factgrade/storage"
)

// Legacy is a database as a build before v0.1.0 left it: one of the texts
// 0001_init.sql had before it was released (it was edited in place three
// times), applied and recorded in a schema_migrations table without
// checksums.
type Legacy struct {
	// Name says which text, such as "0001_init as of c7c6254".
	Name string
	// SQL is that text of 0001_init.sql.
	SQL string
	// SchemaMigrations creates and fills schema_migrations as those builds
	// did (no checksum column, version 1 recorded).
	SchemaMigrations string
	// Seed inserts, in that schema, the graded submission LegacyGrade
	// describes: submission 1, graded at LegacyGradedAt, with the criteria
	// of LegacyGrade's verdicts.
	Seed string
}

// LegacyTexts are the texts 0001_init.sql had before v0.1.0 (git log -p
// -- storage/*/migrations), kept in each adapter's testdata as
// 0001_init-COMMIT.sql, with the columns grade_criteria had beyond the
// first text's; the released text applied without a checksum (the
// adapter's migrations/0001_init.sql) is the last.
var LegacyTexts = []struct {
	Commit, File    string
	CriteriaColumns []string
}{
	{"c7c6254", "testdata/0001_init-c7c6254.sql", nil},
	{"e0d17fe", "testdata/0001_init-e0d17fe.sql", []string{"graded_at"}},
	{"37079db", "testdata/0001_init-37079db.sql", []string{"graded_at", "team_id", "rubric_id"}},
	{"7977323 (released, no checksum)", "migrations/0001_init.sql", []string{"graded_at", "team_id", "rubric_id"}},
}

// Legacies returns the Legacy databases of LegacyTexts for an adapter
// whose tests run in its own directory: schemaMigrations creates the table
// as builds before v0.1.0 did, and seed inserts LegacyGradedAt's grade with
// grade_criteria's columns of that text.
func Legacies(t *testing.T, schemaMigrations string, seed func(criteriaColumns []string) string) []Legacy {
	t.Helper()
	var ls []Legacy
	for _, l := range LegacyTexts {
		b, err := os.ReadFile(l.File)
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, Legacy{Name: "0001_init as of " + l.Commit, SQL: string(b), SchemaMigrations: schemaMigrations, Seed: seed(l.CriteriaColumns)})
	}
	return ls
}

// LegacyDigest names the digest whose two runs the legacy seed records:
// the hour before the legacy grade, and the two hours around it.
const LegacyDigest = "legacy-digest"

// LegacyGradedAt is when the seeded legacy grade was made.
var LegacyGradedAt = time.Date(2025, 4, 10, 12, 0, 0, 0, time.UTC)

// LegacyGradeJSON is the grade_json of the seeded legacy grade.
func LegacyGradeJSON() string {
	b, err := json.Marshal(SampleGrade(1))
	if err != nil {
		panic(err) // SampleGrade is plain data
	}
	return string(b)
}

// RunLegacy checks that a database created by each earlier text of the
// first migration is refused by a store that only checks the schema, with
// a message saying to migrate; that migrating brings it to exactly the
// schema a fresh database gets (describe lists a schema's columns and
// indexes) and keeps its data; and that it is then accepted.
func RunLegacy(t *testing.T, newDatabase func(t *testing.T) Database, describe func(ctx context.Context, db Database) ([]string, error), legacies []Legacy) {
	ctx := context.Background()
	fresh := newDatabase(t)
	mustOpen(t, fresh, storage.Options{})
	want, err := describe(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range legacies {
		t.Run(l.Name, func(t *testing.T) {
			db := newDatabase(t)
			for _, q := range []string{l.SQL, l.SchemaMigrations, l.Seed} {
				if err := db.Exec(ctx, q); err != nil {
					t.Fatalf("creating the legacy database: %v", err)
				}
			}
			_, err := db.Open(ctx, storage.Options{Schema: storage.CheckSchema})
			if !errors.Is(err, storage.ErrSchemaTooOld) || !strings.Contains(err.Error(), "factgrade migrate") {
				t.Errorf("Open(CheckSchema) on %s: %v, want ErrSchemaTooOld saying to run 'factgrade migrate'", l.Name, err)
			}
			s, err := db.Open(ctx, storage.Options{Schema: storage.LeaveSchema})
			if err != nil {
				t.Fatal(err)
			}
			applied, err := migrator(t, s).Migrate(ctx)
			if err != nil {
				t.Fatalf("Migrate(%s): %v", l.Name, err)
			}
			if len(applied) == 0 || applied[0].Version != 1 || !applied[0].Repaired {
				t.Errorf("Migrate(%s) = %+v, want 0001_init repaired first", l.Name, applied)
			}
			got, err := describe(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("schema after migrating %s differs from a fresh one (-fresh +migrated):\n%s", l.Name, diff)
			}
			checked, err := db.Open(ctx, storage.Options{Schema: storage.CheckSchema})
			if err != nil {
				t.Fatalf("Open(CheckSchema) after migrating %s: %v", l.Name, err)
			}
			item, err := checked.GradedItem(ctx, 1)
			if err != nil || item.Grade == nil || item.Grade.Letter != SampleGrade(1).Letter {
				t.Errorf("GradedItem(1) after migrating %s = %+v, %v; want the legacy grade", l.Name, item, err)
			}
			// By the clock and by the marks the migration gave the grade
			// and its criteria.
			for _, by := range windowKinds(t, checked) {
				c, err := checked.Counts(ctx, by.window(LegacyGradedAt.Add(-time.Hour), LegacyGradedAt.Add(time.Hour)), storage.Filter{TeamID: "T1"})
				if err != nil {
					t.Fatal(err)
				}
				if c.Total != 1 || c.FailedCriteria["admission"] != 1 {
					t.Errorf("Counts by %s after migrating %s = %+v, want 1 grade with admission failed", by.name, l.Name, c)
				}
			}
			// The runs recorded before are given the marks of their
			// windows: the last holds the grade, from nothing before.
			run, err := checked.LastDigest(ctx, LegacyDigest)
			if err != nil || run.After != (storage.Marks{}) || run.Through.Grade == 0 || run.Through.Override != 0 {
				t.Errorf("LastDigest after migrating %s = %+v, %v; want marks from zero through the legacy grade", l.Name, run, err)
			} else if c, err := checked.Counts(ctx, run.Window(), storage.Filter{}); err != nil || c.Total != 1 {
				t.Errorf("the last legacy run holds %d grades (%v), want 1", c.Total, err)
			}
			// The next grade lands in the repaired table too.
			sub := submitGraded(t, checked, 2, "Ev-after-repair")
			if _, err := checked.GradedItem(ctx, sub.ID); err != nil {
				t.Errorf("GradedItem of a grade saved after migrating: %v", err)
			}
		})
	}
}

// testRefusesChangedMigration edits the checksum a migration was recorded
// with, as if its text had been edited after it was applied.
func testRefusesChangedMigration(t *testing.T, db Database) {
	ctx := context.Background()
	mustOpen(t, db, storage.Options{})
	edited := "sha256:" + strings.Repeat("0", 64)
	if err := db.Exec(ctx, fmt.Sprintf("UPDATE schema_migrations SET checksum = '%s' WHERE version = 1", edited)); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []storage.SchemaMode{storage.MigrateSchema, storage.CheckSchema} {
		_, err := db.Open(ctx, storage.Options{Schema: mode})
		if !errors.Is(err, storage.ErrMigrationChanged) || !strings.Contains(err.Error(), "0001_init") || !strings.Contains(err.Error(), "CHANGELOG.md") {
			t.Errorf("Open(mode %d) with 0001_init's checksum changed: %v, want ErrMigrationChanged naming 0001_init and saying what to do", mode, err)
		}
	}
}
